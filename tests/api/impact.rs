//! `/impact`, `/api/v1/impact` and the claims on the home, About and every page's footer:
//! figures from closed months only, k-anonymity (no figure about fewer than five artisans),
//! the "every artisan" sentence only when every month backs it, the HUID sentence from the
//! pieces on sale, and the chart's table alternative.

use chrono::{Datelike, Duration, NaiveDate};
use fairgold::audit::Actor;
use fairgold::wages::ledger::{self, NewEntry};
use fairgold::wages::register::{self, Cell};
use fairgold::wages::types::{EntryKind, HourKind, Month};

use crate::helpers::{now, ArtisanFixture, PieceFixture, TestApp};
use crate::wages_months::close_month;

fn month(s: &str) -> Month {
    Month::parse(s).unwrap()
}

/// `n` artisans at a center (Kolkata unless `mumbai`), with distinct aliases.
fn artisans(app: &TestApp, n: usize, mumbai: bool, prefix: &str) -> Vec<i64> {
    (0..n)
        .map(|i| {
            let alias: &'static str = Box::leak(format!("{prefix} {}", i + 1).into_boxed_str());
            app.artisan(ArtisanFixture { alias, mumbai, ..Default::default() }).0
        })
        .collect()
}

/// Eight hours of production every weekday of the months, for each artisan, saved week by
/// week once (a week can span two months).
fn register_months(app: &TestApp, center_id: i64, ids: &[i64], months: &[Month]) {
    let mut weeks: std::collections::BTreeMap<NaiveDate, Vec<Cell>> = Default::default();
    let (first, last) = (months[0], months[months.len() - 1]);
    let mut d = first.first_day();
    while d <= last.last_day() {
        if d.weekday().num_days_from_monday() < 5 {
            for id in ids {
                weeks.entry(register::monday_of(d)).or_default().push(Cell {
                    artisan_id: *id,
                    work_date: d,
                    kind: HourKind::Production,
                    minutes: 480,
                });
            }
        }
        d += Duration::days(1);
    }
    for (monday, cells) in weeks {
        app.with_conn(|c| register::save_week(c, &Actor::system("test"), center_id, monday, ids, &cells, now()))
            .unwrap();
    }
}

/// A piece's wages for an artisan in a month (10 hours of making, dated the 15th).
fn wages(app: &TestApp, center_id: i64, artisan_id: i64, m: Month, amount: i64) {
    let on = m.first_day() + Duration::days(14);
    let mut e = NewEntry::new(EntryKind::WageEarned, artisan_id, center_id, amount, on);
    e.labor_minutes = Some(600);
    e.recorded_by = "test".into();
    app.with_conn(|c| ledger::append(c, &e, now())).unwrap();
}

/// A month's pay: ₹25,000 of piece wages (above Kolkata's living wage for a month of
/// weekdays) for everyone but `short` (no piece: topped up to the legal minimum at close,
/// below the living wage).
fn work(app: &TestApp, center_id: i64, ids: &[i64], m: Month, short: Option<i64>) {
    for id in ids.iter().filter(|id| Some(**id) != short) {
        wages(app, center_id, *id, m, 2_500_000);
    }
}

#[tokio::test]
async fn with_four_artisans_in_a_center_its_figures_are_not_published() {
    let app = TestApp::spawn().await;
    let kolkata = artisans(&app, 4, false, "Goldsmith K");
    let m = month("2026-09");
    register_months(&app, app.kolkata, &kolkata, &[m]);
    work(&app, app.kolkata, &kolkata, m, None);
    close_month(&app, app.kolkata, m).unwrap();

    // Four artisans and no other center: nothing is published for the quarter.
    let body = app.json("/api/v1/impact", 200).await;
    assert_eq!(body["k_anonymity"], 5);
    let q = &body["quarters"][0];
    assert_eq!(q["code"], "2026-Q3");
    assert_eq!(q["groups"].as_array().unwrap().len(), 0, "{body}");
    assert_eq!(q["suppressed"][0]["city"], "Kolkata");
    assert_eq!(q["suppressed"][0]["outcome"], "withheld");
    let page = app.page("/impact", 200).await;
    assert!(page.contains("Kolkata not published."), "{page}");
    assert!(page.contains("Fewer than 5 artisans worked at Kolkata"), "{page}");
    assert!(!page.contains("Artisans employed"), "no figure is shown: {page}");
    // And no claim is made from them.
    let home = app.page("/", 200).await;
    assert!(!home.contains("artisan-months"), "{home}");
    assert!(!home.contains("every artisan was paid"), "{home}");

    // With five at Mumbai the two centers are merged: Kolkata's figures are still not
    // published on their own, and neither are Mumbai's (they would reveal Kolkata's).
    let mumbai = artisans(&app, 5, true, "Goldsmith M");
    register_months(&app, app.mumbai, &mumbai, &[m]);
    close_month(&app, app.mumbai, m).unwrap();
    let body = app.json("/api/v1/impact", 200).await;
    let q = &body["quarters"][0];
    let groups = q["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1, "{body}");
    assert_eq!(groups[0]["key"], "all");
    assert_eq!(groups[0]["name"], "Both centers");
    assert_eq!(groups[0]["figures"]["artisans"], 9);
    assert_eq!(q["suppressed"][0]["city"], "Kolkata");
    assert_eq!(q["suppressed"][0]["outcome"], "merged");
    // Only Kolkata's four months can be compared with a living wage (Mumbai has no figure):
    // that share would be about four people, so it is not published either.
    assert!(groups[0]["figures"]["at_or_above_living_wage"].is_null(), "{body}");
    assert!(groups[0]["figures"]["median_vs_living_wage"].is_null());
    assert!(groups[0]["figures"]["living_wage_withheld"]["reason"].as_str().unwrap().contains("fewer than 5"));
    let page = app.page("/impact", 200).await;
    assert!(page.contains("Kolkata merged."), "{page}");
    assert!(page.contains("Both centers (Kolkata and Mumbai)"), "{page}");
}

#[tokio::test]
async fn figures_come_from_closed_months_and_a_month_below_the_living_wage_removes_the_every_artisan_claim() {
    let app = TestApp::spawn().await;
    let ids = artisans(&app, 5, false, "Goldsmith");
    let (jul, aug, sep) = (month("2026-07"), month("2026-08"), month("2026-09"));
    register_months(&app, app.kolkata, &ids, &[jul, aug, sep]);
    work(&app, app.kolkata, &ids, jul, None);
    work(&app, app.kolkata, &ids, aug, None);
    // September is worked and still open, with one artisan below the living wage: it does
    // not count yet.
    work(&app, app.kolkata, &ids, sep, Some(ids[0]));
    close_month(&app, app.kolkata, jul).unwrap();
    close_month(&app, app.kolkata, aug).unwrap();

    let body = app.json("/api/v1/impact", 200).await;
    let q = &body["quarters"][0];
    assert_eq!(q["code"], "2026-Q3");
    assert_eq!(q["complete"], false);
    let g = &q["groups"][0];
    assert_eq!(g["key"], "kolkata");
    assert_eq!(g["name"], "Kolkata");
    assert_eq!(g["months"], serde_json::json!(["2026-07", "2026-08"]));
    let f = &g["figures"];
    assert_eq!(f["artisans"], 5);
    assert_eq!(f["artisan_months"], 10, "the open September does not count: {f}");
    assert_eq!(f["wages_minor"], 10 * 2_500_000);
    assert_eq!(f["at_or_above_living_wage"], serde_json::json!({ "count": 10, "of": 10, "percent": 100 }));
    assert_eq!(f["at_or_above_legal_minimum"]["count"], 10);
    assert_eq!(f["median_income_minor"], 2_500_000);
    assert_eq!(f["top_ups_minor"], 0);
    assert_eq!(f["bonuses_minor"], 0);
    // Nothing was paid: every month's deadline has passed unpaid.
    assert_eq!(f["paid_by_the_7th"], serde_json::json!({ "count": 0, "of": 10, "percent": 0 }));
    for key in ["median_vs_legal_minimum_permille", "median_vs_living_wage_permille", "top_up_months", "not_yet_due"] {
        assert!(f.get(key).is_some(), "{key} in {f}");
    }
    let cps = g["checkpoints"].as_array().unwrap();
    assert_eq!(cps.len(), 2);
    assert_eq!(cps[0]["url"], "/transparency/ledger#checkpoint-kolkata-2026-07");

    let home = app.page("/", 200).await;
    assert!(home.contains("In July and August 2026, every artisan was paid at least a living wage"), "{home}");
    let about = app.page("/about", 200).await;
    assert!(
        about.contains("In July and August 2026, every artisan was paid at least a living wage."),
        "footer: {about}"
    );
    assert!(about.contains("href=\"/transparency/ledger\""), "checkpoints are published: {about}");

    // The page: each period's figures link to its checkpoints, which exist on the ledger page;
    // the chart is hidden from assistive technology and a table holds its figures.
    let page = app.page("/impact", 200).await;
    // (Tera writes `/` in an attribute as `&#x2F;`.)
    assert!(page.replace("&#x2F;", "/").contains("href=\"/transparency/ledger#checkpoint-kolkata-2026-08\""), "{page}");
    let ledger = app.page("/transparency/ledger", 200).await;
    assert!(ledger.contains("id=\"checkpoint-kolkata-2026-08\""), "{ledger}");
    assert!(page.contains("<svg") && page.contains("aria-hidden=\"true\" focusable=\"false\">"), "{page}");
    assert!(page.contains("<caption id=\"chart-table-caption\">Median monthly income per quarter"), "{page}");
    assert!(page.contains("<th scope=\"row\">July–September 2026</th>"), "{page}");

    // September closes with its month below the living wage (topped up to the legal minimum):
    // the "every artisan" sentence goes, everywhere, at once.
    let closed = close_month(&app, app.kolkata, sep).unwrap();
    let top_up = closed.rows.iter().find(|r| r.artisan_id == ids[0]).unwrap().top_up_minor;
    assert!(top_up > 0);
    let body = app.json("/api/v1/impact", 200).await;
    let f = &body["quarters"][0]["groups"][0]["figures"];
    assert_eq!(body["quarters"][0]["complete"], true);
    assert_eq!(f["artisan_months"], 15);
    assert_eq!(f["at_or_above_living_wage"], serde_json::json!({ "count": 14, "of": 15, "percent": 93 }));
    assert_eq!(f["top_ups_minor"], top_up);
    assert_eq!(f["top_up_months"], 1);
    for path in ["/", "/about", "/pieces"] {
        let html = app.page(path, 200).await;
        assert!(!html.to_lowercase().contains("every artisan was paid at least a living wage"), "{path}: {html}");
        assert!(!html.contains("Every artisan is paid at least a living wage"), "{path}");
    }
    let home = app.page("/", 200).await;
    assert!(
        home.contains("In July–September 2026, 14 of 15 artisan-months were paid at least a living wage"),
        "{home}"
    );
}

#[tokio::test]
async fn without_closed_months_no_wage_claim_is_made_and_the_huid_sentence_counts_the_pieces_on_sale() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture { huid: Some("AB12CD"), ..PieceFixture::new("Hallmarked ring") });
    app.piece(PieceFixture::new("Exempt ring"));
    let home = app.page("/", 200).await;
    assert!(home.contains("1 of the 2 pieces on sale carry a BIS hallmark"), "{home}");
    assert!(!home.contains("Every piece on sale carries"), "{home}");
    assert!(!home.contains("were paid at least"), "no month closed, no wage claim: {home}");
    assert!(!home.contains("was paid at least"), "no month closed, no wage claim: {home}");
    assert!(!home.contains("href=\"/transparency/ledger\">publish"), "no checkpoint yet: {home}");
    let body = app.json("/api/v1/impact", 200).await;
    assert_eq!(body["quarters"], serde_json::json!([]));
    let page = app.page("/impact", 200).await;
    assert!(page.contains("No month has been closed yet"), "{page}");
}

#[tokio::test]
async fn the_demo_publishes_each_centers_figures_and_makes_no_every_artisan_claim() {
    let app = TestApp::spawn_demo().await;
    let body = app.json("/api/v1/impact", 200).await;
    let newest = &body["quarters"][0];
    let groups = newest["groups"].as_array().unwrap();
    let keys: Vec<&str> = groups.iter().map(|g| g["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["kolkata", "mumbai"], "five artisans at each center: {body}");
    let kolkata = &groups[0]["figures"];
    let living = &kolkata["at_or_above_living_wage"];
    assert!(living["count"].as_u64().unwrap() < living["of"].as_u64().unwrap(), "Rupa D.'s month: {kolkata}");
    assert!(groups[1]["figures"]["at_or_above_living_wage"].is_null(), "Mumbai has no living-wage figure");
    assert!(groups[0]["checkpoints"].as_array().is_some_and(|c| !c.is_empty()));
    let home = app.page("/", 200).await;
    assert!(!home.to_lowercase().contains("every artisan was paid at least a living wage"), "{home}");
    assert!(home.contains("artisan-months were paid at least a living wage"), "{home}");
    assert!(home.contains("Mumbai has no published living-wage figure yet"), "{home}");
    assert!(!home.contains("Every piece on sale carries"), "demo pieces without a HUID: {home}");
}
