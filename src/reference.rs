//! The reference data every shop has, real in production as in the demo: the two workshops
//! (`centers::ensure_workshops`), their default wage policies (`wages::defaults`) and the
//! default texts of the shop's policies (`policies::defaults`). Created
//! if missing, under the migration lock (`db::migrate_then`), so that several instances
//! starting together create it once. Demo content is elsewhere (`seed`, behind the `demo`
//! feature).

use chrono::NaiveDateTime;
use diesel::QueryResult;

use crate::db::DbConn;

/// Creates what is missing; returns the ids of (Kolkata, Mumbai).
pub fn ensure(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<(i64, i64)> {
    let (kolkata, mumbai) = crate::centers::ensure_workshops(conn, now)?;
    crate::wages::defaults::seed_policies(conn, &[("kolkata", kolkata), ("mumbai", mumbai)], now)?;
    crate::policies::defaults::ensure(conn, now)?;
    Ok((kolkata, mumbai))
}
