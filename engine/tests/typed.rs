//! What a person types into one field of the form, read into a value (`parse_typed`), and the text
//! a stored value shows again (`typed_text`).

mod common;

use common::*;
use rust_decimal::Decimal;
use subsidy_engine::credit_code::CreditCode;
use subsidy_engine::fields::FieldKind;
use subsidy_engine::input::Problem;
use subsidy_engine::money::{AmountProblem, Unit};
use subsidy_engine::profile::{NewValue, Profile};
use subsidy_engine::typed::{parse_typed, typed_text};
use subsidy_engine::Lang;

fn read(id: &str, text: &str) -> Result<NewValue, Problem> {
    parse_typed(lib().question(field(id)), text, Unit::Yuan)
}

#[test]
fn reads_each_kind() {
    assert_eq!(read("company.name", "  某公司 "), Ok(NewValue::Text("某公司".into())));
    assert_eq!(read("company.city", "foshan"), Ok(choice("foshan")));
    assert_eq!(read("company.district", " nanshan "), Ok(choice("nanshan")));
    assert_eq!(
        read("company.credit_code", "914403001922038216"),
        Ok(NewValue::CreditCode(CreditCode::parse("914403001922038216").unwrap()))
    );
    assert_eq!(read("innovation_centre.operating", "false"), Ok(NewValue::Bool(false)));
    assert_eq!(read("innovation_centre.operating", "true"), Ok(NewValue::Bool(true)));
    assert_eq!(read("innovation_centre.level", "national"), Ok(choice("national")));
    assert_eq!(read("little_giant.first_recognised_year", "２０２５"), Ok(NewValue::Year(2025)));
    assert_eq!(read("little_giant.first_recognised_year", "2025年"), Ok(NewValue::Year(2025)));
    assert_eq!(read("open_source.active_users", "150万"), Ok(NewValue::Count(1_500_000)));
    assert_eq!(read("open_source.enterprises_served", "１８０家"), Ok(NewValue::Count(180)));
    assert_eq!(read("open_source.enterprises_served", "1,200"), Ok(NewValue::Count(1200)));
    assert_eq!(read("company.founded", "2023-03-01"), Ok(day("2023-03-01")));
    assert_eq!(read("benchmark_project.start_date", "2023-03-01"), Ok(day("2023-03-01")));
    assert_eq!(
        parse_typed(lib().question(field("benchmark_project.investment")), "1,200", Unit::Wan),
        Ok(NewValue::Money(Decimal::from(12_000_000)))
    );
    assert_eq!(read("compute_rental.contract_amount", "８００万"), Ok(money("8000000")));
    assert_eq!(read("compute_rental.contract_amount", "1,234.5"), Ok(money("1234.5")));
    for f in lib().fields() {
        let question = lib().question(f);
        for unit in [Unit::Yuan, Unit::Wan] {
            assert_eq!(parse_typed(question, "   ", unit), Ok(NewValue::Unknown), "{}", question.id);
            assert_eq!(parse_typed(question, "", unit), Ok(NewValue::Unknown), "{}", question.id);
        }
    }
}

#[test]
fn names_what_is_wrong() {
    assert_eq!(
        read("benchmark_project.investment", "-5"),
        Err(Problem::Amount { reason: AmountProblem::Negative })
    );
    assert_eq!(
        read("benchmark_project.investment", "1e309"),
        Err(Problem::Amount { reason: AmountProblem::NotANumber })
    );
    assert_eq!(
        read("benchmark_project.investment", "1.001"),
        Err(Problem::Amount { reason: AmountProblem::FinerThanFen })
    );
    assert_eq!(
        read("little_giant.first_recognised_year", "1800"),
        Err(Problem::YearOutOfRange { found: 1800 })
    );
    assert_eq!(
        read("little_giant.first_recognised_year", "99999999999"),
        Err(Problem::YearOutOfRange { found: i64::MAX })
    );
    assert_eq!(read("little_giant.first_recognised_year", "二〇二五"), Err(Problem::WrongType));
    assert_eq!(read("little_giant.first_recognised_year", "2025.5"), Err(Problem::WrongType));
    assert_eq!(read("open_source.active_users", "1.5"), Err(Problem::WrongType));
    assert_eq!(read("open_source.active_users", "-5"), Err(Problem::WrongType));
    assert_eq!(read("open_source.active_users", "9".repeat(40).as_str()), Err(Problem::CountTooLarge));
    assert_eq!(read("company.name", &"x".repeat(500)), Err(Problem::NameTooLong { chars: 500 }));
    assert_eq!(read("innovation_centre.operating", "yes"), Err(Problem::WrongType));
    assert!(matches!(read("company.credit_code", "123"), Err(Problem::CreditCode { .. })));
    assert!(matches!(read("benchmark_project.start_date", "2025-02-30"), Err(Problem::Date { .. })));
    assert_eq!(read("company.city", "macau"), Err(Problem::UnknownChoice { found: "macau".into() }));
    assert_eq!(
        read("innovation_centre.level", "galactic"),
        Err(Problem::UnknownChoice { found: "galactic".into() })
    );
    // The problems read in words, for the field they concern.
    let kind = Some(FieldKind::Count);
    assert_eq!(Problem::WrongType.message(Lang::En, kind), "expected a whole number, 0 or more");
    assert_eq!(Problem::WrongType.message(Lang::Zh, kind), "应填写非负整数");
    assert_eq!(
        Problem::UnknownChoice { found: "macau".into() }.message(Lang::En, Some(FieldKind::Choice)),
        "\"macau\" is not one of the choices"
    );
    assert_eq!(
        Problem::NameTooLong { chars: 500 }.message(Lang::En, None),
        "too long (500 characters; at most 200)"
    );
}

/// A stored value of each kind, with the units a money field may show.
fn stored_values() -> Vec<(&'static str, NewValue, Unit)> {
    vec![
        ("company.name", NewValue::Text("广东某公司".into()), Unit::Yuan),
        (
            "company.credit_code",
            NewValue::CreditCode(CreditCode::parse("914403001922038216").unwrap()),
            Unit::Yuan,
        ),
        ("company.city", choice("shenzhen"), Unit::Yuan),
        ("company.registered_in_guangdong", NewValue::Bool(true), Unit::Yuan),
        ("company.ai_robotics_field", NewValue::Bool(false), Unit::Yuan),
        ("company.founded", day("2021-02-28"), Unit::Yuan),
        ("little_giant.first_recognised_year", NewValue::Year(2025), Unit::Yuan),
        ("benchmark_project.investment", money("12345678.5"), Unit::Yuan),
        ("benchmark_project.investment", money("12345678.5"), Unit::Wan),
        ("benchmark_project.investment", money("0.01"), Unit::Wan),
        ("benchmark_project.investment", money("1000000000000000"), Unit::Yuan),
        ("open_source.active_users", NewValue::Count(1_500_000), Unit::Yuan),
        ("open_source.enterprises_served", NewValue::Count(0), Unit::Yuan),
    ]
}

#[test]
fn stored_values_come_back_as_the_text_that_reads_them() {
    let mut kinds = std::collections::HashSet::new();
    for (id, value, unit) in stored_values() {
        let f = field(id);
        kinds.insert(format!("{:?}", lib().kind(f)));
        let mut profile = Profile::new(lib());
        profile.set(f, value).unwrap();
        let text = typed_text(profile.get(f), unit);
        let mut again = Profile::new(lib());
        again.set(f, parse_typed(lib().question(f), &text, unit).unwrap()).unwrap();
        assert_eq!(again.get(f), profile.get(f), "{id}: {text}");
    }
    assert_eq!(kinds.len(), 8, "every kind: {kinds:?}");
    let mut profile = Profile::new(lib());
    set(&mut profile, "benchmark_project.investment", money("12345678.5"));
    set(&mut profile, "open_source.active_users", NewValue::Count(1_500_000));
    let investment = profile.get(field("benchmark_project.investment"));
    assert_eq!(typed_text(investment, Unit::Wan), "1234.56785");
    assert_eq!(typed_text(investment, Unit::Yuan), "12,345,678.50");
    assert_eq!(typed_text(profile.get(field("open_source.active_users")), Unit::Yuan), "1,500,000");
    assert_eq!(typed_text(profile.get(field("company.name")), Unit::Yuan), "");
}
