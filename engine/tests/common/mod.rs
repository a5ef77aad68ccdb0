//! Helpers shared by the engine's integration tests.
#![allow(dead_code)]

use rust_decimal::Decimal;
use std::str::FromStr;
use subsidy_engine::report::{Outcome, Report};
use subsidy_engine::view::ReportView;
use subsidy_engine::{evaluate, Date, Lang, Profile, RuleSet};

pub fn rules() -> &'static RuleSet {
    RuleSet::guangdong_2025()
}

pub fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

pub fn yuan(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// The worked examples' date.
pub fn as_of() -> Date {
    date("2026-03-01")
}

pub fn example(name: &str) -> Profile {
    let path = format!("{}/profiles/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Profile::from_json(&text).unwrap_or_else(|e| panic!("{path}: {e:?}"))
}

pub fn report(profile: &Profile) -> Report<'static> {
    evaluate(profile, rules(), as_of()).unwrap()
}

pub fn outcome<'a>(report: &'a Report<'static>, id: &str) -> &'a Outcome<'static> {
    report.outcomes.iter().find(|o| o.programme.id == id).unwrap_or_else(|| panic!("no outcome {id}"))
}

/// Everything the report says about one programme, in one language, as one string.
pub fn words(profile: &Profile, id: &str, lang: Lang) -> String {
    let report = report(profile);
    let view = ReportView::new(&report, profile, lang);
    let p = view.programmes.iter().find(|p| p.id == id).unwrap();
    [
        p.calculation.clone(),
        p.notes.clone(),
        p.hints.clone(),
        p.missing.iter().map(|m| m.label.clone()).collect(),
    ]
    .concat()
    .join("\n")
}

/// A profile of a Guangdong AI & robotics company with nothing else filled in.
pub fn company() -> Profile {
    let mut p = Profile::default();
    p.company.registered_in_guangdong = Some(true);
    p.company.ai_robotics_field = Some(true);
    p
}
