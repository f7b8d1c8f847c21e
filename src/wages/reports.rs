//! What finance reads from the ledger: monthly statements, center summaries, earnings against
//! the legal minimum and the living wage, late payments and the reconciliation of bonuses with
//! paid orders. Computed from the ledger (and the policy in force), never stored.
//!
//! Nothing here decrypts a legal name: `sealed_legal_names` hands the stored (encrypted) text to
//! the finance views, which decrypt and audit-log. A month is judged by the policy in force on
//! its last day (the newest rules that applied during it).

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use rust_decimal::Decimal;
use serde::Serialize;

use super::ledger::{self, counts};
use super::policy::{self, round_minor, Policy, PolicyRow};
use super::service::SALE_EVENT;
use super::types::{india_date, EntryKind, Month, PositiveDecimal};
use crate::centers::Center;
use crate::db::DbConn;
use crate::error::AppError;
use crate::schema::{
    artisan_private, artisans, centers, exchange_rates, ledger_entries, order_events, order_items, orders, pieces,
};

const SUM: &str = "CAST(COALESCE(SUM(ledger_entries.amount_minor), 0) AS BIGINT)";

/// Today in India, the day deadlines are judged on.
pub fn today() -> NaiveDate {
    india_date(chrono::Utc::now().naive_utc())
}

/// An artisan as reports name them (never the legal name).
#[derive(Debug, Clone, Serialize)]
pub struct ArtisanRef {
    pub id: i64,
    pub public_id: String,
    pub alias: String,
    pub center_id: i64,
}

fn artisan_refs(conn: &mut DbConn, center_id: Option<i64>) -> QueryResult<Vec<ArtisanRef>> {
    let mut q = artisans::table
        .select((artisans::id, artisans::public_id, artisans::public_alias, artisans::center_id))
        .order((artisans::public_alias, artisans::id))
        .into_boxed();
    if let Some(c) = center_id {
        q = q.filter(artisans::center_id.eq(c));
    }
    Ok(q.load::<(i64, String, String, i64)>(conn)?
        .into_iter()
        .map(|(id, public_id, alias, center_id)| ArtisanRef { id, public_id, alias, center_id })
        .collect())
}

/// The stored (encrypted) legal names of these artisans, for a finance view to decrypt.
pub fn sealed_legal_names(conn: &mut DbConn, artisan_ids: &[i64]) -> QueryResult<HashMap<i64, String>> {
    Ok(artisan_private::table
        .filter(artisan_private::artisan_id.eq_any(artisan_ids))
        .select((artisan_private::artisan_id, artisan_private::legal_name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect())
}

pub fn center(conn: &mut DbConn, center_id: i64) -> Result<Center, AppError> {
    centers::table.find(center_id).select(Center::as_select()).first(conn).optional()?.ok_or(AppError::NotFound)
}

/// Hourly and full-time-equivalent figures of `earned_minor` for `minutes` of work, judged
/// against a policy. Comparisons are exact (integer cross-multiplication, as `Policy::check`).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rates {
    pub effective_hourly_minor: Option<i64>,
    pub fte_monthly_minor: Option<i64>,
    pub below_legal_minimum: bool,
    /// `None`: no policy, or no living wage set.
    pub below_living_wage: Option<bool>,
}

pub fn rates(earned_minor: i64, minutes: i64, policy: Option<&PolicyRow>) -> Rates {
    if minutes <= 0 {
        return Rates {
            effective_hourly_minor: None,
            fte_monthly_minor: None,
            below_legal_minimum: false,
            below_living_wage: policy.and_then(|p| p.living_wage_monthly_minor).map(|_| false),
        };
    }
    let hourly = Decimal::from(earned_minor) * Decimal::from(60) / Decimal::from(minutes);
    let fte = policy.map(|p| round_minor(hourly * Decimal::from(p.standard_hours_per_month)));
    let below = |monthly: i64, hours: i64| {
        (earned_minor as i128) * 60 * (hours as i128) < (monthly as i128) * (minutes as i128)
    };
    Rates {
        effective_hourly_minor: Some(round_minor(hourly)),
        fte_monthly_minor: fte,
        below_legal_minimum: policy.is_some_and(|p| below(p.legal_min_monthly_minor, p.standard_hours_per_month)),
        below_living_wage: policy
            .and_then(|p| p.living_wage_monthly_minor.map(|l| below(l, p.standard_hours_per_month))),
    }
}

// ---------------------------------------------------------------------------------------------
// Center month

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
}

#[derive(Debug, Default, Clone, Copy)]
struct Sums {
    pieces: i64,
    minutes: i64,
    wages: i64,
    bonuses: i64,
    adjustments: i64,
    paid: i64,
}

impl Sums {
    fn add(&mut self, kind: &str, amount: i64, minutes: Option<i64>) {
        match EntryKind::parse(kind) {
            Some(EntryKind::WageEarned) => {
                self.pieces += 1;
                self.minutes += minutes.unwrap_or(0);
                self.wages += amount;
            }
            Some(EntryKind::SaleBonus) => self.bonuses += amount,
            Some(EntryKind::Adjustment) => self.adjustments += amount,
            Some(EntryKind::Payout) => self.paid -= amount,
            _ => {}
        }
    }

    fn earned(&self) -> i64 {
        self.wages + self.bonuses + self.adjustments
    }
}

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

/// What a month's balances and lateness need from an artisan's history, in one pass over the
/// `(artisan_id, occurred_on)` index: the balance before the month, everything earned
/// (counted, not payouts) through its last day, and the payouts (negative) through its deadline.
#[derive(Debug, Default, Clone, Copy)]
struct History {
    start: i64,
    earned_through: i64,
    paid_by_deadline: i64,
}

fn history(conn: &mut DbConn, artisan_ids: &[i64], month: Month) -> QueryResult<HashMap<i64, History>> {
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
fn is_late(month: Month, today: NaiveDate, earned_in_month: i64, h: &History) -> bool {
    month.pay_deadline() < today && earned_in_month > 0 && -h.paid_by_deadline < h.earned_through
}

/// (artisan, kind, amount, minutes).
type MonthEntry = (i64, String, i64, Option<i64>);

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
        sums.entry(artisan_id).or_default().add(&kind, amount, minutes);
    }
    let past = history(conn, &ids, month)?;
    let rows: Vec<ArtisanMonth> = people
        .into_iter()
        .map(|a| {
            let s = sums.get(&a.id).copied().unwrap_or_default();
            let h = past.get(&a.id).copied().unwrap_or_default();
            artisan_month(&a, &s, h.start, policy.as_ref(), is_late(month, today, s.earned(), &h))
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
        center,
        month,
        policy,
        rows,
    })
}

fn artisan_month(a: &ArtisanRef, s: &Sums, start: i64, policy: Option<&PolicyRow>, late: bool) -> ArtisanMonth {
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
    }
}

// ---------------------------------------------------------------------------------------------
// Statement

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
    pub policy: Option<PolicyRow>,
    pub pieces: Vec<StatementPiece>,
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
    let mut pending = 0;
    for (e, sku, title, reference) in rows {
        let details = e.details_json();
        if !counted.contains(&e.id) {
            if e.kind() == Some(EntryKind::Adjustment) && !decided.contains(&e.id) {
                pending += 1;
            }
            continue;
        }
        s.add(&e.kind, e.amount_minor, e.labor_minutes);
        match e.kind() {
            Some(EntryKind::WageEarned) => pieces_out.push(StatementPiece {
                entry_id: e.id,
                on: e.occurred_on,
                sku: sku.unwrap_or_default(),
                title: title.unwrap_or_default(),
                minutes: e.labor_minutes.unwrap_or(0),
                wage_minor: e.amount_minor,
            }),
            Some(EntryKind::SaleBonus) => bonuses.push(StatementBonus {
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
            Some(EntryKind::Adjustment) => adjustments.push(StatementAdjustment {
                entry_id: e.id,
                on: e.occurred_on,
                amount_minor: e.amount_minor,
                reason: text(&details, "reason"),
            }),
            Some(EntryKind::Payout) => payouts.push(StatementPayout {
                entry_id: e.id,
                on: e.occurred_on,
                amount_minor: -e.amount_minor,
                method: super::types::PayoutMethod::parse(&text(&details, "method"))
                    .map(|m| m.label().to_string())
                    .unwrap_or_else(|_| text(&details, "method")),
                reference: text(&details, "reference"),
            }),
            _ => {}
        }
    }
    let h = history(conn, &[id], month)?.get(&id).copied().unwrap_or_default();
    let summary = artisan_month(&artisan, &s, h.start, policy.as_ref(), is_late(month, today, s.earned(), &h));
    Ok(Some(Statement {
        artisan,
        center,
        month,
        summary,
        policy,
        pieces: pieces_out,
        bonuses,
        adjustments,
        payouts,
        pending_adjustments: pending,
    }))
}

// ---------------------------------------------------------------------------------------------
// Earnings over time

#[derive(Debug, Clone, Serialize)]
pub struct EarningsRow {
    pub artisan_id: i64,
    pub public_id: String,
    pub alias: String,
    pub center_id: i64,
    pub month: Month,
    pub minutes: i64,
    pub earned_minor: i64,
    pub legal_min_monthly_minor: Option<i64>,
    pub living_wage_monthly_minor: Option<i64>,
    #[serde(flatten)]
    pub rates: Rates,
}

/// A center's month on the chart: the median FTE monthly earnings of its artisans who
/// worked that month, against the policy's floors.
#[derive(Debug, Clone, Serialize)]
pub struct CenterPoint {
    pub month: Month,
    pub median_fte_minor: Option<i64>,
    pub legal_min_monthly_minor: Option<i64>,
    pub living_wage_monthly_minor: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CenterSeries {
    pub center: Center,
    pub points: Vec<CenterPoint>,
    /// The center has months in range without a living-wage figure.
    pub missing_living_wage: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Earnings {
    pub from: Month,
    pub to: Month,
    pub rows: Vec<EarningsRow>,
    pub series: Vec<CenterSeries>,
    pub shortfalls_legal: usize,
    pub shortfalls_living: usize,
}

/// The version in force for a center on a day, from all versions (oldest first).
fn in_force(all: &[PolicyRow], center_id: i64, on: NaiveDate) -> Option<&PolicyRow> {
    all.iter().filter(|p| p.center_id == center_id && p.effective_from <= on).max_by_key(|p| p.effective_from)
}

fn months(from: Month, to: Month) -> Vec<Month> {
    let mut out = Vec::new();
    let mut m = from;
    while m <= to && out.len() < 1200 {
        out.push(m);
        m = m.next();
    }
    out
}

/// Per artisan per month in [from, to] (optionally one center): hours, earnings (wages +
/// bonuses + approved adjustments), effective hourly and FTE monthly against the policy in force.
pub fn earnings(conn: &mut DbConn, center_id: Option<i64>, from: Month, to: Month) -> Result<Earnings, AppError> {
    let people: HashMap<i64, ArtisanRef> = artisan_refs(conn, center_id)?.into_iter().map(|a| (a.id, a)).collect();
    let all_centers: Vec<Center> =
        crate::centers::all(conn)?.into_iter().filter(|c| center_id.is_none_or(|id| id == c.id)).collect();
    let policies = policy::all(conn)?;
    let mut q = ledger_entries::table
        .filter(counts())
        .filter(ledger_entries::kind.ne(EntryKind::Payout.code()))
        .filter(ledger_entries::occurred_on.between(from.first_day(), to.last_day()))
        .select((
            ledger_entries::artisan_id,
            ledger_entries::kind,
            ledger_entries::amount_minor,
            ledger_entries::labor_minutes,
            ledger_entries::occurred_on,
        ))
        .into_boxed();
    if let Some(c) = center_id {
        q = q.filter(ledger_entries::center_id.eq(c));
    }
    let mut sums: BTreeMap<(i64, Month), Sums> = BTreeMap::new();
    for (artisan_id, kind, amount, minutes, on) in q.load::<(i64, String, i64, Option<i64>, NaiveDate)>(conn)? {
        sums.entry((artisan_id, Month::of(on))).or_default().add(&kind, amount, minutes);
    }
    let mut rows: Vec<EarningsRow> = sums
        .into_iter()
        .filter_map(|((artisan_id, month), s)| {
            let a = people.get(&artisan_id)?;
            let p = in_force(&policies, a.center_id, month.last_day());
            Some(EarningsRow {
                artisan_id,
                public_id: a.public_id.clone(),
                alias: a.alias.clone(),
                center_id: a.center_id,
                month,
                minutes: s.minutes,
                earned_minor: s.earned(),
                legal_min_monthly_minor: p.map(|p| p.legal_min_monthly_minor),
                living_wage_monthly_minor: p.and_then(|p| p.living_wage_monthly_minor),
                rates: rates(s.earned(), s.minutes, p),
            })
        })
        .collect();
    rows.sort_by(|a, b| (a.month, &a.alias, a.artisan_id).cmp(&(b.month, &b.alias, b.artisan_id)));
    let series = all_centers
        .into_iter()
        .map(|c| {
            let points: Vec<CenterPoint> = months(from, to)
                .into_iter()
                .map(|m| {
                    let p = in_force(&policies, c.id, m.last_day());
                    let mut ftes: Vec<i64> = rows
                        .iter()
                        .filter(|r| r.center_id == c.id && r.month == m)
                        .filter_map(|r| r.rates.fte_monthly_minor)
                        .collect();
                    ftes.sort_unstable();
                    let median = match ftes.len() {
                        0 => None,
                        n if n % 2 == 1 => Some(ftes[n / 2]),
                        n => Some((ftes[n / 2 - 1] + ftes[n / 2]) / 2),
                    };
                    CenterPoint {
                        month: m,
                        median_fte_minor: median,
                        legal_min_monthly_minor: p.map(|p| p.legal_min_monthly_minor),
                        living_wage_monthly_minor: p.and_then(|p| p.living_wage_monthly_minor),
                    }
                })
                .collect();
            let missing_living_wage = points.iter().any(|p| p.living_wage_monthly_minor.is_none());
            CenterSeries { center: c, points, missing_living_wage }
        })
        .collect();
    Ok(Earnings {
        from,
        to,
        shortfalls_legal: rows.iter().filter(|r| r.rates.below_legal_minimum).count(),
        shortfalls_living: rows.iter().filter(|r| r.rates.below_living_wage == Some(true)).count(),
        rows,
        series,
    })
}

// ---------------------------------------------------------------------------------------------
// Late payments

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
    let entries: Vec<(i64, String, i64, NaiveDate)> = ledger_entries::table
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
        by_artisan.entry(a).or_default().push((kind == EntryKind::Payout.code(), amount, on));
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

// ---------------------------------------------------------------------------------------------
// Reconciliation of sale bonuses with paid orders

/// Why a paid order's piece has no bonus in the ledger.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum MissingReason {
    /// No exchange rate for the sale currency on the payment day (`service::rate_for`).
    NoExchangeRate { currency: String, on: NaiveDate },
    /// The center had no wage policy in force on the payment day.
    NoPolicy,
    /// The piece has no labor record, so nobody to share the bonus with.
    NoMakers,
    /// Everything needed is there: the bonus was never posted.
    NotPosted,
}

#[derive(Debug, Clone, Serialize)]
pub struct MissingBonus {
    pub order_id: i64,
    pub order_reference: String,
    pub paid_on: NaiveDate,
    pub piece_id: i64,
    pub sku: String,
    pub why: MissingReason,
}

#[derive(Debug, Clone, Serialize)]
pub struct OrphanBonus {
    pub entry_id: i64,
    pub artisan_id: i64,
    pub order_id: Option<i64>,
    pub piece_id: Option<i64>,
    pub amount_minor: i64,
    /// e.g. "the order was never paid".
    pub problem: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct WrongBonus {
    pub order_id: i64,
    pub order_reference: String,
    pub piece_id: i64,
    pub sku: String,
    pub posted_minor: i64,
    pub expected_minor: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Reconciliation {
    pub paid_orders: usize,
    pub missing: Vec<MissingBonus>,
    pub orphans: Vec<OrphanBonus>,
    pub wrong_amounts: Vec<WrongBonus>,
}

impl Reconciliation {
    pub fn is_clean(&self) -> bool {
        self.missing.is_empty() && self.orphans.is_empty() && self.wrong_amounts.is_empty()
    }
}

/// Every paid order must have sale-bonus entries for each of its pieces, and every sale-bonus
/// entry must point to a paid order (and a piece on it). Also recomputes each posted bonus with
/// the recorded rate and policy, as `service::post_sale_bonus` does.
pub fn reconciliation(conn: &mut DbConn) -> Result<Reconciliation, AppError> {
    // The first `paid` event of each order.
    let paid_events: Vec<(i64, NaiveDateTime, String)> = order_events::table
        .inner_join(orders::table)
        .filter(order_events::kind.eq(SALE_EVENT))
        .order(order_events::id)
        .select((order_events::order_id, order_events::at, orders::reference))
        .load(conn)?;
    let mut paid: HashMap<i64, (NaiveDate, String)> = HashMap::new();
    for (order_id, at, reference) in paid_events {
        paid.entry(order_id).or_insert((india_date(at), reference));
    }
    let items: Vec<(i64, i64, i64, String, i64, String)> = order_items::table
        .filter(
            order_items::order_id
                .eq_any(order_events::table.filter(order_events::kind.eq(SALE_EVENT)).select(order_events::order_id)),
        )
        .order((order_items::order_id, order_items::id))
        .select((
            order_items::order_id,
            order_items::piece_id,
            order_items::center_id,
            order_items::sku,
            order_items::price_minor,
            order_items::currency,
        ))
        .load(conn)?;
    // (entry, artisan, order, piece, amount)
    type Bonus = (i64, i64, Option<i64>, Option<i64>, i64);
    let bonuses: Vec<Bonus> = ledger_entries::table
        .filter(ledger_entries::kind.eq(EntryKind::SaleBonus.code()))
        .order(ledger_entries::id)
        .select((
            ledger_entries::id,
            ledger_entries::artisan_id,
            ledger_entries::order_id,
            ledger_entries::piece_id,
            ledger_entries::amount_minor,
        ))
        .load(conn)?;
    let rates_recorded: HashMap<(String, NaiveDate), String> = exchange_rates::table
        .select((exchange_rates::currency, exchange_rates::rate_date, exchange_rates::inr_per_unit))
        .load::<(String, NaiveDate, String)>(conn)?
        .into_iter()
        .map(|(c, d, r)| ((c, d), r))
        .collect();
    let policies: Vec<Policy> = policy::all(conn)?.into_iter().map(Policy::from_row).collect::<Result<_, _>>()?;
    let with_makers: HashSet<i64> = crate::schema::piece_makers::table
        .filter(
            crate::schema::piece_makers::piece_id.eq_any(
                order_items::table
                    .filter(order_items::order_id.eq_any(
                        order_events::table.filter(order_events::kind.eq(SALE_EVENT)).select(order_events::order_id),
                    ))
                    .select(order_items::piece_id),
            ),
        )
        .select(crate::schema::piece_makers::piece_id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();

    let mut posted: HashMap<(i64, i64), i64> = HashMap::new();
    for (_, _, order_id, piece_id, amount) in &bonuses {
        if let (Some(o), Some(p)) = (order_id, piece_id) {
            *posted.entry((*o, *p)).or_default() += amount;
        }
    }
    let on_paid_orders: HashSet<(i64, i64)> = items.iter().map(|i| (i.0, i.1)).collect();
    let mut missing = Vec::new();
    let mut wrong_amounts = Vec::new();
    for (order_id, piece_id, center_id, sku, price_minor, currency) in &items {
        let Some((paid_on, reference)) = paid.get(order_id) else { continue };
        let rate = if currency == ledger::CURRENCY {
            Some(Decimal::ONE)
        } else {
            match rates_recorded.get(&(currency.clone(), *paid_on)) {
                Some(r) => Some(PositiveDecimal::parse(r, 6).map_err(AppError::corrupt)?.get()),
                None => None,
            }
        };
        let policy = policies
            .iter()
            .filter(|p| p.row.center_id == *center_id && p.row.effective_from <= *paid_on)
            .max_by_key(|p| p.row.effective_from);
        match posted.get(&(*order_id, *piece_id)) {
            None => {
                let why = match (rate, policy) {
                    (None, _) => MissingReason::NoExchangeRate { currency: currency.clone(), on: *paid_on },
                    (_, None) => MissingReason::NoPolicy,
                    _ if !with_makers.contains(piece_id) => MissingReason::NoMakers,
                    _ => MissingReason::NotPosted,
                };
                missing.push(MissingBonus {
                    order_id: *order_id,
                    order_reference: reference.clone(),
                    paid_on: *paid_on,
                    piece_id: *piece_id,
                    sku: sku.clone(),
                    why,
                });
            }
            Some(&got) => {
                if let (Some(rate), Some(policy)) = (rate, policy) {
                    let expected =
                        round_minor(Decimal::from(*price_minor) * rate * policy.bonus_percent / Decimal::ONE_HUNDRED);
                    if expected != got {
                        wrong_amounts.push(WrongBonus {
                            order_id: *order_id,
                            order_reference: reference.clone(),
                            piece_id: *piece_id,
                            sku: sku.clone(),
                            posted_minor: got,
                            expected_minor: expected,
                        });
                    }
                }
            }
        }
    }
    let orphans = bonuses
        .into_iter()
        .filter_map(|(entry_id, artisan_id, order_id, piece_id, amount_minor)| {
            let problem = match (order_id, piece_id) {
                (None, _) => "it names no order",
                (Some(o), _) if !paid.contains_key(&o) => "its order was never paid",
                (Some(o), Some(p)) if !on_paid_orders.contains(&(o, p)) => "its piece is not on that order",
                (Some(_), None) => "it names no piece",
                _ => return None,
            };
            Some(OrphanBonus { entry_id, artisan_id, order_id, piece_id, amount_minor, problem: problem.into() })
        })
        .collect();
    Ok(Reconciliation { paid_orders: paid.len(), missing, orphans, wrong_amounts })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(legal: i64, living: Option<i64>) -> PolicyRow {
        PolicyRow {
            id: 1,
            center_id: 1,
            effective_from: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            legal_min_monthly_minor: legal,
            living_wage_monthly_minor: living,
            standard_hours_per_month: 208,
            target_multiplier: "1.2".into(),
            sale_bonus_percent: "5".into(),
            source_note: String::new(),
            recorded_by: "test".into(),
            recorded_at: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap(),
        }
    }

    #[test]
    fn rates_compare_exactly_with_the_floors() {
        // ₹60/h legal, ₹100/h living over 208 h.
        let p = policy(1_248_000, Some(2_080_000));
        let r = rates(6_000, 60, Some(&p));
        assert_eq!(r.effective_hourly_minor, Some(6_000));
        assert_eq!(r.fte_monthly_minor, Some(1_248_000));
        assert!(!r.below_legal_minimum);
        assert_eq!(r.below_living_wage, Some(true));
        assert!(rates(5_999, 60, Some(&p)).below_legal_minimum);
        assert_eq!(rates(10_000, 60, Some(&p)).below_living_wage, Some(false));
        let none = policy(1_248_000, None);
        assert_eq!(rates(5_000, 60, Some(&none)).below_living_wage, None);
        assert_eq!(rates(5_000, 0, Some(&p)).effective_hourly_minor, None);
    }
}
