//! Returns (issue 15): the whole path through HTTP — the customer asks from their order's
//! page, the manager of the pieces' workshop approves or declines and records the receipt
//! (back on sale or withdrawn), finance refunds through the order's refund path (credit note)
//! or closes; every step on the timeline and in the customer's mailbox (loopback SMTP), lost
//! races answered 409, and the makers' wages and sale bonus untouched.

use chrono::TimeDelta;
use diesel::prelude::*;
use fairgold::schema::{audit_log, invoices, ledger_entries, orders, return_requests, shipments};

use crate::checkout::{event_kinds, order_status, pay, piece_state, place, Placed};
use crate::email::{header, parts};
use crate::helpers::{now, ArtisanFixture, PieceFixture, Session, TestApp};
use crate::smtp::SmtpServer;

/// Ships and delivers every parcel of the order as its workshop's manager.
async fn deliver(app: &TestApp, manager: &Session, order: i64) {
    for (parcel, _, _) in crate::orders::parcels(app, order) {
        let at = |step: &str| format!("/admin/orders/{order}/shipments/{parcel}/{step}");
        let ship = [("carrier", "India Post"), ("tracking_number", "EE123456789IN")];
        assert_eq!(app.post_form(&at("shipped"), Some(manager), &ship).await.status().as_u16(), 303);
        assert_eq!(app.post_form(&at("delivered"), Some(manager), &[]).await.status().as_u16(), 303);
    }
}

/// The customer's return form posted from the shop's own page.
async fn ask(app: &TestApp, placed: &mut Placed, pieces: &[i64], reason: &str) -> reqwest::Response {
    let mut form: Vec<(&str, String)> = pieces.iter().map(|p| ("piece", p.to_string())).collect();
    form.push(("reason", reason.to_string()));
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let path = format!("/orders/{}/returns", placed.token);
    placed.shopper.post(app, &path, &form).await
}

fn returns_of(app: &TestApp, order: i64) -> Vec<(i64, String)> {
    app.with_conn(|c| {
        return_requests::table
            .filter(return_requests::order_id.eq(order))
            .order(return_requests::id)
            .select((return_requests::id, return_requests::status))
            .load(c)
            .unwrap()
    })
}

fn ledger(app: &TestApp) -> Vec<(i64, String, i64)> {
    app.with_conn(|c| {
        ledger_entries::table
            .order(ledger_entries::id)
            .select((ledger_entries::id, ledger_entries::kind, ledger_entries::amount_minor))
            .load(c)
            .unwrap()
    })
}

async fn text_of(res: reqwest::Response) -> (u16, String) {
    let status = res.status().as_u16();
    (status, res.text().await.unwrap())
}

#[tokio::test]
async fn returns_the_whole_path() {
    let smtp = SmtpServer::start().await;
    let url = smtp.url();
    let app =
        TestApp::spawn_with(&[("mail.transport", "smtp"), ("mail.smtp_url", &url), ("mail.poll_ms", "100")]).await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("mumbai@fairgold.test", "manager", Some("mumbai"));
    app.staff("finance@fairgold.test", "finance", None);
    let kolkata = app.sign_in("kolkata@fairgold.test").await;
    let mumbai = app.sign_in("mumbai@fairgold.test").await;
    let finance = app.sign_in("finance@fairgold.test").await;
    // The day's rupee rate, so the sale bonus is posted when the order is paid.
    let today = fairgold::wages::types::india_date(now()).to_string();
    let rate = [("currency", "USD"), ("date", today.as_str()), ("rate", "84.25")];
    assert_eq!(app.post_form("/admin/wages/rates", Some(&finance), &rate).await.status().as_u16(), 303);

    let (maker, _) = app.artisan(ArtisanFixture::default());
    let lotus = app.piece(PieceFixture { makers: vec![(maker, 600)], ..PieceFixture::new("Lotus ring") });
    let vine = app.piece(PieceFixture { makers: vec![(maker, 600)], ..PieceFixture::new("Vine ring") });
    let elsewhere = app.piece(PieceFixture::new("Another order's ring"));
    let mut placed = place(&app, &[lotus, vine]).await;
    assert_eq!(pay(&app, &mut placed, "pay").await.status().as_u16(), 303);
    let order = placed.order_id;
    let bonus_before: Vec<_> = ledger(&app).into_iter().filter(|(_, k, _)| k == "sale_bonus").collect();
    assert!(!bonus_before.is_empty(), "the sale bonus was posted at payment");

    // Not delivered yet: the order page offers no return, the form says why.
    let status_page = app.page(&format!("/orders/{}", placed.token), 200).await;
    assert!(!status_page.contains("Return pieces or follow a return"), "{status_page}");
    let (code, form) = text_of(placed.shopper.get(&app, &format!("/orders/{}/returns", placed.token)).await).await;
    assert_eq!(code, 200);
    assert!(form.contains("Not delivered yet"), "{form}");
    assert_eq!(ask(&app, &mut placed, &[lotus], "Too small").await.status().as_u16(), 400);

    deliver(&app, &kolkata, order).await;
    let status_page = app.page(&format!("/orders/{}", placed.token), 200).await;
    assert!(status_page.contains("Return pieces or follow a return"), "the order page links the form");
    let link = format!("&#x2F;orders&#x2F;{}/returns", placed.token);
    assert!(status_page.contains(&link), "to the form: {status_page}");
    let (_, form) = text_of(placed.shopper.get(&app, &format!("/orders/{}/returns", placed.token)).await).await;
    let until = (now() + TimeDelta::days(14)).format("%-d %B %Y").to_string();
    assert!(form.contains(&format!("until {until}")), "14 days from delivery: {form}");

    // Every field's error at once; only the order's own pieces.
    let (code, page) = text_of(ask(&app, &mut placed, &[], " ").await).await;
    assert_eq!(code, 400);
    assert!(page.contains("choose the pieces") && page.contains("this is required"), "{page}");
    let (code, page) = text_of(ask(&app, &mut placed, &[elsewhere], "Too small").await).await;
    assert_eq!(code, 400);
    assert!(page.contains("only this order"), "{page}");
    // A form from another site is refused.
    let res = app
        .client
        .post(format!("{}/orders/{}/returns", app.address, placed.token))
        .header("Origin", "https://evil.example")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!("piece={lotus}&reason=x"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    assert!(returns_of(&app, order).is_empty());

    // The request: one piece, with a reason; the same form again is a 409.
    let res = ask(&app, &mut placed, &[lotus], "It is too small for my finger.").await;
    assert_eq!(res.status().as_u16(), 303);
    let (code, page) = text_of(ask(&app, &mut placed, &[lotus], "Again").await).await;
    assert_eq!(code, 409);
    assert!(page.contains("already under way"), "{page}");
    let returns = returns_of(&app, order);
    assert_eq!(returns.len(), 1);
    let (id, status) = returns[0].clone();
    assert_eq!(status, "requested");
    let at = |step: &str| format!("/admin/returns/{id}/{step}");

    // Who may decide: the Kolkata manager (and admins), not Mumbai's, not finance.
    assert_eq!(app.get_as(&format!("/admin/returns/{id}"), &mumbai).await.status().as_u16(), 403);
    assert_eq!(app.post_form(&at("approve"), Some(&mumbai), &[]).await.status().as_u16(), 403);
    assert_eq!(app.post_form(&at("approve"), Some(&finance), &[]).await.status().as_u16(), 403);
    let list = app.get_as("/admin/returns", &kolkata).await.text().await.unwrap();
    assert!(list.contains(&placed.reference) && list.contains("Lotus ring"), "{list}");
    let list = app.get_as("/admin/returns", &mumbai).await.text().await.unwrap();
    assert!(!list.contains(&placed.reference), "Mumbai sees only its own returns");
    // Declining needs a message; nothing is refunded before the parcel is back.
    assert_eq!(app.post_form(&at("decline"), Some(&kolkata), &[]).await.status().as_u16(), 422);
    assert_eq!(app.post_form(&at("refund"), Some(&finance), &[]).await.status().as_u16(), 409);

    let message = [("message", "Send it insured by India Post to the Kolkata workshop.")];
    assert_eq!(app.post_form(&at("approve"), Some(&kolkata), &message).await.status().as_u16(), 303);
    // A second manager's approval (or a decline) a moment later: 409, nothing changes.
    let (code, page) = text_of(app.post_form(&at("approve"), Some(&kolkata), &message).await).await;
    assert_eq!(code, 409);
    assert!(page.contains("already"), "{page}");
    let no = [("message", "No")];
    assert_eq!(app.post_form(&at("decline"), Some(&kolkata), &no).await.status().as_u16(), 409);

    // Receipt: the condition, and the piece goes back on sale.
    assert_eq!(piece_state(&app, lotus).0, "sold");
    let receipt = [("condition", "Unworn, in its box, hallmark intact."), ("then", "restock")];
    assert_eq!(app.post_form(&at("receive"), Some(&mumbai), &receipt).await.status().as_u16(), 403);
    assert_eq!(app.post_form(&at("receive"), Some(&kolkata), &receipt).await.status().as_u16(), 303);
    assert_eq!(piece_state(&app, lotus).0, "listed", "back in the catalog");
    assert_eq!(piece_state(&app, vine).0, "sold", "the piece not returned stays sold");
    let piece_page = app.page("/pieces/lotus-ring", 200).await;
    assert!(
        piece_page.contains("action=\"/cart/add\"") && !piece_page.contains("<strong>Sold</strong>"),
        "for sale again"
    );

    // Finance refunds: the piece's price, not the shipping (not chosen).
    let ledger_before = ledger(&app);
    let page = app.get_as(&format!("/admin/returns/{id}"), &finance).await.text().await.unwrap();
    assert!(page.contains("value=\"500.00\""), "the proposal is the piece's price: {page}");
    assert_eq!(app.post_form(&at("refund"), Some(&finance), &[]).await.status().as_u16(), 303);
    let (refunded, total, shipping): (i64, i64, i64) = app.with_conn(|c| {
        orders::table
            .find(order)
            .select((orders::refunded_minor, orders::total_minor, orders::shipping_minor))
            .first(c)
            .unwrap()
    });
    assert_eq!(refunded, 50_000);
    assert!(total > refunded + shipping, "only the returned piece");
    assert_eq!(order_status(&app, order), "partially_refunded");
    assert_eq!(returns_of(&app, order)[0].1, "refunded");
    let credit_notes: i64 = app.with_conn(|c| {
        invoices::table
            .filter(invoices::order_id.eq(order))
            .filter(invoices::kind.eq("credit_note"))
            .count()
            .get_result(c)
            .unwrap()
    });
    assert_eq!(credit_notes, 1, "a credit note against the tax invoice");
    // Refunding twice: 409, no second refund.
    assert_eq!(app.post_form(&at("refund"), Some(&finance), &[]).await.status().as_u16(), 409);
    let refunded_again: i64 =
        app.with_conn(|c| orders::table.find(order).select(orders::refunded_minor).first(c).unwrap());
    assert_eq!(refunded_again, 50_000);
    // Wages are never clawed back: the ledger is exactly as before the refund.
    assert_eq!(ledger(&app), ledger_before);
    let bonus_after: Vec<_> = ledger(&app).into_iter().filter(|(_, k, _)| k == "sale_bonus").collect();
    assert_eq!(bonus_after, bonus_before);

    // The piece refunded cannot be asked for again.
    let (code, _) = text_of(ask(&app, &mut placed, &[lotus], "Once more").await).await;
    assert_eq!(code, 400);

    // The timeline: every step, for staff and for the customer.
    let kinds = event_kinds(&app, order);
    for k in
        ["return_requested", "return_approved", "return_received", "refund_requested", "refunded", "return_refunded"]
    {
        assert!(kinds.contains(&k.to_string()), "{k} in {kinds:?}");
    }
    let status_page = app.page(&format!("/orders/{}", placed.token), 200).await;
    assert!(status_page.contains("Return requested for Lotus ring"), "{status_page}");
    assert!(status_page.contains("Return of Lotus ring approved."), "{status_page}");
    assert!(status_page.contains("Returned Lotus ring received at the workshop."), "{status_page}");
    assert!(status_page.contains("Return of Lotus ring refunded: $500.00."), "{status_page}");
    assert!(!status_page.contains("hallmark intact"), "the condition note is for staff");
    let admin_page = app.get_as(&format!("/admin/orders/{order}"), &kolkata).await.text().await.unwrap();
    assert!(admin_page.contains("hallmark intact") && admin_page.contains("Back on sale."), "{admin_page}");

    // Audit: each staff step and the customer's request; the piece's return to sale.
    let actions: Vec<String> =
        app.with_conn(|c| audit_log::table.order(audit_log::id).select(audit_log::action).load(c).unwrap());
    for a in ["return.request", "return.approve", "return.receive", "piece.restock", "return.refund"] {
        assert!(actions.contains(&a.to_string()), "{a} in {actions:?}");
    }

    // The customer's mailbox: a message per step (the refund's is the refund email).
    let subject = format!("Your return for fairgold order {}", placed.reference);
    let refund_subject = format!("A refund for your fairgold order {}", placed.reference);
    let mut got = Vec::new();
    for _ in 0..100 {
        got = smtp.received();
        let n = got.iter().filter(|m| header(&m.data, "Subject").as_deref() == Some(subject.as_str())).count();
        if n >= 3 && got.iter().any(|m| header(&m.data, "Subject").as_deref() == Some(refund_subject.as_str())) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let returns_mail: Vec<(String, String)> = got
        .iter()
        .filter(|m| header(&m.data, "Subject").as_deref() == Some(subject.as_str()))
        .map(|m| {
            assert_eq!(m.to, vec!["ann@example.org".to_string()]);
            parts(&m.data)
        })
        .collect();
    assert_eq!(returns_mail.len(), 3, "requested, approved, received");
    let (text, html) = returns_mail.iter().find(|(t, _)| t.contains("is approved")).expect("the approval");
    assert!(text.contains("is approved") && text.contains("Send it insured by India Post"), "{text}");
    assert!(text.contains("- Lotus ring") && !text.contains("Vine ring"), "{text}");
    assert!(html.contains("<li>Lotus ring</li>"), "{html}");
    assert!(returns_mail.iter().any(|(t, _)| t.contains("has received the pieces")));
    assert!(returns_mail.iter().any(|(t, _)| t.contains("received your request to return")));
    let refund_mail = got.iter().find(|m| header(&m.data, "Subject").as_deref() == Some(refund_subject.as_str()));
    assert!(parts(&refund_mail.expect("the refund email").data).0.contains("$500.00"));
}

#[tokio::test]
async fn a_declined_return_a_withdrawn_piece_a_closed_return_and_the_window() {
    let app = TestApp::spawn().await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("admin@fairgold.test", "admin", None);
    let kolkata = app.sign_in("kolkata@fairgold.test").await;
    let admin = app.sign_in("admin@fairgold.test").await;
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let late = app.piece(PieceFixture::new("Late ring"));
    let mut placed = place(&app, &[piece]).await;
    assert_eq!(pay(&app, &mut placed, "pay").await.status().as_u16(), 303);
    let mut old = place(&app, &[late]).await;
    assert_eq!(pay(&app, &mut old, "pay").await.status().as_u16(), 303);
    deliver(&app, &kolkata, placed.order_id).await;
    deliver(&app, &kolkata, old.order_id).await;

    // Declined with a message: on the customer's page, and the piece may be asked for again.
    assert_eq!(ask(&app, &mut placed, &[piece], "Not as pictured").await.status().as_u16(), 303);
    let first = returns_of(&app, placed.order_id)[0].0;
    let no = [("message", "The ring was engraved at your request.")];
    assert_eq!(
        app.post_form(&format!("/admin/returns/{first}/decline"), Some(&kolkata), &no).await.status().as_u16(),
        303
    );
    let page = app.page(&format!("/orders/{}/returns", placed.token), 200).await;
    assert!(page.contains("Declined") && page.contains("engraved at your request"), "{page}");
    assert_eq!(ask(&app, &mut placed, &[piece], "It is faulty: the clasp broke").await.status().as_u16(), 303);
    let second = returns_of(&app, placed.order_id)[1].0;

    // Approved by an admin, received damaged by the manager and withdrawn, closed by an admin
    // without a refund.
    let at = |step: &str| format!("/admin/returns/{second}/{step}");
    assert_eq!(app.post_form(&at("approve"), Some(&admin), &[]).await.status().as_u16(), 303);
    let receipt = [("condition", "Worn; the clasp was forced.")];
    assert_eq!(
        app.post_form(&at("receive"), Some(&kolkata), &receipt).await.status().as_u16(),
        422,
        "restock or withdraw"
    );
    let receipt = [("condition", "Worn; the clasp was forced."), ("then", "withdraw")];
    assert_eq!(app.post_form(&at("receive"), Some(&kolkata), &receipt).await.status().as_u16(), 303);
    assert_eq!(piece_state(&app, piece).0, "withdrawn");
    assert_eq!(app.post_form(&at("close"), Some(&admin), &[]).await.status().as_u16(), 422, "why");
    let why = [("message", "The damage is not a fault of the piece.")];
    assert_eq!(app.post_form(&at("close"), Some(&admin), &why).await.status().as_u16(), 303);
    assert_eq!(app.post_form(&at("refund"), Some(&admin), &[]).await.status().as_u16(), 409, "closed");
    assert_eq!(order_status(&app, placed.order_id), "paid", "nothing refunded");
    let statuses: Vec<String> = returns_of(&app, placed.order_id).into_iter().map(|(_, s)| s).collect();
    assert_eq!(statuses, ["declined", "closed"]);
    let kinds = event_kinds(&app, placed.order_id);
    assert!(kinds.contains(&"return_declined".to_string()) && kinds.contains(&"return_closed".to_string()));

    // Delivered 15 days ago: the 14-day window has ended.
    app.with_conn(|c| {
        diesel::update(shipments::table.filter(shipments::order_id.eq(old.order_id)))
            .set(shipments::delivered_at.eq(now() - TimeDelta::days(15)))
            .execute(c)
    })
    .unwrap();
    let (code, page) = text_of(ask(&app, &mut old, &[late], "Too big").await).await;
    assert_eq!(code, 400);
    assert!(page.contains("The return window ended on"), "{page}");
    assert!(returns_of(&app, old.order_id).is_empty());
}

/// Asks for, approves and receives (back on sale) a return of `pieces`; its id.
async fn received(app: &TestApp, manager: &Session, placed: &mut Placed, pieces: &[i64]) -> i64 {
    assert_eq!(ask(app, placed, pieces, "It does not suit me.").await.status().as_u16(), 303);
    let id = returns_of(app, placed.order_id).last().unwrap().0;
    let at = |step: &str| format!("/admin/returns/{id}/{step}");
    assert_eq!(app.post_form(&at("approve"), Some(manager), &[]).await.status().as_u16(), 303);
    let receipt = [("condition", "Unworn."), ("then", "restock")];
    assert_eq!(app.post_form(&at("receive"), Some(manager), &receipt).await.status().as_u16(), 303);
    id
}

fn money_of(app: &TestApp, order: i64) -> (i64, i64, i64) {
    app.with_conn(|c| {
        orders::table
            .find(order)
            .select((orders::refunded_minor, orders::total_minor, orders::shipping_minor))
            .first(c)
            .unwrap()
    })
}

#[tokio::test]
async fn the_refund_proposal_gives_the_shipping_back_with_the_last_pieces_as_the_policy_says() {
    let app = TestApp::spawn().await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("finance@fairgold.test", "finance", None);
    let kolkata = app.sign_in("kolkata@fairgold.test").await;
    let finance = app.sign_in("finance@fairgold.test").await;
    // The policy the customer accepted says so.
    let policy = app.page("/policies/returns", 200).await;
    assert!(policy.contains("When you return every piece of the order, we also refund the original shipping cost"));

    let lotus = app.piece(PieceFixture::new("Lotus ring"));
    let vine = app.piece(PieceFixture::new("Vine ring"));
    let mut placed = place(&app, &[lotus, vine]).await;
    assert_eq!(pay(&app, &mut placed, "pay").await.status().as_u16(), 303);
    let order = placed.order_id;
    deliver(&app, &kolkata, order).await;
    let (_, total, shipping) = money_of(&app, order);
    assert!(shipping > 0, "the order paid for shipping");

    // The first piece back: its price only, the box not ticked.
    let first = received(&app, &kolkata, &mut placed, &[lotus]).await;
    let page = app.get_as(&format!("/admin/returns/{first}"), &finance).await.text().await.unwrap();
    assert!(page.contains("value=\"500.00\""), "the piece alone: {page}");
    assert!(!page.contains("value=\"on\" checked"), "shipping not proposed: {page}");
    assert_eq!(
        app.post_form(&format!("/admin/returns/{first}/refund"), Some(&finance), &[]).await.status().as_u16(),
        303
    );
    assert_eq!(money_of(&app, order).0, 50_000);

    // The last piece back: its price and the order's shipping, without ticking anything.
    let last = received(&app, &kolkata, &mut placed, &[vine]).await;
    let page = app.get_as(&format!("/admin/returns/{last}"), &finance).await.text().await.unwrap();
    let proposed = format!("value=\"{}.{:02}\"", (50_000 + shipping) / 100, (50_000 + shipping) % 100);
    assert!(page.contains(&proposed), "the piece and the shipping ({proposed}): {page}");
    assert!(page.contains("value=\"on\" checked"), "the shipping box ticked: {page}");
    assert_eq!(
        app.post_form(&format!("/admin/returns/{last}/refund"), Some(&finance), &[]).await.status().as_u16(),
        303
    );
    let (refunded, _, _) = money_of(&app, order);
    assert_eq!(refunded, total, "everything paid came back");
    assert_eq!(order_status(&app, order), "refunded");
}

#[tokio::test]
async fn with_refund_shipping_off_a_whole_order_return_proposes_the_pieces_only() {
    let app = TestApp::spawn_with(&[("returns.refund_shipping", "false")]).await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("finance@fairgold.test", "finance", None);
    let kolkata = app.sign_in("kolkata@fairgold.test").await;
    let finance = app.sign_in("finance@fairgold.test").await;
    let lotus = app.piece(PieceFixture::new("Lotus ring"));
    let mut placed = place(&app, &[lotus]).await;
    assert_eq!(pay(&app, &mut placed, "pay").await.status().as_u16(), 303);
    deliver(&app, &kolkata, placed.order_id).await;
    let id = received(&app, &kolkata, &mut placed, &[lotus]).await;
    let page = app.get_as(&format!("/admin/returns/{id}"), &finance).await.text().await.unwrap();
    assert!(page.contains("value=\"500.00\"") && !page.contains("value=\"on\" checked"), "{page}");
    assert_eq!(app.post_form(&format!("/admin/returns/{id}/refund"), Some(&finance), &[]).await.status().as_u16(), 303);
    assert_eq!(money_of(&app, placed.order_id).0, 50_000);
    assert_eq!(order_status(&app, placed.order_id), "partially_refunded");
}
