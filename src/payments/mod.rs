//! Payments: the gateway to the payment provider — Stripe Checkout, or a local test-payment
//! page in development — as one value built at start-up (`Gateway`, kept in the app state). The
//! rest of the shop sees only these types; payment results come back through
//! `orders::fulfilment`, whichever way they arrive (Stripe's webhook, `orders::webhook`, or the
//! test page).

pub mod stripe;

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use crate::config::Settings;

/// The payment provider of this instance. Production always has Stripe (the settings refuse to
/// start without it), so `Development` — the local test-payment page — never exists there.
pub enum Gateway {
    Stripe {
        api: Box<stripe::StripeApi>,
        webhook_secret: SecretString,
        /// The origin of the hosted payment page (`https://checkout.stripe.com`).
        checkout_origin: String,
    },
    Development,
}

impl Gateway {
    /// Stripe when it is configured; the test-payment page in development without keys.
    pub fn from_settings(settings: &Settings) -> Result<Self, PaymentError> {
        match &settings.stripe {
            Some(s) => Ok(Self::Stripe {
                api: Box::new(stripe::StripeApi::new(s, stripe::DEFAULT_TIMEOUT)?),
                webhook_secret: s.webhook_secret.clone(),
                checkout_origin: s.checkout_origin.clone(),
            }),
            None if settings.is_development() => Ok(Self::Development),
            None => Err(PaymentError::Unavailable("Stripe is not configured".into())),
        }
    }

    /// What new orders record as their provider: "stripe" or "development".
    pub fn provider(&self) -> &'static str {
        match self {
            Self::Stripe { .. } => "stripe",
            Self::Development => "development",
        }
    }

    /// Whether the development test-payment page may be used at all.
    pub fn test_payments_enabled(&self) -> bool {
        matches!(self, Self::Development)
    }

    /// The secret Stripe signs webhook events with (none without Stripe).
    pub fn webhook_secret(&self) -> Option<&SecretString> {
        match self {
            Self::Stripe { webhook_secret, .. } => Some(webhook_secret),
            Self::Development => None,
        }
    }

    /// Where the checkout form may send the browser besides this shop (the CSP's `form-action`).
    pub fn form_action_origins(&self) -> Vec<String> {
        match self {
            Self::Stripe { checkout_origin, .. } => vec![checkout_origin.clone()],
            Self::Development => Vec::new(),
        }
    }

    /// Opens a payment session for a placed order. `status_token` is used only by the
    /// development page's URL (it is never sent to Stripe). The session's page must be on the
    /// provider's origin (or this shop's, for the development page): a provider answer naming
    /// anywhere else is refused rather than followed.
    pub async fn open_session(
        &self,
        req: &CheckoutRequest,
        status_token: &str,
    ) -> Result<CheckoutSession, PaymentError> {
        match self {
            Self::Stripe { api, checkout_origin, .. } => {
                let session = api.create_checkout_session(req).await?;
                if !session.url.starts_with(&format!("{checkout_origin}/")) {
                    return Err(PaymentError::Unavailable(format!(
                        "the payment page {} is not on the payment provider's origin",
                        session.url
                    )));
                }
                Ok(session)
            }
            Self::Development => Ok(CheckoutSession {
                id: format!("dev_{}", req.order_reference),
                url: format!("/checkout/test-payment/{}?token={status_token}", req.order_reference),
            }),
        }
    }

    /// Closes a payment session so it can no longer be paid (an order replaced or expired).
    /// The development page needs nothing: it refuses orders that are no longer awaiting payment.
    pub async fn close_session(&self, session_id: &str) -> Result<(), PaymentError> {
        match self {
            Self::Stripe { api, .. } => api.expire_session(session_id).await.map(|_| ()),
            Self::Development => Ok(()),
        }
    }

    /// Refunds (part of) a payment. In development without Stripe nothing moves, so the refund
    /// is simply recorded as done.
    pub async fn refund(&self, req: &RefundRequest) -> Result<RefundResult, PaymentError> {
        match self {
            Self::Stripe { api, .. } => api.refund(req).await,
            Self::Development => {
                Ok(RefundResult { id: format!("dev_{}", req.idempotency_key), status: "succeeded".into() })
            }
        }
    }
}

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
