//! Building the application: the database pool (migrated), templates, assets, the middleware
//! stack and the routes. `Application` is what `main` runs and what the tests boot.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::{Server, Service};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::{Compress, ErrorHandlers};
use actix_web::{web, App, HttpMessage, HttpServer};
use tracing_actix_web::{RequestId, TracingLogger};

use crate::config::Settings;
use crate::db;
use crate::state::AppState;
use crate::telemetry::AccessLog;
use crate::web::page_cache::PageCache;
use crate::web::{assets, error_pages, health, secret_paths, security, Assets, Templates};
use crate::{admin, api_admin, artisans, auth, catalog, openapi};
use secrecy::ExposeSecret;

pub struct Application {
    port: u16,
    base_url: String,
    server: Server,
    /// `/metrics` on its own address, when `metrics_listen` is set.
    metrics: Option<(u16, Server)>,
}

impl Application {
    /// Opens and migrates the database, seeds demo data if asked and the shop is empty,
    /// and binds the listener. The server starts when `run` is awaited.
    pub async fn build(mut settings: Settings) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(settings.listen)
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", settings.listen))?;
        // Without a base URL (development), links name the address actually bound: its port.
        settings.follow_listener(listener.local_addr()?);
        let base_url = settings.base_url.clone();
        let metrics_listener = settings
            .metrics_listen
            .map(|addr| TcpListener::bind(addr).map_err(|e| anyhow::anyhow!("cannot listen on {addr} (metrics): {e}")))
            .transpose()?;
        let cache = Arc::new(PageCache::new(settings.cache_max_bytes, settings.cache_refresh));
        let (hits, misses) = cache.counters();
        let metrics = web::Data::new(crate::web::metrics::Metrics::new(hits, misses));
        let pool_wait = metrics.pool_wait.clone();
        let pool = db::pool_observed(
            &settings.database,
            settings.db_pool_size,
            Some(Arc::new(move |waited: std::time::Duration| pool_wait.observe(waited.as_secs_f64()))),
        )?;
        let seed_demo = settings.seed_demo;
        let currency = settings.currency;
        let media_dir = settings.media_dir();
        let cipher = settings.cipher();
        // Production refuses to start without a random key (`config`); development says loudly
        // that what it encrypts is not protected.
        if crate::crypto::uses_development_key(settings.secret_key.as_ref()) {
            tracing::warn!(
                "!!! INSECURE: no FAIRGOLD_SECRET_KEY is set: artisans' private records and TOTP secrets are \
                 encrypted with the DEVELOPMENT KEY, which is in the source code. Never put real data in this \
                 database !!!"
            );
        } else if let Some(why) =
            settings.secret_key.as_ref().and_then(|k| crate::crypto::key_weakness(k.expose_secret()))
        {
            tracing::warn!(
                "!!! INSECURE: FAIRGOLD_SECRET_KEY is not a random key ({why}); production would refuse it !!!"
            );
        }
        if cipher.has_old_key() {
            tracing::warn!(
                "FAIRGOLD_SECRET_KEY_OLD is set: values sealed under the old key still open. Run `fairgold keys \
                 rotate` to re-encrypt them under FAIRGOLD_SECRET_KEY, then remove the old key"
            );
        }
        let ledger_signer = crate::crypto::LedgerSigner::choose(
            settings.ledger_signing_key.as_ref(),
            settings.secret_key.as_ref(),
            settings.is_development(),
        )
        .map_err(anyhow::Error::msg)?;
        match &ledger_signer {
            Some(s) if s.is_development() => tracing::warn!(
                public_key = %s.public_key_hex(),
                "!!! INSECURE: no FAIRGOLD_LEDGER_SIGNING_KEY is set: ledger checkpoints are signed with a \
                 DEVELOPMENT KEY derived from the secret key; they prove nothing to anyone !!!"
            ),
            Some(s) => tracing::info!(public_key = %s.public_key_hex(), "ledger checkpoints are signed"),
            None => tracing::warn!(
                "no FAIRGOLD_LEDGER_SIGNING_KEY is set: months cannot be closed until it is (each close signs the \
                 ledger's head)"
            ),
        }
        let start_cipher = cipher.clone();
        let start_settings = settings.clone();
        #[cfg(feature = "demo")]
        let start_signer = ledger_signer.clone();
        let seeded = db::run(&pool, move |conn| {
            let now = chrono::Utc::now().naive_utc();
            let migrated = db::migrate_then(conn, |conn| {
                crate::reference::ensure(conn, now)?;
                crate::invoices::service::sync_issuer(conn, &start_settings, now)
            })?;
            if migrated > 0 {
                tracing::info!(migrations = migrated, "database migrated");
            }
            let sealed = artisans::service::encrypt_plaintext_private_fields(conn, &start_cipher)?;
            if sealed > 0 {
                tracing::info!(rows = sealed, "encrypted artisans' private fields stored in plain text");
            }
            #[cfg(feature = "demo")]
            let seeded = if seed_demo {
                crate::seed::demo_if_empty(conn, &media_dir, currency, &start_cipher, start_signer.as_ref())?
            } else {
                false
            };
            // `Settings` refuses `seed_demo` in a build without the demo (see `config.rs`).
            #[cfg(not(feature = "demo"))]
            let seeded = {
                let _ = (seed_demo, &media_dir, currency);
                false
            };
            Ok::<_, anyhow::Error>(seeded)
        })
        .await?;
        if seeded {
            tracing::info!("demo data added to the empty database");
            #[cfg(feature = "demo")]
            crate::seed::print_demo_sign_in(&settings.base_url);
        }
        let assets = web::Data::new(Assets::load());
        let templates = Arc::new(Templates::load(&settings, &assets)?);
        let pages_for_errors = web::Data::from(Arc::clone(&templates));
        let port = listener.local_addr()?.port();
        let workers = settings.workers;
        let production = !settings.is_development();
        // Photos, portraits and consent forms: the data directory or a shared bucket.
        let storage = crate::images::Storage::from_settings(&settings)?;
        tracing::info!(store = storage.description(), "stored images");
        if seeded && storage.is_s3() {
            // The demo seed writes its pictures into the data directory: copy them over.
            let copied = crate::images::storage::migrate_local(&settings.data_dir, &storage).await?;
            tracing::info!(files = copied.copied, "demo pictures copied into the bucket");
        }
        let storage_for_media = web::Data::new(storage.clone());
        // The sentences about wages on every page come from the impact figures.
        templates.facts().set_source(Box::new(crate::impact::claims::layout_facts));
        cache.set_facts(Arc::clone(templates.facts()));
        let terms = crate::pricing::presentment::Terms::of(&settings);
        templates.offer().set_source(Box::new(move |conn: &mut crate::db::DbConn, day: chrono::NaiveDate| {
            crate::pricing::presentment::offered_codes(conn, terms, day)
        }));
        cache.set_offer(Arc::clone(templates.offer()));
        cache.start_refresh(pool.clone());
        // The email outbox worker: a task of this runtime, it stops when the runtime does.
        let outgoing = crate::email::transport::Outgoing::from_settings(&settings)?;
        let renderer: Arc<dyn crate::email::Compose> =
            Arc::new(crate::orders::emails::Renderer::load(&settings, cipher.clone())?);
        if settings.mail.poll_ms > 0 {
            crate::email::worker::Worker::new(pool.clone(), renderer, outgoing)
                .start(std::time::Duration::from_millis(settings.mail.poll_ms));
        }
        let gateway = crate::payments::Gateway::from_settings(&settings)?;
        let form_action = gateway.form_action_origins();
        let pool_for_health = web::Data::new(pool.clone());
        let metrics_server = match metrics_listener {
            Some(listener) => {
                let (metrics, pool) = (metrics.clone(), pool_for_health.clone());
                let port = listener.local_addr()?.port();
                let server = HttpServer::new(move || {
                    App::new()
                        .app_data(metrics.clone())
                        .app_data(pool.clone())
                        .route("/metrics", web::get().to(crate::metrics::scrape))
                })
                .workers(1)
                .disable_signals()
                .listen(listener)?
                .run();
                Some((port, server))
            }
            None => None,
        };
        let metrics_for_app = metrics.clone();
        let image_jobs =
            crate::images::Jobs::new(settings.images.jobs, std::time::Duration::from_millis(settings.images.wait_ms));
        let state = web::Data::new(AppState {
            settings,
            pool,
            templates,
            cache,
            cipher,
            gateway,
            image_jobs,
            ledger_signer,
            storage,
            offered: Default::default(),
        });
        // Unpaid orders past their hold, and sessions to close at the payment provider.
        crate::orders::sweeper::start(state.clone());
        // Expired sessions, old sign-in attempts, abandoned carts, expired setup links.
        crate::retention::start(state.clone());
        // Orders past the tax-record period masked (customers' privacy), on the same interval.
        crate::privacy::expiry::start(state.clone());

        // The public catalog in memory, shared by this instance's workers.
        let snapshots = web::Data::new(catalog::snapshot::Snapshots::default());
        let mut server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .app_data(snapshots.clone())
                .app_data(pages_for_errors.clone())
                .app_data(pool_for_health.clone())
                .app_data(assets.clone())
                .app_data(web::QueryConfig::default().error_handler(|err, _| {
                    crate::error::AppError::bad_request_general(format!("the query string could not be read: {err}"))
                        .into()
                }))
                .wrap(actix_web::middleware::from_fn(admin::guard))
                .wrap(actix_web::middleware::from_fn(crate::web::text_guard::guard))
                .wrap(ErrorHandlers::new().default_handler(error_pages::render))
                .wrap(security::headers(production, &form_action))
                .wrap(Compress::default())
                .wrap(actix_web::middleware::from_fn(admin::uncompressed))
                .wrap_fn(|req, srv| {
                    let request_id = req.extensions().get::<RequestId>().copied();
                    let fut = srv.call(req);
                    async move {
                        let mut res = fut.await?;
                        if let Some(id) = request_id {
                            if let Ok(value) = HeaderValue::from_str(&id.to_string()) {
                                res.headers_mut().insert(HeaderName::from_static("x-request-id"), value);
                            }
                        }
                        Ok(res)
                    }
                })
                .wrap(actix_web::middleware::from_fn(secret_paths::no_referrer))
                .wrap(TracingLogger::<AccessLog>::new())
                .app_data(metrics_for_app.clone())
                .wrap(actix_web::middleware::from_fn(crate::web::metrics::record))
                .route("/healthz", web::get().to(health::healthz))
                .route("/readyz", web::get().to(health::readyz))
                .route("/webhooks/stripe", web::post().to(crate::orders::webhook::receive))
                .route("/static/{path:.*}", web::get().to(assets::serve))
                .app_data(storage_for_media.clone())
                .route("/media/{path:.*}", web::get().to(crate::images::storage::serve_media))
                .configure(catalog::routes)
                .configure(crate::artisans::portraits::routes)
                .configure(crate::impact::routes)
                .configure(crate::policies::routes)
                .configure(crate::wages::public_routes)
                .configure(crate::pricing::routes)
                .configure(crate::cart::routes)
                .configure(crate::checkout::routes)
                .configure(crate::orders::routes)
                .configure(crate::privacy::routes)
                .configure(crate::returns::routes)
                .configure(auth::routes)
                .configure(admin::routes)
                .configure(api_admin::routes)
                .configure(openapi::routes)
        })
        .shutdown_timeout(20)
        .listen(listener)?;
        if let Some(n) = workers {
            server = server.workers(n);
        }
        Ok(Self { port, base_url, server: server.run(), metrics: metrics_server })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The base URL every link is built from (the bound address's, unless one was set).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The port of `/metrics`, when `metrics_listen` is set.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics.as_ref().map(|(port, _)| *port)
    }

    /// Serves until SIGTERM or SIGINT, then finishes in-flight requests (graceful shutdown);
    /// the metrics endpoint stops with the shop.
    pub async fn run(self) -> std::io::Result<()> {
        let metrics = self.metrics.map(|(_, server)| {
            let handle = server.handle();
            tokio::spawn(server);
            handle
        });
        let result = self.server.await;
        if let Some(handle) = metrics {
            handle.stop(true).await;
        }
        result
    }
}
