//! The back office's shell under `/admin`: the dashboard, the cross-cutting pages (the audit
//! log, the email outbox, API tokens), the list of every section's routes, and the request
//! checks every admin route shares (no caching of its pages, same-origin state changes). Each
//! feature's own pages live with it: `inventory::admin`, `artisans::admin`, `import::admin`,
//! `orders::admin`, `wages`, `pricing::admin`, `policies::admin`.

pub mod account;
pub mod approvals;
pub mod audit_log;
pub mod email;
pub mod handlers;
pub mod tokens;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::web;

use crate::error::AppError;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin", web::get().to(handlers::dashboard))
        .configure(crate::inventory::admin::routes)
        .configure(crate::artisans::admin::routes)
        .configure(audit_log::routes)
        .configure(approvals::routes)
        .configure(email::routes)
        .configure(crate::import::admin::routes)
        .configure(tokens::routes)
        .configure(account::routes)
        .configure(crate::orders::admin::routes)
        .configure(crate::wages::routes)
        .configure(crate::pricing::admin::routes)
        .configure(crate::policies::admin::routes)
        .configure(crate::privacy::admin::routes)
        .configure(crate::invoices::admin::routes)
        .configure(crate::returns::admin::routes);
}

/// A state-changing request must come from our own pages (`web::origin`). (The CSRF token in
/// each form is checked by `AdminForm`.)
pub fn same_origin(req: &ServiceRequest, base_url: &str) -> bool {
    crate::web::origin::is_same_origin(req.method(), req.headers(), &req.connection_info(), base_url)
}

fn is_admin_path(path: &str) -> bool {
    path == "/admin" || path.starts_with("/admin/") || path.starts_with("/api/admin/")
}

/// Middleware just outside `Compress`: the back office is never compressed (BREACH). Its pages
/// carry a CSRF token and private records beside text reflected from the request (a search, a
/// form shown again), and a compressed response's length would let an attacker who can make
/// the browser send requests guess those secrets byte by byte. Dropping `Accept-Encoding` makes
/// `Compress` answer as for a client that asked for nothing; the public shop stays compressed.
pub async fn uncompressed(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if is_admin_path(req.path()) {
        req.headers_mut().remove(header::ACCEPT_ENCODING);
    }
    next.call(req).await
}

/// Middleware for `/admin` and the admin API: refuses cross-site writes and marks every
/// response `Cache-Control: no-store` (private data must not sit in a browser cache).
pub async fn guard(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let path = req.path();
    let is_admin = is_admin_path(path);
    if is_admin {
        let base = req
            .app_data::<web::Data<crate::state::AppState>>()
            .map(|s| s.settings.base_url.clone())
            .unwrap_or_default();
        if !same_origin(&req, &base) {
            tracing::warn!(path = %crate::web::secret_paths::redact_target(req.path()), "cross-site state change refused");
            return Err(AppError::Forbidden("This request did not come from this site.".into()).into());
        }
    }
    let mut res = next.call(req).await?;
    if is_admin {
        res.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    }
    Ok(res)
}
