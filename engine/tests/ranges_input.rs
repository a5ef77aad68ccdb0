//! Rough figures in profile files: `{"low": …, "high": …}` for money and counts, read, checked and
//! written back exactly.

mod common;
use common::*;
use rust_decimal::Decimal;
use subsidy_engine::input::Problem;
use subsidy_engine::profile::{NewValue, Value};
use subsidy_engine::{Lang, Profile};

fn read(answers: &str) -> Result<Profile, Vec<subsidy_engine::input::ProfileError>> {
    Profile::from_json(lib(), &format!(r#"{{"format_version": 2, "answers": {{{answers}}}}}"#))
}

#[test]
fn a_money_range_and_a_count_range_read_and_write_back_exactly() {
    let profile = read(
        r#""innovation_centre.equipment_cost": {"low": "2000000", "high": "3000000.50"},
           "open_source.enterprises_served": {"low": 150, "high": 250}"#,
    )
    .unwrap();
    assert_eq!(
        profile.get(field("innovation_centre.equipment_cost")),
        Value::Range { low: yuan("2000000"), high: yuan("3000000.50") }
    );
    assert_eq!(
        profile.get(field("open_source.enterprises_served")),
        Value::Range { low: Decimal::from(150), high: Decimal::from(250) }
    );
    let written = profile.to_json_compact(lib());
    assert!(
        written.contains(r#""innovation_centre.equipment_cost":{"low":"2000000","high":"3000000.5"}"#),
        "{written}"
    );
    assert!(written.contains(r#""open_source.enterprises_served":{"low":150,"high":250}"#), "{written}");
    assert_eq!(Profile::from_json(lib(), &written).unwrap(), profile);
    assert_eq!(Profile::from_json(lib(), &profile.to_json_pretty(lib())).unwrap(), profile);
}

#[test]
fn a_reversed_range_is_an_error_naming_the_field_in_both_languages() {
    let errors =
        read(r#""innovation_centre.equipment_cost": {"low": "3000000", "high": "2000000"}"#).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].problem, Problem::RangeReversed);
    let zh = errors[0].message(lib(), Lang::Zh);
    let en = errors[0].message(lib(), Lang::En);
    let label = &lib().question(field("innovation_centre.equipment_cost")).label;
    assert!(zh.starts_with(&label.zh) && zh.contains("下限高于上限"), "{zh}");
    assert!(en.starts_with(&label.en) && en.contains("low end is above its high end"), "{en}");
}

#[test]
fn misshapen_ranges_are_errors_naming_the_field() {
    for bad in [
        r#"{"low": "1"}"#,
        r#"{"low": "1", "high": "2", "mid": "1.5"}"#,
        r#"{"from": "1", "to": "2"}"#,
        r#"{"low": true, "high": "2"}"#,
    ] {
        let errors = read(&format!(r#""innovation_centre.equipment_cost": {bad}"#)).unwrap_err();
        assert_eq!(errors.len(), 1, "{bad}");
        assert!(
            matches!(errors[0].problem, Problem::RangeShape | Problem::WrongType),
            "{bad}: {:?}",
            errors[0].problem
        );
        assert_eq!(errors[0].path(lib()), "innovation_centre.equipment_cost");
    }
    // A count's ends are whole numbers, as its exact answers are.
    let errors = read(r#""open_source.enterprises_served": {"low": 1.5, "high": 2}"#).unwrap_err();
    assert_eq!(errors[0].path(lib()), "open_source.enterprises_served");
    // Each end is checked as an amount is.
    let errors = read(r#""innovation_centre.equipment_cost": {"low": "-1", "high": "2"}"#).unwrap_err();
    assert_eq!(errors[0].path(lib()), "innovation_centre.equipment_cost");
}

#[test]
fn a_range_is_an_answer_not_a_missing_input() {
    let mut profile = company();
    set(
        &mut profile,
        "innovation_centre.equipment_cost",
        NewValue::Range { low: yuan("1"), high: yuan("2") },
    );
    assert!(profile.get(field("innovation_centre.equipment_cost")).is_known());
    assert_eq!(
        profile.get(field("innovation_centre.equipment_cost")).interval(),
        Some((yuan("1"), yuan("2")))
    );
    // Not a range of a yes/no question, nor a fractional count range.
    assert!(profile
        .set(field("company.ai_robotics_field"), NewValue::Range { low: yuan("1"), high: yuan("2") })
        .is_err());
    assert!(profile
        .set(field("open_source.enterprises_served"), NewValue::Range { low: yuan("1.5"), high: yuan("2") })
        .is_err());
}
