//! The state every request handler shares: one value per app instance, built by
//! `startup::Application::build`. Nothing in it is per user, so instances are stateless and
//! several can run over one PostgreSQL.

use std::sync::Arc;

use crate::config::Settings;
use crate::crypto::{Cipher, LedgerSigner};
use crate::db::Pool;
use crate::payments::Gateway;
use crate::web::page_cache::PageCache;
use crate::web::Templates;

/// Shared, read-only state of one app instance.
pub struct AppState {
    pub settings: Settings,
    pub pool: Pool,
    /// Shared with the error pages (`web::error_pages`), which render without the app state.
    pub templates: Arc<Templates>,
    pub cache: Arc<PageCache>,
    /// Encrypts artisans' private fields and TOTP secrets at rest.
    pub cipher: Cipher,
    /// The payment provider: Stripe, or the development test-payment page.
    pub gateway: Gateway,
    /// Signs the ledger's head at each month close (`wages::checkpoints`); `None` in production
    /// without `FAIRGOLD_LEDGER_SIGNING_KEY`: months cannot be closed then.
    pub ledger_signer: Option<LedgerSigner>,
    /// The photo-processing slots (`images::Jobs`): uploads beyond them wait or get 503.
    pub image_jobs: crate::images::Jobs,
    /// Where photos, portraits and signed consent forms are kept (`images::storage`): the data
    /// directory, or a bucket every instance shares.
    pub storage: crate::images::Storage,
    /// The currencies public pages offer, per catalog version and day (`web::currency::OfferedCache`).
    pub offered: crate::web::currency::OfferedCache,
}
