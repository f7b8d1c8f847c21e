//! Times in the reader's time zone and language. Everything is stored in UTC (a naive
//! timestamp that means UTC); a page shows it in the staff member's zone — their own choice,
//! else their center's, else the shop's (Asia/Kolkata) — as "2 Dec 2026, 17:05 IST", with the
//! month's name from the `.ftl` files (`month-short-N`) and the zone's abbreviation from the
//! IANA database (chrono-tz, embedded; "+04" where the zone has no letters).

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use fluent_templates::fluent_bundle::FluentValue;

use super::{t, t_with, Lang};

/// The shop's own zone: the workshops and the registered office are in India.
pub const SHOP_TIME_ZONE: Tz = chrono_tz::Asia::Kolkata;

/// The zones the account page offers: India first, then where staff and partners commonly are.
/// Any IANA name is accepted (`parse_zone`); these are the ones worth a menu.
pub const OFFERED_ZONES: &[&str] = &[
    "Asia/Kolkata",
    "Asia/Dhaka",
    "Asia/Kathmandu",
    "Asia/Colombo",
    "Asia/Dubai",
    "Asia/Singapore",
    "Asia/Hong_Kong",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Europe/London",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Zurich",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Toronto",
    "UTC",
];

/// An IANA time zone name ("Asia/Kolkata"), `None` for anything chrono-tz does not know.
pub fn parse_zone(name: &str) -> Option<Tz> {
    let name = name.trim();
    if name.is_empty() || name.len() > 64 {
        return None;
    }
    name.parse::<Tz>().ok()
}

/// The zone a staff member's pages use: their choice, else their center's, else the shop's.
/// A stored name that no longer parses (a zone renamed in a later tz database) falls through.
pub fn staff_zone(chosen: Option<&str>, center: Option<&str>) -> Tz {
    chosen.and_then(parse_zone).or_else(|| center.and_then(parse_zone)).unwrap_or(SHOP_TIME_ZONE)
}

/// A stored UTC time in `tz`.
pub fn in_zone(tz: Tz, utc: NaiveDateTime) -> DateTime<Tz> {
    tz.from_utc_datetime(&utc)
}

/// "2 Dec 2026" (bn: "2 ডিসেম্বর 2026").
pub fn short_date(lang: Lang, date: NaiveDate) -> String {
    t_with(
        lang,
        "date-short",
        &[
            ("day", FluentValue::from(date.day().to_string())),
            ("month", FluentValue::from(t(lang, &format!("month-short-{}", date.month())))),
            ("year", FluentValue::from(date.year().to_string())),
        ],
    )
}

/// "2 Dec 2026, 17:05 IST": a stored UTC time as the reader's clock showed it.
pub fn local_time(lang: Lang, tz: Tz, utc: NaiveDateTime) -> String {
    let local = in_zone(tz, utc);
    t_with(
        lang,
        "date-time-local",
        &[
            ("date", FluentValue::from(short_date(lang, local.date_naive()))),
            ("time", FluentValue::from(format!("{:02}:{:02}", local.hour(), local.minute()))),
            ("zone", FluentValue::from(local.format("%Z").to_string())),
        ],
    )
}

/// "2 Dec 2026": the day a stored UTC time falls on in `tz`.
pub fn local_date(lang: Lang, tz: Tz, utc: NaiveDateTime) -> String {
    short_date(lang, in_zone(tz, utc).date_naive())
}

/// A stored time as it reaches a template: chrono's serialisation of a `NaiveDateTime`
/// ("2026-12-02T12:00:00", with or without fractions, or with a space), an RFC 3339 time with
/// an offset, or Unix seconds.
pub fn parse_stored(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(text, format) {
            return Some(t);
        }
    }
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc).naive_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap()
    }

    #[test]
    fn a_utc_time_shows_in_the_reader_s_zone_and_language() {
        let noon = at(2026, 12, 2, 12, 0);
        let kolkata = SHOP_TIME_ZONE;
        assert_eq!(local_time(Lang::En, kolkata, noon), "2 Dec 2026, 17:30 IST");
        assert_eq!(local_time(Lang::Bn, kolkata, noon), "2 ডিসেম্বর 2026, 17:30 IST");
        assert_eq!(local_time(Lang::Hi, kolkata, noon), "2 दिसंबर 2026, 17:30 IST");
        assert_eq!(local_time(Lang::Mr, kolkata, noon), "2 डिसेंबर 2026, 17:30 IST");
        assert_eq!(local_time(Lang::En, chrono_tz::Europe::London, noon), "2 Dec 2026, 12:00 GMT");
        // Late evening in UTC is the next day in India.
        assert_eq!(local_date(Lang::En, kolkata, at(2026, 12, 31, 20, 0)), "1 Jan 2027");
        assert_eq!(local_date(Lang::En, chrono_tz::UTC, at(2026, 12, 31, 20, 0)), "31 Dec 2026");
    }

    #[test]
    fn zones_are_the_staff_member_s_else_the_center_s_else_the_shop_s() {
        assert_eq!(staff_zone(Some("Europe/London"), Some("Asia/Kolkata")), chrono_tz::Europe::London);
        assert_eq!(staff_zone(None, Some("Asia/Dubai")), chrono_tz::Asia::Dubai);
        assert_eq!(staff_zone(Some("Mars/Olympus"), None), SHOP_TIME_ZONE);
        assert_eq!(staff_zone(None, None), SHOP_TIME_ZONE);
        assert!(parse_zone("Asia/Calcutta").is_some(), "old names still parse");
        assert!(parse_zone("").is_none() && parse_zone("IST").is_none());
        for z in OFFERED_ZONES {
            assert!(parse_zone(z).is_some(), "{z}");
        }
    }

    #[test]
    fn stored_times_parse_in_the_shapes_templates_receive() {
        let t = at(2026, 12, 2, 12, 0);
        assert_eq!(parse_stored("2026-12-02T12:00:00"), Some(t));
        assert_eq!(parse_stored("2026-12-02T12:00:00.123456"), Some(t + chrono::Duration::microseconds(123456)));
        assert_eq!(parse_stored("2026-12-02 12:00:00"), Some(t));
        assert_eq!(parse_stored("2026-12-02T17:30:00+05:30"), Some(t));
        assert_eq!(parse_stored("2026-12-02T12:00:00Z"), Some(t));
        assert_eq!(parse_stored("yesterday"), None);
    }
}
