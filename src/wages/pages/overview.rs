//! The overview (`/admin/wages`): what each artisan is owed, last month judged by the time
//! register (income without bonuses against the floors for the hours, `reports::center_truth`),
//! the policy in force, links to the reports; the ledger check (`POST /admin/wages/verify`) and the audit export's form and ZIP.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tera::Context;

use super::{artisan_item, hours, html, now, parse_date, ArtisanItem, FINANCE};
use crate::auth::{AdminForm, CurrentStaff};
use crate::centers;
use crate::db;
use crate::error::AppError;
use crate::state::AppState;
use crate::wages::admin_queries;
use crate::wages::export;
use crate::wages::ledger::{self, Verification};
use crate::wages::policy::{self, inr};
use crate::wages::reports;
use crate::wages::types::{india_date, Month};
use crate::web::form::FieldErrors;

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
    artisans: Vec<OverviewArtisan>,
    total_owed: String,
    /// Last month's counts by the time register (`None` for the living wage: not set).
    below_legal: usize,
    below_living: Option<usize>,
    last_month_closed: bool,
    report_current: String,
    report_previous: String,
}

/// An artisan's line: what is owed now, and last month by the time register.
#[derive(Serialize)]
struct OverviewArtisan {
    #[serde(flatten)]
    item: ArtisanItem,
    register_hours: Option<String>,
    income: String,
    living_wage_for_hours: Option<String>,
    below_legal: bool,
    below_living: bool,
    bonuses: String,
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

fn notice(req: &HttpRequest, me: &CurrentStaff) -> Option<String> {
    match req.query_string() {
        "done=payout" => Some(super::tr(me, "wages-notice-payout")),
        "done=deduction" => Some(super::tr(me, "wages-notice-deduction")),
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
    let month = Month::of(today);
    let (roster, all_centers, policies, truths, pending) = db::run(&state.pool, move |conn| -> Result<_, AppError> {
        let roster = admin_queries::roster(conn, &cipher, Some((&actor, "wages.overview.view")), None, at)?;
        let all_centers = centers::all(conn)?;
        let (mut policies, mut truths) = (Vec::new(), Vec::new());
        for c in &all_centers {
            policies.push(policy::at(conn, c.id, today)?);
            truths.push(reports::center_truth(conn, c.id, month.prev())?);
        }
        Ok((roster, all_centers, policies, truths, admin_queries::pending_adjustments(conn)?))
    })
    .await?;
    let centers: Vec<CenterView> = all_centers
        .iter()
        .zip(policies)
        .zip(truths)
        .map(|((c, p), truth)| {
            let warning = match &p {
                None => Some(super::policy_warning(me, "wages-no-policy", &c.city)),
                Some(p) if p.row.living_wage_monthly_minor.is_none() => {
                    Some(super::policy_warning(me, "wages-no-living-wage-short", &c.city))
                }
                Some(_) => None,
            };
            let artisans: Vec<OverviewArtisan> = roster
                .iter()
                .filter(|a| a.center_id == c.id)
                .map(|a| {
                    let t = truth.of(a.id);
                    OverviewArtisan {
                        item: artisan_item(a, month),
                        register_hours: (t.register_minutes > 0).then(|| hours(t.register_minutes)),
                        income: inr(t.income_minor),
                        living_wage_for_hours: t.living_wage_for_hours_minor.map(inr),
                        below_legal: t.income_below_legal_minimum == Some(true),
                        below_living: t.income_below_living_wage == Some(true),
                        bonuses: inr(t.bonuses_minor),
                    }
                })
                .collect();
            let total: i64 = artisans.iter().map(|a| a.item.owed_minor).sum();
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
                below_legal: truth.below_legal_count(),
                below_living: (truth.policy.is_some() && !truth.living_wage_missing())
                    .then(|| truth.below_living_count()),
                last_month_closed: truth.closed,
                report_current: format!("/admin/wages/centers/{}/{month}", c.code),
                report_previous: format!("/admin/wages/centers/{}/{}", c.code, month.prev()),
            }
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("centers", &centers);
    ctx.insert("pending", &pending);
    ctx.insert("month", &month.to_string());
    ctx.insert("month_label", &super::month_label(me, month));
    ctx.insert("prev_month", &month.prev().to_string());
    ctx.insert("prev_month_label", &super::month_label(me, month.prev()));
    ctx.insert("export", export_form);
    ctx.insert("export_errors", export_errors);
    ctx.insert("verification", &verification);
    ctx.insert("notice", &notice);
    let body =
        state.templates.render_admin("admin/wages/index.html", &super::tr(me, "wages-index-heading"), Some(me), ctx)?;
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
    overview_page(&state, &me, &form, &FieldErrors::default(), None, notice(&req, &me).as_deref(), StatusCode::OK).await
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
    let (cipher, signer, actor, at) = (state.cipher.clone(), state.ledger_signer.clone(), me.actor(), now());
    let bytes =
        db::run(&state.pool, move |conn| export::bundle_logged(conn, &cipher, signer.as_ref(), &actor, from, to, at))
            .await?;
    Ok(HttpResponse::Ok()
        .content_type("application/zip")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}\"", export::file_name(from, to)),
        ))
        .body(bytes))
}
