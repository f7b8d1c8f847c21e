//! The `fairgold` command: serve the shop (default), apply migrations, manage staff accounts,
//! import pieces from a CSV file, seed demo or benchmark data, and read the wage ledger (a
//! center's monthly report, the chain check, the audit export), move stored images to a
//! bucket. The clap definitions are here, each command group in its own file.
//!
//! Values are parsed by clap into the domain's types (`args`), so a command starts from a
//! `Month`, an `Email` or a date, and a bad value is refused before anything is opened; what
//! needs the database (a center code that names no center) is checked by the command. A
//! refusal names the flag it is about (`CliError`).

mod args;
mod backup;
mod error;
mod import;
mod keys;
mod ledger;
mod media;
#[cfg(feature = "demo")]
mod seed;
mod serve;
mod staff;
mod wages;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{Parser, Subcommand};

use args::CenterCode;
use error::CliError;

use crate::config::Settings;
use crate::db;
use crate::staff::{Email, Role};
use crate::telemetry;
use crate::wages::types::Month;

#[derive(Parser)]
#[command(name = "fairgold", version, about = "Fair-wage gold jewelry shop")]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the shop (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage staff accounts.
    Staff {
        #[command(subcommand)]
        command: StaffCommand,
    },
    /// Import data from a file.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// Add demo or benchmark data to the database (builds with the `demo` feature).
    #[cfg(feature = "demo")]
    Seed(SeedArgs),
    /// Wage reports for finance.
    Wages {
        #[command(subcommand)]
        command: WagesCommand,
    },
    /// The wage ledger: check its hash chain, export it for an audit.
    Ledger {
        #[command(subcommand)]
        command: LedgerCommand,
    },
    /// Write a consistent copy of the whole database while the shop runs (SQLite: an online
    /// snapshot; PostgreSQL: pg_dump).
    Backup {
        /// The file to write; it must not exist.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Put a backup in place of the configured database (stop the shop first), then check the
    /// wage ledger's chain in it.
    Restore {
        /// A file written by `fairgold backup`.
        file: PathBuf,
        /// Overwrite a database that holds data.
        #[arg(long)]
        replace: bool,
    },
    /// The secret key that protects private records at rest.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// Stored photos, portraits and signed consent forms.
    Media {
        #[command(subcommand)]
        command: MediaCommand,
    },
}

#[derive(Subcommand)]
enum MediaCommand {
    /// Copy the files kept in the data directory (media/ and private/) into the S3 bucket that
    /// `[storage]` names; files already there are left alone, nothing on disk is deleted.
    Migrate,
}

#[derive(Subcommand)]
enum KeysCommand {
    /// Re-encrypt every private value under FAIRGOLD_SECRET_KEY while FAIRGOLD_SECRET_KEY_OLD
    /// names the key used until now (all or nothing); then remove FAIRGOLD_SECRET_KEY_OLD.
    Rotate,
}

#[derive(Subcommand)]
enum StaffCommand {
    /// Create an account and print its one-time setup link.
    Add {
        #[arg(long, value_parser = args::email)]
        email: Email,
        /// admin, finance or manager
        #[arg(long, value_parser = args::role)]
        role: Role,
        /// A manager's center: kolkata or mumbai.
        #[arg(long, value_parser = CenterCode::parse)]
        center: Option<CenterCode>,
        /// The name shown in the back office (defaults to the email).
        #[arg(long)]
        name: Option<String>,
    },
    /// Disable an account: its sessions and API tokens stop working at once.
    Disable {
        #[arg(long, value_parser = args::email)]
        email: Email,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Pieces from a CSV file (columns as in the README), as drafts: all rows or none.
    Pieces {
        /// The CSV file.
        file: PathBuf,
        /// The workshop for rows whose `center` cell is empty: kolkata or mumbai.
        #[arg(long, value_parser = CenterCode::parse)]
        center: CenterCode,
    },
}

#[cfg(feature = "demo")]
#[derive(clap::Args)]
struct SeedArgs {
    /// The demo shop: two centers, artisans, sixty pieces with images, months of wage history.
    #[arg(long)]
    demo: bool,
    /// Then add this many generated pieces (for benchmarks).
    #[arg(long, value_name = "N", requires = "demo")]
    bench_pieces: Option<usize>,
    /// Add a benchmark ledger: generated artisans over both centers and years of wages,
    /// sale bonuses and monthly payouts (50 artisans × 5 years ≈ 200,000 entries).
    #[arg(long)]
    bench_ledger: bool,
    /// Artisans of the benchmark ledger.
    #[arg(long, value_name = "N", default_value_t = 50, requires = "bench_ledger")]
    bench_artisans: usize,
    /// Years of the benchmark ledger, ending this month.
    #[arg(long, value_name = "N", default_value_t = 5, requires = "bench_ledger")]
    bench_years: u32,
}

#[derive(Subcommand)]
enum WagesCommand {
    /// A center's monthly summary: one line per artisan (pieces, hours, wages, bonuses, paid,
    /// balance, effective hourly earnings) with the month's flags.
    Report {
        /// kolkata or mumbai
        #[arg(long, value_parser = CenterCode::parse)]
        center: CenterCode,
        /// The month, YYYY-MM.
        #[arg(long, value_parser = Month::parse)]
        month: Month,
    },
    /// Month close, four eyes as in the back office: the first finance or admin person asks for
    /// the close; a second one, running the same command, approves it, which posts the salaries,
    /// overtime and top-ups and locks the month. Audit-logged under the named person.
    Close {
        /// kolkata or mumbai
        #[arg(long, value_parser = CenterCode::parse)]
        center: CenterCode,
        /// The month, YYYY-MM.
        #[arg(long, value_parser = Month::parse)]
        month: Month,
        /// The finance or admin staff member acting (their email).
        #[arg(long = "as", value_name = "EMAIL")]
        as_staff: String,
    },
}

#[derive(Subcommand)]
enum LedgerCommand {
    /// Recompute every entry's hash. Exit status 0 when the chain is intact, 1 naming the first
    /// entry that was changed, removed or slipped in.
    Verify {
        /// A checkpoints file downloaded from /transparency/ledger: every signature must verify
        /// and the chain must pass through every published checkpoint (exit status 1 names the
        /// first one it no longer passes through).
        #[arg(long, value_name = "FILE")]
        checkpoints: Option<PathBuf>,
    },
    /// Write the audit bundle (a ZIP of CSV files, with legal names) for a period; the export
    /// is audit-logged.
    Export {
        /// First day, YYYY-MM-DD.
        #[arg(long, value_parser = args::day)]
        from: chrono::NaiveDate,
        /// Last day, YYYY-MM-DD.
        #[arg(long, value_parser = args::day)]
        to: chrono::NaiveDate,
        /// The file to write (default: fairgold-ledger-FROM-TO.zip in this folder).
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

impl Cli {
    /// The command line, parsed; `Err` is the exit status after clap printed why (or the help).
    /// A value that does not parse (`--month 10/2026`) is refused input like any other, exit
    /// status 1; clap's own usage errors keep its 2, help and version 0.
    pub fn parse_args() -> Result<Self, ExitCode> {
        Self::try_parse().map_err(|e| {
            let _ = e.print();
            let status = if e.kind() == ErrorKind::ValueValidation { 1 } else { e.exit_code() };
            ExitCode::from(u8::try_from(status).unwrap_or(1))
        })
    }
}

/// Loads the settings, starts logging and runs the command; an error is printed on stderr
/// (`CliError::report`) and gives exit status 1.
pub fn run(cli: Cli) -> ExitCode {
    let result = Settings::load().map_err(CliError::Config).and_then(|settings| {
        telemetry::init(settings.env);
        dispatch(settings, cli.command.unwrap_or(Command::Serve))
    });
    result.unwrap_or_else(|e| {
        e.report();
        ExitCode::FAILURE
    })
}

fn dispatch(settings: Settings, command: Command) -> Result<ExitCode, CliError> {
    match command {
        // The one command whose answer may be a failure without an error: a broken chain.
        Command::Ledger { command } => return ledger::run(&settings, command),
        Command::Serve => serve::serve(settings),
        Command::Migrate => serve::migrate(&settings),
        Command::Staff { command } => staff::run(&settings, command),
        Command::Import { command } => import::run(&settings, command),
        #[cfg(feature = "demo")]
        Command::Seed(seed) => seed::run(&settings, seed),
        Command::Wages { command } => wages::run(&settings, command),
        Command::Keys { command } => keys::run(&settings, command),
        Command::Media { command } => media::run(&settings, command),
        Command::Backup { out } => backup::backup(&settings, &out),
        Command::Restore { file, replace } => return backup::restore(&settings, &file, replace),
    }?;
    Ok(ExitCode::SUCCESS)
}

type Connection = diesel::r2d2::PooledConnection<db::Manager>;

/// One connection to the configured database.
fn open(settings: &Settings) -> Result<Connection, CliError> {
    let pool = db::pool(&settings.database, 1)?;
    Ok(pool.get().map_err(db::DbError::from)?)
}

/// One connection to the configured database, with the migrations applied (what every
/// command but `serve` and `migrate` starts from).
fn connect(settings: &Settings) -> Result<Connection, CliError> {
    let mut conn = open(settings)?;
    db::migrate(&mut conn)?;
    Ok(conn)
}
