//! The Stripe adapter: Checkout Sessions and refunds through async-stripe 1.0, and Stripe's
//! answers translated into `PaymentError`. Every call carries an idempotency key chosen by the
//! caller (stored with the payment attempt, or derived from the order), and the client makes
//! exactly one attempt per call: a retry is the caller's decision and sends the same key and
//! the same parameters, so Stripe answers it with the first result instead of charging twice.

use std::collections::HashMap;
use std::str::FromStr;
use std::time::Duration;

use secrecy::ExposeSecret;
use stripe::{Client, ClientBuilder, IdempotencyKey, RequestStrategy, StripeError, StripeRequest};
use stripe_checkout::checkout_session::{
    CreateCheckoutSession, CreateCheckoutSessionLineItems, CreateCheckoutSessionLineItemsPriceData,
    CreateCheckoutSessionPaymentIntentData, ExpireCheckoutSession, ProductData,
};
use stripe_checkout::CheckoutSessionMode;
use stripe_core::refund::CreateRefund;

use super::{CheckoutRequest, CheckoutSession, PaymentError, RefundRequest, RefundResult};
use crate::config::StripeSettings;

/// How long one call to Stripe may take before the shop gives up on it (and says so).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// What closing a session found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionClosed {
    /// It was open and is now expired: nobody can pay it.
    Expired,
    /// It was no longer open (already expired, or completed: its payment event decides).
    NotOpen,
}

/// A configured Stripe client, built once (it loads the TLS root store) and kept in the
/// app's `payments::Gateway`.
#[derive(Clone)]
pub struct StripeApi {
    client: Client,
}

impl StripeApi {
    /// A client for these settings; `timeout` bounds each call.
    pub fn new(settings: &StripeSettings, timeout: Duration) -> Result<Self, PaymentError> {
        let secret = settings.secret_key.expose_secret().to_string();
        // async-stripe appends `v1/…` to the base URL as it is: it must end with a slash.
        let base = settings.api_base.as_deref().map(str::trim).filter(|b| !b.is_empty()).map(|b| {
            if b.ends_with('/') {
                b.to_string()
            } else {
                format!("{b}/")
            }
        });
        let mut builder = ClientBuilder::new(secret).timeout(timeout);
        if let Some(base) = base {
            builder = builder.url(base);
        }
        let client = builder.build().map_err(|e| {
            tracing::error!(error = %e, "the Stripe client could not be built from the settings");
            PaymentError::Unavailable(format!("the Stripe client is misconfigured: {e}"))
        })?;
        Ok(Self { client })
    }

    /// Creates the hosted Checkout Session for an order: payment mode, one line per item (price
    /// data in the order's currency), the customer's email, the order id as
    /// `client_reference_id` and in metadata (on the session and on its payment intent, so
    /// every later event can be traced back to the order), the return URLs and the expiry.
    /// Everything comes from `req`, which is stored with the payment attempt: a retry sends
    /// exactly the same parameters under the same idempotency key.
    pub async fn create_checkout_session(&self, req: &CheckoutRequest) -> Result<CheckoutSession, PaymentError> {
        let key = idempotency_key(&req.idempotency_key)?;
        let metadata = HashMap::from([
            ("order_id".to_string(), req.order_id.to_string()),
            ("order_reference".to_string(), req.order_reference.clone()),
        ]);
        let line_items: Vec<CreateCheckoutSessionLineItems> = req
            .items
            .iter()
            .map(|item| {
                let currency = stripe_types_currency(&item.currency);
                let mut price = CreateCheckoutSessionLineItemsPriceData::new(currency);
                price.unit_amount = Some(item.amount_minor);
                price.product_data = Some(ProductData::new(item.name.clone()));
                let mut line = CreateCheckoutSessionLineItems::new();
                line.price_data = Some(price);
                line.quantity = Some(item.quantity);
                line
            })
            .collect();
        let mut intent_data = CreateCheckoutSessionPaymentIntentData::new();
        intent_data.metadata = Some(metadata.clone());
        let request = CreateCheckoutSession::new()
            .mode(CheckoutSessionMode::Payment)
            .line_items(line_items)
            .customer_email(req.customer_email.clone())
            .client_reference_id(req.order_id.to_string())
            .metadata(metadata)
            .payment_intent_data(intent_data)
            .success_url(req.success_url.clone())
            .cancel_url(req.cancel_url.clone())
            .expires_at(req.expires_at);
        let session = request
            .customize()
            .request_strategy(RequestStrategy::Idempotent(key))
            .send(&self.client)
            .await
            .map_err(|e| payment_error("create a checkout session", e))?;
        let url = session.url.ok_or_else(|| {
            PaymentError::Unavailable(format!("Stripe returned checkout session {} without a URL", session.id))
        })?;
        Ok(CheckoutSession { id: session.id.to_string(), url })
    }

    /// Expires an open Checkout Session. Stripe answers 400 for a session that is no longer
    /// open (already expired or completed): that is `NotOpen`, not an error.
    pub async fn expire_session(&self, session_id: &str) -> Result<SessionClosed, PaymentError> {
        match ExpireCheckoutSession::new(session_id).send(&self.client).await {
            Ok(_) => Ok(SessionClosed::Expired),
            Err(StripeError::Stripe(_, 400)) => Ok(SessionClosed::NotOpen),
            Err(e) => Err(payment_error("expire a checkout session", e)),
        }
    }

    /// Refunds `amount_minor` of a payment intent, once per idempotency key.
    pub async fn refund(&self, req: &RefundRequest) -> Result<RefundResult, PaymentError> {
        let key = idempotency_key(&req.idempotency_key)?;
        let refund = CreateRefund::new()
            .payment_intent(req.payment_intent_id.clone())
            .amount(req.amount_minor)
            .customize()
            .request_strategy(RequestStrategy::Idempotent(key))
            .send(&self.client)
            .await
            .map_err(|e| payment_error("refund a payment", e))?;
        Ok(RefundResult { id: refund.id.to_string(), status: refund.status.unwrap_or_else(|| "pending".into()) })
    }
}

/// Stripe wants lowercase ISO codes; the shop stores them uppercase.
fn stripe_types_currency(code: &str) -> stripe_types::Currency {
    stripe_types::Currency::from_str(&code.to_ascii_lowercase()).unwrap_or_else(|never| match never {})
}

fn idempotency_key(key: &str) -> Result<IdempotencyKey, PaymentError> {
    IdempotencyKey::new(key).map_err(|e| PaymentError::Rejected(format!("unusable idempotency key: {e}")))
}

/// Stripe's answer in the shop's terms: 402 declined, 409 idempotency conflict, 429 rate
/// limited, 5xx or no answer unavailable, a timeout, and any other 4xx rejected.
fn payment_error(action: &str, err: StripeError) -> PaymentError {
    let mapped = match &err {
        StripeError::Stripe(api, status) => {
            let message = api
                .message
                .clone()
                .or_else(|| api.decline_code.clone())
                .unwrap_or_else(|| format!("HTTP {status} ({})", api.type_.as_str()));
            match *status {
                402 => PaymentError::CardDeclined(message),
                409 => PaymentError::Conflict(message),
                429 => PaymentError::RateLimited,
                500..=599 => PaymentError::Unavailable(message),
                _ => PaymentError::Rejected(message),
            }
        }
        StripeError::Timeout => PaymentError::Timeout,
        StripeError::ClientError(m) => PaymentError::Unavailable(format!("could not reach Stripe: {m}")),
        // An error body that is not Stripe's (a proxy's page) or a response we cannot read.
        StripeError::JSONDeserialize(m) => PaymentError::Unavailable(format!("unreadable answer from Stripe: {m}")),
        StripeError::ConfigError(m) => PaymentError::Unavailable(format!("the Stripe client is misconfigured: {m}")),
    };
    tracing::warn!(action, error = %err, outcome = %mapped, "a Stripe call failed");
    mapped
}
