//! The back-office pages of policies (admins only, `Action::Policies`): `/admin/policies`
//! lists each policy with its version in effect; `/admin/policies/{kind}` edits one: the
//! Markdown text and the date it takes effect, a preview (rendered as the public page will,
//! nothing saved), and every earlier version. Saving makes a new version (`service::save`).

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use tera::Context;

use super::handlers::long_date;
use super::markdown;
use super::queries;
use super::service::{self, PolicyInput};
use super::types::PolicyKind;
use crate::auth::{AdminForm, CurrentStaff};
use crate::db;
use crate::error::AppError;
use crate::state::AppState;
use crate::web::form::FieldErrors;
use crate::web::page_cache;
use crate::web::templates::Viewer;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/policies", web::get().to(list))
        .route("/admin/policies/{kind}", web::get().to(edit_page))
        .route("/admin/policies/{kind}", web::post().to(save));
}

/// The longest policy text kept (a long privacy policy is some 30,000 characters).
pub const BODY_MAX: usize = 100_000;
/// How far ahead a version may be dated.
pub const MAX_DAYS_AHEAD: i64 = 366;

fn now() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body)
}

fn kind_of(raw: &str) -> Result<PolicyKind, AppError> {
    PolicyKind::parse(raw).ok_or(AppError::NotFound)
}

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct PolicyForm {
    pub body: String,
    pub effective_on: String,
    /// "preview" shows the text as the public page will, without saving; anything else saves.
    pub action: String,
}

impl PolicyForm {
    /// Every field's mistake at once. `today` is the day public pages are cached by (UTC): a
    /// version takes effect today or on a later day, never retroactively.
    pub fn parse(&self, kind: PolicyKind, today: NaiveDate) -> Result<PolicyInput, FieldErrors> {
        let mut e = FieldErrors::default();
        // Line endings as one; trailing spaces at the end of the text are noise.
        let body = self.body.replace("\r\n", "\n").trim_end().to_string();
        if body.trim().is_empty() {
            e.add("body", "write the text of the policy (Markdown)");
        } else if body.chars().count() > BODY_MAX {
            e.add("body", format!("keep the text under {BODY_MAX} characters"));
        }
        let effective_on = match NaiveDate::parse_from_str(self.effective_on.trim(), "%Y-%m-%d") {
            Ok(d) if d < today => {
                e.add(
                    "effective_on",
                    format!("a new version takes effect today ({today}) or later, never in the past"),
                );
                None
            }
            Ok(d) if d > today + Duration::days(MAX_DAYS_AHEAD) => {
                e.add("effective_on", "date it within a year from today");
                None
            }
            Ok(d) => Some(d),
            Err(_) if self.effective_on.trim().is_empty() => {
                e.add("effective_on", "enter the day this version takes effect, as YYYY-MM-DD");
                None
            }
            Err(_) => {
                e.add("effective_on", format!("`{}` is not a date: write it as YYYY-MM-DD", self.effective_on.trim()));
                None
            }
        };
        match (effective_on, e.is_empty()) {
            (Some(effective_on), true) => Ok(PolicyInput { kind, body, effective_on }),
            _ => Err(e),
        }
    }
}

#[derive(Serialize)]
struct PolicyRow {
    kind: &'static str,
    title: &'static str,
    version: Option<i64>,
    effective: Option<String>,
    versions: usize,
    edited_by: Option<String>,
    /// When the newest version was saved (UTC; the template shows it in the reader's zone).
    edited_at: Option<String>,
}

pub async fn list(state: web::Data<AppState>, me: CurrentStaff) -> Result<HttpResponse, AppError> {
    let today = page_cache::day();
    let rows = db::run(&state.pool, move |conn| {
        let mut rows = Vec::new();
        for kind in PolicyKind::ALL {
            let all = queries::versions(conn, kind)?;
            let current = queries::current(conn, kind, today)?;
            rows.push(PolicyRow {
                kind: kind.code(),
                title: kind.title(),
                version: current.as_ref().map(|c| c.version),
                effective: current.as_ref().map(|c| long_date(c.effective_on)),
                versions: all.len(),
                edited_by: all.first().map(|v| v.created_by.clone()),
                edited_at: all.first().map(|v| v.created_at.format("%Y-%m-%dT%H:%M:%S").to_string()),
            });
        }
        Ok::<_, AppError>(rows)
    })
    .await?;
    let mut ctx = Context::new();
    ctx.insert("policies", &rows);
    let body = state.templates.render_admin(
        "admin/policies/list.html",
        &crate::i18n::t(me.lang(), "fin-policies-heading"),
        Some(&me),
        ctx,
    )?;
    Ok(html(StatusCode::OK, body))
}

#[derive(Serialize)]
struct VersionView {
    version: i64,
    effective: String,
    created_by: String,
    created_at: String,
    in_effect: bool,
    scheduled: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SavedQuery {
    saved: String,
}

struct EditPage<'a> {
    form: &'a PolicyForm,
    errors: &'a FieldErrors,
    notice: Option<String>,
    preview: Option<String>,
    status: StatusCode,
}

async fn render(
    state: &AppState,
    me: &CurrentStaff,
    kind: PolicyKind,
    page: EditPage<'_>,
) -> Result<HttpResponse, AppError> {
    let today = page_cache::day();
    let (all, current) = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>((queries::versions(conn, kind)?, queries::current(conn, kind, today)?))
    })
    .await?;
    let in_effect = current.map(|c| c.version);
    let versions: Vec<VersionView> = all
        .iter()
        .map(|v| VersionView {
            version: v.version,
            effective: long_date(v.effective_on),
            created_by: v.created_by.clone(),
            created_at: v.created_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
            in_effect: Some(v.version) == in_effect,
            scheduled: v.effective_on > today,
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("kind", kind.code());
    ctx.insert("heading", kind.title());
    ctx.insert("next_version", &(all.first().map_or(0, |v| v.version) + 1));
    ctx.insert("versions", &versions);
    ctx.insert("form", page.form);
    ctx.insert("errors", page.errors);
    ctx.insert("notice", &page.notice);
    ctx.insert("preview", &page.preview);
    ctx.insert("today", &today.to_string());
    let body = state.templates.render_admin("admin/policies/edit.html", kind.title(), Some(me), ctx)?;
    Ok(html(page.status, body))
}

pub async fn edit_page(
    state: web::Data<AppState>,
    me: CurrentStaff,
    kind: web::Path<String>,
    query: web::Query<SavedQuery>,
) -> Result<HttpResponse, AppError> {
    let kind = kind_of(&kind.into_inner())?;
    // The form starts from the newest version's text (a scheduled one included).
    let latest = db::run(&state.pool, move |conn| {
        queries::versions(conn, kind).map(|v| v.into_iter().next()).map_err(AppError::from)
    })
    .await?;
    let form = PolicyForm {
        body: latest.map(|v| v.body).unwrap_or_default(),
        effective_on: page_cache::day().to_string(),
        action: String::new(),
    };
    let notice = query
        .saved
        .parse::<i64>()
        .ok()
        .map(|n| format!("Version {n} is saved; the public page and checkout show it from its date on."));
    let page = EditPage { form: &form, errors: &FieldErrors::default(), notice, preview: None, status: StatusCode::OK };
    render(&state, &me, kind, page).await
}

pub async fn save(
    state: web::Data<AppState>,
    kind: web::Path<String>,
    form: AdminForm<PolicyForm>,
) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    let kind = kind_of(&kind.into_inner())?;
    let errors = match form.parse(kind, page_cache::day()) {
        Ok(input) if form.action == "preview" => {
            let preview = Some(markdown::render(&input.body));
            let page = EditPage {
                form: &form,
                errors: &FieldErrors::default(),
                notice: None,
                preview,
                status: StatusCode::OK,
            };
            return render(&state, &me, kind, page).await;
        }
        Ok(input) => {
            let actor = me.actor();
            match db::run(&state.pool, move |conn| service::save(conn, &actor, &input, now())).await {
                Ok(n) => {
                    let to = format!("/admin/policies/{}?saved={n}", kind.code());
                    return Ok(HttpResponse::SeeOther().insert_header((header::LOCATION, to)).finish());
                }
                Err(AppError::Invalid(e)) => e,
                Err(other) => return Err(other),
            }
        }
        Err(e) => e,
    };
    let page = EditPage {
        form: &form,
        errors: &errors,
        notice: None,
        preview: None,
        status: StatusCode::UNPROCESSABLE_ENTITY,
    };
    render(&state, &me, kind, page).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(body: &str, date: &str) -> PolicyForm {
        PolicyForm { body: body.into(), effective_on: date.into(), action: String::new() }
    }

    #[test]
    fn a_policy_form_needs_a_text_and_a_date_from_today_on() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let ok =
            form("## Returns\r\n\r\nWithin 14 days.  \r\n", "2026-12-02").parse(PolicyKind::Returns, today).unwrap();
        assert_eq!(ok.body, "## Returns\n\nWithin 14 days.");
        assert_eq!(ok.effective_on, today);
        assert!(form("x", "2027-01-01").parse(PolicyKind::Terms, today).is_ok());
        let e = form("  ", "2026-12-01").parse(PolicyKind::Terms, today).unwrap_err();
        assert_eq!(e.0.keys().collect::<Vec<_>>(), ["body", "effective_on"]);
        assert!(e.0["effective_on"].contains("never in the past"));
        let e = form("x", "2028-01-01").parse(PolicyKind::Terms, today).unwrap_err();
        assert!(e.0["effective_on"].contains("within a year"));
        let e = form("x", "tomorrow").parse(PolicyKind::Terms, today).unwrap_err();
        assert!(e.0["effective_on"].contains("not a date"));
    }
}
