//! Cart rows. A cart is keyed by the hash of its cookie value.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::catalog::types::PieceStatus;
use crate::db::DbConn;
use crate::money::Currency;
use crate::schema::{cart_items, carts, orders, pieces};

/// A piece in a cart, with what decides whether it can still be bought.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = pieces)]
pub struct CartPieceRow {
    pub id: i64,
    pub sku: String,
    pub slug: String,
    pub title: String,
    pub price_minor: i64,
    pub currency: Currency,
    pub status: PieceStatus,
    pub center_id: i64,
    pub held_by_order_id: Option<i64>,
    pub hold_expires_at: Option<NaiveDateTime>,
}

pub fn exists(conn: &mut DbConn, key: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(carts::table.find(key))).get_result(conn)
}

/// Creates the cart if it does not exist yet (a lost race with the same visitor's other
/// request is harmless: the row is there either way).
pub fn ensure(conn: &mut DbConn, key: &str, now: NaiveDateTime) -> QueryResult<()> {
    if exists(conn, key)? {
        return diesel::update(carts::table.find(key)).set(carts::updated_at.eq(now)).execute(conn).map(|_| ());
    }
    match diesel::insert_into(carts::table)
        .values((carts::id_hash.eq(key), carts::created_at.eq(now), carts::updated_at.eq(now)))
        .execute(conn)
    {
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => Ok(()),
        other => other.map(|_| ()),
    }
}

pub fn count(conn: &mut DbConn, key: &str) -> QueryResult<i64> {
    cart_items::table.filter(cart_items::cart_id.eq(key)).count().get_result(conn)
}

pub fn contains(conn: &mut DbConn, key: &str, piece_id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(cart_items::table.find((key, piece_id)))).get_result(conn)
}

/// Adds a piece; returns false if it was already in the cart.
pub fn add(conn: &mut DbConn, key: &str, piece_id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    if contains(conn, key, piece_id)? {
        return Ok(false);
    }
    match diesel::insert_into(cart_items::table)
        .values((cart_items::cart_id.eq(key), cart_items::piece_id.eq(piece_id), cart_items::added_at.eq(now)))
        .execute(conn)
    {
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => Ok(false),
        other => other.map(|n| n == 1),
    }
}

pub fn remove(conn: &mut DbConn, key: &str, piece_id: i64) -> QueryResult<bool> {
    diesel::delete(cart_items::table.find((key, piece_id))).execute(conn).map(|n| n == 1)
}

/// Removes these pieces from the cart (the ones an order bought).
pub fn remove_many(conn: &mut DbConn, key: &str, piece_ids: &[i64]) -> QueryResult<usize> {
    diesel::delete(cart_items::table.filter(cart_items::cart_id.eq(key)).filter(cart_items::piece_id.eq_any(piece_ids)))
        .execute(conn)
}

pub fn clear(conn: &mut DbConn, key: &str) -> QueryResult<()> {
    diesel::delete(cart_items::table.filter(cart_items::cart_id.eq(key))).execute(conn).map(|_| ())
}

/// The pieces in a cart, in the order they were added.
pub fn pieces_in(conn: &mut DbConn, key: &str) -> QueryResult<Vec<CartPieceRow>> {
    cart_items::table
        .inner_join(pieces::table)
        .filter(cart_items::cart_id.eq(key))
        .order((cart_items::added_at.asc(), pieces::id.asc()))
        .select(CartPieceRow::as_select())
        .load(conn)
}

/// This cart's orders awaiting payment (their holds are the visitor's own).
pub fn pending_orders(conn: &mut DbConn, key: &str) -> QueryResult<Vec<i64>> {
    orders::table
        .filter(orders::cart_key.eq(key))
        .filter(orders::status.eq("pending_payment"))
        .select(orders::id)
        .load(conn)
}

/// How a visitor names a piece to add: by id, slug or SKU.
#[derive(Debug, Clone)]
pub enum PieceRef {
    Id(i64),
    Slug(String),
    Sku(String),
}

pub fn find_piece(conn: &mut DbConn, r: &PieceRef) -> QueryResult<Option<CartPieceRow>> {
    let q = pieces::table.select(CartPieceRow::as_select()).into_boxed();
    let q = match r {
        PieceRef::Id(id) => q.filter(pieces::id.eq(*id)),
        PieceRef::Slug(s) => q.filter(pieces::slug.eq(s.clone())),
        PieceRef::Sku(s) => q.filter(pieces::sku.eq(s.clone())),
    };
    q.first(conn).optional()
}
