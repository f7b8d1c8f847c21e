//! Inventory: how staff create and change pieces. `input` parses what they type (forms, CSV
//! rows, JSON) with an error per field; `service` applies it with center checks, the audit
//! log and the catalog version. The back-office pages, the CSV import and the admin API all
//! go through here. `publishing` holds what publishing needs (basics, screening approval)
//! and the confirmation's preview; `publish_admin` its back-office pages.

pub mod admin;
pub mod input;
pub mod photos;
pub mod publish_admin;
pub mod publishing;
pub mod service;

pub use input::{PieceForm, PieceInput};
pub use service::{MakerShare, WagePreview};
