//! Stripe as the tests see it: the complete objects of `tests/fixtures/stripe/`, the Checkout
//! Session Stripe would create for a request (`SessionResponder`, also a wiremock responder),
//! and webhook event envelopes. Shared by the `api` target and the `browser` target through
//! `#[path]`.

use chrono::Utc;
use serde_json::Value;
use wiremock::ResponseTemplate;

/// The API version async-stripe 1.0.0-rc.10 pins; Stripe renders events in it.
pub const API_VERSION: &str = "2026-09-30.endive";

/// A fixture file's text.
pub fn fixture_text(name: &str) -> String {
    let file = format!("{}/tests/fixtures/stripe/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("read {file}: {e}"))
}

pub fn fixture(name: &str) -> Value {
    serde_json::from_str(&fixture_text(name)).expect("fixture is JSON")
}

/// The decoded form fields of a request body, sorted (metadata is a map: its order varies).
pub fn form(req: &wiremock::Request) -> Vec<(String, String)> {
    form_fields(&req.body)
}

/// The decoded fields of a form-encoded body (as async-stripe sends them), sorted.
pub fn form_fields(body: &[u8]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = url::form_urlencoded::parse(body).into_owned().collect();
    pairs.sort();
    pairs
}

pub fn field<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// Answers `POST /v1/checkout/sessions` as Stripe does: the complete session fixture, with a
/// new id each time and the fields taken from the request (amounts, currency, metadata,
/// `client_reference_id`, return URLs, expiry), hosted under `hosted_origin`.
pub struct SessionResponder {
    pub hosted_origin: String,
}

impl SessionResponder {
    /// The session Stripe would create for this form.
    pub fn session(&self, pairs: &[(String, String)]) -> Value {
        let id = format!("cs_test_{:024x}", fastrand::u128(..));
        let mut session = fixture("checkout_session.json");
        let mut total = 0i64;
        let mut currency = String::from("usd");
        for i in 0.. {
            let Some(amount) = field(pairs, &format!("line_items[{i}][price_data][unit_amount]")) else { break };
            let quantity: i64 = field(pairs, &format!("line_items[{i}][quantity]")).unwrap_or("1").parse().unwrap();
            total += amount.parse::<i64>().unwrap() * quantity;
            currency = field(pairs, &format!("line_items[{i}][price_data][currency]")).unwrap_or("usd").to_string();
        }
        session["id"] = id.clone().into();
        session["url"] = format!("{}/c/pay/{id}", self.hosted_origin).into();
        session["amount_subtotal"] = total.into();
        session["amount_total"] = total.into();
        session["currency"] = currency.into();
        session["payment_status"] = "unpaid".into();
        session["status"] = "open".into();
        session["client_reference_id"] = field(pairs, "client_reference_id").map(Value::from).unwrap_or(Value::Null);
        session["success_url"] = field(pairs, "success_url").map(Value::from).unwrap_or(Value::Null);
        session["cancel_url"] = field(pairs, "cancel_url").map(Value::from).unwrap_or(Value::Null);
        session["customer_email"] = field(pairs, "customer_email").map(Value::from).unwrap_or(Value::Null);
        if let Some(expires) = field(pairs, "expires_at") {
            session["expires_at"] = expires.parse::<i64>().unwrap().into();
        }
        let mut metadata = serde_json::Map::new();
        for (k, v) in pairs {
            if let Some(key) = k.strip_prefix("metadata[").and_then(|k| k.strip_suffix(']')) {
                metadata.insert(key.to_string(), v.clone().into());
            }
        }
        session["metadata"] = metadata.into();
        session["payment_intent"] = Value::Null;
        session
    }
}

impl wiremock::Respond for SessionResponder {
    fn respond(&self, req: &wiremock::Request) -> ResponseTemplate {
        ResponseTemplate::new(200).set_body_json(self.session(&form(req)))
    }
}

/// A Stripe event: the fixture envelope with a fresh id, the type, and the object.
pub fn envelope(kind: &str, object: Value) -> String {
    let mut event = fixture("event.json");
    event["id"] = format!("evt_test_{:016x}", fastrand::u64(..)).into();
    event["type"] = kind.into();
    event["api_version"] = API_VERSION.into();
    event["created"] = Utc::now().timestamp().into();
    event["data"]["object"] = object;
    event.to_string()
}
