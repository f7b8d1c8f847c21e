//! Issue 10: many real HTTP requests at once against a fresh database, on SQLite and on
//! PostgreSQL (READ COMMITTED), each asserting the invariant a person relies on: a balance
//! never below zero, a refund total that is the largest reported, one dispute entry, one bonus
//! per sold piece, and no 500 for a lost race.

use std::sync::Arc;

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use fairgold::schema::{email_outbox, ledger_entries, order_events, orders, refunds};
use fairgold::wages::ledger::{self, NewEntry};
use fairgold::wages::types::{india_date, EntryKind};
use tokio::sync::Barrier;

use crate::checkout::{order_status, pay, piece_state, place, Shopper, ADDRESS};
use crate::helpers::{now, ArtisanFixture, PieceFixture, Session, TestApp};
use crate::stripe_fixtures::fixture;
use crate::webhooks::{charge_refunded, envelope, listed, session_event, shop, Order, Shop};

/// Runs `n` copies of a request at the same moment; returns their statuses.
async fn at_once<F, Fut>(n: usize, make: F) -> Vec<u16>
where
    F: Fn(usize) -> Fut,
    Fut: std::future::Future<Output = u16> + Send + 'static,
{
    let start = Arc::new(Barrier::new(n));
    let mut tasks = Vec::new();
    for i in 0..n {
        let (start, fut) = (start.clone(), make(i));
        tasks.push(tokio::spawn(async move {
            start.wait().await;
            fut.await
        }));
    }
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.unwrap());
    }
    out
}

fn today() -> NaiveDate {
    india_date(now())
}

fn balance(app: &TestApp, artisan: i64) -> i64 {
    app.with_conn(|c| ledger::balance_of(c, artisan, None)).unwrap()
}

/// A Kolkata artisan owed ₹10,000.00, and a finance person signed in.
async fn owed_artisan() -> (Arc<TestApp>, Session, i64, String) {
    let app = TestApp::spawn().await;
    let (id, pid) = app.artisan(ArtisanFixture { alias: "Anju B.", ..Default::default() });
    app.with_conn(|c| {
        let mut e = NewEntry::new(EntryKind::WageEarned, id, app.kolkata, 1_000_000, today() - Duration::days(3));
        e.labor_minutes = Some(600);
        e.recorded_by = "test".into();
        ledger::append(c, &e, now())
    })
    .unwrap();
    app.staff("fin@example.org", "finance", None);
    let s = app.sign_in("fin@example.org").await;
    (Arc::new(app), s, id, pid)
}

async fn payouts(app: &Arc<TestApp>, s: &Session, pid: &str, amount: &'static str, n: usize) -> Vec<u16> {
    at_once(n, |i| {
        let (app, s, pid) = (app.clone(), s.clone(), pid.to_string());
        async move {
            let day = today().to_string();
            let reference = format!("UPI-{i}");
            let form = [
                ("artisan", pid.as_str()),
                ("amount", amount),
                ("paid_on", &day),
                ("method", "upi"),
                ("reference", &reference),
            ];
            app.post_form("/admin/wages/payouts/new", Some(&s), &form).await.status().as_u16()
        }
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_payouts_of_the_whole_balance_at_once_pay_it_once() {
    let (app, s, id, pid) = owed_artisan().await;
    let statuses = payouts(&app, &s, &pid, "10,000", 20).await;
    assert!(statuses.iter().all(|s| *s == 303 || *s == 422), "an answer for every form: {statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 303).count(), 1, "{statuses:?}");
    assert_eq!(balance(&app, id), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_payouts_of_a_tenth_at_once_never_overdraw() {
    let (app, s, id, pid) = owed_artisan().await;
    let statuses = payouts(&app, &s, &pid, "1,000", 20).await;
    assert!(statuses.iter().all(|s| *s == 303 || *s == 422), "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 303).count(), 10, "{statuses:?}");
    assert_eq!(balance(&app, id), 0, "never below zero");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_adjustment_approved_and_rejected_at_once_is_decided_once() {
    let (app, fin, id, _) = owed_artisan().await;
    let adj = app
        .with_conn(|c| {
            fairgold::wages::service::propose_adjustment(
                c,
                &fairgold::audit::Actor::system("fin@example.org"),
                &fairgold::wages::service::AdjustmentInput {
                    artisan_id: id,
                    amount_minor: 50_000,
                    on: today(),
                    reason: "hours recorded short on piece 12".into(),
                    corrects: None,
                    corrects_month: None,
                },
                now(),
            )
        })
        .unwrap();
    drop(fin);
    app.staff("a1@example.org", "admin", None);
    app.staff("a2@example.org", "admin", None);
    let sessions = [app.sign_in("a1@example.org").await, app.sign_in("a2@example.org").await];
    for round in 0..1 {
        let statuses = at_once(2, |i| {
            let (app, s) = (app.clone(), sessions[i].clone());
            let verb = if i == 0 { "approve" } else { "reject" };
            async move {
                app.post_form(&format!("/admin/wages/adjustments/{adj}/{verb}"), Some(&s), &[("note", "")])
                    .await
                    .status()
                    .as_u16()
            }
        })
        .await;
        let mut sorted = statuses.clone();
        sorted.sort();
        assert_eq!(sorted, vec![303, 422], "round {round}: one decides, the other is told: {statuses:?}");
    }
    let decisions: i64 = app
        .with_conn(|c| ledger_entries::table.filter(ledger_entries::refers_to.eq(adj)).count().get_result(c).unwrap());
    assert_eq!(decisions, 1);
}

// ---------------------------------------------------------------------------------------------
// Stripe events delivered together

async fn paid_orders(shop: &Shop, n: usize) -> Vec<(Order, i64)> {
    let mut out = Vec::new();
    for i in 0..n {
        let piece = listed(&shop.app, &format!("Race ring {i}"));
        let order = shop.order(piece).await;
        assert_eq!(shop.send(&session_event("checkout.session.completed", &order, true)).await, 200);
        out.push((order, piece));
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_refund_totals_delivered_together_leave_the_larger() {
    let shop = Arc::new(shop().await);
    let orders = paid_orders(&shop, 30).await;
    let mut bodies = Vec::new();
    for (o, _) in &orders {
        bodies.push(charge_refunded(o, o.total / 2));
        bodies.push(charge_refunded(o, o.total));
    }
    let bodies = Arc::new(bodies);
    let statuses = at_once(bodies.len(), |i| {
        let (shop, bodies) = (shop.clone(), bodies.clone());
        async move { shop.send(&bodies[i]).await }
    })
    .await;
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    for (o, _) in &orders {
        assert_eq!(shop.order_state(o.id), ("refunded".to_string(), o.total, false), "order {}", o.id);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_deliveries_of_a_new_dispute_together_record_it_once() {
    let shop = Arc::new(shop().await);
    shop.app.staff("admin@fairgold.test", "admin", None);
    shop.app.staff("finance@fairgold.test", "finance", None);
    let orders = paid_orders(&shop, 30).await;
    let mut bodies = Vec::new();
    for (o, _) in &orders {
        for _ in 0..2 {
            let mut d = fixture("dispute.json");
            d["id"] = format!("dp_race_{}", o.id).into();
            d["payment_intent"] = o.payment_intent.clone().into();
            bodies.push(envelope("charge.dispute.created", d)); // each with its own event id
        }
    }
    let bodies = Arc::new(bodies);
    let statuses = at_once(bodies.len(), |i| {
        let (shop, bodies) = (shop.clone(), bodies.clone());
        async move { shop.send(&bodies[i]).await }
    })
    .await;
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    for (o, _) in &orders {
        let opened: i64 = shop.app.with_conn(|c| {
            order_events::table
                .filter(order_events::order_id.eq(o.id))
                .filter(order_events::kind.eq("dispute_opened"))
                .count()
                .get_result(c)
                .unwrap()
        });
        assert_eq!(opened, 1, "order {}: one timeline entry", o.id);
        let alerts: i64 = shop.app.with_conn(|c| {
            email_outbox::table
                .filter(email_outbox::order_id.eq(o.id))
                .filter(email_outbox::kind.eq("staff_dispute"))
                .count()
                .get_result(c)
                .unwrap()
        });
        assert_eq!(alerts, 2, "order {}: one alert each to finance and the admin", o.id);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_late_payment_delivered_many_times_at_once_is_refunded_once_and_never_answers_500() {
    let shop = Arc::new(shop().await);
    let piece = listed(&shop.app, "Lotus ring");
    let first = shop.order(piece).await;
    assert_eq!(shop.send(&session_event("checkout.session.expired", &first, false)).await, 200);
    let second = shop.order(piece).await;
    assert_eq!(shop.piece_state(piece), ("held".to_string(), Some(second.id)));
    // The first customer's payment arrives late, delivered six times at once.
    let late = Arc::new(session_event("checkout.session.completed", &first, true));
    let statuses = at_once(6, |_| {
        let (shop, late) = (shop.clone(), late.clone());
        async move { shop.send(&late).await }
    })
    .await;
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    let rows: i64 =
        shop.app.with_conn(|c| refunds::table.filter(refunds::order_id.eq(first.id)).count().get_result(c).unwrap());
    assert_eq!(rows, 1, "one refund recorded");
    assert_eq!(shop.order_state(first.id).0, "refunded");
    assert_eq!(shop.piece_state(piece), ("held".to_string(), Some(second.id)), "the other buyer keeps it");
}

// ---------------------------------------------------------------------------------------------
// The sale bonus and the exchange rate recorded at the same moment

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn orders_paid_while_finance_records_the_rate_each_get_their_bonus() {
    let app = TestApp::spawn().await;
    let (maker, _) = app.artisan(ArtisanFixture::default());
    app.staff("fin@example.org", "finance", None);
    let fin = app.sign_in("fin@example.org").await;
    let mut placed = Vec::new();
    for i in 0..20 {
        let piece =
            app.piece(PieceFixture { makers: vec![(maker, 600)], ..PieceFixture::new(&format!("Bonus ring {i}")) });
        placed.push(place(&app, &[piece]).await);
    }
    let app = Arc::new(app);
    let placed = Arc::new(tokio::sync::Mutex::new(placed));
    let statuses = at_once(21, |i| {
        let (app, placed, fin) = (app.clone(), placed.clone(), fin.clone());
        async move {
            if i == 20 {
                let day = today().to_string();
                let form = [("currency", "USD"), ("date", day.as_str()), ("rate", "84.25")];
                return app.post_form("/admin/wages/rates", Some(&fin), &form).await.status().as_u16();
            }
            let mut p = {
                let mut all = placed.lock().await;
                let p = &mut all[i];
                crate::checkout::Placed {
                    shopper: p.shopper.clone(),
                    reference: p.reference.clone(),
                    token: p.token.clone(),
                    order_id: p.order_id,
                    pay_url: p.pay_url.clone(),
                }
            };
            pay(&app, &mut p, "pay").await.status().as_u16()
        }
    })
    .await;
    assert!(statuses.iter().all(|s| *s == 303), "{statuses:?}");
    for p in placed.lock().await.iter() {
        assert_eq!(order_status(&app, p.order_id), "paid");
        let bonuses: i64 = app.with_conn(|c| {
            ledger_entries::table
                .filter(ledger_entries::kind.eq("sale_bonus"))
                .filter(ledger_entries::order_id.eq(p.order_id))
                .count()
                .get_result(c)
                .unwrap()
        });
        assert_eq!(bonuses, 1, "order {}: one bonus for its one maker", p.order_id);
    }
}

// ---------------------------------------------------------------------------------------------
// Two carts taking the same two pieces in opposite orders

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_carts_with_the_same_pieces_in_opposite_order_never_deadlock() {
    let app = Arc::new(TestApp::spawn().await);
    for round in 0..10 {
        let a = app.piece(PieceFixture::new(&format!("Pair ring {round} a")));
        let b = app.piece(PieceFixture::new(&format!("Pair ring {round} b")));
        let mut first = Shopper::default();
        let mut second = Shopper::default();
        for p in [a, b] {
            first.add(&app, p).await;
        }
        for p in [b, a] {
            second.add(&app, p).await;
        }
        let shoppers = Arc::new(tokio::sync::Mutex::new(vec![first, second]));
        let statuses = at_once(2, |i| {
            let (app, shoppers) = (app.clone(), shoppers.clone());
            async move {
                let mut s = shoppers.lock().await[i].clone();
                s.check_out(&app, ADDRESS).await.status().as_u16()
            }
        })
        .await;
        let mut sorted = statuses.clone();
        sorted.sort();
        assert_eq!(sorted, vec![303, 409], "round {round}: one holds both, the other is told: {statuses:?}");
        let (sa, sb) = (piece_state(&app, a), piece_state(&app, b));
        assert_eq!(sa.1, sb.1, "both pieces held by the same order");
    }
    let pending: i64 =
        app.with_conn(|c| orders::table.filter(orders::status.eq("pending_payment")).count().get_result(c).unwrap());
    assert_eq!(pending, 10);
}

// ---------------------------------------------------------------------------------------------
// The same races as service calls on separate connections, each released by one barrier: the
// form path above serialises on the staff session's row and rarely lets two checks interleave.

#[test]
fn payouts_as_service_calls_on_separate_connections_never_overdraw() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let app = rt.block_on(TestApp::spawn());
    let (id, _) = app.artisan(ArtisanFixture::default());
    app.with_conn(|c| {
        let mut e = NewEntry::new(EntryKind::WageEarned, id, app.kolkata, 1_000_000, today() - Duration::days(3));
        e.labor_minutes = Some(600);
        e.recorded_by = "test".into();
        ledger::append(c, &e, now())
    })
    .unwrap();
    let pool = fairgold::db::pool(&fairgold::config::DatabaseUrl::parse(&app.database_url()).unwrap(), 20).unwrap();
    let barrier = Arc::new(std::sync::Barrier::new(20));
    let threads: Vec<_> = (0..20)
        .map(|i| {
            let (pool, barrier) = (pool.clone(), barrier.clone());
            std::thread::spawn(move || {
                // Meet the others even if no connection came (then fail): never leave them waiting.
                let c = pool.get();
                barrier.wait();
                let mut c = c.unwrap();
                fairgold::wages::service::record_payout(
                    &mut c,
                    &fairgold::audit::Actor::system("race"),
                    &fairgold::wages::service::PayoutInput {
                        artisan_id: id,
                        amount_minor: 1_000_000,
                        paid_on: today(),
                        method: fairgold::wages::types::PayoutMethod::Upi,
                        reference: format!("UPI-{i}"),
                    },
                    now(),
                )
                .is_ok()
            })
        })
        .collect();
    let accepted = threads.into_iter().map(|t| t.join().unwrap()).filter(|ok| *ok).count();
    assert_eq!((accepted, balance(&app, id)), (1, 0), "one payout of the whole balance, and nothing below zero");
}

#[test]
fn refund_totals_as_service_calls_on_separate_connections_keep_the_larger() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let app = rt.block_on(TestApp::spawn());
    let mut ids = Vec::new();
    for i in 0..30 {
        let piece = app.piece(PieceFixture::new(&format!("Refund race {i}")));
        let mut placed = rt.block_on(place(&app, &[piece]));
        rt.block_on(pay(&app, &mut placed, "pay"));
        ids.push(placed.order_id);
    }
    // A connection per thread: the race is for the order row, not for the pool.
    let pool = fairgold::db::pool(&fairgold::config::DatabaseUrl::parse(&app.database_url()).unwrap(), 60).unwrap();
    let mut threads = Vec::new();
    for id in ids.clone() {
        let barrier = Arc::new(std::sync::Barrier::new(2));
        for share in [2, 1] {
            let (pool, barrier) = (pool.clone(), barrier.clone());
            threads.push(std::thread::spawn(move || {
                // Meet the others even if no connection came (then fail): never leave them waiting.
                let c = pool.get();
                barrier.wait();
                let mut c = c.unwrap();
                fairgold::orders::fulfilment::refund_recorded(&mut c, id, 54_500 / share, "race", now()).unwrap();
            }));
        }
    }
    for t in threads {
        t.join().unwrap();
    }
    for id in ids {
        assert_eq!(order_status(&app, id), "refunded", "order {id}: the larger total wins");
    }
}

/// Two admins, each on their own order page (their own form, their own idempotency key), refund
/// the whole order at the same moment: the order row is locked first (`orders::queries::lock`,
/// `SELECT … FOR UPDATE` on PostgreSQL), so the second sees the first's refund and is told so.
#[tokio::test]
async fn two_admins_refunding_the_whole_order_at_once_refund_it_once() {
    let app = Arc::new(TestApp::spawn().await);
    app.staff("admin1@fairgold.test", "admin", None);
    app.staff("admin2@fairgold.test", "admin", None);
    let mut placed = place(&app, &[app.piece(PieceFixture::new("Lotus ring"))]).await;
    pay(&app, &mut placed, "pay").await;
    let id = placed.order_id;
    let total: i64 = app.with_conn(|c| orders::table.find(id).select(orders::total_minor).first(c).unwrap());
    let mut forms = Vec::new();
    for email in ["admin1@fairgold.test", "admin2@fairgold.test"] {
        let s = app.sign_in(email).await;
        let page = app.get_as(&format!("/admin/orders/{id}"), &s).await.text().await.unwrap();
        let key =
            page.split("name=\"idempotency_key\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
        forms.push((s, key));
    }
    let forms = Arc::new(forms);
    let answers = Arc::new(std::sync::Mutex::new(Vec::new()));
    let statuses = at_once(2, |i| {
        let (app, forms, answers) = (app.clone(), forms.clone(), answers.clone());
        async move {
            let (s, key) = &forms[i];
            let res = app
                .post_form(&format!("/admin/orders/{id}/refund"), Some(s), &[("amount", ""), ("idempotency_key", key)])
                .await;
            let status = res.status().as_u16();
            let text = res.text().await.unwrap();
            answers.lock().unwrap().push(text);
            status
        }
    })
    .await;
    let mut sorted = statuses.clone();
    sorted.sort();
    assert_eq!(sorted, vec![303, 409], "one refund, one answer: {statuses:?}");
    assert!(
        answers.lock().unwrap().iter().any(|a| a
            .contains("This order has been refunded in full already (see the timeline): nothing more was refunded.")),
        "the second admin is told what happened"
    );
    let (status, refunded): (String, i64) =
        app.with_conn(|c| orders::table.find(id).select((orders::status, orders::refunded_minor)).first(c).unwrap());
    assert_eq!((status.as_str(), refunded), ("refunded", total));
    let rows: i64 = app.with_conn(|c| refunds::table.filter(refunds::order_id.eq(id)).count().get_result(c).unwrap());
    assert_eq!(rows, 1, "one refund recorded and sent");
}
