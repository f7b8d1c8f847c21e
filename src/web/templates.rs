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
    nav: &'a str,
}

#[derive(Serialize, Clone)]
struct AssetUrls {
    css: String,
    admin_css: String,
    favicon: String,
}

/// The signed-in staff member, as the admin layout shows them.
#[derive(Serialize)]
struct Me<'a> {
    email: &'a str,
    name: &'a str,
    role: &'a str,
    role_label: &'a str,
    center_id: Option<i64>,
    totp_enabled: bool,
}

pub struct Templates {
    tera: Tera,
    shop: ShopSettings,
    assets: AssetUrls,
    base_url: String,
}

impl Templates {
    pub fn load(settings: &Settings, assets: &Assets) -> Result<Self, tera::Error> {
        let mut tera = Tera::default();
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
            shop: settings.shop.clone(),
            assets: AssetUrls {
                css: assets.url("css/site.css"),
                admin_css: assets.url("css/admin.css"),
                favicon: assets.url("favicon.svg"),
            },
            base_url: settings.base_url.clone(),
        })
    }

    /// A back-office page: the admin layout, the staff member and their CSRF token.
    pub fn render_admin(
        &self,
        template: &str,
        title: &str,
        me: Option<&crate::auth::CurrentStaff>,
        mut ctx: Context,
    ) -> Result<String, AppError> {
        if let Some(me) = me {
            ctx.insert(
                "me",
                &Me {
                    email: &me.staff.email,
                    name: &me.staff.display_name,
                    role: me.role.code(),
                    role_label: me.role.label(),
                    center_id: me.staff.center_id,
                    totp_enabled: me.staff.totp_enabled,
                },
            );
            ctx.insert("csrf_token", me.csrf_token());
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
        ctx.insert(
            "page",
            &PageView {
                title: &meta.title,
                description: &meta.description,
                canonical: format!("{}{}", self.base_url, meta.path),
                nav: meta.nav,
            },
        );
        self.tera.render(template, &ctx).map_err(|e| {
            // Tera's useful detail is in the source chain.
            let mut msg = e.to_string();
            let mut src = std::error::Error::source(&e);
            while let Some(s) = src {
                msg.push_str(&format!(": {s}"));
                src = s.source();
            }
            AppError::Internal(format!("template {template}: {msg}"))
        })
    }
}
