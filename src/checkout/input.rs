//! The checkout form as typed and its parsed form. Parsing collects one message per field, so
//! the form comes back with each next to its field and everything typed kept.

use serde::{Deserialize, Serialize};

use super::postal;
use crate::config::{ShippingOption, ShippingZone};
use crate::policies::PolicyKind;
use crate::shipping::countries::{self, Country};
use crate::staff::Email;
use crate::web::form::FieldErrors;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckoutForm {
    pub email: String,
    pub name: String,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub region: String,
    pub postal_code: String,
    /// An ISO alpha-2 code, from the hidden field of the address step.
    pub country: String,
    /// A phone number for the courier (insured jewelry and customs need one).
    pub phone: String,
    /// A shipping option code; empty = the first option of the destination's zone.
    pub shipping: String,
    /// The versions of the terms of sale and the returns policy the form showed (hidden fields).
    pub terms_version: String,
    pub returns_version: String,
}

#[derive(Debug, Clone)]
pub struct CheckoutInput {
    pub email: Email,
    pub name: String,
    pub line1: String,
    pub line2: Option<String>,
    pub city: String,
    pub region: Option<String>,
    pub postal_code: String,
    pub country: &'static str,
    pub phone: String,
    pub shipping: ShippingOption,
    /// The version of each policy accepted at checkout that the form showed: `None` when the
    /// request carried none, `Some(0)` for one that is not a version number (never current).
    pub policies_shown: Vec<(PolicyKind, Option<i64>)>,
}

/// A version number from a hidden field.
fn shown_version(raw: &str) -> Option<i64> {
    let raw = raw.trim();
    (!raw.is_empty()).then(|| raw.parse::<i64>().unwrap_or(0))
}

fn text(e: &mut FieldErrors, field: &str, value: &str, max: usize, required: Option<&str>) -> String {
    let v = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if v.is_empty() {
        if let Some(msg) = required {
            e.add(field, msg);
        }
    } else if v.chars().count() > max {
        e.add(field, format!("keep this to {max} characters or fewer"));
    } else if v.chars().any(|c| c.is_control()) {
        e.add(field, "remove the special characters");
    }
    v
}

/// Where the parcel goes: a country on our list that a shipping zone serves, or the message
/// for the customer. Used by the form page (`?country=`) and by the posted form alike.
pub fn destination<'z>(
    code: &str,
    zones: &'z [ShippingZone],
) -> Result<(&'static Country, &'z ShippingZone), &'static str> {
    if code.trim().is_empty() {
        return Err("choose the country to ship to");
    }
    let country = countries::find(code).ok_or("we cannot ship to that country yet: choose one from the list")?;
    let zone = ShippingZone::for_country(zones, country.code)
        .ok_or("we do not ship to that country yet: choose one from the list")?;
    Ok((country, zone))
}

/// A phone number the courier can call: `+` (first only), digits, spaces, dashes, dots and
/// parentheses, with 6 to 15 digits (the most a number has, country code included);
/// whitespace is collapsed to single spaces.
pub fn phone(raw: &str, country: Option<&Country>) -> Result<String, String> {
    let v = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let example = country.map_or_else(|| "e.g. +91 98300 12345".to_string(), Country::phone_example);
    if v.is_empty() {
        return Err(format!("enter a phone number for the courier, with the country code, {example}"));
    }
    let digits = v.chars().filter(char::is_ascii_digit).count();
    let allowed = v.chars().all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '.' | '(' | ')'));
    let plus_first = v.rfind('+').is_none_or(|i| i == 0);
    if !allowed || !plus_first || !(6..=15).contains(&digits) || v.len() > 30 {
        return Err(format!("enter a phone number the courier can call, with the country code, {example}"));
    }
    Ok(v)
}

impl CheckoutForm {
    pub fn parse(&self, zones: &[ShippingZone]) -> Result<CheckoutInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let email = Email::parse(&self.email).map_err(|x| e.add("email", x.0)).ok();
        let name = text(&mut e, "name", &self.name, 100, Some("enter the name of the person receiving the parcel"));
        let line1 = text(&mut e, "line1", &self.line1, 200, Some("enter the street address"));
        let line2 = text(&mut e, "line2", &self.line2, 200, None);
        let city = text(&mut e, "city", &self.city, 100, Some("enter the town or city"));
        let region = text(&mut e, "region", &self.region, 100, None);
        let destination = destination(&self.country, zones).map_err(|m| e.add("country", m)).ok();
        let country = destination.map(|(c, _)| c);
        let phone = phone(&self.phone, country).map_err(|m| e.add("phone", m)).unwrap_or_default();
        // Without a known country, the permissive check (the form asks for the country again).
        let postal_rule = match country {
            Some(c) => postal::rule_for(c.code),
            None => postal::rule_for(""),
        };
        let postal_code = match postal_rule {
            Some(rule) => rule.parse(&self.postal_code).map_err(|m| e.add("postal_code", m)).unwrap_or_default(),
            None => String::new(),
        };
        let shipping = destination.and_then(|(_, zone)| match self.shipping.trim() {
            "" => zone.options.first().cloned(),
            code => match zone.options.iter().find(|o| o.code == code) {
                Some(o) => Some(o.clone()),
                None => {
                    e.add("shipping", format!("choose one of the options for {}", zone.name));
                    None
                }
            },
        });
        if !e.is_empty() {
            return Err(e);
        }
        match (email, country, shipping) {
            (Some(email), Some(country), Some(shipping)) => Ok(CheckoutInput {
                email,
                name,
                line1,
                line2: Some(line2).filter(|s| !s.is_empty()),
                city,
                region: Some(region).filter(|s| !s.is_empty()),
                postal_code,
                country: country.code,
                phone,
                shipping,
                policies_shown: vec![
                    (PolicyKind::Terms, shown_version(&self.terms_version)),
                    (PolicyKind::Returns, shown_version(&self.returns_version)),
                ],
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;

    fn good() -> CheckoutForm {
        CheckoutForm {
            email: "Ann@Example.org".into(),
            name: "Ann  Lee".into(),
            line1: "1 Main St".into(),
            city: "Berlin".into(),
            postal_code: "10115".into(),
            country: "de".into(),
            phone: "+49 30 1234567".into(),
            ..Default::default()
        }
    }

    #[test]
    fn parses_and_picks_the_zone_option() {
        let zones = ShippingZone::defaults(Currency::Usd);
        let input = good().parse(&zones).unwrap();
        assert_eq!(input.email.as_str(), "ann@example.org");
        assert_eq!(input.name, "Ann Lee");
        assert_eq!(input.country, "DE");
        assert_eq!(input.shipping.code, "intl-express");
        let india = CheckoutForm { country: "IN".into(), shipping: "intl-post".into(), ..good() };
        assert!(india.parse(&zones).unwrap_err().0.contains_key("shipping"));
    }

    #[test]
    fn every_mistake_is_reported_by_field() {
        let zones = ShippingZone::defaults(Currency::Usd);
        let e = CheckoutForm { email: "nope".into(), country: "XX".into(), ..Default::default() }
            .parse(&zones)
            .unwrap_err()
            .0;
        for f in ["email", "name", "line1", "city", "country", "postal_code", "phone"] {
            assert!(e.contains_key(f), "{f}: {e:?}");
        }
    }

    #[test]
    fn the_postal_code_follows_the_country() {
        let zones = ShippingZone::defaults(Currency::Usd);
        let india = |code: &str| CheckoutForm {
            country: "IN".into(),
            postal_code: code.into(),
            phone: "98300 12345".into(),
            ..good()
        };
        assert_eq!(india(" 700 001").parse(&zones).unwrap().postal_code, "700001");
        let e = india("ABC").parse(&zones).unwrap_err().0;
        assert_eq!(e["postal_code"], "enter a valid PIN code: six digits, e.g. 700001");
        assert_eq!(e.len(), 1, "{e:?}");
        // No postal codes in the Emirates: whatever was sent is not kept.
        let dubai = CheckoutForm { country: "AE".into(), postal_code: "".into(), ..good() };
        assert_eq!(dubai.parse(&zones).unwrap().postal_code, "");
    }

    #[test]
    fn phone_numbers_for_the_courier() {
        let de = countries::find("DE");
        for (typed, kept) in [
            ("+49 30 1234567", "+49 30 1234567"),
            ("  +91  98300\t12345 ", "+91 98300 12345"),
            ("(030) 123-4567", "(030) 123-4567"),
            ("06.12.34.56.78", "06.12.34.56.78"),
            ("123456", "123456"),
        ] {
            assert_eq!(phone(typed, de).as_deref(), Ok(kept), "{typed}");
        }
        for typed in
            ["12345", "+1234567890123456", "49+30 1234567", "call me", "+49 30 1234567 ext 5", "０３０１２３４５６７"]
        {
            let e = phone(typed, de).unwrap_err();
            assert_eq!(e, "enter a phone number the courier can call, with the country code, e.g. +49 30 1234567");
        }
        assert_eq!(
            phone("", countries::find("KE")).unwrap_err(),
            "enter a phone number for the courier, with the country code, starting +254 for Kenya"
        );
    }

    #[test]
    fn the_destination_needs_a_country_we_ship_to() {
        let zones = ShippingZone::defaults(Currency::Usd);
        assert_eq!(destination("in", &zones).map(|(c, z)| (c.code, z.code.as_str())), Ok(("IN", "india")));
        assert_eq!(destination("JP", &zones).map(|(_, z)| z.code.as_str()), Ok("world"));
        assert_eq!(destination(" ", &zones).unwrap_err(), "choose the country to ship to");
        assert!(destination("XX", &zones).unwrap_err().contains("choose one from the list"));
        // Without a rest-of-the-world zone, only the listed countries can be chosen.
        let india_only: Vec<_> = zones.into_iter().filter(|z| z.code == "india").collect();
        assert!(destination("DE", &india_only).is_err());
    }
}
