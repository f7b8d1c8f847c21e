//! Countries a customer can ship to: ISO 3166-1 alpha-2 codes with English names. A
//! reasonable list of the places a parcel from India can go by insured courier; add to it as
//! the shop learns where its customers are.

pub const COUNTRIES: &[(&str, &str)] = &[
    ("AR", "Argentina"),
    ("AU", "Australia"),
    ("AT", "Austria"),
    ("BH", "Bahrain"),
    ("BD", "Bangladesh"),
    ("BE", "Belgium"),
    ("BT", "Bhutan"),
    ("BR", "Brazil"),
    ("BG", "Bulgaria"),
    ("CA", "Canada"),
    ("CL", "Chile"),
    ("CO", "Colombia"),
    ("HR", "Croatia"),
    ("CY", "Cyprus"),
    ("CZ", "Czechia"),
    ("DK", "Denmark"),
    ("EG", "Egypt"),
    ("EE", "Estonia"),
    ("FJ", "Fiji"),
    ("FI", "Finland"),
    ("FR", "France"),
    ("DE", "Germany"),
    ("GH", "Ghana"),
    ("GR", "Greece"),
    ("HK", "Hong Kong"),
    ("HU", "Hungary"),
    ("IS", "Iceland"),
    ("IN", "India"),
    ("ID", "Indonesia"),
    ("IE", "Ireland"),
    ("IL", "Israel"),
    ("IT", "Italy"),
    ("JP", "Japan"),
    ("JO", "Jordan"),
    ("KE", "Kenya"),
    ("KR", "Korea, Republic of"),
    ("KW", "Kuwait"),
    ("LV", "Latvia"),
    ("LT", "Lithuania"),
    ("LU", "Luxembourg"),
    ("MY", "Malaysia"),
    ("MV", "Maldives"),
    ("MT", "Malta"),
    ("MU", "Mauritius"),
    ("MX", "Mexico"),
    ("MA", "Morocco"),
    ("NP", "Nepal"),
    ("NL", "Netherlands"),
    ("NZ", "New Zealand"),
    ("NG", "Nigeria"),
    ("NO", "Norway"),
    ("OM", "Oman"),
    ("PE", "Peru"),
    ("PH", "Philippines"),
    ("PL", "Poland"),
    ("PT", "Portugal"),
    ("QA", "Qatar"),
    ("RO", "Romania"),
    ("SA", "Saudi Arabia"),
    ("SG", "Singapore"),
    ("SK", "Slovakia"),
    ("SI", "Slovenia"),
    ("ZA", "South Africa"),
    ("ES", "Spain"),
    ("LK", "Sri Lanka"),
    ("SE", "Sweden"),
    ("CH", "Switzerland"),
    ("TW", "Taiwan"),
    ("TZ", "Tanzania"),
    ("TH", "Thailand"),
    ("TR", "Türkiye"),
    ("UG", "Uganda"),
    ("AE", "United Arab Emirates"),
    ("GB", "United Kingdom"),
    ("US", "United States"),
    ("UY", "Uruguay"),
    ("VN", "Viet Nam"),
];

/// Countries where addresses have no postal code (the field may then stay empty).
const NO_POSTAL_CODE: &[&str] = &["AE", "HK", "QA", "FJ", "BH"];

/// The name of a country code we ship to.
pub fn name_of(code: &str) -> Option<&'static str> {
    COUNTRIES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

pub fn needs_postal_code(code: &str) -> bool {
    !NO_POSTAL_CODE.contains(&code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_alpha2_and_sorted_by_name() {
        let mut seen = std::collections::HashSet::new();
        for (code, _) in COUNTRIES {
            assert!(code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()), "{code}");
            assert!(seen.insert(code), "{code} twice");
        }
        assert_eq!(name_of("IN"), Some("India"));
        assert_eq!(name_of("XX"), None);
    }
}
