//! Artisan rows. Public and private data live in separate tables and separate types:
//! `PublicArtisan` is what every public page and API response is built from, and it has no
//! field that could hold a legal name, a phone number or payout details.

use chrono::{Months, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;

use crate::schema::{artisan_private, artisans};

/// The public face of an artisan, with consent already applied. Without consent to be named
/// (`attribution`) there is nothing but the workshop: no alias, no public id, no story, no
/// portrait — "a goldsmith of the Kolkata workshop".
#[derive(Debug, Clone, Serialize)]
pub struct PublicArtisan {
    /// The row id, for queries only; never rendered.
    #[serde(skip)]
    pub id: i64,
    pub center_id: i64,
    pub named: Option<Named>,
}

/// A maker who agreed to be named (attribution consent holds).
#[derive(Debug, Clone, Serialize)]
pub struct Named {
    pub public_id: String,
    pub alias: String,
    /// Only with story consent, and only after `min_months_in_programme` in the programme.
    pub story: Option<String>,
    /// The portrait's public address (`/portraits/…`): photo consent, same time rule.
    pub portrait_url: Option<String>,
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
    pub attribution_consent_until: Option<NaiveDate>,
    pub joined_on: NaiveDate,
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

/// What public pages go by: the day consent is judged on, and the NTSAS rule that nothing is
/// published about someone in their first months in the programme (stories and portraits only
/// of artisans who joined on or before `joined_by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicRules {
    pub today: NaiveDate,
    pub joined_by: NaiveDate,
    pub min_months: u32,
}

impl PublicRules {
    pub fn on(today: NaiveDate, min_months_in_programme: u32) -> Self {
        let joined_by = today.checked_sub_months(Months::new(min_months_in_programme)).unwrap_or(NaiveDate::MIN);
        Self { today, joined_by, min_months: min_months_in_programme }
    }

    /// Today's rules under the shop's settings.
    pub fn now(settings: &crate::config::Settings) -> Self {
        Self::on(consent_today(), settings.stories.min_months_in_programme)
    }

    /// Whether a story or portrait about someone who joined on `joined_on` may be published.
    pub fn may_publish_about(&self, joined_on: NaiveDate) -> bool {
        joined_on <= self.joined_by
    }

    /// The first day a story or portrait about someone who joined on `joined_on` may be shown.
    pub fn publishable_from(&self, joined_on: NaiveDate) -> NaiveDate {
        joined_on.checked_add_months(Months::new(self.min_months)).unwrap_or(NaiveDate::MAX)
    }
}

/// The public address of a stored portrait: `/portraits/{public_id}/{file}`; the route checks
/// consent on every request.
pub fn portrait_url(public_id: &str, photo_path: &str) -> String {
    let file = photo_path.rsplit('/').next().unwrap_or(photo_path);
    format!("/portraits/{public_id}/{file}")
}

impl PublicArtisan {
    /// Applies consent and the time rule: what is not consented to is not carried at all.
    pub fn from_row(row: PublicArtisanRow, rules: PublicRules) -> Self {
        let today = rules.today;
        let seasoned = rules.may_publish_about(row.joined_on);
        let named = consent_holds(row.attribution_consent_until, today).then(|| Named {
            story: row.public_story.filter(|_| seasoned && consent_holds(row.story_consent_until, today)),
            portrait_url: row
                .photo_path
                .filter(|_| seasoned && consent_holds(row.photo_consent_until, today))
                .map(|p| portrait_url(&row.public_id, &p)),
            has_profile: consent_holds(row.profile_consent_until, today),
            public_id: row.public_id,
            alias: row.public_alias,
        });
        Self { id: row.id, center_id: row.center_id, named }
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
    pub attribution_consent_until: Option<NaiveDate>,
    pub joined_on: NaiveDate,
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
