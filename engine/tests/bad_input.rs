//! Bad profiles get field-level messages in the reader's language, and nothing panics.

mod common;

use common::*;
use subsidy_engine::input::{Location, Problem, ProfileError};
use subsidy_engine::money::AmountProblem;
use subsidy_engine::profile::{NewValue, Profile};
use subsidy_engine::{evaluate, EvalError, Lang};

fn errors(json: &str) -> Vec<ProfileError> {
    Profile::from_json(lib(), json).expect_err(json)
}

fn only_error(json: &str) -> ProfileError {
    let errors = errors(json);
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.into_iter().next().unwrap()
}

fn message(e: &ProfileError, lang: Lang) -> String {
    e.message(lib(), lang)
}

/// A format-1 file with one section.
fn profile_with(section: &str, body: &str) -> String {
    format!(r#"{{"format_version": 1, "company": {{}}, "{section}": {body}}}"#)
}

/// A format-2 file with these answers.
fn answers(body: &str) -> String {
    format!(r#"{{"format_version": 2, "topics": [], "answers": {body}}}"#)
}

#[test]
fn negative_and_absurd_money_name_the_field() {
    for text in [
        profile_with("benchmark_project", r#"{"investment": "-5"}"#),
        answers(r#"{"benchmark_project.investment": "-5"}"#),
    ] {
        let e = only_error(&text);
        assert_eq!(e.at, Location::Field(field("benchmark_project.investment")));
        assert_eq!(e.problem, Problem::Amount { reason: AmountProblem::Negative });
        assert_eq!(message(&e, Lang::Zh), "项目总投资（不含税）：金额不能为负数");
        assert_eq!(message(&e, Lang::En), "Project investment (excl. tax): an amount cannot be negative");
    }

    let e =
        only_error(&profile_with("open_source", r#"{"previous_year_operating_expenses": 1000000000000001}"#));
    assert_eq!(e.at, Location::Field(field("open_source.previous_year_operating_expenses")));
    assert_eq!(e.problem, Problem::Amount { reason: AmountProblem::TooLarge });

    let e = only_error(&profile_with("little_giant", r#"{"city_award": "lots"}"#));
    assert_eq!(e.problem, Problem::Amount { reason: AmountProblem::NotANumber });
    assert!(
        message(&e, Lang::En).starts_with("City award (little giant): not an amount"),
        "{}",
        message(&e, Lang::En)
    );
}

#[test]
fn impossible_dates_and_completion_before_start() {
    let e = only_error(&profile_with("benchmark_project", r#"{"start_date": "2025-02-30"}"#));
    assert_eq!(e.at, Location::Field(field("benchmark_project.start_date")));
    assert!(message(&e, Lang::Zh).contains("日历上没有这一天"), "{}", message(&e, Lang::Zh));

    let e = only_error(&profile_with("benchmark_project", r#"{"start_date": "2025/01/01"}"#));
    assert!(message(&e, Lang::En).contains("YYYY-MM-DD"));

    for text in [
        profile_with("benchmark_project", r#"{"start_date": "2025-03-01", "completion_date": "2024-03-01"}"#),
        answers(
            r#"{"benchmark_project.completion_date": "2024-03-01", "benchmark_project.start_date": "2025-03-01"}"#,
        ),
    ] {
        let e = only_error(&text);
        assert_eq!(e.at, Location::Field(field("benchmark_project.completion_date")));
        assert_eq!(
            e.problem,
            Problem::Before { other: lib().question(field("benchmark_project.start_date")).label.clone() }
        );
        assert_eq!(message(&e, Lang::En), "Project completion date: is before the project start date");
        assert_eq!(message(&e, Lang::Zh), "项目完成日期：早于“项目启动日期”");
    }
}

#[test]
fn unknown_city_malformed_credit_code_and_wrong_version() {
    let e = only_error(r#"{"format_version": 1, "company": {"city": "hongkong"}}"#);
    assert_eq!(e.at, Location::Field(field("company.city")));
    assert_eq!(e.problem, Problem::UnknownChoice { found: "hongkong".into() });
    assert_eq!(message(&e, Lang::En), "City: \"hongkong\" is not one of the choices");

    let e = only_error(r#"{"format_version": 1, "company": {"credit_code": "914403001922038217"}}"#);
    assert_eq!(e.at, Location::Field(field("company.credit_code")));
    assert!(message(&e, Lang::Zh).contains("校验位不符：末位应为 6"), "{}", message(&e, Lang::Zh));
    assert!(message(&e, Lang::En).contains("should be 6, not 7"));

    let e = only_error(r#"{"format_version": 3, "answers": {}}"#);
    assert_eq!(e.at, Location::Path("format_version".into()));
    assert_eq!(e.problem, Problem::FormatVersionUnsupported { found: "3".into() });
    assert!(message(&e, Lang::En).contains("format version 3 cannot be read; this version reads 1 and 2"));

    let e = only_error(r#"{"format_version": "2", "answers": {}}"#);
    assert_eq!(e.problem, Problem::FormatVersionUnsupported { found: "\"2\"".into() });

    // Without its version a file is read in the format its keys suggest: the one problem is the
    // missing version, not every section of a format-1 file as an unknown key.
    for text in [r#"{"company": {}}"#, r#"{"topics": [], "answers": {}}"#, r#"{"format_version": null}"#] {
        let e = only_error(text);
        assert_eq!(
            (e.at.clone(), e.problem.clone()),
            (Location::Path("format_version".into()), Problem::FormatVersionMissing)
        );
    }
    // The rest of the file is still read, and its problems named by field.
    let all: Vec<(Location, Problem)> =
        errors(r#"{"company": {"city": "atlantis"}}"#).into_iter().map(|e| (e.at, e.problem)).collect();
    assert_eq!(
        all,
        vec![
            (Location::Path("format_version".into()), Problem::FormatVersionMissing),
            (Location::Field(field("company.city")), Problem::UnknownChoice { found: "atlantis".into() }),
        ]
    );

    // A format-1 section in a format-2 file is not a key of format 2.
    let e = only_error(r#"{"format_version": 2, "company": {}}"#);
    assert_eq!((e.at.clone(), e.problem.clone()), (Location::Path("company".into()), Problem::UnknownKey));
}

#[test]
fn wrong_types_unknown_keys_and_syntax() {
    let e = only_error(&profile_with("open_source", r#"{"active_users": -3}"#));
    assert_eq!(e.at, Location::Field(field("open_source.active_users")));
    assert_eq!(message(&e, Lang::En), "Active users: expected a whole number, 0 or more");

    let e = only_error(&profile_with("innovation_centre", r#"{"operating": "yes"}"#));
    assert_eq!(message(&e, Lang::Zh), "已实际运营：应填写是或否（true/false）");

    let e = only_error(&profile_with("innovation_centre", r#"{"levle": "national"}"#));
    assert_eq!(e.at, Location::Path("innovation_centre.levle".into()));
    assert_eq!(e.problem, Problem::UnknownKey);

    let e = only_error(&answers(r#"{"innovation_centre.levle": "national"}"#));
    assert_eq!(e.at, Location::Path("innovation_centre.levle".into()));

    let e = only_error(&profile_with("innovation_centre", r#"{"level": "galactic"}"#));
    assert_eq!(e.problem, Problem::UnknownChoice { found: "galactic".into() });

    let e = only_error(r#"{"format_version": 2, "topics": ["innovation_centre", "galactic"]}"#);
    assert_eq!((e.at.clone(), e.problem.clone()), (Location::Path("topics[1]".into()), Problem::UnknownKey));

    let e = only_error(r#"{"format_version": 2, "topics": "innovation_centre"}"#);
    assert_eq!((e.at.clone(), e.problem.clone()), (Location::Path("topics".into()), Problem::WrongType));

    let e = only_error(r#"{"format_version": 1, "innovation_centre": [1]}"#);
    assert_eq!(
        (e.at.clone(), e.problem.clone()),
        (Location::Path("innovation_centre".into()), Problem::NotASection)
    );

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
            Location::Field(field("company.city")),
            Location::Field(field("little_giant.first_recognised_year")),
            Location::Field(field("little_giant.city_award"))
        ]
    );
}

#[test]
fn evaluate_refuses_an_invalid_profile_built_in_code() {
    let mut profile = company();
    set(&mut profile, "benchmark_project.investment", NewValue::Money(yuan("-1")));
    set(&mut profile, "company.name", NewValue::Text("名".repeat(500)));
    match evaluate(&profile, lib(), as_of()) {
        Err(EvalError::Invalid(errors)) => {
            let fields: Vec<_> = errors.iter().map(|e| e.at.clone()).collect();
            assert_eq!(
                fields,
                vec![
                    Location::Field(field("company.name")),
                    Location::Field(field("benchmark_project.investment"))
                ]
            );
            // The form evaluates the profile without the bad fields, and the rest still counts.
            let clean = profile.without(&errors);
            assert!(evaluate(&clean, lib(), as_of()).is_ok());
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
        assert_eq!(Profile::from_json(lib(), &profile.to_json_pretty(lib())), Ok(profile));
    }
}

#[test]
fn the_compact_form_leaves_out_the_unknown_and_reads_back_the_same() {
    let profile = example("w06-benchmark-visual-inspection");
    let compact = profile.to_json_compact(lib());
    assert!(!compact.contains("null") && !compact.contains('\n'), "{compact}");
    assert!(compact.len() < profile.to_json_pretty(lib()).len());
    assert_eq!(Profile::from_json(lib(), &compact), Ok(profile));
}
