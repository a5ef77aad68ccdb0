//! Profiles as values: writing answers, switching topics, checking them (`validate` and its quick
//! form `is_valid`), and reading and writing profile files in format 2 and, migrated, format 1.

mod common;

use common::*;
use rust_decimal::Decimal;
use subsidy_engine::credit_code::CreditCode;
use subsidy_engine::fields::{Field, FieldKind};
use subsidy_engine::input::{Location, Problem, MAX_COUNT};
use subsidy_engine::money::AmountProblem;
use subsidy_engine::profile::{NewValue, Profile, Value, WrongKind};
use subsidy_engine::report::Verdict;
use subsidy_engine::Lang;

/// A valid value of each kind; a choice takes its question's first choice.
fn sample(f: Field) -> NewValue {
    let question = lib().question(f);
    match question.kind {
        FieldKind::Text => NewValue::Text("某公司".into()),
        FieldKind::CreditCode => NewValue::CreditCode(CreditCode::parse("914403001922038216").unwrap()),
        FieldKind::Bool => NewValue::Bool(true),
        FieldKind::Year => NewValue::Year(2025),
        FieldKind::Date => NewValue::Date(date("2024-05-06")),
        FieldKind::Money => NewValue::Money(Decimal::from(7)),
        FieldKind::Count => NewValue::Count(9),
        FieldKind::Choice => NewValue::Choice(question.choices[0].id.clone()),
    }
}

/// Every topic switched on and every field filled with a valid value; the district within its
/// city.
fn full() -> Profile {
    let mut profile = Profile::new(lib());
    for t in lib().topic_ids() {
        profile.set_topic(t, true);
    }
    for f in lib().fields() {
        profile.set(f, sample(f)).unwrap();
    }
    let district = lib().question(field("company.district")).choices[0].clone();
    set(&mut profile, "company.city", choice(district.within.as_deref().unwrap()));
    profile
}

fn agree(profile: &Profile) -> bool {
    let valid = profile.is_valid(lib());
    assert_eq!(valid, profile.validate(lib()).is_empty(), "{profile:?}");
    valid
}

#[test]
fn the_quick_check_agrees_with_validate_on_every_field() {
    let d = |s: &str| yuan(s);
    assert!(agree(&Profile::new(lib())));
    assert!(agree(&full()));
    let long = |n: usize| NewValue::Text("名".repeat(n));
    for f in lib().fields() {
        let question = lib().question(f);
        let cases: Vec<NewValue> = match question.kind {
            FieldKind::Text => vec![long(200), long(201), NewValue::Text("a".repeat(201)), long(67)],
            FieldKind::Year => [1948, 1949, 2100, 2101, i32::MIN, i32::MAX].map(NewValue::Year).to_vec(),
            FieldKind::Money => {
                ["0", "-0", "-0.01", "0.001", "0.010", "1000000000000000", "1000000000000000.01"]
                    .map(|m| NewValue::Money(d(m)))
                    .to_vec()
            }
            FieldKind::Count => [0, MAX_COUNT, MAX_COUNT + 1, u64::MAX].map(NewValue::Count).to_vec(),
            FieldKind::Choice => {
                let mut cases: Vec<NewValue> = question.choices.iter().map(|c| choice(&c.id)).collect();
                cases.push(choice("galactic"));
                cases
            }
            _ => continue,
        };
        let mut invalid = 0;
        for value in cases {
            for mut profile in [full(), Profile::new(lib())] {
                profile.set(f, value.clone()).unwrap();
                invalid += usize::from(!agree(&profile));
            }
        }
        assert!(invalid > 0, "{}: no case was invalid", question.id);
    }
    let mut profile = full();
    for (start, end, valid) in [("2024-05-06", "2024-05-05", false), ("2024-05-06", "2024-05-06", true)] {
        set(&mut profile, "benchmark_project.start_date", day(start));
        set(&mut profile, "benchmark_project.completion_date", day(end));
        assert_eq!(agree(&profile), valid, "{start} – {end}");
    }
    // A district of another city.
    set(&mut profile, "company.city", choice("guangzhou"));
    set(&mut profile, "company.district", choice("nanshan"));
    assert!(!agree(&profile));
    set(&mut profile, "company.district", choice("tianhe"));
    assert!(agree(&profile));
}

#[test]
fn a_topic_switched_off_reads_as_unknown_and_set_switches_it_on() {
    let investment = field("benchmark_project.investment");
    let t = topic("benchmark_project");
    let mut profile = Profile::new(lib());
    assert!(!profile.has_topic(t));
    assert!(profile.has_topic(topic("company")), "the company topic is always on");
    // And stays on: its answers always count.
    set(&mut profile, "company.registered_in_guangdong", NewValue::Bool(true));
    profile.set_topic(topic("company"), false);
    assert!(profile.has_topic(topic("company")));
    assert_eq!(profile.get(field("company.registered_in_guangdong")), Value::Bool(true));
    profile.clear(field("company.registered_in_guangdong"));
    assert_eq!(profile.get(investment), Value::Unknown);
    profile.set(investment, NewValue::Money(Decimal::from(12))).unwrap();
    assert!(profile.has_topic(t));
    assert_eq!(profile.get(investment), Value::Money(Decimal::from(12)));
    // Switched off, the answer is kept but does not count.
    profile.set_topic(t, false);
    assert_eq!(profile.get(investment), Value::Unknown);
    assert_eq!(profile.stored(investment), Value::Money(Decimal::from(12)));
    assert_eq!(profile.known_fields().count(), 0);
    profile.set_topic(t, true);
    assert_eq!(profile.get(investment), Value::Money(Decimal::from(12)));
    profile.clear(investment);
    assert_eq!(profile.get(investment), Value::Unknown);
    assert!(profile.has_topic(t));
    // `store` writes without switching the topic on.
    profile.set_topic(t, false);
    profile.store(investment, NewValue::Money(Decimal::from(5))).unwrap();
    assert!(!profile.has_topic(t));
    assert_eq!(profile.stored(investment), Value::Money(Decimal::from(5)));
}

#[test]
fn money_reads_from_a_json_number_as_the_format_allows() {
    let equipment = field("innovation_centre.equipment_cost");
    for format in [1, 2] {
        let read = |amount: &str| {
            let text = match format {
                1 => {
                    format!(r#"{{"format_version": 1, "innovation_centre": {{"equipment_cost": {amount}}}}}"#)
                }
                _ => format!(
                    r#"{{"format_version": 2, "answers": {{"innovation_centre.equipment_cost": {amount}}}}}"#
                ),
            };
            Profile::from_json(lib(), &text)
                .map(|p| match p.get(equipment) {
                    Value::Money(m) => Some(m),
                    Value::Unknown => None,
                    other => panic!("{other:?}"),
                })
                .map_err(|errors| {
                    assert_eq!(errors.len(), 1, "{errors:?}");
                    assert_eq!(errors[0].at, Location::Field(equipment));
                    errors[0].problem.clone()
                })
        };
        assert_eq!(read("15000000"), Ok(Some(Decimal::from(15_000_000))), "format {format}");
        assert_eq!(read("1234.5"), read(r#""1234.5""#), "format {format}");
        assert_eq!(read("1234.5"), Ok(Some(yuan("1234.5"))), "format {format}");
        assert_eq!(read("1e3"), Ok(Some(Decimal::from(1000))), "format {format}");
        assert_eq!(read("null"), Ok(None), "format {format}");
        // A number that is not an amount is refused for what it is, not as broken JSON.
        assert_eq!(read("-5"), Err(Problem::Amount { reason: AmountProblem::Negative }), "format {format}");
        assert_eq!(
            read("1.234"),
            Err(Problem::Amount { reason: AmountProblem::FinerThanFen }),
            "format {format}"
        );
        assert_eq!(
            read("1e300"),
            Err(Problem::Amount { reason: AmountProblem::NotANumber }),
            "format {format}"
        );
        assert_eq!(read("true"), Err(Problem::WrongType), "format {format}");
        assert_eq!(
            read(r#""12,000""#),
            Err(Problem::Amount { reason: AmountProblem::NotANumber }),
            "format {format}"
        );
    }
}

#[test]
fn set_refuses_a_value_of_the_wrong_kind() {
    let mut profile = Profile::new(lib());
    let users = field("open_source.active_users");
    assert_eq!(profile.set(users, NewValue::Bool(true)), Err(WrongKind(users)));
    assert_eq!(profile.store(users, NewValue::Money(Decimal::ONE)), Err(WrongKind(users)));
    let level = field("innovation_centre.level");
    assert_eq!(profile.set(level, NewValue::Text("national".into())), Err(WrongKind(level)));
    // Nothing was written, and no topic was switched on.
    assert_eq!(profile, Profile::new(lib()));
    // A field that is not in the library.
    let stray = Field(u16::try_from(lib().question_count()).unwrap());
    assert_eq!(profile.set(stray, NewValue::Unknown), Err(WrongKind(stray)));
    // A choice that is not one of the question's is written (the form keeps what was typed) and
    // named by the check, so that `evaluate` refuses it.
    profile.set(level, choice("galactic")).unwrap();
    let errors = profile.validate(lib());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].at, Location::Field(level));
    assert_eq!(errors[0].problem, Problem::UnknownChoice { found: "galactic".into() });
    assert_eq!(errors[0].message(lib(), Lang::En), "Centre level: \"galactic\" is not one of the choices");
    assert!(subsidy_engine::evaluate(&profile, lib(), as_of()).is_err());
}

#[test]
fn every_field_round_trips_through_set_and_get() {
    for f in lib().fields() {
        let value = sample(f);
        assert!(lib().kind(f).accepts(&value));
        let mut profile = Profile::new(lib());
        profile.set(f, value.clone()).unwrap();
        assert!(profile.get(f).is_known(), "{}", lib().question(f).id);
        assert_eq!(profile.known_fields().collect::<Vec<_>>(), vec![f]);
        assert!(profile.has_topic(lib().topic_of(f)));
        // And through both file forms.
        for text in [profile.to_json_pretty(lib()), profile.to_json_compact(lib())] {
            assert_eq!(Profile::from_json(lib(), &text).as_ref(), Ok(&profile), "{text}");
        }
    }
}

#[test]
fn format_2_round_trips_pretty_and_compact() {
    let mut profiles = vec![full(), Profile::new(lib()), company()];
    // A topic switched on with nothing known in it, and one switched off that holds answers.
    let mut open = company();
    open.set_topic(topic("open_source"), true);
    let mut off = full();
    off.set_topic(topic("compute_rental"), false);
    profiles.extend([open, off]);
    for (i, profile) in profiles.into_iter().enumerate() {
        for text in [profile.to_json_pretty(lib()), profile.to_json_compact(lib())] {
            let again = Profile::from_json(lib(), &text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
            // The same profile; except the last, whose switched-off topic keeps answers the file
            // does not carry.
            if i < 4 {
                assert_eq!(again, profile, "{text}");
            } else {
                assert_ne!(again, profile, "{text}");
            }
            // A topic switched off is written without its answers: what counts is the same.
            for f in lib().fields() {
                assert_eq!(again.get(f), profile.get(f), "{}\n{text}", lib().question(f).id);
            }
            for t in lib().topic_ids() {
                assert_eq!(again.has_topic(t), profile.has_topic(t), "{}\n{text}", lib().topic(t).id);
            }
            // Written again, it is the same text.
            let rewritten =
                if text.contains('\n') { again.to_json_pretty(lib()) } else { again.to_json_compact(lib()) };
            assert_eq!(rewritten, text);
        }
    }
    let pretty = full().to_json_pretty(lib());
    assert!(pretty.starts_with("{\n  \"format_version\": 2,\n  \"topics\": [\""), "{pretty}");
    assert!(pretty.contains("\n    \"benchmark_project.investment\": \"7\""), "{pretty}");
    assert!(Profile::new(lib()).to_json_pretty(lib()).contains("\"company.name\": null"));
}

/// A format-1 file with every field the format had, each with a value.
const FORMAT_1_FULL: &str = r#"{
  "format_version": 1,
  "company": { "name": "广东某公司", "credit_code": "914403001922038216", "city": "foshan",
               "registered_in_guangdong": true, "ai_robotics_field": true },
  "little_giant": { "first_recognised_year": 2025, "city_award": "1000000" },
  "single_champion": { "first_recognised_year": 2024, "city_award": 3000000 },
  "innovation_centre": { "level": "provincial", "approval_year": 2025, "operating": true,
                         "equipment_cost": "15000000", "software_cost": "3000000.5" },
  "benchmark_project": { "applicant_type": "manufacturer", "start_date": "2023-03-01",
                         "completion_date": "2025-05-31", "investment": "12000000", "in_guangdong": true,
                         "compliance_clean": false, "quantified_results": true },
  "open_source": { "kind": "community", "active_users": 1500000, "enterprises_served": 150,
                   "previous_year_operating_expenses": "20000000" },
  "national_project": { "undertakes": true, "meets_matching_conditions": true,
                        "estimated_provincial_matching": "120000000" }
}"#;

#[test]
fn a_format_1_file_migrates_with_nothing_lost() {
    let profile = Profile::from_json(lib(), FORMAT_1_FULL).unwrap_or_else(|e| panic!("{e:?}"));
    let file: serde_json::Value = serde_json::from_str(FORMAT_1_FULL).unwrap();
    let mut count = 0;
    for (section, body) in file.as_object().unwrap() {
        let Some(body) = body.as_object() else { continue };
        assert!(profile.has_topic(topic(section)), "{section}");
        for (key, value) in body {
            let id = format!("{section}.{key}");
            let f = field(&id);
            let expected = match (profile.get(f), value) {
                (Value::Text(t), serde_json::Value::String(s)) => t == s,
                (Value::Choice(c), serde_json::Value::String(s)) => c == s,
                (Value::CreditCode(c), serde_json::Value::String(s)) => c.as_str() == s,
                (Value::Date(d), serde_json::Value::String(s)) => d.to_string() == *s,
                (Value::Money(m), serde_json::Value::String(s)) => m == yuan(s),
                (Value::Money(m), serde_json::Value::Number(n)) => m == yuan(&n.to_string()),
                (Value::Bool(b), serde_json::Value::Bool(v)) => b == *v,
                (Value::Year(y), serde_json::Value::Number(n)) => Some(i64::from(y)) == n.as_i64(),
                (Value::Count(c), serde_json::Value::Number(n)) => Some(c) == n.as_u64(),
                _ => false,
            };
            assert!(expected, "{id}: {value} became {:?}", profile.get(f));
            count += 1;
        }
    }
    assert_eq!(count, 28, "every field of format 1");
    assert_eq!(profile.known_fields().count(), 28);
    // Saved as format 2, it reads back the same, and gives the same report.
    for text in [profile.to_json_pretty(lib()), profile.to_json_compact(lib())] {
        let again = Profile::from_json(lib(), &text).unwrap();
        assert_eq!(again, profile, "{text}");
        let (a, b) = (report(&profile), report(&again));
        let view = |r, p| subsidy_engine::view::ReportView::new(r, p, Lang::En);
        assert_eq!(view(&a, &profile), view(&b, &again));
    }
}

#[test]
fn format_1_sections_null_and_empty_mean_what_they_meant() {
    let read = |body: &str| {
        let text = format!(r#"{{"format_version": 1, "company": {{}}, "open_source": {body}}}"#);
        let profile = Profile::from_json(lib(), &text).unwrap();
        let verdict = outcome(&report(&profile), "P4").verdict;
        (profile.has_topic(topic("open_source")), verdict)
    };
    // `null`: the section does not apply; `{}`: it applies, with nothing known yet.
    assert_eq!(read("null"), (false, Verdict::NotApplicable));
    assert_eq!(read("{}"), (true, Verdict::Undetermined));
    assert_eq!(read(r#"{"active_users": 5}"#), (true, Verdict::Undetermined));
    // The same two meanings in format 2: a topic listed, or not.
    let listed =
        Profile::from_json(lib(), r#"{"format_version": 2, "topics": ["open_source"], "answers": {}}"#)
            .unwrap();
    assert_eq!(outcome(&report(&listed), "P4").verdict, Verdict::Undetermined);
    let unlisted =
        Profile::from_json(lib(), r#"{"format_version": 2, "topics": [], "answers": {}}"#).unwrap();
    assert_eq!(outcome(&report(&unlisted), "P4").verdict, Verdict::NotApplicable);
}

#[test]
fn a_district_not_within_the_city_names_the_district() {
    let text =
        r#"{"format_version": 2, "answers": {"company.city": "guangzhou", "company.district": "nanshan"}}"#;
    let errors = Profile::from_json(lib(), text).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = &errors[0];
    assert_eq!(e.at, Location::Field(field("company.district")));
    assert_eq!(e.path(lib()), "company.district");
    assert_eq!(e.problem, Problem::NotWithin { parent: lib().question(field("company.city")).label.clone() });
    assert_eq!(e.message(lib(), Lang::En), "District: does not belong to the city given");
    assert_eq!(e.message(lib(), Lang::Zh), "所在区：不属于所填的“所在地市”");
    // Built in code, the same check refuses to evaluate, and names the same field.
    let profile =
        with(company(), &[("company.city", choice("foshan")), ("company.district", choice("futian"))]);
    match subsidy_engine::evaluate(&profile, lib(), as_of()) {
        Err(subsidy_engine::EvalError::Invalid(errors)) => {
            assert_eq!(
                errors.iter().map(|e| e.at.clone()).collect::<Vec<_>>(),
                [Location::Field(field("company.district"))]
            );
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    // Within its city, or with the city unknown, a district is fine.
    for answers in [
        r#"{"company.city": "shenzhen", "company.district": "nanshan"}"#,
        r#"{"company.district": "nanshan"}"#,
    ] {
        let text = format!(r#"{{"format_version": 2, "answers": {answers}}}"#);
        assert!(Profile::from_json(lib(), &text).is_ok(), "{text}");
    }
}

#[test]
fn completion_before_start_names_the_completion_field() {
    let text = r#"{"format_version": 2, "topics": ["benchmark_project"], "answers": {
        "benchmark_project.start_date": "2025-03-01", "benchmark_project.completion_date": "2025-02-28"}}"#;
    let errors = Profile::from_json(lib(), text).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].at, Location::Field(field("benchmark_project.completion_date")));
    assert_eq!(errors[0].path(lib()), "benchmark_project.completion_date");
    assert_eq!(
        errors[0].message(lib(), Lang::En),
        "Project completion date: is before the project start date"
    );
    // The same day is fine.
    let same = text.replace("2025-02-28", "2025-03-01");
    assert!(Profile::from_json(lib(), &same).is_ok());
}
