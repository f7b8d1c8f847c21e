//! Piece photos in the back office: an upload carrying GPS (as a workshop phone photo does)
//! is served only as re-encoded copies with no metadata at all, in three widths with a
//! srcset; broken, hostile or oversized uploads are refused with a clear message and leave
//! nothing behind; photos are reordered and deleted with their files.

use std::io::Write;
use std::path::Path;

use diesel::prelude::*;
use fairgold::schema::{audit_log, piece_images};
use image::codecs::jpeg::JpegEncoder;

use crate::admin_pieces::{location, unescape};
use crate::helpers::{Part, PieceFixture, Session, TestApp};

/// A photo's row as the tests look at it.
#[derive(Debug, Clone, Queryable)]
pub(crate) struct Photo {
    pub(crate) id: i64,
    pub(crate) path: String,
    alt: String,
    width: i32,
    height: i32,
    position: i32,
    pub(crate) variants: String,
}

pub(crate) fn photos(app: &TestApp, piece_id: i64) -> Vec<Photo> {
    app.with_conn(|c| {
        piece_images::table
            .filter(piece_images::piece_id.eq(piece_id))
            .order(piece_images::position)
            .select((
                piece_images::id,
                piece_images::path,
                piece_images::alt_text,
                piece_images::width,
                piece_images::height,
                piece_images::position,
                piece_images::variants,
            ))
            .load::<Photo>(c)
    })
    .unwrap()
}

/// A TIFF/EXIF block (big-endian) with a camera make and a GPSInfo IFD holding a position
/// (22°34'12.34" N, 88°21'56.78" E), as a phone writes it.
fn exif_with_gps() -> Vec<u8> {
    fn entry(out: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]) {
        out.extend(tag.to_be_bytes());
        out.extend(kind.to_be_bytes());
        out.extend(count.to_be_bytes());
        out.extend(value);
    }
    const ASCII: u16 = 2;
    const LONG: u16 = 4;
    const RATIONAL: u16 = 5;
    let make = b"FairCam\0";
    // Layout: header 8 | IFD0 (2 entries) 30 | make 8 | GPS IFD (4 entries) 54 | 2 × 3 rationals 48.
    let (ifd0, make_at) = (8u32, 38u32);
    let gps_at = make_at + make.len() as u32;
    let lat_at = gps_at + 2 + 4 * 12 + 4;
    let lon_at = lat_at + 24;
    let mut t = b"MM\0\x2a".to_vec();
    t.extend(ifd0.to_be_bytes());
    t.extend(2u16.to_be_bytes());
    entry(&mut t, 0x010F, ASCII, make.len() as u32, make_at.to_be_bytes());
    entry(&mut t, 0x8825, LONG, 1, gps_at.to_be_bytes());
    t.extend(0u32.to_be_bytes());
    assert_eq!(t.len() as u32, make_at);
    t.extend(make);
    t.extend(4u16.to_be_bytes());
    entry(&mut t, 0x0001, ASCII, 2, *b"N\0\0\0");
    entry(&mut t, 0x0002, RATIONAL, 3, lat_at.to_be_bytes());
    entry(&mut t, 0x0003, ASCII, 2, *b"E\0\0\0");
    entry(&mut t, 0x0004, RATIONAL, 3, lon_at.to_be_bytes());
    t.extend(0u32.to_be_bytes());
    assert_eq!(t.len() as u32, lat_at);
    for (num, den) in [(22u32, 1u32), (34, 1), (1234, 100), (88, 1), (21, 1), (5678, 100)] {
        t.extend(num.to_be_bytes());
        t.extend(den.to_be_bytes());
    }
    t
}

fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let mut s = vec![0xFF, marker];
    s.extend(((payload.len() + 2) as u16).to_be_bytes());
    s.extend(payload);
    s
}

/// A `width` × `height` JPEG with an EXIF APP1 segment carrying GPS, and a comment naming a
/// (made-up) workshop street: everything a careless upload would leak.
pub fn photo_with_gps(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 255 / width) as u8, (y * 255 / height) as u8, ((x + y) % 200) as u8 + 40])
    });
    let mut plain = Vec::new();
    JpegEncoder::new_with_quality(&mut plain, 90).encode_image(&img).unwrap();
    assert_eq!(&plain[..2], [0xFF, 0xD8]);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(exif_with_gps());
    let mut out = plain[..2].to_vec();
    out.extend(segment(0xE1, &app1));
    out.extend(segment(0xFE, b"Workshop: 12 Hidden Lane"));
    out.extend(&plain[2..]);
    out
}

/// The markers of a JPEG's header segments, up to the first scan.
fn header_markers(jpeg: &[u8]) -> Vec<u8> {
    assert_eq!(&jpeg[..2], [0xFF, 0xD8], "starts with SOI");
    let mut at = 2;
    let mut markers = Vec::new();
    while at + 4 <= jpeg.len() {
        assert_eq!(jpeg[at], 0xFF, "a marker at {at}");
        let marker = jpeg[at + 1];
        markers.push(marker);
        if marker == 0xDA {
            break;
        }
        let len = u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]) as usize;
        at += 2 + len;
    }
    markers
}

/// A PNG whose header declares `width` × `height` pixels but whose data is a few KB of
/// compressed zeros: a decompression bomb.
fn png_declaring(width: u32, height: u32) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend(kind);
        out.extend(data);
        out.extend(crc.sum().to_be_bytes());
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]); // 8-bit RGB
    chunk(&mut out, b"IHDR", &ihdr);
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(&vec![0u8; 4 << 20]).unwrap();
    chunk(&mut out, b"IDAT", &z.finish().unwrap());
    chunk(&mut out, b"IEND", &[]);
    out
}

/// A file part: (file name, content type, bytes).
pub type File<'a> = (&'a str, &'a str, &'a [u8]);

/// A refused upload: (what it is, alt text, file, the field whose message, the message's start).
type Case<'a> = (&'a str, Option<&'a str>, Option<File<'a>>, &'a str, &'a str);

pub async fn upload(
    app: &TestApp,
    session: &Session,
    piece_id: i64,
    alt: Option<&str>,
    file: Option<File<'_>>,
) -> reqwest::Response {
    upload_with_token(app, session, piece_id, Some(&session.csrf), alt, file).await
}

/// Posts the upload form as a browser does (`multipart/form-data`).
pub async fn upload_with_token(
    app: &TestApp,
    session: &Session,
    piece_id: i64,
    token: Option<&str>,
    alt: Option<&str>,
    file: Option<File<'_>>,
) -> reqwest::Response {
    let mut parts = Vec::new();
    if let Some(t) = token {
        parts.push(Part::Text("csrf_token", t));
    }
    if let Some(a) = alt {
        parts.push(Part::Text("alt", a));
    }
    if let Some((filename, content_type, bytes)) = file {
        parts.push(Part::File { name: "image", filename, content_type, bytes });
    }
    app.post_multipart(&format!("/admin/pieces/{piece_id}/images"), Some(session), &parts).await
}

/// Every file under a directory, recursively.
pub(crate) fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(files_under(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

fn media_dir(app: &TestApp) -> std::path::PathBuf {
    app.data_dir.join("media")
}

/// The stored copies of a photo, by width.
pub(crate) fn copies(photo: &Photo) -> Vec<(u32, String)> {
    let stem = photo.path.rsplit_once('-').unwrap().0;
    photo.variants.split(',').map(|w| (w.parse().unwrap(), format!("/media/{stem}-{w}.jpg"))).collect()
}

async fn signed_in_manager(app: &TestApp) -> Session {
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    app.sign_in("rupa@fairgold.test").await
}

#[tokio::test]
async fn an_uploaded_photo_loses_every_trace_of_where_it_was_taken() {
    let app = TestApp::spawn().await;
    let me = signed_in_manager(&app).await;
    let id = app.piece(PieceFixture::new("Lotus ring"));
    // The fixture's placeholder image goes, so the upload becomes the cover.
    let fixture_image = photos(&app, id)[0].id;
    let res = app.post_form(&format!("/admin/pieces/{id}/images/{fixture_image}/delete"), Some(&me), &[]).await;
    assert_eq!(res.status().as_u16(), 303);

    let original = photo_with_gps(1700, 1100);
    let exif =
        exif::Reader::new().read_from_container(&mut std::io::Cursor::new(&original)).expect("EXIF in the input");
    assert!(exif.get_field(exif::Tag::GPSLatitude, exif::In::PRIMARY).is_some(), "the input carries GPS");
    assert!(exif.get_field(exif::Tag::GPSLongitude, exif::In::PRIMARY).is_some());
    assert!(exif.get_field(exif::Tag::Make, exif::In::PRIMARY).is_some());

    let res =
        upload(&app, &me, id, Some("Lotus ring seen from above"), Some(("IMG_2041.jpg", "image/jpeg", &original)))
            .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), format!("/admin/pieces/{id}?done=photo_added#photos"));
    let stored = photos(&app, id);
    assert_eq!(stored.len(), 1);
    let photo = &stored[0];
    assert_eq!(photo.variants, "400,800,1600");
    assert_eq!((photo.width, photo.height), (800, 518), "the main copy is the 800 px one");
    assert_eq!(photo.alt, "Lotus ring seen from above");
    assert!(photo.path.starts_with("pieces/") && photo.path.ends_with("-800.jpg"), "{}", photo.path);
    let stem = photo.path.trim_start_matches("pieces/").trim_end_matches("-800.jpg");
    assert!(stem.len() >= 24 && !stem.contains("IMG_2041"), "a random name, not the upload's: {stem}");

    for (width, url) in copies(photo) {
        let res = app.get(&url).await;
        assert_eq!(res.status().as_u16(), 200, "{url}");
        let bytes = res.bytes().await.unwrap().to_vec();
        let decoded = image::load_from_memory(&bytes).expect("a JPEG");
        assert_eq!(decoded.width(), width, "{url}");
        assert_eq!(decoded.height(), (1100 * width + 850) / 1700, "{url} keeps the aspect ratio");
        assert!(
            exif::Reader::new().read_from_container(&mut std::io::Cursor::new(&bytes)).is_err(),
            "{url} has no EXIF"
        );
        let markers = header_markers(&bytes);
        assert!(
            markers.iter().all(|m| !(0xE1..=0xEF).contains(m) && *m != 0xFE),
            "{url}: only JFIF and image segments, got {markers:x?}"
        );
        for needle in [&b"Exif"[..], b"FairCam", b"Workshop", b"Hidden Lane"] {
            assert!(!bytes.windows(needle.len()).any(|w| w == needle), "{url} contains {needle:?}");
        }
    }

    // The original upload is nowhere in the media directory (nor is any file with its EXIF).
    let files = files_under(&media_dir(&app));
    assert_eq!(files.len(), 3, "three copies: {files:?}");
    for f in &files {
        let content = std::fs::read(f).unwrap();
        assert_ne!(content, original, "{f:?} is the original upload");
        assert!(!content.windows(7).any(|w| w == b"FairCam"), "{f:?} carries the camera's metadata");
    }

    let edit = app.get_as(&format!("/admin/pieces/{id}"), &me).await.text().await.unwrap();
    assert!(unescape(&edit).contains(&format!("src=\"{}\"", copies(photo)[0].1)), "a 400 px thumbnail");
    assert!(edit.contains("alt=\"Lotus ring seen from above\""));

    // The storefront offers every width to the browser.
    let expected = copies(photo).iter().map(|(w, u)| format!("{u} {w}w")).collect::<Vec<_>>().join(", ");
    let page = unescape(&app.page("/pieces/lotus-ring", 200).await);
    assert!(page.contains(&format!("srcset=\"{expected}\" sizes=\"")), "piece page srcset: {expected}");
    let list = unescape(&app.page("/pieces", 200).await);
    assert!(list.contains(&format!("srcset=\"{expected}\"")), "card srcset");

    // A narrower photo is never enlarged.
    let res =
        upload(&app, &me, id, Some("Side view"), Some(("side.jpg", "image/jpeg", &photo_with_gps(1000, 700)))).await;
    assert_eq!(res.status().as_u16(), 303);
    let second = &photos(&app, id)[1];
    assert_eq!((second.variants.as_str(), second.width, second.height, second.position), ("400,800", 800, 560, 1));

    let added: i64 = app
        .with_conn(|c| {
            audit_log::table
                .filter(audit_log::action.eq("piece.image.add"))
                .filter(audit_log::entity_id.eq(id.to_string()))
                .count()
                .get_result(c)
        })
        .unwrap();
    assert_eq!(added, 2, "each upload is in the audit log");
}

#[tokio::test]
async fn demo_images_without_copies_keep_a_plain_img() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture::new("Plain ring"));
    let page = app.page("/pieces/plain-ring", 200).await;
    assert!(unescape(&page).contains("<img src=\"/media/pieces/test-"), "the SVG is still shown");
    assert!(!page.contains("srcset"), "no srcset without copies");
}

#[tokio::test]
async fn broken_hostile_and_oversized_uploads_are_refused_and_leave_nothing() {
    let app = TestApp::spawn().await;
    let me = signed_in_manager(&app).await;
    let id = app.piece(PieceFixture::new("Guarded ring"));
    let good = photo_with_gps(900, 600);
    let bomb = png_declaring(50_000, 50_000);
    assert!(bomb.len() < 64 * 1024, "the bomb is small on the wire: {} bytes", bomb.len());
    let dense = png_declaring(12_000, 12_000);
    let huge = {
        let mut v = good.clone();
        v.resize(16 * 1024 * 1024, 0);
        v
    };
    let tiny = photo_with_gps(300, 200);
    let long_alt = "a".repeat(201);
    let cases: Vec<Case> = vec![
        (
            "a text file",
            Some("Notes"),
            Some(("notes.txt", "text/plain", b"just some notes, not a photo")),
            "f-image-error",
            "This file is not a JPEG, PNG or WebP image.",
        ),
        (
            "a truncated JPEG",
            Some("Half a ring"),
            Some(("half.jpg", "image/jpeg", &good[..good.len() / 2])),
            "f-image-error",
            "This image could not be read: the file is damaged or incomplete.",
        ),
        (
            "a PNG declaring 50,000 × 50,000 pixels",
            Some("Bomb"),
            Some(("bomb.png", "image/png", &bomb)),
            "f-image-error",
            "This image is too large to process",
        ),
        (
            "a PNG of 12,000 × 12,000 pixels (too much memory)",
            Some("Dense"),
            Some(("dense.png", "image/png", &dense)),
            "f-image-error",
            "This image is too large to process",
        ),
        (
            "a photo narrower than 400 px",
            Some("Tiny"),
            Some(("tiny.jpg", "image/jpeg", &tiny)),
            "f-image-error",
            "This photo is only 300 pixels wide",
        ),
        (
            "no alt text",
            Some("   "),
            Some(("ring.jpg", "image/jpeg", &good)),
            "f-alt-error",
            "Describe what the photo shows (alt text)",
        ),
        ("no alt field", None, Some(("ring.jpg", "image/jpeg", &good)), "f-alt-error", "Describe what the photo"),
        (
            "alt text over 200 characters",
            Some(&long_alt),
            Some(("ring.jpg", "image/jpeg", &good)),
            "f-alt-error",
            "Keep the alt text to 200 characters or fewer.",
        ),
        ("no file", Some("Nothing"), None, "f-image-error", "Choose a photo to upload."),
    ];
    for (what, alt, file, field, message) in cases {
        let res = upload(&app, &me, id, alt, file).await;
        assert_eq!(res.status().as_u16(), 422, "{what}");
        let html = res.text().await.unwrap();
        let marker = format!("<p class=\"field-error\" id=\"{field}\">");
        let at = html.find(&marker).unwrap_or_else(|| panic!("{what}: no message by the field")) + marker.len();
        assert!(html[at..].starts_with(message), "{what}: {}", &html[at..at + 120.min(html.len() - at)]);
        if let Some(alt) = alt.filter(|a| a.trim().len() <= 200) {
            assert!(html.contains(&format!("value=\"{alt}\"")), "{what}: the alt text is kept");
        }
    }

    let res = upload(&app, &me, id, Some("Huge"), Some(("huge.jpg", "image/jpeg", &huge))).await;
    assert_eq!(res.status().as_u16(), 413, "over 15 MB");
    assert!(res.text().await.unwrap().contains("The photo is larger than 15 MB"));

    assert_eq!(photos(&app, id).len(), 1, "only the fixture's image");
    assert!(files_under(&media_dir(&app)).is_empty(), "nothing written: {:?}", files_under(&media_dir(&app)));
    let logged: i64 = app
        .with_conn(|c| audit_log::table.filter(audit_log::action.eq("piece.image.add")).count().get_result(c))
        .unwrap();
    assert_eq!(logged, 0);
}

#[tokio::test]
async fn photos_are_reordered_and_deleted_with_their_files() {
    let app = TestApp::spawn().await;
    let me = signed_in_manager(&app).await;
    let id = app.piece(PieceFixture::new("Twin ring"));
    let other = app.piece(PieceFixture::new("Other ring"));
    for alt in ["Front", "Back"] {
        let res = upload(&app, &me, id, Some(alt), Some(("p.jpg", "image/jpeg", &photo_with_gps(800, 800)))).await;
        assert_eq!(res.status().as_u16(), 303, "{alt}");
    }
    let order = |app: &TestApp| photos(app, id).iter().map(|p| p.alt.clone()).collect::<Vec<_>>();
    assert_eq!(order(&app), ["Twin ring photo", "Front", "Back"]);
    let by_alt = |alt: &str| photos(&app, id).into_iter().find(|p| p.alt == alt).unwrap();

    let mv = |image: i64, direction: &'static str| {
        let path = format!("/admin/pieces/{id}/images/{image}/move");
        let app = &app;
        let me = &me;
        async move { app.post_form(&path, Some(me), &[("direction", direction)]).await.status().as_u16() }
    };
    assert_eq!(mv(by_alt("Back").id, "up").await, 303);
    assert_eq!(order(&app), ["Twin ring photo", "Back", "Front"]);
    assert_eq!(mv(by_alt("Back").id, "up").await, 303);
    assert_eq!(order(&app), ["Back", "Twin ring photo", "Front"], "the new cover");
    assert_eq!(mv(by_alt("Back").id, "up").await, 303, "already first: nothing to do");
    assert_eq!(order(&app), ["Back", "Twin ring photo", "Front"]);
    assert_eq!(mv(by_alt("Front").id, "down").await, 303);
    assert_eq!(order(&app), ["Back", "Twin ring photo", "Front"]);
    assert_eq!(mv(by_alt("Front").id, "sideways").await, 400);
    // An image of another piece is not reachable through this one.
    let foreign = photos(&app, other)[0].id;
    assert_eq!(mv(foreign, "up").await, 404);

    let front = by_alt("Front");
    let res = app.post_form(&format!("/admin/pieces/{id}/images/{}/delete", front.id), Some(&me), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(order(&app), ["Back", "Twin ring photo"]);
    for (_, url) in copies(&front) {
        assert_eq!(app.get(&url).await.status().as_u16(), 404, "{url} is gone");
    }
    let left = files_under(&media_dir(&app));
    assert_eq!(left.len(), 2, "only Back's two copies remain: {left:?}");
    let res = app.post_form(&format!("/admin/pieces/{id}/images/{}/delete", front.id), Some(&me), &[]).await;
    assert_eq!(res.status().as_u16(), 404, "already deleted");

    let actions: Vec<String> = app
        .with_conn(|c| {
            audit_log::table
                .filter(audit_log::entity_id.eq(id.to_string()))
                .filter(audit_log::action.like("piece.image.%"))
                .order(audit_log::id)
                .select(audit_log::action)
                .load(c)
        })
        .unwrap();
    assert_eq!(
        actions,
        ["piece.image.add", "piece.image.add", "piece.image.move", "piece.image.move", "piece.image.delete"],
        "moves that change nothing are not logged"
    );
}

/// A real 8000 × 8000 PNG (64 megapixels of one colour): about 200 KB on the wire, 192 MB
/// once decoded.
fn png_8000_square() -> Vec<u8> {
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};
    use image::{ExtendedColorType, ImageEncoder};
    let pixels = vec![0u8; 8000 * 8000 * 3];
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::NoFilter)
        .write_image(&pixels, 8000, 8000, ExtendedColorType::Rgb8)
        .unwrap();
    out
}

#[tokio::test]
async fn an_8000_pixel_square_png_is_refused_before_it_is_decoded() {
    // Made first: a keep-alive connection left idle while it is made could be closed by then.
    let png = png_8000_square();
    let app = TestApp::spawn().await;
    let me = signed_in_manager(&app).await;
    let id = app.piece(PieceFixture::new("Guarded ring"));
    assert!(png.len() < 1024 * 1024, "small on the wire: {} bytes", png.len());
    let res = upload(&app, &me, id, Some("Big"), Some(("big.png", "image/png", &png))).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("This image is too large to process: at most 12,000 pixels on a side and 24 megapixels"),
        "the message says what is allowed"
    );
    assert_eq!(photos(&app, id).len(), 1, "only the fixture's image");
    assert!(files_under(&media_dir(&app)).is_empty());
}

/// A 4000 × 3000 camera photo (smooth, about 1 MB): within the limits, and slow enough to
/// process that uploads sent together overlap.
fn large_photo() -> Vec<u8> {
    let img = image::RgbImage::from_fn(4000, 3000, |x, y| image::Rgb([(x / 16) as u8, (y / 12) as u8, 90]));
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 80).encode_image(&img).unwrap();
    out
}

#[tokio::test]
async fn at_most_two_photos_are_processed_at_once_and_the_others_get_503() {
    let photo = large_photo();
    // No waiting for a free slot: an upload that finds both busy is refused at once.
    let app = TestApp::spawn_with(&[("images.wait_ms", "0")]).await;
    let me = signed_in_manager(&app).await;
    let pieces: Vec<i64> = (0..4).map(|i| app.piece(PieceFixture::new(&format!("Busy ring {i}")))).collect();
    let send = |i: usize| upload(&app, &me, pieces[i], Some("A ring"), Some(("ring.jpg", "image/jpeg", &photo)));
    let (a, b, c, d) = tokio::join!(send(0), send(1), send(2), send(3));
    let answers = [a, b, c, d];
    let mut statuses = Vec::new();
    for res in answers {
        let status = res.status().as_u16();
        if status == 503 {
            let html = res.text().await.unwrap();
            assert!(html.contains("other photos are being processed right now"), "the 503 says why");
        }
        statuses.push(status);
    }
    statuses.sort();
    assert_eq!(statuses, vec![303, 303, 503, 503], "two processed, two refused");
    let stored: usize = pieces.iter().map(|id| photos(&app, *id).len() - 1).sum();
    assert_eq!(stored, 2);

    // The slots are free again once those are done.
    let res = upload(&app, &me, pieces[3], Some("A ring"), Some(("ring.jpg", "image/jpeg", &photo))).await;
    assert_eq!(res.status().as_u16(), 303);
}
