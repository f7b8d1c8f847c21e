//! What the logs hold, read from the real binary's output: the capability tokens in order
//! links, staff setup links and payment pages never reach them, and the pages behind those
//! links tell the browser not to pass their address on (`Referrer-Policy: no-referrer`).

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::helpers::TestDatabase;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// 32 random hex characters, like a real token: easy to find in a log if it leaked.
fn token() -> String {
    format!("{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..))
}

#[tokio::test]
async fn the_access_log_never_holds_a_capability_token() {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDatabase::create(dir.path());
    let log_path = dir.path().join("fairgold.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let port = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_fairgold"))
        .current_dir(dir.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("RUST_LOG", "info")
        .env("FAIRGOLD_ENV", "development")
        .env("FAIRGOLD_LISTEN", format!("127.0.0.1:{port}"))
        .env("DATABASE_URL", &db.url)
        .env("FAIRGOLD_SEED_DEMO", "false")
        .stdout(Stdio::from(log.try_clone().unwrap()))
        .stderr(Stdio::from(log))
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    while !reqwest::get(format!("{base}/healthz")).await.is_ok_and(|r| r.status().is_success()) {
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("the shop did not start:\n{}", std::fs::read_to_string(&log_path).unwrap_or_default());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    let mut policies = Vec::new();
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let (order, setup, payment, encoded, posted) = (token(), token(), token(), token(), token());
    for url in [
        format!("{base}/orders/{order}"),
        format!("{base}/admin/setup/{setup}"),
        format!("{base}/checkout/test-payment/FG-000001?token={payment}&step=1"),
        // The router decodes `%6F` to `o`: this reaches the order page too.
        format!("{base}/%6Frders/{encoded}"),
    ] {
        let res = client.get(&url).send().await.unwrap();
        let policy = res.headers().get("referrer-policy").map(|v| v.to_str().unwrap().to_string());
        policies.push((url, res.status(), policy));
    }
    // A cross-site form post to a setup link is refused, and the refusal is logged.
    let res = client
        .post(format!("{base}/admin/setup/{posted}"))
        .header("Origin", "https://elsewhere.example")
        .form(&[("password", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // Other pages keep the shop's usual policy.
    let res = client.get(format!("{base}/pieces?sort=newest")).send().await.unwrap();
    assert_eq!(res.headers()["referrer-policy"], "strict-origin-when-cross-origin");

    let killed = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(25);
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "no exit after SIGTERM");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    let log = std::fs::read_to_string(&log_path).unwrap();
    for secret in [&order, &setup, &payment, &encoded, &posted] {
        assert!(!log.contains(secret.as_str()), "a token reached the log:\n{log}");
    }
    for redacted in ["/orders/…", "/admin/setup/…", "/checkout/test-payment/FG-000001?token=…&step=1"] {
        assert!(log.contains(redacted), "no access log line with {redacted}:\n{log}");
    }
    assert!(log.contains("cross-site state change refused"), "{log}");
    assert!(log.contains("/pieces?sort=newest"), "other addresses are logged whole:\n{log}");
    for (url, status, policy) in policies {
        assert_eq!(policy.as_deref(), Some("no-referrer"), "{url} answered {status}");
    }
}
