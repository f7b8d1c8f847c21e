//! The cart: add, remove, view with totals; only available pieces go in; a piece that became
//! unavailable is flagged and blocks checkout until removed; cross-site posts are refused.

use diesel::prelude::*;
use fairgold::schema::pieces;

use crate::checkout::Shopper;
use crate::helpers::{PieceFixture, TestApp};

fn set_status(app: &TestApp, id: i64, status: &str) {
    app.with_conn(|c| diesel::update(pieces::table.find(id)).set(pieces::status.eq(status)).execute(c).unwrap());
}

#[tokio::test]
async fn add_view_remove_with_totals() {
    let app = TestApp::spawn().await;
    let a = app.piece(PieceFixture { price_minor: 125_000, ..PieceFixture::new("Lotus ring") });
    let b = app.piece(PieceFixture { price_minor: 30_050, mumbai: true, ..PieceFixture::new("Wave pendant") });
    let mut shopper = Shopper::default();
    let res = shopper.add(&app, a).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"], "/cart");
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("fairgold_cart=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
    // The cookie's value is not what the database stores.
    let raw = shopper.cookies[0].trim_start_matches("fairgold_cart=").to_string();
    let stored: Vec<String> = app.with_conn(|c| {
        use fairgold::schema::carts::dsl::*;
        carts.select(id_hash).load(c).unwrap()
    });
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0], raw);

    // By slug too; adding the same piece twice keeps one.
    let slug: String = app.with_conn(|c| pieces::table.find(b).select(pieces::slug).first(c).unwrap());
    assert_eq!(shopper.post(&app, "/cart/add", &[("slug", &slug)]).await.status().as_u16(), 303);
    assert_eq!(shopper.add(&app, a).await.status().as_u16(), 303);

    let res = shopper.get(&app, "/cart").await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let html = res.text().await.unwrap();
    assert!(html.contains("Lotus ring") && html.contains("Wave pendant"));
    assert_eq!(html.matches("name=\"piece_id\"").count(), 2, "one line per piece");
    assert!(html.contains("$1,550.50"), "subtotal of both");
    assert!(html.contains("href=\"/checkout\""));

    let res = shopper.post(&app, "/cart/remove", &[("piece_id", &a.to_string())]).await;
    assert_eq!(res.status().as_u16(), 303);
    let html = shopper.get(&app, "/cart").await.text().await.unwrap();
    assert!(!html.contains("Lotus ring") && html.contains("$300.50"));

    // Another visitor has their own, empty cart.
    let other = app.page("/cart", 200).await;
    assert!(other.contains("Your cart is empty"));
}

#[tokio::test]
async fn only_available_pieces_can_be_added() {
    let app = TestApp::spawn().await;
    let draft = app.piece(PieceFixture { status: "draft", ..PieceFixture::new("Draft ring") });
    let sold = app.piece(PieceFixture { status: "sold", ..PieceFixture::new("Sold ring") });
    let mut shopper = Shopper::default();
    assert_eq!(shopper.add(&app, draft).await.status().as_u16(), 404, "a draft is not public");
    assert_eq!(shopper.add(&app, 999_999).await.status().as_u16(), 404);
    let res = shopper.add(&app, sold).await;
    assert_eq!(res.status().as_u16(), 409);
    assert!(res.text().await.unwrap().contains("cannot be added"));
    assert_eq!(shopper.post(&app, "/cart/add", &[]).await.status().as_u16(), 400);
}

#[tokio::test]
async fn cross_site_cart_posts_are_refused() {
    let app = TestApp::spawn().await;
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let res = app
        .client
        .post(format!("{}/cart/add", app.address))
        .header("Origin", "https://evil.example")
        .form(&[("piece_id", piece.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    let carts: i64 = app.with_conn(|c| fairgold::schema::carts::table.count().get_result(c).unwrap());
    assert_eq!(carts, 0);
}

#[tokio::test]
async fn a_piece_that_became_unavailable_is_flagged_and_blocks_checkout() {
    let app = TestApp::spawn().await;
    let a = app.piece(PieceFixture::new("Lotus ring"));
    let b = app.piece(PieceFixture::new("Wave pendant"));
    let mut shopper = Shopper::default();
    shopper.add(&app, a).await;
    shopper.add(&app, b).await;
    assert_eq!(shopper.get(&app, "/checkout").await.status().as_u16(), 200);

    set_status(&app, a, "sold");
    let html = shopper.get(&app, "/cart").await.text().await.unwrap();
    assert!(html.contains("No longer available"), "the sold piece is flagged");
    assert!(!html.contains("href=\"/checkout\""), "no way to check out");
    let res = shopper.get(&app, "/checkout").await;
    assert_eq!(res.status().as_u16(), 303, "checkout is blocked");
    assert_eq!(res.headers()["location"], "/cart");

    shopper.post(&app, "/cart/remove", &[("piece_id", &a.to_string())]).await;
    assert_eq!(shopper.get(&app, "/checkout").await.status().as_u16(), 200);
}

#[tokio::test]
async fn the_piece_page_has_the_same_add_to_cart_form_for_everyone() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture { slug: Some("lotus-ring".into()), ..PieceFixture::new("Lotus ring") });
    app.piece(PieceFixture { slug: Some("sold-ring".into()), status: "sold", ..PieceFixture::new("Sold ring") });
    let html = app.page("/pieces/lotus-ring", 200).await;
    assert!(html.contains("action=\"/cart/add\"") && html.contains("Add to cart"));
    assert!(!app.page("/pieces/sold-ring", 200).await.contains("Add to cart"));
    // The add form works from the piece page's own field.
    let sku = html.split("name=\"sku\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    let mut shopper = Shopper::default();
    assert_eq!(shopper.post(&app, "/cart/add", &[("sku", &sku)]).await.status().as_u16(), 303);
    assert!(shopper.get(&app, "/cart").await.text().await.unwrap().contains("Lotus ring"));
}
