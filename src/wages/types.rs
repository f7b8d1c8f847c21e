//! Parsed values of the wage ledger: months, rates, percentages, entry kinds, payout methods.
//! Rates and percentages are `rust_decimal` (never floats); amounts stay integer minor units.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Both workshops are in India: a ledger date is the calendar day in IST (UTC+5:30, no DST).
pub fn india_date(at: NaiveDateTime) -> NaiveDate {
    (at + Duration::minutes(330)).date()
}

/// A calendar month, the wage period (Code on Wages s.16: at most one month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn parse(s: &str) -> Result<Self, String> {
        let bad = || format!("`{}` is not a month: write it as YYYY-MM, e.g. 2026-10", s.trim());
        let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        if !(2000..=2200).contains(&year) || !(1..=12).contains(&month) || y.len() != 4 {
            return Err(bad());
        }
        Ok(Self { year, month })
    }

    pub fn of(date: NaiveDate) -> Self {
        Self { year: date.year(), month: date.month() }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("months are valid by construction")
    }

    pub fn next(self) -> Self {
        if self.month == 12 {
            Self { year: self.year + 1, month: 1 }
        } else {
            Self { year: self.year, month: self.month + 1 }
        }
    }

    pub fn prev(self) -> Self {
        if self.month == 1 {
            Self { year: self.year - 1, month: 12 }
        } else {
            Self { year: self.year, month: self.month - 1 }
        }
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().expect("a month has a last day")
    }

    /// Wages for this month are due by the 7th of the next (Code on Wages 2019, s.17).
    pub fn pay_deadline(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.next().year, self.next().month, 7).expect("the 7th exists")
    }

    /// "November 2026".
    pub fn label(self) -> String {
        self.first_day().format("%B %Y").to_string()
    }

    /// "November 2026" / "নভেম্বর 2026" / "नवंबर 2026" / "नोव्हेंबर 2026": the month in a reader's language.
    pub fn label_in(self, lang: crate::i18n::Lang) -> String {
        crate::i18n::date::month_year(lang, self.year, self.month)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A positive decimal such as an exchange rate (rupees per dollar) or a multiplier, bounded
/// where it is parsed: a figure no real rate reaches is a typing mistake, refused before any
/// wage or bonus is computed from it (so no computation can overflow either).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd)]
pub struct PositiveDecimal(Decimal);

impl PositiveDecimal {
    /// The most rupees one unit of a sale currency may be recorded as (the rupee's strongest
    /// partners trade near 100; this leaves room for any currency the shop sells in).
    pub const MAX_RATE: Decimal = Decimal::from_parts(100_000, 0, 0, false, 0);
    /// The largest target multiplier (times the living wage per hour).
    pub const MAX_MULTIPLIER: Decimal = Decimal::from_parts(10, 0, 0, false, 0);

    /// An exchange rate: rupees per unit of a sale currency, up to 6 decimal places, at most
    /// `MAX_RATE`.
    pub fn rate(s: &str) -> Result<Self, String> {
        Self::parse_within(s, 6, Self::MAX_RATE)
    }

    /// A target multiplier, up to 4 decimal places, at most `MAX_MULTIPLIER`.
    pub fn multiplier(s: &str) -> Result<Self, String> {
        Self::parse_within(s, 4, Self::MAX_MULTIPLIER)
    }

    /// At most `max_scale` decimal places and at most `max`; a comma as decimal separator is
    /// refused rather than guessed.
    fn parse_within(s: &str, max_scale: u32, max: Decimal) -> Result<Self, String> {
        let t = s.trim();
        let d = Decimal::from_str(t).map_err(|_| format!("`{t}` is not a number such as 84.25"))?;
        if d <= Decimal::ZERO {
            return Err("must be greater than zero".into());
        }
        if d.scale() > max_scale {
            return Err(format!("use at most {max_scale} decimal places"));
        }
        if d > max {
            return Err(format!("must be at most {max}"));
        }
        Ok(Self(d.normalize()))
    }

    pub fn get(self) -> Decimal {
        self.0
    }
}

/// A percentage between 0 and 100 inclusive, at most two decimal places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Percent(Decimal);

impl Percent {
    pub fn parse(s: &str) -> Result<Self, String> {
        let t = s.trim().trim_end_matches('%').trim();
        let d = Decimal::from_str(t).map_err(|_| format!("`{t}` is not a percentage such as 5 or 7.5"))?;
        if d < Decimal::ZERO || d > Decimal::ONE_HUNDRED {
            return Err("must be between 0 and 100".into());
        }
        if d.scale() > 2 {
            return Err("use at most 2 decimal places".into());
        }
        Ok(Self(d.normalize()))
    }

    pub fn get(self) -> Decimal {
        self.0
    }
}

/// The kinds of ledger entry. Amounts are signed from the artisan's side.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    diesel::expression::AsExpression,
    diesel::deserialize::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// Earned when a piece is accepted into inventory (positive).
    WageEarned,
    /// A share of a paid order's net sale (positive).
    SaleBonus,
    /// Money handed over (negative).
    Payout,
    /// A correction either way; counts only once a second person approves it.
    Adjustment,
    /// A second finance or admin person's approval of an adjustment (amount 0).
    AdjustmentApproved,
    /// Or their refusal (amount 0): the adjustment never counts.
    AdjustmentRejected,
    /// Posted at month close when the month's pay falls short of the guaranteed minimum: the
    /// paid hours of the time register at the legal minimum time rate (Code on Wages s.12;
    /// positive, dated the month's last day).
    MinimumWageTopUp,
    /// Posted at month close for a salaried artisan or a trainee: the month's salary or stipend
    /// under the terms in force, less the wages of the pieces they made that month (already
    /// credited when the pieces were accepted; positive, dated the month's last day).
    Salary,
    /// Posted at month close with the salary: overtime hours at twice the ordinary hourly rate
    /// of the salary (positive, dated the month's last day).
    OvertimePremium,
    /// Money withheld from the month's wages, of a kind the wage policy lists under the Code on
    /// Wages s.18 — never a fine (negative; `details.deduction_kind`, `details.reason`).
    Deduction,
}

impl EntryKind {
    pub const ALL: [EntryKind; 10] = [
        Self::WageEarned,
        Self::SaleBonus,
        Self::Payout,
        Self::Adjustment,
        Self::AdjustmentApproved,
        Self::AdjustmentRejected,
        Self::MinimumWageTopUp,
        Self::Salary,
        Self::OvertimePremium,
        Self::Deduction,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::WageEarned => "wage_earned",
            Self::SaleBonus => "sale_bonus",
            Self::Payout => "payout",
            Self::Adjustment => "adjustment",
            Self::AdjustmentApproved => "adjustment_approved",
            Self::AdjustmentRejected => "adjustment_rejected",
            Self::MinimumWageTopUp => "minimum_wage_top_up",
            Self::Salary => "salary",
            Self::OvertimePremium => "overtime_premium",
            Self::Deduction => "deduction",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::WageEarned => "Wage earned",
            Self::SaleBonus => "Sale bonus",
            Self::Payout => "Payout",
            Self::Adjustment => "Adjustment",
            Self::AdjustmentApproved => "Adjustment approved",
            Self::AdjustmentRejected => "Adjustment rejected",
            Self::MinimumWageTopUp => "Minimum-wage top-up",
            Self::Salary => "Salary or stipend",
            Self::OvertimePremium => "Overtime (twice the rate)",
            Self::Deduction => "Deduction",
        }
    }
}

crate::text_column!(EntryKind, "ledger entry kind", |c| EntryKind::parse(c));

/// How an artisan is paid under their employment terms.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, diesel::expression::AsExpression, diesel::deserialize::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(rename_all = "snake_case")]
pub enum PayBasis {
    /// A fixed monthly salary for the standard hours.
    MonthlySalary,
    /// Piece wages, never less than the legal minimum time rate for the hours worked (s.12).
    PieceRate,
    /// A trainee's monthly stipend (still judged against the legal minimum for paid hours).
    TraineeStipend,
}

impl PayBasis {
    pub const ALL: [PayBasis; 3] = [Self::MonthlySalary, Self::PieceRate, Self::TraineeStipend];

    pub fn code(self) -> &'static str {
        match self {
            Self::MonthlySalary => "monthly_salary",
            Self::PieceRate => "piece_rate",
            Self::TraineeStipend => "trainee_stipend",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s.trim())
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::MonthlySalary => "Monthly salary",
            Self::PieceRate => "Piece rate with the guaranteed minimum",
            Self::TraineeStipend => "Trainee stipend",
        }
    }

    /// Whether the terms name a monthly amount (salary or stipend).
    pub fn has_monthly_amount(self) -> bool {
        self != Self::PieceRate
    }
}

crate::text_column!(PayBasis, "pay basis", |c| PayBasis::parse(c));

/// The deductions the Code on Wages 2019 s.18 allows from wages. A wage policy lists which of
/// them the shop makes; fines (s.18(1)(a)) are deliberately absent: fair-trade auditors expect
/// no disciplinary deductions at all (DOMAIN.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeductionKind {
    /// Absence from duty (s.18(1)(b)), in proportion to the period absent.
    Absence,
    /// Recovery of an advance or an overpayment of wages.
    AdvanceRecovery,
    /// Recovery of a loan (e.g. from a welfare fund).
    LoanRecovery,
    /// House accommodation supplied by the employer.
    Housing,
    /// Amenities and services supplied by the employer, as authorised.
    Amenities,
    /// Income tax payable by the employee.
    IncomeTax,
    /// Required by a court or an authority's order.
    CourtOrder,
    /// Provident fund or pension contributions.
    ProvidentFund,
    /// Social security contributions (ESI, insurance).
    SocialSecurity,
}

impl DeductionKind {
    pub const ALL: [DeductionKind; 9] = [
        Self::Absence,
        Self::AdvanceRecovery,
        Self::LoanRecovery,
        Self::Housing,
        Self::Amenities,
        Self::IncomeTax,
        Self::CourtOrder,
        Self::ProvidentFund,
        Self::SocialSecurity,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Absence => "absence",
            Self::AdvanceRecovery => "advance_recovery",
            Self::LoanRecovery => "loan_recovery",
            Self::Housing => "housing",
            Self::Amenities => "amenities",
            Self::IncomeTax => "income_tax",
            Self::CourtOrder => "court_order",
            Self::ProvidentFund => "provident_fund",
            Self::SocialSecurity => "social_security",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Absence => "Absence from duty",
            Self::AdvanceRecovery => "Recovery of an advance or overpayment",
            Self::LoanRecovery => "Recovery of a loan",
            Self::Housing => "Housing provided",
            Self::Amenities => "Amenities and services provided",
            Self::IncomeTax => "Income tax",
            Self::CourtOrder => "Court or authority order",
            Self::ProvidentFund => "Provident fund or pension",
            Self::SocialSecurity => "Social security (ESI, insurance)",
        }
    }

    /// Parses a kind a person chose or typed. A fine — or any penalty — is refused with the
    /// reason, not merely as an unknown kind.
    pub fn parse(s: &str) -> Result<Self, String> {
        let t = s.trim().to_lowercase();
        if let Some(k) = Self::ALL.into_iter().find(|k| k.code() == t) {
            return Ok(k);
        }
        if ["fine", "fines", "penalty", "disciplinary"].iter().any(|w| t.contains(w)) {
            return Err("fines are never deducted from wages: the shop makes no disciplinary deductions".into());
        }
        Err(format!("\"{}\" is not a deduction the Code on Wages (s.18) allows", s.trim()))
    }

    /// The kinds listed in a policy's `deduction_kinds` (comma-separated codes).
    pub fn list(codes: &str) -> Vec<Self> {
        Self::ALL.into_iter().filter(|k| codes.split(',').any(|c| c.trim() == k.code())).collect()
    }
}

/// The kinds of hour in the time register.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    diesel::expression::AsExpression,
    diesel::deserialize::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(rename_all = "snake_case")]
pub enum HourKind {
    Production,
    Training,
    Design,
    Rework,
    /// Waiting for material: time at the employer's disposal, so worked time.
    Waiting,
    LeavePaid,
    LeaveUnpaid,
    Holiday,
}

impl HourKind {
    pub const ALL: [HourKind; 8] = [
        Self::Production,
        Self::Training,
        Self::Design,
        Self::Rework,
        Self::Waiting,
        Self::LeavePaid,
        Self::LeaveUnpaid,
        Self::Holiday,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Production => "production",
            Self::Training => "training",
            Self::Design => "design",
            Self::Rework => "rework",
            Self::Waiting => "waiting",
            Self::LeavePaid => "leave_paid",
            Self::LeaveUnpaid => "leave_unpaid",
            Self::Holiday => "holiday",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Production => "Production",
            Self::Training => "Training",
            Self::Design => "Design",
            Self::Rework => "Rework",
            Self::Waiting => "Waiting for material",
            Self::LeavePaid => "Leave (paid)",
            Self::LeaveUnpaid => "Leave (unpaid)",
            Self::Holiday => "Holiday",
        }
    }

    /// Hours worked (they count towards overtime).
    pub fn is_work(self) -> bool {
        matches!(self, Self::Production | Self::Training | Self::Design | Self::Rework | Self::Waiting)
    }

    /// Hours paid: work, paid leave and holidays (unpaid leave is not).
    pub fn is_paid(self) -> bool {
        self != Self::LeaveUnpaid
    }
}

crate::text_column!(HourKind, "kind of hour", |c| HourKind::parse(c));

/// How a payout was made (bank credit and electronic transfer are what the Code on Wages
/// prefers; cash is still recorded honestly when it happens). Stored in a payout entry's
/// details, and read back typed through `ledger::PayoutDetails`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayoutMethod {
    Bank,
    Upi,
    Cash,
}

impl PayoutMethod {
    pub const ALL: [PayoutMethod; 3] = [Self::Bank, Self::Upi, Self::Cash];

    pub fn parse(s: &str) -> Result<Self, String> {
        match s.trim() {
            "bank" => Ok(Self::Bank),
            "upi" => Ok(Self::Upi),
            "cash" => Ok(Self::Cash),
            "" => Err("choose how the money was paid: bank transfer, UPI or cash".into()),
            other => Err(format!("`{other}` is not a payment method: use bank, upi or cash")),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Bank => "bank",
            Self::Upi => "upi",
            Self::Cash => "cash",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Bank => "Bank transfer",
            Self::Upi => "UPI",
            Self::Cash => "Cash",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_and_know_their_deadline() {
        let m = Month::parse("2026-02").unwrap();
        assert_eq!(m.last_day(), NaiveDate::from_ymd_opt(2026, 2, 28).unwrap());
        assert_eq!(m.pay_deadline(), NaiveDate::from_ymd_opt(2026, 3, 7).unwrap());
        assert_eq!(Month::parse("2026-12").unwrap().pay_deadline(), NaiveDate::from_ymd_opt(2027, 1, 7).unwrap());
        assert!(Month::parse("2026-13").is_err());
        assert!(Month::parse("26-01").is_err());
        assert_eq!(m.to_string(), "2026-02");
    }

    #[test]
    fn rates_and_percentages_are_parsed_strictly() {
        assert_eq!(PositiveDecimal::rate("84.2500").unwrap().get().to_string(), "84.25");
        assert!(PositiveDecimal::rate("0").is_err());
        assert!(PositiveDecimal::rate("84,25").is_err());
        assert!(PositiveDecimal::multiplier("1.123456").is_err());
        assert_eq!(PositiveDecimal::rate("84.123456").unwrap().get().to_string(), "84.123456");
        assert!(PositiveDecimal::rate("84.1234567").is_err());
        // Bounded where parsed: a rate or multiplier no real figure reaches is refused.
        assert!(PositiveDecimal::rate("100000").is_ok());
        assert_eq!(PositiveDecimal::rate("100000.01").unwrap_err(), "must be at most 100000");
        assert!(PositiveDecimal::rate("79228162514264337593543950335").is_err());
        assert!(PositiveDecimal::multiplier("10").is_ok());
        assert!(PositiveDecimal::multiplier("10.5").is_err());
        assert_eq!(Percent::parse("7.5%").unwrap().get().to_string(), "7.5");
        assert!(Percent::parse("101").is_err());
    }

    #[test]
    fn india_dates_are_ist() {
        let late_utc = NaiveDate::from_ymd_opt(2026, 3, 6).unwrap().and_hms_opt(19, 0, 0).unwrap();
        assert_eq!(india_date(late_utc), NaiveDate::from_ymd_opt(2026, 3, 7).unwrap());
    }
}
