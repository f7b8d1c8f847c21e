//! The use cases that write the ledger: a piece's wages when it is accepted into inventory,
//! the sale bonus when an order is paid, exchange rates, payouts, and adjustments with their
//! second-person approval. Each runs inside the caller's (or its own) write transaction and
//! audit-logs what a person did.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::json;

use super::ledger::{self, NewEntry};
use super::policy::{self, inr, WageCheck};
use super::split;
use super::types::{india_date, DeductionKind, EntryKind, Month, PayoutMethod, PositiveDecimal};
use crate::audit::{self, Actor, AuditEvent};
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::money::Currency;
use crate::schema::{
    artisans, exchange_rates, ledger_entries, order_charges, order_events, order_items, piece_makers, pieces,
};

/// Who made a piece: (artisan id, minutes).
pub fn makers_of(conn: &mut DbConn, piece_id: i64) -> QueryResult<Vec<(i64, i64)>> {
    piece_makers::table
        .filter(piece_makers::piece_id.eq(piece_id))
        .order(piece_makers::artisan_id)
        .select((piece_makers::artisan_id, piece_makers::labor_minutes))
        .load(conn)
}

/// A piece's wage as the form would propose and check it: the center's policy on `on`.
#[derive(Debug, Clone, Serialize)]
pub struct WageProposal {
    pub minutes: i64,
    pub proposed_minor: i64,
    pub wage_minor: i64,
    pub check: WageCheck,
    /// Each maker's share of `wage_minor`, by hours.
    pub shares: Vec<(i64, i64)>,
}

/// Proposes (and checks) the wage for a labor record at a center on a day. `wage_minor` is
/// the wage staff chose, or `None` to take the proposal.
pub fn propose(
    conn: &mut DbConn,
    center_id: i64,
    makers: &[(i64, i64)],
    wage_minor: Option<i64>,
    on: NaiveDate,
) -> Result<WageProposal, AppError> {
    let policy = policy::required_at(conn, center_id, on)?;
    let minutes: i64 = makers.iter().map(|m| m.1).sum();
    let proposed_minor = policy.proposed_wage(minutes)?;
    let wage_minor = wage_minor.unwrap_or(proposed_minor);
    Ok(WageProposal {
        minutes,
        proposed_minor,
        wage_minor,
        check: policy.check(wage_minor, minutes),
        shares: split::by_minutes(wage_minor, makers),
    })
}

/// Accepts a piece into inventory: its makers' wages enter the ledger, shared by hours, and
/// the piece's labor record and wage are fixed from then on. Artisans are paid for their
/// work, not for sales: this happens when the piece is accepted, whether or not it ever sells.
/// A piece already accepted is left alone (publishing again after a withdrawal pays nothing
/// twice). Refused, with a message for the form, when the piece has no labor record, the
/// center no policy, or the wage is below the legal minimum per hour.
pub fn accept_piece(conn: &mut DbConn, piece_id: i64, actor: &Actor, now: NaiveDateTime) -> Result<Vec<i64>, AppError> {
    db::write(conn, |conn| {
        let (center_id, wage, accepted_at): (i64, Option<i64>, Option<NaiveDateTime>) = pieces::table
            .find(piece_id)
            .select((pieces::center_id, pieces::wage_minor, pieces::accepted_at))
            .first(conn)
            .optional()?
            .ok_or(AppError::NotFound)?;
        if accepted_at.is_some() {
            return Ok(Vec::new());
        }
        let makers = makers_of(conn, piece_id)?;
        if makers.is_empty() {
            return Err(AppError::bad_request(
                "labor",
                "record who made the piece and how long it took before publishing it: its makers' wages are \
                 recorded when it is accepted into inventory",
            ));
        }
        let on = india_date(now);
        let p = propose(conn, center_id, &makers, wage, on)?;
        if let WageCheck::BelowLegalMinimum { message } = &p.check {
            return Err(AppError::bad_request("wage", message.clone()));
        }
        let n = diesel::update(pieces::table.find(piece_id).filter(pieces::accepted_at.is_null()))
            .set((pieces::accepted_at.eq(now), pieces::wage_minor.eq(p.wage_minor)))
            .execute(conn)?;
        if n != 1 {
            return Ok(Vec::new());
        }
        let policy_id = policy::required_at(conn, center_id, on)?.row.id;
        let mut ids = Vec::new();
        for ((artisan_id, share), (_, minutes)) in p.shares.iter().zip(&makers) {
            let mut e = NewEntry::new(EntryKind::WageEarned, *artisan_id, center_id, *share, on);
            e.labor_minutes = Some(*minutes);
            e.piece_id = Some(piece_id);
            e.details = json!({
                "piece_wage_minor": p.wage_minor,
                "proposed_minor": p.proposed_minor,
                "piece_minutes": p.minutes,
                "policy_id": policy_id,
                "below_living_wage": matches!(p.check, WageCheck::BelowLivingWage { .. }),
            });
            e.recorded_by = actor.label.clone();
            ids.push(ledger::append(conn, &e, now)?);
        }
        Ok(ids)
    })
}

/// What posting an order's sale bonus did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BonusOutcome {
    /// This many entries were added (0 when they were already there).
    Posted(usize),
    /// No exchange rate is recorded for the sale currency on the payment day: the bonus is
    /// posted when finance records it (reconciliation lists the order until then).
    AwaitingRate { currency: Currency, on: NaiveDate },
}

/// The kind of timeline entry with which an order's payment counted (`orders::types::event::
/// PAID`; a test there checks the two agree). Wages read sales from the orders' timeline rather
/// than depend on the orders feature, which calls into wages when a payment counts.
pub const SALE_EVENT: &str = "paid";

/// The day (in India) an order was paid, from its `paid` event.
pub fn paid_on(conn: &mut DbConn, order_id: i64) -> QueryResult<Option<NaiveDate>> {
    let at: Option<NaiveDateTime> = order_events::table
        .filter(order_events::order_id.eq(order_id))
        .filter(order_events::kind.eq(SALE_EVENT))
        .order(order_events::id)
        .select(order_events::at)
        .first(conn)
        .optional()?;
    Ok(at.map(india_date))
}

/// Rupees per unit of `currency` recorded for a day (1 for rupees).
pub fn rate_for(conn: &mut DbConn, currency: Currency, on: NaiveDate) -> Result<Option<Decimal>, AppError> {
    if currency == ledger::CURRENCY {
        return Ok(Some(Decimal::ONE));
    }
    let raw: Option<String> = exchange_rates::table
        .filter(exchange_rates::currency.eq(currency))
        .filter(exchange_rates::rate_date.eq(on))
        .select(exchange_rates::inr_per_unit)
        .first(conn)
        .optional()?;
    raw.map(|r| PositiveDecimal::rate(&r).map(|d| d.get()).map_err(AppError::corrupt)).transpose()
}

/// The rupee rate of `currency` nearest a day, for showing a rupee amount in another currency
/// (never for posting): the rate recorded for `on`, else the latest before it, else the first
/// after it; with the day it was recorded for. `None` when no rate was ever recorded.
pub fn rate_near(
    conn: &mut DbConn,
    currency: Currency,
    on: NaiveDate,
) -> Result<Option<(NaiveDate, Decimal)>, AppError> {
    if currency == ledger::CURRENCY {
        return Ok(Some((on, Decimal::ONE)));
    }
    let before: Option<(NaiveDate, String)> = exchange_rates::table
        .filter(exchange_rates::currency.eq(currency))
        .filter(exchange_rates::rate_date.le(on))
        .order(exchange_rates::rate_date.desc())
        .select((exchange_rates::rate_date, exchange_rates::inr_per_unit))
        .first(conn)
        .optional()?;
    let found = match before {
        Some(r) => Some(r),
        None => exchange_rates::table
            .filter(exchange_rates::currency.eq(currency))
            .filter(exchange_rates::rate_date.gt(on))
            .order(exchange_rates::rate_date.asc())
            .select((exchange_rates::rate_date, exchange_rates::inr_per_unit))
            .first(conn)
            .optional()?,
    };
    found.map(|(d, r)| PositiveDecimal::rate(&r).map(|r| (d, r.get())).map_err(AppError::corrupt)).transpose()
}

/// What a piece's makers received for it in the ledger: the wages posted when it was accepted
/// and the sale bonus posted when it was paid for, each as (day, rupee minor units) summed over
/// the makers, in day order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PiecePay {
    pub wages: Vec<(NaiveDate, i64)>,
    pub bonus: Vec<(NaiveDate, i64)>,
}

pub fn piece_pay(conn: &mut DbConn, piece_id: i64) -> QueryResult<PiecePay> {
    let mut pay = PiecePay::default();
    for (kind, out) in [(EntryKind::WageEarned, &mut pay.wages), (EntryKind::SaleBonus, &mut pay.bonus)] {
        let rows: Vec<(NaiveDate, i64)> = ledger_entries::table
            .filter(ledger_entries::piece_id.eq(piece_id))
            .filter(ledger_entries::kind.eq(kind.code()))
            .order((ledger_entries::occurred_on, ledger_entries::id))
            .select((ledger_entries::occurred_on, ledger_entries::amount_minor))
            .load(conn)?;
        for (day, amount) in rows {
            match out.last_mut() {
                Some((d, sum)) if *d == day => *sum += amount,
                _ => out.push((day, amount)),
            }
        }
    }
    Ok(pay)
}

/// Posts the sale bonus of a paid order: for each piece, the center's bonus percentage (policy
/// in force on the payment day) of the piece's net sale — its price on the order, shipping
/// excluded — converted to rupees at the rate finance recorded for that day, rounded to the
/// paisa (half away from zero; `Policy::sale_bonus`), then shared by the makers' hours. Idempotent: a piece whose
/// bonus is in the ledger is skipped (and a unique index refuses a second one), so a webhook
/// delivered twice pays no second bonus.
///
/// Refunds never claw back a bonus (or a wage): the artisan's work was done and paid for in
/// good faith; a refund is the shop's cost. `orders::admin` and the refund webhook therefore
/// never touch the ledger.
pub fn post_sale_bonus(conn: &mut DbConn, order_id: i64, now: NaiveDateTime) -> Result<BonusOutcome, AppError> {
    db::write(conn, |conn| {
        // Before the rate is read: see `record_rate`.
        ledger::lock_head(conn)?;
        let Some(on) = paid_on(conn, order_id)? else {
            return Ok(BonusOutcome::Posted(0));
        };
        let items: Vec<(i64, i64, i64, Currency)> = order_items::table
            .filter(order_items::order_id.eq(order_id))
            .order(order_items::id)
            .select((order_items::piece_id, order_items::center_id, order_items::price_minor, order_items::currency))
            .load(conn)?;
        // A buyer who paid in another currency was charged at rates recorded at checkout; the
        // order keeps the rupee rate of its base currency (`order_charges`), and the bonus is
        // converted at it, whatever finance records for the payment day later.
        let recorded: Option<(Currency, String, NaiveDate)> = order_charges::table
            .find(order_id)
            .select((order_charges::base_currency, order_charges::base_inr_per_unit, order_charges::rate_date))
            .first(conn)
            .optional()?;
        let mut posted = 0;
        for (piece_id, center_id, price_minor, currency) in items {
            let done: i64 = ledger_entries::table
                .filter(ledger_entries::kind.eq(EntryKind::SaleBonus.code()))
                .filter(ledger_entries::order_id.eq(order_id))
                .filter(ledger_entries::piece_id.eq(piece_id))
                .count()
                .get_result(conn)?;
            if done > 0 {
                continue;
            }
            let (rate, rate_date) = match &recorded {
                Some((base, inr, day)) if *base == currency => {
                    (PositiveDecimal::rate(inr).map_err(AppError::corrupt)?.get(), *day)
                }
                _ => match rate_for(conn, currency, on)? {
                    Some(rate) => (rate, on),
                    None => return Ok(BonusOutcome::AwaitingRate { currency, on }),
                },
            };
            let Some(policy) = policy::at(conn, center_id, on)? else {
                tracing::warn!(order_id, center_id, %on, "no wage policy in force: sale bonus not posted");
                continue;
            };
            let makers = makers_of(conn, piece_id)?;
            let bonus = policy.sale_bonus(price_minor, rate)?;
            for ((artisan_id, share), (_, minutes)) in split::by_minutes(bonus, &makers).into_iter().zip(&makers) {
                let mut e = NewEntry::new(EntryKind::SaleBonus, artisan_id, center_id, share, on);
                e.piece_id = Some(piece_id);
                e.order_id = Some(order_id);
                e.details = json!({
                    "net_sale_minor": price_minor,
                    "sale_currency": currency,
                    "inr_per_unit": rate.normalize().to_string(),
                    "rate_date": rate_date.to_string(),
                    "bonus_percent": policy.bonus_percent.normalize().to_string(),
                    "piece_bonus_minor": bonus,
                    "policy_id": policy.row.id,
                    "maker_minutes": minutes,
                });
                e.recorded_by = "system".into();
                ledger::append(conn, &e, now)?;
                posted += 1;
            }
        }
        Ok(BonusOutcome::Posted(posted))
    })
}

/// Records the rate of a sale currency for a day (rupees per unit, up to 6 decimals), then
/// posts the bonuses of orders paid that day which were waiting for it. A recorded rate is
/// never changed: bonuses were computed with it.
pub fn record_rate(
    conn: &mut DbConn,
    actor: &Actor,
    currency: Currency,
    on: NaiveDate,
    rate: PositiveDecimal,
    now: NaiveDateTime,
) -> Result<usize, AppError> {
    record_rate_from(conn, actor, currency, on, rate, "", now)
}

/// `record_rate` naming where the rate was taken from (blank: "not recorded"). Buyers who pay
/// in this currency are charged at it (`pricing::presentment`), and their orders keep the source.
pub fn record_rate_from(
    conn: &mut DbConn,
    actor: &Actor,
    currency: Currency,
    on: NaiveDate,
    rate: PositiveDecimal,
    source: &str,
    now: NaiveDateTime,
) -> Result<usize, AppError> {
    let source = if source.trim().is_empty() { "not recorded" } else { source.trim() };
    db::write(conn, |conn| {
        if currency == ledger::CURRENCY {
            return Err(AppError::bad_request("currency", "rupees need no exchange rate"));
        }
        // Piece pages show rupee amounts in the shop's currency at the recorded rates. The
        // catalog version is taken before the ledger head, in the order a payment takes them
        // (`orders::fulfilment` bumps the version, then posts the sale bonus): the other order
        // deadlocks on PostgreSQL.
        crate::web::page_cache::bump_version(conn)?;
        // With the head locked, a payment committing meanwhile is either seen below (and its
        // bonus posted here) or sees this rate (`post_sale_bonus` takes the same lock).
        ledger::lock_head(conn)?;
        let exists: i64 = exchange_rates::table
            .filter(exchange_rates::currency.eq(currency))
            .filter(exchange_rates::rate_date.eq(on))
            .count()
            .get_result(conn)?;
        if exists > 0 {
            return Err(AppError::bad_request(
                "rate",
                format!(
                    "a {currency} rate for {on} is already recorded and bonuses may have been computed with it; \
                     a wrong bonus is corrected with an adjustment"
                ),
            ));
        }
        diesel::insert_into(exchange_rates::table)
            .values((
                exchange_rates::currency.eq(currency),
                exchange_rates::rate_date.eq(on),
                exchange_rates::inr_per_unit.eq(rate.get().to_string()),
                exchange_rates::recorded_by.eq(&actor.label),
                exchange_rates::recorded_at.eq(now),
                exchange_rates::source.eq(source),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: "exchange_rate.record",
                entity_type: "exchange_rate",
                entity_id: Some(format!("{currency}:{on}")),
                center_id: None,
                details: json!({
                    "currency": currency,
                    "date": on.to_string(),
                    "inr_per_unit": rate.get().to_string(),
                    "source": source,
                }),
            },
            now,
        )?;
        // Orders paid that day (an India day, as UTC bounds).
        let start = on.and_hms_opt(0, 0, 0).expect("midnight exists") - Duration::minutes(330);
        let waiting: Vec<i64> = order_events::table
            .inner_join(crate::schema::orders::table)
            .filter(order_events::kind.eq(SALE_EVENT))
            .filter(order_events::at.ge(start))
            .filter(order_events::at.lt(start + Duration::days(1)))
            .filter(crate::schema::orders::currency.eq(currency))
            .select(order_events::order_id)
            .distinct()
            .load(conn)?;
        let mut posted = 0;
        for order_id in waiting {
            if let BonusOutcome::Posted(n) = post_sale_bonus(conn, order_id, now)? {
                posted += n;
            }
        }
        Ok(posted)
    })
}

fn artisan_center(conn: &mut DbConn, artisan_id: i64) -> Result<i64, AppError> {
    artisans::table
        .find(artisan_id)
        .select(artisans::center_id)
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::bad_request("artisan", "no such artisan"))
}

/// A payout as finance enters it.
#[derive(Debug, Clone)]
pub struct PayoutInput {
    pub artisan_id: i64,
    /// What was paid, in rupee minor units (positive).
    pub amount_minor: i64,
    pub paid_on: NaiveDate,
    pub method: PayoutMethod,
    /// The bank or UPI transaction reference, or a receipt number for cash.
    pub reference: String,
}

/// Records money handed to an artisan. Refused: nothing or a negative amount, a date in the
/// future, a bank or UPI payment without its reference, or more than the artisan is owed
/// (an advance or an overpayment goes through an approved adjustment instead).
pub fn record_payout(conn: &mut DbConn, actor: &Actor, p: &PayoutInput, now: NaiveDateTime) -> Result<i64, AppError> {
    db::write(conn, |conn| {
        if p.amount_minor <= 0 {
            return Err(AppError::bad_request("amount", "enter the amount paid, more than zero"));
        }
        if p.paid_on > india_date(now) {
            return Err(AppError::bad_request("paid_on", "the payment date is in the future"));
        }
        let reference = p.reference.trim();
        if reference.chars().count() > 100 {
            return Err(AppError::bad_request("reference", "the reference is longer than 100 characters"));
        }
        if reference.is_empty() && p.method != PayoutMethod::Cash {
            return Err(AppError::bad_request(
                "reference",
                "enter the transaction reference of the bank or UPI payment, so it can be traced",
            ));
        }
        let center_id = artisan_center(conn, p.artisan_id)?;
        // The balance is read under the head's lock: concurrent payouts cannot both pass.
        ledger::lock_head(conn)?;
        let owed = ledger::balance_of(conn, p.artisan_id, None)?;
        if p.amount_minor > owed {
            return Err(AppError::bad_request(
                "amount",
                format!("{} is more than the {} this artisan is owed", inr(p.amount_minor), inr(owed.max(0))),
            ));
        }
        let mut e = NewEntry::new(EntryKind::Payout, p.artisan_id, center_id, -p.amount_minor, p.paid_on);
        e.details = json!({ "method": p.method.code(), "reference": reference });
        e.recorded_by = actor.label.clone();
        let id = ledger::append(conn, &e, now)?;
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: "ledger.payout",
                entity_type: "ledger_entry",
                entity_id: Some(id.to_string()),
                center_id: Some(center_id),
                details: json!({ "artisan_id": p.artisan_id, "amount_minor": p.amount_minor, "paid_on": p.paid_on.to_string(),
                    "method": p.method.code(), "reference": reference }),
            },
            now,
        )?;
        Ok(id)
    })
}

/// A deduction as finance enters it.
#[derive(Debug, Clone)]
pub struct DeductionInput {
    pub artisan_id: i64,
    pub kind: DeductionKind,
    /// What is withheld, in rupee minor units (positive).
    pub amount_minor: i64,
    pub on: NaiveDate,
    pub reason: String,
}

/// Records a deduction from an artisan's wages (Code on Wages s.18). Refused, with nothing
/// saved: a kind the wage policy in force does not list (fines never exist as a kind), no
/// reason, a closed month, or deductions for the month adding up to more than half of the
/// month's wages as computed so far (month close checks the half again on the final figures).
pub fn record_deduction(
    conn: &mut DbConn,
    actor: &Actor,
    d: &DeductionInput,
    now: NaiveDateTime,
) -> Result<i64, AppError> {
    db::write(conn, |conn| {
        if d.amount_minor <= 0 {
            return Err(AppError::bad_request("amount", "enter the amount withheld, more than zero"));
        }
        let reason = d.reason.trim();
        if reason.chars().count() < 10 {
            return Err(AppError::bad_request(
                "reason",
                "say what the deduction is for, in a sentence the artisan and an auditor will understand (at least 10 characters)",
            ));
        }
        if reason.chars().count() > 500 {
            return Err(AppError::bad_request("reason", "keep the reason under 500 characters"));
        }
        let center_id = artisan_center(conn, d.artisan_id)?;
        let policy = super::policy::required_at(conn, center_id, d.on)?;
        if !policy.deductions().contains(&d.kind) {
            return Err(AppError::bad_request(
                "kind",
                format!(
                    "the wage policy in force on {} does not allow deductions for \"{}\"; finance can list it in a \
                     new policy version if the law allows it",
                    d.on,
                    d.kind.label()
                ),
            ));
        }
        // The month's wages and earlier deductions are read under the head's lock: two
        // deductions at once cannot both pass the half.
        ledger::lock_head(conn)?;
        let month = Month::of(d.on);
        super::close::ensure_open(conn, center_id, d.on)?;
        let computed = super::close::compute(conn, center_id, month)?;
        let row = computed.rows.iter().find(|r| r.artisan_id == d.artisan_id);
        let (wages, before) = row.map(|r| (r.wages_minor, r.deductions_minor)).unwrap_or((0, 0));
        let total = before.checked_add(d.amount_minor).ok_or(crate::money::Overflow)?;
        if total * 2 > wages {
            return Err(AppError::bad_request(
                "amount",
                format!(
                    "deductions for {} would total {}, more than half of the month's wages so far ({}); at most {} more \
                     can be deducted (Code on Wages s.18)",
                    month.label(),
                    inr(total),
                    inr(wages),
                    inr((wages / 2 - before).max(0)),
                ),
            ));
        }
        let mut e = NewEntry::new(EntryKind::Deduction, d.artisan_id, center_id, -d.amount_minor, d.on);
        e.details = json!({ "deduction_kind": d.kind.code(), "reason": reason, "policy_id": policy.row.id });
        e.recorded_by = actor.label.clone();
        let id = ledger::append(conn, &e, now)?;
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: "ledger.deduction",
                entity_type: "ledger_entry",
                entity_id: Some(id.to_string()),
                center_id: Some(center_id),
                details: json!({ "artisan_id": d.artisan_id, "amount_minor": d.amount_minor, "on": d.on.to_string(),
                    "kind": d.kind.code(), "reason": reason }),
            },
            now,
        )?;
        Ok(id)
    })
}

/// An adjustment as finance proposes it: a signed amount and the reason. A correction of a
/// particular entry names it in `corrects` (e.g. a payout typed wrong is reversed by an
/// adjustment of the opposite amount).
#[derive(Debug, Clone)]
pub struct AdjustmentInput {
    pub artisan_id: i64,
    pub amount_minor: i64,
    pub on: NaiveDate,
    pub reason: String,
    pub corrects: Option<i64>,
    /// The closed month this corrects: a closed month takes no entries, so its corrections go
    /// into an open month and name it. Filled in from `corrects` when that entry is in one.
    pub corrects_month: Option<Month>,
}

/// Proposes an adjustment. It is in the ledger at once but counts towards the balance only
/// after a second finance or admin person approves it (`decide_adjustment`).
pub fn propose_adjustment(
    conn: &mut DbConn,
    actor: &Actor,
    a: &AdjustmentInput,
    now: NaiveDateTime,
) -> Result<i64, AppError> {
    db::write(conn, |conn| {
        if a.amount_minor == 0 {
            return Err(AppError::bad_request("amount", "an adjustment of nothing changes nothing; enter an amount"));
        }
        let reason = a.reason.trim();
        if reason.chars().count() < 10 {
            return Err(AppError::bad_request(
                "reason",
                "say why, in a sentence an auditor will understand (at least 10 characters)",
            ));
        }
        if reason.chars().count() > 500 {
            return Err(AppError::bad_request("reason", "keep the reason under 500 characters"));
        }
        let center_id = artisan_center(conn, a.artisan_id)?;
        let mut corrects_month = a.corrects_month;
        if let Some(c) = a.corrects {
            let target = ledger::find(conn, c)?
                .ok_or_else(|| AppError::bad_request("corrects", format!("there is no ledger entry {c}")))?;
            if target.artisan_id != a.artisan_id {
                return Err(AppError::bad_request("corrects", format!("entry {c} belongs to another artisan")));
            }
            let of_target = Month::of(target.occurred_on);
            if corrects_month.is_none() && super::close::closed(conn, center_id, of_target)?.is_some() {
                corrects_month = Some(of_target);
            }
        }
        if let Some(m) = corrects_month {
            if super::close::closed(conn, center_id, m)?.is_none() {
                return Err(AppError::bad_request(
                    "corrects_month",
                    format!("{} is not closed: record the correction in that month itself", m.label()),
                ));
            }
            if Month::of(a.on) == m {
                return Err(AppError::bad_request(
                    "occurred_on",
                    format!(
                        "{} is closed: date the correction in an open month; it will name {}",
                        m.label(),
                        m.label()
                    ),
                ));
            }
        }
        let mut e = NewEntry::new(EntryKind::Adjustment, a.artisan_id, center_id, a.amount_minor, a.on);
        e.refers_to = a.corrects;
        e.details = match corrects_month {
            Some(m) => {
                json!({ "reason": reason, "proposed_by_staff_id": actor.staff_id, "corrects_month": m.to_string() })
            }
            None => json!({ "reason": reason, "proposed_by_staff_id": actor.staff_id }),
        };
        e.recorded_by = actor.label.clone();
        let id = ledger::append(conn, &e, now)?;
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: "ledger.adjustment.propose",
                entity_type: "ledger_entry",
                entity_id: Some(id.to_string()),
                center_id: Some(center_id),
                details: json!({ "artisan_id": a.artisan_id, "amount_minor": a.amount_minor, "reason": reason,
                    "corrects": a.corrects, "corrects_month": corrects_month.map(|m| m.to_string()) }),
            },
            now,
        )?;
        Ok(id)
    })
}

/// Approves or rejects a proposed adjustment: a new entry (amount 0) naming it. The person
/// deciding must not be the one who proposed it, and each adjustment is decided once.
pub fn decide_adjustment(
    conn: &mut DbConn,
    actor: &Actor,
    adjustment_id: i64,
    approve: bool,
    note: &str,
    now: NaiveDateTime,
) -> Result<i64, AppError> {
    db::write(conn, |conn| {
        // Two people deciding at once: the second waits here, then sees the first decision.
        ledger::lock_head(conn)?;
        let adj = ledger::find(conn, adjustment_id)?.filter(|e| e.kind == EntryKind::Adjustment).ok_or_else(|| {
            AppError::bad_request("adjustment", format!("entry {adjustment_id} is not an adjustment"))
        })?;
        let proposer = adj.details_json().get("proposed_by_staff_id").and_then(|v| v.as_i64());
        if adj.recorded_by == actor.label || (proposer.is_some() && proposer == actor.staff_id) {
            return Err(AppError::Forbidden(
                "An adjustment must be approved by a second person: someone else in finance or an admin.".into(),
            ));
        }
        let decided: i64 = ledger_entries::table
            .filter(ledger_entries::refers_to.eq(adjustment_id))
            .filter(
                ledger_entries::kind
                    .eq_any([EntryKind::AdjustmentApproved.code(), EntryKind::AdjustmentRejected.code()]),
            )
            .count()
            .get_result(conn)?;
        if decided > 0 {
            return Err(AppError::bad_request("adjustment", "this adjustment was already decided"));
        }
        let kind = if approve { EntryKind::AdjustmentApproved } else { EntryKind::AdjustmentRejected };
        let mut e = NewEntry::new(kind, adj.artisan_id, adj.center_id, 0, india_date(now));
        e.refers_to = Some(adjustment_id);
        e.details = json!({ "note": note.trim() });
        e.recorded_by = actor.label.clone();
        let id = ledger::append(conn, &e, now)?;
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: if approve { "ledger.adjustment.approve" } else { "ledger.adjustment.reject" },
                entity_type: "ledger_entry",
                entity_id: Some(adjustment_id.to_string()),
                center_id: Some(adj.center_id),
                details: json!({ "decision_entry": id, "note": note.trim() }),
            },
            now,
        )?;
        Ok(id)
    })
}
