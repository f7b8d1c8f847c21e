//! The audit export: a ZIP of CSV files for a chosen period (web page and CLI), with the
//! result of the chain check at export time and a README that explains each file and how an
//! auditor can recompute every entry's hash; with the signed ledger checkpoints and the public
//! key that checks them (`checkpoints.json`).

use std::collections::HashMap;
use std::io::Write;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike};
use serde_json::json;
use zip::write::SimpleFileOptions;

use super::admin_queries;
use super::checkpoints;
use super::ledger::{self, Verification};
use super::policy;
use crate::audit::{self, Actor, AuditEvent};
use crate::centers;
use crate::crypto::{Cipher, LedgerSigner};
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::web::csv_safe;

/// `fairgold-ledger-2026-10-01-2026-10-31.zip`.
pub fn file_name(from: NaiveDate, to: NaiveDate) -> String {
    format!("fairgold-ledger-{from}-{to}.zip")
}

/// The bundle, and its audit entry (`wages.export`) written in the same transaction: the
/// bundle holds legal names, so no export leaves without a record of who took it.
pub fn bundle_logged(
    conn: &mut DbConn,
    cipher: &Cipher,
    signer: Option<&LedgerSigner>,
    actor: &Actor,
    from: NaiveDate,
    to: NaiveDate,
    now: NaiveDateTime,
) -> Result<Vec<u8>, AppError> {
    db::write(conn, |conn| {
        let bytes = bundle(conn, cipher, signer, from, to, now)?;
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: "wages.export",
                entity_type: "ledger",
                entity_id: Some(format!("{from}..{to}")),
                center_id: None,
                details: json!({ "from": from.to_string(), "to": to.to_string(), "bytes": bytes.len() }),
            },
            now,
        )?;
        Ok(bytes)
    })
}

/// Through `csv_safe`: legal names, aliases and notes are typed text. Plain numbers (the
/// signed amounts) are written as they are; see the README's hash rule for the rest.
fn csv_bytes(header: &[&str], rows: Vec<Vec<String>>) -> Result<Vec<u8>, AppError> {
    let mut w = csv_safe::Writer::new("export csv");
    w.row(header)?;
    for r in rows {
        w.row(&r)?;
    }
    w.finish()
}

fn opt(v: Option<i64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// Builds the ZIP: `ledger_entries.csv` (entries with `occurred_on` in [from, to], every
/// column), `balances.csv` (each artisan's balance before `from` and through `to`, with the
/// legal name), `wage_policies.csv` (every version), `exchange_rates.csv` (days in the period),
/// `verification.txt` (`ledger::verify` now), `checkpoints.json` (every signed checkpoint, the
/// whole history, and the public key: `signer`'s now) and `README.txt`. The caller audit-logs
/// it (`bundle_logged` does).
pub fn bundle(
    conn: &mut DbConn,
    cipher: &Cipher,
    signer: Option<&LedgerSigner>,
    from: NaiveDate,
    to: NaiveDate,
    now: NaiveDateTime,
) -> Result<Vec<u8>, AppError> {
    let before = from - Duration::days(1);
    let roster = admin_queries::roster(conn, cipher, None, Some(to), now)?;
    let at_start: HashMap<i64, i64> = ledger::balances(conn, Some(before))?.into_iter().collect();
    let public_ids: HashMap<i64, &str> = roster.iter().map(|a| (a.id, a.public_id.as_str())).collect();
    let all_centers = centers::all(conn)?;
    let center_code: HashMap<i64, &str> = all_centers.iter().map(|c| (c.id, c.code.as_str())).collect();

    let entries = ledger::between(conn, from, to, None)?;
    let entry_count = entries.len();
    let ledger_csv = csv_bytes(
        &[
            "id",
            "kind",
            "artisan_id",
            "artisan_public_id",
            "center_id",
            "amount_minor",
            "currency",
            "occurred_on",
            "labor_minutes",
            "piece_id",
            "order_id",
            "refers_to",
            "details",
            "recorded_by",
            "recorded_at",
            "prev_hash",
            "hash",
        ],
        entries
            .into_iter()
            .map(|e| {
                vec![
                    e.id.to_string(),
                    e.kind.code().to_string(),
                    e.artisan_id.to_string(),
                    public_ids.get(&e.artisan_id).copied().unwrap_or("").to_string(),
                    e.center_id.to_string(),
                    e.amount_minor.to_string(),
                    e.currency.code().to_string(),
                    e.occurred_on.format("%Y-%m-%d").to_string(),
                    opt(e.labor_minutes),
                    opt(e.piece_id),
                    opt(e.order_id),
                    opt(e.refers_to),
                    e.details,
                    e.recorded_by,
                    e.recorded_at.format("%Y-%m-%dT%H:%M:%S%.6f").to_string(),
                    e.prev_hash,
                    e.hash,
                ]
            })
            .collect(),
    )?;

    let balances_csv = csv_bytes(
        &["artisan_public_id", "alias", "legal_name", "center", "balance_start_minor", "balance_end_minor", "currency"],
        roster
            .iter()
            .map(|a| {
                vec![
                    a.public_id.clone(),
                    a.alias.clone(),
                    a.legal_name.clone(),
                    a.center_code.clone(),
                    at_start.get(&a.id).copied().unwrap_or(0).to_string(),
                    a.owed_minor.to_string(),
                    ledger::CURRENCY.code().to_string(),
                ]
            })
            .collect(),
    )?;

    let policies = policy::all(conn)?;
    let policies_csv = csv_bytes(
        &[
            "id",
            "center",
            "effective_from",
            "legal_min_monthly_minor",
            "living_wage_monthly_minor",
            "standard_hours_per_month",
            "target_multiplier",
            "sale_bonus_percent",
            "source_note",
            "recorded_by",
            "recorded_at",
        ],
        policies
            .into_iter()
            .map(|p| {
                vec![
                    p.id.to_string(),
                    center_code.get(&p.center_id).copied().unwrap_or("").to_string(),
                    p.effective_from.to_string(),
                    p.legal_min_monthly_minor.to_string(),
                    opt(p.living_wage_monthly_minor),
                    p.standard_hours_per_month.to_string(),
                    p.target_multiplier,
                    p.sale_bonus_percent,
                    p.source_note,
                    p.recorded_by,
                    p.recorded_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                ]
            })
            .collect(),
    )?;

    let rates = admin_queries::rates_between(conn, from, to)?;
    let rates_csv = csv_bytes(
        &["currency", "rate_date", "inr_per_unit", "recorded_by", "recorded_at"],
        rates
            .into_iter()
            .map(|r| {
                vec![
                    r.currency.code().to_string(),
                    r.rate_date.to_string(),
                    r.inr_per_unit,
                    r.recorded_by,
                    r.recorded_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                ]
            })
            .collect(),
    )?;

    let checked_at = now.format("%Y-%m-%d %H:%M:%S UTC");
    let verification = match ledger::verify(conn)? {
        Verification::Intact { entries, last_hash } => format!(
            "INTACT\nChecked at {checked_at}: all {entries} ledger entries (the whole chain, not only this period) \
             match their hashes and link to the entry before them.\nLast hash: {last_hash}\n"
        ),
        Verification::Broken { entry, reason } => format!(
            "BROKEN\nChecked at {checked_at}: entry {entry} fails the check: {reason}.\n\
             Entries before it are intact; nothing from entry {entry} on can be trusted until this is explained.\n"
        ),
    };
    let published = checkpoints::published(conn, signer)?;
    let checkpoints_json = checkpoints::to_json(&published)?;
    let key = published.public_key.as_deref().unwrap_or("none configured");
    let readme = readme(from, to, entry_count, roster.len(), published.checkpoints.len(), key, now);

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stamp = zip::DateTime::from_date_and_time(
        u16::try_from(now.year()).unwrap_or(1980),
        now.month() as u8,
        now.day() as u8,
        now.hour() as u8,
        now.minute() as u8,
        now.second() as u8,
    )
    .unwrap_or_default();
    let options =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).last_modified_time(stamp);
    let files: [(&str, &[u8]); 7] = [
        ("README.txt", readme.as_bytes()),
        ("ledger_entries.csv", &ledger_csv),
        ("balances.csv", &balances_csv),
        ("wage_policies.csv", &policies_csv),
        ("exchange_rates.csv", &rates_csv),
        ("verification.txt", verification.as_bytes()),
        ("checkpoints.json", checkpoints_json.as_bytes()),
    ];
    let fail = |e: &dyn std::fmt::Display| AppError::internal(format!("zip: {e}"));
    for (name, bytes) in files {
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(bytes).map_err(|e| fail(&e))?;
    }
    Ok(zip.finish().map_err(|e| fail(&e))?.into_inner())
}

fn readme(
    from: NaiveDate,
    to: NaiveDate,
    entries: usize,
    artisans: usize,
    checkpoints: usize,
    public_key: &str,
    now: NaiveDateTime,
) -> String {
    format!(
        "fairgold wage ledger: audit export for {from} to {to}
Exported at {at} UTC. {entries} ledger entries in the period; {artisans} artisans.
CONFIDENTIAL: balances.csv holds artisans' legal names. This export is recorded in the
shop's audit log under the name of the person who made it.

Spreadsheet safety: a cell that begins with = + - @, a tab or a carriage return and is
not a plain number (such as -500 or -1234.50, written as they are) starts with one added
apostrophe ('), so that a spreadsheet shows it as text instead of running it as a formula;
a cell that itself begins with an apostrophe gets one more. To get a field's exact value
back (for the hash rule below), remove one leading apostrophe from every cell that has one.

Amounts are whole paise (1/100 rupee) in columns ending _minor; currency INR.
Dates are calendar days in India (IST); times (recorded_at) are UTC.

ledger_entries.csv
  Every ledger entry whose occurred_on falls in the period, in chain order, every column.
  kind: wage_earned (a piece accepted into inventory: wages for the work, shared by hours),
  sale_bonus (a share of a paid order's net sale, at the exchange rate finance recorded for
  the day), payout (money handed over: method and reference in details), adjustment (a
  correction with its reason; it counts only once approved), adjustment_approved and
  adjustment_rejected (a second finance or admin person's decision, amount 0, refers_to
  names the adjustment), minimum_wage_top_up (posted at month close when the month's pay
  falls short of its paid hours at the legal minimum time rate; dated the month's last day),
  salary and overtime_premium (posted at month close for salaried artisans and trainees),
  deduction (withheld under the Code on Wages s.18: details name the kind and the reason;
  never a fine). Amounts are signed from the artisan's side: earnings positive,
  payouts and deductions negative. Entries are never changed or deleted: a mistake is corrected by a new
  entry.

balances.csv
  Each artisan: public id, alias, legal name, center, the balance owed at the start of the
  period (all counted entries before {from}) and at its end (through {to}). A balance is the
  sum of wage_earned, sale_bonus, minimum_wage_top_up, salary, overtime_premium, deduction and
  payout entries and of approved adjustments.

wage_policies.csv
  Every version of every center's wage policy (all periods): legal minimum and living wage
  per month, standard hours per month, the target multiplier, the sale-bonus percentage and
  where the figures come from. A version applies from effective_from until the next one.

exchange_rates.csv
  The rupees per unit of a sale currency that finance recorded for each day of the period;
  sale bonuses of orders paid that day were converted with it.

verification.txt
  The result of checking the whole hash chain at the time of export (fairgold ledger verify).

checkpoints.json
  Every signed ledger checkpoint ({checkpoints} so far, the whole history, not only this
  period), as published at /transparency/ledger. At each month close the shop signs the
  number and hash of the ledger's newest entry with its Ed25519 key. The shop's public key:
  {public_key}
  Each signature (128 hex digits) is over the text, with each line ending in a newline:
  fairgold ledger checkpoint v1 / entry_id / entry_hash / signed_at (UTC, RFC 3339 with
  microseconds, as in the file). A ledger that was rewritten and had its hashes recomputed
  no longer passes through the published hashes; `fairgold ledger verify --checkpoints
  checkpoints.json` checks every signature and every checkpoint against the database.

The hash rule
  Each entry's hash is SHA-256, written as 64 lowercase hex digits, over these fields in this
  order: the text fairgold-ledger-v1, id, kind, artisan_id, center_id, amount_minor,
  currency, occurred_on (YYYY-MM-DD), labor_minutes, piece_id, order_id, refers_to (an empty
  text when blank), details (as in the file, less the added apostrophe if any), recorded_by, recorded_at
  (YYYY-MM-DDTHH:MM:SS.ffffff, as in the file) and prev_hash. Each field is fed as its length
  in bytes (decimal), a colon, the field's UTF-8 bytes and a newline, e.g. 2:17\\n for id 17.
  prev_hash is the hash of the entry numbered one less (64 zeros before entry 1), so
  entries are numbered 1, 2, 3... without gaps, and changing, removing or inserting any entry
  breaks every hash after it. The first entry of this file links to the last entry before
  the period, which is not in this file.
",
        at = now.format("%Y-%m-%d %H:%M:%S"),
    )
}
