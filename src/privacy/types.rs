//! The kinds and outcomes of privacy requests, stored as text.

/// What was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, diesel::expression::AsExpression, diesel::deserialize::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum RequestKind {
    /// A copy of the customer's data.
    Export,
    /// The customer asked for their data to be erased.
    Erasure,
    /// A pass of the retention job (orders past the tax-record period).
    Retention,
}

crate::text_column!(RequestKind, "privacy request kind", |c| RequestKind::parse(c));

impl RequestKind {
    pub const ALL: [RequestKind; 3] = [Self::Export, Self::Erasure, Self::Retention];

    pub fn code(self) -> &'static str {
        match self {
            Self::Export => "export",
            Self::Erasure => "erasure",
            Self::Retention => "retention",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Export => "Copy of their data",
            Self::Erasure => "Erasure",
            Self::Retention => "Retention job",
        }
    }
}

/// How it ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, diesel::expression::AsExpression, diesel::deserialize::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum RequestStatus {
    Completed,
    /// Not done (an erasure while an order was in progress); the outcome says why.
    Refused,
}

crate::text_column!(RequestStatus, "privacy request status", |c| RequestStatus::parse(c));

impl RequestStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Completed => "completed",
            Self::Refused => "refused",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [Self::Completed, Self::Refused].into_iter().find(|s| s.code() == code)
    }
}
