//! `fairgold import pieces`: an admin-level import by the system actor `cli`; each piece's
//! creation is audit-logged as from the back office. Any bad row → every row's errors on
//! stderr, nothing imported, a non-zero exit.

use indicatif::{ProgressBar, ProgressStyle};

use super::{connect, CliError, ImportCommand};
use crate::audit::Actor;
use crate::auth::Scope;
use crate::config::Settings;
use crate::{centers, import, reference};

pub(super) fn run(settings: &Settings, command: ImportCommand) -> Result<(), CliError> {
    let ImportCommand::Pieces { file, center } = command;
    let read_error = |cause| CliError::Read { path: file.clone(), cause };
    let size = std::fs::metadata(&file).map_err(read_error)?.len();
    if size > import::MAX_BYTES as u64 {
        return Err(CliError::FileTooLarge(file));
    }
    let bytes = std::fs::read(&file).map_err(read_error)?;
    let rows = import::read(&bytes).map_err(|problem| CliError::BadFile { path: file.clone(), problem })?;
    let mut conn = connect(settings)?;
    let now = chrono::Utc::now().naive_utc();
    reference::ensure(&mut conn, now)?;
    let center = centers::find_by_code(&mut conn, center.as_str())?
        .ok_or(CliError::UnknownCenter { flag: "--center", code: center })?;
    let editor = Scope { actor: Actor::system("cli"), center_scope: None };
    let bar = ProgressBar::new(rows.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} rows {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let report = import::import(&mut conn, &editor, &rows, &center, settings.currency, now, &mut || bar.inc(1))?;
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
    Err(CliError::NotImported { with_errors: report.rows_with_errors(), rows: report.rows.len() })
}
