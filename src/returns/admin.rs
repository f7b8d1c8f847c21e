//! The back-office returns pages: `/admin/returns` (a manager sees their own center's; finance
//! and admins all), one return's page with the step its status allows — approve or decline
//! (manager of the center, admins), receipt with the condition and restock or withdraw (the
//! same), refund or close without a refund (finance, admins). Every step is audit-logged and
//! on the order's timeline (`service`).

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use tera::Context;

use super::queries;
use super::service;
use super::types::{self, ReturnStatus};
use crate::auth::extract::AdminForm;
use crate::auth::permissions::Action;
use crate::auth::CurrentStaff;
use crate::db;
use crate::error::AppError;
use crate::i18n::{self, Lang};
use crate::money::Money;
use crate::orders::queries as orders;
use crate::state::AppState;
use crate::web::form::FieldErrors;
use crate::web::respond::{html, see_other, NoticeQuery};
use crate::web::templates::Viewer;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/returns", web::get().to(list))
        .route(r"/admin/returns/{id:\d+}", web::get().to(detail))
        .route(r"/admin/returns/{id:\d+}/approve", web::post().to(approve))
        .route(r"/admin/returns/{id:\d+}/decline", web::post().to(decline))
        .route(r"/admin/returns/{id:\d+}/receive", web::post().to(receive))
        .route(r"/admin/returns/{id:\d+}/refund", web::post().to(refund))
        .route(r"/admin/returns/{id:\d+}/close", web::post().to(close));
}

fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    status: String,
}

#[derive(serde::Serialize)]
struct Choice {
    value: &'static str,
    label: String,
}

/// A return's status in `lang` (`return-status-…` in `returns.ftl`).
fn status_label(lang: Lang, status: ReturnStatus) -> String {
    i18n::t(lang, &format!("return-status-{}", status.code()))
}

pub async fn list(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let center = me.own_center()?;
    let status = match query.status.trim() {
        "" => None,
        s => Some(
            ReturnStatus::parse(s)
                .map_err(|_| AppError::bad_request("status", format!("There is no return status `{s}`.")))?,
        ),
    };
    let lang = me.lang();
    let rows = db::run(&state.pool, move |conn| {
        let mut out = Vec::new();
        for (r, reference) in queries::list(conn, center, status, 200)? {
            let items = queries::items_of(conn, r.id)?;
            let mut view = service::view(&r, &reference, &items, None);
            view.status_label = status_label(lang, r.status);
            out.push(view);
        }
        Ok::<_, AppError>(out)
    })
    .await?;
    let mut statuses = vec![Choice { value: "", label: i18n::t(lang, "pieces-any-status") }];
    statuses.extend(ReturnStatus::ALL.iter().map(|s| Choice { value: s.code(), label: status_label(lang, *s) }));
    let mut ctx = Context::new();
    ctx.insert("rows", &rows);
    ctx.insert("status", status.map(|s| s.code()).unwrap_or(""));
    ctx.insert("statuses", &statuses);
    let body =
        state.templates.render_admin("admin/returns/list.html", &i18n::t(lang, "nav-returns"), Some(&me), ctx)?;
    Ok(html(StatusCode::OK, body))
}

#[derive(Default)]
struct Shown {
    notice: Option<String>,
    errors: FieldErrors,
    message: String,
    condition: String,
    amount: String,
}

async fn render_detail(
    state: &AppState,
    me: &CurrentStaff,
    id: i64,
    status: StatusCode,
    shown: Shown,
) -> Result<HttpResponse, AppError> {
    let own = me.own_center()?;
    let refund_shipping = state.settings.returns.refund_shipping;
    let (view, return_status) = db::run(&state.pool, move |conn| {
        let r = queries::find(conn, id)?.ok_or(AppError::NotFound)?;
        let order = orders::find(conn, r.order_id)?.ok_or(AppError::NotFound)?;
        let items = queries::items_of(conn, id)?;
        let offer = service::proposal(conn, &items, &order, refund_shipping)?;
        Ok::<_, AppError>((service::view(&r, &order.reference, &items, Some(offer)), r.status))
    })
    .await?;
    if let Some(own) = own {
        if view.center_id != own {
            return Err(me.deny(format!("return {id} is of center {}", view.center_id)));
        }
    }
    let can_decide = Action::ReturnsDecide.allows(me.role);
    let can_refund = Action::ReturnsRefund.allows(me.role);
    let lang = me.lang();
    let mut view = view;
    view.status_label = status_label(lang, return_status);
    let mut ctx = Context::new();
    ctx.insert("r", &view);
    ctx.insert("can_decide", &(can_decide && return_status == ReturnStatus::Requested));
    ctx.insert("can_receive", &(can_decide && return_status == ReturnStatus::Approved));
    ctx.insert("can_refund", &(can_refund && return_status == ReturnStatus::Received));
    ctx.insert("notice", &shown.notice);
    ctx.insert("errors", &shown.errors.0);
    ctx.insert("message", &shown.message);
    ctx.insert("condition", &shown.condition);
    ctx.insert("amount", &if shown.amount.is_empty() { view.proposed_major.clone() } else { shown.amount });
    let title = i18n::t_with(
        lang,
        "return-title",
        &[("id", view.id.to_string().into()), ("reference", view.reference.clone().into())],
    );
    let body = state.templates.render_admin("admin/returns/detail.html", &title, Some(me), ctx)?;
    Ok(html(status, body))
}

pub async fn detail(
    state: web::Data<AppState>,
    me: CurrentStaff,
    id: web::Path<i64>,
    query: web::Query<NoticeQuery>,
) -> Result<HttpResponse, AppError> {
    let notice = match query.done.as_str() {
        done @ ("approved" | "declined" | "received" | "refunded" | "closed") => {
            Some(i18n::t(me.lang(), &format!("return-done-{done}")))
        }
        _ => None,
    };
    render_detail(&state, &me, id.into_inner(), StatusCode::OK, Shown { notice, ..Default::default() }).await
}

/// What a step's write answered, as the page shows it: done → back to the page with a notice;
/// a form error or a lost race → the page again with it.
async fn answer(
    state: &AppState,
    me: &CurrentStaff,
    id: i64,
    done: &str,
    result: Result<(), AppError>,
    shown: Shown,
) -> Result<HttpResponse, AppError> {
    match result {
        Ok(()) => Ok(see_other(format!("/admin/returns/{id}?done={done}"))),
        Err(AppError::Forbidden(why)) => Err(me.deny(why)),
        Err(AppError::Invalid(errors)) => {
            render_detail(state, me, id, StatusCode::UNPROCESSABLE_ENTITY, Shown { errors, ..shown }).await
        }
        Err(e @ AppError::Conflict { .. }) => {
            let shown = Shown { notice: Some(e.public_message()), ..shown };
            render_detail(state, me, id, StatusCode::CONFLICT, shown).await
        }
        Err(AppError::PaymentProvider(err)) => {
            tracing::warn!(return_id = id, error = %err, "a return's refund failed at the payment provider");
            let notice = format!("The refund did not go through: {err}. Nothing was refunded; try again.");
            render_detail(state, me, id, StatusCode::BAD_GATEWAY, Shown { notice: Some(notice), ..shown }).await
        }
        Err(e) => Err(e),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DecisionForm {
    message: String,
}

async fn decide(
    state: &AppState,
    me: &CurrentStaff,
    id: i64,
    approve: bool,
    f: DecisionForm,
) -> Result<HttpResponse, AppError> {
    me.own_center()?;
    let mut e = FieldErrors::default();
    // A refusal must say why; an approval may add instructions.
    let message = types::text(&mut e, "message", &f.message, !approve, 1000);
    let shown = Shown { message: message.clone(), ..Default::default() };
    if !e.is_empty() {
        return answer(state, me, id, "", Err(AppError::Invalid(e)), shown).await;
    }
    let scope = me.scope();
    let m = message.clone();
    let result = db::run(&state.pool, move |conn| service::decide(conn, &scope, id, approve, &m, now())).await;
    answer(state, me, id, if approve { "approved" } else { "declined" }, result, shown).await
}

pub async fn approve(
    state: web::Data<AppState>,
    form: AdminForm<DecisionForm>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    decide(&state, &form.staff, id.into_inner(), true, form.form).await
}

pub async fn decline(
    state: web::Data<AppState>,
    form: AdminForm<DecisionForm>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    decide(&state, &form.staff, id.into_inner(), false, form.form).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReceiveForm {
    condition: String,
    /// `restock` (back on sale) or `withdraw`.
    then: String,
}

pub async fn receive(
    state: web::Data<AppState>,
    form: AdminForm<ReceiveForm>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let me = &form.staff;
    let id = id.into_inner();
    me.own_center()?;
    let mut e = FieldErrors::default();
    let condition = types::text(&mut e, "condition", &form.form.condition, true, 500);
    let restock = match form.form.then.as_str() {
        "restock" => Some(true),
        "withdraw" => Some(false),
        _ => {
            e.add("then", "choose whether the pieces go back on sale or are withdrawn");
            None
        }
    };
    let shown = Shown { condition: condition.clone(), ..Default::default() };
    let Some(restock) = restock.filter(|_| e.is_empty()) else {
        return answer(&state, me, id, "", Err(AppError::Invalid(e)), shown).await;
    };
    let scope = me.scope();
    let c = condition.clone();
    let result = db::run(&state.pool, move |conn| service::receive(conn, &scope, id, &c, restock, now())).await;
    answer(&state, me, id, "received", result, shown).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RefundForm {
    /// Major units; empty = the proposal.
    amount: String,
    /// `on` when the order's shipping is refunded too (with an empty amount; the policy may
    /// give it back without the tick: `service::Proposal`).
    shipping: String,
}

pub async fn refund(
    state: web::Data<AppState>,
    form: AdminForm<RefundForm>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let me = &form.staff;
    let id = id.into_inner();
    let f = form.form;
    let currency =
        db::run(&state.pool, move |conn| queries::find(conn, id)?.map(|r| r.currency).ok_or(AppError::NotFound))
            .await?;
    let mut e = FieldErrors::default();
    let amount = match f.amount.trim() {
        "" => None,
        a => match Money::parse_major(a, currency) {
            Ok(m) => Some(m.minor),
            Err(err) => {
                e.add("amount", format!("the amount {err}"));
                None
            }
        },
    };
    let shown = Shown { amount: f.amount.clone(), ..Default::default() };
    if !e.is_empty() {
        return answer(&state, me, id, "", Err(AppError::Invalid(e)), shown).await;
    }
    // Wages are never clawed back: the refund path leaves the wage ledger untouched.
    let result = service::refund(&state, me.scope(), id, amount, f.shipping == "on").await.map(|_| ());
    answer(&state, me, id, "refunded", result, shown).await
}

pub async fn close(
    state: web::Data<AppState>,
    form: AdminForm<DecisionForm>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let me = &form.staff;
    let id = id.into_inner();
    let mut e = FieldErrors::default();
    let message = types::text(&mut e, "message", &form.form.message, true, 1000);
    let shown = Shown { message: message.clone(), ..Default::default() };
    if !e.is_empty() {
        return answer(&state, me, id, "", Err(AppError::Invalid(e)), shown).await;
    }
    let scope = me.scope();
    let m = message.clone();
    let result = db::run(&state.pool, move |conn| service::close(conn, &scope, id, &m, now())).await;
    answer(&state, me, id, "closed", result, shown).await
}
