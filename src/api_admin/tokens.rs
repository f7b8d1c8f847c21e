//! API tokens: per-staff bearer tokens for the admin JSON API. A token is shown once when it is
//! made; only its SHA-256 is stored, with a short public prefix so its owner can tell tokens
//! apart. Revoking a token, or disabling its owner, ends it at once.
//!
//! Every token has a scope (read-only or read-write; ASVS 5.0 10.3.x, least privilege for
//! programs) and an expiry (90 days unless chosen otherwise, at most a year): an expired token
//! is refused with its own code, `token_expired`, so a program can tell its owner to make a new
//! one. Making a token needs a fresh second factor from staff who have one (see
//! `admin::tokens`).

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;
use serde_json::json;

use crate::audit::{self, Actor, AuditEvent};
use crate::crypto;
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::schema::{api_tokens, staff};
use crate::staff::StaffRow;

/// A token's name is a reminder for its owner ("stock sync script"): required, at most 60 characters.
pub const NAME_MAX: usize = 60;

/// `last_used_at` is written at most this often per token, so a busy client does not turn
/// every read into a write.
pub const TOUCH_EVERY_SECONDS: i64 = 60;

/// How long a new token lives unless its owner chooses otherwise.
pub const DEFAULT_VALID_DAYS: i64 = 90;
/// The longest life a token may be given.
pub const MAX_VALID_DAYS: i64 = 365;

/// What a token may do: read only (GET), or also write (as its owner's role allows).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, diesel::expression::AsExpression, diesel::deserialize::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(rename_all = "lowercase")]
pub enum TokenScope {
    Read,
    Write,
}

crate::text_column!(TokenScope, "API token scope", |c| TokenScope::parse(c).ok());

impl TokenScope {
    /// `read` or `write`; anything else is a mistake to show on the form.
    pub fn parse(input: &str) -> Result<Self, String> {
        match input.trim() {
            "read" => Ok(Self::Read),
            "write" => Ok(Self::Write),
            _ => Err("choose whether the token may only read, or also change things".into()),
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Self::Read => "read",
            Self::Write => "write",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::Read => "Read only",
            Self::Write => "Read and write",
        }
    }
    /// Whether a request with this method is within the scope (a read-only token may only
    /// read: GET and HEAD).
    pub fn allows(self, method: &actix_web::http::Method) -> bool {
        self == Self::Write || matches!(*method, actix_web::http::Method::GET | actix_web::http::Method::HEAD)
    }
}

/// A token's life in days, 1 to `MAX_VALID_DAYS`; empty means `DEFAULT_VALID_DAYS`.
pub fn parse_valid_days(input: &str) -> Result<i64, String> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(DEFAULT_VALID_DAYS);
    }
    input
        .parse::<i64>()
        .ok()
        .filter(|d| (1..=MAX_VALID_DAYS).contains(d))
        .ok_or_else(|| format!("a token lives from 1 to {MAX_VALID_DAYS} days"))
}

/// A token as its owner sees it: never the token itself or its hash.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = api_tokens)]
pub struct TokenRow {
    pub id: i64,
    pub staff_id: i64,
    pub name: String,
    pub prefix: String,
    pub created_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
    pub scope: TokenScope,
    pub expires_at: NaiveDateTime,
}

impl TokenRow {
    /// How the token starts, for recognising it: `fg_1a2b3c4d_…`.
    pub fn display_prefix(&self) -> String {
        format!("fg_{}_…", self.prefix)
    }

    pub fn is_expired(&self, now: NaiveDateTime) -> bool {
        self.expires_at <= now
    }
}

/// What a bearer token turned out to be.
pub enum Authenticated {
    /// A live token and its active owner.
    Live(Box<(TokenRow, StaffRow)>),
    /// A token that was valid but has passed its expiry.
    Expired,
    /// Unknown, revoked, or its owner is disabled.
    Refused,
}

/// A checked token name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenName(String);

impl TokenName {
    pub fn parse(input: &str) -> Result<Self, String> {
        let name = input.trim();
        if name.is_empty() {
            return Err("give the token a name, e.g. the script or computer that will use it".into());
        }
        if name.chars().count() > NAME_MAX {
            return Err(format!("keep the name to {NAME_MAX} characters or fewer"));
        }
        if name.chars().any(char::is_control) {
            return Err("the name cannot contain line breaks or control characters".into());
        }
        Ok(Self(name.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new raw token `fg_<prefix>_<secret>` and its prefix: 8 hex characters to recognise it
/// by, then 32 random bytes (URL-safe base64) that make it a secret.
fn new_token() -> (String, String) {
    let mut p = [0u8; 4];
    crypto::fill_random(&mut p);
    let prefix: String = p.iter().map(|b| format!("{b:02x}")).collect();
    let raw = format!("fg_{prefix}_{}", crypto::random_token(32));
    (raw, prefix)
}

/// The staff member's tokens, newest first (revoked ones too, so the history is visible).
pub fn list_for(conn: &mut DbConn, staff_id: i64) -> QueryResult<Vec<TokenRow>> {
    api_tokens::table
        .filter(api_tokens::staff_id.eq(staff_id))
        .order(api_tokens::id.desc())
        .select(TokenRow::as_select())
        .load(conn)
}

/// Makes a token for `owner`; returns the stored row and the raw token, which exists only in
/// this return value (show it once; it cannot be recovered).
pub fn create(
    conn: &mut DbConn,
    owner: &StaffRow,
    actor: &Actor,
    name: &TokenName,
    scope: TokenScope,
    valid_days: i64,
    now: NaiveDateTime,
) -> Result<(TokenRow, String), AppError> {
    let expires_at = now + Duration::days(valid_days);
    let (raw, prefix) = new_token();
    let row = db::write(conn, |conn| -> Result<TokenRow, AppError> {
        let id: i64 = diesel::insert_into(api_tokens::table)
            .values((
                api_tokens::staff_id.eq(owner.id),
                api_tokens::name.eq(name.as_str()),
                api_tokens::prefix.eq(&prefix),
                api_tokens::token_hash.eq(crypto::token_hash(&raw)),
                api_tokens::created_at.eq(now),
                api_tokens::scope.eq(scope),
                api_tokens::expires_at.eq(expires_at),
            ))
            .returning(api_tokens::id)
            .get_result(conn)?;
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: "api_token.create",
                entity_type: "api_token",
                entity_id: Some(id.to_string()),
                center_id: owner.center_id,
                details: json!({
                    "name": name.as_str(), "prefix": prefix, "scope": scope.code(),
                    "expires_at": expires_at.to_string(),
                }),
            },
            now,
        )?;
        Ok(api_tokens::table.find(id).select(TokenRow::as_select()).first(conn)?)
    })?;
    Ok((row, raw))
}

/// Revokes one of `owner`'s tokens. Another staff member's token is "not found" (and stays
/// as it was); revoking an already revoked token changes nothing.
pub fn revoke(
    conn: &mut DbConn,
    owner: &StaffRow,
    actor: &Actor,
    token_id: i64,
    now: NaiveDateTime,
) -> Result<TokenRow, AppError> {
    db::write(conn, |conn| -> Result<TokenRow, AppError> {
        // Write first (one conditional statement), so the transaction holds the write lock from
        // its first statement; a token that is not ours, or already revoked, matches nothing.
        let n = diesel::update(
            api_tokens::table
                .find(token_id)
                .filter(api_tokens::staff_id.eq(owner.id))
                .filter(api_tokens::revoked_at.is_null()),
        )
        .set(api_tokens::revoked_at.eq(now))
        .execute(conn)?;
        let token: TokenRow = api_tokens::table
            .find(token_id)
            .filter(api_tokens::staff_id.eq(owner.id))
            .select(TokenRow::as_select())
            .first(conn)
            .optional()?
            .ok_or(AppError::NotFound)?;
        if n == 1 {
            audit::record(
                conn,
                actor,
                &AuditEvent {
                    action: "api_token.revoke",
                    entity_type: "api_token",
                    entity_id: Some(token_id.to_string()),
                    center_id: owner.center_id,
                    details: json!({ "name": token.name, "prefix": token.prefix }),
                },
                now,
            )?;
        }
        Ok(token)
    })
}

/// The live token `raw` and its active owner, an expired token, or a refusal (unknown, revoked,
/// or the owner is disabled). Marks a live token used, at most once a minute.
pub fn authenticate(conn: &mut DbConn, raw: &str, now: NaiveDateTime) -> QueryResult<Authenticated> {
    let found: Option<(TokenRow, StaffRow)> = api_tokens::table
        .inner_join(staff::table)
        .filter(api_tokens::token_hash.eq(crypto::token_hash(raw)))
        .filter(api_tokens::revoked_at.is_null())
        .filter(staff::disabled_at.is_null())
        .select((TokenRow::as_select(), StaffRow::as_select()))
        .first(conn)
        .optional()?;
    let found = match found {
        Some((token, _)) if token.is_expired(now) => return Ok(Authenticated::Expired),
        other => other,
    };
    let stale = now - Duration::seconds(TOUCH_EVERY_SECONDS);
    if let Some((token, _)) = found.as_ref().filter(|(t, _)| !matches!(t.last_used_at, Some(at) if at >= stale)) {
        // Conditional, so that of several requests at once only one writes.
        diesel::update(
            api_tokens::table
                .find(token.id)
                .filter(api_tokens::last_used_at.is_null().or(api_tokens::last_used_at.lt(stale))),
        )
        .set(api_tokens::last_used_at.eq(now))
        .execute(conn)?;
    }
    Ok(match found {
        Some(found) => Authenticated::Live(Box::new(found)),
        None => Authenticated::Refused,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_required_and_short() {
        assert_eq!(TokenName::parse("  stock sync ").unwrap().as_str(), "stock sync");
        assert!(TokenName::parse("   ").is_err());
        assert!(TokenName::parse(&"x".repeat(61)).is_err());
        assert!(TokenName::parse(&"é".repeat(60)).is_ok());
        assert!(TokenName::parse("a\nb").is_err());
    }

    #[test]
    fn scopes_and_lives_are_parsed() {
        use actix_web::http::Method;
        assert_eq!(TokenScope::parse("read"), Ok(TokenScope::Read));
        assert!(TokenScope::parse("admin").is_err());
        assert!(TokenScope::Read.allows(&Method::GET) && !TokenScope::Read.allows(&Method::PUT));
        assert!(TokenScope::Write.allows(&Method::POST));
        assert_eq!(parse_valid_days(""), Ok(90));
        assert_eq!(parse_valid_days("30"), Ok(30));
        assert!(parse_valid_days("0").is_err() && parse_valid_days("366").is_err() && parse_valid_days("x").is_err());
    }

    #[test]
    fn tokens_carry_their_prefix_and_are_random() {
        let (raw, prefix) = new_token();
        assert_eq!(prefix.len(), 8);
        assert!(raw.starts_with(&format!("fg_{prefix}_")));
        assert!(raw.len() > 50);
        assert_ne!(raw, new_token().0);
    }
}
