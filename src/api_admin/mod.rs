//! The admin JSON API under `/api/admin/v1`: inventory for staff programs, authenticated by
//! per-staff bearer tokens (`tokens`, made under `/admin/tokens`). A token acts with its
//! owner's role and center, exactly as the back office would; `openapi` documents it.

pub mod auth;
pub mod pieces;
pub mod queries;
pub mod tokens;

pub use auth::ApiStaff;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/api/admin/v1/pieces", web::get().to(pieces::list))
        .route("/api/admin/v1/pieces", web::post().to(pieces::create))
        .route("/api/admin/v1/pieces/{id}", web::get().to(pieces::show))
        .route("/api/admin/v1/pieces/{id}", web::put().to(pieces::update))
        .route("/api/admin/v1/pieces/{id}/publish", web::post().to(pieces::publish))
        .route("/api/admin/v1/pieces/{id}/withdraw", web::post().to(pieces::withdraw));
}
