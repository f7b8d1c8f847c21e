//! Turning uploaded bytes into safe, resized JPEGs. Everything here works in memory: the
//! upload is decoded with size limits (a "decompression bomb" — a small file declaring a huge
//! picture — is refused before its pixels are allocated), straight into plain RGB pixels, and
//! encoded again. Encoding from pixels is what strips the metadata: nothing of the original
//! file but its picture is carried over.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{ColorType, DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};

/// The largest upload accepted (15 MiB).
pub const MAX_UPLOAD_BYTES: usize = 15 * 1024 * 1024;
/// The widths of the stored copies; none is made wider than the original.
pub const WIDTHS: [u32; 3] = [400, 800, 1600];
/// Neither side of an upload may be longer than this.
pub const MAX_SIDE: u32 = 12_000;
/// The most pixels an upload may have: 24 megapixels (6,000 × 4,000, a full-size camera
/// photo; the largest stored copy is 1,600 wide). As 8-bit RGB that is 72 MB in memory, and
/// the resizing needs about as much again: with two jobs at a time (`images::Jobs`) an
/// instance spends at most ~300 MB on photos, however many are uploaded.
pub const MAX_PIXELS: u64 = 24_000_000;
/// The most memory the decoder may allocate: 24 megapixels at 8 bytes (16-bit RGBA, the
/// widest PNG), a backstop behind `MAX_PIXELS`.
pub const MAX_DECODED_BYTES: u64 = MAX_PIXELS * 8;
const JPEG_QUALITY: u8 = 85;

/// Why an upload was refused, in words for the person who sent it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UploadError {
    #[error("choose a photo to upload")]
    Missing,
    #[error("the photo is larger than 15 MB; export a smaller copy (about 3,000 pixels wide is plenty) and try again")]
    TooLarge,
    #[error("this file is not a JPEG, PNG or WebP image")]
    NotAnImage,
    #[error("this image could not be read: the file is damaged or incomplete")]
    Damaged,
    #[error(
        "this image is too large to process: at most 12,000 pixels on a side and 24 megapixels \
         (6,000 × 4,000); export a smaller copy and try again"
    )]
    TooManyPixels,
    #[error("this photo is only {0} pixels wide; upload one at least 400 pixels wide")]
    TooSmall(u32),
    #[error("the photo was not saved: other photos are being processed right now; wait a minute and upload it again")]
    Busy,
    #[error("the photo could not be processed")]
    Internal(String),
}

/// One re-encoded copy: JPEG bytes with no metadata.
#[derive(Debug, Clone)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub jpeg: Vec<u8>,
}

fn limits() -> Limits {
    let mut l = Limits::default();
    l.max_image_width = Some(MAX_SIDE);
    l.max_image_height = Some(MAX_SIDE);
    l.max_alloc = Some(MAX_DECODED_BYTES);
    l
}

fn classify(e: image::ImageError) -> UploadError {
    match e {
        image::ImageError::Limits(_) => UploadError::TooManyPixels,
        image::ImageError::Unsupported(_) => UploadError::NotAnImage,
        image::ImageError::Decoding(_) | image::ImageError::IoError(_) => UploadError::Damaged,
        other => UploadError::Internal(other.to_string()),
    }
}

/// A JPEG whose data was cut off has no end-of-image marker after its last scan. (Inside
/// the compressed data a 0xFF byte is always followed by 0x00 or a restart marker, so the
/// markers found here are real.) The decoder would otherwise fill the missing part with grey.
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let last_scan = bytes.windows(2).rposition(|w| w == [0xFF, 0xDA]);
    match last_scan {
        Some(at) => bytes[at..].windows(2).any(|w| w == [0xFF, 0xD9]),
        None => false,
    }
}

/// Decodes an upload and returns its copies, smallest first: one per width in `WIDTHS` that
/// is not wider than the picture. Refuses anything that is not a complete JPEG, PNG or WebP
/// within the limits above.
pub fn process(bytes: &[u8]) -> Result<Vec<Variant>, UploadError> {
    if bytes.is_empty() {
        return Err(UploadError::Missing);
    }
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(UploadError::TooLarge);
    }
    let format = image::guess_format(bytes).map_err(|_| UploadError::NotAnImage)?;
    if !matches!(format, ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) {
        return Err(UploadError::NotAnImage);
    }
    if format == ImageFormat::Jpeg && !jpeg_is_complete(bytes) {
        return Err(UploadError::Damaged);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    // `into_decoder` checks the declared size against the limits before any pixel is read.
    let mut decoder = reader.into_decoder().map_err(classify)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS || decoder.total_bytes() > MAX_DECODED_BYTES {
        return Err(UploadError::TooManyPixels);
    }
    // The camera's rotation lives in EXIF, which is dropped: apply it to the pixels first.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let pixels = decode_rgb(decoder)?;
    let pixels = if orientation == Orientation::NoTransforms {
        pixels
    } else {
        let mut picture = DynamicImage::ImageRgb8(pixels);
        picture.apply_orientation(orientation);
        picture.into_rgb8()
    };
    if pixels.width() < WIDTHS[0] {
        return Err(UploadError::TooSmall(pixels.width()));
    }
    variants(&pixels)
}

/// The picture as 8-bit RGB. The usual 8-bit RGB and RGBA files are decoded straight into one
/// buffer (RGBA laid on white in place), so only one copy of the pixels is ever held; other
/// layouts (grey, 16-bit) go through `image`'s conversion.
fn decode_rgb(decoder: impl ImageDecoder) -> Result<RgbImage, UploadError> {
    let (w, h) = decoder.dimensions();
    let color = decoder.color_type();
    if !matches!(color, ColorType::Rgb8 | ColorType::Rgba8) {
        return Ok(flatten(DynamicImage::from_decoder(decoder).map_err(classify)?));
    }
    let size = usize::try_from(decoder.total_bytes()).map_err(|_| UploadError::TooManyPixels)?;
    let mut buf = vec![0u8; size];
    decoder.read_image(&mut buf).map_err(classify)?;
    if color == ColorType::Rgba8 {
        // Pixel i moves from 4i to 3i: never ahead of what is still to be read.
        for i in 0..size / 4 {
            let a = u32::from(buf[4 * i + 3]);
            for c in 0..3 {
                buf[3 * i + c] = over_white(buf[4 * i + c], a);
            }
        }
        buf.truncate(size / 4 * 3);
        buf.shrink_to_fit();
    }
    RgbImage::from_raw(w, h, buf).ok_or_else(|| UploadError::Internal("decoded size mismatch".into()))
}

fn over_white(c: u8, a: u32) -> u8 {
    ((u32::from(c) * a + 255 * (255 - a) + 127) / 255) as u8
}

/// RGB pixels; transparency is laid on white (JPEG has no alpha, and white suits jewelry).
fn flatten(picture: DynamicImage) -> RgbImage {
    if !picture.color().has_alpha() {
        return picture.into_rgb8();
    }
    let rgba = picture.into_rgba8();
    let (w, h) = rgba.dimensions();
    RgbImage::from_fn(w, h, |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let a = u32::from(a);
        image::Rgb([over_white(r, a), over_white(g, a), over_white(b, a)])
    })
}

fn variants(pixels: &RgbImage) -> Result<Vec<Variant>, UploadError> {
    let (w0, h0) = pixels.dimensions();
    let mut out = Vec::new();
    // Largest first, each made from the previous one: quicker than resizing the original
    // every time, and as sharp.
    let mut source: Option<RgbImage> = None;
    for &width in WIDTHS.iter().rev().filter(|w| **w <= w0) {
        let height = ((u64::from(h0) * u64::from(width) + u64::from(w0) / 2) / u64::from(w0)).max(1) as u32;
        let from = source.as_ref().unwrap_or(pixels);
        let resized = if width == w0 {
            pixels.clone()
        } else {
            image::imageops::resize(from, width, height, FilterType::Lanczos3)
        };
        let mut jpeg = Vec::new();
        JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY)
            .encode_image(&resized)
            .map_err(|e| UploadError::Internal(e.to_string()))?;
        out.push(Variant { width, height, jpeg });
        source = Some(resized);
    }
    out.reverse();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let img = RgbImage::from_fn(w, h, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, 90).encode_image(&img).unwrap();
        out
    }

    #[test]
    fn copies_are_never_wider_than_the_original() {
        let v = process(&jpeg(1000, 500)).unwrap();
        assert_eq!(v.iter().map(|v| (v.width, v.height)).collect::<Vec<_>>(), vec![(400, 200), (800, 400)]);
        let v = process(&jpeg(1600, 1200)).unwrap();
        assert_eq!(v.iter().map(|v| v.width).collect::<Vec<_>>(), vec![400, 800, 1600]);
    }

    #[test]
    fn bad_uploads_are_refused_with_a_reason() {
        let good = jpeg(500, 500);
        assert_eq!(process(&good[..good.len() / 2]).unwrap_err(), UploadError::Damaged);
        assert_eq!(process(b"hello, this is text").unwrap_err(), UploadError::NotAnImage);
        assert_eq!(process(&jpeg(300, 300)).unwrap_err(), UploadError::TooSmall(300));
        assert_eq!(process(&[]).unwrap_err(), UploadError::Missing);
    }
}
