//! `/transparency/ledger`: the public page of signed ledger checkpoints, and the file to download
//! (`/transparency/ledger/checkpoints.json`) that `fairgold ledger verify --checkpoints` checks
//! the ledger against. Public and uncached (a month close adds a checkpoint without changing the
//! catalog's version): entry numbers, hashes, times, signatures, the months and cities of the
//! closes, the key — nothing about any artisan.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;
use tera::Context;

use super::checkpoints::{self, PublishedFile};
use super::types::Month;
use crate::db;
use crate::error::AppError;
use crate::state::AppState;
use crate::web::PageMeta;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/transparency/ledger", web::get().to(page))
        .route("/transparency/ledger/checkpoints.json", web::get().to(file));
}

/// The file's name when downloaded.
pub const FILE_NAME: &str = "fairgold-ledger-checkpoints.json";

async fn load(state: &web::Data<AppState>) -> Result<(PublishedFile, Vec<crate::centers::Center>), AppError> {
    let signer = state.ledger_signer.clone();
    db::run(&state.pool, move |conn| {
        Ok::<_, AppError>((checkpoints::published(conn, signer.as_ref())?, crate::centers::all(conn)?))
    })
    .await
}

#[derive(Serialize)]
struct Row {
    /// `checkpoint-{center}-{YYYY-MM}`: what `/impact` links each period's figures to.
    anchor: String,
    month: String,
    city: String,
    entry_id: i64,
    entry_hash: String,
    signed_at: String,
    signature: String,
    public_key: String,
}

async fn page(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let (file, centers) = load(&state).await?;
    state.cache.ensure_layout_now::<AppError>(&state.pool).await?;
    let chosen = crate::web::currency::chosen(&req, state.settings.currency);
    let rows: Vec<Row> = file
        .checkpoints
        .iter()
        .rev()
        .map(|c| Row {
            anchor: format!("checkpoint-{}-{}", c.center, c.month),
            month: Month::parse(&c.month).map(Month::label).unwrap_or_else(|_| c.month.clone()),
            city: centers
                .iter()
                .find(|x| x.code == c.center)
                .map(|x| x.city.clone())
                .unwrap_or_else(|| c.center.clone()),
            entry_id: c.entry_id,
            entry_hash: c.entry_hash.clone(),
            signed_at: c.signed_at.clone(),
            signature: c.signature.clone(),
            public_key: c.public_key.clone(),
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("presentment", &state.templates.offer().switcher(chosen, state.settings.currency));
    ctx.insert("checkpoints", &rows);
    ctx.insert("public_key", &file.public_key);
    ctx.insert(
        "earlier_keys",
        &file.public_keys.iter().filter(|k| Some(*k) != file.public_key.as_ref()).collect::<Vec<_>>(),
    );
    ctx.insert("development_key", &state.ledger_signer.as_ref().is_some_and(|s| s.is_development()));
    ctx.insert("message_format", checkpoints::MESSAGE_FORMAT);
    ctx.insert("file_url", "/transparency/ledger/checkpoints.json");
    ctx.insert("file_name", FILE_NAME);
    let meta = PageMeta {
        title: format!("Our wage ledger, signed — {}", state.settings.shop.name),
        description: "Signed checkpoints of the fair-wage ledger: proof that the record of what artisans earned and \
                      were paid has not been rewritten since each month was closed."
            .into(),
        path: "/transparency/ledger",
        nav: "about",
    };
    let body = state.templates.render("transparency/ledger.html", &meta, ctx)?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .body(body))
}

async fn file(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let (file, _) = load(&state).await?;
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{FILE_NAME}\"")))
        .body(checkpoints::to_json(&file)?))
}
