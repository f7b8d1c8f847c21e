//! The customer's order status page, `/orders/{token}`: reached only with the unguessable
//! token from the checkout redirect or the emails. Never cached anywhere (`no-store`), never
//! in the page cache: it shows a person's address.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use tera::Context;

use super::{queries, service};
use crate::cart::handlers::private_html;
use crate::crypto;
use crate::db;
use crate::error::AppError;
use crate::invoices;
use crate::orders::types::OrderStatus;
use crate::state::AppState;
use crate::web::PageMeta;

pub async fn status_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    if token.len() > 64 {
        return Err(AppError::NotFound);
    }
    let hash = crypto::token_hash(&token);
    let now = chrono::Utc::now().naive_utc();
    let (full, attempt, documents) = db::run(&state.pool, move |conn| {
        let order = queries::find_by_token_hash(conn, &hash)?.ok_or(AppError::NotFound)?;
        let attempt = queries::latest_attempt(conn, order.id)?;
        let documents = invoices::service::of_order(conn, order.id)?;
        Ok::<_, AppError>((service::load_full(conn, order)?, attempt, documents))
    })
    .await?;
    let view = service::view(&full, &state.settings, false)?;
    let order = &full.order;
    // While awaiting payment, the customer can go back to the payment page (until it expires).
    let pay_url = match order.status {
        OrderStatus::PendingPayment
            if order.payment_provider == "development" && state.gateway.test_payments_enabled() =>
        {
            Some(format!("/checkout/test-payment/{}?token={token}", order.reference))
        }
        OrderStatus::PendingPayment if order.payment_provider == "stripe" => {
            attempt.filter(|a| a.session_expires_at > now).and_then(|a| a.session_url)
        }
        _ => None,
    };
    let mut ctx = Context::new();
    // The order's amounts are what it was sold and charged for; the header still has the
    // switcher, naming the visitor's choice.
    state.cache.ensure_layout_now::<AppError>(&state.pool).await?;
    let chosen = crate::web::currency::chosen(&req, state.settings.currency);
    ctx.insert("presentment", &state.templates.offer().switcher(chosen, state.settings.currency));
    ctx.insert("order", &view);
    ctx.insert("pay_url", &pay_url);
    // The customer's privacy requests (`privacy::routes`), under the same capability link.
    ctx.insert("data_url", &format!("/orders/{token}/data"));
    ctx.insert("erase_url", &format!("/orders/{token}/erase"));
    ctx.insert("documents", &invoices::view::links(&documents));
    ctx.insert("order_path", &format!("/orders/{token}"));
    let meta = PageMeta {
        title: format!("Order {} — {}", view.reference, state.settings.shop.name),
        description: String::new(),
        path: "/orders",
        nav: "",
    };
    Ok(private_html(StatusCode::OK, state.templates.render("orders/status.html", &meta, ctx)?))
}

/// The order's tax invoice (`/orders/{token}/invoice`) or one of its credit notes
/// (`/orders/{token}/credit-notes/{id}`), printable; reached only with the order's token, so
/// another order's token finds nothing (404). Never cached.
async fn document(state: &AppState, token: String, id: Option<i64>) -> Result<HttpResponse, AppError> {
    if token.len() > 64 {
        return Err(AppError::NotFound);
    }
    let hash = crypto::token_hash(&token);
    let row = db::run(&state.pool, move |conn| {
        let order = queries::find_by_token_hash(conn, &hash)?.ok_or(AppError::NotFound)?;
        invoices::service::document_of_order(conn, order.id, id)
    })
    .await?;
    let body = invoices::view::render_page(state, &row, &format!("/orders/{token}"))?;
    Ok(private_html(StatusCode::OK, body))
}

pub async fn invoice_page(state: web::Data<AppState>, token: web::Path<String>) -> Result<HttpResponse, AppError> {
    document(&state, token.into_inner(), None).await
}

pub async fn credit_note_page(
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
) -> Result<HttpResponse, AppError> {
    let (token, id) = path.into_inner();
    document(&state, token, Some(id)).await
}
