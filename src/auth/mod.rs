//! Authentication for the back office: database sessions, passwords, TOTP, CSRF, throttling.

pub mod extract;
pub mod handlers;
pub mod permissions;
pub mod scope;
pub mod session;
pub mod throttle;

pub use extract::{AdminForm, CurrentStaff, PendingStaff};
pub use scope::{Scope, Subject};

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/login", web::get().to(handlers::login_form))
        .route("/admin/login", web::post().to(handlers::login))
        .route("/admin/logout", web::post().to(handlers::logout))
        .route("/admin/mfa", web::get().to(handlers::mfa_form))
        .route("/admin/mfa", web::post().to(handlers::mfa))
        .route("/admin/mfa/enrol", web::get().to(handlers::enrol_form))
        .route("/admin/mfa/enrol", web::post().to(handlers::enrol))
        .route("/admin/setup/{token}", web::get().to(handlers::setup_form))
        .route("/admin/setup/{token}", web::post().to(handlers::setup));
}
