//! Staff rows.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::types::Role;
use crate::schema::staff;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = staff)]
pub struct StaffRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub center_id: Option<i64>,
    pub password_hash: Option<String>,
    pub totp_secret: Option<String>,
    pub totp_enabled: bool,
    pub totp_last_step: Option<i64>,
    pub disabled_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl StaffRow {
    pub fn is_active(&self) -> bool {
        self.disabled_at.is_none()
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = staff)]
pub struct NewStaff {
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub center_id: Option<i64>,
    pub password_hash: Option<String>,
    pub totp_enabled: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}
