//! Finance report pages under `/admin/wages` (finance and admin only, every view audit-logged):
//! an artisan's printable monthly statement (and its CSV), a center's month, earnings against
//! the floors over time, late payments and the reconciliation of bonuses with paid orders.
//! Legal names are decrypted here, for finance only, in the request that logs the view.

use std::collections::HashMap;

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use tera::Context;

use super::policy::{hours_label, inr};
use super::reports::{self, CenterSeries, Statement};
use super::types::Month;
use crate::audit::{self, Actor};
use crate::auth::CurrentStaff;
use crate::centers::{self, Center};
use crate::db;
use crate::error::AppError;
use crate::staff::Role;
use crate::state::AppState;
use crate::web::form::FieldErrors;

const READERS: &[Role] = &[Role::Admin, Role::Finance];

/// What every page that needs Mumbai's living wage says while there is none.
pub fn no_living_wage_message(city: &str) -> String {
    format!("{city} has no living-wage figure: finance must enter one (Wage policy page).")
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/wages/statements/{artisan}/{month}", web::get().to(statement))
        .route("/admin/wages/statements/{artisan}/{month}/csv", web::get().to(statement_csv))
        .route("/admin/wages/centers/{center}/{month}", web::get().to(center_month))
        .route("/admin/wages/earnings", web::get().to(earnings))
        .route("/admin/wages/late", web::get().to(late))
        .route("/admin/wages/reconciliation", web::get().to(reconciliation));
}

fn now() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body)
}

fn parse_month(s: &str) -> Result<Month, AppError> {
    Month::parse(s).map_err(|m| AppError::bad_request("month", m))
}

/// The report as JSON for a template, with display values added beside the raw ones: each
/// `…_minor` amount gets `…` formatted in rupees, each `minutes` gets `hours`, and each month
/// becomes `YYYY-MM`.
fn display(v: impl Serialize) -> Result<Value, AppError> {
    let v = serde_json::to_value(v).map_err(|e| AppError::Internal(format!("report json: {e}")))?;
    Ok(decorate(v))
}

fn decorate(v: Value) -> Value {
    match v {
        Value::Object(map) => {
            if map.len() == 2 {
                if let (Some(Value::Number(y)), Some(Value::Number(m))) = (map.get("year"), map.get("month")) {
                    if let (Some(y), Some(m)) = (y.as_i64(), m.as_i64()) {
                        return Value::String(format!("{y:04}-{m:02}"));
                    }
                }
            }
            let mut out = serde_json::Map::new();
            for (k, v) in map {
                if let Some(stem) = k.strip_suffix("_minor") {
                    out.insert(stem.to_string(), v.as_i64().map(|m| Value::String(inr(m))).unwrap_or(Value::Null));
                } else if k == "minutes" || k.ends_with("_minutes") {
                    let key = k.replace("minutes", "hours");
                    out.insert(key, v.as_i64().map(|m| Value::String(hours(m))).unwrap_or(Value::Null));
                }
                out.insert(k, decorate(v));
            }
            Value::Object(out)
        }
        Value::Array(a) => Value::Array(a.into_iter().map(decorate).collect()),
        other => other,
    }
}

/// "18.5" (hours, one decimal).
fn hours(minutes: i64) -> String {
    hours_label(minutes).trim_end_matches(" hours").to_string()
}

fn decrypt(state: &AppState, sealed: Option<&String>) -> Result<String, AppError> {
    sealed.map(|s| state.cipher.decrypt(s).map_err(AppError::corrupt)).transpose().map(Option::unwrap_or_default)
}

fn log(
    conn: &mut db::DbConn,
    actor: &Actor,
    action: &str,
    entity: (&str, Option<String>),
    center_id: Option<i64>,
    details: Value,
    at: NaiveDateTime,
) -> Result<(), AppError> {
    audit::record(conn, actor, action, entity.0, entity.1, center_id, details, at).map_err(AppError::from)
}

// ---------------------------------------------------------------------------------------------
// Statement

/// Loads the statement and the artisan's sealed legal name, logging the view (`action`).
async fn load_statement(
    state: &AppState,
    me: &CurrentStaff,
    public_id: String,
    month: Month,
    action: &'static str,
) -> Result<(Statement, String), AppError> {
    let (actor, at) = (me.actor(), now());
    let (st, sealed) = db::run(&state.pool, move |conn| {
        db::write::<_, AppError, _>(conn, |conn| {
            let st = reports::statement(conn, &public_id, month)?.ok_or(AppError::NotFound)?;
            let sealed = reports::sealed_legal_names(conn, &[st.artisan.id])?;
            log(
                conn,
                &actor,
                action,
                ("artisan", Some(st.artisan.id.to_string())),
                Some(st.center.id),
                json!({ "month": month.to_string(), "public_id": st.artisan.public_id }),
                at,
            )?;
            Ok((st, sealed))
        })
    })
    .await?;
    let legal = decrypt(state, sealed.get(&st.artisan.id))?;
    Ok((st, legal))
}

pub async fn statement(
    state: web::Data<AppState>,
    me: CurrentStaff,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    me.require(READERS)?;
    let (public_id, month) = path.into_inner();
    let month = parse_month(&month)?;
    let (st, legal_name) = load_statement(&state, &me, public_id, month, "wages.statement.view").await?;
    let mut ctx = Context::new();
    let base = format!("/admin/wages/statements/{}", st.artisan.public_id);
    ctx.insert("st", &display(&st)?);
    ctx.insert("legal_name", &legal_name);
    ctx.insert("month_label", &month.label());
    ctx.insert("prev_url", &format!("{base}/{}", month.prev()));
    ctx.insert("next_url", &format!("{base}/{}", month.next()));
    ctx.insert("csv_url", &format!("{base}/{month}/csv"));
    ctx.insert("center_url", &format!("/admin/wages/centers/{}/{month}", st.center.code));
    ctx.insert("deadline", &month.pay_deadline().to_string());
    let title = format!("Statement: {} — {}", st.artisan.alias, month.label());
    let body = state.templates.render_admin("admin/wages/statement.html", &title, Some(&me), ctx)?;
    Ok(html(StatusCode::OK, body))
}

/// A cell a spreadsheet would run as a formula gets a leading apostrophe (text typed by staff).
fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// Rupees with two decimals and no grouping, for spreadsheets: "-1234.50".
fn rupees(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", minor.unsigned_abs() / 100, minor.unsigned_abs() % 100)
}

/// The statement as CSV: one line per entry between the opening and closing balances.
pub fn statement_csv_bytes(st: &Statement, legal_name: &str) -> Result<Vec<u8>, AppError> {
    let fail = |e: csv::Error| AppError::Internal(format!("statement csv: {e}"));
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["section", "date", "reference", "description", "hours", "amount_inr"]).map_err(fail)?;
    let s = &st.summary;
    let mut row = |cols: [String; 6]| w.write_record(&cols).map_err(fail);
    let head = format!(
        "{} ({}), legal name {}, {} — {}",
        st.artisan.alias,
        st.artisan.public_id,
        legal_name,
        st.center.name,
        st.month.label()
    );
    row(["artisan".into(), String::new(), st.month.to_string(), cell(&head), String::new(), String::new()])?;
    let opening = st.month.first_day().to_string();
    row([
        "opening_balance".into(),
        opening,
        String::new(),
        "Owed at the start of the month".into(),
        String::new(),
        rupees(s.balance_start_minor),
    ])?;
    for p in &st.pieces {
        row(["piece".into(), p.on.to_string(), cell(&p.sku), cell(&p.title), hours(p.minutes), rupees(p.wage_minor)])?;
    }
    for b in &st.bonuses {
        row([
            "sale_bonus".into(),
            b.on.to_string(),
            cell(&b.order_reference),
            cell(&format!("{} {} — {}% of the net sale at {}", b.sku, b.title, b.bonus_percent, b.rate)),
            String::new(),
            rupees(b.amount_minor),
        ])?;
    }
    for a in &st.adjustments {
        row([
            "adjustment".into(),
            a.on.to_string(),
            format!("entry {}", a.entry_id),
            cell(&a.reason),
            String::new(),
            rupees(a.amount_minor),
        ])?;
    }
    for p in &st.payouts {
        row([
            "payout".into(),
            p.on.to_string(),
            cell(&p.reference),
            cell(&p.method),
            String::new(),
            rupees(-p.amount_minor),
        ])?;
    }
    let closing = st.month.last_day().to_string();
    row([
        "closing_balance".into(),
        closing,
        String::new(),
        "Still owed at the end of the month".into(),
        hours(s.minutes),
        rupees(s.balance_end_minor),
    ])?;
    w.into_inner().map_err(|e| AppError::Internal(format!("statement csv: {e}")))
}

pub async fn statement_csv(
    state: web::Data<AppState>,
    me: CurrentStaff,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    me.require(READERS)?;
    let (public_id, month) = path.into_inner();
    let month = parse_month(&month)?;
    let (st, legal_name) = load_statement(&state, &me, public_id, month, "wages.statement.csv").await?;
    let body = statement_csv_bytes(&st, &legal_name)?;
    let name =
        format!("statement-{}-{month}.csv", st.artisan.public_id.replace(|c: char| !c.is_ascii_alphanumeric(), "-"));
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")))
        .body(body))
}

// ---------------------------------------------------------------------------------------------
// Center month

pub async fn center_month(
    state: web::Data<AppState>,
    me: CurrentStaff,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    me.require(READERS)?;
    let (code, month) = path.into_inner();
    let month = parse_month(&month)?;
    let (actor, at) = (me.actor(), now());
    let (report, sealed) = db::run(&state.pool, move |conn| {
        db::write::<_, AppError, _>(conn, |conn| {
            let center = centers::find_by_code(conn, &code)?.ok_or(AppError::NotFound)?;
            let report = reports::center_month(conn, center.id, month)?;
            let ids: Vec<i64> = report.rows.iter().map(|r| r.artisan_id).collect();
            let sealed = reports::sealed_legal_names(conn, &ids)?;
            log(
                conn,
                &actor,
                "wages.center.view",
                ("center", Some(center.code.clone())),
                Some(center.id),
                json!({ "month": month.to_string(), "artisans": ids.len() }),
                at,
            )?;
            Ok((report, sealed))
        })
    })
    .await?;
    let mut names = HashMap::new();
    for r in &report.rows {
        names.insert(r.artisan_id, decrypt(&state, sealed.get(&r.artisan_id))?);
    }
    let mut view = display(&report)?;
    if let Some(Value::Array(rows)) = view.get_mut("rows") {
        for row in rows.iter_mut() {
            let id = row.get("artisan_id").and_then(Value::as_i64).unwrap_or_default();
            if let Value::Object(o) = row {
                o.insert("legal_name".into(), json!(names.get(&id).cloned().unwrap_or_default()));
            }
        }
    }
    let no_living = report
        .policy
        .as_ref()
        .filter(|p| p.living_wage_monthly_minor.is_none())
        .map(|_| no_living_wage_message(&report.center.city));
    let all_centers = db::run(&state.pool, |conn| centers::all(conn).map_err(AppError::from)).await?;
    let mut ctx = Context::new();
    let base = format!("/admin/wages/centers/{}", report.center.code);
    ctx.insert("r", &view);
    ctx.insert("month_label", &month.label());
    ctx.insert("no_living_wage", &no_living);
    ctx.insert("deadline", &month.pay_deadline().to_string());
    ctx.insert("prev_url", &format!("{base}/{}", month.prev()));
    ctx.insert("next_url", &format!("{base}/{}", month.next()));
    ctx.insert(
        "other_centers",
        &all_centers
            .iter()
            .filter(|c| c.id != report.center.id)
            .map(|c| json!({ "name": c.name, "url": format!("/admin/wages/centers/{}/{month}", c.code) }))
            .collect::<Vec<_>>(),
    );
    let title = format!("{} — {}", report.center.name, month.label());
    let body = state.templates.render_admin("admin/wages/center.html", &title, Some(&me), ctx)?;
    Ok(html(StatusCode::OK, body))
}

// ---------------------------------------------------------------------------------------------
// Earnings

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct EarningsQuery {
    pub center: String,
    pub from: String,
    pub to: String,
}

struct EarningsFilter {
    center: Option<Center>,
    from: Month,
    to: Month,
}

fn parse_earnings(q: &EarningsQuery, all: &[Center], today: Month) -> Result<EarningsFilter, FieldErrors> {
    let mut e = FieldErrors::default();
    let center = match q.center.trim() {
        "" | "all" => None,
        code => match all.iter().find(|c| c.code == code) {
            Some(c) => Some(c.clone()),
            None => {
                e.add("center", format!("there is no center `{code}`: choose one from the list"));
                None
            }
        },
    };
    let mut month = |field: &str, s: &str, default: Month| match s.trim() {
        "" => Some(default),
        s => Month::parse(s).map_err(|m| e.add(field, m)).ok(),
    };
    let to = month("to", &q.to, today);
    let mut from_default = to.unwrap_or(today);
    for _ in 0..11 {
        from_default = from_default.prev();
    }
    let from = month("from", &q.from, from_default);
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            e.add("from", "the first month must not be after the last one");
        } else if (t.year - f.year) * 12 + t.month as i32 - f.month as i32 >= 60 {
            e.add("from", "show at most 60 months at a time");
        }
    }
    match (from, to) {
        (Some(from), Some(to)) if e.is_empty() => Ok(EarningsFilter { center, from, to }),
        _ => Err(e),
    }
}

/// A line chart of each center's median full-time-equivalent monthly earnings against its
/// legal minimum and living wage: computed here, drawn by the template as plain SVG (no script,
/// no style attributes: the CSP allows neither).
#[derive(Debug, Serialize)]
struct Chart {
    title: String,
    desc: String,
    width: i64,
    height: i64,
    left: i64,
    right: i64,
    top: i64,
    bottom: i64,
    lines: Vec<ChartLine>,
    dots: Vec<(i64, i64)>,
    x_labels: Vec<(i64, String)>,
    y_ticks: Vec<(i64, String)>,
    legend: Vec<(i64, String, &'static str, &'static str)>,
}

#[derive(Debug, Serialize)]
struct ChartLine {
    points: String,
    stroke: &'static str,
    dash: &'static str,
}

const W: i64 = 760;
const H: i64 = 300;
const LEFT: i64 = 90;
const RIGHT: i64 = 20;
const TOP: i64 = 40;
const BOTTOM: i64 = 40;

fn whole_rupees(minor: i64) -> String {
    let r = inr((minor + 50) / 100 * 100);
    r.strip_suffix(".00").map(str::to_string).unwrap_or(r)
}

fn chart(s: &CenterSeries) -> Chart {
    let n = s.points.len() as i64;
    let max = s
        .points
        .iter()
        .flat_map(|p| [p.median_fte_minor, p.legal_min_monthly_minor, p.living_wage_monthly_minor])
        .flatten()
        .max()
        .unwrap_or(0)
        .max(100_000);
    // Round the top of the scale up to a step of ₹5,000.
    let step = 500_000;
    let ymax = ((max * 11 / 10) + step - 1) / step * step;
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let x = |i: i64| LEFT + if n > 1 { i * plot_w / (n - 1) } else { plot_w / 2 };
    let y = |v: i64| TOP + plot_h - (v as i128 * plot_h as i128 / ymax.max(1) as i128) as i64;
    let mut lines = Vec::new();
    let mut dots = Vec::new();
    type Series = (fn(&reports::CenterPoint) -> Option<i64>, &'static str, &'static str);
    let series: [Series; 3] = [
        (|p| p.legal_min_monthly_minor, "#8a1c12", "6 4"),
        (|p| p.living_wage_monthly_minor, "#2f6b2a", "2 3"),
        (|p| p.median_fte_minor, "#1f1a14", "none"),
    ];
    for (get, stroke, dash) in series {
        let mut segment: Vec<String> = Vec::new();
        for (i, p) in s.points.iter().enumerate() {
            match get(p) {
                Some(v) => {
                    segment.push(format!("{},{}", x(i as i64), y(v)));
                    if dash == "none" {
                        dots.push((x(i as i64), y(v)));
                    }
                }
                None => {
                    if segment.len() > 1 {
                        lines.push(ChartLine { points: segment.join(" "), stroke, dash });
                    }
                    segment.clear();
                }
            }
        }
        if segment.len() > 1 {
            lines.push(ChartLine { points: segment.join(" "), stroke, dash });
        }
    }
    let every = (n / 8).max(1);
    let x_labels = s
        .points
        .iter()
        .enumerate()
        .filter(|(i, _)| (*i as i64) % every == 0)
        .map(|(i, p)| (x(i as i64), p.month.to_string()))
        .collect();
    let y_ticks = (0..=4).map(|k| (y(ymax * k / 4), whole_rupees(ymax * k / 4))).collect();
    let living = if s.missing_living_wage { "Living wage (not set for every month)" } else { "Living wage" };
    Chart {
        title: format!("{}: median full-time-equivalent monthly earnings", s.center.name),
        desc: format!(
            "Per month from {} to {}: the median of the center's artisans' full-time-equivalent monthly earnings \
             (solid line), the legal minimum (red dashes) and the living wage (green dots). The table below gives \
             the same figures.",
            s.points.first().map(|p| p.month.to_string()).unwrap_or_default(),
            s.points.last().map(|p| p.month.to_string()).unwrap_or_default(),
        ),
        width: W,
        height: H,
        left: LEFT,
        right: W - RIGHT,
        top: TOP,
        bottom: H - BOTTOM,
        lines,
        dots,
        x_labels,
        y_ticks,
        legend: vec![
            (LEFT, "Median FTE earnings".into(), "#1f1a14", "none"),
            (LEFT + 220, "Legal minimum".into(), "#8a1c12", "6 4"),
            (LEFT + 400, living.into(), "#2f6b2a", "2 3"),
        ],
    }
}

pub async fn earnings(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<EarningsQuery>,
) -> Result<HttpResponse, AppError> {
    me.require(READERS)?;
    let q = query.into_inner();
    let all_centers = db::run(&state.pool, |conn| centers::all(conn).map_err(AppError::from)).await?;
    let this_month = Month::of(reports::today());
    let mut ctx = Context::new();
    ctx.insert("q", &q);
    ctx.insert("centers", &all_centers);
    let status = match parse_earnings(&q, &all_centers, this_month) {
        Err(errors) => {
            ctx.insert("errors", &errors);
            ctx.insert("report", &Value::Null);
            StatusCode::BAD_REQUEST
        }
        Ok(f) => {
            let (actor, at, center_id) = (me.actor(), now(), f.center.as_ref().map(|c| c.id));
            let (from, to) = (f.from, f.to);
            let report = db::run(&state.pool, move |conn| {
                db::write::<_, AppError, _>(conn, |conn| {
                    let r = reports::earnings(conn, center_id, from, to)?;
                    log(
                        conn,
                        &actor,
                        "wages.earnings.view",
                        ("wages_report", Some("earnings".into())),
                        center_id,
                        json!({ "from": from.to_string(), "to": to.to_string(), "rows": r.rows.len() }),
                        at,
                    )?;
                    Ok(r)
                })
            })
            .await?;
            let charts: Vec<Chart> = report.series.iter().map(chart).collect();
            let notes: Vec<String> = report
                .series
                .iter()
                .filter(|s| s.missing_living_wage)
                .map(|s| no_living_wage_message(&s.center.city))
                .collect();
            let names: HashMap<i64, String> = all_centers.iter().map(|c| (c.id, c.name.clone())).collect();
            let mut view = display(&report)?;
            if let Some(Value::Array(rows)) = view.get_mut("rows") {
                for row in rows.iter_mut() {
                    let c = row.get("center_id").and_then(Value::as_i64).unwrap_or_default();
                    if let Value::Object(o) = row {
                        o.insert("center".into(), json!(names.get(&c).cloned().unwrap_or_default()));
                    }
                }
            }
            ctx.insert("errors", &FieldErrors::default());
            ctx.insert("report", &view);
            ctx.insert("charts", &charts);
            ctx.insert("no_living_wage", &notes);
            ctx.insert("from", &from.to_string());
            ctx.insert("to", &to.to_string());
            StatusCode::OK
        }
    };
    let body =
        state.templates.render_admin("admin/wages/earnings.html", "Earnings against fair wages", Some(&me), ctx)?;
    Ok(html(status, body))
}

// ---------------------------------------------------------------------------------------------
// Late payments

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct LateQuery {
    pub center: String,
    pub from: String,
}

pub async fn late(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<LateQuery>,
) -> Result<HttpResponse, AppError> {
    me.require(READERS)?;
    let q = query.into_inner();
    let all_centers = db::run(&state.pool, |conn| centers::all(conn).map_err(AppError::from)).await?;
    let today = reports::today();
    let mut errors = FieldErrors::default();
    let center = match q.center.trim() {
        "" | "all" => None,
        code => {
            let c = all_centers.iter().find(|c| c.code == code).cloned();
            if c.is_none() {
                errors.add("center", format!("there is no center `{code}`: choose one from the list"));
            }
            c
        }
    };
    let mut default_from = Month::of(today);
    for _ in 0..24 {
        default_from = default_from.prev();
    }
    let from = match q.from.trim() {
        "" => default_from,
        s => Month::parse(s).unwrap_or_else(|m| {
            errors.add("from", m);
            default_from
        }),
    };
    let mut ctx = Context::new();
    ctx.insert("q", &q);
    ctx.insert("centers", &all_centers);
    ctx.insert("today", &today.to_string());
    ctx.insert("from", &from.to_string());
    ctx.insert("errors", &errors);
    if !errors.is_empty() {
        ctx.insert("rows", &Value::Null);
        let body = state.templates.render_admin("admin/wages/late.html", "Late payments", Some(&me), ctx)?;
        return Ok(html(StatusCode::BAD_REQUEST, body));
    }
    let (actor, at, center_id) = (me.actor(), now(), center.as_ref().map(|c| c.id));
    let rows = db::run(&state.pool, move |conn| {
        db::write::<_, AppError, _>(conn, |conn| {
            let rows = reports::late(conn, today, center_id, from)?;
            log(
                conn,
                &actor,
                "wages.late.view",
                ("wages_report", Some("late".into())),
                center_id,
                json!({ "from": from.to_string(), "today": today.to_string(), "late_months": rows.len() }),
                at,
            )?;
            Ok(rows)
        })
    })
    .await?;
    let unpaid = rows.iter().filter(|r| r.covered_on.is_none()).count();
    let names: HashMap<i64, String> = all_centers.iter().map(|c| (c.id, c.name.clone())).collect();
    let mut view = display(&rows)?;
    if let Value::Array(list) = &mut view {
        for (row, r) in list.iter_mut().zip(&rows) {
            if let Value::Object(o) = row {
                o.insert("center".into(), json!(names.get(&r.artisan.center_id).cloned().unwrap_or_default()));
                o.insert(
                    "statement_url".into(),
                    json!(format!("/admin/wages/statements/{}/{}", r.artisan.public_id, r.month)),
                );
                o.insert("month_label".into(), json!(r.month.label()));
            }
        }
    }
    ctx.insert("rows", &view);
    ctx.insert("unpaid", &unpaid);
    let body = state.templates.render_admin("admin/wages/late.html", "Late payments", Some(&me), ctx)?;
    Ok(html(StatusCode::OK, body))
}

// ---------------------------------------------------------------------------------------------
// Reconciliation

pub async fn reconciliation(state: web::Data<AppState>, me: CurrentStaff) -> Result<HttpResponse, AppError> {
    me.require(READERS)?;
    let (actor, at) = (me.actor(), now());
    let r = db::run(&state.pool, move |conn| {
        db::write::<_, AppError, _>(conn, |conn| {
            let r = reports::reconciliation(conn)?;
            log(
                conn,
                &actor,
                "wages.reconciliation.view",
                ("wages_report", Some("reconciliation".into())),
                None,
                json!({ "paid_orders": r.paid_orders, "missing": r.missing.len(), "orphans": r.orphans.len(),
                        "wrong_amounts": r.wrong_amounts.len() }),
                at,
            )?;
            Ok(r)
        })
    })
    .await?;
    let mut view = display(&r)?;
    if let Some(Value::Array(list)) = view.get_mut("missing") {
        for (row, m) in list.iter_mut().zip(&r.missing) {
            if let Value::Object(o) = row {
                let why = match &m.why {
                    reports::MissingReason::NoExchangeRate { currency, on } => format!(
                        "No {currency} exchange rate is recorded for {on}: record it on the exchange rates page and \
                         the bonus is posted."
                    ),
                    reports::MissingReason::NoPolicy => {
                        "The center had no wage policy in force on the payment day.".to_string()
                    }
                    reports::MissingReason::NoMakers => {
                        "The piece has no labor record, so there is nobody to share the bonus with.".to_string()
                    }
                    reports::MissingReason::NotPosted => {
                        "Rate and policy are recorded, but the bonus was never posted.".to_string()
                    }
                };
                o.insert("why_text".into(), json!(why));
            }
        }
    }
    let mut ctx = Context::new();
    ctx.insert("r", &view);
    ctx.insert("clean", &r.is_clean());
    let body =
        state.templates.render_admin("admin/wages/reconciliation.html", "Bonus reconciliation", Some(&me), ctx)?;
    Ok(html(StatusCode::OK, body))
}
