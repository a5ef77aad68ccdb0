//! Every threshold, cap and window at its edge: one yuan, one user, one day or one year on either
//! side. Each table row is named after the rule it checks.

mod common;

use common::*;
use subsidy_engine::fields::Field;
use subsidy_engine::profile::{NewValue, Profile};
use subsidy_engine::report::{Amount, Note, Verdict};
use subsidy_engine::{evaluate, Date};

fn with(mut profile: Profile, values: &[(Field, NewValue)]) -> Profile {
    for (field, value) in values {
        profile.set(*field, value.clone()).unwrap();
    }
    profile
}

fn money(text: &str) -> NewValue {
    NewValue::Money(yuan(text))
}

fn day(text: &str) -> NewValue {
    NewValue::Date(date(text))
}

fn centre(level: &str, year: i32, equipment: &str) -> Profile {
    with(
        company(),
        &[
            (Field::CentreLevel, NewValue::Choice(level.into())),
            (Field::CentreApprovalYear, NewValue::Year(year)),
            (Field::CentreOperating, NewValue::Bool(true)),
            (Field::CentreEquipmentCost, money(equipment)),
            (Field::CentreSoftwareCost, money("0")),
        ],
    )
}

fn benchmark(start: &str, end: &str, investment: &str) -> Profile {
    with(
        company(),
        &[
            (Field::ApplicantType, NewValue::Choice("manufacturer".into())),
            (Field::ProjectStart, day(start)),
            (Field::ProjectCompletion, day(end)),
            (Field::ProjectInvestment, money(investment)),
            (Field::ProjectInGuangdong, NewValue::Bool(true)),
        ],
    )
}

fn platform(users: u64, enterprises: u64) -> Profile {
    with(
        company(),
        &[
            (Field::ActiveUsers, NewValue::Count(users)),
            (Field::EnterprisesServed, NewValue::Count(enterprises)),
            (Field::OperatingExpenses, money("1000000")),
        ],
    )
}

fn recognition(year_field: Field, award_field: Field, year: i32, award: &str) -> Profile {
    with(company(), &[(year_field, NewValue::Year(year)), (award_field, money(award))])
}

fn verdict(profile: &Profile, id: &str) -> Verdict {
    outcome(&report(profile), id).verdict
}

fn amount(profile: &Profile, id: &str) -> Amount {
    outcome(&report(profile), id).amount
}

#[test]
fn eligibility_edges() {
    use Verdict::{Eligible as Yes, NotEligible as No};
    let lg = |y| recognition(Field::LittleGiantYear, Field::LittleGiantCityAward, y, "100");
    let sc = |y| recognition(Field::ChampionYear, Field::ChampionCityAward, y, "100");
    let cases: Vec<(&str, Profile, &str, Verdict)> = vec![
        ("P3 started the day before 2022-07-01", benchmark("2022-06-30", "2025-01-01", "1"), "P3", No),
        ("P3 started on 2022-07-01", benchmark("2022-07-01", "2025-01-01", "1"), "P3", Yes),
        ("P3 completed on 2025-07-31", benchmark("2023-01-01", "2025-07-31", "1"), "P3", Yes),
        ("P3 completed the day after 2025-07-31", benchmark("2023-01-01", "2025-08-01", "1"), "P3", No),
        ("P4 exactly 1,000,000 active users is not more than", platform(1_000_000, 0), "P4", No),
        ("P4 1,000,001 active users", platform(1_000_001, 0), "P4", Yes),
        ("P4 exactly 200 enterprises is not more than", platform(0, 200), "P4", No),
        ("P4 201 enterprises", platform(0, 201), "P4", Yes),
        ("P2 little giant first recognised 2023", lg(2023), "P2-LG", No),
        ("P2 little giant first recognised 2024", lg(2024), "P2-LG", Yes),
        ("P2 little giant first recognised 2026", lg(2026), "P2-LG", Yes),
        ("P2 little giant first recognised 2027", lg(2027), "P2-LG", No),
        ("P2 champion first recognised 2023", sc(2023), "P2-SC", No),
        ("P2 champion first recognised 2024", sc(2024), "P2-SC", Yes),
        ("P2 champion first recognised 2027", sc(2027), "P2-SC", No),
        ("P1 approved 2024", centre("provincial", 2024, "1"), "P1", No),
        ("P1 approved 2025", centre("provincial", 2025, "1"), "P1", Yes),
        ("P1 approved 2027", centre("provincial", 2027, "1"), "P1", Yes),
        ("P1 approved 2028", centre("provincial", 2028, "1"), "P1", No),
        ("P1 a city-level centre", centre("other", 2025, "1"), "P1", No),
    ];
    for (name, profile, id, expected) in cases {
        assert_eq!(verdict(&profile, id), expected, "{name}");
    }
}

#[test]
fn amount_edges() {
    let lg = |award| recognition(Field::LittleGiantYear, Field::LittleGiantCityAward, 2025, award);
    let national = |project: &str| {
        with(
            company(),
            &[
                (Field::UndertakesMajorProject, NewValue::Bool(true)),
                (Field::EstimatedMatching, money(project)),
            ],
        )
    };
    let cases: Vec<(&str, Profile, &str, Amount)> = vec![
        (
            "P1 provincial base one yuan below the cap's base",
            centre("provincial", 2025, "24999999"),
            "P1",
            Amount::RuleBased(yuan("9999999.6")),
        ),
        (
            "P1 provincial base exactly at the cap",
            centre("provincial", 2025, "25000000"),
            "P1",
            Amount::RuleBased(yuan("10000000")),
        ),
        (
            "P1 provincial base one yuan above",
            centre("provincial", 2025, "25000001"),
            "P1",
            Amount::RuleBased(yuan("10000000")),
        ),
        (
            "P1 national base one yuan above",
            centre("national", 2025, "125000001"),
            "P1",
            Amount::RuleBased(yuan("50000000")),
        ),
        (
            "P3 fractions are cut down to the fen",
            benchmark("2023-01-01", "2025-01-01", "26666666.66"),
            "P3",
            Amount::Ceiling(yuan("7999999.99")),
        ),
        (
            "P3 one fen short of the cap's base",
            benchmark("2023-01-01", "2025-01-01", "26666666.67"),
            "P3",
            Amount::Ceiling(yuan("8000000")),
        ),
        ("P3 zero investment", benchmark("2023-01-01", "2025-01-01", "0"), "P3", Amount::Ceiling(yuan("0"))),
        ("P2 city award at half the cap", lg("1000000"), "P2-LG", Amount::RuleBased(yuan("1000000"))),
        (
            "P2 city award one yuan above half the cap",
            lg("1000001"),
            "P2-LG",
            Amount::RuleBased(yuan("1000000")),
        ),
        (
            "P2 city award one yuan below half the cap",
            lg("999999"),
            "P2-LG",
            Amount::RuleBased(yuan("999999")),
        ),
        ("P5 one fen below 100 million", national("99999999.99"), "P5", Amount::PerSeparateRules),
        ("P5 exactly 100 million", national("100000000"), "P5", Amount::CaseByCase),
    ];
    for (name, profile, id, expected) in cases {
        assert_eq!(amount(&profile, id), expected, "{name}");
    }
}

#[test]
fn cap_reading_note_appears_only_above_half_the_cap() {
    let has_note = |award: &str| {
        let profile = recognition(Field::LittleGiantYear, Field::LittleGiantCityAward, 2025, award);
        let report = report(&profile);
        let notes = &outcome(&report, "P2-LG").notes;
        notes.iter().any(|n| matches!(n, Note::CapReadings { .. }))
    };
    assert!(!has_note("1000000"));
    assert!(has_note("1000001"));
}

#[test]
fn near_miss_margins_edges() {
    let hints = |profile: &Profile, id: &str| outcome(&report(profile), id).hints.len();
    assert_eq!(hints(&platform(800_000, 0), "P4"), 1, "users 200,000 short: a hint");
    assert_eq!(hints(&platform(799_999, 0), "P4"), 0, "users 200,001 short: no hint");
    assert_eq!(hints(&platform(0, 160), "P4"), 1, "enterprises 40 short: a hint");
    assert_eq!(hints(&platform(0, 159), "P4"), 0);
    assert_eq!(hints(&benchmark("2023-01-01", "2025-10-31", "1"), "P3"), 1, "92 days late");
    assert_eq!(hints(&benchmark("2023-01-01", "2025-11-01", "1"), "P3"), 0, "93 days late");
    assert_eq!(hints(&benchmark("2022-04-01", "2025-01-01", "1"), "P3"), 1, "91 days early");
}

#[test]
fn documents_in_force_edges() {
    let profile = centre("provincial", 2025, "1000");
    let not_in_force = |as_of: &str| -> Vec<String> {
        let report = evaluate(&profile, rules(), date(as_of)).unwrap();
        outcome(&report, "P1")
            .notes
            .iter()
            .filter_map(|n| match n {
                Note::NotInForce(d) => Some(d.id.clone()),
                _ => None,
            })
            .collect()
    };
    assert_eq!(not_in_force("2025-08-31"), vec!["fund_rules"]);
    assert!(not_in_force("2025-09-01").is_empty());
    assert!(not_in_force("2027-12-31").is_empty());
    assert_eq!(not_in_force("2028-01-01"), vec!["measures", "fund_rules"]);
    assert_eq!(not_in_force("2025-03-08"), vec!["measures", "fund_rules"]);
}

#[test]
fn round_note_when_the_as_of_year_is_not_the_round_year() {
    let profile = benchmark("2023-01-01", "2025-01-01", "1");
    let other_round = |as_of: Date| {
        let report = evaluate(&profile, rules(), as_of).unwrap();
        outcome(&report, "P3").notes.iter().any(|n| matches!(n, Note::OtherRound(_)))
    };
    assert!(!other_round(date("2026-12-31")));
    assert!(other_round(date("2027-01-01")));
}
