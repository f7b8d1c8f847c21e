//! Order use cases beyond payment events: what the customer's status page and the back office
//! show, staff moving an order along (packed, shipped, delivered), and refunds.

use chrono::NaiveDateTime;
use serde::Serialize;
use serde_json::json;

use super::fulfilment;
use super::models::{DisputeRow, NewRefund, OrderEventRow, OrderItemRow, OrderRow, ShipmentRow};
use super::queries;
use super::types::{event, Fulfilment, OrderStatus, ShipmentStatus};
use crate::audit::{self, Actor, AuditEvent};
use crate::config::{Settings, ShippingZone};
use crate::crypto::{Cipher, Field};
use crate::db::{self, DbConn};
use crate::email::{self, EmailKind};
use crate::error::AppError;
use crate::money::{Currency, Money};
use crate::payments::{PaymentError, RefundRequest};
use crate::policies::{self, PolicyKind};
use crate::shipping::carriers;
use crate::shipping::countries;
use crate::state::AppState;

/// The customer's status link for an order, from the sealed copy of its token (for emails
/// written after checkout; see the `status_token_sealed` migration).
pub fn status_url(order: &OrderRow, cipher: &Cipher, base_url: &str) -> Option<String> {
    let token = cipher.open(Field::ORDER_STATUS_TOKEN, order.id, order.status_token_sealed.as_deref()?).ok()?;
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
    /// The stored UTC time, for staff pages only (shown in the reader's zone with
    /// `local_time`); never on the customer's page, which shows days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_utc: Option<NaiveDateTime>,
    pub actor: String,
    pub text: String,
}

/// One center's parcel as a page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ShipmentView {
    pub id: i64,
    pub center_id: i64,
    pub center: String,
    pub status: &'static str,
    pub status_label: &'static str,
    pub items: Vec<ItemView>,
    pub carrier: Option<String>,
    pub tracking_number: Option<String>,
    pub tracking_url: Option<String>,
    pub packed_on: Option<String>,
    pub shipped_on: Option<String>,
    pub delivered_on: Option<String>,
    /// The stored UTC times, for staff pages only (`local_date`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipped_at: Option<NaiveDateTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivered_at: Option<NaiveDateTime>,
    /// What staff may do next with it (the order must be shippable).
    pub can_pack: bool,
    pub can_ship: bool,
    pub can_deliver: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct DisputeView {
    pub id: String,
    pub amount: String,
    pub reason: String,
    pub status: String,
    pub open: bool,
    pub lost: bool,
    pub evidence_due_by: Option<String>,
    pub evidence_due_at: Option<NaiveDateTime>,
}

/// An order as a page shows it (money formatted, codes turned into words).
#[derive(Debug, Clone, Serialize)]
pub struct OrderView {
    pub id: i64,
    pub reference: String,
    pub status: &'static str,
    pub status_label: &'static str,
    pub fulfilment: &'static str,
    pub fulfilment_label: &'static str,
    pub shippable: bool,
    pub disputed: bool,
    pub email: String,
    pub phone: Option<String>,
    pub address: Vec<String>,
    pub shipping_label: String,
    pub items: Vec<ItemView>,
    pub shipments: Vec<ShipmentView>,
    pub disputes: Vec<DisputeView>,
    pub subtotal: String,
    pub shipping: String,
    pub total: String,
    pub received: Option<String>,
    pub refunded: Option<String>,
    pub refundable_minor: i64,
    pub refundable: String,
    pub placed: String,
    /// When the order was placed, stored UTC (`local_time` on staff pages).
    pub placed_at: NaiveDateTime,
    pub timeline: Vec<EventView>,
    /// The policies the buyer accepted by placing the order, in the versions shown to them.
    pub accepted_policies: Vec<AcceptedPolicyView>,
    /// What the buyer paid in their own currency, with the rate ("€126.00 at 0.92 EUR per USD
    /// of 1 December 2026"), when it is not the shop's.
    pub charged: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AcceptedPolicyView {
    /// The policy's code: that version's public page is `/policies/{kind}/versions/{version}`.
    pub kind: &'static str,
    pub title: &'static str,
    pub version: i64,
}

/// An order with everything its pages show.
pub struct FullOrder {
    pub order: OrderRow,
    pub items: Vec<OrderItemRow>,
    pub events: Vec<OrderEventRow>,
    pub shipments: Vec<ShipmentRow>,
    pub disputes: Vec<DisputeRow>,
    /// Center id → city, for the parcels.
    pub cities: Vec<(i64, String)>,
    /// The versions of the terms of sale and the returns policy accepted at checkout.
    pub accepted: Vec<(PolicyKind, i64)>,
    /// What the buyer was charged in their own currency, if not the shop's (`orders::charge`).
    pub charge: Option<super::charge::ChargeRow>,
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
    // A payment's event names the currency it was paid in (a buyer's own: `orders::charge`).
    let paid_in = d["currency"].as_str().and_then(Currency::parse).unwrap_or(currency);
    let amount = |k: &str| {
        let c = if matches!(e.kind.as_str(), event::PAID | event::PAID_REFUNDED) { paid_in } else { currency };
        d[k].as_i64().map(|m| money(m, c)).unwrap_or_default()
    };
    let text = match e.kind.as_str() {
        event::CREATED => "Order placed; the pieces are reserved while you pay.".to_string(),
        event::PAID_REFUNDED => format!(
            "Payment of {} received; it had already been refunded in full, so nothing will be shipped.",
            amount("amount_minor")
        ),
        event::PAID => format!("Payment of {} received.", amount("amount_minor")),
        event::PAYMENT_PROCESSING => "Checkout completed; the payment is still being processed.".to_string(),
        event::PAYMENT_FAILED | event::EXPIRED => {
            "The payment was not completed; the pieces are back in the shop.".to_string()
        }
        event::HOLD_LOST => {
            "Your payment arrived after a piece had gone to another customer; it is being refunded in full.".to_string()
        }
        event::PACKED => match d["center"].as_str() {
            Some(center) => format!("Parcel from {center} packed."),
            None => "Packed.".to_string(),
        },
        event::SHIPPED => {
            let from = d["center"].as_str().map(|c| format!("Parcel from {c} shipped")).unwrap_or("Shipped".into());
            format!(
                "{from} with {}, tracking number {}.",
                d["carrier"].as_str().unwrap_or(""),
                d["tracking_number"].as_str().unwrap_or("")
            )
        }
        event::DELIVERED => match d["center"].as_str() {
            Some(center) => format!("Parcel from {center} delivered."),
            None => "Delivered.".to_string(),
        },
        event::REFUNDED => {
            let back = if d["relisted"].as_i64().unwrap_or(0) > 0 && staff {
                " Nothing had shipped: the pieces are back on sale."
            } else {
                ""
            };
            format!("Refund of {} (refunded in all: {}).{back}", amount("amount_minor"), amount("refunded_total_minor"))
        }
        event::REFUND_REQUESTED if staff => format!("Refund of {} requested.", amount("amount_minor")),
        event::PAYMENT_REVIEW if staff => format!(
            "Payment needs review, it did not count: {}.",
            d["reason"].as_str().unwrap_or("it does not match the order")
        ),
        event::DISPUTE_OPENED if staff => format!(
            "Dispute {} opened ({}, {}).",
            d["dispute_id"].as_str().unwrap_or(""),
            amount("amount_minor"),
            d["reason"].as_str().unwrap_or("no reason given").replace('_', " ")
        ),
        event::DISPUTE_UPDATED if staff => format!(
            "Dispute {} is now: {}.",
            d["dispute_id"].as_str().unwrap_or(""),
            d["status"].as_str().unwrap_or("").replace('_', " ")
        ),
        event::DISPUTE_CLOSED if staff => format!(
            "Dispute {} closed: {}.",
            d["dispute_id"].as_str().unwrap_or(""),
            d["status"].as_str().unwrap_or("").replace('_', " ")
        ),
        event::RETURN_REQUESTED
        | event::RETURN_APPROVED
        | event::RETURN_DECLINED
        | event::RETURN_RECEIVED
        | event::RETURN_REFUNDED
        | event::RETURN_CLOSED => return_text(e.kind.as_str(), &d, currency, staff),
        event::SUPERSEDED if staff => "Replaced by a new checkout from the same cart.".to_string(),
        event::CHECKOUT_ABANDONED if staff => {
            format!("Checkout abandoned: {}.", d["reason"].as_str().unwrap_or("payment provider unavailable"))
        }
        _ if staff => e.kind.clone(),
        _ => return None,
    };
    Some(text)
}

/// A return's step on the timeline (`returns`): the pieces by title, the staff's message to
/// the customer; staff also see the condition recorded on receipt and where the pieces went.
fn return_text(kind: &str, d: &serde_json::Value, currency: Currency, staff: bool) -> String {
    let pieces = d["pieces"]
        .as_array()
        .map(|a| a.iter().filter_map(|p| p.as_str()).collect::<Vec<_>>().join(", "))
        .unwrap_or_default();
    let said = |k: &str| d[k].as_str().filter(|m| !m.is_empty()).map(|m| format!(" “{m}”")).unwrap_or_default();
    match kind {
        event::RETURN_REQUESTED => format!("Return requested for {pieces}:{}", said("reason")),
        event::RETURN_APPROVED => format!("Return of {pieces} approved.{}", said("message")),
        event::RETURN_DECLINED => format!("Return of {pieces} declined.{}", said("message")),
        event::RETURN_RECEIVED if staff => format!(
            "Returned {pieces} received; condition:{}. {}",
            said("condition"),
            if d["restocked"].as_bool() == Some(true) { "Back on sale." } else { "Withdrawn from sale." }
        ),
        event::RETURN_RECEIVED => format!("Returned {pieces} received at the workshop."),
        event::RETURN_REFUNDED => format!(
            "Return of {pieces} refunded: {}.",
            d["amount_minor"].as_i64().map(|m| money(m, currency)).unwrap_or_default()
        ),
        _ => format!("Return of {pieces} closed without a refund.{}", said("message")),
    }
}

fn day(t: Option<NaiveDateTime>) -> Option<String> {
    t.map(|t| t.format("%-d %B %Y").to_string())
}

pub fn view(full: &FullOrder, settings: &Settings, staff: bool) -> Result<OrderView, AppError> {
    let order = &full.order;
    let currency = order.currency;
    let status = order.status;
    let fulfilment = order.fulfilment;
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
    let refundable_minor = match status {
        OrderStatus::Paid
        | OrderStatus::PartiallyRefunded
        | OrderStatus::Refunded
        | OrderStatus::NeedsReview
        | OrderStatus::Cancelled => (order.received_minor - order.refunded_minor).max(0),
        OrderStatus::PendingPayment => 0,
    };
    let item_view = |i: &OrderItemRow| ItemView {
        title: i.title.clone(),
        sku: i.sku.clone(),
        price: money(i.price_minor, currency),
        center_id: i.center_id,
    };
    let shippable = status.is_shippable();
    let mut shipments = Vec::new();
    for s in &full.shipments {
        let st = s.status;
        shipments.push(ShipmentView {
            id: s.id,
            center_id: s.center_id,
            center: full.cities.iter().find(|(id, _)| *id == s.center_id).map(|(_, c)| c.clone()).unwrap_or_default(),
            status: st.code(),
            status_label: st.label(),
            items: full.items.iter().filter(|i| i.center_id == s.center_id).map(item_view).collect(),
            carrier: s.carrier.clone(),
            tracking_number: s.tracking_number.clone(),
            tracking_url: carriers::url(s.carrier.as_deref(), s.tracking_number.as_deref()),
            packed_on: day(s.packed_at),
            shipped_on: day(s.shipped_at),
            delivered_on: day(s.delivered_at),
            shipped_at: s.shipped_at.filter(|_| staff),
            delivered_at: s.delivered_at.filter(|_| staff),
            can_pack: shippable && st.can_become(ShipmentStatus::Packed),
            can_ship: shippable && st.can_become(ShipmentStatus::Shipped),
            can_deliver: st.can_become(ShipmentStatus::Delivered),
        });
    }
    Ok(OrderView {
        id: order.id,
        reference: order.reference.clone(),
        status: status.code(),
        status_label: status.label(),
        fulfilment: fulfilment.code(),
        fulfilment_label: fulfilment.label(),
        shippable,
        disputed: order.disputed,
        email: order.email.clone(),
        phone: order.phone.clone(),
        address,
        shipping_label: shipping_label(&settings.shipping_zones, &order.shipping_option),
        items: full.items.iter().map(item_view).collect(),
        shipments,
        disputes: full
            .disputes
            .iter()
            .map(|d| DisputeView {
                id: d.id.clone(),
                amount: money(d.amount_minor, d.currency),
                reason: d.reason.replace('_', " "),
                status: d.status.replace('_', " "),
                open: !fulfilment::dispute_is_closed(&d.status),
                lost: d.status == "lost",
                evidence_due_by: d.evidence_due_by.map(|t| t.format("%-d %B %Y, %H:%M UTC").to_string()),
                evidence_due_at: d.evidence_due_by,
            })
            .collect(),
        subtotal: money(order.subtotal_minor, currency),
        shipping: money(order.shipping_minor, currency),
        total: money(order.total_minor, currency),
        received: (order.received_minor > 0 && order.received_minor != order.total_minor)
            .then(|| money(order.received_minor, currency)),
        refunded: (order.refunded_minor > 0).then(|| money(order.refunded_minor, currency)),
        refundable_minor,
        refundable: money(refundable_minor, currency),
        placed: order.created_at.format("%-d %B %Y, %H:%M UTC").to_string(),
        placed_at: order.created_at,
        accepted_policies: full
            .accepted
            .iter()
            .map(|(kind, version)| AcceptedPolicyView { kind: kind.code(), title: kind.title(), version: *version })
            .collect(),
        charged: full.charge.as_ref().map(|c| {
            format!(
                "{} at {} {} per {} (rates of {})",
                money(c.amount_minor, c.currency),
                c.rate,
                c.currency,
                c.base_currency,
                c.rate_date.format("%-d %B %Y")
            )
        }),
        timeline: full
            .events
            .iter()
            .filter_map(|e| {
                event_text(e, currency, staff).map(|text| EventView {
                    // The customer's page shows days only: the minute a parcel was packed says
                    // when someone was at the workshop.
                    at: if staff {
                        e.at.format("%-d %b %Y %H:%M UTC").to_string()
                    } else {
                        e.at.format("%-d %b %Y").to_string()
                    },
                    at_utc: staff.then_some(e.at),
                    actor: e.actor.clone(),
                    text,
                })
            })
            .collect(),
    })
}

/// An order with its items, timeline, parcels and disputes.
pub fn load_full(conn: &mut DbConn, order: OrderRow) -> Result<FullOrder, AppError> {
    let items = queries::items_of(conn, order.id)?;
    let events = queries::events_of(conn, order.id)?;
    let shipments = queries::shipments_of(conn, order.id)?;
    let disputes = queries::disputes_of(conn, order.id)?;
    let cities = crate::centers::all(conn)?.into_iter().map(|c| (c.id, c.city)).collect();
    let accepted = policies::queries::accepted_by_order(conn, order.id)?;
    let charge = super::charge::of(conn, order.id)?;
    Ok(FullOrder { order, items, events, shipments, disputes, cities, accepted, charge })
}

// ---------------------------------------------------------------------------------------------
// Staff moving a parcel along

/// What staff can do to a parcel from the order's page.
#[derive(Debug, Clone)]
pub enum StaffStep {
    Packed,
    Shipped { carrier: String, tracking_number: String },
    Delivered,
}

impl StaffStep {
    fn target(&self) -> (ShipmentStatus, &'static str) {
        match self {
            Self::Packed => (ShipmentStatus::Packed, event::PACKED),
            Self::Shipped { .. } => (ShipmentStatus::Shipped, event::SHIPPED),
            Self::Delivered => (ShipmentStatus::Delivered, event::DELIVERED),
        }
    }
}

/// Moves one center's parcel one step, with a timeline event, an audit entry and, when
/// shipped, the customer's email for that parcel; the order's fulfilment follows from all its
/// parcels. `center_scope` is a manager's center: they move only their own center's parcel.
/// The order row is locked first, so a refund committed meanwhile is seen: a parcel of an
/// order refunded in full (or not paid) is never packed or shipped.
pub fn advance(
    conn: &mut DbConn,
    shipment_id: i64,
    step: &StaffStep,
    center_scope: Option<i64>,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<i64, AppError> {
    db::write(conn, |conn| {
        let shipment = queries::find_shipment(conn, shipment_id)?.ok_or(AppError::NotFound)?;
        if center_scope.is_some_and(|c| c != shipment.center_id) {
            return Err(AppError::Forbidden("This parcel is packed and shipped by another workshop.".into()));
        }
        let order = queries::lock(conn, shipment.order_id)?.ok_or(AppError::NotFound)?;
        let status = order.status;
        let (to, kind) = step.target();
        if to != ShipmentStatus::Delivered && !status.is_shippable() {
            return Err(AppError::conflict(
                "invalid_status",
                format!("An order that is {} is not packed or shipped.", status.label().to_lowercase()),
            ));
        }
        let from = shipment.status;
        if !from.can_become(to) {
            return Err(AppError::conflict(
                "invalid_status",
                format!(
                    "A parcel that is {} cannot be marked {}.",
                    from.label().to_lowercase(),
                    to.label().to_lowercase()
                ),
            ));
        }
        let tracking = match step {
            StaffStep::Shipped { carrier, tracking_number } => Some((carrier.as_str(), tracking_number.as_str())),
            _ => None,
        };
        // Conditional on the status we read: a concurrent change makes this a no-op, not a mess.
        if !queries::move_shipment(conn, shipment_id, from, to, tracking, now)? {
            return Err(AppError::conflict("changed_meanwhile", "The parcel changed meanwhile; reload and try again."));
        }
        let all: Vec<ShipmentStatus> = queries::shipments_of(conn, order.id)?.iter().map(|s| s.status).collect();
        let fulfilment = Fulfilment::of(&all);
        queries::set_fulfilment(conn, order.id, fulfilment, now)?;
        let center = crate::centers::all(conn)?
            .into_iter()
            .find(|c| c.id == shipment.center_id)
            .map(|c| c.city)
            .unwrap_or_default();
        let mut details = json!({
            "shipment_id": shipment_id,
            "center": center,
            "from": from.code(),
            "to": to.code(),
            "fulfilment": fulfilment.code(),
        });
        if let Some((carrier, tracking_number)) = tracking {
            details["carrier"] = json!(carrier);
            details["tracking_number"] = json!(tracking_number);
        }
        queries::add_event(conn, order.id, &actor.label, kind, details.clone(), now)?;
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: &format!("order.{kind}"),
                entity_type: "order",
                entity_id: Some(order.id.to_string()),
                center_id: None,
                details,
            },
            now,
        )?;
        if to == ShipmentStatus::Shipped {
            let payload = json!({ "shipment_id": shipment_id });
            email::enqueue_with(conn, EmailKind::Shipped, &order.email, Some(order.id), payload, now)?;
        }
        Ok(order.id)
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
) -> Result<RefundOutcome, AppError> {
    let now = chrono::Utc::now().naive_utc();
    let stripe = state.gateway.provider() == "stripe";
    let key2 = key.clone();
    let actor2 = actor.clone();
    let started = db::run(&state.pool, move |conn| {
        db::write(conn, |conn| {
            if queries::refund_by_key(conn, &key2)?.is_some() {
                return Ok(None);
            }
            // Locked first: two staff refunding at once are served one after the other, and the
            // second sees what the first committed.
            let order = queries::lock(conn, order_id)?.ok_or(AppError::NotFound)?;
            let status = order.status;
            if order.received_minor <= 0 {
                return Err(AppError::bad_request(
                    "amount",
                    format!("An order that is {} has no payment to refund.", status.label().to_lowercase()),
                ));
            }
            if queries::refund_by_key(conn, &key2)?.is_some() {
                return Ok(None);
            }
            let committed: i64 = queries::refunds_of(conn, order_id)?
                .iter()
                .filter(|r| r.status != "failed")
                .map(|r| r.amount_minor)
                .sum::<i64>()
                .max(order.refunded_minor);
            let refundable = order.received_minor - committed;
            let amount = amount_minor.unwrap_or(refundable);
            let currency = order.currency;
            if refundable <= 0 {
                // Often a lost race: another staff member's refund committed first (the order
                // row was locked, so this one saw it). An answer, not a form error.
                return Err(AppError::conflict(
                    "already_refunded",
                    "This order has been refunded in full already (see the timeline): nothing more was refunded.",
                ));
            }
            if amount <= 0 || amount > refundable {
                return Err(AppError::bad_request(
                    "amount",
                    format!("Enter an amount above zero and at most {}.", Money::new(refundable, currency)),
                ));
            }
            let payment_intent = order.payment_intent_id.clone();
            if stripe && payment_intent.is_none() {
                return Err(AppError::bad_request("amount", "This order has no Stripe payment to refund."));
            }
            let inserted = queries::insert_refund(
                conn,
                &NewRefund {
                    order_id,
                    amount_minor: amount,
                    currency: order.currency,
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
            audit::record(
                conn,
                &actor2,
                &AuditEvent {
                    action: "order.refund",
                    entity_type: "order",
                    entity_id: Some(order_id.to_string()),
                    center_id: None,
                    details,
                },
                now,
            )?;
            // Staff refund in the order's base currency; the provider refunds in the currency
            // the buyer was charged in: the difference of the converted running totals, so the
            // refunds of a whole order add up to exactly what was charged (`orders::charge`).
            let charged = super::charge::Charged::of_order(conn, &order)?;
            let provider_amount = charged.to_charged(committed + amount)? - charged.to_charged(committed)?;
            Ok(Some((refund_id, provider_amount, payment_intent.unwrap_or_default())))
        })
    })
    .await;
    let (refund_id, amount, payment_intent_id) = match started {
        Ok(Some(s)) => s,
        Ok(None) => return Ok(RefundOutcome::AlreadyDone),
        // Two submissions of the same form at the same moment: the other one wrote the row.
        Err(e) if e.is_unique_violation() => return Ok(RefundOutcome::AlreadyDone),
        Err(e) => return Err(e),
    };
    let req = RefundRequest { payment_intent_id, amount_minor: amount, idempotency_key: key };
    let result = state.gateway.refund(&req).await;
    let label = actor.label.clone();
    db::run(&state.pool, move |conn| match result {
        Ok(r) => {
            let status = if r.status == "failed" || r.status == "canceled" { "failed" } else { "succeeded" };
            queries::set_refund_result(conn, refund_id, Some(&r.id), status)?;
            if status == "failed" {
                return Err(AppError::payment_provider(PaymentError::Rejected(format!("refund {}", r.status))));
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
            Err(AppError::payment_provider(e))
        }
    })
    .await
}
