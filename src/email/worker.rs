//! The outbox worker: every `mail.poll_ms` it releases messages stuck in `sending`, claims the
//! due ones one by one (`queries::claim`, the conditional UPDATE that guarantees a message is
//! sent by one worker only, however many app instances run), renders and sends each, and
//! records the result: `sent`, or another attempt later with exponential backoff, or `failed`
//! after `MAX_ATTEMPTS` (or at once for a permanent refusal). Failures show at `/admin/email`.
//!
//! It runs as a tokio task of the runtime that built the application and ends with it.

use std::sync::Arc;
use std::time::Duration;

use chrono::{NaiveDateTime, TimeDelta};

use super::queries;
use super::transport::{Outgoing, SendError};
use super::Compose;
use crate::db::{self, DbError, Pool};

/// After this many failed attempts a message is `failed` and waits for an admin.
pub const MAX_ATTEMPTS: i32 = 8;
/// How long a claimed message may stay `sending` before it is considered abandoned by an
/// instance that died. Far longer than an SMTP exchange (lettre gives up after 30 s).
pub const LEASE: TimeDelta = TimeDelta::minutes(10);
/// Messages claimed per pass.
const BATCH: i64 = 20;

/// The wait before the next attempt after `attempts` failures: 1 min, 5 min, 30 min, 2 h,
/// 6 h, 12 h, 24 h.
pub fn backoff(attempts: i32) -> TimeDelta {
    match attempts {
        ..=1 => TimeDelta::minutes(1),
        2 => TimeDelta::minutes(5),
        3 => TimeDelta::minutes(30),
        4 => TimeDelta::hours(2),
        5 => TimeDelta::hours(6),
        6 => TimeDelta::hours(12),
        _ => TimeDelta::hours(24),
    }
}

/// When to try again after the `attempts`-th failure, or `None` when it is time to give up.
fn next_attempt(attempts: i32, permanent: bool, now: NaiveDateTime) -> Option<NaiveDateTime> {
    (!permanent && attempts < MAX_ATTEMPTS).then(|| now + backoff(attempts))
}

/// What one pass did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PassReport {
    pub sent: usize,
    /// Failed attempts that will be tried again.
    pub retrying: usize,
    /// Messages given up on (now `failed`).
    pub failed: usize,
    /// Messages found stuck in `sending` and released.
    pub released: usize,
}

#[derive(Clone)]
pub struct Worker {
    pool: Pool,
    renderer: Arc<dyn Compose>,
    outgoing: Outgoing,
}

impl Worker {
    pub fn new(pool: Pool, renderer: Arc<dyn Compose>, outgoing: Outgoing) -> Self {
        Self { pool, renderer, outgoing }
    }

    /// Runs a pass every `every` on the current tokio runtime, until the runtime stops. A
    /// failing pass (the database is away) is logged and the next one tries again.
    pub fn start(self, every: Duration) {
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                match self.run_once(chrono::Utc::now().naive_utc()).await {
                    Ok(report) if report != PassReport::default() => tracing::info!(?report, "email outbox pass"),
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "email outbox pass failed"),
                }
            }
        });
    }

    /// One pass at `now`: release stuck messages, then claim, send and record each due one.
    pub async fn run_once(&self, now: NaiveDateTime) -> Result<PassReport, DbError> {
        let released = db::run(&self.pool, move |conn| {
            let mut released = 0;
            for row in queries::stuck(conn, now, BATCH)? {
                let attempts = row.attempts + 1;
                let error = "interrupted while sending (the instance stopped); it may have been delivered";
                if queries::release_stuck(conn, &row, error, next_attempt(attempts, false, now), now)? {
                    released += 1;
                }
            }
            Ok::<_, DbError>(released)
        })
        .await?;
        let mut report = PassReport { released, ..Default::default() };

        let due = db::run(&self.pool, move |conn| Ok::<_, DbError>(queries::due_ids(conn, now, BATCH)?)).await?;
        for id in due {
            let renderer = Arc::clone(&self.renderer);
            // Claim and render in one go; `None` = another worker won the message.
            let claimed = db::run(&self.pool, move |conn| {
                if !queries::claim(conn, id, now, now + LEASE)? {
                    return Ok::<_, DbError>(None);
                }
                let Some(row) = queries::find(conn, id)? else { return Ok(None) };
                let rendered = renderer.render(conn, &row);
                Ok(Some((row, rendered)))
            })
            .await?;
            let Some((row, rendered)) = claimed else { continue };
            let result = match rendered {
                Ok(rendered) => self.outgoing.send(&row.to_address, &super::message_id_local(&row), rendered).await,
                // A template or data problem is ours: retried (a fix may be deployed meanwhile).
                Err(e) => Err(SendError {
                    message: format!("could not render: {}", crate::error::Chain(e.as_ref())),
                    permanent: false,
                }),
            };
            let done_at = chrono::Utc::now().naive_utc().max(now);
            match result {
                Ok(()) => {
                    db::run(&self.pool, move |conn| Ok::<_, DbError>(queries::mark_sent(conn, id, done_at)?)).await?;
                    report.sent += 1;
                }
                Err(e) => {
                    let attempts = row.attempts + 1;
                    let next = next_attempt(attempts, e.permanent, done_at);
                    if next.is_some() {
                        report.retrying += 1;
                    } else {
                        report.failed += 1;
                    }
                    tracing::warn!(email_id = id, attempts, error = %e.message, gave_up = next.is_none(), "email not sent");
                    db::run(&self.pool, move |conn| {
                        Ok::<_, DbError>(queries::mark_attempt_failed(conn, id, attempts, &e.message, next, done_at)?)
                    })
                    .await?;
                }
            }
        }
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_gives_up() {
        let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap().naive_utc();
        assert_eq!(next_attempt(1, false, now), Some(now + TimeDelta::minutes(1)));
        assert_eq!(next_attempt(2, false, now), Some(now + TimeDelta::minutes(5)));
        assert_eq!(next_attempt(3, false, now), Some(now + TimeDelta::minutes(30)));
        assert_eq!(next_attempt(4, false, now), Some(now + TimeDelta::hours(2)));
        assert_eq!(next_attempt(MAX_ATTEMPTS - 1, false, now), Some(now + TimeDelta::hours(24)));
        assert_eq!(next_attempt(MAX_ATTEMPTS, false, now), None);
        assert_eq!(next_attempt(1, true, now), None);
    }
}
