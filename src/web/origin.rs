//! Whether a state-changing request came from this shop's own pages. The public forms (cart,
//! checkout, test payment) have no staff session to bind a CSRF token to, and the back office
//! checks this before its CSRF token: `Sec-Fetch-Site`, when the browser sends it, must say
//! same-origin, and `Origin`, when present, must be ours.
//!
//! A page sent with `Referrer-Policy: no-referrer` (the capability-token pages:
//! `web::secret_paths`) makes the browser post `Origin: null`; that one is judged by
//! `Sec-Fetch-Site` alone, and refused without it.

use actix_web::dev::ConnectionInfo;
use actix_web::http::header::{HeaderMap, ORIGIN};
use actix_web::http::Method;

pub fn is_same_origin(method: &Method, headers: &HeaderMap, info: &ConnectionInfo, base_url: &str) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return true;
    }
    let site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if site.is_some_and(|s| !matches!(s, "same-origin" | "none")) {
        return false;
    }
    match headers.get(ORIGIN).and_then(|v| v.to_str().ok()) {
        None => true,
        Some("null") => site == Some("same-origin"),
        Some(origin) => origin == format!("{}://{}", info.scheme(), info.host()) || origin == base_url,
    }
}
