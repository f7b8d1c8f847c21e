//! GST tax invoices and credit notes (issue 15). Every paid order gets a tax invoice, issued in
//! the write that marks it paid (`orders::fulfilment` calls `service::issue_invoice`), numbered
//! from a consecutive series per Indian financial year; every refund recorded on an invoiced
//! order gets a credit note against it (`service::credit_for_refund`). `tax` is the arithmetic
//! (financial year, numbers, place of supply, GST-inclusive splits, proportional reversal);
//! documents are stored with a snapshot and never change (`models::Document`); `view` is what
//! the printable page shows; `admin` the finance list and its CSV (GSTR-1 inputs).
//!
//! The pages that show one document sit with the order they belong to: the customer's
//! `/orders/{token}/invoice` (`orders::handlers`) and the back office's
//! `/admin/orders/{id}/invoice` (`orders::admin`, scoped to the manager's center).

pub mod admin;
pub mod models;
pub mod queries;
pub mod service;
pub mod tax;
pub mod view;
