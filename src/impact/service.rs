//! The impact figures: per center and calendar quarter, from closed months only, each
//! artisan-month judged by `wages::reports::center_truth` (the one judgement of a month), paid
//! on time by `wages::reports::late`, and linked to the signed checkpoints of its months. No
//! figure is published for fewer than `K_ANONYMITY` artisans: a center below it is merged with
//! the others into one "both centers" group (never published next to the others alone, which
//! would reveal it by subtraction), or nothing is published for the quarter.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::centers::Center;
use crate::db::DbConn;
use crate::error::AppError;
use crate::wages::checkpoints;
use crate::wages::close;
use crate::wages::policy::inr;
use crate::wages::reports::{self, MonthTruth};
use crate::wages::types::Month;

/// k-anonymity: no figure is published about fewer than this many distinct artisans (in a
/// group, and among the artisan-months a figure is computed from: a share of months judged
/// against a living wage that only one small center has is about that center's artisans).
/// Below it, a survivor's pay could be picked out of a published median or share.
pub const K_ANONYMITY: usize = 5;

/// Where the checkpoints are published.
pub const LEDGER_URL: &str = "/transparency/ledger";

/// A calendar quarter (January–March is Q1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Quarter {
    pub year: i32,
    pub q: u32,
}

impl Quarter {
    pub fn of(m: Month) -> Self {
        Self { year: m.year, q: (m.month - 1) / 3 + 1 }
    }

    pub fn months(self) -> [Month; 3] {
        let first = (self.q - 1) * 3 + 1;
        [0, 1, 2].map(|i| Month { year: self.year, month: first + i })
    }

    /// "2026-Q3".
    pub fn code(self) -> String {
        format!("{}-Q{}", self.year, self.q)
    }

    /// "July–September 2026".
    pub fn label(self) -> String {
        let [a, _, c] = self.months();
        format!("{}–{} {}", a.first_day().format("%B"), c.first_day().format("%B"), self.year)
    }
}

/// "October and November 2026", "July–September 2026", "June 2026": the closed months named.
pub fn months_label(months: &[Month]) -> String {
    match months {
        [] => String::new(),
        [m] => m.label(),
        [a, b] if a.year == b.year => format!("{} and {}", a.first_day().format("%B"), b.label()),
        [a, b] => format!("{} and {}", a.label(), b.label()),
        [a, .., c] if a.year == c.year => format!("{}–{}", a.first_day().format("%B"), c.label()),
        [a, .., c] => format!("{} – {}", a.label(), c.label()),
    }
}

/// `count` of `of`, with the share in whole percent rounded down (never overstated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Share {
    pub count: usize,
    pub of: usize,
    pub percent: u32,
}

impl Share {
    fn new(count: usize, of: usize) -> Option<Self> {
        (of > 0).then(|| Share { count, of, percent: (count * 100 / of) as u32 })
    }

    pub fn all(&self) -> bool {
        self.count == self.of
    }
}

/// The median of amounts: the middle one, or the mean of the two middle ones rounded half
/// away from zero to the paisa. `None` for no amounts.
pub fn median(values: &[i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_unstable();
    let n = v.len();
    if n % 2 == 1 {
        return Some(v[n / 2]);
    }
    let sum = v[n / 2 - 1] as i128 + v[n / 2] as i128;
    let half = if sum >= 0 { (sum + 1) / 2 } else { (sum - 1) / 2 };
    Some(half as i64)
}

/// An income as a share of a line, in tenths of a percent (1124 = 112.4 %), rounded down.
fn permille(income: i64, line: i64) -> Option<i64> {
    (line > 0).then(|| ((income as i128) * 1000 / (line as i128)) as i64)
}

/// "112.4 %".
fn percent_label(permille: i64) -> String {
    format!("{}.{} %", permille / 10, permille % 10)
}

/// A figure that is not published, and why.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Withheld {
    pub reason: String,
}

/// The figures of one published group over one quarter's closed months. Amounts in paise.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Figures {
    /// Distinct artisans with register hours in the closed months.
    pub artisans: usize,
    pub artisan_months: usize,
    /// Income without sale bonuses (salary with overtime or piece wages, top-ups, approved
    /// adjustments), as `center_truth` counts it.
    pub wages_minor: i64,
    pub wages: String,
    /// Artisan-months at or above the legal minimum for their hours.
    pub at_or_above_legal_minimum: Option<Share>,
    /// Artisan-months at or above the living wage for their hours, of those judged (a center
    /// without a living-wage figure cannot be judged); `None` with `living_wage_withheld`.
    pub at_or_above_living_wage: Option<Share>,
    pub living_wage_withheld: Option<Withheld>,
    /// Months not judged against a living wage: the cities without a figure.
    pub living_wage_missing_in: Vec<String>,
    pub median_income_minor: Option<i64>,
    pub median_income: Option<String>,
    /// The median month's income as a share of the legal minimum / the living wage for its
    /// hours, in tenths of a percent, and as a label.
    pub median_vs_legal_minimum_permille: Option<i64>,
    pub median_vs_legal_minimum: Option<String>,
    pub median_vs_living_wage_permille: Option<i64>,
    pub median_vs_living_wage: Option<String>,
    /// Artisan-months whose wages were all paid by the 7th of the next month, of those whose
    /// deadline has passed; `None` with `on_time_withheld`.
    pub paid_by_the_7th: Option<Share>,
    pub on_time_withheld: Option<Withheld>,
    /// Artisan-months whose deadline is still to come.
    pub not_yet_due: usize,
    pub top_ups_minor: i64,
    pub top_ups: String,
    pub top_up_months: usize,
    pub bonuses_minor: i64,
    pub bonuses: String,
}

/// A checkpoint signed when one of the period's months was closed.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CheckpointRef {
    pub month: String,
    pub month_label: String,
    pub city: String,
    pub entry_id: i64,
    /// On `/transparency/ledger`, the checkpoint's row.
    pub url: String,
}

/// One published group: a center, or both centers merged.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Group {
    /// A center's code, or "all".
    pub key: String,
    /// "Kolkata" or "Both centers".
    pub name: String,
    pub cities: Vec<String>,
    /// The closed months the figures come from (YYYY-MM), and named.
    pub months: Vec<String>,
    pub months_label: String,
    pub figures: Figures,
    pub checkpoints: Vec<CheckpointRef>,
}

/// A center whose figures are not published on their own this quarter, and why.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Suppressed {
    pub city: String,
    /// "merged" (its months are in the "both centers" group) or "withheld" (not published).
    pub outcome: &'static str,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct QuarterFigures {
    pub code: String,
    pub label: String,
    /// Every month of the quarter is closed at every center that worked in it.
    pub complete: bool,
    pub groups: Vec<Group>,
    pub suppressed: Vec<Suppressed>,
}

/// Every quarter with a closed month, newest first.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Impact {
    pub k_anonymity: usize,
    pub ledger_url: &'static str,
    pub quarters: Vec<QuarterFigures>,
}

/// One artisan's closed month.
#[derive(Debug, Clone, Copy)]
struct ArtisanMonth {
    center_id: i64,
    month: Month,
    artisan_id: i64,
    truth: MonthTruth,
    /// `None`: the pay deadline has not passed yet.
    on_time: Option<bool>,
}

/// The figures, from closed months only. `only_newest`: just the newest quarter that has a
/// closed month (what the claims need).
pub fn impact(conn: &mut DbConn, today: NaiveDate, only_newest: bool) -> Result<Impact, AppError> {
    let centers = crate::centers::all(conn)?;
    let closed = close::closed_months(conn)?;
    let mut quarters: BTreeMap<Quarter, Vec<(i64, Month)>> = BTreeMap::new();
    for (center_id, month) in closed {
        quarters.entry(Quarter::of(month)).or_default().push((center_id, month));
    }
    if only_newest {
        if let Some(newest) = quarters.keys().next_back().copied() {
            quarters.retain(|q, _| *q == newest);
        }
    }
    let Some(since) = quarters.values().flatten().map(|(_, m)| *m).min() else {
        return Ok(Impact { k_anonymity: K_ANONYMITY, ledger_url: LEDGER_URL, quarters: Vec::new() });
    };
    // Late months per center since the oldest closed month shown.
    let mut late: HashSet<(i64, Month)> = HashSet::new();
    for c in &centers {
        for l in reports::late(conn, today, Some(c.id), since)? {
            late.insert((l.artisan.id, l.month));
        }
    }
    let signed = checkpoints::all(conn)?;
    let mut out = Vec::new();
    for (quarter, months) in quarters.into_iter().rev() {
        let mut rows = Vec::new();
        for &(center_id, month) in &months {
            let truth = reports::center_truth(conn, center_id, month)?;
            for (&artisan_id, t) in truth.rows.iter().filter(|(_, t)| t.register_minutes > 0) {
                let on_time = (month.pay_deadline() < today).then(|| !late.contains(&(artisan_id, month)));
                rows.push(ArtisanMonth { center_id, month, artisan_id, truth: *t, on_time });
            }
        }
        out.push(quarter_figures(quarter, &months, &rows, &centers, &signed));
    }
    Ok(Impact { k_anonymity: K_ANONYMITY, ledger_url: LEDGER_URL, quarters: out })
}

fn city_of(centers: &[Center], id: i64) -> String {
    centers.iter().find(|c| c.id == id).map(|c| c.city.clone()).unwrap_or_default()
}

fn distinct(rows: &[&ArtisanMonth]) -> usize {
    rows.iter().map(|r| r.artisan_id).collect::<BTreeSet<_>>().len()
}

fn quarter_figures(
    quarter: Quarter,
    closed: &[(i64, Month)],
    rows: &[ArtisanMonth],
    centers: &[Center],
    signed: &[checkpoints::Published],
) -> QuarterFigures {
    // Centers that worked in the quarter's closed months, with their artisans.
    let mut per_center: BTreeMap<i64, Vec<&ArtisanMonth>> = BTreeMap::new();
    for r in rows {
        per_center.entry(r.center_id).or_default().push(r);
    }
    let complete = !per_center.is_empty()
        && per_center.keys().all(|c| quarter.months().iter().all(|m| closed.contains(&(*c, *m))));
    let small: Vec<i64> = per_center.iter().filter(|(_, r)| distinct(r) < K_ANONYMITY).map(|(c, _)| *c).collect();
    let all_rows: Vec<&ArtisanMonth> = rows.iter().collect();
    let mut groups = Vec::new();
    let mut suppressed = Vec::new();
    let k = K_ANONYMITY;
    if small.is_empty() {
        for (&center_id, rows) in &per_center {
            let code = centers.iter().find(|c| c.id == center_id).map(|c| c.code.clone()).unwrap_or_default();
            let city = city_of(centers, center_id);
            groups.push(group(code, city.clone(), vec![city], rows, centers, signed));
        }
    } else if distinct(&all_rows) >= k && per_center.len() > 1 {
        let cities: Vec<String> = per_center.keys().map(|c| city_of(centers, *c)).collect();
        let name = if cities.len() == 2 { "Both centers".to_string() } else { "All centers".to_string() };
        let others = |c: i64| {
            per_center.keys().filter(|o| **o != c).map(|o| city_of(centers, *o)).collect::<Vec<_>>().join(" and ")
        };
        for &c in &small {
            suppressed.push(Suppressed {
                city: city_of(centers, c),
                outcome: "merged",
                reason: format!(
                    "Fewer than {k} artisans worked at {} in these months, so its figures are not published on their \
                     own: they are merged with {}'s. {} is not shown alone either, because its figures next to the \
                     total would reveal {}'s.",
                    city_of(centers, c),
                    others(c),
                    others(c),
                    city_of(centers, c)
                ),
            });
        }
        groups.push(group("all".into(), name, cities, &all_rows, centers, signed));
    } else {
        for &c in per_center.keys() {
            suppressed.push(Suppressed {
                city: city_of(centers, c),
                outcome: "withheld",
                reason: format!(
                    "Fewer than {k} artisans worked at {} in these months, and fewer than {k} at all centers \
                     together: no figure is published for this quarter.",
                    city_of(centers, c)
                ),
            });
        }
    }
    QuarterFigures { code: quarter.code(), label: quarter.label(), complete, groups, suppressed }
}

fn group(
    key: String,
    name: String,
    cities: Vec<String>,
    rows: &[&ArtisanMonth],
    centers: &[Center],
    signed: &[checkpoints::Published],
) -> Group {
    let months: BTreeSet<Month> = rows.iter().map(|r| r.month).collect();
    let months: Vec<Month> = months.into_iter().collect();
    // The checkpoints signed by the closes of the group's months, at each of its centers.
    let closes: BTreeSet<(String, String)> = rows
        .iter()
        .filter_map(|r| centers.iter().find(|c| c.id == r.center_id).map(|c| (c.code.clone(), r.month.to_string())))
        .collect();
    let checkpoints = signed
        .iter()
        .filter(|p| closes.contains(&(p.center.clone(), p.month.clone())))
        .filter_map(|p| {
            let month = Month::parse(&p.month).ok()?;
            let city = centers.iter().find(|c| c.code == p.center)?.city.clone();
            Some(CheckpointRef {
                month: p.month.clone(),
                month_label: month.label(),
                city,
                entry_id: p.entry_id,
                url: format!("{LEDGER_URL}#checkpoint-{}-{}", p.center, p.month),
            })
        })
        .collect();
    Group {
        key,
        name,
        cities,
        months: months.iter().map(Month::to_string).collect(),
        months_label: months_label(&months),
        figures: figures(rows, centers),
        checkpoints,
    }
}

fn figures(rows: &[&ArtisanMonth], centers: &[Center]) -> Figures {
    let k = K_ANONYMITY;
    let judged_legal: Vec<&&ArtisanMonth> =
        rows.iter().filter(|r| r.truth.income_below_legal_minimum.is_some()).collect();
    let judged_living: Vec<&ArtisanMonth> =
        rows.iter().filter(|r| r.truth.income_below_living_wage.is_some()).copied().collect();
    let mut missing: Vec<String> = rows
        .iter()
        .filter(|r| r.truth.income_below_living_wage.is_none())
        .map(|r| city_of(centers, r.center_id))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    missing.sort();
    let living_ok = distinct(&judged_living) >= k;
    let living_wage_withheld = (!living_ok).then(|| Withheld {
        reason: if judged_living.is_empty() {
            "No living-wage figure applies to these months, so none is compared.".into()
        } else {
            format!(
                "Only months with a living-wage figure can be compared with it, and they are of fewer than {k} \
                 artisans."
            )
        },
    });
    let due: Vec<&ArtisanMonth> = rows.iter().filter(|r| r.on_time.is_some()).copied().collect();
    let on_time_ok = distinct(&due) >= k;
    let on_time_withheld = (!on_time_ok && !due.is_empty()).then(|| Withheld {
        reason: format!("The months whose pay deadline has passed are of fewer than {k} artisans."),
    });
    let incomes: Vec<i64> = rows.iter().map(|r| r.truth.income_minor).collect();
    let median_income = median(&incomes);
    let vs = |line: fn(&MonthTruth) -> Option<i64>| {
        let v: Vec<i64> = rows.iter().filter_map(|r| permille(r.truth.income_minor, line(&r.truth)?)).collect();
        median(&v)
    };
    let vs_legal = vs(|t| t.legal_min_for_hours_minor);
    let vs_living = if living_ok { vs(|t| t.living_wage_for_hours_minor) } else { None };
    let wages: i64 = rows.iter().map(|r| r.truth.income_minor).sum();
    let top_ups: i64 = rows.iter().map(|r| r.truth.top_ups_minor).sum();
    let bonuses: i64 = rows.iter().map(|r| r.truth.bonuses_minor).sum();
    Figures {
        artisans: distinct(rows),
        artisan_months: rows.len(),
        wages_minor: wages,
        wages: inr(wages),
        at_or_above_legal_minimum: Share::new(
            judged_legal.iter().filter(|r| r.truth.income_below_legal_minimum == Some(false)).count(),
            judged_legal.len(),
        ),
        at_or_above_living_wage: if living_ok {
            Share::new(
                judged_living.iter().filter(|r| r.truth.income_below_living_wage == Some(false)).count(),
                judged_living.len(),
            )
        } else {
            None
        },
        living_wage_withheld,
        living_wage_missing_in: missing,
        median_income_minor: median_income,
        median_income: median_income.map(inr),
        median_vs_legal_minimum_permille: vs_legal,
        median_vs_legal_minimum: vs_legal.map(percent_label),
        median_vs_living_wage_permille: vs_living,
        median_vs_living_wage: vs_living.map(percent_label),
        paid_by_the_7th: if on_time_ok {
            Share::new(due.iter().filter(|r| r.on_time == Some(true)).count(), due.len())
        } else {
            None
        },
        on_time_withheld,
        not_yet_due: rows.len() - due.len(),
        top_ups_minor: top_ups,
        top_ups: inr(top_ups),
        top_up_months: rows.iter().filter(|r| r.truth.top_ups_minor > 0).count(),
        bonuses_minor: bonuses,
        bonuses: inr(bonuses),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_is_the_middle_month_or_the_mean_of_the_two_middle_ones() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[5]), Some(5));
        assert_eq!(median(&[30, 10, 20]), Some(20));
        // Unsorted, even: (20 + 30) / 2.
        assert_eq!(median(&[40, 10, 30, 20]), Some(25));
        // Half a paisa rounds away from zero.
        assert_eq!(median(&[1, 2]), Some(2));
        assert_eq!(median(&[-1, -2]), Some(-2));
        // Large amounts do not overflow.
        assert_eq!(median(&[i64::MAX, i64::MAX - 2]), Some(i64::MAX - 1));
        // Repeated values.
        assert_eq!(median(&[1_926_100, 1_249_900, 2_080_000, 2_080_000, 2_150_000]), Some(2_080_000));
    }

    #[test]
    fn quarters_and_month_labels() {
        let m = |s| Month::parse(s).unwrap();
        assert_eq!(Quarter::of(m("2026-11")), Quarter { year: 2026, q: 4 });
        assert_eq!(Quarter::of(m("2026-03")).months(), [m("2026-01"), m("2026-02"), m("2026-03")]);
        assert_eq!(Quarter::of(m("2026-08")).label(), "July–September 2026");
        assert_eq!(months_label(&[m("2026-10"), m("2026-11")]), "October and November 2026");
        assert_eq!(months_label(&[m("2026-07"), m("2026-08"), m("2026-09")]), "July–September 2026");
        assert_eq!(Share::new(11, 12).unwrap().percent, 91);
        assert_eq!(percent_label(1124), "112.4 %");
    }
}
