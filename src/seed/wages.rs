//! Demo wage history: the months before the demo's `now`, written through the real wage use
//! cases (`wages::service`) so the finance pages show what a shop in use would show: the demo
//! pieces accepted into inventory on the days they were listed, paid orders for the sold
//! pieces with their exchange rates and sale bonuses, six months of work by the month
//! (employment terms, the time register confirmed by the artisans, each month closed by two
//! people with its salaries and top-ups), monthly payouts by the 7th of the next month — with
//! exactly one late payment and one artisan-month below the living wage (a piece-rate month
//! topped up to the legal minimum),
//! both on purpose — and one adjustment waiting for a second person's approval.
//!
//! Also the benchmark generator (`bench_ledger`): 50 artisans and five years of entries,
//! chained in Rust and inserted in bulk.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use diesel::prelude::*;
use rust_decimal::Decimal;
use serde_json::json;

use super::SeedError;
use crate::audit::Actor;
use crate::catalog::types::PieceStatus;
use crate::crypto::{self, Cipher, LedgerSigner};
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::money::Currency;
use crate::orders::models::{NewOrder, NewOrderItem};
use crate::orders::queries as order_queries;
use crate::orders::types::{event, reference_of, Fulfilment, OrderStatus, ShipmentStatus};
use crate::schema::{centers, pieces, staff};
use crate::wages::close;
use crate::wages::ledger::{self, NewEntry};
use crate::wages::policy;
use crate::wages::register::{self, Cell};
use crate::wages::service::{self, AdjustmentInput, PayoutInput};
use crate::wages::types::{india_date, EntryKind, HourKind, Month, PayoutMethod, PositiveDecimal};

fn overflow(e: crate::money::Overflow) -> SeedError {
    SeedError::Invalid(e.to_string())
}

fn app(e: AppError) -> SeedError {
    match e {
        AppError::Invalid(_) => SeedError::Invalid(e.public_message()),
        other => SeedError::Invalid(crate::error::Chain(&other).to_string()),
    }
}

/// A UTC time for `hh:mm` India time on a day.
fn ist(day: NaiveDate, hour: u32, minute: u32) -> NaiveDateTime {
    day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).expect("a valid time")) - Duration::minutes(330)
}

/// id, center, status, listed at, price, currency, SKU, title.
type PieceRow = (i64, i64, PieceStatus, Option<NaiveDateTime>, i64, Currency, String, String);

/// A demo piece that was listed at some point (so accepted into inventory).
struct DemoPiece {
    id: i64,
    center_id: i64,
    status: PieceStatus,
    accepted_at: NaiveDateTime,
    price_minor: i64,
    currency: Currency,
    sku: String,
    title: String,
}

/// Things that happen in the demo's past, replayed in time order so that every entry is
/// chained, dated and recorded as it would have been.
#[derive(Clone, Copy)]
enum Step {
    Accept(usize),
    Sale {
        piece: usize,
        n: usize,
    },
    Payouts(Month),
    LatePayout {
        month: Month,
        artisan_id: i64,
    },
    Adjustment,
    /// Finance asks to close a month at both centers and an admin approves it.
    Close(Month),
}

/// Customers of the demo orders (fictional; `example.com` addresses).
const CUSTOMERS: [(&str, &str, &str, &str, &str); 6] = [
    ("Maya Thompson", "maya.thompson@example.com", "US", "Portland", "97205"),
    ("Oliver Hughes", "oliver.hughes@example.com", "GB", "Bristol", "BS1 4DJ"),
    ("Priya Nair", "priya.nair@example.com", "IN", "Bengaluru", "560001"),
    ("Lea Schneider", "lea.schneider@example.com", "DE", "Hamburg", "20095"),
    ("Grace Wilson", "grace.wilson@example.com", "AU", "Melbourne", "3000"),
    ("Sophie Tremblay", "sophie.tremblay@example.com", "CA", "Montréal", "H2X 1Y4"),
];

/// A plausible exchange rate for a demo day: rupees per unit, moving a little day to day.
fn demo_rate(currency: Currency, on: NaiveDate) -> Result<PositiveDecimal, SeedError> {
    let base = match currency {
        Currency::Usd => Decimal::new(8_390, 2),
        Currency::Eur => Decimal::new(9_120, 2),
        Currency::Gbp => Decimal::new(10_610, 2),
        Currency::Cad => Decimal::new(6_080, 2),
        Currency::Aud => Decimal::new(5_520, 2),
        Currency::Inr => Decimal::ONE,
    };
    let wiggle = Decimal::new(i64::from(on.ordinal() % 17) * 3, 2);
    PositiveDecimal::rate(&(base + wiggle).to_string()).map_err(SeedError::Invalid)
}

/// Writes the demo wage history (see the module comment). Runs inside the demo's transaction,
/// after its staff, artisans and pieces.
pub fn demo_history(
    conn: &mut DbConn,
    cipher: &Cipher,
    signer: Option<&LedgerSigner>,
    now: NaiveDateTime,
    currency: Currency,
) -> Result<(), SeedError> {
    let today = india_date(now);
    let this_month = Month::of(today);
    let kolkata: i64 = centers::table.filter(centers::code.eq("kolkata")).select(centers::id).first(conn)?;
    let finance: Option<i64> =
        staff::table.filter(staff::email.eq("finance@fairgold.test")).select(staff::id).first(conn).optional()?;
    let finance = Actor { staff_id: finance, label: "finance@fairgold.test".into(), ip: None };
    let system = Actor::system("demo");

    // Every demo piece that was ever listed was accepted into inventory on the day it was.
    let rows: Vec<PieceRow> = pieces::table
        .filter(pieces::listed_at.is_not_null())
        .filter(pieces::accepted_at.is_null())
        .order(pieces::id)
        .select((
            pieces::id,
            pieces::center_id,
            pieces::status,
            pieces::listed_at,
            pieces::price_minor,
            pieces::currency,
            pieces::sku,
            pieces::title,
        ))
        .load(conn)?;
    let mut demo = Vec::new();
    for (id, center_id, status, listed_at, price_minor, currency, sku, title) in rows {
        let makers = service::makers_of(conn, id)?;
        let Some(listed_at) = listed_at.filter(|_| !makers.is_empty()) else { continue };
        let accepted_at = listed_at.min(now - Duration::minutes(1));
        demo.push(DemoPiece { id, center_id, status, accepted_at, price_minor, currency, sku, title });
    }

    // The sold pieces were bought a few days to a few weeks after they were listed; the
    // most recently listed one only yesterday (an order still to pack).
    let mut sold: Vec<usize> = (0..demo.len()).filter(|&i| demo[i].status == PieceStatus::Sold).collect();
    sold.sort_by_key(|&i| demo[i].accepted_at);
    let mut sales: BTreeMap<usize, NaiveDateTime> = BTreeMap::new();
    for (n, &i) in sold.iter().enumerate() {
        let accepted = demo[i].accepted_at;
        let mut at = accepted + Duration::days(4 + (n as i64 * 5) % 19) + Duration::minutes(97 * n as i64 % 600);
        if n + 1 == sold.len() {
            at = now - Duration::days(1);
        }
        let at = at.min(now - Duration::hours(2)).max(accepted + Duration::hours(1));
        if at < now {
            sales.insert(i, at);
        }
    }

    // Six months of work by the month: employment terms, the time register (weeks confirmed by
    // the artisans) and, on the 1st of each next month, the month closed by two people.
    let first_work_month = (0..6).fold(this_month, |m, _| m.prev());
    let mumbai: i64 = centers::table.filter(centers::code.eq("mumbai")).select(centers::id).first(conn)?;
    demo_terms_and_register(conn, first_work_month, this_month, now)?;
    let admin: Option<i64> =
        staff::table.filter(staff::email.eq("admin@fairgold.test")).select(staff::id).first(conn).optional()?;
    let admin = Actor { staff_id: admin, label: "admin@fairgold.test".into(), ip: None };

    // One month paid late (on the 12th instead of by the 7th): three months back when the
    // history reaches that far, else the oldest month whose deadline has passed.
    let month_of = |at: NaiveDateTime| Month::of(india_date(at));
    let first_month = demo.iter().map(|p| month_of(p.accepted_at)).min().unwrap_or(this_month);
    let mut late_month = this_month.prev().prev().prev();
    if late_month < first_month {
        late_month = first_month;
    }

    let mut steps: Vec<(NaiveDateTime, Step)> = Vec::new();
    for (i, p) in demo.iter().enumerate() {
        steps.push((p.accepted_at, Step::Accept(i)));
    }
    for (n, (&i, &at)) in sales.iter().enumerate() {
        steps.push((at, Step::Sale { piece: i, n }));
    }
    let mut month = first_month;
    while month < this_month {
        let next = month.next().first_day();
        steps.push((ist(next.with_day(5).expect("the 5th exists"), 11, 0), Step::Payouts(month)));
        month = month.next();
    }
    let mut month = first_work_month;
    while month < this_month {
        // On the 1st at 09:00 in India, or just before `now` when the demo is made earlier that day.
        let at = ist(month.next().first_day(), 9, 0).min(now - Duration::minutes(1));
        if india_date(at) > month.last_day() {
            steps.push((at, Step::Close(month)));
        }
        month = month.next();
    }
    steps.push((now - Duration::hours(3), Step::Adjustment));
    steps.retain(|(at, _)| *at < now);
    steps.sort_by_key(|(at, _)| *at);

    // The artisan paid late is chosen when that month's payouts are made: the first one
    // still owed for the month.
    let mut late_done = false;
    let mut rates: BTreeSet<NaiveDate> = BTreeSet::new();
    let mut i = 0;
    while i < steps.len() {
        let (at, step) = steps[i];
        match step {
            Step::Accept(p) => {
                service::accept_piece(conn, demo[p].id, &system, at).map_err(app)?;
            }
            Step::Sale { piece, n } => {
                let order_id = demo_order(conn, cipher, &demo[piece], n, kolkata, at, now, currency)?;
                let paid = india_date(at + Duration::minutes(2));
                if demo[piece].currency != ledger::CURRENCY && rates.insert(paid) {
                    // Finance records the day's rate; that posts the bonus waiting for it.
                    let rate = demo_rate(currency, paid)?;
                    let when = (at + Duration::minutes(50)).min(now - Duration::minutes(1));
                    service::record_rate(conn, &finance, currency, paid, rate, when).map_err(app)?;
                } else {
                    service::post_sale_bonus(conn, order_id, at + Duration::minutes(2)).map_err(app)?;
                }
            }
            Step::Payouts(month) => {
                for (artisan_id, center_id) in artisans_by_id(conn)? {
                    let owed = ledger::balance_of(conn, artisan_id, Some(month.last_day()))?;
                    if owed <= 0 {
                        continue;
                    }
                    if month == late_month && !late_done {
                        late_done = true;
                        let paid_at = ist(month.next().first_day().with_day(12).expect("the 12th exists"), 16, 30);
                        if paid_at < now {
                            steps.push((paid_at, Step::LatePayout { month, artisan_id }));
                            steps[i + 1..].sort_by_key(|(at, _)| *at);
                        }
                        continue;
                    }
                    pay(conn, &finance, artisan_id, center_id == kolkata, owed, india_date(at), at)?;
                }
            }
            Step::LatePayout { month, artisan_id } => {
                let owed = ledger::balance_of(conn, artisan_id, Some(month.last_day()))?;
                if owed > 0 {
                    let kolkata_artisan = artisans_by_id(conn)?.iter().any(|a| a.0 == artisan_id && a.1 == kolkata);
                    pay(conn, &finance, artisan_id, kolkata_artisan, owed, india_date(at), at)?;
                }
            }
            Step::Close(month) => {
                for center_id in [kolkata, mumbai] {
                    close::request(conn, &finance, center_id, month, at).map_err(app)?;
                    close::approve(conn, &admin, center_id, month, at + Duration::minutes(20), signer).map_err(app)?;
                }
            }
            Step::Adjustment => {
                // Found at a workshop check: a repair's hours were never on a labor record.
                if let Some((artisan_id, center_id)) = artisans_by_id(conn)?.into_iter().find(|a| a.1 != kolkata) {
                    let four_hours = policy::required_at(conn, center_id, india_date(at))
                        .map_err(app)?
                        .proposed_wage(240)
                        .map_err(overflow)?;
                    service::propose_adjustment(
                        conn,
                        &finance,
                        &AdjustmentInput {
                            artisan_id,
                            amount_minor: four_hours,
                            on: india_date(at),
                            reason: "Four hours re-soldering a customer's returned clasp were not on any labor \
                                     record; paid at the center's target rate."
                                .split_whitespace()
                                .collect::<Vec<_>>()
                                .join(" "),
                            corrects: None,
                            corrects_month: None,
                        },
                        at,
                    )
                    .map_err(app)?;
                }
            }
        }
        i += 1;
    }
    Ok(())
}

/// Employment terms from the first month of work, and the time register through the last
/// complete month: Monday to Friday 8 hours of production (design on Wednesdays for the senior
/// artisans), Saturdays 4, a paid holiday on national holidays; each week confirmed by its
/// artisan the Monday after. Most artisans are salaried above the living wage; Sunita R.
/// (Mumbai) is paid by the piece all along and Rupa D. (Kolkata) from the last complete month,
/// so the close tops their months up to the legal minimum — Rupa's is the demo's one month
/// below the living wage (Mumbai has no living-wage figure to fall below).
fn demo_terms_and_register(
    conn: &mut DbConn,
    first: Month,
    this_month: Month,
    now: NaiveDateTime,
) -> Result<(), SeedError> {
    use crate::schema::artisans;
    use crate::wages::terms::{self, NewTerms};
    use crate::wages::types::PayBasis;
    let roster: Vec<(i64, i64, String)> = artisans::table
        .order(artisans::id)
        .select((artisans::id, artisans::center_id, artisans::public_alias))
        .load(conn)?;
    let finance = Actor::system("finance@fairgold.test");
    // Pay slips in the artisans' languages: Bengali at Kolkata, Marathi at Mumbai (Kavita M.
    // reads Hindi).
    for (id, center_id, alias) in &roster {
        let kolkata: bool = centers::table.find(center_id).select(centers::code).first::<String>(conn)? == "kolkata";
        let lang = match (kolkata, alias.as_str()) {
            (true, _) => "bn",
            (false, "Kavita M.") => "hi",
            (false, _) => "mr",
        };
        diesel::update(artisans::table.find(id)).set(artisans::slip_language.eq(lang)).execute(conn)?;
    }
    let start = first.first_day();
    let set_at = ist(start, 10, 0) - Duration::days(3);
    for (id, _, alias) in &roster {
        let mut versions: Vec<(NaiveDate, PayBasis, Option<i64>, &str)> = match alias.as_str() {
            "Sunita R." => vec![(start, PayBasis::PieceRate, None, "piece rate with the guaranteed minimum")],
            // Paid by the piece from the last complete month, at her request: that month her
            // pieces fall short and the close tops her up to the legal minimum — the demo's one
            // month below the living wage.
            "Rupa D." => vec![
                (start, PayBasis::MonthlySalary, Some(2_080_000), "goldsmith"),
                (
                    this_month.prev().first_day(),
                    PayBasis::PieceRate,
                    None,
                    "paid by the piece from this month, at her request",
                ),
            ],
            "Moni" => {
                vec![(start, PayBasis::MonthlySalary, Some(2_000_000), "salaried after the goldsmithing traineeship")]
            }
            "Parveen B." | "Lakshmi P." => vec![(start, PayBasis::MonthlySalary, Some(2_150_000), "senior goldsmith")],
            _ => vec![(start, PayBasis::MonthlySalary, Some(2_080_000), "goldsmith")],
        };
        for (from, basis, salary, note) in versions.drain(..) {
            terms::add(
                conn,
                &finance,
                &NewTerms {
                    artisan_id: *id,
                    effective_from: from,
                    ends_on: None,
                    pay_basis: basis,
                    monthly_salary_minor: salary,
                    standard_hours_per_month: 208,
                    note: note.into(),
                    recorded_by: finance.label.clone(),
                    recorded_at: set_at.min(now),
                },
                set_at.min(now),
            )
            .map_err(app)?;
        }
    }
    // Republic, Independence and Gandhi Jayanti days, and Diwali 2026.
    let holidays = |d: NaiveDate| matches!((d.month(), d.day()), (1, 26) | (8, 15) | (10, 2) | (11, 8));
    let last_day = this_month.first_day() - Duration::days(1);
    let mut monday = register::monday_of(start);
    while monday <= last_day {
        for center_code in ["kolkata", "mumbai"] {
            let center_id: i64 =
                centers::table.filter(centers::code.eq(center_code)).select(centers::id).first(conn)?;
            let ids: Vec<i64> = roster.iter().filter(|a| a.1 == center_id).map(|a| a.0).collect();
            let mut cells = Vec::new();
            for (id, _, alias) in roster.iter().filter(|a| a.1 == center_id) {
                for k in 0..6 {
                    let day = monday + Duration::days(k);
                    if day < start || day > last_day {
                        continue;
                    }
                    let (kind, minutes) = match k {
                        _ if holidays(day) => (HourKind::Holiday, 480),
                        5 => (HourKind::Production, 240),
                        2 if matches!(alias.as_str(), "Parveen B." | "Lakshmi P.") => (HourKind::Design, 480),
                        _ => (HourKind::Production, 480),
                    };
                    cells.push(Cell { artisan_id: *id, work_date: day, kind, minutes });
                }
            }
            let manager = Actor::system(&format!("{center_code}@fairgold.test"));
            let saved_at = ist(monday + Duration::days(5), 18, 0).min(now);
            register::save_week(conn, &manager, center_id, monday, &ids, &cells, saved_at).map_err(app)?;
            let confirmed_on = monday + Duration::days(7);
            if confirmed_on <= india_date(now) {
                for id in &ids {
                    if cells.iter().any(|c| c.artisan_id == *id) {
                        register::confirm_week(
                            conn,
                            &manager,
                            center_id,
                            *id,
                            monday,
                            confirmed_on,
                            saved_at.max(ist(confirmed_on, 10, 0)).min(now),
                        )
                        .map_err(app)?;
                    }
                }
            }
        }
        monday += Duration::days(7);
    }
    Ok(())
}

fn artisans_by_id(conn: &mut DbConn) -> QueryResult<Vec<(i64, i64)>> {
    use crate::schema::artisans;
    artisans::table.order(artisans::id).select((artisans::id, artisans::center_id)).load(conn)
}

/// A payout of what the artisan was owed: Kolkata pays by bank transfer, Mumbai by UPI.
fn pay(
    conn: &mut DbConn,
    finance: &Actor,
    artisan_id: i64,
    by_bank: bool,
    amount_minor: i64,
    paid_on: NaiveDate,
    at: NaiveDateTime,
) -> Result<(), SeedError> {
    let serial = (artisan_id * 7_919 + i64::from(paid_on.ordinal()) * 131) % 1_000_000;
    let (method, reference) = if by_bank {
        (PayoutMethod::Bank, format!("NEFT-SBIN{}{serial:06}", paid_on.format("%y%m%d")))
    } else {
        (PayoutMethod::Upi, format!("{}{serial:06}", paid_on.format("%y%m%d")))
    };
    let input = PayoutInput { artisan_id, amount_minor, paid_on, method, reference };
    service::record_payout(conn, finance, &input, at).map_err(app)?;
    Ok(())
}

/// A paid demo order for one sold piece, moved along as far as its age allows (packed the
/// next day, shipped the day after, delivered a week later). Returns its id.
#[allow(clippy::too_many_arguments)]
fn demo_order(
    conn: &mut DbConn,
    cipher: &Cipher,
    piece: &DemoPiece,
    n: usize,
    kolkata: i64,
    at: NaiveDateTime,
    now: NaiveDateTime,
    currency: Currency,
) -> Result<i64, SeedError> {
    let (name, email, country, city, postal) = CUSTOMERS[n % CUSTOMERS.len()];
    let zones = crate::config::ShippingZone::defaults(currency);
    let option = crate::config::ShippingZone::for_country(&zones, country)
        .and_then(|z| z.options.first())
        .ok_or_else(|| SeedError::Invalid(format!("no shipping option to {country}")))?;
    let token = crypto::random_token(16);
    let token_hash = crypto::token_hash(&token);
    let total = piece.price_minor + option.price_minor;
    let order_id = order_queries::insert(
        conn,
        &NewOrder {
            reference: format!("new-{}", &token_hash[..32]),
            status_token_hash: token_hash,
            status_token_sealed: None,
            status: OrderStatus::PendingPayment,
            disputed: false,
            email: email.into(),
            ship_name: name.into(),
            ship_line1: format!("{} Demo Street", 10 + n * 7),
            ship_line2: None,
            ship_city: city.into(),
            ship_region: None,
            ship_postal_code: postal.into(),
            ship_country: country.into(),
            shipping_option: option.code.clone(),
            subtotal_minor: piece.price_minor,
            shipping_minor: option.price_minor,
            total_minor: total,
            refunded_minor: 0,
            currency: piece.currency,
            payment_provider: "development".into(),
            hold_expires_at: at + Duration::minutes(45),
            created_at: at,
            updated_at: at,
            phone: Some("+91 98300 00000".into()),
            cart_key: None,
            client_key: None,
            lang: crate::i18n::Lang::En,
        },
    )?;
    let sealed = cipher.seal(crypto::Field::ORDER_STATUS_TOKEN, order_id, &token);
    order_queries::set_reference(conn, order_id, &reference_of(order_id), &sealed)?;
    order_queries::insert_item(
        conn,
        &NewOrderItem {
            order_id,
            piece_id: piece.id,
            center_id: piece.center_id,
            sku: piece.sku.clone(),
            title: piece.title.clone(),
            price_minor: piece.price_minor,
            currency: piece.currency,
        },
    )?;
    order_queries::add_event(
        conn,
        order_id,
        "customer",
        event::CREATED,
        json!({ "pieces": [piece.id], "total_minor": total }),
        at,
    )?;
    let paid_at = at + Duration::minutes(2);
    order_queries::move_status(conn, order_id, &[OrderStatus::PendingPayment], OrderStatus::Paid, paid_at)?;
    order_queries::add_event(
        conn,
        order_id,
        "development",
        event::PAID,
        json!({ "amount_minor": total, "payment_intent_id": null, "late": false }),
        paid_at,
    )?;
    order_queries::set_received(conn, order_id, total, paid_at)?;
    order_queries::insert_shipments(conn, order_id, at)?;
    // The parcel moves along as a manager moves it (one center per demo order).
    let staff = if piece.center_id == kolkata { "kolkata@fairgold.test" } else { "mumbai@fairgold.test" };
    let shipment = order_queries::shipments_of(conn, order_id)?
        .into_iter()
        .next()
        .ok_or_else(|| SeedError::Invalid(format!("order {order_id} has no parcel")))?;
    let center =
        crate::centers::all(conn)?.into_iter().find(|c| c.id == piece.center_id).map(|c| c.city).unwrap_or_default();
    let moves = [
        (ShipmentStatus::Pending, ShipmentStatus::Packed, Fulfilment::Packed, event::PACKED, Duration::days(1)),
        (ShipmentStatus::Packed, ShipmentStatus::Shipped, Fulfilment::Shipped, event::SHIPPED, Duration::days(2)),
        (
            ShipmentStatus::Shipped,
            ShipmentStatus::Delivered,
            Fulfilment::Delivered,
            event::DELIVERED,
            Duration::days(9),
        ),
    ];
    for (from, to, fulfilment, kind, after) in moves {
        let when = at + after;
        if when >= now {
            break;
        }
        let tracking = format!("EK{:09}IN", 100_000_000 + order_id * 7_331);
        let carrier_and_number = (to == ShipmentStatus::Shipped).then_some(("India Post", tracking.as_str()));
        order_queries::move_shipment(conn, shipment.id, from, to, carrier_and_number, when)?;
        order_queries::set_fulfilment(conn, order_id, fulfilment, when)?;
        let mut details = json!({ "shipment_id": shipment.id, "center": center, "from": from.code(), "to": to.code() });
        if let Some((carrier, number)) = carrier_and_number {
            details["carrier"] = json!(carrier);
            details["tracking_number"] = json!(number);
        }
        order_queries::add_event(conn, order_id, staff, kind, details, when)?;
    }
    Ok(order_id)
}

// ---------------------------------------------------------------------------------------------
// Benchmark data

/// What `bench_ledger` wrote.
#[derive(Debug, Clone, Copy)]
pub struct BenchLedger {
    pub artisans: usize,
    pub entries: usize,
    pub months: usize,
    /// Days of the time register (one production cell per artisan and working day).
    pub register_days: usize,
}

/// Generates a ledger of realistic size for benchmarks: `artisans` artisans shared between the
/// two centers (fictional aliases, no private records) and `years` years of entries ending in
/// the month of `now` — pieces' wages (one or two makers, a few hours to a few days of work),
/// sale bonuses, and each month's payout on the 5th of the next. Chained in Rust and inserted
/// in batches in one transaction (`ledger::append_many`); no pieces or orders are created, so
/// the entries name none. With the defaults (50 artisans, 5 years) about 200,000 entries.
/// Also the time register — 8 hours of production every Monday to Saturday, and overtime on
/// the month's first days where the pieces' hours need more (≈ 78,000 days) — and two finance
/// people, `bench-finance-1@fairgold.test` and `-2`, to close months with
/// `fairgold wages close` (no password: they cannot sign in).
pub fn bench_ledger(
    conn: &mut DbConn,
    cipher: &Cipher,
    artisans: usize,
    years: u32,
    now: NaiveDateTime,
) -> Result<BenchLedger, SeedError> {
    use crate::artisans::models::NewArtisan;
    let (kolkata, mumbai) = crate::reference::ensure(conn, now)?;
    let mut rng = fastrand::Rng::with_seed(5_2026);
    let last = Month::of(india_date(now));
    let months = (years * 12) as usize;
    let mut first = last;
    for _ in 1..months {
        first = first.prev();
    }
    let created = ist(first.first_day(), 9, 0);
    db::write(conn, |conn| {
        let mut ids = Vec::with_capacity(artisans);
        for n in 0..artisans {
            let center_id = if n % 2 == 0 { kolkata } else { mumbai };
            let id = crate::artisans::service::create(
                conn,
                cipher,
                &NewArtisan {
                    public_id: crate::artisans::new_public_id(&mut rng),
                    center_id,
                    public_alias: format!("Bench artisan {}", n + 1),
                    public_story: None,
                    photo_path: None,
                    story_consent_until: None,
                    photo_consent_until: None,
                    profile_consent_until: None,
                    attribution_consent_until: None,
                    joined_on: created.date(),
                    created_at: created,
                    updated_at: created,
                },
                &format!("Bench Artisan {}", n + 1),
                None,
            )?;
            ids.push((id, center_id));
        }
        for n in 1..=2 {
            crate::staff::queries::insert(
                conn,
                &crate::staff::models::NewStaff {
                    email: format!("bench-finance-{n}@fairgold.test"),
                    display_name: format!("Bench finance {n}"),
                    role: crate::staff::Role::Finance,
                    center_id: None,
                    password_hash: None,
                    totp_enabled: false,
                    created_at: created,
                    updated_at: created,
                },
            )?;
        }
        let mut register_days = 0usize;
        // Per artisan and month: ~40 pieces' or parts' wages (1–8 hours each, about a full
        // month's hours), ~24 sale bonuses, one payout: ≈ 65 entries × 50 artisans × 60 months.
        let mut entries: Vec<(NaiveDateTime, NewEntry)> = Vec::new();
        let mut owed: Vec<i64> = vec![0; ids.len()];
        let mut total = 0usize;
        let mut month = first;
        loop {
            entries.clear();
            let days = month.last_day().day();
            // Last month's payouts, on the 5th.
            if month != first {
                let paid_on = month.first_day().with_day(5).expect("the 5th exists");
                for (k, (artisan_id, center_id)) in ids.iter().enumerate() {
                    if owed[k] <= 0 {
                        continue;
                    }
                    let mut e = NewEntry::new(EntryKind::Payout, *artisan_id, *center_id, -owed[k], paid_on);
                    let method = if *center_id == kolkata { "bank" } else { "upi" };
                    e.details = json!({ "method": method, "reference": format!("BENCH-{}-{k}", month) });
                    e.recorded_by = "bench".into();
                    entries.push((ist(paid_on, 11, 0), e));
                    owed[k] = 0;
                }
            }
            let mut cells: Vec<(i64, Cell)> = Vec::new();
            for (k, (artisan_id, center_id)) in ids.iter().enumerate() {
                let mut piece_minutes = 0;
                for _ in 0..rng.usize(34..=46) {
                    let day = month.first_day().with_day(rng.u32(1..=days)).expect("a day of the month");
                    let minutes = rng.i64(4..=32) * 15;
                    // ₹95–₹125 an hour.
                    let wage = minutes * rng.i64(9_500..=12_500) / 60;
                    let mut e = NewEntry::new(EntryKind::WageEarned, *artisan_id, *center_id, wage, day);
                    e.labor_minutes = Some(minutes);
                    e.details = json!({ "piece_wage_minor": wage, "piece_minutes": minutes, "bench": true });
                    e.recorded_by = "bench".into();
                    entries.push((ist(day, 17, 0), e));
                    owed[k] += wage;
                    piece_minutes += minutes;
                }
                // The register: 8 h of production each Monday to Saturday, with up to 4 h more a
                // day (overtime) from the 1st on while the pieces' hours need them.
                let mut short = piece_minutes
                    - 480
                        * (1..=days)
                            .filter(|d| {
                                month
                                    .first_day()
                                    .with_day(*d)
                                    .is_some_and(|date| date.weekday() != chrono::Weekday::Sun)
                            })
                            .count() as i64;
                for d in 1..=days {
                    let work_date = month.first_day().with_day(d).expect("a day of the month");
                    if work_date.weekday() == chrono::Weekday::Sun || work_date > india_date(now) {
                        continue;
                    }
                    let extra = short.clamp(0, 240);
                    short -= extra;
                    let cell =
                        Cell { artisan_id: *artisan_id, work_date, kind: HourKind::Production, minutes: 480 + extra };
                    cells.push((*center_id, cell));
                }
                for _ in 0..rng.usize(19..=29) {
                    let day = month.first_day().with_day(rng.u32(1..=days)).expect("a day of the month");
                    let bonus = rng.i64(1_000..=40_000);
                    let mut e = NewEntry::new(EntryKind::SaleBonus, *artisan_id, *center_id, bonus, day);
                    e.details = json!({ "piece_bonus_minor": bonus, "bonus_percent": "5", "bench": true });
                    e.recorded_by = "system".into();
                    entries.push((ist(day, 20, 0), e));
                    owed[k] += bonus;
                }
            }
            entries.retain(|(at, _)| *at <= now);
            entries.sort_by_key(|(at, e)| (*at, e.artisan_id));
            total += ledger::append_many(conn, &entries)?;
            register_days += register::insert_generated(conn, &cells, "bench", created)?;
            if month == last {
                break;
            }
            month = month.next();
        }
        Ok(BenchLedger { artisans: ids.len(), entries: total, months, register_days })
    })
}
