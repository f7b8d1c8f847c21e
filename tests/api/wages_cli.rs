//! The ledger's defences and its command line: the database refuses UPDATE and DELETE on
//! entries; an amount changed behind the triggers is found by `verify` (and by `fairgold
//! ledger verify`, exit status 1) naming the entry; the demo history verifies and holds
//! exactly one late month and one month below the living wage; `fairgold wages report` and
//! `fairgold ledger export` as an operator runs them.

use std::process::{Command, Output};

use chrono::{Duration, NaiveDate};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::{PgConnection, SqliteConnection};
use fairgold::audit::Actor;
use fairgold::db::DbConn;
use fairgold::schema::{ledger_entries, order_events, orders};
use fairgold::wages::ledger::{self, NewEntry, Verification};
use fairgold::wages::reports;
use fairgold::wages::types::{india_date, EntryKind, Month};

use crate::helpers::{now, ArtisanFixture, TestApp, TestDatabase};

/// SQL that changes an entry's amount behind the append-only triggers, as someone with
/// direct access to the database could: SQLite drops and recreates its trigger, PostgreSQL
/// disables and re-enables its own.
fn tamper_sql(postgres: bool, entry: i64) -> String {
    tamper_set_sql(postgres, entry, "amount_minor = amount_minor + 100000")
}

/// `tamper_sql` with any change (`SET …`) to one entry.
fn tamper_set_sql(postgres: bool, entry: i64, set: &str) -> String {
    if postgres {
        format!(
            "ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only;
             UPDATE ledger_entries SET {set} WHERE id = {entry};
             ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only;"
        )
    } else {
        format!(
            "DROP TRIGGER ledger_entries_no_update;
             UPDATE ledger_entries SET {set} WHERE id = {entry};
             CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
             BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END;"
        )
    }
}

/// Appends `n` wage entries for a new artisan; returns the artisan.
fn some_entries(app: &TestApp, n: i64) -> i64 {
    let (artisan, _) = app.artisan(ArtisanFixture::default());
    let on = india_date(now());
    app.with_conn(|c| {
        for k in 1..=n {
            let mut e = NewEntry::new(EntryKind::WageEarned, artisan, app.kolkata, 10_000 * k, on);
            e.labor_minutes = Some(90);
            e.recorded_by = "test".into();
            ledger::append(c, &e, now()).unwrap();
        }
    });
    artisan
}

fn amount_of(app: &TestApp, id: i64) -> i64 {
    app.with_conn(|c| ledger_entries::table.find(id).select(ledger_entries::amount_minor).first(c).unwrap())
}

#[tokio::test]
async fn the_database_refuses_to_update_or_delete_a_ledger_entry() {
    let app = TestApp::spawn().await;
    some_entries(&app, 3);
    for sql in [
        "UPDATE ledger_entries SET amount_minor = 1 WHERE id = 2",
        "UPDATE ledger_entries SET details = '{}'",
        "DELETE FROM ledger_entries WHERE id = 3",
        "DELETE FROM ledger_entries",
    ] {
        let result = app.with_conn(|c| diesel::sql_query(sql).execute(c));
        let err = result.expect_err(sql).to_string();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
    if app.with_conn(|c| matches!(c, DbConn::Postgres(_))) {
        let err = app.with_conn(|c| diesel::sql_query("TRUNCATE ledger_entries CASCADE").execute(c)).unwrap_err();
        assert!(err.to_string().contains("append-only"), "{err}");
    }
    assert_eq!(amount_of(&app, 2), 20_000, "nothing changed");
    let verified = app.with_conn(ledger::verify).unwrap();
    assert!(matches!(verified, Verification::Intact { entries: 3, .. }), "{verified:?}");
}

#[tokio::test]
async fn an_amount_changed_behind_the_triggers_is_caught_by_verify_naming_the_entry() {
    let app = TestApp::spawn().await;
    some_entries(&app, 5);
    let postgres = app.with_conn(|c| matches!(c, DbConn::Postgres(_)));
    app.with_conn(|c| c.batch_execute(&tamper_sql(postgres, 3))).unwrap();
    assert_eq!(amount_of(&app, 3), 130_000, "the row was changed by hand");

    let verified = app.with_conn(ledger::verify).unwrap();
    let Verification::Broken { entry, reason } = verified else { panic!("not caught: {verified:?}") };
    assert_eq!(entry, 3);
    assert!(reason.contains("does not match its hash"), "{reason}");

    // The triggers are back: the hand edit cannot be undone quietly either.
    let undo =
        app.with_conn(|c| diesel::sql_query("UPDATE ledger_entries SET amount_minor = 30000 WHERE id = 3").execute(c));
    assert!(undo.is_err(), "the append-only trigger is in place again");
}

/// Rows are read typed (`EntryRow.currency` is a `Currency`), but `verify` reads the text as
/// stored: a code the shop does not know is a broken entry, named, not a failure to read.
#[tokio::test]
async fn a_currency_changed_to_an_unknown_code_is_caught_by_verify_naming_the_entry() {
    let app = TestApp::spawn().await;
    some_entries(&app, 4);
    let postgres = app.with_conn(|c| matches!(c, DbConn::Postgres(_)));
    app.with_conn(|c| c.batch_execute(&tamper_set_sql(postgres, 2, "currency = 'XAU'"))).unwrap();
    let verified = app.with_conn(ledger::verify).unwrap();
    let Verification::Broken { entry, reason } = verified else { panic!("not caught: {verified:?}") };
    assert_eq!(entry, 2);
    assert!(reason.contains("does not match its hash"), "{reason}");
}

#[tokio::test]
async fn an_entry_removed_behind_the_triggers_is_caught_by_verify() {
    let app = TestApp::spawn().await;
    some_entries(&app, 4);
    let postgres = app.with_conn(|c| matches!(c, DbConn::Postgres(_)));
    let sql = if postgres {
        "ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only;
         DELETE FROM ledger_entries WHERE id = 2;
         ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only;"
    } else {
        "DROP TRIGGER ledger_entries_no_delete;
         DELETE FROM ledger_entries WHERE id = 2;
         CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
         BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END;"
    };
    app.with_conn(|c| c.batch_execute(sql)).unwrap();
    let verified = app.with_conn(ledger::verify).unwrap();
    assert!(
        matches!(&verified, Verification::Broken { entry: 2, reason } if reason.contains("missing")),
        "{verified:?}"
    );
}

/// The months the demo history covers: the seven before today's and today's.
fn demo_months() -> Vec<Month> {
    let mut m = Month::of(india_date(now()));
    let mut out = vec![m];
    for _ in 0..7 {
        m = m.prev();
        out.push(m);
    }
    out
}

#[tokio::test]
async fn the_demo_history_verifies_with_one_late_month_and_one_below_the_living_wage() {
    let app = TestApp::spawn_demo().await;
    let verified = app.with_conn(ledger::verify).unwrap();
    let Verification::Intact { entries, .. } = verified else { panic!("{verified:?}") };
    assert!(entries > 80, "months of history: {entries} entries");

    let (mut late, mut below_living, mut below_legal, mut months_with_work) = (Vec::new(), Vec::new(), 0, 0);
    for month in demo_months() {
        for center in [app.kolkata, app.mumbai] {
            let r = app.with_conn(|c| reports::center_month(c, center, month)).unwrap();
            months_with_work += usize::from(r.total_pieces > 0);
            below_legal += r.below_legal_count;
            for row in &r.rows {
                if row.late {
                    late.push((row.alias.clone(), month));
                }
                if row.below_living_wage == Some(true) {
                    below_living.push((row.alias.clone(), month, center));
                }
            }
        }
    }
    assert!(months_with_work >= 10, "several months at both centers: {months_with_work}");
    assert_eq!(late.len(), 1, "exactly one late month: {late:?}");
    assert_eq!(below_living.len(), 1, "exactly one month below the living wage: {below_living:?}");
    assert_eq!(below_living[0].2, app.kolkata, "Mumbai has no living-wage figure to fall below");
    assert_eq!(below_legal, 0);

    // Payouts: bank or UPI with a reference, on or before the 7th — but one on the 12th.
    let payouts: Vec<(NaiveDate, String)> = app.with_conn(|c| {
        ledger_entries::table
            .filter(ledger_entries::kind.eq("payout"))
            .select((ledger_entries::occurred_on, ledger_entries::details))
            .load(c)
            .unwrap()
    });
    assert!(payouts.len() >= 20, "monthly payouts: {}", payouts.len());
    let on_time = |d: &NaiveDate| chrono::Datelike::day(d) <= 7;
    assert_eq!(payouts.iter().filter(|(d, _)| !on_time(d)).count(), 1, "{payouts:?}");
    for (_, details) in &payouts {
        let d: serde_json::Value = serde_json::from_str(details).unwrap();
        assert!(["bank", "upi"].contains(&d["method"].as_str().unwrap()), "{details}");
        assert!(!d["reference"].as_str().unwrap().is_empty(), "{details}");
    }

    // Every paid demo order has its sale bonus; the bonuses name no other order.
    let paid: Vec<i64> = app.with_conn(|c| {
        order_events::table.filter(order_events::kind.eq("paid")).select(order_events::order_id).load(c).unwrap()
    });
    let with_bonus: Vec<i64> = app.with_conn(|c| {
        ledger_entries::table
            .filter(ledger_entries::kind.eq("sale_bonus"))
            .select(ledger_entries::order_id.assume_not_null())
            .distinct()
            .order(ledger_entries::order_id)
            .load(c)
            .unwrap()
    });
    let mut paid_sorted = paid.clone();
    paid_sorted.sort();
    assert!(paid.len() >= 5, "paid demo orders: {}", paid.len());
    assert_eq!(with_bonus, paid_sorted);
    let statuses: Vec<String> = app.with_conn(|c| orders::table.select(orders::status).load(c).unwrap());
    assert!(statuses.iter().all(|s| ["paid", "packed", "shipped", "delivered"].contains(&s.as_str())), "{statuses:?}");

    // One adjustment waits for a second person: proposed by finance, so an admin can approve it.
    let adjustments: Vec<(i64, String)> = app.with_conn(|c| {
        ledger_entries::table
            .filter(ledger_entries::kind.eq("adjustment"))
            .select((ledger_entries::id, ledger_entries::recorded_by))
            .load(c)
            .unwrap()
    });
    assert_eq!(adjustments.len(), 1);
    assert_eq!(adjustments[0].1, "finance@fairgold.test");
    let admin = Actor::system("admin@fairgold.test");
    let approved = app.with_conn(|c| {
        fairgold::wages::service::decide_adjustment(c, &admin, adjustments[0].0, true, "checked", now())
    });
    assert!(approved.is_ok(), "{approved:?}");
    assert!(matches!(app.with_conn(ledger::verify).unwrap(), Verification::Intact { .. }));
}

// ---------------------------------------------------------------------------------------------
// The binary

fn fairgold(dir: &std::path::Path, db: &TestDatabase, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fairgold"))
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("RUST_LOG", "warn")
        .env("DATABASE_URL", &db.url)
        .args(args)
        .output()
        .unwrap()
}

fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

/// Runs SQL on the test database directly, as an intruder with database access would.
fn raw_sql(db: &TestDatabase, sql: &str) {
    if db.backend() == "postgres" {
        PgConnection::establish(&db.url).unwrap().batch_execute(sql).unwrap();
    } else {
        SqliteConnection::establish(&db.url).unwrap().batch_execute(sql).unwrap();
    }
}

#[test]
fn fairgold_ledger_verify_passes_on_the_demo_and_fails_naming_a_tampered_entry() {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDatabase::create(dir.path());
    let out = fairgold(dir.path(), &db, &["seed", "--demo"]);
    assert!(out.status.success(), "{}", text(&out));

    let out = fairgold(dir.path(), &db, &["ledger", "verify"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(said.starts_with("ledger intact: ") && said.contains(" entries, last hash "), "{said}");

    // The center reports show the demo's one late month and one month below the living wage.
    let (mut late, mut below) = (0, 0);
    for month in demo_months() {
        for center in ["kolkata", "mumbai"] {
            let out =
                fairgold(dir.path(), &db, &["wages", "report", "--center", center, "--month", &month.to_string()]);
            assert!(out.status.success(), "{}", text(&out));
            let report = text(&out);
            assert!(report.contains(&month.label()), "{report}");
            late += report.lines().filter(|l| l.ends_with("paid late")).count();
            below += report.lines().filter(|l| l.contains("below living wage")).count();
        }
    }
    assert_eq!((late, below), (1, 1));

    raw_sql(&db, &tamper_sql(db.backend() == "postgres", 7));
    let out = fairgold(dir.path(), &db, &["ledger", "verify"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("ledger broken at entry 7: "), "{}", text(&out));
}

#[test]
fn wages_report_and_ledger_export_explain_bad_input_and_write_the_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDatabase::create(dir.path());
    let out = fairgold(dir.path(), &db, &["seed", "--demo"]);
    assert!(out.status.success(), "{}", text(&out));

    for (args, message) in [
        (vec!["wages", "report", "--center", "paris", "--month", "2026-10"], "unknown center `paris`"),
        (vec!["wages", "report", "--center", "kolkata", "--month", "10/2026"], "write it as YYYY-MM"),
        (vec!["ledger", "export", "--from", "2026-10-31", "--to", "2026-10-01"], "is after --to"),
        (vec!["ledger", "export", "--from", "yesterday", "--to", "2026-10-01"], "is not a date"),
    ] {
        let out = fairgold(dir.path(), &db, &args);
        assert!(!out.status.success(), "{args:?}");
        assert!(text(&out).contains(message), "{args:?}: {}", text(&out));
    }

    let to = india_date(now());
    let from = to - Duration::days(120);
    let (from_s, to_s) = (from.to_string(), to.to_string());
    let out = fairgold(dir.path(), &db, &["ledger", "export", "--from", &from_s, "--to", &to_s, "--out", "audit.zip"]);
    assert!(out.status.success(), "{}", text(&out));
    let zip = std::fs::read(dir.path().join("audit.zip")).unwrap();
    assert!(zip.starts_with(b"PK"), "a ZIP file");
    assert!(text(&out).contains("audit.zip"));
}
