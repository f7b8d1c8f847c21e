//! Security headers on every response. The pages need no script at all, so the policy allows
//! none (the JSON-LD block is data, which CSP does not run); styles and images come from us only.
//!
//! `form-action` lists where a form may send the browser — and Chromium applies it to the
//! redirects that follow a form's POST too: the checkout form's 303 to Stripe's hosted payment
//! page is a navigation to that origin, so it must be listed, or the browser stays on the
//! checkout page (`Settings::form_action_origins`).

use actix_web::middleware::DefaultHeaders;

/// The Content-Security-Policy, with these origins (besides the shop itself) allowed as form
/// targets, and as the targets of the redirects that follow a form's POST.
pub fn content_security_policy(form_action: &[String]) -> String {
    let mut targets = String::from("'self'");
    for origin in form_action {
        targets.push(' ');
        targets.push_str(origin);
    }
    format!(
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; object-src 'none'; \
         base-uri 'none'; form-action {targets}; frame-ancestors 'none'"
    )
}

pub fn headers(production: bool, form_action: &[String]) -> DefaultHeaders {
    let headers = DefaultHeaders::new()
        .add(("Content-Security-Policy", content_security_policy(form_action)))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Referrer-Policy", "strict-origin-when-cross-origin"))
        .add(("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"));
    if production {
        headers.add(("Strict-Transport-Security", "max-age=63072000; includeSubDomains"))
    } else {
        headers
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_payment_page_origin_is_a_form_target() {
        let csp = content_security_policy(&["https://checkout.stripe.com".to_string()]);
        assert!(csp.contains("form-action 'self' https://checkout.stripe.com;"), "{csp}");
        assert!(content_security_policy(&[]).contains("form-action 'self';"));
    }
}
