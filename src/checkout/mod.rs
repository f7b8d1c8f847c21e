//! Checkout: the contact and shipping form, placing the order with holds on its pieces
//! (`service`), handing the customer to the payment page (`payment`: Stripe, or the local
//! test-payment page in development), and the return from it.

pub mod handlers;
pub mod input;
pub mod postal;
pub mod service;

use actix_web::web;

/// The cookie that remembers, for the return from the payment page, which order this browser
/// just placed (its value is the raw status token; only its hash is stored).
pub const ORDER_COOKIE: &str = "fairgold_order";

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/checkout", web::get().to(handlers::form))
        .route("/checkout", web::post().to(handlers::place))
        .route("/checkout/complete/{reference}", web::get().to(handlers::returned))
        .route("/checkout/cancelled/{reference}", web::get().to(handlers::returned))
        .route("/checkout/test-payment/{reference}", web::get().to(handlers::test_payment_page))
        .route("/checkout/test-payment/{reference}", web::post().to(handlers::test_payment));
}
