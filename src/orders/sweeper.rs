//! The sweeper: every instance runs one, every few seconds (`checkout.sweep_interval_ms`).
//! It cancels orders that can no longer be paid — their hold ran out, or they were stranded
//! when the instance placing them stopped between taking the holds and sending the customer to
//! pay — which puts their pieces back on sale at once (the catalog version is bumped), and it
//! closes, at the payment provider, the sessions of orders cancelled or replaced, so nobody can
//! pay a checkout the shop has given up on.
//!
//! Several instances may sweep at once: each order is cancelled by `fulfilment::cancel_unpaid`,
//! which locks the order and changes it only while it still awaits payment, so the second
//! sweeper finds nothing to do; closing a session twice is harmless (the second is told it is
//! no longer open).

use std::time::Duration;

use chrono::NaiveDateTime;

use super::fulfilment::{self, Unpaid};
use super::queries;
use crate::db;
use crate::error::AppError;
use crate::state::AppState;

/// How many orders one pass handles (the rest wait for the next pass).
const BATCH: i64 = 200;

/// What one pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Swept {
    pub expired: usize,
    pub stranded: usize,
    pub sessions_closed: usize,
}

/// Starts this instance's sweeper (a task of the current runtime; it stops with it).
pub fn start(state: actix_web::web::Data<AppState>) {
    let every = state.settings.checkout.sweep_interval_ms;
    if every == 0 {
        return;
    }
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_millis(every));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match sweep(&state).await {
                Ok(s) if s != Swept::default() => tracing::info!(?s, "swept unpaid orders"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "the sweep failed; it runs again shortly"),
            }
        }
    });
}

/// One pass: cancel what can no longer be paid, then close sessions at the provider.
pub async fn sweep(state: &AppState) -> Result<Swept, AppError> {
    let now = chrono::Utc::now().naive_utc();
    let stranded_before = now - chrono::Duration::seconds(state.settings.checkout.stranded_after_seconds);
    let (expired, stranded) = db::run(&state.pool, move |conn| cancel_due(conn, now, stranded_before)).await?;
    let sessions_closed = close_sessions(state).await;
    Ok(Swept { expired, stranded, sessions_closed })
}

/// Cancels orders whose hold ran out and orders stranded before reaching payment.
fn cancel_due(
    conn: &mut db::DbConn,
    now: NaiveDateTime,
    stranded_before: NaiveDateTime,
) -> Result<(usize, usize), AppError> {
    let mut expired = 0;
    for id in queries::expired_pending(conn, now, BATCH)? {
        if fulfilment::cancel_unpaid(conn, id, Unpaid::HoldExpired, "sweeper", now)? {
            expired += 1;
        }
    }
    let mut stranded = 0;
    for id in queries::stranded_pending(conn, stranded_before, BATCH)? {
        if fulfilment::cancel_unpaid(conn, id, Unpaid::HoldExpired, "sweeper", now)? {
            stranded += 1;
        }
    }
    Ok((expired, stranded))
}

/// Closes at the provider the open sessions of cancelled orders; returns how many. A session
/// the provider cannot be asked about now stays open in the database and is tried again on
/// the next pass.
pub async fn close_sessions(state: &AppState) -> usize {
    let now = chrono::Utc::now().naive_utc();
    let attempts =
        match db::run(&state.pool, move |conn| queries::attempts_to_close(conn, now, BATCH).map_err(AppError::from))
            .await
        {
            Ok(a) => a,
            Err(e) => {
                tracing::warn!(error = %e, "could not list payment sessions to close");
                return 0;
            }
        };
    let mut closed = 0;
    for attempt in attempts {
        if let Some(session) = &attempt.session_id {
            if let Err(e) = state.gateway.close_session(session).await {
                tracing::warn!(order_id = attempt.order_id, session, error = %e, "could not close a payment session");
                continue;
            }
        }
        // An attempt without a session never reached the customer (nothing to close there).
        let id = attempt.id;
        let done = db::run(&state.pool, move |conn| {
            queries::close_attempt(conn, id, chrono::Utc::now().naive_utc()).map_err(AppError::from)
        })
        .await;
        match done {
            Ok(()) => closed += 1,
            Err(e) => tracing::warn!(error = %e, "could not record a closed payment session"),
        }
    }
    closed
}
