//! The public policy pages: `/policies/{kind}` (the version in effect, its date, the costs
//! table on the shipping page, earlier versions) and `/policies/{kind}/versions/{n}` (any
//! version, as it was). Cached like every public page, per catalog version and day (a saved
//! version bumps the catalog version; one that takes effect later shows from its day on).

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::NaiveDate;
use serde::Serialize;
use tera::Context;

use super::queries::{self, PolicyVersion};
use super::types::PolicyKind;
use super::{markdown, shipping_costs};
use crate::db;
use crate::error::AppError;
use crate::money::Currency;
use crate::pricing::presentment::{self, Terms};
use crate::state::AppState;
use crate::web::page_cache::{self, HTML};
use crate::web::PageMeta;

/// A date as the policy pages write it.
pub fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

#[derive(Serialize)]
struct VersionLink {
    version: i64,
    effective: String,
    /// The version in effect (its page is `/policies/{kind}`; the others `…/versions/{n}`).
    current: bool,
    /// Not yet in effect.
    scheduled: bool,
    /// The version this page shows.
    shown: bool,
}

fn parse_kind(raw: &str) -> Result<PolicyKind, AppError> {
    PolicyKind::parse(raw).ok_or(AppError::NotFound)
}

pub async fn page(
    state: web::Data<AppState>,
    req: HttpRequest,
    kind: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let kind = parse_kind(&kind.into_inner())?;
    let st = state.clone();
    // Per currency: the shipping page's costs are in it, and every page's switcher names it.
    let chosen = crate::web::currency::chosen(&req, state.settings.currency);
    let key = format!("{}|{chosen}", kind.path());
    state.cache.serve(&state.pool, &req, key, HTML, || render(st, kind, None, chosen)).await
}

pub async fn version_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, i64)>,
) -> Result<HttpResponse, AppError> {
    let (kind, number) = path.into_inner();
    let kind = parse_kind(&kind)?;
    if number < 1 {
        return Err(AppError::NotFound);
    }
    let st = state.clone();
    let chosen = crate::web::currency::chosen(&req, state.settings.currency);
    let key = format!("{}/versions/{number}|{chosen}", kind.path());
    state.cache.serve(&state.pool, &req, key, HTML, || render(st, kind, Some(number), chosen)).await
}

async fn render(
    state: web::Data<AppState>,
    kind: PolicyKind,
    number: Option<i64>,
    chosen: Currency,
) -> Result<String, AppError> {
    let today = page_cache::day();
    let terms = Terms::of(&state.settings);
    let (all, current, pc) = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>((
            queries::versions(conn, kind)?,
            queries::current(conn, kind, today)?,
            presentment::for_page(conn, terms, chosen, today)?,
        ))
    })
    .await?;
    let current_number = current.as_ref().map(|c| c.version);
    let shown: &PolicyVersion = match number {
        Some(n) => all.iter().find(|v| v.version == n).ok_or(AppError::NotFound)?,
        None => current.as_ref().ok_or(AppError::NotFound)?,
    };
    // A version is in effect from its date until the next higher version in effect takes over.
    let until =
        all.iter().filter(|v| v.version > shown.version && v.effective_on <= today).map(|v| v.effective_on).min();
    let versions: Vec<VersionLink> = all
        .iter()
        .map(|v| VersionLink {
            version: v.version,
            effective: long_date(v.effective_on),
            current: Some(v.version) == current_number,
            scheduled: v.effective_on > today,
            shown: v.version == shown.version,
        })
        .collect();
    let upcoming = all.iter().find(|v| v.effective_on > today && Some(v.version) > current_number);
    let mut ctx = Context::new();
    ctx.insert("presentment", &pc.switcher());
    ctx.insert("kind", kind.code());
    ctx.insert("heading", kind.title());
    ctx.insert("version", &shown.version);
    ctx.insert("effective", &long_date(shown.effective_on));
    ctx.insert("is_current", &(Some(shown.version) == current_number));
    ctx.insert("scheduled", &(shown.effective_on > today));
    ctx.insert("until", &until.map(long_date));
    ctx.insert("current_version", &current_number);
    ctx.insert("upcoming", &upcoming.map(|v| (v.version, long_date(v.effective_on))));
    ctx.insert("body", &markdown::render(&shown.body));
    ctx.insert("versions", &versions);
    ctx.insert(
        "shipping_costs",
        &if kind == PolicyKind::Shipping {
            shipping_costs::table(&state.settings.shipping_zones, &pc.current)
        } else {
            Vec::new()
        },
    );
    let path = match number {
        Some(n) => format!("{}/versions/{n}", kind.path()),
        None => kind.path(),
    };
    let title = match number {
        Some(n) => format!("{} (version {n}) — {}", kind.title(), state.settings.shop.name),
        None => format!("{} — {}", kind.title(), state.settings.shop.name),
    };
    let meta = PageMeta {
        title,
        description: format!(
            "{} of {}: the version in effect and every earlier one.",
            kind.title(),
            state.settings.shop.name
        ),
        path: &path,
        nav: "",
    };
    state.templates.render("policies/page.html", &meta, ctx)
}
