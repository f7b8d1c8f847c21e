//! What finance reads from the ledger, one file per report: an artisan's monthly statement
//! (`statement`), a center's month (`center_month`), monthly income against the legal minimum
//! and the living wage for the register's hours (`earnings`; every report judges a month by
//! `truth`, the one computation of it), late payments (`late`) and the reconciliation of bonuses with paid
//! orders (`reconciliation`). Computed from the ledger (and the policy in force), never stored.
//!
//! Nothing here decrypts a legal name: `sealed_legal_names` hands the stored (encrypted) text to
//! the finance pages, which decrypt and audit-log. A month is judged by the policy in force on
//! its last day (the newest rules that applied during it).

mod center_month;
mod earnings;
mod late;
mod reconciliation;
mod statement;
mod truth;

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use rust_decimal::Decimal;
use serde::Serialize;

pub use center_month::{center_month, center_month_on, render_text, ArtisanMonth, CenterMonth};
pub use earnings::{earnings, CenterPoint, CenterSeries, Earnings, EarningsRow};
pub use late::{due_by_deadline, late, DueWages, LateMonth};
pub use reconciliation::{
    orders_waiting_for_rate, reconciliation, MissingBonus, MissingReason, OrphanBonus, Reconciliation, WrongBonus,
};
pub use statement::{
    statement, statement_on, Statement, StatementAdjustment, StatementBonus, StatementPayout, StatementPiece,
    StatementTopUp,
};
pub use truth::{center_truth, closed_month_counts, judge, CenterTruth, ClosedMonthCounts, MonthTruth};

use crate::centers::Center;
use crate::db::DbConn;
use crate::error::AppError;
use crate::schema::{artisan_private, artisans, centers};
use crate::wages::policy::{round_minor, PolicyRow};
use crate::wages::types::{india_date, EntryKind, Month};

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
    // An effective rate too large to hold (absurd hours) is shown as unknown, not saturated.
    let fte = policy.and_then(|p| round_minor(hourly * Decimal::from(p.standard_hours_per_month)).ok());
    let below = |monthly: i64, hours: i64| {
        (earned_minor as i128) * 60 * (hours as i128) < (monthly as i128) * (minutes as i128)
    };
    Rates {
        effective_hourly_minor: round_minor(hourly).ok(),
        fte_monthly_minor: fte,
        below_legal_minimum: policy.is_some_and(|p| below(p.legal_min_monthly_minor, p.standard_hours_per_month)),
        below_living_wage: policy
            .and_then(|p| p.living_wage_monthly_minor.map(|l| below(l, p.standard_hours_per_month))),
    }
}

/// One artisan's (or month's) counted entries added up by kind.
#[derive(Debug, Default, Clone, Copy)]
struct Sums {
    pieces: i64,
    minutes: i64,
    wages: i64,
    bonuses: i64,
    adjustments: i64,
    /// Deductions withheld (a positive sum).
    deducted: i64,
    paid: i64,
}

impl Sums {
    fn add(&mut self, kind: EntryKind, amount: i64, minutes: Option<i64>) {
        match kind {
            EntryKind::WageEarned => {
                self.pieces += 1;
                self.minutes += minutes.unwrap_or(0);
                self.wages += amount;
            }
            EntryKind::SaleBonus => self.bonuses += amount,
            // The month's shortfall against the guaranteed minimum, the salary and its overtime
            // (posted at month close): wages, not a bonus.
            EntryKind::MinimumWageTopUp | EntryKind::Salary | EntryKind::OvertimePremium => self.wages += amount,
            EntryKind::Deduction => self.deducted -= amount,
            EntryKind::Adjustment => self.adjustments += amount,
            EntryKind::Payout => self.paid -= amount,
            EntryKind::AdjustmentApproved | EntryKind::AdjustmentRejected => {}
        }
    }

    /// What the month adds to the balance: wages, bonuses and adjustments, less deductions.
    fn earned(&self) -> i64 {
        self.wages + self.bonuses + self.adjustments - self.deducted
    }
}

/// The months from `from` to `to`, both included (at most a hundred years).
fn months(from: Month, to: Month) -> Vec<Month> {
    let mut out = Vec::new();
    let mut m = from;
    while m <= to && out.len() < 1200 {
        out.push(m);
        m = m.next();
    }
    out
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
            deduction_kinds: String::new(),
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
