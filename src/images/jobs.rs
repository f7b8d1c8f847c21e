//! At most a few photos are decoded at once in an instance: each can take up to ~200 MB while
//! its pixels are in memory, so a burst of uploads (or an attacker sending many) must queue
//! rather than add up. An upload waits briefly for a free slot, then is refused with 503 and a
//! message to try again.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;

use super::UploadError;

/// The instance's photo-processing slots (`images.jobs`, default two).
#[derive(Debug, Clone)]
pub struct Jobs {
    slots: Arc<Semaphore>,
    wait: Duration,
}

impl Jobs {
    pub fn new(slots: usize, wait: Duration) -> Self {
        Self { slots: Arc::new(Semaphore::new(slots.max(1))), wait }
    }

    /// Runs `job` on the blocking pool once a slot is free (waiting at most the configured
    /// time); the slot is held until the job has finished, even if the request is dropped.
    pub async fn run<T, F>(&self, job: F) -> Result<T, UploadError>
    where
        F: FnOnce() -> Result<T, UploadError> + Send + 'static,
        T: Send + 'static,
    {
        let permit = match tokio::time::timeout(self.wait, Arc::clone(&self.slots).acquire_owned()).await {
            Ok(Ok(permit)) => permit,
            _ => {
                tracing::warn!("photo upload refused: every processing slot is busy");
                return Err(UploadError::Busy);
            }
        };
        actix_web::web::block(move || {
            let _slot = permit;
            job()
        })
        .await
        .map_err(|_| UploadError::Internal("the photo worker stopped".into()))?
    }
}
