//! Signing in and out: password, second factor (TOTP or a recovery code), TOTP enrolment,
//! and the one-time setup link that sets a new account's password.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use tera::Context;

use super::extract::{client_ip, AdminForm, CurrentStaff, PendingStaff};
use super::{session, throttle};
use crate::audit::{self, Actor, AuditEvent};
use crate::crypto::Field;
use crate::db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::staff::{self, service as staff_service, Email};
use crate::state::AppState;
use crate::web::templates::{browser_lang, Viewer};

fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, to.to_string())).finish()
}

/// A sign-in page (no signed-in viewer yet) in `lang`: the browser's, or the staff member's
/// once the password has passed. `title` is a message key (`admin.ftl`).
fn page(
    state: &AppState,
    lang: Lang,
    status: actix_web::http::StatusCode,
    template: &str,
    title: &str,
    mut ctx: Context,
) -> Result<HttpResponse, AppError> {
    ctx.insert("lang", lang.code());
    let title = crate::i18n::t(lang, title);
    let body = state.templates.render_admin::<CurrentStaff>(template, &title, None, ctx)?;
    Ok(HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body))
}

fn session_cookie(value: String) -> Cookie<'static> {
    // `__Host-` requires Secure, path `/` and no domain. Browsers accept Secure cookies from
    // http://localhost and 127.0.0.1, so development works too.
    Cookie::build(session::COOKIE, value).path("/").secure(true).http_only(true).same_site(SameSite::Lax).finish()
}

fn cleared_cookie() -> Cookie<'static> {
    let mut c = session_cookie(String::new());
    c.make_removal();
    c
}

pub async fn login_form(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let lang = browser_lang(&req);
    let mut ctx = Context::new();
    ctx.insert("email", "");
    ctx.insert("notice", &notice(&req).map(|key| crate::i18n::t(lang, key)));
    page(&state, lang, actix_web::http::StatusCode::OK, "admin/login.html", "login-title", ctx)
}

fn notice(req: &HttpRequest) -> Option<&'static str> {
    match req.query_string() {
        "setup=done" => Some("login-notice-setup-done"),
        "signed_out=1" => Some("login-notice-signed-out"),
        _ => None,
    }
}

#[derive(Deserialize)]
pub struct LoginForm {
    email: String,
    password: String,
}

pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let ip = client_ip(&req).unwrap_or_else(|| "unknown".into());
    let email = form.email.trim().to_lowercase();
    let user_agent = req.headers().get(header::USER_AGENT).and_then(|v| v.to_str().ok()).map(str::to_string);
    let at = now();
    let (email_for_db, ip_for_db) = (email.clone(), ip.clone());
    let outcome = db::run(&state.pool, move |conn| -> Result<LoginOutcome, AppError> {
        // Checked and recorded in one step (the attempt counts as failed until it succeeds).
        let attempt = match db::write(conn, |c| throttle::admit(c, &email_for_db, &ip_for_db, at))? {
            throttle::Admission::Refused(message) => return Ok(LoginOutcome::Throttled(message)),
            throttle::Admission::Admitted { attempt_id } => attempt_id,
        };
        let staff = staff::queries::find_by_email(conn, &email_for_db)?;
        let hash = staff.as_ref().and_then(|s| s.password_hash.clone());
        // Verify even without an account, so timing does not tell which emails exist.
        let ok = staff_service::verify_password(hash.as_deref().unwrap_or(staff_service::dummy_hash()), &form.password);
        let staff = match staff {
            Some(s) if ok && hash.is_some() && s.is_active() => s,
            _ => return Ok(LoginOutcome::Failed),
        };
        let raw = db::write(conn, |conn| {
            throttle::succeeded(conn, attempt)?;
            // Every role owes a second factor (ASVS 6.3.3): managers change prices and see
            // customers' addresses and artisans' records. Not yet enrolled: enrolment first.
            let raw = session::create(conn, staff.id, false, Some(&ip_for_db), user_agent.as_deref(), at)?;
            audit::record(
                conn,
                &Actor::staff(staff.id, &staff.email).with_ip(Some(ip_for_db.clone())),
                &AuditEvent {
                    action: "staff.sign_in",
                    entity_type: "staff",
                    entity_id: Some(staff.id.to_string()),
                    center_id: staff.center_id,
                    details: serde_json::json!({}),
                },
                at,
            )?;
            Ok::<_, diesel::result::Error>(raw)
        })?;
        Ok(LoginOutcome::SignedIn { raw, next: "/admin/mfa" })
    })
    .await?;
    match outcome {
        LoginOutcome::SignedIn { raw, next } => {
            Ok(HttpResponse::SeeOther().insert_header((header::LOCATION, next)).cookie(session_cookie(raw)).finish())
        }
        LoginOutcome::Failed | LoginOutcome::Throttled(_) => {
            let (status, message) = match outcome {
                LoginOutcome::Throttled(m) => (actix_web::http::StatusCode::TOO_MANY_REQUESTS, m),
                _ => {
                    (actix_web::http::StatusCode::UNAUTHORIZED, crate::i18n::t(browser_lang(&req), "login-error-wrong"))
                }
            };
            let mut ctx = Context::new();
            ctx.insert("email", &email);
            ctx.insert("error", &message);
            page(&state, browser_lang(&req), status, "admin/login.html", "login-title", ctx)
        }
    }
}

enum LoginOutcome {
    SignedIn { raw: String, next: &'static str },
    Failed,
    Throttled(String),
}

pub async fn logout(
    state: web::Data<AppState>,
    form: AdminForm<Empty, PendingStaff>,
) -> Result<HttpResponse, AppError> {
    let staff = form.staff.0;
    let at = now();
    db::run(&state.pool, move |conn| {
        session::delete(conn, &staff.session.id_hash)?;
        audit::record(
            conn,
            &staff.actor(),
            &AuditEvent {
                action: "staff.sign_out",
                entity_type: "staff",
                entity_id: Some(staff.staff.id.to_string()),
                center_id: staff.staff.center_id,
                details: serde_json::json!({}),
            },
            at,
        )?;
        Ok::<_, AppError>(())
    })
    .await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/admin/login?signed_out=1"))
        .cookie(cleared_cookie())
        .finish())
}

#[derive(Deserialize)]
pub struct Empty {}

/// Second factor at sign-in: a TOTP code, or a recovery code.
pub async fn mfa_form(state: web::Data<AppState>, pending: PendingStaff) -> Result<HttpResponse, AppError> {
    let me = pending.0;
    if me.session.mfa_passed {
        return Ok(see_other("/admin"));
    }
    if !me.staff.totp_enabled {
        return Ok(see_other("/admin/mfa/enrol"));
    }
    let mut ctx = Context::new();
    ctx.insert("csrf_token", me.csrf_token());
    page(&state, me.lang(), actix_web::http::StatusCode::OK, "admin/mfa.html", "mfa-title", ctx)
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    recovery_code: String,
}

pub async fn mfa(
    state: web::Data<AppState>,
    form: AdminForm<CodeForm, PendingStaff>,
) -> Result<HttpResponse, AppError> {
    let me = form.staff.0;
    let form = form.form;
    let cipher = state.cipher.clone();
    let at = now();
    let unix = chrono::Utc::now().timestamp() as u64;
    let ip = me.ip.clone().unwrap_or_else(|| "unknown".into());
    let me2 = me.clone();
    let result = db::run(&state.pool, move |conn| -> Result<Result<String, String>, AppError> {
        let me = me2;
        let attempt = match db::write(conn, |c| throttle::admit(c, &me.staff.email, &ip, at))? {
            throttle::Admission::Refused(message) => return Ok(Err(message)),
            throttle::Admission::Admitted { attempt_id } => attempt_id,
        };
        let accepted = if !form.recovery_code.trim().is_empty() {
            let hashes = staff_service::recovery_code_hashes(&cipher, &form.recovery_code);
            staff::queries::use_recovery_code(conn, me.staff.id, &hashes, at)?
        } else {
            let secret = staff_service::stored_secret(&me.staff, &cipher)?.ok_or(AppError::SecondFactorPending)?;
            match staff_service::check_totp(&secret, &me.staff.email, &form.code, unix)? {
                Some(step) => staff::queries::claim_totp_step(conn, me.staff.id, step)?,
                None => false,
            }
        };
        if !accepted {
            return Ok(Err("That code is not right, or it was already used. Try the newest code.".into()));
        }
        let raw = db::write(conn, |conn| {
            throttle::succeeded(conn, attempt)?;
            let raw = session::renew_after_second_factor(conn, &me.session.id_hash, at)?;
            audit::record(
                conn,
                &me.actor(),
                &AuditEvent {
                    action: "staff.second_factor",
                    entity_type: "staff",
                    entity_id: Some(me.staff.id.to_string()),
                    center_id: me.staff.center_id,
                    details: serde_json::json!({ "recovery_code": !form.recovery_code.trim().is_empty() }),
                },
                at,
            )?;
            Ok::<_, diesel::result::Error>(raw)
        })?;
        Ok(Ok(raw))
    })
    .await?;
    match result {
        Ok(raw) => Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, "/admin"))
            .cookie(session_cookie(raw))
            .finish()),
        Err(message) => {
            let mut ctx = Context::new();
            ctx.insert("csrf_token", me.csrf_token());
            ctx.insert("error", &message);
            page(&state, me.lang(), actix_web::http::StatusCode::UNAUTHORIZED, "admin/mfa.html", "mfa-title", ctx)
        }
    }
}

/// TOTP enrolment: a new secret (kept encrypted, not yet enabled), its QR code, a code to confirm.
pub async fn enrol_form(state: web::Data<AppState>, pending: PendingStaff) -> Result<HttpResponse, AppError> {
    let me = pending.0;
    if me.staff.totp_enabled {
        return Ok(see_other(if me.session.mfa_passed { "/admin" } else { "/admin/mfa" }));
    }
    let (secret, url) = staff_service::new_totp_secret(&me.staff.email)?;
    let sealed = state.cipher.seal(Field::STAFF_TOTP_SECRET, me.staff.id, &secret);
    let id = me.staff.id;
    let at = now();
    db::run(&state.pool, move |conn| {
        staff::queries::set_totp(conn, id, Some(&sealed), false, at).map_err(AppError::from)
    })
    .await?;
    enrol_page(&state, &me, &secret, &url, None, actix_web::http::StatusCode::OK)
}

fn enrol_page(
    state: &AppState,
    me: &CurrentStaff,
    secret: &str,
    url: &str,
    error: Option<&str>,
    status: actix_web::http::StatusCode,
) -> Result<HttpResponse, AppError> {
    use base64::Engine;
    let qr = qrcode::QrCode::new(url.as_bytes()).map_err(|e| AppError::internal_in("QR code", e))?;
    let svg = qr.render::<qrcode::render::svg::Color>().min_dimensions(220, 220).build();
    let mut ctx = Context::new();
    ctx.insert("csrf_token", me.csrf_token());
    ctx.insert("secret", secret);
    ctx.insert("qr", &format!("data:image/svg+xml;base64,{}", base64::engine::general_purpose::STANDARD.encode(svg)));
    ctx.insert("error", &error);
    page(state, me.lang(), status, "admin/enrol.html", "enrol-title", ctx)
}

pub async fn enrol(
    state: web::Data<AppState>,
    form: AdminForm<CodeForm, PendingStaff>,
) -> Result<HttpResponse, AppError> {
    let me = form.staff.0;
    if me.staff.totp_enabled {
        return Ok(see_other("/admin"));
    }
    let secret = staff_service::stored_secret(&me.staff, &state.cipher)?.ok_or(AppError::SecondFactorPending)?;
    let unix = chrono::Utc::now().timestamp() as u64;
    let Some(step) = staff_service::check_totp(&secret, &me.staff.email, &form.form.code, unix)? else {
        let url = staff_service::totp_url(&secret, &me.staff.email)?;
        return enrol_page(
            &state,
            &me,
            &secret,
            &url,
            Some("That code is not right. Check the time on your phone and try the newest code."),
            actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let (codes, hashes) = staff_service::new_recovery_codes(&state.cipher);
    let at = now();
    let me2 = me.clone();
    let raw = db::run(&state.pool, move |conn| {
        let me = me2;
        db::write(conn, |conn| -> diesel::QueryResult<String> {
            let sealed = me.staff.totp_secret.clone();
            staff::queries::set_totp(conn, me.staff.id, sealed.as_deref(), true, at)?;
            staff::queries::claim_totp_step(conn, me.staff.id, step)?;
            staff::queries::replace_recovery_codes(conn, me.staff.id, &hashes)?;
            let raw = session::renew_after_second_factor(conn, &me.session.id_hash, at)?;
            audit::record(
                conn,
                &me.actor(),
                &AuditEvent {
                    action: "staff.totp_enrolled",
                    entity_type: "staff",
                    entity_id: Some(me.staff.id.to_string()),
                    center_id: me.staff.center_id,
                    details: serde_json::json!({}),
                },
                at,
            )?;
            Ok(raw)
        })
        .map_err(AppError::from)
    })
    .await?;
    let mut ctx = Context::new();
    ctx.insert("codes", &codes);
    let mut res =
        page(&state, me.lang(), actix_web::http::StatusCode::OK, "admin/recovery_codes.html", "recovery-title", ctx)?;
    res.add_cookie(&session_cookie(raw)).map_err(|e| AppError::internal_in("setting the session cookie", e))?;
    Ok(res)
}

/// The one-time link printed by `fairgold staff add`.
pub async fn setup_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let hash = crate::crypto::token_hash(&token);
    let at = now();
    let owner = db::run(&state.pool, move |conn| {
        staff::queries::token_owner(conn, &hash, staff_service::SETUP_PURPOSE, at).map_err(AppError::from)
    })
    .await?;
    if owner.is_none() {
        return Err(AppError::NotFound);
    }
    let mut ctx = Context::new();
    ctx.insert("token", token.as_str());
    page(&state, browser_lang(&req), actix_web::http::StatusCode::OK, "admin/setup.html", "setup-title", ctx)
}

#[derive(Deserialize)]
pub struct SetupForm {
    password: String,
    confirm: String,
}

pub async fn setup(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
    form: web::Form<SetupForm>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let form = form.into_inner();
    let error = if form.password != form.confirm {
        Some(crate::i18n::t(browser_lang(&req), "setup-error-mismatch"))
    } else {
        let (t, p) = (token.clone(), form.password.clone());
        match db::run(&state.pool, move |conn| staff_service::complete_setup(conn, &t, &p, now())).await {
            Ok(_) => return Ok(see_other("/admin/login?setup=done")),
            Err(e @ AppError::Invalid(_)) => Some(format!("Password: {}.", e.public_message())),
            Err(e) => return Err(e),
        }
    };
    let mut ctx = Context::new();
    ctx.insert("token", &token);
    ctx.insert("error", &error);
    let lang = browser_lang(&req);
    page(&state, lang, actix_web::http::StatusCode::UNPROCESSABLE_ENTITY, "admin/setup.html", "setup-title", ctx)
}

/// Parses an email for the CLI and forms.
pub fn parse_email(input: &str) -> Result<Email, AppError> {
    Email::parse(input).map_err(|e| AppError::bad_request("email", e.0))
}
