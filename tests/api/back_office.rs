//! The back office as the people who use it work (issue 17): finding an order by its number, the
//! customer's email or a piece's SKU; a parcel's packing slip; the dashboard's list of what
//! each role must act on.

use chrono::{Datelike, Duration};
use diesel::prelude::*;
use fairgold::schema::{artisans, order_items, pieces};
use fairgold::wages::ledger::{self, NewEntry};
use fairgold::wages::types::{india_date, EntryKind, Month};

use crate::checkout::{pay, place};
use crate::helpers::{ArtisanFixture, PieceFixture, TestApp};
use crate::orders::parcels;

fn sku_of(app: &TestApp, piece: i64) -> String {
    app.with_conn(|c| pieces::table.find(piece).select(pieces::sku).first(c).unwrap())
}

#[tokio::test]
async fn staff_find_an_order_by_number_email_or_sku_within_their_scope() {
    let app = TestApp::spawn().await;
    app.staff("finance@fairgold.test", "finance", None);
    app.staff("mumbai@fairgold.test", "manager", Some("mumbai"));
    let ring = app.piece(PieceFixture::new("Lotus ring"));
    let bangle = app.piece(PieceFixture { mumbai: true, ..PieceFixture::new("Peacock bangle") });
    let mut first = place(&app, &[ring]).await;
    pay(&app, &mut first, "pay").await;
    let mut second = place(&app, &[bangle]).await;
    pay(&app, &mut second, "pay").await;
    let finance = app.sign_in("finance@fairgold.test").await;
    let mumbai = app.sign_in("mumbai@fairgold.test").await;
    let find = |q: &str, who| {
        let s = if who { &finance } else { &mumbai };
        let path = format!("/admin/orders?q={}", url_encode(q));
        let app = &app;
        async move {
            let res = app.get_as(&path, s).await;
            (res.status().as_u16(), res.text().await.unwrap())
        }
    };

    // By number, in any of the ways people write it.
    let digits = first.reference.trim_start_matches("FG-").to_string();
    for q in [first.reference.clone(), first.reference.to_lowercase(), digits.trim_start_matches('0').to_string()] {
        let (status, html) = find(&q, true).await;
        assert_eq!(status, 200, "{q}");
        assert!(html.contains(&first.reference) && !html.contains(&second.reference), "{q}: only that order");
        assert!(html.contains(&format!("value=\"{q}\"")), "the search box keeps what was typed");
    }
    // By the customer's email, any case: both orders are Ann's.
    let (_, html) = find("ANN@example.ORG", true).await;
    assert!(html.contains(&first.reference) && html.contains(&second.reference));
    // By a piece's SKU.
    let (_, html) = find(&sku_of(&app, bangle).to_lowercase(), true).await;
    assert!(html.contains(&second.reference) && !html.contains(&first.reference));
    // With the workshop filter too (finance chooses it).
    let html = app.get_as("/admin/orders?q=ann%40example.org&center=kolkata", &finance).await.text().await.unwrap();
    assert!(html.contains(&first.reference) && !html.contains(&second.reference), "Kolkata's order only");
    // A manager's search never leaves their workshop, whatever the query says.
    let (_, html) = find(&sku_of(&app, ring), false).await;
    assert!(!html.contains(&first.reference), "Mumbai's manager does not find Kolkata's order");
    assert!(html.contains("No order matches"));
    let res = app.get_as(&format!("/admin/orders?q={}&center=kolkata", first.reference), &mumbai).await;
    assert!(!res.text().await.unwrap().contains(&format!("<a href=\"/admin/orders/{}\"", first.order_id)));

    // Something that is none of the three: said on the page, the query kept, nothing listed.
    let (status, html) = find("ring; drop", true).await;
    assert_eq!(status, 400);
    assert!(html.contains("is none of them") && html.contains("value=\"ring; drop\""), "{html}");
    assert!(!html.contains(&first.reference));
}

fn url_encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[tokio::test]
async fn a_packing_slip_names_the_registered_office_never_a_workshop_and_shows_no_prices() {
    let app = TestApp::spawn().await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("mumbai@fairgold.test", "manager", Some("mumbai"));
    let ring = app.piece(PieceFixture::new("Lotus ring"));
    let mut placed = place(&app, &[ring]).await;
    pay(&app, &mut placed, "pay").await;
    let id = placed.order_id;
    let parcel = parcels(&app, id)[0].0;
    let kolkata = app.sign_in("kolkata@fairgold.test").await;
    let mumbai = app.sign_in("mumbai@fairgold.test").await;

    let order_page = app.get_as(&format!("/admin/orders/{id}"), &kolkata).await.text().await.unwrap();
    let slip_path = format!("/admin/orders/{id}/shipments/{parcel}/slip");
    assert!(order_page.contains(&slip_path), "the order page links its parcel's slip");
    let res = app.get_as(&slip_path, &kolkata).await;
    assert_eq!(res.status().as_u16(), 200);
    let slip = res.text().await.unwrap();
    let sku = sku_of(&app, ring);
    assert!(slip.contains(&sku) && slip.contains("Lotus ring"), "the piece by SKU and title");
    assert!(slip.contains("Ann Lee") && slip.contains("1 Main Street") && slip.contains("10115"), "the recipient");
    assert!(slip.contains("Parcel 1 of 1"));
    // The sender is the registered office (the invoice issuer), never a workshop.
    assert!(slip.contains("Fairgold Artisan Cooperative (demo)") && slip.contains("12 Example Road"), "{slip}");
    let body = slip.split("<main").nth(1).unwrap();
    assert!(!body.contains("workshop"), "no workshop on the slip: {body}");
    // No price anywhere on it.
    let price: i64 = app.with_conn(|c| {
        order_items::table.filter(order_items::order_id.eq(id)).select(order_items::price_minor).first(c).unwrap()
    });
    let whole = (price / 100).to_string();
    assert!(!body.contains('$') && !body.contains(&whole), "no price on the slip");
    // Another workshop's manager gets nothing.
    assert_eq!(app.get_as(&slip_path, &mumbai).await.status().as_u16(), 403);
    let other = format!("/admin/orders/{id}/shipments/{}/slip", parcel + 999);
    assert_eq!(app.get_as(&other, &kolkata).await.status().as_u16(), 404);
}

#[tokio::test]
async fn each_role_s_dashboard_lists_what_it_must_act_on() {
    let app = TestApp::spawn().await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("mumbai@fairgold.test", "manager", Some("mumbai"));
    app.staff("finance@fairgold.test", "finance", None);
    let kolkata = app.sign_in("kolkata@fairgold.test").await;
    let mumbai = app.sign_in("mumbai@fairgold.test").await;
    let finance = app.sign_in("finance@fairgold.test").await;
    let dashboard = |s| {
        let app = &app;
        // Tera writes the slashes of the links as `&#x2F;` (the same URL to a browser).
        async move { app.get_as("/admin", s).await.text().await.unwrap().replace("&#x2F;", "/") }
    };
    // Nothing yet.
    assert!(dashboard(&kolkata).await.contains("Nothing waits for you."));
    assert!(dashboard(&finance).await.contains("Nothing waits for you."));

    // A paid order to pack, a draft without makers, a consent ending in ten days (Kolkata).
    let ring = app.piece(PieceFixture::new("Lotus ring"));
    let mut placed = place(&app, &[ring]).await;
    pay(&app, &mut placed, "pay").await;
    app.piece(PieceFixture { status: "draft", ..PieceFixture::new("Unfinished chain") });
    let (artisan, artisan_pid) = app.artisan(ArtisanFixture::default());
    let today = india_date(chrono::Utc::now().naive_utc());
    app.with_conn(|c| {
        diesel::update(artisans::table.find(artisan))
            .set(artisans::photo_consent_until.eq(Some(today + Duration::days(10))))
            .execute(c)
            .unwrap()
    });
    let page = dashboard(&kolkata).await;
    assert!(page.contains("1 parcel of paid orders to pack and ship"), "{page}");
    assert!(page.contains("1 draft piece missing a photo or their makers"), "{page}");
    assert!(page.contains("1 artisan whose consent ends within 30 days"), "{page}");
    assert!(page.contains("href=\"/admin/orders\""), "managers have an Orders tile");
    assert!(!page.contains("href=\"/admin/wages\""), "and no Wages tile");
    // Mumbai's manager sees none of Kolkata's work.
    assert!(dashboard(&mumbai).await.contains("Nothing waits for you."));

    // Finance: wages earned last month and not paid (due by the 7th only while the 7th has
    // not passed), which also leaves last month to close; an adjustment to approve.
    let last = Month::of(today).prev();
    app.with_conn(|c| {
        fairgold::db::write(c, |c| {
            let now = chrono::Utc::now().naive_utc();
            ledger::append(
                c,
                &NewEntry::new(EntryKind::WageEarned, artisan, app.kolkata, 1_234_500, last.last_day()),
                now,
            )?;
            let mut adj = NewEntry::new(EntryKind::Adjustment, artisan, app.kolkata, 5_000, today);
            adj.details = serde_json::json!({"reason": "a missed hour of polishing"});
            ledger::append(c, &adj, now)
        })
        .unwrap()
    });
    let page = dashboard(&finance).await;
    assert!(page.contains(&format!("Kolkata, {}: not closed yet", last.label())), "{page}");
    assert!(
        page.contains(&format!("href=\"/admin/wages/months/kolkata/{last}\"")),
        "the month's page is one click away: {page}"
    );
    if today.day() <= 7 {
        assert!(page.contains(&format!("{}&#x27;s wages still to pay by 7", last.label())), "{page}");
        assert!(page.contains("₹12,345.00 owed to 1 artisan"), "{page}");
    } else {
        assert!(!page.contains("still to pay by"), "after the 7th the month is late, not due: {page}");
    }
    assert!(page.contains("1 adjustment waiting for a second person"), "{page}");
    // The order paid in US dollars has no rupee rate for its day yet: its makers' bonus waits.
    assert!(page.contains("1 paid order waiting for an exchange rate"), "{page}");
    assert!(!page.contains("parcel"), "finance does not pack parcels");
    assert!(page.contains("href=\"/admin/wages\""), "finance has a Wages tile");
    assert!(!page.contains("add, edit, publish"), "and is not offered what it cannot do");

    // The overview's "Pay" link opens the payout form with what the artisan is owed proposed
    // (the unapproved adjustment does not count yet).
    let form =
        app.get_as(&format!("/admin/wages/payouts/new?artisan={artisan_pid}"), &finance).await.text().await.unwrap();
    assert!(form.contains("name=\"amount\" inputmode=\"decimal\" value=\"12345.00\""), "{form}");
    let blank = app.get_as("/admin/wages/payouts/new", &finance).await.text().await.unwrap();
    assert!(blank.contains("name=\"amount\" inputmode=\"decimal\" value=\"\""), "no artisan chosen, no amount");
}
