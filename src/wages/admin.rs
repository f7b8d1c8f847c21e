//! Finance pages under `/admin/wages`: the overview (what each artisan is owed, the policy in
//! force, links to the reports), the ledger check, the ledger list and the audit export. The
//! forms (policy, rates, payouts, adjustments) are in `admin_forms`. Finance and admin only:
//! managers get 403 on every route here. Every page showing legal names is audit-logged.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use tera::Context;

use super::admin_forms;
use super::admin_queries::{self, ArtisanLine, Cursor, LedgerFilter};
use super::export;
use super::ledger::{self, EntryRow, Verification};
use super::policy::{self, inr};
use super::types::{india_date, EntryKind, Month, PayoutMethod};
use crate::auth::{AdminForm, CurrentStaff};
use crate::centers;
use crate::db;
use crate::error::AppError;
use crate::staff::Role;
use crate::state::AppState;
use crate::web::form::FieldErrors;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/wages", web::get().to(overview))
        .route("/admin/wages/verify", web::post().to(verify))
        .route("/admin/wages/ledger", web::get().to(ledger_list))
        .route("/admin/wages/export", web::get().to(export_zip))
        .configure(admin_forms::routes);
}

/// Who may see and write wage data.
pub(super) const FINANCE: &[Role] = &[Role::Admin, Role::Finance];

pub(super) fn now() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

pub(super) fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body)
}

pub(super) fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, to.to_string())).finish()
}

/// Moves a service's refusal of one field into the form's errors; anything else is an error.
pub(super) fn into_field(e: AppError, errors: &mut FieldErrors, fallback: &str) -> Result<(), AppError> {
    match e {
        AppError::BadRequest { field, message } => {
            errors.add(field.unwrap_or(fallback), message);
            Ok(())
        }
        other => Err(other),
    }
}

/// A date typed as YYYY-MM-DD.
pub(super) fn parse_date(s: &str, what: &str) -> Result<NaiveDate, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err(format!("enter the {what} as YYYY-MM-DD"));
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| format!("`{t}` is not a date: write it as YYYY-MM-DD"))
}

/// An artisan as a form or list shows them to finance.
#[derive(Serialize)]
pub(super) struct ArtisanItem {
    pub public_id: String,
    pub alias: String,
    pub legal_name: String,
    pub center: String,
    pub owed: String,
    pub owed_minor: i64,
    pub statement_url: String,
    pub payout_url: String,
    pub ledger_url: String,
}

pub(super) fn artisan_item(a: &ArtisanLine, month: Month) -> ArtisanItem {
    ArtisanItem {
        public_id: a.public_id.clone(),
        alias: a.alias.clone(),
        legal_name: a.legal_name.clone(),
        center: a.center_city.clone(),
        owed: inr(a.owed_minor),
        owed_minor: a.owed_minor,
        statement_url: format!("/admin/wages/statements/{}/{month}", a.public_id),
        payout_url: format!("/admin/wages/payouts/new?artisan={}", a.public_id),
        ledger_url: format!("/admin/wages/ledger?artisan={}", a.public_id),
    }
}

#[derive(Serialize)]
struct PolicyView {
    effective_from: NaiveDate,
    legal_min: String,
    living_wage: Option<String>,
    hours: i64,
    multiplier: String,
    bonus_percent: String,
    source_note: String,
}

#[derive(Serialize)]
struct CenterView {
    code: String,
    city: String,
    name: String,
    policy: Option<PolicyView>,
    warning: Option<String>,
    artisans: Vec<ArtisanItem>,
    total_owed: String,
    report_current: String,
    report_previous: String,
}

/// The export form's values and errors.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct ExportQuery {
    pub from: String,
    pub to: String,
}

impl ExportQuery {
    fn parse(&self) -> Result<(NaiveDate, NaiveDate), FieldErrors> {
        let mut e = FieldErrors::default();
        let from = parse_date(&self.from, "first day").map_err(|m| e.add("from", m)).ok();
        let to = parse_date(&self.to, "last day").map_err(|m| e.add("to", m)).ok();
        match (from, to) {
            (Some(f), Some(t)) if f > t => {
                e.add("to", "the last day is before the first day");
                Err(e)
            }
            (Some(f), Some(t)) if (t - f).num_days() > 3_700 => {
                e.add("to", "export at most ten years at a time");
                Err(e)
            }
            (Some(f), Some(t)) => Ok((f, t)),
            _ => Err(e),
        }
    }
}

#[derive(Serialize)]
struct VerifyView {
    intact: bool,
    entries: i64,
    last_hash: String,
    last_hash_short: String,
    entry: i64,
    reason: String,
}

impl From<Verification> for VerifyView {
    fn from(v: Verification) -> Self {
        match v {
            Verification::Intact { entries, last_hash } => {
                let last_hash_short = last_hash.chars().take(12).collect();
                Self { intact: true, entries, last_hash, last_hash_short, entry: 0, reason: String::new() }
            }
            Verification::Broken { entry, reason } => Self {
                intact: false,
                entries: 0,
                last_hash: String::new(),
                last_hash_short: String::new(),
                entry,
                reason,
            },
        }
    }
}

fn notice(req: &HttpRequest) -> Option<&'static str> {
    match req.query_string() {
        "done=payout" => Some("The payout is recorded in the ledger; the balance below includes it."),
        _ => None,
    }
}

async fn overview_page(
    state: &AppState,
    me: &CurrentStaff,
    export_form: &ExportQuery,
    export_errors: &FieldErrors,
    verification: Option<VerifyView>,
    notice: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let (cipher, actor, at) = (state.cipher.clone(), me.actor(), now());
    let today = india_date(at);
    let (roster, all_centers, policies, pending) = db::run(&state.pool, move |conn| -> Result<_, AppError> {
        let roster = admin_queries::roster(conn, &cipher, Some((&actor, "wages.overview.view")), None, at)?;
        let all_centers = centers::all(conn)?;
        let mut policies = Vec::new();
        for c in &all_centers {
            policies.push(policy::at(conn, c.id, today)?);
        }
        Ok((roster, all_centers, policies, admin_queries::pending_adjustments(conn)?))
    })
    .await?;
    let month = Month::of(today);
    let centers: Vec<CenterView> = all_centers
        .iter()
        .zip(policies)
        .map(|(c, p)| {
            let warning = match &p {
                None => Some(format!("{} has no wage policy in force: finance must add one.", c.city)),
                Some(p) if p.row.living_wage_monthly_minor.is_none() => {
                    Some(format!("{} has no living-wage figure: finance must enter one.", c.city))
                }
                Some(_) => None,
            };
            let artisans: Vec<ArtisanItem> =
                roster.iter().filter(|a| a.center_id == c.id).map(|a| artisan_item(a, month)).collect();
            let total: i64 = artisans.iter().map(|a| a.owed_minor).sum();
            CenterView {
                code: c.code.clone(),
                city: c.city.clone(),
                name: c.name.clone(),
                policy: p.map(|p| PolicyView {
                    effective_from: p.row.effective_from,
                    legal_min: inr(p.row.legal_min_monthly_minor),
                    living_wage: p.row.living_wage_monthly_minor.map(inr),
                    hours: p.row.standard_hours_per_month,
                    multiplier: p.multiplier.normalize().to_string(),
                    bonus_percent: p.bonus_percent.normalize().to_string(),
                    source_note: p.row.source_note.clone(),
                }),
                warning,
                artisans,
                total_owed: inr(total),
                report_current: format!("/admin/wages/centers/{}/{month}", c.code),
                report_previous: format!("/admin/wages/centers/{}/{}", c.code, month.prev()),
            }
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("centers", &centers);
    ctx.insert("pending", &pending);
    ctx.insert("month", &month.to_string());
    ctx.insert("month_label", &month.label());
    ctx.insert("prev_month", &month.prev().to_string());
    ctx.insert("prev_month_label", &month.prev().label());
    ctx.insert("export", export_form);
    ctx.insert("export_errors", export_errors);
    ctx.insert("verification", &verification);
    ctx.insert("notice", &notice);
    let body = state.templates.render_admin("admin/wages/index.html", "Wages", Some(me), ctx)?;
    Ok(html(status, body))
}

/// The export form's default period: last month.
fn last_month(today: NaiveDate) -> ExportQuery {
    let m = Month::of(today).prev();
    ExportQuery { from: m.first_day().to_string(), to: m.last_day().to_string() }
}

pub async fn overview(
    state: web::Data<AppState>,
    me: CurrentStaff,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    me.require(FINANCE)?;
    let form = last_month(india_date(now()));
    overview_page(&state, &me, &form, &FieldErrors::default(), None, notice(&req), StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct Empty {}

/// Runs `ledger::verify` and shows its answer on the overview.
pub async fn verify(state: web::Data<AppState>, form: AdminForm<Empty>) -> Result<HttpResponse, AppError> {
    let me = form.staff;
    me.require(FINANCE)?;
    let result = db::run(&state.pool, ledger::verify).await?;
    let form = last_month(india_date(now()));
    overview_page(&state, &me, &form, &FieldErrors::default(), Some(result.into()), None, StatusCode::OK).await
}

/// GET `/admin/wages/export?from=…&to=…`: the ZIP for auditors (audit-logged).
pub async fn export_zip(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<ExportQuery>,
) -> Result<HttpResponse, AppError> {
    me.require(FINANCE)?;
    let (from, to) = match query.parse() {
        Ok(p) => p,
        Err(errors) => {
            return overview_page(&state, &me, &query, &errors, None, None, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let (cipher, actor, at) = (state.cipher.clone(), me.actor(), now());
    let bytes = db::run(&state.pool, move |conn| export::bundle_logged(conn, &cipher, &actor, from, to, at)).await?;
    Ok(HttpResponse::Ok()
        .content_type("application/zip")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}\"", export::file_name(from, to)),
        ))
        .body(bytes))
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct LedgerQuery {
    artisan: String,
    from: String,
    to: String,
    before: String,
    after: String,
}

#[derive(Serialize)]
struct EntryView {
    id: i64,
    occurred_on: NaiveDate,
    kind: String,
    artisan: String,
    artisan_public_id: String,
    amount: String,
    counted: bool,
    piece_id: Option<i64>,
    order_id: Option<i64>,
    refers_to: Option<i64>,
    summary: String,
    recorded_by: String,
    hash: String,
}

/// One line on what an entry's details say.
pub(super) fn summary(e: &EntryRow) -> String {
    let d = e.details_json();
    let s = |k: &str| d.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
    match e.kind() {
        Some(EntryKind::WageEarned) => match e.labor_minutes {
            Some(m) => format!("{} of work", policy::hours_label(m)),
            None => String::new(),
        },
        Some(EntryKind::SaleBonus) => {
            format!(
                "{}% of the net sale at ₹{} per {} ({})",
                s("bonus_percent"),
                s("inr_per_unit"),
                s("sale_currency"),
                s("rate_date")
            )
        }
        Some(EntryKind::Payout) => {
            let method = PayoutMethod::parse(&s("method")).map(|m| m.label()).unwrap_or("unknown method");
            match s("reference").as_str() {
                "" => method.to_string(),
                r => format!("{method}, reference {r}"),
            }
        }
        Some(EntryKind::Adjustment) => {
            let mut out = s("reason");
            if let Some(c) = e.refers_to {
                out.push_str(&format!(" (corrects entry #{c})"));
            }
            out
        }
        Some(EntryKind::AdjustmentApproved) | Some(EntryKind::AdjustmentRejected) => {
            let target = e.refers_to.map(|r| format!("adjustment #{r}")).unwrap_or_default();
            match s("note").as_str() {
                "" => target,
                n => format!("{target}: {n}"),
            }
        }
        None => e.details.clone(),
    }
}

const PER_PAGE: i64 = 50;

/// GET `/admin/wages/ledger`: the entries, newest first, 50 a page (no legal names here).
pub async fn ledger_list(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<LedgerQuery>,
) -> Result<HttpResponse, AppError> {
    me.require(FINANCE)?;
    let q = query.into_inner();
    let mut errors = FieldErrors::default();
    let from = Some(q.from.trim())
        .filter(|s| !s.is_empty())
        .and_then(|s| parse_date(s, "first day").map_err(|m| errors.add("from", m)).ok());
    let to = Some(q.to.trim())
        .filter(|s| !s.is_empty())
        .and_then(|s| parse_date(s, "last day").map_err(|m| errors.add("to", m)).ok());
    let cursor = match (q.before.trim().parse::<i64>(), q.after.trim().parse::<i64>()) {
        (Ok(b), _) => Cursor::Before(b),
        (_, Ok(a)) => Cursor::After(a),
        _ => Cursor::Newest,
    };
    let artisan_pid = q.artisan.trim().to_string();
    let lookup = artisan_pid.clone();
    let found = db::run(&state.pool, move |conn| -> Result<_, AppError> {
        if lookup.is_empty() {
            return Ok(None);
        }
        Ok(Some(admin_queries::artisan_by_public_id(conn, &lookup)?))
    })
    .await?;
    let artisan_id = match found {
        Some(None) => {
            errors.add("artisan", format!("there is no artisan with the public id `{artisan_pid}`"));
            None
        }
        Some(Some(id)) => Some(id),
        None => None,
    };
    let (rows, newer, older) = if errors.is_empty() {
        let filter = LedgerFilter { artisan_id, from, to };
        let page = db::run(&state.pool, move |conn| {
            admin_queries::ledger_page(conn, &filter, cursor, PER_PAGE).map_err(AppError::from)
        })
        .await?;
        (page.rows, page.newer, page.older)
    } else {
        (Vec::new(), false, false)
    };
    let counted: std::collections::HashSet<i64> = if rows.is_empty() {
        Default::default()
    } else {
        let ids: Vec<i64> = rows.iter().map(|r| r.0.id).collect();
        db::run(&state.pool, move |conn| admin_queries::counted_among(conn, &ids).map_err(AppError::from))
            .await?
            .into_iter()
            .collect()
    };
    let entries: Vec<EntryView> = rows
        .iter()
        .map(|(e, alias, pid)| EntryView {
            id: e.id,
            occurred_on: e.occurred_on,
            kind: e.kind().map(|k| k.label().to_string()).unwrap_or_else(|| e.kind.clone()),
            artisan: alias.clone(),
            artisan_public_id: pid.clone(),
            amount: inr(e.amount_minor),
            counted: counted.contains(&e.id),
            piece_id: e.piece_id,
            order_id: e.order_id,
            refers_to: e.refers_to,
            summary: summary(e),
            recorded_by: e.recorded_by.clone(),
            hash: e.hash.chars().take(12).collect(),
        })
        .collect();
    let link = |key: &str, id: i64| {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in [("artisan", &q.artisan), ("from", &q.from), ("to", &q.to)] {
            if !v.trim().is_empty() {
                s.append_pair(k, v.trim());
            }
        }
        s.append_pair(key, &id.to_string());
        format!("/admin/wages/ledger?{}", s.finish())
    };
    let newer_url = newer.then(|| entries.first().map(|e| link("after", e.id))).flatten();
    let older_url = older.then(|| entries.last().map(|e| link("before", e.id))).flatten();
    let mut ctx = Context::new();
    ctx.insert("entries", &entries);
    ctx.insert("filter", &q);
    ctx.insert("errors", &errors);
    ctx.insert("newer_url", &newer_url);
    ctx.insert("older_url", &older_url);
    let body = state.templates.render_admin("admin/wages/ledger.html", "Wage ledger", Some(&me), ctx)?;
    Ok(html(if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY }, body))
}

/// Today in India, for form defaults.
pub(super) fn today() -> NaiveDate {
    india_date(now())
}
