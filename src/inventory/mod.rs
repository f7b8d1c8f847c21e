//! Inventory: how staff create and change pieces. `input` parses what they type (forms, CSV
//! rows, JSON) with an error per field; `service` applies it with center checks, the audit
//! log and the catalog version. The back-office pages, the CSV import and the admin API all
//! go through here.

pub mod admin;
pub mod input;
pub mod photos;
pub mod service;

pub use input::{PieceForm, PieceInput};
pub use service::{MakerShare, WagePreview};
