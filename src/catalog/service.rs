//! Catalog use cases: searching the public catalog and assembling one piece with its
//! images, stones, makers and center. Returns domain values; the handlers shape them.

use std::collections::HashMap;

use diesel::QueryResult;

use super::filters::CatalogFilter;
use super::models::{ImageRow, PieceRow, StoneRow};
use super::piece::Piece;
use super::queries;
use crate::artisans::models::PublicRules;
use crate::artisans::{self, PublicArtisan};
use crate::centers::{self, Center};
use crate::config::PricingSettings;
use crate::db::DbConn;
use crate::error::AppError;
use crate::pricing::breakdown::{self, Breakdown, PieceFacts};

/// A piece as shown in a list: with its center and its first image.
#[derive(Debug, Clone)]
pub struct PieceSummary {
    pub piece: Piece,
    pub center: Center,
    pub cover: Option<ImageRow>,
}

#[derive(Debug, Clone)]
pub struct SearchResult {
    pub pieces: Vec<PieceSummary>,
    pub total: i64,
    pub filter: CatalogFilter,
    pub centers: Vec<Center>,
}

impl SearchResult {
    pub fn total_pages(&self) -> i64 {
        ((self.total + self.filter.per_page - 1) / self.filter.per_page).max(1)
    }
}

/// A maker of a piece and the minutes they worked on it.
#[derive(Debug, Clone)]
pub struct Maker {
    pub artisan: PublicArtisan,
    pub labor_minutes: i64,
}

#[derive(Debug, Clone)]
pub struct PieceDetail {
    pub piece: Piece,
    pub center: Center,
    pub images: Vec<ImageRow>,
    pub stones: Vec<StoneRow>,
    pub makers: Vec<Maker>,
}

impl PieceDetail {
    pub fn labor_minutes(&self) -> i64 {
        self.makers.iter().map(|m| m.labor_minutes).sum()
    }
}

/// The catalog search straight from the database, without text search: the reference the
/// in-memory `snapshot::CatalogSnapshot::search` (which the storefront uses) is tested against.
pub fn search(conn: &mut DbConn, filter: CatalogFilter) -> Result<SearchResult, AppError> {
    let all_centers = centers::all(conn)?;
    let center_id = match &filter.center {
        None => None,
        Some(code) => Some(all_centers.iter().find(|c| &c.code == code).map(|c| c.id).ok_or_else(|| {
            AppError::bad_request(
                "center",
                format!(
                    "unknown center `{code}`; expected one of: {}",
                    all_centers.iter().map(|c| c.code.as_str()).collect::<Vec<_>>().join(", ")
                ),
            )
        })?),
    };
    let (rows, total) = queries::search(conn, &filter, center_id)?;
    let pieces = summarise(conn, rows, &all_centers)?;
    Ok(SearchResult { pieces, total, filter, centers: all_centers })
}

/// Turns rows into summaries, loading all their cover images in one query.
pub fn summarise(
    conn: &mut DbConn,
    rows: Vec<PieceRow>,
    all_centers: &[Center],
) -> Result<Vec<PieceSummary>, AppError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut covers: HashMap<i64, ImageRow> =
        queries::cover_images_of(conn, &ids)?.into_iter().map(|i| (i.piece_id, i)).collect();
    rows.into_iter()
        .map(|row| {
            let piece = Piece::try_from(row).map_err(AppError::corrupt)?;
            let center = center_of(all_centers, piece.center_id)?;
            Ok(PieceSummary { cover: covers.remove(&piece.id), center, piece })
        })
        .collect()
}

fn center_of(all_centers: &[Center], id: i64) -> Result<Center, AppError> {
    all_centers
        .iter()
        .find(|c| c.id == id)
        .cloned()
        .ok_or_else(|| AppError::corrupt(format!("piece refers to missing center {id}")))
}

/// How a piece is asked for in a URL: its slug, or (API only) its numeric id.
pub enum PieceKey<'a> {
    Slug(&'a str),
    Id(i64),
}

impl<'a> PieceKey<'a> {
    pub fn parse(input: &'a str) -> Self {
        match input.parse::<i64>() {
            Ok(id) => Self::Id(id),
            Err(_) => Self::Slug(input),
        }
    }
}

pub fn piece_detail(conn: &mut DbConn, key: PieceKey<'_>, rules: PublicRules) -> Result<PieceDetail, AppError> {
    let row = match key {
        PieceKey::Slug(slug) => queries::find_public_by_slug(conn, slug)?,
        PieceKey::Id(id) => queries::find_public_by_id(conn, id)?,
    }
    .ok_or(AppError::NotFound)?;
    let piece = Piece::try_from(row).map_err(AppError::corrupt)?;
    let all_centers = centers::all(conn)?;
    let center = center_of(&all_centers, piece.center_id)?;
    let images = queries::images_of(conn, &[piece.id])?;
    let stones = queries::stones_of(conn, piece.id)?;
    let makers = artisans::queries::makers_of(conn, &[piece.id], rules)?
        .into_iter()
        .map(|(_, labor_minutes, artisan)| Maker { artisan, labor_minutes })
        .collect();
    Ok(PieceDetail { piece, center, images, stones, makers })
}

/// Where a piece's price goes (`pricing::breakdown`), as of today in India.
pub fn money_split(conn: &mut DbConn, piece: &Piece, settings: &PricingSettings) -> Result<Breakdown, AppError> {
    let facts = PieceFacts {
        piece_id: piece.id,
        center_id: piece.center_id,
        price: piece.price,
        fineness: piece.purity.into(),
        net_weight_mg: piece.net_weight.get(),
    };
    let today = crate::wages::types::india_date(chrono::Utc::now().naive_utc());
    breakdown::of(conn, &facts, settings, today)
}

pub struct HomeData {
    pub featured: Vec<PieceSummary>,
    pub centers: Vec<(Center, i64)>,
}

pub fn home(conn: &mut DbConn, featured: i64) -> Result<HomeData, AppError> {
    let all_centers = centers::all(conn)?;
    let rows = queries::featured(conn, featured)?;
    let featured = summarise(conn, rows, &all_centers)?;
    Ok(HomeData { featured, centers: with_counts(conn, all_centers)? })
}

/// Centers with the number of pieces each has for sale now.
pub fn with_counts(conn: &mut DbConn, all_centers: Vec<Center>) -> QueryResult<Vec<(Center, i64)>> {
    let counts: HashMap<i64, i64> = centers::available_counts(conn)?.into_iter().collect();
    Ok(all_centers
        .into_iter()
        .map(|c| {
            let n = counts.get(&c.id).copied().unwrap_or(0);
            (c, n)
        })
        .collect())
}

pub struct ArtisanPage {
    pub artisan: PublicArtisan,
    pub center: Center,
    pub pieces: Vec<PieceSummary>,
}

/// An artisan's public page: only with their consent to a public profile, else not found.
pub fn artisan_page(conn: &mut DbConn, public_id: &str, rules: PublicRules) -> Result<ArtisanPage, AppError> {
    let artisan = artisans::queries::find_public_profile(conn, public_id, rules)?.ok_or(AppError::NotFound)?;
    let all_centers = centers::all(conn)?;
    let center = center_of(&all_centers, artisan.center_id)?;
    let rows = queries::listed_by_artisan(conn, artisan.id)?;
    let pieces = summarise(conn, rows, &all_centers)?;
    Ok(ArtisanPage { artisan, center, pieces })
}

pub fn more_from_center(conn: &mut DbConn, detail: &PieceDetail, limit: i64) -> Result<Vec<PieceSummary>, AppError> {
    let rows = queries::more_from_center(conn, detail.center.id, detail.piece.id, limit)?;
    summarise(conn, rows, std::slice::from_ref(&detail.center))
}

/// Pieces on sale now (listed) with a BIS HUID, and all pieces on sale: the claim about
/// hallmarks is made from these, never assumed.
pub fn huid_counts(conn: &mut DbConn) -> QueryResult<(i64, i64)> {
    queries::huid_counts(conn)
}
