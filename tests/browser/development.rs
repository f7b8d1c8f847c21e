//! The whole purchase in a real headless Chromium, driven through WebDriver (chromedriver):
//! two pieces from different workshops into the cart, checkout, the development test-payment
//! page, and the order's status page. A separate target (`cargo test --features browser-tests
//! --test browser`), run by `.ci/run` after it installs Debian's chromium and chromium-driver;
//! without them it fails, it never passes silently.

#[allow(dead_code)]
#[path = "api/helpers.rs"]
mod helpers;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use diesel::prelude::*;
use fairgold::schema::{email_outbox, orders, pieces};
use fantoccini::{ClientBuilder, Locator};

use helpers::TestApp;

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn chromedriver() -> (Driver, String) {
    let bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = Command::new(&bin)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {bin} ({e}): install Debian's chromium and chromium-driver"));
    let url = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(started.elapsed() < Duration::from_secs(20), "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    (Driver(child), url)
}

#[tokio::test]
async fn a_customer_buys_two_pieces_from_both_workshops_with_the_test_payment_page() {
    let app = TestApp::spawn_demo().await;
    // One available piece from each workshop.
    let mut slugs = Vec::new();
    for center in ["kolkata", "mumbai"] {
        let list = app.json(&format!("/api/v1/pieces?center={center}&per_page=1"), 200).await;
        slugs.push(list["data"][0]["slug"].as_str().unwrap().to_string());
    }
    let (kolkata, mumbai) = (slugs[0].clone(), slugs[1].clone());

    let (_driver, url) = chromedriver();
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--window-size=1280,3000"]
        }),
    );
    let _ = rustls::crypto::ring::default_provider().install_default();
    let c = ClientBuilder::rustls()
        .expect("TLS roots")
        .capabilities(caps)
        .connect(&url)
        .await
        .expect("connect to chromedriver");

    for slug in [&kolkata, &mumbai] {
        c.goto(&format!("{}/pieces/{slug}", app.address)).await.unwrap();
        c.find(Locator::Css("form.add-to-cart button[type=submit]")).await.unwrap().click().await.unwrap();
        // Adding sends the browser to its cart; wait for it before going on.
        c.wait().for_url(&url::Url::parse(&format!("{}/cart", app.address)).unwrap()).await.unwrap();
    }
    c.goto(&format!("{}/cart", app.address)).await.unwrap();
    let lines = c.find_all(Locator::Css(".cart-line")).await.unwrap();
    assert_eq!(lines.len(), 2, "both pieces are in the cart");
    c.find(Locator::LinkText("Check out")).await.unwrap().click().await.unwrap();

    let form = c.form(Locator::Css("form.checkout-form")).await.unwrap();
    for (name, value) in [
        ("email", "asha.buyer@example.org"),
        ("name", "Asha Buyer"),
        ("line1", "1 Market Street"),
        ("city", "Bengaluru"),
        ("postal_code", "560001"),
    ] {
        form.set_by_name(name, value).await.unwrap();
    }
    c.find(Locator::Css("select[name=country] option[value=IN]")).await.unwrap().click().await.unwrap();
    // The radio sits inside its label, which takes the click as a person's would.
    c.find(Locator::XPath("//input[@name='shipping']/ancestor::label")).await.unwrap().click().await.unwrap();
    form.submit().await.unwrap();

    // The development payment page, clearly labelled, pays through the real fulfilment code.
    let page = c.source().await.unwrap();
    assert!(
        page.contains("TEST PAYMENT") || page.contains("test payment"),
        "the test-payment page: {}",
        c.current_url().await.unwrap()
    );
    c.find(Locator::XPath("//button[contains(., 'Pay')]")).await.unwrap().click().await.unwrap();

    let status = c.find(Locator::Css("h1")).await.unwrap().text().await.unwrap();
    assert!(c.current_url().await.unwrap().path().starts_with("/orders/"), "the order's status page");
    assert!(status.to_lowercase().contains("paid"), "status heading: {status}");
    c.close().await.unwrap();

    // What the shop recorded: one paid order, both pieces sold, the confirmation queued.
    let (status, sold, emails): (String, i64, i64) = app.with_conn(|conn| {
        // The newest order is the customer's (the demo data has older, delivered ones).
        let (order_id, status) = orders::table
            .order(orders::id.desc())
            .select((orders::id, orders::status))
            .first::<(i64, String)>(conn)
            .unwrap();
        let sold = pieces::table
            .filter(pieces::slug.eq_any([&kolkata, &mumbai]))
            .filter(pieces::status.eq("sold"))
            .count()
            .get_result(conn)
            .unwrap();
        let emails = email_outbox::table
            .filter(email_outbox::kind.eq("order_confirmation"))
            .filter(email_outbox::order_id.eq(order_id))
            .count()
            .get_result(conn)
            .unwrap();
        (status, sold, emails)
    });
    assert_eq!(status, "paid");
    assert_eq!(sold, 2);
    assert_eq!(emails, 1);
}
