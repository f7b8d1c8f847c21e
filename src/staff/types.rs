//! Parsed values for staff accounts.

use serde::Serialize;

use crate::web::form::ParseError;

/// An email address, trimmed and lower-cased; checked for shape, not deliverability.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let s = input.trim().to_lowercase();
        let ok = s.len() <= 254
            && s.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !s[local.len() + 1..].contains('@')
            })
            && !s.chars().any(|c| c.is_whitespace() || c.is_control());
        if ok {
            Ok(Self(s))
        } else {
            Err(ParseError("enter an email address such as name@example.org".into()))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    diesel::expression::AsExpression,
    diesel::deserialize::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Admin,
    Finance,
    Manager,
}

crate::text_column!(Role, "role", |c| Role::parse(c).ok());

impl Role {
    pub const ALL: [Role; 3] = [Role::Admin, Role::Finance, Role::Manager];

    pub fn parse(input: &str) -> Result<Self, ParseError> {
        match input.trim() {
            "admin" => Ok(Self::Admin),
            "finance" => Ok(Self::Finance),
            "manager" => Ok(Self::Manager),
            other => Err(ParseError(format!("unknown role `{other}`; expected admin, finance or manager"))),
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Finance => "finance",
            Self::Manager => "manager",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::Admin => "Administrator",
            Self::Finance => "Finance",
            Self::Manager => "Center manager",
        }
    }
}

/// A new password: 12 to 128 characters (ASVS 6.2), not the account's email.
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(input: &str, email: &Email) -> Result<Self, ParseError> {
        let n = input.chars().count();
        if n < 12 {
            return Err(ParseError("use at least 12 characters".into()));
        }
        if n > 128 {
            return Err(ParseError("use at most 128 characters".into()));
        }
        if input.trim().eq_ignore_ascii_case(email.as_str()) {
            return Err(ParseError("do not use your email address as your password".into()));
        }
        Ok(Self(input.to_string()))
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(Email::parse(" Asha@Example.ORG ").unwrap().as_str(), "asha@example.org");
        for bad in ["", "asha", "asha@", "@example.org", "asha@example", "a b@example.org", "a@b@example.org"] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn passwords() {
        let e = Email::parse("asha@example.org").unwrap();
        assert!(NewPassword::parse("short", &e).is_err());
        assert!(NewPassword::parse("asha@example.org", &e).is_err());
        assert!(NewPassword::parse("correct horse battery", &e).is_ok());
    }
}
