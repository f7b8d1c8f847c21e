//! The application's error type and its policy:
//! - what a person did wrong (a bad parameter) → 400 with a message that says what and how to fix it;
//! - what does not exist (or is not public) → 404, the same answer whether it never existed or is hidden;
//! - anything else → 500 with a generic message; the cause goes to the log with the request id, never
//!   to the client.
//!
//! HTML handlers return `AppError`; the error-page middleware (`web::error_pages`) renders it in the
//! shop's style. JSON handlers wrap it in `ApiError`, which answers `{"error": {code, message}}`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

use crate::db::DbError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{message}")]
    BadRequest { field: Option<&'static str>, message: String },
    #[error("not found")]
    NotFound,
    #[error("not signed in")]
    Unauthenticated,
    #[error("second factor pending")]
    SecondFactorPending,
    #[error("forbidden: {0}")]
    Forbidden(String),
    #[error("the database is not available")]
    Unavailable(#[source] DbError),
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn bad_request(field: &'static str, message: impl Into<String>) -> Self {
        Self::BadRequest { field: Some(field), message: message.into() }
    }

    /// A bug: something the code's own rules say cannot happen.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        Self::Internal(cause.to_string())
    }

    /// Data in the database that the code cannot read: a bug or a hand edit.
    pub fn corrupt(cause: impl std::fmt::Display) -> Self {
        Self::Internal(format!("unreadable data: {cause}"))
    }

    /// A stable, machine-readable code for API clients.
    pub fn code(&self) -> &'static str {
        match self {
            Self::BadRequest { .. } => "invalid_parameter",
            Self::NotFound => "not_found",
            Self::Unauthenticated | Self::SecondFactorPending => "unauthenticated",
            Self::Forbidden(_) => "forbidden",
            Self::Unavailable(_) => "unavailable",
            Self::Internal(_) => "internal_error",
        }
    }

    /// The message a person sees: specific for their mistakes, generic for ours.
    pub fn public_message(&self) -> String {
        match self {
            Self::BadRequest { message, .. } => message.clone(),
            Self::NotFound => {
                "We could not find that page. It may have been moved, or the piece may no longer be listed.".into()
            }
            Self::Unauthenticated => "Please sign in.".into(),
            Self::SecondFactorPending => "Please finish signing in with your authenticator code.".into(),
            Self::Forbidden(m) => m.clone(),
            Self::Unavailable(_) => "The shop is briefly unavailable. Please try again in a minute.".into(),
            Self::Internal(_) => {
                "Something went wrong on our side. Please try again; if it keeps happening, write to us.".into()
            }
        }
    }

    pub fn heading(&self) -> &'static str {
        match self {
            Self::BadRequest { .. } => "That request was not quite right",
            Self::NotFound => "Page not found",
            Self::Unauthenticated | Self::SecondFactorPending => "Please sign in",
            Self::Forbidden(_) => "Not allowed",
            Self::Unavailable(_) => "Back in a moment",
            Self::Internal(_) => "Something went wrong",
        }
    }

    /// A 503 tells clients (and load balancers) when to try again.
    fn retry_after(&self, res: &mut actix_web::HttpResponseBuilder) {
        if matches!(self, Self::Unavailable(_)) {
            res.insert_header((actix_web::http::header::RETRY_AFTER, "5"));
        }
    }

    fn log(&self) {
        match self {
            Self::Unavailable(e) => tracing::error!(error = %e, "database unavailable"),
            Self::Internal(e) => tracing::error!(error = %e, "internal error"),
            _ => {}
        }
    }
}

impl From<DbError> for AppError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::Query(q) => q.into(),
            other => Self::Unavailable(other),
        }
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::Error as E;
        match e {
            E::NotFound => Self::NotFound,
            // Text the database cannot store (PostgreSQL refuses a NUL byte) is the sender's
            // mistake, not ours: `web::text_guard` stops it at the door, and this is the net
            // behind it.
            E::DatabaseError(_, info) if refuses_text(info.message()) => Self::BadRequest {
                field: None,
                message: "The text contains a character that cannot be stored (a NUL byte). Remove it and try again."
                    .into(),
            },
            other => Self::Internal(format!("query failed: {other}")),
        }
    }
}

/// PostgreSQL's refusal of a NUL byte or of bytes that are not text (SQLSTATE 22021, 22P05).
fn refuses_text(message: &str) -> bool {
    message.contains("invalid byte sequence for encoding") || message.contains("unsupported Unicode escape sequence")
}

/// What the error-page middleware needs to render a page for an error response.
#[derive(Debug, Clone)]
pub struct ErrorPage {
    pub heading: &'static str,
    pub message: String,
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::BadRequest { .. } => StatusCode::BAD_REQUEST,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Unauthenticated | Self::SecondFactorPending => StatusCode::SEE_OTHER,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        self.log();
        // A page that needs a signed-in staff member sends the browser to sign in.
        let to = match self {
            Self::Unauthenticated => Some("/admin/login"),
            Self::SecondFactorPending => Some("/admin/mfa"),
            _ => None,
        };
        if let Some(location) = to {
            return HttpResponse::SeeOther().insert_header((actix_web::http::header::LOCATION, location)).finish();
        }
        let mut res = HttpResponse::build(self.status_code());
        res.content_type("text/plain; charset=utf-8");
        self.retry_after(&mut res);
        let mut res = res.body(self.public_message());
        res.extensions_mut().insert(ErrorPage { heading: self.heading(), message: self.public_message() });
        res
    }
}

/// `AppError` answered as JSON: `{"error": {"code": "...", "message": "...", "field": "..."}}`.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct ApiError(#[from] pub AppError);

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: ErrorDetail<'a>,
}

#[derive(Serialize)]
struct ErrorDetail<'a> {
    code: &'a str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
}

impl From<DbError> for ApiError {
    fn from(e: DbError) -> Self {
        Self(e.into())
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self.0 {
            AppError::Unauthenticated | AppError::SecondFactorPending => StatusCode::UNAUTHORIZED,
            _ => self.0.status_code(),
        }
    }

    fn error_response(&self) -> HttpResponse {
        self.0.log();
        let field = match &self.0 {
            AppError::BadRequest { field, .. } => *field,
            _ => None,
        };
        let mut res = HttpResponse::build(self.status_code());
        self.0.retry_after(&mut res);
        res.json(ErrorBody { error: ErrorDetail { code: self.0.code(), message: self.0.public_message(), field } })
    }
}

/// The JSON error body `ApiError` writes, described for the OpenAPI document (documentation
/// only: the wire format comes from `ErrorBody`).
#[derive(utoipa::ToSchema)]
pub struct ApiErrorBody {
    pub error: ApiErrorDetail,
}

/// One error: a stable `code` for programs, a `message` for people, and the query or body
/// `field` at fault when there is one.
#[derive(utoipa::ToSchema)]
pub struct ApiErrorDetail {
    /// e.g. invalid_parameter, not_found, unauthenticated, forbidden, internal_error
    pub code: String,
    pub message: String,
    pub field: Option<String>,
}

/// A JSON error body for errors raised outside our handlers (e.g. an unknown API route).
pub fn json_error(status: StatusCode, code: &str, message: &str) -> HttpResponse {
    HttpResponse::build(status).json(ErrorBody { error: ErrorDetail { code, message: message.into(), field: None } })
}
