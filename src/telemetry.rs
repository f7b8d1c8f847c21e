//! Structured logs with `tracing`: readable lines in development, JSON in production. Each
//! request gets a span with its request id (also returned as the `X-Request-Id` header).

use tracing_subscriber::fmt::format::FmtSpan;
use tracing_subscriber::{fmt, EnvFilter};

use crate::config::Environment;

pub fn init(env: Environment) {
    let filter = EnvFilter::try_from_env("RUST_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    // A request span's close event is the access log line: method, route, status, time, request id.
    let builder = fmt().with_env_filter(filter).with_target(false).with_span_events(FmtSpan::CLOSE);
    // `try_init`: the tests boot many apps in one process.
    let _ = match env {
        Environment::Production => builder.json().flatten_event(true).try_init(),
        Environment::Development => builder.try_init(),
    };
}
