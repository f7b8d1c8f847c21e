//! The catalog's search parameters: parsed once from the query string (shared by the HTML
//! catalog and the JSON API) and written back into URLs so the filter state lives in the URL.

use serde::Deserialize;

use super::types::{Kind, Metal, Purity, RingSize};
use crate::money::{Currency, Money};

/// The query string as received; every field is optional text, parsed by `CatalogFilter::parse`.
/// (The doc comments below describe the parameters in the OpenAPI document.)
#[derive(Debug, Default, Clone, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RawCatalogQuery {
    /// Words to search for in titles, descriptions, kinds, metals, purities, stones,
    /// workshops and makers' public aliases (stemmed; one typo allowed in longer words)
    pub q: Option<String>,
    /// ring, pendant, earrings, bangle, necklace, bracelet, nose_pin or chain
    pub kind: Option<String>,
    /// An Indian ring size, 1 to 30
    #[param(value_type = Option<i64>)]
    pub ring_size: Option<String>,
    /// A center's code: kolkata or mumbai
    pub center: Option<String>,
    /// yellow_gold, rose_gold or white_gold
    pub metal: Option<String>,
    /// 9K375, 14K585, 18K750, 20K833, 22K916, 23K958 or 24K
    pub purity: Option<String>,
    /// Lowest price in the shop currency's major units, e.g. 250 or 99.50
    pub price_min: Option<String>,
    /// Highest price in major units
    pub price_max: Option<String>,
    /// available (default), sold or all
    pub availability: Option<String>,
    /// newest (default), price_asc, price_desc, or relevance (the default with `q`)
    pub sort: Option<String>,
    /// Page number from 1
    #[param(value_type = Option<i64>)]
    pub page: Option<String>,
    /// Pieces per page, 1 to 100 (default 24)
    #[param(value_type = Option<i64>)]
    pub per_page: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Availability {
    /// Listed pieces that can be bought now.
    #[default]
    Available,
    Sold,
    /// Every public piece: listed, reserved and sold.
    All,
}

impl Availability {
    pub const ALL: [Availability; 3] = [Self::Available, Self::Sold, Self::All];
    pub fn code(self) -> &'static str {
        match self {
            Self::Available => "available",
            Self::Sold => "sold",
            Self::All => "all",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::Available => "Available now",
            Self::Sold => "Sold",
            Self::All => "All pieces",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Best match first: only with a search (`q`), where it is the default.
    Relevance,
    Newest,
    PriceAsc,
    PriceDesc,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Self::Relevance, Self::Newest, Self::PriceAsc, Self::PriceDesc];

    /// Newest first, or best match first for a search.
    pub fn default_for(searching: bool) -> Self {
        if searching {
            Self::Relevance
        } else {
            Self::Newest
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Relevance => "relevance",
            Self::Newest => "newest",
            Self::PriceAsc => "price_asc",
            Self::PriceDesc => "price_desc",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::Relevance => "Best match",
            Self::Newest => "Newest first",
            Self::PriceAsc => "Price: low to high",
            Self::PriceDesc => "Price: high to low",
        }
    }
}

pub const DEFAULT_PER_PAGE: i64 = 24;
pub const MAX_PER_PAGE: i64 = 100;
/// The longest search accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 100;

/// A checked catalog search. `center` is a well-formed code; whether that center exists is
/// checked against the database by the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogFilter {
    /// The search words, whitespace collapsed; `None` for no search.
    pub q: Option<String>,
    pub kind: Option<Kind>,
    pub ring_size: Option<RingSize>,
    pub center: Option<String>,
    pub metal: Option<Metal>,
    pub purity: Option<Purity>,
    pub price_min: Option<Money>,
    pub price_max: Option<Money>,
    pub availability: Availability,
    pub sort: Sort,
    pub page: i64,
    pub per_page: i64,
}

/// A parameter that could not be understood, with a message for a person.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct FilterError {
    pub field: &'static str,
    pub message: String,
}

fn bad(field: &'static str, message: impl Into<String>) -> FilterError {
    FilterError { field, message: message.into() }
}

/// Empty values count as "not set": an HTML form sends `center=` for "any center".
fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl CatalogFilter {
    pub fn parse(raw: &RawCatalogQuery, currency: Currency) -> Result<Self, FilterError> {
        let q = match present(&raw.q) {
            None => None,
            Some(q) if q.chars().count() > MAX_QUERY_CHARS => {
                return Err(bad("q", format!("a search can be at most {MAX_QUERY_CHARS} characters")))
            }
            Some(q) => Some(q.split_whitespace().collect::<Vec<_>>().join(" ")),
        };
        let kind = present(&raw.kind).map(Kind::parse).transpose().map_err(|e| bad("kind", e.0))?;
        let ring_size = whole_number("ring_size", &raw.ring_size, 1, 30)?
            .map(|n| RingSize::new(n as i32))
            .transpose()
            .map_err(|e| bad("ring_size", e.0))?;
        let center = match present(&raw.center) {
            None => None,
            Some(c) if c.len() <= 32 && c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-') => Some(c.to_string()),
            Some(c) => return Err(bad("center", format!("unknown center `{}`", truncate(c)))),
        };
        let metal = present(&raw.metal).map(Metal::parse).transpose().map_err(|e| bad("metal", e.0))?;
        let purity = present(&raw.purity).map(Purity::parse).transpose().map_err(|e| bad("purity", e.0))?;
        let price = |field: &'static str, value: &Option<String>| {
            present(value)
                .map(|v| Money::parse_major(v, currency))
                .transpose()
                .map_err(|e| bad(field, format!("{field} {e} (got `{}`)", truncate(value.as_deref().unwrap_or("")))))
        };
        let price_min = price("price_min", &raw.price_min)?;
        let price_max = price("price_max", &raw.price_max)?;
        if let (Some(min), Some(max)) = (price_min, price_max) {
            if min.minor > max.minor {
                return Err(bad("price_min", "price_min is more than price_max"));
            }
        }
        let availability = match present(&raw.availability) {
            None => Availability::default(),
            Some(v) => Availability::ALL.into_iter().find(|a| a.code() == v).ok_or_else(|| {
                bad("availability", format!("unknown availability `{}`; expected available, sold or all", truncate(v)))
            })?,
        };
        let sort = match present(&raw.sort) {
            None => Sort::default_for(q.is_some()),
            // Without a search there is nothing to match: newest first.
            Some("relevance") if q.is_none() => Sort::Newest,
            Some(v) => Sort::ALL.into_iter().find(|s| s.code() == v).ok_or_else(|| {
                bad("sort", format!("unknown sort `{}`; expected newest, price_asc or price_desc", truncate(v)))
            })?,
        };
        let page = whole_number("page", &raw.page, 1, i64::from(u32::MAX))?.unwrap_or(1);
        let per_page = whole_number("per_page", &raw.per_page, 1, MAX_PER_PAGE)?.unwrap_or(DEFAULT_PER_PAGE);
        Ok(Self { q, kind, ring_size, center, metal, purity, price_min, price_max, availability, sort, page, per_page })
    }

    /// No filter at all: what `/pieces` shows.
    pub fn everything() -> Self {
        Self {
            q: None,
            kind: None,
            ring_size: None,
            center: None,
            metal: None,
            purity: None,
            price_min: None,
            price_max: None,
            availability: Availability::default(),
            sort: Sort::Newest,
            page: 1,
            per_page: DEFAULT_PER_PAGE,
        }
    }

    /// Parses what can be parsed: each parameter in error is left out (and its error kept),
    /// so a page can show the errors beside results for the rest of the filters.
    pub fn parse_lenient(raw: &RawCatalogQuery, currency: Currency) -> (Self, Vec<FilterError>) {
        let mut raw = raw.clone();
        let mut errors = Vec::new();
        loop {
            match Self::parse(&raw, currency) {
                Ok(filter) => return (filter, errors),
                Err(e) => {
                    raw.clear(e.field);
                    errors.push(e);
                }
            }
        }
    }

    pub fn offset(&self) -> i64 {
        (self.page - 1) * self.per_page
    }

    /// The query string that reproduces this filter (defaults left out), for links.
    pub fn query_string(&self, page: i64) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(q) = &self.q {
            pairs.push(("q", q.clone()));
        }
        if let Some(k) = self.kind {
            pairs.push(("kind", k.code().into()));
        }
        if let Some(r) = self.ring_size {
            pairs.push(("ring_size", r.get().to_string()));
        }
        if let Some(c) = &self.center {
            pairs.push(("center", c.clone()));
        }
        if let Some(m) = self.metal {
            pairs.push(("metal", m.code().into()));
        }
        if let Some(p) = self.purity {
            pairs.push(("purity", p.code().into()));
        }
        if let Some(m) = self.price_min {
            pairs.push(("price_min", trim_zero_cents(&m.major_string())));
        }
        if let Some(m) = self.price_max {
            pairs.push(("price_max", trim_zero_cents(&m.major_string())));
        }
        if self.availability != Availability::default() {
            pairs.push(("availability", self.availability.code().into()));
        }
        if self.sort != Sort::default_for(self.q.is_some()) {
            pairs.push(("sort", self.sort.code().into()));
        }
        if self.per_page != DEFAULT_PER_PAGE {
            pairs.push(("per_page", self.per_page.to_string()));
        }
        if page > 1 {
            pairs.push(("page", page.to_string()));
        }
        url::form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish()
    }
}

impl RawCatalogQuery {
    /// Forgets one parameter (by its name in the query string).
    pub fn clear(&mut self, field: &str) {
        let slot = match field {
            "q" => &mut self.q,
            "kind" => &mut self.kind,
            "ring_size" => &mut self.ring_size,
            "center" => &mut self.center,
            "metal" => &mut self.metal,
            "purity" => &mut self.purity,
            "price_min" => &mut self.price_min,
            "price_max" => &mut self.price_max,
            "availability" => &mut self.availability,
            "sort" => &mut self.sort,
            "page" => &mut self.page,
            "per_page" => &mut self.per_page,
            // Every error names one of the fields above; clearing all ends the loop anyway.
            _ => {
                *self = Self::default();
                return;
            }
        };
        *slot = None;
    }
}

fn whole_number(field: &'static str, value: &Option<String>, min: i64, max: i64) -> Result<Option<i64>, FilterError> {
    let Some(v) = present(value) else { return Ok(None) };
    match v.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
        _ => Err(bad(field, format!("{field} must be a whole number from {min} to {max} (got `{}`)", truncate(v)))),
    }
}

fn trim_zero_cents(s: &str) -> String {
    s.strip_suffix(".00").unwrap_or(s).to_string()
}

/// Echoed input is cut short so an error message cannot be used to reflect a long payload.
fn truncate(s: &str) -> String {
    s.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: &[(&str, &str)]) -> RawCatalogQuery {
        parse_qs(&url::form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish())
    }

    /// The same decoding actix-web's `web::Query` applies.
    fn parse_qs(qs: &str) -> RawCatalogQuery {
        serde_urlencoded::from_str(qs).unwrap()
    }

    #[test]
    fn empty_query_is_the_default_filter() {
        let f = CatalogFilter::parse(&RawCatalogQuery::default(), Currency::Usd).unwrap();
        assert_eq!(f.page, 1);
        assert_eq!(f.per_page, DEFAULT_PER_PAGE);
        assert_eq!(f.availability, Availability::Available);
        assert_eq!(f.query_string(1), "");
    }

    #[test]
    fn round_trips_through_the_url() {
        let input = raw(&[
            ("q", "  peacock   pendant "),
            ("kind", "pendant"),
            ("ring_size", "12"),
            ("center", "kolkata"),
            ("metal", "rose_gold"),
            ("purity", "22K916"),
            ("price_min", "250"),
            ("price_max", "1000.5"),
            ("sort", "price_asc"),
            ("availability", "all"),
        ]);
        let f = CatalogFilter::parse(&input, Currency::Usd).unwrap();
        assert_eq!(f.price_min.unwrap().minor, 25_000);
        assert_eq!(f.price_max.unwrap().minor, 100_050);
        assert_eq!(f.q.as_deref(), Some("peacock pendant"));
        assert_eq!(f.ring_size.unwrap().get(), 12);
        let again = CatalogFilter::parse(&parse_qs(&f.query_string(3)), Currency::Usd).unwrap();
        assert_eq!(again.page, 3);
        assert_eq!(CatalogFilter { page: 1, ..again }, f);
    }

    #[test]
    fn bad_values_name_their_field() {
        let cases = [
            (("price_min", "abc"), "price_min"),
            (("page", "-1"), "page"),
            (("page", "0"), "page"),
            (("page", "1.5"), "page"),
            (("per_page", "1000"), "per_page"),
            (("metal", "silver"), "metal"),
            (("purity", "21K"), "purity"),
            (("sort", "random"), "sort"),
            (("availability", "soon"), "availability"),
            (("center", "Paris!"), "center"),
            (("kind", "tiara"), "kind"),
            (("ring_size", "31"), "ring_size"),
        ];
        for ((k, v), field) in cases {
            let e = CatalogFilter::parse(&raw(&[(k, v)]), Currency::Usd).unwrap_err();
            assert_eq!(e.field, field, "{k}={v}: {e}");
        }
        let e = CatalogFilter::parse(&raw(&[("price_min", "500"), ("price_max", "100")]), Currency::Usd).unwrap_err();
        assert_eq!(e.message, "price_min is more than price_max");
    }

    #[test]
    fn a_search_sorts_by_relevance_unless_told_otherwise() {
        let f = CatalogFilter::parse(&raw(&[("q", "ring")]), Currency::Usd).unwrap();
        assert_eq!(f.sort, Sort::Relevance);
        assert_eq!(f.query_string(1), "q=ring");
        let f = CatalogFilter::parse(&raw(&[("q", "ring"), ("sort", "newest")]), Currency::Usd).unwrap();
        assert_eq!(f.query_string(1), "q=ring&sort=newest");
        let f = CatalogFilter::parse(&raw(&[("sort", "relevance")]), Currency::Usd).unwrap();
        assert_eq!(f.sort, Sort::Newest, "nothing to match without a search");
    }

    #[test]
    fn lenient_parsing_keeps_the_good_parameters_and_every_error() {
        let input = raw(&[("price_min", "500"), ("price_max", "100"), ("metal", "rose_gold"), ("page", "x")]);
        let (f, errors) = CatalogFilter::parse_lenient(&input, Currency::Usd);
        assert_eq!(f.metal, Some(Metal::RoseGold));
        assert_eq!(f.price_max.unwrap().minor, 10_000);
        assert_eq!(f.price_min, None);
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["price_min", "page"]);
    }
}
