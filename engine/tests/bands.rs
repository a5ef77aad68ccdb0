//! Rough figures: a range, or an input not given, worked out as a band at both ends, for every
//! formula kind, at and across caps and thresholds, with the limits across programmes and the
//! totals; and said in both languages.

mod common;
use common::*;
use rust_decimal::Decimal;
use subsidy_engine::profile::NewValue;
use subsidy_engine::report::{Amount, Band, Status, Step, Verdict};
use subsidy_engine::rules::Level;
use subsidy_engine::{Lang, Profile};

fn range(low: &str, high: &str) -> NewValue {
    NewValue::Range { low: yuan(low), high: yuan(high) }
}

fn band(low: &str, high: &str) -> Band {
    Band { low: yuan(low), high: Some(yuan(high)) }
}

fn assert_has(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "missing {part:?} in:\n{text}");
    }
}

/// A provincial benchmark project (P3: 30% of the investment, at most ¥8,000,000).
fn benchmark(investment: NewValue) -> Profile {
    with(example("w06-benchmark-visual-inspection"), &[("benchmark_project.investment", investment)])
}

#[test]
fn a_range_below_the_cap_gives_a_band_from_end_to_end() {
    let profile = benchmark(range("2000000", "3000000"));
    let report = report(&profile);
    let p3 = outcome(&report, "P3");
    assert_eq!(p3.verdict, Verdict::Eligible);
    // Competitive: a band of ceilings.
    assert_eq!(p3.amount, Amount::CeilingBand(band("600000", "900000")));
    assert_eq!(province(&report).competitive_ceilings, band("600000", "900000"));
    let en = words(&profile, "P3", Lang::En);
    assert_has(
        &en,
        &[
            "your range ¥2,000,000 – ¥3,000,000",
            "Low end:",
            "30% × ¥2,000,000 = ¥600,000",
            "High end:",
            "30% × ¥3,000,000 = ¥900,000",
        ],
    );
    let zh = words(&profile, "P3", Lang::Zh);
    assert_has(
        &zh,
        &["所填范围 2,000,000 元 – 3,000,000 元", "下限：", "上限：", "30% × 3,000,000 元 = 900,000 元"],
    );
}

#[test]
fn a_range_across_the_cap_is_capped_at_its_high_end_only() {
    let report = report(&benchmark(range("20000000", "40000000")));
    assert_eq!(outcome(&report, "P3").amount, Amount::CeilingBand(band("6000000", "8000000")));
    // Wholly above the cap: one figure, the cap.
    let report = self::report(&benchmark(range("30000000", "40000000")));
    assert_eq!(outcome(&report, "P3").amount, Amount::Ceiling(yuan("8000000")));
}

#[test]
fn each_end_is_cut_to_the_fen() {
    let report = report(&benchmark(range("0.05", "1000.05")));
    // 30% of 0.05 is 0.015 → 0.01; of 1,000.05 is 300.015 → 300.01.
    assert_eq!(outcome(&report, "P3").amount, Amount::CeilingBand(band("0.01", "300.01")));
}

#[test]
fn a_partly_known_base_gives_at_least_what_is_known() {
    // W2's national centre with the software cost left blank: 40% × ¥95,500,000 is guaranteed,
    // the cap ¥50,000,000 is the most.
    let profile = with(
        example("w02-national-innovation-centre"),
        &[
            ("innovation_centre.equipment_cost", money("95500000")),
            ("innovation_centre.software_cost", NewValue::Unknown),
        ],
    );
    let report = report(&profile);
    let p1 = outcome(&report, "P1");
    assert_eq!(p1.verdict, Verdict::Undetermined);
    assert_eq!(p1.missing.as_slice(), [field("innovation_centre.software_cost")]);
    assert_eq!(p1.amount, Amount::Band(band("38200000", "50000000")));
    let en = words(&profile, "P1", Lang::En);
    assert_has(
        &en,
        &[
            "not given, counted as 0 at the low end",
            "would add up to ¥11,800,000 more before the ¥50,000,000 cap",
        ],
    );
    let view = subsidy_engine::view::ReportView::new(&report, &profile, Lang::En);
    assert_eq!(
        programme_view(&view, "P1").amount_label,
        "if eligible: at least ¥38,200,000, up to ¥50,000,000"
    );
    let view = subsidy_engine::view::ReportView::new(&report, &profile, Lang::Zh);
    assert_eq!(programme_view(&view, "P1").amount_label, "若符合：至少 38,200,000 元，最高 50,000,000 元");
    // Undetermined: not in the total.
    assert_eq!(province(&report).rule_based, yuan("0"));
}

#[test]
fn a_wholly_unknown_base_gives_up_to_the_cap_and_an_unknown_level_the_caps_between() {
    let profile = benchmark(NewValue::Unknown);
    let report = report(&profile);
    assert_eq!(outcome(&report, "P3").amount, Amount::CeilingBand(band("0", "8000000")));
    let view = subsidy_engine::view::ReportView::new(&report, &profile, Lang::En);
    assert_eq!(programme_view(&view, "P3").amount_label, "if eligible: up to ¥8,000,000");
    // The level not given: from the provincial cap to the national one.
    let centre = with(
        example("w02-national-innovation-centre"),
        &[
            ("innovation_centre.level", NewValue::Unknown),
            ("innovation_centre.equipment_cost", money("40000000")),
        ],
    );
    let report = self::report(&centre);
    assert_eq!(outcome(&report, "P1").amount, Amount::Band(band("10000000", "16000000")));
}

#[test]
fn a_threshold_inside_a_range_makes_the_verdict_depend_on_it() {
    let profile = with(
        example("w09-open-source-too-small"),
        &[
            ("open_source.active_users", NewValue::Count(1000)),
            ("open_source.enterprises_served", range("150", "250")),
        ],
    );
    let report = report(&profile);
    let p4 = outcome(&report, "P4");
    assert_eq!(p4.verdict, Verdict::Depends);
    let reach = p4.conditions.iter().find(|c| c.condition.id == "reach").unwrap();
    assert_eq!(reach.status, Status::Depends);
    // The band covers both outcomes: nothing below the threshold, the full amount above it.
    let Amount::CeilingBand(b) = p4.amount else { panic!("{:?}", p4.amount) };
    assert_eq!(b.low, yuan("0"));
    assert!(b.high.is_some_and(|h| h > Decimal::ZERO));
    let view = subsidy_engine::view::ReportView::new(&report, &profile, Lang::En);
    let p = programme_view(&view, "P4");
    assert_eq!(p.verdict_label, "Depends on where your figures fall");
    let reach = p.conditions.iter().find(|c| c.id == "reach").unwrap();
    assert_eq!(
        reach.status_label,
        "more than 200 needed (Enterprises served a year): your range 150 – 250 crosses it; only figures above it qualify"
    );
    let view = subsidy_engine::view::ReportView::new(&report, &profile, Lang::Zh);
    let reach =
        programme_view(&view, "P4").conditions.iter().find(|c| c.id == "reach").unwrap().status_label.clone();
    assert!(reach.contains("须超过 200：所填范围 150 – 250 跨过这一门槛"), "{reach}");
    // Wholly above or below: a plain verdict.
    let above = with(profile.clone(), &[("open_source.enterprises_served", range("201", "250"))]);
    assert_eq!(outcome(&self::report(&above), "P4").verdict, Verdict::Eligible);
    let below = with(profile, &[("open_source.enterprises_served", range("150", "200"))]);
    assert_eq!(outcome(&self::report(&below), "P4").verdict, Verdict::NotEligible);
}

#[test]
fn a_minimum_spend_inside_a_range_depends_and_the_band_starts_at_nothing() {
    // Shenzhen's compute voucher needs a contract of at least ¥500,000 (50%, at most ¥10,000,000).
    let profile = with(
        example("c01-shenzhen-compute-voucher"),
        &[("compute_rental.contract_amount", range("400000", "600000"))],
    );
    let report = report_on(&profile, city_as_of());
    let sz = outcome(&report, "SZ-COMPUTE");
    assert_eq!(sz.verdict, Verdict::Depends);
    assert_eq!(sz.amount, Amount::Band(band("0", "300000")));
    // Depending programmes are not in a total: they are counted as waiting.
    let city = totals(&report, Level::City);
    assert_eq!((city.rule_based, city.undetermined), (exact("0"), 1));
}

#[test]
fn per_item_awards_give_a_band_and_an_unknown_count_up_to_the_cap() {
    let base = with(example("c05-zhuhai-filing-awards"), &[("zhuhai_filing.new_models", range("1", "3"))]);
    let report = report_on(&base, city_as_of());
    assert_eq!(outcome(&report, "ZH-FILING-MODEL").amount, Amount::Band(band("250000", "500000")));
    let steps = &outcome(&report, "ZH-FILING-MODEL").steps;
    assert!(steps.contains(&Step::End { high: true }), "{steps:?}");
}

#[test]
fn a_city_award_range_is_matched_at_both_ends_and_the_other_readings_too() {
    let profile = with(
        example("w03-guangzhou-little-giant"),
        &[("little_giant.city_award", range("500000", "1500000"))],
    );
    let report = report(&profile);
    let lg = outcome(&report, "P2-LG");
    // 1:1 match, at most half the ¥2,000,000 total cap: ¥500,000 – ¥1,000,000.
    assert_eq!(lg.amount, Amount::Band(band("500000", "1000000")));
    let en = words(&profile, "P2-LG", Lang::En);
    // The strict reading (city + province at most ¥2,000,000) peaks inside the range, at an award
    // of ¥1,000,000: from ¥500,000 to ¥1,000,000 too, and the provincial-part-only reading gives
    // ¥500,000 – ¥1,500,000.
    assert_has(&en, &["¥500,000 – ¥1,500,000"]);
}

#[test]
fn the_combined_ceiling_takes_every_programme_at_the_same_figure_of_the_base() {
    // Longgang: the city voucher (50%) and the district's (30%) on one contract, all support at
    // most 50% of it. A contract of ¥8,000,000 – ¥10,000,000.
    let profile = with(
        example("c03-longgang-compute-same-contract"),
        &[
            ("compute_rental.contract_amount", range("8000000", "10000000")),
            ("longgang_compute.spend", range("8000000", "10000000")),
        ],
    );
    let report = report_on(&profile, date("2026-08-01"));
    let sz = outcome(&report, "SZ-COMPUTE");
    assert_eq!(sz.amount, Amount::Band(band("4000000", "5000000")));
    // At every figure of the contract the city voucher takes the whole 50%: nothing is left to
    // the district's. (End against end, the ceiling at ¥10,000,000 less the city voucher at
    // ¥8,000,000 made it "up to ¥1,000,000", a figure no contract gives.)
    let lg = outcome(&report, "LG-COMPUTE");
    assert_eq!((lg.verdict, lg.amount), (Verdict::Eligible, Amount::RuleBased(yuan("0"))));
    let en = words_on(&profile, "LG-COMPUTE", Lang::En, date("2026-08-01"));
    assert_has(
        &en,
        &[
            "Low end:",
            "¥4,000,000 + ¥2,400,000 would exceed 50% × ¥8,000,000 = ¥4,000,000",
            "High end:",
            "¥5,000,000 + ¥3,000,000 would exceed 50% × ¥10,000,000 = ¥5,000,000",
            "it would give ¥2,400,000 – ¥3,000,000.",
        ],
    );
    // Above the city voucher's cap (¥10,000,000 from a contract of ¥20,000,000) something is left:
    // from ¥15,000,000 to ¥25,000,000, nothing at the low end, ¥12,500,000 less ¥10,000,000 at
    // the high end (end against end, ¥12,500,000 less the city's ¥7,500,000: ¥5,000,000).
    let larger = with(
        profile.clone(),
        &[
            ("compute_rental.contract_amount", range("15000000", "25000000")),
            ("longgang_compute.spend", range("15000000", "25000000")),
        ],
    );
    let report = report_on(&larger, date("2026-08-01"));
    assert_eq!(outcome(&report, "SZ-COMPUTE").amount, Amount::Band(band("7500000", "10000000")));
    assert_eq!(outcome(&report, "LG-COMPUTE").amount, Amount::Band(band("0", "2500000")));
    let en = words_on(&larger, "LG-COMPUTE", Lang::En, date("2026-08-01"));
    assert_has(&en, &["¥10,000,000 + ¥7,500,000 would exceed 50% × ¥25,000,000 = ¥12,500,000"]);
    // Every completion of the ranges stays within the bands, and their ends are reached.
    for (rough, sz_band, lg_band) in [
        (&profile, band("4000000", "5000000"), band("0", "0")),
        (&larger, band("7500000", "10000000"), band("0", "2500000")),
    ] {
        let (low, high) = match rough.get(field("compute_rental.contract_amount")) {
            subsidy_engine::profile::Value::Range { low, high } => (low, high),
            other => panic!("{other:?}"),
        };
        let mut seen: Vec<(Decimal, Decimal)> = Vec::new();
        for step in 0..=10 {
            let contract = low + (high - low) * Decimal::new(step, 1);
            for spend in [low, contract, high] {
                let exact = with(
                    rough.clone(),
                    &[
                        ("compute_rental.contract_amount", NewValue::Money(contract)),
                        ("longgang_compute.spend", NewValue::Money(spend)),
                    ],
                );
                let report = report_on(&exact, date("2026-08-01"));
                let y = |id| outcome(&report, id).amount.yuan().unwrap();
                seen.push((y("SZ-COMPUTE"), y("LG-COMPUTE")));
            }
        }
        for (b, ys) in [
            (sz_band, seen.iter().map(|s| s.0).collect::<Vec<_>>()),
            (lg_band, seen.iter().map(|s| s.1).collect()),
        ] {
            assert_eq!(ys.iter().min(), Some(&b.low));
            assert_eq!(ys.iter().max(), b.high.as_ref());
        }
    }
}

#[test]
fn totals_are_bands_added_end_to_end() {
    let profile = with(
        example("c06-dongguan-compute-and-workshop"),
        &[("dongguan_compute.service_amount", range("1000000", "1200000"))],
    );
    let report = report_on(&profile, city_as_of());
    let exact_report = report_on(&example("c06-dongguan-compute-and-workshop"), city_as_of());
    let before = one(totals(&exact_report, Level::City).rule_based);
    let dg = outcome(&report, "DG-COMPUTE");
    let Amount::Band(b) = dg.amount else { panic!("{:?}", dg.amount) };
    let others = before - outcome(&exact_report, "DG-COMPUTE").amount.yuan().unwrap();
    let city = totals(&report, Level::City);
    assert_eq!(city.rule_based, Band { low: others + b.low, high: Some(others + b.high.unwrap()) });
    let view = subsidy_engine::view::ReportView::new(&report, &profile, Lang::En);
    let t = view.totals.iter().find(|t| t.level == Level::City).unwrap();
    assert!(t.rule_based_label.contains(" – "), "{}", t.rule_based_label);
    // The inputs given as ranges are listed, for the sheet.
    assert_eq!(view.ranges.len(), 1);
    assert_eq!(view.ranges[0].field, "dongguan_compute.service_amount");
}

#[test]
fn a_zero_width_range_is_the_exact_figure() {
    let exact = benchmark(money("2500000"));
    let zero = benchmark(range("2500000", "2500000"));
    let (a, b) = (report(&exact), report(&zero));
    assert_eq!(outcome(&a, "P3").amount, outcome(&b, "P3").amount);
    assert_eq!(outcome(&a, "P3").steps, outcome(&b, "P3").steps);
    assert_eq!(words(&exact, "P3", Lang::En), words(&zero, "P3", Lang::En));
}
