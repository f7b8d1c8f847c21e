//! A return's state machine and the parsed values of the return forms.
//!
//! ```text
//! requested ─▶ approved ─▶ received ─▶ refunded
//!     │                        └─────▶ closed (no refund)
//!     └─▶ declined
//! ```

use crate::web::form::FieldErrors;

crate::text_enum!(
    /// Where a return stands.
    ReturnStatus, "return status" {
        Requested = "requested", "Requested";
        Approved = "approved", "Approved: waiting for the parcel";
        Declined = "declined", "Declined";
        Received = "received", "Received: to refund";
        Refunded = "refunded", "Refunded";
        Closed = "closed", "Closed without a refund";
    }
);

impl ReturnStatus {
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
            assert_eq!(ReturnStatus::parse(s.code()).ok(), Some(*s));
        }
        assert!(ReturnStatus::parse("lost").unwrap_err().0.contains("expected one of: requested, approved"));
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
