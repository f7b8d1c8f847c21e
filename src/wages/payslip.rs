//! An artisan's itemised pay slip for a month (Code on Wages: a wage slip for every wage
//! period): hours by kind from the time register, the month's computation (`close::compute`),
//! and the month's counted ledger entries — each earning line, the minimum-wage top-up, sale
//! bonuses apart, each deduction with its reason, payments made and the balance owed.
//!
//! While the month is open the slip is a draft: what the close would post (the top-up, a
//! salary — less the piece wages already credited — and its overtime) is shown as "due at
//! month close" and counted, so the draft's
//! balance is what the closed month will say if nothing else changes. Once closed, every line is
//! a ledger entry and the closing balance is the ledger's.
//!
//! The slip names the artisan by alias and public id, never by legal name: managers print it
//! (they never see legal names), and a printed page can be lost at a workshop or a shelter.
//! The artisan knows who they are; the public id ties the slip to the register.
//!
//! Entry kinds are classified by their stored code (not a `match` on `EntryKind`), so kinds
//! added to the ledger later land in a section without a change here (an unknown kind is an
//! earning line with its own `entry-kind-<code>` label).

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use rust_decimal::Decimal;
use serde::Serialize;

use super::close;
use super::ledger::{self, counts, EntryRow};
use super::register;
use super::types::{DeductionKind, EntryKind, HourKind, Month, PayBasis};
use crate::db::DbConn;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::schema::{artisans, centers, ledger_entries};

/// The entry kinds the month close posts and s.18 deductions (named here too, so a slip keeps
/// its labels whatever `EntryKind::ALL` lists).
pub const UPCOMING_ENTRY_KINDS: [&str; 3] = ["salary", "overtime_premium", "deduction"];

/// The kinds of deduction the Code on Wages (s.18) allows, as `details.deduction_kind` holds
/// them (labels `deduction-<code>`). Never a fine.
pub fn deduction_kind_codes() -> Vec<&'static str> {
    DeductionKind::ALL.iter().map(|k| k.code()).collect()
}

/// Every entry-kind code a slip may name.
pub fn entry_kind_codes() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = EntryKind::ALL.iter().map(|k| k.code()).collect();
    for c in UPCOMING_ENTRY_KINDS {
        if !codes.contains(&c) {
            codes.push(c);
        }
    }
    codes
}

/// Earning kinds in the order a slip lists them (grouped: one line per kind with its count).
const EARNING_ORDER: [&str; 4] = ["salary", "wage_earned", "overtime_premium", "minimum_wage_top_up"];

/// One line of the slip. Amounts in paise, as the artisan reads them: deductions and
/// payments positive.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SlipLine {
    /// The entry kind's code (label `entry-kind-<code>`).
    pub kind: String,
    pub on: Option<NaiveDate>,
    pub amount_minor: i64,
    /// Entries summed into this line (pieces, sales).
    pub count: i64,
    /// For a deduction: one of `DeductionKind`'s codes (`None`: not a known kind; the generic
    /// label).
    pub deduction_kind: Option<String>,
    /// For a correction or a deduction: the reason recorded with it.
    pub reason: Option<String>,
    /// For a payment: bank, upi or cash.
    pub method: Option<String>,
    /// Not in the ledger yet: what the month close will post.
    pub expected: bool,
}

impl SlipLine {
    fn of(kind: &str, amount_minor: i64) -> Self {
        Self {
            kind: kind.to_string(),
            on: None,
            amount_minor,
            count: 1,
            deduction_kind: None,
            reason: None,
            method: None,
            expected: false,
        }
    }
}

/// An artisan's pay slip for a month.
#[derive(Debug, Clone)]
pub struct PaySlip {
    pub artisan_id: i64,
    pub public_id: String,
    pub alias: String,
    pub center_id: i64,
    /// The center's code ("kolkata"): its name in each language is `center-<code>`.
    pub center_code: String,
    pub center_city: String,
    pub month: Month,
    /// The artisan's chosen language.
    pub language: Lang,
    pub closed: bool,
    pub pay_basis: Option<PayBasis>,
    /// Minutes by kind of hour, every kind (0 where none).
    pub hours: Vec<(HourKind, i64)>,
    pub overtime_minutes: i64,
    pub paid_minutes: i64,
    pub earnings: Vec<SlipLine>,
    pub gross_minor: i64,
    pub deductions: Vec<SlipLine>,
    pub deductions_minor: i64,
    pub net_wages_minor: i64,
    /// Sale bonuses, one line (count and sum), kept apart from wages.
    pub bonuses: Option<SlipLine>,
    pub bonuses_minor: i64,
    pub net_pay_minor: i64,
    pub balance_start_minor: i64,
    pub payments: Vec<SlipLine>,
    pub paid_minor: i64,
    pub balance_end_minor: i64,
    /// Paid hours (overtime twice) at the legal minimum time rate.
    pub guaranteed_minor: i64,
    /// The legal minimum per hour, in rupees (unrounded).
    pub legal_min_hourly_rupees: Decimal,
    /// Paid leave and holidays at the ordinary rate (included in the lines above).
    pub paid_leave_minor: i64,
}

fn text(details: &serde_json::Value, key: &str) -> Option<String> {
    details.get(key).and_then(|v| v.as_str()).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// The slip of the artisan with `public_id` for `month`; `None` when there is no such artisan
/// or they belong to another center than `center_scope` (a manager's).
pub fn pay_slip(
    conn: &mut DbConn,
    public_id: &str,
    month: Month,
    center_scope: Option<i64>,
) -> Result<Option<PaySlip>, AppError> {
    let found: Option<(i64, String, String, i64, Lang)> = artisans::table
        .filter(artisans::public_id.eq(public_id))
        .select((
            artisans::id,
            artisans::public_id,
            artisans::public_alias,
            artisans::center_id,
            artisans::slip_language,
        ))
        .first(conn)
        .optional()?;
    let Some((artisan_id, public_id, alias, center_id, language)) = found else {
        return Ok(None);
    };
    if center_scope.is_some_and(|c| c != center_id) {
        return Ok(None);
    }
    let (center_code, center_city): (String, String) =
        centers::table.find(center_id).select((centers::code, centers::city)).first(conn)?;
    let (first, last) = (month.first_day(), month.last_day());
    let computed = close::compute(conn, center_id, month)?;
    let closed = computed.closed.is_some();
    let row = computed.rows.iter().find(|r| r.artisan_id == artisan_id);

    let mut minutes_by_kind: Vec<(HourKind, i64)> = HourKind::ALL.iter().map(|&k| (k, 0)).collect();
    for c in register::between(conn, center_id, first, last)?.into_iter().filter(|c| c.artisan_id == artisan_id) {
        if let Some(slot) = minutes_by_kind.iter_mut().find(|(k, _)| *k == c.kind) {
            slot.1 += c.minutes;
        }
    }

    let entries: Vec<EntryRow> = ledger_entries::table
        .filter(ledger_entries::artisan_id.eq(artisan_id))
        .filter(ledger_entries::occurred_on.between(first, last))
        .filter(counts())
        .order((ledger_entries::occurred_on, ledger_entries::id))
        .select(EntryRow::as_select())
        .load(conn)?;

    let mut grouped: Vec<SlipLine> = Vec::new();
    let (mut corrections, mut deductions, mut payments) = (Vec::new(), Vec::new(), Vec::new());
    let mut bonuses: Option<SlipLine> = None;
    for e in &entries {
        let code = e.kind.code();
        let details = e.details_json();
        match code {
            "sale_bonus" => {
                let b = bonuses.get_or_insert_with(|| SlipLine { count: 0, ..SlipLine::of(code, 0) });
                b.amount_minor += e.amount_minor;
                b.count += 1;
            }
            "payout" => payments.push(SlipLine {
                on: Some(e.occurred_on),
                method: e.payout_details().map(|p| p.method.code().to_string()),
                ..SlipLine::of(code, -e.amount_minor)
            }),
            "deduction" => deductions.push(SlipLine {
                on: Some(e.occurred_on),
                deduction_kind: text(&details, "deduction_kind")
                    .filter(|k| DeductionKind::ALL.iter().any(|d| d.code() == k.as_str())),
                reason: text(&details, "reason"),
                ..SlipLine::of(code, -e.amount_minor)
            }),
            "adjustment" => corrections.push(SlipLine {
                on: Some(e.occurred_on),
                reason: text(&details, "reason"),
                ..SlipLine::of(code, e.amount_minor)
            }),
            // Decisions on corrections carry no amount.
            "adjustment_approved" | "adjustment_rejected" => {}
            _ => match grouped.iter_mut().find(|l| l.kind == code) {
                Some(l) => {
                    l.amount_minor += e.amount_minor;
                    l.count += 1;
                }
                None => grouped.push(SlipLine::of(code, e.amount_minor)),
            },
        }
    }
    // While the month is open: what the close will post, when the ledger has none of it yet.
    if let (false, Some(r)) = (closed, row) {
        let mut expect = |kind: &str, amount: i64| {
            if amount > 0 && !grouped.iter().any(|l| l.kind == kind) {
                grouped.push(SlipLine { expected: true, ..SlipLine::of(kind, amount) });
            }
        };
        if let Some(salary) = r.salary_minor {
            // As the close posts it: what the salary adds to the piece wages already credited.
            expect("salary", (salary - r.piece_wages_minor).max(0));
            expect("overtime_premium", r.overtime_premium_minor);
        }
        expect("minimum_wage_top_up", r.top_up_minor);
    }
    let rank = |kind: &str| EARNING_ORDER.iter().position(|k| *k == kind).unwrap_or(EARNING_ORDER.len());
    grouped.sort_by_key(|l| rank(&l.kind));
    let mut earnings = grouped;
    earnings.extend(corrections);

    let sum = |lines: &[SlipLine]| lines.iter().map(|l| l.amount_minor).sum::<i64>();
    let gross = sum(&earnings);
    let deducted = sum(&deductions);
    let bonuses_minor = bonuses.as_ref().map_or(0, |b| b.amount_minor);
    let paid = sum(&payments);
    let net_wages = gross - deducted;
    let net_pay = net_wages + bonuses_minor;
    let balance_start = ledger::balance_of(conn, artisan_id, Some(first - Duration::days(1)))?;
    let std_hours = computed.standard_hours.max(1);
    Ok(Some(PaySlip {
        artisan_id,
        public_id,
        alias,
        center_id,
        center_code,
        center_city,
        month,
        language,
        closed,
        pay_basis: row.and_then(|r| r.pay_basis),
        hours: minutes_by_kind,
        overtime_minutes: row.map_or(0, |r| r.hours.overtime_minutes),
        paid_minutes: row.map_or(0, |r| r.paid_minutes),
        earnings,
        gross_minor: gross,
        deductions,
        deductions_minor: deducted,
        net_wages_minor: net_wages,
        bonuses,
        bonuses_minor,
        net_pay_minor: net_pay,
        balance_start_minor: balance_start,
        payments,
        paid_minor: paid,
        balance_end_minor: balance_start + net_pay - paid,
        guaranteed_minor: row.map_or(0, |r| r.guaranteed_minor),
        legal_min_hourly_rupees: Decimal::from(computed.legal_min_monthly_minor) / Decimal::from(std_hours * 100),
        paid_leave_minor: row.map_or(0, |r| r.paid_leave_minor),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_slip_kind_is_listed_once() {
        let codes = entry_kind_codes();
        for c in UPCOMING_ENTRY_KINDS.iter().chain(["wage_earned", "payout", "minimum_wage_top_up"].iter()) {
            assert_eq!(codes.iter().filter(|k| *k == c).count(), 1, "{c}");
        }
    }
}
