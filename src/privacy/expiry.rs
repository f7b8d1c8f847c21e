//! The end of the tax-record period: every instance, every `retention.purge_interval_ms` (beside
//! `retention::purge`), masks entirely the orders placed more than `retention.tax_record_years`
//! ago (`queries::Mask::Everything`: amounts and items stay, nothing that names or locates the
//! customer). Each pass that masked something is recorded as a `retention` request, listed at
//! `/admin/privacy` and in the audit log. Two instances at once: the second finds the orders
//! already masked (the selection skips them) or waits for the first's write.

use std::time::Duration;

use chrono::{Months, NaiveDateTime};
use serde_json::json;

use super::queries::{self, Mask};
use super::service;
use super::types::{RequestKind, RequestStatus};
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::state::AppState;

/// At most this many orders are masked in one pass (the next pass takes the rest).
pub const BATCH: i64 = 500;

/// Starts this instance's pass (a task of the current runtime). The first one runs one interval
/// after start.
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
            let years = state.settings.retention.tax_record_years;
            let now = chrono::Utc::now().naive_utc();
            match db::run(&state.pool, move |conn| mask_expired(conn, years, now)).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(orders = n, "masked orders past the tax-record period"),
                Err(e) => tracing::warn!(error = %e, "masking old orders failed; it runs again later"),
            }
        }
    });
}

/// One pass as of `now`: how many orders were masked.
pub fn mask_expired(conn: &mut DbConn, years: u32, now: NaiveDateTime) -> Result<usize, AppError> {
    let Some(before) = now.checked_sub_months(Months::new(years.saturating_mul(12))) else {
        return Ok(0);
    };
    db::write(conn, |conn| {
        let orders = queries::unmasked_before(conn, before, BATCH)?;
        if orders.is_empty() {
            return Ok(0);
        }
        for o in &orders {
            let placeholder = service::mask_one(conn, o, Mask::Everything, now)?;
            queries::mask_order_emails(conn, o.id, &o.email, &placeholder)?;
            queries::redact_provider_events(conn, &o.email)?;
        }
        let references: Vec<&str> = orders.iter().map(|o| o.reference.as_str()).collect();
        let outcome = json!({
            "erased": references,
            "kept": [],
            "why": format!("placed more than {years} years ago: past the period tax records are kept"),
        });
        service::record(conn, RequestKind::Retention, RequestStatus::Completed, None, &outcome, now)?;
        Ok(orders.len())
    })
}
