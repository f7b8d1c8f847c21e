//! Health, readiness and request ids; the demo shop only where it belongs.

use std::process::Command;

use diesel::prelude::*;
use fairgold::config::DatabaseUrl;
use fairgold::schema::staff;

use crate::helpers::{TestApp, TestDatabase};

#[tokio::test]
async fn health_and_readiness() {
    let app = TestApp::spawn().await;
    assert_eq!(app.page("/healthz", 200).await, "ok");
    let body = app.json("/readyz", 200).await;
    assert_eq!(body["status"], "ready");
    let expected = if std::env::var("TEST_DATABASE_URL").is_ok_and(|u| !u.is_empty()) { "postgres" } else { "sqlite" };
    assert_eq!(body["database"], expected);
}

#[tokio::test]
async fn every_response_carries_its_own_request_id() {
    let app = TestApp::spawn().await;
    let a = app.get("/healthz").await;
    let b = app.get("/no-such-page").await;
    let id_a = a.headers()["x-request-id"].to_str().unwrap().to_string();
    let id_b = b.headers()["x-request-id"].to_str().unwrap().to_string();
    assert!(id_a.len() >= 32 && id_b.len() >= 32);
    assert_ne!(id_a, id_b);
}

#[tokio::test]
async fn every_response_carries_security_headers() {
    let app = TestApp::spawn().await;
    for path in ["/", "/pieces?price_min=abc", "/nowhere", "/api/v1/pieces", "/healthz"] {
        let res = app.get(path).await;
        let h = res.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "strict-origin-when-cross-origin", "{path}");
        assert!(h.get("strict-transport-security").is_none(), "no HSTS over plain HTTP in development");
    }
}

/// The demo staff accounts (`…@fairgold.test`, password in the README) in a database.
fn demo_staff_accounts(url: &str) -> i64 {
    let pool = fairgold::db::pool(&DatabaseUrl::parse(url).unwrap(), 1).unwrap();
    let mut conn = pool.get().unwrap();
    staff::table.filter(staff::email.like("%@fairgold.test")).count().get_result(&mut **conn).unwrap()
}

#[test]
fn the_demo_shop_and_its_staff_accounts_exist_only_in_development() {
    let dir = tempfile::tempdir().unwrap();
    let fairgold = |db: &TestDatabase, args: &[&str], env: &[(&str, &str)]| {
        Command::new(env!("CARGO_BIN_EXE_fairgold"))
            .current_dir(dir.path())
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("RUST_LOG", "warn")
            .env("DATABASE_URL", &db.url)
            .envs(env.iter().copied())
            .args(args)
            .output()
            .unwrap()
    };
    let production = [
        ("FAIRGOLD_ENV", "production"),
        ("FAIRGOLD_SECRET_KEY", "0123456789abcdef0123456789abcdef-secret"),
        ("FAIRGOLD_BASE_URL", "https://shop.example"),
        ("STRIPE_SECRET_KEY", "sk_test_x"),
        ("STRIPE_WEBHOOK_SECRET", "whsec_x"),
        ("FAIRGOLD_INVOICE__SELLER_NAME", "Fairgold Artisan Cooperative"),
        ("FAIRGOLD_INVOICE__GSTIN", "19AAACF1234K1ZR"),
        ("FAIRGOLD_INVOICE__REGISTERED_OFFICE", "4 Park Street, Kolkata 700016, West Bengal"),
        ("FAIRGOLD_INVOICE__LUT_NUMBER", "AD190326001234X"),
        ("FAIRGOLD_MAIL__TRANSPORT", "smtp"),
        ("FAIRGOLD_MAIL__SMTP_URL", "smtps://u:p@mail.example:465"),
    ];
    let shop = TestDatabase::create(dir.path());
    let out = fairgold(&shop, &["migrate"], &production);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = fairgold(&shop, &["seed", "--demo"], &production);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "production refuses the demo shop: {}", String::from_utf8_lossy(&out.stdout));
    assert!(stderr.contains("`seed --demo` is for development only"), "{stderr}");
    assert_eq!(demo_staff_accounts(&shop.url), 0, "no demo staff account in production");

    // The test binary is a debug build: without FAIRGOLD_ENV it is the demo shop (`cargo run`).
    let demo = TestDatabase::create(&dir.path().join("demo"));
    let out = fairgold(&demo, &["seed", "--demo"], &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(demo_staff_accounts(&demo.url), 4, "one demo account per role and center");
}
