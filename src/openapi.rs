//! The OpenAPI 3 document of the JSON APIs, generated from the handlers' `#[utoipa::path]`
//! annotations and the response types (so it cannot drift from the code), served at
//! `GET /api/openapi.json`. Admin paths carry the `bearer` security scheme (API tokens).

use std::sync::OnceLock;

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::api_admin::pieces as admin_pieces;
use crate::catalog::api as catalog_api;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "fairgold API",
        description = "The public catalog (read-only, no authentication) and the admin inventory API \
                       (a staff member's API token, made under /admin/tokens, as `Authorization: Bearer fg_…`). \
                       Errors are `{\"error\": {\"code\", \"message\", \"field\"?}}`; validation errors add \
                       `fields` with a message per input field. Money is integer minor units plus a currency."
    ),
    paths(
        catalog_api::list,
        catalog_api::show,
        crate::impact::handlers::api,
        admin_pieces::list,
        admin_pieces::show,
        admin_pieces::create,
        admin_pieces::update,
        admin_pieces::publish,
        admin_pieces::withdraw,
    ),
    components(schemas(crate::error::ApiErrorBody)),
    modifiers(&BearerScheme),
    tags(
        (name = "catalog", description = "Public pieces, as on the storefront"),
        (name = "impact", description = "What artisans earned, from closed months, as on /impact"),
        (name = "admin", description = "Inventory for staff programs; acts with the token owner's role and center"),
    )
)]
pub struct ApiDoc;

/// Declares the `bearer` scheme the admin paths name in their `security`.
struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("fg_<prefix>_<secret>")
                    .description(Some("A staff member's API token from /admin/tokens"))
                    .build(),
            ),
        );
    }
}

/// The document as JSON, built once.
pub fn document() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| {
        ApiDoc::openapi().to_pretty_json().unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string())
    })
}

async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .body(document())
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/api/openapi.json", web::get().to(openapi_json));
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_document_is_json_with_every_path() {
        let doc: serde_json::Value = serde_json::from_str(super::document()).unwrap();
        assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
        for path in ["/api/v1/pieces", "/api/v1/pieces/{key}", "/api/admin/v1/pieces/{id}/withdraw"] {
            assert!(doc["paths"].get(path).is_some(), "{path} missing");
        }
    }
}
