//! `Piece`: a catalog row parsed into typed values, the form the rest of the program uses.

use chrono::NaiveDateTime;

use super::models::PieceRow;
use super::types::{Huid, HuidExemption, Kind, Metal, Milligrams, PieceStatus, Purity, RingSize, Sku, Slug};
use crate::money::Money;
use crate::web::form::ParseError;

#[derive(Debug, Clone)]
pub struct Piece {
    pub id: i64,
    pub sku: Sku,
    pub slug: Slug,
    pub title: String,
    pub description: String,
    pub kind: Kind,
    pub metal: Metal,
    pub purity: Purity,
    pub gross_weight: Milligrams,
    pub net_weight: Milligrams,
    pub ring_size: Option<RingSize>,
    pub huid: Option<Huid>,
    pub huid_exemption: Option<HuidExemption>,
    pub price: Money,
    pub status: PieceStatus,
    pub center_id: i64,
    pub featured: bool,
    pub listed_at: Option<NaiveDateTime>,
}

impl TryFrom<PieceRow> for Piece {
    type Error = ParseError;

    /// Rows were checked when written; a failure here means the database was edited by hand.
    fn try_from(row: PieceRow) -> Result<Self, ParseError> {
        let ctx = |e: ParseError| ParseError(format!("piece {}: {}", row.id, e.0));
        Ok(Self {
            id: row.id,
            sku: Sku::parse(&row.sku).map_err(ctx)?,
            slug: Slug::parse(&row.slug).map_err(ctx)?,
            kind: row.kind,
            metal: row.metal,
            purity: row.purity,
            gross_weight: Milligrams::new(row.gross_weight_mg).map_err(ctx)?,
            net_weight: Milligrams::new(row.net_weight_mg).map_err(ctx)?,
            ring_size: row.ring_size.map(RingSize::new).transpose().map_err(ctx)?,
            huid: row.huid.as_deref().map(Huid::parse).transpose().map_err(ctx)?,
            huid_exemption: row.huid_exemption,
            status: row.status,
            price: Money::new(row.price_minor, row.currency),
            title: row.title,
            description: row.description,
            center_id: row.center_id,
            featured: row.featured,
            listed_at: row.listed_at,
        })
    }
}

impl Piece {
    pub fn is_available(&self) -> bool {
        self.status == PieceStatus::Listed
    }

    /// "BIS hallmark 22K916": every piece we sell is hallmarked; the HUID is shown apart.
    pub fn hallmark(&self) -> String {
        format!("BIS hallmark {}", self.purity.code())
    }
}
