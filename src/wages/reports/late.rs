//! Late payments: months whose wages were not all paid by the 7th of the next month.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use serde::Serialize;

use super::{artisan_refs, months, ArtisanRef};
use crate::db::DbConn;
use crate::error::AppError;
use crate::schema::ledger_entries;
use crate::wages::ledger::counts;
use crate::wages::types::{EntryKind, Month};

const SUM: &str = "CAST(COALESCE(SUM(ledger_entries.amount_minor), 0) AS BIGINT)";

/// Per artisan: the sum of counted payouts (or of all other counted entries) on or before `through`.
fn grouped_sums(
    conn: &mut DbConn,
    artisan_ids: &[i64],
    through: NaiveDate,
    payouts: bool,
) -> QueryResult<HashMap<i64, i64>> {
    let base = ledger_entries::table
        .filter(counts())
        .filter(ledger_entries::artisan_id.eq_any(artisan_ids))
        .filter(ledger_entries::occurred_on.le(through))
        .group_by(ledger_entries::artisan_id)
        .select((ledger_entries::artisan_id, sql::<BigInt>(SUM)))
        .into_boxed();
    let q = if payouts {
        base.filter(ledger_entries::kind.eq(EntryKind::Payout.code()))
    } else {
        base.filter(ledger_entries::kind.ne(EntryKind::Payout.code()))
    };
    Ok(q.load::<(i64, i64)>(conn)?.into_iter().collect())
}

/// A month whose wages were not all paid by the 7th of the next month (Code on Wages s.17).
#[derive(Debug, Clone, Serialize)]
pub struct LateMonth {
    pub artisan: ArtisanRef,
    pub month: Month,
    pub deadline: NaiveDate,
    pub earned_in_month_minor: i64,
    /// Everything earned up to the month's last day (FIFO: older months are paid first).
    pub earned_through_minor: i64,
    /// Everything paid up to the deadline (positive).
    pub paid_by_deadline_minor: i64,
    pub shortfall_minor: i64,
    /// The first payout date by which the payments covered the month; `None`: still unpaid.
    pub covered_on: Option<NaiveDate>,
}

/// Late months of months from `since` whose deadline is before `today`, oldest first
/// (optionally one center's artisans). Payments are applied oldest month first: month M is late
/// when payouts dated on or before its deadline sum to less than everything earned through M.
/// Months in which the artisan earned nothing are not listed.
pub fn late(
    conn: &mut DbConn,
    today: NaiveDate,
    center_id: Option<i64>,
    since: Month,
) -> Result<Vec<LateMonth>, AppError> {
    let people = artisan_refs(conn, center_id)?;
    let ids: Vec<i64> = people.iter().map(|a| a.id).collect();
    let before = since.first_day().pred_opt();
    let (earned_before, paid_before) = match before {
        Some(d) => (grouped_sums(conn, &ids, d, false)?, grouped_sums(conn, &ids, d, true)?),
        None => (HashMap::new(), HashMap::new()),
    };
    let entries: Vec<(i64, EntryKind, i64, NaiveDate)> = ledger_entries::table
        .filter(counts())
        .filter(ledger_entries::artisan_id.eq_any(&ids))
        .filter(ledger_entries::occurred_on.ge(since.first_day()))
        .order((ledger_entries::artisan_id, ledger_entries::occurred_on, ledger_entries::id))
        .select((
            ledger_entries::artisan_id,
            ledger_entries::kind,
            ledger_entries::amount_minor,
            ledger_entries::occurred_on,
        ))
        .load(conn)?;
    let mut by_artisan: HashMap<i64, Vec<(bool, i64, NaiveDate)>> = HashMap::new();
    for (a, kind, amount, on) in entries {
        by_artisan.entry(a).or_default().push((kind == EntryKind::Payout, amount, on));
    }
    let mut out = Vec::new();
    let last = Month::of(today);
    for a in people {
        let Some(list) = by_artisan.get(&a.id) else { continue };
        let earned0 = earned_before.get(&a.id).copied().unwrap_or(0);
        let paid0 = -paid_before.get(&a.id).copied().unwrap_or(0);
        for m in months(since, last) {
            let deadline = m.pay_deadline();
            if deadline >= today {
                break;
            }
            let in_month: i64 =
                list.iter().filter(|(p, _, on)| !p && Month::of(*on) == m).map(|(_, amount, _)| amount).sum();
            if in_month <= 0 {
                continue;
            }
            let earned_through = earned0
                + list.iter().filter(|(p, _, on)| !p && *on <= m.last_day()).map(|(_, amount, _)| amount).sum::<i64>();
            let paid_by = paid0 - list.iter().filter(|(p, _, on)| *p && *on <= deadline).map(|e| e.1).sum::<i64>();
            if paid_by >= earned_through {
                continue;
            }
            let mut cumulative = paid0;
            let mut covered_on = None;
            for (_, amount, on) in list.iter().filter(|e| e.0) {
                cumulative -= amount;
                if cumulative >= earned_through {
                    covered_on = Some(*on);
                    break;
                }
            }
            out.push(LateMonth {
                artisan: a.clone(),
                month: m,
                deadline,
                earned_in_month_minor: in_month,
                earned_through_minor: earned_through,
                paid_by_deadline_minor: paid_by,
                shortfall_minor: earned_through - paid_by,
                covered_on,
            });
        }
    }
    out.sort_by(|x, y| (x.month, &x.artisan.alias).cmp(&(y.month, &y.artisan.alias)));
    Ok(out)
}

/// Last month's wages still to pay before their deadline (the 7th of this month), per artisan:
/// everything earned through last month's last day less everything paid so far, when that is
/// owed and the deadline has not passed (after it, `late` lists the month). Oldest months are
/// paid first, as in `late`.
#[derive(Debug, Clone, Serialize)]
pub struct DueWages {
    pub month: Month,
    pub deadline: NaiveDate,
    pub artisans: usize,
    pub owed_minor: i64,
}

pub fn due_by_deadline(conn: &mut DbConn, today: NaiveDate, center_id: Option<i64>) -> Result<DueWages, AppError> {
    let month = Month::of(today).prev();
    let deadline = month.pay_deadline();
    let mut due = DueWages { month, deadline, artisans: 0, owed_minor: 0 };
    if today > deadline {
        return Ok(due);
    }
    let people = artisan_refs(conn, center_id)?;
    let ids: Vec<i64> = people.iter().map(|a| a.id).collect();
    let earned = grouped_sums(conn, &ids, month.last_day(), false)?;
    let paid = grouped_sums(conn, &ids, today, true)?;
    for id in ids {
        // Payouts are negative entries.
        let owed = earned.get(&id).copied().unwrap_or(0) + paid.get(&id).copied().unwrap_or(0);
        if owed > 0 {
            due.artisans += 1;
            due.owed_minor += owed;
        }
    }
    Ok(due)
}
