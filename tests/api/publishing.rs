//! Issue 14, points 4 and 8: publishing a piece needs its basics (a photo, a description, a
//! HUID or a recorded exemption, its makers), shown all at once; a confirmation shows what goes
//! public and what goes into the ledger before anything is posted; a description that
//! screening flags needs a second staff member's approval, recorded in the audit log.

use diesel::prelude::*;
use fairgold::schema::{audit_log, ledger_entries, piece_images, pieces};
use serde_json::{json, Value};

use crate::admin_pieces::{full_form, location, piece_row, post};
use crate::helpers::{ArtisanFixture, PieceFixture, TestApp};

fn wage_entries(app: &TestApp, piece: i64) -> i64 {
    app.with_conn(|c| {
        ledger_entries::table
            .filter(ledger_entries::piece_id.eq(piece))
            .filter(ledger_entries::kind.eq("wage_earned"))
            .count()
            .get_result(c)
    })
    .unwrap()
}

fn actions(app: &TestApp, action_prefix: &str) -> Vec<(String, Option<i64>)> {
    app.with_conn(|c| {
        audit_log::table
            .filter(audit_log::action.like(format!("{action_prefix}%")))
            .order(audit_log::id)
            .select((audit_log::action, audit_log::staff_id))
            .load(c)
    })
    .unwrap()
}

/// A write token for the admin API, made by the service.
fn token(app: &TestApp, email: &str) -> String {
    use fairgold::api_admin::tokens::{self, TokenName, TokenScope};
    app.with_conn(|c| {
        let owner = fairgold::staff::queries::find_by_email(c, email).unwrap().unwrap();
        let actor = fairgold::audit::Actor::staff(owner.id, &owner.email);
        let name = TokenName::parse("publishing test").unwrap();
        tokens::create(c, &owner, &actor, &name, TokenScope::Write, 90, crate::helpers::now()).unwrap().1
    })
}

async fn api_post(app: &TestApp, path: &str, token: &str) -> (u16, Value) {
    let res =
        app.client.post(format!("{}{}", app.address, path)).bearer_auth(token).json(&json!({})).send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn a_piece_without_photo_description_huid_or_makers_is_refused_with_every_missing_basic() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let bare = app.piece(PieceFixture {
        status: "draft",
        description: String::new(),
        price_minor: 100,
        ..PieceFixture::new("One dollar ring")
    });
    app.with_conn(|c| diesel::delete(piece_images::table.filter(piece_images::piece_id.eq(bare))).execute(c)).unwrap();
    let me = app.sign_in("rupa@fairgold.test").await;

    // The first step lists what is missing instead of a confirmation.
    let res = app.post_form(&format!("/admin/pieces/{bare}/publish"), Some(&me), &[]).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    for missing in [
        "add at least one photo",
        "write a description",
        "hallmark HUID",
        "record who made the piece",
        "finance has not recorded today&#x27;s gold rate",
    ] {
        assert!(html.contains(missing), "{missing} is listed: {html}");
    }
    // Confirming anyway changes nothing: every basic is checked again.
    let res = app.post_form(&format!("/admin/pieces/{bare}/publish/confirm"), Some(&me), &[]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("add at least one photo"));
    assert_eq!(piece_row(&app, bare).status.code(), "draft");
    assert_eq!(wage_entries(&app, bare), 0);
    app.page("/pieces/one-dollar-ring", 404).await;

    // The admin API: 422 not_ready_to_publish, a message per missing basic.
    let token = token(&app, "rupa@fairgold.test");
    let (status, body) = api_post(&app, &format!("/api/admin/v1/pieces/{bare}/publish"), &token).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["code"], "not_ready_to_publish", "{body}");
    for key in ["photo", "description", "huid", "labor", "price"] {
        assert!(body["error"]["fields"][key].is_string(), "{key} in {body}");
    }
    assert_eq!(piece_row(&app, bare).status.code(), "draft");
}

#[tokio::test]
async fn publishing_first_shows_what_goes_public_and_into_the_ledger() {
    let app = TestApp::spawn().await;
    app.gold_rate_today(1_000);
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let (maker, maker_pid) = app.artisan(ArtisanFixture { alias: "Asha K.", ..Default::default() });
    let id = app.piece(PieceFixture {
        status: "draft",
        huid: Some("QW12ER"),
        makers: vec![(maker, 600)],
        ..PieceFixture::new("Lotus bud ring")
    });
    let me = app.sign_in("rupa@fairgold.test").await;

    let res = app.post_form(&format!("/admin/pieces/{id}/publish"), Some(&me), &[]).await;
    assert_eq!(res.status().as_u16(), 200);
    let html = res.text().await.unwrap();
    for shown in ["What goes public", "Lotus bud ring", "$500.00", "QW12ER", "Asha K.", "What goes into the ledger"] {
        assert!(html.contains(shown), "{shown} is shown: {html}");
    }
    assert!(html.contains(&maker_pid), "the maker's line in the ledger: {html}");
    assert!(html.contains("for good"), "the page says the wages cannot be taken back");
    assert!(html.contains(&format!("action=\"/admin/pieces/{id}/publish/confirm\"")), "a confirm form");
    // Nothing happened yet.
    assert_eq!(piece_row(&app, id).status.code(), "draft");
    assert_eq!(wage_entries(&app, id), 0);

    let res = app.post_form(&format!("/admin/pieces/{id}/publish/confirm"), Some(&me), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), format!("/admin/pieces/{id}?done=published"));
    assert_eq!(piece_row(&app, id).status.code(), "listed");
    assert_eq!(wage_entries(&app, id), 1);
}

#[tokio::test]
async fn the_confirmation_names_makers_as_the_public_will_see_them() {
    let app = TestApp::spawn().await;
    app.gold_rate_today(1_000);
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let (named, _) = app.artisan(ArtisanFixture { alias: "Asha K.", ..Default::default() });
    let (unnamed, _) = app.artisan(ArtisanFixture { alias: "Moni", anonymous: true, ..Default::default() });
    let id = app.piece(PieceFixture {
        status: "draft",
        huid: Some("QW12ER"),
        makers: vec![(named, 600), (unnamed, 300)],
        ..PieceFixture::new("Lotus bud ring")
    });
    let me = app.sign_in("rupa@fairgold.test").await;
    let html = app.post_form(&format!("/admin/pieces/{id}/publish"), Some(&me), &[]).await.text().await.unwrap();
    let public = html.split("What goes into the ledger").next().unwrap();
    assert!(public.contains("Asha K., of the Kolkata workshop"), "a maker with attribution consent is named: {public}");
    assert!(public.contains("a goldsmith of the Kolkata workshop"), "one without it is not: {public}");
    assert!(!public.contains("Moni"), "the unnamed maker's alias is not among what goes public: {public}");
}

#[tokio::test]
async fn a_huid_exemption_is_validated_recorded_and_named_on_the_piece_page() {
    let app = TestApp::spawn().await;
    app.gold_rate_today(1_000);
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let (_, artisan) = app.artisan(ArtisanFixture::default());
    let me = app.sign_in("rupa@fairgold.test").await;
    let form = |exemption: &str| {
        let mut f: Vec<(&'static str, String)> = full_form("kol-rng-0700", "Exempt ring", &artisan)
            .into_iter()
            .map(|(k, v)| if k == "huid" { (k, String::new()) } else { (k, v) })
            .collect();
        f.push(("huid_exemption", exemption.to_string()));
        f
    };
    let page = app.get_as("/admin/pieces/new", &me).await.text().await.unwrap();
    assert!(page.contains("<label for=\"f-huid_exemption\">"), "the form asks for the exemption");

    // 4.65 g is not under 2 g.
    let res = post(&app, "/admin/pieces", &me, &form("under_2_g")).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("the under-2 g exemption does not apply"));
    let res = post(&app, "/admin/pieces", &me, &form("made_up")).await;
    assert_eq!(res.status().as_u16(), 422);

    let res = post(&app, "/admin/pieces", &me, &form("small_turnover")).await;
    assert_eq!(res.status().as_u16(), 303);
    let id: i64 = location(&res).trim_start_matches("/admin/pieces/").split('?').next().unwrap().parse().unwrap();
    let stored: Option<String> =
        app.with_conn(|c| pieces::table.find(id).select(pieces::huid_exemption).first(c)).unwrap();
    assert_eq!(stored.as_deref(), Some("small_turnover"));
    app.photo(id);
    let res = app.post_form(&format!("/admin/pieces/{id}/publish/confirm"), Some(&me), &[]).await;
    assert_eq!(res.status().as_u16(), 303);

    let public = app.page("/pieces/exempt-ring", 200).await;
    assert!(public.contains("exempt from BIS hallmarking"), "the exemption is named");
    assert!(public.contains("yearly turnover up to ₹40 lakh"), "which exemption");
    assert!(!public.contains("BIS hallmark 22K916"), "no hallmark claimed for a piece without a HUID");
}

#[tokio::test]
async fn a_description_screening_flags_needs_a_second_staff_members_approval() {
    let app = TestApp::spawn().await;
    app.gold_rate_today(1_000);
    let rupa = app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    app.staff("mira@fairgold.test", "manager", Some("mumbai"));
    let root = app.staff("root@fairgold.test", "admin", None);
    let (maker, _) = app.artisan(ArtisanFixture::default());
    let flagged = "Made by Rupa during her morning shift near Howrah station.\n\nCall 98765 43210 to order.";
    let id = app.piece(PieceFixture {
        status: "draft",
        huid: Some("SC12RN"),
        makers: vec![(maker, 600)],
        description: flagged.into(),
        ..PieceFixture::new("Screened ring")
    });
    let me = app.sign_in("rupa@fairgold.test").await;

    // The editor sees what was found.
    let page = app.get_as(&format!("/admin/pieces/{id}"), &me).await.text().await.unwrap();
    for shown in ["morning shift", "near Howrah", "98765 43210", "a phone number", "Ask for approval"] {
        assert!(page.contains(shown), "{shown} on the piece page");
    }
    // The confirmation shows it too, and offers no publish button.
    let html = app.post_form(&format!("/admin/pieces/{id}/publish"), Some(&me), &[]).await.text().await.unwrap();
    assert!(html.contains("Approval needed") && !html.contains("/publish/confirm\""), "{html}");
    // Publishing is refused until someone else approves.
    let res = app.post_form(&format!("/admin/pieces/{id}/publish/confirm"), Some(&me), &[]).await;
    assert_eq!(res.status().as_u16(), 409);
    assert!(res.text().await.unwrap().contains("second staff member"));
    let token = token(&app, "rupa@fairgold.test");
    let (status, body) = api_post(&app, &format!("/api/admin/v1/pieces/{id}/publish"), &token).await;
    assert_eq!((status, body["error"]["code"].as_str()), (409, Some("screening_approval_required")), "{body}");

    let res = app.post_form(&format!("/admin/pieces/{id}/approval"), Some(&me), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    let request: i64 = app
        .with_conn(|c| fairgold::schema::text_approvals::table.select(fairgold::schema::text_approvals::id).first(c))
        .unwrap();
    // The requester cannot approve; another center's manager does not see it.
    let res = app.post_form(&format!("/admin/approvals/{request}/approve"), Some(&me), &[]).await;
    assert_eq!(res.status().as_u16(), 409);
    let mira = app.sign_in("mira@fairgold.test").await;
    assert!(!app.get_as("/admin/approvals", &mira).await.text().await.unwrap().contains("Piece description #"));
    let res = app.post_form(&format!("/admin/approvals/{request}/approve"), Some(&mira), &[]).await;
    assert_eq!(res.status().as_u16(), 404);
    assert_eq!(piece_row(&app, id).status.code(), "draft");

    let admin = app.sign_in("root@fairgold.test").await;
    let list = app.get_as("/admin/approvals", &admin).await.text().await.unwrap();
    assert!(list.contains("Piece description #") && list.contains("a phone number"), "{list}");
    let res = app.post_form(&format!("/admin/approvals/{request}/approve"), Some(&admin), &[]).await;
    assert_eq!(res.status().as_u16(), 303);

    // A changed text needs a new approval: the approval is of exactly the text approved.
    app.with_conn(|c| {
        diesel::update(pieces::table.find(id))
            .set(pieces::description.eq(format!("{flagged} Open on Sundays.")))
            .execute(c)
    })
    .unwrap();
    let res = app.post_form(&format!("/admin/pieces/{id}/publish/confirm"), Some(&me), &[]).await;
    assert_eq!(res.status().as_u16(), 409);
    app.with_conn(|c| diesel::update(pieces::table.find(id)).set(pieces::description.eq(flagged)).execute(c)).unwrap();

    let res = app.post_form(&format!("/admin/pieces/{id}/publish/confirm"), Some(&me), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(piece_row(&app, id).status.code(), "listed");
    assert_eq!(
        actions(&app, "text."),
        vec![("text.approval_request".to_string(), Some(rupa)), ("text.approve".to_string(), Some(root))]
    );
}

#[tokio::test]
async fn a_price_outside_the_range_of_its_gold_value_is_refused() {
    let app = TestApp::spawn().await;
    // $10 a gram of fine gold: 4.100 g of 22-karat gold is worth $37.56; the default range is
    // 100% to 2000% of it, $37.56 to $751.20.
    app.gold_rate_today(1_000);
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let (maker, _) = app.artisan(ArtisanFixture::default());
    let me = app.sign_in("rupa@fairgold.test").await;
    for (title, price, ok) in [("Cheap ring", 100, false), ("Dear ring", 500_000, false), ("Fair ring", 50_000, true)] {
        let id = app.piece(PieceFixture {
            status: "draft",
            price_minor: price,
            huid: None,
            makers: vec![(maker, 600)],
            ..PieceFixture::new(title)
        });
        app.with_conn(|c| {
            diesel::update(pieces::table.find(id)).set(pieces::huid_exemption.eq("small_turnover")).execute(c)
        })
        .unwrap();
        let res = app.post_form(&format!("/admin/pieces/{id}/publish"), Some(&me), &[]).await;
        let status = res.status().as_u16();
        let html = res.text().await.unwrap();
        if ok {
            assert_eq!(status, 200, "{title}: {html}");
            assert!(html.contains("$37.56 to $751.20"), "the allowed range is shown: {html}");
        } else {
            assert_eq!(status, 422, "{title}");
            assert!(html.contains("outside the range its gold allows: $37.56 to $751.20"), "{title}: {html}");
        }
    }
}

#[tokio::test]
async fn every_demo_piece_has_a_huid_or_an_exemption_and_a_demo_draft_can_be_published() {
    let app = TestApp::spawn_demo().await;
    let neither: i64 = app
        .with_conn(|c| {
            pieces::table.filter(pieces::huid.is_null()).filter(pieces::huid_exemption.is_null()).count().get_result(c)
        })
        .unwrap();
    assert_eq!(neither, 0);
    let draft: i64 = app
        .with_conn(|c| pieces::table.filter(pieces::status.eq("draft")).order(pieces::id).select(pieces::id).first(c))
        .unwrap();
    app.staff("publisher@fairgold.test", "admin", None);
    let admin = app.sign_in("publisher@fairgold.test").await;
    let res = app.post_form(&format!("/admin/pieces/{draft}/publish"), Some(&admin), &[]).await;
    assert_eq!(res.status().as_u16(), 200, "{}", res.text().await.unwrap());
    let res = app.post_form(&format!("/admin/pieces/{draft}/publish/confirm"), Some(&admin), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(piece_row(&app, draft).status.code(), "listed");
}
