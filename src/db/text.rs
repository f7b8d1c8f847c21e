//! Text enums in rows. A status, a kind, a role or a currency is stored as TEXT (portable
//! across both backends) and read back as its Rust enum: a row struct holds `OrderStatus`, not a
//! `String` to parse again. `stored_as_text!` gives a type `FromSql`/`ToSql<Text>` for SQLite,
//! PostgreSQL and the `MultiBackend` of `DbConn`; the type says how it is written and read
//! (`StoredText`) and derives `AsExpression`/`FromSqlRow` with `sql_type = Text`. A value the
//! code does not know (a hand edit, a newer version's row) is an error naming it, never a guess.

/// How an enum is written to and read from a TEXT column.
pub trait StoredText: Sized {
    /// What the column holds, for the error about a value the code does not know.
    const WHAT: &'static str;
    fn code(&self) -> &'static str;
    fn from_code(code: &str) -> Option<Self>;
}

/// Reads a stored code, or says what was unreadable.
pub fn decode<T: StoredText>(code: &str) -> diesel::deserialize::Result<T> {
    T::from_code(code).ok_or_else(|| format!("unknown {} `{code}` in the database", T::WHAT).into())
}

/// Makes a `Copy` enum with `fn code(self) -> &'static str` a TEXT column: its `StoredText`
/// (reading a code with the given closure) and the diesel impls of `stored_as_text!`.
#[macro_export]
macro_rules! text_column {
    ($t:ty, $what:literal, |$code:ident| $from:expr) => {
        impl $crate::db::text::StoredText for $t {
            const WHAT: &'static str = $what;
            fn code(&self) -> &'static str {
                <$t>::code(*self)
            }
            fn from_code($code: &str) -> Option<Self> {
                $from
            }
        }
        $crate::stored_as_text!($t);
    };
}

/// Implements diesel's `FromSql`/`ToSql<Text>` for SQLite, PostgreSQL and `db::MultiBackend`
/// for types that implement `StoredText`.
#[macro_export]
macro_rules! stored_as_text {
    ($($t:ty),+ $(,)?) => {$(
        impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::sqlite::Sqlite> for $t {
            fn from_sql(
                value: <diesel::sqlite::Sqlite as diesel::backend::Backend>::RawValue<'_>,
            ) -> diesel::deserialize::Result<Self> {
                let text = <String as diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::sqlite::Sqlite>>::from_sql(value)?;
                $crate::db::text::decode(&text)
            }
        }
        impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg> for $t {
            fn from_sql(
                value: <diesel::pg::Pg as diesel::backend::Backend>::RawValue<'_>,
            ) -> diesel::deserialize::Result<Self> {
                let text = <String as diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg>>::from_sql(value)?;
                $crate::db::text::decode(&text)
            }
        }
        impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::sqlite::Sqlite> for $t {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::sqlite::Sqlite>,
            ) -> diesel::serialize::Result {
                out.set_value($crate::db::text::StoredText::code(self));
                Ok(diesel::serialize::IsNull::No)
            }
        }
        impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg> for $t {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
            ) -> diesel::serialize::Result {
                std::io::Write::write_all(out, $crate::db::text::StoredText::code(self).as_bytes())?;
                Ok(diesel::serialize::IsNull::No)
            }
        }
        impl diesel::deserialize::FromSql<diesel::sql_types::Text, $crate::db::MultiBackend> for $t {
            fn from_sql(
                bytes: <$crate::db::MultiBackend as diesel::backend::Backend>::RawValue<'_>,
            ) -> diesel::deserialize::Result<Self> {
                bytes.from_sql::<Self, diesel::sql_types::Text>()
            }
        }
        impl diesel::serialize::ToSql<diesel::sql_types::Text, $crate::db::MultiBackend> for $t {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, $crate::db::MultiBackend>,
            ) -> diesel::serialize::Result {
                out.set_value((diesel::sql_types::Text, self));
                Ok(diesel::serialize::IsNull::No)
            }
        }
    )+};
}
