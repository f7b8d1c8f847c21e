//! The public catalog in memory: every public piece as the list pages and the list API show
//! it, pre-sorted, with a search index. Filtering, search, counting and paging run here, so a
//! catalog query costs the same whether or not its page was cached.
//!
//! A snapshot belongs to one catalog version (the one the page cache uses, kept in the
//! database, so several instances agree) and one consent day. A request for a newer version
//! waits for the one rebuild in progress and never gets an older snapshot: no page shows a
//! sold piece as available any longer than the page cache would.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use chrono::NaiveDate;

use super::filters::{Availability, CatalogFilter, FilterError, Sort};
use super::models::ImageRow;
use super::piece::Piece;
use super::queries;
use super::search::{Field, IndexBuilder, SearchIndex};
use super::service::{PieceSummary, SearchResult};
use super::types::PieceStatus;
use crate::artisans::models::PublicRules;
use crate::centers::{self, Center};
use crate::db::{self, DbConn, Pool};
use crate::error::AppError;

pub struct CatalogSnapshot {
    version: i64,
    today: NaiveDate,
    centers: Vec<Center>,
    /// Every public piece, by id.
    pieces: Vec<PieceSummary>,
    /// Positions in `pieces`, newest first (listed_at, then id, both descending).
    newest: Vec<u32>,
    /// Positions in `pieces` by price, then id, ascending (read backwards for price_desc).
    by_price: Vec<u32>,
    /// Each piece's place in `newest`: the tie-break between equally relevant pieces.
    newest_rank: Vec<u32>,
    index: SearchIndex,
}

impl CatalogSnapshot {
    /// Reads the public catalog: four queries, whatever its size.
    pub fn build(conn: &mut DbConn, version: i64, rules: PublicRules) -> Result<Self, AppError> {
        let all_centers = centers::all(conn)?;
        let rows = queries::all_public(conn)?;
        let mut covers: HashMap<i64, ImageRow> =
            queries::all_public_covers(conn)?.into_iter().map(|i| (i.piece_id, i)).collect();
        let mut stones: HashMap<i64, Vec<String>> = HashMap::new();
        for (piece, kind) in queries::all_public_stone_kinds(conn)? {
            stones.entry(piece).or_default().push(kind);
        }
        let mut makers: HashMap<i64, Vec<String>> = HashMap::new();
        for (piece, alias) in crate::artisans::queries::named_makers_of_all_pieces(conn, rules)? {
            makers.entry(piece).or_default().push(alias);
        }
        let mut pieces = Vec::with_capacity(rows.len());
        let mut index = IndexBuilder::default();
        for row in rows {
            let piece = Piece::try_from(row).map_err(AppError::corrupt)?;
            let center = all_centers
                .iter()
                .find(|c| c.id == piece.center_id)
                .cloned()
                .ok_or_else(|| AppError::corrupt(format!("piece refers to missing center {}", piece.center_id)))?;
            index.add(Field::Title, &piece.title);
            index.add(Field::Kind, piece.kind.label());
            index.add(Field::Material, piece.metal.label());
            index.add(Field::Material, piece.purity.code());
            index.add(Field::Material, piece.purity.label());
            index.add(Field::Center, &center.city);
            index.add(Field::Center, &center.name);
            for kind in stones.get(&piece.id).into_iter().flatten() {
                index.add(Field::Stones, kind);
            }
            for alias in makers.get(&piece.id).into_iter().flatten() {
                index.add(Field::Maker, alias);
            }
            index.add(Field::Description, &piece.description);
            index.finish_doc();
            pieces.push(PieceSummary { cover: covers.remove(&piece.id), center, piece });
        }
        let positions = || (0..pieces.len() as u32).collect::<Vec<_>>();
        let mut newest = positions();
        newest.sort_by(|&a, &b| {
            let (a, b) = (&pieces[a as usize].piece, &pieces[b as usize].piece);
            (b.listed_at, b.id).cmp(&(a.listed_at, a.id))
        });
        let mut by_price = positions();
        by_price.sort_by_key(|&i| {
            let p = &pieces[i as usize].piece;
            (p.price.minor, p.id)
        });
        let mut newest_rank = vec![0; pieces.len()];
        for (rank, &i) in newest.iter().enumerate() {
            newest_rank[i as usize] = rank as u32;
        }
        Ok(Self {
            version,
            today: rules.today,
            centers: all_centers,
            pieces,
            newest,
            by_price,
            newest_rank,
            index: index.build(),
        })
    }

    pub fn version(&self) -> i64 {
        self.version
    }

    /// The center a filter names, checked against the shop's centers.
    fn center_id(&self, filter: &CatalogFilter) -> Result<Option<i64>, FilterError> {
        let Some(code) = &filter.center else { return Ok(None) };
        match self.centers.iter().find(|c| &c.code == code) {
            Some(c) => Ok(Some(c.id)),
            None => Err(FilterError {
                field: "center",
                message: format!(
                    "unknown center `{code}`; expected one of: {}",
                    self.centers.iter().map(|c| c.code.as_str()).collect::<Vec<_>>().join(", ")
                ),
            }),
        }
    }

    /// Whether the filter names only things that exist (its center).
    pub fn check(&self, filter: &CatalogFilter) -> Result<(), FilterError> {
        self.center_id(filter).map(|_| ())
    }

    /// One page of the pieces matching the filter, and how many match in all: the same
    /// answer `service::search` gives from the database, plus text search.
    pub fn search(&self, filter: CatalogFilter) -> Result<SearchResult, FilterError> {
        let center_id = self.center_id(&filter)?;
        let keep = |p: &Piece| {
            let status_ok = match filter.availability {
                Availability::Available => p.status == PieceStatus::Listed,
                Availability::Sold => p.status == PieceStatus::Sold,
                Availability::All => p.status.is_public(),
            };
            status_ok
                && center_id.is_none_or(|c| p.center_id == c)
                && filter.metal.is_none_or(|m| p.metal == m)
                && filter.purity.is_none_or(|x| p.purity == x)
                && filter.kind.is_none_or(|k| p.kind == k)
                && filter.ring_size.is_none_or(|r| p.ring_size == Some(r))
                && filter.price_min.is_none_or(|m| p.price.minor >= m.minor)
                && filter.price_max.is_none_or(|m| p.price.minor <= m.minor)
        };
        let offset = usize::try_from(filter.offset()).unwrap_or(usize::MAX);
        let per_page = filter.per_page as usize;
        let mut total = 0usize;
        let mut page: Vec<u32> = Vec::with_capacity(per_page);
        match &filter.q {
            Some(q) => {
                let mut hits: Vec<(u32, f32)> = self.index.search(q);
                hits.retain(|(i, _)| keep(&self.pieces[*i as usize].piece));
                let key = |i: u32| {
                    let p = &self.pieces[i as usize].piece;
                    (p.price.minor, p.id)
                };
                match filter.sort {
                    Sort::Relevance => hits.sort_by(|a, b| {
                        b.1.total_cmp(&a.1).then(self.newest_rank[a.0 as usize].cmp(&self.newest_rank[b.0 as usize]))
                    }),
                    Sort::Newest => hits.sort_by_key(|h| self.newest_rank[h.0 as usize]),
                    Sort::PriceAsc => hits.sort_by_key(|h| key(h.0)),
                    Sort::PriceDesc => hits.sort_by_key(|h| std::cmp::Reverse(key(h.0))),
                }
                total = hits.len();
                page.extend(hits.iter().skip(offset).take(per_page).map(|h| h.0));
            }
            None => {
                // One pass in the chosen order: count every match, keep the page's.
                let mut take = |i: u32| {
                    if keep(&self.pieces[i as usize].piece) {
                        if total >= offset && page.len() < per_page {
                            page.push(i);
                        }
                        total += 1;
                    }
                };
                match filter.sort {
                    Sort::Newest | Sort::Relevance => self.newest.iter().for_each(|&i| take(i)),
                    Sort::PriceAsc => self.by_price.iter().for_each(|&i| take(i)),
                    Sort::PriceDesc => self.by_price.iter().rev().for_each(|&i| take(i)),
                }
            }
        }
        Ok(SearchResult {
            pieces: page.into_iter().map(|i| self.pieces[i as usize].clone()).collect(),
            total: total as i64,
            filter,
            centers: self.centers.clone(),
        })
    }
}

/// The current snapshot of one app instance, rebuilt when the catalog version or the
/// consent day moves on.
#[derive(Default)]
pub struct Snapshots {
    current: RwLock<Option<Arc<CatalogSnapshot>>>,
    /// One rebuild at a time; the others wait for its result.
    rebuilding: tokio::sync::Mutex<()>,
}

impl Snapshots {
    /// The snapshot of catalog `version` under today's `rules`, built if need be.
    pub async fn get(&self, pool: &Pool, version: i64, rules: PublicRules) -> Result<Arc<CatalogSnapshot>, AppError> {
        if let Some(s) = self.fresh(version, rules.today) {
            return Ok(s);
        }
        let _one = self.rebuilding.lock().await;
        if let Some(s) = self.fresh(version, rules.today) {
            return Ok(s);
        }
        let built = Arc::new(db::run(pool, move |conn| CatalogSnapshot::build(conn, version, rules)).await?);
        let mut slot = self.current.write().unwrap_or_else(|e| e.into_inner());
        *slot = Some(Arc::clone(&built));
        Ok(built)
    }

    fn fresh(&self, version: i64, today: NaiveDate) -> Option<Arc<CatalogSnapshot>> {
        let slot = self.current.read().unwrap_or_else(|e| e.into_inner());
        slot.as_ref().filter(|s| s.version == version && s.today == today).cloned()
    }
}
