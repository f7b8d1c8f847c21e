//! Demo "where your money goes": a gold rate recorded by finance every week of the demo's
//! history, and the recorded costs (stones, hallmarking, shipping and packing) of every listed,
//! held or sold demo piece but the two most recently listed — those show a piece whose costs are
//! not yet recorded. Written through the real services (audit log, catalog version).

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::SeedError;
use crate::audit::Actor;
use crate::auth::Scope;
use crate::catalog::types::PieceStatus;
use crate::db::DbConn;
use crate::error::AppError;
use crate::money::{Currency, Money};
use crate::pricing::costs::{self, CostsInput};
use crate::pricing::gold::{self, GoldRateInput};
use crate::schema::{centers, piece_stones, pieces};
use crate::wages::types::india_date;

fn app(e: AppError) -> SeedError {
    SeedError::Invalid(crate::error::Chain(&e).to_string())
}

/// Rupees per gram of fine gold on a demo day: near what the demo prices assume (about US$121
/// a gram at ₹84), moving a little week to week.
fn demo_gold_rate(week: i64) -> Money {
    let wiggle = [0, 60, -40, 110, 20, -70, 90][week.rem_euclid(7) as usize];
    Money::new((10_150 + wiggle) * 100, Currency::Inr)
}

/// What the workshop paid for a piece's stones, in paise: by kind, per carat (pearls each).
fn stone_cost(kind: &str, count: i32, carats_hundredths: i64) -> i64 {
    match kind {
        // A hundredth of a carat at ₹N a carat is N paise.
        "diamond" => carats_hundredths * 42_000,
        "ruby" | "emerald" | "sapphire" => carats_hundredths * 12_000,
        "pearl" => i64::from(count) * 700 * 100,
        _ => carats_hundredths * 1_800,
    }
}

pub fn demo_pricing(conn: &mut DbConn, now: NaiveDateTime) -> Result<(), SeedError> {
    let finance = Actor::system("finance@fairgold.test");
    // Weekly rates back to before the oldest demo listing (at most 30 weeks).
    let today = india_date(now);
    for week in (0..30).rev() {
        let on = today - Duration::weeks(week);
        let input = GoldRateInput {
            on,
            per_gram: demo_gold_rate(week),
            source: "IBJA 999 fine gold, afternoon rate (demo figure)".into(),
        };
        gold::record(conn, &finance, &input, on.and_hms_opt(7, 30, 0).expect("a valid time").min(now)).map_err(app)?;
    }

    let public = [PieceStatus::Listed, PieceStatus::Held, PieceStatus::Sold];
    let rows: Vec<(i64, i64, PieceStatus, Option<NaiveDateTime>)> = pieces::table
        .filter(pieces::status.eq_any(public))
        .order(pieces::id)
        .select((pieces::id, pieces::center_id, pieces::status, pieces::listed_at))
        .load(conn)?;
    // The two most recently listed pieces on sale wait for their costs.
    let mut newest: Vec<(NaiveDateTime, i64)> =
        rows.iter().filter(|r| r.2 == PieceStatus::Listed).filter_map(|r| r.3.map(|at| (at, r.0))).collect();
    newest.sort();
    let waiting: Vec<i64> = newest.iter().rev().take(2).map(|(_, id)| *id).collect();
    let center_codes: Vec<(i64, String)> = centers::table.select((centers::id, centers::code)).load(conn)?;
    for (id, center_id, _, listed_at) in rows {
        if waiting.contains(&id) {
            continue;
        }
        let stones: Vec<(String, i32, i64)> = piece_stones::table
            .filter(piece_stones::piece_id.eq(id))
            .select((piece_stones::kind, piece_stones::count, piece_stones::carats_hundredths))
            .load(conn)?;
        let stones = stones.iter().map(|(k, c, h)| stone_cost(k, *c, *h)).sum();
        let code = center_codes.iter().find(|c| c.0 == center_id).map(|c| c.1.as_str()).unwrap_or("kolkata");
        let manager = Scope::everywhere(Actor::system(&format!("{code}@fairgold.test")));
        let input = CostsInput {
            stones: Money::new(stones, Currency::Inr),
            // BIS hallmarking: ₹45 a piece plus GST.
            hallmarking: Money::new(5_310, Currency::Inr),
            packing: Money::new(90_000 + (id % 5) * 5_000, Currency::Inr),
        };
        let at = listed_at.unwrap_or(now).min(now);
        costs::record(conn, &manager, id, &input, at).map_err(app)?;
    }
    Ok(())
}
