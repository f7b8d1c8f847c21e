//! `TestApp`: the real application on a fresh database per test. The backend comes from
//! `TEST_DATABASE_URL`: unset → a temporary SQLite file; a `postgres://` URL → a new database
//! created on that server for this test and dropped afterwards.

use std::path::PathBuf;

use chrono::{Duration, NaiveDateTime, Utc};
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use fairgold::artisans::{self, models::NewArtisan};
use fairgold::catalog::models::NewPiece;
use fairgold::catalog::queries;
use fairgold::config::Settings;
use fairgold::crypto::LedgerSigner;
use fairgold::db::{self, DbConn, Pool};
use fairgold::seed;
use fairgold::startup::Application;

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub pool: Pool,
    pub data_dir: PathBuf,
    pub kolkata: i64,
    pub mumbai: i64,
    pub cipher: fairgold::crypto::Cipher,
    /// `http://127.0.0.1:PORT` of `/metrics`, when the test set `metrics_listen`.
    pub metrics: Option<String>,
    _db: TestDatabase,
    _dir: tempfile::TempDir,
}

/// A fresh, empty database on the backend under test; a PostgreSQL one is dropped with it.
pub struct TestDatabase {
    pub url: String,
    pg: Option<(String, String)>,
}

impl TestDatabase {
    pub fn create(dir: &std::path::Path) -> Self {
        match std::env::var("TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()) {
            Some(admin_url) if admin_url.starts_with("postgres") => {
                let name = format!("fairgold_test_{}", fastrand::u64(..));
                let mut admin = PgConnection::establish(&admin_url).expect("connect to TEST_DATABASE_URL");
                admin.batch_execute(&format!("CREATE DATABASE \"{name}\"")).expect("create test database");
                Self { url: with_database(&admin_url, &name), pg: Some((admin_url, name)) }
            }
            Some(other) => panic!("TEST_DATABASE_URL must be a postgres:// URL (or unset for SQLite), got {other}"),
            None => Self { url: dir.join("shop.db").display().to_string(), pg: None },
        }
    }

    pub fn backend(&self) -> &'static str {
        if self.url.starts_with("postgres") {
            "postgres"
        } else {
            "sqlite"
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some((admin_url, name)) = &self.pg {
            if let Ok(mut conn) = PgConnection::establish(admin_url) {
                let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"));
            }
        }
    }
}

/// Replaces the database name (the URL path) of a PostgreSQL URL.
fn with_database(url: &str, name: &str) -> String {
    let mut u = url::Url::parse(url).expect("TEST_DATABASE_URL is a URL");
    u.set_path(&format!("/{name}"));
    u.to_string()
}

impl TestApp {
    /// The app with both centers and nothing else.
    pub async fn spawn() -> Self {
        Self::spawn_with(&[]).await
    }

    /// The app with the full demo shop.
    pub async fn spawn_demo() -> Self {
        let app = Self::spawn().await;
        let media = app.data_dir.join("media");
        app.with_conn(|c| {
            seed::demo(
                c,
                &media,
                fairgold::money::Currency::Usd,
                &app.cipher,
                Some(&LedgerSigner::development(None)),
                now(),
            )
        })
        .expect("demo seed");
        app
    }

    pub async fn spawn_with(extra: &[(&str, &str)]) -> Self {
        Self::spawn_settings(extra, |_| {}).await
    }

    /// As `spawn_with`, and then `adjust` changes the validated settings before the app is
    /// built: for what the settings' own checks rightly refuse but a test on loopback needs
    /// (say why at the call).
    pub async fn spawn_settings(extra: &[(&str, &str)], adjust: impl FnOnce(&mut Settings)) -> Self {
        if std::env::var("TEST_LOG").is_ok() {
            fairgold::telemetry::init(fairgold::config::Environment::Development);
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let database = TestDatabase::create(dir.path());
        Self::spawn_on(dir, database, extra, adjust).await
    }

    /// Another instance of the same shop, as a second machine behind the load balancer: the
    /// same database (this app's, which outlives neither), its own port, data directory, page
    /// cache and workers; storage as `extra` says (a bucket both use, say).
    pub async fn spawn_beside(&self, extra: &[(&str, &str)]) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        // `pg: None`: the first app drops the database, not this one.
        let database = TestDatabase { url: self._db.url.clone(), pg: None };
        Self::spawn_on(dir, database, extra, |_| {}).await
    }

    async fn spawn_on(
        dir: tempfile::TempDir,
        database: TestDatabase,
        extra: &[(&str, &str)],
        adjust: impl FnOnce(&mut Settings),
    ) -> Self {
        let data_dir = dir.path().join("data");
        let data_dir_s = data_dir.display().to_string();
        let mail_dir_s = data_dir.join("mail").display().to_string();
        let mut overrides = vec![
            ("database_url", database.url.as_str()),
            ("listen", "127.0.0.1:0"),
            ("data_dir", data_dir_s.as_str()),
            // Emails (file transport) go to this test's own folder, never the working tree.
            ("mail.dir", mail_dir_s.as_str()),
            ("seed_demo", "false"),
            ("db_pool_size", "4"),
            ("workers", "2"),
            // Read the catalog version on every request, so a fixture's write shows at once.
            ("cache_refresh_ms", "0"),
            ("secret_key", "test-secret-key-0123456789-abcdefghijklmnop"),
            // The tests' HTTP clients stand for many customers behind one reverse proxy on
            // loopback: each says who it is in `X-Forwarded-For` (see `checkout::Shopper`).
            ("trusted_proxies", "[\"127.0.0.1\"]"),
            // No background sweeper: tests sweep when they mean to (`orders::sweeper::sweep`).
            ("checkout.sweep_interval_ms", "0"),
        ];
        overrides.extend_from_slice(extra);
        let mut settings = Settings::from_overrides(&overrides).expect("test settings");
        adjust(&mut settings);
        let pool = db::pool(&settings.database, 2).expect("test pool");
        let cipher = settings.cipher();
        let app = Application::build(settings).await.expect("app builds");
        let address = format!("http://127.0.0.1:{}", app.port());
        let metrics = app.metrics_port().map(|p| format!("http://127.0.0.1:{p}"));
        tokio::spawn(app.run());
        let (kolkata, mumbai) = {
            let mut conn = pool.get().expect("connection");
            fairgold::reference::ensure(&mut conn, now()).expect("centers")
        };
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        Self { address, client, pool, data_dir, kolkata, mumbai, cipher, metrics, _db: database, _dir: dir }
    }

    /// The URL of this test's own database.
    pub fn database_url(&self) -> String {
        self._db.url.clone()
    }

    pub fn with_conn<T>(&self, f: impl FnOnce(&mut DbConn) -> T) -> T {
        let mut conn = self.pool.get().expect("connection");
        f(&mut conn)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{}", self.address, path)).send().await.expect("request")
    }

    /// GET a page, assert the status, return the body.
    pub async fn page(&self, path: &str, status: u16) -> String {
        let res = self.get(path).await;
        assert_eq!(res.status().as_u16(), status, "GET {path}");
        res.text().await.unwrap()
    }

    pub async fn json(&self, path: &str, status: u16) -> serde_json::Value {
        let res = self.get(path).await;
        assert_eq!(res.status().as_u16(), status, "GET {path}");
        assert_eq!(res.headers()["content-type"], "application/json", "GET {path}");
        res.json().await.unwrap()
    }

    pub fn artisan(&self, a: ArtisanFixture) -> (i64, String) {
        let public_id = format!("t{}", fastrand::u32(..));
        let id = self.with_conn(|c| {
            let until = |consented: bool| consented.then(|| now().date() + chrono::Months::new(12));
            artisans::service::create(
                c,
                &self.cipher,
                &NewArtisan {
                    public_id: public_id.clone(),
                    center_id: if a.mumbai { self.mumbai } else { self.kolkata },
                    public_alias: a.alias.into(),
                    public_story: a.story.map(str::to_string),
                    photo_path: a.photo_path.map(str::to_string),
                    story_consent_until: until(a.story_consent),
                    photo_consent_until: until(a.photo_consent),
                    profile_consent_until: until(a.profile_consent),
                    attribution_consent_until: until(!a.anonymous),
                    joined_on: now().date() - Duration::days(a.joined_days_ago),
                    created_at: now(),
                    updated_at: now(),
                },
                a.legal_name,
                Some(a.phone),
            )
            .expect("insert artisan")
        });
        (id, public_id)
    }

    /// Inserts a piece; returns its id.
    pub fn piece(&self, p: PieceFixture) -> i64 {
        let slug =
            p.slug.clone().unwrap_or_else(|| fairgold::catalog::types::Slug::from_title(&p.title).as_str().to_string());
        let n = fastrand::u32(..);
        let new = NewPiece {
            sku: format!("TST-{n:08}"),
            slug,
            title: p.title.clone(),
            description: p.description.clone(),
            kind: fairgold::catalog::types::Kind::parse(p.kind).expect("fixture kind"),
            metal: fairgold::catalog::types::Metal::parse(p.metal).expect("fixture metal"),
            purity: fairgold::catalog::types::Purity::parse(p.purity).expect("fixture purity"),
            gross_weight_mg: p.gross_weight_mg,
            net_weight_mg: p.net_weight_mg,
            ring_size: p.ring_size,
            huid: p.huid.map(str::to_string),
            price_minor: p.price_minor,
            currency: fairgold::money::Currency::Usd,
            status: fairgold::catalog::types::PieceStatus::parse(p.status).expect("fixture status"),
            center_id: if p.mumbai { self.mumbai } else { self.kolkata },
            featured: p.featured,
            listed_at: Some(now() - Duration::days(p.listed_days_ago)),
            created_at: now(),
            updated_at: now(),
        };
        let images = vec![(format!("pieces/test-{n}.svg"), format!("{} photo", p.title), 800, 800)];
        self.with_conn(|c| queries::insert_piece(c, &new, &p.stones, &p.makers, &images)).expect("insert piece")
    }
}

impl TestApp {
    /// Records today's gold rate as finance does: `per_gram_minor` for a gram of fine gold in
    /// US cents (the fixtures' currency), so publishing can check prices against gold values.
    pub fn gold_rate_today(&self, per_gram_minor: i64) {
        use fairgold::pricing::gold::{self, GoldRateInput};
        let input = GoldRateInput {
            on: fairgold::wages::types::india_date(now()),
            per_gram: fairgold::money::Money::new(per_gram_minor, fairgold::money::Currency::Usd),
            source: "test rate".into(),
        };
        let actor = fairgold::audit::Actor::system("finance test");
        self.with_conn(|c| gold::record(c, &actor, &input, now())).expect("record a gold rate");
    }

    /// Gives a piece a photo (the row an upload leaves behind), as publishing needs one.
    pub fn photo(&self, piece: i64) {
        use diesel::prelude::*;
        use fairgold::schema::piece_images as pi;
        self.with_conn(|c| {
            diesel::insert_into(pi::table)
                .values((
                    pi::piece_id.eq(piece),
                    pi::path.eq(format!("pieces/test-photo-{piece}.svg")),
                    pi::alt_text.eq("The piece, seen from above"),
                    pi::width.eq(800),
                    pi::height.eq(800),
                    pi::position.eq(0),
                    pi::variants.eq(""),
                ))
                .execute(c)
        })
        .expect("insert photo");
    }
}

pub fn now() -> NaiveDateTime {
    Utc::now().naive_utc()
}

pub struct ArtisanFixture {
    pub alias: &'static str,
    pub legal_name: &'static str,
    pub phone: &'static str,
    pub story: Option<&'static str>,
    pub story_consent: bool,
    pub profile_consent: bool,
    pub photo_path: Option<&'static str>,
    pub photo_consent: bool,
    pub mumbai: bool,
    /// No consent to be named (attribution); by default a fixture artisan is named.
    pub anonymous: bool,
    /// Days since the artisan joined the programme (default two years).
    pub joined_days_ago: i64,
}

impl Default for ArtisanFixture {
    fn default() -> Self {
        Self {
            alias: "Rupa D.",
            legal_name: "Rupali Dasgupta",
            phone: "+91 90000 00001",
            story: None,
            story_consent: false,
            profile_consent: false,
            photo_path: None,
            photo_consent: false,
            mumbai: false,
            anonymous: false,
            joined_days_ago: 730,
        }
    }
}

#[derive(Clone)]
pub struct PieceFixture {
    pub title: String,
    pub slug: Option<String>,
    pub description: String,
    pub kind: &'static str,
    pub metal: &'static str,
    pub purity: &'static str,
    pub gross_weight_mg: i64,
    pub net_weight_mg: i64,
    pub ring_size: Option<i32>,
    pub huid: Option<&'static str>,
    pub price_minor: i64,
    pub status: &'static str,
    pub mumbai: bool,
    pub featured: bool,
    pub listed_days_ago: i64,
    pub stones: Vec<(String, i32, i64)>,
    pub makers: Vec<(i64, i64)>,
}

impl PieceFixture {
    pub fn new(title: &str) -> Self {
        Self {
            title: title.into(),
            slug: None,
            description: format!("{title}, handmade.\n\nA second paragraph."),
            kind: "ring",
            metal: "yellow_gold",
            purity: "22K916",
            gross_weight_mg: 4_200,
            net_weight_mg: 4_100,
            ring_size: Some(14),
            huid: None,
            price_minor: 50_000,
            status: "listed",
            mumbai: false,
            featured: false,
            listed_days_ago: 1,
            stones: vec![],
            makers: vec![],
        }
    }
}

/// A signed-in browser session: the session cookie and the page's CSRF token.
#[derive(Clone)]
pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

pub const STAFF_PASSWORD: &str = "a long test password";

/// Pulls `name="csrf_token" value="…"` out of a page.
pub fn csrf_in(html: &str) -> Option<String> {
    let at = html.find("name=\"csrf_token\" value=\"")? + "name=\"csrf_token\" value=\"".len();
    Some(html[at..].split('"').next()?.to_string())
}

/// The session cookie from a response's `Set-Cookie`, as `name=value`.
pub fn session_cookie(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("__Host-fairgold_session="))
        .map(|v| v.split(';').next().unwrap().to_string())
}

impl TestApp {
    /// Creates an active staff account with `STAFF_PASSWORD`; returns its id.
    pub fn staff(&self, email: &str, role: &str, center: Option<&str>) -> i64 {
        let center_id = match center {
            Some("kolkata") => Some(self.kolkata),
            Some("mumbai") => Some(self.mumbai),
            _ => None,
        };
        self.with_conn(|c| {
            fairgold::staff::queries::insert(
                c,
                &fairgold::staff::models::NewStaff {
                    email: email.into(),
                    display_name: email.into(),
                    role: fairgold::staff::types::Role::parse(role).expect("fixture role"),
                    center_id,
                    password_hash: Some(fairgold::staff::service::hash_password(STAFF_PASSWORD)),
                    totp_enabled: false,
                    created_at: now(),
                    updated_at: now(),
                },
            )
        })
        .expect("insert staff")
    }

    pub async fn post_form(&self, path: &str, session: Option<&Session>, form: &[(&str, &str)]) -> reqwest::Response {
        let mut req = self.client.post(format!("{}{}", self.address, path));
        let mut pairs: Vec<(&str, &str)> = form.to_vec();
        if let Some(s) = session {
            req = req.header("Cookie", &s.cookie);
            if !pairs.iter().any(|(k, _)| *k == "csrf_token") {
                pairs.push(("csrf_token", &s.csrf));
            }
        }
        let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish();
        req.header("Content-Type", "application/x-www-form-urlencoded").body(body).send().await.expect("request")
    }

    pub async fn get_as(&self, path: &str, session: &Session) -> reqwest::Response {
        self.client
            .get(format!("{}{}", self.address, path))
            .header("Cookie", &session.cookie)
            .send()
            .await
            .expect("request")
    }

    /// Signs in with the password only (the session may still owe a second factor).
    pub async fn password_sign_in(&self, email: &str) -> (reqwest::Response, Option<String>) {
        let res = self.post_form("/admin/login", None, &[("email", email), ("password", STAFF_PASSWORD)]).await;
        let cookie = session_cookie(&res);
        (res, cookie)
    }

    /// Signs in fully: password, then the second factor every role owes — TOTP enrolment the
    /// first time, a code from the remembered secret after that. The session id changes when
    /// the second factor passes; the session returned is the new one.
    pub async fn sign_in(&self, email: &str) -> Session {
        let (res, cookie) = self.password_sign_in(email).await;
        assert_eq!(res.status().as_u16(), 303, "sign-in of {email}");
        assert_eq!(res.headers()["location"], "/admin/mfa", "every role owes a second factor");
        let pending = Session { cookie: cookie.expect("session cookie"), csrf: String::new() };
        let page = self.get_as("/admin/mfa/enrol", &pending).await;
        let cookie = if page.status().as_u16() == 200 {
            let html = page.text().await.unwrap();
            let csrf = csrf_in(&html).unwrap();
            let secret = secret_in(&html);
            let code = totp_now(&secret, email);
            let res = self
                .post_form("/admin/mfa/enrol", Some(&Session { csrf, ..pending.clone() }), &[("code", &code)])
                .await;
            assert_eq!(res.status().as_u16(), 200, "enrolment of {email}");
            remembered_secrets().lock().unwrap().insert((self.address.clone(), email.to_string()), secret);
            session_cookie(&res).expect("a new session once the second factor passed")
        } else {
            let secret = remembered_secrets()
                .lock()
                .unwrap()
                .get(&(self.address.clone(), email.to_string()))
                .cloned()
                .expect("enrolled through sign_in before");
            self.forget_last_totp_step(email);
            let html = self.get_as("/admin/mfa", &pending).await.text().await.unwrap();
            let csrf = csrf_in(&html).unwrap();
            let code = totp_now(&secret, email);
            let res =
                self.post_form("/admin/mfa", Some(&Session { csrf, ..pending.clone() }), &[("code", &code)]).await;
            assert_eq!(res.status().as_u16(), 303, "second factor of {email}");
            session_cookie(&res).expect("a new session once the second factor passed")
        };
        let session = Session { cookie, csrf: String::new() };
        let page = self.get_as("/admin", &session).await;
        assert_eq!(page.status().as_u16(), 200, "dashboard for {email}");
        let csrf = csrf_in(&page.text().await.unwrap()).expect("csrf token on the dashboard");
        signed_in_as().lock().unwrap().insert((self.address.clone(), session.cookie.clone()), email.to_string());
        Session { csrf, ..session }
    }

    /// A fresh authenticator code for the person signed in with this session (through
    /// `sign_in`), as a step-up form asks for: the last accepted step is forgotten first, so the
    /// code is not refused as a replay of the one used to sign in.
    pub fn fresh_totp(&self, session: &Session) -> Option<String> {
        let email = signed_in_as().lock().unwrap().get(&(self.address.clone(), session.cookie.clone())).cloned()?;
        let secret = remembered_secrets().lock().unwrap().get(&(self.address.clone(), email.clone())).cloned()?;
        self.forget_last_totp_step(&email);
        Some(totp_now(&secret, &email))
    }

    /// Using the same person's authenticator twice within one 30-second step would replay a
    /// code (refused, as tests/api/auth.rs checks): tests forget the last accepted step first.
    fn forget_last_totp_step(&self, email: &str) {
        self.with_conn(|c| {
            use diesel::prelude::*;
            use fairgold::schema::staff;
            diesel::update(staff::table.filter(staff::email.eq(email)))
                .set(staff::totp_last_step.eq(None::<i64>))
                .execute(c)
        })
        .unwrap();
    }
}

/// Who signed in with a session cookie through `sign_in`, by (app address, cookie).
fn signed_in_as() -> &'static std::sync::Mutex<std::collections::HashMap<(String, String), String>> {
    static WHO: std::sync::OnceLock<std::sync::Mutex<std::collections::HashMap<(String, String), String>>> =
        std::sync::OnceLock::new();
    WHO.get_or_init(Default::default)
}

/// TOTP secrets enrolled through `sign_in`, by (app address, email).
fn remembered_secrets() -> &'static std::sync::Mutex<std::collections::HashMap<(String, String), String>> {
    static SECRETS: std::sync::OnceLock<std::sync::Mutex<std::collections::HashMap<(String, String), String>>> =
        std::sync::OnceLock::new();
    SECRETS.get_or_init(Default::default)
}

/// The TOTP secret shown on the enrolment page.
pub fn secret_in(html: &str) -> String {
    let at = html.find("<code class=\"secret\">").expect("secret on the page") + "<code class=\"secret\">".len();
    html[at..].split('<').next().unwrap().to_string()
}

/// The current TOTP code for a base32 secret, as an authenticator app computes it.
pub fn totp_now(secret: &str, email: &str) -> String {
    totp_at(secret, email, 0)
}

/// The code `offset_seconds` from now (an app whose clock runs a little ahead).
pub fn totp_at(secret: &str, email: &str, offset_seconds: i64) -> String {
    let raw = totp_rs::Secret::Encoded(secret.into()).to_bytes().unwrap();
    let at = (chrono::Utc::now().timestamp() + offset_seconds) as u64;
    totp_rs::TOTP::new(totp_rs::Algorithm::SHA1, 6, 1, 30, raw, Some("fairgold".into()), email.into())
        .unwrap()
        .generate(at)
}

/// One part of a `multipart/form-data` body.
pub enum Part<'a> {
    Text(&'a str, &'a str),
    File { name: &'a str, filename: &'a str, content_type: &'a str, bytes: &'a [u8] },
}

/// A `multipart/form-data` body as a browser sends it: (content type, bytes).
pub fn multipart(parts: &[Part<'_>]) -> (String, Vec<u8>) {
    let boundary = format!("----fairgold-test-{:016x}", fastrand::u64(..));
    let mut body = Vec::new();
    for part in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match part {
            Part::Text(name, value) => {
                body.extend_from_slice(format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes());
                body.extend_from_slice(value.as_bytes());
            }
            Part::File { name, filename, content_type, bytes } => {
                body.extend_from_slice(
                    format!(
                        "Content-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: {content_type}\r\n\r\n"
                    )
                    .as_bytes(),
                );
                body.extend_from_slice(bytes);
            }
        }
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

impl TestApp {
    pub async fn post_multipart(&self, path: &str, session: Option<&Session>, parts: &[Part<'_>]) -> reqwest::Response {
        let (content_type, body) = multipart(parts);
        let mut req = self.client.post(format!("{}{}", self.address, path)).header("Content-Type", content_type);
        if let Some(s) = session {
            req = req.header("Cookie", &s.cookie);
        }
        req.body(body).send().await.expect("request")
    }
}
