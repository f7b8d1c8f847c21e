//! The `fairgold` command: serve the shop (default), apply migrations, seed demo data, manage
//! staff accounts, or import pieces from a CSV file.

use anyhow::Context;
use clap::{Parser, Subcommand};

use fairgold::audit::Actor;
use fairgold::config::Settings;
use fairgold::crypto::Cipher;
use fairgold::error::AppError;
use fairgold::import;
use fairgold::inventory::Editor;
use fairgold::staff::service::{self as staff_service, NewStaffInput};
use fairgold::staff::{Email, Role};
use fairgold::startup::Application;
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
        /// The demo shop: two centers, artisans, sixty pieces with images.
        #[arg(long)]
        demo: bool,
        /// Then add this many generated pieces (for benchmarks).
        #[arg(long, value_name = "N", requires = "demo")]
        bench_pieces: Option<usize>,
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
        Command::Seed { demo, bench_pieces } => {
            anyhow::ensure!(demo, "say what to seed: `fairgold seed --demo`");
            let pool = db::pool(&settings.database, 1)?;
            let mut conn = pool.get()?;
            db::migrate(&mut conn)?;
            let cipher = Cipher::from_secret(settings.secret_key.as_ref());
            if seed::demo_if_empty(&mut conn, &settings.media_dir(), settings.currency, &cipher)? {
                println!("demo data added");
            } else {
                println!("the catalog is not empty; demo data not added");
            }
            if let Some(n) = bench_pieces {
                seed::bench_pieces(&mut conn, n, settings.currency, chrono::Utc::now().naive_utc())?;
                println!("{n} benchmark pieces added");
            }
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
    let editor = Editor { actor: Actor::system("cli"), center_scope: None };
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
