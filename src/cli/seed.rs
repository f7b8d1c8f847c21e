//! `fairgold seed`: the demo shop (development only), benchmark pieces and a benchmark ledger.

use super::{connect, CliError, SeedArgs};
use crate::config::Settings;
use crate::seed;

pub(super) fn run(settings: &Settings, args: SeedArgs) -> Result<(), CliError> {
    let SeedArgs { demo, bench_pieces, bench_ledger, bench_artisans, bench_years } = args;
    if !demo && !bench_ledger {
        return Err(CliError::NothingToSeed);
    }
    if demo && !settings.is_development() {
        return Err(CliError::DemoInProduction);
    }
    let mut conn = connect(settings)?;
    let cipher = settings.cipher();
    if demo {
        let signer = crate::crypto::LedgerSigner::choose(
            settings.ledger_signing_key.as_ref(),
            settings.secret_key.as_ref(),
            settings.is_development(),
        )
        .map_err(|m| CliError::App(crate::error::AppError::bad_request("FAIRGOLD_LEDGER_SIGNING_KEY", m)))?;
        if seed::demo_if_empty(&mut conn, &settings.media_dir(), settings.currency, &cipher, signer.as_ref())? {
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
        if !(1..=10_000).contains(&bench_artisans) {
            return Err(CliError::OutOfRange { flag: "--bench-artisans", min: 1, max: 10_000 });
        }
        if !(1..=30).contains(&bench_years) {
            return Err(CliError::OutOfRange { flag: "--bench-years", min: 1, max: 30 });
        }
        let started = std::time::Instant::now();
        let now = chrono::Utc::now().naive_utc();
        let done = seed::wages::bench_ledger(&mut conn, &cipher, bench_artisans, bench_years, now)?;
        println!(
            "benchmark ledger added: {} entries and {} register days for {} artisans over {} months in {:.1} s",
            done.entries,
            done.register_days,
            done.artisans,
            done.months,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}
