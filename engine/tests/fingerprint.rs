//! The sheet's fingerprint: what it is the hash of, and what changes it.

mod common;

use common::{as_of, date, field, lib};
use subsidy_engine::fingerprint::{canonical, canonical_with, file_json, link_json, versions, Saved};
use subsidy_engine::input::{Location, Problem};
use subsidy_engine::profile::NewValue;
use subsidy_engine::rules::Level;
use subsidy_engine::{Lang, Profile};

fn sample() -> Profile {
    let mut p = Profile::new(lib());
    p.set(field("company.name"), NewValue::Text("广州某智能装备有限公司".into())).unwrap();
    p.set(field("company.city"), NewValue::Choice("guangzhou".into())).unwrap();
    p
}

fn fingerprint(profile: &Profile, library: &subsidy_engine::Library) -> String {
    seal::fingerprint(&canonical(profile, library, as_of()))
}

/// The canonical text and its fingerprint, both written out here: the fingerprint was computed
/// with Python's hashlib from this text (the recipe of ARCHITECTURE.md), not with this code.
#[test]
fn known_answer() {
    let packs = [("a-pack".to_string(), "1".to_string()), ("b-pack".to_string(), "2026.1".to_string())];
    let text = canonical_with(&sample(), lib(), as_of(), &packs);
    assert_eq!(
        text,
        r#"{"fingerprint":2,"as_of":"2026-03-01","packs":{"a-pack":"1","b-pack":"2026.1"},"profile":{"format_version":2,"topics":[],"answers":{"company.name":"广州某智能装备有限公司","company.city":"guangzhou"}}}"#
    );
    assert_eq!(seal::fingerprint(&text), KNOWN);
}

// sha256sum: 8dadd6423422230e…; its first 60 bits in Crockford base32.
const KNOWN: &str = "HPPX-CGHM-48HG";

#[test]
fn the_packs_the_sheet_rests_on_are_named_with_their_versions_sorted_by_id() {
    let text = canonical(&sample(), lib(), as_of());
    let versions = versions(lib(), &sample(), as_of());
    let ids: Vec<&str> = versions.iter().map(|(id, _)| id.as_str()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
    // The common pack, the province and the company's city; no other place's pack.
    let rests_on = |p: &subsidy_engine::rules::Pack| {
        p.level == Level::Common
            || p.level == Level::Province
            || (p.level == Level::City && p.place.zh.contains("广州"))
    };
    for pack in &lib().packs {
        let named = text.contains(&format!("\"{}\":\"{}\"", pack.id, pack.version));
        assert_eq!(named, rests_on(pack), "{}: {text}", pack.id);
    }
    assert_eq!(ids, ["common", "guangdong-ai-robotics-2025", "guangzhou"]);
}

#[test]
fn another_places_pack_does_not_change_it() {
    let shenzhen = lib().packs.iter().find(|p| p.level == Level::City && p.place.en.contains("Shenzhen"));
    let mut pack = shenzhen.expect("a Shenzhen pack").clone();
    pack.version.push_str("-next");
    let next = lib().with_packs(vec![pack]).unwrap();
    assert_eq!(fingerprint(&sample(), &next), fingerprint(&sample(), lib()));
}

#[test]
fn a_new_pack_version_changes_it() {
    let mut pack = lib().pack("guangdong-ai-robotics-2025").unwrap().clone();
    pack.version.push_str("-next");
    let next = lib().with_packs(vec![pack]).unwrap();
    assert_ne!(fingerprint(&sample(), &next), fingerprint(&sample(), lib()));
}

#[test]
fn an_answer_or_the_as_of_date_changes_it() {
    let mut other = sample();
    other.set(field("company.name"), NewValue::Text("广州某智能装备有限公司 ".into())).unwrap();
    assert_ne!(fingerprint(&other, lib()), fingerprint(&sample(), lib()));
    let later = seal::fingerprint(&canonical(&sample(), lib(), date("2026-03-02")));
    assert_ne!(later, fingerprint(&sample(), lib()));
}

#[test]
fn the_order_of_the_answers_and_the_language_do_not_change_it() {
    let one = r#"{"format_version": 2, "answers": {"company.name": "广州某智能装备有限公司", "company.city": "guangzhou"}}"#;
    let other = r#"{"answers": {"company.city": "guangzhou", "company.name": "广州某智能装备有限公司"}, "format_version": 2}"#;
    let one = Profile::from_json(lib(), one).unwrap();
    let other = Profile::from_json(lib(), other).unwrap();
    assert_eq!(fingerprint(&one, lib()), fingerprint(&other, lib()));
    assert_eq!(fingerprint(&one, lib()), fingerprint(&sample(), lib()));
    // The page starts with the packs in Chinese only, then has both languages.
    let chinese = lib().in_language(Lang::Zh).unwrap();
    let english = lib().in_language(Lang::En).unwrap();
    assert_eq!(fingerprint(&sample(), &chinese), fingerprint(&sample(), lib()));
    assert_eq!(fingerprint(&sample(), &english), fingerprint(&sample(), lib()));
}

#[test]
fn files_and_links_carry_the_as_of_date_and_rule_versions_and_read_back() {
    for (json, saved_json) in [
        (sample().to_json_pretty(lib()), file_json(&sample(), lib(), as_of())),
        (sample().to_json_compact(lib()), link_json(&sample(), lib(), as_of())),
    ] {
        let profile =
            Profile::from_json(lib(), &saved_json).unwrap_or_else(|e| panic!("{e:?}\n{saved_json}"));
        // What they were made with does not change the profile, nor so its fingerprint.
        assert_eq!(profile, Profile::from_json(lib(), &json).unwrap());
        assert_eq!(fingerprint(&profile, lib()), fingerprint(&sample(), lib()));
        let saved = Saved::from_text(&saved_json);
        assert_eq!(saved, Saved { as_of: Some(as_of()), rules: versions(lib(), &sample(), as_of()) });
        assert!(saved.differences(lib(), &sample(), as_of()).is_empty());
        assert_eq!(saved_json.contains('\n'), json.contains('\n'), "{saved_json}");
    }
    // Files without them still read, and say nothing.
    assert_eq!(Saved::from_text(&sample().to_json_pretty(lib())), Saved::default());
}

#[test]
fn a_file_of_other_rule_versions_says_which_and_gives_the_sheets_fingerprint() {
    let json = sample().to_json_compact(lib()).replace(
        "}}",
        r#"},"as_of":"2026-03-01","rules":{"guangdong-ai-robotics-2025":"2025.1","gone-pack":"1"}}"#,
    );
    let saved = Saved::from_text(&json);
    let differences = saved.differences(lib(), &sample(), as_of());
    let province = lib().pack("guangdong-ai-robotics-2025").unwrap().version.clone();
    assert!(differences.contains(&(
        "guangdong-ai-robotics-2025".into(),
        Some("2025.1".into()),
        Some(province)
    )));
    assert!(differences.contains(&("gone-pack".into(), Some("1".into()), None)));
    // Packs the file does not name are new to it.
    assert!(differences.iter().any(|(id, saved, _)| id == "common" && saved.is_none()), "{differences:?}");
    let profile = Profile::from_json(lib(), &json).unwrap();
    let sheets = seal::fingerprint(&canonical_with(&profile, lib(), as_of(), &saved.rules));
    assert_ne!(sheets, fingerprint(&profile, lib()));
}

#[test]
fn bad_as_of_dates_and_rules_are_field_errors() {
    for (json, key, problem) in [
        (r#"{"format_version": 2, "as_of": "2026-02-30"}"#, "as_of", "Date"),
        (r#"{"format_version": 2, "as_of": 20260301}"#, "as_of", "WrongType"),
        (r#"{"format_version": 2, "rules": {"common": 1}}"#, "rules", "WrongType"),
        (r#"{"format_version": 2, "rules": ["common"]}"#, "rules", "WrongType"),
    ] {
        let errors = Profile::from_json(lib(), json).unwrap_err();
        assert_eq!(errors.len(), 1, "{json}: {errors:?}");
        assert_eq!(errors[0].at, Location::Path(key.into()), "{json}");
        let found = match errors[0].problem {
            Problem::Date { .. } => "Date",
            Problem::WrongType => "WrongType",
            _ => "other",
        };
        assert_eq!(found, problem, "{json}: {errors:?}");
    }
}
