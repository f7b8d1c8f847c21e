//! Checkout throughput, for `scripts/bench.sh`: a loopback fake of the Stripe API (wiremock,
//! answering complete Checkout Session objects with fresh ids), the release server pointed at
//! it, and N concurrent buyers each doing cart → checkout (hold + payment attempt + session
//! created over HTTP). Prints checkouts/s and latency percentiles.
//!
//!   cargo run --release --example bench_checkout -- BIN DATABASE_URL PORT CHECKOUTS CONCURRENCY

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

struct FreshSession {
    template: serde_json::Value,
    n: AtomicU64,
}

impl Respond for FreshSession {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let mut body = self.template.clone();
        let n = self.n.fetch_add(1, Ordering::Relaxed);
        body["id"] = serde_json::json!(format!("cs_bench_{n}"));
        ResponseTemplate::new(200).set_body_json(body)
    }
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, bin, database_url, port, checkouts, concurrency] = &args[..] else {
        eprintln!("usage: bench_checkout BIN DATABASE_URL PORT CHECKOUTS CONCURRENCY");
        std::process::exit(2);
    };
    let checkouts: usize = checkouts.parse().unwrap();
    let concurrency: usize = concurrency.parse().unwrap();

    let stripe = MockServer::start().await;
    let template: serde_json::Value =
        serde_json::from_str(include_str!("../tests/fixtures/stripe/checkout_session.json")).unwrap();
    Mock::given(method("POST"))
        .and(path("/v1/checkout/sessions"))
        .respond_with(FreshSession { template, n: AtomicU64::new(0) })
        .mount(&stripe)
        .await;

    let mut server = std::process::Command::new(bin)
        .env("DATABASE_URL", database_url)
        .env("FAIRGOLD_LISTEN", format!("127.0.0.1:{port}"))
        .env("STRIPE_SECRET_KEY", "sk_test_bench")
        .env("STRIPE_WEBHOOK_SECRET", "whsec_bench")
        .env("FAIRGOLD_STRIPE_API_BASE", stripe.uri())
        .env("FAIRGOLD_MAIL__POLL_MS", "0")
        .env("RUST_LOG", "error")
        .spawn()
        .expect("start the server");
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let started = Instant::now();
    while client.get(format!("{base}/healthz")).send().await.is_err() {
        assert!(started.elapsed() < Duration::from_secs(30), "server did not start");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    // Listed pieces to buy, one per checkout.
    let mut slugs = Vec::new();
    let mut page = 1;
    while slugs.len() < checkouts {
        let list: serde_json::Value = client
            .get(format!("{base}/api/v1/pieces?per_page=100&page={page}"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let data = list["data"].as_array().unwrap();
        if data.is_empty() {
            break;
        }
        slugs.extend(data.iter().map(|p| p["slug"].as_str().unwrap().to_string()));
        page += 1;
    }
    slugs.truncate(checkouts);
    assert_eq!(slugs.len(), checkouts, "not enough listed pieces: seed more");

    let queue = Arc::new(std::sync::Mutex::new(slugs));
    let latencies = Arc::new(std::sync::Mutex::new(Vec::with_capacity(checkouts)));
    let failures = Arc::new(AtomicU64::new(0));
    let t0 = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (queue, latencies, failures, base) = (queue.clone(), latencies.clone(), failures.clone(), base.clone());
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        tasks.push(tokio::spawn(async move {
            loop {
                let Some(slug) = queue.lock().unwrap().pop() else { break };
                let t = Instant::now();
                let add =
                    client.post(format!("{base}/cart/add")).form(&[("slug", slug.as_str())]).send().await.unwrap();
                let cookie = add
                    .headers()
                    .get_all("set-cookie")
                    .iter()
                    .filter_map(|v| v.to_str().ok())
                    .find(|v| v.starts_with("fairgold_cart="))
                    .map(|v| v.split(';').next().unwrap().to_string());
                let Some(cookie) = cookie else {
                    failures.fetch_add(1, Ordering::Relaxed);
                    continue;
                };
                let res = client
                    .post(format!("{base}/checkout"))
                    .header("Cookie", cookie)
                    .form(&[
                        ("email", "bench@example.org"),
                        ("name", "Bench Buyer"),
                        ("line1", "1 Market Street"),
                        ("city", "Bengaluru"),
                        ("postal_code", "560001"),
                        ("country", "IN"),
                        ("shipping", "in-courier"),
                    ])
                    .send()
                    .await
                    .unwrap();
                let to_stripe = res.status().as_u16() == 303
                    && res
                        .headers()
                        .get("location")
                        .and_then(|v| v.to_str().ok())
                        .is_some_and(|l| l.starts_with("https://"));
                if to_stripe {
                    latencies.lock().unwrap().push(t.elapsed());
                } else {
                    failures.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let elapsed = t0.elapsed();
    let mut lat = latencies.lock().unwrap().clone();
    lat.sort();
    let ok = lat.len();
    let pct = |p: f64| {
        lat.get(((ok as f64 * p) as usize).min(ok.saturating_sub(1))).map(|d| d.as_secs_f64() * 1000.0).unwrap_or(0.0)
    };
    println!(
        "checkouts: {ok} ok, {} failed, in {:.2} s → {:.0} checkouts/s; latency p50 {:.1} ms, p99 {:.1} ms (concurrency {concurrency})",
        failures.load(Ordering::Relaxed),
        elapsed.as_secs_f64(),
        ok as f64 / elapsed.as_secs_f64(),
        pct(0.5),
        pct(0.99)
    );
    let _ = server.kill();
    let _ = server.wait();
}
