//! Typed settings. Defaults need nothing; a `fairgold.toml` and then `FAIRGOLD_*`
//! environment variables (and `DATABASE_URL`) override them. Secrets are wrapped in
//! `SecretString` so they never reach a log; production refuses development-only settings.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use rust_decimal::Decimal;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use crate::money::{Currency, Rounding};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Development,
    Production,
}

impl Environment {
    /// The mode when `FAIRGOLD_ENV` is not set: a debug build (`cargo run`) is the demo shop on
    /// a developer's machine; a release build is what gets deployed, so it is production and
    /// never seeds demo data or demo staff accounts unless told `FAIRGOLD_ENV=development`.
    pub fn default_for_build(debug: bool) -> Self {
        if debug {
            Self::Development
        } else {
            Self::Production
        }
    }
}

/// Where the data lives: the scheme of the URL picks the backend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// A file path (or `:memory:`) for SQLite.
    Sqlite(String),
    /// A `postgres://` URL, kept whole for libpq.
    Postgres(String),
}

/// `scheme://host[:port]` of a URL, if it is one (no path, query or credentials).
fn origin_of(raw: &str) -> Option<String> {
    let url = url::Url::parse(raw.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") || !url.username().is_empty() || url.query().is_some() {
        return None;
    }
    if url.path() != "/" && !url.path().is_empty() {
        return None;
    }
    Some(url.origin().ascii_serialization())
}

impl DatabaseUrl {
    pub fn parse(raw: &str) -> Result<Self, ConfigError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(ConfigError::Invalid("DATABASE_URL is empty".into()));
        }
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            return Ok(Self::Postgres(raw.to_string()));
        }
        if let Some(rest) = raw.strip_prefix("sqlite://").or_else(|| raw.strip_prefix("sqlite:")) {
            if rest.is_empty() {
                return Err(ConfigError::Invalid("DATABASE_URL `sqlite://` names no file".into()));
            }
            return Ok(Self::Sqlite(rest.to_string()));
        }
        if let Some((scheme, _)) = raw.split_once("://") {
            return Err(ConfigError::Invalid(format!(
                "DATABASE_URL scheme `{scheme}` is not supported: use sqlite://FILE, a file path, or postgres://…"
            )));
        }
        Ok(Self::Sqlite(raw.to_string()))
    }

    pub fn backend_name(&self) -> &'static str {
        match self {
            Self::Sqlite(_) => "sqlite",
            Self::Postgres(_) => "postgres",
        }
    }
}

/// The shop's public identity, shown in every page footer (the registered office, never a workshop).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ShopSettings {
    pub name: String,
    pub tagline: String,
    pub legal_name: String,
    pub registered_address: String,
    pub grievance_email: String,
    /// The base currency prices are kept in (`Settings::currency`).
    pub currency: String,
    /// How prices converted into a buyer's currency are rounded: `whole` (default) or `minor`.
    #[serde(default = "default_presentment_rounding")]
    pub presentment_rounding: String,
    /// A buyer's currency is offered only while its latest recorded rate is at most this many
    /// days old (`pricing::presentment`).
    #[serde(default = "default_presentment_max_age_days")]
    pub presentment_max_age_days: i64,
}

fn default_presentment_rounding() -> String {
    "whole".into()
}

fn default_presentment_max_age_days() -> i64 {
    7
}

impl Default for ShopSettings {
    fn default() -> Self {
        Self {
            name: "fairgold".into(),
            tagline: "Gold jewelry handmade by survivors, paid fairly".into(),
            legal_name: "Fairgold Artisan Cooperative (demo)".into(),
            registered_address: "Registered office: 12 Example Road, Kolkata 700001, India (demo)".into(),
            grievance_email: "grievance@fairgold.example".into(),
            currency: "USD".into(),
            presentment_rounding: default_presentment_rounding(),
            presentment_max_age_days: default_presentment_max_age_days(),
        }
    }
}

/// The raw, layered settings as read from defaults, file and environment.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct RawSettings {
    /// `None` = not set: `Environment::default_for_build`.
    env: Option<Environment>,
    listen: String,
    database_url: String,
    /// Public base URL used for canonical links, sitemaps and emails. `None` (or empty): in
    /// development, the listen address's (`Settings::follow_listener`); production requires it.
    base_url: Option<String>,
    data_dir: PathBuf,
    db_pool_size: u32,
    workers: Option<usize>,
    /// How often (ms) an instance re-reads the catalog version; 0 = on every request.
    cache_refresh_ms: u64,
    /// Memory bound of the page cache, in megabytes.
    cache_max_mb: u64,
    /// Where `/metrics` (Prometheus) is served; off unless set. Keep it off the public network.
    metrics_listen: Option<SocketAddr>,
    /// Seed demo data into an empty database at start (development only).
    seed_demo: Option<bool>,
    secret_key: Option<String>,
    /// The key being replaced while `fairgold keys rotate` runs (`FAIRGOLD_SECRET_KEY_OLD`):
    /// values sealed under it still open; nothing new is sealed with it.
    secret_key_old: Option<String>,
    /// The Ed25519 seed (32 bytes, hex or base64) that signs the ledger's checkpoints at each
    /// month close; production cannot close a month without it.
    ledger_signing_key: Option<String>,
    /// Stripe: `STRIPE_SECRET_KEY`, `STRIPE_WEBHOOK_SECRET`; the API base URL is for tests.
    stripe_secret_key: Option<String>,
    stripe_webhook_secret: Option<String>,
    stripe_api_base: Option<String>,
    /// The origin of Stripe's hosted payment page: the checkout form may send the browser
    /// there (Content-Security-Policy `form-action`), and nowhere else.
    stripe_checkout_origin: String,
    /// Reverse proxies (addresses or CIDR ranges) whose `X-Forwarded-For` is believed.
    trusted_proxies: Vec<String>,
    shop: ShopSettings,
    mail: MailSettings,
    checkout: CheckoutSettings,
    /// Shipping zones and their options; `None` = the defaults for the shop currency.
    shipping_zones: Option<Vec<ShippingZone>>,
    retention: RetentionSettings,
    images: ImageSettings,
    publishing: PublishingSettings,
    pricing: RawPricingSettings,
    stories: StorySettings,
    invoice: InvoiceSettings,
    returns: ReturnSettings,
    storage: RawStorageSettings,
}

/// `[storage]` as written: `kind = "local"` (the default: files under `data_dir`) or `"s3"`
/// with a bucket on any S3-compatible service (`FAIRGOLD_STORAGE__KIND=s3`, …).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
struct RawStorageSettings {
    kind: String,
    /// The service's URL (`https://s3.eu-central-1.amazonaws.com`, a MinIO or R2 address);
    /// unset = AWS for the region.
    endpoint: Option<String>,
    bucket: Option<String>,
    region: String,
    access_key_id: Option<String>,
    secret_access_key: Option<String>,
    /// Allow an `http://` endpoint (a server on loopback or a private network); never the
    /// public internet in production.
    allow_http: bool,
}

impl Default for RawStorageSettings {
    fn default() -> Self {
        Self {
            kind: "local".into(),
            endpoint: None,
            bucket: None,
            region: "us-east-1".into(),
            access_key_id: None,
            secret_access_key: None,
            allow_http: false,
        }
    }
}

/// Where photos, portraits and signed consent forms are kept (`images::storage`).
#[derive(Debug, Clone)]
pub enum StorageSettings {
    /// `{data_dir}/media` and `{data_dir}/private` on this machine: one instance only, or a
    /// directory shared by every instance.
    Local,
    /// An S3-compatible bucket that every instance reads and writes.
    S3(S3Settings),
}

#[derive(Debug, Clone)]
pub struct S3Settings {
    pub endpoint: Option<String>,
    pub bucket: String,
    pub region: String,
    pub access_key_id: String,
    pub secret_access_key: SecretString,
    pub allow_http: bool,
}

impl RawStorageSettings {
    fn parse(self) -> Result<StorageSettings, ConfigError> {
        match self.kind.trim() {
            "local" => Ok(StorageSettings::Local),
            "s3" => {
                let need = |v: Option<String>, name: &str| {
                    v.map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).ok_or_else(|| {
                        ConfigError::Invalid(format!(
                            "storage.kind = \"s3\" needs storage.{name} (FAIRGOLD_STORAGE__{})",
                            name.to_uppercase()
                        ))
                    })
                };
                let bucket = need(self.bucket, "bucket")?;
                let access_key_id = need(self.access_key_id, "access_key_id")?;
                let secret_access_key = SecretString::from(need(self.secret_access_key, "secret_access_key")?);
                let endpoint =
                    self.endpoint.map(|e| e.trim().trim_end_matches('/').to_string()).filter(|e| !e.is_empty());
                if let Some(e) = &endpoint {
                    let url = url::Url::parse(e).ok().filter(|u| matches!(u.scheme(), "http" | "https"));
                    let Some(url) = url else {
                        return Err(ConfigError::Invalid(format!(
                            "storage.endpoint `{e}` is not an http(s):// URL such as https://s3.eu-central-1.amazonaws.com"
                        )));
                    };
                    if url.scheme() == "http" && !self.allow_http {
                        return Err(ConfigError::Invalid(format!(
                            "storage.endpoint `{e}` is plain http: set storage.allow_http = true only for a server on \
                             this machine or a private network"
                        )));
                    }
                }
                Ok(StorageSettings::S3(S3Settings {
                    endpoint,
                    bucket,
                    region: self.region.trim().to_string(),
                    access_key_id,
                    secret_access_key,
                    allow_http: self.allow_http,
                }))
            }
            other => Err(ConfigError::Invalid(format!("storage.kind `{other}` must be local or s3"))),
        }
    }
}

/// A percentage as typed in the file or the environment: a number (`3`, `2.9`) or text
/// (`"2.9"`), read into an exact decimal.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
enum RawPercent {
    Int(i64),
    Float(f64),
    Text(String),
}

impl RawPercent {
    /// The percentage, from 0 to 100, exactly as written (`2.9` is 2.9, not a binary
    /// approximation of it).
    fn parse(&self, name: &str) -> Result<Decimal, ConfigError> {
        let text = match self {
            Self::Int(i) => i.to_string(),
            // `f64`'s `Display` is the shortest text that reads back as the same number.
            Self::Float(f) => f.to_string(),
            Self::Text(t) => t.trim().to_string(),
        };
        match text.parse::<Decimal>() {
            Ok(d) if d >= Decimal::ZERO && d <= Decimal::ONE_HUNDRED => Ok(d.normalize()),
            _ => Err(ConfigError::Invalid(format!("{name} `{text}` must be a percentage from 0 to 100, such as 2.9"))),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
struct RawPricingSettings {
    card_fee_percent: RawPercent,
    gst_percent: RawPercent,
}

impl Default for RawPricingSettings {
    fn default() -> Self {
        Self { card_fee_percent: RawPercent::Text("3".into()), gst_percent: RawPercent::Text("3".into()) }
    }
}

/// The percentages "where your money goes" (`pricing::breakdown`) applies to a piece's price.
#[derive(Debug, Clone)]
pub struct PricingSettings {
    /// What the card processor keeps of a payment, in percent of the price (`pricing.
    /// card_fee_percent`, default 3: Stripe's international card rate is about that).
    pub card_fee_percent: Decimal,
    /// The GST on jewelry, in percent (`pricing.gst_percent`, default 3: CBIC, HSN 7113). Prices
    /// include it for buyers in India; exports are zero-rated.
    pub gst_percent: Decimal,
}

/// How long records that only serve a moment are kept (`retention::purge`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct RetentionSettings {
    /// How often (ms) each instance purges; 0 = never (tests purge when they mean to).
    pub purge_interval_ms: u64,
    /// Sign-in attempts older than this many days are deleted.
    pub login_attempt_days: i64,
    /// A cart untouched this many days (and without an order) is deleted.
    pub abandoned_cart_days: i64,
    /// How long an order's invoice details are kept, in years from the order's date: the GST
    /// law keeps tax records for 72 months after the annual return's due date, so 8 years
    /// covers it. After that the retention job (`privacy::expiry`) masks the order entirely,
    /// and an erasure request masks it at once.
    pub tax_record_years: u32,
}

impl Default for RetentionSettings {
    fn default() -> Self {
        Self { purge_interval_ms: 3_600_000, login_attempt_days: 30, abandoned_cart_days: 30, tax_record_years: 8 }
    }
}

/// Returns (`returns`): how long after a parcel's delivery its pieces may be sent back, and
/// whether finance's refund proposal gives back the shipping. The default returns policy
/// (`policies::defaults::RETURNS`) states both as the defaults here are: 14 days, and the
/// original shipping refunded with the return that brings back the last pieces of the order.
/// A shop that changes either publishes a new version of its returns policy saying so.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct ReturnSettings {
    /// Days after the delivery recorded on the piece's parcel (`returns.window_days`).
    pub window_days: i64,
    /// When every piece of the order has come back, the return that completes it proposes the
    /// pieces' prices and the order's shipping (`returns.refund_shipping`); off, the proposal is
    /// the pieces only (finance may still tick "Refund the shipping too").
    pub refund_shipping: bool,
}

impl Default for ReturnSettings {
    fn default() -> Self {
        Self { window_days: 14, refund_shipping: true }
    }
}

/// What publishing a piece checks (`inventory::publishing`): its price must lie within these
/// percentages of the value of its gold (net weight × the day's gold rate finance records). A
/// price below the gold alone, or many times it, is almost always a typing mistake.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct PublishingSettings {
    /// The lowest price, in percent of the gold value (100 = the gold alone).
    pub min_percent_of_gold_value: u32,
    /// The highest price, in percent of the gold value (2000 = 20 times).
    pub max_percent_of_gold_value: u32,
}

impl Default for PublishingSettings {
    fn default() -> Self {
        Self { min_percent_of_gold_value: 100, max_percent_of_gold_value: 2000 }
    }
}

/// Photo processing: decoding takes memory, so only a few run at once per instance.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct ImageSettings {
    /// At most this many uploads decoded at once (each may take about 200 MB).
    pub jobs: usize,
    /// How long (ms) an upload waits for a free slot before it is refused with 503.
    pub wait_ms: u64,
}

impl Default for ImageSettings {
    fn default() -> Self {
        Self { jobs: 2, wait_ms: 5000 }
    }
}

/// Who issues the tax invoices and credit notes (`invoices`), as CGST Rules r.46 asks: the
/// seller's legal name, GSTIN and registered office (never a workshop), its state's GST code
/// (place of supply in that state → CGST + SGST, elsewhere in India → IGST), the Letter of
/// Undertaking under which exports are zero-rated, and the series prefix (`FG/26-27/0000123`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct InvoiceSettings {
    /// One to three capital letters or digits.
    pub prefix: String,
    pub seller_name: String,
    pub gstin: String,
    pub registered_office: String,
    /// The two-digit GST state code of the registered office (19 = West Bengal).
    pub state_code: String,
    /// The LUT's reference number (renewed each financial year).
    pub lut_number: String,
}

impl Default for InvoiceSettings {
    fn default() -> Self {
        Self {
            prefix: "FG".into(),
            seller_name: "Fairgold Artisan Cooperative (demo)".into(),
            gstin: "19AAAAA0000A1ZZ".into(),
            registered_office: "12 Example Road, Kolkata 700001, West Bengal, India (demo)".into(),
            state_code: "19".into(),
            lut_number: "AD1903260000000 (demo)".into(),
        }
    }
}

impl InvoiceSettings {
    fn check(&self) -> Result<(), ConfigError> {
        let p = &self.prefix;
        if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
            return Err(ConfigError::Invalid(format!(
                "invoice.prefix `{p}` must be one to three capital letters or digits (an invoice number has at most 16 characters)"
            )));
        }
        if self.state_code.len() != 2 || !self.state_code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ConfigError::Invalid(format!(
                "invoice.state_code `{}` must be the two-digit GST state code of the registered office, such as 19",
                self.state_code
            )));
        }
        for (name, v) in
            [("seller_name", &self.seller_name), ("gstin", &self.gstin), ("registered_office", &self.registered_office)]
        {
            if v.trim().is_empty() {
                return Err(ConfigError::Invalid(format!(
                    "invoice.{name} must be set (it is printed on every tax invoice)"
                )));
            }
        }
        if let Some(why) = gstin_problem(&self.gstin, &self.state_code) {
            return Err(ConfigError::Invalid(format!("invoice.gstin `{}` {why}", self.gstin)));
        }
        Ok(())
    }

    /// The settings production may not keep from the demo: an invoice with the demo's seller,
    /// GSTIN, office or LUT is not a tax invoice.
    fn demo_values(&self) -> Vec<&'static str> {
        let demo = Self::default();
        let mut left = Vec::new();
        for (env, v, d) in [
            ("FAIRGOLD_INVOICE__SELLER_NAME", &self.seller_name, &demo.seller_name),
            ("FAIRGOLD_INVOICE__GSTIN", &self.gstin, &demo.gstin),
            ("FAIRGOLD_INVOICE__REGISTERED_OFFICE", &self.registered_office, &demo.registered_office),
            ("FAIRGOLD_INVOICE__LUT_NUMBER", &self.lut_number, &demo.lut_number),
        ] {
            if v == d || v.contains("(demo)") {
                left.push(env);
            }
        }
        left
    }
}

/// Why a GSTIN cannot be the seller's, or `None`: 15 characters — the state code, the PAN
/// (five letters, four digits, a letter), the registration's number, `Z`, and a check
/// character (GSTN's mod-36 scheme: alternate weights 1 and 2, each product's base-36 digits
/// summed). The state code must be the registered office's, which decides CGST+SGST or IGST.
pub fn gstin_problem(gstin: &str, state_code: &str) -> Option<String> {
    const DIGITS: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let b = gstin.as_bytes();
    let shape = b.len() == 15
        && b[..2].iter().all(u8::is_ascii_digit)
        && b[2..7].iter().all(u8::is_ascii_uppercase)
        && b[7..11].iter().all(u8::is_ascii_digit)
        && b[11].is_ascii_uppercase()
        && (b[12].is_ascii_uppercase() || (b'1'..=b'9').contains(&b[12]))
        && b[13] == b'Z'
        && (b[14].is_ascii_uppercase() || b[14].is_ascii_digit());
    if !shape {
        return Some(
            "is not a GSTIN (15 characters: state code, PAN, entity number, Z, check character, e.g. 19AAAAA0000A1ZZ)"
                .into(),
        );
    }
    let sum: usize = b[..14]
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let v = DIGITS.iter().position(|d| d == c).unwrap_or(0) * if i % 2 == 0 { 1 } else { 2 };
            v / 36 + v % 36
        })
        .sum();
    let check = DIGITS[(36 - sum % 36) % 36];
    if b[14] != check {
        return Some(format!("has a wrong check character (a typing mistake? it would end in {})", check as char));
    }
    if &gstin[..2] != state_code {
        return Some(format!(
            "is registered in state {} but invoice.state_code is {state_code} (the registered office's state)",
            &gstin[..2]
        ));
    }
    None
}

/// The NTSAS media policy: no story or photo is published about an artisan in their first
/// months in the programme (`stories.min_months_in_programme`, default a year).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct StorySettings {
    pub min_months_in_programme: u32,
}

impl Default for StorySettings {
    fn default() -> Self {
        Self { min_months_in_programme: 12 }
    }
}

/// Holds on pieces and the limits that keep one client from reserving the shop.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckoutSettings {
    /// How long a checkout holds its pieces (longer than the payment session: see
    /// `checkout::service`).
    pub hold_minutes: i64,
    /// How long the hosted payment page stays open (Stripe: 30 minutes to 24 hours).
    pub session_minutes: i64,
    /// At most this many pieces held at once by one cart, and by one network address.
    pub max_held_pieces: i64,
    /// At most this many checkouts per network address in an hour.
    pub max_checkouts_per_hour: i64,
    /// An order still without a payment session this long after it was placed was stranded
    /// (its instance stopped before sending the customer to pay): the sweeper cancels it.
    pub stranded_after_seconds: i64,
    /// How often (ms) each instance sweeps expired orders and holds; 0 = never (tests).
    pub sweep_interval_ms: u64,
}

impl Default for CheckoutSettings {
    fn default() -> Self {
        Self {
            hold_minutes: 45,
            session_minutes: 30,
            max_held_pieces: 5,
            max_checkouts_per_hour: 10,
            stranded_after_seconds: 120,
            sweep_interval_ms: 5000,
        }
    }
}

/// A destination zone for shipping: the countries it covers and the options offered there.
/// Prices are in the shop currency's minor units (cents, paise).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingZone {
    pub code: String,
    pub name: String,
    /// ISO 3166-1 alpha-2 codes; empty = every country no other zone names (the rest of the world).
    #[serde(default)]
    pub countries: Vec<String>,
    pub options: Vec<ShippingOption>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingOption {
    pub code: String,
    pub label: String,
    pub price_minor: i64,
}

impl ShippingZone {
    /// The defaults: insured courier within India; express or post to the rest of the world.
    /// Dated defaults (2026) meant to be overridden in `fairgold.toml` (`[[shipping_zones]]`).
    pub fn defaults(currency: Currency) -> Vec<Self> {
        // Rough courier rates; rupees are scaled so an INR shop gets sensible figures.
        let scale = if currency == Currency::Inr { 80 } else { 1 };
        let option = |code: &str, label: &str, major: i64| ShippingOption {
            code: code.into(),
            label: label.into(),
            price_minor: major * 100 * scale,
        };
        vec![
            ShippingZone {
                code: "india".into(),
                name: "India".into(),
                countries: vec!["IN".into()],
                options: vec![option("in-courier", "Insured courier within India, 3–5 working days", 10)],
            },
            ShippingZone {
                code: "world".into(),
                name: "Rest of the world".into(),
                countries: vec![],
                options: vec![
                    option("intl-express", "Insured express courier, 5–8 working days", 45),
                    option("intl-post", "Insured registered post, 10–20 working days", 25),
                ],
            },
        ]
    }

    /// The zone that ships to `country` (an upper-case alpha-2 code), if any.
    pub fn for_country<'a>(zones: &'a [Self], country: &str) -> Option<&'a Self> {
        zones
            .iter()
            .find(|z| z.countries.iter().any(|c| c == country))
            .or_else(|| zones.iter().find(|z| z.countries.is_empty()))
    }

    fn check_all(zones: &[Self]) -> Result<(), ConfigError> {
        let bad = |m: String| Err(ConfigError::Invalid(format!("shipping_zones: {m}")));
        let mut codes = std::collections::HashSet::new();
        let mut countries = std::collections::HashSet::new();
        if zones.iter().filter(|z| z.countries.is_empty()).count() > 1 {
            return bad("only one zone may leave `countries` empty (the rest of the world)".into());
        }
        for z in zones {
            if z.options.is_empty() {
                return bad(format!("zone `{}` has no options", z.code));
            }
            for c in &z.countries {
                if c.len() != 2 || !c.chars().all(|ch| ch.is_ascii_uppercase()) {
                    return bad(format!("`{c}` in zone `{}` is not an ISO alpha-2 code such as IN", z.code));
                }
                if !countries.insert(c.clone()) {
                    return bad(format!("country {c} is in more than one zone"));
                }
            }
            for o in &z.options {
                if o.code.trim().is_empty() || !codes.insert(o.code.clone()) {
                    return bad(format!("option code `{}` is empty or used twice", o.code));
                }
                if o.price_minor < 0 {
                    return bad(format!("option `{}` has a negative price", o.code));
                }
            }
        }
        Ok(())
    }
}

/// Outgoing email. `file` (the development default) writes each message to `dir`; `smtp`
/// sends through `smtp_url` (e.g. `smtps://user:pass@mail.example:465`, TLS in production).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MailSettings {
    pub transport: String,
    pub smtp_url: Option<String>,
    pub from: String,
    pub dir: PathBuf,
    /// How often (ms) the outbox worker looks for due messages; 0 = no worker in this instance.
    pub poll_ms: u64,
}

impl Default for MailSettings {
    fn default() -> Self {
        Self {
            transport: "file".into(),
            smtp_url: None,
            from: "fairgold <orders@fairgold.example>".into(),
            dir: PathBuf::from("data/mail"),
            poll_ms: 1000,
        }
    }
}

impl Default for RawSettings {
    fn default() -> Self {
        Self {
            env: None,
            listen: "127.0.0.1:8080".into(),
            database_url: "data/fairgold.db".into(),
            base_url: None,
            data_dir: PathBuf::from("data"),
            db_pool_size: 8,
            workers: None,
            cache_refresh_ms: 1000,
            cache_max_mb: 32,
            metrics_listen: None,
            seed_demo: None,
            secret_key: None,
            secret_key_old: None,
            ledger_signing_key: None,
            stripe_secret_key: None,
            stripe_webhook_secret: None,
            stripe_api_base: None,
            stripe_checkout_origin: "https://checkout.stripe.com".into(),
            trusted_proxies: Vec::new(),
            shop: ShopSettings::default(),
            mail: MailSettings::default(),
            checkout: CheckoutSettings::default(),
            shipping_zones: None,
            retention: RetentionSettings::default(),
            images: ImageSettings::default(),
            publishing: PublishingSettings::default(),
            pricing: RawPricingSettings::default(),
            stories: StorySettings::default(),
            invoice: InvoiceSettings::default(),
            returns: ReturnSettings::default(),
            storage: RawStorageSettings::default(),
        }
    }
}

/// Validated settings the application runs with.
#[derive(Debug, Clone)]
pub struct Settings {
    pub env: Environment,
    pub listen: SocketAddr,
    pub database: DatabaseUrl,
    /// The public base URL, without a trailing `/`.
    pub base_url: String,
    /// No base URL was set: it is the listen address's (development only; production refuses
    /// to start), and follows the port actually bound (`follow_listener`).
    pub base_url_from_listen: bool,
    pub data_dir: PathBuf,
    pub db_pool_size: u32,
    pub workers: Option<usize>,
    pub cache_refresh: std::time::Duration,
    pub cache_max_bytes: u64,
    /// `FAIRGOLD_METRICS_LISTEN`: the address of the Prometheus endpoint (`/metrics`), if any.
    pub metrics_listen: Option<SocketAddr>,
    pub seed_demo: bool,
    pub secret_key: Option<SecretString>,
    /// `FAIRGOLD_SECRET_KEY_OLD`: see `crypto::Cipher::with_old_key` and `fairgold keys rotate`.
    pub secret_key_old: Option<SecretString>,
    /// Checked to be 32 bytes (`crypto::ledger_seed`); see `crypto::LedgerSigner::choose`.
    pub ledger_signing_key: Option<SecretString>,
    pub stripe: Option<StripeSettings>,
    pub shop: ShopSettings,
    pub currency: Currency,
    /// `shop.presentment_rounding`, parsed.
    pub presentment_rounding: Rounding,
    pub mail: MailSettings,
    pub checkout: CheckoutSettings,
    pub trusted_proxies: Vec<ipnet::IpNet>,
    pub shipping_zones: Vec<ShippingZone>,
    pub retention: RetentionSettings,
    pub images: ImageSettings,
    pub publishing: PublishingSettings,
    pub pricing: PricingSettings,
    pub stories: StorySettings,
    pub invoice: InvoiceSettings,
    pub returns: ReturnSettings,
    pub storage: StorageSettings,
}

/// Stripe credentials; `None` in development means the local test-payment page is used.
#[derive(Debug, Clone)]
pub struct StripeSettings {
    pub secret_key: SecretString,
    pub webhook_secret: SecretString,
    /// Base URL of the Stripe API (tests point it at a loopback server).
    pub api_base: Option<String>,
    /// Origin of the hosted payment page (`https://checkout.stripe.com`).
    pub checkout_origin: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("could not read settings: {0}")]
    Read(#[from] Box<figment::Error>),
    #[error("{0}")]
    Invalid(String),
}

impl Settings {
    /// Defaults, then `fairgold.toml` (or the file named by `FAIRGOLD_CONFIG`), then the environment.
    pub fn load() -> Result<Self, ConfigError> {
        let file = std::env::var("FAIRGOLD_CONFIG").unwrap_or_else(|_| "fairgold.toml".into());
        Self::from_figment(
            Environment::default_for_build(cfg!(debug_assertions)),
            Figment::from(Serialized::defaults(RawSettings::default()))
                .merge(Toml::file(&file))
                .merge(Env::prefixed("FAIRGOLD_").ignore(&["CONFIG"]).split("__"))
                .merge(Env::raw().only(&["DATABASE_URL"]).map(|_| "database_url".into()))
                .merge(
                    Env::raw()
                        .only(&["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"])
                        .map(|k| k.as_str().to_lowercase().into()),
                ),
        )
    }

    /// Settings for tests and tools: defaults plus the given overrides, no file, no environment.
    /// Values are read as environment variables are ("true" is a boolean, "8" a number). Unless
    /// overridden, the mode is development whatever the build (tests may be built in release).
    pub fn from_overrides(overrides: &[(&str, &str)]) -> Result<Self, ConfigError> {
        let mut figment = Figment::from(Serialized::defaults(RawSettings::default()));
        for (key, value) in overrides {
            let value: figment::value::Value = value.parse().unwrap_or_else(|never| match never {});
            figment = figment.merge((*key, value));
        }
        Self::from_figment(Environment::Development, figment)
    }

    /// `default_env` is the mode when `FAIRGOLD_ENV` (or `env`) is not set.
    fn from_figment(default_env: Environment, figment: Figment) -> Result<Self, ConfigError> {
        let raw: RawSettings = figment.extract().map_err(Box::new)?;
        let env = raw.env.unwrap_or(default_env);
        let listen: SocketAddr = raw.listen.parse().map_err(|_| {
            ConfigError::Invalid(format!(
                "FAIRGOLD_LISTEN `{}` is not an address:port such as 127.0.0.1:8080",
                raw.listen
            ))
        })?;
        let database = DatabaseUrl::parse(&raw.database_url)?;
        let currency = Currency::parse(&raw.shop.currency).ok_or_else(|| {
            ConfigError::Invalid(format!(
                "shop currency `{}` is not supported (use one of {})",
                raw.shop.currency,
                Currency::ALL.iter().map(|c| c.code()).collect::<Vec<_>>().join(", ")
            ))
        })?;
        let presentment_rounding = Rounding::parse(&raw.shop.presentment_rounding).ok_or_else(|| {
            ConfigError::Invalid(format!(
                "shop.presentment_rounding `{}` is not supported (use whole or minor)",
                raw.shop.presentment_rounding
            ))
        })?;
        if raw.shop.presentment_max_age_days < 0 {
            return Err(ConfigError::Invalid("shop.presentment_max_age_days must not be negative".into()));
        }
        if raw.db_pool_size == 0 {
            return Err(ConfigError::Invalid("FAIRGOLD_DB_POOL_SIZE must be at least 1".into()));
        }
        let explicit_base_url = raw.base_url.as_deref().map(str::trim).filter(|u| !u.is_empty());
        let base_url = match explicit_base_url {
            Some(url) => url.trim_end_matches('/').to_string(),
            None => base_url_for(listen),
        };
        url::Url::parse(&base_url)
            .ok()
            .filter(|u| u.host_str().is_some())
            .ok_or_else(|| ConfigError::Invalid(format!("FAIRGOLD_BASE_URL `{base_url}` is not a URL")))?;
        let base_url_from_listen = explicit_base_url.is_none();
        let stripe = match (raw.stripe_secret_key, raw.stripe_webhook_secret) {
            (Some(key), Some(hook)) if !key.is_empty() && !hook.is_empty() => Some(StripeSettings {
                secret_key: SecretString::from(key),
                webhook_secret: SecretString::from(hook),
                api_base: raw.stripe_api_base,
                checkout_origin: origin_of(&raw.stripe_checkout_origin).ok_or_else(|| {
                    ConfigError::Invalid(format!(
                        "stripe_checkout_origin `{}` is not an origin such as https://checkout.stripe.com",
                        raw.stripe_checkout_origin
                    ))
                })?,
            }),
            (None, None) => None,
            _ => {
                return Err(ConfigError::Invalid(
                    "set both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or neither (development test payments)"
                        .into(),
                ))
            }
        };
        let c = &raw.checkout;
        if c.session_minutes < 30 || c.session_minutes > 24 * 60 {
            return Err(ConfigError::Invalid(
                "checkout.session_minutes must be between 30 and 1440 (Stripe's limits)".into(),
            ));
        }
        if c.hold_minutes <= c.session_minutes {
            return Err(ConfigError::Invalid(
                "checkout.hold_minutes must be longer than checkout.session_minutes (a payment made in the \
                 session's last minute must still find its pieces held)"
                    .into(),
            ));
        }
        if c.max_held_pieces < 1 || c.max_checkouts_per_hour < 1 || c.stranded_after_seconds < 15 {
            return Err(ConfigError::Invalid(
                "checkout: max_held_pieces and max_checkouts_per_hour must be at least 1, stranded_after_seconds \
                 at least 15 (longer than a call to the payment provider may take)"
                    .into(),
            ));
        }
        let trusted_proxies = raw
            .trusted_proxies
            .iter()
            .map(|p| {
                let p = p.trim();
                p.parse::<ipnet::IpNet>().or_else(|_| p.parse::<std::net::IpAddr>().map(ipnet::IpNet::from)).map_err(
                    |_| ConfigError::Invalid(format!("trusted_proxies: `{p}` is not an address or CIDR range")),
                )
            })
            .collect::<Result<Vec<_>, _>>()?;
        let shipping_zones = raw.shipping_zones.unwrap_or_else(|| ShippingZone::defaults(currency));
        ShippingZone::check_all(&shipping_zones)?;
        if raw.seed_demo == Some(true) && !cfg!(feature = "demo") {
            return Err(ConfigError::Invalid(
                "FAIRGOLD_SEED_DEMO=true: this build has no demo data (it was built without the `demo` feature)".into(),
            ));
        }
        let p = &raw.publishing;
        if p.min_percent_of_gold_value == 0 || p.max_percent_of_gold_value <= p.min_percent_of_gold_value {
            return Err(ConfigError::Invalid(
                "publishing: min_percent_of_gold_value must be at least 1 and below max_percent_of_gold_value".into(),
            ));
        }
        let ledger_signing_key = raw.ledger_signing_key.filter(|k| !k.trim().is_empty());
        if let Some(key) = &ledger_signing_key {
            crate::crypto::ledger_seed(key).map_err(ConfigError::Invalid)?;
        }
        let pricing = PricingSettings {
            card_fee_percent: raw.pricing.card_fee_percent.parse("pricing.card_fee_percent")?,
            gst_percent: raw.pricing.gst_percent.parse("pricing.gst_percent")?,
        };
        raw.invoice.check()?;
        if !(1..=365).contains(&raw.returns.window_days) {
            return Err(ConfigError::Invalid("returns.window_days must be from 1 to 365".into()));
        }
        let storage = raw.storage.parse()?;
        let settings = Settings {
            env,
            listen,
            database,
            base_url,
            base_url_from_listen,
            data_dir: raw.data_dir,
            db_pool_size: raw.db_pool_size,
            workers: raw.workers,
            cache_refresh: std::time::Duration::from_millis(raw.cache_refresh_ms),
            cache_max_bytes: raw.cache_max_mb * 1024 * 1024,
            metrics_listen: raw.metrics_listen,
            seed_demo: raw.seed_demo.unwrap_or(env == Environment::Development && cfg!(feature = "demo")),
            secret_key: raw.secret_key.map(SecretString::from),
            secret_key_old: raw.secret_key_old.filter(|k| !k.is_empty()).map(SecretString::from),
            ledger_signing_key: ledger_signing_key.map(SecretString::from),
            stripe,
            shop: raw.shop,
            mail: raw.mail,
            currency,
            presentment_rounding,
            checkout: raw.checkout,
            trusted_proxies,
            shipping_zones,
            retention: raw.retention,
            images: raw.images,
            publishing: raw.publishing,
            pricing,
            stories: raw.stories,
            invoice: raw.invoice,
            returns: raw.returns,
            storage,
        };
        settings.check_production(raw.env.is_some())?;
        Ok(settings)
    }

    /// Production must not run with development-only settings or without its secrets. When the
    /// mode was not chosen (`env_set` false), the refusal also says why this is production.
    fn check_production(&self, env_set: bool) -> Result<(), ConfigError> {
        if self.env != Environment::Production {
            return Ok(());
        }
        let mut problems = Vec::new();
        match &self.secret_key {
            None => problems.push("FAIRGOLD_SECRET_KEY is missing (set 32 or more random characters)".to_string()),
            Some(key) => {
                if let Some(why) = crate::crypto::key_weakness(key.expose_secret()) {
                    problems.push(format!(
                        "FAIRGOLD_SECRET_KEY is not a random key: {why} (make one with `openssl rand -base64 48`)"
                    ))
                }
            }
        }
        if let (Some(old), Some(key)) = (&self.secret_key_old, &self.secret_key) {
            if old.expose_secret() == key.expose_secret() {
                problems.push(
                    "FAIRGOLD_SECRET_KEY_OLD is the same as FAIRGOLD_SECRET_KEY (set the old key only while rotating to \
                     a new one)"
                        .to_string(),
                );
            }
        }
        if self.stripe.is_none() {
            problems.push(
                "STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are missing (test payments are for development only)"
                    .to_string(),
            );
        }
        if self.mail.transport != "smtp" {
            problems.push("FAIRGOLD_MAIL__TRANSPORT must be smtp in production".to_string());
        }
        if self.seed_demo {
            problems.push("FAIRGOLD_SEED_DEMO=true is for development only".to_string());
        }
        let demo_invoice = self.invoice.demo_values();
        if !demo_invoice.is_empty() {
            problems.push(format!(
                "{} still hold the demo's values (a tax invoice names the real seller, GSTIN, registered office and LUT)",
                demo_invoice.join(", ")
            ));
        }
        if self.base_url_from_listen {
            problems.push(
                "FAIRGOLD_BASE_URL is not set (the shop's public https:// URL, e.g. https://shop.example: links in \
                 emails, the sitemap and canonical links are built from it)"
                    .to_string(),
            );
        } else if !self.base_url.starts_with("https://") {
            problems.push(format!("FAIRGOLD_BASE_URL must be an https:// URL in production (it is {})", self.base_url));
        }
        if problems.is_empty() {
            return Ok(());
        }
        let why = if env_set {
            ""
        } else {
            " (FAIRGOLD_ENV is not set, and a release build runs as production; to try the shop on \
             your own machine with its demo data, set FAIRGOLD_ENV=development)"
        };
        Err(ConfigError::Invalid(format!("refusing to start in production{why}: {}", problems.join("; "))))
    }

    /// The cipher for values sealed at rest: the current key, and the old one while a rotation
    /// is under way.
    pub fn cipher(&self) -> crate::crypto::Cipher {
        crate::crypto::Cipher::with_old_key(self.secret_key.as_ref(), self.secret_key_old.as_ref())
    }

    /// Once the listener is bound: without an explicit base URL, the base URL is the address
    /// actually listened on (`FAIRGOLD_LISTEN=127.0.0.1:0` picks a port only at bind time).
    pub fn follow_listener(&mut self, bound: SocketAddr) {
        if self.base_url_from_listen {
            self.base_url = base_url_for(bound);
        }
    }

    pub fn is_development(&self) -> bool {
        self.env == Environment::Development
    }

    pub fn media_dir(&self) -> PathBuf {
        self.data_dir.join("media")
    }

    /// Files no static route serves: portraits (served one by one while consent holds,
    /// `artisans::portraits`) and signed consent forms (staff only).
    pub fn private_dir(&self) -> PathBuf {
        self.data_dir.join("private")
    }

    /// An absolute public URL for a path beginning with `/`.
    pub fn absolute_url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// Directory holding the SQLite file, to be created before connecting.
    pub fn sqlite_parent_dir(&self) -> Option<&Path> {
        match &self.database {
            DatabaseUrl::Sqlite(path) if path != ":memory:" => Path::new(path).parent(),
            _ => None,
        }
    }
}

/// The development base URL for a listen address: `http://` and the address, with a loopback
/// address in place of "every interface" (`0.0.0.0:8099` → `http://127.0.0.1:8099`), which a
/// browser on this machine cannot open.
pub fn base_url_for(listen: SocketAddr) -> String {
    use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
    let ip = match listen.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}", SocketAddr::new(ip, listen.port()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_url_scheme_picks_backend() {
        assert_eq!(DatabaseUrl::parse("data/x.db").unwrap(), DatabaseUrl::Sqlite("data/x.db".into()));
        assert_eq!(DatabaseUrl::parse("sqlite://data/x.db").unwrap(), DatabaseUrl::Sqlite("data/x.db".into()));
        assert_eq!(DatabaseUrl::parse("sqlite:///tmp/x.db").unwrap(), DatabaseUrl::Sqlite("/tmp/x.db".into()));
        assert!(matches!(DatabaseUrl::parse("postgres://u@h/db").unwrap(), DatabaseUrl::Postgres(_)));
        assert!(matches!(DatabaseUrl::parse("postgresql://u@h/db").unwrap(), DatabaseUrl::Postgres(_)));
        let err = DatabaseUrl::parse("mysql://root@localhost/shop").unwrap_err().to_string();
        assert!(err.contains("`mysql` is not supported"), "{err}");
    }

    #[test]
    fn defaults_need_nothing() {
        let s = Settings::from_overrides(&[]).unwrap();
        assert_eq!(s.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(s.database, DatabaseUrl::Sqlite("data/fairgold.db".into()));
        assert!(s.is_development());
        assert!(s.seed_demo);
        assert_eq!(s.currency, Currency::Usd);
    }

    #[test]
    fn a_debug_build_defaults_to_development_and_a_release_build_to_production() {
        assert_eq!(Environment::default_for_build(true), Environment::Development);
        assert_eq!(Environment::default_for_build(false), Environment::Production);
    }

    #[test]
    fn a_release_build_without_fairgold_env_refuses_and_says_why() {
        let defaults = || Figment::from(Serialized::defaults(RawSettings::default()));
        let release = Environment::default_for_build(false);
        let err = Settings::from_figment(release, defaults()).unwrap_err().to_string();
        assert!(err.starts_with("refusing to start in production"), "{err}");
        assert!(err.contains("FAIRGOLD_ENV is not set, and a release build runs as production"), "{err}");
        assert!(err.contains("set FAIRGOLD_ENV=development"), "{err}");
        assert!(err.contains("FAIRGOLD_SECRET_KEY is missing"), "{err}");
        // Chosen on purpose, the refusal lists the problems only.
        let err = Settings::from_figment(release, defaults().merge(("env", "production"))).unwrap_err().to_string();
        assert!(!err.contains("FAIRGOLD_ENV is not set"), "{err}");
        // A release build may still be run as the demo shop, when asked to.
        let dev = Settings::from_figment(release, defaults().merge(("env", "development"))).unwrap();
        assert!(dev.is_development() && dev.seed_demo);
        // A debug build is the demo shop.
        let debug = Settings::from_figment(Environment::default_for_build(true), defaults()).unwrap();
        assert!(debug.is_development() && debug.seed_demo);
    }

    #[test]
    fn production_refuses_missing_secret_and_dev_settings() {
        let err = Settings::from_overrides(&[("env", "production")]).unwrap_err().to_string();
        assert!(err.contains("FAIRGOLD_SECRET_KEY is missing"), "{err}");
        assert!(err.contains("https://"), "{err}");
        let weak = "k".repeat(40);
        let err = Settings::from_overrides(&[
            ("env", "production"),
            ("secret_key", &weak),
            ("base_url", "https://shop.example"),
        ])
        .unwrap_err()
        .to_string();
        assert!(err.contains("FAIRGOLD_SECRET_KEY is not a random key"), "{err}");
        let key = "f3Kq9ZLw2xR7pTv0bYc8mN1sHd4jEu6G-aQ5".to_string();
        let err = Settings::from_overrides(&[
            ("env", "production"),
            ("secret_key", &key),
            ("base_url", "https://shop.example"),
            ("seed_demo", "true"),
        ])
        .unwrap_err()
        .to_string();
        assert!(err.contains("FAIRGOLD_SEED_DEMO"), "{err}");
        let ok = Settings::from_overrides(&[
            ("env", "production"),
            ("secret_key", &key),
            ("base_url", "https://shop.example"),
            ("stripe_secret_key", "sk_test_x"),
            ("stripe_webhook_secret", "whsec_x"),
            ("invoice.seller_name", "Fairgold Artisan Cooperative"),
            ("invoice.gstin", "19AAACF1234K1ZR"),
            ("invoice.registered_office", "4 Park Street, Kolkata 700016, West Bengal"),
            ("invoice.lut_number", "AD190326001234X"),
            ("mail.transport", "smtp"),
            ("mail.smtp_url", "smtps://u:p@mail.example:465"),
        ])
        .unwrap();
        assert!(!ok.seed_demo);
    }

    #[test]
    fn production_refuses_the_demo_invoice_issuer() {
        let key = "f3Kq9ZLw2xR7pTv0bYc8mN1sHd4jEu6G-aQ5";
        let err = Settings::from_overrides(&[
            ("env", "production"),
            ("secret_key", key),
            ("base_url", "https://shop.example"),
            ("stripe_secret_key", "sk_test_x"),
            ("stripe_webhook_secret", "whsec_x"),
            ("mail.transport", "smtp"),
            ("mail.smtp_url", "smtps://u:p@mail.example:465"),
            ("invoice.gstin", "19AAACF1234K1ZR"),
        ])
        .unwrap_err()
        .to_string();
        for left in
            ["FAIRGOLD_INVOICE__SELLER_NAME", "FAIRGOLD_INVOICE__REGISTERED_OFFICE", "FAIRGOLD_INVOICE__LUT_NUMBER"]
        {
            assert!(err.contains(left), "{left}: {err}");
        }
        assert!(!err.contains("FAIRGOLD_INVOICE__GSTIN"), "the GSTIN was set: {err}");
        // Development keeps the demo's issuer, so `cargo run` prints invoices.
        assert!(Settings::from_overrides(&[]).is_ok());
    }

    #[test]
    fn a_gstin_is_checked_by_shape_check_character_and_state() {
        // Real GSTINs published on invoices (check characters computed by GSTN's scheme).
        assert_eq!(gstin_problem("27AAPFU0939F1ZV", "27"), None);
        assert_eq!(gstin_problem("29AAGCB7383J1Z4", "29"), None);
        assert_eq!(gstin_problem("19AAAAA0000A1ZZ", "19"), None);
        let typo = gstin_problem("27AAPFU0939F1ZW", "27").unwrap();
        assert!(typo.contains("would end in V"), "{typo}");
        assert!(gstin_problem("27AAPFU0939F1Z", "27").unwrap().contains("is not a GSTIN"));
        assert!(gstin_problem("27aapfu0939f1zv", "27").unwrap().contains("is not a GSTIN"));
        assert!(gstin_problem("27AAPFU0939F1ZV", "19").unwrap().contains("registered in state 27"));
        let err = Settings::from_overrides(&[("invoice.gstin", "19AAAAA0000A1Z5")]).unwrap_err().to_string();
        assert!(err.contains("invoice.gstin `19AAAAA0000A1Z5` has a wrong check character"), "{err}");
    }

    #[test]
    fn secrets_never_reach_debug_output() {
        let key = "super-secret-value-that-must-not-leak-0123456789";
        let seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
        let s = Settings::from_overrides(&[("secret_key", key), ("ledger_signing_key", seed)]).unwrap();
        assert!(!format!("{s:?}").contains(key));
        assert!(!format!("{s:?}").contains(seed));
    }

    #[test]
    fn a_ledger_signing_key_must_be_32_bytes() {
        let err = Settings::from_overrides(&[("ledger_signing_key", "abcd")]).unwrap_err().to_string();
        assert!(err.contains("FAIRGOLD_LEDGER_SIGNING_KEY is 2 bytes"), "{err}");
        let ok = Settings::from_overrides(&[("ledger_signing_key", &"ab".repeat(32))]).unwrap();
        assert!(ok.ledger_signing_key.is_some());
    }

    #[test]
    fn shipping_zones_default_by_currency() {
        let s = Settings::from_overrides(&[]).unwrap();
        assert_eq!(ShippingZone::for_country(&s.shipping_zones, "IN").unwrap().code, "india");
        assert_eq!(ShippingZone::for_country(&s.shipping_zones, "DE").unwrap().code, "world");
        let inr = Settings::from_overrides(&[("shop.currency", "INR")]).unwrap();
        assert!(inr.shipping_zones[0].options[0].price_minor > s.shipping_zones[0].options[0].price_minor);
    }

    #[test]
    fn pricing_percentages_are_read_exactly_and_checked() {
        let s = Settings::from_overrides(&[]).unwrap();
        assert_eq!((s.pricing.card_fee_percent, s.pricing.gst_percent), (Decimal::from(3), Decimal::from(3)));
        let s = Settings::from_overrides(&[("pricing.card_fee_percent", "2.9"), ("pricing.gst_percent", "0")]).unwrap();
        assert_eq!(s.pricing.card_fee_percent, Decimal::new(29, 1), "2.9 exactly, not a float's approximation");
        assert_eq!(s.pricing.gst_percent, Decimal::ZERO);
        let err = Settings::from_overrides(&[("pricing.card_fee_percent", "120")]).unwrap_err().to_string();
        assert!(err.contains("pricing.card_fee_percent `120` must be a percentage"), "{err}");
        let err = Settings::from_overrides(&[("pricing.gst_percent", "three")]).unwrap_err().to_string();
        assert!(err.contains("pricing.gst_percent"), "{err}");
    }

    #[test]
    fn in_development_the_base_url_follows_the_listen_address_unless_set() {
        let s = Settings::from_overrides(&[]).unwrap();
        assert_eq!((s.base_url.as_str(), s.base_url_from_listen), ("http://127.0.0.1:8080", true));
        let s = Settings::from_overrides(&[("listen", "127.0.0.1:8099")]).unwrap();
        assert_eq!(s.base_url, "http://127.0.0.1:8099");
        assert_eq!(s.absolute_url("/sitemap.xml"), "http://127.0.0.1:8099/sitemap.xml");
        let s = Settings::from_overrides(&[("listen", "0.0.0.0:8099")]).unwrap();
        assert_eq!(s.base_url, "http://127.0.0.1:8099", "every interface: the loopback one in links");
        let s = Settings::from_overrides(&[("listen", "[::]:8099")]).unwrap();
        assert_eq!(s.base_url, "http://[::1]:8099");
        let s = Settings::from_overrides(&[("listen", "192.168.1.20:9000")]).unwrap();
        assert_eq!(s.base_url, "http://192.168.1.20:9000");
        // Port 0 is chosen at bind time: the base URL follows the bound port.
        let mut s = Settings::from_overrides(&[("listen", "127.0.0.1:0")]).unwrap();
        s.follow_listener("127.0.0.1:43117".parse().unwrap());
        assert_eq!(s.base_url, "http://127.0.0.1:43117");
        // Set explicitly, it stays whatever the listen address.
        let mut s =
            Settings::from_overrides(&[("listen", "0.0.0.0:8099"), ("base_url", "http://shop.test:8000/")]).unwrap();
        s.follow_listener("127.0.0.1:8099".parse().unwrap());
        assert_eq!((s.base_url.as_str(), s.base_url_from_listen), ("http://shop.test:8000", false));
        // An empty value (FAIRGOLD_BASE_URL=) is not set.
        let s = Settings::from_overrides(&[("listen", "127.0.0.1:8099"), ("base_url", "")]).unwrap();
        assert_eq!(s.base_url, "http://127.0.0.1:8099");
        let err = Settings::from_overrides(&[("base_url", "not a url")]).unwrap_err().to_string();
        assert!(err.contains("FAIRGOLD_BASE_URL"), "{err}");
    }

    #[test]
    fn production_still_requires_an_explicit_https_base_url() {
        let key = "f3Kq9ZLw2xR7pTv0bYc8mN1sHd4jEu6G-aQ5";
        let base = [
            ("env", "production"),
            ("secret_key", key),
            ("stripe_secret_key", "sk_test_x"),
            ("stripe_webhook_secret", "whsec_x"),
            ("invoice.seller_name", "Fairgold Artisan Cooperative"),
            ("invoice.gstin", "19AAACF1234K1ZR"),
            ("invoice.registered_office", "4 Park Street, Kolkata 700016, West Bengal"),
            ("invoice.lut_number", "AD190326001234X"),
            ("mail.transport", "smtp"),
            ("mail.smtp_url", "smtps://u:p@mail.example:465"),
            ("listen", "0.0.0.0:8443"),
        ];
        let err = Settings::from_overrides(&base).unwrap_err().to_string();
        assert!(err.contains("FAIRGOLD_BASE_URL is not set"), "{err}");
        let http = Settings::from_overrides(&[&base[..], &[("base_url", "http://shop.example")]].concat())
            .unwrap_err()
            .to_string();
        assert!(http.contains("must be an https:// URL"), "{http}");
        let ok = Settings::from_overrides(&[&base[..], &[("base_url", "https://shop.example")]].concat()).unwrap();
        assert_eq!(ok.base_url, "https://shop.example");
    }

    #[test]
    fn bad_listen_address_is_explained() {
        let err = Settings::from_overrides(&[("listen", "localhost")]).unwrap_err().to_string();
        assert!(err.contains("FAIRGOLD_LISTEN"), "{err}");
    }
}
