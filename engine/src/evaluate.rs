//! The engine: `evaluate(profile, library, as_of)`. Pure: no clock, no I/O, same input, same output.
//! It evaluates the programmes of every pack that applies to the company: the province's, its
//! city's and its district's.

use crate::date::Date;
use crate::fields::{Field, FieldKind};
use crate::input::ProfileError;
use crate::limits::position;
use crate::money::{self, compare};
use crate::profile::{Profile, Value};
use crate::report::*;
use crate::rules::{CapRule, Condition, Document, Formula, Level, Library, Pack, Prefill, Programme, Test};
use rust_decimal::Decimal;
use smallvec::SmallVec;

pub use crate::force::LAPSE_WARNING_DAYS;
use crate::force::{force_on, longest, rests_on_weak_sources, Force};

#[derive(Debug, Clone, PartialEq)]
pub enum EvalError {
    /// The profile breaks the input rules; each problem names its field.
    Invalid(Vec<ProfileError>),
    /// A sum or product left `Decimal`'s range. Cannot happen with validated input and sane rule
    /// data, but is reported rather than trusted.
    Overflow { programme: String },
}

/// The result of a test: unknown inputs stay unknown, and a range across a threshold depends on
/// where in the range the figure lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truth {
    Yes,
    No,
    Unknown,
    Depends,
}

pub fn evaluate<'r>(profile: &Profile, library: &'r Library, as_of: Date) -> Result<Report<'r>, EvalError> {
    // The quick check first; the full one only to say what is wrong.
    if !profile.is_valid(library) {
        return Err(EvalError::Invalid(profile.validate(library)));
    }
    let packs = applicable_packs(profile, library, as_of);
    let count = packs.iter().map(|p| p.programmes.len()).sum();
    // Each outcome is filled in where it lies: with its lists inline it is too large to move cheaply.
    let mut outcomes = Vec::with_capacity(count);
    // By the level that pays: a programme a pack declares for a lower level (the city award a
    // provincial match rests on) comes among that level's, first.
    for &level in &Level::TOTALLED {
        for pack in &packs {
            let of_level =
                pack.programmes.iter().filter(|p| !p.is_informational() && p.level_in(pack) == level);
            outcomes.extend(of_level.map(|p| Outcome::new(pack, p)));
        }
    }
    // A document ending on or before this day lapses within LAPSE_WARNING_DAYS of the as-of date.
    let lapse_horizon = Date::from_days_since_epoch(as_of.days_since_epoch() + LAPSE_WARNING_DAYS);
    for outcome in &mut outcomes {
        let (pack, programme) = (outcome.pack, outcome.programme);
        Evaluation { profile, library, as_of, lapse_horizon, pack, programme }
            .run(outcome)
            .ok_or_else(|| EvalError::Overflow { programme: programme.id.clone() })?;
    }
    crate::limits::across_programmes(&mut outcomes, &packs, profile, library, as_of)
        .ok_or_else(|| EvalError::Overflow { programme: "limits across programmes".into() })?;
    let totals = totals(&outcomes, &packs, library)
        .ok_or_else(|| EvalError::Overflow { programme: "totals".into() })?;
    let missing = ranked_missing(&outcomes);
    let warnings = warnings(profile, library, &outcomes, as_of);
    let gaps = gaps(profile, library, &packs, as_of);
    Ok(Report { library, as_of, packs, outcomes, totals, missing, warnings, gaps })
}

/// The levels at which no pack serves the company's place, as the common pack's `coverage` lists
/// them. Said only where the library holds packs of that level at all: the page's first part has
/// none yet, and could not tell a place without a pack from one whose pack has not arrived.
fn gaps<'r>(profile: &Profile, library: &'r Library, packs: &[&Pack], as_of: Date) -> Vec<Gap<'r>> {
    let mut gaps = Vec::new();
    // Only the common pack declares coverage (the check says so), and it comes first.
    let coverage =
        library.packs.first().filter(|p| p.level == Level::Common).map_or(&[][..], |p| &p.coverage);
    for coverage in coverage {
        let level = coverage.level;
        if packs.iter().any(|p| p.level == level) || library.packs.iter().all(|p| p.level != level) {
            continue;
        }
        let field = coverage.field.field;
        let Value::Choice(id) = profile.get(field) else { continue };
        let Some(place) = library.question(field).choice(id) else { continue };
        if !is_asked(profile, library, field, as_of) {
            continue;
        }
        let notes = coverage
            .notes
            .iter()
            .filter(|n| {
                n.when.as_ref().is_none_or(|t| test(profile, as_of, t, &mut Hints::new()) == Truth::Yes)
            })
            .collect();
        gaps.push(Gap { coverage, place, notes });
    }
    gaps
}

/// The packs whose programmes concern the company: those that apply everywhere, and those whose
/// `applies` test is a clear yes (its city, its district); province first, then city, then
/// district, in library order within a level.
pub fn applicable_packs<'r>(profile: &Profile, library: &'r Library, as_of: Date) -> Vec<&'r Pack> {
    // Level by level rather than a sort: one pass per level over a handful of packs, and no
    // sorting code in the page (a sort of a new type costs about 3 KB of wasm).
    Level::TOTALLED
        .iter()
        .flat_map(|&level| library.packs.iter().filter(move |p| p.level == level))
        .filter(|p| {
            p.applies.as_ref().is_none_or(|t| test(profile, as_of, t, &mut Hints::new()) == Truth::Yes)
        })
        .collect()
}

/// Whether a pack's questions are asked of this company (the common pack's always are).
pub fn pack_applies(pack: &Pack, profile: &Profile, as_of: Date) -> bool {
    pack.applies.as_ref().is_none_or(|t| test(profile, as_of, t, &mut Hints::new()) == Truth::Yes)
}

/// Whether the form asks this question of this company: its pack applies, and its own
/// `ask_when` (a district only for a city that has districts) holds.
pub fn is_asked(profile: &Profile, library: &Library, field: Field, as_of: Date) -> bool {
    let question = library.question(field);
    pack_applies(library.pack_of(field), profile, as_of)
        && question.ask_when.as_ref().is_none_or(|t| test(profile, as_of, t, &mut Hints::new()) == Truth::Yes)
}

/// A programme's own outcome on another profile, before any limit across programmes: what it
/// gives at one figure of a range (`limits`).
#[cold]
pub(crate) fn own_outcome<'r>(
    profile: &Profile,
    library: &'r Library,
    as_of: Date,
    pack: &'r Pack,
    programme: &'r Programme,
) -> Option<Outcome<'r>> {
    let lapse_horizon = Date::from_days_since_epoch(as_of.days_since_epoch() + LAPSE_WARNING_DAYS);
    let mut outcome = Outcome::new(pack, programme);
    Evaluation { profile, library, as_of, lapse_horizon, pack, programme }.run(&mut outcome)?;
    Some(outcome)
}

pub(crate) struct Evaluation<'a, 'r> {
    pub(crate) profile: &'a Profile,
    pub(crate) library: &'r Library,
    pub(crate) as_of: Date,
    /// The as-of date plus LAPSE_WARNING_DAYS (`None` past the calendar's end).
    lapse_horizon: Option<Date>,
    pack: &'r Pack,
    pub(crate) programme: &'r Programme,
}

impl<'r> Evaluation<'_, 'r> {
    /// Fills in `outcome`, which starts as `Outcome::new`. `None` on arithmetic overflow.
    fn run(&self, outcome: &mut Outcome<'r>) -> Option<()> {
        let p = self.programme;
        let Some(topic) = p.topic_index else {
            return Some(());
        };
        if !self.profile.has_topic(crate::fields::TopicId(topic)) {
            return Some(());
        }
        // First among the notes, and pushed first: inserted later it shifted every other note.
        if let Some(competition) = &p.competitive {
            outcome.notes.push(Note::Competitive(competition));
        }
        let (mut failed, mut depends) = (false, false);
        // A condition a later document adds from a date (a floor) counts only on its days.
        for condition in self.library.conditions_of(p).iter().filter(|c| c.applies_on(self.as_of)) {
            let status = self.check(condition, outcome);
            failed |= status == Status::NotMet;
            depends |= status == Status::Depends;
            outcome.conditions.push(Checked { condition, status });
        }
        for reading in &p.readings {
            if reading.when.as_ref().is_none_or(|t| self.test(t, &mut Hints::new()) == Truth::Yes) {
                outcome.notes.push(Note::Reading(reading));
            }
        }
        if let Some(formula) = &p.formula {
            self.compute(formula, outcome)?;
        }
        outcome.verdict = if failed {
            Verdict::NotEligible
        } else if !outcome.missing.is_empty() {
            Verdict::Undetermined
        } else if depends {
            Verdict::Depends
        } else {
            Verdict::Eligible
        };
        if failed {
            // A "no" stands whatever else is filled in: no amount, no arithmetic, nothing to ask.
            outcome.amount = Amount::None;
            outcome.steps.clear();
            outcome.missing.clear();
        } else {
            if depends {
                // Not eligible on one side of a threshold: the band starts at nothing.
                if let Some(band) = outcome.amount.band() {
                    outcome.amount = outcome.amount.with_band(Band { low: Decimal::ZERO, ..band });
                }
            }
            if p.competitive.is_some() {
                outcome.amount = match outcome.amount {
                    Amount::RuleBased(yuan) => Amount::Ceiling(yuan),
                    Amount::Band(band) => Amount::CeilingBand(band),
                    other => other,
                };
            }
        }
        self.period_of_force(outcome);
        self.context_notes(outcome);
        Some(())
    }

    fn check(&self, condition: &'r Condition, outcome: &mut Outcome<'r>) -> Status {
        // A test leaves hints only when it fails: they go straight to the outcome. Most conditions
        // are yes/no questions: answered here, without the general test's setup and call.
        let truth = match &condition.test {
            Test::Is { field, value } => match self.profile.get(field.field) {
                Value::Bool(b) => truth(b == *value),
                _ => Truth::Unknown,
            },
            test => self.test(test, &mut outcome.hints),
        };
        match truth {
            Truth::Yes => Status::Met,
            Truth::No => Status::NotMet,
            Truth::Depends => Status::Depends,
            // The condition's own line says "not answered: please confirm"; no separate note.
            Truth::Unknown if condition.declaration => Status::Assumed,
            Truth::Unknown => {
                condition.test.for_each_field(&mut |field| {
                    if !self.profile.get(field).is_known() {
                        add_missing(&mut outcome.missing, field);
                    }
                });
                Status::Unknown
            }
        }
    }

    pub(crate) fn test(&self, t: &Test, hints: &mut Hints) -> Truth {
        test(self.profile, self.as_of, t, hints)
    }

    pub(crate) fn prefill(&self, field: Field) -> Option<&'r Prefill> {
        prefill_for(self.profile, self.library, self.as_of, field)
    }

    /// A programme none of whose bases is in force on the as-of date gives nothing (a recurring one
    /// says that no later document was found); one that outlives a basis under another says so;
    /// near the end of a basis, or with no published end, it says so too.
    ///
    /// Nearly every evaluation finds each basis in force and far from its end: that is settled in
    /// one pass over the documents; anything else goes to `force_in_full` (measured: building the
    /// full picture for every programme was a tenth of an evaluation's time).
    fn period_of_force(&self, outcome: &mut Outcome<'r>) {
        let notes_before = outcome.notes.len();
        // Settled: some basis in force (or none with a period), none ended, none ending soon. A
        // basis that has not started yet (next year's rules) changes nothing today.
        let (mut in_force, mut periods, mut settled) = (false, false, true);
        for document in self.pack.documents_of(self.programme) {
            let Some(period) = document.in_force else { continue };
            periods = true;
            match period.to {
                _ if period.from > self.as_of => {}
                Some(end) if end < self.as_of => settled = false,
                Some(end) if self.lapse_horizon.is_none_or(|horizon| end <= horizon) => settled = false,
                Some(_) => in_force = true,
                None => {
                    in_force = true;
                    outcome.notes.push(Note::EndUnknown(document));
                }
            }
        }
        if !settled || (periods && !in_force) {
            outcome.notes.truncate(notes_before);
            self.force_in_full(outcome);
        }
    }

    /// `period_of_force` where a basis is not in force, or ends near the as-of date.
    #[cold]
    fn force_in_full(&self, outcome: &mut Outcome<'r>) {
        let (on, ended) = match force_on(self.pack, self.programme, self.as_of) {
            Force::Unbounded => return,
            Force::InForce { on, ended } => (on, ended),
            Force::NotYet { first } => return self.not_in_force(first, None, outcome),
            Force::Ended { last, next } => return self.not_in_force(last, next, outcome),
        };
        for &document in &on {
            match document.in_force.and_then(|p| p.to) {
                // Most documents end long after the as-of date: the days are counted only near the end.
                Some(end) if self.lapse_horizon.is_none_or(|horizon| end <= horizon) => {
                    let days = self.as_of.days_until(end);
                    // Another basis that runs longer carries the programme on.
                    let continues = longest(&on).filter(|c| {
                        !std::ptr::eq(*c, document)
                            && c.in_force.is_some_and(|p| p.to.is_none_or(|to| to > end))
                    });
                    if days <= LAPSE_WARNING_DAYS {
                        outcome.notes.push(Note::Lapses { document, days, continues });
                    }
                }
                Some(_) => {}
                None => outcome.notes.push(Note::EndUnknown(document)),
            }
        }
        if let Some((ended, under)) = ended.zip(longest(&on)) {
            let reading = rests_on_weak_sources(self.programme, &on);
            outcome.notes.push(Note::Continues { ended, under, reading });
        }
    }

    /// Not in force: not eligible, with what the rules would otherwise give as information only.
    #[cold]
    fn not_in_force(&self, document: &'r Document, next: Option<&'r Document>, outcome: &mut Outcome<'r>) {
        let would_have_been =
            if outcome.verdict == Verdict::NotEligible { Amount::None } else { outcome.amount };
        let ended = document.in_force.is_some_and(|p| p.from <= self.as_of);
        // A programme that comes back in rounds: no later document was found as of the review.
        let renewal_unseen =
            (ended && next.is_none() && self.programme.recurring).then_some(self.pack.reviewed);
        outcome.not_in_force = Some(document);
        outcome.would_have_been = would_have_been;
        outcome.verdict = Verdict::NotEligible;
        // No calculation is shown as if it applied, and nothing more is asked.
        outcome.amount = Amount::None;
        outcome.steps.clear();
        outcome.missing.clear();
        outcome.hints.clear();
        outcome.notes.insert(0, Note::NotInForce { document, would_have_been, renewal_unseen, next });
    }

    fn context_notes(&self, outcome: &mut Outcome<'r>) {
        let p = self.programme;
        if let Some(round) = &p.round {
            if round.year != self.as_of.year() {
                outcome.notes.push(Note::OtherRound(round));
            }
        }
        for fact in &p.notes {
            if fact.when.as_ref().is_none_or(|t| self.test(t, &mut Hints::new()) == Truth::Yes) {
                outcome.notes.push(Note::Fact(fact));
            }
        }
    }
}

/// The published figure assumed for an unanswered money question, if some pack has one that
/// applies to this company.
pub fn prefill_for<'r>(
    profile: &Profile,
    library: &'r Library,
    as_of: Date,
    field: Field,
) -> Option<&'r Prefill> {
    library
        .packs
        .iter()
        .flat_map(|p| &p.prefills)
        .find(|p| p.field.field == field && test(profile, as_of, &p.when, &mut Hints::new()) == Truth::Yes)
}

/// Applies a test to a profile. A threshold missed by a little adds a hint to `hints`; a test
/// adds hints only when it fails.
pub fn test(profile: &Profile, as_of: Date, test_: &Test, hints: &mut Hints) -> Truth {
    let value = |field: Field| profile.get(field);
    match test_ {
        Test::Is { field, value: wanted } => match value(field.field) {
            Value::Bool(b) => truth(b == *wanted),
            _ => Truth::Unknown,
        },
        Test::OneOf { field, values } => match value(field.field) {
            Value::Choice(id) => truth(values.iter().any(|v| v == id)),
            _ => Truth::Unknown,
        },
        Test::MoreThan { field, value: threshold, near_miss }
        | Test::AtLeast { field, value: threshold, near_miss } => {
            let strict = matches!(test_, Test::MoreThan { .. });
            let passes = |v: Decimal| {
                let order = compare(v, *threshold);
                if strict {
                    order.is_gt()
                } else {
                    order.is_ge()
                }
            };
            let v = match value(field.field) {
                // A range passes when its low end does, fails when its high end does, and
                // otherwise depends on where the figure lies.
                Value::Range { low, high } if passes(low) != passes(high) => return Truth::Depends,
                Value::Range { high, .. } => high,
                other => match other.as_number() {
                    Some(v) => v,
                    None => return Truth::Unknown,
                },
            };
            let passes = passes(v);
            if !passes && near_miss.is_some_and(|m| *threshold - v <= m) {
                let shortfall = if strict {
                    Shortfall::MoreThan { value: v, threshold: *threshold }
                } else {
                    Shortfall::AtLeast { value: v, threshold: *threshold }
                };
                record_near_miss(hints, field.field, shortfall);
            }
            truth(passes)
        }
        Test::YearBetween { field, from, to, near_miss } => {
            let Value::Year(y) = value(field.field) else {
                return Truth::Unknown;
            };
            let inside = (*from..=*to).contains(&y);
            // Most years are inside: the margins are looked at only for the others.
            if let (false, Some(margin)) = (inside, *near_miss) {
                if y < *from && from - y <= margin {
                    record_near_miss(hints, field.field, Shortfall::YearBefore { value: y, from: *from });
                } else if y > *to && y - to <= margin {
                    record_near_miss(hints, field.field, Shortfall::YearAfter { value: y, to: *to });
                }
            }
            truth(inside)
        }
        Test::OnOrAfter { field, date, near_miss_days } => {
            let Value::Date(d) = value(field.field) else {
                return Truth::Unknown;
            };
            if d < *date && near_miss_days.is_some_and(|m| d.days_until(*date) <= m) {
                record_near_miss(hints, field.field, Shortfall::DaysBefore { value: d, limit: *date });
            }
            truth(d >= *date)
        }
        Test::OnOrBefore { field, date, near_miss_days } => {
            let Value::Date(d) = value(field.field) else {
                return Truth::Unknown;
            };
            if d > *date && near_miss_days.is_some_and(|m| date.days_until(d) <= m) {
                record_near_miss(hints, field.field, Shortfall::DaysAfter { value: d, limit: *date });
            }
            truth(d <= *date)
        }
        Test::WithinYearsOfAsOf { field, years } => {
            let Value::Date(d) = value(field.field) else {
                return Truth::Unknown;
            };
            // Under `years` old: the anniversary is still after the as-of date.
            truth(d.plus_years(*years).is_some_and(|anniversary| anniversary > as_of))
        }
        Test::RecentYear { field, years } => {
            let Value::Year(y) = value(field.field) else {
                return Truth::Unknown;
            };
            let latest = as_of.year();
            truth(y <= latest && i64::from(latest) - i64::from(y) <= i64::from(*years))
        }
        Test::AnyOf(tests) => any_of(profile, as_of, tests, hints),
        Test::AllOf(tests) => {
            let mut result = Truth::Yes;
            for t in tests {
                match test(profile, as_of, t, hints) {
                    Truth::No => return Truth::No,
                    Truth::Unknown => result = Truth::Unknown,
                    Truth::Depends if result == Truth::Yes => result = Truth::Depends,
                    Truth::Depends | Truth::Yes => {}
                }
            }
            result
        }
    }
}

/// The range that makes a test depend on where the figure lies: the first simple threshold test
/// whose range crosses it. Worked out when the words are (`view`), not in every evaluation: an
/// outcome with room for it in each condition was a third slower to fill.
pub fn crossing(profile: &Profile, t: &Test) -> Option<Crossing> {
    match t {
        Test::AnyOf(tests) | Test::AllOf(tests) => tests.iter().find_map(|t| crossing(profile, t)),
        Test::MoreThan { field, value, .. } | Test::AtLeast { field, value, .. } => {
            let Value::Range { low, high } = profile.get(field.field) else { return None };
            let strict = matches!(t, Test::MoreThan { .. });
            let passes = |v: Decimal| if strict { v > *value } else { v >= *value };
            (passes(low) != passes(high)).then_some(Crossing {
                field: field.field,
                low,
                high,
                threshold: *value,
                strict,
            })
        }
        _ => None,
    }
}

/// Every test runs (each may leave a hint); then any yes wins, else any unknown. The hints are kept
/// only when every test fails.
fn any_of(profile: &Profile, as_of: Date, tests: &[Test], hints: &mut Hints) -> Truth {
    let mut own_hints = Hints::new();
    let (mut yes, mut unknown, mut depends) = (false, false, false);
    for t in tests {
        match test(profile, as_of, t, &mut own_hints) {
            Truth::Yes => yes = true,
            Truth::Unknown => unknown = true,
            Truth::Depends => depends = true,
            Truth::No => {}
        }
    }
    if yes {
        Truth::Yes
    } else if unknown {
        Truth::Unknown
    } else if depends {
        Truth::Depends
    } else {
        hints.extend_from_slice(&own_hints);
        Truth::No
    }
}

/// The most the province matches under one reading of the total cap.
#[inline]
pub(crate) fn match_limit(rule: CapRule, total_cap: Decimal, city_award: Decimal) -> Decimal {
    match rule {
        CapRule::HalfOfTotalCap => money::half(total_cap),
        CapRule::StrictTotal => money::max(total_cap - city_award, Decimal::ZERO),
        CapRule::ProvincialPartOnly => total_cap,
    }
}

fn truth(b: bool) -> Truth {
    if b {
        Truth::Yes
    } else {
        Truth::No
    }
}

/// Records a near miss. Out of line: most thresholds are passed, or missed by far.
#[cold]
fn record_near_miss(hints: &mut Hints, field: Field, shortfall: Shortfall) {
    hints.push(NearMiss { field, shortfall });
}

pub(crate) fn add_missing(missing: &mut Fields, field: Field) {
    if !missing.contains(&field) {
        missing.push(field);
    }
}

/// The totals by level: eligible rule-based amounts, and apart from them eligible competitive
/// ceilings. Programmes that pay on the same money (`overlaps`) are never added together: of those
/// of one level and one kind, only the largest counts.
fn totals(outcomes: &[Outcome<'_>], packs: &[&Pack], library: &Library) -> Option<Vec<Totals>> {
    let mut all: Vec<Totals> = Vec::new();
    for outcome in outcomes {
        let level = outcome.level;
        // A line a pack of another level declares (the city award a provincial match rests on)
        // brings its level into the totals only where it concerns the company.
        if level != outcome.pack.level && outcome.verdict == Verdict::NotApplicable {
            continue;
        }
        let totals = match all.iter_mut().position(|t| t.level == level) {
            Some(i) => &mut all[i],
            None => {
                all.push(Totals {
                    level,
                    rule_based: Band::ZERO,
                    competitive_ceilings: Band::ZERO,
                    eligible: 0,
                    undetermined: 0,
                });
                all.last_mut()?
            }
        };
        match outcome.verdict {
            Verdict::Eligible => totals.eligible += 1,
            Verdict::Undetermined | Verdict::Depends => totals.undetermined += 1,
            _ => continue,
        }
        if outcome.verdict != Verdict::Eligible {
            continue;
        }
        if let Some(band) = outcome.amount.band() {
            let slot = if outcome.amount.is_ceiling() {
                &mut totals.competitive_ceilings
            } else {
                &mut totals.rule_based
            };
            *slot = slot.plus(band)?;
        }
    }
    for overlap in packs.iter().flat_map(|p| &p.overlaps) {
        let members: SmallVec<[&Outcome<'_>; 2]> = overlap
            .programmes
            .iter()
            .filter_map(|r| position(outcomes, library, r))
            .map(|at| &outcomes[at])
            .filter(|o| o.verdict == Verdict::Eligible)
            .collect();
        for totals in &mut all {
            for ceiling in [false, true] {
                let amounts: SmallVec<[Band; 2]> = members
                    .iter()
                    .filter(|o| o.level == totals.level && o.amount.is_ceiling() == ceiling)
                    .filter_map(|o| o.amount.band())
                    .collect();
                if amounts.len() < 2 {
                    continue;
                }
                // Only the largest counts: the sum of them is replaced by it, end by end.
                let largest = Band {
                    low: amounts.iter().map(|b| b.low).max()?,
                    high: amounts
                        .iter()
                        .map(|b| b.high)
                        .collect::<Option<SmallVec<[Decimal; 2]>>>()
                        .and_then(|h| h.into_iter().max()),
                };
                let sum = amounts.iter().try_fold(Band::ZERO, |s, b| s.plus(*b))?;
                let slot = if ceiling { &mut totals.competitive_ceilings } else { &mut totals.rule_based };
                slot.low = money::add(money::sub(slot.low, sum.low)?, largest.low)?;
                slot.high = match (slot.high, sum.high, largest.high) {
                    (Some(t), Some(s), Some(l)) => Some(money::add(money::sub(t, s)?, l)?),
                    _ => None,
                };
            }
        }
    }
    // In level order already: the outcomes follow `applicable_packs`.
    Some(all)
}

/// The highest amount a programme could give anyone: ranks the questions still to ask.
fn worth(programme: &Programme) -> Option<Decimal> {
    match programme.formula.as_ref()? {
        Formula::RateOfBase { cap, alternatives, cap_when, .. } => {
            let other = alternatives.iter().filter_map(|a| a.cap).chain(cap_when.iter().map(|c| c.cap)).max();
            Some(other.map_or(cap.highest(), |a| a.max(cap.highest())))
        }
        Formula::CityAwardMatch { total_cap, .. } => Some(money::half(*total_cap)),
        Formula::CityAward { .. } | Formula::NoFixedAmount { .. } => None,
        Formula::PerItem { cap, .. } => *cap,
        Formula::Tiers { tiers, .. } => tiers.iter().map(|t| t.amount).max(),
    }
}

fn ranked_missing<'r>(outcomes: &[Outcome<'r>]) -> Vec<MissingInput<'r>> {
    let mut missing: Vec<MissingInput<'r>> = Vec::new();
    for outcome in outcomes.iter().filter(|o| o.verdict == Verdict::Undetermined) {
        let w = worth(outcome.programme);
        for &field in &outcome.missing {
            match missing.iter_mut().find(|m| m.field == field) {
                Some(entry) => {
                    entry.programmes.push(outcome.programme);
                    entry.worth_up_to = entry.worth_up_to.max(w);
                }
                None => {
                    missing.push(MissingInput { field, programmes: vec![outcome.programme], worth_up_to: w })
                }
            }
        }
    }
    // Stable: among equals, the order of the rule data and the form.
    crate::order::sort_stable_by(&mut missing, |a, b| a.worth_up_to > b.worth_up_to);
    missing
}

fn warnings(profile: &Profile, library: &Library, outcomes: &[Outcome<'_>], as_of: Date) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for &field in library.warned_fields() {
        match profile.get(field) {
            Value::Year(year) if year > as_of.year() => warnings.push(Warning::FutureYear { field, year }),
            Value::Date(date) if date > as_of => warnings.push(Warning::FutureDate { field, date }),
            Value::CreditCode(code) if library.kind(field) == FieldKind::CreditCode => {
                if let Some(check) = &library.question(field).division {
                    let claims = profile.get(check.agrees_with.field) == Value::Bool(true);
                    if claims && !code.division_starts_with(&check.prefix) {
                        warnings.push(Warning::Division { field });
                    }
                }
            }
            _ => {}
        }
    }
    for outcome in outcomes {
        if let Some(Formula::CityAwardMatch { award, total_cap, .. }) = &outcome.programme.formula {
            if let Value::Money(m) = profile.get(award.field) {
                let warning = Warning::CityAwardAboveCap { field: award.field, cap: *total_cap };
                if compare(m, *total_cap).is_gt() && !warnings.contains(&warning) {
                    warnings.push(warning);
                }
            }
        }
    }
    warnings
}
