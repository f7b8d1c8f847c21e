//! Where stored files live: the data directory of this machine (`storage.kind = "local"`, the
//! default) or an S3-compatible bucket every instance shares (`"s3"`), both through
//! `object_store`. Two areas, with the same keys in a directory and in a bucket: `media/…`
//! (piece photos, served at `/media/…` by `serve_media`) and `private/…` (portraits and signed
//! consent forms, served only by the routes that check consent or a staff session).
//!
//! Order of writes across the database and the store: write the object, then the row; delete
//! the row, then the objects. A leftover object is harmless; a row without its object is not.

use std::path::{Path as FsPath, PathBuf};
use std::sync::Arc;

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use bytes::Bytes;
use futures_util::stream::TryStreamExt;
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path as Key;
use object_store::{ObjectStore, PutPayload};
use secrecy::ExposeSecret;

use crate::config::{Settings, StorageSettings};
use crate::error::AppError;

/// How long a browser or proxy may keep a photo from `/media`. Names are random per upload, so
/// a new photo is a new URL; a deleted one may linger this long in a cache.
pub const MEDIA_MAX_AGE_SECONDS: u32 = 3600;

/// The two areas of the store; a key is `{area}/{path}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// Served to anyone at `/media/{path}`.
    Media,
    /// Never served as such: portraits (while consent holds) and consent forms (staff).
    Private,
}

impl Area {
    pub fn folder(self) -> &'static str {
        match self {
            Self::Media => "media",
            Self::Private => "private",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("no stored file at {0}")]
    NotFound(String),
    #[error("`{0}` is not a stored file's name")]
    BadPath(String),
    #[error("the file store failed")]
    Store(#[source] object_store::Error),
    #[error("cannot read {}", .0.display())]
    Read(PathBuf, #[source] std::io::Error),
}

impl From<object_store::Error> for StorageError {
    fn from(e: object_store::Error) -> Self {
        match e {
            object_store::Error::NotFound { path, .. } => Self::NotFound(path),
            other => Self::Store(other),
        }
    }
}

/// A stored file as read back.
#[derive(Debug, Clone)]
pub struct Object {
    pub bytes: Bytes,
    /// The store's own version tag (S3's ETag; for a local file, its inode, size and time).
    pub e_tag: Option<String>,
}

/// The shop's file store, built once at start-up (`AppState::storage`) and cheap to clone.
#[derive(Clone)]
pub struct Storage {
    inner: Arc<dyn ObjectStore>,
    /// "local directory data" or "S3 bucket shop-media at https://…": for logs and the CLI.
    description: String,
    is_s3: bool,
}

impl std::fmt::Debug for Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.description)
    }
}

/// A path inside an area: segments of letters, digits, `_`, `-` and `.` (never `.`/`..` or a
/// leading dot), as every name this shop writes is. Anything else is not ours to read.
fn checked(path: &str) -> Result<&str, StorageError> {
    let ok = !path.is_empty()
        && path.split('/').count() <= 4
        && path.split('/').all(|seg| {
            !seg.is_empty()
                && !seg.starts_with('.')
                && seg.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        });
    if ok {
        Ok(path)
    } else {
        Err(StorageError::BadPath(path.to_string()))
    }
}

fn key(area: Area, path: &str) -> Result<Key, StorageError> {
    let path = checked(path)?;
    Key::parse(format!("{}/{path}", area.folder())).map_err(|_| StorageError::BadPath(path.to_string()))
}

impl Storage {
    /// The store the settings name. A local store creates its two folders under `data_dir`.
    pub fn from_settings(settings: &Settings) -> Result<Self, StorageError> {
        match &settings.storage {
            StorageSettings::Local => Self::local(&settings.data_dir),
            StorageSettings::S3(s3) => {
                let mut b = AmazonS3Builder::new()
                    .with_bucket_name(&s3.bucket)
                    .with_region(&s3.region)
                    .with_access_key_id(&s3.access_key_id)
                    .with_secret_access_key(s3.secret_access_key.expose_secret())
                    .with_allow_http(s3.allow_http);
                if let Some(endpoint) = &s3.endpoint {
                    b = b.with_endpoint(endpoint);
                }
                let where_ = s3.endpoint.clone().unwrap_or_else(|| format!("AWS {}", s3.region));
                Ok(Self {
                    inner: Arc::new(b.build()?),
                    description: format!("S3 bucket {} at {where_}", s3.bucket),
                    is_s3: true,
                })
            }
        }
    }

    /// Files under `{data_dir}/media` and `{data_dir}/private`.
    pub fn local(data_dir: &FsPath) -> Result<Self, StorageError> {
        for area in [Area::Media, Area::Private] {
            let dir = data_dir.join(area.folder());
            std::fs::create_dir_all(&dir).map_err(|e| StorageError::Read(dir, e))?;
        }
        Ok(Self {
            inner: Arc::new(LocalFileSystem::new_with_prefix(data_dir)?),
            description: format!("local directory {}", data_dir.display()),
            is_s3: false,
        })
    }

    pub fn is_s3(&self) -> bool {
        self.is_s3
    }

    pub fn description(&self) -> &str {
        &self.description
    }

    pub async fn put(&self, area: Area, path: &str, bytes: impl Into<Bytes>) -> Result<(), StorageError> {
        let key = key(area, path)?;
        self.inner.put(&key, PutPayload::from_bytes(bytes.into())).await?;
        Ok(())
    }

    /// A stored file; `NotFound` when there is none.
    pub async fn get(&self, area: Area, path: &str) -> Result<Object, StorageError> {
        let key = key(area, path)?;
        let got = self.inner.get(&key).await?;
        let e_tag = got.meta.e_tag.clone();
        let bytes = got.bytes().await?;
        Ok(Object { bytes, e_tag })
    }

    /// Deletes a file; one already gone is fine.
    pub async fn delete(&self, area: Area, path: &str) -> Result<(), StorageError> {
        let key = key(area, path)?;
        match self.inner.delete(&key).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    /// The paths stored under `{area}/{folder}/`, relative to the area ("pieces/abc-800.jpg").
    pub async fn list(&self, area: Area, folder: &str) -> Result<Vec<String>, StorageError> {
        let prefix = key(area, checked(folder)?)?;
        let metas: Vec<_> = self.inner.list(Some(&prefix)).try_collect().await?;
        let strip = format!("{}/", area.folder());
        let mut out: Vec<String> =
            metas.into_iter().filter_map(|m| m.location.as_ref().strip_prefix(&strip).map(str::to_string)).collect();
        out.sort();
        Ok(out)
    }
}

/// What `fairgold media migrate` did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Migrated {
    pub copied: usize,
    /// Already in the store with the same bytes (a second run copies nothing).
    pub unchanged: usize,
}

/// Copies every file under `{data_dir}/media` and `{data_dir}/private` into `to` under the
/// same keys, so a shop that kept its files on disk can move to a bucket. Files already there
/// with the same bytes are left alone; nothing is deleted from the disk.
pub async fn migrate_local(data_dir: &FsPath, to: &Storage) -> Result<Migrated, StorageError> {
    let mut done = Migrated::default();
    for area in [Area::Media, Area::Private] {
        let root = data_dir.join(area.folder());
        for (path, file) in files_under(&root)? {
            let bytes = std::fs::read(&file).map_err(|e| StorageError::Read(file.clone(), e))?;
            match to.get(area, &path).await {
                Ok(existing) if existing.bytes[..] == bytes[..] => done.unchanged += 1,
                Ok(_) | Err(StorageError::NotFound(_)) => {
                    to.put(area, &path, bytes).await?;
                    done.copied += 1;
                }
                Err(e) => return Err(e),
            }
        }
    }
    Ok(done)
}

/// Every file under `root`, as (path relative to `root` with `/`, file). Names this shop
/// did not write (`checked` refuses them) are skipped with a warning.
fn files_under(root: &FsPath) -> Result<Vec<(String, PathBuf)>, StorageError> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(StorageError::Read(dir, e)),
        };
        for entry in entries {
            let entry = entry.map_err(|e| StorageError::Read(dir.clone(), e))?;
            let file = entry.path();
            let kind = entry.file_type().map_err(|e| StorageError::Read(file.clone(), e))?;
            if kind.is_dir() {
                stack.push(file);
            } else if kind.is_file() {
                let rel = file.strip_prefix(root).unwrap_or(&file);
                let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                if checked(&rel).is_ok() {
                    out.push((rel, file));
                } else {
                    tracing::warn!(file = %file.display(), "not copied: not a name the shop writes");
                }
            }
        }
    }
    out.sort();
    Ok(out)
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).as_deref() {
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("png") => "image/png",
        Some("webp") => "image/webp",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// An HTTP entity tag for a store's version tag (S3's already carries its quotes).
fn entity_tag(tag: &str) -> String {
    if tag.starts_with('"') || tag.starts_with("W/") {
        tag.to_string()
    } else {
        format!("\"{tag}\"")
    }
}

/// `GET /media/{path}`: a photo from the media area of whichever store is configured, so the
/// URLs stay the same on disk and in a bucket, and every instance serves every upload.
pub async fn serve_media(
    storage: web::Data<Storage>,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let path = path.into_inner();
    let object = match storage.get(Area::Media, &path).await {
        Ok(o) => o,
        Err(StorageError::NotFound(_) | StorageError::BadPath(_)) => return Err(AppError::NotFound),
        Err(e) => return Err(AppError::internal_in("reading a stored photo", e)),
    };
    let etag = object.e_tag.as_deref().map(entity_tag);
    let cache = format!("public, max-age={MEDIA_MAX_AGE_SECONDS}");
    if let (Some(tag), Some(asked)) = (&etag, req.headers().get(header::IF_NONE_MATCH)) {
        if asked.to_str().is_ok_and(|a| a.split(',').any(|t| t.trim() == tag || t.trim() == "*")) {
            return Ok(HttpResponse::NotModified()
                .insert_header((header::ETAG, tag.clone()))
                .insert_header((header::CACHE_CONTROL, cache))
                .finish());
        }
    }
    let mut res = HttpResponse::Ok();
    res.content_type(content_type(&path)).insert_header((header::CACHE_CONTROL, cache));
    if let Some(tag) = etag {
        res.insert_header((header::ETAG, tag));
    }
    Ok(res.body(object.bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_the_shop_writes_are_keys() {
        for good in ["pieces/abc-800.jpg", "portraits/A_b-c-400.jpg", "pieces/kol-rng-0012.svg"] {
            assert!(checked(good).is_ok(), "{good}");
        }
        for bad in ["", "../private/x.jpg", "pieces/../x", "pieces//x", ".env", "pieces/.x", "a b", "a/b/c/d/e"] {
            assert!(checked(bad).is_err(), "{bad}");
        }
        assert_eq!(key(Area::Private, "portraits/x-400.jpg").unwrap().as_ref(), "private/portraits/x-400.jpg");
    }

    #[test]
    fn entity_tags_are_quoted_once() {
        assert_eq!(entity_tag("abc"), "\"abc\"");
        assert_eq!(entity_tag("\"abc\""), "\"abc\"");
    }
}
