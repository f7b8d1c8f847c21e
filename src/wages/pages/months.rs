//! Month close (`/admin/wages/months/{center}/{month}`): each artisan's month as the close
//! computes it — hours from the register, salary or piece wages, overtime, paid leave, the
//! guaranteed minimum and the top-up — and the button that closes the month (finance). Aliases
//! only: the page shows no private data.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use tera::Context;

use super::{display, html, now, parse_month, see_other, FINANCE};
use crate::auth::{AdminForm, CurrentStaff};
use crate::centers;
use crate::db;
use crate::error::AppError;
use crate::state::AppState;
use crate::wages::close;
use crate::wages::types::Month;
use crate::web::templates::Viewer;

async fn render(
    state: &AppState,
    me: &CurrentStaff,
    code: String,
    month: Month,
    error: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let close_url = format!("/admin/wages/months/{code}/{month}/close");
    let report = db::run(&state.pool, move |conn| {
        let center = centers::find_by_code(conn, &code)?.ok_or(AppError::NotFound)?;
        close::compute(conn, center.id, month)
    })
    .await?;
    let mut ctx = Context::new();
    let mut view = display(&report)?;
    if let Some(serde_json::Value::Array(rows)) = view.get_mut("rows") {
        for (row, r) in rows.iter_mut().zip(&report.rows) {
            if let serde_json::Value::Object(o) = row {
                // The template names the basis in the reader's language (`wages-basis-…`).
                o.insert("basis_code".into(), r.pay_basis.map(|b| b.code()).unwrap_or("none").into());
                o.insert("paid_hours".into(), super::hours(r.paid_minutes).into());
            }
        }
    }
    ctx.insert("report", &view);
    ctx.insert("month_label", &super::month_label(me, month));
    ctx.insert("error", &error);
    ctx.insert("close_url", &close_url);
    let mine = report.requested.as_ref().is_some_and(|r| match r.requested_by_staff_id {
        Some(id) => Some(id) == me.actor().staff_id,
        None => r.requested_by == me.actor().label,
    });
    ctx.insert("requested_by_me", &mine);
    let title = crate::i18n::t_with(
        me.lang(),
        "wages-month-heading",
        &[("city", report.city.clone().into()), ("month", super::month_label(me, month).into())],
    );
    let body = state.templates.render_admin("admin/wages/month.html", &title, Some(me), ctx)?;
    Ok(html(status, body))
}

pub async fn month_page(
    state: web::Data<AppState>,
    me: CurrentStaff,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    me.require(FINANCE)?;
    let (code, month) = path.into_inner();
    let month = parse_month(&month)?;
    render(&state, &me, code, month, None, StatusCode::OK).await
}

/// The close is four-eyes: `step` is `request` (the first person), `approve` (a second
/// person: posts and locks the month) or `withdraw` (a request made in error).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CloseForm {
    step: String,
}

pub async fn month_close(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: AdminForm<CloseForm>,
) -> Result<HttpResponse, AppError> {
    let me = form.staff.clone();
    me.require(FINANCE)?;
    let (code, month_text) = path.into_inner();
    let month = parse_month(&month_text)?;
    let (actor, at, c, signer) = (me.actor(), now(), code.clone(), state.ledger_signer.clone());
    let step = form.form.step.clone();
    let res = db::run::<_, AppError, _>(&state.pool, move |conn| {
        let center = centers::find_by_code(conn, &c)?.ok_or(AppError::NotFound)?;
        Ok(match step.as_str() {
            "request" => close::request(conn, &actor, center.id, month, at),
            "approve" => close::approve(conn, &actor, center.id, month, at, signer.as_ref()).map(|_| ()),
            "withdraw" => close::withdraw(conn, &actor, center.id, month, at),
            _ => Err(AppError::bad_request("step", "choose to ask for the close, approve it or withdraw the request")),
        })
    })
    .await?;
    match res {
        Ok(_) => Ok(see_other(&format!("/admin/wages/months/{code}/{month}"))),
        Err(AppError::Forbidden(message)) => {
            render(&state, &me, code, month, Some(message), StatusCode::FORBIDDEN).await
        }
        Err(e @ (AppError::Conflict { .. } | AppError::Invalid(_))) => {
            let status = if matches!(e, AppError::Conflict { .. }) {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            render(&state, &me, code, month, Some(e.public_message()), status).await
        }
        Err(e) => Err(e),
    }
}
