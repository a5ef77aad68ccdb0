//! Properties over random profiles: the engine never panics, amounts stay within their caps, a
//! larger base never lowers an amount, and the same input gives the same output.

mod common;

use common::*;
use proptest::prelude::*;
use rust_decimal::Decimal;
use subsidy_engine::city::City;
use subsidy_engine::fields::{Field, FieldKind, Section};
use subsidy_engine::profile::{NewValue, Profile};
use subsidy_engine::report::Amount;
use subsidy_engine::rules::{Formula, Programme};
use subsidy_engine::view::ReportView;
use subsidy_engine::{evaluate, Date, EvalError, Lang};

fn money() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (0u64..100_000_000).prop_map(Decimal::from),
        (0i64..1_000_000_000_000_000).prop_map(|fen| Decimal::new(fen, 2)),
        // Now and then outside the valid range, to exercise the errors.
        (-1_000i64..0).prop_map(Decimal::from),
        Just(Decimal::from(10u64.pow(15)) + Decimal::ONE),
    ]
}

fn day() -> impl Strategy<Value = Date> {
    (2018i32..2030, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn value(kind: FieldKind) -> BoxedStrategy<NewValue> {
    match kind {
        FieldKind::Text => "[a-z某公司]{0,20}".prop_map(NewValue::Text).boxed(),
        FieldKind::CreditCode => Just(NewValue::Unknown).boxed(),
        FieldKind::City => (0..City::ALL.len()).prop_map(|i| NewValue::City(City::ALL[i])).boxed(),
        FieldKind::Bool => any::<bool>().prop_map(NewValue::Bool).boxed(),
        FieldKind::Year => prop_oneof![2020i32..2030, 1800i32..2200].prop_map(NewValue::Year).boxed(),
        FieldKind::Date => day().prop_map(NewValue::Date).boxed(),
        FieldKind::Money => money().prop_map(NewValue::Money).boxed(),
        FieldKind::Count => prop_oneof![0u64..3_000_000, any::<u64>()].prop_map(NewValue::Count).boxed(),
        FieldKind::Choice(choices) => {
            (0..choices.len()).prop_map(move |i| NewValue::Choice(choices[i].id.into())).boxed()
        }
    }
}

/// A random profile: each section present or not, each field known or not.
fn profile() -> impl Strategy<Value = Profile> {
    let fields: Vec<BoxedStrategy<Option<NewValue>>> =
        Field::ALL.iter().map(|f| proptest::option::of(value(f.kind())).boxed()).collect();
    (fields, proptest::collection::vec(any::<bool>(), Section::ALL.len())).prop_map(|(values, sections)| {
        let mut profile = Profile::default();
        for (field, value) in Field::ALL.iter().zip(values) {
            if let Some(value) = value {
                profile.set(*field, value).unwrap();
            }
        }
        for (section, present) in Section::ALL.iter().zip(sections) {
            if !present {
                profile.set_section(*section, false);
            }
        }
        profile
    })
}

fn highest_amount(programme: &Programme) -> Option<Decimal> {
    match programme.formula.as_ref()? {
        Formula::RateOfBase { cap, .. } => Some(cap.highest()),
        Formula::CityAwardMatch { total_cap, .. } => Some(*total_cap),
        Formula::NoFixedAmount { .. } => None,
    }
}

fn amounts(profile: &Profile, as_of: Date) -> Vec<(String, Amount)> {
    match evaluate(profile, rules(), as_of) {
        Ok(report) => report.outcomes.iter().map(|o| (o.programme.id.clone(), o.amount)).collect(),
        Err(_) => Vec::new(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_and_amounts_stay_within_caps(profile in profile(), as_of in day()) {
        match evaluate(&profile, rules(), as_of) {
            Ok(report) => {
                for outcome in &report.outcomes {
                    if let Some(yuan) = outcome.amount.yuan() {
                        prop_assert!(yuan >= Decimal::ZERO, "{} {yuan}", outcome.programme.id);
                        let cap = highest_amount(outcome.programme).unwrap();
                        prop_assert!(yuan <= cap, "{} {yuan} > {cap}", outcome.programme.id);
                    }
                }
                prop_assert!(report.totals.rule_based >= Decimal::ZERO);
                for lang in Lang::ALL {
                    let view = ReportView::new(&report, &profile, lang);
                    prop_assert_eq!(view.programmes.len(), report.outcomes.len());
                }
            }
            Err(EvalError::Invalid(errors)) => {
                prop_assert!(!errors.is_empty());
                // Without the bad fields, the rest of the profile always evaluates.
                prop_assert!(evaluate(&profile.without(&errors), rules(), as_of).is_ok());
            }
            Err(other) => prop_assert!(false, "unexpected {other:?}"),
        }
    }

    #[test]
    fn a_larger_base_never_lowers_an_amount(profile in profile(), as_of in day(), extra in 0u64..50_000_000) {
        let before = amounts(&profile, as_of);
        for field in [Field::CentreEquipmentCost, Field::CentreSoftwareCost, Field::ProjectInvestment,
                      Field::OperatingExpenses, Field::LittleGiantCityAward, Field::ChampionCityAward] {
            let mut grown = profile.clone();
            let base = match profile.get(field) {
                subsidy_engine::profile::Value::Money(m) => m,
                _ => continue,
            };
            grown.set(field, NewValue::Money(base + Decimal::from(extra))).unwrap();
            let after = amounts(&grown, as_of);
            if before.is_empty() || after.is_empty() { continue; }
            for ((id, a), (_, b)) in before.iter().zip(&after) {
                if let (Some(a), Some(b)) = (a.yuan(), b.yuan()) {
                    prop_assert!(b >= a, "{id}: {a} -> {b} when {field:?} grew by {extra}");
                }
            }
        }
    }

    #[test]
    fn same_input_same_output(profile in profile(), as_of in day()) {
        let first = evaluate(&profile, rules(), as_of).map(|r| ReportView::new(&r, &profile, Lang::Zh));
        let second = evaluate(&profile, rules(), as_of).map(|r| ReportView::new(&r, &profile, Lang::Zh));
        prop_assert_eq!(first, second);
    }

    #[test]
    fn any_text_is_a_profile_or_a_field_level_error(text in "\\PC{0,200}") {
        if let Err(errors) = Profile::from_json(&text) {
            prop_assert!(!errors.is_empty());
            for e in errors {
                prop_assert!(!e.message(Lang::Zh).is_empty() && !e.message(Lang::En).is_empty());
            }
        }
    }
}
