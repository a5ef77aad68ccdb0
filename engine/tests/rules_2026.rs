//! The 2026 rules (city-brief.md §10): programmes that outlive their first document, the new
//! conditions that later documents add from a date, Guangzhou's 2026 district measures, and what a
//! company in a place without a pack is told. Worked examples C11–C17, and the edges of the
//! Shenzhen chain: 2026-05-01 (the model voucher's floor), 2026-12-17 (深工信规〔2024〕13号 ends),
//! 2027-06-30 (the 2026 operating rules end).

mod common;

use common::*;
use subsidy_engine::profile::NewValue;
use subsidy_engine::report::{Amount, Band, Note, Status, Verdict};
use subsidy_engine::rules::Level;
use subsidy_engine::view::ReportView;
use subsidy_engine::{Date, Lang, Profile};

/// The day a new user tries the estimator in the issue: after 13号 has ended.
fn after_13() -> Date {
    date("2026-12-20")
}

fn view(profile: &Profile, as_of: Date, lang: Lang) -> ReportView {
    ReportView::new(&report_on(profile, as_of), profile, lang)
}

fn verdict_and_amount(profile: &Profile, id: &str, as_of: &str) -> (Verdict, Amount) {
    let report = report_on(profile, date(as_of));
    let o = outcome(&report, id);
    (o.verdict, o.amount)
}

fn continues_notes(profile: &Profile, id: &str, as_of: Date) -> Vec<(String, String, bool)> {
    let report = report_on(profile, as_of);
    outcome(&report, id)
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::Continues { ended, under, reading } => Some((ended.id.clone(), under.id.clone(), *reading)),
            _ => None,
        })
        .collect()
}

#[test]
fn c11_the_model_voucher_rests_on_the_2026_operating_rules_after_13_ends() {
    let profile = example("c11-shenzhen-model-voucher-2026-rules");
    // 30% × 800,000 = 240,000, under the ¥1,000,000 in-principle cap.
    assert_eq!(
        verdict_and_amount(&profile, "SZ-MODEL", "2026-12-20"),
        (Verdict::Eligible, Amount::RuleBased(yuan("240000")))
    );
    // 13号 ended; the operating rules are known from one secondary digest only: a reading,
    // continues (taken) or lapsed (nothing).
    assert_eq!(
        continues_notes(&profile, "SZ-MODEL", after_13()),
        [("sz_ai_2024".to_string(), "sz_ops_2026".to_string(), true)]
    );
    let en = view(&profile, after_13(), Lang::En);
    let p = programme_view(&en, "SZ-MODEL");
    assert_eq!(p.basis, ["Shenzhen AI operating rules (2026 revision) (in force to 2027-06-30)"]);
    let notes = p.notes.join("\n");
    assert!(
        notes.contains("深工信规〔2024〕13号 ended on 2026-12-17. Reading taken: the programme continues under the Operating Rules of the Shenzhen AI Pioneer City Project Support Plan (2026 revision) (in force to 2027-06-30; source: one secondary source only), which gives ¥240,000. Other reading: it lapsed with 深工信规〔2024〕13号, which gives nothing."),
        "{notes}"
    );
    // The summary's source is the 2026 rules' article, not the lapsed measures'.
    assert!(p.source.starts_with("Shenzhen AI operating rules (2026 revision), "), "{}", p.source);
    // Its window: the second batch of 2026, its closing day not published.
    assert_eq!(
        p.window.as_deref(),
        Some("open since 2026-09-07 (2026 round, second batch (claims); closing date not published) (source: one secondary source only)")
    );
    let zh = view(&profile, after_13(), Lang::Zh);
    let p = programme_view(&zh, "SZ-MODEL");
    assert_eq!(p.basis, ["《深圳市人工智能先锋城市项目操作规程（2026年修订版）》（有效期至 2027-06-30）"]);
    assert!(p.notes.join("\n").contains("《深工信规〔2024〕13号》已于 2026-12-17 失效。解读：本项目依据《深圳市打造人工智能先锋城市项目扶持计划操作规程（2026年修订版）》继续（有效期至 2027-06-30；来源：仅一处二手来源），按此为 240,000 元。另一种解读：本项目随《深工信规〔2024〕13号》失效，为 0 元。"));
    // How fresh the rules are, for the packs that apply.
    let reviewed: Vec<&str> = en.packs.iter().map(|p| p.reviewed_label.as_str()).collect();
    assert_eq!(reviewed, ["rules reviewed on 2026-12-07", "rules reviewed on 2026-12-07"]);
    // Long after a review, the sheet says how long.
    let later = view(&profile, date("2027-06-10"), Lang::En);
    assert_eq!(
        later.packs[1].reviewed_label,
        "rules reviewed on 2026-12-07, 185 days before the as-of date: check for newer documents"
    );
}

#[test]
fn c12_every_basis_of_the_model_voucher_has_ended() {
    let profile = example("c11-shenzhen-model-voucher-2026-rules");
    let report = report_on(&profile, date("2027-07-01"));
    let o = outcome(&report, "SZ-MODEL");
    assert_eq!((o.verdict, o.amount), (Verdict::NotEligible, Amount::None));
    assert_eq!(o.not_in_force.map(|d| d.id.as_str()), Some("sz_ops_2026"));
    assert_eq!(o.would_have_been, Amount::RuleBased(yuan("240000")));
    let en = view(&profile, date("2027-07-01"), Lang::En);
    let notes = programme_view(&en, "SZ-MODEL").notes.join("\n");
    assert!(
        notes.contains("Not eligible: Shenzhen AI operating rules (2026 revision) ended on 2027-06-30 and no later document for this programme was found (rules reviewed on 2026-12-07): ask Shenzhen Industry and IT Bureau whether a new round is planned."),
        "{notes}"
    );
    // The last day of the 2026 rules it is still in force.
    assert_eq!(
        verdict_and_amount(&profile, "SZ-MODEL", "2027-06-30"),
        (Verdict::Eligible, Amount::RuleBased(yuan("240000")))
    );
}

#[test]
fn c09_the_training_compute_voucher_has_no_later_document() {
    // C1's company as of 2026-12-20: see city_examples.rs for the words; here, the edges of 13号.
    let profile = example("c01-shenzhen-compute-voucher");
    assert_eq!(
        verdict_and_amount(&profile, "SZ-COMPUTE", "2026-12-17"),
        (Verdict::Eligible, Amount::RuleBased(yuan("4000000")))
    );
    let report = report_on(&profile, date("2026-12-18"));
    let o = outcome(&report, "SZ-COMPUTE");
    assert_eq!((o.verdict, o.would_have_been), (Verdict::NotEligible, Amount::RuleBased(yuan("4000000"))));
    let renewal = o.notes.iter().find_map(|n| match n {
        Note::NotInForce { renewal_unseen, .. } => Some(*renewal_unseen),
        _ => None,
    });
    assert_eq!(renewal, Some(Some(date("2026-12-07"))), "recurring: no later document was found");
    // On 2026-12-17 its lapse is announced, with nothing to carry it on.
    let report = report_on(&profile, date("2026-12-17"));
    let lapses: Vec<_> = outcome(&report, "SZ-COMPUTE")
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::Lapses { days, continues, .. } => Some((*days, continues.map(|d| d.id.as_str()))),
            _ => None,
        })
        .collect();
    assert_eq!(lapses, [(0, None)]);
}

#[test]
fn the_shenzhen_chain_around_13s_end() {
    let profile = example("c11-shenzhen-model-voucher-2026-rules");
    // Both in force on the 17th: the lapse is announced with what carries the voucher on.
    let en = view(&profile, date("2026-12-17"), Lang::En);
    let p = programme_view(&en, "SZ-MODEL");
    assert_eq!(p.basis.len(), 2, "{:?}", p.basis);
    assert!(
        p.notes.join("\n").contains("Note: 深工信规〔2024〕13号 lapses on 2026-12-17 (0 days after the as-of date); the programme continues under the Operating Rules of the Shenzhen AI Pioneer City Project Support Plan (2026 revision) (in force to 2027-06-30)."),
        "{:?}",
        p.notes
    );
    assert!(continues_notes(&profile, "SZ-MODEL", date("2026-12-17")).is_empty());
    // From the 18th: the 2026 rules alone.
    assert_eq!(continues_notes(&profile, "SZ-MODEL", date("2026-12-18")).len(), 1);
    assert_eq!(programme_view(&view(&profile, date("2026-12-18"), Lang::En), "SZ-MODEL").basis.len(), 1);
    // The corpus voucher, run by another bureau, ends with 13号 like the training-compute voucher.
    let corpus = with(
        company(),
        &[
            ("company.city", choice("shenzhen")),
            ("corpus_purchase.amount", money("1000000")),
            ("corpus_purchase.non_affiliated", NewValue::Bool(true)),
            ("corpus_purchase.on_data_exchange", NewValue::Bool(true)),
            ("corpus_purchase.for_model_rd", NewValue::Bool(true)),
        ],
    );
    assert_eq!(verdict_and_amount(&corpus, "SZ-CORPUS", "2026-12-17").1, Amount::RuleBased(yuan("300000")));
    let en = view(&corpus, date("2026-12-18"), Lang::En);
    let notes = programme_view(&en, "SZ-CORPUS").notes.join("\n");
    assert!(
        notes.contains(
            "ask Shenzhen Government Service and Data Administration whether a new round is planned"
        ),
        "{notes}"
    );
}

#[test]
fn c13_the_model_voucher_floor_from_2026_05_01() {
    let profile = example("c13-shenzhen-model-voucher-below-floor");
    // Before the 2026 rules: 30% × 400,000 = 120,000, no floor.
    assert_eq!(
        verdict_and_amount(&profile, "SZ-MODEL", "2026-04-30"),
        (Verdict::Eligible, Amount::RuleBased(yuan("120000")))
    );
    let report = report_on(&profile, date("2026-04-30"));
    assert!(!outcome(&report, "SZ-MODEL")
        .conditions
        .iter()
        .any(|c| c.condition.id == "purchases_at_least_500000"));
    // From 2026-05-01: purchases under ¥500,000 do not qualify; ¥100,000 short is a near miss.
    for as_of in ["2026-05-01", "2026-08-01"] {
        let report = report_on(&profile, date(as_of));
        let o = outcome(&report, "SZ-MODEL");
        assert_eq!((o.verdict, o.amount), (Verdict::NotEligible, Amount::None), "{as_of}");
        let floor = o.conditions.iter().find(|c| c.condition.id == "purchases_at_least_500000").unwrap();
        assert_eq!(floor.status, Status::NotMet, "{as_of}");
        assert_eq!(o.hints.len(), 1, "{as_of}");
    }
    let en = words_on(&profile, "SZ-MODEL", Lang::En, date("2026-08-01"));
    assert!(en.contains("Close: Model-service purchase fees ¥400,000; ¥500,000 or more qualifies."), "{en}");
    // At the floor it qualifies.
    let at_floor = with(profile, &[("model_services.fees", money("500000"))]);
    assert_eq!(
        verdict_and_amount(&at_floor, "SZ-MODEL", "2026-08-01"),
        (Verdict::Eligible, Amount::RuleBased(yuan("150000")))
    );
}

#[test]
fn c14_the_best_seller_award_asks_for_10m_of_rd_from_2026() {
    let profile = example("c14-shenzhen-embodied-robot-2026-rules");
    assert_eq!(
        verdict_and_amount(&profile, "SZ-BESTSELLER", "2026-08-01"),
        (Verdict::Eligible, Amount::RuleBased(yuan("2000000")))
    );
    let less = with(profile.clone(), &[("company.rd_spend_previous_year", money("8000000"))]);
    let report = report_on(&less, date("2026-08-01"));
    let o = outcome(&report, "SZ-BESTSELLER");
    assert_eq!((o.verdict, o.amount), (Verdict::NotEligible, Amount::None));
    let rd = o.conditions.iter().find(|c| c.condition.id == "rd_at_least_10m").unwrap();
    assert_eq!(rd.status, Status::NotMet);
    // Before the 2026 rules the R&D condition did not exist.
    assert_eq!(
        verdict_and_amount(&less, "SZ-BESTSELLER", "2026-04-30"),
        (Verdict::Eligible, Amount::RuleBased(yuan("2000000")))
    );
    // R&D not given: the verdict waits for it.
    let unknown_rd = with(profile, &[("company.rd_spend_previous_year", unknown())]);
    let report = report_on(&unknown_rd, date("2026-08-01"));
    let o = outcome(&report, "SZ-BESTSELLER");
    assert_eq!(o.verdict, Verdict::Undetermined);
    assert_eq!(o.missing.as_slice(), [field("company.rd_spend_previous_year")]);
}

#[test]
fn c15_baiyun_compute_subsidy() {
    let profile = example("c15-baiyun-compute-small-firm");
    let as_of = "2026-12-20";
    // 15% × 2,000,000 for a small firm; 10% otherwise.
    assert_eq!(
        verdict_and_amount(&profile, "BY-COMPUTE", as_of),
        (Verdict::Eligible, Amount::RuleBased(yuan("300000")))
    );
    let opc = with(profile.clone(), &[("company.size", choice("opc"))]);
    assert_eq!(verdict_and_amount(&opc, "BY-COMPUTE", as_of).1, Amount::RuleBased(yuan("300000")));
    let medium = with(profile.clone(), &[("company.size", choice("medium"))]);
    assert_eq!(verdict_and_amount(&medium, "BY-COMPUTE", as_of).1, Amount::RuleBased(yuan("200000")));
    // Size not given: from 10% to 15%, each noted.
    let unknown_size = with(profile.clone(), &[("company.size", unknown())]);
    assert_eq!(
        verdict_and_amount(&unknown_size, "BY-COMPUTE", as_of),
        (Verdict::Eligible, Amount::Band(band("200000", "300000")))
    );
    // Exactly ¥1,000,000 is not "over" it: not eligible, a near miss.
    let exactly = with(profile, &[("baiyun_compute.spend", money("1000000"))]);
    let report = report_on(&exactly, date(as_of));
    let o = outcome(&report, "BY-COMPUTE");
    assert_eq!((o.verdict, o.hints.len()), (Verdict::NotEligible, 1));
    let en = view(&exactly, date(as_of), Lang::En);
    let p = programme_view(&en, "BY-COMPUTE");
    assert!(p.hints[0].contains("more than ¥1,000,000 qualifies"), "{:?}", p.hints);
    // The district's pack applies beside the city's (Guangzhou: support with nothing to estimate).
    let ids: Vec<&str> = en.packs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["guangdong-ai-robotics-2025", "guangzhou", "baiyun"]);
    let info: Vec<&str> =
        en.informational.iter().map(|i| i.id.as_str()).filter(|id| id.starts_with("GZ")).collect();
    assert_eq!(info, ["GZ-AI-PLAN", "GZ-ROBOT"]);
    assert!(en.gaps.is_empty(), "{:?}", en.gaps);
}

#[test]
fn c16_haizhu_opc_compute_subsidy() {
    let profile = example("c16-haizhu-opc-compute");
    // 50% × 600,000 = 300,000 → the ¥200,000 yearly cap.
    assert_eq!(
        verdict_and_amount(&profile, "HZ-OPC-COMPUTE", "2026-12-20"),
        (Verdict::Eligible, Amount::RuleBased(yuan("200000")))
    );
    // Not an OPC: not eligible.
    let small = with(profile.clone(), &[("company.size", choice("small_micro"))]);
    assert_eq!(verdict_and_amount(&small, "HZ-OPC-COMPUTE", "2026-12-20").0, Verdict::NotEligible);
    // Before the measures: not in force.
    assert_eq!(verdict_and_amount(&profile, "HZ-OPC-COMPUTE", "2026-03-18").0, Verdict::NotEligible);
}

#[test]
fn c17_a_huizhou_company_is_told_what_the_estimator_has_for_it() {
    let profile = example("c17-huizhou-little-giant");
    let report = report_on(&profile, after_13());
    assert_eq!(
        (outcome(&report, "P2-LG").verdict, outcome(&report, "P2-LG").amount),
        (Verdict::Eligible, Amount::RuleBased(yuan("800000")))
    );
    assert_eq!(report.packs.iter().map(|p| p.level).collect::<Vec<_>>(), [Level::Province]);
    // No Huizhou pack, but the city award the provincial match rests on is Huizhou's: a line at
    // city level, named by the company's city, counted in a city total.
    let city = outcome(&report, "P2-LG-CITY");
    assert_eq!(
        (city.level, city.verdict, city.amount),
        (Level::City, Verdict::Eligible, Amount::RuleBased(yuan("800000")))
    );
    let levels: Vec<_> = report.totals.iter().map(|t| (t.level, t.rule_based)).collect();
    assert_eq!(
        levels,
        [(Level::Province, Band::exact(yuan("800000"))), (Level::City, Band::exact(yuan("800000")))]
    );
    let line = view(&profile, after_13(), Lang::Zh);
    assert_eq!(programme_view(&line, "P2-LG-CITY").place, "惠州市");
    assert_eq!(report.gaps.len(), 1);
    assert_eq!(report.gaps[0].coverage.level, Level::City);
    let en = view(&profile, after_13(), Lang::En);
    assert_eq!(en.gaps.len(), 1);
    assert!(
        en.gaps[0].starts_with("The estimator has no city-level programme for Huizhou (rules reviewed on 2026-12-07); ask the city's Industry and Information Technology Bureau. The provincial programmes are shown as usual."),
        "{}",
        en.gaps[0]
    );
    assert!(en.gaps[0].contains("惠市工信〔2024〕240号"), "{}", en.gaps[0]);
    let zh = view(&profile, after_13(), Lang::Zh);
    assert!(
        zh.gaps[0].starts_with("本工具未收录惠州市的市级项目（规则核对于 2026-12-07）；请向所在地市工业和信息化局咨询。省级项目照常列出。"),
        "{}",
        zh.gaps[0]
    );
    // Jiangmen: the same, without the Huizhou note.
    let jiangmen = with(profile, &[("company.city", choice("jiangmen"))]);
    let en = view(&jiangmen, after_13(), Lang::En);
    assert_eq!(
        en.gaps,
        ["The estimator has no city-level programme for Jiangmen (rules reviewed on 2026-12-07); ask the city's Industry and Information Technology Bureau. The provincial programmes are shown as usual."]
    );
}

#[test]
fn a_district_without_a_pack_is_named_and_a_city_with_one_is_not() {
    let nanshan =
        with(company(), &[("company.city", choice("shenzhen")), ("company.district", choice("nanshan"))]);
    let en = view(&nanshan, after_13(), Lang::En);
    assert_eq!(en.gaps.len(), 1, "{:?}", en.gaps);
    assert!(
        en.gaps[0].starts_with("The estimator has no district-level programme for Nanshan District"),
        "{}",
        en.gaps[0]
    );
    let longgang = with(nanshan.clone(), &[("company.district", choice("longgang"))]);
    assert!(view(&longgang, after_13(), Lang::En).gaps.is_empty());
    // District not given: nothing is claimed.
    let no_district = with(nanshan, &[("company.district", unknown())]);
    assert!(view(&no_district, after_13(), Lang::En).gaps.is_empty());
    // A library with no city or district packs at all (the page's first part) claims nothing.
    let base = subsidy_engine::Library::from_packs(
        lib().packs.iter().filter(|p| matches!(p.level, Level::Common | Level::Province)).cloned().collect(),
    )
    .unwrap();
    let huizhou =
        Profile::from_json(&base, r#"{"format_version": 2, "answers": {"company.city": "huizhou"}}"#)
            .unwrap();
    let report = subsidy_engine::evaluate(&huizhou, &base, after_13()).unwrap();
    assert!(report.gaps.is_empty());
}

#[test]
fn the_new_shenzhen_programmes_of_the_2026_rules() {
    let task = |values: &[(&str, NewValue)]| {
        with(
            company(),
            &[("company.city", choice("shenzhen"))]
                .iter()
                .cloned()
                .chain(values.iter().cloned())
                .collect::<Vec<_>>(),
        )
    };
    // State-funded: a 1:1 match up to ¥10,000,000.
    let funded = task(&[
        ("national_task.state_funded", NewValue::Bool(true)),
        ("national_task.state_funding", money("6000000")),
    ]);
    assert_eq!(
        verdict_and_amount(&funded, "SZ-TASK-MATCH", "2026-12-20"),
        (Verdict::Eligible, Amount::RuleBased(yuan("6000000")))
    );
    assert_eq!(verdict_and_amount(&funded, "SZ-TASK-SELF", "2026-12-20").0, Verdict::NotEligible);
    let big = with(funded, &[("national_task.state_funding", money("15000000"))]);
    assert_eq!(
        verdict_and_amount(&big, "SZ-TASK-MATCH", "2026-12-20").1,
        Amount::RuleBased(yuan("10000000"))
    );
    // Not state-funded: up to ¥5,000,000 shortlisted, ¥10,000,000 a winner (ceilings).
    let own = task(&[
        ("national_task.state_funded", NewValue::Bool(false)),
        ("national_task.result", choice("shortlisted")),
    ]);
    assert_eq!(
        verdict_and_amount(&own, "SZ-TASK-SELF", "2026-12-20"),
        (Verdict::Eligible, Amount::Ceiling(yuan("5000000")))
    );
    let winner = with(own, &[("national_task.result", choice("winner"))]);
    assert_eq!(
        verdict_and_amount(&winner, "SZ-TASK-SELF", "2026-12-20").1,
        Amount::Ceiling(yuan("10000000"))
    );
    // Before the 2026 rules they did not exist.
    assert_eq!(verdict_and_amount(&winner, "SZ-TASK-SELF", "2026-04-30").0, Verdict::NotEligible);
    // The ecosystem centre: at most ¥30,000,000 a year, a ceiling.
    let centre = task(&[("ai_ecosystem_centre.recognised", NewValue::Bool(true))]);
    assert_eq!(
        verdict_and_amount(&centre, "SZ-ECO-CENTRE", "2026-12-20"),
        (Verdict::Eligible, Amount::Ceiling(yuan("30000000")))
    );
    // The OPC plan is listed, with nothing to estimate.
    let en = view(&centre, after_13(), Lang::En);
    assert!(en.informational.iter().any(|i| i.id == "SZ-OPC"));
}
