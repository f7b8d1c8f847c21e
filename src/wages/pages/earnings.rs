//! Monthly income without sale bonuses against the legal minimum and the living wage for the
//! register's hours, over time, with a chart per center and its table (`/admin/wages/earnings`).

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use tera::Context;

use super::{display, html, no_living_wage_message, now, FINANCE};
use crate::audit::{self, AuditEvent};
use crate::auth::CurrentStaff;
use crate::centers::{self, Center};
use crate::db;
use crate::error::AppError;
use crate::state::AppState;
use crate::wages::policy::inr;
use crate::wages::reports::{self, CenterSeries};
use crate::wages::types::Month;
use crate::web::form::FieldErrors;
use crate::web::templates::Viewer;

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

/// A chart of each center's months: the income without bonuses of its artisans with register
/// hours against the legal minimum and the living wage for those hours (lines), and the sale
/// bonuses as separate columns — never added to the income. Computed here, drawn by the
/// template as plain SVG (no script, no style attributes: the CSP allows neither).
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
    /// Bonus columns: (x, y, height).
    bars: Vec<(i64, i64, i64)>,
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
        .flat_map(|p| {
            [p.income_minor, p.legal_min_for_hours_minor, p.living_wage_for_hours_minor, Some(p.bonuses_minor)]
        })
        .flatten()
        .max()
        .unwrap_or(0)
        .max(100_000);
    // Round the top of the scale up to a step of ₹5,000 (₹500 for small months).
    let step = if max < 1_000_000 { 50_000 } else { 500_000 };
    let ymax = ((max * 11 / 10) + step - 1) / step * step;
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let x = |i: i64| LEFT + if n > 1 { i * plot_w / (n - 1) } else { plot_w / 2 };
    let y = |v: i64| TOP + plot_h - (v as i128 * plot_h as i128 / ymax.max(1) as i128) as i64;
    let mut lines = Vec::new();
    let mut dots = Vec::new();
    type Series = (fn(&reports::CenterPoint) -> Option<i64>, &'static str, &'static str);
    let series: [Series; 3] = [
        (|p| p.legal_min_for_hours_minor, "#8a1c12", "6 4"),
        (|p| p.living_wage_for_hours_minor, "#2f6b2a", "2 3"),
        (|p| p.income_minor, "#1f1a14", "none"),
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
    let bars = s
        .points
        .iter()
        .enumerate()
        .filter(|(_, p)| p.bonuses_minor > 0)
        .map(|(i, p)| (x(i as i64) - 5, y(p.bonuses_minor), TOP + plot_h - y(p.bonuses_minor)))
        .collect();
    let every = (n / 8).max(1);
    let x_labels = s
        .points
        .iter()
        .enumerate()
        .filter(|(i, _)| (*i as i64) % every == 0)
        .map(|(i, p)| (x(i as i64), p.month.to_string()))
        .collect();
    let y_ticks = (0..=4).map(|k| (y(ymax * k / 4), whole_rupees(ymax * k / 4))).collect();
    let living = if s.missing_living_wage { "Living wage (not always set)" } else { "Living wage for the hours" };
    Chart {
        title: format!("{}: monthly income without bonuses against the floors for the hours worked", s.center.name),
        desc: format!(
            "Per month from {} to {}, for the artisans with hours in the time register: their income without sale \
             bonuses added up (solid line with dots), the legal minimum for their hours (red dashes) and the living \
             wage for their hours (green dots), each monthly figure pro-rated to the standard hours; the month's sale \
             bonuses are the gold columns, never added to the income. The table below gives the same figures.",
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
        bars,
        x_labels,
        y_ticks,
        legend: vec![
            (LEFT, "Income without bonuses".into(), "#1f1a14", "none"),
            (LEFT + 170, "Legal minimum for the hours".into(), "#8a1c12", "6 4"),
            (LEFT + 360, living.into(), "#2f6b2a", "2 3"),
            (LEFT + 560, "Sale bonuses".into(), "#c9a227", "bar"),
        ],
    }
}

pub async fn earnings(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<EarningsQuery>,
) -> Result<HttpResponse, AppError> {
    me.require(FINANCE)?;
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
                    audit::record(
                        conn,
                        &actor,
                        &AuditEvent {
                            action: "wages.earnings.view",
                            entity_type: "wages_report",
                            entity_id: Some("earnings".into()),
                            center_id,
                            details: json!({ "from": from.to_string(), "to": to.to_string(), "rows": r.rows.len() }),
                        },
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
                .map(|s| no_living_wage_message(me.lang(), &s.center.city))
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
    let body = state.templates.render_admin(
        "admin/wages/earnings.html",
        &super::tr(&me, "wages-earnings-heading"),
        Some(&me),
        ctx,
    )?;
    Ok(html(status, body))
}
