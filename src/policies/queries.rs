//! What the policy pages read, and the two inserts (a new version; the versions an order
//! accepted). Rows of `policy_versions` are only ever inserted (triggers refuse the rest).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::types::PolicyKind;
use crate::db::DbConn;
use crate::schema::{order_policy_acceptances, policy_versions};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = policy_versions)]
pub struct PolicyVersion {
    pub id: i64,
    pub kind: PolicyKind,
    pub version: i64,
    pub body: String,
    pub effective_on: NaiveDate,
    pub created_by: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = policy_versions)]
pub struct NewPolicyVersion<'a> {
    pub kind: PolicyKind,
    pub version: i64,
    pub body: &'a str,
    pub effective_on: NaiveDate,
    pub created_by: &'a str,
    pub created_at: NaiveDateTime,
}

/// The version in effect on `day`: the highest version whose effective date has come.
pub fn current(conn: &mut DbConn, kind: PolicyKind, day: NaiveDate) -> QueryResult<Option<PolicyVersion>> {
    policy_versions::table
        .filter(policy_versions::kind.eq(kind))
        .filter(policy_versions::effective_on.le(day))
        .order(policy_versions::version.desc())
        .select(PolicyVersion::as_select())
        .first(conn)
        .optional()
}

/// Every version of a policy, newest first (a scheduled one included).
pub fn versions(conn: &mut DbConn, kind: PolicyKind) -> QueryResult<Vec<PolicyVersion>> {
    policy_versions::table
        .filter(policy_versions::kind.eq(kind))
        .order(policy_versions::version.desc())
        .select(PolicyVersion::as_select())
        .load(conn)
}

pub fn version(conn: &mut DbConn, kind: PolicyKind, number: i64) -> QueryResult<Option<PolicyVersion>> {
    policy_versions::table
        .filter(policy_versions::kind.eq(kind))
        .filter(policy_versions::version.eq(number))
        .select(PolicyVersion::as_select())
        .first(conn)
        .optional()
}

/// The highest version number of a policy (0 when it has none).
pub fn latest_number(conn: &mut DbConn, kind: PolicyKind) -> QueryResult<i64> {
    policy_versions::table
        .filter(policy_versions::kind.eq(kind))
        .select(diesel::dsl::max(policy_versions::version))
        .first::<Option<i64>>(conn)
        .map(|v| v.unwrap_or(0))
}

pub fn insert(conn: &mut DbConn, row: &NewPolicyVersion<'_>) -> QueryResult<i64> {
    diesel::insert_into(policy_versions::table).values(row).returning(policy_versions::id).get_result(conn)
}

/// Keeps on the order the version of a policy its buyer accepted (in the order's transaction).
pub fn record_acceptance(conn: &mut DbConn, order_id: i64, kind: PolicyKind, version: i64) -> QueryResult<()> {
    diesel::insert_into(order_policy_acceptances::table)
        .values((
            order_policy_acceptances::order_id.eq(order_id),
            order_policy_acceptances::kind.eq(kind),
            order_policy_acceptances::version.eq(version),
        ))
        .execute(conn)
        .map(|_| ())
}

/// The versions the buyer of an order accepted, in the order of `PolicyKind::ALL`.
pub fn accepted_by_order(conn: &mut DbConn, order_id: i64) -> QueryResult<Vec<(PolicyKind, i64)>> {
    let mut rows: Vec<(PolicyKind, i64)> = order_policy_acceptances::table
        .filter(order_policy_acceptances::order_id.eq(order_id))
        .select((order_policy_acceptances::kind, order_policy_acceptances::version))
        .load(conn)?;
    rows.sort_by_key(|(k, _)| PolicyKind::ALL.iter().position(|x| x == k));
    Ok(rows)
}
