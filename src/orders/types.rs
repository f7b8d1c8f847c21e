//! The order's state machine and the parsed values around orders: status, reference, the
//! kinds of timeline events. Every status change goes through `OrderStatus::transition`,
//! which refuses the moves the business does not allow.

use serde::Serialize;

/// What happened to an order's money. Fulfilment (packing and shipping, per center) is a
/// separate state (`Fulfilment`, derived from the order's shipments): refunds never move it,
/// and shipping never moves this one.
///
/// ```text
/// pending_payment ─▶ paid ─▶ partially_refunded ─▶ refunded
///        │  │          └────────────────────────────▶ refunded
///        │  └─▶ needs_review (a payment that does not match the order: finance looks at it)
///        └─▶ cancelled ─▶ paid (a late payment while the pieces are still free)
///                     └─▶ refunded / partially_refunded (a payment that lost its pieces, refunded)
/// ```
/// `disputed` is a separate flag (a dispute can open at any stage).
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
pub enum OrderStatus {
    PendingPayment,
    Paid,
    PartiallyRefunded,
    Refunded,
    Cancelled,
    NeedsReview,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("an order that is {from} cannot become {to}")]
pub struct TransitionError {
    pub from: &'static str,
    pub to: &'static str,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 6] =
        [Self::PendingPayment, Self::Paid, Self::PartiallyRefunded, Self::Refunded, Self::Cancelled, Self::NeedsReview];

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::PendingPayment => "pending_payment",
            Self::Paid => "paid",
            Self::PartiallyRefunded => "partially_refunded",
            Self::Refunded => "refunded",
            Self::Cancelled => "cancelled",
            Self::NeedsReview => "needs_review",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::PendingPayment => "Awaiting payment",
            Self::Paid => "Paid",
            Self::PartiallyRefunded => "Partly refunded",
            Self::Refunded => "Refunded",
            Self::Cancelled => "Cancelled",
            Self::NeedsReview => "Payment needs review",
        }
    }

    /// Money was received for the order and counted (whatever was refunded since).
    pub fn is_paid(self) -> bool {
        matches!(self, Self::Paid | Self::Refunded | Self::PartiallyRefunded)
    }

    /// The parcels may be packed and shipped: paid, and not refunded in full.
    pub fn is_shippable(self) -> bool {
        matches!(self, Self::Paid | Self::PartiallyRefunded)
    }

    /// Whether `self → to` is allowed.
    pub fn can_become(self, to: OrderStatus) -> bool {
        use OrderStatus::*;
        matches!(
            (self, to),
            (PendingPayment, Paid | Cancelled | NeedsReview | Refunded | PartiallyRefunded)
                // A payment that arrives after the checkout expired still counts if its pieces
                // are free (fulfilment checks that); a payment that lost them is refunded.
                | (Cancelled, Paid | Refunded | PartiallyRefunded | NeedsReview)
                | (Paid, PartiallyRefunded | Refunded)
                | (PartiallyRefunded, PartiallyRefunded | Refunded)
                // Money taken for a payment that did not match is given back from review.
                | (NeedsReview, Refunded | PartiallyRefunded)
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

/// Where the order's parcels are, derived from its shipments (one per center).
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
pub enum Fulfilment {
    Unfulfilled,
    Packed,
    PartiallyShipped,
    Shipped,
    Delivered,
}

impl Fulfilment {
    pub const ALL: [Fulfilment; 5] =
        [Self::Unfulfilled, Self::Packed, Self::PartiallyShipped, Self::Shipped, Self::Delivered];

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Unfulfilled => "unfulfilled",
            Self::Packed => "packed",
            Self::PartiallyShipped => "partially_shipped",
            Self::Shipped => "shipped",
            Self::Delivered => "delivered",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Unfulfilled => "Not shipped yet",
            Self::Packed => "Packed",
            Self::PartiallyShipped => "Partly shipped",
            Self::Shipped => "Shipped",
            Self::Delivered => "Delivered",
        }
    }

    /// The order's state from its shipments' states: every parcel delivered → delivered; every
    /// parcel on its way → shipped; some → partly shipped; every parcel packed → packed.
    pub fn of(shipments: &[ShipmentStatus]) -> Self {
        use ShipmentStatus as S;
        let all = |f: fn(&ShipmentStatus) -> bool| !shipments.is_empty() && shipments.iter().all(f);
        let any = |f: fn(&ShipmentStatus) -> bool| shipments.iter().any(f);
        if all(|s| *s == S::Delivered) {
            Self::Delivered
        } else if all(|s| matches!(s, S::Shipped | S::Delivered)) {
            Self::Shipped
        } else if any(|s| matches!(s, S::Shipped | S::Delivered)) {
            Self::PartiallyShipped
        } else if all(|s| *s == S::Packed) {
            Self::Packed
        } else {
            Self::Unfulfilled
        }
    }
}

/// One center's parcel of an order.
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
pub enum ShipmentStatus {
    Pending,
    Packed,
    Shipped,
    Delivered,
}

impl ShipmentStatus {
    pub const ALL: [ShipmentStatus; 4] = [Self::Pending, Self::Packed, Self::Shipped, Self::Delivered];

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Packed => "packed",
            Self::Shipped => "shipped",
            Self::Delivered => "delivered",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Pending => "To pack",
            Self::Packed => "Packed",
            Self::Shipped => "Shipped",
            Self::Delivered => "Delivered",
        }
    }

    /// Whether staff may move a parcel from `self` to `to` (one step forward; a parcel may be
    /// shipped without being marked packed first).
    pub fn can_become(self, to: ShipmentStatus) -> bool {
        use ShipmentStatus::*;
        matches!((self, to), (Pending, Packed | Shipped) | (Packed, Shipped) | (Shipped, Delivered))
    }
}

crate::text_column!(OrderStatus, "order status", |c| OrderStatus::parse(c));
crate::text_column!(Fulfilment, "order fulfilment", |c| Fulfilment::parse(c));
crate::text_column!(ShipmentStatus, "shipment status", |c| ShipmentStatus::parse(c));

/// What a staff member typed into the orders search box, read once: an order number
/// (`FG-000123`, `fg000123` or `123`), a customer's email address (whole, any case), or a
/// piece's SKU (whole, any case; `KOL-RNG-0012`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrderLookup {
    Number(i64),
    Email(String),
    Sku(String),
}

impl OrderLookup {
    pub fn parse(input: &str) -> Result<Option<Self>, String> {
        let s = input.trim();
        if s.is_empty() {
            return Ok(None);
        }
        if s.contains('@') {
            return match crate::staff::Email::parse(s) {
                Ok(e) => Ok(Some(Self::Email(e.as_str().to_lowercase()))),
                Err(_) => Err(format!("`{s}` is not a whole email address (search needs the address as the customer typed it, e.g. asha@example.com).")),
            };
        }
        let upper = s.to_ascii_uppercase();
        let digits = upper.strip_prefix("FG-").or_else(|| upper.strip_prefix("FG")).unwrap_or(&upper);
        if !digits.is_empty() && digits.len() <= 12 && digits.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(n) = digits.parse::<i64>() {
                return Ok(Some(Self::Number(n)));
            }
        }
        match crate::catalog::types::Sku::parse(s) {
            Ok(sku) => Ok(Some(Self::Sku(sku.as_str().to_string()))),
            Err(_) => Err(format!(
                "Search for an order number (FG-000123), a customer's email address or a piece's SKU (KOL-RNG-0012); `{s}` is none of them."
            )),
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
    /// A payment that arrived after it had been refunded in full: received, nothing sold.
    /// (Not `PAID`: the wage ledger reads `PAID` as a sale.)
    pub const PAID_REFUNDED: &str = "paid_refunded";
    pub const PAYMENT_FAILED: &str = "payment_failed";
    pub const HOLD_LOST: &str = "hold_lost";
    pub const PACKED: &str = "packed";
    pub const SHIPPED: &str = "shipped";
    pub const DELIVERED: &str = "delivered";
    pub const REFUND_REQUESTED: &str = "refund_requested";
    pub const REFUNDED: &str = "refunded";
    pub const DISPUTE_OPENED: &str = "dispute_opened";
    pub const CHECKOUT_ABANDONED: &str = "checkout_abandoned";
    /// The checkout's hold ran out unpaid (the sweeper cancelled the order).
    pub const EXPIRED: &str = "expired";
    /// The same cart checked out again: this earlier order was replaced.
    pub const SUPERSEDED: &str = "superseded";
    /// A payment event that does not match the order (session, amount, currency, state).
    pub const PAYMENT_REVIEW: &str = "payment_review";
    /// A completed checkout whose payment is still on its way (a delayed method).
    pub const PAYMENT_PROCESSING: &str = "payment_processing";
    pub const DISPUTE_UPDATED: &str = "dispute_updated";
    pub const DISPUTE_CLOSED: &str = "dispute_closed";
    /// Returns (`returns`): each step of a return request, with its pieces' titles.
    pub const RETURN_REQUESTED: &str = "return_requested";
    pub const RETURN_APPROVED: &str = "return_approved";
    pub const RETURN_DECLINED: &str = "return_declined";
    pub const RETURN_RECEIVED: &str = "return_received";
    pub const RETURN_REFUNDED: &str = "return_refunded";
    pub const RETURN_CLOSED: &str = "return_closed";
}

#[cfg(test)]
mod tests {
    use super::OrderStatus::*;
    use super::*;

    #[test]
    fn money_moves_only_forward() {
        assert_eq!(PendingPayment.transition(Paid), Ok(Paid));
        assert!(Paid.can_become(PartiallyRefunded) && PartiallyRefunded.can_become(Refunded));
        assert!(!Refunded.can_become(Paid));
        assert!(!Refunded.can_become(PartiallyRefunded));
        assert!(!Paid.can_become(PendingPayment));
        assert!(!NeedsReview.can_become(Paid));
        let err = Refunded.transition(Paid).unwrap_err();
        assert_eq!(err.to_string(), "an order that is refunded cannot become paid");
    }

    #[test]
    fn only_paid_orders_not_refunded_in_full_ship() {
        assert!(Paid.is_shippable() && PartiallyRefunded.is_shippable());
        for s in [PendingPayment, Refunded, Cancelled, NeedsReview] {
            assert!(!s.is_shippable(), "{s:?}");
        }
    }

    #[test]
    fn fulfilment_follows_the_parcels() {
        use ShipmentStatus as S;
        assert_eq!(Fulfilment::of(&[]), Fulfilment::Unfulfilled);
        assert_eq!(Fulfilment::of(&[S::Pending, S::Packed]), Fulfilment::Unfulfilled);
        assert_eq!(Fulfilment::of(&[S::Packed, S::Packed]), Fulfilment::Packed);
        assert_eq!(Fulfilment::of(&[S::Shipped, S::Pending]), Fulfilment::PartiallyShipped);
        assert_eq!(Fulfilment::of(&[S::Shipped, S::Delivered]), Fulfilment::Shipped);
        assert_eq!(Fulfilment::of(&[S::Delivered, S::Delivered]), Fulfilment::Delivered);
        assert!(S::Pending.can_become(S::Shipped) && !S::Shipped.can_become(S::Packed));
        assert!(!S::Delivered.can_become(S::Shipped));
    }

    #[test]
    fn the_wage_ledger_reads_sales_by_the_paid_event() {
        assert_eq!(event::PAID, crate::wages::service::SALE_EVENT);
    }

    #[test]
    fn codes_round_trip() {
        for s in OrderStatus::ALL {
            assert_eq!(OrderStatus::parse(s.code()), Some(s));
        }
        for s in Fulfilment::ALL {
            assert_eq!(Fulfilment::parse(s.code()), Some(s));
        }
        for s in ShipmentStatus::ALL {
            assert_eq!(ShipmentStatus::parse(s.code()), Some(s));
        }
        assert_eq!(reference_of(123), "FG-000123");
    }

    #[test]
    fn an_order_search_reads_numbers_emails_and_skus() {
        assert_eq!(OrderLookup::parse("  "), Ok(None));
        for n in ["FG-000123", "fg000123", "123", " fg-123 "] {
            assert_eq!(OrderLookup::parse(n), Ok(Some(OrderLookup::Number(123))), "{n}");
        }
        assert_eq!(OrderLookup::parse("Asha@Example.COM"), Ok(Some(OrderLookup::Email("asha@example.com".into()))));
        assert_eq!(OrderLookup::parse("kol-rng-0012"), Ok(Some(OrderLookup::Sku("KOL-RNG-0012".into()))));
        assert!(OrderLookup::parse("asha@").unwrap_err().contains("not a whole email address"));
        assert!(OrderLookup::parse("ring; drop").unwrap_err().contains("none of them"));
    }
}
