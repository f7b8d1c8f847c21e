//! The order lifecycle: payment events applied once in any order, a payment that lost its
//! pieces, managers packing and shipping their own center's orders, the customer's page
//! showing tracking, and admin refunds (development path) with idempotency.

use diesel::prelude::*;
use fairgold::orders::fulfilment::{self, DisputeReport, PaymentOutcome, Unpaid};
use fairgold::schema::{orders, refunds};

use crate::checkout::{event_kinds, expire_hold, order_status, outbox, pay, piece_state, place, report_payment};
use crate::helpers::{csrf_in, now, PieceFixture, TestApp};

#[tokio::test]
async fn payment_succeeded_twice_is_applied_once() {
    let app = TestApp::spawn().await;
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let placed = place(&app, &[piece]).await;
    let total: i64 =
        app.with_conn(|c| orders::table.find(placed.order_id).select(orders::total_minor).first(c).unwrap());
    let first = app.with_conn(|c| Ok::<_, ()>(report_payment(c, placed.order_id, "pi_1", total)));
    let second = app.with_conn(|c| Ok::<_, ()>(report_payment(c, placed.order_id, "pi_1", total)));
    assert_eq!(first.unwrap(), PaymentOutcome::Paid);
    assert_eq!(second.unwrap(), PaymentOutcome::AlreadyApplied);
    assert_eq!(event_kinds(&app, placed.order_id), vec!["created", "paid"]);
    assert_eq!(outbox(&app, placed.order_id).iter().filter(|(k, _)| k == "order_confirmation").count(), 1);
    // Expired after completed: no change.
    app.with_conn(|c| fulfilment::payment_failed(c, placed.order_id, Unpaid::SessionExpired, "webhook", now()))
        .unwrap();
    assert_eq!(order_status(&app, placed.order_id), "paid");
    assert_eq!(piece_state(&app, piece), ("sold".into(), None));
}

#[tokio::test]
async fn completed_after_expired_still_sells_a_piece_that_is_free() {
    let app = TestApp::spawn().await;
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let placed = place(&app, &[piece]).await;
    app.with_conn(|c| fulfilment::payment_failed(c, placed.order_id, Unpaid::SessionExpired, "webhook", now()))
        .unwrap();
    assert_eq!(piece_state(&app, piece), ("listed".into(), None));
    let outcome = app.with_conn(|c| Ok::<_, ()>(report_payment(c, placed.order_id, "pi_2", 54_500)));
    assert_eq!(outcome.unwrap(), PaymentOutcome::Paid);
    assert_eq!(order_status(&app, placed.order_id), "paid");
    assert_eq!(piece_state(&app, piece), ("sold".into(), None));
}

#[tokio::test]
async fn a_payment_after_the_hold_was_taken_over_is_hold_lost() {
    let app = TestApp::spawn().await;
    app.staff("admin@fairgold.test", "admin", None);
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let first = place(&app, &[piece]).await;
    expire_hold(&app, piece);
    let second = place(&app, &[piece]).await;
    let outcome = app.with_conn(|c| Ok::<_, ()>(report_payment(c, first.order_id, "pi_late", 54_500)));
    assert_eq!(outcome.unwrap(), PaymentOutcome::HoldLost);
    assert_eq!(order_status(&app, first.order_id), "cancelled");
    assert_eq!(piece_state(&app, piece), ("held".into(), Some(second.order_id)), "the other buyer keeps it");
    assert!(outbox(&app, first.order_id).contains(&("piece_unavailable".into(), "ann@example.org".into())));
    assert!(
        outbox(&app, first.order_id).contains(&("staff_hold_lost".into(), "admin@fairgold.test".into())),
        "the admins are alerted"
    );
    assert!(event_kinds(&app, first.order_id).contains(&"hold_lost".to_string()));
    let pi: Option<String> =
        app.with_conn(|c| orders::table.find(first.order_id).select(orders::payment_intent_id).first(c).unwrap());
    assert_eq!(pi.as_deref(), Some("pi_late"), "kept for the refund");
    // Told again (a duplicate): still nothing sold, even once the piece is free again.
    app.with_conn(|c| fulfilment::payment_failed(c, second.order_id, Unpaid::SessionExpired, "webhook", now()))
        .unwrap();
    let again = app.with_conn(|c| Ok::<_, ()>(report_payment(c, first.order_id, "pi_late", 54_500)));
    assert_eq!(again.unwrap(), PaymentOutcome::AlreadyApplied);
    assert_eq!(piece_state(&app, piece), ("listed".into(), None));
}

async fn post(app: &TestApp, s: &crate::helpers::Session, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
    app.post_form(path, Some(s), form).await
}

pub fn fulfilment_of(app: &TestApp, id: i64) -> String {
    app.with_conn(|c| orders::table.find(id).select(orders::fulfilment).first(c).unwrap())
}

/// The order's parcels: (id, center id, status).
pub fn parcels(app: &TestApp, id: i64) -> Vec<(i64, i64, String)> {
    app.with_conn(|c| {
        fairgold::orders::queries::shipments_of(c, id)
            .unwrap()
            .into_iter()
            .map(|s| (s.id, s.center_id, s.status.code().to_string()))
            .collect()
    })
}

#[tokio::test]
async fn managers_pack_and_ship_only_their_centers_orders_and_the_customer_sees_tracking() {
    let app = TestApp::spawn().await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("mumbai@fairgold.test", "manager", Some("mumbai"));
    app.staff("finance@fairgold.test", "finance", None);
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let mut placed = place(&app, &[piece]).await;
    assert_eq!(pay(&app, &mut placed, "pay").await.status().as_u16(), 303);
    let id = placed.order_id;
    let parcel = parcels(&app, id)[0].0;
    let kolkata = app.sign_in("kolkata@fairgold.test").await;
    let mumbai = app.sign_in("mumbai@fairgold.test").await;
    let finance = app.sign_in("finance@fairgold.test").await;

    // Lists: Kolkata's manager and finance see it; Mumbai's does not.
    assert!(app_list(&app, &kolkata).await.contains(&placed.reference));
    assert!(app_list(&app, &finance).await.contains(&placed.reference));
    assert!(!app_list(&app, &mumbai).await.contains(&placed.reference));
    assert_eq!(app.get_as(&format!("/admin/orders/{id}"), &mumbai).await.status().as_u16(), 403);

    // Mumbai's manager and finance cannot move it; nothing changes.
    let at = |step: &str| format!("/admin/orders/{id}/shipments/{parcel}/{step}");
    assert_eq!(post(&app, &mumbai, &at("packed"), &[]).await.status().as_u16(), 403);
    assert_eq!(post(&app, &finance, &at("packed"), &[]).await.status().as_u16(), 403);
    let ship = [("carrier", "India Post"), ("tracking_number", "EE123456789IN")];
    assert_eq!(post(&app, &mumbai, &at("shipped"), &ship).await.status().as_u16(), 403);
    assert_eq!(fulfilment_of(&app, id), "unfulfilled");

    // Not delivered before shipped; shipped needs both fields.
    assert_eq!(post(&app, &kolkata, &at("delivered"), &[]).await.status().as_u16(), 409);
    let res = post(&app, &kolkata, &at("packed"), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(fulfilment_of(&app, id), "packed");
    let res = post(&app, &kolkata, &at("shipped"), &[("carrier", "India Post")]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("enter the tracking number"));
    assert_eq!(fulfilment_of(&app, id), "packed");
    assert_eq!(post(&app, &kolkata, &at("shipped"), &ship).await.status().as_u16(), 303);
    assert_eq!(fulfilment_of(&app, id), "shipped");
    assert_eq!(order_status(&app, id), "paid", "shipping never moves the money state");
    assert!(outbox(&app, id).contains(&("shipped".into(), "ann@example.org".into())));

    let page = app.get_as(&format!("/admin/orders/{id}"), &kolkata).await.text().await.unwrap();
    assert!(
        page.contains("kolkata@fairgold.test") && page.contains("Parcel from Kolkata shipped with India Post"),
        "timeline: who and what"
    );
    let html = app.page(&format!("/orders/{}", placed.token), 200).await;
    assert!(html.contains("India Post") && html.contains("EE123456789IN"));
    assert!(html.contains("indiapost.gov.in"), "a tracking link for a known carrier");
    assert!(!html.contains("kolkata@fairgold.test"), "staff identities stay in the back office");
    assert_eq!(event_kinds(&app, id), vec!["created", "paid", "packed", "shipped"]);
}

async fn app_list(app: &TestApp, s: &crate::helpers::Session) -> String {
    app.get_as("/admin/orders", s).await.text().await.unwrap()
}

#[tokio::test]
async fn admin_refunds_in_part_then_in_full_once_per_form() {
    let app = TestApp::spawn().await;
    app.staff("admin@fairgold.test", "admin", None);
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let mut placed = place(&app, &[piece]).await;
    pay(&app, &mut placed, "pay").await;
    let id = placed.order_id;
    let admin = app.sign_in("admin@fairgold.test").await;
    let manager = app.sign_in("kolkata@fairgold.test").await;
    let path = format!("/admin/orders/{id}/refund");

    let page = app.get_as(&format!("/admin/orders/{id}"), &admin).await.text().await.unwrap();
    let key = page.split("name=\"idempotency_key\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    assert!(csrf_in(&page).is_some());
    // Managers cannot refund.
    let res = post(&app, &manager, &path, &[("amount", "10"), ("idempotency_key", &key)]).await;
    assert_eq!(res.status().as_u16(), 403);

    let too_much = post(&app, &admin, &path, &[("amount", "9999"), ("idempotency_key", &key)]).await;
    assert_eq!(too_much.status().as_u16(), 422);
    assert!(too_much.text().await.unwrap().contains("at most $545.00"));

    let form = [("amount", "100.00"), ("reason", "goodwill"), ("idempotency_key", key.as_str())];
    assert_eq!(post(&app, &admin, &path, &form).await.status().as_u16(), 303);
    assert_eq!(order_status(&app, id), "partially_refunded");
    // The same form again: nothing more refunded.
    let res = post(&app, &admin, &path, &form).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(res.headers()["location"].to_str().unwrap().ends_with("refund-repeated"));
    let refunded: i64 = app.with_conn(|c| orders::table.find(id).select(orders::refunded_minor).first(c).unwrap());
    assert_eq!(refunded, 10_000);
    assert!(outbox(&app, id).contains(&("refunded".into(), "ann@example.org".into())));

    // A new form: the rest.
    let page = app.get_as(&format!("/admin/orders/{id}"), &admin).await.text().await.unwrap();
    let key2 = page.split("name=\"idempotency_key\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    assert_ne!(key, key2);
    assert_eq!(post(&app, &admin, &path, &[("amount", ""), ("idempotency_key", &key2)]).await.status().as_u16(), 303);
    assert_eq!(order_status(&app, id), "refunded");
    let refunded: i64 = app.with_conn(|c| orders::table.find(id).select(orders::refunded_minor).first(c).unwrap());
    assert_eq!(refunded, 54_500);
    let rows: i64 = app.with_conn(|c| refunds::table.filter(refunds::order_id.eq(id)).count().get_result(c).unwrap());
    assert_eq!(rows, 2);
    // Recording the same total again (the webhook's echo) changes nothing.
    app.with_conn(|c| fulfilment::refund_recorded(c, id, 54_500, "webhook", now())).unwrap();
    assert_eq!(event_kinds(&app, id).iter().filter(|k| *k == "refunded").count(), 2);
    let html = app.page(&format!("/orders/{}", placed.token), 200).await;
    assert!(html.contains("Refunded") && html.contains("$545.00"));
}

#[tokio::test]
async fn a_dispute_flags_the_order_once_and_alerts_finance_and_admins() {
    let app = TestApp::spawn().await;
    app.staff("admin@fairgold.test", "admin", None);
    app.staff("finance@fairgold.test", "finance", None);
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let mut placed = place(&app, &[piece]).await;
    pay(&app, &mut placed, "pay").await;
    let report = DisputeReport {
        id: "dp_1".into(),
        amount_minor: 54_500,
        currency: "usd".into(),
        reason: "fraudulent".into(),
        status: "needs_response".into(),
        evidence_due_by: Some(now() + chrono::Duration::days(7)),
    };
    for _ in 0..2 {
        app.with_conn(|c| fulfilment::dispute_reported(c, placed.order_id, &report, "webhook", now())).unwrap();
    }
    let disputed: bool =
        app.with_conn(|c| orders::table.find(placed.order_id).select(orders::disputed).first(c).unwrap());
    assert!(disputed);
    let alerts: Vec<String> =
        outbox(&app, placed.order_id).into_iter().filter(|(k, _)| k == "staff_dispute").map(|(_, to)| to).collect();
    assert_eq!(alerts, vec!["admin@fairgold.test".to_string(), "finance@fairgold.test".to_string()]);
}

#[tokio::test]
async fn an_order_from_both_workshops_is_shipped_by_each_of_them() {
    let app = TestApp::spawn().await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("mumbai@fairgold.test", "manager", Some("mumbai"));
    let k = app.piece(PieceFixture::new("Lotus ring"));
    let m = app.piece(PieceFixture { mumbai: true, ..PieceFixture::new("Wave pendant") });
    let mut placed = place(&app, &[k, m]).await;
    pay(&app, &mut placed, "pay").await;
    let id = placed.order_id;
    let all = parcels(&app, id);
    assert_eq!(all.len(), 2, "one parcel per workshop");
    let parcel_of = |center: i64| all.iter().find(|(_, c, _)| *c == center).unwrap().0;
    let (kp, mp) = (parcel_of(app.kolkata), parcel_of(app.mumbai));
    let kolkata = app.sign_in("kolkata@fairgold.test").await;
    let mumbai = app.sign_in("mumbai@fairgold.test").await;

    // Each manager sees and ships only their own parcel.
    let page = app.get_as(&format!("/admin/orders/{id}"), &kolkata).await.text().await.unwrap();
    assert!(page.contains("Lotus ring") && !page.contains("Wave pendant"), "Kolkata sees its own parcel only");
    let ship = |n: &'static str| [("carrier", "India Post"), ("tracking_number", n)];
    let res = post(&app, &kolkata, &format!("/admin/orders/{id}/shipments/{mp}/shipped"), &ship("EE1IN")).await;
    assert_eq!(res.status().as_u16(), 403, "not the other workshop's parcel");
    let res = post(&app, &kolkata, &format!("/admin/orders/{id}/shipments/{kp}/shipped"), &ship("EE111111111IN")).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(fulfilment_of(&app, id), "partially_shipped");
    let html = app.page(&format!("/orders/{}", placed.token), 200).await;
    assert!(html.contains("Your 2 parcels") && html.contains("EE111111111IN") && html.contains("Being prepared"));

    // Mumbai ships its own afterwards (before, the order as a whole was already "shipped").
    let res = post(&app, &mumbai, &format!("/admin/orders/{id}/shipments/{mp}/shipped"), &ship("EE222222222IN")).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(fulfilment_of(&app, id), "shipped");
    let html = app.page(&format!("/orders/{}", placed.token), 200).await;
    assert!(html.contains("EE111111111IN") && html.contains("EE222222222IN"), "each parcel with its tracking");
    assert_eq!(html.matches("indiapost.gov.in").count(), 2, "a tracking link per parcel");
    let shipped = outbox(&app, id).iter().filter(|(k, _)| k == "shipped").count();
    assert_eq!(shipped, 2, "one email per parcel");
    assert_eq!(
        parcels(&app, id).into_iter().map(|(_, _, s)| s).collect::<Vec<_>>(),
        vec!["shipped".to_string(), "shipped".to_string()]
    );
}

#[tokio::test]
async fn a_partial_refund_never_reopens_fulfilment() {
    let app = TestApp::spawn().await;
    app.staff("admin@fairgold.test", "admin", None);
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let mut placed = place(&app, &[piece]).await;
    pay(&app, &mut placed, "pay").await;
    let id = placed.order_id;
    let parcel = parcels(&app, id)[0].0;
    let kolkata = app.sign_in("kolkata@fairgold.test").await;
    let admin = app.sign_in("admin@fairgold.test").await;
    let ship = [("carrier", "India Post"), ("tracking_number", "EE123456789IN")];
    let at = |step: &str| format!("/admin/orders/{id}/shipments/{parcel}/{step}");
    assert_eq!(post(&app, &kolkata, &at("shipped"), &ship).await.status().as_u16(), 303);

    // A goodwill refund of part of the order.
    let page = app.get_as(&format!("/admin/orders/{id}"), &admin).await.text().await.unwrap();
    let key = page.split("name=\"idempotency_key\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    let refund = [("amount", "50.00"), ("reason", "goodwill"), ("idempotency_key", key.as_str())];
    assert_eq!(post(&app, &admin, &format!("/admin/orders/{id}/refund"), &refund).await.status().as_u16(), 303);
    assert_eq!(order_status(&app, id), "partially_refunded");
    assert_eq!(fulfilment_of(&app, id), "shipped", "the refund did not move the parcel");

    // It cannot be packed or shipped again, and the customer gets no second "on its way".
    let page = app.get_as(&format!("/admin/orders/{id}"), &kolkata).await.text().await.unwrap();
    assert!(!page.contains("parcel packed</button>") && !page.contains("shipped and email the customer"), "{page}");
    assert_eq!(post(&app, &kolkata, &at("packed"), &[]).await.status().as_u16(), 409);
    assert_eq!(post(&app, &kolkata, &at("shipped"), &ship).await.status().as_u16(), 409);
    assert_eq!(outbox(&app, id).iter().filter(|(k, _)| k == "shipped").count(), 1);
    // Delivery can still be recorded.
    assert_eq!(post(&app, &kolkata, &at("delivered"), &[]).await.status().as_u16(), 303);
    assert_eq!(fulfilment_of(&app, id), "delivered");
}
