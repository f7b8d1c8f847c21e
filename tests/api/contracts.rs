//! Contracts others depend on, pinned: every email (text and HTML), a wage statement's CSV, the
//! auditors' ZIP (its files, their CSV headers, the README), the `/api/v1` JSON and the OpenAPI
//! document. A change to any of them shows up in review as a diff of a committed file.
//!
//! Snapshots live in `tests/api/snapshots/` (insta). After an intended change, review and accept
//! with `INSTA_UPDATE=always cargo test --test api contracts` (or `cargo insta review`), then look
//! at the diff. Values that differ from run to run (ids, random SKUs and public ids, timestamps,
//! hashes) are replaced by `[placeholders]`; everything else is what a reader gets.
//! The OpenAPI document is committed as `docs/openapi.json`: `UPDATE_OPENAPI=1` rewrites it.

use std::io::Read;

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use fairgold::audit::Actor;
use fairgold::config::Settings;
use fairgold::crypto::Field;
use fairgold::email::queries::OutboxRow;
use fairgold::email::EmailKind;
use fairgold::orders::emails::Renderer;
use fairgold::schema::{disputes, order_items, orders, piece_images, pieces};
use fairgold::wages::ledger::{self, NewEntry};
use fairgold::wages::service::{self, AdjustmentInput, PayoutInput};
use fairgold::wages::types::{EntryKind, PayoutMethod};
use serde_json::{json, Value};

use crate::helpers::{now, ArtisanFixture, PieceFixture, TestApp};

/// One snapshot file per contract, named after it (no module prefix, no expression line).
fn snapshot(name: &str, value: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, value));
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Replaces what follows each `marker`, up to the next `end`, by `placeholder`.
fn redact_after(text: &str, marker: &str, end: &str, placeholder: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(marker) {
        let start = i + marker.len();
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let stop = tail.find(end).unwrap_or(tail.len());
        out.push_str(placeholder);
        rest = &tail[stop..];
    }
    out.push_str(rest);
    out
}

// ---------------------------------------------------------------------------------------------
// Emails

const STATUS_TOKEN: &str = "Yx3kLw9QbTq2mNf8RzV1aA";
const DISPUTE_ID: &str = "du_1QfixtureDispute";

struct EmailOrder {
    id: i64,
    kolkata_parcel: i64,
}

/// A paid order with one Kolkata piece (its parcel shipped with DHL Express) and one Mumbai
/// piece, a dispute on it, every value fixed.
fn email_order(app: &TestApp) -> EmailOrder {
    let placed = at(2026, 10, 14, 9, 30);
    let k = app.piece(PieceFixture { price_minor: 48_000, ..PieceFixture::new("Lotus filigree ring") });
    let m = app.piece(PieceFixture { mumbai: true, price_minor: 125_050, ..PieceFixture::new("Peacock jhumkas") });
    app.with_conn(|c| {
        let id: i64 = diesel::insert_into(orders::table)
            .values((
                orders::reference.eq("FG-204817"),
                orders::status_token_hash.eq("hash-FG-204817"),
                orders::status.eq("paid"),
                orders::disputed.eq(true),
                orders::email.eq("buyer@example.com"),
                orders::ship_name.eq("Dana Buyer"),
                orders::ship_line1.eq("1 Harbour Street"),
                orders::ship_line2.eq(Some("Flat 4")),
                orders::ship_city.eq("Lisbon"),
                orders::ship_region.eq(Some("Lisboa")),
                orders::ship_postal_code.eq("1100-001"),
                orders::ship_country.eq("PT"),
                orders::shipping_option.eq("intl-express"),
                orders::subtotal_minor.eq(173_050),
                orders::shipping_minor.eq(4_000),
                orders::total_minor.eq(177_050),
                orders::refunded_minor.eq(12_345),
                orders::currency.eq("USD"),
                orders::payment_provider.eq("development"),
                orders::hold_expires_at.eq(placed + TimeDelta::minutes(45)),
                orders::created_at.eq(placed),
                orders::updated_at.eq(placed),
                orders::received_minor.eq(177_050),
            ))
            .returning(orders::id)
            .get_result(c)
            .expect("insert order");
        let sealed = app.cipher.seal(Field::ORDER_STATUS_TOKEN, id, STATUS_TOKEN);
        diesel::update(orders::table.find(id)).set(orders::status_token_sealed.eq(sealed)).execute(c).unwrap();
        for (piece, center, sku, title, price) in [
            (k, app.kolkata, "KOL-RNG-0012", "Lotus filigree ring", 48_000),
            (m, app.mumbai, "MUM-EAR-0007", "Peacock jhumkas", 125_050),
        ] {
            diesel::insert_into(order_items::table)
                .values((
                    order_items::order_id.eq(id),
                    order_items::piece_id.eq(piece),
                    order_items::center_id.eq(center),
                    order_items::sku.eq(sku),
                    order_items::title.eq(title),
                    order_items::price_minor.eq(price),
                    order_items::currency.eq("USD"),
                ))
                .execute(c)
                .expect("insert order item");
        }
        fairgold::orders::queries::insert_shipments(c, id, placed).expect("parcels");
        let kolkata_parcel = fairgold::orders::queries::shipments_of(c, id)
            .unwrap()
            .into_iter()
            .find(|s| s.center_id == app.kolkata)
            .unwrap()
            .id;
        let shipped = fairgold::orders::queries::move_shipment(
            c,
            kolkata_parcel,
            fairgold::orders::types::ShipmentStatus::Pending,
            fairgold::orders::types::ShipmentStatus::Shipped,
            Some(("DHL Express", "JD014600006281234567")),
            placed + TimeDelta::days(2),
        )
        .expect("shipped");
        assert!(shipped);
        diesel::insert_into(disputes::table)
            .values((
                disputes::id.eq(DISPUTE_ID),
                disputes::order_id.eq(id),
                disputes::amount_minor.eq(177_050),
                disputes::currency.eq("USD"),
                disputes::reason.eq("product_not_received"),
                disputes::status.eq("needs_response"),
                disputes::evidence_due_by.eq(Some(at(2026, 11, 3, 23, 59))),
                disputes::opened_at.eq(placed + TimeDelta::days(9)),
                disputes::updated_at.eq(placed + TimeDelta::days(9)),
            ))
            .execute(c)
            .expect("insert dispute");
        EmailOrder { id, kolkata_parcel }
    })
}

/// The payload each kind is enqueued with where the shop sends it (see `orders::fulfilment`).
fn payload(kind: EmailKind, order: &EmailOrder, kolkata: i64) -> Value {
    match kind {
        EmailKind::OrderConfirmation | EmailKind::PieceUnavailable | EmailKind::StaffHoldLost => json!({}),
        EmailKind::Shipped => json!({ "shipment_id": order.kolkata_parcel }),
        EmailKind::Refunded => json!({ "refund_minor": 12_345 }),
        EmailKind::PaymentFailed => json!({ "reason": "the checkout expired before payment" }),
        EmailKind::StaffNewOrder => json!({ "center_id": kolkata }),
        EmailKind::StaffDispute => json!({ "reason": "product_not_received", "dispute_id": DISPUTE_ID }),
        EmailKind::StaffPaymentReview => {
            json!({ "reason": "paid 1 (minor units) but the order's total is 177050" })
        }
        EmailKind::StaffDisputeClosed => json!({ "reason": "lost", "dispute_id": DISPUTE_ID }),
        // Without a return row the email lists no pieces; `returns.rs` checks the list.
        EmailKind::ReturnUpdate => {
            json!({ "return_step": "declined", "reason": "The ring was engraved at your request." })
        }
        EmailKind::StaffSignInAttack => json!({
            "account": "rupa@fairgold.example",
            "reason": "5 failed sign-ins in the last 15 minutes, from 3 networks."
        }),
    }
}

#[tokio::test]
async fn every_email_kind_renders_as_pinned_in_text_and_html() {
    let app = TestApp::spawn().await;
    let order = email_order(&app);
    // The shop's default identity and base URL: nothing from this machine's environment.
    let settings = Settings::from_overrides(&[]).unwrap();
    let renderer = Renderer::load(&settings, app.cipher.clone()).unwrap();
    let placed = at(2026, 10, 14, 9, 30);
    for kind in EmailKind::ALL {
        let row = OutboxRow {
            id: 1,
            kind,
            to_address: "buyer@example.com".into(),
            order_id: Some(order.id),
            status: "pending".into(),
            attempts: 0,
            next_attempt_at: placed,
            last_error: None,
            sent_at: None,
            created_at: placed,
            payload: payload(kind, &order, app.kolkata).to_string(),
            message_key: None,
        };
        let rendered = app.with_conn(|c| renderer.render(c, &row)).unwrap_or_else(|e| panic!("{}: {e}", kind.code()));
        // The order's id is the one number a fresh database may number differently.
        let admin_link = format!("/admin/orders/{}", order.id);
        let fix = |s: &str| s.replace(&admin_link, "/admin/orders/[order id]");
        let text = format!("Subject: {}\n\n{}", rendered.subject, fix(&rendered.text));
        snapshot(&format!("email_{}_text", kind.code()), &text);
        snapshot(&format!("email_{}_html", kind.code()), &fix(&rendered.html));
    }
}

// ---------------------------------------------------------------------------------------------
// The wage ledger: a statement's CSV and the auditors' ZIP

const LEGAL_NAME: &str = "Rupali Dasgupta";

/// September 2025 for one Kolkata artisan: a piece's wages, an approved and a rejected
/// adjustment, a payout; August's balance carried in. Returns (public id, the piece's SKU).
fn wage_month(app: &TestApp) -> (String, String) {
    let (a, public_id) =
        app.artisan(ArtisanFixture { alias: "Rupa D.", legal_name: LEGAL_NAME, ..ArtisanFixture::default() });
    let piece = app.piece(PieceFixture { makers: vec![(a, 600)], ..PieceFixture::new("Filigree jhumkas") });
    let sku: String = app.with_conn(|c| pieces::table.find(piece).select(pieces::sku).first(c).unwrap());
    let wage = |piece_id: Option<i64>, amount: i64, minutes: i64, on: NaiveDate| {
        let mut e = NewEntry::new(EntryKind::WageEarned, a, app.kolkata, amount, on);
        e.labor_minutes = Some(minutes);
        e.piece_id = piece_id;
        e.details = json!({ "piece_minutes": minutes });
        e.recorded_by = "test".into();
        app.with_conn(|c| ledger::append(c, &e, now())).unwrap();
    };
    let payout = |amount: i64, on: NaiveDate, reference: &str| {
        let p = PayoutInput {
            artisan_id: a,
            amount_minor: amount,
            paid_on: on,
            method: PayoutMethod::Bank,
            reference: reference.into(),
        };
        app.with_conn(|c| service::record_payout(c, &Actor::system("test"), &p, now())).unwrap();
    };
    wage(None, 300_000, 1_800, day(2025, 8, 5));
    payout(100_000, day(2025, 8, 30), "UTR-AUG");
    wage(Some(piece), 150_000, 600, day(2025, 9, 12));
    let (f1, f2) = (Actor::system("finance-one"), Actor::system("finance-two"));
    let adjustment = |amount: i64, reason: &str| AdjustmentInput {
        artisan_id: a,
        amount_minor: amount,
        on: day(2025, 9, 20),
        reason: reason.into(),
        corrects: None,
        corrects_month: None,
    };
    for (amount, reason, approve) in [
        (25_000, "Polishing time missed on the labor record", true),
        (99_900, "Duplicate claim for the same piece", false),
    ] {
        let id = app.with_conn(|c| service::propose_adjustment(c, &f1, &adjustment(amount, reason), now())).unwrap();
        app.with_conn(|c| service::decide_adjustment(c, &f2, id, approve, "checked", now())).unwrap();
    }
    payout(220_000, day(2025, 9, 28), "UTR-SEP");
    (public_id, sku)
}

#[tokio::test]
async fn a_wage_statement_downloads_as_the_pinned_csv() {
    let app = TestApp::spawn().await;
    let (public_id, sku) = wage_month(&app);
    app.staff("fin@example.org", "finance", None);
    let fin = app.sign_in("fin@example.org").await;
    let res = app.get_as(&format!("/admin/wages/statements/{public_id}/2025-09/csv"), &fin).await;
    assert_eq!(res.status().as_u16(), 200);
    let disposition = res.headers()["content-disposition"].to_str().unwrap().replace(&public_id, "[public id]");
    let csv = res.text().await.unwrap().replace(&public_id, "[public id]").replace(&sku, "[sku]");
    snapshot("wages_statement_csv", &format!("Content-Disposition: {disposition}\n\n{csv}"));
}

#[tokio::test]
async fn the_auditors_zip_holds_the_pinned_files_headers_and_readme() {
    let app = TestApp::spawn().await;
    wage_month(&app);
    app.staff("fin@example.org", "finance", None);
    let fin = app.sign_in("fin@example.org").await;
    let res = app.get_as("/admin/wages/export?from=2025-09-01&to=2025-09-30", &fin).await;
    assert_eq!(res.status().as_u16(), 200);
    let bytes = res.bytes().await.unwrap().to_vec();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
    let names: Vec<String> = zip.file_names().map(str::to_string).collect();
    let mut manifest = String::from("Files, in the archive's order (a CSV with its header and how many rows):\n");
    let mut texts = String::new();
    for name in &names {
        let mut body = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut body).unwrap();
        if name.ends_with(".csv") {
            let mut reader = csv::Reader::from_reader(body.as_bytes());
            let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
            let rows = reader.records().count();
            manifest.push_str(&format!("{name}: {rows} rows\n  {}\n", header.join(",")));
        } else {
            manifest.push_str(&format!("{name}\n"));
            let body = redact_after(&body, "Exported at ", " UTC", "[time]");
            let body = redact_after(&body, "Checked at ", " UTC", "[time]");
            let body = redact_after(&body, "Last hash: ", "\n", "[hash]");
            texts.push_str(&format!("\n===== {name} =====\n{body}"));
        }
    }
    snapshot("wages_export_zip_manifest", &format!("{manifest}{texts}"));
}

// ---------------------------------------------------------------------------------------------
// The public JSON API

/// Replaces the values of `keys` (wherever they occur) by `"[key]"`, and every occurrence of
/// each `(volatile, placeholder)` inside strings.
fn redact(value: &mut Value, keys: &[&str], strings: &[(String, &str)]) {
    match value {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if keys.contains(&k.as_str()) && !v.is_null() {
                    *v = Value::String(format!("[{k}]"));
                } else {
                    redact(v, keys, strings);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| redact(v, keys, strings)),
        Value::String(s) => {
            for (volatile, placeholder) in strings {
                *s = s.replace(volatile.as_str(), placeholder);
            }
        }
        _ => {}
    }
}

/// Gives a fixture's piece fixed values where the fixture picks random or relative ones, so the
/// snapshot shows real values (and their formats). Written before any request: nothing cached.
fn fix_piece(app: &TestApp, id: i64, sku: &str, listed_at: NaiveDateTime, image: &str) {
    app.with_conn(|c| {
        diesel::update(pieces::table.find(id))
            .set((pieces::sku.eq(sku), pieces::listed_at.eq(Some(listed_at))))
            .execute(c)
            .unwrap();
        diesel::update(piece_images::table.filter(piece_images::piece_id.eq(id)))
            .set(piece_images::path.eq(image))
            .execute(c)
            .unwrap();
    });
}

/// Keys come out sorted (serde_json's map): a snapshot pins the fields, not their order.
fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap()
}

#[tokio::test]
async fn the_public_api_answers_in_the_pinned_json_shapes() {
    let app = TestApp::spawn().await;
    let (asha, public_id) = app.artisan(ArtisanFixture {
        alias: "Asha K.",
        story: Some("Asha learned filigree in Kolkata."),
        story_consent: true,
        profile_consent: true,
        ..Default::default()
    });
    let emerald = app.piece(PieceFixture {
        huid: Some("ZX98YU"),
        stones: vec![("emerald".into(), 2, 30)],
        makers: vec![(asha, 720)],
        featured: true,
        ..PieceFixture::new("Emerald ring")
    });
    let jhumkas = app.piece(PieceFixture {
        kind: "earrings",
        ring_size: None,
        mumbai: true,
        price_minor: 125_050,
        ..PieceFixture::new("Peacock jhumkas")
    });
    fix_piece(&app, emerald, "KOL-RNG-0012", at(2026, 10, 12, 6, 45), "pieces/kol-rng-0012.svg");
    fix_piece(&app, jhumkas, "MUM-EAR-0007", at(2026, 10, 9, 11, 5), "pieces/mum-ear-0007.svg");
    let keys = ["id"];
    // The base URL follows the port this test's app was given (`Settings::follow_listener`).
    let strings = [(public_id, "[public id]"), (app.address.clone(), "[base url]")];

    let mut list = app.json("/api/v1/pieces?per_page=2", 200).await;
    redact(&mut list, &keys, &strings);
    snapshot("api_v1_pieces", &pretty(&list));

    let mut detail = app.json("/api/v1/pieces/emerald-ring", 200).await;
    redact(&mut detail, &keys, &strings);
    snapshot("api_v1_piece", &pretty(&detail));

    let mut error = app.json("/api/v1/pieces?price_min=abc", 400).await;
    redact(&mut error, &keys, &strings);
    snapshot("api_v1_error", &pretty(&error));
}

// ---------------------------------------------------------------------------------------------
// The OpenAPI document

#[tokio::test]
async fn the_served_openapi_document_is_the_committed_one() {
    let app = TestApp::spawn().await;
    let res = app.get("/api/openapi.json").await;
    assert_eq!(res.status().as_u16(), 200);
    let served = res.text().await.unwrap();
    let served = format!("{}\n", served.trim_end());
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/openapi.json");
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(&path, &served).expect("write docs/openapi.json");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != served {
        let first = committed.lines().zip(served.lines()).position(|(a, b)| a != b);
        let line = first.unwrap_or_else(|| committed.lines().count().min(served.lines().count()));
        let show = |s: &str| s.lines().skip(line.saturating_sub(2)).take(5).collect::<Vec<_>>().join("\n");
        panic!(
            "the OpenAPI document the app serves differs from docs/openapi.json (first at line {}).\n\
             committed:\n{}\nserved:\n{}\n\
             If the API change is intended, regenerate the file and commit it with the change:\n  \
             UPDATE_OPENAPI=1 cargo test --test api contracts::the_served_openapi_document_is_the_committed_one",
            line + 1,
            show(&committed),
            show(&served),
        );
    }
}
