//! Issue 9: holds that cannot be hoarded, a cart's new checkout replacing its earlier one, and
//! the sweeper that ends what can no longer be paid — on the piece page, the catalog and the API
//! at once — and closes abandoned payment sessions at Stripe (a loopback fake).

use std::time::{Duration, Instant};

use diesel::prelude::*;
use fairgold::schema::{orders, pieces};

use crate::checkout::{order_status, piece_state, Shopper, ADDRESS};
use crate::helpers::{now, PieceFixture, TestApp};
use crate::webhooks::{listed, shop_with, Shop};

fn pieces(app: &TestApp, n: usize) -> Vec<i64> {
    (0..n).map(|i| app.piece(PieceFixture::new(&format!("Hoard ring {i}")))).collect()
}

async fn cart_of(app: &TestApp, shopper: &mut Shopper, pieces: &[i64]) {
    for p in pieces {
        assert_eq!(shopper.add(app, *p).await.status().as_u16(), 303, "add {p}");
    }
}

fn orders_count(app: &TestApp) -> i64 {
    app.with_conn(|c| orders::table.count().get_result(c).unwrap())
}

fn held(app: &TestApp) -> i64 {
    app.with_conn(|c| pieces::table.filter(pieces::status.eq("held")).count().get_result(c).unwrap())
}

#[tokio::test]
async fn one_client_cannot_reserve_the_whole_shop() {
    let app = TestApp::spawn().await;
    let all = pieces(&app, 12);
    // One cart with six pieces: refused, and says why; nothing is held.
    let mut hoarder = Shopper::from_address("100.64.0.7");
    cart_of(&app, &mut hoarder, &all[..6]).await;
    let res = hoarder.check_out(&app, ADDRESS).await;
    assert_eq!(res.status().as_u16(), 429);
    let page = res.text().await.unwrap();
    assert!(page.contains("at most 5 pieces"), "{page}");
    assert_eq!((orders_count(&app), held(&app)), (0, 0));
    // Five is fine.
    assert_eq!(hoarder.post(&app, "/cart/remove", &[("piece_id", &all[5].to_string())]).await.status().as_u16(), 303);
    assert_eq!(hoarder.check_out(&app, ADDRESS).await.status().as_u16(), 303);
    assert_eq!(held(&app), 5);
    // A second cart from the same address cannot hold more while those are held.
    let mut again = Shopper::from_address("100.64.0.7");
    cart_of(&app, &mut again, &all[6..7]).await;
    let res = again.check_out(&app, ADDRESS).await;
    assert_eq!(res.status().as_u16(), 429);
    assert!(res.text().await.unwrap().contains("already has 5 piece(s) reserved"));
    assert_eq!(held(&app), 5);
    // Someone else still can buy.
    let mut buyer = Shopper::from_address("100.65.1.1");
    cart_of(&app, &mut buyer, &all[6..7]).await;
    assert_eq!(buyer.check_out(&app, ADDRESS).await.status().as_u16(), 303);
    assert_eq!(held(&app), 6);
}

#[tokio::test]
async fn checkouts_from_one_address_are_limited_per_hour() {
    let app = TestApp::spawn().await;
    let piece = pieces(&app, 1)[0];
    let mut shopper = Shopper::from_address("100.64.9.9");
    cart_of(&app, &mut shopper, &[piece]).await;
    // The same cart checked out ten times (each replaces the one before): allowed.
    for i in 0..10 {
        assert_eq!(shopper.check_out(&app, ADDRESS).await.status().as_u16(), 303, "checkout {i}");
    }
    let res = shopper.check_out(&app, ADDRESS).await;
    assert_eq!(res.status().as_u16(), 429);
    assert!(res.text().await.unwrap().contains("Too many checkouts from your network"));
    assert_eq!(orders_count(&app), 10);
    // Only the last one holds the piece; the nine before it were replaced and released it.
    let pending: Vec<i64> = app
        .with_conn(|c| orders::table.filter(orders::status.eq("pending_payment")).select(orders::id).load(c).unwrap());
    assert_eq!(pending.len(), 1);
    assert_eq!(piece_state(&app, piece), ("held".into(), Some(pending[0])));
}

async fn expire_calls(shop: &Shop) -> Vec<String> {
    shop.stripe
        .received_requests()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.url.path().ends_with("/expire"))
        .map(|r| r.url.path().to_string())
        .collect()
}

async fn eventually<F: Fn() -> bool>(what: &str, within: Duration, done: F) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < within, "{what}: not within {within:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn the_same_cart_checks_out_again_and_its_earlier_session_is_closed() {
    let shop = shop_with(&[]).await;
    let app = &shop.app;
    let piece = listed(app, "Lotus ring");
    let mut shopper = Shopper::default();
    cart_of(app, &mut shopper, &[piece]).await;
    let first = shopper.check_out(app, ADDRESS).await;
    assert_eq!(first.status().as_u16(), 303);
    let first_session = first.headers()["location"].to_str().unwrap().rsplit('/').next().unwrap().to_string();
    // Back from Stripe without paying: the cart still has the piece, reserved for them.
    let cart = shopper.get(app, "/cart").await.text().await.unwrap();
    assert!(cart.contains("Reserved for you") && !cart.contains("Just sold"), "{cart}");
    let second = shopper.check_out(app, ADDRESS).await;
    assert_eq!(second.status().as_u16(), 303, "their own retry is not told the piece went to someone else");
    let orders: Vec<(i64, String)> =
        app.with_conn(|c| orders::table.order(orders::id).select((orders::id, orders::status)).load(c).unwrap());
    assert_eq!(orders.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>(), vec!["cancelled", "pending_payment"]);
    assert_eq!(piece_state(app, piece), ("held".into(), Some(orders[1].0)));
    // The replaced session is expired at Stripe, so it cannot be paid any more.
    let expected = format!("/v1/checkout/sessions/{first_session}/expire");
    let start = Instant::now();
    while !expire_calls(&shop).await.contains(&expected) {
        assert!(start.elapsed() < Duration::from_secs(5), "the replaced session was not expired");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn an_expired_hold_is_swept_and_the_piece_shows_as_available_at_once() {
    let shop = shop_with(&[("checkout.sweep_interval_ms", "100")]).await;
    let app = &shop.app;
    let piece = listed(app, "Lotus ring");
    let slug: String = app.with_conn(|c| pieces::table.find(piece).select(pieces::slug).first(c).unwrap());
    let order = shop.order(piece).await;
    // Public pages (cached) say reserved.
    assert!(app.page(&format!("/pieces/{slug}"), 200).await.contains("Reserved"));
    // The hold runs out (as 45 minutes would).
    app.with_conn(|c| {
        let past = now() - chrono::Duration::minutes(1);
        diesel::update(orders::table.find(order.id)).set(orders::hold_expires_at.eq(past)).execute(c).unwrap();
        diesel::update(pieces::table.find(piece)).set(pieces::hold_expires_at.eq(Some(past))).execute(c).unwrap();
    });
    eventually("the order is cancelled", Duration::from_secs(5), || order_status(app, order.id) == "cancelled").await;
    assert_eq!(piece_state(app, piece), ("listed".into(), None));
    assert!(app.page(&format!("/pieces/{slug}"), 200).await.contains("Add to cart"), "the piece page");
    assert!(app.page("/pieces", 200).await.contains(&slug), "the catalog");
    let json = app.json(&format!("/api/v1/pieces/{slug}"), 200).await;
    assert_eq!(json["available"], true, "the API");
    assert!(shop.timeline(order.id).contains(&"expired".to_string()));
    // Its session is closed at Stripe too.
    let expected = format!("/v1/checkout/sessions/{}/expire", order.session);
    let start = Instant::now();
    while !expire_calls(&shop).await.contains(&expected) {
        assert!(start.elapsed() < Duration::from_secs(5), "the session was not expired");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn an_order_stranded_before_payment_is_swept() {
    let app =
        TestApp::spawn_with(&[("checkout.sweep_interval_ms", "100"), ("checkout.stranded_after_seconds", "15")]).await;
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    // Placed, holds taken, and then the instance stopped before sending the customer to pay:
    // the order has no payment session.
    let placed = app.with_conn(|c| {
        let key = "s".repeat(64);
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
        let limits = fairgold::config::CheckoutSettings::default();
        let cx = fairgold::checkout::service::OrderContext {
            currency: fairgold::money::Currency::Usd,
            base_url: "http://127.0.0.1",
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
        let earlier = now() - chrono::Duration::seconds(20);
        fairgold::checkout::service::place_order(c, &key, &form.parse(&zones).unwrap(), &cx, earlier).unwrap()
    });
    assert_eq!(piece_state(&app, piece), ("held".into(), Some(placed.order_id)));
    eventually("the stranded order is cancelled", Duration::from_secs(5), || {
        order_status(&app, placed.order_id) == "cancelled"
    })
    .await;
    assert_eq!(piece_state(&app, piece), ("listed".into(), None));
}
