//! Who is asking: the extractors every back-office handler starts from. They fail closed:
//! no valid session → sign in; second factor pending → finish it; role or center not allowed
//! → 403 (logged). `AdminForm` also checks the session's CSRF token.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use serde::de::DeserializeOwned;

use super::session::{self, SessionRow};
use crate::audit::Actor;
use crate::crypto;
use crate::db;
use crate::error::AppError;
use crate::i18n::{self, Lang};
use crate::staff::{Role, StaffRow};
use crate::state::AppState;

/// A signed-in staff member whose session has passed any second factor it needs.
#[derive(Debug, Clone)]
pub struct CurrentStaff {
    pub staff: StaffRow,
    pub role: Role,
    pub session: SessionRow,
    pub ip: Option<String>,
    /// The language their pages are in (`i18n::staff_language`: their choice, else the
    /// browser's, else English).
    pub lang: Lang,
    /// The zone their pages show times in (`i18n::time::staff_zone`: their choice, else their
    /// center's, else the shop's).
    pub tz: chrono_tz::Tz,
}

/// A signed-in staff member who may still owe a second factor (only the TOTP pages take this).
#[derive(Debug, Clone)]
pub struct PendingStaff(pub CurrentStaff);

impl crate::web::templates::Viewer for CurrentStaff {
    fn me(&self) -> crate::web::templates::Me<'_> {
        crate::web::templates::Me {
            email: &self.staff.email,
            name: &self.staff.display_name,
            role: self.role.code(),
            role_label: self.role.label(),
            center_id: self.staff.center_id,
            totp_enabled: self.staff.totp_enabled,
        }
    }

    fn csrf_token(&self) -> &str {
        &self.session.csrf_token
    }

    fn lang(&self) -> Lang {
        self.lang
    }

    fn time_zone(&self) -> chrono_tz::Tz {
        self.tz
    }
}

impl CurrentStaff {
    pub fn actor(&self) -> Actor {
        Actor::staff(self.staff.id, &self.staff.email).with_ip(self.ip.clone())
    }

    /// 403 unless the staff member has one of `roles`.
    pub fn require(&self, roles: &[Role]) -> Result<(), AppError> {
        if roles.contains(&self.role) {
            Ok(())
        } else {
            Err(self.deny(format!("role {} may not do this", self.role.code())))
        }
    }

    /// Finance and admin act for every center; a manager only for their own (`Scope`).
    pub fn can_act_for(&self, center_id: i64) -> bool {
        self.scope().allows(center_id)
    }

    /// This staff member's scope for a service call.
    pub fn scope(&self) -> super::Scope {
        super::Scope::from(self)
    }

    /// 403 (and a log line) unless `can_act_for(center_id)`.
    pub fn require_center(&self, center_id: i64) -> Result<(), AppError> {
        if self.can_act_for(center_id) {
            Ok(())
        } else {
            Err(self.deny(format!("center {center_id} belongs to another manager")))
        }
    }

    /// The center a manager is bound to; `None` for finance and admin (all centers).
    pub fn center_scope(&self) -> Option<i64> {
        match self.role {
            Role::Manager => self.staff.center_id,
            _ => None,
        }
    }

    pub fn deny(&self, why: String) -> AppError {
        tracing::warn!(staff_id = self.staff.id, email = %self.staff.email, reason = %why, "access denied");
        AppError::Forbidden("You do not have permission to do that.".into())
    }
}

/// The real client's address: the socket's peer, or behind a proxy the settings trust
/// (`trusted_proxies`), the client it reports in `X-Forwarded-For` (`web::client`). A header
/// from anyone else is ignored, so a client cannot choose the address it is throttled by.
pub fn client_ip(req: &HttpRequest) -> Option<String> {
    let state = req.app_data::<web::Data<AppState>>()?;
    crate::web::client::address(req, &state.settings.trusted_proxies).map(|ip| ip.to_string())
}

async fn load(req: &HttpRequest) -> Result<(CurrentStaff, bool), AppError> {
    let state = req.app_data::<web::Data<AppState>>().cloned().ok_or_else(|| AppError::internal("no app state"))?;
    let raw = req.cookie(session::COOKIE).map(|c| c.value().to_string()).ok_or(AppError::Unauthenticated)?;
    let now = chrono::Utc::now().naive_utc();
    let found = db::run(&state.pool, move |conn| -> Result<_, AppError> {
        let Some((session, staff)) = session::load(conn, &raw, now)? else { return Ok(None) };
        // The center's zone is read only when the staff member chose none.
        let center_zone = match (&staff.time_zone, staff.center_id) {
            (None, Some(center)) => crate::centers::time_zone_of(conn, center)?,
            _ => None,
        };
        Ok(Some((session, staff, center_zone)))
    })
    .await?;
    let (session, staff, center_zone) = found.ok_or(AppError::Unauthenticated)?;
    let role = staff.role;
    let mfa_ok = session.mfa_passed;
    let accept_language = req.headers().get(actix_web::http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    let lang = i18n::staff_language(staff.language, accept_language);
    let tz = i18n::time::staff_zone(staff.time_zone.as_deref(), center_zone.as_deref());
    Ok((CurrentStaff { staff, role, session, ip: client_ip(req), lang, tz }, mfa_ok))
}

impl FromRequest for CurrentStaff {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let (staff, mfa_ok) = load(&req).await?;
            if !mfa_ok {
                return Err(AppError::SecondFactorPending);
            }
            // The one permission table decides what this role may do at this route.
            if !super::permissions::permits(staff.role, req.method(), req.match_pattern().as_deref()) {
                return Err(staff.deny(format!(
                    "role {} may not use {} {}",
                    staff.role.code(),
                    req.method(),
                    req.path()
                )));
            }
            Ok(staff)
        })
    }
}

impl FromRequest for PendingStaff {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { Ok(PendingStaff(load(&req).await?.0)) })
    }
}

/// A urlencoded form posted by a signed-in staff member, with a valid CSRF token (the field
/// `csrf_token`, bound to the session). `S` is `CurrentStaff` or `PendingStaff`.
pub struct AdminForm<T, S = CurrentStaff> {
    pub staff: S,
    pub form: T,
}

pub trait HasSession {
    fn session(&self) -> &SessionRow;
}
impl HasSession for CurrentStaff {
    fn session(&self) -> &SessionRow {
        &self.session
    }
}
impl HasSession for PendingStaff {
    fn session(&self) -> &SessionRow {
        &self.0.session
    }
}

/// Rejects a state-changing request unless its CSRF token matches the session's.
pub fn check_csrf(session: &SessionRow, submitted: Option<&str>) -> Result<(), AppError> {
    match submitted {
        Some(t) if crypto::constant_time_eq(t, &session.csrf_token) => Ok(()),
        _ => Err(AppError::Forbidden(
            "This form has expired or did not come from this site. Go back, reload the page and try again.".into(),
        )),
    }
}

const FORM_LIMIT: usize = 256 * 1024;

impl<T, S> FromRequest for AdminForm<T, S>
where
    T: DeserializeOwned + 'static,
    S: FromRequest<Error = AppError> + HasSession + 'static,
{
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let staff_fut = S::from_request(&req, &mut Payload::None);
        let body_fut = web::Bytes::from_request(&req, payload);
        Box::pin(async move {
            let staff = staff_fut.await?;
            let body = body_fut.await.map_err(|_| AppError::bad_request_general("The form could not be read."))?;
            if body.len() > FORM_LIMIT {
                return Err(AppError::bad_request_general("The form is too large."));
            }
            let token =
                url::form_urlencoded::parse(&body).find(|(k, _)| k == "csrf_token").map(|(_, v)| v.into_owned());
            check_csrf(staff.session(), token.as_deref())?;
            let form = serde_urlencoded::from_bytes::<T>(&body)
                .map_err(|e| AppError::bad_request_general(format!("The form could not be read: {e}")))?;
            Ok(AdminForm { staff, form })
        })
    }
}
