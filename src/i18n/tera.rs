//! The `fluent` function for Tera templates:
//! `{{ fluent(key="slip-net-pay", lang=lang) }}`, with named arguments passed to the message
//! (`{{ fluent(key="slip-pieces", lang=lang, count=3) }}` fills `{ $count }`). Strings and
//! numbers may be passed; the output is escaped like any other value. fluent-templates' own
//! Tera integration targets Tera 2; this is the same idea over its loader for Tera 1.
//! A key no language has is an error (the page fails in development and in the tests, instead
//! of showing a raw key to a reader).

use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use tera::Value;

use super::{lookup, Lang};

pub fn fluent(args: &HashMap<String, Value>) -> tera::Result<Value> {
    let key = args.get("key").and_then(Value::as_str).ok_or_else(|| tera::Error::msg("fluent: `key` is required"))?;
    let lang = match args.get("lang") {
        Some(Value::String(code)) => {
            Lang::parse(code).ok_or_else(|| tera::Error::msg(format!("fluent: no language `{code}`")))?
        }
        Some(_) => return Err(tera::Error::msg("fluent: `lang` must be a language code")),
        None => Lang::En,
    };
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
}
