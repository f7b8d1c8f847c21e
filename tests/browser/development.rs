//! The development shop (no Stripe keys): two pieces from different workshops into the cart,
//! checkout, the development test-payment page on the shop's own origin, and the order's status
//! page.

use diesel::prelude::*;
use fairgold::schema::{email_outbox, orders, pieces};
use fantoccini::Locator;

use crate::helpers::TestApp;
use crate::{add_to_cart, browser, fill_checkout, wait_for_url, Customer};

#[tokio::test]
async fn a_customer_buys_two_pieces_from_both_workshops_with_the_test_payment_page() {
    crate::use_ring();
    let app = TestApp::spawn_demo().await;
    // One available piece from each workshop.
    let mut slugs = Vec::new();
    for center in ["kolkata", "mumbai"] {
        let list = app.json(&format!("/api/v1/pieces?center={center}&per_page=1"), 200).await;
        slugs.push(list["data"][0]["slug"].as_str().unwrap().to_string());
    }
    let (kolkata, mumbai) = (slugs[0].clone(), slugs[1].clone());

    let (_driver, c) = browser().await;

    for slug in [&kolkata, &mumbai] {
        add_to_cart(&c, &app.address, slug).await;
    }
    c.goto(&format!("{}/cart", app.address)).await.unwrap();
    let lines = c.find_all(Locator::Css(".cart-line")).await.unwrap();
    assert_eq!(lines.len(), 2, "both pieces are in the cart");
    c.find(Locator::LinkText("Check out")).await.unwrap().click().await.unwrap();

    fill_checkout(&c, &Customer::in_bengaluru()).await;

    // The development payment page, clearly labelled, pays through the real fulfilment code.
    wait_for_url(&c, "the test-payment page", |u| u.path().starts_with("/checkout/test-payment/")).await;
    let page = c.source().await.unwrap();
    assert!(
        page.contains("TEST PAYMENT") || page.contains("test payment"),
        "the test-payment page: {}",
        c.current_url().await.unwrap()
    );
    c.find(Locator::XPath("//button[contains(., 'Pay')]")).await.unwrap().click().await.unwrap();

    wait_for_url(&c, "the order's status page", |u| u.path().starts_with("/orders/")).await;
    let status = c.find(Locator::Css("h1")).await.unwrap().text().await.unwrap();
    assert!(status.to_lowercase().contains("paid"), "status heading: {status}");
    c.close().await.unwrap();

    // What the shop recorded: one paid order, both pieces sold, the confirmation queued.
    let (status, sold, emails): (String, i64, i64) = app.with_conn(|conn| {
        // The newest order is the customer's (the demo data has older, delivered ones).
        let (order_id, status) = orders::table
            .order(orders::id.desc())
            .select((orders::id, orders::status))
            .first::<(i64, String)>(conn)
            .unwrap();
        let sold = pieces::table
            .filter(pieces::slug.eq_any([&kolkata, &mumbai]))
            .filter(pieces::status.eq("sold"))
            .count()
            .get_result(conn)
            .unwrap();
        let emails = email_outbox::table
            .filter(email_outbox::kind.eq("order_confirmation"))
            .filter(email_outbox::order_id.eq(order_id))
            .count()
            .get_result(conn)
            .unwrap();
        (status, sold, emails)
    });
    assert_eq!(status, "paid");
    assert_eq!(sold, 2);
    assert_eq!(emails, 1);
}
