//! `fairgold ledger verify` (exit status 1 naming the first broken entry) and
//! `fairgold ledger export` (the auditors' ZIP, audit-logged as from the system actor `cli`).

use std::process::ExitCode;

use super::{connect, CliError, LedgerCommand};
use crate::audit::Actor;
use crate::config::Settings;
use crate::crypto::Cipher;
use crate::wages::export;
use crate::wages::ledger::{self, Verification};

pub(super) fn run(settings: &Settings, command: LedgerCommand) -> Result<ExitCode, CliError> {
    match command {
        LedgerCommand::Verify => match ledger::verify(&mut *connect(settings)?)? {
            Verification::Intact { entries, last_hash } => {
                println!("ledger intact: {entries} entries, last hash {last_hash}");
                Ok(ExitCode::SUCCESS)
            }
            // A finding, not an error of the command: said as it is, without "Error:".
            Verification::Broken { entry, reason } => {
                eprintln!("ledger broken at entry {entry}: {reason}");
                Ok(ExitCode::FAILURE)
            }
        },
        LedgerCommand::Export { from, to, out } => {
            if from > to {
                return Err(CliError::PeriodReversed { from, to });
            }
            let mut conn = connect(settings)?;
            let now = chrono::Utc::now().naive_utc();
            let cipher = Cipher::from_secret(settings.secret_key.as_ref());
            let bytes = export::bundle_logged(&mut conn, &cipher, &Actor::system("cli"), from, to, now)?;
            let out = out.unwrap_or_else(|| export::file_name(from, to).into());
            std::fs::write(&out, &bytes).map_err(|cause| CliError::Write { path: out.clone(), cause })?;
            println!("wrote {} ({} bytes): the ledger from {from} to {to}", out.display(), bytes.len());
            Ok(ExitCode::SUCCESS)
        }
    }
}
