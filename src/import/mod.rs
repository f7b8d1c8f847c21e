//! CSV import of pieces, all or nothing. `read` turns a file into rows of `PieceForm`;
//! `check` previews them (each row parsed, duplicates within the file and against the shop
//! found, and every row tried in a transaction that is always rolled back); `import` does the
//! same and commits only when every row succeeded. The back-office pages and the
//! `fairgold import pieces` command both go through here.

pub mod admin;
pub mod queries;
pub mod read;

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDateTime;
use serde::Serialize;
use serde_json::json;

pub use read::{read, FileError, Row, COLUMNS, MAX_BYTES, MAX_ROWS};

use crate::audit::{self, AuditEvent};
use crate::auth::Scope;
use crate::catalog::types::{Huid, Sku};
use crate::centers::{self, Center};
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::inventory::{service, PieceInput};
use crate::money::Currency;

/// What became of one row: its errors by field (empty = fine) and, once imported, the draft.
#[derive(Debug, Clone, Serialize)]
pub struct RowReport {
    pub number: usize,
    pub sku: String,
    pub title: String,
    pub errors: BTreeMap<String, String>,
    pub piece_id: Option<i64>,
}

impl RowReport {
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// The whole file's outcome. `imported` is true only when every row was written.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub rows: Vec<RowReport>,
    pub imported: bool,
    pub center: String,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.rows.iter().all(RowReport::is_ok)
    }
    pub fn rows_with_errors(&self) -> usize {
        self.rows.iter().filter(|r| !r.is_ok()).count()
    }
}

/// Previews the rows: nothing is written (every write is rolled back).
pub fn check(
    conn: &mut DbConn,
    editor: &Scope,
    rows: &[Row],
    center: &Center,
    currency: Currency,
    now: NaiveDateTime,
) -> Result<Report, AppError> {
    run(conn, editor, rows, center, currency, now, false, &mut || {})
}

/// Imports the rows as drafts in one transaction: all of them, or none when any row fails.
/// `on_row` is called after each row is tried (for a progress bar).
pub fn import(
    conn: &mut DbConn,
    editor: &Scope,
    rows: &[Row],
    center: &Center,
    currency: Currency,
    now: NaiveDateTime,
    on_row: &mut dyn FnMut(),
) -> Result<Report, AppError> {
    run(conn, editor, rows, center, currency, now, true, on_row)
}

/// Why the transaction ends without a commit: rows failed (or this is a preview), or the
/// database did.
enum Stop {
    RolledBack(Report),
    Failed(AppError),
}

impl From<diesel::result::Error> for Stop {
    fn from(e: diesel::result::Error) -> Self {
        Stop::Failed(e.into())
    }
}

#[allow(clippy::too_many_arguments)]
fn run(
    conn: &mut DbConn,
    editor: &Scope,
    rows: &[Row],
    center: &Center,
    currency: Currency,
    now: NaiveDateTime,
    commit: bool,
    on_row: &mut dyn FnMut(),
) -> Result<Report, AppError> {
    let (mut reports, inputs) = parse_rows(conn, editor, rows, center, currency)?;
    let outcome = db::write::<Report, Stop, _>(conn, |conn| {
        for (report, input) in reports.iter_mut().zip(&inputs) {
            if let (Some(input), true) = (input, report.is_ok()) {
                match service::create(conn, editor, input, now) {
                    Ok(id) => report.piece_id = Some(id),
                    Err(AppError::Invalid(e)) => report.errors.extend(e.0),
                    Err(AppError::Forbidden(m)) => {
                        report.errors.insert("center".into(), m);
                    }
                    Err(e) => return Err(Stop::Failed(e)),
                }
            }
            on_row();
        }
        let clean = reports.iter().all(RowReport::is_ok);
        if clean && commit {
            audit::record(
                conn,
                &editor.actor,
                &AuditEvent {
                    action: "pieces.import",
                    entity_type: "import",
                    entity_id: None,
                    center_id: Some(center.id),
                    details: json!({
                        "rows": reports.len(),
                        "piece_ids": reports.iter().filter_map(|r| r.piece_id).collect::<Vec<_>>(),
                    }),
                },
                now,
            )?;
        }
        let report =
            Report { rows: std::mem::take(&mut reports), imported: clean && commit, center: center.code.clone() };
        if report.imported {
            Ok(report)
        } else {
            Err(Stop::RolledBack(report))
        }
    });
    match outcome {
        Ok(report) => Ok(report),
        Err(Stop::RolledBack(mut report)) => {
            // Nothing was written: the ids of the rolled-back drafts mean nothing.
            report.rows.iter_mut().for_each(|r| r.piece_id = None);
            Ok(report)
        }
        Err(Stop::Failed(e)) => Err(e),
    }
}

/// Parses each row, fills an empty center with the import's, and finds the errors that need
/// the whole file or the shop to see: unknown or forbidden centers, duplicate SKUs and HUIDs.
fn parse_rows(
    conn: &mut DbConn,
    editor: &Scope,
    rows: &[Row],
    center: &Center,
    currency: Currency,
) -> Result<(Vec<RowReport>, Vec<Option<PieceInput>>), AppError> {
    let centers = centers::all(conn)?;
    let mut reports = Vec::with_capacity(rows.len());
    let mut inputs = Vec::with_capacity(rows.len());
    for row in rows {
        let mut form = row.form.clone();
        if form.center.trim().is_empty() {
            form.center = center.code.clone();
        }
        let mut report = RowReport {
            number: row.number,
            sku: form.sku.trim().to_string(),
            title: form.title.trim().to_string(),
            errors: BTreeMap::new(),
            piece_id: None,
        };
        let input = match form.parse(currency) {
            Ok(input) => Some(input),
            Err(e) => {
                report.errors = e.0;
                None
            }
        };
        let code = form.center.trim().to_lowercase();
        match centers.iter().find(|c| c.code == code) {
            None => {
                let known = centers.iter().map(|c| c.code.as_str()).collect::<Vec<_>>().join(" or ");
                report.errors.insert("center".into(), format!("unknown center `{code}` (use {known})"));
            }
            Some(c) if editor.center_scope.is_some_and(|own| own != c.id) => {
                report
                    .errors
                    .insert("center".into(), format!("you can import only into your own workshop, not {}", c.name));
            }
            Some(_) => {}
        }
        reports.push(report);
        inputs.push(input);
    }
    let skus: Vec<Option<String>> =
        rows.iter().map(|r| Sku::parse(&r.form.sku).ok().map(|s| s.as_str().to_string())).collect();
    let huids: Vec<Option<String>> = rows
        .iter()
        .map(|r| Huid::parse(&r.form.huid.trim().to_ascii_uppercase()).ok().map(|h| h.as_str().to_string()))
        .collect();
    mark_duplicates(&mut reports, &skus, "sku", "SKU");
    mark_duplicates(&mut reports, &huids, "huid", "HUID");
    let all_skus: Vec<String> = skus.iter().flatten().cloned().collect();
    let all_huids: Vec<String> = huids.iter().flatten().cloned().collect();
    let taken_skus = queries::taken_skus(conn, &all_skus)?;
    let taken_huids = queries::taken_huids(conn, &all_huids)?;
    for ((report, sku), huid) in reports.iter_mut().zip(&skus).zip(&huids) {
        if let Some(s) = sku.as_ref().filter(|s| taken_skus.contains(s)) {
            report.errors.entry("sku".into()).or_insert_with(|| format!("another piece already has SKU {s}"));
        }
        if let Some(h) = huid.as_ref().filter(|h| taken_huids.contains(h)) {
            report.errors.entry("huid".into()).or_insert_with(|| format!("another piece already has HUID {h}"));
        }
    }
    Ok((reports, inputs))
}

/// Every row whose value appears on another row too gets an error naming all those rows.
fn mark_duplicates(reports: &mut [RowReport], values: &[Option<String>], field: &str, label: &str) {
    let mut rows_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (report, value) in reports.iter().zip(values) {
        if let Some(v) = value {
            rows_of.entry(v.as_str()).or_default().push(report.number);
        }
    }
    for (report, value) in reports.iter_mut().zip(values) {
        let Some(v) = value else { continue };
        let numbers = &rows_of[v.as_str()];
        if numbers.len() > 1 {
            let list = numbers.iter().map(usize::to_string).collect::<Vec<_>>().join(", ");
            report.errors.insert(field.into(), format!("{label} {v} appears more than once in the file (rows {list})"));
        }
    }
}
