//! Back-office artisan pages: the list, registering an artisan, editing the public fields,
//! recording consent given or withdrawn, and the private record (finance and admin only; each
//! view audit-logged). Managers act only for their own center's artisans.

use std::collections::HashMap;

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;
use tera::Context;

use crate::artisans::consent::{self, ConsentForm, ConsentKind};
use crate::artisans::models::{consent_holds, consent_today, PublicArtisanRow, PublicRules};
use crate::artisans::portraits;
use crate::artisans::private::{self, PrivateForm};
use crate::artisans::queries;
use crate::artisans::service::{self, NewArtisanForm, PublicForm, SlipLanguageForm};
use crate::auth::permissions::Action;
use crate::auth::Scope;
use crate::auth::{AdminForm, CurrentStaff};
use crate::centers::{self, Center};
use crate::db;
use crate::error::AppError;
use crate::i18n::{self, Lang};
use crate::images::Area;
use crate::state::AppState;
use crate::web::form::FieldErrors;
use crate::web::templates::Viewer;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/artisans", web::get().to(list))
        .route("/admin/artisans", web::post().to(create))
        .route("/admin/artisans/new", web::get().to(new_form))
        .route("/admin/artisans/{id}", web::get().to(show))
        .route("/admin/artisans/{id}", web::post().to(update))
        .route("/admin/artisans/{id}/consent", web::post().to(record_consent))
        .route("/admin/artisans/{id}/slip-language", web::post().to(set_slip_language))
        .route("/admin/artisans/{id}/private", web::get().to(private_view))
        .route("/admin/artisans/{id}/private", web::post().to(private_update))
        .service(
            web::resource("/admin/artisans/{id}/photo")
                .app_data(crate::images::upload::form_config())
                .route(web::post().to(upload_photo)),
        )
        .route("/admin/artisans/{id}/photo/delete", web::post().to(delete_photo))
        .route("/admin/artisans/{id}/portrait", web::get().to(portrait))
        .route("/admin/artisans/{id}/story/approve", web::post().to(approve_story))
        .route("/admin/artisans/{id}/consents/{consent_id}/form", web::get().to(consent_form))
        .service(
            web::resource("/admin/artisans/{id}/consents/{consent_id}/form")
                .app_data(crate::images::upload::form_config())
                .route(web::post().to(upload_consent_form)),
        );
}

fn now() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, to.to_string())).finish()
}

fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body)
}

#[derive(Serialize)]
struct ConsentStatus {
    kind: &'static str,
    label: &'static str,
    /// The kind of consent in the reader's language (`consent-kind-…` in `admin.ftl`).
    name: String,
    /// holds | expired | none
    state: &'static str,
    until: Option<NaiveDate>,
}

fn consent_status(row: &PublicArtisanRow, today: NaiveDate, lang: Lang) -> Vec<ConsentStatus> {
    ConsentKind::ALL
        .iter()
        .map(|&kind| {
            let until = match kind {
                ConsentKind::Story => row.story_consent_until,
                ConsentKind::Photo => row.photo_consent_until,
                ConsentKind::Profile => row.profile_consent_until,
                ConsentKind::Attribution => row.attribution_consent_until,
            };
            let state = match until {
                None => "none",
                Some(_) if consent_holds(until, today) => "holds",
                Some(_) => "expired",
            };
            let name = i18n::t(lang, &format!("consent-kind-{}", kind.code()));
            ConsentStatus { kind: kind.code(), label: kind.label(), name, state, until }
        })
        .collect()
}

#[derive(Serialize)]
struct ArtisanItem {
    id: i64,
    public_id: String,
    alias: String,
    story: Option<String>,
    photo_url: Option<String>,
    center: String,
    consents: Vec<ConsentStatus>,
    joined_on: NaiveDate,
    /// Before this day no story or portrait of theirs is published (NTSAS), whatever consent
    /// says; `None` once it has passed.
    publishable_from: Option<NaiveDate>,
}

fn item(row: &PublicArtisanRow, all_centers: &[Center], rules: PublicRules, lang: Lang) -> ArtisanItem {
    ArtisanItem {
        id: row.id,
        public_id: row.public_id.clone(),
        alias: row.public_alias.clone(),
        story: row.public_story.clone(),
        // Staff see the portrait through their own route: it is not under /media.
        photo_url: row.photo_path.as_ref().map(|_| format!("/admin/artisans/{}/portrait", row.id)),
        center: all_centers
            .iter()
            .find(|c| c.id == row.center_id)
            .map(|c| i18n::center_city(lang, &c.code, &c.city))
            .unwrap_or_default(),
        consents: consent_status(row, rules.today, lang),
        joined_on: row.joined_on,
        publishable_from: (!rules.may_publish_about(row.joined_on)).then(|| rules.publishable_from(row.joined_on)),
    }
}

/// "2026-11" for any day of December 2026: the month whose pay slip is handed out now.
fn last_month(today: NaiveDate) -> String {
    use chrono::Datelike;
    let (y, m) = if today.month() == 1 { (today.year() - 1, 12) } else { (today.year(), today.month() - 1) };
    format!("{y:04}-{m:02}")
}

/// The notice after a save (`?saved=…`), in `lang` (`artisan-saved-…` in `admin.ftl`).
fn notice(req: &HttpRequest, lang: Lang) -> Option<String> {
    let saved = req.query_string().strip_prefix("saved=")?;
    let known = ["created", "public", "consent", "private", "slip_language", "photo", "approved", "form"];
    known.contains(&saved).then(|| i18n::t(lang, &format!("artisan-saved-{}", saved.replace('_', "-"))))
}

pub async fn list(state: web::Data<AppState>, me: CurrentStaff, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let scope = me.center_scope();
    let (rows, all_centers) = db::run(&state.pool, move |conn| -> Result<_, AppError> {
        Ok((queries::list_for_staff(conn, scope)?, centers::all(conn)?))
    })
    .await?;
    let rules = PublicRules::now(&state.settings);
    let mut ctx = Context::new();
    let lang = me.lang();
    ctx.insert("artisans", &rows.iter().map(|r| item(r, &all_centers, rules, lang)).collect::<Vec<_>>());
    ctx.insert("can_create", &Action::ArtisansWrite.allows(me.role));
    ctx.insert("notice", &notice(&req, lang));
    let body =
        state.templates.render_admin("admin/artisans/list.html", &i18n::t(lang, "nav-artisans"), Some(&me), ctx)?;
    Ok(html(StatusCode::OK, body))
}

fn new_page(
    state: &AppState,
    me: &CurrentStaff,
    form: &NewArtisanForm,
    errors: &FieldErrors,
    all_centers: &[Center],
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let mut ctx = Context::new();
    ctx.insert("form", form);
    ctx.insert("errors", errors);
    ctx.insert("centers", all_centers);
    ctx.insert("choose_center", &me.center_scope().is_none());
    let body = state.templates.render_admin("admin/artisans/form.html", "New artisan", Some(me), ctx)?;
    Ok(html(status, body))
}

pub async fn new_form(state: web::Data<AppState>, me: CurrentStaff) -> Result<HttpResponse, AppError> {
    let all_centers = db::run(&state.pool, |conn| centers::all(conn).map_err(AppError::from)).await?;
    let mut form = NewArtisanForm::default();
    form.public.joined_on = consent_today().to_string();
    new_page(&state, &me, &form, &FieldErrors::default(), &all_centers, StatusCode::OK)
}

pub async fn create(state: web::Data<AppState>, form: AdminForm<NewArtisanForm>) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    let errors = match form.parse() {
        Ok(input) => {
            let (editor, cipher) = (Scope::from(&me), state.cipher.clone());
            let at = now();
            let res = db::run::<_, AppError, _>(&state.pool, move |conn| {
                Ok(service::register(conn, &cipher, &editor, &input, at))
            })
            .await?;
            match res {
                Ok(id) => return Ok(see_other(&format!("/admin/artisans/{id}?saved=created"))),
                Err(AppError::Invalid(e)) if !e.0.contains_key("") => e,
                Err(e) => return Err(e),
            }
        }
        Err(e) => e,
    };
    let all_centers = db::run(&state.pool, |conn| centers::all(conn).map_err(AppError::from)).await?;
    new_page(&state, &me, &form, &errors, &all_centers, StatusCode::UNPROCESSABLE_ENTITY)
}

#[derive(Serialize)]
struct HistoryLine {
    id: i64,
    /// The scan of the signed form, when one is stored.
    form_url: Option<String>,
    kind: String,
    action: String,
    given_on: Option<NaiveDate>,
    expires_on: Option<NaiveDate>,
    recorded_by: String,
    recorded_at: String,
}

/// What screening found in the saved story, and where its approval stands.
#[derive(Serialize)]
struct StoryScreening {
    matches: Vec<crate::screening::Match>,
    requested_by: Option<String>,
    approved_by: Option<String>,
    approved_on: Option<NaiveDate>,
    /// This person may approve it (a second staff member who edits artisans).
    can_approve: bool,
}

/// What the show page re-displays after a refused form: the input and its errors.
#[derive(Default)]
struct Retry {
    public: Option<(PublicForm, FieldErrors)>,
    consent: Option<(ConsentForm, FieldErrors)>,
}

async fn load_for(state: &AppState, me: &CurrentStaff, id: i64) -> Result<PublicArtisanRow, AppError> {
    let row = db::run(&state.pool, move |conn| service::find(conn, id)).await?;
    me.require_center(row.center_id)?;
    Ok(row)
}

async fn show_page(
    state: &AppState,
    me: &CurrentStaff,
    row: PublicArtisanRow,
    retry: Retry,
    notice: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let id = row.id;
    let (story, center_id) = (row.public_story.clone(), row.center_id);
    let (history, names, all_centers, slip_language, approval) =
        db::run(&state.pool, move |conn| -> Result<_, AppError> {
            let history = queries::consent_history(conn, id)?;
            let ids: Vec<i64> = history.iter().filter_map(|h| h.recorded_by).collect();
            let names: HashMap<i64, String> = queries::staff_names(conn, &ids)?.into_iter().collect();
            let approval = match &story {
                Some(text) => crate::screening::approvals::status(conn, queries::story_target(id, center_id), text)?,
                None => None,
            };
            Ok((history, names, centers::all(conn)?, queries::slip_language(conn, id)?, approval))
        })
        .await?;
    let matches = row.public_story.as_deref().map(crate::screening::screen).unwrap_or_default();
    let screening = (!matches.is_empty()).then(|| StoryScreening {
        can_approve: Action::ArtisansWrite.allows(me.role)
            && approval
                .as_ref()
                .is_some_and(|a| a.approved_at.is_none() && a.requested_by_staff_id != Some(me.staff.id)),
        requested_by: approval.as_ref().map(|a| a.requested_by.clone()),
        approved_by: approval.as_ref().and_then(|a| a.approved_by.clone()),
        approved_on: approval.as_ref().and_then(|a| a.approved_at).map(|t| t.date()),
        matches,
    });
    let history: Vec<HistoryLine> = history
        .into_iter()
        .map(|h| HistoryLine {
            id: h.id,
            form_url: h.form_path.as_ref().map(|_| format!("/admin/artisans/{id}/consents/{}/form", h.id)),
            recorded_by: h.recorded_by.and_then(|s| names.get(&s).cloned()).unwrap_or_else(|| "system".into()),
            recorded_at: h.recorded_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            kind: h.kind.code().to_string(),
            action: h.action,
            given_on: h.given_on,
            expires_on: h.expires_on,
        })
        .collect();
    let (public_form, public_errors) = retry.public.unwrap_or_else(|| {
        (
            PublicForm {
                alias: row.public_alias.clone(),
                story: row.public_story.clone().unwrap_or_default(),
                joined_on: row.joined_on.to_string(),
            },
            FieldErrors::default(),
        )
    });
    let (consent_form, consent_errors) = retry.consent.unwrap_or_else(|| {
        (
            ConsentForm {
                kind: "story".into(),
                action: "give".into(),
                given_on: consent_today().to_string(),
                expires_on: String::new(),
            },
            FieldErrors::default(),
        )
    });
    let artisan = item(&row, &all_centers, PublicRules::now(&state.settings), me.lang());
    let mut ctx = Context::new();
    ctx.insert("artisan", &artisan);
    ctx.insert("history", &history);
    ctx.insert("screening", &screening);
    ctx.insert("public_form", &public_form);
    ctx.insert("public_errors", &public_errors);
    ctx.insert("consent_form", &consent_form);
    ctx.insert("consent_errors", &consent_errors);
    ctx.insert("kinds", &ConsentKind::ALL.iter().map(|k| (k.code(), k.label())).collect::<Vec<_>>());
    ctx.insert("can_edit", &Action::ArtisansWrite.allows(me.role));
    ctx.insert("can_withdraw", &Action::Consent.allows(me.role));
    ctx.insert("can_see_private", &Action::PrivateRecords.allows(me.role));
    ctx.insert("notice", &notice);
    ctx.insert("slip_language", slip_language.code());
    ctx.insert("languages", &Lang::ALL.iter().map(|l| (l.code(), l.native_name())).collect::<Vec<_>>());
    ctx.insert("can_set_slip_language", &Action::SlipLanguage.allows(me.role));
    ctx.insert("slip_url", &format!("/admin/wages/artisans/{}/slips/{}", row.public_id, last_month(consent_today())));
    let title = format!("Artisan {}", row.public_alias);
    let body = state.templates.render_admin("admin/artisans/show.html", &title, Some(me), ctx)?;
    Ok(html(status, body))
}

pub async fn show(
    state: web::Data<AppState>,
    me: CurrentStaff,
    id: web::Path<i64>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let row = load_for(&state, &me, id.into_inner()).await?;
    let notice = notice(&req, me.lang());
    show_page(&state, &me, row, Retry::default(), notice.as_deref(), StatusCode::OK).await
}

pub async fn update(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: AdminForm<PublicForm>,
) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    let id = id.into_inner();
    let row = load_for(&state, &me, id).await?;
    let errors = match form.parse() {
        Ok(input) => {
            let (editor, at, cipher) = (Scope::from(&me), now(), state.cipher.clone());
            let res = db::run::<_, AppError, _>(&state.pool, move |conn| {
                Ok(service::update_public(conn, &cipher, &editor, id, &input, at))
            })
            .await?;
            match res {
                Ok(()) => return Ok(see_other(&format!("/admin/artisans/{id}?saved=public"))),
                Err(AppError::Invalid(e)) if !e.0.contains_key("") => e,
                Err(e) => return Err(e),
            }
        }
        Err(e) => e,
    };
    let retry = Retry { public: Some((form, errors)), ..Default::default() };
    show_page(&state, &me, row, retry, None, StatusCode::UNPROCESSABLE_ENTITY).await
}

pub async fn record_consent(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: AdminForm<ConsentForm>,
) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    let id = id.into_inner();
    // The table lets finance at this route to withdraw (a takedown never waits for a manager);
    // giving consent is an edit.
    if form.action.trim() != "withdraw" && !Action::ArtisansWrite.allows(me.role) {
        return Err(me.deny("only those who edit artisans may record consent".into()));
    }
    let row = load_for(&state, &me, id).await?;
    let at = now();
    let errors = match form.parse(at) {
        Ok(input) => {
            let editor = Scope::from(&me);
            let res =
                db::run::<_, AppError, _>(&state.pool, move |conn| Ok(consent::record(conn, &editor, id, &input, at)))
                    .await?;
            match res {
                Ok(removed_portrait) => {
                    // The portrait was forgotten in the same write; its files go now.
                    if let Some(old) = removed_portrait {
                        portraits::delete_files(&state.storage, &old).await;
                    }
                    return Ok(see_other(&format!("/admin/artisans/{id}?saved=consent")));
                }
                Err(AppError::Invalid(e)) if !e.0.contains_key("") => e,
                Err(e) => return Err(e),
            }
        }
        Err(e) => e,
    };
    let retry = Retry { consent: Some((form, errors)), ..Default::default() };
    show_page(&state, &me, row, retry, None, StatusCode::UNPROCESSABLE_ENTITY).await
}

/// A second staff member approves the saved story that screening flagged.
pub async fn approve_story(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: AdminForm<Empty>,
) -> Result<HttpResponse, AppError> {
    let me = form.staff;
    let id = id.into_inner();
    load_for(&state, &me, id).await?;
    let editor = Scope::from(&me);
    db::run(&state.pool, move |conn| service::approve_story(conn, &editor, id, now())).await?;
    Ok(see_other(&format!("/admin/artisans/{id}?saved=approved")))
}

/// The pay-slip language: finance, admins, or the manager of the artisan's own center.
pub async fn set_slip_language(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: AdminForm<SlipLanguageForm>,
) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    let id = id.into_inner();
    load_for(&state, &me, id).await?;
    let lang = form.parse().map_err(AppError::Invalid)?;
    let (editor, at) = (Scope::from(&me), now());
    db::run(&state.pool, move |conn| service::set_slip_language(conn, &editor, id, lang, at)).await?;
    Ok(see_other(&format!("/admin/artisans/{id}?saved=slip_language")))
}

fn private_page(
    state: &AppState,
    me: &CurrentStaff,
    row: &PublicArtisanRow,
    form: &PrivateForm,
    errors: &FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let mut ctx = Context::new();
    ctx.insert("artisan_id", &row.id);
    ctx.insert("alias", &row.public_alias);
    ctx.insert("public_id", &row.public_id);
    ctx.insert("form", form);
    ctx.insert("errors", errors);
    let title = format!("Private record of {}", row.public_alias);
    let body = state.templates.render_admin("admin/artisans/private.html", &title, Some(me), ctx)?;
    Ok(html(status, body))
}

/// Finance and admin only; every view is written to the audit log before the page is sent.
pub async fn private_view(
    state: web::Data<AppState>,
    me: CurrentStaff,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let row = load_for(&state, &me, id.into_inner()).await?;
    let (cipher, actor, id, center_id, at) = (state.cipher.clone(), me.actor(), row.id, row.center_id, now());
    let record = db::run(&state.pool, move |conn| private::view(conn, &cipher, &actor, id, center_id, at)).await?;
    private_page(&state, &me, &row, &record, &FieldErrors::default(), StatusCode::OK)
}

pub async fn private_update(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: AdminForm<PrivateForm>,
) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    let row = load_for(&state, &me, id.into_inner()).await?;
    match form.parse() {
        Ok(input) => {
            let (cipher, actor, id, center_id, at) = (state.cipher.clone(), me.actor(), row.id, row.center_id, now());
            let res = db::run::<_, AppError, _>(&state.pool, move |conn| {
                Ok(private::update(conn, &cipher, &actor, id, center_id, &input, at))
            })
            .await?;
            match res {
                Ok(_) => Ok(see_other(&format!("/admin/artisans/{id}?saved=private"))),
                Err(AppError::Invalid(errors)) => {
                    private_page(&state, &me, &row, &form, &errors, StatusCode::UNPROCESSABLE_ENTITY)
                }
                Err(e) => Err(e),
            }
        }
        Err(errors) => private_page(&state, &me, &row, &form, &errors, StatusCode::UNPROCESSABLE_ENTITY),
    }
}

/// The portrait upload: the photo stays in memory and is re-encoded without any metadata
/// (see `images::process`), exactly like piece photos.
#[derive(actix_multipart::form::MultipartForm)]
pub struct PhotoForm {
    csrf_token: Option<actix_multipart::form::text::Text<String>>,
    #[multipart(limit = "15 MiB")]
    image: Option<actix_multipart::form::bytes::Bytes>,
}

pub async fn upload_photo(
    state: web::Data<AppState>,
    me: CurrentStaff,
    path: web::Path<i64>,
    form: actix_multipart::form::MultipartForm<PhotoForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    crate::auth::extract::check_csrf(&me.session, form.csrf_token.as_ref().map(|t| t.as_str()))?;
    let id = path.into_inner();
    load_for(&state, &me, id).await?;
    let bytes = form.image.map(|b| b.data).unwrap_or_default();
    // Portraits live in the private area: no static route serves them (`portraits`).
    let copies = state.image_jobs.run(move || crate::images::process(&bytes)).await;
    let stored = match copies {
        Ok(copies) => crate::images::store::save_in(&state.storage, Area::Private, portraits::FOLDER, &copies)
            .await
            .map_err(|e| crate::images::process::UploadError::Internal(e.to_string())),
        Err(e) => Err(e),
    };
    let stored = match stored {
        Ok(s) => s,
        Err(crate::images::process::UploadError::Busy) => return Ok(crate::images::upload::busy()),
        Err(crate::images::process::UploadError::Internal(cause)) => {
            return Err(AppError::internal(format!("portrait upload: {cause}")))
        }
        Err(other) => return Err(AppError::bad_request("image", format!("The photo was not saved: {other}."))),
    };
    let editor = Scope::from(&me);
    let new_path = stored.path.clone();
    let result = db::run(&state.pool, move |conn| service::set_photo(conn, &editor, id, Some(&new_path), now())).await;
    match result {
        Ok(old) => {
            if let Some(old) = old {
                portraits::delete_files(&state.storage, &old).await;
            }
            Ok(see_other(&format!("/admin/artisans/{id}?saved=photo")))
        }
        Err(e) => {
            crate::images::store::remove_in(
                &state.storage,
                Area::Private,
                portraits::FOLDER,
                &stored.path,
                &stored.variants,
            )
            .await;
            Err(e)
        }
    }
}

pub async fn delete_photo(
    state: web::Data<AppState>,
    form: AdminForm<Empty>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let me = form.staff;
    let id = path.into_inner();
    load_for(&state, &me, id).await?;
    let editor = Scope::from(&me);
    let old = db::run(&state.pool, move |conn| service::set_photo(conn, &editor, id, None, now())).await?;
    if let Some(old) = old {
        portraits::delete_files(&state.storage, &old).await;
    }
    Ok(see_other(&format!("/admin/artisans/{id}?saved=photo")))
}

#[derive(serde::Deserialize)]
pub struct Empty {}

fn private_image(bytes: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("image/jpeg")
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(bytes)
}

/// The current portrait for staff (consent or not: they decide what to record).
pub async fn portrait(
    state: web::Data<AppState>,
    me: CurrentStaff,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let row = load_for(&state, &me, id.into_inner()).await?;
    let path = row.photo_path.ok_or(AppError::NotFound)?;
    let file = portraits::file_of(&path, 400).ok_or(AppError::NotFound)?;
    Ok(private_image(portraits::read(&state.storage, &file).await?))
}

/// Where signed consent forms are kept, under the private directory.
const FORMS_FOLDER: &str = "consent-forms";

/// The scan of a signed consent form: decoded and re-encoded like every photo (no metadata
/// survives), the largest copy kept, in the private directory.
#[derive(actix_multipart::form::MultipartForm)]
pub struct ConsentFormUpload {
    csrf_token: Option<actix_multipart::form::text::Text<String>>,
    #[multipart(limit = "15 MiB")]
    scan: Option<actix_multipart::form::bytes::Bytes>,
}

pub async fn upload_consent_form(
    state: web::Data<AppState>,
    me: CurrentStaff,
    path: web::Path<(i64, i64)>,
    form: actix_multipart::form::MultipartForm<ConsentFormUpload>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    crate::auth::extract::check_csrf(&me.session, form.csrf_token.as_ref().map(|t| t.as_str()))?;
    let (id, consent_id) = path.into_inner();
    load_for(&state, &me, id).await?;
    let bytes = form.scan.map(|b| b.data).unwrap_or_default();
    let largest = state
        .image_jobs
        .run(move || {
            let copies = crate::images::process(&bytes)?;
            Ok(copies.into_iter().max_by_key(|c| c.width).into_iter().collect::<Vec<_>>())
        })
        .await;
    let stored = match largest {
        Ok(largest) => crate::images::store::save_in(&state.storage, Area::Private, FORMS_FOLDER, &largest)
            .await
            .map_err(|e| crate::images::process::UploadError::Internal(e.to_string())),
        Err(e) => Err(e),
    };
    let stored = match stored {
        Ok(s) => s,
        Err(crate::images::process::UploadError::Busy) => return Ok(crate::images::upload::busy()),
        Err(crate::images::process::UploadError::Internal(cause)) => {
            return Err(AppError::internal(format!("consent form upload: {cause}")))
        }
        Err(other) => return Err(AppError::bad_request("scan", format!("The scan was not saved: {other}."))),
    };
    let (editor, new_path) = (Scope::from(&me), stored.path.clone());
    let result =
        db::run(&state.pool, move |conn| consent::attach_form(conn, &editor, id, consent_id, &new_path, now())).await;
    match result {
        Ok(old) => {
            if let Some(old) = old {
                crate::images::store::remove_in(&state.storage, Area::Private, FORMS_FOLDER, &old, "").await;
            }
            Ok(see_other(&format!("/admin/artisans/{id}?saved=form")))
        }
        Err(e) => {
            crate::images::store::remove_in(&state.storage, Area::Private, FORMS_FOLDER, &stored.path, "").await;
            Err(e)
        }
    }
}

/// The scan of a signed consent form: the artisan's center and admins; each view audit-logged.
pub async fn consent_form(
    state: web::Data<AppState>,
    me: CurrentStaff,
    path: web::Path<(i64, i64)>,
) -> Result<HttpResponse, AppError> {
    let (id, consent_id) = path.into_inner();
    load_for(&state, &me, id).await?;
    let editor = Scope::from(&me);
    let stored = db::run(&state.pool, move |conn| consent::form_for_view(conn, &editor, id, consent_id, now())).await?;
    let file = stored
        .strip_prefix("consent-forms/")
        .filter(|f| !f.contains('/') && !f.contains(".."))
        .map(|f| format!("{FORMS_FOLDER}/{f}"))
        .ok_or(AppError::NotFound)?;
    Ok(private_image(portraits::read(&state.storage, &file).await?))
}
