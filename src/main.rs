//! The `fairgold` command: serve the shop (default), apply migrations, seed demo data, manage
//! staff accounts, import pieces from a CSV file, and read the wage ledger (a center's monthly
//! report, the chain check, the audit export).

use anyhow::Context;
use clap::{Parser, Subcommand};

use fairgold::audit::Actor;
use fairgold::auth::Scope;
use fairgold::config::Settings;
use fairgold::crypto::Cipher;
use fairgold::error::AppError;
use fairgold::import;
use fairgold::staff::service::{self as staff_service, NewStaffInput};
use fairgold::staff::{Email, Role};
use fairgold::startup::Application;
use fairgold::wages::types::Month;
use fairgold::{db, seed, telemetry};

#[derive(Parser)]
#[command(name = "fairgold", version, about = "Fair-wage gold jewelry shop")]
struct Cli {
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
    /// Add data to the database.
    Seed {
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
    },
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
}

#[derive(Subcommand)]
enum WagesCommand {
    /// A center's monthly summary: one line per artisan (pieces, hours, wages, bonuses, paid,
    /// balance, effective hourly earnings) with the month's flags.
    Report {
        /// kolkata or mumbai
        #[arg(long)]
        center: String,
        /// The month, YYYY-MM.
        #[arg(long)]
        month: String,
    },
}

#[derive(Subcommand)]
enum LedgerCommand {
    /// Recompute every entry's hash. Exit status 0 when the chain is intact, 1 naming the first
    /// entry that was changed, removed or slipped in.
    Verify,
    /// Write the audit bundle (a ZIP of CSV files, with legal names) for a period; the export
    /// is audit-logged.
    Export {
        /// First day, YYYY-MM-DD.
        #[arg(long)]
        from: String,
        /// Last day, YYYY-MM-DD.
        #[arg(long)]
        to: String,
        /// The file to write (default: fairgold-ledger-FROM-TO.zip in this folder).
        #[arg(long)]
        out: Option<std::path::PathBuf>,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Pieces from a CSV file (columns as in the README), as drafts: all rows or none.
    Pieces {
        /// The CSV file.
        file: std::path::PathBuf,
        /// The workshop for rows whose `center` cell is empty: kolkata or mumbai.
        #[arg(long)]
        center: String,
    },
}

#[derive(Subcommand)]
enum StaffCommand {
    /// Create an account and print its one-time setup link.
    Add {
        #[arg(long)]
        email: String,
        /// admin, finance or manager
        #[arg(long)]
        role: String,
        /// A manager's center: kolkata or mumbai.
        #[arg(long)]
        center: Option<String>,
        /// The name shown in the back office (defaults to the email).
        #[arg(long)]
        name: Option<String>,
    },
    /// Disable an account: its sessions and API tokens stop working at once.
    Disable {
        #[arg(long)]
        email: String,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let settings = Settings::load().context("configuration")?;
    telemetry::init(settings.env);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings),
        Command::Migrate => {
            let pool = db::pool(&settings.database, 1)?;
            let mut conn = pool.get()?;
            let n = db::migrate(&mut conn)?;
            seed::centers(&mut conn, chrono::Utc::now().naive_utc())?;
            println!("{n} migration(s) applied to the {} database", settings.database.backend_name());
            Ok(())
        }
        Command::Staff { command } => staff(&settings, command),
        Command::Import { command } => import(&settings, command),
        Command::Seed { demo, bench_pieces, bench_ledger, bench_artisans, bench_years } => {
            anyhow::ensure!(
                demo || bench_ledger,
                "say what to seed: `fairgold seed --demo` or `fairgold seed --bench-ledger`"
            );
            // The demo shop has staff accounts whose password is printed in the README.
            anyhow::ensure!(
                !demo || settings.is_development(),
                "`seed --demo` is for development only: the demo shop adds staff accounts whose password is \
                 public (to try it on your own machine, set FAIRGOLD_ENV=development and use a database of its own)"
            );
            let pool = db::pool(&settings.database, 1)?;
            let mut conn = pool.get()?;
            db::migrate(&mut conn)?;
            let cipher = Cipher::from_secret(settings.secret_key.as_ref());
            if demo {
                if seed::demo_if_empty(&mut conn, &settings.media_dir(), settings.currency, &cipher)? {
                    println!("demo data added");
                } else {
                    println!("the catalog is not empty; demo data not added");
                }
            }
            if let Some(n) = bench_pieces {
                seed::bench_pieces(&mut conn, n, settings.currency, chrono::Utc::now().naive_utc())?;
                println!("{n} benchmark pieces added");
            }
            if bench_ledger {
                anyhow::ensure!((1..=10_000).contains(&bench_artisans), "--bench-artisans: between 1 and 10000");
                anyhow::ensure!((1..=30).contains(&bench_years), "--bench-years: between 1 and 30");
                let started = std::time::Instant::now();
                let now = chrono::Utc::now().naive_utc();
                let done = seed::wages::bench_ledger(&mut conn, &cipher, bench_artisans, bench_years, now)?;
                println!(
                    "benchmark ledger added: {} entries for {} artisans over {} months in {:.1} s",
                    done.entries,
                    done.artisans,
                    done.months,
                    started.elapsed().as_secs_f64()
                );
            }
            Ok(())
        }
        Command::Wages { command } => wages(&settings, command),
        Command::Ledger { command } => ledger(&settings, command),
    }
}

/// `fairgold wages report`: the center monthly summary as plain text for a terminal.
fn wages(settings: &Settings, command: WagesCommand) -> anyhow::Result<()> {
    use fairgold::wages::policy::{hours_label, inr};
    let WagesCommand::Report { center, month } = command;
    let month = Month::parse(&month).map_err(|e| anyhow::anyhow!("--month: {e}"))?;
    let pool = db::pool(&settings.database, 1)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    let code = center.trim().to_lowercase();
    let center = fairgold::centers::find_by_code(&mut conn, &code)?
        .ok_or_else(|| anyhow::anyhow!("--center: unknown center `{code}` (use kolkata or mumbai)"))?;
    let report = fairgold::wages::reports::center_month(&mut conn, center.id, month)
        .map_err(|e| anyhow::anyhow!(e.public_message()))?;
    println!("{} — {}", report.center.name, month.label());
    match &report.policy {
        Some(p) => println!(
            "Policy from {}: legal minimum {}/month, living wage {}, {} h/month",
            p.effective_from,
            inr(p.legal_min_monthly_minor),
            p.living_wage_monthly_minor
                .map(|l| format!("{}/month", inr(l)))
                .unwrap_or_else(|| "not set (finance must enter one)".into()),
            p.standard_hours_per_month
        ),
        None => println!("No wage policy in force for this month: finance must add one."),
    }
    println!();
    println!(
        "{:<16} {:<11} {:>6} {:>11} {:>13} {:>13} {:>13} {:>13} {:>10}  flags",
        "artisan", "public id", "pieces", "hours", "wages", "bonuses", "paid", "balance", "per hour"
    );
    for r in &report.rows {
        let mut flags = Vec::new();
        if r.below_legal_minimum {
            flags.push("BELOW LEGAL MINIMUM");
        }
        match r.below_living_wage {
            Some(true) => flags.push("below living wage"),
            None if r.minutes > 0 => flags.push("living wage unknown"),
            _ => {}
        }
        if r.late {
            flags.push("paid late");
        }
        let hours = if r.minutes > 0 { hours_label(r.minutes).replace(" hours", " h") } else { "—".into() };
        println!(
            "{:<16} {:<11} {:>6} {:>11} {:>13} {:>13} {:>13} {:>13} {:>10}  {}",
            r.alias,
            r.public_id,
            r.pieces,
            hours,
            inr(r.wages_minor),
            inr(r.bonuses_minor + r.adjustments_minor),
            inr(r.paid_minor),
            inr(r.balance_end_minor),
            r.effective_hourly_minor.map(inr).unwrap_or_else(|| "—".into()),
            flags.join(", ")
        );
    }
    println!(
        "{:<16} {:<11} {:>6} {:>11} {:>13} {:>13} {:>13} {:>13}",
        "total",
        "",
        report.total_pieces,
        hours_label(report.total_minutes).replace(" hours", " h"),
        inr(report.total_wages_minor),
        inr(report.total_bonuses_minor + report.total_adjustments_minor),
        inr(report.total_paid_minor),
        inr(report.total_balance_end_minor),
    );
    println!(
        "\n{} below the legal minimum, {} below the living wage, {} paid late (wages are due by the 7th of \
         the next month). Bonuses include approved adjustments.",
        report.below_legal_count, report.below_living_count, report.late_count
    );
    Ok(())
}

/// `fairgold ledger verify` and `fairgold ledger export`.
fn ledger(settings: &Settings, command: LedgerCommand) -> anyhow::Result<()> {
    use fairgold::wages::ledger::{self, Verification};
    let pool = db::pool(&settings.database, 1)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    match command {
        LedgerCommand::Verify => match ledger::verify(&mut conn).map_err(|e| anyhow::anyhow!(e.public_message()))? {
            Verification::Intact { entries, last_hash } => {
                println!("ledger intact: {entries} entries, last hash {last_hash}");
                Ok(())
            }
            Verification::Broken { entry, reason } => {
                eprintln!("ledger broken at entry {entry}: {reason}");
                std::process::exit(1);
            }
        },
        LedgerCommand::Export { from, to, out } => {
            let day = |flag: &str, s: &str| {
                chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                    .map_err(|_| anyhow::anyhow!("{flag}: `{s}` is not a date such as 2026-10-01"))
            };
            let (from, to) = (day("--from", &from)?, day("--to", &to)?);
            anyhow::ensure!(from <= to, "--from {from} is after --to {to}");
            let now = chrono::Utc::now().naive_utc();
            let cipher = Cipher::from_secret(settings.secret_key.as_ref());
            let bytes =
                fairgold::wages::export::bundle_logged(&mut conn, &cipher, &Actor::system("cli"), from, to, now)
                    .map_err(|e| anyhow::anyhow!(e.public_message()))?;
            let out = out.unwrap_or_else(|| fairgold::wages::export::file_name(from, to).into());
            std::fs::write(&out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
            println!("wrote {} ({} bytes): the ledger from {from} to {to}", out.display(), bytes.len());
            Ok(())
        }
    }
}

fn staff(settings: &Settings, command: StaffCommand) -> anyhow::Result<()> {
    let pool = db::pool(&settings.database, 1)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    let now = chrono::Utc::now().naive_utc();
    seed::centers(&mut conn, now)?;
    let actor = Actor::system("cli");
    let explain = |e: AppError| anyhow::anyhow!(e.public_message());
    match command {
        StaffCommand::Add { email, role, center, name } => {
            let email = Email::parse(&email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
            let role = Role::parse(&role).map_err(|e| anyhow::anyhow!("--role: {e}"))?;
            let input = NewStaffInput {
                display_name: name.unwrap_or_else(|| email.as_str().to_string()),
                email,
                role,
                center_code: center.map(|c| c.trim().to_lowercase()),
            };
            let (_, token) = staff_service::add(&mut conn, &input, &actor, now).map_err(explain)?;
            println!("Created {} ({}).", input.email.as_str(), role.label());
            println!("One-time setup link (valid 72 hours): {}/admin/setup/{token}", settings.base_url);
        }
        StaffCommand::Disable { email } => {
            let email = Email::parse(&email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
            staff_service::disable(&mut conn, &email, &actor, now).map_err(explain)?;
            println!("Disabled {}: their sessions and API tokens no longer work.", email.as_str());
        }
    }
    Ok(())
}

/// `fairgold import pieces`: an admin-level import by the system actor `cli`; each piece's
/// creation is audit-logged as from the back office. Any bad row → every row's errors on
/// stderr, nothing imported, a non-zero exit.
fn import(settings: &Settings, command: ImportCommand) -> anyhow::Result<()> {
    let ImportCommand::Pieces { file, center } = command;
    let size = std::fs::metadata(&file).with_context(|| format!("cannot read {}", file.display()))?.len();
    anyhow::ensure!(size <= import::MAX_BYTES as u64, "{}: the file is larger than 5 MB; split it", file.display());
    let bytes = std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
    let rows = import::read(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let pool = db::pool(&settings.database, 1)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    let now = chrono::Utc::now().naive_utc();
    seed::centers(&mut conn, now)?;
    let code = center.trim().to_lowercase();
    let center = fairgold::centers::find_by_code(&mut conn, &code)?
        .ok_or_else(|| anyhow::anyhow!("--center: unknown center `{code}` (use kolkata or mumbai)"))?;
    let editor = Scope { actor: Actor::system("cli"), center_scope: None };
    let bar = indicatif::ProgressBar::new(rows.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} rows {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let report = import::import(&mut conn, &editor, &rows, &center, settings.currency, now, &mut || bar.inc(1))
        .map_err(|e| anyhow::anyhow!(e.public_message()))?;
    bar.finish_and_clear();
    if report.imported {
        println!("Imported {} piece(s) as drafts (default workshop: {}).", report.rows.len(), center.name);
        return Ok(());
    }
    for row in report.rows.iter().filter(|r| !r.is_ok()) {
        for (field, message) in &row.errors {
            eprintln!(
                "row {} ({}): {field}: {message}",
                row.number,
                if row.sku.is_empty() { "no SKU" } else { &row.sku }
            );
        }
    }
    anyhow::bail!("nothing was imported: {} of {} row(s) have errors", report.rows_with_errors(), report.rows.len())
}

fn serve(settings: Settings) -> anyhow::Result<()> {
    actix_web::rt::System::new().block_on(async move {
        let listen = settings.listen;
        let base = settings.base_url.clone();
        let backend = settings.database.backend_name();
        let env = settings.env;
        let app = Application::build(settings).await?;
        tracing::info!(%listen, database = backend, ?env, "fairgold is serving at {base}");
        app.run().await?;
        tracing::info!("stopped");
        Ok(())
    })
}
