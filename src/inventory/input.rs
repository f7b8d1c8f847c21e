//! A piece as staff type it (every field text, from a form, a CSV row or JSON) and its parsed
//! form. Parsing collects an error per field, so a form can show each next to its field and
//! keep what was typed.

use serde::{Deserialize, Serialize};

use crate::catalog::types::{Huid, HuidExemption, Kind, Metal, Milligrams, Purity, RingSize, Sku};
use crate::money::{Currency, Money};
use crate::web::form::FieldErrors;

/// Raw input. Field names are the form's, the CSV's columns and the JSON API's keys.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PieceForm {
    pub sku: String,
    pub title: String,
    pub description: String,
    /// ring, pendant, earrings, bangle, necklace, bracelet, nose_pin, chain
    pub kind: String,
    /// yellow_gold, rose_gold, white_gold
    pub metal: String,
    /// 9K375, 14K585, 18K750, 20K833, 22K916, 23K958, 24K
    pub purity: String,
    /// grams, up to 3 decimals
    pub gross_weight_g: String,
    /// grams, up to 3 decimals
    pub net_weight_g: String,
    /// Indian size 1–30, rings only
    pub ring_size: String,
    /// BIS HUID, 6 capital letters or digits
    pub huid: String,
    /// Why the piece has no HUID (empty when it has one): under_2_g, export_buyer_spec,
    /// small_turnover, kundan_polki_jadau
    pub huid_exemption: String,
    /// in the shop currency, major units
    pub price: String,
    /// kolkata or mumbai (a manager's own center is used for them)
    pub center: String,
    /// one stone line per row: `kind, count, carats` e.g. `ruby, 3, 0.45`
    pub stones: String,
    /// one maker per row: `artisan public id, hours` e.g. `k7m2p9qx3a, 18.5`
    pub labor: String,
    /// the piece's wage in rupees, shared by its makers by hours; empty = the proposed wage
    /// (hours × the center's target hourly rate)
    pub wage: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StoneInput {
    pub kind: String,
    pub count: i32,
    pub carats_hundredths: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LaborInput {
    pub artisan_public_id: String,
    pub minutes: i64,
}

/// A checked piece. The center is a code here; the service resolves it and checks the
/// staff member may act for it.
#[derive(Debug, Clone)]
pub struct PieceInput {
    pub sku: Sku,
    pub title: String,
    pub description: String,
    pub kind: Kind,
    pub metal: Metal,
    pub purity: Purity,
    pub gross_weight: Milligrams,
    pub net_weight: Milligrams,
    pub ring_size: Option<RingSize>,
    pub huid: Option<Huid>,
    pub huid_exemption: Option<HuidExemption>,
    pub price: Money,
    pub center: Option<String>,
    pub stones: Vec<StoneInput>,
    pub labor: Vec<LaborInput>,
    /// The wage staff chose, in paise; `None` = take the proposal.
    pub wage: Option<i64>,
}

/// Parses "4.25" with at most `digits` decimals into an integer of 10^-digits units, exactly.
pub fn fixed_point(input: &str, digits: u32) -> Option<i64> {
    let s = input.trim();
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    if (whole.is_empty() && frac.is_empty())
        || frac.len() > digits as usize
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let frac_v: i64 =
        if frac.is_empty() { 0 } else { frac.parse::<i64>().ok()? * 10i64.pow(digits - frac.len() as u32) };
    whole.checked_mul(10i64.pow(digits))?.checked_add(frac_v)
}

impl PieceForm {
    pub fn parse(&self, currency: Currency) -> Result<PieceInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let sku = Sku::parse(&self.sku).map_err(|x| e.add("sku", x.0)).ok();
        let title = self.title.trim().to_string();
        if title.is_empty() {
            e.add("title", "give the piece a title");
        } else if title.chars().count() > 120 {
            e.add("title", "keep the title under 120 characters");
        }
        let description = self.description.trim().replace("\r\n", "\n");
        if description.chars().count() > 5000 {
            e.add("description", "keep the description under 5,000 characters");
        }
        let kind = Kind::parse(&self.kind).map_err(|x| e.add("kind", x.0)).ok();
        let metal = Metal::parse(&self.metal).map_err(|x| e.add("metal", x.0)).ok();
        let purity = Purity::parse(&self.purity).map_err(|x| e.add("purity", x.0)).ok();
        let mut grams = |field: &str, value: &str| -> Option<Milligrams> {
            match fixed_point(value, 3) {
                None => {
                    e.add(field, "enter a weight in grams, e.g. 4.25");
                    None
                }
                Some(mg) => Milligrams::new(mg).map_err(|x| e.add(field, x.0)).ok(),
            }
        };
        let gross = grams("gross_weight_g", &self.gross_weight_g);
        let net = grams("net_weight_g", &self.net_weight_g);
        if let (Some(g), Some(n)) = (gross, net) {
            if n > g {
                e.add("net_weight_g", "the net gold weight cannot be more than the gross weight");
            }
        }
        let ring_size = match self.ring_size.trim() {
            "" => None,
            s => match s.parse::<i32>() {
                Ok(n) => RingSize::new(n).map_err(|x| e.add("ring_size", x.0)).ok(),
                Err(_) => {
                    e.add("ring_size", "ring size must be a whole number from 1 to 30");
                    None
                }
            },
        };
        if ring_size.is_some() && kind.is_some_and(|k| k != Kind::Ring) {
            e.add("ring_size", "only rings have a ring size");
        }
        let huid = match self.huid.trim() {
            "" => None,
            s => Huid::parse(&s.to_ascii_uppercase()).map_err(|x| e.add("huid", x.0)).ok(),
        };
        let huid_exemption = match self.huid_exemption.trim() {
            "" => None,
            s => HuidExemption::parse(s).map_err(|x| e.add("huid_exemption", x.0)).ok(),
        };
        if huid.is_some() && huid_exemption.is_some() {
            e.add("huid_exemption", "a piece with a HUID is not exempt: clear the HUID or the exemption");
        }
        if huid_exemption == Some(HuidExemption::UnderTwoGrams) && gross.is_some_and(|g| g.get() >= 2_000) {
            e.add("huid_exemption", "this piece weighs 2 g or more, so the under-2 g exemption does not apply");
        }
        let price = match Money::parse_major(&self.price, currency) {
            Ok(m) if m.minor > 0 => Some(m),
            Ok(_) => {
                e.add("price", "the price must be more than zero");
                None
            }
            Err(x) => {
                e.add("price", format!("price {x}"));
                None
            }
        };
        let center = Some(self.center.trim().to_lowercase()).filter(|c| !c.is_empty());
        let stones = parse_lines(&self.stones, "stones", &mut e, |parts| {
            let [kind, count, carats] = parts else {
                return Err("write each stone as: kind, count, carats (e.g. ruby, 3, 0.45)");
            };
            let kind = kind.to_lowercase();
            if kind.is_empty() || kind.len() > 40 || !kind.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-') {
                return Err("a stone's kind is a word such as ruby or pearl");
            }
            let count: i32 = count
                .parse()
                .ok()
                .filter(|n| (1..=1000).contains(n))
                .ok_or("a stone count is a whole number from 1 to 1000")?;
            let carats = fixed_point(carats, 2)
                .filter(|c| *c <= 100_000)
                .ok_or("carats are a number with at most 2 decimals, e.g. 0.45")?;
            Ok(StoneInput { kind, count, carats_hundredths: carats })
        });
        let labor = parse_labor(&self.labor, &mut e);
        let wage = parse_wage(&self.wage, &mut e);
        if !e.is_empty() {
            return Err(e);
        }
        match (sku, kind, metal, purity, gross, net, price) {
            (Some(sku), Some(kind), Some(metal), Some(purity), Some(gross_weight), Some(net_weight), Some(price)) => {
                Ok(PieceInput {
                    sku,
                    title,
                    description,
                    kind,
                    metal,
                    purity,
                    gross_weight,
                    net_weight,
                    ring_size,
                    huid,
                    huid_exemption,
                    price,
                    center,
                    stones,
                    labor,
                    wage,
                })
            }
            _ => Err(e),
        }
    }
}

impl PieceForm {
    /// Just the labor record and the wage, for the wage panel (which is shown even while
    /// other fields have mistakes); `None` when either does not parse.
    pub fn labor_and_wage(&self) -> Option<(Vec<LaborInput>, Option<i64>)> {
        let mut e = FieldErrors::default();
        let labor = parse_labor(&self.labor, &mut e);
        let wage = parse_wage(&self.wage, &mut e);
        e.is_empty().then_some((labor, wage))
    }
}

fn parse_labor(text: &str, e: &mut FieldErrors) -> Vec<LaborInput> {
    let labor = parse_lines(text, "labor", e, |parts| {
        let [who, hours] = parts else {
            return Err("write each maker as: artisan id, hours (e.g. k7m2p9qx3a, 18.5)");
        };
        let hundredths = fixed_point(hours, 2)
            .filter(|h| *h > 0 && *h <= 100_000)
            .ok_or("hours are a number above zero, e.g. 18.5")?;
        // Minutes, rounded half up: 18.5 h = 1110 min; 0.01 h = 0.6 min → 1 min.
        let minutes = (hundredths * 60 + 50) / 100;
        Ok(LaborInput { artisan_public_id: who.to_string(), minutes: minutes.max(1) })
    });
    let mut seen = std::collections::HashSet::new();
    if !labor.iter().all(|l| seen.insert(l.artisan_public_id.clone())) {
        e.add("labor", "list each maker once");
    }
    labor
}

/// The wage in rupees (up to 2 decimals) as paise; empty = the proposal.
fn parse_wage(text: &str, e: &mut FieldErrors) -> Option<i64> {
    let t = text.trim().trim_start_matches('₹').trim().replace(',', "");
    if t.is_empty() {
        return None;
    }
    match fixed_point(&t, 2) {
        Some(p) if p > 0 && p <= 100_000_000_000 => Some(p),
        Some(_) => {
            e.add("wage", "the wage must be more than zero; leave it empty to take the proposed wage");
            None
        }
        None => {
            e.add("wage", "enter the wage in rupees, e.g. 1250 or 1250.50; leave it empty to take the proposed wage");
            None
        }
    }
}

fn parse_lines<T>(
    text: &str,
    field: &str,
    errors: &mut FieldErrors,
    parse: impl Fn(&[&str]) -> Result<T, &'static str>,
) -> Vec<T> {
    let mut out = Vec::new();
    for (i, line) in text.lines().map(str::trim).filter(|l| !l.is_empty()).enumerate() {
        let parts: Vec<&str> = line.split(',').map(str::trim).collect();
        match parse(&parts) {
            Ok(v) => out.push(v),
            Err(msg) => errors.add(field, format!("line {}: {msg}", i + 1)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> PieceForm {
        PieceForm {
            sku: "kol-rng-0100".into(),
            title: "Lotus ring".into(),
            description: "Handmade.".into(),
            kind: "ring".into(),
            metal: "yellow_gold".into(),
            purity: "22K916".into(),
            gross_weight_g: "4.65".into(),
            net_weight_g: "4.5".into(),
            ring_size: "12".into(),
            huid: "ab12cd".into(),
            huid_exemption: String::new(),
            price: "625".into(),
            center: "Kolkata".into(),
            stones: "ruby, 3, 0.45\n\npearl, 1, 0".into(),
            labor: "k7m2p9qx3a, 18.5".into(),
            wage: String::new(),
        }
    }

    #[test]
    fn a_full_piece_parses_exactly() {
        let p = valid().parse(Currency::Usd).unwrap();
        assert_eq!(p.sku.as_str(), "KOL-RNG-0100");
        assert_eq!(p.gross_weight.get(), 4_650);
        assert_eq!(p.net_weight.get(), 4_500);
        assert_eq!(p.huid.unwrap().as_str(), "AB12CD");
        assert_eq!(p.price.minor, 62_500);
        assert_eq!(p.center.as_deref(), Some("kolkata"));
        assert_eq!(
            p.stones,
            vec![
                StoneInput { kind: "ruby".into(), count: 3, carats_hundredths: 45 },
                StoneInput { kind: "pearl".into(), count: 1, carats_hundredths: 0 },
            ]
        );
        assert_eq!(p.labor, vec![LaborInput { artisan_public_id: "k7m2p9qx3a".into(), minutes: 1110 }]);
        assert_eq!(p.wage, None, "an empty wage takes the proposal");
        let p = PieceForm { wage: "₹2,150.5".into(), ..valid() }.parse(Currency::Usd).unwrap();
        assert_eq!(p.wage, Some(215_050));
    }

    #[test]
    fn every_bad_field_gets_its_own_message() {
        let form = PieceForm {
            sku: "a".into(),
            title: " ".into(),
            kind: "brooch".into(),
            metal: "silver".into(),
            purity: "21K".into(),
            gross_weight_g: "heavy".into(),
            net_weight_g: "1.2345".into(),
            ring_size: "40".into(),
            huid: "12345".into(),
            price: "0".into(),
            stones: "ruby".into(),
            labor: "abc, -1".into(),
            wage: "12.345".into(),
            ..Default::default()
        };
        let e = form.parse(Currency::Usd).unwrap_err();
        for field in [
            "sku",
            "title",
            "kind",
            "metal",
            "purity",
            "gross_weight_g",
            "net_weight_g",
            "ring_size",
            "huid",
            "price",
            "stones",
            "labor",
            "wage",
        ] {
            assert!(e.0.contains_key(field), "no error for {field}: {e:?}");
        }
        let e = PieceForm { net_weight_g: "5".into(), ..valid() }.parse(Currency::Usd).unwrap_err();
        assert_eq!(e.0["net_weight_g"], "the net gold weight cannot be more than the gross weight");
        let e = PieceForm { kind: "pendant".into(), ..valid() }.parse(Currency::Usd).unwrap_err();
        assert_eq!(e.0["ring_size"], "only rings have a ring size");
    }

    #[test]
    fn fixed_point_is_exact() {
        assert_eq!(fixed_point("4.25", 3), Some(4_250));
        assert_eq!(fixed_point("0.001", 3), Some(1));
        assert_eq!(fixed_point(".5", 2), Some(50));
        assert_eq!(fixed_point("1.2345", 3), None);
        assert_eq!(fixed_point("-1", 3), None);
        assert_eq!(fixed_point("1e3", 3), None);
    }
}
