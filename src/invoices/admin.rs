//! `/admin/invoices?month=2026-12` and `/admin/invoices.csv?month=2026-12`: the month's tax
//! invoices and credit notes, the inputs of GSTR-1 (number, date, buyer GSTIN — blank, every
//! buyer is a consumer —, place of supply, taxable value, CGST, SGST, IGST, total, export).
//! Finance and admins only (`Action::Invoices`). The month is the India date of issue.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use tera::Context;

use super::models::{DocKind, InvoiceRow};
use super::queries;
use crate::auth::CurrentStaff;
use crate::db;
use crate::error::AppError;
use crate::money::Money;
use crate::state::AppState;
use crate::wages::types::{india_date, Month};
use crate::web::csv_safe;
use crate::web::templates::Viewer;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/invoices", web::get().to(list)).route("/admin/invoices.csv", web::get().to(csv));
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MonthQuery {
    month: String,
}

impl MonthQuery {
    /// The month asked for, or the current India month.
    fn month(&self) -> Result<Month, AppError> {
        match self.month.trim() {
            "" => Ok(Month::of(india_date(chrono::Utc::now().naive_utc()))),
            m => Month::parse(m).map_err(|e| AppError::bad_request("month", e)),
        }
    }
}

async fn rows_of(state: &AppState, month: Month) -> Result<Vec<InvoiceRow>, AppError> {
    let (from, until) = (month.first_day(), month.next().first_day());
    db::run(&state.pool, move |conn| queries::issued_between(conn, from, until).map_err(AppError::from)).await
}

/// Credit notes reduce what was invoiced: their amounts count negative.
fn signed(row: &InvoiceRow, minor: i64) -> i64 {
    if row.kind == DocKind::CreditNote {
        -minor
    } else {
        minor
    }
}

#[derive(Serialize)]
struct Row {
    kind: &'static str,
    /// The document kind's code: the template names it in the reader's language.
    kind_code: &'static str,
    number: String,
    issued_on: String,
    place_of_supply: String,
    export: bool,
    taxable: String,
    cgst: String,
    sgst: String,
    igst: String,
    total: String,
    order_url: String,
}

#[derive(Serialize)]
struct Sum {
    currency: &'static str,
    taxable: String,
    cgst: String,
    sgst: String,
    igst: String,
    total: String,
}

pub async fn list(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<MonthQuery>,
) -> Result<HttpResponse, AppError> {
    let month = query.month()?;
    let rows = rows_of(&state, month).await?;
    let money = |r: &InvoiceRow, minor: i64| Money::new(signed(r, minor), r.currency).to_string();
    let view: Vec<Row> = rows
        .iter()
        .map(|r| Row {
            kind: r.kind.title(),
            kind_code: r.kind.code(),
            number: r.number.clone(),
            issued_on: r.issued_on.to_string(),
            place_of_supply: r.place_of_supply.clone(),
            export: r.export,
            taxable: money(r, r.taxable_minor),
            cgst: money(r, r.cgst_minor),
            sgst: money(r, r.sgst_minor),
            igst: money(r, r.igst_minor),
            total: money(r, r.total_minor),
            order_url: format!("/admin/orders/{}", r.order_id),
        })
        .collect();
    // One sum per currency (credit notes negative).
    let mut sums: Vec<(crate::money::Currency, [i64; 5])> = Vec::new();
    for r in &rows {
        let i = match sums.iter().position(|(c, _)| *c == r.currency) {
            Some(i) => i,
            None => {
                sums.push((r.currency, [0; 5]));
                sums.len() - 1
            }
        };
        let s = &mut sums[i].1;
        for (k, v) in [r.taxable_minor, r.cgst_minor, r.sgst_minor, r.igst_minor, r.total_minor].into_iter().enumerate()
        {
            s[k] += signed(r, v);
        }
    }
    let sums: Vec<Sum> = sums
        .into_iter()
        .map(|(c, s)| {
            let m = |v: i64| Money::new(v, c).to_string();
            Sum { currency: c.code(), taxable: m(s[0]), cgst: m(s[1]), sgst: m(s[2]), igst: m(s[3]), total: m(s[4]) }
        })
        .collect();
    let code = format!("{:04}-{:02}", month.year, month.month);
    let mut ctx = Context::new();
    ctx.insert("month", &code);
    ctx.insert("rows", &view);
    ctx.insert("sums", &sums);
    ctx.insert("csv_url", &format!("/admin/invoices.csv?month={code}"));
    ctx.insert("prev", &{
        let p = month.prev();
        format!("{:04}-{:02}", p.year, p.month)
    });
    ctx.insert("next", &{
        let n = month.next();
        format!("{:04}-{:02}", n.year, n.month)
    });
    let body = state.templates.render_admin(
        "admin/invoices/list.html",
        &crate::i18n::t(me.lang(), "fin-invoices-title"),
        Some(&me),
        ctx,
    )?;
    Ok(HttpResponse::build(StatusCode::OK).content_type("text/html; charset=utf-8").body(body))
}

/// The month's documents as CSV, amounts in major units (`1234.56`), credit notes negative.
pub fn to_csv(rows: &[InvoiceRow]) -> Result<Vec<u8>, AppError> {
    let mut w = csv_safe::Writer::new("invoices csv");
    w.row([
        "document",
        "number",
        "date",
        "order_id",
        "against_invoice_id",
        "buyer_gstin",
        "buyer_type",
        "place_of_supply",
        "currency",
        "taxable_value",
        "cgst",
        "sgst",
        "igst",
        "total",
        "export",
    ])?;
    for r in rows {
        let m = |minor: i64| Money::new(signed(r, minor), r.currency).major_string();
        w.row([
            r.kind.code().to_string(),
            r.number.clone(),
            r.issued_on.to_string(),
            r.order_id.to_string(),
            r.invoice_id.map(|i| i.to_string()).unwrap_or_default(),
            String::new(),
            "B2C".to_string(),
            r.place_of_supply.clone(),
            r.currency.code().to_string(),
            m(r.taxable_minor),
            m(r.cgst_minor),
            m(r.sgst_minor),
            m(r.igst_minor),
            m(r.total_minor),
            if r.export { "yes" } else { "no" }.to_string(),
        ])?;
    }
    w.finish()
}

pub async fn csv(
    state: web::Data<AppState>,
    _me: CurrentStaff,
    query: web::Query<MonthQuery>,
) -> Result<HttpResponse, AppError> {
    let month = query.month()?;
    let rows = rows_of(&state, month).await?;
    let body = to_csv(&rows)?;
    let name = format!("fairgold-invoices-{:04}-{:02}.csv", month.year, month.month);
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")))
        .body(body))
}
