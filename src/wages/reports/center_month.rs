//! A center's month: one row per artisan (pieces, hours, wages, bonuses, payments, balances,
//! effective hourly earnings) with the month's flags, and its plain-text rendering for
//! `fairgold wages report`.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use serde::Serialize;

use super::truth::{center_truth, MonthTruth};
use super::{artisan_refs, center, rates, today, ArtisanRef, Sums};
use crate::centers::Center;
use crate::db::DbConn;
use crate::error::AppError;
use crate::schema::ledger_entries;
use crate::wages::ledger::{self, counts};
use crate::wages::policy::{self, hours_label, inr, PolicyRow};
use crate::wages::types::EntryKind;
use crate::wages::types::Month;

/// One artisan's month: what they earned, were paid and are owed, and how it compares with the
/// policy. Amounts are INR minor units; `paid_minor` is positive.
#[derive(Debug, Clone, Serialize)]
pub struct ArtisanMonth {
    pub artisan_id: i64,
    pub public_id: String,
    pub alias: String,
    pub pieces: i64,
    pub minutes: i64,
    pub wages_minor: i64,
    pub bonuses_minor: i64,
    pub adjustments_minor: i64,
    pub paid_minor: i64,
    /// wages + bonuses + approved adjustments.
    pub earned_minor: i64,
    pub balance_start_minor: i64,
    pub balance_end_minor: i64,
    pub effective_hourly_minor: Option<i64>,
    pub fte_monthly_minor: Option<i64>,
    pub below_legal_minimum: bool,
    /// `None`: no living wage set for the center.
    pub below_living_wage: Option<bool>,
    /// The month's wages were not all paid by the 7th of the next month (see `late`).
    pub late: bool,
    /// The month by the time register: its paid hours (work, paid leave, holidays)…
    pub register_minutes: i64,
    /// …the month's income without sale bonuses (salary with overtime pay or piece wages,
    /// posted top-ups, approved adjustments; see `truth`)…
    pub income_minor: i64,
    /// The top-up month close would post (an open month).
    pub top_up_due_minor: i64,
    /// …and the legal minimum and the living wage for those hours (the monthly figure pro-rated
    /// to the policy's standard hours; `None` without register hours or without the figure).
    pub legal_min_for_hours_minor: Option<i64>,
    pub living_wage_for_hours_minor: Option<i64>,
    /// The income against each: exact comparisons; bonuses never lift a month over either.
    pub income_below_legal_minimum: Option<bool>,
    pub income_below_living_wage: Option<bool>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CenterMonth {
    pub center: Center,
    pub month: Month,
    /// The policy in force on the month's last day.
    pub policy: Option<PolicyRow>,
    pub rows: Vec<ArtisanMonth>,
    pub total_pieces: i64,
    pub total_minutes: i64,
    pub total_wages_minor: i64,
    pub total_bonuses_minor: i64,
    pub total_adjustments_minor: i64,
    pub total_paid_minor: i64,
    pub total_earned_minor: i64,
    pub total_balance_start_minor: i64,
    pub total_balance_end_minor: i64,
    pub below_legal_count: usize,
    pub below_living_count: usize,
    pub late_count: usize,
    /// Months whose income without bonuses is below the legal minimum / the living wage for
    /// the register's paid hours.
    pub income_below_legal_count: usize,
    pub income_below_living_count: usize,
}

/// What a month's balances and lateness need from an artisan's history, in one pass over the
/// `(artisan_id, occurred_on)` index: the balance before the month, everything earned
/// (counted, not payouts) through its last day, and the payouts (negative) through its deadline.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct History {
    pub(super) start: i64,
    earned_through: i64,
    paid_by_deadline: i64,
}

pub(super) fn history(conn: &mut DbConn, artisan_ids: &[i64], month: Month) -> QueryResult<HashMap<i64, History>> {
    let (first, last, deadline) = (month.first_day(), month.last_day(), month.pay_deadline());
    // Dates are formatted by chrono (YYYY-MM-DD), never typed by a person; both backends
    // compare them with the DATE column as written.
    let sum = |cond: String| {
        sql::<BigInt>(&format!(
            "CAST(COALESCE(SUM(CASE WHEN {cond} THEN ledger_entries.amount_minor ELSE 0 END), 0) AS BIGINT)"
        ))
    };
    // For a whole center, the history is most of the ledger (see `history_sqlite`); for one
    // artisan's statement the index is the better way.
    if let (DbConn::Sqlite(c), true) = (&mut *conn, artisan_ids.len() > 5) {
        return history_sqlite(c, artisan_ids, first, last, deadline);
    }
    let rows: Vec<(i64, i64, i64, i64)> = ledger_entries::table
        .filter(counts())
        .filter(ledger_entries::artisan_id.eq_any(artisan_ids))
        .filter(ledger_entries::occurred_on.le(deadline.max(last)))
        .group_by(ledger_entries::artisan_id)
        .select((
            ledger_entries::artisan_id,
            sum(format!("ledger_entries.occurred_on < '{first}'")),
            sum(format!("ledger_entries.kind <> 'payout' AND ledger_entries.occurred_on <= '{last}'")),
            sum(format!("ledger_entries.kind = 'payout' AND ledger_entries.occurred_on <= '{deadline}'")),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(a, start, earned_through, paid)| (a, History { start, earned_through, paid_by_deadline: paid }))
        .collect())
}

#[derive(QueryableByName)]
struct HistoryRow {
    #[diesel(sql_type = BigInt)]
    artisan_id: i64,
    #[diesel(sql_type = BigInt)]
    start: i64,
    #[diesel(sql_type = BigInt)]
    earned_through: i64,
    #[diesel(sql_type = BigInt)]
    paid_by_deadline: i64,
}

/// SQLite walks the `(artisan_id, occurred_on)` index and looks each row up in the table,
/// about twice as slow as one sequential scan when the history is most of the ledger; the
/// unary `+` keeps the planner off the indexes. (Numbers and dates are formatted here, never
/// typed by a person.)
fn history_sqlite(
    conn: &mut diesel::SqliteConnection,
    artisan_ids: &[i64],
    first: NaiveDate,
    last: NaiveDate,
    deadline: NaiveDate,
) -> QueryResult<HashMap<i64, History>> {
    if artisan_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let ids = artisan_ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let sum = |cond: String| format!("CAST(COALESCE(SUM(CASE WHEN {cond} THEN amount_minor ELSE 0 END), 0) AS BIGINT)");
    let q = format!(
        "SELECT +ledger_entries.artisan_id AS artisan_id, {} AS start, {} AS earned_through, {} AS paid_by_deadline \
         FROM ledger_entries WHERE {} AND +ledger_entries.artisan_id IN ({ids}) GROUP BY +ledger_entries.artisan_id",
        sum(format!("occurred_on < '{first}'")),
        sum(format!("kind <> 'payout' AND occurred_on <= '{last}'")),
        sum(format!("kind = 'payout' AND occurred_on <= '{deadline}'")),
        ledger::COUNTS,
    );
    Ok(diesel::sql_query(q)
        .load::<HistoryRow>(conn)?
        .into_iter()
        .map(|r| {
            let h = History { start: r.start, earned_through: r.earned_through, paid_by_deadline: r.paid_by_deadline };
            (r.artisan_id, h)
        })
        .collect())
}

/// Month M is late (FIFO, as `late`) once its deadline has passed, when the artisan earned
/// something in M and the payouts by the deadline do not cover everything earned through M.
pub(super) fn is_late(month: Month, today: NaiveDate, earned_in_month: i64, h: &History) -> bool {
    month.pay_deadline() < today && earned_in_month > 0 && -h.paid_by_deadline < h.earned_through
}

/// (artisan, kind, amount, minutes).
type MonthEntry = (i64, EntryKind, i64, Option<i64>);

/// The month's counted entries of these artisans: (artisan, kind, amount, minutes).
fn month_entries(conn: &mut DbConn, artisan_ids: &[i64], month: Month) -> QueryResult<Vec<MonthEntry>> {
    ledger_entries::table
        .filter(ledger_entries::artisan_id.eq_any(artisan_ids))
        .filter(ledger_entries::occurred_on.between(month.first_day(), month.last_day()))
        .filter(counts())
        .select((
            ledger_entries::artisan_id,
            ledger_entries::kind,
            ledger_entries::amount_minor,
            ledger_entries::labor_minutes,
        ))
        .load(conn)
}

/// The center's month, one row per artisan of the center (judged today in India).
pub fn center_month(conn: &mut DbConn, center_id: i64, month: Month) -> Result<CenterMonth, AppError> {
    center_month_on(conn, center_id, month, today())
}

/// `center_month` with the day lateness is judged on.
pub fn center_month_on(
    conn: &mut DbConn,
    center_id: i64,
    month: Month,
    today: NaiveDate,
) -> Result<CenterMonth, AppError> {
    let center = center(conn, center_id)?;
    let policy = policy::at(conn, center_id, month.last_day())?.map(|p| p.row);
    let people = artisan_refs(conn, Some(center_id))?;
    let ids: Vec<i64> = people.iter().map(|a| a.id).collect();
    let mut sums: HashMap<i64, Sums> = HashMap::new();
    for (artisan_id, kind, amount, minutes) in month_entries(conn, &ids, month)? {
        sums.entry(artisan_id).or_default().add(kind, amount, minutes);
    }
    let past = history(conn, &ids, month)?;
    let truth = center_truth(conn, center_id, month)?;
    let rows: Vec<ArtisanMonth> = people
        .into_iter()
        .map(|a| {
            let s = sums.get(&a.id).copied().unwrap_or_default();
            let h = past.get(&a.id).copied().unwrap_or_default();
            let mut row = artisan_month(&a, &s, h.start, policy.as_ref(), is_late(month, today, s.earned(), &h));
            by_register(&mut row, truth.of(a.id));
            row
        })
        .collect();
    let total = |f: fn(&ArtisanMonth) -> i64| rows.iter().map(f).sum::<i64>();
    Ok(CenterMonth {
        total_pieces: total(|r| r.pieces),
        total_minutes: total(|r| r.minutes),
        total_wages_minor: total(|r| r.wages_minor),
        total_bonuses_minor: total(|r| r.bonuses_minor),
        total_adjustments_minor: total(|r| r.adjustments_minor),
        total_paid_minor: total(|r| r.paid_minor),
        total_earned_minor: total(|r| r.earned_minor),
        total_balance_start_minor: total(|r| r.balance_start_minor),
        total_balance_end_minor: total(|r| r.balance_end_minor),
        below_legal_count: rows.iter().filter(|r| r.below_legal_minimum).count(),
        below_living_count: rows.iter().filter(|r| r.below_living_wage == Some(true)).count(),
        late_count: rows.iter().filter(|r| r.late).count(),
        income_below_legal_count: rows.iter().filter(|r| r.income_below_legal_minimum == Some(true)).count(),
        income_below_living_count: rows.iter().filter(|r| r.income_below_living_wage == Some(true)).count(),
        center,
        month,
        policy,
        rows,
    })
}

pub(super) fn artisan_month(
    a: &ArtisanRef,
    s: &Sums,
    start: i64,
    policy: Option<&PolicyRow>,
    late: bool,
) -> ArtisanMonth {
    let earned = s.earned();
    let r = rates(earned, s.minutes, policy);
    ArtisanMonth {
        artisan_id: a.id,
        public_id: a.public_id.clone(),
        alias: a.alias.clone(),
        pieces: s.pieces,
        minutes: s.minutes,
        wages_minor: s.wages,
        bonuses_minor: s.bonuses,
        adjustments_minor: s.adjustments,
        paid_minor: s.paid,
        earned_minor: earned,
        balance_start_minor: start,
        balance_end_minor: start + earned - s.paid,
        effective_hourly_minor: r.effective_hourly_minor,
        fte_monthly_minor: r.fte_monthly_minor,
        below_legal_minimum: r.below_legal_minimum,
        below_living_wage: r.below_living_wage,
        late,
        register_minutes: 0,
        income_minor: s.wages + s.adjustments,
        top_up_due_minor: 0,
        legal_min_for_hours_minor: None,
        living_wage_for_hours_minor: None,
        income_below_legal_minimum: None,
        income_below_living_wage: None,
    }
}

/// Puts the month's truth by the time register (`truth::center_truth`) on a row. Its flags are
/// the month's: income without bonuses against the lines for the register's hours (a month
/// without register hours is not judged; the old per-piece-hour rate is only a figure).
pub(super) fn by_register(row: &mut ArtisanMonth, t: MonthTruth) {
    row.below_legal_minimum = t.income_below_legal_minimum == Some(true);
    row.below_living_wage = t.income_below_living_wage;
    row.register_minutes = t.register_minutes;
    row.income_minor = t.income_minor;
    row.top_up_due_minor = t.top_up_due_minor;
    row.legal_min_for_hours_minor = t.legal_min_for_hours_minor;
    row.living_wage_for_hours_minor = t.living_wage_for_hours_minor;
    row.income_below_legal_minimum = t.income_below_legal_minimum;
    row.income_below_living_wage = t.income_below_living_wage;
}

/// The report as plain text for a terminal (`fairgold wages report`): the policy line, one
/// line per artisan with their flags, the totals and the month's counts.
pub fn render_text(report: &CenterMonth) -> String {
    let mut lines = vec![format!("{} — {}", report.center.name, report.month.label())];
    lines.push(match &report.policy {
        Some(p) => format!(
            "Policy from {}: legal minimum {}/month, living wage {}, {} h/month",
            p.effective_from,
            inr(p.legal_min_monthly_minor),
            p.living_wage_monthly_minor
                .map(|l| format!("{}/month", inr(l)))
                .unwrap_or_else(|| "not set (finance must enter one)".into()),
            p.standard_hours_per_month
        ),
        None => "No wage policy in force for this month: finance must add one.".to_string(),
    });
    lines.push(String::new());
    lines.push(format!(
        "{:<16} {:<11} {:>6} {:>11} {:>13} {:>13} {:>13} {:>13} {:>13}  flags",
        "artisan", "public id", "pieces", "reg. hours", "income", "living/hours", "bonuses", "paid", "balance"
    ));
    for r in &report.rows {
        let mut flags = Vec::new();
        if r.below_legal_minimum {
            flags.push("BELOW LEGAL MINIMUM");
        }
        match r.below_living_wage {
            Some(true) => flags.push("below living wage"),
            None if r.register_minutes > 0 => flags.push("living wage unknown"),
            _ => {}
        }
        if r.register_minutes == 0 && r.pieces > 0 {
            flags.push("no register hours");
        }
        if r.late {
            flags.push("paid late");
        }
        let hours =
            if r.register_minutes > 0 { hours_label(r.register_minutes).replace(" hours", " h") } else { "—".into() };
        lines.push(format!(
            "{:<16} {:<11} {:>6} {:>11} {:>13} {:>13} {:>13} {:>13} {:>13}  {}",
            r.alias,
            r.public_id,
            r.pieces,
            hours,
            inr(r.income_minor),
            r.living_wage_for_hours_minor.map(inr).unwrap_or_else(|| "—".into()),
            inr(r.bonuses_minor),
            inr(r.paid_minor),
            inr(r.balance_end_minor),
            flags.join(", ")
        ));
    }
    lines.push(format!(
        "{:<16} {:<11} {:>6} {:>11} {:>13} {:>13} {:>13} {:>13} {:>13}",
        "total",
        "",
        report.total_pieces,
        hours_label(report.rows.iter().map(|r| r.register_minutes).sum()).replace(" hours", " h"),
        inr(report.rows.iter().map(|r| r.income_minor).sum()),
        "",
        inr(report.total_bonuses_minor),
        inr(report.total_paid_minor),
        inr(report.total_balance_end_minor),
    ));
    lines.push(String::new());
    lines.push(format!(
        "{} below the legal minimum, {} below the living wage for the hours in the time register, {} paid late \
         (wages are due by the 7th of the next month). Income is the month's wages, top-ups and approved \
         adjustments without sale bonuses.",
        report.below_legal_count, report.below_living_count, report.late_count
    ));
    lines.join("\n") + "\n"
}
