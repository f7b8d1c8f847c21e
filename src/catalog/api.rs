//! The read-only public JSON API: `GET /api/v1/pieces` (the catalog's filters and pagination)
//! and `GET /api/v1/pieces/{id or slug}`. Field names here are a contract: add, never rename.
//!
//! `?currency=EUR` (issue 15.1) adds each price as the buyer would see it in that currency
//! (`presented_price`, `presented_amount`, and `presentment`: the rate, its day and source),
//! beside the unchanged base amounts; a currency the shop does not offer today is refused with
//! `currency_unavailable` (422). Without it the answer is as it always was.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

use super::filters::{CatalogFilter, RawCatalogQuery};
use super::service::{self, PieceDetail, PieceKey, PieceSummary};
use super::snapshot::Snapshots;
use super::views::stone_label;
use crate::artisans::models::PublicRules;
use crate::db;
use crate::error::AppError;
use crate::images::media_url;
use crate::money::{Currency, Money, Presentment};
use crate::pricing::breakdown::Breakdown;
use crate::pricing::presentment::{self, Terms};
use crate::state::AppState;
use crate::web::page_cache::JSON;

#[derive(Serialize, utoipa::ToSchema)]
pub struct MoneyJson {
    pub amount_minor: i64,
    pub currency: &'static str,
    pub formatted: String,
}

impl From<Money> for MoneyJson {
    fn from(m: Money) -> Self {
        Self { amount_minor: m.minor, currency: m.currency.code(), formatted: m.to_string() }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CenterJson {
    pub code: String,
    pub city: String,
    pub country: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ImageJson {
    pub url: String,
    pub alt: String,
    pub width: i32,
    pub height: i32,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PieceJson {
    pub id: i64,
    pub sku: String,
    pub slug: String,
    pub title: String,
    pub kind: &'static str,
    pub metal: &'static str,
    pub purity: &'static str,
    pub gross_weight_mg: i64,
    pub net_weight_mg: i64,
    pub ring_size: Option<i32>,
    pub huid: Option<String>,
    pub price: MoneyJson,
    /// `price` in the currency asked for with `?currency=` (absent without it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presented_price: Option<MoneyJson>,
    pub status: &'static str,
    pub available: bool,
    pub center: CenterJson,
    /// The day the piece was listed (YYYY-MM-DD): public times are dates, never times of day.
    pub listed_at: Option<String>,
    pub url: String,
    pub image: Option<ImageJson>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct StoneJson {
    pub kind: String,
    pub count: i32,
    pub carats_hundredths: i64,
    pub label: String,
}

/// One maker of a piece. Without their consent to be named, a maker has no public id, alias,
/// story or portrait: only the workshop ("a goldsmith of the Kolkata workshop").
#[derive(Serialize, utoipa::ToSchema)]
pub struct MakerJson {
    pub public_id: Option<String>,
    pub alias: Option<String>,
    /// "Rupa D." or "A goldsmith of the Kolkata workshop".
    pub credit: String,
    pub story: Option<String>,
    pub photo_url: Option<String>,
    pub profile_url: Option<String>,
    pub labor_minutes: i64,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PieceDetailJson {
    #[serde(flatten)]
    pub piece: PieceJson,
    pub description: String,
    pub hallmark: String,
    pub labor_minutes: i64,
    pub stones: Vec<StoneJson>,
    pub makers: Vec<MakerJson>,
    pub images: Vec<ImageJson>,
    pub breakdown: BreakdownJson,
    /// The conversion used with `?currency=` (absent without it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presentment: Option<PresentmentJson>,
}

/// How the `presented_*` amounts were converted: `rate` units of `currency` per unit of the
/// shop's `base` currency (from the rupee rates finance recorded for `rate_date`, with their
/// `source`), each price rounded by `rounding` (`whole` or `minor`, half away from zero); the
/// parts of a breakdown are the same shares of the presented price, adding up to it exactly.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PresentmentJson {
    pub currency: &'static str,
    pub base: &'static str,
    pub rate: String,
    pub rate_date: String,
    pub source: String,
    pub rounding: &'static str,
}

impl From<&Presentment> for PresentmentJson {
    fn from(p: &Presentment) -> Self {
        Self {
            currency: p.currency.code(),
            base: p.base.code(),
            rate: p.rate.normalize().to_string(),
            rate_date: p.rate_date.to_string(),
            source: p.source.clone(),
            rounding: p.rounding.code(),
        }
    }
}

/// The `currency` query parameter of the catalog API.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct CurrencyQuery {
    /// INR, USD, EUR, GBP, CAD or AUD: also answer each price in this currency (when the shop
    /// offers it today; else 422 `currency_unavailable`). Price filters stay in the shop's currency.
    pub currency: Option<String>,
}

/// The currency asked for, if any: a known code, else `currency_unavailable`.
fn asked(q: &CurrencyQuery) -> Result<Option<Currency>, AppError> {
    match q.currency.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        None => Ok(None),
        Some(code) => Currency::parse(code).map(Some).ok_or_else(|| unavailable(code)),
    }
}

fn unavailable(code: &str) -> AppError {
    let shown: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).take(8).collect();
    AppError::Unprocessable {
        code: "currency_unavailable",
        fields: crate::web::form::FieldErrors::one(
            "currency",
            format!(
                "Prices cannot be shown in `{shown}` today: use one of INR, USD, EUR, GBP, CAD or AUD that has a \
                 recent exchange rate (the shop's own currency always works)."
            ),
        ),
    }
}

/// The conversion for `wanted`, or `currency_unavailable` when it has no recent rate.
fn presentment_for(
    conn: &mut db::DbConn,
    terms: Terms,
    wanted: Option<Currency>,
) -> Result<Option<Presentment>, AppError> {
    let Some(wanted) = wanted else { return Ok(None) };
    match presentment::lookup(conn, terms, wanted, crate::web::page_cache::day())? {
        Some(p) => Ok(Some(p)),
        None => Err(unavailable(wanted.code())),
    }
}

/// Where the price goes: parts that add up to the price exactly when `complete`; otherwise
/// only the makers' wage lines, and `not_recorded` says why.
#[derive(Serialize, utoipa::ToSchema)]
pub struct BreakdownJson {
    pub complete: bool,
    pub not_recorded: Option<String>,
    pub lines: Vec<BreakdownLineJson>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct BreakdownLineJson {
    /// `makers_wages`, `sale_bonus`, `gold`, `stones`, `hallmarking`, `card_fees`,
    /// `shipping_packing`, `gst`, `running_costs` or `shortfall` (negative).
    pub code: &'static str,
    pub label: String,
    pub amount: MoneyJson,
    /// `amount` in the currency asked for with `?currency=` (absent without it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presented_amount: Option<MoneyJson>,
    pub note: String,
}

impl From<Breakdown> for BreakdownJson {
    fn from(b: Breakdown) -> Self {
        Self {
            complete: b.complete,
            not_recorded: b.not_recorded,
            lines: b
                .lines
                .into_iter()
                .map(|l| BreakdownLineJson {
                    code: l.code,
                    label: l.label,
                    amount: l.amount.into(),
                    presented_amount: None,
                    note: l.note,
                })
                .collect(),
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PaginationJson {
    pub page: i64,
    pub per_page: i64,
    pub total: i64,
    pub total_pages: i64,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PieceListJson {
    pub data: Vec<PieceJson>,
    pub pagination: PaginationJson,
    /// The conversion used with `?currency=` (absent without it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presentment: Option<PresentmentJson>,
}

fn image_json(i: &super::models::ImageRow, state: &AppState) -> ImageJson {
    ImageJson {
        url: state.settings.absolute_url(&media_url(&i.path)),
        alt: i.alt_text.clone(),
        width: i.width,
        height: i.height,
    }
}

fn piece_json(s: &PieceSummary, state: &AppState, shown: Option<&Presentment>) -> PieceJson {
    let p = &s.piece;
    PieceJson {
        presented_price: shown
            .filter(|c| c.base == p.price.currency)
            .and_then(|c| c.money(p.price.minor).ok())
            .map(MoneyJson::from),
        id: p.id,
        sku: p.sku.as_str().into(),
        slug: p.slug.as_str().into(),
        title: p.title.clone(),
        kind: p.kind.code(),
        metal: p.metal.code(),
        purity: p.purity.code(),
        gross_weight_mg: p.gross_weight.get(),
        net_weight_mg: p.net_weight.get(),
        ring_size: p.ring_size.map(|r| r.get()),
        huid: p.huid.as_ref().map(|h| h.as_str().into()),
        price: p.price.into(),
        status: p.status.code(),
        available: p.is_available(),
        center: CenterJson {
            code: s.center.code.clone(),
            city: s.center.city.clone(),
            country: s.center.country.clone(),
        },
        // A date, never a time: when a piece was listed says when its makers were at work.
        listed_at: p.listed_at.map(|t| t.date().to_string()),
        url: state.settings.absolute_url(&format!("/pieces/{}", p.slug.as_str())),
        image: s.cover.as_ref().map(|i| image_json(i, state)),
    }
}

fn detail_json(
    d: PieceDetail,
    breakdown: Breakdown,
    state: &AppState,
    shown: Option<&Presentment>,
) -> Result<PieceDetailJson, AppError> {
    // Each part as the same share of the presented price (adding up to it exactly).
    let presented = shown.map(|p| breakdown.presented(p)).transpose().map_err(AppError::internal)?;
    let mut breakdown_json = BreakdownJson::from(breakdown);
    if let Some(b) = &presented {
        for (line, p) in breakdown_json.lines.iter_mut().zip(&b.lines) {
            line.presented_amount = Some(p.amount.into());
        }
    }
    let labor_minutes = d.labor_minutes();
    let summary = PieceSummary { piece: d.piece, center: d.center, cover: d.images.first().cloned() };
    Ok(PieceDetailJson {
        description: summary.piece.description.clone(),
        hallmark: summary.piece.hallmark(),
        labor_minutes,
        stones: d
            .stones
            .iter()
            .map(|s| StoneJson {
                kind: s.kind.clone(),
                count: s.count,
                carats_hundredths: s.carats_hundredths,
                label: stone_label(s),
            })
            .collect(),
        makers: d
            .makers
            .into_iter()
            .map(|m| {
                let credit = super::views::maker_credit(&m.artisan, &summary.center.city);
                match m.artisan.named {
                    Some(n) => MakerJson {
                        profile_url: n
                            .has_profile
                            .then(|| state.settings.absolute_url(&format!("/artisans/{}", n.public_id))),
                        photo_url: n.portrait_url.map(|p| state.settings.absolute_url(&p)),
                        public_id: Some(n.public_id),
                        alias: Some(n.alias),
                        credit,
                        story: n.story,
                        labor_minutes: m.labor_minutes,
                    },
                    None => MakerJson {
                        profile_url: None,
                        photo_url: None,
                        public_id: None,
                        alias: None,
                        credit,
                        story: None,
                        labor_minutes: m.labor_minutes,
                    },
                }
            })
            .collect(),
        images: d.images.iter().map(|i| image_json(i, state)).collect(),
        breakdown: breakdown_json,
        presentment: shown.map(PresentmentJson::from),
        piece: piece_json(&summary, state, shown),
    })
}

/// Public pieces matching the catalog's filters, one page at a time.
#[utoipa::path(
    get,
    path = "/api/v1/pieces",
    tag = "catalog",
    params(RawCatalogQuery, CurrencyQuery),
    responses(
        (status = 200, description = "One page of public pieces", body = PieceListJson),
        (status = 304, description = "Not modified (the `If-None-Match` ETag still holds)"),
        (status = 400, description = "A query parameter is not valid; `field` names it", body = crate::error::ApiErrorBody),
        (status = 422, description = "`currency_unavailable`: the currency asked for is not offered today", body = crate::error::ApiErrorBody),
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    snapshots: web::Data<Snapshots>,
    req: HttpRequest,
    query: web::Query<RawCatalogQuery>,
    currency: web::Query<CurrencyQuery>,
) -> Result<HttpResponse, AppError> {
    let wanted = asked(&currency)?;
    let version = state.cache.current_version::<AppError>(&state.pool).await?;
    let snapshot = snapshots.get(&state.pool, version, PublicRules::now(&state.settings)).await?;
    let filter = CatalogFilter::parse(&query, state.settings.currency)
        .and_then(|filter| snapshot.check(&filter).map(|_| filter))
        .map_err(|e| AppError::bad_request(e.field, e.message))?;
    let mut key = format!("api:/pieces?{}", filter.query_string(filter.page));
    if let Some(c) = wanted {
        key.push_str(&format!("|{c}"));
    }
    let st = state.clone();
    state
        .cache
        .serve_at(&state.pool, version, &req, key, JSON, || async move {
            let terms = Terms::of(&st.settings);
            let shown = db::run(&st.pool, move |conn| presentment_for(conn, terms, wanted)).await?;
            let result = snapshot.search(filter).map_err(|e| AppError::bad_request(e.field, e.message))?;
            let body = PieceListJson {
                presentment: shown.as_ref().map(PresentmentJson::from),
                data: result.pieces.iter().map(|s| piece_json(s, &st, shown.as_ref())).collect(),
                pagination: PaginationJson {
                    page: result.filter.page,
                    per_page: result.filter.per_page,
                    total: result.total,
                    total_pages: result.total_pages(),
                },
            };
            to_json(&body)
        })
        .await
}

/// One public piece by id or slug, with its stones, makers (public aliases only), images and
/// where its price goes.
#[utoipa::path(
    get,
    path = "/api/v1/pieces/{key}",
    tag = "catalog",
    params(("key" = String, Path, description = "The piece's numeric id or its slug, e.g. `lotus-ring`"), CurrencyQuery),
    responses(
        (status = 200, description = "The piece", body = PieceDetailJson),
        (status = 304, description = "Not modified (the `If-None-Match` ETag still holds)"),
        (status = 404, description = "No public piece with that id or slug", body = crate::error::ApiErrorBody),
        (status = 422, description = "`currency_unavailable`: the currency asked for is not offered today", body = crate::error::ApiErrorBody),
    )
)]
pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    key: web::Path<String>,
    currency: web::Query<CurrencyQuery>,
) -> Result<HttpResponse, AppError> {
    let key = key.into_inner();
    let wanted = asked(&currency)?;
    let st = state.clone();
    let mut cache_key = format!("api:/pieces/{key}");
    if let Some(c) = wanted {
        cache_key.push_str(&format!("|{c}"));
    }
    state
        .cache
        .serve(&state.pool, &req, cache_key, JSON, || async move {
            let pricing = st.settings.pricing.clone();
            let rules = crate::artisans::models::PublicRules::now(&st.settings);
            let terms = Terms::of(&st.settings);
            let (detail, split, shown) = db::run(&st.pool, move |conn| {
                let shown = presentment_for(conn, terms, wanted)?;
                let detail = service::piece_detail(conn, PieceKey::parse(&key), rules)?;
                let split = service::money_split(conn, &detail.piece, &pricing)?;
                Ok::<_, AppError>((detail, split, shown))
            })
            .await?;
            to_json(&detail_json(detail, split, &st, shown.as_ref())?)
        })
        .await
}

fn to_json<T: Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(|e| AppError::internal_in("JSON", e))
}
