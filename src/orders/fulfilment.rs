//! What happens when a payment succeeds, fails, expires, is refunded or disputed. The Stripe
//! webhook and the development payment page both call these, so both take the same path.
//!
//! Payment events arrive at least once and in any order (a checkout can expire and then
//! complete, or complete and then expire). Each function is therefore idempotent and decides
//! from the database inside one write transaction, never from what the caller believes:
//! the order row is claimed by a conditional update first, and every piece changes hands by
//! a conditional update whose row count says whether it did.

use chrono::NaiveDateTime;
use diesel::Connection;
use serde_json::json;

use super::queries::{self, write_transaction};
use super::types::{event, OrderStatus};
use crate::catalog::queries::bump_version;
use crate::db::DbConn;
use crate::email::{self, EmailKind};
use crate::error::AppError;
use crate::wages::service::{self as wages, BonusOutcome};

/// The result of applying a successful payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaymentOutcome {
    /// The order is now paid and its pieces sold.
    Paid,
    /// It already was (a duplicate event): nothing changed.
    AlreadyApplied,
    /// A piece went to another buyer after this order's hold expired: the payment must be
    /// refunded (the caller does it through the gateway) and the customer told.
    HoldLost,
}

/// Applies a successful payment of `amount_minor` to an order.
///
/// - paid (or later), or a payment already found to have lost its pieces → `AlreadyApplied`;
/// - every piece still held by this order (or, for an order cancelled meanwhile, still free)
///   → sold, order paid, confirmation to the customer and a new-order note to the managers of
///   the centers involved → `Paid`;
/// - otherwise → what this order still holds goes back on sale, the order is cancelled
///   (`piece_unavailable`), the customer gets an apology and the admins an alert → `HoldLost`.
pub fn payment_succeeded(
    conn: &mut DbConn,
    order_id: i64,
    payment_intent_id: Option<&str>,
    amount_minor: i64,
    actor: &str,
    now: NaiveDateTime,
) -> Result<PaymentOutcome, AppError> {
    write_transaction(conn, |conn| {
        let claimable = [OrderStatus::PendingPayment.code(), OrderStatus::Cancelled.code()];
        if !queries::claim(conn, order_id, &claimable, now)? {
            return match queries::find(conn, order_id)? {
                Some(_) => Ok(PaymentOutcome::AlreadyApplied),
                None => Err(AppError::NotFound),
            };
        }
        let order = queries::find(conn, order_id)?.ok_or(AppError::NotFound)?;
        // This payment was already found to have lost its pieces (and is being refunded): a
        // second notice of it must not sell pieces that have come free since.
        if queries::has_event(conn, order_id, event::HOLD_LOST)? {
            return Ok(PaymentOutcome::AlreadyApplied);
        }
        let status = order.status()?;
        if let Some(pi) = payment_intent_id {
            queries::set_payment_intent(conn, order_id, pi)?;
        }
        let items = queries::items_of(conn, order_id)?;
        let late = status == OrderStatus::Cancelled;
        // All pieces or none: the sales run in a savepoint that is rolled back if one fails.
        let lost: Option<Vec<i64>> = {
            let attempt = conn.transaction::<_, SaleFailed, _>(|conn| {
                for item in &items {
                    let sold = if late {
                        queries::sell_free(conn, item.piece_id, now)?
                    } else {
                        queries::sell_held(conn, item.piece_id, order_id, now)?
                    };
                    if !sold {
                        return Err(SaleFailed::Lost(item.piece_id));
                    }
                }
                Ok(())
            });
            match attempt {
                Ok(()) => None,
                Err(SaleFailed::Lost(piece)) => Some(vec![piece]),
                Err(SaleFailed::Db(e)) => return Err(e.into()),
            }
        };
        if let Some(lost) = lost {
            let released = queries::release_holds(conn, order_id, now)?;
            if !late {
                let to = status.transition(OrderStatus::Cancelled).map_err(|e| AppError::Internal(e.to_string()))?;
                queries::move_status(conn, order_id, &[status.code()], to.code(), now)?;
            }
            if released > 0 {
                bump_version(conn)?;
            }
            queries::add_event(
                conn,
                order_id,
                actor,
                event::HOLD_LOST,
                json!({
                    "reason": "piece_unavailable",
                    "pieces": lost,
                    "amount_minor": amount_minor,
                    "payment_intent_id": payment_intent_id,
                }),
                now,
            )?;
            email::enqueue(conn, EmailKind::PieceUnavailable, &order.email, Some(order_id), now)?;
            email::notify_admins(conn, EmailKind::StaffHoldLost, order_id, json!({}), now)?;
            tracing::warn!(order_id, "payment arrived after the order's pieces went to another buyer; refund due");
            return Ok(PaymentOutcome::HoldLost);
        }
        let to = status.transition(OrderStatus::Paid).map_err(|e| AppError::Internal(e.to_string()))?;
        queries::move_status(conn, order_id, &[status.code()], to.code(), now)?;
        bump_version(conn)?;
        if amount_minor != order.total_minor {
            tracing::warn!(
                order_id,
                amount_minor,
                total = order.total_minor,
                "paid amount differs from the order total"
            );
        }
        queries::add_event(
            conn,
            order_id,
            actor,
            event::PAID,
            json!({ "amount_minor": amount_minor, "payment_intent_id": payment_intent_id, "late": late }),
            now,
        )?;
        // The makers' sale bonus, in this transaction (idempotent: a second delivery posts
        // nothing). Without a rupee rate for the payment day it waits: reconciliation lists the
        // order until finance records the rate, and recording it posts the bonus.
        match wages::post_sale_bonus(conn, order_id, now)? {
            BonusOutcome::AwaitingRate { currency, on } => {
                tracing::info!(order_id, %currency, %on, "sale bonus waits for the exchange rate of the payment day");
            }
            BonusOutcome::Posted(n) => tracing::debug!(order_id, entries = n, "sale bonus posted"),
        }
        email::enqueue(conn, EmailKind::OrderConfirmation, &order.email, Some(order_id), now)?;
        // Each manager of a center with a piece in the order, told about their own pieces.
        email::notify_center_managers(conn, order_id, now)?;
        Ok(PaymentOutcome::Paid)
    })
}

enum SaleFailed {
    Lost(i64),
    Db(diesel::result::Error),
}

impl From<diesel::result::Error> for SaleFailed {
    fn from(e: diesel::result::Error) -> Self {
        Self::Db(e)
    }
}

/// A payment failed or the checkout expired. Only an order still awaiting payment changes:
/// it is cancelled and the holds it still owns are released (a hold another order took over
/// is left alone); the customer is told. Anything else (paid, already cancelled) → no change.
pub fn payment_failed(
    conn: &mut DbConn,
    order_id: i64,
    reason: &str,
    actor: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    write_transaction(conn, |conn| {
        let order = queries::find(conn, order_id)?.ok_or(AppError::NotFound)?;
        let from = OrderStatus::PendingPayment;
        if !queries::move_status(conn, order_id, &[from.code()], OrderStatus::Cancelled.code(), now)? {
            return Ok(());
        }
        let released = queries::release_holds(conn, order_id, now)?;
        if released > 0 {
            bump_version(conn)?;
        }
        queries::add_event(
            conn,
            order_id,
            actor,
            event::PAYMENT_FAILED,
            json!({ "reason": reason, "released": released }),
            now,
        )?;
        email::enqueue_with(
            conn,
            EmailKind::PaymentFailed,
            &order.email,
            Some(order_id),
            json!({ "reason": reason }),
            now,
        )?;
        Ok(())
    })
}

/// Records that `refunded_total_minor` has now been refunded in all (Stripe reports the
/// running total). The same total again, or an older smaller one arriving late → no change.
///
/// Refunds never claw back wages or sale bonuses: the artisans' work was done and paid for in
/// good faith when the piece was accepted and sold; a refund is the shop's cost, not theirs.
/// So nothing here touches the wage ledger (a real mistake is corrected by finance with an
/// approved adjustment).
pub fn refund_recorded(
    conn: &mut DbConn,
    order_id: i64,
    refunded_total_minor: i64,
    actor: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    write_transaction(conn, |conn| {
        let order = queries::find(conn, order_id)?.ok_or(AppError::NotFound)?;
        if refunded_total_minor <= order.refunded_minor {
            return Ok(());
        }
        if refunded_total_minor > order.total_minor {
            return Err(AppError::Internal(format!(
                "refund total {refunded_total_minor} exceeds order {order_id}'s total {}",
                order.total_minor
            )));
        }
        let status = order.status()?;
        let to = if refunded_total_minor == order.total_minor {
            OrderStatus::Refunded
        } else {
            OrderStatus::PartiallyRefunded
        };
        // A refund of an order that was never paid (still awaiting payment) keeps its status.
        let new_status = if status.can_become(to) { to } else { status };
        queries::set_refunded(conn, order_id, refunded_total_minor, new_status.code(), now)?;
        queries::add_event(
            conn,
            order_id,
            actor,
            event::REFUNDED,
            json!({
                "refunded_total_minor": refunded_total_minor,
                "amount_minor": refunded_total_minor - order.refunded_minor,
            }),
            now,
        )?;
        let payload = json!({ "refund_minor": refunded_total_minor - order.refunded_minor });
        email::enqueue_with(conn, EmailKind::Refunded, &order.email, Some(order_id), payload, now)?;
        Ok(())
    })
}

/// A dispute (chargeback) was opened: the order is flagged and the admins alerted, once per
/// dispute id.
pub fn dispute_opened(
    conn: &mut DbConn,
    order_id: i64,
    dispute_id: &str,
    actor: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    write_transaction(conn, |conn| {
        let order = queries::find(conn, order_id)?.ok_or(AppError::NotFound)?;
        let seen = queries::events_of(conn, order_id)?.iter().any(|e| {
            e.kind == event::DISPUTE_OPENED
                && serde_json::from_str::<serde_json::Value>(&e.details)
                    .ok()
                    .is_some_and(|d| d["dispute_id"] == dispute_id)
        });
        if seen {
            return Ok(());
        }
        queries::set_disputed(conn, order.id, now)?;
        queries::add_event(conn, order_id, actor, event::DISPUTE_OPENED, json!({ "dispute_id": dispute_id }), now)?;
        email::notify_admins(
            conn,
            EmailKind::StaffDispute,
            order_id,
            json!({ "reason": format!("dispute {dispute_id}") }),
            now,
        )?;
        Ok(())
    })
}
