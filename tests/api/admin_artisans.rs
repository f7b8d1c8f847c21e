//! Back-office artisans: registering, consent given and withdrawn (and what the public then
//! sees), expiry, the private record (finance only, every view audit-logged) and encryption.

use chrono::{Duration, Months};
use diesel::prelude::*;
use fairgold::artisans::queries as artisan_queries;
use fairgold::audit::queries::{search, AuditFilter};
use fairgold::crypto::Field;
use fairgold::schema::{artisan_consents, artisan_private, artisans};

use crate::helpers::{now, ArtisanFixture, Part, PieceFixture, Session, TestApp};

const LEGAL_NAME: &str = "Philomena Xanthippe Okonkwo";
const PHONE: &str = "+91 98765 43219";
const PAYOUT: &str = "UPI philomena.payout@examplebank";
const STORY: &str = "Mina learned filigree in her first year and now teaches it";

fn today() -> String {
    now().date().to_string()
}

fn location(res: &reqwest::Response) -> String {
    res.headers().get("location").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
}

/// Registers an artisan through the form; returns (id, public id).
async fn register(app: &TestApp, s: &Session, alias: &str, story: &str, extra: &[(&str, &str)]) -> (i64, String) {
    let mut form = vec![("alias", alias), ("story", story), ("legal_name", LEGAL_NAME), ("phone", PHONE)];
    // In the programme for two years: the NTSAS one-year rule is tested in `artisan_safety`.
    if !extra.iter().any(|(k, _)| *k == "joined_on") {
        form.push(("joined_on", "2024-06-01"));
    }
    form.extend_from_slice(extra);
    let res = app.post_form("/admin/artisans", Some(s), &form).await;
    assert_eq!(res.status().as_u16(), 303, "register {alias}: {}", res.text().await.unwrap());
    let to = location(&res);
    let id: i64 = to.trim_start_matches("/admin/artisans/").split('?').next().unwrap().parse().expect("id in redirect");
    let row = app.with_conn(|c| artisan_queries::find_row(c, id)).unwrap().expect("artisan row");
    (id, row.public_id)
}

async fn consent(app: &TestApp, s: &Session, id: i64, form: &[(&str, &str)]) -> reqwest::Response {
    app.post_form(&format!("/admin/artisans/{id}/consent"), Some(s), form).await
}

async fn give(app: &TestApp, s: &Session, id: i64, kind: &str) {
    let res =
        consent(app, s, id, &[("kind", kind), ("action", "give"), ("given_on", &today()), ("expires_on", "")]).await;
    assert_eq!(res.status().as_u16(), 303, "give {kind}");
}

async fn withdraw(app: &TestApp, s: &Session, id: i64, kind: &str) {
    let res = consent(app, s, id, &[("kind", kind), ("action", "withdraw")]).await;
    assert_eq!(res.status().as_u16(), 303, "withdraw {kind}");
}

/// The public pages and API responses an artisan can appear on: (path, status, body).
async fn crawl(app: &TestApp, slug: &str, public_id: &str) -> Vec<(String, u16, String)> {
    let mut out = Vec::new();
    for path in [
        "/".to_string(),
        "/pieces".into(),
        format!("/pieces/{slug}"),
        format!("/artisans/{public_id}"),
        "/api/v1/pieces".into(),
        format!("/api/v1/pieces/{slug}"),
        "/sitemap.xml".into(),
    ] {
        let res = app.get(&path).await;
        let status = res.status().as_u16();
        assert!(status == 200 || (status == 404 && path.starts_with("/artisans/")), "GET {path}: {status}");
        out.push((path, status, res.text().await.unwrap()));
    }
    out
}

fn body<'a>(pages: &'a [(String, u16, String)], path: &str) -> &'a (String, u16, String) {
    pages.iter().find(|(p, _, _)| p == path).unwrap_or_else(|| panic!("{path} not crawled"))
}

fn assert_nowhere(pages: &[(String, u16, String)], secrets: &[&str], when: &str) {
    for (path, _, text) in pages {
        for s in secrets {
            assert!(!text.contains(s), "{when}: {path} shows `{s}`");
        }
    }
}

fn consent_until(app: &TestApp, id: i64) -> (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>) {
    app.with_conn(|c| {
        artisans::table
            .find(id)
            .select((artisans::story_consent_until, artisans::profile_consent_until))
            .first(c)
            .unwrap()
    })
}

fn history_len(app: &TestApp, id: i64) -> i64 {
    app.with_conn(|c| {
        artisan_consents::table.filter(artisan_consents::artisan_id.eq(id)).count().get_result(c).unwrap()
    })
}

#[tokio::test]
async fn consent_shows_the_story_and_withdrawing_it_takes_it_off_every_public_page_at_once() {
    let app = TestApp::spawn().await;
    let manager_id = app.staff("manager@kolkata.example", "manager", Some("kolkata"));
    let s = app.sign_in("manager@kolkata.example").await;
    let (id, public_id) = register(&app, &s, "Mina K.", STORY, &[]).await;
    app.piece(PieceFixture { makers: vec![(id, 600)], featured: true, ..PieceFixture::new("Filigree leaf ring") });
    let slug = "filigree-leaf-ring";
    give(&app, &s, id, "attribution").await;

    let before = crawl(&app, slug, &public_id).await;
    assert_nowhere(&before, &[STORY], "before consent");
    assert_eq!(body(&before, &format!("/artisans/{public_id}")).1, 404, "no profile without consent");
    assert!(body(&before, &format!("/pieces/{slug}")).2.contains("Mina K."), "the alias is shown");

    give(&app, &s, id, "story").await;
    give(&app, &s, id, "profile").await;
    let expected_until = now().date().checked_add_months(Months::new(36)).unwrap();
    assert_eq!(consent_until(&app, id), (Some(expected_until), Some(expected_until)), "three years by default");
    let shown = crawl(&app, slug, &public_id).await;
    for path in [format!("/artisans/{public_id}"), format!("/pieces/{slug}"), format!("/api/v1/pieces/{slug}")] {
        let (_, status, text) = body(&shown, &path);
        assert_eq!(*status, 200, "{path}");
        assert!(text.contains(STORY), "{path} shows the consented story");
    }
    assert!(body(&shown, "/sitemap.xml").2.contains(&format!("/artisans/{public_id}")), "profile in the sitemap");

    withdraw(&app, &s, id, "story").await;
    let after = crawl(&app, slug, &public_id).await;
    assert_nowhere(&after, &[STORY], "after the story consent was withdrawn");
    for path in [format!("/artisans/{public_id}"), format!("/pieces/{slug}"), format!("/api/v1/pieces/{slug}")] {
        assert!(body(&after, &path).2.contains("Mina K."), "{path} still shows the alias");
    }
    assert_eq!(consent_until(&app, id).0, None);

    withdraw(&app, &s, id, "profile").await;
    let gone = crawl(&app, slug, &public_id).await;
    assert_eq!(body(&gone, &format!("/artisans/{public_id}")).1, 404, "no profile page after withdrawal");
    assert!(!body(&gone, "/sitemap.xml").2.contains(&public_id), "the profile left the sitemap");
    assert!(body(&gone, &format!("/pieces/{slug}")).2.contains("Mina K."));

    // The history keeps every step, with who recorded it; the show page lists it.
    let rows: Vec<(String, String, Option<i64>)> = app.with_conn(|c| {
        artisan_consents::table
            .filter(artisan_consents::artisan_id.eq(id))
            .order(artisan_consents::id)
            .select((artisan_consents::kind, artisan_consents::action, artisan_consents::recorded_by))
            .load(c)
            .unwrap()
    });
    assert_eq!(
        rows,
        vec![
            ("attribution".into(), "given".into(), Some(manager_id)),
            ("story".into(), "given".into(), Some(manager_id)),
            ("profile".into(), "given".into(), Some(manager_id)),
            ("story".into(), "withdrawn".into(), Some(manager_id)),
            ("profile".into(), "withdrawn".into(), Some(manager_id)),
        ]
    );
    let show = app.get_as(&format!("/admin/artisans/{id}"), &s).await.text().await.unwrap();
    assert!(show.contains("withdrawn") && show.contains(&expected_until.to_string()), "history on the page");
    let audit = app.with_conn(|c| {
        search(c, &AuditFilter { action: Some("artisan.consent_withdraw".into()), ..Default::default() }, 10)
    });
    assert_eq!(audit.unwrap().len(), 2, "each withdrawal is audit-logged");
}

#[tokio::test]
async fn an_expired_consent_hides_the_story_without_any_write() {
    let app = TestApp::spawn().await;
    app.staff("manager@kolkata.example", "manager", Some("kolkata"));
    let s = app.sign_in("manager@kolkata.example").await;
    let expiring = "Story of the artisan whose consent ended yesterday";
    let current = "Story of the artisan whose consent ends today";
    let (old, old_public) = register(&app, &s, "Asha", expiring, &[]).await;
    let (new, new_public) = register(&app, &s, "Bina", current, &[]).await;
    for id in [old, new] {
        give(&app, &s, id, "attribution").await;
        give(&app, &s, id, "story").await;
        give(&app, &s, id, "profile").await;
    }
    app.piece(PieceFixture { makers: vec![(old, 300), (new, 300)], ..PieceFixture::new("Twin bangle") });
    // No public page has been requested yet, so nothing below can come from a page cached
    // before the dates changed, and no catalog version bump is needed: the dates alone decide.
    // (In production, the page cache's key includes the date, so expiry shows at midnight.)
    let today = now().date();
    app.with_conn(|c| {
        diesel::update(artisans::table.find(old))
            .set(artisans::story_consent_until.eq(Some(today - Duration::days(1))))
            .execute(c)
            .unwrap();
        diesel::update(artisans::table.find(new))
            .set(artisans::story_consent_until.eq(Some(today)))
            .execute(c)
            .unwrap();
    });

    let pages = crawl(&app, "twin-bangle", &old_public).await;
    assert_nowhere(&pages, &[expiring], "after the consent expired");
    assert!(body(&pages, &format!("/artisans/{old_public}")).2.contains("Asha"), "the profile itself still holds");
    let piece = &body(&pages, "/pieces/twin-bangle").2;
    assert!(piece.contains(current), "consent holds through its last day");
    assert!(body(&pages, "/api/v1/pieces/twin-bangle").2.contains(current));
    assert!(app.page(&format!("/artisans/{new_public}"), 200).await.contains(current));

    let show = app.get_as(&format!("/admin/artisans/{old}"), &s).await.text().await.unwrap();
    assert!(show.contains(&format!("Expired on {}", today - Duration::days(1))), "staff see it expired");
}

#[tokio::test]
async fn consent_dates_out_of_bounds_are_refused_with_a_message_and_change_nothing() {
    let app = TestApp::spawn().await;
    app.staff("manager@kolkata.example", "manager", Some("kolkata"));
    let s = app.sign_in("manager@kolkata.example").await;
    let (id, _) = register(&app, &s, "Mina K.", STORY, &[]).await;
    let given = now().date() - Duration::days(10);
    let too_long = (given.checked_add_months(Months::new(36)).unwrap() + Duration::days(1)).to_string();
    let before_given = (given - Duration::days(1)).to_string();
    let future = (now().date() + Duration::days(30)).to_string();
    let given = given.to_string();
    for (given_on, expires_on, message) in [
        (given.as_str(), too_long.as_str(), "consent lasts at most three years"),
        (given.as_str(), before_given.as_str(), "consent must end after the day it was given"),
        (given.as_str(), given.as_str(), "consent must end after the day it was given"),
        (future.as_str(), "", "is in the future"),
        ("27/11/2026", "", "enter a date as YYYY-MM-DD"),
    ] {
        let res = consent(
            &app,
            &s,
            id,
            &[("kind", "story"), ("action", "give"), ("given_on", given_on), ("expires_on", expires_on)],
        )
        .await;
        assert_eq!(res.status().as_u16(), 422, "{given_on} → {expires_on}");
        let html = res.text().await.unwrap();
        assert!(html.contains(message), "{given_on} → {expires_on}: `{message}` missing");
        // Tera escapes `/` as `&#x2F;`.
        let kept = format!("value=\"{}\"", given_on.replace('/', "&#x2F;"));
        assert!(html.contains(&kept), "the input is kept: {kept}");
    }
    assert_eq!(consent_until(&app, id), (None, None), "no consent was recorded");
    assert_eq!(history_len(&app, id), 0);

    // The registration form too: a full name as alias, no legal name → 422, input kept.
    let res = app
        .post_form("/admin/artisans", Some(&s), &[("alias", "Philomena Okonkwo"), ("story", "Kept story text")])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("never a full name"), "alias rule explained");
    assert!(html.contains("enter the artisan&#x27;s legal name") || html.contains("enter the artisan's legal name"));
    assert!(html.contains("Kept story text"), "input kept");
    let count: i64 = app.with_conn(|c| artisans::table.count().get_result(c)).unwrap();
    assert_eq!(count, 1, "nothing registered");
}

#[tokio::test]
async fn managers_never_see_private_data_nor_touch_another_centers_artisans_and_finance_views_are_logged() {
    let app = TestApp::spawn().await;
    app.staff("manager@kolkata.example", "manager", Some("kolkata"));
    let finance_id = app.staff("finance@example.org", "finance", None);
    let (mumbai_id, _) = app.artisan(ArtisanFixture { alias: "Zoya", mumbai: true, ..Default::default() });
    let s = app.sign_in("manager@kolkata.example").await;
    let (own, _) = register(&app, &s, "Mina K.", STORY, &[("payout_details", PAYOUT)]).await;

    let list = app.get_as("/admin/artisans", &s).await.text().await.unwrap();
    assert!(list.contains("Mina K.") && !list.contains("Zoya"), "a manager lists only their own center");
    let res = app.get_as(&format!("/admin/artisans/{own}/private"), &s).await;
    assert_eq!(res.status().as_u16(), 403, "a manager cannot see private data");
    assert!(!res.text().await.unwrap().contains(LEGAL_NAME));
    let res =
        app.post_form(&format!("/admin/artisans/{own}/private"), Some(&s), &[("legal_name", "Someone Else")]).await;
    assert_eq!(res.status().as_u16(), 403, "nor change it");
    let show = app.get_as(&format!("/admin/artisans/{own}"), &s).await.text().await.unwrap();
    assert!(!show.contains(LEGAL_NAME) && !show.contains(PHONE) && !show.contains("/private\""));

    assert_eq!(app.get_as(&format!("/admin/artisans/{mumbai_id}"), &s).await.status().as_u16(), 403);
    let res =
        app.post_form(&format!("/admin/artisans/{mumbai_id}"), Some(&s), &[("alias", "Taken"), ("story", "x")]).await;
    assert_eq!(res.status().as_u16(), 403);
    let res = consent(&app, &s, mumbai_id, &[("kind", "story"), ("action", "give"), ("given_on", &today())]).await;
    assert_eq!(res.status().as_u16(), 403);
    let res = consent(&app, &s, mumbai_id, &[("kind", "profile"), ("action", "withdraw")]).await;
    assert_eq!(res.status().as_u16(), 403);
    let row = app.with_conn(|c| artisan_queries::find_row(c, mumbai_id)).unwrap().unwrap();
    assert_eq!((row.public_alias.as_str(), row.story_consent_until), ("Zoya", None), "row unchanged");
    assert_eq!(history_len(&app, mumbai_id), 0);
    let res = app
        .post_form("/admin/artisans", Some(&s), &[("alias", "Zara"), ("legal_name", LEGAL_NAME), ("center", "mumbai")])
        .await;
    assert_eq!(res.status().as_u16(), 403, "a manager cannot register for another center");

    let views = |app: &TestApp| {
        app.with_conn(|c| {
            search(c, &AuditFilter { action: Some("artisan.private_view".into()), ..Default::default() }, 10)
        })
        .unwrap()
    };
    assert!(views(&app).is_empty(), "refused requests showed nothing");

    let f = app.sign_in("finance@example.org").await;
    let show = app.get_as(&format!("/admin/artisans/{own}"), &f).await;
    assert_eq!(show.status().as_u16(), 200);
    let show = show.text().await.unwrap();
    assert!(show.contains(&format!("/admin/artisans/{own}/private\"")) && !show.contains(LEGAL_NAME));
    assert!(views(&app).is_empty(), "the show page reveals nothing private, so it logs no view");
    let res = app.get_as(&format!("/admin/artisans/{own}/private"), &f).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let html = res.text().await.unwrap();
    assert!(html.contains(LEGAL_NAME) && html.contains(PHONE) && html.contains("philomena.payout@examplebank"));
    let logged = views(&app);
    assert_eq!(logged.len(), 1, "one view, one entry");
    assert_eq!(logged[0].staff_id, Some(finance_id));
    assert_eq!(logged[0].entity_id.as_deref(), Some(own.to_string().as_str()));
    assert!(!logged[0].details.contains("Philomena"));
    app.get_as(&format!("/admin/artisans/{mumbai_id}/private"), &f).await;
    assert_eq!(views(&app).len(), 2, "every view is logged, for every center");
}

#[tokio::test]
async fn the_legal_name_is_stored_encrypted_and_never_public_after_any_edit() {
    let app = TestApp::spawn().await;
    app.staff("manager@kolkata.example", "manager", Some("kolkata"));
    app.staff("finance@example.org", "finance", None);
    let s = app.sign_in("manager@kolkata.example").await;
    let (id, public_id) = register(&app, &s, "Mina K.", STORY, &[("payout_details", PAYOUT)]).await;
    app.piece(PieceFixture { makers: vec![(id, 600)], ..PieceFixture::new("Filigree leaf ring") });
    let slug = "filigree-leaf-ring";
    let secrets = [LEGAL_NAME, "Philomena", "Okonkwo", PHONE, "43219", "philomena.payout"];

    let (name, phone, payout): (String, Option<String>, Option<String>) = app.with_conn(|c| {
        artisan_private::table
            .find(id)
            .select((artisan_private::legal_name, artisan_private::phone, artisan_private::payout_details))
            .first(c)
            .unwrap()
    });
    for stored in [&name, phone.as_ref().unwrap(), payout.as_ref().unwrap()] {
        assert!(stored.starts_with("enc2:"), "stored encrypted");
        assert!(!stored.contains("Philomena") && !stored.contains("43219") && !stored.contains("payout"));
    }
    assert_eq!(app.cipher.open(Field::ARTISAN_LEGAL_NAME, id, &name).unwrap(), LEGAL_NAME);

    give(&app, &s, id, "attribution").await;
    give(&app, &s, id, "story").await;
    assert_nowhere(&crawl(&app, slug, &public_id).await, &secrets, "after story consent");
    give(&app, &s, id, "profile").await;
    assert_nowhere(&crawl(&app, slug, &public_id).await, &secrets, "after profile consent");
    let res =
        app.post_form(&format!("/admin/artisans/{id}"), Some(&s), &[("alias", "Mina"), ("story", "A new story")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let pages = crawl(&app, slug, &public_id).await;
    assert!(body(&pages, &format!("/pieces/{slug}")).2.contains("A new story"), "the edit is public at once");
    assert_nowhere(&pages, &secrets, "after a public edit");

    let f = app.sign_in("finance@example.org").await;
    let new_name = "Philomena Adaeze Okonkwo";
    let res = app
        .post_form(
            &format!("/admin/artisans/{id}/private"),
            Some(&f),
            &[("legal_name", new_name), ("phone", "+91 91111 22222"), ("payout_details", PAYOUT)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let pages = crawl(&app, slug, &public_id).await;
    assert_nowhere(&pages, &[&secrets[..], &[new_name, "Adaeze", "22222"]].concat(), "after a private edit");
    let stored: String =
        app.with_conn(|c| artisan_private::table.find(id).select(artisan_private::legal_name).first(c)).unwrap();
    assert!(!stored.contains("Adaeze"));
    assert_eq!(app.cipher.open(Field::ARTISAN_LEGAL_NAME, id, &stored).unwrap(), new_name);
    let page = app.get_as(&format!("/admin/artisans/{id}/private"), &f).await.text().await.unwrap();
    assert!(page.contains(new_name) && page.contains("+91 91111 22222"));

    // The audit log records each write, naming changed fields but never their values.
    let entries = app.with_conn(|c| search(c, &AuditFilter::default(), 100)).unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    for action in ["artisan.create", "artisan.consent_give", "artisan.update", "artisan.private_update"] {
        assert!(actions.contains(&action), "{action} logged");
    }
    let update = entries.iter().find(|e| e.action == "artisan.private_update").unwrap();
    assert!(update.details.contains("legal_name") && update.details.contains("phone"));
    assert!(!update.details.contains("payout_details"), "unchanged fields are not listed");
    for e in &entries {
        for secret in [&secrets[..], &[new_name, "Adaeze", "22222"]].concat() {
            assert!(!e.details.contains(secret), "{} details reveal `{secret}`", e.action);
        }
    }
}

#[tokio::test]
async fn a_post_without_the_csrf_token_is_refused() {
    let app = TestApp::spawn().await;
    app.staff("admin@example.org", "admin", None);
    let s = app.sign_in("admin@example.org").await;
    let (id, _) = register(&app, &s, "Mina K.", STORY, &[("center", "kolkata")]).await;
    let bad = |form: &[(&'static str, &'static str)]| {
        let mut f = form.to_vec();
        f.push(("csrf_token", "not-the-token"));
        f
    };
    for (path, form) in [
        ("/admin/artisans".to_string(), bad(&[("alias", "Zara"), ("legal_name", "Zed"), ("center", "kolkata")])),
        (format!("/admin/artisans/{id}"), bad(&[("alias", "Taken"), ("story", "")])),
        (
            format!("/admin/artisans/{id}/consent"),
            bad(&[("kind", "story"), ("action", "give"), ("given_on", "2026-01-01")]),
        ),
        (format!("/admin/artisans/{id}/private"), bad(&[("legal_name", "Someone Else")])),
    ] {
        let res = app.post_form(&path, Some(&s), &form).await;
        assert_eq!(res.status().as_u16(), 403, "POST {path}");
    }
    // Without any token at all, too.
    let res = app
        .client
        .post(format!("{}/admin/artisans/{id}", app.address))
        .header("Cookie", &s.cookie)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("alias=Taken&story=")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    let row = app.with_conn(|c| artisan_queries::find_row(c, id)).unwrap().unwrap();
    assert_eq!((row.public_alias.as_str(), row.story_consent_until), ("Mina K.", None));
    let count: i64 = app.with_conn(|c| artisans::table.count().get_result(c)).unwrap();
    assert_eq!(count, 1);
}

#[tokio::test]
async fn a_portrait_is_stripped_of_its_location_and_shown_only_while_photo_consent_holds() {
    let app = TestApp::spawn().await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("mumbai@fairgold.test", "manager", Some("mumbai"));
    let s = app.sign_in("kolkata@fairgold.test").await;
    let (id, public_id) = register(&app, &s, "Asha K.", "Asha loves filigree.", &[]).await;
    give(&app, &s, id, "attribution").await;
    give(&app, &s, id, "profile").await;
    let photo = crate::admin_images::photo_with_gps(900, 900);
    let upload = |session: Session| {
        let photo = photo.clone();
        let app = &app;
        async move {
            app.post_multipart(
                &format!("/admin/artisans/{id}/photo"),
                Some(&session),
                &[
                    Part::Text("csrf_token", &session.csrf),
                    Part::File { name: "image", filename: "asha.jpg", content_type: "image/jpeg", bytes: &photo },
                ],
            )
            .await
        }
    };
    // Another center's manager cannot set it.
    let other = app.sign_in("mumbai@fairgold.test").await;
    assert_eq!(upload(other).await.status().as_u16(), 403);
    assert!(app.with_conn(|c| artisan_queries::find_row(c, id)).unwrap().unwrap().photo_path.is_none());

    let res = upload(s.clone()).await;
    assert_eq!(res.status().as_u16(), 303);
    let path = app.with_conn(|c| artisan_queries::find_row(c, id)).unwrap().unwrap().photo_path.expect("photo saved");
    // Portraits are not under /media (see `artisan_safety`); staff see it through their route.
    let served = app.get_as(&format!("/admin/artisans/{id}/portrait"), &s).await.bytes().await.unwrap();
    assert!(exif::Reader::new().read_from_container(&mut std::io::Cursor::new(&served[..])).is_err(), "no EXIF at all");
    assert!(!served.windows(6).any(|w| w == b"Hidden"), "no comment either");

    // Without photo consent the portrait is nowhere public; with it, it shows; withdrawn, gone.
    let profile = format!("/artisans/{public_id}");
    let file = path.rsplit('/').next().unwrap().to_string(); // pages escape `/` as `&#x2F;`
    assert!(!app.page(&profile, 200).await.contains(&file));
    give(&app, &s, id, "photo").await;
    assert!(app.page(&profile, 200).await.contains(&file));
    withdraw(&app, &s, id, "photo").await;
    assert!(!app.page(&profile, 200).await.contains(&file));

    // Removing it deletes the row's path and the files.
    let res = app.post_form(&format!("/admin/artisans/{id}/photo/delete"), Some(&s), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(app.with_conn(|c| artisan_queries::find_row(c, id)).unwrap().unwrap().photo_path.is_none());
    assert_eq!(app.get(&format!("/media/{path}")).await.status().as_u16(), 404);
}
