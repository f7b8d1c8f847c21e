//! Back-office order pages: the list (a manager sees the orders holding their center's pieces;
//! finance and admins see all), an order's page with its timeline, and the steps staff take on
//! each center's parcel: packed, shipped (carrier, tracking number), delivered — admins for any
//! parcel, a manager for their own center's — and refunds, admins only. Every write is
//! audit-logged and added to the order's timeline.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use tera::Context;

use super::queries::{self, OrderSearch};
use super::service::{self, RefundOutcome, StaffStep};
use super::types::{Fulfilment, OrderLookup, OrderStatus};
use crate::auth::extract::AdminForm;
use crate::auth::permissions::Action;
use crate::auth::CurrentStaff;
use crate::crypto;
use crate::db;
use crate::error::AppError;
use crate::i18n::{self, Lang};
use crate::invoices;
use crate::money::Money;
use crate::staff::Role;
use crate::state::AppState;
use crate::web::form::FieldErrors;
use crate::web::templates::Viewer;

const PER_PAGE: i64 = 25;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/orders", web::get().to(list))
        .route(r"/admin/orders/{id:\d+}", web::get().to(detail))
        .route(r"/admin/orders/{id:\d+}/shipments/{sid:\d+}/packed", web::post().to(packed))
        .route(r"/admin/orders/{id:\d+}/shipments/{sid:\d+}/shipped", web::post().to(shipped))
        .route(r"/admin/orders/{id:\d+}/shipments/{sid:\d+}/delivered", web::post().to(delivered))
        .route(r"/admin/orders/{id:\d+}/shipments/{sid:\d+}/slip", web::get().to(packing_slip))
        .route(r"/admin/orders/{id:\d+}/refund", web::post().to(refund))
        .route(r"/admin/orders/{id:\d+}/invoice", web::get().to(invoice))
        .route(r"/admin/orders/{id:\d+}/credit-notes/{cid:\d+}", web::get().to(credit_note));
}

fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body)
}

fn see_other(to: String) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, to)).finish()
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    q: String,
    center: String,
    status: String,
    fulfilment: String,
    page: String,
}

#[derive(Serialize)]
struct Row {
    url: String,
    reference: String,
    status: &'static str,
    status_label: String,
    fulfilment_label: String,
    disputed: bool,
    total: String,
    placed_at: chrono::NaiveDateTime,
    country: String,
}

#[derive(Serialize)]
struct Choice {
    value: &'static str,
    label: String,
}

/// An order's payment state in `lang` (`order-status-…` in `orders.ftl`).
fn status_label(lang: Lang, status: OrderStatus) -> String {
    i18n::t(lang, &format!("order-status-{}", status.code()))
}

/// An order's shipping state in `lang` (`fulfilment-…`).
fn fulfilment_label(lang: Lang, fulfilment: Fulfilment) -> String {
    i18n::t(lang, &format!("fulfilment-{}", fulfilment.code()))
}

pub async fn list(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let status = match query.status.trim() {
        "" => None,
        s => Some(
            OrderStatus::parse(s)
                .ok_or_else(|| AppError::bad_request("status", format!("There is no order status `{s}`.")))?,
        ),
    };
    let fulfilment = match query.fulfilment.trim() {
        "" => None,
        s => Some(
            Fulfilment::parse(s)
                .ok_or_else(|| AppError::bad_request("fulfilment", format!("There is no shipping state `{s}`.")))?,
        ),
    };
    let lang = me.lang();
    let q = query.q.trim().to_string();
    // A search that is none of the three is answered on the page, with what was typed kept.
    let (lookup, q_error) = match OrderLookup::parse(&q) {
        Ok(l) => (l, None),
        Err(m) => (None, Some(m)),
    };
    let centers = db::run(&state.pool, |conn| crate::centers::all(conn).map_err(AppError::from)).await?;
    // A manager's own center, whatever the query says; others may choose one.
    let center_code = match me.center_scope() {
        Some(_) => String::new(),
        None => query.center.trim().to_string(),
    };
    let chosen_center = match center_code.as_str() {
        "" => None,
        code => Some(
            centers
                .iter()
                .find(|c| c.code == code)
                .map(|c| c.id)
                .ok_or_else(|| AppError::bad_request("center", format!("There is no workshop `{code}`.")))?,
        ),
    };
    let page = match query.page.trim() {
        "" => 1,
        p => p
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=100_000).contains(n))
            .ok_or_else(|| AppError::bad_request("page", "The page number must be a whole number from 1."))?,
    };
    // A manager sees only orders with a piece from their center, whatever the query says.
    let search = OrderSearch {
        center_id: me.center_scope().or(chosen_center),
        status,
        fulfilment,
        lookup,
        limit: PER_PAGE,
        offset: (page - 1) * PER_PAGE,
    };
    if me.role == Role::Manager && me.staff.center_id.is_none() {
        return Err(me.deny("manager without a center".into()));
    }
    let (rows, total) = if q_error.is_some() {
        (Vec::new(), 0)
    } else {
        db::run(&state.pool, move |conn| queries::search(conn, &search).map_err(AppError::from)).await?
    };
    let rows: Vec<Row> = rows
        .iter()
        .map(|o| {
            let st = o.status;
            Row {
                url: format!("/admin/orders/{}", o.id),
                reference: o.reference.clone(),
                status: st.code(),
                status_label: status_label(lang, st),
                fulfilment_label: fulfilment_label(lang, o.fulfilment),
                disputed: o.disputed,
                total: Money::new(o.total_minor, o.currency).to_string(),
                placed_at: o.created_at,
                country: o.ship_country.clone(),
            }
        })
        .collect();
    let total_pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let status_code = status.map(|s| s.code()).unwrap_or("");
    let fulfilment_code = fulfilment.map(|f| f.code()).unwrap_or("");
    let page_url = |p: i64| {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        if !q.is_empty() {
            s.append_pair("q", &q);
        }
        if !center_code.is_empty() {
            s.append_pair("center", &center_code);
        }
        if !status_code.is_empty() {
            s.append_pair("status", status_code);
        }
        if !fulfilment_code.is_empty() {
            s.append_pair("fulfilment", fulfilment_code);
        }
        s.append_pair("page", &p.to_string());
        format!("/admin/orders?{}", s.finish())
    };
    let mut statuses = vec![Choice { value: "", label: i18n::t(lang, "orders-any-status") }];
    statuses.extend(OrderStatus::ALL.iter().map(|s| Choice { value: s.code(), label: status_label(lang, *s) }));
    let mut fulfilments = vec![Choice { value: "", label: i18n::t(lang, "orders-any-shipping") }];
    fulfilments.extend(Fulfilment::ALL.iter().map(|s| Choice { value: s.code(), label: fulfilment_label(lang, *s) }));
    let mut ctx = Context::new();
    ctx.insert("q", &q);
    ctx.insert("center", &center_code);
    let center_choices: Vec<(String, String)> = if me.center_scope().is_some() {
        Vec::new()
    } else {
        centers.iter().map(|c| (c.code.clone(), i18n::center_city(lang, &c.code, &c.city))).collect()
    };
    ctx.insert("centers", &center_choices);
    ctx.insert("fulfilment", fulfilment_code);
    ctx.insert("fulfilments", &fulfilments);
    ctx.insert("rows", &rows);
    ctx.insert("total", &total);
    ctx.insert("status", status_code);
    ctx.insert("statuses", &statuses);
    ctx.insert("prev_url", &(page > 1).then(|| page_url(page - 1)));
    ctx.insert("next_url", &(page < total_pages).then(|| page_url(page + 1)));
    ctx.insert("q_error", &q_error);
    ctx.insert(
        "search_all_url",
        &format!(
            "/admin/orders?{}",
            url::form_urlencoded::Serializer::new(String::new()).append_pair("q", &q).finish()
        ),
    );
    let body = state.templates.render_admin("admin/orders/list.html", &i18n::t(lang, "nav-orders"), Some(&me), ctx)?;
    Ok(html(if q_error.is_some() { StatusCode::BAD_REQUEST } else { StatusCode::OK }, body))
}

/// The order, if this staff member may see it: 404 if there is none, 403 (logged) if a
/// manager's center has no piece in it.
async fn load_for(state: &AppState, me: &CurrentStaff, id: i64) -> Result<super::models::OrderRow, AppError> {
    let (order, centers) = db::run(&state.pool, move |conn| {
        let order = queries::find(conn, id)?.ok_or(AppError::NotFound)?;
        let centers = queries::centers_of(conn, id)?;
        Ok::<_, AppError>((order, centers))
    })
    .await?;
    if let Some(own) = me.center_scope() {
        if !centers.contains(&own) {
            return Err(me.deny(format!("order {id} holds no piece of center {own}")));
        }
    }
    if me.role == Role::Manager && me.staff.center_id.is_none() {
        return Err(me.deny("manager without a center".into()));
    }
    Ok(order)
}

#[derive(Default)]
struct Shown {
    notice: Option<String>,
    errors: FieldErrors,
    /// The parcel whose form the errors belong to.
    shipment: Option<i64>,
    carrier: String,
    tracking_number: String,
    amount: String,
    reason: String,
}

async fn render_detail(
    state: &AppState,
    me: &CurrentStaff,
    id: i64,
    status: StatusCode,
    shown: Shown,
) -> Result<HttpResponse, AppError> {
    let order = load_for(state, me, id).await?;
    let (full, documents) = db::run(&state.pool, move |conn| {
        let documents = invoices::service::of_order(conn, order.id)?;
        Ok::<_, AppError>((service::load_full(conn, order)?, documents))
    })
    .await?;
    let mut view = service::view(&full, &state.settings, true)?;
    let can_ship = Action::OrdersShip.allows(me.role);
    // A manager sees (and packs) only their own center's parcel of a shared order.
    if let Some(own) = me.center_scope() {
        view.items.retain(|i| i.center_id == own);
        view.shipments.retain(|s| s.center_id == own);
    }
    if !can_ship {
        for s in &mut view.shipments {
            s.can_pack = false;
            s.can_ship = false;
            s.can_deliver = false;
        }
    }
    let lang = me.lang();
    // The workshops' cities in the reader's language (the center's code is its city, lowercase).
    let city_in = |city: &str| i18n::center_city(lang, &city.to_lowercase(), city);
    let item_cities: Vec<String> = view
        .items
        .iter()
        .map(|i| full.cities.iter().find(|(c, _)| *c == i.center_id).map(|(_, city)| city_in(city)).unwrap_or_default())
        .collect();
    for s in &mut view.shipments {
        s.center = city_in(&s.center);
    }
    let shipment_labels: Vec<String> =
        view.shipments.iter().map(|s| i18n::t(lang, &format!("shipment-status-{}", s.status))).collect();
    let mut ctx = Context::new();
    ctx.insert("status_label", &status_label(lang, full.order.status));
    ctx.insert("fulfilment_label", &fulfilment_label(lang, full.order.fulfilment));
    ctx.insert("shipment_labels", &shipment_labels);
    ctx.insert("order", &view);
    ctx.insert("item_cities", &item_cities);
    ctx.insert("documents", &invoices::view::links(&documents));
    ctx.insert("carriers", &crate::shipping::carriers::CARRIERS.iter().map(|(name, _)| *name).collect::<Vec<_>>());
    ctx.insert("can_refund", &(Action::OrdersRefund.allows(me.role) && view.refundable_minor > 0));
    // A fresh key per rendering of the form: submitting the same form twice refunds once.
    ctx.insert("refund_key", &crypto::random_token(16));
    ctx.insert("notice", &shown.notice);
    ctx.insert("errors", &shown.errors.0);
    ctx.insert("error_shipment", &shown.shipment);
    ctx.insert("carrier", &shown.carrier);
    ctx.insert("tracking_number", &shown.tracking_number);
    ctx.insert("amount", &shown.amount);
    ctx.insert("reason", &shown.reason);
    let title = i18n::t_with(lang, "order-heading", &[("reference", view.reference.clone().into())]);
    let body = state.templates.render_admin("admin/orders/detail.html", &title, Some(me), ctx)?;
    Ok(html(status, body))
}

/// A parcel's packing slip, printable, for whoever may see the order (a manager only their own
/// center's parcel). The sender is the shop's registered office, never a workshop: a parcel's
/// label must not lead anyone to where the artisans work. It carries no prices, so a parcel
/// sent as a gift never tells its recipient what was paid (the tax invoice travels by email).
pub async fn packing_slip(
    state: web::Data<AppState>,
    me: CurrentStaff,
    path: web::Path<(i64, i64)>,
) -> Result<HttpResponse, AppError> {
    let (id, sid) = path.into_inner();
    let order = load_for(&state, &me, id).await?;
    let full = db::run(&state.pool, move |conn| service::load_full(conn, order)).await?;
    let view = service::view(&full, &state.settings, true)?;
    let count = view.shipments.len();
    let (index, parcel) = view.shipments.iter().enumerate().find(|(_, s)| s.id == sid).ok_or(AppError::NotFound)?;
    if let Some(own) = me.center_scope() {
        if parcel.center_id != own {
            return Err(me.deny(format!("parcel {sid} of order {id} is another center's")));
        }
    }
    let mut ctx = Context::new();
    ctx.insert("order", &view);
    ctx.insert("parcel", parcel);
    ctx.insert("parcel_number", &(index + 1));
    ctx.insert("parcel_count", &count);
    ctx.insert("sender_name", &state.settings.invoice.seller_name);
    ctx.insert("sender_address", &state.settings.invoice.registered_office);
    // The slip travels with the parcel: it is in the customer's language.
    ctx.insert("slip_lang", full.order.lang.code());
    let title = i18n::t_with(me.lang(), "packing-slip-title", &[("reference", view.reference.clone().into())]);
    let body = state.templates.render_admin("admin/orders/slip.html", &title, Some(&me), ctx)?;
    Ok(html(StatusCode::OK, body))
}

/// The order's tax invoice, printable: for whoever may see the order (a manager only when
/// their center has a piece in it: `load_for`).
pub async fn invoice(
    state: web::Data<AppState>,
    me: CurrentStaff,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    document(&state, &me, id.into_inner(), None).await
}

/// One of the order's credit notes, printable (same rule as the invoice).
pub async fn credit_note(
    state: web::Data<AppState>,
    me: CurrentStaff,
    path: web::Path<(i64, i64)>,
) -> Result<HttpResponse, AppError> {
    let (id, cid) = path.into_inner();
    document(&state, &me, id, Some(cid)).await
}

async fn document(state: &AppState, me: &CurrentStaff, id: i64, cid: Option<i64>) -> Result<HttpResponse, AppError> {
    let order = load_for(state, me, id).await?;
    let row = db::run(&state.pool, move |conn| invoices::service::document_of_order(conn, order.id, cid)).await?;
    let body = invoices::view::render_page(state, &row, &format!("/admin/orders/{id}"))?;
    Ok(html(StatusCode::OK, body))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NoticeQuery {
    done: String,
}

pub async fn detail(
    state: web::Data<AppState>,
    me: CurrentStaff,
    id: web::Path<i64>,
    query: web::Query<NoticeQuery>,
) -> Result<HttpResponse, AppError> {
    let notice = match query.done.as_str() {
        "packed" => Some("Parcel marked packed.".to_string()),
        "shipped" => Some("Parcel marked shipped; the customer has been emailed its tracking number.".to_string()),
        "delivered" => Some("Parcel marked delivered.".to_string()),
        "refunded" => Some("Refund made.".to_string()),
        "refund-repeated" => Some("That refund form was already used: nothing more was refunded.".to_string()),
        _ => None,
    };
    render_detail(&state, &me, id.into_inner(), StatusCode::OK, Shown { notice, ..Default::default() }).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EmptyForm {}

async fn step(
    state: &AppState,
    me: &CurrentStaff,
    (id, shipment): (i64, i64),
    step: StaffStep,
) -> Result<HttpResponse, AppError> {
    load_for(state, me, id).await?;
    let actor = me.actor();
    let done = match &step {
        StaffStep::Packed => "packed",
        StaffStep::Shipped { .. } => "shipped",
        StaffStep::Delivered => "delivered",
    };
    let scope = me.center_scope();
    let order = db::run(&state.pool, move |conn| {
        // The parcel must belong to the order in the URL.
        match queries::find_shipment(conn, shipment)? {
            Some(s) if s.order_id == id => {}
            _ => return Err(AppError::NotFound),
        }
        service::advance(conn, shipment, &step, scope, &actor, now())
    })
    .await;
    match order {
        Ok(_) => Ok(see_other(format!("/admin/orders/{id}?done={done}"))),
        Err(AppError::Forbidden(why)) => Err(me.deny(why)),
        Err(e @ AppError::Conflict { .. }) => {
            let shown = Shown { notice: Some(e.public_message()), shipment: Some(shipment), ..Default::default() };
            render_detail(state, me, id, StatusCode::CONFLICT, shown).await
        }
        Err(e) => Err(e),
    }
}

pub async fn packed(
    state: web::Data<AppState>,
    form: AdminForm<EmptyForm>,
    path: web::Path<(i64, i64)>,
) -> Result<HttpResponse, AppError> {
    step(&state, &form.staff, path.into_inner(), StaffStep::Packed).await
}

pub async fn delivered(
    state: web::Data<AppState>,
    form: AdminForm<EmptyForm>,
    path: web::Path<(i64, i64)>,
) -> Result<HttpResponse, AppError> {
    step(&state, &form.staff, path.into_inner(), StaffStep::Delivered).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ShippedForm {
    carrier: String,
    tracking_number: String,
}

fn short_text(e: &mut FieldErrors, field: &str, value: &str, what: &str) -> String {
    let v = value.trim().to_string();
    if v.is_empty() {
        e.add(field, format!("enter the {what}"));
    } else if v.chars().count() > 60 || v.chars().any(|c| c.is_control()) {
        e.add(field, format!("the {what} must be at most 60 plain characters"));
    }
    v
}

pub async fn shipped(
    state: web::Data<AppState>,
    form: AdminForm<ShippedForm>,
    path: web::Path<(i64, i64)>,
) -> Result<HttpResponse, AppError> {
    let (id, shipment) = path.into_inner();
    let me = &form.staff;
    load_for(&state, me, id).await?;
    let mut e = FieldErrors::default();
    let carrier = short_text(&mut e, "carrier", &form.form.carrier, "carrier's name");
    let tracking_number = short_text(&mut e, "tracking_number", &form.form.tracking_number, "tracking number");
    if !e.is_empty() {
        let shown = Shown { errors: e, shipment: Some(shipment), carrier, tracking_number, ..Default::default() };
        return render_detail(&state, me, id, StatusCode::UNPROCESSABLE_ENTITY, shown).await;
    }
    step(&state, me, (id, shipment), StaffStep::Shipped { carrier, tracking_number }).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RefundForm {
    /// Major units; empty = everything still refundable.
    amount: String,
    reason: String,
    idempotency_key: String,
}

pub async fn refund(
    state: web::Data<AppState>,
    form: AdminForm<RefundForm>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let me = &form.staff;
    let order = load_for(&state, me, id).await?;
    let f = form.form;
    let currency = order.currency;
    let mut e = FieldErrors::default();
    let amount = match f.amount.trim() {
        "" => None,
        a => match Money::parse_major(a, currency) {
            Ok(m) => Some(m.minor),
            Err(err) => {
                e.add("amount", format!("the amount {err}"));
                None
            }
        },
    };
    let reason = f.reason.trim().to_string();
    if reason.chars().count() > 200 {
        e.add("reason", "keep the reason to 200 characters or fewer");
    }
    let key = f.idempotency_key.trim().to_string();
    if key.len() < 16 || key.len() > 64 || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(AppError::bad_request(
            "idempotency_key",
            "This form is out of date: reload the page and try again.",
        ));
    }
    if !e.is_empty() {
        let shown = Shown { errors: e, amount: f.amount, reason, ..Default::default() };
        return render_detail(&state, me, id, StatusCode::UNPROCESSABLE_ENTITY, shown).await;
    }
    let key = format!("admin-refund-{id}-{key}");
    // Refunds never claw back wages or sale bonuses: the artisans' work was done and paid for in
    // good faith; a refund is the shop's cost. The wage ledger is left untouched here (see
    // `fulfilment::refund_recorded`).
    match service::refund(&state, id, amount, key, reason.clone(), me.actor()).await {
        Ok(RefundOutcome::Done) => Ok(see_other(format!("/admin/orders/{id}?done=refunded"))),
        Ok(RefundOutcome::AlreadyDone) => Ok(see_other(format!("/admin/orders/{id}?done=refund-repeated"))),
        Err(AppError::Invalid(errors)) => {
            let shown = Shown { errors, amount: f.amount, reason, ..Default::default() };
            render_detail(&state, me, id, StatusCode::UNPROCESSABLE_ENTITY, shown).await
        }
        Err(conflict @ AppError::Conflict { .. }) => {
            let shown = Shown { notice: Some(conflict.public_message()), ..Default::default() };
            render_detail(&state, me, id, StatusCode::CONFLICT, shown).await
        }
        Err(AppError::PaymentProvider(err)) => {
            tracing::warn!(order_id = id, error = %err, "refund failed at the payment provider");
            let shown = Shown {
                notice: Some(format!(
                    "The refund did not go through: {err}. Nothing was refunded; reload the page to try again."
                )),
                amount: f.amount,
                reason,
                ..Default::default()
            };
            render_detail(&state, me, id, StatusCode::BAD_GATEWAY, shown).await
        }
        Err(e) => Err(e),
    }
}
