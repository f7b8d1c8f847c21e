//! The time register's week (`/admin/wages/register`): one plain form, artisans × kinds of hour
//! down, the seven days across, hours typed in each cell (8, 7.5 or 7.25). Managers enter
//! their own center's week; finance and admins see any center's. Each input is named by its
//! row and column headers (`aria-labelledby`), and the tab order runs along each row.

use std::collections::{BTreeMap, HashMap};

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use tera::Context;

use super::terms::READERS;
use super::{html, now, parse_date, see_other, today};
use crate::auth::{AdminForm, CurrentStaff};
use crate::centers::{self, Center};
use crate::db;
use crate::error::AppError;
use crate::state::AppState;
use crate::wages::register::{self, parse_hours, Cell};
use crate::wages::types::HourKind;
use crate::web::form::FieldErrors;
use crate::web::templates::Viewer;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct WeekQuery {
    center: String,
    week: String,
    saved: String,
}

/// A cell's form name: `h.{artisan id}.{YYYY-MM-DD}.{kind}`.
fn cell_name(artisan_id: i64, day: NaiveDate, kind: HourKind) -> String {
    format!("h.{artisan_id}.{day}.{}", kind.code())
}

/// Minutes as the cell shows them: 450 → "7.5", 0 → "".
fn show_hours(minutes: i64) -> String {
    if minutes == 0 {
        return String::new();
    }
    (Decimal::from(minutes) / Decimal::from(60)).normalize().to_string()
}

#[derive(Serialize)]
struct DayView {
    id: String,
    label: String,
}

#[derive(Serialize)]
struct CellView {
    name: String,
    value: String,
    error: Option<String>,
}

#[derive(Serialize)]
struct RowView {
    id: String,
    artisan: String,
    kind: &'static str,
    /// The kind's code: the template names it in the reader's language (`hour-kind-…`).
    kind_code: &'static str,
    first_of_artisan: bool,
    cells: Vec<CellView>,
}

/// The center a person works on here: a manager's own; otherwise the one asked for (or the first).
fn chosen_center(me: &CurrentStaff, all: &[Center], code: &str) -> Result<Center, AppError> {
    let c = match me.center_scope() {
        Some(own) => all.iter().find(|c| c.id == own),
        None => all.iter().find(|c| c.code == code.trim()).or(all.first()),
    };
    c.cloned().ok_or(AppError::NotFound)
}

#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    me: &CurrentStaff,
    center: Center,
    monday: NaiveDate,
    typed: Option<HashMap<String, String>>,
    errors: &FieldErrors,
    problems: &[String],
    notice: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let center_id = center.id;
    let (roster, cells, confirmed) = db::run(&state.pool, move |conn| -> Result<_, AppError> {
        Ok((
            register_roster(conn, center_id)?,
            register::between(conn, center_id, monday, monday + Duration::days(6))?,
            register::confirmations(conn, center_id, monday)?,
        ))
    })
    .await?;
    let artisans: Vec<(i64, String)> = roster.iter().map(|(id, _, alias)| (*id, alias.clone())).collect();
    let confirmations: Vec<serde_json::Value> = roster
        .iter()
        .map(|(id, public_id, alias)| {
            let c = confirmed.iter().find(|c| c.artisan_id == *id);
            serde_json::json!({
                "public_id": public_id,
                "alias": alias,
                "has_hours": cells.iter().any(|cell| cell.artisan_id == *id),
                "confirmed_on": c.map(|c| c.confirmed_on.to_string()),
                "recorded_by": c.map(|c| c.recorded_by.clone()),
            })
        })
        .collect();
    let stored: HashMap<String, i64> =
        cells.iter().map(|c| (cell_name(c.artisan_id, c.work_date, c.kind), c.minutes)).collect();
    let days: Vec<NaiveDate> = (0..7).map(|i| monday + Duration::days(i)).collect();
    let mut rows = Vec::new();
    for (id, alias) in &artisans {
        for (k, kind) in HourKind::ALL.iter().enumerate() {
            rows.push(RowView {
                id: format!("r-{id}-{}", kind.code()),
                artisan: alias.clone(),
                kind: kind.label(),
                kind_code: kind.code(),
                first_of_artisan: k == 0,
                cells: days
                    .iter()
                    .map(|d| {
                        let name = cell_name(*id, *d, *kind);
                        let value = match &typed {
                            Some(t) => t.get(&name).cloned().unwrap_or_default(),
                            None => show_hours(stored.get(&name).copied().unwrap_or(0)),
                        };
                        CellView { error: errors.0.get(&name).cloned(), name, value }
                    })
                    .collect(),
            });
        }
    }
    let all_centers = if me.center_scope().is_none() {
        db::run(&state.pool, |conn| centers::all(conn).map_err(AppError::from)).await?
    } else {
        Vec::new()
    };
    let mut ctx = Context::new();
    ctx.insert("center", &center.code);
    ctx.insert("city", &center.city);
    ctx.insert("center_options", &all_centers.iter().map(|c| (c.code.clone(), c.city.clone())).collect::<Vec<_>>());
    ctx.insert("week", &monday.to_string());
    ctx.insert("prev_week", &(monday - Duration::days(7)).to_string());
    ctx.insert("next_week", &(monday + Duration::days(7)).to_string());
    ctx.insert(
        "days",
        &days
            .iter()
            .map(|d| DayView { id: format!("d-{d}"), label: d.format("%a %-d %b").to_string() })
            .collect::<Vec<_>>(),
    );
    ctx.insert("rows", &rows);
    ctx.insert("confirmations", &confirmations);
    ctx.insert("problems", problems);
    ctx.insert("today", &today().to_string());
    ctx.insert("can_edit", &matches!(me.role, crate::staff::Role::Admin | crate::staff::Role::Manager));
    ctx.insert("errors", errors);
    ctx.insert("notice", &notice);
    let title = crate::i18n::t_with(
        me.lang(),
        "wages-register-heading",
        &[("city", center.city.clone().into()), ("week", monday.to_string().into())],
    );
    let body = state.templates.render_admin("admin/wages/register.html", &title, Some(me), ctx)?;
    Ok(html(status, body))
}

/// (id, public id, alias) of a center's artisans.
fn register_roster(conn: &mut db::DbConn, center_id: i64) -> diesel::QueryResult<Vec<(i64, String, String)>> {
    use crate::schema::artisans::dsl as a;
    use diesel::prelude::*;
    a::artisans
        .filter(a::center_id.eq(center_id))
        .order(a::id)
        .select((a::id, a::public_id, a::public_alias))
        .load(conn)
}

fn week_of(s: &str) -> Result<NaiveDate, AppError> {
    match s.trim() {
        "" => Ok(register::monday_of(today())),
        t => parse_date(t, "week").map(register::monday_of).map_err(|m| AppError::bad_request("week", m)),
    }
}

pub async fn register_page(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<WeekQuery>,
) -> Result<HttpResponse, AppError> {
    me.require(READERS)?;
    let monday = week_of(&query.week)?;
    let all = db::run(&state.pool, |conn| centers::all(conn).map_err(AppError::from)).await?;
    let center = chosen_center(&me, &all, &query.center)?;
    let notice = (!query.saved.is_empty()).then(|| super::tr(&me, "wages-notice-week-saved"));
    render(&state, &me, center, monday, None, &FieldErrors::default(), &[], notice, StatusCode::OK).await
}

pub async fn register_save(
    state: web::Data<AppState>,
    form: AdminForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    let fields: HashMap<String, String> = form.into_iter().collect();
    let get = |k: &str| fields.get(k).map(String::as_str).unwrap_or("");
    let monday = week_of(get("week"))?;
    let all = db::run(&state.pool, |conn| centers::all(conn).map_err(AppError::from)).await?;
    let center = chosen_center(&me, &all, get("center"))?;
    me.require_center(center.id)?;
    let center_id = center.id;
    let artisans: Vec<(i64, String)> =
        db::run(&state.pool, move |conn| register_roster(conn, center_id).map_err(AppError::from))
            .await?
            .into_iter()
            .map(|(id, _, alias)| (id, alias))
            .collect();
    let mut errors = FieldErrors::default();
    let mut cells = Vec::new();
    let mut per_day: BTreeMap<(i64, NaiveDate), i64> = BTreeMap::new();
    for (id, alias) in &artisans {
        for i in 0..7 {
            let day = monday + Duration::days(i);
            for kind in HourKind::ALL {
                let name = cell_name(*id, day, kind);
                match parse_hours(get(&name)) {
                    Ok(0) => {}
                    Ok(minutes) => {
                        *per_day.entry((*id, day)).or_default() += minutes;
                        cells.push(Cell { artisan_id: *id, work_date: day, kind, minutes });
                    }
                    Err(m) => errors.add(&name, format!("{alias}, {} on {day}: {m}", kind.label())),
                }
            }
        }
        for ((a, day), m) in &per_day {
            if a == id && *m > 24 * 60 {
                errors.add("form", format!("{alias} has more than 24 hours on {day}"));
            }
        }
    }
    let status = if errors.is_empty() {
        let ids: Vec<i64> = artisans.iter().map(|a| a.0).collect();
        let (actor, at) = (me.actor(), now());
        let res = db::run::<_, AppError, _>(&state.pool, move |conn| {
            Ok(register::save_week(conn, &actor, center_id, monday, &ids, &cells, at))
        })
        .await?;
        match res {
            Ok(_) => {
                return Ok(see_other(&format!("/admin/wages/register?center={}&week={monday}&saved=1", center.code)))
            }
            Err(e @ (AppError::Conflict { .. } | AppError::Invalid(_))) => {
                let status = if matches!(e, AppError::Conflict { .. }) {
                    StatusCode::CONFLICT
                } else {
                    StatusCode::UNPROCESSABLE_ENTITY
                };
                errors.add("form", format!("Nothing was saved: {}", e.public_message()));
                status
            }
            Err(e) => return Err(e),
        }
    } else {
        if !errors.0.contains_key("form") {
            errors.add("form", "Nothing was saved; please correct the cells marked below.");
        }
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render(&state, &me, center, monday, Some(fields), &errors, &[], None, status).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ConfirmForm {
    center: String,
    week: String,
    artisan: String,
    confirmed_on: String,
}

/// Records that an artisan confirmed their week (a manager of their center, or an admin).
pub async fn register_confirm(
    state: web::Data<AppState>,
    form: AdminForm<ConfirmForm>,
) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    let monday = week_of(&form.week)?;
    let all = db::run(&state.pool, |conn| centers::all(conn).map_err(AppError::from)).await?;
    let center = chosen_center(&me, &all, &form.center)?;
    me.require_center(center.id)?;
    let mut errors = FieldErrors::default();
    let confirmed_on =
        parse_date(&form.confirmed_on, "day the artisan confirmed").map_err(|m| errors.add("confirmed_on", m)).ok();
    let (center_id, public_id) = (center.id, form.artisan.trim().to_string());
    if let (Some(on), true) = (confirmed_on, errors.is_empty()) {
        let (actor, at) = (me.actor(), now());
        let res = db::run::<_, AppError, _>(&state.pool, move |conn| {
            let artisan = register_roster(conn, center_id)?.into_iter().find(|(_, p, _)| *p == public_id);
            Ok(match artisan {
                Some((id, _, _)) => register::confirm_week(conn, &actor, center_id, id, monday, on, at),
                None => Err(AppError::bad_request("artisan", "choose an artisan of this workshop")),
            })
        })
        .await?;
        match res {
            Ok(()) => {
                return Ok(see_other(&format!("/admin/wages/register?center={}&week={monday}&saved=1", center.code)))
            }
            Err(e @ (AppError::Conflict { .. } | AppError::Invalid(_))) => errors.add("form", e.public_message()),
            Err(e) => return Err(e),
        }
    }
    let problems: Vec<String> =
        errors.0.into_values().map(|m| format!("The confirmation was not recorded: {m}")).collect();
    render(
        &state,
        &me,
        center,
        monday,
        None,
        &FieldErrors::default(),
        &problems,
        None,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

#[derive(actix_multipart::form::MultipartForm)]
pub struct ImportUpload {
    #[multipart(limit = "1 MiB")]
    file: Option<actix_multipart::form::bytes::Bytes>,
    center: Option<actix_multipart::form::text::Text<String>>,
    week: Option<actix_multipart::form::text::Text<String>>,
    csrf_token: Option<actix_multipart::form::text::Text<String>>,
}

/// Imports a register CSV (`artisan,date,kind,hours`): every problem listed at once, nothing
/// saved unless the whole file is right.
pub async fn register_import(
    state: web::Data<AppState>,
    me: CurrentStaff,
    actix_multipart::form::MultipartForm(form): actix_multipart::form::MultipartForm<ImportUpload>,
) -> Result<HttpResponse, AppError> {
    let text =
        |f: &Option<actix_multipart::form::text::Text<String>>| f.as_ref().map(|t| t.0.clone()).unwrap_or_default();
    crate::auth::extract::check_csrf(&me.session, Some(text(&form.csrf_token).as_str()))?;
    let all = db::run(&state.pool, |conn| centers::all(conn).map_err(AppError::from)).await?;
    let center = chosen_center(&me, &all, &text(&form.center))?;
    me.require_center(center.id)?;
    let mut monday = week_of(&text(&form.week))?;
    let bytes = form.file.as_ref().map(|f| f.data.to_vec()).unwrap_or_default();
    let center_id = center.id;
    let mut errors: Vec<String> = Vec::new();
    if bytes.is_empty() {
        errors.push("Choose a CSV file with the columns artisan,date,kind,hours.".into());
    } else {
        let roster = db::run(&state.pool, move |conn| register_roster(conn, center_id).map_err(AppError::from)).await?;
        match register::read_csv(&bytes, &roster) {
            Err(problems) => errors = problems,
            Ok(cells) => {
                if let Some(first) = cells.iter().map(|c| c.work_date).min() {
                    monday = register::monday_of(first);
                }
                let (actor, at) = (me.actor(), now());
                let res = db::run::<_, AppError, _>(&state.pool, move |conn| {
                    Ok(register::import(conn, &actor, center_id, &cells, at))
                })
                .await?;
                match res {
                    Ok(_) => {
                        return Ok(see_other(&format!(
                            "/admin/wages/register?center={}&week={monday}&saved=1",
                            center.code
                        )))
                    }
                    Err(e @ (AppError::Conflict { .. } | AppError::Invalid(_))) => {
                        errors.push(format!("Nothing was imported: {}", e.public_message()))
                    }
                    Err(e) => return Err(e),
                }
            }
        }
    }
    let problems: Vec<String> =
        std::iter::once("Nothing was imported; the file has these problems:".to_string()).chain(errors).collect();
    render(
        &state,
        &me,
        center,
        monday,
        None,
        &FieldErrors::default(),
        &problems,
        None,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_typed_as_decimals_of_whole_minutes() {
        assert_eq!(parse_hours("8"), Ok(480));
        assert_eq!(parse_hours(" 7.5 "), Ok(450));
        assert_eq!(parse_hours("7.25"), Ok(435));
        assert_eq!(parse_hours(""), Ok(0));
        assert!(parse_hours("7.333").is_err());
        assert!(parse_hours("25").is_err());
        assert!(parse_hours("-1").is_err());
        assert!(parse_hours("eight").is_err());
        assert_eq!(show_hours(450), "7.5");
        assert_eq!(show_hours(480), "8");
    }
}
