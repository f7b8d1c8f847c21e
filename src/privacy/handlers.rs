//! The customer's requests from their order's page: `POST /orders/{token}/data` downloads a
//! copy of their data (JSON, as an attachment); `POST /orders/{token}/erase` shows what erasure
//! would erase and keep, and with `confirm=yes` erases. The token in the path is the
//! capability; like the other public forms (cart, checkout) there is no session to bind a CSRF
//! token to, so both must be POSTs from the shop's own pages (`web::origin`). Nothing here is
//! cached.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use tera::Context;

use super::service::{self, Erasure, ErasurePlan};
use crate::db;
use crate::error::AppError;
use crate::state::AppState;
use crate::web::PageMeta;

fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

fn require_same_origin(req: &HttpRequest, state: &AppState) -> Result<(), AppError> {
    if crate::web::origin::is_same_origin(req.method(), req.headers(), &req.connection_info(), &state.settings.base_url)
    {
        return Ok(());
    }
    tracing::warn!(path = %crate::web::secret_paths::redact_target(req.path()), "cross-site state change refused");
    Err(AppError::Forbidden("This request did not come from this site.".into()))
}

fn private(status: StatusCode) -> actix_web::HttpResponseBuilder {
    let mut b = HttpResponse::build(status);
    b.insert_header((header::CACHE_CONTROL, "no-store"));
    b
}

pub async fn export(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    require_same_origin(&req, &state)?;
    let token = token.into_inner();
    let st = state.clone();
    let data = db::run(&state.pool, move |conn| service::export(conn, &st.settings, &token, now())).await?;
    let body = serde_json::to_vec_pretty(&data).map_err(|e| AppError::internal_in("the data export", e))?;
    let name = format!("fairgold-my-data-{}.json", now().format("%Y%m%d"));
    Ok(private(StatusCode::OK)
        .content_type("application/json")
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")))
        .body(body))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EraseForm {
    confirm: String,
}

fn page(
    state: &AppState,
    status: StatusCode,
    template: &str,
    token: Option<&str>,
    plan: &ErasurePlan,
    notice: Option<&str>,
) -> Result<HttpResponse, AppError> {
    let mut ctx = Context::new();
    ctx.insert("plan", plan);
    ctx.insert("erase_url", &token.map(|t| format!("/orders/{t}/erase")));
    ctx.insert("order_url", &token.map(|t| format!("/orders/{t}")));
    ctx.insert("notice", &notice);
    let meta = PageMeta {
        title: format!("Your data — {}", state.settings.shop.name),
        description: String::new(),
        path: "/orders",
        nav: "",
    };
    let body = state.templates.render(template, &meta, ctx)?;
    Ok(private(status).content_type("text/html; charset=utf-8").body(body))
}

pub async fn erase(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
    form: web::Form<EraseForm>,
) -> Result<HttpResponse, AppError> {
    require_same_origin(&req, &state)?;
    let token = token.into_inner();
    let years = state.settings.retention.tax_record_years;
    let t = token.clone();
    if form.confirm != "yes" {
        // The confirmation step: what would be erased and what kept, nothing changed yet.
        let plan = db::run(&state.pool, move |conn| service::plan(conn, &t, years, now())).await?;
        if !plan.in_progress.is_empty() {
            return page(
                &state,
                StatusCode::CONFLICT,
                "privacy/confirm.html",
                Some(&token),
                &plan,
                Some(service::IN_PROGRESS),
            );
        }
        return page(&state, StatusCode::OK, "privacy/confirm.html", Some(&token), &plan, None);
    }
    match db::run(&state.pool, move |conn| service::erase(conn, &t, years, now())).await? {
        // The order's link no longer opens anything: the page is rendered here, without it.
        Erasure::Done(plan) => page(&state, StatusCode::OK, "privacy/done.html", None, &plan, None),
        Erasure::Refused(plan) => {
            page(&state, StatusCode::CONFLICT, "privacy/confirm.html", Some(&token), &plan, Some(service::IN_PROGRESS))
        }
    }
}
