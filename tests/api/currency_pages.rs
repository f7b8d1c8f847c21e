//! Issue 15.1 on every public page: the header's currency switcher on each (naming the
//! visitor's choice, cached per currency), and every price a page shows in that currency — the
//! piece page's "where the money goes" (each part the same share of the shown price, adding up
//! to it exactly), its shipping table and its JSON-LD offer, the cart and checkout, and the
//! public API with `?currency=` (base amounts unchanged beside the presented ones).

use diesel::prelude::*;
use fairgold::audit::Actor;
use fairgold::money::{Currency, Money};
use fairgold::schema::pieces;
use fairgold::wages::types::{india_date, PositiveDecimal};
use rust_decimal::Decimal;

use crate::checkout::{Shopper, ADDRESS};
use crate::helpers::{now, ArtisanFixture, PieceFixture, TestApp};

const PRICE_MINOR: i64 = 64_999;

/// $649.99, made by a named artisan with a public profile, its whole split recorded (wages in
/// the ledger, the gold rate, its costs); today's rates ₹84.50 a dollar and ₹90 a euro.
fn priced_piece(app: &TestApp) -> (i64, String, String) {
    let (artisan, public_id) = app.artisan(ArtisanFixture { profile_consent: true, ..Default::default() });
    let piece = app.piece(PieceFixture {
        price_minor: PRICE_MINOR,
        makers: vec![(artisan, 600)],
        ..PieceFixture::new("Lotus ring")
    });
    app.with_conn(|c| {
        use fairgold::pricing::{costs, gold};
        let actor = Actor::system("finance@fairgold.test");
        let today = india_date(now());
        for (currency, rate) in [(Currency::Usd, "84.50"), (Currency::Eur, "90")] {
            let r = PositiveDecimal::rate(rate).unwrap();
            fairgold::wages::service::record_rate_from(c, &actor, currency, today, r, "RBI reference rate", now())
                .unwrap();
        }
        fairgold::wages::service::accept_piece(c, piece, &actor, now()).unwrap();
        let input =
            gold::GoldRateInput { on: today, per_gram: Money::new(1_015_000, Currency::Inr), source: "test".into() };
        gold::record(c, &actor, &input, now()).unwrap();
        let scope = fairgold::auth::Scope::everywhere(actor);
        let input = costs::CostsInput {
            stones: Money::new(0, Currency::Inr),
            hallmarking: Money::new(5_310, Currency::Inr),
            packing: Money::new(90_000, Currency::Inr),
        };
        costs::record(c, &scope, piece, &input, now()).unwrap();
    });
    let slug = app.with_conn(|c| pieces::table.find(piece).select(pieces::slug).first::<String>(c)).unwrap();
    (piece, slug, public_id)
}

/// A dollar amount in whole euros at 84.50 / 90 € per $ (0.9388888889 as the cross rate is
/// kept), half away from zero: what every page and checkout show.
fn euros(usd_minor: i64) -> i64 {
    let rate = (Decimal::new(8450, 2) / Decimal::from(90)).round_dp(10);
    let major = Decimal::from(usd_minor) * rate / Decimal::ONE_HUNDRED;
    let whole: i64 =
        major.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero).try_into().unwrap();
    whole * 100
}

fn eur(minor: i64) -> String {
    Money::new(minor, Currency::Eur).to_string()
}

async fn get(app: &TestApp, path: &str, cookie: Option<&str>) -> (u16, String) {
    let mut req = app.client.get(format!("{}{path}", app.address));
    if let Some(c) = cookie {
        req = req.header("Cookie", c);
    }
    let res = req.send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// The part of a page from `start` to the end of its section.
fn section<'a>(html: &'a str, start: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("`{start}` on the page"));
    let rest = &html[from..];
    &rest[..rest.find("</section>").unwrap_or(rest.len())]
}

/// A dollar amount written out (`$` then a digit).
fn has_dollars(text: &str) -> bool {
    text.as_bytes().windows(2).any(|w| w[0] == b'$' && w[1].is_ascii_digit())
}

#[tokio::test]
async fn a_euro_visitor_sees_euros_in_the_breakdown_the_shipping_table_and_the_json_ld() {
    let app = TestApp::spawn().await;
    let (_, slug, _) = priced_piece(&app);
    let shown = euros(PRICE_MINOR);
    assert_eq!(eur(shown), "€610.00", "649.99 × 0.93888… = 610.27 → 610 whole euros");

    for _ in 0..2 {
        // The second time from the page cache: still this visitor's euros.
        let (status, html) = get(&app, &format!("/pieces/{slug}"), Some("currency=EUR")).await;
        assert_eq!(status, 200);
        assert!(html.contains(&eur(shown)), "the price in euros");

        // Where the money goes: every part in euros, adding up to the shown price exactly.
        let money = section(&html, "id=\"money-title\"");
        assert!(!has_dollars(money), "no dollar amount left in the breakdown:\n{money}");
        assert!(money.contains("class=\"money-bar\""), "the whole split is recorded");
        let parts: i64 = money
            .split("<td class=\"num\">€")
            .skip(1)
            .map(|s| s.split('<').next().unwrap())
            .map(|amount| Money::parse_major(amount, Currency::Eur).unwrap().minor)
            .collect::<Vec<_>>()
            .iter()
            .sum();
        // The lines and the footer's price: twice the price.
        assert_eq!(parts, 2 * shown, "the parts add up to the shown price, which the footer repeats");

        // The shipping table, each option converted as checkout converts it.
        let shipping = section(&html, "id=\"shipping-title\"");
        assert!(!has_dollars(shipping), "{shipping}");
        for usd in [1_000, 4_500, 2_500] {
            assert!(shipping.contains(&eur(euros(usd))), "{} in the table:\n{shipping}", eur(euros(usd)));
        }

        // The JSON-LD offer states the price the page shows, in its currency.
        let ld = html.split("<script type=\"application/ld+json\">").nth(1).unwrap().split("</script>").next().unwrap();
        let ld: serde_json::Value = serde_json::from_str(ld).expect("JSON-LD parses");
        assert_eq!(ld["offers"]["priceCurrency"], "EUR");
        assert_eq!(ld["offers"]["price"], Money::new(shown, Currency::Eur).major_string());
    }

    // No choice: the shop's dollars, as before.
    let (_, html) = get(&app, &format!("/pieces/{slug}"), None).await;
    let ld = html.split("<script type=\"application/ld+json\">").nth(1).unwrap().split("</script>").next().unwrap();
    let ld: serde_json::Value = serde_json::from_str(ld).unwrap();
    assert_eq!((ld["offers"]["priceCurrency"].as_str(), ld["offers"]["price"].as_str()), (Some("USD"), Some("649.99")));
    assert!(html.contains("$649.99"));
}

#[tokio::test]
async fn the_api_answers_base_and_presented_amounts_with_currency_and_refuses_an_unrated_one() {
    let app = TestApp::spawn().await;
    let (_, slug, _) = priced_piece(&app);
    let shown = euros(PRICE_MINOR);

    let plain = app.json(&format!("/api/v1/pieces/{slug}"), 200).await;
    assert!(plain.get("presented_price").is_none() && plain.get("presentment").is_none(), "unchanged without it");
    assert!(plain["breakdown"]["lines"][0].get("presented_amount").is_none());

    let json = app.json(&format!("/api/v1/pieces/{slug}?currency=eur"), 200).await;
    // The existing fields as they were.
    assert_eq!(json["price"], plain["price"]);
    assert_eq!(
        json["breakdown"]["lines"].as_array().unwrap().len(),
        plain["breakdown"]["lines"].as_array().unwrap().len()
    );
    for (a, b) in
        json["breakdown"]["lines"].as_array().unwrap().iter().zip(plain["breakdown"]["lines"].as_array().unwrap())
    {
        assert_eq!(a["amount"], b["amount"]);
    }
    // And each price in euros.
    assert_eq!(json["presented_price"]["amount_minor"], shown);
    assert_eq!(json["presented_price"]["currency"], "EUR");
    assert_eq!(json["presented_price"]["formatted"], eur(shown));
    assert_eq!(json["presentment"]["currency"], "EUR");
    assert_eq!(json["presentment"]["base"], "USD");
    assert_eq!(json["presentment"]["rate"], "0.9388888889");
    assert_eq!(json["presentment"]["rounding"], "whole");
    assert!(json["presentment"]["source"].as_str().unwrap().contains("RBI reference rate"));
    let lines = json["breakdown"]["lines"].as_array().unwrap();
    assert_eq!(json["breakdown"]["complete"], true);
    let sum: i64 = lines.iter().map(|l| l["presented_amount"]["amount_minor"].as_i64().unwrap()).sum();
    assert_eq!(sum, shown, "the presented parts add up to the presented price exactly");
    assert!(lines.iter().all(|l| l["presented_amount"]["currency"] == "EUR"));
    // The page shows the same parts.
    let (_, html) = get(&app, &format!("/pieces/{slug}"), Some("currency=EUR")).await;
    for l in lines {
        let amount = l["presented_amount"]["formatted"].as_str().unwrap();
        assert!(html.contains(&format!("<td class=\"num\">{amount}</td>")), "{amount} on the page");
    }

    let list = app.json("/api/v1/pieces?currency=EUR", 200).await;
    assert_eq!(list["data"][0]["price"]["currency"], "USD");
    assert_eq!(list["data"][0]["presented_price"]["amount_minor"], shown);
    assert_eq!(list["presentment"]["currency"], "EUR");
    assert!(app.json("/api/v1/pieces", 200).await.get("presentment").is_none());

    // A currency the shop does not sell in, and one without a recent rate: a stable code.
    for (path, field) in [
        (format!("/api/v1/pieces/{slug}?currency=XYZ"), "currency"),
        (format!("/api/v1/pieces/{slug}?currency=GBP"), "currency"),
        ("/api/v1/pieces?currency=GBP".to_string(), "currency"),
    ] {
        let err = app.json(&path, 422).await;
        assert_eq!(err["error"]["code"], "currency_unavailable", "{path}: {err}");
        assert_eq!(err["error"]["field"], field);
    }
}

#[tokio::test]
async fn every_public_page_carries_the_switcher_naming_the_visitors_currency() {
    let app = TestApp::spawn().await;
    let (piece, slug, public_id) = priced_piece(&app);
    // Pages with prices show them in the choice: the shipping policy's table, the maker's pieces.
    for path in ["/policies/shipping".to_string(), format!("/artisans/{public_id}")] {
        let (_, html) = get(&app, &path, Some("currency=EUR")).await;
        assert!(html.contains('€') && !has_dollars(&html), "{path} in euros");
        let (_, html) = get(&app, &path, None).await;
        assert!(has_dollars(&html), "{path} in dollars without a choice");
    }
    // An order of their own, for its page.
    let mut buyer = Shopper::default();
    buyer.cookies.push("currency=EUR".into());
    assert_eq!(buyer.add(&app, piece).await.status().as_u16(), 303);
    let cart = buyer.get(&app, "/cart").await.text().await.unwrap();
    let checkout = buyer.get(&app, "/checkout?country=DE").await.text().await.unwrap();
    let res = buyer.check_out(&app, ADDRESS).await;
    assert_eq!(res.status().as_u16(), 303);
    let pay_url = res.headers()["location"].to_str().unwrap().to_string();
    let token = pay_url.split("?token=").nth(1).unwrap().to_string();

    for (name, page) in [("cart", &cart), ("checkout", &checkout)] {
        assert!(page.contains("<option value=\"EUR\" selected>"), "{name}: the switcher");
        assert!(page.contains(&eur(euros(PRICE_MINOR))), "{name}: the piece in euros");
        assert!(!has_dollars(page), "{name}: every summary line in euros:\n{page}");
    }
    assert!(checkout.contains(&eur(euros(PRICE_MINOR) + euros(4_500))), "the total with express shipping in euros");

    let paths = [
        "/".to_string(),
        "/pieces".into(),
        format!("/pieces/{slug}"),
        "/about".into(),
        "/impact".into(),
        "/policies/shipping".into(),
        "/policies/returns".into(),
        "/policies/privacy".into(),
        "/policies/terms".into(),
        "/policies/grievance".into(),
        format!("/artisans/{public_id}"),
        "/transparency/ledger".into(),
        "/cart".into(),
        format!("/orders/{token}"),
        "/no-such-page".into(),
    ];
    for round in 0..2 {
        for path in &paths {
            for (cookie, code) in [(Some("currency=EUR"), "EUR"), (None, "USD"), (Some("currency=INR"), "INR")] {
                let (status, html) = get(&app, path, cookie).await;
                assert!(status == 200 || path == "/no-such-page", "{path}: {status}");
                assert!(
                    html.contains(&format!("<option value=\"{code}\" selected>")),
                    "{path} (round {round}): the switcher names {code}"
                );
                assert!(html.contains("action=\"/currency\""), "{path}: the switcher's form");
            }
        }
    }
}
