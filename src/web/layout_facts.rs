//! Facts the layout shows on every public page (the footer's sentences about wages, also read
//! by the home and About pages), computed once per catalog version — not per request — by a
//! source the app registers at start-up (`impact::claims`), so this layer does not depend on
//! the features that compute them. The page cache refreshes them before rendering a page for a
//! new version (`PageCache::serve`) and when its poll sees a new version; other pages show the
//! newest computed. A failed computation shows no facts: a sentence the data cannot back is
//! not shown.

use std::sync::{Arc, OnceLock, RwLock};

use chrono::NaiveDate;
use serde_json::Value;

use crate::db::{self, DbConn, Pool};
use crate::error::AppError;

/// Computes the facts (a JSON object the templates read as `claims`).
pub type Source = Box<dyn Fn(&mut DbConn) -> Result<Value, AppError> + Send + Sync>;

pub struct LayoutFacts {
    /// The catalog version and day the facts were computed for (-1: none yet), and the facts
    /// (pay deadlines pass without a write, so the day is part of the key, as in the cache).
    current: RwLock<(i64, NaiveDate, Arc<Value>)>,
    source: OnceLock<Arc<Source>>,
}

impl Default for LayoutFacts {
    fn default() -> Self {
        Self {
            current: RwLock::new((-1, NaiveDate::MIN, Arc::new(Value::Object(Default::default())))),
            source: OnceLock::new(),
        }
    }
}

impl LayoutFacts {
    /// Registers what computes the facts (once, at start-up).
    pub fn set_source(&self, source: Source) {
        let _ = self.source.set(Arc::new(source));
    }

    /// The facts as last computed (an empty object before the first computation).
    pub fn get(&self) -> Arc<Value> {
        self.current.read().map(|c| Arc::clone(&c.2)).unwrap_or_else(|_| Arc::new(Value::Object(Default::default())))
    }

    fn key(&self) -> (i64, NaiveDate) {
        self.current.read().map(|c| (c.0, c.1)).unwrap_or((-1, NaiveDate::MIN))
    }

    /// Computes the facts for `version` unless they already are.
    pub async fn ensure(&self, pool: &Pool, version: i64) {
        let Some(source) = self.source.get().cloned() else { return };
        let day = super::page_cache::day();
        if self.key() == (version, day) {
            return;
        }
        let computed = db::run::<_, AppError, _>(pool, move |conn| (**source)(conn)).await;
        let (version, value) = match computed {
            Ok(v) => (version, v),
            Err(e) => {
                tracing::warn!(error = %crate::error::Chain(&e), "could not compute the layout's facts");
                (-1, Value::Object(Default::default()))
            }
        };
        if let Ok(mut c) = self.current.write() {
            // A slower computation for an older version never replaces a newer one.
            if version < 0 || (version, day) >= (c.0, c.1) {
                *c = (version, day, Arc::new(value));
            }
        }
    }
}
