//! `fairgold serve` (the default) and `fairgold migrate`.

use super::{open, CliError};
use crate::config::Settings;
use crate::startup::Application;
use crate::{db, reference};

/// Serves the shop until SIGTERM or Ctrl-C (in-flight requests finish first).
pub(super) fn serve(settings: Settings) -> Result<(), CliError> {
    actix_web::rt::System::new().block_on(async move {
        let listen = settings.listen;
        let backend = settings.database.backend_name();
        let env = settings.env;
        let app = Application::build(settings).await.map_err(CliError::Serve)?;
        let base = app.base_url();
        tracing::info!(%listen, database = backend, ?env, "fairgold is serving at {base}");
        app.run().await.map_err(|e| CliError::Serve(e.into()))?;
        tracing::info!("stopped");
        Ok(())
    })
}

/// Applies pending migrations and the reference data (the two centers, their wage policies,
/// the invoices' seller as configured).
pub(super) fn migrate(settings: &Settings) -> Result<(), CliError> {
    let mut conn = open(settings)?;
    let now = chrono::Utc::now().naive_utc();
    let n = db::migrate_then(&mut conn, |conn| {
        reference::ensure(conn, now)?;
        crate::invoices::service::sync_issuer(conn, settings, now)
    })?;
    println!("{n} migration(s) applied to the {} database", settings.database.backend_name());
    Ok(())
}
