//! Back-office inventory pages: the searchable list of pieces, the create/edit form (with the
//! piece's photos), publish and withdraw, and photo upload, reorder and delete. Every staff
//! member may look; admins and managers write, a manager only for their own center. Writes go
//! through `inventory::service` and `inventory::photos` (center checks, audit log, catalog
//! version); a form with mistakes comes back with status 422, each message by its field and
//! what was typed kept.

use actix_multipart::form::bytes::Bytes as UploadBytes;
use actix_multipart::form::text::Text;
use actix_multipart::form::MultipartForm;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use tera::Context;

use std::collections::HashMap;

use crate::artisans::queries as artisan_queries;
use crate::auth::extract::{check_csrf, AdminForm};
use crate::auth::permissions::Action;
use crate::auth::CurrentStaff;
use crate::auth::Scope;
use crate::catalog::models::{ImageRow, PieceRow};
use crate::catalog::queries::{self as catalog_queries, StaffSearch};
use crate::catalog::types::{HuidExemption, Kind, Metal, PieceStatus, Purity};
use crate::centers::{self, Center};
use crate::db;
use crate::error::AppError;
use crate::i18n::{self, Lang};
use crate::images::{self, AltText, UploadError};
use crate::inventory::input::fixed_point;
use crate::inventory::{service as inventory, PieceForm};
use crate::money::{Currency, Money};
use crate::state::AppState;
use crate::wages::policy::{hours_label, inr, inr_rate, WageCheck};
use crate::wages::types::india_date;
use crate::web::form::FieldErrors;
use crate::web::templates::Viewer;

const PER_PAGE: i64 = 25;
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/pieces", web::get().to(list))
        .route("/admin/pieces", web::post().to(create))
        .route("/admin/pieces/new", web::get().to(new_form))
        .route(r"/admin/pieces/{id:\d+}", web::get().to(edit_form))
        .route(r"/admin/pieces/{id:\d+}", web::post().to(update))
        .route(r"/admin/pieces/{id:\d+}/withdraw", web::post().to(withdraw))
        .service(
            web::resource(r"/admin/pieces/{id:\d+}/images")
                .app_data(images::upload::form_config())
                .route(web::post().to(upload_image)),
        )
        .route(r"/admin/pieces/{id:\d+}/images/{image_id:\d+}/delete", web::post().to(delete_image))
        .route(r"/admin/pieces/{id:\d+}/images/{image_id:\d+}/move", web::post().to(move_image))
        .configure(super::publish_admin::routes);
}

pub(super) fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

pub(super) fn see_other(to: String) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, to)).finish()
}

pub(super) fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body)
}

/// The piece, if this staff member may see it: 404 if there is none, 403 (logged) if it
/// belongs to another manager's center.
pub(super) async fn load_piece(state: &AppState, me: &CurrentStaff, id: i64) -> Result<PieceRow, AppError> {
    let piece = db::run(&state.pool, move |conn| inventory::find(conn, id)).await?;
    me.require_center(piece.center_id)?;
    Ok(piece)
}

async fn all_centers(state: &AppState) -> Result<Vec<Center>, AppError> {
    db::run(&state.pool, |conn| centers::all(conn).map_err(AppError::from)).await
}

// ---------------------------------------------------------------------------------------------
// The list

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    q: String,
    status: String,
    center: String,
    page: String,
}

#[derive(Serialize)]
struct Row {
    url: String,
    sku: String,
    title: String,
    status: String,
    status_label: String,
    center_city: String,
    price: String,
    updated_at: chrono::NaiveDateTime,
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

fn choice(value: &str, label: &str) -> Choice {
    Choice { value: value.into(), label: label.into() }
}

fn list_url(q: &str, status: &str, center: &str, page: i64) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in [("q", q), ("status", status), ("center", center)] {
        if !v.is_empty() {
            s.append_pair(k, v);
        }
    }
    if page > 1 {
        s.append_pair("page", &page.to_string());
    }
    let qs = s.finish();
    if qs.is_empty() {
        "/admin/pieces".into()
    } else {
        format!("/admin/pieces?{qs}")
    }
}

pub async fn list(
    state: web::Data<AppState>,
    me: CurrentStaff,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let text = query.q.trim().to_string();
    if text.chars().count() > 100 {
        return Err(AppError::bad_request("q", "Keep the search to 100 characters or fewer."));
    }
    let status = match query.status.trim() {
        "" => None,
        s => Some(PieceStatus::parse(s).map_err(|e| AppError::bad_request("status", e.0))?),
    };
    let page = match query.page.trim() {
        "" => 1,
        p => p
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=100_000).contains(n))
            .ok_or_else(|| AppError::bad_request("page", "The page number must be a whole number from 1."))?,
    };
    let all_centers = all_centers(&state).await?;
    // A manager sees their own center only, whatever the query says.
    let center_id = match me.center_scope() {
        Some(own) => Some(own),
        None => match query.center.trim() {
            "" => None,
            code => Some(
                all_centers
                    .iter()
                    .find(|c| c.code == code)
                    .ok_or_else(|| AppError::bad_request("center", format!("There is no center `{code}`.")))?
                    .id,
            ),
        },
    };
    let search = StaffSearch {
        text: Some(text.clone()).filter(|t| !t.is_empty()),
        status,
        center_id,
        limit: PER_PAGE,
        offset: (page - 1) * PER_PAGE,
    };
    let (rows, total) =
        db::run(&state.pool, move |conn| catalog_queries::staff_search(conn, &search).map_err(AppError::from)).await?;
    let lang = me.lang();
    let city = |id: i64| {
        all_centers.iter().find(|c| c.id == id).map(|c| i18n::center_city(lang, &c.code, &c.city)).unwrap_or_default()
    };
    let rows: Vec<Row> = rows
        .iter()
        .map(|p| Row {
            url: format!("/admin/pieces/{}", p.id),
            sku: p.sku.clone(),
            title: p.title.clone(),
            status: p.status.code().to_string(),
            status_label: status_label(lang, p.status),
            center_city: city(p.center_id),
            price: price_of(p),
            updated_at: p.updated_at,
        })
        .collect();
    let total_pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let center_code = if me.center_scope().is_some() { String::new() } else { query.center.trim().to_string() };
    let status_code = status.map(|s| s.code().to_string()).unwrap_or_default();
    let mut statuses = vec![choice("", &i18n::t(lang, "pieces-any-status"))];
    statuses.extend(PieceStatus::ALL.iter().map(|s| choice(s.code(), &status_label(lang, *s))));
    let mut center_choices = vec![choice("", &i18n::t(lang, "admin-both-workshops"))];
    center_choices.extend(all_centers.iter().map(|c| choice(&c.code, &i18n::center_city(lang, &c.code, &c.city))));

    let mut ctx = Context::new();
    ctx.insert("rows", &rows);
    ctx.insert("total", &total);
    ctx.insert("page_number", &page);
    ctx.insert("total_pages", &total_pages);
    ctx.insert("prev_url", &(page > 1).then(|| list_url(&text, &status_code, &center_code, page - 1)));
    ctx.insert("next_url", &(page < total_pages).then(|| list_url(&text, &status_code, &center_code, page + 1)));
    ctx.insert("q", &text);
    ctx.insert("status", &status_code);
    ctx.insert("center", &center_code);
    ctx.insert("statuses", &statuses);
    ctx.insert("centers", &center_choices);
    ctx.insert("show_center_filter", &me.center_scope().is_none());
    ctx.insert("can_write", &Action::PiecesWrite.allows(me.role));
    let body = state.templates.render_admin("admin/pieces/list.html", &i18n::t(lang, "nav-pieces"), Some(&me), ctx)?;
    Ok(html(StatusCode::OK, body))
}

/// A piece's status in the reader's language (`piece-status-…` in `pieces.ftl`).
fn status_label(lang: Lang, status: PieceStatus) -> String {
    i18n::t(lang, &format!("piece-status-{}", status.code()))
}

fn price_of(p: &PieceRow) -> String {
    Money::new(p.price_minor, p.currency).to_string()
}

// ---------------------------------------------------------------------------------------------
// The form

/// One labelled control of the piece form.
#[derive(Serialize)]
struct FieldView {
    name: &'static str,
    label: String,
    hint: String,
    control: &'static str,
    value: String,
    error: Option<String>,
    options: Vec<Choice>,
    required: bool,
    inputmode: &'static str,
}

/// A field labelled in `lang` (`piece-field-{name}` in `pieces.ftl`).
fn field(lang: Lang, name: &'static str, value: &str, errors: &FieldErrors) -> FieldView {
    FieldView {
        name,
        label: i18n::t(lang, &format!("piece-field-{name}")),
        hint: String::new(),
        control: "text",
        value: value.to_string(),
        error: errors.0.get(name).cloned(),
        options: Vec::new(),
        required: false,
        inputmode: "",
    }
}

impl FieldView {
    /// The field's hint in `lang` (`piece-hint-{name}`).
    fn hint(mut self, lang: Lang) -> Self {
        self.hint = i18n::t(lang, &format!("piece-hint-{}", self.name));
        self
    }
    fn required(mut self) -> Self {
        self.required = true;
        self
    }
    fn decimal(mut self) -> Self {
        self.inputmode = "decimal";
        self
    }
    fn textarea(mut self) -> Self {
        self.control = "textarea";
        self
    }
    fn select(mut self, options: Vec<Choice>) -> Self {
        self.control = "select";
        self.options = options;
        self
    }
}

fn fields(
    lang: Lang,
    form: &PieceForm,
    errors: &FieldErrors,
    centers: &[Choice],
    currency: Currency,
) -> Vec<FieldView> {
    let pick = |first: &str, rest: Vec<Choice>| {
        let mut v = vec![choice("", first)];
        v.extend(rest);
        v
    };
    let say = |key: String| i18n::t(lang, &key);
    let choose = i18n::t(lang, "admin-choose");
    let kinds =
        pick(&choose, Kind::ALL.iter().map(|k| choice(k.code(), &say(format!("piece-kind-{}", k.code())))).collect());
    let metals =
        pick(&choose, Metal::ALL.iter().map(|m| choice(m.code(), &say(format!("piece-metal-{}", m.code())))).collect());
    let purities = pick(
        &choose,
        Purity::ALL
            .iter()
            .map(|p| choice(p.code(), &format!("{} — {}", p.code(), say(format!("piece-purity-{}", p.code())))))
            .collect(),
    );
    let centers: Vec<Choice> = centers.iter().map(|c| choice(&c.value, &c.label)).collect();
    let exemptions = pick(
        &say("piece-exemption-none".into()),
        HuidExemption::ALL.iter().map(|e| choice(e.code(), &say(format!("piece-exemption-{}", e.code())))).collect(),
    );
    let mut price = field(lang, "price", &form.price, errors).required().decimal().hint(lang);
    price.label = i18n::t_with(lang, "piece-field-price", &[("currency", currency.code().into())]);
    vec![
        field(lang, "sku", &form.sku, errors).hint(lang),
        field(lang, "title", &form.title, errors).required(),
        field(lang, "description", &form.description, errors).textarea().hint(lang),
        field(lang, "kind", &form.kind, errors).required().select(kinds),
        field(lang, "metal", &form.metal, errors).required().select(metals),
        field(lang, "purity", &form.purity, errors).required().select(purities),
        field(lang, "gross_weight_g", &form.gross_weight_g, errors).required().decimal().hint(lang),
        field(lang, "net_weight_g", &form.net_weight_g, errors).required().decimal().hint(lang),
        field(lang, "ring_size", &form.ring_size, errors).hint(lang),
        field(lang, "huid", &form.huid, errors).hint(lang),
        field(lang, "huid_exemption", &form.huid_exemption, errors).hint(lang).select(exemptions),
        price,
        field(lang, "center", &form.center, errors).required().select(centers),
        field(lang, "stones", &form.stones, errors).textarea().hint(lang),
        field(lang, "wage", &form.wage, errors).decimal().hint(lang),
    ]
}

/// Rows of "Made by" on the page: enough for the pieces the workshops make (most have one to
/// three makers); the CSV import and the API keep the `labor` text for more.
const MAKER_ROWS: usize = 6;

/// The piece form as the page posts it: the piece's own fields, and "Made by" as rows of an
/// artisan chosen by alias (a select of the workshop's artisans: nobody types an id) and their
/// hours, `maker_1`/`hours_1` … Works without a script; `action=preview` shows the proposed
/// wage for what is typed and saves nothing.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PiecePageForm {
    #[serde(flatten)]
    piece: PieceForm,
    #[serde(flatten)]
    rest: HashMap<String, String>,
}

/// One "Made by" row as the page shows it.
#[derive(Debug, Clone, Default, Serialize)]
struct MakerRow {
    n: usize,
    maker: String,
    hours: String,
    maker_error: Option<String>,
    hours_error: Option<String>,
}

impl PiecePageForm {
    fn is_preview(&self) -> bool {
        self.rest.get("action").is_some_and(|a| a == "preview")
    }

    /// The rows posted (`None`: the post has no rows, e.g. a script posting `labor` itself),
    /// the `labor` text they make, and each row's own mistakes.
    fn rows(&self) -> Option<(Vec<MakerRow>, String, FieldErrors)> {
        if !(1..=MAKER_ROWS).any(|n| self.rest.contains_key(&format!("maker_{n}"))) {
            return None;
        }
        let mut rows = Vec::new();
        let mut lines = Vec::new();
        let mut errors = FieldErrors::default();
        for n in 1..=MAKER_ROWS {
            let get = |k: &str| self.rest.get(&format!("{k}_{n}")).map(|v| v.trim().to_string()).unwrap_or_default();
            let mut row = MakerRow { n, maker: get("maker"), hours: get("hours"), ..Default::default() };
            if row.maker.is_empty() && row.hours.is_empty() {
                rows.push(row);
                continue;
            }
            if row.maker.is_empty() {
                row.maker_error = Some("choose who worked these hours, or clear the hours".into());
            }
            if row.hours.is_empty() {
                row.hours_error = Some("enter their hours of work on this piece, e.g. 18.5".into());
            } else if !fixed_point(&row.hours, 2).is_some_and(|h| h > 0 && h <= 100_000) {
                row.hours_error = Some("hours are a number above zero with at most 2 decimals, e.g. 18.5".into());
            }
            if let Some(m) = &row.maker_error {
                errors.add(&format!("maker_{n}"), m.clone());
            }
            if let Some(m) = &row.hours_error {
                errors.add(&format!("hours_{n}"), m.clone());
            }
            if row.maker_error.is_none() && row.hours_error.is_none() {
                lines.push(format!("{}, {}", row.maker, row.hours));
            }
            rows.push(row);
        }
        Some((rows, lines.join("\n"), errors))
    }
}

/// The rows for a form whose makers are `labor` text (a stored piece, or a post without rows),
/// with room for more.
fn rows_of_labor(labor: &str) -> Vec<MakerRow> {
    let mut rows: Vec<MakerRow> = labor
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(MAKER_ROWS)
        .enumerate()
        .map(|(i, l)| {
            let (who, hours) = l.split_once(',').unwrap_or((l, ""));
            MakerRow { n: i + 1, maker: who.trim().into(), hours: hours.trim().into(), ..Default::default() }
        })
        .collect();
    while rows.len() < MAKER_ROWS {
        rows.push(MakerRow { n: rows.len() + 1, ..Default::default() });
    }
    rows
}

/// A maker the page offers: the alias (never the legal name), by workshop.
#[derive(Debug, Serialize)]
struct MakerChoice {
    public_id: String,
    alias: String,
}

#[derive(Debug, Serialize)]
struct MakerGroup {
    city: String,
    makers: Vec<MakerChoice>,
}

/// The artisans a staff member may name as makers: a manager's own workshop's, or each
/// workshop's for an admin.
async fn maker_groups(state: &AppState, me: &CurrentStaff, centers: &[Center]) -> Result<Vec<MakerGroup>, AppError> {
    let scope = me.center_scope();
    let rows =
        db::run(&state.pool, move |conn| artisan_queries::list_for_staff(conn, scope).map_err(AppError::from)).await?;
    Ok(centers
        .iter()
        .filter(|c| scope.is_none_or(|own| own == c.id))
        .map(|c| MakerGroup {
            city: c.city.clone(),
            makers: rows
                .iter()
                .filter(|a| a.center_id == c.id)
                .map(|a| MakerChoice { public_id: a.public_id.clone(), alias: a.public_alias.clone() })
                .collect(),
        })
        .filter(|g| !g.makers.is_empty())
        .collect())
}

fn center_choices(me: &CurrentStaff, all: &[Center]) -> Vec<Choice> {
    let lang = me.lang();
    let mut out = Vec::new();
    if me.center_scope().is_none() {
        out.push(choice("", &i18n::t(lang, "admin-choose")));
    }
    out.extend(
        all.iter()
            .filter(|c| me.center_scope().is_none_or(|own| own == c.id))
            .map(|c| choice(&c.code, &i18n::center_city(lang, &c.code, &c.city))),
    );
    out
}

/// The wage panel: the proposal for the labor record, each maker's share, and the floor check.
#[derive(Serialize, Default)]
struct WagePanelView {
    /// Why nothing can be proposed yet, when that is so.
    note: Option<String>,
    hours: String,
    target_hourly: String,
    legal_min_hourly: String,
    living_hourly: Option<String>,
    proposed: String,
    wage: String,
    wage_is_proposal: bool,
    makers: Vec<MakerShareView>,
    /// fair, below_living_wage or below_legal_minimum
    level: &'static str,
    message: Option<String>,
    accepted_on: Option<String>,
}

#[derive(Serialize)]
struct MakerShareView {
    public_id: String,
    alias: String,
    hours: String,
    share: String,
}

fn wage_panel(lang: Lang, preview: Option<inventory::WagePreview>) -> WagePanelView {
    let note = |key: &str| WagePanelView { note: Some(i18n::t(lang, key)), ..Default::default() };
    let Some(p) = preview else {
        return note("piece-wage-note-choose");
    };
    let accepted_on = p.accepted_at.map(|at| i18n::date::day_month_year(lang, india_date(at)));
    let Some(policy) = &p.policy else {
        return WagePanelView { accepted_on, ..note("piece-wage-note-no-policy") };
    };
    if !p.unknown.is_empty() {
        let ids = p.unknown.join(", ");
        return WagePanelView {
            note: Some(i18n::t_with(lang, "piece-wage-note-unknown", &[("ids", ids.into())])),
            ..Default::default()
        };
    }
    let Some(proposal) = p.proposal else {
        return note("piece-wage-note-no-makers");
    };
    let (level, message) = match &proposal.check {
        WageCheck::Fair => ("fair", None),
        WageCheck::BelowLivingWage { message } => ("below_living_wage", Some(message.clone())),
        WageCheck::BelowLegalMinimum { message } => ("below_legal_minimum", Some(message.clone())),
    };
    WagePanelView {
        note: None,
        hours: hours_label(proposal.minutes),
        target_hourly: inr_rate(policy.target_hourly()),
        legal_min_hourly: inr_rate(policy.legal_min_hourly()),
        living_hourly: policy.living_hourly().map(inr_rate),
        proposed: inr(proposal.proposed_minor),
        wage: inr(proposal.wage_minor),
        wage_is_proposal: proposal.wage_minor == proposal.proposed_minor,
        makers: p
            .makers
            .into_iter()
            .map(|m| MakerShareView {
                public_id: m.public_id,
                alias: m.alias,
                hours: hours_label(m.minutes),
                share: inr(m.share_minor),
            })
            .collect(),
        level,
        message,
        accepted_on,
    }
}

/// The panel for what the form holds (or, for an accepted piece, what is fixed).
async fn panel_for(
    state: &AppState,
    me: &CurrentStaff,
    form: &PieceForm,
    piece_id: Option<i64>,
) -> Result<WagePanelView, AppError> {
    let Some((labor, wage)) = form.labor_and_wage() else {
        return Ok(WagePanelView { note: Some(i18n::t(me.lang(), "piece-wage-note-correct")), ..Default::default() });
    };
    let (scope, code) = (Scope::from(me), form.center.clone());
    let preview =
        db::run(&state.pool, move |conn| inventory::wage_preview(conn, &scope, &code, &labor, wage, piece_id, now()))
            .await?;
    Ok(wage_panel(me.lang(), preview))
}

#[derive(Serialize)]
struct PieceSummaryView {
    id: i64,
    title: String,
    sku: String,
    status: String,
    status_label: String,
    public_url: Option<String>,
    can_publish: bool,
    can_withdraw: bool,
}

#[derive(Serialize)]
struct ImageAdminView {
    id: i64,
    thumb_url: String,
    alt: String,
    width: i32,
    height: i32,
    sizes: String,
}

#[derive(Serialize, Default)]
struct UploadView {
    alt: String,
    alt_error: Option<String>,
    image_error: Option<String>,
}

/// Everything the form page shows, besides the staff member.
pub(super) struct FormPage {
    pub(super) status: StatusCode,
    /// What publishing found missing or refused, each a sentence (shown as a list).
    pub(super) publish_problems: Vec<String>,
    form: PieceForm,
    errors: FieldErrors,
    piece: Option<PieceRow>,
    images: Vec<ImageRow>,
    centers: Vec<Center>,
    notice: Option<String>,
    status_error: Option<String>,
    upload: UploadView,
    /// "Made by" as posted; `None`: from the form's `labor`.
    rows: Option<Vec<MakerRow>>,
}

impl FormPage {
    fn new(form: PieceForm, centers: Vec<Center>) -> Self {
        Self {
            rows: None,
            status: StatusCode::OK,
            publish_problems: Vec::new(),
            form,
            errors: FieldErrors::default(),
            piece: None,
            images: Vec::new(),
            centers,
            notice: None,
            status_error: None,
            upload: UploadView::default(),
        }
    }
}

async fn render_form(state: &AppState, me: &CurrentStaff, page: FormPage) -> Result<HttpResponse, AppError> {
    let lang = me.lang();
    let can_write = Action::PiecesWrite.allows(me.role);
    let panel = panel_for(state, me, &page.form, page.piece.as_ref().map(|p| p.id)).await?;
    let centers = center_choices(me, &page.centers);
    let mut ctx = Context::new();
    ctx.insert("fields", &fields(lang, &page.form, &page.errors, &centers, state.settings.currency));
    ctx.insert("maker_rows", &page.rows.clone().unwrap_or_else(|| rows_of_labor(&page.form.labor)));
    ctx.insert("maker_groups", &maker_groups(state, me, &page.centers).await?);
    ctx.insert("labor_error", &page.errors.0.get("labor"));
    ctx.insert("has_errors", &!page.errors.is_empty());
    ctx.insert("wage_panel", &panel);
    ctx.insert("can_write", &can_write);
    ctx.insert("notice", &page.notice);
    ctx.insert("status_error", &page.status_error);
    ctx.insert("publish_problems", &page.publish_problems);
    // What screening finds in the description as typed (the form), and for a stored piece
    // where the approval of its stored description stands.
    ctx.insert("description_matches", &crate::screening::screen(&page.form.description));
    ctx.insert("upload", &page.upload);
    ctx.insert("max_upload_mb", &(images::MAX_UPLOAD_BYTES / (1024 * 1024)));
    let title = match &page.piece {
        Some(p) => {
            let status = Some(p.status);
            ctx.insert("action", &format!("/admin/pieces/{}", p.id));
            ctx.insert(
                "piece",
                &PieceSummaryView {
                    id: p.id,
                    title: p.title.clone(),
                    sku: p.sku.clone(),
                    status: p.status.code().to_string(),
                    status_label: status_label(lang, p.status),
                    public_url: status.filter(|s| s.is_public()).map(|_| format!("/pieces/{}", p.slug)),
                    can_publish: matches!(status, Some(PieceStatus::Draft | PieceStatus::Withdrawn)),
                    can_withdraw: status == Some(PieceStatus::Listed),
                },
            );
            let images: Vec<ImageAdminView> = page
                .images
                .iter()
                .map(|i| {
                    let copies = images::variant_paths(&i.path, &i.variants);
                    let thumb = copies.first().map(|(_, p)| p.clone()).unwrap_or_else(|| i.path.clone());
                    ImageAdminView {
                        id: i.id,
                        thumb_url: images::media_url(&thumb),
                        alt: i.alt_text.clone(),
                        width: i.width,
                        height: i.height,
                        sizes: copies.iter().map(|(w, _)| format!("{w} px")).collect::<Vec<_>>().join(", "),
                    }
                })
                .collect();
            ctx.insert("images", &images);
            ctx.insert("screening", &super::publish_admin::screening_view(state, me, p).await?);
            i18n::t_with(lang, "piece-edit-heading", &[("title", p.title.clone().into())])
        }
        None => {
            ctx.insert("action", "/admin/pieces");
            i18n::t(lang, "piece-new-heading")
        }
    };
    ctx.insert("heading", &title);
    let body = state.templates.render_admin("admin/pieces/form.html", &title, Some(me), ctx)?;
    Ok(html(page.status, body))
}

pub async fn new_form(state: web::Data<AppState>, me: CurrentStaff) -> Result<HttpResponse, AppError> {
    let all = all_centers(&state).await?;
    let own = all.iter().find(|c| me.center_scope() == Some(c.id)).map(|c| c.code.clone()).unwrap_or_default();
    let form = PieceForm { center: own, ..PieceForm::default() };
    render_form(&state, &me, FormPage::new(form, all)).await
}

/// The edit page of a piece as stored, with optional messages.
pub(super) async fn edit_page(
    state: &AppState,
    me: &CurrentStaff,
    piece: PieceRow,
    shape: impl FnOnce(&mut FormPage),
) -> Result<HttpResponse, AppError> {
    let p = piece.clone();
    let (form, images, all) = db::run(&state.pool, move |conn| -> Result<_, AppError> {
        Ok((inventory::form_of(conn, &p)?, catalog_queries::images_of(conn, &[p.id])?, centers::all(conn)?))
    })
    .await?;
    let mut page = FormPage::new(form, all);
    page.piece = Some(piece);
    page.images = images;
    shape(&mut page);
    render_form(state, me, page).await
}

/// The notice after a step (`?done=…`), in `lang` (`piece-done-…` in `pieces.ftl`).
fn notice_of(req: &HttpRequest, lang: Lang) -> Option<String> {
    let done = url::form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(k, _)| k == "done")
        .map(|(_, v)| v.into_owned())?;
    let known = [
        "created",
        "saved",
        "published",
        "approval_requested",
        "withdrawn",
        "photo_added",
        "photo_deleted",
        "photo_moved",
    ];
    known.contains(&done.as_str()).then(|| i18n::t(lang, &format!("piece-done-{}", done.replace('_', "-"))))
}

pub async fn edit_form(
    state: web::Data<AppState>,
    me: CurrentStaff,
    path: web::Path<i64>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let piece = load_piece(&state, &me, path.into_inner()).await?;
    let notice = notice_of(&req, me.lang());
    edit_page(&state, &me, piece, |p| p.notice = notice).await
}

/// Runs an inventory write, separating mistakes in the input's fields (shown on the form)
/// from everything else (an error page).
fn split(r: Result<i64, AppError>) -> Result<Result<i64, FieldErrors>, AppError> {
    match r {
        Ok(v) => Ok(Ok(v)),
        Err(AppError::Invalid(e)) if !e.0.contains_key("") => Ok(Err(e)),
        Err(e) => Err(e),
    }
}

/// What the page posted, made ready to parse: "Made by" rows into the `labor` text (with each
/// row's own mistakes), and a proposed SKU when it was left empty and the workshop and kind
/// are known.
async fn prepare(
    state: &AppState,
    posted: PiecePageForm,
) -> Result<(PieceForm, Option<Vec<MakerRow>>, FieldErrors), AppError> {
    let preview_rows = posted.rows();
    let mut form = posted.piece;
    let (rows, row_errors) = match preview_rows {
        Some((rows, labor, errors)) => {
            form.labor = labor;
            (Some(rows), errors)
        }
        None => (None, FieldErrors::default()),
    };
    if form.sku.trim().is_empty() {
        if let (Ok(kind), false) = (Kind::parse(&form.kind), form.center.trim().is_empty()) {
            let center = form.center.trim().to_string();
            form.sku =
                db::run(&state.pool, move |conn| inventory::propose_sku(conn, &center, kind).map_err(AppError::from))
                    .await?;
        }
    }
    Ok((form, rows, row_errors))
}

/// Every mistake of the form at once: the rows' and the fields'.
fn merged(mut errors: FieldErrors, more: &FieldErrors) -> FieldErrors {
    for (k, v) in &more.0 {
        errors.add(k, v.clone());
    }
    errors
}

pub async fn create(state: web::Data<AppState>, form: AdminForm<PiecePageForm>) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form: posted } = form;
    let preview = posted.is_preview();
    let (form, rows, row_errors) = prepare(&state, posted).await?;
    let editor = Scope::from(&me);
    let parsed = form.parse(state.settings.currency);
    let outcome = match parsed {
        Err(errors) => Err(merged(errors, &row_errors)),
        Ok(_) if !row_errors.is_empty() => Err(row_errors),
        Ok(_) if preview => Err(FieldErrors::default()),
        Ok(input) => db::run(&state.pool, move |conn| split(inventory::create(conn, &editor, &input, now()))).await?,
    };
    match outcome {
        Ok(id) => Ok(see_other(format!("/admin/pieces/{id}?done=created"))),
        Err(errors) => {
            let all = all_centers(&state).await?;
            let mut page = FormPage::new(form, all);
            page.status = if preview && errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
            page.errors = errors;
            page.rows = rows;
            render_form(&state, &me, page).await
        }
    }
}

pub async fn update(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: AdminForm<PiecePageForm>,
) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form: posted } = form;
    let piece = load_piece(&state, &me, path.into_inner()).await?;
    let id = piece.id;
    let preview = posted.is_preview();
    let (form, rows, row_errors) = prepare(&state, posted).await?;
    let editor = Scope::from(&me);
    let outcome = match form.parse(state.settings.currency) {
        Err(errors) => Err(merged(errors, &row_errors)),
        Ok(_) if !row_errors.is_empty() => Err(row_errors),
        Ok(_) if preview => Err(FieldErrors::default()),
        Ok(input) => {
            db::run(&state.pool, move |conn| split(inventory::update(conn, &editor, id, &input, now()).map(|_| id)))
                .await?
        }
    };
    match outcome {
        Ok(_) => Ok(see_other(format!("/admin/pieces/{id}?done=saved"))),
        Err(errors) => {
            let (images, all) = db::run(&state.pool, move |conn| -> Result<_, AppError> {
                Ok((catalog_queries::images_of(conn, &[id])?, centers::all(conn)?))
            })
            .await?;
            let mut page = FormPage::new(form, all);
            page.status = if preview && errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
            page.errors = errors;
            page.piece = Some(piece);
            page.images = images;
            page.rows = rows;
            render_form(&state, &me, page).await
        }
    }
}

#[derive(Deserialize)]
pub struct Empty {}

async fn change_status(
    state: &AppState,
    me: &CurrentStaff,
    id: i64,
    to: PieceStatus,
    done: &str,
) -> Result<HttpResponse, AppError> {
    let piece = load_piece(state, me, id).await?;
    let editor = Scope::from(me);
    let rules = state.settings.publishing.clone();
    let outcome = db::run(&state.pool, move |conn| {
        split(inventory::set_status(conn, &editor, id, to, &rules, now()).map(|_| id))
    })
    .await?;
    match outcome {
        Ok(_) => Ok(see_other(format!("/admin/pieces/{id}?done={done}"))),
        Err(errors) => {
            let message = errors.0.into_values().next().unwrap_or_else(|| "The status could not be changed.".into());
            edit_page(state, me, piece, |p| {
                p.status = StatusCode::UNPROCESSABLE_ENTITY;
                p.status_error = Some(message);
            })
            .await
        }
    }
}

pub async fn withdraw(
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: AdminForm<Empty>,
) -> Result<HttpResponse, AppError> {
    change_status(&state, &form.staff, path.into_inner(), PieceStatus::Withdrawn, "withdrawn").await
}

// ---------------------------------------------------------------------------------------------
// Photos

/// The upload form. The photo stays in memory (at most 15 MiB); it is never written to disk.
#[derive(MultipartForm)]
pub struct UploadForm {
    csrf_token: Option<Text<String>>,
    alt: Option<Text<String>>,
    #[multipart(limit = "15 MiB")]
    image: Option<UploadBytes>,
}

pub async fn upload_image(
    state: web::Data<AppState>,
    me: CurrentStaff,
    path: web::Path<i64>,
    form: MultipartForm<UploadForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    check_csrf(&me.session, form.csrf_token.as_ref().map(|t| t.as_str()))?;
    let piece = load_piece(&state, &me, path.into_inner()).await?;
    let alt_typed = form.alt.map(|t| t.into_inner()).unwrap_or_default();
    let refuse = |status: StatusCode, alt_error: Option<String>, image_error: Option<String>| {
        let alt = alt_typed.clone();
        let piece = piece.clone();
        let (state, me) = (state.clone(), me.clone());
        async move {
            edit_page(&state, &me, piece, |p| {
                p.status = status;
                p.upload = UploadView { alt, alt_error, image_error };
            })
            .await
        }
    };
    let alt = match AltText::parse(&alt_typed) {
        Ok(a) => a,
        Err(message) => {
            let image_error = Some("Choose the photo again after fixing the alt text.".to_string());
            return refuse(StatusCode::UNPROCESSABLE_ENTITY, Some(images::upload::sentence(message)), image_error)
                .await;
        }
    };
    let bytes = form.image.map(|b| b.data).unwrap_or_default();
    // Decoding and resizing are CPU work and take memory: off the async workers, and at most
    // `images.jobs` at once (`images::Jobs`).
    let copies = state
        .image_jobs
        .run(move || -> Result<Vec<images::Variant>, UploadError> {
            let copies = images::process(&bytes)?;
            drop(bytes);
            Ok(copies)
        })
        .await;
    // The copies are stored before the row that names them (`images::storage`).
    let stored = match copies {
        Ok(copies) => images::store::save(&state.storage, &copies)
            .await
            .map_err(|e| UploadError::Internal(format!("storing the copies: {e}"))),
        Err(e) => Err(e),
    };
    let stored = match stored {
        Ok(s) => s,
        Err(UploadError::Internal(cause)) => return Err(AppError::internal(format!("photo upload: {cause}"))),
        Err(e) => {
            let status = match e {
                UploadError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
                UploadError::Busy => StatusCode::SERVICE_UNAVAILABLE,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            tracing::info!(piece_id = piece.id, reason = %e, "photo upload refused");
            return refuse(status, None, Some(images::upload::sentence(&e.to_string()))).await;
        }
    };
    let editor = Scope::from(&me);
    let (p, s) = (piece.clone(), stored.clone());
    let added =
        db::run(&state.pool, move |conn| crate::inventory::photos::add(conn, &editor, &p, &s, &alt, now())).await;
    if let Err(e) = added {
        images::store::remove(&state.storage, &stored.path, &stored.variants).await;
        return Err(e);
    }
    Ok(see_other(format!("/admin/pieces/{}?done=photo_added#photos", piece.id)))
}

pub async fn delete_image(
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    form: AdminForm<Empty>,
) -> Result<HttpResponse, AppError> {
    let me = form.staff;
    let (id, image_id) = path.into_inner();
    let piece = load_piece(&state, &me, id).await?;
    let editor = Scope::from(&me);
    let (image, unused) =
        db::run(&state.pool, move |conn| crate::inventory::photos::delete(conn, &editor, &piece, image_id, now()))
            .await?;
    if unused {
        images::store::remove(&state.storage, &image.path, &image.variants).await;
    }
    Ok(see_other(format!("/admin/pieces/{id}?done=photo_deleted#photos")))
}

#[derive(Deserialize)]
pub struct MoveForm {
    /// Read after the authorization checks: a missing field must not answer before them.
    #[serde(default)]
    direction: String,
}

pub async fn move_image(
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    form: AdminForm<MoveForm>,
) -> Result<HttpResponse, AppError> {
    let AdminForm { staff: me, form } = form;
    let (id, image_id) = path.into_inner();
    let piece = load_piece(&state, &me, id).await?;
    let up = match form.direction.as_str() {
        "up" => true,
        "down" => false,
        _ => return Err(AppError::bad_request("direction", "Move a photo up or down.")),
    };
    let editor = Scope::from(&me);
    db::run(&state.pool, move |conn| crate::inventory::photos::move_one(conn, &editor, &piece, image_id, up, now()))
        .await?;
    Ok(see_other(format!("/admin/pieces/{id}?done=photo_moved#photos")))
}
