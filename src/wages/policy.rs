//! Wage policy per center, by effective date: the legal minimum (skilled grade), the living-
//! wage benchmark, standard hours, the target multiplier and the sale-bonus percentage.
//! A policy is never edited: finance adds a version effective from a date, so every past
//! month is judged by the rules that applied to it.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::json;

use super::types::{DeductionKind, Percent, PositiveDecimal};
use crate::audit::{self, Actor, AuditEvent};
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::money::Overflow;
use crate::money::{Currency, Money};
use crate::schema::wage_policies;

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = wage_policies)]
pub struct PolicyRow {
    pub id: i64,
    pub center_id: i64,
    pub effective_from: NaiveDate,
    pub legal_min_monthly_minor: i64,
    pub living_wage_monthly_minor: Option<i64>,
    pub standard_hours_per_month: i64,
    pub target_multiplier: String,
    pub sale_bonus_percent: String,
    pub source_note: String,
    pub recorded_by: String,
    pub recorded_at: NaiveDateTime,
    /// The deductions (Code on Wages s.18) this policy allows, as comma-separated codes.
    pub deduction_kinds: String,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = wage_policies)]
pub struct NewPolicy {
    pub center_id: i64,
    pub effective_from: NaiveDate,
    pub legal_min_monthly_minor: i64,
    pub living_wage_monthly_minor: Option<i64>,
    pub standard_hours_per_month: i64,
    pub target_multiplier: String,
    pub sale_bonus_percent: String,
    pub source_note: String,
    pub recorded_by: String,
    pub recorded_at: NaiveDateTime,
    /// The deductions (Code on Wages s.18) this policy allows, as comma-separated codes.
    pub deduction_kinds: String,
}

/// A policy version with its decimals parsed: what the wage rules compute with.
#[derive(Debug, Clone)]
pub struct Policy {
    pub row: PolicyRow,
    pub multiplier: Decimal,
    pub bonus_percent: Decimal,
}

/// What the floor check says of a proposed wage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "level", rename_all = "snake_case")]
pub enum WageCheck {
    /// At or above the living wage per hour.
    Fair,
    /// Legal, but below the living wage per hour (or the living wage is not set): a warning.
    BelowLivingWage { message: String },
    /// Below the legal minimum per hour: refused.
    BelowLegalMinimum { message: String },
}

impl Policy {
    pub fn from_row(row: PolicyRow) -> Result<Self, AppError> {
        let multiplier = PositiveDecimal::multiplier(&row.target_multiplier).map_err(AppError::corrupt)?.get();
        let bonus_percent = Percent::parse(&row.sale_bonus_percent).map_err(AppError::corrupt)?.get();
        Ok(Self { row, multiplier, bonus_percent })
    }

    fn hourly(&self, monthly_minor: i64) -> Decimal {
        Decimal::from(monthly_minor) / Decimal::from(self.row.standard_hours_per_month)
    }

    /// Rupee minor units per hour at the legal minimum.
    pub fn legal_min_hourly(&self) -> Decimal {
        self.hourly(self.row.legal_min_monthly_minor)
    }

    /// The deductions this policy allows (never fines: `DeductionKind` has none).
    pub fn deductions(&self) -> Vec<DeductionKind> {
        DeductionKind::list(&self.row.deduction_kinds)
    }

    /// Per hour at the living wage, when finance has entered one.
    pub fn living_hourly(&self) -> Option<Decimal> {
        self.row.living_wage_monthly_minor.map(|m| self.hourly(m))
    }

    /// The target rate: the multiplier times the living wage per hour, or times the legal
    /// minimum while no living wage is set (pages say finance must enter it).
    pub fn target_hourly(&self) -> Decimal {
        let base = self.row.living_wage_monthly_minor.unwrap_or(self.row.legal_min_monthly_minor);
        self.multiplier * self.hourly(base)
    }

    /// The proposed wage for `minutes` of work: hours × target hourly rate, rounded to the
    /// nearest paisa (half away from zero).
    pub fn proposed_wage(&self, minutes: i64) -> Result<i64, Overflow> {
        round_minor(self.target_hourly() * Decimal::from(minutes) / Decimal::from(60))
    }

    /// The sale bonus of one piece, in rupee minor units: this policy's percentage of the piece's
    /// net sale (its price on the order, `net_sale_minor` in the sale currency, shipping
    /// excluded) at `inr_per_unit` rupees per unit of that currency, rounded to the paisa (half
    /// away from zero). The one formula: `service::post_sale_bonus` posts it, shared by the
    /// makers' hours (`split::by_minutes`), and the reconciliation report recomputes it.
    pub fn sale_bonus(&self, net_sale_minor: i64, inr_per_unit: Decimal) -> Result<i64, Overflow> {
        round_minor(Decimal::from(net_sale_minor) * inr_per_unit * self.bonus_percent / Decimal::ONE_HUNDRED)
    }

    /// Checks a wage for `minutes` of work against the floors, exactly (integer cross-
    /// multiplication, no rounding): wage/hours against monthly/standard hours.
    pub fn check(&self, wage_minor: i64, minutes: i64) -> WageCheck {
        let hours = self.row.standard_hours_per_month as i128;
        let below = |monthly: i64| (wage_minor as i128) * 60 * hours < (monthly as i128) * (minutes as i128);
        let per_hour = inr_rate(Decimal::from(wage_minor) * Decimal::from(60) / Decimal::from(minutes.max(1)));
        if below(self.row.legal_min_monthly_minor) {
            return WageCheck::BelowLegalMinimum {
                message: format!(
                    "{} for {} is {per_hour} an hour, below the legal minimum of {} an hour ({}/month over {} hours). \
                     A wage this low cannot be recorded.",
                    inr(wage_minor),
                    hours_label(minutes),
                    inr_rate(self.legal_min_hourly()),
                    inr(self.row.legal_min_monthly_minor),
                    self.row.standard_hours_per_month,
                ),
            };
        }
        match self.row.living_wage_monthly_minor {
            None => WageCheck::BelowLivingWage {
                message: format!(
                    "{per_hour} an hour is above the legal minimum, but this center has no living-wage figure: \
                     finance must enter one before wages can be checked against it."
                ),
            },
            Some(living) if below(living) => WageCheck::BelowLivingWage {
                message: format!(
                    "{per_hour} an hour is below the living wage of {} an hour ({}/month). It can be recorded, \
                     but the month will be flagged as below a living wage.",
                    inr_rate(self.hourly(living)),
                    inr(living),
                ),
            },
            Some(_) => WageCheck::Fair,
        }
    }
}

/// Rounds a decimal amount of minor units to a whole one, half away from zero.
pub use crate::money::round_minor;

/// An hourly rate (a decimal count of paise) as rupees for a label, to the paisa.
pub fn inr_rate(per_hour: Decimal) -> String {
    match round_minor(per_hour) {
        Ok(minor) => inr(minor),
        Err(_) => format!("₹{}", (per_hour / Decimal::ONE_HUNDRED).round_dp(2)),
    }
}

pub fn inr(minor: i64) -> String {
    Money::new(minor, Currency::Inr).to_string()
}

/// "18.5 hours" from minutes.
pub fn hours_label(minutes: i64) -> String {
    let tenths = (minutes * 10 + 30) / 60;
    if tenths % 10 == 0 {
        format!("{} hours", tenths / 10)
    } else {
        format!("{}.{} hours", tenths / 10, tenths % 10)
    }
}

/// The version in force for a center on a day, if any.
pub fn at(conn: &mut DbConn, center_id: i64, on: NaiveDate) -> Result<Option<Policy>, AppError> {
    let row: Option<PolicyRow> = wage_policies::table
        .filter(wage_policies::center_id.eq(center_id))
        .filter(wage_policies::effective_from.le(on))
        .order(wage_policies::effective_from.desc())
        .select(PolicyRow::as_select())
        .first(conn)
        .optional()?;
    row.map(Policy::from_row).transpose()
}

/// Like `at`, but a center without a policy is a clear error for finance to fix.
pub fn required_at(conn: &mut DbConn, center_id: i64, on: NaiveDate) -> Result<Policy, AppError> {
    at(conn, center_id, on)?.ok_or_else(|| {
        AppError::bad_request(
            "policy",
            format!("this center has no wage policy in force on {on}: finance must add one first"),
        )
    })
}

/// Every version of a center's policy, newest first.
pub fn history(conn: &mut DbConn, center_id: i64) -> QueryResult<Vec<PolicyRow>> {
    wage_policies::table
        .filter(wage_policies::center_id.eq(center_id))
        .order(wage_policies::effective_from.desc())
        .select(PolicyRow::as_select())
        .load(conn)
}

/// All versions of all centers, oldest first (for the audit export and reports).
pub fn all(conn: &mut DbConn) -> QueryResult<Vec<PolicyRow>> {
    wage_policies::table
        .order((wage_policies::center_id, wage_policies::effective_from))
        .select(PolicyRow::as_select())
        .load(conn)
}

/// Adds a version (audit-logged). Two versions of one center cannot start on the same day.
pub fn add(conn: &mut DbConn, actor: &Actor, new: &NewPolicy, now: NaiveDateTime) -> Result<i64, AppError> {
    db::write(conn, |conn| {
        let taken: Option<i64> = wage_policies::table
            .filter(wage_policies::center_id.eq(new.center_id))
            .filter(wage_policies::effective_from.eq(new.effective_from))
            .select(wage_policies::id)
            .first(conn)
            .optional()?;
        if taken.is_some() {
            return Err(AppError::bad_request(
                "effective_from",
                format!(
                    "a policy version already starts on {}; versions are never changed, so choose another date",
                    new.effective_from
                ),
            ));
        }
        // Another finance person adding the same date at the same moment: the unique index
        // decides, and the loser gets the same answer as above.
        let id: i64 =
            match diesel::insert_into(wage_policies::table).values(new).returning(wage_policies::id).get_result(conn) {
                Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => {
                    return Err(AppError::bad_request(
                        "effective_from",
                        format!("a policy version starting on {} was just added by someone else", new.effective_from),
                    ))
                }
                other => other?,
            };
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: "wage_policy.add",
                entity_type: "wage_policy",
                entity_id: Some(id.to_string()),
                center_id: Some(new.center_id),
                details: json!({
                    "effective_from": new.effective_from.to_string(),
                    "legal_min_monthly_minor": new.legal_min_monthly_minor,
                    "living_wage_monthly_minor": new.living_wage_monthly_minor,
                    "standard_hours_per_month": new.standard_hours_per_month,
                    "target_multiplier": new.target_multiplier,
                    "sale_bonus_percent": new.sale_bonus_percent,
                    "source_note": new.source_note,
                    "deduction_kinds": new.deduction_kinds,
                }),
            },
            now,
        )?;
        // The sale bonus a piece page shows comes from the policy in force.
        crate::web::page_cache::bump_version(conn)?;
        Ok(id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(legal: i64, living: Option<i64>) -> Policy {
        Policy::from_row(PolicyRow {
            id: 1,
            center_id: 1,
            effective_from: NaiveDate::from_ymd_opt(2025, 7, 1).unwrap(),
            legal_min_monthly_minor: legal,
            living_wage_monthly_minor: living,
            standard_hours_per_month: 208,
            target_multiplier: "1.2".into(),
            sale_bonus_percent: "5".into(),
            source_note: String::new(),
            recorded_by: "test".into(),
            recorded_at: NaiveDate::from_ymd_opt(2025, 7, 1).unwrap().and_hms_opt(0, 0, 0).unwrap(),
            deduction_kinds: String::new(),
        })
        .unwrap()
    }

    #[test]
    fn the_proposal_is_hours_times_the_target_rate() {
        // ₹19,261/month over 208 h = ₹92.600961…/h; × 1.2 = ₹111.12115…/h; × 10 h = ₹1,111.2115… → ₹1,111.21
        let p = policy(1_249_900, Some(1_926_100));
        assert_eq!(p.proposed_wage(600), Ok(111_121));
        // Without a living wage the target falls back to the legal minimum.
        let p = policy(1_524_600, None);
        // 15,246 / 208 × 1.2 × 1 h = 87.9576… → ₹87.96
        assert_eq!(p.proposed_wage(60), Ok(8_796));
    }

    #[test]
    fn the_sale_bonus_is_the_percentage_of_the_net_sale_in_rupees_rounded_half_away_from_zero() {
        let p = policy(1_248_000, None); // 5 %
                                         // $123.45 at ₹84.25: ₹10,400.6625 × 5 % = ₹520.033125 → ₹520.03
        assert_eq!(p.sale_bonus(12_345, Decimal::new(8425, 2)), Ok(52_003));
        // ₹ at 1: 5 % of ₹0.10 = 0.5 paise → 1 paisa; of ₹0.30 = 1.5 → 2.
        assert_eq!(p.sale_bonus(10, Decimal::ONE), Ok(1));
        assert_eq!(p.sale_bonus(30, Decimal::ONE), Ok(2));
        assert_eq!(p.sale_bonus(9, Decimal::ONE), Ok(0));
    }

    #[test]
    fn the_floor_check_is_exact_at_the_boundary() {
        let p = policy(1_248_000, Some(2_080_000)); // ₹60.00/h legal, ₹100.00/h living
        assert!(matches!(p.check(5_999, 60), WageCheck::BelowLegalMinimum { .. }));
        assert!(matches!(p.check(6_000, 60), WageCheck::BelowLivingWage { .. }));
        assert!(matches!(p.check(9_999, 60), WageCheck::BelowLivingWage { .. }));
        assert_eq!(p.check(10_000, 60), WageCheck::Fair);
    }
}
