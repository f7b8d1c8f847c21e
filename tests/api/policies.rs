//! Shop policies: rendered safely, versioned (every save a new version, earlier ones still
//! readable), edited by admins only, linked in every public page's footer and in the sitemap;
//! the terms and returns versions a buyer accepted are kept on the order placed through the
//! real checkout (a version that changed under the form is refused); piece pages show the
//! shipping costs.

use diesel::prelude::*;
use fairgold::schema::{audit_log, order_policy_acceptances, orders, policy_versions};

use crate::checkout::{Shopper, ADDRESS};
use crate::helpers::{PieceFixture, Session, TestApp};

async fn admin(app: &TestApp) -> Session {
    app.staff("admin@fairgold.test", "admin", None);
    app.sign_in("admin@fairgold.test").await
}

/// Saves a policy through the back-office form; asserts the redirect to the saved version.
async fn save(app: &TestApp, session: &Session, kind: &str, body: &str) -> u16 {
    let today = chrono::Utc::now().date_naive().to_string();
    let res = app
        .post_form(
            &format!("/admin/policies/{kind}"),
            Some(session),
            &[("body", body), ("effective_on", &today), ("action", "save")],
        )
        .await;
    let status = res.status().as_u16();
    if status == 303 {
        let to = res.headers()["location"].to_str().unwrap().to_string();
        assert!(to.starts_with(&format!("/admin/policies/{kind}?saved=")), "{to}");
    }
    status
}

fn versions_of(app: &TestApp, kind: &str) -> Vec<i64> {
    app.with_conn(|c| {
        policy_versions::table
            .filter(policy_versions::kind.eq(kind))
            .order(policy_versions::version.asc())
            .select(policy_versions::version)
            .load(c)
            .unwrap()
    })
}

/// The value of a hidden input in a page.
fn hidden(html: &str, name: &str) -> Option<String> {
    let needle = format!("name=\"{name}\" value=\"");
    let at = html.find(&needle)? + needle.len();
    Some(html[at..].split('"').next()?.to_string())
}

#[tokio::test]
async fn every_shop_has_each_policy_and_every_public_page_links_them() {
    let app = TestApp::spawn().await;
    for kind in ["shipping", "returns", "privacy", "terms", "grievance"] {
        assert_eq!(versions_of(&app, kind), [1], "{kind} has its default text");
        let html = app.page(&format!("/policies/{kind}"), 200).await;
        assert!(html.contains("Version 1, in effect since"), "{kind}: {html}");
    }
    // The grievance default says it still has to be configured.
    assert!(app.page("/policies/grievance", 200).await.contains("still to be configured"));
    // The shipping page shows the costs checkout charges (the default zones, in USD).
    let shipping = app.page("/policies/shipping", 200).await;
    assert!(
        shipping.contains("Insured express courier, 5–8 working days") && shipping.contains("$45.00"),
        "{shipping}"
    );
    assert!(shipping.contains("Duties and import taxes"));
    assert_eq!(app.get("/policies/cookies").await.status().as_u16(), 404);

    // The footer of a public page links every policy.
    let home = app.page("/", 200).await;
    for path in
        ["/policies/shipping", "/policies/returns", "/policies/privacy", "/policies/terms", "/policies/grievance"]
    {
        assert!(home.contains(&format!("href=\"{path}\"")), "footer link to {path}");
    }
    let sitemap = app.page("/sitemap.xml", 200).await;
    assert!(sitemap.contains("/policies/terms</loc>") && sitemap.contains("/policies/grievance</loc>"), "{sitemap}");
}

#[tokio::test]
async fn markdown_is_rendered_without_scripts_or_script_links() {
    let app = TestApp::spawn().await;
    let session = admin(&app).await;
    let body = "## Returns\n\nWithin **14 days**.\n\n<script>alert('owned')</script>\n\n\
                [click me](javascript:alert(1)) and <a href=\"javascript:alert(2)\">raw</a> \
                and [our terms](/policies/terms) and [mail](mailto:help@example.org)\n\n\
                <img src=x onerror=alert(3)>";
    assert_eq!(save(&app, &session, "returns", body).await, 303);
    let html = app.page("/policies/returns", 200).await;
    assert!(html.contains("<strong>14 days</strong>"), "Markdown is rendered: {html}");
    assert!(!html.contains("<script>alert"), "no live script: {html}");
    assert!(html.contains("&lt;script&gt;alert("), "the script is shown as text");
    // No live link to a script: the Markdown link lost its target, the raw tag is shown as text.
    assert!(!html.to_lowercase().contains("<a href=\"javascript:"), "no javascript: link: {html}");
    assert!(!html.to_lowercase().contains("=\"javascript:alert(1)"), "{html}");
    assert!(html.contains("&lt;a href="), "the raw tag is text: {html}");
    assert!(!html.contains("<img src=x"), "no raw image tag");
    assert!(html.contains("click me"), "the link's words stay");
    assert!(html.contains("href=\"/policies/terms\"") && html.contains("href=\"mailto:help@example.org\""));

    // The preview renders the same way and saves nothing.
    let today = chrono::Utc::now().date_naive().to_string();
    let res = app
        .post_form(
            "/admin/policies/privacy",
            Some(&session),
            &[("body", "Some **bold** text <script>x()</script>"), ("effective_on", &today), ("action", "preview")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains("<strong>bold</strong>") && !page.contains("<script>x()"), "{page}");
    assert_eq!(versions_of(&app, "privacy"), [1]);
}

#[tokio::test]
async fn each_save_is_a_new_version_and_earlier_ones_stay_readable() {
    let app = TestApp::spawn().await;
    let session = admin(&app).await;
    assert_eq!(save(&app, &session, "terms", "Terms, second edition.").await, 303);
    assert_eq!(save(&app, &session, "terms", "Terms, third edition.").await, 303);
    assert_eq!(versions_of(&app, "terms"), [1, 2, 3]);

    let current = app.page("/policies/terms", 200).await;
    assert!(current.contains("Version 3, in effect since") && current.contains("Terms, third edition."), "{current}");
    assert!(
        current.contains("href=\"/policies/terms/versions/2\"")
            && current.contains("href=\"/policies/terms/versions/1\"")
    );
    let second = app.page("/policies/terms/versions/2", 200).await;
    assert!(second.contains("Terms, second edition.") && second.contains("an earlier version"), "{second}");
    assert!(!second.contains("third edition"));
    let first = app.page("/policies/terms/versions/1", 200).await;
    assert!(first.contains("These terms apply to every order"), "the default text is kept");
    assert_eq!(app.get("/policies/terms/versions/9").await.status().as_u16(), 404);

    // Each save is in the audit log; the rows cannot be changed.
    let saves: i64 =
        app.with_conn(|c| audit_log::table.filter(audit_log::action.eq("policy.save")).count().get_result(c).unwrap());
    assert_eq!(saves, 2);
    let changed = app.with_conn(|c| {
        diesel::update(policy_versions::table.filter(policy_versions::kind.eq("terms")))
            .set(policy_versions::body.eq("rewritten"))
            .execute(c)
    });
    assert!(changed.is_err(), "policy versions are append-only");

    // A bad form saves nothing and says why, field by field.
    let res =
        app.post_form("/admin/policies/terms", Some(&session), &[("body", "  "), ("effective_on", "2001-01-01")]).await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("write the text of the policy") && page.contains("never in the past"), "{page}");
    assert_eq!(versions_of(&app, "terms"), [1, 2, 3]);
}

#[tokio::test]
async fn only_admins_edit_policies() {
    let app = TestApp::spawn().await;
    app.staff("finance@fairgold.test", "finance", None);
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    let finance = app.sign_in("finance@fairgold.test").await;
    let manager = app.sign_in("kolkata@fairgold.test").await;
    for s in [&finance, &manager] {
        assert_eq!(app.get_as("/admin/policies", s).await.status().as_u16(), 403);
        assert_eq!(app.get_as("/admin/policies/terms", s).await.status().as_u16(), 403);
        assert_eq!(save(&app, s, "terms", "Mine now.").await, 403);
    }
    let res = app.get("/admin/policies/terms").await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(res.headers()["location"].to_str().unwrap().starts_with("/admin/login"));
    let res = app.post_form("/admin/policies/terms", None, &[("body", "x"), ("effective_on", "2030-01-01")]).await;
    let to_sign_in = res.headers().get("location").is_some_and(|l| l.to_str().unwrap().starts_with("/admin/login"));
    assert!(to_sign_in || res.status().as_u16() == 401, "anonymous: {}", res.status());
    assert_eq!(versions_of(&app, "terms"), [1]);

    let session = admin(&app).await;
    let list = app.get_as("/admin/policies", &session).await.text().await.unwrap();
    assert!(list.contains("href=\"/admin/policies/grievance\""), "{list}");
    let edit = app.get_as("/admin/policies/grievance", &session).await.text().await.unwrap();
    assert!(edit.contains("still to be configured"), "the form starts from the current text");
    assert_eq!(save(&app, &session, "grievance", "Grievance officer: A. Sen, grievance@fairgold.example").await, 303);
    assert_eq!(versions_of(&app, "grievance"), [1, 2]);
}

fn accepted(app: &TestApp, order_id: i64) -> Vec<(String, i64)> {
    app.with_conn(|c| {
        order_policy_acceptances::table
            .filter(order_policy_acceptances::order_id.eq(order_id))
            .order(order_policy_acceptances::kind.asc())
            .select((order_policy_acceptances::kind, order_policy_acceptances::version))
            .load(c)
            .unwrap()
    })
}

#[tokio::test]
async fn the_order_keeps_the_terms_version_its_buyer_was_shown() {
    let app = TestApp::spawn().await;
    let session = admin(&app).await;
    assert_eq!(save(&app, &session, "terms", "Terms, second edition.").await, 303);
    let piece = app.piece(PieceFixture::new("Lotus ring"));

    // The checkout form names the versions and carries them.
    let mut shopper = Shopper::default();
    shopper.add(&app, piece).await;
    let form_page = shopper.get(&app, "/checkout?country=DE").await.text().await.unwrap();
    assert!(form_page.contains("By placing the order you accept the"), "{form_page}");
    assert!(
        form_page.contains("terms of sale (version 2)") && form_page.contains("href=\"/policies/terms/versions/2\"")
    );
    assert!(form_page.contains("returns and refunds policy (version 1)"));
    assert!(form_page.contains("href=\"/policies/privacy\"") && form_page.contains("href=\"/policies/shipping\""));
    let (terms, returns) =
        (hidden(&form_page, "terms_version").unwrap(), hidden(&form_page, "returns_version").unwrap());
    assert_eq!((terms.as_str(), returns.as_str()), ("2", "1"));

    // The terms change while the buyer is on the form: the order is refused, nothing ordered.
    assert_eq!(save(&app, &session, "terms", "Terms, third edition.").await, 303);
    let mut form: Vec<(&str, &str)> = ADDRESS.to_vec();
    form.push(("terms_version", &terms));
    form.push(("returns_version", &returns));
    let res = shopper.check_out(&app, &form).await;
    assert_eq!(res.status().as_u16(), 409);
    let again = res.text().await.unwrap();
    assert!(again.contains("terms of sale (now version 3)") && again.contains("Nothing was ordered"), "{again}");
    assert_eq!(hidden(&again, "terms_version").as_deref(), Some("3"), "the form now carries the new version");
    let count: i64 = app.with_conn(|c| orders::table.count().get_result(c).unwrap());
    assert_eq!(count, 0);

    // Placed with the versions shown: they are kept on the order, in the order's own write.
    let form: Vec<(&str, &str)> =
        ADDRESS.iter().copied().chain([("terms_version", "3"), ("returns_version", "1")]).collect();
    let res = shopper.check_out(&app, &form).await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap_or_default());
    let order_id: i64 = app.with_conn(|c| orders::table.select(orders::id).first(c).unwrap());
    assert_eq!(accepted(&app, order_id), [("returns".to_string(), 1), ("terms".to_string(), 3)]);

    // The back-office order page and the customer's page show them.
    let page = app.get_as(&format!("/admin/orders/{order_id}"), &session).await.text().await.unwrap();
    assert!(
        page.contains("Terms of sale, version 3") && page.contains("href=\"/policies/terms/versions/3\""),
        "{page}"
    );
    assert!(page.contains("Returns and refunds, version 1"));

    // A checkout through the shared helper (no hidden fields) records the versions in effect.
    let other = app.piece(PieceFixture::new("Second ring"));
    let placed = crate::checkout::place(&app, &[other]).await;
    assert_eq!(accepted(&app, placed.order_id), [("returns".to_string(), 1), ("terms".to_string(), 3)]);
    let status = app.page(&format!("/orders/{}", placed.token), 200).await;
    assert!(status.contains("terms of sale (version 3)"), "{status}");
}

#[tokio::test]
async fn a_piece_page_shows_the_shipping_costs_per_destination() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture { slug: Some("lotus-ring".into()), ..PieceFixture::new("Lotus ring") });
    let html = app.page("/pieces/lotus-ring", 200).await;
    let table = html.split("<table class=\"shipping-costs\">").nth(1).expect("a shipping costs table");
    let table = table.split("</table>").next().unwrap();
    assert!(table.contains("<caption>"), "the table has a caption");
    assert!(table.contains("<th scope=\"row\">India</th>") && table.contains("$10.00"), "{table}");
    assert!(table.contains("Every other country we ship to") && table.contains("$45.00") && table.contains("$25.00"));
    assert!(html.contains("href=\"/policies/shipping\""));
}
