//! The admin API's errors: everything `ApiError` answers (`{"error": {code, message, field?}}`),
//! plus a 401 that tells a program how to authenticate, and validation errors with a message
//! per field (422 `invalid_piece`, 409 `invalid_status` for a status change that cannot happen).

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

use crate::db::DbError;
use crate::error::{ApiError, AppError};
use crate::inventory::InventoryError;
use crate::web::form::FieldErrors;

#[derive(Debug, thiserror::Error)]
pub enum AdminApiError {
    /// No token, or one that is unknown, revoked, or belongs to a disabled account.
    #[error("no valid API token")]
    Unauthenticated,
    /// Input that parsed but is not acceptable, with a message per field.
    #[error("{message}")]
    Invalid { status: StatusCode, code: &'static str, message: String, fields: FieldErrors },
    #[error(transparent)]
    Api(#[from] ApiError),
}

impl From<AppError> for AdminApiError {
    fn from(e: AppError) -> Self {
        Self::Api(ApiError(e))
    }
}

impl AdminApiError {
    pub fn invalid_piece(fields: FieldErrors) -> Self {
        Self::Invalid {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: "invalid_piece",
            message: "The piece has errors; see `fields` for what to fix.".into(),
            fields,
        }
    }

    pub fn invalid_status(fields: FieldErrors) -> Self {
        let message = fields.0.values().next().cloned().unwrap_or_else(|| "That status change is not possible.".into());
        Self::Invalid { status: StatusCode::CONFLICT, code: "invalid_status", message, fields }
    }

    pub fn bad_request(field: &'static str, message: impl Into<String>) -> Self {
        AppError::bad_request(field, message).into()
    }
}

impl From<DbError> for AdminApiError {
    fn from(e: DbError) -> Self {
        AppError::from(e).into()
    }
}

impl From<diesel::result::Error> for AdminApiError {
    fn from(e: diesel::result::Error) -> Self {
        AppError::from(e).into()
    }
}

impl From<InventoryError> for AdminApiError {
    fn from(e: InventoryError) -> Self {
        match e {
            InventoryError::Invalid(fields) => Self::invalid_piece(fields),
            InventoryError::App(e) => e.into(),
        }
    }
}

/// `{"error": {"code", "message", "fields"}}`, the body of a 422 (documented in OpenAPI).
#[derive(Serialize, utoipa::ToSchema)]
pub struct ValidationErrorBody {
    pub error: ValidationErrorDetail,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ValidationErrorDetail {
    /// invalid_piece (422) or invalid_status (409)
    pub code: String,
    pub message: String,
    /// A message per input field, e.g. `{"price": "the price must be more than zero"}`.
    #[schema(value_type = std::collections::BTreeMap<String, String>)]
    pub fields: std::collections::BTreeMap<String, String>,
}

impl ResponseError for AdminApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Unauthenticated => StatusCode::UNAUTHORIZED,
            Self::Invalid { status, .. } => *status,
            Self::Api(e) => e.status_code(),
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::Unauthenticated => HttpResponse::Unauthorized()
                .insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"fairgold admin API\""))
                .json(serde_json::json!({ "error": {
                    "code": "unauthenticated",
                    "message": "Send a valid API token: `Authorization: Bearer fg_…`. Tokens are made under \
                                /admin/tokens; a revoked token or a disabled account's token no longer works.",
                }})),
            Self::Invalid { status, code, message, fields } => HttpResponse::build(*status).json(ValidationErrorBody {
                error: ValidationErrorDetail {
                    code: (*code).into(),
                    message: message.clone(),
                    fields: fields.0.clone(),
                },
            }),
            Self::Api(e) => e.error_response(),
        }
    }
}
