//! Liveness and readiness for load balancers and orchestrators.

use actix_web::{web, HttpResponse};
use serde_json::json;

use crate::db;
use crate::error::AppError;

/// Liveness only: the process is up and serving HTTP (plain text, the cheapest answer there
/// is). It does not look at the database — a database outage is `/readyz`'s answer, and
/// restarting a live instance would not bring the database back.
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain; charset=utf-8").body("ok")
}

/// The database answers; otherwise 503 so traffic goes to another instance.
pub async fn readyz(pool: web::Data<db::Pool>) -> HttpResponse {
    match db::run::<_, AppError, _>(&pool, |conn| db::ping(conn).map_err(AppError::from)).await {
        Ok(backend) => HttpResponse::Ok().json(json!({ "status": "ready", "database": backend })),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            HttpResponse::ServiceUnavailable()
                .insert_header((actix_web::http::header::RETRY_AFTER, "5"))
                .json(json!({ "status": "unavailable", "database": "unreachable" }))
        }
    }
}
