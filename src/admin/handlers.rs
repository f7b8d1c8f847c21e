//! The dashboard: where a signed-in staff member starts, with what they must act on first.
//! A manager: parcels to pack, drafts missing a photo or makers, consents ending within 30
//! days, for their own workshop. Finance: months to close, wages due by the 7th, orders whose
//! sale bonus waits for an exchange rate, adjustments waiting for a second person, open
//! disputes. An admin sees both. Finance and admins also see each center's wage counts, from
//! its newest *closed* month only (`wages::reports::closed_month_counts`), so the figures do
//! not move while a month is still being recorded.

use actix_web::{web, HttpResponse};
use chrono::{Duration, NaiveDate};
use serde::Serialize;
use tera::Context;

use crate::artisans::queries as artisans;
use crate::auth::CurrentStaff;
use crate::centers;
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::inventory::service as inventory;
use crate::orders::queries as orders;
use crate::staff::Role;
use crate::state::AppState;
use crate::wages::types::{india_date, Month};
use crate::wages::{admin_queries, close, reports};

/// One thing to act on: a sentence, where to do it, and whether it is urgent.
#[derive(Debug, Serialize)]
struct Todo {
    text: String,
    href: String,
    urgent: bool,
}

fn plural(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A manager's list (their center) or the workshop side of an admin's (both centers).
fn workshop_todos(conn: &mut DbConn, center: Option<i64>, today: NaiveDate) -> Result<Vec<Todo>, AppError> {
    let mut out = Vec::new();
    let to_pack = orders::parcels_to_pack(conn, center)?;
    if to_pack > 0 {
        out.push(Todo {
            text: format!("{} of paid orders to pack and ship", plural(to_pack, "parcel", "parcels")),
            href: "/admin/orders?status=paid".into(),
            urgent: true,
        });
    }
    let drafts = inventory::drafts_missing_photo_or_makers(conn, center)?;
    if drafts > 0 {
        out.push(Todo {
            text: format!("{} missing a photo or their makers", plural(drafts, "draft piece", "draft pieces")),
            href: "/admin/pieces?status=draft".into(),
            urgent: false,
        });
    }
    let ending = artisans::consent_expiring(conn, center, today, today + Duration::days(30))?;
    if ending > 0 {
        out.push(Todo {
            text: format!(
                "{} whose consent ends within 30 days: renew it with them, or what it allows leaves the shop",
                plural(ending, "artisan", "artisans")
            ),
            href: "/admin/artisans".into(),
            urgent: true,
        });
    }
    Ok(out)
}

/// Finance's list (admins see it too).
fn finance_todos(conn: &mut DbConn, today: NaiveDate) -> Result<Vec<Todo>, AppError> {
    let mut out = Vec::new();
    let month = Month::of(today).prev();
    for c in centers::all(conn)? {
        if close::closed(conn, c.id, month)?.is_some() {
            continue;
        }
        // A center with nothing in the ledger by then has no month to close.
        let has_entries = close::has_entries_until(conn, c.id, month.last_day())?;
        if !has_entries {
            continue;
        }
        let state = match close::requested(conn, c.id, month)? {
            Some(_) => "close requested, waiting for a second person to approve it",
            None => "not closed yet",
        };
        out.push(Todo {
            text: format!("{}, {}: {state}", c.city, month.label()),
            href: format!("/admin/wages/months/{}/{}", c.code, month),
            urgent: true,
        });
    }
    let due = reports::due_by_deadline(conn, today, None)?;
    if due.artisans > 0 {
        out.push(Todo {
            text: format!(
                "{}'s wages still to pay by {}: {} owed to {}",
                due.month.label(),
                due.deadline.format("%-d %B"),
                crate::wages::policy::inr(due.owed_minor),
                plural(due.artisans as i64, "artisan", "artisans")
            ),
            href: "/admin/wages/payouts/new".into(),
            urgent: true,
        });
    }
    let waiting = reports::orders_waiting_for_rate(conn)?;
    if !waiting.is_empty() {
        out.push(Todo {
            text: format!(
                "{} waiting for an exchange rate before the makers' sale bonus is posted",
                plural(waiting.len() as i64, "paid order", "paid orders")
            ),
            href: "/admin/wages/rates".into(),
            urgent: false,
        });
    }
    let pending = admin_queries::pending_adjustments(conn)?;
    if pending > 0 {
        out.push(Todo {
            text: format!("{} waiting for a second person's approval", plural(pending, "adjustment", "adjustments")),
            href: "/admin/wages/adjustments".into(),
            urgent: false,
        });
    }
    let disputes = orders::open_disputes(conn)?;
    if disputes > 0 {
        out.push(Todo {
            text: format!(
                "{} to answer in the Stripe dashboard",
                plural(disputes, "open card dispute", "open card disputes")
            ),
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
    let today = india_date(chrono::Utc::now().naive_utc());
    let todos = db::run(&state.pool, move |conn| {
        let mut todos = Vec::new();
        if matches!(role, Role::Manager | Role::Admin) {
            todos.extend(workshop_todos(conn, center, today)?);
        }
        if matches!(role, Role::Finance | Role::Admin) {
            todos.extend(finance_todos(conn, today)?);
        }
        Ok::<_, AppError>(todos)
    })
    .await?;
    ctx.insert("todos", &todos);
    if matches!(me.role, Role::Admin | Role::Finance) {
        let counts = db::run(&state.pool, reports::closed_month_counts).await?;
        ctx.insert("wage_counts", &counts);
    }
    let body = state.templates.render_admin("admin/dashboard.html", "Back office", Some(&me), ctx)?;
    Ok(HttpResponse::Ok().content_type("text/html; charset=utf-8").body(body))
}
