//! The shape of a rule file. Field names here are the vocabulary of `rules/*.json`.

use crate::date::Date;
use crate::fields::{Field, Section};
use crate::lang::Text;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub struct RuleSet {
    /// The version of this file's shape (not of the policy).
    pub schema: u32,
    pub id: String,
    /// Shown on every sheet, so that a printed estimate can be reproduced.
    pub version: String,
    pub title: Text,
    pub documents: Vec<Document>,
    pub citations: Vec<Citation>,
    pub programmes: Vec<Programme>,
    pub city_awards: Vec<CityAward>,
}

/// How sure we are of a fact, as the domain brief marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Seen in a copy of the official text.
    Text,
    /// Seen in news summaries only.
    News,
    /// Our own reading.
    Inferred,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    /// The official number, e.g. 粤府办〔2025〕6号.
    pub number: String,
    pub title: Text,
    pub issuer: Text,
    /// `None` only where no copy shows a date; `note` then says so.
    pub dated: Option<Date>,
    /// `None` for notices that have no period of force; `note` then says so.
    pub in_force: Option<Period>,
    pub confidence: Confidence,
    pub source_url: String,
    pub note: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: Date,
    /// `None` where no end date is published.
    pub to: Option<Date>,
}

impl Period {
    pub fn contains(&self, day: Date) -> bool {
        self.from <= day && self.to.is_none_or(|to| day <= to)
    }
}

/// A place in a document: "粤府办〔2025〕6号, art. 2 (quality enterprises)".
#[derive(Debug, Clone)]
pub struct Citation {
    pub id: String,
    pub document: String,
    pub article: Text,
    pub topic: Text,
    /// False where the article number comes from summaries, not the official text: the one place to
    /// correct when the text is checked.
    pub verified: bool,
}

#[derive(Debug, Clone)]
pub struct Programme {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    /// The profile section whose presence makes the programme apply; none for informational items.
    pub section: Option<Section>,
    pub cites: Vec<String>,
    pub competitive: Option<Competition>,
    pub conditions: Vec<Condition>,
    pub formula: Option<Formula>,
    /// A call round whose windows the conditions use.
    pub round: Option<Round>,
    pub readings: Vec<Reading>,
    /// Facts a reader must know that no formula expresses.
    pub notes: Vec<Text>,
    pub apply: HowToApply,
}

impl Programme {
    /// Informational items describe support without a formula; they are listed, not evaluated.
    pub fn is_informational(&self) -> bool {
        self.section.is_none()
    }
}

#[derive(Debug, Clone)]
pub struct Competition {
    pub quota_per_year: u32,
    pub quota: Text,
}

#[derive(Debug, Clone)]
pub struct Round {
    pub year: i32,
    pub label: Text,
    pub cite: String,
}

#[derive(Debug, Clone)]
pub struct HowToApply {
    pub channel: Text,
    pub office: Text,
}

/// One thing an applicant must be or have.
#[derive(Debug, Clone)]
pub struct Condition {
    pub id: String,
    pub text: Text,
    pub cite: String,
    /// A self-declaration (integrity, compliance): when unknown it is assumed met and listed for
    /// the applicant to confirm, rather than blocking the verdict.
    pub declaration: bool,
    pub test: Test,
}

/// The tests the engine can apply to a field. Thresholds carry an optional near-miss margin in the
/// field's own unit (users, yuan, years, days): a value that fails by less gets a hint.
#[derive(Debug, Clone)]
pub enum Test {
    Is { field: Field, value: bool },
    OneOf { field: Field, values: Vec<String> },
    MoreThan { field: Field, value: Decimal, near_miss: Option<Decimal> },
    AtLeast { field: Field, value: Decimal, near_miss: Option<Decimal> },
    YearBetween { field: Field, from: i32, to: i32, near_miss: Option<i32> },
    OnOrAfter { field: Field, date: Date, near_miss_days: Option<i64> },
    OnOrBefore { field: Field, date: Date, near_miss_days: Option<i64> },
    AnyOf(Vec<Test>),
}

impl Test {
    /// Every field the test reads, in order.
    pub fn fields(&self) -> Vec<Field> {
        let mut fields = Vec::new();
        self.for_each_field(&mut |field| fields.push(field));
        fields
    }

    /// The same, without building a list: the evaluator asks this of every unknown condition.
    pub fn for_each_field(&self, visit: &mut impl FnMut(Field)) {
        match self {
            Test::Is { field, .. }
            | Test::OneOf { field, .. }
            | Test::MoreThan { field, .. }
            | Test::AtLeast { field, .. }
            | Test::YearBetween { field, .. }
            | Test::OnOrAfter { field, .. }
            | Test::OnOrBefore { field, .. } => visit(*field),
            Test::AnyOf(tests) => tests.iter().for_each(|t| t.for_each_field(visit)),
        }
    }
}

#[derive(Debug, Clone)]
pub enum Formula {
    /// award = rate × (sum of the base fields), at most the cap.
    RateOfBase { rate: Decimal, base: Vec<Field>, cap: Cap },
    /// The province matches a city award at `ratio`, under a total cap whose meaning is read in
    /// one of several ways; the first reading is the default.
    CityAwardMatch { award: Field, ratio: Decimal, total_cap: Decimal, readings: Vec<CapReading> },
    /// No amount in the rules; above a threshold the award is decided case by case.
    NoFixedAmount { estimate: Field, case_by_case_from: Decimal },
}

#[derive(Debug, Clone)]
pub enum Cap {
    Fixed(Decimal),
    ByChoice { by: Field, amounts: BTreeMap<String, Decimal> },
}

impl Cap {
    /// The largest cap any applicant could face: ranks what a missing input could be worth.
    pub fn highest(&self) -> Decimal {
        match self {
            Cap::Fixed(amount) => *amount,
            Cap::ByChoice { amounts, .. } => amounts.values().copied().max().unwrap_or_default(),
        }
    }
}

/// What "total award at most X" can mean when a province matches a city award C.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CapRule {
    /// City and province share the cap equally: match = min(ratio × C, cap / 2).
    HalfOfTotalCap,
    /// City + province together at most the cap: match = max(0, min(ratio × C, cap − C)).
    StrictTotal,
    /// The cap bounds the provincial part only: match = min(ratio × C, cap).
    ProvincialPartOnly,
}

#[derive(Debug, Clone)]
pub struct CapReading {
    pub rule: CapRule,
    pub text: Text,
}

/// A clause the text leaves open: the reading taken and the one not taken, shown when `when`
/// holds (always, if absent).
#[derive(Debug, Clone)]
pub struct Reading {
    pub id: String,
    pub when: Option<Test>,
    pub taken: Text,
    pub alternative: Text,
}

/// A city's own award for a recognition, used to pre-fill the city award (as an assumption).
#[derive(Debug, Clone)]
pub struct CityAward {
    pub city: crate::city::City,
    pub recognition: Section,
    pub amount: Decimal,
    /// Only well-sourced awards pre-fill the form; the rest are shown as hints.
    pub prefill: bool,
    pub cite: String,
    pub confidence: Confidence,
}

impl RuleSet {
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub fn citation(&self, id: &str) -> Option<&Citation> {
        self.citations.iter().find(|c| c.id == id)
    }

    pub fn programme(&self, id: &str) -> Option<&Programme> {
        self.programmes.iter().find(|p| p.id == id)
    }

    /// The documents a programme rests on, each once.
    pub fn documents_of<'r>(&'r self, programme: &'r Programme) -> impl Iterator<Item = &'r Document> + 'r {
        let mut seen: Vec<&str> = Vec::new();
        programme.cites.iter().filter_map(|id| self.citation(id)).filter_map(move |c| {
            if seen.contains(&c.document.as_str()) {
                None
            } else {
                seen.push(&c.document);
                self.document(&c.document)
            }
        })
    }

    /// The city award that pre-fills a recognition's city award, if the data has a sourced one.
    pub fn prefill_award(&self, city: crate::city::City, recognition: Section) -> Option<&CityAward> {
        self.city_awards.iter().find(|a| a.city == city && a.recognition == recognition && a.prefill)
    }
}
