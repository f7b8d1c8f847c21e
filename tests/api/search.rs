//! Searching the catalog (`q=`), the kind and ring-size filters, the no-results page, filters
//! in error, and the in-memory catalog snapshot that answers them on both backends.

use diesel::connection::SimpleConnection;
use fairgold::artisans::models::PublicRules;
use fairgold::catalog::filters::{CatalogFilter, RawCatalogQuery};
use fairgold::catalog::snapshot::CatalogSnapshot;
use fairgold::catalog::views::CatalogView;
use fairgold::catalog::{queries, service};
use fairgold::money::Currency;
use fairgold::web::page_cache;

use crate::helpers::{ArtisanFixture, PieceFixture, TestApp};

/// The titles of the piece cards on a catalog page, in order.
fn card_titles(html: &str) -> Vec<String> {
    html.split("class=\"card-title\"><a href=\"")
        .skip(1)
        .map(|rest| {
            let start = rest.find('>').expect("link text") + 1;
            let end = rest[start..].find("</a>").expect("link end");
            rest[start..start + end].to_string()
        })
        .collect()
}

fn api_titles(list: &serde_json::Value) -> Vec<String> {
    list["data"].as_array().unwrap().iter().map(|p| p["title"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn peacock_and_a_misspelt_bangle_find_the_demo_pieces() {
    let app = TestApp::spawn_demo().await;

    let html = app.page("/pieces?q=peacock", 200).await;
    let titles = card_titles(&html);
    assert!(titles.iter().any(|t| t == "Peacock feather pendant"), "{titles:?}");
    let in_title: Vec<bool> = titles.iter().map(|t| t.to_lowercase().contains("peacock")).collect();
    assert!(in_title[0] && in_title.windows(2).all(|w| w[0] || !w[1]), "peacock in the title ranks first: {titles:?}");
    assert!(html.contains("value=\"peacock\""), "the search box keeps the query");

    let list = app.json("/api/v1/pieces?q=bangel&availability=all", 200).await;
    let first = &list["data"][0];
    assert_eq!(first["kind"], "bangle", "one typo in a longer word is forgiven: {list}");
    assert!(list["pagination"]["total"].as_i64().unwrap() >= 1);
    let bangles = list["data"].as_array().unwrap().iter().filter(|p| p["kind"] == "bangle").count();
    assert!(bangles >= 3, "the demo's bangles: {list}");
}

#[tokio::test]
async fn plurals_find_the_singular_and_every_word_must_match() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture::new("Lotus ring"));
    app.piece(PieceFixture { kind: "earrings", ring_size: None, ..PieceFixture::new("Temple earrings") });
    app.piece(PieceFixture { kind: "pendant", ring_size: None, ..PieceFixture::new("Lotus pendant") });

    assert_eq!(card_titles(&app.page("/pieces?q=rings", 200).await), ["Lotus ring"]);
    assert_eq!(card_titles(&app.page("/pieces?q=Lotus+Pendants", 200).await), ["Lotus pendant"]);
    let mut lotus = card_titles(&app.page("/pieces?q=lotus", 200).await);
    lotus.sort();
    assert_eq!(lotus, ["Lotus pendant", "Lotus ring"]);
}

#[tokio::test]
async fn a_consenting_makers_alias_is_searchable_and_nobody_elses_name_is() {
    let app = TestApp::spawn().await;
    let (named, _) =
        app.artisan(ArtisanFixture { alias: "Meera S.", legal_name: "Meenakshi Sharma", ..Default::default() });
    let (anonymous, _) = app.artisan(ArtisanFixture {
        alias: "Tara P.",
        legal_name: "Taramoni Pal",
        phone: "+91 90000 00002",
        anonymous: true,
        ..Default::default()
    });
    app.piece(PieceFixture { makers: vec![(named, 600)], ..PieceFixture::new("Filigree ring") });
    app.piece(PieceFixture { makers: vec![(anonymous, 600)], ..PieceFixture::new("Granulated ring") });

    assert_eq!(card_titles(&app.page("/pieces?q=meera", 200).await), ["Filigree ring"]);
    for hidden in ["tara", "taramoni", "meenakshi", "sharma", "pal"] {
        let list = app.json(&format!("/api/v1/pieces?q={hidden}"), 200).await;
        assert_eq!(list["pagination"]["total"], 0, "`{hidden}` must find nothing: {list}");
    }
}

#[tokio::test]
async fn kind_and_ring_size_filters() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture { ring_size: Some(12), ..PieceFixture::new("Size twelve ring") });
    app.piece(PieceFixture { ring_size: Some(16), ..PieceFixture::new("Size sixteen ring") });
    app.piece(PieceFixture { kind: "pendant", ring_size: None, ..PieceFixture::new("Round pendant") });

    assert_eq!(card_titles(&app.page("/pieces?kind=pendant", 200).await), ["Round pendant"]);
    let html = app.page("/pieces?kind=ring&ring_size=16", 200).await;
    assert_eq!(card_titles(&html), ["Size sixteen ring"]);
    assert!(html.contains("Ring size 16"), "the active filter is named");
    let list = app.json("/api/v1/pieces?ring_size=12", 200).await;
    assert_eq!(api_titles(&list), ["Size twelve ring"]);
    let e = app.json("/api/v1/pieces?kind=tiara", 400).await;
    assert_eq!(e["error"]["field"], "kind");
    let e = app.json("/api/v1/pieces?ring_size=40", 400).await;
    assert_eq!(e["error"]["field"], "ring_size");
}

#[tokio::test]
async fn a_minimum_above_the_maximum_shows_the_catalog_with_the_error_and_the_filters_kept() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture { metal: "rose_gold", price_minor: 50_000, ..PieceFixture::new("Rose ring") });
    app.piece(PieceFixture { price_minor: 50_000, ..PieceFixture::new("Yellow ring") });

    // Status 400 (the query is wrong) with the whole catalog page, not a bare error page.
    let html = app.page("/pieces?q=ring&metal=rose_gold&price_min=2000&price_max=1000", 400).await;
    assert!(html.contains("price_min is more than price_max"));
    assert!(html.contains("name=\"price_min\"") && html.contains("value=\"2000\""), "the minimum as typed");
    assert!(html.contains("value=\"1000\""), "the maximum as typed");
    assert!(html.contains("value=\"rose_gold\" selected"), "the metal kept");
    assert!(html.contains("value=\"ring\""), "the search kept");
    assert_eq!(card_titles(&html), ["Rose ring"], "results for the filters that could be used");

    // The API answers such a query with its JSON error.
    let e = app.json("/api/v1/pieces?price_min=900&price_max=100", 400).await;
    assert_eq!(e["error"]["field"], "price_min");
}

#[tokio::test]
async fn no_results_keep_the_query_and_suggest_removing_filters() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture::new("Lotus ring"));

    let html = app.page("/pieces?q=lotus&metal=white_gold", 200).await;
    assert!(card_titles(&html).is_empty());
    assert!(html.contains("No pieces match “lotus” with these filters"), "{html}");
    assert!(
        html.contains("id=\"site-search-q\"") && html.matches("value=\"lotus\"").count() >= 2,
        "both boxes keep it"
    );
    assert!(html.contains("Try removing a filter"));
    // Removing the metal finds the ring.
    assert!(html.contains("href=\"/pieces?q=lotus\"") || html.contains("href=\"&#x2F;pieces?q=lotus\""), "{html}");
    assert_eq!(card_titles(&app.page("/pieces?q=lotus", 200).await), ["Lotus ring"]);

    let html = app.page("/pieces?q=zebra", 200).await;
    assert!(html.contains("No pieces match “zebra”"));
    assert!(html.contains("Check the spelling"));
}

#[tokio::test]
async fn every_page_has_a_search_box() {
    let app = TestApp::spawn().await;
    for path in ["/", "/pieces", "/about", "/cart", "/impact", "/policies/shipping", "/no-such-page"] {
        let res = app.get(path).await;
        let html = res.text().await.unwrap();
        assert!(html.contains("role=\"search\"") && html.contains("name=\"q\""), "{path} has no search box");
    }
}

#[tokio::test]
async fn the_api_and_the_page_give_the_same_results() {
    let app = TestApp::spawn().await;
    for (i, title) in ["Lotus ring", "Lotus bangle", "Plain ring", "Lotus pendant", "Rope ring"].iter().enumerate() {
        app.piece(PieceFixture { price_minor: 10_000 * (i as i64 + 1), ..PieceFixture::new(title) });
    }
    for query in ["q=lotus", "q=ring&sort=price_desc", "q=lotus&per_page=2&page=2", "kind=ring&sort=price_asc"] {
        let page = card_titles(&app.page(&format!("/pieces?{query}"), 200).await);
        let api = api_titles(&app.json(&format!("/api/v1/pieces?{query}"), 200).await);
        assert_eq!(page, api, "{query}");
        assert!(!page.is_empty(), "{query}");
    }
}

/// The snapshot answers exactly as the database query does: the same template context, so
/// the same page bytes.
#[tokio::test]
async fn the_snapshot_renders_what_the_database_query_renders() {
    let app = TestApp::spawn().await;
    for i in 0..30i64 {
        app.piece(PieceFixture {
            price_minor: 10_000 + (i * 7_919) % 50_000,
            mumbai: i % 3 == 0,
            metal: ["yellow_gold", "rose_gold", "white_gold"][(i % 3) as usize],
            status: ["listed", "listed", "sold", "held"][(i % 4) as usize],
            kind: if i % 5 == 0 { "pendant" } else { "ring" },
            ring_size: if i % 5 == 0 { None } else { Some(10 + (i % 4) as i32) },
            listed_days_ago: i % 7,
            ..PieceFixture::new(&format!("Piece number {i}"))
        });
    }
    let queries = [
        "",
        "sort=price_asc",
        "sort=price_desc&availability=all",
        "availability=sold",
        "center=mumbai&metal=rose_gold",
        "kind=ring&ring_size=12&availability=all",
        "price_min=200&price_max=400&per_page=5&page=2",
        "purity=22K916&sort=price_asc&per_page=7&page=3",
    ];
    app.with_conn(|c| {
        let version = page_cache::version(c).unwrap();
        let rules = PublicRules::on(page_cache::day(), 6);
        let snapshot = CatalogSnapshot::build(c, version, rules).unwrap();
        for query in queries {
            let raw: RawCatalogQuery = serde_urlencoded::from_str(query).unwrap();
            let filter = CatalogFilter::parse(&raw, Currency::Usd).unwrap();
            let from_db = service::search(c, filter.clone()).unwrap();
            let from_memory = snapshot.search(filter).unwrap();
            assert_eq!(from_db.total, from_memory.total, "{query}");
            assert_eq!(
                serde_json::to_string(&CatalogView::new(&from_db)).unwrap(),
                serde_json::to_string(&CatalogView::new(&from_memory)).unwrap(),
                "{query}"
            );
        }
        assert!(!queries::is_empty(c).unwrap());
    });
}

#[tokio::test]
async fn a_write_that_bumps_the_version_shows_on_the_next_request() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture::new("Lotus ring"));
    assert_eq!(card_titles(&app.page("/pieces?q=lotus", 200).await), ["Lotus ring"]);

    // Sold by another instance: the status and the version change in one transaction.
    app.with_conn(|c| {
        c.batch_execute("UPDATE pieces SET status = 'sold' WHERE slug = 'lotus-ring'").unwrap();
        page_cache::bump_version(c).unwrap();
    });
    let html = app.page("/pieces?q=lotus", 200).await;
    assert!(card_titles(&html).is_empty(), "a sold piece is no longer available");
    let sold = app.json("/api/v1/pieces?q=lotus&availability=sold", 200).await;
    assert_eq!(api_titles(&sold), ["Lotus ring"]);
    assert_eq!(sold["data"][0]["available"], false);

    // Published: a new piece is found at once.
    app.piece(PieceFixture::new("Lotus bud pendant"));
    assert_eq!(card_titles(&app.page("/pieces?q=lotus", 200).await), ["Lotus bud pendant"]);
}
