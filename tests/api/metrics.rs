//! `/metrics` (Prometheus) on its own listen address: requests by route, the page cache's hits
//! and misses, the database pool's waits, the email outbox's backlog and unapplied webhooks.

use diesel::prelude::*;
use fairgold::schema::stripe_events;

use crate::helpers::{now, PieceFixture, TestApp};

/// The value of the sample `name` (the whole series name with its labels, as printed).
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines().find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.split(' ').next()?.parse().ok())
}

#[tokio::test]
async fn metrics_count_requests_by_route_cache_hits_pool_waits_and_backlogs_on_their_own_address() {
    let app = TestApp::spawn_with(&[("metrics_listen", "127.0.0.1:0")]).await;
    let metrics = app.metrics.clone().expect("a metrics address");
    let slug = "lotus-ring-for-metrics";
    app.piece(PieceFixture { slug: Some(slug.into()), ..PieceFixture::new("Lotus ring") });
    for _ in 0..3 {
        app.page(&format!("/pieces/{slug}"), 200).await;
    }
    app.page("/pieces/no-such-piece", 404).await;
    // A Stripe event that arrived and was not applied (say, parked for a payment not yet known).
    app.with_conn(|c| {
        diesel::insert_into(stripe_events::table)
            .values((
                stripe_events::id.eq("evt_metrics_1"),
                stripe_events::event_type.eq("charge.refunded"),
                stripe_events::received_at.eq(now() - chrono::Duration::seconds(90)),
                stripe_events::payload.eq("{}"),
            ))
            .execute(c)
    })
    .unwrap();

    let res = app.client.get(format!("{metrics}/metrics")).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("application/openmetrics-text"));
    let text = res.text().await.unwrap();
    let route = r#"fairgold_http_requests_total{method="GET",route="/pieces/{slug}",status="200"}"#;
    assert_eq!(sample(&text, route), Some(3.0), "{text}");
    let missing = r#"fairgold_http_requests_total{method="GET",route="/pieces/{slug}",status="404"}"#;
    assert_eq!(sample(&text, missing), Some(1.0), "{text}");
    assert!(!text.contains("no-such-piece") && !text.contains(slug), "routes, never paths");
    assert!(sample(&text, "fairgold_page_cache_hits_total").unwrap() >= 2.0, "{text}");
    assert!(sample(&text, "fairgold_page_cache_misses_total").unwrap() >= 1.0, "{text}");
    assert!(sample(&text, "fairgold_db_pool_wait_seconds_count").unwrap() >= 1.0, "{text}");
    assert!(text.contains(r#"fairgold_http_request_duration_seconds_bucket{le="#), "{text}");
    assert_eq!(sample(&text, "fairgold_email_outbox_backlog"), Some(0.0), "{text}");
    assert_eq!(sample(&text, "fairgold_webhook_backlog"), Some(1.0), "{text}");
    assert!(sample(&text, "fairgold_webhook_oldest_unapplied_seconds").unwrap() >= 89.0, "{text}");

    // Not on the shop's own address.
    app.page("/metrics", 404).await;
}

#[tokio::test]
async fn without_a_metrics_address_there_is_no_metrics_endpoint() {
    let app = TestApp::spawn().await;
    assert!(app.metrics.is_none());
    app.page("/metrics", 404).await;
}
