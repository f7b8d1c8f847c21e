//! Translations (Project Fluent) and the number and date formats that go with them — one
//! mechanism for every page that speaks the reader's language: the pay slip now, the back
//! office later (issue 17).
//!
//! - The messages are `.ftl` files under `locales/<lang>/`, one file per feature
//!   (`common.ftl`: month names and words every feature shares; `payslip.ftl`; later
//!   `admin.ftl`, …). They are embedded in the binary at build time by fluent-templates'
//!   static loader: no file is read at run time. `locales/GLOSSARY.md` fixes the domain words
//!   per language, so every feature says "top-up" or "ledger" the same way.
//! - Every language has exactly the keys English has (`tests/api/payslips.rs` fails on a
//!   missing or extra key); a key missing at run time falls back to English.
//! - Templates call `fluent(key="…", lang=lang, name=value…)` (registered by
//!   `web::templates`); Rust calls `t` / `t_with`. Numbers and dates are formatted here, in
//!   Rust (`number`, `date`), and passed to the messages as ready strings: Fluent itself does
//!   not group digits the Indian way.
//! - Arguments are not wrapped in Unicode isolation marks (`set_use_isolating(false)`): all
//!   four languages are left-to-right, and the marks would end up in copied text and snapshots.

pub mod date;
pub mod number;
pub mod tera;
pub mod time;

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use serde::Serialize;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language the shop speaks. Stored as its code (`artisans.slip_language`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Default,
    diesel::expression::AsExpression,
    diesel::deserialize::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    En,
    Bn,
    Hi,
    Mr,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Self::En, Self::Bn, Self::Hi, Self::Mr];

    /// The BCP 47 code, as in `<html lang>` and the `locales/` folder names.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Bn => "bn",
            Self::Hi => "hi",
            Self::Mr => "mr",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == s.trim())
    }

    /// The language's name in itself ("বাংলা"), for a language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Bn => "বাংলা",
            Self::Hi => "हिन्दी",
            Self::Mr => "मराठी",
        }
    }

    fn id(self) -> LanguageIdentifier {
        self.code().parse().expect("the four codes are valid language identifiers")
    }
}

crate::text_column!(Lang, "language", |c| Lang::parse(c));

/// The message `key` in `lang` (English when the language lacks it; the key itself, marked,
/// when no language has it — the completeness test keeps that from shipping).
pub fn t(lang: Lang, key: &str) -> String {
    t_with(lang, key, &[])
}

/// The message `key` in `lang` with named arguments (`{ $hours }` ← `("hours", "172:30")`).
pub fn t_with(lang: Lang, key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    lookup(lang, key, args).unwrap_or_else(|| format!("[{key}]"))
}

/// The message `key` in `lang` (or English), `None` when no language has it: for keys made
/// from data that may be new (a center added later).
pub fn t_opt(lang: Lang, key: &str) -> Option<String> {
    lookup(lang, key, &[])
}

pub(crate) fn lookup(lang: Lang, key: &str, args: &[(&str, FluentValue<'static>)]) -> Option<String> {
    let map: HashMap<Cow<'static, str>, FluentValue<'static>> =
        args.iter().map(|(k, v)| (Cow::Owned(k.to_string()), v.clone())).collect();
    LOCALES.try_lookup_complete(&lang.id(), key, (!map.is_empty()).then_some(&map))
}

/// A workshop's city in `lang` (`center-kolkata` in `common.ftl`), else as stored.
pub fn center_city(lang: Lang, code: &str, stored: &str) -> String {
    t_opt(lang, &format!("center-{code}")).unwrap_or_else(|| stored.to_string())
}

/// The languages the customer's emails are written in: those with their own `email.ftl`
/// (`email-hello` stands for the file). English today; a translated `locales/<lang>/email.ftl`
/// adds a language, with nothing else to change.
pub fn email_languages() -> Vec<Lang> {
    Lang::ALL.into_iter().filter(|l| *l == Lang::En || has(*l, "email-hello")).collect()
}

/// The language for a customer's emails from the browser's `Accept-Language` (`de-DE,hi;q=0.8`):
/// the most wanted one the emails are written in, else English.
pub fn email_language(accept_language: Option<&str>) -> Lang {
    preferred(accept_language, &email_languages()).unwrap_or_default()
}

/// The back-office language of a staff member: the one they chose on their account page, else
/// the most wanted of the four that their browser's `Accept-Language` names, else English.
pub fn staff_language(chosen: Option<Lang>, accept_language: Option<&str>) -> Lang {
    chosen.or_else(|| preferred(accept_language, &Lang::ALL)).unwrap_or_default()
}

/// The most wanted of `available` in an `Accept-Language` value (by weight, then by order;
/// `hi-IN` counts as `hi`; `q=0` refuses), `None` when it names none of them.
pub fn preferred(accept_language: Option<&str>, available: &[Lang]) -> Option<Lang> {
    let mut wanted: Vec<(u16, usize, Lang)> = Vec::new();
    for (i, item) in accept_language.unwrap_or_default().split(',').enumerate() {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let primary = tag.split('-').next().unwrap_or_default().to_ascii_lowercase();
        // q in thousandths (`q=0.8` → 800); a weight that cannot be read counts as 0.
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .map(|q| q.trim().parse::<f32>().map(|f| (f.clamp(0.0, 1.0) * 1000.0) as u16).unwrap_or(0))
            .unwrap_or(1000);
        if let Some(lang) = Lang::parse(&primary).filter(|l| q > 0 && available.contains(l)) {
            wanted.push((q, i, lang));
        }
    }
    wanted.sort_by_key(|(q, i, _)| (std::cmp::Reverse(*q), *i));
    wanted.first().map(|w| w.2)
}

/// Whether `lang` itself has the message `key` (no fallback): for the completeness test. A
/// message that needs arguments fails to format without them, but it is there: only "no such
/// message" counts as missing (fluent-templates does not export its error type, so its text is
/// matched; `has` is checked by the unit test below).
pub fn has(lang: Lang, key: &str) -> bool {
    match LOCALES.lookup_single_language::<&str>(&lang.id(), key, None) {
        Ok(_) => true,
        Err(e) => !e.to_string().starts_with("Couldn't retrieve message"),
    }
}

/// The message ids a `.ftl` source defines (messages start at the line's first column; terms,
/// starting with `-`, comments and continuation lines are not messages).
pub fn message_ids(ftl: &str) -> Vec<String> {
    ftl.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_come_in_the_asked_language_with_english_as_fallback() {
        assert_eq!(t(Lang::En, "month-11"), "November");
        assert_eq!(t(Lang::Bn, "month-11"), "নভেম্বর");
        assert_eq!(t(Lang::Hi, "month-11"), "नवंबर");
        assert_eq!(t(Lang::Mr, "month-11"), "नोव्हेंबर");
        assert_eq!(t(Lang::Bn, "no-such-key"), "[no-such-key]");
        assert!(has(Lang::Mr, "month-1") && !has(Lang::Mr, "no-such-key"));
        assert!(has(Lang::Hi, "date-month-year"), "a message with arguments is there too");
    }

    #[test]
    fn languages_parse_from_their_codes() {
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.code()), Some(l));
        }
        assert_eq!(Lang::parse("fr"), None);
    }

    #[test]
    fn the_email_language_is_the_most_wanted_one_the_emails_exist_in() {
        assert!(email_languages().contains(&Lang::En));
        assert_eq!(email_language(None), Lang::En);
        assert_eq!(email_language(Some("de-DE,de;q=0.9")), Lang::En, "no German emails: English");
        assert_eq!(email_language(Some("en-GB;q=0.5, fr")), Lang::En);
        assert_eq!(email_language(Some(";;q=,")), Lang::En);
        // A language with its own email.ftl would be chosen by weight.
        for l in email_languages() {
            assert_eq!(email_language(Some(&format!("fr;q=0.9, {};q=0.8, en;q=0.1", l.code()))), l);
        }
    }

    #[test]
    fn the_staff_language_is_their_choice_else_the_browser_s_else_english() {
        assert_eq!(staff_language(Some(Lang::Mr), Some("hi")), Lang::Mr);
        assert_eq!(staff_language(None, Some("fr-FR, hi-IN;q=0.9, bn;q=0.8")), Lang::Hi);
        assert_eq!(staff_language(None, Some("bn;q=0.5, hi;q=0")), Lang::Bn, "q=0 refuses");
        assert_eq!(staff_language(None, Some("de")), Lang::En);
        assert_eq!(staff_language(None, None), Lang::En);
    }

    #[test]
    fn message_ids_are_read_from_ftl_source() {
        let src = "# comment\nslip-title = Pay slip\n    .aria = x\n-term = y\nnet-pay =\n    Net pay\n";
        assert_eq!(message_ids(src), vec!["slip-title", "net-pay"]);
    }
}
