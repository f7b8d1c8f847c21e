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

/// A staff step's audit details: that a message was sent, never its text. The audit log is
/// append-only and kept for good, so it holds nothing a customer's erasure must reach (the
/// customer's reason and our messages to them live on the order's timeline and in the
/// request, which `privacy` masks).
fn audited(return_id: i64, pieces: Vec<String>, message: Option<&str>) -> serde_json::Value {
    json!({ "return_id": return_id, "pieces": pieces, "with_message": message.is_some() })
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
            orders::add_event(conn, order_id, CUSTOMER, event::RETURN_REQUESTED, details, now)?;
            record(conn, &actor, "return.request", &r, json!({ "return_id": id, "pieces": pieces }), now)?;
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
        orders::add_event(conn, order.id, &scope.actor.label, kind, details, now)?;
        let action = if approve { "return.approve" } else { "return.decline" };
        record(conn, &scope.actor, action, &r, audited(id, pieces, message), now)?;
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
        orders::add_event(conn, order.id, &scope.actor.label, event::RETURN_CLOSED, details, now)?;
        record(conn, &scope.actor, "return.close", &r, audited(id, pieces, message), now)?;
        tell_customer(conn, &order, id, ReturnStatus::Closed, message, now)
    })
}

/// What finance is offered to refund for a return, as the returns policy says
/// (`policies::defaults::RETURNS`): the returned pieces' prices, and the order's shipping too
/// when this return brings back the last pieces of the order (every other piece refunded in an
/// earlier return) and `returns.refund_shipping` is on. Finance may tick the shipping in
/// otherwise, or type another amount; never more than the pieces and the shipping, nor more
/// than the order still holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Proposal {
    pub pieces_minor: i64,
    pub shipping_minor: i64,
    /// The policy gives the shipping back with this return.
    pub with_shipping: bool,
    /// What the order still holds: paid and not yet refunded.
    pub refundable_minor: i64,
}

impl Proposal {
    /// The amount proposed, with the shipping when the policy says so or finance ticked it.
    pub fn amount(self, add_shipping: bool) -> i64 {
        let shipping = if self.with_shipping || add_shipping { self.shipping_minor } else { 0 };
        (self.pieces_minor + shipping).min(self.most())
    }

    /// The most a refund of this return may be.
    pub fn most(self) -> i64 {
        (self.pieces_minor + self.shipping_minor).min(self.refundable_minor)
    }
}

/// The proposal for a return of `items` of `order` (`refund_shipping`: `returns.refund_shipping`).
pub fn proposal(
    conn: &mut DbConn,
    items: &[ReturnItemRow],
    order: &OrderRow,
    refund_shipping: bool,
) -> Result<Proposal, AppError> {
    // The last pieces back: every piece of the order is in this return or in one refunded.
    let refunded: Vec<i64> = queries::pieces_in_returns(conn, order.id)?
        .into_iter()
        .filter(|(_, s)| *s == ReturnStatus::Refunded)
        .map(|(p, _)| p)
        .collect();
    let whole_order = orders::items_of(conn, order.id)?
        .iter()
        .all(|i| refunded.contains(&i.piece_id) || items.iter().any(|r| r.piece_id == i.piece_id));
    Ok(Proposal {
        pieces_minor: items.iter().map(|i| i.price_minor).sum(),
        shipping_minor: order.shipping_minor,
        with_shipping: refund_shipping && whole_order,
        refundable_minor: (order.total_minor - order.refunded_minor).max(0),
    })
}

/// What the first step of a refund decided.
enum Start {
    /// Refund `amount` under `key`.
    Refund { order_id: i64, key: String, amount: i64 },
    /// A refund under `key` went through but was not recorded on the return (a crash between
    /// the two): record it.
    Record { key: String },
}

/// Finance refunds a received return: `amount` (minor units), or the proposal (`proposal`: the
/// pieces, and the shipping when the policy gives it back or `add_shipping` was ticked). The money goes through the order's refund path
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
    add_shipping: bool,
) -> Result<i64, AppError> {
    let now = chrono::Utc::now().naive_utc();
    let scope2 = scope.clone();
    let refund_shipping = state.settings.returns.refund_shipping;
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
            let offer = proposal(conn, &items, &order, refund_shipping)?;
            let most = offer.most();
            let amount = amount.unwrap_or(offer.amount(add_shipping));
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

/// Whether a return of the order is under way (asked, approved or received): money or a
/// parcel may still move, so a customer's erasure waits for it (`privacy`).
pub fn under_way(conn: &mut DbConn, order_id: i64) -> Result<bool, AppError> {
    Ok(queries::of_order(conn, order_id)?.iter().any(|r| r.status.is_open()))
}

/// A return as its customer's data export shows it (`privacy`): the pieces, their reason,
/// where it stands, every message we sent them about it, the amount refunded and the dates.
/// No staff names and no condition note (the timeline shows neither to the customer).
#[derive(Debug, Clone, Serialize)]
pub struct CustomerReturn {
    pub status: &'static str,
    pub status_label: &'static str,
    pub items: Vec<CustomerReturnItem>,
    pub reason: String,
    pub messages: Vec<CustomerMessage>,
    pub currency: &'static str,
    pub refunded_minor: Option<i64>,
    pub requested_at: String,
    pub decided_at: Option<String>,
    pub received_at: Option<String>,
    pub finished_at: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CustomerReturnItem {
    pub title: String,
    pub price_minor: i64,
    pub price: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CustomerMessage {
    pub at: String,
    pub text: String,
}

fn iso(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The order's returns, oldest first, for its customer's export. The messages come from the
/// order's timeline (the request keeps only the latest).
pub fn for_customer(conn: &mut DbConn, order_id: i64) -> Result<Vec<CustomerReturn>, AppError> {
    let events = orders::events_of(conn, order_id)?;
    let mut out = Vec::new();
    for r in queries::of_order(conn, order_id)? {
        let items = queries::items_of(conn, r.id)?;
        let messages = events
            .iter()
            .filter(|e| {
                matches!(e.kind.as_str(), event::RETURN_APPROVED | event::RETURN_DECLINED | event::RETURN_CLOSED)
            })
            .filter_map(|e| {
                let d: serde_json::Value = serde_json::from_str(&e.details).ok()?;
                let text = d["message"].as_str().filter(|m| !m.is_empty())?;
                (d["return_id"].as_i64() == Some(r.id))
                    .then(|| CustomerMessage { at: iso(e.at), text: text.to_string() })
            })
            .collect();
        out.push(CustomerReturn {
            status: r.status.code(),
            status_label: r.status.label(),
            items: items
                .iter()
                .map(|i| CustomerReturnItem {
                    title: i.title.clone(),
                    price_minor: i.price_minor,
                    price: Money::new(i.price_minor, r.currency).to_string(),
                })
                .collect(),
            reason: r.reason,
            messages,
            currency: r.currency.code(),
            refunded_minor: r.refund_minor,
            requested_at: iso(r.requested_at),
            decided_at: r.decided_at.map(iso),
            received_at: r.received_at.map(iso),
            finished_at: r.finished_at.map(iso),
        });
    }
    Ok(out)
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
    /// The policy gives the shipping back with this return (the refund form's box is ticked).
    pub shipping_proposed: bool,
    /// Major units, for the refund form's default: the proposal.
    pub proposed_major: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReturnItemView {
    pub piece_id: i64,
    pub title: String,
    pub price: String,
}

/// `offer`: the refund proposal, for the page of a return finance may refund (`None` on the
/// list: the pieces alone).
pub fn view(r: &ReturnRow, reference: &str, items: &[ReturnItemRow], offer: Option<Proposal>) -> ReturnView {
    let c = r.currency;
    let pieces_minor: i64 = items.iter().map(|i| i.price_minor).sum();
    let offer = offer.unwrap_or(Proposal {
        pieces_minor,
        shipping_minor: 0,
        with_shipping: false,
        refundable_minor: pieces_minor,
    });
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
        shipping: Money::new(offer.shipping_minor, c).to_string(),
        shipping_proposed: offer.with_shipping,
        proposed_major: Money::new(offer.amount(false), c).major_string(),
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
    fn the_returns_policy_states_when_the_shipping_is_refunded() {
        assert!(crate::config::ReturnSettings::default().refund_shipping);
        let policy = crate::policies::defaults::RETURNS;
        assert!(
            policy.contains("When you return every piece of the order, we also refund the original shipping cost")
                && policy.contains("when you keep any piece of the order, the original shipping cost is not refunded"),
            "{policy}"
        );
    }

    #[test]
    fn the_proposal_adds_the_shipping_when_the_policy_does_or_when_ticked() {
        let part =
            Proposal { pieces_minor: 50_000, shipping_minor: 2_500, with_shipping: false, refundable_minor: 90_000 };
        assert_eq!((part.amount(false), part.amount(true), part.most()), (50_000, 52_500, 52_500));
        let last = Proposal { with_shipping: true, ..part };
        assert_eq!((last.amount(false), last.amount(true)), (52_500, 52_500));
        let little_left = Proposal { refundable_minor: 51_000, ..last };
        assert_eq!((little_left.amount(false), little_left.most()), (51_000, 51_000), "never more than is left");
    }
}
