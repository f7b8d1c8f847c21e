//! "Where your money goes" (issue 14, point 1): every piece page and `/api/v1/pieces/{slug}`
//! split the price into parts that add up to it exactly, from recorded data only; a piece
//! without recorded costs shows its makers' wage lines and says the rest is not recorded.
//! The gold rate and a piece's costs are recorded on their own back-office pages.

use diesel::prelude::*;
use fairgold::audit::Actor;
use fairgold::schema::{audit_log, gold_rates, piece_costs, pieces};

use crate::helpers::{now, ArtisanFixture, PieceFixture, TestApp};

const WAGE_LINES: [&str; 2] = ["makers_wages", "sale_bonus"];

fn codes(breakdown: &serde_json::Value) -> Vec<String> {
    breakdown["lines"].as_array().unwrap().iter().map(|l| l["code"].as_str().unwrap().to_string()).collect()
}

fn sum(breakdown: &serde_json::Value) -> i64 {
    breakdown["lines"].as_array().unwrap().iter().map(|l| l["amount"]["amount_minor"].as_i64().unwrap()).sum()
}

#[tokio::test]
async fn every_demo_piece_splits_its_price_exactly() {
    let app = TestApp::spawn_demo().await;
    let slugs: Vec<String> = app
        .with_conn(|c| {
            pieces::table
                .filter(pieces::status.eq_any(["listed", "held", "sold"]))
                .order(pieces::id)
                .select(pieces::slug)
                .load(c)
        })
        .unwrap();
    assert!(slugs.len() > 20, "the demo has public pieces: {}", slugs.len());
    let (mut complete, mut waiting) = (0, 0);
    for slug in &slugs {
        let json = app.json(&format!("/api/v1/pieces/{slug}"), 200).await;
        let b = &json["breakdown"];
        let price = json["price"]["amount_minor"].as_i64().unwrap();
        let html = app.page(&format!("/pieces/{slug}"), 200).await;
        assert!(html.contains("Where your money goes"), "{slug}: the section is on the page");
        if b["complete"].as_bool().unwrap() {
            complete += 1;
            assert_eq!(sum(b), price, "{slug}: the parts add up to the price to the cent: {b}");
            for l in b["lines"].as_array().unwrap() {
                assert_eq!(l["amount"]["currency"], json["price"]["currency"], "{slug}: one currency");
                assert!(!l["note"].as_str().unwrap().is_empty(), "{slug}: every line says what it is");
            }
            let c = codes(b);
            assert_eq!(c[0], "makers_wages", "{slug}");
            assert!(c.contains(&"gold".to_string()) && c.contains(&"card_fees".to_string()), "{slug}: {c:?}");
            assert!(["running_costs", "shortfall"].contains(&c.last().unwrap().as_str()), "{slug}: {c:?}");
            assert!(html.contains("class=\"money-bar\""), "{slug}: the bar");
        } else {
            waiting += 1;
            assert!(codes(b).iter().all(|c| WAGE_LINES.contains(&c.as_str())), "{slug}: wage lines only: {b}");
            assert_eq!(b["not_recorded"], fairgold::pricing::breakdown::NOT_RECORDED, "{slug}");
            assert!(html.contains("is not yet"), "{slug}: the page says the rest is not recorded");
            assert!(!html.contains("class=\"money-bar\""), "{slug}: no bar without the whole split");
        }
    }
    assert_eq!(waiting, 2, "the demo leaves two pieces without recorded costs");
    assert_eq!(complete, slugs.len() - 2);
}

/// A listed piece accepted through the real service: its makers' wages are in the ledger.
fn accepted_piece(app: &TestApp, title: &str, price_minor: i64) -> (i64, String) {
    let (artisan, _) = app.artisan(ArtisanFixture::default());
    let piece = app.piece(PieceFixture { price_minor, makers: vec![(artisan, 600)], ..PieceFixture::new(title) });
    app.with_conn(|c| {
        let actor = Actor::system("test");
        let rate = fairgold::wages::types::PositiveDecimal::rate("84.50").unwrap();
        let today = fairgold::wages::types::india_date(now());
        fairgold::wages::service::record_rate(c, &actor, fairgold::money::Currency::Usd, today, rate, now()).unwrap();
        fairgold::wages::service::accept_piece(c, piece, &actor, now()).unwrap();
    });
    let slug = app.with_conn(|c| pieces::table.find(piece).select(pieces::slug).first::<String>(c)).unwrap();
    (piece, slug)
}

#[tokio::test]
async fn a_piece_without_recorded_costs_shows_only_its_wage_lines() {
    let app = TestApp::spawn().await;
    let (piece, slug) = accepted_piece(&app, "Lotus ring", 64_999);
    let wage_inr: i64 = app
        .with_conn(|c| {
            use fairgold::schema::ledger_entries;
            ledger_entries::table
                .filter(ledger_entries::piece_id.eq(piece))
                .select(ledger_entries::amount_minor)
                .load::<i64>(c)
        })
        .unwrap()
        .iter()
        .sum();

    let json = app.json(&format!("/api/v1/pieces/{slug}"), 200).await;
    let b = &json["breakdown"];
    assert_eq!(b["complete"], false);
    assert_eq!(codes(b), WAGE_LINES, "the wage and the bonus to come, nothing else: {b}");
    // The ledger's rupees at the day's rate, rounded to the cent.
    let wage = b["lines"][0]["amount"]["amount_minor"].as_i64().unwrap();
    let expected =
        fairgold::money::round_minor(rust_decimal::Decimal::from(wage_inr) / rust_decimal::Decimal::new(8450, 2));
    assert_eq!(Ok(wage), expected);
    assert_eq!(b["not_recorded"], fairgold::pricing::breakdown::NOT_RECORDED);
    let html = app.page(&format!("/pieces/{slug}"), 200).await;
    assert!(html.contains("is not yet recorded"), "the page says so");
    assert!(!html.contains("Workshops&#x27; running costs") && !html.contains("Workshops' running costs"));

    // Once its costs and the gold rate are recorded, the whole price is split, exactly.
    app.with_conn(|c| {
        use fairgold::money::{Currency, Money};
        use fairgold::pricing::{costs, gold};
        let actor = Actor::system("finance@fairgold.test");
        let input = gold::GoldRateInput {
            on: fairgold::wages::types::india_date(now()),
            per_gram: Money::new(1_015_000, Currency::Inr),
            source: "test".into(),
        };
        gold::record(c, &actor, &input, now()).unwrap();
        let scope = fairgold::auth::Scope::everywhere(actor);
        let input = costs::CostsInput {
            stones: Money::new(0, Currency::Inr),
            hallmarking: Money::new(5_310, Currency::Inr),
            packing: Money::new(90_000, Currency::Inr),
        };
        costs::record(c, &scope, piece, &input, now()).unwrap();
    });
    let json = app.json(&format!("/api/v1/pieces/{slug}"), 200).await;
    let b = &json["breakdown"];
    assert_eq!(b["complete"], true, "{b}");
    assert_eq!(sum(b), 64_999);
    assert!(!codes(b).contains(&"stones".to_string()), "no stone line for a piece without stones");
    assert!(app.page(&format!("/pieces/{slug}"), 200).await.contains("class=\"money-bar\""));
}

#[tokio::test]
async fn the_gold_rate_page_refuses_bad_input_and_saves_nothing() {
    let app = TestApp::spawn().await;
    app.staff("finance@fairgold.test", "finance", None);
    let finance = app.sign_in("finance@fairgold.test").await;
    let tomorrow = (fairgold::wages::types::india_date(now()) + chrono::Duration::days(1)).to_string();
    let res = app
        .post_form(
            "/admin/gold-rates",
            Some(&finance),
            &[("date", &tomorrow), ("currency", "INR"), ("rate", "12,5x"), ("source", " ")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("Nothing was recorded"), "{page}");
    assert!(page.contains("not a future one"), "the date's error");
    assert!(page.contains("the rate must be an amount"), "the rate's error");
    assert!(page.contains("say where the rate was read"), "the source's error");
    let count = |app: &TestApp| app.with_conn(|c| gold_rates::table.count().get_result::<i64>(c)).unwrap();
    assert_eq!(count(&app), 0, "nothing saved");

    let today = fairgold::wages::types::india_date(now()).to_string();
    let res = app
        .post_form(
            "/admin/gold-rates",
            Some(&finance),
            &[("date", &today), ("currency", "INR"), ("rate", "10150.50"), ("source", "IBJA 999")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(count(&app), 1);
    let logged: i64 = app
        .with_conn(|c| audit_log::table.filter(audit_log::action.eq("gold_rate.record")).count().get_result(c))
        .unwrap();
    assert_eq!(logged, 1, "audit-logged");
    let on = fairgold::wages::types::india_date(now());
    let value =
        app.with_conn(|c| fairgold::pricing::gold_value(c, fairgold::catalog::types::Purity::K22, 10_000, on)).unwrap();
    // 10 g × 0.916 × ₹10,150.50.
    assert_eq!(value, Some(fairgold::money::Money::new(9_297_858, fairgold::money::Currency::Inr)));
}

#[tokio::test]
async fn a_manager_of_another_center_cannot_record_a_pieces_costs() {
    let app = TestApp::spawn().await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("mumbai@fairgold.test", "manager", Some("mumbai"));
    let piece = app.piece(PieceFixture::new("Kolkata bangle"));
    let path = format!("/admin/pieces/{piece}/costs");
    let form = [("stones", "0"), ("hallmarking", "53.10"), ("packing", "900")];

    let mumbai = app.sign_in("mumbai@fairgold.test").await;
    assert_eq!(app.post_form(&path, Some(&mumbai), &form).await.status().as_u16(), 403);
    let saved = |app: &TestApp| app.with_conn(|c| piece_costs::table.count().get_result::<i64>(c)).unwrap();
    assert_eq!(saved(&app), 0, "nothing saved for another center's manager");

    let kolkata = app.sign_in("kolkata@fairgold.test").await;
    let bad = app.post_form(&path, Some(&kolkata), &[("stones", ""), ("hallmarking", "-1"), ("packing", "900")]).await;
    assert_eq!(bad.status().as_u16(), 422);
    assert_eq!(saved(&app), 0, "a mistake saves nothing");
    let res = app.post_form(&path, Some(&kolkata), &form).await;
    assert_eq!(res.status().as_u16(), 303);
    let (hallmarking, by): (i64, String) = app
        .with_conn(|c| {
            piece_costs::table.find(piece).select((piece_costs::hallmarking_minor, piece_costs::recorded_by)).first(c)
        })
        .unwrap();
    assert_eq!((hallmarking, by.as_str()), (5_310, "kolkata@fairgold.test"));
    let logged: i64 =
        app.with_conn(|c| audit_log::table.filter(audit_log::action.eq("piece.costs")).count().get_result(c)).unwrap();
    assert_eq!(logged, 1);
}
