//! Transactional email. Changes that cause an email call `enqueue` (or `enqueue_with`) inside
//! their own transaction: the message is a row in the durable outbox, committed or rolled back
//! with the change. A background worker (`worker`) renders it (through the `Compose` it is
//! given at start-up: `orders::emails`, the feature whose messages these are) and sends it
//! through the configured transport (`transport`), with retries and backoff, and never sends a
//! message twice. Admins see pending and failed messages at `/admin/email`.

pub mod queries;
pub mod transport;
pub mod worker;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db::DbConn;
use crate::i18n::{self, Lang};
use crate::schema::{email_outbox, order_items, staff};

/// A message ready to send.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
    /// Files sent with it (the order confirmation's tax invoice), rendered at send time.
    pub attachments: Vec<Attachment>,
}

/// A file attached to a message.
#[derive(Debug, Clone)]
pub struct Attachment {
    pub filename: String,
    /// A MIME type such as `text/html; charset=utf-8`.
    pub content_type: String,
    pub body: Vec<u8>,
}

/// Why a message could not be rendered (the worker retries it later, like a failed send).
pub type ComposeError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Renders an outbox message from the data it names. The email feature does not know what an
/// order is: the feature whose messages they are implements this (`orders::emails::Renderer`),
/// and start-up hands it to the worker.
pub trait Compose: Send + Sync + 'static {
    fn render(&self, conn: &mut DbConn, row: &queries::OutboxRow) -> Result<Rendered, ComposeError>;
}

/// What to send. The worker renders each kind from tera templates (HTML and plain text) with
/// the order's current data; no email carries an artisan's legal name or a workshop address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, diesel::expression::AsExpression, diesel::deserialize::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum EmailKind {
    /// To the customer: items, totals, the status link.
    OrderConfirmation,
    /// To the customer: carrier and tracking number.
    Shipped,
    /// To the customer: how much was refunded.
    Refunded,
    /// To the customer: the payment failed or the checkout expired.
    PaymentFailed,
    /// To the customer: paid after the piece went to another buyer; refunded, with an apology.
    PieceUnavailable,
    /// To the managers of the centers in an order.
    StaffNewOrder,
    /// To finance and admins: a dispute was opened (with the evidence deadline).
    StaffDispute,
    /// To admins: a payment arrived after its piece went to another buyer; it is refunded.
    StaffHoldLost,
    /// To finance and admins: a payment that does not match its order did not count.
    StaffPaymentReview,
    /// To finance and admins: a dispute was closed (won or lost).
    StaffDisputeClosed,
    /// To admins: a staff account is being attacked (many failed sign-ins; about no order).
    StaffSignInAttack,
    /// To the customer: a step of their return (requested, approved, declined, received,
    /// closed); the payload names the return and the step. (Its refund sends `Refunded`.)
    ReturnUpdate,
}

crate::text_column!(EmailKind, "email kind", |c| EmailKind::parse(c));

impl EmailKind {
    pub const ALL: [EmailKind; 12] = [
        Self::OrderConfirmation,
        Self::Shipped,
        Self::Refunded,
        Self::PaymentFailed,
        Self::PieceUnavailable,
        Self::StaffNewOrder,
        Self::StaffDispute,
        Self::StaffHoldLost,
        Self::StaffPaymentReview,
        Self::StaffDisputeClosed,
        Self::StaffSignInAttack,
        Self::ReturnUpdate,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::OrderConfirmation => "order_confirmation",
            Self::Shipped => "shipped",
            Self::Refunded => "refunded",
            Self::PaymentFailed => "payment_failed",
            Self::PieceUnavailable => "piece_unavailable",
            Self::StaffNewOrder => "staff_new_order",
            Self::StaffDispute => "staff_dispute",
            Self::StaffHoldLost => "staff_hold_lost",
            Self::StaffPaymentReview => "staff_payment_review",
            Self::StaffDisputeClosed => "staff_dispute_closed",
            Self::StaffSignInAttack => "staff_sign_in_attack",
            Self::ReturnUpdate => "return_update",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// A short label for the back office.
    pub fn label(self) -> &'static str {
        match self {
            Self::OrderConfirmation => "Order confirmation",
            Self::Shipped => "Shipped",
            Self::Refunded => "Refunded",
            Self::PaymentFailed => "Payment failed",
            Self::PieceUnavailable => "Piece no longer available",
            Self::StaffNewOrder => "New order (staff)",
            Self::StaffDispute => "Dispute alert (staff)",
            Self::StaffHoldLost => "Late payment refunded (staff)",
            Self::StaffPaymentReview => "Payment needs review (staff)",
            Self::StaffDisputeClosed => "Dispute closed (staff)",
            Self::StaffSignInAttack => "Failed sign-ins alert (staff)",
            Self::ReturnUpdate => "Return update",
        }
    }

    /// Alerts for staff (they carry a back-office link, never the customer's status link).
    pub fn is_staff(self) -> bool {
        matches!(
            self,
            Self::StaffNewOrder
                | Self::StaffDispute
                | Self::StaffHoldLost
                | Self::StaffPaymentReview
                | Self::StaffDisputeClosed
                | Self::StaffSignInAttack
        )
    }

    /// Whether the message is about an order (its outbox row names one). `StaffSignInAttack`
    /// is about a staff account; the payload says which.
    pub fn about_an_order(self) -> bool {
        !matches!(self, Self::StaffSignInAttack)
    }

    /// The subject line in English, given the order reference and the shop's name.
    pub fn subject(self, reference: &str, shop: &str) -> String {
        self.subject_in(Lang::En, reference, shop)
    }

    /// The subject line: the customer's in `lang` (`locales/<lang>/email.ftl`), staff alerts in
    /// English (the back office's language).
    pub fn subject_in(self, lang: Lang, reference: &str, shop: &str) -> String {
        let customer = |key: &str| {
            i18n::t_with(lang, key, &[("shop", shop.to_string().into()), ("reference", reference.to_string().into())])
        };
        match self {
            Self::OrderConfirmation => customer("email-subject-order-confirmation"),
            Self::Shipped => customer("email-subject-shipped"),
            Self::Refunded => customer("email-subject-refunded"),
            Self::PaymentFailed => customer("email-subject-payment-failed"),
            Self::PieceUnavailable => customer("email-subject-piece-unavailable"),
            Self::ReturnUpdate => customer("email-subject-return-update"),
            Self::StaffNewOrder => format!("New order {reference}: pieces from your center to pack"),
            Self::StaffDispute => format!("Dispute opened on order {reference}"),
            Self::StaffHoldLost => format!("Order {reference} was paid after its piece was sold: refund issued"),
            Self::StaffPaymentReview => format!("Payment for order {reference} needs review: it did not count"),
            Self::StaffDisputeClosed => format!("Dispute on order {reference} closed"),
            Self::StaffSignInAttack => format!("Many failed sign-ins to a {shop} staff account"),
        }
    }
}

/// What a message needs that the database cannot give back at send time, stored as JSON in
/// `email_outbox.payload` when the message is enqueued. Every field is optional; unknown
/// fields are ignored.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Payload {
    /// The customer's status page, `{base_url}/orders/{token}`: only the token's hash is
    /// stored with the order, so the link must be written here when the order is created.
    pub status_url: Option<String>,
    /// For `StaffNewOrder`: the center whose pieces this manager packs (the email lists only
    /// those). Without it, every piece of the order is listed.
    pub center_id: Option<i64>,
    /// For `Refunded`: the amount of this refund, in the order's minor units. Without it, the
    /// order's refunded total is shown.
    pub refund_minor: Option<i64>,
    /// A short reason shown to the customer (`PaymentFailed`) or to staff (`StaffDispute`,
    /// `StaffPaymentReview`; for `StaffDisputeClosed` the outcome, `won` or `lost`).
    pub reason: Option<String>,
    /// For dispute alerts: Stripe's dispute id (the email reads its amount and deadline).
    pub dispute_id: Option<String>,
    /// For `Shipped`: the parcel this email is about (one per center of the order).
    pub shipment_id: Option<i64>,
    /// For `StaffSignInAttack`: the staff account (its email) being attacked.
    pub account: Option<String>,
    /// For `ReturnUpdate`: the return request (the email lists its pieces) and the step it
    /// reports (`requested`, `approved`, `declined`, `received`, `closed`); the staff's message
    /// to the customer is in `reason`.
    pub return_id: Option<i64>,
    pub return_step: Option<String>,
}

/// Writes a message to the outbox. Call it inside the transaction of the change it reports.
pub fn enqueue(
    conn: &mut DbConn,
    kind: EmailKind,
    to: &str,
    order_id: Option<i64>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    enqueue_with(conn, kind, to, order_id, serde_json::json!({}), now)
}

/// Writes a message with its payload (see `Payload` for the fields the templates read) to the
/// outbox. Call it inside the transaction of the change it reports.
pub fn enqueue_with(
    conn: &mut DbConn,
    kind: EmailKind,
    to: &str,
    order_id: Option<i64>,
    payload: serde_json::Value,
    now: NaiveDateTime,
) -> QueryResult<()> {
    // An address under `.invalid` (RFC 2606) is one the customer had erased (`privacy`): a
    // later change to their order (a refund) writes to no one.
    if to.ends_with(".invalid") || to.ends_with("@invalid") {
        return Ok(());
    }
    diesel::insert_into(email_outbox::table)
        .values((
            email_outbox::kind.eq(kind.code()),
            email_outbox::to_address.eq(to),
            email_outbox::order_id.eq(order_id),
            email_outbox::status.eq("pending"),
            email_outbox::attempts.eq(0),
            email_outbox::next_attempt_at.eq(now),
            email_outbox::created_at.eq(now),
            email_outbox::payload.eq(payload.to_string()),
            email_outbox::message_key.eq(Some(new_message_key())),
        ))
        .execute(conn)
        .map(|_| ())
}

/// 128 random bits in hex: the part of a Message-ID that makes it unique.
fn new_message_key() -> String {
    let mut bytes = [0u8; 16];
    crate::crypto::fill_random(&mut bytes);
    crate::crypto::hex(&bytes)
}

/// The local part of a message's Message-ID (`<{local}@{shop's host}>`, `transport::Outgoing`):
/// the day it was enqueued and its stored random key. The same for every attempt, so a message
/// sent again (after a crash between the server's acceptance and `mark_sent`) is the same
/// message to the recipient's mail program, not a second one. A row from before the key was
/// stored uses its id and the microsecond it was enqueued.
pub fn message_id_local(row: &queries::OutboxRow) -> String {
    let day = row.created_at.format("%Y%m%d");
    match &row.message_key {
        Some(key) => format!("{day}.{key}"),
        None => format!("{day}.{}.{}", row.id, row.created_at.and_utc().timestamp_micros()),
    }
}

/// The staff an order email may go to: active accounts whose holder finished setup (chose a
/// password through the setup link). An email about an order names a customer; an address
/// that was only typed by an admin, or an account that was disabled, must not receive it.
fn reachable_staff() -> diesel::dsl::Filter<
    diesel::dsl::Filter<staff::table, diesel::dsl::IsNull<staff::disabled_at>>,
    diesel::dsl::IsNotNull<staff::password_hash>,
> {
    staff::table.filter(staff::disabled_at.is_null()).filter(staff::password_hash.is_not_null())
}

/// Enqueues a `StaffNewOrder` for every active manager of each center with a piece in the
/// order, each listing only their own center's pieces. Returns how many were enqueued.
pub fn notify_center_managers(conn: &mut DbConn, order_id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    let centers: Vec<i64> = order_items::table
        .filter(order_items::order_id.eq(order_id))
        .select(order_items::center_id)
        .distinct()
        .load(conn)?;
    let mut n = 0;
    for center_id in centers {
        let managers: Vec<String> = reachable_staff()
            .filter(staff::role.eq("manager"))
            .filter(staff::center_id.eq(center_id))
            .select(staff::email)
            .order(staff::id)
            .load(conn)?;
        for to in managers {
            let payload = serde_json::json!({ "center_id": center_id });
            enqueue_with(conn, EmailKind::StaffNewOrder, &to, Some(order_id), payload, now)?;
            n += 1;
        }
    }
    Ok(n)
}

/// Enqueues `kind` (a staff alert such as `StaffHoldLost`) for every active admin. Returns how
/// many were enqueued.
pub fn notify_admins(
    conn: &mut DbConn,
    kind: EmailKind,
    order_id: i64,
    payload: serde_json::Value,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    notify_roles(conn, &["admin"], kind, order_id, payload, now)
}

/// Enqueues `kind` (a money alert: a payment to review, a dispute) for every active finance
/// person and admin. Returns how many were enqueued.
pub fn notify_finance_and_admins(
    conn: &mut DbConn,
    kind: EmailKind,
    order_id: i64,
    payload: serde_json::Value,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    notify_roles(conn, &["admin", "finance"], kind, order_id, payload, now)
}

fn notify_roles(
    conn: &mut DbConn,
    roles: &[&str],
    kind: EmailKind,
    order_id: i64,
    payload: serde_json::Value,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let to: Vec<String> =
        reachable_staff().filter(staff::role.eq_any(roles)).select(staff::email).order(staff::id).load(conn)?;
    for address in &to {
        enqueue_with(conn, kind, address, Some(order_id), payload.clone(), now)?;
    }
    Ok(to.len())
}
