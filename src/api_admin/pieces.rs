//! `/api/admin/v1/pieces`: the inventory as JSON for staff programs (stock sync, label
//! printers). Reads show every status; writes take the same `PieceForm` the back-office form
//! posts and go through `inventory::service` (center checks, audit log, catalog version).
//! Field names here are a contract: add, never rename.

use std::collections::HashMap;

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::auth::ApiStaff;
use super::queries;
use crate::catalog::api::{MoneyJson, PaginationJson};
use crate::catalog::models::PieceRow;
use crate::catalog::queries as catalog_queries;
use crate::catalog::types::PieceStatus;
use crate::centers;
use crate::db::{self, DbConn};
use crate::error::{ApiErrorBody, AppError};
use crate::inventory::{service, PieceForm};
use crate::money::Money;
use crate::state::AppState;
use crate::web::form::FieldErrors;

pub const DEFAULT_PER_PAGE: i64 = 50;
pub const MAX_PER_PAGE: i64 = 200;

/// A piece as staff see it, whatever its status.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AdminPiece {
    pub id: i64,
    pub sku: String,
    pub slug: String,
    pub title: String,
    /// ring, pendant, earrings, bangle, necklace, bracelet, nose_pin, chain
    pub kind: String,
    pub metal: String,
    pub purity: String,
    pub gross_weight_mg: i64,
    pub net_weight_mg: i64,
    pub ring_size: Option<i32>,
    pub huid: Option<String>,
    pub price: MoneyJson,
    /// draft, listed, held, sold, withdrawn
    pub status: String,
    /// The center's code: kolkata or mumbai.
    pub center: String,
    pub featured: bool,
    /// RFC 3339, UTC.
    pub listed_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// The public page, while the piece is public (listed, held or sold).
    pub url: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AdminStone {
    pub kind: String,
    pub count: i32,
    pub carats_hundredths: i64,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AdminMaker {
    pub artisan_public_id: String,
    pub labor_minutes: i64,
}

/// One piece with its description, stones and makers, and `form`: the piece as a `PieceForm`,
/// ready to change and send back with PUT.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AdminPieceDetail {
    #[serde(flatten)]
    pub piece: AdminPiece,
    pub description: String,
    pub stones: Vec<AdminStone>,
    pub makers: Vec<AdminMaker>,
    pub form: PieceForm,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AdminPieceList {
    pub data: Vec<AdminPiece>,
    pub pagination: PaginationJson,
}

/// The list's query string; every parameter is optional.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AdminPieceQuery {
    /// draft, listed, held, sold or withdrawn
    pub status: Option<String>,
    /// kolkata or mumbai; a manager sees only their own center
    pub center: Option<String>,
    /// from 1
    #[param(value_type = Option<i64>)]
    pub page: Option<String>,
    /// 1 to 200, default 50
    #[param(value_type = Option<i64>)]
    pub per_page: Option<String>,
}

fn now() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

fn rfc3339(t: NaiveDateTime) -> String {
    t.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn whole_number(field: &'static str, value: Option<&str>, max: i64, default: i64) -> Result<i64, AppError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(default),
        Some(v) => v.parse::<i64>().ok().filter(|n| (1..=max).contains(n)).ok_or_else(|| {
            let shown: String = v.chars().take(20).collect();
            AppError::bad_request(field, format!("{field} must be a whole number from 1 to {max} (got `{shown}`)"))
        }),
    }
}

fn admin_piece(p: &PieceRow, center_codes: &HashMap<i64, String>, state: &AppState) -> Result<AdminPiece, AppError> {
    let currency = p.currency;
    let public = p.status.is_public();
    Ok(AdminPiece {
        id: p.id,
        sku: p.sku.clone(),
        slug: p.slug.clone(),
        title: p.title.clone(),
        kind: p.kind.code().to_string(),
        metal: p.metal.code().to_string(),
        purity: p.purity.code().to_string(),
        gross_weight_mg: p.gross_weight_mg,
        net_weight_mg: p.net_weight_mg,
        ring_size: p.ring_size,
        huid: p.huid.clone(),
        price: Money::new(p.price_minor, currency).into(),
        status: p.status.code().to_string(),
        center: center_codes.get(&p.center_id).cloned().unwrap_or_default(),
        featured: p.featured,
        listed_at: p.listed_at.map(rfc3339),
        created_at: rfc3339(p.created_at),
        updated_at: rfc3339(p.updated_at),
        url: public.then(|| state.settings.absolute_url(&format!("/pieces/{}", p.slug))),
    })
}

fn center_codes(conn: &mut DbConn) -> Result<HashMap<i64, String>, AppError> {
    Ok(centers::all(conn)?.into_iter().map(|c| (c.id, c.code)).collect())
}

/// Everything the detail needs, read together.
struct DetailParts {
    row: PieceRow,
    codes: HashMap<i64, String>,
    stones: Vec<AdminStone>,
    makers: Vec<AdminMaker>,
    form: PieceForm,
}

fn load_detail(conn: &mut DbConn, id: i64) -> Result<DetailParts, AppError> {
    let row = service::find(conn, id)?;
    let stones = catalog_queries::stones_of(conn, id)?
        .into_iter()
        .map(|s| AdminStone { kind: s.kind, count: s.count, carats_hundredths: s.carats_hundredths })
        .collect();
    let makers = queries::makers_of(conn, id)?
        .into_iter()
        .map(|(artisan_public_id, labor_minutes)| AdminMaker { artisan_public_id, labor_minutes })
        .collect();
    let form = service::form_of(conn, &row)?;
    Ok(DetailParts { codes: center_codes(conn)?, row, stones, makers, form })
}

fn detail_json(parts: DetailParts, state: &AppState) -> Result<AdminPieceDetail, AppError> {
    Ok(AdminPieceDetail {
        piece: admin_piece(&parts.row, &parts.codes, state)?,
        description: parts.row.description.clone(),
        stones: parts.stones,
        makers: parts.makers,
        form: parts.form,
    })
}

async fn detail(state: &AppState, id: i64) -> Result<AdminPieceDetail, AppError> {
    let parts = db::run(&state.pool, move |conn| load_detail(conn, id)).await?;
    detail_json(parts, state)
}

/// The request body as a `PieceForm`. Numbers are taken as their text (`"price": 625` is
/// `"625"`); unknown keys are refused, so a misspelt optional field is not silently dropped.
pub fn parse_body(body: &[u8]) -> Result<PieceForm, AppError> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| AppError::bad_request("body", format!("the body is not valid JSON: {e}")))?;
    let Value::Object(object) = value else {
        return Err(AppError::bad_request("body", "the body must be a JSON object with the piece's fields"));
    };
    let known = match serde_json::to_value(PieceForm::default()) {
        Ok(Value::Object(m)) => m,
        _ => return Err(AppError::internal("PieceForm is not an object")),
    };
    let mut errors = FieldErrors::default();
    let mut clean = serde_json::Map::new();
    for (key, v) in object {
        if !known.contains_key(&key) {
            let expected: Vec<&str> = known.keys().map(String::as_str).collect();
            let shown: String = key.chars().take(40).collect();
            errors.add(&shown, format!("unknown field; expected one of {}", expected.join(", ")));
            continue;
        }
        match v {
            Value::String(s) => {
                clean.insert(key, Value::String(s));
            }
            Value::Number(n) => {
                clean.insert(key, Value::String(n.to_string()));
            }
            Value::Null => {}
            _ => errors.add(&key, "must be text (or a number)"),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Unprocessable { code: "invalid_piece", fields: errors });
    }
    serde_json::from_value(Value::Object(clean))
        .map_err(|e| AppError::bad_request("body", format!("the body could not be read: {e}")))
}

/// List pieces, newest first. Managers see their own center's pieces only.
#[utoipa::path(
    get,
    path = "/api/admin/v1/pieces",
    tag = "admin",
    params(AdminPieceQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "One page of pieces", body = AdminPieceList),
        (status = 400, description = "A query parameter is not valid", body = ApiErrorBody),
        (status = 401, description = "No valid API token", body = ApiErrorBody),
        (status = 403, description = "A manager asked for another center", body = ApiErrorBody),
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    me: ApiStaff,
    query: web::Query<AdminPieceQuery>,
) -> Result<HttpResponse, AppError> {
    let q = query.into_inner();
    let status = match q.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(PieceStatus::parse(s).map_err(|e| AppError::bad_request("status", e.0))?),
    };
    let page = whole_number("page", q.page.as_deref(), i64::from(u32::MAX), 1)?;
    let per_page = whole_number("per_page", q.per_page.as_deref(), MAX_PER_PAGE, DEFAULT_PER_PAGE)?;
    let center = q.center.map(|c| c.trim().to_lowercase()).filter(|c| !c.is_empty());
    let who = me.clone();
    let (rows, total, codes) = db::run(&state.pool, move |conn| {
        let codes = center_codes(conn)?;
        let asked = match center {
            None => None,
            Some(code) => Some(
                codes
                    .iter()
                    .find(|(_, c)| **c == code)
                    .map(|(id, _)| *id)
                    .ok_or_else(|| AppError::bad_request("center", "unknown center; expected kolkata or mumbai"))?,
            ),
        };
        if let Some(asked) = asked {
            who.require_center(asked)?;
        }
        // A manager's list is their own center's, whether they name it or not.
        let center_id = who.center_scope().or(asked);
        let (rows, total) =
            queries::list(conn, status.map(PieceStatus::code), center_id, per_page, (page - 1) * per_page)?;
        Ok::<_, AppError>((rows, total, codes))
    })
    .await?;
    let data = rows.iter().map(|p| admin_piece(p, &codes, &state)).collect::<Result<Vec<_>, _>>()?;
    let total_pages = if total == 0 { 0 } else { (total + per_page - 1) / per_page };
    Ok(HttpResponse::Ok()
        .json(AdminPieceList { data, pagination: PaginationJson { page, per_page, total, total_pages } }))
}

/// One piece, any status, with stones, makers and its editable `form`.
#[utoipa::path(
    get,
    path = "/api/admin/v1/pieces/{id}",
    tag = "admin",
    params(("id" = i64, Path, description = "The piece's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The piece", body = AdminPieceDetail),
        (status = 401, description = "No valid API token", body = ApiErrorBody),
        (status = 403, description = "The piece belongs to another manager's center", body = ApiErrorBody),
        (status = 404, description = "No such piece", body = ApiErrorBody),
    )
)]
pub async fn show(state: web::Data<AppState>, me: ApiStaff, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let parts = db::run(&state.pool, move |conn| load_detail(conn, id)).await?;
    me.require_center(parts.row.center_id)?;
    Ok(HttpResponse::Ok().json(detail_json(parts, &state)?))
}

async fn piece_center(state: &AppState, id: i64) -> Result<i64, AppError> {
    db::run(&state.pool, move |conn| service::find(conn, id).map(|p| p.center_id)).await
}

/// Create a piece as a draft. A manager's piece belongs to their center (`center` may be left
/// out); an admin names the center.
#[utoipa::path(
    post,
    path = "/api/admin/v1/pieces",
    tag = "admin",
    request_body(content = PieceForm, description = "The piece; every value is text, as typed in the back office"),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created (a draft); `Location` names it", body = AdminPieceDetail),
        (status = 400, description = "The body is not a JSON object", body = ApiErrorBody),
        (status = 401, description = "No valid API token", body = ApiErrorBody),
        (status = 403, description = "Finance, or a manager writing for another center", body = ApiErrorBody),
        (status = 422, description = "Errors per field; nothing was created", body = ApiErrorBody),
    )
)]
pub async fn create(state: web::Data<AppState>, me: ApiStaff, body: web::Bytes) -> Result<HttpResponse, AppError> {
    let input = parse_body(&body)?.parse(state.settings.currency).map_err(AppError::Invalid).map_err(piece_errors)?;
    let editor = me.editor();
    let at = now();
    let id = db::run(&state.pool, move |conn| service::create(conn, &editor, &input, at).map_err(piece_errors)).await?;
    let piece = detail(&state, id).await?;
    Ok(HttpResponse::Created().insert_header((header::LOCATION, format!("/api/admin/v1/pieces/{id}"))).json(piece))
}

/// Replace a piece's attributes, stones and makers (fields left out become empty).
#[utoipa::path(
    put,
    path = "/api/admin/v1/pieces/{id}",
    tag = "admin",
    params(("id" = i64, Path, description = "The piece's id")),
    request_body(content = PieceForm, description = "The whole piece, e.g. the `form` of GET with changes"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The changed piece", body = AdminPieceDetail),
        (status = 400, description = "The body is not a JSON object", body = ApiErrorBody),
        (status = 401, description = "No valid API token", body = ApiErrorBody),
        (status = 403, description = "Finance, or another center's piece", body = ApiErrorBody),
        (status = 404, description = "No such piece", body = ApiErrorBody),
        (status = 422, description = "Errors per field; nothing was changed", body = ApiErrorBody),
    )
)]
pub async fn update(
    state: web::Data<AppState>,
    me: ApiStaff,
    id: web::Path<i64>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    // Another center's piece is refused before its body is looked at.
    me.require_center(piece_center(&state, id).await?)?;
    let input = parse_body(&body)?.parse(state.settings.currency).map_err(AppError::Invalid).map_err(piece_errors)?;
    let editor = me.editor();
    let at = now();
    db::run(&state.pool, move |conn| service::update(conn, &editor, id, &input, at).map_err(piece_errors)).await?;
    Ok(HttpResponse::Ok().json(detail(&state, id).await?))
}

/// Publish: a draft or withdrawn piece becomes listed (for sale on the storefront).
#[utoipa::path(
    post,
    path = "/api/admin/v1/pieces/{id}/publish",
    tag = "admin",
    params(("id" = i64, Path, description = "The piece's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The piece, now listed", body = AdminPieceDetail),
        (status = 401, description = "No valid API token", body = ApiErrorBody),
        (status = 403, description = "Finance, or another center's piece", body = ApiErrorBody),
        (status = 404, description = "No such piece", body = ApiErrorBody),
        (status = 409, description = "The piece cannot be listed from its status (`invalid_status`), or its description \
            mentions times, places or contacts and waits for a second staff member's approval \
            (`screening_approval_required`)", body = ApiErrorBody),
        (status = 422, description = "Basics are missing (`not_ready_to_publish`): `fields` has a message for each of \
            `photo`, `description`, `huid`, `labor`, `price` that is missing or out of range", body = ApiErrorBody),
    )
)]
pub async fn publish(state: web::Data<AppState>, me: ApiStaff, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    set_status(state, me, id.into_inner(), PieceStatus::Listed).await
}

/// Withdraw: a listed (or draft) piece leaves the storefront. Reserved and sold pieces belong
/// to an order and cannot be withdrawn.
#[utoipa::path(
    post,
    path = "/api/admin/v1/pieces/{id}/withdraw",
    tag = "admin",
    params(("id" = i64, Path, description = "The piece's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The piece, now withdrawn", body = AdminPieceDetail),
        (status = 401, description = "No valid API token", body = ApiErrorBody),
        (status = 403, description = "Finance, or another center's piece", body = ApiErrorBody),
        (status = 404, description = "No such piece", body = ApiErrorBody),
        (status = 409, description = "The piece cannot be withdrawn from its status", body = ApiErrorBody),
    )
)]
pub async fn withdraw(state: web::Data<AppState>, me: ApiStaff, id: web::Path<i64>) -> Result<HttpResponse, AppError> {
    set_status(state, me, id.into_inner(), PieceStatus::Withdrawn).await
}

async fn set_status(
    state: web::Data<AppState>,
    me: ApiStaff,
    id: i64,
    to: PieceStatus,
) -> Result<HttpResponse, AppError> {
    let editor = me.editor();
    let at = now();
    let rules = state.settings.publishing.clone();
    db::run(&state.pool, move |conn| {
        service::set_status(conn, &editor, id, to, &rules, at).map_err(|e| match e {
            AppError::Invalid(fields) => AppError::Conflict { code: "invalid_status", fields },
            other => other,
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(detail(&state, id).await?))
}

/// The piece's input had mistakes: 422 `invalid_piece` with a message per field (what the
/// back office shows next to each field).
fn piece_errors(e: AppError) -> AppError {
    match e {
        AppError::Invalid(fields) => AppError::Unprocessable { code: "invalid_piece", fields },
        other => other,
    }
}
