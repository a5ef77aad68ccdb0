//! The JSON Schema of the profile file (format 2), generated from the packs' questions so that it
//! cannot drift from what the engine reads. `engine/profile.schema.json` is this output for the
//! built-in packs; `engine/tests/schema.rs` keeps them equal.

use crate::fields::FieldKind;
use crate::input::{MAX_COUNT, MAX_NAME_CHARS, YEARS};
use crate::lang::Lang;
use crate::money::MAX_AMOUNT;
use crate::profile::FORMAT_VERSION;
use crate::rules::{Library, Question};
use serde_json::{json, Map, Value};

pub fn profile_schema(library: &Library) -> Value {
    let mut answers = Map::new();
    for field in library.fields() {
        let question = library.question(field);
        answers.insert(question.id.clone(), question_schema(question));
    }
    let topics: Vec<Value> = library
        .topic_ids()
        .map(|t| library.topic(t))
        .filter(|t| t.is_optional())
        .map(|t| json!(t.id))
        .collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Company profile for the Guangdong AI & robotics subsidy estimator",
        "description": "Answers keyed by question id. Every answer may be absent or null, meaning unknown: the estimator then says the verdict is undetermined rather than assuming zero. Money is in yuan, as a string or a number, at most two decimals. A money or count answer known only roughly may be a range {\"low\": …, \"high\": …}, both ends included: the estimate is then a band. `topics` lists the optional topics that apply to the company (an answer in a topic also switches it on). Files of format_version 1 (one object per section) are read too, and migrated.",
        "type": "object",
        "required": ["format_version"],
        "additionalProperties": false,
        "properties": {
            "format_version": { "const": FORMAT_VERSION },
            "topics": {
                "description": "The optional topics that apply to this company; the others do not.",
                "type": "array",
                "items": { "enum": topics },
                "uniqueItems": true,
            },
            "answers": {
                "type": "object",
                "additionalProperties": false,
                "properties": answers,
            },
            "as_of": {
                "description": "The as-of date of the estimate the file was saved from; opening the file uses it again.",
                "type": "string",
                "format": "date",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            },
            "rules": {
                "description": "The version of every policy pack the file was saved with, by pack id: a page with other versions says that its fingerprint differs from the sheet's, and why.",
                "type": "object",
                "additionalProperties": { "type": "string" },
            },
        },
    })
}

/// A rough figure: `{"low": …, "high": …}`, both ends included, low not above high (which the
/// schema cannot say and the estimator checks).
fn range(end: &Value) -> Value {
    json!({
        "type": "object",
        "required": ["low", "high"],
        "additionalProperties": false,
        "properties": { "low": end, "high": end },
    })
}

fn question_schema(question: &Question) -> Value {
    let description = format!("{} / {}.", question.label.get(Lang::En), question.label.get(Lang::Zh));
    let mut schema = match question.kind {
        FieldKind::Text => json!({ "type": ["string", "null"], "maxLength": MAX_NAME_CHARS }),
        FieldKind::CreditCode => json!({
            "type": ["string", "null"],
            "pattern": "^[0-9A-HJ-NPQRTUWXY]{18}$",
            "$comment": "GB 32100-2015; the last character is a check character over the first 17."
        }),
        FieldKind::Bool => json!({ "type": ["boolean", "null"] }),
        FieldKind::Year => {
            json!({ "type": ["integer", "null"], "minimum": YEARS.start(), "maximum": YEARS.end() })
        }
        FieldKind::Date => {
            json!({ "type": ["string", "null"], "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })
        }
        FieldKind::Money => {
            let amount = json!({
                "type": ["string", "number"],
                "pattern": "^[0-9]+(\\.[0-9]{1,2})?$",
                "minimum": 0,
                "maximum": MAX_AMOUNT.to_string().parse::<u64>().unwrap_or(u64::MAX),
            });
            json!({ "anyOf": [amount, range(&amount), { "type": "null" }] })
        }
        FieldKind::Count => {
            let count = json!({ "type": "integer", "minimum": 0, "maximum": MAX_COUNT });
            json!({ "anyOf": [count, range(&count), { "type": "null" }] })
        }
        FieldKind::Choice => {
            let mut ids: Vec<Value> = question.choices.iter().map(|c| json!(c.id)).collect();
            ids.push(Value::Null);
            json!({ "enum": ids })
        }
    };
    if let Value::Object(map) = &mut schema {
        map.insert("description".into(), json!(description));
    }
    schema
}
