//! Issue 15.1–15.2 for a buyer who paid in euros in a rupee shop: the tax invoice stays in
//! rupees (the GST base) and states what was charged in euros, at which rate, of which day and
//! from where; refunds are asked of Stripe (the loopback fake) in euros and credit notes stay in
//! rupees, stating the euros given back.
//!
//! The conversion of a refund is explicit: staff refund rupees; Stripe is asked for the
//! difference of the converted running totals (`Charged::to_charged` of what was refunded
//! before and after), each rounded half away from zero to the cent — the one rounding rule of
//! every conversion (`money::proportional`). The running total keeps the refunds of one order
//! from drifting: however a refund is cut into parts, their euros add up to the euros of the
//! whole, and all of it is exactly the amount charged, never a cent more.

use diesel::prelude::*;
use fairgold::audit::Actor;
use fairgold::money::Currency;
use fairgold::schema::{order_charges, orders, pieces};
use fairgold::wages::types::PositiveDecimal;
use std::sync::atomic::{AtomicUsize, Ordering};
use wiremock::matchers::{method, path};
use wiremock::{Mock, Respond, ResponseTemplate};

use crate::checkout::{Shopper, ADDRESS};
use crate::helpers::{csrf_in, now, PieceFixture, Session};
use crate::stripe_fixtures::{field, fixture, form};
use crate::webhooks::{self, session_event, Order, Shop};

/// ₹10,000.00; express shipping to Germany is ₹3,600.00 in a rupee shop (the defaults × 80).
const PRICE_MINOR: i64 = 1_000_000;
const SHIPPING_MINOR: i64 = 360_000;
/// At ₹90.21 a euro (0.0110852455 € per ₹ as kept), whole euros: €110.85 → €111 and
/// €39.91 → €40.
const CHARGED_MINOR: i64 = 15_100;

fn yesterday() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive() - chrono::Duration::days(1)
}

/// A rupee shop with yesterday's euro rate, Stripe faked, and a German buyer's order paid in
/// euros through the webhook. Returns the shop, the order and a signed-in admin.
async fn paid_euro_order() -> (Shop, Order, Session) {
    let shop = webhooks::shop_with(&[("shop.currency", "INR")]).await;
    // Stripe names every refund anew (the shared fake answers one fixture for all).
    Mock::given(method("POST"))
        .and(path("/v1/refunds"))
        .respond_with(EachRefundItsOwnId(AtomicUsize::new(1)))
        .with_priority(1)
        .mount(&shop.stripe)
        .await;
    let app = &shop.app;
    let piece = app.piece(PieceFixture { price_minor: PRICE_MINOR, ..PieceFixture::new("Euro ring") });
    app.with_conn(|c| {
        // The fixtures are priced in dollars: this shop's pieces are in rupees.
        diesel::update(pieces::table.find(piece)).set(pieces::currency.eq("INR")).execute(c).unwrap();
        fairgold::web::page_cache::bump_version(c).unwrap();
        let rate = PositiveDecimal::rate("90.21").unwrap();
        let actor = Actor::system("finance test");
        fairgold::wages::service::record_rate_from(
            c,
            &actor,
            Currency::Eur,
            yesterday(),
            rate,
            "RBI reference rate",
            now(),
        )
        .unwrap();
    });
    let mut buyer = Shopper::default();
    buyer.cookies.push("currency=EUR".into());
    assert_eq!(buyer.add(app, piece).await.status().as_u16(), 303);
    let res = buyer.check_out(app, ADDRESS).await;
    assert_eq!(res.status().as_u16(), 303, "to Stripe: {}", res.text().await.unwrap_or_default());
    let session = res.headers()["location"].to_str().unwrap().rsplit('/').next().unwrap().to_string();
    let (id, reference, total, shipping): (i64, String, i64, i64) = app.with_conn(|c| {
        orders::table
            .filter(orders::checkout_session_id.eq(&session))
            .select((orders::id, orders::reference, orders::total_minor, orders::shipping_minor))
            .first(c)
            .unwrap()
    });
    assert_eq!((total, shipping), (PRICE_MINOR + SHIPPING_MINOR, SHIPPING_MINOR), "the order is in rupees");
    let charged: (String, i64) = app.with_conn(|c| {
        order_charges::table.find(id).select((order_charges::currency, order_charges::amount_minor)).first(c).unwrap()
    });
    assert_eq!(charged, ("EUR".to_string(), CHARGED_MINOR));
    let order = Order { id, session, reference, total: CHARGED_MINOR, payment_intent: format!("pi_test_{id}_eur") };
    let body = session_event("checkout.session.completed", &order, true)
        .replace("\"currency\":\"usd\"", "\"currency\":\"eur\"");
    assert_eq!(shop.send(&body).await, 200);
    assert_eq!(shop.order_state(id).0, "paid");
    app.staff("admin@fairgold.test", "admin", None);
    let admin = app.sign_in("admin@fairgold.test").await;
    (shop, order, admin)
}

/// The refund fixture with a new id each time, as Stripe answers.
struct EachRefundItsOwnId(AtomicUsize);

impl Respond for EachRefundItsOwnId {
    fn respond(&self, _: &wiremock::Request) -> ResponseTemplate {
        let n = self.0.fetch_add(1, Ordering::SeqCst);
        let mut body = fixture("refund.json");
        body["id"] = format!("re_test_euro_{n}").into();
        ResponseTemplate::new(200).set_body_json(body)
    }
}

/// Staff refund `amount` rupees ("" = all that is left) from the order's back-office page.
async fn refund(shop: &Shop, admin: &Session, id: i64, amount: &str) {
    let app = &shop.app;
    let page = app.get_as(&format!("/admin/orders/{id}"), admin).await.text().await.unwrap();
    let key = page.split("name=\"idempotency_key\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    assert!(csrf_in(&page).is_some());
    let form = [("amount", amount), ("reason", "customer returned it"), ("idempotency_key", key.as_str())];
    let res = app.post_form(&format!("/admin/orders/{id}/refund"), Some(admin), &form).await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap_or_default());
}

/// The amounts (minor units) Stripe was asked to refund, in order.
async fn asked(shop: &Shop) -> Vec<i64> {
    shop.refund_requests()
        .await
        .iter()
        .map(|r| field(&form(r), "amount").expect("an amount").parse::<i64>().unwrap())
        .collect()
}

/// The text a reader sees on a page: tags dropped, entities decoded, spaces collapsed.
fn text_of(html: &str) -> String {
    let no_tags = regex_lite::Regex::new(r"<[^>]*>").unwrap().replace_all(html, " ");
    let decoded = no_tags
        .replace("&#x2F;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The order's documents as (id, kind, total in rupees).
fn documents(shop: &Shop, order_id: i64) -> Vec<(i64, String, i64, String)> {
    use fairgold::schema::invoices;
    shop.app.with_conn(|c| {
        invoices::table
            .filter(invoices::order_id.eq(order_id))
            .order(invoices::id)
            .select((invoices::id, invoices::kind, invoices::total_minor, invoices::currency))
            .load(c)
            .unwrap()
    })
}

#[tokio::test]
async fn the_invoice_of_a_euro_order_stays_in_rupees_and_states_the_euros_charged_and_the_rate() {
    let (shop, order, admin) = paid_euro_order().await;
    let docs = documents(&shop, order.id);
    assert_eq!(docs.len(), 1);
    assert_eq!((docs[0].2, docs[0].3.as_str()), (PRICE_MINOR + SHIPPING_MINOR, "INR"), "the GST base is rupees");
    let page = shop.app.get_as(&format!("/admin/orders/{}/invoice", order.id), &admin).await.text().await.unwrap();
    let text = text_of(&page);
    let day = yesterday();
    for expected in [
        "Currency INR".to_string(),
        "Total ₹13,600.00".to_string(),
        // The option in words, as the buyer chose it, not its code.
        "Shipping and insurance (Insured express courier, 5–8 working days)".to_string(),
        format!(
            "Amounts above are in INR. Charged EUR 151.00 at 1 EUR = ₹90.21 (rate of {day}, source: EUR {day} (RBI \
             reference rate))."
        ),
    ] {
        assert!(text.contains(&expected), "the invoice shows `{expected}`:\n{text}");
    }
    assert!(!text.contains("intl-express"), "no shipping code on the invoice");
    assert!(!text.contains('€'), "every amount of the invoice is in rupees");
}

#[tokio::test]
async fn a_partial_refund_asks_stripe_for_its_euro_share_rounded_half_away_from_zero_and_the_parts_never_exceed_the_charge(
) {
    let (shop, order, admin) = paid_euro_order().await;
    // ₹68.00 of ₹13,600.00 is 0.5 % of €151.00: €0.755, half away from zero → €0.76.
    refund(&shop, &admin, order.id, "68.00").await;
    assert_eq!(asked(&shop).await, vec![76]);
    // The rest, typed as an amount: €151.00 less the €0.76 already refunded. Converted on its
    // own it would be €150.245 → €150.25, and the two parts €151.01: a cent above the charge.
    refund(&shop, &admin, order.id, "13532.00").await;
    let amounts = asked(&shop).await;
    assert_eq!(amounts, vec![76, 15_024]);
    assert_eq!(amounts.iter().sum::<i64>(), CHARGED_MINOR, "together exactly what was charged");
    let (status, refunded, _) = shop.order_state(order.id);
    assert_eq!((status.as_str(), refunded), ("refunded", PRICE_MINOR + SHIPPING_MINOR), "recorded in rupees");

    // Each refund has a credit note in rupees, stating the euros it gave back.
    let docs = documents(&shop, order.id);
    assert_eq!(
        docs.iter().map(|d| (d.1.as_str(), d.2, d.3.as_str())).collect::<Vec<_>>(),
        vec![("invoice", 1_360_000, "INR"), ("credit_note", 6_800, "INR"), ("credit_note", 1_353_200, "INR")]
    );
    let day = yesterday();
    for (doc, rupees, euros) in [(&docs[1], "₹68.00", "EUR 0.76"), (&docs[2], "₹13,532.00", "EUR 150.24")] {
        let path = format!("/admin/orders/{}/credit-notes/{}", order.id, doc.0);
        let text = text_of(&shop.app.get_as(&path, &admin).await.text().await.unwrap());
        assert!(text.contains("Credit note") && text.contains("Currency INR"), "{text}");
        assert!(text.contains(&format!("Total {rupees}")), "the credit note's total in rupees: {text}");
        let stated =
            format!("Refunded {euros} at 1 EUR = ₹90.21 (rate of {day}, source: EUR {day} (RBI reference rate)).");
        assert!(text.contains(&stated), "it states `{stated}`:\n{text}");
        assert!(!text.contains('€'));
    }
}

#[tokio::test]
async fn a_full_refund_of_a_euro_order_gives_back_exactly_what_was_charged() {
    let (shop, order, admin) = paid_euro_order().await;
    refund(&shop, &admin, order.id, "").await;
    assert_eq!(asked(&shop).await, vec![CHARGED_MINOR], "all of it is the charge, to the cent");
    let (status, refunded, _) = shop.order_state(order.id);
    assert_eq!((status.as_str(), refunded), ("refunded", PRICE_MINOR + SHIPPING_MINOR));
    let docs = documents(&shop, order.id);
    assert_eq!((docs[1].1.as_str(), docs[1].2), ("credit_note", PRICE_MINOR + SHIPPING_MINOR));
    // Nothing is left to refund: a second full refund asks Stripe for nothing more.
    let app = &shop.app;
    let page = app.get_as(&format!("/admin/orders/{}", order.id), &admin).await.text().await.unwrap();
    if let Some(key) = page.split("name=\"idempotency_key\" value=\"").nth(1).and_then(|s| s.split('"').next()) {
        let form = [("amount", ""), ("reason", "again"), ("idempotency_key", key)];
        let res = app.post_form(&format!("/admin/orders/{}/refund", order.id), Some(&admin), &form).await;
        assert!(res.status().as_u16() < 500, "an answer, never a 500");
    }
    assert_eq!(asked(&shop).await.iter().sum::<i64>(), CHARGED_MINOR, "never more than was charged");
}
