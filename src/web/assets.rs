//! Static assets (`static/`), embedded in the binary and served under content-hashed names
//! (`/static/css/site.1a2b3c4d5e.css`) with a one-year immutable cache: a changed file gets a
//! new name, so browsers never see a stale one.

use std::collections::HashMap;

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "static/"]
struct StaticFiles;

struct Asset {
    bytes: std::borrow::Cow<'static, [u8]>,
    mime: String,
}

/// Every static file by its hashed public path, and the map from logical to hashed paths.
pub struct Assets {
    by_hashed: HashMap<String, Asset>,
    urls: HashMap<String, String>,
}

impl Assets {
    pub fn load() -> Self {
        let mut by_hashed = HashMap::new();
        let mut urls = HashMap::new();
        for name in StaticFiles::iter() {
            let Some(file) = StaticFiles::get(&name) else { continue };
            let hash: String = file.metadata.sha256_hash().iter().take(5).map(|b| format!("{b:02x}")).collect();
            let hashed = match name.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
                None => format!("{name}.{hash}"),
            };
            urls.insert(name.to_string(), format!("/static/{hashed}"));
            by_hashed.insert(hashed, Asset { mime: file.metadata.mimetype().to_string(), bytes: file.data });
        }
        Self { by_hashed, urls }
    }

    /// The public URL of a static file given by its path under `static/`.
    pub fn url(&self, logical: &str) -> String {
        self.urls.get(logical).cloned().unwrap_or_else(|| {
            tracing::warn!(asset = logical, "unknown static asset");
            format!("/static/{logical}")
        })
    }
}

pub async fn serve(assets: web::Data<Assets>, path: web::Path<String>) -> HttpResponse {
    match assets.by_hashed.get(path.as_str()) {
        Some(asset) => HttpResponse::Ok()
            .content_type(asset.mime.as_str())
            .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
            .body(asset.bytes.clone().into_owned()),
        None => HttpResponse::NotFound().finish(),
    }
}
