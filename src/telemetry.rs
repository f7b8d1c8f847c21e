//! Structured logs with `tracing`: readable lines in development, JSON in production. Each
//! request gets a span with its request id (also returned as the `X-Request-Id` header); its
//! address is recorded with capability tokens written as `…` (`web::secret_paths`).

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Version;
use actix_web::HttpMessage;
use tracing::Span;
use tracing_actix_web::{DefaultRootSpanBuilder, RequestId, RootSpanBuilder};
use tracing_subscriber::fmt::format::FmtSpan;
use tracing_subscriber::{fmt, EnvFilter};

use crate::config::Environment;
use crate::web::secret_paths;

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

/// The request span of `TracingLogger`: the fields of tracing-actix-web's default span, with
/// `http.target` redacted. (Its `root_span!` macro records the raw target, and a span field
/// cannot be declared twice, so the span is written out here.)
pub struct AccessLog;

impl RootSpanBuilder for AccessLog {
    fn on_request_start(request: &ServiceRequest) -> Span {
        let target = request.uri().path_and_query().map_or("", |p| p.as_str());
        let route = request.match_pattern().unwrap_or_else(|| "default".into());
        let method = request.method().as_str();
        let request_id = request.extensions().get::<RequestId>().map(|id| id.to_string()).unwrap_or_default();
        let user_agent = request.headers().get("User-Agent").and_then(|h| h.to_str().ok()).unwrap_or("");
        let info = request.connection_info();
        tracing::info_span!(
            "HTTP request",
            http.method = %method,
            http.route = %route,
            http.flavor = %http_flavor(request.version()),
            http.scheme = %info.scheme(),
            http.host = %info.host(),
            http.client_ip = %info.realip_remote_addr().unwrap_or(""),
            http.user_agent = %user_agent,
            http.target = %secret_paths::redact_target(target),
            http.status_code = tracing::field::Empty,
            otel.name = %format!("{method} {route}"),
            otel.kind = "server",
            otel.status_code = tracing::field::Empty,
            trace_id = tracing::field::Empty,
            request_id = %request_id,
            exception.message = tracing::field::Empty,
            exception.details = tracing::field::Empty,
        )
    }

    fn on_request_end<B: MessageBody>(span: Span, outcome: &Result<ServiceResponse<B>, actix_web::Error>) {
        DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

fn http_flavor(version: Version) -> &'static str {
    match version {
        Version::HTTP_09 => "0.9",
        Version::HTTP_10 => "1.0",
        Version::HTTP_11 => "1.1",
        Version::HTTP_2 => "2.0",
        Version::HTTP_3 => "3.0",
        _ => "other",
    }
}
