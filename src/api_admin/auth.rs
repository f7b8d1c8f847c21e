//! `ApiStaff`: who is calling the admin API, from `Authorization: Bearer <token>`. The token
//! acts exactly as its owner would in the back office: same role, same center, same checks.
//! No cookies are involved, so there is no CSRF token to check.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};

use super::tokens;
use crate::audit::Actor;
use crate::auth::extract::client_ip;
use crate::auth::Scope;
use crate::db;
use crate::error::AppError;
use crate::staff::{Role, StaffRow};
use crate::state::AppState;

/// Longer than any token we issue: anything longer is not worth hashing.
const MAX_TOKEN_LEN: usize = 200;

#[derive(Debug, Clone)]
pub struct ApiStaff {
    pub staff: StaffRow,
    pub role: Role,
    pub token_id: i64,
    pub scope: tokens::TokenScope,
    pub ip: Option<String>,
}

impl ApiStaff {
    pub fn actor(&self) -> Actor {
        Actor::staff(self.staff.id, &self.staff.email).with_ip(self.ip.clone())
    }

    pub fn editor(&self) -> Scope {
        Scope { actor: self.actor(), center_scope: self.center_scope() }
    }

    /// The center a manager is bound to; `None` for finance and admin (all centers).
    pub fn center_scope(&self) -> Option<i64> {
        match self.role {
            Role::Manager => self.staff.center_id,
            _ => None,
        }
    }

    /// 403 unless the token's owner has one of `roles`.
    pub fn require(&self, roles: &[Role]) -> Result<(), AppError> {
        if roles.contains(&self.role) {
            Ok(())
        } else {
            Err(self.deny(format!("role {} may not do this", self.role.code())))
        }
    }

    /// 403 unless the owner acts for every center or is this center's manager.
    pub fn require_center(&self, center_id: i64) -> Result<(), AppError> {
        match self.center_scope() {
            Some(own) if own != center_id => Err(self.deny(format!("center {center_id} belongs to another manager"))),
            _ => Ok(()),
        }
    }

    pub fn deny(&self, why: String) -> AppError {
        tracing::warn!(
            staff_id = self.staff.id, email = %self.staff.email, token_id = self.token_id, reason = %why,
            "API access denied"
        );
        AppError::Forbidden("Your account does not have permission to do that.".into())
    }
}

/// The token from `Authorization: Bearer <token>` (the scheme in any case), if well-formed.
fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty() && token.len() <= MAX_TOKEN_LEN)
        .then(|| token.to_string())
}

impl FromRequest for ApiStaff {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let state =
                req.app_data::<web::Data<AppState>>().cloned().ok_or_else(|| AppError::internal("no app state"))?;
            let raw = bearer(&req).ok_or(AppError::Unauthenticated)?;
            let now = chrono::Utc::now().naive_utc();
            let found =
                db::run(&state.pool, move |conn| tokens::authenticate(conn, &raw, now).map_err(AppError::from)).await?;
            let (token, staff) = match found {
                tokens::Authenticated::Live(found) => *found,
                tokens::Authenticated::Expired => return Err(AppError::TokenExpired),
                tokens::Authenticated::Refused => return Err(AppError::Unauthenticated),
            };
            // An unknown role fails closed, as in the back office.
            let role = staff.role;
            let me = ApiStaff { staff, role, token_id: token.id, scope: token.scope, ip: client_ip(&req) };
            // A read-only token reads, whatever its owner's role could do.
            if !token.scope.allows(req.method()) {
                tracing::warn!(staff_id = me.staff.id, token_id = token.id, method = %req.method(), "read-only API token used to write");
                return Err(AppError::Forbidden(
                    "This token is read-only. Make a read-and-write token to change things.".into(),
                ));
            }
            // The same permission table as the back office.
            if !crate::auth::permissions::permits(role, req.method(), req.match_pattern().as_deref()) {
                return Err(me.deny(format!("role {} may not use {} {}", role.code(), req.method(), req.path())));
            }
            Ok(me)
        })
    }
}
