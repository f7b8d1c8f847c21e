//! Issue 15.1: buyers see and pay prices in their own currency. The shop's prices stay in its
//! base currency (US dollars in these tests); finance records rupee rates per day with their
//! source, and a buyer's currency is offered only with a recent rate. A German buyer's order is
//! charged in euros at the recorded cross rate (rounded to whole euros), Stripe is asked for
//! exactly that, the paid webhook matches it, and the makers' sale bonus converts at the rate
//! the order recorded, not at one finance records later for the payment day.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use fairgold::audit::Actor;
use fairgold::money::Currency;
use fairgold::schema::{ledger_entries, order_charges, orders};
use fairgold::wages::service;
use fairgold::wages::types::{india_date, PositiveDecimal};
use rust_decimal::Decimal;

use crate::checkout::{Shopper, ADDRESS};
use crate::helpers::{now, ArtisanFixture, PieceFixture, TestApp};
use crate::stripe_fixtures::{field, form};
use crate::webhooks::{self, session_event, Order};

/// $123.45, made by one Kolkata artisan (so a sale bonus is posted when it is paid).
const PRICE_MINOR: i64 = 12_345;

fn rate(app: &TestApp, currency: Currency, on: chrono::NaiveDate, inr_per_unit: &str, source: &str) {
    let r = PositiveDecimal::rate(inr_per_unit).unwrap();
    app.with_conn(|c| service::record_rate_from(c, &Actor::system("finance test"), currency, on, r, source, now()))
        .expect("record a rate");
}

fn yesterday() -> chrono::NaiveDate {
    Utc::now().date_naive() - Duration::days(1)
}

/// A listed piece with a maker, and yesterday's rates: ₹83 a dollar, ₹90 a euro.
fn shop_with_rates(app: &TestApp) -> i64 {
    let (maker, _) = app.artisan(ArtisanFixture { alias: "Maker E", ..ArtisanFixture::default() });
    let piece = app.piece(PieceFixture {
        price_minor: PRICE_MINOR,
        makers: vec![(maker, 600)],
        ..PieceFixture::new("Euro ring")
    });
    rate(app, Currency::Usd, yesterday(), "83", "RBI reference rate");
    rate(app, Currency::Eur, yesterday(), "90", "RBI reference rate");
    piece
}

/// Whole euros of a dollar amount at 83/90 € per $ (0.9222222222 as recorded), half up.
fn euros(usd_minor: i64) -> i64 {
    let rate: Decimal = "0.9222222222".parse().unwrap();
    let major = Decimal::from(usd_minor) * rate / Decimal::ONE_HUNDRED;
    major
        .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .try_into()
        .map(|v: i64| v * 100)
        .unwrap()
}

#[tokio::test]
async fn a_euro_buyer_is_charged_in_euros_at_the_recorded_rate_and_the_bonus_keeps_that_rate() {
    let shop = webhooks::shop().await;
    let app = &shop.app;
    let piece = shop_with_rates(app);

    // The German buyer's browser asks for German; the piece page shows euros.
    let mut buyer = Shopper::default();
    let res = app
        .client
        .get(format!("{}/pieces/euro-ring", app.address))
        .header("Accept-Language", "de-DE,de;q=0.9,en;q=0.8")
        .send()
        .await
        .unwrap();
    let html = res.text().await.unwrap();
    let shown = fairgold::money::Money::new(euros(PRICE_MINOR), Currency::Eur).to_string();
    assert_eq!(shown, "€114.00", "123.45 × 0.9222… = 113.85 → 114 whole euros");
    assert!(html.contains(&shown), "the piece page shows euros");
    assert!(html.contains("<option value=\"EUR\" selected>"), "the switcher says EUR");

    // They choose euros with the switcher (no script: a form), then buy.
    let res = buyer.post(app, "/currency", &[("currency", "EUR"), ("back", "/pieces/euro-ring")]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"], "/pieces/euro-ring");
    assert!(buyer.cookies.iter().any(|c| c == "currency=EUR"), "{:?}", buyer.cookies);
    assert_eq!(buyer.add(app, piece).await.status().as_u16(), 303);
    let cart = buyer.get(app, "/cart").await.text().await.unwrap();
    assert!(cart.contains("€114.00"), "the cart is in euros");
    let res = buyer.check_out(app, ADDRESS).await;
    assert_eq!(res.status().as_u16(), 303, "to Stripe: {}", res.text().await.unwrap_or_default());
    let session = res.headers()["location"].to_str().unwrap().rsplit('/').next().unwrap().to_string();

    // Stripe was asked for euros: each line converted and rounded on its own.
    let (order_id, reference, base_total, shipping): (i64, String, i64, i64) = app.with_conn(|c| {
        orders::table
            .filter(orders::checkout_session_id.eq(&session))
            .select((orders::id, orders::reference, orders::total_minor, orders::shipping_minor))
            .first(c)
            .unwrap()
    });
    assert_eq!(base_total, PRICE_MINOR + shipping, "the order itself stays in dollars");
    let requests = shop.stripe.received_requests().await.unwrap();
    let created = requests.iter().find(|r| r.url.path() == "/v1/checkout/sessions").expect("a session was created");
    let fields = form(created);
    assert_eq!(field(&fields, "line_items[0][price_data][currency]"), Some("eur"));
    assert_eq!(field(&fields, "line_items[0][price_data][unit_amount]"), Some("11400"));
    let shipping_eur = euros(shipping);
    assert_eq!(field(&fields, "line_items[1][price_data][currency]"), Some("eur"));
    assert_eq!(field(&fields, "line_items[1][price_data][unit_amount]"), Some(shipping_eur.to_string().as_str()));
    let charged_total = 11_400 + shipping_eur;

    // The order keeps what it charged, at which rate, of which day, from where.
    let (currency, amount, rate_text, rate_date, source): (String, i64, String, chrono::NaiveDate, String) = app
        .with_conn(|c| {
            order_charges::table
                .find(order_id)
                .select((
                    order_charges::currency,
                    order_charges::amount_minor,
                    order_charges::rate,
                    order_charges::rate_date,
                    order_charges::rate_source,
                ))
                .first(c)
                .unwrap()
        });
    assert_eq!((currency.as_str(), amount, rate_text.as_str()), ("EUR", charged_total, "0.9222222222"));
    assert_eq!(rate_date, yesterday());
    assert!(source.contains("RBI reference rate"), "{source}");

    // Finance records other rates for the payment day before the money arrives.
    let today = india_date(now());
    rate(app, Currency::Usd, today, "85", "bank TT rate");
    rate(app, Currency::Eur, today, "95", "bank TT rate");

    // Stripe reports the payment in euros: it matches the charge and the order is paid.
    let order = Order {
        id: order_id,
        session: session.clone(),
        reference,
        total: charged_total,
        payment_intent: format!("pi_test_{order_id}_eur"),
    };
    let body = session_event("checkout.session.completed", &order, true)
        .replace("\"currency\":\"usd\"", "\"currency\":\"eur\"");
    assert!(body.contains("\"currency\":\"eur\""), "the event names euros");
    assert_eq!(shop.send(&body).await, 200);
    let (status, received): (String, i64) = app
        .with_conn(|c| orders::table.find(order_id).select((orders::status, orders::received_minor)).first(c).unwrap());
    assert_eq!(status, "paid", "the euro payment matched its charge");
    assert_eq!(received, base_total, "received, in the order's dollars");

    // The bonus: the piece's dollars at the ₹83 the order recorded, not the payment day's ₹85.
    let bonus: i64 = app
        .with_conn(|c| {
            ledger_entries::table
                .filter(ledger_entries::order_id.eq(order_id))
                .filter(ledger_entries::kind.eq("sale_bonus"))
                .select(ledger_entries::amount_minor)
                .load::<i64>(c)
                .unwrap()
        })
        .iter()
        .sum();
    let center = app.kolkata;
    let policy = app.with_conn(|c| fairgold::wages::policy::at(c, center, today)).unwrap().expect("a wage policy");
    let at_recorded = policy.sale_bonus(PRICE_MINOR, Decimal::from(83)).unwrap();
    let at_payment_day = policy.sale_bonus(PRICE_MINOR, Decimal::from(85)).unwrap();
    assert!(at_recorded > 0 && at_recorded != at_payment_day);
    assert_eq!(bonus, at_recorded, "the bonus converts at the order's recorded rate");
}

#[tokio::test]
async fn a_payment_in_the_base_currency_for_a_euro_order_does_not_count() {
    let shop = webhooks::shop().await;
    let app = &shop.app;
    let piece = shop_with_rates(app);
    let mut buyer = Shopper::default();
    buyer.cookies.push("currency=EUR".into());
    assert_eq!(buyer.add(app, piece).await.status().as_u16(), 303);
    let res = buyer.check_out(app, ADDRESS).await;
    assert_eq!(res.status().as_u16(), 303);
    let session = res.headers()["location"].to_str().unwrap().rsplit('/').next().unwrap().to_string();
    let (id, reference, total): (i64, String, i64) = app.with_conn(|c| {
        orders::table
            .filter(orders::checkout_session_id.eq(&session))
            .select((orders::id, orders::reference, orders::total_minor))
            .first(c)
            .unwrap()
    });
    // The dollar total in dollars: not what this order asked Stripe for.
    let order = Order { id, session, reference, total, payment_intent: format!("pi_test_{id}_usd") };
    assert_eq!(shop.send(&session_event("checkout.session.completed", &order, true)).await, 200);
    let status: String = app.with_conn(|c| orders::table.find(id).select(orders::status).first(c).unwrap());
    assert_eq!(status, "needs_review");
}

/// Two visitors at one URL, each in their own currency, served from the page cache.
#[tokio::test]
async fn each_visitor_sees_their_own_currency_on_the_same_cached_page() {
    let app = TestApp::spawn().await;
    shop_with_rates(&app);
    let get = |cookie: Option<&'static str>, lang: Option<&'static str>| {
        let mut req = app.client.get(format!("{}/pieces", app.address));
        if let Some(c) = cookie {
            req = req.header("Cookie", c);
        }
        if let Some(l) = lang {
            req = req.header("Accept-Language", l);
        }
        async move { req.send().await.unwrap().text().await.unwrap() }
    };
    // 123.45 × 83 = ₹10,246.35 → whole rupees.
    for _ in 0..2 {
        let eur = get(Some("currency=EUR"), Some("en-IN")).await;
        assert!(eur.contains("€114.00") && !eur.contains("₹10,246.00"), "the cookie wins over the language");
        assert!(eur.contains("Min price (EUR)"), "the filter's label names the currency");
        let inr = get(None, Some("en-IN,en;q=0.9")).await;
        assert!(inr.contains("₹10,246.00") && !inr.contains("€114.00"), "India sees rupees");
        assert!(inr.contains("Min price (INR)"));
        let usd = get(None, None).await;
        assert!(usd.contains("$123.45") && usd.contains("Min price (USD)"), "no preference: the shop's dollars");
    }
    // A price filter typed in euros selects by the euro price shown.
    let in_euros = |query: &'static str| {
        let req = app.client.get(format!("{}/pieces?{query}", app.address)).header("Cookie", "currency=EUR");
        async move { req.send().await.unwrap().text().await.unwrap() }
    };
    assert!(in_euros("price_min=114&price_max=114").await.contains("€114.00"), "€114 is within 114–114");
    assert!(!in_euros("price_min=115").await.contains("Euro ring"), "nothing from €115");
    assert!(!in_euros("price_max=113").await.contains("Euro ring"), "nothing up to €113");
}

#[tokio::test]
async fn a_currency_without_a_recent_rate_is_not_offered_and_checkout_refuses_it() {
    let app = TestApp::spawn().await;
    let piece = shop_with_rates(&app);
    // A pound rate too old to use (the default limit is 7 days).
    rate(&app, Currency::Gbp, Utc::now().date_naive() - Duration::days(30), "105", "old");
    let html = app
        .client
        .get(format!("{}/pieces/euro-ring", app.address))
        .header("Cookie", "currency=GBP")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<option value=\"EUR\"") && html.contains("<option value=\"INR\""));
    assert!(!html.contains("<option value=\"GBP\"") && !html.contains("<option value=\"CAD\""), "no rate, no choice");
    assert!(html.contains("$123.45"), "the shop's own prices instead");

    let mut buyer = Shopper::default();
    buyer.cookies.push("currency=GBP".into());
    assert_eq!(buyer.add(&app, piece).await.status().as_u16(), 303);
    let res = buyer.check_out(&app, ADDRESS).await;
    assert_eq!(res.status().as_u16(), 409);
    let page = res.text().await.unwrap();
    assert!(page.contains("We cannot take payment in GBP today"), "{page}");
    let orders: i64 = app.with_conn(|c| orders::table.count().get_result(c).unwrap());
    assert_eq!(orders, 0, "nothing was ordered");
}
