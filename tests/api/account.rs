//! A staff member's own account: changing the password (the current one, a fresh second factor,
//! no common or guessable new one) and signing out everywhere.

use diesel::prelude::*;
use fairgold::schema::{audit_log, sessions};

use crate::helpers::{csrf_in, Session, TestApp, STAFF_PASSWORD};

fn audit_actions(app: &TestApp) -> Vec<String> {
    app.with_conn(|c| audit_log::table.order(audit_log::id).select(audit_log::action).load(c).unwrap())
}

fn session_count(app: &TestApp) -> i64 {
    app.with_conn(|c| sessions::table.count().get_result(c).unwrap())
}

async fn change(app: &TestApp, s: &Session, current: &str, new: &str, code: &str) -> reqwest::Response {
    app.post_form(
        "/admin/account/password",
        Some(s),
        &[("current", current), ("password", new), ("confirm", new), ("code", code)],
    )
    .await
}

async fn signs_in_with(app: &TestApp, email: &str, password: &str) -> bool {
    let res = app.post_form("/admin/login", None, &[("email", email), ("password", password)]).await;
    res.status().as_u16() == 303 && res.headers()["location"] != "/admin/login"
}

#[tokio::test]
async fn common_or_guessable_new_passwords_are_refused() {
    let app = TestApp::spawn().await;
    app.staff("asha.roy@fairgold.test", "manager", Some("kolkata"));
    let s = app.sign_in("asha.roy@fairgold.test").await;
    for (bad, why) in [
        ("password123456", "most common"),
        ("1qaz2wsx3edc", "most common"),
        ("Fairgold2026!!", "shop"),
        ("asha.roy.2026!", "email address"),
        ("RoyAsha-Fairgold", "shop"),
    ] {
        let res = change(&app, &s, STAFF_PASSWORD, bad, "").await;
        assert_eq!(res.status().as_u16(), 422, "{bad}");
        let page = res.text().await.unwrap();
        assert!(page.contains(why), "{bad}: the page says why ({why})");
    }
    assert!(signs_in_with(&app, "asha.roy@fairgold.test", STAFF_PASSWORD).await, "the password is unchanged");
    assert!(!audit_actions(&app).contains(&"staff.password_change".to_string()));
}

#[tokio::test]
async fn staff_change_their_password_with_the_current_one_and_a_fresh_code_and_other_sessions_end() {
    let app = TestApp::spawn().await;
    app.staff("mira@fairgold.test", "finance", None);
    let s = app.sign_in("mira@fairgold.test").await;
    let row = app.with_conn(|c| fairgold::staff::queries::find_by_email(c, "mira@fairgold.test").unwrap().unwrap());
    let secret = fairgold::staff::service::stored_secret(&row, &app.cipher).unwrap().unwrap();
    // Another session of the same account (a second browser, or a thief's), made directly.
    let other =
        app.with_conn(|c| fairgold::auth::session::create(c, row.id, true, None, None, crate::helpers::now())).unwrap();
    let other = Session { cookie: format!("__Host-fairgold_session={other}"), csrf: String::new() };
    assert_eq!(app.get_as("/admin", &other).await.status().as_u16(), 200);

    let page = app.get_as("/admin/account", &s).await.text().await.unwrap();
    assert!(page.contains("name=\"code\""), "the form asks for the authenticator code");
    let new = "river stones under the bridge";
    let code = crate::helpers::totp_at(&secret, "mira@fairgold.test", 30);
    let res = change(&app, &s, "not my password at all", new, &code).await;
    assert_eq!(res.status().as_u16(), 422, "wrong current password");
    let res = change(&app, &s, STAFF_PASSWORD, new, "").await;
    assert_eq!(res.status().as_u16(), 422, "no code");
    let res = change(&app, &s, STAFF_PASSWORD, new, "000000").await;
    assert_eq!(res.status().as_u16(), 422, "wrong code");
    assert_eq!(app.get_as("/admin", &other).await.status().as_u16(), 200, "nothing changed yet");

    let res = change(&app, &s, STAFF_PASSWORD, new, &code).await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
    assert_eq!(app.get_as("/admin", &s).await.status().as_u16(), 200, "this session goes on");
    assert_eq!(app.get_as("/admin", &other).await.status().as_u16(), 303, "the other session ended");
    assert!(!signs_in_with(&app, "mira@fairgold.test", STAFF_PASSWORD).await, "the old password is refused");
    assert!(signs_in_with(&app, "mira@fairgold.test", new).await, "the new one works");
    assert!(audit_actions(&app).contains(&"staff.password_change".to_string()));
}

#[tokio::test]
async fn sign_out_everywhere_ends_the_other_sessions_or_all_of_them() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    app.staff("sana@fairgold.test", "manager", Some("mumbai"));
    let here = app.sign_in("rupa@fairgold.test").await;
    let there = app.sign_in("rupa@fairgold.test").await;
    let sana = app.sign_in("sana@fairgold.test").await;
    let page = app.get_as("/admin/account", &here).await.text().await.unwrap();
    assert!(page.contains("signed in on 1 other browser"), "the page counts the other sessions");

    let res = app.post_form("/admin/account/sessions/end", Some(&here), &[("which", "others")]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.get_as("/admin", &here).await.status().as_u16(), 200, "this session goes on");
    assert_eq!(app.get_as("/admin", &there).await.status().as_u16(), 303, "the other one ended");
    assert_eq!(app.get_as("/admin", &sana).await.status().as_u16(), 200, "another person's session is untouched");

    let page = app.get_as("/admin", &here).await.text().await.unwrap();
    let here = Session { csrf: csrf_in(&page).unwrap(), ..here };
    let res = app.post_form("/admin/account/sessions/end", Some(&here), &[("which", "all")]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"], "/admin/login");
    assert_eq!(app.get_as("/admin", &here).await.status().as_u16(), 303, "this one ended too");
    assert_eq!(session_count(&app), 1, "only Sana's session is left");
    assert_eq!(audit_actions(&app).iter().filter(|a| *a == "staff.sign_out_everywhere").count(), 2);
}
