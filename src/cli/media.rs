//! `fairgold media migrate`: copies the photos, portraits and consent forms kept in the data
//! directory into the bucket `[storage]` names (see `images::storage::migrate_local`).

use super::{CliError, MediaCommand};
use crate::config::Settings;
use crate::images::storage::{self, Storage};

pub(super) fn run(settings: &Settings, command: MediaCommand) -> Result<(), CliError> {
    match command {
        MediaCommand::Migrate => {
            let to = Storage::from_settings(settings)?;
            if !to.is_s3() {
                return Err(CliError::NotABucket);
            }
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| CliError::Serve(e.into()))?;
            let done = runtime.block_on(storage::migrate_local(&settings.data_dir, &to))?;
            println!(
                "{} file(s) copied from {} into the {}; {} already there. The files on disk are kept: remove \
                 them once every instance runs with storage.kind = \"s3\".",
                done.copied,
                settings.data_dir.display(),
                to.description(),
                done.unchanged
            );
        }
    }
    Ok(())
}
