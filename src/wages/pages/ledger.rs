//! The ledger list (`/admin/wages/ledger`): entries newest first, filtered by artisan and dates.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tera::Context;

use super::{html, parse_date, FINANCE};
use crate::auth::CurrentStaff;
use crate::db;
use crate::error::AppError;
use crate::state::AppState;
use crate::wages::admin_queries::{self, Cursor, LedgerFilter};
use crate::wages::ledger::EntryRow;
use crate::wages::policy::{self, inr};
use crate::wages::types::{DeductionKind, EntryKind, Month};
use crate::web::form::FieldErrors;

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
    /// The kind's code: the template names it in the reader's language (`wages-entry-…`).
    kind_code: &'static str,
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
fn summary(e: &EntryRow) -> String {
    let d = e.details_json();
    let s = |k: &str| d.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
    match e.kind {
        EntryKind::WageEarned => match e.labor_minutes {
            Some(m) => format!("{} of work", policy::hours_label(m)),
            None => String::new(),
        },
        EntryKind::SaleBonus => {
            format!(
                "{}% of the net sale at ₹{} per {} ({})",
                s("bonus_percent"),
                s("inr_per_unit"),
                s("sale_currency"),
                s("rate_date")
            )
        }
        EntryKind::Payout => {
            let method = e.payout_details().map(|p| p.method.label()).unwrap_or("unknown method");
            match s("reference").as_str() {
                "" => method.to_string(),
                r => format!("{method}, reference {r}"),
            }
        }
        EntryKind::Adjustment => {
            let mut out = s("reason");
            if let Some(c) = e.refers_to {
                out.push_str(&format!(" (corrects entry #{c})"));
            }
            if let Some(m) = d.get("corrects_month").and_then(|v| v.as_str()).and_then(|m| Month::parse(m).ok()) {
                out.push_str(&format!(" (corrects closed {})", m.label()));
            }
            out
        }
        EntryKind::MinimumWageTopUp => {
            format!("{} closed: guaranteed minimum for the month's paid hours", s("month"))
        }
        EntryKind::Salary => match e.labor_minutes {
            Some(m) => format!("{} closed: salary or stipend for {} paid", s("month"), policy::hours_label(m)),
            None => format!("{} closed: salary or stipend", s("month")),
        },
        EntryKind::OvertimePremium => match e.labor_minutes {
            Some(m) => format!("{} closed: {} of overtime at twice the rate", s("month"), policy::hours_label(m)),
            None => format!("{} closed: overtime at twice the rate", s("month")),
        },
        EntryKind::Deduction => {
            let kind = DeductionKind::parse(&s("deduction_kind")).map(|k| k.label()).unwrap_or("Deduction");
            format!("{kind}: {}", s("reason"))
        }
        EntryKind::AdjustmentApproved | EntryKind::AdjustmentRejected => {
            let target = e.refers_to.map(|r| format!("adjustment #{r}")).unwrap_or_default();
            match s("note").as_str() {
                "" => target,
                n => format!("{target}: {n}"),
            }
        }
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
            kind: e.kind.label().to_string(),
            kind_code: e.kind.code(),
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
    let body = state.templates.render_admin(
        "admin/wages/ledger.html",
        &super::tr(&me, "wages-ledger-heading"),
        Some(&me),
        ctx,
    )?;
    Ok(html(if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY }, body))
}
