//! The order's state machine and the parsed values around orders: status, reference, the
//! kinds of timeline events. Every status change goes through `OrderStatus::transition`,
//! which refuses the moves the business does not allow.

use serde::Serialize;

/// Where an order is. `disputed` is a separate flag (a dispute can open at any stage).
///
/// ```text
/// pending_payment ─▶ paid ─▶ packed ─▶ shipped ─▶ delivered
///        │             └──────┴──────────┴───────────┴─▶ refunded / partially_refunded
///        └─▶ cancelled ─▶ paid (a late payment while the pieces are still free)
///                     └─▶ refunded (a payment that lost its pieces, refunded)
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    PendingPayment,
    Paid,
    Packed,
    Shipped,
    Delivered,
    Cancelled,
    Refunded,
    PartiallyRefunded,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("an order that is {from} cannot become {to}")]
pub struct TransitionError {
    pub from: &'static str,
    pub to: &'static str,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 8] = [
        Self::PendingPayment,
        Self::Paid,
        Self::Packed,
        Self::Shipped,
        Self::Delivered,
        Self::Cancelled,
        Self::Refunded,
        Self::PartiallyRefunded,
    ];

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::PendingPayment => "pending_payment",
            Self::Paid => "paid",
            Self::Packed => "packed",
            Self::Shipped => "shipped",
            Self::Delivered => "delivered",
            Self::Cancelled => "cancelled",
            Self::Refunded => "refunded",
            Self::PartiallyRefunded => "partially_refunded",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::PendingPayment => "Awaiting payment",
            Self::Paid => "Paid",
            Self::Packed => "Packed",
            Self::Shipped => "Shipped",
            Self::Delivered => "Delivered",
            Self::Cancelled => "Cancelled",
            Self::Refunded => "Refunded",
            Self::PartiallyRefunded => "Partly refunded",
        }
    }

    /// The order has been paid for (whatever happened since).
    pub fn is_paid(self) -> bool {
        matches!(
            self,
            Self::Paid | Self::Packed | Self::Shipped | Self::Delivered | Self::Refunded | Self::PartiallyRefunded
        )
    }

    /// Whether `self → to` is allowed.
    pub fn can_become(self, to: OrderStatus) -> bool {
        use OrderStatus::*;
        matches!(
            (self, to),
            (PendingPayment, Paid | Cancelled)
                // A payment that arrives after the checkout expired still counts if its pieces
                // are free (fulfilment checks that); a payment that lost them is refunded.
                | (Cancelled, Paid | Refunded | PartiallyRefunded)
                | (Paid, Packed | Shipped)
                | (Packed, Shipped)
                | (Shipped, Delivered)
                | (Paid | Packed | Shipped | Delivered, Refunded | PartiallyRefunded)
                // A partial refund (a goodwill gesture) does not stop the parcel.
                | (PartiallyRefunded, PartiallyRefunded | Refunded | Packed | Shipped | Delivered)
        )
    }

    /// The new status, or why not.
    pub fn transition(self, to: OrderStatus) -> Result<OrderStatus, TransitionError> {
        if self.can_become(to) {
            Ok(to)
        } else {
            Err(TransitionError { from: self.code(), to: to.code() })
        }
    }
}

/// The public order reference, `FG-000123`, from the order's id.
pub fn reference_of(id: i64) -> String {
    format!("FG-{id:06}")
}

/// Kinds of timeline events (`order_events.kind`).
pub mod event {
    pub const CREATED: &str = "created";
    pub const PAID: &str = "paid";
    pub const PAYMENT_FAILED: &str = "payment_failed";
    pub const HOLD_LOST: &str = "hold_lost";
    pub const PACKED: &str = "packed";
    pub const SHIPPED: &str = "shipped";
    pub const DELIVERED: &str = "delivered";
    pub const REFUND_REQUESTED: &str = "refund_requested";
    pub const REFUNDED: &str = "refunded";
    pub const DISPUTE_OPENED: &str = "dispute_opened";
    pub const CHECKOUT_ABANDONED: &str = "checkout_abandoned";
}

#[cfg(test)]
mod tests {
    use super::OrderStatus::*;
    use super::*;

    #[test]
    fn the_happy_path_is_allowed_in_order_only() {
        assert_eq!(PendingPayment.transition(Paid), Ok(Paid));
        assert!(Paid.can_become(Packed) && Packed.can_become(Shipped) && Shipped.can_become(Delivered));
        assert!(!PendingPayment.can_become(Shipped));
        assert!(!Delivered.can_become(Packed));
        assert!(!Shipped.can_become(Packed));
        assert!(!Refunded.can_become(Paid));
        assert!(!Paid.can_become(PendingPayment));
        let err = PendingPayment.transition(Delivered).unwrap_err();
        assert_eq!(err.to_string(), "an order that is pending_payment cannot become delivered");
    }

    #[test]
    fn codes_round_trip() {
        for s in OrderStatus::ALL {
            assert_eq!(OrderStatus::parse(s.code()), Some(s));
        }
        assert_eq!(reference_of(123), "FG-000123");
    }
}
