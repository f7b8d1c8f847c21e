//! Recording a deduction from an artisan's wages (`/admin/wages/deductions/new`): only the
//! kinds the wage policy lists under the Code on Wages s.18, never a fine, and never more than
//! half of the month's wages (`service::record_deduction` decides; this page parses and shows).

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use tera::Context;

use super::{artisan_id, html, into_field, items, now, parse_date, parse_rupees, roster, see_other, today, FINANCE};
use crate::auth::{AdminForm, CurrentStaff};
use crate::db;
use crate::error::AppError;
use crate::state::AppState;
use crate::wages::service::{self, DeductionInput};
use crate::wages::types::DeductionKind;
use crate::web::form::FieldErrors;

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct DeductionForm {
    pub artisan: String,
    pub kind: String,
    pub amount: String,
    pub occurred_on: String,
    pub reason: String,
}

async fn render_deduction(
    state: &AppState,
    me: &CurrentStaff,
    form: &DeductionForm,
    errors: &FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let roster = roster(state, me, "wages.deduction_form.view").await?;
    let mut ctx = Context::new();
    ctx.insert("artisans", &items(&roster));
    ctx.insert("kinds", &DeductionKind::ALL.iter().map(|k| (k.code(), k.label())).collect::<Vec<_>>());
    ctx.insert("form", form);
    ctx.insert("errors", errors);
    let body = state.templates.render_admin(
        "admin/wages/deduction.html",
        &super::tr(me, "wages-deduct-heading"),
        Some(me),
        ctx,
    )?;
    Ok(html(status, body))
}

pub async fn deduction_form(state: web::Data<AppState>, me: CurrentStaff) -> Result<HttpResponse, AppError> {
    me.require(FINANCE)?;
    let form = DeductionForm { occurred_on: today().to_string(), ..Default::default() };
    render_deduction(&state, &me, &form, &FieldErrors::default(), StatusCode::OK).await
}

pub async fn deduction_record(
    state: web::Data<AppState>,
    form: AdminForm<DeductionForm>,
) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    me.require(FINANCE)?;
    let mut e = FieldErrors::default();
    let artisan = artisan_id(&state, &form.artisan, &mut e).await?;
    let kind = DeductionKind::parse(&form.kind).map_err(|m| e.add("kind", m)).ok();
    let amount = match parse_rupees(&form.amount, false) {
        Ok(0) => {
            e.add("amount", "enter the amount withheld, more than zero");
            None
        }
        Ok(v) => Some(v),
        Err(m) => {
            e.add("amount", m);
            None
        }
    };
    let on = parse_date(&form.occurred_on, "day the deduction applies to").map_err(|m| e.add("occurred_on", m)).ok();
    if on.is_some_and(|d| d > today()) {
        e.add("occurred_on", "the date is in the future");
    }
    if form.reason.trim().chars().count() < 10 {
        e.add(
            "reason",
            "say what the deduction is for, in a sentence the artisan and an auditor will understand (at least 10 characters)",
        );
    }
    if let (Some(artisan_id), Some(kind), Some(amount_minor), Some(on), true) =
        (artisan, kind, amount, on, e.is_empty())
    {
        let input = DeductionInput { artisan_id, kind, amount_minor, on, reason: form.reason.clone() };
        let (actor, at) = (me.actor(), now());
        let res =
            db::run::<_, AppError, _>(&state.pool, move |conn| Ok(service::record_deduction(conn, &actor, &input, at)))
                .await?;
        match res {
            Ok(_) => return Ok(see_other("/admin/wages?done=deduction")),
            Err(err) => into_field(err, &mut e, "amount")?,
        }
    }
    render_deduction(&state, &me, &form, &e, StatusCode::UNPROCESSABLE_ENTITY).await
}
