//! The back office in the staff member's language and time zone (issue 17): a choice on the
//! account page, else the browser's `Accept-Language`, else English; times in their zone, else
//! their center's, else India's. And the translation-completeness checks: a converted template
//! holds no literal visible text, and every key a template uses exists in every language.

use chrono::NaiveDate;
use diesel::prelude::*;
use fairgold::i18n::{self, Lang};
use fairgold::schema::{audit_log, orders, staff};

use crate::checkout::place;
use crate::helpers::{PieceFixture, Session, TestApp};

/// The back-office templates whose visible text all goes through `fluent(…)`. A template is
/// added here when it is converted; `every_translated_template_has_no_literal_text` keeps it so.
const TRANSLATED_TEMPLATES: &[&str] = &[
    "admin/base.html",
    "admin/dashboard.html",
    "admin/account.html",
    "admin/pieces/list.html",
    "admin/pieces/form.html",
    "admin/pieces/publish.html",
    "admin/orders/list.html",
    "admin/orders/detail.html",
    "admin/orders/slip.html",
    "admin/login.html",
    "admin/mfa.html",
    "admin/setup.html",
    "admin/enrol.html",
    "admin/recovery_codes.html",
    "admin/approvals.html",
    "admin/tokens/index.html",
    "admin/tokens/created.html",
    "admin/returns/list.html",
    "admin/returns/detail.html",
    "admin/artisans/list.html",
    "admin/wages/month.html",
    "admin/wages/index.html",
    "admin/wages/center.html",
    "admin/wages/earnings.html",
    "admin/wages/payout.html",
    "admin/wages/adjustments.html",
    "admin/wages/reconciliation.html",
    "admin/wages/late.html",
    "admin/wages/ledger.html",
    "admin/wages/statement.html",
    "admin/wages/policy.html",
    "admin/wages/rates.html",
    "admin/wages/register.html",
    "admin/wages/terms.html",
    "admin/wages/deduction.html",
    "admin/invoices/list.html",
    "admin/pricing/costs.html",
    "admin/pricing/gold_rates.html",
    "admin/privacy/index.html",
    "admin/audit/index.html",
    "admin/policies/list.html",
    "admin/policies/edit.html",
];

async fn get_with_language(app: &TestApp, path: &str, session: &Session, accept_language: &str) -> String {
    let res = app
        .client
        .get(format!("{}{}", app.address, path))
        .header("Cookie", &session.cookie)
        .header("Accept-Language", accept_language)
        .send()
        .await
        .expect("request");
    assert_eq!(res.status().as_u16(), 200, "{path}");
    res.text().await.unwrap()
}

fn preferences_of(app: &TestApp, email: &str) -> (Option<String>, Option<String>) {
    app.with_conn(|c| {
        staff::table.filter(staff::email.eq(email)).select((staff::language, staff::time_zone)).first(c).unwrap()
    })
}

#[tokio::test]
async fn a_manager_who_chooses_bengali_sees_the_back_office_in_bengali() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let me = app.sign_in("rupa@fairgold.test").await;
    let english = String::from_utf8(app.get_as("/admin", &me).await.bytes().await.unwrap().to_vec()).unwrap();
    assert!(english.contains("<html lang=\"en\">") && english.contains("Nothing waits for you."), "{english}");

    let res = app.post_form("/admin/account/preferences", Some(&me), &[("language", "bn"), ("time_zone", "")]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"], "/admin/account?preferences=saved");
    assert_eq!(preferences_of(&app, "rupa@fairgold.test"), (Some("bn".into()), None));

    // The browser asks for Hindi; the choice wins.
    let page = get_with_language(&app, "/admin", &me, "hi, en;q=0.5").await;
    assert!(page.contains("<html lang=\"bn\">"), "{page}");
    assert!(page.contains("স্বাগতম, rupa@fairgold.test"), "the welcome in Bengali: {page}");
    assert!(page.contains("এখন আপনার জন্য কোনো কাজ বাকি নেই।"), "nothing to do, in Bengali: {page}");
    assert!(page.contains(">অর্ডার</a>") && page.contains("কেন্দ্রের ম্যানেজার"), "the navigation too: {page}");
    assert!(page.contains("<title>পরিচালনা — fairgold পরিচালনা</title>"), "and the title: {page}");
    assert!(!page.contains("Nothing waits") && !page.contains(">Orders<"), "no English left: {page}");

    // The account page confirms, in Bengali, and shows the choice.
    let account = app.get_as("/admin/account?preferences=saved", &me).await.text().await.unwrap();
    assert!(account.contains("আপনার ভাষা ও সময় অঞ্চল সংরক্ষিত হয়েছে।"), "{account}");
    assert!(account.contains("<option value=\"bn\" lang=\"bn\" selected>বাংলা</option>"), "{account}");
    assert!(account.contains("<option value=\"mr\" lang=\"mr\">मराठी</option>"), "each language in its own script");

    // The change is audit-logged, with what it was before.
    let details: String = app.with_conn(|c| {
        audit_log::table
            .filter(audit_log::action.eq("staff.preferences_changed"))
            .select(audit_log::details)
            .first(c)
            .unwrap()
    });
    assert!(details.contains("\"language\":\"bn\"") && details.contains("\"was\""), "{details}");

    // Back to "as my browser asks": the browser's Hindi.
    let res = app.post_form("/admin/account/preferences", Some(&me), &[("language", ""), ("time_zone", "")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let page = get_with_language(&app, "/admin", &me, "hi-IN,hi;q=0.9,en;q=0.8").await;
    assert!(page.contains("<html lang=\"hi\">") && page.contains("नमस्ते, rupa@fairgold.test"), "{page}");
}

#[tokio::test]
async fn without_a_choice_the_browser_s_language_is_used_else_english() {
    let app = TestApp::spawn().await;
    app.staff("finance@fairgold.test", "finance", None);
    let me = app.sign_in("finance@fairgold.test").await;
    let page = get_with_language(&app, "/admin", &me, "hi").await;
    assert!(page.contains("<html lang=\"hi\">"), "{page}");
    assert!(page.contains("अभी आपके लिए कोई काम बाकी नहीं है।") && page.contains(">मज़दूरी</a>"), "{page}");
    assert!(page.contains("लेखा विभाग"), "the role in Hindi: {page}");
    let page = get_with_language(&app, "/admin", &me, "mr-IN").await;
    assert!(page.contains("<html lang=\"mr\">") && page.contains("नमस्कार"), "{page}");
    let page = get_with_language(&app, "/admin", &me, "de-DE, fr;q=0.8").await;
    assert!(page.contains("<html lang=\"en\">") && page.contains("Nothing waits for you."), "{page}");
    // The sign-in page has no viewer: the browser's language.
    let res = app.client.get(format!("{}/admin/login", app.address)).header("Accept-Language", "bn").send().await;
    let login = res.unwrap().text().await.unwrap();
    assert!(login.contains("<html lang=\"bn\">") && login.contains("<h1>সাইন ইন</h1>"), "{login}");
}

#[tokio::test]
async fn a_time_zone_that_does_not_exist_is_refused_with_a_message_and_changes_nothing() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let me = app.sign_in("rupa@fairgold.test").await;
    for (language, zone) in [("bn", "Mars/Olympus"), ("bn", "IST"), ("xx", "Asia/Kolkata")] {
        let res = app
            .post_form("/admin/account/preferences", Some(&me), &[("language", language), ("time_zone", zone)])
            .await;
        assert_eq!(res.status().as_u16(), 422, "{language} {zone}");
        let page = res.text().await.unwrap();
        if zone != "Asia/Kolkata" {
            assert!(page.contains("That is not a time zone we know."), "{page}");
            assert!(page.contains("id=\"pref-time-zone-error\" role=\"alert\""), "next to its field: {page}");
        } else {
            assert!(page.contains("Choose one of the languages in the list."), "{page}");
        }
        assert!(page.contains("<html lang=\"en\">"), "nothing changed, the page is still English");
    }
    assert_eq!(preferences_of(&app, "rupa@fairgold.test"), (None, None), "nothing stored");
    let logged: i64 = app.with_conn(|c| {
        audit_log::table.filter(audit_log::action.eq("staff.preferences_changed")).count().get_result(c).unwrap()
    });
    assert_eq!(logged, 0);
}

#[tokio::test]
async fn an_order_s_time_shows_in_the_center_s_zone_or_the_one_chosen() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let ring = app.piece(PieceFixture::new("Lotus ring"));
    let placed = place(&app, &[ring]).await;
    let noon_utc = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap().and_hms_opt(12, 0, 0).unwrap();
    app.with_conn(|c| {
        diesel::update(orders::table.find(placed.order_id)).set(orders::created_at.eq(noon_utc)).execute(c).unwrap()
    });
    let me = app.sign_in("rupa@fairgold.test").await;
    let list = app.get_as("/admin/orders", &me).await.text().await.unwrap();
    assert!(list.contains("2 Dec 2026, 17:30 IST"), "12:00 UTC is 17:30 in Kolkata: {list}");
    assert!(!list.contains("12:00"), "{list}");

    let res = app
        .post_form("/admin/account/preferences", Some(&me), &[("language", "bn"), ("time_zone", "Europe/London")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(preferences_of(&app, "rupa@fairgold.test"), (Some("bn".into()), Some("Europe/London".into())));
    let list = app.get_as("/admin/orders", &me).await.text().await.unwrap();
    assert!(list.contains("2 ডিসেম্বর 2026, 12:00 GMT"), "in London, in Bengali: {list}");
}

// ---- Completeness ------------------------------------------------------------------------

fn template(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What a reader could see in a template that did not come through `{{ }}` / `{% %}`: the
/// words left once Tera's tags, comments, scripts and styles, HTML tags and entities are taken
/// away, and the literal words inside `aria-label`, `title`, `placeholder` and `alt` values
/// (which a reader hears or sees too). Whitespace, punctuation, digits and symbols (₹ · — →)
/// pass; any letter of any script does not. A `<pre>` block is a code sample (a `curl`
/// command), the same in every language, and is left out.
fn literal_text(source: &str) -> Vec<String> {
    let without =
        |text: &str, pattern: &str| regex_lite::Regex::new(pattern).unwrap().replace_all(text, " ").into_owned();
    let text = without(source, r"(?s)\{#.*?#\}");
    let text = without(&text, r"(?s)\{\{.*?\}\}");
    let text = without(&text, r"(?s)\{%.*?%\}");
    let text = without(&text, r"(?is)<(script|style|pre)\b.*?</(script|style|pre)>");
    let mut found = Vec::new();
    let attribute = regex_lite::Regex::new(r#"\s(aria-label|title|placeholder|alt)="([^"]*)""#).unwrap();
    for c in attribute.captures_iter(&text) {
        if c[2].chars().any(char::is_alphabetic) {
            found.push(format!("{}=\"{}\"", &c[1], c[2].trim()));
        }
    }
    let text = without(&text, r"(?s)<[^>]*>");
    let text = without(&text, r"&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);");
    found.extend(text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).map(String::from));
    found
}

#[test]
fn the_literal_text_check_finds_words_and_passes_symbols() {
    assert_eq!(literal_text("<p>Hello {{ name }}</p>"), vec!["Hello"]);
    assert_eq!(literal_text(r#"<nav aria-label="Pages">"#), vec![r#"aria-label="Pages""#]);
    assert_eq!(
        literal_text(r#"<p title="{{ fluent(key="x", lang=lang) }}">{{ a }} · ₹{{ b }} — → 3</p>"#),
        Vec::<String>::new()
    );
    assert_eq!(literal_text("{# a comment #}{% if x %}<b>{{ y }}</b>{% endif %}&nbsp;"), Vec::<String>::new());
    assert_eq!(literal_text("<p>দোকান</p>"), vec!["দোকান"], "a word of any script counts");
}

#[test]
fn every_translated_template_has_no_literal_text() {
    let mut failures = Vec::new();
    for name in TRANSLATED_TEMPLATES {
        let words = literal_text(&template(name));
        if !words.is_empty() {
            failures.push(format!("{name}: {words:?}"));
        }
    }
    assert!(failures.is_empty(), "literal text in translated templates (use fluent(key=…)):\n{}", failures.join("\n"));
}

/// Every literal `fluent(key="…")` in the back-office templates exists in every language.
#[test]
fn every_key_a_back_office_template_uses_exists_in_every_language() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates").join("admin");
    let literal = regex_lite::Regex::new(r#"fluent\(key="([a-z0-9_-]+)"\s*[,)]"#).unwrap();
    let mut used = std::collections::BTreeSet::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for f in std::fs::read_dir(dir).unwrap() {
            let p = f.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else {
                let text = std::fs::read_to_string(&p).unwrap();
                used.extend(literal.captures_iter(&text).map(|c| (p.display().to_string(), c[1].to_string())));
            }
        }
    }
    assert!(used.iter().any(|(_, k)| k == "nav-orders"), "the layout's keys are found");
    let mut missing = Vec::new();
    for (file, key) in &used {
        for lang in Lang::ALL {
            if !i18n::has(lang, key) {
                missing.push(format!("{file}: {key} in {}", lang.code()));
            }
        }
    }
    assert!(missing.is_empty(), "keys missing:\n{}", missing.join("\n"));
}

/// Keys made from codes in Rust (`piece-status-{code}`, `order-status-{code}`, …) exist in
/// every language for every code.
#[test]
fn every_label_made_from_a_code_exists_in_every_language() {
    use fairgold::catalog::types::{HuidExemption, Kind, Metal, PieceStatus, Purity};
    use fairgold::orders::types::{Fulfilment, OrderStatus, ShipmentStatus};
    let mut keys: Vec<String> = Vec::new();
    keys.extend(PieceStatus::ALL.iter().map(|s| format!("piece-status-{}", s.code())));
    keys.extend(Kind::ALL.iter().map(|k| format!("piece-kind-{}", k.code())));
    keys.extend(Metal::ALL.iter().map(|m| format!("piece-metal-{}", m.code())));
    keys.extend(Purity::ALL.iter().map(|p| format!("piece-purity-{}", p.code())));
    keys.extend(HuidExemption::ALL.iter().map(|e| format!("piece-exemption-{}", e.code())));
    keys.extend(OrderStatus::ALL.iter().map(|s| format!("order-status-{}", s.code())));
    keys.extend(Fulfilment::ALL.iter().map(|f| format!("fulfilment-{}", f.code())));
    keys.extend(ShipmentStatus::ALL.iter().map(|s| format!("shipment-status-{}", s.code())));
    keys.extend(fairgold::artisans::consent::ConsentKind::ALL.iter().map(|k| format!("consent-kind-{}", k.code())));
    keys.extend(fairgold::returns::types::ReturnStatus::ALL.iter().map(|s| format!("return-status-{}", s.code())));
    let fields = ["sku", "title", "description", "kind", "metal", "purity", "gross_weight_g", "net_weight_g"];
    let more = ["ring_size", "huid", "huid_exemption", "price", "center", "stones", "wage"];
    keys.extend(fields.iter().chain(more.iter()).map(|f| format!("piece-field-{f}")));
    for done in ["created", "saved", "published", "approval-requested", "withdrawn", "photo-added", "photo-deleted"] {
        keys.push(format!("piece-done-{done}"));
    }
    let missing: Vec<String> = Lang::ALL
        .iter()
        .flat_map(|l| keys.iter().filter(|k| !i18n::has(*l, k)).map(move |k| format!("{k} in {}", l.code())))
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
}
