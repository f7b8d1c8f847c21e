//! Portraits: stored in the private area (never under `/media`), served one request at a
//! time by `GET /portraits/{public_id}/{file}`, which checks on every request that the artisan
//! is named, consents to the photo and has been in the programme long enough — so a withdrawn or
//! expired consent answers 404 at once, and copies cached elsewhere live five minutes at most.
//! Withdrawing photo consent deletes the files (`consent::record` forgets the path).

use actix_web::http::header;
use actix_web::{web, HttpResponse};

use super::models::{PublicArtisan, PublicRules};
use super::queries;
use crate::db;
use crate::error::AppError;
use crate::images::storage::{Area, Storage, StorageError};
use crate::images::store;
use crate::state::AppState;

/// The folder under the private directory.
pub const FOLDER: &str = "portraits";
/// The widths a portrait may have (`images::WIDTHS`); removing one removes each.
pub const ALL_WIDTHS: &str = "400,800,1600";
/// How long a browser or proxy may keep a portrait: a withdrawal reaches them within this.
pub const MAX_AGE_SECONDS: u32 = 300;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/portraits/{public_id}/{file}", web::get().to(serve));
}

/// `{stem}-{width}.jpg` → (stem, width), for names this module writes only.
fn parse_file(file: &str) -> Option<(&str, u32)> {
    let name = file.strip_suffix(".jpg")?;
    let (stem, width) = name.rsplit_once('-')?;
    let width: u32 = width.parse().ok()?;
    let stem_ok = !stem.is_empty() && stem.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    (stem_ok && crate::images::WIDTHS.contains(&width)).then_some((stem, width))
}

/// The stem of a stored portrait path (`portraits/{stem}-800.jpg`); `None` for any other path
/// (a portrait stored under `/media` by an earlier version is not served).
fn stored_stem(path: &str) -> Option<&str> {
    let file = path.strip_prefix("portraits/")?;
    parse_file(file).map(|(stem, _)| stem)
}

/// The key (in the private area) of one width of a stored portrait, for staff pages too.
pub fn file_of(photo_path: &str, width: u32) -> Option<String> {
    let stem = stored_stem(photo_path)?;
    Some(format!("{FOLDER}/{stem}-{width}.jpg"))
}

/// Deletes every copy of a portrait (after the write that forgot it has committed). Copies an
/// earlier version kept in the media area are deleted there.
pub async fn delete_files(storage: &Storage, photo_path: &str) {
    if photo_path.starts_with("portraits/") {
        store::remove_in(storage, Area::Private, FOLDER, photo_path, ALL_WIDTHS).await;
    } else {
        store::remove(storage, photo_path, ALL_WIDTHS).await;
    }
}

/// Reads a stored private file; a missing one is 404.
pub async fn read(storage: &Storage, path: &str) -> Result<Vec<u8>, AppError> {
    match storage.get(Area::Private, path).await {
        Ok(object) => Ok(object.bytes.to_vec()),
        Err(StorageError::NotFound(_) | StorageError::BadPath(_)) => Err(AppError::NotFound),
        Err(e) => Err(AppError::internal_in("reading a stored image", e)),
    }
}

async fn serve(state: web::Data<AppState>, path: web::Path<(String, String)>) -> Result<HttpResponse, AppError> {
    let (public_id, file) = path.into_inner();
    let (stem, width) = parse_file(&file).ok_or(AppError::NotFound)?;
    let rules = PublicRules::now(&state.settings);
    let row = db::run(&state.pool, move |conn| queries::find_by_public_id(conn, &public_id).map_err(AppError::from))
        .await?
        .ok_or(AppError::NotFound)?;
    let photo_path = row.photo_path.clone().ok_or(AppError::NotFound)?;
    // Consent (photo and being named) and the time in the programme, as every public page.
    let shown = PublicArtisan::from_row(row, rules).named.and_then(|n| n.portrait_url).is_some();
    if !shown || stored_stem(&photo_path) != Some(stem) {
        return Err(AppError::NotFound);
    }
    let file = file_of(&photo_path, width).ok_or(AppError::NotFound)?;
    let bytes = read(&state.storage, &file).await?;
    Ok(HttpResponse::Ok()
        .content_type("image/jpeg")
        .insert_header((header::CACHE_CONTROL, format!("public, max-age={MAX_AGE_SECONDS}")))
        .body(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_own_file_names_are_read() {
        assert_eq!(parse_file("Ab_c-d-800.jpg"), Some(("Ab_c-d", 800)));
        for bad in ["../x-800.jpg", "x-801.jpg", "x-800.png", "-800.jpg", "x.jpg", "a/b-400.jpg"] {
            assert_eq!(parse_file(bad), None, "{bad}");
        }
        assert_eq!(stored_stem("portraits/abc-800.jpg"), Some("abc"));
        assert_eq!(stored_stem("pieces/abc-800.jpg"), None);
    }
}
