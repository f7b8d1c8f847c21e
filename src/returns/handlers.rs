//! The customer's return form, `/orders/{token}/returns`: the order's pieces, which may be
//! returned and until when (or why not), the returns already asked for, and the form (pieces
//! and a reason). Like the other public forms there is no session for a CSRF token: the POST
//! must come from the shop's own pages (`web::origin`). Never cached.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;
use tera::Context;

use super::{queries, service, types};
use crate::cart::handlers::private_html;
use crate::crypto;
use crate::db;
use crate::error::AppError;
use crate::orders::queries as orders;
use crate::state::AppState;
use crate::web::form::FieldErrors;
use crate::web::PageMeta;

fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

#[derive(Serialize)]
struct Asked {
    status_label: &'static str,
    requested: String,
    pieces: Vec<String>,
    message: Option<String>,
}

struct Shown {
    status: StatusCode,
    errors: FieldErrors,
    notice: Option<String>,
    reason: String,
    chosen: Vec<i64>,
}

async fn render(state: &AppState, token: String, shown: Shown) -> Result<HttpResponse, AppError> {
    if token.len() > 64 {
        return Err(AppError::NotFound);
    }
    let hash = crypto::token_hash(&token);
    let window = state.settings.returns.window_days;
    let (reference, candidates, asked) = db::run(&state.pool, move |conn| {
        let order = orders::find_by_token_hash(conn, &hash)?.ok_or(AppError::NotFound)?;
        let candidates = service::candidates(conn, &order, window, now())?;
        let mut asked = Vec::new();
        for r in queries::of_order(conn, order.id)? {
            let items = queries::items_of(conn, r.id)?;
            asked.push(Asked {
                status_label: r.status.label(),
                requested: r.requested_at.format("%-d %B %Y").to_string(),
                pieces: items.into_iter().map(|i| i.title).collect(),
                message: r.message,
            });
        }
        Ok::<_, AppError>((order.reference, candidates, asked))
    })
    .await?;
    let mut ctx = Context::new();
    ctx.insert("reference", &reference);
    ctx.insert("candidates", &candidates);
    ctx.insert("any_eligible", &candidates.iter().any(|c| c.eligible));
    ctx.insert("asked", &asked);
    ctx.insert("window_days", &window);
    ctx.insert("errors", &shown.errors.0);
    ctx.insert("notice", &shown.notice);
    ctx.insert("reason", &shown.reason);
    ctx.insert("chosen", &shown.chosen);
    ctx.insert("order_path", &format!("/orders/{token}"));
    let meta = PageMeta {
        title: format!("Return pieces of order {reference} — {}", state.settings.shop.name),
        description: String::new(),
        path: "/orders",
        nav: "",
    };
    Ok(private_html(shown.status, state.templates.render("orders/returns.html", &meta, ctx)?))
}

pub async fn form(
    state: web::Data<AppState>,
    token: web::Path<String>,
    query: web::Query<std::collections::HashMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let notice = (query.get("done").map(String::as_str) == Some("requested")).then(|| {
        "Thank you: your return request is on its way to the workshop. We have emailed you a copy; \
         please wait for our reply before sending anything."
            .to_string()
    });
    let shown =
        Shown { status: StatusCode::OK, errors: FieldErrors::default(), notice, reason: String::new(), chosen: vec![] };
    render(&state, token.into_inner(), shown).await
}

/// The form's fields: `piece` once per ticked box, and `reason`.
fn parse(body: &[u8]) -> (Vec<String>, String) {
    let mut pieces = Vec::new();
    let mut reason = String::new();
    for (k, v) in url::form_urlencoded::parse(body) {
        match k.as_ref() {
            "piece" => pieces.push(v.into_owned()),
            "reason" => reason = v.into_owned(),
            _ => {}
        }
    }
    (pieces, reason)
}

pub async fn submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    if !crate::web::origin::is_same_origin(
        req.method(),
        req.headers(),
        &req.connection_info(),
        &state.settings.base_url,
    ) {
        tracing::warn!(path = %crate::web::secret_paths::redact_target(req.path()), "cross-site state change refused");
        return Err(AppError::Forbidden("This request did not come from this site.".into()));
    }
    let token = token.into_inner();
    if token.len() > 64 || body.len() > 16 * 1024 {
        return Err(AppError::NotFound);
    }
    let (raw_pieces, raw_reason) = parse(&body);
    let mut e = FieldErrors::default();
    let reason = types::text(&mut e, "reason", &raw_reason, true, 1000);
    let mut pieces = Vec::new();
    for p in &raw_pieces {
        match p.trim().parse::<i64>() {
            Ok(id) if !pieces.contains(&id) => pieces.push(id),
            Ok(_) => {}
            Err(_) => e.add("pieces", "only this order's own pieces can be returned"),
        }
    }
    if pieces.is_empty() {
        e.add("pieces", "choose the pieces you want to return");
    }
    let hash = crypto::token_hash(&token);
    let window = state.settings.returns.window_days;
    let shown =
        |status, errors, notice| Shown { status, errors, notice, reason: reason.clone(), chosen: pieces.clone() };
    if !e.is_empty() {
        return render(&state, token.clone(), shown(StatusCode::BAD_REQUEST, e, None)).await;
    }
    let (p2, r2) = (pieces.clone(), reason.clone());
    let result = db::run(&state.pool, move |conn| {
        let order = orders::find_by_token_hash(conn, &hash)?.ok_or(AppError::NotFound)?;
        service::request(conn, order.id, &p2, &r2, window, now())
    })
    .await;
    match result {
        Ok(_) => Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, format!("/orders/{token}/returns?done=requested")))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .finish()),
        Err(AppError::Invalid(errors)) => {
            render(&state, token.clone(), shown(StatusCode::BAD_REQUEST, errors, None)).await
        }
        Err(c @ AppError::Conflict { .. }) => {
            render(&state, token.clone(), shown(StatusCode::CONFLICT, FieldErrors::default(), Some(c.public_message())))
                .await
        }
        Err(e) => Err(e),
    }
}
