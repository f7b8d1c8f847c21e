//! The arithmetic of a GST invoice, apart from the database: the Indian financial year, the
//! document numbers, the place of supply, and the tax in a GST-inclusive price.
//!
//! Every amount is integer minor units. Prices include GST for buyers in India, so the taxable
//! value is `round(value × 100 / (100 + rate))`, half away from zero (`money::round_minor`),
//! and the tax is what is left: a line's parts always add up to its value. Within the seller's
//! state the tax is split in two halves, CGST and SGST; an odd paisa goes to CGST. Exports are
//! zero-rated (under a Letter of Undertaking): the whole value is taxable value, at no tax.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::{round_minor, Overflow};

/// The longest invoice or credit-note number the CGST Rules (r.46(b)) allow.
pub const MAX_NUMBER_LEN: usize = 16;

/// HSN code of articles of jewellery of precious metal.
pub const HSN_JEWELLERY: &str = "7113";

/// An Indian financial year, April to March, named by the year it starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FinancialYear(pub i32);

impl FinancialYear {
    /// The financial year of a date in India.
    pub fn of(india_date: NaiveDate) -> Self {
        let y = india_date.year();
        Self(if india_date.month() >= 4 { y } else { y - 1 })
    }

    /// `2026-27`.
    pub fn label(self) -> String {
        format!("{}-{:02}", self.0, (self.0 + 1).rem_euclid(100))
    }

    /// `26-27`, as the numbers carry it (16 characters leave no room for four-digit years).
    pub fn short(self) -> String {
        format!("{:02}-{:02}", self.0.rem_euclid(100), (self.0 + 1).rem_euclid(100))
    }
}

/// The two consecutive series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    Invoice,
    CreditNote,
}

impl Series {
    /// The series' name in `invoice_series`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Invoice => "invoice",
            Self::CreditNote => "credit_note",
        }
    }
}

/// The document number: `FG/26-27/0000123` for invoices, `FGCN/26-27/00001` for credit notes,
/// the sequence padded so that every number has exactly 16 characters (so they also sort in
/// order as text). `None` if `n` does not fit (a year with ten million invoices).
pub fn number(prefix: &str, series: Series, year: FinancialYear, n: i64) -> Option<String> {
    let head = match series {
        Series::Invoice => format!("{prefix}/{}/", year.short()),
        Series::CreditNote => format!("{prefix}CN/{}/", year.short()),
    };
    let width = MAX_NUMBER_LEN.checked_sub(head.len())?;
    let digits = n.to_string();
    if n < 1 || digits.len() > width {
        return None;
    }
    Some(format!("{head}{n:0width$}"))
}

/// How a supply is taxed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Supply {
    /// In the seller's own state: CGST + SGST.
    Intra,
    /// To another Indian state or union territory: IGST.
    Inter,
    /// Out of India: zero-rated under the LUT.
    Export,
}

/// Where the goods are supplied (the delivery address, CGST/IGST Act s.10(1)(a)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceOfSupply {
    /// The GST state code (`19`), if in India and the state is known.
    pub state_code: Option<&'static str>,
    /// What the invoice prints: `West Bengal (19)`, `Outside India`.
    pub label: String,
    pub supply: Supply,
}

/// GST state codes (the first two digits of a GSTIN), with the names and ISO 3166-2:IN codes
/// customers type for them.
const STATES: &[(&str, &str, &[&str])] = &[
    ("01", "Jammu and Kashmir", &["JK", "J&K", "Jammu & Kashmir"]),
    ("02", "Himachal Pradesh", &["HP"]),
    ("03", "Punjab", &["PB"]),
    ("04", "Chandigarh", &["CH"]),
    ("05", "Uttarakhand", &["UK", "UT", "Uttaranchal"]),
    ("06", "Haryana", &["HR"]),
    ("07", "Delhi", &["DL", "New Delhi", "NCT of Delhi"]),
    ("08", "Rajasthan", &["RJ"]),
    ("09", "Uttar Pradesh", &["UP"]),
    ("10", "Bihar", &["BR"]),
    ("11", "Sikkim", &["SK"]),
    ("12", "Arunachal Pradesh", &["AR"]),
    ("13", "Nagaland", &["NL"]),
    ("14", "Manipur", &["MN"]),
    ("15", "Mizoram", &["MZ"]),
    ("16", "Tripura", &["TR"]),
    ("17", "Meghalaya", &["ML"]),
    ("18", "Assam", &["AS"]),
    ("19", "West Bengal", &["WB"]),
    ("20", "Jharkhand", &["JH"]),
    ("21", "Odisha", &["OD", "OR", "Orissa"]),
    ("22", "Chhattisgarh", &["CG", "CT"]),
    ("23", "Madhya Pradesh", &["MP"]),
    ("24", "Gujarat", &["GJ"]),
    ("26", "Dadra and Nagar Haveli and Daman and Diu", &["DH", "DN", "DD", "Daman and Diu", "Dadra and Nagar Haveli"]),
    ("27", "Maharashtra", &["MH"]),
    ("29", "Karnataka", &["KA"]),
    ("30", "Goa", &["GA"]),
    ("31", "Lakshadweep", &["LD"]),
    ("32", "Kerala", &["KL"]),
    ("33", "Tamil Nadu", &["TN"]),
    ("34", "Puducherry", &["PY", "Pondicherry"]),
    ("35", "Andaman and Nicobar Islands", &["AN", "Andaman & Nicobar Islands"]),
    ("36", "Telangana", &["TG", "TS"]),
    ("37", "Andhra Pradesh", &["AP"]),
    ("38", "Ladakh", &["LA"]),
];

/// Letters and digits only, lower case, `&` read as `and`: "Tamil-Nadu", "tamil nadu" and
/// "TN" compare as typed.
fn simplify(s: &str) -> String {
    s.replace('&', "and").chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The state a region names (its name, ISO code or GST code), if any.
pub fn state(region: &str) -> Option<(&'static str, &'static str)> {
    let wanted = simplify(region.strip_prefix("IN-").unwrap_or(region));
    if wanted.is_empty() {
        return None;
    }
    STATES
        .iter()
        .find(|(code, name, aliases)| {
            *code == wanted || simplify(name) == wanted || aliases.iter().any(|a| simplify(a) == wanted)
        })
        .map(|(code, name, _)| (*code, *name))
}

/// The name of a GST state code, if it is one.
pub fn state_name(code: &str) -> Option<&'static str> {
    STATES.iter().find(|(c, _, _)| *c == code).map(|(_, n, _)| *n)
}

/// The place of supply of a parcel to `country` (ISO alpha-2) and `region`. A delivery in
/// India whose state cannot be read from the region is taxed as a supply to another state
/// (IGST), and the invoice prints the region as written, for finance to see.
pub fn place_of_supply(country: &str, region: Option<&str>, seller_state: &str) -> PlaceOfSupply {
    if !country.eq_ignore_ascii_case("IN") {
        return PlaceOfSupply { state_code: None, label: "Outside India".into(), supply: Supply::Export };
    }
    match region.and_then(state) {
        Some((code, name)) => PlaceOfSupply {
            state_code: Some(code),
            label: format!("{name} ({code})"),
            supply: if code == seller_state { Supply::Intra } else { Supply::Inter },
        },
        None => PlaceOfSupply {
            state_code: None,
            label: format!("India, state not recognised: {}", region.unwrap_or("not given").trim()),
            supply: Supply::Inter,
        },
    }
}

/// A value and its parts. `taxable + cgst + sgst + igst == total` always.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tax {
    pub taxable: i64,
    pub cgst: i64,
    pub sgst: i64,
    pub igst: i64,
    pub total: i64,
}

impl Tax {
    pub fn tax(&self) -> i64 {
        self.cgst + self.sgst + self.igst
    }

    pub fn add(&self, other: &Tax) -> Tax {
        Tax {
            taxable: self.taxable + other.taxable,
            cgst: self.cgst + other.cgst,
            sgst: self.sgst + other.sgst,
            igst: self.igst + other.igst,
            total: self.total + other.total,
        }
    }

    fn minus(&self, other: &Tax) -> Tax {
        Tax {
            taxable: self.taxable - other.taxable,
            cgst: self.cgst - other.cgst,
            sgst: self.sgst - other.sgst,
            igst: self.igst - other.igst,
            total: self.total - other.total,
        }
    }
}

/// Splits a tax amount by the kind of supply: halves within the state (the odd paisa to
/// CGST), all IGST otherwise.
fn assign(total: i64, taxable: i64, supply: Supply) -> Tax {
    let tax = total - taxable;
    match supply {
        Supply::Intra => {
            let sgst = tax / 2;
            Tax { taxable, cgst: tax - sgst, sgst, igst: 0, total }
        }
        Supply::Inter => Tax { taxable, cgst: 0, sgst: 0, igst: tax, total },
        Supply::Export => Tax { taxable: total, cgst: 0, sgst: 0, igst: 0, total },
    }
}

/// A GST-inclusive value split into taxable value and tax at `rate_percent`.
pub fn split_inclusive(total: i64, rate_percent: Decimal, supply: Supply) -> Result<Tax, Overflow> {
    if supply == Supply::Export || rate_percent.is_zero() {
        return Ok(assign(total, total, supply));
    }
    let hundred = Decimal::ONE_HUNDRED;
    let taxable = round_minor(Decimal::from(total) * hundred / (hundred + rate_percent))?;
    Ok(assign(total, taxable, supply))
}

/// The credit note for a refund of `amount` against an invoice of `invoice`, of which
/// `credited` has already been credited: the taxable value in proportion,
/// `round(invoice.taxable × amount / invoice.total)`, and the tax the rest of the amount, split
/// as the invoice was. A refund that reaches the invoice's total credits exactly what is left,
/// so the invoice and its credit notes net to zero in every column. `None` if nothing is left.
pub fn credit(invoice: &Tax, credited: &Tax, amount: i64, supply: Supply) -> Result<Option<Tax>, Overflow> {
    let left = invoice.minus(credited);
    let amount = amount.min(left.total);
    if amount <= 0 {
        return Ok(None);
    }
    if amount == left.total {
        return Ok(Some(left));
    }
    let taxable = round_minor(Decimal::from(invoice.taxable) * Decimal::from(amount) / Decimal::from(invoice.total))?;
    Ok(Some(assign(amount, taxable.min(amount), supply)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn financial_years_run_april_to_march() {
        assert_eq!(FinancialYear::of(d(2026, 12, 2)).label(), "2026-27");
        assert_eq!(FinancialYear::of(d(2027, 3, 31)).label(), "2026-27");
        assert_eq!(FinancialYear::of(d(2027, 4, 1)).label(), "2027-28");
        assert_eq!(FinancialYear::of(d(2099, 6, 1)).short(), "99-00");
    }

    #[test]
    fn numbers_have_exactly_sixteen_characters() {
        let fy = FinancialYear(2026);
        assert_eq!(number("FG", Series::Invoice, fy, 123).unwrap(), "FG/26-27/0000123");
        assert_eq!(number("FG", Series::CreditNote, fy, 1).unwrap(), "FGCN/26-27/00001");
        assert_eq!(number("ABC", Series::CreditNote, fy, 9999).unwrap(), "ABCCN/26-27/9999");
        assert_eq!(number("ABC", Series::CreditNote, fy, 10_000), None, "would pass 16 characters");
        assert_eq!(number("FG", Series::Invoice, fy, 0), None);
        for n in [1, 42, 9_999_999] {
            assert_eq!(number("FG", Series::Invoice, fy, n).unwrap().len(), 16);
        }
    }

    #[test]
    fn place_of_supply_by_state_name_or_code() {
        let wb = place_of_supply("IN", Some("West Bengal"), "19");
        assert_eq!((wb.supply, wb.label.as_str()), (Supply::Intra, "West Bengal (19)"));
        assert_eq!(place_of_supply("in", Some("wb"), "19").supply, Supply::Intra);
        assert_eq!(place_of_supply("IN", Some("IN-WB"), "19").supply, Supply::Intra);
        let mh = place_of_supply("IN", Some("Maharashtra"), "19");
        assert_eq!((mh.supply, mh.state_code), (Supply::Inter, Some("27")));
        assert_eq!(place_of_supply("IN", Some("Tamil-Nadu"), "19").state_code, Some("33"));
        assert_eq!(place_of_supply("IN", Some("J & K"), "19").state_code, Some("01"));
        let unknown = place_of_supply("IN", Some("Atlantis"), "19");
        assert_eq!((unknown.supply, unknown.state_code), (Supply::Inter, None));
        let de = place_of_supply("DE", Some("Berlin"), "19");
        assert_eq!((de.supply, de.label.as_str()), (Supply::Export, "Outside India"));
    }

    #[test]
    fn inclusive_prices_round_half_away_from_zero_and_add_up() {
        let three = Decimal::from(3);
        // 10,300 × 100 / 103 = 10,000 exactly: 300 tax, 150 + 150.
        let t = split_inclusive(10_300, three, Supply::Intra).unwrap();
        assert_eq!(t, Tax { taxable: 10_000, cgst: 150, sgst: 150, igst: 0, total: 10_300 });
        // 54,500 × 100 / 103 = 52,912.62 → 52,913; tax 1,587, odd: CGST 794, SGST 793.
        let t = split_inclusive(54_500, three, Supply::Intra).unwrap();
        assert_eq!(t, Tax { taxable: 52_913, cgst: 794, sgst: 793, igst: 0, total: 54_500 });
        // 5,150 × 100 / 103 = 5,000 exactly: all IGST in another state.
        let t = split_inclusive(5_150, three, Supply::Inter).unwrap();
        assert_eq!(t, Tax { taxable: 5_000, cgst: 0, sgst: 0, igst: 150, total: 5_150 });
        // 53 × 100 / 103 = 51.46 → 51 (rounded, not truncated: 52 × 100 / 103 = 50.49 → 50).
        assert_eq!(split_inclusive(53, three, Supply::Inter).unwrap().taxable, 51);
        assert_eq!(split_inclusive(52, three, Supply::Inter).unwrap().taxable, 50);
        // An exact half goes away from zero: 7 × 100 / 200 = 3.5 → 4.
        assert_eq!(split_inclusive(7, Decimal::ONE_HUNDRED, Supply::Inter).unwrap().taxable, 4);
        let e = split_inclusive(54_500, three, Supply::Export).unwrap();
        assert_eq!(e, Tax { taxable: 54_500, cgst: 0, sgst: 0, igst: 0, total: 54_500 });
        for total in [1, 2, 3, 99, 101, 12_345, 999_999] {
            let t = split_inclusive(total, three, Supply::Intra).unwrap();
            assert_eq!(t.taxable + t.tax(), total);
            assert!(t.cgst - t.sgst == 0 || t.cgst - t.sgst == 1);
        }
    }

    #[test]
    fn credit_notes_reverse_in_proportion_and_net_to_zero() {
        let three = Decimal::from(3);
        let inv = split_inclusive(54_500, three, Supply::Intra).unwrap();
        // A third: 52,913 × 10,000 / 54,500 = 9,708.8 → 9,709; tax 291 → 146 + 145.
        let first = credit(&inv, &Tax::default(), 10_000, Supply::Intra).unwrap().unwrap();
        assert_eq!(first, Tax { taxable: 9_709, cgst: 146, sgst: 145, igst: 0, total: 10_000 });
        // The rest: exactly what is left in every column.
        let rest = credit(&inv, &first, 44_500, Supply::Intra).unwrap().unwrap();
        let all = first.add(&rest);
        assert_eq!(all, inv);
        // Nothing more to credit, however much more is refunded.
        assert_eq!(credit(&inv, &all, 1, Supply::Intra).unwrap(), None);
        // More than is left is capped at what is left.
        let capped = credit(&inv, &first, 90_000, Supply::Intra).unwrap().unwrap();
        assert_eq!(capped, rest);
        let exp = split_inclusive(20_000, three, Supply::Export).unwrap();
        let c = credit(&exp, &Tax::default(), 5_000, Supply::Export).unwrap().unwrap();
        assert_eq!(c, Tax { taxable: 5_000, cgst: 0, sgst: 0, igst: 0, total: 5_000 });
    }
}
