//! The returns' SQL. Status moves are conditional statements: the row count says whether this
//! call made the move (a second manager, or a second refund, finds it made already).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{NewReturn, NewReturnItem, ReturnItemRow, ReturnRow};
use super::types::ReturnStatus;
use crate::db::DbConn;
use crate::schema::{orders, refunds, return_items, return_requests};

pub fn insert(conn: &mut DbConn, new: &NewReturn) -> QueryResult<i64> {
    diesel::insert_into(return_requests::table).values(new).returning(return_requests::id).get_result(conn)
}

pub fn insert_item(conn: &mut DbConn, new: &NewReturnItem) -> QueryResult<()> {
    diesel::insert_into(return_items::table).values(new).execute(conn).map(|_| ())
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<ReturnRow>> {
    return_requests::table.find(id).select(ReturnRow::as_select()).first(conn).optional()
}

pub fn items_of(conn: &mut DbConn, return_id: i64) -> QueryResult<Vec<ReturnItemRow>> {
    return_items::table
        .filter(return_items::return_id.eq(return_id))
        .order(return_items::id)
        .select(ReturnItemRow::as_select())
        .load(conn)
}

pub fn of_order(conn: &mut DbConn, order_id: i64) -> QueryResult<Vec<ReturnRow>> {
    return_requests::table
        .filter(return_requests::order_id.eq(order_id))
        .order(return_requests::id)
        .select(ReturnRow::as_select())
        .load(conn)
}

/// Every piece of the order in a return, with that return's status.
pub fn pieces_in_returns(conn: &mut DbConn, order_id: i64) -> QueryResult<Vec<(i64, ReturnStatus)>> {
    return_items::table
        .inner_join(return_requests::table)
        .filter(return_items::order_id.eq(order_id))
        .select((return_items::piece_id, return_requests::status))
        .load(conn)
}

/// Returns for the back-office list, newest first, with their order's reference: a manager's
/// own center's only (`center`), optionally in one status.
pub fn list(
    conn: &mut DbConn,
    center: Option<i64>,
    status: Option<ReturnStatus>,
    limit: i64,
) -> QueryResult<Vec<(ReturnRow, String)>> {
    let mut q = return_requests::table
        .inner_join(orders::table)
        .select((ReturnRow::as_select(), orders::reference))
        .order(return_requests::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(c) = center {
        q = q.filter(return_requests::center_id.eq(c));
    }
    if let Some(s) = status {
        q = q.filter(return_requests::status.eq(s));
    }
    q.load(conn)
}

/// Approved or declined, if still requested.
pub fn decide(
    conn: &mut DbConn,
    id: i64,
    to: ReturnStatus,
    message: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(return_requests::table.find(id).filter(return_requests::status.eq(ReturnStatus::Requested)))
        .set((
            return_requests::status.eq(to),
            return_requests::message.eq(message),
            return_requests::decided_at.eq(now),
            return_requests::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

/// Received (with the condition found and where the pieces went), if approved.
pub fn receive(conn: &mut DbConn, id: i64, condition: &str, restocked: bool, now: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(return_requests::table.find(id).filter(return_requests::status.eq(ReturnStatus::Approved)))
        .set((
            return_requests::status.eq(ReturnStatus::Received),
            return_requests::received_condition.eq(condition),
            return_requests::restocked.eq(restocked),
            return_requests::received_at.eq(now),
            return_requests::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

/// Refunded or closed, if received.
pub fn finish(
    conn: &mut DbConn,
    id: i64,
    to: ReturnStatus,
    refund_minor: Option<i64>,
    message: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(return_requests::table.find(id).filter(return_requests::status.eq(ReturnStatus::Received)))
        .set((
            return_requests::status.eq(to),
            return_requests::refund_minor.eq(refund_minor),
            return_requests::finished_at.eq(now),
            return_requests::updated_at.eq(now),
        ))
        .execute(conn)?;
    if n == 1 {
        if let Some(m) = message {
            diesel::update(return_requests::table.find(id)).set(return_requests::message.eq(m)).execute(conn)?;
        }
    }
    Ok(n == 1)
}

/// The request's pieces may be asked for again (declined or closed) — or never (refunded: the
/// pieces-in-returns check sees the refund).
pub fn close_items(conn: &mut DbConn, return_id: i64) -> QueryResult<usize> {
    diesel::update(return_items::table.filter(return_items::return_id.eq(return_id)))
        .set(return_items::open.eq(false))
        .execute(conn)
}

/// The refunds made for this return, by their idempotency keys (`return-{id}-{attempt}`):
/// (key, status). A failed attempt leaves its row, so the next attempt takes the next key.
pub fn refund_attempts(conn: &mut DbConn, order_id: i64, return_id: i64) -> QueryResult<Vec<(String, String, i64)>> {
    let prefix = format!("return-{return_id}-");
    let rows: Vec<(String, String, i64)> = refunds::table
        .filter(refunds::order_id.eq(order_id))
        .select((refunds::idempotency_key, refunds::status, refunds::amount_minor))
        .order(refunds::id)
        .load(conn)?;
    Ok(rows.into_iter().filter(|(k, _, _)| k.starts_with(&prefix)).collect())
}
