//! What a cart holds and whether each piece can still be bought. Prices always come from the
//! pieces table at the moment of reading, never from what the visitor's browser sent.

use chrono::NaiveDateTime;
use serde::Serialize;

use super::queries::{self, CartPieceRow, PieceRef};
use crate::catalog::types::PieceStatus;
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::money::{Currency, Money, Presentment};
use crate::pricing::presentment::{self, PageCurrency, Terms};

/// Whether a piece in a cart can be bought now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Availability {
    Available,
    /// Someone else is checking out with it; it may come back if they do not pay.
    Reserved,
    /// Sold, or taken off the shop.
    Gone,
}

impl Availability {
    /// A piece can be taken by a checkout when it is listed, or held under a hold that has
    /// expired (the same rule as the conditional update in `orders::queries::hold_piece`).
    pub fn of(status: PieceStatus, hold_expires_at: Option<NaiveDateTime>, now: NaiveDateTime) -> Self {
        match status {
            PieceStatus::Listed => Self::Available,
            PieceStatus::Held if hold_expires_at.is_some_and(|t| t < now) => Self::Available,
            PieceStatus::Held => Self::Reserved,
            _ => Self::Gone,
        }
    }

    pub fn message(self) -> Option<&'static str> {
        match self {
            Self::Available => None,
            Self::Reserved => Some(
                "Just sold: another customer is paying for this piece right now. Remove it to check out; if their payment does not go through, it comes back to the shop.",
            ),
            Self::Gone => Some("No longer available: this piece has been sold. Remove it to check out."),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CartLine {
    pub piece_id: i64,
    pub sku: String,
    pub slug: String,
    pub title: String,
    pub price_minor: i64,
    pub price: String,
    pub center_id: i64,
    pub availability: Availability,
    pub message: Option<&'static str>,
    /// Held for this visitor by their own checkout awaiting payment.
    pub reserved_for_you: bool,
    /// The price in the currency the visitor sees (`Cart::present`): what they will pay for it.
    pub shown_minor: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cart {
    pub lines: Vec<CartLine>,
    /// The sum of the pieces that can still be bought.
    pub subtotal_minor: i64,
    pub subtotal: String,
    /// True when every piece can be bought (and there is at least one).
    pub can_check_out: bool,
    /// The currency `price`, `subtotal` and `shown_minor` are in (the base until `present`).
    pub shown_currency: Currency,
    /// The sum of the shown prices of the pieces that can still be bought.
    pub shown_subtotal_minor: i64,
    /// The header's currency switcher (`pricing::presentment::PageCurrency::switcher`).
    pub presentment: Option<serde_json::Value>,
    /// The conversion the prices were shown with (`present`).
    #[serde(skip)]
    pub shown_in: Option<Presentment>,
}

impl Cart {
    pub fn empty(currency: Currency) -> Self {
        Self {
            lines: vec![],
            subtotal_minor: 0,
            subtotal: Money::new(0, currency).to_string(),
            can_check_out: false,
            shown_currency: currency,
            shown_subtotal_minor: 0,
            presentment: None,
            shown_in: None,
        }
    }

    /// Shows every price in the visitor's currency: each line converted on its own and the
    /// subtotal as their sum, exactly what checkout will charge.
    pub fn present(&mut self, page: &PageCurrency) -> Result<(), AppError> {
        let p = &page.current;
        let overflow = |_| AppError::bad_request("currency", "These prices cannot be shown in that currency.");
        for line in &mut self.lines {
            line.shown_minor = p.convert(line.price_minor).map_err(overflow)?;
            line.price = Money::new(line.shown_minor, p.currency).to_string();
        }
        self.shown_subtotal_minor =
            self.lines.iter().filter(|l| l.availability == Availability::Available).map(|l| l.shown_minor).sum();
        self.shown_currency = p.currency;
        self.subtotal = Money::new(self.shown_subtotal_minor, p.currency).to_string();
        self.presentment = Some(page.switcher());
        self.shown_in = Some(p.clone());
        Ok(())
    }

    /// `own_orders`: this cart's orders awaiting payment. A piece one of them holds is the
    /// visitor's own reservation, not someone else's: checking out again replaces that order.
    pub fn from_rows(rows: Vec<CartPieceRow>, own_orders: &[i64], currency: Currency, now: NaiveDateTime) -> Self {
        let lines: Vec<CartLine> = rows
            .into_iter()
            .map(|p| {
                let own = p.status == PieceStatus::Held && p.held_by_order_id.is_some_and(|o| own_orders.contains(&o));
                let mut availability =
                    if own { Availability::Available } else { Availability::of(p.status, p.hold_expires_at, now) };
                // A piece priced in another currency cannot be paid in this shop's.
                if p.currency != currency {
                    availability = Availability::Gone;
                }
                CartLine {
                    piece_id: p.id,
                    price: Money::new(p.price_minor, currency).to_string(),
                    price_minor: p.price_minor,
                    sku: p.sku,
                    slug: p.slug,
                    title: p.title,
                    center_id: p.center_id,
                    availability,
                    message: availability.message(),
                    reserved_for_you: own,
                    shown_minor: p.price_minor,
                }
            })
            .collect();
        let subtotal_minor =
            lines.iter().filter(|l| l.availability == Availability::Available).map(|l| l.price_minor).sum();
        let can_check_out = !lines.is_empty() && lines.iter().all(|l| l.availability == Availability::Available);
        Self {
            lines,
            subtotal_minor,
            subtotal: Money::new(subtotal_minor, currency).to_string(),
            can_check_out,
            shown_currency: currency,
            shown_subtotal_minor: subtotal_minor,
            presentment: None,
            shown_in: None,
        }
    }
}

/// The cart in the currency the visitor chose (`chosen`), or the base currency when that one
/// cannot be offered today; with the header's switcher.
pub fn load_presented(
    conn: &mut DbConn,
    key: Option<&str>,
    terms: Terms,
    chosen: Currency,
    now: NaiveDateTime,
) -> Result<Cart, AppError> {
    let mut cart = load(conn, key, terms.base, now)?;
    let page = presentment::for_page(conn, terms, chosen, crate::web::page_cache::day())?;
    cart.present(&page)?;
    Ok(cart)
}

/// The cart named by `key` (empty if there is none).
pub fn load(conn: &mut DbConn, key: Option<&str>, currency: Currency, now: NaiveDateTime) -> Result<Cart, AppError> {
    match key {
        None => Ok(Cart::empty(currency)),
        Some(key) => {
            let own = queries::pending_orders(conn, key)?;
            Ok(Cart::from_rows(queries::pieces_in(conn, key)?, &own, currency, now))
        }
    }
}

/// Adds a piece that can be bought now; returns its title. Unknown or non-public piece → 404;
/// one that cannot be added now (sold, reserved, another currency, a full cart) → 409
/// `not_addable` saying why.
pub fn add(
    conn: &mut DbConn,
    key: &str,
    piece: &PieceRef,
    currency: Currency,
    now: NaiveDateTime,
) -> Result<String, AppError> {
    db::write(conn, |conn| add_in(conn, key, piece, currency, now))
}

fn add_in(
    conn: &mut DbConn,
    key: &str,
    piece: &PieceRef,
    currency: Currency,
    now: NaiveDateTime,
) -> Result<String, AppError> {
    let refused = |message: String| AppError::conflict("not_addable", message);
    let p = queries::find_piece(conn, piece)?.ok_or(AppError::NotFound)?;
    if !p.status.is_public() {
        return Err(AppError::NotFound);
    }
    let own = p.status == PieceStatus::Held
        && p.held_by_order_id.is_some_and(|o| queries::pending_orders(conn, key).is_ok_and(|own| own.contains(&o)));
    if !own && Availability::of(p.status, p.hold_expires_at, now) != Availability::Available {
        return Err(refused(format!(
            "“{}” cannot be added: it has just been sold or reserved by another customer.",
            p.title
        )));
    }
    if p.currency != currency {
        return Err(refused(format!("“{}” is not on sale in {}.", p.title, currency.code())));
    }
    queries::ensure(conn, key, now)?;
    if queries::count(conn, key)? >= super::MAX_ITEMS && !queries::contains(conn, key, p.id)? {
        return Err(refused(format!("A cart holds at most {} pieces.", super::MAX_ITEMS)));
    }
    queries::add(conn, key, p.id, now)?;
    Ok(p.title)
}
