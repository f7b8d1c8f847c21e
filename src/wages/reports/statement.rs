//! An artisan's monthly statement: every counted entry of the month (pieces, minimum-wage
//! top-ups, sale bonuses, approved adjustments, payouts) between the opening and closing
//! balances, and the month judged by the time register (`truth`).

use std::collections::HashSet;

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;

use super::center_month::{artisan_month, by_register, history, is_late, ArtisanMonth};
use super::truth::{center_truth, MonthTruth};
use super::{center, today, ArtisanRef, Sums};
use crate::centers::Center;
use crate::db::DbConn;
use crate::error::AppError;
use crate::schema::{artisans, ledger_entries, orders, pieces};
use crate::wages::ledger::{self, counts};
use crate::wages::policy::{self, PolicyRow};
use crate::wages::types::{EntryKind, Month};

#[derive(Debug, Clone, Serialize)]
pub struct StatementPiece {
    pub entry_id: i64,
    pub on: NaiveDate,
    pub sku: String,
    pub title: String,
    pub minutes: i64,
    pub wage_minor: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatementBonus {
    pub entry_id: i64,
    pub on: NaiveDate,
    pub order_reference: String,
    pub sku: String,
    pub title: String,
    pub amount_minor: i64,
    /// The bonus percentage of the net sale, e.g. "5".
    pub bonus_percent: String,
    /// Rupees per unit of the sale currency, e.g. "84.25 INR/USD".
    pub rate: String,
}

/// A minimum-wage top-up posted at month close.
#[derive(Debug, Clone, Serialize)]
pub struct StatementTopUp {
    pub entry_id: i64,
    pub on: NaiveDate,
    pub amount_minor: i64,
    /// The paid hours it was computed for.
    pub minutes: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatementAdjustment {
    pub entry_id: i64,
    pub on: NaiveDate,
    pub amount_minor: i64,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatementPayout {
    pub entry_id: i64,
    pub on: NaiveDate,
    pub amount_minor: i64,
    pub method: String,
    pub reference: String,
}

/// An artisan's monthly statement: every counted entry of the month, and the balances.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    pub artisan: ArtisanRef,
    pub center: Center,
    pub month: Month,
    pub summary: ArtisanMonth,
    /// The month by the time register: income without bonuses against the floors for the
    /// register's hours (the same figures as the center month, the chart and the overview).
    pub truth: MonthTruth,
    pub policy: Option<PolicyRow>,
    pub pieces: Vec<StatementPiece>,
    pub top_ups: Vec<StatementTopUp>,
    pub bonuses: Vec<StatementBonus>,
    pub adjustments: Vec<StatementAdjustment>,
    pub payouts: Vec<StatementPayout>,
    /// Adjustments of the month still waiting for a second person (not counted).
    pub pending_adjustments: i64,
}

fn text(v: &serde_json::Value, key: &str) -> String {
    match v.get(key) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// The statement of the artisan with `public_id` for `month` (`None`: no such artisan).
pub fn statement(conn: &mut DbConn, public_id: &str, month: Month) -> Result<Option<Statement>, AppError> {
    statement_on(conn, public_id, month, today())
}

pub fn statement_on(
    conn: &mut DbConn,
    public_id: &str,
    month: Month,
    today: NaiveDate,
) -> Result<Option<Statement>, AppError> {
    let found: Option<(i64, String, String, i64)> = artisans::table
        .filter(artisans::public_id.eq(public_id))
        .select((artisans::id, artisans::public_id, artisans::public_alias, artisans::center_id))
        .first(conn)
        .optional()?;
    let Some((id, public_id, alias, center_id)) = found else {
        return Ok(None);
    };
    let artisan = ArtisanRef { id, public_id, alias, center_id };
    let center = center(conn, center_id)?;
    let policy = policy::at(conn, center_id, month.last_day())?.map(|p| p.row);
    // (entry, piece SKU, piece title, order reference)
    type Line = (ledger::EntryRow, Option<String>, Option<String>, Option<String>);
    let rows: Vec<Line> = ledger_entries::table
        .left_join(pieces::table)
        .left_join(orders::table)
        .filter(ledger_entries::artisan_id.eq(id))
        .filter(ledger_entries::occurred_on.between(month.first_day(), month.last_day()))
        .order((ledger_entries::occurred_on, ledger_entries::id))
        .select((
            ledger::EntryRow::as_select(),
            pieces::sku.nullable(),
            pieces::title.nullable(),
            orders::reference.nullable(),
        ))
        .load(conn)?;
    let counted: HashSet<i64> = ledger_entries::table
        .filter(ledger_entries::artisan_id.eq(id))
        .filter(ledger_entries::occurred_on.between(month.first_day(), month.last_day()))
        .filter(counts())
        .select(ledger_entries::id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    // Adjustments of the month that a second person has decided (either way).
    let decided: HashSet<i64> = ledger_entries::table
        .filter(
            ledger_entries::kind.eq_any([EntryKind::AdjustmentApproved.code(), EntryKind::AdjustmentRejected.code()]),
        )
        .filter(ledger_entries::artisan_id.eq(id))
        .filter(ledger_entries::refers_to.is_not_null())
        .select(ledger_entries::refers_to)
        .load::<Option<i64>>(conn)?
        .into_iter()
        .flatten()
        .collect();
    let mut s = Sums::default();
    let (mut pieces_out, mut bonuses, mut adjustments, mut payouts) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut top_ups = Vec::new();
    let mut pending = 0;
    for (e, sku, title, reference) in rows {
        let details = e.details_json();
        if !counted.contains(&e.id) {
            if e.kind == EntryKind::Adjustment && !decided.contains(&e.id) {
                pending += 1;
            }
            continue;
        }
        s.add(e.kind, e.amount_minor, e.labor_minutes);
        match e.kind {
            EntryKind::WageEarned => pieces_out.push(StatementPiece {
                entry_id: e.id,
                on: e.occurred_on,
                sku: sku.unwrap_or_default(),
                title: title.unwrap_or_default(),
                minutes: e.labor_minutes.unwrap_or(0),
                wage_minor: e.amount_minor,
            }),
            EntryKind::SaleBonus => bonuses.push(StatementBonus {
                entry_id: e.id,
                on: e.occurred_on,
                order_reference: reference.unwrap_or_default(),
                sku: sku.unwrap_or_default(),
                title: title.unwrap_or_default(),
                amount_minor: e.amount_minor,
                bonus_percent: text(&details, "bonus_percent"),
                rate: {
                    let (r, c) = (text(&details, "inr_per_unit"), text(&details, "sale_currency"));
                    if r.is_empty() {
                        String::new()
                    } else {
                        format!("{r} INR/{c}")
                    }
                },
            }),
            EntryKind::MinimumWageTopUp => top_ups.push(StatementTopUp {
                entry_id: e.id,
                on: e.occurred_on,
                amount_minor: e.amount_minor,
                minutes: e.labor_minutes.unwrap_or(0),
            }),
            EntryKind::Adjustment => adjustments.push(StatementAdjustment {
                entry_id: e.id,
                on: e.occurred_on,
                amount_minor: e.amount_minor,
                reason: text(&details, "reason"),
            }),
            EntryKind::Payout => payouts.push(StatementPayout {
                entry_id: e.id,
                on: e.occurred_on,
                amount_minor: -e.amount_minor,
                method: e.payout_details().map(|p| p.method.label()).unwrap_or("unknown method").to_string(),
                reference: text(&details, "reference"),
            }),
            _ => {}
        }
    }
    let h = history(conn, &[id], month)?.get(&id).copied().unwrap_or_default();
    let mut summary = artisan_month(&artisan, &s, h.start, policy.as_ref(), is_late(month, today, s.earned(), &h));
    let truth = center_truth(conn, center_id, month)?.of(id);
    by_register(&mut summary, truth);
    Ok(Some(Statement {
        artisan,
        center,
        month,
        summary,
        truth,
        policy,
        pieces: pieces_out,
        top_ups,
        bonuses,
        adjustments,
        payouts,
        pending_adjustments: pending,
    }))
}
