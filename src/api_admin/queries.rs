//! Reads for the admin API: every piece whatever its status (drafts and withdrawn ones too),
//! filtered by status and center. Writes go through `inventory::service`.

use diesel::prelude::*;

use crate::catalog::models::PieceRow;
use crate::db::DbConn;
use crate::schema::{artisans, piece_makers, pieces};

/// One page of pieces, newest first, and the number of all matches.
pub fn list(
    conn: &mut DbConn,
    status: Option<&str>,
    center_id: Option<i64>,
    limit: i64,
    offset: i64,
) -> QueryResult<(Vec<PieceRow>, i64)> {
    // Boxed queries are rebuilt for the count and the page: diesel cannot clone them.
    let build = || {
        let mut q = pieces::table.into_boxed();
        if let Some(s) = status {
            q = q.filter(pieces::status.eq(s));
        }
        if let Some(c) = center_id {
            q = q.filter(pieces::center_id.eq(c));
        }
        q
    };
    let total: i64 = build().count().get_result(conn)?;
    let rows = build().order(pieces::id.desc()).limit(limit).offset(offset).select(PieceRow::as_select()).load(conn)?;
    Ok((rows, total))
}

/// Who made a piece: (artisan public id, labor minutes), in the order they were recorded.
pub fn makers_of(conn: &mut DbConn, piece_id: i64) -> QueryResult<Vec<(String, i64)>> {
    piece_makers::table
        .inner_join(artisans::table)
        .filter(piece_makers::piece_id.eq(piece_id))
        .order(artisans::id)
        .select((artisans::public_id, piece_makers::labor_minutes))
        .load(conn)
}
