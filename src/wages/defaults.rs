//! The dated policy defaults a new shop starts with, each with its source (the `source` field:
//! the state notification, the living-wage benchmark). They are data, not constants: finance
//! adds new versions as notifications change (each January and July).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::policy::NewPolicy;
use crate::db::DbConn;
use crate::schema::wage_policies;

/// The target is this many times the living wage per hour (the legal minimum while no living
/// wage is set): a project default for "above fair wages", to be set by finance.
pub const TARGET_MULTIPLIER: &str = "1.2";
/// The share of a piece's net sale paid to its makers as a bonus: a project default.
pub const SALE_BONUS_PERCENT: &str = "5";
/// 8 h a day × 26 paid days (West Bengal rules; Code on Wages s.14).
pub const STANDARD_HOURS: i64 = 208;
/// The deductions a default policy allows (Code on Wages s.18): absence, recovering advances,
/// and the statutory ones. Housing, amenities, loans and court orders only once finance lists
/// them in a policy version; fines never.
pub const DEDUCTION_KINDS: &str = "absence,advance_recovery,income_tax,provident_fund,social_security";

struct Default {
    center: &'static str,
    from: (i32, u32, u32),
    legal_min_rupees: i64,
    living_rupees: Option<i64>,
    source: &'static str,
}

const DEFAULTS: [Default; 3] = [
    Default {
        center: "kolkata",
        from: (2025, 1, 1),
        legal_min_rupees: 12_360,
        living_rupees: Some(19_261),
        source: "Legal minimum: West Bengal, Zone A, skilled, Jan–Jun 2025. Living wage: WageIndicator, \
                 West Bengal, May 2024. Hours: 8 h × 26 days (WB rules; Code on Wages s.14). Multiplier and \
                 bonus: project defaults.",
    },
    Default {
        center: "kolkata",
        from: (2025, 7, 1),
        legal_min_rupees: 12_499,
        living_rupees: Some(19_261),
        source: "Legal minimum: West Bengal, Zone A, skilled, from Jul 2025. Living wage: WageIndicator, \
                 West Bengal, May 2024.",
    },
    Default {
        center: "mumbai",
        from: (2025, 1, 1),
        legal_min_rupees: 15_246,
        living_rupees: None,
        source: "Legal minimum: Maharashtra Zone I, shops & establishments (nearest schedule), skilled, \
                 Jan–Jun 2025. Living wage: no published figure found for Mumbai; finance must enter one.",
    },
];

/// Adds the defaults for each center that has no policy yet (so finance's own versions are
/// never mixed with defaults after the first start).
pub fn seed_policies(conn: &mut DbConn, centers: &[(&str, i64)], now: NaiveDateTime) -> QueryResult<()> {
    for (code, center_id) in centers {
        let has: i64 = wage_policies::table.filter(wage_policies::center_id.eq(center_id)).count().get_result(conn)?;
        if has > 0 {
            continue;
        }
        for d in DEFAULTS.iter().filter(|d| d.center == *code) {
            let (y, m, day) = d.from;
            insert_if_absent(
                conn,
                &NewPolicy {
                    center_id: *center_id,
                    effective_from: NaiveDate::from_ymd_opt(y, m, day).expect("valid default date"),
                    legal_min_monthly_minor: d.legal_min_rupees * 100,
                    living_wage_monthly_minor: d.living_rupees.map(|r| r * 100),
                    standard_hours_per_month: STANDARD_HOURS,
                    target_multiplier: TARGET_MULTIPLIER.into(),
                    sale_bonus_percent: SALE_BONUS_PERCENT.into(),
                    deduction_kinds: DEDUCTION_KINDS.into(),
                    source_note: d.source.split_whitespace().collect::<Vec<_>>().join(" "),
                    recorded_by: "defaults".into(),
                    recorded_at: now,
                },
            )?;
        }
    }
    Ok(())
}

/// One statement, so two instances starting together both succeed: the second's insert of the
/// same (center, date) does nothing.
fn insert_if_absent(conn: &mut DbConn, policy: &NewPolicy) -> QueryResult<usize> {
    let target = (wage_policies::center_id, wage_policies::effective_from);
    match conn {
        DbConn::Postgres(pg) => {
            diesel::insert_into(wage_policies::table).values(policy).on_conflict(target).do_nothing().execute(pg)
        }
        DbConn::Sqlite(lite) => {
            diesel::insert_into(wage_policies::table).values(policy).on_conflict(target).do_nothing().execute(lite)
        }
    }
}
