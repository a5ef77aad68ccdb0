//! Helpers shared by the engine's integration tests.
#![allow(dead_code)]

pub mod typed_round_trip;

use rust_decimal::Decimal;
use std::str::FromStr;
use subsidy_engine::fields::{Field, TopicId};
use subsidy_engine::profile::NewValue;
use subsidy_engine::report::{Outcome, Report, Totals};
use subsidy_engine::rules::{Level, Library, PackSource, BUILTIN};
use subsidy_engine::view::{ProgrammeView, ReportView};
use subsidy_engine::{evaluate, Date, Lang, Profile};

/// The built-in packs (common, province, Shenzhen).
pub fn lib() -> &'static Library {
    Library::builtin()
}

/// A question of the built-in packs, by id.
pub fn field(id: &str) -> Field {
    lib().field(id).unwrap_or_else(|| panic!("no question {id:?} in the built-in packs"))
}

/// A topic of the built-in packs, by id.
pub fn topic(id: &str) -> TopicId {
    lib().topic_id(id).unwrap_or_else(|| panic!("no topic {id:?} in the built-in packs"))
}

pub fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

pub fn yuan(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// The provincial worked examples' date.
pub fn as_of() -> Date {
    date("2026-03-01")
}

/// The city worked examples' date (city-brief.md §8).
pub fn city_as_of() -> Date {
    date("2026-06-01")
}

pub fn profile_path(name: &str) -> String {
    format!("{}/profiles/{name}.json", env!("CARGO_MANIFEST_DIR"))
}

/// One of the example profiles of `engine/profiles/`, read against the built-in packs.
pub fn example(name: &str) -> Profile {
    let path = profile_path(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Profile::from_json(lib(), &text).unwrap_or_else(|errors| {
        let messages: Vec<String> = errors.iter().map(|e| e.message(lib(), Lang::En)).collect();
        panic!("{path}: {messages:?}")
    })
}

pub fn report(profile: &Profile) -> Report<'static> {
    report_on(profile, as_of())
}

pub fn report_on(profile: &Profile, as_of: Date) -> Report<'static> {
    evaluate(profile, lib(), as_of).unwrap_or_else(|e| panic!("{e:?}"))
}

pub fn outcome<'a>(report: &'a Report<'static>, id: &str) -> &'a Outcome<'static> {
    report.outcomes.iter().find(|o| o.programme.id == id).unwrap_or_else(|| panic!("no outcome {id}"))
}

/// The totals of one level; every level with a programme in the report has them.
pub fn totals(report: &Report<'_>, level: Level) -> Totals {
    *report.totals.iter().find(|t| t.level == level).unwrap_or_else(|| panic!("no {level:?} totals"))
}

pub fn province(report: &Report<'_>) -> Totals {
    totals(report, Level::Province)
}

/// One programme of the view.
pub fn programme_view<'a>(view: &'a ReportView, id: &str) -> &'a ProgrammeView {
    view.programmes.iter().find(|p| p.id == id).unwrap_or_else(|| panic!("no programme {id} in the view"))
}

/// Everything the report says about one programme, in one language, as one string.
pub fn words(profile: &Profile, id: &str, lang: Lang) -> String {
    words_on(profile, id, lang, as_of())
}

pub fn words_on(profile: &Profile, id: &str, lang: Lang, as_of: Date) -> String {
    let report = report_on(profile, as_of);
    let view = ReportView::new(&report, profile, lang);
    let p = programme_view(&view, id);
    [
        p.calculation.clone(),
        p.notes.clone(),
        p.hints.clone(),
        p.missing.iter().map(|m| m.label.clone()).collect(),
    ]
    .concat()
    .join("\n")
}

/// Writes one answer by question id (switching its topic on).
pub fn set(profile: &mut Profile, id: &str, value: NewValue) {
    profile.set(field(id), value).unwrap_or_else(|e| panic!("{id}: {e:?}"));
}

/// The same profile with the answers given.
pub fn with(mut profile: Profile, values: &[(&str, NewValue)]) -> Profile {
    for (id, value) in values {
        set(&mut profile, id, value.clone());
    }
    profile
}

pub fn money(text: &str) -> NewValue {
    NewValue::Money(yuan(text))
}

pub fn day(text: &str) -> NewValue {
    NewValue::Date(date(text))
}

pub fn choice(id: &str) -> NewValue {
    NewValue::Choice(id.to_string())
}

/// A profile of a Guangdong AI & robotics company with nothing else filled in.
pub fn company() -> Profile {
    with(
        Profile::new(lib()),
        &[
            ("company.registered_in_guangdong", NewValue::Bool(true)),
            ("company.ai_robotics_field", NewValue::Bool(true)),
        ],
    )
}

/// The built-in packs and one more file, read in-process as the command line would.
pub fn library_with(name: &str, text: &str) -> Result<Library, subsidy_engine::rules::RuleError> {
    let mut sources: Vec<PackSource<'_>> =
        BUILTIN.iter().map(|s| PackSource { name: s.name, text: s.text }).collect();
    sources.push(PackSource { name, text });
    Library::from_json(&sources)
}

/// The text of a built-in pack file.
pub fn builtin_text(name: &str) -> &'static str {
    BUILTIN.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no built-in pack {name}")).text
}

/// A band of one figure: what a total is when every amount in it is exact.
pub fn exact(text: &str) -> subsidy_engine::report::Band {
    subsidy_engine::report::Band::exact(yuan(text))
}

/// The one figure of a band that must be exact.
pub fn one(band: subsidy_engine::report::Band) -> Decimal {
    band.single().unwrap_or_else(|| panic!("expected one figure, got {band:?}"))
}

/// A band from `low` to `high`.
pub fn band(low: &str, high: &str) -> subsidy_engine::report::Band {
    subsidy_engine::report::Band { low: yuan(low), high: Some(yuan(high)) }
}

/// An answer taken back: the question is not answered.
pub fn unknown() -> NewValue {
    NewValue::Unknown
}
