//! Order queries: rows, items, the timeline, holds on pieces, payment attempts, refunds and
//! the staff to tell. Each piece-status change here is one conditional UPDATE whose row count
//! says whether it happened: that, not a read before the write, is what keeps a one-of-a-kind
//! piece from being held or sold twice under concurrency, on both backends.

use chrono::NaiveDateTime;
use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::prelude::*;

use super::models::*;
use crate::db::DbConn;
use crate::schema::{order_events, order_items, orders, payment_attempts, pieces, refunds};

/// A read-then-write transaction. On SQLite it begins `IMMEDIATE` (the write lock is taken at
/// the start): a default DEFERRED transaction that reads and then writes fails at once with
/// SQLITE_BUSY when another writer committed in between, instead of waiting. On PostgreSQL
/// it is an ordinary transaction; the conditional updates and row locks do the rest.
pub fn write_transaction<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    let DbConn::Sqlite(inner) = conn else {
        return conn.transaction(f);
    };
    // Already inside a transaction (called from another write): that one holds the lock.
    if AnsiTransactionManager::transaction_manager_status_mut(inner).transaction_depth()?.is_some() {
        return conn.transaction(f);
    }
    AnsiTransactionManager::begin_transaction_sql(inner, "BEGIN IMMEDIATE")?;
    // Nested `transaction` calls inside `f` become savepoints of this one.
    let result = conn.transaction(f);
    let DbConn::Sqlite(inner) = conn else { unreachable!("the connection does not change backend") };
    match result {
        Ok(v) => match AnsiTransactionManager::commit_transaction(inner) {
            Ok(()) => Ok(v),
            Err(e) => {
                let _ = AnsiTransactionManager::rollback_transaction(inner);
                Err(e.into())
            }
        },
        Err(e) => {
            AnsiTransactionManager::rollback_transaction(inner)?;
            Err(e)
        }
    }
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<OrderRow>> {
    orders::table.find(id).select(OrderRow::as_select()).first(conn).optional()
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

pub fn set_reference(conn: &mut DbConn, id: i64, reference: &str) -> QueryResult<()> {
    diesel::update(orders::table.find(id)).set(orders::reference.eq(reference)).execute(conn).map(|_| ())
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
pub fn move_status(conn: &mut DbConn, id: i64, from: &[&str], to: &str, now: NaiveDateTime) -> QueryResult<bool> {
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

pub fn set_tracking(conn: &mut DbConn, id: i64, carrier: &str, tracking: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(orders::table.find(id))
        .set((orders::carrier.eq(carrier), orders::tracking_number.eq(tracking), orders::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

pub fn set_refunded(conn: &mut DbConn, id: i64, total: i64, status: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(orders::table.find(id))
        .set((orders::refunded_minor.eq(total), orders::status.eq(status), orders::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

pub fn set_disputed(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(orders::table.find(id))
        .set((orders::disputed.eq(true), orders::updated_at.eq(now)))
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
    pub status: Option<String>,
    pub limit: i64,
    pub offset: i64,
}

/// One page of orders, newest first, and the total.
pub fn search(conn: &mut DbConn, s: &OrderSearch) -> QueryResult<(Vec<OrderRow>, i64)> {
    let build = || {
        let mut q = orders::table.into_boxed();
        if let Some(center) = s.center_id {
            q = q
                .filter(orders::id.eq_any(
                    order_items::table.filter(order_items::center_id.eq(center)).select(order_items::order_id),
                ));
        }
        if let Some(status) = &s.status {
            q = q.filter(orders::status.eq(status.clone()));
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
