//! The engine: `evaluate(profile, library, as_of)`. Pure: no clock, no I/O, same input, same output.
//! It evaluates the programmes of every pack that applies to the company: the province's, its
//! city's and its district's.

use crate::date::Date;
use crate::fields::{Field, FieldKind};
use crate::input::ProfileError;
use crate::money::{self, compare, floor_to_fen};
use crate::profile::{Profile, Value};
use crate::report::*;
use crate::rules::{
    Cap, CapRule, Condition, ConditionalCap, Document, Formula, Level, Library, Pack, Prefill, Programme,
    Test,
};
use rust_decimal::Decimal;
use smallvec::SmallVec;

/// How many days before a document's end the result warns that it lapses.
pub const LAPSE_WARNING_DAYS: i64 = 90;

#[derive(Debug, Clone, PartialEq)]
pub enum EvalError {
    /// The profile breaks the input rules; each problem names its field.
    Invalid(Vec<ProfileError>),
    /// A sum or product left `Decimal`'s range. Cannot happen with validated input and sane rule
    /// data, but is reported rather than trusted.
    Overflow { programme: String },
}

/// Three-valued result of a test: unknown inputs stay unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truth {
    Yes,
    No,
    Unknown,
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
    for pack in &packs {
        outcomes
            .extend(pack.programmes.iter().filter(|p| !p.is_informational()).map(|p| Outcome::new(pack, p)));
    }
    // A document ending on or before this day lapses within LAPSE_WARNING_DAYS of the as-of date.
    let lapse_horizon = Date::from_days_since_epoch(as_of.days_since_epoch() + LAPSE_WARNING_DAYS);
    for outcome in &mut outcomes {
        let (pack, programme) = (outcome.pack, outcome.programme);
        Evaluation { profile, library, as_of, lapse_horizon, pack, programme }
            .run(outcome)
            .ok_or_else(|| EvalError::Overflow { programme: programme.id.clone() })?;
    }
    across_programmes(&mut outcomes, &packs, profile, library, as_of)
        .ok_or_else(|| EvalError::Overflow { programme: "limits across programmes".into() })?;
    let totals = totals(&outcomes, &packs, library)
        .ok_or_else(|| EvalError::Overflow { programme: "totals".into() })?;
    let missing = ranked_missing(&outcomes);
    let warnings = warnings(profile, library, &outcomes, as_of);
    Ok(Report { library, as_of, packs, outcomes, totals, missing, warnings })
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

struct Evaluation<'a, 'r> {
    profile: &'a Profile,
    library: &'r Library,
    as_of: Date,
    /// The as-of date plus LAPSE_WARNING_DAYS (`None` past the calendar's end).
    lapse_horizon: Option<Date>,
    pack: &'r Pack,
    programme: &'r Programme,
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
        let mut failed = false;
        for condition in &p.conditions {
            let status = self.check(condition, outcome);
            failed |= status == Status::NotMet;
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
        } else if outcome.missing.is_empty() {
            Verdict::Eligible
        } else {
            Verdict::Undetermined
        };
        if failed {
            // A "no" stands whatever else is filled in: no amount, no arithmetic, nothing to ask.
            outcome.amount = Amount::None;
            outcome.steps.clear();
            outcome.missing.clear();
        } else if let (Some(yuan), Some(_)) = (outcome.amount.yuan(), &p.competitive) {
            outcome.amount = Amount::Ceiling(yuan);
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

    fn test(&self, t: &Test, hints: &mut Hints) -> Truth {
        test(self.profile, self.as_of, t, hints)
    }

    /// Fills in the amount and the steps, or the missing inputs. `None` on overflow.
    fn compute(&self, formula: &'r Formula, outcome: &mut Outcome<'r>) -> Option<()> {
        match formula {
            Formula::RateOfBase { rate, base, cap, rate_when, cap_when, alternatives } => {
                let mut parts = SmallVec::<[(Field, Decimal); 2]>::new();
                for r in base {
                    match self.money(r.field, outcome) {
                        Some(m) => parts.push((r.field, m)),
                        None => add_missing(&mut outcome.missing, r.field),
                    }
                }
                let mut cap_period = None;
                let (cap_amount, choice) = match cap {
                    Cap::Fixed(amount) => (Some(*amount), None),
                    Cap::Dated(periods) => {
                        let period = periods.iter().find(|p| p.contains(self.as_of));
                        if let Some(p) = period.filter(|p| p.note.is_some()) {
                            outcome.notes.push(Note::CapPeriod(p));
                        }
                        cap_period = period.map(|p| (p.from, p.to));
                        (period.map(|p| p.amount), None)
                    }
                    Cap::ByChoice { by, amounts } => match self.profile.get(by.field) {
                        Value::Choice(id) => (amounts.get(id).copied(), Some(by.field)),
                        _ => {
                            add_missing(&mut outcome.missing, by.field);
                            (None, None)
                        }
                    },
                };
                // The rate: the first conditional rate that holds; one whose condition is unknown
                // is shown beside the amount, which uses the formula's own rate (the floor).
                let mut rate_taken = *rate;
                let mut unsure = SmallVec::<[&crate::rules::ConditionalRate; 1]>::new();
                for r in rate_when {
                    match self.test(&r.when, &mut Hints::new()) {
                        Truth::Yes => {
                            rate_taken = r.rate;
                            outcome.notes.push(Note::RateApplies(r));
                            unsure.clear();
                            break;
                        }
                        Truth::Unknown => unsure.push(r),
                        Truth::No => {}
                    }
                }
                // The cap: the first conditional cap that holds; one whose condition is unknown is
                // shown beside the amount, which keeps the formula's own cap (the floor).
                let mut cap_amount = cap_amount;
                let mut cap_unsure = SmallVec::<[&ConditionalCap; 1]>::new();
                for c in cap_when {
                    match self.test(&c.when, &mut Hints::new()) {
                        Truth::Yes => {
                            cap_amount = Some(c.cap);
                            cap_period = None;
                            outcome.notes.push(Note::CapApplies(c));
                            cap_unsure.clear();
                            break;
                        }
                        Truth::Unknown => cap_unsure.push(c),
                        Truth::No => {}
                    }
                }
                if parts.len() < base.len() {
                    return Some(());
                }
                let Some(cap_amount) = cap_amount else {
                    return Some(());
                };
                let total = parts.iter().try_fold(Decimal::ZERO, |sum, (_, m)| money::add(sum, *m))?;
                let exact = money::mul(rate_taken, total)?;
                let result = money::min(exact, cap_amount);
                if parts.len() > 1 {
                    outcome.steps.push(Step::Base { parts, total });
                }
                outcome.steps.push(Step::Rate { rate: rate_taken, base: total, result: exact });
                outcome.steps.push(Step::Cap {
                    cap: cap_amount,
                    reached: compare(exact, cap_amount).is_gt(),
                    result,
                    choice,
                    period: cap_period,
                });
                let amount = self.rounded(result, outcome);
                outcome.amount = Amount::RuleBased(amount);
                for r in unsure {
                    let other = floor_to_fen(money::min(money::mul(r.rate, total)?, cap_amount));
                    if compare(other, amount).is_ne() {
                        outcome.notes.push(Note::RateIfCondition { rate: r, amount: other });
                    }
                }
                for c in cap_unsure {
                    let other = floor_to_fen(money::min(exact, c.cap));
                    if compare(other, amount).is_ne() {
                        outcome.notes.push(Note::CapIfCondition { cap: c, amount: other });
                    }
                }
                for alternative in alternatives {
                    let cap = alternative.cap.unwrap_or(cap_amount);
                    let other = if alternative.cap_only {
                        cap
                    } else {
                        floor_to_fen(money::min(
                            money::mul(alternative.rate.unwrap_or(rate_taken), total)?,
                            cap,
                        ))
                    };
                    if compare(other, amount).is_ne() {
                        outcome.notes.push(Note::Alternative { alternative, amount: other });
                    }
                }
            }
            Formula::CityAwardMatch { award, ratio, total_cap, readings } => {
                let Some(city_award) = self.money(award.field, outcome) else {
                    add_missing(&mut outcome.missing, award.field);
                    return Some(());
                };
                let product = money::mul(*ratio, city_award)?;
                // Every reading gives `floor_to_fen(min(product, limit))`: the product is cut to
                // the fen once, not once a reading.
                let product_to_fen = floor_to_fen(product);
                let matched = |limit| {
                    if compare(product, limit).is_gt() {
                        floor_to_fen(limit)
                    } else {
                        product_to_fen
                    }
                };
                let (taken, others) = readings.split_first()?;
                let limit = match_limit(taken.rule, *total_cap, city_award);
                let result = matched(limit);
                outcome.steps.push(Step::Match { award: city_award, ratio: *ratio, product });
                outcome.steps.push(Step::MatchLimit {
                    rule: taken.rule,
                    total_cap: *total_cap,
                    limit,
                    result,
                });
                outcome.steps.push(Step::CityPlusProvince {
                    city: city_award,
                    province: result,
                    total: money::add(city_award, result)?,
                });
                let mut alternatives = SmallVec::new();
                for reading in others {
                    let amount = matched(match_limit(reading.rule, *total_cap, city_award));
                    if compare(amount, result).is_ne() {
                        alternatives.push((reading, amount));
                    }
                }
                if !alternatives.is_empty() {
                    outcome.notes.push(Note::CapReadings { taken, others: alternatives });
                }
                outcome.amount = Amount::RuleBased(result);
            }
            Formula::NoFixedAmount { estimate, case_by_case_from } => {
                let field = estimate.field;
                let estimate = match self.profile.get(field) {
                    Value::Money(m) => Some(m),
                    _ => None,
                };
                match estimate {
                    Some(e) if compare(e, *case_by_case_from).is_ge() => {
                        outcome.steps.push(Step::CaseByCase {
                            field,
                            estimate: e,
                            threshold: *case_by_case_from,
                        });
                        outcome.amount = Amount::CaseByCase;
                    }
                    _ => {
                        outcome.steps.push(Step::PerSeparateRules {
                            field,
                            estimate,
                            threshold: *case_by_case_from,
                        });
                        outcome.amount = Amount::PerSeparateRules;
                    }
                }
            }
            Formula::PerItem { count, amount, cap } => {
                let Value::Count(n) = self.profile.get(count.field) else {
                    add_missing(&mut outcome.missing, count.field);
                    return Some(());
                };
                let product = money::mul(*amount, Decimal::from(n))?;
                outcome.steps.push(Step::PerItem { count: n, amount: *amount, product });
                let result = match cap {
                    Some(cap) => {
                        let result = money::min(product, *cap);
                        outcome.steps.push(Step::Cap {
                            cap: *cap,
                            reached: compare(product, *cap).is_gt(),
                            result,
                            choice: None,
                            period: None,
                        });
                        result
                    }
                    None => product,
                };
                outcome.amount = Amount::RuleBased(self.rounded(result, outcome));
            }
            Formula::Tiers { by, tiers } => {
                let chosen = by.as_ref().and_then(|by| match self.profile.get(by.field) {
                    Value::Choice(id) => tiers.iter().find(|t| t.id == id),
                    _ => None,
                });
                let (tier, is_chosen) = match chosen {
                    Some(t) => (t, true),
                    None => (tiers.iter().max_by(|a, b| compare(a.amount, b.amount))?, false),
                };
                // A single ceiling with nothing to choose is a fixed amount, not an unknown tier.
                outcome.steps.push(if by.is_none() && tiers.len() == 1 {
                    Step::Fixed { amount: tier.amount }
                } else {
                    Step::Tier { amount: tier.amount, chosen: is_chosen }
                });
                if !is_chosen && tiers.len() > 1 {
                    outcome.notes.push(Note::Tiers(tiers));
                }
                outcome.amount = Amount::RuleBased(tier.amount);
            }
        }
        Some(())
    }

    /// A money answer, or a published figure assumed for it (noted as an assumption).
    fn money(&self, field: Field, outcome: &mut Outcome<'r>) -> Option<Decimal> {
        if let Value::Money(m) = self.profile.get(field) {
            return Some(m);
        }
        let prefill = self.prefill(field)?;
        outcome.notes.push(Note::Prefilled(prefill));
        Some(prefill.amount)
    }

    fn prefill(&self, field: Field) -> Option<&'r Prefill> {
        prefill_for(self.profile, self.library, self.as_of, field)
    }

    fn rounded(&self, exact: Decimal, outcome: &mut Outcome<'r>) -> Decimal {
        let result = floor_to_fen(exact);
        // Numeric comparison: the scale of `exact` does not matter.
        if compare(result, exact).is_ne() {
            outcome.steps.push(Step::Rounded { exact, result });
        }
        result
    }

    /// A programme whose document is not in force on the as-of date gives nothing; near its end,
    /// or with no published end, it says so.
    fn period_of_force(&self, outcome: &mut Outcome<'r>) {
        let mut lapsed: Option<&'r Document> = None;
        for document in self.pack.documents_of(self.programme) {
            let Some(period) = document.in_force else { continue };
            if !period.contains(self.as_of) {
                lapsed = lapsed.or(Some(document));
                continue;
            }
            match period.to {
                // Most documents end long after the as-of date: the days are counted only near the end.
                Some(end) if self.lapse_horizon.is_none_or(|horizon| end <= horizon) => {
                    let days = self.as_of.days_until(end);
                    if days <= LAPSE_WARNING_DAYS {
                        outcome.notes.push(Note::Lapses { document, days });
                    }
                }
                Some(_) => {}
                None => outcome.notes.push(Note::EndUnknown(document)),
            }
        }
        if let Some(document) = lapsed {
            let would_have_been =
                if outcome.verdict == Verdict::NotEligible { Amount::None } else { outcome.amount };
            outcome.not_in_force = Some(document);
            outcome.would_have_been = would_have_been;
            outcome.verdict = Verdict::NotEligible;
            // The amount it would have been is information only: no calculation is shown as if it
            // applied, and nothing more is asked.
            outcome.amount = Amount::None;
            outcome.steps.clear();
            outcome.missing.clear();
            outcome.hints.clear();
            outcome.notes.insert(0, Note::NotInForce { document, would_have_been });
        }
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
            let Some(v) = value(field.field).as_number() else {
                return Truth::Unknown;
            };
            let strict = matches!(test_, Test::MoreThan { .. });
            let order = compare(v, *threshold);
            let passes = if strict { order.is_gt() } else { order.is_ge() };
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
                    Truth::Yes => {}
                }
            }
            result
        }
    }
}

/// The limits that concern several programmes at once, once each has its own amount: combined
/// ceilings on one base (counted in their order: the first keeps its amount, each later one gets
/// at most what is left), yearly caps per company (the same order: the last listed are cut first),
/// and programmes paying on the same money (noted, never added). Each limit that concerns an
/// amount is a step of its calculation, reached or not. `None` on overflow.
fn across_programmes<'r>(
    outcomes: &mut [Outcome<'r>],
    packs: &[&'r Pack],
    profile: &Profile,
    library: &'r Library,
    as_of: Date,
) -> Option<()> {
    for pack in packs {
        for ceiling in &pack.combined_ceilings {
            let applies =
                ceiling.when.as_ref().map_or(Truth::Yes, |t| test(profile, as_of, t, &mut Hints::new()));
            if applies == Truth::No {
                continue;
            }
            let assumed = applies == Truth::Unknown;
            let base = match profile.get(ceiling.base.field) {
                Value::Money(m) => Some(m),
                _ => None,
            };
            let limit = match base {
                Some(b) => Some(floor_to_fen(money::mul(ceiling.rate, b)?)),
                None => None,
            };
            // The base's topic switched off ("we do not rent compute for the city voucher"), as
            // opposed to on with the amount not given yet.
            let undeclared = !profile.has_topic(library.topic_of(ceiling.base.field));
            let mut counted = Decimal::ZERO;
            // What an earlier programme that may pay, but has no figure yet, waits for: while it
            // is not known, neither is what it leaves to the later ones.
            let mut pending = Fields::new();
            for (i, r) in ceiling.programmes.iter().enumerate() {
                let Some(at) = position(outcomes, library, r) else { continue };
                let outcome = &mut outcomes[at];
                let Some(before) = outcome.amount.yuan() else {
                    if in_play(outcome) {
                        outcome.missing.iter().for_each(|f| add_missing(&mut pending, *f));
                    }
                    continue;
                };
                if i == 0 {
                    counted = money::add(counted, before)?;
                    continue;
                }
                let (Some(base), Some(limit), true) = (base, limit, pending.is_empty()) else {
                    if undeclared && pending.is_empty() && counted.is_zero() {
                        // No base declared (its topic is off) and nothing counted before this
                        // one: there is no shared contract to limit.
                        counted = money::add(counted, before)?;
                        continue;
                    }
                    // What is left under the ceiling cannot be worked out yet.
                    if base.is_none() {
                        add_missing(&mut pending, ceiling.base.field);
                    }
                    pending.iter().for_each(|f| add_missing(&mut outcome.missing, *f));
                    outcome.amount = Amount::None;
                    if outcome.verdict == Verdict::Eligible {
                        outcome.verdict = Verdict::Undetermined;
                    }
                    outcome.notes.push(Note::CombinedCeiling {
                        ceiling,
                        assumed,
                        without: before,
                        base_unknown: base.is_none(),
                    });
                    continue;
                };
                let room = money::max(money::sub(limit, counted)?, Decimal::ZERO);
                let after = money::min(before, room);
                let cut = compare(after, before).is_lt();
                if cut || !counted.is_zero() {
                    outcome.steps.push(Step::CombinedCeiling {
                        on: ceiling.base.field,
                        base,
                        rate: ceiling.rate,
                        limit,
                        counted,
                        before,
                        after,
                    });
                }
                if cut {
                    outcome.notes.push(Note::CombinedCeiling {
                        ceiling,
                        assumed,
                        without: before,
                        base_unknown: false,
                    });
                    outcome.amount = outcome.amount.with_yuan(after);
                }
                counted = money::add(counted, after)?;
            }
        }
        for cap in &pack.company_caps {
            // In order: a programme keeps what fits beside those listed before it, so the last
            // listed are the first cut.
            let mut counted = Decimal::ZERO;
            for r in &cap.programmes {
                let Some(at) = position(outcomes, library, r) else { continue };
                let outcome = &mut outcomes[at];
                let Some(before) = outcome.amount.yuan() else { continue };
                let room = money::max(money::sub(cap.cap, counted)?, Decimal::ZERO);
                let after = money::min(before, room);
                let cut = compare(after, before).is_lt();
                if cut || !counted.is_zero() {
                    outcome.steps.push(Step::CompanyCap { cap: cap.cap, others: counted, before, after });
                }
                if cut {
                    outcome.notes.push(Note::CompanyCap { cap, without: before });
                    outcome.amount = outcome.amount.with_yuan(after);
                }
                counted = money::add(counted, after)?;
            }
        }
        for overlap in &pack.overlaps {
            // Said where it matters: two or more of the programmes may pay this company.
            let members: SmallVec<[usize; 2]> = overlap
                .programmes
                .iter()
                .filter_map(|r| position(outcomes, library, r))
                .filter(|at| in_play(&outcomes[*at]))
                .collect();
            if members.len() >= 2 {
                for at in members {
                    outcomes[at].notes.push(Note::Overlap(overlap));
                }
            }
        }
    }
    Some(())
}

/// Where a programme named across packs is among the outcomes (none when its pack does not apply).
fn position(outcomes: &[Outcome<'_>], library: &Library, r: &crate::rules::ProgrammeRef) -> Option<usize> {
    let (_, programme) = library.programme_at(r)?;
    outcomes.iter().position(|o| std::ptr::eq(o.programme, programme))
}

/// A programme that may pay this company: eligible, or waiting for an answer.
fn in_play(outcome: &Outcome<'_>) -> bool {
    matches!(outcome.verdict, Verdict::Eligible | Verdict::Undetermined)
}

/// Every test runs (each may leave a hint); then any yes wins, else any unknown. The hints are kept
/// only when every test fails.
fn any_of(profile: &Profile, as_of: Date, tests: &[Test], hints: &mut Hints) -> Truth {
    let mut own_hints = Hints::new();
    let (mut yes, mut unknown) = (false, false);
    for t in tests {
        match test(profile, as_of, t, &mut own_hints) {
            Truth::Yes => yes = true,
            Truth::Unknown => unknown = true,
            Truth::No => {}
        }
    }
    if yes {
        Truth::Yes
    } else if unknown {
        Truth::Unknown
    } else {
        hints.extend_from_slice(&own_hints);
        Truth::No
    }
}

/// The most the province matches under one reading of the total cap.
#[inline]
fn match_limit(rule: CapRule, total_cap: Decimal, city_award: Decimal) -> Decimal {
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

fn add_missing(missing: &mut Fields, field: Field) {
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
        let level = outcome.pack.level;
        let totals = match all.iter_mut().position(|t| t.level == level) {
            Some(i) => &mut all[i],
            None => {
                all.push(Totals {
                    level,
                    rule_based: Decimal::ZERO,
                    competitive_ceilings: Decimal::ZERO,
                    eligible: 0,
                    undetermined: 0,
                });
                all.last_mut()?
            }
        };
        match outcome.verdict {
            Verdict::Eligible => totals.eligible += 1,
            Verdict::Undetermined => totals.undetermined += 1,
            _ => continue,
        }
        if outcome.verdict != Verdict::Eligible {
            continue;
        }
        match outcome.amount {
            Amount::RuleBased(y) => totals.rule_based = money::add(totals.rule_based, y)?,
            Amount::Ceiling(y) => totals.competitive_ceilings = money::add(totals.competitive_ceilings, y)?,
            _ => {}
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
                let amounts: SmallVec<[Decimal; 2]> = members
                    .iter()
                    .filter(|o| o.pack.level == totals.level)
                    .filter_map(|o| match (o.amount, ceiling) {
                        (Amount::RuleBased(y), false) | (Amount::Ceiling(y), true) => Some(y),
                        _ => None,
                    })
                    .collect();
                if amounts.len() < 2 {
                    continue;
                }
                let largest = amounts.iter().copied().max()?;
                let sum = amounts.iter().try_fold(Decimal::ZERO, |s, y| money::add(s, *y))?;
                let slot = if ceiling { &mut totals.competitive_ceilings } else { &mut totals.rule_based };
                *slot = money::sub(*slot, money::sub(sum, largest)?)?;
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
        Formula::NoFixedAmount { .. } => None,
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
    missing.sort_by_key(|m| std::cmp::Reverse(m.worth_up_to));
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
