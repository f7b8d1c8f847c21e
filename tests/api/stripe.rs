//! The Stripe adapter against a loopback HTTP server that answers like Stripe, with the complete
//! objects of `tests/fixtures/stripe/`: the form fields and idempotency key sent, the mapping
//! of Stripe's errors and of a slow answer, and that every fixture still parses into its
//! async-stripe type (so an upgrade that breaks them fails here, not in production).

use std::time::{Duration, Instant};

use fairgold::config::StripeSettings;
use fairgold::payments::stripe::{self, StripeApi};
use fairgold::payments::{CheckoutRequest, LineItem, PaymentError, RefundRequest};
use secrecy::SecretString;
use stripe_webhook::{EventObject, Webhook};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::stripe_fixtures::{field, fixture, fixture_text, form};

fn settings(server: &MockServer) -> StripeSettings {
    StripeSettings {
        secret_key: SecretString::from("sk_test_fairgold_contract"),
        webhook_secret: SecretString::from("whsec_test_fairgold_contract"),
        api_base: Some(server.uri()),
        checkout_origin: "https://checkout.stripe.com".into(),
    }
}

/// The client the shop builds once at start-up (`payments::Gateway`).
fn api(settings: &StripeSettings) -> StripeApi {
    StripeApi::new(settings, stripe::DEFAULT_TIMEOUT).expect("client")
}

fn checkout_request() -> CheckoutRequest {
    CheckoutRequest {
        order_id: 41,
        order_reference: "FG-7K3M9Q".into(),
        customer_email: "buyer@example.com".into(),
        items: vec![
            LineItem { name: "Lotus ring".into(), amount_minor: 48_500, currency: "USD".into(), quantity: 1 },
            LineItem { name: "Insured courier".into(), amount_minor: 2_500, currency: "USD".into(), quantity: 1 },
        ],
        success_url: "https://shop.example/checkout/complete/FG-7K3M9Q".into(),
        cancel_url: "https://shop.example/checkout/cancelled/FG-7K3M9Q".into(),
        expires_at: 1_795_000_000,
        idempotency_key: "fairgold-checkout-41-1".into(),
    }
}

fn header<'a>(req: &'a wiremock::Request, name: &str) -> Option<&'a str> {
    req.headers.get(name).and_then(|v| v.to_str().ok())
}

async fn answering(path_: &str, response: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST")).and(path(path_)).respond_with(response).mount(&server).await;
    server
}

fn stripe_error(status: u16, kind: &str, code: &str, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .set_body_json(serde_json::json!({ "error": { "type": kind, "code": code, "message": message } }))
}

#[tokio::test]
async fn checkout_session_sends_the_order_lines_and_the_idempotency_key() {
    let session = fixture("checkout_session.json");
    let server = answering("/v1/checkout/sessions", ResponseTemplate::new(200).set_body_json(&session)).await;

    let created = api(&settings(&server)).create_checkout_session(&checkout_request()).await.expect("session");

    assert_eq!(created.id, session["id"].as_str().unwrap());
    assert_eq!(created.url, session["url"].as_str().unwrap());
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 1, "one attempt, no silent retries");
    let req = &received[0];
    assert_eq!(header(req, "idempotency-key"), Some("fairgold-checkout-41-1"));
    assert_eq!(header(req, "authorization"), Some("Bearer sk_test_fairgold_contract"));
    assert_eq!(header(req, "content-type"), Some("application/x-www-form-urlencoded"));
    let f = form(req);
    let expect = [
        ("mode", "payment"),
        ("customer_email", "buyer@example.com"),
        ("client_reference_id", "41"),
        ("metadata[order_id]", "41"),
        ("metadata[order_reference]", "FG-7K3M9Q"),
        ("payment_intent_data[metadata][order_id]", "41"),
        ("success_url", "https://shop.example/checkout/complete/FG-7K3M9Q"),
        ("cancel_url", "https://shop.example/checkout/cancelled/FG-7K3M9Q"),
        ("expires_at", "1795000000"),
        ("line_items[0][price_data][currency]", "usd"),
        ("line_items[0][price_data][unit_amount]", "48500"),
        ("line_items[0][price_data][product_data][name]", "Lotus ring"),
        ("line_items[0][quantity]", "1"),
        ("line_items[1][price_data][unit_amount]", "2500"),
        ("line_items[1][price_data][product_data][name]", "Insured courier"),
    ];
    for (name, value) in expect {
        assert_eq!(field(&f, name), Some(value), "form field {name} in {f:?}");
    }
    assert_eq!(field(&f, "line_items[2][quantity]"), None, "only the order's lines");
}

#[tokio::test]
async fn a_retry_sends_identical_parameters_under_the_same_key() {
    let server =
        answering("/v1/checkout/sessions", ResponseTemplate::new(200).set_body_json(fixture("checkout_session.json")))
            .await;
    let request = checkout_request();

    let first = api(&settings(&server)).create_checkout_session(&request).await.expect("first");
    let again = api(&settings(&server)).create_checkout_session(&request.clone()).await.expect("retry");

    assert_eq!(first, again);
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 2);
    assert_eq!(form(&received[0]), form(&received[1]), "same parameters");
    assert_eq!(header(&received[0], "idempotency-key"), header(&received[1], "idempotency-key"));
}

#[tokio::test]
async fn stripe_errors_map_to_payment_errors() {
    type Expect = fn(&PaymentError) -> bool;
    let cases: [(ResponseTemplate, Expect); 6] = [
        (stripe_error(402, "card_error", "card_declined", "Your card was declined."), |e| {
            *e == PaymentError::CardDeclined("Your card was declined.".into())
        }),
        (
            stripe_error(
                409,
                "idempotency_error",
                "idempotency_key_in_use",
                "Keys for idempotent requests can only be used with the same parameters they were first used with.",
            ),
            |e| matches!(e, PaymentError::Conflict(m) if m.contains("same parameters")),
        ),
        (stripe_error(429, "api_error", "rate_limit", "Too many requests."), |e| *e == PaymentError::RateLimited),
        (
            stripe_error(500, "api_error", "", "An unknown error occurred."),
            |e| matches!(e, PaymentError::Unavailable(m) if m.contains("unknown error")),
        ),
        // A 502 from a proxy in front of Stripe: not Stripe's error body at all.
        (ResponseTemplate::new(502).set_body_string("<html>Bad gateway</html>"), |e| {
            matches!(e, PaymentError::Unavailable(_))
        }),
        (
            stripe_error(400, "invalid_request_error", "parameter_invalid_integer", "Invalid integer: abc"),
            |e| matches!(e, PaymentError::Rejected(m) if m.contains("Invalid integer")),
        ),
    ];
    for (response, expected) in cases {
        let server = answering("/v1/checkout/sessions", response).await;
        let err = api(&settings(&server)).create_checkout_session(&checkout_request()).await.unwrap_err();
        assert!(expected(&err), "unexpected mapping: {err:?}");
        assert_eq!(server.received_requests().await.unwrap().len(), 1, "an error is not retried behind our back");
    }
}

#[tokio::test]
async fn a_stripe_that_does_not_answer_in_time_is_a_timeout() {
    let server = answering(
        "/v1/checkout/sessions",
        ResponseTemplate::new(200).set_body_json(fixture("checkout_session.json")).set_delay(Duration::from_secs(5)),
    )
    .await;
    let api = StripeApi::new(&settings(&server), Duration::from_millis(300)).expect("client");

    let started = Instant::now();
    let err = api.create_checkout_session(&checkout_request()).await.unwrap_err();

    assert_eq!(err, PaymentError::Timeout);
    assert!(started.elapsed() < Duration::from_secs(3), "gave up after {:?}", started.elapsed());
}

#[tokio::test]
async fn an_unreachable_stripe_is_unavailable() {
    let server = MockServer::start().await;
    let settings = settings(&server);
    drop(server);

    let err = api(&settings).create_checkout_session(&checkout_request()).await.unwrap_err();

    assert!(matches!(err, PaymentError::Unavailable(_)), "{err:?}");
}

#[tokio::test]
async fn refund_sends_the_payment_intent_amount_and_key() {
    let refund = fixture("refund.json");
    let server = answering("/v1/refunds", ResponseTemplate::new(200).set_body_json(&refund)).await;
    let request = RefundRequest {
        payment_intent_id: "pi_3Q0fairgold".into(),
        amount_minor: 12_345,
        idempotency_key: "fairgold-refund-41-1".into(),
    };

    let result = api(&settings(&server)).refund(&request).await.expect("refund");

    assert_eq!(result.id, refund["id"].as_str().unwrap());
    assert_eq!(result.status, refund["status"].as_str().unwrap());
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 1);
    assert_eq!(header(&received[0], "idempotency-key"), Some("fairgold-refund-41-1"));
    let f = form(&received[0]);
    assert_eq!(field(&f, "payment_intent"), Some("pi_3Q0fairgold"));
    assert_eq!(field(&f, "amount"), Some("12345"));
}

#[tokio::test]
async fn a_declined_refund_is_reported() {
    let server = answering(
        "/v1/refunds",
        stripe_error(400, "invalid_request_error", "charge_already_refunded", "Charge has already been refunded."),
    )
    .await;
    let request = RefundRequest {
        payment_intent_id: "pi_x".into(),
        amount_minor: 100,
        idempotency_key: "fairgold-refund-x".into(),
    };

    let err = api(&settings(&server)).refund(&request).await.unwrap_err();

    assert!(matches!(&err, PaymentError::Rejected(m) if m.contains("already been refunded")), "{err:?}");
}

/// Parses with the deserialiser async-stripe uses for API answers (miniserde).
fn parses<T: miniserde::Deserialize>(name: &str) -> T {
    miniserde::json::from_str::<T>(&fixture_text(name))
        .unwrap_or_else(|e| panic!("{name} no longer parses into its async-stripe type: {e}"))
}

#[test]
fn every_fixture_parses_into_its_async_stripe_type() {
    let session: stripe_checkout::CheckoutSession = parses("checkout_session.json");
    assert_eq!(session.id.as_str(), fixture("checkout_session.json")["id"]);
    let intent: stripe_core::PaymentIntent = parses("payment_intent.json");
    assert_eq!(intent.id.as_str(), fixture("payment_intent.json")["id"]);
    let charge: stripe_core::Charge = parses("charge.json");
    assert_eq!(charge.id.as_str(), fixture("charge.json")["id"]);
    let refund: stripe_core::Refund = parses("refund.json");
    assert_eq!(refund.id.as_str(), fixture("refund.json")["id"]);
    let dispute: stripe_core::Dispute = parses("dispute.json");
    assert_eq!(dispute.id.as_str(), fixture("dispute.json")["id"]);
    let txn: stripe_core::BalanceTransaction = parses("balance_transaction.json");
    assert_eq!(txn.id.as_str(), fixture("balance_transaction.json")["id"]);

    // The event envelope as it is (an event type the shop does not use)…
    let secret = "whsec_test_fixture";
    let raw = fixture_text("event.json");
    let header = Webhook::generate_test_header(&raw, secret, None);
    let event = Webhook::construct_event(&raw, &header, secret).expect("event.json parses");
    assert_eq!(event.id.as_str(), fixture("event.json")["id"]);
    // …and carrying each object the webhook reads, under the event type that carries it.
    let carried = [
        ("checkout.session.completed", "checkout_session.json"),
        ("checkout.session.expired", "checkout_session.json"),
        ("payment_intent.succeeded", "payment_intent.json"),
        ("charge.refunded", "charge.json"),
        ("charge.refund.updated", "refund.json"),
        ("charge.dispute.created", "dispute.json"),
    ];
    for (kind, object) in carried {
        let mut envelope = fixture("event.json");
        envelope["type"] = kind.into();
        envelope["api_version"] = "2026-09-30.endive".into();
        envelope["data"]["object"] = fixture(object);
        let body = envelope.to_string();
        let header = Webhook::generate_test_header(&body, secret, None);
        let event = Webhook::construct_event(&body, &header, secret)
            .unwrap_or_else(|e| panic!("{kind} carrying {object} no longer parses: {e}"));
        let typed = match (&event.data.object, kind) {
            (EventObject::CheckoutSessionCompleted(s), _) | (EventObject::CheckoutSessionExpired(s), _) => {
                s.id.as_str() == session.id.as_str()
            }
            (EventObject::PaymentIntentSucceeded(p), _) => p.id.as_str() == intent.id.as_str(),
            (EventObject::ChargeRefunded(c), _) => c.id.as_str() == charge.id.as_str(),
            (EventObject::ChargeRefundUpdated(r), _) => r.id.as_str() == refund.id.as_str(),
            (EventObject::ChargeDisputeCreated(d), _) => d.id.as_str() == dispute.id.as_str(),
            _ => false,
        };
        assert!(typed, "{kind} did not carry a typed {object}");
    }
}
