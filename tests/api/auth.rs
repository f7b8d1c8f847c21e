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
    let (res, _) = app.password_sign_in("rupa@fairgold.test").await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"], "/admin/mfa", "managers owe a second factor too");
    let set_cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    for attr in ["__Host-fairgold_session=", "Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(set_cookie.contains(attr), "{attr} in {set_cookie}");
    }
    assert!(!set_cookie.contains("Domain"), "__Host- cookies carry no Domain");
    let session = app.sign_in("rupa@fairgold.test").await;
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
    let renewed = session_cookie(&res).expect("a new session after enrolment");
    let codes_page = res.text().await.unwrap();
    let recovery: Vec<String> = codes_page
        .match_indices("<li><code>")
        .map(|(i, _)| codes_page[i + 10..].split('<').next().unwrap().to_string())
        .collect();
    assert_eq!(recovery.len(), 10, "ten recovery codes");
    assert_eq!(app.get_as("/admin", &Session { cookie: renewed, ..pending }).await.status().as_u16(), 200);

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
    let s = Session { cookie: session_cookie(&res).expect("a new session after the code"), ..s };
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

/// ASVS 6.3.3: a second factor for every role, managers included.
#[tokio::test]
async fn a_manager_must_enrol_a_second_factor_at_first_sign_in() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let (res, cookie) = app.password_sign_in("rupa@fairgold.test").await;
    assert_eq!(res.headers()["location"], "/admin/mfa");
    let pending = Session { cookie: cookie.unwrap(), csrf: String::new() };
    let res = app.get_as("/admin", &pending).await;
    assert_eq!(res.status().as_u16(), 303, "the password alone opens nothing");
    assert_eq!(res.headers()["location"], "/admin/mfa");
    assert_eq!(app.get_as("/admin/orders", &pending).await.status().as_u16(), 303);
    let res = app.get_as("/admin/mfa", &pending).await;
    assert_eq!(res.headers()["location"], "/admin/mfa/enrol", "not enrolled yet");
    app.sign_in("rupa@fairgold.test").await;
    let (res, _) = app.password_sign_in("rupa@fairgold.test").await;
    assert_eq!(res.headers()["location"], "/admin/mfa", "and the code is asked for at every sign-in");
}

/// ASVS 7.2.4: a new session id (and CSRF token) once the second factor passes, at
/// enrolment and at later sign-ins; the id from before the second factor is dead.
#[tokio::test]
async fn the_session_id_and_csrf_token_are_renewed_when_the_second_factor_passes() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let (_, cookie) = app.password_sign_in("rupa@fairgold.test").await;
    let pending = Session { cookie: cookie.unwrap(), csrf: String::new() };
    let html = app.get_as("/admin/mfa/enrol", &pending).await.text().await.unwrap();
    let secret = secret_in(&html);
    let pending = Session { csrf: csrf_in(&html).unwrap(), ..pending };
    let res =
        app.post_form("/admin/mfa/enrol", Some(&pending), &[("code", &totp_now(&secret, "rupa@fairgold.test"))]).await;
    assert_eq!(res.status().as_u16(), 200);
    let renewed = session_cookie(&res).expect("a new session cookie at enrolment");
    assert_ne!(renewed, pending.cookie);
    let res = app.get_as("/admin", &pending).await;
    assert_eq!(res.status().as_u16(), 303, "the pre-2FA session id no longer works");
    assert_eq!(res.headers()["location"], "/admin/login");
    let signed_in = Session { cookie: renewed, csrf: String::new() };
    let dash = app.get_as("/admin", &signed_in).await;
    assert_eq!(dash.status().as_u16(), 200);
    let csrf = csrf_in(&dash.text().await.unwrap()).unwrap();
    assert_ne!(csrf, pending.csrf, "a new CSRF token");
    let stale = Session { csrf: pending.csrf.clone(), ..signed_in.clone() };
    assert_eq!(app.post_form("/admin/logout", Some(&stale), &[]).await.status().as_u16(), 403);

    // Next sign-in: the code, then again a new id.
    let (_, cookie) = app.password_sign_in("rupa@fairgold.test").await;
    let pending = Session { cookie: cookie.unwrap(), csrf: String::new() };
    let html = app.get_as("/admin/mfa", &pending).await.text().await.unwrap();
    let pending = Session { csrf: csrf_in(&html).unwrap(), ..pending };
    let code = totp_at(&secret, "rupa@fairgold.test", 30);
    let res = app.post_form("/admin/mfa", Some(&pending), &[("code", &code)]).await;
    assert_eq!(res.status().as_u16(), 303);
    let renewed = session_cookie(&res).expect("a new session cookie after the code");
    assert_ne!(renewed, pending.cookie);
    assert_eq!(app.get_as("/admin", &pending).await.status().as_u16(), 303, "the pending id is dead");
    assert_eq!(app.get_as("/admin", &Session { cookie: renewed, csrf: String::new() }).await.status().as_u16(), 200);
}

/// ASVS 6.5.2 / 6.5.3 (5.0): recovery codes of at least 20 characters, stored as a keyed hash
/// (HMAC-SHA256 under a key derived from the secret key), not a bare SHA-256.
#[tokio::test]
async fn recovery_codes_are_20_characters_and_stored_with_a_keyed_hash() {
    use diesel::prelude::*;
    let app = TestApp::spawn().await;
    let id = app.staff("meera@fairgold.test", "finance", None);
    let (_, cookie) = app.password_sign_in("meera@fairgold.test").await;
    let pending = Session { cookie: cookie.unwrap(), csrf: String::new() };
    let html = app.get_as("/admin/mfa/enrol", &pending).await.text().await.unwrap();
    let secret = secret_in(&html);
    let pending = Session { csrf: csrf_in(&html).unwrap(), ..pending };
    let res =
        app.post_form("/admin/mfa/enrol", Some(&pending), &[("code", &totp_now(&secret, "meera@fairgold.test"))]).await;
    let page = res.text().await.unwrap();
    let codes: Vec<String> =
        page.match_indices("<li><code>").map(|(i, _)| page[i + 10..].split('<').next().unwrap().to_string()).collect();
    assert_eq!(codes.len(), 10);
    for code in &codes {
        assert!(code.chars().filter(|c| c.is_ascii_alphanumeric()).count() >= 20, "{code} is long enough");
    }
    let stored: Vec<String> = app.with_conn(|c| {
        fairgold::schema::recovery_codes::table
            .filter(fairgold::schema::recovery_codes::staff_id.eq(id))
            .select(fairgold::schema::recovery_codes::code_hash)
            .load(c)
            .unwrap()
    });
    assert_eq!(stored.len(), 10);
    for code in &codes {
        let bare = fairgold::crypto::token_hash(code);
        let bare_plain = fairgold::crypto::token_hash(&code.replace('-', ""));
        assert!(!stored.contains(&bare) && !stored.contains(&bare_plain), "not a bare SHA-256 of {code}");
        assert!(stored.iter().all(|h| !h.contains(code.as_str())));
    }
    // Typed with spaces and capitals instead of dashes, a code still works, once.
    let (_, cookie) = app.password_sign_in("meera@fairgold.test").await;
    let s = Session { cookie: cookie.unwrap(), csrf: String::new() };
    let html = app.get_as("/admin/mfa", &s).await.text().await.unwrap();
    let s = Session { csrf: csrf_in(&html).unwrap(), ..s };
    let typed = codes[3].to_uppercase().replace('-', " ");
    let res = app.post_form("/admin/mfa", Some(&s), &[("recovery_code", &typed)]).await;
    assert_eq!(res.status().as_u16(), 303);
}

#[tokio::test]
async fn production_sends_hsts() {
    let app = TestApp::spawn_with(&[
        ("env", "production"),
        ("base_url", "https://shop.example"),
        ("stripe_secret_key", "sk_test_x"),
        ("stripe_webhook_secret", "whsec_x"),
        ("invoice.seller_name", "Fairgold Artisan Cooperative"),
        ("invoice.gstin", "19AAACF1234K1ZR"),
        ("invoice.registered_office", "4 Park Street, Kolkata 700016, West Bengal"),
        ("invoice.lut_number", "AD190326001234X"),
        ("mail.transport", "smtp"),
        ("mail.smtp_url", "smtps://mail.example:465"),
    ])
    .await;
    let res = app.get("/").await;
    assert_eq!(res.headers()["strict-transport-security"], "max-age=63072000; includeSubDomains");
}

// ---------------------------------------------------------------------------------------------
// Throttling (issue 12, item 1): the real client behind a trusted proxy, limits per client and
// per (account, client), growing delays instead of account locks, admins alerted, one atomic
// check-and-record.

/// A sign-in posted by the client `client`, as the trusted proxy on loopback reports it.
async fn login_from(app: &TestApp, client: &str, email: &str, password: &str) -> reqwest::Response {
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([("email", email), ("password", password)])
        .finish();
    app.client
        .post(format!("{}/admin/login", app.address))
        .header("X-Forwarded-For", client)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap()
}

/// Moves every recorded sign-in attempt `seconds` into the past.
fn age_attempts(app: &TestApp, seconds: i64) {
    app.with_conn(|c| {
        c.batch_execute(&format!("UPDATE login_attempts SET at = at - INTERVAL '{seconds} seconds'"))
            .or_else(|_| c.batch_execute(&format!("UPDATE login_attempts SET at = datetime(at, '-{seconds} seconds')")))
    })
    .unwrap();
}

fn sign_in_alerts(app: &TestApp) -> Vec<String> {
    use diesel::prelude::*;
    use fairgold::schema::email_outbox;
    app.with_conn(|c| {
        email_outbox::table
            .filter(email_outbox::kind.eq("staff_sign_in_attack"))
            .select(email_outbox::to_address)
            .order(email_outbox::id)
            .load(c)
            .unwrap()
    })
}

/// ASVS 6.3.1 / 6.1.1 (5.0): behind the configured proxy, each client is throttled by its own
/// address, so one client's failures do not lock every staff member out.
#[tokio::test]
async fn behind_a_trusted_proxy_each_client_is_throttled_by_its_own_address() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    for i in 0..20 {
        let res = login_from(&app, "203.0.113.1", &format!("guess{i}@fairgold.test"), "wrong password!").await;
        assert_eq!(res.status().as_u16(), 401);
    }
    let res = login_from(&app, "203.0.113.1", "rupa@fairgold.test", STAFF_PASSWORD).await;
    assert_eq!(res.status().as_u16(), 429);
    assert!(res.text().await.unwrap().contains("from your network"));
    let res = login_from(&app, "203.0.113.2", "rupa@fairgold.test", STAFF_PASSWORD).await;
    assert_eq!(res.status().as_u16(), 303, "another client of the same proxy signs in");
}

/// `X-Forwarded-For` from a peer that is not a trusted proxy is ignored: a client cannot
/// escape its limit by naming another address.
#[tokio::test]
async fn a_forwarded_for_header_from_an_untrusted_peer_does_not_escape_the_limit() {
    let app = TestApp::spawn_with(&[("trusted_proxies", "[]")]).await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    for i in 0..20 {
        login_from(&app, &format!("198.51.100.{i}"), &format!("guess{i}@fairgold.test"), "wrong password!").await;
    }
    let res = login_from(&app, "198.51.100.99", "rupa@fairgold.test", STAFF_PASSWORD).await;
    assert_eq!(res.status().as_u16(), 429);
}

/// ASVS 6.3.1 (5.0): no hard account lock anyone can trigger. An attacker's failures stop the
/// attacker's own (account, client) pair; from elsewhere the account only slows down (a delay
/// that doubles, at most a minute), and its owner's usual network is not held back at all.
#[tokio::test]
async fn nobody_can_lock_a_named_account_out() {
    use diesel::prelude::*;
    use fairgold::schema::login_attempts;
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    // Rupa's usual network.
    assert_eq!(login_from(&app, "203.0.113.2", "rupa@fairgold.test", STAFF_PASSWORD).await.status().as_u16(), 303);
    // The attacker's own pair stops after five.
    for _ in 0..5 {
        let res = login_from(&app, "198.51.100.7", "rupa@fairgold.test", "wrong password!").await;
        assert_eq!(res.status().as_u16(), 401);
    }
    let res = login_from(&app, "198.51.100.7", "rupa@fairgold.test", STAFF_PASSWORD).await;
    assert_eq!(res.status().as_u16(), 429, "the attacker's pair is held back");
    // A distributed attack: failures from six more networks.
    app.with_conn(|c| {
        for i in 0..6 {
            diesel::insert_into(login_attempts::table)
                .values((
                    login_attempts::at.eq(crate::helpers::now()),
                    login_attempts::ip.eq(format!("192.0.2.{i}")),
                    login_attempts::email.eq("rupa@fairgold.test"),
                    login_attempts::succeeded.eq(false),
                ))
                .execute(c)
                .unwrap();
        }
    });
    let res = login_from(&app, "203.0.113.2", "rupa@fairgold.test", STAFF_PASSWORD).await;
    assert_eq!(res.status().as_u16(), 303, "the owner's usual network is not locked out");
    let res = login_from(&app, "192.0.2.200", "rupa@fairgold.test", STAFF_PASSWORD).await;
    assert_eq!(res.status().as_u16(), 429, "a new network waits");
    let page = res.text().await.unwrap();
    let seconds: i64 = page.split("please wait ").nth(1).unwrap().split(' ').next().unwrap().parse().unwrap();
    assert!((1..=60).contains(&seconds), "a delay of at most a minute, not a lock: {seconds}");
    age_attempts(&app, 61);
    let res = login_from(&app, "192.0.2.200", "rupa@fairgold.test", STAFF_PASSWORD).await;
    assert_eq!(res.status().as_u16(), 303, "and is let in once the delay has passed");
}

/// ASVS 6.3.5 / 2.4.1 (5.0): admins hear of an account under attack, once per window, through
/// the email outbox written in the attempt's transaction.
#[tokio::test]
async fn an_account_under_attack_is_reported_to_the_admins_once() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    app.staff("admin@fairgold.test", "admin", None);
    app.staff("admin2@fairgold.test", "admin", None);
    app.staff("finance@fairgold.test", "finance", None);
    for i in 0..4 {
        login_from(&app, &format!("198.51.100.{i}"), "rupa@fairgold.test", "wrong password!").await;
    }
    assert!(sign_in_alerts(&app).is_empty(), "four failures are no attack yet");
    login_from(&app, "198.51.100.4", "rupa@fairgold.test", "wrong password!").await;
    assert_eq!(sign_in_alerts(&app), vec!["admin@fairgold.test".to_string(), "admin2@fairgold.test".to_string()]);
    age_attempts(&app, 120);
    for i in 5..8 {
        login_from(&app, &format!("198.51.100.{i}"), "rupa@fairgold.test", "wrong password!").await;
    }
    assert_eq!(sign_in_alerts(&app).len(), 2, "once per window");
    // Guesses at an address that is nobody's alert nobody.
    for i in 0..6 {
        login_from(&app, &format!("198.51.100.{}", 20 + i), "nobody@fairgold.test", "wrong password!").await;
    }
    assert_eq!(sign_in_alerts(&app).len(), 2);
}

/// The check and the record of an attempt are one step: 100 wrong passwords at once are
/// evaluated exactly up to the limit (five), the rest refused without a password check.
#[tokio::test]
async fn a_hundred_parallel_wrong_passwords_evaluate_exactly_the_limit() {
    use diesel::prelude::*;
    use fairgold::schema::login_attempts;
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let app = std::sync::Arc::new(app);
    let start = std::sync::Arc::new(tokio::sync::Barrier::new(100));
    let tasks: Vec<_> = (0..100)
        .map(|_| {
            let (app, start) = (app.clone(), start.clone());
            tokio::spawn(async move {
                start.wait().await;
                login_from(&app, "198.51.100.7", "rupa@fairgold.test", "wrong password!").await.status().as_u16()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    assert_eq!(statuses.iter().filter(|s| **s == 401).count(), 5, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 95);
    let recorded: i64 = app.with_conn(|c| {
        login_attempts::table.filter(login_attempts::email.eq("rupa@fairgold.test")).count().get_result(c).unwrap()
    });
    assert_eq!(recorded, 5);
}
