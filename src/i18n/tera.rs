//! The `fluent` function for Tera templates:
//! `{{ fluent(key="slip-net-pay", lang=lang) }}`, with named arguments passed to the message
//! (`{{ fluent(key="slip-pieces", lang=lang, count=3) }}` fills `{ $count }`). Strings and
//! numbers may be passed; the output is escaped like any other value. fluent-templates' own
//! Tera integration targets Tera 2; this is the same idea over its loader for Tera 1.
//! A key no language has is an error (the page fails in development and in the tests, instead
//! of showing a raw key to a reader).
//!
//! The filters `local_time` and `local_date` show a stored UTC time in the reader's zone and
//! language: `{{ order.created_at | local_time(tz=tz, lang=lang) }}` → "2 Dec 2026, 17:05 IST"
//! (`tz` and `lang` are in every back-office page's context, `web::templates::render_admin`).
//! They take a serialised `NaiveDateTime`, an RFC 3339 time or Unix seconds; a missing value
//! (`null`) shows as nothing; a plain date (`2026-12-02`) is a calendar day and is not moved.

use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use tera::Value;

use super::time::{self, SHOP_TIME_ZONE};
use super::{lookup, Lang};

fn lang_arg(args: &HashMap<String, Value>, what: &str) -> tera::Result<Lang> {
    match args.get("lang") {
        Some(Value::String(code)) => {
            Lang::parse(code).ok_or_else(|| tera::Error::msg(format!("{what}: no language `{code}`")))
        }
        Some(_) => Err(tera::Error::msg(format!("{what}: `lang` must be a language code"))),
        None => Ok(Lang::En),
    }
}

fn zone_arg(args: &HashMap<String, Value>, what: &str) -> tera::Result<chrono_tz::Tz> {
    match args.get("tz") {
        Some(Value::String(name)) => {
            time::parse_zone(name).ok_or_else(|| tera::Error::msg(format!("{what}: no time zone `{name}`")))
        }
        Some(_) => Err(tera::Error::msg(format!("{what}: `tz` must be a time zone name"))),
        None => Ok(SHOP_TIME_ZONE),
    }
}

/// The value a time filter got, as a UTC time, or a calendar day (`Err`), or nothing.
fn stored_time(value: &Value, what: &str) -> tera::Result<Option<Result<chrono::NaiveDateTime, chrono::NaiveDate>>> {
    match value {
        Value::Null => Ok(None),
        Value::Number(n) => n
            .as_i64()
            .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
            .map(|t| Some(Ok(t.naive_utc())))
            .ok_or_else(|| tera::Error::msg(format!("{what}: {n} is not a time"))),
        Value::String(s) => {
            if let Some(t) = time::parse_stored(s) {
                return Ok(Some(Ok(t)));
            }
            chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                .map(|d| Some(Err(d)))
                .map_err(|_| tera::Error::msg(format!("{what}: `{s}` is not a time")))
        }
        other => Err(tera::Error::msg(format!("{what}: {other} is not a time"))),
    }
}

/// `{{ t | local_time(tz=tz, lang=lang) }}` → "2 Dec 2026, 17:05 IST".
pub fn local_time(value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
    let (lang, tz) = (lang_arg(args, "local_time")?, zone_arg(args, "local_time")?);
    Ok(Value::String(match stored_time(value, "local_time")? {
        None => String::new(),
        Some(Ok(t)) => time::local_time(lang, tz, t),
        Some(Err(day)) => time::short_date(lang, day),
    }))
}

/// `{{ t | local_date(tz=tz, lang=lang) }}` → "2 Dec 2026" (the day in the reader's zone).
pub fn local_date(value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
    let (lang, tz) = (lang_arg(args, "local_date")?, zone_arg(args, "local_date")?);
    Ok(Value::String(match stored_time(value, "local_date")? {
        None => String::new(),
        Some(Ok(t)) => time::local_date(lang, tz, t),
        Some(Err(day)) => time::short_date(lang, day),
    }))
}

pub fn fluent(args: &HashMap<String, Value>) -> tera::Result<Value> {
    let key = args.get("key").and_then(Value::as_str).ok_or_else(|| tera::Error::msg("fluent: `key` is required"))?;
    let lang = lang_arg(args, "fluent")?;
    let mut fluent_args: Vec<(&str, FluentValue<'static>)> = Vec::new();
    for (name, value) in args.iter().filter(|(k, _)| k.as_str() != "key" && k.as_str() != "lang") {
        let v = match value {
            Value::String(s) => FluentValue::from(s.clone()),
            Value::Number(n) if n.is_i64() => FluentValue::from(n.as_i64().unwrap_or_default()),
            Value::Number(n) => FluentValue::from(n.as_f64().unwrap_or_default()),
            other => {
                return Err(tera::Error::msg(format!("fluent: argument `{name}` is not a string or number: {other}")))
            }
        };
        fluent_args.push((name.as_str(), v));
    }
    lookup(lang, key, &fluent_args)
        .map(Value::String)
        .ok_or_else(|| tera::Error::msg(format!("fluent: no message `{key}` in any language")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_get_messages_with_arguments() {
        let mut tera = tera::Tera::default();
        tera.register_function("fluent", fluent);
        tera.add_raw_template("t", r#"{{ fluent(key="date-month-year", lang=lang, month="মে", year="2026") }}"#)
            .unwrap();
        let mut ctx = tera::Context::new();
        ctx.insert("lang", "bn");
        assert_eq!(tera.render("t", &ctx).unwrap(), "মে 2026");
        tera.add_raw_template("missing", r#"{{ fluent(key="no-such-key", lang="en") }}"#).unwrap();
        assert!(tera.render("missing", &ctx).is_err());
    }

    #[test]
    fn templates_show_stored_utc_times_in_the_reader_s_zone() {
        let mut tera = tera::Tera::default();
        tera.register_filter("local_time", local_time);
        tera.register_filter("local_date", local_date);
        tera.add_raw_template("t", "{{ at | local_time(tz=tz, lang=lang) }}|{{ at | local_date(tz=tz, lang=lang) }}")
            .unwrap();
        let mut ctx = tera::Context::new();
        ctx.insert("lang", "hi");
        ctx.insert("tz", "Asia/Kolkata");
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap().and_hms_opt(12, 0, 0).unwrap();
        ctx.insert("at", &at);
        assert_eq!(tera.render("t", &ctx).unwrap(), "2 दिसंबर 2026, 17:30 IST|2 दिसंबर 2026");
        ctx.insert("at", &at.and_utc().timestamp());
        ctx.insert("lang", "en");
        assert_eq!(tera.render("t", &ctx).unwrap(), "2 Dec 2026, 17:30 IST|2 Dec 2026");
        ctx.insert("at", &None::<chrono::NaiveDateTime>);
        assert_eq!(tera.render("t", &ctx).unwrap(), "|");
        ctx.insert("at", "soon");
        assert!(tera.render("t", &ctx).is_err());
        ctx.insert("at", &at);
        ctx.insert("tz", "Mars/Olympus");
        assert!(tera.render("t", &ctx).is_err());
    }
}
