//! The CSV import pages (admin and manager): upload a file (`/admin/import`), see a preview
//! with each row's errors, then confirm (`/admin/import/confirm`). The confirm form carries
//! the file's text back, never parsed data: it is read and checked again before anything is
//! written, all rows in one transaction or none.

use actix_multipart::form::bytes::Bytes;
use actix_multipart::form::text::Text;
use actix_multipart::form::{MultipartForm, MultipartFormConfig};
use actix_multipart::MultipartError;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;
use tera::Context;

use crate::auth::extract::check_csrf;
use crate::auth::CurrentStaff;
use crate::auth::Scope;
use crate::centers::{self, Center};
use crate::db;
use crate::error::AppError;
use crate::import::{self, Report, COLUMNS, MAX_BYTES};
use crate::staff::Role;
use crate::state::AppState;

/// The example file from the README, offered for download on the upload page.
const EXAMPLE_CSV: &str = include_str!("../../tests/fixtures/pieces-example.csv");

pub fn routes(cfg: &mut web::ServiceConfig) {
    // Room for a 5 MB file plus the form's other fields; a larger upload is refused while
    // it is read, with a message rather than a bare 413.
    let limits = || {
        MultipartFormConfig::default()
            .total_limit(MAX_BYTES + 64 * 1024)
            .memory_limit(MAX_BYTES + 64 * 1024)
            .error_handler(upload_error)
    };
    cfg.service(
        web::resource("/admin/import").app_data(limits()).route(web::get().to(form)).route(web::post().to(upload)),
    )
    .service(web::resource("/admin/import/confirm").app_data(limits()).route(web::post().to(confirm)))
    .route("/admin/import/example.csv", web::get().to(example));
}

fn upload_error(err: MultipartError, _: &HttpRequest) -> actix_web::Error {
    let message = match err {
        MultipartError::Payload(actix_web::error::PayloadError::Overflow) => {
            "The file is larger than 5 MB. Split it into smaller files.".to_string()
        }
        other => format!("The upload could not be read ({other}). Choose the file again and retry."),
    };
    AppError::bad_request("file", message).into()
}

#[derive(MultipartForm)]
struct Upload {
    #[multipart(limit = "5 MiB")]
    file: Option<Bytes>,
    center: Option<Text<String>>,
    csrf_token: Option<Text<String>>,
}

#[derive(MultipartForm)]
struct Confirm {
    #[multipart(limit = "6 MiB")]
    csv: Option<Text<String>>,
    center: Option<Text<String>>,
    csrf_token: Option<Text<String>>,
}

fn text(field: &Option<Text<String>>) -> Option<&str> {
    field.as_ref().map(|t| t.0.as_str())
}

fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

#[derive(Serialize)]
struct CenterOption {
    code: String,
    name: String,
}

/// The centers this staff member may import into: a manager's own, or all.
fn allowed_centers(me: &CurrentStaff, all: &[Center]) -> Vec<CenterOption> {
    all.iter()
        .filter(|c| me.can_act_for(c.id))
        .map(|c| CenterOption { code: c.code.clone(), name: c.name.clone() })
        .collect()
}

/// The import's center from the form: a manager's is always their own (naming another is
/// refused and logged); an admin must choose one.
fn chosen_center(me: &CurrentStaff, all: &[Center], posted: Option<&str>) -> Result<Result<Center, String>, AppError> {
    let code = posted.unwrap_or("").trim().to_lowercase();
    if me.role == Role::Manager {
        let own = all
            .iter()
            .find(|c| Some(c.id) == me.staff.center_id)
            .ok_or_else(|| me.deny("manager without a center".into()))?;
        if !code.is_empty() && code != own.code {
            return Err(me.deny(format!("import into center `{code}` refused")));
        }
        return Ok(Ok(own.clone()));
    }
    Ok(match all.iter().find(|c| c.code == code) {
        Some(c) => Ok(c.clone()),
        None if code.is_empty() => Err("Choose the workshop the pieces come from.".into()),
        None => Err(format!("There is no workshop `{code}`.")),
    })
}

async fn load_centers(state: &AppState) -> Result<Vec<Center>, AppError> {
    db::run(&state.pool, |conn| centers::all(conn).map_err(AppError::from)).await
}

fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body)
}

/// The upload form, with an error about the file or the center when it is shown again.
fn upload_page(
    state: &AppState,
    me: &CurrentStaff,
    all: &[Center],
    status: StatusCode,
    center: &str,
    error: Option<(&str, String)>,
) -> Result<HttpResponse, AppError> {
    let mut ctx = Context::new();
    ctx.insert("centers", &allowed_centers(me, all));
    ctx.insert("center", center);
    ctx.insert("columns", &COLUMNS);
    if let Some((field, message)) = error {
        ctx.insert("error_field", field);
        ctx.insert("error", &message);
    }
    let body = state.templates.render_admin("admin/import/upload.html", "Import pieces", Some(me), ctx)?;
    Ok(html(status, body))
}

async fn form(state: web::Data<AppState>, me: CurrentStaff) -> Result<HttpResponse, AppError> {
    let all = load_centers(&state).await?;
    let center = if me.role == Role::Manager {
        chosen_center(&me, &all, None)?.map(|c| c.code).unwrap_or_default()
    } else {
        String::new()
    };
    upload_page(&state, &me, &all, StatusCode::OK, &center, None)
}

/// The example file (the extractor checks the permission table; nothing else to check).
async fn example(_me: CurrentStaff) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, "attachment; filename=\"pieces-example.csv\""))
        .body(EXAMPLE_CSV))
}

/// Checks what a form posted and reads the file; `Err(page)` is the form shown again.
struct Checked {
    center: Center,
    rows: Vec<import::Row>,
    csv: String,
}

async fn accept(
    state: &AppState,
    me: &CurrentStaff,
    csrf: Option<&str>,
    center: Option<&str>,
    file: Option<&[u8]>,
) -> Result<Result<Checked, HttpResponse>, AppError> {
    check_csrf(&me.session, csrf)?;
    let all = load_centers(state).await?;
    let posted = center.unwrap_or("").trim().to_lowercase();
    let center = match chosen_center(me, &all, Some(&posted))? {
        Ok(c) => c,
        Err(message) => {
            return upload_page(state, me, &all, StatusCode::UNPROCESSABLE_ENTITY, &posted, Some(("center", message)))
                .map(Err)
        }
    };
    let Some(bytes) = file.filter(|b| !b.is_empty()) else {
        let message = "Choose a CSV file to import.".to_string();
        return upload_page(state, me, &all, StatusCode::UNPROCESSABLE_ENTITY, &center.code, Some(("file", message)))
            .map(Err);
    };
    match import::read(bytes) {
        Ok(rows) => {
            // `read` accepted the bytes, so they are UTF-8.
            let csv = String::from_utf8_lossy(bytes).into_owned();
            Ok(Ok(Checked { center, rows, csv }))
        }
        Err(e) => {
            upload_page(state, me, &all, StatusCode::UNPROCESSABLE_ENTITY, &center.code, Some(("file", e.0))).map(Err)
        }
    }
}

async fn upload(
    state: web::Data<AppState>,
    me: CurrentStaff,
    MultipartForm(form): MultipartForm<Upload>,
) -> Result<HttpResponse, AppError> {
    let file = form.file.as_ref().map(|f| f.data.as_ref());
    let checked = match accept(&state, &me, text(&form.csrf_token), text(&form.center), file).await? {
        Ok(c) => c,
        Err(page) => return Ok(page),
    };
    let editor = Scope::from(&me);
    let currency = state.settings.currency;
    let (center, rows) = (checked.center.clone(), checked.rows);
    let report =
        db::run(&state.pool, move |conn| import::check(conn, &editor, &rows, &center, currency, now())).await?;
    preview_page(&state, &me, &checked.center, &report, &checked.csv)
}

fn preview_page(
    state: &AppState,
    me: &CurrentStaff,
    center: &Center,
    report: &Report,
    csv: &str,
) -> Result<HttpResponse, AppError> {
    let mut ctx = Context::new();
    ctx.insert("report", report);
    ctx.insert("clean", &report.is_clean());
    ctx.insert("count", &report.rows.len());
    ctx.insert("bad", &report.rows_with_errors());
    ctx.insert("csv", csv);
    ctx.insert("center", &center.code);
    ctx.insert("center_name", &center.name);
    let status = if report.is_clean() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let body = state.templates.render_admin("admin/import/preview.html", "Import preview", Some(me), ctx)?;
    Ok(html(status, body))
}

async fn confirm(
    state: web::Data<AppState>,
    me: CurrentStaff,
    MultipartForm(form): MultipartForm<Confirm>,
) -> Result<HttpResponse, AppError> {
    // A textarea sends CRLF line ends; the file's own are restored before it is read again.
    let csv = text(&form.csv).map(|s| s.replace("\r\n", "\n"));
    let checked =
        match accept(&state, &me, text(&form.csrf_token), text(&form.center), csv.as_deref().map(str::as_bytes)).await?
        {
            Ok(c) => c,
            Err(page) => return Ok(page),
        };
    let editor = Scope::from(&me);
    let currency = state.settings.currency;
    let (center, rows) = (checked.center.clone(), checked.rows);
    let report =
        db::run(&state.pool, move |conn| import::import(conn, &editor, &rows, &center, currency, now(), &mut || {}))
            .await?;
    if !report.imported {
        return preview_page(&state, &me, &checked.center, &report, &checked.csv);
    }
    let mut ctx = Context::new();
    ctx.insert("report", &report);
    ctx.insert("count", &report.rows.len());
    ctx.insert("center_name", &checked.center.name);
    let body = state.templates.render_admin("admin/import/done.html", "Pieces imported", Some(&me), ctx)?;
    Ok(html(StatusCode::OK, body))
}
