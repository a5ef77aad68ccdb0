//! The city worked examples of `shared/rules/city-brief.md` §8 that the Shenzhen pack covers, on
//! the format-2 profiles `engine/profiles/c*.json`: verdicts, amounts, the readings a reader must
//! see, and what the view says about sources and how to apply. As of 2026-06-01 unless stated.
//! C3's district part (LG-COMPUTE and the combined 50% ceiling), and C4–C6, are in
//! `city_district_examples.rs`.

mod common;

use common::*;
use subsidy_engine::report::{Amount, Note, Status, Verdict};
use subsidy_engine::rules::{Confidence, Level};
use subsidy_engine::view::ReportView;
use subsidy_engine::{Date, Lang, Profile};

fn city_report(profile: &Profile) -> subsidy_engine::Report<'static> {
    report_on(profile, city_as_of())
}

fn view_on(profile: &Profile, as_of: Date, lang: Lang) -> ReportView {
    ReportView::new(&report_on(profile, as_of), profile, lang)
}

/// Every other programme of the report: the province's and the city's, none of them switched on.
fn others_not_applicable(report: &subsidy_engine::Report<'_>, id: &str) {
    for o in report.outcomes.iter().filter(|o| o.programme.id != id) {
        assert_eq!(o.verdict, Verdict::NotApplicable, "{}", o.programme.id);
        assert_eq!(o.amount, Amount::None, "{}", o.programme.id);
    }
}

#[test]
fn c01_compute_voucher_at_half_the_contract() {
    let profile = example("c01-shenzhen-compute-voucher");
    let report = city_report(&profile);
    assert_eq!(report.packs.iter().map(|p| p.level).collect::<Vec<_>>(), [Level::Province, Level::City]);
    let o = outcome(&report, "SZ-COMPUTE");
    assert_eq!(o.pack.id, "shenzhen-ai-2024");
    assert_eq!(o.verdict, Verdict::Eligible);
    assert_eq!(o.amount, Amount::RuleBased(yuan("4000000")));
    assert!(o.conditions.iter().all(|c| c.status == Status::Met));
    // Founded in 2021: not a start-up, and nothing says 60% might apply.
    assert!(!o.notes.iter().any(|n| matches!(n, Note::RateApplies(_) | Note::RateIfCondition { .. })));
    let en = words_on(&profile, "SZ-COMPUTE", Lang::En, city_as_of());
    assert!(en.contains("50% × ¥8,000,000 = ¥4,000,000"), "{en}");
    assert!(en.contains("the ¥10,000,000 cap is not reached"), "{en}");
    let zh = words_on(&profile, "SZ-COMPUTE", Lang::Zh, city_as_of());
    assert!(zh.contains("50% × 8,000,000 元 = 4,000,000 元"), "{zh}");
    let city = totals(&report, Level::City);
    assert_eq!(
        (city.rule_based, city.competitive_ceilings, city.eligible),
        (exact("4000000"), exact("0"), 1)
    );
    assert_eq!(province(&report).rule_based, yuan("0"));
    others_not_applicable(&report, "SZ-COMPUTE");
}

#[test]
fn c02_startup_rate_is_capped_at_10_million() {
    let profile = example("c02-shenzhen-compute-startup");
    let report = city_report(&profile);
    let o = outcome(&report, "SZ-COMPUTE");
    assert_eq!(o.verdict, Verdict::Eligible);
    assert_eq!(o.amount, Amount::RuleBased(yuan("10000000")));
    assert!(o.notes.iter().any(|n| matches!(n, Note::RateApplies(r) if r.rate == yuan("0.60"))));
    let en = words_on(&profile, "SZ-COMPUTE", Lang::En, city_as_of());
    assert!(en.contains("60% × ¥20,000,000 = ¥12,000,000"), "{en}");
    assert!(en.contains("capped to ¥10,000,000"), "{en}");
    assert!(en.contains("60% applies: a start-up: under one year old at application."), "{en}");
    // Below the cap the rate shows: a start-up on the measures' last day still gets 60%; a firm
    // founded a year before the as-of date no longer does, one founded a day later still does.
    let older = with(profile.clone(), &[("compute_rental.contract_amount", money("10000000"))]);
    let amount = |as_of: &str| outcome(&report_on(&older, date(as_of)), "SZ-COMPUTE").amount;
    assert_eq!(amount("2026-12-17"), Amount::RuleBased(yuan("6000000")));
    let founded_a_year_earlier = with(older.clone(), &[("company.founded", day("2025-06-01"))]);
    assert_eq!(
        outcome(&city_report(&founded_a_year_earlier), "SZ-COMPUTE").amount,
        Amount::RuleBased(yuan("5000000"))
    );
    let one_day_short = with(older, &[("company.founded", day("2025-06-02"))]);
    assert_eq!(
        outcome(&city_report(&one_day_short), "SZ-COMPUTE").amount,
        Amount::RuleBased(yuan("6000000"))
    );
}

#[test]
fn c03_compute_voucher_in_longgang_without_a_founding_date() {
    let profile = with(example("c03-longgang-compute-same-contract"), &[("company.founded", unknown())]);
    let as_of = date("2026-08-01");
    let report = report_on(&profile, as_of);
    let o = outcome(&report, "SZ-COMPUTE");
    assert_eq!(o.verdict, Verdict::Eligible);
    // The founding date is unknown: from 50% (the floor) to the 60% of a start-up, each noted.
    assert_eq!(o.amount, Amount::Band(band("5000000", "6000000")));
    let if_startup: Vec<_> = o
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::RateIfCondition { rate, amount, .. } => Some((rate.rate, *amount)),
            _ => None,
        })
        .collect();
    assert_eq!(if_startup, [(yuan("0.60"), exact("6000000"))]);
    assert!(o.missing.is_empty(), "the rate is not a condition: nothing is missing");
    let en = words_on(&profile, "SZ-COMPUTE", Lang::En, as_of);
    assert!(
        en.contains("The low end uses the basic rate; if a start-up: under one year old at application, 60% gives ¥6,000,000."),
        "{en}"
    );
    let zh = words_on(&profile, "SZ-COMPUTE", Lang::Zh, as_of);
    assert!(zh.contains("按 60% 为 6,000,000 元"), "{zh}");
    // The reading of "start-up" is shown with its alternative.
    assert!(o.notes.iter().any(|n| matches!(n, Note::Reading(r) if r.id == "startup")));
    // The stacking rule of the 2026 guide is told to a reader whose district may claim too.
    assert!(en.contains("may not exceed 50% of that contract"), "{en}");
}

#[test]
fn c07_model_voucher_cap_reading() {
    let profile = example("c07-shenzhen-model-voucher");
    let report = city_report(&profile);
    let o = outcome(&report, "SZ-MODEL");
    assert_eq!(o.verdict, Verdict::Eligible);
    assert_eq!(o.amount, Amount::RuleBased(yuan("1000000")));
    let others: Vec<_> = o
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::Alternative { alternative, amount } => Some((alternative.cap, *amount)),
            _ => None,
        })
        .collect();
    assert_eq!(others, [(Some(yuan("2000000")), exact("1500000"))]);
    assert!(o.notes.iter().any(|n| matches!(n, Note::Reading(r) if r.id == "model_cap")));
    let en = words_on(&profile, "SZ-MODEL", Lang::En, city_as_of());
    assert!(en.contains("30% × ¥5,000,000 = ¥1,500,000"), "{en}");
    assert!(en.contains("capped to ¥1,000,000"), "{en}");
    assert!(en.contains("it would give ¥1,500,000"), "{en}");
    let zh = words_on(&profile, "SZ-MODEL", Lang::Zh, city_as_of());
    assert!(zh.contains("按此为 1,500,000 元"), "{zh}");
    // Below the in-principle cap the readings agree, and the other one is not shown.
    let small = with(profile, &[("model_services.fees", money("3000000"))]);
    let report = city_report(&small);
    let o = outcome(&report, "SZ-MODEL");
    assert_eq!(o.amount, Amount::RuleBased(yuan("900000")));
    assert!(!o.notes.iter().any(|n| matches!(n, Note::Alternative { .. })));
}

#[test]
fn c08_bestseller_award_with_the_threshold_to_confirm() {
    let profile = example("c08-shenzhen-embodied-robot-bestseller");
    let report = city_report(&profile);
    let o = outcome(&report, "SZ-BESTSELLER");
    assert_eq!(o.verdict, Verdict::Eligible);
    assert_eq!(o.amount, Amount::RuleBased(yuan("2000000")));
    // The sales scale is not published: assumed, listed for the applicant to confirm.
    let scale = o.conditions.iter().find(|c| c.condition.id == "reaches_scale").unwrap();
    assert_eq!(scale.status, Status::Assumed);
    let en = words_on(&profile, "SZ-BESTSELLER", Lang::En, city_as_of());
    assert!(en.contains("5% × ¥40,000,000 = ¥2,000,000"), "{en}");
    assert!(en.contains("to confirm"), "{en}");
    let view = view_on(&profile, city_as_of(), Lang::En);
    let p = programme_view(&view, "SZ-BESTSELLER");
    let c = p.conditions.iter().find(|c| c.id == "reaches_scale").unwrap();
    assert_eq!(c.status_label, "not answered: please confirm");
}

#[test]
fn c09_compute_voucher_after_the_measures_lapsed() {
    // C1's company, as of 2026-12-20: 深工信规〔2024〕13号 lapsed on 2026-12-17.
    let profile = example("c09-shenzhen-compute-voucher-after-lapse");
    assert_eq!(profile, example("c01-shenzhen-compute-voucher"));
    let as_of = date("2026-12-20");
    let report = report_on(&profile, as_of);
    let o = outcome(&report, "SZ-COMPUTE");
    assert_eq!(o.verdict, Verdict::NotEligible);
    assert_eq!(o.amount, Amount::None);
    assert_eq!(o.not_in_force.map(|d| d.number.as_deref().unwrap_or_default()), Some("深工信规〔2024〕13号"));
    assert_eq!(o.would_have_been, Amount::RuleBased(yuan("4000000")));
    let city = totals(&report, Level::City);
    assert_eq!((city.rule_based, city.eligible, city.undetermined), (exact("0"), 0, 0));
    // Said plainly: the document ended, no later one carries the voucher, whom to ask, and
    // what it would have given as information only.
    let en = words_on(&profile, "SZ-COMPUTE", Lang::En, as_of);
    assert!(
        en.contains("Not eligible: 深工信规〔2024〕13号 ended on 2026-12-17 and no later document for this programme was found (rules reviewed on 2026-12-07): ask Shenzhen Science, Technology and Innovation Bureau whether a new round is planned."),
        "{en}"
    );
    assert!(en.contains("Were it in force, the rules would give ¥4,000,000 (information only)."), "{en}");
    let zh = words_on(&profile, "SZ-COMPUTE", Lang::Zh, as_of);
    assert!(
        zh.contains("不符合：《深工信规〔2024〕13号》已于 2026-12-17 失效，未发现延续本项目的后续文件（规则核对于 2026-12-07）；请向深圳市科技创新局咨询是否安排新一轮申报。"),
        "{zh}"
    );
    assert!(zh.contains("若文件有效，按规则为 4,000,000 元（仅供参考）"), "{zh}");
    let view = view_on(&profile, as_of, Lang::En);
    let p = programme_view(&view, "SZ-COMPUTE");
    assert!(p.not_in_force);
    assert_eq!(p.verdict_label, "Not eligible (document not in force)");
    assert_eq!(p.amount_label, "—");
    let document = view.documents.iter().find(|d| d.name == "深工信规〔2024〕13号").unwrap();
    assert_eq!(document.in_force_on_as_of, Some(false));
}

#[test]
fn c10_compute_contract_below_the_threshold_gets_a_near_miss_hint() {
    let profile = example("c10-shenzhen-compute-too-small");
    let report = city_report(&profile);
    let o = outcome(&report, "SZ-COMPUTE");
    assert_eq!(o.verdict, Verdict::NotEligible);
    assert_eq!(o.amount, Amount::None);
    let failed: Vec<_> =
        o.conditions.iter().filter(|c| c.status == Status::NotMet).map(|c| c.condition.id.as_str()).collect();
    assert_eq!(failed, ["rental_at_least_500000"]);
    // city-brief.md §8 C10: 300,000 is 200,000 short of 500,000 and still gets a hint, so the
    // pack's near-miss margin on this threshold must be at least 200,000.
    let margin = o.programme.conditions.iter().find(|c| c.id == "rental_at_least_500000").and_then(|c| {
        match &c.test {
            subsidy_engine::rules::Test::AtLeast { near_miss, .. } => *near_miss,
            _ => None,
        }
    });
    assert_eq!(
        o.hints.len(),
        1,
        "no near-miss hint: shenzhen.json's near_miss is {margin:?}, C10 needs 200000 or more"
    );
    assert_eq!(o.hints[0].field, field("compute_rental.contract_amount"));
    let en = words_on(&profile, "SZ-COMPUTE", Lang::En, city_as_of());
    assert!(
        en.contains("Close: Compute-rental service contract amount ¥300,000; ¥500,000 or more qualifies."),
        "{en}"
    );
}

#[test]
fn the_view_shows_confidence_and_how_to_apply_for_every_city_programme() {
    let profiles = [
        "c01-shenzhen-compute-voucher",
        "c02-shenzhen-compute-startup",
        "c03-longgang-compute-same-contract",
        "c07-shenzhen-model-voucher",
        "c08-shenzhen-embodied-robot-bestseller",
        "c10-shenzhen-compute-too-small",
    ];
    for name in profiles {
        let profile = example(name);
        // A Longgang company also has its district's pack; the others are in Nanshan, which has
        // none.
        let longgang = name.starts_with("c03");
        for lang in Lang::ALL {
            let view = view_on(&profile, city_as_of(), lang);
            let mut packs = vec!["guangdong-ai-robotics-2025", "shenzhen-ai-2024"];
            if longgang {
                packs.push("longgang");
            }
            assert_eq!(view.packs.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), packs, "{name}");
            // The city's own ten, and the city awards the provincial matches rest on (declared
            // in the provincial pack, shown at city level, here not applicable).
            let city: Vec<_> = view.programmes.iter().filter(|p| p.level == Level::City).collect();
            assert_eq!(city.iter().filter(|p| p.pack == "shenzhen-ai-2024").count(), 10, "{name}");
            let awards: Vec<&str> =
                city.iter().filter(|p| p.pack != "shenzhen-ai-2024").map(|p| p.id.as_str()).collect();
            assert_eq!(awards, ["P2-LG-CITY", "P2-SC-CITY"], "{name}");
            let district: Vec<_> = view.programmes.iter().filter(|p| p.level == Level::District).collect();
            let ids: Vec<&str> = district.iter().map(|p| p.id.as_str()).collect();
            assert_eq!(ids, if longgang { vec!["LG-COMPUTE"] } else { vec![] }, "{name}");
            for p in city.iter().chain(&district) {
                assert!(!p.confidence_label.trim().is_empty(), "{name} {}", p.id);
                assert!(
                    !p.apply_channel.trim().is_empty() && !p.apply_office.trim().is_empty(),
                    "{name} {}",
                    p.id
                );
                assert!(!p.citations.is_empty() && !p.source.is_empty(), "{name} {}", p.id);
            }
            for p in city {
                assert_eq!(p.place, lang.pick("深圳市", "Shenzhen"));
            }
            for p in district {
                assert_eq!(p.place, lang.pick("深圳市龙岗区", "Longgang District, Shenzhen"));
            }
        }
    }
    let view = view_on(&example("c01-shenzhen-compute-voucher"), city_as_of(), Lang::En);
    let p = programme_view(&view, "SZ-COMPUTE");
    assert_eq!(p.confidence, Confidence::Text);
    assert_eq!(p.confidence_label, "official text");
    assert!(
        p.confidence_note.as_deref().is_some_and(|n| n.contains("[NEWS, weak]")),
        "{:?}",
        p.confidence_note
    );
    assert_eq!(p.apply_office, "Shenzhen Science, Technology and Innovation Bureau");
    assert_eq!(p.apply_documents, ["The compute-rental service contract"]);
    let zh = view_on(&example("c07-shenzhen-model-voucher"), city_as_of(), Lang::Zh);
    let p = programme_view(&zh, "SZ-MODEL");
    assert_eq!((p.confidence, p.confidence_label.as_str()), (Confidence::News, "据新闻摘要"));
    assert!(p.apply_office.starts_with("深圳市工业和信息化局"), "{}", p.apply_office);
}

#[test]
fn a_company_elsewhere_sees_no_shenzhen_programme() {
    let mut profile = example("c01-shenzhen-compute-voucher");
    set(&mut profile, "company.district", subsidy_engine::profile::NewValue::Unknown);
    // A city without a pack of its own: the province only.
    set(&mut profile, "company.city", choice("huizhou"));
    let report = city_report(&profile);
    assert_eq!(
        report.packs.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ["guangdong-ai-robotics-2025"]
    );
    assert!(report.outcomes.iter().all(|o| o.pack.level == Level::Province));
    assert_eq!(report.totals.iter().map(|t| t.level).collect::<Vec<_>>(), [Level::Province]);
    // Foshan has its own pack: the province and Foshan, still nothing of Shenzhen's (the compute
    // answers stay, and no Foshan programme reads them).
    set(&mut profile, "company.city", choice("foshan"));
    let report = city_report(&profile);
    assert_eq!(
        report.packs.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ["guangdong-ai-robotics-2025", "foshan"]
    );
    assert!(report.outcomes.iter().all(|o| o.pack.id != "shenzhen-ai-2024"));
    assert!(report.outcomes.iter().all(|o| o.verdict == Verdict::NotApplicable), "no Foshan topic is on");
    assert_eq!(report.totals.iter().map(|t| t.level).collect::<Vec<_>>(), [Level::Province, Level::City]);
    assert_eq!(totals(&report, Level::City).rule_based, yuan("0"));
    // With the city unknown, no city pack is a clear yes either.
    set(&mut profile, "company.city", subsidy_engine::profile::NewValue::Unknown);
    assert_eq!(city_report(&profile).packs.len(), 1);
}
