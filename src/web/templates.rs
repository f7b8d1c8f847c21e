//! Page rendering: the Tera templates (embedded from `templates/`) and the context every
//! page shares (shop identity, asset URLs, canonical URL).

use chrono::Datelike;
use rust_embed::RustEmbed;
use serde::Serialize;
use tera::{Context, Tera};

use super::assets::Assets;
use crate::config::{Settings, ShopSettings};
use crate::error::AppError;

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

/// Someone the back-office layout is rendered for (`auth::CurrentStaff`): who they are, and the
/// CSRF token of their session for every form on the page.
pub trait Viewer {
    fn me(&self) -> Me<'_>;
    fn csrf_token(&self) -> &str;
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

    /// A back-office page: the admin layout, the staff member and their CSRF token.
    pub fn render_admin<V: Viewer>(
        &self,
        template: &str,
        title: &str,
        viewer: Option<&V>,
        mut ctx: Context,
    ) -> Result<String, AppError> {
        if let Some(viewer) = viewer {
            ctx.insert("me", &viewer.me());
            ctx.insert("csrf_token", viewer.csrf_token());
        }
        let meta = PageMeta {
            title: format!("{title} — fairgold back office"),
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
