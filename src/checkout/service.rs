//! Placing an order: in ONE transaction, the order (`pending_payment`) with its items at the
//! database's prices, a hold on every piece, the timeline's first event and the payment
//! attempt with the exact request the gateway will receive. Any piece already taken → the
//! whole transaction is rolled back and the customer told it was just sold.

use chrono::{Duration, NaiveDateTime};
use diesel::Connection;
use serde_json::json;

use super::input::CheckoutInput;
use crate::cart::queries as cart_queries;
use crate::catalog::queries::bump_version;
use crate::crypto::{self, Cipher};
use crate::db::DbConn;
use crate::error::AppError;
use crate::money::Currency;
use crate::orders::models::{NewOrder, NewOrderItem, NewPaymentAttempt};
use crate::orders::queries::{self, write_transaction};
use crate::orders::types::{event, reference_of, OrderStatus};
use crate::payments::{CheckoutRequest, LineItem};

/// How long the hosted payment page stays open (Stripe allows 30 minutes to 24 hours).
pub const SESSION_MINUTES: i64 = 30;
/// How long a piece stays held for an order. Longer than the payment session on purpose: a
/// customer may pay in the session's last minute, and the payment's confirmation (the webhook)
/// arrives after that, possibly retried. If the hold ended with the session, a piece could be
/// sold to a second buyer while the first one's valid payment was still on its way. The margin
/// covers that; a confirmation later still is handled by `orders::fulfilment` (sold if the piece
/// is still free, otherwise refunded).
pub const HOLD_MINUTES: i64 = 45;

/// Everything the order needs from the app's settings.
pub struct OrderContext<'a> {
    pub currency: Currency,
    pub base_url: &'a str,
    pub cipher: &'a Cipher,
    /// "stripe" or "development".
    pub provider: &'static str,
}

/// A placed order, its holds taken, awaiting payment.
#[derive(Debug, Clone)]
pub struct Placed {
    pub order_id: i64,
    pub reference: String,
    /// The raw status token: given to the customer (link, cookie), never stored as is.
    pub status_token: String,
    pub attempt_id: i64,
    pub request: CheckoutRequest,
}

#[derive(Debug, thiserror::Error)]
pub enum CheckoutError {
    #[error("the cart is empty")]
    EmptyCart,
    /// These pieces were taken (or withdrawn) before this checkout could hold them.
    #[error("just sold: {0:?}")]
    JustSold(Vec<String>),
    #[error(transparent)]
    App(#[from] AppError),
}

impl From<diesel::result::Error> for CheckoutError {
    fn from(e: diesel::result::Error) -> Self {
        Self::App(e.into())
    }
}

pub fn place_order(
    conn: &mut DbConn,
    cart_key: &str,
    input: &CheckoutInput,
    cx: &OrderContext<'_>,
    now: NaiveDateTime,
) -> Result<Placed, CheckoutError> {
    write_transaction(conn, |conn| {
        let pieces = cart_queries::pieces_in(conn, cart_key)?;
        if pieces.is_empty() {
            return Err(CheckoutError::EmptyCart);
        }
        let foreign: Vec<String> =
            pieces.iter().filter(|p| p.currency != cx.currency.code()).map(|p| p.title.clone()).collect();
        if !foreign.is_empty() {
            return Err(CheckoutError::JustSold(foreign));
        }
        let subtotal: i64 = pieces.iter().map(|p| p.price_minor).sum();
        let shipping = input.shipping.price_minor;
        let token = crypto::random_token(16);
        let token_hash = crypto::token_hash(&token);
        let hold_until = now + Duration::minutes(HOLD_MINUTES);
        let order_id = queries::insert(
            conn,
            &NewOrder {
                // Unique until the id is known (the hash is unique), then FG-000123.
                reference: format!("new-{}", &token_hash[..32]),
                status_token_hash: token_hash,
                status_token_sealed: Some(cx.cipher.encrypt(&token)),
                status: OrderStatus::PendingPayment.code().into(),
                disputed: false,
                email: input.email.as_str().into(),
                ship_name: input.name.clone(),
                ship_line1: input.line1.clone(),
                ship_line2: input.line2.clone(),
                ship_city: input.city.clone(),
                ship_region: input.region.clone(),
                ship_postal_code: input.postal_code.clone(),
                ship_country: input.country.into(),
                shipping_option: input.shipping.code.clone(),
                subtotal_minor: subtotal,
                shipping_minor: shipping,
                total_minor: subtotal + shipping,
                refunded_minor: 0,
                currency: cx.currency.code().into(),
                payment_provider: cx.provider.into(),
                hold_expires_at: hold_until,
                created_at: now,
                updated_at: now,
            },
        )?;
        let reference = reference_of(order_id);
        queries::set_reference(conn, order_id, &reference)?;
        // One conditional UPDATE per piece (see `hold_piece`): under any number of concurrent
        // checkouts, exactly one gets the row; every other one rolls back here.
        let mut taken = Vec::new();
        for p in &pieces {
            if !queries::hold_piece(conn, p.id, order_id, hold_until, now)? {
                taken.push(p.title.clone());
            }
        }
        if !taken.is_empty() {
            return Err(CheckoutError::JustSold(taken));
        }
        let mut items = Vec::new();
        for p in &pieces {
            queries::insert_item(
                conn,
                &NewOrderItem {
                    order_id,
                    piece_id: p.id,
                    center_id: p.center_id,
                    sku: p.sku.clone(),
                    title: p.title.clone(),
                    price_minor: p.price_minor,
                    currency: p.currency.clone(),
                },
            )?;
            items.push(LineItem {
                name: format!("{} ({})", p.title, p.sku),
                amount_minor: p.price_minor,
                currency: cx.currency.code().into(),
                quantity: 1,
            });
        }
        if shipping > 0 {
            items.push(LineItem {
                name: format!("Shipping: {}", input.shipping.label),
                amount_minor: shipping,
                currency: cx.currency.code().into(),
                quantity: 1,
            });
        }
        queries::add_event(
            conn,
            order_id,
            "customer",
            event::CREATED,
            json!({ "pieces": pieces.iter().map(|p| p.id).collect::<Vec<_>>(), "total_minor": subtotal + shipping }),
            now,
        )?;
        // The request is stored whole, `expires_at` included: a retry must send Stripe exactly
        // the same parameters under the same idempotency key, or Stripe refuses it.
        let session_expires = now + Duration::minutes(SESSION_MINUTES);
        let request = CheckoutRequest {
            order_id,
            order_reference: reference.clone(),
            customer_email: input.email.as_str().into(),
            items,
            // The status token is not in these URLs (they are stored and sent to Stripe): the
            // return page finds the order through the visitor's `fairgold_order` cookie.
            success_url: format!("{}/checkout/complete/{reference}", cx.base_url),
            cancel_url: format!("{}/checkout/cancelled/{reference}", cx.base_url),
            expires_at: session_expires.and_utc().timestamp(),
            idempotency_key: format!("checkout-{reference}-{}", crypto::random_token(12)),
        };
        let attempt_id = queries::insert_attempt(
            conn,
            &NewPaymentAttempt {
                order_id,
                idempotency_key: request.idempotency_key.clone(),
                session_expires_at: session_expires,
                request: serde_json::to_string(&request).map_err(|e| AppError::Internal(e.to_string()))?,
                created_at: now,
            },
        )?;
        // The pieces now show as reserved on the public pages.
        bump_version(conn)?;
        Ok(Placed { order_id, reference, status_token: token, attempt_id, request })
    })
}

/// The payment session exists: remember it, and empty the cart (its pieces are in the order).
pub fn session_started(
    conn: &mut DbConn,
    placed: &Placed,
    cart_key: &str,
    session_id: &str,
    session_url: &str,
) -> Result<(), AppError> {
    write_transaction(conn, |conn| {
        queries::set_attempt_session(conn, placed.attempt_id, session_id, session_url)?;
        // Session ids are unique at Stripe; one already on another order would be a provider
        // (or test double) oddity. Payment events find orders by their metadata, so the
        // customer can still pay: keep it on the attempt, log it, and go on (in a savepoint, as
        // a failed statement would abort the whole transaction on PostgreSQL).
        let stored = conn.transaction(|conn| queries::set_checkout_session(conn, placed.order_id, session_id));
        if let Err(e) = stored {
            tracing::error!(order_id = placed.order_id, session_id, error = %e, "checkout session id not stored on the order");
        }
        cart_queries::clear(conn, cart_key)?;
        Ok(())
    })
}

/// The payment provider could not be reached: the order is cancelled and its holds released
/// at once (nothing was charged; the cart is untouched so the customer can try again).
pub fn abandon(conn: &mut DbConn, order_id: i64, why: &str, now: NaiveDateTime) -> Result<(), AppError> {
    write_transaction(conn, |conn| {
        let from = [OrderStatus::PendingPayment.code()];
        if queries::move_status(conn, order_id, &from, OrderStatus::Cancelled.code(), now)? {
            if queries::release_holds(conn, order_id, now)? > 0 {
                bump_version(conn)?;
            }
            queries::add_event(conn, order_id, "system", event::CHECKOUT_ABANDONED, json!({ "reason": why }), now)?;
        }
        Ok(())
    })
}
