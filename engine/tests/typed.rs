//! What a person types into one field of the form, read into a value (`parse_typed`), and the text
//! a stored value shows again (`typed_text`).

mod common;

use common::typed_round_trip::check_typed;
use common::*;
use rust_decimal::Decimal;
use subsidy_engine::credit_code::CreditCode;
use subsidy_engine::fields::FieldKind;
use subsidy_engine::input::{Location, Problem, ProfileError};
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

/// A money range in yuan.
fn span(low: &str, high: &str) -> NewValue {
    NewValue::Range { low: yuan(low), high: yuan(high) }
}

fn in_unit(id: &str, text: &str, unit: Unit) -> Result<NewValue, Problem> {
    parse_typed(lib().question(field(id)), text, unit)
}

#[test]
fn money_fields_read_ranges_as_people_type_them() {
    let id = "innovation_centre.equipment_cost";
    let two_to_three = span("2000000", "3000000");
    // In yuan: separators, full-width digits, dashes, tildes, words, each end's own unit.
    for text in [
        "2,000,000-3,000,000",
        "2000000-3000000",
        "2,000,000 - 3,000,000",
        "2,000,000–3,000,000",
        "2,000,000—3,000,000",
        "2,000,000~3,000,000",
        "2,000,000～3,000,000",
        "２，０００，０００－３，０００，０００",
        "２００００００〜３００００００",
        "2,000,000至3,000,000",
        "2,000,000 到 3,000,000",
        "2,000,000 to 3,000,000",
        "2,000,000 TO 3,000,000",
        "¥2,000,000-¥3,000,000",
        "￥2,000,000 － ￥3,000,000",
        "200万–300万",
        "200万-300万",
        "200万元至300万元",
        "200~300万",
        "200～300万元",
        "２００－３００万",
        "200 万 ~ 300 万",
        "200万 to 300万",
        "200万-3,000,000元",
        "2,000,000元-300万",
        "0.02亿-0.03亿",
        "0.02~0.03亿",
    ] {
        assert_eq!(in_unit(id, text, Unit::Yuan), Ok(two_to_three.clone()), "{text:?} in yuan");
    }
    // In 万元: ends without a unit are in 万元, ends with one in their own.
    for text in [
        "200-300",
        "２００－３００",
        "200–300",
        "200—300",
        "200 ~ 300",
        "200～300",
        "200至300",
        "200到300",
        "200 to 300",
        "200万–300万",
        "200~300万",
        "200万-3,000,000元",
        "2,000,000元-300",
        "２００万～３００万元",
    ] {
        assert_eq!(in_unit(id, text, Unit::Wan), Ok(two_to_three.clone()), "{text:?} in 万元");
    }
    // A unit on the high end only is the low end's too, 元 as well as 万.
    assert_eq!(in_unit(id, "200-300元", Unit::Wan), Ok(span("200", "300")));
    assert_eq!(in_unit(id, "200-3,000,000元", Unit::Wan), Ok(span("200", "3000000")));
    // Fractions down to the fen, a range from nothing, and the largest amount.
    assert_eq!(in_unit(id, "1,234.5-2,000.75", Unit::Yuan), Ok(span("1234.5", "2000.75")));
    assert_eq!(in_unit(id, "0.5-1.25", Unit::Wan), Ok(span("5000", "12500")));
    assert_eq!(in_unit(id, "0-500万", Unit::Yuan), Ok(span("0", "5000000")));
    assert_eq!(in_unit(id, "1-1000000000000000", Unit::Yuan), Ok(span("1", "1000000000000000")));
    // A range of zero width is the exact value: exact values stay exact.
    assert_eq!(in_unit(id, "300-300", Unit::Yuan), Ok(money("300")));
    assert_eq!(in_unit(id, "300万-3,000,000", Unit::Yuan), Ok(money("3000000")));
    assert_eq!(in_unit(id, "300～300", Unit::Wan), Ok(money("3000000")));
    assert_eq!(in_unit(id, "2,000,000", Unit::Yuan), Ok(money("2000000")));
    assert_eq!(in_unit(id, "200万", Unit::Yuan), Ok(money("2000000")));
}

#[test]
fn count_fields_read_ranges_with_whole_ends() {
    let id = "open_source.enterprises_served";
    let range = |low: u64, high: u64| NewValue::Range { low: Decimal::from(low), high: Decimal::from(high) };
    for text in [
        "150-250",
        "150–250",
        "150 ~ 250",
        "150～250家",
        "150家-250家",
        "１５０－２５０",
        "１５０～２５０家",
        "150至250家",
        "150到250个",
        "150 to 250",
    ] {
        for unit in [Unit::Yuan, Unit::Wan] {
            assert_eq!(in_unit(id, text, unit), Ok(range(150, 250)), "{text:?} in {unit:?}");
        }
    }
    assert_eq!(read("open_source.active_users", "15-25万"), Ok(range(150_000, 250_000)));
    assert_eq!(read("open_source.active_users", "1,000,000-1,500,000"), Ok(range(1_000_000, 1_500_000)));
    assert_eq!(read("open_source.active_users", "0-100000000000"), Ok(range(0, 100_000_000_000)));
    assert_eq!(read(id, "200-200"), Ok(NewValue::Count(200)));
    assert_eq!(read(id, "200家"), Ok(NewValue::Count(200)));
    assert_eq!(read(id, "1.5-3"), Err(Problem::WrongType));
    assert_eq!(read(id, "150-250.5"), Err(Problem::WrongType));
    assert_eq!(read(id, "-150-250"), Err(Problem::WrongType));
    assert_eq!(read(id, "150--250"), Err(Problem::WrongType));
    assert_eq!(read(id, "150-abc"), Err(Problem::WrongType));
    assert_eq!(read(id, "1-100000000001"), Err(Problem::CountTooLarge));
    assert_eq!(read(id, "1-9999999999999999999999"), Err(Problem::CountTooLarge));
    assert_eq!(read(id, "250-150"), Err(Problem::RangeReversed));
    assert_eq!(read(id, "２５０～１５０家"), Err(Problem::RangeReversed));
    assert_eq!(read(id, "150-"), Err(Problem::Amount { reason: AmountProblem::RangeEnd }));
    let approximate = Err(Problem::Amount { reason: AmountProblem::ApproximateCount });
    for text in
        ["约200家", "大约200", "200家左右", "200上下", "about 200", "~200", "200+", "200以上", "约150-250"]
    {
        assert_eq!(read(id, text), approximate, "{text:?}");
    }
}

#[test]
fn bad_ranges_say_what_is_wrong() {
    let id = "innovation_centre.equipment_cost";
    let amount = |reason| Err(Problem::Amount { reason });
    let cases = [
        ("3,000,000-2,000,000", Unit::Yuan, Err(Problem::RangeReversed)),
        ("300万–200万", Unit::Yuan, Err(Problem::RangeReversed)),
        ("300~200万", Unit::Yuan, Err(Problem::RangeReversed)),
        ("３００－２００", Unit::Wan, Err(Problem::RangeReversed)),
        // A unit on the low end only does not carry over: 200万 is above 300 yuan.
        ("200万-300", Unit::Yuan, Err(Problem::RangeReversed)),
        ("1.001-2", Unit::Yuan, amount(AmountProblem::FinerThanFen)),
        ("1-2.005", Unit::Yuan, amount(AmountProblem::FinerThanFen)),
        ("0.0000001-1", Unit::Wan, amount(AmountProblem::FinerThanFen)),
        ("1--2", Unit::Yuan, amount(AmountProblem::Negative)),
        ("1~-2", Unit::Yuan, amount(AmountProblem::Negative)),
        ("-1-2", Unit::Yuan, amount(AmountProblem::Negative)),
        ("－１－２", Unit::Yuan, amount(AmountProblem::Negative)),
        ("-5", Unit::Yuan, amount(AmountProblem::Negative)),
        ("1-1000000000000001", Unit::Yuan, amount(AmountProblem::TooLarge)),
        ("1-100000000001", Unit::Wan, amount(AmountProblem::TooLarge)),
        ("1-2-3", Unit::Yuan, amount(AmountProblem::NotANumber)),
        ("2023-03-01", Unit::Yuan, amount(AmountProblem::NotANumber)),
        ("abc-200", Unit::Yuan, amount(AmountProblem::NotANumber)),
        ("200-", Unit::Yuan, amount(AmountProblem::RangeEnd)),
        ("200万 到", Unit::Yuan, amount(AmountProblem::RangeEnd)),
        ("200 to", Unit::Wan, amount(AmountProblem::RangeEnd)),
    ];
    for (text, unit, expected) in cases {
        assert_eq!(in_unit(id, text, unit), expected, "{text:?} in {unit:?}");
    }
    // Words of approximation are not read as a figure, nor as a range: the message asks for one.
    for text in [
        "about 250万",
        "About 2,500,000",
        "around 250万",
        "approx. 250万",
        "approximately 250万",
        "roughly 250万",
        "约250万",
        "大约250万",
        "250万左右",
        "250万上下",
        "~250万",
        "～250万",
        "250万+",
        "250+",
        "250万以上",
        "up to 300万",
        "about 200-300万",
        "200-300万左右",
        "约200万至300万",
    ] {
        for unit in [Unit::Yuan, Unit::Wan] {
            assert_eq!(in_unit(id, text, unit), amount(AmountProblem::Approximate), "{text:?} in {unit:?}");
        }
    }
    // Each message names the field, in both languages.
    let question = lib().question(field(id));
    let error = |problem: Problem| ProfileError { at: Location::Field(field(id)), problem };
    let reversed = error(Problem::RangeReversed);
    assert_eq!(
        reversed.message(lib(), Lang::Zh),
        format!("{}：范围的下限高于上限（请写成“低–高”）", question.label.zh)
    );
    assert_eq!(
        reversed.message(lib(), Lang::En),
        format!("{}: the range's low end is above its high end (write low–high)", question.label.en)
    );
    let about = error(Problem::Amount { reason: AmountProblem::Approximate });
    assert_eq!(
        about.message(lib(), Lang::Zh),
        format!(
            "{}：“约”“左右”这类约数不是范围：请写成“200万–300万”这样的范围，或一个确切金额",
            question.label.zh
        )
    );
    assert_eq!(
        about.message(lib(), Lang::En),
        format!(
            "{}: “about”, “around” and the like are not a range: type a range such as 200万–300万, or an exact amount",
            question.label.en
        )
    );
    let kind = Some(FieldKind::Count);
    let about_count = Problem::Amount { reason: AmountProblem::ApproximateCount };
    assert!(about_count.message(Lang::Zh, kind).contains("“150–250”这样的范围，或一个确切数字"));
    assert!(about_count.message(Lang::En, kind).contains("a range such as 150–250, or an exact number"));
    let end = Problem::Amount { reason: AmountProblem::RangeEnd };
    assert_eq!(end.message(Lang::Zh, Some(FieldKind::Money)), "范围缺少一端：请写成“200–300”这样的范围");
    assert_eq!(end.message(Lang::En, Some(FieldKind::Money)), "a range needs both ends, e.g. 200–300");
}

#[test]
fn other_kinds_do_not_read_ranges() {
    assert_eq!(read("little_giant.first_recognised_year", "2024-2025"), Err(Problem::WrongType));
    assert_eq!(read("little_giant.first_recognised_year", "2024~2025"), Err(Problem::WrongType));
    assert!(matches!(read("company.founded", "2023-2024"), Err(Problem::Date { .. })));
    assert_eq!(read("innovation_centre.operating", "true-false"), Err(Problem::WrongType));
    assert_eq!(
        read("innovation_centre.level", "national-provincial"),
        Err(Problem::UnknownChoice { found: "national-provincial".into() })
    );
    assert_eq!(read("company.name", "某公司 2-3 号"), Ok(NewValue::Text("某公司 2-3 号".into())));
}

#[test]
fn ranges_come_back_as_the_text_that_reads_them() {
    let cases = [
        ("innovation_centre.equipment_cost", span("2000000", "3000000"), Unit::Yuan, "2,000,000-3,000,000"),
        ("innovation_centre.equipment_cost", span("2000000", "3000000"), Unit::Wan, "200-300万"),
        ("innovation_centre.equipment_cost", span("0.01", "1234.5"), Unit::Yuan, "0.01-1,234.50"),
        ("innovation_centre.equipment_cost", span("0.01", "1234.5"), Unit::Wan, "0.000001-0.12345万"),
        ("innovation_centre.equipment_cost", span("0", "1000000000000000"), Unit::Wan, "0-100000000000万"),
        (
            "open_source.enterprises_served",
            NewValue::Range { low: Decimal::from(150), high: Decimal::from(250) },
            Unit::Yuan,
            "150-250",
        ),
        (
            "open_source.enterprises_served",
            NewValue::Range { low: Decimal::from(150), high: Decimal::from(250) },
            Unit::Wan,
            "0.015-0.025万",
        ),
    ];
    for (id, value, unit, shown) in cases {
        let f = field(id);
        let mut profile = Profile::new(lib());
        profile.set(f, value.clone()).unwrap();
        let text = typed_text(profile.get(f), unit);
        assert_eq!(text, shown, "{id} in {unit:?}");
        assert_eq!(parse_typed(lib().question(f), &text, unit), Ok(value), "{id}: {text}");
    }
}

/// What the fuzz target holds of any text (`check_typed`, shared with it), over ranges built from
/// many ends, separators and units.
#[test]
fn any_range_that_reads_shows_back_as_text_reading_the_same() {
    let ends =
        ["", "0", "1", "150", "250", "1.5", "0.01", "1.001", "２００", "2,000,000", "-3", "约2", "1e3"];
    let units = ["", "万", "万元", "元", "亿", "家"];
    let separators = ["-", "–", "—", "~", "～", "－", "至", "到", " to ", " - "];
    // The reading depends on the field's kind only: one field of each kind that reads numbers.
    let fields = [
        "innovation_centre.equipment_cost",
        "open_source.enterprises_served",
        "little_giant.first_recognised_year",
    ]
    .map(field);
    let mut read_ranges = 0;
    for low in ends {
        for high in ends {
            for (i, separator) in separators.iter().enumerate() {
                // Each unit on the high end, and (less often) on the low end too.
                for (j, high_unit) in units.iter().enumerate() {
                    let low_unit = units[(i + j) % units.len()];
                    let text = format!("{low}{low_unit}{separator}{high}{high_unit}");
                    for &f in &fields {
                        for unit in [Unit::Yuan, Unit::Wan] {
                            let value = check_typed(lib(), f, &text, unit);
                            read_ranges += usize::from(matches!(value, Some(NewValue::Range { .. })));
                        }
                    }
                }
            }
        }
    }
    assert!(read_ranges > 1000, "{read_ranges} ranges read");
}
