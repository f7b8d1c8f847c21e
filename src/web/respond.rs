//! The small answers back-office pages share: an HTML body with its status, a redirect after a
//! form (303), the `?done=` notice a page shows after a step, and the choices of a filter's
//! `<select>` ("Any …" first).

use actix_web::http::{header, StatusCode};
use actix_web::HttpResponse;
use serde::{Deserialize, Serialize};

/// A rendered page with its status.
pub fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body)
}

/// Where the browser goes after a form that worked (POST → 303 → GET).
pub fn see_other(to: String) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, to)).finish()
}

/// `?done=step`: which step the page was sent back from, for its notice.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NoticeQuery {
    pub done: String,
}

/// One option of a filter's `<select>`.
#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
}

/// A filter's options: `any` (the empty value) first, then each (code, label).
pub fn choices(any: &'static str, options: impl IntoIterator<Item = (&'static str, &'static str)>) -> Vec<Choice> {
    std::iter::once(Choice { value: "", label: any })
        .chain(options.into_iter().map(|(value, label)| Choice { value, label }))
        .collect()
}
