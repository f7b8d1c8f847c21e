//! Customers' privacy rights: from their order's link a customer downloads everything the shop
//! holds about them (every order placed with their email, nothing about anyone else), and asks
//! for erasure — refused while an order is in progress; then the back office holds nothing of
//! theirs but the invoice details the GST law keeps. The retention job masks orders past the
//! tax-record period; every request is listed at `/admin/privacy`.

use chrono::Duration;
use diesel::prelude::*;
use fairgold::schema::{
    audit_log, email_outbox, order_events, order_items, orders, payment_attempts, privacy_requests, return_requests,
};

use crate::checkout::{pay, Placed, Shopper};
use crate::helpers::{now, PieceFixture, Session, TestApp};

/// Someone's checkout details, each value distinctive enough to be searched for.
struct Customer {
    email: &'static str,
    name: &'static str,
    line1: &'static str,
    line2: &'static str,
    city: &'static str,
    phone: &'static str,
}

const ZARA: Customer = Customer {
    email: "zara.quokka@example.org",
    name: "Zara Quokkafeld",
    line1: "77 Marmaladenweg",
    line2: "Hinterhaus Wombat 9",
    city: "Quokkastadt",
    phone: "+49 30 7771234",
};

const OTTO: Customer = Customer {
    email: "otto.xylo@example.org",
    name: "Otto Xylophonis",
    line1: "9 Quittenhof",
    line2: "Seitenflügel Tapir 3",
    city: "Tapirburg",
    phone: "+49 30 5559876",
};

impl Customer {
    /// The values erasure must remove everywhere (the name may stay on invoices kept).
    fn erased_values(&self) -> [&'static str; 5] {
        [self.email, self.line1, self.line2, self.city, self.phone]
    }
}

/// Places an order for one new piece as this customer, and pays it.
async fn buy(app: &TestApp, who: &Customer, title: &str, line1: &str) -> Placed {
    let piece = app.piece(PieceFixture::new(title));
    let mut shopper = Shopper::default();
    assert_eq!(shopper.add(app, piece).await.status().as_u16(), 303);
    let form = [
        ("email", who.email),
        ("name", who.name),
        ("line1", line1),
        ("line2", who.line2),
        ("city", who.city),
        ("region", "Brandenburg"),
        ("postal_code", "10115"),
        ("country", "DE"),
        ("phone", who.phone),
        ("shipping", "intl-express"),
    ];
    let res = shopper.check_out(app, &form).await;
    assert_eq!(res.status().as_u16(), 303, "checkout: {}", res.text().await.unwrap_or_default());
    let pay_url = res.headers()["location"].to_str().unwrap().to_string();
    let (path, token) = pay_url.split_once("?token=").unwrap();
    let reference = path.rsplit('/').next().unwrap().to_string();
    let order_id =
        app.with_conn(|c| orders::table.filter(orders::reference.eq(&reference)).select(orders::id).first(c).unwrap());
    let mut placed = Placed { shopper, reference, token: token.to_string(), order_id, pay_url };
    assert_eq!(pay(app, &mut placed, "pay").await.status().as_u16(), 303);
    placed
}

/// The customer's POST from their order page (same origin, as a browser sends it).
async fn from_order_page(app: &TestApp, placed: &mut Placed, what: &str, form: &[(&str, &str)]) -> reqwest::Response {
    let path = format!("/orders/{}/{what}", placed.token);
    placed.shopper.post(app, &path, form).await
}

async fn export(app: &TestApp, placed: &mut Placed) -> String {
    let res = from_order_page(app, placed, "data", &[]).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["content-type"], "application/json");
    let disposition = res.headers()["content-disposition"].to_str().unwrap().to_string();
    assert!(disposition.starts_with("attachment;") && disposition.contains(".json"), "{disposition}");
    assert_eq!(res.headers()["cache-control"], "no-store");
    res.text().await.unwrap()
}

/// Sends the order's parcels on their way to delivered, as an admin does.
async fn deliver(app: &TestApp, admin: &Session, order_id: i64) {
    for (parcel, _, _) in crate::orders::parcels(app, order_id) {
        let at = |step: &str| format!("/admin/orders/{order_id}/shipments/{parcel}/{step}");
        assert_eq!(app.post_form(&at("packed"), Some(admin), &[]).await.status().as_u16(), 303);
        let ship = [("carrier", "DHL"), ("tracking_number", "JD0146000012345")];
        assert_eq!(app.post_form(&at("shipped"), Some(admin), &ship).await.status().as_u16(), 303);
        assert_eq!(app.post_form(&at("delivered"), Some(admin), &[]).await.status().as_u16(), 303);
    }
}

async fn refund_in_full(app: &TestApp, admin: &Session, order_id: i64) {
    let form = [("amount", ""), ("reason", "returned"), ("idempotency_key", "privacy-test-refund-key-1")];
    let res = app.post_form(&format!("/admin/orders/{order_id}/refund"), Some(admin), &form).await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap_or_default());
}

/// Asks, from the order's page, to return every piece of the order, for `reason`; the new
/// return's id.
async fn ask_return(app: &TestApp, placed: &mut Placed, reason: &str) -> i64 {
    let pieces: Vec<i64> = app.with_conn(|c| {
        order_items::table
            .filter(order_items::order_id.eq(placed.order_id))
            .select(order_items::piece_id)
            .load(c)
            .unwrap()
    });
    let ids: Vec<String> = pieces.iter().map(|p| p.to_string()).collect();
    let mut form: Vec<(&str, &str)> = ids.iter().map(|p| ("piece", p.as_str())).collect();
    form.push(("reason", reason));
    let res = from_order_page(app, placed, "returns", &form).await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap_or_default());
    app.with_conn(|c| {
        return_requests::table
            .filter(return_requests::order_id.eq(placed.order_id))
            .order(return_requests::id.desc())
            .select(return_requests::id)
            .first(c)
            .unwrap()
    })
}

/// One step of a return in the back office (`approve`, `decline`, `receive`, `close`), as staff.
async fn return_step(app: &TestApp, staff: &Session, id: i64, step: &str, form: &[(&str, &str)]) {
    let res = app.post_form(&format!("/admin/returns/{id}/{step}"), Some(staff), form).await;
    assert_eq!(res.status().as_u16(), 303, "{step}: {}", res.text().await.unwrap_or_default());
}

/// Every text a return's row, its timeline events, the audit log and the outbox hold.
fn stored_return_texts(app: &TestApp, order_id: i64) -> String {
    app.with_conn(|c| {
        let rows: Vec<(String, Option<String>)> = return_requests::table
            .filter(return_requests::order_id.eq(order_id))
            .select((return_requests::reason, return_requests::message))
            .load(c)
            .unwrap();
        let events: Vec<String> = order_events::table
            .filter(order_events::order_id.eq(order_id))
            .select(order_events::details)
            .load(c)
            .unwrap();
        let audit: Vec<String> = audit_log::table.select(audit_log::details).load(c).unwrap();
        let outbox: Vec<String> = email_outbox::table.select(email_outbox::payload).load(c).unwrap();
        format!("{rows:?} {events:?} {audit:?} {outbox:?}")
    })
}

fn place_back(app: &TestApp, order_id: i64, years: i64) {
    app.with_conn(|c| {
        diesel::update(orders::table.find(order_id))
            .set(orders::created_at.eq(now() - Duration::days(365 * years + 10)))
            .execute(c)
            .unwrap()
    });
}

#[tokio::test]
async fn the_export_holds_every_order_of_the_customer_and_nothing_of_anyone_else() {
    let app = TestApp::spawn().await;
    let mut first = buy(&app, &ZARA, "Lotus ring", ZARA.line1).await;
    let second = buy(&app, &ZARA, "Peacock pendant", "3 Tamarindenstraße").await;
    let mut other = buy(&app, &OTTO, "Paisley bangle", OTTO.line1).await;
    // Zara returns her ring (approved with a message); Otto asks to return his bangle.
    app.staff("admin@fairgold.test", "admin", None);
    let admin = app.sign_in("admin@fairgold.test").await;
    deliver(&app, &admin, first.order_id).await;
    deliver(&app, &admin, other.order_id).await;
    let zara_reason = "The Lotus ring pinches, says Zara Kakadu";
    let zara_message = "Zara, send it insured to the Numbat desk";
    let otto_reason = "Otto finds the Tapir bangle too loose";
    let returned = ask_return(&app, &mut first, zara_reason).await;
    return_step(&app, &admin, returned, "approve", &[("message", zara_message)]).await;
    ask_return(&app, &mut other, otto_reason).await;

    let json = export(&app, &mut first).await;
    let data: serde_json::Value = serde_json::from_str(&json).unwrap();
    let orders = data["orders"].as_array().unwrap();
    assert_eq!(orders.len(), 2, "both of Zara's orders: {json}");
    // Her return: the pieces, her reason, the status, our message and the dates.
    let returns = orders[0]["returns"].as_array().unwrap_or_else(|| panic!("her returns in the export: {json}"));
    assert_eq!(returns.len(), 1, "{json}");
    let r = &returns[0];
    assert_eq!(r["status"], "approved", "{r}");
    assert_eq!(r["reason"], zara_reason);
    assert_eq!(r["items"][0]["title"], "Lotus ring", "{r}");
    assert!(r["items"][0]["price_minor"].as_i64().unwrap() > 0, "{r}");
    assert!(r["messages"].as_array().unwrap().iter().any(|m| m["text"] == zara_message), "{r}");
    assert!(r["requested_at"].as_str().is_some() && r["decided_at"].as_str().is_some(), "{r}");
    assert!(orders[1]["returns"].as_array().unwrap().is_empty(), "no return of her second order");
    assert!(!json.contains(otto_reason), "nothing of Otto's return");
    for value in [ZARA.email, ZARA.name, ZARA.line1, ZARA.line2, ZARA.city, ZARA.phone, "3 Tamarindenstraße"] {
        assert!(json.contains(value), "the export holds {value}");
    }
    for reference in [&first.reference, &second.reference] {
        assert!(json.contains(reference.as_str()));
    }
    assert!(json.contains("Lotus ring") && json.contains("Peacock pendant"), "items by title");
    let item = &orders[0]["items"][0];
    assert!(item["sku"].as_str().unwrap().starts_with("TST-") && item["price_minor"].as_i64().unwrap() > 0);
    assert!(!orders[0]["timeline"].as_array().unwrap().is_empty(), "the timeline");
    let emails = data["emails"].as_array().unwrap();
    assert!(
        emails
            .iter()
            .any(|e| e["kind"] == "order_confirmation" && e["subject"].as_str().unwrap().contains(&first.reference)),
        "the emails written to her: {emails:?}"
    );
    // Nothing of Otto's, no staff internals.
    for value in OTTO.erased_values().into_iter().chain([OTTO.name, "Paisley bangle", other.reference.as_str()]) {
        assert!(!json.contains(value), "Zara's export holds Otto's {value}");
    }
    let (cart_key, client_key, hash): (Option<String>, Option<String>, String) = app.with_conn(|c| {
        orders::table
            .find(first.order_id)
            .select((orders::cart_key, orders::client_key, orders::status_token_hash))
            .first(c)
            .unwrap()
    });
    for secret in [cart_key.unwrap(), client_key.unwrap(), hash, first.token.clone()] {
        assert!(!json.contains(&secret), "no keys or tokens in the export");
    }
    for word in ["client_key", "cart_key", "token", "payment_intent"] {
        assert!(!json.contains(word), "no {word} in the export");
    }

    // Otto's link gives Otto's data only.
    let json = export(&app, &mut other).await;
    assert!(json.contains(OTTO.line1) && json.contains(otto_reason));
    for value in
        ZARA.erased_values().into_iter().chain([ZARA.name, first.reference.as_str(), zara_reason, zara_message])
    {
        assert!(!json.contains(value), "Otto's export holds Zara's {value}");
    }

    // A checkout that was never paid proves nothing about the address: its link gives only its
    // own order (anyone can start a checkout with anyone's email).
    let piece = app.piece(PieceFixture::new("Unpaid chain"));
    let mut stranger = Shopper::default();
    stranger.add(&app, piece).await;
    let form = [
        ("email", ZARA.email),
        ("name", "Mallory"),
        ("line1", "1 Elsewhere"),
        ("city", "Berlin"),
        ("postal_code", "10115"),
        ("country", "DE"),
        ("phone", "+49 30 1111111"),
        ("shipping", "intl-express"),
    ];
    let res = stranger.check_out(&app, &form).await;
    let token = res.headers()["location"].to_str().unwrap().split_once("?token=").unwrap().1.to_string();
    let res = stranger.post(&app, &format!("/orders/{token}/data"), &[]).await;
    assert_eq!(res.status().as_u16(), 200);
    let json = res.text().await.unwrap();
    assert!(json.contains("Mallory"));
    for value in [ZARA.line1, ZARA.phone, first.reference.as_str()] {
        assert!(!json.contains(value), "an unpaid checkout's link exports {value}");
    }

    // A cross-site post is refused; an unknown token is not found.
    let res = app
        .client
        .post(format!("{}/orders/{}/data", app.address, first.token))
        .header("Sec-Fetch-Site", "cross-site")
        .header("Origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    let res = first.shopper.post(&app, "/orders/not-a-real-token/data", &[]).await;
    assert_eq!(res.status().as_u16(), 404);

    // Each export is recorded, with its completion time.
    let kinds: Vec<(String, String, bool)> = app.with_conn(|c| {
        privacy_requests::table
            .order(privacy_requests::id)
            .select((privacy_requests::kind, privacy_requests::status, privacy_requests::completed_at.is_not_null()))
            .load(c)
            .unwrap()
    });
    assert_eq!(kinds, vec![("export".to_string(), "completed".to_string(), true); 3]);
}

/// Every back-office page an admin can reach about orders, emails and the audit log.
async fn crawl(app: &TestApp, admin: &Session, order_ids: &[i64], return_ids: &[i64]) -> Vec<(String, String)> {
    let mut paths: Vec<String> = [
        "/admin",
        "/admin/orders",
        "/admin/email",
        "/admin/audit",
        "/admin/audit.csv",
        "/admin/privacy",
        "/admin/returns",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    paths.extend(order_ids.iter().map(|id| format!("/admin/orders/{id}")));
    paths.extend(return_ids.iter().map(|id| format!("/admin/returns/{id}")));
    let mut pages = Vec::new();
    for path in paths {
        let res = app.get_as(&path, admin).await;
        assert_eq!(res.status().as_u16(), 200, "GET {path}");
        pages.push((path, res.text().await.unwrap()));
    }
    pages
}

#[tokio::test]
async fn erasure_waits_for_orders_in_progress_then_leaves_only_the_invoice() {
    let app = TestApp::spawn().await;
    app.staff("admin@fairgold.test", "admin", None);
    let admin = app.sign_in("admin@fairgold.test").await;
    let mut recent = buy(&app, &ZARA, "Lotus ring", ZARA.line1).await;
    let old = buy(&app, &ZARA, "Peacock pendant", "3 Tamarindenstraße").await;
    let mut other = buy(&app, &OTTO, "Paisley bangle", OTTO.line1).await;

    // Paid, not yet delivered: refused, and nothing changes.
    let res = from_order_page(&app, &mut recent, "erase", &[]).await;
    assert_eq!(res.status().as_u16(), 409);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("You have an order in progress; ask again after it is delivered or refunded"));
    let res = from_order_page(&app, &mut recent, "erase", &[("confirm", "yes")]).await;
    assert_eq!(res.status().as_u16(), 409);
    let email: String = app.with_conn(|c| orders::table.find(recent.order_id).select(orders::email).first(c).unwrap());
    assert_eq!(email, ZARA.email);

    // One delivered, the other refunded and placed nine years ago (past the tax-record period).
    deliver(&app, &admin, recent.order_id).await;
    refund_in_full(&app, &admin, old.order_id).await;
    place_back(&app, old.order_id, 9);

    // She returns the delivered ring: her reason and our messages name her.
    let reason = "Zara Kakadu: the Lotus ring pinches";
    let approval = "Zara, post it to the Numbat desk";
    let closing = "Zara, the Wallaby scratch was already there";
    let returned = ask_return(&app, &mut recent, reason).await;
    return_step(&app, &admin, returned, "approve", &[("message", approval)]).await;
    // A return under way: nothing is erased until it is settled.
    let res = from_order_page(&app, &mut recent, "erase", &[("confirm", "yes")]).await;
    assert_eq!(res.status().as_u16(), 409, "a return under way");
    return_step(&app, &admin, returned, "receive", &[("condition", "Scratched."), ("then", "withdraw")]).await;
    return_step(&app, &admin, returned, "close", &[("message", closing)]).await;
    let page = app.get_as(&format!("/admin/returns/{returned}"), &admin).await.text().await.unwrap();
    assert!(page.contains(reason) && page.contains(closing), "the return before the erasure: {page}");
    let stored = stored_return_texts(&app, recent.order_id);
    assert!(stored.contains(reason) && stored.contains(approval) && stored.contains(closing), "{stored}");

    // The confirmation step changes nothing and says what stays.
    let res = from_order_page(&app, &mut recent, "erase", &[]).await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains("Yes, erase my data") && page.contains(&recent.reference) && page.contains("8 years"));
    assert_eq!(
        app.with_conn(|c| orders::table.find(recent.order_id).select(orders::email).first::<String>(c).unwrap()),
        ZARA.email
    );

    // Otto's link cannot erase Zara's data.
    let res = from_order_page(&app, &mut other, "erase", &[("confirm", "yes")]).await;
    assert_eq!(res.status().as_u16(), 409, "Otto's own order is still in progress");
    assert_eq!(
        app.with_conn(|c| orders::table.find(recent.order_id).select(orders::email).first::<String>(c).unwrap()),
        ZARA.email
    );

    let res = from_order_page(&app, &mut recent, "erase", &[("confirm", "yes")]).await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.text().await.unwrap().contains("Your data has been erased"));
    // The link is dead.
    assert_eq!(recent.shopper.get(&app, &format!("/orders/{}", recent.token)).await.status().as_u16(), 404);
    assert_eq!(from_order_page(&app, &mut recent, "data", &[]).await.status().as_u16(), 404);

    // In the database: placeholders, no keys, no emails or payment requests naming her.
    type Kept = (String, String, String, Option<String>, Option<String>, Option<String>, Option<String>, String);
    let row = |id: i64| -> Kept {
        app.with_conn(|c| {
            orders::table
                .find(id)
                .select((
                    orders::email,
                    orders::ship_name,
                    orders::ship_line1,
                    orders::phone,
                    orders::ship_region,
                    orders::cart_key,
                    orders::client_key,
                    orders::ship_postal_code,
                ))
                .first(c)
                .unwrap()
        })
    };
    let (email, name, line1, phone, region, cart, client, postal) = row(recent.order_id);
    assert!(email.starts_with("erased-") && email.ends_with("@invalid"), "{email}");
    assert_eq!(
        (name.as_str(), region.as_deref(), postal.as_str()),
        (ZARA.name, Some("Brandenburg"), "10115"),
        "the invoice's details stay"
    );
    assert_eq!((line1.as_str(), phone, cart, client), ("[erased]", None, None, None));
    let (old_email, old_name, _, _, old_region, _, _, old_postal) = row(old.order_id);
    assert_ne!(old_email, email, "each order its own placeholder");
    assert_eq!(
        (old_name.as_str(), old_region, old_postal.as_str()),
        ("[erased]", None, ""),
        "past the period: nothing"
    );
    let to_her: i64 = app.with_conn(|c| {
        email_outbox::table.filter(email_outbox::to_address.eq(ZARA.email)).count().get_result(c).unwrap()
    });
    assert_eq!(to_her, 0);
    let requests: Vec<String> =
        app.with_conn(|c| payment_attempts::table.select(payment_attempts::request).load(c).unwrap());
    assert!(requests.iter().all(|r| !r.contains(ZARA.email)) && requests.iter().any(|r| r.contains(OTTO.email)));
    // The refund and the money stay as they were.
    let (refunded, total): (i64, i64) = app.with_conn(|c| {
        orders::table.find(old.order_id).select((orders::refunded_minor, orders::total_minor)).first(c).unwrap()
    });
    assert_eq!(refunded, total);

    // The back office, as an admin: nothing of hers but the name on the invoice kept.
    // The return's texts are masked for good: in its row, on the timeline, in the audit log and
    // in the outbox.
    let stored = stored_return_texts(&app, recent.order_id);
    for value in [reason, approval, closing, "Kakadu", "Numbat", "Wallaby"] {
        assert!(!stored.contains(value), "{value} is still stored: {stored}");
    }
    for (path, body) in crawl(&app, &admin, &[recent.order_id, old.order_id, other.order_id], &[returned]).await {
        for value in ZARA.erased_values().into_iter().chain(["3 Tamarindenstraße", "Kakadu", "Numbat", "Wallaby"]) {
            assert!(!body.contains(value), "{path} still shows {value}");
        }
        if body.contains(ZARA.name) {
            assert_eq!(path, format!("/admin/orders/{}", recent.order_id), "the name only on the invoice kept");
        }
    }
    // Otto is untouched.
    let page = app.get_as(&format!("/admin/orders/{}", other.order_id), &admin).await.text().await.unwrap();
    assert!(page.contains(OTTO.line1) && page.contains(OTTO.email));

    // A refund made after the erasure writes to no one.
    refund_in_full(&app, &admin, recent.order_id).await;
    let waiting: i64 = app.with_conn(|c| {
        email_outbox::table
            .filter(email_outbox::to_address.like("%@invalid"))
            .filter(email_outbox::status.ne("sent"))
            .count()
            .get_result(c)
            .unwrap()
    });
    assert_eq!(waiting, 0);

    // Listed at /admin/privacy: refused (Zara's tries, Otto's), then completed.
    let page = app.get_as("/admin/privacy", &admin).await.text().await.unwrap();
    assert!(page.contains("refused") && page.contains("completed"));
    assert!(
        page.contains(&format!(
            "{}: kept name, state, postal code, country, amounts and items until",
            recent.reference
        )),
        "{page}"
    );
    assert!(page.contains(&format!("Erased entirely: {}.", old.reference)));
    let rows: Vec<(String, Option<chrono::NaiveDateTime>)> = app.with_conn(|c| {
        privacy_requests::table
            .filter(privacy_requests::kind.eq("erasure"))
            .order(privacy_requests::id)
            .select((privacy_requests::status, privacy_requests::completed_at))
            .load(c)
            .unwrap()
    });
    assert_eq!(
        rows.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>(),
        ["refused", "refused", "refused", "completed"],
        "refused while the order, then the return, were under way; Otto's; then done"
    );
    assert!(rows[3].1.is_some() && rows[0].1.is_none());
    let audit = app.get_as("/admin/audit", &admin).await.text().await.unwrap();
    assert!(audit.contains("privacy.erasure") && audit.contains("privacy.erasure_refused"));
}

#[tokio::test]
async fn the_retention_job_masks_orders_past_the_tax_record_period() {
    let app = TestApp::spawn().await;
    app.staff("admin@fairgold.test", "admin", None);
    let admin = app.sign_in("admin@fairgold.test").await;
    let mut old = buy(&app, &ZARA, "Lotus ring", ZARA.line1).await;
    let recent = buy(&app, &OTTO, "Paisley bangle", OTTO.line1).await;
    // A return of the old order, declined with a message that names her.
    deliver(&app, &admin, old.order_id).await;
    let returned = ask_return(&app, &mut old, "Zara Kakadu wants a smaller Lotus").await;
    return_step(&app, &admin, returned, "decline", &[("message", "Zara, the Numbat engraving was yours")]).await;
    place_back(&app, old.order_id, 8);

    let masked = app.with_conn(|c| fairgold::privacy::expiry::mask_expired(c, 8, now())).unwrap();
    assert_eq!(masked, 1);
    let (email, name, line1): (String, String, String) = app.with_conn(|c| {
        orders::table
            .find(old.order_id)
            .select((orders::email, orders::ship_name, orders::ship_line1))
            .first(c)
            .unwrap()
    });
    assert!(email.starts_with("erased-") && name == "[erased]" && line1 == "[erased]");
    let kept: String = app.with_conn(|c| orders::table.find(recent.order_id).select(orders::email).first(c).unwrap());
    assert_eq!(kept, OTTO.email, "a recent order is left alone");
    assert_eq!(app.with_conn(|c| fairgold::privacy::expiry::mask_expired(c, 8, now())).unwrap(), 0, "once");

    let stored = stored_return_texts(&app, old.order_id);
    for value in ["Kakadu", "Numbat"] {
        assert!(!stored.contains(value), "{value} is still stored after the retention job: {stored}");
    }
    for path in [format!("/admin/orders/{}", old.order_id), format!("/admin/returns/{returned}")] {
        let page = app.get_as(&path, &admin).await.text().await.unwrap();
        for value in [ZARA.email, ZARA.name, ZARA.line1, ZARA.phone, "Kakadu", "Numbat"] {
            assert!(!page.contains(value), "{value} on {path} after the retention job");
        }
    }
    let page = app.get_as("/admin/privacy", &admin).await.text().await.unwrap();
    assert!(page.contains("Retention job") && page.contains(&format!("Erased entirely: {}.", old.reference)), "{page}");
}
