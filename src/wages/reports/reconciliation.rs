//! The reconciliation of sale bonuses with paid orders: every paid order's pieces have their
//! bonus, every bonus points to a paid order, and every posted amount is what the formula gives.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::db::DbConn;
use crate::error::AppError;
use crate::money::Currency;
use crate::schema::{exchange_rates, ledger_entries, order_events, order_items, orders};
use crate::wages::ledger;
use crate::wages::policy::{self, Policy};
use crate::wages::service::SALE_EVENT;
use crate::wages::types::{india_date, EntryKind, PositiveDecimal};

/// Why a paid order's piece has no bonus in the ledger.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum MissingReason {
    /// No exchange rate for the sale currency on the payment day (`service::rate_for`).
    NoExchangeRate { currency: Currency, on: NaiveDate },
    /// The center had no wage policy in force on the payment day.
    NoPolicy,
    /// The piece has no labor record, so nobody to share the bonus with.
    NoMakers,
    /// Everything needed is there: the bonus was never posted.
    NotPosted,
}

#[derive(Debug, Clone, Serialize)]
pub struct MissingBonus {
    pub order_id: i64,
    pub order_reference: String,
    pub paid_on: NaiveDate,
    pub piece_id: i64,
    pub sku: String,
    pub why: MissingReason,
}

#[derive(Debug, Clone, Serialize)]
pub struct OrphanBonus {
    pub entry_id: i64,
    pub artisan_id: i64,
    pub order_id: Option<i64>,
    pub piece_id: Option<i64>,
    pub amount_minor: i64,
    /// e.g. "the order was never paid".
    pub problem: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct WrongBonus {
    pub order_id: i64,
    pub order_reference: String,
    pub piece_id: i64,
    pub sku: String,
    pub posted_minor: i64,
    pub expected_minor: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Reconciliation {
    pub paid_orders: usize,
    pub missing: Vec<MissingBonus>,
    pub orphans: Vec<OrphanBonus>,
    pub wrong_amounts: Vec<WrongBonus>,
}

impl Reconciliation {
    pub fn is_clean(&self) -> bool {
        self.missing.is_empty() && self.orphans.is_empty() && self.wrong_amounts.is_empty()
    }
}

/// Every paid order must have sale-bonus entries for each of its pieces, and every sale-bonus
/// entry must point to a paid order (and a piece on it). Also recomputes each posted bonus with
/// the recorded rate and policy (`Policy::sale_bonus`, the formula `service::post_sale_bonus` posts).
pub fn reconciliation(conn: &mut DbConn) -> Result<Reconciliation, AppError> {
    // The first `paid` event of each order.
    let paid_events: Vec<(i64, NaiveDateTime, String)> = order_events::table
        .inner_join(orders::table)
        .filter(order_events::kind.eq(SALE_EVENT))
        .order(order_events::id)
        .select((order_events::order_id, order_events::at, orders::reference))
        .load(conn)?;
    let mut paid: HashMap<i64, (NaiveDate, String)> = HashMap::new();
    for (order_id, at, reference) in paid_events {
        paid.entry(order_id).or_insert((india_date(at), reference));
    }
    let items: Vec<(i64, i64, i64, String, i64, Currency)> = order_items::table
        .filter(
            order_items::order_id
                .eq_any(order_events::table.filter(order_events::kind.eq(SALE_EVENT)).select(order_events::order_id)),
        )
        .order((order_items::order_id, order_items::id))
        .select((
            order_items::order_id,
            order_items::piece_id,
            order_items::center_id,
            order_items::sku,
            order_items::price_minor,
            order_items::currency,
        ))
        .load(conn)?;
    // (entry, artisan, order, piece, amount)
    type Bonus = (i64, i64, Option<i64>, Option<i64>, i64);
    let bonuses: Vec<Bonus> = ledger_entries::table
        .filter(ledger_entries::kind.eq(EntryKind::SaleBonus.code()))
        .order(ledger_entries::id)
        .select((
            ledger_entries::id,
            ledger_entries::artisan_id,
            ledger_entries::order_id,
            ledger_entries::piece_id,
            ledger_entries::amount_minor,
        ))
        .load(conn)?;
    let rates_recorded: HashMap<(Currency, NaiveDate), String> = exchange_rates::table
        .select((exchange_rates::currency, exchange_rates::rate_date, exchange_rates::inr_per_unit))
        .load::<(Currency, NaiveDate, String)>(conn)?
        .into_iter()
        .map(|(c, d, r)| ((c, d), r))
        .collect();
    // Orders charged in a buyer's currency keep the rupee rate their bonus converts at.
    let charged_at: HashMap<i64, (Currency, String)> = crate::schema::order_charges::table
        .select((
            crate::schema::order_charges::order_id,
            crate::schema::order_charges::base_currency,
            crate::schema::order_charges::base_inr_per_unit,
        ))
        .load::<(i64, Currency, String)>(conn)?
        .into_iter()
        .map(|(o, c, r)| (o, (c, r)))
        .collect();
    let policies: Vec<Policy> = policy::all(conn)?.into_iter().map(Policy::from_row).collect::<Result<_, _>>()?;
    let with_makers: HashSet<i64> = crate::schema::piece_makers::table
        .filter(
            crate::schema::piece_makers::piece_id.eq_any(
                order_items::table
                    .filter(order_items::order_id.eq_any(
                        order_events::table.filter(order_events::kind.eq(SALE_EVENT)).select(order_events::order_id),
                    ))
                    .select(order_items::piece_id),
            ),
        )
        .select(crate::schema::piece_makers::piece_id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();

    let mut posted: HashMap<(i64, i64), i64> = HashMap::new();
    for (_, _, order_id, piece_id, amount) in &bonuses {
        if let (Some(o), Some(p)) = (order_id, piece_id) {
            *posted.entry((*o, *p)).or_default() += amount;
        }
    }
    let on_paid_orders: HashSet<(i64, i64)> = items.iter().map(|i| (i.0, i.1)).collect();
    let mut missing = Vec::new();
    let mut wrong_amounts = Vec::new();
    for (order_id, piece_id, center_id, sku, price_minor, currency) in &items {
        let Some((paid_on, reference)) = paid.get(order_id) else { continue };
        let rate = if *currency == ledger::CURRENCY {
            Some(Decimal::ONE)
        } else if let Some((_, r)) = charged_at.get(order_id).filter(|(c, _)| c == currency) {
            Some(PositiveDecimal::rate(r).map_err(AppError::corrupt)?.get())
        } else {
            match rates_recorded.get(&(*currency, *paid_on)) {
                Some(r) => Some(PositiveDecimal::rate(r).map_err(AppError::corrupt)?.get()),
                None => None,
            }
        };
        let policy = policies
            .iter()
            .filter(|p| p.row.center_id == *center_id && p.row.effective_from <= *paid_on)
            .max_by_key(|p| p.row.effective_from);
        match posted.get(&(*order_id, *piece_id)) {
            None => {
                let why = match (rate, policy) {
                    (None, _) => MissingReason::NoExchangeRate { currency: *currency, on: *paid_on },
                    (_, None) => MissingReason::NoPolicy,
                    _ if !with_makers.contains(piece_id) => MissingReason::NoMakers,
                    _ => MissingReason::NotPosted,
                };
                missing.push(MissingBonus {
                    order_id: *order_id,
                    order_reference: reference.clone(),
                    paid_on: *paid_on,
                    piece_id: *piece_id,
                    sku: sku.clone(),
                    why,
                });
            }
            Some(&got) => {
                if let (Some(rate), Some(policy)) = (rate, policy) {
                    let expected = policy.sale_bonus(*price_minor, rate)?;
                    if expected != got {
                        wrong_amounts.push(WrongBonus {
                            order_id: *order_id,
                            order_reference: reference.clone(),
                            piece_id: *piece_id,
                            sku: sku.clone(),
                            posted_minor: got,
                            expected_minor: expected,
                        });
                    }
                }
            }
        }
    }
    let orphans = bonuses
        .into_iter()
        .filter_map(|(entry_id, artisan_id, order_id, piece_id, amount_minor)| {
            let problem = match (order_id, piece_id) {
                (None, _) => "it names no order",
                (Some(o), _) if !paid.contains_key(&o) => "its order was never paid",
                (Some(o), Some(p)) if !on_paid_orders.contains(&(o, p)) => "its piece is not on that order",
                (Some(_), None) => "it names no piece",
                _ => return None,
            };
            Some(OrphanBonus { entry_id, artisan_id, order_id, piece_id, amount_minor, problem: problem.into() })
        })
        .collect();
    Ok(Reconciliation { paid_orders: paid.len(), missing, orphans, wrong_amounts })
}

/// The paid orders whose makers' sale bonus waits for an exchange rate: the dashboard's count,
/// without the whole reconciliation. Reads only the sold pieces priced in a foreign currency
/// that have no bonus yet (few), then applies `reconciliation`'s rule to them: the order's
/// recorded charge rate if it has one, else finance's rate for the payment day.
pub fn orders_waiting_for_rate(conn: &mut DbConn) -> Result<Vec<i64>, AppError> {
    let no_bonus = diesel::dsl::not(diesel::dsl::exists(
        ledger_entries::table
            .filter(ledger_entries::kind.eq(EntryKind::SaleBonus.code()))
            .filter(ledger_entries::order_id.eq(order_items::order_id.nullable()))
            .filter(ledger_entries::piece_id.eq(order_items::piece_id.nullable())),
    ));
    let items: Vec<(i64, Currency)> = order_items::table
        .filter(order_items::currency.ne(ledger::CURRENCY))
        .filter(
            order_items::order_id
                .eq_any(order_events::table.filter(order_events::kind.eq(SALE_EVENT)).select(order_events::order_id)),
        )
        .filter(no_bonus)
        .select((order_items::order_id, order_items::currency))
        .distinct()
        .load(conn)?;
    let mut waiting = std::collections::BTreeSet::new();
    for (order_id, currency) in items {
        let charged: Option<Currency> = crate::schema::order_charges::table
            .filter(crate::schema::order_charges::order_id.eq(order_id))
            .select(crate::schema::order_charges::base_currency)
            .first(conn)
            .optional()?;
        if charged == Some(currency) {
            continue;
        }
        let paid_at: NaiveDateTime = order_events::table
            .filter(order_events::order_id.eq(order_id))
            .filter(order_events::kind.eq(SALE_EVENT))
            .order(order_events::id)
            .select(order_events::at)
            .first(conn)?;
        let rated: bool = diesel::select(diesel::dsl::exists(
            exchange_rates::table
                .filter(exchange_rates::currency.eq(currency))
                .filter(exchange_rates::rate_date.eq(india_date(paid_at))),
        ))
        .get_result(conn)?;
        if !rated {
            waiting.insert(order_id);
        }
    }
    Ok(waiting.into_iter().collect())
}
