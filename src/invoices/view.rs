//! What the printable page shows of a stored document: its snapshot, amounts formatted in the
//! document's currency, and the tax columns the kind of supply has.

use serde::Serialize;

use super::models::{DocKind, Document, InvoiceRow};
use super::tax::{Supply, Tax};
use crate::error::AppError;
use crate::money::{Currency, Money};

#[derive(Debug, Serialize)]
pub struct DocumentView {
    pub title: &'static str,
    pub is_credit_note: bool,
    pub doc: Document,
    pub intra: bool,
    pub inter: bool,
    pub export: bool,
    pub lines: Vec<LineView>,
    pub totals: AmountsView,
    /// The tax in words a person checks: "CGST 1.5 % + SGST 1.5 %", "IGST 3 %", "Zero-rated".
    pub tax_label: String,
}

#[derive(Debug, Serialize)]
pub struct LineView {
    pub number: usize,
    pub sku: String,
    pub description: String,
    pub hsn: String,
    pub quantity: i64,
    pub amounts: AmountsView,
}

#[derive(Debug, Serialize)]
pub struct AmountsView {
    pub taxable: String,
    pub cgst: String,
    pub sgst: String,
    pub igst: String,
    pub tax: String,
    pub total: String,
}

fn amounts(t: &Tax, currency: Currency) -> AmountsView {
    let m = |minor: i64| Money::new(minor, currency).to_string();
    AmountsView {
        taxable: m(t.taxable),
        cgst: m(t.cgst),
        sgst: m(t.sgst),
        igst: m(t.igst),
        tax: m(t.tax()),
        total: m(t.total),
    }
}

pub fn view(row: &InvoiceRow) -> Result<DocumentView, AppError> {
    let doc: Document = serde_json::from_str(&row.document).map_err(AppError::internal)?;
    let currency = row.currency;
    let half = |p: &str| {
        p.parse::<rust_decimal::Decimal>()
            .map(|d| (d / rust_decimal::Decimal::TWO).normalize().to_string())
            .unwrap_or_else(|_| p.to_string())
    };
    let tax_label = match doc.supply {
        Supply::Intra => format!("CGST {} % + SGST {} %", half(&doc.gst_percent), half(&doc.gst_percent)),
        Supply::Inter => format!("IGST {} %", doc.gst_percent),
        Supply::Export => "Zero-rated (export under LUT)".to_string(),
    };
    Ok(DocumentView {
        title: row.kind.title(),
        is_credit_note: row.kind == DocKind::CreditNote,
        intra: doc.supply == Supply::Intra,
        inter: doc.supply == Supply::Inter,
        export: doc.supply == Supply::Export,
        lines: doc
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| LineView {
                number: i + 1,
                sku: l.sku.clone(),
                description: l.description.clone(),
                hsn: l.hsn.clone(),
                quantity: l.quantity,
                amounts: amounts(&l.amounts, currency),
            })
            .collect(),
        totals: amounts(&doc.totals, currency),
        tax_label,
        doc,
    })
}

/// A link to a document, for the order pages.
#[derive(Debug, Serialize)]
pub struct DocLink {
    pub id: i64,
    pub kind: &'static str,
    pub title: &'static str,
    pub number: String,
    pub issued_on: String,
    pub total: String,
}

pub fn links(rows: &[InvoiceRow]) -> Vec<DocLink> {
    rows.iter()
        .map(|r| DocLink {
            id: r.id,
            kind: r.kind.code(),
            title: r.kind.title(),
            number: r.number.clone(),
            issued_on: r.issued_on.format("%-d %B %Y").to_string(),
            total: Money::new(r.total_minor, r.currency).to_string(),
        })
        .collect()
}

/// The printable page of a document (`templates/invoices/document.html`): a page of its own
/// with a print stylesheet, for the customer and for staff alike. `back` is the page it was
/// opened from.
pub fn render_page(state: &crate::state::AppState, row: &InvoiceRow, back: &str) -> Result<String, AppError> {
    let v = view(row)?;
    let mut ctx = tera::Context::new();
    ctx.insert("back_url", back);
    let meta = crate::web::PageMeta {
        title: format!("{} {} — {}", v.title, v.doc.number, state.settings.shop.name),
        description: String::new(),
        path: "/orders",
        nav: "",
    };
    ctx.insert("d", &v);
    state.templates.render("invoices/document.html", &meta, ctx)
}
