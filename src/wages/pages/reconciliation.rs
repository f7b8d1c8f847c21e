//! The reconciliation of sale bonuses with paid orders (`/admin/wages/reconciliation`).

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde_json::{json, Value};
use tera::Context;

use super::{display, html, now, FINANCE};
use crate::audit::{self, AuditEvent};
use crate::auth::CurrentStaff;
use crate::db;
use crate::error::AppError;
use crate::state::AppState;
use crate::wages::reports;

pub async fn reconciliation(state: web::Data<AppState>, me: CurrentStaff) -> Result<HttpResponse, AppError> {
    me.require(FINANCE)?;
    let (actor, at) = (me.actor(), now());
    let r = db::run(&state.pool, move |conn| {
        db::write::<_, AppError, _>(conn, |conn| {
            let r = reports::reconciliation(conn)?;
            audit::record(conn, &actor, &AuditEvent { action: "wages.reconciliation.view", entity_type: "wages_report", entity_id: Some("reconciliation".into()), center_id: None, details: json!({ "paid_orders": r.paid_orders, "missing": r.missing.len(), "orphans": r.orphans.len(),
                        "wrong_amounts": r.wrong_amounts.len() }) }, at)?;
            Ok(r)
        })
    })
    .await?;
    let mut view = display(&r)?;
    if let Some(Value::Array(list)) = view.get_mut("missing") {
        for (row, m) in list.iter_mut().zip(&r.missing) {
            if let Value::Object(o) = row {
                let why = match &m.why {
                    reports::MissingReason::NoExchangeRate { currency, on } => format!(
                        "No {currency} exchange rate is recorded for {on}: record it on the exchange rates page and \
                         the bonus is posted."
                    ),
                    reports::MissingReason::NoPolicy => {
                        "The center had no wage policy in force on the payment day.".to_string()
                    }
                    reports::MissingReason::NoMakers => {
                        "The piece has no labor record, so there is nobody to share the bonus with.".to_string()
                    }
                    reports::MissingReason::NotPosted => {
                        "Rate and policy are recorded, but the bonus was never posted.".to_string()
                    }
                };
                o.insert("why_text".into(), json!(why));
            }
        }
    }
    let mut ctx = Context::new();
    ctx.insert("r", &view);
    ctx.insert("clean", &r.is_clean());
    let body = state.templates.render_admin(
        "admin/wages/reconciliation.html",
        &super::tr(&me, "wages-rec-heading"),
        Some(&me),
        ctx,
    )?;
    Ok(html(StatusCode::OK, body))
}
