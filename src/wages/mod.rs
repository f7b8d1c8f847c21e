//! The fair-wage ledger: wage policy per center (`policy`), piece wages from labor records
//! and their split by hours (`split`), the append-only hash-chained journal (`ledger`), the
//! use cases that write it (`service`), what finance reads from it (`reports`, one file per
//! report) and the finance pages under `/admin/wages` (`pages`, one file per page).
//!
//! Amounts are rupee minor units (paise) in `i64`; rates and percentages are
//! `rust_decimal`; every rounding is named where it happens.

pub mod admin_queries;
pub mod checkpoints;
pub mod close;
pub mod defaults;
pub mod export;
pub mod ledger;
mod pages;
pub mod payslip;
pub mod policy;
pub mod register;
pub mod reports;
pub mod service;
pub mod split;
pub mod terms;
mod transparency;
pub mod types;

use actix_web::web;

/// The finance pages, mounted under `/admin` by `admin::routes`.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.configure(pages::routes);
}

/// The public transparency pages (`/transparency/ledger`: the signed checkpoints).
pub fn public_routes(cfg: &mut web::ServiceConfig) {
    cfg.configure(transparency::routes);
}
