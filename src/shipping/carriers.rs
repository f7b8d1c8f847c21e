//! Carriers a workshop ships insured jewelry with, and the page where a customer follows a
//! parcel. Staff pick the carrier from this list (or type another one, which then gets no
//! link); the tracking number goes into the carrier's own public tracking page.

/// (name as staff choose it, tracking page with `{}` for the number).
pub const CARRIERS: &[(&str, &str)] = &[
    ("India Post", "https://www.indiapost.gov.in/_layouts/15/dop.portal.tracking/trackconsignment.aspx?consignment={}"),
    ("Blue Dart", "https://www.bluedart.com/web/guest/trackdartresultthirdparty?trackFor=0&trackNo={}"),
    ("DHL Express", "https://www.dhl.com/in-en/home/tracking/tracking-express.html?submit=1&tracking-id={}"),
    ("FedEx", "https://www.fedex.com/fedextrack/?trknbr={}"),
    ("UPS", "https://www.ups.com/track?tracknum={}"),
    ("Aramex", "https://www.aramex.com/us/en/track/results?ShipmentNumber={}"),
    ("Delhivery", "https://www.delhivery.com/track-v2/package/{}"),
    ("DTDC", "https://www.dtdc.com/track-your-shipment/?trackingNumber={}"),
];

/// The carrier as it is on the list, matched without regard to case or spacing
/// (`india post ems` is India Post).
pub fn known(carrier: &str) -> Option<&'static str> {
    let wanted: String = carrier.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    CARRIERS.iter().map(|(name, _)| *name).find(|name| {
        let n: String = name.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
        wanted.starts_with(&n)
    })
}

/// The public tracking page of a parcel, when the carrier is one we know.
pub fn url(carrier: Option<&str>, tracking_number: Option<&str>) -> Option<String> {
    let name = known(carrier?)?;
    let number = tracking_number?.trim();
    if number.is_empty() {
        return None;
    }
    let template = CARRIERS.iter().find(|(n, _)| *n == name)?.1;
    let encoded: String = url::form_urlencoded::byte_serialize(number.as_bytes()).collect();
    Some(template.replace("{}", &encoded))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_carriers_get_a_link_with_the_number_escaped() {
        assert_eq!(known("india post EMS"), Some("India Post"));
        assert_eq!(
            url(Some("FedEx"), Some(" 7712 3456 ")).as_deref(),
            Some("https://www.fedex.com/fedextrack/?trknbr=7712+3456")
        );
        assert_eq!(url(Some("Local courier"), Some("123")), None);
        assert_eq!(url(Some("UPS"), Some("")), None);
        assert_eq!(url(None, Some("1")), None);
    }
}
