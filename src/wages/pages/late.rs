//! Late payments (`/admin/wages/late`): months not paid in full by the 7th of the next.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use tera::Context;

use super::{display, html, now, FINANCE};
use crate::audit::{self, AuditEvent};
use crate::auth::CurrentStaff;
use crate::centers;
use crate::db;
use crate::error::AppError;
use crate::state::AppState;
use crate::wages::reports;
use crate::wages::types::Month;
use crate::web::form::FieldErrors;

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct LateQuery {
    pub center: String,
    pub from: String,
}

pub async fn late(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<LateQuery>,
) -> Result<HttpResponse, AppError> {
    me.require(FINANCE)?;
    let q = query.into_inner();
    let all_centers = db::run(&state.pool, |conn| centers::all(conn).map_err(AppError::from)).await?;
    let today = reports::today();
    let mut errors = FieldErrors::default();
    let center = match q.center.trim() {
        "" | "all" => None,
        code => {
            let c = all_centers.iter().find(|c| c.code == code).cloned();
            if c.is_none() {
                errors.add("center", format!("there is no center `{code}`: choose one from the list"));
            }
            c
        }
    };
    let mut default_from = Month::of(today);
    for _ in 0..24 {
        default_from = default_from.prev();
    }
    let from = match q.from.trim() {
        "" => default_from,
        s => Month::parse(s).unwrap_or_else(|m| {
            errors.add("from", m);
            default_from
        }),
    };
    let mut ctx = Context::new();
    ctx.insert("q", &q);
    ctx.insert("centers", &all_centers);
    ctx.insert("today", &today.to_string());
    ctx.insert("from", &from.to_string());
    ctx.insert("errors", &errors);
    if !errors.is_empty() {
        ctx.insert("rows", &Value::Null);
        let body = state.templates.render_admin(
            "admin/wages/late.html",
            &super::tr(&me, "wages-late-heading"),
            Some(&me),
            ctx,
        )?;
        return Ok(html(StatusCode::BAD_REQUEST, body));
    }
    let (actor, at, center_id) = (me.actor(), now(), center.as_ref().map(|c| c.id));
    let rows = db::run(&state.pool, move |conn| {
        db::write::<_, AppError, _>(conn, |conn| {
            let rows = reports::late(conn, today, center_id, from)?;
            audit::record(
                conn,
                &actor,
                &AuditEvent {
                    action: "wages.late.view",
                    entity_type: "wages_report",
                    entity_id: Some("late".into()),
                    center_id,
                    details: json!({ "from": from.to_string(), "today": today.to_string(), "late_months": rows.len() }),
                },
                at,
            )?;
            Ok(rows)
        })
    })
    .await?;
    let unpaid = rows.iter().filter(|r| r.covered_on.is_none()).count();
    let names: HashMap<i64, String> = all_centers.iter().map(|c| (c.id, c.name.clone())).collect();
    let mut view = display(&rows)?;
    if let Value::Array(list) = &mut view {
        for (row, r) in list.iter_mut().zip(&rows) {
            if let Value::Object(o) = row {
                o.insert("center".into(), json!(names.get(&r.artisan.center_id).cloned().unwrap_or_default()));
                o.insert(
                    "statement_url".into(),
                    json!(format!("/admin/wages/statements/{}/{}", r.artisan.public_id, r.month)),
                );
                o.insert("month_label".into(), json!(super::month_label(&me, r.month)));
            }
        }
    }
    ctx.insert("rows", &view);
    ctx.insert("unpaid", &unpaid);
    let body =
        state.templates.render_admin("admin/wages/late.html", &super::tr(&me, "wages-late-heading"), Some(&me), ctx)?;
    Ok(html(StatusCode::OK, body))
}
