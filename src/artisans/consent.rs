//! Consent: what an artisan agreed to show (story, photo, profile) and until when. Staff record
//! each consent given or withdrawn; the `*_consent_until` column is what public pages obey and
//! `artisan_consents` keeps the history. A story may be shown for at most three years per consent
//! (NTSAS guidance); withdrawing takes it off every public page at once (catalog version bump).

use chrono::{Months, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::queries;
use crate::audit::{self, AuditEvent};
use crate::auth::{Scope, Subject};
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::schema::artisan_consents;
use crate::web::form::FieldErrors;
use crate::web::page_cache;

/// The longest one consent may last.
pub const MAX_MONTHS: u32 = 36;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, diesel::expression::AsExpression, diesel::deserialize::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(rename_all = "lowercase")]
pub enum ConsentKind {
    Story,
    Photo,
    Profile,
    /// Being named (by alias) on public pages; without it a maker is "a goldsmith of the
    /// Kolkata workshop", with no public id.
    Attribution,
}

crate::text_column!(ConsentKind, "consent kind", |c| ConsentKind::parse(c));

impl ConsentKind {
    pub const ALL: [ConsentKind; 4] =
        [ConsentKind::Attribution, ConsentKind::Story, ConsentKind::Photo, ConsentKind::Profile];

    pub fn parse(input: &str) -> Option<Self> {
        match input.trim() {
            "story" => Some(Self::Story),
            "photo" => Some(Self::Photo),
            "profile" => Some(Self::Profile),
            "attribution" => Some(Self::Attribution),
            _ => None,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Self::Story => "story",
            Self::Photo => "photo",
            Self::Profile => "profile",
            Self::Attribution => "attribution",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::Story => "Story on public pages",
            Self::Photo => "Portrait photo",
            Self::Profile => "Public profile page",
            Self::Attribution => "Named (by alias) on public pages",
        }
    }
}

/// What staff record: consent given (with its dates) or withdrawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentChange {
    Give { given_on: NaiveDate, expires_on: NaiveDate },
    Withdraw { on: NaiveDate },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsentInput {
    pub kind: ConsentKind,
    pub change: ConsentChange,
}

/// The consent form as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ConsentForm {
    pub kind: String,
    /// give | withdraw
    pub action: String,
    /// YYYY-MM-DD; for a withdrawal, the day the artisan withdrew (default today)
    pub given_on: String,
    /// YYYY-MM-DD; empty → three years after `given_on`
    pub expires_on: String,
}

/// The latest date that is "today" somewhere (UTC+14): a date typed in Kolkata just after
/// midnight is not refused as being in the future, and no later date is accepted.
pub fn latest_today(now: NaiveDateTime) -> NaiveDate {
    (now + chrono::Duration::hours(14)).date()
}

fn parse_date(input: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d").ok()
}

impl ConsentForm {
    /// Checks the form against the consent rules; `now` is UTC.
    pub fn parse(&self, now: NaiveDateTime) -> Result<ConsentInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let kind = ConsentKind::parse(&self.kind);
        if kind.is_none() {
            e.add("kind", "choose what the consent is for: being named, story, photo or profile");
        }
        let latest = latest_today(now);
        let day = |field: &str, value: &str, e: &mut FieldErrors| -> Option<NaiveDate> {
            match parse_date(value) {
                Some(d) if d > latest => {
                    e.add(field, format!("{d} is in the future; enter the day the artisan signed"));
                    None
                }
                Some(d) => Some(d),
                None => {
                    e.add(field, "enter a date as YYYY-MM-DD, e.g. 2026-11-27");
                    None
                }
            }
        };
        let change = match self.action.trim() {
            "give" => {
                let given_on = day("given_on", &self.given_on, &mut e);
                let expires_on = match (given_on, self.expires_on.trim()) {
                    (Some(g), "") => g.checked_add_months(Months::new(MAX_MONTHS)),
                    (_, s) => match parse_date(s) {
                        Some(d) => Some(d),
                        None => {
                            e.add("expires_on", "enter a date as YYYY-MM-DD, or leave it empty for three years");
                            None
                        }
                    },
                };
                match (given_on, expires_on) {
                    (Some(g), Some(x)) => {
                        let longest = g.checked_add_months(Months::new(MAX_MONTHS)).unwrap_or(NaiveDate::MAX);
                        if x <= g {
                            e.add("expires_on", format!("consent must end after the day it was given ({g})"));
                            None
                        } else if x > longest {
                            e.add(
                                "expires_on",
                                format!("consent lasts at most three years: from {g}, it can run until {longest}"),
                            );
                            None
                        } else if x < now.date() {
                            e.add("expires_on", format!("this consent already ended on {x}; record a new one"));
                            None
                        } else {
                            Some(ConsentChange::Give { given_on: g, expires_on: x })
                        }
                    }
                    _ => None,
                }
            }
            "withdraw" => {
                let on = if self.given_on.trim().is_empty() {
                    Some(now.date())
                } else {
                    day("given_on", &self.given_on, &mut e)
                };
                on.map(|on| ConsentChange::Withdraw { on })
            }
            _ => {
                e.add("action", "choose whether consent is given or withdrawn");
                None
            }
        };
        match (kind, change) {
            (Some(kind), Some(change)) if e.is_empty() => Ok(ConsentInput { kind, change }),
            _ => Err(e),
        }
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = artisan_consents)]
pub struct NewConsent<'a> {
    pub artisan_id: i64,
    pub kind: ConsentKind,
    pub action: &'a str,
    pub given_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    pub recorded_by: Option<i64>,
    pub recorded_at: NaiveDateTime,
}

/// One line of an artisan's consent history.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = artisan_consents)]
pub struct ConsentEntry {
    pub id: i64,
    pub kind: ConsentKind,
    pub action: String,
    pub given_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    pub recorded_by: Option<i64>,
    pub recorded_at: NaiveDateTime,
    /// The scan of the signed form, in the private directory.
    pub form_path: Option<String>,
}

/// Records a consent given or withdrawn: the column public pages obey, a history row, the audit
/// log and the catalog version, in one transaction. Withdrawing photo consent also forgets the
/// portrait: the returned path's files are to be deleted once this has committed.
pub fn record(
    conn: &mut DbConn,
    editor: &Scope,
    artisan_id: i64,
    input: &ConsentInput,
    now: NaiveDateTime,
) -> Result<Option<String>, AppError> {
    db::write(conn, |conn| {
        let artisan = queries::find_row(conn, artisan_id)?.ok_or(AppError::NotFound)?;
        editor.check(artisan.center_id, Subject::Artisans)?;
        let (action, until, given_on, expires_on) = match input.change {
            ConsentChange::Give { given_on, expires_on } => ("given", Some(expires_on), given_on, Some(expires_on)),
            ConsentChange::Withdraw { on } => ("withdrawn", None, on, None),
        };
        queries::set_consent_until(conn, artisan_id, input.kind, until, now)?;
        let removed_portrait = match (input.kind, input.change) {
            (ConsentKind::Photo, ConsentChange::Withdraw { .. }) => {
                queries::set_photo_path(conn, artisan_id, None, now)?
            }
            _ => None,
        };
        queries::insert_consent(
            conn,
            &NewConsent {
                artisan_id,
                kind: input.kind,
                action,
                given_on: Some(given_on),
                expires_on,
                recorded_by: editor.actor.staff_id,
                recorded_at: now,
            },
        )?;
        // Public pages and API responses are cached per catalog version: a new version makes
        // every instance render them again, without the withdrawn story, photo or profile.
        page_cache::bump_version(conn)?;
        audit::record(
            conn,
            &editor.actor,
            &AuditEvent {
                action: if action == "given" { "artisan.consent_give" } else { "artisan.consent_withdraw" },
                entity_type: "artisan",
                entity_id: Some(artisan_id.to_string()),
                center_id: Some(artisan.center_id),
                details: json!({
                    "kind": input.kind.code(), "given_on": given_on, "expires_on": expires_on,
                    "portrait_deleted": removed_portrait.is_some(),
                }),
            },
            now,
        )?;
        Ok(removed_portrait)
    })
}

/// Attaches the scan of the signed form to one consent record (the file is already stored,
/// re-encoded, in the private directory); audit-logged. Returns the path of a scan it replaces,
/// whose file is to be deleted after the commit.
pub fn attach_form(
    conn: &mut DbConn,
    editor: &Scope,
    artisan_id: i64,
    consent_id: i64,
    path: &str,
    now: NaiveDateTime,
) -> Result<Option<String>, AppError> {
    db::write(conn, |conn| {
        let artisan = queries::find_row(conn, artisan_id)?.ok_or(AppError::NotFound)?;
        editor.check(artisan.center_id, Subject::Artisans)?;
        let old = queries::set_consent_form(conn, artisan_id, consent_id, path)?.ok_or(AppError::NotFound)?;
        audit::record(
            conn,
            &editor.actor,
            &AuditEvent {
                action: "artisan.consent_form_attach",
                entity_type: "artisan",
                entity_id: Some(artisan_id.to_string()),
                center_id: Some(artisan.center_id),
                details: json!({ "consent_id": consent_id, "replaced": old.is_some() }),
            },
            now,
        )?;
        Ok(old)
    })
}

/// The stored path of a consent record's signed form, for `editor` (their center, or an admin);
/// each view is audit-logged like a view of the private record.
pub fn form_for_view(
    conn: &mut DbConn,
    editor: &Scope,
    artisan_id: i64,
    consent_id: i64,
    now: NaiveDateTime,
) -> Result<String, AppError> {
    db::write(conn, |conn| {
        let artisan = queries::find_row(conn, artisan_id)?.ok_or(AppError::NotFound)?;
        editor.check(artisan.center_id, Subject::Artisans)?;
        let path = queries::consent_form_path(conn, artisan_id, consent_id)?.ok_or(AppError::NotFound)?;
        audit::record(
            conn,
            &editor.actor,
            &AuditEvent {
                action: "artisan.consent_form_view",
                entity_type: "artisan",
                entity_id: Some(artisan_id.to_string()),
                center_id: Some(artisan.center_id),
                details: json!({ "consent_id": consent_id }),
            },
            now,
        )?;
        Ok(path)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(date: &str) -> NaiveDateTime {
        parse_date(date).unwrap().and_hms_opt(12, 0, 0).unwrap()
    }

    fn form(action: &str, given: &str, expires: &str) -> ConsentForm {
        ConsentForm { kind: "story".into(), action: action.into(), given_on: given.into(), expires_on: expires.into() }
    }

    #[test]
    fn an_empty_end_date_means_three_years() {
        let c = form("give", "2024-02-29", "").parse(at("2024-03-01")).unwrap();
        assert_eq!(
            c.change,
            ConsentChange::Give {
                given_on: parse_date("2024-02-29").unwrap(),
                expires_on: parse_date("2027-02-28").unwrap()
            }
        );
    }

    #[test]
    fn consent_is_bounded_and_dated() {
        let now = at("2026-06-01");
        let e = form("give", "2026-01-01", "2029-01-02").parse(now).unwrap_err();
        assert!(e.0["expires_on"].contains("at most three years"), "{e:?}");
        assert!(form("give", "2026-01-01", "2029-01-01").parse(now).is_ok());
        let e = form("give", "2026-01-01", "2026-01-01").parse(now).unwrap_err();
        assert!(e.0["expires_on"].contains("after the day it was given"), "{e:?}");
        let e = form("give", "2026-06-03", "").parse(now).unwrap_err();
        assert!(e.0["given_on"].contains("in the future"), "{e:?}");
        let e = form("give", "01/02/2026", "").parse(now).unwrap_err();
        assert!(e.0["given_on"].contains("YYYY-MM-DD"), "{e:?}");
        let e = ConsentForm { kind: "face".into(), ..form("maybe", "", "") }.parse(now).unwrap_err();
        assert!(e.0.contains_key("kind") && e.0.contains_key("action"), "{e:?}");
    }

    #[test]
    fn a_withdrawal_needs_no_dates() {
        let c = form("withdraw", "", "").parse(at("2026-06-01")).unwrap();
        assert_eq!(c.change, ConsentChange::Withdraw { on: parse_date("2026-06-01").unwrap() });
    }
}
