//! A cache of rendered public pages and API responses, keyed by the request and the catalog
//! version. Every write that changes what the public sees bumps the version in the database
//! (`bump_version`, below), so all app instances agree on it: each instance re-reads it every
//! `cache_refresh_ms` (default 1 s; 0 = on every request), and a cached entry is valid for
//! one version only. Entries carry a gzip copy (compressed once, not per request) and an ETag,
//! so `If-None-Match` gets a 304. Nothing per-visitor may be rendered into a cached body.

use std::future::Future;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use actix_web::http::header::{self, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse};
use sha2::{Digest, Sha256};

use diesel::prelude::*;

use crate::db::{self, DbConn, DbError, Pool};
use crate::schema::catalog_state;

pub const HTML: &str = "text/html; charset=utf-8";
pub const JSON: &str = "application/json";
pub const XML: &str = "application/xml; charset=utf-8";

/// The public pages' version, which every cached entry belongs to.
pub fn version(conn: &mut DbConn) -> QueryResult<i64> {
    catalog_state::table.find(1).select(catalog_state::version).first(conn)
}

/// Every write that changes what the public sees calls this, inside its own transaction: the
/// cached public pages of every instance are then stale.
pub fn bump_version(conn: &mut DbConn) -> QueryResult<()> {
    diesel::update(catalog_state::table.find(1))
        .set(catalog_state::version.eq(catalog_state::version + 1))
        .execute(conn)?;
    Ok(())
}

/// The day (UTC) that is part of every cache key: consent is judged by the day
/// (`artisans::models::consent_today`), so a consent that ends today stops showing tomorrow
/// without any write.
pub fn day() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

pub struct CachedPage {
    body: Bytes,
    /// Compressed at the first request that accepts gzip, not at render: most pages rendered
    /// for a one-off query (a search, a rare filter) are never asked for compressed.
    gzip: std::sync::OnceLock<Bytes>,
    etag: HeaderValue,
    content_type: &'static str,
}

#[derive(Clone)]
struct Weigher;

impl quick_cache::Weighter<String, Arc<CachedPage>> for Weigher {
    fn weight(&self, key: &String, page: &Arc<CachedPage>) -> u64 {
        // The gzip copy is made later; it is counted as a quarter of the body, about its size.
        (key.len() + page.body.len() + page.body.len() / 4 + 128) as u64
    }
}

pub struct PageCache {
    /// Brought up to date before a page is rendered for a new version (`web::layout_facts`).
    facts: std::sync::OnceLock<Arc<super::layout_facts::LayoutFacts>>,
    /// The currency switcher's choices, brought up to date the same way (`web::currency`).
    offer: std::sync::OnceLock<Arc<super::currency::Offer>>,
    entries: quick_cache::sync::Cache<String, Arc<CachedPage>, Weigher>,
    version: AtomicI64,
    refresh: Duration,
    hits: prometheus_client::metrics::counter::Counter,
    misses: prometheus_client::metrics::counter::Counter,
}

impl PageCache {
    /// `max_bytes` bounds the memory the cache may hold.
    pub fn new(max_bytes: u64, refresh: Duration) -> Self {
        Self {
            facts: std::sync::OnceLock::new(),
            offer: std::sync::OnceLock::new(),
            entries: quick_cache::sync::Cache::with_weighter(1024, max_bytes, Weigher),
            version: AtomicI64::new(-1),
            refresh,
            hits: Default::default(),
            misses: Default::default(),
        }
    }

    /// Counters of answers served from the cache and rendered afresh (for `/metrics`).
    pub fn counters(
        &self,
    ) -> (prometheus_client::metrics::counter::Counter, prometheus_client::metrics::counter::Counter) {
        (self.hits.clone(), self.misses.clone())
    }

    /// The layout's facts to refresh with each new version (set once, at start-up).
    pub fn set_facts(&self, facts: Arc<super::layout_facts::LayoutFacts>) {
        let _ = self.facts.set(facts);
    }

    /// The switcher's choices to refresh with each new version (set once, at start-up).
    pub fn set_offer(&self, offer: Arc<super::currency::Offer>) {
        let _ = self.offer.set(offer);
    }

    /// Brings the layout's facts and the switcher's choices up to `version` (before a page is
    /// rendered for it; pages not cached call it too, so their switcher is current).
    pub async fn ensure_layout(&self, pool: &Pool, version: i64) {
        if let Some(facts) = self.facts.get() {
            facts.ensure(pool, version).await;
        }
        if let Some(offer) = self.offer.get() {
            offer.ensure(pool, version).await;
        }
    }

    /// `ensure_layout` for the version pages are served for now: a page outside the cache (the
    /// order page, an error page's request) then shows the current switcher and facts.
    pub async fn ensure_layout_now<E: From<DbError> + Send + 'static>(&self, pool: &Pool) -> Result<(), E> {
        let version = self.current_version::<E>(pool).await?;
        self.ensure_layout(pool, version).await;
        Ok(())
    }

    /// Keeps the local copy of the version in step with the database (when polling).
    pub fn start_refresh(self: &Arc<Self>, pool: Pool) {
        if self.refresh.is_zero() {
            return;
        }
        let cache = Arc::clone(self);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(cache.refresh);
            loop {
                tick.tick().await;
                match db::run::<_, DbError, _>(&pool, |c| version(c).map_err(DbError::from)).await {
                    Ok(v) => {
                        cache.version.store(v, Ordering::Relaxed);
                        cache.ensure_layout(&pool, v).await;
                    }
                    Err(e) => tracing::warn!(error = %e, "could not read the catalog version"),
                }
            }
        });
    }

    /// The catalog version pages are served for now (what `serve` keys entries by).
    pub async fn current_version<E: From<DbError> + Send + 'static>(&self, pool: &Pool) -> Result<i64, E> {
        let known = self.version.load(Ordering::Relaxed);
        if known >= 0 && !self.refresh.is_zero() {
            return Ok(known);
        }
        let v = db::run::<_, E, _>(pool, |c| version(c).map_err(|e| E::from(DbError::from(e)))).await?;
        self.version.store(v, Ordering::Relaxed);
        Ok(v)
    }

    /// Answers from the cache, or renders with `render` and caches the result.
    pub async fn serve<E, F, Fut>(
        &self,
        pool: &Pool,
        req: &HttpRequest,
        key: String,
        content_type: &'static str,
        render: F,
    ) -> Result<HttpResponse, E>
    where
        E: From<DbError> + Send + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<String, E>>,
    {
        let version = self.current_version::<E>(pool).await?;
        self.serve_at(pool, version, req, key, content_type, render).await
    }

    /// As `serve`, for a version the caller read with `current_version` (and rendered for).
    pub async fn serve_at<E, F, Fut>(
        &self,
        pool: &Pool,
        version: i64,
        req: &HttpRequest,
        key: String,
        content_type: &'static str,
        render: F,
    ) -> Result<HttpResponse, E>
    where
        E: From<DbError> + Send + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<String, E>>,
    {
        let key = format!("{version}|{}|{key}", day());
        let page = match self.entries.get(&key) {
            Some(page) => {
                self.hits.inc();
                page
            }
            None => {
                self.misses.inc();
                self.ensure_layout(pool, version).await;
                let page = Arc::new(CachedPage::new(render().await?.into(), content_type));
                self.entries.insert(key, Arc::clone(&page));
                page
            }
        };
        Ok(page.respond(req))
    }
}

impl CachedPage {
    fn new(body: Bytes, content_type: &'static str) -> Self {
        let digest = Sha256::digest(&body);
        let hex: String = digest.iter().take(10).map(|b| format!("{b:02x}")).collect();
        let etag = HeaderValue::from_str(&format!("\"{hex}\"")).unwrap_or_else(|_| HeaderValue::from_static("\"0\""));
        Self { body, gzip: std::sync::OnceLock::new(), etag, content_type }
    }

    fn gzip(&self) -> &Bytes {
        self.gzip.get_or_init(|| {
            use std::io::Write;
            let mut enc =
                flate2::write::GzEncoder::new(Vec::with_capacity(self.body.len() / 4), flate2::Compression::default());
            enc.write_all(&self.body).and_then(|_| enc.finish()).map(Bytes::from).unwrap_or_default()
        })
    }

    fn respond(&self, req: &HttpRequest) -> HttpResponse {
        let headers = req.headers();
        let not_modified = headers
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|tag| tag.trim().trim_start_matches("W/") == self.etag));
        let mut res = if not_modified { HttpResponse::NotModified() } else { HttpResponse::Ok() };
        res.insert_header((header::ETAG, self.etag.clone()))
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .insert_header((header::VARY, "Accept-Encoding"));
        if not_modified {
            return res.finish();
        }
        res.content_type(self.content_type);
        let gzip_ok = headers
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|e| e.trim().split(';').next() == Some("gzip")));
        if gzip_ok && !self.gzip().is_empty() {
            res.insert_header((header::CONTENT_ENCODING, "gzip")).body(self.gzip().clone())
        } else {
            res.body(self.body.clone())
        }
    }
}
