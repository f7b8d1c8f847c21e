//! Artisan rows. Public and private data live in separate tables and separate types:
//! `PublicArtisan` is what every public page and API response is built from, and it has no
//! field that could hold a legal name, a phone number or payout details.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;

use crate::schema::{artisan_private, artisans};

/// The public face of an artisan, with consent already applied: `story` and `photo_path` are
/// `None` unless the artisan consented to each being shown.
#[derive(Debug, Clone, Serialize)]
pub struct PublicArtisan {
    pub id: i64,
    pub public_id: String,
    pub center_id: i64,
    pub alias: String,
    pub story: Option<String>,
    pub photo_path: Option<String>,
    pub has_profile: bool,
}

/// The public columns of `artisans`; never selects from `artisan_private`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = artisans)]
pub struct PublicArtisanRow {
    pub id: i64,
    pub public_id: String,
    pub center_id: i64,
    pub public_alias: String,
    pub public_story: Option<String>,
    pub photo_path: Option<String>,
    pub story_consent_until: Option<NaiveDate>,
    pub photo_consent_until: Option<NaiveDate>,
    pub profile_consent_until: Option<NaiveDate>,
}

/// The date consent is judged by (UTC). Cached pages are keyed by it too, so an expiring
/// consent takes effect at midnight without any write.
pub fn consent_today() -> NaiveDate {
    crate::web::page_cache::day()
}

/// Consent holds through its last day; withdrawn consent has no date at all.
pub fn consent_holds(until: Option<NaiveDate>, today: NaiveDate) -> bool {
    until.is_some_and(|u| u >= today)
}

impl PublicArtisan {
    /// Applies consent as of `today`: what is not consented to is not carried at all.
    pub fn from_row(row: PublicArtisanRow, today: NaiveDate) -> Self {
        Self {
            id: row.id,
            public_id: row.public_id,
            center_id: row.center_id,
            alias: row.public_alias,
            story: row.public_story.filter(|_| consent_holds(row.story_consent_until, today)),
            photo_path: row.photo_path.filter(|_| consent_holds(row.photo_consent_until, today)),
            has_profile: consent_holds(row.profile_consent_until, today),
        }
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = artisans)]
pub struct NewArtisan {
    pub public_id: String,
    pub center_id: i64,
    pub public_alias: String,
    pub public_story: Option<String>,
    pub photo_path: Option<String>,
    pub story_consent_until: Option<NaiveDate>,
    pub photo_consent_until: Option<NaiveDate>,
    pub profile_consent_until: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Private data, only for finance and admin screens (a later issue); never rendered publicly.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = artisan_private)]
pub struct NewArtisanPrivate {
    pub artisan_id: i64,
    pub legal_name: String,
    pub phone: Option<String>,
    pub updated_at: NaiveDateTime,
}
