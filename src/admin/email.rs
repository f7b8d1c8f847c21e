//! The email outbox page (admin only): `/admin/email` lists messages not yet sent — failed ones
//! first — with their attempts, next attempt and last error, and counts by status;
//! `POST /admin/email/{id}/retry` makes a failed (or waiting) message due at once, audit-logged.
//! A sent message cannot be retried: that would send it twice.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use tera::Context;

use crate::audit::{self, AuditEvent};
use crate::auth::{AdminForm, CurrentStaff};
use crate::db;
use crate::email::{self, queries};
use crate::error::AppError;
use crate::state::AppState;

/// At most this many unsent messages are listed.
pub const LIST_LIMIT: i64 = 500;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/email", web::get().to(index)).route("/admin/email/{id}/retry", web::post().to(retry));
}

#[derive(Serialize)]
struct MessageView {
    id: i64,
    kind: String,
    to: String,
    order_id: Option<i64>,
    reference: String,
    status: String,
    attempts: i32,
    next_attempt_at: String,
    last_error: String,
    created_at: String,
    retryable: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct IndexQuery {
    retried: Option<String>,
}

/// UTC, ISO 8601, whole seconds.
fn iso(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

async fn index(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<IndexQuery>,
) -> Result<HttpResponse, AppError> {
    let (listed, counts) = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>((queries::unsent(conn, LIST_LIMIT)?, queries::counts(conn)?))
    })
    .await?;
    let views: Vec<MessageView> = listed
        .into_iter()
        .map(|l| {
            let r = l.row;
            MessageView {
                id: r.id,
                kind: r.kind.label().to_string(),
                to: r.to_address,
                order_id: r.order_id,
                reference: l.reference.unwrap_or_default(),
                retryable: r.status == "failed" || r.status == "pending",
                status: r.status,
                attempts: r.attempts,
                next_attempt_at: iso(r.next_attempt_at),
                last_error: r.last_error.unwrap_or_default(),
                created_at: iso(r.created_at),
            }
        })
        .collect();
    let count = |s: &str| counts.iter().find(|(k, _)| k == s).map(|(_, n)| *n).unwrap_or(0);
    let mut ctx = Context::new();
    ctx.insert("messages", &views);
    ctx.insert("limit", &LIST_LIMIT);
    ctx.insert("pending", &count("pending"));
    ctx.insert("sending", &count("sending"));
    ctx.insert("failed", &count("failed"));
    ctx.insert("sent", &count("sent"));
    ctx.insert("max_attempts", &email::worker::MAX_ATTEMPTS);
    ctx.insert("retried", &query.retried.is_some());
    let body = state.templates.render_admin("admin/email/index.html", "Email", Some(&me), ctx)?;
    Ok(HttpResponse::Ok().content_type("text/html; charset=utf-8").body(body))
}

#[derive(Deserialize)]
pub struct RetryForm {}

async fn retry(
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: AdminForm<RetryForm>,
) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, .. } = form;
    let id: i64 = path.parse().map_err(|_| AppError::NotFound)?;
    let actor = me.actor();
    let now = chrono::Utc::now().naive_utc();
    db::run(&state.pool, move |conn| {
        db::write::<_, AppError, _>(conn, |conn| {
            let row = queries::find(conn, id)?.ok_or(AppError::NotFound)?;
            if !queries::retry_now(conn, id, now)? {
                return Err(AppError::bad_request(
                    "id",
                    format!(
                        "Message {id} is {}: only failed or waiting messages can be sent again (a sent message is never sent twice).",
                        row.status
                    ),
                ));
            }
            audit::record(conn, &actor, &AuditEvent { action: "email.retry", entity_type: "email_outbox", entity_id: Some(id.to_string()), center_id: None, details: serde_json::json!({ "kind": row.kind.code(), "status_was": row.status, "attempts": row.attempts }) }, now)?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::SeeOther().insert_header((header::LOCATION, "/admin/email?retried=1")).finish())
}
