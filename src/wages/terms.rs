//! Employment terms per artisan, dated like policies: how the artisan is paid (monthly salary,
//! piece rate with the guaranteed minimum, trainee stipend), the monthly amount where there is
//! one, the standard hours, and when the terms start (and employment ends). A version is never
//! edited: finance adds one effective from a day, so every past month is judged by the terms
//! that applied to it.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;
use serde_json::json;

use super::types::PayBasis;
use crate::audit::{self, Actor, AuditEvent};
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::schema::{artisans, employment_terms};

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = employment_terms)]
pub struct TermsRow {
    pub id: i64,
    pub artisan_id: i64,
    pub effective_from: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub pay_basis: PayBasis,
    pub monthly_salary_minor: Option<i64>,
    pub standard_hours_per_month: i64,
    pub note: String,
    pub recorded_by: String,
    pub recorded_at: NaiveDateTime,
}

/// A version to add; parsed and checked by the form (`PayBasis` and amount agree).
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = employment_terms)]
pub struct NewTerms {
    pub artisan_id: i64,
    pub effective_from: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub pay_basis: PayBasis,
    pub monthly_salary_minor: Option<i64>,
    pub standard_hours_per_month: i64,
    pub note: String,
    pub recorded_by: String,
    pub recorded_at: NaiveDateTime,
}

impl TermsRow {
    /// Whether the artisan is employed under these terms on `on` (the version is the latest
    /// one starting on or before `on`; `ends_on` is the last day of employment).
    pub fn employed_on(&self, on: NaiveDate) -> bool {
        self.effective_from <= on && self.ends_on.is_none_or(|end| on <= end)
    }
}

/// The version in force for an artisan on a day (the latest starting on or before it).
pub fn at(conn: &mut DbConn, artisan_id: i64, on: NaiveDate) -> QueryResult<Option<TermsRow>> {
    employment_terms::table
        .filter(employment_terms::artisan_id.eq(artisan_id))
        .filter(employment_terms::effective_from.le(on))
        .order(employment_terms::effective_from.desc())
        .select(TermsRow::as_select())
        .first(conn)
        .optional()
}

/// Every version of every artisan of a center (all centers with `None`), by artisan, newest
/// first.
pub fn of_center(conn: &mut DbConn, center_id: Option<i64>) -> QueryResult<Vec<TermsRow>> {
    let mut q = employment_terms::table
        .inner_join(artisans::table)
        .order((employment_terms::artisan_id, employment_terms::effective_from.desc()))
        .select(TermsRow::as_select())
        .into_boxed();
    if let Some(c) = center_id {
        q = q.filter(artisans::center_id.eq(c));
    }
    q.load(conn)
}

/// Adds a version (audit-logged). Two versions of one artisan cannot start on the same day.
pub fn add(conn: &mut DbConn, actor: &Actor, new: &NewTerms, now: NaiveDateTime) -> Result<i64, AppError> {
    db::write(conn, |conn| {
        let center_id: i64 = artisans::table
            .find(new.artisan_id)
            .select(artisans::center_id)
            .first(conn)
            .optional()?
            .ok_or(AppError::NotFound)?;
        // The unique index decides between two people adding the same day at once.
        let id: i64 = match diesel::insert_into(employment_terms::table)
            .values(new)
            .returning(employment_terms::id)
            .get_result(conn)
        {
            Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => {
                return Err(AppError::bad_request(
                    "effective_from",
                    format!(
                        "terms starting on {} are already recorded; versions are never changed, so choose another date",
                        new.effective_from
                    ),
                ))
            }
            other => other?,
        };
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: "employment_terms.add",
                entity_type: "employment_terms",
                entity_id: Some(id.to_string()),
                center_id: Some(center_id),
                details: json!({
                    "artisan_id": new.artisan_id,
                    "effective_from": new.effective_from.to_string(),
                    "ends_on": new.ends_on.map(|d| d.to_string()),
                    "pay_basis": new.pay_basis.code(),
                    "monthly_salary_minor": new.monthly_salary_minor,
                    "standard_hours_per_month": new.standard_hours_per_month,
                    "note": new.note,
                }),
            },
            now,
        )?;
        Ok(id)
    })
}
