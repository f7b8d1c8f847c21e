//! The outbox's queries. Every change of a message's status is one conditional UPDATE whose
//! WHERE clause names the status it expects, so two workers (or two app instances) can never
//! both act on the same message: the one whose UPDATE changed a row owns it.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::email::EmailKind;
use crate::schema::{email_outbox, orders};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = email_outbox)]
pub struct OutboxRow {
    pub id: i64,
    pub kind: EmailKind,
    pub to_address: String,
    pub order_id: Option<i64>,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub last_error: Option<String>,
    pub sent_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub payload: String,
    /// The random part of the Message-ID (`email::message_id_local`); `None` on rows enqueued
    /// before it was stored.
    pub message_key: Option<String>,
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<OutboxRow>> {
    email_outbox::table.find(id).select(OutboxRow::as_select()).first(conn).optional()
}

/// Ids of pending messages whose time has come, oldest first.
pub fn due_ids(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> QueryResult<Vec<i64>> {
    email_outbox::table
        .filter(email_outbox::status.eq("pending"))
        .filter(email_outbox::next_attempt_at.le(now))
        .order((email_outbox::next_attempt_at, email_outbox::id))
        .select(email_outbox::id)
        .limit(limit)
        .load(conn)
}

/// Takes a due message for sending. **This UPDATE is what makes "never sent twice" hold:**
/// it changes the row only while it is still `pending` and due, so of several workers that
/// race for one message exactly one sees a changed row and sends it; the others skip it.
/// `next_attempt_at` becomes the lease's end: a message still `sending` after it belonged to
/// an instance that died (see `release_stuck`).
pub fn claim(conn: &mut DbConn, id: i64, now: NaiveDateTime, lease_until: NaiveDateTime) -> QueryResult<bool> {
    let changed = diesel::update(
        email_outbox::table
            .filter(email_outbox::id.eq(id))
            .filter(email_outbox::status.eq("pending"))
            .filter(email_outbox::next_attempt_at.le(now)),
    )
    .set((email_outbox::status.eq("sending"), email_outbox::next_attempt_at.eq(lease_until)))
    .execute(conn)?;
    Ok(changed == 1)
}

/// The server accepted the message.
pub fn mark_sent(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    let changed =
        diesel::update(email_outbox::table.filter(email_outbox::id.eq(id)).filter(email_outbox::status.eq("sending")))
            .set((
                email_outbox::status.eq("sent"),
                email_outbox::sent_at.eq(Some(now)),
                email_outbox::last_error.eq(None::<String>),
            ))
            .execute(conn)?;
    Ok(changed == 1)
}

/// A failed attempt: `attempts` becomes `attempts`, the error is kept, and the message goes
/// back to `pending` at `next_attempt_at` — or to `failed` when `next_attempt_at` is `None`.
pub fn mark_attempt_failed(
    conn: &mut DbConn,
    id: i64,
    attempts: i32,
    error: &str,
    next_attempt_at: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let status = if next_attempt_at.is_some() { "pending" } else { "failed" };
    let changed =
        diesel::update(email_outbox::table.filter(email_outbox::id.eq(id)).filter(email_outbox::status.eq("sending")))
            .set((
                email_outbox::status.eq(status),
                email_outbox::attempts.eq(attempts),
                email_outbox::last_error.eq(Some(error)),
                email_outbox::next_attempt_at.eq(next_attempt_at.unwrap_or(now)),
            ))
            .execute(conn)?;
    Ok(changed == 1)
}

/// Messages still `sending` after their lease ended: the instance sending them stopped
/// (crashed or was killed) before it could record the result.
pub fn stuck(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> QueryResult<Vec<OutboxRow>> {
    email_outbox::table
        .filter(email_outbox::status.eq("sending"))
        .filter(email_outbox::next_attempt_at.le(now))
        .order(email_outbox::id)
        .select(OutboxRow::as_select())
        .limit(limit)
        .load(conn)
}

/// Releases one stuck message, counting the interrupted attempt: conditional on the lease it
/// was seen with, so a message that another instance already released and claimed again is
/// left alone. This is the one way a message can reach a mailbox twice: an instance that died
/// after the SMTP server accepted the message but before `mark_sent`. No protocol closes that
/// window; the error text says so, and it needs a crash, never a race between live instances.
pub fn release_stuck(
    conn: &mut DbConn,
    row: &OutboxRow,
    error: &str,
    next_attempt_at: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let status = if next_attempt_at.is_some() { "pending" } else { "failed" };
    let changed = diesel::update(
        email_outbox::table
            .filter(email_outbox::id.eq(row.id))
            .filter(email_outbox::status.eq("sending"))
            .filter(email_outbox::next_attempt_at.eq(row.next_attempt_at)),
    )
    .set((
        email_outbox::status.eq(status),
        email_outbox::attempts.eq(row.attempts + 1),
        email_outbox::last_error.eq(Some(error)),
        email_outbox::next_attempt_at.eq(next_attempt_at.unwrap_or(now)),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// An admin's "try again now": a `failed` message, or a `pending` one waiting for its backoff,
/// becomes due at once. A `sent` or `sending` message is never touched (that would send it twice).
pub fn retry_now(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    let changed = diesel::update(
        email_outbox::table.filter(email_outbox::id.eq(id)).filter(email_outbox::status.eq_any(["failed", "pending"])),
    )
    .set((email_outbox::status.eq("pending"), email_outbox::next_attempt_at.eq(now)))
    .execute(conn)?;
    Ok(changed == 1)
}

/// A message as the back office lists it, with its order's reference.
#[derive(Debug, Clone)]
pub struct Listed {
    pub row: OutboxRow,
    pub reference: Option<String>,
}

/// Messages not yet sent (pending, sending, failed), failed first, then newest first.
pub fn unsent(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<Listed>> {
    let rows: Vec<(OutboxRow, Option<String>)> = email_outbox::table
        .left_join(orders::table)
        .filter(email_outbox::status.ne("sent"))
        .order(email_outbox::id.desc())
        .select((OutboxRow::as_select(), orders::reference.nullable()))
        .limit(limit)
        .load(conn)?;
    let mut listed: Vec<Listed> = rows.into_iter().map(|(row, reference)| Listed { row, reference }).collect();
    listed.sort_by_key(|l| l.row.status != "failed");
    Ok(listed)
}

/// How many messages are in each status: `(status, count)`.
pub fn counts(conn: &mut DbConn) -> QueryResult<Vec<(String, i64)>> {
    email_outbox::table
        .group_by(email_outbox::status)
        .select((email_outbox::status, diesel::dsl::count_star()))
        .order(email_outbox::status)
        .load(conn)
}

/// Messages waiting to be sent (pending or being sent) and messages that gave up (for `/metrics`).
pub fn backlog(conn: &mut DbConn) -> QueryResult<(i64, i64)> {
    let waiting =
        email_outbox::table.filter(email_outbox::status.eq_any(["pending", "sending"])).count().get_result(conn)?;
    let failed = email_outbox::table.filter(email_outbox::status.eq("failed")).count().get_result(conn)?;
    Ok((waiting, failed))
}
