//! `/impact` and `/api/v1/impact`: public, cached per catalog version (a month close bumps
//! it). Extract → compute → render.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;
use tera::Context;

use super::service::{self, Impact};
use crate::db;
use crate::error::AppError;
use crate::state::AppState;
use crate::web::page_cache::{HTML, JSON};
use crate::web::PageMeta;

async fn load(state: &web::Data<AppState>) -> Result<Impact, AppError> {
    let today = crate::wages::reports::today();
    db::run(&state.pool, move |conn| service::impact(conn, today, false)).await
}

pub async fn page(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let st = state.clone();
    // Wages stay in rupees (what artisans are paid in); the header's switcher names the
    // visitor's currency, so the page is kept per currency.
    let chosen = crate::web::currency::chosen(&req, state.settings.currency);
    state.cache.serve(&state.pool, &req, format!("/impact|{chosen}"), HTML, || render(st, chosen)).await
}

async fn render(state: web::Data<AppState>, chosen: crate::money::Currency) -> Result<String, AppError> {
    let impact = load(&state).await?;
    let mut ctx = Context::new();
    ctx.insert("presentment", &state.templates.offer().switcher(chosen, state.settings.currency));
    ctx.insert("impact", &impact);
    ctx.insert("chart", &Chart::of(&impact));
    let meta = PageMeta {
        title: format!("Our impact, in figures — {}", state.settings.shop.name),
        description: "What fairgold's artisans earned, month by month, against the legal minimum and the living wage: \
                      figures per workshop and quarter from closed months of the wage ledger."
            .into(),
        path: "/impact",
        nav: "impact",
    };
    state.templates.render("impact.html", &meta, ctx)
}

/// `GET /api/v1/impact`: the same figures as JSON. Field names are a contract: add, never
/// rename.
#[utoipa::path(
    get,
    path = "/api/v1/impact",
    tag = "impact",
    responses(
        (status = 200, description = "What artisans earned, per center and quarter, from closed months only; groups of fewer than `k_anonymity` artisans are merged or left out (`suppressed` says which and why)", body = crate::impact::service::Impact),
        (status = 304, description = "Not modified (the `If-None-Match` ETag still holds)"),
    )
)]
pub async fn api(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let st = state.clone();
    state
        .cache
        .serve(&state.pool, &req, "/api/v1/impact".into(), JSON, || async move {
            let impact = load(&st).await?;
            serde_json::to_string(&impact).map_err(|e| AppError::internal_in("the impact figures", e))
        })
        .await
}

/// The chart over time: the median monthly income of each published group per quarter, as
/// bars (the table under it holds the same numbers).
#[derive(Debug, Serialize)]
struct Chart {
    width: i64,
    height: i64,
    /// The plot's baseline (y of zero) and left edge.
    base_y: i64,
    left: i64,
    bars: Vec<Bar>,
    quarters: Vec<Label>,
    ticks: Vec<Label>,
    legend: Vec<LegendItem>,
    rows: Vec<Row>,
}

#[derive(Debug, Serialize)]
struct Bar {
    x: i64,
    y: i64,
    w: i64,
    h: i64,
    class: String,
    title: String,
}

#[derive(Debug, Serialize)]
struct Label {
    x: i64,
    y: i64,
    text: String,
}

#[derive(Debug, Serialize)]
struct LegendItem {
    name: String,
    class: String,
}

/// One row of the table alternative.
#[derive(Debug, Serialize)]
struct Row {
    quarter: String,
    group: String,
    months: String,
    median_income: String,
    vs_legal: String,
    vs_living: String,
}

impl Chart {
    fn of(impact: &Impact) -> Self {
        const W: i64 = 720;
        const H: i64 = 320;
        const LEFT: i64 = 84;
        const TOP: i64 = 16;
        const BOTTOM: i64 = 56;
        let quarters: Vec<&service::QuarterFigures> =
            impact.quarters.iter().rev().filter(|q| !q.groups.is_empty()).collect();
        let mut names: Vec<String> = Vec::new();
        for q in &quarters {
            for g in &q.groups {
                if !names.contains(&g.name) {
                    names.push(g.name.clone());
                }
            }
        }
        let class_of = |name: &str| format!("series-{}", names.iter().position(|n| n == name).unwrap_or(0) % 4);
        let max = quarters
            .iter()
            .flat_map(|q| q.groups.iter().filter_map(|g| g.figures.median_income_minor))
            .max()
            .unwrap_or(0)
            .max(1);
        // Ticks every ₹5,000 (every ₹10,000 above ₹40,000), rounded up to hold the largest.
        let step: i64 = if max > 4_000_000 { 1_000_000 } else { 500_000 };
        let top = (max + step - 1) / step * step;
        let plot_h = H - TOP - BOTTOM;
        let base_y = H - BOTTOM;
        let y_of = |v: i64| base_y - (v as i128 * plot_h as i128 / top as i128) as i64;
        let ticks = (0..=top / step)
            .map(|i| Label { x: LEFT - 8, y: y_of(i * step), text: crate::wages::policy::inr(i * step) })
            .collect();
        let slot = if quarters.is_empty() { 0 } else { (W - LEFT - 8) / quarters.len() as i64 };
        let mut bars = Vec::new();
        let mut labels = Vec::new();
        let mut rows = Vec::new();
        for (i, q) in quarters.iter().enumerate() {
            let x0 = LEFT + i as i64 * slot;
            let n = q.groups.len() as i64;
            let bar_w = ((slot - 16) / n.max(1)).min(48);
            let start = x0 + (slot - bar_w * n) / 2;
            labels.push(Label { x: x0 + slot / 2, y: base_y + 20, text: q.label.clone() });
            for (j, g) in q.groups.iter().enumerate() {
                let dash = || "—".to_string();
                rows.push(Row {
                    quarter: q.label.clone(),
                    group: g.name.clone(),
                    months: g.months_label.clone(),
                    median_income: g.figures.median_income.clone().unwrap_or_else(dash),
                    vs_legal: g.figures.median_vs_legal_minimum.clone().unwrap_or_else(dash),
                    vs_living: g.figures.median_vs_living_wage.clone().unwrap_or_else(dash),
                });
                let Some(v) = g.figures.median_income_minor else { continue };
                let y = y_of(v.max(0));
                bars.push(Bar {
                    x: start + j as i64 * bar_w,
                    y,
                    w: bar_w - 4,
                    h: base_y - y,
                    class: class_of(&g.name),
                    title: format!("{}, {}: {}", q.label, g.name, g.figures.median_income.clone().unwrap_or_default()),
                });
            }
        }
        let legend = names.iter().map(|n| LegendItem { name: n.clone(), class: class_of(n) }).collect();
        Chart { width: W, height: H, base_y, left: LEFT, bars, quarters: labels, ticks, legend, rows }
    }
}
