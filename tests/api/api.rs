//! The read-only JSON API.

use crate::helpers::{ArtisanFixture, PieceFixture, TestApp};

#[tokio::test]
async fn list_has_stable_fields_filters_and_pagination() {
    let app = TestApp::spawn().await;
    for i in 0..5 {
        app.piece(PieceFixture {
            price_minor: 10_000 * (i + 1),
            listed_days_ago: i,
            ..PieceFixture::new(&format!("Ring {i}"))
        });
    }
    app.piece(PieceFixture { mumbai: true, ..PieceFixture::new("Mumbai ring") });

    let body = app.json("/api/v1/pieces?center=kolkata&sort=price_desc&per_page=2&page=2", 200).await;
    assert_eq!(body["pagination"]["page"], 2);
    assert_eq!(body["pagination"]["per_page"], 2);
    assert_eq!(body["pagination"]["total"], 5);
    assert_eq!(body["pagination"]["total_pages"], 3);
    let data = body["data"].as_array().unwrap();
    assert_eq!(data.len(), 2);
    assert_eq!(data[0]["title"], "Ring 2");
    assert_eq!(data[1]["title"], "Ring 1");
    let p = &data[0];
    assert_eq!(p["price"]["amount_minor"], 30_000);
    assert_eq!(p["price"]["currency"], "USD");
    assert_eq!(p["price"]["formatted"], "$300.00");
    assert_eq!(p["center"]["code"], "kolkata");
    assert_eq!(p["center"]["city"], "Kolkata");
    assert_eq!(p["status"], "listed");
    assert_eq!(p["available"], true);
    assert_eq!(p["metal"], "yellow_gold");
    assert_eq!(p["purity"], "22K916");
    assert_eq!(p["gross_weight_mg"], 4_200);
    assert!(p["url"].as_str().unwrap().ends_with("/pieces/ring-2"));
    for field in ["id", "sku", "slug", "kind", "net_weight_mg", "ring_size", "huid", "listed_at", "image"] {
        assert!(p.get(field).is_some(), "field {field}");
    }
}

#[tokio::test]
async fn one_piece_by_id_or_slug_with_makers_and_stones() {
    let app = TestApp::spawn().await;
    let (asha, _) = app.artisan(ArtisanFixture { alias: "Asha K.", profile_consent: true, ..Default::default() });
    let id = app.piece(PieceFixture {
        huid: Some("ZX98YU"),
        stones: vec![("emerald".into(), 2, 30)],
        makers: vec![(asha, 720)],
        ..PieceFixture::new("Emerald ring")
    });
    let by_slug = app.json("/api/v1/pieces/emerald-ring", 200).await;
    let by_id = app.json(&format!("/api/v1/pieces/{id}"), 200).await;
    assert_eq!(by_slug, by_id);
    assert_eq!(by_id["id"], id);
    assert_eq!(by_id["huid"], "ZX98YU");
    assert_eq!(by_id["hallmark"], "BIS hallmark 22K916");
    assert_eq!(by_id["labor_minutes"], 720);
    assert_eq!(by_id["stones"][0]["label"], "2 emeralds, 0.30 ct total");
    assert_eq!(by_id["makers"][0]["alias"], "Asha K.");
    assert!(by_id["makers"][0]["profile_url"].as_str().unwrap().contains("/artisans/"));
    assert_eq!(by_id["images"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn api_errors_are_json_with_a_stable_code() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture { status: "draft", ..PieceFixture::new("Draft ring") });

    let body = app.json("/api/v1/pieces?price_min=abc", 400).await;
    assert_eq!(body["error"]["code"], "invalid_parameter");
    assert_eq!(body["error"]["field"], "price_min");
    assert!(body["error"]["message"].as_str().unwrap().contains("price_min must be an amount"));

    let body = app.json("/api/v1/pieces?page=-1", 400).await;
    assert_eq!(body["error"]["field"], "page");
    let body = app.json("/api/v1/pieces?center=atlantis", 400).await;
    assert_eq!(body["error"]["field"], "center");
    let body = app.json("/api/v1/pieces?per_page=101", 400).await;
    assert_eq!(body["error"]["field"], "per_page");

    for path in ["/api/v1/pieces/draft-ring", "/api/v1/pieces/999999", "/api/v1/nothing-here"] {
        let body = app.json(path, 404).await;
        assert_eq!(body["error"]["code"], "not_found", "{path}");
    }
}

#[tokio::test]
async fn a_page_past_the_end_of_the_api_is_an_empty_page() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture::new("Ring"));
    let body = app.json("/api/v1/pieces?page=5", 200).await;
    assert_eq!(body["data"].as_array().unwrap().len(), 0);
    assert_eq!(body["pagination"]["total"], 1);
}
