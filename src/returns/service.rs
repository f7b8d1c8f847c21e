//! The return's steps, each one write that locks the order first (`orders::queries::lock`),
//! moves the request with a conditional statement (a lost race is a 409, never a second
//! move), adds the step to the order's timeline, audit-logs it and enqueues the customer's
//! email in the same transaction.
//!
//! Wages are never clawed back: the makers' wages were posted when the piece was accepted and
//! its sale bonus when it sold; a return is the shop's cost, so nothing here (nor in the refund
//! path it calls) touches the wage ledger.

use std::collections::BTreeMap;

use chrono::{NaiveDateTime, TimeDelta};
use serde::Serialize;
use serde_json::json;

use super::models::{NewReturn, NewReturnItem, ReturnItemRow, ReturnRow};
use super::queries;
use super::types::ReturnStatus;
use crate::audit::{self, Actor, AuditEvent};
use crate::auth::{Scope, Subject};
use crate::db::{self, DbConn};
use crate::email::{self, EmailKind};
use crate::error::AppError;
use crate::inventory;
use crate::money::Money;
use crate::orders::models::OrderRow;
use crate::orders::queries as orders;
use crate::orders::service::{self as order_service, RefundOutcome};
use crate::orders::types::{event, OrderStatus, ShipmentStatus};
use crate::state::AppState;
use crate::web::form::FieldErrors;

/// The label the customer's own steps carry on the timeline and in the audit log.
pub const CUSTOMER: &str = "customer";

/// One piece of the order as the return form shows it: may it be returned now, and if not, why.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub piece_id: i64,
    pub title: String,
    pub sku: String,
    pub price: String,
    pub center_id: i64,
    pub eligible: bool,
    pub why_not: Option<String>,
    /// The last day it may be asked for (delivery + the window).
    pub until: Option<String>,
}

fn day(t: NaiveDateTime) -> String {
    t.format("%-d %B %Y").to_string()
}

/// Every piece of the order, each with whether it can be returned at `now`: the order paid and
/// not refunded in full, the piece's parcel delivered no more than `window_days` ago, and the
/// piece in no return under way or refunded.
pub fn candidates(
    conn: &mut DbConn,
    order: &OrderRow,
    window_days: i64,
    now: NaiveDateTime,
) -> Result<Vec<Candidate>, AppError> {
    let items = orders::items_of(conn, order.id)?;
    let shipments = orders::shipments_of(conn, order.id)?;
    let in_returns = queries::pieces_in_returns(conn, order.id)?;
    let paid = matches!(order.status, OrderStatus::Paid | OrderStatus::PartiallyRefunded);
    Ok(items
        .into_iter()
        .map(|i| {
            let delivered = shipments
                .iter()
                .find(|s| s.center_id == i.center_id && s.status == ShipmentStatus::Delivered)
                .and_then(|s| s.delivered_at);
            let until = delivered.map(|d| d + TimeDelta::days(window_days));
            let statuses: Vec<ReturnStatus> =
                in_returns.iter().filter(|(p, _)| *p == i.piece_id).map(|(_, s)| *s).collect();
            let why_not = if !paid {
                Some(format!("An order that is {} cannot be returned.", order.status.label().to_lowercase()))
            } else if statuses.iter().any(|s| s.is_open()) {
                Some("A return is already under way for this piece.".to_string())
            } else if statuses.contains(&ReturnStatus::Refunded) {
                Some("This piece was returned and refunded.".to_string())
            } else if delivered.is_none() {
                Some("Not delivered yet: a piece can be returned once its parcel has arrived.".to_string())
            } else if until.is_some_and(|u| now > u) {
                Some(format!("The return window ended on {}.", until.map(day).unwrap_or_default()))
            } else {
                None
            };
            Candidate {
                piece_id: i.piece_id,
                title: i.title,
                sku: i.sku,
                price: Money::new(i.price_minor, i.currency).to_string(),
                center_id: i.center_id,
                eligible: why_not.is_none(),
                why_not,
                until: until.map(day),
            }
        })
        .collect())
}

fn titles(items: &[ReturnItemRow]) -> Vec<String> {
    items.iter().map(|i| i.title.clone()).collect()
}

fn record(
    conn: &mut DbConn,
    actor: &Actor,
    action: &str,
    r: &ReturnRow,
    details: serde_json::Value,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    audit::record(
        conn,
        actor,
        &AuditEvent {
            action,
            entity_type: "return",
            entity_id: Some(r.id.to_string()),
            center_id: Some(r.center_id),
            details,
        },
        now,
    )?;
    Ok(())
}

fn tell_customer(
    conn: &mut DbConn,
    order: &OrderRow,
    return_id: i64,
    step: ReturnStatus,
    message: Option<&str>,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let payload = json!({ "return_id": return_id, "return_step": step.code(), "reason": message });
    email::enqueue_with(conn, EmailKind::ReturnUpdate, &order.email, Some(order.id), payload, now)?;
    Ok(())
}

/// The customer asks to return `pieces` of their order, for `reason` (already checked as
/// text). Every piece must be the order's own and returnable now (`candidates`); a piece
/// already in a return under way is a 409 (a second submission of the same form). One request
/// per center of the order: each workshop's manager decides on their own pieces. Returns the
/// new requests' ids.
pub fn request(
    conn: &mut DbConn,
    order_id: i64,
    pieces: &[i64],
    reason: &str,
    window_days: i64,
    now: NaiveDateTime,
) -> Result<Vec<i64>, AppError> {
    db::write(conn, |conn| {
        let order = orders::lock(conn, order_id)?.ok_or(AppError::NotFound)?;
        let candidates = candidates(conn, &order, window_days, now)?;
        let mut e = FieldErrors::default();
        if pieces.is_empty() {
            e.add("pieces", "choose the pieces you want to return");
        }
        let mut chosen: BTreeMap<i64, Vec<&Candidate>> = BTreeMap::new();
        for id in pieces {
            match candidates.iter().find(|c| c.piece_id == *id) {
                None => e.add("pieces", "only this order's own pieces can be returned"),
                Some(c) if c.why_not.as_deref() == Some("A return is already under way for this piece.") => {
                    return Err(AppError::conflict(
                        "return_open",
                        format!("A return of {} is already under way (see the timeline).", c.title),
                    ));
                }
                Some(c) if !c.eligible => {
                    e.add("pieces", format!("{}: {}", c.title, c.why_not.clone().unwrap_or_default()))
                }
                Some(c) => chosen.entry(c.center_id).or_default().push(c),
            }
        }
        if !e.is_empty() {
            return Err(AppError::Invalid(e));
        }
        let items = orders::items_of(conn, order_id)?;
        let actor = Actor::system(CUSTOMER);
        let mut ids = Vec::new();
        for (center_id, cs) in chosen {
            let id = queries::insert(
                conn,
                &NewReturn {
                    order_id,
                    center_id,
                    status: ReturnStatus::Requested,
                    reason: reason.to_string(),
                    currency: order.currency,
                    requested_at: now,
                    updated_at: now,
                },
            )?;
            let mut seen = Vec::new();
            for c in cs {
                if seen.contains(&c.piece_id) {
                    continue; // the same box ticked twice
                }
                seen.push(c.piece_id);
                let item = items.iter().find(|i| i.piece_id == c.piece_id).ok_or(AppError::NotFound)?;
                queries::insert_item(
                    conn,
                    &NewReturnItem {
                        return_id: id,
                        order_id,
                        piece_id: c.piece_id,
                        title: item.title.clone(),
                        price_minor: item.price_minor,
                        open: true,
                    },
                )?;
            }
            let r = queries::find(conn, id)?.ok_or(AppError::NotFound)?;
            let pieces = titles(&queries::items_of(conn, id)?);
            let details = json!({ "return_id": id, "pieces": pieces, "reason": reason });
            orders::add_event(conn, order_id, CUSTOMER, event::RETURN_REQUESTED, details.clone(), now)?;
            record(conn, &actor, "return.request", &r, details, now)?;
            tell_customer(conn, &order, id, ReturnStatus::Requested, None, now)?;
            ids.push(id);
        }
        Ok(ids)
    })
}

/// The request and its order, the order locked, for a step by `scope` (a manager: their own
/// center's returns only).
fn locked(conn: &mut DbConn, scope: &Scope, id: i64) -> Result<(ReturnRow, OrderRow), AppError> {
    let r = queries::find(conn, id)?.ok_or(AppError::NotFound)?;
    scope.check(r.center_id, Subject::Returns)?;
    let order = orders::lock(conn, r.order_id)?.ok_or(AppError::NotFound)?;
    // Read again under the order's lock: what another step committed meanwhile is seen.
    let r = queries::find(conn, id)?.ok_or(AppError::NotFound)?;
    Ok((r, order))
}

fn already(r: &ReturnRow) -> AppError {
    AppError::conflict(
        "return_changed",
        format!(
            "This return has already moved on: it is now {} (see the timeline). Nothing was changed.",
            r.status.label().to_lowercase()
        ),
    )
}

/// The manager approves or declines, with a message to the customer (required to decline).
pub fn decide(
    conn: &mut DbConn,
    scope: &Scope,
    id: i64,
    approve: bool,
    message: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    db::write(conn, |conn| {
        let (r, order) = locked(conn, scope, id)?;
        let to = if approve { ReturnStatus::Approved } else { ReturnStatus::Declined };
        let message = Some(message).filter(|m| !m.is_empty());
        if !r.status.can_become(to) || !queries::decide(conn, id, to, message, now)? {
            return Err(already(&r));
        }
        if !approve {
            queries::close_items(conn, id)?;
        }
        let pieces = titles(&queries::items_of(conn, id)?);
        let details = json!({ "return_id": id, "pieces": pieces, "message": message });
        let kind = if approve { event::RETURN_APPROVED } else { event::RETURN_DECLINED };
        orders::add_event(conn, order.id, &scope.actor.label, kind, details.clone(), now)?;
        record(conn, &scope.actor, if approve { "return.approve" } else { "return.decline" }, &r, details, now)?;
        tell_customer(conn, &order, id, to, message, now)
    })
}

/// The pieces are back at the workshop: the manager records their condition and whether they
/// go back on sale (`restock`) or are withdrawn (`inventory::service::take_back`).
pub fn receive(
    conn: &mut DbConn,
    scope: &Scope,
    id: i64,
    condition: &str,
    restock: bool,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    db::write(conn, |conn| {
        let (r, order) = locked(conn, scope, id)?;
        if !r.status.can_become(ReturnStatus::Received) || !queries::receive(conn, id, condition, restock, now)? {
            return Err(already(&r));
        }
        let items = queries::items_of(conn, id)?;
        for item in &items {
            inventory::service::take_back(conn, scope, item.piece_id, restock, now)?;
        }
        let details = json!({
            "return_id": id,
            "pieces": titles(&items),
            "condition": condition,
            "restocked": restock,
        });
        orders::add_event(conn, order.id, &scope.actor.label, event::RETURN_RECEIVED, details.clone(), now)?;
        record(conn, &scope.actor, "return.receive", &r, details, now)?;
        tell_customer(conn, &order, id, ReturnStatus::Received, None, now)
    })
}

/// Finance closes a received return without a refund, saying why.
pub fn close(conn: &mut DbConn, scope: &Scope, id: i64, message: &str, now: NaiveDateTime) -> Result<(), AppError> {
    db::write(conn, |conn| {
        let (r, order) = locked(conn, scope, id)?;
        let message = Some(message).filter(|m| !m.is_empty());
        if !r.status.can_become(ReturnStatus::Closed)
            || !queries::finish(conn, id, ReturnStatus::Closed, None, message, now)?
        {
            return Err(already(&r));
        }
        queries::close_items(conn, id)?;
        let pieces = titles(&queries::items_of(conn, id)?);
        let details = json!({ "return_id": id, "pieces": pieces, "message": message });
        orders::add_event(conn, order.id, &scope.actor.label, event::RETURN_CLOSED, details.clone(), now)?;
        record(conn, &scope.actor, "return.close", &r, details, now)?;
        tell_customer(conn, &order, id, ReturnStatus::Closed, message, now)
    })
}

/// What finance is offered to refund for a return: the returned pieces' prices, and the
/// order's shipping if they choose to give it back too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Proposal {
    pub pieces_minor: i64,
    pub shipping_minor: i64,
}

impl Proposal {
    pub fn amount(self, include_shipping: bool) -> i64 {
        self.pieces_minor + if include_shipping { self.shipping_minor } else { 0 }
    }
}

pub fn proposal(items: &[ReturnItemRow], order: &OrderRow) -> Proposal {
    Proposal { pieces_minor: items.iter().map(|i| i.price_minor).sum(), shipping_minor: order.shipping_minor }
}

/// What the first step of a refund decided.
enum Start {
    /// Refund `amount` under `key`.
    Refund { order_id: i64, key: String, amount: i64 },
    /// A refund under `key` went through but was not recorded on the return (a crash between
    /// the two): record it.
    Record { key: String },
}

/// Finance refunds a received return: `amount` (minor units), or the proposal (the pieces,
/// plus shipping when `include_shipping`). The money goes through the order's refund path
/// (`orders::service::refund`: the gateway with an idempotency key, the refunded total, the
/// credit note against the tax invoice, the customer's `Refunded` email); then the return is
/// marked refunded. The key is `return-{id}-{attempt}`: two people refunding at once send the
/// same key, so the money moves once, and the one whose step finds the return refunded already
/// is told so (409). A failed attempt leaves its row, and the next one takes a new key.
/// Returns the amount refunded.
pub async fn refund(
    state: &AppState,
    scope: Scope,
    id: i64,
    amount: Option<i64>,
    include_shipping: bool,
) -> Result<i64, AppError> {
    let now = chrono::Utc::now().naive_utc();
    let scope2 = scope.clone();
    let start = db::run(&state.pool, move |conn| {
        db::write(conn, |conn| {
            let (r, order) = locked(conn, &scope2, id)?;
            if r.status == ReturnStatus::Refunded {
                return Err(AppError::conflict(
                    "already_refunded",
                    "This return has been refunded already (see the timeline): nothing more was refunded.",
                ));
            }
            if r.status != ReturnStatus::Received {
                return Err(AppError::conflict(
                    "return_not_received",
                    format!("A return that is {} is not refunded.", r.status.label().to_lowercase()),
                ));
            }
            let attempts = queries::refund_attempts(conn, order.id, id)?;
            if attempts.iter().any(|(_, s, _)| s == "pending") {
                return Err(AppError::conflict(
                    "refund_in_progress",
                    "A refund of this return is being made right now: reload the page in a moment.",
                ));
            }
            if let Some((key, _, _)) = attempts.iter().find(|(_, s, _)| s == "succeeded") {
                return Ok(Start::Record { key: key.clone() });
            }
            let items = queries::items_of(conn, id)?;
            let offer = proposal(&items, &order);
            let most = offer.amount(true);
            let amount = amount.unwrap_or(offer.amount(include_shipping));
            if amount <= 0 || amount > most {
                return Err(AppError::bad_request(
                    "amount",
                    format!("Enter an amount above zero and at most {}.", Money::new(most, order.currency)),
                ));
            }
            Ok(Start::Refund { order_id: order.id, key: format!("return-{id}-{}", attempts.len() + 1), amount })
        })
    })
    .await?;
    let (key, did_refund) = match start {
        Start::Record { key } => (key, false),
        Start::Refund { order_id, key, amount } => {
            let reason = format!("Return {id}");
            let outcome =
                order_service::refund(state, order_id, Some(amount), key.clone(), reason, scope.actor.clone()).await?;
            (key, outcome == RefundOutcome::Done)
        }
    };
    db::run(&state.pool, move |conn| {
        db::write(conn, |conn| {
            let (r, order) = locked(conn, &scope, id)?;
            let row = orders::refund_by_key(conn, &key)?.ok_or(AppError::NotFound)?;
            match row.status.as_str() {
                "succeeded" => {}
                "pending" => {
                    return Err(AppError::conflict(
                        "refund_in_progress",
                        "A refund of this return is being made right now: reload the page in a moment.",
                    ))
                }
                _ => {
                    return Err(AppError::conflict(
                        "refund_failed",
                        "The refund did not go through: nothing was refunded. Try again.",
                    ))
                }
            }
            if !queries::finish(conn, id, ReturnStatus::Refunded, Some(row.amount_minor), None, now)? {
                // The other of two people refunding at once recorded it: the one whose call moved
                // the money is told it is done, the other that it was done already.
                return if did_refund && r.status == ReturnStatus::Refunded {
                    Ok(row.amount_minor)
                } else {
                    Err(already(&r))
                };
            }
            queries::close_items(conn, id)?;
            let pieces = titles(&queries::items_of(conn, id)?);
            let details = json!({ "return_id": id, "pieces": pieces, "amount_minor": row.amount_minor });
            orders::add_event(conn, order.id, &scope.actor.label, event::RETURN_REFUNDED, details.clone(), now)?;
            record(conn, &scope.actor, "return.refund", &r, details, now)?;
            // The customer's email for this step is the refund path's own `Refunded`.
            Ok(row.amount_minor)
        })
    })
    .await
}

/// A return as the back office shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ReturnView {
    pub id: i64,
    pub order_id: i64,
    pub reference: String,
    pub center_id: i64,
    pub status: &'static str,
    pub status_label: String,
    pub reason: String,
    pub message: Option<String>,
    pub condition: Option<String>,
    pub restocked: Option<bool>,
    pub refunded: Option<String>,
    pub requested: String,
    /// When it was asked, stored UTC (`local_time` on staff pages).
    pub requested_at: chrono::NaiveDateTime,
    pub items: Vec<ReturnItemView>,
    pub pieces_total: String,
    pub shipping: String,
    /// Major units, for the refund form's default.
    pub proposed_major: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReturnItemView {
    pub piece_id: i64,
    pub title: String,
    pub price: String,
}

pub fn view(r: &ReturnRow, reference: &str, items: &[ReturnItemRow], shipping_minor: i64) -> ReturnView {
    let c = r.currency;
    let pieces_minor: i64 = items.iter().map(|i| i.price_minor).sum();
    ReturnView {
        id: r.id,
        order_id: r.order_id,
        reference: reference.to_string(),
        center_id: r.center_id,
        status: r.status.code(),
        status_label: r.status.label().to_string(),
        reason: r.reason.clone(),
        message: r.message.clone(),
        condition: r.received_condition.clone(),
        restocked: r.restocked,
        refunded: r.refund_minor.map(|m| Money::new(m, c).to_string()),
        requested: r.requested_at.format("%-d %b %Y %H:%M UTC").to_string(),
        requested_at: r.requested_at,
        items: items
            .iter()
            .map(|i| ReturnItemView {
                piece_id: i.piece_id,
                title: i.title.clone(),
                price: Money::new(i.price_minor, c).to_string(),
            })
            .collect(),
        pieces_total: Money::new(pieces_minor, c).to_string(),
        shipping: Money::new(shipping_minor, c).to_string(),
        proposed_major: Money::new(pieces_minor, c).major_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_returns_policy_states_the_default_window() {
        let days = crate::config::ReturnSettings::default().window_days;
        assert!(crate::policies::defaults::RETURNS.contains(&format!("**{days} days**")));
    }

    #[test]
    fn the_proposal_is_the_pieces_and_shipping_only_when_chosen() {
        let offer = Proposal { pieces_minor: 50_000, shipping_minor: 2_500 };
        assert_eq!(offer.amount(false), 50_000);
        assert_eq!(offer.amount(true), 52_500);
    }
}
