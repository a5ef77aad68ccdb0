//! Bad profiles get field-level messages in the reader's language, and nothing panics.

mod common;

use common::*;
use subsidy_engine::fields::Field;
use subsidy_engine::input::{Location, Problem, ProfileError};
use subsidy_engine::money::AmountProblem;
use subsidy_engine::profile::{NewValue, Profile};
use subsidy_engine::{evaluate, EvalError, Lang};

fn errors(json: &str) -> Vec<ProfileError> {
    Profile::from_json(json).expect_err(json)
}

fn only_error(json: &str) -> ProfileError {
    let errors = errors(json);
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.into_iter().next().unwrap()
}

fn profile_with(section: &str, body: &str) -> String {
    format!(r#"{{"format_version": 1, "company": {{}}, "{section}": {body}}}"#)
}

#[test]
fn negative_and_absurd_money_name_the_field() {
    let e = only_error(&profile_with("benchmark_project", r#"{"investment": "-5"}"#));
    assert_eq!(e.at, Location::Field(Field::ProjectInvestment));
    assert_eq!(e.problem, Problem::Amount { reason: AmountProblem::Negative });
    assert_eq!(e.message(Lang::Zh), "项目总投资（不含税）：金额不能为负数");
    assert_eq!(e.message(Lang::En), "Project investment (excl. tax): an amount cannot be negative");

    let e =
        only_error(&profile_with("open_source", r#"{"previous_year_operating_expenses": 1000000000000001}"#));
    assert_eq!(e.at, Location::Field(Field::OperatingExpenses));
    assert_eq!(e.problem, Problem::Amount { reason: AmountProblem::TooLarge });

    let e = only_error(&profile_with("little_giant", r#"{"city_award": "lots"}"#));
    assert_eq!(e.problem, Problem::Amount { reason: AmountProblem::NotANumber });
    assert!(e.message(Lang::En).starts_with("City award (little giant): not an amount"));
}

#[test]
fn impossible_dates_and_completion_before_start() {
    let e = only_error(&profile_with("benchmark_project", r#"{"start_date": "2025-02-30"}"#));
    assert_eq!(e.at, Location::Field(Field::ProjectStart));
    assert!(e.message(Lang::Zh).contains("日历上没有这一天"), "{}", e.message(Lang::Zh));

    let e = only_error(&profile_with("benchmark_project", r#"{"start_date": "2025/01/01"}"#));
    assert!(e.message(Lang::En).contains("YYYY-MM-DD"));

    let e = only_error(&profile_with(
        "benchmark_project",
        r#"{"start_date": "2025-03-01", "completion_date": "2024-03-01"}"#,
    ));
    assert_eq!(e.at, Location::Field(Field::ProjectCompletion));
    assert_eq!(e.problem, Problem::CompletionBeforeStart);
    assert_eq!(e.message(Lang::En), "Project completion date: the completion date is before the start date");
}

#[test]
fn unknown_city_malformed_credit_code_and_wrong_version() {
    let e = only_error(r#"{"format_version": 1, "company": {"city": "hongkong"}}"#);
    assert_eq!(e.at, Location::Field(Field::City));
    assert!(e.message(Lang::En).contains("not one of Guangdong's 21 cities or Hengqin"));

    let e = only_error(r#"{"format_version": 1, "company": {"credit_code": "914403001922038217"}}"#);
    assert_eq!(e.at, Location::Field(Field::CreditCode));
    assert!(e.message(Lang::Zh).contains("校验位不符：末位应为 6"), "{}", e.message(Lang::Zh));
    assert!(e.message(Lang::En).contains("should be 6, not 7"));

    let e = only_error(r#"{"format_version": 2, "company": {}}"#);
    assert_eq!(e.at, Location::Path("format_version".into()));
    assert!(e.message(Lang::En).contains("format version 2 cannot be read; this version reads 1"));

    let e = only_error(r#"{"company": {}}"#);
    assert_eq!(e.problem, Problem::FormatVersionMissing);
}

#[test]
fn wrong_types_unknown_keys_and_syntax() {
    let e = only_error(&profile_with("open_source", r#"{"active_users": -3}"#));
    assert_eq!(e.at, Location::Field(Field::ActiveUsers));
    assert_eq!(e.message(Lang::En), "Active users: expected a whole number, 0 or more");

    let e = only_error(&profile_with("innovation_centre", r#"{"operating": "yes"}"#));
    assert_eq!(e.message(Lang::Zh), "已实际运营：应填写是/否（true/false）");

    let e = only_error(&profile_with("innovation_centre", r#"{"levle": "national"}"#));
    assert_eq!(e.at, Location::Path("innovation_centre.levle".into()));

    let e = only_error(&profile_with("innovation_centre", r#"{"level": "galactic"}"#));
    assert_eq!(e.problem, Problem::UnknownChoice { found: "galactic".into() });

    let e = only_error("{\"format_version\": 1,\n \"company\": {");
    assert!(matches!(e.problem, Problem::Syntax { line: 2, .. }), "{e:?}");
    assert_eq!(only_error("[1, 2]").problem, Problem::NotAnObject);
    assert!(matches!(only_error("").problem, Problem::Syntax { .. }));
}

#[test]
fn every_problem_is_reported_at_once() {
    let errors = errors(
        r#"{"format_version": 1, "company": {"city": "atlantis"},
            "little_giant": {"first_recognised_year": 1800, "city_award": -1}}"#,
    );
    let places: Vec<Location> = errors.iter().map(|e| e.at.clone()).collect();
    assert_eq!(
        places,
        vec![
            Location::Field(Field::City),
            Location::Field(Field::LittleGiantYear),
            Location::Field(Field::LittleGiantCityAward)
        ]
    );
}

#[test]
fn evaluate_refuses_an_invalid_profile_built_in_code() {
    let mut profile = company();
    profile.set(Field::ProjectInvestment, NewValue::Money(yuan("-1"))).unwrap();
    profile.set(Field::CompanyName, NewValue::Text("名".repeat(500))).unwrap();
    match evaluate(&profile, rules(), as_of()) {
        Err(EvalError::Invalid(errors)) => {
            let fields: Vec<_> = errors.iter().map(|e| e.at.clone()).collect();
            assert_eq!(
                fields,
                vec![Location::Field(Field::CompanyName), Location::Field(Field::ProjectInvestment)]
            );
            // The form evaluates the profile without the bad fields, and the rest still counts.
            let clean = profile.without(&errors);
            assert!(evaluate(&clean, rules(), as_of()).is_ok());
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn profiles_round_trip_through_json() {
    for name in
        ["w01-provincial-innovation-centre", "w03-guangzhou-little-giant", "w06-benchmark-visual-inspection"]
    {
        let profile = example(name);
        assert_eq!(Profile::from_json(&profile.to_json_pretty()), Ok(profile));
    }
}

#[test]
fn the_compact_form_leaves_out_the_unknown_and_reads_back_the_same() {
    let profile = example("w06-benchmark-visual-inspection");
    let compact = profile.to_json_compact();
    assert!(!compact.contains("null") && !compact.contains('\n'), "{compact}");
    assert!(compact.len() < profile.to_json_pretty().len());
    assert_eq!(Profile::from_json(&compact), Ok(profile));
}
