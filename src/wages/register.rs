//! The time register (the attendance register the Code on Wages expects): minutes per artisan,
//! day and kind of hour. Managers enter a week at a time; month close reads it. Overtime —
//! beyond 8 hours a day or 48 hours a week — is computed here by one pure function and paid at
//! twice the ordinary rate (Code on Wages s.14; DOMAIN.md).

use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::json;

use super::close;
use super::ledger;
use super::types::{HourKind, Month};
use crate::audit::{self, Actor, AuditEvent};
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::money::{round_minor, Overflow};
use crate::schema::{artisans, register_confirmations, time_register};

/// Ordinary hours end after 8 hours in a day…
pub const DAY_LIMIT_MINUTES: i64 = 8 * 60;
/// …and after 48 ordinary hours in a week (Monday to Sunday).
pub const WEEK_LIMIT_MINUTES: i64 = 48 * 60;

/// One day's worked minutes, split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DaySplit {
    pub date: NaiveDate,
    pub ordinary_minutes: i64,
    pub overtime_minutes: i64,
}

/// Splits worked minutes per day into ordinary time and overtime: a day's minutes beyond 8
/// hours are overtime; and once a week (Monday to Sunday) has 48 ordinary hours, every further
/// minute that week is overtime (so the week's last hours are the overtime, and no minute is
/// counted twice). Days may come in any order; the result is by date.
pub fn split_overtime(days: &[(NaiveDate, i64)]) -> Vec<DaySplit> {
    let mut by_day: BTreeMap<NaiveDate, i64> = BTreeMap::new();
    for (d, m) in days {
        *by_day.entry(*d).or_default() += (*m).max(0);
    }
    let mut out = Vec::with_capacity(by_day.len());
    let mut week = None;
    let mut week_ordinary = 0;
    for (date, minutes) in by_day {
        let w = date.iso_week();
        if week != Some(w) {
            week = Some(w);
            week_ordinary = 0;
        }
        let daily = minutes.min(DAY_LIMIT_MINUTES);
        let ordinary = daily.min((WEEK_LIMIT_MINUTES - week_ordinary).max(0));
        week_ordinary += ordinary;
        out.push(DaySplit { date, ordinary_minutes: ordinary, overtime_minutes: minutes - ordinary });
    }
    out
}

/// Pay for ordinary minutes and overtime minutes at an hourly rate (paise per hour): overtime
/// at twice the rate, rounded once to the paisa (half away from zero).
pub fn pay_for(ordinary_minutes: i64, overtime_minutes: i64, hourly_minor: Decimal) -> Result<i64, Overflow> {
    round_minor(Decimal::from(ordinary_minutes + 2 * overtime_minutes) * hourly_minor / Decimal::from(60))
}

/// Hours as typed ("8", "7.5", " 7.25 ") → minutes: whole minutes, 0 to 24 hours.
pub fn parse_hours(s: &str) -> Result<i64, String> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(0);
    }
    let d = Decimal::from_str(t).map_err(|_| format!("`{t}` is not a number of hours such as 8 or 7.5"))?;
    if d < Decimal::ZERO || d > Decimal::from(24) {
        return Err("enter between 0 and 24 hours".into());
    }
    let minutes = d * Decimal::from(60);
    if minutes.fract() != Decimal::ZERO {
        return Err("enter hours in whole minutes, e.g. 7.5 or 7.25".into());
    }
    minutes.to_i64().ok_or_else(|| "enter between 0 and 24 hours".into())
}

/// One cell of the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Queryable, Selectable, Serialize)]
#[diesel(table_name = time_register)]
pub struct Cell {
    pub artisan_id: i64,
    pub work_date: NaiveDate,
    pub kind: HourKind,
    pub minutes: i64,
}

#[derive(Insertable)]
#[diesel(table_name = time_register)]
struct NewCell<'a> {
    artisan_id: i64,
    center_id: i64,
    work_date: NaiveDate,
    kind: HourKind,
    minutes: i64,
    recorded_by: &'a str,
    recorded_at: NaiveDateTime,
}

/// Inserts generated register cells (center id, cell) in bulk, for benchmark data: no checks,
/// no audit — never for anything a person enters.
pub fn insert_generated(
    conn: &mut DbConn,
    cells: &[(i64, Cell)],
    recorded_by: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    let rows: Vec<NewCell> = cells
        .iter()
        .map(|(center_id, c)| NewCell {
            artisan_id: c.artisan_id,
            center_id: *center_id,
            work_date: c.work_date,
            kind: c.kind,
            minutes: c.minutes,
            recorded_by,
            recorded_at: at,
        })
        .collect();
    let mut n = 0;
    // Multi-row inserts need the concrete backend (the multi-backend does not offer them); 7
    // columns × 1,000 rows stay under both backends' limits on bound parameters.
    for chunk in rows.chunks(1000) {
        n += match conn {
            DbConn::Sqlite(c) => diesel::insert_into(time_register::table).values(chunk).execute(c)?,
            DbConn::Postgres(c) => diesel::insert_into(time_register::table).values(chunk).execute(c)?,
        };
    }
    Ok(n)
}

/// The Monday of the week holding `on`.
pub fn monday_of(on: NaiveDate) -> NaiveDate {
    on - Duration::days(on.weekday().num_days_from_monday() as i64)
}

/// A center's cells from `from` to `to`, both included.
pub fn between(conn: &mut DbConn, center_id: i64, from: NaiveDate, to: NaiveDate) -> QueryResult<Vec<Cell>> {
    time_register::table
        .filter(time_register::center_id.eq(center_id))
        .filter(time_register::work_date.between(from, to))
        .order((time_register::artisan_id, time_register::work_date, time_register::kind))
        .select(Cell::as_select())
        .load(conn)
}

/// Saves a center's week (from `monday`): `cells` is the whole grid (cells with 0 minutes
/// left out), replacing what the register held for those artisans that week. Refused, with
/// nothing saved, when an artisan is not of this center, a day holds more than 24 hours, or a
/// day of a closed month would change. Audit-logged with what changed.
pub fn save_week(
    conn: &mut DbConn,
    actor: &Actor,
    center_id: i64,
    monday: NaiveDate,
    artisan_ids: &[i64],
    cells: &[Cell],
    now: NaiveDateTime,
) -> Result<usize, AppError> {
    let sunday = monday + Duration::days(6);
    db::write(conn, |conn| {
        // A month close takes the head first: a week saved at the same moment waits for it
        // and then sees the month closed.
        ledger::lock_head(conn)?;
        let of_center: Vec<i64> = artisans::table
            .filter(artisans::id.eq_any(artisan_ids))
            .filter(artisans::center_id.eq(center_id))
            .select(artisans::id)
            .load(conn)?;
        if of_center.len() != artisan_ids.len() || cells.iter().any(|c| !artisan_ids.contains(&c.artisan_id)) {
            return Err(AppError::Forbidden("You can only record hours of your own workshop's artisans.".into()));
        }
        let mut per_day: HashMap<(i64, NaiveDate), i64> = HashMap::new();
        for c in cells {
            if c.work_date < monday || c.work_date > sunday {
                return Err(AppError::bad_request_general(format!("{} is not in the week of {monday}", c.work_date)));
            }
            *per_day.entry((c.artisan_id, c.work_date)).or_default() += c.minutes;
        }
        if let Some(((_, day), _)) = per_day.iter().find(|(_, m)| **m > 24 * 60) {
            return Err(AppError::bad_request_general(format!("{day}: a day cannot hold more than 24 hours")));
        }
        let before: Vec<Cell> = between(conn, center_id, monday, sunday)?
            .into_iter()
            .filter(|c| artisan_ids.contains(&c.artisan_id))
            .collect();
        let key = |c: &Cell| (c.artisan_id, c.work_date, c.kind);
        let old: HashMap<_, i64> = before.iter().map(|c| (key(c), c.minutes)).collect();
        let new: HashMap<_, i64> = cells.iter().map(|c| (key(c), c.minutes)).collect();
        let mut changed: Vec<_> = old
            .iter()
            .filter(|(k, m)| new.get(*k) != Some(*m))
            .map(|(k, _)| *k)
            .chain(new.iter().filter(|(k, m)| old.get(*k) != Some(*m)).map(|(k, _)| *k))
            .collect();
        changed.sort();
        changed.dedup();
        for (_, day, _) in &changed {
            close::ensure_open(conn, center_id, *day)?;
        }
        if changed.is_empty() {
            return Ok(0);
        }
        // A week the artisan confirmed and that now changes is no longer what they confirmed.
        let mut touched: Vec<i64> = changed.iter().map(|(a, _, _)| *a).collect();
        touched.dedup();
        let unconfirmed = diesel::delete(
            register_confirmations::table
                .filter(register_confirmations::artisan_id.eq_any(&touched))
                .filter(register_confirmations::week_start.eq(monday)),
        )
        .execute(conn)?;
        // Only the changed cells are rewritten: a cell's recorder and time stay those of the
        // person who last changed it.
        for (artisan_id, day, kind) in &changed {
            diesel::delete(
                time_register::table
                    .filter(time_register::artisan_id.eq(artisan_id))
                    .filter(time_register::work_date.eq(day))
                    .filter(time_register::kind.eq(kind.code())),
            )
            .execute(conn)?;
            let minutes = new.get(&(*artisan_id, *day, *kind)).copied().unwrap_or(0);
            if minutes > 0 {
                diesel::insert_into(time_register::table)
                    .values(NewCell {
                        artisan_id: *artisan_id,
                        center_id,
                        work_date: *day,
                        kind: *kind,
                        minutes,
                        recorded_by: &actor.label,
                        recorded_at: now,
                    })
                    .execute(conn)?;
            }
        }
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: "time_register.save_week",
                entity_type: "time_register",
                entity_id: Some(monday.to_string()),
                center_id: Some(center_id),
                details: json!({
                    "week_of": monday.to_string(),
                    "confirmations_withdrawn": unconfirmed,
                    "changed": changed.iter().map(|(a, d, k)| json!({
                        "artisan_id": a,
                        "date": d.to_string(),
                        "kind": k.code(),
                        "minutes_before": old.get(&(*a, *d, *k)).copied().unwrap_or(0),
                        "minutes": new.get(&(*a, *d, *k)).copied().unwrap_or(0),
                    })).collect::<Vec<_>>(),
                }),
            },
            now,
        )?;
        Ok(changed.len())
    })
}

/// When an artisan confirmed a week of the register (they read it, or had it read to them, and
/// agree), as the manager recorded it.
#[derive(Debug, Clone, Queryable, Serialize)]
pub struct Confirmation {
    pub artisan_id: i64,
    pub confirmed_on: NaiveDate,
    pub recorded_by: String,
}

/// The confirmations of a center's week.
pub fn confirmations(conn: &mut DbConn, center_id: i64, monday: NaiveDate) -> QueryResult<Vec<Confirmation>> {
    register_confirmations::table
        .filter(register_confirmations::center_id.eq(center_id))
        .filter(register_confirmations::week_start.eq(monday))
        .select((
            register_confirmations::artisan_id,
            register_confirmations::confirmed_on,
            register_confirmations::recorded_by,
        ))
        .load(conn)
}

/// Records that an artisan confirmed their week (from `monday`) on `confirmed_on`. Refused: an
/// artisan of another center, a week with no hours for them, a date before the week began or in
/// the future, a week already confirmed. Changing the week afterwards withdraws the
/// confirmation (`save_week`). Audit-logged.
pub fn confirm_week(
    conn: &mut DbConn,
    actor: &Actor,
    center_id: i64,
    artisan_id: i64,
    monday: NaiveDate,
    confirmed_on: NaiveDate,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let monday = monday_of(monday);
    let today = super::types::india_date(now);
    if confirmed_on < monday {
        return Err(AppError::bad_request("confirmed_on", "a week cannot be confirmed before it has begun"));
    }
    if confirmed_on > today {
        return Err(AppError::bad_request("confirmed_on", "the date of the confirmation is in the future"));
    }
    db::write(conn, |conn| {
        let of_center: i64 = artisans::table
            .filter(artisans::id.eq(artisan_id))
            .filter(artisans::center_id.eq(center_id))
            .count()
            .get_result(conn)?;
        if of_center == 0 {
            return Err(AppError::Forbidden(
                "You can only record confirmations of your own workshop's artisans.".into(),
            ));
        }
        let hours: i64 = time_register::table
            .filter(time_register::artisan_id.eq(artisan_id))
            .filter(time_register::work_date.between(monday, monday + Duration::days(6)))
            .count()
            .get_result(conn)?;
        if hours == 0 {
            return Err(AppError::bad_request(
                "confirmed_on",
                "this week holds no hours for the artisan: nothing to confirm",
            ));
        }
        let inserted = diesel::insert_into(register_confirmations::table)
            .values((
                register_confirmations::artisan_id.eq(artisan_id),
                register_confirmations::center_id.eq(center_id),
                register_confirmations::week_start.eq(monday),
                register_confirmations::confirmed_on.eq(confirmed_on),
                register_confirmations::recorded_by.eq(&actor.label),
                register_confirmations::recorded_at.eq(now),
            ))
            .execute(conn);
        match inserted {
            Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => {
                return Err(AppError::conflict("already_confirmed", "this week was already confirmed by the artisan"))
            }
            other => other?,
        };
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: "time_register.confirm_week",
                entity_type: "time_register",
                entity_id: Some(monday.to_string()),
                center_id: Some(center_id),
                details: json!({ "artisan_id": artisan_id, "week_of": monday.to_string(), "confirmed_on": confirmed_on.to_string() }),
            },
            now,
        )?;
        Ok(())
    })
}

/// The most rows one register import takes (a center's month is a few thousand at most).
pub const IMPORT_MAX_ROWS: usize = 10_000;

/// Reads a register CSV — `artisan,date,kind,hours`, with a header row — naming artisans by
/// public id or alias among `roster` (id, public id, alias) and kinds by code or label. Every
/// problem is reported at once, each with its line number; a row with 0 hours clears the cell.
pub fn read_csv(bytes: &[u8], roster: &[(i64, String, String)]) -> Result<Vec<Cell>, Vec<String>> {
    let mut errors = Vec::new();
    let mut cells: BTreeMap<(i64, NaiveDate, HourKind), (usize, i64)> = BTreeMap::new();
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).flexible(true).from_reader(bytes);
    let headers = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim_start_matches('\u{feff}').to_lowercase()).collect::<Vec<_>>(),
        Err(_) => return Err(vec!["The file is not a CSV file (save it as CSV UTF-8 and try again).".into()]),
    };
    let want = ["artisan", "date", "kind", "hours"];
    if headers.iter().map(String::as_str).collect::<Vec<_>>() != want {
        return Err(vec![format!(
            "The first line must name the columns artisan,date,kind,hours; it reads `{}`.",
            headers.join(",")
        )]);
    }
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        if i >= IMPORT_MAX_ROWS {
            errors.push(format!("The file has more than {IMPORT_MAX_ROWS} rows: split it by month."));
            break;
        }
        let record = match record {
            Ok(r) => r,
            Err(_) => {
                errors.push(format!("Line {line}: the line cannot be read (is the file saved as CSV UTF-8?)"));
                continue;
            }
        };
        let field = |n: usize| record.get(n).unwrap_or("").trim();
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != 4 {
            errors.push(format!("Line {line}: expected 4 columns (artisan,date,kind,hours), found {}", record.len()));
            continue;
        }
        let who = field(0);
        let artisan = roster.iter().find(|(_, pid, alias)| pid == who || alias.eq_ignore_ascii_case(who));
        if artisan.is_none() {
            errors
                .push(format!("Line {line}: no artisan of this workshop is called `{who}` (use the alias or the id)"));
        }
        let date = NaiveDate::parse_from_str(field(1), "%Y-%m-%d").ok();
        if date.is_none() {
            errors.push(format!("Line {line}: `{}` is not a date like 2026-11-02", field(1)));
        }
        let kind_text = field(2).to_lowercase();
        let kind = HourKind::parse(&kind_text)
            .or_else(|| HourKind::ALL.into_iter().find(|k| k.label().eq_ignore_ascii_case(&kind_text)));
        if kind.is_none() {
            errors.push(format!(
                "Line {line}: `{}` is not a kind of hour; use one of {}",
                field(2),
                HourKind::ALL.iter().map(|k| k.code()).collect::<Vec<_>>().join(", ")
            ));
        }
        let minutes = parse_hours(field(3)).map_err(|m| errors.push(format!("Line {line}: {m}"))).ok();
        if let (Some((id, _, _)), Some(d), Some(k), Some(m)) = (artisan, date, kind, minutes) {
            if let Some((first, _)) = cells.insert((*id, d, k), (line, m)) {
                errors.push(format!("Line {line}: the same artisan, day and kind as line {first}"));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(cells
        .into_iter()
        .map(|((artisan_id, work_date, kind), (_, minutes))| Cell { artisan_id, work_date, kind, minutes })
        .collect())
}

/// Imports register cells (from [`read_csv`]) into a center's register, week by week, in one
/// write: each imported cell replaces what the register held for that artisan, day and kind;
/// the other cells stay. Nothing is saved if any week is refused (a closed month, a day over 24
/// hours). Returns the number of cells changed.
pub fn import(
    conn: &mut DbConn,
    actor: &Actor,
    center_id: i64,
    cells: &[Cell],
    now: NaiveDateTime,
) -> Result<usize, AppError> {
    let mut weeks: BTreeMap<NaiveDate, Vec<Cell>> = BTreeMap::new();
    for c in cells {
        weeks.entry(monday_of(c.work_date)).or_default().push(*c);
    }
    db::write(conn, |conn| {
        let mut changed = 0;
        for (monday, imported) in weeks {
            let mut ids: Vec<i64> = imported.iter().map(|c| c.artisan_id).collect();
            ids.sort();
            ids.dedup();
            let key = |c: &Cell| (c.artisan_id, c.work_date, c.kind);
            let mut merged: BTreeMap<_, Cell> = between(conn, center_id, monday, monday + Duration::days(6))?
                .into_iter()
                .filter(|c| ids.contains(&c.artisan_id))
                .map(|c| (key(&c), c))
                .collect();
            for c in imported {
                merged.insert(key(&c), c);
            }
            let week: Vec<Cell> = merged.into_values().filter(|c| c.minutes > 0).collect();
            changed += save_week(conn, actor, center_id, monday, &ids, &week, now)?;
        }
        Ok(changed)
    })
}

/// An artisan's month from the register.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MonthHours {
    /// Production, training, design, rework, waiting for material.
    pub worked_minutes: i64,
    /// Paid leave and holidays.
    pub paid_leave_minutes: i64,
    pub unpaid_leave_minutes: i64,
    /// Of the worked minutes, those beyond 8 h a day or 48 h a week.
    pub overtime_minutes: i64,
    /// Of the worked minutes, those spent making pieces (production, design, rework): what the
    /// hours recorded on the pieces accepted in the month may add up to at most.
    pub making_minutes: i64,
}

impl MonthHours {
    /// Hours the month pays for: work and paid leave (overtime is among the worked minutes).
    pub fn paid_minutes(&self) -> i64 {
        self.worked_minutes + self.paid_leave_minutes
    }
}

/// Every artisan's month at a center, from the register. Overtime is computed over whole weeks
/// (a week across the month's edge is read whole) and counted in the month of its day.
pub fn month_hours(conn: &mut DbConn, center_id: i64, month: Month) -> QueryResult<BTreeMap<i64, MonthHours>> {
    let (first, last) = (month.first_day(), month.last_day());
    let from = monday_of(first);
    let to = monday_of(last) + Duration::days(6);
    let cells = between(conn, center_id, from, to)?;
    let mut out: BTreeMap<i64, MonthHours> = BTreeMap::new();
    let mut worked: BTreeMap<i64, Vec<(NaiveDate, i64)>> = BTreeMap::new();
    for c in &cells {
        if c.kind.is_work() {
            worked.entry(c.artisan_id).or_default().push((c.work_date, c.minutes));
        }
        if c.work_date < first || c.work_date > last {
            continue;
        }
        let h = out.entry(c.artisan_id).or_default();
        if matches!(c.kind, HourKind::Production | HourKind::Design | HourKind::Rework) {
            h.making_minutes += c.minutes;
        }
        match c.kind {
            k if k.is_work() => h.worked_minutes += c.minutes,
            HourKind::LeaveUnpaid => h.unpaid_leave_minutes += c.minutes,
            _ => h.paid_leave_minutes += c.minutes,
        }
    }
    for (artisan_id, days) in worked {
        let overtime: i64 = split_overtime(&days)
            .into_iter()
            .filter(|d| d.date >= first && d.date <= last)
            .map(|d| d.overtime_minutes)
            .sum();
        if let Some(h) = out.get_mut(&artisan_id) {
            h.overtime_minutes = overtime;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        // 2026-11-02 is a Monday.
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn ten_hours_on_a_day_pay_eight_plus_two_at_twice_the_rate() {
        let s = split_overtime(&[(day(2), 600)]);
        assert_eq!(s, vec![DaySplit { date: day(2), ordinary_minutes: 480, overtime_minutes: 120 }]);
        // At ₹100.00 an hour: 8 × 100 + 2 × 2 × 100 = ₹1,200.00.
        assert_eq!(pay_for(480, 120, Decimal::from(10_000)), Ok(120_000));
    }

    #[test]
    fn fifty_two_hours_in_a_week_pay_four_at_twice_the_rate() {
        // Monday to Saturday 8 h, Sunday 4 h: no day over 8 h, 52 h in the week.
        let mut days: Vec<_> = (2..=7).map(|d| (day(d), 480)).collect();
        days.push((day(8), 240));
        let s = split_overtime(&days);
        let ordinary: i64 = s.iter().map(|d| d.ordinary_minutes).sum();
        let overtime: i64 = s.iter().map(|d| d.overtime_minutes).sum();
        assert_eq!((ordinary, overtime), (48 * 60, 4 * 60));
        assert_eq!(s.last().unwrap().overtime_minutes, 240, "the week's last hours are the overtime");
        // At ₹100.00 an hour: 48 × 100 + 4 × 2 × 100 = ₹5,600.00.
        assert_eq!(pay_for(ordinary, overtime, Decimal::from(10_000)), Ok(560_000));
    }

    #[test]
    fn daily_overtime_is_not_counted_again_for_the_week() {
        // Six days of 10 h: 12 h of daily overtime, 48 ordinary hours, nothing more.
        let days: Vec<_> = (2..=7).map(|d| (day(d), 600)).collect();
        let s = split_overtime(&days);
        assert_eq!(s.iter().map(|d| d.overtime_minutes).sum::<i64>(), 12 * 60);
        assert_eq!(s.iter().map(|d| d.ordinary_minutes).sum::<i64>(), 48 * 60);
        // A new week starts over: Monday 9 November, 8 h, is ordinary.
        let mut days = days;
        days.push((day(9), 480));
        assert_eq!(split_overtime(&days).last().unwrap().overtime_minutes, 0);
    }
}
