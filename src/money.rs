//! Money is an integer count of a currency's minor units plus the currency.
//! Formatting and parsing of amounts live here; no floating point anywhere.

use std::fmt;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// Rounds a decimal count of minor units (a wage from hours × rate, a bonus from a price ×
/// rate × percentage) to a whole number, half away from zero. An amount that does not fit in
/// 64 bits is an error, never a saturated value that would be recorded as if it were true.
pub fn round_minor(d: Decimal) -> Result<i64, Overflow> {
    d.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero).to_i64().ok_or(Overflow)
}

/// An amount too large to record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the amount is too large to record")]
pub struct Overflow;

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
pub enum Currency {
    #[serde(rename = "USD")]
    Usd,
    #[serde(rename = "EUR")]
    Eur,
    #[serde(rename = "GBP")]
    Gbp,
    #[serde(rename = "CAD")]
    Cad,
    #[serde(rename = "AUD")]
    Aud,
    #[serde(rename = "INR")]
    Inr,
}

crate::text_column!(Currency, "currency", |c| Currency::parse(c));

/// The ISO 4217 code (`USD`).
impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Currency {
    pub const ALL: [Currency; 6] = [Self::Usd, Self::Eur, Self::Gbp, Self::Cad, Self::Aud, Self::Inr];

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code().eq_ignore_ascii_case(code.trim()))
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Usd => "USD",
            Self::Eur => "EUR",
            Self::Gbp => "GBP",
            Self::Cad => "CAD",
            Self::Aud => "AUD",
            Self::Inr => "INR",
        }
    }

    fn symbol(self) -> &'static str {
        match self {
            Self::Usd => "$",
            Self::Eur => "€",
            Self::Gbp => "£",
            Self::Cad => "CA$",
            Self::Aud => "A$",
            Self::Inr => "₹",
        }
    }

    /// Digits after the decimal point (ISO 4217 exponent). All supported currencies use 2.
    pub fn exponent(self) -> u32 {
        2
    }
}

/// An amount of money in minor units (cents, paise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("must be an amount such as 250 or 250.50")]
    NotANumber,
    #[error("must not be negative")]
    Negative,
    #[error("has more than {0} decimal places")]
    TooPrecise(u32),
    #[error("is too large")]
    TooLarge,
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Self {
        Self { minor, currency }
    }

    /// Parses an amount typed in major units ("250", "250.5", "1,250.00") without floats.
    pub fn parse_major(input: &str, currency: Currency) -> Result<Self, MoneyError> {
        let s: String = input.trim().chars().filter(|c| *c != ',' && *c != '_').collect();
        if s.starts_with('-') {
            return Err(MoneyError::Negative);
        }
        let (whole, frac) = match s.split_once('.') {
            Some((w, f)) => (w, f),
            None => (s.as_str(), ""),
        };
        let all_digits = |p: &str| p.chars().all(|c| c.is_ascii_digit());
        if (whole.is_empty() && frac.is_empty()) || !all_digits(whole) || !all_digits(frac) {
            return Err(MoneyError::NotANumber);
        }
        let exp = currency.exponent();
        if frac.len() > exp as usize {
            return Err(MoneyError::TooPrecise(exp));
        }
        let scale = 10i64.pow(exp);
        let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| MoneyError::TooLarge)? };
        let frac_value: i64 = if frac.is_empty() {
            0
        } else {
            frac.parse::<i64>().map_err(|_| MoneyError::NotANumber)? * 10i64.pow(exp - frac.len() as u32)
        };
        let minor = whole.checked_mul(scale).and_then(|v| v.checked_add(frac_value)).ok_or(MoneyError::TooLarge)?;
        Ok(Self::new(minor, currency))
    }

    /// The amount in major units as a plain decimal string ("1250.00"), for machine-readable output.
    pub fn major_string(&self) -> String {
        let scale = 10i64.pow(self.currency.exponent());
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        format!(
            "{sign}{}.{:0width$}",
            abs / scale as u64,
            abs % scale as u64,
            width = self.currency.exponent() as usize
        )
    }
}

/// Human format: `$1,250.00`, `₹1,23,456.00` (Indian digit grouping for rupees).
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scale = 10u64.pow(self.currency.exponent());
        let abs = self.minor.unsigned_abs();
        let whole = (abs / scale).to_string();
        let grouped = if self.currency == Currency::Inr { group_indian(&whole) } else { group_thousands(&whole) };
        let sign = if self.minor < 0 { "-" } else { "" };
        write!(
            f,
            "{sign}{}{grouped}.{:0width$}",
            self.currency.symbol(),
            abs % scale,
            width = self.currency.exponent() as usize
        )
    }
}

fn group_thousands(digits: &str) -> String {
    group_by(digits, 3)
}

/// Indian grouping: the last three digits, then groups of two (12,34,567).
fn group_indian(digits: &str) -> String {
    if digits.len() <= 3 {
        return digits.to_string();
    }
    let (head, tail) = digits.split_at(digits.len() - 3);
    format!("{},{tail}", group_by(head, 2))
}

fn group_by(digits: &str, size: usize) -> String {
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(size) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// How a price converted into a buyer's currency is rounded (`shop.presentment_rounding`):
/// to whole units (€552, the default: prices look like prices) or to the minor unit (€552.49).
/// Both half away from zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    Whole,
    Minor,
}

impl Rounding {
    pub fn parse(code: &str) -> Option<Self> {
        match code.trim() {
            "whole" => Some(Self::Whole),
            "minor" | "cent" => Some(Self::Minor),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Whole => "whole",
            Self::Minor => "minor",
        }
    }
}

/// The currency a buyer sees and pays prices in, with the rate that converts the shop's base
/// currency into it (`rate` units of `currency` per unit of `base`, from the rupee rates finance
/// recorded for `rate_date`, with their `source`) and the rounding rule. The base currency
/// itself is the identity (rate 1, nothing rounded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presentment {
    pub currency: Currency,
    pub base: Currency,
    pub rate: Decimal,
    /// Rupees per unit of `base` that day (1 for rupees): what the sale bonus converts with.
    pub base_inr_per_unit: Decimal,
    pub rate_date: chrono::NaiveDate,
    pub source: String,
    pub rounding: Rounding,
}

impl Presentment {
    /// Prices as they are: the shop's own currency.
    pub fn base(base: Currency, base_inr_per_unit: Decimal, on: chrono::NaiveDate) -> Self {
        Self {
            currency: base,
            base,
            rate: Decimal::ONE,
            base_inr_per_unit,
            rate_date: on,
            source: "the shop's currency".into(),
            rounding: Rounding::Minor,
        }
    }

    pub fn is_base(&self) -> bool {
        self.currency == self.base
    }

    /// A base amount (minor units) in this currency's minor units: × rate, then rounded by the
    /// rule. Each price is converted on its own, so a total is the sum of what the buyer saw.
    pub fn convert(&self, base_minor: i64) -> Result<i64, Overflow> {
        if self.is_base() {
            return Ok(base_minor);
        }
        let from = Decimal::from(10i64.pow(self.base.exponent()));
        let to = Decimal::from(10i64.pow(self.currency.exponent()));
        let major =
            Decimal::from(base_minor).checked_mul(self.rate).and_then(|d| d.checked_div(from)).ok_or(Overflow)?;
        match self.rounding {
            Rounding::Minor => round_minor(major.checked_mul(to).ok_or(Overflow)?),
            Rounding::Whole => round_minor(major)?.checked_mul(10i64.pow(self.currency.exponent())).ok_or(Overflow),
        }
    }

    /// `convert` as money, for showing.
    pub fn money(&self, base_minor: i64) -> Result<Money, Overflow> {
        Ok(Money::new(self.convert(base_minor)?, self.currency))
    }
}

/// A rate from `base` to `other` (units of `other` per unit of `base`, as orders record it)
/// written the way round people read it: "1 EUR = ₹90.21", units of `base` per unit of
/// `other`, to four decimal places without trailing zeros (two at least). `None` for a zero rate.
pub fn per_unit(rate: Decimal, base: Currency, other: Currency) -> Option<String> {
    if rate.is_zero() {
        return None;
    }
    let inverse = Decimal::ONE.checked_div(rate)?.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
    let mut text = inverse.normalize().to_string();
    match text.split_once('.') {
        None => text.push_str(".00"),
        Some((_, frac)) if frac.len() < 2 => text.push('0'),
        _ => {}
    }
    Some(format!("1 {} = {}{text}", other.code(), base.symbol()))
}

/// `part` of `of_total`, as the same share of `to_total` (a refund of part of a charge in the
/// other currency), half away from zero: all of it maps to all of `to_total` exactly.
pub fn proportional(part: i64, of_total: i64, to_total: i64) -> Result<i64, Overflow> {
    if of_total == 0 {
        return Ok(0);
    }
    if part == of_total {
        return Ok(to_total);
    }
    let d = Decimal::from(part)
        .checked_mul(Decimal::from(to_total))
        .and_then(|d| d.checked_div(Decimal::from(of_total)))
        .ok_or(Overflow)?;
    round_minor(d)
}

/// Parts of `from_total` (a price's breakdown) as the same shares of `to_total` (that price
/// in another currency). When the parts add up to `from_total`, the results add up to
/// `to_total` exactly, by the largest remainder: each share is rounded down, and the units left
/// over go one each to the parts with the largest fractions (the earlier part on a tie).
/// Parts that do not add up to `from_total` (an incomplete split) are each converted on their
/// own, half away from zero (`proportional`).
pub fn split_proportionally(parts: &[i64], from_total: i64, to_total: i64) -> Result<Vec<i64>, Overflow> {
    if from_total == 0 {
        return Ok(vec![0; parts.len()]);
    }
    let sum = parts.iter().try_fold(0i64, |a, p| a.checked_add(*p)).ok_or(Overflow)?;
    if sum != from_total {
        return parts.iter().map(|p| proportional(*p, from_total, to_total)).collect();
    }
    let mut floors = Vec::with_capacity(parts.len());
    let mut fractions = Vec::with_capacity(parts.len());
    for (i, p) in parts.iter().enumerate() {
        let exact = Decimal::from(*p)
            .checked_mul(Decimal::from(to_total))
            .and_then(|d| d.checked_div(Decimal::from(from_total)))
            .ok_or(Overflow)?;
        let floor = exact.floor();
        floors.push(floor.to_i64().ok_or(Overflow)?);
        fractions.push((exact - floor, i));
    }
    let floored = floors.iter().try_fold(0i64, |a, f| a.checked_add(*f)).ok_or(Overflow)?;
    let mut left = to_total.checked_sub(floored).ok_or(Overflow)?;
    fractions.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in fractions {
        if left <= 0 {
            break;
        }
        floors[i] += 1;
        left -= 1;
    }
    Ok(floors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_to_minor_units_is_half_away_from_zero_and_never_saturates() {
        assert_eq!(round_minor(Decimal::new(25, 1)), Ok(3));
        assert_eq!(round_minor(Decimal::new(-25, 1)), Ok(-3));
        assert_eq!(round_minor(Decimal::new(24999, 4)), Ok(2));
        assert_eq!(round_minor(Decimal::from(i64::MAX)), Ok(i64::MAX));
        // One past the largest amount: an error, not i64::MAX recorded as if it were true.
        assert_eq!(round_minor(Decimal::from(i64::MAX) + Decimal::ONE), Err(Overflow));
        assert_eq!(round_minor(Decimal::MAX), Err(Overflow));
    }

    fn eur(rate: &str, rounding: Rounding) -> Presentment {
        Presentment {
            currency: Currency::Eur,
            base: Currency::Inr,
            rate: rate.parse().unwrap(),
            base_inr_per_unit: Decimal::ONE,
            rate_date: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            source: "test".into(),
            rounding,
        }
    }

    #[test]
    fn presentment_converts_then_rounds_by_the_rule() {
        // ₹50,000 at 1/90.5 €/₹ = €552.4861…
        let rate = (Decimal::ONE / Decimal::new(905, 1)).round_dp(10);
        assert_eq!(eur(&rate.to_string(), Rounding::Whole).convert(5_000_000), Ok(55_200));
        assert_eq!(eur(&rate.to_string(), Rounding::Minor).convert(5_000_000), Ok(55_249));
        // Half a unit goes up (away from zero), a hair less goes down.
        assert_eq!(eur("0.01", Rounding::Whole).convert(5_000), Ok(100)); // ₹50 → €0.50 → €1
        assert_eq!(eur("0.01", Rounding::Whole).convert(4_999), Ok(0));
        assert_eq!(eur("0.01", Rounding::Minor).convert(4_950), Ok(50)); // €0.495 → €0.50
                                                                         // The base currency is never rounded.
        let base = Presentment::base(Currency::Inr, Decimal::ONE, chrono::NaiveDate::MIN);
        assert_eq!(base.convert(12_345), Ok(12_345));
        assert_eq!(eur("1000000000", Rounding::Minor).convert(i64::MAX), Err(Overflow));
    }

    #[test]
    fn proportional_shares_map_the_whole_exactly() {
        assert_eq!(proportional(55_200, 55_200, 5_000_000), Ok(5_000_000));
        assert_eq!(proportional(27_600, 55_200, 5_000_000), Ok(2_500_000));
        assert_eq!(proportional(1, 3, 2), Ok(1)); // 0.67 → 1
        assert_eq!(proportional(0, 0, 100), Ok(0));
        assert_eq!(proportional(5, 0, 100), Ok(0));
    }

    #[test]
    fn a_split_in_another_currency_adds_up_to_the_converted_total() {
        // Three equal thirds of 100 as shares of 200: 66.67 each → 67, 67, 66.
        assert_eq!(split_proportionally(&[100, 100, 100], 300, 200), Ok(vec![67, 67, 66]));
        // A negative part (a shortfall) keeps the sum exact too.
        let parts = [7_000, 4_500, -1_500];
        let out = split_proportionally(&parts, 10_000, 11_400).unwrap();
        assert_eq!(out.iter().sum::<i64>(), 11_400);
        assert_eq!(out, vec![7_980, 5_130, -1_710]);
        // Parts that are not the whole: each on its own.
        assert_eq!(split_proportionally(&[50], 300, 200), Ok(vec![33]));
        assert_eq!(split_proportionally(&[5, 5], 0, 200), Ok(vec![0, 0]));
    }

    #[test]
    fn a_rate_is_written_per_unit_of_the_buyers_currency() {
        let inr_to_eur = (Decimal::ONE / Decimal::new(9021, 2)).round_dp(10);
        assert_eq!(per_unit(inr_to_eur, Currency::Inr, Currency::Eur).as_deref(), Some("1 EUR = ₹90.21"));
        let usd_to_eur: Decimal = "0.9222222222".parse().unwrap();
        assert_eq!(per_unit(usd_to_eur, Currency::Usd, Currency::Eur).as_deref(), Some("1 EUR = $1.0843"));
        assert_eq!(per_unit(Decimal::new(1, 2), Currency::Inr, Currency::Usd).as_deref(), Some("1 USD = ₹100.00"));
        assert_eq!(per_unit(Decimal::ZERO, Currency::Inr, Currency::Usd), None);
    }

    #[test]
    fn formats_with_grouping() {
        assert_eq!(Money::new(125_000, Currency::Usd).to_string(), "$1,250.00");
        assert_eq!(Money::new(5, Currency::Usd).to_string(), "$0.05");
        assert_eq!(Money::new(123_456_789, Currency::Usd).to_string(), "$1,234,567.89");
        assert_eq!(Money::new(12_345_600, Currency::Inr).to_string(), "₹1,23,456.00");
        assert_eq!(Money::new(99_900, Currency::Inr).to_string(), "₹999.00");
        assert_eq!(Money::new(-1_050, Currency::Eur).to_string(), "-€10.50");
        assert_eq!(Money::new(125_050, Currency::Usd).major_string(), "1250.50");
    }

    #[test]
    fn parses_major_units_exactly() {
        assert_eq!(Money::parse_major("250", Currency::Usd).unwrap().minor, 25_000);
        assert_eq!(Money::parse_major("250.5", Currency::Usd).unwrap().minor, 25_050);
        assert_eq!(Money::parse_major("1,250.05", Currency::Usd).unwrap().minor, 125_005);
        assert_eq!(Money::parse_major(".5", Currency::Usd).unwrap().minor, 50);
        assert_eq!(Money::parse_major("abc", Currency::Usd), Err(MoneyError::NotANumber));
        assert_eq!(Money::parse_major("", Currency::Usd), Err(MoneyError::NotANumber));
        assert_eq!(Money::parse_major("1e3", Currency::Usd), Err(MoneyError::NotANumber));
        assert_eq!(Money::parse_major("-5", Currency::Usd), Err(MoneyError::Negative));
        assert_eq!(Money::parse_major("1.005", Currency::Usd), Err(MoneyError::TooPrecise(2)));
        assert_eq!(Money::parse_major("99999999999999999999", Currency::Usd), Err(MoneyError::TooLarge));
    }
}
