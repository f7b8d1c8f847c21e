//! Retention: the purge deletes expired sessions, sign-in attempts older than 30 days, carts
//! untouched for 30 days and expired setup links, and keeps what is still live; emails about
//! orders go only to active staff who finished setting up their account.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use fairgold::config::RetentionSettings;
use fairgold::email::{self, EmailKind};
use fairgold::retention::{self, Purged};
use fairgold::schema::{cart_items, carts, login_attempts, sessions, staff, staff_tokens};
use serde_json::json;

use crate::checkout::{outbox, place, Shopper};
use crate::helpers::{now, PieceFixture, TestApp};

fn purge(app: &TestApp, at: NaiveDateTime) -> Purged {
    app.with_conn(|c| retention::purge(c, &RetentionSettings::default(), at)).unwrap()
}

#[tokio::test]
async fn the_purge_deletes_expired_sessions_and_keeps_live_ones() {
    let app = TestApp::spawn().await;
    let live = app.staff("live@fairgold.test", "manager", Some("kolkata"));
    let idle = app.staff("idle@fairgold.test", "manager", Some("kolkata"));
    let old = app.staff("old@fairgold.test", "manager", Some("kolkata"));
    let me = app.sign_in("live@fairgold.test").await;
    app.sign_in("idle@fairgold.test").await;
    app.sign_in("old@fairgold.test").await;
    let t = now();
    app.with_conn(|c| {
        // Idle for more than 30 minutes; past the 12-hour absolute limit.
        diesel::update(sessions::table.filter(sessions::staff_id.eq(idle)))
            .set(sessions::last_seen_at.eq(t - Duration::minutes(31)))
            .execute(c)?;
        diesel::update(sessions::table.filter(sessions::staff_id.eq(old)))
            .set(sessions::expires_at.eq(t - Duration::seconds(1)))
            .execute(c)
    })
    .unwrap();

    let purged = purge(&app, t);
    assert_eq!(purged.sessions, 2, "{purged:?}");
    let left: Vec<i64> = app.with_conn(|c| sessions::table.select(sessions::staff_id).distinct().load(c)).unwrap();
    assert_eq!(left, vec![live]);
    assert_eq!(app.get_as("/admin", &me).await.status().as_u16(), 200, "the live session still works");
}

#[tokio::test]
async fn the_purge_deletes_sign_in_attempts_older_than_30_days() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    for _ in 0..2 {
        let res = app.post_form("/admin/login", None, &[("email", "rupa@fairgold.test"), ("password", "wrong")]).await;
        assert_ne!(res.status().as_u16(), 303, "a wrong password does not sign in");
    }
    let ids: Vec<i64> =
        app.with_conn(|c| login_attempts::table.select(login_attempts::id).order(login_attempts::id).load(c)).unwrap();
    assert!(ids.len() >= 2, "the attempts are recorded: {ids:?}");
    let t = now();
    app.with_conn(|c| {
        diesel::update(login_attempts::table.find(ids[0]))
            .set(login_attempts::at.eq(t - Duration::days(31)))
            .execute(c)?;
        diesel::update(login_attempts::table.find(ids[1])).set(login_attempts::at.eq(t - Duration::days(29))).execute(c)
    })
    .unwrap();

    assert_eq!(purge(&app, t).login_attempts, 1);
    let left: Vec<i64> =
        app.with_conn(|c| login_attempts::table.select(login_attempts::id).order(login_attempts::id).load(c)).unwrap();
    assert_eq!(left, ids[1..].to_vec(), "29 days old is kept");
}

#[tokio::test]
async fn the_purge_deletes_carts_untouched_for_30_days_with_their_items() {
    let app = TestApp::spawn().await;
    let forgotten = app.piece(PieceFixture::new("Forgotten ring"));
    let wanted = app.piece(PieceFixture::new("Wanted ring"));
    let (mut old_shopper, mut new_shopper) = (Shopper::default(), Shopper::default());
    assert_eq!(old_shopper.add(&app, forgotten).await.status().as_u16(), 303);
    assert_eq!(new_shopper.add(&app, wanted).await.status().as_u16(), 303);
    let t = now();
    let old_cart: String = app
        .with_conn(|c| {
            cart_items::table.filter(cart_items::piece_id.eq(forgotten)).select(cart_items::cart_id).first(c)
        })
        .unwrap();
    app.with_conn(|c| {
        diesel::update(carts::table.find(&old_cart)).set(carts::updated_at.eq(t - Duration::days(31))).execute(c)?;
        let new_cart: String =
            cart_items::table.filter(cart_items::piece_id.eq(wanted)).select(cart_items::cart_id).first(c)?;
        diesel::update(carts::table.find(&new_cart)).set(carts::updated_at.eq(t - Duration::days(29))).execute(c)
    })
    .unwrap();

    assert_eq!(purge(&app, t).carts, 1);
    let items: Vec<i64> = app.with_conn(|c| cart_items::table.select(cart_items::piece_id).load(c)).unwrap();
    assert_eq!(items, vec![wanted], "the old cart's items went with it");
    assert_eq!(app.with_conn(|c| carts::table.count().get_result::<i64>(c)).unwrap(), 1);
    let page = new_shopper.get(&app, "/cart").await.text().await.unwrap();
    assert!(page.contains("Wanted ring"), "a cart in use is kept");
    let page = old_shopper.get(&app, "/cart").await.text().await.unwrap();
    assert!(!page.contains("Forgotten ring"));
}

#[tokio::test]
async fn the_purge_deletes_expired_setup_links() {
    let app = TestApp::spawn().await;
    let id = app.staff("new@fairgold.test", "manager", Some("kolkata"));
    let t = now();
    app.with_conn(|c| {
        for (hash, expires_at) in [("expired-link", t - Duration::hours(1)), ("live-link", t + Duration::hours(1))] {
            diesel::insert_into(staff_tokens::table)
                .values((
                    staff_tokens::token_hash.eq(hash),
                    staff_tokens::staff_id.eq(id),
                    staff_tokens::purpose.eq("setup"),
                    staff_tokens::expires_at.eq(expires_at),
                ))
                .execute(c)?;
        }
        Ok::<_, diesel::result::Error>(())
    })
    .unwrap();

    assert_eq!(purge(&app, t).staff_links, 1);
    let left: Vec<String> = app.with_conn(|c| staff_tokens::table.select(staff_tokens::token_hash).load(c)).unwrap();
    assert_eq!(left, vec!["live-link".to_string()]);
}

#[tokio::test]
async fn order_emails_go_only_to_active_staff_who_finished_setup() {
    let app = TestApp::spawn().await;
    app.staff("ready.manager@fairgold.test", "manager", Some("kolkata"));
    let unset = app.staff("unset.manager@fairgold.test", "manager", Some("kolkata"));
    let gone = app.staff("gone.manager@fairgold.test", "manager", Some("kolkata"));
    app.staff("ready.admin@fairgold.test", "admin", None);
    let unset_admin = app.staff("unset.admin@fairgold.test", "admin", None);
    app.staff("ready.finance@fairgold.test", "finance", None);
    let unset_finance = app.staff("unset.finance@fairgold.test", "finance", None);
    app.with_conn(|c| {
        // Created by an admin, setup link never used: no password yet.
        diesel::update(staff::table.filter(staff::id.eq_any([unset, unset_admin, unset_finance])))
            .set(staff::password_hash.eq(None::<String>))
            .execute(c)?;
        diesel::update(staff::table.find(gone)).set(staff::disabled_at.eq(Some(now()))).execute(c)
    })
    .unwrap();
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let order = place(&app, &[piece]).await.order_id;

    app.with_conn(|c| {
        email::notify_center_managers(c, order, now())?;
        email::notify_admins(c, EmailKind::StaffHoldLost, order, json!({}), now())?;
        email::notify_finance_and_admins(c, EmailKind::StaffDispute, order, json!({ "reason": "fraudulent" }), now())
    })
    .unwrap();
    let mut to: Vec<String> =
        outbox(&app, order).into_iter().filter(|(kind, _)| kind.starts_with("staff_")).map(|(_, to)| to).collect();
    to.sort();
    to.dedup();
    assert_eq!(
        to,
        ["ready.admin@fairgold.test", "ready.finance@fairgold.test", "ready.manager@fairgold.test"],
        "nobody who has not finished setup, nobody disabled"
    );
}

#[tokio::test]
async fn the_purge_deletes_throttle_rows_without_an_alert_of_the_last_15_minutes() {
    use fairgold::schema::login_throttle;
    let app = TestApp::spawn().await;
    app.staff("someone@fairgold.test", "manager", Some("kolkata"));
    // A wrong password makes the account's and the client's rows.
    app.password_sign_in("nobody-knows@fairgold.test").await;
    let made: i64 = app.with_conn(|c| login_throttle::table.count().get_result(c)).unwrap();
    assert!(made >= 2, "the attempt made the throttle's rows: {made}");
    let t = now();
    for (key, minutes_ago) in [("account:alerted-recently", 10), ("account:alerted-long-ago", 20)] {
        app.with_conn(|c| {
            diesel::insert_into(login_throttle::table)
                .values((
                    login_throttle::key.eq(key),
                    login_throttle::alerted_at.eq(Some(t - Duration::minutes(minutes_ago))),
                ))
                .execute(c)
        })
        .unwrap();
    }
    let purged = purge(&app, t);
    assert_eq!(purged.throttle_rows as i64, made + 1, "{purged:?}");
    let left: Vec<String> = app.with_conn(|c| login_throttle::table.select(login_throttle::key).load(c)).unwrap();
    assert_eq!(left, vec!["account:alerted-recently".to_string()], "an alert of the last 15 minutes is kept");
    // The throttle makes its rows again when it needs them.
    let (res, _) = app.password_sign_in("nobody-knows@fairgold.test").await;
    assert_ne!(res.status().as_u16(), 500);
    let again: i64 = app.with_conn(|c| login_throttle::table.count().get_result(c)).unwrap();
    assert_eq!(again, 1 + made);
}
