//! Workshop centers (Kolkata, Mumbai). Only city-level facts are stored here: a workshop's
//! street address is never kept where a public page could reach it.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use crate::db::DbConn;
use crate::money::Currency;
use crate::schema::{centers, pieces};

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = centers)]
pub struct Center {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub city: String,
    pub country: String,
    pub currency: Currency,
    pub time_zone: String,
    pub public_blurb: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = centers)]
pub struct NewCenter<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub city: &'a str,
    pub country: &'a str,
    pub currency: Currency,
    pub time_zone: &'a str,
    pub public_blurb: &'a str,
    pub created_at: NaiveDateTime,
}

pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Center>> {
    centers::table.order(centers::id).select(Center::as_select()).load(conn)
}

/// The center's IANA time zone as stored ("Asia/Kolkata"), `None` for no such center.
pub fn time_zone_of(conn: &mut DbConn, id: i64) -> QueryResult<Option<String>> {
    centers::table.find(id).select(centers::time_zone).first(conn).optional()
}

pub fn find_by_code(conn: &mut DbConn, code: &str) -> QueryResult<Option<Center>> {
    centers::table.filter(centers::code.eq(code)).select(Center::as_select()).first(conn).optional()
}

pub fn insert(conn: &mut DbConn, center: &NewCenter<'_>) -> QueryResult<i64> {
    diesel::insert_into(centers::table).values(center).returning(centers::id).get_result(conn)
}

/// Inserts the center unless one with its code exists (one statement, so two instances
/// starting together on an empty database both succeed); returns its id either way.
pub fn insert_if_absent(conn: &mut DbConn, center: &NewCenter<'_>) -> QueryResult<i64> {
    match conn {
        DbConn::Postgres(pg) => {
            diesel::insert_into(centers::table).values(center).on_conflict(centers::code).do_nothing().execute(pg)?
        }
        DbConn::Sqlite(lite) => {
            diesel::insert_into(centers::table).values(center).on_conflict(centers::code).do_nothing().execute(lite)?
        }
    };
    centers::table.filter(centers::code.eq(center.code)).select(centers::id).first(conn)
}

/// The shop's two workshops: reference data every shop has, created at start-up (under the
/// migration lock) if missing. Returns (Kolkata, Mumbai).
pub fn ensure_workshops(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<(i64, i64)> {
    let mut ensure = |code: &str, city: &str, blurb: &str| {
        insert_if_absent(
            conn,
            &NewCenter {
                code,
                name: &format!("{city} workshop"),
                city,
                country: "India",
                currency: Currency::Inr,
                time_zone: "Asia/Kolkata",
                public_blurb: blurb,
                created_at: now,
            },
        )
    };
    let kolkata = ensure(
        "kolkata",
        "Kolkata",
        "Our first workshop, where goldsmiths learn the city's fine filigree and granulation from master craftsmen, then make every piece start to finish.",
    )?;
    let mumbai = ensure(
        "mumbai",
        "Mumbai",
        "A younger workshop with a bold, sculptural style: hammered surfaces, clean bangles and temple-inspired pendants.",
    )?;
    Ok((kolkata, mumbai))
}

/// Number of pieces for sale now, per center id.
pub fn available_counts(conn: &mut DbConn) -> QueryResult<Vec<(i64, i64)>> {
    pieces::table
        .filter(pieces::status.eq("listed"))
        .group_by(pieces::center_id)
        .select((pieces::center_id, diesel::dsl::count_star()))
        .load(conn)
}
