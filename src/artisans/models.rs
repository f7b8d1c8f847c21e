//! Artisan rows. Public and private data live in separate tables and separate types:
//! `PublicArtisan` is what every public page and API response is built from, and it has no
//! field that could hold a legal name, a phone number or payout details.

use chrono::NaiveDateTime;
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
    pub story_consent: bool,
    pub photo_path: Option<String>,
    pub photo_consent: bool,
    pub profile_consent: bool,
}

impl From<PublicArtisanRow> for PublicArtisan {
    fn from(row: PublicArtisanRow) -> Self {
        Self {
            id: row.id,
            public_id: row.public_id,
            center_id: row.center_id,
            alias: row.public_alias,
            story: row.public_story.filter(|_| row.story_consent),
            photo_path: row.photo_path.filter(|_| row.photo_consent),
            has_profile: row.profile_consent,
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
    pub story_consent: bool,
    pub photo_path: Option<String>,
    pub photo_consent: bool,
    pub profile_consent: bool,
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
