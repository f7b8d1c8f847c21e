//! Returns (issue 15): from the order's page, within `returns.window_days` of the parcel's
//! delivery, a customer asks to return pieces with a reason (`handlers`); the manager of the
//! pieces' center approves or declines with a message and, when the parcel comes back,
//! records the pieces' condition and puts them back on sale or withdraws them; finance refunds
//! through the order's refund path (credit note, `Refunded` email) or closes the request
//! (`admin`, `/admin/returns`). Each step is on the order's timeline and emails the customer.
//!
//! A feature above `orders` and `inventory` (it locks orders, uses their refund path and the
//! piece's take-back); nothing below imports it. The order's pages only link here.

pub mod admin;
pub mod handlers;
pub mod models;
pub mod queries;
pub mod service;
pub mod types;

use actix_web::web;

/// The customer's return form, under their order's capability link (`web::secret_paths`
/// redacts the token from the log). The back-office pages are in `admin::routes`.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/orders/{token}/returns", web::get().to(handlers::form))
        .route("/orders/{token}/returns", web::post().to(handlers::submit));
}
