//! The catalog: pieces, their attributes, images, stones and makers, and the public
//! storefront and JSON API built on them.

pub mod api;
pub mod filters;
pub mod handlers;
pub mod models;
pub mod piece;
pub mod queries;
pub mod search;
pub mod seo;
pub mod service;
pub mod snapshot;
pub mod types;
pub mod views;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(handlers::home))
        .route("/pieces", web::get().to(handlers::catalog))
        .route("/pieces/{slug}", web::get().to(handlers::piece))
        .route("/about", web::get().to(handlers::about))
        .route("/api/v1/pieces", web::get().to(api::list))
        .route("/api/v1/pieces/{key}", web::get().to(api::show))
        .route("/artisans/{public_id}", web::get().to(handlers::artisan))
        .route("/robots.txt", web::get().to(seo::robots))
        .route("/sitemap.xml", web::get().to(seo::sitemap));
}
