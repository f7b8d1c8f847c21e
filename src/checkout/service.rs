//! Placing an order: in ONE transaction, the order (`pending_payment`) with its items at the
//! database's prices, a hold on every piece, the timeline's first event and the payment
//! attempt with the exact request the gateway will receive. Any piece already taken → the
//! whole transaction is rolled back and the customer told it was just sold.

use chrono::{Duration, NaiveDateTime};
use serde_json::json;

use super::input::CheckoutInput;
use crate::cart::queries as cart_queries;
use crate::config::CheckoutSettings;
use crate::crypto::{self, Cipher};
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::money::Currency;
use crate::orders::charge::{self, ChargeRow};
use crate::orders::fulfilment::{self, Unpaid};
use crate::orders::models::{NewOrder, NewOrderItem, NewPaymentAttempt};
use crate::orders::queries;
use crate::orders::types::{event, reference_of, OrderStatus};
use crate::payments::{CheckoutRequest, LineItem};
use crate::policies;
use crate::pricing::presentment::{self, Terms};
use crate::web::page_cache::bump_version;

// How long a piece stays held for an order (`checkout.hold_minutes`, 45 by default) is longer
// than the payment session (`checkout.session_minutes`, 30) on purpose: a customer may pay in
// the session's last minute, and the payment's confirmation (the webhook) arrives after that,
// possibly retried. If the hold ended with the session, a piece could be sold to a second
// buyer while the first one's valid payment was still on its way. The margin covers that; a
// confirmation later still is handled by `orders::fulfilment` (sold if the piece is still
// free, otherwise refunded). The settings refuse a hold that does not outlast the session.

/// Everything the order needs from the app's settings and the request.
pub struct OrderContext<'a> {
    pub currency: Currency,
    pub base_url: &'a str,
    pub cipher: &'a Cipher,
    /// "stripe" or "development".
    pub provider: &'static str,
    pub limits: &'a CheckoutSettings,
    /// The keyed hash of the client's address (`Cipher::client_key`), when known.
    pub client_key: Option<String>,
    /// The language of the customer's emails (`i18n::email_language` of `Accept-Language`).
    pub lang: Lang,
    /// The currencies on offer, and the one the buyer pays in (`web::currency::chosen`).
    pub terms: Terms,
    pub chosen: Currency,
    /// The buyer chose `chosen` themselves (the switcher's cookie): without a rate for it the
    /// order is refused. A currency only guessed from the browser's language falls back to the
    /// base currency, as the pages they saw did.
    pub chosen_explicitly: bool,
}

/// The buyer's currency has no recent exchange rate: 409, nothing ordered.
pub const CURRENCY_UNAVAILABLE: &str = "currency_unavailable";

/// A placed order, its holds taken, awaiting payment.
#[derive(Debug, Clone)]
pub struct Placed {
    pub order_id: i64,
    pub reference: String,
    /// The raw status token: given to the customer (link, cookie), never stored as is.
    pub status_token: String,
    pub attempt_id: i64,
    pub request: CheckoutRequest,
    /// Earlier orders of the same cart that this one replaced (their sessions are closed).
    pub replaced: Vec<i64>,
}

/// Two customers reached for the same piece and the other was first: 409 `just_sold`, naming
/// the pieces, and nothing was ordered (the transaction's holds are rolled back).
fn just_sold(titles: &[String]) -> AppError {
    let names = titles.iter().map(|t| format!("“{t}”")).collect::<Vec<_>>().join(", ");
    AppError::conflict(
        "just_sold",
        format!(
            "Just sold: {names} went to another customer a moment ago, so nothing was ordered. The piece is marked below; remove it to check out the rest."
        ),
    )
}

/// The cart was emptied meanwhile (another tab): 409 `empty_cart`.
pub const EMPTY_CART: &str = "empty_cart";

pub fn place_order(
    conn: &mut DbConn,
    cart_key: &str,
    input: &CheckoutInput,
    cx: &OrderContext<'_>,
    now: NaiveDateTime,
) -> Result<Placed, AppError> {
    db::write(conn, |conn| {
        let pieces = cart_queries::pieces_in(conn, cart_key)?;
        if pieces.is_empty() {
            return Err(AppError::conflict(EMPTY_CART, "Your cart is empty."));
        }
        let limits = cx.limits;
        if pieces.len() as i64 > limits.max_held_pieces {
            return Err(AppError::TooMany(format!(
                "One checkout can reserve at most {} pieces while you pay. Remove {} from your cart, or buy them in two orders.",
                limits.max_held_pieces,
                pieces.len() as i64 - limits.max_held_pieces
            )));
        }
        if let Some(client) = &cx.client_key {
            let recent = queries::checkouts_by_client_since(conn, client, now - Duration::hours(1))?;
            if recent >= limits.max_checkouts_per_hour {
                return Err(AppError::TooMany(format!(
                    "Too many checkouts from your network in the last hour ({recent}). Please wait a little, or write to us if you need help with your order."
                )));
            }
            let held = queries::pieces_held_by_client(conn, client, cart_key, now)?;
            if held + pieces.len() as i64 > limits.max_held_pieces {
                return Err(AppError::TooMany(format!(
                    "Your network already has {held} piece(s) reserved in another checkout; at most {} can be reserved at once. Finish or cancel that checkout first, or try again when its reservation ends.",
                    limits.max_held_pieces
                )));
            }
        }
        // A new checkout from this cart replaces the cart's earlier one: its holds are released
        // here (so the same pieces can be held again below) and its payment session is closed
        // at the provider after commit (`Placed::replaced`).
        let replaced = queries::pending_of_cart(conn, cart_key)?;
        for earlier in &replaced {
            fulfilment::cancel_unpaid(conn, *earlier, Unpaid::Superseded, "customer", now)?;
        }
        let foreign: Vec<String> =
            pieces.iter().filter(|p| p.currency != cx.currency).map(|p| p.title.clone()).collect();
        if !foreign.is_empty() {
            return Err(just_sold(&foreign));
        }
        // The currency the buyer pays in, at the rate finance recorded (latest on or before
        // today, not older than `shop.presentment_max_age_days`): kept with the order below.
        let today = crate::web::page_cache::day();
        let shown = match presentment::lookup(conn, cx.terms, cx.chosen, today)? {
            Some(p) => p,
            None if cx.chosen_explicitly => {
                return Err(AppError::conflict(
                    CURRENCY_UNAVAILABLE,
                    format!(
                        "We cannot take payment in {} today: no recent exchange rate for it is recorded, so nothing was ordered. Choose another currency at the top of the page; your cart is as it was.",
                        cx.chosen
                    ),
                ))
            }
            None => presentment::lookup(conn, cx.terms, cx.terms.base, today)?
                .ok_or_else(|| AppError::internal("the base currency is always offered"))?,
        };
        let convert = |base_minor: i64| shown.convert(base_minor).map_err(AppError::internal);
        // The terms and returns policy the buyer was shown are still the ones in effect (the
        // public pages' day, UTC); their versions are kept on the order below.
        let accepted = policies::service::check_shown(conn, &input.policies_shown, now.date())?;
        let subtotal: i64 = pieces.iter().map(|p| p.price_minor).sum();
        let shipping = input.shipping.price_minor;
        let token = crypto::random_token(16);
        let token_hash = crypto::token_hash(&token);
        let hold_until = now + Duration::minutes(limits.hold_minutes);
        let order_id = queries::insert(
            conn,
            &NewOrder {
                // Unique until the id is known (the hash is unique), then FG-000123.
                reference: format!("new-{}", &token_hash[..32]),
                status_token_hash: token_hash,
                status_token_sealed: None,
                status: OrderStatus::PendingPayment,
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
                currency: cx.currency,
                payment_provider: cx.provider.into(),
                hold_expires_at: hold_until,
                created_at: now,
                updated_at: now,
                phone: Some(input.phone.clone()),
                cart_key: Some(cart_key.to_string()),
                client_key: cx.client_key.clone(),
                lang: cx.lang,
            },
        )?;
        let reference = reference_of(order_id);
        queries::set_reference(
            conn,
            order_id,
            &reference,
            &cx.cipher.seal(crypto::Field::ORDER_STATUS_TOKEN, order_id, &token),
        )?;
        policies::service::record_accepted(conn, order_id, &accepted)?;
        // One conditional UPDATE per piece (see `hold_piece`), in piece-id order (so two carts
        // holding the same pieces never wait for each other in opposite orders): under any
        // number of concurrent checkouts, exactly one gets the row; every other one rolls back.
        let mut by_id: Vec<_> = pieces.iter().collect();
        by_id.sort_by_key(|p| p.id);
        let mut taken = Vec::new();
        for p in by_id {
            if !queries::hold_piece(conn, p.id, order_id, hold_until, now)? {
                taken.push(p.title.clone());
            }
        }
        if !taken.is_empty() {
            return Err(just_sold(&taken));
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
                    currency: p.currency,
                },
            )?;
            items.push(LineItem {
                name: format!("{} ({})", p.title, p.sku),
                amount_minor: convert(p.price_minor)?,
                currency: shown.currency.code().into(),
                quantity: 1,
            });
        }
        // One parcel per workshop: each center packs and ships its own pieces.
        queries::insert_shipments(conn, order_id, now)?;
        if shipping > 0 {
            items.push(LineItem {
                name: format!("Shipping: {}", input.shipping.label),
                amount_minor: convert(shipping)?,
                currency: shown.currency.code().into(),
                quantity: 1,
            });
        }
        // Stripe charges the sum of the lines: that sum, each line converted and rounded on
        // its own (as the cart and the checkout form showed them), is the charge on record.
        let charged: i64 = items.iter().map(|i| i.amount_minor).sum();
        if !shown.is_base() {
            charge::insert(conn, &ChargeRow::new(order_id, &shown, charged, subtotal + shipping, now))?;
        }
        let mut created = json!({
            "pieces": pieces.iter().map(|p| p.id).collect::<Vec<_>>(),
            "total_minor": subtotal + shipping,
            "replaces": replaced,
        });
        if !shown.is_base() {
            created["charged"] = json!({
                "currency": shown.currency,
                "amount_minor": charged,
                "rate": shown.rate.normalize().to_string(),
                "rate_date": shown.rate_date.to_string(),
            });
        }
        queries::add_event(conn, order_id, "customer", event::CREATED, created, now)?;
        // The request is stored whole, `expires_at` included: a retry must send Stripe exactly
        // the same parameters under the same idempotency key, or Stripe refuses it.
        let session_expires = now + Duration::minutes(limits.session_minutes);
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
                request: serde_json::to_string(&request).map_err(|e| AppError::internal_in("payment request", e))?,
                created_at: now,
            },
        )?;
        // The pieces now show as reserved on the public pages.
        bump_version(conn)?;
        Ok(Placed { order_id, reference, status_token: token, attempt_id, request, replaced })
    })
}

/// The payment session exists: remember it on the attempt and the order. The cart keeps its
/// pieces until the payment counts (`fulfilment::payment_succeeded` removes them): a customer
/// who comes back from the payment page finds their cart as it was, and checking it out again
/// replaces this order.
pub fn session_started(
    conn: &mut DbConn,
    placed: &Placed,
    session_id: &str,
    session_url: &str,
) -> Result<(), AppError> {
    db::write(conn, |conn| {
        queries::set_attempt_session(conn, placed.attempt_id, session_id, session_url)?;
        queries::set_checkout_session(conn, placed.order_id, session_id)?;
        Ok(())
    })
}

/// The payment provider could not be reached: the order is cancelled and its holds released
/// at once (nothing was charged; the cart is untouched so the customer can try again).
pub fn abandon(conn: &mut DbConn, order_id: i64, why: &str, now: NaiveDateTime) -> Result<(), AppError> {
    db::write(conn, |conn| {
        let from = [OrderStatus::PendingPayment];
        queries::lock(conn, order_id)?;
        if queries::move_status(conn, order_id, &from, OrderStatus::Cancelled, now)? {
            if queries::release_holds(conn, order_id, now)? > 0 {
                bump_version(conn)?;
            }
            queries::add_event(conn, order_id, "system", event::CHECKOUT_ABANDONED, json!({ "reason": why }), now)?;
        }
        Ok(())
    })
}
