//! The shipping costs table: each zone the shop ships to, its options (with delivery times, in
//! their labels) and their prices, from the same settings checkout charges from. Shown on the
//! shipping policy page and on every piece page. The same for every visitor, so it can be in
//! cached pages (no per-visitor country).

use serde::Serialize;

use crate::config::ShippingZone;
use crate::money::{Money, Presentment};
use crate::shipping::countries;

#[derive(Debug, Clone, Serialize)]
pub struct OptionCost {
    /// The zone's destinations (repeated on each of its options' rows: a row header per row
    /// reads well in a screen reader without spans).
    pub destination: String,
    pub label: String,
    pub price: String,
}

/// One row per option, zone by zone in the settings' order, each price in the visitor's
/// currency (`shown`: converted on its own, as checkout converts the shipping line; the pages
/// that show it are cached per currency).
pub fn table(zones: &[ShippingZone], shown: &Presentment) -> Vec<OptionCost> {
    let named_elsewhere = zones.iter().any(|z| !z.countries.is_empty());
    let mut rows = Vec::new();
    for zone in zones {
        let destination = if zone.countries.is_empty() {
            if named_elsewhere {
                "Every other country we ship to".to_string()
            } else {
                "Every country we ship to".to_string()
            }
        } else {
            let names: Vec<&str> = zone.countries.iter().map(|c| countries::name_of(c).unwrap_or(c.as_str())).collect();
            if names.len() == 1 && names[0] == zone.name {
                zone.name.clone()
            } else {
                format!("{}: {}", zone.name, names.join(", "))
            }
        };
        for option in &zone.options {
            rows.push(OptionCost {
                destination: destination.clone(),
                label: option.label.clone(),
                price: if option.price_minor == 0 {
                    "Free".to_string()
                } else {
                    shown
                        .money(option.price_minor)
                        .unwrap_or_else(|_| Money::new(option.price_minor, shown.base))
                        .to_string()
                },
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_zones_give_one_row_per_option() {
        use crate::money::Currency;
        let usd = Presentment::base(Currency::Usd, rust_decimal::Decimal::ONE, chrono::NaiveDate::MIN);
        let rows = table(&ShippingZone::defaults(Currency::Usd), &usd);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].destination, "India");
        assert_eq!(rows[1].destination, "Every other country we ship to");
        assert_eq!(rows[2].destination, rows[1].destination);
        assert!(rows[1].label.contains("working days"));
        assert!(rows[1].price.contains("45"), "{}", rows[1].price);
    }
}
