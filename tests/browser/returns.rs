//! A return, the whole path in Chromium, in the release configuration (`ProductionShop`: Stripe's
//! hosted page and API faked on loopback): a customer buys a piece, it is delivered, and from the
//! order's page (no JavaScript: plain forms) they ask to return it with a reason; the Kolkata
//! manager, signed in to the back office, approves it with a message and records its receipt,
//! back on sale; finance refunds it (through Stripe, with a credit note). The customer's order
//! page shows each step on the timeline, and the piece is for sale again.

use diesel::prelude::*;
use fairgold::audit::Actor;
use fairgold::catalog::types::Slug;
use fairgold::orders::service::StaffStep;
use fairgold::schema::{invoices, orders, pieces, return_requests};
use fantoccini::{Client, Locator};

use crate::helpers::{now, PieceFixture};
use crate::production::ProductionShop;
use crate::{add_to_cart, browser, fill_checkout, press, staff_browser, wait_for_url, Customer};

async fn page_text(c: &Client) -> String {
    c.find(Locator::Css("body")).await.unwrap().text().await.unwrap()
}

#[tokio::test]
async fn a_customer_returns_a_delivered_piece_which_is_refunded_and_for_sale_again_in_production() {
    let shop = ProductionShop::start().await;
    let app = &shop.app;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("finance@fairgold.test", "finance", None);
    let title = "Lotus filigree ring";
    let piece = app.piece(PieceFixture { price_minor: 48_000, ..PieceFixture::new(title) });
    let slug = Slug::from_title(title);

    // The customer buys the ring on the hosted payment page.
    let (_customer_driver, c) = browser().await;
    add_to_cart(&c, &shop.shop, slug.as_str()).await;
    c.find(Locator::LinkText("Check out")).await.unwrap().click().await.unwrap();
    fill_checkout(&c, &Customer::in_bengaluru()).await;
    let order_page = shop.pay_on_hosted_page(&c).await;
    let (order_id, total): (i64, i64) = app.with_conn(|conn| {
        orders::table.order(orders::id.desc()).select((orders::id, orders::total_minor)).first(conn).unwrap()
    });

    // The workshop ships it and the courier delivers it (the manager's steps, recorded).
    app.with_conn(|conn| {
        let actor = Actor::system("kolkata@fairgold.test");
        for parcel in fairgold::orders::queries::shipments_of(conn, order_id).unwrap() {
            let shipped = StaffStep::Shipped { carrier: "India Post".into(), tracking_number: "EE123456789IN".into() };
            fairgold::orders::service::advance(conn, parcel.id, &shipped, None, &actor, now()).unwrap();
            fairgold::orders::service::advance(conn, parcel.id, &StaffStep::Delivered, None, &actor, now()).unwrap();
        }
    });

    // From the order's page, the customer asks to return the ring, saying why.
    c.goto(order_page.as_str()).await.unwrap();
    c.find(Locator::LinkText("Return pieces or follow a return")).await.unwrap().click().await.unwrap();
    let returns_form = wait_for_url(&c, "the return form", |u| u.path().ends_with("/returns")).await;
    // The box's label takes the click, as a person's would.
    c.find(Locator::Css(&format!("label[for=piece-{piece}]"))).await.unwrap().click().await.unwrap();
    let reason = "It is too small for my finger.";
    c.find(Locator::Css("textarea#reason")).await.unwrap().send_keys(reason).await.unwrap();
    press(&c, "Ask for the return", "the form again with its notice", |u| u.query() == Some("done=requested")).await;
    let page = page_text(&c).await;
    assert!(page.contains("your return request is on its way to the workshop"), "{page}");
    assert!(page.contains(&format!("Requested: {title}")), "the return listed: {page}");
    let return_id: i64 = app.with_conn(|conn| {
        return_requests::table
            .filter(return_requests::order_id.eq(order_id))
            .select(return_requests::id)
            .first(conn)
            .unwrap()
    });

    // The Kolkata manager finds it in the back office, approves it, and records the receipt:
    // unworn, back on sale.
    let (_manager_driver, m) = staff_browser(&shop.shop, "kolkata@fairgold.test").await;
    m.goto(&format!("{}/admin/returns", shop.shop)).await.unwrap();
    m.find(Locator::LinkText(&format!("Return {return_id}"))).await.unwrap().click().await.unwrap();
    wait_for_url(&m, "the return's page", |u| u.path() == format!("/admin/returns/{return_id}")).await;
    assert!(page_text(&m).await.contains(reason), "the customer's reason for the manager");
    m.find(Locator::Css("textarea#a-message"))
        .await
        .unwrap()
        .send_keys("Send it insured by India Post to the Kolkata workshop.")
        .await
        .unwrap();
    press(&m, "Approve the return", "the return approved", |u| u.query() == Some("done=approved")).await;
    assert!(page_text(&m).await.contains("Return approved; the customer has been emailed."));
    m.find(Locator::Css("textarea#c-condition")).await.unwrap().send_keys("Unworn, in its box.").await.unwrap();
    m.find(Locator::XPath("//label[input[@name='then'][@value='restock']]")).await.unwrap().click().await.unwrap();
    press(&m, "Record the receipt", "the receipt recorded", |u| u.query() == Some("done=received")).await;
    assert!(page_text(&m).await.contains("Receipt recorded"));
    m.close().await.unwrap();
    let status: String = app.with_conn(|conn| pieces::table.find(piece).select(pieces::status).first(conn).unwrap());
    assert_eq!(status, "listed", "back in the catalog");

    // Finance refunds it: the whole order came back, so the proposal is the ring and the
    // shipping, as the returns policy says.
    let (_finance_driver, f) = staff_browser(&shop.shop, "finance@fairgold.test").await;
    f.goto(&format!("{}/admin/returns/{return_id}", shop.shop)).await.unwrap();
    let proposed = f.find(Locator::Css("input#r-amount")).await.unwrap().prop("value").await.unwrap();
    assert_eq!(proposed.as_deref(), Some(format!("{}.{:02}", total / 100, total % 100).as_str()));
    press(&f, "Refund", "the refund made", |u| u.query() == Some("done=refunded")).await;
    assert!(page_text(&f).await.contains("Refund made; a credit note was issued"));
    f.close().await.unwrap();
    let (refunded, order_status): (i64, String) = app.with_conn(|conn| {
        orders::table.find(order_id).select((orders::refunded_minor, orders::status)).first(conn).unwrap()
    });
    assert_eq!((refunded, order_status.as_str()), (total, "refunded"));
    assert!(shop.stripe.requests().iter().any(|r| r.contains("POST /v1/refunds")), "{:?}", shop.stripe.requests());
    let credit_notes: i64 = app.with_conn(|conn| {
        invoices::table
            .filter(invoices::order_id.eq(order_id))
            .filter(invoices::kind.eq("credit_note"))
            .count()
            .get_result(conn)
            .unwrap()
    });
    assert_eq!(credit_notes, 1);

    // The customer's order page: every step on the timeline.
    c.goto(order_page.as_str()).await.unwrap();
    let timeline = c.find(Locator::Css("ol.timeline")).await.unwrap().text().await.unwrap();
    for step in [
        format!("Return requested for {title}: “{reason}”"),
        format!("Return of {title} approved. “Send it insured by India Post to the Kolkata workshop.”"),
        format!("Returned {title} received at the workshop."),
        format!("Return of {title} refunded:"),
    ] {
        assert!(timeline.contains(&step), "{step:?} on the timeline: {timeline}");
    }
    assert!(!timeline.contains("Unworn"), "the condition note is for staff");
    c.goto(returns_form.as_str()).await.unwrap();
    assert!(page_text(&c).await.contains(&format!("Refunded: {title}")));

    // The ring is for sale again: its page offers it to the next customer.
    c.goto(&format!("{}/pieces/{}", shop.shop, slug.as_str())).await.unwrap();
    c.find(Locator::Css("form.add-to-cart button[type=submit]")).await.expect("for sale again");
    c.close().await.unwrap();
}
