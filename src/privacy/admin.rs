//! `/admin/privacy` (admins only): every request customers made (a copy of their data,
//! erasure) and every pass of the retention job — when received, when completed (or refused,
//! and why), and for each order concerned whether it was erased entirely or what was kept for
//! tax invoices and until when. Never a customer's email: orders are named by reference.

use actix_web::{web, HttpResponse};
use serde::Serialize;
use tera::Context;

use super::queries;
use super::types::RequestKind;
use crate::auth::CurrentStaff;
use crate::db;
use crate::error::AppError;
use crate::state::AppState;
use crate::web::templates::Viewer;

/// At most this many requests are listed, the most recent first.
pub const LIST_LIMIT: i64 = 500;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/privacy", web::get().to(index));
}

#[derive(Serialize)]
struct RequestView {
    id: i64,
    kind: &'static str,
    /// The kind's code: the template names it in the reader's language (`fin-privacy-kind-…`).
    kind_code: &'static str,
    status: &'static str,
    order: Option<String>,
    order_id: Option<i64>,
    received_at: String,
    completed_at: Option<String>,
    /// One line per point of the outcome.
    outcome: Vec<String>,
}

fn iso(t: chrono::NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

/// The outcome JSON as sentences.
fn outcome_lines(kind: RequestKind, raw: &str) -> Vec<String> {
    let o: serde_json::Value = serde_json::from_str(raw).unwrap_or_default();
    let mut lines = Vec::new();
    if let Some(reason) = o["reason"].as_str() {
        lines.push(format!("Refused: {reason}"));
        let busy = strings(&o["in_progress"]);
        if !busy.is_empty() {
            lines.push(format!("In progress: {}", busy.join(", ")));
        }
        return lines;
    }
    if kind == RequestKind::Export {
        lines.push(format!(
            "Copy sent of orders {} and {} email(s).",
            strings(&o["orders"]).join(", "),
            o["emails"].as_i64().unwrap_or(0)
        ));
        return lines;
    }
    let erased = strings(&o["erased"]);
    if !erased.is_empty() {
        lines.push(format!("Erased entirely: {}.", erased.join(", ")));
    }
    for k in o["kept"].as_array().cloned().unwrap_or_default() {
        lines.push(format!(
            "{}: kept {} until {}, because {}; everything else masked.",
            k["reference"].as_str().unwrap_or(""),
            k["kept"].as_str().unwrap_or(""),
            k["until"].as_str().unwrap_or(""),
            k["why"].as_str().unwrap_or("")
        ));
    }
    if let Some(why) = o["why"].as_str() {
        lines.push(format!("Why: {why}."));
    }
    for (key, what) in [
        ("emails_deleted", "unsent email(s) deleted"),
        ("emails_masked", "sent email(s) masked"),
        ("provider_events_redacted", "payment-provider event(s) redacted"),
        ("carts_deleted", "cart(s) deleted"),
    ] {
        if let Some(n) = o[key].as_i64().filter(|n| *n > 0) {
            lines.push(format!("{n} {what}."));
        }
    }
    lines
}

async fn index(state: web::Data<AppState>, me: CurrentStaff) -> Result<HttpResponse, AppError> {
    let rows = db::run(&state.pool, move |conn| queries::recent(conn, LIST_LIMIT).map_err(AppError::from)).await?;
    let views: Vec<RequestView> = rows
        .into_iter()
        .map(|(r, reference)| RequestView {
            outcome: outcome_lines(r.kind, &r.outcome),
            id: r.id,
            kind: r.kind.label(),
            kind_code: r.kind.code(),
            status: r.status.code(),
            order: reference,
            order_id: r.order_id,
            received_at: iso(r.received_at),
            completed_at: r.completed_at.map(iso),
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("requests", &views);
    ctx.insert("limit", &LIST_LIMIT);
    ctx.insert("years", &state.settings.retention.tax_record_years);
    let body = state.templates.render_admin(
        "admin/privacy/index.html",
        &crate::i18n::t(me.lang(), "fin-privacy-heading"),
        Some(&me),
        ctx,
    )?;
    Ok(HttpResponse::Ok().content_type("text/html; charset=utf-8").body(body))
}
