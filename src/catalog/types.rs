//! Parsed values of the catalog. Anything that reaches the inside of the program as one of
//! these has been checked once, at the edge.

use std::fmt;

use serde::Serialize;

use crate::text_enum;
use crate::web::form::ParseError;

fn err<T>(msg: impl Into<String>) -> Result<T, ParseError> {
    Err(ParseError(msg.into()))
}

/// Stock-keeping unit: 3–32 characters of A–Z, 0–9 and `-`, e.g. `KOL-RNG-0012`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Sku(String);

impl Sku {
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let s = input.trim().to_ascii_uppercase();
        let valid = (3..=32).contains(&s.len())
            && s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
            && !s.starts_with('-')
            && !s.ends_with('-');
        if valid {
            Ok(Self(s))
        } else {
            err("SKU must be 3 to 32 letters, digits or dashes, e.g. KOL-RNG-0012")
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// URL slug: lowercase ASCII words joined by single dashes, at most 80 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let ok = !input.is_empty()
            && input.len() <= 80
            && input
                .split('-')
                .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
        if ok {
            Ok(Self(input.to_string()))
        } else {
            err("a slug is lowercase letters and digits joined by dashes")
        }
    }

    /// Makes a slug from a title: "Lotus Bud Ring (22K)" → "lotus-bud-ring-22k",
    /// "Repoussé disc" → "repousse-disc".
    pub fn from_title(title: &str) -> Self {
        let mut s = slug::slugify(title);
        s.truncate(72);
        let s = s.trim_end_matches('-').to_string();
        Self(if s.is_empty() { "piece".into() } else { s })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// BIS Hallmark Unique ID: exactly six characters, A–Z and 0–9.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Huid(String);

impl Huid {
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let s = input.trim();
        if s.len() == 6 && s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
            Ok(Self(s.to_string()))
        } else {
            err("HUID must be exactly 6 capital letters or digits, e.g. AB12CD")
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A weight in whole milligrams; shown in grams with three decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Milligrams(i64);

impl Milligrams {
    pub fn new(mg: i64) -> Result<Self, ParseError> {
        if mg > 0 && mg <= 5_000_000 {
            Ok(Self(mg))
        } else {
            err("a weight must be more than 0 and at most 5 kg")
        }
    }
    pub fn get(self) -> i64 {
        self.0
    }
}

impl fmt::Display for Milligrams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:03} g", self.0 / 1000, self.0 % 1000)
    }
}

text_enum!(
    /// The metal a piece is made of.
    Metal, "metal" {
        YellowGold = "yellow_gold", "Yellow gold";
        RoseGold = "rose_gold", "Rose gold";
        WhiteGold = "white_gold", "White gold";
    }
);

text_enum!(
    /// BIS purity grades (IS 1417): karat and fineness in parts per thousand.
    Purity, "purity" {
        K9 = "9K375", "9 karat, 37.5% gold";
        K14 = "14K585", "14 karat, 58.5% gold";
        K18 = "18K750", "18 karat, 75.0% gold";
        K20 = "20K833", "20 karat, 83.3% gold";
        K22 = "22K916", "22 karat, 91.6% gold";
        K23 = "23K958", "23 karat, 95.8% gold";
        K24 = "24K", "24 karat, 99.5% gold or finer";
    }
);

/// The gold in a purity grade, in thousandths. 24 karat counts as 995, the least that BIS
/// hallmarks as 24K: a gold value is never more than the metal surely holds.
impl From<Purity> for crate::pricing::gold::Fineness {
    fn from(p: Purity) -> Self {
        use crate::pricing::gold::Fineness;
        Fineness::per_mille(match p {
            Purity::K9 => 375,
            Purity::K14 => 585,
            Purity::K18 => 750,
            Purity::K20 => 833,
            Purity::K22 => 916,
            Purity::K23 => 958,
            Purity::K24 => 995,
        })
    }
}

text_enum!(
    /// What kind of jewel a piece is.
    Kind, "kind" {
        Ring = "ring", "Ring";
        Pendant = "pendant", "Pendant";
        Earrings = "earrings", "Earrings";
        Bangle = "bangle", "Bangle";
        Necklace = "necklace", "Necklace";
        Bracelet = "bracelet", "Bracelet";
        NosePin = "nose_pin", "Nose pin";
        Chain = "chain", "Chain";
    }
);

text_enum!(
    /// Why a piece carries no HUID: the exemptions of the BIS Hallmarking of Gold Jewellery
    /// and Gold Artefacts Order 2020 (as amended) that can apply to a piece of this shop. A
    /// piece is published with a HUID or one of these, recorded by the editor.
    HuidExemption, "HUID exemption" {
        UnderTwoGrams = "under_2_g", "It weighs under 2 g (hallmarking is not required)";
        ExportBuyerSpec = "export_buyer_spec", "Made for export to the buyer's specification";
        SmallTurnover = "small_turnover", "Sold by a jeweller with a yearly turnover up to ₹40 lakh";
        KundanPolkiJadau = "kundan_polki_jadau", "Kundan, polki or jadau work (exempt from hallmarking)";
    }
);

text_enum!(
    /// Where a piece is in its life. Only listed, held and sold pieces are public.
    PieceStatus, "status" {
        Draft = "draft", "Draft";
        Listed = "listed", "Available";
        Held = "held", "Reserved";
        Sold = "sold", "Sold";
        Withdrawn = "withdrawn", "Withdrawn";
    }
);

impl PieceStatus {
    pub const PUBLIC: [&'static str; 3] = ["listed", "held", "sold"];

    pub fn is_public(self) -> bool {
        matches!(self, Self::Listed | Self::Held | Self::Sold)
    }
}

/// Indian ring size, 1 to 30.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct RingSize(i32);

impl RingSize {
    pub fn new(size: i32) -> Result<Self, ParseError> {
        if (1..=30).contains(&size) {
            Ok(Self(size))
        } else {
            err("ring size must be an Indian size from 1 to 30")
        }
    }
    pub fn get(self) -> i32 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huid_is_six_capitals_or_digits() {
        assert!(Huid::parse("AB12CD").is_ok());
        assert!(Huid::parse("ab12cd").is_err());
        assert!(Huid::parse("AB12C").is_err());
        assert!(Huid::parse("AB12CDE").is_err());
        assert!(Huid::parse("AB-2CD").is_err());
    }

    #[test]
    fn sku_is_normalised_and_checked() {
        assert_eq!(Sku::parse(" kol-rng-0012 ").unwrap().as_str(), "KOL-RNG-0012");
        assert!(Sku::parse("-AB").is_err());
        assert!(Sku::parse("A B").is_err());
        assert!(Sku::parse("AB").is_err());
    }

    #[test]
    fn slugs_from_titles() {
        assert_eq!(Slug::from_title("Lotus Bud Ring (22K)").as_str(), "lotus-bud-ring-22k");
        assert_eq!(Slug::from_title("  Jhumka — Peacock  ").as_str(), "jhumka-peacock");
        assert_eq!(Slug::from_title("!!!").as_str(), "piece");
        assert_eq!(Slug::from_title("Repoussé sun disc").as_str(), "repousse-sun-disc");
        assert!(Slug::parse("lotus-bud").is_ok());
        assert!(Slug::parse("Lotus--bud").is_err());
    }

    #[test]
    fn purity_grades_follow_bis() {
        assert_eq!(Purity::parse("22K916").unwrap(), Purity::K22);
        assert_eq!(Purity::ALL.len(), 7);
        let e = Purity::parse("21K").unwrap_err().0;
        assert!(e.contains("unknown purity `21K`"), "{e}");
    }

    #[test]
    fn weights_show_in_grams() {
        assert_eq!(Milligrams::new(12_400).unwrap().to_string(), "12.400 g");
        assert_eq!(Milligrams::new(350).unwrap().to_string(), "0.350 g");
        assert!(Milligrams::new(0).is_err());
    }
}
