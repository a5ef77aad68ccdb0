//! The shape of a policy pack file (`engine/rules/*.json`). Field names here are the vocabulary of
//! the pack files: a new key is a new field of one of these structs, read by serde, with unknown
//! keys refused. `engine/docs/pack-format.md` describes the same shape for whoever edits the data.

use crate::date::Date;
use crate::fields::{Field, FieldKind};
use crate::lang::Text;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

/// One policy pack: its documents, the questions it needs, its programmes, and where it applies.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// The version of this file's shape (not of the policy).
    pub schema: u32,
    pub id: String,
    /// Shown on every sheet, so that a printed estimate can be reproduced.
    pub version: String,
    /// The day the pack was last reviewed against its sources: the results say "rules reviewed
    /// on …", and the audit lists packs nobody has reviewed for months.
    pub reviewed: Date,
    pub level: Level,
    pub title: Text,
    /// The place the pack serves, as a reader names it ("深圳市", "Longgang District").
    pub place: Text,
    /// When the pack applies to a company; absent for the common and provincial packs, which apply
    /// to every company. A pack whose test is not a clear yes is neither asked nor shown.
    #[serde(default)]
    pub applies: Option<Test>,
    #[serde(default)]
    pub documents: Vec<Document>,
    #[serde(default)]
    pub citations: Vec<Citation>,
    #[serde(default)]
    pub topics: Vec<Topic>,
    #[serde(default)]
    pub questions: Vec<Question>,
    #[serde(default)]
    pub programmes: Vec<Programme>,
    /// Values assumed when an answer is missing, such as a city's published award.
    #[serde(default)]
    pub prefills: Vec<Prefill>,
    /// Limits on the support several programmes give on one base (one compute contract).
    #[serde(default)]
    pub combined_ceilings: Vec<CombinedCeiling>,
    /// Yearly caps per company across several programmes.
    #[serde(default)]
    pub company_caps: Vec<CompanyCap>,
    /// Programmes that pay on the same money: shown side by side, never added.
    #[serde(default)]
    pub overlaps: Vec<Overlap>,
    /// The common pack only: the places whose packs the library may hold (a city, a district), so
    /// that a company in a place without one is told so instead of being shown nothing.
    #[serde(default)]
    pub coverage: Vec<Coverage>,
}

/// "The estimator has no Huizhou city programme": for the company's answer to `field` (its city),
/// when no pack of `level` applies to it, the report says so, with the day this was last checked
/// and where to ask.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    pub level: Level,
    /// The choice question whose answer names the place (`company.city`).
    pub field: FieldRef,
    /// The day someone last looked for programmes of the places without a pack.
    pub reviewed: Date,
    /// Whom to ask, as a reader says it ("the city's Industry and Information Technology Bureau").
    pub ask: Text,
    /// What is known of some places all the same (a call without published amounts), each shown
    /// when its `when` holds.
    #[serde(default)]
    pub notes: Vec<Fact>,
}

/// A programme named from a pack: `PROGRAMME` in its own pack, `pack-id/PROGRAMME` in another.
/// `at` is filled in when the library is linked: (pack, programme) indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeRef {
    pub name: String,
    pub at: (u16, u16),
}

impl Serialize for ProgrammeRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name)
    }
}

impl<'de> Deserialize<'de> for ProgrammeRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(ProgrammeRef { name: String::deserialize(deserializer)?, at: (u16::MAX, u16::MAX) })
    }
}

/// "All public support on one compute contract is at most 50% of it": the programmes are counted
/// in order, each later one cut so that together they stay within `rate × base`. `when` says
/// whether the ceiling concerns this company (the same contract); unknown means it does, the
/// default reading, and the result says so with what the other reading gives.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CombinedCeiling {
    pub id: String,
    pub programmes: Vec<ProgrammeRef>,
    pub base: FieldRef,
    pub rate: Decimal,
    #[serde(default)]
    pub when: Option<Test>,
    pub text: Text,
    pub alternative: Text,
    pub cite: String,
    pub confidence: Confidence,
}

/// A yearly cap per company across programmes: the last listed are cut first.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompanyCap {
    pub id: String,
    pub programmes: Vec<ProgrammeRef>,
    pub cap: Decimal,
    pub text: Text,
    pub cite: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OverlapKind {
    /// Whether both can pay on the same money is not known: to confirm.
    Unknown,
    /// Not combinable: one or the other.
    Exclusive,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overlap {
    pub programmes: Vec<ProgrammeRef>,
    pub kind: OverlapKind,
    pub text: Text,
}

/// Which level of government a pack is: it decides where its amounts are totalled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Questions shared by several packs; no programmes.
    Common,
    Province,
    City,
    District,
}

impl Level {
    pub const TOTALLED: [Level; 3] = [Level::Province, Level::City, Level::District];
}

/// How sure we are of a fact, as the domain brief marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Seen in a copy of the official text.
    Text,
    /// Seen in news summaries only.
    News,
    /// One secondary digest only.
    NewsWeak,
    /// Our own reading.
    Inferred,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: String,
    /// The official number, e.g. 粤府办〔2025〕6号; `None` where no copy shows one (`note` then
    /// says so), and the document is named by its title.
    pub number: Option<String>,
    pub title: Text,
    /// How a table or a sentence names a document without a number, where its title is long.
    #[serde(default)]
    pub short: Option<Text>,
    pub issuer: Text,
    /// `None` only where no copy shows a date; `note` then says so.
    pub dated: Option<Date>,
    /// `None` for notices that have no period of force; `note` then says so.
    pub in_force: Option<Period>,
    pub confidence: Confidence,
    pub source_url: String,
    /// The day the document's facts were last checked against `source_url`.
    pub checked: Date,
    #[serde(default)]
    pub note: Option<Text>,
}

impl Document {
    /// How a sentence names the document: its number, or without one its short name or title.
    pub fn name(&self, lang: crate::lang::Lang) -> &str {
        match (&self.number, &self.short) {
            (Some(number), _) => number,
            (None, Some(short)) => short.get(lang),
            (None, None) => self.title.get(lang),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub id: String,
    pub document: String,
    pub article: Text,
    pub topic: Text,
    /// False where the article number comes from summaries, not the official text: the one place to
    /// correct when the text is checked.
    pub verified: bool,
}

/// A group of questions the form shows together. An optional topic is switched on by its `ask`
/// question ("We rent compute to train models"); switched off, it does not apply to the company,
/// which is different from a topic whose answers are unknown.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub title: Text,
    /// The yes/no question that switches the topic on; absent for a topic always asked.
    #[serde(default)]
    pub ask: Option<Text>,
    #[serde(default)]
    pub help: Option<Text>,
}

impl Topic {
    pub fn is_optional(&self) -> bool {
        self.ask.is_some()
    }
}

/// One thing the estimator may ask a company.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// `topic.key`, the question's name in profile files and in the rule data.
    pub id: String,
    pub topic: String,
    pub kind: FieldKind,
    pub label: Text,
    #[serde(default)]
    pub help: Option<Text>,
    /// The unit shown beside a count ("家", "enterprises"); money always offers 元 / 万元.
    #[serde(default)]
    pub unit: Option<Text>,
    /// The answers of a choice question.
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// For a choice whose options depend on another answer (a district within its city): the
    /// question whose answer each choice's `within` names.
    #[serde(default)]
    pub choices_within: Option<FieldRef>,
    /// The question is asked only when this holds (a district only for a city that has some).
    #[serde(default)]
    pub ask_when: Option<Test>,
    /// A date that may not be earlier than another date answer (completion after start).
    #[serde(default)]
    pub not_before: Option<FieldRef>,
    /// A credit code whose registering division should agree with a yes/no answer.
    #[serde(default)]
    pub division: Option<DivisionCheck>,
    /// Filled in when the library is linked: the topic's index.
    #[serde(skip)]
    pub topic_index: u16,
    /// Filled in when the library is linked, for lists of more than a few choices: their indices in
    /// the order of their ids.
    #[serde(skip)]
    pub sorted: Vec<u16>,
}

impl Question {
    /// The choice with this id. Long lists (cities, districts) are searched through `sorted`,
    /// which the library fills in when it is linked: every evaluation checks every choice answer.
    pub fn choice(&self, id: &str) -> Option<&Choice> {
        if self.sorted.len() == self.choices.len() && !self.sorted.is_empty() {
            let at =
                self.sorted.binary_search_by(|i| self.choices[usize::from(*i)].id.as_str().cmp(id)).ok()?;
            return self.choices.get(usize::from(self.sorted[at]));
        }
        self.choices.iter().find(|c| c.id == id)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub label: Text,
    /// The answer of `choices_within` this choice belongs to.
    #[serde(default)]
    pub within: Option<String>,
}

/// "A code registered outside the province, but the company says it is registered here?": a
/// warning, since codes issued before a move keep their old division.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DivisionCheck {
    /// The first digits of the division code (characters 3–8 of the code).
    pub prefix: String,
    /// The yes/no answer that claims registration inside the division.
    pub agrees_with: FieldRef,
    pub warning: Text,
}

/// A question named in the rule data. Read as its id; `field` is filled in when the library is
/// linked, so that evaluation indexes the profile instead of looking names up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldRef {
    pub id: String,
    pub field: Field,
}

impl FieldRef {
    pub fn new(id: &str) -> FieldRef {
        FieldRef { id: id.to_string(), field: Field::UNLINKED }
    }
}

/// In a pack file a reference is the question's id. In the binary form the web build carries it is
/// the linked index alone (the packs were linked and checked before they were written, and a
/// library's first questions keep their indices when more packs load), which keeps the page
/// smaller and its start-up free of name look-ups.
impl Serialize for FieldRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_str(&self.id)
        } else {
            serializer.serialize_u16(self.field.0)
        }
    }
}

impl<'de> Deserialize<'de> for FieldRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            let id = String::deserialize(deserializer)?;
            Ok(FieldRef::new(&id))
        } else {
            Ok(FieldRef { id: String::new(), field: Field(u16::deserialize(deserializer)?) })
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    /// The topic whose presence makes the programme apply; none for informational items.
    #[serde(default)]
    pub topic: Option<String>,
    /// The level that pays it, where that is not its pack's: the city award a provincial match
    /// rests on is declared beside the match, but shown and totalled with the city's support.
    #[serde(default)]
    pub level: Option<Level>,
    pub cites: Vec<String>,
    /// The documents that can each carry the programme (the measures, their operating rules, a
    /// later plan): it is in force on a day when at least one of them is. Without it, the
    /// documents of `cites` are its bases.
    #[serde(default)]
    pub bases: Vec<Basis>,
    /// A programme that comes back in rounds (a yearly voucher): when every basis has ended, the
    /// result says that no later document was found and whom to ask about a new round, rather
    /// than only "not in force".
    #[serde(default)]
    pub recurring: bool,
    /// The application windows known, by round.
    #[serde(default)]
    pub windows: Vec<Window>,
    /// How well the programme's numbers are sourced, and what that rests on.
    pub confidence: Confidence,
    #[serde(default)]
    pub confidence_note: Option<Text>,
    #[serde(default)]
    pub competitive: Option<Competition>,
    #[serde(default)]
    pub conditions: Vec<Condition>,
    #[serde(default)]
    pub formula: Option<Formula>,
    /// A call round whose windows the conditions use.
    #[serde(default)]
    pub round: Option<Round>,
    #[serde(default)]
    pub readings: Vec<Reading>,
    /// Facts a reader must know that no formula expresses.
    #[serde(default)]
    pub notes: Vec<Fact>,
    pub apply: HowToApply,
    /// Filled in when the library is linked.
    #[serde(skip)]
    pub topic_index: Option<u16>,
    /// Filled in when the library is linked: the documents the programme rests on, as indices in
    /// its pack's `documents`, each once, in the order of `cites` (what `Pack::documents_of`
    /// gives), so that evaluation does not look citations up by name.
    #[serde(skip)]
    pub document_indices: Option<Vec<u16>>,
}

/// A document that carries a programme. `confidence` is how sure we are that it does, where that
/// is less than the document's own facts: a continuation known only from weak sources is a
/// reading (it continues; the other reading, it lapsed), with what each gives.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Basis {
    pub document: String,
    #[serde(default)]
    pub confidence: Option<Confidence>,
}

/// An application window of one round: the days it opens and closes, where known.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// The year of the round (the 2026 round may close in 2027).
    pub round: i32,
    #[serde(default)]
    pub from: Option<Date>,
    #[serde(default)]
    pub to: Option<Date>,
    /// A batch within the round ("second batch"), where there are several.
    #[serde(default)]
    pub label: Option<Text>,
    pub confidence: Confidence,
}

impl Programme {
    /// Informational items describe support without a formula; they are listed, not evaluated.
    pub fn is_informational(&self) -> bool {
        self.topic.is_none()
    }

    /// The level that pays it: its own `level`, or its pack's.
    pub fn level_in(&self, pack: &Pack) -> Level {
        self.level.unwrap_or(pack.level)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competition {
    /// The yearly number of awards, where the rules give one.
    #[serde(default)]
    pub quota_per_year: Option<u32>,
    pub quota: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    pub year: i32,
    pub label: Text,
    pub cite: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HowToApply {
    pub channel: Text,
    pub office: Text,
    /// The application window, where one is known.
    #[serde(default)]
    pub window: Option<Text>,
    /// The documents to prepare, where the sources name them.
    #[serde(default)]
    pub documents: Vec<Text>,
}

/// A note on a programme, shown when `when` holds (always, if absent), with its confidence where
/// it is lower than the programme's.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub text: Text,
    #[serde(default)]
    pub when: Option<Test>,
    #[serde(default)]
    pub confidence: Option<Confidence>,
}

/// One thing an applicant must be or have.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub id: String,
    pub text: Text,
    pub cite: String,
    /// A self-declaration (integrity, compliance): when unknown it is assumed met and listed for
    /// the applicant to confirm, rather than blocking the verdict.
    #[serde(default)]
    pub declaration: bool,
    pub test: Test,
    /// The days the condition holds in the rules (a floor a later document adds from a date):
    /// outside them it is not asked and not checked.
    #[serde(default)]
    pub from: Option<Date>,
    #[serde(default)]
    pub to: Option<Date>,
}

impl Condition {
    /// Whether the rules set this condition on `day`.
    pub fn applies_on(&self, day: Date) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }
}

/// The tests the engine can apply to answers. Thresholds carry an optional near-miss margin in the
/// field's own unit (users, yuan, years, days): a value that fails by less gets a hint.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Test {
    Is {
        field: FieldRef,
        value: bool,
    },
    OneOf {
        field: FieldRef,
        values: Vec<String>,
    },
    MoreThan {
        field: FieldRef,
        value: Decimal,
        #[serde(default)]
        near_miss: Option<Decimal>,
    },
    AtLeast {
        field: FieldRef,
        value: Decimal,
        #[serde(default)]
        near_miss: Option<Decimal>,
    },
    YearBetween {
        field: FieldRef,
        from: i32,
        to: i32,
        #[serde(default)]
        near_miss: Option<i32>,
    },
    OnOrAfter {
        field: FieldRef,
        date: Date,
        #[serde(default)]
        near_miss_days: Option<i64>,
    },
    OnOrBefore {
        field: FieldRef,
        date: Date,
        #[serde(default)]
        near_miss_days: Option<i64>,
    },
    /// A date less than `years` whole years before the as-of date (a company's age).
    WithinYearsOfAsOf {
        field: FieldRef,
        years: u32,
    },
    /// A year that is the as-of year or one of the `years` years before it ("newly recognised").
    RecentYear {
        field: FieldRef,
        years: u32,
    },
    AnyOf(Vec<Test>),
    AllOf(Vec<Test>),
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
            Test::AnyOf(tests) | Test::AllOf(tests) => tests.iter().for_each(|t| t.for_each_field(visit)),
            other => visit(other.field_ref().map_or(Field::UNLINKED, |r| r.field)),
        }
    }

    /// The same, to link it.
    pub fn field_ref_mut(&mut self) -> Option<&mut FieldRef> {
        match self {
            Test::Is { field, .. }
            | Test::OneOf { field, .. }
            | Test::MoreThan { field, .. }
            | Test::AtLeast { field, .. }
            | Test::YearBetween { field, .. }
            | Test::OnOrAfter { field, .. }
            | Test::OnOrBefore { field, .. }
            | Test::WithinYearsOfAsOf { field, .. }
            | Test::RecentYear { field, .. } => Some(field),
            Test::AnyOf(_) | Test::AllOf(_) => None,
        }
    }

    /// The one field of a simple test; `None` for `any_of` and `all_of`.
    pub fn field_ref(&self) -> Option<&FieldRef> {
        match self {
            Test::Is { field, .. }
            | Test::OneOf { field, .. }
            | Test::MoreThan { field, .. }
            | Test::AtLeast { field, .. }
            | Test::YearBetween { field, .. }
            | Test::OnOrAfter { field, .. }
            | Test::OnOrBefore { field, .. }
            | Test::WithinYearsOfAsOf { field, .. }
            | Test::RecentYear { field, .. } => Some(field),
            Test::AnyOf(_) | Test::AllOf(_) => None,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Formula {
    /// award = rate × (sum of the base fields), at most the cap. The rate may depend on a
    /// condition (`rate_when`); other readings of the rate or cap are computed and shown.
    RateOfBase {
        rate: Decimal,
        base: Vec<FieldRef>,
        cap: Cap,
        #[serde(default)]
        rate_when: Vec<ConditionalRate>,
        /// A higher (or other) cap when a condition holds; unknown keeps the formula's cap.
        #[serde(default)]
        cap_when: Vec<ConditionalCap>,
        #[serde(default)]
        alternatives: Vec<Alternative>,
    },
    /// The province matches a city award at `ratio`, under a total cap whose meaning is read in
    /// one of several ways; the first reading is the default.
    CityAwardMatch { award: FieldRef, ratio: Decimal, total_cap: Decimal, readings: Vec<CapReading> },
    /// The city award a `city_award_match` of the same pack (`matched_by`) rests on, as a line of
    /// its own (at the level that pays it, `Programme::level`): the award as given, or the
    /// published figure assumed for it; not known, the line waits for it, never 0. Its
    /// conditions are the match's.
    CityAward { matched_by: ProgrammeRef },
    /// No amount in the rules; above a threshold the award is decided case by case.
    NoFixedAmount { estimate: FieldRef, case_by_case_from: Decimal },
    /// A fixed award for each item (each model filed), at most the cap.
    PerItem {
        count: FieldRef,
        amount: Decimal,
        #[serde(default)]
        cap: Option<Decimal>,
    },
    /// Fixed ceilings by tier (a score band); with `by` unanswered or absent, the highest tier.
    Tiers {
        #[serde(default)]
        by: Option<FieldRef>,
        tiers: Vec<Tier>,
    },
}

/// A rate that replaces the formula's rate when its test holds ("60% for a startup").
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionalRate {
    pub when: Test,
    pub rate: Decimal,
    /// What the condition is, as a reader would say it.
    pub text: Text,
}

/// A cap that replaces the formula's cap when its test holds ("¥10,000,000 for a firm newly
/// recognised as a little giant").
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionalCap {
    pub when: Test,
    pub cap: Decimal,
    pub text: Text,
}

/// One period of a cap that changes on a date.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedAmount {
    #[serde(default)]
    pub from: Option<Date>,
    #[serde(default)]
    pub to: Option<Date>,
    pub amount: Decimal,
    #[serde(default)]
    pub cite: Option<String>,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub note: Option<Text>,
}

impl DatedAmount {
    pub fn contains(&self, day: Date) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }
}

/// Another reading of a rate-of-base formula: a different rate, a different cap, or only the cap.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    pub text: Text,
    #[serde(default)]
    pub rate: Option<Decimal>,
    #[serde(default)]
    pub cap: Option<Decimal>,
    /// The rules state only the cap: "up to" the cap whatever the base.
    #[serde(default)]
    pub cap_only: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub id: String,
    pub label: Text,
    pub amount: Decimal,
}

/// A cap: one amount (`"8000000"` in a pack file), or one amount per answer of a choice
/// (`{"by": "innovation_centre.level", "amounts": {...}}`).
#[derive(Debug, Clone)]
pub enum Cap {
    Fixed(Decimal),
    ByChoice {
        by: FieldRef,
        amounts: BTreeMap<String, Decimal>,
    },
    /// A cap that changes on a date (`{"dated": [...]}`): the period holding the as-of date.
    Dated(Vec<DatedAmount>),
}

/// How a cap is written. Pack files (JSON) leave the kind implicit; the compact binary form the web
/// build embeds cannot, since it does not describe itself, so it names the variant.
#[derive(Serialize, Deserialize)]
#[serde(untagged, deny_unknown_fields)]
enum CapInFile {
    Fixed(Decimal),
    ByChoice { by: FieldRef, amounts: BTreeMap<String, Decimal> },
    Dated { dated: Vec<DatedAmount> },
}

#[derive(Serialize, Deserialize)]
enum CapInBinary {
    Fixed(Decimal),
    ByChoice { by: FieldRef, amounts: BTreeMap<String, Decimal> },
    Dated(Vec<DatedAmount>),
}

impl Serialize for Cap {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let human = serializer.is_human_readable();
        match (self.clone(), human) {
            (Cap::Fixed(a), true) => CapInFile::Fixed(a).serialize(serializer),
            (Cap::ByChoice { by, amounts }, true) => {
                CapInFile::ByChoice { by, amounts }.serialize(serializer)
            }
            (Cap::Dated(dated), true) => CapInFile::Dated { dated }.serialize(serializer),
            (Cap::Dated(dated), false) => CapInBinary::Dated(dated).serialize(serializer),
            (Cap::Fixed(a), false) => CapInBinary::Fixed(a).serialize(serializer),
            (Cap::ByChoice { by, amounts }, false) => {
                CapInBinary::ByChoice { by, amounts }.serialize(serializer)
            }
        }
    }
}

impl<'de> Deserialize<'de> for Cap {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            Ok(match CapInFile::deserialize(deserializer)? {
                CapInFile::Fixed(a) => Cap::Fixed(a),
                CapInFile::ByChoice { by, amounts } => Cap::ByChoice { by, amounts },
                CapInFile::Dated { dated } => Cap::Dated(dated),
            })
        } else {
            Ok(match CapInBinary::deserialize(deserializer)? {
                CapInBinary::Fixed(a) => Cap::Fixed(a),
                CapInBinary::ByChoice { by, amounts } => Cap::ByChoice { by, amounts },
                CapInBinary::Dated(dated) => Cap::Dated(dated),
            })
        }
    }
}

impl Cap {
    /// The largest cap any applicant could face: ranks what a missing input could be worth.
    pub fn highest(&self) -> Decimal {
        match self {
            Cap::Fixed(amount) => *amount,
            Cap::ByChoice { amounts, .. } => amounts.values().copied().max().unwrap_or_default(),
            Cap::Dated(periods) => periods.iter().map(|p| p.amount).max().unwrap_or_default(),
        }
    }
}

/// What "total award at most X" can mean when a province matches a city award C.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapRule {
    /// City and province share the cap equally: match = min(ratio × C, cap / 2).
    HalfOfTotalCap,
    /// City + province together at most the cap: match = max(0, min(ratio × C, cap − C)).
    StrictTotal,
    /// The cap bounds the provincial part only: match = min(ratio × C, cap).
    ProvincialPartOnly,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapReading {
    pub rule: CapRule,
    pub text: Text,
}

/// A clause the text leaves open: the reading taken and the one not taken, shown when `when`
/// holds (always, if absent).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    pub id: String,
    #[serde(default)]
    pub when: Option<Test>,
    pub taken: Text,
    pub alternative: Text,
}

/// A value assumed for an unanswered money question when `when` holds, such as a city's published
/// award for a recognition. Shown as an assumption wherever it is used.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prefill {
    pub field: FieldRef,
    pub when: Test,
    pub amount: Decimal,
    pub cite: String,
    pub confidence: Confidence,
    /// Conditions of payment a reader must know where the value is used.
    #[serde(default)]
    pub notes: Vec<Text>,
}
