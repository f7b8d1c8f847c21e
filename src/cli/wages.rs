//! `fairgold wages report`: a center's month as plain text for a terminal
//! (`wages::reports::render_text`).

use super::{connect, CliError, WagesCommand};
use crate::centers;
use crate::config::Settings;
use crate::wages::reports;

pub(super) fn run(settings: &Settings, command: WagesCommand) -> Result<(), CliError> {
    let WagesCommand::Report { center, month } = command;
    let mut conn = connect(settings)?;
    let center = centers::find_by_code(&mut conn, center.as_str())?
        .ok_or(CliError::UnknownCenter { flag: "--center", code: center })?;
    let report = reports::center_month(&mut conn, center.id, month)?;
    print!("{}", reports::render_text(&report));
    Ok(())
}
