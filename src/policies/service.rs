//! Saving a policy (a new version, audit-logged, public pages refreshed) and the check
//! checkout makes: the versions the buyer was shown are still the ones in effect.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::json;

use super::queries::{self, NewPolicyVersion};
use super::types::PolicyKind;
use crate::audit::{self, Actor, AuditEvent};
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::web::page_cache::bump_version;

/// A policy text as an admin saves it (parsed by `admin::PolicyForm`).
#[derive(Debug, Clone)]
pub struct PolicyInput {
    pub kind: PolicyKind,
    pub body: String,
    pub effective_on: NaiveDate,
}

/// Saves the text as the policy's next version; returns its number. Two admins saving the
/// same policy at once get consecutive numbers: the write is serialised on the policy.
pub fn save(conn: &mut DbConn, actor: &Actor, input: &PolicyInput, now: NaiveDateTime) -> Result<i64, AppError> {
    db::write(conn, |conn| {
        db::serialize_on(conn, &format!("policy:{}", input.kind.code()))?;
        let number = queries::latest_number(conn, input.kind)? + 1;
        let id = queries::insert(
            conn,
            &NewPolicyVersion {
                kind: input.kind,
                version: number,
                body: &input.body,
                effective_on: input.effective_on,
                created_by: &actor.label,
                created_at: now,
            },
        )?;
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: "policy.save",
                entity_type: "policy",
                entity_id: Some(input.kind.code().to_string()),
                center_id: None,
                details: json!({
                    "kind": input.kind.code(),
                    "version": number,
                    "row": id,
                    "effective_on": input.effective_on.to_string(),
                    "characters": input.body.chars().count(),
                }),
            },
            now,
        )?;
        // The policy pages, the checkout sentence and the sitemap change.
        bump_version(conn)?;
        Ok(number)
    })
}

/// The conflict code when a policy changed between the checkout form and its submission.
pub const POLICY_CHANGED: &str = "policy_changed";

/// Checks, inside the order's write, that each policy a buyer accepts at checkout is still in
/// the version the form showed (`shown`: kind → the version the form carried); returns the
/// versions to record on the order. A stale one → 409 `policy_changed`, naming the policy and
/// its new version: the customer reads it and places the order again. A request that carries
/// no version (it was not sent from the form, so nothing was shown) accepts the version in
/// effect now, the one the form would have shown.
pub fn check_shown(
    conn: &mut DbConn,
    shown: &[(PolicyKind, Option<i64>)],
    day: NaiveDate,
) -> Result<Vec<(PolicyKind, i64)>, AppError> {
    let mut accepted = Vec::new();
    let mut changed = Vec::new();
    for kind in PolicyKind::ACCEPTED_AT_CHECKOUT {
        let Some(current) = queries::current(conn, kind, day)? else {
            // No text at all (reference data missing): nothing to accept, nothing recorded.
            continue;
        };
        let seen = shown.iter().find(|(k, _)| *k == kind).and_then(|(_, v)| *v);
        if seen.is_some_and(|v| v != current.version) {
            changed.push(format!("the {} (now version {})", kind.title().to_lowercase(), current.version));
        }
        accepted.push((kind, current.version));
    }
    if !changed.is_empty() {
        return Err(AppError::conflict(
            POLICY_CHANGED,
            format!(
                "Nothing was ordered yet: {} changed while you were on this page. Please read the new version, linked below, and place the order again.",
                changed.join(" and ")
            ),
        ));
    }
    Ok(accepted)
}

/// Records on the order the versions `check_shown` returned.
pub fn record_accepted(conn: &mut DbConn, order_id: i64, accepted: &[(PolicyKind, i64)]) -> Result<(), AppError> {
    for (kind, version) in accepted {
        queries::record_acceptance(conn, order_id, *kind, *version)?;
    }
    Ok(())
}
