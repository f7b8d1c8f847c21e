//! Exchange rates (`/admin/wages/rates`): the rupee rate of a sale currency for a day, which
//! posts the sale bonuses waiting for it.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tera::Context;

use super::{html, into_field, now, parse_date, see_other, today, FINANCE};
use crate::auth::{AdminForm, CurrentStaff};
use crate::db;
use crate::error::AppError;
use crate::money::Currency;
use crate::state::AppState;
use crate::wages::admin_queries;
use crate::wages::service;
use crate::wages::types::PositiveDecimal;
use crate::web::form::FieldErrors;

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct RateForm {
    pub currency: String,
    pub date: String,
    pub rate: String,
    /// Where the rate was taken from (RBI reference rate, the bank's TT rate…); optional.
    pub source: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RateQuery {
    recorded: String,
    posted: String,
}

/// The sale currencies a rate may be recorded for: the shop's first, then the others (never INR).
fn rate_currencies(shop: Currency) -> Vec<Currency> {
    let mut out = vec![];
    if shop != Currency::Inr {
        out.push(shop);
    }
    out.extend(Currency::ALL.iter().copied().filter(|c| *c != Currency::Inr && *c != shop));
    out
}

#[derive(Serialize)]
struct RateView {
    currency: String,
    date: NaiveDate,
    rate: String,
    recorded_by: String,
    recorded_at: String,
    source: String,
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
            currency: r.currency.code().to_string(),
            date: r.rate_date,
            rate: r.inr_per_unit,
            recorded_by: r.recorded_by,
            recorded_at: r.recorded_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
            source: r.source,
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("rates", &rates);
    ctx.insert("currencies", &rate_currencies(state.settings.currency));
    ctx.insert("form", form);
    ctx.insert("errors", errors);
    ctx.insert("notice", &notice);
    let body =
        state.templates.render_admin("admin/wages/rates.html", &super::tr(me, "wages-rates-heading"), Some(me), ctx)?;
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
        source: String::new(),
    };
    render_rates(&state, &me, &form, &FieldErrors::default(), notice, StatusCode::OK).await
}

pub async fn rate_record(state: web::Data<AppState>, form: AdminForm<RateForm>) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    me.require(FINANCE)?;
    let mut e = FieldErrors::default();
    let allowed = rate_currencies(state.settings.currency);
    let currency = match allowed.iter().find(|c| c.code() == form.currency.trim()) {
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
    let rate = PositiveDecimal::rate(&form.rate).map_err(|m| e.add("rate", format!("the rate {m}"))).ok();
    let source = form.source.split_whitespace().collect::<Vec<_>>().join(" ");
    if source.chars().count() > 200 {
        e.add("source", "the source is at most 200 characters");
    }
    if let (Some(currency), Some(on), Some(rate), true) = (currency, on, rate, e.is_empty()) {
        let (actor, at) = (me.actor(), now());
        let res = db::run::<_, AppError, _>(&state.pool, move |conn| {
            Ok(service::record_rate_from(conn, &actor, currency, on, rate, &source, at))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_currencies_start_with_the_shop_and_leave_out_rupees() {
        let c = rate_currencies(Currency::Eur);
        assert_eq!(c[0], Currency::Eur);
        assert!(!c.contains(&Currency::Inr));
        assert_eq!(c.len(), 5);
    }
}
