//! The checkout form as typed and its parsed form. Parsing collects one message per field, so
//! the form comes back with each next to its field and everything typed kept.

use serde::{Deserialize, Serialize};

use super::countries;
use crate::config::{ShippingOption, ShippingZone};
use crate::inventory::FieldErrors;
use crate::staff::Email;

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
    pub country: String,
    /// A phone number for the courier (insured jewelry and customs need one).
    pub phone: String,
    /// A shipping option code; empty = the first option of the destination's zone.
    pub shipping: String,
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

impl CheckoutForm {
    pub fn parse(&self, zones: &[ShippingZone]) -> Result<CheckoutInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let email = Email::parse(&self.email).map_err(|x| e.add("email", x.0)).ok();
        let name = text(&mut e, "name", &self.name, 100, Some("enter the name of the person receiving the parcel"));
        let line1 = text(&mut e, "line1", &self.line1, 200, Some("enter the street address"));
        let line2 = text(&mut e, "line2", &self.line2, 200, None);
        let city = text(&mut e, "city", &self.city, 100, Some("enter the town or city"));
        let region = text(&mut e, "region", &self.region, 100, None);
        let phone = text(&mut e, "phone", &self.phone, 30, Some("enter a phone number for the courier"));
        let digits = phone.chars().filter(|c| c.is_ascii_digit()).count();
        if !phone.is_empty()
            && (!(6..=15).contains(&digits)
                || !phone.chars().all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')' | '.')))
        {
            e.add("phone", "enter a phone number with its country code, e.g. +91 98300 12345");
        }
        let code = self.country.trim().to_uppercase();
        let country = match countries::COUNTRIES.iter().find(|(c, _)| *c == code) {
            Some((c, _)) => Some(*c),
            None if code.is_empty() => {
                e.add("country", "choose the country to ship to");
                None
            }
            None => {
                e.add("country", "we cannot ship to that country yet: choose one from the list");
                None
            }
        };
        let postal_required = country.map_or(true, countries::needs_postal_code);
        let postal_code = text(
            &mut e,
            "postal_code",
            &self.postal_code,
            20,
            postal_required.then_some("enter the postal code (PIN code in India)"),
        )
        .to_uppercase();
        let shipping = country.and_then(|c| match ShippingZone::for_country(zones, c) {
            None => {
                e.add("country", "we do not ship to that country yet");
                None
            }
            Some(zone) => match self.shipping.trim() {
                "" => zone.options.first().cloned(),
                code => match zone.options.iter().find(|o| o.code == code) {
                    Some(o) => Some(o.clone()),
                    None => {
                        e.add("shipping", format!("choose one of the options for {}", zone.name));
                        None
                    }
                },
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
                country,
                phone,
                shipping,
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
}
