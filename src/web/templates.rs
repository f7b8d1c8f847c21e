//! Page rendering: the Tera templates (embedded from `templates/`) and the context every
//! page shares (shop identity, asset URLs, canonical URL).

use chrono::Datelike;
use rust_embed::RustEmbed;
use serde::Serialize;
use tera::{Context, Tera};

use super::assets::Assets;
use crate::config::{Settings, ShopSettings};
use crate::error::AppError;
use crate::i18n::{self, Lang};

#[derive(RustEmbed)]
#[folder = "templates/"]
struct TemplateFiles;

/// Per-page facts for the layout: title, description, canonical path and the current nav item.
pub struct PageMeta<'a> {
    pub title: String,
    pub description: String,
    pub path: &'a str,
    pub nav: &'static str,
}

#[derive(Serialize)]
struct PageView<'a> {
    title: &'a str,
    description: &'a str,
    canonical: String,
    /// The page's own path (the currency switcher sends the visitor back to it).
    path: &'a str,
    nav: &'a str,
}

#[derive(Serialize, Clone)]
struct AssetUrls {
    css: String,
    admin_css: String,
    payslip_css: String,
    invoice_css: String,
    favicon: String,
}

/// The signed-in staff member, as the admin layout shows them.
#[derive(Serialize)]
pub struct Me<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: &'a str,
    pub role_label: &'a str,
    pub center_id: Option<i64>,
    pub totp_enabled: bool,
}

/// Someone the back-office layout is rendered for (`auth::CurrentStaff`): who they are, the
/// CSRF token of their session for every form on the page, and the language and time zone
/// their pages are shown in.
pub trait Viewer {
    fn me(&self) -> Me<'_>;
    fn csrf_token(&self) -> &str;
    /// Their choice (account page), else the browser's `Accept-Language`, else English.
    fn lang(&self) -> Lang;
    /// Their choice, else their center's `time_zone`, else the shop's (Asia/Kolkata).
    fn time_zone(&self) -> chrono_tz::Tz;
}

/// The language a page without a signed-in viewer (sign-in, setup link) is shown in: the
/// most wanted of the four in the browser's `Accept-Language`, else English. Such a handler
/// puts it in the context as `lang` (`insert_browser_lang`) before `render_admin`.
pub fn browser_lang(req: &actix_web::HttpRequest) -> Lang {
    let header = req.headers().get(actix_web::http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    crate::i18n::staff_language(None, header)
}

pub struct Templates {
    tera: Tera,
    /// The footer's sentences (and the home and About pages'), per catalog version.
    facts: std::sync::Arc<super::layout_facts::LayoutFacts>,
    /// The currencies the header's switcher lists (`web::currency::Offer`).
    offer: std::sync::Arc<super::currency::Offer>,
    shop: ShopSettings,
    /// The shop's base currency (the switcher's fallback on pages rendered without state).
    currency: crate::money::Currency,
    assets: AssetUrls,
    base_url: String,
}

impl Templates {
    pub fn load(settings: &Settings, assets: &Assets) -> Result<Self, tera::Error> {
        let mut tera = Tera::default();
        // `{{ fluent(key="…", lang=…) }}`: translated text (see `i18n`).
        tera.register_function("fluent", crate::i18n::tera::fluent);
        // `{{ t | local_time(tz=tz, lang=lang) }}`, `local_date`: stored UTC times in the
        // reader's zone and language.
        tera.register_filter("local_time", crate::i18n::tera::local_time);
        tera.register_filter("local_date", crate::i18n::tera::local_date);
        let mut files = Vec::new();
        for name in TemplateFiles::iter() {
            if let Some(file) = TemplateFiles::get(&name) {
                let text = String::from_utf8_lossy(&file.data).into_owned();
                files.push((name.to_string(), text));
            }
        }
        tera.add_raw_templates(files)?;
        Ok(Self {
            tera,
            facts: Default::default(),
            offer: Default::default(),
            shop: settings.shop.clone(),
            currency: settings.currency,
            assets: AssetUrls {
                css: assets.url("css/site.css"),
                admin_css: assets.url("css/admin.css"),
                payslip_css: assets.url("css/payslip.css"),
                invoice_css: assets.url("css/invoice.css"),
                favicon: assets.url("favicon.svg"),
            },
            base_url: settings.base_url.clone(),
        })
    }

    /// The facts every public page's layout shows (`web::layout_facts`).
    pub fn facts(&self) -> &std::sync::Arc<super::layout_facts::LayoutFacts> {
        &self.facts
    }

    /// The shop's base currency.
    pub fn base_currency(&self) -> crate::money::Currency {
        self.currency
    }

    /// The switcher's choices (`web::currency::Offer`).
    pub fn offer(&self) -> &std::sync::Arc<super::currency::Offer> {
        &self.offer
    }

    /// A back-office page: the admin layout, the staff member and their CSRF token, and for
    /// every template `lang` (a code: "bn") and `tz` (an IANA name: "Asia/Kolkata") — the
    /// viewer's, or without a viewer the `lang` the handler put in the context (the browser's,
    /// `browser_lang`), else English, and the shop's zone. `title` is already in that language.
    pub fn render_admin<V: Viewer>(
        &self,
        template: &str,
        title: &str,
        viewer: Option<&V>,
        mut ctx: Context,
    ) -> Result<String, AppError> {
        let lang = match viewer {
            Some(viewer) => {
                ctx.insert("me", &viewer.me());
                ctx.insert("csrf_token", viewer.csrf_token());
                ctx.insert("tz", viewer.time_zone().name());
                // A document in a language of its own (an artisan's pay slip) keeps it.
                ctx.get("lang").and_then(|v| v.as_str()).and_then(Lang::parse).unwrap_or_else(|| viewer.lang())
            }
            None => {
                if !ctx.contains_key("tz") {
                    ctx.insert("tz", i18n::time::SHOP_TIME_ZONE.name());
                }
                ctx.get("lang").and_then(|v| v.as_str()).and_then(Lang::parse).unwrap_or_default()
            }
        };
        ctx.insert("lang", lang.code());
        let meta = PageMeta {
            title: i18n::t_with(
                lang,
                "admin-page-title",
                &[("title", fluent_templates::fluent_bundle::FluentValue::from(title.to_string()))],
            ),
            description: String::new(),
            path: "/admin",
            nav: "",
        };
        self.render(template, &meta, ctx)
    }

    pub fn render(&self, template: &str, meta: &PageMeta<'_>, mut ctx: Context) -> Result<String, AppError> {
        ctx.insert("site", &self.shop);
        ctx.insert("assets", &self.assets);
        ctx.insert("year", &chrono::Utc::now().year());
        ctx.insert("claims", &*self.facts.get());
        ctx.insert(
            "page",
            &PageView {
                title: &meta.title,
                description: &meta.description,
                canonical: format!("{}{}", self.base_url, meta.path),
                path: meta.path,
                nav: meta.nav,
            },
        );
        // Tera's useful detail is in the source chain, which the log shows.
        self.tera.render(template, &ctx).map_err(|e| AppError::internal_in("rendering a template", e))
    }
}
