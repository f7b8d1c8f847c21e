//! Row structs of the catalog tables, with their insert forms beside them.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::types::{HuidExemption, Kind, Metal, PieceStatus, Purity};
use crate::money::Currency;

use crate::schema::{piece_images, piece_makers, piece_stones, pieces};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = pieces)]
pub struct PieceRow {
    pub id: i64,
    pub sku: String,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub kind: Kind,
    pub metal: Metal,
    pub purity: Purity,
    pub gross_weight_mg: i64,
    pub net_weight_mg: i64,
    pub ring_size: Option<i32>,
    pub huid: Option<String>,
    pub price_minor: i64,
    pub currency: Currency,
    pub status: PieceStatus,
    pub center_id: i64,
    pub featured: bool,
    pub listed_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// Why the piece has no HUID, when it has none (set by the piece form, checked at publish).
    pub huid_exemption: Option<HuidExemption>,
}

/// A piece to insert; built only from parsed values (see `catalog::service::NewPieceInput`).
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = pieces)]
pub struct NewPiece {
    pub sku: String,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub kind: Kind,
    pub metal: Metal,
    pub purity: Purity,
    pub gross_weight_mg: i64,
    pub net_weight_mg: i64,
    pub ring_size: Option<i32>,
    pub huid: Option<String>,
    pub price_minor: i64,
    pub currency: Currency,
    pub status: PieceStatus,
    pub center_id: i64,
    pub featured: bool,
    pub listed_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = piece_makers)]
pub struct PieceMaker {
    pub piece_id: i64,
    pub artisan_id: i64,
    pub labor_minutes: i64,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = piece_stones)]
pub struct StoneRow {
    pub id: i64,
    pub piece_id: i64,
    pub kind: String,
    pub count: i32,
    pub carats_hundredths: i64,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = piece_stones)]
pub struct NewStone {
    pub piece_id: i64,
    pub kind: String,
    pub count: i32,
    pub carats_hundredths: i64,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = piece_images)]
pub struct ImageRow {
    pub id: i64,
    pub piece_id: i64,
    pub path: String,
    pub alt_text: String,
    pub width: i32,
    pub height: i32,
    pub position: i32,
    /// Widths of the resized copies stored beside `path` ("400,800,1600"); empty for an image
    /// with one file only (the demo SVGs). See `images::variant_paths`.
    pub variants: String,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = piece_images)]
pub struct NewImage {
    pub piece_id: i64,
    pub path: String,
    pub alt_text: String,
    pub width: i32,
    pub height: i32,
    pub position: i32,
    pub variants: String,
}
