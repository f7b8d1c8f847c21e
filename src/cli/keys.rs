//! `fairgold keys rotate`: see `crate::keys`.

use super::{connect, CliError, KeysCommand};
use crate::config::Settings;
use crate::keys;

pub(super) fn run(settings: &Settings, command: KeysCommand) -> Result<(), CliError> {
    match command {
        KeysCommand::Rotate => {
            let mut conn = connect(settings)?;
            let done = keys::rotate(&mut conn, &settings.cipher())?;
            for (field, rewritten, current) in &done.fields {
                println!("{field}: {rewritten} re-encrypted, {current} already under the new key");
            }
            let total: usize = done.fields.iter().map(|(_, n, _)| n).sum();
            println!("Done: {total} value(s) re-encrypted under FAIRGOLD_SECRET_KEY. Remove FAIRGOLD_SECRET_KEY_OLD.");
            if done.staff_with_recovery_codes > 0 {
                println!(
                    "Note: {} staff member(s) hold recovery codes made under the old key; they work only while \
                     FAIRGOLD_SECRET_KEY_OLD is set. Ask them to make new ones (Account → New recovery codes) before \
                     you remove it.",
                    done.staff_with_recovery_codes
                );
            }
        }
    }
    Ok(())
}
