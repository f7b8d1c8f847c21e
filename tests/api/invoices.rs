//! GST tax invoices and credit notes (issue 15): issued in the payment's own write, numbered
//! from one consecutive series per financial year without gaps (also when two payments arrive
//! at once), CGST + SGST within the seller's state, IGST to another state, zero-rated exports
//! under the LUT, credit notes reversing the tax in proportion, the customer's and the staff's
//! printable pages (scoped), and finance's monthly CSV.

use diesel::prelude::*;
use fairgold::invoices::tax::{FinancialYear, Series};
use fairgold::schema::invoices;

use crate::checkout::{pay, Placed, Shopper};
use crate::helpers::{csrf_in, now, PieceFixture, Session, TestApp};

/// An address in India (the seller's default state is West Bengal, GST code 19).
fn indian_address(region: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("email", "ria@example.in"),
        ("name", "Ria Sen"),
        ("line1", "4 Lake Road"),
        ("city", if region == "Maharashtra" { "Pune" } else { "Kolkata" }),
        ("region", region),
        ("postal_code", "700029"),
        ("country", "IN"),
        ("phone", "+91 98300 12345"),
        ("shipping", "in-courier"),
    ]
}

/// Places an order for the pieces, shipped to `address`, as a customer does.
async fn place_to(app: &TestApp, piece_ids: &[i64], address: &[(&str, &str)]) -> Placed {
    let mut shopper = Shopper::default();
    for id in piece_ids {
        assert_eq!(shopper.add(app, *id).await.status().as_u16(), 303);
    }
    let res = shopper.check_out(app, address).await;
    assert_eq!(res.status().as_u16(), 303, "checkout: {}", res.text().await.unwrap_or_default());
    let pay_url = res.headers()["location"].to_str().unwrap().to_string();
    let (path, query) = pay_url.split_once("?token=").unwrap();
    let reference = path.rsplit('/').next().unwrap().to_string();
    let order_id = app.with_conn(|c| {
        use fairgold::schema::orders;
        orders::table.filter(orders::reference.eq(&reference)).select(orders::id).first::<i64>(c).unwrap()
    });
    Placed { shopper, reference, token: query.to_string(), order_id, pay_url }
}

async fn paid_order(app: &TestApp, title: &str, address: &[(&str, &str)]) -> Placed {
    let piece = app.piece(PieceFixture::new(title));
    let mut placed = place_to(app, &[piece], address).await;
    assert_eq!(pay(app, &mut placed, "pay").await.status().as_u16(), 303);
    placed
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
struct Doc {
    id: i64,
    kind: String,
    number: String,
    place_of_supply: String,
    export: bool,
    taxable: i64,
    cgst: i64,
    sgst: i64,
    igst: i64,
    total: i64,
}

fn docs_of(app: &TestApp, order_id: i64) -> Vec<Doc> {
    app.with_conn(|c| {
        invoices::table
            .filter(invoices::order_id.eq(order_id))
            .order(invoices::id)
            .select((
                invoices::id,
                invoices::kind,
                invoices::number,
                invoices::place_of_supply,
                invoices::export,
                invoices::taxable_minor,
                invoices::cgst_minor,
                invoices::sgst_minor,
                invoices::igst_minor,
                invoices::total_minor,
            ))
            .load(c)
            .unwrap()
    })
}

/// The number the `n`th document of a series gets this financial year.
fn expected_number(series: Series, n: i64) -> String {
    let year = FinancialYear::of(fairgold::wages::types::india_date(now()));
    fairgold::invoices::tax::number("FG", series, year, n).unwrap()
}

/// HTML with the entities tera writes turned back into characters (`/` is written `&#x2F;`).
fn decoded(html: &str) -> String {
    html.replace("&#x2F;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The page's text without tags (what a reader sees), spaces collapsed.
fn text_of(html: &str) -> String {
    let no_tags = regex_lite::Regex::new(r"<[^>]*>").unwrap().replace_all(html, " ");
    decoded(&no_tags).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn a_buyer_in_the_sellers_state_pays_cgst_and_sgst_that_add_up_exactly() {
    let app = TestApp::spawn().await;
    let placed = paid_order(&app, "Lotus ring", &indian_address("West Bengal")).await;
    let docs = docs_of(&app, placed.order_id);
    assert_eq!(docs.len(), 1, "one invoice in the payment's write");
    let inv = &docs[0];
    assert_eq!(inv.kind, "invoice");
    assert_eq!(inv.number, expected_number(Series::Invoice, 1));
    assert!(inv.number.len() <= 16);
    assert_eq!(inv.place_of_supply, "West Bengal (19)");
    // Piece 500.00: taxable round(50,000 × 100 / 103) = 48,544, tax 1,456 = 728 + 728.
    // Shipping 10.00: taxable 971, tax 29 = 15 + 14 (the odd paisa to CGST).
    assert_eq!((inv.taxable, inv.cgst, inv.sgst, inv.igst, inv.total), (49_515, 743, 742, 0, 51_000));
    assert_eq!(inv.taxable + inv.cgst + inv.sgst, inv.total);
    assert!(!inv.export);

    let page = app.page(&format!("/orders/{}/invoice", placed.token), 200).await;
    let text = text_of(&page);
    for expected in [
        "Tax invoice",
        inv.number.as_str(),
        "GSTIN 19AAAAA0000A1ZZ",
        "Registered office: 12 Example Road",
        "Place of supply West Bengal (19)",
        "HSN 7113",
        "CGST 1.5 % + SGST 1.5 %",
        "Ria Sen",
        "4 Lake Road",
        "Ring in yellow gold 22K916 (22 karat, 91.6% gold), net metal weight 4.100 g",
        "$485.44 $7.28 $7.28 $500.00",
        // The option in words, as the buyer chose it, not its code.
        "Shipping and insurance (Insured courier within India, 3–5 working days)",
        "Total $495.15 $7.43 $7.42 $510.00",
    ] {
        assert!(text.contains(expected), "the invoice shows `{expected}`:\n{text}");
    }
    assert!(!text.contains("IGST"), "no IGST column within the state");
    assert!(!text.contains("in-courier"), "no shipping code on the invoice");
    assert!(!text.contains("Charged"), "charged in the order's own currency: nothing to state");
    // The customer's status page links to it.
    let status = decoded(&app.page(&format!("/orders/{}", placed.token), 200).await);
    assert!(status.contains(&format!("/orders/{}/invoice", placed.token)) && status.contains(&inv.number));
}

#[tokio::test]
async fn a_buyer_in_another_state_pays_igst() {
    let app = TestApp::spawn().await;
    let placed = paid_order(&app, "Lotus ring", &indian_address("MH")).await;
    let inv = docs_of(&app, placed.order_id).remove(0);
    assert_eq!(inv.place_of_supply, "Maharashtra (27)");
    assert_eq!((inv.taxable, inv.cgst, inv.sgst, inv.igst, inv.total), (49_515, 0, 0, 1_485, 51_000));
    let text = text_of(&app.page(&format!("/orders/{}/invoice", placed.token), 200).await);
    assert!(text.contains("IGST 3 %") && text.contains("$14.85"), "{text}");
    assert!(!text.contains("CGST"));
}

#[tokio::test]
async fn an_export_is_zero_rated_under_the_lut() {
    let app = TestApp::spawn().await;
    let placed = paid_order(&app, "Lotus ring", crate::checkout::ADDRESS).await;
    let inv = docs_of(&app, placed.order_id).remove(0);
    assert_eq!(inv.place_of_supply, "Outside India");
    assert!(inv.export);
    // 500.00 + 45.00 express shipping, all taxable value, no tax.
    assert_eq!((inv.taxable, inv.cgst, inv.sgst, inv.igst, inv.total), (54_500, 0, 0, 0, 54_500));
    let text = text_of(&app.page(&format!("/orders/{}/invoice", placed.token), 200).await);
    assert!(
        text.contains(
            "Supply meant for export under LUT without payment of integrated tax (LUT AD1903260000000 (demo))"
        ),
        "{text}"
    );
    assert!(text.contains("Place of supply Outside India") && text.contains("Germany"), "{text}");
}

#[tokio::test]
async fn two_payments_at_once_get_consecutive_numbers_without_a_gap() {
    let app = TestApp::spawn().await;
    // A payment that loses its piece issues no invoice and takes no number.
    let contested = app.piece(PieceFixture::new("Contested ring"));
    let mut lost = place_to(&app, &[contested], &indian_address("West Bengal")).await;
    crate::checkout::expire_hold(&app, contested);
    let _winner = place_to(&app, &[contested], crate::checkout::ADDRESS).await;
    pay(&app, &mut lost, "pay").await;
    assert!(docs_of(&app, lost.order_id).is_empty());

    let a = app.piece(PieceFixture::new("Ring A"));
    let b = app.piece(PieceFixture::new("Ring B"));
    let mut first = place_to(&app, &[a], &indian_address("West Bengal")).await;
    let mut second = place_to(&app, &[b], crate::checkout::ADDRESS).await;
    let (r1, r2) = tokio::join!(pay(&app, &mut first, "pay"), pay(&app, &mut second, "pay"));
    assert_eq!((r1.status().as_u16(), r2.status().as_u16()), (303, 303));
    let mut numbers: Vec<String> = [first.order_id, second.order_id]
        .iter()
        .map(|id| {
            let d = docs_of(&app, *id);
            assert_eq!(d.len(), 1, "order {id} has its invoice");
            d[0].number.clone()
        })
        .collect();
    numbers.sort();
    assert_eq!(numbers, vec![expected_number(Series::Invoice, 1), expected_number(Series::Invoice, 2)]);
    // A duplicate payment report issues nothing more.
    let total: i64 = app.with_conn(|c| {
        use fairgold::schema::orders;
        orders::table.find(first.order_id).select(orders::total_minor).first(c).unwrap()
    });
    app.with_conn(|c| crate::checkout::report_payment(c, first.order_id, "pi_again", total));
    let all: i64 = app.with_conn(|c| invoices::table.count().get_result(c).unwrap());
    assert_eq!(all, 2);
}

async fn refund(app: &TestApp, admin: &Session, id: i64, amount: &str) {
    let page = app.get_as(&format!("/admin/orders/{id}"), admin).await.text().await.unwrap();
    let key = page.split("name=\"idempotency_key\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    assert!(csrf_in(&page).is_some());
    let form = [("amount", amount), ("reason", "customer returned it"), ("idempotency_key", key.as_str())];
    let res = app.post_form(&format!("/admin/orders/{id}/refund"), Some(admin), &form).await;
    assert_eq!(res.status().as_u16(), 303);
}

#[tokio::test]
async fn refunds_make_credit_notes_that_reverse_the_tax_in_proportion() {
    let app = TestApp::spawn().await;
    app.staff("admin@fairgold.test", "admin", None);
    let placed = paid_order(&app, "Lotus ring", &indian_address("West Bengal")).await;
    let id = placed.order_id;
    let admin = app.sign_in("admin@fairgold.test").await;

    refund(&app, &admin, id, "100.00").await;
    let docs = docs_of(&app, id);
    assert_eq!(docs.len(), 2);
    let (inv, cn) = (&docs[0], &docs[1]);
    assert_eq!(cn.kind, "credit_note");
    assert_eq!(cn.number, expected_number(Series::CreditNote, 1));
    assert!(cn.number.len() <= 16);
    // 49,515 × 10,000 / 51,000 = 9,708.8 → 9,709; tax 291 = 146 + 145.
    assert_eq!((cn.taxable, cn.cgst, cn.sgst, cn.igst, cn.total), (9_709, 146, 145, 0, 10_000));
    let text = text_of(&app.page(&format!("/orders/{}/credit-notes/{}", placed.token, cn.id), 200).await);
    assert!(text.contains("Credit note") && text.contains(&cn.number), "{text}");
    assert!(text.contains(&format!("Against tax invoice {}", inv.number)), "{text}");

    // The rest: the invoice and its credit notes net to zero in every column.
    refund(&app, &admin, id, "").await;
    let docs = docs_of(&app, id);
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[2].number, expected_number(Series::CreditNote, 2));
    let credited = |f: fn(&Doc) -> i64| docs[1..].iter().map(f).sum::<i64>();
    assert_eq!(
        (credited(|d| d.taxable), credited(|d| d.cgst), credited(|d| d.sgst), credited(|d| d.total)),
        (docs[0].taxable, docs[0].cgst, docs[0].sgst, docs[0].total)
    );
    // The webhook's echo of the same total issues nothing.
    app.with_conn(|c| fairgold::orders::fulfilment::refund_recorded(c, id, 51_000, "webhook", now())).unwrap();
    assert_eq!(docs_of(&app, id).len(), 3);
    let status = decoded(&app.page(&format!("/orders/{}", placed.token), 200).await);
    assert!(status.contains(&docs[1].number) && status.contains(&docs[2].number));
}

#[tokio::test]
async fn only_the_orders_own_token_opens_its_documents() {
    let app = TestApp::spawn().await;
    app.staff("admin@fairgold.test", "admin", None);
    let mine = paid_order(&app, "Lotus ring", &indian_address("West Bengal")).await;
    let other = paid_order(&app, "Peacock ring", crate::checkout::ADDRESS).await;
    let admin = app.sign_in("admin@fairgold.test").await;
    refund(&app, &admin, mine.order_id, "50.00").await;
    let cn = docs_of(&app, mine.order_id)[1].id;

    assert_eq!(app.get(&format!("/orders/{}/invoice", mine.token)).await.status().as_u16(), 200);
    // Another customer's token shows their own invoice, never this one, nor this credit note.
    let theirs = app.page(&format!("/orders/{}/invoice", other.token), 200).await;
    assert!(!theirs.contains("Ria Sen") && theirs.contains("Ann Lee"));
    assert_eq!(app.get(&format!("/orders/{}/credit-notes/{cn}", other.token)).await.status().as_u16(), 404);
    assert_eq!(app.get(&format!("/orders/{}/credit-notes/{cn}", mine.token)).await.status().as_u16(), 200);
    // A made-up token, and an order not paid yet, have none.
    assert_eq!(app.get("/orders/not-a-real-token/invoice").await.status().as_u16(), 404);
    let piece = app.piece(PieceFixture::new("Unpaid ring"));
    let unpaid = place_to(&app, &[piece], &indian_address("West Bengal")).await;
    assert_eq!(app.get(&format!("/orders/{}/invoice", unpaid.token)).await.status().as_u16(), 404);
    let res = app.get(&format!("/orders/{}/invoice", mine.token)).await;
    assert_eq!(res.headers()["cache-control"], "no-store");
}

#[tokio::test]
async fn staff_see_an_orders_invoice_only_within_their_scope() {
    let app = TestApp::spawn().await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("mumbai@fairgold.test", "manager", Some("mumbai"));
    app.staff("finance@fairgold.test", "finance", None);
    let placed = paid_order(&app, "Lotus ring", &indian_address("West Bengal")).await;
    let id = placed.order_id;
    let number = docs_of(&app, id)[0].number.clone();
    let path = format!("/admin/orders/{id}/invoice");
    let kolkata = app.sign_in("kolkata@fairgold.test").await;
    let mumbai = app.sign_in("mumbai@fairgold.test").await;
    let finance = app.sign_in("finance@fairgold.test").await;
    let page = decoded(&app.get_as(&path, &kolkata).await.text().await.unwrap());
    assert!(page.contains(&number));
    let detail = decoded(&app.get_as(&format!("/admin/orders/{id}"), &kolkata).await.text().await.unwrap());
    assert!(detail.contains(&number));
    assert_eq!(app.get_as(&path, &mumbai).await.status().as_u16(), 403);
    assert_eq!(app.get_as(&path, &finance).await.status().as_u16(), 200);
    assert_eq!(app.get_as("/admin/invoices", &kolkata).await.status().as_u16(), 403);
    assert_eq!(app.get_as("/admin/invoices.csv", &mumbai).await.status().as_u16(), 403);
}

#[tokio::test]
async fn the_months_csv_lists_every_document_and_sums_to_what_was_kept() {
    let app = TestApp::spawn().await;
    app.staff("admin@fairgold.test", "admin", None);
    app.staff("finance@fairgold.test", "finance", None);
    let intra = paid_order(&app, "Ring A", &indian_address("West Bengal")).await;
    let inter = paid_order(&app, "Ring B", &indian_address("Maharashtra")).await;
    let export = paid_order(&app, "Ring C", crate::checkout::ADDRESS).await;
    let admin = app.sign_in("admin@fairgold.test").await;
    refund(&app, &admin, intra.order_id, "100.00").await;

    let finance = app.sign_in("finance@fairgold.test").await;
    let month = fairgold::wages::types::india_date(now()).format("%Y-%m").to_string();
    let res = app.get_as(&format!("/admin/invoices.csv?month={month}"), &finance).await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let body = res.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "document",
            "number",
            "date",
            "order_id",
            "against_invoice_id",
            "buyer_gstin",
            "buyer_type",
            "place_of_supply",
            "currency",
            "taxable_value",
            "cgst",
            "sgst",
            "igst",
            "total",
            "export"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 4, "three invoices and a credit note:\n{body}");
    let cents = |s: &str| -> i64 {
        let (w, f) = s.trim_start_matches('-').split_once('.').unwrap();
        let v = w.parse::<i64>().unwrap() * 100 + f.parse::<i64>().unwrap();
        if s.starts_with('-') {
            -v
        } else {
            v
        }
    };
    let sum = |col: usize| rows.iter().map(|r| cents(&r[col])).sum::<i64>();
    // What the shop kept: 510.00 + 510.00 + 545.00 − 100.00 refunded.
    assert_eq!(sum(13), 51_000 + 51_000 + 54_500 - 10_000);
    assert_eq!(sum(9) + sum(10) + sum(11) + sum(12), sum(13), "every column adds up to the totals");
    assert_eq!((sum(10), sum(11), sum(12)), (743 - 146, 742 - 145, 1_485));
    let numbers: Vec<&str> = rows.iter().map(|r| &r[1]).collect();
    for placed in [&intra, &inter, &export] {
        let n = docs_of(&app, placed.order_id)[0].number.clone();
        assert!(numbers.contains(&n.as_str()), "{n} in {numbers:?}");
    }
    assert!(rows.iter().all(|r| r[5].is_empty() && &r[6] == "B2C"));
    assert_eq!(rows.iter().filter(|r| &r[14] == "yes").count(), 1, "the export is flagged");
    let cn = rows.iter().find(|r| &r[0] == "credit_note").unwrap();
    assert_eq!(&cn[13], "-100.00");
    // The page shows the same month with its sums.
    let page = app.get_as(&format!("/admin/invoices?month={month}"), &finance).await.text().await.unwrap();
    assert!(page.contains("$1,465.00"), "the sum of the totals: {}", text_of(&page));
    assert_eq!(app.get_as("/admin/invoices?month=2026-13", &finance).await.status().as_u16(), 400);
}

#[tokio::test]
async fn the_order_confirmation_carries_the_tax_invoice_and_its_link() {
    let app = TestApp::spawn_with(&[("mail.poll_ms", "100")]).await;
    let placed = paid_order(&app, "Lotus ring", &indian_address("West Bengal")).await;
    let number = docs_of(&app, placed.order_id)[0].number.clone();
    let dir = app.data_dir.join("mail");
    let mut raw = String::new();
    for _ in 0..100 {
        let files: Vec<_> = std::fs::read_dir(&dir)
            .map(|d| d.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "eml")).collect())
            .unwrap_or_default();
        if let Some(found) = files.iter().map(|f| std::fs::read_to_string(f).unwrap()).find(|m| m.contains("confirmed"))
        {
            raw = found;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(!raw.is_empty(), "the confirmation was written");
    let unfolded = raw.replace("=\r\n", "").replace("=\n", "");
    assert!(unfolded.contains(&format!("/orders/{}/invoice", placed.token)), "the link: {raw}");
    assert!(raw.contains("multipart/mixed"), "{raw}");
    let filename = format!("tax-invoice-{}.html", number.replace('/', "-"));
    assert!(raw.contains("Content-Disposition: attachment") && raw.contains(&filename), "the attachment: {raw}");
}
