//! The one integration test binary: each module boots the real app (see `helpers`).

mod account;
mod admin_access;
mod admin_api;
mod admin_artisans;
mod admin_audit;
mod admin_images;
mod admin_import;
mod admin_pieces;
mod api;
mod architecture;
mod artisan_safety;
mod auth;
mod backup;
mod cache;
mod cart;
mod checkout;
mod checkpoints;
mod cli;
mod contracts;
mod csv_exports;
mod email;
mod email_content;
mod faults;
mod helpers;
mod holds;
mod hostile_input;
mod impact;
mod invoices;
mod keys;
mod logs;
mod metrics;
mod money_split;
mod operations;
mod orders;
mod payment_events;
mod payslips;
mod policies;
mod privacy;
mod publishing;
mod races;
mod retention;
mod safety;
mod schema;
// Shared with the browser target (tests/support/).
#[path = "../support/smtp.rs"]
mod smtp;
mod storefront;
mod stripe;
#[path = "../support/stripe_fixtures.rs"]
mod stripe_fixtures;
mod wages_admin;
mod wages_cli;
mod wages_months;
mod wages_pieces;
mod wages_reports;
mod webhooks;
