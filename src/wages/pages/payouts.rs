//! Recording a payout (`/admin/wages/payouts/new`).

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use tera::Context;

use super::{artisan_id, html, into_field, items, now, parse_date, parse_rupees, roster, see_other, today, FINANCE};
use crate::auth::{AdminForm, CurrentStaff};
use crate::db;
use crate::error::AppError;
use crate::state::AppState;
use crate::wages::service::{self, PayoutInput};
use crate::wages::types::PayoutMethod;
use crate::web::form::FieldErrors;

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct PayoutForm {
    pub artisan: String,
    pub amount: String,
    pub paid_on: String,
    pub method: String,
    pub reference: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PayoutQuery {
    artisan: String,
}

async fn render_payout(
    state: &AppState,
    me: &CurrentStaff,
    form: &PayoutForm,
    errors: &FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let roster = roster(state, me, "wages.payout_form.view").await?;
    let artisans = items(&roster);
    // Opened for one artisan (the overview's "Pay" link): the amount proposed is what they are
    // owed now, to be changed if less was handed over.
    let mut form = form.clone();
    if form.amount.is_empty() && errors.is_empty() {
        if let Some(a) = artisans.iter().find(|a| a.public_id == form.artisan && a.owed_minor > 0) {
            form.amount = format!("{}.{:02}", a.owed_minor / 100, a.owed_minor % 100);
        }
    }
    let mut ctx = Context::new();
    ctx.insert("artisans", &artisans);
    ctx.insert("methods", &PayoutMethod::ALL.iter().map(|m| (m.code(), m.label())).collect::<Vec<_>>());
    ctx.insert("form", &form);
    ctx.insert("errors", errors);
    let body = state.templates.render_admin(
        "admin/wages/payout.html",
        &super::tr(me, "wages-payout-heading"),
        Some(me),
        ctx,
    )?;
    Ok(html(status, body))
}

pub async fn payout_form(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<PayoutQuery>,
) -> Result<HttpResponse, AppError> {
    me.require(FINANCE)?;
    let form = PayoutForm {
        artisan: query.artisan.trim().to_string(),
        paid_on: today().to_string(),
        method: PayoutMethod::Bank.code().into(),
        ..Default::default()
    };
    render_payout(&state, &me, &form, &FieldErrors::default(), StatusCode::OK).await
}

pub async fn payout_record(state: web::Data<AppState>, form: AdminForm<PayoutForm>) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    me.require(FINANCE)?;
    let mut e = FieldErrors::default();
    let artisan = artisan_id(&state, &form.artisan, &mut e).await?;
    let amount = match parse_rupees(&form.amount, false) {
        Ok(0) => {
            e.add("amount", "enter the amount paid, more than zero");
            None
        }
        Ok(v) => Some(v),
        Err(m) => {
            e.add("amount", m);
            None
        }
    };
    let paid_on = parse_date(&form.paid_on, "day it was paid").map_err(|m| e.add("paid_on", m)).ok();
    let method = PayoutMethod::parse(&form.method).map_err(|m| e.add("method", m)).ok();
    if let (Some(artisan_id), Some(amount_minor), Some(paid_on), Some(method), true) =
        (artisan, amount, paid_on, method, e.is_empty())
    {
        let input = PayoutInput { artisan_id, amount_minor, paid_on, method, reference: form.reference.clone() };
        let (actor, at) = (me.actor(), now());
        let res =
            db::run::<_, AppError, _>(&state.pool, move |conn| Ok(service::record_payout(conn, &actor, &input, at)))
                .await?;
        match res {
            Ok(_) => return Ok(see_other("/admin/wages?done=payout")),
            Err(err) => into_field(err, &mut e, "amount")?,
        }
    }
    render_payout(&state, &me, &form, &e, StatusCode::UNPROCESSABLE_ENTITY).await
}
