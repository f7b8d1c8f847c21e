//! Order use cases beyond payment events: what the customer's status page and the back office
//! show, staff moving an order along (packed, shipped, delivered), and refunds.

use chrono::NaiveDateTime;
use serde::Serialize;
use serde_json::json;

use super::fulfilment;
use super::models::{NewRefund, OrderEventRow, OrderItemRow, OrderRow};
use super::queries::{self, write_transaction};
use super::types::{event, OrderStatus};
use crate::audit::{self, Actor};
use crate::checkout::countries;
use crate::config::{Settings, ShippingZone};
use crate::crypto::Cipher;
use crate::db::{self, DbConn};
use crate::email::{self, EmailKind};
use crate::error::AppError;
use crate::money::{Currency, Money};
use crate::payments::{PaymentError, RefundRequest};
use crate::startup::AppState;

/// The customer's status link for an order, from the sealed copy of its token (for emails
/// written after checkout; see the `status_token_sealed` migration).
pub fn status_url(order: &OrderRow, cipher: &Cipher, base_url: &str) -> Option<String> {
    let token = cipher.decrypt(order.status_token_sealed.as_deref()?).ok()?;
    Some(format!("{base_url}/orders/{token}"))
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    pub title: String,
    pub sku: String,
    pub price: String,
    pub center_id: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    pub at: String,
    pub actor: String,
    pub text: String,
}

/// An order as a page shows it (money formatted, codes turned into words).
#[derive(Debug, Clone, Serialize)]
pub struct OrderView {
    pub id: i64,
    pub reference: String,
    pub status: &'static str,
    pub status_label: &'static str,
    pub disputed: bool,
    pub email: String,
    pub address: Vec<String>,
    pub shipping_label: String,
    pub items: Vec<ItemView>,
    pub subtotal: String,
    pub shipping: String,
    pub total: String,
    pub refunded: Option<String>,
    pub refundable_minor: i64,
    pub refundable: String,
    pub carrier: Option<String>,
    pub tracking_number: Option<String>,
    pub placed: String,
    pub timeline: Vec<EventView>,
}

fn money(minor: i64, currency: Currency) -> String {
    Money::new(minor, currency).to_string()
}

fn shipping_label(zones: &[ShippingZone], code: &str) -> String {
    zones.iter().flat_map(|z| z.options.iter()).find(|o| o.code == code).map(|o| o.label.clone()).unwrap_or(code.into())
}

/// What an event says: `staff` views see every event; the customer sees their own story.
fn event_text(e: &OrderEventRow, currency: Currency, staff: bool) -> Option<String> {
    let d: serde_json::Value = serde_json::from_str(&e.details).unwrap_or_default();
    let amount = |k: &str| d[k].as_i64().map(|m| money(m, currency)).unwrap_or_default();
    let text = match e.kind.as_str() {
        event::CREATED => "Order placed; the pieces are reserved while you pay.".to_string(),
        event::PAID => format!("Payment of {} received.", amount("amount_minor")),
        event::PAYMENT_FAILED => "The payment was not completed; the pieces are back in the shop.".to_string(),
        event::HOLD_LOST => {
            "Your payment arrived after a piece had gone to another customer; it is being refunded in full.".to_string()
        }
        event::PACKED => "Packed.".to_string(),
        event::SHIPPED => format!(
            "Shipped with {}, tracking number {}.",
            d["carrier"].as_str().unwrap_or(""),
            d["tracking_number"].as_str().unwrap_or("")
        ),
        event::DELIVERED => "Delivered.".to_string(),
        event::REFUNDED => {
            format!("Refund of {} (refunded in all: {}).", amount("amount_minor"), amount("refunded_total_minor"))
        }
        event::REFUND_REQUESTED if staff => format!("Refund of {} requested.", amount("amount_minor")),
        event::DISPUTE_OPENED if staff => format!("Dispute opened ({}).", d["dispute_id"].as_str().unwrap_or("")),
        event::CHECKOUT_ABANDONED if staff => {
            format!("Checkout abandoned: {}.", d["reason"].as_str().unwrap_or("payment provider unavailable"))
        }
        _ if staff => e.kind.clone(),
        _ => return None,
    };
    Some(text)
}

pub fn view(
    order: &OrderRow,
    items: &[OrderItemRow],
    events: &[OrderEventRow],
    settings: &Settings,
    staff: bool,
) -> Result<OrderView, AppError> {
    let currency = Currency::parse(&order.currency).ok_or_else(|| AppError::corrupt(&order.currency))?;
    let status = order.status()?;
    let country = countries::name_of(&order.ship_country).unwrap_or(&order.ship_country).to_string();
    let mut address = vec![order.ship_name.clone(), order.ship_line1.clone()];
    address.extend(order.ship_line2.clone());
    let mut city = order.ship_city.clone();
    if let Some(r) = &order.ship_region {
        city.push_str(&format!(", {r}"));
    }
    if !order.ship_postal_code.is_empty() {
        city.push_str(&format!(" {}", order.ship_postal_code));
    }
    address.push(city);
    address.push(country);
    let refundable_minor = if status.is_paid() { order.total_minor - order.refunded_minor } else { 0 };
    Ok(OrderView {
        id: order.id,
        reference: order.reference.clone(),
        status: status.code(),
        status_label: status.label(),
        disputed: order.disputed,
        email: order.email.clone(),
        address,
        shipping_label: shipping_label(&settings.shipping_zones, &order.shipping_option),
        items: items
            .iter()
            .map(|i| ItemView {
                title: i.title.clone(),
                sku: i.sku.clone(),
                price: money(i.price_minor, currency),
                center_id: i.center_id,
            })
            .collect(),
        subtotal: money(order.subtotal_minor, currency),
        shipping: money(order.shipping_minor, currency),
        total: money(order.total_minor, currency),
        refunded: (order.refunded_minor > 0).then(|| money(order.refunded_minor, currency)),
        refundable_minor,
        refundable: money(refundable_minor, currency),
        carrier: order.carrier.clone(),
        tracking_number: order.tracking_number.clone(),
        placed: order.created_at.format("%-d %B %Y, %H:%M UTC").to_string(),
        timeline: events
            .iter()
            .filter_map(|e| {
                event_text(e, currency, staff).map(|text| EventView {
                    at: e.at.format("%-d %b %Y %H:%M UTC").to_string(),
                    actor: e.actor.clone(),
                    text,
                })
            })
            .collect(),
    })
}

/// An order with its items and timeline.
pub fn load_full(
    conn: &mut DbConn,
    order: OrderRow,
) -> Result<(OrderRow, Vec<OrderItemRow>, Vec<OrderEventRow>), AppError> {
    let items = queries::items_of(conn, order.id)?;
    let events = queries::events_of(conn, order.id)?;
    Ok((order, items, events))
}

// ---------------------------------------------------------------------------------------------
// Staff moving an order along

/// What staff can do to an order from its page.
#[derive(Debug, Clone)]
pub enum StaffStep {
    Packed,
    Shipped { carrier: String, tracking_number: String },
    Delivered,
}

/// Moves the order one step (the state machine decides whether it may), with a timeline event,
/// an audit entry and, when shipped, the customer's email. The caller has checked the staff
/// member may act for the order's center(s).
pub fn advance(
    conn: &mut DbConn,
    order_id: i64,
    step: &StaffStep,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    write_transaction(conn, |conn| {
        let order = queries::find(conn, order_id)?.ok_or(AppError::NotFound)?;
        let from = order.status()?;
        let (to, kind) = match step {
            StaffStep::Packed => (OrderStatus::Packed, event::PACKED),
            StaffStep::Shipped { .. } => (OrderStatus::Shipped, event::SHIPPED),
            StaffStep::Delivered => (OrderStatus::Delivered, event::DELIVERED),
        };
        from.transition(to).map_err(|_| AppError::BadRequest {
            field: None,
            message: format!(
                "An order that is {} cannot be marked {}.",
                from.label().to_lowercase(),
                to.label().to_lowercase()
            ),
        })?;
        // Conditional on the status we read: a concurrent change makes this a no-op, not a mess.
        if !queries::move_status(conn, order_id, &[from.code()], to.code(), now)? {
            return Err(AppError::BadRequest {
                field: None,
                message: "The order changed meanwhile; reload and try again.".into(),
            });
        }
        let mut details = json!({ "from": from.code(), "to": to.code() });
        if let StaffStep::Shipped { carrier, tracking_number } = step {
            queries::set_tracking(conn, order_id, carrier, tracking_number, now)?;
            details["carrier"] = json!(carrier);
            details["tracking_number"] = json!(tracking_number);
        }
        queries::add_event(conn, order_id, &actor.label, kind, details.clone(), now)?;
        audit::record(conn, actor, &format!("order.{kind}"), "order", Some(order_id.to_string()), None, details, now)?;
        if matches!(step, StaffStep::Shipped { .. }) {
            email::enqueue(conn, EmailKind::Shipped, &order.email, Some(order_id), now)?;
        }
        Ok(())
    })
}

// ---------------------------------------------------------------------------------------------
// Refunds

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefundOutcome {
    /// Refunded now.
    Done,
    /// This form (idempotency key) was already used: nothing more was refunded.
    AlreadyDone,
}

#[derive(Debug, thiserror::Error)]
pub enum RefundError {
    /// The request cannot be honoured as asked (amount, order state): shown by the field.
    #[error("{1}")]
    Invalid(&'static str, String),
    #[error("the payment provider refused the refund: {0}")]
    Gateway(PaymentError),
    #[error(transparent)]
    App(#[from] AppError),
}

impl From<diesel::result::Error> for RefundError {
    fn from(e: diesel::result::Error) -> Self {
        Self::App(e.into())
    }
}

impl From<crate::db::DbError> for RefundError {
    fn from(e: crate::db::DbError) -> Self {
        Self::App(e.into())
    }
}

fn is_unique_violation(e: &diesel::result::Error) -> bool {
    matches!(e, diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _))
}

/// Refunds `amount_minor` (or everything still refundable when `None`) of an order.
///
/// The refunds row (with the form's idempotency key) is written first, in its own
/// transaction: the same form submitted twice finds it and refunds nothing more, and Stripe
/// receives the same key, so a retried call cannot refund twice either. Then the gateway is
/// called, and the new refunded total recorded through `fulfilment::refund_recorded` (the
/// Stripe webhook reports the same total later, which is then no change).
pub async fn refund(
    state: &AppState,
    order_id: i64,
    amount_minor: Option<i64>,
    key: String,
    reason: String,
    actor: Actor,
) -> Result<RefundOutcome, RefundError> {
    let now = chrono::Utc::now().naive_utc();
    let stripe = state.settings.stripe.is_some();
    let key2 = key.clone();
    let actor2 = actor.clone();
    let started = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            if queries::refund_by_key(conn, &key2)?.is_some() {
                return Ok(None);
            }
            let order = queries::find(conn, order_id)?.ok_or(AppError::NotFound)?;
            let status = order.status()?;
            let hold_lost = queries::has_event(conn, order_id, event::HOLD_LOST)?;
            if !status.is_paid() && !hold_lost {
                return Err(RefundError::Invalid(
                    "amount",
                    format!("An order that is {} has no payment to refund.", status.label().to_lowercase()),
                ));
            }
            let committed: i64 = queries::refunds_of(conn, order_id)?
                .iter()
                .filter(|r| r.status != "failed")
                .map(|r| r.amount_minor)
                .sum::<i64>()
                .max(order.refunded_minor);
            let refundable = order.total_minor - committed;
            let amount = amount_minor.unwrap_or(refundable);
            let currency = Currency::parse(&order.currency).ok_or_else(|| AppError::corrupt(&order.currency))?;
            if refundable <= 0 {
                return Err(RefundError::Invalid("amount", "This order has been refunded in full already.".into()));
            }
            if amount <= 0 || amount > refundable {
                return Err(RefundError::Invalid(
                    "amount",
                    format!("Enter an amount above zero and at most {}.", Money::new(refundable, currency)),
                ));
            }
            let payment_intent = order.payment_intent_id.clone();
            if stripe && payment_intent.is_none() {
                return Err(RefundError::Invalid("amount", "This order has no Stripe payment to refund.".into()));
            }
            let inserted = queries::insert_refund(
                conn,
                &NewRefund {
                    order_id,
                    amount_minor: amount,
                    currency: order.currency.clone(),
                    reason: reason.clone(),
                    idempotency_key: key2.clone(),
                    status: "pending".into(),
                    created_at: now,
                },
            );
            let refund_id = match inserted {
                Err(e) if is_unique_violation(&e) => return Ok(None),
                other => other?,
            };
            let details = json!({ "refund_id": refund_id, "amount_minor": amount, "reason": reason });
            queries::add_event(conn, order_id, &actor2.label, event::REFUND_REQUESTED, details.clone(), now)?;
            audit::record(conn, &actor2, "order.refund", "order", Some(order_id.to_string()), None, details, now)?;
            Ok(Some((refund_id, amount, payment_intent.unwrap_or_default())))
        })
    })
    .await;
    let (refund_id, amount, payment_intent_id) = match started {
        Ok(Some(s)) => s,
        Ok(None) => return Ok(RefundOutcome::AlreadyDone),
        // Two submissions of the same form at the same moment: the other one wrote the row.
        Err(RefundError::App(AppError::Internal(m))) if m.contains("UNIQUE") || m.contains("unique") => {
            return Ok(RefundOutcome::AlreadyDone)
        }
        Err(e) => return Err(e),
    };
    let req = RefundRequest { payment_intent_id, amount_minor: amount, idempotency_key: key };
    let result = crate::checkout::payment::refund(state, &req).await;
    let label = actor.label.clone();
    db::run(&state.pool, move |conn| match result {
        Ok(r) => {
            let status = if r.status == "failed" || r.status == "canceled" { "failed" } else { "succeeded" };
            queries::set_refund_result(conn, refund_id, Some(&r.id), status)?;
            if status == "failed" {
                return Err(RefundError::Gateway(PaymentError::Rejected(format!("refund {}", r.status))));
            }
            let total: i64 = queries::refunds_of(conn, order_id)?
                .iter()
                .filter(|r| r.status == "succeeded")
                .map(|r| r.amount_minor)
                .sum();
            fulfilment::refund_recorded(conn, order_id, total, &label, now)?;
            Ok(RefundOutcome::Done)
        }
        Err(e) => {
            queries::set_refund_result(conn, refund_id, None, "failed")?;
            Err(RefundError::Gateway(e))
        }
    })
    .await
}
