//! Customers' privacy rights (DPDP Act 2023, GDPR): from their order's page (the capability
//! link) a customer downloads a copy of their data as JSON, or asks for it to be erased. An
//! erasure keeps, for orders still inside the tax-record retention period
//! (`retention.tax_record_years`, 8 by default: the GST law), only what a tax invoice needs and
//! masks the rest for good; everything else goes at once. A job (`expiry`) masks orders that
//! reach the end of that period. `/admin/privacy` lists every request and what was kept and
//! why (`admin`).
//!
//! A feature above `orders` and `returns` (it reads and masks orders, their returns, emails
//! and payment records); nothing below imports it. Orders' own pages only link here.

pub mod admin;
pub mod expiry;
pub mod handlers;
pub mod models;
pub mod queries;
pub mod service;
pub mod types;

use actix_web::web;

/// The customer's two requests, under their order's capability link (`web::secret_paths`
/// redacts the token from the log and sends no `Referer` from these pages).
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/orders/{token}/data", web::post().to(handlers::export))
        .route("/orders/{token}/erase", web::post().to(handlers::erase));
}
