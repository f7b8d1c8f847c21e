//! What `/metrics` reports (Prometheus text format, `prometheus-client`): requests and their
//! latency by route, page-cache hits and misses, how long requests waited for a database
//! connection, and gauges the scrape fills from the database (the email outbox's backlog, the
//! webhook events not yet applied). One registry per app, no global state; the endpoint is on its
//! own listen address (`metrics_listen`), never on the shop's.

use std::sync::Mutex;
use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    pub method: String,
    /// The route's pattern (`/pieces/{slug}`), never the path: the number of series stays bounded.
    pub route: String,
    pub status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    pub route: String,
}

pub struct Metrics {
    registry: Mutex<Registry>,
    pub requests: Family<RequestLabels, Counter>,
    pub latency: Family<RouteLabels, Histogram>,
    pub cache_hits: Counter,
    pub cache_misses: Counter,
    pub pool_wait: Histogram,
    pub outbox_backlog: Gauge,
    pub outbox_failed: Gauge,
    pub webhook_backlog: Gauge,
    pub webhook_oldest_seconds: Gauge,
}

fn latency_histogram() -> Histogram {
    // 0.25 ms … ~4 s.
    Histogram::new(exponential_buckets(0.000_25, 2.0, 15))
}

impl Metrics {
    /// `cache_hits` and `cache_misses`: the page cache's own counters (`PageCache::counters`).
    pub fn new(cache_hits: Counter, cache_misses: Counter) -> Self {
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(latency_histogram as fn() -> Histogram);
        let pool_wait = latency_histogram();
        let (outbox_backlog, outbox_failed, webhook_backlog, webhook_oldest_seconds) =
            (Gauge::default(), Gauge::default(), Gauge::default(), Gauge::default());
        let mut r = Registry::with_prefix("fairgold");
        r.register("http_requests", "HTTP requests answered, by method, route and status", requests.clone());
        r.register("http_request_duration_seconds", "Time to answer a request, by route", latency.clone());
        r.register("page_cache_hits", "Public pages and API answers served from the page cache", cache_hits.clone());
        r.register(
            "page_cache_misses",
            "Public pages and API answers rendered because they were not cached",
            cache_misses.clone(),
        );
        r.register("db_pool_wait_seconds", "Time a request waited for a database connection", pool_wait.clone());
        r.register("email_outbox_backlog", "Emails waiting to be sent (pending or retrying)", outbox_backlog.clone());
        r.register("email_outbox_failed", "Emails that gave up after their retries", outbox_failed.clone());
        r.register(
            "webhook_backlog",
            "Stripe events received and not yet applied (parked or failed)",
            webhook_backlog.clone(),
        );
        r.register(
            "webhook_oldest_unapplied_seconds",
            "Age of the oldest Stripe event received and not yet applied (0 when none)",
            webhook_oldest_seconds.clone(),
        );
        Self {
            registry: Mutex::new(r),
            requests,
            latency,
            cache_hits,
            cache_misses,
            pool_wait,
            outbox_backlog,
            outbox_failed,
            webhook_backlog,
            webhook_oldest_seconds,
        }
    }

    /// The text exposition of every metric.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let registry = self.registry.lock().unwrap_or_else(|e| e.into_inner());
        prometheus_client::encoding::text::encode(&mut out, &registry).expect("writing to a String cannot fail");
        out
    }
}

/// Middleware: counts each request and its latency under its route's pattern.
pub async fn record(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let metrics = req.app_data::<web::Data<Metrics>>().cloned();
    let method = req.method().as_str().to_string();
    let res = next.call(req).await?;
    if let Some(m) = metrics {
        let route = res.request().match_pattern().unwrap_or_else(|| "unmatched".into());
        let status = res.status().as_u16();
        m.requests.get_or_create(&RequestLabels { method, route: route.clone(), status }).inc();
        m.latency.get_or_create(&RouteLabels { route }).observe(started.elapsed().as_secs_f64());
    }
    Ok(res)
}
