//! Catalog queries. Public queries only ever return pieces whose status is public
//! (listed, held or sold); drafts and withdrawn pieces do not exist for the storefront.

use diesel::prelude::*;

use super::filters::{Availability, CatalogFilter, Sort};
use super::models::{ImageRow, NewImage, NewPiece, NewStone, PieceMaker, PieceRow, StoneRow};
use super::types::PieceStatus;
use crate::db::{self, DbConn};
use crate::schema::{piece_images, piece_makers, piece_stones, pieces};

/// One page of public pieces matching the filter, and the total number of matches, straight
/// from the database. The storefront answers from `catalog::snapshot` instead; this is the
/// reference its answers are tested against. Text search (`filter.q`) is not done here.
/// `center_id` is the resolved center of `filter.center`.
pub fn search(conn: &mut DbConn, filter: &CatalogFilter, center_id: Option<i64>) -> QueryResult<(Vec<PieceRow>, i64)> {
    // Boxed queries are rebuilt for the count and the page: diesel cannot clone them.
    let build = || {
        let mut q = pieces::table.into_boxed();
        q = match filter.availability {
            Availability::Available => q.filter(pieces::status.eq(PieceStatus::Listed.code())),
            Availability::Sold => q.filter(pieces::status.eq(PieceStatus::Sold.code())),
            Availability::All => q.filter(pieces::status.eq_any(PieceStatus::PUBLIC)),
        };
        if let Some(id) = center_id {
            q = q.filter(pieces::center_id.eq(id));
        }
        if let Some(metal) = filter.metal {
            q = q.filter(pieces::metal.eq(metal.code()));
        }
        if let Some(kind) = filter.kind {
            q = q.filter(pieces::kind.eq(kind.code()));
        }
        if let Some(size) = filter.ring_size {
            q = q.filter(pieces::ring_size.eq(size.get()));
        }
        if let Some(purity) = filter.purity {
            q = q.filter(pieces::purity.eq(purity.code()));
        }
        if let Some(min) = filter.price_min {
            q = q.filter(pieces::price_minor.ge(min.minor));
        }
        if let Some(max) = filter.price_max {
            q = q.filter(pieces::price_minor.le(max.minor));
        }
        q
    };
    let total: i64 = build().count().get_result(conn)?;
    let q = build();
    let q = match filter.sort {
        Sort::Newest | Sort::Relevance => q.order((pieces::listed_at.desc(), pieces::id.desc())),
        Sort::PriceAsc => q.order((pieces::price_minor.asc(), pieces::id.asc())),
        Sort::PriceDesc => q.order((pieces::price_minor.desc(), pieces::id.desc())),
    };
    let rows = q.limit(filter.per_page).offset(filter.offset()).select(PieceRow::as_select()).load(conn)?;
    Ok((rows, total))
}

/// Every public piece (listed, held, sold), for the catalog snapshot.
pub fn all_public(conn: &mut DbConn) -> QueryResult<Vec<PieceRow>> {
    pieces::table
        .filter(pieces::status.eq_any(PieceStatus::PUBLIC))
        .order(pieces::id)
        .select(PieceRow::as_select())
        .load(conn)
}

/// The first image of every public piece.
pub fn all_public_covers(conn: &mut DbConn) -> QueryResult<Vec<ImageRow>> {
    let public = pieces::table.filter(pieces::status.eq_any(PieceStatus::PUBLIC)).select(pieces::id);
    let mut images: Vec<ImageRow> = piece_images::table
        .filter(piece_images::piece_id.eq_any(public))
        .order((piece_images::piece_id, piece_images::position))
        .select(ImageRow::as_select())
        .load(conn)?;
    images.dedup_by_key(|i| i.piece_id);
    Ok(images)
}

/// (piece id, stone kind) of every public piece's stones, for search.
pub fn all_public_stone_kinds(conn: &mut DbConn) -> QueryResult<Vec<(i64, String)>> {
    let public = pieces::table.filter(pieces::status.eq_any(PieceStatus::PUBLIC)).select(pieces::id);
    piece_stones::table
        .filter(piece_stones::piece_id.eq_any(public))
        .order(piece_stones::id)
        .select((piece_stones::piece_id, piece_stones::kind))
        .load(conn)
}

/// A public piece by slug.
pub fn find_public_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<PieceRow>> {
    pieces::table
        .filter(pieces::slug.eq(slug))
        .filter(pieces::status.eq_any(PieceStatus::PUBLIC))
        .select(PieceRow::as_select())
        .first(conn)
        .optional()
}

/// A public piece by numeric id.
pub fn find_public_by_id(conn: &mut DbConn, id: i64) -> QueryResult<Option<PieceRow>> {
    pieces::table
        .find(id)
        .filter(pieces::status.eq_any(PieceStatus::PUBLIC))
        .select(PieceRow::as_select())
        .first(conn)
        .optional()
}

/// Featured pieces for the home page; topped up with the newest listed pieces.
pub fn featured(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<PieceRow>> {
    pieces::table
        .filter(pieces::status.eq(PieceStatus::Listed.code()))
        .order((pieces::featured.desc(), pieces::listed_at.desc(), pieces::id.desc()))
        .limit(limit)
        .select(PieceRow::as_select())
        .load(conn)
}

/// The public pieces an artisan made: available and reserved first, then sold; newest first.
pub fn listed_by_artisan(conn: &mut DbConn, artisan_id: i64) -> QueryResult<Vec<PieceRow>> {
    pieces::table
        .filter(pieces::status.eq_any(PieceStatus::PUBLIC))
        .filter(
            pieces::id.eq_any(
                piece_makers::table.filter(piece_makers::artisan_id.eq(artisan_id)).select(piece_makers::piece_id),
            ),
        )
        .order((pieces::status.eq(PieceStatus::Sold.code()), pieces::listed_at.desc(), pieces::id.desc()))
        .select(PieceRow::as_select())
        .load(conn)
}

/// Listed pieces of a center other than `except`, newest first.
pub fn more_from_center(conn: &mut DbConn, center_id: i64, except: i64, limit: i64) -> QueryResult<Vec<PieceRow>> {
    pieces::table
        .filter(pieces::status.eq(PieceStatus::Listed.code()))
        .filter(pieces::center_id.eq(center_id))
        .filter(pieces::id.ne(except))
        .order((pieces::listed_at.desc(), pieces::id.desc()))
        .limit(limit)
        .select(PieceRow::as_select())
        .load(conn)
}

pub fn images_of(conn: &mut DbConn, piece_ids: &[i64]) -> QueryResult<Vec<ImageRow>> {
    piece_images::table
        .filter(piece_images::piece_id.eq_any(piece_ids))
        .order((piece_images::piece_id, piece_images::position))
        .select(ImageRow::as_select())
        .load(conn)
}

/// The first image of each given piece.
pub fn cover_images_of(conn: &mut DbConn, piece_ids: &[i64]) -> QueryResult<Vec<ImageRow>> {
    let mut images = images_of(conn, piece_ids)?;
    images.dedup_by_key(|i| i.piece_id);
    Ok(images)
}

pub fn stones_of(conn: &mut DbConn, piece_id: i64) -> QueryResult<Vec<StoneRow>> {
    piece_stones::table
        .filter(piece_stones::piece_id.eq(piece_id))
        .order(piece_stones::id)
        .select(StoneRow::as_select())
        .load(conn)
}

/// Inserts a piece with its stones, makers and images, all or nothing.
pub fn insert_piece(
    conn: &mut DbConn,
    piece: &NewPiece,
    stones: &[(String, i32, i64)],
    makers: &[(i64, i64)],
    images: &[(String, String, i32, i32)],
) -> QueryResult<i64> {
    db::write(conn, |conn| {
        let id: i64 = diesel::insert_into(pieces::table).values(piece).returning(pieces::id).get_result(conn)?;
        let stones: Vec<NewStone> = stones
            .iter()
            .map(|(kind, count, carats)| NewStone {
                piece_id: id,
                kind: kind.clone(),
                count: *count,
                carats_hundredths: *carats,
            })
            .collect();
        let makers: Vec<PieceMaker> = makers
            .iter()
            .map(|(artisan_id, minutes)| PieceMaker { piece_id: id, artisan_id: *artisan_id, labor_minutes: *minutes })
            .collect();
        let images: Vec<NewImage> = images
            .iter()
            .enumerate()
            .map(|(i, (path, alt, w, h))| NewImage {
                piece_id: id,
                path: path.clone(),
                alt_text: alt.clone(),
                width: *w,
                height: *h,
                position: i as i32,
                variants: String::new(),
            })
            .collect();
        // One statement per row: SQLite through the multi-backend does not batch inserts.
        for s in &stones {
            diesel::insert_into(piece_stones::table).values(s).execute(conn)?;
        }
        for m in &makers {
            diesel::insert_into(piece_makers::table).values(m).execute(conn)?;
        }
        for i in &images {
            diesel::insert_into(piece_images::table).values(i).execute(conn)?;
        }
        crate::web::page_cache::bump_version(conn)?;
        Ok(id)
    })
}

/// Whether the catalog holds any piece at all (demo seeding runs only on an empty shop).
pub fn is_empty(conn: &mut DbConn) -> QueryResult<bool> {
    let n: i64 = pieces::table.count().get_result(conn)?;
    Ok(n == 0)
}

/// Slugs of every public piece, for the sitemap.
pub fn public_slugs(conn: &mut DbConn) -> QueryResult<Vec<String>> {
    pieces::table.filter(pieces::status.eq_any(PieceStatus::PUBLIC)).order(pieces::id).select(pieces::slug).load(conn)
}

/// The catalog's version: cached public pages are valid for one version only.
/// Locks a piece's row for the rest of this write (`db::write`): an edit and a publish of the
/// same piece at once run one after the other, each seeing what the other committed.
pub fn lock_piece(conn: &mut DbConn, id: i64) -> QueryResult<()> {
    match conn {
        DbConn::Postgres(pg) => pieces::table.find(id).for_update().select(pieces::id).first::<i64>(pg).map(|_| ()),
        DbConn::Sqlite(_) => Ok(()),
    }
}

#[diesel::declare_sql_function]
extern "SQL" {
    /// SQL `lower()`, for case-insensitive search on both backends (PostgreSQL's LIKE is
    /// case-sensitive, SQLite's is not).
    fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// What the back-office list asks for. Unlike the public queries, every status is visible.
#[derive(Debug, Clone, Default)]
pub struct StaffSearch {
    /// Matched anywhere in the title or SKU, ignoring case.
    pub text: Option<String>,
    pub status: Option<PieceStatus>,
    pub center_id: Option<i64>,
    pub limit: i64,
    pub offset: i64,
}

/// One page of pieces for staff (any status), most recently changed first, and the total.
pub fn staff_search(conn: &mut DbConn, s: &StaffSearch) -> QueryResult<(Vec<PieceRow>, i64)> {
    let pattern = s.text.as_ref().map(|t| {
        let escaped = t.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        format!("%{escaped}%")
    });
    let build = || {
        let mut q = pieces::table.into_boxed();
        if let Some(p) = &pattern {
            q = q.filter(
                lower(pieces::title).like(p.clone()).escape('\\').or(lower(pieces::sku).like(p.clone()).escape('\\')),
            );
        }
        if let Some(status) = s.status {
            q = q.filter(pieces::status.eq(status.code()));
        }
        if let Some(id) = s.center_id {
            q = q.filter(pieces::center_id.eq(id));
        }
        q
    };
    let total: i64 = build().count().get_result(conn)?;
    let rows = build()
        .order((pieces::updated_at.desc(), pieces::id.desc()))
        .limit(s.limit)
        .offset(s.offset)
        .select(PieceRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// One image of one piece (`None` if the image belongs to another piece).
pub fn image_of_piece(conn: &mut DbConn, piece_id: i64, image_id: i64) -> QueryResult<Option<ImageRow>> {
    piece_images::table
        .find(image_id)
        .filter(piece_images::piece_id.eq(piece_id))
        .select(ImageRow::as_select())
        .first(conn)
        .optional()
}

/// The position after a piece's last image.
pub fn next_image_position(conn: &mut DbConn, piece_id: i64) -> QueryResult<i32> {
    let last: Option<i32> = piece_images::table
        .filter(piece_images::piece_id.eq(piece_id))
        .select(diesel::dsl::max(piece_images::position))
        .first(conn)?;
    Ok(last.map_or(0, |p| p + 1))
}

pub fn insert_image(conn: &mut DbConn, image: &NewImage) -> QueryResult<i64> {
    diesel::insert_into(piece_images::table).values(image).returning(piece_images::id).get_result(conn)
}

pub fn delete_image(conn: &mut DbConn, image_id: i64) -> QueryResult<usize> {
    diesel::delete(piece_images::table.find(image_id)).execute(conn)
}

/// The image just before (`up`) or after a position in a piece's order.
pub fn neighbour_image(conn: &mut DbConn, piece_id: i64, position: i32, up: bool) -> QueryResult<Option<ImageRow>> {
    let q = piece_images::table.filter(piece_images::piece_id.eq(piece_id)).into_boxed();
    let q = if up {
        q.filter(piece_images::position.lt(position)).order(piece_images::position.desc())
    } else {
        q.filter(piece_images::position.gt(position)).order(piece_images::position.asc())
    };
    q.select(ImageRow::as_select()).first(conn).optional()
}

/// Swaps two images' positions. `(piece_id, position)` is unique and checked per statement,
/// so one image parks at a free negative position first. Call inside a transaction.
pub fn swap_image_positions(conn: &mut DbConn, a: &ImageRow, b: &ImageRow) -> QueryResult<()> {
    let parked = -1 - a.position.max(b.position);
    diesel::update(piece_images::table.find(a.id)).set(piece_images::position.eq(parked)).execute(conn)?;
    diesel::update(piece_images::table.find(b.id)).set(piece_images::position.eq(a.position)).execute(conn)?;
    diesel::update(piece_images::table.find(a.id)).set(piece_images::position.eq(b.position)).execute(conn)?;
    Ok(())
}

/// (listed pieces with a HUID, all listed pieces).
pub fn huid_counts(conn: &mut DbConn) -> QueryResult<(i64, i64)> {
    let listed = || pieces::table.filter(pieces::status.eq(PieceStatus::Listed.code()));
    let total: i64 = listed().count().get_result(conn)?;
    let with_huid: i64 =
        listed().filter(pieces::huid.is_not_null()).filter(pieces::huid.ne("")).count().get_result(conn)?;
    Ok((with_huid, total))
}
