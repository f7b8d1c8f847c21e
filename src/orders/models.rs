//! Row structs of the order tables, with their insert forms beside them.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::types::OrderStatus;
use crate::error::AppError;
use crate::schema::{order_events, order_items, orders, payment_attempts, refunds};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = orders)]
pub struct OrderRow {
    pub id: i64,
    pub reference: String,
    pub status_token_hash: String,
    pub status: String,
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
    pub currency: String,
    pub payment_provider: String,
    pub checkout_session_id: Option<String>,
    pub payment_intent_id: Option<String>,
    pub hold_expires_at: NaiveDateTime,
    pub carrier: Option<String>,
    pub tracking_number: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub status_token_sealed: Option<String>,
}

impl OrderRow {
    pub fn status(&self) -> Result<OrderStatus, AppError> {
        OrderStatus::parse(&self.status).ok_or_else(|| AppError::corrupt(format!("order status `{}`", self.status)))
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = orders)]
pub struct NewOrder {
    pub reference: String,
    pub status_token_hash: String,
    pub status_token_sealed: Option<String>,
    pub status: String,
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
    pub currency: String,
    pub payment_provider: String,
    pub hold_expires_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
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
    pub currency: String,
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
    pub currency: String,
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
    pub currency: String,
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
    pub currency: String,
    pub reason: String,
    pub idempotency_key: String,
    pub status: String,
    pub created_at: NaiveDateTime,
}
