//! What the catalog's HTML templates receive: plain, pre-formatted values (money is formatted
//! here, in Rust, not by a template filter).

use serde::Serialize;

use super::filters::{Availability, CatalogFilter, FilterError, RawCatalogQuery, Sort};
use super::models::{ImageRow, StoneRow};
use super::service::{PieceDetail, PieceSummary, SearchResult};
use super::types::{Kind, Metal, PieceStatus, Purity};
use crate::centers::Center;
use crate::images::media_url;

#[derive(Debug, Clone, Serialize)]
pub struct ImageView {
    pub url: String,
    pub alt: String,
    pub width: i32,
    pub height: i32,
    /// `"/media/…-400.jpg 400w, /media/…-800.jpg 800w, …"` when the image has resized copies
    /// (uploaded photos); `None` for single-file images (the demo SVGs).
    pub srcset: Option<String>,
}

impl From<&ImageRow> for ImageView {
    fn from(i: &ImageRow) -> Self {
        let copies = crate::images::variant_paths(&i.path, &i.variants);
        let srcset = (!copies.is_empty())
            .then(|| copies.iter().map(|(w, p)| format!("{} {w}w", media_url(p))).collect::<Vec<_>>().join(", "));
        Self { url: media_url(&i.path), alt: i.alt_text.clone(), width: i.width, height: i.height, srcset }
    }
}

/// An artisan's portrait, present only when they consented to it (see `PublicArtisan`).
pub fn portrait(artisan: &crate::artisans::models::Named) -> Option<ImageView> {
    artisan.portrait_url.as_ref().map(|url| ImageView {
        url: url.clone(),
        alt: format!("Portrait of {}", artisan.alias),
        width: 400,
        height: 400,
        srcset: None,
    })
}

#[derive(Debug, Clone, Serialize)]
pub struct PieceCard {
    pub url: String,
    pub title: String,
    pub price: String,
    pub status: &'static str,
    pub status_label: &'static str,
    pub available: bool,
    pub image: Option<ImageView>,
    pub center_city: String,
    pub metal_label: &'static str,
    pub purity: &'static str,
}

impl From<&PieceSummary> for PieceCard {
    fn from(s: &PieceSummary) -> Self {
        let p = &s.piece;
        Self {
            url: format!("/pieces/{}", p.slug.as_str()),
            title: p.title.clone(),
            price: p.price.to_string(),
            status: p.status.code(),
            status_label: p.status.label(),
            available: p.is_available(),
            image: s.cover.as_ref().map(ImageView::from),
            center_city: s.center.city.clone(),
            metal_label: p.metal.label(),
            purity: p.purity.code(),
        }
    }
}

pub fn cards(pieces: &[PieceSummary]) -> Vec<PieceCard> {
    pieces.iter().map(PieceCard::from).collect()
}

#[derive(Serialize)]
pub struct CenterView {
    pub code: String,
    pub name: String,
    pub city: String,
    pub blurb: String,
    pub piece_count: i64,
    pub url: String,
}

impl CenterView {
    pub fn new(center: &Center, piece_count: i64) -> Self {
        Self {
            code: center.code.clone(),
            name: center.name.clone(),
            city: center.city.clone(),
            blurb: center.public_blurb.clone(),
            piece_count,
            url: format!("/pieces?center={}", center.code),
        }
    }
}

#[derive(Serialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

fn choice(value: &str, label: &str) -> Choice {
    Choice { value: value.into(), label: label.into() }
}

#[derive(Serialize)]
pub struct FilterOptions {
    pub kinds: Vec<Choice>,
    pub centers: Vec<Choice>,
    pub metals: Vec<Choice>,
    pub purities: Vec<Choice>,
    pub availabilities: Vec<Choice>,
    pub sorts: Vec<Choice>,
}

#[derive(Serialize)]
pub struct FilterValues {
    pub q: String,
    pub kind: String,
    pub ring_size: String,
    pub center: String,
    pub metal: String,
    pub purity: String,
    pub price_min: String,
    pub price_max: String,
    pub availability: String,
    pub sort: String,
}

#[derive(Serialize)]
pub struct PageLink {
    pub number: i64,
    pub url: String,
    pub current: bool,
}

#[derive(Serialize)]
pub struct Pagination {
    pub page: i64,
    pub total_pages: i64,
    pub total: i64,
    pub prev_url: Option<String>,
    pub next_url: Option<String>,
    pub pages: Vec<PageLink>,
}

#[derive(Serialize)]
pub struct ActiveFilter {
    pub label: String,
    pub remove_url: String,
}

/// A filter parameter that could not be used, shown above the form.
#[derive(Serialize)]
pub struct FilterErrorView {
    pub field: &'static str,
    pub message: String,
}

#[derive(Serialize)]
pub struct CatalogView {
    pub pieces: Vec<PieceCard>,
    pub filters: FilterValues,
    pub options: FilterOptions,
    pub pagination: Pagination,
    pub summary: String,
    pub active_filters: Vec<ActiveFilter>,
    pub clear_url: &'static str,
    /// The search words, also shown in the header's search box.
    pub search_q: String,
    /// With no results: the filters besides the search, each with a link that drops it.
    pub remove_suggestions: Vec<ActiveFilter>,
    /// With no results for a search under filters: the same search over every piece.
    pub search_everything_url: Option<String>,
    /// Parameters that could not be used (the page then shows results without them).
    pub errors: Vec<FilterErrorView>,
}

fn catalog_url(filter: &CatalogFilter, page: i64) -> String {
    let qs = filter.query_string(page);
    if qs.is_empty() {
        "/pieces".into()
    } else {
        format!("/pieces?{qs}")
    }
}

impl CatalogView {
    pub fn new(result: &SearchResult) -> Self {
        let f = &result.filter;
        let total_pages = result.total_pages();
        let page = f.page;
        // A window of page numbers around the current one.
        let first = (page - 2).max(1);
        let last = (page + 2).min(total_pages);
        let pages =
            (first..=last).map(|n| PageLink { number: n, url: catalog_url(f, n), current: n == page }).collect();
        let shown_from = if result.pieces.is_empty() { 0 } else { f.offset() + 1 };
        let shown_to = f.offset() + result.pieces.len() as i64;
        let noun = if result.total == 1 { "piece" } else { "pieces" };
        let summary = match (&f.q, result.total) {
            (None, 0) => "No pieces match these filters".to_string(),
            (None, total) => format!("Showing {shown_from}–{shown_to} of {total} {noun}"),
            (Some(q), 0) => format!("No pieces match “{q}”"),
            (Some(q), total) => format!("Showing {shown_from}–{shown_to} of {total} {noun} for “{q}”"),
        };

        let city = |code: &str| {
            result.centers.iter().find(|c| c.code == code).map(|c| c.city.clone()).unwrap_or_else(|| code.to_string())
        };
        let mut active = Vec::new();
        let mut push = |label: String, without: CatalogFilter| {
            active.push(ActiveFilter { label, remove_url: catalog_url(&without, 1) })
        };
        if let Some(q) = &f.q {
            let sort = if f.sort == Sort::Relevance { Sort::Newest } else { f.sort };
            push(format!("Search: {q}"), CatalogFilter { q: None, sort, ..f.clone() });
        }
        if let Some(k) = f.kind {
            push(k.label().to_string(), CatalogFilter { kind: None, ..f.clone() });
        }
        if let Some(r) = f.ring_size {
            push(format!("Ring size {}", r.get()), CatalogFilter { ring_size: None, ..f.clone() });
        }
        if let Some(c) = &f.center {
            push(format!("Made in {}", city(c)), CatalogFilter { center: None, ..f.clone() });
        }
        if let Some(m) = f.metal {
            push(m.label().to_string(), CatalogFilter { metal: None, ..f.clone() });
        }
        if let Some(p) = f.purity {
            push(p.code().to_string(), CatalogFilter { purity: None, ..f.clone() });
        }
        if let Some(m) = f.price_min {
            push(format!("From {m}"), CatalogFilter { price_min: None, ..f.clone() });
        }
        if let Some(m) = f.price_max {
            push(format!("Up to {m}"), CatalogFilter { price_max: None, ..f.clone() });
        }
        if f.availability != Availability::default() {
            push(
                f.availability.label().to_string(),
                CatalogFilter { availability: Availability::default(), ..f.clone() },
            );
        }

        let searching = f.q.is_some();
        let remove_suggestions: Vec<ActiveFilter> = if result.total == 0 {
            active
                .iter()
                .skip(usize::from(searching))
                .map(|a| ActiveFilter { label: a.label.clone(), remove_url: a.remove_url.clone() })
                .collect()
        } else {
            Vec::new()
        };
        let search_everything_url = (result.total == 0 && searching && !remove_suggestions.is_empty()).then(|| {
            let everything = CatalogFilter {
                q: f.q.clone(),
                sort: Sort::Relevance,
                availability: Availability::All,
                per_page: f.per_page,
                ..CatalogFilter::everything()
            };
            catalog_url(&everything, 1)
        });
        let mut kinds = vec![choice("", "Any kind")];
        kinds.extend(Kind::ALL.iter().map(|k| choice(k.code(), k.label())));
        let mut centers = vec![choice("", "Both workshops")];
        centers.extend(result.centers.iter().map(|c| choice(&c.code, &c.city)));
        let mut metals = vec![choice("", "Any metal")];
        metals.extend(Metal::ALL.iter().map(|m| choice(m.code(), m.label())));
        let mut purities = vec![choice("", "Any purity")];
        purities.extend(Purity::ALL.iter().map(|p| choice(p.code(), &format!("{} ({})", p.code(), p.label()))));

        Self {
            pieces: cards(&result.pieces),
            filters: FilterValues {
                q: f.q.clone().unwrap_or_default(),
                kind: f.kind.map(|k| k.code().to_string()).unwrap_or_default(),
                ring_size: f.ring_size.map(|r| r.get().to_string()).unwrap_or_default(),
                center: f.center.clone().unwrap_or_default(),
                metal: f.metal.map(|m| m.code().to_string()).unwrap_or_default(),
                purity: f.purity.map(|p| p.code().to_string()).unwrap_or_default(),
                price_min: f.price_min.map(|m| m.major_string()).unwrap_or_default(),
                price_max: f.price_max.map(|m| m.major_string()).unwrap_or_default(),
                availability: f.availability.code().to_string(),
                sort: f.sort.code().to_string(),
            },
            options: FilterOptions {
                kinds,
                centers,
                metals,
                purities,
                availabilities: Availability::ALL.iter().map(|a| choice(a.code(), a.label())).collect(),
                sorts: Sort::ALL
                    .iter()
                    .filter(|s| searching || **s != Sort::Relevance)
                    .map(|s| choice(s.code(), s.label()))
                    .collect(),
            },
            pagination: Pagination {
                page,
                total_pages,
                total: result.total,
                prev_url: (page > 1).then(|| catalog_url(f, page - 1)),
                next_url: (page < total_pages).then(|| catalog_url(f, page + 1)),
                pages,
            },
            summary,
            active_filters: active,
            clear_url: "/pieces",
            search_q: f.q.clone().unwrap_or_default(),
            remove_suggestions,
            search_everything_url,
            errors: Vec::new(),
        }
    }

    /// The page for a query with parameters in error: the results without them, the form
    /// as the visitor filled it in, and what was wrong.
    pub fn with_errors(mut self, raw: &RawCatalogQuery, errors: &[FilterError]) -> Self {
        let typed = |v: &Option<String>| v.as_deref().unwrap_or("").chars().take(100).collect::<String>();
        self.filters = FilterValues {
            q: typed(&raw.q),
            kind: typed(&raw.kind),
            ring_size: typed(&raw.ring_size),
            center: typed(&raw.center),
            metal: typed(&raw.metal),
            purity: typed(&raw.purity),
            price_min: typed(&raw.price_min),
            price_max: typed(&raw.price_max),
            availability: self.filters.availability,
            sort: self.filters.sort,
        };
        self.errors = errors.iter().map(|e| FilterErrorView { field: e.field, message: e.message.clone() }).collect();
        self
    }
}

#[derive(Serialize)]
pub struct PieceView {
    pub title: String,
    pub sku: String,
    pub paragraphs: Vec<String>,
    pub price: String,
    pub status: &'static str,
    pub status_label: &'static str,
    pub available: bool,
    pub kind_label: &'static str,
    pub metal_label: &'static str,
    pub purity: &'static str,
    pub purity_label: &'static str,
    pub gross_weight: String,
    pub net_weight: String,
    pub stones: Vec<String>,
    pub ring_size: Option<i32>,
    pub huid: Option<String>,
    /// Why a piece without a HUID has none (its recorded exemption), shown instead.
    pub huid_exemption: Option<&'static str>,
    pub hallmark: Option<String>,
    pub center_city: String,
    pub center_name: String,
    pub listed_on: Option<String>,
    pub labor_hours: String,
}

#[derive(Serialize)]
pub struct MakerView {
    /// The alias, or "A goldsmith of the Kolkata workshop" for a maker not consenting to be named.
    pub credit: String,
    pub named: bool,
    pub story: Option<String>,
    pub photo: Option<ImageView>,
    pub profile_url: Option<String>,
    pub center_city: String,
}

impl PieceView {
    pub fn new(d: &PieceDetail) -> Self {
        let p = &d.piece;
        Self {
            title: p.title.clone(),
            sku: p.sku.as_str().to_string(),
            paragraphs: paragraphs(&p.description),
            price: p.price.to_string(),
            status: p.status.code(),
            status_label: p.status.label(),
            available: p.status == PieceStatus::Listed,
            kind_label: p.kind.label(),
            metal_label: p.metal.label(),
            purity: p.purity.code(),
            purity_label: p.purity.label(),
            gross_weight: p.gross_weight.to_string(),
            net_weight: p.net_weight.to_string(),
            stones: d.stones.iter().map(stone_label).collect(),
            ring_size: p.ring_size.map(|r| r.get()),
            huid: p.huid.as_ref().map(|h| h.as_str().to_string()),
            huid_exemption: p.huid.is_none().then_some(p.huid_exemption.map(|e| e.label())).flatten(),
            // The hallmark (purity + HUID) is claimed only for a piece that carries a HUID.
            hallmark: p.huid.is_some().then(|| p.hallmark()),
            center_city: d.center.city.clone(),
            center_name: d.center.name.clone(),
            listed_on: p.listed_at.map(|t| t.format("%-d %B %Y").to_string()),
            labor_hours: format!("{} of handwork", hours(d.labor_minutes())),
        }
    }
}

pub fn makers(d: &PieceDetail) -> Vec<MakerView> {
    d.makers
        .iter()
        .map(|m| {
            let named = m.artisan.named.as_ref();
            MakerView {
                credit: maker_credit(&m.artisan, &d.center.city),
                named: named.is_some(),
                story: named.and_then(|n| n.story.clone()),
                photo: named.and_then(portrait),
                profile_url: named.filter(|n| n.has_profile).map(|n| format!("/artisans/{}", n.public_id)),
                center_city: d.center.city.clone(),
            }
        })
        .collect()
}

/// How a maker is credited in public: their alias with consent to be named, otherwise only
/// their workshop.
pub fn maker_credit(artisan: &crate::artisans::PublicArtisan, city: &str) -> String {
    match &artisan.named {
        Some(n) => n.alias.clone(),
        None => format!("A goldsmith of the {city} workshop"),
    }
}

pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n").map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
}

/// "18.5 hours", "1 hour", "45 minutes".
pub fn hours(minutes: i64) -> String {
    if minutes < 60 {
        return format!("{minutes} minutes");
    }
    let tenths = (minutes * 10 + 30) / 60;
    let (whole, frac) = (tenths / 10, tenths % 10);
    let n = if frac == 0 { whole.to_string() } else { format!("{whole}.{frac}") };
    if n == "1" {
        "1 hour".into()
    } else {
        format!("{n} hours")
    }
}

/// "3 rubies, 0.45 ct total", "1 diamond, 0.10 ct".
pub fn stone_label(s: &StoneRow) -> String {
    let name = if s.count == 1 { s.kind.clone() } else { plural(&s.kind) };
    let carats = format!("{}.{:02} ct", s.carats_hundredths / 100, s.carats_hundredths % 100);
    if s.carats_hundredths == 0 {
        format!("{} {name}", s.count)
    } else if s.count == 1 {
        format!("1 {name}, {carats}")
    } else {
        format!("{} {name}, {carats} total", s.count)
    }
}

fn plural(word: &str) -> String {
    if let Some(stem) = word.strip_suffix('y') {
        format!("{stem}ies")
    } else if word.ends_with('s') || word.ends_with("sh") || word.ends_with("ch") {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_rounded_to_tenths() {
        assert_eq!(hours(45), "45 minutes");
        assert_eq!(hours(60), "1 hour");
        assert_eq!(hours(1110), "18.5 hours");
        assert_eq!(hours(125), "2.1 hours");
    }

    #[test]
    fn stones_read_naturally() {
        let s =
            |kind: &str, count, ct| StoneRow { id: 1, piece_id: 1, kind: kind.into(), count, carats_hundredths: ct };
        assert_eq!(stone_label(&s("ruby", 3, 45)), "3 rubies, 0.45 ct total");
        assert_eq!(stone_label(&s("diamond", 1, 10)), "1 diamond, 0.10 ct");
        assert_eq!(stone_label(&s("pearl", 12, 0)), "12 pearls");
    }
}
