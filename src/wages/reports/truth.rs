//! A month's truth per artisan, the one computation every wage report uses (the center month,
//! the overview, the earnings chart, the statement and the dashboard's counts): the month's
//! income *without sale bonuses* — the salary with its overtime pay or the piece wages, as
//! `close::compute` gives them, plus the minimum-wage top-ups posted at close and approved
//! adjustments — against the legal minimum and the living wage for the time register's paid
//! hours, pro-rated to the policy's standard hours. Sale bonuses are kept apart: they never lift
//! a month over either line. A month with register hours and no piece is judged like any other.

use std::collections::{BTreeMap, HashMap};

use diesel::prelude::*;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::centers::Center;
use crate::db::DbConn;
use crate::error::AppError;
use crate::money::round_minor;
use crate::schema::{ledger_entries, month_closes};
use crate::wages::close;
use crate::wages::ledger::counts;
use crate::wages::policy::{self, PolicyRow};
use crate::wages::register;
use crate::wages::types::{EntryKind, Month};

/// One artisan's month by the time register. Amounts in paise.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MonthTruth {
    /// Paid hours in the register (work, paid leave, holidays), in minutes.
    pub register_minutes: i64,
    /// Salary with overtime pay or piece wages, posted top-ups and approved adjustments.
    pub income_minor: i64,
    /// Sale bonuses of the month: shown apart, never part of the comparison.
    pub bonuses_minor: i64,
    /// Minimum-wage top-ups posted at close (already part of `income_minor`).
    pub top_ups_minor: i64,
    /// The top-up month close would post now (an open month; 0 once closed, when it is in
    /// `income_minor`).
    pub top_up_due_minor: i64,
    /// The monthly figures pro-rated to the register's hours (`None` without hours, without
    /// a policy, or — for the living wage — without a figure).
    pub legal_min_for_hours_minor: Option<i64>,
    pub living_wage_for_hours_minor: Option<i64>,
    /// Exact comparisons of the income with each line (`None`: nothing to compare with).
    pub income_below_legal_minimum: Option<bool>,
    pub income_below_living_wage: Option<bool>,
}

impl MonthTruth {
    /// Whether the month has anything to show: register hours, income or bonuses.
    pub fn has_activity(&self) -> bool {
        self.register_minutes > 0 || self.income_minor != 0 || self.bonuses_minor != 0
    }
}

/// Judges `income_minor` for `minutes` of paid register hours against the policy's lines,
/// pro-rated to its standard hours and rounded to the paisa half away from zero — the amounts
/// shown, and the rounding of the top-up month close posts, so a month topped up to the legal
/// minimum is not below it by a fraction of a paisa. The only place this comparison is written.
pub fn judge(mut t: MonthTruth, policy: Option<&PolicyRow>) -> MonthTruth {
    let minutes = t.register_minutes;
    let Some(p) = policy.filter(|_| minutes > 0) else { return t };
    let hours = p.standard_hours_per_month;
    let for_hours =
        |monthly: i64| round_minor(Decimal::from(monthly) * Decimal::from(minutes) / Decimal::from(hours * 60)).ok();
    // Exact cross-multiplication only if a line is too large to round (absurd figures).
    let below = |monthly: i64| match for_hours(monthly) {
        Some(line) => t.income_minor < line,
        None => (t.income_minor as i128) * 60 * (hours as i128) < (monthly as i128) * (minutes as i128),
    };
    t.legal_min_for_hours_minor = for_hours(p.legal_min_monthly_minor);
    t.living_wage_for_hours_minor = p.living_wage_monthly_minor.and_then(for_hours);
    t.income_below_legal_minimum = Some(below(p.legal_min_monthly_minor));
    t.income_below_living_wage = p.living_wage_monthly_minor.map(below);
    t
}

/// Every artisan's month at a center (artisans with nothing that month are absent: use
/// `CenterTruth::of`), with the policy in force on its last day and whether it is closed.
#[derive(Debug, Clone)]
pub struct CenterTruth {
    pub month: Month,
    pub policy: Option<PolicyRow>,
    pub closed: bool,
    pub rows: BTreeMap<i64, MonthTruth>,
}

impl CenterTruth {
    pub fn of(&self, artisan_id: i64) -> MonthTruth {
        self.rows.get(&artisan_id).copied().unwrap_or_default()
    }

    pub fn below_legal_count(&self) -> usize {
        self.rows.values().filter(|t| t.income_below_legal_minimum == Some(true)).count()
    }

    pub fn below_living_count(&self) -> usize {
        self.rows.values().filter(|t| t.income_below_living_wage == Some(true)).count()
    }

    /// The center has a policy but no living-wage figure: nothing is compared with it.
    pub fn living_wage_missing(&self) -> bool {
        self.policy.as_ref().is_some_and(|p| p.living_wage_monthly_minor.is_none())
    }
}

/// The month's truth for every artisan of a center (see the module's comment).
pub fn center_truth(conn: &mut DbConn, center_id: i64, month: Month) -> Result<CenterTruth, AppError> {
    let policy = policy::at(conn, center_id, month.last_day())?.map(|p| p.row);
    let closed = close::closed(conn, center_id, month)?.is_some();
    let entries: Vec<(i64, EntryKind, i64)> = ledger_entries::table
        .filter(ledger_entries::center_id.eq(center_id))
        .filter(ledger_entries::occurred_on.between(month.first_day(), month.last_day()))
        .filter(counts())
        .filter(ledger_entries::kind.ne(EntryKind::Payout.code()))
        .select((ledger_entries::artisan_id, ledger_entries::kind, ledger_entries::amount_minor))
        .load(conn)?;
    let mut rows: BTreeMap<i64, MonthTruth> = BTreeMap::new();
    let mut piece_wages: HashMap<i64, i64> = HashMap::new();
    for (artisan_id, kind, amount) in entries {
        let t = rows.entry(artisan_id).or_default();
        match kind {
            EntryKind::WageEarned => *piece_wages.entry(artisan_id).or_default() += amount,
            EntryKind::MinimumWageTopUp => {
                t.income_minor += amount;
                t.top_ups_minor += amount;
            }
            EntryKind::Adjustment => t.income_minor += amount,
            EntryKind::SaleBonus => t.bonuses_minor += amount,
            // The salary lines posted at close are in the month's pay `close::compute` gives
            // (below); a deduction is withheld from wages earned, not less wages.
            EntryKind::Salary | EntryKind::OvertimePremium | EntryKind::Deduction => {}
            EntryKind::Payout | EntryKind::AdjustmentApproved | EntryKind::AdjustmentRejected => {}
        }
    }
    if policy.is_some() {
        // The month as the close computes it: salary with overtime pay, or the piece wages.
        for r in close::compute(conn, center_id, month)?.rows {
            let t = rows.entry(r.artisan_id).or_default();
            t.register_minutes = r.paid_minutes;
            t.income_minor += r.month_pay_minor;
            piece_wages.remove(&r.artisan_id);
            if !closed {
                t.top_up_due_minor = r.top_up_minor;
            }
        }
    } else {
        for (artisan_id, h) in register::month_hours(conn, center_id, month)? {
            rows.entry(artisan_id).or_default().register_minutes = h.paid_minutes();
        }
    }
    for (artisan_id, wages) in piece_wages {
        rows.entry(artisan_id).or_default().income_minor += wages;
    }
    let rows = rows.into_iter().map(|(id, t)| (id, judge(t, policy.as_ref()))).collect();
    Ok(CenterTruth { month, policy, closed, rows })
}

/// A center's newest closed month, as the dashboard counts it.
#[derive(Debug, Clone, Serialize)]
pub struct ClosedMonthCounts {
    pub center: Center,
    /// `None`: no month of the center has been closed yet.
    pub month: Option<Month>,
    /// `YYYY-MM` and "October 2025".
    pub month_code: Option<String>,
    pub month_label: Option<String>,
    /// Artisans with register hours that month.
    pub artisans: usize,
    pub below_legal: usize,
    /// `None`: the policy has no living-wage figure (finance must enter one).
    pub below_living: Option<usize>,
    /// The policy in force (for the closed month, or today without one) has no living-wage
    /// figure: the dashboard says finance must enter one.
    pub living_wage_missing: bool,
}

/// Each center's newest closed month (the `month_closes` table) judged by `center_truth`: the
/// counts on the dashboard come from closed months only, so they do not move while a month is
/// still being recorded.
pub fn closed_month_counts(conn: &mut DbConn) -> Result<Vec<ClosedMonthCounts>, AppError> {
    let mut out = Vec::new();
    for center in crate::centers::all(conn)? {
        // Months are stored as `YYYY-MM`: the text order is the calendar order.
        let newest: Option<String> = month_closes::table
            .filter(month_closes::center_id.eq(center.id))
            .select(month_closes::month)
            .order(month_closes::month.desc())
            .first(conn)
            .optional()?;
        let Some(month) = newest.as_deref().and_then(|m| Month::parse(m).ok()) else {
            let today = policy::at(conn, center.id, super::today())?;
            out.push(ClosedMonthCounts {
                center,
                month: None,
                month_code: None,
                month_label: None,
                artisans: 0,
                below_legal: 0,
                below_living: None,
                living_wage_missing: today.is_none_or(|p| p.row.living_wage_monthly_minor.is_none()),
            });
            continue;
        };
        let truth = center_truth(conn, center.id, month)?;
        out.push(ClosedMonthCounts {
            artisans: truth.rows.values().filter(|t| t.register_minutes > 0).count(),
            below_legal: truth.below_legal_count(),
            below_living: (!truth.living_wage_missing() && truth.policy.is_some()).then(|| truth.below_living_count()),
            living_wage_missing: truth.policy.as_ref().is_none_or(|p| p.living_wage_monthly_minor.is_none()),
            month: Some(month),
            month_code: Some(month.to_string()),
            month_label: Some(month.label()),
            center,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn policy(living: Option<i64>) -> PolicyRow {
        PolicyRow {
            id: 1,
            center_id: 1,
            effective_from: NaiveDate::from_ymd_opt(2025, 7, 1).unwrap(),
            legal_min_monthly_minor: 1_249_900,
            living_wage_monthly_minor: living,
            standard_hours_per_month: 208,
            target_multiplier: "1.2".into(),
            sale_bonus_percent: "5".into(),
            source_note: String::new(),
            recorded_by: "test".into(),
            recorded_at: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap(),
            deduction_kinds: String::new(),
        }
    }

    #[test]
    fn bonuses_never_lift_a_month_and_lines_follow_the_register_hours() {
        // 4.5 hours and a ₹2,00,000 bonus: the lines are for 4.5 hours, the bonus is apart.
        let t = MonthTruth { register_minutes: 270, income_minor: 0, bonuses_minor: 20_000_000, ..Default::default() };
        let j = judge(t, Some(&policy(Some(1_926_100))));
        assert_eq!(j.legal_min_for_hours_minor, Some(27_041)); // 1,249,900 × 4.5 / 208
        assert_eq!(j.living_wage_for_hours_minor, Some(41_670)); // 1,926,100 × 4.5 / 208
        assert_eq!((j.income_below_legal_minimum, j.income_below_living_wage), (Some(true), Some(true)));
        // 200 hours and ₹3,750: below both.
        let t = MonthTruth { register_minutes: 12_000, income_minor: 375_000, ..Default::default() };
        let j = judge(t, Some(&policy(Some(1_926_100))));
        assert_eq!(j.living_wage_for_hours_minor, Some(1_852_019));
        assert_eq!(j.income_below_living_wage, Some(true));
        // No living wage: nothing invented; no hours: nothing judged.
        assert_eq!(judge(t, Some(&policy(None))).income_below_living_wage, None);
        let none = judge(MonthTruth { income_minor: 5, ..Default::default() }, Some(&policy(Some(1))));
        assert_eq!((none.legal_min_for_hours_minor, none.income_below_legal_minimum), (None, None));
        // 40 hours topped up to the rounded legal minimum (₹2,403.65, exactly ₹2,403.6538…)
        // are not below it.
        let t = MonthTruth { register_minutes: 2_400, income_minor: 240_365, ..Default::default() };
        let j = judge(t, Some(&policy(Some(1_926_100))));
        assert_eq!((j.legal_min_for_hours_minor, j.income_below_legal_minimum), (Some(240_365), Some(false)));
        let t = MonthTruth { income_minor: 240_364, ..t };
        assert_eq!(judge(t, Some(&policy(None))).income_below_legal_minimum, Some(true));
    }
}
