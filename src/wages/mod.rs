//! The fair-wage ledger: wage policy per center (`policy`), piece wages from labor records
//! and their split by hours (`split`), the append-only hash-chained journal (`ledger`), the
//! use cases that write it (`service`), and what finance reads from it (`reports`).
//!
//! Amounts are rupee minor units (paise) in `i64`; rates and percentages are
//! `rust_decimal`; every rounding is named where it happens.

pub mod admin;
mod admin_forms;
pub mod admin_queries;
pub mod defaults;
pub mod export;
pub mod ledger;
pub mod policy;
pub mod reports;
pub mod service;
pub mod split;
pub mod types;
pub mod views;

use actix_web::web;

/// The finance pages, mounted under `/admin` by `admin::routes`.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.configure(views::routes).configure(admin::routes);
}
