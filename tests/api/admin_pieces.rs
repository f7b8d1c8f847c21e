//! The back-office inventory pages: a manager lists, creates, edits, publishes and withdraws
//! pieces of their own workshop; mistakes come back next to their fields; another workshop's
//! pieces, finance staff and forged forms change nothing.

use diesel::prelude::*;
use fairgold::catalog::models::PieceRow;
use fairgold::schema::{audit_log, piece_images, pieces};

use crate::helpers::{ArtisanFixture, PieceFixture, Session, TestApp};

/// Every field of the piece form, filled in correctly; override what a test needs.
pub fn full_form(sku: &str, title: &str, artisan: &str) -> Vec<(&'static str, String)> {
    vec![
        ("sku", sku.into()),
        ("title", title.into()),
        ("description", "Hand-raised petals.\r\n\r\nMade in one piece.".into()),
        ("kind", "ring".into()),
        ("metal", "yellow_gold".into()),
        ("purity", "22K916".into()),
        ("gross_weight_g", "4.65".into()),
        ("net_weight_g", "4.5".into()),
        ("ring_size", "12".into()),
        ("huid", "ab12cd".into()),
        ("price", "625".into()),
        ("center", "kolkata".into()),
        ("stones", "ruby, 3, 0.45".into()),
        ("labor", format!("{artisan}, 18.5")),
    ]
}

fn with(form: &[(&'static str, String)], changes: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    form.iter()
        .map(|(k, v)| (*k, changes.iter().find(|(ck, _)| ck == k).map(|(_, cv)| cv.to_string()).unwrap_or(v.clone())))
        .collect()
}

pub async fn post(app: &TestApp, path: &str, session: &Session, form: &[(&'static str, String)]) -> reqwest::Response {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.post_form(path, Some(session), &pairs).await
}

pub fn location(res: &reqwest::Response) -> String {
    res.headers()["location"].to_str().unwrap().to_string()
}

pub fn piece_row(app: &TestApp, id: i64) -> PieceRow {
    app.with_conn(|c| pieces::table.find(id).select(PieceRow::as_select()).first(c)).unwrap()
}

fn piece_count(app: &TestApp) -> i64 {
    app.with_conn(|c| pieces::table.count().get_result(c)).unwrap()
}

fn audit_actions(app: &TestApp, piece_id: i64) -> Vec<String> {
    app.with_conn(|c| {
        audit_log::table
            .filter(audit_log::entity_type.eq("piece"))
            .filter(audit_log::entity_id.eq(piece_id.to_string()))
            .order(audit_log::id)
            .select(audit_log::action)
            .load(c)
    })
    .unwrap()
}

/// Tera writes `/` as `&#x2F;` inside attributes.
pub fn unescape(html: &str) -> String {
    html.replace("&#x2F;", "/").replace("&amp;", "&")
}

#[tokio::test]
async fn a_manager_creates_a_draft_publishes_edits_and_withdraws_it() {
    let app = TestApp::spawn().await;
    app.gold_rate_today(1_000);
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let (_, artisan) = app.artisan(ArtisanFixture::default());
    let me = app.sign_in("rupa@fairgold.test").await;

    let page = app.get_as("/admin/pieces/new", &me).await;
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.unwrap();
    for name in ["sku", "title", "description", "kind", "metal", "purity", "gross_weight_g", "net_weight_g"] {
        assert!(html.contains(&format!("<label for=\"f-{name}\">")), "a label for {name}");
        assert!(html.contains(&format!("name=\"{name}\"")), "a control for {name}");
    }
    for name in ["ring_size", "huid", "price", "center", "stones"] {
        assert!(html.contains(&format!("<label for=\"f-{name}\">")), "a label for {name}");
    }
    // "Made by": a select of the workshop's artisans by alias, never an id to type.
    assert!(html.contains("<label class=\"visually-hidden\" for=\"f-maker_1\">") && html.contains("name=\"hours_1\""));
    assert!(html.contains(&format!("<option value=\"{artisan}\">Rupa D.</option>")), "the maker by alias");
    assert!(!html.contains("Rupali"), "never the legal name");

    let form = full_form("kol-rng-0100", "Lotus ring", &artisan);
    let res = post(&app, "/admin/pieces", &me, &form).await;
    assert_eq!(res.status().as_u16(), 303);
    let to = location(&res);
    let id: i64 = to.trim_start_matches("/admin/pieces/").split('?').next().unwrap().parse().unwrap();
    let row = piece_row(&app, id);
    assert_eq!(row.status.code(), "draft");
    assert_eq!(
        (row.sku.as_str(), row.title.as_str(), row.kind.code(), row.metal.code(), row.purity.code()),
        ("KOL-RNG-0100", "Lotus ring", "ring", "yellow_gold", "22K916")
    );
    assert_eq!((row.gross_weight_mg, row.net_weight_mg, row.ring_size), (4_650, 4_500, Some(12)));
    assert_eq!((row.huid.as_deref(), row.price_minor, row.center_id), (Some("AB12CD"), 62_500, app.kolkata));
    assert_eq!(row.description, "Hand-raised petals.\n\nMade in one piece.");
    let edit = app.get_as(&to, &me).await.text().await.unwrap();
    assert!(edit.contains("saved as a draft"), "the edit page confirms the draft");
    assert!(edit.contains("ruby, 3, 0.45"), "stones kept");
    assert!(
        edit.contains(&format!("<option value=\"{artisan}\" selected>Rupa D.</option>"))
            && edit.contains("name=\"hours_1\" type=\"text\" inputmode=\"decimal\" size=\"6\" value=\"18.50\""),
        "the maker and hours kept in the first row"
    );

    // A draft does not exist for the storefront.
    app.page("/pieces/lotus-ring", 404).await;
    assert!(!app.page("/pieces", 200).await.contains("Lotus ring"));

    app.photo(id);
    let res = app.post_form(&format!("/admin/pieces/{id}/publish/confirm"), Some(&me), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(app.page("/pieces", 200).await.contains("Lotus ring"));
    let public = app.page("/pieces/lotus-ring", 200).await;
    assert!(public.contains("$625.00"), "the price is shown");

    let res = post(&app, &format!("/admin/pieces/{id}"), &me, &with(&form, &[("price", "700.50")])).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), format!("/admin/pieces/{id}?done=saved"));
    let public = app.page("/pieces/lotus-ring", 200).await;
    assert!(public.contains("$700.50") && !public.contains("$625.00"), "the cached page was refreshed");

    let res = app.post_form(&format!("/admin/pieces/{id}/withdraw"), Some(&me), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    app.page("/pieces/lotus-ring", 404).await;
    assert_eq!(piece_row(&app, id).status.code(), "withdrawn");

    // Withdrawing again is a mistake shown on the page, not an error.
    let res = app.post_form(&format!("/admin/pieces/{id}/withdraw"), Some(&me), &[]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("a withdrawn piece cannot become withdrawn"));

    assert_eq!(audit_actions(&app, id), ["piece.create", "piece.publish", "piece.update", "piece.withdraw"]);
}

#[tokio::test]
async fn mistakes_are_shown_next_to_their_fields_with_the_input_kept() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let (_, artisan) = app.artisan(ArtisanFixture::default());
    let me = app.sign_in("rupa@fairgold.test").await;

    let form = with(
        &full_form("kol-rng-0101", "Typed <title>", &artisan),
        &[("price", "abc"), ("huid", "12345"), ("gross_weight_g", "4.6555")],
    );
    let res = post(&app, "/admin/pieces", &me, &form).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let html = res.text().await.unwrap();
    let error_of = |field: &str| {
        let marker = format!("<p class=\"field-error\" id=\"f-{field}-error\">");
        let at = html.find(&marker).unwrap_or_else(|| panic!("no error shown for {field}")) + marker.len();
        html[at..].split('<').next().unwrap().to_string()
    };
    assert_eq!(error_of("price"), "price must be an amount such as 250 or 250.50");
    assert!(error_of("huid").contains("HUID"), "{}", error_of("huid"));
    assert_eq!(error_of("gross_weight_g"), "enter a weight in grams, e.g. 4.25");
    // Each message sits right after its own input.
    let price_input = html.find("id=\"f-price\"").unwrap();
    assert!(html.find("id=\"f-price-error\"").unwrap() > price_input);
    assert!(html.find("id=\"f-price-error\"").unwrap() < html.find("id=\"f-center\"").unwrap());
    for kept in ["value=\"abc\"", "value=\"12345\"", "value=\"4.6555\"", "value=\"Typed &lt;title&gt;\""] {
        assert!(html.contains(kept), "typed value kept: {kept}");
    }
    assert!(html.contains("<option value=\"22K916\" selected>"), "the chosen purity stays chosen");
    assert!(html.contains("ruby, 3, 0.45"), "the stones text is kept");
    assert_eq!(piece_count(&app), 0, "nothing was created");

    // The same on an edit: the stored piece is unchanged.
    let id = app.piece(PieceFixture::new("Quiet bangle"));
    let before = format!("{:?}", piece_row(&app, id));
    let res = post(&app, &format!("/admin/pieces/{id}"), &me, &form).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("value=\"abc\""));
    assert_eq!(format!("{:?}", piece_row(&app, id)), before);
}

#[tokio::test]
async fn a_manager_cannot_change_another_workshops_piece() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let (_, artisan) = app.artisan(ArtisanFixture::default());
    let me = app.sign_in("rupa@fairgold.test").await;
    let listed = app.piece(PieceFixture { mumbai: true, ..PieceFixture::new("Mumbai chain") });
    let draft = app.piece(PieceFixture { mumbai: true, status: "draft", ..PieceFixture::new("Mumbai draft") });
    let snapshot = |id| format!("{:?}", piece_row(&app, id));
    let images = || app.with_conn(|c| piece_images::table.count().get_result::<i64>(c)).unwrap();
    let (before_listed, before_draft, before_images) = (snapshot(listed), snapshot(draft), images());

    assert_eq!(app.get_as(&format!("/admin/pieces/{listed}"), &me).await.status().as_u16(), 403);
    let edit = full_form("mum-chn-0001", "Renamed", &artisan);
    for form in [edit.clone(), with(&edit, &[("center", "")])] {
        let res = post(&app, &format!("/admin/pieces/{listed}"), &me, &form).await;
        assert_eq!(res.status().as_u16(), 403);
    }
    // Creating a piece for the other workshop is refused too.
    let res = post(&app, "/admin/pieces", &me, &with(&edit, &[("center", "mumbai"), ("labor", "")])).await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(app.post_form(&format!("/admin/pieces/{draft}/publish"), Some(&me), &[]).await.status().as_u16(), 403);
    assert_eq!(app.post_form(&format!("/admin/pieces/{listed}/withdraw"), Some(&me), &[]).await.status().as_u16(), 403);
    let jpeg = crate::admin_images::photo_with_gps(900, 600);
    let res =
        crate::admin_images::upload(&app, &me, listed, Some("A chain"), Some(("chain.jpg", "image/jpeg", &jpeg))).await;
    assert_eq!(res.status().as_u16(), 403);
    let image_id: i64 = app
        .with_conn(|c| piece_images::table.filter(piece_images::piece_id.eq(listed)).select(piece_images::id).first(c))
        .unwrap();
    for action in ["move", "delete"] {
        let res = app
            .post_form(
                &format!("/admin/pieces/{listed}/images/{image_id}/{action}"),
                Some(&me),
                &[("direction", "down")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 403, "{action}");
    }

    assert_eq!(snapshot(listed), before_listed);
    assert_eq!(snapshot(draft), before_draft);
    assert_eq!(images(), before_images);
    assert_eq!(piece_count(&app), 2);
    assert!(audit_actions(&app, listed).is_empty() && audit_actions(&app, draft).is_empty());
}

#[tokio::test]
async fn finance_may_look_but_not_write_and_an_admin_writes_for_both_workshops() {
    let app = TestApp::spawn().await;
    app.gold_rate_today(1_000);
    app.staff("fin@fairgold.test", "finance", None);
    app.staff("root@fairgold.test", "admin", None);
    let (_, artisan) = app.artisan(ArtisanFixture::default());
    let kolkata = app.piece(PieceFixture { status: "draft", ..PieceFixture::new("Kolkata studs") });
    // Publishing accepts a piece into inventory, which needs its labor record (wages).
    let (mumbai_maker, _) = app.artisan(ArtisanFixture { mumbai: true, ..ArtisanFixture::default() });
    let mumbai = app.piece(PieceFixture {
        mumbai: true,
        status: "draft",
        makers: vec![(mumbai_maker, 600)],
        huid: Some("MH01PS"),
        ..PieceFixture::new("Mumbai hoops")
    });

    let finance = app.sign_in("fin@fairgold.test").await;
    let list = app.get_as("/admin/pieces", &finance).await;
    assert_eq!(list.status().as_u16(), 200);
    let list = list.text().await.unwrap();
    assert!(list.contains("Kolkata studs") && list.contains("Mumbai hoops"));
    assert!(!list.contains("href=\"/admin/pieces/new\""), "no add button for finance");
    let page = app.get_as(&format!("/admin/pieces/{mumbai}"), &finance).await;
    assert_eq!(page.status().as_u16(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains("<fieldset disabled>") && !page.contains("Save changes"), "read-only for finance");
    assert_eq!(app.get_as("/admin/pieces/new", &finance).await.status().as_u16(), 403);
    let before = format!("{:?}", piece_row(&app, kolkata));
    let form = full_form("kol-std-0001", "Finance edit", &artisan);
    assert_eq!(post(&app, "/admin/pieces", &finance, &form).await.status().as_u16(), 403);
    assert_eq!(post(&app, &format!("/admin/pieces/{kolkata}"), &finance, &form).await.status().as_u16(), 403);
    let res = app.post_form(&format!("/admin/pieces/{kolkata}/publish"), Some(&finance), &[]).await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(format!("{:?}", piece_row(&app, kolkata)), before);
    assert_eq!(piece_count(&app), 2);

    let admin = app.sign_in("root@fairgold.test").await;
    let res = post(&app, &format!("/admin/pieces/{kolkata}"), &admin, &form).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(piece_row(&app, kolkata).title, "Finance edit");
    let res = app.post_form(&format!("/admin/pieces/{mumbai}/publish/confirm"), Some(&admin), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(piece_row(&app, mumbai).status.code(), "listed");
    // An admin creates for either workshop, and must say which.
    let mumbai_form =
        with(&full_form("mum-rng-0009", "Admin ring", ""), &[("center", "mumbai"), ("labor", ""), ("huid", "")]);
    assert_eq!(post(&app, "/admin/pieces", &admin, &mumbai_form).await.status().as_u16(), 303);
    let res =
        post(&app, "/admin/pieces", &admin, &with(&mumbai_form, &[("center", ""), ("sku", "mum-rng-0010")])).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("choose the workshop the piece comes from"));
}

#[tokio::test]
async fn a_form_without_its_csrf_token_changes_nothing() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let (_, artisan) = app.artisan(ArtisanFixture::default());
    let me = app.sign_in("rupa@fairgold.test").await;
    let id = app.piece(PieceFixture { status: "draft", ..PieceFixture::new("Guarded ring") });
    let before = format!("{:?}", piece_row(&app, id));

    let mut form = full_form("kol-rng-0102", "Forged", &artisan);
    form.push(("csrf_token", String::new()));
    assert_eq!(post(&app, "/admin/pieces", &me, &form).await.status().as_u16(), 403);
    assert_eq!(post(&app, &format!("/admin/pieces/{id}"), &me, &form).await.status().as_u16(), 403);
    let res = app.post_form(&format!("/admin/pieces/{id}/publish"), Some(&me), &[("csrf_token", "forged")]).await;
    assert_eq!(res.status().as_u16(), 403);
    let jpeg = crate::admin_images::photo_with_gps(900, 600);
    let res = crate::admin_images::upload_with_token(
        &app,
        &me,
        id,
        None,
        Some("A ring"),
        Some(("ring.jpg", "image/jpeg", &jpeg)),
    )
    .await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(format!("{:?}", piece_row(&app, id)), before);
    assert_eq!(piece_count(&app), 1);
    let images: i64 =
        app.with_conn(|c| piece_images::table.filter(piece_images::piece_id.eq(id)).count().get_result(c)).unwrap();
    assert_eq!(images, 1, "only the fixture's image");
}

#[tokio::test]
async fn the_list_searches_filters_pages_and_keeps_managers_to_their_workshop() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    app.staff("root@fairgold.test", "admin", None);
    app.piece(PieceFixture::new("Lotus Ring"));
    app.piece(PieceFixture { status: "draft", ..PieceFixture::new("Lotus pendant") });
    app.piece(PieceFixture { mumbai: true, ..PieceFixture::new("Lotus hoops") });
    for i in 0..26 {
        app.piece(PieceFixture { status: "withdrawn", ..PieceFixture::new(&format!("Old bangle {i}")) });
    }
    let sku: String = app
        .with_conn(|c| pieces::table.filter(pieces::title.eq("Lotus pendant")).select(pieces::sku).first(c))
        .unwrap();

    let admin = app.sign_in("root@fairgold.test").await;
    let body = |res: reqwest::Response| async move {
        assert_eq!(res.status().as_u16(), 200);
        res.text().await.unwrap()
    };
    let html = body(app.get_as("/admin/pieces?q=LOTUS", &admin).await).await;
    assert!(html.contains("Lotus Ring") && html.contains("Lotus pendant") && html.contains("Lotus hoops"));
    assert!(html.contains("3 pieces") && !html.contains("Old bangle"));
    let html = body(app.get_as(&format!("/admin/pieces?q={}", sku.to_lowercase()), &admin).await).await;
    assert!(html.contains("Lotus pendant") && html.contains("1 piece<"), "found by SKU");
    let html = body(app.get_as("/admin/pieces?q=lotus&status=draft", &admin).await).await;
    assert!(html.contains("Lotus pendant") && !html.contains("Lotus Ring"));
    let html = body(app.get_as("/admin/pieces?q=lotus&center=mumbai", &admin).await).await;
    assert!(html.contains("Lotus hoops") && !html.contains("Lotus Ring"));
    let html = body(app.get_as("/admin/pieces?q=100%25_", &admin).await).await;
    assert!(html.contains("0 pieces"), "% and _ are matched literally");
    let first = body(app.get_as("/admin/pieces?status=withdrawn", &admin).await).await;
    assert!(first.contains("26 pieces · page 1 of 2"), "{}", &first[first.find("list-summary").unwrap()..][..200]);
    assert!(unescape(&first).contains("href=\"/admin/pieces?status=withdrawn&page=2\""), "a link to page 2");
    let second = body(app.get_as("/admin/pieces?status=withdrawn&page=2", &admin).await).await;
    assert_eq!(second.matches("Old bangle").count(), 1);
    let res = app.get_as("/admin/pieces?status=lost", &admin).await;
    assert_eq!(res.status().as_u16(), 400);

    let me = app.sign_in("rupa@fairgold.test").await;
    let html = body(app.get_as("/admin/pieces?q=lotus&center=mumbai", &me).await).await;
    assert!(html.contains("Lotus Ring") && html.contains("Lotus pendant"));
    assert!(!html.contains("Lotus hoops"), "a manager sees only their own workshop");
    assert!(!html.contains("id=\"f-center\""), "and has no workshop filter");
}

#[tokio::test]
async fn makers_are_chosen_by_alias_every_mistake_shows_at_once_and_the_sku_is_proposed() {
    let app = TestApp::spawn().await;
    app.gold_rate_today(1_000);
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let (_, rupa) = app.artisan(ArtisanFixture::default());
    let (_, meena) =
        app.artisan(ArtisanFixture { alias: "Meena K.", legal_name: "Meenakshi Kar", ..Default::default() });
    let (_, mumbai) =
        app.artisan(ArtisanFixture { alias: "Asha P.", legal_name: "Asha Pawar", mumbai: true, ..Default::default() });
    let me = app.sign_in("rupa@fairgold.test").await;
    let page = app.get_as("/admin/pieces/new", &me).await.text().await.unwrap();
    assert!(page.contains("Meena K.") && !page.contains(&mumbai), "only this workshop's artisans are offered");

    // Three mistakes (no title, a row's hours, another row's maker): all shown in one answer,
    // what was chosen kept.
    let mut form: Vec<(&'static str, String)> =
        full_form("", "", "").into_iter().filter(|(k, _)| *k != "labor").collect();
    form.extend([
        ("maker_1", rupa.clone()),
        ("hours_1", "ten".into()),
        ("maker_2", String::new()),
        ("hours_2", "4".into()),
        ("maker_3", String::new()),
        ("hours_3", String::new()),
    ]);
    let res = post(&app, "/admin/pieces", &me, &form).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("give the piece a title"), "the title");
    assert!(html.contains("hours are a number above zero"), "the first row's hours");
    assert!(html.contains("choose who worked these hours"), "the second row's maker");
    assert!(html.contains(&format!("<option value=\"{rupa}\" selected>")), "the choice kept");

    // The wage for what is typed, without saving.
    let fixed = with(&form, &[("title", "Twin lotus ring"), ("hours_1", "10"), ("maker_2", &meena), ("hours_2", "5")]);
    let mut preview = fixed.clone();
    preview.push(("action", "preview".into()));
    let res = post(&app, "/admin/pieces", &me, &preview).await;
    assert_eq!(res.status().as_u16(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("Each maker&#x27;s share") || html.contains("Each maker's share"));
    assert!(html.contains("<td class=\"num\">15 hours</td>"), "the hours of both makers: {html}");
    assert!(html.contains("<td class=\"num\">5 hours</td>"), "Meena's share of them");
    let count: i64 = app.with_conn(|c| pieces::table.count().get_result(c).unwrap());
    assert_eq!(count, 0, "a preview saves nothing");

    // Saved with the SKU left empty: numbered from the workshop and the kind.
    app.piece(PieceFixture { slug: Some("old".into()), ..PieceFixture::new("Old ring") });
    app.with_conn(|c| diesel::update(pieces::table).set(pieces::sku.eq("KOL-RNG-0012")).execute(c).unwrap());
    let res = post(&app, "/admin/pieces", &me, &fixed).await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap_or_default());
    let sku: String = app
        .with_conn(|c| pieces::table.filter(pieces::title.eq("Twin lotus ring")).select(pieces::sku).first(c).unwrap());
    assert_eq!(sku, "KOL-RNG-0013");
    let makers: i64 = app.with_conn(|c| {
        fairgold::schema::piece_makers::table
            .inner_join(pieces::table)
            .filter(pieces::sku.eq("KOL-RNG-0013"))
            .count()
            .get_result(c)
            .unwrap()
    });
    assert_eq!(makers, 2);
}
