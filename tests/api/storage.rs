//! Stored images in an S3-compatible bucket (`storage.kind = "s3"`), against a real S3 server
//! on loopback (`s3`): a piece photo's copies land in the bucket and are served from it at the
//! same `/media/…` URLs; deleting the photo deletes its objects; a portrait lives in the
//! bucket's private area and withdrawing consent deletes it; `fairgold media migrate` copies a
//! shop's files from its data directory into the bucket. The same flows on the local directory
//! are tested in `admin_images` and `artisan_safety`.

use std::process::Command;

use fairgold::images::Area;

use crate::admin_images::{copies, files_under, photo_with_gps, photos, upload};
use crate::admin_pieces::unescape;
use crate::artisan_safety::{consent, photo_path, portrait_src, upload_portrait};
use crate::helpers::{ArtisanFixture, PieceFixture, Session, TestApp};
use crate::s3::S3Server;

/// `(key, value)` overrides as `spawn_with` takes them.
pub fn pairs<'a>(owned: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    owned.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

async fn manager(app: &TestApp) -> Session {
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    app.sign_in("rupa@fairgold.test").await
}

#[tokio::test]
async fn a_photo_stored_in_a_bucket_is_served_at_the_same_urls_and_deleted_with_its_row() {
    let s3 = S3Server::start().await;
    let app = TestApp::spawn_with(&pairs(&s3.settings())).await;
    let me = manager(&app).await;
    let id = app.piece(PieceFixture::new("Lotus ring"));

    let res = upload(
        &app,
        &me,
        id,
        Some("Lotus ring seen from above"),
        Some(("IMG.jpg", "image/jpeg", &photo_with_gps(1700, 1100))),
    )
    .await;
    assert_eq!(res.status().as_u16(), 303);
    let photo = photos(&app, id).pop().unwrap();
    let urls = copies(&photo);
    assert_eq!(urls.len(), 3);

    // Every copy is an object in the bucket (listed through the S3 API), none on the disk.
    let mut expected: Vec<String> = urls.iter().map(|(_, u)| u.trim_start_matches("/media/").to_string()).collect();
    expected.sort();
    assert_eq!(s3.list(Area::Media, "pieces").await, expected);
    assert!(files_under(&app.data_dir.join("media")).is_empty(), "nothing written to the data directory");

    // The storefront names the photos, and /media serves the bucket's bytes.
    let page = unescape(&app.page("/pieces/lotus-ring", 200).await);
    assert!(page.contains(&urls[1].1), "the piece page shows the upload: {}", urls[1].1);
    let bucket = s3.client();
    for (_, url) in &urls {
        let res = app.get(url).await;
        assert_eq!(res.status().as_u16(), 200, "GET {url}");
        assert_eq!(res.headers()["content-type"], "image/jpeg");
        assert_eq!(res.headers()["cache-control"], "public, max-age=3600");
        let etag = res.headers()["etag"].to_str().unwrap().to_string();
        let served = res.bytes().await.unwrap();
        let stored = bucket.get(Area::Media, url.trim_start_matches("/media/")).await.unwrap();
        assert_eq!(served, stored.bytes, "{url} is the object's bytes");
        let again =
            app.client.get(format!("{}{url}", app.address)).header("If-None-Match", &etag).send().await.unwrap();
        assert_eq!(again.status().as_u16(), 304, "a browser's copy is still good");
    }
    // Only names the shop writes, and only the media area.
    for bad in ["/media/../private/x.jpg", "/media/pieces/nothing-800.jpg", "/media/.env"] {
        assert_eq!(app.get(bad).await.status().as_u16(), 404, "GET {bad}");
    }

    // Deleting the photo deletes its objects (after its row).
    let res = app.post_form(&format!("/admin/pieces/{id}/images/{}/delete", photo.id), Some(&me), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(s3.list(Area::Media, "pieces").await.is_empty(), "every copy deleted from the bucket");
    assert_eq!(app.get(&urls[0].1).await.status().as_u16(), 404);
}

#[tokio::test]
async fn a_portrait_in_a_bucket_is_private_and_withdrawing_consent_deletes_it() {
    let s3 = S3Server::start().await;
    let app = TestApp::spawn_with(&pairs(&s3.settings())).await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    let s = app.sign_in("kolkata@fairgold.test").await;
    let (id, public_id) =
        app.artisan(ArtisanFixture { alias: "Tara", profile_consent: true, photo_consent: true, ..Default::default() });

    assert_eq!(upload_portrait(&app, &s, id).await.status().as_u16(), 303);
    let path = photo_path(&app, id).expect("stored");
    let stem = path.trim_end_matches("-800.jpg").to_string();
    let objects = s3.list(Area::Private, "portraits").await;
    assert!(!objects.is_empty() && objects.iter().all(|k| k.starts_with(&stem)), "{objects:?}");
    assert!(s3.list(Area::Media, "portraits").await.is_empty(), "never in the public area");
    assert!(files_under(&app.data_dir.join("private")).is_empty(), "nothing on the disk");

    let src = portrait_src(&app.page(&format!("/artisans/{public_id}"), 200).await).expect("shown with consent");
    let res = app.get(&src).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["cache-control"], "public, max-age=300");
    let file = path.rsplit('/').next().unwrap();
    assert_eq!(app.get(&format!("/media/portraits/{file}")).await.status().as_u16(), 404);
    assert_eq!(app.get(&format!("/media/{path}")).await.status().as_u16(), 404);

    consent(&app, &s, id, "photo", "withdraw").await;
    assert_eq!(app.get(&src).await.status().as_u16(), 404, "withdrawn: not served");
    assert!(s3.list(Area::Private, "portraits").await.is_empty(), "every copy deleted from the bucket");
}

fn fairgold(dir: &std::path::Path, s3: &S3Server) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_fairgold"));
    cmd.current_dir(dir).env_clear().env("PATH", std::env::var("PATH").unwrap_or_default()).env("RUST_LOG", "warn");
    for (key, value) in s3.settings() {
        cmd.env(format!("FAIRGOLD_{}", key.to_uppercase().replace('.', "__")), value);
    }
    cmd
}

async fn run(cmd: Command) -> std::process::Output {
    let mut cmd = cmd;
    tokio::task::spawn_blocking(move || cmd.output().unwrap()).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn media_migrate_copies_a_shops_files_into_the_bucket_once() {
    let s3 = S3Server::start().await;
    // A shop that kept its files on disk: a piece photo and a portrait.
    let app = TestApp::spawn().await;
    let me = manager(&app).await;
    let id = app.piece(PieceFixture::new("Lotus ring"));
    let res =
        upload(&app, &me, id, Some("Lotus ring"), Some(("a.jpg", "image/jpeg", &photo_with_gps(1000, 700)))).await;
    assert_eq!(res.status().as_u16(), 303);
    let (artisan, _) = app.artisan(ArtisanFixture { photo_consent: true, ..Default::default() });
    assert_eq!(upload_portrait(&app, &me, artisan).await.status().as_u16(), 303);
    let on_disk = files_under(&app.data_dir.join("media")).len() + files_under(&app.data_dir.join("private")).len();
    assert_eq!(on_disk, 4, "two copies of each");

    let mut cmd = fairgold(app.data_dir.parent().unwrap(), &s3);
    cmd.args(["media", "migrate"]).env("FAIRGOLD_DATA_DIR", &app.data_dir);
    let out = run(cmd).await;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("4 file(s) copied") && stdout.contains("0 already there"), "{stdout}");

    let photo = photos(&app, id).pop().unwrap();
    let mut pieces: Vec<String> = copies(&photo).into_iter().map(|(_, u)| u.replace("/media/", "")).collect();
    pieces.sort();
    assert_eq!(s3.list(Area::Media, "pieces").await, pieces);
    assert_eq!(s3.list(Area::Private, "portraits").await.len(), 2);

    // Run again: nothing to copy.
    let mut cmd = fairgold(app.data_dir.parent().unwrap(), &s3);
    cmd.args(["media", "migrate"]).env("FAIRGOLD_DATA_DIR", &app.data_dir);
    let out = run(cmd).await;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("0 file(s) copied") && stdout.contains("4 already there"), "{stdout}");

    // An instance on the bucket (and an empty data directory) serves the migrated photo.
    let other = app.spawn_beside(&pairs(&s3.settings())).await;
    for (_, url) in copies(&photo) {
        assert_eq!(other.get(&url).await.status().as_u16(), 200, "GET {url} from the bucket");
    }
}

#[test]
fn media_migrate_without_a_bucket_says_what_to_set() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_fairgold"))
        .current_dir(dir.path())
        .env_clear()
        .args(["media", "migrate"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("storage.kind is local") && stderr.contains("FAIRGOLD_STORAGE__KIND=s3"), "{stderr}");
}
