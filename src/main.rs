//! The `fairgold` command: serve the shop (default), apply migrations, or seed demo data.

use anyhow::Context;
use clap::{Parser, Subcommand};

use fairgold::config::Settings;
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
            println!("{n} migration(s) applied to the {} database", settings.database.backend_name());
            Ok(())
        }
        Command::Seed { demo, bench_pieces } => {
            anyhow::ensure!(demo, "say what to seed: `fairgold seed --demo`");
            let pool = db::pool(&settings.database, 1)?;
            let mut conn = pool.get()?;
            db::migrate(&mut conn)?;
            if seed::demo_if_empty(&mut conn, &settings.media_dir(), settings.currency)? {
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
