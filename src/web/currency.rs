//! Which currency a visitor asked to see prices in: the `currency` cookie set by the header's
//! switcher (`POST /currency`, `pricing::switcher`), else a guess from the browser's
//! `Accept-Language` region, else the shop's base currency. Whether it can be offered (a
//! recent rate) is decided by `pricing::presentment`; cached pages carry the choice in their key.
//!
//! `Offer` keeps the currencies the header's switcher lists, computed once per catalog version
//! and day (recording a rate bumps the version) by a source the app registers at start-up
//! (`pricing::presentment::offered_codes`), so that every public page — those without prices,
//! the transparency page, the error pages — carries the switcher without this layer, or the
//! features below `pricing`, importing it.

use std::sync::{Arc, OnceLock, RwLock};

use actix_web::http::header::ACCEPT_LANGUAGE;
use actix_web::HttpRequest;
use chrono::NaiveDate;

use crate::db::{self, DbConn, Pool};
use crate::error::AppError;
use crate::money::{Currency, Presentment};

/// Computes the currencies a buyer can choose on a day (the switcher's order).
pub type Source = Box<dyn Fn(&mut DbConn, NaiveDate) -> Result<Vec<Currency>, AppError> + Send + Sync>;

/// The switcher's choices, per catalog version and day.
pub struct Offer {
    current: RwLock<(i64, NaiveDate, Arc<Vec<Currency>>)>,
    source: OnceLock<Arc<Source>>,
}

impl Default for Offer {
    fn default() -> Self {
        Self { current: RwLock::new((-1, NaiveDate::MIN, Arc::new(Vec::new()))), source: OnceLock::new() }
    }
}

impl Offer {
    /// Registers what computes the choices (once, at start-up).
    pub fn set_source(&self, source: Source) {
        let _ = self.source.set(Arc::new(source));
    }

    /// The choices as last computed (none before the first computation).
    pub fn get(&self) -> Arc<Vec<Currency>> {
        self.current.read().map(|c| Arc::clone(&c.2)).unwrap_or_default()
    }

    fn key(&self) -> (i64, NaiveDate) {
        self.current.read().map(|c| (c.0, c.1)).unwrap_or((-1, NaiveDate::MIN))
    }

    /// Computes the choices for `version` unless they already are. A failure keeps the last
    /// choices (the switcher is a convenience; the page still renders).
    pub async fn ensure(&self, pool: &Pool, version: i64) {
        let Some(source) = self.source.get().cloned() else { return };
        let day = super::page_cache::day();
        if self.key() == (version, day) {
            return;
        }
        match db::run::<_, AppError, _>(pool, move |conn| (**source)(conn, day)).await {
            Ok(list) => {
                if let Ok(mut c) = self.current.write() {
                    if (version, day) >= (c.0, c.1) {
                        *c = (version, day, Arc::new(list));
                    }
                }
            }
            Err(e) => tracing::warn!(error = %crate::error::Chain(&e), "could not list the currencies on offer"),
        }
    }

    /// The layout's switcher (`base.html` reads it as `presentment`) for a page whose prices,
    /// if any, are in `shown`: the visitor's choice when it is on offer, else `base`.
    pub fn switcher(&self, chosen: Currency, base: Currency) -> serde_json::Value {
        let offered = self.get();
        let mut list: Vec<&str> = offered.iter().map(|c| c.code()).collect();
        if list.is_empty() {
            list.push(base.code());
        }
        let shown = if offered.contains(&chosen) { chosen } else { base };
        switcher_json(shown, &list, base)
    }
}

/// The switcher as the layout reads it: the currency shown, the choices, whether prices are
/// converted from the base currency.
pub fn switcher_json(shown: Currency, offered: &[&str], base: Currency) -> serde_json::Value {
    serde_json::json!({
        "current": shown.code(),
        "offered": offered,
        "converted": shown != base,
        "base": base.code(),
    })
}

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

/// The currencies offered, read once per catalog version and day instead of on every page
/// rendered: recording a rate bumps the catalog version (`wages::service::record_rate`); filled by `pricing::presentment::offered`, and
/// a rate's age is judged by the day, so the pair names one answer. One entry, replaced when
/// either moves on; shared by the instance's workers.
#[derive(Default)]
pub struct OfferedCache(std::sync::Mutex<Option<OfferedEntry>>);

/// (catalog version, day, the currencies offered then).
type OfferedEntry = (i64, NaiveDate, Arc<Vec<Presentment>>);

impl OfferedCache {
    pub fn get(&self, version: i64, today: NaiveDate) -> Option<Arc<Vec<Presentment>>> {
        let entry = self.0.lock().unwrap_or_else(|e| e.into_inner());
        entry.as_ref().filter(|(v, d, _)| *v == version && *d == today).map(|(_, _, o)| o.clone())
    }

    pub fn put(&self, version: i64, today: NaiveDate, offered: Vec<Presentment>) -> Arc<Vec<Presentment>> {
        let offered = Arc::new(offered);
        let mut entry = self.0.lock().unwrap_or_else(|e| e.into_inner());
        // A slower reader of an older version never replaces a newer one.
        if entry.as_ref().is_none_or(|(v, d, _)| (*v, *d) <= (version, today)) {
            *entry = Some((version, today, offered.clone()));
        }
        offered
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offered_currencies_are_remembered_for_one_version_and_day() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let inr = || vec![Presentment::base(Currency::Inr, rust_decimal::Decimal::ONE, day)];
        let cache = OfferedCache::default();
        assert!(cache.get(7, day).is_none());
        cache.put(7, day, inr());
        assert_eq!(cache.get(7, day).unwrap().len(), 1);
        // Another version (a rate recorded) or another day (a rate grown too old): read again.
        assert!(cache.get(8, day).is_none());
        assert!(cache.get(7, day.succ_opt().unwrap()).is_none());
        cache.put(8, day, Vec::new());
        assert_eq!(cache.get(8, day).unwrap().len(), 0);
        // A slow reader of the older version does not put it back.
        cache.put(7, day, inr());
        assert!(cache.get(7, day).is_none());
        assert!(cache.get(8, day).is_some());
    }

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
