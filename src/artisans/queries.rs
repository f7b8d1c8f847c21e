//! Artisan queries. The public ones select `PublicArtisanRow` only.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::models::{NewArtisan, NewArtisanPrivate, PublicArtisan, PublicArtisanRow};
use crate::db::DbConn;
use crate::schema::{artisan_private, artisans, piece_makers};

/// An artisan's public profile, only while their consent to one holds.
pub fn find_public_profile(conn: &mut DbConn, public_id: &str, today: NaiveDate) -> QueryResult<Option<PublicArtisan>> {
    artisans::table
        .filter(artisans::public_id.eq(public_id))
        .filter(artisans::profile_consent_until.ge(today))
        .select(PublicArtisanRow::as_select())
        .first(conn)
        .optional()
        .map(|row| row.map(|r| PublicArtisan::from_row(r, today)))
}

/// The makers of the given pieces: (piece id, labor minutes, public artisan).
pub fn makers_of(
    conn: &mut DbConn,
    piece_ids: &[i64],
    today: NaiveDate,
) -> QueryResult<Vec<(i64, i64, PublicArtisan)>> {
    let rows: Vec<(i64, i64, PublicArtisanRow)> = piece_makers::table
        .inner_join(artisans::table)
        .filter(piece_makers::piece_id.eq_any(piece_ids))
        .order((piece_makers::piece_id, piece_makers::labor_minutes.desc(), artisans::id))
        .select((piece_makers::piece_id, piece_makers::labor_minutes, PublicArtisanRow::as_select()))
        .load(conn)?;
    Ok(rows.into_iter().map(|(piece, minutes, a)| (piece, minutes, PublicArtisan::from_row(a, today))).collect())
}

/// Inserts an artisan and their private record together. The private values arrive
/// encrypted (see `artisans::service::create`).
pub fn insert(conn: &mut DbConn, artisan: &NewArtisan, legal_name: &str, phone: Option<&str>) -> QueryResult<i64> {
    conn.transaction(|conn| {
        let id: i64 = diesel::insert_into(artisans::table).values(artisan).returning(artisans::id).get_result(conn)?;
        diesel::insert_into(artisan_private::table)
            .values(&NewArtisanPrivate {
                artisan_id: id,
                legal_name: legal_name.to_string(),
                phone: phone.map(str::to_string),
                updated_at: artisan.updated_at,
            })
            .execute(conn)?;
        Ok(id)
    })
}

/// Public ids of the artisans whose consent to a public profile holds, for the sitemap.
pub fn public_profile_ids(conn: &mut DbConn, today: NaiveDate) -> QueryResult<Vec<String>> {
    artisans::table
        .filter(artisans::profile_consent_until.ge(today))
        .order(artisans::id)
        .select(artisans::public_id)
        .load(conn)
}
