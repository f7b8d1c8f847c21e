//! `POST /currency`: the header's currency switcher. Remembers the choice in the `currency`
//! cookie (a display preference, a year) and sends the visitor back to the page they were on;
//! works without a script. A currency that cannot be offered today is still remembered: the
//! pages show the base currency until it can be (`presentment::for_page`).

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::error::AppError;
use crate::money::Currency;
use crate::state::AppState;
use crate::web::currency::COOKIE;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/currency", web::post().to(choose));
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CurrencyForm {
    currency: String,
    /// The page to go back to: a path on this site, else the home page.
    back: String,
}

/// Only a path of this site (never `//host` or a scheme) is followed back.
fn local_path(back: &str) -> &str {
    let b = back.trim();
    if b.starts_with('/') && !b.starts_with("//") && !b.starts_with("/\\") && !b.chars().any(|c| c.is_control()) {
        b
    } else {
        "/"
    }
}

pub async fn choose(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<CurrencyForm>,
) -> Result<HttpResponse, AppError> {
    // A display preference, but still only from our own pages (the rule of the public forms).
    if !crate::web::origin::is_same_origin(
        req.method(),
        req.headers(),
        &req.connection_info(),
        &state.settings.base_url,
    ) {
        return Err(AppError::Forbidden("This request did not come from this site.".into()));
    }
    let form = form.into_inner();
    let currency = Currency::parse(&form.currency)
        .ok_or_else(|| AppError::bad_request("currency", "Choose one of the currencies listed."))?;
    let cookie = Cookie::build(COOKIE, currency.code())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(!state.settings.is_development())
        .max_age(actix_web::cookie::time::Duration::days(365))
        .finish();
    let mut res =
        HttpResponse::SeeOther().insert_header((header::LOCATION, local_path(&form.back).to_string())).finish();
    res.add_cookie(&cookie).map_err(AppError::internal)?;
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn goes_back_only_to_this_site() {
        assert_eq!(local_path("/pieces?metal=gold"), "/pieces?metal=gold");
        assert_eq!(local_path("//evil.example/"), "/");
        assert_eq!(local_path("https://evil.example/"), "/");
        assert_eq!(local_path("/\\evil.example"), "/");
        assert_eq!(local_path(""), "/");
    }
}
