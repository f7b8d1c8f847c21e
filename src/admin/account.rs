//! `/admin/account`: a staff member's own account. They change their password (the current one,
//! a fresh authenticator code when they have TOTP, and a new one that is not common; the other
//! sessions end), sign out everywhere else, or everywhere (ASVS 5.0 6.2.2, 7.4.3, 7.5.1), and
//! make new recovery codes with a fresh authenticator code (the old ones stop working: after a
//! key rotation, this is how codes hashed under the old key are replaced). They choose the
//! language and time zone of their back-office pages (or leave them to the browser and their
//! center): checked, then stored and audit-logged.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use tera::Context;

use crate::audit::{self, AuditEvent};
use crate::auth::{session, throttle, AdminForm, CurrentStaff};
use crate::db;
use crate::error::AppError;
use crate::i18n::{self, time, Lang};
use crate::staff::{self, service as staff_service};
use crate::state::AppState;
use crate::web::form::FieldErrors;
use crate::web::templates::Viewer;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/account", web::get().to(index))
        .route("/admin/account/password", web::post().to(change_password))
        .route("/admin/account/sessions/end", web::post().to(end_sessions))
        .route("/admin/account/recovery-codes", web::post().to(new_recovery_codes))
        .route("/admin/account/preferences", web::post().to(change_preferences));
}

fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, to)).finish()
}

async fn page(
    state: &AppState,
    me: &CurrentStaff,
    status: StatusCode,
    errors: FieldErrors,
    notice: Option<&str>,
) -> Result<HttpResponse, AppError> {
    let (staff_id, now) = (me.staff.id, chrono::Utc::now().naive_utc());
    let (live, codes_left) = db::run(&state.pool, move |conn| -> Result<_, AppError> {
        Ok((session::count_live(conn, staff_id, now)?, staff::queries::unused_recovery_codes(conn, staff_id)?))
    })
    .await?;
    let mut ctx = Context::new();
    ctx.insert("errors", &errors.0);
    ctx.insert("notice", &notice);
    ctx.insert("needs_code", &me.staff.totp_enabled);
    ctx.insert("other_sessions", &(live - 1).max(0));
    ctx.insert("codes_left", &codes_left);
    ctx.insert("preferences", &preferences_view(me));
    let title = i18n::t(me.lang(), "account-title");
    let body = state.templates.render_admin("admin/account.html", &title, Some(me), ctx)?;
    Ok(HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body))
}

/// One choice of a select: its value, its text, whether it is chosen.
#[derive(serde::Serialize)]
struct Choice {
    value: &'static str,
    label: String,
    selected: bool,
}

/// The language and time-zone menus: "as my browser" / "my center's" first (stored as NULL),
/// each language in its own script, India's zone first.
#[derive(serde::Serialize)]
struct PreferencesView {
    languages: Vec<Choice>,
    zones: Vec<Choice>,
}

fn preferences_view(me: &CurrentStaff) -> PreferencesView {
    let chosen_lang = me.staff.language;
    let chosen_zone = me.staff.time_zone.as_deref();
    let mut languages = vec![Choice {
        value: "",
        label: i18n::t(me.lang(), "account-language-browser"),
        selected: chosen_lang.is_none(),
    }];
    languages.extend(Lang::ALL.into_iter().map(|l| Choice {
        value: l.code(),
        label: l.native_name().to_string(),
        selected: chosen_lang == Some(l),
    }));
    let mut zones =
        vec![Choice { value: "", label: i18n::t(me.lang(), "account-zone-center"), selected: chosen_zone.is_none() }];
    zones.extend(time::OFFERED_ZONES.iter().map(|z| Choice {
        value: z,
        label: z.replace('_', " "),
        selected: chosen_zone == Some(*z),
    }));
    PreferencesView { languages, zones }
}

pub async fn index(state: web::Data<AppState>, req: HttpRequest, me: CurrentStaff) -> Result<HttpResponse, AppError> {
    let notice = match req.query_string() {
        "password=changed" => Some("account-notice-password-changed"),
        "signed_out=others" => Some("account-notice-signed-out-others"),
        "preferences=saved" => Some("account-notice-preferences-saved"),
        _ => None,
    };
    let notice = notice.map(|key| i18n::t(me.lang(), key));
    page(&state, &me, StatusCode::OK, FieldErrors::default(), notice.as_deref()).await
}

#[derive(Deserialize)]
pub struct PreferencesForm {
    #[serde(default)]
    language: String,
    #[serde(default)]
    time_zone: String,
}

/// The language and time zone of one's own pages. Empty means "not chosen" (the browser's
/// language, the center's zone). Both fields are checked before anything is stored; a zone
/// must be one chrono-tz knows.
pub async fn change_preferences(
    state: web::Data<AppState>,
    form: AdminForm<PreferencesForm>,
) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    let mut errors = FieldErrors::default();
    let language = match form.language.trim() {
        "" => None,
        code => Lang::parse(code).or_else(|| {
            errors.add("language", i18n::t(me.lang(), "account-error-language"));
            None
        }),
    };
    let zone = match form.time_zone.trim() {
        "" => None,
        name => time::parse_zone(name).or_else(|| {
            errors.add("time_zone", i18n::t(me.lang(), "account-error-time-zone"));
            None
        }),
    };
    if !errors.is_empty() {
        return page(&state, &me, StatusCode::UNPROCESSABLE_ENTITY, errors, None).await;
    }
    let (staff, actor) = (me.staff.clone(), me.actor());
    let at = chrono::Utc::now().naive_utc();
    db::run(&state.pool, move |conn| {
        db::write(conn, |conn| -> Result<(), AppError> {
            let zone_name = zone.map(|z| z.name());
            staff::queries::set_preferences(conn, staff.id, language, zone_name, at)?;
            audit::record(
                conn,
                &actor,
                &AuditEvent {
                    action: "staff.preferences_changed",
                    entity_type: "staff",
                    entity_id: Some(staff.id.to_string()),
                    center_id: staff.center_id,
                    details: serde_json::json!({
                        "language": language.map(Lang::code),
                        "time_zone": zone_name,
                        "was": { "language": staff.language.map(Lang::code), "time_zone": staff.time_zone },
                    }),
                },
                at,
            )?;
            Ok(())
        })
    })
    .await?;
    Ok(see_other("/admin/account?preferences=saved"))
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
    #[serde(default)]
    code: String,
}

pub async fn change_password(
    state: web::Data<AppState>,
    form: AdminForm<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    if form.password != form.confirm {
        let errors = FieldErrors::one("confirm", "the two new passwords are not the same");
        return page(&state, &me, StatusCode::UNPROCESSABLE_ENTITY, errors, None).await;
    }
    let (staff, actor, cipher, keep) = (me.staff.clone(), me.actor(), state.cipher.clone(), me.session.id_hash.clone());
    let (at, unix) = (chrono::Utc::now().naive_utc(), chrono::Utc::now().timestamp() as u64);
    let client = me.ip.clone().unwrap_or_else(|| "unknown".into());
    let result = db::run(&state.pool, move |conn| {
        // A refused new password is no guess: it is checked before the attempt is counted.
        staff_service::acceptable_new_password(&staff, &form.current, &form.password)?;
        // The current password and a fresh code, guessed from a stolen session, are limited
        // like sign-in attempts.
        let changed = throttle::step_up(conn, &staff.email, &client, at, |conn| {
            staff_service::change_password(
                conn,
                &staff,
                &cipher,
                &form.current,
                &form.password,
                &form.code,
                unix,
                &actor,
                at,
            )
            .map(|()| true)
        })?;
        if let Err(throttle::StepUp::Refused(message)) = changed {
            return Err(AppError::TooMany(message));
        }
        // Whoever else holds a session of this account (a stolen one) is out.
        session::end_all(conn, staff.id, Some(&keep))?;
        Ok(())
    })
    .await;
    match result {
        Ok(()) => Ok(see_other("/admin/account?password=changed")),
        Err(AppError::Invalid(errors)) => page(&state, &me, StatusCode::UNPROCESSABLE_ENTITY, errors, None).await,
        Err(AppError::TooMany(message)) => {
            page(&state, &me, StatusCode::TOO_MANY_REQUESTS, FieldErrors::one("code", message), None).await
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
pub struct EndSessionsForm {
    /// `all` ends every session, this one too; otherwise this browser stays signed in.
    #[serde(default)]
    which: String,
}

/// Sign out everywhere: every other session of this account ends, or all of them.
pub async fn end_sessions(
    state: web::Data<AppState>,
    form: AdminForm<EndSessionsForm>,
) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    let keep_this = form.which != "all";
    let (staff_id, center_id, actor, current) =
        (me.staff.id, me.staff.center_id, me.actor(), me.session.id_hash.clone());
    let at = chrono::Utc::now().naive_utc();
    db::run(&state.pool, move |conn| {
        db::write(conn, |conn| -> Result<(), AppError> {
            let ended = session::end_all(conn, staff_id, keep_this.then_some(current.as_str()))?;
            audit::record(
                conn,
                &actor,
                &AuditEvent {
                    action: "staff.sign_out_everywhere",
                    entity_type: "staff",
                    entity_id: Some(staff_id.to_string()),
                    center_id,
                    details: serde_json::json!({ "kept_this_session": keep_this, "ended": ended }),
                },
                at,
            )?;
            Ok(())
        })
    })
    .await?;
    if keep_this {
        return Ok(see_other("/admin/account?signed_out=others"));
    }
    // The session cookie, removed (the same attributes as when it was set).
    let mut gone =
        Cookie::build(session::COOKIE, "").path("/").secure(true).http_only(true).same_site(SameSite::Lax).finish();
    gone.make_removal();
    Ok(HttpResponse::SeeOther().cookie(gone).insert_header((header::LOCATION, "/admin/login")).finish())
}

#[derive(Deserialize)]
pub struct RecoveryCodesForm {
    #[serde(default)]
    code: String,
}

/// Ten new recovery codes, shown once, after a fresh authenticator code (limited like a sign-in
/// attempt); the old codes stop working. Audit-logged.
pub async fn new_recovery_codes(
    state: web::Data<AppState>,
    form: AdminForm<RecoveryCodesForm>,
) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    let (codes, hashes) = staff_service::new_recovery_codes(&state.cipher);
    let (staff, actor, cipher) = (me.staff.clone(), me.actor(), state.cipher.clone());
    let (at, unix) = (chrono::Utc::now().naive_utc(), chrono::Utc::now().timestamp() as u64);
    let client = me.ip.clone().unwrap_or_else(|| "unknown".into());
    let result = db::run(&state.pool, move |conn| -> Result<(), AppError> {
        if !staff.totp_enabled {
            return Err(AppError::conflict("no_authenticator", "Set up your authenticator first."));
        }
        let passed = throttle::step_up(conn, &staff.email, &client, at, |conn| {
            staff_service::confirm_fresh_totp(conn, &staff, &cipher, &form.code, unix)
        })?;
        match passed {
            Err(throttle::StepUp::Refused(message)) => return Err(AppError::TooMany(message)),
            Ok(false) => {
                return Err(AppError::Invalid(FieldErrors::one(
                    "recovery_code",
                    "That code is not right, or it was already used. Try the newest code.",
                )))
            }
            Ok(true) => {}
        }
        db::write(conn, |conn| -> Result<(), AppError> {
            staff::queries::replace_recovery_codes(conn, staff.id, &hashes)?;
            audit::record(
                conn,
                &actor,
                &AuditEvent {
                    action: "staff.recovery_codes_renewed",
                    entity_type: "staff",
                    entity_id: Some(staff.id.to_string()),
                    center_id: staff.center_id,
                    details: serde_json::json!({ "codes": hashes.len() }),
                },
                at,
            )?;
            Ok(())
        })
    })
    .await;
    match result {
        Ok(()) => {
            let mut ctx = Context::new();
            ctx.insert("codes", &codes);
            ctx.insert("renewed", &true);
            let body = state.templates.render_admin(
                "admin/recovery_codes.html",
                &i18n::t(me.lang(), "recovery-title-new"),
                Some(&me),
                ctx,
            )?;
            Ok(HttpResponse::Ok().content_type("text/html; charset=utf-8").body(body))
        }
        Err(AppError::Invalid(errors)) => page(&state, &me, StatusCode::UNPROCESSABLE_ENTITY, errors, None).await,
        Err(AppError::TooMany(message)) => {
            page(&state, &me, StatusCode::TOO_MANY_REQUESTS, FieldErrors::one("recovery_code", message), None).await
        }
        Err(e) => Err(e),
    }
}
