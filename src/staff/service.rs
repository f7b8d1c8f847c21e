//! Staff use cases: creating accounts with one-time setup links, passwords (argon2id),
//! TOTP enrolment and verification, recovery codes, disabling.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use chrono::{Duration, NaiveDateTime};
use totp_rs::{Algorithm, Secret, TOTP};

use super::models::{NewStaff, StaffRow};
use super::queries;
use super::types::{Email, NewPassword, Role};
use crate::audit::{self, Actor, AuditEvent};
use crate::centers;
use crate::crypto::{self, Cipher, Field};
use crate::db::{self, DbConn};
use crate::error::AppError;

pub const SETUP_PURPOSE: &str = "setup";
const SETUP_VALID_HOURS: i64 = 72;

/// Hashes a password with argon2id (the crate's defaults follow OWASP's recommendation).
pub fn hash_password(password: &str) -> String {
    let mut salt = [0u8; 16];
    crypto::fill_random(&mut salt);
    let salt = SaltString::encode_b64(&salt).expect("16 bytes is a valid salt");
    Argon2::default().hash_password(password.as_bytes(), &salt).expect("argon2 with default parameters").to_string()
}

pub fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// A hash to verify against when the account does not exist, so that a wrong email takes as
/// long as a wrong password (no account enumeration by timing).
pub fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| hash_password("not-a-real-password-for-timing"))
}

pub struct NewStaffInput {
    pub email: Email,
    pub display_name: String,
    pub role: Role,
    pub center_code: Option<String>,
}

/// Creates an account with no password and returns it with a one-time setup token.
pub fn add(
    conn: &mut DbConn,
    input: &NewStaffInput,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(i64, String), AppError> {
    let center_id = match (input.role, &input.center_code) {
        (Role::Manager, Some(code)) => Some(
            centers::find_by_code(conn, code)?
                .ok_or_else(|| AppError::bad_request("center", format!("unknown center `{code}`")))?
                .id,
        ),
        (Role::Manager, None) => {
            return Err(AppError::bad_request("center", "a manager needs a center (--center kolkata|mumbai)"))
        }
        (_, Some(_)) => return Err(AppError::bad_request("center", "only managers are bound to a center")),
        (_, None) => None,
    };
    if queries::find_by_email(conn, input.email.as_str())?.is_some() {
        return Err(AppError::bad_request("email", format!("{} already has an account", input.email.as_str())));
    }
    let token = crypto::random_token(32);
    let id = db::write(conn, |conn| {
        let id = queries::insert(
            conn,
            &NewStaff {
                email: input.email.as_str().into(),
                display_name: input.display_name.clone(),
                role: input.role,
                center_id,
                password_hash: None,
                totp_enabled: false,
                created_at: now,
                updated_at: now,
            },
        )?;
        queries::insert_token(
            conn,
            &crypto::token_hash(&token),
            id,
            SETUP_PURPOSE,
            now + Duration::hours(SETUP_VALID_HOURS),
        )?;
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: "staff.create",
                entity_type: "staff",
                entity_id: Some(id.to_string()),
                center_id,
                details: serde_json::json!({ "email": input.email.as_str(), "role": input.role.code(), "center_id": center_id }),
            },
            now,
        )?;
        Ok::<_, diesel::result::Error>(id)
    })?;
    Ok((id, token))
}

/// Sets the password through a setup link; the link works once.
pub fn complete_setup(
    conn: &mut DbConn,
    token: &str,
    password: &str,
    now: NaiveDateTime,
) -> Result<StaffRow, AppError> {
    let hash = crypto::token_hash(token);
    let staff_id = queries::token_owner(conn, &hash, SETUP_PURPOSE, now)?.ok_or(AppError::NotFound)?;
    let staff = queries::find(conn, staff_id)?.ok_or(AppError::NotFound)?;
    if !staff.is_active() {
        return Err(AppError::NotFound);
    }
    let email = Email::parse(&staff.email).map_err(AppError::corrupt)?;
    let password = NewPassword::parse(password, &email).map_err(|e| AppError::bad_request("password", e.0))?;
    let password_hash = hash_password(password.expose());
    db::write(conn, |conn| {
        if !queries::use_token(conn, &hash, now)? {
            return Err(AppError::NotFound);
        }
        queries::set_password(conn, staff.id, &password_hash, now)?;
        audit::record(
            conn,
            &Actor::staff(staff.id, &staff.email),
            &AuditEvent {
                action: "staff.password_set",
                entity_type: "staff",
                entity_id: Some(staff.id.to_string()),
                center_id: staff.center_id,
                details: serde_json::json!({}),
            },
            now,
        )?;
        Ok(())
    })?;
    Ok(staff)
}

pub fn disable(conn: &mut DbConn, email: &Email, actor: &Actor, now: NaiveDateTime) -> Result<StaffRow, AppError> {
    let staff = queries::find_by_email(conn, email.as_str())?
        .ok_or_else(|| AppError::bad_request("email", format!("no account for {}", email.as_str())))?;
    db::write(conn, |conn| {
        queries::disable(conn, staff.id, now)?;
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: "staff.disable",
                entity_type: "staff",
                entity_id: Some(staff.id.to_string()),
                center_id: staff.center_id,
                details: serde_json::json!({ "email": staff.email }),
            },
            now,
        )
    })?;
    Ok(staff)
}

fn totp(secret: Vec<u8>, email: &str) -> Result<TOTP, AppError> {
    TOTP::new(Algorithm::SHA1, 6, 1, 30, secret, Some("fairgold".into()), email.into())
        .map_err(|e| AppError::internal(format!("TOTP: {e}")))
}

/// A new TOTP secret (base32) and its `otpauth://` URL for authenticator apps.
pub fn new_totp_secret(email: &str) -> Result<(String, String), AppError> {
    let mut raw = [0u8; 20];
    crypto::fill_random(&mut raw);
    let encoded = Secret::Raw(raw.to_vec()).to_encoded().to_string();
    let url = totp(raw.to_vec(), email)?.get_url();
    Ok((encoded, url))
}

/// The `otpauth://` URL of an existing base32 secret.
pub fn totp_url(secret_b32: &str, email: &str) -> Result<String, AppError> {
    let raw = Secret::Encoded(secret_b32.into()).to_bytes().map_err(|_| AppError::corrupt("TOTP secret"))?;
    Ok(totp(raw, email)?.get_url())
}

/// Checks a 6-digit code against a base32 secret at `unix_time`; returns the accepted time
/// step (for single use) or `None`. One step of clock drift either way is allowed.
pub fn check_totp(secret_b32: &str, email: &str, code: &str, unix_time: u64) -> Result<Option<i64>, AppError> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let raw = Secret::Encoded(secret_b32.into()).to_bytes().map_err(|_| AppError::corrupt("TOTP secret"))?;
    let t = totp(raw, email)?;
    for step_offset in [-1i64, 0, 1] {
        let at = (unix_time as i64 + step_offset * 30).max(0) as u64;
        if crypto::constant_time_eq(&t.generate(at), &code) {
            return Ok(Some((at / 30) as i64));
        }
    }
    Ok(None)
}

/// Whether `new` may become the staff member's password (not a common or guessable one, not
/// the current one). Checked before anything secret, so a refusal here is no guess at the
/// current password or the code.
pub fn acceptable_new_password(staff: &StaffRow, current: &str, new: &str) -> Result<NewPassword, AppError> {
    let email = Email::parse(&staff.email).map_err(AppError::corrupt)?;
    let password = NewPassword::parse(new, &email).map_err(|e| AppError::bad_request("password", e.0))?;
    if new == current {
        return Err(AppError::bad_request("password", "choose a password different from the current one"));
    }
    Ok(password)
}

/// A staff member changes their own password (ASVS 5.0 6.2.2, 6.2.3): the current password, a
/// fresh second factor when they have one, and a new password that passes `NewPassword`. The
/// change is audit-logged; ending the other sessions is the caller's (it owns sessions).
#[allow(clippy::too_many_arguments)]
pub fn change_password(
    conn: &mut DbConn,
    staff: &StaffRow,
    cipher: &Cipher,
    current: &str,
    new: &str,
    code: &str,
    unix_time: u64,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let password = acceptable_new_password(staff, current, new)?;
    let hash = staff.password_hash.as_deref().unwrap_or_else(|| dummy_hash());
    if !verify_password(hash, current) {
        return Err(AppError::bad_request("current", "that is not your current password"));
    }
    if !confirm_fresh_totp(conn, staff, cipher, code, unix_time)? {
        return Err(AppError::bad_request(
            "code",
            "that authenticator code is not right, or it was already used; enter the newest code",
        ));
    }
    let password_hash = hash_password(password.expose());
    db::write(conn, |conn| {
        queries::set_password(conn, staff.id, &password_hash, now)?;
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: "staff.password_change",
                entity_type: "staff",
                entity_id: Some(staff.id.to_string()),
                center_id: staff.center_id,
                details: serde_json::json!({}),
            },
            now,
        )?;
        Ok(())
    })
}

/// A fresh second factor for a sensitive step inside a signed-in session (making an API token,
/// changing the password; ASVS 5.0 7.5.3): the staff member's current TOTP code, single use as
/// at sign-in (a code already used is refused). Staff without TOTP have nothing to give.
pub fn confirm_fresh_totp(
    conn: &mut DbConn,
    staff: &StaffRow,
    cipher: &Cipher,
    code: &str,
    unix_time: u64,
) -> Result<bool, AppError> {
    if !staff.totp_enabled {
        return Ok(true);
    }
    let Some(secret) = stored_secret(staff, cipher)? else { return Ok(false) };
    match check_totp(&secret, &staff.email, code, unix_time)? {
        Some(step) => Ok(queries::claim_totp_step(conn, staff.id, step)?),
        None => Ok(false),
    }
}

/// Characters of a recovery code: no 0/o, 1/l/i, so a code copied by hand reads back.
const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
/// Characters per recovery code: 25 from 31 give 123 bits, above the 112 bits from which ASVS
/// 5.0 (6.5.2) accepts a plain hash of a lookup secret; the stored hash is keyed as well.
pub const RECOVERY_CODE_CHARS: usize = 25;

/// Ten single-use recovery codes (shown once, as five groups of five), and their keyed hashes
/// (stored; see `Cipher::recovery_code_hash`).
pub fn new_recovery_codes(cipher: &Cipher) -> (Vec<String>, Vec<String>) {
    let codes: Vec<String> = (0..10)
        .map(|_| {
            let mut chars = Vec::with_capacity(RECOVERY_CODE_CHARS);
            while chars.len() < RECOVERY_CODE_CHARS {
                let mut byte = [0u8; 1];
                crypto::fill_random(&mut byte);
                // Rejection sampling: no character is likelier than another.
                if (byte[0] as usize) < 256 - 256 % RECOVERY_ALPHABET.len() {
                    chars.push(RECOVERY_ALPHABET[byte[0] as usize % RECOVERY_ALPHABET.len()] as char);
                }
            }
            let s: String = chars.into_iter().collect();
            let groups: Vec<&str> = (0..RECOVERY_CODE_CHARS).step_by(5).map(|i| &s[i..i + 5]).collect();
            groups.join("-")
        })
        .collect();
    let hashes = codes.iter().map(|c| recovery_code_hash(cipher, c)).collect();
    (codes, hashes)
}

/// The stored form of a recovery code as typed: case, spaces and dashes do not matter.
/// Codes from before recovery codes were keyed (10 characters, bare SHA-256) never match:
/// their owners sign in with their authenticator.
pub fn recovery_code_hash(cipher: &Cipher, typed: &str) -> String {
    cipher.recovery_code_hash(&normalize_recovery_code(typed))
}

/// What a typed recovery code may be stored as: under the current key, and under the old one
/// while `FAIRGOLD_SECRET_KEY_OLD` is set (a keyed hash cannot be re-keyed without the code).
pub fn recovery_code_hashes(cipher: &Cipher, typed: &str) -> Vec<String> {
    cipher.recovery_code_hashes(&normalize_recovery_code(typed))
}

fn normalize_recovery_code(typed: &str) -> String {
    typed.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect()
}

/// Decrypts a stored TOTP secret.
pub fn stored_secret(staff: &StaffRow, cipher: &Cipher) -> Result<Option<String>, AppError> {
    staff
        .totp_secret
        .as_deref()
        .map(|s| cipher.open(Field::STAFF_TOTP_SECRET, staff.id, s).map_err(AppError::corrupt))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argon2id_hashes_verify() {
        let h = hash_password("correct horse battery");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password(&h, "correct horse battery"));
        assert!(!verify_password(&h, "wrong horse battery"));
        assert!(!verify_password("not a hash", "x"));
    }

    #[test]
    fn totp_codes_match_the_rfc_algorithm() {
        let (secret, url) = new_totp_secret("asha@example.org").unwrap();
        assert!(url.starts_with("otpauth://totp/fairgold:asha%40example.org?secret="));
        let raw = Secret::Encoded(secret.clone()).to_bytes().unwrap();
        let code = totp(raw, "asha@example.org").unwrap().generate(1_000_000);
        assert_eq!(check_totp(&secret, "asha@example.org", &code, 1_000_000).unwrap(), Some(1_000_000 / 30));
        assert_eq!(
            check_totp(&secret, "asha@example.org", &code, 1_000_000 + 30).unwrap(),
            Some(1_000_000 / 30),
            "one step late is fine"
        );
        assert_eq!(
            check_totp(&secret, "asha@example.org", &code, 1_000_000 + 120).unwrap(),
            None,
            "older codes are not"
        );
        assert_eq!(check_totp(&secret, "asha@example.org", "12345x", 1_000_000).unwrap(), None);
    }

    #[test]
    fn recovery_codes_are_long_distinct_and_stored_keyed() {
        let cipher = Cipher::from_secret(Some(&secrecy::SecretString::from("k".repeat(40))));
        let (codes, hashes) = new_recovery_codes(&cipher);
        assert_eq!(codes.len(), 10);
        let unique: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), 10);
        assert!(codes.iter().all(|c| c.chars().filter(|c| c.is_ascii_alphanumeric()).count() >= 25));
        assert_ne!(hashes[0], crypto::token_hash(&codes[0]), "not a bare SHA-256");
        assert_eq!(hashes[0], recovery_code_hash(&cipher, &codes[0].to_uppercase().replace('-', " ")));
        let other = Cipher::from_secret(Some(&secrecy::SecretString::from("j".repeat(40))));
        assert_ne!(hashes[0], recovery_code_hash(&other, &codes[0]), "the hash depends on the key");
    }
}
