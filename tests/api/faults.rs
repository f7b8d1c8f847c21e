//! Faults as an operator meets them, with the real binary: the server killed mid-checkout.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use diesel::prelude::*;
use fairgold::schema::{orders, pieces};
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::helpers::TestDatabase;
use crate::stripe_fixtures::{fixture, SessionResponder};

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The shop as a process of its own (a debug build, development settings, Stripe pointed at
/// `stripe`), killed with SIGKILL when dropped.
pub struct Shop {
    child: Child,
    pub base: String,
}

impl Shop {
    pub async fn start(dir: &std::path::Path, db: &TestDatabase, stripe: &str, extra: &[(&str, &str)]) -> Shop {
        let port = free_port();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_fairgold"));
        cmd.current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("RUST_LOG", "warn")
            .env("FAIRGOLD_ENV", "development")
            .env("FAIRGOLD_LISTEN", format!("127.0.0.1:{port}"))
            .env("DATABASE_URL", &db.url)
            .env("FAIRGOLD_DATA_DIR", dir.join("data"))
            .env("FAIRGOLD_MAIL__DIR", dir.join("mail"))
            .env("STRIPE_SECRET_KEY", "sk_test_faults")
            .env("STRIPE_WEBHOOK_SECRET", "whsec_test_faults")
            .env("FAIRGOLD_STRIPE_API_BASE", stripe)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        for (k, v) in extra {
            cmd.env(k, v);
        }
        let child = cmd.spawn().expect("start fairgold");
        let base = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        while !reqwest::get(format!("{base}/readyz")).await.is_ok_and(|r| r.status().is_success()) {
            assert!(started.elapsed() < Duration::from_secs(60), "the shop did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Shop { child, base }
    }

    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Shop {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A customer's browser against a shop process: its cart cookie.
struct Customer {
    cookie: String,
    address: String,
}

impl Customer {
    fn new(address: &str) -> Self {
        Self { cookie: String::new(), address: address.into() }
    }

    async fn post(&mut self, base: &str, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let mut req = client
            .post(format!("{base}{path}"))
            .header("Origin", base)
            .header("Sec-Fetch-Site", "same-origin")
            .header("X-Forwarded-For", &self.address)
            .form(form);
        if !self.cookie.is_empty() {
            req = req.header("Cookie", &self.cookie);
        }
        let res = req.send().await.unwrap();
        if let Some(c) = res
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("fairgold_cart="))
        {
            self.cookie = c.split(';').next().unwrap().to_string();
        }
        res
    }
}

const ADDRESS: &[(&str, &str)] = &[
    ("email", "ann@example.org"),
    ("name", "Ann Lee"),
    ("line1", "1 Main Street"),
    ("city", "Berlin"),
    ("postal_code", "10115"),
    ("country", "DE"),
    ("phone", "+49 30 1234567"),
];

fn piece_status(pool: &fairgold::db::Pool, id: i64) -> String {
    let mut c = pool.get().unwrap();
    pieces::table.find(id).select(pieces::status).first(&mut **c).unwrap()
}

#[tokio::test]
async fn a_server_killed_between_the_hold_and_stripe_frees_the_piece_and_lets_the_cart_retry() {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDatabase::create(dir.path());
    let stripe = MockServer::start().await;
    // The first two session requests hang (Stripe slow, or the network): the shop is killed
    // while it waits. Later ones are answered.
    Mock::given(method("POST"))
        .and(path("/v1/checkout/sessions"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(120)))
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&stripe)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/checkout/sessions"))
        .respond_with(SessionResponder { hosted_origin: "https://checkout.stripe.com".into() })
        .with_priority(2)
        .mount(&stripe)
        .await;
    Mock::given(method("POST"))
        .and(path_regex(r"^/v1/checkout/sessions/[^/]+/expire$"))
        .respond_with(ResponseTemplate::new(200).set_body_json(fixture("checkout_session.json")))
        .mount(&stripe)
        .await;
    let settings = [
        ("FAIRGOLD_TRUSTED_PROXIES", "[\"127.0.0.1\"]"),
        ("FAIRGOLD_CHECKOUT__STRANDED_AFTER_SECONDS", "15"),
        ("FAIRGOLD_CHECKOUT__SWEEP_INTERVAL_MS", "250"),
    ];
    let shop = Shop::start(dir.path(), &db, &stripe.uri(), &settings).await;
    let list: serde_json::Value =
        reqwest::get(format!("{}/api/v1/pieces?per_page=2", shop.base)).await.unwrap().json().await.unwrap();
    let ids: Vec<i64> = list["data"].as_array().unwrap().iter().map(|p| p["id"].as_i64().unwrap()).collect();
    let slugs: Vec<String> =
        list["data"].as_array().unwrap().iter().map(|p| p["slug"].as_str().unwrap().to_string()).collect();

    let before: i64 = {
        let pool = fairgold::db::pool(&fairgold::config::DatabaseUrl::parse(&db.url).unwrap(), 1).unwrap();
        let mut c = pool.get().unwrap();
        orders::table.select(diesel::dsl::max(orders::id)).first::<Option<i64>>(&mut **c).unwrap().unwrap_or(0)
    };
    // Two customers check out; the shop takes their holds and waits for Stripe...
    let mut alice = Customer::new("100.70.0.1");
    let mut bob = Customer::new("100.70.0.2");
    assert_eq!(alice.post(&shop.base, "/cart/add", &[("piece_id", &ids[0].to_string())]).await.status(), 303);
    assert_eq!(bob.post(&shop.base, "/cart/add", &[("piece_id", &ids[1].to_string())]).await.status(), 303);
    for c in [&alice, &bob] {
        let (base, cookie, address) = (shop.base.clone(), c.cookie.clone(), c.address.clone());
        tokio::spawn(async move {
            let mut c = Customer { cookie, address };
            let _ = c.post(&base, "/checkout", ADDRESS).await;
        });
    }
    let pool = fairgold::db::pool(&fairgold::config::DatabaseUrl::parse(&db.url).unwrap(), 2).unwrap();
    let started = Instant::now();
    while !(piece_status(&pool, ids[0]) == "held" && piece_status(&pool, ids[1]) == "held") {
        assert!(started.elapsed() < Duration::from_secs(20), "the holds were not taken");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // ...and dies.
    shop.kill();
    let stranded: Vec<(i64, String)> = {
        let mut c = pool.get().unwrap();
        orders::table
            .filter(orders::id.gt(before))
            .order(orders::id)
            .select((orders::id, orders::status))
            .load(&mut **c)
            .unwrap()
    };
    assert_eq!(stranded.len(), 2);
    assert!(stranded.iter().all(|(_, s)| s == "pending_payment"));

    let shop = Shop::start(dir.path(), &db, &stripe.uri(), &settings).await;
    // Alice's cart checks out again at once: her stranded order is replaced, not "just sold".
    let res = alice.post(&shop.base, "/checkout", ADDRESS).await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
    // Bob does nothing: his piece is available again well within the 45-minute hold.
    let restarted = Instant::now();
    loop {
        let piece: serde_json::Value =
            reqwest::get(format!("{}/api/v1/pieces/{}", shop.base, slugs[1])).await.unwrap().json().await.unwrap();
        if piece["available"] == true {
            break;
        }
        assert!(restarted.elapsed() < Duration::from_secs(40), "the stranded hold was not released");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let statuses: Vec<String> = {
        let mut c = pool.get().unwrap();
        orders::table.filter(orders::id.gt(before)).order(orders::id).select(orders::status).load(&mut **c).unwrap()
    };
    assert_eq!(statuses, vec!["cancelled", "cancelled", "pending_payment"], "Alice's new order holds her piece");
    assert_eq!(piece_status(&pool, ids[0]), "held");
    assert_eq!(piece_status(&pool, ids[1]), "listed");
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL dropping the shop's connections (issue 10, finding 1)

fn on_postgres() -> bool {
    std::env::var("TEST_DATABASE_URL").is_ok_and(|u| u.starts_with("postgres"))
}

/// The database name in a PostgreSQL URL.
fn database_name(url: &str) -> String {
    url::Url::parse(url).unwrap().path().trim_start_matches('/').to_string()
}

/// Terminates every server process serving `db` (as a restart, a failover or a proxy's idle
/// cut would), from an administrator's connection.
fn terminate_backends(db: &str) -> usize {
    use diesel::connection::SimpleConnection;
    let admin_url = std::env::var("TEST_DATABASE_URL").unwrap();
    let mut admin = diesel::PgConnection::establish(&admin_url).unwrap();
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    admin.batch_execute("SET application_name = 'fault-injector'").unwrap();
    let killed: N = diesel::sql_query(format!(
        "SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity \
         WHERE datname = '{db}' AND pid <> pg_backend_pid()"
    ))
    .get_result(&mut admin)
    .unwrap();
    killed.n as usize
}

/// What a steady stream of customers and probes sees: every answer's status, with its time.
#[derive(Default)]
struct Watch {
    answers: std::sync::Mutex<Vec<(Instant, &'static str, u16, Duration)>>,
}

/// Requests that need the database, over and over, until `stop`.
async fn load(
    app: std::sync::Arc<crate::helpers::TestApp>,
    watch: std::sync::Arc<Watch>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    piece: i64,
) {
    let mut i = 0u64;
    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
        i += 1;
        let (what, req) = match i % 3 {
            0 => ("readyz", app.client.get(format!("{}/readyz", app.address))),
            // A filter nobody asked for yet: a cache miss, so a query.
            1 => ("catalog", app.client.get(format!("{}/api/v1/pieces?price_min={}", app.address, i % 997))),
            _ => (
                "cart",
                app.client
                    .post(format!("{}/cart/add", app.address))
                    .header("X-Forwarded-For", crate::checkout::random_address())
                    .form(&[("piece_id", piece.to_string())]),
            ),
        };
        let sent = Instant::now();
        let status = match tokio::time::timeout(Duration::from_secs(30), req.send()).await {
            Ok(Ok(res)) => res.status().as_u16(),
            Ok(Err(_)) => 0,
            Err(_) => 999,
        };
        watch.answers.lock().unwrap().push((Instant::now(), what, status, sent.elapsed()));
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// After `from`: no 500 and no hang; the time from `up` until every kind of request has
/// answered as before (200 or 303) and kept doing so.
fn judge(watch: &Watch, from: Instant, up: Instant) -> Duration {
    let answers = watch.answers.lock().unwrap();
    let after: Vec<_> = answers.iter().filter(|(at, ..)| *at >= from).collect();
    assert!(!after.is_empty());
    for (_, what, status, took) in &after {
        assert!(*status != 500 && *status != 0 && *status != 999, "{what} answered {status}");
        assert!(*took < Duration::from_secs(8), "{what} hung for {took:?}");
    }
    let ok = |s: u16| s == 200 || s == 303;
    // The last failure of any kind after the database came back.
    let last_bad = after.iter().filter(|(at, _, s, _)| *at >= up && !ok(*s)).map(|(at, ..)| *at).max();
    let recovered_at = last_bad.unwrap_or(up);
    for what in ["readyz", "catalog", "cart"] {
        assert!(
            after.iter().any(|(at, w, s, _)| *w == what && *at > recovered_at && ok(*s)),
            "{what} never answered again"
        );
    }
    recovered_at.saturating_duration_since(up)
}

#[tokio::test]
async fn postgres_connections_terminated_under_load_are_replaced_within_seconds() {
    if !on_postgres() {
        eprintln!("this fault needs a PostgreSQL server (TEST_DATABASE_URL); SQLite has no connections to drop");
        return;
    }
    let app = crate::helpers::TestApp::spawn_with(&[("db_pool_size", "4")]).await;
    let piece = app.piece(crate::helpers::PieceFixture::new("Lotus ring"));
    let db = database_name(&app.database_url());
    let app = std::sync::Arc::new(app);
    let watch = std::sync::Arc::new(Watch::default());
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let loads: Vec<_> = (0..4).map(|_| tokio::spawn(load(app.clone(), watch.clone(), stop.clone(), piece))).collect();
    tokio::time::sleep(Duration::from_millis(700)).await;
    let killed_at = Instant::now();
    assert!(terminate_backends(&db) > 0, "the shop's connections were terminated");
    tokio::time::sleep(Duration::from_secs(6)).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for l in loads {
        l.await.unwrap();
    }
    // The database never went away: within 5 s every endpoint answers as before.
    let recovery = judge(&watch, killed_at, killed_at);
    assert!(recovery < Duration::from_secs(5), "recovered after {recovery:?}");
}

/// A loopback TCP proxy in front of PostgreSQL that can drop every connection and refuse new
/// ones for a while (a failover, a network cut).
struct Cut {
    port: u16,
    down: std::sync::Arc<std::sync::atomic::AtomicBool>,
    generation: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl Cut {
    async fn start(target: String) -> Self {
        use std::sync::atomic::Ordering;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let down = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let generation = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        let (d, g) = (down.clone(), generation.clone());
        tokio::spawn(async move {
            loop {
                let Ok((mut client, _)) = listener.accept().await else { return };
                if d.load(Ordering::SeqCst) {
                    drop(client); // refused: closed at once
                    continue;
                }
                let (target, g, born) = (target.clone(), g.clone(), g.load(Ordering::SeqCst));
                tokio::spawn(async move {
                    let Ok(mut server) = tokio::net::TcpStream::connect(&target).await else { return };
                    let copy = tokio::io::copy_bidirectional(&mut client, &mut server);
                    tokio::pin!(copy);
                    loop {
                        tokio::select! {
                            _ = &mut copy => return,
                            _ = tokio::time::sleep(Duration::from_millis(50)) => {
                                if g.load(Ordering::SeqCst) != born {
                                    return; // dropped: both sockets close
                                }
                            }
                        }
                    }
                });
            }
        });
        Cut { port, down, generation }
    }

    fn drop_all_and_refuse(&self) {
        use std::sync::atomic::Ordering;
        self.down.store(true, Ordering::SeqCst);
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    fn restore(&self) {
        self.down.store(false, std::sync::atomic::Ordering::SeqCst);
    }
}

// Multi-threaded: the proxy's tasks must run while the test's own pool connects through it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_behind_a_proxy_that_cuts_and_refuses_for_20_seconds_gives_503s_then_recovers() {
    if !on_postgres() {
        eprintln!("this fault needs a PostgreSQL server (TEST_DATABASE_URL); SQLite has no network to cut");
        return;
    }
    let admin = url::Url::parse(&std::env::var("TEST_DATABASE_URL").unwrap()).unwrap();
    let target = format!("{}:{}", admin.host_str().unwrap(), admin.port().unwrap_or(5432));
    let cut = Cut::start(target).await;
    let port = cut.port;
    let app = crate::helpers::TestApp::spawn_settings(&[("db_pool_size", "4")], |s| {
        let fairgold::config::DatabaseUrl::Postgres(url) = &s.database else { unreachable!() };
        let mut u = url::Url::parse(url).unwrap();
        u.set_port(Some(port)).unwrap();
        s.database = fairgold::config::DatabaseUrl::Postgres(u.to_string());
    })
    .await;
    let piece = app.piece(crate::helpers::PieceFixture::new("Lotus ring"));
    let app = std::sync::Arc::new(app);
    let watch = std::sync::Arc::new(Watch::default());
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let loads: Vec<_> = (0..4).map(|_| tokio::spawn(load(app.clone(), watch.clone(), stop.clone(), piece))).collect();
    tokio::time::sleep(Duration::from_millis(700)).await;
    let cut_at = Instant::now();
    cut.drop_all_and_refuse();
    tokio::time::sleep(Duration::from_secs(20)).await;
    let up = Instant::now();
    cut.restore();
    tokio::time::sleep(Duration::from_secs(7)).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for l in loads {
        l.await.unwrap();
    }
    {
        let answers = watch.answers.lock().unwrap();
        let during: Vec<u16> = answers
            .iter()
            .filter(|(at, ..)| *at > cut_at + Duration::from_secs(5) && *at < up)
            .map(|(_, _, s, _)| *s)
            .collect();
        assert!(
            !during.is_empty() && during.iter().all(|s| *s == 503),
            "503 while the database is cut off: {during:?}"
        );
    }
    let recovery = judge(&watch, cut_at, up);
    assert!(recovery < Duration::from_secs(5), "recovered after {recovery:?}");
}

// ---------------------------------------------------------------------------------------------
// Two instances starting at once on an empty database (issue 10, finding 7)

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn instances_starting_together_on_an_empty_database_all_start() {
    for trial in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let db = TestDatabase::create(dir.path());
        let mut starts = Vec::new();
        for i in 0..3 {
            let settings = fairgold::config::Settings::from_overrides(&[
                ("database_url", db.url.as_str()),
                ("listen", "127.0.0.1:0"),
                ("data_dir", &dir.path().join(format!("data{i}")).display().to_string()),
                ("mail.dir", &dir.path().join(format!("mail{i}")).display().to_string()),
                ("seed_demo", "false"),
                ("checkout.sweep_interval_ms", "0"),
            ])
            .unwrap();
            starts.push(tokio::spawn(async move {
                fairgold::startup::Application::build(settings).await.map(|app| app.port()).map_err(|e| e.to_string())
            }));
        }
        for s in starts {
            let started = s.await.unwrap();
            assert!(started.is_ok(), "trial {trial}: an instance failed to start: {started:?}");
        }
        let pool = fairgold::db::pool(&fairgold::config::DatabaseUrl::parse(&db.url).unwrap(), 1).unwrap();
        let mut c = pool.get().unwrap();
        let centers: i64 = fairgold::schema::centers::table.count().get_result(&mut **c).unwrap();
        let policies: i64 = fairgold::schema::wage_policies::table.count().get_result(&mut **c).unwrap();
        assert_eq!((centers, policies), (2, 3), "trial {trial}: the reference data exactly once");
    }
}
