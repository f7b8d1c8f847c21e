//! Several instances, proven: two real app instances over one database (PostgreSQL, or one
//! SQLite file) and one S3 bucket, each with its own port, page cache, data directory and
//! workers, as two machines behind a load balancer. A staff edit on one reaches the other's
//! public pages within the cache refresh interval; a cart and a staff session started on one
//! continue on the other; with both email workers running each email is sent once; a photo
//! uploaded through one is served by the other.

use std::time::{Duration, Instant};

use fairgold::email::EmailKind;
use fairgold::images::Area;
use serde_json::json;

use crate::admin_images::{copies, photo_with_gps, photos, upload};
use crate::admin_pieces::unescape;
use crate::checkout::Shopper;
use crate::email::{enqueue, paid_order};
use crate::helpers::{PieceFixture, TestApp};
use crate::s3::S3Server;
use crate::smtp::SmtpServer;
use crate::storage::pairs;

/// Both instances re-read the catalog version this often (the tests elsewhere read it on
/// every request); a change must show within it.
const REFRESH_MS: u64 = 300;

/// Polls `page` on `app` until `check` holds; returns how long that took, or fails after
/// `limit`.
async fn until(app: &TestApp, page: &str, limit: Duration, check: impl Fn(u16, &str) -> bool) -> Duration {
    let start = Instant::now();
    loop {
        let res = app.get(page).await;
        let status = res.status().as_u16();
        let body = unescape(&res.text().await.unwrap());
        if check(status, &body) {
            return start.elapsed();
        }
        assert!(start.elapsed() < limit, "GET {page} on the other instance: still {status} after {limit:?}");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_over_one_database_and_one_bucket_act_as_one_shop() {
    let s3 = S3Server::start().await;
    let smtp = SmtpServer::start().await;
    let smtp_url = smtp.url();
    let refresh = REFRESH_MS.to_string();
    let s3_settings = s3.settings();
    let mut settings = pairs(&s3_settings);
    settings.extend([
        ("cache_refresh_ms", refresh.as_str()),
        ("mail.transport", "smtp"),
        ("mail.smtp_url", smtp_url.as_str()),
        ("mail.poll_ms", "50"),
    ]);
    let a = TestApp::spawn_with(&settings).await;
    let b = a.spawn_beside(&settings).await;
    assert_ne!(a.address, b.address);

    let lotus = a.piece(PieceFixture::new("Lotus ring"));
    let wave = a.piece(PieceFixture { mumbai: true, ..PieceFixture::new("Wave pendant") });
    // B has the piece page in its cache before the edit.
    let before = unescape(&b.page("/pieces/lotus-ring", 200).await);
    assert!(!before.contains("-800.jpg"), "no uploaded photo yet");

    // A staff edit on A (a photo upload, stored in the bucket) shows on B's public page within
    // the refresh interval, and B serves the photo it never received.
    a.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let me = a.sign_in("rupa@fairgold.test").await;
    let res = upload(
        &a,
        &me,
        lotus,
        Some("Lotus ring seen from above"),
        Some(("a.jpg", "image/jpeg", &photo_with_gps(1000, 700))),
    )
    .await;
    assert_eq!(res.status().as_u16(), 303);
    let photo = photos(&a, lotus).pop().unwrap();
    let url = copies(&photo)[1].1.clone();
    let took = until(&b, "/pieces/lotus-ring", Duration::from_secs(5), |s, body| s == 200 && body.contains(&url)).await;
    assert!(took < Duration::from_millis(REFRESH_MS + 700), "B saw the edit after {took:?}");
    let res = b.get(&url).await;
    assert_eq!(res.status().as_u16(), 200, "B serves {url}");
    let stored = s3.client().get(Area::Media, url.trim_start_matches("/media/")).await.unwrap();
    assert_eq!(res.bytes().await.unwrap(), stored.bytes);
    assert!(
        !b.data_dir.join("media").join(&photo.path).exists() && !a.data_dir.join("media").join(&photo.path).exists()
    );

    // A staff session started on A continues on B: pages, and a write with its CSRF token.
    assert_eq!(b.get_as("/admin", &me).await.status().as_u16(), 200, "signed in on B too");
    let res = b.post_form(&format!("/admin/pieces/{lotus}/withdraw"), Some(&me), &[]).await;
    assert_eq!(res.status().as_u16(), 303, "a write through B with A's session");
    let took = until(&a, "/pieces/lotus-ring", Duration::from_secs(5), |s, _| s == 404).await;
    assert!(took < Duration::from_millis(REFRESH_MS + 700), "A saw the withdrawal after {took:?}");

    // A cart started on A continues on B.
    let mut shopper = Shopper::default();
    assert_eq!(shopper.add(&a, wave).await.status().as_u16(), 303);
    let cart = shopper.get(&b, "/cart").await.text().await.unwrap();
    assert!(cart.contains("Wave pendant"), "B shows the cart started on A");

    // Both email workers run: every message is sent exactly once.
    let order = paid_order(&a, None);
    let recipients: Vec<String> = (0..12).map(|i| format!("buyer{i}@example.com")).collect();
    for to in &recipients {
        enqueue(&a, EmailKind::OrderConfirmation, to, order.id, json!({}));
    }
    for _ in 0..200 {
        if smtp.received().iter().filter(|m| m.to.iter().any(|t| recipients.contains(t))).count() >= recipients.len() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Long enough for a second delivery to arrive if either worker were to send one.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut got: Vec<String> =
        smtp.received().into_iter().flat_map(|m| m.to).filter(|to| recipients.contains(to)).collect();
    got.sort();
    let mut want = recipients.clone();
    want.sort();
    assert_eq!(got, want, "each email once");
}
