//! Signed ledger checkpoints: closing a month signs the ledger's head; `/transparency/ledger`
//! publishes every checkpoint and the public key, naming no artisan; `verify --checkpoints`
//! with the downloaded file passes, and fails — naming the first checkpoint that no longer
//! matches — after a row is rewritten and every hash after it recomputed (which plain `verify`
//! cannot see), or when a signature in the file is changed; production without a signing key
//! refuses to approve a month's close and saves nothing of it.

use std::process::{Command, Output};

use chrono::{Datelike, Duration, NaiveDate};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use fairgold::audit::Actor;
use fairgold::crypto::{self, LedgerSigner};
use fairgold::db::DbConn;
use fairgold::schema::{audit_log, ledger_checkpoints, ledger_entries, ledger_head, month_closes};
use fairgold::wages::checkpoints::{self, FileCheck, PublishedFile};
use fairgold::wages::ledger::{self, EntryRow, NewEntry, Verification};
use fairgold::wages::register::{self, Cell};
use fairgold::wages::types::{EntryKind, HourKind, Month};

use crate::helpers::{now, ArtisanFixture, TestApp};

/// RFC 8032's first test key, configured as `FAIRGOLD_LEDGER_SIGNING_KEY`, and its public key.
const SEED: &str = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
const PUBLIC_KEY: &str = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

const ALIAS: &str = "Anju B.";
const LEGAL_NAME: &str = "Anjali Quintessa Basu";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// An artisan with 8 hours of production on every weekday of `month` (saved week by week, as
/// the grid does) and ₹3,750 of piece wages accepted on its 20th: closing the month posts a
/// top-up. A new artisan (alias `ALIAS`, legal name `LEGAL_NAME`) unless one is given; returns
/// the artisan's id.
fn worked_month(app: &TestApp, artisan: Option<i64>, month: Month) -> i64 {
    let id = artisan.unwrap_or_else(|| {
        app.artisan(ArtisanFixture { alias: ALIAS, legal_name: LEGAL_NAME, ..Default::default() }).0
    });
    let mut weeks: std::collections::BTreeMap<NaiveDate, Vec<Cell>> = Default::default();
    let mut d = month.first_day();
    while d <= month.last_day() {
        if d.weekday().num_days_from_monday() < 5 {
            weeks.entry(register::monday_of(d)).or_default().push(Cell {
                artisan_id: id,
                work_date: d,
                kind: HourKind::Production,
                minutes: 480,
            });
        }
        d += Duration::days(1);
    }
    for (monday, cells) in weeks {
        app.with_conn(|c| register::save_week(c, &Actor::system("test"), app.kolkata, monday, &[id], &cells, now()))
            .unwrap();
    }
    let mut e = NewEntry::new(EntryKind::WageEarned, id, app.kolkata, 375_000, month.first_day() + Duration::days(19));
    e.labor_minutes = Some(600);
    e.recorded_by = "test".into();
    app.with_conn(|c| ledger::append(c, &e, now())).unwrap();
    id
}

fn month(s: &str) -> Month {
    Month::parse(s).unwrap()
}

/// Closes Kolkata's month as finance does: one person asks (`fin`), a second approves (`fin2`);
/// the approval's answer.
async fn close_as_finance(app: &TestApp, month: &str) -> reqwest::Response {
    let url = format!("/admin/wages/months/kolkata/{month}/close");
    let asks = app.sign_in("fin@fairgold.test").await;
    let res = app.post_form(&url, Some(&asks), &[("step", "request")]).await;
    assert_eq!(res.status().as_u16(), 303, "the request: {}", res.text().await.unwrap());
    let approves = app.sign_in("fin2@fairgold.test").await;
    app.post_form(&url, Some(&approves), &[("step", "approve")]).await
}

async fn download(app: &TestApp) -> (String, PublishedFile) {
    let res = app.get("/transparency/ledger/checkpoints.json").await;
    assert_eq!(res.status().as_u16(), 200);
    let disposition = res.headers()["content-disposition"].to_str().unwrap().to_string();
    assert!(disposition.contains("fairgold-ledger-checkpoints.json"), "{disposition}");
    let text = res.text().await.unwrap();
    let file = checkpoints::parse_file(&text).expect("the published file reads back");
    (text, file)
}

fn head(app: &TestApp) -> (i64, String) {
    app.with_conn(|c| ledger_head::table.find(1).select((ledger_head::last_id, ledger_head::last_hash)).first(c))
        .unwrap()
}

#[tokio::test]
async fn closing_a_month_signs_the_ledger_head_and_the_public_page_shows_it_without_personal_data() {
    let app = TestApp::spawn_with(&[("ledger_signing_key", SEED)]).await;
    let artisan = worked_month(&app, None, month("2026-10"));
    let public_id: String = app.with_conn(|c| {
        fairgold::schema::artisans::table.find(artisan).select(fairgold::schema::artisans::public_id).first(c).unwrap()
    });
    app.staff("fin@fairgold.test", "finance", None);
    app.staff("fin2@fairgold.test", "finance", None);

    // Nothing closed yet: the page says so.
    let page = app.page("/transparency/ledger", 200).await;
    assert!(page.contains("No month has been closed yet"), "{page}");

    let res = close_as_finance(&app, "2026-10").await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());

    // The head after the close (the piece wage and its top-up) is what was signed.
    let (last_id, last_hash) = head(&app);
    assert_eq!(last_id, 2);
    let stored: Vec<(i64, String, String, String, String)> = app.with_conn(|c| {
        ledger_checkpoints::table
            .select((
                ledger_checkpoints::entry_id,
                ledger_checkpoints::entry_hash,
                ledger_checkpoints::month,
                ledger_checkpoints::public_key,
                ledger_checkpoints::signature,
            ))
            .load(c)
            .unwrap()
    });
    assert_eq!(stored.len(), 1);
    let (entry_id, entry_hash, month_text, public_key, signature) = stored[0].clone();
    assert_eq!((entry_id, entry_hash.as_str(), month_text.as_str()), (last_id, last_hash.as_str(), "2026-10"));
    assert_eq!(public_key, PUBLIC_KEY, "signed with the configured key");
    let (_, file) = download(&app).await;
    let signed_at = &file.checkpoints[0].signed_at;
    let message = checkpoints::message(entry_id, &entry_hash, signed_at);
    assert!(message.starts_with("fairgold ledger checkpoint v1\n2\n"), "{message}");
    assert!(crypto::verify_ed25519(PUBLIC_KEY, message.as_bytes(), &signature).is_ok(), "the signature verifies");
    assert!(crypto::verify_ed25519(PUBLIC_KEY, b"another text", &signature).is_err());

    // The public page lists it with the key, in plain words, and names no artisan.
    let page = app.page("/transparency/ledger", 200).await;
    for shown in [PUBLIC_KEY, &entry_hash, &signature, signed_at.as_str(), "October 2026, Kolkata", "What this proves"]
    {
        assert!(page.contains(shown), "the page shows `{shown}`");
    }
    assert!(!page.contains("Development copy"), "a configured key is not a development key");
    let (text, _) = download(&app).await;
    assert_eq!(file.public_key.as_deref(), Some(PUBLIC_KEY));
    assert_eq!(file.checkpoints.len(), 1);
    for (what, body) in [("page", &page), ("file", &text)] {
        for private in [ALIAS, "Anju", LEGAL_NAME, "Quintessa", public_id.as_str()] {
            assert!(!body.contains(private), "the {what} reveals `{private}`");
        }
    }
}

/// Rewrites entry `from`'s amount behind the append-only triggers, then recomputes its hash and
/// every later one with the shop's own hash rule and moves the head: what someone with the
/// database and the source could do so that plain `verify` finds nothing.
fn rewrite_and_rechain(app: &TestApp, from: i64) {
    let postgres = app.with_conn(|c| matches!(c, DbConn::Postgres(_)));
    let mut rows: Vec<EntryRow> = app.with_conn(|c| {
        ledger_entries::table
            .filter(ledger_entries::id.ge(from))
            .order(ledger_entries::id)
            .select(EntryRow::as_select())
            .load(c)
            .unwrap()
    });
    let mut prev: String = app.with_conn(|c| {
        ledger_entries::table.find(from - 1).select(ledger_entries::hash).first(c).unwrap_or(ledger::GENESIS.into())
    });
    let mut updates = String::new();
    for r in &mut rows {
        if r.id == from {
            r.amount_minor += 100_000;
        }
        r.prev_hash = prev.clone();
        r.hash = r.computed_hash();
        updates.push_str(&format!(
            "UPDATE ledger_entries SET amount_minor = {}, prev_hash = '{}', hash = '{}' WHERE id = {};\n",
            r.amount_minor, r.prev_hash, r.hash, r.id
        ));
        prev = r.hash.clone();
    }
    updates.push_str(&format!("UPDATE ledger_head SET last_hash = '{prev}' WHERE id = 1;\n"));
    let sql = if postgres {
        format!(
            "ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only;
             {updates}
             ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only;"
        )
    } else {
        format!(
            "DROP TRIGGER ledger_entries_no_update;
             {updates}
             CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
             BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END;"
        )
    };
    app.with_conn(|c| c.batch_execute(&sql)).unwrap();
}

fn fairgold(app: &TestApp, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fairgold"))
        .current_dir(app.data_dir.parent().unwrap())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("RUST_LOG", "warn")
        .env("FAIRGOLD_ENV", "development")
        .env("DATABASE_URL", app.database_url())
        .args(args)
        .output()
        .unwrap()
}

fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

#[tokio::test]
async fn verify_with_the_published_file_passes_and_names_the_first_checkpoint_a_recomputed_rewrite_breaks() {
    let app = TestApp::spawn().await;
    app.staff("fin@fairgold.test", "finance", None);
    app.staff("fin2@fairgold.test", "finance", None);
    let artisan = worked_month(&app, None, month("2026-10"));
    assert_eq!(close_as_finance(&app, "2026-10").await.status().as_u16(), 303);
    let october_head = head(&app).0;
    worked_month(&app, Some(artisan), month("2026-11"));
    assert_eq!(close_as_finance(&app, "2026-11").await.status().as_u16(), 303);
    assert!(head(&app).0 > october_head + 1, "November's entries come after October's checkpoint");

    let (json, file) = download(&app).await;
    assert_eq!(file.checkpoints.len(), 2);
    let path = app.data_dir.join("fairgold-ledger-checkpoints.json");
    std::fs::write(&path, &json).unwrap();
    let path = path.display().to_string();

    let check = app.with_conn(|c| checkpoints::verify_file(c, &file)).unwrap();
    assert!(matches!(check, FileCheck::Passed { checkpoints: 2, .. }), "{check:?}");
    let out = fairgold(&app, &["ledger", "verify", "--checkpoints", &path]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("passes through all 2 signed checkpoints"), "{}", text(&out));

    // November's piece wage (after October's checkpoint) is raised and the chain recomputed
    // from there: the hash chain alone is intact again…
    rewrite_and_rechain(&app, october_head + 1);
    assert!(matches!(app.with_conn(ledger::verify).unwrap(), Verification::Intact { .. }));
    let out = fairgold(&app, &["ledger", "verify"]);
    assert!(out.status.success(), "plain verify cannot see it: {}", text(&out));

    // …but it no longer passes through November's published head; October's still matches.
    let check = app.with_conn(|c| checkpoints::verify_file(c, &file)).unwrap();
    let FileCheck::CheckpointFailed { checkpoint, reason } = check else { panic!("not caught: {check:?}") };
    assert_eq!((checkpoint.month.as_str(), checkpoint.entry_id), ("2026-11", file.checkpoints[1].entry_id));
    assert!(reason.contains("was rewritten"), "{reason}");
    let out = fairgold(&app, &["ledger", "verify", "--checkpoints", &path]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = text(&out);
    assert!(
        said.contains(&format!("checkpoint at entry {} (close of 2026-11 at kolkata", file.checkpoints[1].entry_id)),
        "{said}"
    );

    // Rewritten before October's head, the first checkpoint is the one named.
    rewrite_and_rechain(&app, 1);
    let check = app.with_conn(|c| checkpoints::verify_file(c, &file)).unwrap();
    assert!(
        matches!(&check, FileCheck::CheckpointFailed { checkpoint, .. } if checkpoint.month == "2026-10"),
        "{check:?}"
    );
}

#[tokio::test]
async fn a_changed_signature_or_hash_in_the_file_fails_verification() {
    let app = TestApp::spawn().await;
    app.staff("fin@fairgold.test", "finance", None);
    app.staff("fin2@fairgold.test", "finance", None);
    worked_month(&app, None, month("2026-10"));
    assert_eq!(close_as_finance(&app, "2026-10").await.status().as_u16(), 303);
    let (_, file) = download(&app).await;
    assert!(matches!(app.with_conn(|c| checkpoints::verify_file(c, &file)).unwrap(), FileCheck::Passed { .. }));

    let flip = |hex: &str| {
        let first = if hex.starts_with('0') { "1" } else { "0" };
        format!("{first}{}", &hex[1..])
    };
    let mut signature_changed = file.clone();
    signature_changed.checkpoints[0].signature = flip(&file.checkpoints[0].signature);
    // Someone who rewrote the ledger edits the file's hash to match: the signature no longer does.
    let mut hash_changed = file.clone();
    hash_changed.checkpoints[0].entry_hash = flip(&file.checkpoints[0].entry_hash);
    // A key of one's own, swapped in for the published one.
    let mut key_swapped = file.clone();
    key_swapped.checkpoints[0].public_key = PUBLIC_KEY.into();
    for (what, bad) in [("signature", signature_changed), ("hash", hash_changed), ("key", key_swapped)] {
        let check = app.with_conn(|c| checkpoints::verify_file(c, &bad)).unwrap();
        let FileCheck::CheckpointFailed { checkpoint, reason } = check else { panic!("{what}: {check:?}") };
        assert_eq!(checkpoint.month, "2026-10", "{what}");
        assert!(
            reason.contains("signature does not verify") || reason.contains("does not publish"),
            "{what}: {reason}"
        );
    }

    let mut bad = file.clone();
    bad.checkpoints[0].signature = flip(&file.checkpoints[0].signature);
    let path = app.data_dir.join("changed.json");
    std::fs::write(&path, checkpoints::to_json(&bad).unwrap()).unwrap();
    let out = fairgold(&app, &["ledger", "verify", "--checkpoints", &path.display().to_string()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("its signature does not verify"), "{}", text(&out));
    std::fs::write(&path, "{\"not\": \"checkpoints\"}").unwrap();
    let out = fairgold(&app, &["ledger", "verify", "--checkpoints", &path.display().to_string()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("is not a checkpoints file"), "{}", text(&out));
}

#[tokio::test]
async fn production_without_a_signing_key_refuses_to_close_a_month_and_saves_nothing() {
    // Production as deployed, on loopback: Stripe keys that are never called (production
    // needs them to start); no FAIRGOLD_LEDGER_SIGNING_KEY.
    let app =
        TestApp::spawn_settings(&[("stripe_secret_key", "sk_test_x"), ("stripe_webhook_secret", "whsec_x")], |s| {
            s.env = fairgold::config::Environment::Production;
        })
        .await;
    app.staff("fin@fairgold.test", "finance", None);
    app.staff("fin2@fairgold.test", "finance", None);
    worked_month(&app, None, month("2026-10"));
    let entries_before = head(&app);

    let res = close_as_finance(&app, "2026-10").await;
    assert_eq!(res.status().as_u16(), 409);
    let body = res.text().await.unwrap();
    assert!(body.contains("no ledger signing key (FAIRGOLD_LEDGER_SIGNING_KEY)"), "{body}");
    assert!(body.contains("nothing was saved and the month is still open"), "{body}");

    assert_eq!(head(&app), entries_before, "no top-up was posted");
    let (closes, checkpoints, logged): (i64, i64, i64) = app.with_conn(|c| {
        (
            month_closes::table.count().get_result(c).unwrap(),
            ledger_checkpoints::table.count().get_result(c).unwrap(),
            audit_log::table.filter(audit_log::action.eq("wages.month.close")).count().get_result(c).unwrap(),
        )
    });
    assert_eq!((closes, checkpoints, logged), (0, 0, 0));
    let refused = app.with_conn(|c| {
        fairgold::wages::close::approve(c, &Actor::system("fin3"), app.kolkata, month("2026-10"), now(), None)
    });
    assert_eq!(refused.unwrap_err().code(), "signing_key_missing");
    // The request still waits: once the key is set, a second person approves it.
    assert!(app.with_conn(|c| fairgold::wages::close::requested(c, app.kolkata, month("2026-10"))).unwrap().is_some());
    let page = app.page("/transparency/ledger", 200).await;
    assert!(page.contains("No signing key is configured yet"), "{page}");
}

/// The performance target: `verify --checkpoints` on 200,000 chained entries with ten signed
/// checkpoints in ≤ 2 s (release build). The entries are appended with the real chain
/// (`ledger::append_many`), a checkpoint signed after every 20,000.
/// Run with `cargo test --release --test api checkpoints::verify_with_checkpoints_is_fast -- --ignored --nocapture`.
#[tokio::test]
#[ignore]
async fn verify_with_checkpoints_is_fast_on_200_000_entries() {
    let app = TestApp::spawn().await;
    let ids: Vec<i64> = (0..50).map(|_| app.artisan(ArtisanFixture::default()).0).collect();
    let signer = LedgerSigner::development(None);
    let start = day(2021, 1, 1);
    let mut m = month("2021-01");
    for batch in 0..10i64 {
        let entries: Vec<(chrono::NaiveDateTime, NewEntry)> = (0..20_000i64)
            .map(|k| {
                let i = batch * 20_000 + k;
                let on = start + Duration::days(i * 1826 / 200_000);
                let mut e = NewEntry::new(EntryKind::WageEarned, ids[(i % 50) as usize], app.kolkata, 1_000, on);
                e.labor_minutes = Some(60);
                e.recorded_by = "perf".into();
                (now(), e)
            })
            .collect();
        app.with_conn(|c| {
            fairgold::db::write(c, |c| {
                ledger::append_many(c, &entries)?;
                checkpoints::sign_head(c, Some(&signer), app.kolkata, m, now())
            })
        })
        .unwrap();
        m = m.next();
    }
    let file = app.with_conn(|c| checkpoints::published(c, Some(&signer))).unwrap();
    assert_eq!(file.checkpoints.len(), 10);
    let mut worst = std::time::Duration::ZERO;
    for _ in 0..2 {
        let t = std::time::Instant::now();
        let check = app.with_conn(|c| checkpoints::verify_file(c, &file)).unwrap();
        let took = t.elapsed();
        println!("verify --checkpoints on 200,000 entries, 10 checkpoints: {took:?}");
        assert!(matches!(check, FileCheck::Passed { entries: 200_000, checkpoints: 10, .. }), "{check:?}");
        worst = worst.max(took);
    }
    // The target is 2 s on a release build; a debug build only catches a gross regression.
    let limit = if cfg!(debug_assertions) { 30 } else { 2 };
    assert!(worst.as_secs_f64() <= limit as f64, "verify --checkpoints took {worst:?}");
}
