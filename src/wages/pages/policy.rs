//! The wage policy page (`/admin/wages/policy`): each center's versions and the form for a new one.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tera::Context;

use super::{html, into_field, major, now, parse_date, parse_rupees, see_other, today, FINANCE};
use crate::auth::{AdminForm, CurrentStaff};
use crate::centers::{self, Center};
use crate::db;
use crate::error::AppError;
use crate::state::AppState;
use crate::wages::policy::{self, inr, NewPolicy};
use crate::wages::types::{DeductionKind, Percent, PositiveDecimal};
use crate::web::form::FieldErrors;

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct PolicyForm {
    pub center: String,
    pub effective_from: String,
    pub legal_min: String,
    pub living_wage: String,
    pub standard_hours: String,
    pub target_multiplier: String,
    pub sale_bonus_percent: String,
    pub source_note: String,
    /// One checkbox per deduction kind: `deduct_<code>=on`.
    #[serde(flatten)]
    pub deductions: std::collections::BTreeMap<String, String>,
}

impl PolicyForm {
    /// The deduction kinds ticked, as stored (comma-separated codes in the order of the law).
    fn deduction_codes(&self) -> String {
        DeductionKind::ALL
            .into_iter()
            .filter(|k| self.deductions.contains_key(&format!("deduct_{}", k.code())))
            .map(|k| k.code())
            .collect::<Vec<_>>()
            .join(",")
    }

    fn parse(&self, all_centers: &[Center], recorded_by: &str) -> Result<NewPolicy, FieldErrors> {
        let mut e = FieldErrors::default();
        let center = all_centers.iter().find(|c| c.code == self.center.trim());
        if center.is_none() {
            e.add("center", "choose the center this policy is for");
        }
        let effective_from = parse_date(&self.effective_from, "day the version takes effect")
            .map_err(|m| e.add("effective_from", m))
            .ok();
        let legal = match parse_rupees(&self.legal_min, false) {
            Ok(0) => {
                e.add("legal_min", "the legal minimum must be more than zero");
                None
            }
            Ok(v) => Some(v),
            Err(m) => {
                e.add("legal_min", m);
                None
            }
        };
        let living = match self.living_wage.trim() {
            "" => None,
            s => match parse_rupees(s, false) {
                Ok(0) => {
                    e.add("living_wage", "leave it blank if there is no figure yet; zero is not a living wage");
                    None
                }
                Ok(v) => Some(v),
                Err(m) => {
                    e.add("living_wage", m);
                    None
                }
            },
        };
        if let (Some(l), Some(v)) = (legal, living) {
            if v < l {
                e.add("living_wage", "the living wage is below the legal minimum: check both figures");
            }
        }
        let hours = match self.standard_hours.trim() {
            "" => Some(208),
            s => match s.parse::<i64>() {
                Ok(h) if (1..=300).contains(&h) => Some(h),
                _ => {
                    e.add("standard_hours", "enter whole hours between 1 and 300 (208 = 8 h × 26 days)");
                    None
                }
            },
        };
        let multiplier = PositiveDecimal::multiplier(&self.target_multiplier)
            .map_err(|m| e.add("target_multiplier", format!("the multiplier {m}")))
            .ok();
        let bonus = Percent::parse(&self.sale_bonus_percent)
            .map_err(|m| e.add("sale_bonus_percent", format!("the percentage {m}")))
            .ok();
        let note = self.source_note.trim();
        if note.chars().count() < 5 {
            e.add("source_note", "say where the figures come from (e.g. WageIndicator, West Bengal, May 2024)");
        } else if note.chars().count() > 1000 {
            e.add("source_note", "keep the source note under 1000 characters");
        }
        match (center, effective_from, legal, hours, multiplier, bonus) {
            (Some(c), Some(from), Some(legal), Some(hours), Some(m), Some(b)) if e.is_empty() => Ok(NewPolicy {
                center_id: c.id,
                effective_from: from,
                legal_min_monthly_minor: legal,
                living_wage_monthly_minor: living,
                standard_hours_per_month: hours,
                target_multiplier: m.get().to_string(),
                sale_bonus_percent: b.get().to_string(),
                source_note: note.to_string(),
                deduction_kinds: self.deduction_codes(),
                recorded_by: recorded_by.to_string(),
                recorded_at: now(),
            }),
            _ => Err(e),
        }
    }
}

#[derive(Serialize)]
struct VersionView {
    effective_from: NaiveDate,
    in_force: bool,
    legal_min: String,
    living_wage: Option<String>,
    hours: i64,
    multiplier: String,
    bonus_percent: String,
    source_note: String,
    /// The deduction kinds' codes; the template names them in the reader's language.
    deductions: Vec<&'static str>,
    recorded_by: String,
    recorded_at: String,
}

#[derive(Serialize)]
struct CenterPolicies {
    code: String,
    city: String,
    warning: Option<String>,
    versions: Vec<VersionView>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PolicyQuery {
    center: String,
    saved: String,
}

async fn render_policy(
    state: &AppState,
    me: &CurrentStaff,
    form: Option<PolicyForm>,
    errors: &FieldErrors,
    chosen: &str,
    notice: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let on = today();
    let (all_centers, histories) = db::run(&state.pool, |conn| -> Result<_, AppError> {
        let all_centers = centers::all(conn)?;
        let mut histories = Vec::new();
        for c in &all_centers {
            histories.push(policy::history(conn, c.id)?);
        }
        Ok((all_centers, histories))
    })
    .await?;
    let chosen = all_centers.iter().find(|c| c.code == chosen).or(all_centers.first());
    let form = form.unwrap_or_else(|| {
        // Pre-filled from the version in force at the chosen center.
        let in_force = chosen.and_then(|c| {
            let i = all_centers.iter().position(|x| x.id == c.id)?;
            histories[i].iter().find(|v| v.effective_from <= on).cloned()
        });
        PolicyForm {
            center: chosen.map(|c| c.code.clone()).unwrap_or_default(),
            effective_from: String::new(),
            legal_min: in_force.as_ref().map(|v| major(v.legal_min_monthly_minor)).unwrap_or_default(),
            living_wage: in_force.as_ref().and_then(|v| v.living_wage_monthly_minor).map(major).unwrap_or_default(),
            standard_hours: in_force.as_ref().map(|v| v.standard_hours_per_month.to_string()).unwrap_or("208".into()),
            target_multiplier: in_force.as_ref().map(|v| v.target_multiplier.clone()).unwrap_or_default(),
            sale_bonus_percent: in_force.as_ref().map(|v| v.sale_bonus_percent.clone()).unwrap_or_default(),
            source_note: String::new(),
            deductions: DeductionKind::list(
                in_force
                    .as_ref()
                    .map(|v| v.deduction_kinds.as_str())
                    .unwrap_or(crate::wages::defaults::DEDUCTION_KINDS),
            )
            .into_iter()
            .map(|k| (format!("deduct_{}", k.code()), "on".to_string()))
            .collect(),
        }
    });
    let centers_view: Vec<CenterPolicies> = all_centers
        .iter()
        .zip(histories)
        .map(|(c, versions)| {
            let in_force_id = versions.iter().find(|v| v.effective_from <= on).map(|v| v.id);
            let warning = match versions.iter().find(|v| v.effective_from <= on) {
                None => Some(super::policy_warning(me, "wages-no-policy", &c.city)),
                Some(v) if v.living_wage_monthly_minor.is_none() => {
                    Some(super::policy_warning(me, "wages-no-living-wage-short", &c.city))
                }
                Some(_) => None,
            };
            CenterPolicies {
                code: c.code.clone(),
                city: c.city.clone(),
                warning,
                versions: versions
                    .into_iter()
                    .map(|v| VersionView {
                        in_force: Some(v.id) == in_force_id,
                        effective_from: v.effective_from,
                        legal_min: inr(v.legal_min_monthly_minor),
                        living_wage: v.living_wage_monthly_minor.map(inr),
                        hours: v.standard_hours_per_month,
                        multiplier: v.target_multiplier,
                        bonus_percent: v.sale_bonus_percent,
                        source_note: v.source_note,
                        deductions: DeductionKind::list(&v.deduction_kinds).iter().map(|k| k.code()).collect(),
                        recorded_by: v.recorded_by,
                        recorded_at: v.recorded_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    })
                    .collect(),
            }
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("centers", &centers_view);
    ctx.insert("center_options", &all_centers.iter().map(|c| (c.code.clone(), c.city.clone())).collect::<Vec<_>>());
    ctx.insert("form", &form);
    ctx.insert(
        "deduction_kinds",
        &DeductionKind::ALL
            .iter()
            .map(|k| {
                let name = format!("deduct_{}", k.code());
                serde_json::json!({ "name": name, "code": k.code(), "checked": form.deductions.contains_key(&name) })
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert("errors", errors);
    ctx.insert("notice", &notice);
    let body = state.templates.render_admin(
        "admin/wages/policy.html",
        &super::tr(me, "wages-policy-heading"),
        Some(me),
        ctx,
    )?;
    Ok(html(status, body))
}

pub async fn policy_page(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<PolicyQuery>,
) -> Result<HttpResponse, AppError> {
    me.require(FINANCE)?;
    let notice =
        (!query.saved.is_empty()).then(|| format!("The new version is saved and applies from {}.", query.saved.trim()));
    render_policy(&state, &me, None, &FieldErrors::default(), query.center.trim(), notice, StatusCode::OK).await
}

pub async fn policy_add(state: web::Data<AppState>, form: AdminForm<PolicyForm>) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    me.require(FINANCE)?;
    let all_centers = db::run(&state.pool, |conn| centers::all(conn).map_err(AppError::from)).await?;
    let mut errors = match form.parse(&all_centers, &me.staff.email) {
        Ok(new) => {
            let (actor, at) = (me.actor(), now());
            let to = format!("/admin/wages/policy?center={}&saved={}", form.center.trim(), new.effective_from);
            let res =
                db::run::<_, AppError, _>(&state.pool, move |conn| Ok(policy::add(conn, &actor, &new, at))).await?;
            match res {
                Ok(_) => {
                    return Ok(see_other(&to));
                }
                Err(e) => {
                    let mut errors = FieldErrors::default();
                    into_field(e, &mut errors, "effective_from")?;
                    errors
                }
            }
        }
        Err(e) => e,
    };
    errors.add("form", "Nothing was saved; please correct the fields marked below.");
    let chosen = form.center.trim().to_string();
    render_policy(&state, &me, Some(form), &errors, &chosen, None, StatusCode::UNPROCESSABLE_ENTITY).await
}
