//! Staff queries: accounts, one-time setup links and recovery codes.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{NewStaff, StaffRow};
use crate::db::{self, DbConn};
use crate::schema::{api_tokens, recovery_codes, sessions, staff, staff_tokens};

pub fn find_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<StaffRow>> {
    staff::table.filter(staff::email.eq(email)).select(StaffRow::as_select()).first(conn).optional()
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<StaffRow>> {
    staff::table.find(id).select(StaffRow::as_select()).first(conn).optional()
}

pub fn all(conn: &mut DbConn) -> QueryResult<Vec<StaffRow>> {
    staff::table.order(staff::email).select(StaffRow::as_select()).load(conn)
}

pub fn insert(conn: &mut DbConn, new: &NewStaff) -> QueryResult<i64> {
    diesel::insert_into(staff::table).values(new).returning(staff::id).get_result(conn)
}

pub fn set_password(conn: &mut DbConn, id: i64, hash: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(staff::table.find(id))
        .set((staff::password_hash.eq(hash), staff::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

/// A staff member's back-office language and time zone (`None`: not chosen, see `StaffRow`).
pub fn set_preferences(
    conn: &mut DbConn,
    id: i64,
    language: Option<crate::i18n::Lang>,
    time_zone: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(staff::table.find(id))
        .set((staff::language.eq(language), staff::time_zone.eq(time_zone), staff::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

/// Disables an account and ends its sessions and API tokens at once.
pub fn disable(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<()> {
    db::write(conn, |conn| {
        diesel::update(staff::table.find(id))
            .set((staff::disabled_at.eq(now), staff::updated_at.eq(now)))
            .execute(conn)?;
        diesel::delete(sessions::table.filter(sessions::staff_id.eq(id))).execute(conn)?;
        diesel::update(api_tokens::table.filter(api_tokens::staff_id.eq(id)).filter(api_tokens::revoked_at.is_null()))
            .set(api_tokens::revoked_at.eq(now))
            .execute(conn)?;
        Ok(())
    })
}

pub fn set_totp(
    conn: &mut DbConn,
    id: i64,
    secret_enc: Option<&str>,
    enabled: bool,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(staff::table.find(id))
        .set((
            staff::totp_secret.eq(secret_enc),
            staff::totp_enabled.eq(enabled),
            staff::totp_last_step.eq(None::<i64>),
            staff::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Records the time step of an accepted code, only if it is newer than the last accepted one:
/// a code can be used once. Returns whether the step was accepted.
pub fn claim_totp_step(conn: &mut DbConn, id: i64, step: i64) -> QueryResult<bool> {
    let n = diesel::update(
        staff::table.find(id).filter(staff::totp_last_step.is_null().or(staff::totp_last_step.lt(step))),
    )
    .set(staff::totp_last_step.eq(step))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn insert_token(
    conn: &mut DbConn,
    hash: &str,
    staff_id: i64,
    purpose: &str,
    expires_at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(staff_tokens::table)
        .values((
            staff_tokens::token_hash.eq(hash),
            staff_tokens::staff_id.eq(staff_id),
            staff_tokens::purpose.eq(purpose),
            staff_tokens::expires_at.eq(expires_at),
        ))
        .execute(conn)
        .map(|_| ())
}

/// The staff member a live, unused token of this purpose belongs to.
pub fn token_owner(conn: &mut DbConn, hash: &str, purpose: &str, now: NaiveDateTime) -> QueryResult<Option<i64>> {
    staff_tokens::table
        .filter(staff_tokens::token_hash.eq(hash))
        .filter(staff_tokens::purpose.eq(purpose))
        .filter(staff_tokens::used_at.is_null())
        .filter(staff_tokens::expires_at.gt(now))
        .select(staff_tokens::staff_id)
        .first(conn)
        .optional()
}

/// Marks a token used; false if it was used meanwhile (single use, even under races).
pub fn use_token(conn: &mut DbConn, hash: &str, now: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(staff_tokens::table.find(hash).filter(staff_tokens::used_at.is_null()))
        .set(staff_tokens::used_at.eq(now))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn replace_recovery_codes(conn: &mut DbConn, staff_id: i64, hashes: &[String]) -> QueryResult<()> {
    db::write(conn, |conn| {
        diesel::delete(recovery_codes::table.filter(recovery_codes::staff_id.eq(staff_id))).execute(conn)?;
        for h in hashes {
            diesel::insert_into(recovery_codes::table)
                .values((recovery_codes::staff_id.eq(staff_id), recovery_codes::code_hash.eq(h)))
                .execute(conn)?;
        }
        Ok(())
    })
}

/// How many of a staff member's recovery codes are left.
pub fn unused_recovery_codes(conn: &mut DbConn, staff_id: i64) -> QueryResult<i64> {
    recovery_codes::table
        .filter(recovery_codes::staff_id.eq(staff_id))
        .filter(recovery_codes::used_at.is_null())
        .count()
        .get_result(conn)
}

/// Uses a recovery code once; false if it does not exist or was used. `hashes`: what the typed
/// code hashes to under the current key and, during a key rotation, the old one.
pub fn use_recovery_code(conn: &mut DbConn, staff_id: i64, hashes: &[String], now: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        recovery_codes::table
            .filter(recovery_codes::staff_id.eq(staff_id))
            .filter(recovery_codes::code_hash.eq_any(hashes))
            .filter(recovery_codes::used_at.is_null()),
    )
    .set(recovery_codes::used_at.eq(now))
    .execute(conn)?;
    Ok(n >= 1)
}
