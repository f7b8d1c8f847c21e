//! Renders every error response in the route's format, chosen here and only here: under `/api/`
//! a JSON error body with a stable code, elsewhere an HTML page in the shop's style (or, for a
//! page that needs a signed-in staff member, the way to sign in). Handlers' `AppError`s carry
//! an `ErrorReport` extension; errors from outside handlers (no route, wrong method) get one
//! chosen by status.

use std::collections::BTreeMap;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::{header, StatusCode};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{web, HttpResponse};
use serde::Serialize;
use tera::Context;

use super::templates::PageMeta;
use super::Templates;
use crate::error::ErrorReport;

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
    let report =
        res.response().extensions().get::<ErrorReport>().cloned().unwrap_or_else(|| ErrorReport::for_status(status));
    let path = res.request().path().to_string();
    let is_api = path.starts_with("/api/");
    let templates = res.request().app_data::<web::Data<Templates>>().cloned();
    let keep: Vec<(header::HeaderName, header::HeaderValue)> = [header::ALLOW, header::RETRY_AFTER]
        .into_iter()
        .filter_map(|h| res.response().headers().get(&h).cloned().map(|v| (h, v)))
        .collect();
    let (req, _) = res.into_parts();

    let mut response: HttpResponse<BoxBody> = if is_api {
        json(status, &report, path.starts_with("/api/admin/"))
    } else if let Some(to) = report.redirect {
        // A page that needs a signed-in staff member sends the browser to sign in.
        HttpResponse::SeeOther().insert_header((header::LOCATION, to)).finish()
    } else {
        let html = templates.and_then(|templates| {
            let mut ctx = Context::new();
            // The header's switcher, from the choices last computed (no database here).
            let base = templates.base_currency();
            ctx.insert("presentment", &templates.offer().switcher(super::currency::chosen(&req, base), base));
            ctx.insert("status", &status.as_u16());
            ctx.insert("heading", report.heading);
            ctx.insert("message", &report.message);
            let meta = PageMeta {
                title: format!("{} — fairgold", report.heading),
                description: report.message.clone(),
                path: req.path(),
                nav: "",
            };
            templates.render("error.html", &meta, ctx).ok()
        });
        match html {
            Some(body) => HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body),
            None => HttpResponse::build(status).content_type("text/plain; charset=utf-8").body(report.message),
        }
    };
    for (name, value) in keep {
        response.headers_mut().insert(name, value);
    }
    Ok(ErrorHandlerResponse::Response(ServiceResponse::new(req, response).map_into_right_body()))
}

#[derive(Serialize)]
struct Body<'a> {
    error: Detail<'a>,
}

#[derive(Serialize)]
struct Detail<'a> {
    code: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    fields: &'a BTreeMap<String, String>,
}

/// The JSON error body for a response built outside `AppError` (the Stripe webhook's refusals).
pub fn json_error(status: StatusCode, code: &'static str, message: &str) -> HttpResponse {
    let report = ErrorReport { code, message: message.to_string(), ..ErrorReport::for_status(status) };
    json(status, &report, false)
}

/// `{"error": {code, message, field?, fields?}}`: `field` names the first field at fault,
/// `fields` has a message for each. The admin API's 401 says how to authenticate.
fn json(status: StatusCode, report: &ErrorReport, admin_api: bool) -> HttpResponse {
    let field = report.fields.keys().find(|k| !k.is_empty()).map(String::as_str);
    let token_help = "Send a valid API token: `Authorization: Bearer fg_…`. Tokens are made under \
                      /admin/tokens; a revoked token or a disabled account's token no longer works.";
    let unauthenticated = status == StatusCode::UNAUTHORIZED && admin_api;
    let message = if unauthenticated && report.code != "token_expired" { token_help } else { report.message.as_str() };
    let mut res = HttpResponse::build(status);
    if unauthenticated {
        res.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"fairgold admin API\""));
    }
    res.json(Body { error: Detail { code: report.code, message, field, fields: &report.fields } })
}
