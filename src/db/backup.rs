//! `fairgold backup` and `fairgold restore`: a consistent copy of the whole database, taken
//! while the shop serves writes, and putting one back.
//!
//! SQLite: `VACUUM INTO` writes a compacted copy from one read transaction (a snapshot: writes
//! that commit meanwhile are either wholly in it or wholly not), to a temporary file renamed
//! into place when complete. Restore checks the copy (`PRAGMA integrity_check`), removes the
//! old database's `-wal` and `-shm` files (a stale log must never be applied to another file)
//! and renames the copy into place — with the shop stopped.
//!
//! PostgreSQL: `pg_dump --format=custom` (one snapshot by design) and `pg_restore --clean
//! --single-transaction`, the tools made for it, found on `PATH`; the URL is handed over in
//! the environment (`PGDATABASE`…), never on a command line other users can read.

use std::path::{Path, PathBuf};
use std::process::Command;

use diesel::connection::SimpleConnection;
use diesel::{Connection, RunQueryDsl, SqliteConnection};

use crate::config::DatabaseUrl;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{} exists already; choose another file (a backup never overwrites one)", .0.display())]
    Exists(PathBuf),
    #[error("{} is not there", .0.display())]
    Missing(PathBuf),
    #[error("the database at {0} exists; add --replace to overwrite it with the backup (stop the shop first)")]
    TargetExists(String),
    #[error("{} is not a good SQLite backup: {problem}", .path.display())]
    NotABackup { path: PathBuf, problem: String },
    #[error("cannot run {tool}: {cause} (install the PostgreSQL client tools, the same major version as the server)")]
    Tool { tool: &'static str, cause: std::io::Error },
    #[error("{tool} failed: {stderr}")]
    ToolFailed { tool: &'static str, stderr: String },
    #[error("an in-memory database has nothing to back up")]
    InMemory,
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Sqlite(#[from] diesel::result::Error),
    #[error(transparent)]
    Open(#[from] diesel::ConnectionError),
}

/// Writes a backup of the database at `url` to `out` (which must not exist).
pub fn backup(url: &DatabaseUrl, out: &Path) -> Result<(), BackupError> {
    if out.exists() {
        return Err(BackupError::Exists(out.to_path_buf()));
    }
    let partial = partial_path(out);
    let _ = std::fs::remove_file(&partial);
    match url {
        DatabaseUrl::Sqlite(path) if path == ":memory:" => return Err(BackupError::InMemory),
        DatabaseUrl::Sqlite(path) => {
            if !Path::new(path).exists() {
                return Err(BackupError::Missing(PathBuf::from(path)));
            }
            let mut conn = SqliteConnection::establish(path)?;
            conn.batch_execute("PRAGMA busy_timeout = 5000;")?;
            diesel::sql_query("VACUUM INTO ?")
                .bind::<diesel::sql_types::Text, _>(partial.display().to_string())
                .execute(&mut conn)?;
        }
        DatabaseUrl::Postgres(url) => {
            let mut cmd = pg_tool("pg_dump", url)?;
            cmd.args(["--format=custom", "--no-owner", "--file"]).arg(&partial);
            run(cmd, "pg_dump")?;
        }
    }
    std::fs::rename(&partial, out)?;
    Ok(())
}

/// Puts the backup `file` in place of the database at `url`. Refuses to overwrite a database
/// that holds data unless `replace`.
pub fn restore(url: &DatabaseUrl, file: &Path, replace: bool) -> Result<(), BackupError> {
    if !file.exists() {
        return Err(BackupError::Missing(file.to_path_buf()));
    }
    match url {
        DatabaseUrl::Sqlite(path) if path == ":memory:" => Err(BackupError::InMemory),
        DatabaseUrl::Sqlite(path) => {
            let target = Path::new(path);
            if target.exists() && !replace {
                return Err(BackupError::TargetExists(path.clone()));
            }
            let staged = partial_path(target);
            std::fs::copy(file, &staged)?;
            if let Err(problem) = check_sqlite(&staged) {
                let _ = std::fs::remove_file(&staged);
                return Err(BackupError::NotABackup { path: file.to_path_buf(), problem });
            }
            for suffix in ["-wal", "-shm"] {
                let side = PathBuf::from(format!("{path}{suffix}"));
                match std::fs::remove_file(&side) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
                    _ => {}
                }
            }
            std::fs::rename(&staged, target)?;
            Ok(())
        }
        DatabaseUrl::Postgres(url) => {
            let mut list = pg_tool("pg_restore", url)?;
            list.arg("--list").arg(file);
            run(list, "pg_restore")?;
            if !replace && postgres_has_tables(url)? {
                return Err(BackupError::TargetExists(redacted(url)));
            }
            let mut cmd = pg_tool("pg_restore", url)?;
            // The database's name only: host, user and password are in the environment.
            let name = database_name(url);
            cmd.args(["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", "--dbname"])
                .arg(name)
                .arg(file);
            run(cmd, "pg_restore")
        }
    }
}

fn partial_path(p: &Path) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push(".partial");
    PathBuf::from(s)
}

fn check_sqlite(path: &Path) -> Result<(), String> {
    let mut conn = SqliteConnection::establish(&path.display().to_string()).map_err(|e| e.to_string())?;
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        integrity_check: String,
    }
    let rows: Vec<Row> =
        diesel::sql_query("PRAGMA integrity_check").load(&mut conn).map_err(|e| format!("not a database ({e})"))?;
    match rows.first().map(|r| r.integrity_check.as_str()) {
        Some("ok") => {}
        other => return Err(format!("integrity check says {}", other.unwrap_or("nothing"))),
    }
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let n: Vec<Count> = diesel::sql_query(
        "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '__diesel_schema_migrations'",
    )
    .load(&mut conn)
    .map_err(|e| e.to_string())?;
    if n.first().map(|c| c.n) != Some(1) {
        return Err("it holds no fairgold database".into());
    }
    Ok(())
}

fn postgres_has_tables(url: &str) -> Result<bool, BackupError> {
    let mut conn = diesel::PgConnection::establish(url)?;
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let rows: Vec<Count> = diesel::sql_query(
        "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'orders'",
    )
    .load(&mut conn)?;
    Ok(rows.first().is_some_and(|c| c.n > 0))
}

/// A PostgreSQL client tool with the connection from `url` in its environment.
fn pg_tool(tool: &'static str, url: &str) -> Result<Command, BackupError> {
    let mut cmd = Command::new(tool);
    let parsed = url::Url::parse(url).map_err(|e| BackupError::ToolFailed { tool, stderr: e.to_string() })?;
    if let Some(host) = parsed.host_str() {
        cmd.env("PGHOST", host);
    }
    if let Some(port) = parsed.port() {
        cmd.env("PGPORT", port.to_string());
    }
    if !parsed.username().is_empty() {
        cmd.env("PGUSER", percent(parsed.username()));
    }
    if let Some(pw) = parsed.password() {
        cmd.env("PGPASSWORD", percent(pw));
    }
    let db = parsed.path().trim_start_matches('/');
    if !db.is_empty() {
        cmd.env("PGDATABASE", percent(db));
    }
    for (k, v) in parsed.query_pairs() {
        if k == "sslmode" {
            cmd.env("PGSSLMODE", v.as_ref());
        }
    }
    Ok(cmd)
}

/// `%XX` decoded (a URL's user, password and database name).
fn percent(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (b[i], b.get(i + 1).copied().and_then(hex), b.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn database_name(url: &str) -> String {
    url::Url::parse(url).map(|u| percent(u.path().trim_start_matches('/'))).unwrap_or_default()
}

fn run(mut cmd: Command, tool: &'static str) -> Result<(), BackupError> {
    let out = cmd.output().map_err(|cause| BackupError::Tool { tool, cause })?;
    if out.status.success() {
        Ok(())
    } else {
        Err(BackupError::ToolFailed { tool, stderr: String::from_utf8_lossy(&out.stderr).trim().to_string() })
    }
}

/// The URL without its password, for messages.
fn redacted(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) => {
            let _ = u.set_password(None);
            u.to_string()
        }
        Err(_) => "the configured PostgreSQL database".into(),
    }
}
