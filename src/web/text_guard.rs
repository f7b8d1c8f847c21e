//! Control characters stop at the door. A NUL byte (`%00`) in a slug, a SKU, an email or a
//! token would reach PostgreSQL, which refuses it — and a database error would become a 500,
//! an unauthenticated way to page whoever is on call. So, before any handler runs:
//! - a path with a control character names nothing: 404;
//! - a query string, or a form body (`application/x-www-form-urlencoded`), with a control
//!   character other than tab, line feed and carriage return (which text areas send): 400 with a
//!   message a person understands;
//! - a JSON body with an escaped NUL (`\u0000`): 400.
//!
//! Multipart bodies (uploads) are read by their own handlers, whose text fields go through the
//! same parsing as other forms; and any database refusal of text that still gets through is
//! answered 400, not 500 (`error::AppError::from`).

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::web::{Bytes, BytesMut};
use actix_web::HttpMessage;
use futures_util::StreamExt;

use crate::error::AppError;

/// The largest form body this guard reads (larger ones are refused by the form extractors).
const MAX_FORM: usize = 1024 * 1024;

/// A control character that a text field may legitimately hold (a text area's line breaks).
fn allowed_in_text(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r')
}

fn has_control(s: &str, allow_line_breaks: bool) -> bool {
    s.chars().any(|c| c.is_control() && !(allow_line_breaks && allowed_in_text(c)))
}

/// Whether a URL-encoded string (a query or a form body) decodes to text with a control
/// character that has no place in it.
fn encoded_has_control(raw: &[u8], allow_line_breaks: bool) -> bool {
    url::form_urlencoded::parse(raw).any(|(k, v)| has_control(&k, false) || has_control(&v, allow_line_breaks))
}

fn refused(what: &str) -> actix_web::Error {
    AppError::bad_request_general(format!(
        "The {what} contains a control character (such as a NUL byte) that is not text. Remove it and try again."
    ))
    .into()
}

pub async fn guard(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let path = percent_decoded(req.path());
    if has_control(&path, false) {
        return Err(AppError::NotFound.into());
    }
    if encoded_has_control(req.query_string().as_bytes(), false) {
        return Err(refused("address"));
    }
    let kind = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let form = kind.starts_with("application/x-www-form-urlencoded");
    let json = kind.starts_with("application/json");
    if form || json {
        let mut body = BytesMut::new();
        let mut payload = req.take_payload();
        while let Some(chunk) = payload.next().await {
            let chunk = chunk?;
            if body.len() + chunk.len() > MAX_FORM {
                return Err(AppError::bad_request("body", "The form is too large.").into());
            }
            body.extend_from_slice(&chunk);
        }
        let body: Bytes = body.freeze();
        let bad = if form {
            encoded_has_control(&body, true)
        } else {
            body.windows(6).any(|w| w.eq_ignore_ascii_case(b"\\u0000"))
        };
        if bad {
            return Err(refused(if form { "form" } else { "request body" }));
        }
        req.set_payload(actix_web::dev::Payload::from(body));
    }
    next.call(req).await
}

fn percent_decoded(path: &str) -> String {
    percent_encoding::percent_decode_str(path).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_where_they_do_not_belong() {
        assert!(has_control(&percent_decoded("/pieces/lotus%00ring"), false));
        assert!(!has_control(&percent_decoded("/pieces/lotus-ring"), false));
        assert!(encoded_has_control(b"email=a%00b%40example.org", true));
        assert!(encoded_has_control(b"sku=AB%07C", true));
        assert!(!encoded_has_control(b"description=line+one%0D%0Aline+two%09tab", true));
        assert!(encoded_has_control(b"q=line%0Aone", false), "no line breaks in a query");
        assert!(encoded_has_control(b"na%00me=x", true), "field names too");
        assert!(!encoded_has_control("city=K%C3%B6ln".as_bytes(), true));
    }
}
