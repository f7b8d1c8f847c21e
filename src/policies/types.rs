//! The kinds of policy a shop publishes, and a version number as the public pages name it.

use serde::Serialize;

/// A shop policy. The code is the one stored in `policy_versions.kind` and the last part of
/// its public address (`/policies/{code}`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    diesel::expression::AsExpression,
    diesel::deserialize::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(rename_all = "lowercase")]
pub enum PolicyKind {
    /// Zones, costs, delivery times, duties and import taxes for buyers abroad.
    Shipping,
    /// Returns and refunds.
    Returns,
    /// Privacy (what personal data the shop keeps and why; GDPR for buyers in Europe).
    Privacy,
    /// Terms of sale: what a buyer accepts when placing an order.
    Terms,
    /// The grievance officer (Consumer Protection (E-Commerce) Rules 2020, rule 4(4)).
    Grievance,
}

crate::text_column!(PolicyKind, "policy kind", |c| PolicyKind::parse(c));

impl PolicyKind {
    /// In the order the footer and the back office list them.
    pub const ALL: [PolicyKind; 5] =
        [PolicyKind::Shipping, PolicyKind::Returns, PolicyKind::Privacy, PolicyKind::Terms, PolicyKind::Grievance];

    /// The policies a buyer accepts by placing an order (their versions are kept on the order).
    pub const ACCEPTED_AT_CHECKOUT: [PolicyKind; 2] = [PolicyKind::Terms, PolicyKind::Returns];

    pub fn parse(input: &str) -> Option<Self> {
        match input.trim() {
            "shipping" => Some(Self::Shipping),
            "returns" => Some(Self::Returns),
            "privacy" => Some(Self::Privacy),
            "terms" => Some(Self::Terms),
            "grievance" => Some(Self::Grievance),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Shipping => "shipping",
            Self::Returns => "returns",
            Self::Privacy => "privacy",
            Self::Terms => "terms",
            Self::Grievance => "grievance",
        }
    }

    /// The page's heading.
    pub fn title(self) -> &'static str {
        match self {
            Self::Shipping => "Shipping",
            Self::Returns => "Returns and refunds",
            Self::Privacy => "Privacy",
            Self::Terms => "Terms of sale",
            Self::Grievance => "Grievance officer",
        }
    }

    /// The public page.
    pub fn path(self) -> String {
        format!("/policies/{}", self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_from_its_code() {
        for k in PolicyKind::ALL {
            assert_eq!(PolicyKind::parse(k.code()), Some(k));
            assert_eq!(k.path(), format!("/policies/{}", k.code()));
        }
        assert_eq!(PolicyKind::parse("refunds"), None);
    }
}
