//! Checkout pages: the form, placing the order, the return from the payment page, and the
//! development test-payment page. Per visitor: never cached (`no-store`).

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use tera::Context;

use super::input::{self, CheckoutForm};
use super::service::{self, OrderContext};
use super::{postal, ORDER_COOKIE};
use crate::audit::Actor;
use crate::cart::handlers::{private_html, render_cart};
use crate::cart::{self, service as cart_service, Cart};
use crate::config::ShippingZone;
use crate::crypto;
use crate::db;
use crate::error::AppError;
use crate::money::Money;
use crate::orders::fulfilment::{self, PaymentOutcome, PaymentReport, Unpaid};
use crate::orders::models::OrderRow;
use crate::orders::{queries as order_queries, service as order_service};
use crate::policies::queries as policy_queries;
use crate::policies::service::POLICY_CHANGED;
use crate::policies::PolicyKind;
use crate::shipping::countries;
use crate::state::AppState;
use crate::web::form::FieldErrors;
use crate::web::PageMeta;

fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, to.to_string())).finish()
}

/// A country in the list of the first step.
#[derive(Serialize)]
struct CountryView {
    code: &'static str,
    name: &'static str,
}

/// One shipping option of the destination's zone, with the order's total if it is chosen
/// (shown in the option itself, so no script is needed to see the total).
#[derive(Serialize)]
struct OptionView {
    code: String,
    label: String,
    price: String,
    total: String,
    checked: bool,
}

#[derive(Serialize)]
struct PostalView {
    label: &'static str,
    /// The rule's hint as a sentence ("Six digits, e.g. 700001"), or empty.
    hint: String,
}

/// The second step: the address for a known country and that country's shipping options.
#[derive(Serialize)]
struct DestinationView {
    code: &'static str,
    name: &'static str,
    /// `None` where addresses have no postal code (the field is left out).
    postal: Option<PostalView>,
    phone_example: String,
    options: Vec<OptionView>,
}

fn destination_view(state: &AppState, cart: &Cart, form: &CheckoutForm) -> Option<DestinationView> {
    let (country, zone) = input::destination(&form.country, &state.settings.shipping_zones).ok()?;
    // Prices in the currency the cart was shown in: each converted on its own, as checkout
    // charges them (`service::place_order`).
    let shown = |minor: i64| match &cart.shown_in {
        Some(p) => p.convert(minor).unwrap_or(minor),
        None => minor,
    };
    let currency = cart.shown_currency;
    // The option the customer chose, else the first (what `parse` picks for an empty choice).
    let chosen = zone.options.iter().find(|o| o.code == form.shipping.trim()).or(zone.options.first());
    Some(DestinationView {
        code: country.code,
        name: country.name,
        postal: postal::rule_for(country.code).map(|r| {
            let mut hint = r.hint.chars();
            let hint = hint.next().map(|c| c.to_uppercase().chain(hint).collect()).unwrap_or_default();
            PostalView { label: r.label, hint }
        }),
        phone_example: country.phone_example(),
        options: zone
            .options
            .iter()
            .map(|o| OptionView {
                code: o.code.clone(),
                label: o.label.clone(),
                price: Money::new(shown(o.price_minor), currency).to_string(),
                total: Money::new(cart.shown_subtotal_minor.saturating_add(shown(o.price_minor)), currency).to_string(),
                checked: chosen.is_some_and(|c| c.code == o.code),
            })
            .collect(),
    })
}

/// The checkout page. Without a known destination (or when asked to change it) it is the
/// first step, the country choice, a plain GET form so the address step can list that
/// country's options without a script; else the address form for that country.
async fn render_form(
    state: &AppState,
    status: StatusCode,
    cart: &Cart,
    form: &CheckoutForm,
    errors: &FieldErrors,
    notice: Option<&str>,
) -> Result<HttpResponse, AppError> {
    render_step(state, status, cart, form, errors, notice, Step::AsTheFormSays).await
}

/// Which step `render_step` shows.
#[derive(PartialEq)]
enum Step {
    /// The country choice, whatever the form holds (its country is preselected).
    ChooseCountry,
    /// The address step if the form's country is one we ship to, else the country choice.
    AsTheFormSays,
}

/// A policy the buyer accepts by placing the order, in the version in effect (the form carries
/// the versions in hidden fields; `policies::service::check_shown` compares them on submit).
#[derive(Serialize)]
struct AcceptedPolicy {
    kind: &'static str,
    title: String,
    version: i64,
}

async fn policies_in_effect(state: &AppState) -> Result<Vec<AcceptedPolicy>, AppError> {
    let today = crate::web::page_cache::day();
    db::run(&state.pool, move |conn| {
        let mut out = Vec::new();
        for kind in PolicyKind::ACCEPTED_AT_CHECKOUT {
            if let Some(v) = policy_queries::current(conn, kind, today)? {
                out.push(AcceptedPolicy {
                    kind: kind.code(),
                    title: match kind {
                        PolicyKind::Returns => "returns and refunds policy".to_string(),
                        other => other.title().to_lowercase(),
                    },
                    version: v.version,
                });
            }
        }
        Ok::<_, AppError>(out)
    })
    .await
}

async fn render_step(
    state: &AppState,
    status: StatusCode,
    cart: &Cart,
    form: &CheckoutForm,
    errors: &FieldErrors,
    notice: Option<&str>,
    step: Step,
) -> Result<HttpResponse, AppError> {
    let zones = &state.settings.shipping_zones;
    let destination = if step == Step::ChooseCountry || errors.0.contains_key("country") {
        None
    } else {
        destination_view(state, cart, form)
    };
    let mut ctx = Context::new();
    ctx.insert("cart", cart);
    if let Some(p) = &cart.presentment {
        ctx.insert("presentment", p);
    }
    ctx.insert("form", form);
    ctx.insert("errors", &errors.0);
    ctx.insert("has_errors", &!errors.is_empty());
    ctx.insert("notice", &notice);
    ctx.insert("destination", &destination);
    if destination.is_none() {
        let selected = countries::find(&form.country).map(|c| c.code).unwrap_or_default();
        ctx.insert("selected", selected);
        ctx.insert(
            "countries",
            &countries::COUNTRIES
                .iter()
                .filter(|c| ShippingZone::for_country(zones, c.code).is_some())
                .map(|c| CountryView { code: c.code, name: c.name })
                .collect::<Vec<_>>(),
        );
    }
    ctx.insert("test_payments", &state.gateway.test_payments_enabled());
    if destination.is_some() {
        ctx.insert("policies", &policies_in_effect(state).await?);
    }
    let meta = PageMeta {
        title: format!("Checkout — {}", state.settings.shop.name),
        description: String::new(),
        path: "/checkout",
        nav: "cart",
    };
    Ok(private_html(status, state.templates.render("checkout/form.html", &meta, ctx)?))
}

/// The cart in the visitor's currency (`web::currency::chosen`).
async fn load_cart(state: &AppState, req: &HttpRequest, key: Option<String>) -> Result<Cart, AppError> {
    let (terms, chosen) = crate::cart::handlers::presented(state, req);
    db::run(&state.pool, move |conn| cart_service::load_presented(conn, key.as_deref(), terms, chosen, now())).await
}

/// `GET /checkout`, `?country=IN` (the address step for India) or `?change=IN` (the country
/// step again, India selected). The query is read leniently: a mangled one is explained on
/// the page, never answered with a bare 400.
pub async fn form(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let key = cart::cookie_value(&req).map(|raw| cart::cart_key(&raw));
    let cart = load_cart(&state, &req, key).await?;
    // Checkout is blocked while a piece in the cart cannot be bought (the cart says which).
    if !cart.can_check_out {
        return Ok(see_other("/cart"));
    }
    let (mut country, mut change) = (None, None);
    for (k, v) in url::form_urlencoded::parse(req.query_string().as_bytes()) {
        match &*k {
            "country" if country.is_none() => country = Some(v.into_owned()),
            "change" if change.is_none() => change = Some(v.into_owned()),
            _ => {}
        }
    }
    let none = FieldErrors::default();
    match (country, change) {
        (_, Some(previous)) => {
            let form = CheckoutForm { country: previous, ..Default::default() };
            render_step(&state, StatusCode::OK, &cart, &form, &none, None, Step::ChooseCountry).await
        }
        (None, None) => {
            render_step(&state, StatusCode::OK, &cart, &CheckoutForm::default(), &none, None, Step::ChooseCountry).await
        }
        (Some(code), None) => match input::destination(&code, &state.settings.shipping_zones) {
            Ok((country, _)) => {
                let form = CheckoutForm { country: country.code.to_string(), ..Default::default() };
                render_form(&state, StatusCode::OK, &cart, &form, &none, None).await
            }
            Err(message) => {
                let mut errors = FieldErrors::default();
                errors.add("country", message);
                let form = CheckoutForm { country: code, ..Default::default() };
                render_form(&state, StatusCode::UNPROCESSABLE_ENTITY, &cart, &form, &errors, None).await
            }
        },
    }
}

fn order_cookie(state: &AppState, token: String) -> Cookie<'static> {
    Cookie::build(ORDER_COOKIE, token)
        .path("/checkout")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(!state.settings.is_development())
        .max_age(actix_web::cookie::time::Duration::days(1))
        .finish()
}

pub async fn place(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<CheckoutForm>,
) -> Result<HttpResponse, AppError> {
    cart::require_same_origin(&req, &state)?;
    let Some(key) = cart::cookie_value(&req).map(|raw| cart::cart_key(&raw)) else {
        return Ok(see_other("/cart"));
    };
    let form = form.into_inner();
    let input = match form.parse(&state.settings.shipping_zones) {
        Ok(input) => input,
        Err(errors) => {
            let cart = load_cart(&state, &req, Some(key)).await?;
            return render_form(&state, StatusCode::UNPROCESSABLE_ENTITY, &cart, &form, &errors, None).await;
        }
    };
    let st = state.clone();
    let key2 = key.clone();
    let client_key =
        crate::web::client::address(&req, &state.settings.trusted_proxies).map(|ip| state.cipher.client_key(ip));
    let lang = crate::i18n::email_language(
        req.headers().get(actix_web::http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()),
    );
    let (terms, chosen) = crate::cart::handlers::presented(&state, &req);
    let chosen_explicitly = req
        .cookie(crate::web::currency::COOKIE)
        .and_then(|c| crate::money::Currency::parse(c.value()))
        .is_some_and(|c| c == chosen);
    let placed = db::run(&state.pool, move |conn| {
        let cx = OrderContext {
            currency: st.settings.currency,
            base_url: &st.settings.base_url,
            cipher: &st.cipher,
            provider: st.gateway.provider(),
            limits: &st.settings.checkout,
            client_key,
            lang,
            terms,
            chosen,
            chosen_explicitly,
        };
        Ok::<_, AppError>(service::place_order(conn, &key2, &input, &cx, now()))
    })
    .await?;
    let placed = match placed {
        Ok(p) => p,
        Err(AppError::Conflict { code: service::EMPTY_CART, .. }) => return Ok(see_other("/cart")),
        Err(e @ AppError::Conflict { code: POLICY_CHANGED, .. }) => {
            // The form again, with the new versions to read and accept; nothing was ordered.
            let cart = load_cart(&state, &req, Some(key)).await?;
            let notice = e.public_message();
            return render_form(&state, StatusCode::CONFLICT, &cart, &form, &FieldErrors::default(), Some(&notice))
                .await;
        }
        Err(e @ AppError::Conflict { .. }) => {
            let cart = load_cart(&state, &req, Some(key)).await?;
            return render_cart(&state, StatusCode::CONFLICT, &cart, Some(&e.public_message()));
        }
        Err(AppError::TooMany(why)) => {
            let cart = load_cart(&state, &req, Some(key)).await?;
            return render_form(
                &state,
                StatusCode::TOO_MANY_REQUESTS,
                &cart,
                &form,
                &FieldErrors::default(),
                Some(&why),
            )
            .await;
        }
        Err(e) => return Err(e),
    };
    if !placed.replaced.is_empty() {
        // The cart's earlier checkout must not stay payable: close its session now (the sweeper
        // retries if the provider cannot be reached).
        let st = state.clone();
        tokio::spawn(async move { crate::orders::sweeper::close_sessions(&st).await });
    }
    match state.gateway.open_session(&placed.request, &placed.status_token).await {
        Ok(session) => {
            let p = placed.clone();
            let (sid, surl) = (session.id.clone(), session.url.clone());
            db::run(&state.pool, move |conn| service::session_started(conn, &p, &sid, &surl)).await?;
            let mut res = see_other(&session.url);
            res.add_cookie(&order_cookie(&state, placed.status_token)).map_err(AppError::internal)?;
            Ok(res)
        }
        Err(err) => {
            tracing::warn!(order_id = placed.order_id, error = %err, "could not open a payment session");
            let order_id = placed.order_id;
            let why = err.to_string();
            db::run(&state.pool, move |conn| service::abandon(conn, order_id, &why, now())).await?;
            let cart = load_cart(&state, &req, Some(key)).await?;
            let notice = "We could not reach the payment provider. Nothing was charged and your cart is as it was: please try again in a minute.";
            render_form(&state, StatusCode::SERVICE_UNAVAILABLE, &cart, &form, &FieldErrors::default(), Some(notice))
                .await
        }
    }
}

/// The return from the payment page (paid or not): to the order's status page if this browser
/// placed the order, else a thank-you that points to the email. The page never fulfils
/// anything by itself: payment results come only from the webhook (or the test page).
pub async fn returned(
    state: web::Data<AppState>,
    req: HttpRequest,
    reference: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let reference = reference.into_inner();
    if let Some(token) = req.cookie(ORDER_COOKIE).map(|c| c.value().to_string()) {
        let hash = crypto::token_hash(&token);
        let found =
            db::run(&state.pool, move |conn| order_queries::find_by_token_hash(conn, &hash).map_err(AppError::from))
                .await?;
        if found.is_some_and(|o| o.reference == reference) {
            return Ok(see_other(&format!("/orders/{token}")));
        }
    }
    let meta = PageMeta {
        title: format!("Thank you — {}", state.settings.shop.name),
        description: String::new(),
        path: "/checkout",
        nav: "",
    };
    let mut ctx = Context::new();
    state.cache.ensure_layout_now::<AppError>(&state.pool).await?;
    let chosen = crate::web::currency::chosen(&req, state.settings.currency);
    ctx.insert("presentment", &state.templates.offer().switcher(chosen, state.settings.currency));
    Ok(private_html(StatusCode::OK, state.templates.render("checkout/returned.html", &meta, ctx)?))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TokenQuery {
    token: String,
}

/// The order behind a test-payment URL, or 404: test payments must be enabled (development,
/// no Stripe keys), the order paid through them, and the token its own.
async fn test_order(state: &AppState, reference: String, token: &str) -> Result<OrderRow, AppError> {
    if !state.gateway.test_payments_enabled() {
        return Err(AppError::NotFound);
    }
    let order =
        db::run(&state.pool, move |conn| order_queries::find_by_reference(conn, &reference).map_err(AppError::from))
            .await?
            .ok_or(AppError::NotFound)?;
    if order.payment_provider != "development"
        || !crypto::constant_time_eq(&crypto::token_hash(token), &order.status_token_hash)
    {
        return Err(AppError::NotFound);
    }
    Ok(order)
}

pub async fn test_payment_page(
    state: web::Data<AppState>,
    reference: web::Path<String>,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let token = query.into_inner().token;
    let order = test_order(&state, reference.into_inner(), &token).await?;
    let full = db::run(&state.pool, move |conn| {
        order_queries::find(conn, order.id)?.ok_or(AppError::NotFound).and_then(|o| order_service::load_full(conn, o))
    })
    .await?;
    let view = order_service::view(&full, &state.settings, false)?;
    let mut ctx = Context::new();
    ctx.insert("order", &view);
    ctx.insert("token", &token);
    ctx.insert("pending", &(view.status == "pending_payment"));
    let meta = PageMeta {
        title: format!("TEST PAYMENT for {} — {}", view.reference, state.settings.shop.name),
        description: String::new(),
        path: "/checkout",
        nav: "",
    };
    Ok(private_html(StatusCode::OK, state.templates.render("checkout/test_payment.html", &meta, ctx)?))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TestPaymentForm {
    token: String,
    /// "pay" or "fail".
    outcome: String,
}

/// Pays or fails the order through `orders::fulfilment`, exactly as the Stripe webhook does.
pub async fn test_payment(
    state: web::Data<AppState>,
    req: HttpRequest,
    reference: web::Path<String>,
    form: web::Form<TestPaymentForm>,
) -> Result<HttpResponse, AppError> {
    cart::require_same_origin(&req, &state)?;
    let form = form.into_inner();
    let order = test_order(&state, reference.into_inner(), &form.token).await?;
    let id = order.id;
    let actor = "test-payment page";
    match form.outcome.as_str() {
        "pay" => {
            let pi = format!("dev_pi_{}", order.reference);
            let outcome = db::run(&state.pool, move |conn| {
                // The page pays the order's own session, in full and in the charged currency, as
                // Stripe would report it.
                let session = order_queries::latest_attempt(conn, id)?.and_then(|a| a.session_id).unwrap_or_default();
                let charged = crate::orders::charge::Charged::of_order(conn, &order)?;
                let report = PaymentReport {
                    session_id: &session,
                    payment_intent_id: Some(&pi),
                    amount_minor: charged.amount_minor,
                    currency: charged.currency.code(),
                    paid: true,
                };
                fulfilment::payment_succeeded(conn, id, &report, actor, now())
            })
            .await?;
            if outcome == PaymentOutcome::HoldLost {
                // What the webhook does through Stripe: the money goes back at once.
                let key = format!("hold-lost-{id}");
                let reason = "piece sold to another customer before the payment arrived".to_string();
                order_service::refund(&state, id, None, key, reason, Actor::system(actor))
                    .await
                    .map_err(AppError::internal)?;
            }
        }
        "fail" => {
            db::run(&state.pool, move |conn| fulfilment::payment_failed(conn, id, Unpaid::Failed, actor, now()))
                .await?;
        }
        _ => return Err(AppError::bad_request("outcome", "Choose Pay or Fail.")),
    }
    Ok(see_other(&format!("/orders/{}", form.token)))
}
