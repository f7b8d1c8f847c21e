//! Every `/admin` route × every role (and anonymous): authorization fails closed.
//! `Login` = sent to sign in; `Forbidden` = 403; `Allowed` = anything else below 500 (a page,
//! a redirect after a write, or a 400/422 for the deliberately empty form).

use crate::helpers::{ArtisanFixture, Part, PieceFixture, Session, TestApp};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Outcome {
    Login,
    Forbidden,
    Allowed,
}
use Outcome::{Allowed as A, Forbidden as F, Login as L};

#[derive(Debug, Clone, Copy)]
enum Who {
    Anonymous,
    KolkataManager,
    MumbaiManager,
    Finance,
    Admin,
}

const WHO: [Who; 5] = [Who::Anonymous, Who::KolkataManager, Who::MumbaiManager, Who::Finance, Who::Admin];

async fn outcome(res: reqwest::Response) -> (Outcome, u16) {
    let status = res.status().as_u16();
    let location = res.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let o = match status {
        303 if location.starts_with("/admin/login") => Outcome::Login,
        403 => Outcome::Forbidden,
        401 => Outcome::Login,
        s if s < 500 => Outcome::Allowed,
        _ => panic!("unexpected status {status}: {}", res.text().await.unwrap_or_default()),
    };
    (o, status)
}

/// The ids the expectations' paths are built from.
struct Ids {
    piece: i64,
    image: i64,
    artisan: i64,
    artisan_pid: String,
    order: i64,
    parcel: i64,
}

/// (method, path, [anonymous, Kolkata manager, Mumbai manager, finance, admin]): what each role
/// may do, written down here independently of the permission table it tests.
fn expectations(ids: &Ids) -> Vec<(&'static str, String, [Outcome; 5])> {
    let month = chrono::Utc::now().format("%Y-%m");
    let (piece, image, artisan, artisan_pid, order, parcel) =
        (ids.piece, ids.image, ids.artisan, &ids.artisan_pid, ids.order, ids.parcel);
    let p = format!("/admin/pieces/{piece}");
    let a = format!("/admin/artisans/{artisan}");
    // (method, path, [anonymous, Kolkata manager, Mumbai manager, finance, admin])
    vec![
        ("GET", "/admin".into(), [L, A, A, A, A]),
        ("GET", "/admin/pieces".into(), [L, A, A, A, A]),
        ("GET", "/admin/pieces/new".into(), [L, A, A, F, A]),
        ("POST", "/admin/pieces".into(), [L, A, A, F, A]),
        ("GET", p.clone(), [L, A, F, A, A]),
        ("POST", p.clone(), [L, A, F, F, A]),
        ("POST", format!("{p}/withdraw"), [L, A, F, F, A]),
        ("POST", format!("{p}/publish"), [L, A, F, F, A]),
        ("POST", format!("{p}/publish/confirm"), [L, A, F, F, A]),
        ("POST", format!("{p}/approval"), [L, A, F, F, A]),
        ("GET", "/admin/approvals".into(), [L, A, A, F, A]),
        // No such request: 404 for those who may approve.
        ("POST", "/admin/approvals/999999/approve".into(), [L, A, A, F, A]),
        ("POST", format!("{p}/images"), [L, A, F, F, A]),
        ("POST", format!("{p}/images/{image}/move"), [L, A, F, F, A]),
        ("POST", format!("{p}/images/{image}/delete"), [L, A, F, F, A]),
        ("GET", "/admin/artisans".into(), [L, A, A, A, A]),
        ("GET", "/admin/artisans/new".into(), [L, A, A, F, A]),
        ("POST", "/admin/artisans".into(), [L, A, A, F, A]),
        ("GET", a.clone(), [L, A, F, A, A]),
        ("POST", a.clone(), [L, A, F, F, A]),
        // Finance may withdraw consent (a takedown never waits for a manager).
        ("POST", format!("{a}/consent"), [L, A, F, A, A]),
        // The pay-slip language: finance too; a manager only for their own center's artisans.
        ("POST", format!("{a}/slip-language"), [L, A, F, A, A]),
        ("POST", format!("{a}/photo"), [L, A, F, F, A]),
        ("POST", format!("{a}/photo/delete"), [L, A, F, F, A]),
        ("GET", format!("{a}/portrait"), [L, A, F, A, A]),
        ("POST", format!("{a}/story/approve"), [L, A, F, F, A]),
        // The scan of a signed consent form: the artisan's center and admins only.
        ("GET", format!("{a}/consents/999999/form"), [L, A, F, F, A]),
        ("POST", format!("{a}/consents/999999/form"), [L, A, F, F, A]),
        ("GET", format!("{a}/private"), [L, F, F, A, A]),
        ("POST", format!("{a}/private"), [L, F, F, A, A]),
        ("GET", "/admin/audit".into(), [L, F, F, F, A]),
        ("GET", "/admin/audit.csv".into(), [L, F, F, F, A]),
        ("GET", "/admin/import".into(), [L, A, A, F, A]),
        ("POST", "/admin/import".into(), [L, A, A, F, A]),
        ("POST", "/admin/import/confirm".into(), [L, A, A, F, A]),
        ("GET", "/admin/import/example.csv".into(), [L, A, A, F, A]),
        ("GET", "/admin/tokens".into(), [L, A, A, A, A]),
        ("POST", "/admin/tokens".into(), [L, A, A, A, A]),
        ("POST", "/admin/tokens/999999/revoke".into(), [L, A, A, A, A]),
        ("GET", "/admin/account".into(), [L, A, A, A, A]),
        ("POST", "/admin/account/password".into(), [L, A, A, A, A]),
        // Without `which=all` the current session stays (the others end: there are none here).
        ("POST", "/admin/account/sessions/end".into(), [L, A, A, A, A]),
        // No code given: the form comes back with its error (a wrong code is a failed attempt).
        ("POST", "/admin/account/recovery-codes".into(), [L, A, A, A, A]),
        // Empty choices: back to the browser's language and the center's zone.
        ("POST", "/admin/account/preferences".into(), [L, A, A, A, A]),
        ("GET", "/admin/orders".into(), [L, A, A, A, A]),
        ("GET", format!("/admin/orders/{order}"), [L, A, F, A, A]),
        // The packing slip: whoever may see the order's parcel (finance may see, not pack).
        ("GET", format!("/admin/orders/{order}/shipments/{parcel}/slip"), [L, A, F, A, A]),
        ("POST", format!("/admin/orders/{order}/shipments/{parcel}/packed"), [L, A, F, F, A]),
        ("POST", format!("/admin/orders/{order}/shipments/{parcel}/shipped"), [L, A, F, F, A]),
        ("POST", format!("/admin/orders/{order}/shipments/{parcel}/delivered"), [L, A, F, F, A]),
        ("POST", format!("/admin/orders/{order}/refund"), [L, F, F, F, A]),
        // Not paid yet, so no invoice: 404 for those who may see the order.
        ("GET", format!("/admin/orders/{order}/invoice"), [L, A, F, A, A]),
        ("GET", "/admin/returns".into(), [L, A, A, A, A]),
        // No such return: 404 for those whose role may take the step.
        ("GET", "/admin/returns/999999".into(), [L, A, A, A, A]),
        ("POST", "/admin/returns/999999/approve".into(), [L, A, A, F, A]),
        ("POST", "/admin/returns/999999/decline".into(), [L, A, A, F, A]),
        ("POST", "/admin/returns/999999/receive".into(), [L, A, A, F, A]),
        ("POST", "/admin/returns/999999/refund".into(), [L, F, F, A, A]),
        ("POST", "/admin/returns/999999/close".into(), [L, F, F, A, A]),
        ("GET", format!("/admin/orders/{order}/credit-notes/999999"), [L, A, F, A, A]),
        ("GET", "/admin/invoices".into(), [L, F, F, A, A]),
        ("GET", "/admin/invoices.csv".into(), [L, F, F, A, A]),
        ("GET", "/admin/email".into(), [L, F, F, F, A]),
        ("POST", "/admin/email/999999/retry".into(), [L, F, F, F, A]),
        // Customers' privacy requests: admins only.
        ("GET", "/admin/privacy".into(), [L, F, F, F, A]),
        // The wage ledger: finance and admin only (legal names are shown there).
        ("GET", "/admin/wages".into(), [L, F, F, A, A]),
        ("POST", "/admin/wages/verify".into(), [L, F, F, A, A]),
        ("GET", "/admin/wages/policy".into(), [L, F, F, A, A]),
        ("POST", "/admin/wages/policy".into(), [L, F, F, A, A]),
        ("GET", "/admin/wages/rates".into(), [L, F, F, A, A]),
        ("POST", "/admin/wages/rates".into(), [L, F, F, A, A]),
        ("GET", "/admin/wages/payouts/new".into(), [L, F, F, A, A]),
        ("POST", "/admin/wages/payouts/new".into(), [L, F, F, A, A]),
        ("GET", "/admin/wages/adjustments".into(), [L, F, F, A, A]),
        ("POST", "/admin/wages/adjustments".into(), [L, F, F, A, A]),
        ("POST", "/admin/wages/adjustments/999999/approve".into(), [L, F, F, A, A]),
        ("POST", "/admin/wages/adjustments/999999/reject".into(), [L, F, F, A, A]),
        ("GET", "/admin/wages/ledger".into(), [L, F, F, A, A]),
        ("GET", format!("/admin/wages/export?from={month}-01&to={month}-01"), [L, F, F, A, A]),
        ("GET", format!("/admin/wages/statements/{artisan_pid}/{month}"), [L, F, F, A, A]),
        ("GET", format!("/admin/wages/statements/{artisan_pid}/{month}/csv"), [L, F, F, A, A]),
        ("GET", format!("/admin/wages/centers/kolkata/{month}"), [L, F, F, A, A]),
        ("GET", "/admin/wages/earnings".into(), [L, F, F, A, A]),
        ("GET", "/admin/wages/late".into(), [L, F, F, A, A]),
        ("GET", "/admin/wages/reconciliation".into(), [L, F, F, A, A]),
        // Managers read their own center's terms and enter its time register.
        ("GET", "/admin/wages/terms".into(), [L, A, A, A, A]),
        ("POST", "/admin/wages/terms".into(), [L, F, F, A, A]),
        ("GET", "/admin/wages/register".into(), [L, A, A, A, A]),
        ("POST", "/admin/wages/register".into(), [L, A, A, F, A]),
        ("POST", "/admin/wages/register/confirm".into(), [L, A, A, F, A]),
        ("POST", "/admin/wages/register/import".into(), [L, A, A, F, A]),
        // Deductions are finance's, like payouts.
        ("GET", "/admin/wages/deductions/new".into(), [L, F, F, A, A]),
        ("POST", "/admin/wages/deductions/new".into(), [L, F, F, A, A]),
        ("GET", format!("/admin/wages/months/kolkata/{month}"), [L, F, F, A, A]),
        ("POST", format!("/admin/wages/months/kolkata/{month}/close"), [L, F, F, A, A]),
        // Pay slips: a manager of another center gets a 404 (allowed, but nothing found).
        ("GET", format!("/admin/wages/artisans/{artisan_pid}/slips/{month}"), [L, A, A, A, A]),
        // A piece's costs: its center's manager, finance and admins.
        ("GET", format!("{p}/costs"), [L, A, F, A, A]),
        ("POST", format!("{p}/costs"), [L, A, F, A, A]),
        // The gold rate of the day: finance and admins.
        ("GET", "/admin/gold-rates".into(), [L, F, F, A, A]),
        ("POST", "/admin/gold-rates".into(), [L, F, F, A, A]),
        // The shop's policies: admins only (the empty form is refused with 422, nothing saved).
        ("GET", "/admin/policies".into(), [L, F, F, F, A]),
        ("GET", "/admin/policies/terms".into(), [L, F, F, F, A]),
        ("POST", "/admin/policies/terms".into(), [L, F, F, F, A]),
        // Setup links: anyone may open one (an unknown token is a 404 page).
        ("GET", "/admin/setup/not-a-real-token".into(), [A, A, A, A, A]),
        ("POST", "/admin/setup/not-a-real-token".into(), [A, A, A, A, A]),
        // The admin API, with a token of each role (anonymous: no token).
        ("GET", "/api/admin/v1/pieces".into(), [L, A, A, A, A]),
        ("GET", format!("/api/admin/v1/pieces/{piece}"), [L, A, F, A, A]),
        ("POST", "/api/admin/v1/pieces".into(), [L, A, A, F, A]),
        ("PUT", format!("/api/admin/v1/pieces/{piece}"), [L, A, F, F, A]),
        ("POST", format!("/api/admin/v1/pieces/{piece}/publish"), [L, A, F, F, A]),
        ("POST", format!("/api/admin/v1/pieces/{piece}/withdraw"), [L, A, F, F, A]),
    ]
}

/// A read-and-write token for the admin API per signed-in role (anonymous: none), made by the
/// service (the page asks admin and finance for a fresh authenticator code).
async fn api_tokens(app: &TestApp, emails: &[Option<&str>]) -> Vec<Option<String>> {
    use fairgold::api_admin::tokens::{self, TokenName, TokenScope};
    emails
        .iter()
        .map(|e| {
            e.map(|email| {
                app.with_conn(|c| {
                    let owner = fairgold::staff::queries::find_by_email(c, email).unwrap().unwrap();
                    let actor = fairgold::audit::Actor::staff(owner.id, &owner.email);
                    let name = TokenName::parse("access test").unwrap();
                    tokens::create(c, &owner, &actor, &name, TokenScope::Write, 90, crate::helpers::now()).unwrap().1
                })
            })
        })
        .collect()
}

#[tokio::test]
async fn every_admin_route_for_every_role() {
    let app = TestApp::spawn().await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("mumbai@fairgold.test", "manager", Some("mumbai"));
    app.staff("finance@fairgold.test", "finance", None);
    app.staff("admin@fairgold.test", "admin", None);
    let (artisan, artisan_pid) = app.artisan(ArtisanFixture { profile_consent: true, ..Default::default() });
    let piece = app.piece(PieceFixture { status: "draft", ..PieceFixture::new("Kolkata draft") });
    let image: i64 = app
        .with_conn(|c| {
            use diesel::prelude::*;
            use fairgold::schema::piece_images::dsl::*;
            piece_images.filter(piece_id.eq(piece)).select(id).first(c)
        })
        .unwrap();

    // An order holding a Kolkata piece, placed as a customer does.
    let for_order = app.piece(PieceFixture::new("Kolkata ring for an order"));
    let order = crate::checkout::place(&app, &[for_order]).await.order_id;
    let parcel = crate::orders::parcels(&app, order)[0].0;

    let mut sessions: Vec<Option<Session>> = Vec::new();
    let mut emails: Vec<Option<&str>> = Vec::new();
    for who in WHO {
        let email = match who {
            Who::Anonymous => None,
            Who::KolkataManager => Some("kolkata@fairgold.test"),
            Who::MumbaiManager => Some("mumbai@fairgold.test"),
            Who::Finance => Some("finance@fairgold.test"),
            Who::Admin => Some("admin@fairgold.test"),
        };
        emails.push(email);
        sessions.push(match email {
            Some(e) => Some(app.sign_in(e).await),
            None => None,
        });
    }

    let table = expectations(&Ids { piece, image, artisan, artisan_pid: artisan_pid.clone(), order, parcel });
    let api_tokens = api_tokens(&app, &emails).await;

    // Uploads are multipart forms; everything else posts an empty urlencoded form (plus the
    // session's CSRF token), except consent, whose withdrawal finance may do.
    let multipart = |path: &str| {
        path.ends_with("/images")
            || path.ends_with("/photo")
            || path.ends_with("/form")
            || path.starts_with("/admin/import")
            || path.ends_with("/register/import")
    };
    let mut failures = Vec::new();
    for (method, path, expected) in &table {
        for (i, who) in WHO.iter().enumerate() {
            let session = sessions[i].as_ref();
            let res = match (*method, session) {
                (_, _) if path.starts_with("/api/admin/") => {
                    let url = format!("{}{}", app.address, path);
                    let mut req = match *method {
                        "GET" => app.client.get(url),
                        "PUT" => app.client.put(url),
                        _ => app.client.post(url),
                    };
                    if let Some(t) = &api_tokens[i] {
                        req = req.header("Authorization", format!("Bearer {t}"));
                    }
                    req.json(&serde_json::json!({})).send().await.unwrap()
                }
                ("GET", Some(s)) => app.get_as(path, s).await,
                ("GET", None) => app.get(path).await,
                (_, s) if multipart(path) => {
                    let csrf = s.map(|s| s.csrf.clone()).unwrap_or_default();
                    app.post_multipart(path, s, &[Part::Text("csrf_token", &csrf)]).await
                }
                (_, s) if path.ends_with("/consent") => {
                    app.post_form(path, s, &[("kind", "story"), ("action", "withdraw")]).await
                }
                (_, s) => app.post_form(path, s, &[]).await,
            };
            let (got, status) = outcome(res).await;
            if got != expected[i] {
                failures
                    .push(format!("{method} {path} as {who:?}: expected {:?}, got {got:?} ({status})", expected[i]));
            }
        }
    }
    assert!(failures.is_empty(), "authorization mismatches:\n{}", failures.join("\n"));

    // The Mumbai manager changed nothing of Kolkata's: the draft is as it was (the Kolkata
    // manager's own publish/withdraw requests ran, so compare what they cannot reach).
    let title: String = app
        .with_conn(|c| {
            use diesel::prelude::*;
            use fairgold::schema::pieces::dsl::*;
            pieces.find(piece).select(title).first(c)
        })
        .unwrap();
    assert_eq!(title, "Kolkata draft");
}

/// The back-office and admin-API routes registered in the source: (method, pattern).
fn registered_routes() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let route = regex_lite::Regex::new(
        r#"\.route\(\s*r?"((?:/admin|/api/admin)[^"]*)",\s*web::(get|post|put|patch|delete)\(\)"#,
    )
    .unwrap();
    let resource = regex_lite::Regex::new(r#"web::resource\(\s*r?"((?:/admin|/api/admin)[^"]*)"\)"#).unwrap();
    let method = regex_lite::Regex::new(r#"\.route\(web::(get|post|put|patch|delete)\(\)"#).unwrap();
    let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for c in route.captures_iter(&text) {
                out.push((c[2].to_uppercase(), c[1].to_string()));
            }
            for c in resource.captures_iter(&text) {
                // The methods are the `.route(web::…())` calls that follow, up to the next `;`.
                let rest = &text[c.get(0).unwrap().end()..];
                let block = &rest[..rest.find(';').unwrap_or(rest.len())];
                for m in method.captures_iter(block) {
                    out.push((m[1].to_uppercase(), c[1].to_string()));
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_registered_admin_route_is_in_the_permission_table_and_in_this_test() {
    use fairgold::auth::permissions::{Action, ROUTES};
    let registered = registered_routes();
    assert!(registered.len() > 60, "the scan found the routes: {registered:?}");
    let ids = Ids { piece: 1, image: 1, artisan: 1, artisan_pid: "t1".into(), order: 1, parcel: 1 };
    let tested = expectations(&ids);
    let mut missing = Vec::new();
    for (method, pattern) in &registered {
        let Some((_, _, action)) = ROUTES.iter().find(|(m, p, _)| m == method && p == pattern) else {
            missing.push(format!("{method} {pattern}: not in auth::permissions::ROUTES"));
            continue;
        };
        if *action == Action::SignIn && !pattern.starts_with("/admin/setup") {
            continue; // the sign-in pages are tested in `auth`
        }
        let def = actix_web::dev::ResourceDef::new(pattern.as_str());
        let covered = tested.iter().any(|(m, path, _)| *m == method && def.is_match(path.split('?').next().unwrap()));
        if !covered {
            missing.push(format!("{method} {pattern}: no row in this test's expectations"));
        }
    }
    for (m, p, _) in ROUTES {
        if !registered.iter().any(|(rm, rp)| rm == m && rp == p) {
            missing.push(format!("{m} {p}: in the permission table but not registered"));
        }
    }
    assert!(missing.is_empty(), "routes without a permission or a test:\n{}", missing.join("\n"));
}

/// A session that has passed the password but still owes its second factor reaches no
/// back-office route: every page and action sends it to the second-factor page (or refuses it).
#[tokio::test]
async fn a_session_owing_its_second_factor_reaches_no_route() {
    let app = TestApp::spawn().await;
    app.staff("admin@fairgold.test", "admin", None);
    // The account enrolled once (a real returning admin), then signs in with the password only.
    app.sign_in("admin@fairgold.test").await;
    let (res, cookie) = app.password_sign_in("admin@fairgold.test").await;
    assert_eq!(res.headers()["location"], "/admin/mfa");
    let pending = Session { cookie: cookie.expect("a pending session"), csrf: String::new() };
    let page = app.get_as("/admin/mfa", &pending).await.text().await.unwrap();
    let pending = Session { csrf: crate::helpers::csrf_in(&page).unwrap_or_default(), ..pending };
    let ids = Ids { piece: 1, image: 1, artisan: 1, artisan_pid: "t1".into(), order: 1, parcel: 1 };
    let mut reached = Vec::new();
    for (method, path, _) in expectations(&ids) {
        if path.starts_with("/api/admin/") || path.starts_with("/admin/setup/") {
            continue; // bearer tokens and setup links do not use the session
        }
        let multipart = path.starts_with("/admin/import")
            || path.ends_with("/register/import")
            || path.ends_with("/images")
            || path.ends_with("/photo")
            || path.ends_with("/form");
        let res = match method {
            "GET" => app.get_as(&path, &pending).await,
            _ if multipart => {
                app.post_multipart(&path, Some(&pending), &[Part::Text("csrf_token", &pending.csrf)]).await
            }
            _ => app.post_form(&path, Some(&pending), &[]).await,
        };
        let status = res.status().as_u16();
        let location = res.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        let sent_away = status == 303 && (location.starts_with("/admin/mfa") || location.starts_with("/admin/login"));
        if !(sent_away || status == 401 || status == 403) {
            reached.push(format!("{method} {path}: {status} {location}"));
        }
    }
    assert!(reached.is_empty(), "reached without the second factor:\n{}", reached.join("\n"));
}
