//! Survivor safety: nothing private about an artisan reaches a public page or API response.

use crate::helpers::{ArtisanFixture, PieceFixture, TestApp};

const LEGAL_NAME: &str = "Zerelda Quintessa Marchbanks";
const PHONE: &str = "+91 90000 77777";

/// Every public URL: pages, API responses, sitemap, robots, plus each piece and artisan.
async fn crawl(app: &TestApp, artisan_public_id: &str) -> Vec<(String, String)> {
    let mut paths: Vec<String> = [
        "/",
        "/pieces",
        "/pieces?availability=all",
        "/pieces?availability=sold",
        "/about",
        "/sitemap.xml",
        "/robots.txt",
        "/api/v1/pieces?availability=all&per_page=100",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    let list = app.json("/api/v1/pieces?availability=all&per_page=100", 200).await;
    for p in list["data"].as_array().unwrap() {
        let slug = p["slug"].as_str().unwrap();
        paths.push(format!("/pieces/{slug}"));
        paths.push(format!("/api/v1/pieces/{slug}"));
    }
    paths.push(format!("/artisans/{artisan_public_id}"));
    let mut pages = Vec::new();
    for path in paths {
        let res = app.get(&path).await;
        assert!(res.status().is_success(), "GET {path}: {}", res.status());
        pages.push((path, res.text().await.unwrap()));
    }
    pages
}

#[tokio::test]
async fn an_artisans_legal_name_and_phone_appear_nowhere_public() {
    let app = TestApp::spawn_demo().await;
    let (id, public_id) = app.artisan(ArtisanFixture {
        alias: "Zee M.",
        legal_name: LEGAL_NAME,
        phone: PHONE,
        story: Some("Zee likes granulation work."),
        story_consent: true,
        profile_consent: true,
        ..Default::default()
    });
    app.piece(PieceFixture { makers: vec![(id, 900)], ..PieceFixture::new("Granulated stud earrings") });
    app.piece(PieceFixture { makers: vec![(id, 300)], status: "sold", ..PieceFixture::new("Granulated ring") });

    let pages = crawl(&app, &public_id).await;
    let profile = &pages.iter().find(|(p, _)| p.starts_with("/artisans/")).unwrap().1;
    assert!(profile.contains("Zee M."), "the alias is what the public sees");
    for (path, body) in &pages {
        for secret in [LEGAL_NAME, "Zerelda", "Marchbanks", PHONE, "77777"] {
            assert!(!body.contains(secret), "{path} reveals `{secret}`");
        }
    }
    // The demo artisans' legal names are private too.
    for a in fairgold::seed::content::artisans() {
        for (path, body) in &pages {
            assert!(!body.contains(a.legal_name), "{path} reveals a demo legal name");
            assert!(!body.contains(a.phone), "{path} reveals a demo phone number");
        }
    }
}
