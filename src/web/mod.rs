//! What every page shares: static assets, templates, error pages, health checks, SEO files.

pub mod assets;
pub mod client;
pub mod csv_safe;
pub mod currency;
pub mod error_pages;
pub mod form;
pub mod health;
pub mod layout_facts;
pub mod metrics;
pub mod origin;
pub mod page_cache;
pub mod respond;
pub mod secret_paths;
pub mod security;
pub mod templates;
pub mod text_enum;
pub mod text_guard;

pub use assets::Assets;
pub use templates::{PageMeta, Templates};
