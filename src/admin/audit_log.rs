//! The audit log pages (admin only): `/admin/audit` lists entries newest first, filtered by
//! actor, action, entity type and a date range, 100 a page; `/admin/audit.csv` downloads the
//! same selection. Reading the log is not a view of private data, but an export leaves the
//! building, so it is itself logged (`audit.export`).

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use tera::Context;

use crate::audit::queries::{self, AuditEntry, AuditFilter};
use crate::audit::{self, AuditEvent};
use crate::auth::CurrentStaff;
use crate::centers;
use crate::db;
use crate::error::AppError;
use crate::state::AppState;
use crate::web::csv_safe;
use crate::web::templates::Viewer;

pub const PAGE_SIZE: i64 = 100;
/// An export larger than this is refused: narrow the dates.
pub const EXPORT_LIMIT: i64 = 200_000;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/audit", web::get().to(index)).route("/admin/audit.csv", web::get().to(export));
}

/// The query string as typed; every field may be empty.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct AuditQuery {
    actor: String,
    action: String,
    entity_type: String,
    from: String,
    to: String,
    page: String,
}

impl AuditQuery {
    /// The filter; a bad date or page is a 400 that says which and how to write it.
    fn parse(&self) -> Result<(AuditFilter, i64), AppError> {
        let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let date = |field: &'static str, s: &str| -> Result<Option<NaiveDate>, AppError> {
            match s.trim() {
                "" => Ok(None),
                s => NaiveDate::parse_from_str(s, "%Y-%m-%d").map(Some).map_err(|_| {
                    AppError::bad_request(
                        field,
                        format!("`{field}` must be a date written YYYY-MM-DD, e.g. 2026-11-30 (got `{s}`)"),
                    )
                }),
            }
        };
        let from = date("from", &self.from)?;
        let to = date("to", &self.to)?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(AppError::bad_request("to", "`to` must be the same day as `from` or later"));
            }
        }
        let page = match self.page.trim() {
            "" => 1,
            s => s
                .parse::<i64>()
                .ok()
                .filter(|p| (1..=1_000_000).contains(p))
                .ok_or_else(|| AppError::bad_request("page", "`page` must be a whole number from 1"))?,
        };
        let filter = AuditFilter {
            actor: text(&self.actor).map(|a| a.to_lowercase()),
            action: text(&self.action),
            entity_type: text(&self.entity_type),
            from: from.map(start_of),
            // `to` is inclusive: everything before the start of the next day.
            to: to.and_then(|t| t.succ_opt()).map(start_of),
        };
        Ok((filter, page))
    }

    /// The filter as a query string (for page links and the CSV link), without `page`.
    fn filter_query(&self) -> String {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("actor", &self.actor),
            ("action", &self.action),
            ("entity_type", &self.entity_type),
            ("from", &self.from),
            ("to", &self.to),
        ] {
            if !v.trim().is_empty() {
                s.append_pair(k, v.trim());
            }
        }
        s.finish()
    }
}

fn start_of(d: NaiveDate) -> NaiveDateTime {
    d.and_hms_opt(0, 0, 0).unwrap_or_default()
}

/// UTC, ISO 8601, whole seconds: `2026-11-30T09:15:02Z`.
fn iso(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[derive(Serialize)]
struct EntryView {
    id: i64,
    at: String,
    actor: String,
    action: String,
    entity_type: String,
    entity_id: String,
    center: String,
    ip: String,
    details: String,
}

async fn index(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, AppError> {
    let (filter, page) = query.parse()?;
    let offset = (page - 1) * PAGE_SIZE;
    let (entries, total, actions, entity_types, centers) = db::run(&state.pool, move |conn| {
        let entries = queries::search_page(conn, &filter, PAGE_SIZE, offset)?;
        let total = queries::count(conn, &filter)?;
        let actions = queries::actions(conn)?;
        let types = queries::entity_types(conn)?;
        let centers = centers::all(conn)?;
        Ok::<_, AppError>((entries, total, actions, types, centers))
    })
    .await?;
    let center_name = |id: Option<i64>| {
        id.map(|id| centers.iter().find(|c| c.id == id).map(|c| c.code.clone()).unwrap_or_else(|| id.to_string()))
            .unwrap_or_default()
    };
    let views: Vec<EntryView> = entries
        .into_iter()
        .map(|e| EntryView {
            id: e.id,
            at: iso(e.at),
            center: center_name(e.center_id),
            actor: e.actor,
            action: e.action,
            entity_type: e.entity_type,
            entity_id: e.entity_id.unwrap_or_default(),
            ip: e.ip.unwrap_or_default(),
            details: e.details,
        })
        .collect();
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let base = query.filter_query();
    let link = |p: i64| {
        if base.is_empty() {
            format!("/admin/audit?page={p}")
        } else {
            format!("/admin/audit?{base}&page={p}")
        }
    };
    let mut ctx = Context::new();
    ctx.insert("entries", &views);
    ctx.insert("total", &total);
    ctx.insert("page_no", &page);
    ctx.insert("pages", &pages);
    ctx.insert("prev", &(page > 1).then(|| link(page - 1)));
    ctx.insert("next", &(page < pages).then(|| link(page + 1)));
    ctx.insert(
        "csv",
        &if base.is_empty() { "/admin/audit.csv".to_string() } else { format!("/admin/audit.csv?{base}") },
    );
    ctx.insert("q", &*query);
    ctx.insert("actions", &actions);
    ctx.insert("entity_types", &entity_types);
    let body = state.templates.render_admin(
        "admin/audit/index.html",
        &crate::i18n::t(me.lang(), "fin-audit-heading"),
        Some(&me),
        ctx,
    )?;
    Ok(HttpResponse::Ok().content_type("text/html; charset=utf-8").body(body))
}

async fn export(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, AppError> {
    let (filter, _) = query.parse()?;
    let actor = me.actor();
    let now = chrono::Utc::now().naive_utc();
    let entries = db::run(&state.pool, move |conn| {
        db::write::<_, AppError, _>(conn, |conn| {
            let total = queries::count(conn, &filter)?;
            if total > EXPORT_LIMIT {
                return Err(AppError::bad_request(
                    "from",
                    format!(
                        "{total} entries match; an export holds at most {EXPORT_LIMIT}. Choose a shorter date range."
                    ),
                ));
            }
            let entries = queries::search(conn, &filter, EXPORT_LIMIT)?;
            audit::record(
                conn,
                &actor,
                &AuditEvent {
                    action: "audit.export",
                    entity_type: "audit_log",
                    entity_id: None,
                    center_id: None,
                    details: serde_json::json!({ "filter": filter, "rows": entries.len() }),
                },
                now,
            )?;
            Ok(entries)
        })
    })
    .await?;
    let body = to_csv(&entries)?;
    let name = format!("fairgold-audit-{}.csv", now.format("%Y%m%d-%H%M%S"));
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")))
        .body(body))
}

fn to_csv(entries: &[AuditEntry]) -> Result<Vec<u8>, AppError> {
    // Log entries hold text typed by staff: `csv_safe` keeps formulas from running.
    let mut w = csv_safe::Writer::new("audit csv");
    w.row(["id", "at", "actor", "action", "entity_type", "entity_id", "center_id", "ip", "details"])?;
    for e in entries {
        w.row([
            e.id.to_string(),
            iso(e.at),
            e.actor.clone(),
            e.action.clone(),
            e.entity_type.clone(),
            e.entity_id.clone().unwrap_or_default(),
            e.center_id.map(|c| c.to_string()).unwrap_or_default(),
            e.ip.clone().unwrap_or_default(),
            e.details.clone(),
        ])?;
    }
    w.finish()
}
