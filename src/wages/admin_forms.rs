//! The finance forms under `/admin/wages`: a new wage-policy version, an exchange rate, a
//! payout, and adjustments with their second-person approval. Each form is parsed here into
//! the service's input (errors next to their fields, values kept); the service checks the
//! rules that need the database and audit-logs the write.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tera::Context;

use super::admin::{artisan_item, html, into_field, now, parse_date, see_other, today, ArtisanItem, FINANCE};
use super::admin_queries::{self, ArtisanLine};
use super::ledger::EntryRow;
use super::policy::{self, inr, NewPolicy};
use super::service::{self, AdjustmentInput, PayoutInput};
use super::types::{Month, PayoutMethod, Percent, PositiveDecimal};
use crate::auth::{AdminForm, CurrentStaff};
use crate::centers::{self, Center};
use crate::db;
use crate::error::AppError;
use crate::money::{Currency, Money};
use crate::state::AppState;
use crate::web::form::FieldErrors;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/wages/policy", web::get().to(policy_page))
        .route("/admin/wages/policy", web::post().to(policy_add))
        .route("/admin/wages/rates", web::get().to(rates_page))
        .route("/admin/wages/rates", web::post().to(rate_record))
        .route("/admin/wages/payouts/new", web::get().to(payout_form))
        .route("/admin/wages/payouts/new", web::post().to(payout_record))
        .route("/admin/wages/adjustments", web::get().to(adjustments_page))
        .route("/admin/wages/adjustments", web::post().to(adjustment_propose))
        .route(r"/admin/wages/adjustments/{id:\d+}/approve", web::post().to(adjustment_approve))
        .route(r"/admin/wages/adjustments/{id:\d+}/reject", web::post().to(adjustment_reject));
}

/// Rupees typed in major units (up to 2 decimals); `signed` allows a leading minus.
fn parse_rupees(s: &str, signed: bool) -> Result<i64, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err("enter an amount in rupees, e.g. 2500 or 2500.50".into());
    }
    let (negative, digits) = match t.strip_prefix('-') {
        Some(rest) if signed => (true, rest.trim()),
        Some(_) => return Err("enter the amount without a minus sign".into()),
        None => (false, t.strip_prefix('+').unwrap_or(t).trim()),
    };
    let digits = digits.trim_start_matches('₹').trim();
    let m = Money::parse_major(digits, Currency::Inr).map_err(|e| format!("the amount {e}"))?;
    Ok(if negative { -m.minor } else { m.minor })
}

/// A major-unit text for a form field: 1250000 → "12500.00".
fn major(minor: i64) -> String {
    Money::new(minor, Currency::Inr).major_string()
}

// ----- Wage policy -------------------------------------------------------------------------

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
}

impl PolicyForm {
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
        let multiplier = PositiveDecimal::parse(&self.target_multiplier, 4)
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
        }
    });
    let centers_view: Vec<CenterPolicies> = all_centers
        .iter()
        .zip(histories)
        .map(|(c, versions)| {
            let in_force_id = versions.iter().find(|v| v.effective_from <= on).map(|v| v.id);
            let warning = match versions.iter().find(|v| v.effective_from <= on) {
                None => Some(format!("{} has no wage policy in force: finance must add one.", c.city)),
                Some(v) if v.living_wage_monthly_minor.is_none() => {
                    Some(format!("{} has no living-wage figure: finance must enter one.", c.city))
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
                        recorded_by: v.recorded_by,
                        recorded_at: v.recorded_at.format("%Y-%m-%d %H:%M UTC").to_string(),
                    })
                    .collect(),
            }
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("centers", &centers_view);
    ctx.insert("center_options", &all_centers.iter().map(|c| (c.code.clone(), c.city.clone())).collect::<Vec<_>>());
    ctx.insert("form", &form);
    ctx.insert("errors", errors);
    ctx.insert("notice", &notice);
    let body = state.templates.render_admin("admin/wages/policy.html", "Wage policy", Some(me), ctx)?;
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

// ----- Exchange rates ----------------------------------------------------------------------

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct RateForm {
    pub currency: String,
    pub date: String,
    pub rate: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RateQuery {
    recorded: String,
    posted: String,
}

/// The sale currencies a rate may be recorded for: the shop's first, then the others (never INR).
fn rate_currencies(shop: Currency) -> Vec<&'static str> {
    let mut out = vec![];
    if shop != Currency::Inr {
        out.push(shop.code());
    }
    out.extend(Currency::ALL.iter().filter(|c| **c != Currency::Inr && **c != shop).map(|c| c.code()));
    out
}

#[derive(Serialize)]
struct RateView {
    currency: String,
    date: NaiveDate,
    rate: String,
    recorded_by: String,
    recorded_at: String,
}

async fn render_rates(
    state: &AppState,
    me: &CurrentStaff,
    form: &RateForm,
    errors: &FieldErrors,
    notice: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let rates = db::run(&state.pool, |conn| admin_queries::recent_rates(conn, 100).map_err(AppError::from)).await?;
    let rates: Vec<RateView> = rates
        .into_iter()
        .map(|r| RateView {
            currency: r.currency,
            date: r.rate_date,
            rate: r.inr_per_unit,
            recorded_by: r.recorded_by,
            recorded_at: r.recorded_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("rates", &rates);
    ctx.insert("currencies", &rate_currencies(state.settings.currency));
    ctx.insert("form", form);
    ctx.insert("errors", errors);
    ctx.insert("notice", &notice);
    let body = state.templates.render_admin("admin/wages/rates.html", "Exchange rates", Some(me), ctx)?;
    Ok(html(status, body))
}

pub async fn rates_page(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<RateQuery>,
) -> Result<HttpResponse, AppError> {
    me.require(FINANCE)?;
    let notice = (!query.recorded.is_empty()).then(|| {
        let posted: usize = query.posted.trim().parse().unwrap_or(0);
        format!(
            "The {} rate is recorded. {} sale bonus {} waiting for it {} posted to the ledger.",
            query.recorded.trim(),
            posted,
            if posted == 1 { "entry" } else { "entries" },
            if posted == 1 { "was" } else { "were" },
        )
    });
    let form = RateForm {
        currency: rate_currencies(state.settings.currency).first().map(|c| c.to_string()).unwrap_or_default(),
        date: today().to_string(),
        rate: String::new(),
    };
    render_rates(&state, &me, &form, &FieldErrors::default(), notice, StatusCode::OK).await
}

pub async fn rate_record(state: web::Data<AppState>, form: AdminForm<RateForm>) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    me.require(FINANCE)?;
    let mut e = FieldErrors::default();
    let allowed = rate_currencies(state.settings.currency);
    let currency = match allowed.iter().find(|c| **c == form.currency.trim()) {
        Some(c) => Some(*c),
        None => {
            e.add("currency", "choose the sale currency the rate is for");
            None
        }
    };
    let on = parse_date(&form.date, "day of the rate").map_err(|m| e.add("date", m)).ok();
    if let Some(d) = on {
        if d > today() {
            e.add("date", "a rate is recorded for a day that has begun, not a future one");
        }
    }
    let rate = PositiveDecimal::parse(&form.rate, 6).map_err(|m| e.add("rate", format!("the rate {m}"))).ok();
    if let (Some(currency), Some(on), Some(rate), true) = (currency, on, rate, e.is_empty()) {
        let (actor, at) = (me.actor(), now());
        let res = db::run::<_, AppError, _>(&state.pool, move |conn| {
            Ok(service::record_rate(conn, &actor, currency, on, rate, at))
        })
        .await?;
        match res {
            Ok(posted) => {
                return Ok(see_other(&format!("/admin/wages/rates?recorded={currency}+{on}&posted={posted}")));
            }
            Err(err) => into_field(err, &mut e, "rate")?,
        }
    }
    render_rates(&state, &me, &form, &e, None, StatusCode::UNPROCESSABLE_ENTITY).await
}

// ----- Payouts -----------------------------------------------------------------------------

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct PayoutForm {
    pub artisan: String,
    pub amount: String,
    pub paid_on: String,
    pub method: String,
    pub reference: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PayoutQuery {
    artisan: String,
}

async fn roster(state: &AppState, me: &CurrentStaff, action: &'static str) -> Result<Vec<ArtisanLine>, AppError> {
    let (cipher, actor, at) = (state.cipher.clone(), me.actor(), now());
    db::run(&state.pool, move |conn| admin_queries::roster(conn, &cipher, Some((&actor, action)), None, at)).await
}

fn items(roster: &[ArtisanLine]) -> Vec<ArtisanItem> {
    let month = Month::of(today());
    roster.iter().map(|a| artisan_item(a, month)).collect()
}

async fn render_payout(
    state: &AppState,
    me: &CurrentStaff,
    form: &PayoutForm,
    errors: &FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let roster = roster(state, me, "wages.payout_form.view").await?;
    let mut ctx = Context::new();
    ctx.insert("artisans", &items(&roster));
    ctx.insert("methods", &PayoutMethod::ALL.iter().map(|m| (m.code(), m.label())).collect::<Vec<_>>());
    ctx.insert("form", form);
    ctx.insert("errors", errors);
    let body = state.templates.render_admin("admin/wages/payout.html", "Record a payout", Some(me), ctx)?;
    Ok(html(status, body))
}

pub async fn payout_form(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<PayoutQuery>,
) -> Result<HttpResponse, AppError> {
    me.require(FINANCE)?;
    let form = PayoutForm {
        artisan: query.artisan.trim().to_string(),
        paid_on: today().to_string(),
        method: PayoutMethod::Bank.code().into(),
        ..Default::default()
    };
    render_payout(&state, &me, &form, &FieldErrors::default(), StatusCode::OK).await
}

async fn artisan_id(state: &AppState, public_id: &str, e: &mut FieldErrors) -> Result<Option<i64>, AppError> {
    let pid = public_id.trim().to_string();
    if pid.is_empty() {
        e.add("artisan", "choose the artisan");
        return Ok(None);
    }
    let found =
        db::run(&state.pool, move |conn| admin_queries::artisan_by_public_id(conn, &pid).map_err(AppError::from))
            .await?;
    if found.is_none() {
        e.add("artisan", "there is no such artisan; choose one from the list");
    }
    Ok(found)
}

pub async fn payout_record(state: web::Data<AppState>, form: AdminForm<PayoutForm>) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    me.require(FINANCE)?;
    let mut e = FieldErrors::default();
    let artisan = artisan_id(&state, &form.artisan, &mut e).await?;
    let amount = match parse_rupees(&form.amount, false) {
        Ok(0) => {
            e.add("amount", "enter the amount paid, more than zero");
            None
        }
        Ok(v) => Some(v),
        Err(m) => {
            e.add("amount", m);
            None
        }
    };
    let paid_on = parse_date(&form.paid_on, "day it was paid").map_err(|m| e.add("paid_on", m)).ok();
    let method = PayoutMethod::parse(&form.method).map_err(|m| e.add("method", m)).ok();
    if let (Some(artisan_id), Some(amount_minor), Some(paid_on), Some(method), true) =
        (artisan, amount, paid_on, method, e.is_empty())
    {
        let input = PayoutInput { artisan_id, amount_minor, paid_on, method, reference: form.reference.clone() };
        let (actor, at) = (me.actor(), now());
        let res =
            db::run::<_, AppError, _>(&state.pool, move |conn| Ok(service::record_payout(conn, &actor, &input, at)))
                .await?;
        match res {
            Ok(_) => return Ok(see_other("/admin/wages?done=payout")),
            Err(err) => into_field(err, &mut e, "amount")?,
        }
    }
    render_payout(&state, &me, &form, &e, StatusCode::UNPROCESSABLE_ENTITY).await
}

// ----- Adjustments -------------------------------------------------------------------------

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct AdjustmentForm {
    pub artisan: String,
    pub amount: String,
    pub occurred_on: String,
    pub reason: String,
    pub corrects: String,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct DecisionForm {
    pub note: String,
}

#[derive(Serialize)]
struct AdjustmentView {
    id: i64,
    artisan: String,
    legal_name: String,
    artisan_public_id: String,
    amount: String,
    occurred_on: NaiveDate,
    reason: String,
    corrects: Option<i64>,
    proposed_by: String,
    proposed_at: String,
    /// pending | approved | rejected
    state: &'static str,
    decided_by: String,
    decided_at: String,
    note: String,
}

fn adjustment_view(a: &EntryRow, d: Option<&EntryRow>, roster: &[ArtisanLine]) -> AdjustmentView {
    let who = roster.iter().find(|r| r.id == a.artisan_id);
    let details = a.details_json();
    let note = d.map(|d| d.details_json().get("note").and_then(|v| v.as_str()).unwrap_or("").to_string());
    AdjustmentView {
        id: a.id,
        artisan: who.map(|w| w.alias.clone()).unwrap_or_default(),
        legal_name: who.map(|w| w.legal_name.clone()).unwrap_or_default(),
        artisan_public_id: who.map(|w| w.public_id.clone()).unwrap_or_default(),
        amount: inr(a.amount_minor),
        occurred_on: a.occurred_on,
        reason: details.get("reason").and_then(|v| v.as_str()).unwrap_or("").to_string(),
        corrects: a.refers_to,
        proposed_by: a.recorded_by.clone(),
        proposed_at: a.recorded_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        state: match d.and_then(|d| d.kind()) {
            Some(super::types::EntryKind::AdjustmentApproved) => "approved",
            Some(_) => "rejected",
            None => "pending",
        },
        decided_by: d.map(|d| d.recorded_by.clone()).unwrap_or_default(),
        decided_at: d.map(|d| d.recorded_at.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or_default(),
        note: note.unwrap_or_default(),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AdjustmentQuery {
    done: String,
}

struct DecisionError {
    id: i64,
    message: String,
}

async fn render_adjustments(
    state: &AppState,
    me: &CurrentStaff,
    form: &AdjustmentForm,
    errors: &FieldErrors,
    decision_error: Option<DecisionError>,
    notice: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let roster = roster(state, me, "wages.adjustments.view").await?;
    let rows = db::run(&state.pool, |conn| admin_queries::adjustments(conn, 500).map_err(AppError::from)).await?;
    let mut views: Vec<AdjustmentView> = rows.iter().map(|(a, d)| adjustment_view(a, d.as_ref(), &roster)).collect();
    // Pending first (oldest waiting longest at the top), then decided, newest first.
    views.sort_by(|a, b| match (a.state == "pending", b.state == "pending") {
        (true, true) => a.id.cmp(&b.id),
        (true, false) => std::cmp::Ordering::Less,
        (false, true) => std::cmp::Ordering::Greater,
        (false, false) => b.id.cmp(&a.id),
    });
    let mut ctx = Context::new();
    ctx.insert("adjustments", &views);
    ctx.insert("artisans", &items(&roster));
    ctx.insert("form", form);
    ctx.insert("errors", errors);
    ctx.insert("decision_error_id", &decision_error.as_ref().map(|d| d.id));
    ctx.insert("decision_error", &decision_error.as_ref().map(|d| d.message.clone()));
    ctx.insert("notice", &notice);
    ctx.insert("my_label", &me.staff.email);
    let body = state.templates.render_admin("admin/wages/adjustments.html", "Adjustments", Some(me), ctx)?;
    Ok(html(status, body))
}

fn blank_adjustment() -> AdjustmentForm {
    AdjustmentForm { occurred_on: today().to_string(), ..Default::default() }
}

pub async fn adjustments_page(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<AdjustmentQuery>,
) -> Result<HttpResponse, AppError> {
    me.require(FINANCE)?;
    let notice = match query.done.as_str() {
        "proposed" => Some(
            "The adjustment is in the ledger. It counts only once someone else in finance or an admin approves it.",
        ),
        "approved" => Some("The adjustment is approved; it now counts towards the artisan's balance."),
        "rejected" => Some("The adjustment is rejected; it will never count towards a balance."),
        _ => None,
    };
    render_adjustments(&state, &me, &blank_adjustment(), &FieldErrors::default(), None, notice, StatusCode::OK).await
}

pub async fn adjustment_propose(
    state: web::Data<AppState>,
    form: AdminForm<AdjustmentForm>,
) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    me.require(FINANCE)?;
    let mut e = FieldErrors::default();
    let artisan = artisan_id(&state, &form.artisan, &mut e).await?;
    let amount = match parse_rupees(&form.amount, true) {
        Ok(0) => {
            e.add("amount", "an adjustment of nothing changes nothing; enter an amount");
            None
        }
        Ok(v) => Some(v),
        Err(m) => {
            e.add("amount", m);
            None
        }
    };
    let on = parse_date(&form.occurred_on, "day the adjustment applies to").map_err(|m| e.add("occurred_on", m)).ok();
    if let Some(d) = on {
        if d > today() {
            e.add("occurred_on", "the date is in the future");
        }
    }
    let corrects = match form.corrects.trim().trim_start_matches('#').trim() {
        "" => None,
        s => match s.parse::<i64>() {
            Ok(n) if n > 0 => Some(n),
            _ => {
                e.add("corrects", "enter the number of the ledger entry this corrects, e.g. 42, or leave it blank");
                None
            }
        },
    };
    let reason = form.reason.trim();
    if reason.chars().count() < 10 {
        e.add("reason", "say why, in a sentence an auditor will understand (at least 10 characters)");
    }
    if let (Some(artisan_id), Some(amount_minor), Some(on), true) = (artisan, amount, on, e.is_empty()) {
        let input = AdjustmentInput { artisan_id, amount_minor, on, reason: reason.to_string(), corrects };
        let (actor, at) = (me.actor(), now());
        let res = db::run::<_, AppError, _>(&state.pool, move |conn| {
            Ok(service::propose_adjustment(conn, &actor, &input, at))
        })
        .await?;
        match res {
            Ok(_) => return Ok(see_other("/admin/wages/adjustments?done=proposed")),
            Err(err) => into_field(err, &mut e, "amount")?,
        }
    }
    render_adjustments(&state, &me, &form, &e, None, None, StatusCode::UNPROCESSABLE_ENTITY).await
}

async fn decide(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: AdminForm<DecisionForm>,
    approve: bool,
) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    me.require(FINANCE)?;
    let id = id.into_inner();
    let note = form.note.trim().to_string();
    if note.chars().count() > 500 {
        let err = DecisionError { id, message: "keep the note under 500 characters".into() };
        return render_adjustments(
            &state,
            &me,
            &blank_adjustment(),
            &FieldErrors::default(),
            Some(err),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let (actor, at) = (me.actor(), now());
    let res = db::run::<_, AppError, _>(&state.pool, move |conn| {
        Ok(service::decide_adjustment(conn, &actor, id, approve, &note, at))
    })
    .await?;
    let (status, message) = match res {
        Ok(_) => {
            return Ok(see_other(if approve {
                "/admin/wages/adjustments?done=approved"
            } else {
                "/admin/wages/adjustments?done=rejected"
            }))
        }
        // The second-person rule: shown on the page, not as a bare error.
        Err(AppError::Forbidden(m)) => (StatusCode::FORBIDDEN, m),
        Err(AppError::BadRequest { message, .. }) => (StatusCode::UNPROCESSABLE_ENTITY, message),
        Err(other) => return Err(other),
    };
    let err = DecisionError { id, message };
    render_adjustments(&state, &me, &blank_adjustment(), &FieldErrors::default(), Some(err), None, status).await
}

pub async fn adjustment_approve(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: AdminForm<DecisionForm>,
) -> Result<HttpResponse, AppError> {
    decide(state, id, form, true).await
}

pub async fn adjustment_reject(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: AdminForm<DecisionForm>,
) -> Result<HttpResponse, AppError> {
    decide(state, id, form, false).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rupees_parse_with_an_optional_sign() {
        assert_eq!(parse_rupees("2,500.50", false), Ok(250_050));
        assert_eq!(parse_rupees("-120", true), Ok(-12_000));
        assert_eq!(parse_rupees("₹ 99", false), Ok(9_900));
        assert!(parse_rupees("-120", false).is_err());
        assert!(parse_rupees("1.234", false).is_err());
        assert!(parse_rupees("", true).is_err());
        assert!(parse_rupees("ten", true).is_err());
    }

    #[test]
    fn rate_currencies_start_with_the_shop_and_leave_out_rupees() {
        let c = rate_currencies(Currency::Eur);
        assert_eq!(c[0], "EUR");
        assert!(!c.contains(&"INR"));
        assert_eq!(c.len(), 5);
    }
}
