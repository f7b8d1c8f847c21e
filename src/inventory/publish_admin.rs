//! Publishing a piece from the back office, in two steps without a script: "Publish" shows
//! what goes public and what goes into the ledger (or, on the piece page, every basic still
//! missing); only "Publish and post the wages" publishes. A description that screening flags
//! needs a second staff member's approval first ("Ask for approval"; approved under
//! `/admin/approvals`).

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Serialize;
use tera::Context;

use super::admin::{edit_page, html, load_piece, now, see_other, Empty};
use super::publishing::{self, Preview};
use super::service as inventory;
use crate::auth::extract::AdminForm;
use crate::auth::{CurrentStaff, Scope};
use crate::catalog::models::PieceRow;
use crate::catalog::types::PieceStatus;
use crate::db;
use crate::error::AppError;
use crate::i18n::{self, Lang};
use crate::money::Money;
use crate::screening::{approvals, screen, Match};
use crate::state::AppState;
use crate::wages::policy::{hours_label, inr};
use crate::web::templates::Viewer;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route(r"/admin/pieces/{id:\d+}/publish", web::post().to(review))
        .route(r"/admin/pieces/{id:\d+}/publish/confirm", web::post().to(confirm))
        .route(r"/admin/pieces/{id:\d+}/approval", web::post().to(request_approval));
}

/// The screening panel of a piece page: what screening finds in the stored description, and
/// where its approval stands.
#[derive(Serialize, Default)]
pub struct ScreeningView {
    pub matches: Vec<Match>,
    /// none, requested, approved
    pub approval: &'static str,
    pub approval_id: Option<i64>,
    pub requested_by: Option<String>,
    pub approved_by: Option<String>,
    /// The viewer asked for it (so someone else must approve).
    pub requested_by_me: bool,
}

pub async fn screening_view(state: &AppState, me: &CurrentStaff, piece: &PieceRow) -> Result<ScreeningView, AppError> {
    let matches = screen(&piece.description);
    if matches.is_empty() {
        return Ok(ScreeningView { approval: "none", ..Default::default() });
    }
    let (target, text) = (publishing::description_target(piece), piece.description.clone());
    let found =
        db::run(&state.pool, move |conn| approvals::status(conn, target, &text).map_err(AppError::from)).await?;
    Ok(view_of(matches, found.as_ref(), me))
}

fn view_of(matches: Vec<Match>, found: Option<&approvals::Approval>, me: &CurrentStaff) -> ScreeningView {
    ScreeningView {
        matches,
        approval: match found {
            None => "none",
            Some(a) if a.approved_at.is_some() => "approved",
            Some(_) => "requested",
        },
        approval_id: found.map(|a| a.id),
        requested_by: found.map(|a| a.requested_by.clone()),
        approved_by: found.and_then(|a| a.approved_by.clone()),
        requested_by_me: found.is_some_and(|a| a.requested_by_staff_id == Some(me.staff.id)),
    }
}

/// A line of what goes into the ledger.
#[derive(Serialize)]
struct LedgerLine {
    alias: String,
    public_id: String,
    hours: String,
    share: String,
}

#[derive(Serialize)]
struct ConfirmView {
    id: i64,
    title: String,
    price: String,
    price_range: Option<String>,
    photos: usize,
    paragraphs: Vec<String>,
    huid: Option<String>,
    huid_exemption: Option<String>,
    center_city: String,
    makers: Vec<String>,
    already_accepted: Option<String>,
    ledger: Vec<LedgerLine>,
    wage_total: Option<String>,
    hours_total: Option<String>,
    wage_warning: Option<String>,
    wage_note: Option<String>,
}

fn confirm_view(lang: Lang, p: &Preview) -> ConfirmView {
    let piece = &p.piece;
    let wages = p.wages.as_ref();
    let accepted = wages.and_then(|w| w.accepted_at);
    let proposal = wages.and_then(|w| w.proposal.as_ref());
    ConfirmView {
        id: piece.id,
        title: piece.title.clone(),
        price: Money::new(piece.price_minor, piece.currency).to_string(),
        price_range: p.price_range.as_ref().ok().map(|r| {
            let args = [
                ("min", r.min.to_string().into()),
                ("max", r.max.to_string().into()),
                ("gold", r.gold_value.to_string().into()),
            ];
            i18n::t_with(lang, "publish-price-range", &args)
        }),
        photos: p.photos,
        paragraphs: piece.description.split("\n\n").map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
        huid: piece.huid.clone(),
        huid_exemption: piece
            .huid
            .is_none()
            .then_some(piece.huid_exemption.map(|e| i18n::t(lang, &format!("piece-exemption-{}", e.code()))))
            .flatten(),
        center_city: p.center_city.clone(),
        makers: p.public_makers.clone(),
        already_accepted: accepted.map(|at| i18n::date::day_month_year(lang, crate::wages::types::india_date(at))),
        ledger: wages
            .map(|w| {
                w.makers
                    .iter()
                    .map(|m| LedgerLine {
                        alias: m.alias.clone(),
                        public_id: m.public_id.clone(),
                        hours: hours_label(m.minutes),
                        share: inr(m.share_minor),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        wage_total: proposal.map(|pr| inr(pr.wage_minor)),
        hours_total: proposal.map(|pr| hours_label(pr.minutes)),
        wage_warning: proposal.and_then(|pr| match &pr.check {
            crate::wages::policy::WageCheck::BelowLivingWage { message } => Some(message.clone()),
            _ => None,
        }),
        wage_note: match wages {
            None => Some(i18n::t(lang, "publish-note-no-workshop")),
            Some(w) if w.policy.is_none() => Some(i18n::t(lang, "publish-note-no-policy")),
            Some(w) if w.proposal.is_none() && accepted.is_none() => Some(i18n::t(lang, "publish-note-no-wages")),
            _ => None,
        },
    }
}

/// The piece page again, with the list of what is missing before it can be published.
async fn refused(
    state: &AppState,
    me: &CurrentStaff,
    piece: PieceRow,
    status: StatusCode,
    problems: Vec<String>,
) -> Result<HttpResponse, AppError> {
    edit_page(state, me, piece, |p| {
        p.status = status;
        p.publish_problems = problems;
    })
    .await
}

/// Step one: what publishing will do, or what is missing.
pub async fn review(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: AdminForm<Empty>,
) -> Result<HttpResponse, AppError> {
    let me = form.staff;
    let piece = load_piece(&state, &me, path.into_inner()).await?;
    if !matches!(piece.status, PieceStatus::Draft | PieceStatus::Withdrawn) {
        let message = format!("a {} piece cannot be published", piece.status.label().to_lowercase());
        return refused(&state, &me, piece, StatusCode::CONFLICT, vec![message]).await;
    }
    let (editor, rules, id) = (Scope::from(&me), state.settings.publishing.clone(), piece.id);
    let public = crate::artisans::models::PublicRules::now(&state.settings);
    let preview =
        db::run(&state.pool, move |conn| publishing::preview(conn, &editor, id, &rules, public, now())).await?;
    if !preview.missing.is_empty() {
        let problems = preview.missing.0.values().cloned().collect();
        return refused(&state, &me, piece, StatusCode::UNPROCESSABLE_ENTITY, problems).await;
    }
    let screening = view_of(preview.screening.clone(), preview.approval.as_ref(), &me);
    let mut ctx = Context::new();
    ctx.insert("p", &confirm_view(me.lang(), &preview));
    ctx.insert("screening", &screening);
    ctx.insert("awaits_approval", &preview.awaits_approval());
    let title = i18n::t_with(me.lang(), "publish-heading", &[("title", preview.piece.title.clone().into())]);
    let body = state.templates.render_admin("admin/pieces/publish.html", &title, Some(&me), ctx)?;
    Ok(html(StatusCode::OK, body))
}

/// Step two: publish, which posts the makers' wages for good. Every check runs again in the
/// publish's own transaction.
pub async fn confirm(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: AdminForm<Empty>,
) -> Result<HttpResponse, AppError> {
    let me = form.staff;
    let piece = load_piece(&state, &me, path.into_inner()).await?;
    let (editor, rules, id) = (Scope::from(&me), state.settings.publishing.clone(), piece.id);
    let outcome = db::run(&state.pool, move |conn| {
        Ok::<_, AppError>(inventory::set_status(conn, &editor, id, PieceStatus::Listed, &rules, now()))
    })
    .await?;
    match outcome {
        Ok(()) => Ok(see_other(format!("/admin/pieces/{id}?done=published"))),
        Err(e @ (AppError::Unprocessable { .. } | AppError::Conflict { .. })) => {
            let status = if matches!(e, AppError::Conflict { .. }) {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let problems = e.fields().map(|f| f.0.values().cloned().collect()).unwrap_or_default();
            refused(&state, &me, piece, status, problems).await
        }
        Err(AppError::Invalid(fields)) if !fields.0.contains_key("") => {
            refused(&state, &me, piece, StatusCode::UNPROCESSABLE_ENTITY, fields.0.into_values().collect()).await
        }
        Err(e) => Err(e),
    }
}

/// Asks a second staff member to approve the description as it is now.
pub async fn request_approval(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: AdminForm<Empty>,
) -> Result<HttpResponse, AppError> {
    let me = form.staff;
    let piece = load_piece(&state, &me, path.into_inner()).await?;
    let (editor, id) = (Scope::from(&me), piece.id);
    db::run(&state.pool, move |conn| publishing::request_approval(conn, &editor, id, now())).await?;
    Ok(see_other(format!("/admin/pieces/{id}?done=approval_requested#screening")))
}
