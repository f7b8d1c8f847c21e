//! `fairgold backup --out FILE` and `fairgold restore FILE [--replace]`: see `crate::db::backup`.

use std::path::Path;
use std::process::ExitCode;

use super::{connect, CliError};
use crate::config::Settings;
use crate::db::backup;
use crate::wages::ledger::{self, Verification};

pub(super) fn backup(settings: &Settings, out: &Path) -> Result<(), CliError> {
    backup::backup(&settings.database, out)?;
    let bytes = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    println!("backup written to {} ({bytes} bytes)", out.display());
    Ok(())
}

/// Restores, applies any newer migrations, then checks the ledger's chain: exit status 1 when
/// the restored ledger is broken.
pub(super) fn restore(settings: &Settings, file: &Path, replace: bool) -> Result<ExitCode, CliError> {
    backup::restore(&settings.database, file, replace)?;
    println!("restored {}", file.display());
    match ledger::verify(&mut *connect(settings)?)? {
        Verification::Intact { entries, last_hash } => {
            println!("ledger intact: {entries} entries, last hash {last_hash}");
            Ok(ExitCode::SUCCESS)
        }
        Verification::Broken { entry, reason } => {
            eprintln!("the restored ledger is broken at entry {entry}: {reason}");
            Ok(ExitCode::FAILURE)
        }
    }
}
