//! The gold rate finance records: the price of one gram of fine (24-karat) gold on a day, and
//! what a piece's gold is worth at it. Rates are only added: a correction of a day's rate is a
//! later row for the same day, and the latest recorded for a day is the one in force (the
//! audit log keeps who changed what).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::json;

use crate::audit::{self, Actor, AuditEvent};
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::money::{round_minor, Currency, Money, Overflow};
use crate::schema::gold_rates;
use crate::web::page_cache::bump_version;

/// How much of an alloy is gold, in thousandths (a 22-karat `916` piece is 916/1000 gold).
/// `catalog::types::Purity` converts into it, so a caller passes the piece's purity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fineness(u16);

impl Fineness {
    /// Thousandths of gold, at most 1000.
    pub const fn per_mille(thousandths: u16) -> Self {
        assert!(thousandths <= 1000, "fineness is at most 1000");
        Self(thousandths)
    }

    pub fn get(self) -> u16 {
        self.0
    }

    /// The share of gold as a decimal (0.916).
    pub fn share(self) -> Decimal {
        Decimal::new(i64::from(self.0), 3)
    }
}

/// One recorded rate.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = gold_rates)]
pub struct GoldRate {
    pub id: i64,
    pub rate_date: NaiveDate,
    pub per_gram_minor: i64,
    pub currency: Currency,
    pub source: String,
    pub recorded_by: String,
    pub recorded_at: NaiveDateTime,
}

impl GoldRate {
    pub fn per_gram(&self) -> Money {
        Money::new(self.per_gram_minor, self.currency)
    }
}

/// A rate as finance typed it, parsed (the page and the demo build one).
#[derive(Debug, Clone)]
pub struct GoldRateInput {
    pub on: NaiveDate,
    /// A gram of fine gold, more than zero.
    pub per_gram: Money,
    /// Where the rate was read (e.g. "IBJA 999 PM rate"), not empty.
    pub source: String,
}

/// The rate in force on `on`: the latest recorded for the latest day on or before it.
pub fn rate_on(conn: &mut DbConn, on: NaiveDate) -> QueryResult<Option<GoldRate>> {
    gold_rates::table
        .filter(gold_rates::rate_date.le(on))
        .order((gold_rates::rate_date.desc(), gold_rates::id.desc()))
        .select(GoldRate::as_select())
        .first(conn)
        .optional()
}

/// The most recent rates first, corrections included (the page's history).
pub fn recent(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<GoldRate>> {
    gold_rates::table
        .order((gold_rates::rate_date.desc(), gold_rates::id.desc()))
        .limit(limit)
        .select(GoldRate::as_select())
        .load(conn)
}

/// What `net_weight_mg` of an alloy of `fineness` is worth at a rate: grams × share of gold ×
/// the rate per gram of fine gold, rounded to the minor unit (half away from zero).
pub fn value_at(rate: &GoldRate, fineness: Fineness, net_weight_mg: i64) -> Result<Money, AppError> {
    let grams = Decimal::new(net_weight_mg, 3);
    let exact = (grams * fineness.share()).checked_mul(Decimal::from(rate.per_gram_minor)).ok_or(Overflow)?;
    let minor = round_minor(exact)?;
    Ok(Money::new(minor, rate.currency))
}

/// The gold value of a piece on a day: net weight × the purity's fineness × the latest rate
/// recorded on or before `on`, in the rate's currency. `None` when no rate is recorded yet.
pub fn gold_value(
    conn: &mut DbConn,
    purity: impl Into<Fineness>,
    net_weight_mg: i64,
    on: NaiveDate,
) -> Result<Option<Money>, AppError> {
    let fineness = purity.into();
    rate_on(conn, on)?.map(|rate| value_at(&rate, fineness, net_weight_mg)).transpose()
}

/// Records a day's rate (or corrects it: the newer row is in force), audit-logged; public
/// pages show gold values, so the catalog version moves.
pub fn record(conn: &mut DbConn, actor: &Actor, input: &GoldRateInput, now: NaiveDateTime) -> Result<i64, AppError> {
    db::write(conn, |conn| {
        let before = gold_rates::table
            .filter(gold_rates::rate_date.eq(input.on))
            .order(gold_rates::id.desc())
            .select(GoldRate::as_select())
            .first(conn)
            .optional()?;
        let id: i64 = diesel::insert_into(gold_rates::table)
            .values((
                gold_rates::rate_date.eq(input.on),
                gold_rates::per_gram_minor.eq(input.per_gram.minor),
                gold_rates::currency.eq(input.per_gram.currency),
                gold_rates::source.eq(&input.source),
                gold_rates::recorded_by.eq(&actor.label),
                gold_rates::recorded_at.eq(now),
            ))
            .returning(gold_rates::id)
            .get_result(conn)?;
        audit::record(
            conn,
            actor,
            &AuditEvent {
                action: if before.is_some() { "gold_rate.correct" } else { "gold_rate.record" },
                entity_type: "gold_rate",
                entity_id: Some(input.on.to_string()),
                center_id: None,
                details: json!({
                    "date": input.on.to_string(),
                    "per_gram_minor": input.per_gram.minor,
                    "currency": input.per_gram.currency,
                    "source": input.source,
                    "before": before.map(|b| json!({
                        "per_gram_minor": b.per_gram_minor,
                        "currency": b.currency,
                        "source": b.source,
                    })),
                }),
            },
            now,
        )?;
        bump_version(conn)?;
        Ok(id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate(per_gram_minor: i64) -> GoldRate {
        GoldRate {
            id: 1,
            rate_date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            per_gram_minor,
            currency: Currency::Inr,
            source: "test".into(),
            recorded_by: "t".into(),
            recorded_at: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().and_hms_opt(6, 0, 0).unwrap(),
        }
    }

    #[test]
    fn gold_value_is_grams_times_fineness_times_rate_rounded_half_away() {
        // 3.450 g of 22K (916) at ₹7,800.00 a gram of fine gold: 3.45 × 0.916 × 780000 paise.
        let v = value_at(&rate(780_000), Fineness::per_mille(916), 3_450).unwrap();
        assert_eq!(v, Money::new(2_464_956, Currency::Inr));
        // 1 mg of 9K at 1 paisa: 0.001 × 0.375 → 0.000375 paise rounds to 0.
        assert_eq!(value_at(&rate(1), Fineness::per_mille(375), 1).unwrap().minor, 0);
        // Exactly half a minor unit rounds away from zero: 0.5 g × 1.000 × 1 paisa.
        assert_eq!(value_at(&rate(1), Fineness::per_mille(1000), 500).unwrap().minor, 1);
        assert!(value_at(&rate(i64::MAX), Fineness::per_mille(1000), i64::MAX / 1000).is_err());
    }
}
