//! `/admin/tokens`: each staff member makes and revokes their own API tokens for the admin
//! JSON API. A new token is shown once, on the page that made it; only its hash is kept.
//! Making and revoking are audit-logged (the name and prefix, never the token).

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use tera::Context;

use crate::api_admin::tokens::{self, TokenName, TokenRow, NAME_MAX};
use crate::auth::{AdminForm, CurrentStaff};
use crate::db;
use crate::error::AppError;
use crate::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/tokens", web::get().to(index))
        .route("/admin/tokens", web::post().to(create))
        .route("/admin/tokens/{id}/revoke", web::post().to(revoke));
}

#[derive(Serialize)]
struct TokenView {
    id: i64,
    name: String,
    prefix: String,
    created: String,
    last_used: Option<String>,
    revoked: Option<String>,
}

fn when(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

impl From<TokenRow> for TokenView {
    fn from(t: TokenRow) -> Self {
        Self {
            id: t.id,
            prefix: t.display_prefix(),
            name: t.name,
            created: when(t.created_at),
            last_used: t.last_used_at.map(when),
            revoked: t.revoked_at.map(when),
        }
    }
}

fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body)
}

/// The list page, with the new-token form (and its error and input, when shown again).
async fn list_page(
    state: &AppState,
    me: &CurrentStaff,
    status: StatusCode,
    name: &str,
    error: Option<String>,
    notice: Option<&str>,
) -> Result<HttpResponse, AppError> {
    let staff_id = me.staff.id;
    let rows = db::run(&state.pool, move |conn| tokens::list_for(conn, staff_id).map_err(AppError::from)).await?;
    let mut ctx = Context::new();
    ctx.insert("tokens", &rows.into_iter().map(TokenView::from).collect::<Vec<_>>());
    ctx.insert("name", name);
    ctx.insert("name_max", &NAME_MAX);
    ctx.insert("error", &error);
    ctx.insert("notice", &notice);
    ctx.insert("base_url", &state.settings.base_url);
    Ok(html(status, state.templates.render_admin("admin/tokens/index.html", "API tokens", Some(me), ctx)?))
}

pub async fn index(state: web::Data<AppState>, req: HttpRequest, me: CurrentStaff) -> Result<HttpResponse, AppError> {
    let notice = (req.query_string() == "revoked=1").then_some("The token is revoked. Programs using it are refused.");
    list_page(&state, &me, StatusCode::OK, "", None, notice).await
}

#[derive(Deserialize)]
pub struct NewTokenForm {
    #[serde(default)]
    name: String,
}

pub async fn create(state: web::Data<AppState>, form: AdminForm<NewTokenForm>) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    let name = match TokenName::parse(&form.name) {
        Ok(n) => n,
        Err(message) => {
            return list_page(&state, &me, StatusCode::UNPROCESSABLE_ENTITY, &form.name, Some(message), None).await
        }
    };
    let (owner, actor) = (me.staff.clone(), me.actor());
    let at = chrono::Utc::now().naive_utc();
    let (row, raw) = db::run(&state.pool, move |conn| tokens::create(conn, &owner, &actor, &name, at)).await?;
    let mut ctx = Context::new();
    ctx.insert("token", &raw);
    ctx.insert("name", &row.name);
    ctx.insert("base_url", &state.settings.base_url);
    let body = state.templates.render_admin("admin/tokens/created.html", "Your new API token", Some(&me), ctx)?;
    // The page holds a live secret: no browser or proxy may keep it (the admin guard also
    // marks it no-store).
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body))
}

#[derive(Deserialize)]
pub struct RevokeForm {}

/// Revokes one of the signed-in staff member's own tokens; anyone else's is "not found".
pub async fn revoke(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: AdminForm<RevokeForm>,
) -> Result<HttpResponse, AppError> {
    let me = form.staff;
    let (owner, actor, id) = (me.staff.clone(), me.actor(), id.into_inner());
    let at = chrono::Utc::now().naive_utc();
    db::run(&state.pool, move |conn| tokens::revoke(conn, &owner, &actor, id, at)).await?;
    Ok(HttpResponse::SeeOther().insert_header((header::LOCATION, "/admin/tokens?revoked=1")).finish())
}
