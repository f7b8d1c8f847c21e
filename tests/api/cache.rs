//! The page cache: ETags and 304s, gzip, and refresh when the catalog version moves.

use std::io::Read;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;

use crate::helpers::{PieceFixture, TestApp};

#[tokio::test]
async fn pages_carry_an_etag_and_answer_304_when_unchanged() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture::new("Lotus ring"));
    for path in
        ["/", "/pieces", "/pieces/lotus-ring", "/api/v1/pieces", "/api/v1/pieces/lotus-ring", "/about", "/sitemap.xml"]
    {
        let first = app.get(path).await;
        assert_eq!(first.status().as_u16(), 200, "{path}");
        let etag = first.headers()["etag"].to_str().unwrap().to_string();
        let body = first.text().await.unwrap();
        let again =
            app.client.get(format!("{}{path}", app.address)).header("If-None-Match", &etag).send().await.unwrap();
        assert_eq!(again.status().as_u16(), 304, "{path}");
        assert_eq!(again.headers()["etag"].to_str().unwrap(), etag);
        assert!(again.text().await.unwrap().is_empty());
        let other =
            app.client.get(format!("{}{path}", app.address)).header("If-None-Match", "\"stale\"").send().await.unwrap();
        assert_eq!(other.status().as_u16(), 200, "{path}");
        assert_eq!(other.text().await.unwrap(), body, "{path}: the same bytes from the cache");
    }
}

#[tokio::test]
async fn cached_pages_are_served_gzipped_to_clients_that_accept_it() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture::new("Lotus ring"));
    let plain = app.page("/pieces", 200).await;
    let res = app.client.get(format!("{}/pieces", app.address)).header("Accept-Encoding", "gzip").send().await.unwrap();
    assert_eq!(res.headers()["content-encoding"], "gzip");
    let bytes = res.bytes().await.unwrap();
    assert!(bytes.len() < plain.len() / 2);
    let mut unzipped = String::new();
    flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut unzipped).unwrap();
    assert_eq!(unzipped, plain);
}

#[tokio::test]
async fn an_inventory_write_refreshes_cached_pages_and_nothing_else_does() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture { price_minor: 50_000, ..PieceFixture::new("Lotus ring") });
    assert!(app.page("/pieces/lotus-ring", 200).await.contains("$500.00"));

    // A change that does not bump the version is not seen: the page comes from the cache.
    app.with_conn(|c| c.batch_execute("UPDATE pieces SET price_minor = 70000 WHERE slug = 'lotus-ring'")).unwrap();
    assert!(app.page("/pieces/lotus-ring", 200).await.contains("$500.00"));

    // An inventory write bumps the version; every cached page is rebuilt.
    app.piece(PieceFixture::new("Another ring"));
    assert!(app.page("/pieces/lotus-ring", 200).await.contains("$700.00"));
    assert!(app.page("/pieces", 200).await.contains("Another ring"));
}

/// Polls `path` until its page contains `text`; fails after `deadline`.
async fn shows_within(app: &TestApp, path: &str, text: &str, deadline: Duration) {
    let started = Instant::now();
    while !app.page(path, 200).await.contains(text) {
        assert!(started.elapsed() < deadline, "{text} never showed on {path} within {deadline:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn instances_that_poll_the_version_pick_up_a_change_within_the_interval() {
    let app = TestApp::spawn_with(&[("cache_refresh_ms", "200")]).await;
    app.piece(PieceFixture::new("First ring"));
    shows_within(&app, "/pieces", "First ring", Duration::from_secs(3)).await;
    // Another instance's write: straight to the shared database, version bumped there.
    app.piece(PieceFixture::new("Second ring"));
    shows_within(&app, "/pieces", "Second ring", Duration::from_secs(3)).await;
}

/// BREACH: a back-office page carries a CSRF token and private records beside reflected input,
/// so it is never compressed, even for a client that asks; the public shop still is.
#[tokio::test]
async fn back_office_pages_are_never_compressed_and_public_pages_still_are() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture::new("Lotus ring"));
    app.staff("root@fairgold.test", "admin", None);
    let me = app.sign_in("root@fairgold.test").await;
    let gzip_get = |path: &str, cookie: Option<&str>| {
        let mut req = app.client.get(format!("{}{path}", app.address)).header("Accept-Encoding", "gzip, deflate, br");
        if let Some(c) = cookie {
            req = req.header("Cookie", c);
        }
        req.send()
    };
    // A search reflected on a page that holds the CSRF token.
    let signed_in = Some(me.cookie.as_str());
    for (path, cookie) in [
        ("/admin", signed_in),
        ("/admin/pieces?q=csrf_token%3Dabc", signed_in),
        ("/admin/audit", signed_in),
        ("/admin/login", None),
    ] {
        let res = gzip_get(path, cookie).await.unwrap();
        assert_eq!(res.status().as_u16(), 200, "{path}");
        assert!(res.headers().get("content-encoding").is_none(), "{path}: {:?}", res.headers().get("content-encoding"));
        let html = res.text().await.unwrap();
        if cookie.is_some() {
            assert!(html.contains("name=\"csrf_token\""), "{path} holds a CSRF token");
        }
    }
    let res = gzip_get("/pieces", None).await.unwrap();
    assert_eq!(res.headers()["content-encoding"], "gzip", "the shop is still compressed");
    let res = gzip_get("/pieces/lotus-ring", None).await.unwrap();
    assert_eq!(res.headers()["content-encoding"], "gzip");
}
