//! Keys at rest (ASVS 5.0 11.2.x, 11.3.x, 13.3.x): a key per purpose, each ciphertext bound to
//! its table, column and row, `fairgold keys rotate` while `FAIRGOLD_SECRET_KEY_OLD` is set, and
//! new recovery codes for whoever held codes hashed under the old key.

use std::process::Command;

use diesel::prelude::*;
use fairgold::crypto::{Cipher, Field, Opened};
use fairgold::schema::{artisan_private, audit_log, orders, recovery_codes, staff};
use secrecy::SecretString;

use crate::checkout::place;
use crate::helpers::{csrf_in, ArtisanFixture, PieceFixture, TestApp};

/// The key `TestApp` runs with (see `helpers::spawn_settings`).
const OLD_KEY: &str = "test-secret-key-0123456789-abcdefghijklmnop";
const NEW_KEY: &str = "Zq8v2LmR4tXw9bNc7HkP3sJd6FgY1uAe0oTi5rVn";

fn cipher(key: &str) -> Cipher {
    Cipher::from_secret(Some(&SecretString::from(key.to_string())))
}

/// Every sealed value in the database: (place, row, stored).
fn sealed_values(app: &TestApp) -> Vec<(Field, i64, String)> {
    app.with_conn(|c| {
        let mut all = Vec::new();
        let private: Vec<(i64, String, Option<String>, Option<String>)> = artisan_private::table
            .select((
                artisan_private::artisan_id,
                artisan_private::legal_name,
                artisan_private::phone,
                artisan_private::payout_details,
            ))
            .load(c)
            .unwrap();
        for (id, name, phone, payout) in private {
            all.push((Field::ARTISAN_LEGAL_NAME, id, name));
            all.extend(phone.map(|p| (Field::ARTISAN_PHONE, id, p)));
            all.extend(payout.map(|p| (Field::ARTISAN_PAYOUT_DETAILS, id, p)));
        }
        let totp: Vec<(i64, Option<String>)> = staff::table.select((staff::id, staff::totp_secret)).load(c).unwrap();
        all.extend(totp.into_iter().filter_map(|(id, s)| s.map(|s| (Field::STAFF_TOTP_SECRET, id, s))));
        let tokens: Vec<(i64, Option<String>)> =
            orders::table.select((orders::id, orders::status_token_sealed)).load(c).unwrap();
        all.extend(tokens.into_iter().filter_map(|(id, s)| s.map(|s| (Field::ORDER_STATUS_TOKEN, id, s))));
        all
    })
}

fn rotate(app: &TestApp, key: &str, old: Option<&str>) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_fairgold"));
    cmd.current_dir(dir.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("RUST_LOG", "warn")
        .env("DATABASE_URL", app.database_url())
        .env("FAIRGOLD_SECRET_KEY", key)
        .args(["keys", "rotate"]);
    if let Some(old) = old {
        cmd.env("FAIRGOLD_SECRET_KEY_OLD", old);
    }
    cmd.output().unwrap()
}

#[tokio::test]
async fn a_legal_name_copied_into_another_artisans_row_does_not_open() {
    let app = TestApp::spawn().await;
    let (a, _) = app.artisan(ArtisanFixture { alias: "Mina", legal_name: "Philomena Adaeze", ..Default::default() });
    let (b, _) = app.artisan(ArtisanFixture { alias: "Ori", legal_name: "Oriana Blessing", ..Default::default() });
    // Someone with write access to the database (not the key) swaps the ciphertexts.
    app.with_conn(|c| {
        let sealed: String = artisan_private::table.find(a).select(artisan_private::legal_name).first(c).unwrap();
        diesel::update(artisan_private::table.find(b)).set(artisan_private::legal_name.eq(sealed)).execute(c).unwrap();
    });
    app.staff("finance@example.org", "finance", None);
    let f = app.sign_in("finance@example.org").await;
    let res = app.get_as(&format!("/admin/artisans/{b}/private"), &f).await;
    let status = res.status().as_u16();
    let page = res.text().await.unwrap();
    assert!(!page.contains("Philomena"), "artisan {a}'s name shown as artisan {b}'s");
    assert_eq!(status, 500, "a value that does not belong to this row is an error, not a name");
    let page = app.get_as(&format!("/admin/artisans/{a}/private"), &f).await.text().await.unwrap();
    assert!(page.contains("Philomena Adaeze"), "the row it belongs to still opens");
}

#[tokio::test]
async fn a_status_token_copied_into_another_order_gives_no_link() {
    let app = TestApp::spawn().await;
    let first = place(&app, &[app.piece(PieceFixture::new("Lotus ring"))]).await;
    let second = place(&app, &[app.piece(PieceFixture::new("Peacock jhumkas"))]).await;
    let sealed: Option<String> =
        app.with_conn(|c| orders::table.find(first.order_id).select(orders::status_token_sealed).first(c).unwrap());
    let link = |id: i64| {
        app.with_conn(|c| {
            let row = fairgold::orders::queries::find(c, id).unwrap().unwrap();
            fairgold::orders::service::status_url(&row, &app.cipher, "https://shop.example")
        })
    };
    assert_eq!(link(first.order_id), Some(format!("https://shop.example/orders/{}", first_token(&app, &first))));
    app.with_conn(|c| {
        diesel::update(orders::table.find(second.order_id)).set(orders::status_token_sealed.eq(sealed)).execute(c)
    })
    .unwrap();
    assert_eq!(link(second.order_id), None, "an email to the second buyer would have linked the first order");
}

/// The status page's token, as the customer's link carries it (from the sealed copy).
fn first_token(app: &TestApp, placed: &crate::checkout::Placed) -> String {
    let sealed: String = app.with_conn(|c| {
        orders::table.find(placed.order_id).select(orders::status_token_sealed.assume_not_null()).first(c).unwrap()
    });
    app.cipher.open(Field::ORDER_STATUS_TOKEN, placed.order_id, &sealed).unwrap()
}

#[tokio::test]
async fn keys_rotate_re_encrypts_every_sealed_value_under_the_new_key() {
    let app = TestApp::spawn().await;
    let (artisan, _) =
        app.artisan(ArtisanFixture { alias: "Mina", legal_name: "Philomena Adaeze", ..Default::default() });
    // Finance (TOTP secret sealed) adds payout details; a buyer's order seals its status token.
    app.staff("finance@example.org", "finance", None);
    let f = app.sign_in("finance@example.org").await;
    let res = app
        .post_form(
            &format!("/admin/artisans/{artisan}/private"),
            Some(&f),
            &[("legal_name", "Philomena Adaeze"), ("phone", "+91 98300 12345"), ("payout_details", "UPI mina@upi")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    place(&app, &[app.piece(PieceFixture::new("Lotus ring"))]).await;
    let before = sealed_values(&app);
    let places: std::collections::BTreeSet<String> = before.iter().map(|(f, _, _)| f.to_string()).collect();
    assert_eq!(places.len(), Field::ALL.len(), "every sealed place has a value: {places:?}");
    let (old, new) = (cipher(OLD_KEY), cipher(NEW_KEY));
    for (field, row, stored) in &before {
        assert!(old.open(*field, row, stored).is_ok(), "{field} {row} under the key in use");
        assert!(new.open(*field, row, stored).is_err(), "{field} {row} does not open with the new key yet");
    }

    // Without the old key named, or with a wrong one, nothing changes.
    let out = rotate(&app, NEW_KEY, None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("FAIRGOLD_SECRET_KEY_OLD is not set"));
    let out = rotate(&app, NEW_KEY, Some("not-the-key-that-was-used-0123456789abcdef"));
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("open with neither the new nor the old key") && stderr.contains("nothing was changed"));
    assert_eq!(sealed_values(&app), before, "a refused rotation writes nothing");

    let out = rotate(&app, NEW_KEY, Some(OLD_KEY));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains(&format!("Done: {} value(s) re-encrypted", before.len())), "{stdout}");
    assert!(stdout.contains("1 staff member(s) hold recovery codes made under the old key"), "{stdout}");
    let after = sealed_values(&app);
    assert_eq!(after.len(), before.len());
    for (field, row, stored) in &after {
        assert_eq!(new.open_with(*field, row, stored).unwrap().1, Opened::Current, "{field} {row}");
        assert!(old.open(*field, row, stored).is_err(), "{field} {row} no longer opens with the old key");
        let was = &before.iter().find(|(f, r, _)| f == field && r == row).unwrap().2;
        assert_eq!(new.open(*field, row, stored).unwrap(), old.open(*field, row, was).unwrap(), "same plaintext");
    }

    // A second run finds nothing to do.
    let out = rotate(&app, NEW_KEY, Some(OLD_KEY));
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Done: 0 value(s) re-encrypted"));
    assert_eq!(sealed_values(&app), after);
}

#[tokio::test]
async fn a_shop_on_the_new_key_with_the_old_one_set_reads_both_and_seals_with_the_new() {
    let app = TestApp::spawn_with(&[("secret_key", NEW_KEY), ("secret_key_old", OLD_KEY)]).await;
    let (old, new) = (cipher(OLD_KEY), cipher(NEW_KEY));
    // A record written before the change of key.
    let (artisan, _) = app.artisan(ArtisanFixture { legal_name: "Oriana Blessing", ..Default::default() });
    app.with_conn(|c| {
        diesel::update(artisan_private::table.find(artisan))
            .set(artisan_private::legal_name.eq(old.seal(Field::ARTISAN_LEGAL_NAME, artisan, "Oriana Blessing")))
            .execute(c)
    })
    .unwrap();
    app.staff("finance@example.org", "finance", None);
    let f = app.sign_in("finance@example.org").await;
    let page = app.get_as(&format!("/admin/artisans/{artisan}/private"), &f).await.text().await.unwrap();
    assert!(page.contains("Oriana Blessing"), "a value under the old key still opens");
    // What the shop writes now is under the new key only.
    let (id, totp): (i64, String) = app.with_conn(|c| {
        staff::table
            .filter(staff::email.eq("finance@example.org"))
            .select((staff::id, staff::totp_secret.assume_not_null()))
            .first(c)
            .unwrap()
    });
    assert!(new.open(Field::STAFF_TOTP_SECRET, id, &totp).is_ok());
    assert!(old.open(Field::STAFF_TOTP_SECRET, id, &totp).is_err());
}

#[tokio::test]
async fn a_staff_member_makes_new_recovery_codes_with_a_fresh_code_and_the_old_ones_end() {
    let app = TestApp::spawn().await;
    let id = app.staff("manager@example.org", "manager", Some("kolkata"));
    let s = app.sign_in("manager@example.org").await;
    let hashes = || -> Vec<String> {
        app.with_conn(|c| {
            recovery_codes::table.filter(recovery_codes::staff_id.eq(id)).select(recovery_codes::code_hash).load(c)
        })
        .unwrap()
    };
    let first = hashes();
    assert_eq!(first.len(), 10);
    let page = app.get_as("/admin/account", &s).await.text().await.unwrap();
    assert!(page.contains("You have 10 unused recovery codes"), "{page}");

    let res = app.post_form("/admin/account/recovery-codes", Some(&s), &[("code", "000000")]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("That code is not right"));
    assert_eq!(hashes(), first, "a wrong code changes nothing");

    let code = app.fresh_totp(&s).unwrap();
    let res = app.post_form("/admin/account/recovery-codes", Some(&s), &[("code", &code)]).await;
    assert_eq!(res.status().as_u16(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("Your earlier recovery codes no longer work"));
    assert!(csrf_in(&html).is_some() || html.contains("Continue to the back office"));
    let shown: Vec<&str> = html.split("<code>").skip(1).filter_map(|s| s.split("</code>").next()).collect();
    assert_eq!(shown.len(), 10);
    let second = hashes();
    assert_eq!(second.len(), 10);
    assert!(second.iter().all(|h| !first.contains(h)), "the old codes are gone");
    for code in &shown {
        let h = fairgold::staff::service::recovery_code_hash(&app.cipher, code);
        assert!(second.contains(&h), "the code shown is the code stored");
    }
    let logged: i64 = app.with_conn(|c| {
        audit_log::table.filter(audit_log::action.eq("staff.recovery_codes_renewed")).count().get_result(c).unwrap()
    });
    assert_eq!(logged, 1);
}
