//! Earnings over time: per artisan and month, hours and earnings against the legal minimum
//! and the living wage in force, and each center's median full-time-equivalent for the chart.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;

use super::{artisan_refs, months, rates, ArtisanRef, Rates, Sums};
use crate::centers::Center;
use crate::db::DbConn;
use crate::error::AppError;
use crate::schema::ledger_entries;
use crate::wages::ledger::counts;
use crate::wages::policy::{self, PolicyRow};
use crate::wages::types::{EntryKind, Month};

#[derive(Debug, Clone, Serialize)]
pub struct EarningsRow {
    pub artisan_id: i64,
    pub public_id: String,
    pub alias: String,
    pub center_id: i64,
    pub month: Month,
    pub minutes: i64,
    pub earned_minor: i64,
    pub legal_min_monthly_minor: Option<i64>,
    pub living_wage_monthly_minor: Option<i64>,
    #[serde(flatten)]
    pub rates: Rates,
}

/// A center's month on the chart: the median FTE monthly earnings of its artisans who
/// worked that month, against the policy's floors.
#[derive(Debug, Clone, Serialize)]
pub struct CenterPoint {
    pub month: Month,
    pub median_fte_minor: Option<i64>,
    pub legal_min_monthly_minor: Option<i64>,
    pub living_wage_monthly_minor: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CenterSeries {
    pub center: Center,
    pub points: Vec<CenterPoint>,
    /// The center has months in range without a living-wage figure.
    pub missing_living_wage: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Earnings {
    pub from: Month,
    pub to: Month,
    pub rows: Vec<EarningsRow>,
    pub series: Vec<CenterSeries>,
    pub shortfalls_legal: usize,
    pub shortfalls_living: usize,
}

/// The version in force for a center on a day, from all versions (oldest first).
fn in_force(all: &[PolicyRow], center_id: i64, on: NaiveDate) -> Option<&PolicyRow> {
    all.iter().filter(|p| p.center_id == center_id && p.effective_from <= on).max_by_key(|p| p.effective_from)
}

/// Per artisan per month in [from, to] (optionally one center): hours, earnings (wages +
/// bonuses + approved adjustments), effective hourly and FTE monthly against the policy in force.
pub fn earnings(conn: &mut DbConn, center_id: Option<i64>, from: Month, to: Month) -> Result<Earnings, AppError> {
    let people: HashMap<i64, ArtisanRef> = artisan_refs(conn, center_id)?.into_iter().map(|a| (a.id, a)).collect();
    let all_centers: Vec<Center> =
        crate::centers::all(conn)?.into_iter().filter(|c| center_id.is_none_or(|id| id == c.id)).collect();
    let policies = policy::all(conn)?;
    let mut q = ledger_entries::table
        .filter(counts())
        .filter(ledger_entries::kind.ne(EntryKind::Payout.code()))
        .filter(ledger_entries::occurred_on.between(from.first_day(), to.last_day()))
        .select((
            ledger_entries::artisan_id,
            ledger_entries::kind,
            ledger_entries::amount_minor,
            ledger_entries::labor_minutes,
            ledger_entries::occurred_on,
        ))
        .into_boxed();
    if let Some(c) = center_id {
        q = q.filter(ledger_entries::center_id.eq(c));
    }
    let mut sums: BTreeMap<(i64, Month), Sums> = BTreeMap::new();
    for (artisan_id, kind, amount, minutes, on) in q.load::<(i64, EntryKind, i64, Option<i64>, NaiveDate)>(conn)? {
        sums.entry((artisan_id, Month::of(on))).or_default().add(kind, amount, minutes);
    }
    let mut rows: Vec<EarningsRow> = sums
        .into_iter()
        .filter_map(|((artisan_id, month), s)| {
            let a = people.get(&artisan_id)?;
            let p = in_force(&policies, a.center_id, month.last_day());
            Some(EarningsRow {
                artisan_id,
                public_id: a.public_id.clone(),
                alias: a.alias.clone(),
                center_id: a.center_id,
                month,
                minutes: s.minutes,
                earned_minor: s.earned(),
                legal_min_monthly_minor: p.map(|p| p.legal_min_monthly_minor),
                living_wage_monthly_minor: p.and_then(|p| p.living_wage_monthly_minor),
                rates: rates(s.earned(), s.minutes, p),
            })
        })
        .collect();
    rows.sort_by(|a, b| (a.month, &a.alias, a.artisan_id).cmp(&(b.month, &b.alias, b.artisan_id)));
    let series = all_centers
        .into_iter()
        .map(|c| {
            let points: Vec<CenterPoint> = months(from, to)
                .into_iter()
                .map(|m| {
                    let p = in_force(&policies, c.id, m.last_day());
                    let mut ftes: Vec<i64> = rows
                        .iter()
                        .filter(|r| r.center_id == c.id && r.month == m)
                        .filter_map(|r| r.rates.fte_monthly_minor)
                        .collect();
                    ftes.sort_unstable();
                    let median = match ftes.len() {
                        0 => None,
                        n if n % 2 == 1 => Some(ftes[n / 2]),
                        n => Some((ftes[n / 2 - 1] + ftes[n / 2]) / 2),
                    };
                    CenterPoint {
                        month: m,
                        median_fte_minor: median,
                        legal_min_monthly_minor: p.map(|p| p.legal_min_monthly_minor),
                        living_wage_monthly_minor: p.and_then(|p| p.living_wage_monthly_minor),
                    }
                })
                .collect();
            let missing_living_wage = points.iter().any(|p| p.living_wage_monthly_minor.is_none());
            CenterSeries { center: c, points, missing_living_wage }
        })
        .collect();
    Ok(Earnings {
        from,
        to,
        shortfalls_legal: rows.iter().filter(|r| r.rates.below_legal_minimum).count(),
        shortfalls_living: rows.iter().filter(|r| r.rates.below_living_wage == Some(true)).count(),
        rows,
        series,
    })
}
