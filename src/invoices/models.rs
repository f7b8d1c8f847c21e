//! Rows of the invoice tables, and the document snapshot each issued invoice keeps.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::tax::{Supply, Tax};
use crate::money::Currency;
use crate::schema::{invoice_issuer, invoices};

/// A tax invoice or a credit note.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, diesel::expression::AsExpression, diesel::deserialize::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum DocKind {
    Invoice,
    CreditNote,
}

crate::text_column!(DocKind, "invoice kind", |c| DocKind::parse(c));

impl DocKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Invoice => "invoice",
            Self::CreditNote => "credit_note",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "invoice" => Some(Self::Invoice),
            "credit_note" => Some(Self::CreditNote),
            _ => None,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::Invoice => "Tax invoice",
            Self::CreditNote => "Credit note",
        }
    }
}

/// The seller's facts as configured (`invoice.*`, `pricing.gst_percent`), stored at start-up.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = invoice_issuer)]
pub struct IssuerRow {
    pub id: i64,
    pub prefix: String,
    pub seller_name: String,
    pub gstin: String,
    pub registered_office: String,
    pub state_code: String,
    pub lut_number: String,
    /// A decimal percentage, as written in the settings (`3`).
    pub gst_percent: String,
    pub updated_at: NaiveDateTime,
    /// The shipping options' names by code (a JSON object), for the invoice's shipping line.
    pub shipping_names: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = invoices)]
pub struct InvoiceRow {
    pub id: i64,
    pub kind: DocKind,
    pub number: String,
    pub financial_year: String,
    pub order_id: i64,
    pub invoice_id: Option<i64>,
    pub issued_at: NaiveDateTime,
    pub issued_on: NaiveDate,
    pub currency: Currency,
    pub place_of_supply: String,
    pub export: bool,
    pub taxable_minor: i64,
    pub cgst_minor: i64,
    pub sgst_minor: i64,
    pub igst_minor: i64,
    pub total_minor: i64,
    /// The `Document` as issued (JSON).
    pub document: String,
}

impl InvoiceRow {
    pub fn tax(&self) -> Tax {
        Tax {
            taxable: self.taxable_minor,
            cgst: self.cgst_minor,
            sgst: self.sgst_minor,
            igst: self.igst_minor,
            total: self.total_minor,
        }
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = invoices)]
pub struct NewInvoice {
    pub kind: DocKind,
    pub number: String,
    pub financial_year: String,
    pub order_id: i64,
    pub invoice_id: Option<i64>,
    pub issued_at: NaiveDateTime,
    pub issued_on: NaiveDate,
    pub currency: Currency,
    pub place_of_supply: String,
    pub export: bool,
    pub taxable_minor: i64,
    pub cgst_minor: i64,
    pub sgst_minor: i64,
    pub igst_minor: i64,
    pub total_minor: i64,
    pub document: String,
}

/// Everything a printed invoice or credit note shows, fixed when it is issued: a later change
/// of the settings, the catalog or the order does not change a document already issued.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    pub kind: String,
    pub number: String,
    /// The India date of issue, `2026-12-02`.
    pub issued_on: String,
    pub financial_year: String,
    pub order_reference: String,
    pub seller: Seller,
    pub buyer: Buyer,
    pub place_of_supply: String,
    pub supply: Supply,
    pub hsn: String,
    pub gst_percent: String,
    pub currency: String,
    pub lines: Vec<DocLine>,
    pub totals: Tax,
    /// For exports: the zero-rating declaration with the LUT number.
    pub export_note: Option<String>,
    /// For credit notes: the invoice it reduces.
    pub against: Option<Against>,
    pub reason: Option<String>,
    /// When the buyer paid in another currency than the document's: what they were charged
    /// (or, on a credit note, refunded) in it, at which rate, of which day, from where. The
    /// document's amounts stay in its own currency (the GST base).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charged: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Seller {
    pub name: String,
    pub gstin: String,
    pub registered_office: String,
    pub state: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Buyer {
    pub name: String,
    pub address: Vec<String>,
    /// Always blank for this shop's customers (consumers, B2C); kept for the return's column.
    pub gstin: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocLine {
    pub sku: String,
    pub description: String,
    pub hsn: String,
    pub quantity: i64,
    pub amounts: Tax,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Against {
    pub number: String,
    pub issued_on: String,
}
