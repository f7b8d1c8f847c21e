//! The real payment path in the release configuration: `env = production` with every
//! production setting (Stripe keys, SMTP, no demo data, secure cookies, HSTS), Stripe's API and
//! hosted page faked on loopback (`fake_stripe`), the hosted page on another origin than the
//! shop, as `checkout.stripe.com` is. A customer buys one Kolkata and one Mumbai piece in
//! Chromium, pays on the hosted page, and comes back to the order's page showing it paid.
//!
//! This is the test that sees the browser's Content-Security-Policy at work: Chromium applies
//! `form-action` to the redirect after the checkout form's POST, so a policy that does not list
//! the payment page's origin keeps the customer on /checkout.

use std::collections::BTreeSet;

use diesel::prelude::*;
use fairgold::catalog::types::Slug;
use fairgold::config::Environment;
use fairgold::schema::{email_outbox, orders, pieces};
use fantoccini::Locator;

use crate::fake_stripe::{amount, Delivery, FakeStripe};
use crate::helpers::{PieceFixture, TestApp};
use crate::smtp::SmtpServer;
use crate::{add_to_cart, browser, fill_checkout, free_port, wait_for_url, Customer};

const STRIPE_SECRET_KEY: &str = "sk_test_fairgold_browser";
const STRIPE_WEBHOOK_SECRET: &str = "whsec_test_fairgold_browser";

#[tokio::test]
async fn a_customer_pays_on_the_hosted_payment_page_of_another_origin_in_production() {
    // The shop's address is chosen before it starts: its base URL goes into the return URLs it
    // sends to Stripe, and the fake Stripe delivers webhooks to it.
    let shop_port = free_port();
    let shop = format!("http://127.0.0.1:{shop_port}");
    let listen = format!("127.0.0.1:{shop_port}");
    let stripe = FakeStripe::start(&format!("{shop}/webhooks/stripe"), STRIPE_WEBHOOK_SECRET);
    let smtp = SmtpServer::start().await;
    let (api_base, hosted_origin, smtp_url) = (stripe.api_base(), stripe.hosted_origin(), smtp.url());

    // The release configuration, with exactly these changes for a machine without the internet
    // or certificates (everything else is as production runs):
    // 1. `base_url`: production refuses a non-https base URL, and rightly. The settings are
    //    built with an https one (so every production check runs and passes), then the field
    //    is replaced by the loopback `http://127.0.0.1:PORT` the shop really listens on, because
    //    nothing here can serve https: it is the origin of the return URLs (`success_url`)
    //    sent to Stripe and of the checks on the customer's form posts.
    // 2. `stripe_checkout_origin`: Stripe's hosted page (https://checkout.stripe.com) cannot be
    //    reached from here, so the fake's `http://localhost:PORT` takes its place, a different
    //    origin from the shop's, as Stripe's is. The shop's Content-Security-Policy
    //    (`form-action`) and its check of the session URL both follow this setting.
    // 3. `stripe_api_base`: the Stripe API is the fake on loopback (production leaves it
    //    unset, for api.stripe.com).
    // The mail goes over plain SMTP to a server on 127.0.0.1: production allows that as it is
    // (a relay on the same machine), so it is no change.
    crate::use_ring();
    let app = TestApp::spawn_settings(
        &[
            ("env", "production"),
            ("listen", &listen),
            ("base_url", "https://shop.fairgold.example"),
            ("stripe_secret_key", STRIPE_SECRET_KEY),
            ("stripe_webhook_secret", STRIPE_WEBHOOK_SECRET),
            ("invoice.seller_name", "Fairgold Artisan Cooperative"),
            ("invoice.gstin", "19AAACF1234K1ZR"),
            ("invoice.registered_office", "4 Park Street, Kolkata 700016, West Bengal"),
            ("invoice.lut_number", "AD190326001234X"),
            ("stripe_api_base", &api_base),
            ("stripe_checkout_origin", &hosted_origin),
            ("mail.transport", "smtp"),
            ("mail.smtp_url", &smtp_url),
        ],
        |settings| {
            assert_eq!(settings.env, Environment::Production);
            assert!(!settings.seed_demo && settings.stripe.is_some());
            assert_eq!(settings.base_url, "https://shop.fairgold.example", "the production checks ran on https");
            settings.base_url = shop.clone();
        },
    )
    .await;
    assert_eq!(app.address, shop);

    let kolkata_title = "Lotus filigree ring";
    let mumbai_title = "Peacock jhumka earrings";
    let kolkata = app.piece(PieceFixture { price_minor: 48_000, ..PieceFixture::new(kolkata_title) });
    let mumbai = app.piece(PieceFixture { mumbai: true, price_minor: 125_050, ..PieceFixture::new(mumbai_title) });

    // Production pages carry HSTS.
    for path in ["/", &format!("/pieces/{}", Slug::from_title(kolkata_title).as_str())] {
        let res = app.get(path).await;
        assert_eq!(res.status().as_u16(), 200, "GET {path}");
        let hsts = res.headers().get("strict-transport-security").map(|v| v.to_str().unwrap().to_string());
        assert!(hsts.as_deref().is_some_and(|h| h.contains("max-age=")), "HSTS on {path}: {hsts:?}");
    }

    let (_driver, c) = browser().await;
    for title in [kolkata_title, mumbai_title] {
        add_to_cart(&c, &shop, Slug::from_title(title).as_str()).await;
    }
    let lines = c.find_all(Locator::Css(".cart-line")).await.unwrap();
    assert_eq!(lines.len(), 2, "both pieces are in the cart");
    c.find(Locator::LinkText("Check out")).await.unwrap().click().await.unwrap();
    let customer = Customer::in_bengaluru();
    fill_checkout(&c, &customer).await;

    // The checkout form's 303 takes the browser to the hosted payment page, on its own origin.
    let hosted =
        wait_for_url(&c, &format!("the hosted payment page on {hosted_origin}"), |u| u.host_str() == Some("localhost"))
            .await;
    assert_eq!(hosted.host_str(), Some("localhost"));
    assert_eq!(hosted.port(), Some(stripe.port));
    let sessions = stripe.sessions();
    assert_eq!(sessions.len(), 1, "one Checkout Session: {:?}", stripe.requests());
    let session = &sessions[0];
    assert_eq!(hosted.as_str(), session["url"].as_str().unwrap());
    let reference = session["metadata"]["order_reference"].as_str().unwrap().to_string();
    assert_eq!(session["success_url"].as_str(), Some(format!("{shop}/checkout/complete/{reference}").as_str()));
    let (order_id, total) = app.with_conn(|conn| {
        orders::table
            .filter(orders::reference.eq(&reference))
            .select((orders::id, orders::total_minor))
            .first::<(i64, i64)>(conn)
            .unwrap()
    });
    assert_eq!(session["amount_total"].as_i64(), Some(total), "the session charges the order's total");
    let shown = amount(total, "usd");
    let amount_on_page = c.find(Locator::Css("p.amount")).await.unwrap().text().await.unwrap();
    assert_eq!(amount_on_page, shown, "the hosted page shows the amount");

    c.find(Locator::XPath("//button[contains(., 'Pay')]")).await.unwrap().click().await.unwrap();

    // Back at the shop: `success_url` → (the order cookie) → the order's own page.
    let order_page = wait_for_url(&c, "the order's status page at the shop", |u| {
        u.host_str() == Some("127.0.0.1") && u.port() == Some(shop_port) && u.path().starts_with("/orders/")
    })
    .await;
    let heading = c.find(Locator::Css("h1")).await.unwrap().text().await.unwrap();
    assert_eq!(heading, "Paid", "the order's status heading");
    let page = c.source().await.unwrap();
    assert!(page.contains(&reference), "the order's reference on its page");
    assert!(page.contains("Your 2 parcels"), "one parcel per workshop on the page");
    assert!(page.contains(kolkata_title) && page.contains(mumbai_title), "both pieces on the page");
    c.close().await.unwrap();

    let res = app.get(order_page.path()).await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.headers().contains_key("strict-transport-security"), "HSTS on the order page");

    // What Stripe saw: one session, one signed event accepted.
    assert_eq!(
        stripe.deliveries(),
        vec![Delivery { event_type: "checkout.session.completed".into(), status: 200 }],
        "the webhook accepted the signed event"
    );
    let api_calls: Vec<String> = stripe.requests().into_iter().filter(|r| r.contains(" /v1/")).collect();
    assert_eq!(api_calls, ["POST /v1/checkout/sessions"], "no expiry, no refund");

    // What the shop recorded: the order paid, both pieces sold, one parcel per workshop.
    let (status, provider, sold, centers) = app.with_conn(|conn| {
        let (status, provider) = orders::table
            .find(order_id)
            .select((orders::status, orders::payment_provider))
            .first::<(String, String)>(conn)
            .unwrap();
        let sold: i64 = pieces::table
            .filter(pieces::id.eq_any([kolkata, mumbai]))
            .filter(pieces::status.eq("sold"))
            .count()
            .get_result(conn)
            .unwrap();
        let parcels = fairgold::orders::queries::shipments_of(conn, order_id).unwrap();
        let centers: Vec<i64> = parcels.iter().map(|s| s.center_id).collect();
        (status, provider, sold, centers)
    });
    assert_eq!(status, "paid");
    assert_eq!(provider, "stripe");
    assert_eq!(sold, 2, "both pieces sold");
    assert_eq!(centers.len(), 2, "one parcel per workshop: {centers:?}");
    assert_eq!(centers.into_iter().collect::<BTreeSet<_>>(), BTreeSet::from([app.kolkata, app.mumbai]));

    // The confirmation reaches the SMTP server.
    let mail = smtp.wait_for(1).await;
    let confirmation = mail
        .iter()
        .find(|m| m.to == [customer.email])
        .unwrap_or_else(|| panic!("no email to {}: {mail:?}", customer.email));
    assert!(
        confirmation.data.contains(&format!("Subject: Your fairgold order {reference} is confirmed")),
        "{}",
        confirmation.data
    );
    let confirmation_sent = || {
        app.with_conn(|conn| {
            email_outbox::table
                .filter(email_outbox::order_id.eq(order_id))
                .filter(email_outbox::kind.eq("order_confirmation"))
                .filter(email_outbox::status.eq("sent"))
                .count()
                .get_result::<i64>(conn)
                .unwrap()
        })
    };
    // The worker marks it sent just after the server accepted it.
    for _ in 0..50 {
        if confirmation_sent() == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(confirmation_sent(), 1, "the confirmation is marked sent");
}
