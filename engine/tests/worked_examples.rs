//! The worked examples of `shared/rules/worked-examples.md`, one test each, on the example profiles
//! shipped in `engine/profiles/`: verdict, amount and the notes that matter.

mod common;

use common::*;
use subsidy_engine::report::{Amount, Verdict};
use subsidy_engine::Lang;

#[test]
fn w01_provincial_centre_gets_40_percent_below_the_cap() {
    let profile = example("w01-provincial-innovation-centre");
    let report = report(&profile);
    let p1 = outcome(&report, "P1");
    assert_eq!(p1.verdict, Verdict::Eligible);
    assert_eq!(p1.amount, Amount::RuleBased(yuan("7200000")));
    let en = words(&profile, "P1", Lang::En);
    assert!(en.contains("40% × ¥18,000,000 = ¥7,200,000"), "{en}");
    assert!(en.contains("the ¥10,000,000 cap (provincial) is not reached"), "{en}");
    let zh = words(&profile, "P1", Lang::Zh);
    assert!(zh.contains("40% × 18,000,000 元 = 7,200,000 元"), "{zh}");
    assert_eq!(report.totals.rule_based, yuan("7200000"));
}

#[test]
fn w02_national_centre_is_capped_at_50_million() {
    let profile = example("w02-national-innovation-centre");
    let report = report(&profile);
    let p1 = outcome(&report, "P1");
    assert_eq!(p1.verdict, Verdict::Eligible);
    assert_eq!(p1.amount, Amount::RuleBased(yuan("50000000")));
    let en = words(&profile, "P1", Lang::En);
    assert!(en.contains("40% × ¥150,000,000 = ¥60,000,000"), "{en}");
    assert!(en.contains("capped to ¥50,000,000 (national)"), "{en}");
}

#[test]
fn w03_guangzhou_little_giant_gets_a_one_to_one_match() {
    let profile = example("w03-guangzhou-little-giant");
    let report = report(&profile);
    let lg = outcome(&report, "P2-LG");
    assert_eq!(lg.verdict, Verdict::Eligible);
    assert_eq!(lg.amount, Amount::RuleBased(yuan("1000000")));
    let en = words(&profile, "P2-LG", Lang::En);
    assert!(en.contains("city ¥1,000,000 + province ¥1,000,000 = ¥2,000,000"), "{en}");
    // At or below half the cap, the three readings agree: no ambiguity note.
    assert!(!en.contains("would give"), "{en}");
}

#[test]
fn w04_champion_with_a_large_city_award_shows_the_other_readings() {
    let profile = example("w04-single-champion-large-city-award");
    let report = report(&profile);
    let sc = outcome(&report, "P2-SC");
    assert_eq!(sc.verdict, Verdict::Eligible);
    assert_eq!(sc.amount, Amount::RuleBased(yuan("1500000")));
    let en = words(&profile, "P2-SC", Lang::En);
    assert!(
        en.contains("\"city award plus provincial match together at most the cap\" would give ¥0"),
        "{en}"
    );
    assert!(en.contains("\"the cap bounds the provincial part only\" would give ¥3,000,000"), "{en}");
    assert!(en.contains("applied to single champions too"), "{en}");
    let zh = words(&profile, "P2-SC", Lang::Zh);
    assert!(zh.contains("为 0 元") && zh.contains("为 3,000,000 元"), "{zh}");
}

#[test]
fn w05_little_giant_first_recognised_in_2023_is_not_eligible() {
    let profile = example("w05-little-giant-2023");
    let report = report(&profile);
    let lg = outcome(&report, "P2-LG");
    assert_eq!(lg.verdict, Verdict::NotEligible);
    assert_eq!(lg.amount, Amount::None);
    assert!(lg.steps.is_empty());
    let failed: Vec<_> =
        lg.conditions.iter().filter(|c| c.status == subsidy_engine::report::Status::NotMet).collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].condition.id, "first_recognised_2024_2026");
    assert!(words(&profile, "P2-LG", Lang::En).contains("1 year(s) before the window opens in 2024"));
}

#[test]
fn w06_benchmark_project_is_eligible_with_a_ceiling() {
    let profile = example("w06-benchmark-visual-inspection");
    let report = report(&profile);
    let p3 = outcome(&report, "P3");
    assert_eq!(p3.verdict, Verdict::Eligible);
    assert_eq!(p3.amount, Amount::Ceiling(yuan("3600000")));
    assert_eq!(report.totals.competitive_ceilings, yuan("3600000"));
    assert_eq!(report.totals.rule_based, yuan("0"));
    let en = words(&profile, "P3", Lang::En);
    assert!(en.contains("30% × ¥12,000,000 = ¥3,600,000"), "{en}");
    assert!(en.contains("at most 10 a year"), "{en}");
    // Compliance was not answered: assumed, and marked for the applicant to confirm.
    let integrity = p3.conditions.iter().find(|c| c.condition.id == "integrity").unwrap();
    assert_eq!(integrity.status, subsidy_engine::report::Status::Assumed);
}

#[test]
fn w07_benchmark_completed_after_the_window_is_not_eligible() {
    let profile = example("w07-benchmark-completed-late");
    let report = report(&profile);
    let p3 = outcome(&report, "P3");
    assert_eq!(p3.verdict, Verdict::NotEligible);
    assert_eq!(p3.amount, Amount::None);
    let en = words(&profile, "P3", Lang::En);
    assert!(en.contains("2025-09-15 is 46 days after 2025-07-31"), "{en}");
}

#[test]
fn w08_open_source_platform_with_a_million_and_a_half_users() {
    let profile = example("w08-open-source-community");
    let report = report(&profile);
    let p4 = outcome(&report, "P4");
    assert_eq!(p4.verdict, Verdict::Eligible);
    assert_eq!(p4.amount, Amount::Ceiling(yuan("6000000")));
    assert!(words(&profile, "P4", Lang::En).contains("at most 5 communities and 5 ecosystem centres a year"));
}

#[test]
fn w09_open_source_platform_below_both_thresholds() {
    let profile = example("w09-open-source-too-small");
    let report = report(&profile);
    let p4 = outcome(&report, "P4");
    assert_eq!(p4.verdict, Verdict::NotEligible);
    assert_eq!(p4.amount, Amount::None);
    let en = words(&profile, "P4", Lang::En);
    assert!(en.contains("Active users 800,000; more than 1,000,000 qualifies"), "{en}");
    // 150 is 50 short of 200, outside the near-miss margin of 40.
    assert!(!en.contains("Enterprises served a year 150"), "{en}");
}

#[test]
fn w10_national_major_project_above_100_million_is_case_by_case() {
    let profile = example("w10-national-major-project");
    let report = report(&profile);
    let p5 = outcome(&report, "P5");
    assert_eq!(p5.verdict, Verdict::Eligible);
    assert_eq!(p5.amount, Amount::CaseByCase);
    assert_eq!(p5.amount.yuan(), None);
    assert!(words(&profile, "P5", Lang::Zh).contains("一事一议"));
    assert_eq!(report.totals.rule_based, yuan("0"));
}

#[test]
fn w11_little_giant_without_city_award_is_undetermined_and_names_it() {
    let profile = example("w11-little-giant-award-unknown");
    let report = report(&profile);
    let lg = outcome(&report, "P2-LG");
    assert_eq!(lg.verdict, Verdict::Undetermined);
    assert_eq!(lg.amount, Amount::None);
    assert_eq!(lg.missing[..], [subsidy_engine::fields::Field::LittleGiantCityAward]);
    assert_eq!(report.missing[0].field, subsidy_engine::fields::Field::LittleGiantCityAward);
    assert!(words(&profile, "P2-LG", Lang::Zh).contains("市级奖励金额（小巨人）"));
    assert_eq!(report.totals.undetermined, 1);
}

#[test]
fn w12_applicant_registered_in_hong_kong_is_not_eligible() {
    let profile = example("w12-benchmark-registered-in-hong-kong");
    let report = report(&profile);
    let p3 = outcome(&report, "P3");
    assert_eq!(p3.verdict, Verdict::NotEligible);
    let failed: Vec<_> = p3
        .conditions
        .iter()
        .filter(|c| c.status == subsidy_engine::report::Status::NotMet)
        .map(|c| c.condition.id.as_str())
        .collect();
    assert_eq!(failed, vec!["registered_in_guangdong"]);
}

#[test]
fn sheet_example_w3_plus_w6_keeps_rule_based_and_ceilings_apart() {
    let mut profile = example("w03-guangzhou-little-giant");
    profile.benchmark_project = example("w06-benchmark-visual-inspection").benchmark_project;
    let report = report(&profile);
    assert_eq!(report.totals.rule_based, yuan("1000000"));
    assert_eq!(report.totals.competitive_ceilings, yuan("3600000"));
    assert_eq!(report.totals.eligible, 2);
}

#[test]
fn guangzhou_city_award_is_prefilled_as_an_assumption() {
    let mut profile = example("w03-guangzhou-little-giant");
    profile.little_giant.as_mut().unwrap().city_award = None;
    let report = report(&profile);
    let lg = outcome(&report, "P2-LG");
    assert_eq!(lg.verdict, Verdict::Eligible);
    assert_eq!(lg.amount, Amount::RuleBased(yuan("1000000")));
    let zh = words(&profile, "P2-LG", Lang::Zh);
    assert!(zh.contains("假设：市级奖励未填写，按《穗府办规〔2025〕13号》预填 1,000,000 元"), "{zh}");
}

#[test]
fn a_programme_that_is_not_eligible_asks_for_nothing_more() {
    let mut profile = example("w09-open-source-too-small");
    profile.open_source.as_mut().unwrap().previous_year_operating_expenses = None;
    let report = report(&profile);
    let p4 = outcome(&report, "P4");
    assert_eq!(p4.verdict, Verdict::NotEligible);
    assert!(p4.missing.is_empty());
    assert!(report.missing.is_empty());
}
