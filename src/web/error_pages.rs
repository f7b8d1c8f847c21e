//! Renders every error response in the shop's style: an HTML page for people, or a JSON error
//! body under `/api/`. Handlers' `AppError`s carry their message in an `ErrorPage` extension;
//! errors from outside handlers (no route, wrong method) get a message chosen by status.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::{header, StatusCode};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{web, HttpResponse};
use tera::Context;

use super::templates::PageMeta;
use super::Templates;
use crate::error::{json_error, AppError, ErrorPage};

pub fn render<B: MessageBody + 'static>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let already_json = res
        .response()
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    let already_html =
        res.response().headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    // A handler that rendered its own page (a form shown again with its errors) keeps it.
    if already_json || already_html {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let page = res.response().extensions().get::<ErrorPage>().cloned().unwrap_or_else(|| default_page(status));
    let is_api = res.request().path().starts_with("/api/");
    let templates = res.request().app_data::<web::Data<Templates>>().cloned();
    let allow = res.response().headers().get(header::ALLOW).cloned();
    let (req, _) = res.into_parts();

    let mut response: HttpResponse<BoxBody> = if is_api {
        json_error(status, api_code(status), &page.message)
    } else {
        let html = templates.and_then(|templates| {
            let mut ctx = Context::new();
            ctx.insert("status", &status.as_u16());
            ctx.insert("heading", page.heading);
            ctx.insert("message", &page.message);
            let meta = PageMeta {
                title: format!("{} — fairgold", page.heading),
                description: page.message.clone(),
                path: req.path(),
                nav: "",
            };
            templates.render("error.html", &meta, ctx).ok()
        });
        match html {
            Some(body) => HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body),
            None => HttpResponse::build(status).content_type("text/plain; charset=utf-8").body(page.message),
        }
    };
    if let Some(allow) = allow {
        response.headers_mut().insert(header::ALLOW, allow);
    }
    Ok(ErrorHandlerResponse::Response(ServiceResponse::new(req, response).map_into_right_body()))
}

fn default_page(status: StatusCode) -> ErrorPage {
    let err = match status {
        StatusCode::NOT_FOUND => AppError::NotFound,
        s if s.is_server_error() => AppError::Internal(String::new()),
        _ => {
            return ErrorPage {
                heading: "That request was not quite right",
                message: status.canonical_reason().unwrap_or("Bad request").to_string(),
            }
        }
    };
    ErrorPage { heading: err.heading(), message: err.public_message() }
}

fn api_code(status: StatusCode) -> &'static str {
    match status {
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        s if s.is_server_error() => "internal_error",
        _ => "bad_request",
    }
}
