//! The public artisan profile, shown only with the artisan's consent.

use actix_web::{web, HttpRequest, HttpResponse};
use tera::Context;

use crate::catalog::{service, views};
use crate::db;
use crate::error::AppError;
use crate::startup::AppState;
use crate::web::page_cache::HTML;
use crate::web::PageMeta;

#[derive(serde::Serialize)]
struct ArtisanView {
    alias: String,
    story: Option<String>,
    photo: Option<views::ImageView>,
    center_city: String,
}

pub async fn profile(
    state: web::Data<AppState>,
    req: HttpRequest,
    public_id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let public_id = public_id.into_inner();
    let st = state.clone();
    state.cache.serve(&state.pool, &req, format!("/artisans/{public_id}"), HTML, || render(st, public_id)).await
}

async fn render(state: web::Data<AppState>, public_id: String) -> Result<String, AppError> {
    let page = db::run(&state.pool, move |conn| service::artisan_page(conn, &public_id)).await?;
    let view = ArtisanView {
        story: page.artisan.story.clone(),
        photo: views::portrait(&page.artisan),
        alias: page.artisan.alias.clone(),
        center_city: page.center.city.clone(),
    };
    let mut ctx = Context::new();
    ctx.insert("artisan", &view);
    ctx.insert("pieces", &views::cards(&page.pieces));
    let path = format!("/artisans/{}", page.artisan.public_id);
    let meta = PageMeta {
        title: format!("{}, goldsmith in {} — {}", view.alias, view.center_city, state.settings.shop.name),
        description: format!("Pieces handmade by {} at the {} workshop.", view.alias, view.center_city),
        path: &path,
        nav: "",
    };
    state.templates.render("artisan.html", &meta, ctx)
}

pub fn routes(cfg: &mut actix_web::web::ServiceConfig) {
    cfg.route("/artisans/{public_id}", web::get().to(profile));
}
