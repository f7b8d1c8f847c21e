//! The payment gateway as checkout and refunds see it: Stripe when it is configured, the local
//! test-payment page in development without Stripe keys. Production always has Stripe (the
//! settings refuse to start without it), so the development branch never runs there.

use crate::payments::{CheckoutRequest, CheckoutSession, PaymentError, RefundRequest, RefundResult};
use crate::startup::AppState;

/// Which provider new orders are paid through: "stripe" or "development".
pub fn provider(state: &AppState) -> &'static str {
    if state.settings.stripe.is_some() {
        "stripe"
    } else {
        "development"
    }
}

/// Whether the development test-payment page may be used at all.
pub fn test_payments_enabled(state: &AppState) -> bool {
    state.settings.stripe.is_none() && state.settings.is_development()
}

/// Opens a payment session for a placed order. `status_token` is used only by the development
/// page's URL (it is never sent to Stripe).
pub async fn start_payment(
    state: &AppState,
    req: &CheckoutRequest,
    status_token: &str,
) -> Result<CheckoutSession, PaymentError> {
    match &state.settings.stripe {
        Some(stripe) => crate::payments::stripe::create_checkout_session(stripe, req).await,
        None if state.settings.is_development() => Ok(CheckoutSession {
            id: format!("dev_{}", req.order_reference),
            url: format!("/checkout/test-payment/{}?token={status_token}", req.order_reference),
        }),
        None => Err(PaymentError::Unavailable("Stripe is not configured".into())),
    }
}

/// Sends the customer's browser to the payment page only if it is on the payment provider's
/// origin (Stripe's hosted page) or this shop (the development page): the Content-Security-
/// Policy's `form-action` allows exactly these, and a provider answer naming anywhere else is
/// refused rather than followed.
pub fn check_session_url(state: &AppState, session: &CheckoutSession) -> Result<(), PaymentError> {
    let allowed = match &state.settings.stripe {
        Some(stripe) => session.url.starts_with(&format!("{}/", stripe.checkout_origin)),
        None => session.url.starts_with('/'),
    };
    if allowed {
        Ok(())
    } else {
        Err(PaymentError::Unavailable(format!(
            "the payment page {} is not on the payment provider's origin",
            session.url
        )))
    }
}

/// Closes a payment session so it can no longer be paid (an order replaced or expired). The
/// development page needs nothing: it refuses orders that are no longer awaiting payment.
pub async fn close_session(state: &AppState, session_id: &str) -> Result<(), PaymentError> {
    match &state.settings.stripe {
        Some(stripe) => crate::payments::stripe::expire_session(stripe, session_id).await.map(|_| ()),
        None => Ok(()),
    }
}

/// Refunds (part of) a payment. In development without Stripe nothing moves, so the refund
/// is simply recorded as done.
pub async fn refund(state: &AppState, req: &RefundRequest) -> Result<RefundResult, PaymentError> {
    match &state.settings.stripe {
        Some(stripe) => crate::payments::stripe::refund(stripe, req).await,
        None if state.settings.is_development() => {
            Ok(RefundResult { id: format!("dev_{}", req.idempotency_key), status: "succeeded".into() })
        }
        None => Err(PaymentError::Unavailable("Stripe is not configured".into())),
    }
}
