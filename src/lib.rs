//! fairgold: an online shop and order backend for gold jewelry made by survivors of
//! trafficking, with an auditable fair-wage ledger. See ARCHITECTURE.md for the map.

pub mod admin;
pub mod api_admin;
pub mod artisans;
pub mod audit;
pub mod auth;
pub mod cart;
pub mod catalog;
pub mod centers;
pub mod checkout;
pub mod cli;
pub mod config;
pub mod crypto;
pub mod db;
pub mod email;
pub mod error;
pub mod i18n;
pub mod images;
pub mod impact;
pub mod import;
pub mod inventory;
pub mod invoices;
pub mod keys;
pub mod metrics;
pub mod money;
pub mod openapi;
pub mod orders;
pub mod payments;
pub mod policies;
pub mod pricing;
pub mod privacy;
pub mod reference;
pub mod retention;
pub mod returns;
pub mod schema;
pub mod screening;
/// Demo content (pieces, artisans, orders, a wage history) and its renders: `cargo run`'s shop.
/// Left out of a production build (`--no-default-features`).
#[cfg(feature = "demo")]
pub mod seed;
pub mod shipping;
pub mod staff;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod wages;
pub mod web;
