//! What publishing a piece needs (issue 14): its basics — at least one photo, a description,
//! a HUID or a recorded exemption, its makers and hours, a price within the configured range of
//! its gold value — all reported at once; and, when screening finds times, places or contacts
//! in its description, a second staff member's approval of exactly that text. The back office
//! shows `preview` (what goes public, what goes into the ledger) before the editor confirms;
//! `check` runs again inside the publish's own transaction, so nothing slips in between.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use rust_decimal::Decimal;

use super::input::LaborInput;
use super::service::{self, WagePreview};
use crate::auth::{Scope, Subject};
use crate::catalog::models::PieceRow;
use crate::catalog::queries as catalog_queries;
use crate::centers;
use crate::config::PublishingSettings;
use crate::db::DbConn;
use crate::error::AppError;
use crate::money::{round_minor, Money, Overflow};
use crate::pricing::gold;
use crate::schema::{artisans, piece_makers};
use crate::screening::approvals::{self, Approval, Target};
use crate::screening::{screen, Match};
use crate::wages::service as wages;
use crate::wages::types::india_date;
use crate::web::form::FieldErrors;

/// The approval context of a piece's description.
pub const DESCRIPTION: &str = "piece.description";

/// Where a piece's description is published, for `screening::approvals`.
pub fn description_target(piece: &PieceRow) -> Target<'static> {
    Target { context: DESCRIPTION, entity_id: piece.id, center_id: Some(piece.center_id) }
}

/// The price range a piece's gold value allows: the gold value and the bounds, in the
/// currency of the day's gold rate, and the price in that currency.
#[derive(Debug, Clone, Copy)]
pub struct PriceRange {
    pub gold_value: Money,
    pub min: Money,
    pub max: Money,
    pub price: Money,
}

/// Why a price cannot be checked against the gold's value (publishing is then refused).
const NO_GOLD_RATE: &str = "finance has not recorded today's gold rate, so the price cannot be checked against the \
                            value of its gold: ask finance to record it (Wages, Gold rates)";

/// The range of prices a piece's gold allows today: `Err(message)` when it cannot be known
/// (no gold rate recorded for today, or no exchange rate to compare the price with it).
pub fn price_range(
    conn: &mut DbConn,
    piece: &PieceRow,
    rules: &PublishingSettings,
    now: NaiveDateTime,
) -> Result<Result<PriceRange, String>, AppError> {
    let today = india_date(now);
    let Some(rate) = gold::rate_on(conn, today)?.filter(|r| r.rate_date == today) else {
        return Ok(Err(NO_GOLD_RATE.into()));
    };
    let gold_value = gold::value_at(&rate, piece.purity.into(), piece.net_weight_mg)?;
    let price = Money::new(piece.price_minor, piece.currency);
    // The price in the rate's currency, through rupees at the exchange rates finance recorded.
    let price_minor = if price.currency == gold_value.currency {
        Decimal::from(price.minor)
    } else {
        let (Some((_, from)), Some((_, to))) =
            (wages::rate_near(conn, price.currency, today)?, wages::rate_near(conn, gold_value.currency, today)?)
        else {
            return Ok(Err(format!(
                "no exchange rate is recorded to compare the price in {} with the gold rate in {}: ask finance to \
                 record one",
                price.currency.code(),
                gold_value.currency.code()
            )));
        };
        Decimal::from(price.minor).checked_mul(from).ok_or(Overflow)?.checked_div(to).ok_or(Overflow)?
    };
    let bound = |percent: u32| -> Result<Money, AppError> {
        let exact =
            Decimal::from(gold_value.minor).checked_mul(Decimal::from(percent)).ok_or(Overflow)? / Decimal::ONE_HUNDRED;
        Ok(Money::new(round_minor(exact)?, gold_value.currency))
    };
    Ok(Ok(PriceRange {
        gold_value,
        min: bound(rules.min_percent_of_gold_value)?,
        max: bound(rules.max_percent_of_gold_value)?,
        price: Money::new(round_minor(price_minor)?, gold_value.currency),
    }))
}

/// What the piece still lacks before it may be published, by stable key (the API's field
/// names): `photo`, `description`, `huid`, `labor`, `price` (outside the configured range of
/// its gold's value, or no gold rate recorded for today: refused, the safe side). Empty when it
/// is ready.
pub fn missing(
    conn: &mut DbConn,
    piece: &PieceRow,
    rules: &PublishingSettings,
    now: NaiveDateTime,
) -> Result<FieldErrors, AppError> {
    let facts = Facts::read(conn, piece, rules, now)?;
    Ok(missing_in(piece, &facts, rules))
}

/// What the publishing check reads from the database about a piece, read once.
pub struct Facts {
    pub photos: usize,
    pub has_makers: bool,
    /// The range the gold allows, or why it cannot be known.
    pub price_range: Result<PriceRange, String>,
}

impl Facts {
    pub fn read(
        conn: &mut DbConn,
        piece: &PieceRow,
        rules: &PublishingSettings,
        now: NaiveDateTime,
    ) -> Result<Self, AppError> {
        Ok(Self {
            photos: catalog_queries::images_of(conn, &[piece.id])?.len(),
            has_makers: !wages::makers_of(conn, piece.id)?.is_empty(),
            price_range: price_range(conn, piece, rules, now)?,
        })
    }
}

/// `missing` on facts already read.
fn missing_in(piece: &PieceRow, facts: &Facts, rules: &PublishingSettings) -> FieldErrors {
    let mut e = FieldErrors::default();
    if facts.photos == 0 {
        e.add("photo", "add at least one photo of the piece");
    }
    if piece.description.trim().is_empty() {
        e.add("description", "write a description: what the piece is and how it was made");
    }
    if piece.huid.is_none() && piece.huid_exemption.is_none() {
        e.add("huid", "enter the piece's hallmark HUID, or choose the hallmarking exemption that applies to it");
    }
    if !facts.has_makers {
        e.add(
            "labor",
            "record who made the piece and their hours (“Made by”): their wages are posted when it is published",
        );
    }
    match &facts.price_range {
        Err(why) => e.add("price", why.clone()),
        Ok(range) if range.price.minor < range.min.minor || range.price.minor > range.max.minor => {
            let price = Money::new(piece.price_minor, piece.currency);
            let converted =
                if price.currency == range.price.currency { String::new() } else { format!(" ({})", range.price) };
            e.add(
                "price",
                format!(
                    "the price {price}{converted} is outside the range its gold allows: {} to {} ({}% to {}% of the \
                     value of its gold today, {})",
                    range.min,
                    range.max,
                    rules.min_percent_of_gold_value,
                    rules.max_percent_of_gold_value,
                    range.gold_value
                ),
            );
        }
        Ok(_) => {}
    }
    e
}

/// The whole check before publishing, inside the publish's write: every missing basic at once
/// (422 `not_ready_to_publish`, a message per basic), then the screening approval of the
/// description (409 `screening_approval_required`).
pub fn check(
    conn: &mut DbConn,
    piece: &PieceRow,
    rules: &PublishingSettings,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let fields = missing(conn, piece, rules, now)?;
    if !fields.is_empty() {
        return Err(AppError::Unprocessable { code: "not_ready_to_publish", fields });
    }
    approvals::require(conn, description_target(piece), &piece.description)
}

/// The confirmation page's content: what goes public and what goes into the ledger.
#[derive(Debug, Clone)]
pub struct Preview {
    pub piece: PieceRow,
    pub center_city: String,
    pub photos: usize,
    pub missing: FieldErrors,
    /// The range the gold allows, or why it cannot be known.
    pub price_range: Result<PriceRange, String>,
    /// What screening found in the description, and the approval asked for it (if any).
    pub screening: Vec<Match>,
    pub approval: Option<Approval>,
    /// The makers, hours and each one's share of the wage (from the wage panel's computation).
    pub wages: Option<WagePreview>,
    /// The makers as the public piece page names them.
    pub public_makers: Vec<String>,
}

impl Preview {
    /// Whether the description needs an approval that it does not have yet.
    pub fn awaits_approval(&self) -> bool {
        !self.screening.is_empty() && self.approval.as_ref().is_none_or(|a| a.approved_at.is_none())
    }
}

/// Everything the confirmation shows, for a staff member who may publish the piece.
pub fn preview(
    conn: &mut DbConn,
    editor: &Scope,
    id: i64,
    rules: &PublishingSettings,
    public: crate::artisans::models::PublicRules,
    now: NaiveDateTime,
) -> Result<Preview, AppError> {
    let piece = service::find(conn, id)?;
    editor.check(piece.center_id, Subject::Pieces)?;
    let center = centers::all(conn)?.into_iter().find(|c| c.id == piece.center_id);
    let facts = Facts::read(conn, &piece, rules, now)?;
    let missing = missing_in(&piece, &facts, rules);
    let Facts { photos, price_range, .. } = facts;
    let screening = screen(&piece.description);
    let approval = if screening.is_empty() {
        None
    } else {
        approvals::status(conn, description_target(&piece), &piece.description)?
    };
    let labor: Vec<LaborInput> = piece_makers::table
        .inner_join(artisans::table)
        .filter(piece_makers::piece_id.eq(piece.id))
        .order(artisans::id)
        .select((artisans::public_id, piece_makers::labor_minutes))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .map(|(artisan_public_id, minutes)| LaborInput { artisan_public_id, minutes })
        .collect();
    let (wage, _) = service::wage_state(conn, piece.id)?;
    let code = center.as_ref().map(|c| c.code.clone()).unwrap_or_default();
    let wages = service::wage_preview(conn, editor, &code, &labor, wage, Some(piece.id), now)?;
    let city = center.as_ref().map(|c| c.city.clone()).unwrap_or_default();
    // The makers as the piece page will name them: by alias only with attribution consent.
    let public_makers = crate::artisans::queries::makers_of(conn, &[piece.id], public)?
        .into_iter()
        .map(|(_, _, a)| match a.named {
            Some(n) => format!("{}, of the {city} workshop", n.alias),
            None => format!("a goldsmith of the {city} workshop (not named: no attribution consent)"),
        })
        .collect();
    Ok(Preview {
        public_makers,
        center_city: center.map(|c| c.city).unwrap_or_default(),
        piece,
        photos,
        missing,
        price_range,
        screening,
        approval,
        wages,
    })
}

/// Asks for a second person's approval of the piece's description as it is now.
pub fn request_approval(conn: &mut DbConn, editor: &Scope, id: i64, now: NaiveDateTime) -> Result<i64, AppError> {
    let piece = service::find(conn, id)?;
    editor.check(piece.center_id, Subject::Pieces)?;
    approvals::request(conn, &editor.actor, description_target(&piece), &piece.description, now)
}
