//! An artisan's private record (legal name, phone, payout details): encrypted at rest with the
//! configured key, decrypted only for finance and admin screens, and every view or change is
//! written to the audit log in the same transaction — without the values themselves.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::queries;
use crate::audit::{self, Actor, AuditEvent};
use crate::crypto::{Cipher, Field};
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::web::form::FieldErrors;

/// Decrypted private fields, as typed (and as a form shows them).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PrivateForm {
    pub legal_name: String,
    pub phone: String,
    pub payout_details: String,
}

impl std::fmt::Debug for PrivateForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never let a legal name or phone number slip into a log line through `{:?}`.
        f.write_str("PrivateForm(..)")
    }
}

/// Checked private fields.
#[derive(Clone, PartialEq, Eq)]
pub struct PrivateInput {
    pub legal_name: String,
    pub phone: Option<String>,
    pub payout_details: Option<String>,
}

impl std::fmt::Debug for PrivateInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PrivateInput(..)")
    }
}

impl PrivateForm {
    /// Parses into `errors` (so a form with public fields can collect every error at once).
    pub fn parse_into(&self, e: &mut FieldErrors) -> Option<PrivateInput> {
        let legal_name = self.legal_name.split_whitespace().collect::<Vec<_>>().join(" ");
        if legal_name.is_empty() {
            e.add("legal_name", "enter the artisan's legal name (kept encrypted, seen only by finance)");
        } else if legal_name.chars().count() > 200 {
            e.add("legal_name", "keep the legal name under 200 characters");
        }
        let phone = match self.phone.trim() {
            "" => None,
            p => {
                let digits = p.chars().filter(char::is_ascii_digit).count();
                let shape = p.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c));
                if shape && (6..=15).contains(&digits) {
                    Some(p.split_whitespace().collect::<Vec<_>>().join(" "))
                } else {
                    e.add("phone", "enter a phone number of 6 to 15 digits, e.g. +91 90000 00001");
                    None
                }
            }
        };
        let payout = self.payout_details.trim().replace("\r\n", "\n");
        if payout.chars().count() > 500 {
            e.add("payout_details", "keep payout details under 500 characters");
        }
        let payout_details = Some(payout).filter(|p| !p.is_empty());
        e.is_empty().then_some(PrivateInput { legal_name, phone, payout_details })
    }

    pub fn parse(&self) -> Result<PrivateInput, FieldErrors> {
        let mut e = FieldErrors::default();
        self.parse_into(&mut e).ok_or(e)
    }
}

fn open(cipher: &Cipher, field: Field, artisan_id: i64, stored: &str) -> Result<String, AppError> {
    cipher.open(field, artisan_id, stored).map_err(AppError::corrupt)
}

fn read(conn: &mut DbConn, cipher: &Cipher, artisan_id: i64) -> Result<PrivateForm, AppError> {
    let (name, phone, payout) = queries::private_fields(conn, artisan_id)?.ok_or(AppError::NotFound)?;
    Ok(PrivateForm {
        legal_name: open(cipher, Field::ARTISAN_LEGAL_NAME, artisan_id, &name)?,
        phone: phone
            .as_deref()
            .map(|p| open(cipher, Field::ARTISAN_PHONE, artisan_id, p))
            .transpose()?
            .unwrap_or_default(),
        payout_details: payout
            .as_deref()
            .map(|p| open(cipher, Field::ARTISAN_PAYOUT_DETAILS, artisan_id, p))
            .transpose()?
            .unwrap_or_default(),
    })
}

/// Decrypts an artisan's private record for `actor` and logs the view (`artisan.private_view`)
/// in the same transaction: no record is shown without its audit entry. The caller checks the
/// role (finance or admin).
pub fn view(
    conn: &mut DbConn,
    cipher: &Cipher,
    actor: &Actor,
    artisan_id: i64,
    center_id: i64,
    now: NaiveDateTime,
) -> Result<PrivateForm, AppError> {
    db::write(conn, |conn| {
        let record = read(conn, cipher, artisan_id)?;
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: "artisan.private_view",
                entity_type: "artisan",
                entity_id: Some(artisan_id.to_string()),
                center_id: Some(center_id),
                details: json!({}),
            },
            now,
        )?;
        Ok(record)
    })
}

/// Replaces the private fields (encrypted) and logs which fields changed — names of fields
/// only, never their values. Returns those names.
pub fn update(
    conn: &mut DbConn,
    cipher: &Cipher,
    actor: &Actor,
    artisan_id: i64,
    center_id: i64,
    input: &PrivateInput,
    now: NaiveDateTime,
) -> Result<Vec<&'static str>, AppError> {
    db::write(conn, |conn| {
        let before = read(conn, cipher, artisan_id)?;
        let alias = queries::find_row(conn, artisan_id)?.ok_or(AppError::NotFound)?.public_alias;
        if super::service::alias_taken_from(&alias, &input.legal_name).is_some() {
            let mut e = FieldErrors::default();
            e.add(
                "legal_name",
                "the artisan's public alias is taken from this legal name; change the alias first (with the artisan)",
            );
            return Err(AppError::Invalid(e));
        }
        let mut changed = Vec::new();
        if before.legal_name != input.legal_name {
            changed.push("legal_name");
        }
        if before.phone != input.phone.clone().unwrap_or_default() {
            changed.push("phone");
        }
        if before.payout_details != input.payout_details.clone().unwrap_or_default() {
            changed.push("payout_details");
        }
        let seal = |field, v: &Option<String>| v.as_deref().map(|s| cipher.seal(field, artisan_id, s));
        queries::update_private_fields(
            conn,
            artisan_id,
            &cipher.seal(Field::ARTISAN_LEGAL_NAME, artisan_id, &input.legal_name),
            seal(Field::ARTISAN_PHONE, &input.phone).as_deref(),
            seal(Field::ARTISAN_PAYOUT_DETAILS, &input.payout_details).as_deref(),
            now,
        )?;
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: "artisan.private_update",
                entity_type: "artisan",
                entity_id: Some(artisan_id.to_string()),
                center_id: Some(center_id),
                details: json!({ "changed": changed }),
            },
            now,
        )?;
        Ok(changed)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_fields_are_checked() {
        let ok = PrivateForm {
            legal_name: "  Rupali   Dasgupta ".into(),
            phone: "+91 90000 00001".into(),
            payout_details: "".into(),
        }
        .parse()
        .unwrap();
        assert_eq!(ok.legal_name, "Rupali Dasgupta");
        assert_eq!(ok.phone.as_deref(), Some("+91 90000 00001"));
        assert_eq!(ok.payout_details, None);
        let e =
            PrivateForm { legal_name: " ".into(), phone: "call me".into(), ..Default::default() }.parse().unwrap_err();
        assert!(e.0.contains_key("legal_name") && e.0.contains_key("phone"));
    }

    #[test]
    fn debug_output_hides_the_values() {
        let f = PrivateForm { legal_name: "Rupali Dasgupta".into(), ..Default::default() };
        assert!(!format!("{f:?}").contains("Rupali"));
        assert!(!format!("{:?}", f.parse().unwrap()).contains("Rupali"));
    }
}
