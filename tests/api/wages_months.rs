//! Wage truth by the month: employment terms (finance sets them, managers read their own
//! center's), the time register's week grid, and month close — the guaranteed minimum for the
//! register's paid hours, the top-up posted for a shortfall, and the closed month refusing
//! anything dated in it.

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use fairgold::audit::Actor;
use fairgold::schema::{audit_log, ledger_entries, time_register};
use fairgold::wages::ledger::{self, NewEntry, Verification};
use fairgold::wages::register::{self, Cell};
use fairgold::wages::types::{EntryKind, HourKind, Month};
use fairgold::wages::{close, terms};

use crate::helpers::{now, ArtisanFixture, TestApp};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A piece's wages entering the ledger on a day, as accepting a piece does.
fn piece_wage(app: &TestApp, artisan_id: i64, amount: i64, on: NaiveDate) -> Result<i64, fairgold::error::AppError> {
    let mut e = NewEntry::new(EntryKind::WageEarned, artisan_id, app.kolkata, amount, on);
    e.labor_minutes = Some(600);
    e.recorded_by = "test".into();
    app.with_conn(|c| ledger::append(c, &e, now()))
}

/// Production hours per day for an artisan, saved week by week as the grid does.
fn production(app: &TestApp, artisan_id: i64, days: &[(NaiveDate, i64)]) {
    let mut weeks: std::collections::BTreeMap<NaiveDate, Vec<Cell>> = Default::default();
    for (d, minutes) in days {
        weeks.entry(register::monday_of(*d)).or_default().push(Cell {
            artisan_id,
            work_date: *d,
            kind: HourKind::Production,
            minutes: *minutes,
        });
    }
    for (monday, cells) in weeks {
        app.with_conn(|c| {
            register::save_week(c, &Actor::system("test"), app.kolkata, monday, &[artisan_id], &cells, now())
        })
        .unwrap();
    }
}

/// October 2026: every weekday and the first three Saturdays, 8 hours each = 200 hours, no
/// day over 8 hours and no week over 48.
fn october_200_hours() -> Vec<(NaiveDate, i64)> {
    let mut days = Vec::new();
    let mut d = day(2026, 10, 1);
    while d.month0() == 9 {
        use chrono::Datelike;
        let wd = d.weekday().num_days_from_monday();
        if wd < 5 || (wd == 5 && d.day() <= 17) {
            days.push((d, 480));
        }
        d += Duration::days(1);
    }
    assert_eq!(days.iter().map(|x| x.1).sum::<i64>(), 200 * 60);
    days
}

use chrono::Datelike;

/// Closes a center's month as finance does: one person asks, a second approves.
pub fn close_month(
    app: &TestApp,
    center_id: i64,
    month: Month,
) -> Result<close::CenterMonthPay, fairgold::error::AppError> {
    app.with_conn(|c| close::request(c, &Actor::system("fin@fairgold.test"), center_id, month, now()))?;
    let signer = fairgold::crypto::LedgerSigner::development(None);
    app.with_conn(|c| close::approve(c, &Actor::system("fin2@fairgold.test"), center_id, month, now(), Some(&signer)))
}

fn top_ups(app: &TestApp, artisan_id: i64) -> Vec<(i64, NaiveDate)> {
    app.with_conn(|c| {
        ledger_entries::table
            .filter(ledger_entries::artisan_id.eq(artisan_id))
            .filter(ledger_entries::kind.eq(EntryKind::MinimumWageTopUp.code()))
            .select((ledger_entries::amount_minor, ledger_entries::occurred_on))
            .load(c)
            .unwrap()
    })
}

#[tokio::test]
async fn two_hundred_hours_and_3750_of_piece_wages_are_topped_up_to_the_legal_minimum_at_month_close() {
    let app = TestApp::spawn().await;
    let (anju, _) = app.artisan(ArtisanFixture { alias: "Anju B.", ..Default::default() });
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("fin@fairgold.test", "finance", None);
    app.staff("fin2@fairgold.test", "finance", None);
    let manager = app.sign_in("kolkata@fairgold.test").await;
    let finance = app.sign_in("fin@fairgold.test").await;
    let second = app.sign_in("fin2@fairgold.test").await;

    // The manager enters the week of 19 October on the grid (5 × 8 h); the other weeks are
    // saved the same way through the service.
    let hours = october_200_hours();
    let (grid_week, rest): (Vec<_>, Vec<_>) =
        hours.iter().partition(|(d, _)| register::monday_of(*d) == day(2026, 10, 19));
    let names: Vec<String> = grid_week.iter().map(|(d, _)| format!("h.{anju}.{d}.production")).collect();
    let mut form = vec![("center", "kolkata"), ("week", "2026-10-19")];
    form.extend(names.iter().map(|n| (n.as_str(), "8")));
    let res = app.post_form("/admin/wages/register", Some(&manager), &form).await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
    let page = app.get_as("/admin/wages/register?center=kolkata&week=2026-10-21", &manager).await.text().await.unwrap();
    assert!(page.contains(&format!(r#"name="h.{anju}.2026-10-19.production""#)), "{page}");
    assert!(page.contains(r#"value="8""#), "the saved hours are shown again");
    production(&app, anju, &rest);
    // Rupa worked 40 hours in October and no piece of hers was accepted.
    let (rupa, _) = app.artisan(ArtisanFixture { alias: "Rupa D.", ..Default::default() });
    production(&app, rupa, &(5..=9).map(|d| (day(2026, 10, d), 480)).collect::<Vec<_>>());

    // ₹3,750 of piece wages accepted in October, and a ₹50,000 sale bonus.
    piece_wage(&app, anju, 375_000, day(2026, 10, 20)).unwrap();
    let mut bonus = NewEntry::new(EntryKind::SaleBonus, anju, app.kolkata, 5_000_000, day(2026, 10, 22));
    bonus.recorded_by = "test".into();
    app.with_conn(|c| ledger::append(c, &bonus, now())).unwrap();

    // Before closing, the page shows the computation: 200 h × ₹12,499 / 208 h = ₹12,018.27.
    let page = app.get_as("/admin/wages/months/kolkata/2026-10", &finance).await.text().await.unwrap();
    assert!(page.contains("Anju B.") && page.contains("₹12,018.27") && page.contains("₹8,268.27"), "{page}");

    // Four eyes: one person asks, nothing is posted; the same person cannot approve; a second
    // person's approval closes the month.
    let close = "/admin/wages/months/kolkata/2026-10/close";
    let res = app.post_form(close, Some(&finance), &[("step", "request")]).await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
    assert_eq!(top_ups(&app, anju), vec![], "a request posts nothing");
    let page = app.get_as("/admin/wages/months/kolkata/2026-10", &finance).await.text().await.unwrap();
    assert!(page.contains("fin@fairgold.test asked to close October 2026"), "{page}");
    assert!(page.contains("You asked for this close: someone else must approve it."), "{page}");
    let res = app.post_form(close, Some(&finance), &[("step", "approve")]).await;
    assert_eq!(res.status().as_u16(), 403);
    assert!(res.text().await.unwrap().contains("must be approved by a second person"));
    assert_eq!(top_ups(&app, anju), vec![]);
    let res = app.post_form(close, Some(&second), &[("step", "approve")]).await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
    // 1,249,900 paise × 200 / 208 = 1,201,826.92… → 1,201,827; minus 375,000 of piece wages.
    assert_eq!(top_ups(&app, anju), vec![(826_827, day(2026, 10, 31))]);
    // 40 hours and no piece: the month pays the minimum for them (1,249,900 × 40 / 208).
    assert_eq!(top_ups(&app, rupa), vec![(240_365, day(2026, 10, 31))]);
    let balance = app.with_conn(|c| ledger::balance_of(c, anju, None)).unwrap();
    assert_eq!(balance, 1_201_827 + 5_000_000, "the legal minimum for its 200 hours, and the bonus");
    let page = app.get_as("/admin/wages/months/kolkata/2026-10", &finance).await.text().await.unwrap();
    assert!(page.contains("Closed by fin2@fairgold.test"), "{page}");
    let closes: i64 = app.with_conn(|c| {
        audit_log::table.filter(audit_log::action.eq("wages.month.close")).count().get_result(c).unwrap()
    });
    assert_eq!(closes, 1);
    let verified = app.with_conn(ledger::verify).unwrap();
    assert!(matches!(verified, Verification::Intact { entries: 4, .. }), "{verified:?}");

    // The center's month judges the income without bonuses against the floors for the
    // register's 200 hours: at the legal minimum now, still below the living wage (₹19,261
    // × 200 / 208 = ₹18,520.19); the ₹50,000 bonus lifts it over neither.
    let october = Month::parse("2026-10").unwrap();
    let report = app.with_conn(|c| fairgold::wages::reports::center_month(c, app.kolkata, october)).unwrap();
    let row = report.rows.iter().find(|r| r.artisan_id == anju).unwrap();
    assert_eq!((row.register_minutes, row.income_minor, row.bonuses_minor), (200 * 60, 1_201_827, 5_000_000));
    assert_eq!((row.legal_min_for_hours_minor, row.living_wage_for_hours_minor), (Some(1_201_827), Some(1_852_019)));
    assert_eq!((row.income_below_legal_minimum, row.income_below_living_wage), (Some(false), Some(true)));
    // A month with hours and no pieces appears, judged the same way.
    let row = report.rows.iter().find(|r| r.artisan_id == rupa).unwrap();
    assert_eq!((row.pieces, row.register_minutes, row.income_minor), (0, 40 * 60, 240_365));
    assert_eq!(row.income_below_living_wage, Some(true));
    assert_eq!(report.income_below_living_count, 2);
    let page = app.get_as("/admin/wages/centers/kolkata/2026-10", &finance).await.text().await.unwrap();
    assert!(page.contains("Below living wage for the hours") && page.contains("₹18,520.19"), "{page}");
}

#[tokio::test]
async fn a_closed_month_refuses_entries_and_register_changes() {
    let app = TestApp::spawn().await;
    let (anju, _) = app.artisan(ArtisanFixture { alias: "Anju B.", ..Default::default() });
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("fin@fairgold.test", "finance", None);
    let manager = app.sign_in("kolkata@fairgold.test").await;
    let finance = app.sign_in("fin@fairgold.test").await;
    production(&app, anju, &[(day(2026, 10, 15), 480), (day(2026, 10, 30), 480)]);
    piece_wage(&app, anju, 500_000, day(2026, 10, 15)).unwrap();
    let october = Month::parse("2026-10").unwrap();
    close_month(&app, app.kolkata, october).unwrap();

    // The ledger refuses an entry dated in October, with a message, and nothing is saved.
    let entries_before: i64 = app.with_conn(|c| ledger_entries::table.count().get_result(c).unwrap());
    let refused = piece_wage(&app, anju, 100_000, day(2026, 10, 31)).unwrap_err();
    assert_eq!(refused.code(), "month_closed");
    assert!(refused.public_message().starts_with("October 2026 is closed for Kolkata"), "{}", refused.public_message());
    let entries_after: i64 = app.with_conn(|c| ledger_entries::table.count().get_result(c).unwrap());
    assert_eq!(entries_after, entries_before);
    assert!(matches!(app.with_conn(ledger::verify).unwrap(), Verification::Intact { .. }));

    // The register refuses a change to an October day (the week of 26 October runs into
    // November); the stored hours are unchanged.
    let cell = format!("h.{anju}.2026-10-30.production");
    let res = app
        .post_form(
            "/admin/wages/register",
            Some(&manager),
            &[("center", "kolkata"), ("week", "2026-10-26"), (&cell, "10")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 409);
    let body = res.text().await.unwrap();
    assert!(body.contains("Nothing was saved: October 2026 is closed for Kolkata"), "{body}");
    let stored: Vec<i64> = app.with_conn(|c| {
        time_register::table
            .filter(time_register::artisan_id.eq(anju))
            .filter(time_register::work_date.eq(day(2026, 10, 30)))
            .select(time_register::minutes)
            .load(c)
            .unwrap()
    });
    assert_eq!(stored, vec![480]);
    // …but its November days are open: keeping October as it was, 1 November saves.
    let nov = format!("h.{anju}.2026-11-01.production");
    let res = app
        .post_form(
            "/admin/wages/register",
            Some(&manager),
            &[("center", "kolkata"), ("week", "2026-10-26"), (&cell, "8"), (&nov, "4")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    piece_wage(&app, anju, 100_000, day(2026, 11, 2)).expect("November is open");

    // Closing October again is refused with who closed it.
    let res = app.post_form("/admin/wages/months/kolkata/2026-10/close", Some(&finance), &[("step", "request")]).await;
    assert_eq!(res.status().as_u16(), 409);
    assert!(res.text().await.unwrap().contains("October 2026 was already closed by fin2@fairgold.test"));
    // A month that has not ended cannot be closed.
    let this_month = Month::of(fairgold::wages::types::india_date(now()));
    let res = app
        .post_form(&format!("/admin/wages/months/kolkata/{this_month}/close"), Some(&finance), &[("step", "request")])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("has not ended yet"));
}

#[tokio::test]
async fn finance_sets_employment_terms_and_managers_see_their_own_centers() {
    let app = TestApp::spawn().await;
    let (anju, anju_pid) = app.artisan(ArtisanFixture { alias: "Anju B.", ..Default::default() });
    let (_, meera_pid) = app.artisan(ArtisanFixture { alias: "Meera S.", mumbai: true, ..Default::default() });
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    app.staff("fin@fairgold.test", "finance", None);
    let manager = app.sign_in("kolkata@fairgold.test").await;
    let finance = app.sign_in("fin@fairgold.test").await;

    // A salary needs its amount; nothing is saved.
    let res = app
        .post_form(
            "/admin/wages/terms",
            Some(&finance),
            &[("artisan", &anju_pid), ("effective_from", "2026-10-01"), ("pay_basis", "monthly_salary")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("enter the monthly amount in rupees"));

    let res = app
        .post_form(
            "/admin/wages/terms",
            Some(&finance),
            &[
                ("artisan", &anju_pid),
                ("effective_from", "2026-10-01"),
                ("pay_basis", "piece_rate"),
                ("standard_hours", "208"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
    let res = app
        .post_form(
            "/admin/wages/terms",
            Some(&finance),
            &[
                ("artisan", &meera_pid),
                ("effective_from", "2026-10-01"),
                ("pay_basis", "trainee_stipend"),
                ("monthly_salary", "9000"),
                ("note", "first year of training"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let t = app.with_conn(|c| terms::at(c, anju, day(2026, 11, 15))).unwrap().expect("terms in force");
    assert_eq!((t.pay_basis.code(), t.monthly_salary_minor, t.standard_hours_per_month), ("piece_rate", None, 208));

    // The Kolkata manager reads Kolkata's terms only, without the form.
    let page = app.get_as("/admin/wages/terms", &manager).await.text().await.unwrap();
    assert!(page.contains("Anju B.") && page.contains("Piece rate with the guaranteed minimum"), "{page}");
    assert!(!page.contains("Meera S."), "another center's artisan");
    assert!(!page.contains("Save these terms"));
    let page = app.get_as("/admin/wages/terms", &finance).await.text().await.unwrap();
    assert!(page.contains("Meera S.") && page.contains("₹9,000.00") && page.contains("Save these terms"), "{page}");
}

#[tokio::test]
async fn a_stipend_below_the_minimum_is_topped_up_and_overtime_counts_twice() {
    let app = TestApp::spawn().await;
    let (asha, asha_pid) = app.artisan(ArtisanFixture { alias: "Asha K.", ..Default::default() });
    app.staff("fin@fairgold.test", "finance", None);
    let finance = app.sign_in("fin@fairgold.test").await;
    let res = app
        .post_form(
            "/admin/wages/terms",
            Some(&finance),
            &[
                ("artisan", &asha_pid),
                ("effective_from", "2026-01-01"),
                ("pay_basis", "trainee_stipend"),
                ("monthly_salary", "10400"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    // October: 200 ordinary hours plus one 10-hour day (2 h of overtime) and a paid holiday of 8 h.
    let mut hours = october_200_hours();
    hours.retain(|(d, _)| *d != day(2026, 10, 5));
    hours.push((day(2026, 10, 5), 600));
    production(&app, asha, &hours);
    let mut cells = app.with_conn(|c| register::between(c, app.kolkata, day(2026, 10, 26), day(2026, 11, 1))).unwrap();
    cells.push(Cell { artisan_id: asha, work_date: day(2026, 10, 31), kind: HourKind::Holiday, minutes: 480 });
    app.with_conn(|c| {
        register::save_week(c, &Actor::system("test"), app.kolkata, day(2026, 10, 26), &[asha], &cells, now())
    })
    .unwrap();
    let m = app.with_conn(|c| close::compute(c, app.kolkata, Month::parse("2026-10").unwrap())).unwrap();
    let r = m.rows.iter().find(|r| r.artisan_id == asha).unwrap();
    assert_eq!((r.hours.worked_minutes, r.hours.overtime_minutes, r.hours.paid_leave_minutes), (202 * 60, 120, 480));
    // Stipend ₹10,400 over 208 h = ₹50/h; 2 h overtime at twice = ₹200 → ₹10,600 for the month.
    assert_eq!((r.salary_minor, r.overtime_premium_minor, r.month_pay_minor), (Some(1_040_000), 20_000, 1_060_000));
    // Guaranteed: (202 + 8 + 2) h × ₹12,499 / 208 = ₹12,739.37 (overtime counted twice).
    assert_eq!(r.guaranteed_minor, 1_273_937);
    assert_eq!(r.top_up_minor, 1_273_937 - 1_060_000);
}

fn ledger_count(app: &TestApp) -> i64 {
    app.with_conn(|c| ledger_entries::table.count().get_result(c).unwrap())
}

#[tokio::test]
async fn deductions_the_policy_does_not_list_fines_and_more_than_half_the_wages_are_refused() {
    let app = TestApp::spawn().await;
    let (anju, anju_pid) = app.artisan(ArtisanFixture { alias: "Anju B.", ..Default::default() });
    app.staff("fin@fairgold.test", "finance", None);
    let finance = app.sign_in("fin@fairgold.test").await;
    production(&app, anju, &october_200_hours());
    piece_wage(&app, anju, 375_000, day(2026, 10, 20)).unwrap();
    // October's wages so far: the guaranteed minimum for 200 h, ₹12,018.27; half is ₹6,009.13.
    let deduct = |kind: &'static str, amount: &'static str| {
        vec![
            ("artisan", anju_pid.clone()),
            ("kind", kind.to_string()),
            ("amount", amount.to_string()),
            ("occurred_on", "2026-10-25".to_string()),
            ("reason", "Advance of 1 October repaid as agreed".to_string()),
        ]
    };
    let post = |form: Vec<(&'static str, String)>| {
        let app = &app;
        let finance = &finance;
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let res = app.post_form("/admin/wages/deductions/new", Some(finance), &form).await;
            (res.status().as_u16(), res.text().await.unwrap())
        }
    };
    let before = ledger_count(&app);
    let (status, page) = post(deduct("housing", "100")).await;
    assert_eq!(status, 422);
    assert!(page.contains("does not allow deductions for &quot;Housing provided&quot;"), "{page}");
    let (status, page) = post(deduct("fine", "100")).await;
    assert_eq!(status, 422);
    assert!(page.contains("fines are never deducted from wages"), "{page}");
    let (status, page) = post(deduct("advance_recovery", "6009.14")).await;
    assert_eq!(status, 422);
    assert!(page.contains("more than half of the month&#x27;s wages so far (₹12,018.27)"), "{page}");
    assert_eq!(ledger_count(&app), before, "nothing saved");

    let (status, page) = post(deduct("advance_recovery", "5000")).await;
    assert_eq!(status, 303, "{page}");
    let (amount, details): (i64, String) = app.with_conn(|c| {
        ledger_entries::table
            .filter(ledger_entries::kind.eq("deduction"))
            .select((ledger_entries::amount_minor, ledger_entries::details))
            .first(c)
            .unwrap()
    });
    assert_eq!(amount, -500_000);
    assert!(details.contains("advance_recovery") && details.contains("Advance of 1 October"), "{details}");
    // A second deduction may bring the month to half, not beyond: ₹1,009.13 more is the most.
    let (status, page) = post(deduct("income_tax", "1009.14")).await;
    assert_eq!(status, 422);
    assert!(page.contains("at most ₹1,009.13 more"), "{page}");
    let (status, _) = post(deduct("income_tax", "1009.13")).await;
    assert_eq!(status, 303);
    let balance = app.with_conn(|c| ledger::balance_of(c, anju, None)).unwrap();
    assert_eq!(balance, 375_000 - 500_000 - 100_913, "deductions reduce what the artisan is owed");
}

#[tokio::test]
async fn a_correction_of_a_closed_month_goes_into_an_open_month_and_names_it() {
    let app = TestApp::spawn().await;
    let (anju, anju_pid) = app.artisan(ArtisanFixture { alias: "Anju B.", ..Default::default() });
    app.staff("fin@fairgold.test", "finance", None);
    let finance = app.sign_in("fin@fairgold.test").await;
    production(&app, anju, &[(day(2026, 10, 15), 480), (day(2026, 10, 16), 480)]);
    piece_wage(&app, anju, 500_000, day(2026, 10, 15)).unwrap();
    close_month(&app, app.kolkata, Month::parse("2026-10").unwrap()).unwrap();

    let form = |on: &'static str, month: &'static str| {
        vec![
            ("artisan", anju_pid.clone()),
            ("amount", "250".to_string()),
            ("occurred_on", on.to_string()),
            ("reason", "Piece wage of 15 October was entered ₹250 short".to_string()),
            ("corrects_month", month.to_string()),
        ]
    };
    let before = ledger_count(&app);
    for (on, month, status, says) in [
        ("2026-10-31", "", 409, "October 2026 is closed for Kolkata"),
        ("2026-11-02", "2026-11", 422, "November 2026 is not closed"),
        ("2026-10-30", "2026-10", 422, "date the correction in an open month"),
    ] {
        let f = form(on, month);
        let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let res = app.post_form("/admin/wages/adjustments", Some(&finance), &f).await;
        let page = res.status().as_u16();
        let body = res.text().await.unwrap();
        assert!(page == 422 || page == status, "{on} {month}: {page}");
        assert!(body.contains(says), "{on} {month}: {body}");
    }
    assert_eq!(ledger_count(&app), before, "nothing saved");
    let f = form("2026-11-02", "2026-10");
    let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.post_form("/admin/wages/adjustments", Some(&finance), &f).await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
    let details: String = app.with_conn(|c| {
        ledger_entries::table
            .filter(ledger_entries::kind.eq("adjustment"))
            .select(ledger_entries::details)
            .first(c)
            .unwrap()
    });
    assert!(details.contains(r#""corrects_month":"2026-10""#), "{details}");
    let page = app.get_as("/admin/wages/adjustments", &finance).await.text().await.unwrap();
    assert!(page.contains("(corrects closed October 2026)"), "{page}");
}

#[tokio::test]
async fn a_salaried_month_posts_its_salary_and_overtime_at_close() {
    let app = TestApp::spawn().await;
    let (priya, priya_pid) = app.artisan(ArtisanFixture { alias: "Priya M.", ..Default::default() });
    app.staff("fin@fairgold.test", "finance", None);
    let finance = app.sign_in("fin@fairgold.test").await;
    let res = app
        .post_form(
            "/admin/wages/terms",
            Some(&finance),
            &[
                ("artisan", &priya_pid),
                ("effective_from", "2026-01-01"),
                ("pay_basis", "monthly_salary"),
                ("monthly_salary", "20800"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let mut hours = october_200_hours();
    hours.retain(|(d, _)| *d != day(2026, 10, 5));
    hours.push((day(2026, 10, 5), 600));
    production(&app, priya, &hours);
    // A piece she made, accepted in October: its ₹5,000 count towards her salary.
    piece_wage(&app, priya, 500_000, day(2026, 10, 20)).unwrap();
    close_month(&app, app.kolkata, Month::parse("2026-10").unwrap()).unwrap();
    let lines: Vec<(String, i64, NaiveDate)> = app.with_conn(|c| {
        ledger_entries::table
            .filter(ledger_entries::artisan_id.eq(priya))
            .order(ledger_entries::id)
            .select((ledger_entries::kind, ledger_entries::amount_minor, ledger_entries::occurred_on))
            .load(c)
            .unwrap()
    });
    // ₹20,800 over 208 h = ₹100/h; 2 h of overtime at twice = ₹400. The salary line adds what
    // the piece's ₹5,000 leave of the salary. Above the minimum: no top-up.
    assert_eq!(
        lines,
        vec![
            ("wage_earned".to_string(), 500_000, day(2026, 10, 20)),
            ("salary".to_string(), 1_580_000, day(2026, 10, 31)),
            ("overtime_premium".to_string(), 40_000, day(2026, 10, 31)),
        ]
    );
    assert_eq!(
        app.with_conn(|c| ledger::balance_of(c, priya, None)).unwrap(),
        2_120_000,
        "the salary and overtime, once"
    );
    assert!(matches!(app.with_conn(ledger::verify).unwrap(), Verification::Intact { entries: 3, .. }));
}

#[tokio::test]
async fn pieces_claiming_more_hours_than_the_register_holds_stop_the_close() {
    let app = TestApp::spawn().await;
    let (anju, _) = app.artisan(ArtisanFixture { alias: "Anju B.", ..Default::default() });
    // The piece records 10 hours of Anju's work; the register holds 8.
    production(&app, anju, &[(day(2026, 10, 15), 480)]);
    piece_wage(&app, anju, 500_000, day(2026, 10, 15)).unwrap();
    let october = Month::parse("2026-10").unwrap();
    let refused = app
        .with_conn(|c| close::request(c, &Actor::system("fin@fairgold.test"), app.kolkata, october, now()))
        .unwrap_err();
    assert_eq!(refused.code(), "month_not_closable");
    assert!(
        refused.public_message().contains("claim 10 hours of making by Anju B., but the time register holds 8 hours"),
        "{}",
        refused.public_message()
    );
    assert!(app.with_conn(|c| close::requested(c, app.kolkata, october)).unwrap().is_none());
    // Once the register holds the hours, the month can be closed.
    production(&app, anju, &[(day(2026, 10, 15), 480), (day(2026, 10, 16), 120)]);
    close_month(&app, app.kolkata, october).unwrap();
}

#[tokio::test]
async fn a_register_csv_is_imported_whole_or_not_at_all() {
    use crate::helpers::Part;
    let app = TestApp::spawn().await;
    let (anju, anju_pid) = app.artisan(ArtisanFixture { alias: "Anju B.", ..Default::default() });
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    let manager = app.sign_in("kolkata@fairgold.test").await;
    let import = |csv: &'static str| {
        let (app, manager) = (&app, &manager);
        async move {
            let res = app
                .post_multipart(
                    "/admin/wages/register/import",
                    Some(manager),
                    &[
                        Part::Text("csrf_token", &manager.csrf),
                        Part::Text("center", "kolkata"),
                        Part::File {
                            name: "file",
                            filename: "week.csv",
                            content_type: "text/csv",
                            bytes: csv.as_bytes(),
                        },
                    ],
                )
                .await;
            (res.status().as_u16(), res.text().await.unwrap())
        }
    };
    let stored = |app: &TestApp| -> Vec<(NaiveDate, String, i64)> {
        app.with_conn(|c| {
            time_register::table
                .filter(time_register::artisan_id.eq(anju))
                .order((time_register::work_date, time_register::kind))
                .select((time_register::work_date, time_register::kind, time_register::minutes))
                .load(c)
                .unwrap()
        })
    };
    let (status, page) = import(
        "artisan,date,kind,hours\nAnju B.,2026-11-02,production,8\nNobody,2026-11-03,production,8\n\
         Anju B.,2026-13-01,production,8\nAnju B.,2026-11-04,sleeping,8\nAnju B.,2026-11-05,production,25\n",
    )
    .await;
    assert_eq!(status, 422, "{page}");
    for says in [
        "Line 3: no artisan of this workshop is called `Nobody`",
        "Line 4: `2026-13-01` is not a date",
        "Line 5: `sleeping` is not a kind of hour",
        "Line 6: enter between 0 and 24 hours",
    ] {
        assert!(page.contains(says), "{says}: {page}");
    }
    assert_eq!(stored(&app), vec![], "nothing saved");

    let csv = format!(
        "artisan,date,kind,hours\nanju b.,2026-11-02,production,8\n{anju_pid},2026-11-03,Training,7.5\nAnju B.,2026-11-10,design,4\n"
    );
    let csv: &'static str = Box::leak(csv.into_boxed_str());
    let (status, page) = import(csv).await;
    assert_eq!(status, 303, "{page}");
    assert_eq!(
        stored(&app),
        vec![
            (day(2026, 11, 2), "production".into(), 480),
            (day(2026, 11, 3), "training".into(), 450),
            (day(2026, 11, 10), "design".into(), 240),
        ]
    );
    // A row replaces its cell only; 0 clears one.
    let (status, _) = import("artisan,date,kind,hours\nAnju B.,2026-11-03,training,0\n").await;
    assert_eq!(status, 303);
    assert_eq!(stored(&app).len(), 2);
}

#[tokio::test]
async fn a_week_confirmed_by_the_artisan_is_recorded_and_withdrawn_when_the_week_changes() {
    let app = TestApp::spawn().await;
    let (anju, anju_pid) = app.artisan(ArtisanFixture { alias: "Anju B.", ..Default::default() });
    app.staff("kolkata@fairgold.test", "manager", Some("kolkata"));
    let manager = app.sign_in("kolkata@fairgold.test").await;
    production(&app, anju, &[(day(2026, 11, 2), 480), (day(2026, 11, 3), 480)]);
    let confirm =
        [("center", "kolkata"), ("week", "2026-11-02"), ("artisan", anju_pid.as_str()), ("confirmed_on", "2026-11-09")];
    let res = app.post_form("/admin/wages/register/confirm", Some(&manager), &confirm).await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
    let page = app.get_as("/admin/wages/register?center=kolkata&week=2026-11-02", &manager).await.text().await.unwrap();
    assert!(page.contains("on 2026-11-09 (recorded by kolkata@fairgold.test)"), "{page}");
    let logged: i64 = app.with_conn(|c| {
        audit_log::table.filter(audit_log::action.eq("time_register.confirm_week")).count().get_result(c).unwrap()
    });
    assert_eq!(logged, 1);
    let res = app.post_form("/admin/wages/register/confirm", Some(&manager), &confirm).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("already confirmed"));
    // A week with no hours cannot be confirmed.
    let empty =
        [("center", "kolkata"), ("week", "2026-11-16"), ("artisan", anju_pid.as_str()), ("confirmed_on", "2026-11-20")];
    let res = app.post_form("/admin/wages/register/confirm", Some(&manager), &empty).await;
    assert!(res.text().await.unwrap().contains("holds no hours"));

    // Changing the week withdraws the confirmation.
    let cell = format!("h.{anju}.2026-11-03.production");
    let monday = format!("h.{anju}.2026-11-02.production");
    let res = app
        .post_form(
            "/admin/wages/register",
            Some(&manager),
            &[("center", "kolkata"), ("week", "2026-11-02"), (&monday, "8"), (&cell, "6")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let page = app.get_as("/admin/wages/register?center=kolkata&week=2026-11-02", &manager).await.text().await.unwrap();
    assert!(!page.contains("on 2026-11-09"), "{page}");
    assert!(page.contains("not yet"), "{page}");
}
