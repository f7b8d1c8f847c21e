//! The multipart limits of the photo upload routes (pieces and artisans' portraits), with the
//! message a person sees when a photo is refused before any handler runs.

use actix_multipart::form::MultipartFormConfig;
use actix_multipart::MultipartError;
use actix_web::http::StatusCode;
use actix_web::HttpResponse;

use super::{UploadError, MAX_UPLOAD_BYTES};
use crate::error::ErrorReport;

/// Limits for the upload route: the photo plus a little room for the text fields, all in
/// memory. Anything larger is refused with 413 and a message, before the handler runs.
pub fn form_config() -> MultipartFormConfig {
    let limit = MAX_UPLOAD_BYTES + 64 * 1024;
    MultipartFormConfig::default().total_limit(limit).memory_limit(limit).error_handler(|err, _req| {
        let (status, message) = match err {
            MultipartError::Payload(actix_web::error::PayloadError::Overflow) => {
                (StatusCode::PAYLOAD_TOO_LARGE, sentence(&UploadError::TooLarge.to_string()))
            }
            other => {
                tracing::info!(error = %other, "unreadable photo upload");
                (StatusCode::BAD_REQUEST, "The upload could not be read. Go back and try again.".to_string())
            }
        };
        let mut res = HttpResponse::build(status).content_type("text/plain; charset=utf-8").body(message.clone());
        res.extensions_mut().insert(ErrorReport::message(status, "That upload was not accepted", message.clone()));
        actix_web::error::InternalError::from_response(message, res).into()
    })
}

/// "the photo is…" → "The photo is….": messages are written to follow a field name or
/// stand alone.
pub fn sentence(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default() + "."
}

/// The answer to an upload refused because every processing slot stayed busy (503): a page
/// that says so, and when to try again.
pub fn busy() -> HttpResponse {
    let status = StatusCode::SERVICE_UNAVAILABLE;
    let message = sentence(&UploadError::Busy.to_string());
    let mut res = HttpResponse::build(status)
        .insert_header((actix_web::http::header::RETRY_AFTER, "30"))
        .content_type("text/plain; charset=utf-8")
        .body(message.clone());
    res.extensions_mut().insert(ErrorReport::message(status, "The photo was not saved", message));
    res
}
