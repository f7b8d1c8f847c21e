//! A piece's recorded costs beyond its gold and its makers' wages: stones, hallmarking, and
//! shipping and packing. Recorded on their own back-office page by the piece's center manager,
//! finance or an admin; one row per piece, replaced on each save (the audit log keeps every
//! earlier figure).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
use serde_json::json;

use crate::audit::{self, AuditEvent};
use crate::auth::scope::Subject;
use crate::auth::Scope;
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::money::{Currency, Money};
use crate::schema::{piece_costs, pieces};
use crate::web::page_cache::bump_version;

/// The currency costs are recorded in: the workshops pay them in rupees.
pub const CURRENCY: Currency = Currency::Inr;

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = piece_costs)]
pub struct PieceCosts {
    pub piece_id: i64,
    pub stone_cost_minor: i64,
    pub hallmarking_minor: i64,
    pub packing_minor: i64,
    pub currency: Currency,
    pub recorded_by: String,
    pub recorded_at: NaiveDateTime,
}

impl PieceCosts {
    pub fn stones(&self) -> Money {
        Money::new(self.stone_cost_minor, self.currency)
    }
    pub fn hallmarking(&self) -> Money {
        Money::new(self.hallmarking_minor, self.currency)
    }
    pub fn packing(&self) -> Money {
        Money::new(self.packing_minor, self.currency)
    }
}

/// Costs as the form parsed them: amounts of one currency, none negative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostsInput {
    pub stones: Money,
    pub hallmarking: Money,
    /// Shipping and packing the checkout's shipping charge does not cover.
    pub packing: Money,
}

/// What the costs page shows of its piece.
#[derive(Debug, Clone, Queryable, Serialize)]
pub struct PieceHead {
    pub id: i64,
    pub sku: String,
    pub title: String,
    pub center_id: i64,
}

pub fn piece_head(conn: &mut DbConn, piece_id: i64) -> QueryResult<Option<PieceHead>> {
    pieces::table
        .find(piece_id)
        .select((pieces::id, pieces::sku, pieces::title, pieces::center_id))
        .first(conn)
        .optional()
}

pub fn of(conn: &mut DbConn, piece_id: i64) -> QueryResult<Option<PieceCosts>> {
    piece_costs::table.find(piece_id).select(PieceCosts::as_select()).first(conn).optional()
}

/// Records (or replaces) a piece's costs: within the editor's scope (a manager: their own
/// center's pieces), audit-logged with the figures before and after; the piece page shows
/// them, so the catalog version moves.
pub fn record(
    conn: &mut DbConn,
    editor: &Scope,
    piece_id: i64,
    input: &CostsInput,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    db::write(conn, |conn| {
        // One save of a piece's costs at a time: the figures before (for the log) are the
        // ones this save replaces.
        db::serialize_on(conn, &format!("piece_costs:{piece_id}"))?;
        let head = piece_head(conn, piece_id)?.ok_or(AppError::NotFound)?;
        editor.check(head.center_id, Subject::Pieces)?;
        let before = of(conn, piece_id)?;
        let values = (
            piece_costs::stone_cost_minor.eq(input.stones.minor),
            piece_costs::hallmarking_minor.eq(input.hallmarking.minor),
            piece_costs::packing_minor.eq(input.packing.minor),
            piece_costs::currency.eq(input.stones.currency),
            piece_costs::recorded_by.eq(&editor.actor.label),
            piece_costs::recorded_at.eq(now),
        );
        if before.is_some() {
            diesel::update(piece_costs::table.find(piece_id)).set(values).execute(conn)?;
        } else {
            diesel::insert_into(piece_costs::table)
                .values((piece_costs::piece_id.eq(piece_id), values))
                .execute(conn)?;
        }
        let figures = |c: (i64, i64, i64, Currency)| json!({ "stone_cost_minor": c.0, "hallmarking_minor": c.1, "packing_minor": c.2, "currency": c.3 });
        audit::record(
            conn,
            &editor.actor,
            &AuditEvent {
                action: "piece.costs",
                entity_type: "piece",
                entity_id: Some(piece_id.to_string()),
                center_id: Some(head.center_id),
                details: json!({
                    "before": before.map(|b| figures((b.stone_cost_minor, b.hallmarking_minor, b.packing_minor, b.currency))),
                    "after": figures((input.stones.minor, input.hallmarking.minor, input.packing.minor, input.stones.currency)),
                }),
            },
            now,
        )?;
        bump_version(conn)?;
        Ok(())
    })
}
