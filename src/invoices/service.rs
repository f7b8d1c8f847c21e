//! Issuing tax invoices and credit notes, and reading them back.
//!
//! `issue_invoice` and `credit_for_refund` run inside the write that marks the order paid or
//! records its refund (`orders::fulfilment`), after that write has locked the order row: the
//! lock makes "has this order an invoice yet?" safe to ask, and the number comes from the
//! series counter in the same transaction (`queries::next_number`), so a payment that rolls
//! back never burns a number. A document is never changed after issue (triggers refuse it):
//! it keeps a JSON snapshot of everything it prints.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use rust_decimal::Decimal;

use super::models::{Against, Buyer, DocKind, DocLine, Document, InvoiceRow, IssuerRow, NewInvoice, Seller};
use super::queries::{self, ItemFacts, OrderFacts};
use super::tax::{self, FinancialYear, PlaceOfSupply, Series, Supply, Tax};
use crate::config::{InvoiceSettings, Settings};
use crate::db::DbConn;
use crate::error::AppError;
use crate::wages::types::india_date;

/// The seller, as the paid write reads it.
#[derive(Debug, Clone)]
pub struct Issuer {
    pub settings: InvoiceSettings,
    pub gst_percent: Decimal,
    /// The shipping options' names by code, as configured when the issuer was stored.
    pub shipping_names: BTreeMap<String, String>,
}

impl Issuer {
    pub fn from_settings(settings: &Settings) -> Self {
        Self {
            settings: settings.invoice.clone(),
            gst_percent: settings.pricing.gst_percent,
            shipping_names: shipping_names(settings),
        }
    }
}

/// Every configured shipping option's name by its code.
fn shipping_names(settings: &Settings) -> BTreeMap<String, String> {
    settings.shipping_zones.iter().flat_map(|z| z.options.iter()).map(|o| (o.code.clone(), o.label.clone())).collect()
}

/// Stores the configured seller (start-up, under the migration lock): the paid write of every
/// path — the webhook, the development page, the CLI — reads it from the database.
pub fn sync_issuer(conn: &mut DbConn, settings: &Settings, now: NaiveDateTime) -> diesel::QueryResult<()> {
    let i = &settings.invoice;
    queries::set_issuer(
        conn,
        &IssuerRow {
            id: 1,
            prefix: i.prefix.clone(),
            seller_name: i.seller_name.clone(),
            gstin: i.gstin.clone(),
            registered_office: i.registered_office.clone(),
            state_code: i.state_code.clone(),
            lut_number: i.lut_number.clone(),
            gst_percent: settings.pricing.gst_percent.to_string(),
            updated_at: now,
            shipping_names: serde_json::to_string(&shipping_names(settings)).unwrap_or_default(),
        },
    )
}

fn issuer(conn: &mut DbConn) -> Result<Issuer, AppError> {
    match queries::issuer(conn)? {
        Some(row) => Ok(Issuer {
            gst_percent: row
                .gst_percent
                .parse()
                .map_err(|e| AppError::internal_in("reading the stored GST rate", e))?,
            settings: InvoiceSettings {
                prefix: row.prefix,
                seller_name: row.seller_name,
                gstin: row.gstin,
                registered_office: row.registered_office,
                state_code: row.state_code,
                lut_number: row.lut_number,
            },
            // Stored before the names were ('') or unreadable: the codes are shown instead.
            shipping_names: serde_json::from_str(&row.shipping_names).unwrap_or_default(),
        }),
        // A database no server has started on yet (a CLI on a fresh file): the defaults.
        None => Ok(Issuer {
            settings: InvoiceSettings::default(),
            gst_percent: Decimal::from(3),
            shipping_names: BTreeMap::new(),
        }),
    }
}

/// What an export invoice says instead of charging IGST.
pub fn export_note(lut: &str) -> String {
    format!("Supply meant for export under LUT without payment of integrated tax (LUT {lut}).")
}

fn seller(issuer: &Issuer) -> Seller {
    let s = &issuer.settings;
    let state = match tax::state_name(&s.state_code) {
        Some(name) => format!("{name} ({})", s.state_code),
        None => s.state_code.clone(),
    };
    Seller {
        name: s.seller_name.clone(),
        gstin: s.gstin.clone(),
        registered_office: s.registered_office.clone(),
        state,
    }
}

fn buyer(order: &OrderFacts) -> Buyer {
    let mut address = vec![order.ship_line1.clone()];
    if let Some(l2) = order.ship_line2.as_ref().filter(|s| !s.trim().is_empty()) {
        address.push(l2.clone());
    }
    let region = order.ship_region.as_ref().filter(|s| !s.trim().is_empty());
    address.push(match region {
        Some(r) => format!("{}, {r} {}", order.ship_city, order.ship_postal_code),
        None => format!("{} {}", order.ship_city, order.ship_postal_code),
    });
    address.push(crate::shipping::countries::name_of(&order.ship_country).unwrap_or(&order.ship_country).to_string());
    Buyer { name: order.ship_name.clone(), address, gstin: None }
}

/// "Ring, 22 karat yellow gold (22K916), net metal weight 4.210 g — Lotus ring".
pub fn describe(item: &ItemFacts) -> String {
    let weight = crate::catalog::types::Milligrams::new(item.net_weight_mg)
        .map(|w| w.to_string())
        .unwrap_or_else(|_| format!("{} mg", item.net_weight_mg));
    format!(
        "{} in {} {} ({}), net metal weight {weight} — {}",
        item.kind.label(),
        item.metal.label().to_lowercase(),
        item.purity.code(),
        item.purity.label(),
        item.title
    )
}

fn number(issuer: &Issuer, series: Series, year: FinancialYear, conn: &mut DbConn) -> Result<String, AppError> {
    let n = queries::next_number(conn, series, &year.label())?;
    tax::number(&issuer.settings.prefix, series, year, n).ok_or_else(|| {
        AppError::conflict("invoice_series_full", "This year's document numbers would pass 16 characters.")
    })
}

/// Issues the order's tax invoice if it has none: one line per piece and one for shipping
/// (same treatment), each split on its own so that the lines add up to the totals. Returns
/// the new invoice's id. The caller holds the order's lock (`orders::queries::lock`).
pub fn issue_invoice(conn: &mut DbConn, order_id: i64, now: NaiveDateTime) -> Result<Option<i64>, AppError> {
    if queries::invoice_of_order(conn, order_id)?.is_some() {
        return Ok(None);
    }
    let order = queries::order_facts(conn, order_id)?.ok_or(AppError::NotFound)?;
    let items = queries::item_facts(conn, order_id)?;
    let issuer = issuer(conn)?;
    let place: PlaceOfSupply =
        tax::place_of_supply(&order.ship_country, order.ship_region.as_deref(), &issuer.settings.state_code);
    let rate = issuer.gst_percent;
    let mut lines = Vec::with_capacity(items.len() + 1);
    for item in &items {
        lines.push(DocLine {
            sku: item.sku.clone(),
            description: describe(item),
            hsn: tax::HSN_JEWELLERY.into(),
            quantity: 1,
            amounts: tax::split_inclusive(item.price_minor, rate, place.supply)?,
        });
    }
    if order.shipping_minor > 0 {
        // The option in words, as configured (its code only if no longer configured).
        let option = issuer.shipping_names.get(&order.shipping_option).unwrap_or(&order.shipping_option);
        lines.push(DocLine {
            sku: String::new(),
            description: format!("Shipping and insurance ({option})"),
            hsn: tax::HSN_JEWELLERY.into(),
            quantity: 1,
            amounts: tax::split_inclusive(order.shipping_minor, rate, place.supply)?,
        });
    }
    let totals = lines.iter().fold(Tax::default(), |t, l| t.add(&l.amounts));
    if totals.total != order.total_minor {
        tracing::error!(
            order_id,
            lines = totals.total,
            order = order.total_minor,
            "invoice lines differ from the order total"
        );
    }
    let on = india_date(now);
    let year = FinancialYear::of(on);
    let number = number(&issuer, Series::Invoice, year, conn)?;
    let document = Document {
        kind: DocKind::Invoice.code().into(),
        number: number.clone(),
        issued_on: on.to_string(),
        financial_year: year.label(),
        order_reference: order.reference.clone(),
        seller: seller(&issuer),
        buyer: buyer(&order),
        place_of_supply: place.label.clone(),
        supply: place.supply,
        hsn: tax::HSN_JEWELLERY.into(),
        gst_percent: rate.normalize().to_string(),
        currency: order.currency.code().into(),
        lines,
        totals,
        export_note: (place.supply == Supply::Export).then(|| export_note(&issuer.settings.lut_number)),
        against: None,
        reason: None,
        charged: queries::charge_facts(conn, order_id)?
            .filter(|c| c.currency != order.currency)
            .map(|c| charge_statement("Charged", c.amount_minor, &c)),
    };
    let id = insert(conn, DocKind::Invoice, order_id, None, &order, &place, year, on, now, &document)?;
    tracing::info!(order_id, %number, "tax invoice issued");
    Ok(Some(id))
}

#[allow(clippy::too_many_arguments)]
fn insert(
    conn: &mut DbConn,
    kind: DocKind,
    order_id: i64,
    invoice_id: Option<i64>,
    order: &OrderFacts,
    place: &PlaceOfSupply,
    year: FinancialYear,
    on: chrono::NaiveDate,
    now: NaiveDateTime,
    document: &Document,
) -> Result<i64, AppError> {
    let t = document.totals;
    Ok(queries::insert(
        conn,
        &NewInvoice {
            kind,
            number: document.number.clone(),
            financial_year: year.label(),
            order_id,
            invoice_id,
            issued_at: now,
            issued_on: on,
            currency: order.currency,
            place_of_supply: place.label.clone(),
            export: place.supply == Supply::Export,
            taxable_minor: t.taxable,
            cgst_minor: t.cgst,
            sgst_minor: t.sgst,
            igst_minor: t.igst,
            total_minor: t.total,
            document: serde_json::to_string(document).map_err(AppError::internal)?,
        },
    )?)
}

/// Issues a credit note for `amount` (minor units) refunded on the order, against its invoice:
/// the taxable value and the tax reversed in proportion (`tax::credit`; the refund that
/// completes the invoice's total credits exactly what is left). No invoice (the order was never
/// paid, or lost its pieces) → nothing. The caller holds the order's lock.
pub fn credit_for_refund(
    conn: &mut DbConn,
    order_id: i64,
    amount: i64,
    now: NaiveDateTime,
) -> Result<Option<i64>, AppError> {
    let Some(invoice) = queries::invoice_of_order(conn, order_id)? else {
        return Ok(None);
    };
    let issued: Document = serde_json::from_str(&invoice.document).map_err(AppError::internal)?;
    let credited = queries::credit_notes_of(conn, invoice.id)?.iter().fold(Tax::default(), |t, c| t.add(&c.tax()));
    let Some(amounts) = tax::credit(&invoice.tax(), &credited, amount, issued.supply)? else {
        return Ok(None);
    };
    let order = queries::order_facts(conn, order_id)?.ok_or(AppError::NotFound)?;
    let issuer = issuer(conn)?;
    let on = india_date(now);
    let year = FinancialYear::of(on);
    let number = number(&issuer, Series::CreditNote, year, conn)?;
    let place = PlaceOfSupply { state_code: None, label: invoice.place_of_supply.clone(), supply: issued.supply };
    let full = credited.total + amounts.total == invoice.total_minor;
    let document = Document {
        kind: DocKind::CreditNote.code().into(),
        number: number.clone(),
        issued_on: on.to_string(),
        financial_year: year.label(),
        order_reference: issued.order_reference.clone(),
        // The seller as it is now; the buyer, place of supply and rate as invoiced.
        seller: seller(&issuer),
        buyer: issued.buyer.clone(),
        place_of_supply: issued.place_of_supply.clone(),
        supply: issued.supply,
        hsn: issued.hsn.clone(),
        gst_percent: issued.gst_percent.clone(),
        currency: issued.currency.clone(),
        lines: vec![DocLine {
            sku: String::new(),
            description: format!(
                "{} of the value of invoice {}",
                if full { "Refund of the rest" } else { "Refund of part" },
                invoice.number
            ),
            hsn: issued.hsn.clone(),
            quantity: 1,
            amounts,
        }],
        totals: amounts,
        export_note: issued.export_note.clone(),
        against: Some(Against { number: invoice.number.clone(), issued_on: invoice.issued_on.to_string() }),
        reason: Some("Refund to the customer".into()),
        charged: match queries::charge_facts(conn, order_id)?.filter(|c| c.currency != order.currency) {
            Some(c) => Some(charge_statement("Refunded", charged_part(&c, credited.total, amounts.total)?, &c)),
            None => None,
        },
    };
    let id = insert(conn, DocKind::CreditNote, order_id, Some(invoice.id), &order, &place, year, on, now, &document)?;
    tracing::info!(order_id, %number, against = %invoice.number, "credit note issued");
    Ok(Some(id))
}

/// "Charged EUR 114.00 at 1 EUR = ₹90.21 (rate of 2026-12-01, source: …)": an amount in the
/// currency the buyer paid in, with the rate the order recorded at checkout.
pub fn charge_statement(verb: &str, amount_minor: i64, c: &queries::ChargeFacts) -> String {
    let amount = crate::money::Money::new(amount_minor, c.currency);
    let rate = c
        .rate
        .parse::<Decimal>()
        .ok()
        .and_then(|r| crate::money::per_unit(r, c.base_currency, c.currency))
        .unwrap_or_else(|| format!("{} {} per {}", c.rate, c.currency, c.base_currency));
    format!(
        "{verb} {} {} at {rate} (rate of {}, source: {}).",
        c.currency.code(),
        amount.major_string(),
        c.rate_date,
        c.rate_source
    )
}

/// What a credit of `amount` (base minor units, after `before` already credited) gave back in
/// the charged currency: the difference of the converted running totals, the conversion the
/// refund itself makes (`orders::charge::Charged::to_charged`), so the credit notes of a whole
/// refund add up to exactly what was charged.
fn charged_part(c: &queries::ChargeFacts, before: i64, amount: i64) -> Result<i64, AppError> {
    let to = |base: i64| crate::money::proportional(base, c.base_minor, c.amount_minor).map_err(AppError::internal);
    Ok(to(before + amount)? - to(before)?)
}

/// The order's documents, invoice first.
pub fn of_order(conn: &mut DbConn, order_id: i64) -> Result<Vec<InvoiceRow>, AppError> {
    Ok(queries::of_order(conn, order_id)?)
}

/// One document of the order (the invoice when `id` is `None`); 404 if the order has no such.
pub fn document_of_order(conn: &mut DbConn, order_id: i64, id: Option<i64>) -> Result<InvoiceRow, AppError> {
    let row = match id {
        None => queries::invoice_of_order(conn, order_id)?,
        Some(id) => queries::find(conn, id)?.filter(|r| r.order_id == order_id && r.kind == DocKind::CreditNote),
    };
    row.ok_or(AppError::NotFound)
}
