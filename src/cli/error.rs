//! What a command refuses or fails with, and how it is shown: "Error: …" on stderr with each
//! cause beneath it, exit status 1. A refusal names the flag it is about; the application's
//! own errors are shown in the words the back office shows a person (`AppError::public_message`).

use std::error::Error as _;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::args::CenterCode;
use crate::config::ConfigError;
use crate::db::DbError;
use crate::error::AppError;
use crate::import::FileError;
#[cfg(feature = "demo")]
use crate::seed::SeedError;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("configuration")]
    Config(#[source] ConfigError),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
    #[error(transparent)]
    Rotate(#[from] crate::keys::RotateError),
    #[error(transparent)]
    Backup(#[from] crate::db::backup::BackupError),
    #[error("stored images")]
    Storage(#[from] crate::images::storage::StorageError),
    #[error(
        "storage.kind is local: set FAIRGOLD_STORAGE__KIND=s3 and the bucket's settings (storage.endpoint, bucket, \
         region, access_key_id, secret_access_key) to copy the files there"
    )]
    NotABucket,
    #[cfg(feature = "demo")]
    #[error(transparent)]
    Seed(#[from] SeedError),
    /// The server could not start or stopped with an error.
    #[error(transparent)]
    Serve(anyhow::Error),
    /// A rule of the shop refused the command (an account that exists, a manager without a
    /// center…), or it failed: the person's message, as on a page.
    #[error("{}", .0.public_message())]
    App(AppError),
    #[error("{flag}: unknown center `{code}` (use kolkata or mumbai)")]
    UnknownCenter { flag: &'static str, code: CenterCode },
    #[error("--from {from} is after --to {to}")]
    PeriodReversed { from: NaiveDate, to: NaiveDate },
    #[cfg(feature = "demo")]
    #[error("{flag}: between {min} and {max}")]
    OutOfRange { flag: &'static str, min: u64, max: u64 },
    #[cfg(feature = "demo")]
    #[error("say what to seed: `fairgold seed --demo` or `fairgold seed --bench-ledger`")]
    NothingToSeed,
    /// The demo shop has staff accounts whose password is printed in the README.
    #[cfg(feature = "demo")]
    #[error(
        "`seed --demo` is for development only: the demo shop adds staff accounts whose password is public \
         (to try it on your own machine, set FAIRGOLD_ENV=development and use a database of its own)"
    )]
    DemoInProduction,
    #[error("cannot read {}", .path.display())]
    Read {
        path: PathBuf,
        #[source]
        cause: std::io::Error,
    },
    #[error("cannot write {}", .path.display())]
    Write {
        path: PathBuf,
        #[source]
        cause: std::io::Error,
    },
    /// A checkpoints file that is not one (`wages::checkpoints::parse_file` says why).
    #[error("--checkpoints {}: {problem}", .path.display())]
    BadCheckpoints { path: PathBuf, problem: String },
    #[error("{}: the file is larger than 5 MB; split it", .0.display())]
    FileTooLarge(PathBuf),
    /// The file as a whole cannot be read as the import's CSV.
    #[error("{}: {problem}", .path.display())]
    BadFile { path: PathBuf, problem: FileError },
    /// Some rows have errors (each printed on stderr before): nothing was imported.
    #[error("nothing was imported: {with_errors} of {rows} row(s) have errors")]
    NotImported { with_errors: usize, rows: usize },
}

impl From<AppError> for CliError {
    fn from(e: AppError) -> Self {
        Self::App(e)
    }
}

impl CliError {
    /// Prints the error on stderr as `anyhow` did for `main`: "Error: …", then "Caused by:"
    /// and its causes, indented (and numbered when there are several).
    pub fn report(&self) {
        let mut causes = Vec::new();
        let mut next = self.source();
        while let Some(cause) = next {
            causes.push(cause.to_string());
            next = cause.source();
        }
        let mut text = format!("Error: {self}");
        if !causes.is_empty() {
            text.push_str("\n\nCaused by:");
        }
        let numbered = causes.len() > 1;
        for (n, cause) in causes.iter().enumerate() {
            let (first, rest) = if numbered { (format!("{n:>5}: "), "       ") } else { ("    ".into(), "    ") };
            text.push_str(&format!("\n{first}{}", cause.replace('\n', &format!("\n{rest}"))));
        }
        eprintln!("{text}");
    }
}
