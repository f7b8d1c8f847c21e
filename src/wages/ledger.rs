//! The ledger: an append-only journal of what each artisan earned and was paid, in INR minor
//! units. Entries are only ever inserted (the database refuses UPDATE and DELETE with
//! triggers on both backends); a mistake is corrected by a new entry. Each entry carries
//! SHA-256 over its content and the previous entry's hash, so `verify` can show that no row
//! was changed, removed or slipped in since it was written.

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::types::{EntryKind, PayoutMethod};
use crate::db::DbConn;
use crate::error::AppError;
use crate::money::Currency;
use crate::schema::{ledger_entries, ledger_head};

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Which entries count towards a balance: earnings and payouts, and adjustments that a
/// second person approved. (Unapproved or rejected adjustments, and the decisions
/// themselves, which carry no amount, do not.)
pub const COUNTS: &str =
    "(ledger_entries.kind IN ('wage_earned', 'sale_bonus', 'payout', 'minimum_wage_top_up', 'salary', \
     'overtime_premium', 'deduction') \
     OR (ledger_entries.kind = 'adjustment' AND ledger_entries.id IN \
        (SELECT d.refers_to FROM ledger_entries d WHERE d.kind = 'adjustment_approved')))";

pub fn counts() -> diesel::expression::SqlLiteral<Bool> {
    sql::<Bool>(COUNTS)
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = ledger_entries)]
pub struct EntryRow {
    pub id: i64,
    pub kind: EntryKind,
    pub artisan_id: i64,
    pub center_id: i64,
    pub amount_minor: i64,
    pub currency: Currency,
    pub occurred_on: NaiveDate,
    pub labor_minutes: Option<i64>,
    pub piece_id: Option<i64>,
    pub order_id: Option<i64>,
    pub refers_to: Option<i64>,
    pub details: String,
    pub recorded_by: String,
    pub recorded_at: NaiveDateTime,
    pub prev_hash: String,
    pub hash: String,
}

impl EntryRow {
    pub fn details_json(&self) -> serde_json::Value {
        serde_json::from_str(&self.details).unwrap_or(serde_json::Value::Null)
    }

    /// The hash this entry's fields give now, after `prev_hash` (the README's recipe, as
    /// `append` and `verify` compute it): equal to `hash` unless the row was changed.
    pub fn computed_hash(&self) -> String {
        hash_of(&Content {
            id: self.id,
            kind: self.kind.code(),
            artisan_id: self.artisan_id,
            center_id: self.center_id,
            amount_minor: self.amount_minor,
            currency: self.currency.code(),
            occurred_on: self.occurred_on,
            labor_minutes: self.labor_minutes,
            piece_id: self.piece_id,
            order_id: self.order_id,
            refers_to: self.refers_to,
            details: &self.details,
            recorded_by: &self.recorded_by,
            recorded_at: self.recorded_at,
            prev_hash: &self.prev_hash,
        })
    }

    /// How and with what reference a payout was made (`None` for other kinds, or details
    /// that do not say).
    pub fn payout_details(&self) -> Option<PayoutDetails> {
        (self.kind == EntryKind::Payout).then(|| serde_json::from_str(&self.details).ok()).flatten()
    }
}

/// The details of a payout entry.
#[derive(Debug, Clone, Deserialize)]
pub struct PayoutDetails {
    pub method: PayoutMethod,
    #[serde(default)]
    pub reference: String,
}

/// An entry to append; the number, time and hashes are added by `append`.
#[derive(Debug, Clone)]
pub struct NewEntry {
    pub kind: EntryKind,
    pub artisan_id: i64,
    pub center_id: i64,
    pub amount_minor: i64,
    pub occurred_on: NaiveDate,
    pub labor_minutes: Option<i64>,
    pub piece_id: Option<i64>,
    pub order_id: Option<i64>,
    pub refers_to: Option<i64>,
    /// Facts of the entry (method and reference of a payout, reason of an adjustment, rate and
    /// percentage of a bonus). serde_json keeps keys sorted, so the text is stable.
    pub details: serde_json::Value,
    pub recorded_by: String,
}

impl NewEntry {
    pub fn new(kind: EntryKind, artisan_id: i64, center_id: i64, amount_minor: i64, occurred_on: NaiveDate) -> Self {
        Self {
            kind,
            artisan_id,
            center_id,
            amount_minor,
            occurred_on,
            labor_minutes: None,
            piece_id: None,
            order_id: None,
            refers_to: None,
            details: serde_json::json!({}),
            recorded_by: String::new(),
        }
    }
}

/// An entry as stored and hashed: every column but its own hash. `append` and `append_many`
/// build it from a `NewEntry`, `verify` reads it back from an `EntryRow`; a missing value is
/// written as NULL (the columns have no defaults, and SQLite has no DEFAULT inside a multi-row
/// VALUES).
#[derive(Debug, Clone, Copy, Insertable)]
#[diesel(table_name = ledger_entries, treat_none_as_null = true)]
struct Content<'a> {
    id: i64,
    kind: &'a str,
    artisan_id: i64,
    center_id: i64,
    amount_minor: i64,
    currency: &'a str,
    occurred_on: NaiveDate,
    labor_minutes: Option<i64>,
    piece_id: Option<i64>,
    order_id: Option<i64>,
    refers_to: Option<i64>,
    details: &'a str,
    recorded_by: &'a str,
    recorded_at: NaiveDateTime,
    prev_hash: &'a str,
}

/// One entry as inserted: its content and the hash of it.
#[derive(Insertable)]
#[diesel(table_name = ledger_entries)]
struct Row<'a> {
    #[diesel(embed)]
    content: Content<'a>,
    hash: &'a str,
}

/// The ledger's currency: wages are paid in rupees at both centers.
pub const CURRENCY: Currency = Currency::Inr;

/// The hash of an entry: SHA-256 over every stored field, each length-prefixed so that no
/// two different entries can produce the same input, ending with the previous hash. (The
/// audit export's README tells auditors this recipe: it never changes.)
fn hash_of(c: &Content<'_>) -> String {
    let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    let fields = [
        "fairgold-ledger-v1".to_string(),
        c.id.to_string(),
        c.kind.to_string(),
        c.artisan_id.to_string(),
        c.center_id.to_string(),
        c.amount_minor.to_string(),
        c.currency.to_string(),
        c.occurred_on.format("%Y-%m-%d").to_string(),
        opt(c.labor_minutes),
        opt(c.piece_id),
        opt(c.order_id),
        opt(c.refers_to),
        c.details.to_string(),
        c.recorded_by.to_string(),
        c.recorded_at.format("%Y-%m-%dT%H:%M:%S%.6f").to_string(),
        c.prev_hash.to_string(),
    ];
    let mut h = Sha256::new();
    for f in &fields {
        h.update(f.len().to_string().as_bytes());
        h.update(b":");
        h.update(f.as_bytes());
        h.update(b"\n");
    }
    format!("{:x}", h.finalize())
}

/// An entry's columns exactly as stored, for `verify` alone: the hash is over the stored text,
/// so a row edited to hold a kind or currency the code does not know is reported as a broken
/// link in the chain (with its number), not as a failure to read it. Everything else reads
/// entries as `EntryRow`, with typed kinds.
#[derive(Queryable, Selectable)]
#[diesel(table_name = ledger_entries)]
struct AsStored {
    id: i64,
    #[diesel(column_name = kind)]
    stored_kind: String,
    artisan_id: i64,
    center_id: i64,
    amount_minor: i64,
    #[diesel(column_name = currency)]
    stored_currency: String,
    occurred_on: NaiveDate,
    labor_minutes: Option<i64>,
    piece_id: Option<i64>,
    order_id: Option<i64>,
    refers_to: Option<i64>,
    details: String,
    recorded_by: String,
    recorded_at: NaiveDateTime,
    prev_hash: String,
    hash: String,
}

impl AsStored {
    /// What was hashed when this entry was written (if nobody changed the row since).
    fn content(&self) -> Content<'_> {
        Content {
            id: self.id,
            kind: &self.stored_kind,
            artisan_id: self.artisan_id,
            center_id: self.center_id,
            amount_minor: self.amount_minor,
            currency: &self.stored_currency,
            occurred_on: self.occurred_on,
            labor_minutes: self.labor_minutes,
            piece_id: self.piece_id,
            order_id: self.order_id,
            refers_to: self.refers_to,
            details: &self.details,
            recorded_by: &self.recorded_by,
            recorded_at: self.recorded_at,
            prev_hash: &self.prev_hash,
        }
    }
}

impl NewEntry {
    /// Its content as entry `id`, recorded at `recorded_at` after the entry hashed `prev_hash`
    /// (`details` is `self.details` as text, which the caller keeps).
    fn content<'a>(&'a self, id: i64, details: &'a str, recorded_at: NaiveDateTime, prev_hash: &'a str) -> Content<'a> {
        Content {
            id,
            kind: self.kind.code(),
            artisan_id: self.artisan_id,
            center_id: self.center_id,
            amount_minor: self.amount_minor,
            currency: CURRENCY.code(),
            occurred_on: self.occurred_on,
            labor_minutes: self.labor_minutes,
            piece_id: self.piece_id,
            order_id: self.order_id,
            refers_to: self.refers_to,
            details,
            recorded_by: &self.recorded_by,
            recorded_at,
            prev_hash,
        }
    }
}

/// PostgreSQL keeps microseconds; store (and hash) exactly what both backends give back.
fn to_micros(t: NaiveDateTime) -> NaiveDateTime {
    t.with_nanosecond(t.nanosecond() / 1_000 * 1_000).unwrap_or(t)
}

/// Locks the chain's head for the rest of this write transaction, before a check that a new
/// entry depends on (a balance, whether an adjustment was decided, whether a rate exists): two
/// finance people acting at once are served one after the other, and the second sees the
/// first's entry. PostgreSQL: `SELECT … FOR UPDATE` on the head row; SQLite: the write
/// transaction's `BEGIN IMMEDIATE` already holds the database's only write lock.
pub fn lock_head(conn: &mut DbConn) -> QueryResult<()> {
    match conn {
        DbConn::Postgres(pg) => {
            ledger_head::table.find(1).for_update().select(ledger_head::last_id).first::<i64>(pg).map(|_| ())
        }
        DbConn::Sqlite(_) => Ok(()),
    }
}

/// Appends one entry and returns its number. Call it inside the write transaction of the
/// change it records. The chain's head row is updated first: that takes a write lock (a row
/// lock on PostgreSQL, the database lock on SQLite), so appenders on every instance are
/// numbered and chained one after another, never both after the same entry.
///
/// An entry dated in a month its center has closed is refused (409 `month_closed`), before
/// anything is written: the check runs after the head is locked, so a month close (which takes
/// the head first) and an append are served one after the other, and the append sees the close.
pub fn append(conn: &mut DbConn, e: &NewEntry, now: NaiveDateTime) -> Result<i64, AppError> {
    lock_head(conn)?;
    super::close::ensure_open(conn, e.center_id, e.occurred_on)?;
    let (id, prev): (i64, String) = diesel::update(ledger_head::table.find(1))
        .set(ledger_head::last_id.eq(ledger_head::last_id + 1))
        .returning((ledger_head::last_id, ledger_head::last_hash))
        .get_result(conn)?;
    let details = e.details.to_string();
    let content = e.content(id, &details, to_micros(now), &prev);
    let hash = hash_of(&content);
    diesel::insert_into(ledger_entries::table).values(Row { content, hash: &hash }).execute(conn)?;
    diesel::update(ledger_head::table.find(1)).set(ledger_head::last_hash.eq(&hash)).execute(conn)?;
    Ok(id)
}

/// Appends many entries at once, each recorded at its own time, in the order given: the
/// numbers are reserved with one update of the head (the same write lock as `append`), the
/// chain is computed here, and the rows are inserted in batches. For bulk loads (the
/// benchmark generator); the application appends one entry at a time with `append`. (It does
/// not check closed months: a bulk load is made before any month is closed.)
pub fn append_many(conn: &mut DbConn, entries: &[(NaiveDateTime, NewEntry)]) -> QueryResult<usize> {
    // 16 columns a row: 1,000 rows stay under both backends' limits on bound parameters.
    const BATCH: usize = 1_000;
    if entries.is_empty() {
        return Ok(0);
    }
    let n = entries.len() as i64;
    let (last_id, mut prev): (i64, String) = diesel::update(ledger_head::table.find(1))
        .set(ledger_head::last_id.eq(ledger_head::last_id + n))
        .returning((ledger_head::last_id, ledger_head::last_hash))
        .get_result(conn)?;
    let first_id = last_id - n + 1;
    let mut owned: Vec<(i64, NaiveDateTime, String, String, String)> = Vec::with_capacity(entries.len());
    for (k, (at, e)) in entries.iter().enumerate() {
        let id = first_id + k as i64;
        let recorded_at = to_micros(*at);
        let details = e.details.to_string();
        let hash = hash_of(&e.content(id, &details, recorded_at, &prev));
        owned.push((id, recorded_at, details, std::mem::replace(&mut prev, hash.clone()), hash));
    }
    for (chunk, source) in owned.chunks(BATCH).zip(entries.chunks(BATCH)) {
        let rows: Vec<Row<'_>> = chunk
            .iter()
            .zip(source)
            .map(|((id, recorded_at, details, prev_hash, hash), (_, e))| Row {
                content: e.content(*id, details, *recorded_at, prev_hash),
                hash,
            })
            .collect();
        // Multi-row inserts need the concrete backend (the multi-backend does not offer them).
        match conn {
            DbConn::Sqlite(c) => diesel::insert_into(ledger_entries::table).values(rows).execute(c)?,
            DbConn::Postgres(c) => diesel::insert_into(ledger_entries::table).values(rows).execute(c)?,
        };
    }
    diesel::update(ledger_head::table.find(1)).set(ledger_head::last_hash.eq(&prev)).execute(conn)?;
    Ok(entries.len())
}

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Verification {
    /// Every entry's hash matches its content and links to the one before.
    Intact { entries: i64, last_hash: String },
    /// The first entry that does not: its number and what is wrong.
    Broken { entry: i64, reason: String },
}

/// Walks the chain from the first entry, in pages, recomputing every hash.
pub fn verify(conn: &mut DbConn) -> Result<Verification, AppError> {
    const PAGE: i64 = 10_000;
    let mut expected_id = 1;
    let mut prev = GENESIS.to_string();
    loop {
        let page: Vec<AsStored> = ledger_entries::table
            .filter(ledger_entries::id.ge(expected_id))
            .order(ledger_entries::id)
            .limit(PAGE)
            .select(AsStored::as_select())
            .load(conn)?;
        let done = (page.len() as i64) < PAGE;
        for e in page {
            if e.id != expected_id {
                return Ok(Verification::Broken {
                    entry: expected_id,
                    reason: format!("entry {expected_id} is missing (the next one is {})", e.id),
                });
            }
            if e.prev_hash != prev {
                return Ok(Verification::Broken {
                    entry: e.id,
                    reason:
                        "its link to the entry before it does not match (an entry was changed, removed or inserted)"
                            .into(),
                });
            }
            if hash_of(&e.content()) != e.hash {
                return Ok(Verification::Broken {
                    entry: e.id,
                    reason: "its content does not match its hash (the row was changed after it was written)".into(),
                });
            }
            prev = e.hash;
            expected_id += 1;
        }
        if done {
            break;
        }
    }
    let (last_id, last_hash): (i64, String) =
        ledger_head::table.find(1).select((ledger_head::last_id, ledger_head::last_hash)).first(conn)?;
    if last_id != expected_id - 1 || last_hash != prev {
        return Ok(Verification::Broken {
            entry: last_id.max(expected_id - 1),
            reason: format!(
                "the chain's head says {last_id} entries ending in {}, but {} were found (entries at the end were removed)",
                &last_hash[..12.min(last_hash.len())],
                expected_id - 1
            ),
        });
    }
    Ok(Verification::Intact { entries: expected_id - 1, last_hash: prev })
}

/// What each artisan is owed (positive) or was overpaid (negative), from the ledger alone:
/// (artisan id, balance in INR minor units) for every artisan with a counted entry on or
/// before `through` (`None` = all).
pub fn balances(conn: &mut DbConn, through: Option<NaiveDate>) -> QueryResult<Vec<(i64, i64)>> {
    let mut q = ledger_entries::table
        .filter(counts())
        .group_by(ledger_entries::artisan_id)
        .select((
            ledger_entries::artisan_id,
            sql::<BigInt>("CAST(COALESCE(SUM(ledger_entries.amount_minor), 0) AS BIGINT)"),
        ))
        .order(ledger_entries::artisan_id)
        .into_boxed();
    if let Some(d) = through {
        q = q.filter(ledger_entries::occurred_on.le(d));
    }
    q.load(conn)
}

/// One artisan's balance.
pub fn balance_of(conn: &mut DbConn, artisan_id: i64, through: Option<NaiveDate>) -> QueryResult<i64> {
    let mut q = ledger_entries::table
        .filter(counts())
        .filter(ledger_entries::artisan_id.eq(artisan_id))
        .select(sql::<BigInt>("CAST(COALESCE(SUM(ledger_entries.amount_minor), 0) AS BIGINT)"))
        .into_boxed();
    if let Some(d) = through {
        q = q.filter(ledger_entries::occurred_on.le(d));
    }
    q.first(conn)
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<EntryRow>> {
    ledger_entries::table.find(id).select(EntryRow::as_select()).first(conn).optional()
}

/// Entries with `occurred_on` in [from, to], in chain order (optionally one center's).
pub fn between(
    conn: &mut DbConn,
    from: NaiveDate,
    to: NaiveDate,
    center_id: Option<i64>,
) -> QueryResult<Vec<EntryRow>> {
    let mut q = ledger_entries::table
        .filter(ledger_entries::occurred_on.between(from, to))
        .order(ledger_entries::id)
        .select(EntryRow::as_select())
        .into_boxed();
    if let Some(c) = center_id {
        q = q.filter(ledger_entries::center_id.eq(c));
    }
    q.load(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash is the auditors' recipe and what `verify` checks rows written years ago
    /// against: these two values were computed before the code was last reshaped, and must
    /// never change.
    #[test]
    fn the_hash_of_a_known_entry_never_changes() {
        let on = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        let at = on.and_hms_micro_opt(9, 30, 15, 123_456).unwrap();
        let first = Content {
            id: 7,
            kind: "sale_bonus",
            artisan_id: 3,
            center_id: 1,
            amount_minor: 52_003,
            currency: "INR",
            occurred_on: on,
            labor_minutes: None,
            piece_id: Some(11),
            order_id: Some(5),
            refers_to: None,
            details: r#"{"bonus_percent":"5","inr_per_unit":"84.25"}"#,
            recorded_by: "system",
            recorded_at: at,
            prev_hash: GENESIS,
        };
        let h1 = hash_of(&first);
        assert_eq!(h1, "2bfcd0f83c5f596ad587978a0fdda454815ac81b4cf30ead48172caa0dd92203");
        let second = Content {
            id: 8,
            kind: "wage_earned",
            amount_minor: 111_121,
            labor_minutes: Some(600),
            order_id: None,
            refers_to: Some(2),
            details: "{}",
            recorded_by: "finance@fairgold.test",
            prev_hash: &h1,
            ..first
        };
        assert_eq!(hash_of(&second), "5fe04111e127c1f3248044747f9c8c6d8bbcdc5b49b051bd37ea9e5c5fd2c583");
    }

    #[test]
    fn a_new_entry_and_the_row_read_back_hash_the_same() {
        let on = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        let at = on.and_hms_micro_opt(9, 30, 15, 123_456).unwrap();
        let mut e = NewEntry::new(EntryKind::Payout, 3, 1, -250_000, on);
        e.details = serde_json::json!({ "method": "upi", "reference": "UPI-1" });
        e.recorded_by = "finance@fairgold.test".into();
        let details = e.details.to_string();
        let written = e.content(9, &details, at, GENESIS);
        let hash = hash_of(&written);
        let row = AsStored {
            id: 9,
            stored_kind: "payout".into(),
            artisan_id: 3,
            center_id: 1,
            amount_minor: -250_000,
            stored_currency: "INR".into(),
            occurred_on: on,
            labor_minutes: None,
            piece_id: None,
            order_id: None,
            refers_to: None,
            details: details.clone(),
            recorded_by: "finance@fairgold.test".into(),
            recorded_at: at,
            prev_hash: GENESIS.into(),
            hash: hash.clone(),
        };
        assert_eq!(hash_of(&row.content()), hash);
    }
}
