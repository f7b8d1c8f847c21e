//! What every form shares: errors by field, in messages a person understands, and the error
//! a parse at the edge returns. Features parse their own input into typed values
//! (parse, don't validate) and collect one message per field here, so a form comes back with
//! every mistake next to its field at once.

use std::collections::BTreeMap;

use serde::Serialize;

/// Why a typed value could not be parsed from what was typed: a message for the person.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ParseError(pub String);

/// Errors by field name, in messages a person understands.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FieldErrors(pub BTreeMap<String, String>);

impl FieldErrors {
    /// The first message for a field wins (later checks of the same field add nothing).
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.entry(field.to_string()).or_insert_with(|| message.into());
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// One error, for one field.
    pub fn one(field: &str, message: impl Into<String>) -> Self {
        let mut e = Self::default();
        e.add(field, message);
        e
    }
}
