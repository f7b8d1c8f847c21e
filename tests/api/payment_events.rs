//! Issue 9: a payment counts only when it matches what the shop asked for, and an order's state
//! follows from all its Stripe events whatever order (or how many at once) they arrive in.
//! Events are signed with Stripe's algorithm and built from the complete fixtures; orders are
//! placed as customers place them, against a loopback fake of Stripe.

use diesel::prelude::*;
use fairgold::schema::{disputes, email_outbox, order_events, orders};
use serde_json::{json, Value};

use crate::stripe_fixtures::fixture;
use crate::webhooks::{charge_refunded, envelope, listed, session_event, shop, Order, Shop};

fn emails_of(shop: &Shop, order_id: i64, kind: &str) -> Vec<String> {
    shop.app.with_conn(|c| {
        email_outbox::table
            .filter(email_outbox::order_id.eq(order_id))
            .filter(email_outbox::kind.eq(kind))
            .order(email_outbox::id)
            .select(email_outbox::to_address)
            .load(c)
            .unwrap()
    })
}

/// A `checkout.session.completed` for the order with some fields changed.
fn completed_with(order: &Order, change: impl FnOnce(&mut Value)) -> String {
    let mut event: Value = serde_json::from_str(&session_event("checkout.session.completed", order, true)).unwrap();
    change(&mut event["data"]["object"]);
    event.to_string()
}

fn staff(shop: &Shop) {
    shop.app.staff("admin@fairgold.test", "admin", None);
    shop.app.staff("finance@fairgold.test", "finance", None);
    shop.app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
}

fn received(shop: &Shop, id: i64) -> i64 {
    shop.app.with_conn(|c| orders::table.find(id).select(orders::received_minor).first(c).unwrap())
}

// ---------------------------------------------------------------------------------------------
// A payment counts only when it matches

#[tokio::test]
async fn a_payment_of_the_wrong_amount_does_not_count_and_goes_to_review() {
    let shop = shop().await;
    staff(&shop);
    let piece = listed(&shop.app, "Lotus ring");
    let order = shop.order(piece).await;
    assert_eq!(shop.send(&completed_with(&order, |s| s["amount_total"] = 1.into())).await, 200);

    let (status, _, _) = shop.order_state(order.id);
    assert_eq!(status, "needs_review", "a $0.01 payment does not pay a {} order", order.total);
    assert_eq!(shop.piece_state(piece), ("listed".to_string(), None), "the piece is back on sale, not sold");
    assert_eq!(received(&shop, order.id), 1, "what was taken is on record for the refund");
    assert!(shop.timeline(order.id).contains(&"payment_review".to_string()));
    assert!(emails_of(&shop, order.id, "order_confirmation").is_empty(), "no confirmation");
    assert_eq!(
        emails_of(&shop, order.id, "staff_payment_review"),
        vec!["admin@fairgold.test".to_string(), "finance@fairgold.test".to_string()],
        "finance and the admins are told; managers are not"
    );
    assert!(emails_of(&shop, order.id, "staff_new_order").is_empty(), "nothing to pack");

    // The admin sees why, and refunds what was taken (and no more).
    let admin = shop.app.sign_in("admin@fairgold.test").await;
    let page = shop.app.get_as(&format!("/admin/orders/{}", order.id), &admin).await.text().await.unwrap();
    assert!(page.contains("Payment needs review") && page.contains("paid 1 (minor units)"), "{page}");
    assert!(page.contains("everything still refundable: $0.01"), "{page}");
}

#[tokio::test]
async fn a_payment_in_another_currency_does_not_count() {
    let shop = shop().await;
    staff(&shop);
    let piece = listed(&shop.app, "Lotus ring");
    let order = shop.order(piece).await;
    assert_eq!(shop.send(&completed_with(&order, |s| s["currency"] = "inr".into())).await, 200);
    assert_eq!(shop.order_state(order.id).0, "needs_review");
    assert_eq!(shop.piece_state(piece), ("listed".to_string(), None));
    assert_eq!(emails_of(&shop, order.id, "staff_payment_review").len(), 2);
}

#[tokio::test]
async fn a_session_the_shop_did_not_open_does_not_pay_the_order_its_reference_names() {
    let shop = shop().await;
    staff(&shop);
    let piece = listed(&shop.app, "Lotus ring");
    let order = shop.order(piece).await;
    // A paid session at the right amount, naming the order in `client_reference_id` (and in no
    // metadata), that the shop never opened: e.g. made elsewhere with the account's key.
    let foreign = completed_with(&order, |s| {
        s["id"] = "cs_test_made_elsewhere".into();
        s["metadata"] = json!({});
        s["payment_intent"] = "pi_test_elsewhere".into();
    });
    assert_eq!(shop.send(&foreign).await, 200);
    assert_eq!(shop.order_state(order.id).0, "pending_payment", "not paid");
    assert_eq!(shop.piece_state(piece), ("held".to_string(), Some(order.id)), "still the customer's, to pay");
    assert!(shop.timeline(order.id).contains(&"payment_review".to_string()));
    assert_eq!(emails_of(&shop, order.id, "staff_payment_review").len(), 2);

    // The customer's own session still pays it.
    assert_eq!(shop.send(&session_event("checkout.session.completed", &order, true)).await, 200);
    assert_eq!(shop.order_state(order.id).0, "paid");
    assert_eq!(shop.piece_state(piece), ("sold".to_string(), None));
}

#[tokio::test]
async fn an_unpaid_completed_session_waits_for_its_payment() {
    let shop = shop().await;
    let piece = listed(&shop.app, "Lotus ring");
    let order = shop.order(piece).await;
    assert_eq!(shop.send(&session_event("checkout.session.completed", &order, false)).await, 200);
    assert_eq!(shop.order_state(order.id).0, "pending_payment", "completed but unpaid is not paid");
    assert_eq!(shop.piece_state(piece), ("held".to_string(), Some(order.id)));
    assert!(shop.timeline(order.id).contains(&"payment_processing".to_string()));
    assert!(emails_of(&shop, order.id, "order_confirmation").is_empty());
    // The delayed payment succeeds: now it counts.
    assert_eq!(shop.send(&session_event("checkout.session.async_payment_succeeded", &order, true)).await, 200);
    assert_eq!(shop.order_state(order.id).0, "paid");
}

#[tokio::test]
async fn the_expired_session_releases_the_hold_at_once() {
    let shop = shop().await;
    let piece = listed(&shop.app, "Lotus ring");
    let order = shop.order(piece).await;
    assert_eq!(shop.send(&session_event("checkout.session.expired", &order, false)).await, 200);
    assert_eq!(shop.order_state(order.id).0, "cancelled");
    assert_eq!(shop.piece_state(piece), ("listed".to_string(), None));
    // Another customer can buy it right away.
    let next = shop.order(piece).await;
    assert_eq!(shop.piece_state(piece), ("held".to_string(), Some(next.id)));
}

// ---------------------------------------------------------------------------------------------
// The order's state follows from all its events, in any order

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ev {
    Completed,
    RefundHalf,
    RefundAll,
    DisputeOpened,
    DisputeLost,
    Expired,
}

const EVENTS: [Ev; 6] = [Ev::Completed, Ev::RefundHalf, Ev::RefundAll, Ev::DisputeOpened, Ev::DisputeLost, Ev::Expired];

fn dispute_event(order: &Order, kind: &str, status: &str) -> String {
    let mut d = fixture("dispute.json");
    d["id"] = format!("dp_test_{}", order.id).into();
    d["payment_intent"] = order.payment_intent.clone().into();
    d["amount"] = order.total.into();
    d["currency"] = "usd".into();
    d["reason"] = "fraudulent".into();
    d["status"] = status.into();
    envelope(kind, d)
}

fn body(ev: Ev, order: &Order) -> String {
    match ev {
        Ev::Completed => session_event("checkout.session.completed", order, true),
        Ev::RefundHalf => charge_refunded(order, order.total / 2),
        Ev::RefundAll => charge_refunded(order, order.total),
        Ev::DisputeOpened => dispute_event(order, "charge.dispute.created", "needs_response"),
        Ev::DisputeLost => dispute_event(order, "charge.dispute.closed", "lost"),
        Ev::Expired => session_event("checkout.session.expired", order, false),
    }
}

/// What an order's events leave: (status, refunded, disputed, piece status, dispute status).
/// (Emails are history, not state: a confirmation sent before a refund arrived stays sent.)
type Outcome = (String, i64, bool, String, Option<String>);

fn outcome(shop: &Shop, order: &Order, piece: i64) -> Outcome {
    let (status, refunded, disputed) = shop.order_state(order.id);
    let piece = shop.piece_state(piece).0;
    let dispute: Option<String> = shop.app.with_conn(|c| {
        disputes::table.filter(disputes::order_id.eq(order.id)).select(disputes::status).first(c).optional().unwrap()
    });
    (status, refunded, disputed, piece, dispute)
}

#[tokio::test]
async fn every_pair_of_events_leaves_the_same_order_whichever_comes_first() {
    let shop = shop().await;
    let mut failures = Vec::new();
    for (i, a) in EVENTS.iter().enumerate() {
        for b in &EVENTS[i + 1..] {
            let mut results = Vec::new();
            for (first, second) in [(*a, *b), (*b, *a)] {
                let piece = listed(&shop.app, &format!("Ring {first:?} {second:?}"));
                let order = shop.order(piece).await;
                assert_eq!(shop.send(&body(first, &order)).await, 200, "{first:?}");
                assert_eq!(shop.send(&body(second, &order)).await, 200, "{second:?}");
                results.push(outcome(&shop, &order, piece));
            }
            let (ab, ba) = (&results[0], &results[1]);
            if ab != ba {
                failures.push(format!("{a:?} then {b:?} → {ab:?}, but {b:?} then {a:?} → {ba:?}"));
            }
            // Whatever the order: a payment refunded in full is never paid and never sells.
            let paid = [*a, *b].contains(&Ev::Completed);
            if paid && [*a, *b].contains(&Ev::RefundAll) {
                assert_eq!(ab.0, "refunded", "{a:?}+{b:?}");
                assert_eq!(ab.3, "listed", "{a:?}+{b:?}: nothing shipped, the piece went back on sale");
            }
            if paid && [*a, *b].contains(&Ev::RefundHalf) {
                assert_eq!(ab.0, "partially_refunded", "{a:?}+{b:?}");
                assert_eq!(ab.3, "sold", "{a:?}+{b:?}");
            }
            if paid && [*a, *b].contains(&Ev::DisputeOpened) {
                assert!(ab.2, "{a:?}+{b:?}: flagged disputed");
            }
        }
    }
    assert!(failures.is_empty(), "order-dependent outcomes:\n{}", failures.join("\n"));
}

#[tokio::test]
async fn a_full_refund_that_arrives_before_the_payment_leaves_nothing_to_ship() {
    let shop = shop().await;
    staff(&shop);
    let piece = listed(&shop.app, "Lotus ring");
    let order = shop.order(piece).await;
    assert_eq!(shop.send(&charge_refunded(&order, order.total)).await, 200);
    assert_eq!(shop.send(&session_event("checkout.session.completed", &order, true)).await, 200);
    assert_eq!(shop.order_state(order.id), ("refunded".to_string(), order.total, false));
    assert_eq!(shop.piece_state(piece), ("listed".to_string(), None));
    assert!(emails_of(&shop, order.id, "order_confirmation").is_empty());
    assert!(emails_of(&shop, order.id, "staff_new_order").is_empty(), "no manager told to pack it");
    // Nothing to pack: the parcel cannot be packed or shipped.
    let manager = shop.app.sign_in("kolkata@fairgold.test").await;
    let parcel = crate::orders::parcels(&shop.app, order.id)[0].0;
    let res =
        shop.app.post_form(&format!("/admin/orders/{}/shipments/{parcel}/packed", order.id), Some(&manager), &[]).await;
    assert_eq!(res.status().as_u16(), 409);
    assert_eq!(crate::orders::fulfilment_of(&shop.app, order.id), "unfulfilled");
}

#[tokio::test]
async fn a_storm_of_events_delivered_at_once_settles_every_order_the_same_way() {
    let shop = shop().await;
    let mut orders = Vec::new();
    for i in 0..12 {
        let piece = listed(&shop.app, &format!("Storm ring {i}"));
        orders.push((shop.order(piece).await, piece));
    }
    // For every order: the payment (twice), a full refund and a half refund, all at once.
    let mut bodies = Vec::new();
    for (order, _) in &orders {
        let paid = session_event("checkout.session.completed", order, true);
        bodies.push(paid.clone());
        bodies.push(paid);
        bodies.push(charge_refunded(order, order.total));
        bodies.push(charge_refunded(order, order.total / 2));
    }
    fastrand::shuffle(&mut bodies);
    let shop = std::sync::Arc::new(shop);
    let mut tasks = Vec::new();
    for b in bodies {
        let shop = shop.clone();
        tasks.push(tokio::spawn(async move { shop.send(&b).await }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), 200, "every delivery is answered, none with a 500");
    }
    for (order, piece) in &orders {
        let o = outcome(&shop, order, *piece);
        assert_eq!(o, ("refunded".to_string(), order.total, false, "listed".to_string(), None), "order {}", order.id);
    }
}

// ---------------------------------------------------------------------------------------------
// Disputes follow Stripe's lifecycle

fn dispute_row(shop: &Shop, id: &str) -> (String, Option<chrono::NaiveDateTime>, Option<chrono::NaiveDateTime>) {
    shop.app.with_conn(|c| {
        disputes::table
            .find(id)
            .select((disputes::status, disputes::evidence_due_by, disputes::closed_at))
            .first(c)
            .unwrap()
    })
}

#[tokio::test]
async fn a_dispute_is_followed_from_opened_to_lost_and_finance_is_told_each_time() {
    let shop = shop().await;
    staff(&shop);
    let piece = listed(&shop.app, "Lotus ring");
    let order = shop.order(piece).await;
    assert_eq!(shop.send(&session_event("checkout.session.completed", &order, true)).await, 200);
    let id = format!("dp_test_{}", order.id);
    let due = chrono::Utc::now().timestamp() + 7 * 86_400;
    let mut opened: Value =
        serde_json::from_str(&dispute_event(&order, "charge.dispute.created", "needs_response")).unwrap();
    opened["data"]["object"]["evidence_details"]["due_by"] = due.into();
    assert_eq!(shop.send(&opened.to_string()).await, 200);
    assert_eq!(shop.send(&opened.to_string().replace("evt_test_", "evt_test_again_")).await, 200, "a redelivery");

    let (status, evidence_due, closed) = dispute_row(&shop, &id);
    assert_eq!((status.as_str(), closed), ("needs_response", None));
    assert_eq!(evidence_due.unwrap().and_utc().timestamp(), due);
    assert!(shop.order_state(order.id).2, "flagged while open");
    assert_eq!(
        emails_of(&shop, order.id, "staff_dispute"),
        vec!["admin@fairgold.test".to_string(), "finance@fairgold.test".to_string()],
        "finance and admins told once"
    );
    let admin = shop.app.sign_in("admin@fairgold.test").await;
    let page = shop.app.get_as(&format!("/admin/orders/{}", order.id), &admin).await.text().await.unwrap();
    assert!(page.contains(&id) && page.contains("needs response"), "the dispute is on the order page");
    // In the reader's time zone: an admin with no center and no choice reads India's.
    let due_text = chrono::DateTime::from_timestamp(due, 0)
        .unwrap()
        .with_timezone(&chrono_tz::Asia::Kolkata)
        .format("%-d %b %Y, %H:%M IST")
        .to_string();
    assert!(page.contains(&due_text), "the evidence due date is shown in India's time: {due_text}");

    assert_eq!(shop.send(&dispute_event(&order, "charge.dispute.updated", "under_review")).await, 200);
    assert_eq!(dispute_row(&shop, &id).0, "under_review");
    assert_eq!(shop.send(&dispute_event(&order, "charge.dispute.closed", "lost")).await, 200);
    let (status, _, closed) = dispute_row(&shop, &id);
    assert_eq!(status, "lost");
    assert!(closed.is_some());
    assert!(!shop.order_state(order.id).2, "no longer open");
    assert_eq!(shop.order_state(order.id).0, "paid", "a lost dispute is recorded, the sale is not undone");
    assert_eq!(emails_of(&shop, order.id, "staff_dispute_closed").len(), 2);
    // An old "under review" delivered late does not reopen it.
    assert_eq!(shop.send(&dispute_event(&order, "charge.dispute.updated", "under_review")).await, 200);
    assert_eq!(dispute_row(&shop, &id).0, "lost");
    let kinds: Vec<String> = shop.app.with_conn(|c| {
        order_events::table
            .filter(order_events::order_id.eq(order.id))
            .filter(order_events::kind.like("dispute%"))
            .order(order_events::id)
            .select(order_events::kind)
            .load(c)
            .unwrap()
    });
    assert_eq!(kinds, vec!["dispute_opened", "dispute_updated", "dispute_closed"]);
    let page = shop.app.get_as(&format!("/admin/orders/{}", order.id), &admin).await.text().await.unwrap();
    assert!(page.contains("never clawed back"), "the page says what a lost dispute means for wages");
}

#[tokio::test]
async fn a_won_dispute_closes_without_touching_the_order() {
    let shop = shop().await;
    staff(&shop);
    let piece = listed(&shop.app, "Lotus ring");
    let order = shop.order(piece).await;
    assert_eq!(shop.send(&session_event("checkout.session.completed", &order, true)).await, 200);
    assert_eq!(shop.send(&dispute_event(&order, "charge.dispute.created", "needs_response")).await, 200);
    assert_eq!(shop.send(&dispute_event(&order, "charge.dispute.closed", "won")).await, 200);
    assert_eq!(dispute_row(&shop, &format!("dp_test_{}", order.id)).0, "won");
    assert_eq!(shop.order_state(order.id), ("paid".to_string(), 0, false));
    assert_eq!(emails_of(&shop, order.id, "staff_dispute_closed").len(), 2);
}
