//! Database access: one connection type over SQLite and PostgreSQL, its pool, the embedded
//! migrations, and `run`, the only way async code reaches the database (off the async workers).
//!
//! Connections that die (PostgreSQL restarted, a failover, a proxy cutting idle connections)
//! are found and replaced: when a call fails, `run` pings its connection; a dead one is marked
//! broken (the pool drops it instead of taking it back), the call answers `ConnectionLost`
//! (503 with `Retry-After`), and the pool's failure epoch moves on, so every other pooled
//! connection is pinged once at its next checkout before it is handed out again. In steady
//! operation a checkout costs an atomic load, not a round trip.

use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::config::DatabaseUrl;

pub mod backup;
pub mod text;

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Sqlite(SqliteConnection),
    Postgres(PgConnection),
}

pub type Pool = r2d2::Pool<Manager>;

/// A pooled connection, and what the pool knows of its health. Derefs to `DbConn`.
pub struct Conn {
    db: DbConn,
    /// The manager's failure epoch when this connection was last known to work.
    checked: u64,
    /// Seen dead: the pool drops it when it comes back.
    broken: bool,
    /// The pool's failure counter (`Manager::failures`).
    failures: Arc<AtomicU64>,
}

impl Conn {
    /// This connection is dead: the pool drops it, and checks the others before their next use.
    fn mark_broken(&mut self) {
        self.broken = true;
        self.failures.fetch_add(1, Ordering::SeqCst);
    }
}

impl Deref for Conn {
    type Target = DbConn;
    fn deref(&self) -> &DbConn {
        &self.db
    }
}

impl DerefMut for Conn {
    fn deref_mut(&mut self) -> &mut DbConn {
        &mut self.db
    }
}

/// Opens connections of the backend the URL names. (The derived `establish` would try each
/// backend in turn, so a PostgreSQL URL could end up as an SQLite file name; this cannot.)
#[derive(Debug, Clone)]
pub struct Manager {
    url: DatabaseUrl,
    /// How many times a connection of this pool was found dead (see the module's comment).
    failures: Arc<AtomicU64>,
}

impl ManageConnection for Manager {
    type Connection = Conn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<Conn, r2d2::Error> {
        let checked = self.failures.load(Ordering::SeqCst);
        let db = self.establish()?;
        Ok(Conn { db, checked, broken: false, failures: Arc::clone(&self.failures) })
    }

    /// Called at every checkout: free unless a connection failed since this one last worked.
    fn is_valid(&self, conn: &mut Conn) -> Result<(), r2d2::Error> {
        let epoch = self.failures.load(Ordering::SeqCst);
        if conn.checked == epoch {
            return Ok(());
        }
        conn.db.batch_execute("SELECT 1").map_err(r2d2::Error::QueryError)?;
        conn.checked = epoch;
        Ok(())
    }

    fn has_broken(&self, conn: &mut Conn) -> bool {
        conn.broken || diesel::r2d2::R2D2Connection::is_broken(&mut conn.db)
    }
}

impl Manager {
    fn establish(&self) -> Result<DbConn, r2d2::Error> {
        match &self.url {
            DatabaseUrl::Sqlite(path) => {
                let mut conn = SqliteConnection::establish(path).map_err(r2d2::Error::ConnectionError)?;
                // Per connection: SQLite forgets these settings when a connection closes.
                conn.batch_execute(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
                )
                .map_err(r2d2::Error::QueryError)?;
                Ok(DbConn::Sqlite(conn))
            }
            DatabaseUrl::Postgres(url) => PgConnection::establish(&with_network_timeouts(url))
                .map(DbConn::Postgres)
                .map_err(r2d2::Error::ConnectionError),
        }
    }
}

/// libpq settings that keep a dead network from hanging the shop, unless the URL sets its
/// own: give up connecting after 3 s, and notice a silent peer (keepalives, and at most 15 s
/// for unacknowledged data) instead of waiting on it for the kernel's default of minutes.
fn with_network_timeouts(url: &str) -> String {
    let mut out = url.to_string();
    for (key, value) in [
        ("connect_timeout", "3"),
        ("keepalives", "1"),
        ("keepalives_idle", "10"),
        ("keepalives_interval", "5"),
        ("keepalives_count", "2"),
        ("tcp_user_timeout", "15000"),
    ] {
        if !url.contains(&format!("{key}=")) {
            out.push(if out.contains('?') { '&' } else { '?' });
            out.push_str(&format!("{key}={value}"));
        }
    }
    out
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("could not open the database: {0}")]
    Pool(#[from] r2d2::PoolError),
    #[error("could not create the database folder {0}: {1}")]
    Folder(String, std::io::Error),
    #[error("migrations failed: {0}")]
    Migration(String),
    #[error("could not take the migration lock {0}: {1}")]
    MigrationLock(String, std::io::Error),
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
    #[error("the database task was cancelled")]
    Cancelled,
    /// The connection died under the call (the database restarted, or the network failed).
    #[error("the connection to the database was lost: {0}")]
    ConnectionLost(String),
}

/// How long a request waits for a connection before it is answered 503.
const CHECKOUT_TIMEOUT: Duration = Duration::from_secs(3);

/// Builds the pool. `test_on_check_out` calls `Manager::is_valid`, which pings a connection
/// only after a failure was seen (a `SELECT 1` on every checkout cost half the throughput on
/// PostgreSQL).
pub fn pool(url: &DatabaseUrl, size: u32) -> Result<Pool, DbError> {
    pool_observed(url, size, None)
}

/// Called with how long each request for a connection waited (`/metrics`).
pub type CheckoutObserver = Arc<dyn Fn(Duration) + Send + Sync>;

#[derive(Clone)]
struct ObserveCheckouts(CheckoutObserver);

impl std::fmt::Debug for ObserveCheckouts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ObserveCheckouts")
    }
}

impl r2d2::HandleEvent for ObserveCheckouts {
    fn handle_checkout(&self, event: r2d2::event::CheckoutEvent) {
        (self.0)(event.duration());
    }
    fn handle_timeout(&self, event: r2d2::event::TimeoutEvent) {
        (self.0)(event.timeout());
    }
}

/// As `pool`, and `observe` hears how long each checkout waited (a timeout counts as its whole wait).
pub fn pool_observed(url: &DatabaseUrl, size: u32, observe: Option<CheckoutObserver>) -> Result<Pool, DbError> {
    if let DatabaseUrl::Sqlite(path) = url {
        if let Some(dir) = std::path::Path::new(path).parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| DbError::Folder(dir.display().to_string(), e))?;
        }
    }
    let mut builder = r2d2::Pool::builder()
        .max_size(size)
        .min_idle(Some(1))
        .connection_timeout(CHECKOUT_TIMEOUT)
        .test_on_check_out(true);
    if let Some(observe) = observe {
        builder = builder.event_handler(Box::new(ObserveCheckouts(observe)));
    }
    let pool = builder.build(Manager { url: url.clone(), failures: Arc::new(AtomicU64::new(0)) })?;
    Ok(pool)
}

/// Applies pending migrations; returns how many ran.
pub fn migrate(conn: &mut DbConn) -> Result<usize, DbError> {
    migrate_then(conn, |_| Ok(()))
}

/// Applies pending migrations, then `after` (the reference data every shop needs), both
/// under one lock: several instances may start at once, and each waits for the first to
/// finish. PostgreSQL: a session advisory lock, released even when something fails. SQLite:
/// an exclusive lock on a file beside the database (a migration opens its own transactions,
/// so a database lock cannot be held around them), released when the file closes.
pub fn migrate_then<F>(conn: &mut DbConn, after: F) -> Result<usize, DbError>
where
    F: FnOnce(&mut DbConn) -> diesel::QueryResult<()>,
{
    let lock = matches!(conn, DbConn::Postgres(_));
    if lock {
        conn.batch_execute("SELECT pg_advisory_lock(7158265)")?;
    }
    let _file_lock = match conn {
        DbConn::Sqlite(_) => sqlite_migration_lock(conn)?,
        DbConn::Postgres(_) => None,
    };
    let result = (|| {
        let applied = match conn {
            DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
            DbConn::Postgres(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS).map(|v| v.len()),
        }
        .map_err(|e| DbError::Migration(e.to_string()))?;
        after(conn)?;
        Ok(applied)
    })();
    if lock {
        conn.batch_execute("SELECT pg_advisory_unlock(7158265)")?;
    }
    result
}

/// The one way to write. A read-then-write is correct only if the rows it depends on are
/// locked first or the write is one conditional statement; this function gives every write the
/// same footing on both backends:
/// - SQLite: the transaction begins `IMMEDIATE`, taking the database's write lock at the start
///   (a default DEFERRED transaction that reads and then writes fails at once with SQLITE_BUSY
///   when another writer committed in between, instead of waiting its turn);
/// - PostgreSQL: an ordinary READ COMMITTED transaction — so code inside locks what its checks
///   read (`SELECT … FOR UPDATE`: `orders::queries::lock`, `wages::ledger::lock_head`,
///   `catalog::queries::lock_piece`, or `serialize_on` for a fact with no row yet) or writes
///   with one conditional statement whose row count is the check.
///
/// Called inside another write, it runs in that one (nested calls become savepoints).
pub fn write<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    let DbConn::Sqlite(inner) = conn else {
        return conn.transaction(f);
    };
    // Already inside a transaction (called from another write): that one holds the lock.
    if AnsiTransactionManager::transaction_manager_status_mut(inner).transaction_depth()?.is_some() {
        return conn.transaction(f);
    }
    AnsiTransactionManager::begin_transaction_sql(inner, "BEGIN IMMEDIATE")?;
    // Nested `transaction` calls inside `f` become savepoints of this one.
    let result = conn.transaction(f);
    let DbConn::Sqlite(inner) = conn else { unreachable!("the connection does not change backend") };
    match result {
        Ok(v) => match AnsiTransactionManager::commit_transaction(inner) {
            Ok(()) => Ok(v),
            Err(e) => {
                let _ = AnsiTransactionManager::rollback_transaction(inner);
                Err(e.into())
            }
        },
        Err(e) => {
            AnsiTransactionManager::rollback_transaction(inner)?;
            Err(e)
        }
    }
}

/// A part of a write that is undone alone if it fails (a savepoint inside `write`), leaving
/// the rest of the transaction to go on.
pub fn savepoint<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    conn.transaction(f)
}

/// Serialises the rest of this write transaction with every other transaction that names the
/// same `key`: on PostgreSQL a transaction-scoped advisory lock on the key's hash (released at
/// commit or rollback); on SQLite nothing is needed, as a write transaction (`BEGIN IMMEDIATE`)
/// already holds the database's only write lock. For facts that have no row to lock yet (a
/// payment intent the shop has not seen).
pub fn serialize_on(conn: &mut DbConn, key: &str) -> diesel::QueryResult<()> {
    match conn {
        DbConn::Postgres(pg) => diesel::sql_query("SELECT pg_advisory_xact_lock(hashtextextended($1, 7158265))")
            .bind::<diesel::sql_types::Text, _>(key)
            .execute(pg)
            .map(|_| ()),
        DbConn::Sqlite(_) => Ok(()),
    }
}

/// Runs blocking diesel work on the blocking thread pool with a pooled connection.
pub async fn run<T, E, F>(pool: &Pool, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: From<DbError> + Send + 'static,
{
    let pool = pool.clone();
    actix_web::web::block(move || {
        let mut conn = pool.get().map_err(DbError::from)?;
        let result = f(&mut conn);
        if result.is_err() {
            if let Err(e) = conn.db.batch_execute("SELECT 1") {
                // The call failed because the connection is gone: never hand it out again,
                // have the others checked, and say so (503) rather than "internal error".
                conn.mark_broken();
                tracing::warn!(error = %e, "a database connection was lost; it is replaced");
                return Err(E::from(DbError::ConnectionLost(e.to_string())));
            }
        }
        result
    })
    .await
    .map_err(|_| E::from(DbError::Cancelled))?
}

/// Whether the database answers (for `/readyz`); which backend it is.
pub fn ping(conn: &mut DbConn) -> Result<&'static str, DbError> {
    conn.batch_execute("SELECT 1")?;
    Ok(match conn {
        DbConn::Sqlite(_) => "sqlite",
        DbConn::Postgres(_) => "postgres",
    })
}

/// The SQLite database's file, locked exclusively through `<file>.migrate-lock` (none for an
/// in-memory database).
fn sqlite_migration_lock(conn: &mut DbConn) -> Result<Option<std::fs::File>, DbError> {
    #[derive(QueryableByName)]
    struct Main {
        #[diesel(sql_type = diesel::sql_types::Text)]
        file: String,
    }
    let main: Main = diesel::sql_query("SELECT file FROM pragma_database_list WHERE name = 'main'").get_result(conn)?;
    if main.file.is_empty() {
        return Ok(None);
    }
    let path = format!("{}.migrate-lock", main.file);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| DbError::MigrationLock(path.clone(), e))?;
    file.lock().map_err(|e| DbError::MigrationLock(path, e))?;
    Ok(Some(file))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_timeouts_are_added_unless_the_url_sets_them() {
        let url = with_network_timeouts("postgres://u@h/db");
        assert!(url.starts_with("postgres://u@h/db?connect_timeout=3&keepalives=1"), "{url}");
        assert!(url.contains("tcp_user_timeout=15000"));
        let own = with_network_timeouts("postgres://u@h/db?sslmode=require&connect_timeout=10");
        assert!(own.contains("connect_timeout=10") && !own.contains("connect_timeout=3"), "{own}");
        assert!(own.contains("connect_timeout=10&keepalives=1"), "{own}");
    }
}
