//! Signed ledger checkpoints: at each month close the ledger's head — the number of its last
//! entry, that entry's hash and the time — is signed with the shop's Ed25519 key
//! (`crypto::LedgerSigner`) and stored. The checkpoints are published (`/transparency/ledger`,
//! and as a file to download); `verify_file` then proves that the ledger as it stands still
//! passes through every published head. The hash chain alone cannot show that: someone with
//! database access can rewrite an entry and recompute every hash after it, and the chain is
//! intact again. A published, signed head taken before the rewrite no longer matches.
//!
//! The signed text is fixed (`MESSAGE_FORMAT`); never change it, or published checkpoints no
//! longer verify. Checkpoints name no artisan: the entry number, its hash, the time, the center
//! and month whose close made them.

use chrono::{NaiveDateTime, SecondsFormat, Timelike};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::ledger::{self, Verification};
use super::types::Month;
use crate::crypto::{self, LedgerSigner};
use crate::db::DbConn;
use crate::error::AppError;
use crate::schema::{centers, ledger_checkpoints, ledger_entries, ledger_head};

/// What the published file says it is.
pub const FILE_FORMAT: &str = "fairgold-ledger-checkpoints-v1";

/// The text each checkpoint's signature is over, written out for the file and the page. Lines
/// end with a newline (also the last); the hash is 64 lowercase hex digits (the ledger's own);
/// the time is UTC in RFC 3339 with microseconds and `Z`.
pub const MESSAGE_FORMAT: &str = "fairgold ledger checkpoint v1\n{entry_id}\n{entry_hash}\n{signed_at}\n";

/// The text a checkpoint signs (`MESSAGE_FORMAT`).
pub fn message(entry_id: i64, entry_hash: &str, signed_at: &str) -> String {
    format!("fairgold ledger checkpoint v1\n{entry_id}\n{entry_hash}\n{signed_at}\n")
}

/// A stored time as the signed text writes it: `2026-12-01T09:30:15.123456Z`.
pub fn rfc3339(at: NaiveDateTime) -> String {
    at.and_utc().to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// One checkpoint as published: everything needed to check it, nothing about a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// The number of the ledger's last entry when it was signed (0: the ledger was empty).
    pub entry_id: i64,
    /// That entry's hash (64 zeros for an empty ledger).
    pub entry_hash: String,
    /// When it was signed, as in the signed text.
    pub signed_at: String,
    /// The close that made it: month (YYYY-MM) and center (its code).
    pub month: String,
    pub center: String,
    /// The key it was signed with (hex), one of the file's `public_keys`.
    pub public_key: String,
    /// Ed25519 over `message(entry_id, entry_hash, signed_at)`, 128 hex digits.
    pub signature: String,
}

impl Published {
    /// "entry 12 (Kolkata close of 2026-10, signed 2026-12-01T…)": how the verifier names it.
    pub fn name(&self) -> String {
        format!("entry {} (close of {} at {}, signed {})", self.entry_id, self.month, self.center, self.signed_at)
    }
}

/// The file offered for download on `/transparency/ledger` (and in the auditors' ZIP).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PublishedFile {
    pub format: String,
    /// The signed text, with its placeholders (`MESSAGE_FORMAT`).
    pub message_format: String,
    /// The shop's signing key now (hex); `None` when no key is configured.
    pub public_key: Option<String>,
    /// Every key a checkpoint in this file was signed with, and the current one.
    pub public_keys: Vec<String>,
    /// In the order they were signed.
    pub checkpoints: Vec<Published>,
}

/// Signs the ledger's head and stores the checkpoint, in the month close's write transaction
/// (after its top-ups are appended, with the head locked). Without a signer (production
/// without `FAIRGOLD_LEDGER_SIGNING_KEY`) the close is refused (409 `signing_key_missing`) and,
/// the transaction being rolled back, nothing of it is saved.
pub fn sign_head(
    conn: &mut DbConn,
    signer: Option<&LedgerSigner>,
    center_id: i64,
    month: Month,
    now: NaiveDateTime,
) -> Result<Published, AppError> {
    let signer = signer.ok_or_else(|| {
        AppError::conflict(
            "signing_key_missing",
            "This shop has no ledger signing key (FAIRGOLD_LEDGER_SIGNING_KEY), and every month close signs the \
             ledger's head for publication. Ask whoever runs the server to set it; nothing was saved and the month \
             is still open.",
        )
    })?;
    let (entry_id, entry_hash): (i64, String) =
        ledger_head::table.find(1).select((ledger_head::last_id, ledger_head::last_hash)).first(conn)?;
    // Stored as both backends give it back (PostgreSQL keeps microseconds), and signed so.
    let signed_at = now.with_nanosecond(now.nanosecond() / 1_000 * 1_000).unwrap_or(now);
    let at = rfc3339(signed_at);
    let signature = signer.sign_hex(message(entry_id, &entry_hash, &at).as_bytes());
    let public_key = signer.public_key_hex();
    diesel::insert_into(ledger_checkpoints::table)
        .values((
            ledger_checkpoints::entry_id.eq(entry_id),
            ledger_checkpoints::entry_hash.eq(&entry_hash),
            ledger_checkpoints::signed_at.eq(signed_at),
            ledger_checkpoints::month.eq(month.to_string()),
            ledger_checkpoints::center_id.eq(center_id),
            ledger_checkpoints::public_key.eq(&public_key),
            ledger_checkpoints::signature.eq(&signature),
        ))
        .execute(conn)?;
    let center: String = centers::table.find(center_id).select(centers::code).first(conn)?;
    Ok(Published { entry_id, entry_hash, signed_at: at, month: month.to_string(), center, public_key, signature })
}

/// Every checkpoint, in the order they were signed.
pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Published>> {
    let rows: Vec<(i64, String, NaiveDateTime, String, String, String, String)> = ledger_checkpoints::table
        .inner_join(centers::table)
        .order(ledger_checkpoints::id)
        .select((
            ledger_checkpoints::entry_id,
            ledger_checkpoints::entry_hash,
            ledger_checkpoints::signed_at,
            ledger_checkpoints::month,
            centers::code,
            ledger_checkpoints::public_key,
            ledger_checkpoints::signature,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(entry_id, entry_hash, at, month, center, public_key, signature)| Published {
            entry_id,
            entry_hash,
            signed_at: rfc3339(at),
            month,
            center,
            public_key,
            signature,
        })
        .collect())
}

/// The published file: every checkpoint and the keys (`signer`: the shop's key now).
pub fn published(conn: &mut DbConn, signer: Option<&LedgerSigner>) -> QueryResult<PublishedFile> {
    let checkpoints = all(conn)?;
    let current = signer.map(LedgerSigner::public_key_hex);
    let mut public_keys: Vec<String> = Vec::new();
    for key in checkpoints.iter().map(|c| c.public_key.clone()).chain(current.clone()) {
        if !public_keys.contains(&key) {
            public_keys.push(key);
        }
    }
    Ok(PublishedFile {
        format: FILE_FORMAT.into(),
        message_format: MESSAGE_FORMAT.into(),
        public_key: current,
        public_keys,
        checkpoints,
    })
}

/// The file as JSON text (pretty, ends with a newline).
pub fn to_json(file: &PublishedFile) -> Result<String, AppError> {
    Ok(serde_json::to_string_pretty(file).map_err(|e| AppError::internal(format!("checkpoints json: {e}")))? + "\n")
}

/// What `verify_file` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileCheck {
    /// Every signature verifies, the chain is intact and passes through every checkpoint.
    Passed { entries: i64, checkpoints: usize, last_hash: String },
    /// The first checkpoint (in the ledger's order) that no longer matches, and why.
    CheckpointFailed { checkpoint: Published, reason: String },
    /// Every checkpoint matches, but the chain is broken after the last of them.
    LedgerBroken { entry: i64, reason: String },
}

/// Reads a downloaded checkpoints file.
pub fn parse_file(text: &str) -> Result<PublishedFile, String> {
    let file: PublishedFile = serde_json::from_str(text).map_err(|e| format!("it is not a checkpoints file ({e})"))?;
    if file.format != FILE_FORMAT {
        return Err(format!("its format is `{}`, not `{FILE_FORMAT}`", file.format));
    }
    Ok(file)
}

/// Checks the ledger against a published file: every checkpoint's signature under a key the
/// file publishes, then the recomputed chain (`ledger::verify`) through every checkpoint's
/// (entry number, hash). Entries before a break in the chain match their stored hashes, so a
/// checkpoint there is compared with the stored hash; one at or after the break fails.
pub fn verify_file(conn: &mut DbConn, file: &PublishedFile) -> Result<FileCheck, AppError> {
    let mut order: Vec<&Published> = file.checkpoints.iter().collect();
    order.sort_by_key(|c| c.entry_id);
    for c in &order {
        if !file.public_keys.contains(&c.public_key) {
            return Ok(failed(c, "it was signed with a key the file does not publish"));
        }
        if let Err(why) = crypto::verify_ed25519(
            &c.public_key,
            message(c.entry_id, &c.entry_hash, &c.signed_at).as_bytes(),
            &c.signature,
        ) {
            return Ok(failed(c, &format!("its signature does not verify: {why}")));
        }
    }
    let (trusted_through, broken) = match ledger::verify(conn)? {
        Verification::Intact { entries, last_hash } => (entries, Ok((entries, last_hash))),
        Verification::Broken { entry, reason } => (entry - 1, Err((entry, reason))),
    };
    let ids: Vec<i64> = order.iter().map(|c| c.entry_id).filter(|&id| id >= 1 && id <= trusted_through).collect();
    let mut stored: std::collections::HashMap<i64, String> = std::collections::HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(i64, String)> = ledger_entries::table
            .filter(ledger_entries::id.eq_any(chunk))
            .select((ledger_entries::id, ledger_entries::hash))
            .load(conn)?;
        stored.extend(rows);
    }
    for c in &order {
        let now_hash = match c.entry_id {
            0 => Some(ledger::GENESIS.to_string()),
            id if id <= trusted_through => stored.get(&id).cloned(),
            _ => None,
        };
        match (now_hash, &broken) {
            (Some(h), _) if h == c.entry_hash => {}
            (Some(h), _) => {
                return Ok(failed(
                    c,
                    &format!(
                        "the ledger's entry {} now hashes to {}…, not {}… as published: the ledger was rewritten up \
                         to or before it",
                        c.entry_id,
                        &h[..16.min(h.len())],
                        &c.entry_hash[..16.min(c.entry_hash.len())]
                    ),
                ))
            }
            (None, Ok((entries, _))) => {
                return Ok(failed(
                    c,
                    &format!("the ledger now has only {entries} entries: entries published before were removed"),
                ))
            }
            (None, Err((entry, reason))) => {
                return Ok(failed(c, &format!("the chain is broken at entry {entry} before it: {reason}")))
            }
        }
    }
    Ok(match broken {
        Ok((entries, last_hash)) => FileCheck::Passed { entries, checkpoints: order.len(), last_hash },
        Err((entry, reason)) => FileCheck::LedgerBroken { entry, reason },
    })
}

fn failed(c: &Published, reason: &str) -> FileCheck {
    FileCheck::CheckpointFailed { checkpoint: c.clone(), reason: reason.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The signed text is what published checkpoints were signed over: it never changes.
    #[test]
    fn the_signed_text_is_fixed() {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().and_hms_micro_opt(9, 30, 15, 123_456).unwrap();
        assert_eq!(rfc3339(at), "2026-12-01T09:30:15.123456Z");
        assert_eq!(
            message(12, &"ab".repeat(32), &rfc3339(at)),
            format!("fairgold ledger checkpoint v1\n12\n{}\n2026-12-01T09:30:15.123456Z\n", "ab".repeat(32))
        );
        let filled = MESSAGE_FORMAT
            .replace("{entry_id}", "12")
            .replace("{entry_hash}", &"ab".repeat(32))
            .replace("{signed_at}", "2026-12-01T09:30:15.123456Z");
        assert_eq!(filled, message(12, &"ab".repeat(32), "2026-12-01T09:30:15.123456Z"));
    }
}
