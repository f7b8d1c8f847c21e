//! What the finance forms and the audit export read: the artisan roster with legal names
//! (decrypted, every read audit-logged), recorded exchange rates, adjustments with their
//! decisions, and pages of the ledger. The writes live in `service` and `policy`.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::Bool;
use serde::Serialize;
use serde_json::json;

use super::ledger::{self, EntryRow};
use super::types::EntryKind;
use crate::audit::{self, Actor, AuditEvent};
use crate::crypto::{Cipher, Field};
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::money::Currency;
use crate::schema::{artisan_private, artisans, centers, exchange_rates, ledger_entries};

/// One artisan as finance sees them: public and private names, center, what they are owed.
#[derive(Clone, Serialize)]
pub struct ArtisanLine {
    pub id: i64,
    pub public_id: String,
    pub alias: String,
    pub legal_name: String,
    pub center_id: i64,
    pub center_code: String,
    pub center_city: String,
    /// INR minor units owed now (negative: overpaid).
    pub owed_minor: i64,
}

impl std::fmt::Debug for ArtisanLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never let a legal name slip into a log line through `{:?}`.
        write!(f, "ArtisanLine({})", self.public_id)
    }
}

/// (id, public id, alias, sealed legal name, center id, center code, center city).
type RosterRow = (i64, String, String, Option<String>, i64, String, String);

/// Every artisan with their legal name decrypted and their balance (through `through`, or
/// everything), ordered by center and alias. With an actor, the read is audit-logged as
/// `action` in the same transaction: no legal name is shown without its audit entry.
pub fn roster(
    conn: &mut DbConn,
    cipher: &Cipher,
    audit_as: Option<(&Actor, &str)>,
    through: Option<NaiveDate>,
    now: NaiveDateTime,
) -> Result<Vec<ArtisanLine>, AppError> {
    // A write transaction from the start: it may end with the audit insert (see
    // `orders::queries::write_transaction` on SQLite's deferred transactions).
    db::write(conn, |conn| {
        let rows: Vec<RosterRow> = artisans::table
            .inner_join(centers::table)
            .left_join(artisan_private::table)
            .order((artisans::center_id, artisans::public_alias, artisans::id))
            .select((
                artisans::id,
                artisans::public_id,
                artisans::public_alias,
                artisan_private::legal_name.nullable(),
                artisans::center_id,
                centers::code,
                centers::city,
            ))
            .load(conn)?;
        let owed: HashMap<i64, i64> = ledger::balances(conn, through)?.into_iter().collect();
        let mut lines = Vec::with_capacity(rows.len());
        for (id, public_id, alias, sealed, center_id, center_code, center_city) in rows {
            let legal_name = match sealed {
                Some(s) => cipher.open(Field::ARTISAN_LEGAL_NAME, id, &s).map_err(AppError::corrupt)?,
                None => String::new(),
            };
            let owed_minor = owed.get(&id).copied().unwrap_or(0);
            lines.push(ArtisanLine {
                id,
                public_id,
                alias,
                legal_name,
                center_id,
                center_code,
                center_city,
                owed_minor,
            });
        }
        if let Some((actor, action)) = audit_as {
            audit::record(
                conn,
                actor,
                &AuditEvent {
                    action,
                    entity_type: "artisan",
                    entity_id: None,
                    center_id: None,
                    details: json!({ "legal_names_shown": lines.len() }),
                },
                now,
            )?;
        }
        Ok(lines)
    })
}

/// A recorded exchange rate.
#[derive(Debug, Clone, Queryable, Serialize)]
pub struct RateRow {
    pub currency: Currency,
    pub rate_date: NaiveDate,
    pub inr_per_unit: String,
    pub recorded_by: String,
    pub recorded_at: NaiveDateTime,
    pub source: String,
}

/// The most recent rates first (by day, then currency).
pub fn recent_rates(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<RateRow>> {
    exchange_rates::table
        .order((exchange_rates::rate_date.desc(), exchange_rates::currency))
        .limit(limit)
        .select((
            exchange_rates::currency,
            exchange_rates::rate_date,
            exchange_rates::inr_per_unit,
            exchange_rates::recorded_by,
            exchange_rates::recorded_at,
            exchange_rates::source,
        ))
        .load(conn)
}

/// Rates for days in [from, to], oldest first (the audit export).
pub fn rates_between(conn: &mut DbConn, from: NaiveDate, to: NaiveDate) -> QueryResult<Vec<RateRow>> {
    exchange_rates::table
        .filter(exchange_rates::rate_date.between(from, to))
        .order((exchange_rates::rate_date, exchange_rates::currency))
        .select((
            exchange_rates::currency,
            exchange_rates::rate_date,
            exchange_rates::inr_per_unit,
            exchange_rates::recorded_by,
            exchange_rates::recorded_at,
            exchange_rates::source,
        ))
        .load(conn)
}

/// Adjustments waiting for a second person.
pub fn pending_adjustments(conn: &mut DbConn) -> QueryResult<i64> {
    ledger_entries::table
        .filter(ledger_entries::kind.eq(EntryKind::Adjustment.code()))
        .filter(sql::<Bool>(
            "ledger_entries.id NOT IN (SELECT d.refers_to FROM ledger_entries d \
             WHERE d.kind IN ('adjustment_approved', 'adjustment_rejected') AND d.refers_to IS NOT NULL)",
        ))
        .count()
        .get_result(conn)
}

/// Every adjustment (newest first) with its decision entry, if decided.
pub fn adjustments(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<(EntryRow, Option<EntryRow>)>> {
    let adjustments: Vec<EntryRow> = ledger_entries::table
        .filter(ledger_entries::kind.eq(EntryKind::Adjustment.code()))
        .order(ledger_entries::id.desc())
        .limit(limit)
        .select(EntryRow::as_select())
        .load(conn)?;
    let ids: Vec<i64> = adjustments.iter().map(|a| a.id).collect();
    let decisions: Vec<EntryRow> = ledger_entries::table
        .filter(
            ledger_entries::kind.eq_any([EntryKind::AdjustmentApproved.code(), EntryKind::AdjustmentRejected.code()]),
        )
        .filter(ledger_entries::refers_to.eq_any(&ids))
        .select(EntryRow::as_select())
        .load(conn)?;
    let mut by_target: HashMap<i64, EntryRow> =
        decisions.into_iter().filter_map(|d| d.refers_to.map(|t| (t, d))).collect();
    Ok(adjustments
        .into_iter()
        .map(|a| {
            let d = by_target.remove(&a.id);
            (a, d)
        })
        .collect())
}

/// Which page of the ledger to read: entries before or after an entry number (keyset).
#[derive(Debug, Clone, Copy, Default)]
pub enum Cursor {
    #[default]
    Newest,
    Before(i64),
    After(i64),
}

/// A filter on the ledger list.
#[derive(Debug, Clone, Default)]
pub struct LedgerFilter {
    pub artisan_id: Option<i64>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// An entry with its artisan's alias and public id.
pub type LedgerRow = (EntryRow, String, String);

/// A page of the ledger, newest first, and whether there are entries beyond it either way.
pub struct LedgerPage {
    pub rows: Vec<LedgerRow>,
    pub newer: bool,
    pub older: bool,
}

/// A page of ledger entries, newest first, each with its artisan's alias and public id; and
/// whether there are newer and older entries beyond it.
pub fn ledger_page(conn: &mut DbConn, filter: &LedgerFilter, cursor: Cursor, per_page: i64) -> QueryResult<LedgerPage> {
    let base = || {
        let mut q = ledger_entries::table
            .inner_join(artisans::table)
            .select((EntryRow::as_select(), artisans::public_alias, artisans::public_id))
            .into_boxed();
        if let Some(a) = filter.artisan_id {
            q = q.filter(ledger_entries::artisan_id.eq(a));
        }
        if let Some(f) = filter.from {
            q = q.filter(ledger_entries::occurred_on.ge(f));
        }
        if let Some(t) = filter.to {
            q = q.filter(ledger_entries::occurred_on.le(t));
        }
        q
    };
    let (mut rows, more_newer, more_older) = match cursor {
        Cursor::Newest => {
            let mut rows: Vec<LedgerRow> = base().order(ledger_entries::id.desc()).limit(per_page + 1).load(conn)?;
            let older = rows.len() as i64 > per_page;
            rows.truncate(per_page as usize);
            (rows, false, older)
        }
        Cursor::Before(id) => {
            let mut rows: Vec<LedgerRow> = base()
                .filter(ledger_entries::id.lt(id))
                .order(ledger_entries::id.desc())
                .limit(per_page + 1)
                .load(conn)?;
            let older = rows.len() as i64 > per_page;
            rows.truncate(per_page as usize);
            (rows, true, older)
        }
        Cursor::After(id) => {
            let mut rows: Vec<LedgerRow> = base()
                .filter(ledger_entries::id.gt(id))
                .order(ledger_entries::id.asc())
                .limit(per_page + 1)
                .load(conn)?;
            let newer = rows.len() as i64 > per_page;
            rows.truncate(per_page as usize);
            rows.reverse();
            (rows, newer, true)
        }
    };
    rows.sort_by_key(|r| std::cmp::Reverse(r.0.id));
    Ok(LedgerPage { rows, newer: more_newer, older: more_older })
}

/// An artisan's id from their public id.
pub fn artisan_by_public_id(conn: &mut DbConn, public_id: &str) -> QueryResult<Option<i64>> {
    artisans::table.filter(artisans::public_id.eq(public_id)).select(artisans::id).first(conn).optional()
}

/// Which of these entries count towards a balance (see `ledger::COUNTS`).
pub fn counted_among(conn: &mut DbConn, ids: &[i64]) -> QueryResult<Vec<i64>> {
    ledger_entries::table
        .filter(ledger::counts())
        .filter(ledger_entries::id.eq_any(ids))
        .select(ledger_entries::id)
        .load(conn)
}
