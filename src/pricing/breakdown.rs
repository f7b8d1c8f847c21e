//! "Where your money goes": a piece's price split into parts that add up to it exactly, in
//! the shop's currency, from recorded data only — the makers' wages and sale bonus from the
//! wage ledger, gold at the gold rate finance recorded, the piece's recorded costs, the card
//! fee and GST at their configured percentages, and what is left for the workshops' running
//! costs and programmes. A piece whose costs (or the gold rate) are not recorded shows its
//! wage lines only and says so: nothing here is an estimate.
//!
//! Rounding: each part is rounded to the minor unit on its own (half away from zero,
//! `round_minor`); the remainder is the price less the rounded parts, so the parts add up to
//! the price exactly. Costs above the price give a negative remainder, labelled as a shortfall.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::costs;
use super::gold::{self, Fineness};
use crate::config::PricingSettings;
use crate::db::DbConn;
use crate::error::AppError;
use crate::money::{round_minor, split_proportionally, Currency, Money, Overflow, Presentment};
use crate::wages::{policy, service as wage_service};

/// What the breakdown needs to know of a piece (the catalog passes it).
#[derive(Debug, Clone, Copy)]
pub struct PieceFacts {
    pub piece_id: i64,
    pub center_id: i64,
    pub price: Money,
    pub fineness: Fineness,
    pub net_weight_mg: i64,
}

/// One part of the price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    /// Stable for the API: `makers_wages`, `sale_bonus`, `gold`, `stones`, `hallmarking`,
    /// `card_fees`, `shipping_packing`, `gst`, `running_costs`, `shortfall`.
    pub code: &'static str,
    pub label: String,
    pub amount: Money,
    /// One or two plain sentences: what this part is and where its figure comes from.
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Breakdown {
    pub price: Money,
    pub lines: Vec<Line>,
    /// Every part is recorded and the lines add up to the price.
    pub complete: bool,
    /// Why the split stops at the wage lines (when not complete).
    pub not_recorded: Option<String>,
}

/// The sentence a piece without recorded costs shows.
pub const NOT_RECORDED: &str = "The cost of this piece's gold, stones, hallmarking, fees and shipping is not yet \
                                recorded, so the rest of the price is not split here.";

fn line(code: &'static str, label: &str, amount: Money, note: impl Into<String>) -> Line {
    Line { code, label: label.into(), amount, note: note.into() }
}

/// A percentage as people write it ("3", "2.9").
fn percent(p: Decimal) -> String {
    format!("{}%", p.normalize())
}

/// An amount in another currency shown in the shop's, at the exchange rates finance recorded
/// (the day's, else the nearest): the amount and a note naming the rate, or `None` when no
/// rate was ever recorded.
fn to_shop(conn: &mut DbConn, m: Money, shop: Currency, on: NaiveDate) -> Result<Option<(Money, String)>, AppError> {
    if m.currency == shop {
        return Ok(Some((m, String::new())));
    }
    let (Some((from_day, from)), Some((to_day, to))) =
        (wage_service::rate_near(conn, m.currency, on)?, wage_service::rate_near(conn, shop, on)?)
    else {
        return Ok(None);
    };
    let rupees = Decimal::from(m.minor).checked_mul(from).ok_or(Overflow)?;
    let minor = round_minor(rupees.checked_div(to).ok_or(Overflow)?)?;
    let mut named = Vec::new();
    for (c, d, r) in [(m.currency, from_day, from), (shop, to_day, to)] {
        if c != Currency::Inr {
            named.push(format!("₹{} per {} (rate of {d})", r.normalize(), c.code()));
        }
    }
    Ok(Some((Money::new(minor, shop), format!(" Converted from {m} at {}.", named.join(" and ")))))
}

/// The wage lines: what the ledger holds for this piece, and the bonus its makers will receive.
/// Returns the lines, the day the other parts are valued on (the sale's, for a sold piece) and
/// what is missing.
fn wage_lines(
    conn: &mut DbConn,
    facts: &PieceFacts,
    today: NaiveDate,
) -> Result<(Vec<Line>, NaiveDate, Option<&'static str>), AppError> {
    let shop = facts.price.currency;
    let pay = wage_service::piece_pay(conn, facts.piece_id)?;
    let mut lines = Vec::new();
    let mut missing = None;
    // Each day's rupees converted at that day's rate.
    let convert = |conn: &mut DbConn, days: &[(NaiveDate, i64)]| -> Result<Option<(Money, String)>, AppError> {
        let mut total = Money::new(0, shop);
        let mut notes = String::new();
        for (day, minor) in days {
            let Some((m, note)) = to_shop(conn, Money::new(*minor, wage_service_currency()), shop, *day)? else {
                return Ok(None);
            };
            total.minor = total.minor.checked_add(m.minor).ok_or(Overflow)?;
            notes.push_str(&note);
        }
        Ok(Some((total, notes)))
    };
    if pay.wages.is_empty() {
        missing = Some("Its makers' wages are not in the wage ledger yet, so the price is not split here.");
    } else {
        match convert(conn, &pay.wages)? {
            Some((m, conv)) => lines.push(line(
                "makers_wages",
                "Makers' wages",
                m,
                format!(
                    "Paid to the artisans who made this piece for their hours, recorded in the wage ledger when it \
                     was accepted into stock — whether or not it sells.{conv}"
                ),
            )),
            None => missing = Some("No exchange rate is recorded yet to show its makers' wages in this currency."),
        }
    }
    let valued_on = pay.bonus.last().map(|(d, _)| *d).unwrap_or(today);
    if !pay.bonus.is_empty() {
        match convert(conn, &pay.bonus)? {
            Some((m, conv)) => lines.push(line(
                "sale_bonus",
                "Sale bonus",
                m,
                format!("Paid to its makers when this piece sold, on top of their wages, recorded in the wage ledger.{conv}"),
            )),
            None => missing = missing.or(Some("No exchange rate is recorded yet to show the sale bonus in this currency.")),
        }
    } else if let Some(policy) = policy::at(conn, facts.center_id, today)? {
        // The one formula (`Policy::sale_bonus`), in rupees at the nearest recorded rate, shown
        // back in the shop's currency at the same rate.
        match wage_service::rate_near(conn, shop, today)? {
            Some((_, rate)) => {
                let rupees = policy.sale_bonus(facts.price.minor, rate)?;
                let minor = round_minor(Decimal::from(rupees).checked_div(rate).ok_or(Overflow)?)?;
                lines.push(line(
                    "sale_bonus",
                    "Sale bonus",
                    Money::new(minor, shop),
                    format!(
                        "{} of the price, which its makers receive on top of their wages when the piece sells (the \
                         workshop's wage policy).",
                        percent(policy.bonus_percent)
                    ),
                ));
            }
            None => {
                missing = missing.or(Some("No exchange rate is recorded yet to show the sale bonus in this currency."))
            }
        }
    }
    Ok((lines, valued_on, missing))
}

fn wage_service_currency() -> Currency {
    crate::wages::ledger::CURRENCY
}

/// The split of a piece's price. `today` is the day in India; a sold piece's gold and costs
/// are valued on the day it was paid for.
pub fn of(
    conn: &mut DbConn,
    facts: &PieceFacts,
    settings: &PricingSettings,
    today: NaiveDate,
) -> Result<Breakdown, AppError> {
    let shop = facts.price.currency;
    let (mut lines, on, mut missing) = wage_lines(conn, facts, today)?;
    let incomplete = |lines: Vec<Line>, why: &str| Breakdown {
        price: facts.price,
        lines,
        complete: false,
        not_recorded: Some(why.to_string()),
    };
    if let Some(why) = missing.take() {
        return Ok(incomplete(lines, why));
    }
    let Some(costs) = costs::of(conn, facts.piece_id)? else {
        return Ok(incomplete(lines, NOT_RECORDED));
    };
    let Some(rate) = gold::rate_on(conn, on)? else {
        return Ok(incomplete(lines, "No gold rate is recorded yet, so the rest of the price is not split here."));
    };
    let gold_value = gold::value_at(&rate, facts.fineness, facts.net_weight_mg)?;
    let mut known = Vec::new();
    let grams = Decimal::new(facts.net_weight_mg, 3).normalize();
    let share = Decimal::new(i64::from(facts.fineness.get()), 1).normalize();
    let gold_note = format!(
        "{grams} g of metal that is {share}% gold, at {} a gram of fine gold ({}, {}).",
        rate.per_gram(),
        rate.rate_date,
        rate.source
    );
    let parts = [
        ("gold", "Gold", gold_value, gold_note),
        ("stones", "Stones", costs.stones(), "The stones set in the piece, at what the workshop paid for them.".into()),
        (
            "hallmarking",
            "Hallmarking",
            costs.hallmarking(),
            "Testing and hallmarking at a BIS assaying centre (the purity mark and HUID).".into(),
        ),
        (
            "shipping_packing",
            "Shipping and packing",
            costs.packing(),
            "Packing, insurance and the part of shipping that the shipping charge at checkout does not cover.".into(),
        ),
    ];
    for (code, label, amount, note) in parts {
        if code == "stones" && amount.minor == 0 {
            continue; // a piece without stones has no stone line
        }
        let Some((m, conv)) = to_shop(conn, amount, shop, on)? else {
            return Ok(incomplete(
                lines,
                "No exchange rate is recorded yet to show this piece's costs in this currency.",
            ));
        };
        known.push(line(code, label, m, format!("{note}{conv}")));
    }
    lines.extend(known);
    Ok(Breakdown {
        price: facts.price,
        lines: settle(facts.price, lines, settings)?,
        complete: true,
        not_recorded: None,
    })
}

/// Adds the card fee, GST and the remainder to the recorded parts, so that the lines add up to
/// `price` exactly.
pub fn settle(price: Money, mut lines: Vec<Line>, settings: &PricingSettings) -> Result<Vec<Line>, AppError> {
    let p = Decimal::from(price.minor);
    let fee = round_minor(p * settings.card_fee_percent / Decimal::ONE_HUNDRED)?;
    lines.push(line(
        "card_fees",
        "Card and payment fees",
        Money::new(fee, price.currency),
        format!("What the card processor keeps of the payment: {} of the price.", percent(settings.card_fee_percent)),
    ));
    if settings.gst_percent > Decimal::ZERO {
        let g = settings.gst_percent;
        let gst = round_minor(p * g / (Decimal::ONE_HUNDRED + g))?;
        lines.push(line(
            "gst",
            "GST (buyers in India)",
            Money::new(gst, price.currency),
            format!(
                "Prices include {} GST for buyers in India, paid to the government. Exports are zero-rated: on an \
                 order shipped abroad this part goes to the workshops' running costs instead.",
                percent(g)
            ),
        ));
    }
    let mut spent: i64 = 0;
    for l in &lines {
        spent = spent.checked_add(l.amount.minor).ok_or(Overflow)?;
    }
    let rest = price.minor.checked_sub(spent).ok_or(Overflow)?;
    lines.push(if rest >= 0 {
        line(
            "running_costs",
            "Workshops' running costs and programmes",
            Money::new(rest, price.currency),
            "What is left: the workshops' rent, tools and training, counselling, and the programmes that support \
             survivors.",
        )
    } else {
        line(
            "shortfall",
            "Shortfall: the costs above exceed the price",
            Money::new(rest, price.currency),
            "The recorded costs come to more than the price; the workshops carry the difference.",
        )
    });
    Ok(lines)
}

impl Breakdown {
    /// The sum of the lines (the price, when complete).
    pub fn total_minor(&self) -> i64 {
        self.lines.iter().map(|l| l.amount.minor).sum()
    }

    /// The breakdown in the visitor's currency: the price converted as every price is
    /// (`Presentment::convert`), and each part the same share of that price as of the price in
    /// the shop's currency, split by the largest remainder (`money::split_proportionally`) so
    /// the parts of a complete breakdown still add up to the shown price exactly.
    pub fn presented(&self, p: &Presentment) -> Result<Breakdown, Overflow> {
        if p.is_base() || self.price.currency != p.base {
            return Ok(self.clone());
        }
        let shown = p.convert(self.price.minor)?;
        let parts: Vec<i64> = self.lines.iter().map(|l| l.amount.minor).collect();
        let split = split_proportionally(&parts, self.price.minor, shown)?;
        Ok(Breakdown {
            price: Money::new(shown, p.currency),
            lines: self
                .lines
                .iter()
                .zip(split)
                .map(|(l, minor)| Line { amount: Money::new(minor, p.currency), ..l.clone() })
                .collect(),
            complete: self.complete,
            not_recorded: self.not_recorded.clone(),
        })
    }
}

/// The breakdown as a page shows it: each line with its formatted amount and share of the
/// price, and the stacked bar's segments (complete breakdowns only).
#[derive(Debug, Clone, Serialize)]
pub struct BreakdownView {
    pub price: String,
    pub complete: bool,
    pub not_recorded: Option<String>,
    pub lines: Vec<LineView>,
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LineView {
    pub code: &'static str,
    pub label: String,
    pub amount: String,
    pub percent: String,
    pub note: String,
    pub fill: &'static str,
}

/// A part of the bar, in percent of its width.
#[derive(Debug, Clone, Serialize)]
pub struct Segment {
    pub x: String,
    pub width: String,
    pub fill: &'static str,
}

/// Colours of the bar (each at least 3:1 against the page's white), by line.
fn fill(code: &str) -> &'static str {
    match code {
        "makers_wages" => "#7a4b00",
        "sale_bonus" => "#b36b00",
        "gold" => "#8a6d1d",
        "stones" => "#1f5f8b",
        "hallmarking" => "#4b5563",
        "card_fees" => "#6b21a8",
        "shipping_packing" => "#0f766e",
        "gst" => "#9f1239",
        "running_costs" => "#166534",
        _ => "#b91c1c",
    }
}

impl BreakdownView {
    pub fn new(b: &Breakdown) -> Self {
        let price = Decimal::from(b.price.minor.max(1));
        let pct = |minor: i64| (Decimal::from(minor) * Decimal::ONE_HUNDRED / price).round_dp(1).normalize();
        // The bar shows the parts that take money (a shortfall takes none); scaled to their sum.
        let positive: i64 = b.lines.iter().map(|l| l.amount.minor.max(0)).sum();
        let mut segments = Vec::new();
        if b.complete && positive > 0 {
            let mut x = Decimal::ZERO;
            for l in b.lines.iter().filter(|l| l.amount.minor > 0) {
                let w = Decimal::from(l.amount.minor) * Decimal::ONE_HUNDRED / Decimal::from(positive);
                segments.push(Segment {
                    x: x.round_dp(3).normalize().to_string(),
                    width: w.round_dp(3).normalize().to_string(),
                    fill: fill(l.code),
                });
                x += w;
            }
        }
        Self {
            price: b.price.to_string(),
            complete: b.complete,
            not_recorded: b.not_recorded.clone(),
            lines: b
                .lines
                .iter()
                .map(|l| LineView {
                    code: l.code,
                    label: l.label.clone(),
                    amount: l.amount.to_string(),
                    percent: if l.amount.currency == b.price.currency {
                        format!("{}%", pct(l.amount.minor))
                    } else {
                        String::new()
                    },
                    note: l.note.clone(),
                    fill: fill(l.code),
                })
                .collect(),
            segments,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(card: i64, gst: i64) -> PricingSettings {
        PricingSettings { card_fee_percent: Decimal::from(card), gst_percent: Decimal::from(gst) }
    }

    fn usd(minor: i64) -> Money {
        Money::new(minor, Currency::Usd)
    }

    #[test]
    fn the_remainder_absorbs_rounding_so_the_parts_add_up_to_the_price() {
        // $333.33: 3% fee = 999.99 → 1000; 3% GST inside = 970.86… → 971.
        let lines = settle(usd(33_333), vec![line("gold", "Gold", usd(10_001), "")], &settings(3, 3)).unwrap();
        let by = |c: &str| lines.iter().find(|l| l.code == c).unwrap().amount.minor;
        assert_eq!(by("card_fees"), 1_000);
        assert_eq!(by("gst"), 971);
        assert_eq!(by("running_costs"), 33_333 - 10_001 - 1_000 - 971);
        assert_eq!(lines.iter().map(|l| l.amount.minor).sum::<i64>(), 33_333);
    }

    #[test]
    fn half_a_minor_unit_rounds_away_from_zero() {
        // 50 cents × 3% = 1.5 cents → 2.
        let lines = settle(usd(50), vec![], &settings(3, 0)).unwrap();
        assert_eq!(lines[0].amount.minor, 2);
        assert_eq!(lines.iter().map(|l| l.amount.minor).sum::<i64>(), 50);
        assert!(lines.iter().all(|l| l.code != "gst"), "no GST line at 0%");
    }

    #[test]
    fn costs_above_the_price_show_as_a_shortfall_never_hidden() {
        let lines = settle(usd(10_000), vec![line("gold", "Gold", usd(12_000), "")], &settings(3, 3)).unwrap();
        let last = lines.last().unwrap();
        assert_eq!(last.code, "shortfall");
        assert!(last.amount.minor < 0 && last.label.starts_with("Shortfall"));
        assert_eq!(lines.iter().map(|l| l.amount.minor).sum::<i64>(), 10_000);
    }

    #[test]
    fn the_bar_covers_the_parts_that_take_money() {
        let b = Breakdown {
            price: usd(10_000),
            lines: settle(usd(10_000), vec![line("gold", "Gold", usd(2_500), "")], &settings(0, 0)).unwrap(),
            complete: true,
            not_recorded: None,
        };
        let v = BreakdownView::new(&b);
        assert_eq!(v.segments.len(), 2, "gold and the remainder (a 0% fee takes no room)");
        assert_eq!((v.segments[0].x.as_str(), v.segments[0].width.as_str()), ("0", "25"));
        assert_eq!((v.segments[1].x.as_str(), v.segments[1].width.as_str()), ("25", "75"));
        assert_eq!(v.lines[0].percent, "25%");
    }
}
