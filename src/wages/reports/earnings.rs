//! Monthly income over time: per artisan and month, the income without sale bonuses against
//! the legal minimum and the living wage for the register's paid hours (`truth`, the one
//! computation of a month), the bonuses apart; and each center's month for the chart.

use std::collections::HashMap;

use serde::Serialize;

use super::truth::{center_truth, MonthTruth};
use super::{artisan_refs, months, ArtisanRef};
use crate::centers::Center;
use crate::db::DbConn;
use crate::error::AppError;
use crate::wages::types::Month;

#[derive(Debug, Clone, Serialize)]
pub struct EarningsRow {
    pub artisan_id: i64,
    pub public_id: String,
    pub alias: String,
    pub center_id: i64,
    pub month: Month,
    #[serde(flatten)]
    pub truth: MonthTruth,
}

/// A center's month on the chart, over its artisans with register hours: their income without
/// bonuses against the sum of the lines for their hours, and the bonuses of the month apart.
#[derive(Debug, Clone, Serialize)]
pub struct CenterPoint {
    pub month: Month,
    /// Artisans with paid hours in the register that month.
    pub artisans: usize,
    pub register_minutes: i64,
    /// `None`: no artisan has register hours that month.
    pub income_minor: Option<i64>,
    pub legal_min_for_hours_minor: Option<i64>,
    pub living_wage_for_hours_minor: Option<i64>,
    /// Every sale bonus of the month at the center.
    pub bonuses_minor: i64,
    pub below_legal: usize,
    /// `None`: the policy has no living-wage figure.
    pub below_living: Option<usize>,
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

fn sum_some(values: impl Iterator<Item = Option<i64>>) -> Option<i64> {
    values.sum()
}

/// Per artisan per month in [from, to] (optionally one center) with register hours, income or
/// bonuses: the month's truth; and per center and month the chart's point.
pub fn earnings(conn: &mut DbConn, center_id: Option<i64>, from: Month, to: Month) -> Result<Earnings, AppError> {
    let people: HashMap<i64, ArtisanRef> = artisan_refs(conn, None)?.into_iter().map(|a| (a.id, a)).collect();
    let all_centers: Vec<Center> =
        crate::centers::all(conn)?.into_iter().filter(|c| center_id.is_none_or(|id| id == c.id)).collect();
    let mut rows = Vec::new();
    let mut series = Vec::new();
    for c in all_centers {
        let mut points = Vec::new();
        let mut missing_living_wage = false;
        for m in months(from, to) {
            let truth = center_truth(conn, c.id, m)?;
            missing_living_wage |= truth.policy.as_ref().is_none_or(|p| p.living_wage_monthly_minor.is_none());
            let worked: Vec<&MonthTruth> = truth.rows.values().filter(|t| t.register_minutes > 0).collect();
            let any = !worked.is_empty();
            points.push(CenterPoint {
                month: m,
                artisans: worked.len(),
                register_minutes: worked.iter().map(|t| t.register_minutes).sum(),
                income_minor: any.then(|| worked.iter().map(|t| t.income_minor).sum()),
                legal_min_for_hours_minor: sum_some(worked.iter().map(|t| t.legal_min_for_hours_minor)).filter(|_| any),
                living_wage_for_hours_minor: sum_some(worked.iter().map(|t| t.living_wage_for_hours_minor))
                    .filter(|_| any),
                bonuses_minor: truth.rows.values().map(|t| t.bonuses_minor).sum(),
                below_legal: truth.below_legal_count(),
                below_living: truth
                    .policy
                    .as_ref()
                    .and_then(|p| p.living_wage_monthly_minor)
                    .map(|_| truth.below_living_count()),
            });
            for (artisan_id, t) in &truth.rows {
                let Some(a) = people.get(artisan_id).filter(|_| t.has_activity()) else { continue };
                rows.push(EarningsRow {
                    artisan_id: *artisan_id,
                    public_id: a.public_id.clone(),
                    alias: a.alias.clone(),
                    center_id: c.id,
                    month: m,
                    truth: *t,
                });
            }
        }
        series.push(CenterSeries { center: c, points, missing_living_wage });
    }
    rows.sort_by(|a, b| (a.month, &a.alias, a.artisan_id).cmp(&(b.month, &b.alias, b.artisan_id)));
    Ok(Earnings {
        from,
        to,
        shortfalls_legal: rows.iter().filter(|r| r.truth.income_below_legal_minimum == Some(true)).count(),
        shortfalls_living: rows.iter().filter(|r| r.truth.income_below_living_wage == Some(true)).count(),
        rows,
        series,
    })
}
