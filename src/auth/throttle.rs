//! Login throttling, per account and per IP address, counted in the database so that every
//! app instance sees the same attempts.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::schema::login_attempts;

pub const WINDOW: Duration = Duration::minutes(15);
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
pub const MAX_FAILURES_PER_IP: i64 = 20;

/// Why sign-in is refused for now, in words for the person at the keyboard.
pub fn refusal(conn: &mut DbConn, email: &str, ip: &str, now: NaiveDateTime) -> QueryResult<Option<String>> {
    let since = now - WINDOW;
    let recent_failures =
        login_attempts::table.filter(login_attempts::succeeded.eq(false)).filter(login_attempts::at.gt(since));
    let by_account: i64 = recent_failures.filter(login_attempts::email.eq(email)).count().get_result(conn)?;
    if by_account >= MAX_FAILURES_PER_ACCOUNT {
        return Ok(Some(format!(
            "Too many failed sign-ins for this account. For your safety it is locked for {} minutes; try again later.",
            WINDOW.num_minutes()
        )));
    }
    let by_ip: i64 = recent_failures.filter(login_attempts::ip.eq(ip)).count().get_result(conn)?;
    if by_ip >= MAX_FAILURES_PER_IP {
        return Ok(Some(format!(
            "Too many failed sign-ins from your network. Please wait {} minutes and try again.",
            WINDOW.num_minutes()
        )));
    }
    Ok(None)
}

pub fn record(conn: &mut DbConn, email: &str, ip: &str, succeeded: bool, now: NaiveDateTime) -> QueryResult<()> {
    diesel::insert_into(login_attempts::table)
        .values((
            login_attempts::at.eq(now),
            login_attempts::ip.eq(ip),
            login_attempts::email.eq(email),
            login_attempts::succeeded.eq(succeeded),
        ))
        .execute(conn)
        .map(|_| ())
}
