//! `fairgold backup` while the shop writes, and `fairgold restore` into a fresh database whose
//! wage ledger then verifies (SQLite: `VACUUM INTO`; PostgreSQL: pg_dump / pg_restore).

use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use chrono::Duration;
use diesel::prelude::*;
use fairgold::config::DatabaseUrl;
use fairgold::schema::ledger_entries;
use fairgold::wages::ledger::{self, NewEntry};
use fairgold::wages::types::{india_date, EntryKind};

use crate::helpers::{now, ArtisanFixture, TestApp, TestDatabase};

fn fairgold(database_url: &str, args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_fairgold"))
        .current_dir(dir.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("RUST_LOG", "warn")
        .env("DATABASE_URL", database_url)
        .args(args)
        .output()
        .unwrap()
}

fn entries(url: &str) -> i64 {
    let pool = fairgold::db::pool(&DatabaseUrl::parse(url).unwrap(), 1).unwrap();
    let mut conn = pool.get().unwrap();
    let conn: &mut fairgold::db::DbConn = &mut conn;
    ledger_entries::table.count().get_result(conn).unwrap()
}

#[tokio::test]
async fn a_backup_taken_while_the_shop_writes_restores_and_its_ledger_verifies() {
    let app = TestApp::spawn().await;
    let (artisan, _) = app.artisan(ArtisanFixture::default());
    let (url, center) = (app.database_url(), app.kolkata);

    // A writer on its own connection appends to the hash-chained ledger without pause.
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (stop, url) = (stop.clone(), url.clone());
        std::thread::spawn(move || {
            let pool = fairgold::db::pool(&DatabaseUrl::parse(&url).unwrap(), 1).unwrap();
            let mut conn = pool.get().unwrap();
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) || n < 20 {
                let day = india_date(now()) - Duration::days(2);
                let mut e = NewEntry::new(EntryKind::WageEarned, artisan, center, 1_000 + n, day);
                e.labor_minutes = Some(30);
                e.recorded_by = "test".into();
                // One transaction per entry, as every caller of `append` writes.
                fairgold::db::write(&mut conn, |c| ledger::append(c, &e, now())).unwrap();
                n += 1;
            }
            n
        })
    };
    while entries(&url) < 10 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shop.backup");
    let file_s = file.display().to_string();
    let out = fairgold(&url, &["backup", "--out", &file_s]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("backup written to"));
    stop.store(true, Ordering::Relaxed);
    let written = writer.join().unwrap();
    assert!(written >= 20);

    // A backup never overwrites a file.
    let again = fairgold(&url, &["backup", "--out", &file_s]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));

    // Restored into a fresh database: every entry it holds is chained and verifies.
    let target = TestDatabase::create(dir.path());
    let out = fairgold(&target.url, &["restore", &file_s]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    let restored = entries(&target.url);
    assert!(restored >= 10 && restored <= entries(&url), "a snapshot: {restored} entries");
    assert!(stdout.contains(&format!("ledger intact: {restored} entries")), "{stdout}");
    let out = fairgold(&target.url, &["ledger", "verify"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // A database with data is not overwritten without --replace.
    let out = fairgold(&target.url, &["restore", &file_s]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("add --replace"));
    assert_eq!(entries(&target.url), restored);
    let out = fairgold(&target.url, &["restore", "--replace", &file_s]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(entries(&target.url), restored);
}

#[tokio::test]
async fn a_file_that_is_not_a_backup_is_refused_and_nothing_changes() {
    let app = TestApp::spawn().await;
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.backup");
    std::fs::write(&junk, b"not a database at all, just some text").unwrap();
    let target = TestDatabase::create(dir.path());
    let out = fairgold(&target.url, &["restore", &junk.display().to_string()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not a good SQLite backup") || stderr.contains("pg_restore failed"), "{stderr}");
    // The shop's own database is untouched by any of it.
    assert!(fairgold(&app.database_url(), &["ledger", "verify"]).status.success());
}
