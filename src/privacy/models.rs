//! The privacy requests' rows.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::types::{RequestKind, RequestStatus};
use crate::schema::privacy_requests;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = privacy_requests)]
pub struct PrivacyRequestRow {
    pub id: i64,
    pub kind: RequestKind,
    pub status: RequestStatus,
    /// The order whose link the customer used (none for the retention job).
    pub order_id: Option<i64>,
    pub received_at: NaiveDateTime,
    pub completed_at: Option<NaiveDateTime>,
    /// JSON: the orders concerned (by reference), what was kept and why, or why it was refused.
    pub outcome: String,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = privacy_requests)]
pub struct NewPrivacyRequest {
    pub kind: RequestKind,
    pub status: RequestStatus,
    pub order_id: Option<i64>,
    pub received_at: NaiveDateTime,
    pub completed_at: Option<NaiveDateTime>,
    pub outcome: String,
}
