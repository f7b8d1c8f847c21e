//! Retention: records that only serve a moment are deleted once that moment has passed, so a
//! stolen database or backup holds less. Every instance runs the purge (like the orders
//! sweeper), every `retention.purge_interval_ms`; each pass is a few conditional `DELETE`s,
//! so two instances purging at once only find less to do.
//!
//! What goes: sessions past their idle or absolute timeout; sign-in attempts older than
//! `retention.login_attempt_days` (30: long enough to investigate an attack); carts untouched
//! for `retention.abandoned_cart_days`, with their items; staff setup and other one-time links past their expiry, used or not;
//! the sign-in throttle's lock rows (one per account and per client address that ever tried)
//! once they carry no alert of the last `throttle::WINDOW` (a row is made again when needed).

use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::auth::session::IDLE;
use crate::auth::throttle::WINDOW;
use crate::config::RetentionSettings;
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::schema::{carts, login_attempts, login_throttle, sessions, staff_tokens};
use crate::state::AppState;

/// What one pass deleted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Purged {
    pub sessions: usize,
    pub login_attempts: usize,
    pub carts: usize,
    pub staff_links: usize,
    pub throttle_rows: usize,
}

/// Starts this instance's purge (a task of the current runtime; it stops with it). The first
/// pass runs one interval after start.
pub fn start(state: actix_web::web::Data<AppState>) {
    let every = state.settings.retention.purge_interval_ms;
    if every == 0 {
        return;
    }
    tokio::spawn(async move {
        let period = Duration::from_millis(every);
        let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let rules = state.settings.retention.clone();
            let now = chrono::Utc::now().naive_utc();
            match db::run(&state.pool, move |conn| purge(conn, &rules, now)).await {
                Ok(p) if p != Purged::default() => tracing::info!(?p, "purged expired records"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "the purge failed; it runs again later"),
            }
        }
    });
}

/// One pass, as of `now`: one conditional `DELETE` per kind of record, in one transaction.
pub fn purge(conn: &mut DbConn, rules: &RetentionSettings, now: NaiveDateTime) -> Result<Purged, AppError> {
    let attempts_before = now - chrono::Duration::days(rules.login_attempt_days);
    let untouched_since = now - chrono::Duration::days(rules.abandoned_cart_days);
    db::write(conn, |conn| {
        let sessions = diesel::delete(
            sessions::table.filter(sessions::expires_at.le(now).or(sessions::last_seen_at.le(now - IDLE))),
        )
        .execute(conn)?;
        let login_attempts =
            diesel::delete(login_attempts::table.filter(login_attempts::at.lt(attempts_before))).execute(conn)?;
        let staff_links = diesel::delete(staff_tokens::table.filter(staff_tokens::expires_at.le(now))).execute(conn)?;
        // A cart's items go with it (ON DELETE CASCADE). Adding to a cart touches `updated_at`,
        // so a cart in use is never "untouched"; an order keeps only the cart's key, as text.
        let carts = diesel::delete(carts::table.filter(carts::updated_at.lt(untouched_since))).execute(conn)?;
        // The throttle counts attempts in `login_attempts`; its rows only serialize the check
        // and remember when admins were last alerted, which matters for `WINDOW`.
        let throttle_rows = diesel::delete(
            login_throttle::table
                .filter(login_throttle::alerted_at.is_null().or(login_throttle::alerted_at.le(now - WINDOW))),
        )
        .execute(conn)?;
        Ok(Purged { sessions, login_attempts, carts, staff_links, throttle_rows })
    })
}
