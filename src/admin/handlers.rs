//! The dashboard: where a signed-in staff member starts, with what they must act on first.
//! A manager: parcels to pack, drafts missing a photo or makers, consents ending within 30
//! days, for their own workshop. Finance: months to close, wages due by the 7th, orders whose
//! sale bonus waits for an exchange rate, adjustments waiting for a second person, open
//! disputes. An admin sees both. Finance and admins also see each center's wage counts, from
//! its newest *closed* month only (`wages::reports::closed_month_counts`), so the figures do
//! not move while a month is still being recorded.

use actix_web::{web, HttpResponse};
use chrono::{Datelike, Duration, NaiveDate};
use diesel::prelude::*;
use fluent_templates::fluent_bundle::FluentValue;
use serde::Serialize;
use tera::Context;

use crate::artisans::queries as artisans;
use crate::auth::CurrentStaff;
use crate::centers;
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::i18n::{self, date, number, Lang};
use crate::inventory::service as inventory;
use crate::orders::queries as orders;
use crate::schema::ledger_entries;
use crate::staff::Role;
use crate::state::AppState;
use crate::wages::types::{india_date, Month};
use crate::wages::{admin_queries, close, reports};
use crate::web::templates::Viewer;

/// One thing to act on: a sentence, where to do it, and whether it is urgent.
#[derive(Debug, Serialize)]
struct Todo {
    text: String,
    href: String,
    urgent: bool,
}

/// A dashboard sentence in the reader's language (`locales/<lang>/admin.ftl`, `dashboard-todo-…`;
/// counts go in as numbers, so each language chooses its plural forms).
fn say(lang: Lang, key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    i18n::t_with(lang, key, args)
}

fn count(n: i64) -> FluentValue<'static> {
    FluentValue::from(n)
}

/// A manager's list (their center) or the workshop side of an admin's (both centers).
fn workshop_todos(conn: &mut DbConn, lang: Lang, center: Option<i64>, today: NaiveDate) -> Result<Vec<Todo>, AppError> {
    let mut out = Vec::new();
    let to_pack = orders::parcels_to_pack(conn, center)?;
    if to_pack > 0 {
        out.push(Todo {
            text: say(lang, "dashboard-todo-parcels", &[("count", count(to_pack))]),
            href: "/admin/orders?status=paid".into(),
            urgent: true,
        });
    }
    let drafts = inventory::drafts_missing_photo_or_makers(conn, center)?;
    if drafts > 0 {
        out.push(Todo {
            text: say(lang, "dashboard-todo-drafts", &[("count", count(drafts))]),
            href: "/admin/pieces?status=draft".into(),
            urgent: false,
        });
    }
    let ending = artisans::consent_expiring(conn, center, today, today + Duration::days(30))?;
    if ending > 0 {
        out.push(Todo {
            text: say(lang, "dashboard-todo-consent", &[("count", count(ending))]),
            href: "/admin/artisans".into(),
            urgent: true,
        });
    }
    Ok(out)
}

/// Finance's list (admins see it too).
fn finance_todos(conn: &mut DbConn, lang: Lang, today: NaiveDate) -> Result<Vec<Todo>, AppError> {
    let mut out = Vec::new();
    let month = Month::of(today).prev();
    let month_name = date::month_year(lang, month.year, month.month);
    for c in centers::all(conn)? {
        if close::closed(conn, c.id, month)?.is_some() {
            continue;
        }
        // A center with nothing in the ledger by then has no month to close.
        let has_entries: bool = diesel::select(diesel::dsl::exists(
            ledger_entries::table
                .filter(ledger_entries::center_id.eq(c.id))
                .filter(ledger_entries::occurred_on.le(month.last_day())),
        ))
        .get_result(conn)?;
        if !has_entries {
            continue;
        }
        let key = match close::requested(conn, c.id, month)? {
            Some(_) => "dashboard-todo-close-requested",
            None => "dashboard-todo-not-closed",
        };
        let args = [
            ("city", FluentValue::from(i18n::center_city(lang, &c.code, &c.city))),
            ("month", FluentValue::from(month_name.clone())),
        ];
        out.push(Todo {
            text: say(lang, key, &args),
            href: format!("/admin/wages/months/{}/{}", c.code, month),
            urgent: true,
        });
    }
    let due = reports::due_by_deadline(conn, today, None)?;
    if due.artisans > 0 {
        let deadline = format!("{} {}", due.deadline.day(), date::month_name(lang, due.deadline.month()));
        let args = [
            ("month", FluentValue::from(date::month_year(lang, due.month.year, due.month.month))),
            ("deadline", FluentValue::from(deadline)),
            ("amount", FluentValue::from(number::rupees(due.owed_minor))),
            ("count", count(due.artisans as i64)),
        ];
        out.push(Todo {
            text: say(lang, "dashboard-todo-wages-due", &args),
            href: "/admin/wages/payouts/new".into(),
            urgent: true,
        });
    }
    let waiting: std::collections::BTreeSet<i64> = reports::reconciliation(conn)?
        .missing
        .iter()
        .filter(|m| matches!(m.why, reports::MissingReason::NoExchangeRate { .. }))
        .map(|m| m.order_id)
        .collect();
    if !waiting.is_empty() {
        out.push(Todo {
            text: say(lang, "dashboard-todo-exchange-rate", &[("count", count(waiting.len() as i64))]),
            href: "/admin/wages/rates".into(),
            urgent: false,
        });
    }
    let pending = admin_queries::pending_adjustments(conn)?;
    if pending > 0 {
        out.push(Todo {
            text: say(lang, "dashboard-todo-adjustments", &[("count", count(pending))]),
            href: "/admin/wages/adjustments".into(),
            urgent: false,
        });
    }
    let disputes = orders::open_disputes(conn)?;
    if disputes > 0 {
        out.push(Todo {
            text: say(lang, "dashboard-todo-disputes", &[("count", count(disputes))]),
            href: "/admin/orders".into(),
            urgent: true,
        });
    }
    Ok(out)
}

pub async fn dashboard(state: web::Data<AppState>, me: CurrentStaff) -> Result<HttpResponse, AppError> {
    let mut ctx = Context::new();
    let role = me.role;
    let center = me.center_scope();
    if role == Role::Manager && center.is_none() {
        return Err(me.deny("manager without a center".into()));
    }
    let lang = me.lang();
    let today = india_date(chrono::Utc::now().naive_utc());
    let todos = db::run(&state.pool, move |conn| {
        let mut todos = Vec::new();
        if matches!(role, Role::Manager | Role::Admin) {
            todos.extend(workshop_todos(conn, lang, center, today)?);
        }
        if matches!(role, Role::Finance | Role::Admin) {
            todos.extend(finance_todos(conn, lang, today)?);
        }
        Ok::<_, AppError>(todos)
    })
    .await?;
    ctx.insert("todos", &todos);
    if matches!(me.role, Role::Admin | Role::Finance) {
        let mut counts = db::run(&state.pool, reports::closed_month_counts).await?;
        // The month and the city in the reader's language.
        for c in &mut counts {
            c.center.city = i18n::center_city(lang, &c.center.code, &c.center.city);
            if let Some(m) = c.month {
                c.month_label = Some(date::month_year(lang, m.year, m.month));
            }
        }
        ctx.insert("wage_counts", &counts);
    }
    let title = i18n::t(lang, "dashboard-title");
    let body = state.templates.render_admin("admin/dashboard.html", &title, Some(&me), ctx)?;
    Ok(HttpResponse::Ok().content_type("text/html; charset=utf-8").body(body))
}
