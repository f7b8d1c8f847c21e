//! `POST /webhooks/stripe`, signed as Stripe signs (HMAC-SHA256 of "<t>.<body>" keyed with the
//! whole webhook secret), with events built from the fixtures. Orders are placed the way a
//! customer places them (cart, checkout against a loopback Stripe), then Stripe's events
//! arrive: once, twice, out of order, forged or stale.

use chrono::Utc;
use diesel::prelude::*;
use fairgold::schema::{email_outbox, order_events, orders, pieces, refunds, stripe_events};
use serde_json::json;
use stripe_webhook::Webhook;
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::helpers::{PieceFixture, TestApp};
pub use crate::stripe_fixtures::envelope;
use crate::stripe_fixtures::{field, fixture, form, SessionResponder};

pub const SECRET_KEY: &str = "sk_test_fairgold_webhooks";
pub const WEBHOOK_SECRET: &str = "whsec_test_fairgold_webhooks";

pub struct Shop {
    pub app: TestApp,
    pub stripe: MockServer,
}

/// The shop with Stripe configured against a loopback fake that creates sessions and refunds.
pub async fn shop() -> Shop {
    shop_with(&[]).await
}

/// The same, with more settings.
pub async fn shop_with(extra: &[(&str, &str)]) -> Shop {
    let stripe = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/checkout/sessions"))
        .respond_with(SessionResponder { hosted_origin: "https://checkout.stripe.com".into() })
        .mount(&stripe)
        .await;
    Mock::given(method("POST"))
        .and(path_regex(r"^/v1/checkout/sessions/[^/]+/expire$"))
        .respond_with(ResponseTemplate::new(200).set_body_json(fixture("checkout_session.json")))
        .mount(&stripe)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/refunds"))
        .respond_with(ResponseTemplate::new(200).set_body_json(fixture("refund.json")))
        .mount(&stripe)
        .await;
    let base = stripe.uri();
    let mut settings = vec![
        ("stripe_secret_key", SECRET_KEY),
        ("stripe_webhook_secret", WEBHOOK_SECRET),
        ("stripe_api_base", base.as_str()),
    ];
    settings.extend_from_slice(extra);
    let app = TestApp::spawn_with(&settings).await;
    Shop { app, stripe }
}

#[derive(Debug, Clone)]
pub struct Order {
    pub id: i64,
    /// The Checkout Session the shop opened for it.
    pub session: String,
    pub reference: String,
    pub total: i64,
    pub payment_intent: String,
}

impl Shop {
    /// A customer adds the piece to a new cart and checks out; returns the order created.
    pub async fn order(&self, piece_id: i64) -> Order {
        self.order_of(&[piece_id]).await
    }

    /// A customer (from an address of their own) adds the pieces to a new cart and checks out.
    pub async fn order_of(&self, piece_ids: &[i64]) -> Order {
        let app = &self.app;
        let address = crate::checkout::random_address();
        let mut cookie = String::new();
        for piece_id in piece_ids {
            let mut req = app
                .client
                .post(format!("{}/cart/add", app.address))
                .header("X-Forwarded-For", &address)
                .form(&[("piece_id", piece_id.to_string())]);
            if !cookie.is_empty() {
                req = req.header("Cookie", &cookie);
            }
            let res = req.send().await.unwrap();
            assert_eq!(res.status().as_u16(), 303, "add to cart");
            if let Some(c) = res
                .headers()
                .get_all("set-cookie")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .find(|v| v.starts_with("fairgold_cart="))
            {
                cookie = c.split(';').next().unwrap().to_string();
            }
        }
        self.check_out(&cookie, &address).await
    }

    async fn check_out(&self, cookie: &str, address: &str) -> Order {
        let app = &self.app;
        let res = app
            .client
            .post(format!("{}/checkout", app.address))
            .header("Cookie", cookie)
            .header("X-Forwarded-For", address)
            .form(&[
                ("email", "buyer@example.com"),
                ("name", "Asha Buyer"),
                ("line1", "Torstraße 1"),
                ("city", "Berlin"),
                ("postal_code", "10115"),
                ("country", "DE"),
                ("phone", "+49 30 1234567"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 303, "checkout redirects to Stripe: {}", res.text().await.unwrap());
        // The hosted page's URL ends with the session the shop opened (and stored).
        let to = res.headers()["location"].to_str().unwrap().to_string();
        let session = to.rsplit('/').next().unwrap().to_string();
        let (id, reference, total) = self.app.with_conn(|c| {
            orders::table
                .filter(orders::checkout_session_id.eq(&session))
                .select((orders::id, orders::reference, orders::total_minor))
                .first::<(i64, String, i64)>(c)
                .unwrap()
        });
        Order { id, session, reference, total, payment_intent: format!("pi_test_{id}_{}", fastrand::u32(..)) }
    }

    pub async fn deliver(&self, body: &str, signature: Option<String>) -> u16 {
        let mut req = self
            .app
            .client
            .post(format!("{}/webhooks/stripe", self.app.address))
            .header("Content-Type", "application/json")
            .body(body.to_string());
        if let Some(sig) = signature {
            req = req.header("Stripe-Signature", sig);
        }
        req.send().await.unwrap().status().as_u16()
    }

    /// Delivers a correctly signed event; returns the status.
    pub async fn send(&self, body: &str) -> u16 {
        self.deliver(body, Some(sign(body, WEBHOOK_SECRET, Utc::now().timestamp()))).await
    }

    pub fn order_state(&self, id: i64) -> (String, i64, bool) {
        self.app.with_conn(|c| {
            orders::table.find(id).select((orders::status, orders::refunded_minor, orders::disputed)).first(c).unwrap()
        })
    }

    pub fn piece_state(&self, id: i64) -> (String, Option<i64>) {
        self.app
            .with_conn(|c| pieces::table.find(id).select((pieces::status, pieces::held_by_order_id)).first(c).unwrap())
    }

    pub fn stored_events(&self) -> Vec<(String, Option<chrono::NaiveDateTime>)> {
        self.app.with_conn(|c| {
            stripe_events::table.select((stripe_events::id, stripe_events::processed_at)).load(c).unwrap()
        })
    }

    pub fn timeline(&self, id: i64) -> Vec<String> {
        self.app.with_conn(|c| {
            order_events::table
                .filter(order_events::order_id.eq(id))
                .order(order_events::id)
                .select(order_events::kind)
                .load(c)
                .unwrap()
        })
    }

    pub fn emails(&self) -> i64 {
        self.app.with_conn(|c| email_outbox::table.count().get_result(c).unwrap())
    }

    pub async fn refund_requests(&self) -> Vec<wiremock::Request> {
        self.stripe.received_requests().await.unwrap().into_iter().filter(|r| r.url.path() == "/v1/refunds").collect()
    }
}

pub fn sign(body: &str, secret: &str, timestamp: i64) -> String {
    Webhook::generate_test_header(body, secret, Some(timestamp))
}

/// A `checkout.session.*` event for an order, from the checkout session fixture.
pub fn session_event(kind: &str, order: &Order, paid: bool) -> String {
    let mut session = fixture("checkout_session.json");
    session["id"] = order.session.clone().into();
    session["client_reference_id"] = order.id.to_string().into();
    session["metadata"] = json!({ "order_id": order.id.to_string(), "order_reference": order.reference });
    session["payment_status"] = if paid { "paid" } else { "unpaid" }.into();
    session["status"] = if kind == "checkout.session.expired" { "expired" } else { "complete" }.into();
    session["amount_subtotal"] = order.total.into();
    session["amount_total"] = order.total.into();
    session["currency"] = "usd".into();
    session["payment_intent"] = order.payment_intent.clone().into();
    envelope(kind, session)
}

pub fn charge_refunded(order: &Order, refunded_total: i64) -> String {
    let mut charge = fixture("charge.json");
    charge["payment_intent"] = order.payment_intent.clone().into();
    charge["amount"] = order.total.into();
    charge["amount_captured"] = order.total.into();
    charge["amount_refunded"] = refunded_total.into();
    charge["refunded"] = (refunded_total == order.total).into();
    envelope("charge.refunded", charge)
}

pub fn listed(app: &TestApp, title: &str) -> i64 {
    app.piece(PieceFixture::new(title))
}

#[tokio::test]
async fn a_signed_payment_is_stored_and_sells_the_piece() {
    let shop = shop().await;
    let piece = listed(&shop.app, "Lotus ring");
    let order = shop.order(piece).await;
    assert_eq!(shop.order_state(order.id).0, "pending_payment");
    assert_eq!(shop.piece_state(piece), ("held".to_string(), Some(order.id)));

    let body = session_event("checkout.session.completed", &order, true);
    assert_eq!(shop.send(&body).await, 200);

    let stored = shop.stored_events();
    assert_eq!(stored.len(), 1);
    assert!(stored[0].1.is_some(), "marked processed");
    assert_eq!(shop.order_state(order.id).0, "paid");
    assert_eq!(shop.piece_state(piece), ("sold".to_string(), None));
}

#[tokio::test]
async fn an_event_signed_with_the_wrong_secret_is_refused_and_changes_nothing() {
    let shop = shop().await;
    let piece = listed(&shop.app, "Lotus ring");
    let order = shop.order(piece).await;
    let body = session_event("checkout.session.completed", &order, true);

    let status = shop.deliver(&body, Some(sign(&body, "whsec_someone_else", Utc::now().timestamp()))).await;

    assert_eq!(status, 400);
    assert!(shop.stored_events().is_empty());
    assert_eq!(shop.order_state(order.id).0, "pending_payment");
    assert_eq!(shop.piece_state(piece), ("held".to_string(), Some(order.id)));
}

#[tokio::test]
async fn a_stale_signature_is_refused() {
    let shop = shop().await;
    let piece = listed(&shop.app, "Lotus ring");
    let order = shop.order(piece).await;
    let body = session_event("checkout.session.completed", &order, true);

    // Signed correctly, but six minutes ago (Stripe's tolerance is five): a replay.
    let status = shop.deliver(&body, Some(sign(&body, WEBHOOK_SECRET, Utc::now().timestamp() - 360))).await;

    assert_eq!(status, 400);
    assert!(shop.stored_events().is_empty());
    assert_eq!(shop.order_state(order.id).0, "pending_payment");
}

#[tokio::test]
async fn a_tampered_body_is_refused() {
    let shop = shop().await;
    let piece = listed(&shop.app, "Lotus ring");
    let order = shop.order(piece).await;
    let body = session_event("checkout.session.expired", &order, false);
    let signature = sign(&body, WEBHOOK_SECRET, Utc::now().timestamp());

    // The same event, re-typed by someone in the middle to pay for the order.
    let forged =
        body.replace("checkout.session.expired", "checkout.session.completed").replace("\"unpaid\"", "\"paid\"");
    assert_ne!(forged, body);
    let status = shop.deliver(&forged, Some(signature)).await;

    assert_eq!(status, 400);
    assert!(shop.stored_events().is_empty());
    assert_eq!(shop.order_state(order.id).0, "pending_payment");
}

#[tokio::test]
async fn a_missing_or_garbled_signature_is_refused() {
    let shop = shop().await;
    let piece = listed(&shop.app, "Lotus ring");
    let order = shop.order(piece).await;
    let body = session_event("checkout.session.completed", &order, true);

    assert_eq!(shop.deliver(&body, None).await, 400);
    assert_eq!(shop.deliver(&body, Some("t=abc,v1=00".into())).await, 400);
    assert_eq!(shop.deliver(&body, Some(format!("t={}", Utc::now().timestamp()))).await, 400);

    assert!(shop.stored_events().is_empty());
    assert_eq!(shop.order_state(order.id).0, "pending_payment");
}

#[tokio::test]
async fn a_duplicate_event_is_applied_once() {
    let shop = shop().await;
    let piece = listed(&shop.app, "Lotus ring");
    let order = shop.order(piece).await;
    let body = session_event("checkout.session.completed", &order, true);

    assert_eq!(shop.send(&body).await, 200);
    let emails = shop.emails();
    let timeline = shop.timeline(order.id);
    assert_eq!(shop.send(&body).await, 200, "a duplicate is acknowledged");

    assert_eq!(shop.stored_events().len(), 1);
    assert_eq!(shop.timeline(order.id), timeline, "nothing added to the order's timeline");
    assert_eq!(timeline.iter().filter(|k| *k == "paid").count(), 1);
    assert_eq!(shop.emails(), emails, "no second confirmation email");
    assert_eq!(shop.order_state(order.id).0, "paid");
}

#[tokio::test]
async fn simultaneous_deliveries_of_one_event_apply_it_once() {
    let shop = shop().await;
    let piece = listed(&shop.app, "Lotus ring");
    let order = shop.order(piece).await;
    let body = session_event("checkout.session.completed", &order, true);

    let mut deliveries = Vec::new();
    for _ in 0..6 {
        let request = shop
            .app
            .client
            .post(format!("{}/webhooks/stripe", shop.app.address))
            .header("Stripe-Signature", sign(&body, WEBHOOK_SECRET, Utc::now().timestamp()))
            .body(body.clone());
        deliveries.push(tokio::spawn(async move { request.send().await.unwrap().status().as_u16() }));
    }
    let mut statuses = Vec::new();
    for delivery in deliveries {
        statuses.push(delivery.await.unwrap());
    }

    assert!(statuses.iter().all(|s| *s == 200), "every delivery acknowledged: {statuses:?}");
    assert_eq!(shop.stored_events().len(), 1);
    assert_eq!(shop.timeline(order.id).iter().filter(|k| *k == "paid").count(), 1);
    assert_eq!(shop.order_state(order.id).0, "paid");
}

#[tokio::test]
async fn completed_after_expired_pays_the_order_while_the_piece_is_still_free() {
    let shop = shop().await;
    let piece = listed(&shop.app, "Lotus ring");
    let order = shop.order(piece).await;

    assert_eq!(shop.send(&session_event("checkout.session.expired", &order, false)).await, 200);
    assert_eq!(shop.order_state(order.id).0, "cancelled");
    assert_eq!(shop.piece_state(piece), ("listed".to_string(), None), "the hold was released");
    assert_eq!(shop.send(&session_event("checkout.session.completed", &order, true)).await, 200);

    assert_eq!(shop.order_state(order.id).0, "paid");
    assert_eq!(shop.piece_state(piece), ("sold".to_string(), None));
    assert!(shop.refund_requests().await.is_empty(), "nothing to refund");
}

#[tokio::test]
async fn completed_after_expired_refunds_a_payment_whose_piece_went_to_another_buyer() {
    let shop = shop().await;
    let piece = listed(&shop.app, "Lotus ring");
    let first = shop.order(piece).await;
    assert_eq!(shop.send(&session_event("checkout.session.expired", &first, false)).await, 200);
    let second = shop.order(piece).await;
    assert_eq!(shop.piece_state(piece), ("held".to_string(), Some(second.id)));

    let late = session_event("checkout.session.completed", &first, true);
    assert_eq!(shop.send(&late).await, 200);

    assert_eq!(shop.piece_state(piece), ("held".to_string(), Some(second.id)), "the second buyer keeps the piece");
    let (status, refunded, _) = shop.order_state(first.id);
    assert_eq!(status, "refunded", "the late order ends refunded");
    assert_eq!(refunded, first.total, "the whole payment is recorded as refunded");
    let requests = shop.refund_requests().await;
    assert_eq!(requests.len(), 1);
    let sent = form(&requests[0]);
    assert_eq!(field(&sent, "payment_intent"), Some(first.payment_intent.as_str()));
    assert_eq!(field(&sent, "amount"), Some(first.total.to_string().as_str()));
    let key = requests[0].headers.get("idempotency-key").unwrap().to_str().unwrap().to_string();
    let rows: Vec<(i64, String, Option<String>)> = shop.app.with_conn(|c| {
        refunds::table
            .filter(refunds::order_id.eq(first.id))
            .select((refunds::amount_minor, refunds::idempotency_key, refunds::provider_refund_id))
            .load(c)
            .unwrap()
    });
    assert_eq!(rows, vec![(first.total, key, Some(fixture("refund.json")["id"].as_str().unwrap().to_string()))]);
    assert!(shop.timeline(first.id).contains(&"hold_lost".to_string()));

    // Stripe delivers the same event again: no second refund.
    assert_eq!(shop.send(&late).await, 200);
    assert_eq!(shop.refund_requests().await.len(), 1);
    assert!(shop.stored_events().iter().all(|(_, processed)| processed.is_some()));
}

#[tokio::test]
async fn a_failed_automatic_refund_is_retried_with_the_same_key_when_stripe_redelivers() {
    let shop = shop().await;
    // The first refund attempt meets a Stripe outage.
    Mock::given(method("POST"))
        .and(path("/v1/refunds"))
        .respond_with(
            ResponseTemplate::new(500)
                .set_body_json(json!({ "error": { "type": "api_error", "message": "An unknown error occurred." } })),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&shop.stripe)
        .await;
    let piece = listed(&shop.app, "Lotus ring");
    let first = shop.order(piece).await;
    assert_eq!(shop.send(&session_event("checkout.session.expired", &first, false)).await, 200);
    let second = shop.order(piece).await;
    let late = session_event("checkout.session.completed", &first, true);

    assert_eq!(shop.send(&late).await, 500, "Stripe is asked to deliver the event again");
    let stored = shop.stored_events();
    assert_eq!(stored.iter().filter(|(_, p)| p.is_none()).count(), 1, "kept, not yet processed");
    assert_eq!(shop.order_state(first.id).1, 0, "no refund recorded yet");

    assert_eq!(shop.send(&late).await, 200);

    let requests = shop.refund_requests().await;
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].headers.get("idempotency-key"), requests[1].headers.get("idempotency-key"));
    assert_eq!(form(&requests[0]), form(&requests[1]));
    assert_eq!(shop.order_state(first.id).1, first.total);
    assert_eq!(shop.piece_state(piece), ("held".to_string(), Some(second.id)));
    assert!(shop.stored_events().iter().all(|(_, processed)| processed.is_some()));
}

#[tokio::test]
async fn expired_after_completed_leaves_the_order_paid() {
    let shop = shop().await;
    let piece = listed(&shop.app, "Lotus ring");
    let order = shop.order(piece).await;

    assert_eq!(shop.send(&session_event("checkout.session.completed", &order, true)).await, 200);
    assert_eq!(shop.send(&session_event("checkout.session.expired", &order, false)).await, 200);

    assert_eq!(shop.order_state(order.id).0, "paid");
    assert_eq!(shop.piece_state(piece), ("sold".to_string(), None));
    assert_eq!(shop.stored_events().len(), 2);
}

#[tokio::test]
async fn an_asynchronous_payment_pays_when_it_succeeds_and_cancels_when_it_fails() {
    let shop = shop().await;
    let (ring, pendant) = (listed(&shop.app, "Lotus ring"), listed(&shop.app, "Moon pendant"));
    let good = shop.order(ring).await;
    let bad = shop.order(pendant).await;

    // Completed but unpaid (a bank debit still on its way): nothing happens yet.
    assert_eq!(shop.send(&session_event("checkout.session.completed", &good, false)).await, 200);
    assert_eq!(shop.order_state(good.id).0, "pending_payment");
    assert_eq!(shop.send(&session_event("checkout.session.async_payment_succeeded", &good, true)).await, 200);
    assert_eq!(shop.send(&session_event("checkout.session.async_payment_failed", &bad, false)).await, 200);

    assert_eq!(shop.order_state(good.id).0, "paid");
    assert_eq!(shop.piece_state(ring), ("sold".to_string(), None));
    assert_eq!(shop.order_state(bad.id).0, "cancelled");
    assert_eq!(shop.piece_state(pendant), ("listed".to_string(), None));
}

#[tokio::test]
async fn refunds_and_disputes_are_recorded_on_the_order_found_by_its_payment() {
    let shop = shop().await;
    let piece = listed(&shop.app, "Lotus ring");
    let order = shop.order(piece).await;
    assert_eq!(shop.send(&session_event("checkout.session.completed", &order, true)).await, 200);

    assert_eq!(shop.send(&charge_refunded(&order, 1_000)).await, 200);
    assert_eq!(shop.order_state(order.id).0, "partially_refunded");
    assert_eq!(shop.order_state(order.id).1, 1_000);
    assert_eq!(shop.send(&charge_refunded(&order, order.total)).await, 200);
    assert_eq!(shop.order_state(order.id).0, "refunded");
    assert_eq!(shop.order_state(order.id).1, order.total);

    let mut dispute = fixture("dispute.json");
    dispute["payment_intent"] = order.payment_intent.clone().into();
    assert_eq!(shop.send(&envelope("charge.dispute.created", dispute)).await, 200);
    assert!(shop.order_state(order.id).2, "the order is flagged disputed");
    assert!(shop.timeline(order.id).contains(&"dispute_opened".to_string()));
}

#[tokio::test]
async fn unknown_event_types_and_unknown_orders_are_acknowledged_and_stored() {
    let shop = shop().await;
    let piece = listed(&shop.app, "Lotus ring");
    let order = shop.order(piece).await;
    let stranger = Order {
        id: order.id + 1_000,
        session: "cs_test_not_this_shops".into(),
        payment_intent: "pi_test_not_this_shops".into(),
        ..order.clone()
    };

    let plan = fixture("event.json").to_string();
    assert_eq!(shop.send(&plan).await, 200, "an event type the shop does not use");
    assert_eq!(shop.send(&session_event("checkout.session.completed", &stranger, true)).await, 200);
    assert_eq!(shop.send(&charge_refunded(&stranger, 500)).await, 200, "a refund of a payment we do not know");

    let stored = shop.stored_events();
    assert_eq!(stored.len(), 3);
    assert!(stored.iter().all(|(_, processed)| processed.is_some()));
    assert_eq!(shop.order_state(order.id).0, "pending_payment", "no other order touched");
}

#[tokio::test]
async fn without_stripe_settings_the_webhook_does_not_exist() {
    let app = TestApp::spawn().await;
    let body = fixture("event.json").to_string();

    let res = app
        .client
        .post(format!("{}/webhooks/stripe", app.address))
        .header("Stripe-Signature", sign(&body, WEBHOOK_SECRET, Utc::now().timestamp()))
        .body(body)
        .send()
        .await
        .unwrap();

    assert_eq!(res.status().as_u16(), 404);
}
