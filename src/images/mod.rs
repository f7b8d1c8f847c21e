//! Piece photos: an upload is decoded under strict limits, re-encoded from its pixels alone (so
//! no EXIF, GPS, XMP, comment or ICC data survives: a workshop photo must not say where the
//! workshop is) and stored as resized JPEG copies with unguessable names. The uploaded bytes
//! themselves are never written anywhere they could be served.

pub mod jobs;
pub mod process;
pub mod storage;
pub mod store;
pub mod upload;

pub use jobs::Jobs;
pub use process::{process, UploadError, Variant, MAX_UPLOAD_BYTES, WIDTHS};
pub use storage::{Area, Storage};

/// The public address of a stored copy (a path relative to the media area, `storage::serve_media`).
pub fn media_url(path: &str) -> String {
    format!("/media/{path}")
}

/// Alt text for a photo: what it shows, for people who cannot see it. Required, one line,
/// at most 200 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AltText(String);

impl AltText {
    pub const MAX_CHARS: usize = 200;

    pub fn parse(input: &str) -> Result<Self, &'static str> {
        let text = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            Err("describe what the photo shows (alt text), e.g. \"Lotus ring seen from above\"")
        } else if text.chars().count() > Self::MAX_CHARS {
            Err("keep the alt text to 200 characters or fewer")
        } else {
            Ok(Self(text))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The stored copies of an image, smallest first, as `(width, path)` with paths relative to
/// the media directory. `path` is the stored main copy ("pieces/abc-800.jpg") and `variants`
/// its widths ("400,800,1600"); an image without variants (a demo SVG) has only `path`.
pub fn variant_paths(path: &str, variants: &str) -> Vec<(u32, String)> {
    let Some((base, _)) = path.rsplit_once('-') else {
        return Vec::new();
    };
    let mut out: Vec<(u32, String)> = variants
        .split(',')
        .filter_map(|w| w.trim().parse::<u32>().ok())
        .map(|w| (w, format!("{base}-{w}.jpg")))
        .collect();
    out.sort_by_key(|(w, _)| *w);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_paths_follow_the_main_path() {
        assert_eq!(
            variant_paths("pieces/a-b_c-800.jpg", "400,800,1600"),
            vec![
                (400, "pieces/a-b_c-400.jpg".to_string()),
                (800, "pieces/a-b_c-800.jpg".to_string()),
                (1600, "pieces/a-b_c-1600.jpg".to_string())
            ]
        );
        assert!(variant_paths("pieces/lotus.svg", "").is_empty());
    }

    #[test]
    fn alt_text_is_one_trimmed_line() {
        assert_eq!(AltText::parse("  Lotus\n ring ").unwrap().as_str(), "Lotus ring");
        assert!(AltText::parse("   ").is_err());
        assert!(AltText::parse(&"a".repeat(201)).is_err());
        assert!(AltText::parse(&"a".repeat(200)).is_ok());
    }
}
