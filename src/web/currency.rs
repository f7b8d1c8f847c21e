//! Which currency a visitor asked to see prices in: the `currency` cookie set by the header's
//! switcher (`POST /currency`, `pricing::switcher`), else a guess from the browser's
//! `Accept-Language` region, else the shop's base currency. Whether it can be offered (a
//! recent rate) is decided by `pricing::presentment`; cached pages carry the choice in their key.

use actix_web::http::header::ACCEPT_LANGUAGE;
use actix_web::HttpRequest;

use crate::money::Currency;

/// The switcher's cookie: an ISO code, nothing else.
pub const COOKIE: &str = "currency";

/// The visitor's choice (not yet checked against the rates).
pub fn chosen(req: &HttpRequest, base: Currency) -> Currency {
    if let Some(c) = req.cookie(COOKIE).and_then(|c| Currency::parse(c.value())) {
        return c;
    }
    from_accept_language(req.headers().get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()), base)
}

/// The first language of the header whose region (or, for India's languages, the language
/// itself) names a currency the shop sells in: `de-DE` → EUR, `en-GB` → GBP, `en-IN`, `hi`,
/// `bn`, `mr` → INR, `en-US` → USD, `en-CA` → CAD, `en-AU` → AUD; else the base currency.
/// Weights are ignored beyond `q=0` (not wanted): browsers list languages best first.
pub fn from_accept_language(header: Option<&str>, base: Currency) -> Currency {
    for item in header.unwrap_or_default().split(',') {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        if parts.any(|p| matches!(p.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000")) {
            continue;
        }
        let mut sub = tag.split(['-', '_']);
        let lang = sub.next().unwrap_or_default();
        let region = sub.find(|s| s.len() == 2).unwrap_or_default();
        let by_region = match region {
            "in" => Some(Currency::Inr),
            "us" => Some(Currency::Usd),
            "gb" | "uk" => Some(Currency::Gbp),
            "ca" => Some(Currency::Cad),
            "au" => Some(Currency::Aud),
            "de" | "at" | "fr" | "it" | "es" | "nl" | "be" | "ie" | "pt" | "fi" | "gr" | "lu" | "sk" | "si" | "ee"
            | "lv" | "lt" | "mt" | "cy" | "hr" => Some(Currency::Eur),
            _ => None,
        };
        if let Some(c) = by_region {
            return c;
        }
        if matches!(lang, "hi" | "bn" | "mr") {
            return Currency::Inr;
        }
    }
    base
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_regions_name_currencies() {
        let f = |h: &str| from_accept_language(Some(h), Currency::Usd);
        assert_eq!(f("de-DE,de;q=0.9,en;q=0.8"), Currency::Eur);
        assert_eq!(f("en-GB"), Currency::Gbp);
        assert_eq!(f("en-IN,en;q=0.9"), Currency::Inr);
        assert_eq!(f("hi"), Currency::Inr);
        assert_eq!(f("bn-BD"), Currency::Inr);
        assert_eq!(f("mr"), Currency::Inr);
        assert_eq!(f("en-CA"), Currency::Cad);
        assert_eq!(f("en-AU"), Currency::Aud);
        assert_eq!(f("en-US"), Currency::Usd);
        assert_eq!(f("zh-Hant-TW"), Currency::Usd);
        assert_eq!(f("de-DE;q=0, en-GB"), Currency::Gbp);
        assert_eq!(from_accept_language(None, Currency::Inr), Currency::Inr);
        assert_eq!(from_accept_language(Some("ja"), Currency::Inr), Currency::Inr);
    }
}
