//! Faults as an operator meets them, with the real binary: the server killed mid-checkout.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use diesel::prelude::*;
use fairgold::schema::{orders, pieces};
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::helpers::TestDatabase;
use crate::stripe_fixtures::{fixture, SessionResponder};

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The shop as a process of its own (a debug build, development settings, Stripe pointed at
/// `stripe`), killed with SIGKILL when dropped.
pub struct Shop {
    child: Child,
    pub base: String,
}

impl Shop {
    pub async fn start(dir: &std::path::Path, db: &TestDatabase, stripe: &str, extra: &[(&str, &str)]) -> Shop {
        let port = free_port();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_fairgold"));
        cmd.current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("RUST_LOG", "warn")
            .env("FAIRGOLD_ENV", "development")
            .env("FAIRGOLD_LISTEN", format!("127.0.0.1:{port}"))
            .env("DATABASE_URL", &db.url)
            .env("FAIRGOLD_DATA_DIR", dir.join("data"))
            .env("FAIRGOLD_MAIL__DIR", dir.join("mail"))
            .env("STRIPE_SECRET_KEY", "sk_test_faults")
            .env("STRIPE_WEBHOOK_SECRET", "whsec_test_faults")
            .env("FAIRGOLD_STRIPE_API_BASE", stripe)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        for (k, v) in extra {
            cmd.env(k, v);
        }
        let child = cmd.spawn().expect("start fairgold");
        let base = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        while !reqwest::get(format!("{base}/readyz")).await.is_ok_and(|r| r.status().is_success()) {
            assert!(started.elapsed() < Duration::from_secs(60), "the shop did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Shop { child, base }
    }

    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Shop {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A customer's browser against a shop process: its cart cookie.
struct Customer {
    cookie: String,
    address: String,
}

impl Customer {
    fn new(address: &str) -> Self {
        Self { cookie: String::new(), address: address.into() }
    }

    async fn post(&mut self, base: &str, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let mut req = client
            .post(format!("{base}{path}"))
            .header("Origin", base)
            .header("Sec-Fetch-Site", "same-origin")
            .header("X-Forwarded-For", &self.address)
            .form(form);
        if !self.cookie.is_empty() {
            req = req.header("Cookie", &self.cookie);
        }
        let res = req.send().await.unwrap();
        if let Some(c) = res
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("fairgold_cart="))
        {
            self.cookie = c.split(';').next().unwrap().to_string();
        }
        res
    }
}

const ADDRESS: &[(&str, &str)] = &[
    ("email", "ann@example.org"),
    ("name", "Ann Lee"),
    ("line1", "1 Main Street"),
    ("city", "Berlin"),
    ("postal_code", "10115"),
    ("country", "DE"),
    ("phone", "+49 30 1234567"),
];

fn piece_status(pool: &fairgold::db::Pool, id: i64) -> String {
    let mut c = pool.get().unwrap();
    pieces::table.find(id).select(pieces::status).first(&mut **c).unwrap()
}

#[tokio::test]
async fn a_server_killed_between_the_hold_and_stripe_frees_the_piece_and_lets_the_cart_retry() {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDatabase::create(dir.path());
    let stripe = MockServer::start().await;
    // The first two session requests hang (Stripe slow, or the network): the shop is killed
    // while it waits. Later ones are answered.
    Mock::given(method("POST"))
        .and(path("/v1/checkout/sessions"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(120)))
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&stripe)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/checkout/sessions"))
        .respond_with(SessionResponder { hosted_origin: "https://checkout.stripe.com".into() })
        .with_priority(2)
        .mount(&stripe)
        .await;
    Mock::given(method("POST"))
        .and(path_regex(r"^/v1/checkout/sessions/[^/]+/expire$"))
        .respond_with(ResponseTemplate::new(200).set_body_json(fixture("checkout_session.json")))
        .mount(&stripe)
        .await;
    let settings = [
        ("FAIRGOLD_TRUSTED_PROXIES", "[\"127.0.0.1\"]"),
        ("FAIRGOLD_CHECKOUT__STRANDED_AFTER_SECONDS", "15"),
        ("FAIRGOLD_CHECKOUT__SWEEP_INTERVAL_MS", "250"),
    ];
    let shop = Shop::start(dir.path(), &db, &stripe.uri(), &settings).await;
    let list: serde_json::Value =
        reqwest::get(format!("{}/api/v1/pieces?per_page=2", shop.base)).await.unwrap().json().await.unwrap();
    let ids: Vec<i64> = list["data"].as_array().unwrap().iter().map(|p| p["id"].as_i64().unwrap()).collect();
    let slugs: Vec<String> =
        list["data"].as_array().unwrap().iter().map(|p| p["slug"].as_str().unwrap().to_string()).collect();

    let before: i64 = {
        let pool = fairgold::db::pool(&fairgold::config::DatabaseUrl::parse(&db.url).unwrap(), 1).unwrap();
        let mut c = pool.get().unwrap();
        orders::table.select(diesel::dsl::max(orders::id)).first::<Option<i64>>(&mut **c).unwrap().unwrap_or(0)
    };
    // Two customers check out; the shop takes their holds and waits for Stripe...
    let mut alice = Customer::new("100.70.0.1");
    let mut bob = Customer::new("100.70.0.2");
    assert_eq!(alice.post(&shop.base, "/cart/add", &[("piece_id", &ids[0].to_string())]).await.status(), 303);
    assert_eq!(bob.post(&shop.base, "/cart/add", &[("piece_id", &ids[1].to_string())]).await.status(), 303);
    for c in [&alice, &bob] {
        let (base, cookie, address) = (shop.base.clone(), c.cookie.clone(), c.address.clone());
        tokio::spawn(async move {
            let mut c = Customer { cookie, address };
            let _ = c.post(&base, "/checkout", ADDRESS).await;
        });
    }
    let pool = fairgold::db::pool(&fairgold::config::DatabaseUrl::parse(&db.url).unwrap(), 2).unwrap();
    let started = Instant::now();
    while !(piece_status(&pool, ids[0]) == "held" && piece_status(&pool, ids[1]) == "held") {
        assert!(started.elapsed() < Duration::from_secs(20), "the holds were not taken");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // ...and dies.
    shop.kill();
    let stranded: Vec<(i64, String)> = {
        let mut c = pool.get().unwrap();
        orders::table
            .filter(orders::id.gt(before))
            .order(orders::id)
            .select((orders::id, orders::status))
            .load(&mut **c)
            .unwrap()
    };
    assert_eq!(stranded.len(), 2);
    assert!(stranded.iter().all(|(_, s)| s == "pending_payment"));

    let shop = Shop::start(dir.path(), &db, &stripe.uri(), &settings).await;
    // Alice's cart checks out again at once: her stranded order is replaced, not "just sold".
    let res = alice.post(&shop.base, "/checkout", ADDRESS).await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
    // Bob does nothing: his piece is available again well within the 45-minute hold.
    let restarted = Instant::now();
    loop {
        let piece: serde_json::Value =
            reqwest::get(format!("{}/api/v1/pieces/{}", shop.base, slugs[1])).await.unwrap().json().await.unwrap();
        if piece["available"] == true {
            break;
        }
        assert!(restarted.elapsed() < Duration::from_secs(40), "the stranded hold was not released");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let statuses: Vec<String> = {
        let mut c = pool.get().unwrap();
        orders::table.filter(orders::id.gt(before)).order(orders::id).select(orders::status).load(&mut **c).unwrap()
    };
    assert_eq!(statuses, vec!["cancelled", "cancelled", "pending_payment"], "Alice's new order holds her piece");
    assert_eq!(piece_status(&pool, ids[0]), "held");
    assert_eq!(piece_status(&pool, ids[1]), "listed");
}
