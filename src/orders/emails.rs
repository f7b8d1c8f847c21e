//! The orders' emails: how each outbox message about an order is rendered (`Renderer`, the
//! `email::Compose` the worker is given at start-up). The subject from `EmailKind::subject`, a plain-text and an
//! HTML part from `templates/email/{kind}.txt` and `.html` (embedded, read from disk in debug
//! builds). The context is built here from the order as it is now, plus the message's payload.
//!
//! Survivor safety: the context holds what a customer or a packer needs (reference, piece
//! titles and SKUs, amounts, the shipping address, links) and nothing about who made a piece —
//! no artisan is named, not even by alias, and no workshop address exists to leak: centers
//! appear by city only, in staff emails.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use rust_embed::RustEmbed;
use serde::Serialize;
use tera::{Context, Tera};

use crate::config::{Settings, ShippingZone};
use crate::crypto::{Cipher, Field};
use crate::db::DbConn;
use crate::email::queries::OutboxRow;
use crate::email::{Attachment, Compose, EmailKind, Payload, Rendered};
use crate::i18n::Lang;
use crate::invoices;
use crate::money::{Currency, Money};
use crate::orders::types::OrderStatus;
use crate::schema::{centers, disputes, order_items, orders, pieces, return_items, shipments};
use crate::shipping::{carriers, countries};

#[derive(RustEmbed)]
#[folder = "templates/email/"]
struct EmailTemplates;

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the message names no order")]
    NoOrder,
    #[error("order {0} does not exist")]
    OrderMissing(i64),
    #[error("database: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("template {0}: {1}")]
    Template(String, String),
}

/// The order's columns an email may show.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = orders)]
struct OrderForEmail {
    id: i64,
    reference: String,
    status: OrderStatus,
    disputed: bool,
    ship_name: String,
    ship_line1: String,
    ship_line2: Option<String>,
    ship_city: String,
    ship_region: Option<String>,
    ship_postal_code: String,
    ship_country: String,
    shipping_option: String,
    subtotal_minor: i64,
    shipping_minor: i64,
    total_minor: i64,
    refunded_minor: i64,
    currency: Currency,
    created_at: NaiveDateTime,
    status_token_sealed: Option<String>,
    lang: Lang,
}

#[derive(Serialize)]
struct ItemView {
    title: String,
    sku: String,
    price: String,
    center: String,
    /// The piece's public page (absolute): where a customer whose payment failed can find it.
    url: String,
}

#[derive(Serialize)]
struct AddressView {
    name: String,
    line1: String,
    line2: Option<String>,
    city: String,
    region: Option<String>,
    postal_code: String,
    /// The country's name ("Germany"); the code itself for one no longer on the list.
    country: String,
}

#[derive(Serialize)]
struct OrderView {
    id: i64,
    reference: String,
    status: String,
    disputed: bool,
    placed_on: String,
    items: Vec<ItemView>,
    subtotal: String,
    shipping: String,
    total: String,
    refunded_total: String,
    fully_refunded: bool,
    /// What the buyer paid in their own currency, when it is not the shop's (`orders::charge`).
    charged: Option<String>,
    /// The option's name as checkout offered it ("Insured courier within India, 3–5 working
    /// days"); its code for an option no longer in the settings.
    shipping_option: String,
    address: AddressView,
}

/// The parcel a `Shipped` email is about.
#[derive(Serialize)]
struct ShipmentView {
    center: String,
    carrier: Option<String>,
    tracking_number: Option<String>,
    tracking_url: Option<String>,
}

/// The dispute a dispute alert is about.
#[derive(Serialize)]
struct DisputeView {
    id: String,
    amount: String,
    reason: String,
    status: String,
    evidence_due_by: Option<String>,
}

#[derive(Serialize)]
struct ShopView {
    name: String,
    legal_name: String,
    registered_address: String,
    grievance_email: String,
    base_url: String,
}

pub struct Renderer {
    tera: Tera,
    shop: ShopView,
    /// For the shipping options' names (orders store the option's code).
    shipping_zones: Vec<ShippingZone>,
    /// Opens the sealed copy of an order's status token, for the customer's status link.
    cipher: Cipher,
}

impl Renderer {
    pub fn load(settings: &Settings, cipher: Cipher) -> Result<Self, tera::Error> {
        let mut tera = Tera::default();
        tera.register_function("fluent", crate::i18n::tera::fluent);
        let mut files = Vec::new();
        for name in EmailTemplates::iter() {
            if let Some(file) = EmailTemplates::get(&name) {
                // Named as the main template set names them, so `{% extends "email/base.html" %}`
                // means the same file in both.
                files.push((format!("email/{name}"), String::from_utf8_lossy(&file.data).into_owned()));
            }
        }
        tera.add_raw_templates(files)?;
        for kind in EmailKind::ALL {
            for ext in ["txt", "html"] {
                let name = format!("email/{}.{ext}", kind.code());
                if !tera.get_template_names().any(|n| n == name) {
                    return Err(tera::Error::msg(format!("the email template {name} is missing")));
                }
            }
        }
        let shop = ShopView {
            name: settings.shop.name.clone(),
            legal_name: settings.shop.legal_name.clone(),
            registered_address: settings.shop.registered_address.clone(),
            grievance_email: settings.shop.grievance_email.clone(),
            base_url: settings.base_url.clone(),
        };
        Ok(Self { tera, shop, shipping_zones: settings.shipping_zones.clone(), cipher })
    }

    /// Renders one outbox message with its order's current data.
    pub fn render(&self, conn: &mut DbConn, row: &OutboxRow) -> Result<Rendered, RenderError> {
        let kind = row.kind;
        // A payload that cannot be read is treated as empty: the message still goes out, without
        // the optional parts (a link, an amount) rather than not at all.
        let payload: Payload = serde_json::from_str(&row.payload).unwrap_or_default();
        if !kind.about_an_order() {
            return self.render_without_order(kind, &payload);
        }
        let order_id = row.order_id.ok_or(RenderError::NoOrder)?;
        let order: OrderForEmail = orders::table
            .find(order_id)
            .select(OrderForEmail::as_select())
            .first(conn)
            .optional()?
            .ok_or(RenderError::OrderMissing(order_id))?;
        let currency = order.currency;
        let money = |minor: i64| Money::new(minor, currency).to_string();

        // The parcel of a `Shipped` email: its carrier and tracking, and only its center's pieces.
        let shipment: Option<(i64, Option<String>, Option<String>)> = match (kind, payload.shipment_id) {
            (EmailKind::Shipped, Some(id)) => shipments::table
                .find(id)
                .filter(shipments::order_id.eq(order.id))
                .select((shipments::center_id, shipments::carrier, shipments::tracking_number))
                .first(conn)
                .optional()?,
            _ => None,
        };
        // Staff alerts about new orders list only the pieces of the recipient's center.
        let center_filter = match kind {
            EmailKind::StaffNewOrder => payload.center_id,
            EmailKind::Shipped => shipment.as_ref().map(|s| s.0),
            _ => None,
        };
        let mut q = order_items::table
            .inner_join(centers::table.on(centers::id.eq(order_items::center_id)))
            .filter(order_items::order_id.eq(order.id))
            .inner_join(pieces::table.on(pieces::id.eq(order_items::piece_id)))
            .select((order_items::title, order_items::sku, order_items::price_minor, centers::city, pieces::slug))
            .order(order_items::id)
            .into_boxed();
        if let Some(center_id) = center_filter {
            q = q.filter(order_items::center_id.eq(center_id));
        }
        let items: Vec<(String, String, i64, String, String)> = q.load(conn)?;
        let center_city = match center_filter {
            Some(id) => centers::table.find(id).select(centers::city).first::<String>(conn).optional()?,
            None => None,
        };

        let view = OrderView {
            id: order.id,
            reference: order.reference.clone(),
            status: order.status.code().replace('_', " "),
            disputed: order.disputed,
            placed_on: order.created_at.format("%-d %B %Y").to_string(),
            items: items
                .into_iter()
                .map(|(title, sku, price, center, slug)| ItemView {
                    title,
                    sku,
                    price: money(price),
                    center,
                    url: format!("{}/pieces/{slug}", self.shop.base_url),
                })
                .collect(),
            subtotal: money(order.subtotal_minor),
            shipping: money(order.shipping_minor),
            total: money(order.total_minor),
            refunded_total: money(order.refunded_minor),
            fully_refunded: order.refunded_minor >= order.total_minor,
            charged: super::charge::of(conn, order.id)?.map(|c| Money::new(c.amount_minor, c.currency).to_string()),
            shipping_option: self.shipping_option_name(&order.shipping_option),
            address: AddressView {
                name: order.ship_name,
                line1: order.ship_line1,
                line2: order.ship_line2.filter(|s| !s.trim().is_empty()),
                city: order.ship_city,
                region: order.ship_region.filter(|s| !s.trim().is_empty()),
                postal_code: order.ship_postal_code,
                country: countries::name_of(&order.ship_country).map(str::to_string).unwrap_or(order.ship_country),
            },
        };
        let shipment = shipment.map(|(_, carrier, tracking_number)| ShipmentView {
            center: center_city.clone().unwrap_or_default(),
            tracking_url: carriers::url(carrier.as_deref(), tracking_number.as_deref()),
            carrier,
            tracking_number,
        });
        let dispute = match &payload.dispute_id {
            Some(id) => disputes::table
                .find(id)
                .filter(disputes::order_id.eq(order.id))
                .select((disputes::amount_minor, disputes::reason, disputes::status, disputes::evidence_due_by))
                .first::<(i64, String, String, Option<NaiveDateTime>)>(conn)
                .optional()?
                .map(|(amount, reason, status, due)| DisputeView {
                    id: id.clone(),
                    amount: money(amount),
                    reason: reason.replace('_', " "),
                    status: status.replace('_', " "),
                    evidence_due_by: due.map(|d| d.format("%-d %B %Y, %H:%M UTC").to_string()),
                }),
            None => None,
        };

        // The customer's status link: from the payload if the change that enqueued the message
        // wrote it, else from the order's sealed token. Staff emails never carry it (the link
        // opens the customer's order without signing in).
        let status_url = if kind.is_staff() {
            None
        } else {
            payload.status_url.clone().or_else(|| {
                let token = self
                    .cipher
                    .open(Field::ORDER_STATUS_TOKEN, order.id, order.status_token_sealed.as_deref()?)
                    .ok()?;
                Some(format!("{}/orders/{token}", self.shop.base_url))
            })
        };

        // A return's pieces, by title (only the return's own order's).
        let return_pieces: Vec<String> = match (kind, payload.return_id) {
            (EmailKind::ReturnUpdate, Some(id)) => return_items::table
                .filter(return_items::return_id.eq(id))
                .filter(return_items::order_id.eq(order.id))
                .order(return_items::id)
                .select(return_items::title)
                .load(conn)?,
            _ => Vec::new(),
        };

        // Staff alerts are in English, with the back office; the customer's in the order's language.
        let lang = if kind.is_staff() { Lang::En } else { order.lang };
        let mut ctx = Context::new();
        ctx.insert("lang", lang.code());
        ctx.insert("shop", &self.shop);
        ctx.insert("order", &view);
        ctx.insert("status_url", &status_url);
        ctx.insert("refund_amount", &payload.refund_minor.map(money));
        ctx.insert("reason", &payload.reason);
        ctx.insert("center_city", &center_city);
        ctx.insert("shipment", &shipment);
        ctx.insert("dispute", &dispute);
        ctx.insert("return_step", &payload.return_step);
        ctx.insert("return_pieces", &return_pieces);
        ctx.insert("admin_url", &format!("{}/admin/orders/{}", self.shop.base_url, order.id));
        let render = |ext: &str| {
            let name = format!("email/{}.{ext}", kind.code());
            self.tera.render(&name, &ctx).map_err(|e| {
                let mut msg = e.to_string();
                let mut src = std::error::Error::source(&e);
                while let Some(s) = src {
                    msg.push_str(&format!(": {s}"));
                    src = s.source();
                }
                RenderError::Template(name.clone(), msg)
            })
        };
        // The order confirmation carries the tax invoice, rendered from the stored document.
        let attachments = match kind {
            EmailKind::OrderConfirmation => self.invoice_attachment(conn, order.id)?.into_iter().collect(),
            _ => Vec::new(),
        };
        Ok(Rendered {
            subject: kind.subject_in(lang, &order.reference, &self.shop.name),
            text: render("txt")?,
            html: render("html")?,
            attachments,
        })
    }
}

impl Renderer {
    /// A message about no order (a staff account being attacked): the shop and the payload.
    fn render_without_order(&self, kind: EmailKind, payload: &Payload) -> Result<Rendered, RenderError> {
        let mut ctx = Context::new();
        ctx.insert("lang", Lang::En.code());
        ctx.insert("shop", &self.shop);
        ctx.insert("account", &payload.account);
        ctx.insert("reason", &payload.reason);
        ctx.insert("audit_url", &format!("{}/admin/audit", self.shop.base_url));
        let render = |ext: &str| {
            let name = format!("email/{}.{ext}", kind.code());
            self.tera.render(&name, &ctx).map_err(|e| RenderError::Template(name.clone(), e.to_string()))
        };
        Ok(Rendered {
            subject: kind.subject("", &self.shop.name),
            text: render("txt")?,
            html: render("html")?,
            attachments: Vec::new(),
        })
    }

    /// The order's tax invoice as one self-contained HTML file (the print stylesheet inline),
    /// if it has one.
    fn invoice_attachment(&self, conn: &mut DbConn, order_id: i64) -> Result<Option<Attachment>, RenderError> {
        let Some(row) = invoices::queries::invoice_of_order(conn, order_id)? else {
            return Ok(None);
        };
        let view = invoices::view::view(&row).map_err(|e| RenderError::Template("invoice".into(), e.to_string()))?;
        let mut ctx = Context::new();
        ctx.insert("d", &view);
        ctx.insert("css", INVOICE_CSS);
        let name = "email/invoice_attachment.html";
        let html = self.tera.render(name, &ctx).map_err(|e| RenderError::Template(name.into(), format!("{e:?}")))?;
        Ok(Some(Attachment {
            filename: format!("tax-invoice-{}.html", row.number.replace('/', "-")),
            content_type: "text/html; charset=utf-8".into(),
            body: html.into_bytes(),
        }))
    }
}

impl Renderer {
    fn shipping_option_name(&self, code: &str) -> String {
        self.shipping_zones
            .iter()
            .flat_map(|z| z.options.iter())
            .find(|o| o.code == code)
            .map(|o| o.label.clone())
            .unwrap_or_else(|| code.to_string())
    }
}

/// The printable page's stylesheet, inlined into the attached invoice.
const INVOICE_CSS: &str = include_str!("../../static/css/invoice.css");

impl Compose for Renderer {
    fn render(&self, conn: &mut DbConn, row: &OutboxRow) -> Result<Rendered, crate::email::ComposeError> {
        Renderer::render(self, conn, row).map_err(Into::into)
    }
}
