//! Sign-in throttling, counted in the database so that every app instance sees the same
//! attempts. Three limits, none of which lets a stranger lock a named account:
//!
//! * per client (the real client's address, `web::client`, never a proxy's): at most
//!   `MAX_FAILURES_PER_CLIENT` failures in `WINDOW`, whatever the accounts;
//! * per (account, client) pair: at most `MAX_FAILURES_PER_PAIR` failures in `WINDOW`;
//! * per account, from everywhere: after `ACCOUNT_FREE_FAILURES` failures in `WINDOW` each
//!   further attempt waits a delay that doubles with every failure (1 s, 2 s, 4 s … at most
//!   `MAX_ACCOUNT_DELAY`) — except from a client that signed in to the account before (its
//!   owner's usual network), which only its own pair limit holds back. Admins are emailed
//!   when the account reaches `ACCOUNT_FREE_FAILURES` (once per `WINDOW`).
//!
//! The check and the record of an attempt are one step (`admit`): in one write transaction,
//! with the account's and the client's `login_throttle` rows locked (`SELECT … FOR UPDATE`
//! on PostgreSQL; SQLite's `BEGIN IMMEDIATE` serializes writers), the limits are checked and
//! the attempt written as failed; `succeeded` flips it once the password (or code) proves
//! right. Parallel attempts are therefore counted one after the other: 100 wrong passwords at
//! once evaluate exactly `MAX_FAILURES_PER_PAIR` of them.
//!
//! A second factor asked again inside a session (`step_up`: making an API token, changing the
//! password) is an attempt like a sign-in: the same limits, so a stolen session cannot guess
//! six-digit codes (or the current password) without limit.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::email::{self, EmailKind};
use crate::schema::{login_attempts, login_throttle, staff};

pub const WINDOW: Duration = Duration::minutes(15);
pub const MAX_FAILURES_PER_PAIR: i64 = 5;
pub const MAX_FAILURES_PER_CLIENT: i64 = 20;
/// Failures of an account (from all clients) in `WINDOW` before its attempts are slowed.
pub const ACCOUNT_FREE_FAILURES: i64 = 5;
pub const MAX_ACCOUNT_DELAY: Duration = Duration::seconds(60);
/// A client that signed in to an account within this long is the owner's usual network.
pub const KNOWN_CLIENT_FOR: Duration = Duration::days(30);

/// May this attempt be evaluated?
#[derive(Debug)]
pub enum Admission {
    /// Yes; the attempt is recorded as failed until `succeeded(attempt_id)`.
    Admitted { attempt_id: i64 },
    /// No, for now: why, in words for the person at the keyboard.
    Refused(String),
}

/// The wait before the next attempt on an account with `failures` failures in `WINDOW`.
pub fn account_delay(failures: i64) -> Duration {
    if failures < ACCOUNT_FREE_FAILURES {
        return Duration::zero();
    }
    let doublings = (failures - ACCOUNT_FREE_FAILURES).min(16) as u32;
    Duration::seconds(2i64.pow(doublings)).min(MAX_ACCOUNT_DELAY)
}

fn account_key(email: &str) -> String {
    format!("account:{email}")
}

fn client_key(client: &str) -> String {
    format!("client:{client}")
}

/// Makes sure the throttle rows exist, then locks them, always account first, then client (one
/// order for everyone, so two attempts never wait for each other's second lock).
fn lock(conn: &mut DbConn, keys: &[&str]) -> QueryResult<()> {
    for key in keys {
        let row = login_throttle::key.eq(*key);
        match conn {
            DbConn::Postgres(pg) => {
                diesel::insert_into(login_throttle::table).values(row).on_conflict_do_nothing().execute(pg)?;
                login_throttle::table.find(*key).for_update().select(login_throttle::key).first::<String>(pg)?;
            }
            // The write transaction (`BEGIN IMMEDIATE`) already holds SQLite's one write lock.
            DbConn::Sqlite(sqlite) => {
                diesel::insert_into(login_throttle::table).values(row).on_conflict_do_nothing().execute(sqlite)?;
            }
        }
    }
    Ok(())
}

/// Checks the limits for an attempt on `email` from `client` and, if admitted, records it —
/// one step. Call inside `db::write`.
pub fn admit(conn: &mut DbConn, email: &str, client: &str, now: NaiveDateTime) -> QueryResult<Admission> {
    let (account, client_row) = (account_key(email), client_key(client));
    lock(conn, &[account.as_str(), client_row.as_str()])?;
    let since = now - WINDOW;
    let failures =
        || login_attempts::table.filter(login_attempts::succeeded.eq(false)).filter(login_attempts::at.gt(since));

    let by_pair: i64 = failures()
        .filter(login_attempts::email.eq(email))
        .filter(login_attempts::ip.eq(client))
        .count()
        .get_result(conn)?;
    if by_pair >= MAX_FAILURES_PER_PAIR {
        return Ok(Admission::Refused(format!(
            "Too many failed sign-ins for this account from your network. Please wait {} minutes and try again.",
            WINDOW.num_minutes()
        )));
    }
    let by_client: i64 = failures().filter(login_attempts::ip.eq(client)).count().get_result(conn)?;
    if by_client >= MAX_FAILURES_PER_CLIENT {
        return Ok(Admission::Refused(format!(
            "Too many failed sign-ins from your network. Please wait {} minutes and try again.",
            WINDOW.num_minutes()
        )));
    }
    let by_account: i64 = failures().filter(login_attempts::email.eq(email)).count().get_result(conn)?;
    if by_account >= ACCOUNT_FREE_FAILURES {
        let known: i64 = login_attempts::table
            .filter(login_attempts::email.eq(email))
            .filter(login_attempts::ip.eq(client))
            .filter(login_attempts::succeeded.eq(true))
            .filter(login_attempts::at.gt(now - KNOWN_CLIENT_FOR))
            .count()
            .get_result(conn)?;
        if known == 0 {
            let last: Option<NaiveDateTime> = failures()
                .filter(login_attempts::email.eq(email))
                .select(diesel::dsl::max(login_attempts::at))
                .first(conn)?;
            let wait_until = last.unwrap_or(now) + account_delay(by_account);
            if wait_until > now {
                let seconds = ((wait_until - now).num_milliseconds() + 999) / 1000;
                return Ok(Admission::Refused(format!(
                    "This account has had many failed sign-ins. For its safety, please wait {seconds} seconds and try again."
                )));
            }
        }
    }
    let attempt_id = diesel::insert_into(login_attempts::table)
        .values((
            login_attempts::at.eq(now),
            login_attempts::ip.eq(client),
            login_attempts::email.eq(email),
            login_attempts::succeeded.eq(false),
        ))
        .returning(login_attempts::id)
        .get_result(conn)?;
    // Counted as a failure until it succeeds: the account has now had `by_account + 1`.
    if by_account + 1 == ACCOUNT_FREE_FAILURES {
        alert_admins(conn, email, &account, now)?;
    }
    Ok(Admission::Admitted { attempt_id })
}

/// What a step-up check came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepUp {
    /// Too many failures: the throttle's message (nothing was checked).
    Refused(String),
}

/// Runs a step-up check (`check`: the fresh code, the current password…) as a sign-in
/// attempt of the staff member from `client`: refused by the same limits, recorded as failed,
/// marked good only when `check` answers `true`. An `Err` from `check` (a wrong current
/// password told as a field error) leaves the attempt failed and is returned as it is.
pub fn step_up(
    conn: &mut DbConn,
    email: &str,
    client: &str,
    now: NaiveDateTime,
    check: impl FnOnce(&mut DbConn) -> Result<bool, crate::error::AppError>,
) -> Result<Result<bool, StepUp>, crate::error::AppError> {
    let attempt = match crate::db::write(conn, |c| admit(c, email, client, now))? {
        Admission::Refused(message) => return Ok(Err(StepUp::Refused(message))),
        Admission::Admitted { attempt_id } => attempt_id,
    };
    let passed = check(conn)?;
    if passed {
        succeeded(conn, attempt)?;
    }
    Ok(Ok(passed))
}

/// The attempt proved right.
pub fn succeeded(conn: &mut DbConn, attempt_id: i64) -> QueryResult<()> {
    diesel::update(login_attempts::table.find(attempt_id)).set(login_attempts::succeeded.eq(true)).execute(conn)?;
    Ok(())
}

/// Emails every active admin (in the attempt's transaction, through the outbox) that `email`
/// is being attacked, at most once per `WINDOW` for one account. Only for accounts that exist:
/// guesses at addresses that are nobody's are the per-client limit's business.
fn alert_admins(conn: &mut DbConn, email: &str, account_row: &str, now: NaiveDateTime) -> QueryResult<()> {
    let exists: i64 = staff::table.filter(staff::email.eq(email)).count().get_result(conn)?;
    if exists == 0 {
        return Ok(());
    }
    let fresh = diesel::update(
        login_throttle::table
            .find(account_row)
            .filter(login_throttle::alerted_at.is_null().or(login_throttle::alerted_at.le(now - WINDOW))),
    )
    .set(login_throttle::alerted_at.eq(now))
    .execute(conn)?;
    if fresh == 0 {
        return Ok(());
    }
    let networks = login_attempts::table
        .filter(login_attempts::email.eq(email))
        .filter(login_attempts::succeeded.eq(false))
        .filter(login_attempts::at.gt(now - WINDOW))
        .select(login_attempts::ip)
        .distinct()
        .load::<String>(conn)?
        .len();
    let payload = serde_json::json!({
        "account": email,
        "reason": format!(
            "{ACCOUNT_FREE_FAILURES} failed sign-ins in the last {} minutes, from {networks} network{}.",
            WINDOW.num_minutes(),
            if networks == 1 { "" } else { "s" }
        ),
    });
    let admins: Vec<String> = staff::table
        .filter(staff::role.eq("admin"))
        .filter(staff::disabled_at.is_null())
        .select(staff::email)
        .order(staff::id)
        .load(conn)?;
    for to in admins {
        email::enqueue_with(conn, EmailKind::StaffSignInAttack, &to, None, payload.clone(), now)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_account_delay_doubles_and_is_capped() {
        assert_eq!(account_delay(4), Duration::zero());
        assert_eq!(account_delay(5), Duration::seconds(1));
        assert_eq!(account_delay(6), Duration::seconds(2));
        assert_eq!(account_delay(9), Duration::seconds(16));
        assert_eq!(account_delay(11), MAX_ACCOUNT_DELAY);
        assert_eq!(account_delay(1_000), MAX_ACCOUNT_DELAY);
    }
}
