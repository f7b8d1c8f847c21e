//! The Prometheus endpoint: `GET /metrics` on its own listen address (`metrics_listen`), never
//! on the shop's, so it is not reachable from the internet by default. The counters and
//! histograms are kept as requests pass (`web::metrics`); the gauges that describe the database
//! (the email outbox's backlog, Stripe events not yet applied) are read at each scrape.

use actix_web::{web, HttpResponse};

use crate::db;
use crate::error::AppError;
use crate::web::metrics::Metrics;

pub async fn scrape(metrics: web::Data<Metrics>, pool: web::Data<db::Pool>) -> Result<HttpResponse, AppError> {
    let now = chrono::Utc::now().naive_utc();
    let ((waiting, failed), (events, oldest)) = db::run(&pool, |conn| -> Result<_, AppError> {
        Ok((crate::email::queries::backlog(conn)?, crate::orders::queries::unapplied_events(conn)?))
    })
    .await?;
    metrics.outbox_backlog.set(waiting);
    metrics.outbox_failed.set(failed);
    metrics.webhook_backlog.set(events);
    metrics.webhook_oldest_seconds.set(oldest.map_or(0, |t| (now - t).num_seconds().max(0)));
    Ok(HttpResponse::Ok()
        .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
        .body(metrics.render()))
}
