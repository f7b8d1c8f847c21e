//! What privacy requests read and mask. Masking is done by UPDATEs that overwrite the values
//! (never a reversible transformation); rows the ledger, refunds or disputes point at are
//! kept, so nothing that refers to an order breaks.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{NewPrivacyRequest, PrivacyRequestRow};
use crate::db::DbConn;
use crate::email::queries::OutboxRow;
use crate::orders::models::OrderRow;
use crate::orders::types::event;
use crate::schema::{
    carts, email_outbox, login_attempts, order_events, orders, payment_attempts, privacy_requests, return_requests,
    stripe_events,
};

#[diesel::declare_sql_function]
extern "SQL" {
    /// SQL `replace(text, from, to)`, the same on both backends.
    fn replace(
        x: diesel::sql_types::Text,
        from: diesel::sql_types::Text,
        to: diesel::sql_types::Text,
    ) -> diesel::sql_types::Text;
}

/// The email an erased order is given: `erased-<random>@invalid` (`.invalid` can never be a
/// real domain, RFC 2606). The prefix is how the retention job tells masked orders apart.
pub const ERASED_PREFIX: &str = "erased-";
pub const ERASED_DOMAIN: &str = "@invalid";
/// What an erased line of an address reads.
pub const ERASED_TEXT: &str = "[erased]";

/// Every order placed with this email address, oldest first.
pub fn orders_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Vec<OrderRow>> {
    orders::table.filter(orders::email.eq(email)).order(orders::id.asc()).select(OrderRow::as_select()).load(conn)
}

/// Messages the outbox holds for this address (the customer's own emails), oldest first.
pub fn emails_to(conn: &mut DbConn, address: &str) -> QueryResult<Vec<OutboxRow>> {
    email_outbox::table
        .filter(email_outbox::to_address.eq(address))
        .order(email_outbox::id.asc())
        .select(OutboxRow::as_select())
        .load(conn)
}

/// How much of an order an erasure leaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mask {
    /// Inside the tax-record period: the name, state, postal code and country stay for the
    /// invoice (with the amounts and items, which are never personal on their own).
    KeepInvoice,
    /// Past it: nothing that names or locates the person stays.
    Everything,
}

/// Masks one order's personal data. The status link dies (its hash is replaced by one of a
/// token nobody has; the sealed copy is dropped), and the keys that tied it to a cart and a
/// network go.
pub fn mask_order(
    conn: &mut DbConn,
    id: i64,
    mask: Mask,
    placeholder: &str,
    dead_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let target = orders::table.find(id);
    diesel::update(target)
        .set((
            orders::email.eq(placeholder),
            orders::phone.eq(None::<String>),
            orders::ship_line1.eq(ERASED_TEXT),
            orders::ship_line2.eq(None::<String>),
            orders::ship_city.eq(ERASED_TEXT),
            orders::status_token_hash.eq(dead_hash),
            orders::status_token_sealed.eq(None::<String>),
            orders::cart_key.eq(None::<String>),
            orders::client_key.eq(None::<String>),
            orders::updated_at.eq(now),
        ))
        .execute(conn)?;
    if mask == Mask::Everything {
        diesel::update(target)
            .set((
                orders::ship_name.eq(ERASED_TEXT),
                orders::ship_region.eq(None::<String>),
                orders::ship_postal_code.eq(""),
            ))
            .execute(conn)?;
    }
    Ok(1)
}

/// The return steps on an order's timeline that carry a text the customer typed or that was
/// written to them.
const RETURN_EVENTS: [&str; 6] = [
    event::RETURN_REQUESTED,
    event::RETURN_APPROVED,
    event::RETURN_DECLINED,
    event::RETURN_RECEIVED,
    event::RETURN_REFUNDED,
    event::RETURN_CLOSED,
];

/// The texts of an order's returns are overwritten: the customer's reason and our message to
/// them on each request, and the same texts in the return steps on the order's timeline. The
/// pieces, the status, the dates and the amounts stay (the refund and its credit note refer to
/// them); so does the condition the workshop found, which is about the piece. The audit log
/// never holds these texts (`returns::service`), and the emails that did are masked with the
/// customer's other emails.
pub fn mask_return_texts(conn: &mut DbConn, order_id: i64) -> QueryResult<usize> {
    let of_order = || return_requests::table.filter(return_requests::order_id.eq(order_id));
    let requests = diesel::update(of_order()).set(return_requests::reason.eq(ERASED_TEXT)).execute(conn)?;
    diesel::update(of_order().filter(return_requests::message.is_not_null()))
        .set(return_requests::message.eq(ERASED_TEXT))
        .execute(conn)?;
    let events: Vec<(i64, String)> = order_events::table
        .filter(order_events::order_id.eq(order_id))
        .filter(order_events::kind.eq_any(RETURN_EVENTS))
        .select((order_events::id, order_events::details))
        .load(conn)?;
    for (id, details) in events {
        let masked = match serde_json::from_str::<serde_json::Value>(&details) {
            Ok(mut d) => {
                for key in ["reason", "message"] {
                    if d[key].as_str().is_some_and(|t| !t.is_empty()) {
                        d[key] = ERASED_TEXT.into();
                    }
                }
                d.to_string()
            }
            // Not ours to read: nothing of it is kept.
            Err(_) => "{}".to_string(),
        };
        if masked != details {
            diesel::update(order_events::table.find(id)).set(order_events::details.eq(masked)).execute(conn)?;
        }
    }
    Ok(requests)
}

/// The stored payment requests (sent to the provider again on a retry) name the customer's
/// email: it becomes the placeholder.
pub fn mask_payment_requests(conn: &mut DbConn, order_id: i64, email: &str, placeholder: &str) -> QueryResult<usize> {
    diesel::update(payment_attempts::table.filter(payment_attempts::order_id.eq(order_id)))
        .set(payment_attempts::request.eq(replace(payment_attempts::request, email, placeholder)))
        .execute(conn)
}

/// Unsent messages to this address are deleted (they would carry the data being erased).
pub fn delete_unsent_to(conn: &mut DbConn, address: &str) -> QueryResult<usize> {
    diesel::delete(
        email_outbox::table.filter(email_outbox::to_address.eq(address)).filter(email_outbox::status.ne("sent")),
    )
    .execute(conn)
}

/// Sent messages to this address keep their kind and time (a record that the shop wrote);
/// the recipient becomes `placeholder` and the payload (which holds the status link) goes.
pub fn mask_sent_to(conn: &mut DbConn, address: &str, placeholder: &str) -> QueryResult<usize> {
    diesel::update(email_outbox::table.filter(email_outbox::to_address.eq(address)))
        .set((
            email_outbox::to_address.eq(placeholder),
            email_outbox::payload.eq("{}"),
            email_outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)
}

/// Payment-provider events already applied that mention the address (Stripe's copy of the
/// checkout names the customer, their email and address): their payload is no longer needed
/// (they are kept by id so that each applies once) and is replaced.
pub fn redact_provider_events(conn: &mut DbConn, address: &str) -> QueryResult<usize> {
    diesel::update(
        stripe_events::table
            .filter(stripe_events::processed_at.is_not_null())
            .filter(stripe_events::payload.like(format!("%{address}%"))),
    )
    .set(stripe_events::payload.eq(r#"{"erased":true}"#))
    .execute(conn)
}

pub fn delete_carts(conn: &mut DbConn, keys: &[String]) -> QueryResult<usize> {
    if keys.is_empty() {
        return Ok(0);
    }
    diesel::delete(carts::table.filter(carts::id_hash.eq_any(keys))).execute(conn)
}

/// Sign-in attempts typed with this address (someone trying it on the staff sign-in page).
pub fn delete_login_attempts(conn: &mut DbConn, address: &str) -> QueryResult<usize> {
    diesel::delete(login_attempts::table.filter(login_attempts::email.eq(address))).execute(conn)
}

/// Orders placed before `before` not masked yet, oldest first.
pub fn unmasked_before(conn: &mut DbConn, before: NaiveDateTime, limit: i64) -> QueryResult<Vec<OrderRow>> {
    orders::table
        .filter(orders::created_at.lt(before))
        .filter(orders::email.not_like(format!("{ERASED_PREFIX}%{ERASED_DOMAIN}")))
        .order(orders::id.asc())
        .limit(limit)
        .select(OrderRow::as_select())
        .load(conn)
}

pub fn insert_request(conn: &mut DbConn, new: &NewPrivacyRequest) -> QueryResult<i64> {
    diesel::insert_into(privacy_requests::table).values(new).returning(privacy_requests::id).get_result(conn)
}

/// The most recent requests first.
pub fn recent(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<(PrivacyRequestRow, Option<String>)>> {
    privacy_requests::table
        .left_join(orders::table)
        .order(privacy_requests::id.desc())
        .limit(limit)
        .select((PrivacyRequestRow::as_select(), orders::reference.nullable()))
        .load(conn)
}

/// One order's messages to the customer: unsent ones deleted, sent ones masked (the retention
/// job: the same customer's newer orders keep theirs).
pub fn mask_order_emails(conn: &mut DbConn, order_id: i64, address: &str, placeholder: &str) -> QueryResult<usize> {
    let of_order =
        || email_outbox::table.filter(email_outbox::order_id.eq(order_id)).filter(email_outbox::to_address.eq(address));
    let deleted = diesel::delete(of_order().filter(email_outbox::status.ne("sent"))).execute(conn)?;
    let masked = diesel::update(of_order())
        .set((
            email_outbox::to_address.eq(placeholder),
            email_outbox::payload.eq("{}"),
            email_outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(deleted + masked)
}
