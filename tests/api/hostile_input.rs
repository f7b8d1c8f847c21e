//! Issue 10, finding 6: a NUL byte (or another control character) in any public input is
//! answered 400 (or 404 for a path) with a message, never 500 — on PostgreSQL too, which would
//! refuse the text — and changes nothing.

use crate::checkout::{Shopper, ADDRESS};
use crate::helpers::{PieceFixture, TestApp};

#[tokio::test]
async fn nul_bytes_in_public_inputs_are_refused_at_the_door() {
    let app = TestApp::spawn().await;
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let mut gets = vec![
        "/pieces/lotus-ring%00".to_string(),
        "/api/v1/pieces/lotus-ring%00".to_string(),
        "/artisans/t123%00".to_string(),
        "/orders/abcdefghijklmnop%00".to_string(),
        "/admin/setup/abcdefghijklmnop%00".to_string(),
        "/checkout/complete/FG-000001%00".to_string(),
        "/pieces?center=kolkata%00".to_string(),
        "/api/v1/pieces?metal=%00".to_string(),
        "/checkout?country=IN%00".to_string(),
    ];
    gets.push(format!("/checkout/test-payment/FG-000001?token=abc%00{}", "x".repeat(10)));
    for path in &gets {
        let res = app.get(path).await;
        let status = res.status().as_u16();
        let body = res.text().await.unwrap();
        assert!(status == 400 || status == 404, "GET {path}: {status} {body}");
        assert!(!body.is_empty(), "GET {path}: a message");
    }
    // Forms: the cart (by slug and by SKU), the sign-in, the checkout.
    let mut shopper = Shopper::default();
    for form in [[("slug", "lotus-ring\u{0}")], [("sku", "TST-\u{0}1")], [("piece_id", "1\u{0}")]] {
        let res = shopper.post(&app, "/cart/add", &form).await;
        assert_eq!(res.status().as_u16(), 400, "cart add {form:?}");
        assert!(res.text().await.unwrap().contains("control character"));
    }
    let res = app.post_form("/admin/login", None, &[("email", "a\u{0}@example.org"), ("password", "x")]).await;
    assert_eq!(res.status().as_u16(), 400, "sign-in");
    assert_eq!(shopper.add(&app, piece).await.status().as_u16(), 303);
    let mut form: Vec<(&str, &str)> = ADDRESS.iter().copied().filter(|(k, _)| *k != "name").collect();
    form.push(("name", "Ann\u{0} Lee"));
    let res = shopper.check_out(&app, &form).await;
    assert_eq!(res.status().as_u16(), 400, "checkout");
    assert_eq!(crate::checkout::order_count(&app), 0, "nothing created");
    // A JSON body with an escaped NUL, to the admin API (refused before authentication matters).
    let res = app
        .client
        .post(format!("{}/api/admin/pieces", app.address))
        .header("Content-Type", "application/json")
        .body(r#"{"title":"x\u0000y"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 400, "JSON body");
    // Line breaks in a text area are text, not control characters to refuse.
    let mut ok = Shopper::default();
    assert_eq!(ok.add(&app, app.piece(PieceFixture::new("Wave ring"))).await.status().as_u16(), 303);
    let mut form: Vec<(&str, &str)> = ADDRESS.iter().copied().filter(|(k, _)| *k != "line1").collect();
    form.push(("line1", "1 Main Street\r\n"));
    assert_eq!(ok.check_out(&app, &form).await.status().as_u16(), 303);
}
