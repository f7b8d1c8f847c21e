//! Row structs of the order tables, with their insert forms beside them.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::types::{Fulfilment, OrderStatus, ShipmentStatus};
use crate::i18n::Lang;
use crate::money::Currency;
use crate::schema::{disputes, order_events, order_items, orders, payment_attempts, refunds, shipments};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = orders)]
pub struct OrderRow {
    pub id: i64,
    pub reference: String,
    pub status_token_hash: String,
    pub status: OrderStatus,
    pub disputed: bool,
    pub email: String,
    pub ship_name: String,
    pub ship_line1: String,
    pub ship_line2: Option<String>,
    pub ship_city: String,
    pub ship_region: Option<String>,
    pub ship_postal_code: String,
    pub ship_country: String,
    pub shipping_option: String,
    pub subtotal_minor: i64,
    pub shipping_minor: i64,
    pub total_minor: i64,
    pub refunded_minor: i64,
    pub currency: Currency,
    pub payment_provider: String,
    pub checkout_session_id: Option<String>,
    pub payment_intent_id: Option<String>,
    pub hold_expires_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub status_token_sealed: Option<String>,
    pub fulfilment: Fulfilment,
    pub phone: Option<String>,
    /// What the payment provider reported as paid (0 until a payment counted).
    pub received_minor: i64,
    /// The hash of the cart this order was checked out from.
    pub cart_key: Option<String>,
    /// A keyed hash of the address the checkout came from (hold limits).
    pub client_key: Option<String>,
    /// The language of the customer's emails (chosen at checkout).
    pub lang: Lang,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = orders)]
pub struct NewOrder {
    pub reference: String,
    pub status_token_hash: String,
    pub status_token_sealed: Option<String>,
    pub status: OrderStatus,
    pub disputed: bool,
    pub email: String,
    pub ship_name: String,
    pub ship_line1: String,
    pub ship_line2: Option<String>,
    pub ship_city: String,
    pub ship_region: Option<String>,
    pub ship_postal_code: String,
    pub ship_country: String,
    pub shipping_option: String,
    pub subtotal_minor: i64,
    pub shipping_minor: i64,
    pub total_minor: i64,
    pub refunded_minor: i64,
    pub currency: Currency,
    pub payment_provider: String,
    pub hold_expires_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub phone: Option<String>,
    pub cart_key: Option<String>,
    pub client_key: Option<String>,
    pub lang: Lang,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = order_items)]
pub struct OrderItemRow {
    pub id: i64,
    pub order_id: i64,
    pub piece_id: i64,
    pub center_id: i64,
    pub sku: String,
    pub title: String,
    pub price_minor: i64,
    pub currency: Currency,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = order_items)]
pub struct NewOrderItem {
    pub order_id: i64,
    pub piece_id: i64,
    pub center_id: i64,
    pub sku: String,
    pub title: String,
    pub price_minor: i64,
    pub currency: Currency,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = order_events)]
pub struct OrderEventRow {
    pub id: i64,
    pub order_id: i64,
    pub at: NaiveDateTime,
    pub actor: String,
    pub kind: String,
    pub details: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = payment_attempts)]
pub struct PaymentAttemptRow {
    pub id: i64,
    pub order_id: i64,
    pub idempotency_key: String,
    pub session_expires_at: NaiveDateTime,
    pub request: String,
    pub session_id: Option<String>,
    pub session_url: Option<String>,
    pub created_at: NaiveDateTime,
    /// When the shop closed the session at the provider (expired it), if it did.
    pub closed_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = payment_attempts)]
pub struct NewPaymentAttempt {
    pub order_id: i64,
    pub idempotency_key: String,
    pub session_expires_at: NaiveDateTime,
    pub request: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = refunds)]
pub struct RefundRow {
    pub id: i64,
    pub order_id: i64,
    pub amount_minor: i64,
    pub currency: Currency,
    pub reason: String,
    pub idempotency_key: String,
    pub provider_refund_id: Option<String>,
    pub status: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = refunds)]
pub struct NewRefund {
    pub order_id: i64,
    pub amount_minor: i64,
    pub currency: Currency,
    pub reason: String,
    pub idempotency_key: String,
    pub status: String,
    pub created_at: NaiveDateTime,
}

/// One center's parcel of an order.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = shipments)]
pub struct ShipmentRow {
    pub id: i64,
    pub order_id: i64,
    pub center_id: i64,
    pub status: ShipmentStatus,
    pub carrier: Option<String>,
    pub tracking_number: Option<String>,
    pub packed_at: Option<NaiveDateTime>,
    pub shipped_at: Option<NaiveDateTime>,
    pub delivered_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A card dispute (chargeback) as Stripe last reported it.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = disputes)]
pub struct DisputeRow {
    /// Stripe's dispute id.
    pub id: String,
    pub order_id: i64,
    pub amount_minor: i64,
    pub currency: Currency,
    pub reason: String,
    /// Stripe's status: warning_needs_response, warning_under_review, warning_closed,
    /// needs_response, under_review, won, lost, prevented.
    pub status: String,
    pub evidence_due_by: Option<NaiveDateTime>,
    pub opened_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub closed_at: Option<NaiveDateTime>,
}
