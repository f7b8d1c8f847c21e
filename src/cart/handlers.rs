//! Cart pages: view, add, remove. Per visitor, so never in the page cache and marked
//! `Cache-Control: no-store`.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use tera::Context;

use super::queries::PieceRef;
use super::service::{self, Cart};
use crate::db;
use crate::error::AppError;
use crate::pricing::presentment::Terms;
use crate::state::AppState;
use crate::web::PageMeta;

fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

/// A page for one visitor: never stored by a browser or a proxy.
pub fn private_html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}

/// What a cart page needs to show the visitor's currency: the offer's terms and their choice.
pub fn presented(state: &AppState, req: &HttpRequest) -> (Terms, crate::money::Currency) {
    (Terms::of(&state.settings), crate::web::currency::chosen(req, state.settings.currency))
}

pub fn render_cart(
    state: &AppState,
    status: StatusCode,
    cart: &Cart,
    notice: Option<&str>,
) -> Result<HttpResponse, AppError> {
    let mut ctx = Context::new();
    ctx.insert("cart", cart);
    ctx.insert("notice", &notice);
    if let Some(p) = &cart.presentment {
        ctx.insert("presentment", p);
    }
    let meta = PageMeta {
        title: format!("Your cart — {}", state.settings.shop.name),
        description: String::new(),
        path: "/cart",
        nav: "cart",
    };
    Ok(private_html(status, state.templates.render("cart/view.html", &meta, ctx)?))
}

pub async fn view(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let key = super::cookie_value(&req).map(|raw| super::cart_key(&raw));
    let (terms, chosen) = presented(&state, &req);
    let cart =
        db::run(&state.pool, move |conn| service::load_presented(conn, key.as_deref(), terms, chosen, now())).await?;
    render_cart(&state, StatusCode::OK, &cart, None)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AddForm {
    piece_id: String,
    slug: String,
    sku: String,
}

pub async fn add(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<AddForm>,
) -> Result<HttpResponse, AppError> {
    super::require_same_origin(&req, &state)?;
    let form = form.into_inner();
    let piece = if !form.piece_id.trim().is_empty() {
        PieceRef::Id(
            form.piece_id
                .trim()
                .parse()
                .map_err(|_| AppError::bad_request("piece_id", "The piece id must be a number."))?,
        )
    } else if !form.slug.trim().is_empty() {
        PieceRef::Slug(form.slug.trim().to_string())
    } else if !form.sku.trim().is_empty() {
        PieceRef::Sku(form.sku.trim().to_uppercase())
    } else {
        return Err(AppError::bad_request("piece_id", "Choose a piece to add to the cart."));
    };
    let (raw, fresh) = match super::cookie_value(&req) {
        Some(raw) => (raw, false),
        None => (crate::crypto::random_token(32), true),
    };
    let key = super::cart_key(&raw);
    let currency = state.settings.currency;
    let (terms, chosen) = presented(&state, &req);
    let outcome = db::run(&state.pool, move |conn| {
        let added = service::add(conn, &key, &piece, currency, now());
        let cart = service::load_presented(conn, Some(&key), terms, chosen, now())?;
        Ok::<_, AppError>((added, cart))
    })
    .await?;
    let mut res = match outcome {
        (Ok(_), _) => HttpResponse::SeeOther().insert_header((header::LOCATION, "/cart")).finish(),
        (Err(e @ AppError::Conflict { .. }), cart) => {
            render_cart(&state, StatusCode::CONFLICT, &cart, Some(&e.public_message()))?
        }
        (Err(e), _) => return Err(e),
    };
    if fresh {
        res.add_cookie(&super::new_cookie(&state, raw)).map_err(|e| AppError::internal_in("cart cookie", e))?;
    }
    res.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    Ok(res)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RemoveForm {
    piece_id: String,
}

pub async fn remove(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<RemoveForm>,
) -> Result<HttpResponse, AppError> {
    super::require_same_origin(&req, &state)?;
    let piece_id: i64 = form
        .piece_id
        .trim()
        .parse()
        .map_err(|_| AppError::bad_request("piece_id", "The piece id must be a number."))?;
    if let Some(raw) = super::cookie_value(&req) {
        let key = super::cart_key(&raw);
        db::run(&state.pool, move |conn| super::queries::remove(conn, &key, piece_id).map_err(AppError::from)).await?;
    }
    Ok(HttpResponse::SeeOther().insert_header((header::LOCATION, "/cart")).finish())
}
