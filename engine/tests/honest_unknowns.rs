//! What the estimator says when it does not know: a made-up pack (`tests/packs/lowville.json`, for
//! Yangjiang companies) with a conditional rate and a conditional cap *below* the formula's own,
//! a tier choice the tiers do not list, and application windows in two rounds.

mod common;

use common::*;
use std::sync::OnceLock;
use subsidy_engine::force::{window_status, WindowStatus};
use subsidy_engine::profile::NewValue;
use subsidy_engine::report::{Amount, Note, Report, Step, Verdict};
use subsidy_engine::rules::Library;
use subsidy_engine::view::ReportView;
use subsidy_engine::{evaluate, Lang, Profile};

fn lowville() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/packs/lowville.json");
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        library_with("lowville.json", &text).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// A Yangjiang company spending ¥100,000, with the answers given on top.
fn company_with(values: &[(&str, NewValue)]) -> Profile {
    let mut profile = Profile::new(lowville());
    let base = [("company.city", choice("yangjiang")), ("lowville.spend", money("100000"))];
    for (id, value) in base.iter().chain(values) {
        let f = lowville().field(id).unwrap_or_else(|| panic!("no question {id}"));
        profile.set(f, value.clone()).unwrap_or_else(|e| panic!("{id}: {e:?}"));
    }
    profile
}

fn run(profile: &Profile) -> Report<'static> {
    evaluate(profile, lowville(), date("2026-06-01")).unwrap_or_else(|e| panic!("{e:?}"))
}

fn words(profile: &Profile, id: &str, lang: Lang) -> String {
    let report = run(profile);
    let view = ReportView::new(&report, profile, lang);
    let p = programme_view(&view, id);
    [p.calculation.clone(), p.notes.clone()].concat().join("\n")
}

#[test]
fn a_conditional_rate_below_the_base_rate_is_no_floor() {
    // 50% × 100,000 = 50,000; a member gets 20%: 20,000.
    let member = |answer: NewValue| {
        let report = run(&company_with(&[("lowville.member", answer)]));
        let o = outcome(&report, "LV-RATE");
        (o.verdict, o.amount)
    };
    assert_eq!(member(NewValue::Bool(false)), (Verdict::Eligible, Amount::RuleBased(yuan("50000"))));
    assert_eq!(member(NewValue::Bool(true)), (Verdict::Eligible, Amount::RuleBased(yuan("20000"))));
    // Not known: the band between them, never the 50,000 as a floor.
    assert_eq!(member(NewValue::Unknown), (Verdict::Eligible, Amount::Band(band("20000", "50000"))));
    let unknown = company_with(&[]);
    let report = run(&unknown);
    let o = outcome(&report, "LV-RATE");
    assert!(o.notes.iter().any(|n| matches!(n, Note::RateIfCondition { below: true, .. })));
    let en = words(&unknown, "LV-RATE", Lang::En);
    assert!(
        en.contains("The high end uses the basic rate; if an association member, 20% gives ¥20,000."),
        "{en}"
    );
    assert!(!en.contains("floor"), "{en}");
    let zh = words(&unknown, "LV-RATE", Lang::Zh);
    assert!(zh.contains("区间上限按基本比例计算；如属“协会会员”，按 20% 为 20,000 元。"), "{zh}");
    assert!(!zh.contains("下限"), "{zh}");
}

#[test]
fn a_conditional_cap_below_the_base_cap_is_no_floor() {
    let small = |answer: NewValue| {
        let report = run(&company_with(&[("lowville.small", answer)]));
        let o = outcome(&report, "LV-CAP");
        (o.verdict, o.amount)
    };
    assert_eq!(small(NewValue::Bool(false)), (Verdict::Eligible, Amount::RuleBased(yuan("50000"))));
    assert_eq!(small(NewValue::Bool(true)), (Verdict::Eligible, Amount::RuleBased(yuan("10000"))));
    assert_eq!(small(NewValue::Unknown), (Verdict::Eligible, Amount::Band(band("10000", "50000"))));
    let en = words(&company_with(&[]), "LV-CAP", Lang::En);
    assert!(
        en.contains(
            "The high end uses the basic cap; if a small firm, the cap is ¥10,000 and the amount ¥10,000."
        ),
        "{en}"
    );
    // The level's total is the band too, end by end.
    let report = run(&company_with(&[("lowville.member", NewValue::Bool(false))]));
    let city = totals(&report, subsidy_engine::rules::Level::City);
    // LV-RATE 50,000, LV-CAP 10,000 – 50,000, LV-TIER not answered: the top tier, 30,000.
    assert_eq!(city.rule_based, band("90000", "130000"));
}

#[test]
fn a_tier_answered_but_not_listed_gives_no_amount() {
    let tier = |grade: &str| {
        let report = run(&company_with(&[("lowville.grade", choice(grade))]));
        let o = outcome(&report, "LV-TIER");
        (o.amount, o.steps.to_vec())
    };
    assert_eq!(tier("gold").0, Amount::RuleBased(yuan("30000")));
    assert_eq!(tier("silver").0, Amount::RuleBased(yuan("20000")));
    let (amount, steps) = tier("bronze");
    assert_eq!(amount, Amount::None, "never the top tier's ceiling");
    assert!(matches!(steps.as_slice(), [Step::NoTier { .. }]), "{steps:?}");
    let bronze = company_with(&[("lowville.grade", choice("bronze"))]);
    assert!(
        words(&bronze, "LV-TIER", Lang::En).contains("the tier given, “Bronze”, has no amount in the rules")
    );
    assert!(words(&bronze, "LV-TIER", Lang::Zh).contains("所填档次“铜”在规则中没有对应金额"));
    // Not answered: the highest tier, with every tier listed.
    let report = run(&company_with(&[]));
    let o = outcome(&report, "LV-TIER");
    assert_eq!(o.amount, Amount::RuleBased(yuan("30000")));
    assert!(o.notes.iter().any(|n| matches!(n, Note::Tiers(_))));
}

#[test]
fn where_the_as_of_date_falls_among_the_windows() {
    let (_, programme) = lowville()
        .packs
        .iter()
        .flat_map(|p| p.programmes.iter().map(move |q| (p, q)))
        .find(|(_, q)| q.id == "LV-RATE")
        .unwrap();
    let status = |day: &str| {
        let text = |lang| {
            window_status(&programme.windows, date(day))
                .map(|s| subsidy_engine::explain::window_text(&s, lang))
        };
        (text(Lang::En).unwrap(), text(Lang::Zh).unwrap())
    };
    let kind = |day: &str| match window_status(&programme.windows, date(day)).unwrap() {
        WindowStatus::Open(w) => ("open", w.round),
        WindowStatus::Opens(w) => ("opens", w.round),
        WindowStatus::Closed(w) => ("closed", w.round),
        WindowStatus::NotYetPublished { year, .. } => ("not yet published", year),
    };
    assert_eq!(kind("2025-03-31"), ("open", 2025));
    assert_eq!(kind("2025-04-01"), ("opens", 2026));
    assert_eq!(status("2026-02-28").0, "opens on 2026-03-01 (2026 round, first batch)");
    assert_eq!(status("2026-03-01").0, "open until 2026-03-31 (2026 round, first batch)");
    assert_eq!(status("2026-03-31").1, "申报窗口开放中，截至 2026-03-31（2026年度第一批）");
    assert_eq!(
        status("2026-04-01").0,
        "opens on 2026-09-01 (2026 round, second batch) (source: one secondary source only)"
    );
    assert_eq!(
        status("2026-12-31").0,
        "open since 2026-09-01 (2026 round, second batch; closing date not published) (source: one secondary source only)"
    );
    assert_eq!(kind("2027-01-01"), ("not yet published", 2027));
    assert_eq!(
        status("2027-01-01").0,
        "not yet published for 2027 (last known: 2026 round, second batch, 2026-09-01 – not published) (source: one secondary source only)"
    );
    // A round that has closed, and no later one known.
    let first_round_only = &programme.windows[..1];
    assert!(matches!(window_status(first_round_only, date("2025-12-31")), Some(WindowStatus::Closed(_))));
    let closed = window_status(first_round_only, date("2025-12-31")).unwrap();
    assert_eq!(subsidy_engine::explain::window_text(&closed, Lang::En), "closed on 2025-03-31 (2025 round)");
    assert_eq!(subsidy_engine::explain::window_text(&closed, Lang::Zh), "已于 2025-03-31 截止（2025年度）");
    // The view carries it for the page and the sheet.
    let report = run(&company_with(&[]));
    let view = ReportView::new(&report, &company_with(&[]), Lang::En);
    assert_eq!(
        programme_view(&view, "LV-RATE").window.as_deref(),
        Some("opens on 2026-09-01 (2026 round, second batch) (source: one secondary source only)")
    );
    assert_eq!(programme_view(&view, "LV-CAP").window, None);
}
