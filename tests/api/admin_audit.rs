//! The audit log as an admin reads it: filters, pages, the CSV export (itself logged), who
//! may see it, and the database refusing to change or delete an entry.

use diesel::prelude::*;
use fairgold::audit::{self, Actor, AuditEvent};
use fairgold::schema::audit_log;

use crate::helpers::{Session, TestApp};

/// Appends an entry at a given time, as the app would.
fn entry(app: &TestApp, actor: &str, action: &str, entity_id: &str, at: &str) {
    let at = chrono::NaiveDateTime::parse_from_str(at, "%Y-%m-%d %H:%M:%S").unwrap();
    app.with_conn(|c| {
        let event = AuditEvent {
            action,
            entity_type: "test",
            entity_id: Some(entity_id.into()),
            center_id: Some(app.kolkata),
            details: serde_json::json!({ "note": entity_id }),
        };
        audit::record(c, &Actor::system(actor), &event, at)
    })
    .unwrap();
}

async fn page(app: &TestApp, s: &Session, query: &str) -> (u16, String) {
    let res = app.get_as(&format!("/admin/audit{query}"), s).await;
    (res.status().as_u16(), res.text().await.unwrap())
}

/// The entity ids of the rows on a page, top to bottom.
fn ids_on(html: &str) -> Vec<String> {
    html.match_indices("<td>test ").map(|(i, _)| html[i + 9..].split('<').next().unwrap().to_string()).collect()
}

async fn admin(app: &TestApp) -> Session {
    app.staff("admin@fairgold.test", "admin", None);
    app.sign_in("admin@fairgold.test").await
}

fn dated_entries(app: &TestApp) {
    entry(app, "rupa@fairgold.test", "test.alpha", "jan-15", "2026-01-15 12:00:00");
    entry(app, "rupa@fairgold.test", "test.beta", "jan-31-late", "2026-01-31 23:59:59");
    entry(app, "meera@fairgold.test", "test.alpha", "feb-01", "2026-02-01 00:00:00");
    entry(app, "=cmd|' /C calc'!A0", "test.alpha", "mar-02", "2026-03-02 08:30:00");
}

#[tokio::test]
async fn the_log_filters_by_actor_action_and_an_inclusive_date_range() {
    let app = TestApp::spawn().await;
    let s = admin(&app).await;
    dated_entries(&app);

    let (status, html) = page(&app, &s, "").await;
    assert_eq!(status, 200);
    assert_eq!(ids_on(&html), ["mar-02", "feb-01", "jan-31-late", "jan-15"], "newest first");
    assert!(html.contains("staff.sign_in"), "the admin's own sign-in is listed: {html}");

    let (_, html) = page(&app, &s, "?actor=Rupa@fairgold.test").await;
    assert_eq!(ids_on(&html), ["jan-31-late", "jan-15"]);
    let (_, html) = page(&app, &s, "?action=test.alpha").await;
    assert_eq!(ids_on(&html), ["mar-02", "feb-01", "jan-15"]);
    let (_, html) = page(&app, &s, "?action=test.alpha&actor=meera@fairgold.test").await;
    assert_eq!(ids_on(&html), ["feb-01"]);
    let (_, html) = page(&app, &s, "?from=2026-01-16&to=2026-02-01").await;
    assert_eq!(ids_on(&html), ["feb-01", "jan-31-late"], "`to` includes its whole day, `from` starts at midnight");
    let (_, html) = page(&app, &s, "?entity_type=test&from=2026-01-01&to=2026-01-31").await;
    assert_eq!(ids_on(&html), ["jan-31-late", "jan-15"]);
    let (_, html) = page(&app, &s, "?actor=nobody@fairgold.test").await;
    assert!(ids_on(&html).is_empty() && html.contains("No entries match"), "{html}");

    for (query, message) in [
        ("?from=2026-13-01", "`from` must be a date written YYYY-MM-DD"),
        ("?to=yesterday", "`to` must be a date written YYYY-MM-DD"),
        ("?from=2026-02-02&to=2026-02-01", "`to` must be the same day as `from` or later"),
        ("?page=0", "`page` must be a whole number"),
    ] {
        let (status, html) = page(&app, &s, query).await;
        assert_eq!(status, 400, "{query}");
        assert!(html.contains(&message.replace('`', "&#x60;")) || html.contains(message), "{query}: {html}");
    }
    assert_eq!(page(&app, &s, ".csv?from=31.01.2026").await.0, 400, "the export checks dates too");
}

#[tokio::test]
async fn the_log_pages_a_hundred_entries_at_a_time() {
    let app = TestApp::spawn().await;
    let s = admin(&app).await;
    for i in 0..105 {
        entry(
            &app,
            "bulk@fairgold.test",
            "test.bulk",
            &format!("n{i:03}"),
            &format!("2026-05-01 10:{:02}:{:02}", i / 60, i % 60),
        );
    }
    let (_, first) = page(&app, &s, "?action=test.bulk").await;
    let ids = ids_on(&first);
    assert_eq!(ids.len(), 100);
    assert_eq!((ids[0].as_str(), ids[99].as_str()), ("n104", "n005"));
    assert!(first.contains("105 entries") && first.contains("page 1 of 2"), "{first}");
    assert!(
        first.contains("href=\"&#x2F;admin&#x2F;audit?action=test.bulk&amp;page=2\""),
        "a link to page 2 keeps the filter: {first}"
    );
    let (_, second) = page(&app, &s, "?action=test.bulk&page=2").await;
    assert_eq!(ids_on(&second), ["n004", "n003", "n002", "n001", "n000"]);
}

#[tokio::test]
async fn the_csv_export_has_the_filtered_rows_and_is_itself_logged() {
    let app = TestApp::spawn().await;
    let s = admin(&app).await;
    dated_entries(&app);
    let res = app.get_as("/admin/audit.csv?action=test.alpha&to=2026-02-28", &s).await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let disposition = res.headers()["content-disposition"].to_str().unwrap().to_string();
    assert!(disposition.starts_with("attachment; filename=\"fairgold-audit-"), "{disposition}");
    let body = res.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["id", "at", "actor", "action", "entity_type", "entity_id", "center_id", "ip", "details"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2, "{body}");
    assert_eq!(&rows[0][1], "2026-02-01T00:00:00Z");
    assert_eq!((&rows[0][2], &rows[0][3], &rows[0][5]), ("meera@fairgold.test", "test.alpha", "feb-01"));
    assert_eq!(&rows[1][1], "2026-01-15T12:00:00Z");
    assert_eq!(&rows[1][6], app.kolkata.to_string().as_str());
    let details: serde_json::Value = serde_json::from_str(&rows[1][8]).unwrap();
    assert_eq!(details["note"], "jan-15");

    // A cell a spreadsheet would run as a formula is defused.
    let body = app.get_as("/admin/audit.csv?entity_type=test&from=2026-03-01", &s).await.text().await.unwrap();
    let rows: Vec<csv::StringRecord> =
        csv::Reader::from_reader(body.as_bytes()).records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][2], "'=cmd|' /C calc'!A0");

    let exports: Vec<(String, String)> = app
        .with_conn(|c| {
            audit_log::table
                .filter(audit_log::action.eq("audit.export"))
                .order(audit_log::id)
                .select((audit_log::actor, audit_log::details))
                .load(c)
        })
        .unwrap();
    assert_eq!(exports.len(), 2, "each export is logged");
    assert_eq!(exports[0].0, "admin@fairgold.test");
    let details: serde_json::Value = serde_json::from_str(&exports[0].1).unwrap();
    assert_eq!((details["rows"].as_i64(), details["filter"]["action"].as_str()), (Some(2), Some("test.alpha")));
}

#[tokio::test]
async fn only_admins_see_or_export_the_log() {
    let app = TestApp::spawn().await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("finance@fairgold.test", "finance", None);
    for email in ["kolkata@fairgold.test", "finance@fairgold.test"] {
        let s = app.sign_in(email).await;
        assert_eq!(app.get_as("/admin/audit", &s).await.status().as_u16(), 403, "{email}");
        assert_eq!(app.get_as("/admin/audit.csv", &s).await.status().as_u16(), 403, "{email}");
    }
    let exports: i64 =
        app.with_conn(|c| audit_log::table.filter(audit_log::action.eq("audit.export")).count().get_result(c)).unwrap();
    assert_eq!(exports, 0);
    assert_eq!(app.get("/admin/audit").await.status().as_u16(), 303, "signed out → sign in");
}

#[tokio::test]
async fn the_database_refuses_to_update_or_delete_audit_entries() {
    let app = TestApp::spawn().await;
    entry(&app, "rupa@fairgold.test", "test.alpha", "keep-me", "2026-01-15 12:00:00");
    let before: Vec<(i64, String)> =
        app.with_conn(|c| audit_log::table.select((audit_log::id, audit_log::actor)).load(c)).unwrap();
    assert_eq!(before.len(), 1);

    let update =
        app.with_conn(|c| diesel::update(audit_log::table).set(audit_log::actor.eq("someone else")).execute(c));
    let err = update.expect_err("UPDATE on audit_log is refused").to_string();
    assert!(err.contains("append-only"), "{err}");
    let delete = app.with_conn(|c| diesel::delete(audit_log::table).execute(c));
    assert!(delete.expect_err("DELETE on audit_log is refused").to_string().contains("append-only"));
    let by_sql = app.with_conn(|c| diesel::sql_query("DELETE FROM audit_log WHERE id > 0").execute(c));
    assert!(by_sql.is_err(), "raw SQL too");

    let after: Vec<(i64, String)> =
        app.with_conn(|c| audit_log::table.select((audit_log::id, audit_log::actor)).load(c)).unwrap();
    assert_eq!(after, before, "the entry is unchanged");
}
