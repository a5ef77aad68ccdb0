//! What `evaluate` returns: for each programme a verdict, an amount, the conditions checked, the
//! calculation steps with the user's numbers, notes and near-miss hints. Structured data only; the
//! words are produced by `explain` in the reader's language.

use crate::date::Date;
use crate::fields::Field;
use crate::rules::{
    CapReading, CapRule, CityAward, Competition, Condition, Document, Programme, Reading, Round, RuleSet,
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
/// The notes of one programme (at most 7 in the rule data, when every document is out of force).
pub type Notes<'r> = SmallVec<[Note<'r>; 8]>;
/// The near misses of one programme (at most 2 in the rule data).
pub type Hints = SmallVec<[NearMiss; 2]>;

#[derive(Debug, Clone)]
pub struct Report<'r> {
    pub rules: &'r RuleSet,
    pub as_of: Date,
    /// Quantified programmes, in rule-data order.
    pub outcomes: Vec<Outcome<'r>>,
    pub totals: Totals,
    /// Inputs still missing, the most valuable first.
    pub missing: Vec<MissingInput<'r>>,
    pub warnings: Vec<Warning>,
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
}

impl Amount {
    pub fn yuan(&self) -> Option<Decimal> {
        match *self {
            Amount::RuleBased(y) | Amount::Ceiling(y) => Some(y),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Outcome<'r> {
    pub programme: &'r Programme,
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
    pub fn new(programme: &'r Programme) -> Outcome<'r> {
        Outcome {
            programme,
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
}

#[derive(Debug, Clone)]
pub struct Checked<'r> {
    pub condition: &'r Condition,
    pub status: Status,
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
        choice: Option<&'static str>,
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
        estimate: Decimal,
        threshold: Decimal,
    },
    PerSeparateRules {
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
        others: SmallVec<[(&'r CapReading, Decimal); 2]>,
    },
    /// The city award was not entered; the city's published award was assumed.
    PrefilledCityAward(&'r CityAward),
    /// A document the programme rests on is not in force on the as-of date.
    NotInForce(&'r Document),
    /// The windows are those of a round other than the as-of year's.
    OtherRound(&'r Round),
    Fact(&'r crate::lang::Text),
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Totals {
    /// Eligible, non-competitive amounts: what the rules allow without ranking.
    pub rule_based: Decimal,
    /// Eligible competitive ceilings: never added to `rule_based`, since ranking decides.
    pub competitive_ceilings: Decimal,
    pub eligible: usize,
    pub undetermined: usize,
}

/// An input some verdict still waits for, and what it could be worth.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MissingInput<'r> {
    pub field: Field,
    /// The ids of the programmes waiting for it.
    pub programmes: Vec<&'r str>,
    /// The highest cap among the programmes waiting for it: a ranking key, not an estimate.
    pub worth_up_to: Option<Decimal>,
}

/// Plausible-looking input that is unusual: a warning the user may accept, not an error.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Warning {
    /// A year after the as-of date.
    FutureYear { field: Field, year: i32 },
    /// A date after the as-of date.
    FutureDate { field: Field, date: Date },
    /// Registered in Guangdong, but the credit code's division is not 44.
    CreditCodeNotGuangdong,
    /// A city award above the programme's whole total cap.
    CityAwardAboveCap { field: Field, cap: Decimal },
}
