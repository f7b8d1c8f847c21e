//! The customer's requests. Which orders a request covers: every order placed with the same
//! email as the order whose link was used — when that order was paid (someone paid with a card
//! under that address; a link from an unpaid checkout, which anyone can start with anyone's
//! address, covers its own order only). The export holds nothing about anyone else, no
//! artisan and no staff internals (client and cart keys, token hashes, who did what).

use chrono::{Months, NaiveDateTime};
use serde::Serialize;
use serde_json::json;

use super::models::NewPrivacyRequest;
use super::queries::{self, Mask, ERASED_DOMAIN, ERASED_PREFIX};
use super::types::{RequestKind, RequestStatus};
use crate::audit::{self, Actor, AuditEvent};
use crate::config::Settings;
use crate::crypto;
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::orders::models::OrderRow;
use crate::orders::types::{Fulfilment, OrderStatus};
use crate::orders::{fulfilment, queries as orders_q, service as orders_s};
use crate::returns;

/// The orders a request made through `order`'s link covers.
pub fn scope(conn: &mut DbConn, order: OrderRow) -> Result<Vec<OrderRow>, AppError> {
    if order.status.is_paid() {
        Ok(queries::orders_by_email(conn, &order.email)?)
    } else {
        Ok(vec![order])
    }
}

/// The order behind a status token, if any.
pub fn by_token(conn: &mut DbConn, token: &str) -> Result<OrderRow, AppError> {
    if token.is_empty() || token.len() > 64 {
        return Err(AppError::NotFound);
    }
    orders_q::find_by_token_hash(conn, &crypto::token_hash(token))?.ok_or(AppError::NotFound)
}

fn iso(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The end of an order's tax-record period.
pub fn retained_until(order: &OrderRow, years: u32) -> NaiveDateTime {
    order.created_at.checked_add_months(Months::new(years.saturating_mul(12))).unwrap_or(NaiveDateTime::MAX)
}

#[derive(Serialize)]
struct ExportAddress {
    name: String,
    line1: String,
    line2: Option<String>,
    city: String,
    region: Option<String>,
    postal_code: String,
    country: String,
}

#[derive(Serialize)]
struct ExportItem {
    sku: String,
    title: String,
    price_minor: i64,
    price: String,
}

#[derive(Serialize)]
struct ExportEvent {
    on: String,
    what: String,
}

#[derive(Serialize)]
struct ExportParcel {
    from_workshop_in: String,
    status: &'static str,
    carrier: Option<String>,
    tracking_number: Option<String>,
    shipped_on: Option<String>,
    delivered_on: Option<String>,
}

#[derive(Serialize)]
struct ExportRefund {
    amount_minor: i64,
    currency: String,
    status: String,
    at: String,
}

#[derive(Serialize)]
struct ExportOrder {
    reference: String,
    placed_at: String,
    status: &'static str,
    shipping_state: &'static str,
    email: String,
    phone: Option<String>,
    shipping_address: ExportAddress,
    shipping_option: String,
    currency: String,
    subtotal_minor: i64,
    shipping_minor: i64,
    total_minor: i64,
    refunded_minor: i64,
    items: Vec<ExportItem>,
    parcels: Vec<ExportParcel>,
    refunds: Vec<ExportRefund>,
    /// The customer's returns of this order: pieces, reason, status, our messages, dates.
    returns: Vec<returns::service::CustomerReturn>,
    timeline: Vec<ExportEvent>,
}

#[derive(Serialize)]
struct ExportEmail {
    kind: &'static str,
    subject: String,
    order: Option<String>,
    written_at: String,
    sent_at: Option<String>,
    status: String,
}

/// The customer's data as one JSON document, and the request recorded (and audit-logged).
pub fn export(
    conn: &mut DbConn,
    settings: &Settings,
    token: &str,
    now: NaiveDateTime,
) -> Result<serde_json::Value, AppError> {
    db::write(conn, |conn| {
        let order = by_token(conn, token)?;
        let via = order.id;
        let address = order.email.clone();
        let all = order.status.is_paid();
        let orders = scope(conn, order)?;
        let mut out = Vec::new();
        for o in &orders {
            out.push(export_order(conn, settings, o.clone())?);
        }
        let references: Vec<String> = orders.iter().map(|o| o.reference.clone()).collect();
        let emails: Vec<ExportEmail> = queries::emails_to(conn, &address)?
            .into_iter()
            .filter(|e| !e.kind.is_staff())
            .filter(|e| all || e.order_id == Some(via))
            .map(|e| {
                let reference =
                    e.order_id.and_then(|id| orders.iter().find(|o| o.id == id)).map(|o| o.reference.clone());
                ExportEmail {
                    kind: e.kind.code(),
                    subject: e.kind.subject(reference.as_deref().unwrap_or(""), &settings.shop.name),
                    order: reference,
                    written_at: iso(e.created_at),
                    sent_at: e.sent_at.map(iso),
                    status: e.status,
                }
            })
            .collect();
        let outcome = json!({ "orders": references, "emails": emails.len() });
        record(conn, RequestKind::Export, RequestStatus::Completed, Some(via), &outcome, now)?;
        let scope_text = if all {
            "every order placed with this email address"
        } else {
            "this order only (its payment was not completed, so the link does not prove the email address is yours)"
        };
        Ok(json!({
            "shop": settings.shop.name,
            "generated_at": iso(now),
            "email": address,
            "covers": scope_text,
            "orders": out,
            "emails": emails,
            "kept_for": format!(
                "Orders are kept for {} years from the day they were placed: tax invoices must be kept under the GST law. Ask for erasure from your order's page.",
                settings.retention.tax_record_years
            ),
        }))
    })
}

fn export_order(conn: &mut DbConn, settings: &Settings, order: OrderRow) -> Result<ExportOrder, AppError> {
    let refunds = orders_q::refunds_of(conn, order.id)?;
    let returns = returns::service::for_customer(conn, order.id)?;
    let full = orders_s::load_full(conn, order)?;
    // The customer's own timeline: the texts their status page shows, by day, no staff names.
    let view = orders_s::view(&full, settings, false)?;
    let o = &full.order;
    let city =
        |center: i64| full.cities.iter().find(|(id, _)| *id == center).map(|(_, c)| c.clone()).unwrap_or_default();
    let day = |t: Option<NaiveDateTime>| t.map(|t| t.format("%Y-%m-%d").to_string());
    Ok(ExportOrder {
        reference: o.reference.clone(),
        placed_at: iso(o.created_at),
        status: o.status.code(),
        shipping_state: o.fulfilment.code(),
        email: o.email.clone(),
        phone: o.phone.clone(),
        shipping_address: ExportAddress {
            name: o.ship_name.clone(),
            line1: o.ship_line1.clone(),
            line2: o.ship_line2.clone(),
            city: o.ship_city.clone(),
            region: o.ship_region.clone(),
            postal_code: o.ship_postal_code.clone(),
            country: o.ship_country.clone(),
        },
        shipping_option: view.shipping_label.clone(),
        currency: o.currency.code().to_string(),
        subtotal_minor: o.subtotal_minor,
        shipping_minor: o.shipping_minor,
        total_minor: o.total_minor,
        refunded_minor: o.refunded_minor,
        items: full
            .items
            .iter()
            .zip(&view.items)
            .map(|(i, v)| ExportItem {
                sku: i.sku.clone(),
                title: i.title.clone(),
                price_minor: i.price_minor,
                price: v.price.clone(),
            })
            .collect(),
        parcels: full
            .shipments
            .iter()
            .map(|s| ExportParcel {
                from_workshop_in: city(s.center_id),
                status: s.status.code(),
                carrier: s.carrier.clone(),
                tracking_number: s.tracking_number.clone(),
                shipped_on: day(s.shipped_at),
                delivered_on: day(s.delivered_at),
            })
            .collect(),
        refunds: refunds
            .iter()
            .map(|r| ExportRefund {
                amount_minor: r.amount_minor,
                currency: r.currency.code().to_string(),
                status: r.status.clone(),
                at: iso(r.created_at),
            })
            .collect(),
        returns,
        timeline: view.timeline.iter().map(|e| ExportEvent { on: e.at.clone(), what: e.text.clone() }).collect(),
    })
}

/// Why an order cannot be erased yet, if it cannot: money or a parcel still on its way (a
/// return under way included), or a dispute open (its evidence may need the address).
pub fn in_progress(conn: &mut DbConn, order: &OrderRow) -> Result<bool, AppError> {
    if returns::service::under_way(conn, order.id)? {
        return Ok(true);
    }
    let busy = match order.status {
        OrderStatus::PendingPayment | OrderStatus::NeedsReview => true,
        OrderStatus::Paid | OrderStatus::PartiallyRefunded => order.fulfilment != Fulfilment::Delivered,
        OrderStatus::Refunded | OrderStatus::Cancelled => false,
    };
    let open_dispute = orders_q::disputes_of(conn, order.id)?.iter().any(|d| !fulfilment::dispute_is_closed(&d.status));
    Ok(busy || open_dispute)
}

/// What the customer is shown before they confirm, and after.
#[derive(Debug, Clone, Serialize)]
pub struct ErasurePlan {
    /// Orders masked entirely (past the tax-record period).
    pub erased: Vec<String>,
    /// Orders whose invoice details stay, with the day they are masked entirely.
    pub kept: Vec<KeptOrder>,
    /// Orders still in progress: nothing is erased while there is one.
    pub in_progress: Vec<String>,
    pub years: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct KeptOrder {
    pub reference: String,
    pub until: String,
}

fn plan_for(conn: &mut DbConn, orders: &[OrderRow], years: u32, now: NaiveDateTime) -> Result<ErasurePlan, AppError> {
    let mut plan = ErasurePlan { erased: vec![], kept: vec![], in_progress: vec![], years };
    for o in orders {
        if in_progress(conn, o)? {
            plan.in_progress.push(o.reference.clone());
        }
        let until = retained_until(o, years);
        if until > now {
            plan.kept.push(KeptOrder { reference: o.reference.clone(), until: until.format("%-d %B %Y").to_string() });
        } else {
            plan.erased.push(o.reference.clone());
        }
    }
    Ok(plan)
}

/// What erasing would do, without doing it (the confirmation page).
pub fn plan(conn: &mut DbConn, token: &str, years: u32, now: NaiveDateTime) -> Result<ErasurePlan, AppError> {
    let order = by_token(conn, token)?;
    let orders = scope(conn, order)?;
    plan_for(conn, &orders, years, now)
}

/// What an erasure request came to.
#[derive(Debug, Clone)]
pub enum Erasure {
    Done(ErasurePlan),
    /// An order is still in progress: nothing was erased (the refusal is recorded).
    Refused(ErasurePlan),
}

/// The message a refused erasure shows.
pub const IN_PROGRESS: &str =
    "You have an order in progress; ask again after it is delivered or refunded. Nothing has been erased.";

/// Erases the customer's data (see the module and `queries::Mask`), in one write, every
/// order concerned locked first so that a payment or a parcel step committed meanwhile is
/// seen. Refused, and recorded as refused, while any order is in progress.
pub fn erase(conn: &mut DbConn, token: &str, years: u32, now: NaiveDateTime) -> Result<Erasure, AppError> {
    db::write(conn, |conn| {
        let order = by_token(conn, token)?;
        let via = order.id;
        let email = order.email.clone();
        let mut orders = Vec::new();
        for o in scope(conn, order)? {
            orders.push(orders_q::lock(conn, o.id)?.ok_or(AppError::NotFound)?);
        }
        let plan = plan_for(conn, &orders, years, now)?;
        if !plan.in_progress.is_empty() {
            let outcome = json!({ "reason": IN_PROGRESS, "in_progress": plan.in_progress });
            record(conn, RequestKind::Erasure, RequestStatus::Refused, Some(via), &outcome, now)?;
            return Ok(Erasure::Refused(plan));
        }
        let carts: Vec<String> = orders.iter().filter_map(|o| o.cart_key.clone()).collect();
        for o in &orders {
            let mask = if retained_until(o, years) > now { Mask::KeepInvoice } else { Mask::Everything };
            mask_one(conn, o, mask, now)?;
        }
        let emails_deleted = queries::delete_unsent_to(conn, &email)?;
        let emails_masked = queries::mask_sent_to(conn, &email, &placeholder())?;
        let provider_events = queries::redact_provider_events(conn, &email)?;
        let carts_deleted = queries::delete_carts(conn, &carts)?;
        queries::delete_login_attempts(conn, &email)?;
        let outcome = json!({
            "erased": plan.erased,
            "kept": plan.kept.iter().map(|k| json!({
                "reference": k.reference,
                "until": k.until,
                "kept": "name, state, postal code, country, amounts and items",
                "why": format!("a tax invoice must be kept {} years under the GST law", years),
            })).collect::<Vec<_>>(),
            "emails_deleted": emails_deleted,
            "emails_masked": emails_masked,
            "provider_events_redacted": provider_events,
            "carts_deleted": carts_deleted,
        });
        record(conn, RequestKind::Erasure, RequestStatus::Completed, Some(via), &outcome, now)?;
        Ok(Erasure::Done(plan))
    })
}

fn placeholder() -> String {
    format!("{ERASED_PREFIX}{}{ERASED_DOMAIN}", &crypto::token_hash(&crypto::random_token(16))[..20])
}

/// Masks one order, what holds its email (its payment requests) and its returns' texts
/// (`queries::mask_return_texts`). Each order gets its own
/// placeholder, so masked orders cannot be linked to one another.
pub fn mask_one(conn: &mut DbConn, order: &OrderRow, mask: Mask, now: NaiveDateTime) -> Result<String, AppError> {
    let placeholder = placeholder();
    let dead_hash = crypto::token_hash(&crypto::random_token(32));
    queries::mask_order(conn, order.id, mask, &placeholder, &dead_hash, now)?;
    queries::mask_payment_requests(conn, order.id, &order.email, &placeholder)?;
    // A tax invoice needs none of a return's texts: they go whatever the mask.
    queries::mask_return_texts(conn, order.id)?;
    Ok(placeholder)
}

/// Records a request (and the same in the audit log, by the customer or the retention job).
pub fn record(
    conn: &mut DbConn,
    kind: RequestKind,
    status: RequestStatus,
    order_id: Option<i64>,
    outcome: &serde_json::Value,
    now: NaiveDateTime,
) -> Result<i64, AppError> {
    let id = queries::insert_request(
        conn,
        &NewPrivacyRequest {
            kind,
            status,
            order_id,
            received_at: now,
            completed_at: (status == RequestStatus::Completed).then_some(now),
            outcome: outcome.to_string(),
        },
    )?;
    let actor = Actor::system(if kind == RequestKind::Retention { "retention" } else { "customer" });
    let refused = if status == RequestStatus::Refused { "_refused" } else { "" };
    let action = format!("privacy.{}{refused}", kind.code());
    let mut details = outcome.clone();
    details["order_id"] = json!(order_id);
    audit::record(
        conn,
        &actor,
        &AuditEvent {
            action: &action,
            entity_type: "privacy_request",
            entity_id: Some(id.to_string()),
            center_id: None,
            details,
        },
        now,
    )?;
    Ok(id)
}
