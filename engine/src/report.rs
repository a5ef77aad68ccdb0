//! What `evaluate` returns: for each programme a verdict, an amount, the conditions checked, the
//! calculation steps with the user's numbers, notes and near-miss hints. Structured data only; the
//! words are produced by `explain` in the reader's language.

use crate::date::Date;
use crate::fields::Field;
use crate::rules::{
    Alternative, CapReading, CapRule, Choice, CombinedCeiling, CompanyCap, Competition, Condition,
    ConditionalCap, ConditionalRate, Coverage, DatedAmount, Document, Fact, Level, Library, Overlap, Pack,
    Prefill, Programme, Reading, Round, Tier,
};
use rust_decimal::Decimal;
use serde::Serialize;
use smallvec::SmallVec;

// The lists of one outcome keep their items inline, sized to fit every programme of the current
// rule data, so that an evaluation allocates next to nothing (one `Vec` for the outcomes). Longer
// lists, from larger future rule data, move to the heap. They read as slices (`&o.conditions[..]`,
// `o.steps.iter()`).

/// The conditions of one programme (at most 7 in the rule data).
pub type Conditions<'r> = SmallVec<[Checked<'r>; 8]>;
/// The inputs one programme waits for (a `Field` is one byte: 16 cost no more room than 8).
pub type Fields = SmallVec<[Field; 16]>;
/// The lines of one calculation (at most 4: base, rate, cap, rounding).
pub type Steps = SmallVec<[Step; 4]>;
/// The notes of one programme (at most 8 in the rule data).
pub type Notes<'r> = SmallVec<[Note<'r>; 8]>;
/// The near misses of one programme (at most 2 in the rule data).
pub type Hints = SmallVec<[NearMiss; 2]>;

#[derive(Debug, Clone)]
pub struct Report<'r> {
    pub library: &'r Library,
    pub as_of: Date,
    /// The packs that apply to the company (province, its city, its district), by level, and in
    /// library order within a level.
    pub packs: Vec<&'r Pack>,
    /// Quantified programmes of those packs, in pack and rule-data order.
    pub outcomes: Vec<Outcome<'r>>,
    /// One entry per level that has programmes, province first.
    pub totals: Vec<Totals>,
    /// Inputs still missing, the most valuable first.
    pub missing: Vec<MissingInput<'r>>,
    pub warnings: Vec<Warning>,
    /// Levels at which no pack serves the company's place (no Huizhou city pack).
    pub gaps: Vec<Gap<'r>>,
}

/// A place the company is in for which the library has no pack of that level: the report says so,
/// with when that was last checked and whom to ask, rather than showing nothing.
#[derive(Debug, Clone)]
pub struct Gap<'r> {
    pub coverage: &'r Coverage,
    /// The company's answer naming the place (Huizhou).
    pub place: &'r Choice,
    /// What is known of the place all the same (`Coverage::notes` whose test holds).
    pub notes: Vec<&'r Fact>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Eligible,
    NotEligible,
    /// Some input the verdict depends on is unknown; `Outcome::missing` names it.
    Undetermined,
    /// The profile has no such section: the company said this does not concern it.
    NotApplicable,
    /// A threshold falls inside a range the company gave: eligible on one side of it, not on the
    /// other. The condition says which; the amount is a band from nothing up.
    Depends,
}

/// The money side of an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "yuan", rename_all = "snake_case")]
pub enum Amount {
    /// No figure: not applicable, not eligible, or an input is missing.
    None,
    /// The maximum the rules allow (not a promise: funds are under total-amount control).
    RuleBased(Decimal),
    /// A competitive programme: at most this, if ranked within the yearly quota.
    Ceiling(Decimal),
    /// Decided case by case (一事一议).
    CaseByCase,
    /// The rules give no formula; the amount follows separate matching rules.
    PerSeparateRules,
    /// Between two figures, because an input is a range or is not given.
    Band(Band),
    /// A competitive programme's band of ceilings.
    CeilingBand(Band),
}

/// From `low` to `high`, both included; `high` is `None` where nothing bounds the figure.
#[derive(Debug, Clone, Copy)]
pub struct Band {
    pub low: Decimal,
    pub high: Option<Decimal>,
}

/// In JSON a band of one figure is that figure (as exact amounts always were), else
/// `{"low": …, "high": …}` with `high` null where nothing bounds it.
impl Serialize for Band {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        if let Some(one) = self.single() {
            return Serialize::serialize(&one, serializer);
        }
        let mut band = serializer.serialize_struct("Band", 2)?;
        band.serialize_field("low", &self.low)?;
        band.serialize_field("high", &self.high)?;
        band.end()
    }
}

impl Band {
    pub const ZERO: Band = Band { low: Decimal::ZERO, high: Some(Decimal::ZERO) };

    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn exact(yuan: Decimal) -> Band {
        Band { low: yuan, high: Some(yuan) }
    }

    /// The one figure, when both ends are the same.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn single(&self) -> Option<Decimal> {
        self.high.filter(|h| crate::money::compare(*h, self.low).is_eq())
    }

    /// Both ends added, each to each. `None` on overflow.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn plus(self, other: Band) -> Option<Band> {
        let low = crate::money::add(self.low, other.low)?;
        let high = match (self.high, other.high) {
            // Two single figures (nearly every amount): one figure, added once. Compared bit for
            // bit, which is all `Band::exact` makes and far cheaper than a comparison of numbers.
            (Some(a), Some(b)) if same_bits(a, self.low) && same_bits(b, other.low) => Some(low),
            (Some(a), Some(b)) => Some(crate::money::add(a, b)?),
            _ => None,
        };
        Some(Band { low, high })
    }
}

/// The same figure written the same way (the same mantissa, scale and sign).
#[cfg_attr(not(target_arch = "wasm32"), inline)]
fn same_bits(a: Decimal, b: Decimal) -> bool {
    a.serialize() == b.serialize()
}

/// The same ends, as numbers (through `money::compare`, which every evaluation uses many times:
/// `Decimal`'s own comparison is several times slower).
impl PartialEq for Band {
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    fn eq(&self, other: &Band) -> bool {
        let same = |a: Decimal, b: Decimal| crate::money::compare(a, b).is_eq();
        same(self.low, other.low)
            && match (self.high, other.high) {
                (Some(a), Some(b)) => same(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
    }
}

impl Eq for Band {}

/// A band is a figure when both its ends are that figure.
impl PartialEq<Decimal> for Band {
    fn eq(&self, yuan: &Decimal) -> bool {
        self.single().is_some_and(|one| crate::money::compare(one, *yuan).is_eq())
    }
}

impl Amount {
    pub fn yuan(&self) -> Option<Decimal> {
        match *self {
            Amount::RuleBased(y) | Amount::Ceiling(y) => Some(y),
            _ => None,
        }
    }

    /// A figure or a band as its two ends; `None` for no figure at all.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn band(&self) -> Option<Band> {
        match *self {
            Amount::RuleBased(y) | Amount::Ceiling(y) => Some(Band::exact(y)),
            Amount::Band(band) | Amount::CeilingBand(band) => Some(band),
            _ => None,
        }
    }

    pub fn is_ceiling(&self) -> bool {
        matches!(self, Amount::Ceiling(_) | Amount::CeilingBand(_))
    }

    /// A rule-based amount of a band: its figure when both ends are one.
    pub fn from_band(band: Band) -> Amount {
        Amount::RuleBased(Decimal::ZERO).with_band(band)
    }

    /// The same kind of amount with another band: a band of zero width is a single figure.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn with_band(self, band: Band) -> Amount {
        let ceiling = self.is_ceiling();
        match (band.single(), ceiling) {
            (Some(y), false) => Amount::RuleBased(y),
            (Some(y), true) => Amount::Ceiling(y),
            (None, false) => Amount::Band(band),
            (None, true) => Amount::CeilingBand(band),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Outcome<'r> {
    pub pack: &'r Pack,
    pub programme: &'r Programme,
    /// The level that pays it, where it is shown and totalled (`Programme::level_in`).
    pub level: Level,
    /// A document the programme rests on that is not in force on the as-of date: the verdict is
    /// then "not eligible", and `would_have_been` says what the rules would otherwise give.
    pub not_in_force: Option<&'r Document>,
    pub would_have_been: Amount,
    pub verdict: Verdict,
    /// Kept for an undetermined verdict when it can be computed ("if eligible: …").
    pub amount: Amount,
    pub conditions: Conditions<'r>,
    pub missing: Fields,
    pub steps: Steps,
    pub notes: Notes<'r>,
    pub hints: Hints,
}

impl<'r> Outcome<'r> {
    /// A programme before evaluation: not applicable, no amount, nothing listed.
    pub fn new(pack: &'r Pack, programme: &'r Programme) -> Outcome<'r> {
        Outcome {
            pack,
            programme,
            level: programme.level_in(pack),
            not_in_force: None,
            would_have_been: Amount::None,
            verdict: Verdict::NotApplicable,
            amount: Amount::None,
            conditions: SmallVec::new(),
            missing: SmallVec::new(),
            steps: SmallVec::new(),
            notes: SmallVec::new(),
            hints: SmallVec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    NotMet,
    Unknown,
    /// A declaration left unknown: assumed met, listed for the applicant to confirm.
    Assumed,
    /// A threshold inside a range the company gave: met on one side of it only.
    Depends,
}

#[derive(Debug, Clone)]
pub struct Checked<'r> {
    pub condition: &'r Condition,
    pub status: Status,
}

/// A range that a threshold falls inside: "more than 200 needed: your range 150–250 crosses it".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Crossing {
    pub field: Field,
    pub low: Decimal,
    pub high: Decimal,
    pub threshold: Decimal,
    /// "more than" rather than "at least".
    pub strict: bool,
}

/// One line of a calculation, carrying the numbers it shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// The base is a sum of several inputs.
    Base {
        /// Every base field with its amount (2 in the rule data).
        parts: SmallVec<[(Field, Decimal); 2]>,
        total: Decimal,
    },
    Rate {
        rate: Decimal,
        base: Decimal,
        result: Decimal,
    },
    /// `choice` names the level when the cap depends on one.
    Cap {
        cap: Decimal,
        reached: bool,
        result: Decimal,
        /// The choice question the cap depends on (the level), when it does.
        choice: Option<Field>,
        /// For a cap that changes on a date: the period holding the as-of date (`from`, `to`;
        /// `None` for an open end).
        period: Option<(Option<Date>, Option<Date>)>,
    },
    /// The one rounding rule (down to the fen) changed the figure.
    Rounded {
        exact: Decimal,
        result: Decimal,
    },
    Match {
        award: Decimal,
        ratio: Decimal,
        product: Decimal,
    },
    MatchLimit {
        rule: CapRule,
        total_cap: Decimal,
        limit: Decimal,
        result: Decimal,
    },
    CityPlusProvince {
        city: Decimal,
        province: Decimal,
        total: Decimal,
    },
    CaseByCase {
        /// The question that holds the estimate.
        field: Field,
        estimate: Decimal,
        threshold: Decimal,
    },
    /// The city award a match rests on (the answer to `field`), `low` to `high`: as given, or
    /// `assumed` from the published figure.
    CityAward {
        field: Field,
        low: Decimal,
        high: Decimal,
        assumed: bool,
    },
    /// A fixed award per item.
    PerItem {
        count: u64,
        amount: Decimal,
        product: Decimal,
    },
    /// All support on one base (the answer to `on`) at most `limit` (`rate` × `base`); `counted`
    /// went to the programmes counted before this one, which keeps `after` of its `before`.
    CombinedCeiling {
        on: Field,
        base: Decimal,
        rate: Decimal,
        limit: Decimal,
        counted: Decimal,
        before: Decimal,
        after: Decimal,
    },
    /// The programme counted first under a combined ceiling alone gives `own`, more than `limit`
    /// (`rate` × `base`, the answer to `on`) at this figure, or within it at the other end of a
    /// band: it keeps `own`, its own document's amount (the reading taken).
    CountedFirst {
        on: Field,
        base: Decimal,
        rate: Decimal,
        limit: Decimal,
        own: Decimal,
    },
    /// A yearly cap per company across programmes: `others` went to the programmes counted
    /// before this one, which keeps `after` of its `before`.
    CompanyCap {
        cap: Decimal,
        others: Decimal,
        before: Decimal,
        after: Decimal,
    },
    /// A fixed ceiling by tier: the tier taken (`chosen`), or the highest when none is known.
    Tier {
        amount: Decimal,
        chosen: bool,
    },
    /// The tier answered (the answer to `field`) is not one the rules list: no amount.
    NoTier {
        field: Field,
    },
    /// The one fixed amount of a formula with a single tier and nothing to choose.
    Fixed {
        amount: Decimal,
    },
    /// An input of a band: a range the company gave (`high` its top), or not given (`high`
    /// `None`: counted as nothing at the low end, unbounded at the high end).
    Input {
        field: Field,
        low: Decimal,
        high: Option<Decimal>,
    },
    /// The lines that follow work out the low end (`high` false) or the high end of a band.
    End {
        high: bool,
    },
    /// The high end with an input not given (`missing`): whatever it is, at most the cap, which
    /// is `more` above the low end.
    UpToCap {
        cap: Decimal,
        more: Decimal,
        missing: Field,
    },
    PerSeparateRules {
        field: Field,
        estimate: Option<Decimal>,
        threshold: Decimal,
    },
}

#[derive(Debug, Clone)]
pub enum Note<'r> {
    Competitive(&'r Competition),
    /// A clause the text leaves open, with the reading taken.
    Reading(&'r Reading),
    /// The cap reading taken and what the other readings would give, when they differ.
    CapReadings {
        taken: &'r CapReading,
        /// The other readings with their amounts (at most 2 in the rule data).
        others: SmallVec<[(&'r CapReading, Band); 2]>,
    },
    /// An amount was not entered; a published figure was assumed.
    Prefilled(&'r Prefill),
    /// An amount was entered where a published figure exists: that figure, its source and its
    /// conditions of payment (a city award as given).
    Published(&'r Prefill),
    /// A document the programme rests on is not in force on the as-of date; what the rules
    /// would otherwise give, as information only.
    NotInForce {
        document: &'r Document,
        would_have_been: Amount,
        /// A recurring programme whose every basis has ended: the day its pack was reviewed, when
        /// no later document was found.
        renewal_unseen: Option<Date>,
        /// A basis that starts after the as-of date, under which the programme resumes.
        next: Option<&'r Document>,
    },
    /// A document the programme rests on ends within 90 days of the as-of date; `continues` is
    /// another basis that carries the programme on after it.
    Lapses {
        document: &'r Document,
        days: i64,
        continues: Option<&'r Document>,
    },
    /// A basis ended before the as-of date and the programme continues under another. When that
    /// one is known from weak sources only, the continuation is a `reading`: the other reading is
    /// that the programme lapsed with the first.
    Continues {
        ended: &'r Document,
        under: &'r Document,
        reading: bool,
    },
    /// A document the programme rests on has no published end of force.
    EndUnknown(&'r Document),
    /// A rate that depends on a condition, and it holds.
    RateApplies(&'r ConditionalRate),
    /// A rate that depends on a condition not yet known: the amount if it holds. `below`: it
    /// gives less than the formula's own rate, so the amount is a band down to it.
    RateIfCondition {
        rate: &'r ConditionalRate,
        amount: Band,
        below: bool,
    },
    /// Another reading of the rate or cap, and the amount it would give.
    Alternative {
        alternative: &'r Alternative,
        amount: Band,
    },
    /// The ceilings of every tier, when the tier is not known.
    Tiers(&'r [Tier]),
    /// A cap that depends on a condition, and it holds.
    CapApplies(&'r ConditionalCap),
    /// A cap that depends on a condition not yet known: the amount if it holds. `below`: it gives
    /// less than the formula's own cap, so the amount is a band down to it.
    CapIfCondition {
        cap: &'r ConditionalCap,
        amount: Band,
        below: bool,
    },
    /// The cap of a dated period, with what the period says.
    CapPeriod(&'r DatedAmount),
    /// A combined ceiling cut this amount (or leaves it unknown); `assumed` when it was not known
    /// whether it applies; `without` is the amount without it (the other reading).
    CombinedCeiling {
        ceiling: &'r CombinedCeiling,
        assumed: bool,
        without: Band,
        /// The ceiling's base is not given: what is left under it cannot be worked out, and the
        /// amount waits for it.
        base_unknown: bool,
    },
    /// The programme counted first under a combined ceiling gives more on its own than the
    /// ceiling (`limit`): the reading taken keeps its own amount, the ceiling binding what is added
    /// after it; `cut` is the other reading's amount, this programme cut to the ceiling.
    /// `assumed` as for `CombinedCeiling`.
    AboveCeiling {
        ceiling: &'r CombinedCeiling,
        assumed: bool,
        limit: Band,
        cut: Band,
    },
    /// A yearly cap per company cut this amount; `without` is the amount before.
    CompanyCap {
        cap: &'r CompanyCap,
        without: Band,
    },
    /// This programme pays on the same money as another.
    Overlap(&'r Overlap),
    /// The windows are those of a round other than the as-of year's.
    OtherRound(&'r Round),
    Fact(&'r Fact),
}

/// Where the figure of a city award line comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AwardFigure {
    /// The company entered it.
    Given,
    /// Not entered: the figure its city publishes is assumed.
    Assumed,
    /// Not entered, and none published: the line waits for it.
    Unknown,
}

/// A threshold missed by a little: what would change a "no".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NearMiss {
    pub field: Field,
    pub shortfall: Shortfall,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shortfall {
    MoreThan { value: Decimal, threshold: Decimal },
    AtLeast { value: Decimal, threshold: Decimal },
    YearBefore { value: i32, from: i32 },
    YearAfter { value: i32, to: i32 },
    DaysBefore { value: Date, limit: Date },
    DaysAfter { value: Date, limit: Date },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub level: Level,
    /// Eligible, non-competitive amounts: what the rules allow without ranking (a band where an
    /// amount is one).
    pub rule_based: Band,
    /// Eligible competitive ceilings: never added to `rule_based`, since ranking decides.
    pub competitive_ceilings: Band,
    pub eligible: usize,
    pub undetermined: usize,
}

/// An input some verdict still waits for, and what it could be worth.
#[derive(Debug, Clone)]
pub struct MissingInput<'r> {
    pub field: Field,
    /// The programmes waiting for it.
    pub programmes: Vec<&'r Programme>,
    /// The highest cap among the programmes waiting for it: a ranking key, not an estimate.
    pub worth_up_to: Option<Decimal>,
}

/// Plausible-looking input that is unusual: a warning the user may accept, not an error.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// A year after the as-of date.
    FutureYear { field: Field, year: i32 },
    /// A date after the as-of date.
    FutureDate { field: Field, date: Date },
    /// A credit code whose division disagrees with a yes/no answer (registered in the province).
    Division { field: Field },
    /// A city award above the programme's whole total cap.
    CityAwardAboveCap { field: Field, cap: Decimal },
}
