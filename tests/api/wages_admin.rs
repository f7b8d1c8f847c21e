//! Issue 5, the finance forms: payouts (and what is refused), adjustments with the second-person
//! rule, wage-policy versions, exchange rates, the ledger check, the ledger list, the audit
//! export ZIP, and managers kept out of all of it.

use std::io::Read;

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use fairgold::schema::{audit_log, exchange_rates, ledger_entries, wage_policies};
use fairgold::wages::ledger::{self, NewEntry};
use fairgold::wages::types::{india_date, EntryKind};

use crate::helpers::{now, ArtisanFixture, Session, TestApp};

const LEGAL_A: &str = "Anjali Wagetest Biswas";
const LEGAL_B: &str = "Bithika Wagetest Mondal";

fn today() -> NaiveDate {
    india_date(now())
}

/// Appends a wage-earned entry (as accepting a piece would) and returns its number.
fn earn(app: &TestApp, artisan_id: i64, center_id: i64, amount_minor: i64, on: NaiveDate) -> i64 {
    app.with_conn(|c| {
        let mut e = NewEntry::new(EntryKind::WageEarned, artisan_id, center_id, amount_minor, on);
        e.labor_minutes = Some(600);
        e.recorded_by = "test".into();
        ledger::append(c, &e, now())
    })
    .expect("append a wage")
}

fn balance(app: &TestApp, artisan_id: i64) -> i64 {
    app.with_conn(|c| ledger::balance_of(c, artisan_id, None)).unwrap()
}

fn entry_count(app: &TestApp) -> i64 {
    app.with_conn(|c| ledger_entries::table.count().get_result(c)).unwrap()
}

fn audit_count(app: &TestApp, action: &str) -> i64 {
    app.with_conn(|c| audit_log::table.filter(audit_log::action.eq(action)).count().get_result(c)).unwrap()
}

fn location(res: &reqwest::Response) -> String {
    res.headers().get("location").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
}

async fn page(app: &TestApp, s: &Session, path: &str, status: u16) -> String {
    let res = app.get_as(path, s).await;
    assert_eq!(res.status().as_u16(), status, "GET {path}");
    // Tera escapes `/` in values; read links as a browser would.
    res.text().await.unwrap().replace("&#x2F;", "/")
}

/// An app with one Kolkata artisan owed ₹10,000.00 and a signed-in finance person.
async fn setup() -> (TestApp, Session, i64, String) {
    let app = TestApp::spawn().await;
    let (id, pid) = app.artisan(ArtisanFixture { alias: "Anju B.", legal_name: LEGAL_A, ..Default::default() });
    earn(&app, id, app.kolkata, 1_000_000, today() - Duration::days(3));
    app.staff("fin@example.org", "finance", None);
    let s = app.sign_in("fin@example.org").await;
    (app, s, id, pid)
}

#[tokio::test]
async fn finance_records_a_payout_and_the_overview_shows_the_lower_balance() {
    let (app, s, id, pid) = setup().await;
    let html = page(&app, &s, "/admin/wages", 200).await;
    assert!(html.contains(LEGAL_A), "finance sees the legal name");
    assert!(html.contains("₹10,000.00"), "what the artisan is owed");
    assert!(html.contains("Mumbai has no living-wage figure: finance must enter one"), "the plain warning");
    assert!(html.contains(&format!("/admin/wages/statements/{pid}/")), "a link to the statement");
    assert!(html.contains("/admin/wages/centers/kolkata/"), "links to the center reports");
    assert_eq!(audit_count(&app, "wages.overview.view"), 1, "the view of legal names is logged");

    let form = page(&app, &s, &format!("/admin/wages/payouts/new?artisan={pid}"), 200).await;
    assert!(form.contains(&format!("value=\"{pid}\" selected")), "the artisan is preselected");
    assert!(form.contains(LEGAL_A));

    let paid_on = today().to_string();
    let res = app
        .post_form(
            "/admin/wages/payouts/new",
            Some(&s),
            &[
                ("artisan", &pid),
                ("amount", "2,500"),
                ("paid_on", &paid_on),
                ("method", "upi"),
                ("reference", "UPI-4471"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/admin/wages?done=payout");
    assert_eq!(balance(&app, id), 750_000);
    assert_eq!(audit_count(&app, "ledger.payout"), 1);

    let html = page(&app, &s, "/admin/wages?done=payout", 200).await;
    assert!(html.contains("₹7,500.00"), "the overview shows the lower balance");
    assert!(html.contains("The payout is recorded"));

    let ledger_page = page(&app, &s, &format!("/admin/wages/ledger?artisan={pid}"), 200).await;
    assert!(ledger_page.contains("UPI, reference UPI-4471"), "the ledger lists the payout");
    assert!(ledger_page.contains("-₹2,500.00"));
    assert!(!ledger_page.contains(LEGAL_A), "the ledger list shows aliases only");
}

#[tokio::test]
async fn bad_payouts_are_refused_with_a_message_and_change_nothing() {
    let (app, s, id, pid) = setup().await;
    let before = entry_count(&app);
    let today_s = today().to_string();
    let tomorrow = (today() + Duration::days(1)).to_string();
    let cases: [(&str, &str, &str, &str, &str); 5] = [
        ("10000.01", &today_s, "bank", "TX-1", "more than the ₹10,000.00 this artisan is owed"),
        ("100", &today_s, "bank", "", "enter the transaction reference"),
        ("100", &tomorrow, "cash", "R-7", "the payment date is in the future"),
        ("ten rupees", &today_s, "cash", "R-7", "must be an amount such as 250"),
        ("100", "27/11/2026", "cash", "R-7", "is not a date"),
    ];
    for (amount, paid_on, method, reference, message) in cases {
        let res = app
            .post_form(
                "/admin/wages/payouts/new",
                Some(&s),
                &[
                    ("artisan", &pid),
                    ("amount", amount),
                    ("paid_on", paid_on),
                    ("method", method),
                    ("reference", reference),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 422, "{amount} {paid_on} {method} {reference:?}");
        let html = res.text().await.unwrap();
        assert!(html.contains(message), "message `{message}` shown for {amount} {paid_on} {method}");
        assert!(html.contains("class=\"field-error\""), "next to its field");
        assert!(html.contains(&format!("value=\"{amount}\"")), "the typed amount is kept");
    }
    let res = app
        .post_form(
            "/admin/wages/payouts/new",
            Some(&s),
            &[("artisan", "nobody"), ("amount", "1"), ("paid_on", &today_s), ("method", "cash")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("there is no such artisan"));
    assert_eq!(entry_count(&app), before, "nothing was written");
    assert_eq!(balance(&app, id), 1_000_000);
    assert_eq!(audit_count(&app, "ledger.payout"), 0);
}

#[tokio::test]
async fn an_adjustment_counts_only_after_a_second_person_approves_it() {
    let (app, s, id, pid) = setup().await;
    let today_s = today().to_string();
    // A reason too short is refused, nothing written.
    let before = entry_count(&app);
    let res = app
        .post_form(
            "/admin/wages/adjustments",
            Some(&s),
            &[("artisan", &pid), ("amount", "-1500"), ("occurred_on", &today_s), ("reason", "oops")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("at least 10 characters") && html.contains("value=\"-1500\""));
    assert_eq!(entry_count(&app), before);

    let wage = before; // the wage entry's number (the only entry)
    let corrects = wage.to_string();
    let res = app
        .post_form(
            "/admin/wages/adjustments",
            Some(&s),
            &[
                ("artisan", &pid),
                ("amount", "-1,500.50"),
                ("occurred_on", &today_s),
                ("reason", "Wage for the ring counted 10 hours; the labor record says 8"),
                ("corrects", &format!("#{corrects}")),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/admin/wages/adjustments?done=proposed");
    let adj: i64 = app
        .with_conn(|c| {
            ledger_entries::table.filter(ledger_entries::kind.eq("adjustment")).select(ledger_entries::id).first(c)
        })
        .unwrap();
    assert_eq!(balance(&app, id), 1_000_000, "not counted before approval");
    let html = page(&app, &s, "/admin/wages", 200).await;
    assert!(html.contains("1 adjustment waiting for approval"));
    let list = page(&app, &s, "/admin/wages/adjustments", 200).await;
    assert!(list.contains("Waiting for approval") && list.contains(LEGAL_A));
    assert!(list.contains(&format!("corrects entry #{corrects}")));

    // The proposer cannot approve their own.
    let res = app.post_form(&format!("/admin/wages/adjustments/{adj}/approve"), Some(&s), &[("note", "")]).await;
    assert_eq!(res.status().as_u16(), 403);
    assert!(res.text().await.unwrap().contains("must be approved by a second person"));
    assert_eq!(balance(&app, id), 1_000_000);

    // A second person (an admin) approves: now it counts.
    app.staff("boss@example.org", "admin", None);
    let admin = app.sign_in("boss@example.org").await;
    let res = app
        .post_form(
            &format!("/admin/wages/adjustments/{adj}/approve"),
            Some(&admin),
            &[("note", "checked the labor record")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(balance(&app, id), 1_000_000 - 150_050);
    assert_eq!(audit_count(&app, "ledger.adjustment.approve"), 1);
    let list = page(&app, &admin, "/admin/wages/adjustments?done=approved", 200).await;
    assert!(list.contains("Approved") && list.contains("checked the labor record"));

    // Decided once only.
    let res = app.post_form(&format!("/admin/wages/adjustments/{adj}/reject"), Some(&admin), &[]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("already decided"));
    assert_eq!(balance(&app, id), 1_000_000 - 150_050);
}

#[tokio::test]
async fn a_policy_version_is_added_with_an_audit_row_and_a_duplicate_date_is_refused() {
    let (app, s, _, _) = setup().await;
    let html = page(&app, &s, "/admin/wages/policy?center=mumbai", 200).await;
    assert!(html.contains("Mumbai has no living-wage figure: finance must enter one"));
    assert!(html.contains("value=\"15246.00\""), "pre-filled from the version in force");
    let versions = |app: &TestApp| -> i64 { app.with_conn(|c| wage_policies::table.count().get_result(c)).unwrap() };
    let before = versions(&app);

    let from = today().to_string();
    let form = |from: &str, multiplier: &str| {
        vec![
            ("center", "mumbai".to_string()),
            ("effective_from", from.to_string()),
            ("legal_min", "15,246".to_string()),
            ("living_wage", "21000.50".to_string()),
            ("standard_hours", "208".to_string()),
            ("target_multiplier", multiplier.to_string()),
            ("sale_bonus_percent", "5".to_string()),
            ("source_note", "Living wage: estimate by finance, Mumbai, November 2026".to_string()),
        ]
    };
    let post = |f: Vec<(&'static str, String)>| {
        let app = &app;
        let s = &s;
        async move {
            let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post_form("/admin/wages/policy", Some(s), &pairs).await
        }
    };
    // Bad input: refused next to the field, values kept, nothing written.
    let res = post(form(&from, "1,2")).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("the multiplier `1,2` is not a number"), "{html}");
    assert!(html.contains("value=\"21000.50\""));
    assert_eq!(versions(&app), before);

    let res = post(form(&from, "1.25")).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(versions(&app), before + 1);
    assert_eq!(audit_count(&app, "wage_policy.add"), 1);
    let living: Option<i64> = app
        .with_conn(|c| {
            wage_policies::table
                .filter(wage_policies::center_id.eq(app.mumbai))
                .order(wage_policies::effective_from.desc())
                .select(wage_policies::living_wage_monthly_minor)
                .first(c)
        })
        .unwrap();
    assert_eq!(living, Some(2_100_050));
    let html = page(&app, &s, &location(&res), 200).await;
    assert!(html.contains("The new version is saved"));
    assert!(!html.contains("Mumbai has no living-wage figure"), "the warning is gone once a figure is in force");

    let res = post(form(&from, "1.25")).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("a policy version already starts on"));
    assert_eq!(versions(&app), before + 1);
    assert_eq!(audit_count(&app, "wage_policy.add"), 1);
}

#[tokio::test]
async fn an_exchange_rate_is_recorded_once() {
    let (app, s, _, _) = setup().await;
    let html = page(&app, &s, "/admin/wages/rates", 200).await;
    assert!(html.contains("<option value=\"USD\" selected>"), "the shop currency first");
    assert!(!html.contains("value=\"INR\""));
    let day = (today() - Duration::days(1)).to_string();
    let res =
        app.post_form("/admin/wages/rates", Some(&s), &[("currency", "USD"), ("date", &day), ("rate", "84.25")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let html = page(&app, &s, &location(&res), 200).await;
    assert!(html.contains("rate is recorded. 0 sale bonus entries waiting for it were posted"), "{html}");
    assert!(html.contains("84.25"));
    assert_eq!(audit_count(&app, "exchange_rate.record"), 1);

    for (rate, date, message) in [
        ("84.30", day.as_str(), "is already recorded"),
        ("84,3", day.as_str(), "is not a number"),
        ("0", day.as_str(), "must be greater than zero"),
        ("84.3", "tomorrow", "is not a date"),
    ] {
        let res =
            app.post_form("/admin/wages/rates", Some(&s), &[("currency", "USD"), ("date", date), ("rate", rate)]).await;
        assert_eq!(res.status().as_u16(), 422, "{rate} {date}");
        let html = res.text().await.unwrap();
        assert!(html.contains(message), "{message} for {rate} {date}");
        assert!(html.contains(&format!("value=\"{rate}\"")));
    }
    let count: i64 = app.with_conn(|c| exchange_rates::table.count().get_result(c)).unwrap();
    assert_eq!(count, 1);
}

#[tokio::test]
async fn the_export_zip_opens_and_holds_the_period_with_the_right_row_counts() {
    let (app, s, a, pid_a) = setup().await;
    let (b, _) =
        app.artisan(ArtisanFixture { alias: "Bithi M.", legal_name: LEGAL_B, mumbai: true, ..Default::default() });
    let (from, to) = (NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(), NaiveDate::from_ymd_opt(2026, 10, 31).unwrap());
    earn(&app, a, app.kolkata, 50_000, NaiveDate::from_ymd_opt(2026, 9, 30).unwrap()); // before
    earn(&app, a, app.kolkata, 70_000, NaiveDate::from_ymd_opt(2026, 10, 1).unwrap());
    earn(&app, b, app.mumbai, 90_000, NaiveDate::from_ymd_opt(2026, 10, 31).unwrap());
    app.with_conn(|c| {
        diesel::insert_into(exchange_rates::table)
            .values((
                exchange_rates::currency.eq("USD"),
                exchange_rates::rate_date.eq(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()),
                exchange_rates::inr_per_unit.eq("84.1"),
                exchange_rates::recorded_by.eq("test"),
                exchange_rates::recorded_at.eq(now()),
            ))
            .execute(c)
    })
    .unwrap();

    let res = app.get_as("/admin/wages/export?from=2026-10-01&to=2026-10-31", &s).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["content-type"], "application/zip");
    assert_eq!(
        res.headers()["content-disposition"],
        "attachment; filename=\"fairgold-ledger-2026-10-01-2026-10-31.zip\""
    );
    let bytes = res.bytes().await.unwrap().to_vec();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
    let mut names: Vec<String> = zip.file_names().map(str::to_string).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "README.txt",
            "balances.csv",
            "checkpoints.json",
            "exchange_rates.csv",
            "ledger_entries.csv",
            "verification.txt",
            "wage_policies.csv"
        ]
    );
    let mut read = |name: &str| {
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let rows = |csv: &str| -> Vec<Vec<String>> {
        csv::Reader::from_reader(csv.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    };
    let entries = read("ledger_entries.csv");
    assert!(entries.starts_with("id,kind,artisan_id,artisan_public_id,center_id,amount_minor"));
    let entries = rows(&entries);
    assert_eq!(entries.len(), 2, "the two entries in October");
    assert!(entries.iter().all(|r| r[16].len() == 64 && r[15].len() == 64), "with their hashes");
    let balances = rows(&read("balances.csv"));
    assert_eq!(balances.len(), 2, "one row per artisan");
    let row_a = balances.iter().find(|r| r[0] == pid_a).unwrap();
    assert_eq!(row_a[2], LEGAL_A);
    // Owed before October: the setup wage (3 days ago, if before October) + ₹500 of 30 Sep.
    let setup_day = today() - Duration::days(3);
    let setup_in = |d: NaiveDate| if setup_day <= d { 1_000_000 } else { 0 };
    assert_eq!(row_a[4], (50_000 + setup_in(from - Duration::days(1))).to_string());
    assert_eq!(row_a[5], (120_000 + setup_in(to)).to_string());
    assert_eq!(rows(&read("wage_policies.csv")).len(), 3, "every seeded version");
    assert_eq!(rows(&read("exchange_rates.csv")).len(), 1);
    assert!(read("verification.txt").starts_with("INTACT"));
    assert!(read("README.txt").contains("The hash rule"));
    assert_eq!(audit_count(&app, "wages.export"), 1);

    // Bad dates: the overview again, with the message next to the field; no export logged.
    let res = app.get_as("/admin/wages/export?from=2026-10-31&to=2026-10-01", &s).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("the last day is before the first day"));
    let res = app.get_as("/admin/wages/export?from=October&to=2026-10-01", &s).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("`October` is not a date"));
    assert_eq!(audit_count(&app, "wages.export"), 1);
}

#[tokio::test]
async fn verify_reports_an_intact_ledger() {
    let (app, s, id, _) = setup().await;
    earn(&app, id, app.kolkata, 1_000, today());
    let res = app.post_form("/admin/wages/verify", Some(&s), &[]).await;
    assert_eq!(res.status().as_u16(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("Ledger intact: all 2 entries match"), "{html}");
    // Without the CSRF token: refused.
    let res = app.post_form("/admin/wages/verify", Some(&s), &[("csrf_token", "forged")]).await;
    assert_eq!(res.status().as_u16(), 403);
}

#[tokio::test]
async fn the_ledger_list_pages_by_entry_number() {
    let (app, s, id, pid) = setup().await;
    for i in 0..55 {
        earn(&app, id, app.kolkata, 100 + i, today() - Duration::days(2));
    }
    let first = page(&app, &s, "/admin/wages/ledger", 200).await;
    assert!(first.contains("id=\"entry-56\"") && first.contains("id=\"entry-7\"") && !first.contains("id=\"entry-6\""));
    assert!(first.contains("before=7"), "a link to older entries");
    let older = page(&app, &s, "/admin/wages/ledger?before=7", 200).await;
    assert!(older.contains("id=\"entry-6\"") && older.contains("id=\"entry-1\"") && !older.contains("id=\"entry-7\""));
    assert!(older.contains("after=6"), "a link back to newer entries");
    let newer = page(&app, &s, "/admin/wages/ledger?after=6", 200).await;
    assert!(newer.contains("id=\"entry-56\"") && newer.contains("id=\"entry-7\""));
    let html = page(&app, &s, "/admin/wages/ledger?artisan=nobody&from=soon", 422).await;
    assert!(html.contains("no artisan with the public id") && html.contains("is not a date"));
    let html = page(&app, &s, &format!("/admin/wages/ledger?artisan={pid}&from={}", today()), 200).await;
    assert!(html.contains("No entries match this filter"));
}

#[tokio::test]
async fn managers_get_403_on_every_wages_route() {
    let (app, _, _, pid) = setup().await;
    app.staff("mgr@example.org", "manager", Some("kolkata"));
    let m = app.sign_in("mgr@example.org").await;
    let before = entry_count(&app);
    for path in [
        "/admin/wages".to_string(),
        "/admin/wages/policy".into(),
        "/admin/wages/rates".into(),
        format!("/admin/wages/payouts/new?artisan={pid}"),
        "/admin/wages/adjustments".into(),
        "/admin/wages/ledger".into(),
        "/admin/wages/export?from=2026-10-01&to=2026-10-31".into(),
    ] {
        let res = app.get_as(&path, &m).await;
        assert_eq!(res.status().as_u16(), 403, "GET {path}");
        assert!(!res.text().await.unwrap().contains(LEGAL_A));
    }
    let day = today().to_string();
    let posts: [(&str, Vec<(&str, &str)>); 7] = [
        ("/admin/wages/verify", vec![]),
        (
            "/admin/wages/policy",
            vec![
                ("center", "kolkata"),
                ("effective_from", &day),
                ("legal_min", "20000"),
                ("target_multiplier", "1.2"),
                ("sale_bonus_percent", "5"),
                ("source_note", "a manager tries"),
            ],
        ),
        ("/admin/wages/rates", vec![("currency", "USD"), ("date", &day), ("rate", "80")]),
        ("/admin/wages/payouts/new", vec![("artisan", &pid), ("amount", "1"), ("paid_on", &day), ("method", "cash")]),
        (
            "/admin/wages/adjustments",
            vec![("artisan", &pid), ("amount", "100"), ("occurred_on", &day), ("reason", "a manager tries this")],
        ),
        ("/admin/wages/adjustments/1/approve", vec![]),
        ("/admin/wages/adjustments/1/reject", vec![]),
    ];
    for (path, form) in posts {
        let res = app.post_form(path, Some(&m), &form).await;
        assert_eq!(res.status().as_u16(), 403, "POST {path}");
    }
    assert_eq!(entry_count(&app), before);
    let versions: i64 = app.with_conn(|c| wage_policies::table.count().get_result(c)).unwrap();
    assert_eq!(versions, 3);
    assert_eq!(audit_count(&app, "wages.overview.view"), 0);
}

#[tokio::test]
async fn every_finance_page_renders_over_the_demo_history() {
    let app = TestApp::spawn_demo().await;
    app.staff("auditor@example.org", "finance", None);
    let s = app.sign_in("auditor@example.org").await;
    for path in [
        "/admin/wages",
        "/admin/wages/policy",
        "/admin/wages/policy?center=mumbai",
        "/admin/wages/rates",
        "/admin/wages/payouts/new",
        "/admin/wages/adjustments",
        "/admin/wages/ledger",
    ] {
        let html = page(&app, &s, path, 200).await;
        assert!(html.contains("</main>"), "{path} renders completely");
    }
    let html = page(&app, &s, "/admin/wages", 200).await;
    assert!(html.contains("Mumbai has no living-wage figure: finance must enter one"));
    let entries = entry_count(&app);
    let html = app.post_form("/admin/wages/verify", Some(&s), &[]).await.text().await.unwrap();
    assert!(html.contains(&format!("Ledger intact: all {entries} entries match")), "{entries} entries");
    let from = (today() - Duration::days(400)).to_string();
    let res = app.get_as(&format!("/admin/wages/export?from={from}&to={}", today()), &s).await;
    assert_eq!(res.status().as_u16(), 200);
    let bytes = res.bytes().await.unwrap().to_vec();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
    let mut csv = String::new();
    zip.by_name("ledger_entries.csv").unwrap().read_to_string(&mut csv).unwrap();
    let in_period: i64 = app
        .with_conn(|c| {
            ledger_entries::table
                .filter(ledger_entries::occurred_on.between(today() - Duration::days(400), today()))
                .count()
                .get_result(c)
        })
        .unwrap();
    assert_eq!(csv::Reader::from_reader(csv.as_bytes()).records().count() as i64, in_period);
}

#[tokio::test]
async fn recording_a_rate_posts_the_bonuses_waiting_for_it() {
    let (app, s, id, _) = setup().await;
    let piece = app.piece(crate::helpers::PieceFixture {
        makers: vec![(id, 600)],
        ..crate::helpers::PieceFixture::new("Temple Pendant")
    });
    let mut placed = crate::checkout::place(&app, &[piece]).await;
    assert_eq!(crate::checkout::pay(&app, &mut placed, "pay").await.status().as_u16(), 303);
    let paid_on = app.with_conn(|c| fairgold::wages::service::paid_on(c, placed.order_id)).unwrap().expect("paid");
    let bonuses = |app: &TestApp| -> i64 {
        app.with_conn(|c| ledger_entries::table.filter(ledger_entries::kind.eq("sale_bonus")).count().get_result(c))
            .unwrap()
    };
    assert_eq!(bonuses(&app), 0, "waiting for the day's rate");
    let day = paid_on.to_string();
    let res =
        app.post_form("/admin/wages/rates", Some(&s), &[("currency", "USD"), ("date", &day), ("rate", "84.25")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let html = page(&app, &s, &location(&res), 200).await;
    assert!(html.contains("1 sale bonus entry waiting for it was posted"), "{html}");
    assert_eq!(bonuses(&app), 1);
}

/// Production hours for an artisan on the weekdays of the week of 5 October 2026 (5 × 8 h),
/// saved as the time register's grid saves them.
fn a_week_of_hours(app: &TestApp, artisan_id: i64) {
    use fairgold::wages::register::{self, Cell};
    use fairgold::wages::types::HourKind;
    let monday = NaiveDate::from_ymd_opt(2026, 10, 5).unwrap();
    let cells: Vec<Cell> = (0..5)
        .map(|d| Cell { artisan_id, work_date: monday + Duration::days(d), kind: HourKind::Production, minutes: 480 })
        .collect();
    app.with_conn(|c| {
        register::save_week(
            c,
            &fairgold::audit::Actor::system("test"),
            app.kolkata,
            monday,
            &[artisan_id],
            &cells,
            now(),
        )
    })
    .unwrap();
}

async fn choose_language(app: &TestApp, session: &Session, code: &str) {
    let res =
        app.post_form("/admin/account/preferences", Some(session), &[("language", code), ("time_zone", "")]).await;
    assert_eq!(res.status().as_u16(), 303, "{code}: {}", res.text().await.unwrap());
}

/// Issue 17, as finance in Hindi: the wages overview and the month close read in Hindi, and
/// the month is closed by two people, each step answered in Hindi.
#[tokio::test]
async fn a_finance_officer_in_hindi_sees_the_wage_pages_in_hindi_and_closes_a_month() {
    let app = TestApp::spawn().await;
    let (rupa, _) = app.artisan(ArtisanFixture { alias: "Rupa D.", ..Default::default() });
    a_week_of_hours(&app, rupa);
    app.staff("fin@fairgold.test", "finance", None);
    app.staff("fin2@fairgold.test", "finance", None);
    let first = app.sign_in("fin@fairgold.test").await;
    let second = app.sign_in("fin2@fairgold.test").await;
    choose_language(&app, &first, "hi").await;
    choose_language(&app, &second, "hi").await;

    let page = app.get_as("/admin/wages", &first).await.text().await.unwrap();
    assert!(page.contains("<html lang=\"hi\">"), "{page}");
    assert!(page.contains("<h1>मज़दूरी</h1>") && page.contains("भुगतान दर्ज करें"), "{page}");
    assert!(page.contains("ऑडिट के लिए निर्यात") && page.contains("अभी बही-खाते की जाँच करें"), "{page}");
    assert!(!page.contains("Record a payout") && !page.contains("Check the ledger"), "no English left: {page}");

    let month = "/admin/wages/months/kolkata/2026-10";
    let page = app.get_as(month, &first).await.text().await.unwrap();
    assert!(page.contains("<html lang=\"hi\">"), "{page}");
    assert!(page.contains("महीने का हिसाब बंद करना: Kolkata, अक्टूबर 2026"), "the heading: {page}");
    assert!(page.contains("<title>महीने का हिसाब बंद करना"), "the title: {page}");
    assert!(page.contains("Rupa D.") && page.contains("रोज़गार की शर्तें दर्ज नहीं"), "the row, its basis in Hindi: {page}");
    assert!(page.contains("अक्टूबर 2026 का हिसाब बंद करने का अनुरोध करें"), "the button: {page}");
    assert!(!page.contains("Ask to close") && !page.contains("Guaranteed minimum"), "{page}");

    // Four eyes, in Hindi: one asks, the other approves.
    let close = "/admin/wages/months/kolkata/2026-10/close";
    let res = app.post_form(close, Some(&first), &[("step", "request")]).await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
    let page = app.get_as(month, &first).await.text().await.unwrap();
    assert!(
        page.contains("fin@fairgold.test ने") && page.contains("अक्टूबर 2026 का हिसाब बंद करने का अनुरोध किया"),
        "{page}"
    );
    assert!(page.contains("यह अनुरोध आपने किया है"), "{page}");
    assert!(page.contains(" IST को "), "the request's time in India's zone: {page}");
    let page = app.get_as(month, &second).await.text().await.unwrap();
    assert!(page.contains("स्वीकृत करें: अक्टूबर 2026 का हिसाब बंद करें"), "{page}");
    let res = app.post_form(close, Some(&second), &[("step", "approve")]).await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
    let page = app.get_as(month, &first).await.text().await.unwrap();
    assert!(page.contains("fin2@fairgold.test ने") && page.contains("को हिसाब बंद किया।"), "{page}");
    assert!(page.contains("अक्टूबर 2026 की तारीख़ वाली कोई भी प्रविष्टि अब दर्ज नहीं हो सकती"), "{page}");
    // The close did what it does in English: 40 paid hours and no piece are topped up.
    let top_ups: i64 = app.with_conn(|c| {
        ledger_entries::table
            .filter(ledger_entries::artisan_id.eq(rupa))
            .filter(ledger_entries::kind.eq(EntryKind::MinimumWageTopUp.code()))
            .count()
            .get_result(c)
            .unwrap()
    });
    assert_eq!(top_ups, 1);
}

/// Every finance page converted to Fluent, in each of the four languages: it renders (a key
/// missing in every language would be a 500), says which language it is in, and shows no
/// message id in place of text.
#[tokio::test]
async fn every_finance_page_renders_in_each_language_without_a_raw_key() {
    use fairgold::i18n::{message_ids, Lang};
    let app = TestApp::spawn().await;
    let (rupa, public_id) = app.artisan(ArtisanFixture { alias: "Rupa D.", legal_name: LEGAL_A, ..Default::default() });
    a_week_of_hours(&app, rupa);
    earn(&app, rupa, app.kolkata, 150_000, NaiveDate::from_ymd_opt(2026, 10, 6).unwrap());
    let piece = app.piece(crate::helpers::PieceFixture::new("Lotus ring"));
    app.staff("admin@fairgold.test", "admin", None);
    let me = app.sign_in("admin@fairgold.test").await;
    // An adjustment waiting, so the adjustments page shows its table and form.
    let res = app
        .post_form(
            "/admin/wages/adjustments",
            Some(&me),
            &[
                ("artisan", &public_id),
                ("amount", "100"),
                ("occurred_on", "2026-10-07"),
                ("reason", "Polishing time missed"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());

    let keys: Vec<String> = ["wages-admin.ftl", "finance.ftl"]
        .iter()
        .flat_map(|f| message_ids(&std::fs::read_to_string(format!("locales/en/{f}")).unwrap()))
        .collect();
    assert!(keys.len() > 300, "both files are read");
    let pages = [
        "/admin/wages".to_string(),
        "/admin/wages/months/kolkata/2026-10".into(),
        "/admin/wages/centers/kolkata/2026-10".into(),
        "/admin/wages/earnings".into(),
        "/admin/wages/payouts/new".into(),
        "/admin/wages/adjustments".into(),
        "/admin/wages/reconciliation".into(),
        "/admin/wages/late".into(),
        "/admin/wages/ledger".into(),
        format!("/admin/wages/statements/{public_id}/2026-10"),
        "/admin/wages/policy".into(),
        "/admin/wages/rates".into(),
        "/admin/wages/register?center=kolkata&week=2026-10-05".into(),
        "/admin/wages/terms".into(),
        "/admin/wages/deductions/new".into(),
        "/admin/invoices".into(),
        format!("/admin/pieces/{piece}/costs"),
        "/admin/gold-rates".into(),
        "/admin/privacy".into(),
        "/admin/audit".into(),
        "/admin/policies".into(),
        "/admin/policies/returns".into(),
    ];
    for lang in Lang::ALL {
        choose_language(&app, &me, lang.code()).await;
        for path in &pages {
            let res = app.get_as(path, &me).await;
            assert_eq!(res.status().as_u16(), 200, "{path} in {}", lang.code());
            let body = res.text().await.unwrap();
            assert!(body.contains(&format!("<html lang=\"{}\">", lang.code())), "{path}: {body}");
            if let Some(key) = keys.iter().find(|k| body.contains(k.as_str())) {
                panic!("{path} in {} shows the message id `{key}`: {body}", lang.code());
            }
        }
    }
}
