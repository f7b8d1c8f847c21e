//! `text_enum!`: a closed set of values a person chooses (in a form or a query string) and a
//! row stores as TEXT. Its `parse` answers a `web::form::ParseError`; its column comes from
//! `db::text` (`text_column!`).

/// Defines a closed set of values stored as text, with labels for people: the enum (serialized
/// as its code), `ALL`, `parse` (an error naming the codes expected), `code`, `label`, and its
/// TEXT column (`db::text`'s `text_column!`). Used for the catalog's kinds, metals and
/// statuses and for a return's status.
#[macro_export]
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident = $code:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, diesel::expression::AsExpression, diesel::deserialize::FromSqlRow)]
        #[diesel(sql_type = diesel::sql_types::Text)]
        pub enum $name { $(#[serde(rename = $code)] $variant,)+ }

        $crate::text_column!($name, $what, |c| $name::parse(c).ok());

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            pub fn parse(input: &str) -> Result<Self, $crate::web::form::ParseError> {
                match input.trim() {
                    $($code => Ok(Self::$variant),)+
                    other => Err($crate::web::form::ParseError(format!(
                        concat!("unknown ", $what, " `{}`; expected one of: {}"),
                        other,
                        [$($code),+].join(", ")
                    ))),
                }
            }
            pub fn code(self) -> &'static str {
                match self { $(Self::$variant => $code,)+ }
            }
            pub fn label(self) -> &'static str {
                match self { $(Self::$variant => $label,)+ }
            }
        }
    };
}
