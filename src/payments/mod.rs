//! Payments: Stripe Checkout in production, a local test-payment page in development. The
//! rest of the shop sees only these types; payment results come back through
//! `orders::fulfilment`, whichever way they arrive (webhook or test page).

pub mod stripe;
pub mod webhook;

use serde::{Deserialize, Serialize};

/// A line of a checkout, built from the order (never from client input).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineItem {
    pub name: String,
    pub amount_minor: i64,
    pub currency: String,
    pub quantity: u64,
}

/// Everything needed to create a hosted checkout session for an order. Stored with the
/// payment attempt, so that a retry sends exactly the same parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckoutRequest {
    pub order_id: i64,
    pub order_reference: String,
    pub customer_email: String,
    pub items: Vec<LineItem>,
    pub success_url: String,
    pub cancel_url: String,
    /// Unix seconds; the session expires then (30 minutes after creation).
    pub expires_at: i64,
    pub idempotency_key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckoutSession {
    pub id: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefundRequest {
    pub payment_intent_id: String,
    pub amount_minor: i64,
    pub idempotency_key: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefundResult {
    pub id: String,
    pub status: String,
}

/// Why a call to the payment provider failed, in terms the shop can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PaymentError {
    #[error("the card was declined: {0}")]
    CardDeclined(String),
    #[error("the payment provider refused the request: {0}")]
    Rejected(String),
    #[error("the request conflicts with an earlier one (idempotency): {0}")]
    Conflict(String),
    #[error("the payment provider is rate limiting us")]
    RateLimited,
    #[error("the payment provider is unavailable: {0}")]
    Unavailable(String),
    #[error("the payment provider did not answer in time")]
    Timeout,
}
