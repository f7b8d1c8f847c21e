//! A loopback fake of Stripe for the production browser test, one actix-web server with two
//! faces:
//!
//! - the API the shop calls at `http://127.0.0.1:PORT` (`POST /v1/checkout/sessions`,
//!   `POST /v1/checkout/sessions/{id}/expire`, `POST /v1/refunds`), answering with complete
//!   objects from `tests/fixtures/stripe/` (the session as `SessionResponder` builds it);
//! - the hosted payment page the browser is sent to, at `http://localhost:PORT/c/pay/{id}`: a
//!   different origin from the shop's `http://127.0.0.1:…`, as `checkout.stripe.com` is. Paying
//!   there does what Stripe does: it sends the shop a signed `checkout.session.completed`
//!   (and waits for the shop's 200), then sends the browser to the session's `success_url`.
//!
//! Every request it receives is logged, so the test can tell what the shop asked of "Stripe".

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use actix_web::http::header;
use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use serde_json::Value;
use stripe_webhook::Webhook;

use crate::stripe_fixtures::{envelope, fixture, form_fields, SessionResponder};

/// A webhook delivery the hosted page made: the event type and the shop's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub event_type: String,
    pub status: u16,
}

struct State {
    /// The shop's `/webhooks/stripe`.
    webhook_url: String,
    webhook_secret: String,
    /// `http://localhost:PORT`: where the hosted pages are.
    hosted_origin: String,
    sessions: Mutex<HashMap<String, Value>>,
    /// Session ids in the order they were created.
    created: Mutex<Vec<String>>,
    /// "METHOD /path" of every request received.
    requests: Mutex<Vec<String>>,
    deliveries: Mutex<Vec<Delivery>>,
    http: reqwest::Client,
}

pub struct FakeStripe {
    pub port: u16,
    state: Arc<State>,
}

impl FakeStripe {
    /// Starts the fake on a free loopback port, in the current runtime. `webhook_url` is where
    /// the hosted page delivers the events it signs with `webhook_secret`.
    pub fn start(webhook_url: &str, webhook_secret: &str) -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind the fake Stripe");
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(State {
            webhook_url: webhook_url.to_string(),
            webhook_secret: webhook_secret.to_string(),
            hosted_origin: format!("http://localhost:{port}"),
            sessions: Mutex::new(HashMap::new()),
            created: Mutex::new(Vec::new()),
            requests: Mutex::new(Vec::new()),
            deliveries: Mutex::new(Vec::new()),
            http: reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap(),
        });
        let data = web::Data::from(Arc::clone(&state));
        let mut server = HttpServer::new(move || {
            App::new()
                .app_data(data.clone())
                .wrap_fn(|req, srv| {
                    let state = req.app_data::<web::Data<State>>().unwrap();
                    state.requests.lock().unwrap().push(format!("{} {}", req.method(), req.path()));
                    actix_web::dev::Service::call(srv, req)
                })
                .route("/v1/checkout/sessions", web::post().to(create_session))
                .route("/v1/checkout/sessions/{id}/expire", web::post().to(expire_session))
                .route("/v1/refunds", web::post().to(refund))
                .route("/c/pay/{id}", web::get().to(hosted_page))
                .route("/c/pay/{id}", web::post().to(pay))
                .default_service(web::to(unknown))
        })
        .workers(1)
        .disable_signals()
        .listen(listener)
        .expect("the fake Stripe listens");
        // The browser resolves `localhost` itself and may try ::1 first: answer there too when
        // this machine has an IPv6 loopback.
        if let Ok(v6) = std::net::TcpListener::bind(("::1", port)) {
            server = server.listen(v6).expect("the fake Stripe listens on ::1");
        }
        tokio::spawn(server.run());
        Self { port, state }
    }

    /// The API base URL the shop is configured with (`stripe_api_base`).
    pub fn api_base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The origin of the hosted payment pages (`stripe_checkout_origin`).
    pub fn hosted_origin(&self) -> String {
        self.state.hosted_origin.clone()
    }

    /// The Checkout Sessions created, oldest first, as they are now.
    pub fn sessions(&self) -> Vec<Value> {
        let sessions = self.state.sessions.lock().unwrap();
        self.state.created.lock().unwrap().iter().map(|id| sessions[id].clone()).collect()
    }

    /// "METHOD /path" of every request received, in order.
    pub fn requests(&self) -> Vec<String> {
        self.state.requests.lock().unwrap().clone()
    }

    pub fn deliveries(&self) -> Vec<Delivery> {
        self.state.deliveries.lock().unwrap().clone()
    }
}

/// Stripe's error body.
fn stripe_error(status: u16, kind: &str, message: &str) -> HttpResponse {
    HttpResponse::build(actix_web::http::StatusCode::from_u16(status).unwrap())
        .json(serde_json::json!({ "error": { "type": kind, "message": message } }))
}

async fn create_session(state: web::Data<State>, body: web::Bytes) -> HttpResponse {
    let session = SessionResponder { hosted_origin: state.hosted_origin.clone() }.session(&form_fields(&body));
    let id = session["id"].as_str().unwrap().to_string();
    state.sessions.lock().unwrap().insert(id.clone(), session.clone());
    state.created.lock().unwrap().push(id);
    HttpResponse::Ok().json(session)
}

async fn expire_session(state: web::Data<State>, id: web::Path<String>) -> HttpResponse {
    let mut sessions = state.sessions.lock().unwrap();
    let Some(session) = sessions.get_mut(id.as_str()) else {
        return stripe_error(404, "invalid_request_error", "No such checkout.session");
    };
    if session["status"] == "open" {
        session["status"] = "expired".into();
    }
    HttpResponse::Ok().json(session.clone())
}

async fn refund() -> HttpResponse {
    HttpResponse::Ok().json(fixture("refund.json"))
}

async fn unknown(req: HttpRequest) -> HttpResponse {
    stripe_error(404, "invalid_request_error", &format!("the fake Stripe has no {} {}", req.method(), req.path()))
}

/// `USD 1,730.50` for 173050 and "usd".
pub fn amount(minor: i64, currency: &str) -> String {
    let major = (minor / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in major.chars().enumerate() {
        if i > 0 && (major.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{} {grouped}.{:02}", currency.to_uppercase(), minor % 100)
}

/// The hosted payment page: the amount, and a form with a Pay button.
async fn hosted_page(state: web::Data<State>, id: web::Path<String>) -> HttpResponse {
    let Some(session) = state.sessions.lock().unwrap().get(id.as_str()).cloned() else {
        return HttpResponse::NotFound().body("no such checkout session");
    };
    let total = amount(session["amount_total"].as_i64().unwrap(), session["currency"].as_str().unwrap());
    let email = session["customer_email"].as_str().unwrap_or("");
    let html = format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pay {total} (fake Stripe Checkout)</title></head>
<body>
<h1>Fake Stripe Checkout</h1>
<p class="amount">{total}</p>
<p class="email">{email}</p>
<form method="post" action="/c/pay/{id}"><button type="submit">Pay {total}</button></form>
</body></html>"#,
        id = id.as_str()
    );
    HttpResponse::Ok().content_type("text/html; charset=utf-8").body(html)
}

/// "Pays": completes the session, tells the shop as Stripe does (a signed
/// `checkout.session.completed` to its webhook), and only once the shop answered 200 sends the
/// browser back to the session's `success_url`.
async fn pay(state: web::Data<State>, id: web::Path<String>) -> HttpResponse {
    let session = {
        let mut sessions = state.sessions.lock().unwrap();
        let Some(session) = sessions.get_mut(id.as_str()) else {
            return HttpResponse::NotFound().body("no such checkout session");
        };
        if session["status"] != "open" {
            return HttpResponse::Conflict().body(format!("this checkout session is {}", session["status"]));
        }
        session["status"] = "complete".into();
        session["payment_status"] = "paid".into();
        session["payment_intent"] = format!("pi_test_{:024x}", fastrand::u128(..)).into();
        session.clone()
    };
    let event_type = "checkout.session.completed";
    let body = envelope(event_type, session.clone());
    let signature = Webhook::generate_test_header(&body, &state.webhook_secret, Some(chrono::Utc::now().timestamp()));
    let answer = state
        .http
        .post(&state.webhook_url)
        .header("Content-Type", "application/json")
        .header("Stripe-Signature", signature)
        .body(body)
        .send()
        .await;
    let (status, text) = match answer {
        Ok(res) => (res.status().as_u16(), res.text().await.unwrap_or_default()),
        Err(e) => (0, e.to_string()),
    };
    state.deliveries.lock().unwrap().push(Delivery { event_type: event_type.into(), status });
    if status != 200 {
        return HttpResponse::BadGateway().body(format!("the shop answered the webhook with {status}: {text}"));
    }
    let success_url = session["success_url"].as_str().expect("the session has a success_url");
    HttpResponse::SeeOther().insert_header((header::LOCATION, success_url)).finish()
}

#[test]
fn amounts_are_shown_as_stripe_shows_them() {
    assert_eq!(amount(173_050, "usd"), "USD 1,730.50");
    assert_eq!(amount(5, "inr"), "INR 0.05");
    assert_eq!(amount(100_000_000, "usd"), "USD 1,000,000.00");
}
