//! Naming and writing the re-encoded copies: `pieces/{random}-{width}.jpg` in the media area,
//! or `{folder}/…` in the private area (portraits, signed forms), through `storage::Storage`.
//! The random part (18 bytes from the OS) makes the names unguessable, so a draft's photos
//! cannot be found by trying names. Only processed copies are ever written, never an upload.

use super::process::Variant;
use super::storage::{Area, Storage, StorageError};
use crate::crypto;

/// What was written, for the `piece_images` row.
#[derive(Debug, Clone)]
pub struct Stored {
    /// The main copy (800 px wide, or the largest), relative to its area.
    pub path: String,
    /// The widths written, smallest first: "400,800,1600".
    pub variants: String,
    pub width: u32,
    pub height: u32,
}

pub const FOLDER: &str = "pieces";
const MAIN_WIDTH: u32 = 800;

/// Writes every copy of a piece photo to the media area; on any failure removes what it wrote.
pub async fn save(storage: &Storage, variants: &[Variant]) -> Result<Stored, StorageError> {
    save_in(storage, Area::Media, FOLDER, variants).await
}

/// Writes every copy under `{area}/{folder}/`; on any failure removes what it wrote. Call it
/// before the row that names the copies is written (a leftover file is harmless, a row
/// without its file is not).
pub async fn save_in(
    storage: &Storage,
    area: Area,
    folder: &str,
    variants: &[Variant],
) -> Result<Stored, StorageError> {
    let main = variants
        .iter()
        .find(|v| v.width == MAIN_WIDTH)
        .or_else(|| variants.iter().max_by_key(|v| v.width))
        .ok_or_else(|| StorageError::BadPath("no image copies to store".into()))?;
    let stem = crypto::random_token(18);
    let mut written: Vec<String> = Vec::new();
    for v in variants {
        let path = format!("{folder}/{stem}-{}.jpg", v.width);
        if let Err(e) = storage.put(area, &path, v.jpeg.clone()).await {
            written.push(path);
            for p in &written {
                let _ = storage.delete(area, p).await;
            }
            return Err(e);
        }
        written.push(path);
    }
    Ok(Stored {
        path: format!("{folder}/{stem}-{}.jpg", main.width),
        variants: variants.iter().map(|v| v.width.to_string()).collect::<Vec<_>>().join(","),
        width: main.width,
        height: main.height,
    })
}

/// Removes a piece photo's copies: every variant, and the main path.
pub async fn remove(storage: &Storage, path: &str, variants: &str) {
    remove_in(storage, Area::Media, FOLDER, path, variants).await
}

/// Removes an image's copies under `{area}/{folder}/`, after the write that forgot them has
/// committed. Missing files are fine (already gone); other failures are logged, not fatal:
/// the row is what the shop shows.
pub async fn remove_in(storage: &Storage, area: Area, folder: &str, path: &str, variants: &str) {
    let mut paths: Vec<String> = super::variant_paths(path, variants).into_iter().map(|(_, p)| p).collect();
    paths.push(path.to_string());
    for p in paths {
        // Only our own folder, never a path that climbs out of it.
        if p.strip_prefix(folder).is_none_or(|rest| !rest.starts_with('/')) || p.contains("..") {
            continue;
        }
        if let Err(e) = storage.delete(area, &p).await {
            tracing::warn!(path = %p, error = %e, "could not remove a stored image");
        }
    }
}

/// Writes the copies as files under `{dir}/{folder}/` on this machine, synchronously: for the
/// demo seed, which runs inside a database call and writes into the data directory (a shop
/// whose store is a bucket copies them there: `startup`, `fairgold media migrate`).
pub fn save_on_disk(dir: &std::path::Path, folder: &str, variants: &[Variant]) -> std::io::Result<Stored> {
    use std::io::Write;
    let main = variants
        .iter()
        .find(|v| v.width == MAIN_WIDTH)
        .or_else(|| variants.iter().max_by_key(|v| v.width))
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "no image copies to store"))?;
    let dir = dir.join(folder);
    std::fs::create_dir_all(&dir)?;
    let stem = crypto::random_token(18);
    for v in variants {
        let mut f = std::fs::File::create_new(dir.join(format!("{stem}-{}.jpg", v.width)))?;
        f.write_all(&v.jpeg)?;
    }
    Ok(Stored {
        path: format!("{folder}/{stem}-{}.jpg", main.width),
        variants: variants.iter().map(|v| v.width.to_string()).collect::<Vec<_>>().join(","),
        width: main.width,
        height: main.height,
    })
}
