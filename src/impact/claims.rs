//! The sentences about wages and hallmarks on the home and About pages and in every page's
//! footer, generated from the impact figures and the pieces on sale: a sentence the data does
//! not back is not shown. "Every artisan was paid at least a living wage" appears only when
//! every artisan-month of the newest quarter with closed months was compared with a living
//! wage and none fell below it. Computed once per catalog version (`web::layout_facts`).

use serde::Serialize;
use serde_json::Value;

use super::service::{self, Impact, Share};
use crate::db::DbConn;
use crate::error::AppError;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Claims {
    /// The closed months the wage sentences are about ("October and November 2026").
    pub period: Option<String>,
    /// Every artisan-month of the period was at or above the living wage for its hours.
    pub every_artisan_living_wage: bool,
    pub living_wage: Option<String>,
    pub legal_minimum: Option<String>,
    pub on_time: Option<String>,
    /// The footer's one sentence.
    pub footer: Option<String>,
    /// Every piece on sale carries a HUID.
    pub every_piece_huid: bool,
    pub huid: Option<String>,
    /// At least one signed ledger checkpoint is published on `/transparency/ledger`.
    pub ledger_published: bool,
}

fn add(total: &mut Option<(usize, usize)>, share: Option<Share>) {
    if let Some(s) = share {
        let t = total.get_or_insert((0, 0));
        t.0 += s.count;
        t.1 += s.of;
    }
}

/// The wage sentences from the newest quarter's published groups (all of one quarter: either
/// every center on its own or all merged, so adding them up reveals nothing more).
pub fn from_figures(impact: &Impact) -> Claims {
    let mut claims = Claims::default();
    let Some(q) = impact.quarters.first().filter(|q| !q.groups.is_empty()) else { return claims };
    let mut months: Vec<crate::wages::types::Month> = q
        .groups
        .iter()
        .flat_map(|g| g.months.iter().filter_map(|m| crate::wages::types::Month::parse(m).ok()))
        .collect();
    months.sort();
    months.dedup();
    let period = service::months_label(&months);
    let (mut living, mut legal, mut on_time) = (None, None, None);
    let mut missing: Vec<String> = Vec::new();
    let mut living_withheld = false;
    for g in &q.groups {
        add(&mut living, g.figures.at_or_above_living_wage);
        add(&mut legal, g.figures.at_or_above_legal_minimum);
        add(&mut on_time, g.figures.paid_by_the_7th);
        living_withheld |= g.figures.living_wage_withheld.is_some();
        missing.extend(g.figures.living_wage_missing_in.iter().cloned());
    }
    missing.sort();
    missing.dedup();
    let every_living = !living_withheld && missing.is_empty() && living.is_some_and(|(c, o)| o > 0 && c == o);
    claims.every_artisan_living_wage = every_living;
    claims.living_wage = match living {
        Some((c, _)) if every_living => Some(format!(
            "In {period}, every artisan was paid at least a living wage for the hours they worked ({c} of {c} \
             artisan-months)."
        )),
        Some((c, o)) => {
            let mut s =
                format!("In {period}, {c} of {o} artisan-months were paid at least a living wage for the hours worked");
            if !missing.is_empty() {
                let (list, verb) = (missing.join(" and "), if missing.len() == 1 { "has" } else { "have" });
                s.push_str(&format!(
                    " ({list} {verb} no published living-wage figure yet, so those months are not compared)"
                ));
            }
            s.push('.');
            Some(s)
        }
        None => None,
    };
    claims.legal_minimum = legal.map(|(c, o)| {
        if c == o {
            format!(
                "Every artisan-month in {period} was paid at least the legal minimum for its hours, topped up at \
                 month close where piece wages fell short."
            )
        } else {
            format!("In {period}, {c} of {o} artisan-months were paid at least the legal minimum for their hours.")
        }
    });
    claims.on_time = on_time.map(|(c, o)| {
        if c == o {
            format!(
                "Every artisan-month in {period} whose pay deadline has passed was paid in full by the 7th of the \
                 following month."
            )
        } else {
            format!("In {period}, {c} of {o} artisan-months were paid in full by the 7th of the following month.")
        }
    });
    claims.footer = match living {
        Some(_) if every_living => Some(format!("In {period}, every artisan was paid at least a living wage.")),
        Some((c, o)) => Some(format!("In {period}, {c} of {o} artisan-months were paid at least a living wage.")),
        None => legal
            .filter(|(c, o)| c == o)
            .map(|_| format!("In {period}, every artisan was paid at least the legal minimum for their hours.")),
    };
    claims.period = Some(period);
    claims
}

/// The hallmark sentence from the pieces on sale: (with a HUID, all).
pub fn huid_sentence(with_huid: i64, total: i64) -> (bool, Option<String>) {
    match (with_huid, total) {
        (_, 0) | (0, _) => (false, None),
        (w, t) if w == t => {
            (true, Some("Every piece on sale carries a BIS hallmark with its own six-character HUID.".into()))
        }
        (w, t) => (
            false,
            Some(format!(
                "{w} of the {t} pieces on sale carry a BIS hallmark with a unique six-character HUID; each piece's \
                 page shows whether it has one."
            )),
        ),
    }
}

/// Every claim, computed from the database (figures, pieces on sale, checkpoints).
pub fn claims(conn: &mut DbConn, today: chrono::NaiveDate) -> Result<Claims, AppError> {
    let impact = service::impact(conn, today, true)?;
    let mut claims = from_figures(&impact);
    let (with_huid, total) = crate::catalog::service::huid_counts(conn)?;
    (claims.every_piece_huid, claims.huid) = huid_sentence(with_huid, total);
    claims.ledger_published = !crate::wages::checkpoints::all(conn)?.is_empty();
    Ok(claims)
}

/// The layout's facts (`web::layout_facts::Source`): the claims as the templates read them.
pub fn layout_facts(conn: &mut DbConn) -> Result<Value, AppError> {
    let claims = claims(conn, crate::wages::reports::today())?;
    serde_json::to_value(claims).map_err(|e| AppError::internal_in("the claims", e))
}
