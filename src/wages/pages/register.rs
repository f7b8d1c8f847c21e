//! The time register's week (`/admin/wages/register`): one plain form, artisans × kinds of hour
//! down, the seven days across, hours typed in each cell (8, 7.5 or 7.25). Managers enter
//! their own center's week; finance and admins see any center's. Each input is named by its
//! row and column headers (`aria-labelledby`), and the tab order runs along each row.

use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{Duration, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
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
use crate::wages::register::{self, Cell};
use crate::wages::types::HourKind;
use crate::web::form::FieldErrors;

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

/// Hours as typed ("8", "7.5", " 7.25 ") → minutes: whole minutes, 0 to 24 hours.
pub fn parse_hours(s: &str) -> Result<i64, String> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(0);
    }
    let d = Decimal::from_str(t).map_err(|_| format!("`{t}` is not a number of hours such as 8 or 7.5"))?;
    if d < Decimal::ZERO || d > Decimal::from(24) {
        return Err("enter between 0 and 24 hours".into());
    }
    let minutes = d * Decimal::from(60);
    if minutes.fract() != Decimal::ZERO {
        return Err("enter hours in whole minutes, e.g. 7.5 or 7.25".into());
    }
    minutes.to_i64().ok_or_else(|| "enter between 0 and 24 hours".into())
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
    notice: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let center_id = center.id;
    let (artisans, cells) = db::run(&state.pool, move |conn| -> Result<_, AppError> {
        Ok((center_artisans(conn, center_id)?, register::between(conn, center_id, monday, monday + Duration::days(6))?))
    })
    .await?;
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
    ctx.insert("can_edit", &matches!(me.role, crate::staff::Role::Admin | crate::staff::Role::Manager));
    ctx.insert("errors", errors);
    ctx.insert("notice", &notice);
    let title = format!("Time register, {} week of {monday}", center.city);
    let body = state.templates.render_admin("admin/wages/register.html", &title, Some(me), ctx)?;
    Ok(html(status, body))
}

/// (id, alias) of a center's artisans.
fn center_artisans(conn: &mut db::DbConn, center_id: i64) -> diesel::QueryResult<Vec<(i64, String)>> {
    use crate::schema::artisans::dsl as a;
    use diesel::prelude::*;
    a::artisans.filter(a::center_id.eq(center_id)).order(a::id).select((a::id, a::public_alias)).load(conn)
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
    let notice = (!query.saved.is_empty()).then(|| "The week is saved.".to_string());
    render(&state, &me, center, monday, None, &FieldErrors::default(), notice, StatusCode::OK).await
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
    let artisans = db::run(&state.pool, move |conn| center_artisans(conn, center_id).map_err(AppError::from)).await?;
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
    render(&state, &me, center, monday, Some(fields), &errors, None, status).await
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
