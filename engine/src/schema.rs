//! The JSON Schema of the profile file, generated from the field catalogue so that it cannot drift
//! from what the engine reads. `engine/profile.schema.json` is this output; `engine/tests/schema.rs` keeps them equal.

use crate::city::City;
use crate::fields::{Field, FieldKind, Section};
use crate::input::{MAX_COUNT, MAX_NAME_CHARS, YEARS};
use crate::lang::Lang;
use crate::money::MAX_AMOUNT;
use crate::profile::FORMAT_VERSION;
use serde_json::{json, Map, Value};

pub fn profile_schema() -> Value {
    let mut sections = Map::new();
    sections.insert("format_version".into(), json!({ "const": FORMAT_VERSION }));
    for section in Section::ALL {
        let mut properties = Map::new();
        for field in section.fields() {
            properties.insert(field.key().into(), field_schema(field));
        }
        let kind = if section == Section::Company { json!("object") } else { json!(["object", "null"]) };
        sections.insert(
            section.key().into(),
            json!({
                "description": describe(section.title(Lang::En), section.title(Lang::Zh),
                    if section == Section::Company { "" } else { " Absent or null: does not apply to this company." }),
                "type": kind,
                "additionalProperties": false,
                "properties": properties,
            }),
        );
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Company profile for the Guangdong AI & robotics subsidy estimator",
        "description": "Every field may be absent or null, meaning unknown: the estimator then says the verdict is undetermined rather than assuming zero. Money is in yuan, as a string or a number, at most two decimals.",
        "type": "object",
        "required": ["format_version"],
        "additionalProperties": false,
        "properties": sections,
    })
}

fn describe(en: &str, zh: &str, extra: &str) -> String {
    format!("{en} / {zh}.{extra}")
}

fn field_schema(field: Field) -> Value {
    let description = describe(field.label(Lang::En), field.label(Lang::Zh), "");
    let mut schema = match field.kind() {
        FieldKind::Text => json!({ "type": ["string", "null"], "maxLength": MAX_NAME_CHARS }),
        FieldKind::CreditCode => json!({
            "type": ["string", "null"],
            "pattern": "^[0-9A-HJ-NPQRTUWXY]{18}$",
            "$comment": "GB 32100-2015; the last character is a check character over the first 17."
        }),
        FieldKind::City => {
            let mut ids: Vec<Value> = City::ALL.iter().map(|c| json!(c.id())).collect();
            ids.push(Value::Null);
            json!({ "enum": ids })
        }
        FieldKind::Bool => json!({ "type": ["boolean", "null"] }),
        FieldKind::Year => {
            json!({ "type": ["integer", "null"], "minimum": YEARS.start(), "maximum": YEARS.end() })
        }
        FieldKind::Date => {
            json!({ "type": ["string", "null"], "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })
        }
        FieldKind::Money => json!({
            "type": ["string", "number", "null"],
            "pattern": "^[0-9]+(\\.[0-9]{1,2})?$",
            "minimum": 0,
            "maximum": MAX_AMOUNT.to_string().parse::<u64>().unwrap_or(u64::MAX),
        }),
        FieldKind::Count => json!({ "type": ["integer", "null"], "minimum": 0, "maximum": MAX_COUNT }),
        FieldKind::Choice(choices) => {
            let mut ids: Vec<Value> = choices.iter().map(|c| json!(c.id)).collect();
            ids.push(Value::Null);
            json!({ "enum": ids })
        }
    };
    if let Value::Object(map) = &mut schema {
        map.insert("description".into(), json!(description));
    }
    schema
}
