//! Key rotation (`fairgold keys rotate`): every value sealed at rest (`crypto::Field::ALL`:
//! artisans' legal names, phones and payout details, TOTP secrets, order status tokens) is
//! re-encrypted under the current `FAIRGOLD_SECRET_KEY`, bound to its table, column and row,
//! while `FAIRGOLD_SECRET_KEY_OLD` names the key being replaced.
//!
//! The procedure, with instances running: set `FAIRGOLD_SECRET_KEY` to the new key and
//! `FAIRGOLD_SECRET_KEY_OLD` to the old one on every instance and restart them (they read both,
//! seal with the new); run `fairgold keys rotate` once; remove `FAIRGOLD_SECRET_KEY_OLD`.
//!
//! All or nothing: one transaction, and a value that opens with neither key stops it before
//! anything is written (it names the place), so a mistyped old key loses nothing. Each row is
//! rewritten by a conditional `UPDATE` (the value read), so a value changed meanwhile by an
//! instance (already under the new key) is left as it is. Running it twice rewrites nothing
//! the second time.

use diesel::prelude::*;

use crate::crypto::{Cipher, Field, Opened};
use crate::db::{self, DbConn};
use crate::schema::{artisan_private, orders, recovery_codes, staff};

/// What a rotation did, per place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rotated {
    /// (place, values rewritten, values already under the current key)
    pub fields: Vec<(Field, usize, usize)>,
    /// Staff members with unused recovery codes: a keyed hash cannot be re-keyed without the
    /// code, so those codes work only while the old key is set; the staff make new ones.
    pub staff_with_recovery_codes: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum RotateError {
    #[error(
        "FAIRGOLD_SECRET_KEY_OLD is not set: set it to the key used until now and FAIRGOLD_SECRET_KEY to the new one"
    )]
    NoOldKey,
    #[error(
        "{count} stored value(s) open with neither the new nor the old key (first: {first}); nothing was changed. \
         Check FAIRGOLD_SECRET_KEY_OLD"
    )]
    Unreadable { count: usize, first: String },
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
}

/// Re-encrypts everything under the current key (see the module's text).
pub fn rotate(conn: &mut DbConn, cipher: &Cipher) -> Result<Rotated, RotateError> {
    if !cipher.has_old_key() {
        return Err(RotateError::NoOldKey);
    }
    db::write(conn, |conn| {
        let mut fields = Vec::new();
        let mut unreadable = Vec::new();
        let mut rewrites = Vec::new();
        for field in Field::ALL {
            let (mut rewritten, mut current) = (0, 0);
            for (row, stored) in load(conn, field)? {
                match cipher.open_with(field, row, &stored) {
                    Ok((_, Opened::Current)) => current += 1,
                    Ok((plain, Opened::NeedsRotation)) => {
                        rewrites.push((field, row, stored, cipher.seal(field, row, &plain)));
                        rewritten += 1;
                    }
                    Err(_) => unreadable.push(format!("{field} of row {row}")),
                }
            }
            fields.push((field, rewritten, current));
        }
        if let Some(first) = unreadable.first() {
            return Err(RotateError::Unreadable { count: unreadable.len(), first: first.clone() });
        }
        for (field, row, old, new) in &rewrites {
            store(conn, *field, *row, old, new)?;
        }
        let staff_with_recovery_codes = recovery_codes::table
            .filter(recovery_codes::used_at.is_null())
            .select(recovery_codes::staff_id)
            .distinct()
            .load::<i64>(conn)?
            .len();
        Ok(Rotated { fields, staff_with_recovery_codes })
    })
}

/// Every stored value of `field`, with its row's key.
fn load(conn: &mut DbConn, field: Field) -> QueryResult<Vec<(i64, String)>> {
    use artisan_private as ap;
    match field {
        f if f == Field::ARTISAN_LEGAL_NAME => ap::table.select((ap::artisan_id, ap::legal_name)).load(conn),
        f if f == Field::ARTISAN_PHONE => {
            ap::table.filter(ap::phone.is_not_null()).select((ap::artisan_id, ap::phone.assume_not_null())).load(conn)
        }
        f if f == Field::ARTISAN_PAYOUT_DETAILS => ap::table
            .filter(ap::payout_details.is_not_null())
            .select((ap::artisan_id, ap::payout_details.assume_not_null()))
            .load(conn),
        f if f == Field::STAFF_TOTP_SECRET => staff::table
            .filter(staff::totp_secret.is_not_null())
            .select((staff::id, staff::totp_secret.assume_not_null()))
            .load(conn),
        f if f == Field::ORDER_STATUS_TOKEN => orders::table
            .filter(orders::status_token_sealed.is_not_null())
            .select((orders::id, orders::status_token_sealed.assume_not_null()))
            .load(conn),
        other => unreachable!("{other} is in Field::ALL but rotation does not know its table"),
    }
}

/// Replaces `old` by `new` in `field` of `row`, only if it still holds `old`.
fn store(conn: &mut DbConn, field: Field, row: i64, old: &str, new: &str) -> QueryResult<usize> {
    use artisan_private as ap;
    match field {
        f if f == Field::ARTISAN_LEGAL_NAME => {
            diesel::update(ap::table.find(row).filter(ap::legal_name.eq(old))).set(ap::legal_name.eq(new)).execute(conn)
        }
        f if f == Field::ARTISAN_PHONE => {
            diesel::update(ap::table.find(row).filter(ap::phone.eq(old))).set(ap::phone.eq(new)).execute(conn)
        }
        f if f == Field::ARTISAN_PAYOUT_DETAILS => {
            diesel::update(ap::table.find(row).filter(ap::payout_details.eq(old)))
                .set(ap::payout_details.eq(new))
                .execute(conn)
        }
        f if f == Field::STAFF_TOTP_SECRET => diesel::update(staff::table.find(row).filter(staff::totp_secret.eq(old)))
            .set(staff::totp_secret.eq(new))
            .execute(conn),
        f if f == Field::ORDER_STATUS_TOKEN => {
            diesel::update(orders::table.find(row).filter(orders::status_token_sealed.eq(old)))
                .set(orders::status_token_sealed.eq(new))
                .execute(conn)
        }
        other => unreachable!("{other} is in Field::ALL but rotation does not know its table"),
    }
}
