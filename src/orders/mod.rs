//! Orders: from checkout (holds on one-of-a-kind pieces) through payment, packing and
//! shipping to delivery, refunds and disputes, with a timeline of every event.
//! `types` is the state machine; `fulfilment` applies payment events (webhook and development
//! page alike); `service` serves the status page and the back office (`admin`).

pub mod admin;
pub mod charge;
pub mod emails;
pub mod fulfilment;
pub mod handlers;
pub mod models;
pub mod queries;
pub mod service;
pub mod sweeper;
pub mod types;
pub mod webhook;

use actix_web::web;

/// The customer's status page. (The back-office pages are in `admin::routes`.)
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/orders/{token}", web::get().to(handlers::status_page))
        .route("/orders/{token}/invoice", web::get().to(handlers::invoice_page))
        .route(r"/orders/{token}/credit-notes/{id:\d+}", web::get().to(handlers::credit_note_page));
}
