//! The admin JSON API and its tokens: staff make tokens in the back office, programs use them
//! with the owner's role and center, and revoking or disabling ends them at once.

use diesel::prelude::*;
use fairgold::schema::{api_tokens, audit_log, pieces};
use serde_json::{json, Value};

use crate::helpers::{ArtisanFixture, PieceFixture, Session, TestApp};

/// Makes a read-and-write token on the back-office page and returns it as shown (once).
async fn make_token(app: &TestApp, session: &Session, name: &str) -> String {
    make_token_with(app, session, &[("name", name), ("scope", "write")]).await
}

/// Makes a token with this form and returns it as shown (once). Without a `code` in the form,
/// the person's current authenticator code is added (every role has a second factor, and making
/// a token asks for a fresh one).
async fn make_token_with(app: &TestApp, session: &Session, form: &[(&str, &str)]) -> String {
    let code = if form.iter().any(|(k, _)| *k == "code") { None } else { app.fresh_totp(session) };
    let mut form = form.to_vec();
    if let Some(code) = code.as_deref() {
        form.push(("code", code));
    }
    let res = app.post_form("/admin/tokens", Some(session), &form).await;
    assert_eq!(res.status().as_u16(), 200, "token made");
    assert_eq!(res.headers()["cache-control"], "no-store");
    let page = res.text().await.unwrap();
    let marker = "<code class=\"secret\" id=\"token\">";
    let at = page.find(marker).expect("the token on the page") + marker.len();
    let token = page[at..].split('<').next().unwrap().to_string();
    assert!(token.starts_with("fg_"), "{token}");
    token
}

async fn call(app: &TestApp, method: &str, path: &str, token: Option<&str>, body: Option<Value>) -> (u16, Value) {
    let url = format!("{}{}", app.address, path);
    let mut req = match method {
        "GET" => app.client.get(url),
        "POST" => app.client.post(url),
        "PUT" => app.client.put(url),
        other => panic!("method {other}"),
    };
    if let Some(t) = token {
        req = req.header("Authorization", format!("Bearer {t}"));
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    let res = req.send().await.expect("request");
    let status = res.status().as_u16();
    let ct = res.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    assert!(ct.starts_with("application/json"), "{method} {path}: content-type {ct}");
    (status, res.json().await.unwrap())
}

fn piece_body(sku: &str, labor: &str) -> Value {
    json!({
        "sku": sku, "title": "Lotus ring", "description": "Hand-raised petals.", "kind": "ring",
        "metal": "yellow_gold", "purity": "22K916", "gross_weight_g": "4.65", "net_weight_g": "4.5",
        "ring_size": "12", "price": "625", "stones": "ruby, 3, 0.45", "labor": labor,
    })
}

fn piece_row(app: &TestApp, id: i64) -> (String, String, i64) {
    app.with_conn(|c| {
        pieces::table.find(id).select((pieces::status, pieces::title, pieces::price_minor)).first(c).unwrap()
    })
}

fn piece_count(app: &TestApp) -> i64 {
    app.with_conn(|c| pieces::table.count().get_result(c).unwrap())
}

fn audit_actions(app: &TestApp) -> Vec<(String, Option<i64>, String)> {
    app.with_conn(|c| {
        audit_log::table
            .order(audit_log::id)
            .select((audit_log::action, audit_log::staff_id, audit_log::details))
            .load(c)
            .unwrap()
    })
}

fn assert_error(status: u16, body: &Value, expected: u16, code: &str) {
    assert_eq!(status, expected, "{body}");
    assert_eq!(body["error"]["code"], code, "{body}");
    assert!(body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{body}");
}

#[tokio::test]
async fn a_managers_token_lists_creates_edits_publishes_and_withdraws() {
    let app = TestApp::spawn().await;
    app.gold_rate_today(1_000);
    let rupa = app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let (_, maker) = app.artisan(ArtisanFixture::default());
    let own = app.piece(PieceFixture { status: "draft", ..PieceFixture::new("Kolkata draft") });
    app.piece(PieceFixture { mumbai: true, ..PieceFixture::new("Mumbai bangle") });
    let session = app.sign_in("rupa@fairgold.test").await;
    let token = make_token(&app, &session, "stock sync").await;

    // List: the manager's center only, drafts included.
    let (status, list) = call(&app, "GET", "/api/admin/v1/pieces", Some(&token), None).await;
    assert_eq!(status, 200, "{list}");
    let ids: Vec<i64> = list["data"].as_array().unwrap().iter().map(|p| p["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, vec![own]);
    assert_eq!(list["data"][0]["status"], "draft");
    assert_eq!(list["data"][0]["center"], "kolkata");
    assert_eq!(list["pagination"]["total"], 1);
    let (_, none) = call(&app, "GET", "/api/admin/v1/pieces?status=listed", Some(&token), None).await;
    assert_eq!(none["data"].as_array().unwrap().len(), 0);
    let (status, bad) = call(&app, "GET", "/api/admin/v1/pieces?status=lost", Some(&token), None).await;
    assert_error(status, &bad, 400, "invalid_parameter");
    assert_eq!(bad["error"]["field"], "status");

    // Create: 201, a draft of the manager's own center, with its maker.
    let body = piece_body("KOL-RNG-0100", &format!("{maker}, 18.5"));
    let res = app
        .client
        .post(format!("{}/api/admin/v1/pieces", app.address))
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 201);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let created: Value = res.json().await.unwrap();
    let id = created["id"].as_i64().unwrap();
    assert_eq!(location, format!("/api/admin/v1/pieces/{id}"));
    assert_eq!(created["sku"], "KOL-RNG-0100");
    assert_eq!(created["status"], "draft");
    assert_eq!(created["center"], "kolkata");
    assert_eq!(created["price"]["amount_minor"], 62_500);
    assert_eq!(created["gross_weight_mg"], 4_650);
    assert_eq!(created["makers"], json!([{ "artisan_public_id": maker, "labor_minutes": 1110 }]));
    assert_eq!(created["stones"][0]["carats_hundredths"], 45);
    assert!(created["url"].is_null(), "a draft has no public page");

    // Get: the same piece, with a form ready to send back.
    let (status, got) = call(&app, "GET", &location, Some(&token), None).await;
    assert_eq!(status, 200);
    assert_eq!(got["title"], "Lotus ring");
    assert_eq!(got["form"]["price"], "625.00");

    // Update: the form with changes (numbers are taken as their text).
    let mut form = got["form"].clone();
    form["title"] = json!("Lotus ring, large");
    form["price"] = json!(700);
    form["huid_exemption"] = json!("small_turnover");
    let (status, updated) = call(&app, "PUT", &location, Some(&token), Some(form)).await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["title"], "Lotus ring, large");
    assert_eq!(piece_row(&app, id), ("draft".into(), "Lotus ring, large".into(), 70_000));

    // Publish: on the public API at once (with its photo, one of the basics).
    app.photo(id);
    let (status, published) = call(&app, "POST", &format!("{location}/publish"), Some(&token), None).await;
    assert_eq!(status, 200, "{published}");
    assert_eq!(published["status"], "listed");
    assert!(published["url"].as_str().unwrap().ends_with(&format!("/pieces/{}", published["slug"].as_str().unwrap())));
    let public = app.json("/api/v1/pieces", 200).await;
    assert!(public["data"].as_array().unwrap().iter().any(|p| p["sku"] == "KOL-RNG-0100"), "{public}");
    app.json(&format!("/api/v1/pieces/{id}"), 200).await;

    // Publishing again is a status conflict, with a message.
    let (status, again) = call(&app, "POST", &format!("{location}/publish"), Some(&token), None).await;
    assert_error(status, &again, 409, "invalid_status");
    assert!(again["error"]["fields"]["status"].is_string());

    // Withdraw: gone from the storefront.
    let (status, withdrawn) = call(&app, "POST", &format!("{location}/withdraw"), Some(&token), None).await;
    assert_eq!(status, 200, "{withdrawn}");
    assert_eq!(withdrawn["status"], "withdrawn");
    let public = app.json("/api/v1/pieces", 200).await;
    assert!(!public["data"].as_array().unwrap().iter().any(|p| p["sku"] == "KOL-RNG-0100"));
    app.json(&format!("/api/v1/pieces/{id}"), 404).await;

    // Every write is audit-logged as the token's owner; the token was marked used.
    let actions: Vec<String> =
        audit_actions(&app).into_iter().filter(|(_, who, _)| *who == Some(rupa)).map(|(a, _, _)| a).collect();
    for action in ["api_token.create", "piece.create", "piece.update", "piece.publish", "piece.withdraw"] {
        assert!(actions.contains(&action.to_string()), "{action} in {actions:?}");
    }
    let last_used: Option<chrono::NaiveDateTime> =
        app.with_conn(|c| api_tokens::table.select(api_tokens::last_used_at).first(c).unwrap());
    assert!(last_used.is_some());
}

#[tokio::test]
async fn an_invalid_body_gets_422_with_a_message_per_field_and_creates_nothing() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let session = app.sign_in("rupa@fairgold.test").await;
    let token = make_token(&app, &session, "script").await;
    let before = piece_count(&app);

    let mut body = piece_body("KOL-RNG-0100", "");
    body["price"] = json!("0");
    body["kind"] = json!("brooch");
    body["net_weight_g"] = json!("9");
    let (status, err) = call(&app, "POST", "/api/admin/v1/pieces", Some(&token), Some(body)).await;
    assert_error(status, &err, 422, "invalid_piece");
    let fields = &err["error"]["fields"];
    assert_eq!(fields["price"], "the price must be more than zero");
    assert!(fields["kind"].is_string() && fields["net_weight_g"].is_string(), "{err}");
    assert!(fields.get("sku").is_none(), "a good field has no error: {err}");

    // A misspelt key is named, not silently dropped.
    let mut body = piece_body("KOL-RNG-0101", "");
    body["hiud"] = json!("AB12CD");
    let (status, err) = call(&app, "POST", "/api/admin/v1/pieces", Some(&token), Some(body)).await;
    assert_error(status, &err, 422, "invalid_piece");
    assert!(err["error"]["fields"]["hiud"].as_str().unwrap().starts_with("unknown field"));

    // Not JSON at all.
    let res = app
        .client
        .post(format!("{}/api/admin/v1/pieces", app.address))
        .bearer_auth(&token)
        .header("Content-Type", "application/json")
        .body("{\"sku\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 400);
    let err: Value = res.json().await.unwrap();
    assert_eq!(err["error"]["field"], "body");

    assert_eq!(piece_count(&app), before, "nothing was created");
}

#[tokio::test]
async fn a_kolkata_managers_token_cannot_touch_a_mumbai_piece() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let mumbai = app.piece(PieceFixture { status: "draft", mumbai: true, ..PieceFixture::new("Mumbai bangle") });
    let session = app.sign_in("rupa@fairgold.test").await;
    let token = make_token(&app, &session, "script").await;
    let before = piece_row(&app, mumbai);
    let count = piece_count(&app);
    let path = format!("/api/admin/v1/pieces/{mumbai}");

    let (status, err) = call(&app, "GET", &path, Some(&token), None).await;
    assert_error(status, &err, 403, "forbidden");
    let (status, err) = call(&app, "PUT", &path, Some(&token), Some(piece_body("MUM-BNG-0001", ""))).await;
    assert_error(status, &err, 403, "forbidden");
    let (status, err) = call(&app, "POST", &format!("{path}/publish"), Some(&token), None).await;
    assert_error(status, &err, 403, "forbidden");
    let (status, err) = call(&app, "GET", "/api/admin/v1/pieces?center=mumbai", Some(&token), None).await;
    assert_error(status, &err, 403, "forbidden");
    let mut body = piece_body("MUM-RNG-0001", "");
    body["center"] = json!("mumbai");
    let (status, err) = call(&app, "POST", "/api/admin/v1/pieces", Some(&token), Some(body)).await;
    assert_error(status, &err, 403, "forbidden");

    assert_eq!(piece_row(&app, mumbai), before, "the Mumbai piece is unchanged");
    assert_eq!(piece_count(&app), count, "nothing was created");
}

#[tokio::test]
async fn a_finance_token_reads_everything_but_cannot_write() {
    let app = TestApp::spawn().await;
    app.staff("mira@fairgold.test", "finance", None);
    let kolkata = app.piece(PieceFixture { status: "draft", ..PieceFixture::new("Kolkata draft") });
    app.piece(PieceFixture { mumbai: true, ..PieceFixture::new("Mumbai bangle") });
    let session = app.sign_in("mira@fairgold.test").await;
    // A read-and-write token: finance's role, not the token's scope, refuses the writes.
    let code = crate::helpers::totp_at(&totp_secret(&app, "mira@fairgold.test"), "mira@fairgold.test", 30);
    let form = [("name", "reconciliation"), ("scope", "write"), ("code", code.as_str())];
    let token = make_token_with(&app, &session, &form).await;

    let (status, list) = call(&app, "GET", "/api/admin/v1/pieces", Some(&token), None).await;
    assert_eq!(status, 200);
    assert_eq!(list["pagination"]["total"], 2, "finance sees both centers");
    let (status, _) = call(&app, "GET", &format!("/api/admin/v1/pieces/{kolkata}"), Some(&token), None).await;
    assert_eq!(status, 200);

    let count = piece_count(&app);
    let mut body = piece_body("KOL-RNG-0200", "");
    body["center"] = json!("kolkata");
    let (status, err) = call(&app, "POST", "/api/admin/v1/pieces", Some(&token), Some(body)).await;
    assert_error(status, &err, 403, "forbidden");
    let (status, err) =
        call(&app, "POST", &format!("/api/admin/v1/pieces/{kolkata}/publish"), Some(&token), None).await;
    assert_error(status, &err, 403, "forbidden");
    assert_eq!(piece_count(&app), count);
    assert_eq!(piece_row(&app, kolkata).0, "draft");
}

#[tokio::test]
async fn missing_bad_and_revoked_tokens_get_401() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let session = app.sign_in("rupa@fairgold.test").await;
    let token = make_token(&app, &session, "script").await;

    let (status, err) = call(&app, "GET", "/api/admin/v1/pieces", None, None).await;
    assert_error(status, &err, 401, "unauthenticated");
    let res = app.get("/api/admin/v1/pieces").await;
    assert!(res.headers()["www-authenticate"].to_str().unwrap().starts_with("Bearer"));
    let (status, err) = call(&app, "GET", "/api/admin/v1/pieces", Some("fg_00000000_not-a-token"), None).await;
    assert_error(status, &err, 401, "unauthenticated");
    let (status, err) = call(&app, "POST", "/api/admin/v1/pieces", Some("nonsense"), Some(json!({}))).await;
    assert_error(status, &err, 401, "unauthenticated");
    // A session cookie is not an API credential.
    let res = app
        .client
        .get(format!("{}/api/admin/v1/pieces", app.address))
        .header("Cookie", &session.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 401);

    let (status, _) = call(&app, "GET", "/api/admin/v1/pieces", Some(&token), None).await;
    assert_eq!(status, 200);

    // Revoking needs the page's CSRF token; without it the token lives on.
    let page = app.get_as("/admin/tokens", &session).await.text().await.unwrap();
    let at = page.find("action=\"/admin/tokens/").expect("a revoke form") + "action=\"/admin/tokens/".len();
    let id: String = page[at..].chars().take_while(char::is_ascii_digit).collect();
    let revoke = format!("/admin/tokens/{id}/revoke");
    let res = app.post_form(&revoke, Some(&session), &[("csrf_token", "forged")]).await;
    assert_eq!(res.status().as_u16(), 403);
    let (status, _) = call(&app, "GET", "/api/admin/v1/pieces", Some(&token), None).await;
    assert_eq!(status, 200, "still alive after a forged revoke");

    let res = app.post_form(&revoke, Some(&session), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    let (status, err) = call(&app, "GET", "/api/admin/v1/pieces", Some(&token), None).await;
    assert_error(status, &err, 401, "unauthenticated");
    let page = app.get_as("/admin/tokens", &session).await.text().await.unwrap();
    assert!(page.contains("Revoked"), "the list shows it revoked");
    assert!(audit_actions(&app).iter().any(|(a, _, _)| a == "api_token.revoke"));
}

#[tokio::test]
async fn disabling_the_staff_member_kills_their_token() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let session = app.sign_in("rupa@fairgold.test").await;
    let token = make_token(&app, &session, "script").await;
    let (status, _) = call(&app, "GET", "/api/admin/v1/pieces", Some(&token), None).await;
    assert_eq!(status, 200);

    let email = fairgold::staff::Email::parse("rupa@fairgold.test").unwrap();
    app.with_conn(|c| {
        fairgold::staff::service::disable(c, &email, &fairgold::audit::Actor::system("test"), crate::helpers::now())
    })
    .unwrap();
    let (status, err) = call(&app, "GET", "/api/admin/v1/pieces", Some(&token), None).await;
    assert_error(status, &err, 401, "unauthenticated");
}

#[tokio::test]
async fn tokens_are_shown_once_and_stored_only_as_a_hash() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let session = app.sign_in("rupa@fairgold.test").await;
    let token = make_token(&app, &session, "label printer").await;
    let secret = token.rsplit('_').next().unwrap().to_string();

    let rows: Vec<(String, String, String)> = app.with_conn(|c| {
        api_tokens::table.select((api_tokens::name, api_tokens::prefix, api_tokens::token_hash)).load(c).unwrap()
    });
    assert_eq!(rows.len(), 1);
    let (name, prefix, hash) = &rows[0];
    assert_eq!(name, "label printer");
    assert!(token.starts_with(&format!("fg_{prefix}_")));
    assert_eq!(hash, &fairgold::crypto::token_hash(&token));
    for value in [name, prefix, hash] {
        assert!(!value.contains(&secret), "the stored row does not hold the token");
    }
    for (_, _, details) in audit_actions(&app) {
        assert!(!details.contains(&secret), "the audit log does not hold the token");
    }
    // The list shows the prefix, never the token again.
    let res = app.get_as("/admin/tokens", &session).await;
    let (status, url) = (res.status().as_u16(), res.url().to_string());
    let page = res.text().await.unwrap();
    assert!(
        page.contains(prefix.as_str()) && page.contains("label printer"),
        "the list names the token: {status} {url}\n{}",
        &page[..page.len().min(3000)]
    );
    assert!(!page.contains(&secret));
}

#[tokio::test]
async fn token_names_are_checked_and_tokens_are_each_staff_members_own() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    app.staff("sana@fairgold.test", "manager", Some("mumbai"));
    let rupa = app.sign_in("rupa@fairgold.test").await;
    let sana = app.sign_in("sana@fairgold.test").await;

    for bad in ["   ", &"x".repeat(61)] {
        let res = app.post_form("/admin/tokens", Some(&rupa), &[("name", bad)]).await;
        assert_eq!(res.status().as_u16(), 422);
        assert!(res.text().await.unwrap().contains("class=\"field-error\""));
    }
    let count: i64 = app.with_conn(|c| api_tokens::table.count().get_result(c).unwrap());
    assert_eq!(count, 0, "no token for a bad name");
    let res = app.post_form("/admin/tokens", None, &[("name", "anonymous")]).await;
    assert_eq!(res.status().as_u16(), 303, "signed-out visitors are sent to sign in");

    let token = make_token(&app, &rupa, "rupa-laptop-sync").await;
    let id: i64 = app.with_conn(|c| api_tokens::table.select(api_tokens::id).first(c).unwrap());
    let page = app.get_as("/admin/tokens", &sana).await.text().await.unwrap();
    assert!(!page.contains("rupa-laptop-sync"), "Sana does not see Rupa's tokens");
    let res = app.post_form(&format!("/admin/tokens/{id}/revoke"), Some(&sana), &[]).await;
    assert_eq!(res.status().as_u16(), 404);
    let (status, _) = call(&app, "GET", "/api/admin/v1/pieces", Some(&token), None).await;
    assert_eq!(status, 200, "Rupa's token still works");
}

#[tokio::test]
async fn the_openapi_document_covers_the_public_and_admin_apis() {
    let app = TestApp::spawn().await;
    let doc = app.json("/api/openapi.json", 200).await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = &doc["paths"];
    for (path, method) in [
        ("/api/v1/pieces", "get"),
        ("/api/v1/pieces/{key}", "get"),
        ("/api/admin/v1/pieces", "get"),
        ("/api/admin/v1/pieces", "post"),
        ("/api/admin/v1/pieces/{id}", "get"),
        ("/api/admin/v1/pieces/{id}", "put"),
        ("/api/admin/v1/pieces/{id}/publish", "post"),
        ("/api/admin/v1/pieces/{id}/withdraw", "post"),
    ] {
        let op = &paths[path][method];
        assert!(op.is_object(), "{method} {path} missing");
        let secured = op["security"].as_array().is_some_and(|s| s.iter().any(|r| r.get("bearer").is_some()));
        assert_eq!(secured, path.starts_with("/api/admin/"), "{method} {path}: bearer security");
    }
    let names: Vec<&str> = paths["/api/v1/pieces"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for p in ["center", "metal", "purity", "price_min", "price_max", "availability", "sort", "page", "per_page"] {
        assert!(names.contains(&p), "{p} in {names:?}");
    }
    let scheme = &doc["components"]["securitySchemes"]["bearer"];
    assert_eq!(scheme["type"], "http");
    assert_eq!(scheme["scheme"], "bearer");
    assert!(doc["components"]["schemas"]["PieceForm"].is_object());
}

#[tokio::test]
async fn last_used_is_written_at_most_once_a_minute() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let session = app.sign_in("rupa@fairgold.test").await;
    let token = make_token(&app, &session, "script").await;
    let set = |at: chrono::NaiveDateTime| {
        app.with_conn(|c| diesel::update(api_tokens::table).set(api_tokens::last_used_at.eq(at)).execute(c).unwrap())
    };
    let get = || -> Option<chrono::NaiveDateTime> {
        app.with_conn(|c| api_tokens::table.select(api_tokens::last_used_at).first(c).unwrap())
    };

    // Whole seconds: PostgreSQL keeps microseconds, not nanoseconds.
    let recent = chrono::Timelike::with_nanosecond(&crate::helpers::now(), 0).unwrap() - chrono::Duration::seconds(30);
    set(recent);
    call(&app, "GET", "/api/admin/v1/pieces", Some(&token), None).await;
    assert_eq!(get(), Some(recent), "used 30 s ago: not written again");

    let old = crate::helpers::now() - chrono::Duration::seconds(120);
    set(old);
    call(&app, "GET", "/api/admin/v1/pieces", Some(&token), None).await;
    assert!(get().unwrap() > recent, "used 2 minutes ago: written");
}

/// The staff member's TOTP secret, as their authenticator app holds it.
fn totp_secret(app: &TestApp, email: &str) -> String {
    let row = app.with_conn(|c| fairgold::staff::queries::find_by_email(c, email).unwrap().unwrap());
    fairgold::staff::service::stored_secret(&row, &app.cipher).unwrap().expect("enrolled")
}

#[tokio::test]
async fn an_expired_token_gets_401_with_its_own_code_and_the_list_shows_expiry() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let session = app.sign_in("rupa@fairgold.test").await;
    let token = make_token(&app, &session, "script").await;
    let (created, expires): (chrono::NaiveDateTime, chrono::NaiveDateTime) =
        app.with_conn(|c| api_tokens::table.select((api_tokens::created_at, api_tokens::expires_at)).first(c).unwrap());
    assert_eq!(expires - created, chrono::Duration::days(90), "90 days unless chosen otherwise");
    let page = app.get_as("/admin/tokens", &session).await.text().await.unwrap();
    assert!(page.contains("Expires"), "the list has an expiry column");
    // In the manager's zone (Kolkata's center: India Standard Time), not UTC (issue 17).
    let shown = fairgold::i18n::time::local_time(fairgold::i18n::Lang::En, chrono_tz::Asia::Kolkata, expires);
    assert!(page.contains(&shown), "the list shows the expiry: {shown}");
    let (status, _) = call(&app, "GET", "/api/admin/v1/pieces", Some(&token), None).await;
    assert_eq!(status, 200);

    let past = crate::helpers::now() - chrono::Duration::minutes(1);
    app.with_conn(|c| diesel::update(api_tokens::table).set(api_tokens::expires_at.eq(past)).execute(c).unwrap());
    let (status, err) = call(&app, "GET", "/api/admin/v1/pieces", Some(&token), None).await;
    assert_error(status, &err, 401, "token_expired");
    let (status, err) = call(&app, "POST", "/api/admin/v1/pieces", Some(&token), Some(json!({}))).await;
    assert_error(status, &err, 401, "token_expired");
    let page = app.get_as("/admin/tokens", &session).await.text().await.unwrap();
    assert!(page.contains("Expired "), "the list says it expired");

    // A chosen life, within a year.
    make_token_with(&app, &session, &[("name", "short"), ("valid_days", "30")]).await;
    let lives: Vec<(chrono::NaiveDateTime, chrono::NaiveDateTime)> = app.with_conn(|c| {
        api_tokens::table
            .order(api_tokens::id)
            .select((api_tokens::created_at, api_tokens::expires_at))
            .load(c)
            .unwrap()
    });
    assert_eq!(lives[1].1 - lives[1].0, chrono::Duration::days(30));
    let res = app.post_form("/admin/tokens", Some(&session), &[("name", "forever"), ("valid_days", "3650")]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert_eq!(app.with_conn(|c| api_tokens::table.count().get_result::<i64>(c).unwrap()), 2);
}

#[tokio::test]
async fn a_read_only_token_reads_but_gets_403_on_every_write() {
    let app = TestApp::spawn().await;
    app.staff("rupa@fairgold.test", "manager", Some("kolkata"));
    let session = app.sign_in("rupa@fairgold.test").await;
    let kolkata = app.piece(PieceFixture { status: "draft", ..PieceFixture::new("Kolkata draft") });
    // Without a scope the form makes the least: read only.
    let token = make_token_with(&app, &session, &[("name", "label printer")]).await;
    let (status, _) = call(&app, "GET", "/api/admin/v1/pieces", Some(&token), None).await;
    assert_eq!(status, 200);
    let (status, _) = call(&app, "GET", &format!("/api/admin/v1/pieces/{kolkata}"), Some(&token), None).await;
    assert_eq!(status, 200);

    let count = piece_count(&app);
    let mut body = piece_body("KOL-RNG-0300", "");
    body["center"] = json!("kolkata");
    let (status, err) = call(&app, "POST", "/api/admin/v1/pieces", Some(&token), Some(body.clone())).await;
    assert_error(status, &err, 403, "forbidden");
    let (status, err) = call(&app, "PUT", &format!("/api/admin/v1/pieces/{kolkata}"), Some(&token), Some(body)).await;
    assert_error(status, &err, 403, "forbidden");
    for action in ["publish", "withdraw"] {
        let path = format!("/api/admin/v1/pieces/{kolkata}/{action}");
        let (status, err) = call(&app, "POST", &path, Some(&token), None).await;
        assert_error(status, &err, 403, "forbidden");
    }
    assert_eq!(piece_count(&app), count);
    assert_eq!(piece_row(&app, kolkata).0, "draft");
    let page = app.get_as("/admin/tokens", &session).await.text().await.unwrap();
    assert!(page.contains("Read only"), "the list shows the scope");
    let scope: String = app.with_conn(|c| api_tokens::table.select(api_tokens::scope).first(c).unwrap());
    assert_eq!(scope, "read");
}

#[tokio::test]
async fn making_a_token_needs_a_fresh_authenticator_code() {
    let app = TestApp::spawn().await;
    app.staff("mira@fairgold.test", "finance", None);
    let session = app.sign_in("mira@fairgold.test").await;
    let secret = totp_secret(&app, "mira@fairgold.test");
    let count = || app.with_conn(|c| api_tokens::table.count().get_result::<i64>(c).unwrap());

    // A signed-in session alone (no code, a wrong code) makes nothing.
    let page = app.get_as("/admin/tokens", &session).await.text().await.unwrap();
    assert!(page.contains("name=\"code\""), "the form asks for a code");
    for code in ["", "000000"] {
        let res = app.post_form("/admin/tokens", Some(&session), &[("name", "sync"), ("code", code)]).await;
        assert_eq!(res.status().as_u16(), 422, "code `{code}`");
        assert!(res.text().await.unwrap().contains("authenticator code is not right"));
    }
    assert_eq!(count(), 0);

    // The newest code (the one after sign-in's) makes it; used once, it is refused again.
    let code = crate::helpers::totp_at(&secret, "mira@fairgold.test", 30);
    make_token_with(&app, &session, &[("name", "sync"), ("code", &code)]).await;
    assert_eq!(count(), 1);
    let res = app.post_form("/admin/tokens", Some(&session), &[("name", "again"), ("code", &code)]).await;
    assert_eq!(res.status().as_u16(), 422, "a code is single use");
    assert_eq!(count(), 1);
    let details: Vec<String> =
        audit_actions(&app).into_iter().filter(|(a, _, _)| a == "api_token.create").map(|(_, _, d)| d).collect();
    assert!(details.len() == 1 && details[0].contains("\"scope\":\"read\""), "{details:?}");
}

#[tokio::test]
async fn wrong_step_up_codes_count_like_wrong_sign_ins() {
    let app = TestApp::spawn().await;
    app.staff("mira@fairgold.test", "finance", None);
    let session = app.sign_in("mira@fairgold.test").await;
    let secret = totp_secret(&app, "mira@fairgold.test");
    let count = || app.with_conn(|c| api_tokens::table.count().get_result::<i64>(c).unwrap());
    // Five wrong codes from a stolen session are five failed attempts…
    for _ in 0..5 {
        let res = app.post_form("/admin/tokens", Some(&session), &[("name", "sync"), ("code", "000000")]).await;
        assert_eq!(res.status().as_u16(), 422);
    }
    // …and the sixth try is refused before its code is looked at, even the right code.
    let code = crate::helpers::totp_at(&secret, "mira@fairgold.test", 30);
    let res = app.post_form("/admin/tokens", Some(&session), &[("name", "sync"), ("code", &code)]).await;
    assert_eq!(res.status().as_u16(), 429);
    let page = res.text().await.unwrap();
    assert!(page.contains("Too many failed sign-ins for this account from your network"), "{page}");
    assert!(page.contains(r#"value="sync""#), "the form keeps what was typed");
    assert_eq!(count(), 0);
    // Changing the password from the same session is held back by the same count.
    let res = app
        .post_form(
            "/admin/account/password",
            Some(&session),
            &[
                ("current", "a long test password"),
                ("password", "another long password 42"),
                ("confirm", "another long password 42"),
                ("code", &code),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 429);
}
