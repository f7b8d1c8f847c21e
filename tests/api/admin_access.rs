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
        s if s < 500 && s != 401 => Outcome::Allowed,
        _ => panic!("unexpected status {status}: {}", res.text().await.unwrap_or_default()),
    };
    (o, status)
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
    for who in WHO {
        let email = match who {
            Who::Anonymous => None,
            Who::KolkataManager => Some("kolkata@fairgold.test"),
            Who::MumbaiManager => Some("mumbai@fairgold.test"),
            Who::Finance => Some("finance@fairgold.test"),
            Who::Admin => Some("admin@fairgold.test"),
        };
        sessions.push(match email {
            Some(e) => Some(app.sign_in(e).await),
            None => None,
        });
    }

    let p = format!("/admin/pieces/{piece}");
    let month = chrono::Utc::now().format("%Y-%m");
    let a = format!("/admin/artisans/{artisan}");
    // (method, path, [anonymous, Kolkata manager, Mumbai manager, finance, admin])
    let table: Vec<(&str, String, [Outcome; 5])> = vec![
        ("GET", "/admin".into(), [L, A, A, A, A]),
        ("GET", "/admin/pieces".into(), [L, A, A, A, A]),
        ("GET", "/admin/pieces/new".into(), [L, A, A, F, A]),
        ("POST", "/admin/pieces".into(), [L, A, A, F, A]),
        ("GET", p.clone(), [L, A, F, A, A]),
        ("POST", p.clone(), [L, A, F, F, A]),
        ("POST", format!("{p}/withdraw"), [L, A, F, F, A]),
        ("POST", format!("{p}/publish"), [L, A, F, F, A]),
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
        ("POST", format!("{a}/photo"), [L, A, F, F, A]),
        ("POST", format!("{a}/photo/delete"), [L, A, F, F, A]),
        ("GET", format!("{a}/private"), [L, F, F, A, A]),
        ("POST", format!("{a}/private"), [L, F, F, A, A]),
        ("GET", "/admin/audit".into(), [L, F, F, F, A]),
        ("GET", "/admin/audit.csv".into(), [L, F, F, F, A]),
        ("GET", "/admin/import".into(), [L, A, A, F, A]),
        ("POST", "/admin/import".into(), [L, A, A, F, A]),
        ("POST", "/admin/import/confirm".into(), [L, A, A, F, A]),
        ("GET", "/admin/tokens".into(), [L, A, A, A, A]),
        ("POST", "/admin/tokens".into(), [L, A, A, A, A]),
        ("POST", "/admin/tokens/999999/revoke".into(), [L, A, A, A, A]),
        ("GET", "/admin/orders".into(), [L, A, A, A, A]),
        ("GET", format!("/admin/orders/{order}"), [L, A, F, A, A]),
        ("POST", format!("/admin/orders/{order}/shipments/{parcel}/packed"), [L, A, F, F, A]),
        ("POST", format!("/admin/orders/{order}/shipments/{parcel}/shipped"), [L, A, F, F, A]),
        ("POST", format!("/admin/orders/{order}/shipments/{parcel}/delivered"), [L, A, F, F, A]),
        ("POST", format!("/admin/orders/{order}/refund"), [L, F, F, F, A]),
        ("GET", "/admin/email".into(), [L, F, F, F, A]),
        ("POST", "/admin/email/999999/retry".into(), [L, F, F, F, A]),
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
    ];

    // Uploads are multipart forms; everything else posts an empty urlencoded form (plus the
    // session's CSRF token), except consent, whose withdrawal finance may do.
    let multipart =
        |path: &str| path.ends_with("/images") || path.ends_with("/photo") || path.starts_with("/admin/import");
    let mut failures = Vec::new();
    for (method, path, expected) in &table {
        for (i, who) in WHO.iter().enumerate() {
            let session = sessions[i].as_ref();
            let res = match (*method, session) {
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
