//! Employment terms (`/admin/wages/terms`): every artisan's versions, and finance's form for a
//! new one. Managers see their own center's artisans (aliases only, no legal names: this page
//! shows no private data), and cannot add versions.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use tera::Context;

use super::{html, into_field, now, parse_date, parse_rupees, see_other, FINANCE};
use crate::auth::{AdminForm, CurrentStaff};
use crate::centers;
use crate::db;
use crate::error::AppError;
use crate::staff::Role;
use crate::state::AppState;
use crate::wages::policy::inr;
use crate::wages::terms::{self, NewTerms};
use crate::wages::types::PayBasis;
use crate::web::form::FieldErrors;

/// Who may read the terms: finance, admins, and managers for their own center.
pub(super) const READERS: &[Role] = &[Role::Admin, Role::Finance, Role::Manager];

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct TermsForm {
    pub artisan: String,
    pub effective_from: String,
    pub ends_on: String,
    pub pay_basis: String,
    pub monthly_salary: String,
    pub standard_hours: String,
    pub note: String,
}

/// An artisan as the form's list shows them: (id, public id, alias, center id).
type Artisan = (i64, String, String, i64);

impl TermsForm {
    fn parse(&self, artisans: &[Artisan], recorded_by: &str) -> Result<NewTerms, FieldErrors> {
        let mut e = FieldErrors::default();
        let artisan = artisans.iter().find(|a| a.1 == self.artisan.trim());
        if artisan.is_none() {
            e.add("artisan", "choose the artisan these terms are for");
        }
        let from =
            parse_date(&self.effective_from, "first day of these terms").map_err(|m| e.add("effective_from", m)).ok();
        let ends_on = match self.ends_on.trim() {
            "" => None,
            s => parse_date(s, "last day of employment").map_err(|m| e.add("ends_on", m)).ok(),
        };
        if let (Some(f), Some(end)) = (from, ends_on) {
            if end < f {
                e.add("ends_on", "employment cannot end before these terms start");
            }
        }
        let basis = PayBasis::parse(&self.pay_basis);
        if basis.is_none() {
            e.add("pay_basis", "choose how the artisan is paid");
        }
        let salary = match (basis, self.monthly_salary.trim()) {
            (Some(b), "") if b.has_monthly_amount() => {
                e.add("monthly_salary", "enter the monthly amount in rupees");
                None
            }
            (Some(b), s) if b.has_monthly_amount() => match parse_rupees(s, false) {
                Ok(0) => {
                    e.add("monthly_salary", "the monthly amount must be more than zero");
                    None
                }
                Ok(v) => Some(v),
                Err(m) => {
                    e.add("monthly_salary", m);
                    None
                }
            },
            (Some(_), "") => None,
            (Some(_), _) => {
                e.add("monthly_salary", "piece rate has no monthly amount: leave it blank");
                None
            }
            (None, _) => None,
        };
        let hours = match self.standard_hours.trim() {
            "" => Some(208),
            s => match s.parse::<i64>() {
                Ok(h) if (1..=300).contains(&h) => Some(h),
                _ => {
                    e.add("standard_hours", "enter whole hours between 1 and 300 (208 = 8 h × 26 days)");
                    None
                }
            },
        };
        let note = self.note.trim();
        if note.chars().count() > 1000 {
            e.add("note", "keep the note under 1000 characters");
        }
        match (artisan, from, basis, hours) {
            (Some(a), Some(from), Some(basis), Some(hours)) if e.is_empty() => Ok(NewTerms {
                artisan_id: a.0,
                effective_from: from,
                ends_on,
                pay_basis: basis,
                monthly_salary_minor: salary,
                standard_hours_per_month: hours,
                note: note.to_string(),
                recorded_by: recorded_by.to_string(),
                recorded_at: now(),
            }),
            _ => Err(e),
        }
    }
}

#[derive(Serialize)]
struct VersionView {
    effective_from: String,
    ends_on: Option<String>,
    basis: &'static str,
    /// The basis's code: the template names it in the reader's language (`wages-basis-…`).
    basis_code: &'static str,
    amount: Option<String>,
    hours: i64,
    note: String,
    recorded: String,
}

#[derive(Serialize)]
struct ArtisanTerms {
    public_id: String,
    alias: String,
    city: String,
    versions: Vec<VersionView>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TermsQuery {
    saved: String,
}

async fn render(
    state: &AppState,
    me: &CurrentStaff,
    form: TermsForm,
    errors: &FieldErrors,
    notice: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let scope = me.center_scope();
    let (list, rows, all_centers) = db::run(&state.pool, move |conn| -> Result<_, AppError> {
        Ok((artisans(conn, scope)?, terms::of_center(conn, scope)?, centers::all(conn)?))
    })
    .await?;
    let view: Vec<ArtisanTerms> = list
        .iter()
        .map(|(id, public_id, alias, center_id)| ArtisanTerms {
            public_id: public_id.clone(),
            alias: alias.clone(),
            city: all_centers.iter().find(|c| c.id == *center_id).map(|c| c.city.clone()).unwrap_or_default(),
            versions: rows
                .iter()
                .filter(|t| t.artisan_id == *id)
                .map(|t| VersionView {
                    effective_from: t.effective_from.to_string(),
                    ends_on: t.ends_on.map(|d| d.to_string()),
                    basis: t.pay_basis.label(),
                    basis_code: t.pay_basis.code(),
                    amount: t.monthly_salary_minor.map(inr),
                    hours: t.standard_hours_per_month,
                    note: t.note.clone(),
                    recorded: format!("{}, {}", t.recorded_by, t.recorded_at.format("%Y-%m-%d")),
                })
                .collect(),
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("artisans", &view);
    ctx.insert("can_edit", &FINANCE.contains(&me.role));
    ctx.insert("bases", &PayBasis::ALL.iter().map(|b| (b.code(), b.label())).collect::<Vec<_>>());
    ctx.insert("form", &form);
    ctx.insert("errors", errors);
    ctx.insert("notice", &notice);
    let body =
        state.templates.render_admin("admin/wages/terms.html", &super::tr(me, "wages-terms-heading"), Some(me), ctx)?;
    Ok(html(status, body))
}

/// The artisans a person may see here, by center then id.
fn artisans(conn: &mut db::DbConn, center: Option<i64>) -> diesel::QueryResult<Vec<Artisan>> {
    use crate::schema::artisans::dsl as a;
    use diesel::prelude::*;
    let mut q = a::artisans
        .order((a::center_id, a::id))
        .select((a::id, a::public_id, a::public_alias, a::center_id))
        .into_boxed();
    if let Some(c) = center {
        q = q.filter(a::center_id.eq(c));
    }
    q.load(conn)
}

pub async fn terms_page(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<TermsQuery>,
) -> Result<HttpResponse, AppError> {
    me.require(READERS)?;
    let notice =
        (!query.saved.is_empty()).then(|| format!("The terms are saved and apply from {}.", query.saved.trim()));
    let form = TermsForm { standard_hours: "208".into(), ..TermsForm::default() };
    render(&state, &me, form, &FieldErrors::default(), notice, StatusCode::OK).await
}

pub async fn terms_add(state: web::Data<AppState>, form: AdminForm<TermsForm>) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    me.require(FINANCE)?;
    let list = db::run(&state.pool, |conn| artisans(conn, None).map_err(AppError::from)).await?;
    let mut errors = match form.parse(&list, &me.staff.email) {
        Ok(new) => {
            let (actor, at) = (me.actor(), now());
            let to = format!("/admin/wages/terms?saved={}", new.effective_from);
            match db::run::<_, AppError, _>(&state.pool, move |conn| Ok(terms::add(conn, &actor, &new, at))).await? {
                Ok(_) => return Ok(see_other(&to)),
                Err(e) => {
                    let mut errors = FieldErrors::default();
                    into_field(e, &mut errors, "effective_from")?;
                    errors
                }
            }
        }
        Err(e) => e,
    };
    errors.add("form", "Nothing was saved; please correct the fields marked below.");
    render(&state, &me, form, &errors, None, StatusCode::UNPROCESSABLE_ENTITY).await
}
