//! The committed JSON Schema is the one generated from the field catalogue, and the example
//! profiles follow it where a hand-written check can tell.

use subsidy_engine::schema::profile_schema;

/// To refresh the file after changing the field catalogue:
/// `UPDATE_SCHEMA=1 cargo test -p subsidy-engine --test schema`.
#[test]
fn committed_schema_matches_the_catalogue() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/profile.schema.json");
    let generated = serde_json::to_string_pretty(&profile_schema()).unwrap() + "\n";
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
fn example_profiles_use_only_keys_the_schema_knows() {
    let schema = profile_schema();
    let sections = schema["properties"].as_object().unwrap();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/profiles");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let profile: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for (section, body) in profile.as_object().unwrap() {
            let known = &sections.get(section).unwrap_or_else(|| panic!("{path:?}: {section}"))["properties"];
            if let Some(fields) = body.as_object() {
                for key in fields.keys() {
                    assert!(known.get(key).is_some(), "{path:?}: {section}.{key} is not in the schema");
                }
            }
        }
        checked += 1;
    }
    assert_eq!(checked, 12);
}
