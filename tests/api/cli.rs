//! The `fairgold` binary as an operator runs it: start-up checks, serving with defaults,
//! graceful shutdown, `migrate` and `seed --demo`.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::helpers::TestDatabase;

fn fairgold(dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_fairgold"));
    cmd.current_dir(dir).env_clear().env("PATH", std::env::var("PATH").unwrap_or_default()).env("RUST_LOG", "warn");
    cmd
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

#[test]
fn an_unknown_database_scheme_stops_start_up_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = fairgold(dir.path()).env("DATABASE_URL", "mysql://root@localhost/shop").output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("DATABASE_URL scheme `mysql` is not supported"), "{stderr}");
}

#[test]
fn production_refuses_to_start_without_its_secret_or_with_development_settings() {
    let dir = tempfile::tempdir().unwrap();
    let out = fairgold(dir.path()).env("FAIRGOLD_ENV", "production").output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("FAIRGOLD_SECRET_KEY is missing"), "{stderr}");

    let out = fairgold(dir.path())
        .env("FAIRGOLD_ENV", "production")
        .env("FAIRGOLD_SECRET_KEY", "0123456789abcdef0123456789abcdef-secret")
        .env("FAIRGOLD_BASE_URL", "https://shop.example")
        .env("FAIRGOLD_SEED_DEMO", "true")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("FAIRGOLD_SEED_DEMO=true is for development only"), "{stderr}");
    assert!(!stderr.contains("0123456789abcdef0123456789abcdef-secret"), "the secret is never printed");
    assert!(!dir.path().join("data").exists(), "nothing was created");
}

#[test]
fn production_refuses_a_secret_key_that_is_not_random() {
    let dir = tempfile::tempdir().unwrap();
    for weak in ["k".repeat(40), "fairgold-fairgold-fairgold-fairgold".to_string()] {
        let out = fairgold(dir.path())
            .env("FAIRGOLD_ENV", "production")
            .env("FAIRGOLD_SECRET_KEY", &weak)
            .env("FAIRGOLD_BASE_URL", "https://shop.example")
            .output()
            .unwrap();
        assert!(!out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("FAIRGOLD_SECRET_KEY is not a random key"), "{weak}: {stderr}");
        assert!(!stderr.contains(&weak), "the key is never printed");
    }
}

#[test]
fn migrate_then_seed_the_demo_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDatabase::create(dir.path());
    let run = |args: &[&str]| {
        let out = fairgold(dir.path()).env("DATABASE_URL", &db.url).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let first = run(&["migrate"]);
    assert!(first.contains(&format!("migration(s) applied to the {} database", db.backend())), "{first}");
    assert!(!first.starts_with("0 "), "the first run applies the migrations: {first}");
    assert!(run(&["migrate"]).starts_with("0 migration(s)"), "the second has nothing to do");
    assert!(run(&["seed", "--demo"]).contains("demo data added"));
    assert!(run(&["seed", "--demo"]).contains("not empty"));
    let svgs = std::fs::read_dir(dir.path().join("data/media/pieces")).unwrap().count();
    assert!(svgs >= 60, "generated images: {svgs}");
}

#[tokio::test]
async fn serves_the_demo_shop_with_defaults_and_stops_gracefully_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDatabase::create(dir.path());
    let port = free_port();
    let mut cmd = fairgold(dir.path());
    cmd.env("FAIRGOLD_LISTEN", format!("127.0.0.1:{port}")).stdout(Stdio::null()).stderr(Stdio::null());
    if db.backend() == "postgres" {
        cmd.env("DATABASE_URL", &db.url);
    }
    let mut child = cmd.spawn().unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    loop {
        if reqwest::get(format!("{base}/healthz")).await.is_ok_and(|r| r.status().is_success()) {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "the shop did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let list: serde_json::Value = reqwest::get(format!("{base}/api/v1/pieces")).await.unwrap().json().await.unwrap();
    assert!(list["pagination"]["total"].as_i64().unwrap() > 30, "demo data was seeded on first start");
    if db.backend() == "sqlite" {
        assert!(dir.path().join("data/fairgold.db").exists(), "the default SQLite file");
    }

    let killed = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(25);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "no graceful exit after SIGTERM");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "clean exit after SIGTERM: {status:?}");
}

#[test]
fn staff_add_prints_a_one_time_setup_link_and_disable_stops_the_account() {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDatabase::create(dir.path());
    let run = |args: &[&str]| fairgold(dir.path()).env("DATABASE_URL", &db.url).args(args).output().unwrap();
    let out = run(&["staff", "add", "--email", "Rupa@Fairgold.test", "--role", "manager", "--center", "kolkata"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Created rupa@fairgold.test (Center manager)"), "{stdout}");
    assert!(stdout.contains("http://127.0.0.1:8080/admin/setup/"), "{stdout}");

    for (args, message) in [
        (
            vec!["staff", "add", "--email", "rupa@fairgold.test", "--role", "manager", "--center", "kolkata"],
            "already has an account",
        ),
        (vec!["staff", "add", "--email", "x@fairgold.test", "--role", "manager"], "a manager needs a center"),
        (vec!["staff", "add", "--email", "x@fairgold.test", "--role", "boss"], "unknown role `boss`"),
        (
            vec!["staff", "add", "--email", "x@fairgold.test", "--role", "finance", "--center", "kolkata"],
            "only managers",
        ),
        (vec!["staff", "add", "--email", "not-an-email", "--role", "admin"], "enter an email address"),
        (vec!["staff", "disable", "--email", "nobody@fairgold.test"], "no account for nobody@fairgold.test"),
    ] {
        let out = run(&args);
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
    let out = run(&["staff", "disable", "--email", "rupa@fairgold.test"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Disabled rupa@fairgold.test"));
}
