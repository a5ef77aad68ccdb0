//! Every threshold, cap and window at its edge: one yuan, one user, one day or one year on either
//! side. Each table row is named after the rule it checks.

mod common;

use common::*;
use subsidy_engine::profile::{NewValue, Profile};
use subsidy_engine::report::{Amount, Note, Verdict};
use subsidy_engine::Date;

fn centre(level: &str, year: i32, equipment: &str) -> Profile {
    with(
        company(),
        &[
            ("innovation_centre.level", NewValue::Choice(level.into())),
            ("innovation_centre.approval_year", NewValue::Year(year)),
            ("innovation_centre.operating", NewValue::Bool(true)),
            ("innovation_centre.equipment_cost", money(equipment)),
            ("innovation_centre.software_cost", money("0")),
        ],
    )
}

fn benchmark(start: &str, end: &str, investment: &str) -> Profile {
    with(
        company(),
        &[
            ("benchmark_project.applicant_type", NewValue::Choice("manufacturer".into())),
            ("benchmark_project.start_date", day(start)),
            ("benchmark_project.completion_date", day(end)),
            ("benchmark_project.investment", money(investment)),
            ("benchmark_project.in_guangdong", NewValue::Bool(true)),
        ],
    )
}

fn platform(users: u64, enterprises: u64) -> Profile {
    with(
        company(),
        &[
            ("open_source.active_users", NewValue::Count(users)),
            ("open_source.enterprises_served", NewValue::Count(enterprises)),
            ("open_source.previous_year_operating_expenses", money("1000000")),
        ],
    )
}

fn recognition(year_field: &str, award_field: &str, year: i32, award: &str) -> Profile {
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
    let lg = |y| recognition("little_giant.first_recognised_year", "little_giant.city_award", y, "100");
    let sc = |y| recognition("single_champion.first_recognised_year", "single_champion.city_award", y, "100");
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
    let lg =
        |award| recognition("little_giant.first_recognised_year", "little_giant.city_award", 2025, award);
    let national = |project: &str| {
        with(
            company(),
            &[
                ("national_project.undertakes", NewValue::Bool(true)),
                ("national_project.estimated_provincial_matching", money(project)),
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
        let profile =
            recognition("little_giant.first_recognised_year", "little_giant.city_award", 2025, award);
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
    // P1 rests on the measures (2025-03-09 – 2027-12-31) and the fund rules (2025-09-01 –
    // 2027-12-31): it is in force while either is, so from the measures' first day to the last day
    // of both. Before, the first to start is named; after, the last to end (the first cited of
    // those ending together).
    let profile = centre("provincial", 2025, "1000");
    let not_in_force = |as_of: &str| -> Option<String> {
        let report = report_on(&profile, date(as_of));
        let p1 = outcome(&report, "P1");
        let notes: Vec<&str> = p1
            .notes
            .iter()
            .filter_map(|n| match n {
                Note::NotInForce { document, .. } => Some(document.id.as_str()),
                _ => None,
            })
            .collect();
        let named = p1.not_in_force.map(|d| d.id.clone());
        // One note, naming the same document as the outcome, and only with a "not eligible".
        assert_eq!(notes.len(), usize::from(named.is_some()), "{as_of}: {notes:?}");
        assert_eq!(notes.first().map(|s| s.to_string()), named, "{as_of}");
        if named.is_some() {
            assert_eq!((p1.verdict, p1.amount), (Verdict::NotEligible, Amount::None), "{as_of}");
            assert_eq!(p1.would_have_been, Amount::RuleBased(yuan("400")), "{as_of}");
        } else {
            assert_eq!(
                (p1.verdict, p1.amount),
                (Verdict::Eligible, Amount::RuleBased(yuan("400"))),
                "{as_of}"
            );
            assert_eq!(p1.would_have_been, Amount::None, "{as_of}");
        }
        named
    };
    assert_eq!(not_in_force("2025-08-31"), None, "the measures alone carry it");
    assert_eq!(not_in_force("2025-09-01"), None);
    assert_eq!(not_in_force("2027-12-31"), None);
    assert_eq!(not_in_force("2028-01-01").as_deref(), Some("measures"));
    assert_eq!(not_in_force("2025-03-08").as_deref(), Some("measures"));
}

#[test]
fn round_note_when_the_as_of_year_is_not_the_round_year() {
    let profile = benchmark("2023-01-01", "2025-01-01", "1");
    let other_round = |as_of: Date| {
        let report = report_on(&profile, as_of);
        outcome(&report, "P3").notes.iter().any(|n| matches!(n, Note::OtherRound(_)))
    };
    assert!(!other_round(date("2026-12-31")));
    assert!(other_round(date("2027-01-01")));
}
