//! Signing in to the back office: sessions, cookies, throttling, CSRF, TOTP, setup links.

use diesel::connection::SimpleConnection;

use crate::helpers::{csrf_in, secret_in, session_cookie, totp_at, totp_now, Session, TestApp, STAFF_PASSWORD};

#[tokio::test]
async fn the_back_office_needs_a_session() {
    let app = TestApp::spawn().await;
    let res = app.get("/admin").await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"], "/admin/login");
    let page = app.page("/admin/login", 200).await;
    assert!(page.contains("Sign in") && page.contains("name=\"password\""));
}

#[tokio::test]
async fn a_manager_signs_in_with_a_hardened_cookie_and_out_again() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let (res, cookie) = app.password_sign_in("rupa@fairgold.test").await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"], "/admin", "managers need no second factor unless they enrol");
    let set_cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    for attr in ["__Host-fairgold_session=", "Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(set_cookie.contains(attr), "{attr} in {set_cookie}");
    }
    assert!(!set_cookie.contains("Domain"), "__Host- cookies carry no Domain");
    let session = Session { cookie: cookie.unwrap(), csrf: String::new() };
    let dash = app.get_as("/admin", &session).await;
    assert_eq!(dash.status().as_u16(), 200);
    assert_eq!(dash.headers()["cache-control"], "no-store");
    let csrf = csrf_in(&dash.text().await.unwrap()).unwrap();
    let session = Session { csrf, ..session };

    // Logging out without the CSRF token is refused and the session lives on.
    let res = app.post_form("/admin/logout", Some(&session), &[("csrf_token", "forged")]).await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(app.get_as("/admin", &session).await.status().as_u16(), 200);

    let res = app.post_form("/admin/logout", Some(&session), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    let res = app.get_as("/admin", &session).await;
    assert_eq!(res.status().as_u16(), 303, "the old session is dead after logout");
    assert_eq!(res.headers()["location"], "/admin/login");
}

#[tokio::test]
async fn each_sign_in_gets_a_new_session_id() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let a = app.password_sign_in("rupa@fairgold.test").await.1.unwrap();
    let b = app.password_sign_in("rupa@fairgold.test").await.1.unwrap();
    assert_ne!(a, b);
}

#[tokio::test]
async fn wrong_passwords_get_a_clear_message_and_then_throttling() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    for _ in 0..5 {
        let res = app
            .post_form("/admin/login", None, &[("email", "rupa@fairgold.test"), ("password", "wrong password!")])
            .await;
        assert_eq!(res.status().as_u16(), 401);
        assert!(session_cookie(&res).is_none());
        assert!(res.text().await.unwrap().contains("The email or password is not right."));
    }
    // Now even the right password is refused for a while, and the person is told why.
    let res =
        app.post_form("/admin/login", None, &[("email", "rupa@fairgold.test"), ("password", STAFF_PASSWORD)]).await;
    assert_eq!(res.status().as_u16(), 429);
    assert!(session_cookie(&res).is_none());
    assert!(res.text().await.unwrap().contains("Too many failed sign-ins for this account"));

    // An unknown account gets the same answer as a wrong password.
    let res =
        app.post_form("/admin/login", None, &[("email", "nobody@fairgold.test"), ("password", "whatever it is")]).await;
    assert_eq!(res.status().as_u16(), 401);
}

#[tokio::test]
async fn too_many_failures_from_one_address_are_throttled_across_accounts() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    for i in 0..20 {
        let email = format!("guess{i}@fairgold.test");
        app.post_form("/admin/login", None, &[("email", &email), ("password", "wrong password!")]).await;
    }
    let res =
        app.post_form("/admin/login", None, &[("email", "rupa@fairgold.test"), ("password", STAFF_PASSWORD)]).await;
    assert_eq!(res.status().as_u16(), 429);
    assert!(res.text().await.unwrap().contains("from your network"));
}

#[tokio::test]
async fn a_disabled_account_loses_access_on_its_next_request() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let session = app.sign_in("rupa@fairgold.test").await;
    let email = fairgold::staff::Email::parse("rupa@fairgold.test").unwrap();
    app.with_conn(|c| {
        fairgold::staff::service::disable(c, &email, &fairgold::audit::Actor::system("test"), crate::helpers::now())
    })
    .unwrap();
    let res = app.get_as("/admin", &session).await;
    assert_eq!(res.status().as_u16(), 303);
    let (res, cookie) = app.password_sign_in("rupa@fairgold.test").await;
    assert_eq!(res.status().as_u16(), 401, "and cannot sign in again");
    assert!(cookie.is_none());
}

#[tokio::test]
async fn sessions_end_after_30_idle_minutes_or_12_hours() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let idle = app.sign_in("rupa@fairgold.test").await;
    app.with_conn(|c| {
        c.batch_execute("UPDATE sessions SET last_seen_at = last_seen_at - INTERVAL '31 minutes'")
            .or_else(|_| c.batch_execute("UPDATE sessions SET last_seen_at = datetime(last_seen_at, '-31 minutes')"))
    })
    .unwrap();
    assert_eq!(app.get_as("/admin", &idle).await.status().as_u16(), 303, "idle timeout");

    let old = app.sign_in("rupa@fairgold.test").await;
    app.with_conn(|c| c.batch_execute("UPDATE sessions SET expires_at = created_at").unwrap());
    assert_eq!(app.get_as("/admin", &old).await.status().as_u16(), 303, "absolute timeout");
}

#[tokio::test]
async fn finance_must_set_up_and_then_use_totp() {
    let app = TestApp::spawn().await;
    app.staff("meera@fairgold.test", "finance", None);
    let (res, cookie) = app.password_sign_in("meera@fairgold.test").await;
    assert_eq!(res.headers()["location"], "/admin/mfa");
    let pending = Session { cookie: cookie.unwrap(), csrf: String::new() };
    // The password alone opens nothing.
    let res = app.get_as("/admin", &pending).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"], "/admin/mfa");
    let res = app.get_as("/admin/mfa", &pending).await;
    assert_eq!(res.headers()["location"], "/admin/mfa/enrol", "not enrolled yet");

    let html = app.get_as("/admin/mfa/enrol", &pending).await.text().await.unwrap();
    assert!(html.contains("svg+xml;base64,"), "a QR code");
    let secret = secret_in(&html);
    let pending = Session { csrf: csrf_in(&html).unwrap(), ..pending };
    let res = app.post_form("/admin/mfa/enrol", Some(&pending), &[("code", "000000")]).await;
    assert_eq!(res.status().as_u16(), 422);
    let res =
        app.post_form("/admin/mfa/enrol", Some(&pending), &[("code", &totp_now(&secret, "meera@fairgold.test"))]).await;
    assert_eq!(res.status().as_u16(), 200);
    let codes_page = res.text().await.unwrap();
    let recovery: Vec<String> = codes_page
        .match_indices("<li><code>")
        .map(|(i, _)| codes_page[i + 10..].split('<').next().unwrap().to_string())
        .collect();
    assert_eq!(recovery.len(), 10, "ten recovery codes");
    assert_eq!(app.get_as("/admin", &pending).await.status().as_u16(), 200);

    // Next time: password, then a code. A wrong code fails; the right one works once.
    let (_, cookie) = app.password_sign_in("meera@fairgold.test").await;
    let s = Session { cookie: cookie.unwrap(), csrf: String::new() };
    let html = app.get_as("/admin/mfa", &s).await.text().await.unwrap();
    let s = Session { csrf: csrf_in(&html).unwrap(), ..s };
    let res = app.post_form("/admin/mfa", Some(&s), &[("code", "123456")]).await;
    assert_eq!(res.status().as_u16(), 401);
    // The enrolment used this time step's code; the next step's is fresh (one step of clock
    // drift is accepted).
    let code = totp_at(&secret, "meera@fairgold.test", 30);
    let res = app.post_form("/admin/mfa", Some(&s), &[("code", &code)]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.get_as("/admin", &s).await.status().as_u16(), 200);

    let (_, cookie) = app.password_sign_in("meera@fairgold.test").await;
    let again = Session { cookie: cookie.unwrap(), csrf: String::new() };
    let html = app.get_as("/admin/mfa", &again).await.text().await.unwrap();
    let again = Session { csrf: csrf_in(&html).unwrap(), ..again };
    let res = app.post_form("/admin/mfa", Some(&again), &[("code", &code)]).await;
    assert_eq!(res.status().as_u16(), 401, "a code cannot be replayed");
    let res = app.post_form("/admin/mfa", Some(&again), &[("recovery_code", &recovery[0])]).await;
    assert_eq!(res.status().as_u16(), 303, "a recovery code works");
    let (_, cookie) = app.password_sign_in("meera@fairgold.test").await;
    let third = Session { cookie: cookie.unwrap(), csrf: String::new() };
    let html = app.get_as("/admin/mfa", &third).await.text().await.unwrap();
    let third = Session { csrf: csrf_in(&html).unwrap(), ..third };
    let res = app.post_form("/admin/mfa", Some(&third), &[("recovery_code", &recovery[0])]).await;
    assert_eq!(res.status().as_u16(), 401, "but only once");
}

#[tokio::test]
async fn a_setup_link_sets_the_password_once() {
    let app = TestApp::spawn().await;
    let input = fairgold::staff::service::NewStaffInput {
        email: fairgold::staff::Email::parse("new@fairgold.test").unwrap(),
        display_name: "New Manager".into(),
        role: fairgold::staff::Role::Manager,
        center_code: Some("mumbai".into()),
    };
    let (_, token) = app
        .with_conn(|c| {
            fairgold::staff::service::add(c, &input, &fairgold::audit::Actor::system("test"), crate::helpers::now())
        })
        .unwrap();
    let path = format!("/admin/setup/{token}");
    app.page(&path, 200).await;
    let res = app.post_form(&path, None, &[("password", "short"), ("confirm", "short")]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("at least 12 characters"));
    let res = app.post_form(&path, None, &[("password", STAFF_PASSWORD), ("confirm", STAFF_PASSWORD)]).await;
    assert_eq!(res.status().as_u16(), 303);
    app.sign_in("new@fairgold.test").await;
    app.page(&path, 404).await;
    let res = app
        .post_form(&path, None, &[("password", "another long password"), ("confirm", "another long password")])
        .await;
    assert_eq!(res.status().as_u16(), 404, "the link works once");
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let session = app.sign_in("rupa@fairgold.test").await;
    let res = app
        .client
        .post(format!("{}/admin/logout", app.address))
        .header("Cookie", &session.cookie)
        .header("Origin", "https://evil.example")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!("csrf_token={}", session.csrf))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    let res = app
        .client
        .post(format!("{}/admin/login", app.address))
        .header("Sec-Fetch-Site", "cross-site")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!("email=rupa%40fairgold.test&password={}", STAFF_PASSWORD.replace(' ', "+")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403, "login CSRF is refused too");
    assert_eq!(app.get_as("/admin", &session).await.status().as_u16(), 200, "the session is untouched");
}

#[tokio::test]
async fn a_manager_may_turn_on_totp_and_is_then_asked_for_it() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let s = app.sign_in("rupa@fairgold.test").await;
    let dash = app.get_as("/admin", &s).await.text().await.unwrap();
    assert!(dash.contains("set up an authenticator app"));
    let html = app.get_as("/admin/mfa/enrol", &s).await.text().await.unwrap();
    let secret = secret_in(&html);
    let s = Session { csrf: csrf_in(&html).unwrap(), ..s };
    let res = app.post_form("/admin/mfa/enrol", Some(&s), &[("code", &totp_now(&secret, "rupa@fairgold.test"))]).await;
    assert_eq!(res.status().as_u16(), 200);
    let (res, _) = app.password_sign_in("rupa@fairgold.test").await;
    assert_eq!(res.headers()["location"], "/admin/mfa", "now the code is asked for at every sign-in");
}

#[tokio::test]
async fn production_sends_hsts() {
    let app = TestApp::spawn_with(&[
        ("env", "production"),
        ("base_url", "https://shop.example"),
        ("stripe_secret_key", "sk_test_x"),
        ("stripe_webhook_secret", "whsec_x"),
        ("mail.transport", "smtp"),
        ("mail.smtp_url", "smtps://mail.example:465"),
    ])
    .await;
    let res = app.get("/").await;
    assert_eq!(res.headers()["strict-transport-security"], "max-age=63072000; includeSubDomains");
}
