//! Month close, per center and month: each artisan's month is computed from the time register,
//! the employment terms and the ledger — salary or the piece wages accepted that month, the
//! overtime premium, paid leave, and the guaranteed minimum (paid hours at the legal minimum
//! time rate, overtime hours counted twice; Code on Wages s.12 for piece work) — and any
//! shortfall is posted as a minimum-wage top-up. Wages are judged by the month, never per
//! piece. Closing locks the month: the ledger and the register refuse anything dated in it.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::json;

use super::ledger::{self, NewEntry};
use super::policy::{self, inr_rate};
use super::register::{self, MonthHours};
use super::terms;
use super::types::{india_date, EntryKind, Month, PayBasis};
use crate::audit::{self, Actor, AuditEvent};
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::money::round_minor;
use crate::schema::{artisans, centers, ledger_entries, month_close_requests, month_closes};

/// Who closed a month, and when.
#[derive(Debug, Clone, Queryable, Serialize)]
pub struct Closed {
    pub closed_by: String,
    pub closed_at: NaiveDateTime,
}

/// A close waiting for a second person: who asked, and when.
#[derive(Debug, Clone, Queryable, Serialize)]
pub struct Requested {
    pub requested_by: String,
    pub requested_by_staff_id: Option<i64>,
    pub requested_at: NaiveDateTime,
}

/// Whether a close of a center's month has been requested.
pub fn requested(conn: &mut DbConn, center_id: i64, month: Month) -> QueryResult<Option<Requested>> {
    month_close_requests::table
        .filter(month_close_requests::center_id.eq(center_id))
        .filter(month_close_requests::month.eq(month.to_string()))
        .select((
            month_close_requests::requested_by,
            month_close_requests::requested_by_staff_id,
            month_close_requests::requested_at,
        ))
        .first(conn)
        .optional()
}

/// Whether a center's month is closed.
pub fn closed(conn: &mut DbConn, center_id: i64, month: Month) -> QueryResult<Option<Closed>> {
    month_closes::table
        .filter(month_closes::center_id.eq(center_id))
        .filter(month_closes::month.eq(month.to_string()))
        .select((month_closes::closed_by, month_closes::closed_at))
        .first(conn)
        .optional()
}

/// Whether a center has anything in the ledger dated on or before `day` (a center with nothing
/// by a month's end has no month to close).
pub fn has_entries_until(conn: &mut DbConn, center_id: i64, day: NaiveDate) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        ledger_entries::table
            .filter(ledger_entries::center_id.eq(center_id))
            .filter(ledger_entries::occurred_on.le(day)),
    ))
    .get_result(conn)
}

/// Every closed month: (center id, month), oldest first.
pub fn closed_months(conn: &mut DbConn) -> QueryResult<Vec<(i64, Month)>> {
    let rows: Vec<(i64, String)> = month_closes::table
        .order((month_closes::month, month_closes::center_id))
        .select((month_closes::center_id, month_closes::month))
        .load(conn)?;
    Ok(rows.into_iter().filter_map(|(c, m)| Month::parse(&m).ok().map(|m| (c, m))).collect())
}

/// Refuses (409 `month_closed`) anything dated `on` at a center whose month is closed. Call it
/// in the write transaction after the ledger head is taken (`ledger::append` does).
pub fn ensure_open(conn: &mut DbConn, center_id: i64, on: NaiveDate) -> Result<(), AppError> {
    let month = Month::of(on);
    if closed(conn, center_id, month)?.is_none() {
        return Ok(());
    }
    let city: String = centers::table.find(center_id).select(centers::city).first(conn)?;
    Err(AppError::conflict(
        "month_closed",
        format!(
            "{} is closed for {city}: nothing dated {on} can be recorded any more. Record a correction as an \
             adjustment in an open month, naming {}.",
            month.label(),
            month.label()
        ),
    ))
}

/// One artisan's month as the close computes it. Amounts in paise.
#[derive(Debug, Clone, Serialize)]
pub struct ArtisanPay {
    pub artisan_id: i64,
    pub public_id: String,
    pub alias: String,
    /// `None`: no terms recorded; the artisan is judged as piece-rated (the legal floor).
    pub pay_basis: Option<PayBasis>,
    pub hours: MonthHours,
    pub paid_minutes: i64,
    /// The salary or stipend of the terms (`None` for piece rate).
    pub salary_minor: Option<i64>,
    /// Wages of pieces accepted this month (the ledger's `wage_earned` entries).
    pub piece_wages_minor: i64,
    /// Overtime at twice the ordinary rate: for a salary or stipend, paid on top of it at twice
    /// its hourly rate; for piece rate, the extra time-rate part of the guaranteed minimum.
    pub overtime_premium_minor: i64,
    /// Paid leave and holidays at the ordinary rate (within a salary; part of the guaranteed
    /// minimum for piece rate).
    pub paid_leave_minor: i64,
    /// What the month pays by the terms: the salary with its overtime pay, or the piece wages.
    pub month_pay_minor: i64,
    /// Paid hours at the legal minimum time rate, overtime hours counted twice.
    pub guaranteed_minor: i64,
    /// The shortfall of `month_pay_minor` against `guaranteed_minor` (0 if none).
    pub top_up_minor: i64,
    /// The month's wages: what it pays by the terms plus the top-up.
    pub wages_minor: i64,
    /// Deductions recorded in the month (a positive sum of the withheld amounts).
    pub deductions_minor: i64,
    /// The hours recorded on the pieces accepted this month (the ledger's wage entries).
    pub piece_minutes: i64,
}

impl ArtisanPay {
    /// Pieces accepted this month claim more hours of making than the register holds for the
    /// month (production, design and rework).
    pub fn piece_hours_exceed_register(&self) -> bool {
        self.piece_minutes > self.hours.making_minutes
    }

    /// Deductions above half of the month's wages (Code on Wages s.18).
    pub fn deductions_over_half(&self) -> bool {
        self.deductions_minor > 0 && self.deductions_minor * 2 > self.wages_minor
    }
}

/// A center's month, as computed (and, once closed, as posted).
#[derive(Debug, Clone, Serialize)]
pub struct CenterMonthPay {
    pub center_id: i64,
    pub city: String,
    pub month: Month,
    pub legal_min_monthly_minor: i64,
    pub standard_hours: i64,
    /// The legal minimum per hour, as a label ("₹60.09").
    pub legal_min_hourly: String,
    pub rows: Vec<ArtisanPay>,
    pub top_ups_minor: i64,
    /// Why the month cannot be closed as it stands (empty when it can).
    pub problems: Vec<String>,
    pub requested: Option<Requested>,
    pub closed: Option<Closed>,
}

fn minutes_at(minutes: i64, monthly_minor: i64, standard_hours: i64) -> Result<i64, AppError> {
    Ok(round_minor(Decimal::from(monthly_minor) * Decimal::from(minutes) / Decimal::from(standard_hours * 60))?)
}

/// Computes a center's month (nothing is written).
pub fn compute(conn: &mut DbConn, center_id: i64, month: Month) -> Result<CenterMonthPay, AppError> {
    let city: String =
        centers::table.find(center_id).select(centers::city).first(conn).optional()?.ok_or(AppError::NotFound)?;
    let (first, last) = (month.first_day(), month.last_day());
    let policy = policy::required_at(conn, center_id, last)?;
    let (legal, std_hours) = (policy.row.legal_min_monthly_minor, policy.row.standard_hours_per_month);
    let hours = register::month_hours(conn, center_id, month)?;
    let pieces: Vec<(i64, i64, i64)> = ledger_entries::table
        .filter(ledger_entries::center_id.eq(center_id))
        .filter(ledger_entries::kind.eq(EntryKind::WageEarned.code()))
        .filter(ledger_entries::occurred_on.between(first, last))
        .group_by(ledger_entries::artisan_id)
        .select((
            ledger_entries::artisan_id,
            sql::<BigInt>("CAST(SUM(ledger_entries.amount_minor) AS BIGINT)"),
            sql::<BigInt>("CAST(COALESCE(SUM(ledger_entries.labor_minutes), 0) AS BIGINT)"),
        ))
        .load(conn)?;
    let deductions: Vec<(i64, i64)> = ledger_entries::table
        .filter(ledger_entries::center_id.eq(center_id))
        .filter(ledger_entries::kind.eq(EntryKind::Deduction.code()))
        .filter(ledger_entries::occurred_on.between(first, last))
        .group_by(ledger_entries::artisan_id)
        .select((ledger_entries::artisan_id, sql::<BigInt>("CAST(-SUM(ledger_entries.amount_minor) AS BIGINT)")))
        .load(conn)?;
    let roster: Vec<(i64, String, String)> = artisans::table
        .filter(artisans::center_id.eq(center_id))
        .order(artisans::id)
        .select((artisans::id, artisans::public_id, artisans::public_alias))
        .load(conn)?;
    let mut rows = Vec::new();
    for (artisan_id, public_id, alias) in roster {
        let h = hours.get(&artisan_id).copied().unwrap_or_default();
        let (piece_wages, piece_minutes) =
            pieces.iter().find(|p| p.0 == artisan_id).map(|p| (p.1, p.2)).unwrap_or((0, 0));
        let deducted = deductions.iter().find(|d| d.0 == artisan_id).map(|d| d.1).unwrap_or(0);
        let t = terms::at(conn, artisan_id, last)?;
        let employed = t.as_ref().is_some_and(|t| t.ends_on.is_none_or(|end| end >= first));
        if h == MonthHours::default() && piece_wages == 0 && deducted == 0 && !employed {
            continue;
        }
        let paid = h.paid_minutes();
        let basis = t.as_ref().map(|t| t.pay_basis);
        let salary = t.as_ref().filter(|t| t.pay_basis.has_monthly_amount()).and_then(|t| t.monthly_salary_minor);
        let (month_pay, overtime_premium, paid_leave) = match (salary, t.as_ref()) {
            // The pieces a salaried artisan made were credited with their wages when accepted;
            // they count towards the salary (the close posts only what the salary adds), and
            // wages above the salary stay the artisan's. Overtime is paid on top.
            (Some(s), Some(t)) => {
                let ot = minutes_at(2 * h.overtime_minutes, s, t.standard_hours_per_month)?;
                let leave = minutes_at(h.paid_leave_minutes, s, t.standard_hours_per_month)?;
                (s.max(piece_wages).checked_add(ot).ok_or(crate::money::Overflow)?, ot, leave)
            }
            _ => (
                piece_wages,
                minutes_at(h.overtime_minutes, legal, std_hours)?,
                minutes_at(h.paid_leave_minutes, legal, std_hours)?,
            ),
        };
        let guaranteed = minutes_at(paid + h.overtime_minutes, legal, std_hours)?;
        let top_up = (guaranteed - month_pay).max(0);
        rows.push(ArtisanPay {
            artisan_id,
            public_id,
            alias,
            pay_basis: basis,
            hours: h,
            paid_minutes: paid,
            salary_minor: salary,
            piece_wages_minor: piece_wages,
            overtime_premium_minor: overtime_premium,
            paid_leave_minor: paid_leave,
            month_pay_minor: month_pay,
            guaranteed_minor: guaranteed,
            top_up_minor: top_up,
            wages_minor: month_pay.checked_add(top_up).ok_or(crate::money::Overflow)?,
            deductions_minor: deducted,
            piece_minutes,
        });
    }
    let top_ups = rows.iter().map(|r| r.top_up_minor).sum();
    let mut problems = Vec::new();
    for r in &rows {
        if r.piece_hours_exceed_register() {
            problems.push(format!(
                "Pieces accepted in {} claim {} of making by {}, but the time register holds {} of production, \
                 design and rework: correct the register or the pieces' hours first.",
                month.label(),
                policy::hours_label(r.piece_minutes),
                r.alias,
                policy::hours_label(r.hours.making_minutes),
            ));
        }
        if r.deductions_over_half() {
            problems.push(format!(
                "Deductions for {} total {}, more than half of the month's wages of {} (Code on Wages s.18): \
                 record a correcting adjustment first.",
                r.alias,
                policy::inr(r.deductions_minor),
                policy::inr(r.wages_minor),
            ));
        }
    }
    Ok(CenterMonthPay {
        center_id,
        city,
        month,
        legal_min_monthly_minor: legal,
        standard_hours: std_hours,
        legal_min_hourly: inr_rate(policy.legal_min_hourly()),
        rows,
        top_ups_minor: top_ups,
        problems,
        requested: requested(conn, center_id, month)?,
        closed: closed(conn, center_id, month)?,
    })
}

fn not_ended(month: Month, now: NaiveDateTime) -> Result<(), AppError> {
    if india_date(now) <= month.last_day() {
        return Err(AppError::bad_request(
            "month",
            format!("{} has not ended yet: a month can be closed from the first day of the next", month.label()),
        ));
    }
    Ok(())
}

fn refuse_if_closed(conn: &mut DbConn, month: Month, center_id: i64) -> Result<(), AppError> {
    match closed(conn, center_id, month)? {
        Some(c) => Err(AppError::conflict(
            "already_closed",
            format!("{} was already closed by {} on {}", month.label(), c.closed_by, c.closed_at.format("%Y-%m-%d")),
        )),
        None => Ok(()),
    }
}

fn refuse_problems(computed: &CenterMonthPay) -> Result<(), AppError> {
    if computed.problems.is_empty() {
        return Ok(());
    }
    Err(AppError::conflict(
        "month_not_closable",
        format!("{} cannot be closed yet. {}", computed.month.label(), computed.problems.join(" ")),
    ))
}

/// Asks for a center's month to be closed (four eyes, like adjustments: a second finance or
/// admin person approves it with [`approve`]). Nothing is posted yet. Refused before the month
/// has ended, for a month already closed or already waiting, and while the month has problems
/// (pieces claiming more hours than the register holds, deductions above half the wages).
pub fn request(
    conn: &mut DbConn,
    actor: &Actor,
    center_id: i64,
    month: Month,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    not_ended(month, now)?;
    db::write(conn, |conn| {
        ledger::lock_head(conn)?;
        refuse_if_closed(conn, month, center_id)?;
        if let Some(r) = requested(conn, center_id, month)? {
            return Err(AppError::conflict(
                "close_requested",
                format!(
                    "{} already waits to be closed: {} asked on {}; a second person must approve it",
                    month.label(),
                    r.requested_by,
                    r.requested_at.format("%Y-%m-%d %H:%M UTC")
                ),
            ));
        }
        let computed = compute(conn, center_id, month)?;
        refuse_problems(&computed)?;
        diesel::insert_into(month_close_requests::table)
            .values((
                month_close_requests::center_id.eq(center_id),
                month_close_requests::month.eq(month.to_string()),
                month_close_requests::requested_by.eq(&actor.label),
                month_close_requests::requested_by_staff_id.eq(actor.staff_id),
                month_close_requests::requested_at.eq(now),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: "wages.month.close_request",
                entity_type: "month_close",
                entity_id: Some(month.to_string()),
                center_id: Some(center_id),
                details: json!({ "month": month.to_string(), "top_ups_minor": computed.top_ups_minor }),
            },
            now,
        )?;
        Ok(())
    })
}

/// Withdraws a close request that has not been approved (anyone in finance: the request may
/// have been made in error). Audit-logged.
pub fn withdraw(
    conn: &mut DbConn,
    actor: &Actor,
    center_id: i64,
    month: Month,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    db::write(conn, |conn| {
        ledger::lock_head(conn)?;
        refuse_if_closed(conn, month, center_id)?;
        let n = diesel::delete(
            month_close_requests::table
                .filter(month_close_requests::center_id.eq(center_id))
                .filter(month_close_requests::month.eq(month.to_string())),
        )
        .execute(conn)?;
        if n == 0 {
            return Err(AppError::conflict("close_not_requested", format!("no close of {} is waiting", month.label())));
        }
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: "wages.month.close_withdraw",
                entity_type: "month_close",
                entity_id: Some(month.to_string()),
                center_id: Some(center_id),
                details: json!({ "month": month.to_string() }),
            },
            now,
        )?;
        Ok(())
    })
}

/// Approves a requested close and closes the month (see [`post`]). The approver must not be
/// the person who asked; each month is closed once.
pub fn approve(
    conn: &mut DbConn,
    actor: &Actor,
    center_id: i64,
    month: Month,
    now: NaiveDateTime,
    signer: Option<&crate::crypto::LedgerSigner>,
) -> Result<CenterMonthPay, AppError> {
    not_ended(month, now)?;
    db::write(conn, |conn| {
        ledger::lock_head(conn)?;
        refuse_if_closed(conn, month, center_id)?;
        let r = requested(conn, center_id, month)?.ok_or_else(|| {
            AppError::conflict(
                "close_not_requested",
                format!("no close of {} is waiting: someone in finance must ask for it first", month.label()),
            )
        })?;
        let same_person = match (r.requested_by_staff_id, actor.staff_id) {
            (Some(a), Some(b)) => a == b,
            _ => r.requested_by == actor.label,
        };
        if same_person {
            return Err(AppError::Forbidden(
                "A month close must be approved by a second person: someone else in finance or an admin.".into(),
            ));
        }
        post(conn, actor, center_id, month, &r, now, signer)
    })
}

/// Closes a center's month, inside the approver's write (the ledger head is taken, so no entry
/// can slip into the month between the computation and the close): posts each salaried
/// artisan's salary or stipend and overtime premium, each shortfall as a minimum-wage top-up
/// (all dated the month's last day), records the close and audit-logs it.
fn post(
    conn: &mut DbConn,
    actor: &Actor,
    center_id: i64,
    month: Month,
    request: &Requested,
    now: NaiveDateTime,
    signer: Option<&crate::crypto::LedgerSigner>,
) -> Result<CenterMonthPay, AppError> {
    let mut computed = compute(conn, center_id, month)?;
    refuse_problems(&computed)?;
    let policy_id = policy::required_at(conn, center_id, month.last_day())?.row.id;
    for r in &computed.rows {
        let Some(salary) = r.salary_minor else { continue };
        // What the salary adds to the piece wages already credited this month.
        let salary_line = (salary - r.piece_wages_minor).max(0);
        let lines = [(EntryKind::Salary, salary_line), (EntryKind::OvertimePremium, r.overtime_premium_minor)];
        for (kind, amount) in lines.into_iter().filter(|(_, a)| *a > 0) {
            let mut e = NewEntry::new(kind, r.artisan_id, center_id, amount, month.last_day());
            e.labor_minutes = Some(if kind == EntryKind::Salary { r.paid_minutes } else { r.hours.overtime_minutes });
            e.details = json!({
                "month": month.to_string(),
                "pay_basis": r.pay_basis.map(|b| b.code()),
                "salary_minor": salary,
                "piece_wages_minor": r.piece_wages_minor,
                "paid_minutes": r.paid_minutes,
                "overtime_minutes": r.hours.overtime_minutes,
                "paid_leave_minutes": r.hours.paid_leave_minutes,
            });
            e.recorded_by = actor.label.clone();
            ledger::append(conn, &e, now)?;
        }
    }
    for r in computed.rows.iter().filter(|r| r.top_up_minor > 0) {
        let mut e =
            NewEntry::new(EntryKind::MinimumWageTopUp, r.artisan_id, center_id, r.top_up_minor, month.last_day());
        e.labor_minutes = Some(r.paid_minutes);
        e.details = json!({
            "month": month.to_string(),
            "policy_id": policy_id,
            "paid_minutes": r.paid_minutes,
            "overtime_minutes": r.hours.overtime_minutes,
            "guaranteed_minor": r.guaranteed_minor,
            "month_pay_minor": r.month_pay_minor,
            "pay_basis": r.pay_basis.map(|b| b.code()),
        });
        e.recorded_by = actor.label.clone();
        ledger::append(conn, &e, now)?;
    }
    super::checkpoints::sign_head(conn, signer, center_id, month, now)?;
    diesel::insert_into(month_closes::table)
        .values((
            month_closes::center_id.eq(center_id),
            month_closes::month.eq(month.to_string()),
            month_closes::closed_by.eq(&actor.label),
            month_closes::closed_at.eq(now),
        ))
        .execute(conn)?;
    // The public impact figures and the claims on every page come from closed months.
    crate::web::page_cache::bump_version(conn)?;
    audit::record(
        conn,
        actor,
        &AuditEvent {
            action: "wages.month.close",
            entity_type: "month_close",
            entity_id: Some(month.to_string()),
            center_id: Some(center_id),
            details: json!({
                "month": month.to_string(),
                "requested_by": request.requested_by,
                "artisans": computed.rows.len(),
                "top_ups_minor": computed.top_ups_minor,
                "top_ups": computed.rows.iter().filter(|r| r.top_up_minor > 0)
                    .map(|r| json!({ "artisan_id": r.artisan_id, "amount_minor": r.top_up_minor }))
                    .collect::<Vec<_>>(),
            }),
        },
        now,
    )?;
    computed.closed = Some(Closed { closed_by: actor.label.clone(), closed_at: now });
    Ok(computed)
}
