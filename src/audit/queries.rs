//! Reading the audit log: filtered, newest first, a page at a time (the back-office page) or
//! all at once (the CSV export). Nothing here writes: the log is append-only.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::schema::audit_log;

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = audit_log)]
pub struct AuditEntry {
    pub id: i64,
    pub at: NaiveDateTime,
    pub staff_id: Option<i64>,
    pub actor: String,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<String>,
    pub center_id: Option<i64>,
    pub details: String,
    pub ip: Option<String>,
}

/// Exact matches on actor, action and entity type; `from` inclusive, `to` exclusive.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct AuditFilter {
    pub actor: Option<String>,
    pub action: Option<String>,
    pub entity_type: Option<String>,
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
}

fn filtered(f: &AuditFilter) -> audit_log::BoxedQuery<'static, crate::db::MultiBackend> {
    let mut q = audit_log::table.into_boxed();
    if let Some(a) = &f.actor {
        q = q.filter(audit_log::actor.eq(a.clone()));
    }
    if let Some(a) = &f.action {
        q = q.filter(audit_log::action.eq(a.clone()));
    }
    if let Some(t) = &f.entity_type {
        q = q.filter(audit_log::entity_type.eq(t.clone()));
    }
    if let Some(from) = f.from {
        q = q.filter(audit_log::at.ge(from));
    }
    if let Some(to) = f.to {
        q = q.filter(audit_log::at.lt(to));
    }
    q
}

/// Entries matching the filter, newest first, at most `limit`.
pub fn search(conn: &mut DbConn, f: &AuditFilter, limit: i64) -> QueryResult<Vec<AuditEntry>> {
    search_page(conn, f, limit, 0)
}

/// One page of entries matching the filter, newest first: `limit` entries after skipping `offset`.
pub fn search_page(conn: &mut DbConn, f: &AuditFilter, limit: i64, offset: i64) -> QueryResult<Vec<AuditEntry>> {
    filtered(f)
        .order((audit_log::at.desc(), audit_log::id.desc()))
        .limit(limit)
        .offset(offset)
        .select(AuditEntry::as_select())
        .load(conn)
}

/// How many entries match the filter.
pub fn count(conn: &mut DbConn, f: &AuditFilter) -> QueryResult<i64> {
    filtered(f).count().get_result(conn)
}

/// Every action name in the log, for the filter's suggestions.
pub fn actions(conn: &mut DbConn) -> QueryResult<Vec<String>> {
    audit_log::table.select(audit_log::action).distinct().order(audit_log::action).load(conn)
}

/// Every entity type in the log, for the filter's suggestions.
pub fn entity_types(conn: &mut DbConn) -> QueryResult<Vec<String>> {
    audit_log::table.select(audit_log::entity_type).distinct().order(audit_log::entity_type).load(conn)
}
