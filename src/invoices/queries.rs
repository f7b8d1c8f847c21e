//! Invoice queries: the issuer row, the series counters, the documents, and the order facts
//! an invoice is made from (read only: orders, their items and the catalog's pieces).

use chrono::NaiveDate;
use diesel::prelude::*;

use super::models::{DocKind, InvoiceRow, IssuerRow, NewInvoice};
use super::tax::Series;
use crate::catalog::types::{Kind, Metal, Purity};
use crate::db::DbConn;
use crate::money::Currency;
use crate::schema::{invoice_issuer, invoice_series, invoices, order_charges, order_items, orders, pieces};

pub fn issuer(conn: &mut DbConn) -> QueryResult<Option<IssuerRow>> {
    invoice_issuer::table.find(1i64).select(IssuerRow::as_select()).first(conn).optional()
}

/// Writes the issuer row (start-up: the settings in force from now on). Documents already
/// issued keep their own snapshot.
pub fn set_issuer(conn: &mut DbConn, row: &IssuerRow) -> QueryResult<()> {
    match conn {
        DbConn::Postgres(pg) => diesel::insert_into(invoice_issuer::table)
            .values(row)
            .on_conflict(invoice_issuer::id)
            .do_update()
            .set(row)
            .execute(pg)?,
        DbConn::Sqlite(lite) => diesel::insert_into(invoice_issuer::table)
            .values(row)
            .on_conflict(invoice_issuer::id)
            .do_update()
            .set(row)
            .execute(lite)?,
    };
    Ok(())
}

/// The next number of a series in a financial year, taken inside the caller's write: the
/// counter row is created if missing (a conflict ignored), then one `UPDATE … RETURNING` moves
/// it on. On PostgreSQL the UPDATE holds the row's lock until the transaction ends, so a second
/// payment waits and reads the committed number; on SQLite `BEGIN IMMEDIATE` already
/// serialises writers. A rolled-back write takes its number back with it: no gaps.
pub fn next_number(conn: &mut DbConn, series: Series, financial_year: &str) -> QueryResult<i64> {
    let row = (
        invoice_series::series.eq(series.code()),
        invoice_series::financial_year.eq(financial_year),
        invoice_series::last_number.eq(0i64),
    );
    match conn {
        DbConn::Postgres(pg) => {
            diesel::insert_into(invoice_series::table).values(row).on_conflict_do_nothing().execute(pg)?
        }
        DbConn::Sqlite(lite) => {
            diesel::insert_into(invoice_series::table).values(row).on_conflict_do_nothing().execute(lite)?
        }
    };
    diesel::update(invoice_series::table.find((series.code(), financial_year)))
        .set(invoice_series::last_number.eq(invoice_series::last_number + 1i64))
        .returning(invoice_series::last_number)
        .get_result(conn)
}

pub fn insert(conn: &mut DbConn, new: &NewInvoice) -> QueryResult<i64> {
    diesel::insert_into(invoices::table).values(new).returning(invoices::id).get_result(conn)
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<InvoiceRow>> {
    invoices::table.find(id).select(InvoiceRow::as_select()).first(conn).optional()
}

/// The order's invoice and credit notes, invoice first.
pub fn of_order(conn: &mut DbConn, order_id: i64) -> QueryResult<Vec<InvoiceRow>> {
    invoices::table
        .filter(invoices::order_id.eq(order_id))
        .order(invoices::id)
        .select(InvoiceRow::as_select())
        .load(conn)
}

pub fn invoice_of_order(conn: &mut DbConn, order_id: i64) -> QueryResult<Option<InvoiceRow>> {
    invoices::table
        .filter(invoices::order_id.eq(order_id))
        .filter(invoices::kind.eq(DocKind::Invoice))
        .select(InvoiceRow::as_select())
        .first(conn)
        .optional()
}

pub fn credit_notes_of(conn: &mut DbConn, invoice_id: i64) -> QueryResult<Vec<InvoiceRow>> {
    invoices::table
        .filter(invoices::invoice_id.eq(invoice_id))
        .order(invoices::id)
        .select(InvoiceRow::as_select())
        .load(conn)
}

/// Documents issued on India dates `from..until`, in number order within each kind.
pub fn issued_between(conn: &mut DbConn, from: NaiveDate, until: NaiveDate) -> QueryResult<Vec<InvoiceRow>> {
    invoices::table
        .filter(invoices::issued_on.ge(from))
        .filter(invoices::issued_on.lt(until))
        .order((invoices::kind.desc(), invoices::number))
        .select(InvoiceRow::as_select())
        .load(conn)
}

/// What an invoice needs of an order.
#[derive(Debug, Clone, Queryable)]
pub struct OrderFacts {
    pub reference: String,
    pub ship_name: String,
    pub ship_line1: String,
    pub ship_line2: Option<String>,
    pub ship_city: String,
    pub ship_region: Option<String>,
    pub ship_postal_code: String,
    pub ship_country: String,
    pub shipping_option: String,
    pub shipping_minor: i64,
    pub total_minor: i64,
    pub refunded_minor: i64,
    pub currency: Currency,
}

pub fn order_facts(conn: &mut DbConn, order_id: i64) -> QueryResult<Option<OrderFacts>> {
    orders::table
        .find(order_id)
        .select((
            orders::reference,
            orders::ship_name,
            orders::ship_line1,
            orders::ship_line2,
            orders::ship_city,
            orders::ship_region,
            orders::ship_postal_code,
            orders::ship_country,
            orders::shipping_option,
            orders::shipping_minor,
            orders::total_minor,
            orders::refunded_minor,
            orders::currency,
        ))
        .first(conn)
        .optional()
}

/// What the buyer was charged when not in the order's own currency (`orders::charge`).
#[derive(Debug, Clone, Queryable)]
pub struct ChargeFacts {
    pub currency: Currency,
    pub amount_minor: i64,
    pub base_currency: Currency,
    pub base_minor: i64,
    /// Units of `currency` per unit of the base, as recorded (a decimal).
    pub rate: String,
    pub rate_date: NaiveDate,
    pub rate_source: String,
}

pub fn charge_facts(conn: &mut DbConn, order_id: i64) -> QueryResult<Option<ChargeFacts>> {
    order_charges::table
        .find(order_id)
        .select((
            order_charges::currency,
            order_charges::amount_minor,
            order_charges::base_currency,
            order_charges::base_minor,
            order_charges::rate,
            order_charges::rate_date,
            order_charges::rate_source,
        ))
        .first(conn)
        .optional()
}

/// A piece of the order, with what the catalog says it is made of.
#[derive(Debug, Clone, Queryable)]
pub struct ItemFacts {
    pub sku: String,
    pub title: String,
    pub price_minor: i64,
    pub kind: Kind,
    pub metal: Metal,
    pub purity: Purity,
    pub net_weight_mg: i64,
}

pub fn item_facts(conn: &mut DbConn, order_id: i64) -> QueryResult<Vec<ItemFacts>> {
    order_items::table
        .inner_join(pieces::table.on(pieces::id.eq(order_items::piece_id)))
        .filter(order_items::order_id.eq(order_id))
        .order(order_items::id)
        .select((
            order_items::sku,
            order_items::title,
            order_items::price_minor,
            pieces::kind,
            pieces::metal,
            pieces::purity,
            pieces::net_weight_mg,
        ))
        .load(conn)
}
