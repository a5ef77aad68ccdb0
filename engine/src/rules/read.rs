//! Reading a rule file into the model with the crate's own JSON reader. Every object refuses keys
//! it does not know (a typo in the data is an error, not a silently ignored line), and every error
//! says where it is: `rules.programmes[3].conditions[1].test.is.field: no profile field "…"`.

use super::model::*;
use crate::city::City;
use crate::date::Date;
use crate::fields::{Field, Section};
use crate::json::Json;
use crate::lang::Text;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

type Read<T> = Result<T, String>;

/// Where a value sits in the file (`rules.programmes[3].conditions[1]`), written out only when
/// there is an error to report: formatting the path of every value read cost more than reading
/// the values, and the rules are read on every page load.
#[derive(Clone, Copy)]
pub(super) enum At<'a> {
    Root,
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Root => f.write_str("rules"),
            At::Key(parent, key) => write!(f, "{parent}.{key}"),
            At::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

pub(super) trait FromJson: Sized {
    fn read(json: &Json, at: &At) -> Read<Self>;

    /// What an absent key means: an error, except for optional values and lists.
    fn missing(at: &At) -> Read<Self> {
        Err(format!("{at}: missing"))
    }
}

fn expected<T>(at: &At, what: &str, json: &Json) -> Read<T> {
    Err(format!("{at}: expected {what}, found {}", json.kind()))
}

/// Refuses keys outside `allowed`, then reads `key` of an object.
fn object<'j>(json: &'j Json, at: &At, allowed: &[&str]) -> Read<&'j Json> {
    let Json::Object(entries) = json else { return expected(at, "an object", json) };
    match entries.iter().find(|(key, _)| !allowed.contains(&key.as_str())) {
        Some((key, _)) => Err(format!("{at}: unknown key {key:?}")),
        None => Ok(json),
    }
}

fn field<T: FromJson>(json: &Json, key: &str, at: &At) -> Read<T> {
    let at = At::Key(at, key);
    match json.get(key) {
        Some(value) => T::read(value, &at),
        None => T::missing(&at),
    }
}

/// `{"kind": {…}}`: an enum written as an object with exactly one key.
fn tagged<'j>(json: &'j Json, at: &At) -> Read<(&'j str, &'j Json)> {
    match json {
        Json::Object(entries) if entries.len() == 1 => Ok((entries[0].0.as_str(), &entries[0].1)),
        _ => expected(at, "an object with one key", json),
    }
}

macro_rules! read_struct {
    ($($ty:ident { $($key:ident),* $(,)? })*) => {$(
        impl FromJson for $ty {
            fn read(json: &Json, at: &At) -> Read<Self> {
                let json = object(json, at, &[$(stringify!($key)),*])?;
                Ok($ty { $($key: field(json, stringify!($key), at)?,)* })
            }
        }
    )*};
}

read_struct! {
    RuleSet { schema, id, version, title, documents, citations, programmes, city_awards }
    Document { id, number, title, issuer, dated, in_force, confidence, source_url, note }
    Period { from, to }
    Citation { id, document, article, topic, verified }
    Programme { id, title, summary, section, cites, competitive, conditions, formula, round, readings, notes, apply }
    Competition { quota_per_year, quota }
    Round { year, label, cite }
    HowToApply { channel, office }
    Condition { id, text, cite, declaration, test }
    CapReading { rule, text }
    Reading { id, when, taken, alternative }
    CityAward { city, recognition, amount, prefill, cite, confidence }
    Text { zh, en }
}

/// Reads a string with `parse`, naming what it should have been.
fn parsed<T>(json: &Json, at: &At, what: &str, parse: impl FnOnce(&str) -> Option<T>) -> Read<T> {
    match json {
        Json::String(s) => parse(s).ok_or_else(|| format!("{at}: {s:?} is not {what}")),
        other => expected(at, what, other),
    }
}

impl FromJson for String {
    fn read(json: &Json, at: &At) -> Read<Self> {
        parsed(json, at, "a string", |s| Some(s.to_string()))
    }
}

impl FromJson for bool {
    fn read(json: &Json, at: &At) -> Read<Self> {
        match json {
            Json::Bool(b) => Ok(*b),
            other => expected(at, "true or false", other),
        }
    }

    /// `verified`, `prefill`, `declaration`: absent means the cautious `false`.
    fn missing(_: &At) -> Read<Self> {
        Ok(false)
    }
}

macro_rules! read_integer {
    ($($ty:ty),*) => {$(
        impl FromJson for $ty {
            fn read(json: &Json, at: &At) -> Read<Self> {
                match json {
                    Json::Number(n) => n.parse().map_err(|_| format!("{at}: {n} is not a whole number in range")),
                    other => expected(at, "a whole number", other),
                }
            }
        }
    )*};
}
read_integer!(u32, i32, i64);

impl FromJson for Decimal {
    fn read(json: &Json, at: &At) -> Read<Self> {
        match json {
            Json::Number(text) | Json::String(text) => Decimal::from_str(text)
                .or_else(|_| Decimal::from_scientific(text))
                .map_err(|_| format!("{at}: {text:?} is not an exact number")),
            other => expected(at, "a number", other),
        }
    }
}

impl FromJson for Date {
    fn read(json: &Json, at: &At) -> Read<Self> {
        parsed(json, at, "a date YYYY-MM-DD", |s| Date::parse(s).ok())
    }
}

impl FromJson for Field {
    fn read(json: &Json, at: &At) -> Read<Self> {
        parsed(json, at, "a profile field", Field::from_path)
    }
}

impl FromJson for Section {
    fn read(json: &Json, at: &At) -> Read<Self> {
        parsed(json, at, "a profile section", Section::from_key)
    }
}

impl FromJson for City {
    fn read(json: &Json, at: &At) -> Read<Self> {
        parsed(json, at, "a city id", City::from_id)
    }
}

impl FromJson for Confidence {
    fn read(json: &Json, at: &At) -> Read<Self> {
        parsed(json, at, "text, news or inferred", |s| match s {
            "text" => Some(Confidence::Text),
            "news" => Some(Confidence::News),
            "inferred" => Some(Confidence::Inferred),
            _ => None,
        })
    }
}

impl FromJson for CapRule {
    fn read(json: &Json, at: &At) -> Read<Self> {
        parsed(json, at, "a cap reading", |s| match s {
            "half_of_total_cap" => Some(CapRule::HalfOfTotalCap),
            "strict_total" => Some(CapRule::StrictTotal),
            "provincial_part_only" => Some(CapRule::ProvincialPartOnly),
            _ => None,
        })
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn read(json: &Json, at: &At) -> Read<Self> {
        match json {
            Json::Null => Ok(None),
            value => T::read(value, at).map(Some),
        }
    }

    fn missing(_: &At) -> Read<Self> {
        Ok(None)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read(json: &Json, at: &At) -> Read<Self> {
        match json {
            Json::Array(items) => {
                items.iter().enumerate().map(|(i, item)| T::read(item, &At::Index(at, i))).collect()
            }
            other => expected(at, "a list", other),
        }
    }

    fn missing(_: &At) -> Read<Self> {
        Ok(Vec::new())
    }
}

impl FromJson for Test {
    fn read(json: &Json, at: &At) -> Read<Self> {
        let (kind, body) = tagged(json, at)?;
        let at = &At::Key(at, kind);
        let keys = |allowed: &[&str]| object(body, at, allowed);
        Ok(match kind {
            "is" => {
                keys(&["field", "value"])?;
                Test::Is { field: field(body, "field", at)?, value: field(body, "value", at)? }
            }
            "one_of" => {
                keys(&["field", "values"])?;
                Test::OneOf { field: field(body, "field", at)?, values: field(body, "values", at)? }
            }
            "more_than" | "at_least" => {
                keys(&["field", "value", "near_miss"])?;
                let (field_, value, near_miss) =
                    (field(body, "field", at)?, field(body, "value", at)?, field(body, "near_miss", at)?);
                if kind == "more_than" {
                    Test::MoreThan { field: field_, value, near_miss }
                } else {
                    Test::AtLeast { field: field_, value, near_miss }
                }
            }
            "year_between" => {
                keys(&["field", "from", "to", "near_miss"])?;
                Test::YearBetween {
                    field: field(body, "field", at)?,
                    from: field(body, "from", at)?,
                    to: field(body, "to", at)?,
                    near_miss: field(body, "near_miss", at)?,
                }
            }
            "on_or_after" | "on_or_before" => {
                keys(&["field", "date", "near_miss_days"])?;
                let (field_, date, near_miss_days) =
                    (field(body, "field", at)?, field(body, "date", at)?, field(body, "near_miss_days", at)?);
                if kind == "on_or_after" {
                    Test::OnOrAfter { field: field_, date, near_miss_days }
                } else {
                    Test::OnOrBefore { field: field_, date, near_miss_days }
                }
            }
            "any_of" => Test::AnyOf(Vec::read(body, at)?),
            other => return Err(format!("{at}: unknown test kind {other:?}")),
        })
    }
}

impl FromJson for Formula {
    fn read(json: &Json, at: &At) -> Read<Self> {
        let (kind, body) = tagged(json, at)?;
        let at = &At::Key(at, kind);
        Ok(match kind {
            "rate_of_base" => {
                object(body, at, &["rate", "base", "cap"])?;
                Formula::RateOfBase {
                    rate: field(body, "rate", at)?,
                    base: field(body, "base", at)?,
                    cap: field(body, "cap", at)?,
                }
            }
            "city_award_match" => {
                object(body, at, &["award", "ratio", "total_cap", "readings"])?;
                Formula::CityAwardMatch {
                    award: field(body, "award", at)?,
                    ratio: field(body, "ratio", at)?,
                    total_cap: field(body, "total_cap", at)?,
                    readings: field(body, "readings", at)?,
                }
            }
            "no_fixed_amount" => {
                object(body, at, &["estimate", "case_by_case_from"])?;
                Formula::NoFixedAmount {
                    estimate: field(body, "estimate", at)?,
                    case_by_case_from: field(body, "case_by_case_from", at)?,
                }
            }
            other => return Err(format!("{at}: unknown formula kind {other:?}")),
        })
    }
}

impl FromJson for Cap {
    /// A fixed amount (`"8000000"`), or amounts by a choice (`{"by": field, "amounts": {…}}`).
    fn read(json: &Json, at: &At) -> Read<Self> {
        match json {
            Json::Object(_) => {
                object(json, at, &["by", "amounts"])?;
                let amounts = match json.get("amounts") {
                    Some(Json::Object(entries)) => entries
                        .iter()
                        .map(|(choice, amount)| {
                            Ok((
                                choice.clone(),
                                Decimal::read(amount, &At::Key(&At::Key(at, "amounts"), choice))?,
                            ))
                        })
                        .collect::<Read<BTreeMap<String, Decimal>>>()?,
                    Some(other) => return expected(&At::Key(at, "amounts"), "an object", other),
                    None => return Err(format!("{at}.amounts: missing")),
                };
                Ok(Cap::ByChoice { by: field(json, "by", at)?, amounts })
            }
            other => Decimal::read(other, at).map(Cap::Fixed),
        }
    }
}

pub(super) fn read_rule_set(json: &Json) -> Read<RuleSet> {
    RuleSet::read(json, &At::Root)
}
