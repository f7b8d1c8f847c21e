//! Every CSV the shop writes (the audit log, the wage statement, the auditors' ZIP) writes a
//! cell that a spreadsheet would run as a formula as text, while plain numbers such as the
//! ledger's negative amounts stay numbers and the ZIP's hashes stay recomputable.

use std::io::Read;

use chrono::NaiveDate;
use fairgold::audit::Actor;
use fairgold::wages::ledger::{self, NewEntry};
use fairgold::wages::service::{self, PayoutInput};
use fairgold::wages::types::{EntryKind, PayoutMethod};
use sha2::{Digest, Sha256};

use crate::helpers::{now, ArtisanFixture, TestApp};

const FORMULA: &str = "=HYPERLINK(\"http://x.example/\",\"click\")";

fn records(body: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(body.as_bytes());
    reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect()
}

fn zip_file(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
    let mut body = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut body).unwrap();
    body
}

#[tokio::test]
async fn csv_exports_write_formulas_as_text_and_keep_negative_amounts() {
    let app = TestApp::spawn().await;
    let (a, public_id) =
        app.artisan(ArtisanFixture { alias: "@Rupa", legal_name: FORMULA, ..ArtisanFixture::default() });
    let on = NaiveDate::from_ymd_opt(2025, 9, 28).unwrap();
    // ₹1,000 earned, then ₹500 paid out: the payout is a negative amount in the ledger.
    let mut earned = NewEntry::new(EntryKind::WageEarned, a, app.kolkata, 100_000, on.pred_opt().unwrap());
    earned.labor_minutes = Some(600);
    earned.details = serde_json::json!({ "piece_minutes": 600 });
    earned.recorded_by = "test".into();
    app.with_conn(|c| ledger::append(c, &earned, now())).unwrap();
    let payout = PayoutInput {
        artisan_id: a,
        amount_minor: 50_000,
        paid_on: on,
        method: PayoutMethod::Bank,
        reference: "+91-CASH".into(),
    };
    app.with_conn(|c| service::record_payout(c, &Actor::system("=finance"), &payout, now())).unwrap();
    app.staff("fin@example.org", "finance", None);
    let fin = app.sign_in("fin@example.org").await;

    // The statement: the legal name and the reference are text; the payout stays a number.
    let res = app.get_as(&format!("/admin/wages/statements/{public_id}/2025-09/csv"), &fin).await;
    assert_eq!(res.status().as_u16(), 200);
    let body = res.text().await.unwrap();
    let rows = records(&body);
    assert!(rows[1][3].starts_with("'@Rupa"), "{body}");
    let payout_row = rows.iter().find(|r| r[0] == "payout").expect("a payout row");
    assert_eq!((payout_row[2].as_str(), payout_row[5].as_str()), ("'+91-CASH", "-500.00"), "{body}");

    // The auditors' ZIP: the legal name arrives as text, the ledger's amounts as numbers.
    let res = app.get_as("/admin/wages/export?from=2025-09-01&to=2025-09-30", &fin).await;
    assert_eq!(res.status().as_u16(), 200);
    let bytes = res.bytes().await.unwrap().to_vec();
    let balances = records(&zip_file(&bytes, "balances.csv"));
    let row = balances.iter().find(|r| r[0] == public_id).expect("the artisan's row");
    assert_eq!((row[1].as_str(), row[2].as_str()), ("'@Rupa", format!("'{FORMULA}").as_str()));
    let ledger = records(&zip_file(&bytes, "ledger_entries.csv"));
    let entry = ledger.iter().find(|r| r[1] == "payout").expect("the payout entry");
    assert_eq!(entry[5], "-50000", "a negative amount is data, not a formula");
    let readme = zip_file(&bytes, "README.txt");
    assert!(readme.contains("remove one leading apostrophe"), "{readme}");
    assert_eq!(entry[13], "'=finance", "recorded_by is text");
    // Every hash recomputes from the file's cells by the README's rule, once the one added
    // apostrophe is removed.
    for r in ledger.iter().skip(1) {
        let field = |i: usize| r[i].strip_prefix('\'').unwrap_or(&r[i]).to_string();
        let mut fields = vec!["fairgold-ledger-v1".to_string()];
        fields.extend([0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map(field));
        let mut h = Sha256::new();
        for f in &fields {
            h.update(format!("{}:{f}\n", f.len()).as_bytes());
        }
        assert_eq!(format!("{:x}", h.finalize()), r[16], "entry {}", r[0]);
    }

    // The audit log: what staff typed into an entry is text.
    app.with_conn(|c| {
        fairgold::audit::record(
            c,
            &Actor::system("-1+1"),
            &fairgold::audit::AuditEvent {
                action: "test.formula",
                entity_type: "test",
                entity_id: Some(FORMULA.into()),
                center_id: None,
                details: serde_json::json!({}),
            },
            now(),
        )
    })
    .unwrap();
    app.staff("boss@example.org", "admin", None);
    let boss = app.sign_in("boss@example.org").await;
    let body = app.get_as("/admin/audit.csv?entity_type=test", &boss).await.text().await.unwrap();
    let rows = records(&body);
    assert_eq!((rows[1][2].as_str(), rows[1][5].as_str()), ("'-1+1", format!("'{FORMULA}").as_str()), "{body}");
}
