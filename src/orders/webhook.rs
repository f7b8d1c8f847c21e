//! `POST /webhooks/stripe`: Stripe tells the shop what happened to a payment. The signature is
//! checked on the raw body before anything else (missing, bad or stale → 400, nothing changed);
//! each event is stored by its id in `stripe_events` and applied in the same transaction, so a
//! duplicate delivery finds the id taken and changes nothing. What an event means for an order
//! is decided by `orders::fulfilment`, whose functions are idempotent and lock the order first,
//! so events may also arrive in any order and at the same time.
//!
//! Which order an event is about:
//! - a Checkout Session event: the order whose payment attempt opened that session; failing that,
//!   the order named in the session's metadata (`order_id`, else `client_reference_id`), and
//!   then the payment does not count (it is not the session the shop opened for that order:
//!   `fulfilment::payment_succeeded` sends it to review);
//! - a refund or a dispute: the order paid by its payment intent, else the one in its metadata.
//!   One that concerns a payment the shop has not seen yet (it arrived first) is parked under
//!   the payment intent and applied, in the order received, when that payment arrives.
//!
//! One case needs Stripe again: a payment that arrives after its hold went to another buyer
//! (`HoldLost`) is refunded through the API. The event is then committed without
//! `processed_at` until the refund is recorded; a failed refund answers 500, Stripe delivers
//! the event again, and the stored, unprocessed row says to retry the refund (same idempotency
//! key, so the customer is never refunded twice).

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use stripe_webhook::{Event, EventObject, Webhook, WebhookError};

use super::fulfilment::{self, DisputeReport, PaymentOutcome, PaymentReport, Unpaid};
use super::models::NewRefund;
use super::queries;
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::payments::RefundRequest;
use crate::state::AppState;
use crate::web::error_pages::json_error;

/// Who the order timeline names for changes made by a webhook.
const ACTOR: &str = "stripe";

/// The handler. Answers 200 once an event is stored and applied (or was already), 400 when
/// the request cannot be trusted, 404 when Stripe is not configured, and 500 when applying
/// failed and Stripe should deliver the event again.
pub async fn receive(state: web::Data<AppState>, req: HttpRequest, body: web::Bytes) -> Result<HttpResponse, AppError> {
    let Some(secret) = state.gateway.webhook_secret() else {
        return Err(AppError::NotFound);
    };
    let Some(signature) = req.headers().get("Stripe-Signature").and_then(|v| v.to_str().ok()) else {
        tracing::warn!("stripe webhook without a Stripe-Signature header refused");
        return Ok(refused("missing_signature", "The Stripe-Signature header is missing."));
    };
    let Ok(payload) = std::str::from_utf8(&body) else {
        tracing::warn!("stripe webhook with a body that is not UTF-8 refused");
        return Ok(refused("invalid_body", "The body is not UTF-8 text."));
    };
    let event = match Webhook::construct_event(payload, signature, secret.expose_secret()) {
        Ok(event) => event,
        Err(WebhookError::BadParse(why)) => {
            // Signed by Stripe but unreadable by this version of the library: refuse it, so
            // that Stripe keeps it and delivers it again once the shop is fixed.
            tracing::error!(error = %why, "a signed stripe event could not be read");
            return Ok(refused("unreadable_event", "The event could not be read."));
        }
        Err(e) => {
            tracing::warn!(error = %e, "stripe webhook with a bad or stale signature refused");
            return Ok(refused("invalid_signature", "The signature is missing, wrong or too old."));
        }
    };
    let event_id = event.id.as_str().to_string();
    let event_type = event.type_.as_str().to_string();
    let action = Action::of(event);
    let now = Utc::now().naive_utc();

    let stored = {
        let (id, kind, payload, action) = (event_id.clone(), event_type.clone(), payload.to_string(), action.clone());
        db::run(&state.pool, move |conn| store_and_apply(conn, &id, &kind, &payload, &action, now)).await?
    };
    let job = match stored {
        Stored::Done => {
            tracing::info!(event_id, event_type, "stripe event applied");
            return Ok(received());
        }
        Stored::AlreadyProcessed => {
            tracing::info!(event_id, event_type, "stripe event seen before: nothing applied again");
            return Ok(received());
        }
        Stored::RefundDue(job) => job,
    };

    // The payment came too late: its piece went to another buyer. Give the money back.
    let request = RefundRequest {
        payment_intent_id: job.payment_intent_id.clone(),
        amount_minor: job.amount_minor,
        idempotency_key: job.idempotency_key(),
    };
    let refund = match state.gateway.refund(&request).await {
        Ok(refund) => refund,
        Err(e) => {
            tracing::error!(event_id, order_id = job.order_id, error = %e,
                "refund of a payment whose hold was lost failed; Stripe will deliver the event again");
            return Err(AppError::internal_in("refund failed", e));
        }
    };
    let id = event_id.clone();
    db::run(&state.pool, move |conn| record_refund(conn, &id, &job, &refund.id, &refund.status, now)).await?;
    tracing::warn!(event_id, "payment refunded automatically: its hold had gone to another buyer");
    Ok(received())
}

fn received() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({ "received": true }))
}

fn refused(code: &'static str, message: &str) -> HttpResponse {
    json_error(StatusCode::BAD_REQUEST, code, message)
}

/// What an event asks of the shop, read from the verified event. Serializable: an event about
/// a payment not seen yet is stored as its action and applied later.
#[derive(Debug, Clone, Serialize, Deserialize)]
enum Action {
    /// A checkout completed (paid or still processing), or its delayed payment succeeded.
    Paid {
        session: SessionRef,
        payment_intent_id: Option<String>,
        amount_minor: i64,
        currency: String,
        paid: bool,
    },
    /// The checkout's payment failed, or its session expired.
    Unpaid {
        session: SessionRef,
        expired: bool,
    },
    Refunded {
        order: OrderRef,
        refunded_total_minor: i64,
    },
    Disputed {
        order: OrderRef,
        report: DisputeReport,
    },
    /// Stored, nothing to apply.
    Nothing(String),
}

/// A Checkout Session and the order its metadata names.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct SessionRef {
    id: String,
    order_hint: Option<i64>,
}

/// How to find an order from a charge or dispute: by the payment intent stored on the order,
/// else by the order id carried in metadata.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct OrderRef {
    payment_intent_id: Option<String>,
    order_id: Option<i64>,
}

fn time(ts: i64) -> Option<NaiveDateTime> {
    (ts > 0).then(|| DateTime::from_timestamp(ts, 0).map(|t| t.naive_utc())).flatten()
}

impl Action {
    fn of(event: Event) -> Self {
        match event.data.object {
            EventObject::CheckoutSessionCompleted(session) => Self::paid(&session),
            EventObject::CheckoutSessionAsyncPaymentSucceeded(session) => Self::paid(&session),
            EventObject::CheckoutSessionAsyncPaymentFailed(session) => {
                Self::Unpaid { session: SessionRef::of(&session), expired: false }
            }
            EventObject::CheckoutSessionExpired(session) => {
                Self::Unpaid { session: SessionRef::of(&session), expired: true }
            }
            EventObject::ChargeRefunded(charge) => Self::Refunded {
                order: OrderRef {
                    payment_intent_id: charge.payment_intent.as_ref().map(|pi| pi.id().as_str().to_string()),
                    order_id: metadata_order_id(Some(&charge.metadata)),
                },
                refunded_total_minor: charge.amount_refunded,
            },
            EventObject::ChargeDisputeCreated(d)
            | EventObject::ChargeDisputeUpdated(d)
            | EventObject::ChargeDisputeClosed(d)
            | EventObject::ChargeDisputeFundsWithdrawn(d)
            | EventObject::ChargeDisputeFundsReinstated(d) => Self::Disputed {
                order: OrderRef {
                    payment_intent_id: d.payment_intent.as_ref().map(|pi| pi.id().as_str().to_string()),
                    order_id: metadata_order_id(Some(&d.metadata)),
                },
                report: DisputeReport {
                    id: d.id.as_str().to_string(),
                    amount_minor: d.amount,
                    currency: d.currency.to_string().to_ascii_uppercase(),
                    reason: d.reason.clone(),
                    status: d.status.as_str().to_string(),
                    evidence_due_by: d.evidence_details.due_by.and_then(time),
                },
            },
            _ => Self::Nothing("an event type the shop does not act on".into()),
        }
    }

    fn paid(session: &stripe_checkout::CheckoutSession) -> Self {
        Self::Paid {
            session: SessionRef::of(session),
            payment_intent_id: session.payment_intent.as_ref().map(|pi| pi.id().as_str().to_string()),
            amount_minor: session.amount_total.unwrap_or(0),
            currency: session.currency.as_ref().map(|c| c.to_string().to_ascii_uppercase()).unwrap_or_default(),
            // `no_payment_required` never applies to this shop (every order has a price).
            paid: session.payment_status == stripe_checkout::CheckoutSessionPaymentStatus::Paid,
        }
    }
}

impl SessionRef {
    /// The session id, and the order its metadata names: `metadata.order_id`, else
    /// `client_reference_id`.
    fn of(session: &stripe_checkout::CheckoutSession) -> Self {
        Self {
            id: session.id.as_str().to_string(),
            order_hint: metadata_order_id(session.metadata.as_ref())
                .or_else(|| session.client_reference_id.as_deref().and_then(|r| r.trim().parse().ok())),
        }
    }
}

fn metadata_order_id(metadata: Option<&std::collections::HashMap<String, String>>) -> Option<i64> {
    metadata.and_then(|m| m.get("order_id")).and_then(|v| v.trim().parse().ok())
}

/// A refund the webhook owes a customer whose hold was lost.
#[derive(Debug, Clone)]
struct RefundJob {
    order_id: i64,
    payment_intent_id: String,
    amount_minor: i64,
}

impl RefundJob {
    /// Derived from the order and the payment, so that however often (and from whichever
    /// event) the refund is attempted, Stripe makes it once.
    fn idempotency_key(&self) -> String {
        format!("fairgold-hold-lost-{}-{}", self.order_id, self.payment_intent_id)
    }
}

enum Stored {
    Done,
    AlreadyProcessed,
    RefundDue(RefundJob),
}

/// Inside a transaction: an error rolls back the event row with everything it applied.
enum TxError {
    Duplicate,
    App(AppError),
}

impl From<DieselError> for TxError {
    fn from(e: DieselError) -> Self {
        Self::App(e.into())
    }
}

impl From<AppError> for TxError {
    fn from(e: AppError) -> Self {
        Self::App(e)
    }
}

/// Stores the event and applies it, in one transaction. The insert comes first: a second
/// delivery of the same event waits for the first to commit, then finds the id taken.
fn store_and_apply(
    conn: &mut DbConn,
    event_id: &str,
    event_type: &str,
    payload: &str,
    action: &Action,
    now: NaiveDateTime,
) -> Result<Stored, AppError> {
    let applied = db::write::<_, TxError, _>(conn, |conn| {
        match queries::insert_stripe_event(conn, event_id, event_type, payload, now) {
            Ok(_) => {}
            Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => return Err(TxError::Duplicate),
            Err(e) => return Err(e.into()),
        }
        let outcome = apply(conn, event_id, action, now)?;
        if matches!(outcome, Stored::Done) {
            queries::mark_event_processed(conn, event_id, now)?;
        }
        Ok(outcome)
    });
    match applied {
        Ok(outcome) => Ok(outcome),
        Err(TxError::App(e)) => Err(e),
        Err(TxError::Duplicate) => match queries::stripe_event_processed_at(conn, event_id)? {
            Some(Some(_)) | None => Ok(Stored::AlreadyProcessed),
            // Stored but not processed: only a refund still owed leaves it so.
            Some(None) => match action {
                Action::Paid { session, payment_intent_id: Some(pi), amount_minor, .. } => {
                    let order_id = queries::order_of_session(conn, &session.id)?.or(session.order_hint);
                    match order_id {
                        Some(order_id) => Ok(Stored::RefundDue(RefundJob {
                            order_id,
                            payment_intent_id: pi.clone(),
                            amount_minor: *amount_minor,
                        })),
                        None => Ok(Stored::AlreadyProcessed),
                    }
                }
                _ => Ok(Stored::AlreadyProcessed),
            },
        },
    }
}

/// The order a Checkout Session event is about: the one whose attempt opened the session,
/// else the one its metadata names (whose payment the session then is not).
fn session_order(conn: &mut DbConn, session: &SessionRef) -> Result<Option<i64>, AppError> {
    if let Some(id) = queries::order_of_session(conn, &session.id)? {
        return Ok(Some(id));
    }
    match session.order_hint {
        Some(id) if queries::order_exists(conn, id)? => Ok(Some(id)),
        _ => Ok(None),
    }
}

/// Applies one event to its order through `orders::fulfilment`.
fn apply(conn: &mut DbConn, event_id: &str, action: &Action, now: NaiveDateTime) -> Result<Stored, AppError> {
    match action {
        Action::Nothing(why) => {
            tracing::info!(event_id, why, "stripe event stored, nothing to apply");
        }
        Action::Paid { session, payment_intent_id, amount_minor, currency, paid } => {
            let Some(order_id) = session_order(conn, session)? else {
                tracing::error!(
                    event_id,
                    session = session.id,
                    "stripe payment for a session no order of this shop knows"
                );
                return Ok(Stored::Done);
            };
            // Refunds and disputes of this payment that arrived before it apply first, so the
            // payment is judged with them (refunded in full beforehand → nothing is sold). Only
            // for the order's own session: a payment intent of a session the shop did not open
            // says nothing about this order. The key serialises this with a refund or dispute
            // of the same payment arriving at the same moment (which would otherwise park
            // itself unseen).
            let own = queries::order_of_session(conn, &session.id)? == Some(order_id);
            if let (true, Some(pi)) = (own, payment_intent_id) {
                crate::db::serialize_on(conn, pi)?;
                apply_parked(conn, order_id, pi, now)?;
            }
            let report = PaymentReport {
                session_id: &session.id,
                payment_intent_id: payment_intent_id.as_deref(),
                amount_minor: *amount_minor,
                currency,
                paid: *paid,
            };
            match fulfilment::payment_succeeded(conn, order_id, &report, ACTOR, now)? {
                PaymentOutcome::HoldLost => match payment_intent_id {
                    Some(pi) => {
                        return Ok(Stored::RefundDue(RefundJob {
                            order_id,
                            payment_intent_id: pi.clone(),
                            amount_minor: *amount_minor,
                        }))
                    }
                    None => tracing::error!(
                        event_id,
                        order_id,
                        "payment for a lost hold has no payment intent: refund it by hand in Stripe"
                    ),
                },
                PaymentOutcome::Paid | PaymentOutcome::RefundedBeforehand | PaymentOutcome::NeedsReview(_) => {}
                PaymentOutcome::AlreadyApplied | PaymentOutcome::Processing => {}
            }
        }
        Action::Unpaid { session, expired } => match queries::order_of_session(conn, &session.id)? {
            // Only the order's own session can cancel it (and only while it awaits payment).
            Some(order_id) => {
                let why = if *expired { Unpaid::SessionExpired } else { Unpaid::Failed };
                fulfilment::payment_failed(conn, order_id, why, ACTOR, now)?;
            }
            None => tracing::warn!(
                event_id,
                session = session.id,
                "stripe session event for a session the shop did not open"
            ),
        },
        Action::Refunded { order, refunded_total_minor } => match find_serialized(conn, order)? {
            // Refunds never claw back wages or sale bonuses (see `fulfilment::refund_recorded`):
            // the wage ledger is not touched here.
            Some(order_id) => fulfilment::refund_reported(conn, order_id, *refunded_total_minor, ACTOR, now)?,
            None => park(conn, event_id, order, action)?,
        },
        Action::Disputed { order, report } => match find_serialized(conn, order)? {
            Some(order_id) => fulfilment::dispute_reported(conn, order_id, report, ACTOR, now)?,
            None => park(conn, event_id, order, action)?,
        },
    }
    Ok(Stored::Done)
}

/// Keeps an event about a payment the shop has not seen yet, to apply when it arrives.
fn park(conn: &mut DbConn, event_id: &str, order: &OrderRef, action: &Action) -> Result<(), AppError> {
    match &order.payment_intent_id {
        Some(pi) => {
            let json = serde_json::to_string(action).map_err(AppError::internal)?;
            queries::park_event(conn, event_id, pi, &json)?;
            tracing::info!(event_id, payment_intent = pi, "stripe event about a payment not seen yet: parked");
        }
        None => tracing::warn!(event_id, ?order, "stripe event for a payment the shop does not know"),
    }
    Ok(())
}

/// Applies, in the order they arrived, the events parked under this payment intent.
fn apply_parked(conn: &mut DbConn, order_id: i64, payment_intent_id: &str, now: NaiveDateTime) -> Result<(), AppError> {
    for (event_id, json) in queries::parked_events(conn, payment_intent_id)? {
        match serde_json::from_str::<Action>(&json) {
            Ok(Action::Refunded { refunded_total_minor, .. }) => {
                fulfilment::refund_reported(conn, order_id, refunded_total_minor, ACTOR, now)?
            }
            Ok(Action::Disputed { report, .. }) => fulfilment::dispute_reported(conn, order_id, &report, ACTOR, now)?,
            Ok(other) => tracing::error!(event_id, ?other, "a parked stripe event that is not a refund or dispute"),
            Err(e) => tracing::error!(event_id, error = %e, "a parked stripe event could not be read"),
        }
        queries::unpark_event(conn, &event_id)?;
    }
    Ok(())
}

/// `find_order`, after taking the payment intent's key: a payment of it committing meanwhile
/// is then seen (and this event applied to its order), or sees this event parked.
fn find_serialized(conn: &mut DbConn, order: &OrderRef) -> Result<Option<i64>, AppError> {
    if let Some(pi) = &order.payment_intent_id {
        crate::db::serialize_on(conn, pi)?;
    }
    find_order(conn, order)
}

fn find_order(conn: &mut DbConn, order: &OrderRef) -> Result<Option<i64>, AppError> {
    if let Some(pi) = &order.payment_intent_id {
        if let Some(id) = queries::order_by_payment_intent(conn, pi)? {
            return Ok(Some(id));
        }
    }
    match order.order_id {
        Some(id) if queries::order_exists(conn, id)? => Ok(Some(id)),
        _ => Ok(None),
    }
}

/// After Stripe made the refund: the refund row, the order's refunded total, and the event
/// marked processed, together.
fn record_refund(
    conn: &mut DbConn,
    event_id: &str,
    job: &RefundJob,
    provider_refund_id: &str,
    status: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    db::write::<_, AppError, _>(conn, |conn| {
        // The order first: two deliveries of the same late payment record its refund once.
        let order = queries::lock(conn, job.order_id)?.ok_or(AppError::NotFound)?;
        // Stripe refunded what was paid, in the charged currency; the order keeps its refunds
        // in its base currency (`orders::charge`).
        let base_amount = crate::orders::charge::Charged::of_order(conn, &order)?.to_base(job.amount_minor)?;
        let key = job.idempotency_key();
        if queries::refund_by_key(conn, &key)?.is_none() {
            let currency = order.currency;
            let id = queries::insert_refund(
                conn,
                &NewRefund {
                    order_id: job.order_id,
                    amount_minor: base_amount,
                    currency,
                    reason: "the piece had already gone to another buyer when the payment arrived".into(),
                    idempotency_key: key,
                    status: status.into(),
                    created_at: now,
                },
            )?;
            queries::set_refund_result(conn, id, Some(provider_refund_id), status)?;
        }
        fulfilment::refund_recorded(conn, job.order_id, base_amount, ACTOR, now)?;
        queries::mark_event_processed(conn, event_id, now)?;
        Ok(())
    })
}
