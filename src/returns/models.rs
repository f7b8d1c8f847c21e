//! Rows of `return_requests` and `return_items`.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::types::ReturnStatus;
use crate::money::Currency;
use crate::schema::{return_items, return_requests};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = return_requests)]
pub struct ReturnRow {
    pub id: i64,
    pub order_id: i64,
    pub center_id: i64,
    pub status: ReturnStatus,
    pub reason: String,
    pub message: Option<String>,
    pub received_condition: Option<String>,
    pub restocked: Option<bool>,
    pub refund_minor: Option<i64>,
    pub currency: Currency,
    pub requested_at: NaiveDateTime,
    pub decided_at: Option<NaiveDateTime>,
    pub received_at: Option<NaiveDateTime>,
    pub finished_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = return_requests)]
pub struct NewReturn {
    pub order_id: i64,
    pub center_id: i64,
    pub status: ReturnStatus,
    pub reason: String,
    pub currency: Currency,
    pub requested_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = return_items)]
pub struct ReturnItemRow {
    pub id: i64,
    pub return_id: i64,
    pub order_id: i64,
    pub piece_id: i64,
    pub title: String,
    pub price_minor: i64,
    pub open: bool,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = return_items)]
pub struct NewReturnItem {
    pub return_id: i64,
    pub order_id: i64,
    pub piece_id: i64,
    pub title: String,
    pub price_minor: i64,
    pub open: bool,
}
