//! The dashboard: where a signed-in staff member starts. Finance and admins also see each
//! center's wage counts, from its newest *closed* month only (`wages::reports::closed_month_counts`),
//! so the figures do not move while a month is still being recorded.

use actix_web::{web, HttpResponse};
use tera::Context;

use crate::auth::CurrentStaff;
use crate::db;
use crate::error::AppError;
use crate::staff::Role;
use crate::state::AppState;
use crate::wages::reports;

pub async fn dashboard(state: web::Data<AppState>, me: CurrentStaff) -> Result<HttpResponse, AppError> {
    let mut ctx = Context::new();
    if matches!(me.role, Role::Admin | Role::Finance) {
        let counts = db::run(&state.pool, reports::closed_month_counts).await?;
        ctx.insert("wage_counts", &counts);
    }
    let body = state.templates.render_admin("admin/dashboard.html", "Back office", Some(&me), ctx)?;
    Ok(HttpResponse::Ok().content_type("text/html; charset=utf-8").body(body))
}
