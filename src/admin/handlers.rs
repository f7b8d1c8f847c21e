//! The dashboard: where a signed-in staff member starts.

use actix_web::{web, HttpResponse};
use tera::Context;

use crate::auth::CurrentStaff;
use crate::error::AppError;
use crate::state::AppState;

pub async fn dashboard(state: web::Data<AppState>, me: CurrentStaff) -> Result<HttpResponse, AppError> {
    let body = state.templates.render_admin("admin/dashboard.html", "Back office", Some(&me), Context::new())?;
    Ok(HttpResponse::Ok().content_type("text/html; charset=utf-8").body(body))
}
