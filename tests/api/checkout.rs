//! Checkout: validation, holds, the development payment page, expired holds, the return from
//! the payment page, production refusing test payments, and 50 buyers racing for one piece.

use diesel::prelude::*;
use fairgold::orders::fulfilment::{self, PaymentOutcome, PaymentReport, Unpaid};
use fairgold::schema::{email_outbox, order_events, orders, pieces};

use crate::helpers::{now, PieceFixture, TestApp};

// ---------------------------------------------------------------------------------------------
// Shopping helpers shared with the cart and order tests

/// A visitor's browser: the cart cookie, once the shop has set one, and the network address
/// it comes from (the test app trusts loopback as its reverse proxy, so each shopper is told
/// apart by `X-Forwarded-For`, as customers behind a real proxy are).
#[derive(Clone)]
pub struct Shopper {
    pub cookies: Vec<String>,
    pub address: String,
}

impl Default for Shopper {
    fn default() -> Self {
        Self::from_address(&random_address())
    }
}

/// A random public-looking client address (TEST-NET ranges are too small for many shoppers).
pub fn random_address() -> String {
    format!("100.{}.{}.{}", fastrand::u8(64..128), fastrand::u8(..), fastrand::u8(1..255))
}

impl Shopper {
    pub fn from_address(address: &str) -> Self {
        Self { cookies: Vec::new(), address: address.to_string() }
    }

    fn header(&self) -> String {
        self.cookies.join("; ")
    }

    fn remember(&mut self, res: &reqwest::Response) {
        for v in res.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()) {
            let pair = v.split(';').next().unwrap().to_string();
            let name = pair.split('=').next().unwrap().to_string();
            self.cookies.retain(|c| !c.starts_with(&format!("{name}=")));
            self.cookies.push(pair);
        }
    }

    pub async fn post(&mut self, app: &TestApp, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(form).finish();
        let res = app
            .client
            .post(format!("{}{}", app.address, path))
            .header("Cookie", self.header())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", &app.address)
            .header("Sec-Fetch-Site", "same-origin")
            .header("X-Forwarded-For", &self.address)
            .body(body)
            .send()
            .await
            .expect("request");
        self.remember(&res);
        res
    }

    pub async fn get(&mut self, app: &TestApp, path: &str) -> reqwest::Response {
        let res = app
            .client
            .get(format!("{}{}", app.address, path))
            .header("Cookie", self.header())
            .header("X-Forwarded-For", &self.address)
            .send()
            .await
            .expect("request");
        self.remember(&res);
        res
    }

    pub async fn add(&mut self, app: &TestApp, piece_id: i64) -> reqwest::Response {
        self.post(app, "/cart/add", &[("piece_id", &piece_id.to_string())]).await
    }

    pub async fn check_out(&mut self, app: &TestApp, form: &[(&str, &str)]) -> reqwest::Response {
        self.post(app, "/checkout", form).await
    }
}

pub const ADDRESS: &[(&str, &str)] = &[
    ("email", "ann@example.org"),
    ("name", "Ann Lee"),
    ("line1", "1 Main Street"),
    ("city", "Berlin"),
    ("postal_code", "10115"),
    ("country", "DE"),
    ("phone", "+49 30 1234567"),
    ("shipping", "intl-express"),
];

/// An order placed through the pages, awaiting its test payment.
pub struct Placed {
    pub shopper: Shopper,
    pub reference: String,
    pub token: String,
    pub order_id: i64,
    pub pay_url: String,
}

/// Adds the pieces to a fresh cart and checks out; asserts the redirect to the test page.
pub async fn place(app: &TestApp, piece_ids: &[i64]) -> Placed {
    let mut shopper = Shopper::default();
    for id in piece_ids {
        let res = shopper.add(app, *id).await;
        assert_eq!(res.status().as_u16(), 303, "add piece {id}");
    }
    let res = shopper.check_out(app, ADDRESS).await;
    assert_eq!(res.status().as_u16(), 303, "checkout: {}", res.text().await.unwrap_or_default());
    let pay_url = res.headers()["location"].to_str().unwrap().to_string();
    let (path, query) = pay_url.split_once("?token=").expect("test payment URL with token");
    let reference = path.rsplit('/').next().unwrap().to_string();
    let order_id = app.with_conn(|c| {
        orders::table.filter(orders::reference.eq(&reference)).select(orders::id).first::<i64>(c).unwrap()
    });
    Placed { shopper, reference, token: query.to_string(), order_id, pay_url }
}

/// Pays (or fails) through the development page, as a customer clicks it.
pub async fn pay(app: &TestApp, placed: &mut Placed, outcome: &str) -> reqwest::Response {
    let token = placed.token.clone();
    let path = format!("/checkout/test-payment/{}", placed.reference);
    placed.shopper.post(app, &path, &[("token", &token), ("outcome", outcome)]).await
}

pub fn piece_state(app: &TestApp, id: i64) -> (String, Option<i64>) {
    app.with_conn(|c| pieces::table.find(id).select((pieces::status, pieces::held_by_order_id)).first(c).unwrap())
}

pub fn order_status(app: &TestApp, id: i64) -> String {
    app.with_conn(|c| orders::table.find(id).select(orders::status).first(c).unwrap())
}

pub fn order_count(app: &TestApp) -> i64 {
    app.with_conn(|c| orders::table.count().get_result(c).unwrap())
}

/// Outbox rows of an order: (kind, to).
pub fn outbox(app: &TestApp, order_id: i64) -> Vec<(String, String)> {
    app.with_conn(|c| {
        email_outbox::table
            .filter(email_outbox::order_id.eq(order_id))
            .order(email_outbox::id)
            .select((email_outbox::kind, email_outbox::to_address))
            .load(c)
            .unwrap()
    })
}

pub fn event_kinds(app: &TestApp, order_id: i64) -> Vec<String> {
    app.with_conn(|c| {
        order_events::table
            .filter(order_events::order_id.eq(order_id))
            .order(order_events::id)
            .select(order_events::kind)
            .load(c)
            .unwrap()
    })
}

/// Applies a payment of `amount_minor` on the order's own session (as its provider would
/// report it), straight through `fulfilment`.
pub fn report_payment(conn: &mut fairgold::db::DbConn, order_id: i64, pi: &str, amount_minor: i64) -> PaymentOutcome {
    let session =
        fairgold::orders::queries::latest_attempt(conn, order_id).unwrap().and_then(|a| a.session_id).unwrap();
    let currency: String = orders::table.find(order_id).select(orders::currency).first(conn).unwrap();
    let report = PaymentReport {
        session_id: &session,
        payment_intent_id: Some(pi),
        amount_minor,
        currency: &currency,
        paid: true,
    };
    fulfilment::payment_succeeded(conn, order_id, &report, "webhook", now()).unwrap()
}

pub fn expire_hold(app: &TestApp, piece_id: i64) {
    app.with_conn(|c| {
        diesel::update(pieces::table.find(piece_id))
            .set(pieces::hold_expires_at.eq(Some(now() - chrono::Duration::minutes(1))))
            .execute(c)
            .unwrap()
    });
}

// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn checkout_validation_shows_errors_by_field_and_creates_nothing() {
    let app = TestApp::spawn().await;
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let mut shopper = Shopper::default();
    assert_eq!(shopper.add(&app, piece).await.status().as_u16(), 303);
    let page = shopper.get(&app, "/checkout").await;
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("<option value=\"IN\">India</option>"), "the country first");
    let page = shopper.get(&app, "/checkout?country=IN").await;
    assert_eq!(page.status().as_u16(), 200);
    assert!(page.text().await.unwrap().contains("Insured courier within India"));

    let res = shopper
        .check_out(&app, &[("email", "not-an-email"), ("name", "Ann Lee"), ("city", "Berlin"), ("country", "DE")])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let html = res.text().await.unwrap();
    assert!(html.contains("enter an email address such as name@example.org"), "email error shown");
    assert!(html.contains("enter the street address"), "missing address shown");
    assert!(html.contains("enter the postal code (PLZ)"), "missing postcode shown");
    assert!(html.contains("value=\"Ann Lee\""), "input kept");
    assert_eq!(order_count(&app), 0);
    assert_eq!(piece_state(&app, piece), ("listed".to_string(), None));
}

/// The inputs named `name` on a page, as (value, the whole tag).
fn inputs<'a>(html: &'a str, name: &str) -> Vec<(String, &'a str)> {
    let needle = format!("name=\"{name}\"");
    html.split("<input")
        .skip(1)
        .filter_map(|rest| rest.split('>').next())
        .filter(|tag| tag.contains(&needle))
        .map(|tag| {
            let value = tag.split("value=\"").nth(1).and_then(|v| v.split('"').next()).unwrap_or_default();
            (value.to_string(), tag)
        })
        .collect()
}

/// The message shown next to a field (`<p … id="c-{field}-error">`), if any; the field (input
/// or select) must point to it and be marked invalid.
fn field_error(html: &str, field: &str) -> Option<String> {
    let id = format!("c-{field}-error");
    let message = html.split(&format!("id=\"{id}\">")).nth(1)?.split("</p>").next()?.to_string();
    let tag = html.split(&format!("id=\"c-{field}\"")).nth(1).and_then(|t| t.split('>').next()).unwrap_or_default();
    assert!(tag.contains("aria-invalid=\"true\"") && tag.contains(&id), "{field} points to its error: {tag}");
    Some(message)
}

/// ADDRESS with some fields replaced (an empty value leaves the field out).
fn address_with(changes: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut form: Vec<_> = ADDRESS.iter().filter(|(k, _)| !changes.iter().any(|(c, _)| c == k)).copied().collect();
    form.extend(changes.iter().filter(|(_, v)| !v.is_empty()).copied());
    form
}

#[tokio::test]
async fn checkout_a_pin_code_that_is_not_six_digits_is_refused_for_india() {
    let app = TestApp::spawn().await;
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let mut shopper = Shopper::default();
    shopper.add(&app, piece).await;
    let form = address_with(&[
        ("city", "Kolkata"),
        ("country", "IN"),
        ("postal_code", "ABC"),
        ("phone", "+91 98300 12345"),
        ("shipping", "in-courier"),
    ]);
    let res = shopper.check_out(&app, &form).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    let message = field_error(&html, "postal_code").expect("an error next to the PIN code");
    assert!(message.contains("six digits"), "{message}");
    assert!(inputs(&html, "postal_code").iter().any(|(v, _)| v == "ABC"), "what was typed is kept");
    assert_eq!(order_count(&app), 0);
    assert_eq!(piece_state(&app, piece), ("listed".to_string(), None));

    // Six digits pass (and spaces typed inside are dropped).
    let form = address_with(&[
        ("city", "Kolkata"),
        ("country", "IN"),
        ("postal_code", "700 001"),
        ("phone", "+91 98300 12345"),
        ("shipping", "in-courier"),
    ]);
    assert_eq!(shopper.check_out(&app, &form).await.status().as_u16(), 303);
    let code: String = app.with_conn(|c| orders::table.select(orders::ship_postal_code).first(c).unwrap());
    assert_eq!(code, "700001");
}

#[tokio::test]
async fn checkout_a_phone_number_is_required_and_every_error_shows_at_once() {
    let app = TestApp::spawn().await;
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let mut shopper = Shopper::default();
    shopper.add(&app, piece).await;
    // The address page asks for it.
    let html = shopper.get(&app, "/checkout?country=DE").await.text().await.unwrap();
    let phone = inputs(&html, "phone");
    assert!(phone.len() == 1 && phone[0].1.contains("type=\"tel\""), "a phone field: {phone:?}");

    let res = shopper.check_out(&app, &address_with(&[("phone", "")])).await;
    assert_eq!(res.status().as_u16(), 422);
    let message = field_error(&res.text().await.unwrap(), "phone").expect("an error next to the phone field");
    assert!(message.contains("phone number"), "{message}");

    // A wrong phone, a wrong postcode and a wrong email: all three at once, everything kept.
    let res = shopper
        .check_out(&app, &address_with(&[("phone", "call me"), ("postal_code", "1011"), ("email", "ann@")]))
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    let phone = field_error(&html, "phone").expect("phone error");
    assert!(phone.contains("+49"), "an example for Germany: {phone}");
    assert!(field_error(&html, "postal_code").is_some_and(|m| m.contains("five digits")), "postcode error");
    assert!(field_error(&html, "email").is_some(), "email error");
    assert!(inputs(&html, "phone").iter().any(|(v, _)| v == "call me"));
    assert!(inputs(&html, "line1").iter().any(|(v, _)| v == "1 Main Street"));
    assert_eq!(order_count(&app), 0);
}

#[tokio::test]
async fn checkout_lists_only_the_shipping_options_of_the_chosen_country() {
    let app = TestApp::spawn().await;
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let mut shopper = Shopper::default();
    shopper.add(&app, piece).await;
    let options = |html: &str| inputs(html, "shipping").into_iter().map(|(v, _)| v).collect::<Vec<_>>();

    let india = shopper.get(&app, "/checkout?country=IN").await.text().await.unwrap();
    assert_eq!(options(&india), vec!["in-courier"]);
    assert!(inputs(&india, "country").iter().any(|(v, t)| v == "IN" && t.contains("type=\"hidden\"")));
    assert!(india.contains("PIN code") && india.contains("Change country"));

    let germany = shopper.get(&app, "/checkout?country=de").await.text().await.unwrap();
    assert_eq!(options(&germany), vec!["intl-express", "intl-post"]);
    assert!(!germany.contains("Insured courier within India"));
    // The first option is chosen unless the customer picks another.
    let checked = inputs(&germany, "shipping").into_iter().filter(|(_, t)| t.contains("checked")).count();
    assert_eq!(checked, 1);

    // Without a country, the page asks for one first (a plain GET form: no JavaScript needed).
    let first = shopper.get(&app, "/checkout").await.text().await.unwrap();
    assert!(first.contains("<option value=\"IN\">India</option>"));
    assert!(first.contains("method=\"get\" action=\"/checkout\""));
    assert!(options(&first).is_empty() && inputs(&first, "line1").is_empty());
}

#[tokio::test]
async fn checkout_shows_the_total_with_shipping_before_payment() {
    let app = TestApp::spawn().await;
    let piece = app.piece(PieceFixture { price_minor: 100_000, ..PieceFixture::new("Lotus ring") });
    let mut shopper = Shopper::default();
    shopper.add(&app, piece).await;
    let html = shopper.get(&app, "/checkout?country=DE").await.text().await.unwrap();
    // The summary (express, the first option, is checked) and each option's own total.
    assert!(html.contains("Total") && html.contains("$1,045.00"), "express: $1,000 + $45");
    assert!(html.contains("$1,025.00"), "post: $1,000 + $25");
    let html = shopper.get(&app, "/checkout?country=IN").await.text().await.unwrap();
    assert!(html.contains("$1,010.00"), "India: $1,000 + $10");
    // And after a mistake, for the option the customer chose.
    let res = shopper.check_out(&app, &address_with(&[("shipping", "intl-post"), ("phone", "")])).await;
    let html = res.text().await.unwrap();
    let post = inputs(&html, "shipping").into_iter().find(|(v, _)| v == "intl-post").unwrap();
    assert!(post.1.contains("checked"), "the chosen option stays chosen");
    assert!(html.contains("$1,025.00"));
}

#[tokio::test]
async fn checkout_explains_an_unknown_country_on_the_page() {
    let app = TestApp::spawn().await;
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let mut shopper = Shopper::default();
    shopper.add(&app, piece).await;
    for path in ["/checkout?country=XX", "/checkout?country=%FF%FE", "/checkout?country="] {
        let res = shopper.get(&app, path).await;
        assert_eq!(res.status().as_u16(), 422, "{path}");
        let html = res.text().await.unwrap();
        let message = field_error(&html, "country").unwrap_or_else(|| panic!("{path}: an error next to the country"));
        assert!(message.contains("choose"), "{path}: {message}");
        assert!(html.contains("<option value=\"IN\">India</option>"), "{path}: the choice again");
    }
    // Never a bare 400 page, even for a doubled parameter.
    assert_eq!(shopper.get(&app, "/checkout?country=IN&country=DE").await.status().as_u16(), 200);
    // A posted form with a country the shop does not ship to: the same, nothing created.
    let res = shopper.check_out(&app, &address_with(&[("country", "XX")])).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(field_error(&res.text().await.unwrap(), "country").is_some());
    assert_eq!(order_count(&app), 0);
}

#[tokio::test]
async fn checkout_holds_and_the_test_payment_pays_through_fulfilment() {
    let app = TestApp::spawn().await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("mumbai@fairgold.test", "manager", Some("mumbai"));
    let a = app.piece(PieceFixture { price_minor: 120_000, ..PieceFixture::new("Lotus ring") });
    let b = app.piece(PieceFixture { price_minor: 80_000, mumbai: true, ..PieceFixture::new("Wave pendant") });
    let mut placed = place(&app, &[a, b]).await;
    assert!(placed.reference.starts_with("FG-"), "{}", placed.reference);
    assert_eq!(placed.token.len(), 22, "a 128-bit token");

    // Pending, both pieces held by this order; prices and totals from the database.
    assert_eq!(order_status(&app, placed.order_id), "pending_payment");
    assert_eq!(piece_state(&app, a), ("held".into(), Some(placed.order_id)));
    assert_eq!(piece_state(&app, b), ("held".into(), Some(placed.order_id)));
    let (total, hash): (i64, String) = app.with_conn(|c| {
        orders::table.find(placed.order_id).select((orders::total_minor, orders::status_token_hash)).first(c).unwrap()
    });
    assert_eq!(total, 120_000 + 80_000 + 4_500);
    assert_ne!(hash, placed.token, "only the token's hash is stored");
    // The attempt stores the exact request, with its idempotency key and expiry.
    let request: String = app.with_conn(|c| {
        use fairgold::schema::payment_attempts::dsl::*;
        payment_attempts.filter(order_id.eq(placed.order_id)).select(request).first(c).unwrap()
    });
    let request: fairgold::payments::CheckoutRequest = serde_json::from_str(&request).unwrap();
    assert_eq!(request.items.iter().map(|i| i.amount_minor).sum::<i64>(), total);
    assert!(request.idempotency_key.starts_with("checkout-FG-"));
    assert!(!request.success_url.contains(&placed.token), "the token is not sent to the provider");
    // The cart keeps its pieces until the payment counts (coming back from the payment page,
    // the customer finds it as it was).
    let cart = placed.shopper.get(&app, "/cart").await.text().await.unwrap();
    assert!(!cart.contains("Your cart is empty") && cart.contains("Lotus ring"), "{cart}");

    let page = placed.shopper.get(&app, &placed.pay_url.clone()).await;
    assert_eq!(page.status().as_u16(), 200);
    assert!(page.text().await.unwrap().contains("TEST PAYMENT — no money moves"));

    let res = pay(&app, &mut placed, "pay").await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"].to_str().unwrap(), format!("/orders/{}", placed.token));
    assert_eq!(order_status(&app, placed.order_id), "paid");
    assert_eq!(piece_state(&app, a), ("sold".into(), None));
    assert_eq!(piece_state(&app, b), ("sold".into(), None));
    assert_eq!(event_kinds(&app, placed.order_id), vec!["created", "paid"]);
    let mail = outbox(&app, placed.order_id);
    assert!(mail.contains(&("order_confirmation".into(), "ann@example.org".into())), "{mail:?}");
    assert!(mail.contains(&("staff_new_order".into(), "kolkata@fairgold.test".into())), "{mail:?}");
    assert!(mail.contains(&("staff_new_order".into(), "mumbai@fairgold.test".into())), "{mail:?}");
    // Bought pieces leave the cart once paid.
    let cart = placed.shopper.get(&app, "/cart").await.text().await.unwrap();
    assert!(cart.contains("Your cart is empty"), "{cart}");

    let status = app.get(&format!("/orders/{}", placed.token)).await;
    assert_eq!(status.status().as_u16(), 200);
    assert_eq!(status.headers()["cache-control"], "no-store");
    let html = status.text().await.unwrap();
    assert!(
        html.contains(&placed.reference) && html.contains("Paid") && html.contains("Payment of $2,045.00 received")
    );
    assert_eq!(app.get("/orders/not-a-real-token").await.status().as_u16(), 404);

    // The public piece page now says sold (the catalog version was bumped).
    let slug: String = app.with_conn(|c| pieces::table.find(a).select(pieces::slug).first(c).unwrap());
    assert!(app.page(&format!("/pieces/{slug}"), 200).await.contains("<strong>Sold</strong>"));
}

#[tokio::test]
async fn a_failed_test_payment_cancels_and_puts_the_piece_back() {
    let app = TestApp::spawn().await;
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let mut placed = place(&app, &[piece]).await;
    let res = pay(&app, &mut placed, "fail").await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(order_status(&app, placed.order_id), "cancelled");
    assert_eq!(piece_state(&app, piece), ("listed".into(), None));
    assert!(outbox(&app, placed.order_id).contains(&("payment_failed".into(), "ann@example.org".into())));
    // Paying afterwards (the piece is still free) is a late payment that still counts.
    let html = app.page(&format!("/orders/{}", placed.token), 200).await;
    assert!(html.contains("Cancelled"));
}

#[tokio::test]
async fn an_expired_hold_is_taken_over_by_another_checkout() {
    let app = TestApp::spawn().await;
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let first = place(&app, &[piece]).await;
    // A second buyer while the hold is live: just sold.
    let mut second = Shopper::default();
    assert_eq!(second.add(&app, piece).await.status().as_u16(), 409, "a held piece cannot be added");
    expire_hold(&app, piece);
    let taker = place(&app, &[piece]).await;
    assert_eq!(piece_state(&app, piece), ("held".into(), Some(taker.order_id)));
    assert_ne!(first.order_id, taker.order_id);
    // The first order's expiry releases nothing that is no longer its own.
    app.with_conn(|c| fulfilment::payment_failed(c, first.order_id, Unpaid::SessionExpired, "test", now())).unwrap();
    assert_eq!(piece_state(&app, piece), ("held".into(), Some(taker.order_id)));
}

#[tokio::test]
async fn the_return_from_the_payment_page_finds_the_order_by_cookie_only() {
    let app = TestApp::spawn().await;
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let mut placed = place(&app, &[piece]).await;
    let path = format!("/checkout/complete/{}", placed.reference);
    let res = placed.shopper.get(&app, &path).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"].to_str().unwrap(), format!("/orders/{}", placed.token));
    // Someone else who knows (or guesses) the reference learns nothing.
    let res = app.get(&path).await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(!res.text().await.unwrap().contains(&placed.token));
    // And the return page fulfils nothing by itself.
    assert_eq!(order_status(&app, placed.order_id), "pending_payment");
}

#[tokio::test]
async fn cross_site_checkout_posts_are_refused() {
    let app = TestApp::spawn().await;
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let mut shopper = Shopper::default();
    shopper.add(&app, piece).await;
    let res = app
        .client
        .post(format!("{}/checkout", app.address))
        .header("Cookie", shopper.cookies.join("; "))
        .header("Sec-Fetch-Site", "cross-site")
        .form(ADDRESS)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(order_count(&app), 0);
}

#[tokio::test]
async fn fifty_concurrent_checkouts_of_the_last_piece_hold_and_sell_it_once() {
    let app = TestApp::spawn().await;
    let piece = app.piece(PieceFixture::new("The last ring"));
    // 50 visitors, each with their own cart holding the same piece.
    let mut shoppers = Vec::new();
    for _ in 0..50 {
        let mut s = Shopper::default();
        assert_eq!(s.add(&app, piece).await.status().as_u16(), 303);
        shoppers.push(s);
    }
    let app = std::sync::Arc::new(app);
    let start = std::sync::Arc::new(tokio::sync::Barrier::new(50));
    let mut tasks = Vec::new();
    for mut s in shoppers {
        let (app, start) = (app.clone(), start.clone());
        tasks.push(tokio::spawn(async move {
            start.wait().await;
            let res = s.check_out(&app, ADDRESS).await;
            let status = res.status().as_u16();
            (status, res.text().await.unwrap())
        }));
    }
    let mut won = 0;
    let mut just_sold = 0;
    for t in tasks {
        let (status, body) = t.await.unwrap();
        match status {
            303 => won += 1,
            409 => {
                assert!(body.contains("Just sold"), "{body}");
                just_sold += 1;
            }
            other => panic!("unexpected status {other}: {body}"),
        }
    }
    assert_eq!((won, just_sold), (1, 49));
    // Exactly one order exists and holds the piece (the losers rolled back entirely).
    let order_ids: Vec<i64> = app.with_conn(|c| orders::table.select(orders::id).load(c).unwrap());
    assert_eq!(order_ids.len(), 1);
    assert_eq!(piece_state(&app, piece), ("held".into(), Some(order_ids[0])));

    // Paying every order 50 times over, concurrently: one payment applies, the piece sold once.
    let mut threads = Vec::new();
    for i in 0..50 {
        let pool = app.pool.clone();
        let id = order_ids[i % order_ids.len()];
        threads.push(std::thread::spawn(move || {
            let mut conn = pool.get().unwrap();
            report_payment(&mut conn, id, "pi_race", 54_500)
        }));
    }
    let outcomes: Vec<PaymentOutcome> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    assert_eq!(outcomes.iter().filter(|o| **o == PaymentOutcome::Paid).count(), 1, "{outcomes:?}");
    assert!(outcomes.iter().all(|o| matches!(o, PaymentOutcome::Paid | PaymentOutcome::AlreadyApplied)));
    let paid: i64 = app.with_conn(|c| orders::table.filter(orders::status.eq("paid")).count().get_result(c).unwrap());
    assert_eq!(paid, 1);
    assert_eq!(piece_state(&app, piece), ("sold".into(), None));
    let confirmations = outbox(&app, order_ids[0]).iter().filter(|(k, _)| k == "order_confirmation").count();
    assert_eq!(confirmations, 1, "one confirmation email");
}

#[tokio::test]
async fn the_test_payment_page_is_refused_in_production() {
    let app = TestApp::spawn_with(&[
        ("env", "production"),
        ("base_url", "https://shop.example"),
        ("stripe_secret_key", "sk_test_not_used"),
        ("stripe_webhook_secret", "whsec_not_used"),
        ("invoice.seller_name", "Fairgold Artisan Cooperative"),
        ("invoice.gstin", "19AAACF1234K1ZR"),
        ("invoice.registered_office", "4 Park Street, Kolkata 700016, West Bengal"),
        ("invoice.lut_number", "AD190326001234X"),
        ("mail.transport", "smtp"),
        ("mail.smtp_url", "smtps://127.0.0.1:2"),
    ])
    .await;
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    // An order whose token we know, placed directly (production would send it to Stripe).
    let placed = app.with_conn(|c| {
        let key = "k".repeat(64);
        fairgold::cart::queries::ensure(c, &key, now()).unwrap();
        fairgold::cart::queries::add(c, &key, piece, now()).unwrap();
        let zones = fairgold::config::ShippingZone::defaults(fairgold::money::Currency::Usd);
        let form = fairgold::checkout::input::CheckoutForm {
            email: "ann@example.org".into(),
            name: "Ann".into(),
            line1: "1 Main St".into(),
            city: "Berlin".into(),
            postal_code: "10115".into(),
            country: "DE".into(),
            phone: "+49 30 1234567".into(),
            ..Default::default()
        };
        let input = form.parse(&zones).unwrap();
        let limits = fairgold::config::CheckoutSettings::default();
        let cx = fairgold::checkout::service::OrderContext {
            currency: fairgold::money::Currency::Usd,
            base_url: "https://shop.example",
            cipher: &app.cipher,
            provider: "development",
            limits: &limits,
            client_key: None,
            lang: fairgold::i18n::Lang::En,
            terms: fairgold::pricing::presentment::Terms {
                base: fairgold::money::Currency::Usd,
                rounding: fairgold::money::Rounding::Whole,
                max_age_days: 7,
            },
            chosen: fairgold::money::Currency::Usd,
            chosen_explicitly: false,
        };
        fairgold::checkout::service::place_order(c, &key, &input, &cx, now()).unwrap()
    });
    let path = format!("/checkout/test-payment/{}?token={}", placed.reference, placed.status_token);
    assert_eq!(app.get(&path).await.status().as_u16(), 404);
    let res = Shopper::default()
        .post(
            &app,
            &format!("/checkout/test-payment/{}", placed.reference),
            &[("token", &placed.status_token), ("outcome", "pay")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 404);
    assert_eq!(order_status(&app, placed.order_id), "pending_payment");
}

#[tokio::test]
async fn a_form_on_a_no_referrer_page_posts_origin_null_and_is_judged_by_sec_fetch_site() {
    // The test-payment page carries a token, so it is sent with `Referrer-Policy: no-referrer`,
    // and a browser then posts its form with `Origin: null`.
    let app = TestApp::spawn().await;
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let placed = place(&app, &[piece]).await;
    let post = |site: Option<&'static str>| {
        let mut req = app
            .client
            .post(format!("{}/checkout/test-payment/{}", app.address, placed.reference))
            .header("Origin", "null")
            .form(&[("token", placed.token.as_str()), ("outcome", "pay")]);
        if let Some(site) = site {
            req = req.header("Sec-Fetch-Site", site);
        }
        req.send()
    };
    assert_eq!(post(None).await.unwrap().status().as_u16(), 403, "no way to tell where it came from");
    assert_eq!(post(Some("cross-site")).await.unwrap().status().as_u16(), 403);
    assert_eq!(order_status(&app, placed.order_id), "pending_payment");
    assert_eq!(post(Some("same-origin")).await.unwrap().status().as_u16(), 303, "the shop's own page");
    assert_eq!(order_status(&app, placed.order_id), "paid");
}
