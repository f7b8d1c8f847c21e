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

/// The shop's own names: a password made of them is among the first an attacker tries.
pub const SHOP_WORDS: &[&str] =
    &["fairgold", "fair", "gold", "artisan", "artisans", "cooperative", "jewellery", "jewelry"];

/// The 20,000 most common passwords (lower-cased), from Django's `CommonPasswordValidator`
/// (compiled by Royce Williams from breach corpora; BSD licence in `common-passwords.LICENSE`).
const COMMON_PASSWORDS: &str = include_str!("common-passwords.txt");

fn common_passwords() -> &'static std::collections::HashSet<&'static str> {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| COMMON_PASSWORDS.lines().map(str::trim).filter(|l| !l.is_empty()).collect())
}

/// Whether `password` is a common one: itself, or with the digits and symbols people add at the
/// ends stripped ("password123456!" is "password").
pub fn is_common(password: &str) -> bool {
    let lower = password.trim().to_lowercase();
    let core = lower.trim_matches(|c: char| !c.is_alphabetic());
    let set = common_passwords();
    set.contains(lower.as_str()) || (!core.is_empty() && set.contains(core))
}

/// Whether the letters of `password` are nothing but `words` strung together (any case, with
/// any digits, spaces or symbols between): "Fairgold-2026!", "asha.example.2026".
fn only_words(password: &str, words: &[String]) -> bool {
    let letters: Vec<char> = password.to_lowercase().chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return false;
    }
    let words: Vec<Vec<char>> =
        words.iter().map(|w| w.chars().collect()).filter(|w: &Vec<char>| !w.is_empty()).collect();
    // reach[i]: the first i letters split into words.
    let mut reach = vec![false; letters.len() + 1];
    reach[0] = true;
    for i in 0..letters.len() {
        if reach[i] {
            for w in &words {
                if letters[i..].starts_with(w) {
                    reach[i + w.len()] = true;
                }
            }
        }
    }
    reach[letters.len()]
}

/// A new password (ASVS 5.0 6.2): 12 to 128 characters, not one of the 20,000 most common, not
/// made only of the shop's name and the parts of the person's email address.
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
        if is_common(input) {
            return Err(ParseError(
                "that password is one of the most common ones, which attackers try first; choose another, \
                 e.g. four unrelated words"
                    .into(),
            ));
        }
        let mut words: Vec<String> = SHOP_WORDS.iter().map(|w| w.to_string()).collect();
        words.extend(
            email.as_str().split(|c: char| !c.is_alphabetic()).filter(|p| p.chars().count() >= 2).map(str::to_string),
        );
        if only_words(input, &words) {
            return Err(ParseError(
                "do not build your password from the shop's name or your email address; choose other words".into(),
            ));
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
        assert!(common_passwords().len() >= 10_000, "{}", common_passwords().len());
        for common in ["1qaz2wsx3edc", "password123456", "Password1234!", "iloveyou123456"] {
            assert!(NewPassword::parse(common, &e).is_err(), "{common}");
        }
        for context in ["Fairgold2026!!", "asha.example.2026", "goldfairGOLD99", "Asha Fairgold 1"] {
            assert!(NewPassword::parse(context, &e).is_err(), "{context}");
        }
        assert!(NewPassword::parse("asha walks to the river", &e).is_ok());
    }
}
