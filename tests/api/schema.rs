//! The one `src/schema.rs` and the two migration folders must agree: both folders hold the same
//! versions, and the database the migrations build (SQLite, or PostgreSQL when
//! `TEST_DATABASE_URL` names one — CI runs both) has exactly the tables and columns `schema.rs`
//! declares, in the same order, with the same nullability and type.

use std::collections::BTreeSet;

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use crate::helpers::TestApp;

fn versions(backend: &str) -> BTreeSet<String> {
    let dir = format!("{}/migrations/{backend}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| {
            for f in ["up.sql", "down.sql"] {
                assert!(p.join(f).exists(), "{} has no {f}", p.display());
            }
            p.file_name().unwrap().to_string_lossy().into_owned()
        })
        .collect()
}

#[test]
fn both_migration_folders_hold_the_same_versions() {
    let (sqlite, postgres) = (versions("sqlite"), versions("postgres"));
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, postgres, "migrations/sqlite and migrations/postgres differ");
}

/// A column as `schema.rs` declares it: name, diesel type (without `Nullable`), nullable.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Column {
    name: String,
    kind: String,
    nullable: bool,
}

/// Every `diesel::table!` of `src/schema.rs`: table name → columns in order.
fn declared() -> Vec<(String, Vec<Column>)> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/schema.rs")).unwrap();
    let header = regex_lite::Regex::new(r"(?m)^\s*(\w+)\s*\([^)]*\)\s*\{").unwrap();
    let column = regex_lite::Regex::new(r"^\s*(\w+)\s*->\s*(Nullable<(\w+)>|(\w+)),\s*$").unwrap();
    let mut tables = Vec::new();
    for block in text.split("diesel::table! {").skip(1) {
        let head = header.captures(block).expect("a table header");
        let body = &block[head.get(0).unwrap().end()..];
        let body = &body[..body.find('}').unwrap()];
        let columns = body
            .lines()
            .filter_map(|line| column.captures(line))
            .map(|c| Column {
                name: c[1].to_string(),
                kind: c.get(3).or(c.get(4)).unwrap().as_str().to_string(),
                nullable: c.get(3).is_some(),
            })
            .collect();
        tables.push((head[1].to_string(), columns));
    }
    tables
}

#[derive(QueryableByName, Debug)]
struct LiveColumn {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = BigInt)]
    nullable: i64,
}

/// The migrated database's tables and columns, in order.
fn live(app: &TestApp) -> Vec<(String, Vec<Column>)> {
    let rows: Vec<LiveColumn> = app.with_conn(|c| match c {
        fairgold::db::DbConn::Sqlite(lite) => diesel::sql_query(
            "SELECT m.name AS table_name, p.name AS column_name, upper(p.type) AS data_type, \
                    CASE WHEN p.\"notnull\" = 1 OR p.pk = 1 THEN 0 ELSE 1 END AS nullable \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__diesel_schema_migrations' \
             ORDER BY m.name, p.cid",
        )
        .load(lite)
        .unwrap(),
        fairgold::db::DbConn::Postgres(pg) => diesel::sql_query(
            "SELECT table_name::text AS table_name, column_name::text AS column_name, data_type::text AS data_type, \
                    CASE WHEN is_nullable = 'YES' THEN 1 ELSE 0 END::bigint AS nullable \
             FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name <> '__diesel_schema_migrations' \
             ORDER BY table_name, ordinal_position",
        )
        .load(pg)
        .unwrap(),
    });
    let mut tables: Vec<(String, Vec<Column>)> = Vec::new();
    for r in rows {
        if tables.last().is_none_or(|(t, _)| *t != r.table_name) {
            tables.push((r.table_name.clone(), Vec::new()));
        }
        tables.last_mut().unwrap().1.push(Column {
            name: r.column_name,
            kind: r.data_type.to_lowercase(),
            nullable: r.nullable == 1,
        });
    }
    tables
}

/// Whether a database type stores what the diesel type reads.
fn compatible(diesel: &str, database: &str) -> bool {
    match diesel {
        "BigInt" => matches!(database, "bigint" | "integer"),
        "Integer" => matches!(database, "integer"),
        "Text" => matches!(database, "text"),
        "Bool" => matches!(database, "boolean"),
        "Timestamp" => matches!(database, "timestamp" | "timestamp without time zone"),
        "Date" => matches!(database, "date"),
        _ => false,
    }
}

#[tokio::test]
async fn schema_rs_matches_the_migrated_database() {
    let app = TestApp::spawn().await;
    let mut declared = declared();
    declared.sort_by(|a, b| a.0.cmp(&b.0));
    let live = live(&app);
    let names = |t: &[(String, Vec<Column>)]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&declared), names(&live), "the same tables");
    let mut problems = Vec::new();
    for ((table, want), (_, got)) in declared.iter().zip(&live) {
        let want_names: Vec<&str> = want.iter().map(|c| c.name.as_str()).collect();
        let got_names: Vec<&str> = got.iter().map(|c| c.name.as_str()).collect();
        if want_names != got_names {
            problems.push(format!("{table}: schema.rs has {want_names:?}, the database {got_names:?}"));
            continue;
        }
        for (w, g) in want.iter().zip(got) {
            if w.nullable != g.nullable {
                problems.push(format!(
                    "{table}.{}: nullable {} in schema.rs, {} in the database",
                    w.name, w.nullable, g.nullable
                ));
            }
            if !compatible(&w.kind, &g.kind) {
                problems.push(format!("{table}.{}: {} in schema.rs, {} in the database", w.name, w.kind, g.kind));
            }
        }
    }
    assert!(problems.is_empty(), "schema.rs and the database differ:\n{}", problems.join("\n"));
}
