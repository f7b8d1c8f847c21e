//! Storefront pages: home, catalog, piece, about. Extract → parse → call the service → render.

use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::json;
use tera::Context;

use std::sync::Arc;

use super::filters::{CatalogFilter, FilterError, RawCatalogQuery};
use super::service::{self, PieceKey, SearchResult};
use super::snapshot::{CatalogSnapshot, Snapshots};
use super::views::{self, CatalogView, CenterView, PieceView};
use crate::artisans::models::PublicRules;
use crate::db;
use crate::error::AppError;
use crate::money::{Currency, Money};
use crate::policies::shipping_costs;
use crate::pricing::breakdown::BreakdownView;
use crate::pricing::presentment::{self, PageCurrency, Terms};
use crate::state::AppState;
use crate::web::page_cache::HTML;
use crate::web::PageMeta;

/// The currency the visitor asked for (`web::currency`): part of every price page's cache key,
/// so two visitors at one URL each get their own currency's page.
fn chosen(state: &AppState, req: &HttpRequest) -> Currency {
    crate::web::currency::chosen(req, state.settings.currency)
}

/// The page's currency and the switcher's choices, read with the page's other data.
fn page_currency(conn: &mut db::DbConn, state: &AppState, chosen: Currency) -> Result<PageCurrency, AppError> {
    presentment::for_page(conn, Terms::of(&state.settings), chosen, crate::web::page_cache::day())
}

/// Cards with their prices in the page's currency.
fn priced(summaries: &[service::PieceSummary], pc: &PageCurrency) -> Vec<views::PieceCard> {
    let mut cards = views::cards(summaries);
    for (card, s) in cards.iter_mut().zip(summaries) {
        if s.piece.price.currency == pc.current.base {
            card.price = pc.show(s.piece.price.minor);
        }
    }
    cards
}

pub async fn home(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let st = state.clone();
    let chosen = chosen(&state, &req);
    let key = format!("/|{}", chosen);
    state.cache.serve(&state.pool, &req, key, HTML, || render_home(st, chosen)).await
}

async fn render_home(state: web::Data<AppState>, chosen: Currency) -> Result<String, AppError> {
    let st = state.clone();
    let (data, pc) = db::run(&state.pool, move |conn| {
        let data = service::home(conn, 8)?;
        Ok::<_, AppError>((data, page_currency(conn, &st, chosen)?))
    })
    .await?;
    let mut ctx = Context::new();
    ctx.insert("presentment", &pc.switcher());
    ctx.insert("featured", &priced(&data.featured, &pc));
    let centers: Vec<CenterView> = data.centers.iter().map(|(c, n)| CenterView::new(c, *n)).collect();
    ctx.insert("available_count", &data.centers.iter().map(|(_, n)| n).sum::<i64>());
    ctx.insert("centers", &centers);
    let meta = PageMeta {
        title: format!("{} — {}", state.settings.shop.name, state.settings.shop.tagline),
        description: "One-of-a-kind gold jewelry handmade in Kolkata and Mumbai by survivors of trafficking trained as goldsmiths, with what they earn published.".into(),
        path: "/",
        nav: "home",
    };
    state.templates.render("home.html", &meta, ctx)
}

pub async fn catalog(
    state: web::Data<AppState>,
    snapshots: web::Data<Snapshots>,
    req: HttpRequest,
    query: web::Query<RawCatalogQuery>,
) -> Result<HttpResponse, AppError> {
    let version = state.cache.current_version::<AppError>(&state.pool).await?;
    let snapshot = snapshots.get(&state.pool, version, PublicRules::now(&state.settings)).await?;
    // Prices typed into the filter are in the currency the visitor sees.
    let chosen = chosen(&state, &req);
    let checked = CatalogFilter::parse(&query, chosen).and_then(|filter| snapshot.check(&filter).map(|_| filter));
    let filter = match checked {
        Ok(filter) => filter,
        // The catalog again, with what could not be used named and the form as it was sent.
        Err(_) => {
            let (filter, errors) = lenient_filter(&query, chosen, &snapshot);
            let pc = currency_of_page(&state, version, chosen).await?;
            let result = search_in(&snapshot, filter, &pc, chosen)?;
            let view = CatalogView::new(&result).with_errors(&query, &errors);
            let body = render_catalog_view(&state, &result, view, &pc)?;
            return Ok(HttpResponse::BadRequest().content_type(HTML).body(body));
        }
    };
    // The key is the parsed filter, so equivalent URLs share one entry.
    let key = format!("/pieces?{}|{}", filter.query_string(filter.page), chosen);
    let st = state.clone();
    state
        .cache
        .serve_at(&state.pool, version, &req, key, HTML, || render_catalog(st, version, snapshot, filter, chosen))
        .await
}

/// The filter without the parameters in error (a center that does not exist included), and
/// those errors.
fn lenient_filter(
    query: &RawCatalogQuery,
    currency: crate::money::Currency,
    snapshot: &CatalogSnapshot,
) -> (CatalogFilter, Vec<FilterError>) {
    let (mut filter, mut errors) = CatalogFilter::parse_lenient(query, currency);
    if let Err(e) = snapshot.check(&filter) {
        filter.center = None;
        errors.push(e);
    }
    (filter, errors)
}

/// The page's currency: the currencies offered at this catalog version today are read once
/// per instance (`presentment::OfferedCache`), not on every page rendered.
async fn currency_of_page(
    state: &web::Data<AppState>,
    version: i64,
    chosen: Currency,
) -> Result<PageCurrency, AppError> {
    let terms = Terms::of(&state.settings);
    let today = crate::web::page_cache::day();
    let offered = match state.offered.get(version, today) {
        Some(offered) => offered,
        None => {
            let read = db::run(&state.pool, move |conn| presentment::offered(conn, terms, today)).await?;
            state.offered.put(version, today, read)
        }
    };
    Ok(presentment::choose(&offered, terms, chosen, today))
}

/// The snapshot searched with the price bounds typed in the visitor's currency read as the
/// base amounts that show inside them (a currency that cannot be offered shows the base: its
/// bounds are read as base); the result keeps the filter as shown.
fn search_in(
    snapshot: &CatalogSnapshot,
    filter: CatalogFilter,
    pc: &PageCurrency,
    chosen: Currency,
) -> Result<SearchResult, AppError> {
    let shown = filter.clone();
    let mut search = filter;
    if pc.current.currency == chosen && !pc.current.is_base() {
        search.price_min = shown.price_min.map(|m| Money::new(pc.base_at_least(m.minor), pc.current.base));
        search.price_max = shown.price_max.map(|m| Money::new(pc.base_at_most(m.minor).max(0), pc.current.base));
    } else {
        search.price_min = shown.price_min.map(|m| Money::new(m.minor, pc.current.base));
        search.price_max = shown.price_max.map(|m| Money::new(m.minor, pc.current.base));
    }
    let mut result = snapshot.search(search).map_err(|e| AppError::bad_request(e.field, e.message))?;
    result.filter = shown;
    Ok(result)
}

async fn render_catalog(
    state: web::Data<AppState>,
    version: i64,
    snapshot: Arc<CatalogSnapshot>,
    filter: CatalogFilter,
    chosen: Currency,
) -> Result<String, AppError> {
    let pc = currency_of_page(&state, version, chosen).await?;
    let result = search_in(&snapshot, filter, &pc, chosen)?;
    if result.filter.page > result.total_pages() {
        return Err(AppError::NotFound);
    }
    render_catalog_view(&state, &result, CatalogView::new(&result), &pc)
}

fn render_catalog_view(
    state: &AppState,
    result: &SearchResult,
    mut view: CatalogView,
    pc: &PageCurrency,
) -> Result<String, AppError> {
    view.pieces = priced(&result.pieces, pc);
    let page_suffix = if result.filter.page > 1 { format!(" (page {})", result.filter.page) } else { String::new() };
    let qs = result.filter.query_string(result.filter.page);
    let path = if qs.is_empty() { "/pieces".to_string() } else { format!("/pieces?{qs}") };
    let title = match &result.filter.q {
        Some(q) => format!("“{q}”: search results{page_suffix} — {}", state.settings.shop.name),
        None => format!("Handmade gold jewelry{page_suffix} — {}", state.settings.shop.name),
    };
    let meta = PageMeta {
        title,
        description: "Browse one-of-a-kind gold rings, pendants, earrings and bangles, hallmarked and handmade by survivor artisans in Kolkata and Mumbai.".into(),
        path: &path,
        nav: "pieces",
    };
    let mut ctx = Context::from_serialize(&view).map_err(|e| AppError::internal_in("page context", e))?;
    ctx.insert("presentment", &pc.switcher());
    ctx.insert("price_currency", pc.current.currency.code());
    state.templates.render("catalog.html", &meta, ctx)
}

pub async fn piece(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let slug = slug.into_inner();
    let st = state.clone();
    let chosen = chosen(&state, &req);
    let key = format!("/pieces/{slug}|{}", chosen);
    state.cache.serve(&state.pool, &req, key, HTML, || render_piece(st, slug, chosen)).await
}

async fn render_piece(state: web::Data<AppState>, slug: String, chosen: Currency) -> Result<String, AppError> {
    let pricing = state.settings.pricing.clone();
    let rules = PublicRules::now(&state.settings);
    let st = state.clone();
    let (detail, more, split, pc) = db::run(&state.pool, move |conn| {
        let detail = service::piece_detail(conn, PieceKey::Slug(&slug), rules)?;
        let more = service::more_from_center(conn, &detail, 4)?;
        let split = service::money_split(conn, &detail.piece, &pricing)?;
        let pc = page_currency(conn, &st, chosen)?;
        Ok::<_, AppError>((detail, more, split, pc))
    })
    .await?;
    let mut view = PieceView::new(&detail);
    // The price as this visitor sees it, the same figure in the page, its breakdown and the
    // JSON-LD offer.
    let shown = if detail.piece.price.currency == pc.current.base {
        pc.money(detail.piece.price.minor)
    } else {
        detail.piece.price
    };
    view.price = shown.to_string();
    let path = format!("/pieces/{}", detail.piece.slug.as_str());
    let images: Vec<views::ImageView> = detail.images.iter().map(views::ImageView::from).collect();
    let mut ctx = Context::new();
    ctx.insert("json_ld", &product_json_ld(&state, &detail, &images, shown));
    ctx.insert("piece", &view);
    ctx.insert("images", &images);
    ctx.insert("makers", &views::makers(&detail));
    ctx.insert("more", &priced(&more, &pc));
    ctx.insert("presentment", &pc.switcher());
    // Where the money goes, in the visitor's currency: each part the same share of the shown
    // price, adding up to it exactly.
    let split = split.presented(&pc.current).map_err(AppError::internal)?;
    ctx.insert("money", &BreakdownView::new(&split));
    ctx.insert("money_converted", &(split.price.currency != detail.piece.price.currency));
    // Each destination's options, in the visitor's currency (the page is cached per currency).
    ctx.insert("shipping_costs", &shipping_costs::table(&state.settings.shipping_zones, &pc.current));
    let meta = PageMeta {
        title: format!(
            "{} — {} {} — {}",
            view.title,
            view.purity,
            view.metal_label.to_lowercase(),
            state.settings.shop.name
        ),
        description: description_snippet(&detail.piece.description),
        path: &path,
        nav: "pieces",
    };
    state.templates.render("piece.html", &meta, ctx)
}

pub async fn about(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let st = state.clone();
    // No prices, but the header's switcher shows the visitor's choice: one entry per currency.
    let chosen = chosen(&state, &req);
    state.cache.serve(&state.pool, &req, format!("/about|{chosen}"), HTML, || render_about(st, chosen)).await
}

async fn render_about(state: web::Data<AppState>, chosen: Currency) -> Result<String, AppError> {
    let centers = db::run(&state.pool, |conn| {
        let all = crate::centers::all(conn)?;
        Ok::<_, AppError>(service::with_counts(conn, all)?)
    })
    .await?;
    let mut ctx = Context::new();
    ctx.insert("presentment", &state.templates.offer().switcher(chosen, state.settings.currency));
    ctx.insert("centers", &centers.iter().map(|(c, n)| CenterView::new(c, *n)).collect::<Vec<_>>());
    let meta = PageMeta {
        title: format!("About us — {}", state.settings.shop.name),
        description: "Who makes fairgold jewelry, how artisans are paid and how we publish it, how we protect their privacy, and how every piece is hallmarked.".into(),
        path: "/about",
        nav: "about",
    };
    state.templates.render("about.html", &meta, ctx)
}

/// The first sentence or so of a description, for `<meta name="description">`.
fn description_snippet(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= 155 {
        return flat;
    }
    let cut: String = flat.chars().take(152).collect();
    let cut = cut.rsplit_once(' ').map(|(a, _)| a).unwrap_or(&cut);
    format!("{cut}…")
}

/// schema.org Product data for search engines. Serialised by serde_json, then made safe to
/// sit inside a `<script>` element (no `</script>` or `<!--` can appear).
/// The offer is in the currency the page shows (`shown`), so the data matches the visible price.
fn product_json_ld(state: &AppState, d: &service::PieceDetail, images: &[views::ImageView], shown: Money) -> String {
    let p = &d.piece;
    let availability = match p.status {
        super::types::PieceStatus::Listed => "https://schema.org/InStock",
        super::types::PieceStatus::Held => "https://schema.org/LimitedAvailability",
        _ => "https://schema.org/SoldOut",
    };
    let data = json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": p.title,
        "description": p.description,
        "sku": p.sku.as_str(),
        "material": format!("{} {}", p.purity.code(), p.metal.label()),
        "image": images.iter().map(|i| state.settings.absolute_url(&i.url)).collect::<Vec<_>>(),
        "countryOfOrigin": "IN",
        "offers": {
            "@type": "Offer",
            "url": state.settings.absolute_url(&format!("/pieces/{}", p.slug.as_str())),
            "priceCurrency": shown.currency.code(),
            "price": shown.major_string(),
            "availability": availability,
            "itemCondition": "https://schema.org/NewCondition",
        }
    });
    data.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

#[derive(serde::Serialize)]
struct ArtisanView {
    alias: String,
    story: Option<String>,
    photo: Option<views::ImageView>,
    center_city: String,
}

/// The public artisan profile, shown only with the artisan's consent.
pub async fn artisan(
    state: web::Data<AppState>,
    req: HttpRequest,
    public_id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let public_id = public_id.into_inner();
    let st = state.clone();
    let chosen = chosen(&state, &req);
    let key = format!("/artisans/{public_id}|{chosen}");
    state.cache.serve(&state.pool, &req, key, HTML, || render(st, public_id, chosen)).await
}

async fn render(state: web::Data<AppState>, public_id: String, chosen: Currency) -> Result<String, AppError> {
    let rules = PublicRules::now(&state.settings);
    let st = state.clone();
    let (page, pc) = db::run(&state.pool, move |conn| {
        let page = service::artisan_page(conn, &public_id, rules)?;
        Ok::<_, AppError>((page, page_currency(conn, &st, chosen)?))
    })
    .await?;
    // A profile exists only for a named artisan (`find_public_profile`).
    let named = page.artisan.named.as_ref().ok_or(AppError::NotFound)?;
    let view = ArtisanView {
        story: named.story.clone(),
        photo: views::portrait(named),
        alias: named.alias.clone(),
        center_city: page.center.city.clone(),
    };
    let mut ctx = Context::new();
    ctx.insert("artisan", &view);
    ctx.insert("pieces", &priced(&page.pieces, &pc));
    ctx.insert("presentment", &pc.switcher());
    let path = format!("/artisans/{}", named.public_id);
    let meta = PageMeta {
        title: format!("{}, goldsmith in {} — {}", view.alias, view.center_city, state.settings.shop.name),
        description: format!("Pieces handmade by {} at the {} workshop.", view.alias, view.center_city),
        path: &path,
        nav: "",
    };
    state.templates.render("artisan.html", &meta, ctx)
}
