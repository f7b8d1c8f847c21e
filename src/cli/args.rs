//! The values the command line takes, parsed by clap with the domain's own parsers: a flag
//! whose value does not parse is refused with the parser's message, naming the flag.

use std::fmt;

use chrono::NaiveDate;

use crate::staff::{Email, Role};
use crate::web::form::ParseError;

/// A center's code as typed (`kolkata`, `mumbai`): trimmed and lower-cased. Whether a center
/// has that code is known only to the database, so the command that opens it resolves the
/// code (`CliError::UnknownCenter`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CenterCode(String);

impl CenterCode {
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let code = input.trim().to_lowercase();
        if code.is_empty() || code.len() > 40 || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(ParseError(format!("`{}` is not a center code such as kolkata or mumbai", input.trim())));
        }
        Ok(Self(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CenterCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A day, YYYY-MM-DD.
pub fn day(input: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{input}` is not a date such as 2026-10-01"))
}

pub fn email(input: &str) -> Result<Email, ParseError> {
    Email::parse(input)
}

pub fn role(input: &str) -> Result<Role, ParseError> {
    Role::parse(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_center_code_is_trimmed_and_lower_cased() {
        assert_eq!(CenterCode::parse(" Kolkata ").unwrap().as_str(), "kolkata");
        assert_eq!(CenterCode::parse("paris").unwrap().as_str(), "paris", "the database knows which exist");
        assert!(CenterCode::parse("").is_err());
        assert!(CenterCode::parse("kol kata").is_err());
    }

    #[test]
    fn a_day_is_written_yyyy_mm_dd() {
        assert_eq!(day("2026-10-01"), Ok(NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()));
        assert!(day("yesterday").unwrap_err().contains("is not a date"));
        assert!(day("01/10/2026").is_err());
    }
}
