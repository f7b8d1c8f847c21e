//! Purchases in a real headless Chromium, driven through WebDriver (chromedriver). A separate
//! target (`cargo test --features browser-tests --test browser`), run by `.ci/run` after it
//! installs Debian's chromium and chromium-driver; without them it fails, it never passes
//! silently.
//!
//! - `development`: the development shop, paid on its own test-payment page (same origin).
//! - `production`: the release configuration, paid on a fake of Stripe's hosted page on
//!   another origin (`fake_stripe`), as a customer pays on checkout.stripe.com.

#[allow(dead_code)]
#[path = "../api/helpers.rs"]
mod helpers;
#[allow(dead_code)]
#[path = "../support/smtp.rs"]
mod smtp;
#[allow(dead_code)]
#[path = "../support/stripe_fixtures.rs"]
mod stripe_fixtures;

mod development;
mod fake_stripe;
mod production;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use url::Url;

/// The chromedriver process, stopped when dropped.
pub struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A port nothing listens on at the moment (for a server that must know its address before
/// it starts).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn chromedriver() -> (Driver, String) {
    let bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    let port = free_port();
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

/// A fresh headless Chromium (and the chromedriver driving it: keep it alive as long as the
/// client).
pub async fn browser() -> (Driver, Client) {
    let (driver, url) = chromedriver();
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
    use_ring();
    let client = ClientBuilder::rustls()
        .expect("TLS roots")
        .capabilities(caps)
        .connect(&url)
        .await
        .expect("connect to chromedriver");
    (driver, client)
}

/// Waits (at most 15 s) until the browser is at a URL that `arrived` accepts; panics saying
/// where it was expected (`what`) and where it is instead.
pub async fn wait_for_url(c: &Client, what: &str, arrived: impl Fn(&Url) -> bool) -> Url {
    let started = Instant::now();
    loop {
        let url = c.current_url().await.expect("the browser's URL");
        if arrived(&url) {
            return url;
        }
        if started.elapsed() > Duration::from_secs(15) {
            let heading = match c.find(Locator::Css("h1")).await {
                Ok(h1) => h1.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            panic!("expected {what}, but the browser is still at {url} (heading: {heading:?})");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Opens a piece's page and adds it to the cart as a customer does.
pub async fn add_to_cart(c: &Client, shop: &str, slug: &str) {
    c.goto(&format!("{shop}/pieces/{slug}")).await.unwrap();
    c.find(Locator::Css("form.add-to-cart button[type=submit]")).await.unwrap().click().await.unwrap();
    // Adding sends the browser to its cart; wait for it before going on.
    c.wait().for_url(&Url::parse(&format!("{shop}/cart")).unwrap()).await.unwrap();
}

/// Who is buying, and where the parcels go.
pub struct Customer {
    pub email: &'static str,
    pub name: &'static str,
    pub line1: &'static str,
    pub city: &'static str,
    pub postal_code: &'static str,
    /// ISO alpha-2, as the country list's option values.
    pub country: &'static str,
    pub phone: &'static str,
    /// A shipping option code offered for `country`.
    pub shipping: &'static str,
}

impl Customer {
    pub fn in_bengaluru() -> Self {
        Self {
            email: "asha.buyer@example.org",
            name: "Asha Buyer",
            line1: "1 Market Street",
            city: "Bengaluru",
            postal_code: "560001",
            country: "IN",
            phone: "+91 98300 12345",
            shipping: "in-courier",
        }
    }
}

/// Fills in the checkout form (`/checkout`, reached from the cart) and sends it. The one place
/// that knows the form's fields: change it here when the form changes.
pub async fn fill_checkout(c: &Client, who: &Customer) {
    // The country first (no JavaScript): the country step is a GET form that brings back the
    // address form with that country's shipping options.
    c.find(Locator::Css(&format!("form.country-step select[name=country] option[value={}]", who.country)))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.find(Locator::Css("form.country-step button[type=submit]")).await.unwrap().click().await.unwrap();
    // The click starts a navigation; the address form is on the page it brings.
    c.wait()
        .at_most(std::time::Duration::from_secs(10))
        .for_element(Locator::Css("form[method=post][action=\"/checkout\"]"))
        .await
        .expect("the address form after choosing the country");
    let form = c.form(Locator::Css("form[method=post][action=\"/checkout\"]")).await.unwrap();
    for (name, value) in [
        ("email", who.email),
        ("name", who.name),
        ("line1", who.line1),
        ("city", who.city),
        ("postal_code", who.postal_code),
        ("phone", who.phone),
    ] {
        form.set_by_name(name, value).await.unwrap_or_else(|e| panic!("checkout field {name}: {e}"));
    }
    // The radio sits inside its label, which takes the click as a person's would.
    c.find(Locator::XPath(&format!("//input[@name='shipping'][@value='{}']/ancestor::label", who.shipping)))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // The total with shipping is on the page before paying.
    let total = c.find(Locator::Css(".total-for.is-checked .total-row dd")).await.unwrap().text().await.unwrap();
    assert!(!total.trim().is_empty(), "the total before payment");
    form.submit().await.unwrap();
}

/// This test binary links two TLS crypto providers (fantoccini's brings aws-lc-rs beside the
/// ring the shop uses), so rustls cannot pick one by itself: choose ring, as the shop's own build
/// does, before the shop builds its Stripe client or the browser session its TLS roots.
pub fn use_ring() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}
