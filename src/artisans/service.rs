//! Artisan use cases for staff: registering an artisan (private data encrypted here, before it
//! reaches a query) and editing the public fields. Every write checks the editor's center and is
//! audit-logged in its transaction; audit details never hold a legal name or phone number.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::models::{NewArtisan, PublicArtisanRow};
use super::private::{PrivateForm, PrivateInput};
use super::queries;
use crate::audit::{self, AuditEvent};
use crate::auth::{Scope, Subject};
use crate::centers;
use crate::crypto::{self, Cipher, Field};
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::schema::artisan_private;
use crate::screening::approvals;
use crate::web::form::FieldErrors;
use crate::web::page_cache;

/// Creates an artisan with their private record, the private fields encrypted.
pub fn create(
    conn: &mut DbConn,
    cipher: &Cipher,
    artisan: &NewArtisan,
    legal_name: &str,
    phone: Option<&str>,
) -> QueryResult<i64> {
    queries::insert(conn, artisan, |id| {
        (
            cipher.seal(Field::ARTISAN_LEGAL_NAME, id, legal_name),
            phone.map(|p| cipher.seal(Field::ARTISAN_PHONE, id, p)),
        )
    })
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
    let seal = |field, id, v: &str| if Cipher::is_encrypted(v) { v.to_string() } else { cipher.seal(field, id, v) };
    let mut changed = 0;
    for (id, name, phone, payout) in rows {
        let plain = !Cipher::is_encrypted(&name)
            || phone.as_deref().is_some_and(|p| !Cipher::is_encrypted(p))
            || payout.as_deref().is_some_and(|p| !Cipher::is_encrypted(p));
        if plain {
            diesel::update(artisan_private::table.find(id))
                .set((
                    artisan_private::legal_name.eq(seal(Field::ARTISAN_LEGAL_NAME, id, &name)),
                    artisan_private::phone.eq(phone.as_deref().map(|p| seal(Field::ARTISAN_PHONE, id, p))),
                    artisan_private::payout_details
                        .eq(payout.as_deref().map(|p| seal(Field::ARTISAN_PAYOUT_DETAILS, id, p))),
                ))
                .execute(conn)?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// The public fields as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PublicForm {
    pub alias: String,
    pub story: String,
    /// YYYY-MM-DD: the day the artisan joined the programme.
    pub joined_on: String,
}

/// Checked public fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicInput {
    pub alias: String,
    pub story: Option<String>,
    /// No story or portrait is published until `stories.min_months_in_programme` after it.
    /// Left empty: today for a new artisan, unchanged for an edit.
    pub joined_on: Option<NaiveDate>,
}

/// Longest alias, in characters.
pub const ALIAS_MAX: usize = 40;

/// An alias is one name and at most an initial, chosen by the artisan: never a full name (and
/// never taken from the legal name: `alias_taken_from`).
fn parse_alias(input: &str) -> Result<String, &'static str> {
    let words: Vec<&str> = input.split_whitespace().collect();
    let alias = words.join(" ");
    if alias.is_empty() {
        return Err("enter the name the artisan chose to be shown (one name, not taken from their legal name)");
    }
    if alias.chars().count() > ALIAS_MAX {
        return Err("keep the alias to 40 characters: one name and at most one letter after it");
    }
    let name_ok = |w: &str| w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'');
    let initial_ok = |w: &str| {
        let mut cs = w.chars();
        matches!((cs.next(), cs.next(), cs.next()), (Some(c), None | Some('.'), None) if c.is_alphabetic())
    };
    match words.as_slice() {
        [first] if name_ok(first) => Ok(alias),
        [first, initial] if name_ok(first) && initial_ok(initial) => Ok(alias),
        _ => Err("use one name and at most one letter after it (never a full name)"),
    }
}

/// The words of a name, lower-cased (Unicode), split at spaces and punctuation only (so the
/// vowel signs and viramas of Indian scripts stay inside their word).
fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || "‘’“”‐‑–—·।".contains(c))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Why an alias is refused as derived from the legal name, or `None`. An alias must not contain
/// a word of the legal name (first name, middle names, surname), nor the initial of the surname
/// (or of a middle name) after its first word: someone who knows the legal name must not
/// recognise the alias (NTSAS; DOMAIN.md). The explanation never repeats the legal name — the
/// manager editing the alias may not see it.
pub fn alias_taken_from(alias: &str, legal_name: &str) -> Option<&'static str> {
    let legal = name_words(legal_name);
    let words = name_words(alias);
    if words.iter().any(|w| legal.contains(w)) {
        return Some(
            "this alias contains a part of the artisan's legal name (first name or surname); someone who \
             knows the legal name could recognise it. Ask the artisan for a name not taken from their legal name",
        );
    }
    let later_initials: Vec<char> = legal.iter().skip(1).filter_map(|w| w.chars().next()).collect();
    let initial_taken = words.iter().skip(1).any(|w| {
        let mut cs = w.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if later_initials.contains(&c))
    });
    initial_taken.then_some(
        "the letter after the name is the initial of the artisan's legal surname; with the first name it \
         points to the legal name. Leave it out or use another letter the artisan chooses",
    )
}

/// The day the artisan joined: a date, not in the future.
fn parse_joined_on(input: &str, latest: NaiveDate) -> Result<NaiveDate, String> {
    match NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d") {
        Ok(d) if d > latest => Err(format!("{d} is in the future; enter the day the artisan joined the programme")),
        Ok(d) => Ok(d),
        Err(_) => Err("enter the day the artisan joined the programme as YYYY-MM-DD, e.g. 2025-03-01".into()),
    }
}

impl PublicForm {
    pub fn parse_into(&self, e: &mut FieldErrors) -> Option<PublicInput> {
        let alias = parse_alias(&self.alias).map_err(|m| e.add("alias", m)).ok();
        let latest = super::consent::latest_today(chrono::Utc::now().naive_utc());
        let joined_on = match self.joined_on.trim() {
            "" => Some(None),
            d => parse_joined_on(d, latest).map_err(|m| e.add("joined_on", m)).ok().map(Some),
        };
        let story = self.story.trim().replace("\r\n", "\n");
        if story.chars().count() > 5000 {
            e.add("story", "keep the story under 5,000 characters");
        }
        let story = Some(story).filter(|s| !s.is_empty());
        match (alias, joined_on) {
            (Some(alias), Some(joined_on)) if e.is_empty() => Some(PublicInput { alias, story, joined_on }),
            _ => None,
        }
    }

    pub fn parse(&self) -> Result<PublicInput, FieldErrors> {
        let mut e = FieldErrors::default();
        self.parse_into(&mut e).ok_or(e)
    }
}

/// The "new artisan" form: public and private fields and (for admins) the center.
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct NewArtisanForm {
    #[serde(flatten)]
    pub public: PublicForm,
    #[serde(flatten)]
    pub private: PrivateForm,
    /// kolkata or mumbai (a manager's own center is used for them)
    pub center: String,
}

impl std::fmt::Debug for NewArtisanForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewArtisanForm").field("public", &self.public).field("center", &self.center).finish()
    }
}

#[derive(Debug, Clone)]
pub struct NewArtisanInput {
    pub public: PublicInput,
    pub private: PrivateInput,
    pub center: Option<String>,
}

impl NewArtisanForm {
    pub fn parse(&self) -> Result<NewArtisanInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let public = self.public.parse_into(&mut e);
        let private = self.private.parse_into(&mut e);
        if let (Some(p), Some(q)) = (&public, &private) {
            if let Some(why) = alias_taken_from(&p.alias, &q.legal_name) {
                e.add("alias", why);
            }
        }
        let center = Some(self.center.trim().to_lowercase()).filter(|c| !c.is_empty());
        match (public, private) {
            (Some(public), Some(private)) if e.is_empty() => Ok(NewArtisanInput { public, private, center }),
            _ => Err(e),
        }
    }
}

/// A public id from a generator seeded by the operating system's CSPRNG.
pub fn fresh_public_id() -> String {
    let mut seed = [0u8; 8];
    crypto::fill_random(&mut seed);
    super::new_public_id(&mut fastrand::Rng::with_seed(u64::from_le_bytes(seed)))
}

fn invalid(field: &str, message: impl Into<String>) -> AppError {
    let mut e = FieldErrors::default();
    e.add(field, message);
    AppError::Invalid(e)
}

/// Registers an artisan with no consent yet (nothing about them is public until staff record
/// a consent), their private fields encrypted; returns the new id.
pub fn register(
    conn: &mut DbConn,
    cipher: &Cipher,
    editor: &Scope,
    input: &NewArtisanInput,
    now: NaiveDateTime,
) -> Result<i64, AppError> {
    db::write(conn, |conn| {
        let center_id = match (&input.center, editor.center_scope) {
            (Some(code), _) => {
                centers::find_by_code(conn, code)?
                    .ok_or_else(|| invalid("center", format!("unknown center `{code}`")))?
                    .id
            }
            (None, Some(own)) => own,
            (None, None) => return Err(invalid("center", "choose the workshop the artisan works at")),
        };
        editor.check(center_id, Subject::Artisans)?;
        let new = NewArtisan {
            public_id: fresh_public_id(),
            center_id,
            public_alias: input.public.alias.clone(),
            public_story: input.public.story.clone(),
            photo_path: None,
            story_consent_until: None,
            photo_consent_until: None,
            profile_consent_until: None,
            attribution_consent_until: None,
            joined_on: input.public.joined_on.unwrap_or(now.date()),
            created_at: now,
            updated_at: now,
        };
        let id = create(conn, cipher, &new, &input.private.legal_name, input.private.phone.as_deref())?;
        request_story_approval(conn, &editor.actor, id, center_id, new.public_story.as_deref(), now)?;
        if let Some(payout) = &input.private.payout_details {
            diesel::update(artisan_private::table.find(id))
                .set(artisan_private::payout_details.eq(cipher.seal(Field::ARTISAN_PAYOUT_DETAILS, id, payout)))
                .execute(conn)?;
        }
        // No catalog version bump: without consent and without pieces, no public page shows
        // this artisan yet.
        let mut private = vec!["legal_name"];
        private.extend(input.private.phone.as_ref().map(|_| "phone"));
        private.extend(input.private.payout_details.as_ref().map(|_| "payout_details"));
        audit::record(
            conn,
            &editor.actor,
            &AuditEvent {
                action: "artisan.create",
                entity_type: "artisan",
                entity_id: Some(id.to_string()),
                center_id: Some(center_id),
                details: json!({
                    "public_id": new.public_id, "alias": new.public_alias,
                    "story": new.public_story.is_some(), "private_fields": private,
                }),
            },
            now,
        )?;
        Ok(id)
    })
}

/// Changes the alias, story and joining day; public pages refresh (catalog version) in the same
/// transaction. An alias taken from the legal name (decrypted here, never shown) is refused.
pub fn update_public(
    conn: &mut DbConn,
    cipher: &Cipher,
    editor: &Scope,
    id: i64,
    input: &PublicInput,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    db::write(conn, |conn| {
        let before = find(conn, id)?;
        editor.check(before.center_id, Subject::Artisans)?;
        let sealed = queries::sealed_legal_name(conn, id)?.ok_or(AppError::NotFound)?;
        let legal_name = cipher.open(Field::ARTISAN_LEGAL_NAME, id, &sealed).map_err(AppError::corrupt)?;
        if let Some(why) = alias_taken_from(&input.alias, &legal_name) {
            return Err(invalid("alias", why));
        }
        let joined_on = input.joined_on.unwrap_or(before.joined_on);
        queries::update_public_fields(conn, id, &input.alias, input.story.as_deref(), joined_on, now)?;
        request_story_approval(conn, &editor.actor, id, before.center_id, input.story.as_deref(), now)?;
        page_cache::bump_version(conn)?;
        audit::record(
            conn,
            &editor.actor,
            &AuditEvent {
                action: "artisan.update",
                entity_type: "artisan",
                entity_id: Some(id.to_string()),
                center_id: Some(before.center_id),
                details: json!({
                    "alias": { "before": before.public_alias, "after": input.alias },
                    "story_changed": before.public_story != input.story,
                    "joined_on": { "before": before.joined_on, "after": joined_on },
                }),
            },
            now,
        )?;
        Ok(())
    })
}

/// A story that screening flags is saved but not shown publicly (`queries::screened`) until a
/// second staff member approves it: saving it asks for that approval (audit-logged).
fn request_story_approval(
    conn: &mut DbConn,
    actor: &crate::audit::Actor,
    id: i64,
    center_id: i64,
    story: Option<&str>,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    match story {
        Some(text) if !crate::screening::screen(text).is_empty() => {
            approvals::request(conn, actor, queries::story_target(id, center_id), text, now).map(|_| ())
        }
        _ => Ok(()),
    }
}

/// Approves the artisan's current story for publication, as a second staff member (never the
/// one who asked: 409 `approval_by_requester`); public pages show it at once. Audit-logged by
/// `approvals::approve`.
pub fn approve_story(conn: &mut DbConn, editor: &Scope, id: i64, now: NaiveDateTime) -> Result<(), AppError> {
    db::write(conn, |conn| {
        let row = find(conn, id)?;
        editor.check(row.center_id, Subject::Artisans)?;
        let story = row.public_story.as_deref().ok_or(AppError::NotFound)?;
        let request = approvals::status(conn, queries::story_target(id, row.center_id), story)?.ok_or_else(|| {
            AppError::conflict("nothing_to_approve", "screening found nothing in this story that needs approval")
        })?;
        approvals::approve(conn, &editor.actor, editor.center_scope, request.id, now)?;
        page_cache::bump_version(conn)?;
        Ok(())
    })
}

/// Sets (or, with `None`, removes) the artisan's photo; returns the replaced path so its files
/// can be deleted after the commit. It is shown publicly only while photo consent holds.
pub fn set_photo(
    conn: &mut DbConn,
    editor: &Scope,
    id: i64,
    photo: Option<&str>,
    now: NaiveDateTime,
) -> Result<Option<String>, AppError> {
    db::write(conn, |conn| {
        let before = find(conn, id)?;
        editor.check(before.center_id, Subject::Artisans)?;
        let old = queries::set_photo_path(conn, id, photo, now)?;
        page_cache::bump_version(conn)?;
        let action = if photo.is_some() { "artisan.photo_set" } else { "artisan.photo_removed" };
        audit::record(
            conn,
            &editor.actor,
            &AuditEvent {
                action,
                entity_type: "artisan",
                entity_id: Some(id.to_string()),
                center_id: Some(before.center_id),
                details: json!({}),
            },
            now,
        )?;
        Ok(old)
    })
}

/// An artisan's public columns (raw), or 404.
pub fn find(conn: &mut DbConn, id: i64) -> Result<PublicArtisanRow, AppError> {
    queries::find_row(conn, id)?.ok_or(AppError::NotFound)
}

/// The pay-slip language form: one field, the language code.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SlipLanguageForm {
    pub slip_language: String,
}

impl SlipLanguageForm {
    pub fn parse(&self) -> Result<Lang, FieldErrors> {
        Lang::parse(&self.slip_language).ok_or_else(|| {
            let mut e = FieldErrors::default();
            e.add("slip_language", "choose English, Bengali, Hindi or Marathi");
            e
        })
    }
}

/// Sets the language the artisan's pay slips are printed in. Finance, admins, or the manager of
/// the artisan's center (`editor`'s scope); audit-logged with the languages before and after.
pub fn set_slip_language(
    conn: &mut DbConn,
    editor: &Scope,
    id: i64,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    db::write(conn, |conn| {
        let before = find(conn, id)?;
        editor.check(before.center_id, Subject::Artisans)?;
        let old = queries::slip_language(conn, id)?;
        if old == lang {
            return Ok(());
        }
        queries::set_slip_language(conn, id, lang, now)?;
        audit::record(
            conn,
            &editor.actor,
            &AuditEvent {
                action: "artisan.slip_language",
                entity_type: "artisan",
                entity_id: Some(id.to_string()),
                center_id: Some(before.center_id),
                details: json!({ "slip_language": { "before": old.code(), "after": lang.code() } }),
            },
            now,
        )?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alias_is_not_taken_from_the_legal_name() {
        for (alias, legal) in [
            ("Rupa D.", "Rupali Dasgupta"),
            ("rupali", "Rupali Dasgupta"),
            ("DASGUPTA", "Rupali Dasgupta"),
            ("Mira K.", "Rupali Mira Dasgupta"),
            ("Anne-Marie", "Marie Dupont"),
            ("Ōmi", "ŌMI Sen"),
            ("রূপা দ", "রূপা দাস"),
            ("Asha", "Asha Karmakar"),
        ] {
            assert!(alias_taken_from(alias, legal).is_some(), "{alias} / {legal}");
        }
        for (alias, legal) in [("Rupa", "Rupali Dasgupta"), ("Tara K.", "Rupali Dasgupta"), ("Moni", "Moumita Sardar")]
        {
            assert!(alias_taken_from(alias, legal).is_none(), "{alias} / {legal}");
        }
        assert!(!alias_taken_from("Rupali", "Rupali Dasgupta").unwrap().contains("Rupali"), "never repeats the name");
    }

    #[test]
    fn an_alias_is_a_first_name_and_at_most_an_initial() {
        for ok in ["Rupa", "Rupa D.", "  Rupa   D ", "Anne-Marie", "Lakshmi P."] {
            assert!(parse_alias(ok).is_ok(), "{ok}");
        }
        assert_eq!(parse_alias("  Rupa   D. ").unwrap(), "Rupa D.");
        for bad in ["", "Rupali Dasgupta", "Rupa D. K.", "R2D2", "Rupa Dx.", &"a".repeat(41)] {
            assert!(parse_alias(bad).is_err(), "{bad}");
        }
    }
}
