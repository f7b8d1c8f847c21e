//! Screening of public free text (piece descriptions, artisans' stories). Timing is location:
//! a time of day, a shift, a weekday, a street, a PIN code, a shelter, a phone number or an
//! email in public text can tell a trafficker where and when a survivor can be found
//! (DOMAIN.md, survivor safety). `screen` finds such passages so the editor sees them;
//! publishing text that has any needs a second staff member's approval (`approvals`).
//!
//! Screening is a prompt for a person, not a proof: it prefers a false alarm (an "evening"
//! that is about evening wear) to a miss, but never flags what a jewelry listing always
//! says (karats, `22K916`, weights in grams, prices).

pub mod approvals;

use std::sync::LazyLock;

use regex_lite::{Regex, RegexBuilder};
use serde::Serialize;

/// What kind of passage was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    TimeOfDay,
    Shift,
    DayOfWeek,
    Place,
    PinCode,
    Shelter,
    Phone,
    Email,
}

impl MatchKind {
    /// A stable code (API responses, the audit log).
    pub fn code(self) -> &'static str {
        match self {
            Self::TimeOfDay => "time_of_day",
            Self::Shift => "shift",
            Self::DayOfWeek => "day_of_week",
            Self::Place => "place",
            Self::PinCode => "pin_code",
            Self::Shelter => "shelter",
            Self::Phone => "phone",
            Self::Email => "email",
        }
    }

    /// What the editor is told about it.
    pub fn label(self) -> &'static str {
        match self {
            Self::TimeOfDay => "a time of day (shows when someone is somewhere)",
            Self::Shift => "a shift or working hours",
            Self::DayOfWeek => "a day of the week",
            Self::Place => "a street, area or landmark",
            Self::PinCode => "a PIN code",
            Self::Shelter => "a shelter or home",
            Self::Phone => "a phone number",
            Self::Email => "an email address",
        }
    }
}

/// One passage found: its kind, the text itself and where it is (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Match {
    pub kind: MatchKind,
    /// `kind.code()`, for templates and JSON.
    pub code: &'static str,
    /// `kind.label()`, for templates and JSON.
    pub label: &'static str,
    pub snippet: String,
    pub start: usize,
    pub end: usize,
}

fn re(pattern: &str) -> Regex {
    // The patterns are constants of this file, tested below: a bad one fails every test run.
    RegexBuilder::new(pattern).case_insensitive(true).build().expect("a valid screening pattern")
}

/// The patterns, most specific first (where two overlap, the earlier kind wins).
static PATTERNS: LazyLock<Vec<(MatchKind, Regex)>> = LazyLock::new(|| {
    vec![
        (MatchKind::Email, re(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")),
        // +91 and a 10-digit mobile (6–9 first), optionally split 5+5; or a landline with an
        // STD code (033-2xxx xxxx).
        (MatchKind::Phone, re(r"(\+91[\s-]*)?\b[6-9]\d{4}[\s-]?\d{5}\b")),
        (MatchKind::Phone, re(r"\+91[\s-]*\d[\d\s-]{8,12}\d")),
        (MatchKind::Phone, re(r"\b0\d{2,4}[\s-]\d{3,4}[\s-]?\d{4}\b")),
        (
            MatchKind::Shelter,
            re(
                r"\b(shelters?|safe[\s-]?houses?|rescue[\s-]homes?|protection[\s-]homes?|short[\s-]stay[\s-]homes?|hostels?|ujjawala)\b",
            ),
        ),
        (
            MatchKind::Shift,
            re(
                r"\b((morning|day|evening|night|late|early|first|second|third)[\s-]+shifts?|shifts?|rota|roster|clock(s|ed)?[\s-](in|out)|working[\s-]hours|timings?|office[\s-]hours)\b",
            ),
        ),
        // 10am, 10 a.m., 10:30, 18.00 hrs, 1800 hrs, 6 o'clock; and the parts of a day.
        (MatchKind::TimeOfDay, re(r"\b(1[0-2]|0?[1-9])([:.][0-5]\d)?\s*(a\.?m\b\.?|p\.?m\b\.?)")),
        (MatchKind::TimeOfDay, re(r"\b([01]?\d|2[0-3]):[0-5]\d\b(\s*(hrs|hours|h)\b)?")),
        (MatchKind::TimeOfDay, re(r"\b([01]?\d|2[0-3])\.[0-5]\d\s*(hrs|hours|h)\b")),
        (MatchKind::TimeOfDay, re(r"\b([01]\d|2[0-3])[0-5]\d\s*(hrs|hours|h)\b")),
        (MatchKind::TimeOfDay, re(r"\b(1[0-2]|[1-9])\s*o'?\s?clock\b")),
        (
            MatchKind::TimeOfDay,
            re(r"\b(mornings?|afternoons?|evenings?|nights?|midnight|noon|dawn|dusk|sunrise|sunset)\b"),
        ),
        (
            MatchKind::DayOfWeek,
            re(
                r"\b(mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?|weekdays?|(tue|tues|wed|thu|thur|thurs|fri)\b\.?)",
            ),
        ),
        (MatchKind::PinCode, re(r"\b(pin|pin\s?code|postal\s?code|zip)\s*[:#-]?\s*\d{3}\s?\d{3}\b")),
        (MatchKind::PinCode, re(r"\b[1-9]\d{2}\s?\d{3}\b")),
        (
            MatchKind::Place,
            re(
                r"\b(roads?|lanes?|gali|galli|nagar|streets?|sector(\s*-?\s*\d+)?|colony|chowk|mohalla|basti|bustee|marg|ward\s+no|house\s+no|flat\s+no|landmark)\b|\b(rd|st)\.",
            ),
        ),
        (MatchKind::Place, re(r"\b(near|opposite|opp\.|behind|next\s+to|beside)\s+(the\s+)?[A-Za-z][\w'-]*")),
    ]
});

/// Money written before a number: a price is not a PIN code.
fn after_currency(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    ["₹", "$", "€", "£", "rs", "rs.", "inr", "usd", "eur", "gbp"].iter().any(|c| {
        before.len() >= c.len()
            && before.is_char_boundary(before.len() - c.len())
            && before[before.len() - c.len()..].eq_ignore_ascii_case(c)
    })
}

/// A weight, a price or a karat after the number: "125000 mg" is not a PIN code.
fn before_unit(text: &str, end: usize) -> bool {
    let after = text[end..].trim_start().to_ascii_lowercase();
    ["mg", "g ", "g.", "g,", "gram", "inr", "rs", "rupees", "usd", "₹", "k ", "kt", "karat", "carat", "ct"]
        .iter()
        .any(|u| after.starts_with(u))
        || after == "g"
        || after == "k"
}

/// Every passage of `text` that may tell where or when someone can be found, in order of
/// position, without overlaps (where two overlap, the one found by the earlier pattern stays).
pub fn screen(text: &str) -> Vec<Match> {
    let mut found: Vec<Match> = Vec::new();
    for (kind, pattern) in PATTERNS.iter() {
        for m in pattern.find_iter(text) {
            if *kind == MatchKind::PinCode && (after_currency(text, m.start()) || before_unit(text, m.end())) {
                continue;
            }
            if found.iter().any(|f| m.start() < f.end && f.start < m.end()) {
                continue;
            }
            found.push(Match {
                kind: *kind,
                code: kind.code(),
                label: kind.label(),
                snippet: m.as_str().trim().to_string(),
                start: m.start(),
                end: m.end(),
            });
        }
    }
    found.sort_by_key(|m| m.start);
    found
}

/// The distinct kinds among `matches`, in a stable order (for the audit log and API errors).
pub fn kinds(matches: &[Match]) -> Vec<&'static str> {
    let mut k: Vec<MatchKind> = matches.iter().map(|m| m.kind).collect();
    k.sort();
    k.dedup();
    k.into_iter().map(MatchKind::code).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        screen(text).iter().map(|m| m.code).collect()
    }

    fn snippets(text: &str) -> Vec<String> {
        screen(text).into_iter().map(|m| m.snippet).collect()
    }

    #[test]
    fn times_of_day_are_found() {
        for t in [
            "She starts at 10am.",
            "from 10 a.m.",
            "at 10:30 sharp",
            "leaves at 18.00 hrs",
            "at 1800 hrs",
            "by 6 o'clock",
            "5pm",
        ] {
            assert_eq!(codes(t), vec!["time_of_day"], "{t}");
        }
        assert_eq!(codes("she works in the morning"), vec!["time_of_day"]);
    }

    #[test]
    fn shifts_are_found() {
        assert_eq!(snippets("She works the morning shift."), vec!["morning shift"]);
        assert_eq!(codes("her shifts change"), vec!["shift"]);
        assert_eq!(codes("working hours are long"), vec!["shift"]);
        assert_eq!(codes("the roster is fixed"), vec!["shift"]);
    }

    #[test]
    fn days_of_the_week_are_found() {
        for t in ["on Monday", "every tuesday", "Sundays off", "at weekends", "Wed. and Thu."] {
            assert!(codes(t).iter().all(|c| *c == "day_of_week") && !codes(t).is_empty(), "{t}: {:?}", codes(t));
        }
    }

    #[test]
    fn places_and_pin_codes_are_found() {
        assert_eq!(codes("lives on Park Street"), vec!["place"]);
        assert_eq!(codes("Gandhi Road"), vec!["place"]);
        assert_eq!(codes("in Shanti Nagar"), vec!["place"]);
        assert_eq!(codes("a lane off the market"), vec!["place"]);
        assert_eq!(codes("Sector 5, Salt Lake"), vec!["place"]);
        assert_eq!(snippets("the workshop near Howrah station"), vec!["near Howrah"]);
        assert_eq!(codes("3 St. Mary's"), vec!["place"]);
        assert_eq!(codes("Kolkata 700019"), vec!["pin_code"]);
        assert_eq!(codes("Kolkata 700 019"), vec!["pin_code"]);
        assert_eq!(codes("PIN: 400001"), vec!["pin_code"]);
    }

    #[test]
    fn shelters_phones_and_emails_are_found() {
        assert_eq!(codes("she lived in a shelter"), vec!["shelter"]);
        assert_eq!(codes("the safe house"), vec!["shelter"]);
        assert_eq!(codes("call 9876543210"), vec!["phone"]);
        assert_eq!(codes("call +91 98765 43210"), vec!["phone"]);
        assert_eq!(codes("call +91-9876543210"), vec!["phone"]);
        assert_eq!(codes("call 033-2456 7890"), vec!["phone"]);
        assert_eq!(codes("write to rupa.d@example.org"), vec!["email"]);
        assert_eq!(snippets("write to rupa.d@example.org."), vec!["rupa.d@example.org"]);
    }

    #[test]
    fn what_a_listing_always_says_is_not_flagged() {
        for t in [
            "A 22 karat gold ring, hallmarked 22K916.",
            "18K yellow gold, 4.2 g, with two 0.05 ct rubies.",
            "Price ₹125000, or $1,250.00 abroad.",
            "Rs. 450000 including making charges.",
            "Net weight 12.500 g; gross 13.75 g; ring size 14.",
            "Hand-engraved lotus motif, 916 gold, sun and moon pattern.",
            "Weight 125000 mg",
            "A pendant in 14K585 gold with a 2.5 cm chain.",
            "Made by Rupa D. at the Kolkata workshop.",
        ] {
            assert!(screen(t).is_empty(), "{t}: {:?}", screen(t));
        }
    }

    #[test]
    fn matches_come_in_order_without_overlaps() {
        let m = screen("Mon to Friday 9am-5pm near Howrah, call 9876543210 or a@b.in");
        let starts: Vec<usize> = m.iter().map(|m| m.start).collect();
        let mut sorted = starts.clone();
        sorted.sort();
        assert_eq!(starts, sorted);
        assert!(m.windows(2).all(|w| w[0].end <= w[1].start));
        assert_eq!(kinds(&m), vec!["time_of_day", "day_of_week", "place", "phone", "email"]);
    }
}
