//! The audit log: an append-only record of every staff write and every view of private data
//! (who, when, what, the change). The database refuses UPDATE and DELETE on it (triggers in
//! the back-office migration), so this module only ever inserts and reads.

pub mod queries;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::schema::audit_log;

/// Who did something: a staff member, or the system (CLI, start-up) with a label.
#[derive(Debug, Clone)]
pub struct Actor {
    pub staff_id: Option<i64>,
    pub label: String,
    pub ip: Option<String>,
}

impl Actor {
    /// A staff member, named by their email.
    pub fn staff(staff_id: i64, email: &str) -> Self {
        Self { staff_id: Some(staff_id), label: email.into(), ip: None }
    }
    pub fn system(label: &str) -> Self {
        Self { staff_id: None, label: label.into(), ip: None }
    }
    pub fn with_ip(mut self, ip: Option<String>) -> Self {
        self.ip = ip;
        self
    }
}

#[derive(Insertable)]
#[diesel(table_name = audit_log)]
struct NewEntry<'a> {
    at: NaiveDateTime,
    staff_id: Option<i64>,
    actor: &'a str,
    action: &'a str,
    entity_type: &'a str,
    entity_id: Option<String>,
    center_id: Option<i64>,
    details: String,
    ip: Option<&'a str>,
}

/// One thing that happened, as the log records it: what was done (`"piece.publish"`), to
/// which entity (`"piece"`, its id), in which center when it belongs to one, and the change
/// itself (a JSON object: the fields before and after, a reason). Every call site builds this
/// one value, so a new field of the log is added in one place.
#[derive(Debug, Clone)]
pub struct AuditEvent<'a> {
    pub action: &'a str,
    pub entity_type: &'a str,
    pub entity_id: Option<String>,
    pub center_id: Option<i64>,
    pub details: serde_json::Value,
}

/// Appends one entry. Call it inside the transaction of the change it records, so that a
/// change and its record are written together or not at all.
pub fn record(conn: &mut DbConn, actor: &Actor, event: &AuditEvent<'_>, at: NaiveDateTime) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values(NewEntry {
            at,
            staff_id: actor.staff_id,
            actor: &actor.label,
            action: event.action,
            entity_type: event.entity_type,
            entity_id: event.entity_id.clone(),
            center_id: event.center_id,
            details: event.details.to_string(),
            ip: actor.ip.as_deref(),
        })
        .execute(conn)
        .map(|_| ())
}
