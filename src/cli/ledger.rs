//! `fairgold ledger verify` (exit status 1 naming the first broken entry; with `--checkpoints
//! FILE`, also the first published checkpoint the ledger no longer passes through) and
//! `fairgold ledger export` (the auditors' ZIP, audit-logged as from the system actor `cli`).

use std::process::ExitCode;

use super::{connect, CliError, LedgerCommand};
use crate::audit::Actor;
use crate::config::Settings;
use crate::crypto::LedgerSigner;
use crate::error::AppError;
use crate::wages::checkpoints::{self, FileCheck};
use crate::wages::export;
use crate::wages::ledger::{self, Verification};

pub(super) fn run(settings: &Settings, command: LedgerCommand) -> Result<ExitCode, CliError> {
    match command {
        LedgerCommand::Verify { checkpoints: Some(path) } => {
            let text = std::fs::read_to_string(&path).map_err(|cause| CliError::Read { path: path.clone(), cause })?;
            let file = checkpoints::parse_file(&text)
                .map_err(|problem| CliError::BadCheckpoints { path: path.clone(), problem })?;
            match checkpoints::verify_file(&mut *connect(settings)?, &file)? {
                FileCheck::Passed { entries, checkpoints, last_hash } => {
                    println!(
                        "ledger intact: {entries} entries, last hash {last_hash}; passes through all {checkpoints} \
                         signed checkpoints"
                    );
                    Ok(ExitCode::SUCCESS)
                }
                FileCheck::CheckpointFailed { checkpoint, reason } => {
                    eprintln!("checkpoint at {} no longer matches: {reason}", checkpoint.name());
                    Ok(ExitCode::FAILURE)
                }
                FileCheck::LedgerBroken { entry, reason } => {
                    eprintln!("ledger broken at entry {entry}: {reason} (every signed checkpoint before it matches)");
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        LedgerCommand::Verify { checkpoints: None } => match ledger::verify(&mut *connect(settings)?)? {
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
            let cipher = settings.cipher();
            let signer = LedgerSigner::choose(
                settings.ledger_signing_key.as_ref(),
                settings.secret_key.as_ref(),
                settings.is_development(),
            )
            .map_err(AppError::internal)?;
            let bytes =
                export::bundle_logged(&mut conn, &cipher, signer.as_ref(), &Actor::system("cli"), from, to, now)?;
            let out = out.unwrap_or_else(|| export::file_name(from, to).into());
            std::fs::write(&out, &bytes).map_err(|cause| CliError::Write { path: out.clone(), cause })?;
            println!("wrote {} ({} bytes): the ledger from {from} to {to}", out.display(), bytes.len());
            Ok(ExitCode::SUCCESS)
        }
    }
}
