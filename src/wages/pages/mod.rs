//! The finance pages under `/admin/wages`, one file per page (or per form with its page):
//! the overview with the ledger check and the audit export (`overview`), the ledger list
//! (`ledger`), the reports (`statement`, `center_month`, `earnings`, `late`,
//! `reconciliation`) and the forms (`policy`, `rates`, `payouts`, `adjustments`); the month's
//! truth: employment terms (`terms`), the time register's week (`register`) and the month
//! close (`months`); the artisan's pay slip (`payslip`).
//!
//! Finance and admin only, except the terms (managers read their own center's), the time
//! register (managers enter their own center's weeks) and pay slips (their own center's);
//! these show aliases, never legal names. Every page showing legal names is audit-logged;
//! legal names are decrypted here, for finance only, in the request that logs the view. Each
//! form is parsed into the service's input (errors next to their fields, values kept); the
//! service checks the rules that need the database and audit-logs the write.

mod adjustments;
mod center_month;
mod deductions;
mod earnings;
mod late;
mod ledger;
mod months;
mod overview;
mod payouts;
mod payslip;
mod policy;
mod rates;
mod reconciliation;
mod register;
mod statement;
mod terms;

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;
use serde_json::Value;

use crate::auth::CurrentStaff;
use crate::crypto::Field;
use crate::db;
use crate::error::AppError;
use crate::money::{Currency, Money};
use crate::staff::Role;
use crate::state::AppState;
use crate::wages::admin_queries::{self, ArtisanLine};
use crate::wages::policy::{hours_label, inr};
use crate::wages::types::{india_date, Month};
use crate::web::form::FieldErrors;
use crate::web::templates::Viewer;

/// A message in the viewer's language (`locales/<lang>/wages-admin.ftl`): page titles.
pub(super) fn tr(me: &CurrentStaff, key: &str) -> String {
    crate::i18n::t(me.lang(), key)
}

/// "October 2026" in the viewer's language.
pub(super) fn month_label(me: &CurrentStaff, month: Month) -> String {
    month.label_in(me.lang())
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/wages/statements/{artisan}/{month}", web::get().to(statement::statement))
        .route("/admin/wages/statements/{artisan}/{month}/csv", web::get().to(statement::statement_csv))
        .route("/admin/wages/centers/{center}/{month}", web::get().to(center_month::center_month))
        .route("/admin/wages/earnings", web::get().to(earnings::earnings))
        .route("/admin/wages/late", web::get().to(late::late))
        .route("/admin/wages/reconciliation", web::get().to(reconciliation::reconciliation))
        .route("/admin/wages", web::get().to(overview::overview))
        .route("/admin/wages/verify", web::post().to(overview::verify))
        .route("/admin/wages/ledger", web::get().to(ledger::ledger_list))
        .route("/admin/wages/export", web::get().to(overview::export_zip))
        .route("/admin/wages/policy", web::get().to(policy::policy_page))
        .route("/admin/wages/policy", web::post().to(policy::policy_add))
        .route("/admin/wages/rates", web::get().to(rates::rates_page))
        .route("/admin/wages/rates", web::post().to(rates::rate_record))
        .route("/admin/wages/payouts/new", web::get().to(payouts::payout_form))
        .route("/admin/wages/payouts/new", web::post().to(payouts::payout_record))
        .route("/admin/wages/deductions/new", web::get().to(deductions::deduction_form))
        .route("/admin/wages/deductions/new", web::post().to(deductions::deduction_record))
        .route("/admin/wages/adjustments", web::get().to(adjustments::adjustments_page))
        .route("/admin/wages/adjustments", web::post().to(adjustments::adjustment_propose))
        .route(r"/admin/wages/adjustments/{id:\d+}/approve", web::post().to(adjustments::adjustment_approve))
        .route(r"/admin/wages/adjustments/{id:\d+}/reject", web::post().to(adjustments::adjustment_reject))
        .route("/admin/wages/terms", web::get().to(terms::terms_page))
        .route("/admin/wages/terms", web::post().to(terms::terms_add))
        .route("/admin/wages/register", web::get().to(register::register_page))
        .route("/admin/wages/register", web::post().to(register::register_save))
        .route("/admin/wages/register/confirm", web::post().to(register::register_confirm))
        .service(
            web::resource("/admin/wages/register/import")
                .app_data(
                    actix_multipart::form::MultipartFormConfig::default()
                        .total_limit(1024 * 1024 + 64 * 1024)
                        .memory_limit(1024 * 1024 + 64 * 1024),
                )
                .route(web::post().to(register::register_import)),
        )
        .route("/admin/wages/months/{center}/{month}", web::get().to(months::month_page))
        .route("/admin/wages/months/{center}/{month}/close", web::post().to(months::month_close))
        .route("/admin/wages/artisans/{public_id}/slips/{month}", web::get().to(payslip::pay_slip));
}

/// Who may see and write wage data.
const FINANCE: &[Role] = &[Role::Admin, Role::Finance];

fn now() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body)
}

fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, to.to_string())).finish()
}

/// Moves a service's refusal of one field into the form's errors; anything else is an error.
fn into_field(e: AppError, errors: &mut FieldErrors, fallback: &str) -> Result<(), AppError> {
    match e {
        AppError::Invalid(fields) => {
            for (field, message) in fields.0 {
                errors.add(if field.is_empty() { fallback } else { &field }, message);
            }
            Ok(())
        }
        // A lost race or a closed month is an answer on the form, which keeps what was typed.
        e @ AppError::Conflict { .. } => {
            errors.add(fallback, e.public_message());
            Ok(())
        }
        other => Err(other),
    }
}

/// A date typed as YYYY-MM-DD.
fn parse_date(s: &str, what: &str) -> Result<NaiveDate, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err(format!("enter the {what} as YYYY-MM-DD"));
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| format!("`{t}` is not a date: write it as YYYY-MM-DD"))
}

/// Today in India, for form defaults.
fn today() -> NaiveDate {
    india_date(now())
}

fn parse_month(s: &str) -> Result<Month, AppError> {
    Month::parse(s).map_err(|m| AppError::bad_request("month", m))
}

/// What every page that needs Mumbai's living wage says while there is none, in the reader's
/// language.
pub fn no_living_wage_message(lang: crate::i18n::Lang, city: &str) -> String {
    crate::i18n::t_with(lang, "wages-no-living-wage", &[("city", city.to_string().into())])
}

/// What the overview and the policy page say about a center without a policy or a living wage.
pub(super) fn policy_warning(me: &CurrentStaff, key: &str, city: &str) -> String {
    crate::i18n::t_with(me.lang(), key, &[("city", city.to_string().into())])
}

/// The report as JSON for a template, with display values added beside the raw ones: each
/// `…_minor` amount gets `…` formatted in rupees, each `minutes` gets `hours`, and each month
/// becomes `YYYY-MM`.
fn display(v: impl Serialize) -> Result<Value, AppError> {
    let v = serde_json::to_value(v).map_err(|e| AppError::internal_in("report JSON", e))?;
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

/// An artisan's legal name from its sealed copy (empty when there is none).
fn legal_name(state: &AppState, artisan_id: i64, sealed: Option<&String>) -> Result<String, AppError> {
    sealed
        .map(|s| state.cipher.open(Field::ARTISAN_LEGAL_NAME, artisan_id, s).map_err(AppError::corrupt))
        .transpose()
        .map(Option::unwrap_or_default)
}

/// An artisan as a form or list shows them to finance.
#[derive(Serialize)]
struct ArtisanItem {
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

fn artisan_item(a: &ArtisanLine, month: Month) -> ArtisanItem {
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

async fn roster(state: &AppState, me: &CurrentStaff, action: &'static str) -> Result<Vec<ArtisanLine>, AppError> {
    let (cipher, actor, at) = (state.cipher.clone(), me.actor(), now());
    db::run(&state.pool, move |conn| admin_queries::roster(conn, &cipher, Some((&actor, action)), None, at)).await
}

fn items(roster: &[ArtisanLine]) -> Vec<ArtisanItem> {
    let month = Month::of(today());
    roster.iter().map(|a| artisan_item(a, month)).collect()
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
}
