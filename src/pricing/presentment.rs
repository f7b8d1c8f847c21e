//! The currencies a buyer may see and pay prices in (issue 15.1): the shop's base currency,
//! and each other one whose rupee rate finance recorded recently enough. The rate from the
//! base currency is a cross rate through the rupee (`inr_per_unit` of the base ÷ that of the
//! buyer's currency), rounded to 10 decimal places and kept with the order that used it.

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use rust_decimal::Decimal;

use crate::config::Settings;
use crate::db::DbConn;
use crate::error::AppError;
use crate::money::{Currency, Presentment, Rounding};
use crate::schema::exchange_rates;
use crate::wages::types::PositiveDecimal;

/// The order the switcher lists them in.
pub const SWITCHER_ORDER: [Currency; 6] =
    [Currency::Inr, Currency::Usd, Currency::Eur, Currency::Gbp, Currency::Cad, Currency::Aud];

/// Decimal places a cross rate is kept to: far below a minor unit on any price the shop sells.
const RATE_DP: u32 = 10;

/// What the offer depends on in the settings.
#[derive(Debug, Clone, Copy)]
pub struct Terms {
    pub base: Currency,
    pub rounding: Rounding,
    pub max_age_days: i64,
}

impl Terms {
    pub fn of(settings: &Settings) -> Self {
        Self {
            base: settings.currency,
            rounding: settings.presentment_rounding,
            max_age_days: settings.shop.presentment_max_age_days,
        }
    }
}

/// A rupee rate as recorded: the day it is for, rupees per unit, where it came from.
struct InrRate {
    on: NaiveDate,
    inr_per_unit: Decimal,
    source: String,
}

/// The latest rupee rate of `currency` on or before `today`, unless older than `max_age_days`.
fn inr_rate(
    conn: &mut DbConn,
    currency: Currency,
    today: NaiveDate,
    max_age_days: i64,
) -> Result<Option<InrRate>, AppError> {
    if currency == Currency::Inr {
        return Ok(Some(InrRate { on: today, inr_per_unit: Decimal::ONE, source: "rupees".into() }));
    }
    let row: Option<(NaiveDate, String, String)> = exchange_rates::table
        .filter(exchange_rates::currency.eq(currency))
        .filter(exchange_rates::rate_date.le(today))
        .filter(exchange_rates::rate_date.ge(today - Duration::days(max_age_days)))
        .order(exchange_rates::rate_date.desc())
        .select((exchange_rates::rate_date, exchange_rates::inr_per_unit, exchange_rates::source))
        .first(conn)
        .optional()?;
    row.map(|(on, raw, source)| {
        let rate = PositiveDecimal::rate(&raw).map_err(AppError::corrupt)?.get();
        Ok(InrRate { on, inr_per_unit: rate, source })
    })
    .transpose()
}

/// How prices show in `wanted` today, or `None` when it cannot be offered (no recent rate).
pub fn lookup(
    conn: &mut DbConn,
    terms: Terms,
    wanted: Currency,
    today: NaiveDate,
) -> Result<Option<Presentment>, AppError> {
    let base_rate = inr_rate(conn, terms.base, today, terms.max_age_days)?;
    if wanted == terms.base {
        // The base currency is always offered; its rupee rate, when known, is kept for the bonus.
        let inr = base_rate.map(|r| r.inr_per_unit).unwrap_or(Decimal::ZERO);
        return Ok(Some(Presentment::base(terms.base, inr, today)));
    }
    let Some(base_rate) = base_rate else { return Ok(None) };
    let Some(to) = inr_rate(conn, wanted, today, terms.max_age_days)? else { return Ok(None) };
    let rate = (base_rate.inr_per_unit / to.inr_per_unit).round_dp(RATE_DP);
    if rate.is_zero() {
        return Ok(None);
    }
    let source = match terms.base {
        Currency::Inr => format!("{wanted} {} ({})", to.on, to.source),
        base => format!("{base} {} ({}); {wanted} {} ({})", base_rate.on, base_rate.source, to.on, to.source),
    };
    Ok(Some(Presentment {
        currency: wanted,
        base: terms.base,
        rate,
        base_inr_per_unit: base_rate.inr_per_unit,
        // The older of the two rates: the day the conversion is good for.
        rate_date: base_rate.on.min(to.on),
        source,
        rounding: terms.rounding,
    }))
}

/// Every currency a buyer can choose today, in the switcher's order.
pub fn offered(conn: &mut DbConn, terms: Terms, today: NaiveDate) -> Result<Vec<Presentment>, AppError> {
    let mut out = Vec::new();
    for c in SWITCHER_ORDER {
        if let Some(p) = lookup(conn, terms, c, today)? {
            out.push(p);
        }
    }
    Ok(out)
}

/// The codes of `offered`: the switcher's choices (`web::currency::Offer`'s source).
pub fn offered_codes(conn: &mut DbConn, terms: Terms, today: NaiveDate) -> Result<Vec<Currency>, AppError> {
    Ok(offered(conn, terms, today)?.iter().map(|p| p.currency).collect())
}

/// The visitor's choice if it can be offered, else the base currency: what a page shows.
pub fn for_page(conn: &mut DbConn, terms: Terms, chosen: Currency, today: NaiveDate) -> Result<PageCurrency, AppError> {
    Ok(choose(&offered(conn, terms, today)?, terms, chosen, today))
}

/// `for_page` over the currencies already read.
pub fn choose(offered: &[Presentment], terms: Terms, chosen: Currency, today: NaiveDate) -> PageCurrency {
    let current = offered
        .iter()
        .find(|p| p.currency == chosen)
        .or_else(|| offered.iter().find(|p| p.currency == terms.base))
        .cloned()
        .unwrap_or_else(|| Presentment::base(terms.base, Decimal::ZERO, today));
    PageCurrency { current, offered: offered.iter().map(|p| p.currency).collect() }
}

pub use crate::web::currency::OfferedCache;

/// What a public page needs: the currency its prices are in, and the switcher's choices.
#[derive(Debug, Clone)]
pub struct PageCurrency {
    pub current: Presentment,
    pub offered: Vec<Currency>,
}

impl PageCurrency {
    /// A base amount as the page shows it (the base amount itself should conversion overflow,
    /// which no real price does).
    pub fn show(&self, base_minor: i64) -> String {
        match self.current.money(base_minor) {
            Ok(m) => m.to_string(),
            Err(_) => crate::money::Money::new(base_minor, self.current.base).to_string(),
        }
    }

    /// The layout's switcher (`base.html` reads it as `presentment`).
    pub fn switcher(&self) -> serde_json::Value {
        let offered: Vec<&str> = self.offered.iter().map(|c| c.code()).collect();
        crate::web::currency::switcher_json(self.current.currency, &offered, self.current.base)
    }

    /// A base amount in the page's currency, as money (the base amount should conversion
    /// overflow, which no real price does).
    pub fn money(&self, base_minor: i64) -> crate::money::Money {
        self.current.money(base_minor).unwrap_or_else(|_| crate::money::Money::new(base_minor, self.current.base))
    }
}

/// Upper end of the search for a base bound (10^15 minor units: far above any price).
const BOUND_SEARCH_MAX: i64 = 1_000_000_000_000_000;

impl PageCurrency {
    /// The smallest base amount that shows as at least `shown_minor` (a "min price" typed in
    /// the visitor's currency), found on the conversion itself so the filter and the shown
    /// prices agree exactly, rounding included.
    pub fn base_at_least(&self, shown_minor: i64) -> i64 {
        let (mut lo, mut hi) = (0i64, BOUND_SEARCH_MAX);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.current.convert(mid).is_ok_and(|v| v >= shown_minor) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        lo
    }

    /// The largest base amount that shows as at most `shown_minor` ("max price"); -1 when none.
    pub fn base_at_most(&self, shown_minor: i64) -> i64 {
        self.base_at_least(shown_minor.saturating_add(1)) - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn price_bounds_match_the_shown_prices() {
        let eur = Presentment {
            currency: Currency::Eur,
            base: Currency::Inr,
            rate: (Decimal::ONE / Decimal::new(905, 1)).round_dp(RATE_DP),
            base_inr_per_unit: Decimal::ONE,
            rate_date: NaiveDate::MIN,
            source: String::new(),
            rounding: Rounding::Whole,
        };
        let pc = PageCurrency { current: eur.clone(), offered: vec![] };
        let lo = pc.base_at_least(50_000); // €500
        assert!(eur.convert(lo).unwrap() >= 50_000 && eur.convert(lo - 1).unwrap() < 50_000);
        let hi = pc.base_at_most(50_000);
        assert!(eur.convert(hi).unwrap() <= 50_000 && eur.convert(hi + 1).unwrap() > 50_000);
    }
}
