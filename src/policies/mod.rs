//! Shop policies (issue 15): shipping, returns and refunds, privacy, terms of sale and the
//! grievance officer, as the E-Commerce Rules 2020, the GDPR and Stripe expect. Admins write
//! them in Markdown (`admin`); every save is a new version (append-only, audit-logged); the
//! public pages (`handlers`) show the version in effect, rendered safely (`markdown`: no raw
//! HTML, links only to http(s), mailto or relative addresses), and every earlier one.
//! Checkout records on the order the versions of the terms and the returns policy the buyer
//! was shown (`service::check_shown`). `shipping_costs` is the costs table of the shipping
//! page and the piece pages; `defaults` the texts every shop starts with (`reference::ensure`).

pub mod admin;
pub mod defaults;
pub mod handlers;
pub mod markdown;
pub mod queries;
pub mod service;
pub mod shipping_costs;
pub mod types;

use actix_web::web;

pub use types::PolicyKind;

/// The public pages (the back-office ones are in `admin::routes`).
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/policies/{kind}", web::get().to(handlers::page))
        .route(r"/policies/{kind}/versions/{version:\d+}", web::get().to(handlers::version_page));
}
