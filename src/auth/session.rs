//! Server-side sessions in the database (so any app instance can serve any request and a
//! session can be revoked at once). The cookie holds a random id; the database holds only its
//! hash. Idle timeout 30 minutes, absolute 12 hours.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::crypto;
use crate::db::DbConn;
use crate::schema::{sessions, staff};
use crate::staff::StaffRow;

pub const COOKIE: &str = "__Host-fairgold_session";
pub const IDLE: Duration = Duration::minutes(30);
pub const ABSOLUTE: Duration = Duration::hours(12);

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    pub id_hash: String,
    pub staff_id: i64,
    pub csrf_token: String,
    pub mfa_passed: bool,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

/// A new session; returns the raw id for the cookie. Always a fresh id (no fixation).
pub fn create(
    conn: &mut DbConn,
    staff_id: i64,
    mfa_passed: bool,
    ip: Option<&str>,
    user_agent: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<String> {
    let raw = crypto::random_token(32);
    diesel::insert_into(sessions::table)
        .values((
            sessions::id_hash.eq(crypto::token_hash(&raw)),
            sessions::staff_id.eq(staff_id),
            sessions::csrf_token.eq(crypto::random_token(32)),
            sessions::mfa_passed.eq(mfa_passed),
            sessions::created_at.eq(now),
            sessions::last_seen_at.eq(now),
            sessions::expires_at.eq(now + ABSOLUTE),
            sessions::ip.eq(ip),
            sessions::user_agent.eq(user_agent.map(|u| u.chars().take(200).collect::<String>())),
        ))
        .execute(conn)?;
    Ok(raw)
}

/// The live session for a cookie value and its staff member, touching its idle timer.
/// Expired sessions are deleted; a disabled account's sessions are refused.
pub fn load(conn: &mut DbConn, raw: &str, now: NaiveDateTime) -> QueryResult<Option<(SessionRow, StaffRow)>> {
    let hash = crypto::token_hash(raw);
    let found: Option<(SessionRow, StaffRow)> = sessions::table
        .inner_join(staff::table)
        .filter(sessions::id_hash.eq(&hash))
        .select((SessionRow::as_select(), StaffRow::as_select()))
        .first(conn)
        .optional()?;
    let Some((session, staff)) = found else { return Ok(None) };
    if session.expires_at <= now || session.last_seen_at + IDLE <= now || !staff.is_active() {
        diesel::delete(sessions::table.find(&hash)).execute(conn)?;
        return Ok(None);
    }
    // One write a minute at most per session, not one per request.
    if now - session.last_seen_at > Duration::minutes(1) {
        diesel::update(sessions::table.find(&hash)).set(sessions::last_seen_at.eq(now)).execute(conn)?;
    }
    Ok(Some((session, staff)))
}

/// The second factor passed: the pending session is replaced by a new one with a new id and a
/// new CSRF token (ASVS 7.2.4), so an id or token seen before the second factor opens nothing.
/// Returns the new raw id for the cookie.
pub fn renew_after_second_factor(conn: &mut DbConn, old_hash: &str, now: NaiveDateTime) -> QueryResult<String> {
    let (staff_id, ip, user_agent): (i64, Option<String>, Option<String>) =
        sessions::table.find(old_hash).select((sessions::staff_id, sessions::ip, sessions::user_agent)).first(conn)?;
    delete(conn, old_hash)?;
    create(conn, staff_id, true, ip.as_deref(), user_agent.as_deref(), now)
}

pub fn delete(conn: &mut DbConn, id_hash: &str) -> QueryResult<()> {
    diesel::delete(sessions::table.find(id_hash)).execute(conn).map(|_| ())
}

/// Ends `staff_id`'s sessions, all of them or all but `keep` (an id hash): "sign out
/// everywhere", and after a password change. Returns how many ended.
pub fn end_all(conn: &mut DbConn, staff_id: i64, keep: Option<&str>) -> QueryResult<usize> {
    let mine = sessions::table.filter(sessions::staff_id.eq(staff_id));
    match keep {
        Some(keep) => diesel::delete(mine.filter(sessions::id_hash.ne(keep))).execute(conn),
        None => diesel::delete(mine).execute(conn),
    }
}

/// How many live sessions `staff_id` has (signed in on how many browsers).
pub fn count_live(conn: &mut DbConn, staff_id: i64, now: NaiveDateTime) -> QueryResult<i64> {
    sessions::table
        .filter(sessions::staff_id.eq(staff_id))
        .filter(sessions::expires_at.gt(now))
        .filter(sessions::last_seen_at.gt(now - IDLE))
        .count()
        .get_result(conn)
}
