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
        "/transparency/ledger",
        "/transparency/ledger/checkpoints.json",
        "/impact",
        "/api/v1/impact",
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

/// The `/admin` pages a signed-in person can reach by following links (GET only, no sign-out),
/// breadth first, at most `limit` pages: (path, status, body).
async fn crawl_admin(app: &TestApp, session: &crate::helpers::Session, limit: usize) -> Vec<(String, u16, String)> {
    let mut seen = std::collections::BTreeSet::from(["/admin".to_string()]);
    let mut queue = std::collections::VecDeque::from(["/admin".to_string()]);
    let mut pages = Vec::new();
    while let Some(path) = queue.pop_front() {
        if pages.len() >= limit {
            break;
        }
        let res = app.get_as(&path, session).await;
        let status = res.status().as_u16();
        let body = res.text().await.unwrap();
        for part in body.split("href=\"").skip(1) {
            // Tera escapes `/` in attributes as `&#x2F;`.
            let link = part.split('"').next().unwrap_or("").replace("&#x2F;", "/").replace("&amp;", "&");
            let wanted = link.starts_with("/admin") && !link.contains("logout") && !link.contains("/export");
            if wanted && seen.insert(link.clone()) {
                queue.push_back(link);
            }
        }
        pages.push((path, status, body));
    }
    pages
}

#[tokio::test]
async fn legal_names_appear_only_on_finance_pages() {
    let app = TestApp::spawn_demo().await;
    app.staff("manager@test.example", "manager", Some("kolkata"));
    app.staff("finance@test.example", "finance", None);
    let legal_names: Vec<&str> = fairgold::seed::content::artisans().iter().map(|a| a.legal_name).collect();

    // A manager reaches every back-office page open to them, and none shows a legal name.
    let manager = app.sign_in("manager@test.example").await;
    let pages = crawl_admin(&app, &manager, 400).await;
    assert!(pages.len() > 20, "the crawl reached the manager's pages ({} found)", pages.len());
    for (path, status, body) in &pages {
        for name in &legal_names {
            assert!(!body.contains(name), "{path} ({status}) shows a legal name to a manager");
        }
    }
    for path in ["/admin/wages", "/admin/wages/late", "/admin/wages/reconciliation", "/admin/wages/earnings"] {
        assert_eq!(app.get_as(path, &manager).await.status().as_u16(), 403, "{path} is for finance");
    }

    // Finance sees them on the wage pages, the only place they appear.
    let finance = app.sign_in("finance@test.example").await;
    let pages = crawl_admin(&app, &finance, 400).await;
    let with_names: Vec<&str> = pages
        .iter()
        .filter(|(_, _, body)| legal_names.iter().any(|n| body.contains(n)))
        .map(|(path, _, _)| path.as_str())
        .collect();
    assert!(!with_names.is_empty(), "finance pages show legal names");
    for path in with_names {
        assert!(
            path.starts_with("/admin/wages") || path.contains("/private"),
            "{path} shows a legal name outside the finance pages"
        );
    }
}
