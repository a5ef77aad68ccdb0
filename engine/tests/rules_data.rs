//! The rule data: the embedded file loads and is complete, and a change of policy is an edit to
//! data, not to the engine.

mod common;

use common::*;
use subsidy_engine::report::{Amount, Verdict};
use subsidy_engine::rules::{RuleError, RuleSet, GUANGDONG_2025_JSON};
use subsidy_engine::{evaluate, Lang};

#[test]
fn the_embedded_rule_set_loads() {
    let rules = RuleSet::from_json(GUANGDONG_2025_JSON).unwrap();
    let ids: Vec<&str> = rules.programmes.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["P1", "P2-LG", "P2-SC", "P3", "P4", "P5", "I1", "I2", "I3", "I4", "I5"]);
}

#[test]
fn every_programme_speaks_both_languages_and_cites_a_document() {
    let rules = rules();
    for p in &rules.programmes {
        for lang in Lang::ALL {
            assert!(!p.title.get(lang).trim().is_empty(), "{} title {lang:?}", p.id);
            assert!(!p.summary.get(lang).trim().is_empty(), "{} summary {lang:?}", p.id);
            assert!(!p.apply.channel.get(lang).trim().is_empty(), "{} apply {lang:?}", p.id);
        }
        assert!(!p.cites.is_empty(), "{} has no citation", p.id);
        for c in &p.conditions {
            assert!(rules.citation(&c.cite).is_some(), "{} {}", p.id, c.id);
            assert!(c.text.is_complete(), "{} {}", p.id, c.id);
        }
    }
}

#[test]
fn no_document_is_missing_its_dates() {
    let rules = rules();
    for d in &rules.documents {
        let explained = d.note.as_ref().is_some_and(|n| n.is_complete());
        assert!(d.dated.is_some() || explained, "{} has no date and no note", d.id);
        assert!(d.in_force.is_some() || explained, "{} has no period and no note", d.id);
    }
    // The two documents the programmes rest on have both dates and a period of force.
    for id in ["measures", "fund_rules"] {
        let d = rules.document(id).unwrap();
        assert!(d.dated.is_some() && d.in_force.is_some_and(|p| p.to.is_some()), "{id}");
    }
}

#[test]
fn a_new_cap_is_an_edit_to_data() {
    let edited = GUANGDONG_2025_JSON.replacen(
        r#""base": ["benchmark_project.investment"], "cap": "8000000""#,
        r#""base": ["benchmark_project.investment"], "cap": "3000000""#,
        1,
    );
    assert_ne!(edited, GUANGDONG_2025_JSON);
    let rules = RuleSet::from_json(&edited).unwrap();
    let profile = example("w06-benchmark-visual-inspection");
    let report = evaluate(&profile, &rules, as_of()).unwrap();
    let p3 = report.outcomes.iter().find(|o| o.programme.id == "P3").unwrap();
    assert_eq!(p3.amount, Amount::Ceiling(yuan("3000000")));
}

#[test]
fn a_city_programme_is_an_edit_to_data() {
    // A hypothetical city top-up: 10% of the centre's equipment, at most ¥2,000,000.
    let city_programme = r#"{
      "id": "C-FS1",
      "title": { "zh": "佛山市创新中心配套（示例）", "en": "Foshan innovation centre top-up (example)" },
      "summary": { "zh": "示例。", "en": "An example." },
      "section": "innovation_centre",
      "cites": ["measures.art1_centres"],
      "conditions": [{
        "id": "foshan", "text": { "zh": "在佛山", "en": "In Foshan" }, "cite": "measures.art1_centres",
        "test": { "one_of": { "field": "innovation_centre.level", "values": ["provincial", "national"] } }
      }],
      "formula": { "rate_of_base": { "rate": "0.10", "base": ["innovation_centre.equipment_cost"], "cap": "2000000" } },
      "apply": { "channel": { "zh": "市工信局", "en": "City bureau" }, "office": { "zh": "市工信局", "en": "City bureau" } }
    },
    {
      "id": "I1","#;
    let edited = GUANGDONG_2025_JSON.replacen("{\n      \"id\": \"I1\",", city_programme, 1);
    let rules = RuleSet::from_json(&edited).unwrap();
    let profile = example("w01-provincial-innovation-centre");
    let report = evaluate(&profile, &rules, as_of()).unwrap();
    let city = report.outcomes.iter().find(|o| o.programme.id == "C-FS1").unwrap();
    assert_eq!(city.verdict, Verdict::Eligible);
    assert_eq!(city.amount, Amount::RuleBased(yuan("1500000")));
}

fn problems(json: &str) -> Vec<String> {
    match RuleSet::from_json(json) {
        Err(RuleError::Invalid(problems)) => problems,
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn broken_rule_data_is_refused_with_a_reason() {
    let dangling = GUANGDONG_2025_JSON.replacen(r#""cite": "fund.ch3_centres""#, r#""cite": "fund.ch9""#, 1);
    assert!(problems(&dangling).iter().any(|p| p.contains("cites \"fund.ch9\"")));

    let no_english = GUANGDONG_2025_JSON.replacen(
        r#""en": "Manufacturing innovation centre capability building""#,
        r#""en": " ""#,
        1,
    );
    assert!(problems(&no_english).iter().any(|p| p.starts_with("programme P1: needs both zh and en")));

    let wrong_section = GUANGDONG_2025_JSON.replacen(
        r#""base": ["benchmark_project.investment"]"#,
        r#""base": ["open_source.previous_year_operating_expenses"]"#,
        1,
    );
    assert!(problems(&wrong_section).iter().any(|p| p.contains("outside its section benchmark_project")));

    let bad_rate = GUANGDONG_2025_JSON.replacen(r#""rate": "0.30""#, r#""rate": "1.30""#, 1);
    assert!(problems(&bad_rate).iter().any(|p| p.contains("rate 1.30 is not in (0, 1]")));

    let bad_choice = GUANGDONG_2025_JSON.replacen(
        r#""values": ["national", "provincial"]"#,
        r#""values": ["galactic"]"#,
        1,
    );
    assert!(problems(&bad_choice).iter().any(|p| p.contains("\"galactic\" is not a choice")));

    let unknown_field =
        GUANGDONG_2025_JSON.replacen("innovation_centre.operating", "innovation_centre.running", 1);
    assert!(
        matches!(RuleSet::from_json(&unknown_field), Err(RuleError::Parse(e)) if e.contains("innovation_centre.running"))
    );
}

#[test]
fn a_reading_error_says_where_in_the_file_it_is() {
    let parse_error =
        |from: &str, to: &str| match RuleSet::from_json(&GUANGDONG_2025_JSON.replacen(from, to, 1)) {
            Err(RuleError::Parse(message)) => message,
            other => panic!("expected a parse error, got {other:?}"),
        };
    assert_eq!(
        parse_error("innovation_centre.operating", "innovation_centre.running"),
        r#"rules.programmes[0].conditions[4].test.is.field: "innovation_centre.running" is not a profile field"#
    );
    assert_eq!(
        parse_error(r#""total_cap""#, r#""totalcap""#),
        r#"rules.programmes[1].formula.city_award_match: unknown key "totalcap""#
    );
    assert_eq!(
        parse_error(r#""rate": "0.30""#, r#""rate": "30%""#),
        r#"rules.programmes[3].formula.rate_of_base.rate: "30%" is not an exact number"#
    );
}

#[test]
fn formulas_read_as_the_rules_say() {
    use subsidy_engine::explain::formula_text;
    let rules = rules();
    let formula = |id: &str, lang| formula_text(rules.programme(id).unwrap().formula.as_ref().unwrap(), lang);
    assert_eq!(
        formula("P1", Lang::En),
        "40% × (New R&D instruments and equipment (excl. tax) + Supporting software (excl. tax)), at most: National ¥50,000,000; Provincial ¥10,000,000"
    );
    assert_eq!(formula("P3", Lang::Zh), "30% ×（项目总投资（不含税）），上限：8,000,000 元");
    assert!(formula("P2-LG", Lang::Zh).starts_with("省级配套 = 市级奖励 × 1:1；奖励总额度最高 2,000,000 元"));
    assert!(formula("P5", Lang::En).contains("¥100,000,000 or more"));
}
