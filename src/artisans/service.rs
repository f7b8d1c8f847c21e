//! Artisan use cases that touch private data: it is encrypted here, before it reaches a query.

use diesel::prelude::*;

use super::models::NewArtisan;
use super::queries;
use crate::crypto::Cipher;
use crate::db::DbConn;
use crate::schema::artisan_private;

/// Creates an artisan with their private record, the private fields encrypted.
pub fn create(
    conn: &mut DbConn,
    cipher: &Cipher,
    artisan: &NewArtisan,
    legal_name: &str,
    phone: Option<&str>,
) -> QueryResult<i64> {
    let phone = phone.map(|p| cipher.encrypt(p));
    queries::insert(conn, artisan, &cipher.encrypt(legal_name), phone.as_deref())
}

/// Encrypts private fields stored in plain text by an earlier version; returns how many rows
/// changed. Idempotent: encrypted values are left alone.
pub fn encrypt_plaintext_private_fields(conn: &mut DbConn, cipher: &Cipher) -> QueryResult<usize> {
    let rows: Vec<(i64, String, Option<String>, Option<String>)> = artisan_private::table
        .select((
            artisan_private::artisan_id,
            artisan_private::legal_name,
            artisan_private::phone,
            artisan_private::payout_details,
        ))
        .load(conn)?;
    let seal = |v: &str| if Cipher::is_encrypted(v) { v.to_string() } else { cipher.encrypt(v) };
    let mut changed = 0;
    for (id, name, phone, payout) in rows {
        let plain = !Cipher::is_encrypted(&name)
            || phone.as_deref().is_some_and(|p| !Cipher::is_encrypted(p))
            || payout.as_deref().is_some_and(|p| !Cipher::is_encrypted(p));
        if plain {
            diesel::update(artisan_private::table.find(id))
                .set((
                    artisan_private::legal_name.eq(seal(&name)),
                    artisan_private::phone.eq(phone.as_deref().map(seal)),
                    artisan_private::payout_details.eq(payout.as_deref().map(seal)),
                ))
                .execute(conn)?;
            changed += 1;
        }
    }
    Ok(changed)
}
