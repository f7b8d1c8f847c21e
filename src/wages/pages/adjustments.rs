//! Adjustments (`/admin/wages/adjustments`): proposing one, and its approval or rejection by a
//! second finance or admin person.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tera::Context;

use super::{artisan_id, html, into_field, items, now, parse_date, parse_rupees, roster, see_other, today, FINANCE};
use crate::auth::{AdminForm, CurrentStaff};
use crate::db;
use crate::error::AppError;
use crate::state::AppState;
use crate::wages::admin_queries::{self, ArtisanLine};
use crate::wages::ledger::EntryRow;
use crate::wages::policy::inr;
use crate::wages::service::{self, AdjustmentInput};
use crate::wages::types::{EntryKind, Month};
use crate::web::form::FieldErrors;

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct AdjustmentForm {
    pub artisan: String,
    pub amount: String,
    pub occurred_on: String,
    pub reason: String,
    pub corrects: String,
    /// A closed month this corrects (YYYY-MM), or blank.
    pub corrects_month: String,
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
    corrects_month: Option<String>,
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
        corrects_month: details
            .get("corrects_month")
            .and_then(|v| v.as_str())
            .and_then(|m| Month::parse(m).ok())
            .map(|m| m.label()),
        proposed_by: a.recorded_by.clone(),
        proposed_at: a.recorded_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        state: match d.map(|d| d.kind) {
            Some(EntryKind::AdjustmentApproved) => "approved",
            Some(_) => "rejected",
            None => "pending",
        },
        decided_by: d.map(|d| d.recorded_by.clone()).unwrap_or_default(),
        decided_at: d.map(|d| d.recorded_at.format("%Y-%m-%dT%H:%M:%S").to_string()).unwrap_or_default(),
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
    let body = state.templates.render_admin(
        "admin/wages/adjustments.html",
        &super::tr(me, "wages-adj-heading"),
        Some(me),
        ctx,
    )?;
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
        "proposed" => Some(super::tr(&me, "wages-notice-adj-proposed")),
        "approved" => Some(super::tr(&me, "wages-notice-adj-approved")),
        "rejected" => Some(super::tr(&me, "wages-notice-adj-rejected")),
        _ => None,
    };
    let notice = notice.as_deref();
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
    let corrects_month = match form.corrects_month.trim() {
        "" => None,
        m => Month::parse(m).map_err(|msg| e.add("corrects_month", msg)).ok(),
    };
    let reason = form.reason.trim();
    if reason.chars().count() < 10 {
        e.add("reason", "say why, in a sentence an auditor will understand (at least 10 characters)");
    }
    if let (Some(artisan_id), Some(amount_minor), Some(on), true) = (artisan, amount, on, e.is_empty()) {
        let input =
            AdjustmentInput { artisan_id, amount_minor, on, reason: reason.to_string(), corrects, corrects_month };
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
        Err(e @ AppError::Invalid(_)) => (StatusCode::UNPROCESSABLE_ENTITY, e.public_message()),
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
