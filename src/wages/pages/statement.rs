//! An artisan's printable monthly statement and its CSV (`/admin/wages/statements/…`).

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use serde_json::json;
use tera::Context;

use super::{display, hours, html, legal_name, no_living_wage_message, now, parse_month, FINANCE};
use crate::audit::{self, AuditEvent};
use crate::auth::CurrentStaff;
use crate::db;
use crate::error::AppError;
use crate::state::AppState;
use crate::wages::reports::{self, Statement};
use crate::wages::types::Month;
use crate::web::csv_safe;
use crate::web::templates::Viewer;

/// Loads the statement and the artisan's sealed legal name, logging the view (`action`).
async fn load_statement(
    state: &AppState,
    me: &CurrentStaff,
    public_id: String,
    month: Month,
    action: &'static str,
) -> Result<(Statement, String), AppError> {
    let (actor, at) = (me.actor(), now());
    let (st, sealed) = db::run(&state.pool, move |conn| {
        db::write::<_, AppError, _>(conn, |conn| {
            let st = reports::statement(conn, &public_id, month)?.ok_or(AppError::NotFound)?;
            let sealed = reports::sealed_legal_names(conn, &[st.artisan.id])?;
            audit::record(
                conn,
                &actor,
                &AuditEvent {
                    action,
                    entity_type: "artisan",
                    entity_id: Some(st.artisan.id.to_string()),
                    center_id: Some(st.center.id),
                    details: json!({ "month": month.to_string(), "public_id": st.artisan.public_id }),
                },
                at,
            )?;
            Ok((st, sealed))
        })
    })
    .await?;
    let legal = legal_name(state, st.artisan.id, sealed.get(&st.artisan.id))?;
    Ok((st, legal))
}

pub async fn statement(
    state: web::Data<AppState>,
    me: CurrentStaff,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    me.require(FINANCE)?;
    let (public_id, month) = path.into_inner();
    let month = parse_month(&month)?;
    let (st, legal_name) = load_statement(&state, &me, public_id, month, "wages.statement.view").await?;
    let mut ctx = Context::new();
    let base = format!("/admin/wages/statements/{}", st.artisan.public_id);
    ctx.insert("st", &display(&st)?);
    ctx.insert("legal_name", &legal_name);
    ctx.insert("month_label", &super::month_label(&me, month));
    ctx.insert("prev_url", &format!("{base}/{}", month.prev()));
    ctx.insert("next_url", &format!("{base}/{}", month.next()));
    ctx.insert("csv_url", &format!("{base}/{month}/csv"));
    ctx.insert("slip_url", &format!("/admin/wages/artisans/{}/slips/{month}", st.artisan.public_id));
    ctx.insert("center_url", &format!("/admin/wages/centers/{}/{month}", st.center.code));
    ctx.insert("deadline", &month.pay_deadline().to_string());
    ctx.insert("no_living_wage", &no_living_wage(me.lang(), &st));
    let title = format!(
        "{} — {}",
        st.artisan.alias,
        crate::i18n::t_with(me.lang(), "wages-st-heading", &[("month", super::month_label(&me, month).into())])
    );
    let body = state.templates.render_admin("admin/wages/statement.html", &title, Some(&me), ctx)?;
    Ok(html(StatusCode::OK, body))
}

/// The center's policy has no living-wage figure: the statement says finance must enter one.
fn no_living_wage(lang: crate::i18n::Lang, st: &Statement) -> Option<String> {
    st.policy
        .as_ref()
        .filter(|p| p.living_wage_monthly_minor.is_none())
        .map(|_| no_living_wage_message(lang, &st.center.city))
}

/// Rupees with two decimals and no grouping, for spreadsheets: "-1234.50".
fn rupees(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", minor.unsigned_abs() / 100, minor.unsigned_abs() % 100)
}

/// The statement as CSV: one line per entry between the opening and closing balances.
pub fn statement_csv_bytes(st: &Statement, legal_name: &str) -> Result<Vec<u8>, AppError> {
    // Every cell through `csv_safe`: titles, reasons and references are typed text.
    let mut w = csv_safe::Writer::new("statement csv");
    w.row(["section", "date", "reference", "description", "hours", "amount_inr"])?;
    let s = &st.summary;
    let mut row = |cols: [String; 6]| w.row(cols);
    let head = format!(
        "{} ({}), legal name {}, {} — {}",
        st.artisan.alias,
        st.artisan.public_id,
        legal_name,
        st.center.name,
        st.month.label()
    );
    row(["artisan".into(), String::new(), st.month.to_string(), head, String::new(), String::new()])?;
    let opening = st.month.first_day().to_string();
    row([
        "opening_balance".into(),
        opening,
        String::new(),
        "Owed at the start of the month".into(),
        String::new(),
        rupees(s.balance_start_minor),
    ])?;
    for p in &st.pieces {
        row([
            "piece".into(),
            p.on.to_string(),
            p.sku.clone(),
            p.title.clone(),
            hours(p.minutes),
            rupees(p.wage_minor),
        ])?;
    }
    for t in &st.top_ups {
        row([
            "minimum_wage_top_up".into(),
            t.on.to_string(),
            format!("entry {}", t.entry_id),
            "Top-up to the legal minimum for the month's paid hours".into(),
            hours(t.minutes),
            rupees(t.amount_minor),
        ])?;
    }
    for b in &st.bonuses {
        row([
            "sale_bonus".into(),
            b.on.to_string(),
            b.order_reference.clone(),
            format!("{} {} — {}% of the net sale at {}", b.sku, b.title, b.bonus_percent, b.rate),
            String::new(),
            rupees(b.amount_minor),
        ])?;
    }
    for a in &st.adjustments {
        row([
            "adjustment".into(),
            a.on.to_string(),
            format!("entry {}", a.entry_id),
            a.reason.clone(),
            String::new(),
            rupees(a.amount_minor),
        ])?;
    }
    for p in &st.payouts {
        row([
            "payout".into(),
            p.on.to_string(),
            p.reference.clone(),
            p.method.clone(),
            String::new(),
            rupees(-p.amount_minor),
        ])?;
    }
    let closing = st.month.last_day().to_string();
    row([
        "closing_balance".into(),
        closing.clone(),
        String::new(),
        "Still owed at the end of the month".into(),
        hours(s.minutes),
        rupees(s.balance_end_minor),
    ])?;
    // The month by the time register, after the balances: income without sale bonuses
    // against the floors for the register's paid hours.
    let t = &st.truth;
    let amount = |m: Option<i64>| m.map(rupees).unwrap_or_default();
    let judged = |below: Option<bool>, line: &str| match below {
        Some(true) => format!("{line} for the register's hours: income below it"),
        Some(false) => format!("{line} for the register's hours: income not below it"),
        None if t.register_minutes == 0 => format!("{line}: no hours in the time register"),
        None => format!("{line}: not set, finance must enter one"),
    };
    row([
        "register_hours".into(),
        closing.clone(),
        String::new(),
        "Paid hours in the time register".into(),
        hours(t.register_minutes),
        String::new(),
    ])?;
    row([
        "income_without_bonuses".into(),
        closing.clone(),
        String::new(),
        "Salary or piece wages, overtime pay, top-ups posted and approved adjustments, without sale bonuses".into(),
        String::new(),
        rupees(t.income_minor),
    ])?;
    row([
        "legal_minimum_for_hours".into(),
        closing.clone(),
        String::new(),
        judged(t.income_below_legal_minimum, "Legal minimum"),
        String::new(),
        amount(t.legal_min_for_hours_minor),
    ])?;
    row([
        "living_wage_for_hours".into(),
        closing.clone(),
        String::new(),
        judged(t.income_below_living_wage, "Living wage"),
        String::new(),
        amount(t.living_wage_for_hours_minor),
    ])?;
    if t.top_up_due_minor > 0 {
        row([
            "top_up_due".into(),
            closing.clone(),
            String::new(),
            "Top-up month close would post for the month's paid hours (not yet in the balance)".into(),
            String::new(),
            rupees(t.top_up_due_minor),
        ])?;
    }
    w.finish()
}

pub async fn statement_csv(
    state: web::Data<AppState>,
    me: CurrentStaff,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    me.require(FINANCE)?;
    let (public_id, month) = path.into_inner();
    let month = parse_month(&month)?;
    let (st, legal_name) = load_statement(&state, &me, public_id, month, "wages.statement.csv").await?;
    let body = statement_csv_bytes(&st, &legal_name)?;
    let name =
        format!("statement-{}-{month}.csv", st.artisan.public_id.replace(|c: char| !c.is_ascii_alphanumeric(), "-"));
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")))
        .body(body))
}
