//! `fairgold wages report`: a center's month as plain text for a terminal
//! (`wages::reports::render_text`); `fairgold wages close`: the month close's two steps, as a
//! named finance or admin person (the same rules as the back office).

use super::{connect, CliError, WagesCommand};
use crate::audit::Actor;
use crate::centers;
use crate::config::Settings;
use crate::error::AppError;
use crate::staff::{queries as staff, Role};
use crate::wages::policy::inr;
use crate::wages::{close, reports};

pub(super) fn run(settings: &Settings, command: WagesCommand) -> Result<(), CliError> {
    let mut conn = connect(settings)?;
    match command {
        WagesCommand::Report { center, month } => {
            let center = centers::find_by_code(&mut conn, center.as_str())?
                .ok_or(CliError::UnknownCenter { flag: "--center", code: center })?;
            let report = reports::center_month(&mut conn, center.id, month)?;
            print!("{}", reports::render_text(&report));
        }
        WagesCommand::Close { center, month, as_staff } => {
            let center = centers::find_by_code(&mut conn, center.as_str())?
                .ok_or(CliError::UnknownCenter { flag: "--center", code: center })?;
            let who = staff::find_by_email(&mut conn, as_staff.trim())?
                .filter(|s| s.is_active() && matches!(s.role, Role::Finance | Role::Admin))
                .ok_or_else(|| {
                    CliError::App(AppError::Forbidden(format!(
                        "--as {}: no active finance or admin staff member has this email",
                        as_staff.trim()
                    )))
                })?;
            let actor = Actor { staff_id: Some(who.id), label: who.email.clone(), ip: None };
            let now = chrono::Utc::now().naive_utc();
            if close::requested(&mut conn, center.id, month)?.is_none() {
                close::request(&mut conn, &actor, center.id, month, now)?;
                println!(
                    "{} {}: close requested by {}; a second finance or admin person must approve it",
                    center.city,
                    month.label(),
                    who.email
                );
            } else {
                // Production without FAIRGOLD_LEDGER_SIGNING_KEY has no signer: the close is refused.
                let signer = crate::crypto::LedgerSigner::choose(
                    settings.ledger_signing_key.as_ref(),
                    settings.secret_key.as_ref(),
                    settings.is_development(),
                )
                .map_err(AppError::internal)?;
                let closed = close::approve(&mut conn, &actor, center.id, month, now, signer.as_ref())?;
                println!(
                    "{} {}: closed by {} — {} artisans, {} of top-ups",
                    center.city,
                    month.label(),
                    who.email,
                    closed.rows.len(),
                    inr(closed.top_ups_minor)
                );
            }
        }
    }
    Ok(())
}
