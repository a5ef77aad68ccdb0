//! The engine: `evaluate(profile, rules, as_of)`. Pure: no clock, no I/O, same input, same output.

use crate::date::Date;
use crate::fields::Field;
use crate::input::ProfileError;
use crate::money::{self, compare, floor_to_fen};
use crate::profile::{Profile, Value};
use crate::report::*;
use crate::rules::{Cap, CapRule, Condition, Formula, Programme, RuleSet, Test};
use rust_decimal::Decimal;
use smallvec::SmallVec;

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
enum Truth {
    Yes,
    No,
    Unknown,
}

pub fn evaluate<'r>(profile: &Profile, rules: &'r RuleSet, as_of: Date) -> Result<Report<'r>, EvalError> {
    // The quick check first; the full one only to say what is wrong.
    if !profile.is_valid() {
        return Err(EvalError::Invalid(profile.validate()));
    }
    // Usually every document is in force: then no programme needs its documents looked up.
    let all_in_force = rules.documents.iter().all(|d| d.in_force.is_none_or(|period| period.contains(as_of)));
    // Each outcome is filled in where it lies: with its lists inline it is too large to move cheaply.
    let mut outcomes = Vec::with_capacity(rules.programmes.len());
    outcomes.extend(rules.programmes.iter().filter(|p| !p.is_informational()).map(Outcome::new));
    for outcome in &mut outcomes {
        let programme = outcome.programme;
        Evaluation { profile, rules, as_of, programme, all_in_force }
            .run(outcome)
            .ok_or_else(|| EvalError::Overflow { programme: programme.id.clone() })?;
    }
    let totals = totals(&outcomes).ok_or_else(|| EvalError::Overflow { programme: "totals".into() })?;
    let missing = ranked_missing(&outcomes);
    let warnings = warnings(profile, &outcomes, as_of);
    Ok(Report { rules, as_of, outcomes, totals, missing, warnings })
}

struct Evaluation<'a, 'r> {
    profile: &'a Profile,
    rules: &'r RuleSet,
    as_of: Date,
    programme: &'r Programme,
    /// No document of the rule set is out of force on the as-of date.
    all_in_force: bool,
}

impl<'r> Evaluation<'_, 'r> {
    /// Fills in `outcome`, which starts as `Outcome::new`. `None` on arithmetic overflow.
    fn run(&self, outcome: &mut Outcome<'r>) -> Option<()> {
        let p = self.programme;
        let Some(section) = p.section else {
            return Some(());
        };
        if !self.profile.has_section(section) {
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
            let applies = reading.when.as_ref().is_none_or(|t| self.test(t, &mut Hints::new()) == Truth::Yes);
            if applies {
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
        self.context_notes(outcome);
        Some(())
    }

    fn check(&self, condition: &'r Condition, outcome: &mut Outcome<'r>) -> Status {
        // A test leaves hints only when it fails: they go straight to the outcome. Most conditions
        // are yes/no questions: answered here, without the general test's setup and call.
        let truth = match condition.test {
            Test::Is { field, value } => is(self.profile.get(field), value),
            ref test => self.test(test, &mut outcome.hints),
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

    /// Applies a test. A threshold missed by a little adds a hint to `hints`; a test adds hints
    /// only when it fails.
    fn test(&self, test: &Test, hints: &mut Hints) -> Truth {
        let value = |field: Field| self.profile.get(field);
        match test {
            Test::Is { field, value: wanted } => is(value(*field), *wanted),
            Test::OneOf { field, values } => match value(*field) {
                Value::Choice(id) => truth(values.iter().any(|v| v == id)),
                _ => Truth::Unknown,
            },
            Test::MoreThan { field, value: threshold, near_miss }
            | Test::AtLeast { field, value: threshold, near_miss } => {
                let Some(v) = value(*field).as_number() else {
                    return Truth::Unknown;
                };
                let strict = matches!(test, Test::MoreThan { .. });
                let order = compare(v, *threshold);
                let passes = if strict { order.is_gt() } else { order.is_ge() };
                if !passes && near_miss.is_some_and(|m| *threshold - v <= m) {
                    let shortfall = if strict {
                        Shortfall::MoreThan { value: v, threshold: *threshold }
                    } else {
                        Shortfall::AtLeast { value: v, threshold: *threshold }
                    };
                    record_near_miss(hints, *field, shortfall);
                }
                truth(passes)
            }
            Test::YearBetween { field, from, to, near_miss } => {
                let Value::Year(y) = value(*field) else {
                    return Truth::Unknown;
                };
                let inside = (*from..=*to).contains(&y);
                // Most years are inside: the margins are looked at only for the others.
                if let (false, Some(margin)) = (inside, *near_miss) {
                    if y < *from && from - y <= margin {
                        record_near_miss(hints, *field, Shortfall::YearBefore { value: y, from: *from });
                    } else if y > *to && y - to <= margin {
                        record_near_miss(hints, *field, Shortfall::YearAfter { value: y, to: *to });
                    }
                }
                truth(inside)
            }
            Test::OnOrAfter { field, date, near_miss_days } => {
                let Value::Date(d) = value(*field) else {
                    return Truth::Unknown;
                };
                if d < *date && near_miss_days.is_some_and(|m| d.days_until(*date) <= m) {
                    record_near_miss(hints, *field, Shortfall::DaysBefore { value: d, limit: *date });
                }
                truth(d >= *date)
            }
            Test::OnOrBefore { field, date, near_miss_days } => {
                let Value::Date(d) = value(*field) else {
                    return Truth::Unknown;
                };
                if d > *date && near_miss_days.is_some_and(|m| date.days_until(d) <= m) {
                    record_near_miss(hints, *field, Shortfall::DaysAfter { value: d, limit: *date });
                }
                truth(d <= *date)
            }
            Test::AnyOf(tests) => self.any_of(tests, hints),
        }
    }

    /// Every test runs (each may leave a hint); then any yes wins, else any unknown. The hints are
    /// kept only when every test fails. Out of `test`, which then needs no room for them.
    fn any_of(&self, tests: &[Test], hints: &mut Hints) -> Truth {
        let mut own_hints = Hints::new();
        let (mut yes, mut unknown) = (false, false);
        for t in tests {
            match self.test(t, &mut own_hints) {
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

    /// Fills in the amount and the steps, or the missing inputs. `None` on overflow.
    fn compute(&self, formula: &'r Formula, outcome: &mut Outcome<'r>) -> Option<()> {
        match formula {
            Formula::RateOfBase { rate, base, cap } => {
                let mut parts = SmallVec::<[(Field, Decimal); 2]>::new();
                for &field in base {
                    match self.profile.get(field) {
                        Value::Money(m) => parts.push((field, m)),
                        _ => add_missing(&mut outcome.missing, field),
                    }
                }
                let (cap_amount, choice) = match cap {
                    Cap::Fixed(amount) => (Some(*amount), None),
                    Cap::ByChoice { by, amounts } => match self.profile.get(*by) {
                        Value::Choice(id) => (amounts.get(id).copied(), Some(id)),
                        _ => {
                            add_missing(&mut outcome.missing, *by);
                            (None, None)
                        }
                    },
                };
                if parts.len() < base.len() {
                    return Some(());
                }
                let Some(cap_amount) = cap_amount else {
                    return Some(());
                };
                let total = parts.iter().try_fold(Decimal::ZERO, |sum, (_, m)| sum.checked_add(*m))?;
                let exact = rate.checked_mul(total)?;
                let result = money::min(exact, cap_amount);
                if parts.len() > 1 {
                    outcome.steps.push(Step::Base { parts, total });
                }
                outcome.steps.push(Step::Rate { rate: *rate, base: total, result: exact });
                outcome.steps.push(Step::Cap {
                    cap: cap_amount,
                    reached: compare(exact, cap_amount).is_gt(),
                    result,
                    choice,
                });
                outcome.amount = Amount::RuleBased(self.rounded(result, outcome));
            }
            Formula::CityAwardMatch { award, ratio, total_cap, readings } => {
                let city_award = match self.profile.get(*award) {
                    Value::Money(m) => m,
                    _ => match self.prefilled_award(*award) {
                        Some(prefill) => {
                            outcome.notes.push(Note::PrefilledCityAward(prefill));
                            prefill.amount
                        }
                        None => {
                            add_missing(&mut outcome.missing, *award);
                            return Some(());
                        }
                    },
                };
                let product = ratio.checked_mul(city_award)?;
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
                    total: city_award.checked_add(result)?,
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
                let estimate = match self.profile.get(*estimate) {
                    Value::Money(m) => Some(m),
                    _ => None,
                };
                match estimate {
                    Some(e) if compare(e, *case_by_case_from).is_ge() => {
                        outcome.steps.push(Step::CaseByCase { estimate: e, threshold: *case_by_case_from });
                        outcome.amount = Amount::CaseByCase;
                    }
                    _ => {
                        outcome
                            .steps
                            .push(Step::PerSeparateRules { estimate, threshold: *case_by_case_from });
                        outcome.amount = Amount::PerSeparateRules;
                    }
                }
            }
        }
        Some(())
    }

    fn rounded(&self, exact: Decimal, outcome: &mut Outcome<'r>) -> Decimal {
        let result = floor_to_fen(exact);
        // Numeric comparison: the scale of `exact` does not matter.
        if compare(result, exact).is_ne() {
            outcome.steps.push(Step::Rounded { exact, result });
        }
        result
    }

    /// The city's published award for this recognition, when the city is known and the data has a
    /// well-sourced one.
    fn prefilled_award(&self, award: Field) -> Option<&'r crate::rules::CityAward> {
        let Value::City(city) = self.profile.get(Field::City) else {
            return None;
        };
        self.rules.prefill_award(city, award.section())
    }

    fn context_notes(&self, outcome: &mut Outcome<'r>) {
        let p = self.programme;
        if let Some(round) = &p.round {
            if round.year != self.as_of.year() {
                outcome.notes.push(Note::OtherRound(round));
            }
        }
        if !self.all_in_force {
            for document in self.rules.documents_of(p) {
                if document.in_force.is_some_and(|period| !period.contains(self.as_of)) {
                    outcome.notes.push(Note::NotInForce(document));
                }
            }
        }
        for fact in &p.notes {
            outcome.notes.push(Note::Fact(fact));
        }
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

/// `Test::Is`: a yes/no field against the answer wanted.
fn is(value: Value<'_>, wanted: bool) -> Truth {
    match value {
        Value::Bool(b) => truth(b == wanted),
        _ => Truth::Unknown,
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

fn totals(outcomes: &[Outcome<'_>]) -> Option<Totals> {
    let mut totals = Totals::default();
    for outcome in outcomes {
        match outcome.verdict {
            Verdict::Eligible => totals.eligible += 1,
            Verdict::Undetermined => totals.undetermined += 1,
            _ => continue,
        }
        if outcome.verdict != Verdict::Eligible {
            continue;
        }
        match outcome.amount {
            Amount::RuleBased(y) => totals.rule_based = totals.rule_based.checked_add(y)?,
            Amount::Ceiling(y) => totals.competitive_ceilings = totals.competitive_ceilings.checked_add(y)?,
            _ => {}
        }
    }
    Some(totals)
}

/// The highest amount a programme could give anyone: ranks the questions still to ask.
fn worth(programme: &Programme) -> Option<Decimal> {
    match programme.formula.as_ref()? {
        Formula::RateOfBase { cap, .. } => Some(cap.highest()),
        Formula::CityAwardMatch { total_cap, .. } => Some(money::half(*total_cap)),
        Formula::NoFixedAmount { .. } => None,
    }
}

fn ranked_missing<'r>(outcomes: &[Outcome<'r>]) -> Vec<MissingInput<'r>> {
    let mut missing: Vec<MissingInput<'r>> = Vec::new();
    for outcome in outcomes.iter().filter(|o| o.verdict == Verdict::Undetermined) {
        let w = worth(outcome.programme);
        for &field in &outcome.missing {
            match missing.iter_mut().find(|m| m.field == field) {
                Some(entry) => {
                    entry.programmes.push(&outcome.programme.id);
                    entry.worth_up_to = entry.worth_up_to.max(w);
                }
                None => missing.push(MissingInput {
                    field,
                    programmes: vec![&outcome.programme.id],
                    worth_up_to: w,
                }),
            }
        }
    }
    // Stable: among equals, the order of the rule data and the form.
    missing.sort_by_key(|m| std::cmp::Reverse(m.worth_up_to));
    missing
}

fn warnings(profile: &Profile, outcomes: &[Outcome<'_>], as_of: Date) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for &field in Field::DATED {
        match profile.get(field) {
            Value::Year(year) if year > as_of.year() => warnings.push(Warning::FutureYear { field, year }),
            Value::Date(date) if date > as_of => warnings.push(Warning::FutureDate { field, date }),
            _ => {}
        }
    }
    if let (Value::CreditCode(code), Value::Bool(true)) =
        (profile.get(Field::CreditCode), profile.get(Field::RegisteredInGuangdong))
    {
        if !code.registered_in_guangdong() {
            warnings.push(Warning::CreditCodeNotGuangdong);
        }
    }
    for outcome in outcomes {
        if let Some(Formula::CityAwardMatch { award, total_cap, .. }) = &outcome.programme.formula {
            if let Value::Money(m) = profile.get(*award) {
                if compare(m, *total_cap).is_gt() {
                    warnings.push(Warning::CityAwardAboveCap { field: *award, cap: *total_cap });
                }
            }
        }
    }
    warnings
}
