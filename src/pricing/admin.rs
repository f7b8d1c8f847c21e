//! The back-office pages of pricing: the gold rate (`/admin/gold-rates`, finance and admins)
//! and a piece's costs (`/admin/pieces/{id}/costs`: finance, admins, and the manager of the
//! piece's center).

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use tera::Context;

use super::costs::{self, CostsInput, PieceHead};
use super::gold::{self, GoldRateInput};
use crate::auth::Scope;
use crate::auth::{AdminForm, CurrentStaff};
use crate::db;
use crate::error::AppError;
use crate::money::{Currency, Money};
use crate::staff::Role;
use crate::state::AppState;
use crate::wages::types::india_date;
use crate::web::form::FieldErrors;
use crate::web::templates::Viewer;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/gold-rates", web::get().to(gold_rates_page))
        .route("/admin/gold-rates", web::post().to(gold_rate_record))
        .route(r"/admin/pieces/{id:\d+}/costs", web::get().to(costs_page))
        .route(r"/admin/pieces/{id:\d+}/costs", web::post().to(costs_record));
}

/// Who records gold rates.
const FINANCE: &[Role] = &[Role::Admin, Role::Finance];

/// The longest source text kept.
const SOURCE_MAX: usize = 200;

fn now() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body)
}

fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, to.to_string())).finish()
}

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct GoldRateForm {
    pub date: String,
    pub currency: String,
    pub rate: String,
    pub source: String,
}

impl GoldRateForm {
    /// Every field's mistake at once; `today` is the day in India (no rate for a future day).
    pub fn parse(&self, today: chrono::NaiveDate) -> Result<GoldRateInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let on = match chrono::NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d") {
            Ok(d) if d > today => {
                e.add("date", "a rate is recorded for a day that has begun, not a future one");
                None
            }
            Ok(d) => Some(d),
            Err(_) if self.date.trim().is_empty() => {
                e.add("date", "enter the day of the rate as YYYY-MM-DD");
                None
            }
            Err(_) => {
                e.add("date", format!("`{}` is not a date: write it as YYYY-MM-DD", self.date.trim()));
                None
            }
        };
        let currency = Currency::parse(&self.currency);
        if currency.is_none() {
            e.add("currency", "choose the currency of the rate");
        }
        let per_gram = currency.and_then(|c| match Money::parse_major(&self.rate, c) {
            Ok(m) if m.minor == 0 => {
                e.add("rate", "the rate must be more than zero");
                None
            }
            Ok(m) => Some(m),
            Err(err) => {
                e.add("rate", format!("the rate {err}"));
                None
            }
        });
        let source = self.source.split_whitespace().collect::<Vec<_>>().join(" ");
        if source.is_empty() {
            e.add("source", "say where the rate was read (e.g. the IBJA 999 rate of the day)");
        } else if source.chars().count() > SOURCE_MAX {
            e.add("source", format!("keep the source under {SOURCE_MAX} characters"));
        }
        match (on, per_gram, e.is_empty()) {
            (Some(on), Some(per_gram), true) => Ok(GoldRateInput { on, per_gram, source }),
            _ => Err(e),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RecordedQuery {
    recorded: String,
}

#[derive(Serialize)]
struct RateView {
    date: String,
    per_gram: String,
    source: String,
    recorded_by: String,
    recorded_at: String,
    in_force: bool,
}

async fn render(
    state: &AppState,
    me: &CurrentStaff,
    form: &GoldRateForm,
    errors: &FieldErrors,
    notice: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let rates = db::run(&state.pool, |conn| gold::recent(conn, 100).map_err(AppError::from)).await?;
    let mut seen = std::collections::HashSet::new();
    let rates: Vec<RateView> = rates
        .into_iter()
        .map(|r| RateView {
            // The first row of a day in this order (newest first) is the one in force.
            in_force: seen.insert(r.rate_date),
            date: r.rate_date.to_string(),
            per_gram: r.per_gram().to_string(),
            source: r.source,
            recorded_by: r.recorded_by,
            recorded_at: r.recorded_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("rates", &rates);
    ctx.insert("currencies", &Currency::ALL.iter().map(|c| c.code()).collect::<Vec<_>>());
    ctx.insert("form", form);
    ctx.insert("errors", errors);
    ctx.insert("notice", &notice);
    let body = state.templates.render_admin(
        "admin/pricing/gold_rates.html",
        &crate::i18n::t(me.lang(), "fin-gold-heading"),
        Some(me),
        ctx,
    )?;
    Ok(html(status, body))
}

pub async fn gold_rates_page(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<RecordedQuery>,
) -> Result<HttpResponse, AppError> {
    me.require(FINANCE)?;
    let notice = chrono::NaiveDate::parse_from_str(query.recorded.trim(), "%Y-%m-%d")
        .ok()
        .map(|d| format!("The gold rate for {d} is recorded."));
    let form = GoldRateForm {
        date: india_date(now()).to_string(),
        currency: Currency::Inr.code().into(),
        rate: String::new(),
        source: String::new(),
    };
    render(&state, &me, &form, &FieldErrors::default(), notice, StatusCode::OK).await
}

pub async fn gold_rate_record(
    state: web::Data<AppState>,
    form: AdminForm<GoldRateForm>,
) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    me.require(FINANCE)?;
    let errors = match form.parse(india_date(now())) {
        Ok(input) => {
            let (actor, at, on) = (me.actor(), now(), input.on);
            match db::run(&state.pool, move |conn| gold::record(conn, &actor, &input, at)).await {
                Ok(_) => return Ok(see_other(&format!("/admin/gold-rates?recorded={on}"))),
                Err(AppError::Invalid(e)) => e,
                Err(other) => return Err(other),
            }
        }
        Err(e) => e,
    };
    render(&state, &me, &form, &errors, None, StatusCode::UNPROCESSABLE_ENTITY).await
}

// ---------------------------------------------------------------------------------------------
// A piece's costs

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct CostsForm {
    pub stones: String,
    pub hallmarking: String,
    pub packing: String,
}

impl CostsForm {
    fn of(c: &costs::PieceCosts) -> Self {
        Self {
            stones: c.stones().major_string(),
            hallmarking: c.hallmarking().major_string(),
            packing: c.packing().major_string(),
        }
    }

    /// Every field's mistake at once: each an amount in rupees, 0 when there is none.
    pub fn parse(&self) -> Result<CostsInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let mut amount = |field: &str, value: &str, what: &str| {
            if value.trim().is_empty() {
                e.add(field, format!("enter the {what} in rupees (0 if there is none)"));
                return None;
            }
            Money::parse_major(value, costs::CURRENCY).map_err(|err| e.add(field, format!("the {what} {err}"))).ok()
        };
        let stones = amount("stones", &self.stones, "cost of the stones");
        let hallmarking = amount("hallmarking", &self.hallmarking, "hallmarking cost");
        let packing = amount("packing", &self.packing, "shipping and packing cost");
        match (stones, hallmarking, packing) {
            (Some(stones), Some(hallmarking), Some(packing)) => Ok(CostsInput { stones, hallmarking, packing }),
            _ => Err(e),
        }
    }
}

/// The piece, if this staff member may act for its center: 404 if there is none, 403 (logged)
/// for another center's manager.
async fn load_head(state: &AppState, me: &CurrentStaff, id: i64) -> Result<PieceHead, AppError> {
    let head = db::run(&state.pool, move |conn| costs::piece_head(conn, id).map_err(AppError::from)).await?;
    let head = head.ok_or(AppError::NotFound)?;
    me.require_center(head.center_id)?;
    Ok(head)
}

async fn render_costs(
    state: &AppState,
    me: &CurrentStaff,
    head: PieceHead,
    form: &CostsForm,
    errors: &FieldErrors,
    notice: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let id = head.id;
    let (current, rate) = db::run(&state.pool, move |conn| -> Result<_, AppError> {
        Ok((costs::of(conn, id)?, gold::rate_on(conn, india_date(now()))?))
    })
    .await?;
    let mut ctx = Context::new();
    ctx.insert("piece", &head);
    ctx.insert("form", form);
    ctx.insert("errors", errors);
    ctx.insert("notice", &notice);
    // Who saved the costs and when (a UTC time the template shows in the reader's zone).
    ctx.insert("recorded", &current.as_ref().map(|c| c.recorded_by.clone()));
    ctx.insert("recorded_at", &current.map(|c| c.recorded_at.format("%Y-%m-%dT%H:%M:%S").to_string()));
    ctx.insert("gold_rate", &rate.as_ref().map(|r| r.per_gram().to_string()));
    ctx.insert("gold_rate_date", &rate.map(|r| r.rate_date.to_string()));
    let title = crate::i18n::t_with(me.lang(), "fin-costs-heading", &[("title", head.title.clone().into())]);
    let body = state.templates.render_admin("admin/pricing/costs.html", &title, Some(me), ctx)?;
    Ok(html(status, body))
}

pub async fn costs_page(
    state: web::Data<AppState>,
    me: CurrentStaff,
    path: web::Path<i64>,
    query: web::Query<RecordedQuery>,
) -> Result<HttpResponse, AppError> {
    let head = load_head(&state, &me, path.into_inner()).await?;
    let id = head.id;
    let current = db::run(&state.pool, move |conn| costs::of(conn, id).map_err(AppError::from)).await?;
    let form = current.as_ref().map(CostsForm::of).unwrap_or_default();
    let notice = (query.recorded == "costs").then_some("The costs are saved; the piece page shows them.");
    render_costs(&state, &me, head, &form, &FieldErrors::default(), notice, StatusCode::OK).await
}

pub async fn costs_record(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: AdminForm<CostsForm>,
) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    let head = load_head(&state, &me, path.into_inner()).await?;
    let errors = match form.parse() {
        Ok(input) => {
            let (editor, id, at) = (Scope::from(&me), head.id, now());
            match db::run(&state.pool, move |conn| costs::record(conn, &editor, id, &input, at)).await {
                Ok(()) => return Ok(see_other(&format!("/admin/pieces/{id}/costs?recorded=costs"))),
                Err(AppError::Invalid(e)) => e,
                Err(other) => return Err(other),
            }
        }
        Err(e) => e,
    };
    render_costs(&state, &me, head, &form, &errors, None, StatusCode::UNPROCESSABLE_ENTITY).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(date: &str, currency: &str, rate: &str, source: &str) -> GoldRateForm {
        GoldRateForm { date: date.into(), currency: currency.into(), rate: rate.into(), source: source.into() }
    }

    #[test]
    fn a_gold_rate_form_is_parsed_with_every_mistake_at_once() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let ok = form("2026-12-01", "INR", "7,812.50", "  IBJA   999 ").parse(today).unwrap();
        assert_eq!(ok.per_gram, Money::new(781_250, Currency::Inr));
        assert_eq!(ok.source, "IBJA 999");
        let e = form("2026-12-03", "XYZ", "abc", "").parse(today).unwrap_err();
        assert_eq!(e.0.keys().collect::<Vec<_>>(), ["currency", "date", "source"]);
        let e = form("yesterday", "INR", "0", "x").parse(today).unwrap_err();
        assert!(e.0["date"].contains("not a date"), "{e:?}");
        assert_eq!(e.0["rate"], "the rate must be more than zero");
        let e = form("2026-12-01", "INR", "-5", "x").parse(today).unwrap_err();
        assert_eq!(e.0["rate"], "the rate must not be negative");
    }

    #[test]
    fn a_costs_form_needs_every_amount_in_rupees() {
        let f = CostsForm { stones: "1,200".into(), hallmarking: "45.50".into(), packing: "0".into() };
        let ok = f.parse().unwrap();
        assert_eq!(ok.stones, Money::new(120_000, Currency::Inr));
        assert_eq!(ok.hallmarking.minor, 4_550);
        let e = CostsForm { stones: "".into(), hallmarking: "-1".into(), packing: "x".into() }.parse().unwrap_err();
        assert_eq!(e.0.len(), 3, "{e:?}");
        assert!(e.0["stones"].contains("0 if there is none"));
    }
}
