//! Itemised pay slips: one artisan's month in their language (English, Bengali, Hindi or
//! Marathi), printable on A5 — hours by kind, each earning line, the minimum-wage top-up, sale
//! bonuses apart, deductions, net pay, payments and the balance owed. The slip's language is
//! set per artisan (audit-logged); every message exists in every language.
//!
//! Snapshots live in `tests/api/snapshots/` (insta); accept an intended change with
//! `INSTA_UPDATE=always cargo test --test api payslips` and review the diff. The artisan's
//! random public id is replaced by `[public_id]`; nothing else differs between runs or backends.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use diesel::prelude::*;
use fairgold::audit::Actor;
use fairgold::i18n::{self, Lang};
use fairgold::schema::audit_log;
use fairgold::wages::ledger::{self, NewEntry};
use fairgold::wages::payslip::{deduction_kind_codes, entry_kind_codes};
use fairgold::wages::register::{self, Cell};
use fairgold::wages::service::{self, DeductionInput, PayoutInput};
use fairgold::wages::terms::{self, NewTerms};
use fairgold::wages::types::{DeductionKind, EntryKind, HourKind, Month, PayBasis, PayoutMethod};

use crate::helpers::{now, ArtisanFixture, TestApp};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn snapshot(name: &str, value: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, value));
}

/// The printable part of the page (what the artisan is handed), the public id redacted.
fn slip_of(page: &str, public_id: &str) -> String {
    let start = page.find("<main").expect("a <main> element");
    let end = page.find("</main>").expect("a </main>") + "</main>".len();
    page[start..end].replace(public_id, "[public_id]")
}

/// Entries the ledger takes as the real services write them.
fn entry(app: &TestApp, kind: EntryKind, artisan: i64, amount: i64, on: NaiveDate) {
    let mut e = NewEntry::new(kind, artisan, app.kolkata, amount, on);
    e.recorded_by = "test".into();
    if kind == EntryKind::WageEarned {
        e.labor_minutes = Some(600);
    }
    app.with_conn(|c| ledger::append(c, &e, now())).unwrap();
}

/// The register's cells, saved week by week as the grid does.
fn register_hours(app: &TestApp, artisan: i64, cells: &[(NaiveDate, HourKind, i64)]) {
    let mut weeks: BTreeMap<NaiveDate, Vec<Cell>> = BTreeMap::new();
    for &(d, kind, hours) in cells {
        weeks.entry(register::monday_of(d)).or_default().push(Cell {
            artisan_id: artisan,
            work_date: d,
            kind,
            minutes: hours * 60,
        });
    }
    for (monday, cells) in weeks {
        app.with_conn(|c| {
            register::save_week(c, &Actor::system("test"), app.kolkata, monday, &[artisan], &cells, now())
        })
        .unwrap();
    }
}

/// Anju, piece-rated at Kolkata, in October 2026: 111 hours worked (2 of them overtime on a
/// 10-hour day), a paid leave day and the Gandhi Jayanti holiday, an unpaid leave day; two pieces
/// (₹3,750), two sale bonuses (₹750), ₹1,000 still owed from September, ₹3,000 paid on
/// 28 October, ₹500 of an advance recovered. Returns (artisan id, public id).
fn october_fixture(app: &TestApp) -> (i64, String) {
    use HourKind::*;
    let (anju, pid) =
        app.artisan(ArtisanFixture { alias: "Anju B.", legal_name: "Anjali Banerjee", ..Default::default() });
    app.with_conn(|c| {
        terms::add(
            c,
            &Actor::system("fin@fairgold.test"),
            &NewTerms {
                artisan_id: anju,
                effective_from: day(2026, 1, 1),
                ends_on: None,
                pay_basis: PayBasis::PieceRate,
                monthly_salary_minor: None,
                standard_hours_per_month: 208,
                note: String::new(),
                recorded_by: "fin@fairgold.test".into(),
                recorded_at: now(),
            },
            now(),
        )
    })
    .unwrap();
    let mut cells = vec![(day(2026, 10, 2), Holiday, 8)];
    for d in (5..=9).chain(12..=16) {
        cells.push((day(2026, 10, d), Production, 8));
    }
    cells.extend([
        (day(2026, 10, 19), Production, 10),
        (day(2026, 10, 20), Training, 4),
        (day(2026, 10, 21), Training, 4),
        (day(2026, 10, 22), Design, 3),
        (day(2026, 10, 22), Rework, 2),
        (day(2026, 10, 23), Production, 7),
        (day(2026, 10, 23), Waiting, 1),
        (day(2026, 10, 26), LeavePaid, 8),
        (day(2026, 10, 27), LeaveUnpaid, 8),
    ]);
    register_hours(app, anju, &cells);
    entry(app, EntryKind::WageEarned, anju, 100_000, day(2026, 9, 25));
    entry(app, EntryKind::WageEarned, anju, 200_000, day(2026, 10, 9));
    entry(app, EntryKind::WageEarned, anju, 175_000, day(2026, 10, 16));
    entry(app, EntryKind::SaleBonus, anju, 50_000, day(2026, 10, 22));
    entry(app, EntryKind::SaleBonus, anju, 25_000, day(2026, 10, 24));
    let payout = PayoutInput {
        artisan_id: anju,
        amount_minor: 300_000,
        paid_on: day(2026, 10, 28),
        method: PayoutMethod::Bank,
        reference: "UTR-OCT-0001".into(),
    };
    app.with_conn(|c| service::record_payout(c, &Actor::system("fin@fairgold.test"), &payout, now())).unwrap();
    let advance = DeductionInput {
        artisan_id: anju,
        kind: DeductionKind::AdvanceRecovery,
        amount_minor: 50_000,
        on: day(2026, 10, 30),
        reason: "Advance of 2 October, second of four instalments".into(),
    };
    app.with_conn(|c| service::record_deduction(c, &Actor::system("fin@fairgold.test"), &advance, now())).unwrap();
    (anju, pid)
}

#[tokio::test]
async fn a_closed_month_s_pay_slip_reads_the_same_in_english_bengali_hindi_and_marathi() {
    let app = TestApp::spawn().await;
    let (anju, pid) = october_fixture(&app);
    app.staff("fin@fairgold.test", "finance", None);
    let finance = app.sign_in("fin@fairgold.test").await;
    let url = format!("/admin/wages/artisans/{pid}/slips/2026-10");

    // Before the close the slip is a draft, and shows the top-up the close will post:
    // 127 paid hours + 2 overtime hours at ₹12,499 / 208 h = ₹7,751.78, less ₹3,750 of pieces.
    let draft = app.get_as(&url, &finance).await.text().await.unwrap();
    assert!(draft.contains("Draft — October 2026 is not closed yet"), "{draft}");
    assert!(draft.contains("Minimum-wage top-up <em>(due at month close)</em>"), "{draft}");
    assert!(draft.contains("₹4,001.78") && draft.contains("₹6,001.78"), "{draft}");

    let october = Month::parse("2026-10").unwrap();
    crate::wages_months::close_month(&app, app.kolkata, october).unwrap();
    // The closed slip's balance is the ledger's.
    let balance = app.with_conn(|c| ledger::balance_of(c, anju, Some(day(2026, 10, 31)))).unwrap();
    assert_eq!(balance, 600_178);

    // The artisan reads Bengali: finance sets it on her page, and the slip follows.
    let res = app
        .post_form(&format!("/admin/artisans/{anju}/slip-language"), Some(&finance), &[("slip_language", "bn")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let bn = app.get_as(&url, &finance).await.text().await.unwrap();
    assert!(bn.contains(r#"<html lang="bn">"#), "{bn}");
    assert!(bn.contains("বেতনের স্লিপ — অক্টোবর 2026") && bn.contains("₹6,001.78"), "{bn}");
    assert!(bn.contains("<dd>কলকাতা</dd>"), "the workshop's city in Bengali: {bn}");
    assert!(!bn.contains("Anjali") && !bn.contains("Banerjee"), "never the legal name");
    snapshot("payslip_bn", &slip_of(&bn, &pid));

    for (code, name) in [("en", "payslip_en"), ("hi", "payslip_hi"), ("mr", "payslip_mr")] {
        let page = app.get_as(&format!("{url}?lang={code}"), &finance).await.text().await.unwrap();
        assert!(page.contains(&format!(r#"<html lang="{code}">"#)), "{page}");
        assert!(!page.contains("Draft") && !page.contains("मसौदा") && !page.contains("मसुदा"), "{page}");
        snapshot(name, &slip_of(&page, &pid));
    }
    let res = app.get_as(&format!("{url}?lang=fr"), &finance).await;
    assert_eq!(res.status().as_u16(), 400, "an unknown language is refused, not guessed");
}

#[tokio::test]
async fn a_manager_sees_the_slips_of_their_own_center_only() {
    let app = TestApp::spawn().await;
    let (_, pid) = october_fixture(&app);
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("mumbai@fairgold.test", "manager", Some("mumbai"));
    let kolkata = app.sign_in("kolkata@fairgold.test").await;
    let mumbai = app.sign_in("mumbai@fairgold.test").await;
    let url = format!("/admin/wages/artisans/{pid}/slips/2026-10");

    let res = app.get_as(&url, &kolkata).await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains("Anju B.") && page.contains("Piece wages (2 pieces)"), "{page}");
    let res = app.get_as(&url, &mumbai).await;
    assert_eq!(res.status().as_u16(), 404, "another center's artisan is not found");
    let res = app.get_as("/admin/wages/artisans/nobody/slips/2026-10", &kolkata).await;
    assert_eq!(res.status().as_u16(), 404);
}

#[tokio::test]
async fn changing_the_slip_language_is_audit_logged_and_changes_the_slip() {
    let app = TestApp::spawn().await;
    let (anju, pid) = app.artisan(ArtisanFixture { alias: "Anju B.", ..Default::default() });
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("mumbai@fairgold.test", "manager", Some("mumbai"));
    let kolkata = app.sign_in("kolkata@fairgold.test").await;
    let mumbai = app.sign_in("mumbai@fairgold.test").await;
    let url = format!("/admin/wages/artisans/{pid}/slips/2026-11");
    let page = app.get_as(&url, &kolkata).await.text().await.unwrap();
    assert!(page.contains(r#"<html lang="en">"#) && page.contains("Pay slip — November 2026"), "{page}");

    // Another center's manager cannot change it; a language the shop lacks is refused.
    let path = format!("/admin/artisans/{anju}/slip-language");
    let res = app.post_form(&path, Some(&mumbai), &[("slip_language", "mr")]).await;
    assert_eq!(res.status().as_u16(), 403);
    let res = app.post_form(&path, Some(&kolkata), &[("slip_language", "fr")]).await;
    assert_eq!(res.status().as_u16(), 400);
    let logged = |app: &TestApp| -> Vec<(String, String)> {
        app.with_conn(|c| {
            audit_log::table
                .filter(audit_log::action.eq("artisan.slip_language"))
                .select((audit_log::actor, audit_log::details))
                .load(c)
                .unwrap()
        })
    };
    assert!(logged(&app).is_empty(), "nothing changed, nothing logged");

    // The artisan's own manager sets Marathi on her page.
    let show = app.get_as(&format!("/admin/artisans/{anju}"), &kolkata).await.text().await.unwrap();
    assert!(show.contains(r#"name="slip_language""#) && show.contains("मराठी"), "{show}");
    let res = app.post_form(&path, Some(&kolkata), &[("slip_language", "mr")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let log = logged(&app);
    assert_eq!(log.len(), 1);
    assert!(log[0].0.contains("kolkata@fairgold.test"), "{log:?}");
    let details: serde_json::Value = serde_json::from_str(&log[0].1).unwrap();
    assert_eq!(details["slip_language"], serde_json::json!({ "before": "en", "after": "mr" }));

    let page = app.get_as(&url, &kolkata).await.text().await.unwrap();
    assert!(page.contains(r#"<html lang="mr">"#), "{page}");
    assert!(page.contains("वेतन चिठ्ठी — नोव्हेंबर 2026"), "{page}");
    assert!(page.contains("मसुदा — नोव्हेंबर 2026 चा हिशेब अजून बंद झालेला नाही"), "an open month is a draft: {page}");
}

#[tokio::test]
async fn a_salaried_artisan_s_open_month_shows_the_salary_and_overtime_the_close_will_post() {
    let app = TestApp::spawn().await;
    let (mina, pid) = app.artisan(ArtisanFixture { alias: "Mina K.", ..Default::default() });
    app.with_conn(|c| {
        terms::add(
            c,
            &Actor::system("fin@fairgold.test"),
            &NewTerms {
                artisan_id: mina,
                effective_from: day(2026, 1, 1),
                ends_on: None,
                pay_basis: PayBasis::MonthlySalary,
                monthly_salary_minor: Some(1_500_000),
                standard_hours_per_month: 208,
                note: String::new(),
                recorded_by: "fin@fairgold.test".into(),
                recorded_at: now(),
            },
            now(),
        )
    })
    .unwrap();
    // One 10-hour day: 2 hours of overtime at twice the salary's hourly rate
    // (₹15,000 / 208 h × 2 × 2 h = ₹288.46).
    register_hours(&app, mina, &[(day(2026, 11, 3), HourKind::Production, 10)]);
    app.staff("fin@fairgold.test", "finance", None);
    let finance = app.sign_in("fin@fairgold.test").await;
    let page =
        app.get_as(&format!("/admin/wages/artisans/{pid}/slips/2026-11?lang=hi"), &finance).await.text().await.unwrap();
    assert!(page.contains("मसौदा — नवंबर 2026 का हिसाब अभी बंद नहीं हुआ है"), "{page}");
    assert!(page.contains("<dd>मासिक वेतन</dd>"), "the pay basis: {page}");
    assert!(page.contains("मासिक वेतन या वृत्तिका <em>(महीने का हिसाब बंद होने पर देय)</em>"), "{page}");
    assert!(page.contains("₹15,000.00") && page.contains("₹288.46") && page.contains("₹15,288.46"), "{page}");
    assert!(!page.contains("न्यूनतम मज़दूरी की भरपाई <em>"), "the salary is above the guaranteed minimum: {page}");
}

/// The `.ftl` files of a language, by file name, each with its message ids.
fn ftl_files(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(lang);
    std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|f| f.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let ids: Vec<String> = i18n::message_ids(&text);
            let set: BTreeSet<String> = ids.iter().cloned().collect();
            assert_eq!(set.len(), ids.len(), "{} defines a message twice", p.display());
            (p.file_name().unwrap().to_string_lossy().into_owned(), set)
        })
        .collect()
}

/// Every key the templates and the code use: literal `fluent(key="…")` calls, and for
/// `fluent(key="prefix-" ~ code)` every code the prefix can take. The customer emails'
/// templates (`templates/email/`) are apart: their keys need only the email languages
/// (`email_keys_used`).
fn keys_used() -> BTreeSet<String> {
    let mut used = keys_in_templates("templates", Some("templates/email"));
    // Used from Rust: month names, date patterns, the slip's title.
    used.extend((1..=12).map(|m| format!("month-{m}")));
    used.extend(["date-month-year", "date-day-month-year", "slip-document-title"].map(String::from));
    used.extend(["center-kolkata", "center-mumbai"].map(String::from));
    used
}

/// The keys the customer emails use: their templates' and the subjects'.
fn email_keys_used() -> BTreeSet<String> {
    let mut used = keys_in_templates("templates/email", None);
    used.retain(|k| k.starts_with("email-"));
    for kind in ["order-confirmation", "shipped", "refunded", "payment-failed", "piece-unavailable"] {
        used.insert(format!("email-subject-{kind}"));
    }
    used
}

/// The keys the templates under `folder` use, leaving out the folder `skip`.
fn keys_in_templates(folder: &str, skip: Option<&str>) -> BTreeSet<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let skip = skip.map(|s| root.join(s));
    let mut codes: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    codes.insert("entry-kind-", entry_kind_codes().iter().map(|c| c.to_string()).collect());
    codes.insert("deduction-", deduction_kind_codes().iter().map(|c| c.to_string()).collect());
    codes.insert("hour-kind-", HourKind::ALL.iter().map(|k| k.code().to_string()).collect());
    codes.insert("payout-method-", PayoutMethod::ALL.iter().map(|m| m.code().to_string()).collect());
    codes
        .insert("pay-basis-", PayBasis::ALL.iter().map(|b| b.code().to_string()).chain(["none".to_string()]).collect());
    // The finance pages name the same codes with the back office's words (`wages-admin.ftl`,
    // `finance.ftl`).
    for (prefix, from) in
        [("wages-deduction-", "deduction-"), ("wages-entry-", "entry-kind-"), ("wages-basis-", "pay-basis-")]
    {
        let list = codes[from].clone();
        codes.insert(prefix, list);
    }
    for (prefix, list) in [
        ("fin-invoices-kind-", &["invoice", "credit_note"][..]),
        ("fin-privacy-kind-", &["export", "erasure", "retention"][..]),
        ("fin-privacy-status-", &["completed", "refused"][..]),
    ] {
        codes.insert(prefix, list.iter().map(|c| c.to_string()).collect());
    }
    let literal = regex_lite::Regex::new(r#"fluent\(key="([a-z0-9_-]+)"\s*[,)]"#).unwrap();
    let prefixed = regex_lite::Regex::new(r#"fluent\(key="([a-z0-9_-]+)"\s*~"#).unwrap();
    let mut used = BTreeSet::new();
    let templates = root.join(folder);
    let mut dirs = vec![templates];
    while let Some(dir) = dirs.pop() {
        for f in std::fs::read_dir(dir).unwrap() {
            let p = f.unwrap().path();
            if p.is_dir() {
                if skip.as_ref() != Some(&p) {
                    dirs.push(p);
                }
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            used.extend(literal.captures_iter(&text).map(|c| c[1].to_string()));
            for c in prefixed.captures_iter(&text) {
                let list =
                    codes.get(&c[1]).unwrap_or_else(|| panic!("{}: no codes known for `{}`", p.display(), &c[1]));
                used.extend(list.iter().map(|code| format!("{}{code}", &c[1])));
            }
        }
    }
    used
}

#[test]
fn every_language_has_exactly_the_english_keys_and_every_key_used() {
    let english = ftl_files("en");
    assert!(english.contains_key("payslip.ftl") && english.contains_key("common.ftl"));
    let email_languages = i18n::email_languages();
    for lang in Lang::ALL {
        let files = ftl_files(lang.code());
        // `email.ftl` (the customer's emails) only in the languages the emails are written in.
        let expected: Vec<&String> =
            english.keys().filter(|f| f.as_str() != "email.ftl" || email_languages.contains(&lang)).collect();
        assert_eq!(
            files.keys().collect::<Vec<_>>(),
            expected,
            "{}: one .ftl file per feature, as in English",
            lang.code()
        );
        for (file, keys) in english.iter().filter(|(f, _)| files.contains_key(*f)) {
            let missing: Vec<_> = keys.difference(&files[file]).collect();
            let extra: Vec<_> = files[file].difference(keys).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}/{file}: missing {missing:?}, not in English {extra:?}",
                lang.code()
            );
        }
    }
    let used = keys_used();
    assert!(
        used.contains("entry-kind-salary") && used.contains("deduction-court_order") && used.contains("slip-net-pay")
    );
    for lang in Lang::ALL {
        let missing: Vec<_> = used.iter().filter(|k| !i18n::has(lang, k)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
    }
    let email_used = email_keys_used();
    assert!(email_used.contains("email-button-follow-order") && email_used.contains("email-hello"), "{email_used:?}");
    assert!(email_languages.contains(&Lang::En));
    for lang in &email_languages {
        let missing: Vec<_> = email_used.iter().filter(|k| !i18n::has(*lang, k)).collect();
        assert!(missing.is_empty(), "{} emails lack {missing:?}", lang.code());
    }
    // Every kind of ledger entry and every deduction has a label in every language.
    for lang in Lang::ALL {
        for code in entry_kind_codes() {
            assert!(i18n::has(lang, &format!("entry-kind-{code}")), "{} entry-kind-{code}", lang.code());
        }
    }
    // The month names are the language's own.
    assert_eq!(i18n::date::month_year(Lang::Bn, 2026, 11), "নভেম্বর 2026");
    assert_eq!(i18n::date::month_year(Lang::Hi, 2026, 11), "नवंबर 2026");
    assert_eq!(i18n::date::month_year(Lang::Mr, 2026, 11), "नोव्हेंबर 2026");
}
