//! The city and district packs (issue 11): the worked examples C3–C6 of
//! `shared/rules/city-brief.md` §8 on the format-2 profiles `engine/profiles/c0*.json`; every
//! programme of every new pack at its cap and at each threshold edge; the dated Longgang cap, the
//! Zhuhai conditional cap and Qianhai's rent per m²; and the limits across programmes (combined
//! ceilings on one contract, the Haizhu yearly cap per company, programmes paying on the same
//! money), each shown in the calculation with the company's own numbers, in both languages.
//! As of 2026-06-01 unless stated.

mod common;

use common::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use subsidy_engine::profile::NewValue;
use subsidy_engine::report::{Amount, Band, Note, Report, Status, Step, Verdict};
use subsidy_engine::rules::{Level, Library};
use subsidy_engine::view::ReportView;
use subsidy_engine::{evaluate, Date, Lang, Profile};

// ---------------------------------------------------------------------------------------------
// Helpers

/// A Guangdong AI & robotics company in a city (and district), with the answers given on top.
fn at(city: &str, district: Option<&str>, values: &[(&str, NewValue)]) -> Profile {
    let mut profile = with(company(), &[("company.city", choice(city))]);
    if let Some(d) = district {
        set(&mut profile, "company.district", choice(d));
    }
    with(profile, values)
}

/// A company founded on `founded` in a Shenzhen district, with the city's training-compute voucher
/// on a contract of ¥10,000,000 that meets its conditions.
fn city_voucher_in(district: &str, founded: &str) -> Profile {
    at(
        "shenzhen",
        Some(district),
        &[
            ("company.founded", day(founded)),
            ("compute_rental.contract_amount", money("10000000")),
            ("compute_rental.trains_large_models", yes()),
            ("compute_rental.non_affiliated", yes()),
            ("compute_rental.listed_provider", yes()),
        ],
    )
}

fn yes() -> NewValue {
    NewValue::Bool(true)
}

fn no() -> NewValue {
    NewValue::Bool(false)
}

fn unknown() -> NewValue {
    NewValue::Unknown
}

fn count(n: u64) -> NewValue {
    NewValue::Count(n)
}

fn year(y: i32) -> NewValue {
    NewValue::Year(y)
}

fn on(profile: &Profile) -> Report<'static> {
    report_on(profile, city_as_of())
}

/// Verdict and amount of one programme, as of 2026-06-01.
fn result(profile: &Profile, id: &str) -> (Verdict, Amount) {
    result_on(profile, id, city_as_of())
}

fn result_on(profile: &Profile, id: &str, as_of: Date) -> (Verdict, Amount) {
    let report = report_on(profile, as_of);
    let o = outcome(&report, id);
    (o.verdict, o.amount)
}

fn rule_based(text: &str) -> Amount {
    Amount::RuleBased(yuan(text))
}

fn ceiling(text: &str) -> Amount {
    Amount::Ceiling(yuan(text))
}

/// What the report says of one programme in both languages, as of 2026-06-01.
fn both(profile: &Profile, id: &str) -> (String, String) {
    both_on(profile, id, city_as_of())
}

fn both_on(profile: &Profile, id: &str, as_of: Date) -> (String, String) {
    (words_on(profile, id, Lang::En, as_of), words_on(profile, id, Lang::Zh, as_of))
}

/// The calculation lines of one programme, in one language.
fn calculation(profile: &Profile, id: &str, lang: Lang, as_of: Date) -> Vec<String> {
    let report = report_on(profile, as_of);
    let view = ReportView::new(&report, profile, lang);
    programme_view(&view, id).calculation.clone()
}

fn assert_has(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "{part:?} not in:\n{text}");
    }
}

fn assert_lacks(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(!text.contains(part), "{part:?} in:\n{text}");
    }
}

/// `1234567` → `¥1,234,567` and `1,234,567 元`.
fn en(amount: &str) -> String {
    subsidy_engine::money::format_yuan(yuan(amount), Lang::En)
}

fn zh(amount: &str) -> String {
    subsidy_engine::money::format_yuan(yuan(amount), Lang::Zh)
}

/// A rate-of-base programme just below, at and above the base that reaches its cap: below and at,
/// the rate's figure and "not reached"; above, the cap and "capped", in both languages.
fn cap_edges(profile: &Profile, id: &str, base_field: &str, rate: &str, cap: &str, competitive: bool) {
    cap_edges_on(profile, id, base_field, rate, cap, competitive, city_as_of())
}

fn cap_edges_on(
    profile: &Profile,
    id: &str,
    base_field: &str,
    rate: &str,
    cap: &str,
    competitive: bool,
    as_of: Date,
) {
    let (rate, cap) = (yuan(rate), yuan(cap));
    // The base whose rate reaches the cap exactly, when it is a whole number of yuan.
    let exact = cap / rate;
    let at_cap = (exact.fract().is_zero()).then_some(exact);
    let wrap = |y: Decimal| if competitive { Amount::Ceiling(y) } else { Amount::RuleBased(y) };
    let percent = subsidy_engine::money::format_rate(rate);
    let y_en = |d: Decimal| subsidy_engine::money::format_yuan(d, Lang::En);
    let y_zh = |d: Decimal| subsidy_engine::money::format_yuan(d, Lang::Zh);
    // Just below and just above: ten yuan of base less or more, so that the figures stay in whole
    // yuan or fen.
    let below = exact.floor() - Decimal::TEN;
    let above = exact.ceil() + Decimal::TEN;
    let mut points = vec![(below, rate * below, false)];
    if let Some(at_cap) = at_cap {
        points.push((at_cap, cap, false));
    }
    points.push((above, cap, true));
    for (base, expected, reached) in points {
        let p = with(profile.clone(), &[(base_field, NewValue::Money(base))]);
        let (verdict, amount) = result_on(&p, id, as_of);
        assert_eq!(verdict, Verdict::Eligible, "{id} at {base}");
        assert_eq!(amount, wrap(expected), "{id} at {base}");
        let (e, z) = both_on(&p, id, as_of);
        assert_has(&e, &[&format!("{percent} × {} = {}", y_en(base), y_en(rate * base))]);
        assert_has(&z, &[&format!("{percent} × {} = {}", y_zh(base), y_zh(rate * base))]);
        if reached {
            assert_has(&e, &[&format!("capped to {}", y_en(cap))]);
            assert_has(&z, &[&format!("按上限计 {}", y_zh(cap))]);
        } else {
            assert_has(&e, &[&format!("{} cap", y_en(cap)), "is not reached"]);
            assert_has(&z, &[&format!("上限 {}", y_zh(cap)), "未达到"]);
        }
    }
}

/// A per-item programme one item below, at and above the count that reaches its cap.
fn per_item_edges(profile: &Profile, id: &str, count_field: &str, each: &str, cap: &str) {
    let (each, cap) = (yuan(each), yuan(cap));
    let n = (cap / each).trunc().to_u64().unwrap();
    for (items, expected, reached) in
        [(n - 1, each * Decimal::from(n - 1), false), (n, each * Decimal::from(n), false), (n + 1, cap, true)]
    {
        let p = with(profile.clone(), &[(count_field, count(items))]);
        assert_eq!(result(&p, id), (Verdict::Eligible, Amount::RuleBased(expected)), "{id} × {items}");
        let (e, z) = both(&p, id);
        let product = each * Decimal::from(items);
        let y_en = |d: Decimal| subsidy_engine::money::format_yuan(d, Lang::En);
        let y_zh = |d: Decimal| subsidy_engine::money::format_yuan(d, Lang::Zh);
        assert_has(&e, &[&format!("{items} × {} each = {}", y_en(each), y_en(product))]);
        assert_has(&z, &[&format!("{items} 项 × 每项 {} = {}", y_zh(each), y_zh(product))]);
        if reached {
            assert_has(&e, &[&format!("capped to {}", y_en(cap))]);
            assert_has(&z, &[&format!("按上限计 {}", y_zh(cap))]);
        } else {
            assert_has(&e, &[&format!("the {} cap is not reached", y_en(cap))]);
        }
    }
}

/// The combined-ceiling notes of one outcome: (assumed, without, base unknown).
fn ceiling_notes(report: &Report<'static>, id: &str) -> Vec<(bool, Decimal, bool)> {
    outcome(report, id)
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::CombinedCeiling { assumed, without, base_unknown, .. } => {
                Some((*assumed, one(*without), *base_unknown))
            }
            _ => None,
        })
        .collect()
}

fn levels(report: &Report<'_>) -> Vec<(Level, Decimal, Decimal, usize)> {
    report
        .totals
        .iter()
        .map(|t| (t.level, one(t.rule_based), one(t.competitive_ceilings), t.eligible))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Worked examples (city-brief.md §8)

#[test]
fn c03_longgang_voucher_on_the_same_contract_leaves_nothing_under_the_50_percent_ceiling() {
    let profile = example("c03-longgang-compute-same-contract");
    let as_of = date("2026-08-01");
    let report = report_on(&profile, as_of);
    assert_eq!(
        report.packs.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ["guangdong-ai-robotics-2025", "shenzhen-ai-2024", "longgang"]
    );
    let sz = outcome(&report, "SZ-COMPUTE");
    assert_eq!((sz.verdict, sz.amount), (Verdict::Eligible, rule_based("5000000")));
    // Counted first: it keeps its amount, with no line about the ceiling.
    assert!(!sz.steps.iter().any(|s| matches!(s, Step::CombinedCeiling { .. })));
    let lg = outcome(&report, "LG-COMPUTE");
    assert_eq!((lg.verdict, lg.amount), (Verdict::Eligible, rule_based("0")));
    assert!(lg.conditions.is_empty() && lg.missing.is_empty());
    // Without the combined ceiling it would be 3,000,000; the answer "same contract" was given.
    assert_eq!(ceiling_notes(&report, "LG-COMPUTE"), [(false, yuan("3000000"), false)]);
    assert_eq!(
        lg.steps.last(),
        Some(&Step::CombinedCeiling {
            on: field("compute_rental.contract_amount"),
            base: yuan("10000000"),
            rate: yuan("0.50"),
            limit: yuan("5000000"),
            counted: yuan("5000000"),
            before: yuan("3000000"),
            after: yuan("0"),
        })
    );
    let (e, z) = both_on(&profile, "LG-COMPUTE", as_of);
    assert_has(
        &e,
        &[
            "30% × ¥10,000,000 = ¥3,000,000",
            // 2026-08-01 is in the revised measures' period.
            "the ¥20,000,000 cap (in force from 2026-06-29) is not reached",
            "¥5,000,000 + ¥3,000,000 would exceed 50% × ¥10,000,000 = ¥5,000,000, the most all support on “Compute-rental service contract amount” may give together: this programme gives ¥0",
            "this programme gives ¥0",
            "Other reading: The Longgang voucher is outside that rule and is added in full; it would give ¥3,000,000.",
        ],
    );
    assert_lacks(&e, &["not given: the default reading is taken, the ceiling applies"]);
    assert_has(
        &z,
        &[
            "30% × 10,000,000 元 = 3,000,000 元",
            "未达到2026-06-29起适用的上限 20,000,000 元",
            "5,000,000 元 + 3,000,000 元 将超过 50% × 10,000,000 元 = 5,000,000 元（按“算力租赁服务合同金额”计的各项支持合计上限）：本项为 0 元",
            "本项为 0 元",
            "另一种解读：龙岗区算力券不受该规则限制，按区级规则全额计算，按此为 3,000,000 元。",
        ],
    );
    assert_eq!(
        levels(&report),
        [
            (Level::Province, yuan("0"), yuan("0"), 0),
            (Level::City, yuan("5000000"), yuan("0"), 1),
            (Level::District, yuan("0"), yuan("0"), 1),
        ]
    );
}

#[test]
fn c04_zhuhai_compute_voucher_paid_without_application() {
    let profile = example("c04-zhuhai-compute-voucher");
    let report = on(&profile);
    assert_eq!(
        report.packs.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ["guangdong-ai-robotics-2025", "zhuhai"]
    );
    let o = outcome(&report, "ZH-COMPUTE");
    assert_eq!((o.verdict, o.amount), (Verdict::Eligible, rule_based("1500000")));
    // Not recognised: the 10,000,000 cap would give the same, so nothing is said about it.
    assert!(!o.notes.iter().any(|n| matches!(n, Note::CapIfCondition { .. } | Note::CapApplies(_))));
    let (e, z) = both(&profile, "ZH-COMPUTE");
    assert_has(&e, &["50% × ¥3,000,000 = ¥1,500,000", "the ¥2,000,000 cap is not reached"]);
    assert_has(&z, &["50% × 3,000,000 元 = 1,500,000 元", "未达到上限 2,000,000 元"]);
    // 珠工信〔2025〕68号 has no published end of force: said so.
    assert_has(&e, &["No end of force has been published for 珠工信〔2025〕68号"]);
    let view = ReportView::new(&report, &profile, Lang::En);
    let p = programme_view(&view, "ZH-COMPUTE");
    assert!(p.apply_channel.contains("without application"), "{}", p.apply_channel);
    let zh_view = ReportView::new(&report, &profile, Lang::Zh);
    assert!(programme_view(&zh_view, "ZH-COMPUTE").apply_channel.contains("免申即享"));
    assert_eq!(
        levels(&report),
        [(Level::Province, yuan("0"), yuan("0"), 0), (Level::City, yuan("1500000"), yuan("0"), 1)]
    );
}

#[test]
fn c05_zhuhai_filing_awards_are_capped_per_firm() {
    let profile = example("c05-zhuhai-filing-awards");
    let report = on(&profile);
    assert_eq!(result(&profile, "ZH-FILING-MODEL"), (Verdict::Eligible, rule_based("500000")));
    assert_eq!(result(&profile, "ZH-FILING-ALGO"), (Verdict::Eligible, rule_based("50000")));
    assert_eq!(result(&profile, "ZH-COMPUTE"), (Verdict::NotApplicable, Amount::None));
    let (e, z) = both(&profile, "ZH-FILING-MODEL");
    assert_has(&e, &["3 × ¥250,000 each = ¥750,000", "capped to ¥500,000"]);
    assert_has(&z, &["3 项 × 每项 250,000 元 = 750,000 元", "超过上限，按上限计 500,000 元"]);
    let (e, z) = both(&profile, "ZH-FILING-ALGO");
    assert_has(&e, &["4 × ¥20,000 each = ¥80,000", "capped to ¥50,000"]);
    assert_has(&z, &["4 项 × 每项 20,000 元 = 80,000 元", "超过上限，按上限计 50,000 元"]);
    assert_eq!(
        levels(&report),
        [(Level::Province, yuan("0"), yuan("0"), 0), (Level::City, yuan("550000"), yuan("0"), 2)]
    );
}

#[test]
fn c06_dongguan_compute_voucher_and_smart_workshop_ceiling() {
    let profile = example("c06-dongguan-compute-and-workshop");
    let report = on(&profile);
    assert_eq!(result(&profile, "DG-COMPUTE"), (Verdict::Eligible, rule_based("750000")));
    let workshop = outcome(&report, "DG-WORKSHOP");
    assert_eq!((workshop.verdict, workshop.amount), (Verdict::Eligible, ceiling("2000000")));
    assert!(matches!(workshop.notes.first(), Some(Note::Competitive(_))));
    let (e, z) = both(&profile, "DG-WORKSHOP");
    assert_has(&e, &["25% × ¥10,000,000 = ¥2,500,000", "capped to ¥2,000,000", "Competitive"]);
    assert_has(&z, &["25% × 10,000,000 元 = 2,500,000 元", "按上限计 2,000,000 元", "竞争性项目"]);
    let view = ReportView::new(&report, &profile, Lang::En);
    assert_eq!(programme_view(&view, "DG-WORKSHOP").amount_label, "up to ¥2,000,000");
    assert_eq!(programme_view(&view, "DG-WORKSHOP").verdict_label, "Eligible · competitive");
    // The ceiling is not added to the rule-based total.
    assert_eq!(
        levels(&report),
        [(Level::Province, yuan("0"), yuan("0"), 0), (Level::City, yuan("750000"), yuan("2000000"), 2)]
    );
}

// ---------------------------------------------------------------------------------------------
// Every programme at its cap and at its thresholds

#[test]
fn zhuhai_compute_at_its_cap_and_with_each_cap_reading() {
    // Recognised long ago and no national key project: the basic cap, whatever the spend.
    let base = at(
        "zhuhai",
        None,
        &[("company.national_key_project", no()), ("company.national_title_year", year(2020))],
    );
    let base = with(base, &[("zhuhai_compute.spend", money("1"))]);
    cap_edges(&base, "ZH-COMPUTE", "zhuhai_compute.spend", "0.50", "2000000", false);
    // Newly recognised (this year or last, as of 2026): the 10,000,000 cap.
    let big = with(base.clone(), &[("zhuhai_compute.spend", money("30000000"))]);
    for y in [2026, 2025] {
        let p = with(big.clone(), &[("company.national_title_year", year(y))]);
        assert_eq!(result(&p, "ZH-COMPUTE"), (Verdict::Eligible, rule_based("10000000")), "{y}");
        let report = on(&p);
        assert!(outcome(&report, "ZH-COMPUTE").notes.iter().any(|n| matches!(n, Note::CapApplies(_))));
        let (e, z) = both(&p, "ZH-COMPUTE");
        assert_has(
            &e,
            &["50% × ¥30,000,000 = ¥15,000,000", "capped to ¥10,000,000", "The ¥10,000,000 cap applies"],
        );
        assert_has(&z, &["按上限计 10,000,000 元", "适用上限 10,000,000 元"]);
        cap_edges(&with(p, &[]), "ZH-COMPUTE", "zhuhai_compute.spend", "0.50", "10000000", false);
    }
    // Recognised two years before: not new, the 2,000,000 cap, and nothing said about 10,000,000.
    let old = with(big.clone(), &[("company.national_title_year", year(2024))]);
    assert_eq!(result(&old, "ZH-COMPUTE"), (Verdict::Eligible, rule_based("2000000")));
    let report = on(&old);
    assert!(!outcome(&report, "ZH-COMPUTE")
        .notes
        .iter()
        .any(|n| matches!(n, Note::CapIfCondition { .. } | Note::CapApplies(_))));
    let (e, _) = both(&old, "ZH-COMPUTE");
    assert_lacks(&e, &["the cap is ¥10,000,000", "The ¥10,000,000 cap applies"]);
    // A year after the as-of date is not "recent" either (and draws a warning).
    let future = with(big.clone(), &[("company.national_title_year", year(2027))]);
    assert_eq!(result(&future, "ZH-COMPUTE"), (Verdict::Eligible, rule_based("2000000")));
    assert!(!on(&future).warnings.is_empty());
    // Year not given: from 2,000,000 (the floor) to the 10,000,000 of the higher cap, noted.
    let big = with(big, &[("company.national_title_year", unknown())]);
    let report = on(&big);
    let o = outcome(&report, "ZH-COMPUTE");
    let floor_to_higher = Band { low: yuan("2000000"), high: Some(yuan("10000000")) };
    assert_eq!((o.verdict, o.amount), (Verdict::Eligible, Amount::Band(floor_to_higher)));
    assert!(o.missing.is_empty(), "the cap is not a condition: nothing is missing");
    let ifs: Vec<_> = o
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::CapIfCondition { cap, amount, .. } => Some((cap.cap, one(*amount))),
            _ => None,
        })
        .collect();
    assert_eq!(ifs, [(yuan("10000000"), yuan("10000000"))]);
    let (e, z) = both(&big, "ZH-COMPUTE");
    assert_has(
        &e,
        &[
            "capped to ¥2,000,000",
            "The low end uses the basic cap; if newly recognised as a national single champion or little giant (in the year or the year before), the cap is ¥10,000,000 and the amount ¥10,000,000.",
        ],
    );
    assert_has(&z, &["区间下限按基本上限计算", "上限为 10,000,000 元，金额为 10,000,000 元"]);
    // A national key project also gives 10,000,000; with both unknown, each is noted.
    let project = with(big.clone(), &[("company.national_key_project", yes())]);
    assert_eq!(result(&project, "ZH-COMPUTE"), (Verdict::Eligible, rule_based("10000000")));
    let neither = with(big, &[("company.national_key_project", unknown())]);
    let report = on(&neither);
    let count = outcome(&report, "ZH-COMPUTE")
        .notes
        .iter()
        .filter(|n| matches!(n, Note::CapIfCondition { .. }))
        .count();
    assert_eq!(count, 2);
}

#[test]
fn zhuhai_filing_awards_at_their_caps() {
    let base = at(
        "zhuhai",
        None,
        &[("zhuhai_filing.new_models", count(0)), ("zhuhai_filing.new_algorithms", count(0))],
    );
    per_item_edges(&base, "ZH-FILING-MODEL", "zhuhai_filing.new_models", "250000", "500000");
    per_item_edges(&base, "ZH-FILING-ALGO", "zhuhai_filing.new_algorithms", "20000", "50000");
    // No filing: nothing, but a clear figure.
    assert_eq!(result(&base, "ZH-FILING-MODEL"), (Verdict::Eligible, rule_based("0")));
    // The count not given: undetermined, the count is what is missing, and the amount is at
    // most the cap, whatever the count.
    let unknown_count = with(base, &[("zhuhai_filing.new_models", unknown())]);
    let report = on(&unknown_count);
    let o = outcome(&report, "ZH-FILING-MODEL");
    let up_to = Band { low: yuan("0"), high: Some(yuan("500000")) };
    assert_eq!((o.verdict, o.amount), (Verdict::Undetermined, Amount::Band(up_to)));
    assert_eq!(o.missing.as_slice(), [field("zhuhai_filing.new_models")]);
}

#[test]
fn dongguan_programmes_at_their_caps_and_conditions() {
    let base = at("dongguan", None, &[("dongguan_compute.via_city_platform", yes())]);
    cap_edges(&base, "DG-COMPUTE", "dongguan_compute.service_amount", "0.50", "1000000", false);
    // Not through the city platform: not eligible.
    let off = with(
        base.clone(),
        &[
            ("dongguan_compute.via_city_platform", no()),
            ("dongguan_compute.service_amount", money("1000000")),
        ],
    );
    assert_eq!(result(&off, "DG-COMPUTE"), (Verdict::NotEligible, Amount::None));
    // The centre: 20% for a city-level centre, 40% for a provincial or national one, each its cap.
    for (level, rate, cap) in
        [("city", "0.20", "5000000"), ("provincial", "0.40", "10000000"), ("national", "0.40", "50000000")]
    {
        let p = with(base.clone(), &[("dongguan_robot_centre.level", choice(level))]);
        cap_edges(&p, "DG-CENTRE", "dongguan_robot_centre.investment", rate, cap, false);
    }
    let p = with(
        base.clone(),
        &[
            ("dongguan_robot_centre.level", choice("provincial")),
            ("dongguan_robot_centre.investment", money("30000000")),
        ],
    );
    let (e, z) = both(&p, "DG-CENTRE");
    assert_has(&e, &["40% applies: a national or provincial centre.", "capped to ¥10,000,000 (provincial"]);
    assert_has(&z, &["适用 40%", "超过省级上限，按上限计 10,000,000 元"]);
    // No recognised centre: not eligible; level not given: undetermined, the level missing.
    let none = with(
        base.clone(),
        &[
            ("dongguan_robot_centre.level", choice("none")),
            ("dongguan_robot_centre.investment", money("1000000")),
        ],
    );
    assert_eq!(result(&none, "DG-CENTRE"), (Verdict::NotEligible, Amount::None));
    let unknown_level = with(base.clone(), &[("dongguan_robot_centre.investment", money("1000000"))]);
    let report = on(&unknown_level);
    let o = outcome(&report, "DG-CENTRE");
    assert_eq!(o.verdict, Verdict::Undetermined);
    assert!(o.missing.contains(&field("dongguan_robot_centre.level")));
    // Workshop: competitive, 25%, at most 2,000,000.
    cap_edges(&base, "DG-WORKSHOP", "dongguan_smart_workshop.investment", "0.25", "2000000", true);
    // Factory: one fixed ceiling, switched on by its topic alone.
    let mut factory = base;
    factory.set_topic(topic("dongguan_smart_factory"), true);
    assert_eq!(result(&factory, "DG-FACTORY"), (Verdict::Eligible, ceiling("5000000")));
    let (e, z) = both(&factory, "DG-FACTORY");
    assert_has(&e, &["a fixed amount of at most ¥5,000,000"]);
    assert_has(&z, &["定额，最高 5,000,000 元"]);
    assert_lacks(&e, &["tier not known"]);
}

#[test]
fn foshan_and_zhongshan_programmes_at_their_caps() {
    let foshan = at("foshan", None, &[]);
    cap_edges(&foshan, "FS-KEYTECH", "foshan_key_tech.rd_investment", "0.20", "50000000", true);
    let mut p = foshan.clone();
    p.set_topic(topic("foshan_first_set"), true);
    p.set_topic(topic("foshan_vertical_model"), true);
    assert_eq!(result(&p, "FS-FIRST-SET"), (Verdict::Eligible, ceiling("1000000")));
    assert_eq!(result(&p, "FS-VERTICAL-MODEL"), (Verdict::Eligible, ceiling("500000")));
    let (e, z) = both(&p, "FS-VERTICAL-MODEL");
    assert_has(&e, &["a fixed amount of at most ¥500,000"]);
    assert_has(&z, &["定额，最高 500,000 元"]);
    let report = on(&p);
    assert_eq!(totals(&report, Level::City).competitive_ceilings, yuan("1500000"));
    assert_eq!(totals(&report, Level::City).rule_based, yuan("0"));
    // Zhongshan: 10% of the platform's revenue, at most 10,000,000, for a recognised platform.
    let zhongshan = at("zhongshan", None, &[("zhongshan_platform.recognised", yes())]);
    cap_edges(&zhongshan, "ZS-PLATFORM", "zhongshan_platform.service_revenue", "0.10", "10000000", false);
    let not_recognised = with(
        zhongshan,
        &[("zhongshan_platform.recognised", no()), ("zhongshan_platform.service_revenue", money("1000000"))],
    );
    assert_eq!(result(&not_recognised, "ZS-PLATFORM"), (Verdict::NotEligible, Amount::None));
}

#[test]
fn longgang_cap_changes_on_2026_06_29() {
    let base = at("shenzhen", Some("longgang"), &[("longgang_compute.spend", money("30000000"))]);
    // 2026-06-28: the original measures' 6,000,000.
    let before = date("2026-06-28");
    assert_eq!(result_on(&base, "LG-COMPUTE", before), (Verdict::Eligible, rule_based("6000000")));
    let (e, z) = both_on(&base, "LG-COMPUTE", before);
    assert_has(
        &e,
        &["30% × ¥30,000,000 = ¥9,000,000", "capped to ¥6,000,000 (the cap in force up to 2026-06-28)"],
    );
    assert_has(&z, &["超过2026-06-28以前适用的上限，按上限计 6,000,000 元"]);
    assert_lacks(&e, &["¥20,000,000"]);
    // 2026-06-29: the revised 20,000,000 a year, said to rest on one secondary source.
    let after = date("2026-06-29");
    assert_eq!(result_on(&base, "LG-COMPUTE", after), (Verdict::Eligible, rule_based("9000000")));
    let report = report_on(&base, after);
    assert!(outcome(&report, "LG-COMPUTE")
        .notes
        .iter()
        .any(|n| matches!(n, Note::CapPeriod(p) if p.amount == yuan("20000000"))));
    let (e, z) = both_on(&base, "LG-COMPUTE", after);
    assert_has(
        &e,
        &[
            "the ¥20,000,000 cap (in force from 2026-06-29) is not reached",
            "(source: one secondary source only)",
        ],
    );
    assert_has(&z, &["未达到2026-06-29起适用的上限 20,000,000 元", "（来源：仅一处二手来源）"]);
    // Either side of the change, at the cap and just above it.
    cap_edges_on(&base, "LG-COMPUTE", "longgang_compute.spend", "0.30", "6000000", false, before);
    cap_edges_on(&base, "LG-COMPUTE", "longgang_compute.spend", "0.30", "20000000", false, after);
    // The rules view lists both periods.
    let lg = lib().pack("longgang").unwrap().programme("LG-COMPUTE").unwrap();
    let text = subsidy_engine::explain::formula_text(lg.formula.as_ref().unwrap(), lib(), Lang::En);
    assert_has(&text, &["up to 2026-06-28 ¥6,000,000", "from 2026-06-29 ¥20,000,000"]);
}

#[test]
fn guangming_and_longhua_programmes_at_their_caps_and_conditions() {
    let gm = at(
        "shenzhen",
        Some("guangming"),
        &[("guangming_corpus.non_affiliated", yes()), ("guangming_corpus.on_trading_platform", yes())],
    );
    cap_edges(&gm, "GM-COMPUTE", "guangming_compute.annual_spend", "0.30", "6000000", false);
    cap_edges(&gm, "GM-CORPUS", "guangming_corpus.amount", "0.30", "1000000", false);
    let affiliated =
        with(gm, &[("guangming_corpus.non_affiliated", no()), ("guangming_corpus.amount", money("100000"))]);
    assert_eq!(result(&affiliated, "GM-CORPUS"), (Verdict::NotEligible, Amount::None));
    let lh = at("shenzhen", Some("longhua"), &[("longhua_compute.independent_legal_person", yes())]);
    cap_edges(&lh, "LH-COMPUTE", "longhua_compute.purchase_amount", "0.30", "3000000", false);
    let branch = with(
        lh.clone(),
        &[
            ("longhua_compute.independent_legal_person", no()),
            ("longhua_compute.purchase_amount", money("100000")),
        ],
    );
    assert_eq!(result(&branch, "LH-COMPUTE"), (Verdict::NotEligible, Amount::None));
    // Outside AI and robotics: not eligible (a company answer the district reads).
    let other_field = with(
        lh,
        &[("company.ai_robotics_field", no()), ("longhua_compute.purchase_amount", money("100000"))],
    );
    assert_eq!(result(&other_field, "LH-COMPUTE"), (Verdict::NotEligible, Amount::None));
}

fn qianhai(values: &[(&str, NewValue)]) -> Profile {
    let base = at(
        "shenzhen",
        Some("qianhai"),
        &[
            ("qianhai_ai_office.operation_start", day("2024-03-01")),
            ("qianhai_ai_office.registered_capital", money("50000000")),
            ("qianhai_ai_office.area", count(1000)),
        ],
    );
    with(base, values)
}

#[test]
fn qianhai_rent_is_60_yuan_a_m2_a_month_up_to_3_million() {
    // 1,000 m² × ¥720 (¥60 × 12 months).
    assert_eq!(result(&qianhai(&[]), "QH-RENT"), (Verdict::Eligible, rule_based("720000")));
    let (e, z) = both(&qianhai(&[]), "QH-RENT");
    assert_has(&e, &["1000 × ¥720 each = ¥720,000", "the ¥3,000,000 cap is not reached"]);
    assert_has(&z, &["1000 项 × 每项 720 元 = 720,000 元"]);
    // The cap binds from 4,167 m²: 4,166 m² give 2,999,520.
    for (area, amount, capped) in
        [(4166, "2999520", false), (4167, "3000000", true), (10000, "3000000", true)]
    {
        let p = qianhai(&[("qianhai_ai_office.area", count(area))]);
        assert_eq!(result(&p, "QH-RENT"), (Verdict::Eligible, rule_based(amount)), "{area}");
        let (e, z) = both(&p, "QH-RENT");
        if capped {
            assert_has(&e, &["capped to ¥3,000,000"]);
            assert_has(&z, &["超过上限，按上限计 3,000,000 元"]);
        } else {
            assert_has(&e, &["4166 × ¥720 each = ¥2,999,520", "the ¥3,000,000 cap is not reached"]);
        }
    }
}

#[test]
fn qianhai_thresholds_registered_capital_over_20_million_and_started_after_2023_01_01() {
    let capital = |amount: &str| qianhai(&[("qianhai_ai_office.registered_capital", money(amount))]);
    // More than 20,000,000: exactly 20,000,000 fails, with the near-miss hint (margin 2,000,000).
    for (amount, verdict, hint) in [
        ("17999999", Verdict::NotEligible, false),
        ("18000000", Verdict::NotEligible, true),
        ("19999999", Verdict::NotEligible, true),
        ("20000000", Verdict::NotEligible, true),
        ("20000001", Verdict::Eligible, false),
    ] {
        let p = capital(amount);
        let report = on(&p);
        let o = outcome(&report, "QH-RENT");
        assert_eq!(o.verdict, verdict, "{amount}");
        assert_eq!(o.hints.len(), usize::from(hint), "{amount}");
        let (e, z) = both(&p, "QH-RENT");
        if hint {
            assert_has(
                &e,
                &[&format!("Close: Registered capital {}; more than ¥20,000,000 qualifies.", en(amount))],
            );
            assert_has(&z, &[&format!("差一点：注册资本为 {}；超过 20,000,000 元 即符合。", zh(amount))]);
        } else {
            assert_lacks(&e, &["Close:"]);
        }
        if verdict == Verdict::Eligible {
            assert_eq!(o.amount, rule_based("720000"));
        } else {
            assert_eq!(o.amount, Amount::None);
        }
    }
    // "After 2023-01-01": New Year's Day itself fails (no near-miss margin is defined), the next
    // day qualifies; the reading is shown with its alternative.
    let started = |d: &str| qianhai(&[("qianhai_ai_office.operation_start", day(d))]);
    for (d, verdict) in [
        ("2022-12-31", Verdict::NotEligible),
        ("2023-01-01", Verdict::NotEligible),
        ("2023-01-02", Verdict::Eligible),
    ] {
        let report = on(&started(d));
        let o = outcome(&report, "QH-RENT");
        assert_eq!(o.verdict, verdict, "{d}");
        assert!(o.hints.is_empty(), "{d}");
        let failed: Vec<_> = o
            .conditions
            .iter()
            .filter(|c| c.status == Status::NotMet)
            .map(|c| c.condition.id.as_str())
            .collect();
        let expected: &[&str] =
            if verdict == Verdict::Eligible { &[] } else { &["started_after_2023_01_01"] };
        assert_eq!(failed, expected, "{d}");
    }
    let (e, z) = both(&started("2023-01-02"), "QH-RENT");
    assert_has(&e, &["Reading taken: \"After January 1, 2023\""]);
    assert_has(&z, &["解读："]);
}

fn haizhu(values: &[(&str, NewValue)]) -> Profile {
    with(at("guangzhou", Some("haizhu"), &[]), values)
}

#[test]
fn haizhu_and_tianhe_programmes_at_their_caps() {
    let filings =
        haizhu(&[("haizhu_filing.first_llm_filing", yes()), ("haizhu_filing.first_algorithm_filing", no())]);
    assert_eq!(result(&filings, "HZ-LLM-FILING"), (Verdict::Eligible, rule_based("1000000")));
    assert_eq!(result(&filings, "HZ-ALGO-FILING"), (Verdict::NotEligible, Amount::None));
    let (e, z) = both(&filings, "HZ-LLM-FILING");
    assert_has(&e, &["a fixed amount of at most ¥1,000,000"]);
    assert_has(&z, &["定额，最高 1,000,000 元"]);
    let algo = haizhu(&[("haizhu_filing.first_algorithm_filing", yes())]);
    assert_eq!(result(&algo, "HZ-ALGO-FILING"), (Verdict::Eligible, rule_based("200000")));
    // The LLM filing not answered: undetermined, with the figure "if eligible".
    let report = on(&algo);
    let o = outcome(&report, "HZ-LLM-FILING");
    assert_eq!((o.verdict, o.amount), (Verdict::Undetermined, rule_based("1000000")));
    assert_eq!(o.missing.as_slice(), [field("haizhu_filing.first_llm_filing")]);
    cap_edges(&haizhu(&[]), "HZ-SCENARIO", "haizhu_scenario.investment", "0.30", "5000000", true);
    let tianhe = at("guangzhou", Some("tianhe"), &[("tianhe_model.national_genai_filing", yes())]);
    cap_edges(&tianhe, "TH-RD", "tianhe_model.rd_spend", "0.10", "1000000", false);
    let unfiled = with(
        tianhe.clone(),
        &[("tianhe_model.national_genai_filing", no()), ("tianhe_model.rd_spend", money("1000000"))],
    );
    assert_eq!(result(&unfiled, "TH-RD"), (Verdict::NotEligible, Amount::None));
    let open = with(tianhe, &[("tianhe_open_source.nationally_certified", yes())]);
    assert_eq!(result(&open, "TH-OPEN-SOURCE"), (Verdict::Eligible, rule_based("2000000")));
    let uncertified = with(open, &[("tianhe_open_source.nationally_certified", no())]);
    assert_eq!(result(&uncertified, "TH-OPEN-SOURCE"), (Verdict::NotEligible, Amount::None));
}

#[test]
fn informational_items_are_listed_with_how_to_apply() {
    for (city, district, ids) in [
        ("guangzhou", Some("huangpu"), &["HP-VOUCHERS"][..]),
        ("guangzhou", Some("tianhe"), &["TH-COMPUTE-INFO"][..]),
        ("foshan", None, &["FS-QUALITY-INFO", "FS-CENTRE-INFO"][..]),
        ("zhongshan", None, &["ZS-COMPUTE-INFO"][..]),
    ] {
        let profile = at(city, district, &[]);
        let report = on(&profile);
        for lang in Lang::ALL {
            let view = ReportView::new(&report, &profile, lang);
            for id in ids {
                let item = view.informational.iter().find(|i| i.id == *id).unwrap_or_else(|| panic!("{id}"));
                assert!(
                    !item.summary.is_empty()
                        && !item.apply_channel.is_empty()
                        && !item.apply_office.is_empty()
                );
                // Listed, not evaluated.
                assert!(view.programmes.iter().all(|p| p.id != *id));
            }
        }
    }
    // Huangpu's rates and caps are not published, and the item says so.
    let profile = at("guangzhou", Some("huangpu"), &[]);
    let report = on(&profile);
    let view = ReportView::new(&report, &profile, Lang::En);
    let hp = view.informational.iter().find(|i| i.id == "HP-VOUCHERS").unwrap();
    assert!(hp.summary.to_lowercase().contains("not published"), "{}", hp.summary);
}

// ---------------------------------------------------------------------------------------------
// Limits across programmes

/// A Longgang company with a city voucher contract and a district claim.
fn longgang(contract: &str, spend: &str, same: NewValue) -> Profile {
    at(
        "shenzhen",
        Some("longgang"),
        &[
            ("company.founded", day("2020-01-01")),
            ("compute_rental.contract_amount", money(contract)),
            ("compute_rental.trains_large_models", yes()),
            ("compute_rental.non_affiliated", yes()),
            ("compute_rental.listed_provider", yes()),
            ("longgang_compute.spend", money(spend)),
            ("longgang_compute.same_contract", same),
        ],
    )
}

#[test]
fn combined_ceiling_partly_reached_not_reached_and_not_applying() {
    let as_of = date("2026-08-01");
    // Contract 30,000,000: the city voucher is capped at 10,000,000, so 5,000,000 of the 50%
    // (15,000,000) is left; the district's 9,000,000 is cut to 5,000,000.
    let partly = longgang("30000000", "30000000", yes());
    let report = report_on(&partly, as_of);
    assert_eq!(outcome(&report, "SZ-COMPUTE").amount, rule_based("10000000"));
    assert_eq!(outcome(&report, "LG-COMPUTE").amount, rule_based("5000000"));
    assert_eq!(ceiling_notes(&report, "LG-COMPUTE"), [(false, yuan("9000000"), false)]);
    let (e, z) = both_on(&partly, "LG-COMPUTE", as_of);
    assert_has(
        &e,
        &[
            "¥10,000,000 + ¥9,000,000 would exceed 50% × ¥30,000,000 = ¥15,000,000",
            "this programme gives ¥5,000,000",
            "it would give ¥9,000,000",
        ],
    );
    assert_has(
        &z,
        &[
            "10,000,000 元 + 9,000,000 元 将超过 50% × 30,000,000 元 = 15,000,000 元",
            "本项为 5,000,000 元",
            "按此为 9,000,000 元",
        ],
    );
    assert_eq!(
        one(totals(&report, Level::City).rule_based) + one(totals(&report, Level::District).rule_based),
        yuan("15000000")
    );
    // A district claim of 3,000,000 fits in what is left: kept, and the line says so.
    let within = longgang("30000000", "10000000", yes());
    let report = report_on(&within, as_of);
    let lg = outcome(&report, "LG-COMPUTE");
    assert_eq!(lg.amount, rule_based("3000000"));
    assert!(ceiling_notes(&report, "LG-COMPUTE").is_empty());
    let (e, z) = both_on(&within, "LG-COMPUTE", as_of);
    assert_has(
        &e,
        &[
            "¥10,000,000 + ¥3,000,000 is within 50% × ¥30,000,000 = ¥15,000,000",
            "this programme gives ¥3,000,000",
        ],
    );
    assert_has(&z, &["10,000,000 元 + 3,000,000 元 未超过 50% × 30,000,000 元 = 15,000,000 元"]);
    assert_lacks(&e, &["Other reading: The Longgang voucher"]);
    // Another contract: the ceiling does not concern the claim, which is added in full.
    let other = longgang("10000000", "10000000", no());
    let report = report_on(&other, as_of);
    assert_eq!(outcome(&report, "SZ-COMPUTE").amount, rule_based("5000000"));
    let lg = outcome(&report, "LG-COMPUTE");
    assert_eq!(lg.amount, rule_based("3000000"));
    assert!(lg.steps.iter().all(|s| !matches!(s, Step::CombinedCeiling { .. })));
    assert!(ceiling_notes(&report, "LG-COMPUTE").is_empty());
    // No city voucher claimed: nothing counted before the district's, which stays whole.
    let mut alone = longgang("10000000", "10000000", yes());
    alone.set_topic(topic("compute_rental"), false);
    let report = report_on(&alone, as_of);
    assert_eq!(outcome(&report, "LG-COMPUTE").amount, rule_based("3000000"));
    assert!(outcome(&report, "LG-COMPUTE").steps.iter().all(|s| !matches!(s, Step::CombinedCeiling { .. })));
    // A start-up's city voucher (60%) is counted first and keeps its amount; nothing is left.
    let startup = with(longgang("10000000", "10000000", yes()), &[("company.founded", day("2026-03-01"))]);
    let report = report_on(&startup, as_of);
    assert_eq!(outcome(&report, "SZ-COMPUTE").amount, rule_based("6000000"));
    assert_eq!(outcome(&report, "LG-COMPUTE").amount, rule_based("0"));
}

/// Issue #20's case: a start-up in Longgang (the city voucher at 60%) with its one contract given
/// as ¥2,000,000 – ¥3,000,000. At every figure of the contract the city voucher alone is above the
/// 50% ceiling, so the district voucher gets nothing: ¥0, not "up to ¥300,000" (the ceiling at
/// ¥3,000,000 less the city voucher at ¥2,000,000, two figures no contract has at once).
#[test]
fn c03_a_start_up_s_contract_as_a_range_leaves_the_district_voucher_nothing_at_every_figure() {
    let as_of = date("2026-08-01");
    let contract = NewValue::Range { low: yuan("2000000"), high: yuan("3000000") };
    let startup = with(
        longgang("2500000", "2500000", yes()),
        &[("company.founded", day("2026-03-01")), ("compute_rental.contract_amount", contract.clone())],
    );
    // The district voucher's spend given as one figure, or as the same range (the same contract).
    let spent = with(startup.clone(), &[("longgang_compute.spend", contract)]);
    for (profile, own) in [(startup, ["750,000", "750,000"]), (spent, ["600,000", "900,000"])] {
        let report = report_on(&profile, as_of);
        let sz = outcome(&report, "SZ-COMPUTE");
        let city = Band { low: yuan("1200000"), high: Some(yuan("1800000")) };
        assert_eq!((sz.verdict, sz.amount), (Verdict::Eligible, Amount::Band(city)));
        let lg = outcome(&report, "LG-COMPUTE");
        assert_eq!((lg.verdict, lg.amount), (Verdict::Eligible, rule_based("0")));
        assert_eq!(lg.amount.band(), Some(Band::ZERO));
        let view = ReportView::new(&report, &profile, Lang::En);
        assert_eq!(programme_view(&view, "LG-COMPUTE").verdict_label, "Eligible, ¥0 after the 50% ceiling");
        assert_eq!(programme_view(&view, "LG-COMPUTE").amount_label, "¥0");
        let (e, z) = both_on(&profile, "LG-COMPUTE", as_of);
        let [low, high] = own;
        assert_has(
            &e,
            &[
                &format!("Low end:\n¥1,200,000 + ¥{low} would exceed 50% × ¥2,000,000 = ¥1,000,000, the most all support on “Compute-rental service contract amount” may give together: this programme gives ¥0"),
                &format!("High end:\n¥1,800,000 + ¥{high} would exceed 50% × ¥3,000,000 = ¥1,500,000, the most all support on “Compute-rental service contract amount” may give together: this programme gives ¥0"),
            ],
        );
        assert_lacks(&e, &["up to ¥300,000", "¥300,000"]);
        assert_has(
            &z,
            &[
                &format!("下限：\n1,200,000 元 + {low} 元 将超过 50% × 2,000,000 元 = 1,000,000 元（按“算力租赁服务合同金额”计的各项支持合计上限）：本项为 0 元"),
                &format!("上限：\n1,800,000 元 + {high} 元 将超过 50% × 3,000,000 元 = 1,500,000 元"),
            ],
        );
        assert_eq!(one(totals(&report, Level::District).rule_based), yuan("0"));
    }
}

/// A start-up's city voucher at 60% beside Longgang's "all support on one contract at most 50%":
/// counted first, it keeps its 60% in the reading taken (its own document's rate stands, the
/// ceiling binds what is added after it), and its calculation and notes say so, with what the
/// other reading (the ceiling binds it too) gives, in both languages.
#[test]
fn c03_a_start_up_s_city_voucher_above_the_ceiling_says_which_rule_stands() {
    let as_of = date("2026-08-01");
    let startup = with(longgang("10000000", "10000000", yes()), &[("company.founded", day("2026-03-01"))]);
    let report = report_on(&startup, as_of);
    let sz = outcome(&report, "SZ-COMPUTE");
    assert_eq!((sz.verdict, sz.amount), (Verdict::Eligible, rule_based("6000000")));
    assert_eq!(
        sz.steps.last(),
        Some(&Step::CountedFirst {
            on: field("compute_rental.contract_amount"),
            base: yuan("10000000"),
            rate: yuan("0.50"),
            limit: yuan("5000000"),
            own: yuan("6000000"),
        })
    );
    let others: Vec<(Band, Band)> = sz
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::AboveCeiling { limit, cut, assumed: false, .. } => Some((*limit, *cut)),
            _ => None,
        })
        .collect();
    assert_eq!(others, [(Band::exact(yuan("5000000")), Band::exact(yuan("5000000")))]);
    let (e, z) = both_on(&startup, "SZ-COMPUTE", as_of);
    assert_has(
        &e,
        &[
            "this programme alone gives ¥6,000,000, more than 50% × ¥10,000,000 = ¥5,000,000, the most all support on “Compute-rental service contract amount” may give together: counted first, it keeps ¥6,000,000 at its own document's rate",
            "Reading taken: this programme is counted first at its own document's rate, even where that alone is more than the 50% ceiling on “Compute-rental service contract amount” (¥5,000,000); the ceiling binds only what is added after it: Longgang compute subsidy (large-model training and inference). Other reading: the ceiling binds this programme too, which gives ¥5,000,000. (source: one secondary source only)",
        ],
    );
    assert_has(
        &z,
        &[
            "本项单独为 6,000,000 元，已超过 50% × 10,000,000 元 = 5,000,000 元（按“算力租赁服务合同金额”计的各项支持合计上限）：本项优先计算，按其自身文件的比例保留 6,000,000 元",
            "解读：本项按其自身文件的比例优先计算，即使单独已超过按“算力租赁服务合同金额”计的 50% 合计上限（5,000,000 元）；该上限只限制在其后计入的支持：龙岗区算力补贴（大模型训练、推理）。另一种解读：该上限同样限制本项，按此为 5,000,000 元。（来源：仅一处二手来源）",
        ],
    );
    // The district voucher's own lines are unchanged: nothing is left to it.
    assert_eq!(outcome(&report, "LG-COMPUTE").amount, rule_based("0"));
    // The contract as a range, and whether it is the same contract not said: each end at its own
    // figure, the ceiling assumed to apply (said), the other reading a band.
    let rough = with(
        startup.clone(),
        &[
            (
                "compute_rental.contract_amount",
                NewValue::Range { low: yuan("2000000"), high: yuan("3000000") },
            ),
            ("longgang_compute.same_contract", unknown()),
        ],
    );
    let (e, z) = both_on(&rough, "SZ-COMPUTE", as_of);
    assert_has(
        &e,
        &[
            "Low end:\nthis programme alone gives ¥1,200,000, more than 50% × ¥2,000,000 = ¥1,000,000",
            "High end:\nthis programme alone gives ¥1,800,000, more than 50% × ¥3,000,000 = ¥1,500,000",
            "“The same contract as our city training-compute voucher (训力券) claim” not given: the default reading is taken, the ceiling applies. Reading taken: this programme is counted first at its own document's rate, even where that alone is more than the 50% ceiling on “Compute-rental service contract amount” (¥1,000,000 – ¥1,500,000);",
            "Other reading: the ceiling binds this programme too, which gives ¥1,000,000 – ¥1,500,000.",
        ],
    );
    assert_has(&z, &["按此为 1,000,000 元 – 1,500,000 元。", "（1,000,000 元 – 1,500,000 元）"]);
    // Not above the ceiling (50%, not a start-up), or another contract: no such line or note.
    for profile in
        [longgang("10000000", "10000000", yes()), with(startup, &[("longgang_compute.same_contract", no())])]
    {
        let report = report_on(&profile, as_of);
        let sz = outcome(&report, "SZ-COMPUTE");
        assert!(!sz.steps.iter().any(|s| matches!(s, Step::CountedFirst { .. })));
        assert!(!sz.notes.iter().any(|n| matches!(n, Note::AboveCeiling { .. })));
    }
    // The same in Guangming and Longhua: the reading is the engine's, for every pack's ceiling.
    let gm = with(
        city_voucher_in("guangming", "2026-03-01"),
        &[("guangming_compute.annual_spend", money("10000000")), ("guangming_compute.same_contract", yes())],
    );
    let (e, _) = both_on(&gm, "SZ-COMPUTE", as_of);
    assert_has(&e, &["the ceiling binds only what is added after it: Guangming", "which gives ¥5,000,000."]);
}

#[test]
fn combined_ceiling_with_the_same_contract_unknown_takes_the_default_and_says_so() {
    let as_of = date("2026-08-01");
    let profile = longgang("10000000", "10000000", unknown());
    let report = report_on(&profile, as_of);
    assert_eq!(outcome(&report, "SZ-COMPUTE").amount, rule_based("5000000"));
    let lg = outcome(&report, "LG-COMPUTE");
    assert_eq!((lg.verdict, lg.amount), (Verdict::Eligible, rule_based("0")));
    assert_eq!(ceiling_notes(&report, "LG-COMPUTE"), [(true, yuan("3000000"), false)]);
    let (e, z) = both_on(&profile, "LG-COMPUTE", as_of);
    assert_has(
        &e,
        &[
            "“The same contract as our city training-compute voucher (训力券) claim” not given: the default reading is taken, the ceiling applies.",
            "Other reading: The Longgang voucher is outside that rule and is added in full; it would give ¥3,000,000.",
            "¥5,000,000 + ¥3,000,000 would exceed 50% × ¥10,000,000 = ¥5,000,000",
        ],
    );
    assert_has(
        &z,
        &[
            "“与申领市级“训力券”的是同一份算力合同”未填写：按默认解读，适用此上限。",
            "另一种解读：龙岗区算力券不受该规则限制，按区级规则全额计算，按此为 3,000,000 元。",
            "（来源：仅一处二手来源）",
        ],
    );
}

#[test]
fn combined_ceilings_of_guangming_and_longhua() {
    let as_of = date("2026-08-01");
    let gm = with(
        city_voucher_in("guangming", "2020-01-01"),
        &[("guangming_compute.annual_spend", money("10000000")), ("guangming_compute.same_contract", yes())],
    );
    let report = report_on(&gm, as_of);
    assert_eq!(outcome(&report, "GM-COMPUTE").amount, rule_based("0"));
    assert_eq!(ceiling_notes(&report, "GM-COMPUTE"), [(false, yuan("3000000"), false)]);
    let (e, _) = both_on(&gm, "GM-COMPUTE", as_of);
    assert_has(&e, &["¥5,000,000 + ¥3,000,000 would exceed 50% × ¥10,000,000 = ¥5,000,000"]);
    let lh = with(
        city_voucher_in("longhua", "2020-01-01"),
        &[
            ("longhua_compute.purchase_amount", money("10000000")),
            ("longhua_compute.independent_legal_person", yes()),
            ("longhua_compute.same_contract", unknown()),
        ],
    );
    let report = report_on(&lh, as_of);
    assert_eq!(outcome(&report, "LH-COMPUTE").amount, rule_based("0"));
    assert_eq!(ceiling_notes(&report, "LH-COMPUTE"), [(true, yuan("3000000"), false)]);
    let (_, z) = both_on(&lh, "LH-COMPUTE", as_of);
    assert_has(&z, &["”未填写：按默认解读，适用此上限。", "按此为 3,000,000 元"]);
}

#[test]
fn combined_ceiling_with_the_contract_amount_unknown_waits_for_it() {
    let as_of = date("2026-08-01");
    let profile =
        with(longgang("10000000", "10000000", yes()), &[("compute_rental.contract_amount", unknown())]);
    let report = report_on(&profile, as_of);
    let sz = outcome(&report, "SZ-COMPUTE");
    assert_eq!(sz.verdict, Verdict::Undetermined);
    // What is left to the district voucher is not known until the contract amount is: anything
    // up to its own amount.
    let lg = outcome(&report, "LG-COMPUTE");
    let up_to = Band { low: yuan("0"), high: Some(yuan("3000000")) };
    assert_eq!((lg.verdict, lg.amount), (Verdict::Undetermined, Amount::Band(up_to)));
    assert_eq!(lg.missing.as_slice(), [field("compute_rental.contract_amount")]);
    assert_eq!(ceiling_notes(&report, "LG-COMPUTE"), [(false, yuan("3000000"), true)]);
    let (e, z) = both_on(&profile, "LG-COMPUTE", as_of);
    assert_has(&e, &["Compute-rental service contract amount not given: the amount within the ceiling cannot be worked out yet.", "it would give ¥3,000,000"]);
    assert_has(&z, &["算力租赁服务合同金额未填写，无法计算上限内的金额。", "按此为 3,000,000 元"]);
    let missing = report.missing.iter().find(|m| m.field == field("compute_rental.contract_amount")).unwrap();
    let ids: Vec<&str> = missing.programmes.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["SZ-COMPUTE", "LG-COMPUTE"]);
    assert_eq!(totals(&report, Level::District).undetermined, 1);
    // The city voucher not eligible (provider not listed) but its contract declared on the same
    // contract: the district voucher still waits for the amount the ceiling rests on, rather than
    // showing more than it would once the amount is given.
    let unlisted = with(profile, &[("compute_rental.listed_provider", no())]);
    let report = report_on(&unlisted, as_of);
    assert_eq!(outcome(&report, "SZ-COMPUTE").verdict, Verdict::NotEligible);
    let lg = outcome(&report, "LG-COMPUTE");
    assert_eq!((lg.verdict, lg.amount), (Verdict::Undetermined, Amount::Band(up_to)));
    let given = with(unlisted, &[("compute_rental.contract_amount", money("10000000"))]);
    assert_eq!(result_on(&given, "LG-COMPUTE", as_of), (Verdict::Eligible, rule_based("3000000")));
}

#[test]
fn a_larger_city_contract_can_leave_less_to_the_district_voucher() {
    let as_of = date("2026-08-01");
    // 400,000: below the city voucher's 500,000 threshold, so the district's 30% (120,000) is all
    // the public support on the contract, within its 50% (200,000).
    let small = longgang("400000", "400000", yes());
    assert_eq!(result_on(&small, "SZ-COMPUTE", as_of).0, Verdict::NotEligible);
    assert_eq!(result_on(&small, "LG-COMPUTE", as_of), (Verdict::Eligible, rule_based("120000")));
    // 600,000: the city voucher pays 300,000, the whole 50%; nothing is left to the district's.
    let large = longgang("600000", "600000", yes());
    assert_eq!(result_on(&large, "SZ-COMPUTE", as_of), (Verdict::Eligible, rule_based("300000")));
    assert_eq!(result_on(&large, "LG-COMPUTE", as_of), (Verdict::Eligible, rule_based("0")));
}

/// The built-in packs with Haizhu's yearly cap per company set to `cap` (the real 10,000,000 is
/// above the 6,200,000 its three programmes can give together).
fn haizhu_with_cap(cap: &str) -> Library {
    let text = builtin_text("haizhu.json");
    let from = r#""cap": "10000000""#;
    assert!(text.contains(from));
    let pack = subsidy_engine::rules::read_pack(&subsidy_engine::rules::PackSource {
        name: "haizhu.json",
        text: &text.replacen(from, &format!(r#""cap": "{cap}""#), 1),
    })
    .unwrap();
    Library::builtin().with_packs(vec![pack]).unwrap()
}

fn all_three_haizhu(library: &Library) -> Profile {
    let mut profile = Profile::new(library);
    for (id, value) in [
        ("company.city", choice("guangzhou")),
        ("company.district", choice("haizhu")),
        ("company.registered_in_guangdong", yes()),
        ("company.ai_robotics_field", yes()),
        ("haizhu_filing.first_llm_filing", yes()),
        ("haizhu_filing.first_algorithm_filing", yes()),
        ("haizhu_scenario.investment", money("20000000")),
    ] {
        profile.set(library.field(id).unwrap(), value).unwrap();
    }
    profile
}

fn texts(report: &Report<'_>, profile: &Profile, id: &str) -> (String, String) {
    let text = |lang| {
        let view = ReportView::new(report, profile, lang);
        let p = programme_view(&view, id);
        [p.calculation.clone(), p.notes.clone()].concat().join("\n")
    };
    (text(Lang::En), text(Lang::Zh))
}

#[test]
fn haizhu_yearly_cap_per_company() {
    // The real cap: 1,000,000 + 200,000 + 5,000,000 fit in 10,000,000, and each line says so.
    let profile = all_three_haizhu(lib());
    let report = on(&profile);
    assert_eq!(outcome(&report, "HZ-LLM-FILING").amount, rule_based("1000000"));
    assert_eq!(outcome(&report, "HZ-ALGO-FILING").amount, rule_based("200000"));
    assert_eq!(outcome(&report, "HZ-SCENARIO").amount, ceiling("5000000"));
    assert!(report.outcomes.iter().all(|o| !o.notes.iter().any(|n| matches!(n, Note::CompanyCap { .. }))));
    let (e, z) = texts(&report, &profile, "HZ-SCENARIO");
    assert_has(&e, &["at most ¥10,000,000 a year per company in all: ¥1,200,000 from the programmes counted before it, and ¥5,000,000 fits within it"]);
    assert_has(
        &z,
        &["每家企业每年合计最高 10,000,000 元：此前计入的项目已计 1,200,000 元，本项 5,000,000 元 未超出"],
    );
    assert_eq!(
        levels(&report),
        [(Level::Province, yuan("0"), yuan("0"), 0), (Level::District, yuan("1200000"), yuan("5000000"), 3)]
    );
    // A cap of 6,000,000: reached; the last listed (the scenario ceiling) is cut first.
    let library = haizhu_with_cap("6000000");
    let profile = all_three_haizhu(&library);
    let report = evaluate(&profile, &library, city_as_of()).unwrap();
    let amount = |id: &str| report.outcomes.iter().find(|o| o.programme.id == id).unwrap().amount;
    assert_eq!(amount("HZ-LLM-FILING"), rule_based("1000000"));
    assert_eq!(amount("HZ-ALGO-FILING"), rule_based("200000"));
    assert_eq!(amount("HZ-SCENARIO"), ceiling("4800000"));
    let scenario = report.outcomes.iter().find(|o| o.programme.id == "HZ-SCENARIO").unwrap();
    assert!(scenario
        .notes
        .iter()
        .any(|n| matches!(n, Note::CompanyCap { without, .. } if *without == yuan("5000000"))));
    let (e, z) = texts(&report, &profile, "HZ-SCENARIO");
    assert_has(
        &e,
        &[
            "30% × ¥20,000,000 = ¥6,000,000",
            "capped to ¥5,000,000",
            "at most ¥6,000,000 a year per company in all: ¥1,200,000 from the programmes counted before it, so ¥5,000,000 becomes ¥4,800,000",
            "A large-model firm receives at most ¥10,000,000 a year in all: without it, ¥5,000,000.",
        ],
    );
    assert_has(
        &z,
        &[
            "每家企业每年合计最高 6,000,000 元：此前计入的项目已计 1,200,000 元，本项 5,000,000 元 调整为 4,800,000 元",
            "未受此限时为 5,000,000 元",
        ],
    );
    let district = report.totals.iter().find(|t| t.level == Level::District).unwrap();
    assert_eq!((district.rule_based, district.competitive_ceilings), (exact("1200000"), exact("4800000")));
    // A cap of 1,100,000: the scenario gets nothing, the algorithm award 100,000.
    let library = haizhu_with_cap("1100000");
    let profile = all_three_haizhu(&library);
    let report = evaluate(&profile, &library, city_as_of()).unwrap();
    let amount = |id: &str| report.outcomes.iter().find(|o| o.programme.id == id).unwrap().amount;
    assert_eq!(
        [amount("HZ-LLM-FILING"), amount("HZ-ALGO-FILING"), amount("HZ-SCENARIO")],
        [rule_based("1000000"), rule_based("100000"), ceiling("0")]
    );
    let (e, _) = texts(&report, &profile, "HZ-ALGO-FILING");
    assert_has(&e, &["¥1,000,000 from the programmes counted before it, so ¥200,000 becomes ¥100,000"]);
}

/// A Dongguan company with a provincial-level robot innovation centre, claiming the city grant and
/// the provincial P1 on the same kind of spend.
fn dongguan_centre() -> Profile {
    at(
        "dongguan",
        None,
        &[
            ("dongguan_robot_centre.level", choice("provincial")),
            ("dongguan_robot_centre.investment", money("20000000")),
            ("innovation_centre.level", choice("provincial")),
            ("innovation_centre.approval_year", year(2025)),
            ("innovation_centre.operating", yes()),
            ("innovation_centre.equipment_cost", money("15000000")),
            ("innovation_centre.software_cost", money("5000000")),
        ],
    )
}

#[test]
fn dongguan_centre_and_provincial_p1_are_both_shown_and_never_added_together() {
    let profile = dongguan_centre();
    let report = on(&profile);
    assert_eq!(result(&profile, "DG-CENTRE"), (Verdict::Eligible, rule_based("8000000")));
    assert_eq!(result(&profile, "P1"), (Verdict::Eligible, rule_based("8000000")));
    for id in ["DG-CENTRE", "P1"] {
        assert!(outcome(&report, id).notes.iter().any(|n| matches!(n, Note::Overlap(_))), "{id}");
        let (e, z) = both(&profile, id);
        assert_has(
            &e,
            &[
                "Combination to confirm (both shown, not added together): ",
                "whether both can be claimed on the same invoices is not stated",
            ],
        );
        assert_has(&z, &["叠加待确认（两项均列出，不合并计算）：", "两者是否可就同一批发票同时申领未见规定"]);
    }
    // Each in its own level's total; no total holds both.
    assert_eq!(
        levels(&report),
        [(Level::Province, yuan("8000000"), yuan("0"), 1), (Level::City, yuan("8000000"), yuan("0"), 1)]
    );
    // Without a provincial claim the combination does not arise, and nothing is said.
    let mut city_only = profile.clone();
    city_only.set_topic(topic("innovation_centre"), false);
    let report = on(&city_only);
    assert!(!outcome(&report, "DG-CENTRE").notes.iter().any(|n| matches!(n, Note::Overlap(_))));
    // P1 not eligible (approved in 2023): no combination either.
    let old = with(profile, &[("innovation_centre.approval_year", year(2023))]);
    let report = on(&old);
    assert_eq!(outcome(&report, "P1").verdict, Verdict::NotEligible);
    assert!(!outcome(&report, "DG-CENTRE").notes.iter().any(|n| matches!(n, Note::Overlap(_))));
}

#[test]
fn programmes_of_one_level_on_the_same_money_count_once_in_its_total() {
    // Dongguan's overlap, made to pair two city programmes and declared not combinable.
    let text = builtin_text("dongguan.json");
    let from = r#""guangdong-ai-robotics-2025/P1""#;
    assert!(text.contains(from));
    let edited = text.replacen(from, r#""DG-COMPUTE""#, 1).replacen(
        r#""kind": "unknown""#,
        r#""kind": "exclusive""#,
        1,
    );
    let pack = subsidy_engine::rules::read_pack(&subsidy_engine::rules::PackSource {
        name: "dongguan.json",
        text: &edited,
    })
    .unwrap();
    let library = Library::builtin().with_packs(vec![pack]).unwrap();
    let mut profile = Profile::new(&library);
    for (id, value) in [
        ("company.city", choice("dongguan")),
        ("company.registered_in_guangdong", yes()),
        ("company.ai_robotics_field", yes()),
        ("dongguan_robot_centre.level", choice("city")),
        ("dongguan_robot_centre.investment", money("10000000")),
        ("dongguan_compute.via_city_platform", yes()),
        ("dongguan_compute.service_amount", money("1500000")),
    ] {
        profile.set(library.field(id).unwrap(), value).unwrap();
    }
    let report = evaluate(&profile, &library, city_as_of()).unwrap();
    let amount = |id: &str| report.outcomes.iter().find(|o| o.programme.id == id).unwrap().amount;
    // Both shown with their amounts: 2,000,000 and 750,000 ...
    assert_eq!((amount("DG-CENTRE"), amount("DG-COMPUTE")), (rule_based("2000000"), rule_based("750000")));
    let view = ReportView::new(&report, &profile, Lang::En);
    for id in ["DG-CENTRE", "DG-COMPUTE"] {
        let notes = programme_view(&view, id).notes.join("\n");
        assert_has(&notes, &["Not combinable (both shown, one or the other): "]);
    }
    // ... but the city total counts the larger only.
    let city = report.totals.iter().find(|t| t.level == Level::City).unwrap();
    assert_eq!((city.rule_based, city.eligible), (exact("2000000"), 2));
}

#[test]
fn every_limit_is_a_calculation_line_with_the_company_s_numbers() {
    // The combined ceiling (C3), the dated cap and the per-company cap, each in both languages,
    // in the calculation lines themselves (not only in a note).
    let profile = example("c03-longgang-compute-same-contract");
    let as_of = date("2026-08-01");
    for (lang, parts) in [
        (Lang::En, ["¥10,000,000", "¥3,000,000", "¥5,000,000", "¥0", "2026-06-29"]),
        (Lang::Zh, ["10,000,000 元", "3,000,000 元", "5,000,000 元", "0 元", "2026-06-29"]),
    ] {
        let lines = calculation(&profile, "LG-COMPUTE", lang, as_of).join("\n");
        assert_has(&lines, &parts);
    }
    let library = haizhu_with_cap("6000000");
    let profile = all_three_haizhu(&library);
    let report = evaluate(&profile, &library, city_as_of()).unwrap();
    for (lang, parts) in [
        (Lang::En, ["¥6,000,000", "¥1,200,000", "¥5,000,000", "¥4,800,000"]),
        (Lang::Zh, ["6,000,000 元", "1,200,000 元", "5,000,000 元", "4,800,000 元"]),
    ] {
        let view = ReportView::new(&report, &profile, lang);
        let lines = programme_view(&view, "HZ-SCENARIO").calculation.join("\n");
        assert_has(&lines, &parts);
    }
    // The Zhuhai conditional cap in force shows its figure in the cap line.
    let zhuhai = at(
        "zhuhai",
        None,
        &[("company.national_title_year", year(2026)), ("zhuhai_compute.spend", money("30000000"))],
    );
    let lines = calculation(&zhuhai, "ZH-COMPUTE", Lang::Zh, city_as_of()).join("\n");
    assert_has(&lines, &["50% × 30,000,000 元 = 15,000,000 元", "按上限计 10,000,000 元"]);
}

#[test]
fn c03_a_programme_a_limit_leaves_at_nothing_says_so_in_its_verdict() {
    let profile = example("c03-longgang-compute-same-contract");
    let report = report_on(&profile, date("2026-08-01"));
    let en = ReportView::new(&report, &profile, Lang::En);
    let lg = programme_view(&en, "LG-COMPUTE");
    assert!(lg.cut_to_zero);
    assert_eq!(lg.verdict_label, "Eligible, ¥0 after the 50% ceiling");
    let zh = ReportView::new(&report, &profile, Lang::Zh);
    assert_eq!(programme_view(&zh, "LG-COMPUTE").verdict_label, "符合，受 50% 合计上限限制后为 0 元");
    // The city voucher, counted first, keeps its plain verdict.
    let sz = programme_view(&en, "SZ-COMPUTE");
    assert!(!sz.cut_to_zero);
    assert_eq!(sz.verdict_label, "Eligible");
    // Without the same contract, the district voucher pays in full and says nothing of a limit.
    let apart = with(profile, &[("longgang_compute.same_contract", NewValue::Bool(false))]);
    let report = report_on(&apart, date("2026-08-01"));
    let view = ReportView::new(&report, &apart, Lang::En);
    assert_eq!(programme_view(&view, "LG-COMPUTE").verdict_label, "Eligible");
}
