//! `robots.txt` and `sitemap.xml`. The sitemap lists public pages only: pieces that are
//! listed or sold, and artisans who consented to a public profile. No addresses, ever.

use actix_web::{web, HttpRequest, HttpResponse};

use crate::artisans;
use crate::catalog;
use crate::db;
use crate::error::AppError;
use crate::policies::PolicyKind;
use crate::state::AppState;
use crate::web::page_cache::XML;

pub async fn robots(state: web::Data<AppState>) -> HttpResponse {
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: /api/\n\nSitemap: {}\n",
        state.settings.absolute_url("/sitemap.xml")
    );
    HttpResponse::Ok().content_type("text/plain; charset=utf-8").body(body)
}

pub async fn sitemap(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let st = state.clone();
    state.cache.serve(&state.pool, &req, "/sitemap.xml".into(), XML, || render_sitemap(st)).await
}

async fn render_sitemap(state: web::Data<AppState>) -> Result<String, AppError> {
    let (slugs, artisan_ids) = db::run(&state.pool, |conn| {
        Ok::<_, AppError>((
            catalog::queries::public_slugs(conn)?,
            artisans::queries::public_profile_ids(conn, artisans::models::consent_today())?,
        ))
    })
    .await?;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let paths = ["/".to_string(), "/pieces".into(), "/about".into(), "/impact".into()]
        .into_iter()
        .chain(PolicyKind::ALL.iter().map(|k| k.path()))
        .chain(slugs.iter().map(|s| format!("/pieces/{s}")))
        .chain(artisan_ids.iter().map(|id| format!("/artisans/{id}")));
    for path in paths {
        // Slugs and ids are [a-z0-9-] by construction: nothing to escape.
        xml.push_str(&format!("  <url><loc>{}</loc></url>\n", state.settings.absolute_url(&path)));
    }
    xml.push_str("</urlset>\n");
    Ok(xml)
}
