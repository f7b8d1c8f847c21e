//! Transactional email end to end: the outbox worker renders each message and sends it to a
//! real SMTP server listening on loopback, started by the test itself (the `mailin` SMTP state
//! machine behind a small tokio accept loop). Each message arrives exactly once — also when
//! several workers race — with text and HTML parts; failures are retried with backoff and
//! shown to admins; the file transport writes `.eml` files; no email names an artisan.

use std::sync::Arc;
use std::time::Duration;

use base64::Engine;
use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use fairgold::config::Settings;
use fairgold::crypto::Field;
use fairgold::email::transport::Outgoing;
use fairgold::email::worker::{PassReport, Worker};
use fairgold::email::{self, EmailKind};
use fairgold::orders::emails::Renderer;
use fairgold::schema::{audit_log, email_outbox, order_items, orders};
use serde_json::json;

use crate::helpers::{now, ArtisanFixture, PieceFixture, TestApp};
use crate::smtp::{SmtpServer, REFUSED};

const LEGAL_NAME: &str = "Oriel Vashti Pemberton-Kaur";

/// A free port with nothing listening on it.
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

// ---------------------------------------------------------------------------------------------
// Reading a received message (headers and MIME parts) as a mail client would

/// A header's value, unfolded.
pub(crate) fn header(raw: &str, name: &str) -> Option<String> {
    let head = raw.split("\r\n\r\n").next()?;
    let mut value: Option<String> = None;
    for line in head.split("\r\n") {
        if let Some(v) = value.as_mut() {
            if line.starts_with([' ', '\t']) {
                v.push(' ');
                v.push_str(line.trim());
                continue;
            }
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            if k.eq_ignore_ascii_case(name) {
                value = Some(v.trim().to_string());
            }
        }
    }
    value
}

fn decode_quoted_printable(s: &str) -> String {
    let bytes = s.replace("=\r\n", "").into_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 3 <= bytes.len() {
            if let Ok(b) = u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The decoded `text/plain` and `text/html` parts of a multipart/alternative message.
pub(crate) fn parts(raw: &str) -> (String, String) {
    let content_type = header(raw, "Content-Type").expect("Content-Type");
    assert!(content_type.starts_with("multipart/alternative"), "{content_type}");
    let boundary = content_type.split("boundary=").nth(1).expect("boundary").trim_matches('"').to_string();
    let (mut text, mut html) = (None, None);
    for part in raw.split(&format!("--{boundary}")).skip(1) {
        if part.starts_with("--") {
            break;
        }
        let part = part.trim_start_matches("\r\n");
        let (head, body) = part.split_once("\r\n\r\n").expect("part headers");
        let head = format!("{head}\r\n\r\n");
        let ctype = header(&head, "Content-Type").unwrap_or_default();
        let encoding = header(&head, "Content-Transfer-Encoding").unwrap_or_default().to_ascii_lowercase();
        let body = body.trim_end_matches("\r\n");
        let decoded = match encoding.as_str() {
            "base64" => String::from_utf8(
                base64::engine::general_purpose::STANDARD.decode(body.replace(['\r', '\n'], "")).expect("base64"),
            )
            .expect("utf-8"),
            "quoted-printable" => decode_quoted_printable(body),
            _ => body.to_string(),
        };
        if ctype.starts_with("text/plain") {
            text = Some(decoded);
        } else if ctype.starts_with("text/html") {
            html = Some(decoded);
        }
    }
    (text.expect("a text/plain part"), html.expect("a text/html part"))
}

/// Text as tera escapes it in a page.
pub(crate) fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2F;")
}

// ---------------------------------------------------------------------------------------------
// Fixtures

pub(crate) struct OrderFixture {
    pub(crate) id: i64,
    /// The Kolkata parcel, shipped with DHL Express.
    pub(crate) shipment: i64,
    pub(crate) reference: String,
    pub(crate) kolkata_title: String,
    pub(crate) mumbai_title: String,
}

/// A paid order with one Kolkata piece (made by an artisan with a distinctive legal name)
/// and one Mumbai piece, written directly to the database.
pub(crate) fn paid_order(app: &TestApp, sealed_token: Option<&str>) -> OrderFixture {
    let (artisan, _) = app.artisan(ArtisanFixture { alias: "Ori P.", legal_name: LEGAL_NAME, ..Default::default() });
    let kolkata_title = format!("Lotus filigree ring {}", fastrand::u16(..));
    let mumbai_title = format!("Peacock jhumka earrings {}", fastrand::u16(..));
    let k = app.piece(PieceFixture {
        makers: vec![(artisan, 600)],
        price_minor: 48_000,
        ..PieceFixture::new(&kolkata_title)
    });
    let m = app.piece(PieceFixture { mumbai: true, price_minor: 125_050, ..PieceFixture::new(&mumbai_title) });
    let reference = format!("FG-{:06}", fastrand::u32(..1_000_000));
    let at = now();
    let id = app.with_conn(|c| {
        let id: i64 = diesel::insert_into(orders::table)
            .values((
                orders::reference.eq(&reference),
                orders::status_token_hash.eq(format!("hash-{reference}")),
                orders::status.eq("paid"),
                orders::disputed.eq(false),
                orders::email.eq("buyer@example.com"),
                orders::ship_name.eq("Dana Buyer"),
                orders::ship_line1.eq("1 Harbour Street"),
                orders::ship_city.eq("Lisbon"),
                orders::ship_postal_code.eq("1100-001"),
                orders::ship_country.eq("PT"),
                orders::shipping_option.eq("Insured courier"),
                orders::subtotal_minor.eq(173_050),
                orders::shipping_minor.eq(4_000),
                orders::total_minor.eq(177_050),
                orders::refunded_minor.eq(0),
                orders::currency.eq("USD"),
                orders::payment_provider.eq("development"),
                orders::hold_expires_at.eq(at + TimeDelta::minutes(45)),
                orders::created_at.eq(at),
                orders::updated_at.eq(at),
                orders::received_minor.eq(177_050),
            ))
            .returning(orders::id)
            .get_result(c)
            .expect("insert order");
        let sealed = sealed_token.map(|t| app.cipher.seal(Field::ORDER_STATUS_TOKEN, id, t));
        diesel::update(orders::table.find(id)).set(orders::status_token_sealed.eq(sealed)).execute(c).unwrap();
        for (piece, center, title, price) in
            [(k, app.kolkata, &kolkata_title, 48_000), (m, app.mumbai, &mumbai_title, 125_050)]
        {
            diesel::insert_into(order_items::table)
                .values((
                    order_items::order_id.eq(id),
                    order_items::piece_id.eq(piece),
                    order_items::center_id.eq(center),
                    order_items::sku.eq(format!("SKU-{piece}")),
                    order_items::title.eq(title),
                    order_items::price_minor.eq(price),
                    order_items::currency.eq("USD"),
                ))
                .execute(c)
                .expect("insert order item");
        }
        fairgold::orders::queries::insert_shipments(c, id, at).expect("parcels");
        let kolkata_parcel = fairgold::orders::queries::shipments_of(c, id)
            .unwrap()
            .into_iter()
            .find(|s| s.center_id == app.kolkata)
            .unwrap()
            .id;
        fairgold::orders::queries::move_shipment(
            c,
            kolkata_parcel,
            fairgold::orders::types::ShipmentStatus::Pending,
            fairgold::orders::types::ShipmentStatus::Shipped,
            Some(("DHL Express", "JD014600006281234567")),
            at,
        )
        .expect("shipped");
        (id, kolkata_parcel)
    });
    let (id, shipment) = id;
    OrderFixture { id, shipment, reference, kolkata_title, mumbai_title }
}

#[derive(Debug, Queryable)]
pub(crate) struct Row {
    id: i64,
    pub(crate) status: String,
    attempts: i32,
    next_attempt_at: NaiveDateTime,
    last_error: Option<String>,
    sent_at: Option<NaiveDateTime>,
}

fn outbox(app: &TestApp) -> Vec<Row> {
    app.with_conn(|c| {
        email_outbox::table
            .select((
                email_outbox::id,
                email_outbox::status,
                email_outbox::attempts,
                email_outbox::next_attempt_at,
                email_outbox::last_error,
                email_outbox::sent_at,
            ))
            .order(email_outbox::id)
            .load::<Row>(c)
            .unwrap()
    })
}

/// Waits (at most 10 s) until `done` holds for the outbox.
pub(crate) async fn wait_outbox(app: &TestApp, what: &str, done: impl Fn(&[Row]) -> bool) -> Vec<Row> {
    for _ in 0..200 {
        let rows = outbox(app);
        if done(&rows) {
            return rows;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{what}: the outbox is {:?}", outbox(app));
}

/// A worker of our own, as a second app instance would run, sending to `smtp_url`.
fn worker(app: &TestApp, smtp_url: &str) -> Worker {
    let settings = Settings::from_overrides(&[("mail.transport", "smtp"), ("mail.smtp_url", smtp_url)]).unwrap();
    let renderer = Arc::new(Renderer::load(&settings, app.cipher.clone()).unwrap());
    Worker::new(app.pool.clone(), renderer, Outgoing::from_settings(&settings).unwrap())
}

pub(crate) fn enqueue(app: &TestApp, kind: EmailKind, to: &str, order_id: i64, payload: serde_json::Value) {
    app.with_conn(|c| email::enqueue_with(c, kind, to, Some(order_id), payload, now())).expect("enqueue");
}

// ---------------------------------------------------------------------------------------------
// Tests

#[tokio::test]
async fn an_order_confirmation_reaches_a_real_smtp_server_once_with_text_and_html_parts() {
    let smtp = SmtpServer::start().await;
    let url = smtp.url();
    let app =
        TestApp::spawn_with(&[("mail.transport", "smtp"), ("mail.smtp_url", &url), ("mail.poll_ms", "100")]).await;
    let order = paid_order(&app, None);
    let status_url = "http://127.0.0.1:8080/orders/Yx3kLw9QbTq2mNf8RzV1aA";
    enqueue(&app, EmailKind::OrderConfirmation, "buyer@example.com", order.id, json!({ "status_url": status_url }));

    let got = smtp.wait_for(1).await;
    assert_eq!(got.len(), 1);
    let msg = &got[0];
    assert_eq!(msg.to, vec!["buyer@example.com".to_string()]);
    assert_eq!(header(&msg.data, "To").as_deref(), Some("buyer@example.com"));
    assert!(header(&msg.data, "From").unwrap().contains("orders@fairgold.example"));
    assert_eq!(
        header(&msg.data, "Subject").as_deref(),
        Some(format!("Your fairgold order {} is confirmed", order.reference).as_str())
    );
    let (text, html) = parts(&msg.data);
    for part in [&text, &html] {
        assert!(part.contains(&order.reference), "{part}");
        assert!(part.contains(&order.kolkata_title) && part.contains(&order.mumbai_title), "{part}");
        assert!(part.contains("$1,250.50") && part.contains("$1,770.50"), "prices and total: {part}");
        assert!(part.contains("1 Harbour Street") && part.contains("Lisbon"), "address: {part}");
    }
    assert!(text.contains(status_url), "{text}");
    assert!(html.contains("Yx3kLw9QbTq2mNf8RzV1aA"), "{html}");
    assert!(html.contains("<html"), "{html}");

    let rows = wait_outbox(&app, "the message marked sent", |r| r[0].status == "sent").await;
    assert!(rows[0].sent_at.is_some());
    assert_eq!(rows[0].attempts, 0);

    // Another instance's pass, even far in the future, finds nothing to send.
    let report = worker(&app, &url).run_once(now() + TimeDelta::days(30)).await.unwrap();
    assert_eq!(report, PassReport::default());
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(smtp.received().len(), 1, "sent once only");
}

#[tokio::test]
async fn racing_workers_send_every_kind_exactly_once_and_name_no_artisan() {
    let smtp = SmtpServer::start().await;
    let url = smtp.url();
    // No background worker in this instance: the racing workers below are the only senders.
    let app = TestApp::spawn_with(&[("mail.transport", "smtp"), ("mail.smtp_url", &url), ("mail.poll_ms", "0")]).await;
    let token = "sealedTokenAbc123xyz";
    let order = paid_order(&app, Some(token));
    app.staff("kolkata.manager@fairgold.example", "manager", Some("kolkata"));
    app.staff("mumbai.manager@fairgold.example", "manager", Some("mumbai"));
    app.staff("boss@fairgold.example", "admin", None);
    let customer = [
        (EmailKind::OrderConfirmation, json!({})),
        (EmailKind::Shipped, json!({ "shipment_id": order.shipment })),
        (EmailKind::Refunded, json!({ "refund_minor": 12_345 })),
        (EmailKind::PaymentFailed, json!({ "reason": "card declined" })),
        (EmailKind::PieceUnavailable, json!({})),
        (EmailKind::ReturnUpdate, json!({ "return_step": "approved" })),
    ];
    for (kind, payload) in &customer {
        enqueue(&app, *kind, "buyer@example.com", order.id, payload.clone());
    }
    let staff = app.with_conn(|c| {
        email::notify_center_managers(c, order.id, now()).unwrap()
            + email::notify_finance_and_admins(
                c,
                EmailKind::StaffDispute,
                order.id,
                json!({ "reason": "fraudulent" }),
                now(),
            )
            .unwrap()
            + email::notify_admins(c, EmailKind::StaffHoldLost, order.id, json!({}), now()).unwrap()
            + email::notify_finance_and_admins(
                c,
                EmailKind::StaffPaymentReview,
                order.id,
                json!({ "reason": "paid 1 (minor units) but the order's total is 177050" }),
                now(),
            )
            .unwrap()
            + email::notify_finance_and_admins(
                c,
                EmailKind::StaffDisputeClosed,
                order.id,
                json!({ "reason": "lost" }),
                now(),
            )
            .unwrap()
    });
    assert_eq!(staff, 6, "two center managers, and one admin four times");
    let total = customer.len() + staff;

    // Three instances' workers race over the same outbox.
    let (a, b, c) = (worker(&app, &url), worker(&app, &url), worker(&app, &url));
    let at = now();
    let (ra, rb, rc) = tokio::join!(a.run_once(at), b.run_once(at), c.run_once(at));
    let sent = ra.unwrap().sent + rb.unwrap().sent + rc.unwrap().sent;
    assert_eq!(sent, total, "every message sent by exactly one worker");
    let got = smtp.wait_for(total).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(smtp.received().len(), total, "no message twice");
    assert!(outbox(&app).iter().all(|r| r.status == "sent"));

    let subjects: Vec<String> = got.iter().map(|m| header(&m.data, "Subject").unwrap()).collect();
    for kind in EmailKind::ALL.into_iter().filter(|k| k.about_an_order()) {
        let subject = kind.subject(&order.reference, "fairgold");
        assert_eq!(
            subjects.iter().filter(|s| **s == subject).count(),
            if kind == EmailKind::StaffNewOrder { 2 } else { 1 },
            "{subject}"
        );
    }
    let find = |subject: String, to: &str| {
        let m = got.iter().find(|m| header(&m.data, "Subject").unwrap() == subject && m.to == [to]).expect(&subject);
        parts(&m.data)
    };
    for m in &got {
        let (text, html) = parts(&m.data);
        for part in [&text, &html, &m.data] {
            for secret in [LEGAL_NAME, "Oriel", "Pemberton", "Ori P."] {
                assert!(!part.contains(secret), "an email names the artisan (`{secret}`): {part}");
            }
            assert!(part.contains(&order.reference));
        }
    }
    // The customer's status link comes from the sealed token; staff emails never carry it.
    let (text, _) = find(EmailKind::OrderConfirmation.subject(&order.reference, "fairgold"), "buyer@example.com");
    assert!(text.contains(&format!("/orders/{token}")), "{text}");
    let (text, html) = find(EmailKind::Shipped.subject(&order.reference, "fairgold"), "buyer@example.com");
    assert!(text.contains("DHL Express") && text.contains("JD014600006281234567"), "{text}");
    assert!(html.contains("JD014600006281234567"));
    assert!(
        text.contains(
            "https://www.dhl.com/in-en/home/tracking/tracking-express.html?submit=1&tracking-id=JD014600006281234567"
        ),
        "the carrier's tracking page: {text}"
    );
    assert!(text.contains(&order.kolkata_title) && !text.contains(&order.mumbai_title), "this parcel's pieces: {text}");
    let (text, _) = find(EmailKind::Refunded.subject(&order.reference, "fairgold"), "buyer@example.com");
    assert!(text.contains("$123.45"), "{text}");
    let (text, _) = find(EmailKind::PaymentFailed.subject(&order.reference, "fairgold"), "buyer@example.com");
    assert!(text.contains("card declined"), "{text}");
    let admin_link = format!("/admin/orders/{}", order.id);
    let (text, html) =
        find(EmailKind::StaffNewOrder.subject(&order.reference, "fairgold"), "kolkata.manager@fairgold.example");
    assert!(text.contains(&order.kolkata_title) && !text.contains(&order.mumbai_title), "{text}");
    assert!(text.contains(&admin_link) && html.contains(&order.kolkata_title), "{text}");
    assert!(!text.contains(token) && !html.contains(token), "no status link for staff");
    let (text, _) =
        find(EmailKind::StaffNewOrder.subject(&order.reference, "fairgold"), "mumbai.manager@fairgold.example");
    assert!(text.contains(&order.mumbai_title) && !text.contains(&order.kolkata_title), "{text}");
    let (text, _) = find(EmailKind::StaffDispute.subject(&order.reference, "fairgold"), "boss@fairgold.example");
    assert!(text.contains(&admin_link) && text.contains("fraudulent"), "{text}");
}

#[tokio::test]
async fn an_smtp_failure_is_retried_later_and_shown_to_admins_only() {
    let dead = format!("smtp://127.0.0.1:{}", closed_port());
    let app =
        TestApp::spawn_with(&[("mail.transport", "smtp"), ("mail.smtp_url", &dead), ("mail.poll_ms", "100")]).await;
    let order = paid_order(&app, None);
    enqueue(&app, EmailKind::OrderConfirmation, "buyer@example.com", order.id, json!({}));

    let rows = wait_outbox(&app, "one failed attempt", |r| r[0].attempts == 1).await;
    let row = &rows[0];
    assert_eq!(row.status, "pending", "it will be tried again");
    assert!(row.next_attempt_at > now() + TimeDelta::seconds(50), "after a backoff: {:?}", row.next_attempt_at);
    let error = row.last_error.clone().expect("the error is kept");
    assert!(error.contains("SMTP"), "{error}");
    assert!(row.sent_at.is_none());
    // The backoff holds: no second attempt a moment later.
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(outbox(&app)[0].attempts, 1);

    app.staff("admin@fairgold.example", "admin", None);
    app.staff("manager@fairgold.example", "manager", Some("kolkata"));
    let admin = app.sign_in("admin@fairgold.example").await;
    let manager = app.sign_in("manager@fairgold.example").await;
    let res = app.get_as("/admin/email", &admin).await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains(&order.reference) && page.contains("buyer@example.com"), "{page}");
    assert!(page.contains("Order confirmation") && page.contains("1 waiting"), "{page}");
    assert!(page.contains(&html_escape(&error)), "the last error is shown: {page}");
    assert_eq!(app.get_as("/admin/email", &manager).await.status().as_u16(), 403);

    // Managers cannot force a retry; admins can, and it is logged.
    let path = format!("/admin/email/{}/retry", row.id);
    assert_eq!(app.post_form(&path, Some(&manager), &[]).await.status().as_u16(), 403);
    assert!(outbox(&app)[0].next_attempt_at > now() + TimeDelta::seconds(50), "unchanged");
    let res = app.post_form(&path, Some(&admin), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"], "/admin/email?retried=1");
    let rows = wait_outbox(&app, "the second attempt", |r| r[0].attempts == 2).await;
    assert_eq!(rows[0].status, "pending");
    let logged: i64 =
        app.with_conn(|c| audit_log::table.filter(audit_log::action.eq("email.retry")).count().get_result(c).unwrap());
    assert_eq!(logged, 1);

    // A sent message cannot be sent again.
    app.with_conn(|c| {
        diesel::update(email_outbox::table.find(row.id))
            .set((email_outbox::status.eq("sent"), email_outbox::sent_at.eq(Some(now()))))
            .execute(c)
            .unwrap()
    });
    assert_eq!(app.post_form(&path, Some(&admin), &[]).await.status().as_u16(), 400);
    assert_eq!(outbox(&app)[0].status, "sent");
}

#[tokio::test]
async fn a_recipient_the_server_refuses_fails_at_once_and_the_rest_still_go_out() {
    let smtp = SmtpServer::start().await;
    let url = smtp.url();
    let app = TestApp::spawn_with(&[("mail.transport", "smtp"), ("mail.smtp_url", &url), ("mail.poll_ms", "0")]).await;
    let order = paid_order(&app, None);
    enqueue(&app, EmailKind::Shipped, REFUSED, order.id, json!({ "shipment_id": order.shipment }));
    enqueue(&app, EmailKind::Shipped, "buyer@example.com", order.id, json!({ "shipment_id": order.shipment }));
    let report = worker(&app, &url).run_once(now()).await.unwrap();
    assert_eq!(report, PassReport { sent: 1, failed: 1, ..Default::default() });
    let rows = outbox(&app);
    assert_eq!(rows[0].status, "failed", "a permanent refusal is not retried");
    assert_eq!(rows[0].attempts, 1);
    assert!(rows[0].last_error.as_deref().unwrap().contains("550"), "{:?}", rows[0].last_error);
    assert_eq!(rows[1].status, "sent");
    assert_eq!(smtp.received().len(), 1);
    assert_eq!(smtp.received()[0].to, vec!["buyer@example.com".to_string()]);
}

#[tokio::test]
async fn a_message_stuck_in_sending_returns_to_pending_and_is_sent_later() {
    let smtp = SmtpServer::start().await;
    let url = smtp.url();
    let app = TestApp::spawn_with(&[("mail.transport", "smtp"), ("mail.smtp_url", &url), ("mail.poll_ms", "0")]).await;
    let order = paid_order(&app, None);
    enqueue(&app, EmailKind::OrderConfirmation, "buyer@example.com", order.id, json!({}));
    let w = worker(&app, &url);
    // An instance claimed it and died: the lease (10 minutes) has not run out yet.
    let t0 = now();
    app.with_conn(|c| {
        diesel::update(email_outbox::table)
            .set((email_outbox::status.eq("sending"), email_outbox::next_attempt_at.eq(t0 + TimeDelta::minutes(10))))
            .execute(c)
            .unwrap()
    });
    assert_eq!(w.run_once(t0 + TimeDelta::minutes(5)).await.unwrap(), PassReport::default(), "still leased");
    let report = w.run_once(t0 + TimeDelta::minutes(11)).await.unwrap();
    assert_eq!(report, PassReport { released: 1, ..Default::default() });
    let row = &outbox(&app)[0];
    assert_eq!((row.status.as_str(), row.attempts), ("pending", 1));
    assert!(row.last_error.as_deref().unwrap().contains("interrupted"));
    assert!(smtp.received().is_empty());
    let report = w.run_once(t0 + TimeDelta::minutes(13)).await.unwrap();
    assert_eq!(report.sent, 1);
    assert_eq!(smtp.wait_for(1).await.len(), 1);
    assert_eq!(outbox(&app)[0].status, "sent");
}

#[tokio::test]
async fn the_file_transport_writes_an_eml_file_in_the_mail_folder() {
    let app = TestApp::spawn_with(&[("mail.poll_ms", "100")]).await;
    let order = paid_order(&app, None);
    enqueue(&app, EmailKind::OrderConfirmation, "buyer@example.com", order.id, json!({}));
    wait_outbox(&app, "the message written", |r| r[0].status == "sent").await;
    let dir = app.data_dir.join("mail");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the mail folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let raw = std::fs::read_to_string(&files[0]).unwrap();
    assert_eq!(header(&raw, "To").as_deref(), Some("buyer@example.com"));
    let (text, html) = parts(&raw);
    assert!(text.contains(&order.reference) && html.contains(&order.reference));
    assert!(!raw.contains(LEGAL_NAME));
}
