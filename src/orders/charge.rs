//! What a buyer who pays in another currency than the shop's is charged (issue 15.1): one
//! `order_charges` row written with the order, never changed. The order itself stays in the
//! shop's base currency (its total, what it received and refunded, its invoice, the makers'
//! bonus); the charge is what the payment provider is asked for, what a payment is matched
//! against, and what a refund is converted into. An order without a row was charged in the base
//! currency, its own total.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::models::OrderRow;
use crate::db::DbConn;
use crate::error::AppError;
use crate::money::{proportional, Currency, Presentment};
use crate::schema::order_charges;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = order_charges)]
pub struct ChargeRow {
    pub order_id: i64,
    pub currency: Currency,
    pub amount_minor: i64,
    pub base_currency: Currency,
    pub base_minor: i64,
    pub rate: String,
    pub base_inr_per_unit: String,
    pub rate_date: NaiveDate,
    pub rate_source: String,
    pub rounding: String,
    pub created_at: NaiveDateTime,
}

impl ChargeRow {
    pub fn new(order_id: i64, p: &Presentment, amount_minor: i64, base_minor: i64, now: NaiveDateTime) -> Self {
        Self {
            order_id,
            currency: p.currency,
            amount_minor,
            base_currency: p.base,
            base_minor,
            rate: p.rate.normalize().to_string(),
            base_inr_per_unit: p.base_inr_per_unit.normalize().to_string(),
            rate_date: p.rate_date,
            rate_source: p.source.clone(),
            rounding: p.rounding.code().into(),
            created_at: now,
        }
    }
}

pub fn insert(conn: &mut DbConn, row: &ChargeRow) -> QueryResult<()> {
    diesel::insert_into(order_charges::table).values(row).execute(conn).map(|_| ())
}

pub fn of(conn: &mut DbConn, order_id: i64) -> QueryResult<Option<ChargeRow>> {
    order_charges::table.find(order_id).select(ChargeRow::as_select()).first(conn).optional()
}

/// What the payment provider is asked for, in its currency: the charge, or the order's total.
#[derive(Debug, Clone)]
pub struct Charged {
    pub currency: Currency,
    pub amount_minor: i64,
    /// The order's total in its base currency.
    base_minor: i64,
}

impl Charged {
    pub fn of_order(conn: &mut DbConn, order: &OrderRow) -> QueryResult<Self> {
        Ok(match of(conn, order.id)? {
            Some(c) => Self { currency: c.currency, amount_minor: c.amount_minor, base_minor: c.base_minor },
            None => Self { currency: order.currency, amount_minor: order.total_minor, base_minor: order.total_minor },
        })
    }

    /// An amount of the charge (a payment or refund total the provider reports) in the base
    /// currency: the same share of the order's total, half away from zero; all of it is the
    /// whole total exactly.
    pub fn to_base(&self, charged_minor: i64) -> Result<i64, AppError> {
        proportional(charged_minor, self.amount_minor, self.base_minor).map_err(AppError::internal)
    }

    /// A base amount (a refund staff asked for) in the charge's currency, the same way.
    pub fn to_charged(&self, base_minor: i64) -> Result<i64, AppError> {
        proportional(base_minor, self.base_minor, self.amount_minor).map_err(AppError::internal)
    }
}
