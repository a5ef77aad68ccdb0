//! A made-up pack (`tests/packs/testville.json`, for Yunfu companies) loaded in-process beside the
//! built-in packs, as the command line loads an extra pack file. Each programme's amount is the one
//! computed by hand from the file, so a formula kind evaluated wrongly shows here whatever the real
//! packs happen to use.

mod common;

use common::*;
use rust_decimal::Decimal;
use std::sync::OnceLock;
use subsidy_engine::profile::NewValue;
use subsidy_engine::report::{Amount, Note, Report, Status, Step, Verdict};
use subsidy_engine::rules::{Formula, Level, Library};
use subsidy_engine::view::ReportView;
use subsidy_engine::{evaluate, Date, Lang, Profile};

fn testville() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/packs/testville.json");
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        library_with("testville.json", &text).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// 2026-06-01: inside the made-up document's period (2026-01-01 – 2026-12-31).
fn when() -> Date {
    date("2026-06-01")
}

fn tv_set(profile: &mut Profile, id: &str, value: NewValue) {
    let f = testville().field(id).unwrap_or_else(|| panic!("no question {id}"));
    profile.set(f, value).unwrap_or_else(|e| panic!("{id}: {e:?}"));
}

/// A Yunfu company meeting every Testville condition, with the answers given on top.
fn company_with(values: &[(&str, NewValue)]) -> Profile {
    let mut profile = Profile::new(testville());
    let base = [
        ("company.city", choice("yunfu")),
        ("company.registered_in_guangdong", NewValue::Bool(true)),
        ("company.ai_robotics_field", NewValue::Bool(true)),
        ("company.founded", day("2020-01-01")),
        ("testville.flag", NewValue::Bool(true)),
        ("testville.band", choice("high")),
        ("testville.spend", money("50000")),
        ("testville.robots", NewValue::Count(2)),
        ("testville.year", NewValue::Year(2024)),
        ("testville.date", day("2026-03-01")),
    ];
    for (id, value) in base.iter().chain(values) {
        tv_set(&mut profile, id, value.clone());
    }
    profile
}

fn run(profile: &Profile, as_of: Date) -> Report<'static> {
    evaluate(profile, testville(), as_of).unwrap_or_else(|e| panic!("{e:?}"))
}

fn amount_of(profile: &Profile, id: &str) -> (Verdict, Amount) {
    let report = run(profile, when());
    let o = outcome(&report, id);
    (o.verdict, o.amount)
}

fn text_of(profile: &Profile, id: &str, lang: Lang) -> String {
    let report = run(profile, when());
    let view = ReportView::new(&report, profile, lang);
    let p = programme_view(&view, id);
    [p.calculation.clone(), p.notes.clone(), p.hints.clone()].concat().join("\n")
}

#[test]
fn the_pack_loads_beside_the_built_in_ones_and_applies_to_yunfu_only() {
    let library = testville();
    let ids: Vec<&str> = library.packs.iter().map(|p| p.id.as_str()).collect();
    // After every built-in pack, the district packs included: a pack loaded later goes last.
    let builtin: Vec<&str> = Library::builtin().packs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids[..ids.len() - 1], builtin[..]);
    assert_eq!(ids.last(), Some(&"testville-2026"));
    // Its questions come after the built-in ones; the built-in ones keep their indices.
    for f in Library::builtin().fields() {
        assert_eq!(library.question(f).id, Library::builtin().question(f).id);
    }
    let report = run(&company_with(&[]), when());
    let packs: Vec<&str> = report.packs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(packs, ["guangdong-ai-robotics-2025", "testville-2026"]);
    let mut elsewhere = company_with(&[]);
    tv_set(&mut elsewhere, "company.city", choice("foshan"));
    assert!(run(&elsewhere, when()).outcomes.iter().all(|o| o.pack.id != "testville-2026"));
    // Every kind of formula but the provincial city-award match and its city award line is in the file.
    let kinds: Vec<&str> = library
        .pack("testville-2026")
        .unwrap()
        .programmes
        .iter()
        .filter_map(|p| p.formula.as_ref())
        .map(|f| match f {
            Formula::RateOfBase { .. } => "rate_of_base",
            Formula::CityAwardMatch { .. } => "city_award_match",
            Formula::CityAward { .. } => "city_award",
            Formula::NoFixedAmount { .. } => "no_fixed_amount",
            Formula::PerItem { .. } => "per_item",
            Formula::Tiers { .. } => "tiers",
        })
        .collect();
    for kind in ["rate_of_base", "per_item", "tiers", "no_fixed_amount"] {
        assert!(kinds.contains(&kind), "no {kind} in {kinds:?}");
    }
}

#[test]
fn rate_of_base_with_a_conditional_rate_and_another_reading() {
    // 10% × 50,000 = 5,000, under the 10,000 cap. Founded in 2020: not under 2 years old.
    assert_eq!(
        amount_of(&company_with(&[]), "TV-RATE"),
        (Verdict::Eligible, Amount::RuleBased(yuan("5000")))
    );
    // Founding date unknown: from the 10% floor to the 20% of a young firm, 10,000. The other
    // cap (20,000) gives the same 5,000, so it is not shown.
    let mut unknown = company_with(&[]);
    tv_set(&mut unknown, "company.founded", NewValue::Unknown);
    let report = run(&unknown, when());
    let o = outcome(&report, "TV-RATE");
    assert_eq!((o.verdict, o.amount), (Verdict::Eligible, Amount::Band(band("5000", "10000"))));
    let ifs: Vec<_> = o
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::RateIfCondition { rate, amount, .. } => Some((rate.rate, *amount)),
            _ => None,
        })
        .collect();
    assert_eq!(ifs, [(yuan("0.20"), exact("10000"))]);
    assert!(!o.notes.iter().any(|n| matches!(n, Note::Alternative { .. })));
    // Under 2 years old: 20% × 150,000 = 30,000 → cap 10,000; the other reading's cap 20,000.
    let young = company_with(&[("company.founded", day("2025-06-01")), ("testville.spend", money("150000"))]);
    let report = run(&young, when());
    let o = outcome(&report, "TV-RATE");
    assert_eq!((o.verdict, o.amount), (Verdict::Eligible, Amount::RuleBased(yuan("10000"))));
    assert!(o.notes.iter().any(|n| matches!(n, Note::RateApplies(r) if r.rate == yuan("0.20"))));
    let others: Vec<_> = o
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::Alternative { amount, .. } => Some(*amount),
            _ => None,
        })
        .collect();
    assert_eq!(others, [yuan("20000")]);
    let en = text_of(&young, "TV-RATE", Lang::En);
    assert!(en.contains("20% × ¥150,000 = ¥30,000"), "{en}");
    assert!(en.contains("capped to ¥10,000"), "{en}");
    assert!(en.contains("Other reading: another reading: a cap of ¥20,000; it would give ¥20,000."), "{en}");
    // The reading, the notes (one only for the high band), and the rounding down to the fen:
    // 10% × 12,345.67 = 1,234.567 → 1,234.56.
    let odd = company_with(&[("testville.spend", money("12345.67"))]);
    let report = run(&odd, when());
    let o = outcome(&report, "TV-RATE");
    assert_eq!(o.amount, Amount::RuleBased(yuan("1234.56")));
    assert!(o.steps.iter().any(|s| matches!(s, Step::Rounded { result, .. } if *result == yuan("1234.56"))));
    assert!(o.notes.iter().any(|n| matches!(n, Note::Reading(r) if r.id == "test_reading")));
    let facts = |p: &Profile| {
        let report = run(p, when());
        outcome(&report, "TV-RATE").notes.iter().filter(|n| matches!(n, Note::Fact(_))).count()
    };
    assert_eq!(facts(&odd), 2);
    assert!(
        text_of(&odd, "TV-RATE", Lang::En).contains("A test note for the high band (source: our reading)")
    );
}

#[test]
fn rate_of_base_conditions_and_near_misses() {
    // Each condition fails on its own.
    for (id, value, failed) in [
        ("testville.flag", NewValue::Bool(false), "flag"),
        ("testville.band", choice("low"), "band"),
        ("testville.spend", money("1000"), "spend_over_1000"),
        ("testville.year", NewValue::Year(2019), "year_2020_2026"),
        ("testville.date", day("2025-12-31"), "date_in_2026"),
        ("testville.date", day("2027-01-01"), "date_in_2026"),
    ] {
        let profile = company_with(&[(id, value)]);
        let report = run(&profile, when());
        let o = outcome(&report, "TV-RATE");
        assert_eq!((o.verdict, o.amount), (Verdict::NotEligible, Amount::None), "{failed}");
        let not_met: Vec<&str> = o
            .conditions
            .iter()
            .filter(|c| c.status == Status::NotMet)
            .map(|c| c.condition.id.as_str())
            .collect();
        assert_eq!(not_met, [failed]);
    }
    // 600 is 400 short of "more than 1,000" (margin 500): a hint; 499 is 501 short: none.
    let hints = |spend: &str| {
        let report = run(&company_with(&[("testville.spend", money(spend))]), when());
        outcome(&report, "TV-RATE").hints.len()
    };
    assert_eq!((hints("600"), hints("499")), (1, 0));
    let en = text_of(&company_with(&[("testville.spend", money("600"))]), "TV-RATE", Lang::En);
    assert!(en.contains("Close: Test spend ¥600; more than ¥1,000 qualifies."), "{en}");
    let en = text_of(&company_with(&[("testville.year", NewValue::Year(2027))]), "TV-RATE", Lang::En);
    assert!(en.contains("Close: Test year 2027 is 1 year(s) after the window closes in 2026."), "{en}");
    let en = text_of(&company_with(&[("testville.date", day("2025-12-02"))]), "TV-RATE", Lang::En);
    assert!(
        en.contains("Close: Test date 2025-12-02 is 30 days before 2026-01-01, the earliest allowed."),
        "{en}"
    );
    // An unknown answer: undetermined, the amount shown "if eligible", the answer asked for.
    let mut unknown = company_with(&[]);
    tv_set(&mut unknown, "testville.year", NewValue::Unknown);
    let report = run(&unknown, when());
    let o = outcome(&report, "TV-RATE");
    assert_eq!((o.verdict, o.amount), (Verdict::Undetermined, Amount::RuleBased(yuan("5000"))));
    assert_eq!(o.missing[..], [testville().field("testville.year").unwrap()]);
}

#[test]
fn per_item_up_to_its_cap() {
    // 10,000 a robot: 2 robots 20,000; 5 robots 50,000 → cap 30,000.
    assert_eq!(
        amount_of(&company_with(&[]), "TV-ITEM"),
        (Verdict::Eligible, Amount::RuleBased(yuan("20000")))
    );
    let five = company_with(&[("testville.robots", NewValue::Count(5))]);
    assert_eq!(amount_of(&five, "TV-ITEM"), (Verdict::Eligible, Amount::RuleBased(yuan("30000"))));
    let en = text_of(&five, "TV-ITEM", Lang::En);
    assert!(en.contains("5 × ¥10,000 each = ¥50,000"), "{en}");
    assert!(en.contains("capped to ¥30,000"), "{en}");
    // No robot: not at least 1.
    let none = company_with(&[("testville.robots", NewValue::Count(0))]);
    assert_eq!(amount_of(&none, "TV-ITEM"), (Verdict::NotEligible, Amount::None));
    // The flag off but the band low: the any_of still holds.
    let low = company_with(&[("testville.flag", NewValue::Bool(false)), ("testville.band", choice("low"))]);
    assert_eq!(amount_of(&low, "TV-ITEM"), (Verdict::Eligible, Amount::RuleBased(yuan("20000"))));
    let neither = company_with(&[("testville.flag", NewValue::Bool(false))]);
    assert_eq!(amount_of(&neither, "TV-ITEM"), (Verdict::NotEligible, Amount::None));
}

#[test]
fn tiers_by_band_or_the_highest() {
    assert_eq!(
        amount_of(&company_with(&[]), "TV-TIERS"),
        (Verdict::Eligible, Amount::RuleBased(yuan("10000")))
    );
    let low = company_with(&[("testville.band", choice("low"))]);
    assert_eq!(amount_of(&low, "TV-TIERS"), (Verdict::Eligible, Amount::RuleBased(yuan("5000"))));
    // Band unknown: the highest tier, with every tier listed.
    let mut unknown = company_with(&[]);
    tv_set(&mut unknown, "testville.band", NewValue::Unknown);
    let report = run(&unknown, when());
    let o = outcome(&report, "TV-TIERS");
    assert_eq!((o.verdict, o.amount), (Verdict::Eligible, Amount::RuleBased(yuan("10000"))));
    assert!(o.steps.iter().any(|s| matches!(s, Step::Tier { chosen: false, .. })));
    assert!(text_of(&unknown, "TV-TIERS", Lang::En).contains("Tiers by score: High ¥10,000; Low ¥5,000."));
    // Founded 10 years before the as-of date: no longer under 10 years old.
    let old = company_with(&[("company.founded", day("2016-06-01"))]);
    assert_eq!(amount_of(&old, "TV-TIERS"), (Verdict::NotEligible, Amount::None));
    let younger = company_with(&[("company.founded", day("2016-06-02"))]);
    assert_eq!(amount_of(&younger, "TV-TIERS").0, Verdict::Eligible);
}

#[test]
fn no_fixed_amount_below_and_from_its_threshold() {
    // The declaration is not answered: assumed, to confirm.
    let mut undeclared = company_with(&[]);
    tv_set(&mut undeclared, "testville.flag", NewValue::Unknown);
    let report = run(&undeclared, when());
    let o = outcome(&report, "TV-NONE");
    assert_eq!((o.verdict, o.amount), (Verdict::Eligible, Amount::PerSeparateRules));
    assert_eq!(o.conditions[0].status, Status::Assumed);
    let just_below = company_with(&[("testville.spend", money("99999.99"))]);
    assert_eq!(amount_of(&just_below, "TV-NONE"), (Verdict::Eligible, Amount::PerSeparateRules));
    let at = company_with(&[("testville.spend", money("100000"))]);
    assert_eq!(amount_of(&at, "TV-NONE"), (Verdict::Eligible, Amount::CaseByCase));
    let view = ReportView::new(&run(&at, when()), &at, Lang::En);
    let p = programme_view(&view, "TV-NONE");
    assert_eq!(p.confidence_note.as_deref(), Some("A made-up confidence note"));
    assert_eq!(p.amount_label, "case by case (一事一议)");
}

#[test]
fn a_competitive_programme_gives_a_ceiling_kept_apart_in_the_totals() {
    // 50% × 50,000 = 25,000 → cap 10,000, a ceiling.
    let profile = company_with(&[]);
    assert_eq!(amount_of(&profile, "TV-COMPETE"), (Verdict::Eligible, Amount::Ceiling(yuan("10000"))));
    let small = company_with(&[("testville.spend", money("12000"))]);
    assert_eq!(amount_of(&small, "TV-COMPETE"), (Verdict::Eligible, Amount::Ceiling(yuan("6000"))));
    assert!(text_of(&profile, "TV-COMPETE", Lang::En).contains("3 a year, ranked"));
    // The city's totals: TV-RATE 5,000 + TV-ITEM 20,000 + TV-TIERS 10,000 rule-based (TV-NONE
    // has no figure); TV-COMPETE's 10,000 a ceiling.
    let report = run(&profile, when());
    let city = totals(&report, Level::City);
    assert_eq!(
        (city.rule_based, city.competitive_ceilings, city.eligible, city.undetermined),
        (exact("35000"), exact("10000"), 5, 0)
    );
    assert_eq!(province(&report).rule_based, Decimal::ZERO);
}

#[test]
fn the_made_up_document_is_in_force_in_2026_only() {
    let profile = company_with(&[]);
    for (as_of, in_force) in
        [("2025-12-31", false), ("2026-01-01", true), ("2026-12-31", true), ("2027-01-01", false)]
    {
        let report = run(&profile, date(as_of));
        for o in report.outcomes.iter().filter(|o| o.pack.id == "testville-2026") {
            assert_eq!(o.not_in_force.is_none(), in_force, "{as_of} {}", o.programme.id);
            if !in_force {
                assert_eq!(
                    (o.verdict, o.amount),
                    (Verdict::NotEligible, Amount::None),
                    "{as_of} {}",
                    o.programme.id
                );
            }
        }
        let city = totals(&report, Level::City);
        assert_eq!(city.rule_based, if in_force { yuan("35000") } else { Decimal::ZERO }, "{as_of}");
    }
    let report = run(&profile, date("2026-12-31"));
    let o = outcome(&report, "TV-ITEM");
    assert!(o.notes.iter().any(|n| matches!(n, Note::Lapses { days: 0, .. })));
    assert_eq!(
        outcome(&run(&profile, date("2027-01-01")), "TV-ITEM").would_have_been,
        Amount::RuleBased(yuan("20000"))
    );
}

#[test]
fn a_testville_profile_round_trips_through_its_file() {
    let mut profile = company_with(&[]);
    tv_set(&mut profile, "testville.note", NewValue::Text("备注".into()));
    for text in [profile.to_json_pretty(testville()), profile.to_json_compact(testville())] {
        assert!(text.contains("\"testville\"") && text.contains("\"testville.robots\""), "{text}");
        assert_eq!(Profile::from_json(testville(), &text).as_ref(), Ok(&profile), "{text}");
        // Without the pack, its questions are unknown keys, named one by one.
        let errors = Profile::from_json(lib(), &text).unwrap_err();
        assert!(
            errors
                .iter()
                .all(|e| e.path(lib()).starts_with("testville") || e.path(lib()).starts_with("topics")),
            "{errors:?}"
        );
    }
}
