//! `/admin/approvals`: public text that screening flagged and someone asked to publish, waiting
//! for a second staff member (an admin, or a manager of the text's workshop; never the person
//! who asked). Each request links to the page that shows its text; approving is audit-logged
//! by `screening::approvals::approve`.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use tera::Context;

use crate::auth::extract::AdminForm;
use crate::auth::CurrentStaff;
use crate::db;
use crate::error::AppError;
use crate::i18n::{self, Lang};
use crate::screening::approvals;
use crate::screening::MatchKind;
use crate::state::AppState;
use crate::web::templates::Viewer;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/approvals", web::get().to(index))
        .route(r"/admin/approvals/{id:\d+}/approve", web::post().to(approve));
}

#[derive(Serialize)]
struct Row {
    id: i64,
    what: String,
    link: Option<String>,
    found: Vec<String>,
    requested_by: String,
    requested_at: chrono::NaiveDateTime,
    mine: bool,
}

/// What screening found, in `lang` (`screening-{code}` in `admin.ftl`).
fn label_of(lang: Lang, code: &str) -> String {
    let known = [
        MatchKind::TimeOfDay,
        MatchKind::Shift,
        MatchKind::DayOfWeek,
        MatchKind::Place,
        MatchKind::PinCode,
        MatchKind::Shelter,
        MatchKind::Phone,
        MatchKind::Email,
    ]
    .into_iter()
    .find(|k| k.code() == code);
    i18n::t(lang, &format!("screening-{}", known.map(MatchKind::code).unwrap_or("other")))
}

pub async fn index(state: web::Data<AppState>, me: CurrentStaff, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let (scope, lang) = (me.center_scope(), me.lang());
    let pending = db::run(&state.pool, move |conn| approvals::pending(conn, scope).map_err(AppError::from)).await?;
    let rows: Vec<Row> = pending
        .iter()
        .map(|a| Row {
            id: a.id,
            what: i18n::t(
                lang,
                match a.context.as_str() {
                    "piece.description" => "approval-context-piece-description",
                    "artisan.story" => "approval-context-artisan-story",
                    _ => "approval-context-other",
                },
            ),
            link: approvals::admin_link(&a.context, a.entity_id),
            found: a.match_kinds.split(',').filter(|c| !c.is_empty()).map(|c| label_of(lang, c)).collect(),
            requested_by: a.requested_by.clone(),
            requested_at: a.requested_at,
            mine: a.requested_by_staff_id == Some(me.staff.id),
        })
        .collect();
    let approved = req.query_string().contains("done=approved");
    let mut ctx = Context::new();
    ctx.insert("rows", &rows);
    ctx.insert("notice", &approved.then(|| i18n::t(lang, "approvals-done")));
    let body = state.templates.render_admin("admin/approvals.html", &i18n::t(lang, "nav-approvals"), Some(&me), ctx)?;
    Ok(HttpResponse::Ok().content_type("text/html; charset=utf-8").body(body))
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn approve(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: AdminForm<Empty>,
) -> Result<HttpResponse, AppError> {
    let me = form.staff;
    let (actor, scope, id) = (me.actor(), me.center_scope(), path.into_inner());
    let now = chrono::Utc::now().naive_utc();
    db::run(&state.pool, move |conn| approvals::approve(conn, &actor, scope, id, now)).await?;
    Ok(HttpResponse::SeeOther().insert_header((header::LOCATION, "/admin/approvals?done=approved")).finish())
}
