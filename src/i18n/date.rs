//! Dates in the reader's language: month names come from the `.ftl` files (`month-1` …
//! `month-12` in `common.ftl`), digits stay international (see `number`).

use chrono::{Datelike, NaiveDate};
use fluent_templates::fluent_bundle::FluentValue;

use super::{t, t_with, Lang};

/// The month's name: 11 → "November" / "নভেম্বর" / "नवंबर" / "नोव्हेंबर".
pub fn month_name(lang: Lang, month: u32) -> String {
    t(lang, &format!("month-{month}"))
}

/// "November 2026" / "নভেম্বর 2026" / "नवंबर 2026" / "नोव्हेंबर 2026".
pub fn month_year(lang: Lang, year: i32, month: u32) -> String {
    t_with(
        lang,
        "date-month-year",
        &[("month", FluentValue::from(month_name(lang, month))), ("year", FluentValue::from(year.to_string()))],
    )
}

/// "5 November 2026" (day, month, year: the order all four languages use).
pub fn day_month_year(lang: Lang, date: NaiveDate) -> String {
    t_with(
        lang,
        "date-day-month-year",
        &[
            ("day", FluentValue::from(date.day().to_string())),
            ("month", FluentValue::from(month_name(lang, date.month()))),
            ("year", FluentValue::from(date.year().to_string())),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_dates_in_each_language() {
        assert_eq!(month_year(Lang::En, 2026, 11), "November 2026");
        assert_eq!(month_year(Lang::Bn, 2026, 11), "নভেম্বর 2026");
        assert_eq!(month_year(Lang::Hi, 2026, 11), "नवंबर 2026");
        assert_eq!(month_year(Lang::Mr, 2026, 11), "नोव्हेंबर 2026");
        let d = NaiveDate::from_ymd_opt(2026, 10, 5).unwrap();
        assert_eq!(day_month_year(Lang::En, d), "5 October 2026");
        assert_eq!(day_month_year(Lang::Bn, d), "5 অক্টোবর 2026");
        assert_eq!(day_month_year(Lang::Hi, d), "5 अक्टूबर 2026");
        assert_eq!(day_month_year(Lang::Mr, d), "5 ऑक्टोबर 2026");
    }
}
