//! The texts every shop starts with, created by `reference::ensure` as version 1 of each
//! policy that has none. They are meant to be read and adapted by the shop (and by its lawyer)
//! in the back office; the grievance officer's says so plainly until it is. The shipping
//! text names no price: the shipping page shows the costs and delivery times from the shop's
//! own shipping options (`shipping_costs`), the ones checkout charges.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::queries::NewPolicyVersion;
use super::types::PolicyKind;
use crate::db::DbConn;
use crate::schema::policy_versions;

/// Who the default texts are recorded as written by.
pub const AUTHOR: &str = "fairgold (default text)";

pub const SHIPPING: &str = "\
Every piece is one of a kind, hallmarked and packed by the workshop that made it, in Kolkata or Mumbai. \
We ship to India and to the countries listed at checkout, always insured and always with tracking.

## Costs and delivery times

The table on this page lists each destination, the ways we ship there, how long a parcel usually takes \
and what it costs. These are the options and prices checkout offers, and the shipping cost is shown \
again, with the total, before you pay. Delivery times count working days from the day the parcel \
leaves the workshop; pieces are usually packed within two working days of payment. An order with \
pieces from both workshops travels as two parcels, for the one shipping cost you paid.

## Tracking

When a parcel leaves, we email you the carrier and the tracking number; your order page shows them too.

## Duties and import taxes for buyers outside India

Parcels to addresses outside India are shipped *delivered duty unpaid*: the prices on this site do not \
include the customs duties, import VAT or GST, and the carrier's clearance fees of the destination country. \
The carrier or your customs office collects them from you before delivery. They depend on your country's \
rules for gold jewelry and on the declared value, which is the price you paid. We declare every parcel \
truthfully and cannot mark it as a gift.

## A parcel that is lost or damaged

Every parcel is insured for its full value until it is delivered. If it does not arrive, or arrives \
damaged, write to us within 7 days of the expected delivery, with photos if it is damaged: we claim \
from the carrier and send you a full refund (or the piece again, where it can be remade).
";

pub const RETURNS: &str = "\
## Returning a piece

You may return a piece within **14 days** of receiving it, for any reason, unworn, in the condition \
you received it, with its hallmark intact. Ask for the return from your order's page (the link in \
your order emails: \"Return pieces\"), choosing the pieces and saying why; the workshop that made them \
replies by email with how to send them back insured. Please send nothing before the return is approved.

## Refunds

Once the piece is back with the workshop and checked, we refund its full price to the card you paid \
with, within 7 days. When you return every piece of the order, we also refund the original shipping \
cost, with the refund of the last pieces to come back; when you keep any piece of the order, the \
original shipping cost is not refunded. The cost of sending the piece back is yours, unless the piece \
was not as described or arrived damaged, in which case we refund it too. Customs \
duties and import taxes paid on delivery outside India are reclaimed from your customs office, not \
from us; we give you the papers you need.

## Orders not yet shipped

You can cancel an order that has not left the workshop by writing to us: the refund is immediate and in full.

## Pieces made or altered for you

A piece resized or engraved at your request can be returned only if it is faulty.

These terms do not limit your rights under the law of your country (in India, the Consumer Protection Act, 2019).
";

pub const PRIVACY: &str = "\
## Who is responsible

The seller named at the foot of this page is responsible for your personal data. Write to the \
address there for any question or request about it.

## What we keep and why

- **Your order:** your name, email, phone number and delivery address, the pieces and the amounts. \
We need them to deliver your order and to keep the accounts the law requires (tax records are kept \
for 8 years). Your phone number is given to the courier, who needs it for an insured parcel and for customs.
- **Payment:** cards are handled by our payment provider, Stripe; we never see or keep your card number.
- **Your cart:** a cookie with a random number, so the site remembers your cart. It is removed after \
30 days without use. We use no advertising or tracking cookies and no analytics that follow you.
- **Security:** for a short time, a keyed hash of your network address, to limit abuse of checkout.

## Who else sees it

Only those who must: the courier (delivery), Stripe (payment), our email provider (order emails) \
and, when the law requires, tax authorities. We sell nothing and share nothing for advertising.

## Your rights

You may ask to see, correct or delete your data, or object to its use (in the European Union, under \
the GDPR; in India, under the Digital Personal Data Protection Act, 2023). We answer within one month. \
Order records the law makes us keep are kept for as long as it does, then deleted. You may also \
complain to your data protection authority.

## The artisans

The artisans who make our pieces are survivors of trafficking. No page, email or file of this shop \
shows an artisan's legal name, face, workshop address or working hours.
";

pub const TERMS: &str = "\
These terms apply to every order placed on this site. The seller is named at the foot of this page.

## The pieces

Every piece is one of a kind, handmade and hallmarked (BIS HUID, or the exemption shown on its page). \
Its page gives its metal, purity, weights and price; photos show the piece itself.

## Prices and payment

Prices are in the currency shown and include Indian GST. Shipping is added at checkout, shown before \
you pay. Payment is taken by card through Stripe when you place the order. A piece is reserved for you \
while you pay; if the payment does not arrive in time the reservation ends.

## The contract

The contract is made when your payment is confirmed and we email you the order confirmation. If a \
piece was sold to someone else a moment before your payment arrived, we refund you in full at once.

## Delivery, returns and refunds

Delivery follows the shipping policy, returns and refunds the returns and refunds policy, both linked \
at the foot of this page and at checkout.

## Complaints

Write to the grievance officer named on the grievance page. We acknowledge a complaint within 48 hours \
and resolve it within one month.

## Law

These terms are governed by the laws of India; they do not take away the protection the law of your \
own country gives you as a consumer.
";

pub const GRIEVANCE: &str = "\
**This page is still to be configured by the shop.** An administrator sets the grievance officer's \
name, designation and contact details in the back office (Policies → Grievance officer), as the \
Consumer Protection (E-Commerce) Rules, 2020 require.

Until then, send any complaint to the grievance address at the foot of this page. We acknowledge \
every complaint within 48 hours and resolve it within one month of receiving it.
";

/// The default text of a policy.
pub fn text(kind: PolicyKind) -> &'static str {
    match kind {
        PolicyKind::Shipping => SHIPPING,
        PolicyKind::Returns => RETURNS,
        PolicyKind::Privacy => PRIVACY,
        PolicyKind::Terms => TERMS,
        PolicyKind::Grievance => GRIEVANCE,
    }
}

/// Creates version 1 of every policy that has none (in effect from `now`'s day). Runs under
/// the migration lock; the insert also ignores a conflict, so two callers cannot fail.
pub fn ensure(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<()> {
    for kind in PolicyKind::ALL {
        let row = NewPolicyVersion {
            kind,
            version: 1,
            body: text(kind),
            effective_on: now.date(),
            created_by: AUTHOR,
            created_at: now,
        };
        let target = (policy_versions::kind, policy_versions::version);
        match conn {
            DbConn::Postgres(pg) => {
                diesel::insert_into(policy_versions::table).values(&row).on_conflict(target).do_nothing().execute(pg)?
            }
            DbConn::Sqlite(lite) => diesel::insert_into(policy_versions::table)
                .values(&row)
                .on_conflict(target)
                .do_nothing()
                .execute(lite)?,
        };
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_renders_and_the_grievance_one_asks_to_be_configured() {
        for kind in PolicyKind::ALL {
            let html = super::super::markdown::render(text(kind));
            assert!(html.len() > 200, "{kind:?}");
        }
        assert!(GRIEVANCE.contains("to be configured"));
        assert!(SHIPPING.contains("Duties and import taxes"));
    }
}
