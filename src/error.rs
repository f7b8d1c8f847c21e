//! The application's one error type and its policy:
//! - what a person sent that must be corrected → `Invalid` (400), a message per field, saying
//!   what and how to fix it; a form handler catches it and shows the form again with them;
//! - what is understood but refused by the state of things → `Unprocessable` (422) or
//!   `Conflict` (409) with a stable code ("just sold", "a status change that cannot happen"),
//!   `TooMany` (429) for a limit reached;
//! - what does not exist (or is not public) → 404, the same answer whether it never existed or
//!   is hidden; not signed in → the sign-in page (pages) or 401 (the API); not allowed → 403;
//! - the database briefly away → 503 with `Retry-After`; the payment provider refusing → 502
//!   with its reason;
//! - anything else → `Internal` (500) with a generic message; the cause, with its whole chain of
//!   sources, goes to the log with the request id, never to the client.
//!
//! Every handler, page or JSON, returns `AppError`. The format is chosen once, by route, in
//! `web::error_pages`: a shop-styled page, or under `/api/` a JSON body
//! `{"error": {code, message, field?, fields?}}`. `error_response` below only records the
//! `ErrorReport` that the middleware renders.

use std::collections::BTreeMap;
use std::error::Error as StdError;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

use crate::db::DbError;
use crate::money::Overflow;
use crate::web::form::FieldErrors;

/// A cause kept for the log.
pub type Cause = Box<dyn StdError + Send + Sync + 'static>;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Input to correct: a message per field (the key `""` is the request as a whole).
    #[error("invalid input: {0:?}")]
    Invalid(FieldErrors),
    /// Well-formed, but breaks a rule of what it would create (422), e.g. `invalid_piece`.
    #[error("{code}: {fields:?}")]
    Unprocessable { code: &'static str, fields: FieldErrors },
    /// The current state refuses it (409), e.g. `invalid_status`, `already_decided`.
    #[error("{code}: {fields:?}")]
    Conflict { code: &'static str, fields: FieldErrors },
    /// A limit was reached (429); the message says which and what to do.
    #[error("limited: {0}")]
    TooMany(String),
    #[error("not found")]
    NotFound,
    #[error("not signed in")]
    Unauthenticated,
    /// An API token that has passed its expiry (401, `token_expired`): its owner must make a
    /// new one.
    #[error("the API token has expired")]
    TokenExpired,
    #[error("second factor pending")]
    SecondFactorPending,
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// The payment provider refused or could not be reached (502); its reason is shown to staff.
    #[error("the payment provider refused")]
    PaymentProvider(#[source] Cause),
    #[error("the database is not available")]
    Unavailable(#[source] DbError),
    #[error("internal error")]
    Internal(#[source] Cause),
}

impl AppError {
    /// One field's mistake.
    pub fn bad_request(field: &'static str, message: impl Into<String>) -> Self {
        Self::Invalid(FieldErrors::one(field, message))
    }

    /// A mistake in the request as a whole (no one field to blame).
    pub fn bad_request_general(message: impl Into<String>) -> Self {
        Self::Invalid(FieldErrors::one("", message))
    }

    /// The current state refuses it (409): the message says what and what to do.
    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        Self::Conflict { code, fields: FieldErrors::one("", message) }
    }

    /// Whether a unique constraint refused the write (somewhere in the chain): two requests
    /// raced for the same row, and the other one won.
    pub fn is_unique_violation(&self) -> bool {
        let Self::Internal(cause) = self else { return false };
        let mut next: Option<&(dyn StdError + 'static)> = Some(cause.as_ref());
        while let Some(e) = next {
            if let Some(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) =
                e.downcast_ref::<diesel::result::Error>()
            {
                return true;
            }
            next = e.source();
        }
        false
    }

    /// A bug: something the code's own rules say cannot happen. An error type keeps its chain
    /// of sources; a string is the message.
    pub fn internal(cause: impl Into<Cause>) -> Self {
        Self::Internal(cause.into())
    }

    /// A failure of something we called, with what we were doing (kept as the first link of
    /// the chain in the log).
    pub fn internal_in(doing: &'static str, cause: impl StdError + Send + Sync + 'static) -> Self {
        Self::Internal(Box::new(Context { doing, source: Box::new(cause) }))
    }

    /// The payment provider refused or failed (its own error, kept as the source).
    pub fn payment_provider(cause: impl StdError + Send + Sync + 'static) -> Self {
        Self::PaymentProvider(Box::new(cause))
    }

    /// Data in the database that the code cannot read: a bug or a hand edit.
    pub fn corrupt(cause: impl Into<Cause>) -> Self {
        Self::Internal(Box::new(Context { doing: "reading stored data", source: cause.into() }))
    }

    /// The field errors of an `Invalid` (or `Unprocessable`/`Conflict`), if it is one.
    pub fn fields(&self) -> Option<&FieldErrors> {
        match self {
            Self::Invalid(f) | Self::Unprocessable { fields: f, .. } | Self::Conflict { fields: f, .. } => Some(f),
            _ => None,
        }
    }

    /// A stable, machine-readable code for API clients.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Invalid(_) => "invalid_parameter",
            Self::Unprocessable { code, .. } | Self::Conflict { code, .. } => code,
            Self::TooMany(_) => "rate_limited",
            Self::NotFound => "not_found",
            Self::Unauthenticated | Self::SecondFactorPending => "unauthenticated",
            Self::TokenExpired => "token_expired",
            Self::Forbidden(_) => "forbidden",
            Self::PaymentProvider(_) => "payment_provider",
            Self::Unavailable(_) => "unavailable",
            Self::Internal(_) => "internal_error",
        }
    }

    /// The message a person sees: specific for their mistakes, generic for ours.
    pub fn public_message(&self) -> String {
        match self {
            Self::Invalid(f) | Self::Unprocessable { fields: f, .. } | Self::Conflict { fields: f, .. } => {
                f.0.values().next().cloned().unwrap_or_else(|| "That request was not quite right.".into())
            }
            Self::TooMany(m) | Self::Forbidden(m) => m.clone(),
            Self::NotFound => {
                "We could not find that page. It may have been moved, or the piece may no longer be listed.".into()
            }
            Self::Unauthenticated => "Please sign in.".into(),
            Self::TokenExpired => {
                "This API token has expired. Make a new one under /admin/tokens and revoke this one.".into()
            }
            Self::SecondFactorPending => "Please finish signing in with your authenticator code.".into(),
            Self::PaymentProvider(e) => format!("The payment provider did not accept it: {e}."),
            Self::Unavailable(_) => "The shop is briefly unavailable. Please try again in a minute.".into(),
            Self::Internal(_) => {
                "Something went wrong on our side. Please try again; if it keeps happening, write to us.".into()
            }
        }
    }

    pub fn heading(&self) -> &'static str {
        match self {
            Self::Invalid(_) | Self::Unprocessable { .. } => "That request was not quite right",
            Self::Conflict { .. } => "That could not be done",
            Self::TooMany(_) => "Please wait a little",
            Self::NotFound => "Page not found",
            Self::Unauthenticated | Self::SecondFactorPending | Self::TokenExpired => "Please sign in",
            Self::Forbidden(_) => "Not allowed",
            Self::PaymentProvider(_) => "The payment provider said no",
            Self::Unavailable(_) => "Back in a moment",
            Self::Internal(_) => "Something went wrong",
        }
    }

    fn log(&self) {
        match self {
            Self::Unavailable(e) => tracing::error!(error = %Chain(e), "database unavailable"),
            Self::Internal(e) => tracing::error!(error = %Chain(e.as_ref()), "internal error"),
            Self::PaymentProvider(e) => tracing::warn!(error = %Chain(e.as_ref()), "payment provider refused"),
            _ => {}
        }
    }
}

/// What we were doing when a call failed, in front of its cause.
#[derive(Debug, thiserror::Error)]
#[error("{doing}")]
struct Context {
    doing: &'static str,
    #[source]
    source: Cause,
}

/// An error and all its sources, `a: b: c`, for the log.
pub struct Chain<'a>(pub &'a (dyn StdError + 'static));

impl std::fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)?;
        let mut next = self.0.source();
        while let Some(e) = next {
            write!(f, ": {e}")?;
            next = e.source();
        }
        Ok(())
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

impl From<Overflow> for AppError {
    fn from(_: Overflow) -> Self {
        Self::bad_request_general("An amount came out too large to record. Check the figures entered.")
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
            E::DatabaseError(_, ref info) if refuses_text(info.message()) => Self::bad_request_general(
                "The text contains a character that cannot be stored (a NUL byte). Remove it and try again.",
            ),
            other => Self::internal_in("query failed", other),
        }
    }
}

/// PostgreSQL's refusal of a NUL byte or of bytes that are not text (SQLSTATE 22021, 22P05).
fn refuses_text(message: &str) -> bool {
    message.contains("invalid byte sequence for encoding") || message.contains("unsupported Unicode escape sequence")
}

/// What `web::error_pages` needs to answer an error in the route's format: recorded on the
/// response by `AppError::error_response` (and by the few responses built outside handlers).
#[derive(Debug, Clone)]
pub struct ErrorReport {
    pub code: &'static str,
    pub heading: &'static str,
    pub message: String,
    /// Messages by field (empty when the error is not about input).
    pub fields: BTreeMap<String, String>,
    /// For pages: where a browser is sent instead (sign-in, second factor).
    pub redirect: Option<&'static str>,
}

impl ErrorReport {
    /// A report for a status (errors raised outside handlers: no route, wrong method).
    pub fn for_status(status: StatusCode) -> Self {
        let err = match status {
            StatusCode::NOT_FOUND => AppError::NotFound,
            s if s.is_server_error() => AppError::internal("an error outside the handlers"),
            _ => {
                return Self {
                    code: match status {
                        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
                        StatusCode::PAYLOAD_TOO_LARGE => "too_large",
                        _ => "bad_request",
                    },
                    heading: "That request was not quite right",
                    message: status.canonical_reason().unwrap_or("Bad request").to_string(),
                    fields: BTreeMap::new(),
                    redirect: None,
                }
            }
        };
        err.report()
    }

    /// A report with a message and a heading of one's own (an upload refused by a limit).
    pub fn message(status: StatusCode, heading: &'static str, message: String) -> Self {
        Self { heading, message, ..Self::for_status(status) }
    }
}

impl AppError {
    fn report(&self) -> ErrorReport {
        ErrorReport {
            code: self.code(),
            heading: self.heading(),
            message: self.public_message(),
            fields: self.fields().map(|f| f.0.clone()).unwrap_or_default(),
            redirect: match self {
                Self::Unauthenticated => Some("/admin/login"),
                Self::SecondFactorPending => Some("/admin/mfa"),
                _ => None,
            },
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Invalid(_) => StatusCode::BAD_REQUEST,
            Self::Unprocessable { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Conflict { .. } => StatusCode::CONFLICT,
            Self::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Unauthenticated | Self::SecondFactorPending | Self::TokenExpired => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::PaymentProvider(_) => StatusCode::BAD_GATEWAY,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A plain-text answer carrying its `ErrorReport`; `web::error_pages` turns it into the
    /// route's format. A 503 tells clients (and load balancers) when to try again.
    fn error_response(&self) -> HttpResponse {
        self.log();
        let report = self.report();
        let mut res = HttpResponse::build(self.status_code());
        res.content_type("text/plain; charset=utf-8");
        if matches!(self, Self::Unavailable(_)) {
            res.insert_header((actix_web::http::header::RETRY_AFTER, "5"));
        }
        let mut res = res.body(report.message.clone());
        res.extensions_mut().insert(report);
        res
    }
}

/// The JSON error body under `/api/`, described for the OpenAPI document (documentation only:
/// the wire format is written by `web::error_pages`).
#[derive(utoipa::ToSchema)]
pub struct ApiErrorBody {
    pub error: ApiErrorDetail,
}

/// One error: a stable `code` for programs, a `message` for people, the query or body `field`
/// at fault when there is one, and `fields` (a message per field) when the input had mistakes.
#[derive(utoipa::ToSchema)]
pub struct ApiErrorDetail {
    /// e.g. invalid_parameter, invalid_piece, invalid_status, not_found, unauthenticated,
    /// token_expired, forbidden, rate_limited, unavailable, internal_error
    pub code: String,
    pub message: String,
    pub field: Option<String>,
    #[schema(value_type = Option<std::collections::BTreeMap<String, String>>)]
    pub fields: Option<BTreeMap<String, String>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_internal_error_keeps_its_cause_and_the_log_shows_the_whole_chain() {
        let io = std::io::Error::other("disk full");
        let err = AppError::internal_in("writing the statement", io);
        let source = StdError::source(&err).expect("the cause is kept as the source");
        assert_eq!(source.to_string(), "writing the statement");
        assert_eq!(Chain(&err).to_string(), "internal error: writing the statement: disk full");
        // What the person sees says nothing of it.
        assert!(!err.public_message().contains("disk"));
    }

    #[test]
    fn a_query_failure_is_internal_with_the_database_error_in_the_chain() {
        let err = AppError::from(diesel::result::Error::RollbackTransaction);
        assert_eq!(err.code(), "internal_error");
        assert!(Chain(&err).to_string().starts_with("internal error: query failed: "), "{}", Chain(&err));
    }

    #[test]
    fn field_errors_are_invalid_with_every_message_and_the_first_shown() {
        let mut fields = FieldErrors::default();
        fields.add("price", "the price must be more than zero");
        fields.add("title", "a title is needed");
        let err = AppError::Invalid(fields);
        assert_eq!(err.status_code(), StatusCode::BAD_REQUEST);
        assert_eq!(err.code(), "invalid_parameter");
        assert_eq!(err.fields().map(|f| f.0.len()), Some(2));
        assert_eq!(err.public_message(), "the price must be more than zero");
    }

    #[test]
    fn refusals_carry_their_status_and_stable_code() {
        assert_eq!(AppError::conflict("just_sold", "Just sold").status_code(), StatusCode::CONFLICT);
        assert_eq!(AppError::conflict("just_sold", "Just sold").code(), "just_sold");
        let unprocessable = AppError::Unprocessable { code: "invalid_piece", fields: FieldErrors::one("sku", "x") };
        assert_eq!(unprocessable.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(AppError::TooMany("wait".into()).status_code(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(AppError::Unauthenticated.status_code(), StatusCode::UNAUTHORIZED, "pages turn it into a redirect");
    }

    #[test]
    fn a_unique_violation_is_recognised_through_the_chain() {
        #[derive(Debug)]
        struct Info;
        impl diesel::result::DatabaseErrorInformation for Info {
            fn message(&self) -> &str {
                "UNIQUE constraint failed"
            }
            fn details(&self) -> Option<&str> {
                None
            }
            fn hint(&self) -> Option<&str> {
                None
            }
            fn table_name(&self) -> Option<&str> {
                None
            }
            fn column_name(&self) -> Option<&str> {
                None
            }
            fn constraint_name(&self) -> Option<&str> {
                None
            }
            fn statement_position(&self) -> Option<i32> {
                None
            }
        }
        let unique =
            diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, Box::new(Info));
        assert!(AppError::from(unique).is_unique_violation());
        assert!(!AppError::internal("something else").is_unique_violation());
    }
}
