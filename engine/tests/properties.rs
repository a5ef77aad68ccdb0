//! Properties over random profiles of the built-in packs' questions: the engine never panics,
//! amounts stay within their caps, a larger base never lowers an amount, and the same input gives
//! the same output; and for the limits across programmes: no level's total exceeds the sum of its
//! parts, a combined ceiling is never exceeded, and an input made unknown never raises another
//! programme's amount. The places with packs of their own, and the answers that make those limits
//! matter, are drawn far more often than chance would have them.

mod common;

use common::*;
use proptest::prelude::*;
use rust_decimal::Decimal;
use subsidy_engine::evaluate::{test, Truth};
use subsidy_engine::fields::{Field, FieldKind};
use subsidy_engine::profile::{NewValue, Profile, Value};
use subsidy_engine::report::{Amount, Band, Verdict};
use subsidy_engine::rules::{Cap, Formula, Programme};
use subsidy_engine::view::ReportView;
use subsidy_engine::{evaluate, Date, EvalError, Lang};

fn money() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        6 => (0u64..100_000_000).prop_map(Decimal::from),
        2 => (0i64..1_000_000_000_000).prop_map(|fen| Decimal::new(fen, 2)),
        1 => (0i64..1_000_000_000_000_000).prop_map(|fen| Decimal::new(fen, 2)),
        // Now and then outside the valid range, to exercise the errors.
        1 => (-1_000i64..0).prop_map(Decimal::from),
        1 => Just(Decimal::from(10u64.pow(15)) + Decimal::ONE),
    ]
}

/// Answers that make the limits across programmes matter, laid over a random profile now and
/// then: a city compute voucher claim beside each district's, on the same contract or not (or not
/// said); Haizhu's awards; a Dongguan robot centre that may also claim the provincial P1; a
/// Zhuhai firm's recognition year.
fn stacking() -> impl Strategy<Value = Option<Vec<(&'static str, NewValue)>>> {
    let amount = || (0u64..40_000_000).prop_map(|y| NewValue::Money(Decimal::from(y)));
    let maybe =
        || prop_oneof![Just(NewValue::Bool(true)), Just(NewValue::Bool(false)), Just(NewValue::Unknown)];
    let level =
        |ids: &'static [&'static str]| (0..ids.len()).prop_map(move |i| NewValue::Choice(ids[i].into()));
    let compute = (
        amount(),
        amount(),
        maybe(),
        maybe(),
        maybe(),
        (2020i32..2027, 1u8..=12).prop_map(|(y, m)| Date::new(y, m, 1).unwrap()),
    );
    let others = (
        amount(),
        any::<bool>(),
        any::<bool>(),
        level(&["national", "provincial", "city", "none"]),
        amount(),
        level(&["national", "provincial", "other"]),
        amount(),
        prop_oneof![(2022i32..2028).prop_map(NewValue::Year), Just(NewValue::Unknown)],
    );
    proptest::option::weighted(
        0.6,
        (compute, others).prop_map(
            |((contract, spend, lg, gm, lh, founded), (hz, llm, algo, dg, dg_inv, p1, p1_cost, year))| {
                vec![
                    ("company.founded", NewValue::Date(founded)),
                    ("compute_rental.contract_amount", contract),
                    ("compute_rental.trains_large_models", NewValue::Bool(true)),
                    ("compute_rental.non_affiliated", NewValue::Bool(true)),
                    ("compute_rental.listed_provider", NewValue::Bool(true)),
                    ("longgang_compute.spend", spend.clone()),
                    ("longgang_compute.same_contract", lg),
                    ("guangming_compute.annual_spend", spend.clone()),
                    ("guangming_compute.same_contract", gm),
                    ("longhua_compute.purchase_amount", spend.clone()),
                    ("longhua_compute.independent_legal_person", NewValue::Bool(true)),
                    ("longhua_compute.same_contract", lh),
                    ("zhuhai_compute.spend", spend),
                    ("company.national_title_year", year),
                    ("haizhu_filing.first_llm_filing", NewValue::Bool(llm)),
                    ("haizhu_filing.first_algorithm_filing", NewValue::Bool(algo)),
                    ("haizhu_scenario.investment", hz),
                    ("dongguan_robot_centre.level", dg),
                    ("dongguan_robot_centre.investment", dg_inv),
                    ("innovation_centre.level", p1),
                    ("innovation_centre.approval_year", NewValue::Year(2025)),
                    ("innovation_centre.operating", NewValue::Bool(true)),
                    ("innovation_centre.equipment_cost", p1_cost),
                ]
            },
        ),
    )
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

/// Where a random company is: the places with packs of their own far more often than chance
/// would have them (Shenzhen and its districts, Zhuhai, Dongguan, Haizhu), so that their packs
/// and their limits across programmes are evaluated; now and then no place, or the random
/// answers as drawn (a district of another city, say).
fn place() -> impl Strategy<Value = Option<(&'static str, Option<&'static str>)>> {
    prop_oneof![
        3 => Just(Some(("shenzhen", Some("longgang")))),
        2 => Just(Some(("shenzhen", Some("guangming")))),
        2 => Just(Some(("shenzhen", Some("longhua")))),
        2 => Just(Some(("shenzhen", Some("qianhai")))),
        1 => Just(Some(("shenzhen", Some("nanshan")))),
        1 => Just(Some(("shenzhen", None))),
        3 => Just(Some(("zhuhai", None))),
        3 => Just(Some(("dongguan", None))),
        3 => Just(Some(("guangzhou", Some("haizhu")))),
        1 => Just(Some(("guangzhou", Some("tianhe")))),
        1 => Just(Some(("guangzhou", Some("huangpu")))),
        2 => Just(Some(("guangzhou", Some("baiyun")))),
        1 => Just(Some(("huizhou", None))),
        1 => Just(Some(("foshan", None))),
        1 => Just(Some(("zhongshan", None))),
        1 => Just(None),
    ]
}

/// A random profile: each optional topic switched on or not, each field known or not.
fn profile() -> impl Strategy<Value = Profile> {
    let fields: Vec<BoxedStrategy<Option<NewValue>>> =
        lib().fields().map(|f| proptest::option::of(value(f)).boxed()).collect();
    (fields, proptest::collection::vec(any::<bool>(), lib().topic_count()), place(), stacking()).prop_map(
        |(values, topics, place, stacking)| {
            let mut profile = Profile::new(lib());
            for (f, value) in lib().fields().zip(values) {
                if let Some(value) = value {
                    profile.set(f, value).unwrap();
                }
            }
            if let Some((city, district)) = place {
                set(&mut profile, "company.city", choice(city));
                let district = district.map_or(NewValue::Unknown, choice);
                set(&mut profile, "company.district", district);
            }
            for (t, on) in lib().topic_ids().zip(topics) {
                if !on {
                    profile.set_topic(t, false);
                }
            }
            // Laid over last: each answer switches its topic on.
            for (id, value) in stacking.into_iter().flatten() {
                set(&mut profile, id, value);
            }
            profile
        },
    )
}

/// An as-of date: any day, or one while the city and district measures are in force.
fn as_of_day() -> impl Strategy<Value = Date> {
    prop_oneof![
        day(),
        (0i64..560)
            .prop_map(|d| Date::from_days_since_epoch(date("2025-06-01").days_since_epoch() + d).unwrap()),
    ]
}

/// The most a programme's formula can give anyone, when it gives a figure at all.
fn highest_amount(programme: &Programme) -> Option<Decimal> {
    match programme.formula.as_ref()? {
        // A cap that depends on a condition may be the higher one.
        Formula::RateOfBase { cap, cap_when, .. } => {
            Some(cap_when.iter().map(|c| c.cap).fold(cap.highest(), Decimal::max))
        }
        Formula::CityAwardMatch { total_cap, .. } => Some(*total_cap),
        // A city award line is the award as given.
        Formula::CityAward { .. } | Formula::NoFixedAmount { .. } => None,
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

/// The inputs a formula computes from: its base (money), a city award, a count of items.
fn base_inputs() -> Vec<Field> {
    let mut fields = bases();
    for programme in lib().packs.iter().flat_map(|p| &p.programmes) {
        if let Some(Formula::PerItem { count, .. }) = &programme.formula {
            fields.push(count.field);
        }
    }
    fields.sort();
    fields.dedup();
    fields
}

/// Whether a programme reads a field itself: in a condition, its formula, a reading or a note.
fn reads(programme: &Programme, field: Field) -> bool {
    let mut fields: Vec<Field> = Vec::new();
    for c in &programme.conditions {
        fields.extend(c.test.fields());
    }
    for r in &programme.readings {
        fields.extend(r.when.iter().flat_map(|t| t.fields()));
    }
    for n in &programme.notes {
        fields.extend(n.when.iter().flat_map(|t| t.fields()));
    }
    match &programme.formula {
        Some(Formula::RateOfBase { base, cap, rate_when, cap_when, .. }) => {
            fields.extend(base.iter().map(|r| r.field));
            if let Cap::ByChoice { by, .. } = cap {
                fields.push(by.field);
            }
            fields.extend(rate_when.iter().flat_map(|r| r.when.fields()));
            fields.extend(cap_when.iter().flat_map(|c| c.when.fields()));
        }
        Some(Formula::CityAwardMatch { award, .. }) => fields.push(award.field),
        Some(Formula::NoFixedAmount { estimate, .. }) => fields.push(estimate.field),
        Some(Formula::PerItem { count, .. }) => fields.push(count.field),
        Some(Formula::Tiers { by, .. }) => fields.extend(by.iter().map(|r| r.field)),
        Some(Formula::CityAward { .. }) => {
            let (matched, award) = lib().award_of(programme).unwrap();
            fields.push(award);
            return fields.contains(&field) || reads(matched, field);
        }
        None => {}
    }
    fields.contains(&field)
}

/// The profile with its invalid answers made unknown, so that it evaluates: most random profiles
/// have some answer out of range.
fn cleaned(profile: &Profile) -> Profile {
    if profile.is_valid(lib()) {
        profile.clone()
    } else {
        profile.without(&profile.validate(lib()))
    }
}

/// A programme of the built-in packs, by id.
fn programme(id: &str) -> &'static Programme {
    lib().packs.iter().flat_map(|p| &p.programmes).find(|p| p.id == id).unwrap()
}

/// Whether a programme comes after another in a combined ceiling or a yearly cap per company:
/// what it keeps depends on what those before it take.
fn limited_beside_others(id: &str) -> bool {
    let packs = &lib().packs;
    let lists = packs
        .iter()
        .flat_map(|p| p.combined_ceilings.iter().map(|c| &c.programmes))
        .chain(packs.iter().flat_map(|p| p.company_caps.iter().map(|c| &c.programmes)));
    lists
        .into_iter()
        .any(|refs| refs.iter().skip(1).filter_map(|r| lib().programme_at(r)).any(|(_, p)| p.id == id))
}

/// The figure of an amount, nothing counting as zero.
fn figure(amount: &Amount) -> Decimal {
    amount.yuan().unwrap_or_default()
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
                            // Only an uncapped per-item award, or a city award as given, has a
                            // figure and no ceiling.
                            None => prop_assert!(
                                matches!(outcome.programme.formula, Some(Formula::PerItem { cap: None, .. } | Formula::CityAward { .. })),
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
                    prop_assert!(totals.rule_based.low >= Decimal::ZERO);
                    prop_assert!(totals.competitive_ceilings.low >= Decimal::ZERO);
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
                // A programme limited beside others (a district voucher under the combined
                // ceiling) may get less when another one's base grows: the city voucher that
                // grows, or starts to pay, takes more of the shared limit.
                if limited_beside_others(id) && !reads(programme(id), f) {
                    continue;
                }
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

    #[test]
    fn no_level_total_exceeds_the_sum_of_its_parts(profile in profile(), as_of in as_of_day()) {
        let profile = cleaned(&profile);
        let report = evaluate(&profile, lib(), as_of).unwrap();
        // Programmes on the same money (`overlaps`) count once: a total may be less than the
        // sum, and is equal to it where no pack that applies pairs two programmes.
        let paired = report.packs.iter().any(|p| !p.overlaps.is_empty());
        for totals in &report.totals {
            // Exact answers; an amount is a band only where a conditional rate or cap is not
            // known. Each end of a total is at most the sum of that end of its parts.
            let parts: Vec<_> = report
                .outcomes
                .iter()
                .filter(|o| o.level == totals.level && o.verdict == Verdict::Eligible)
                .collect();
            for (ceiling, total) in [(false, totals.rule_based), (true, totals.competitive_ceilings)] {
                let bands: Vec<Band> = parts
                    .iter()
                    .filter(|o| o.amount.is_ceiling() == ceiling)
                    .filter_map(|o| o.amount.band())
                    .collect();
                let low: Decimal = bands.iter().map(|b| b.low).sum();
                let high: Option<Decimal> = bands.iter().map(|b| b.high).sum();
                prop_assert!(total.low <= low, "{:?}: {} > {}", totals.level, total.low, low);
                if let (Some(t), Some(h)) = (total.high, high) {
                    prop_assert!(t <= h, "{:?}: {} > {}", totals.level, t, h);
                }
                if !paired {
                    prop_assert_eq!((total.low, total.high), (low, high), "{:?}", totals.level);
                }
            }
            prop_assert_eq!(totals.eligible, parts.len());
        }
    }

    /// A programme rests on its documents: none is eligible, or has an amount, on a day when
    /// none of its bases is in force.
    #[test]
    fn nothing_is_eligible_when_no_basis_is_in_force(profile in profile(), as_of in day()) {
        let profile = cleaned(&profile);
        let report = evaluate(&profile, lib(), as_of).unwrap();
        for o in &report.outcomes {
            let resting = matches!(
                subsidy_engine::force::force_on(o.pack, o.programme, as_of),
                subsidy_engine::force::Force::InForce { .. } | subsidy_engine::force::Force::Unbounded
            );
            // A programme the company said does not concern it is not applicable, whatever the day.
            if !resting && o.verdict != Verdict::NotApplicable {
                prop_assert_eq!(o.verdict, Verdict::NotEligible, "{} on {}", o.programme.id, as_of);
                prop_assert_eq!(o.amount, Amount::None, "{}", o.programme.id);
                prop_assert!(o.not_in_force.is_some(), "{}", o.programme.id);
            }
        }
    }

    #[test]
    fn a_combined_ceiling_is_never_exceeded(profile in profile(), as_of in as_of_day()) {
        let profile = cleaned(&profile);
        let report = evaluate(&profile, lib(), as_of).unwrap();
        for pack in &report.packs {
            for ceiling in &pack.combined_ceilings {
                let applies = ceiling.when.as_ref().map_or(Truth::Yes, |t| test(&profile, as_of, t, &mut Default::default()));
                let Value::Money(base) = profile.get(ceiling.base.field) else { continue };
                if applies == Truth::No {
                    continue;
                }
                let limit = ceiling.rate * base;
                let amounts: Vec<Decimal> = ceiling
                    .programmes
                    .iter()
                    .filter_map(|r| lib().programme_at(r))
                    .filter_map(|(_, p)| report.outcomes.iter().find(|o| std::ptr::eq(o.programme, p)))
                    .map(|o| figure(&o.amount))
                    .collect();
                // In their order, each after the first gets at most what the ones before it left;
                // the first keeps its own amount (a start-up's 60% city voucher may be above 50%).
                let mut counted = Decimal::ZERO;
                for (i, amount) in amounts.iter().enumerate() {
                    if i > 0 {
                        let room = (limit - counted).max(Decimal::ZERO);
                        prop_assert!(*amount <= room, "{}: {} > {} left of {}", ceiling.id, amount, room, limit);
                    }
                    counted += amount;
                }
                let first = amounts.first().copied().unwrap_or_default();
                prop_assert!(counted <= limit.max(first), "{}: {} > {}", ceiling.id, counted, limit);
                if first <= limit {
                    prop_assert!(counted <= limit, "{}: {} > {}", ceiling.id, counted, limit);
                }
            }
        }
    }

    #[test]
    fn making_a_base_unknown_never_raises_another_programme(profile in profile(), as_of in as_of_day()) {
        let profile = cleaned(&profile);
        let before = evaluate(&profile, lib(), as_of).unwrap();
        for f in base_inputs() {
            if !profile.get(f).is_known() {
                continue;
            }
            let mut cleared = profile.clone();
            cleared.clear(f);
            let after = evaluate(&cleared, lib(), as_of).unwrap();
            prop_assert_eq!(before.outcomes.len(), after.outcomes.len());
            for (a, b) in before.outcomes.iter().zip(&after.outcomes) {
                if reads(a.programme, f) {
                    continue;
                }
                prop_assert!(
                    figure(&b.amount) <= figure(&a.amount),
                    "{}: {:?} -> {:?} when {} became unknown",
                    a.programme.id, a.amount, b.amount, lib().question(f).id
                );
            }
        }
    }
}

/// The properties on the limits across programmes are not empty: the profiles drawn reach each
/// limit (a combined ceiling cutting an amount, one waiting for its base, a yearly cap per company
/// in the calculation, an overlap noted) a good number of times.
#[test]
fn the_profiles_drawn_reach_every_limit_across_programmes() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    use subsidy_engine::report::{Note, Step};
    let mut runner = TestRunner::deterministic();
    let (mut cut, mut waiting, mut company, mut overlap) = (0, 0, 0, 0);
    for _ in 0..1000 {
        let profile = cleaned(&profile().new_tree(&mut runner).unwrap().current());
        let as_of = as_of_day().new_tree(&mut runner).unwrap().current();
        let report = evaluate(&profile, lib(), as_of).unwrap();
        for o in &report.outcomes {
            for n in &o.notes {
                match n {
                    Note::CombinedCeiling { base_unknown: false, .. } => cut += 1,
                    Note::CombinedCeiling { base_unknown: true, .. } => waiting += 1,
                    Note::Overlap(_) => overlap += 1,
                    _ => {}
                }
            }
            company += usize::from(o.steps.iter().any(|s| matches!(s, Step::CompanyCap { .. })));
        }
        // What clearing the contract amount gives: the district voucher waits for it.
        let mut cleared = profile.clone();
        cleared.clear(field("compute_rental.contract_amount"));
        let report = evaluate(&cleared, lib(), as_of).unwrap();
        waiting += report
            .outcomes
            .iter()
            .flat_map(|o| &o.notes)
            .filter(|n| matches!(n, Note::CombinedCeiling { base_unknown: true, .. }))
            .count();
    }
    assert!(
        cut >= 20 && waiting >= 5 && company >= 20 && overlap >= 5,
        "{cut} {waiting} {company} {overlap}"
    );
}

/// The profile with its money and count answers made ranges around them, as `spread` says for
/// each (per mille below and above; `None`: left exact).
fn roughened(profile: &Profile, spread: &[Option<(u32, u32)>]) -> Profile {
    let mut out = profile.clone();
    for (f, spread) in lib().fields().zip(spread) {
        let (Some((below, above)), Some((v, _))) = (spread, profile.get(f).interval()) else { continue };
        let whole = lib().kind(f) == FieldKind::Count;
        let cut = |d: Decimal| {
            if whole {
                d.floor()
            } else {
                d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero)
            }
        };
        let low = cut(v - v * Decimal::new(i64::from(*below), 3)).max(Decimal::ZERO);
        let high = cut(v + v * Decimal::new(i64::from(*above), 3) + Decimal::from(*above));
        out.store(f, NewValue::Range { low, high }).unwrap();
    }
    out
}

/// The questions a conditional rate or cap reads (a founding date, a recognition year): while
/// they are not answered, an amount spans what each answer gives.
fn conditional_terms() -> Vec<Field> {
    let mut fields = Vec::new();
    for p in lib().packs.iter().flat_map(|p| &p.programmes) {
        if let Some(Formula::RateOfBase { rate_when, cap_when, .. }) = &p.formula {
            for test in rate_when.iter().map(|r| &r.when).chain(cap_when.iter().map(|c| &c.when)) {
                test.for_each_field(&mut |f| fields.push(f));
            }
        }
    }
    fields
}

/// An answer to a question a conditional term reads, `at` per mille through its possibilities.
fn condition_answer(f: Field, at: u32, as_of: Date) -> NewValue {
    match lib().kind(f) {
        FieldKind::Bool => NewValue::Bool(at >= 500),
        FieldKind::Year => NewValue::Year(as_of.year() - (at % 5) as i32),
        FieldKind::Date => {
            NewValue::Date(Date::from_days_since_epoch(as_of.days_since_epoch() - i64::from(at)).unwrap())
        }
        FieldKind::Choice => {
            let choices = &lib().question(f).choices;
            NewValue::Choice(choices[at as usize % choices.len()].id.clone())
        }
        _ => NewValue::Unknown,
    }
}

/// A completion of a rough profile: each range replaced by a figure inside it, each money or count
/// question not answered (and with no published figure assumed for it) given one, `at` per mille
/// of the way, and each question a conditional rate or cap reads given an answer.
fn completed(profile: &Profile, at: &[u32], as_of: Date) -> Profile {
    let mut out = profile.clone();
    let conditional = conditional_terms();
    for (f, at) in lib().fields().zip(at) {
        let kind = lib().kind(f);
        if conditional.contains(&f) && !profile.get(f).is_known() {
            out.store(f, condition_answer(f, *at, as_of)).unwrap();
            continue;
        }
        if !matches!(kind, FieldKind::Money | FieldKind::Count) || !profile.has_topic(lib().topic_of(f)) {
            continue;
        }
        let (low, high) = match profile.get(f) {
            Value::Range { low, high } => (low, high),
            Value::Unknown if subsidy_engine::evaluate::prefill_for(profile, lib(), as_of, f).is_none() => {
                (Decimal::ZERO, Decimal::from(50_000_000))
            }
            _ => continue,
        };
        let v = low + (high - low) * Decimal::new(i64::from(*at), 3);
        let value = if kind == FieldKind::Count {
            NewValue::Count(
                u64::try_from(v.floor().mantissa())
                    .unwrap_or(0)
                    .min(u64::try_from(high.floor().mantissa()).unwrap_or(0)),
            )
        } else {
            NewValue::Money(v.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero).max(low))
        };
        out.store(f, value).unwrap();
    }
    out
}

/// Ranges across two thresholds (more than 200 enterprises; a contract of at least ¥500,000),
/// which random spreads seldom cross.
fn across_thresholds(mut profile: Profile) -> Profile {
    let across = [
        ("open_source.enterprises_served", "150", "250"),
        ("compute_rental.contract_amount", "400000", "600000"),
    ];
    for (id, low, high) in across {
        profile.store(field(id), NewValue::Range { low: yuan(low), high: yuan(high) }).unwrap();
    }
    profile
}

fn spreads() -> impl Strategy<Value = Vec<Option<(u32, u32)>>> {
    proptest::collection::vec(proptest::option::weighted(0.5, (0u32..900, 0u32..900)), lib().fields().count())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Every exact answer written as a range of zero width gives exactly today's result: the same
    /// verdicts, amounts, calculation lines, notes and totals, in both languages.
    #[test]
    fn a_range_of_zero_width_gives_exactly_the_exact_result(profile in profile(), as_of in as_of_day()) {
        let exact = cleaned(&profile);
        let mut zero = exact.clone();
        for f in lib().fields() {
            if let Some((v, w)) = exact.get(f).interval() {
                zero.store(f, NewValue::Range { low: v, high: w }).unwrap();
            }
        }
        let (a, b) = (evaluate(&exact, lib(), as_of).unwrap(), evaluate(&zero, lib(), as_of).unwrap());
        prop_assert_eq!(&a.totals, &b.totals);
        for lang in Lang::ALL {
            let (va, vb) = (ReportView::new(&a, &exact, lang), ReportView::new(&b, &zero, lang));
            for (pa, pb) in va.programmes.iter().zip(&vb.programmes) {
                prop_assert_eq!(
                    (pa.verdict, pa.amount, &pa.amount_label, &pa.calculation, &pa.notes, &pa.missing),
                    (pb.verdict, pb.amount, &pb.amount_label, &pb.calculation, &pb.notes, &pb.missing),
                    "{}", pa.id
                );
            }
        }
    }

    /// A band holds every figure its inputs could give: for any completion of the ranges, of
    /// the money and count questions not answered and of the questions conditional rates and caps
    /// read, the amount lies between the band's ends (the lower bound never exceeds it), and a
    /// "not eligible" stays so.
    #[test]
    fn a_band_holds_every_completion(
        profile in profile(),
        spread in spreads(),
        at in proptest::collection::vec(0u32..=1000, lib().fields().count()),
        as_of in as_of_day(),
        across in any::<bool>(),
    ) {
        let mut rough = roughened(&cleaned(&profile), &spread);
        if across {
            rough = across_thresholds(rough);
        }
        prop_assume!(rough.is_valid(lib()));
        let complete = completed(&rough, &at, as_of);
        prop_assume!(complete.is_valid(lib()));
        let (r, c) = (evaluate(&rough, lib(), as_of).unwrap(), evaluate(&complete, lib(), as_of).unwrap());
        for o in &r.outcomes {
            let Some(done) = c.outcomes.iter().find(|d| std::ptr::eq(d.programme, o.programme)) else { continue };
            if o.verdict == Verdict::NotEligible {
                prop_assert_eq!(done.verdict, Verdict::NotEligible, "{}", o.programme.id);
            }
            if let (Some(band), Some(y)) = (o.amount.band(), done.amount.yuan()) {
                prop_assert!(band.low <= y, "{}: at least {} but {} for {:?}", o.programme.id, band.low, y, done.steps);
                prop_assert!(band.high.is_none_or(|h| y <= h), "{}: at most {:?} but {}", o.programme.id, band.high, y);
            }
        }
    }
}

/// The band property is not vacuous: random rough profiles give many bands (not one figure) whose
/// completions have an amount to compare, some with a threshold inside a range.
#[test]
fn rough_profiles_give_bands_to_check() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut compared, mut depends) = (0, 0);
    for i in 0..300 {
        let profile = cleaned(&profile().new_tree(&mut runner).unwrap().current());
        let spread = spreads().new_tree(&mut runner).unwrap().current();
        let as_of = as_of_day().new_tree(&mut runner).unwrap().current();
        let mut rough = roughened(&profile, &spread);
        if i % 2 == 0 {
            rough = across_thresholds(rough);
        }
        if !rough.is_valid(lib()) {
            continue;
        }
        let at = vec![500; lib().fields().count()];
        let complete = completed(&rough, &at, as_of);
        let (r, c) = (evaluate(&rough, lib(), as_of).unwrap(), evaluate(&complete, lib(), as_of).unwrap());
        for o in &r.outcomes {
            depends += usize::from(o.verdict == Verdict::Depends);
            let done = c.outcomes.iter().find(|d| std::ptr::eq(d.programme, o.programme));
            if o.amount.band().is_some_and(|b| b.single().is_none())
                && done.is_some_and(|d| d.amount.yuan().is_some())
            {
                compared += 1;
            }
        }
    }
    assert!(compared >= 200 && depends >= 5, "{compared} bands compared, {depends} depending");
}

/// The figures of a base from `low` to `high` to try: its ends, both sides of each threshold the
/// programmes of a combined ceiling set on it (a fen apart), and figures evenly between.
fn figures_of(ceiling: &subsidy_engine::rules::CombinedCeiling, low: Decimal, high: Decimal) -> Vec<Decimal> {
    use subsidy_engine::rules::Test;
    fn thresholds(t: &Test, f: Field, out: &mut Vec<Decimal>) {
        match t {
            Test::AnyOf(ts) | Test::AllOf(ts) => ts.iter().for_each(|t| thresholds(t, f, out)),
            Test::AtLeast { field, value, .. } | Test::MoreThan { field, value, .. } if field.field == f => {
                let fen = Decimal::new(1, 2);
                out.extend([*value - fen, *value, *value + fen]);
            }
            _ => {}
        }
    }
    let mut figures: Vec<Decimal> =
        (0..=8).map(|i| low + (high - low) * Decimal::new(i, 0) / Decimal::from(8)).collect();
    for r in &ceiling.programmes {
        let (_, p) = lib().programme_at(r).unwrap();
        p.conditions.iter().for_each(|c| thresholds(&c.test, ceiling.base.field, &mut figures));
    }
    figures
        .into_iter()
        .map(|x| x.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero))
        .filter(|x| low <= *x && *x <= high)
        .collect()
}

/// A Shenzhen firm in a district whose compute voucher shares the contract with the city's under a
/// 50% ceiling, its contract (and perhaps its district spend) given as a range.
fn shared_contract() -> impl Strategy<Value = (Profile, Date)> {
    let districts = [
        ("longgang", "longgang_compute.spend", "longgang_compute.same_contract"),
        ("guangming", "guangming_compute.annual_spend", "guangming_compute.same_contract"),
        ("longhua", "longhua_compute.purchase_amount", "longhua_compute.same_contract"),
    ];
    // Around the city voucher's ¥500,000 threshold, around its cap (¥20,000,000 of contract at
    // 50%, ¥16,666,666.67 at 60%), or anywhere; in yuan or in fen.
    let low = prop_oneof![
        (300_000u64..700_000).prop_map(Decimal::from),
        (10_000_000u64..30_000_000).prop_map(Decimal::from),
        (0u64..40_000_000).prop_map(Decimal::from),
        (0i64..4_000_000_000).prop_map(|fen| Decimal::new(fen, 2)),
    ];
    let width = prop_oneof![
        (1u64..400_000).prop_map(Decimal::from),
        (1i64..2_000_000_000).prop_map(|fen| Decimal::new(fen, 2))
    ];
    let founded = prop_oneof![Just(Some("2026-03-01")), Just(Some("2019-01-01")), Just(None)];
    let same = prop_oneof![Just(NewValue::Bool(true)), Just(NewValue::Unknown)];
    let spend = prop_oneof![
        (0u64..30_000_000).prop_map(|s| (Decimal::from(s), None)),
        (0u64..30_000_000, 1u64..10_000_000)
            .prop_map(|(s, w)| (Decimal::from(s), Some(Decimal::from(s + w))))
    ];
    let as_of = prop_oneof![Just("2026-03-01"), Just("2026-08-01")];
    (0..districts.len(), low, width, founded, same, spend, as_of).prop_map(
        move |(d, low, width, founded, same, spend, as_of)| {
            let (district, spend_field, same_field) = districts[d];
            let mut profile = with(
                company(),
                &[
                    ("company.city", choice("shenzhen")),
                    ("company.district", choice(district)),
                    ("compute_rental.contract_amount", NewValue::Range { low, high: low + width }),
                    ("compute_rental.trains_large_models", NewValue::Bool(true)),
                    ("compute_rental.non_affiliated", NewValue::Bool(true)),
                    ("compute_rental.listed_provider", NewValue::Bool(true)),
                    ("longhua_compute.independent_legal_person", NewValue::Bool(true)),
                    (same_field, same),
                ],
            );
            let spend = match spend {
                (s, None) => NewValue::Money(s),
                (low, Some(high)) => NewValue::Range { low, high },
            };
            set(&mut profile, spend_field, spend);
            if let Some(founded) = founded {
                set(&mut profile, "company.founded", NewValue::Date(date(founded)));
            }
            (profile, date(as_of))
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Programmes that share a base through a combined ceiling are worked out at the same figure
    /// of it: for every figure of a range (and of the district's spend, and either founding date
    /// when it is not given), each programme's amount lies within its band, and the band's ends
    /// are what some figure gives: its least and its most over the range's ends, both sides of
    /// the thresholds inside it and figures between.
    #[test]
    fn a_shared_base_s_bands_hold_every_figure_and_their_ends_are_reached((rough, as_of) in shared_contract()) {
        prop_assume!(rough.is_valid(lib()));
        let report = evaluate(&rough, lib(), as_of).unwrap();
        let ceiling = report.packs.iter().flat_map(|p| &p.combined_ceilings).next().unwrap();
        let range = |f: Field| match rough.get(f) {
            Value::Range { low, high } => (low, high),
            other => { let v = other.as_number().unwrap(); (v, v) }
        };
        let (low, high) = range(ceiling.base.field);
        let contracts = figures_of(ceiling, low, high);
        let members: Vec<_> = ceiling.programmes.iter().map(|r| lib().programme_at(r).unwrap().1).collect();
        let spend_field = match &members[1].formula {
            Some(Formula::RateOfBase { base, .. }) => base[0].field,
            _ => unreachable!(),
        };
        let (spend_low, spend_high) = range(spend_field);
        let founded = field("company.founded");
        let dates: Vec<NewValue> = if rough.get(founded).is_known() {
            vec![rough.get(founded).to_new()]
        } else {
            vec![NewValue::Date(date("2026-03-01")), NewValue::Date(date("2019-01-01"))]
        };
        // Each member's amounts at every completion; not eligible counts as nothing.
        let mut seen: Vec<Vec<Decimal>> = vec![Vec::new(); members.len()];
        for contract in &contracts {
            for spend in [spend_low, spend_high] {
                for founding in &dates {
                    let mut exact = rough.clone();
                    exact.store(ceiling.base.field, NewValue::Money(*contract)).unwrap();
                    exact.store(spend_field, NewValue::Money(spend)).unwrap();
                    exact.store(founded, founding.clone()).unwrap();
                    let done = evaluate(&exact, lib(), as_of).unwrap();
                    for (m, p) in members.iter().enumerate() {
                        let o = done.outcomes.iter().find(|o| std::ptr::eq(o.programme, *p)).unwrap();
                        prop_assert!(o.amount.yuan().is_some() || o.verdict == Verdict::NotEligible, "{}: {:?}", p.id, o.amount);
                        seen[m].push(o.amount.yuan().unwrap_or_default());
                    }
                }
            }
        }
        for (m, p) in members.iter().enumerate() {
            let o = report.outcomes.iter().find(|o| std::ptr::eq(o.programme, *p)).unwrap();
            let (least, most) = (seen[m].iter().min().unwrap(), seen[m].iter().max().unwrap());
            let Some(band) = o.amount.band() else {
                // Not eligible at any figure (a contract wholly below the threshold).
                prop_assert_eq!(o.verdict, Verdict::NotEligible, "{}", p.id);
                prop_assert!(most.is_zero(), "{}: {} at some figure", p.id, most);
                continue;
            };
            prop_assert_eq!(band.low, *least, "{}: the band's low end is not reached ({:?})", p.id, band);
            prop_assert_eq!(band.high, Some(*most), "{}: the band's high end is not reached ({:?})", p.id, band);
        }
    }
}
