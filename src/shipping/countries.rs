//! Countries a customer can ship to: ISO 3166-1 alpha-2 codes with English names. A
//! reasonable list of the places a parcel from India can go by insured courier; add to it as
//! the shop learns where its customers are.

/// A country we ship to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2, upper case.
    pub code: &'static str,
    pub name: &'static str,
    /// The international calling code, without the `+` (for the phone field's example).
    pub calling_code: &'static str,
}

const fn c(code: &'static str, name: &'static str, calling_code: &'static str) -> Country {
    Country { code, name, calling_code }
}

/// Sorted by English name: the order of the country list on the checkout page.
pub const COUNTRIES: &[Country] = &[
    c("AR", "Argentina", "54"),
    c("AU", "Australia", "61"),
    c("AT", "Austria", "43"),
    c("BH", "Bahrain", "973"),
    c("BD", "Bangladesh", "880"),
    c("BE", "Belgium", "32"),
    c("BT", "Bhutan", "975"),
    c("BR", "Brazil", "55"),
    c("BG", "Bulgaria", "359"),
    c("CA", "Canada", "1"),
    c("CL", "Chile", "56"),
    c("CO", "Colombia", "57"),
    c("HR", "Croatia", "385"),
    c("CY", "Cyprus", "357"),
    c("CZ", "Czechia", "420"),
    c("DK", "Denmark", "45"),
    c("EG", "Egypt", "20"),
    c("EE", "Estonia", "372"),
    c("FJ", "Fiji", "679"),
    c("FI", "Finland", "358"),
    c("FR", "France", "33"),
    c("DE", "Germany", "49"),
    c("GH", "Ghana", "233"),
    c("GR", "Greece", "30"),
    c("HK", "Hong Kong", "852"),
    c("HU", "Hungary", "36"),
    c("IS", "Iceland", "354"),
    c("IN", "India", "91"),
    c("ID", "Indonesia", "62"),
    c("IE", "Ireland", "353"),
    c("IL", "Israel", "972"),
    c("IT", "Italy", "39"),
    c("JP", "Japan", "81"),
    c("JO", "Jordan", "962"),
    c("KE", "Kenya", "254"),
    c("KR", "Korea, Republic of", "82"),
    c("KW", "Kuwait", "965"),
    c("LV", "Latvia", "371"),
    c("LT", "Lithuania", "370"),
    c("LU", "Luxembourg", "352"),
    c("MY", "Malaysia", "60"),
    c("MV", "Maldives", "960"),
    c("MT", "Malta", "356"),
    c("MU", "Mauritius", "230"),
    c("MX", "Mexico", "52"),
    c("MA", "Morocco", "212"),
    c("NP", "Nepal", "977"),
    c("NL", "Netherlands", "31"),
    c("NZ", "New Zealand", "64"),
    c("NG", "Nigeria", "234"),
    c("NO", "Norway", "47"),
    c("OM", "Oman", "968"),
    c("PE", "Peru", "51"),
    c("PH", "Philippines", "63"),
    c("PL", "Poland", "48"),
    c("PT", "Portugal", "351"),
    c("QA", "Qatar", "974"),
    c("RO", "Romania", "40"),
    c("SA", "Saudi Arabia", "966"),
    c("SG", "Singapore", "65"),
    c("SK", "Slovakia", "421"),
    c("SI", "Slovenia", "386"),
    c("ZA", "South Africa", "27"),
    c("ES", "Spain", "34"),
    c("LK", "Sri Lanka", "94"),
    c("SE", "Sweden", "46"),
    c("CH", "Switzerland", "41"),
    c("TW", "Taiwan", "886"),
    c("TZ", "Tanzania", "255"),
    c("TH", "Thailand", "66"),
    c("TR", "Türkiye", "90"),
    c("UG", "Uganda", "256"),
    c("AE", "United Arab Emirates", "971"),
    c("GB", "United Kingdom", "44"),
    c("US", "United States", "1"),
    c("UY", "Uruguay", "598"),
    c("VN", "Viet Nam", "84"),
];

/// The country with this code (any case, surrounding spaces ignored), if we ship there.
pub fn find(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    COUNTRIES.iter().find(|c| c.code.eq_ignore_ascii_case(code))
}

/// The name of a country code we ship to.
pub fn name_of(code: &str) -> Option<&'static str> {
    find(code).map(|c| c.name)
}

impl Country {
    /// How to write a phone number there for a courier from abroad (with the country code),
    /// to follow "with the country code, …": a made-up number in the country's usual
    /// grouping where we have one, else the code itself.
    pub fn phone_example(&self) -> String {
        let example = match self.code {
            "IN" => "+91 98300 12345",
            "US" => "+1 212 555 0123",
            "CA" => "+1 416 555 0123",
            "GB" => "+44 20 7946 0123",
            "AU" => "+61 2 5550 1234",
            "DE" => "+49 30 1234567",
            "FR" => "+33 1 23 45 67 89",
            "IT" => "+39 06 1234 5678",
            "ES" => "+34 912 345 678",
            "NL" => "+31 20 123 4567",
            "JP" => "+81 3 1234 5678",
            "SG" => "+65 6123 4567",
            "AE" => "+971 4 123 4567",
            "HK" => "+852 2123 4567",
            "QA" => "+974 4412 3456",
            _ => return format!("starting +{} for {}", self.calling_code, self.name),
        };
        format!("e.g. {example}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_alpha2_sorted_by_name_with_calling_codes() {
        let mut seen = std::collections::HashSet::new();
        for w in COUNTRIES.windows(2) {
            assert!(w[0].name < w[1].name, "{} before {}", w[0].name, w[1].name);
        }
        for c in COUNTRIES {
            assert!(c.code.len() == 2 && c.code.chars().all(|c| c.is_ascii_uppercase()), "{}", c.code);
            assert!(seen.insert(c.code), "{} twice", c.code);
            assert!(!c.calling_code.is_empty() && c.calling_code.chars().all(|d| d.is_ascii_digit()), "{}", c.code);
        }
        assert_eq!(name_of("IN"), Some("India"));
        assert_eq!(find(" de ").map(|c| c.code), Some("DE"));
        assert_eq!(name_of("XX"), None);
        assert_eq!(find("IN").unwrap().phone_example(), "e.g. +91 98300 12345");
        assert_eq!(find("KE").unwrap().phone_example(), "starting +254 for Kenya");
    }
}
