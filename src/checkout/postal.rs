//! Postal codes by country: what the field is called there, and the shapes a code may take.
//! Checked at the edge so a courier never gets a parcel for PIN code `ABC`; countries not in
//! the table get a permissive check (a short code with a digit in it), since refusing a real
//! address costs more than a typo the courier can still resolve.

/// How one country writes its postal codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostalRule {
    /// What the field is called there: "PIN code" in India, "ZIP code" in the US.
    pub label: &'static str,
    /// The shape with an example, shown under the field and in its error ("" for the
    /// permissive check).
    pub hint: &'static str,
    /// The accepted shapes: `9` a digit, `N` a digit 1–9, `A` a letter, a space or `-` a
    /// separator, written as shown but optional when typed. Empty: the permissive check.
    formats: &'static [&'static str],
}

const fn rule(label: &'static str, hint: &'static str, formats: &'static [&'static str]) -> Option<PostalRule> {
    Some(PostalRule { label, hint, formats })
}

const FIVE: &[&str] = &["99999"];
const FOUR: &[&str] = &["9999"];

/// The rule for a country (an upper-case alpha-2 code); `None` where addresses have no
/// postal code.
pub fn rule_for(country: &str) -> Option<PostalRule> {
    match country {
        "AE" | "BH" | "FJ" | "HK" | "QA" => None,
        "IN" => rule("PIN code", "six digits, e.g. 700001", &["N99999"]),
        "US" => rule("ZIP code", "five digits or ZIP+4, e.g. 10001 or 10001-1234", &["99999", "99999-9999"]),
        "GB" => rule(
            "Postcode",
            "e.g. SW1A 1AA or M1 1AE",
            &["A9 9AA", "A99 9AA", "AA9 9AA", "AA99 9AA", "A9A 9AA", "AA9A 9AA"],
        ),
        "CA" => rule("Postal code", "letter, digit, letter, digit, letter, digit, e.g. K1A 0B1", &["A9A 9A9"]),
        "AU" => rule("Postcode", "four digits, e.g. 2000", FOUR),
        "NZ" => rule("Postcode", "four digits, e.g. 6011", FOUR),
        "AT" => rule("Postal code", "four digits, e.g. 1010", FOUR),
        "BE" => rule("Postal code", "four digits, e.g. 1000", FOUR),
        "CH" => rule("Postal code", "four digits, e.g. 8001", FOUR),
        "DK" => rule("Postal code", "four digits, e.g. 1050", FOUR),
        "NO" => rule("Postal code", "four digits, e.g. 0150", FOUR),
        "DE" => rule("Postal code (PLZ)", "five digits, e.g. 10115", FIVE),
        "FR" => rule("Postal code", "five digits, e.g. 75001", FIVE),
        "IT" => rule("Postal code (CAP)", "five digits, e.g. 00184", FIVE),
        "ES" => rule("Postal code", "five digits, e.g. 28001", FIVE),
        "FI" => rule("Postal code", "five digits, e.g. 00100", FIVE),
        "SE" => rule("Postal code", "five digits, e.g. 114 55", &["999 99"]),
        "NL" => rule("Postcode", "four digits and two letters, e.g. 1012 AB", &["N999 AA"]),
        "PL" => rule("Postal code", "five digits, e.g. 00-950", &["99-999"]),
        "PT" => rule("Postal code", "seven digits, e.g. 1100-148", &["9999-999"]),
        "JP" => rule("Postal code", "seven digits, e.g. 100-0001", &["999-9999"]),
        "SG" => rule("Postal code", "six digits, e.g. 018956", &["999999"]),
        _ => rule("Postal code", "", &[]),
    }
}

impl PostalRule {
    /// The code normalised (upper case, single spaces, separators where the format puts
    /// them), or the message for the customer.
    pub fn parse(&self, raw: &str) -> Result<String, String> {
        let spaced = raw.split_whitespace().collect::<Vec<_>>().join(" ").to_uppercase();
        if spaced.is_empty() {
            return Err(format!("enter the {}", self.label_in_text()));
        }
        let found = if self.formats.is_empty() {
            permissive(&spaced)
        } else {
            let bare: Vec<char> = spaced.chars().filter(|c| !is_separator(*c)).collect();
            self.formats.iter().find_map(|f| fit(f, &bare))
        };
        found.ok_or_else(|| match self.formats {
            [] => format!("enter the {} as it is written on letters there", self.label_in_text()),
            _ => format!("enter a valid {}: {}", self.label_in_text(), self.hint),
        })
    }

    /// "PIN code", "ZIP code", but "postcode" and "postal code (PLZ)" inside a sentence.
    fn label_in_text(&self) -> String {
        let first_word = self.label.split(' ').next().unwrap_or_default();
        let mut chars = self.label.chars();
        match chars.next() {
            Some(c) if first_word.chars().skip(1).all(char::is_lowercase) => c.to_lowercase().chain(chars).collect(),
            _ => self.label.to_string(),
        }
    }
}

fn is_separator(c: char) -> bool {
    c == ' ' || c == '-'
}

/// `bare` (upper case, no separators) in the shape of `format`, with its separators.
fn fit(format: &str, bare: &[char]) -> Option<String> {
    let slots = format.chars().filter(|c| !is_separator(*c)).count();
    if bare.len() != slots {
        return None;
    }
    let mut typed = bare.iter();
    let mut out = String::with_capacity(format.len());
    for f in format.chars() {
        if is_separator(f) {
            out.push(f);
            continue;
        }
        let c = *typed.next()?;
        let ok = match f {
            '9' => c.is_ascii_digit(),
            'N' => matches!(c, '1'..='9'),
            'A' => c.is_ascii_uppercase(),
            _ => false,
        };
        if !ok {
            return None;
        }
        out.push(c);
    }
    Some(out)
}

/// Countries without a rule: 2 to 10 letters, digits, spaces or dashes, with a digit among
/// them (no country writes its codes with letters alone).
fn permissive(spaced: &str) -> Option<String> {
    let len = spaced.chars().count();
    let ok = (2..=10).contains(&len)
        && spaced.chars().all(|c| c.is_ascii_alphanumeric() || is_separator(c))
        && spaced.chars().any(|c| c.is_ascii_digit());
    ok.then(|| spaced.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(country: &str, good: &[(&str, &str)], bad: &[&str]) {
        let rule = rule_for(country).unwrap();
        for (typed, normal) in good {
            assert_eq!(rule.parse(typed).as_deref(), Ok(*normal), "{country}: {typed}");
        }
        for typed in bad {
            assert!(rule.parse(typed).is_err(), "{country}: {typed} accepted");
        }
    }

    #[test]
    fn india_six_digits_the_first_not_zero() {
        check(
            "IN",
            &[("700001", "700001"), (" 400 050 ", "400050"), ("560-001", "560001")],
            &["ABC", "70001", "7000011", "070001", "70000A", ""],
        );
        let e = rule_for("IN").unwrap().parse("ABC").unwrap_err();
        assert_eq!(e, "enter a valid PIN code: six digits, e.g. 700001");
        assert_eq!(rule_for("IN").unwrap().parse(" ").unwrap_err(), "enter the PIN code");
    }

    #[test]
    fn united_states_zip_and_zip_plus_four() {
        check(
            "US",
            &[("10001", "10001"), ("10001-1234", "10001-1234"), ("10001 1234", "10001-1234")],
            &["1000", "100011", "10001-123", "ABCDE", "10001-12345"],
        );
    }

    #[test]
    fn united_kingdom_postcodes_get_their_space() {
        check(
            "GB",
            &[
                ("SW1A 1AA", "SW1A 1AA"),
                ("sw1a1aa", "SW1A 1AA"),
                ("M1 1AE", "M1 1AE"),
                ("B33 8TH", "B33 8TH"),
                ("CR2 6XH", "CR2 6XH"),
                ("dn55  1pt", "DN55 1PT"),
                ("W1A 0AX", "W1A 0AX"),
            ],
            &["12345", "SW1A", "SW1A 1A", "1W1A 1AA", "SW1A 1AAA"],
        );
        assert_eq!(rule_for("GB").unwrap().parse("x").unwrap_err(), "enter a valid postcode: e.g. SW1A 1AA or M1 1AE");
    }

    #[test]
    fn canada_letter_digit_pairs() {
        check(
            "CA",
            &[("K1A 0B1", "K1A 0B1"), ("k1a0b1", "K1A 0B1"), ("h3z-2y7", "H3Z 2Y7")],
            &["K1A 0B", "KIA 0B1", "12345", "K1A 0B1 2"],
        );
    }

    #[test]
    fn four_digit_countries() {
        check("AU", &[("2000", "2000"), ("0800", "0800")], &["200", "20000", "NSW 2000"]);
        for country in ["NZ", "AT", "BE", "CH", "DK", "NO"] {
            check(country, &[("1234", "1234")], &["123", "12345", "ABCD"]);
        }
    }

    #[test]
    fn five_digit_countries() {
        check("DE", &[("10115", "10115"), ("01067", "01067")], &["1011", "101155", "D-10115x", "ABCDE"]);
        check("FR", &[("75001", "75001"), ("75 001", "75001")], &["7500", "750011", "7500A"]);
        check("IT", &[("00184", "00184")], &["0018", "I-001845"]);
        check("ES", &[("28001", "28001")], &["2800", "280011"]);
        check("FI", &[("00100", "00100")], &["0010"]);
        check("SE", &[("11455", "114 55"), ("114 55", "114 55")], &["1145", "114 555"]);
        check("PL", &[("00-950", "00-950"), ("00950", "00-950")], &["0095", "00-9500"]);
    }

    #[test]
    fn netherlands_portugal_japan_singapore() {
        check("NL", &[("1012 AB", "1012 AB"), ("1012ab", "1012 AB")], &["0123 AB", "1012", "1012 A1", "ABCD 12"]);
        check("PT", &[("1100-148", "1100-148"), ("1100148", "1100-148")], &["1100-14", "1100"]);
        check("JP", &[("100-0001", "100-0001"), ("1000001", "100-0001")], &["100-001", "100-00011", "ABC-DEFG"]);
        check("SG", &[("018956", "018956")], &["18956", "0189567", "S018956"]);
    }

    #[test]
    fn some_countries_have_none() {
        for country in ["AE", "HK", "QA", "BH", "FJ"] {
            assert_eq!(rule_for(country), None, "{country}");
        }
    }

    #[test]
    fn the_rest_get_a_permissive_check() {
        // Ireland's Eircode, Kenya, Brazil, Luxembourg as often written.
        check("IE", &[("d02  x285", "D02 X285")], &["ABC", "X", "D02 X285 1234", "D02_X285"]);
        check("KE", &[("00100", "00100")], &["NAIROBI"]);
        check("BR", &[("01310-100", "01310-100")], &[]);
        check("LU", &[("L-1234", "L-1234")], &[]);
        let e = rule_for("KE").unwrap().parse("?").unwrap_err();
        assert!(e.starts_with("enter the postal code"), "{e}");
    }

    #[test]
    fn labels_read_well_inside_a_sentence() {
        let label = |c: &str| rule_for(c).unwrap().label_in_text();
        assert_eq!(label("IN"), "PIN code");
        assert_eq!(label("US"), "ZIP code");
        assert_eq!(label("GB"), "postcode");
        assert_eq!(label("FR"), "postal code");
        assert_eq!(label("DE"), "postal code (PLZ)");
    }
}
