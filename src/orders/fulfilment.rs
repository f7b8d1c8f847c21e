//! What happens when a payment succeeds, fails, expires, is refunded or disputed. The Stripe
//! webhook and the development payment page both call these, so both take the same path.
//!
//! Payment events arrive at least once and in any order (a checkout can expire and then
//! complete; a refund or a dispute can arrive before the payment it concerns). Each function is
//! therefore idempotent and decides from what the database holds, inside one write transaction
//! that starts by locking the order row (`queries::lock`): two events for one order are applied
//! one after the other on every backend, never interleaved. The order keeps the facts (what was
//! received, the refunded total, its disputes), and its status follows from them whatever the
//! order of arrival: a refund recorded before the payment is applied when the payment arrives
//! (a payment refunded in full is never `paid` and never ships).

use chrono::NaiveDateTime;
use serde_json::json;

use super::charge::Charged;
use super::models::DisputeRow;
use super::queries;
use super::types::{event, Fulfilment, OrderStatus};
use crate::cart::queries as cart_queries;
use crate::db::{self, DbConn};
use crate::email::{self, EmailKind};
use crate::error::AppError;
use crate::invoices::service as invoices;
use crate::money::Currency;
use crate::wages::service::{self as wages, BonusOutcome};
use crate::web::page_cache::bump_version;

/// A payment as the provider reported it (a completed Checkout Session, or the development
/// page's "Pay").
#[derive(Debug, Clone, Copy)]
pub struct PaymentReport<'a> {
    /// The payment session the customer paid on.
    pub session_id: &'a str,
    pub payment_intent_id: Option<&'a str>,
    pub amount_minor: i64,
    /// ISO code, upper case.
    pub currency: &'a str,
    /// Whether the provider says the money was taken (Stripe's `payment_status == paid`).
    pub paid: bool,
}

/// The result of applying a payment report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaymentOutcome {
    /// The order is now paid and its pieces sold.
    Paid,
    /// It already was (a duplicate event), or the order's payment is settled otherwise.
    AlreadyApplied,
    /// A piece went to another buyer after this order's hold expired: the payment must be
    /// refunded (the caller does it through the gateway) and the customer told.
    HoldLost,
    /// The payment does not match what the shop asked for (another session, amount or
    /// currency): it did not count; finance and admins were told. The reason says what differs.
    NeedsReview(String),
    /// The checkout completed but the money is still on its way (a delayed payment method).
    Processing,
    /// The payment had been refunded in full before it arrived here: nothing is sold.
    RefundedBeforehand,
}

/// What does not match between a paid report and what the order asked for (its charge, in the
/// buyer's currency: `orders::charge`), if anything.
fn mismatch(charged: &Charged, current_session: Option<&str>, report: &PaymentReport<'_>) -> Option<String> {
    if current_session != Some(report.session_id) {
        return Some(format!(
            "payment session {} is not the one this shop opened for the order ({})",
            report.session_id,
            current_session.unwrap_or("none")
        ));
    }
    if !report.currency.eq_ignore_ascii_case(charged.currency.code()) {
        return Some(format!(
            "paid in {} but the order is in {}",
            report.currency.to_uppercase(),
            charged.currency.code()
        ));
    }
    if report.amount_minor != charged.amount_minor {
        return Some(format!(
            "paid {} (minor units) but the order's total is {}",
            report.amount_minor, charged.amount_minor
        ));
    }
    None
}

/// Applies a payment report to an order.
///
/// - a report that does not match the order's own payment session, total and currency never
///   counts: an unknown session only leaves a note on the timeline (the order can still be paid
///   through its own session); the order's own session at the wrong amount or currency moves the
///   order to `needs_review` and puts its pieces back on sale. Finance and admins are emailed.
/// - the order's own session, not yet paid (a delayed method) → a note, nothing else;
/// - paid (or later) already, or found before to have lost its pieces → `AlreadyApplied`;
/// - refunded in full already (the refund's event came first) → `refunded`, nothing sold;
/// - every piece still held by this order (or, for an order cancelled meanwhile, still free)
///   → sold, order paid (partly refunded if a partial refund came first), its tax invoice (and
///   a credit note for that refund), the sale bonus, the confirmation to the customer and a note to the managers of the centers involved → `Paid`;
/// - otherwise → what this order still holds goes back on sale, the order is cancelled
///   (`piece_unavailable`), the customer gets an apology and the admins an alert → `HoldLost`.
pub fn payment_succeeded(
    conn: &mut DbConn,
    order_id: i64,
    report: &PaymentReport<'_>,
    actor: &str,
    now: NaiveDateTime,
) -> Result<PaymentOutcome, AppError> {
    db::write(conn, |conn| {
        let order = queries::lock(conn, order_id)?.ok_or(AppError::NotFound)?;
        let status = order.status;
        let current = queries::latest_attempt(conn, order_id)?.and_then(|a| a.session_id);
        let own_session = current.as_deref() == Some(report.session_id);
        let details = json!({
            "session_id": report.session_id,
            "payment_intent_id": report.payment_intent_id,
            "amount_minor": report.amount_minor,
            "currency": report.currency.to_uppercase(),
        });
        if !report.paid {
            if own_session && status == OrderStatus::PendingPayment {
                if !queries::has_event(conn, order_id, event::PAYMENT_PROCESSING)? {
                    queries::add_event(conn, order_id, actor, event::PAYMENT_PROCESSING, details, now)?;
                }
                return Ok(PaymentOutcome::Processing);
            }
            tracing::warn!(
                order_id,
                session = report.session_id,
                "unpaid session report that is not the order's: ignored"
            );
            return Ok(PaymentOutcome::AlreadyApplied);
        }
        let charged = Charged::of_order(conn, &order)?;
        // What was received, in the order's base currency (the charge converted back).
        let received_base = if report.currency.eq_ignore_ascii_case(charged.currency.code()) {
            charged.to_base(report.amount_minor)?
        } else {
            report.amount_minor
        };
        if let Some(reason) = mismatch(&charged, current.as_deref(), report) {
            let mut details = details;
            details["reason"] = json!(reason);
            if own_session && matches!(status, OrderStatus::PendingPayment | OrderStatus::Cancelled) {
                // The order's own payment at the wrong amount or currency: it does not count, the
                // money taken is on record for finance to refund, and the pieces go back on sale.
                queries::set_received(conn, order_id, received_base, now)?;
                if let Some(pi) = report.payment_intent_id {
                    queries::set_payment_intent(conn, order_id, pi)?;
                }
                queries::move_status(conn, order_id, &[status], OrderStatus::NeedsReview, now)?;
                if queries::release_holds(conn, order_id, now)? > 0 {
                    bump_version(conn)?;
                }
            }
            queries::add_event(conn, order_id, actor, event::PAYMENT_REVIEW, details, now)?;
            let payload = json!({ "reason": reason });
            email::notify_finance_and_admins(conn, EmailKind::StaffPaymentReview, order_id, payload, now)?;
            tracing::error!(order_id, %reason, "a payment did not match its order: it needs review");
            return Ok(PaymentOutcome::NeedsReview(reason));
        }
        if !matches!(status, OrderStatus::PendingPayment | OrderStatus::Cancelled) {
            return Ok(PaymentOutcome::AlreadyApplied);
        }
        // This payment was already found to have lost its pieces (and is being refunded): a
        // second notice of it must not sell pieces that have come free since.
        if queries::has_event(conn, order_id, event::HOLD_LOST)? {
            return Ok(PaymentOutcome::AlreadyApplied);
        }
        if let Some(pi) = report.payment_intent_id {
            queries::set_payment_intent(conn, order_id, pi)?;
        }
        queries::set_received(conn, order_id, received_base, now)?;
        let late = status == OrderStatus::Cancelled;

        // The refund's event came first and gave everything back: nothing is sold or shipped.
        if order.refunded_minor >= received_base {
            let to = status.transition(OrderStatus::Refunded).map_err(AppError::internal)?;
            queries::move_status(conn, order_id, &[status], to, now)?;
            if queries::release_holds(conn, order_id, now)? > 0 {
                bump_version(conn)?;
            }
            queries::add_event(conn, order_id, actor, event::PAID_REFUNDED, details, now)?;
            return Ok(PaymentOutcome::RefundedBeforehand);
        }

        let items = queries::items_of(conn, order_id)?;
        // All pieces or none: the sales run in a savepoint that is rolled back if one fails.
        let attempt = db::savepoint::<_, SaleFailed, _>(conn, |conn| {
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
            Ok(()) => {}
            Err(SaleFailed::Db(e)) => return Err(e.into()),
            Err(SaleFailed::Lost(piece)) => {
                let released = queries::release_holds(conn, order_id, now)?;
                if !late {
                    let to = status.transition(OrderStatus::Cancelled).map_err(AppError::internal)?;
                    queries::move_status(conn, order_id, &[status], to, now)?;
                }
                if released > 0 {
                    bump_version(conn)?;
                }
                let mut details = details;
                details["reason"] = json!("piece_unavailable");
                details["pieces"] = json!([piece]);
                queries::add_event(conn, order_id, actor, event::HOLD_LOST, details, now)?;
                email::enqueue(conn, EmailKind::PieceUnavailable, &order.email, Some(order_id), now)?;
                email::notify_admins(conn, EmailKind::StaffHoldLost, order_id, json!({}), now)?;
                tracing::warn!(order_id, "payment arrived after the order's pieces went to another buyer; refund due");
                return Ok(PaymentOutcome::HoldLost);
            }
        }
        // A partial refund that came first keeps the order shippable, partly refunded.
        let target = if order.refunded_minor > 0 { OrderStatus::PartiallyRefunded } else { OrderStatus::Paid };
        let to = status.transition(target).map_err(AppError::internal)?;
        queries::move_status(conn, order_id, &[status], to, now)?;
        bump_version(conn)?;
        let mut details = details;
        details["late"] = json!(late);
        queries::add_event(conn, order_id, actor, event::PAID, details, now)?;
        // The tax invoice, numbered in this transaction: a payment that rolls back takes its
        // number with it (after the catalog version: the lock order `refund_recorded` keeps too). A partial refund that came first is credited against it at once.
        invoices::issue_invoice(conn, order_id, now)?;
        if order.refunded_minor > 0 {
            invoices::credit_for_refund(conn, order_id, order.refunded_minor, now)?;
        }
        // The makers' sale bonus, in this transaction (idempotent: a second delivery posts
        // nothing). Without a rupee rate for the payment day it waits: reconciliation lists the
        // order until finance records the rate, and recording it posts the bonus.
        match wages::post_sale_bonus(conn, order_id, now)? {
            BonusOutcome::AwaitingRate { currency, on } => {
                tracing::info!(order_id, %currency, %on, "sale bonus waits for the exchange rate of the payment day");
            }
            BonusOutcome::Posted(n) => tracing::debug!(order_id, entries = n, "sale bonus posted"),
        }
        // The bought pieces leave the customer's cart (anything added since stays).
        if let Some(cart) = &order.cart_key {
            let pieces: Vec<i64> = items.iter().map(|i| i.piece_id).collect();
            cart_queries::remove_many(conn, cart, &pieces)?;
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

/// Why an order awaiting payment is cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unpaid {
    /// The payment failed (declined, or a delayed method failed).
    Failed,
    /// The payment session expired at the provider.
    SessionExpired,
    /// The hold ran out (the sweeper), or the order was stranded before reaching payment.
    HoldExpired,
    /// The same cart checked out again: this order is replaced (no email).
    Superseded,
}

impl Unpaid {
    fn event(self) -> &'static str {
        match self {
            Self::Failed | Self::SessionExpired => event::PAYMENT_FAILED,
            Self::HoldExpired => event::EXPIRED,
            Self::Superseded => event::SUPERSEDED,
        }
    }

    fn reason(self) -> &'static str {
        match self {
            Self::Failed => "the payment failed",
            Self::SessionExpired => "the checkout session expired",
            Self::HoldExpired => "the reservation ran out before the payment arrived",
            Self::Superseded => "the same cart checked out again",
        }
    }
}

/// Cancels an order that is still awaiting payment and releases the holds it still owns (a
/// hold another order has taken over is left alone); the customer is told, except when their
/// own new checkout replaced it. Anything else (paid, already cancelled) → no change. Returns
/// whether the order was cancelled. Runs inside the caller's transaction when there is one.
pub fn cancel_unpaid(
    conn: &mut DbConn,
    order_id: i64,
    why: Unpaid,
    actor: &str,
    now: NaiveDateTime,
) -> Result<bool, AppError> {
    db::write(conn, |conn| {
        let order = queries::lock(conn, order_id)?.ok_or(AppError::NotFound)?;
        let from = OrderStatus::PendingPayment;
        if order.status != from || !queries::move_status(conn, order_id, &[from], OrderStatus::Cancelled, now)? {
            return Ok(false);
        }
        let released = queries::release_holds(conn, order_id, now)?;
        if released > 0 {
            bump_version(conn)?;
        }
        queries::add_event(
            conn,
            order_id,
            actor,
            why.event(),
            json!({ "reason": why.reason(), "released": released }),
            now,
        )?;
        if why != Unpaid::Superseded {
            let payload = json!({ "reason": why.reason() });
            email::enqueue_with(conn, EmailKind::PaymentFailed, &order.email, Some(order_id), payload, now)?;
        }
        Ok(true)
    })
}

/// A payment failed or the checkout expired (see `cancel_unpaid`).
pub fn payment_failed(
    conn: &mut DbConn,
    order_id: i64,
    why: Unpaid,
    actor: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    cancel_unpaid(conn, order_id, why, actor, now).map(|_| ())
}

/// The order's money state once `refunded_total` of what it received has gone back.
fn status_after_refund(status: OrderStatus, received: i64, refunded_total: i64) -> OrderStatus {
    let full = received > 0 && refunded_total >= received;
    match status {
        OrderStatus::Paid | OrderStatus::PartiallyRefunded if full => OrderStatus::Refunded,
        OrderStatus::Paid | OrderStatus::PartiallyRefunded => OrderStatus::PartiallyRefunded,
        // A late payment that lost its pieces, or one that needed review: refunded once all of
        // it went back (a part refund leaves it where it is, never shippable).
        OrderStatus::Cancelled | OrderStatus::NeedsReview if full => OrderStatus::Refunded,
        // Awaiting payment: the refund is recorded and judged when the payment arrives.
        other => other,
    }
}

/// Records that `refunded_total_minor` has now been refunded in all (Stripe reports the
/// running total). The same total again, or an older smaller one arriving late → no change: the
/// order row is locked first, so of two reports delivered together the larger total wins.
///
/// Refunds never claw back wages or sale bonuses: the artisans' work was done and paid for in
/// good faith when the piece was accepted and sold; a refund is the shop's cost, not theirs.
/// So nothing here touches the wage ledger (a real mistake is corrected by finance with an
/// approved adjustment). Refunds never move fulfilment either: a parcel already shipped stays
/// shipped, and one not shipped yet ships only while the order is not refunded in full.
pub fn refund_recorded(
    conn: &mut DbConn,
    order_id: i64,
    refunded_total_minor: i64,
    actor: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    db::write(conn, |conn| {
        let order = queries::lock(conn, order_id)?.ok_or(AppError::NotFound)?;
        if refunded_total_minor <= order.refunded_minor {
            return Ok(());
        }
        let limit = order.total_minor.max(order.received_minor);
        if refunded_total_minor > limit {
            // Stripe is the record of what moved; note the oddity rather than refuse the fact.
            tracing::error!(order_id, refunded_total_minor, limit, "refund total above what the order took");
        }
        let status = order.status;
        let new_status = status_after_refund(status, order.received_minor, refunded_total_minor);
        queries::set_refunded(conn, order_id, refunded_total_minor, new_status, now)?;
        // Refunded in full before any parcel left: the sale is off and the pieces, still at the
        // workshop, go back on sale (a parcel already on its way is a return, not this).
        let mut relisted = 0;
        if new_status == OrderStatus::Refunded
            && status != OrderStatus::Refunded
            && matches!(order.fulfilment, Fulfilment::Unfulfilled | Fulfilment::Packed)
        {
            relisted = queries::relist_sold(conn, order_id, now)?;
            if relisted > 0 {
                bump_version(conn)?;
            }
        }
        // A credit note against the order's tax invoice, if it has one (an order never paid,
        // or whose payment lost its pieces, was never invoiced). After the catalog version, as
        // in `payment_succeeded`: every write takes `catalog_state` before `invoice_series`, so
        // a payment and a refund committing at once never wait for each other in a circle.
        invoices::credit_for_refund(conn, order_id, refunded_total_minor - order.refunded_minor, now)?;
        queries::add_event(
            conn,
            order_id,
            actor,
            event::REFUNDED,
            json!({
                "refunded_total_minor": refunded_total_minor,
                "amount_minor": refunded_total_minor - order.refunded_minor,
                "relisted": relisted,
            }),
            now,
        )?;
        let payload = json!({ "refund_minor": refunded_total_minor - order.refunded_minor });
        email::enqueue_with(conn, EmailKind::Refunded, &order.email, Some(order_id), payload, now)?;
        Ok(())
    })
}

/// A refund total as the payment provider reports it, in the currency the buyer was charged
/// in: converted to the order's base currency (`Charged::to_base`) and recorded by
/// `refund_recorded`. A total that is no more than what is already recorded, once converted to
/// the charge's currency, changes nothing: a refund staff made (recorded in the base currency)
/// and Stripe's report of it round to the same amount, never to a second refund of a paisa.
pub fn refund_reported(
    conn: &mut DbConn,
    order_id: i64,
    charged_total_minor: i64,
    actor: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    db::write(conn, |conn| {
        let order = queries::lock(conn, order_id)?.ok_or(AppError::NotFound)?;
        let charged = Charged::of_order(conn, &order)?;
        if charged_total_minor <= charged.to_charged(order.refunded_minor)? {
            return Ok(());
        }
        let base_total = charged.to_base(charged_total_minor)?;
        refund_recorded(conn, order_id, base_total, actor, now)
    })
}

/// A dispute as Stripe reported it (`charge.dispute.created/updated/closed`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DisputeReport {
    pub id: String,
    pub amount_minor: i64,
    pub currency: String,
    pub reason: String,
    pub status: String,
    pub evidence_due_by: Option<NaiveDateTime>,
}

/// Stripe's dispute statuses that end a dispute.
pub fn dispute_is_closed(status: &str) -> bool {
    matches!(status, "won" | "lost" | "warning_closed" | "prevented")
}

/// Applies what Stripe says of a dispute: the first report opens it (timeline, finance and
/// admins emailed with the evidence deadline), later ones update it, the closing one records
/// won or lost on the order and tells finance and admins. A report older than what is known (an
/// open status after the dispute closed) changes nothing, so the events may come in any order
/// and any number of times. The order is flagged while a dispute is open.
///
/// A lost dispute takes the money back from the shop, never from the artisans: wages and sale
/// bonuses stay in the ledger.
pub fn dispute_reported(
    conn: &mut DbConn,
    order_id: i64,
    report: &DisputeReport,
    actor: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    db::write(conn, |conn| {
        let order = queries::lock(conn, order_id)?.ok_or(AppError::NotFound)?;
        let closed = dispute_is_closed(&report.status);
        let row = DisputeRow {
            id: report.id.clone(),
            order_id,
            amount_minor: report.amount_minor,
            // Stripe disputes in the payment's currency; one the shop does not sell in is noted as the order's.
            currency: Currency::parse(&report.currency.to_uppercase()).unwrap_or(order.currency),
            reason: report.reason.clone(),
            status: report.status.clone(),
            evidence_due_by: report.evidence_due_by,
            opened_at: now,
            updated_at: now,
            closed_at: closed.then_some(now),
        };
        let details = json!({
            "dispute_id": report.id,
            "status": report.status,
            "amount_minor": report.amount_minor,
            "reason": report.reason,
            "evidence_due_by": report.evidence_due_by.map(|t| t.format("%Y-%m-%d %H:%M").to_string()),
        });
        match queries::find_dispute(conn, &report.id)? {
            None => {
                if !queries::insert_dispute_if_new(conn, &row)? {
                    return Ok(());
                }
                queries::add_event(conn, order_id, actor, event::DISPUTE_OPENED, details.clone(), now)?;
                let payload = json!({ "reason": report.reason, "dispute_id": report.id });
                email::notify_finance_and_admins(conn, EmailKind::StaffDispute, order_id, payload, now)?;
                if closed {
                    queries::add_event(conn, order_id, actor, event::DISPUTE_CLOSED, details, now)?;
                    let payload = json!({ "reason": report.status, "dispute_id": report.id });
                    email::notify_finance_and_admins(conn, EmailKind::StaffDisputeClosed, order_id, payload, now)?;
                }
            }
            Some(known) => {
                let stale = dispute_is_closed(&known.status) && !closed;
                let same = known.status == row.status
                    && known.evidence_due_by == row.evidence_due_by
                    && known.amount_minor == row.amount_minor;
                if stale || same {
                    return Ok(());
                }
                let row =
                    DisputeRow { opened_at: known.opened_at, closed_at: known.closed_at.or(row.closed_at), ..row };
                queries::update_dispute(conn, &row)?;
                if closed && !dispute_is_closed(&known.status) {
                    queries::add_event(conn, order_id, actor, event::DISPUTE_CLOSED, details, now)?;
                    let payload = json!({ "reason": report.status, "dispute_id": report.id });
                    email::notify_finance_and_admins(conn, EmailKind::StaffDisputeClosed, order_id, payload, now)?;
                } else {
                    queries::add_event(conn, order_id, actor, event::DISPUTE_UPDATED, details, now)?;
                }
            }
        }
        let open = queries::disputes_of(conn, order_id)?.iter().any(|d| !dispute_is_closed(&d.status));
        if open != order.disputed {
            queries::set_disputed(conn, order_id, open, now)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refunds_move_money_state_only() {
        use OrderStatus::*;
        assert_eq!(status_after_refund(Paid, 1000, 500), PartiallyRefunded);
        assert_eq!(status_after_refund(PartiallyRefunded, 1000, 1000), Refunded);
        assert_eq!(status_after_refund(PendingPayment, 0, 1000), PendingPayment);
        // A lost hold's payment refunded in part is still not shippable.
        assert_eq!(status_after_refund(Cancelled, 1000, 500), Cancelled);
        assert_eq!(status_after_refund(Cancelled, 1000, 1000), Refunded);
        assert_eq!(status_after_refund(NeedsReview, 1, 1), Refunded);
        assert_eq!(status_after_refund(Refunded, 1000, 1000), Refunded);
    }

    #[test]
    fn closed_dispute_statuses() {
        for s in ["won", "lost", "warning_closed", "prevented"] {
            assert!(dispute_is_closed(s));
        }
        for s in ["needs_response", "under_review", "warning_needs_response", "warning_under_review"] {
            assert!(!dispute_is_closed(s));
        }
    }
}
