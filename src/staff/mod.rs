//! Staff accounts: admins, finance staff and center managers (each bound to one center).

pub mod models;
pub mod queries;
pub mod service;
pub mod types;

pub use models::StaffRow;
pub use types::{Email, Role};
