//! Addresses that carry a capability token: whoever holds the link may follow an order, choose
//! a staff password or pay. One list names them; the access log writes their tokens as `…`
//! (`redact_target`), and their pages send `Referrer-Policy: no-referrer` (`no_referrer`), so
//! the link reaches neither the logs nor another site through the `Referer` header.

use std::borrow::Cow;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;

/// Paths whose next segment is a token: the order status page (`/orders/{token}`) and the
/// staff setup link (`/admin/setup/{token}`).
pub const TOKEN_PATH_PREFIXES: &[&str] = &["/orders/", "/admin/setup/"];

/// Query parameters whose value is a token (`/checkout/test-payment/{reference}?token=…`).
pub const TOKEN_QUERY_KEYS: &[&str] = &["token"];

/// What a token is written as.
pub const REDACTED: &str = "…";

/// A request target (path and query) with every token replaced by `…`; anything else is
/// returned as it came. The router decodes `%6F` to `o`, so prefixes are compared with the
/// decoded path (a redacted path is then written decoded).
pub fn redact_target(target: &str) -> Cow<'_, str> {
    let (path, query) = match target.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (target, None),
    };
    let path = redact_path(path);
    let query = query.map(redact_query);
    let changed = matches!(path, Cow::Owned(_)) || matches!(query, Some(Cow::Owned(_)));
    match query {
        _ if !changed => Cow::Borrowed(target),
        Some(query) => Cow::Owned(format!("{path}?{query}")),
        None => path,
    }
}

/// Whether this target carries a token (its page must not leak its address).
pub fn carries_token(target: &str) -> bool {
    matches!(redact_target(target), Cow::Owned(_))
}

fn redact_path(path: &str) -> Cow<'_, str> {
    let decoded = percent_decoded(path);
    for prefix in TOKEN_PATH_PREFIXES {
        if let Some(rest) = decoded.strip_prefix(prefix) {
            let after_token = rest.find('/').map_or("", |end| &rest[end..]);
            if rest.len() > after_token.len() {
                return Cow::Owned(format!("{prefix}{REDACTED}{after_token}"));
            }
        }
    }
    Cow::Borrowed(path)
}

fn redact_query(query: &str) -> Cow<'_, str> {
    let is_token = |pair: &str| {
        url::form_urlencoded::parse(pair.as_bytes())
            .next()
            .is_some_and(|(key, value)| TOKEN_QUERY_KEYS.contains(&key.as_ref()) && !value.is_empty())
    };
    if !query.split('&').any(is_token) {
        return Cow::Borrowed(query);
    }
    let pairs: Vec<Cow<str>> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((key, _)) if is_token(pair) => Cow::Owned(format!("{key}={REDACTED}")),
            _ => Cow::Borrowed(pair),
        })
        .collect();
    Cow::Owned(pairs.join("&"))
}

/// `%XX` sequences decoded (invalid UTF-8 replaced), as the router reads a path.
fn percent_decoded(path: &str) -> Cow<'_, str> {
    if !path.contains('%') {
        return Cow::Borrowed(path);
    }
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

/// Middleware: the responses to token-bearing addresses send `Referrer-Policy: no-referrer`,
/// replacing the shop's default policy.
pub async fn no_referrer(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let secret = carries_token(req.uri().path_and_query().map_or("", |p| p.as_str()));
    let mut res = next.call(req).await?;
    if secret {
        res.headers_mut().insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_in_paths_are_redacted() {
        assert_eq!(redact_target("/orders/3f9c0a1b2c3d4e5f"), "/orders/…");
        assert_eq!(redact_target("/admin/setup/abcDEF123"), "/admin/setup/…");
        assert_eq!(redact_target("/admin/setup/abc/next?x=1"), "/admin/setup/…/next?x=1");
        assert_eq!(redact_target("/%6Frders/secret"), "/orders/…", "decoded as the router reads it");
    }

    #[test]
    fn token_query_values_are_redacted_and_the_rest_kept() {
        assert_eq!(
            redact_target("/checkout/test-payment/FG-000001?token=s3cret"),
            "/checkout/test-payment/FG-000001?token=…"
        );
        assert_eq!(redact_target("/x?a=1&token=s3cret&b=2"), "/x?a=1&token=…&b=2");
        assert_eq!(redact_target("/x?%74oken=s3cret"), "/x?%74oken=…", "the key as the parser reads it");
        assert_eq!(redact_target("/orders/s3cret?token=t0ken"), "/orders/…?token=…");
    }

    #[test]
    fn other_targets_are_untouched() {
        for target in
            ["/", "/pieces?sort=newest&page=2", "/orders/", "/orders", "/admin/orders/12", "/x?token=", "/x?tokens=1"]
        {
            assert!(matches!(redact_target(target), Cow::Borrowed(t) if t == target), "{target}");
            assert!(!carries_token(target), "{target}");
        }
        assert!(carries_token("/orders/abc"));
        assert!(carries_token("/checkout/complete/FG-1?token=abc"));
    }
}
