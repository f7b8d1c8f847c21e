//! Survivor safety on the public side (issue 14, points 5, 6, 7 and 9): portraits served only
//! while consent holds and deleted when it is withdrawn; makers named only with consent, and no
//! public time finer than a day; aliases not taken from legal names; nothing published in an
//! artisan's first year in the programme; signed consent forms kept private.

use chrono::Duration;
use diesel::prelude::*;
use fairgold::artisans::queries as artisan_queries;
use fairgold::audit::queries::{search, AuditFilter};
use fairgold::schema::{artisan_consents, artisans};

use crate::helpers::{now, ArtisanFixture, Part, PieceFixture, Session, TestApp};

fn location(res: &reqwest::Response) -> String {
    res.headers().get("location").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
}

pub(crate) async fn consent(app: &TestApp, s: &Session, id: i64, kind: &str, action: &str) {
    let today = now().date().to_string();
    let form: Vec<(&str, &str)> = if action == "give" {
        vec![("kind", kind), ("action", "give"), ("given_on", &today), ("expires_on", "")]
    } else {
        vec![("kind", kind), ("action", "withdraw")]
    };
    let res = app.post_form(&format!("/admin/artisans/{id}/consent"), Some(s), &form).await;
    assert_eq!(res.status().as_u16(), 303, "{action} {kind}");
}

pub(crate) async fn upload_portrait(app: &TestApp, s: &Session, id: i64) -> reqwest::Response {
    let photo = crate::admin_images::photo_with_gps(900, 900);
    app.post_multipart(
        &format!("/admin/artisans/{id}/photo"),
        Some(s),
        &[
            Part::Text("csrf_token", &s.csrf),
            Part::File { name: "image", filename: "portrait.jpg", content_type: "image/jpeg", bytes: &photo },
        ],
    )
    .await
}

/// The first `/portraits/…` address in a page (Tera writes `/` in attributes as `&#x2F;`).
pub(crate) fn portrait_src(html: &str) -> Option<String> {
    let html = html.replace("&#x2F;", "/");
    let start = html.find("/portraits/")?;
    Some(html[start..].split('"').next().unwrap().to_string())
}

async fn page_as(app: &TestApp, path: &str, s: &Session) -> String {
    let res = app.get_as(path, s).await;
    assert_eq!(res.status().as_u16(), 200, "GET {path}");
    res.text().await.unwrap()
}

pub(crate) fn photo_path(app: &TestApp, id: i64) -> Option<String> {
    app.with_conn(|c| artisan_queries::find_row(c, id)).unwrap().unwrap().photo_path
}

#[tokio::test]
async fn a_portrait_is_served_only_while_consent_holds_and_withdrawal_deletes_it() {
    let app = TestApp::spawn().await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    let s = app.sign_in("kolkata@fairgold.test").await;
    let (id, public_id) =
        app.artisan(ArtisanFixture { alias: "Tara", profile_consent: true, photo_consent: true, ..Default::default() });
    let profile = format!("/artisans/{public_id}");
    // The profile page is rendered and cached before the upload: the upload must renew it.
    assert!(portrait_src(&app.page(&profile, 200).await).is_none());

    assert_eq!(upload_portrait(&app, &s, id).await.status().as_u16(), 303);
    let page = app.page(&profile, 200).await;
    let src = portrait_src(&page).expect("a new portrait shows on the profile at once");
    let res = app.get(&src).await;
    assert_eq!(res.status().as_u16(), 200, "GET {src}");
    assert_eq!(res.headers()["content-type"], "image/jpeg");
    assert_eq!(res.headers()["cache-control"], "public, max-age=300", "a short cache lifetime");

    // The files are not in the public media directory, and /media does not serve them.
    let path = photo_path(&app, id).expect("stored");
    let file = path.rsplit('/').next().unwrap().to_string();
    assert!(app.data_dir.join("private").join(&path).exists(), "stored privately: {path}");
    assert!(!app.data_dir.join("media").join(&path).exists());
    for guess in [format!("/media/{path}"), format!("/media/pieces/{file}"), format!("/media/portraits/{file}")] {
        assert_eq!(app.get(&guess).await.status().as_u16(), 404, "GET {guess}");
    }
    // Only this artisan's current portrait, under this artisan's id.
    assert_eq!(app.get(&src.replace(&public_id, "tnobody")).await.status().as_u16(), 404);

    // An expired consent answers 404 without any write.
    let today = now().date();
    app.with_conn(|c| {
        diesel::update(artisans::table.find(id))
            .set(artisans::photo_consent_until.eq(Some(today - Duration::days(1))))
            .execute(c)
            .unwrap()
    });
    assert_eq!(app.get(&src).await.status().as_u16(), 404, "expired consent: not served");
    app.with_conn(|c| {
        diesel::update(artisans::table.find(id))
            .set(artisans::photo_consent_until.eq(Some(today + Duration::days(30))))
            .execute(c)
            .unwrap()
    });
    assert_eq!(app.get(&src).await.status().as_u16(), 200);

    // Withdrawing photo consent: 404 at once, the files deleted, the page without it.
    consent(&app, &s, id, "photo", "withdraw").await;
    assert_eq!(app.get(&src).await.status().as_u16(), 404, "withdrawn: not served");
    assert_eq!(photo_path(&app, id), None, "the portrait is forgotten");
    let folder = app.data_dir.join("private").join("portraits");
    let left: Vec<_> = std::fs::read_dir(&folder).map(|d| d.flatten().collect()).unwrap_or_default();
    assert!(left.is_empty(), "every copy deleted: {left:?}");
    assert!(portrait_src(&app.page(&profile, 200).await).is_none(), "the page drops it at once");
}

#[tokio::test]
async fn removing_a_portrait_takes_it_off_the_public_pages_at_once() {
    let app = TestApp::spawn().await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    let s = app.sign_in("kolkata@fairgold.test").await;
    let (id, public_id) =
        app.artisan(ArtisanFixture { alias: "Tara", profile_consent: true, photo_consent: true, ..Default::default() });
    app.piece(PieceFixture { makers: vec![(id, 600)], ..PieceFixture::new("Leaf ring") });
    assert_eq!(upload_portrait(&app, &s, id).await.status().as_u16(), 303);
    let src = portrait_src(&app.page("/pieces/leaf-ring", 200).await).expect("on the piece page");
    assert!(app.json("/api/v1/pieces/leaf-ring", 200).await["makers"][0]["photo_url"]
        .as_str()
        .unwrap()
        .ends_with(&src));
    let res = app.post_form(&format!("/admin/artisans/{id}/photo/delete"), Some(&s), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(portrait_src(&app.page("/pieces/leaf-ring", 200).await).is_none());
    assert!(portrait_src(&app.page(&format!("/artisans/{public_id}"), 200).await).is_none());
    assert_eq!(app.get(&src).await.status().as_u16(), 404);
}

#[tokio::test]
async fn a_maker_is_named_only_with_consent_and_public_times_are_days() {
    let app = TestApp::spawn().await;
    let (named, named_pid) = app.artisan(ArtisanFixture { alias: "Tara", ..Default::default() });
    let (anon, anon_pid) = app.artisan(ArtisanFixture {
        alias: "Zinnia",
        legal_name: "Kamala Roy",
        story: Some("Zinnia's story must not be shown"),
        story_consent: true,
        profile_consent: true,
        anonymous: true,
        ..Default::default()
    });
    app.piece(PieceFixture { makers: vec![(named, 600), (anon, 300)], ..PieceFixture::new("Twin bangle") });

    let html = app.page("/pieces/twin-bangle", 200).await;
    assert!(html.contains("Tara"), "a maker with attribution consent is named");
    assert!(html.contains("A goldsmith of the Kolkata workshop"), "the other is credited by workshop");
    let json = app.json("/api/v1/pieces/twin-bangle", 200).await;
    let makers = json["makers"].as_array().unwrap();
    assert_eq!(makers[0]["alias"], "Tara");
    assert_eq!(makers[0]["public_id"], named_pid.as_str());
    assert_eq!(makers[1]["credit"], "A goldsmith of the Kolkata workshop");
    for field in ["public_id", "alias", "story", "photo_url", "profile_url"] {
        assert!(makers[1][field].is_null(), "no {field} for a maker not named: {}", makers[1]);
    }
    // Nowhere public: not the alias, the story, nor the stable id; no profile page.
    assert_eq!(app.get(&format!("/artisans/{anon_pid}")).await.status().as_u16(), 404);
    for path in ["/", "/pieces", "/pieces/twin-bangle", "/api/v1/pieces", "/api/v1/pieces/twin-bangle", "/sitemap.xml"]
    {
        let body = app.page(path, 200).await;
        for secret in ["Zinnia", &anon_pid] {
            assert!(!body.contains(secret), "{path} shows `{secret}`");
        }
    }

    // Public times are dates, not seconds.
    let listed = json["listed_at"].as_str().unwrap();
    assert!(chrono::NaiveDate::parse_from_str(listed, "%Y-%m-%d").is_ok(), "listed_at is a date: {listed}");
    let list = app.json("/api/v1/pieces", 200).await;
    let listed = list["data"][0]["listed_at"].as_str().unwrap();
    assert_eq!(listed.len(), 10, "listed_at is a date in the list too: {listed}");

    // The customer's order page shows the days of its timeline, not the minutes.
    let piece = app.piece(PieceFixture::new("Lotus ring"));
    let mut placed = crate::checkout::place(&app, &[piece]).await;
    assert_eq!(crate::checkout::pay(&app, &mut placed, "pay").await.status().as_u16(), 303);
    let status = app.page(&format!("/orders/{}", placed.token), 200).await;
    let times: Vec<&str> =
        status.split("<time>").skip(1).map(|t| t.split("</time>").next().unwrap()).collect::<Vec<_>>();
    assert!(!times.is_empty(), "the timeline is shown");
    for t in times {
        assert!(!t.contains(':') && !t.contains("UTC"), "a timeline entry shows a time of day: {t}");
    }
}

#[tokio::test]
async fn an_alias_taken_from_the_legal_name_is_refused_with_an_explanation() {
    let app = TestApp::spawn().await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    let s = app.sign_in("kolkata@fairgold.test").await;
    let form = page_as(&app, "/admin/artisans/new", &s).await;
    assert!(!form.contains("first name and at most an initial") && !form.contains("first name + initial"));
    assert!(form.contains("must not come from their legal name"), "the form says why");

    for (alias, legal) in [("Rupa D.", "Rupali Dasgupta"), ("rupali", "Rupali Dasgupta"), ("Mira", "Sen Mira")] {
        let res = app
            .post_form(
                "/admin/artisans",
                Some(&s),
                &[("alias", alias), ("legal_name", legal), ("joined_on", "2024-01-01")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 422, "{alias} / {legal}");
        let html = res.text().await.unwrap();
        assert!(html.contains("legal"), "{alias}: explained");
    }
    let count: i64 = app.with_conn(|c| artisans::table.count().get_result(c)).unwrap();
    assert_eq!(count, 0, "nothing registered");

    // Registered with an unrelated alias, then edited towards the legal name: refused too, and
    // the explanation does not repeat the legal name (a manager may not see it).
    let res = app
        .post_form(
            "/admin/artisans",
            Some(&s),
            &[("alias", "Tara"), ("legal_name", "Rupali Dasgupta"), ("joined_on", "2024-01-01")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let id: i64 = location(&res).trim_start_matches("/admin/artisans/").split('?').next().unwrap().parse().unwrap();
    for alias in ["Tara D.", "RUPALI"] {
        let res = app.post_form(&format!("/admin/artisans/{id}"), Some(&s), &[("alias", alias), ("story", "")]).await;
        assert_eq!(res.status().as_u16(), 422, "{alias}");
        let html = res.text().await.unwrap();
        assert!(html.contains("legal") && !html.contains("Dasgupta"), "{alias}");
    }
    let row = app.with_conn(|c| artisan_queries::find_row(c, id)).unwrap().unwrap();
    assert_eq!(row.public_alias, "Tara");
}

#[tokio::test]
async fn nothing_is_published_about_an_artisan_in_their_first_year() {
    let app = TestApp::spawn().await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    let s = app.sign_in("kolkata@fairgold.test").await;
    let story = "Tara found her way to goldsmithing";
    let (id, public_id) = app.artisan(ArtisanFixture {
        alias: "Tara",
        story: Some(story),
        story_consent: true,
        profile_consent: true,
        photo_consent: true,
        joined_days_ago: 60,
        ..Default::default()
    });
    app.piece(PieceFixture { makers: vec![(id, 600)], ..PieceFixture::new("Leaf ring") });
    assert_eq!(upload_portrait(&app, &s, id).await.status().as_u16(), 303);
    let piece = app.page("/pieces/leaf-ring", 200).await;
    assert!(!piece.contains(story) && portrait_src(&piece).is_none(), "no story or photo in the first year");
    let api = app.json("/api/v1/pieces/leaf-ring", 200).await;
    assert!(api["makers"][0]["story"].is_null() && api["makers"][0]["photo_url"].is_null());
    let profile = app.page(&format!("/artisans/{public_id}"), 200).await;
    assert!(!profile.contains(story) && portrait_src(&profile).is_none());
    let path = photo_path(&app, id).unwrap();
    let file = path.rsplit('/').next().unwrap();
    assert_eq!(app.get(&format!("/portraits/{public_id}/{file}")).await.status().as_u16(), 404);
    let show = page_as(&app, &format!("/admin/artisans/{id}"), &s).await;
    assert!(show.contains("no story or portrait is published before"), "staff are told why");

    // The joining day is on the artisan form; a year and more later, both are shown.
    let joined = (now().date() - Duration::days(400)).to_string();
    let res = app
        .post_form(
            &format!("/admin/artisans/{id}"),
            Some(&s),
            &[("alias", "Tara"), ("story", story), ("joined_on", &joined)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let piece = app.page("/pieces/leaf-ring", 200).await;
    assert!(piece.contains(story), "the story shows after the first year");
    let src = portrait_src(&piece).expect("the portrait shows after the first year");
    assert_eq!(app.get(&src).await.status().as_u16(), 200);
}

#[tokio::test]
async fn a_signed_consent_form_is_stored_stripped_and_private() {
    let app = TestApp::spawn().await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("mumbai@fairgold.test", "manager", Some("mumbai"));
    let s = app.sign_in("kolkata@fairgold.test").await;
    let (id, _) = app.artisan(ArtisanFixture { alias: "Tara", ..Default::default() });
    consent(&app, &s, id, "story", "give").await;
    let consent_id: i64 = app
        .with_conn(|c| {
            artisan_consents::table.filter(artisan_consents::artisan_id.eq(id)).select(artisan_consents::id).first(c)
        })
        .unwrap();
    let scan = crate::admin_images::photo_with_gps(1200, 1600);
    let url = format!("/admin/artisans/{id}/consents/{consent_id}/form");
    let upload = |session: Session| {
        let (scan, url, app) = (scan.clone(), url.clone(), &app);
        async move {
            app.post_multipart(
                &url,
                Some(&session),
                &[
                    Part::Text("csrf_token", &session.csrf),
                    Part::File { name: "scan", filename: "form.jpg", content_type: "image/jpeg", bytes: &scan },
                ],
            )
            .await
        }
    };
    let other = app.sign_in("mumbai@fairgold.test").await;
    assert_eq!(upload(other.clone()).await.status().as_u16(), 403, "another center cannot attach one");
    assert_eq!(upload(s.clone()).await.status().as_u16(), 303);

    let stored: Option<String> = app
        .with_conn(|c| artisan_consents::table.find(consent_id).select(artisan_consents::form_path).first(c))
        .unwrap();
    let stored = stored.expect("the record carries its form");
    assert!(app.data_dir.join("private").join(&stored).exists(), "in the private directory: {stored}");
    assert!(!app.data_dir.join("media").join(&stored).exists());
    assert_eq!(app.get(&format!("/media/{stored}")).await.status().as_u16(), 404);

    // The center's staff see it (no EXIF, no GPS), logged; nobody else does.
    let show = page_as(&app, &format!("/admin/artisans/{id}"), &s).await;
    assert!(show.replace("&#x2F;", "/").contains(&url), "linked from the history");
    let res = app.get_as(&url, &s).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["content-type"], "image/jpeg");
    let bytes = res.bytes().await.unwrap();
    assert!(exif::Reader::new().read_from_container(&mut std::io::Cursor::new(&bytes[..])).is_err(), "no EXIF");
    assert_eq!(app.get_as(&url, &other).await.status().as_u16(), 403, "another center's manager");
    let anonymous = app.get(&url).await.status().as_u16();
    assert!(anonymous == 303 || anonymous == 401, "anonymous: {anonymous}");
    let views = app.with_conn(|c| {
        search(c, &AuditFilter { action: Some("artisan.consent_form_view".into()), ..Default::default() }, 10)
    });
    assert_eq!(views.unwrap().len(), 1, "each view is audit-logged");
}

#[tokio::test]
async fn a_story_that_screening_flags_is_public_only_after_a_second_staff_member_approves_it() {
    let app = TestApp::spawn().await;
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("admin@fairgold.test", "admin", None);
    let s = app.sign_in("kolkata@fairgold.test").await;
    let (id, public_id) =
        app.artisan(ArtisanFixture { alias: "Tara", story_consent: true, profile_consent: true, ..Default::default() });
    app.piece(PieceFixture { makers: vec![(id, 600)], ..PieceFixture::new("Leaf ring") });
    let story = "Tara works the night shift near Park Street until 9 pm.";
    let res = app.post_form(&format!("/admin/artisans/{id}"), Some(&s), &[("alias", "Tara"), ("story", story)]).await;
    assert_eq!(res.status().as_u16(), 303, "the story is saved");
    let row = app.with_conn(|c| artisan_queries::find_row(c, id)).unwrap().unwrap();
    assert_eq!(row.public_story.as_deref(), Some(story));
    let public = ["/pieces/leaf-ring".to_string(), "/api/v1/pieces/leaf-ring".into(), format!("/artisans/{public_id}")];
    for path in &public {
        assert!(!app.page(path, 200).await.contains("Park Street"), "{path}: not public before approval");
    }

    // The editor sees what was found; they cannot approve it themselves.
    let show = page_as(&app, &format!("/admin/artisans/{id}"), &s).await;
    assert!(show.contains("Screening found") && show.contains("a shift") && show.contains("a time of day"), "{show}");
    assert!(!show.contains("Approve this story"), "no approve button for the one who asked");
    let res = app.post_form(&format!("/admin/artisans/{id}/story/approve"), Some(&s), &[]).await;
    assert_eq!(res.status().as_u16(), 409, "the same person cannot approve");
    assert!(!app.page("/pieces/leaf-ring", 200).await.contains("Park Street"));

    // A second staff member approves: public at once, audit-logged.
    let admin = app.sign_in("admin@fairgold.test").await;
    assert!(page_as(&app, &format!("/admin/artisans/{id}"), &admin).await.contains("Approve this story"));
    let res = app.post_form(&format!("/admin/artisans/{id}/story/approve"), Some(&admin), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    for path in &public {
        assert!(app.page(path, 200).await.contains("Park Street"), "{path}: public once approved");
    }
    let approvals = app
        .with_conn(|c| search(c, &AuditFilter { action: Some("text.approve".into()), ..Default::default() }, 10))
        .unwrap();
    assert_eq!(approvals.len(), 1, "the approval is in the audit log");

    // A changed text needs a new approval; a story with nothing flagged is public at once.
    let changed = "Tara works the night shift near Park Street until 10 pm.";
    app.post_form(&format!("/admin/artisans/{id}"), Some(&admin), &[("alias", "Tara"), ("story", changed)]).await;
    assert!(!app.page("/pieces/leaf-ring", 200).await.contains("Park Street"), "changed: approval again");
    let clean = "Tara loves filigree and teaches it.";
    app.post_form(&format!("/admin/artisans/{id}"), Some(&s), &[("alias", "Tara"), ("story", clean)]).await;
    assert!(app.page("/pieces/leaf-ring", 200).await.contains(clean));
}
