//! Periods of force: a programme whose document is not in force on the as-of date is "not
//! eligible", with what it would have given; near a document's end it says it lapses; with no
//! published end it says so. And the totals, kept per level of government.

mod common;

use common::*;
use subsidy_engine::report::{Amount, Note, Verdict};
use subsidy_engine::rules::Level;
use subsidy_engine::text::render_text;
use subsidy_engine::view::ReportView;
use subsidy_engine::{Lang, Profile};

/// The Shenzhen compute voucher of C1 (深工信规〔2024〕13号, in force 2024-12-18 – 2026-12-17).
fn c1() -> Profile {
    example("c01-shenzhen-compute-voucher")
}

fn lapses_days(notes: &[Note<'_>]) -> Vec<i64> {
    notes
        .iter()
        .filter_map(|n| match n {
            Note::Lapses { days, .. } => Some(*days),
            _ => None,
        })
        .collect()
}

#[test]
fn shenzhen_measures_on_either_side_of_their_period() {
    let profile = c1();
    let four_million = Amount::RuleBased(yuan("4000000"));
    // (as of, in force, days to the end if within 90)
    let cases = [
        ("2024-12-17", false, None),
        ("2024-12-18", true, None),
        ("2024-12-19", true, None),
        ("2026-09-17", true, None),
        ("2026-09-18", true, Some(90)),
        ("2026-12-16", true, Some(1)),
        ("2026-12-17", true, Some(0)),
        ("2026-12-18", false, None),
        ("2028-03-01", false, None),
    ];
    for (as_of, in_force, lapses) in cases {
        let report = report_on(&profile, date(as_of));
        let o = outcome(&report, "SZ-COMPUTE");
        let city = totals(&report, Level::City);
        if in_force {
            assert_eq!((o.verdict, o.amount), (Verdict::Eligible, four_million), "{as_of}");
            assert!(o.not_in_force.is_none(), "{as_of}");
            assert_eq!(o.would_have_been, Amount::None, "{as_of}");
            assert_eq!((city.rule_based, city.eligible), (exact("4000000"), 1), "{as_of}");
        } else {
            assert_eq!((o.verdict, o.amount), (Verdict::NotEligible, Amount::None), "{as_of}");
            assert_eq!(o.not_in_force.map(|d| d.id.as_str()), Some("sz_ai_2024"), "{as_of}");
            assert_eq!(o.would_have_been, four_million, "{as_of}");
            assert!(
                matches!(o.notes[0], Note::NotInForce { would_have_been, .. } if would_have_been == four_million)
            );
            assert_eq!((city.rule_based, city.eligible), (exact("0"), 0), "{as_of}");
        }
        assert_eq!(lapses_days(&o.notes), lapses.into_iter().collect::<Vec<_>>(), "{as_of}");
    }
}

#[test]
fn the_lapse_and_not_in_force_notes_in_words() {
    let profile = c1();
    let en = words_on(&profile, "SZ-COMPUTE", Lang::En, date("2026-12-01"));
    assert!(
        en.contains("Note: 深工信规〔2024〕13号 lapses on 2026-12-17 (16 days after the as-of date); unless renewed it no longer applies after that."),
        "{en}"
    );
    let zh = words_on(&profile, "SZ-COMPUTE", Lang::Zh, date("2026-12-01"));
    assert!(zh.contains("注意：《深工信规〔2024〕13号》于 2026-12-17 到期（距测算基准日 16 天）"), "{zh}");
    let before = words_on(&profile, "SZ-COMPUTE", Lang::En, date("2024-12-17"));
    assert!(before.contains("the as-of date 2024-12-17 is outside the period of force of 深工信规〔2024〕13号 (2024-12-18 – 2026-12-17)"), "{before}");
}

#[test]
fn provincial_programmes_after_the_measures_end_are_not_eligible() {
    let profile = example("w01-provincial-innovation-centre");
    let report = report_on(&profile, date("2028-03-01"));
    let p1 = outcome(&report, "P1");
    assert_eq!(p1.verdict, Verdict::NotEligible);
    assert_ne!(p1.verdict, Verdict::Eligible);
    assert_eq!(p1.amount, Amount::None);
    assert_eq!(p1.not_in_force.map(|d| d.id.as_str()), Some("measures"));
    assert_eq!(p1.would_have_been, Amount::RuleBased(yuan("7200000")));
    assert_eq!((province(&report).rule_based, province(&report).eligible), (exact("0"), 0));
    let view = ReportView::new(&report, &profile, Lang::En);
    assert_eq!(programme_view(&view, "P1").verdict_label, "Not eligible (document not in force)");
    // Within 90 days of 2027-12-31 both documents say they lapse.
    let report = report_on(&profile, date("2027-12-01"));
    let p1 = outcome(&report, "P1");
    assert_eq!(p1.verdict, Verdict::Eligible);
    assert_eq!(lapses_days(&p1.notes), [30, 30]);
}

#[test]
fn an_undetermined_or_failed_programme_out_of_force_has_nothing_to_ask() {
    // W11's city award is unknown: undetermined while in force; after, nothing is asked for.
    let profile = example("w11-little-giant-award-unknown");
    let report = report_on(&profile, date("2028-03-01"));
    let lg = outcome(&report, "P2-LG");
    // What it would have given is information only: up to the most the match allows.
    let up_to = subsidy_engine::report::Band { low: yuan("0"), high: Some(yuan("1000000")) };
    assert_eq!(
        (lg.verdict, lg.amount, lg.would_have_been),
        (Verdict::NotEligible, Amount::None, Amount::Band(up_to))
    );
    assert!(lg.missing.is_empty());
    assert!(report.missing.is_empty());
    assert_eq!(province(&report).undetermined, 0);
    // W5 fails a condition: out of force too, it would have been nothing.
    let report = report_on(&example("w05-little-giant-2023"), date("2028-03-01"));
    let lg = outcome(&report, "P2-LG");
    assert_eq!((lg.verdict, lg.would_have_been), (Verdict::NotEligible, Amount::None));
    assert!(lg.not_in_force.is_some());
    let zh = words_on(&example("w05-little-giant-2023"), "P2-LG", Lang::Zh, date("2028-03-01"));
    assert!(!zh.contains("若文件有效"), "{zh}");
}

#[test]
fn a_document_without_a_published_end_says_so() {
    // SZ-GOVSCENE rests on 深政数规〔2025〕2号 (from 2025-07-21, no end published) and on the
    // measures of 2024.
    let profile = with(
        company(),
        &[
            ("company.city", choice("shenzhen")),
            ("gov_scenario.serves_published_scenario", subsidy_engine::profile::NewValue::Bool(true)),
            ("gov_scenario.in_real_use", subsidy_engine::profile::NewValue::Bool(true)),
            ("gov_scenario.operating_in_shenzhen", subsidy_engine::profile::NewValue::Bool(true)),
        ],
    );
    let report = report_on(&profile, city_as_of());
    let o = outcome(&report, "SZ-GOVSCENE");
    assert_eq!(o.verdict, Verdict::Eligible);
    // Competitive and the tier unknown: the highest tier's ceiling.
    assert_eq!(o.amount, Amount::Ceiling(yuan("5000000")));
    let open: Vec<&str> = o
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::EndUnknown(d) => Some(d.number.as_deref().unwrap_or_default()),
            _ => None,
        })
        .collect();
    assert_eq!(open, ["深政数规〔2025〕2号"]);
    let en = words_on(&profile, "SZ-GOVSCENE", Lang::En, city_as_of());
    assert!(
        en.contains(
            "No end of force has been published for 深政数规〔2025〕2号: confirm with the issuing office."
        ),
        "{en}"
    );
    let city = totals(&report, Level::City);
    assert_eq!((city.rule_based, city.competitive_ceilings), (exact("0"), exact("5000000")));
    // A programme is in force while any of its bases is: before its operating rules, it rests
    // on the measures alone.
    let report = report_on(&profile, date("2025-07-20"));
    let o = outcome(&report, "SZ-GOVSCENE");
    assert!(o.not_in_force.is_none());
    assert_eq!(o.amount, Amount::Ceiling(yuan("5000000")));
    let view = ReportView::new(&report, &profile, Lang::En);
    let p = view.programmes.iter().find(|p| p.id == "SZ-GOVSCENE").unwrap();
    assert_eq!(p.basis.len(), 1, "{:?}", p.basis);
    assert!(p.basis[0].starts_with("深工信规〔2024〕13号"), "{:?}", p.basis);
}

/// Every note, hint and calculation line of every example on dates around each period of force,
/// in both languages: none says "Note:" (or any other lead) twice.
#[test]
fn no_note_repeats_its_lead() {
    let leads = [
        "Note:",
        "注意：",
        "Not eligible:",
        "不符合：",
        "Assumption:",
        "假设：",
        "Other reading:",
        "另一种解读：",
        "Reading taken:",
        "Close:",
        "差一点：",
    ];
    let names = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/profiles"))
        .unwrap()
        .map(|e| e.unwrap().path().file_stem().unwrap().to_string_lossy().into_owned());
    let dates = [
        "2024-12-17",
        "2025-09-01",
        "2026-03-01",
        "2026-10-01",
        "2026-12-17",
        "2026-12-18",
        "2027-12-01",
        "2028-03-01",
    ];
    let mut lines = 0;
    for name in names {
        let profile = example(&name);
        for as_of in dates {
            let report = report_on(&profile, date(as_of));
            for lang in Lang::ALL {
                let view = ReportView::new(&report, &profile, lang);
                for p in &view.programmes {
                    for line in p.notes.iter().chain(&p.hints).chain(&p.calculation) {
                        lines += 1;
                        for lead in leads {
                            for doubled in [format!("{lead} {lead}"), format!("{lead}{lead}")] {
                                assert!(!line.contains(&doubled), "{name} {as_of} {}: {line}", p.id);
                            }
                            assert!(line.matches(lead).count() <= 1, "{name} {as_of} {}: {line}", p.id);
                        }
                    }
                }
                let text = render_text(&view);
                assert!(!text.contains("Note: Note:") && !text.contains("注意：注意："), "{name} {as_of}");
            }
        }
    }
    assert!(lines > 1000, "only {lines} lines looked at");
}

#[test]
fn totals_are_kept_per_level() {
    // A Shenzhen company with a provincial centre (W1's), a compute contract (C1's) and a
    // demonstration project (competitive, a ceiling).
    let mut profile = example("w01-provincial-innovation-centre");
    let c1 = c1();
    for id in [
        "company.city",
        "company.district",
        "company.founded",
        "compute_rental.contract_amount",
        "compute_rental.trains_large_models",
        "compute_rental.non_affiliated",
        "compute_rental.listed_provider",
    ] {
        let value = match c1.get(field(id)) {
            subsidy_engine::profile::Value::Money(m) => subsidy_engine::profile::NewValue::Money(m),
            subsidy_engine::profile::Value::Bool(b) => subsidy_engine::profile::NewValue::Bool(b),
            subsidy_engine::profile::Value::Date(d) => subsidy_engine::profile::NewValue::Date(d),
            subsidy_engine::profile::Value::Choice(c) => choice(c),
            other => panic!("{id}: {other:?}"),
        };
        set(&mut profile, id, value);
    }
    set(&mut profile, "ai_application_project.investment", money("5000000"));
    set(&mut profile, "ai_application_project.in_shenzhen", subsidy_engine::profile::NewValue::Bool(true));
    let report = report_on(&profile, city_as_of());
    assert_eq!(report.totals.iter().map(|t| t.level).collect::<Vec<_>>(), [Level::Province, Level::City]);
    let p = province(&report);
    assert_eq!(
        (p.rule_based, p.competitive_ceilings, p.eligible, p.undetermined),
        (exact("7200000"), exact("0"), 1, 0)
    );
    let c = totals(&report, Level::City);
    // SZ-COMPUTE 4,000,000 rule-based; SZ-DEMO and SZ-BENCH 30% × 5,000,000 = 1,500,000 each,
    // ceilings, never added to the rule-based figure.
    assert_eq!(outcome(&report, "SZ-DEMO").amount, Amount::Ceiling(yuan("1500000")));
    assert_eq!(outcome(&report, "SZ-BENCH").amount, Amount::Ceiling(yuan("1500000")));
    assert_eq!(
        (c.rule_based, c.competitive_ceilings, c.eligible, c.undetermined),
        (exact("4000000"), exact("3000000"), 3, 0)
    );
    // Each level's totals are the sums of its own outcomes.
    for t in &report.totals {
        let own: Vec<_> = report.outcomes.iter().filter(|o| o.level == t.level).collect();
        let sum = |ceiling: bool| {
            own.iter()
                .filter(|o| o.verdict == Verdict::Eligible)
                .filter_map(|o| match (o.amount, ceiling) {
                    (Amount::RuleBased(y), false) | (Amount::Ceiling(y), true) => Some(y),
                    _ => None,
                })
                .sum::<rust_decimal::Decimal>()
        };
        assert_eq!(
            (one(t.rule_based), one(t.competitive_ceilings)),
            (sum(false), sum(true)),
            "{:?}",
            t.level
        );
    }
    let view = ReportView::new(&report, &profile, Lang::En);
    let labels: Vec<(&str, &str, &str)> = view
        .totals
        .iter()
        .map(|t| (t.level_label.as_str(), t.rule_based_label.as_str(), t.competitive_ceilings_label.as_str()))
        .collect();
    assert_eq!(labels, [("Province", "¥7,200,000", "¥0"), ("City", "¥4,000,000", "¥3,000,000")]);
    let zh = ReportView::new(&report, &profile, Lang::Zh);
    assert_eq!(zh.totals[1].level_label, "市级");
    assert_eq!(zh.totals[1].rule_based_label, "4,000,000 元");
    // After the Shenzhen measures lapse, the compute voucher (which no later document carries)
    // leaves the city's totals; the demonstration and benchmark ceilings stay, carried by the
    // 2026 operating rules; the province's totals stay.
    let later = report_on(&profile, date("2026-12-18"));
    assert_eq!(province(&later).rule_based, yuan("7200000"));
    let c = totals(&later, Level::City);
    assert_eq!((c.rule_based, c.competitive_ceilings, c.eligible), (exact("0"), exact("3000000"), 2));
}
