//! The worked examples of `shared/rules/worked-examples.md`, one test each, on the example profiles
//! shipped in `engine/profiles/`: verdict, amount and the notes that matter.
//!
//! Those profiles are format-1 files (one object per section): every test here reads them through
//! the migration to the question ids of the packs, with the Shenzhen pack loaded beside the
//! province. That they give the provincial results they gave before the packs is the migration
//! test; `format_2_copies_give_the_same_reports` checks the migrated files once more, re-saved.

mod common;

use common::*;
use subsidy_engine::report::{Amount, AwardFigure, Status, Verdict};
use subsidy_engine::rules::Level;
use subsidy_engine::view::ReportView;
use subsidy_engine::{Lang, Profile};

const EXAMPLES: [&str; 12] = [
    "w01-provincial-innovation-centre",
    "w02-national-innovation-centre",
    "w03-guangzhou-little-giant",
    "w04-single-champion-large-city-award",
    "w05-little-giant-2023",
    "w06-benchmark-visual-inspection",
    "w07-benchmark-completed-late",
    "w08-open-source-community",
    "w09-open-source-too-small",
    "w10-national-major-project",
    "w11-little-giant-award-unknown",
    "w12-benchmark-registered-in-hong-kong",
];

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
    assert_eq!(province(&report).rule_based, yuan("7200000"));
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
    // A Shenzhen company: the city pack applies, but none of its topics is switched on, so it adds
    // nothing to the provincial figure and nothing of its own.
    assert_eq!(province(&report).rule_based, yuan("50000000"));
    let city = totals(&report, Level::City);
    assert_eq!((city.rule_based, city.eligible, city.undetermined), (exact("0"), 0, 0));
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
    // The city award the match rests on is a line of its own at city level, as given, with the
    // city's document and its conditions of payment, and the city's total counts it.
    let city = outcome(&report, "P2-LG-CITY");
    assert_eq!(
        (city.level, city.verdict, city.amount),
        (Level::City, Verdict::Eligible, Amount::RuleBased(yuan("1000000")))
    );
    assert_eq!(totals(&report, Level::City).rule_based, yuan("1000000"));
    assert_eq!(totals(&report, Level::City).eligible, 1);
    assert_eq!(province(&report).rule_based, yuan("1000000"));
    let view = ReportView::new(&report, &profile, Lang::En);
    let line = programme_view(&view, "P2-LG-CITY");
    assert_eq!(
        (line.level, line.level_label.as_str(), line.place.as_str()),
        (Level::City, "City", "Guangzhou")
    );
    assert_eq!(line.award_figure, Some(AwardFigure::Given));
    assert_eq!(line.calculation, ["City award (little giant), as you entered it: ¥1,000,000"]);
    assert_eq!(line.source, "穗府办规〔2025〕13号, item (1) (cultivation system)");
    assert!(line.citations.iter().any(|c| c.starts_with("穗府办规〔2025〕13号")), "{:?}", line.citations);
    assert!(
        line.notes.contains(&"Your city's published figure is ¥1,000,000 (穗府办规〔2025〕13号). Conditions of payment: Guangzhou pays its award after the firm confirms it in the city's fund management system; the money must be kept on a separate account and may not pay wages, utilities or rent.".to_string()),
        "{:?}",
        line.notes
    );
    let city_total = view.totals.iter().find(|t| t.level == Level::City).unwrap();
    assert_eq!(city_total.answer, "From Guangzhou: ¥1,000,000 by the rules.");
    let zh = ReportView::new(&report, &profile, Lang::Zh);
    let line = programme_view(&zh, "P2-LG-CITY");
    assert_eq!((line.level_label.as_str(), line.place.as_str()), ("市级", "广州市"));
    assert_eq!(line.calculation, ["市级奖励金额（小巨人）：1,000,000 元（所填）"]);
    assert!(
        line.notes.contains(&"所在地市公布的标准为 1,000,000 元（《穗府办规〔2025〕13号》）。 兑付条件：广州的奖励在企业于市级资金管理系统确认后拨付，须单独核算（专账管理），不得用于发放工资、缴纳水电费或房租。".to_string()),
        "{:?}",
        line.notes
    );
    assert_eq!(
        zh.totals.iter().find(|t| t.level == Level::City).unwrap().answer,
        "广州市：按规则可得 1,000,000 元。"
    );
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
    assert!(
        en.contains("\"the cap bounds the provincial part only (how English press summaries read it)\" would give ¥3,000,000"),
        "{en}"
    );
    assert!(en.contains("applied to single champions too"), "{en}");
    let zh = words(&profile, "P2-SC", Lang::Zh);
    assert!(zh.contains("为 0 元") && zh.contains("为 3,000,000 元"), "{zh}");
    // The Foshan award given counts at city level, whatever the province matches of it.
    let city = outcome(&report, "P2-SC-CITY");
    assert_eq!(
        (city.level, city.verdict, city.amount),
        (Level::City, Verdict::Eligible, Amount::RuleBased(yuan("3000000")))
    );
    assert_eq!(totals(&report, Level::City).rule_based, yuan("3000000"));
    let view = ReportView::new(&report, &profile, Lang::En);
    let line = programme_view(&view, "P2-SC-CITY");
    assert_eq!((line.place.as_str(), line.award_figure), ("Foshan", Some(AwardFigure::Given)));
    assert_eq!(line.calculation, ["City award (single champion), as you entered it: ¥3,000,000"]);
    // No published figure for Foshan: the line cites the provincial scheme only.
    assert!(!line.notes.iter().any(|n| n.contains("published figure")), "{:?}", line.notes);
    assert_eq!(line.source, "粤工信规字〔2025〕6号, ch. 3*");
}

#[test]
fn w05_little_giant_first_recognised_in_2023_is_not_eligible() {
    let profile = example("w05-little-giant-2023");
    let report = report(&profile);
    let lg = outcome(&report, "P2-LG");
    assert_eq!(lg.verdict, Verdict::NotEligible);
    assert_eq!(lg.amount, Amount::None);
    assert!(lg.steps.is_empty());
    let failed: Vec<_> = lg.conditions.iter().filter(|c| c.status == Status::NotMet).collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].condition.id, "first_recognised_2024_2026");
    assert!(words(&profile, "P2-LG", Lang::En).contains("1 year(s) before the window opens in 2024"));
    // Its city award line shares the match's conditions: not eligible with it, nothing counted.
    let city = outcome(&report, "P2-LG-CITY");
    assert_eq!((city.verdict, city.amount), (Verdict::NotEligible, Amount::None));
    assert_eq!(totals(&report, Level::City).rule_based, yuan("0"));
}

#[test]
fn w06_benchmark_project_is_eligible_with_a_ceiling() {
    let profile = example("w06-benchmark-visual-inspection");
    let report = report(&profile);
    let p3 = outcome(&report, "P3");
    assert_eq!(p3.verdict, Verdict::Eligible);
    assert_eq!(p3.amount, Amount::Ceiling(yuan("3600000")));
    assert_eq!(province(&report).competitive_ceilings, yuan("3600000"));
    assert_eq!(province(&report).rule_based, yuan("0"));
    let en = words(&profile, "P3", Lang::En);
    assert!(en.contains("30% × ¥12,000,000 = ¥3,600,000"), "{en}");
    assert!(en.contains("at most 10 a year"), "{en}");
    // Compliance was not answered: assumed, and marked for the applicant to confirm.
    let integrity = p3.conditions.iter().find(|c| c.condition.id == "integrity").unwrap();
    assert_eq!(integrity.status, Status::Assumed);
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
    assert_eq!(province(&report).rule_based, yuan("0"));
}

#[test]
fn w11_little_giant_without_city_award_is_undetermined_and_names_it() {
    let profile = example("w11-little-giant-award-unknown");
    let report = report(&profile);
    let lg = outcome(&report, "P2-LG");
    assert_eq!(lg.verdict, Verdict::Undetermined);
    // Not a silent zero: from nothing up to the most the match gives (half the ¥2,000,000 total
    // cap, the default reading), the city award named as missing.
    let up_to = subsidy_engine::report::Band { low: yuan("0"), high: Some(yuan("1000000")) };
    assert_eq!(lg.amount, Amount::Band(up_to));
    assert_eq!(lg.missing[..], [field("little_giant.city_award")]);
    assert_eq!(report.missing[0].field, field("little_giant.city_award"));
    assert!(words(&profile, "P2-LG", Lang::Zh).contains("市级奖励金额（小巨人）"));
    assert_eq!(province(&report).undetermined, 1);
    // The city award line waits for the award too: undetermined, no figure (never ¥0), the city's
    // total counting it as waiting, named "your city" while the city is not given.
    let city = outcome(&report, "P2-LG-CITY");
    assert_eq!((city.level, city.verdict, city.amount), (Level::City, Verdict::Undetermined, Amount::None));
    assert_eq!(city.missing[..], [field("little_giant.city_award")]);
    let city_totals = totals(&report, Level::City);
    assert_eq!((city_totals.rule_based, city_totals.eligible, city_totals.undetermined), (exact("0"), 0, 1));
    let ids: Vec<&str> = report.missing[0].programmes.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["P2-LG", "P2-LG-CITY"]);
    for (lang, place, label, answer) in [
        (Lang::En, "your city", "—", "From your city: nothing that can be worked out yet. One more programme waits for information or depends on your figures."),
        (Lang::Zh, "所在地市", "—", "所在地市：暂无可确定的金额。另有 1 个项目待补充信息或取决于实际数值。"),
    ] {
        let view = ReportView::new(&report, &profile, lang);
        let line = programme_view(&view, "P2-LG-CITY");
        assert_eq!((line.place.as_str(), line.amount_label.as_str(), line.award_figure), (place, label, Some(AwardFigure::Unknown)));
        assert_eq!(line.missing[0].field, "little_giant.city_award");
        assert_eq!(view.totals.iter().find(|t| t.level == Level::City).unwrap().answer, answer);
    }
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
        .filter(|c| c.status == Status::NotMet)
        .map(|c| c.condition.id.as_str())
        .collect();
    assert_eq!(failed, vec!["registered_in_guangdong"]);
}

/// Copies every answer of one topic from `from` into `to` (what the old test did with a section).
fn copy_topic(to: &mut Profile, from: &Profile, topic_id: &str) {
    let t = topic(topic_id);
    assert!(from.has_topic(t), "{topic_id} is not switched on in the source profile");
    to.set_topic(t, true);
    for f in lib().fields_of(t) {
        to.clear(f);
        if let Some(value) = new_value(from, f) {
            to.set(f, value).unwrap();
        }
    }
}

fn new_value(
    profile: &Profile,
    f: subsidy_engine::fields::Field,
) -> Option<subsidy_engine::profile::NewValue> {
    let value = profile.get(f);
    value.is_known().then(|| value.to_new())
}

#[test]
fn sheet_example_w3_plus_w6_keeps_rule_based_and_ceilings_apart() {
    let mut profile = example("w03-guangzhou-little-giant");
    copy_topic(&mut profile, &example("w06-benchmark-visual-inspection"), "benchmark_project");
    let report = report(&profile);
    assert_eq!(province(&report).rule_based, yuan("1000000"));
    assert_eq!(province(&report).competitive_ceilings, yuan("3600000"));
    assert_eq!(province(&report).eligible, 2);
}

#[test]
fn guangzhou_city_award_is_prefilled_as_an_assumption() {
    let mut profile = example("w03-guangzhou-little-giant");
    profile.clear(field("little_giant.city_award"));
    let report = report(&profile);
    let lg = outcome(&report, "P2-LG");
    assert_eq!(lg.verdict, Verdict::Eligible);
    assert_eq!(lg.amount, Amount::RuleBased(yuan("1000000")));
    let zh = words(&profile, "P2-LG", Lang::Zh);
    assert!(
        zh.contains("假设：市级奖励金额（小巨人）未填写，按《穗府办规〔2025〕13号》预填 1,000,000 元"),
        "{zh}"
    );
    // The city award line: assumed, the same published figure, counted in the city's total.
    let city = outcome(&report, "P2-LG-CITY");
    assert_eq!(
        (city.level, city.verdict, city.amount),
        (Level::City, Verdict::Eligible, Amount::RuleBased(yuan("1000000")))
    );
    assert_eq!(totals(&report, Level::City).rule_based, yuan("1000000"));
    let view = ReportView::new(&report, &profile, Lang::En);
    let line = programme_view(&view, "P2-LG-CITY");
    assert_eq!(line.award_figure, Some(AwardFigure::Assumed));
    assert_eq!(
        line.calculation,
        ["City award (little giant) not entered: ¥1,000,000 assumed, the published figure"]
    );
    assert!(line.notes[0].starts_with("Assumption: City award (little giant) was not entered; ¥1,000,000 is pre-filled from 穗府办规〔2025〕13号 (the published figure; you can override it). Conditions of payment: Guangzhou pays"), "{:?}", line.notes);
    let zh = ReportView::new(&report, &profile, Lang::Zh);
    assert_eq!(
        programme_view(&zh, "P2-LG-CITY").calculation,
        ["市级奖励金额（小巨人）未填写：按公开标准假设为 1,000,000 元"]
    );
}

#[test]
fn a_programme_that_is_not_eligible_asks_for_nothing_more() {
    let mut profile = example("w09-open-source-too-small");
    profile.clear(field("open_source.previous_year_operating_expenses"));
    let report = report(&profile);
    let p4 = outcome(&report, "P4");
    assert_eq!(p4.verdict, Verdict::NotEligible);
    assert!(p4.missing.is_empty());
    assert!(report.missing.is_empty());
}

/// The migration: each format-1 example, saved in format 2 (pretty and compact) and read back, is
/// the same profile and gives the same report, word for word, in both languages.
#[test]
fn format_2_copies_give_the_same_reports() {
    for name in EXAMPLES {
        let migrated = example(name);
        for saved in [migrated.to_json_pretty(lib()), migrated.to_json_compact(lib())] {
            assert!(
                saved.contains("\"format_version\": 2") || saved.contains("\"format_version\":2"),
                "{saved}"
            );
            let again =
                Profile::from_json(lib(), &saved).unwrap_or_else(|e| panic!("{name}: {e:?}\n{saved}"));
            assert_eq!(again, migrated, "{name}: {saved}");
            let (a, b) = (report(&migrated), report(&again));
            for lang in Lang::ALL {
                assert_eq!(ReportView::new(&a, &migrated, lang), ReportView::new(&b, &again, lang), "{name}");
            }
        }
    }
}

/// Every answer of a format-1 file survives the migration: each key `section.name` of the file is
/// the question of that id, holding the value written, and nothing else is filled in.
#[test]
fn migration_keeps_every_answer_of_the_format_1_files() {
    for name in EXAMPLES {
        let text = std::fs::read_to_string(profile_path(name)).unwrap();
        let file: serde_json::Value = serde_json::from_str(&text).unwrap();
        let profile = example(name);
        let saved: serde_json::Value = serde_json::from_str(&profile.to_json_compact(lib())).unwrap();
        let answers = saved["answers"].as_object().unwrap();
        let mut expected = 0;
        for (section, body) in file.as_object().unwrap() {
            let Some(body) = body.as_object() else { continue };
            let t = topic(section);
            assert!(profile.has_topic(t), "{name}: {section} is not switched on");
            if lib().topic(t).is_optional() {
                let topics = saved["topics"].as_array().unwrap();
                assert!(topics.contains(&serde_json::json!(section)), "{name}: {section} not in {topics:?}");
            }
            for (key, value) in body {
                let id = format!("{section}.{key}");
                let written = answers.get(&id).unwrap_or_else(|| panic!("{name}: {id} was lost"));
                // Money is saved as an exact string, whether the file had a number or a string.
                let same = written == value || written.as_str() == Some(&value.to_string());
                assert!(same, "{name}: {id} was {value}, is now {written}");
                expected += 1;
            }
        }
        assert_eq!(answers.len(), expected, "{name}: answers appeared from nowhere: {answers:?}");
    }
}
