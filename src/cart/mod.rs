//! The visitor's cart: guest checkout, no account. A random id in the `fairgold_cart` cookie
//! names a server-side cart (`carts`/`cart_items`, keyed by the hash of the id, so a copy of
//! the database hands out no carts). Adding, removing, viewing; a piece that is no longer
//! available is flagged and blocks checkout until removed. Nothing here is cached.

pub mod handlers;
pub mod queries;
pub mod service;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::{web, HttpRequest};

use crate::error::AppError;
use crate::state::AppState;

pub use service::{Availability, Cart, CartLine};

/// The cart cookie's name.
pub const COOKIE: &str = "fairgold_cart";
/// At most this many pieces in one cart.
pub const MAX_ITEMS: i64 = 25;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/cart", web::get().to(handlers::view))
        .route("/cart/add", web::post().to(handlers::add))
        .route("/cart/remove", web::post().to(handlers::remove));
}

/// The cart id from the visitor's cookie, if it looks like one of ours.
pub fn cookie_value(req: &HttpRequest) -> Option<String> {
    let raw = req.cookie(COOKIE)?.value().to_string();
    let ok = (20..=64).contains(&raw.len()) && raw.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok.then_some(raw)
}

/// The stored key of a cart: the hash of the cookie's value.
pub fn cart_key(raw: &str) -> String {
    crate::crypto::token_hash(raw)
}

/// A new cart cookie. HttpOnly (no script needs it), SameSite=Lax (sent when the visitor
/// follows a link to us, not on cross-site posts), Secure in production.
pub fn new_cookie(state: &AppState, value: String) -> Cookie<'static> {
    Cookie::build(COOKIE, value)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(!state.settings.is_development())
        .max_age(actix_web::cookie::time::Duration::days(30))
        .finish()
}

/// The public forms (cart, checkout, test payment) have no staff session to bind a CSRF token
/// to, so a state change must come from our own pages: `Sec-Fetch-Site`, when sent, must be
/// same-origin, and `Origin`, when present, must be ours (the same rule as `admin::same_origin`).
pub fn require_same_origin(req: &HttpRequest, state: &AppState) -> Result<(), AppError> {
    if crate::web::origin::is_same_origin(req.method(), req.headers(), &req.connection_info(), &state.settings.base_url)
    {
        Ok(())
    } else {
        Err(cross_site(req))
    }
}

fn cross_site(req: &HttpRequest) -> AppError {
    tracing::warn!(path = %crate::web::secret_paths::redact_target(req.path()), "cross-site state change refused");
    AppError::Forbidden("This request did not come from this site.".into())
}
