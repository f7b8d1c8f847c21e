//! Issue 5: the wage ledger wired into inventory and payments. A piece's wage is checked on the
//! piece form (below the legal minimum refused, below the living wage a warning); publishing a
//! draft accepts it and posts its makers' wages, shared by hours, after which its labor record
//! is fixed; a paid order posts the sale bonus at the rate finance recorded for the day (once,
//! however often Stripe delivers the event), and a refund claws nothing back.

use chrono::Utc;
use diesel::prelude::*;
use fairgold::audit::Actor;
use fairgold::auth::Scope;
use fairgold::catalog::types::PieceStatus;
use fairgold::inventory::service as inventory;
use fairgold::schema::{orders, pieces};
use fairgold::wages::ledger::{self, EntryRow};
use fairgold::wages::service;
use fairgold::wages::types::{india_date, PositiveDecimal};
use serde_json::{json, Value};
use stripe_webhook::Webhook;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::admin_pieces::{full_form, location, post, unescape};
use crate::checkout::{order_status, pay, place};
use crate::helpers::{now, ArtisanFixture, PieceFixture, TestApp};
use crate::stripe_fixtures::{field, fixture, form};

/// $123.45 × 83.4567 ₹/$ × 5 % = ₹515.13648… → ₹515.14 (51,514 paise), shared 10 h : 5 h.
const PRICE_MINOR: i64 = 12_345;
const RATE: &str = "83.4567";
const BONUS_MINOR: i64 = 51_514;

/// Every ledger entry of one kind (the test's whole ledger: days around today).
fn entries(app: &TestApp, kind: &str) -> Vec<EntryRow> {
    let today = india_date(now());
    app.with_conn(|c| ledger::between(c, today.pred_opt().unwrap(), today.succ_opt().unwrap(), None))
        .unwrap()
        .into_iter()
        .filter(|e| e.kind.code() == kind)
        .collect()
}

fn amounts(entries: &[EntryRow]) -> Vec<(i64, i64)> {
    entries.iter().map(|e| (e.artisan_id, e.amount_minor)).collect()
}

fn balance(app: &TestApp, artisan: i64) -> i64 {
    app.with_conn(|c| ledger::balance_of(c, artisan, None)).unwrap()
}

fn wage_state(app: &TestApp, id: i64) -> (Option<i64>, bool) {
    let (wage, accepted): (Option<i64>, Option<chrono::NaiveDateTime>) =
        app.with_conn(|c| pieces::table.find(id).select((pieces::wage_minor, pieces::accepted_at)).first(c)).unwrap();
    (wage, accepted.is_some())
}

fn record_rate(app: &TestApp) -> usize {
    let rate = PositiveDecimal::rate(RATE).unwrap();
    app.with_conn(|c| {
        service::record_rate(
            c,
            &Actor::system("finance test"),
            fairgold::money::Currency::Usd,
            india_date(now()),
            rate,
            now(),
        )
    })
    .unwrap()
}

fn form_with(form: &[(&'static str, String)], changes: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = form
        .iter()
        .map(|(k, v)| (*k, changes.iter().find(|(ck, _)| ck == k).map(|(_, cv)| cv.to_string()).unwrap_or(v.clone())))
        .collect();
    for (k, v) in changes {
        if !out.iter().any(|(ok, _)| ok == k) {
            out.push((k, v.to_string()));
        }
    }
    out
}

fn id_from(res: &reqwest::Response) -> i64 {
    location(res).trim_start_matches("/admin/pieces/").split('?').next().unwrap().parse().unwrap()
}

/// Two Kolkata artisans and a draft piece they made (10 h and 5 h) at $123.45, accepted into
/// inventory (published) the way a manager does it.
fn accepted_piece(app: &TestApp) -> (i64, i64, i64) {
    let (a, _) = app.artisan(ArtisanFixture { alias: "Maker A", ..ArtisanFixture::default() });
    let (b, _) = app.artisan(ArtisanFixture { alias: "Maker B", ..ArtisanFixture::default() });
    let piece = app.piece(PieceFixture {
        status: "draft",
        price_minor: PRICE_MINOR,
        makers: vec![(a, 600), (b, 300)],
        ..PieceFixture::new("Bonus ring")
    });
    let editor = Scope { actor: Actor::system("manager test"), center_scope: Some(app.kolkata) };
    app.with_conn(|c| {
        use diesel::prelude::*;
        diesel::update(fairgold::schema::pieces::table.find(piece))
            .set(fairgold::schema::pieces::huid.eq("BN12RG"))
            .execute(c)
    })
    .unwrap();
    app.gold_rate_today(1_000);
    let rules = fairgold::config::PublishingSettings::default();
    app.with_conn(|c| inventory::set_status(c, &editor, piece, PieceStatus::Listed, &rules, now())).expect("published");
    (piece, a, b)
}

#[tokio::test]
async fn a_wage_below_the_legal_minimum_is_refused_and_below_the_living_wage_warns() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let (_, artisan) = app.artisan(ArtisanFixture::default());
    let me = app.sign_in("rupa@fairgold.test").await;
    let form = form_with(&full_form("kol-rng-0300", "Floor ring", &artisan), &[("labor", &format!("{artisan}, 10"))]);

    // Kolkata: ₹12,499/month over 208 h = ₹60.09 an hour legal minimum. ₹500 for 10 h is ₹50.
    let res = post(&app, "/admin/pieces", &me, &form_with(&form, &[("wage", "500")])).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("id=\"f-wage-error\""), "the message is next to the wage field");
    assert!(html.contains("below the legal minimum"), "{html}");
    assert_eq!(app.with_conn(|c| pieces::table.count().get_result::<i64>(c)).unwrap(), 0, "nothing saved");

    // Empty = the proposal: 10 h × 1.2 × ₹19,261/208 h = ₹1,111.21.
    let res = post(&app, "/admin/pieces", &me, &form_with(&form, &[("wage", "")])).await;
    assert_eq!(res.status().as_u16(), 303);
    let id = id_from(&res);
    assert_eq!(wage_state(&app, id), (None, false));
    let page = app.get_as(&format!("/admin/pieces/{id}"), &me).await.text().await.unwrap();
    assert!(page.contains("₹1,111.21") && page.contains("10 hours"), "the panel proposes the wage");
    assert!(page.contains("At or above the living wage"));

    // An edit below the floor is refused and changes nothing.
    let path = format!("/admin/pieces/{id}");
    let res = post(&app, &path, &me, &form_with(&form, &[("wage", "500"), ("title", "Renamed")])).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("below the legal minimum"));
    assert_eq!(wage_state(&app, id), (None, false));
    assert_eq!(crate::admin_pieces::piece_row(&app, id).title, "Floor ring");

    // ₹700 for 10 h is ₹70 an hour: legal, below the living wage (₹92.60): saved, with a warning.
    let res = post(&app, &path, &me, &form_with(&form, &[("wage", "700")])).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(wage_state(&app, id), (Some(70_000), false));
    let page = app.get_as(&path, &me).await.text().await.unwrap();
    assert!(page.contains("Warning:") && page.contains("below the living wage"), "the warning is shown");
    assert!(unescape(&page).contains("value=\"700.00\""), "the wage is kept on the form");

    // Mumbai has no living-wage figure: the warning says finance must enter one.
    app.staff("root@fairgold.test", "admin", None);
    let admin = app.sign_in("root@fairgold.test").await;
    let (_, mumbai_maker) = app.artisan(ArtisanFixture { mumbai: true, ..ArtisanFixture::default() });
    let mumbai = form_with(
        &full_form("mum-rng-0300", "Mumbai ring", &mumbai_maker),
        &[("center", "mumbai"), ("huid", ""), ("labor", &format!("{mumbai_maker}, 4"))],
    );
    let res = post(&app, "/admin/pieces", &admin, &mumbai).await;
    assert_eq!(res.status().as_u16(), 303);
    let page = app.get_as(&location(&res), &admin).await.text().await.unwrap();
    assert!(page.contains("finance must enter one"), "the Mumbai warning");
}

#[tokio::test]
async fn publishing_posts_wages_split_by_hours_and_fixes_the_labor_record() {
    let app = TestApp::spawn().await;
    app.gold_rate_today(1_000);
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let (a, a_public) = app.artisan(ArtisanFixture { alias: "Maker A", ..ArtisanFixture::default() });
    let (b, b_public) = app.artisan(ArtisanFixture { alias: "Maker B", ..ArtisanFixture::default() });
    let me = app.sign_in("rupa@fairgold.test").await;

    // Without a labor record a draft cannot be published.
    let bare = form_with(&full_form("kol-rng-0400", "Bare ring", &a_public), &[("labor", ""), ("huid", "")]);
    let res = post(&app, "/admin/pieces", &me, &bare).await;
    let bare_id = id_from(&res);
    app.photo(bare_id);
    let res = app.post_form(&format!("/admin/pieces/{bare_id}/publish/confirm"), Some(&me), &[]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("record who made the piece"));
    assert_eq!(crate::admin_pieces::piece_row(&app, bare_id).status.code(), "draft");
    assert_eq!(wage_state(&app, bare_id), (None, false));

    let labor = format!("{a_public}, 10\n{b_public}, 5");
    let form =
        form_with(&full_form("kol-rng-0401", "Two-hand ring", &a_public), &[("labor", &labor), ("wage", "2400")]);
    let res = post(&app, "/admin/pieces", &me, &form).await;
    assert_eq!(res.status().as_u16(), 303);
    let id = id_from(&res);
    let page = app.get_as(&format!("/admin/pieces/{id}"), &me).await.text().await.unwrap();
    assert!(page.contains("₹1,600.00") && page.contains("₹800.00"), "each maker's share is shown");
    assert!(entries(&app, "wage_earned").is_empty(), "a draft earns nothing yet");

    app.photo(id);
    let res = app.post_form(&format!("/admin/pieces/{id}/publish/confirm"), Some(&me), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    let wages = entries(&app, "wage_earned");
    assert_eq!(amounts(&wages), vec![(a, 160_000), (b, 80_000)], "2 : 1 by hours");
    assert_eq!(wages.iter().map(|e| e.amount_minor).sum::<i64>(), 240_000);
    assert_eq!(wages.iter().map(|e| e.labor_minutes).collect::<Vec<_>>(), vec![Some(600), Some(300)]);
    assert!(wages.iter().all(|e| e.piece_id == Some(id)));
    assert_eq!(wage_state(&app, id), (Some(240_000), true));
    assert_eq!((balance(&app, a), balance(&app, b)), (160_000, 80_000));

    // The labor record and the wage are fixed now; other fields are not.
    let path = format!("/admin/pieces/{id}");
    for change in [("labor", format!("{a_public}, 12\n{b_public}, 5")), ("wage", "2500".to_string())] {
        let res = post(&app, &path, &me, &form_with(&form, &[(change.0, &change.1)])).await;
        assert_eq!(res.status().as_u16(), 422, "{change:?}");
        let html = res.text().await.unwrap();
        assert!(html.contains("ask finance for an adjustment"), "{html}");
    }
    assert_eq!(wage_state(&app, id), (Some(240_000), true));
    let makers = app.with_conn(|c| service::makers_of(c, id)).unwrap();
    assert_eq!(makers, vec![(a, 600), (b, 300)]);
    let res = post(&app, &path, &me, &form_with(&form, &[("price", "650")])).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(crate::admin_pieces::piece_row(&app, id).price_minor, 65_000);
    let page = app.get_as(&path, &me).await.text().await.unwrap();
    assert!(page.contains("Accepted into inventory on"));

    // Withdrawn and published again: no second wage.
    assert_eq!(app.post_form(&format!("{path}/withdraw"), Some(&me), &[]).await.status().as_u16(), 303);
    assert_eq!(app.post_form(&format!("{path}/publish/confirm"), Some(&me), &[]).await.status().as_u16(), 303);
    assert_eq!(entries(&app, "wage_earned").len(), 2);
    assert!(matches!(app.with_conn(ledger::verify).unwrap(), ledger::Verification::Intact { .. }));
}

#[tokio::test]
async fn the_sale_bonus_uses_the_recorded_rate_and_a_refund_claws_nothing_back() {
    let app = TestApp::spawn().await;
    app.staff("admin@fairgold.test", "admin", None);
    let (piece, a, b) = accepted_piece(&app);
    assert_eq!(record_rate(&app), 0, "nothing was waiting for the rate");

    let mut placed = place(&app, &[piece]).await;
    assert_eq!(pay(&app, &mut placed, "pay").await.status().as_u16(), 303);
    let order = placed.order_id;
    assert_eq!(order_status(&app, order), "paid");

    let bonus = entries(&app, "sale_bonus");
    // 51,514 × 600/900 = 34,342.67 and × 300/900 = 17,171.33: the spare paisa goes to the
    // larger remainder.
    assert_eq!(amounts(&bonus), vec![(a, 34_343), (b, 17_171)]);
    assert_eq!(bonus.iter().map(|e| e.amount_minor).sum::<i64>(), BONUS_MINOR);
    assert!(bonus.iter().all(|e| e.order_id == Some(order) && e.piece_id == Some(piece)));
    let details = bonus[0].details_json();
    assert_eq!(details["inr_per_unit"], RATE);
    assert_eq!(details["net_sale_minor"], PRICE_MINOR);
    assert_eq!(details["piece_bonus_minor"], BONUS_MINOR);

    // A full refund by an admin leaves wages and bonuses where they are.
    let before = (entries(&app, "wage_earned").len(), bonus.len(), balance(&app, a), balance(&app, b));
    let admin = app.sign_in("admin@fairgold.test").await;
    let page = app.get_as(&format!("/admin/orders/{order}"), &admin).await.text().await.unwrap();
    let key = page.split("name=\"idempotency_key\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    let res = app
        .post_form(&format!("/admin/orders/{order}/refund"), Some(&admin), &[("amount", ""), ("idempotency_key", &key)])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(order_status(&app, order), "refunded");
    let after =
        (entries(&app, "wage_earned").len(), entries(&app, "sale_bonus").len(), balance(&app, a), balance(&app, b));
    assert_eq!(after, before, "no entry added or removed, balances unchanged");
    assert!(entries(&app, "adjustment").is_empty());
}

#[tokio::test]
async fn an_order_paid_before_the_rate_is_recorded_gets_its_bonus_when_it_is() {
    let app = TestApp::spawn().await;
    let (piece, a, b) = accepted_piece(&app);
    let mut placed = place(&app, &[piece]).await;
    assert_eq!(pay(&app, &mut placed, "pay").await.status().as_u16(), 303);
    assert_eq!(order_status(&app, placed.order_id), "paid", "the payment is not held up by the bonus");
    assert!(entries(&app, "sale_bonus").is_empty(), "no rate, no bonus yet");
    // Asking again changes nothing while the rate is missing.
    let outcome = app.with_conn(|c| service::post_sale_bonus(c, placed.order_id, now())).unwrap();
    assert!(matches!(outcome, service::BonusOutcome::AwaitingRate { .. }), "{outcome:?}");

    assert!(record_rate(&app) >= 1, "the waiting order is posted");
    assert_eq!(amounts(&entries(&app, "sale_bonus")), vec![(a, 34_343), (b, 17_171)]);
    let again = app.with_conn(|c| service::post_sale_bonus(c, placed.order_id, now())).unwrap();
    assert_eq!(again, service::BonusOutcome::Posted(0));
    assert_eq!(entries(&app, "sale_bonus").len(), 2);
}

// ---------------------------------------------------------------------------------------------
// The same payment delivered twice by Stripe (signed as in `webhooks.rs`).

const SECRET_KEY: &str = "sk_test_fairgold_wages";
const WEBHOOK_SECRET: &str = "whsec_test_fairgold_wages";
const API_VERSION: &str = "2026-09-30.endive";

async fn stripe_shop() -> (TestApp, MockServer) {
    let stripe = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/checkout/sessions"))
        .respond_with(ResponseTemplate::new(200).set_body_json(fixture("checkout_session.json")))
        .mount(&stripe)
        .await;
    let app = TestApp::spawn_with(&[
        ("stripe_secret_key", SECRET_KEY),
        ("stripe_webhook_secret", WEBHOOK_SECRET),
        ("stripe_api_base", &stripe.uri()),
    ])
    .await;
    (app, stripe)
}

/// A customer buys the piece; returns (order id, reference, total).
async fn stripe_order(app: &TestApp, stripe: &MockServer, piece: i64) -> (i64, String, i64) {
    let mut shopper = crate::checkout::Shopper::default();
    assert_eq!(shopper.add(app, piece).await.status().as_u16(), 303);
    let res = shopper.check_out(app, crate::checkout::ADDRESS).await;
    assert_eq!(res.status().as_u16(), 303, "checkout redirects to Stripe");
    let sessions: Vec<_> = stripe
        .received_requests()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.url.path() == "/v1/checkout/sessions")
        .collect();
    let sent = form(sessions.last().expect("a session was created"));
    let id: i64 = field(&sent, "metadata[order_id]").unwrap().parse().unwrap();
    let reference = field(&sent, "metadata[order_reference]").unwrap().to_string();
    let total = app.with_conn(|c| orders::table.find(id).select(orders::total_minor).first(c).unwrap());
    (id, reference, total)
}

fn completed_event(order: i64, reference: &str, total: i64) -> String {
    let mut session = fixture("checkout_session.json");
    session["client_reference_id"] = order.to_string().into();
    session["metadata"] = json!({ "order_id": order.to_string(), "order_reference": reference });
    session["payment_status"] = "paid".into();
    session["status"] = "complete".into();
    session["amount_subtotal"] = total.into();
    session["amount_total"] = total.into();
    session["currency"] = "usd".into();
    session["payment_intent"] = format!("pi_test_{order}_{}", fastrand::u32(..)).into();
    let mut event: Value = fixture("event.json");
    event["id"] = format!("evt_test_{:016x}", fastrand::u64(..)).into();
    event["type"] = "checkout.session.completed".into();
    event["api_version"] = API_VERSION.into();
    event["created"] = Utc::now().timestamp().into();
    event["data"]["object"] = session;
    event.to_string()
}

async fn deliver(app: &TestApp, body: &str) -> u16 {
    let signature = Webhook::generate_test_header(body, WEBHOOK_SECRET, Some(Utc::now().timestamp()));
    app.client
        .post(format!("{}/webhooks/stripe", app.address))
        .header("Content-Type", "application/json")
        .header("Stripe-Signature", signature)
        .body(body.to_string())
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn the_same_payment_webhook_twice_posts_one_bonus() {
    let (app, stripe) = stripe_shop().await;
    let (piece, a, b) = accepted_piece(&app);
    record_rate(&app);
    let (order, reference, total) = stripe_order(&app, &stripe, piece).await;
    let body = completed_event(order, &reference, total);

    assert_eq!(deliver(&app, &body).await, 200);
    assert_eq!(order_status(&app, order), "paid");
    assert_eq!(amounts(&entries(&app, "sale_bonus")), vec![(a, 34_343), (b, 17_171)]);
    let balances = (balance(&app, a), balance(&app, b));

    assert_eq!(deliver(&app, &body).await, 200, "the duplicate is acknowledged");
    assert_eq!(entries(&app, "sale_bonus").len(), 2, "no second bonus");
    assert_eq!((balance(&app, a), balance(&app, b)), balances);
}

#[tokio::test]
async fn a_kolkata_manager_typing_mumbai_on_the_piece_form_sees_nothing_of_mumbai() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let (_, mumbai_maker) =
        app.artisan(ArtisanFixture { alias: "Secret Mumbai Alias", mumbai: true, ..ArtisanFixture::default() });
    let me = app.sign_in("rupa@fairgold.test").await;
    let form = form_with(
        &full_form("mum-rng-0900", "", &mumbai_maker),
        &[("center", "mumbai"), ("huid", ""), ("labor", &format!("{mumbai_maker}, 4"))],
    );

    // A new piece with a mistake (no title): the form comes back with its wage panel.
    let res = post(&app, "/admin/pieces", &me, &form).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("id=\"f-title-error\""), "the form came back");
    assert!(!html.contains("Secret Mumbai Alias"), "no Mumbai alias on the panel");
    assert!(!html.contains("Target rate"), "no Mumbai rates on the panel");
    assert!(html.contains("Choose the workshop"), "the panel shows nothing but its note");

    // The same on the edit form of one of the manager's own pieces.
    let (_, own_maker) = app.artisan(ArtisanFixture { alias: "Own Kolkata Alias", ..ArtisanFixture::default() });
    let res = post(&app, "/admin/pieces", &me, &full_form("kol-rng-0901", "Own ring", &own_maker)).await;
    assert_eq!(res.status().as_u16(), 303);
    let id = id_from(&res);
    let res = post(&app, &format!("/admin/pieces/{id}"), &me, &form).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(!html.contains("Secret Mumbai Alias") && !html.contains("Target rate"), "nothing of Mumbai");
}
