//! `/admin/tokens`: each staff member makes and revokes their own API tokens for the admin
//! JSON API. A new token is shown once, on the page that made it; only its hash is kept.
//! Making and revoking are audit-logged (the name and prefix, never the token). A token has a
//! scope and an expiry, both shown in the list with its last use; making one asks staff who
//! have TOTP for a fresh code.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use tera::Context;

use crate::api_admin::tokens::{self, TokenName, TokenRow, TokenScope, DEFAULT_VALID_DAYS, NAME_MAX};
use crate::auth::{throttle, AdminForm, CurrentStaff};
use crate::db;
use crate::error::AppError;
use crate::i18n::{self, Lang};
use crate::staff::service as staff_service;
use crate::state::AppState;
use crate::web::form::FieldErrors;
use crate::web::templates::Viewer;

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
    scope: String,
    /// Stored UTC times, shown in the reader's zone (`local_time`).
    created: NaiveDateTime,
    expires: NaiveDateTime,
    expired: bool,
    last_used: Option<NaiveDateTime>,
    revoked: Option<NaiveDateTime>,
}

/// What a token may do, in `lang` (`token-scope-…` in `admin.ftl`).
fn scope_label(lang: Lang, scope: TokenScope) -> String {
    i18n::t(lang, if scope == TokenScope::Write { "token-scope-write" } else { "token-scope-read" })
}

impl TokenView {
    fn new(t: TokenRow, now: NaiveDateTime, lang: Lang) -> Self {
        Self {
            id: t.id,
            prefix: t.display_prefix(),
            scope: scope_label(lang, t.scope),
            created: t.created_at,
            expires: t.expires_at,
            expired: t.is_expired(now),
            last_used: t.last_used_at,
            revoked: t.revoked_at,
            name: t.name,
        }
    }
}

fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body)
}

/// The new-token form as sent (shown again with its errors).
#[derive(Deserialize, Default)]
pub struct NewTokenForm {
    #[serde(default)]
    name: String,
    /// `read` or `write`; a form without it makes a read-only token (least privilege).
    #[serde(default)]
    scope: String,
    #[serde(default)]
    valid_days: String,
    /// The current authenticator code, for staff who have TOTP.
    #[serde(default)]
    code: String,
}

/// The list page, with the new-token form (and its errors and input, when shown again).
async fn list_page(
    state: &AppState,
    me: &CurrentStaff,
    status: StatusCode,
    form: &NewTokenForm,
    errors: FieldErrors,
    notice: Option<String>,
) -> Result<HttpResponse, AppError> {
    let staff_id = me.staff.id;
    let rows = db::run(&state.pool, move |conn| tokens::list_for(conn, staff_id).map_err(AppError::from)).await?;
    let now = chrono::Utc::now().naive_utc();
    let mut ctx = Context::new();
    let lang = me.lang();
    ctx.insert("tokens", &rows.into_iter().map(|t| TokenView::new(t, now, lang)).collect::<Vec<_>>());
    ctx.insert("name", &form.name);
    ctx.insert("scope", if form.scope == "write" { "write" } else { "read" });
    let days = tokens::parse_valid_days(&form.valid_days).unwrap_or(DEFAULT_VALID_DAYS);
    ctx.insert("valid_days", &days);
    ctx.insert("day_choices", &[30, 90, 180, 365]);
    ctx.insert("name_max", &NAME_MAX);
    ctx.insert("needs_code", &me.staff.totp_enabled);
    ctx.insert("errors", &errors.0);
    ctx.insert("notice", &notice);
    ctx.insert("base_url", &state.settings.base_url);
    let title = i18n::t(lang, "nav-tokens");
    Ok(html(status, state.templates.render_admin("admin/tokens/index.html", &title, Some(me), ctx)?))
}

pub async fn index(state: web::Data<AppState>, req: HttpRequest, me: CurrentStaff) -> Result<HttpResponse, AppError> {
    let notice = (req.query_string() == "revoked=1").then(|| i18n::t(me.lang(), "tokens-revoked-notice"));
    list_page(&state, &me, StatusCode::OK, &NewTokenForm::default(), FieldErrors::default(), notice).await
}

/// Makes a token: a name, a scope and a life, and, for staff who have TOTP, a fresh code (a
/// stolen session alone cannot mint a long-lived credential).
pub async fn create(state: web::Data<AppState>, form: AdminForm<NewTokenForm>) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    let mut errors = FieldErrors::default();
    let name = TokenName::parse(&form.name).map_err(|m| errors.add("name", m)).ok();
    let scope = if form.scope.trim().is_empty() { Ok(TokenScope::Read) } else { TokenScope::parse(&form.scope) };
    let scope = scope.map_err(|m| errors.add("scope", m)).ok();
    let days = tokens::parse_valid_days(&form.valid_days).map_err(|m| errors.add("valid_days", m)).ok();
    let (Some(name), Some(scope), Some(days)) = (name, scope, days) else {
        return list_page(&state, &me, StatusCode::UNPROCESSABLE_ENTITY, &form, errors, None).await;
    };
    let (owner, actor, cipher) = (me.staff.clone(), me.actor(), state.cipher.clone());
    let (code, at, unix) = (form.code.clone(), chrono::Utc::now().naive_utc(), chrono::Utc::now().timestamp() as u64);
    let client = me.ip.clone().unwrap_or_else(|| "unknown".into());
    let made = db::run(&state.pool, move |conn| -> Result<Option<(TokenRow, String)>, AppError> {
        // A wrong code counts like a wrong sign-in: a stolen session cannot guess codes freely.
        let fresh = throttle::step_up(conn, &owner.email, &client, at, |conn| {
            staff_service::confirm_fresh_totp(conn, &owner, &cipher, &code, unix)
        })?;
        match fresh {
            Ok(true) => {}
            Ok(false) => return Ok(None),
            Err(throttle::StepUp::Refused(message)) => return Err(AppError::TooMany(message)),
        }
        tokens::create(conn, &owner, &actor, &name, scope, days, at).map(Some)
    })
    .await;
    let made = match made {
        Err(AppError::TooMany(message)) => {
            errors.add("code", message);
            return list_page(&state, &me, StatusCode::TOO_MANY_REQUESTS, &form, errors, None).await;
        }
        other => other?,
    };
    let Some((row, raw)) = made else {
        errors.add("code", i18n::t(me.lang(), "tokens-error-code"));
        return list_page(&state, &me, StatusCode::UNPROCESSABLE_ENTITY, &form, errors, None).await;
    };
    let mut ctx = Context::new();
    ctx.insert("token", &raw);
    ctx.insert("name", &row.name);
    ctx.insert("scope", &scope_label(me.lang(), row.scope));
    ctx.insert("expires", &row.expires_at);
    ctx.insert("base_url", &state.settings.base_url);
    let title = i18n::t(me.lang(), "tokens-created-title");
    let body = state.templates.render_admin("admin/tokens/created.html", &title, Some(&me), ctx)?;
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
