//! A center's month (`/admin/wages/centers/{center}/{month}`), with legal names.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde_json::{json, Value};
use tera::Context;

use super::{display, html, legal_name, no_living_wage_message, now, parse_month, FINANCE};
use crate::audit::{self, AuditEvent};
use crate::auth::CurrentStaff;
use crate::centers;
use crate::db;
use crate::error::AppError;
use crate::state::AppState;
use crate::wages::reports;
use crate::web::templates::Viewer;

pub async fn center_month(
    state: web::Data<AppState>,
    me: CurrentStaff,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    me.require(FINANCE)?;
    let (code, month) = path.into_inner();
    let month = parse_month(&month)?;
    let (actor, at) = (me.actor(), now());
    let (report, sealed) = db::run(&state.pool, move |conn| {
        db::write::<_, AppError, _>(conn, |conn| {
            let center = centers::find_by_code(conn, &code)?.ok_or(AppError::NotFound)?;
            let report = reports::center_month(conn, center.id, month)?;
            let ids: Vec<i64> = report.rows.iter().map(|r| r.artisan_id).collect();
            let sealed = reports::sealed_legal_names(conn, &ids)?;
            audit::record(
                conn,
                &actor,
                &AuditEvent {
                    action: "wages.center.view",
                    entity_type: "center",
                    entity_id: Some(center.code.clone()),
                    center_id: Some(center.id),
                    details: json!({ "month": month.to_string(), "artisans": ids.len() }),
                },
                at,
            )?;
            Ok((report, sealed))
        })
    })
    .await?;
    let mut names = HashMap::new();
    for r in &report.rows {
        names.insert(r.artisan_id, legal_name(&state, r.artisan_id, sealed.get(&r.artisan_id))?);
    }
    let mut view = display(&report)?;
    if let Some(Value::Array(rows)) = view.get_mut("rows") {
        for row in rows.iter_mut() {
            let id = row.get("artisan_id").and_then(Value::as_i64).unwrap_or_default();
            if let Value::Object(o) = row {
                o.insert("legal_name".into(), json!(names.get(&id).cloned().unwrap_or_default()));
            }
        }
    }
    let no_living = report
        .policy
        .as_ref()
        .filter(|p| p.living_wage_monthly_minor.is_none())
        .map(|_| no_living_wage_message(me.lang(), &report.center.city));
    let all_centers = db::run(&state.pool, |conn| centers::all(conn).map_err(AppError::from)).await?;
    let mut ctx = Context::new();
    let base = format!("/admin/wages/centers/{}", report.center.code);
    ctx.insert("r", &view);
    ctx.insert("month_label", &super::month_label(&me, month));
    ctx.insert("no_living_wage", &no_living);
    ctx.insert("deadline", &month.pay_deadline().to_string());
    ctx.insert("prev_url", &format!("{base}/{}", month.prev()));
    ctx.insert("next_url", &format!("{base}/{}", month.next()));
    ctx.insert(
        "other_centers",
        &all_centers
            .iter()
            .filter(|c| c.id != report.center.id)
            .map(|c| json!({ "name": c.name, "url": format!("/admin/wages/centers/{}/{month}", c.code) }))
            .collect::<Vec<_>>(),
    );
    let title = format!("{} — {}", report.center.name, super::month_label(&me, month));
    let body = state.templates.render_admin("admin/wages/center.html", &title, Some(&me), ctx)?;
    Ok(html(StatusCode::OK, body))
}
