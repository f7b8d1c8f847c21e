//! Where messages go: `file` (the development default) writes each message as an `.eml` file in
//! `mail.dir`; `smtp` sends through `mail.smtp_url` with lettre (`smtps://host:465` for TLS from
//! the first byte, `smtp://host:587?tls=required` for STARTTLS, plain `smtp://` in development
//! (a loopback server in tests) or, in production, only to a relay on this machine). The
//! message itself (headers, the text and HTML alternatives) is built here too.

use lettre::message::header::ContentType;
use lettre::message::{Attachment as LettreAttachment, Mailbox, MultiPart};
use lettre::transport::smtp::Error as SmtpError;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::{Attachment, Rendered};
use crate::config::Settings;

/// Why a message was not delivered. `permanent` failures (an address that cannot be parsed, a
/// 5xx answer from the server) are not retried: the same message would fail the same way.
#[derive(Debug, Clone)]
pub struct SendError {
    pub message: String,
    pub permanent: bool,
}

impl SendError {
    fn transient(message: impl Into<String>) -> Self {
        Self { message: message.into(), permanent: false }
    }
    fn permanent(message: impl Into<String>) -> Self {
        Self { message: message.into(), permanent: true }
    }
}

#[derive(Clone)]
pub enum Mailer {
    File(AsyncFileTransport<Tokio1Executor>),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::File(_) => f.write_str("Mailer::File"),
            Self::Smtp(_) => f.write_str("Mailer::Smtp"),
        }
    }
}

/// A transport plus the sender address every message carries, and the domain of its
/// Message-IDs (the base URL's host: the shop's own name, never this machine's).
#[derive(Clone, Debug)]
pub struct Outgoing {
    pub mailer: Mailer,
    pub from: Mailbox,
    pub domain: String,
}

impl Outgoing {
    /// Builds the transport the settings name. Refuses unknown transports, a missing or
    /// unreadable SMTP URL, and in production an SMTP URL without TLS.
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        let mail = &settings.mail;
        let from: Mailbox = mail
            .from
            .parse()
            .map_err(|e| anyhow::anyhow!("FAIRGOLD_MAIL__FROM `{}` is not an email address: {e}", mail.from))?;
        let mailer = match mail.transport.as_str() {
            "file" => {
                std::fs::create_dir_all(&mail.dir)
                    .map_err(|e| anyhow::anyhow!("cannot create the mail folder {}: {e}", mail.dir.display()))?;
                Mailer::File(AsyncFileTransport::new(&mail.dir))
            }
            "smtp" => {
                let url = mail.smtp_url.as_deref().filter(|u| !u.trim().is_empty()).ok_or_else(|| {
                    anyhow::anyhow!("FAIRGOLD_MAIL__SMTP_URL is required with the smtp transport (e.g. smtps://user:pass@mail.example:465)")
                })?;
                if !settings.is_development() && !uses_tls(url) && !is_loopback(url) {
                    anyhow::bail!(
                        "FAIRGOLD_MAIL__SMTP_URL must use TLS outside development: smtps://… or smtp://…?tls=required \
                         (plain smtp:// only to a relay on this machine, 127.0.0.1 or localhost)"
                    );
                }
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| anyhow::anyhow!("FAIRGOLD_MAIL__SMTP_URL cannot be used: {e}"))?
                    .timeout(Some(std::time::Duration::from_secs(30)))
                    .build();
                Mailer::Smtp(transport)
            }
            other => anyhow::bail!("FAIRGOLD_MAIL__TRANSPORT `{other}` is not known (use file or smtp)"),
        };
        let domain = url::Url::parse(&settings.base_url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .ok_or_else(|| anyhow::anyhow!("the base URL {} names no host", settings.base_url))?;
        Ok(Self { mailer, from, domain })
    }

    /// The Message-ID of a message whose local part is `local` (`email::message_id_local`).
    pub fn message_id(&self, local: &str) -> String {
        format!("<{local}@{}>", self.domain)
    }

    /// Builds the message (plain text and HTML as alternatives, the Message-ID `<{local}@{domain}>`)
    /// and hands it to the transport.
    pub async fn send(&self, to: &str, message_id_local: &str, rendered: Rendered) -> Result<(), SendError> {
        let to: Mailbox =
            to.parse().map_err(|e| SendError::permanent(format!("the address `{to}` cannot be used: {e}")))?;
        let message = Message::builder()
            .message_id(Some(self.message_id(message_id_local)))
            .from(self.from.clone())
            .to(to)
            .subject(rendered.subject)
            .multipart(body(rendered.text, rendered.html, rendered.attachments)?)
            .map_err(|e| SendError::permanent(format!("the message could not be built: {e}")))?;
        match &self.mailer {
            Mailer::File(t) => t
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| SendError::transient(format!("could not write the message file: {e}"))),
            Mailer::Smtp(t) => t.send(message).await.map(|_| ()).map_err(|e| smtp_error(&e)),
        }
    }
}

/// Plain text and HTML as alternatives; with attachments, those inside a `multipart/mixed`.
fn body(text: String, html: String, attachments: Vec<Attachment>) -> Result<MultiPart, SendError> {
    let alternative = MultiPart::alternative_plain_html(text, html);
    if attachments.is_empty() {
        return Ok(alternative);
    }
    let mut mixed = MultiPart::mixed().multipart(alternative);
    for a in attachments {
        let content_type = ContentType::parse(&a.content_type)
            .map_err(|e| SendError::permanent(format!("attachment type `{}`: {e}", a.content_type)))?;
        mixed = mixed.singlepart(LettreAttachment::new(a.filename).body(a.body, content_type));
    }
    Ok(mixed)
}

/// `smtps://`, or `smtp://` with `tls=required` (STARTTLS that must succeed).
fn uses_tls(url: &str) -> bool {
    match url::Url::parse(url) {
        Ok(u) => {
            u.scheme() == "smtps"
                || (u.scheme() == "smtp" && u.query_pairs().any(|(k, v)| k == "tls" && v == "required"))
        }
        Err(_) => false,
    }
}

/// A relay on this machine (a local MTA that sends onward with TLS): the message never
/// crosses a network, so plain SMTP to it is allowed in production too.
fn is_loopback(url: &str) -> bool {
    match url::Url::parse(url).ok().and_then(|u| u.host().map(|h| h.to_owned())) {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        // `smtp:` is not a special scheme to the URL parser: its IPv4 hosts come back as names.
        Some(url::Host::Domain(d)) => {
            d.eq_ignore_ascii_case("localhost")
                || d.trim_matches(['[', ']']).parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
        }
        None => false,
    }
}

fn smtp_error(e: &SmtpError) -> SendError {
    let mut message = format!("SMTP: {e}");
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        message.push_str(&format!(": {s}"));
        src = s.source();
    }
    SendError { message, permanent: e.is_permanent() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tls_is_recognised_in_smtp_urls() {
        assert!(uses_tls("smtps://u:p@mail.example:465"));
        assert!(uses_tls("smtp://mail.example:587?tls=required"));
        assert!(!uses_tls("smtp://mail.example:587?tls=opportunistic"));
        assert!(!uses_tls("smtp://127.0.0.1:2525"));
        assert!(!uses_tls("not a url"));
        assert!(is_loopback("smtp://127.0.0.1:25") && is_loopback("smtp://localhost:25"));
        assert!(is_loopback("smtp://[::1]:25"));
        assert!(!is_loopback("smtp://mail.example:25") && !is_loopback("smtp://10.0.0.5:25"));
    }

    #[test]
    fn production_refuses_plain_smtp() {
        let key = "Zq7vN2xW9pL4rT8sK1mB6cY3hJ5dF0gA+uE/iO";
        let base = [
            ("env", "production"),
            ("secret_key", key),
            ("base_url", "https://shop.example"),
            ("stripe_secret_key", "sk_test_x"),
            ("stripe_webhook_secret", "whsec_x"),
            ("invoice.seller_name", "Fairgold Artisan Cooperative"),
            ("invoice.gstin", "19AAACF1234K1ZR"),
            ("invoice.registered_office", "4 Park Street, Kolkata 700016, West Bengal"),
            ("invoice.lut_number", "AD190326001234X"),
            ("mail.transport", "smtp"),
        ];
        let plain = Settings::from_overrides(&[&base[..], &[("mail.smtp_url", "smtp://mail.example:25")]].concat())
            .expect("settings");
        let err = Outgoing::from_settings(&plain).unwrap_err().to_string();
        assert!(err.contains("must use TLS"), "{err}");
        let tls = Settings::from_overrides(&[&base[..], &[("mail.smtp_url", "smtps://u:p@mail.example:465")]].concat())
            .expect("settings");
        assert!(matches!(Outgoing::from_settings(&tls).unwrap().mailer, Mailer::Smtp(_)));
    }
}
