//! Where the money goes, in public: `/impact` and `/api/v1/impact` (the figures per center and
//! quarter from closed months, k-anonymous, each linked to its signed ledger checkpoints, with
//! a chart over time) and the claims every public page makes from the same figures
//! (`claims`). Reads the wage ledger through `wages::reports` (the one judgement of a month)
//! and the catalog through its service; writes nothing.

pub mod claims;
pub mod handlers;
pub mod service;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/impact", web::get().to(handlers::page)).route("/api/v1/impact", web::get().to(handlers::api));
}
