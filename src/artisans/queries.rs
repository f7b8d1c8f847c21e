//! Artisan queries. The public ones select `PublicArtisanRow` only; the private fields are
//! read only by `private_fields`, for the finance screens.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::consent::{ConsentEntry, ConsentKind, NewConsent};
use super::models::{NewArtisan, NewArtisanPrivate, PublicArtisan, PublicArtisanRow, PublicRules};
use crate::db::{self, DbConn};
use crate::i18n::Lang;
use crate::schema::{artisan_consents, artisan_private, artisans, piece_makers, staff};
use crate::screening::approvals;

/// Where an artisan's story is approved (`screening::approvals`).
pub fn story_target(artisan_id: i64, center_id: i64) -> approvals::Target<'static> {
    approvals::Target { context: "artisan.story", entity_id: artisan_id, center_id: Some(center_id) }
}

/// A story that screening flags (a time of day, a street, a shelter…) is public only once a
/// second staff member has approved exactly that text; until then it is left out.
fn screened(conn: &mut DbConn, mut row: PublicArtisanRow) -> QueryResult<PublicArtisanRow> {
    if let Some(story) = &row.public_story {
        let flagged = !crate::screening::screen(story).is_empty();
        if flagged && !approvals::is_approved(conn, story_target(row.id, row.center_id), story)? {
            row.public_story = None;
        }
    }
    Ok(row)
}

/// An artisan's public profile, only while their consents to one and to being named hold.
pub fn find_public_profile(
    conn: &mut DbConn,
    public_id: &str,
    rules: PublicRules,
) -> QueryResult<Option<PublicArtisan>> {
    artisans::table
        .filter(artisans::public_id.eq(public_id))
        .filter(artisans::profile_consent_until.ge(rules.today))
        .filter(artisans::attribution_consent_until.ge(rules.today))
        .select(PublicArtisanRow::as_select())
        .first(conn)
        .optional()?
        .map(|row| screened(conn, row).map(|r| PublicArtisan::from_row(r, rules)))
        .transpose()
}

/// An artisan's raw public columns by public id (the portrait route applies consent itself).
pub fn find_by_public_id(conn: &mut DbConn, public_id: &str) -> QueryResult<Option<PublicArtisanRow>> {
    artisans::table
        .filter(artisans::public_id.eq(public_id))
        .select(PublicArtisanRow::as_select())
        .first(conn)
        .optional()
}

/// The makers of the given pieces: (piece id, labor minutes, public artisan).
pub fn makers_of(
    conn: &mut DbConn,
    piece_ids: &[i64],
    rules: PublicRules,
) -> QueryResult<Vec<(i64, i64, PublicArtisan)>> {
    let rows: Vec<(i64, i64, PublicArtisanRow)> = piece_makers::table
        .inner_join(artisans::table)
        .filter(piece_makers::piece_id.eq_any(piece_ids))
        .order((piece_makers::piece_id, piece_makers::labor_minutes.desc(), artisans::id))
        .select((piece_makers::piece_id, piece_makers::labor_minutes, PublicArtisanRow::as_select()))
        .load(conn)?;
    rows.into_iter()
        .map(|(piece, minutes, a)| Ok((piece, minutes, PublicArtisan::from_row(screened(conn, a)?, rules))))
        .collect()
}

/// (piece id, public alias) of every maker of every piece who consents today to be named:
/// what the catalog's search may match. Nothing else about an artisan is returned, and never
/// a legal name or the alias of someone who does not consent.
pub fn named_makers_of_all_pieces(conn: &mut DbConn, rules: PublicRules) -> QueryResult<Vec<(i64, String)>> {
    let rows: Vec<(i64, PublicArtisanRow)> = piece_makers::table
        .inner_join(artisans::table)
        .order((piece_makers::piece_id, piece_makers::labor_minutes.desc(), artisans::id))
        .select((piece_makers::piece_id, PublicArtisanRow::as_select()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(piece, row)| PublicArtisan::from_row(row, rules).named.map(|n| (piece, n.alias)))
        .collect())
}

/// Inserts an artisan and their private record together. The private values arrive
/// encrypted (see `artisans::service::create`).
/// `seal` gets the new id and returns the sealed legal name and phone (bound to that row).
pub fn insert(
    conn: &mut DbConn,
    artisan: &NewArtisan,
    seal: impl FnOnce(i64) -> (String, Option<String>),
) -> QueryResult<i64> {
    db::write(conn, |conn| {
        let id: i64 = diesel::insert_into(artisans::table).values(artisan).returning(artisans::id).get_result(conn)?;
        let (legal_name, phone) = seal(id);
        diesel::insert_into(artisan_private::table)
            .values(&NewArtisanPrivate { artisan_id: id, legal_name, phone, updated_at: artisan.updated_at })
            .execute(conn)?;
        Ok(id)
    })
}

/// Public ids of the artisans whose consent to a public profile holds, for the sitemap.
pub fn public_profile_ids(conn: &mut DbConn, today: NaiveDate) -> QueryResult<Vec<String>> {
    artisans::table
        .filter(artisans::profile_consent_until.ge(today))
        .filter(artisans::attribution_consent_until.ge(today))
        .order(artisans::id)
        .select(artisans::public_id)
        .load(conn)
}

/// Artisans for the back office (raw columns: consent not applied), a manager's center only.
pub fn list_for_staff(conn: &mut DbConn, center_id: Option<i64>) -> QueryResult<Vec<PublicArtisanRow>> {
    let mut q = artisans::table.into_boxed();
    if let Some(c) = center_id {
        q = q.filter(artisans::center_id.eq(c));
    }
    q.order((artisans::center_id, artisans::public_alias, artisans::id))
        .select(PublicArtisanRow::as_select())
        .load(conn)
}

/// One artisan's public columns, raw (for the back office).
pub fn find_row(conn: &mut DbConn, id: i64) -> QueryResult<Option<PublicArtisanRow>> {
    artisans::table.find(id).select(PublicArtisanRow::as_select()).first(conn).optional()
}

/// Sets the alias, story and the day the artisan joined; returns the number of rows changed.
pub fn update_public_fields(
    conn: &mut DbConn,
    id: i64,
    alias: &str,
    story: Option<&str>,
    joined_on: NaiveDate,
    now: chrono::NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(artisans::table.find(id))
        .set((
            artisans::public_alias.eq(alias),
            artisans::public_story.eq(story),
            artisans::joined_on.eq(joined_on),
            artisans::updated_at.eq(now),
        ))
        .execute(conn)
}

/// The encrypted legal name of one artisan (checked against a new alias).
pub fn sealed_legal_name(conn: &mut DbConn, artisan_id: i64) -> QueryResult<Option<String>> {
    artisan_private::table.find(artisan_id).select(artisan_private::legal_name).first(conn).optional()
}

/// Attaches the stored scan of a signed consent form to one consent record of this artisan;
/// returns the path it replaces (its file is deleted after the commit), or `None` in the outer
/// option when there is no such record.
pub fn set_consent_form(
    conn: &mut DbConn,
    artisan_id: i64,
    consent_id: i64,
    path: &str,
) -> QueryResult<Option<Option<String>>> {
    let one = || {
        artisan_consents::table
            .filter(artisan_consents::id.eq(consent_id))
            .filter(artisan_consents::artisan_id.eq(artisan_id))
    };
    let Some(old) = one().select(artisan_consents::form_path).first::<Option<String>>(conn).optional()? else {
        return Ok(None);
    };
    diesel::update(one()).set(artisan_consents::form_path.eq(path)).execute(conn)?;
    Ok(Some(old))
}

/// The stored scan of a consent record's signed form, if any.
pub fn consent_form_path(conn: &mut DbConn, artisan_id: i64, consent_id: i64) -> QueryResult<Option<String>> {
    artisan_consents::table
        .filter(artisan_consents::id.eq(consent_id))
        .filter(artisan_consents::artisan_id.eq(artisan_id))
        .select(artisan_consents::form_path)
        .first::<Option<String>>(conn)
        .optional()
        .map(Option::flatten)
}

/// Sets (or, with `None`, clears) the date until which one kind of consent holds.
pub fn set_consent_until(
    conn: &mut DbConn,
    id: i64,
    kind: ConsentKind,
    until: Option<NaiveDate>,
    now: chrono::NaiveDateTime,
) -> QueryResult<usize> {
    let target = diesel::update(artisans::table.find(id));
    match kind {
        ConsentKind::Story => {
            target.set((artisans::story_consent_until.eq(until), artisans::updated_at.eq(now))).execute(conn)
        }
        ConsentKind::Photo => {
            target.set((artisans::photo_consent_until.eq(until), artisans::updated_at.eq(now))).execute(conn)
        }
        ConsentKind::Profile => {
            target.set((artisans::profile_consent_until.eq(until), artisans::updated_at.eq(now))).execute(conn)
        }
        ConsentKind::Attribution => {
            target.set((artisans::attribution_consent_until.eq(until), artisans::updated_at.eq(now))).execute(conn)
        }
    }
}

pub fn insert_consent(conn: &mut DbConn, consent: &NewConsent<'_>) -> QueryResult<()> {
    diesel::insert_into(artisan_consents::table).values(consent).execute(conn).map(|_| ())
}

/// An artisan's consent history, newest first.
pub fn consent_history(conn: &mut DbConn, artisan_id: i64) -> QueryResult<Vec<ConsentEntry>> {
    artisan_consents::table
        .filter(artisan_consents::artisan_id.eq(artisan_id))
        .order((artisan_consents::recorded_at.desc(), artisan_consents::id.desc()))
        .select(ConsentEntry::as_select())
        .load(conn)
}

/// Display names of staff members by id (who recorded a consent).
pub fn staff_names(conn: &mut DbConn, ids: &[i64]) -> QueryResult<Vec<(i64, String)>> {
    staff::table.filter(staff::id.eq_any(ids)).select((staff::id, staff::display_name)).load(conn)
}

/// Stored (encrypted) private fields: legal name, phone, payout details.
pub type SealedPrivate = (String, Option<String>, Option<String>);

/// The stored private fields of one artisan. Back office only.
pub fn private_fields(conn: &mut DbConn, artisan_id: i64) -> QueryResult<Option<SealedPrivate>> {
    artisan_private::table
        .find(artisan_id)
        .select((artisan_private::legal_name, artisan_private::phone, artisan_private::payout_details))
        .first(conn)
        .optional()
}

/// Replaces the private fields; the values arrive encrypted (see `artisans::private`).
pub fn update_private_fields(
    conn: &mut DbConn,
    artisan_id: i64,
    legal_name: &str,
    phone: Option<&str>,
    payout_details: Option<&str>,
    now: chrono::NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(artisan_private::table.find(artisan_id))
        .set((
            artisan_private::legal_name.eq(legal_name),
            artisan_private::phone.eq(phone),
            artisan_private::payout_details.eq(payout_details),
            artisan_private::updated_at.eq(now),
        ))
        .execute(conn)
}

/// Sets or clears the photo; returns the path it replaces.
pub fn set_photo_path(
    conn: &mut DbConn,
    id: i64,
    path: Option<&str>,
    now: chrono::NaiveDateTime,
) -> QueryResult<Option<String>> {
    let old: Option<String> = artisans::table.find(id).select(artisans::photo_path).first(conn)?;
    diesel::update(artisans::table.find(id))
        .set((artisans::photo_path.eq(path), artisans::updated_at.eq(now)))
        .execute(conn)?;
    Ok(old)
}

/// The language of the artisan's pay slip.
pub fn slip_language(conn: &mut DbConn, id: i64) -> QueryResult<Lang> {
    artisans::table.find(id).select(artisans::slip_language).first(conn)
}

pub fn set_slip_language(conn: &mut DbConn, id: i64, lang: Lang, now: chrono::NaiveDateTime) -> QueryResult<usize> {
    diesel::update(artisans::table.find(id))
        .set((artisans::slip_language.eq(lang), artisans::updated_at.eq(now)))
        .execute(conn)
}

/// Artisans (of one center, or all) with a consent — story, photo, profile or attribution —
/// ending between `today` and `until`: it must be renewed with the artisan, or what it allows
/// leaves the shop on that day.
pub fn consent_expiring(
    conn: &mut DbConn,
    center_id: Option<i64>,
    today: NaiveDate,
    until: NaiveDate,
) -> QueryResult<i64> {
    let mut q = artisans::table
        .filter(
            artisans::story_consent_until
                .between(today, until)
                .or(artisans::photo_consent_until.between(today, until))
                .or(artisans::profile_consent_until.between(today, until))
                .or(artisans::attribution_consent_until.between(today, until)),
        )
        .into_boxed();
    if let Some(c) = center_id {
        q = q.filter(artisans::center_id.eq(c));
    }
    q.count().get_result(conn)
}
