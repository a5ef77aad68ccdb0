//! The committed JSON Schema is the one generated from the built-in packs' questions, and the
//! example profiles follow it where a hand-written check can tell.

use subsidy_engine::rules::Library;
use subsidy_engine::schema::profile_schema;

/// To refresh the file after changing the questions of a built-in pack:
/// `UPDATE_SCHEMA=1 cargo test -p subsidy-engine --test schema`.
#[test]
fn committed_schema_matches_the_packs() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/profile.schema.json");
    let generated = serde_json::to_string_pretty(&profile_schema(Library::builtin())).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "profile.schema.json is stale: run UPDATE_SCHEMA=1 cargo test -p subsidy-engine --test schema"
    );
}

#[test]
fn the_schema_lists_every_question_and_every_optional_topic() {
    let library = Library::builtin();
    let schema = profile_schema(library);
    let answers = schema["properties"]["answers"]["properties"].as_object().unwrap();
    assert_eq!(answers.len(), library.question_count());
    for f in library.fields() {
        let question = library.question(f);
        let entry = &answers[&question.id];
        let description = entry["description"].as_str().unwrap();
        assert!(
            description.contains(&question.label.en) && description.contains(&question.label.zh),
            "{description}"
        );
        if !question.choices.is_empty() {
            let ids: Vec<&str> =
                entry["enum"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
            let expected: Vec<&str> = question.choices.iter().map(|c| c.id.as_str()).collect();
            assert_eq!(ids, expected, "{}", question.id);
        }
    }
    let topics: Vec<&str> = schema["properties"]["topics"]["items"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    let optional: Vec<&str> = library
        .topic_ids()
        .map(|t| library.topic(t))
        .filter(|t| t.is_optional())
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(topics, optional);
    assert!(topics.contains(&"compute_rental") && !topics.contains(&"company"), "{topics:?}");
    assert_eq!(schema["properties"]["format_version"]["const"], 2);
}

#[test]
fn example_profiles_use_only_keys_the_schema_knows() {
    let schema = profile_schema(Library::builtin());
    let answers = schema["properties"]["answers"]["properties"].as_object().unwrap();
    let topics = schema["properties"]["topics"]["items"]["enum"].as_array().unwrap();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/profiles");
    let (mut format_1, mut format_2) = (0, 0);
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let profile: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let profile = profile.as_object().unwrap();
        match profile["format_version"].as_u64() {
            // Format 1: one object per section, each key `section.name` a question of format 2.
            Some(1) => {
                for (section, body) in profile.iter().filter(|(k, _)| *k != "format_version") {
                    let fields = body.as_object().unwrap_or_else(|| panic!("{path:?}: {section}"));
                    for key in fields.keys() {
                        let id = format!("{section}.{key}");
                        assert!(answers.contains_key(&id), "{path:?}: {id} is not in the schema");
                    }
                }
                format_1 += 1;
            }
            Some(2) => {
                for key in profile.keys() {
                    assert!(schema["properties"].get(key).is_some(), "{path:?}: {key} is not in the schema");
                }
                for topic in profile.get("topics").and_then(|t| t.as_array()).into_iter().flatten() {
                    assert!(topics.contains(topic), "{path:?}: topic {topic} is not in the schema");
                }
                for (id, value) in profile["answers"].as_object().unwrap() {
                    let entry =
                        answers.get(id).unwrap_or_else(|| panic!("{path:?}: {id} is not in the schema"));
                    if let Some(choices) = entry.get("enum").and_then(|e| e.as_array()) {
                        assert!(choices.contains(value), "{path:?}: {id} = {value} is not a choice");
                    }
                }
                format_2 += 1;
            }
            other => panic!("{path:?}: format_version {other:?}"),
        }
    }
    assert_eq!(format_1, 12, "the worked examples W1–W12");
    assert!(format_2 >= 7, "the city examples: only {format_2}");
}
