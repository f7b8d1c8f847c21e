//! The second person's approval of screened text. Text that `screen` flags may be published
//! only once a staff member other than the one who asked has approved exactly that text (by
//! its SHA-256) for exactly that place (`Target`: a context such as `piece.description` or
//! `artisan.story`, and the entity's id). Changing one character needs a new approval. Requests
//! and approvals are audit-logged; the text itself is not stored here.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::{kinds, screen};
use crate::audit::{self, Actor, AuditEvent};
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::schema::text_approvals;

/// Where a text is published: `context` names the field (`"piece.description"`,
/// `"artisan.story"`), `entity_id` the row, `center_id` the workshop it belongs to (who may
/// approve: an admin, or a manager of that center).
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub context: &'a str,
    pub entity_id: i64,
    pub center_id: Option<i64>,
}

/// One request, approved or still waiting.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = text_approvals)]
pub struct Approval {
    pub id: i64,
    pub context: String,
    pub entity_id: i64,
    pub center_id: Option<i64>,
    pub text_sha256: String,
    /// The kinds screening found, comma-separated codes (`time_of_day,phone`).
    pub match_kinds: String,
    pub requested_by: String,
    pub requested_by_staff_id: Option<i64>,
    pub requested_at: NaiveDateTime,
    pub approved_by: Option<String>,
    pub approved_by_staff_id: Option<i64>,
    pub approved_at: Option<NaiveDateTime>,
}

/// The SHA-256 of a text, 64 lowercase hex digits.
pub fn text_sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn find_for(conn: &mut DbConn, target: Target<'_>, text: &str) -> QueryResult<Option<Approval>> {
    text_approvals::table
        .filter(text_approvals::context.eq(target.context))
        .filter(text_approvals::entity_id.eq(target.entity_id))
        .filter(text_approvals::text_sha256.eq(text_sha256(text)))
        .select(Approval::as_select())
        .first(conn)
        .optional()
}

/// The request for this exact text at this place, if one was made (approved or not).
pub fn status(conn: &mut DbConn, target: Target<'_>, text: &str) -> QueryResult<Option<Approval>> {
    find_for(conn, target, text)
}

/// Whether this exact text has been approved for this place by a second person.
pub fn is_approved(conn: &mut DbConn, target: Target<'_>, text: &str) -> QueryResult<bool> {
    Ok(find_for(conn, target, text)?.is_some_and(|a| a.approved_at.is_some()))
}

/// The check before publishing: text that screening flags needs an approval of exactly this
/// text (409 `screening_approval_required`, naming the kinds found). Text with no match passes.
pub fn require(conn: &mut DbConn, target: Target<'_>, text: &str) -> Result<(), AppError> {
    let matches = screen(text);
    if matches.is_empty() || is_approved(conn, target, text)? {
        return Ok(());
    }
    let found: Vec<&str> =
        matches.iter().map(|m| m.kind.label()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    Err(AppError::conflict(
        "screening_approval_required",
        format!(
            "the text mentions {}: a second staff member must approve it before it is published (or change it)",
            found.join(", ")
        ),
    ))
}

/// Asks for a second person's approval of `text` at `target`. Returns the request's id; a
/// request for the same text and place already made is returned as it is. Refused when the
/// text has nothing to approve (409 `nothing_to_approve`). Audit-logged.
pub fn request(
    conn: &mut DbConn,
    actor: &Actor,
    target: Target<'_>,
    text: &str,
    now: NaiveDateTime,
) -> Result<i64, AppError> {
    let matches = screen(text);
    if matches.is_empty() {
        return Err(AppError::conflict("nothing_to_approve", "screening found nothing in this text to approve"));
    }
    let match_kinds = kinds(&matches).join(",");
    let hash = text_sha256(text);
    db::write(conn, |conn| {
        db::serialize_on(conn, &format!("text_approval:{}:{}:{hash}", target.context, target.entity_id))?;
        if let Some(existing) = find_for(conn, target, text)? {
            return Ok(existing.id);
        }
        let id: i64 = diesel::insert_into(text_approvals::table)
            .values((
                text_approvals::context.eq(target.context),
                text_approvals::entity_id.eq(target.entity_id),
                text_approvals::center_id.eq(target.center_id),
                text_approvals::text_sha256.eq(&hash),
                text_approvals::match_kinds.eq(&match_kinds),
                text_approvals::requested_by.eq(&actor.label),
                text_approvals::requested_by_staff_id.eq(actor.staff_id),
                text_approvals::requested_at.eq(now),
            ))
            .returning(text_approvals::id)
            .get_result(conn)?;
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: "text.approval_request",
                entity_type: "text_approval",
                entity_id: Some(id.to_string()),
                center_id: target.center_id,
                details: json!({
                    "context": target.context, "entity_id": target.entity_id,
                    "text_sha256": hash, "match_kinds": match_kinds,
                }),
            },
            now,
        )?;
        Ok(id)
    })
}

/// Approves request `id` as `approver`. `center_scope` is the approver's own center when they
/// act for one center only (a manager): a request of another center is not found for them.
/// The requester cannot approve their own request (409 `approval_by_requester`); an approved
/// request is not approved twice (409 `already_approved`). Audit-logged.
pub fn approve(
    conn: &mut DbConn,
    approver: &Actor,
    center_scope: Option<i64>,
    id: i64,
    now: NaiveDateTime,
) -> Result<Approval, AppError> {
    db::write(conn, |conn| {
        let found = find(conn, id)?.ok_or(AppError::NotFound)?;
        if center_scope.is_some() && found.center_id != center_scope {
            return Err(AppError::NotFound);
        }
        let same_person = match (found.requested_by_staff_id, approver.staff_id) {
            (Some(a), Some(b)) => a == b,
            _ => found.requested_by == approver.label,
        };
        if same_person {
            return Err(AppError::conflict(
                "approval_by_requester",
                "screened text must be approved by a second staff member, not the one who asked",
            ));
        }
        // One conditional statement: of two approvals at once, one wins.
        let n = diesel::update(text_approvals::table.find(id).filter(text_approvals::approved_at.is_null()))
            .set((
                text_approvals::approved_by.eq(&approver.label),
                text_approvals::approved_by_staff_id.eq(approver.staff_id),
                text_approvals::approved_at.eq(now),
            ))
            .execute(conn)?;
        if n != 1 {
            return Err(AppError::conflict("already_approved", "this text was already approved"));
        }
        audit::record(
            conn,
            approver,
            &AuditEvent {
                action: "text.approve",
                entity_type: "text_approval",
                entity_id: Some(id.to_string()),
                center_id: found.center_id,
                details: json!({
                    "context": found.context, "entity_id": found.entity_id,
                    "text_sha256": found.text_sha256, "match_kinds": found.match_kinds,
                    "requested_by": found.requested_by,
                }),
            },
            now,
        )?;
        find(conn, id)?.ok_or(AppError::NotFound)
    })
}

/// Where the back office shows the text of a request (to read it before approving), by context.
/// A feature that adds a context adds its page here.
pub fn admin_link(context: &str, entity_id: i64) -> Option<String> {
    match context {
        "piece.description" => Some(format!("/admin/pieces/{entity_id}#screening")),
        "artisan.story" => Some(format!("/admin/artisans/{entity_id}")),
        _ => None,
    }
}

/// What a context is, in words for the approvals page.
pub fn context_label(context: &str) -> &'static str {
    match context {
        "piece.description" => "Piece description",
        "artisan.story" => "Artisan's story",
        _ => "Public text",
    }
}

/// One request by id.
pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<Approval>> {
    text_approvals::table.find(id).select(Approval::as_select()).first(conn).optional()
}

/// Requests still waiting, oldest first: every center's (`center_scope` None) or one center's.
pub fn pending(conn: &mut DbConn, center_scope: Option<i64>) -> QueryResult<Vec<Approval>> {
    let mut q = text_approvals::table
        .filter(text_approvals::approved_at.is_null())
        .order(text_approvals::requested_at)
        .select(Approval::as_select())
        .into_boxed();
    if let Some(c) = center_scope {
        q = q.filter(text_approvals::center_id.eq(c));
    }
    q.load(conn)
}
