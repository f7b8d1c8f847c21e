//! Numbers as an Indian reader expects them: rupees with lakh and crore grouping
//! (₹1,23,45,678.90: the last three digits, then groups of two), hours as h:mm.
//!
//! Digits stay the international ones (0–9) in every language: they are the official form for
//! figures (Constitution of India, art. 343), and what bank statements and the Code on Wages
//! forms use, in Bengali, Hindi and Marathi text alike.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

/// The minus sign of a negative amount (U+2212, read as "minus" by screen readers and never
/// confused with a dash).
pub const MINUS: char = '−';

/// Digits grouped the Indian way: "1234567" → "12,34,567".
pub fn group_indian(n: u64) -> String {
    let digits = n.to_string();
    if digits.len() <= 3 {
        return digits;
    }
    let (head, tail) = digits.split_at(digits.len() - 3);
    let mut out = String::with_capacity(digits.len() + digits.len() / 2);
    for (i, ch) in head.chars().enumerate() {
        if i > 0 && (head.len() - i).is_multiple_of(2) {
            out.push(',');
        }
        out.push(ch);
    }
    out.push(',');
    out.push_str(tail);
    out
}

/// Paise as rupees: 37_500_000 → "₹3,75,000.00"; -125_050 → "−₹1,250.50".
pub fn rupees(minor: i64) -> String {
    let abs = minor.unsigned_abs();
    let sign = if minor < 0 { MINUS.to_string() } else { String::new() };
    format!("{sign}₹{}.{:02}", group_indian(abs / 100), abs % 100)
}

/// A rupee amount that may carry more than two decimals (a rate per hour), rounded to paise
/// half away from zero: 60.0865 → "₹60.09", -0.005 → "−₹0.01".
pub fn rupees_decimal(rupees_value: Decimal) -> String {
    let paise = (rupees_value * Decimal::ONE_HUNDRED).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    match paise.to_i64() {
        Some(p) => rupees(p),
        None => format!("₹{}", rupees_value.round_dp(2)),
    }
}

/// Minutes as hours and minutes: 10_350 → "172:30"; 0 → "0:00". Exact (no rounding), and the
/// same in every language.
pub fn hours_minutes(minutes: i64) -> String {
    let sign = if minutes < 0 { MINUS.to_string() } else { String::new() };
    let m = minutes.unsigned_abs();
    format!("{sign}{}:{:02}", m / 60, m % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn rupees_are_grouped_in_lakhs_and_crores() {
        assert_eq!(rupees(0), "₹0.00");
        assert_eq!(rupees(9_900), "₹99.00");
        assert_eq!(rupees(100_000), "₹1,000.00");
        assert_eq!(rupees(1_249_900), "₹12,499.00");
        assert_eq!(rupees(9_999_900), "₹99,999.00");
        assert_eq!(rupees(10_000_000), "₹1,00,000.00");
        assert_eq!(rupees(37_500_000), "₹3,75,000.00");
        assert_eq!(rupees(1_234_567_890), "₹1,23,45,678.90");
        assert_eq!(rupees(100_000_000_000), "₹1,00,00,00,000.00");
        assert_eq!(rupees(5), "₹0.05");
    }

    #[test]
    fn negative_amounts_carry_a_minus_sign_before_the_rupee() {
        assert_eq!(rupees(-125_050), "−₹1,250.50");
        assert_eq!(rupees(-1), "−₹0.01");
        assert_eq!(rupees(-10_000_000), "−₹1,00,000.00");
        assert_eq!(rupees(i64::MIN), "−₹92,23,37,20,36,85,47,758.08");
    }

    #[test]
    fn grouping_alone() {
        assert_eq!(group_indian(0), "0");
        assert_eq!(group_indian(999), "999");
        assert_eq!(group_indian(1000), "1,000");
        assert_eq!(group_indian(12_345_678), "1,23,45,678");
    }

    #[test]
    fn rates_round_half_away_from_zero_to_paise() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(rupees_decimal(d("60.0865")), "₹60.09");
        assert_eq!(rupees_decimal(d("60.085")), "₹60.09");
        assert_eq!(rupees_decimal(d("60.0849")), "₹60.08");
        assert_eq!(rupees_decimal(d("-0.005")), "−₹0.01");
        assert_eq!(rupees_decimal(d("123456.785")), "₹1,23,456.79");
        assert_eq!(rupees_decimal(Decimal::ZERO), "₹0.00");
    }

    #[test]
    fn hours_are_hours_and_minutes() {
        assert_eq!(hours_minutes(0), "0:00");
        assert_eq!(hours_minutes(59), "0:59");
        assert_eq!(hours_minutes(10_350), "172:30");
        assert_eq!(hours_minutes(12_000), "200:00");
        assert_eq!(hours_minutes(-90), "−1:30");
    }
}
