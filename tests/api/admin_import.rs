//! The CSV import of pieces, as staff use it: upload, preview with per-row errors, confirm;
//! all rows or none. Also the `fairgold import pieces` command.

use std::process::Command;

use diesel::prelude::*;
use fairgold::schema::{audit_log, pieces};

use crate::helpers::{Part, PieceFixture, Session, TestApp, TestDatabase};

const EXAMPLE: &str = include_str!("../fixtures/pieces-example.csv");
const EXAMPLE_SKUS: [&str; 5] = ["IMP-RNG-0001", "IMP-PND-0002", "IMP-EAR-0003", "IMP-BNG-0004", "IMP-NPN-0005"];

async fn post_multipart(
    app: &TestApp,
    path: &str,
    session: &Session,
    fields: &[(&str, Option<&str>, &str)],
) -> reqwest::Response {
    let parts: Vec<Part<'_>> = fields
        .iter()
        .map(|(name, file, value)| match file {
            Some(f) => Part::File { name, filename: f, content_type: "text/csv", bytes: value.as_bytes() },
            None => Part::Text(name, value),
        })
        .collect();
    app.post_multipart(path, Some(session), &parts).await
}

/// Uploads a file for preview with the session's CSRF token.
async fn preview(app: &TestApp, session: &Session, csv: &str, center: &str) -> (u16, String) {
    let res = post_multipart(
        app,
        "/admin/import",
        session,
        &[("csrf_token", None, &session.csrf), ("center", None, center), ("file", Some("pieces.csv"), csv)],
    )
    .await;
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn confirm(app: &TestApp, session: &Session, csv: &str, center: &str) -> (u16, String) {
    let res = post_multipart(
        app,
        "/admin/import/confirm",
        session,
        &[("csrf_token", None, &session.csrf), ("center", None, center), ("csv", None, csv)],
    )
    .await;
    (res.status().as_u16(), res.text().await.unwrap())
}

/// The text of the preview's hidden textarea, as the browser would send it back.
fn textarea(html: &str) -> String {
    let start = html.find("<textarea id=\"csv\"").expect("the confirm form carries the file");
    let from = start + html[start..].find('>').unwrap() + 1;
    let to = from + html[from..].find("</textarea>").unwrap();
    html[from..to]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}

/// The preview's table row for a file row.
fn row_html(html: &str, number: usize) -> &str {
    let marker = format!("<tr id=\"row-{number}\">");
    let start = html.find(&marker).unwrap_or_else(|| panic!("row {number} in the preview:\n{html}"));
    let end = start + html[start..].find("</tr>").unwrap();
    &html[start..end]
}

fn piece_count(app: &TestApp) -> i64 {
    app.with_conn(|c| pieces::table.count().get_result(c)).unwrap()
}

fn audit_count(app: &TestApp, action: &str) -> i64 {
    app.with_conn(|c| audit_log::table.filter(audit_log::action.eq(action)).count().get_result(c)).unwrap()
}

/// The example file with one cell of one row (1 = first piece) replaced.
fn example_with(row: usize, column: &str, value: &str) -> String {
    let mut lines: Vec<String> = EXAMPLE.lines().map(str::to_string).collect();
    let header: Vec<&str> = lines[0].split(',').collect();
    let col = header.iter().position(|h| *h == column).unwrap();
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).from_reader(lines[row].as_bytes());
    let mut cells: Vec<String> = rdr.records().next().unwrap().unwrap().iter().map(str::to_string).collect();
    cells[col] = value.to_string();
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    w.write_record(&cells).unwrap();
    lines[row] = String::from_utf8(w.into_inner().unwrap()).unwrap().trim_end().to_string();
    lines.join("\n") + "\n"
}

async fn admin(app: &TestApp) -> Session {
    app.staff("admin@fairgold.test", "admin", None);
    app.sign_in("admin@fairgold.test").await
}

#[tokio::test]
async fn the_example_file_previews_clean_and_imports_five_drafts() {
    let app = TestApp::spawn().await;
    let s = admin(&app).await;
    let form = app.get_as("/admin/import", &s).await;
    assert_eq!(form.status().as_u16(), 200);
    let form = form.text().await.unwrap();
    assert!(form.contains("enctype=\"multipart/form-data\"") && form.contains("name=\"csrf_token\""), "{form}");

    let (status, html) = preview(&app, &s, EXAMPLE, "kolkata").await;
    assert_eq!(status, 200, "{html}");
    for (i, sku) in EXAMPLE_SKUS.iter().enumerate() {
        let row = row_html(&html, i + 1);
        assert!(row.contains(sku) && row.contains("OK"), "{row}");
    }
    assert!(html.contains("Import 5 pieces"), "{html}");
    assert_eq!(piece_count(&app), 0, "a preview writes nothing");
    assert_eq!(audit_count(&app, "piece.create"), 0, "a preview logs no creation");

    let csv = textarea(&html);
    assert_eq!(csv.trim(), EXAMPLE.trim(), "the confirm form carries the file itself");
    let (status, html) = confirm(&app, &s, &csv, "kolkata").await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("5 pieces imported"), "{html}");

    let rows: Vec<(i64, String, String, i64)> = app
        .with_conn(|c| {
            pieces::table
                .order(pieces::sku)
                .select((pieces::id, pieces::sku, pieces::status, pieces::center_id))
                .load(c)
        })
        .unwrap();
    assert_eq!(rows.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(), {
        let mut s = EXAMPLE_SKUS.to_vec();
        s.sort();
        s
    });
    assert!(rows.iter().all(|r| r.2 == "draft" && r.3 == app.kolkata), "{rows:?}");
    for (id, ..) in &rows {
        assert!(html.contains(&format!("href=\"/admin/pieces/{id}\"")), "a link to draft {id}: {html}");
    }
    let (price, stones): (i64, i64) = app
        .with_conn(|c| {
            let price = pieces::table.filter(pieces::sku.eq("IMP-EAR-0003")).select(pieces::price_minor).first(c)?;
            let stones = fairgold::schema::piece_stones::table
                .inner_join(pieces::table)
                .filter(pieces::sku.eq("IMP-NPN-0005"))
                .count()
                .get_result(c)?;
            diesel::QueryResult::Ok((price, stones))
        })
        .unwrap();
    assert_eq!(price, 29_550, "295.50 is exact");
    assert_eq!(stones, 2, "`;` separates stone entries");
    let creators: Vec<String> = app
        .with_conn(|c| audit_log::table.filter(audit_log::action.eq("piece.create")).select(audit_log::actor).load(c))
        .unwrap();
    assert_eq!(creators, vec!["admin@fairgold.test"; 5], "each creation is audit-logged");
    assert_eq!(audit_count(&app, "pieces.import"), 1);

    let (status, html) = confirm(&app, &s, &csv, "kolkata").await;
    assert_eq!(status, 422, "the same file again: every SKU is taken");
    assert!(html.contains("another piece already has SKU IMP-RNG-0001"), "{html}");
    assert_eq!(piece_count(&app), 5);
}

#[tokio::test]
async fn one_bad_row_shows_its_error_and_nothing_is_imported() {
    let app = TestApp::spawn().await;
    let s = admin(&app).await;
    let bad = example_with(3, "purity", "21K");
    let (status, html) = preview(&app, &s, &bad, "kolkata").await;
    assert_eq!(status, 422);
    let row = row_html(&html, 3);
    assert!(row.contains("purity") && !row.contains(">OK<"), "{row}");
    assert!(row_html(&html, 2).contains("OK"));
    assert!(html.contains("1 of 5 rows have errors"), "{html}");
    assert!(!html.contains("/admin/import/confirm"), "no confirm form when a row is bad");

    // Posting the bad file to confirm anyway (a stale page, a forged form) imports nothing.
    let (status, html) = confirm(&app, &s, &bad, "kolkata").await;
    assert_eq!(status, 422);
    assert!(row_html(&html, 3).contains("purity"));
    assert_eq!(piece_count(&app), 0);

    // A row that parses but fails when written (an unknown maker, on the last row) rolls back
    // the four rows written before it.
    let bad = example_with(5, "labor", "nobody0000, 2");
    let (status, html) = confirm(&app, &s, &bad, "kolkata").await;
    assert_eq!(status, 422);
    assert!(row_html(&html, 5).contains("no artisan with id nobody0000"), "{html}");
    assert!(row_html(&html, 4).contains("OK"));
    assert_eq!(piece_count(&app), 0, "all or nothing");
    assert_eq!(audit_count(&app, "piece.create"), 0);
    assert_eq!(audit_count(&app, "pieces.import"), 0);
}

#[tokio::test]
async fn duplicate_skus_and_huids_in_the_file_or_the_shop_are_row_errors() {
    let app = TestApp::spawn().await;
    let s = admin(&app).await;
    let dup = example_with(4, "sku", "imp-rng-0001");
    let dup = dup.replacen("IM04DD", "IM02BB", 1);
    let (status, html) = preview(&app, &s, &dup, "kolkata").await;
    assert_eq!(status, 422);
    for n in [1, 4] {
        assert!(
            row_html(&html, n).contains("SKU IMP-RNG-0001 appears more than once in the file (rows 1, 4)"),
            "{html}"
        );
    }
    for n in [2, 4] {
        assert!(row_html(&html, n).contains("HUID IM02BB appears more than once in the file (rows 2, 4)"), "{html}");
    }
    assert!(row_html(&html, 3).contains("OK"));

    let existing = app.piece(PieceFixture::new("Old ring"));
    let sku: String = app.with_conn(|c| pieces::table.find(existing).select(pieces::sku).first(c)).unwrap();
    let (status, html) = preview(&app, &s, &example_with(2, "sku", &sku), "kolkata").await;
    assert_eq!(status, 422);
    assert!(row_html(&html, 2).contains(&format!("another piece already has SKU {sku}")), "{html}");
    let (status, _) = confirm(&app, &s, &example_with(2, "sku", &sku), "kolkata").await;
    assert_eq!(status, 422);
    assert_eq!(piece_count(&app), 1, "only the existing piece");
}

#[tokio::test]
async fn a_manager_imports_only_into_their_own_center() {
    let app = TestApp::spawn().await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    let s = app.sign_in("kolkata@fairgold.test").await;
    let form = app.get_as("/admin/import", &s).await.text().await.unwrap();
    assert!(!form.contains("value=\"mumbai\""), "a manager is offered only their own center");

    let other = example_with(2, "center", "mumbai");
    let (status, html) = preview(&app, &s, &other, "kolkata").await;
    assert_eq!(status, 422);
    assert!(row_html(&html, 2).contains("you can import only into your own workshop"), "{html}");
    let (status, _) = confirm(&app, &s, &other, "kolkata").await;
    assert_eq!(status, 422);
    assert_eq!(piece_count(&app), 0);

    let (status, _) = preview(&app, &s, EXAMPLE, "mumbai").await;
    assert_eq!(status, 403, "the import's own center must be theirs");
    let (status, _) = confirm(&app, &s, EXAMPLE, "mumbai").await;
    assert_eq!(status, 403);
    assert_eq!(piece_count(&app), 0);

    let (status, html) = confirm(&app, &s, EXAMPLE, "").await;
    assert_eq!(status, 200, "an empty center is the manager's own: {html}");
    let centers: Vec<i64> = app.with_conn(|c| pieces::table.select(pieces::center_id).load(c)).unwrap();
    assert_eq!(centers, vec![app.kolkata; 5]);
}

#[tokio::test]
async fn finance_is_refused_and_every_post_needs_the_csrf_token() {
    let app = TestApp::spawn().await;
    app.staff("finance@fairgold.test", "finance", None);
    let f = app.sign_in("finance@fairgold.test").await;
    assert_eq!(app.get_as("/admin/import", &f).await.status().as_u16(), 403);
    assert_eq!(preview(&app, &f, EXAMPLE, "kolkata").await.0, 403);
    assert_eq!(confirm(&app, &f, EXAMPLE, "kolkata").await.0, 403);
    assert_eq!(piece_count(&app), 0);

    let s = admin(&app).await;
    for path in ["/admin/import", "/admin/import/confirm"] {
        let file = if path.ends_with("confirm") { ("csv", None, EXAMPLE) } else { ("file", Some("p.csv"), EXAMPLE) };
        let res = post_multipart(&app, path, &s, &[("center", None, "kolkata"), file]).await;
        assert_eq!(res.status().as_u16(), 403, "{path} without a token");
        let res =
            post_multipart(&app, path, &s, &[("csrf_token", None, "forged"), ("center", None, "kolkata"), file]).await;
        assert_eq!(res.status().as_u16(), 403, "{path} with a wrong token");
    }
    assert_eq!(piece_count(&app), 0);
}

#[tokio::test]
async fn a_file_with_wrong_columns_or_no_center_is_shown_again_with_a_clear_message() {
    let app = TestApp::spawn().await;
    let s = admin(&app).await;
    let (status, html) = preview(&app, &s, "sku,title,colour\nA-1,Ring,red\n", "kolkata").await;
    assert_eq!(status, 422);
    assert!(html.contains("unknown column(s): colour"), "{html}");
    assert!(html.contains("missing column(s): description, kind, metal"), "{html}");
    let (status, html) = preview(&app, &s, EXAMPLE, "").await;
    assert_eq!(status, 422);
    assert!(html.contains("Choose the workshop"), "{html}");
    let (status, html) = preview(&app, &s, "", "kolkata").await;
    assert_eq!(status, 422);
    assert!(html.contains("Choose a CSV file"), "{html}");
    let big = format!("{}\n{}", EXAMPLE.lines().next().unwrap(), "x".repeat(5 * 1024 * 1024 + 10));
    let (status, html) = preview(&app, &s, &big, "kolkata").await;
    assert_eq!(status, 400);
    assert!(html.contains("larger than 5 MB"), "{html}");
    assert_eq!(piece_count(&app), 0);
}

fn fairgold(dir: &std::path::Path, db: &TestDatabase) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_fairgold"));
    cmd.current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("RUST_LOG", "warn")
        .env("DATABASE_URL", &db.url);
    cmd
}

#[test]
fn the_cli_imports_the_example_file_and_refuses_a_bad_one_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDatabase::create(dir.path());
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pieces-example.csv");
    let out = fairgold(dir.path(), &db).args(["import", "pieces", example, "--center", "kolkata"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Imported 5 piece(s) as drafts"), "{stdout}");

    let pool = fairgold::db::pool(&fairgold::config::DatabaseUrl::parse(&db.url).unwrap(), 1).unwrap();
    let count = |conn: &mut fairgold::db::DbConn| -> (i64, i64) {
        let pieces: i64 = pieces::table.filter(pieces::status.eq("draft")).count().get_result(conn).unwrap();
        let logged: i64 = audit_log::table
            .filter(audit_log::action.eq("piece.create"))
            .filter(audit_log::actor.eq("cli"))
            .count()
            .get_result(conn)
            .unwrap();
        (pieces, logged)
    };
    assert_eq!(count(&mut pool.get().unwrap()), (5, 5));

    let bad = example_with(3, "purity", "21K").replace("IMP-", "NEW-").replace(",IM0", ",NW0");
    let file = dir.path().join("bad.csv");
    std::fs::write(&file, bad).unwrap();
    let out = fairgold(dir.path(), &db)
        .args(["import", "pieces", file.to_str().unwrap(), "--center", "kolkata"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("row 3 (NEW-EAR-0003): purity:"), "{stderr}");
    assert!(stderr.contains("nothing was imported: 1 of 5 row(s) have errors"), "{stderr}");
    assert_eq!(count(&mut pool.get().unwrap()), (5, 5), "nothing more was imported");

    let out = fairgold(dir.path(), &db).args(["import", "pieces", example, "--center", "delhi"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown center `delhi`"));
}
