//! Order queries: rows, items, the timeline, holds on pieces, payment attempts, refunds and
//! the staff to tell. Each piece-status change here is one conditional UPDATE whose row count
//! says whether it happened: that, not a read before the write, is what keeps a one-of-a-kind
//! piece from being held or sold twice under concurrency, on both backends.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::*;
use super::types::{Fulfilment, OrderLookup, OrderStatus, ShipmentStatus};
use crate::db::DbConn;
use crate::schema::{
    disputes, order_events, order_items, orders, payment_attempts, pieces, refunds, shipments, stripe_events,
};

#[diesel::declare_sql_function]
extern "SQL" {
    /// SQL `lower(text)`, the same on both backends (ASCII; enough for email addresses).
    fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<OrderRow>> {
    orders::table.find(id).select(OrderRow::as_select()).first(conn).optional()
}

/// The order row, locked for the rest of this write transaction: on PostgreSQL `SELECT … FOR
/// UPDATE` (a concurrent writer of the same order waits here, then reads what was committed);
/// on SQLite the `BEGIN IMMEDIATE` of `write_transaction` already holds the only write lock.
/// Every read-then-write of an order starts here.
pub fn lock(conn: &mut DbConn, id: i64) -> QueryResult<Option<OrderRow>> {
    match conn {
        DbConn::Postgres(pg) => orders::table.find(id).for_update().select(OrderRow::as_select()).first(pg).optional(),
        DbConn::Sqlite(_) => find(conn, id),
    }
}

pub fn find_by_token_hash(conn: &mut DbConn, hash: &str) -> QueryResult<Option<OrderRow>> {
    orders::table.filter(orders::status_token_hash.eq(hash)).select(OrderRow::as_select()).first(conn).optional()
}

pub fn find_by_reference(conn: &mut DbConn, reference: &str) -> QueryResult<Option<OrderRow>> {
    orders::table.filter(orders::reference.eq(reference)).select(OrderRow::as_select()).first(conn).optional()
}

pub fn insert(conn: &mut DbConn, new: &NewOrder) -> QueryResult<i64> {
    diesel::insert_into(orders::table).values(new).returning(orders::id).get_result(conn)
}

/// Once the id is known: the order's reference, and its status-page token sealed for this row
/// (`crypto::Field::ORDER_STATUS_TOKEN`, bound to the id).
pub fn set_reference(conn: &mut DbConn, id: i64, reference: &str, sealed_token: &str) -> QueryResult<()> {
    diesel::update(orders::table.find(id))
        .set((orders::reference.eq(reference), orders::status_token_sealed.eq(sealed_token)))
        .execute(conn)
        .map(|_| ())
}

pub fn insert_item(conn: &mut DbConn, item: &NewOrderItem) -> QueryResult<()> {
    diesel::insert_into(order_items::table).values(item).execute(conn).map(|_| ())
}

pub fn items_of(conn: &mut DbConn, order_id: i64) -> QueryResult<Vec<OrderItemRow>> {
    order_items::table
        .filter(order_items::order_id.eq(order_id))
        .order(order_items::id.asc())
        .select(OrderItemRow::as_select())
        .load(conn)
}

pub fn events_of(conn: &mut DbConn, order_id: i64) -> QueryResult<Vec<OrderEventRow>> {
    order_events::table
        .filter(order_events::order_id.eq(order_id))
        .order((order_events::at.asc(), order_events::id.asc()))
        .select(OrderEventRow::as_select())
        .load(conn)
}

/// Appends to the order's timeline.
pub fn add_event(
    conn: &mut DbConn,
    order_id: i64,
    actor: &str,
    kind: &str,
    details: serde_json::Value,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(order_events::table)
        .values((
            order_events::order_id.eq(order_id),
            order_events::at.eq(at),
            order_events::actor.eq(actor),
            order_events::kind.eq(kind),
            order_events::details.eq(details.to_string()),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn has_event(conn: &mut DbConn, order_id: i64, kind: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        order_events::table.filter(order_events::order_id.eq(order_id)).filter(order_events::kind.eq(kind)),
    ))
    .get_result(conn)
}

/// Moves the order from one of `from` to `to`; returns whether it moved (the row count is the
/// check, so two concurrent callers cannot both move it).
pub fn move_status(
    conn: &mut DbConn,
    id: i64,
    from: &[OrderStatus],
    to: OrderStatus,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(orders::table.find(id).filter(orders::status.eq_any(from)))
        .set((orders::status.eq(to), orders::updated_at.eq(now)))
        .execute(conn)?;
    Ok(n == 1)
}

/// Claims the order row for this transaction when its status is one of `from` (on
/// PostgreSQL the update's row lock makes a concurrent caller wait, then see the new status).
pub fn claim(conn: &mut DbConn, id: i64, from: &[&str], now: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(orders::table.find(id).filter(orders::status.eq_any(from)))
        .set(orders::updated_at.eq(now))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn set_payment_intent(conn: &mut DbConn, id: i64, payment_intent_id: &str) -> QueryResult<()> {
    diesel::update(orders::table.find(id).filter(orders::payment_intent_id.is_null()))
        .set(orders::payment_intent_id.eq(payment_intent_id))
        .execute(conn)
        .map(|_| ())
}

pub fn set_checkout_session(conn: &mut DbConn, id: i64, session_id: &str) -> QueryResult<()> {
    diesel::update(orders::table.find(id)).set(orders::checkout_session_id.eq(session_id)).execute(conn).map(|_| ())
}

/// Records what the payment provider reported as paid.
pub fn set_received(conn: &mut DbConn, id: i64, received_minor: i64, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(orders::table.find(id))
        .set((orders::received_minor.eq(received_minor), orders::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

pub fn set_refunded(
    conn: &mut DbConn,
    id: i64,
    total: i64,
    status: OrderStatus,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(orders::table.find(id))
        .set((orders::refunded_minor.eq(total), orders::status.eq(status), orders::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

pub fn set_disputed(conn: &mut DbConn, id: i64, disputed: bool, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(orders::table.find(id))
        .set((orders::disputed.eq(disputed), orders::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

/// Pending orders checked out from this cart (a new checkout replaces them).
pub fn pending_of_cart(conn: &mut DbConn, cart_key: &str) -> QueryResult<Vec<i64>> {
    orders::table
        .filter(orders::cart_key.eq(cart_key))
        .filter(orders::status.eq(OrderStatus::PendingPayment))
        .select(orders::id)
        .order(orders::id)
        .load(conn)
}

/// How many pieces this client holds now through orders awaiting payment, other than those
/// of `except_cart` (which a new checkout from that cart replaces).
pub fn pieces_held_by_client(
    conn: &mut DbConn,
    client_key: &str,
    except_cart: &str,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    let orders_of_client = orders::table
        .filter(orders::client_key.eq(client_key))
        .filter(orders::status.eq(OrderStatus::PendingPayment))
        .filter(orders::cart_key.ne(except_cart).or(orders::cart_key.is_null()))
        .select(orders::id.nullable());
    pieces::table
        .filter(pieces::status.eq("held"))
        .filter(pieces::hold_expires_at.gt(now))
        .filter(pieces::held_by_order_id.eq_any(orders_of_client))
        .count()
        .get_result(conn)
}

/// How many orders this client placed since `since`.
pub fn checkouts_by_client_since(conn: &mut DbConn, client_key: &str, since: NaiveDateTime) -> QueryResult<i64> {
    orders::table
        .filter(orders::client_key.eq(client_key))
        .filter(orders::created_at.ge(since))
        .count()
        .get_result(conn)
}

/// Orders awaiting payment whose hold has run out, oldest first (the sweeper's work).
pub fn expired_pending(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> QueryResult<Vec<i64>> {
    orders::table
        .filter(orders::status.eq(OrderStatus::PendingPayment))
        .filter(orders::hold_expires_at.lt(now))
        .select(orders::id)
        .order(orders::hold_expires_at.asc())
        .limit(limit)
        .load(conn)
}

/// Orders awaiting payment whose payment session was never stored although the call that
/// opens it has long finished: the instance placing the order stopped between taking the holds
/// and sending the customer to pay. Nobody can pay them.
pub fn stranded_pending(conn: &mut DbConn, created_before: NaiveDateTime, limit: i64) -> QueryResult<Vec<i64>> {
    orders::table
        .filter(orders::status.eq(OrderStatus::PendingPayment))
        .filter(orders::created_at.lt(created_before))
        .filter(orders::checkout_session_id.is_null())
        .select(orders::id)
        .order(orders::id.asc())
        .limit(limit)
        .load(conn)
}

// ---------------------------------------------------------------------------------------------
// Shipments: one parcel per center of an order

/// Creates the order's parcels, one per center with a piece in it.
pub fn insert_shipments(conn: &mut DbConn, order_id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    let centers = centers_of(conn, order_id)?;
    for center_id in &centers {
        diesel::insert_into(shipments::table)
            .values((
                shipments::order_id.eq(order_id),
                shipments::center_id.eq(center_id),
                shipments::status.eq(ShipmentStatus::Pending),
                shipments::created_at.eq(now),
                shipments::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(centers.len())
}

pub fn shipments_of(conn: &mut DbConn, order_id: i64) -> QueryResult<Vec<ShipmentRow>> {
    shipments::table
        .filter(shipments::order_id.eq(order_id))
        .order(shipments::id.asc())
        .select(ShipmentRow::as_select())
        .load(conn)
}

pub fn find_shipment(conn: &mut DbConn, id: i64) -> QueryResult<Option<ShipmentRow>> {
    shipments::table.find(id).select(ShipmentRow::as_select()).first(conn).optional()
}

/// Moves a parcel from `from` to `to`, stamping the time of `to` (and the carrier and tracking
/// number when shipped); returns whether it moved (the row count is the check).
pub fn move_shipment(
    conn: &mut DbConn,
    id: i64,
    from: ShipmentStatus,
    to: ShipmentStatus,
    tracking: Option<(&str, &str)>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let target = shipments::table.find(id).filter(shipments::status.eq(from));
    let n = match to {
        ShipmentStatus::Packed => diesel::update(target)
            .set((shipments::status.eq(to), shipments::packed_at.eq(now), shipments::updated_at.eq(now)))
            .execute(conn)?,
        ShipmentStatus::Shipped => {
            let (carrier, number) = tracking.unwrap_or_default();
            diesel::update(target)
                .set((
                    shipments::status.eq(to),
                    shipments::shipped_at.eq(now),
                    shipments::carrier.eq(carrier),
                    shipments::tracking_number.eq(number),
                    shipments::updated_at.eq(now),
                ))
                .execute(conn)?
        }
        _ => diesel::update(target)
            .set((shipments::status.eq(to), shipments::delivered_at.eq(now), shipments::updated_at.eq(now)))
            .execute(conn)?,
    };
    Ok(n == 1)
}

pub fn set_fulfilment(conn: &mut DbConn, order_id: i64, fulfilment: Fulfilment, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(orders::table.find(order_id))
        .set((orders::fulfilment.eq(fulfilment), orders::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

// ---------------------------------------------------------------------------------------------
// Disputes

pub fn find_dispute(conn: &mut DbConn, id: &str) -> QueryResult<Option<DisputeRow>> {
    disputes::table.find(id).select(DisputeRow::as_select()).first(conn).optional()
}

pub fn disputes_of(conn: &mut DbConn, order_id: i64) -> QueryResult<Vec<DisputeRow>> {
    disputes::table
        .filter(disputes::order_id.eq(order_id))
        .order(disputes::opened_at.asc())
        .select(DisputeRow::as_select())
        .load(conn)
}

/// Inserts the dispute unless a row with its id exists; returns whether this call inserted it.
/// One statement (`ON CONFLICT DO NOTHING`), so two deliveries of the same new dispute at once
/// insert it once: on PostgreSQL the second waits for the first to commit, then does nothing.
pub fn insert_dispute_if_new(conn: &mut DbConn, row: &DisputeRow) -> QueryResult<bool> {
    let n = match conn {
        DbConn::Postgres(pg) => {
            diesel::insert_into(disputes::table).values(row).on_conflict_do_nothing().execute(pg)?
        }
        DbConn::Sqlite(lite) => {
            diesel::insert_into(disputes::table).values(row).on_conflict_do_nothing().execute(lite)?
        }
    };
    Ok(n == 1)
}

/// Updates what Stripe last said of a dispute.
pub fn update_dispute(conn: &mut DbConn, row: &DisputeRow) -> QueryResult<()> {
    diesel::update(disputes::table.find(&row.id))
        .set((
            disputes::amount_minor.eq(row.amount_minor),
            disputes::reason.eq(&row.reason),
            disputes::status.eq(&row.status),
            disputes::evidence_due_by.eq(row.evidence_due_by),
            disputes::updated_at.eq(row.updated_at),
            disputes::closed_at.eq(row.closed_at),
        ))
        .execute(conn)
        .map(|_| ())
}

// ---------------------------------------------------------------------------------------------
// Holds on pieces

/// Takes a hold on a piece for an order: ONE conditional statement, so that of any number of
/// concurrent checkouts exactly one sees a row count of 1. A listed piece can be held; so can
/// a piece whose previous hold has expired (that checkout was abandoned). Returns whether the
/// hold was taken.
pub fn hold_piece(
    conn: &mut DbConn,
    piece_id: i64,
    order_id: i64,
    until: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        pieces::table
            .find(piece_id)
            .filter(pieces::status.eq("listed").or(pieces::status.eq("held").and(pieces::hold_expires_at.lt(now)))),
    )
    .set((
        pieces::status.eq("held"),
        pieces::held_by_order_id.eq(order_id),
        pieces::hold_expires_at.eq(until),
        pieces::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Sells a piece this order still holds (whether or not the hold has expired: nobody else
/// took it). Returns whether it was sold.
pub fn sell_held(conn: &mut DbConn, piece_id: i64, order_id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        pieces::table.find(piece_id).filter(pieces::held_by_order_id.eq(order_id)).filter(pieces::status.eq("held")),
    )
    .set((
        pieces::status.eq("sold"),
        pieces::held_by_order_id.eq(None::<i64>),
        pieces::hold_expires_at.eq(None::<NaiveDateTime>),
        pieces::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Sells a piece that is free again (listed, or held under an expired hold): used for a
/// payment that arrives after its own checkout was cancelled. Returns whether it was sold.
pub fn sell_free(conn: &mut DbConn, piece_id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        pieces::table
            .find(piece_id)
            .filter(pieces::status.eq("listed").or(pieces::status.eq("held").and(pieces::hold_expires_at.lt(now)))),
    )
    .set((
        pieces::status.eq("sold"),
        pieces::held_by_order_id.eq(None::<i64>),
        pieces::hold_expires_at.eq(None::<NaiveDateTime>),
        pieces::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Puts back on sale the pieces this order sold — those no later order bought since — for an
/// order refunded in full before anything shipped. Returns how many.
pub fn relist_sold(conn: &mut DbConn, order_id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    let mine = order_items::table.filter(order_items::order_id.eq(order_id)).select(order_items::piece_id);
    let (later_items, later_orders) = diesel::alias!(order_items as later_items, orders as later_orders);
    let sold_again = later_items
        .inner_join(later_orders.on(later_orders.field(orders::id).eq(later_items.field(order_items::order_id))))
        .filter(later_items.field(order_items::order_id).gt(order_id))
        .filter(later_orders.field(orders::status).eq_any([
            OrderStatus::Paid,
            OrderStatus::PartiallyRefunded,
            OrderStatus::Refunded,
        ]))
        .select(later_items.field(order_items::piece_id));
    diesel::update(
        pieces::table
            .filter(pieces::id.eq_any(mine))
            .filter(pieces::status.eq("sold"))
            .filter(diesel::dsl::not(pieces::id.eq_any(sold_again))),
    )
    .set((pieces::status.eq("listed"), pieces::updated_at.eq(now)))
    .execute(conn)
}

/// Puts back on sale every piece this order still holds — and only those: a hold another
/// order has taken over since is not this order's to release. Returns how many.
pub fn release_holds(conn: &mut DbConn, order_id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(pieces::table.filter(pieces::held_by_order_id.eq(order_id)).filter(pieces::status.eq("held")))
        .set((
            pieces::status.eq("listed"),
            pieces::held_by_order_id.eq(None::<i64>),
            pieces::hold_expires_at.eq(None::<NaiveDateTime>),
            pieces::updated_at.eq(now),
        ))
        .execute(conn)
}

// ---------------------------------------------------------------------------------------------
// Payment attempts and refunds

pub fn insert_attempt(conn: &mut DbConn, new: &NewPaymentAttempt) -> QueryResult<i64> {
    diesel::insert_into(payment_attempts::table).values(new).returning(payment_attempts::id).get_result(conn)
}

pub fn set_attempt_session(conn: &mut DbConn, attempt_id: i64, session_id: &str, url: &str) -> QueryResult<()> {
    diesel::update(payment_attempts::table.find(attempt_id))
        .set((payment_attempts::session_id.eq(session_id), payment_attempts::session_url.eq(url)))
        .execute(conn)
        .map(|_| ())
}

/// Attempts of finished orders whose session the provider may still accept payment on: the
/// shop closes them (expires the session) so a replaced or abandoned checkout cannot be paid.
pub fn attempts_to_close(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> QueryResult<Vec<PaymentAttemptRow>> {
    payment_attempts::table
        .inner_join(orders::table)
        .filter(orders::status.eq(OrderStatus::Cancelled))
        .filter(payment_attempts::closed_at.is_null())
        .filter(payment_attempts::session_expires_at.gt(now))
        .select(PaymentAttemptRow::as_select())
        .order(payment_attempts::id.asc())
        .limit(limit)
        .load(conn)
}

pub fn close_attempt(conn: &mut DbConn, attempt_id: i64, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(payment_attempts::table.find(attempt_id).filter(payment_attempts::closed_at.is_null()))
        .set(payment_attempts::closed_at.eq(now))
        .execute(conn)
        .map(|_| ())
}

pub fn latest_attempt(conn: &mut DbConn, order_id: i64) -> QueryResult<Option<PaymentAttemptRow>> {
    payment_attempts::table
        .filter(payment_attempts::order_id.eq(order_id))
        .order(payment_attempts::id.desc())
        .select(PaymentAttemptRow::as_select())
        .first(conn)
        .optional()
}

pub fn refund_by_key(conn: &mut DbConn, key: &str) -> QueryResult<Option<RefundRow>> {
    refunds::table.filter(refunds::idempotency_key.eq(key)).select(RefundRow::as_select()).first(conn).optional()
}

pub fn refunds_of(conn: &mut DbConn, order_id: i64) -> QueryResult<Vec<RefundRow>> {
    refunds::table
        .filter(refunds::order_id.eq(order_id))
        .order(refunds::id.asc())
        .select(RefundRow::as_select())
        .load(conn)
}

pub fn insert_refund(conn: &mut DbConn, new: &NewRefund) -> QueryResult<i64> {
    diesel::insert_into(refunds::table).values(new).returning(refunds::id).get_result(conn)
}

pub fn set_refund_result(
    conn: &mut DbConn,
    refund_id: i64,
    provider_refund_id: Option<&str>,
    status: &str,
) -> QueryResult<()> {
    diesel::update(refunds::table.find(refund_id))
        .set((refunds::provider_refund_id.eq(provider_refund_id), refunds::status.eq(status)))
        .execute(conn)
        .map(|_| ())
}

// ---------------------------------------------------------------------------------------------
// The back-office list

/// What the back-office list asks for.
#[derive(Debug, Clone, Default)]
pub struct OrderSearch {
    /// Only orders with at least one piece from this center (a manager's scope).
    pub center_id: Option<i64>,
    pub status: Option<OrderStatus>,
    pub fulfilment: Option<Fulfilment>,
    /// An order number, a customer's email or a piece's SKU.
    pub lookup: Option<OrderLookup>,
    pub limit: i64,
    pub offset: i64,
}

/// One page of orders, newest first, and the total.
pub fn search(conn: &mut DbConn, s: &OrderSearch) -> QueryResult<(Vec<OrderRow>, i64)> {
    let build =
        || {
            let mut q = orders::table.into_boxed();
            if let Some(center) = s.center_id {
                q = q.filter(orders::id.eq_any(
                    order_items::table.filter(order_items::center_id.eq(center)).select(order_items::order_id),
                ));
            }
            if let Some(status) = &s.status {
                q = q.filter(orders::status.eq(*status));
            }
            if let Some(fulfilment) = &s.fulfilment {
                q = q.filter(orders::fulfilment.eq(*fulfilment));
            }
            match &s.lookup {
                None => {}
                Some(OrderLookup::Number(id)) => q = q.filter(orders::id.eq(*id)),
                // Addresses are kept as typed: compared without case on both backends.
                Some(OrderLookup::Email(email)) => q = q.filter(lower(orders::email).eq(email.clone())),
                Some(OrderLookup::Sku(sku)) => {
                    q = q.filter(orders::id.eq_any(
                        order_items::table.filter(order_items::sku.eq(sku.clone())).select(order_items::order_id),
                    ))
                }
            }
            q
        };
    let total: i64 = build().count().get_result(conn)?;
    let rows =
        build().order(orders::id.desc()).limit(s.limit).offset(s.offset).select(OrderRow::as_select()).load(conn)?;
    Ok((rows, total))
}

/// The centers whose pieces are in an order.
pub fn centers_of(conn: &mut DbConn, order_id: i64) -> QueryResult<Vec<i64>> {
    order_items::table.filter(order_items::order_id.eq(order_id)).select(order_items::center_id).distinct().load(conn)
}

// ---------------------------------------------------------------------------------------------
// Stripe's events (`orders::webhook`): each stored by its id and applied once

pub fn insert_stripe_event(
    conn: &mut DbConn,
    event_id: &str,
    event_type: &str,
    payload: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(stripe_events::table)
        .values((
            stripe_events::id.eq(event_id),
            stripe_events::event_type.eq(event_type),
            stripe_events::received_at.eq(now),
            stripe_events::processed_at.eq(None::<NaiveDateTime>),
            stripe_events::payload.eq(payload),
        ))
        .execute(conn)
}

/// `None`: no such event; `Some(None)`: stored, not processed.
pub fn stripe_event_processed_at(conn: &mut DbConn, event_id: &str) -> QueryResult<Option<Option<NaiveDateTime>>> {
    stripe_events::table.find(event_id).select(stripe_events::processed_at).first(conn).optional()
}

pub fn mark_event_processed(conn: &mut DbConn, event_id: &str, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(stripe_events::table.find(event_id)).set(stripe_events::processed_at.eq(Some(now))).execute(conn)
}

/// Keeps an event about a payment not seen yet, under its payment intent.
pub fn park_event(conn: &mut DbConn, event_id: &str, payment_intent_id: &str, action: &str) -> QueryResult<usize> {
    diesel::update(stripe_events::table.find(event_id))
        .set((stripe_events::parked_for.eq(payment_intent_id), stripe_events::parked_action.eq(action)))
        .execute(conn)
}

/// Events parked under a payment intent, in the order they arrived: (id, action).
pub fn parked_events(conn: &mut DbConn, payment_intent_id: &str) -> QueryResult<Vec<(String, String)>> {
    stripe_events::table
        .filter(stripe_events::parked_for.eq(payment_intent_id))
        .filter(stripe_events::parked_action.is_not_null())
        .order((stripe_events::received_at.asc(), stripe_events::id.asc()))
        .select((stripe_events::id, stripe_events::parked_action.assume_not_null()))
        .load(conn)
}

pub fn unpark_event(conn: &mut DbConn, event_id: &str) -> QueryResult<usize> {
    diesel::update(stripe_events::table.find(event_id)).set(stripe_events::parked_for.eq(None::<String>)).execute(conn)
}

pub fn order_exists(conn: &mut DbConn, order_id: i64) -> QueryResult<bool> {
    Ok(orders::table.find(order_id).select(orders::id).first::<i64>(conn).optional()?.is_some())
}

/// The order whose payment attempt opened this Checkout Session.
pub fn order_of_session(conn: &mut DbConn, session_id: &str) -> QueryResult<Option<i64>> {
    payment_attempts::table
        .filter(payment_attempts::session_id.eq(session_id))
        .select(payment_attempts::order_id)
        .first(conn)
        .optional()
}

pub fn order_by_payment_intent(conn: &mut DbConn, payment_intent_id: &str) -> QueryResult<Option<i64>> {
    orders::table
        .filter(orders::payment_intent_id.eq(payment_intent_id))
        .select(orders::id)
        .order(orders::id.desc())
        .first(conn)
        .optional()
}

/// Stripe events received and not applied yet (parked, or stopped by an error), and when the
/// oldest of them arrived (for `/metrics`).
pub fn unapplied_events(conn: &mut DbConn) -> QueryResult<(i64, Option<NaiveDateTime>)> {
    let pending = stripe_events::table.filter(stripe_events::processed_at.is_null());
    let count = pending.count().get_result(conn)?;
    let oldest = pending.select(diesel::dsl::min(stripe_events::received_at)).first(conn)?;
    Ok((count, oldest))
}

// ---------------------------------------------------------------------------------------------
// What the dashboard asks staff to act on

/// Parcels of paid orders not yet handed to a carrier (pending or packed), of one center or
/// of all.
pub fn parcels_to_pack(conn: &mut DbConn, center_id: Option<i64>) -> QueryResult<i64> {
    let shippable: Vec<OrderStatus> = OrderStatus::ALL.into_iter().filter(|s| s.is_shippable()).collect();
    let mut q = shipments::table
        .inner_join(orders::table)
        .filter(orders::status.eq_any(shippable))
        .filter(shipments::status.eq_any([ShipmentStatus::Pending, ShipmentStatus::Packed]))
        .into_boxed();
    if let Some(c) = center_id {
        q = q.filter(shipments::center_id.eq(c));
    }
    q.count().get_result(conn)
}

/// Disputes Stripe has not closed yet (`closed_at` is set when it reports won, lost, warning
/// closed or prevented: `fulfilment::dispute_is_closed`).
pub fn open_disputes(conn: &mut DbConn) -> QueryResult<i64> {
    disputes::table.filter(disputes::closed_at.is_null()).count().get_result(conn)
}
