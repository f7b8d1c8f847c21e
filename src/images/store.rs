//! Where the re-encoded copies live: `{media_dir}/pieces/{random}-{width}.jpg`. The random part
//! (18 bytes from the OS) makes the names unguessable, so a draft's photos cannot be found by
//! trying names. Only processed copies are ever written here, never an upload.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::process::Variant;
use crate::crypto;

/// What was written, for the `piece_images` row.
#[derive(Debug, Clone)]
pub struct Stored {
    /// The main copy (800 px wide, or the largest), relative to the media directory.
    pub path: String,
    /// The widths written, smallest first: "400,800,1600".
    pub variants: String,
    pub width: u32,
    pub height: u32,
}

const FOLDER: &str = "pieces";
const MAIN_WIDTH: u32 = 800;

/// Writes every copy of a piece photo; on any failure removes what it wrote.
pub fn save(media_dir: &Path, variants: &[Variant]) -> io::Result<Stored> {
    save_in(media_dir, FOLDER, variants)
}

/// Writes every copy under `{dir}/{folder}/` (portraits and signed forms live in the private
/// directory, which no static route serves); on any failure removes what it wrote.
pub fn save_in(dir: &Path, folder: &str, variants: &[Variant]) -> io::Result<Stored> {
    let main = variants
        .iter()
        .find(|v| v.width == MAIN_WIDTH)
        .or_else(|| variants.iter().max_by_key(|v| v.width))
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no image copies to store"))?;
    let dir = dir.join(folder);
    fs::create_dir_all(&dir)?;
    let stem = crypto::random_token(18);
    let mut written: Vec<PathBuf> = Vec::new();
    for v in variants {
        let file = dir.join(format!("{stem}-{}.jpg", v.width));
        let result = fs::File::create_new(&file).and_then(|mut f| {
            f.write_all(&v.jpeg)?;
            f.sync_all()
        });
        if let Err(e) = result {
            written.push(file);
            for f in &written {
                let _ = fs::remove_file(f);
            }
            return Err(e);
        }
        written.push(file);
    }
    Ok(Stored {
        path: format!("{folder}/{stem}-{}.jpg", main.width),
        variants: variants.iter().map(|v| v.width.to_string()).collect::<Vec<_>>().join(","),
        width: main.width,
        height: main.height,
    })
}

/// Removes an image's files: every variant, and the main path. Missing files are fine
/// (already gone); other failures are logged, not fatal — the row is what the shop shows.
pub fn remove(media_dir: &Path, path: &str, variants: &str) {
    remove_in(media_dir, FOLDER, path, variants)
}

/// Removes an image's files under `{dir}/{folder}/` (see `remove`).
pub fn remove_in(dir: &Path, folder: &str, path: &str, variants: &str) {
    let mut paths: Vec<String> = super::variant_paths(path, variants).into_iter().map(|(_, p)| p).collect();
    paths.push(path.to_string());
    for p in paths {
        // Only our own folder, never a path that climbs out of it.
        if p.strip_prefix(folder).is_none_or(|rest| !rest.starts_with('/')) || p.contains("..") {
            continue;
        }
        match fs::remove_file(dir.join(&p)) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => tracing::warn!(path = %p, error = %e, "could not remove an image file"),
        }
    }
}
