//! Staff rows.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::types::Role;
use crate::i18n::Lang;
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
    /// The back-office language they chose; `None`: the browser's (`auth::extract`).
    pub language: Option<Lang>,
    /// The IANA time zone they chose (checked by `chrono_tz` before it is stored); `None`:
    /// their center's.
    pub time_zone: Option<String>,
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
