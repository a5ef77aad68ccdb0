//! Properties over random profiles of the built-in packs' questions: the engine never panics,
//! amounts stay within their caps, a larger base never lowers an amount, and the same input gives
//! the same output.

mod common;

use common::*;
use proptest::prelude::*;
use rust_decimal::Decimal;
use subsidy_engine::fields::{Field, FieldKind};
use subsidy_engine::profile::{NewValue, Profile, Value};
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

fn value(f: Field) -> BoxedStrategy<NewValue> {
    let question = lib().question(f);
    match question.kind {
        FieldKind::Text => "[a-z某公司]{0,20}".prop_map(NewValue::Text).boxed(),
        FieldKind::CreditCode => Just(NewValue::Unknown).boxed(),
        FieldKind::Bool => any::<bool>().prop_map(NewValue::Bool).boxed(),
        FieldKind::Year => prop_oneof![2020i32..2030, 1800i32..2200].prop_map(NewValue::Year).boxed(),
        FieldKind::Date => day().prop_map(NewValue::Date).boxed(),
        FieldKind::Money => money().prop_map(NewValue::Money).boxed(),
        FieldKind::Count => prop_oneof![0u64..3_000_000, any::<u64>()].prop_map(NewValue::Count).boxed(),
        FieldKind::Choice => {
            // A district of any city: now and then not the one chosen, to exercise that check.
            let ids: Vec<String> = question.choices.iter().map(|c| c.id.clone()).collect();
            (0..ids.len()).prop_map(move |i| NewValue::Choice(ids[i].clone())).boxed()
        }
    }
}

/// A random profile: each optional topic switched on or not, each field known or not.
fn profile() -> impl Strategy<Value = Profile> {
    let fields: Vec<BoxedStrategy<Option<NewValue>>> =
        lib().fields().map(|f| proptest::option::of(value(f)).boxed()).collect();
    // The city is Shenzhen more often than chance would have it, so that its pack is evaluated.
    let city = prop_oneof![Just(Some("shenzhen")), Just(None), Just(Some("guangzhou")), Just(Some("foshan"))];
    (fields, proptest::collection::vec(any::<bool>(), lib().topic_count()), city).prop_map(
        |(values, topics, city)| {
            let mut profile = Profile::new(lib());
            for (f, value) in lib().fields().zip(values) {
                if let Some(value) = value {
                    profile.set(f, value).unwrap();
                }
            }
            if let Some(city) = city {
                set(&mut profile, "company.city", choice(city));
            }
            for (t, on) in lib().topic_ids().zip(topics) {
                if !on {
                    profile.set_topic(t, false);
                }
            }
            profile
        },
    )
}

/// The most a programme's formula can give anyone, when it gives a figure at all.
fn highest_amount(programme: &Programme) -> Option<Decimal> {
    match programme.formula.as_ref()? {
        Formula::RateOfBase { cap, .. } => Some(cap.highest()),
        Formula::CityAwardMatch { total_cap, .. } => Some(*total_cap),
        Formula::NoFixedAmount { .. } => None,
        Formula::PerItem { cap, .. } => *cap,
        Formula::Tiers { tiers, .. } => tiers.iter().map(|t| t.amount).max(),
    }
}

/// The money questions that are a formula's base: what "a larger base" grows.
fn bases() -> Vec<Field> {
    let mut fields = Vec::new();
    for programme in lib().packs.iter().flat_map(|p| &p.programmes) {
        match &programme.formula {
            Some(Formula::RateOfBase { base, .. }) => fields.extend(base.iter().map(|r| r.field)),
            Some(Formula::CityAwardMatch { award, .. }) => fields.push(award.field),
            _ => {}
        }
    }
    fields.sort();
    fields.dedup();
    fields
}

fn amounts(profile: &Profile, as_of: Date) -> Vec<(String, Amount)> {
    match evaluate(profile, lib(), as_of) {
        Ok(report) => report.outcomes.iter().map(|o| (o.programme.id.clone(), o.amount)).collect(),
        Err(_) => Vec::new(),
    }
}

#[test]
fn the_bases_grown_include_every_level() {
    let ids: Vec<&str> = bases().iter().map(|f| lib().question(*f).id.as_str()).collect();
    for id in [
        "innovation_centre.equipment_cost",
        "innovation_centre.software_cost",
        "benchmark_project.investment",
        "open_source.previous_year_operating_expenses",
        "little_giant.city_award",
        "single_champion.city_award",
        "compute_rental.contract_amount",
        "model_services.fees",
    ] {
        assert!(ids.contains(&id), "{id} not in {ids:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_and_amounts_stay_within_caps(profile in profile(), as_of in day()) {
        match evaluate(&profile, lib(), as_of) {
            Ok(report) => {
                for outcome in &report.outcomes {
                    if let Some(yuan) = outcome.amount.yuan() {
                        prop_assert!(yuan >= Decimal::ZERO, "{} {yuan}", outcome.programme.id);
                        match highest_amount(outcome.programme) {
                            Some(cap) => prop_assert!(yuan <= cap, "{} {yuan} > {cap}", outcome.programme.id),
                            // Only an uncapped per-item award has a figure and no ceiling.
                            None => prop_assert!(
                                matches!(outcome.programme.formula, Some(Formula::PerItem { cap: None, .. })),
                                "{}: an amount without a cap", outcome.programme.id
                            ),
                        }
                    }
                    if let Some(yuan) = outcome.would_have_been.yuan() {
                        let cap = highest_amount(outcome.programme);
                        prop_assert!(cap.is_none_or(|cap| yuan <= cap), "{} {yuan}", outcome.programme.id);
                    }
                }
                for totals in &report.totals {
                    prop_assert!(totals.rule_based >= Decimal::ZERO);
                    prop_assert!(totals.competitive_ceilings >= Decimal::ZERO);
                }
                for lang in Lang::ALL {
                    let view = ReportView::new(&report, &profile, lang);
                    prop_assert_eq!(view.programmes.len(), report.outcomes.len());
                }
            }
            Err(EvalError::Invalid(errors)) => {
                prop_assert!(!errors.is_empty());
                // Without the bad fields, the rest of the profile always evaluates.
                prop_assert!(evaluate(&profile.without(&errors), lib(), as_of).is_ok());
            }
            Err(other) => prop_assert!(false, "unexpected {other:?}"),
        }
    }

    #[test]
    fn a_larger_base_never_lowers_an_amount(profile in profile(), as_of in day(), extra in 0u64..50_000_000) {
        let before = amounts(&profile, as_of);
        for f in bases() {
            let mut grown = profile.clone();
            let base = match profile.get(f) {
                Value::Money(m) => m,
                _ => continue,
            };
            grown.set(f, NewValue::Money(base + Decimal::from(extra))).unwrap();
            let after = amounts(&grown, as_of);
            if before.is_empty() || after.is_empty() { continue; }
            prop_assert_eq!(before.len(), after.len());
            for ((id, a), (_, b)) in before.iter().zip(&after) {
                if let (Some(a), Some(b)) = (a.yuan(), b.yuan()) {
                    prop_assert!(b >= a, "{}: {} -> {} when {} grew by {}", id, a, b, lib().question(f).id, extra);
                }
            }
        }
    }

    #[test]
    fn same_input_same_output(profile in profile(), as_of in day()) {
        let first = evaluate(&profile, lib(), as_of).map(|r| ReportView::new(&r, &profile, Lang::Zh));
        let second = evaluate(&profile, lib(), as_of).map(|r| ReportView::new(&r, &profile, Lang::Zh));
        prop_assert_eq!(first, second);
    }

    #[test]
    fn a_valid_profile_reads_back_from_its_file(profile in profile()) {
        if profile.is_valid(lib()) {
            for text in [profile.to_json_pretty(lib()), profile.to_json_compact(lib())] {
                let again = Profile::from_json(lib(), &text);
                prop_assert!(again.is_ok(), "{:?}\n{}", again, text);
                let again = again.unwrap();
                for f in lib().fields() {
                    prop_assert_eq!(again.get(f), profile.get(f));
                }
            }
        }
    }

    #[test]
    fn any_text_is_a_profile_or_a_field_level_error(text in "\\PC{0,200}") {
        if let Err(errors) = Profile::from_json(lib(), &text) {
            prop_assert!(!errors.is_empty());
            for e in errors {
                prop_assert!(!e.message(lib(), Lang::Zh).is_empty() && !e.message(lib(), Lang::En).is_empty());
            }
        }
    }
}
