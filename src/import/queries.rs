//! What the import needs to know about pieces already in the shop.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::schema::pieces;

/// Which of these SKUs some piece already has.
pub fn taken_skus(conn: &mut DbConn, skus: &[String]) -> QueryResult<Vec<String>> {
    let mut out = Vec::new();
    for chunk in skus.chunks(500) {
        out.extend(pieces::table.filter(pieces::sku.eq_any(chunk)).select(pieces::sku).load::<String>(conn)?);
    }
    Ok(out)
}

/// Which of these HUIDs some piece already has.
pub fn taken_huids(conn: &mut DbConn, huids: &[String]) -> QueryResult<Vec<String>> {
    let mut out = Vec::new();
    for chunk in huids.chunks(500) {
        out.extend(
            pieces::table
                .filter(pieces::huid.eq_any(chunk))
                .select(pieces::huid.assume_not_null())
                .load::<String>(conn)?,
        );
    }
    Ok(out)
}
