//! A return's state machine and the parsed values of the return forms.
//!
//! ```text
//! requested ─▶ approved ─▶ received ─▶ refunded
//!     │                        └─────▶ closed (no refund)
//!     └─▶ declined
//! ```

use serde::Serialize;

use crate::web::form::FieldErrors;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    diesel::expression::AsExpression,
    diesel::deserialize::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(rename_all = "snake_case")]
pub enum ReturnStatus {
    Requested,
    Approved,
    Declined,
    Received,
    Refunded,
    Closed,
}

impl ReturnStatus {
    pub const ALL: [ReturnStatus; 6] =
        [Self::Requested, Self::Approved, Self::Declined, Self::Received, Self::Refunded, Self::Closed];

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Requested => "requested",
            Self::Approved => "approved",
            Self::Declined => "declined",
            Self::Received => "received",
            Self::Refunded => "refunded",
            Self::Closed => "closed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Requested => "Requested",
            Self::Approved => "Approved: waiting for the parcel",
            Self::Declined => "Declined",
            Self::Received => "Received: to refund",
            Self::Refunded => "Refunded",
            Self::Closed => "Closed without a refund",
        }
    }

    /// Still under way: its pieces cannot be in another request.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Requested | Self::Approved | Self::Received)
    }

    /// The one step forward from `self` to `to`, if the business allows it.
    pub fn can_become(self, to: ReturnStatus) -> bool {
        use ReturnStatus::*;
        matches!((self, to), (Requested, Approved | Declined) | (Approved, Received) | (Received, Refunded | Closed))
    }
}

crate::text_column!(ReturnStatus, "return status", |c| ReturnStatus::parse(c));

/// Free text a person typed (the customer's reason, the staff's message or the condition
/// found): trimmed, at most `max` characters, no control characters but line breaks.
pub fn text(e: &mut FieldErrors, field: &'static str, value: &str, required: bool, max: usize) -> String {
    let v = value.trim().replace("\r\n", "\n");
    if v.is_empty() {
        if required {
            e.add(field, "this is required");
        }
    } else if v.chars().count() > max {
        e.add(field, format!("keep it to {max} characters or fewer"));
    } else if v.chars().any(|c| c.is_control() && c != '\n') {
        e.add(field, "use plain text");
    }
    v
}

#[cfg(test)]
mod tests {
    use super::ReturnStatus::*;
    use super::*;

    #[test]
    fn a_return_moves_one_step_forward() {
        assert!(Requested.can_become(Approved) && Requested.can_become(Declined));
        assert!(Approved.can_become(Received) && Received.can_become(Refunded) && Received.can_become(Closed));
        assert!(!Requested.can_become(Received) && !Declined.can_become(Approved) && !Refunded.can_become(Closed));
        assert!(!Approved.can_become(Refunded), "nothing is refunded before the pieces are back");
        for s in ReturnStatus::ALL {
            assert_eq!(ReturnStatus::parse(s.code()), Some(s));
        }
        assert!(Received.is_open() && !Declined.is_open() && !Refunded.is_open());
    }

    #[test]
    fn texts_are_checked() {
        let mut e = FieldErrors::default();
        assert_eq!(text(&mut e, "reason", "  too small \r\n ", true, 100), "too small");
        assert!(e.is_empty());
        text(&mut e, "reason", " ", true, 100);
        text(&mut e, "message", &"x".repeat(11), false, 10);
        assert_eq!(e.0.len(), 2);
    }
}
