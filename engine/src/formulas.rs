//! The formulas of a programme, worked out with the company's numbers. An exact input gives one
//! figure; a range, or an input not given, gives a band: each end worked out as an exact figure
//! would be (the same caps, the same rounding), and shown step by step.

use crate::evaluate::{add_missing, match_limit, Evaluation, Truth};
use crate::fields::Field;
use crate::money::{self, compare, floor_to_fen};
use crate::profile::Value;
use crate::report::*;
use crate::rules::{Alternative, Cap, CapReading, CapRule, ConditionalCap, ConditionalRate, Formula};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use smallvec::SmallVec;

/// One input of a band: its field, its low end, and its high end (`None`: not given, unbounded).
type Part = (Field, Decimal, Option<Decimal>);

impl<'r> Evaluation<'_, 'r> {
    /// Fills in the amount and the steps, or the missing inputs. `None` on overflow.
    pub(crate) fn compute(&self, formula: &'r Formula, outcome: &mut Outcome<'r>) -> Option<()> {
        match formula {
            Formula::RateOfBase { rate, base, cap, rate_when, cap_when, alternatives } => {
                // Each base field with its low end, and apart from them the high ends: an exact base
                // goes to its lines as it is, with nothing to collect.
                let mut lows = SmallVec::<[(Field, Decimal); 2]>::new();
                let mut highs = SmallVec::<[Option<Decimal>; 2]>::new();
                let mut exact = true;
                for r in base {
                    match self.money_interval(r.field, outcome) {
                        Some((low, high, one)) => {
                            exact &= one;
                            lows.push((r.field, low));
                            highs.push(Some(high));
                        }
                        None => {
                            add_missing(&mut outcome.missing, r.field);
                            exact = false;
                            lows.push((r.field, Decimal::ZERO));
                            highs.push(None);
                        }
                    }
                }
                let mut cap_period = None;
                let (mut cap_low, mut cap_high, mut choice) = match cap {
                    Cap::Fixed(amount) => (*amount, *amount, None),
                    Cap::Dated(periods) => {
                        let Some(period) = periods.iter().find(|p| p.contains(self.as_of)) else {
                            return Some(());
                        };
                        if period.note.is_some() {
                            outcome.notes.push(Note::CapPeriod(period));
                        }
                        cap_period = Some((period.from, period.to));
                        (period.amount, period.amount, None)
                    }
                    Cap::ByChoice { by, amounts } => match self.profile.get(by.field) {
                        Value::Choice(id) => {
                            // A level the cap does not list (no support at that level): no amount.
                            let Some(&amount) = amounts.get(id) else { return Some(()) };
                            (amount, amount, Some(by.field))
                        }
                        _ => {
                            // The level not given: from the lowest cap to the highest.
                            add_missing(&mut outcome.missing, by.field);
                            exact = false;
                            let Some(lowest) = amounts.values().copied().min() else { return Some(()) };
                            (lowest, cap.highest(), Some(by.field))
                        }
                    },
                };
                // The rate: the first conditional rate that holds; one whose condition is unknown
                // is shown beside the amount, which uses the formula's own rate (the floor).
                let mut rate_taken = *rate;
                let mut unsure = SmallVec::<[&ConditionalRate; 1]>::new();
                for r in rate_when {
                    match self.test(&r.when, &mut Hints::new()) {
                        Truth::Yes => {
                            rate_taken = r.rate;
                            outcome.notes.push(Note::RateApplies(r));
                            unsure.clear();
                            break;
                        }
                        Truth::Unknown | Truth::Depends => unsure.push(r),
                        Truth::No => {}
                    }
                }
                // The cap: the first conditional cap that holds; one whose condition is unknown is
                // shown beside the amount, which keeps the formula's own cap (the floor).
                let mut cap_unsure = SmallVec::<[&ConditionalCap; 1]>::new();
                for c in cap_when {
                    match self.test(&c.when, &mut Hints::new()) {
                        Truth::Yes => {
                            (cap_low, cap_high, choice) = (c.cap, c.cap, None);
                            cap_period = None;
                            outcome.notes.push(Note::CapApplies(c));
                            cap_unsure.clear();
                            break;
                        }
                        Truth::Unknown | Truth::Depends => cap_unsure.push(c),
                        Truth::No => {}
                    }
                }
                let terms = Terms { rate: rate_taken, cap_low, cap_high, choice, period: cap_period };
                if exact {
                    // One figure: the lines once, the other amounts from the same product.
                    let (amount, total, product) =
                        self.rate_steps(lows, rate_taken, cap_low, choice, cap_period, outcome)?;
                    outcome.amount = Amount::RuleBased(amount);
                    let band_of = |rate: Decimal, cap: Decimal, _| {
                        let product = if compare(rate, rate_taken).is_eq() {
                            product
                        } else {
                            money::mul(rate, total)?
                        };
                        Some(Band::exact(floor_to_fen(money::min(product, cap))))
                    };
                    other_amounts(
                        &terms,
                        &unsure,
                        &cap_unsure,
                        alternatives,
                        Band::exact(amount),
                        band_of,
                        outcome,
                    )?;
                } else {
                    self.rate_band(lows, highs, &terms, &unsure, &cap_unsure, alternatives, outcome)?;
                }
            }
            Formula::CityAwardMatch { award, ratio, total_cap, readings } => {
                let (taken, others) = readings.split_first()?;
                let m = Match { ratio: *ratio, total_cap: *total_cap, taken, others };
                match self.money_interval(award.field, outcome) {
                    Some((award, _, true)) => {
                        // One award: each reading is one comparison with the product.
                        let (product, product_to_fen, result) = m.steps(award, outcome)?;
                        let band = |rule| {
                            let limit = match_limit(rule, m.total_cap, award);
                            Some(Band::exact(cut_at(product, product_to_fen, limit)))
                        };
                        other_readings(taken, others, Band::exact(result), band, outcome)?;
                        outcome.amount = Amount::RuleBased(result);
                    }
                    Some((low, high, false)) => m.range(award.field, low, high, outcome)?,
                    None => m.not_given(award.field, outcome)?,
                }
            }
            Formula::CityAward { .. } => {
                // The award as given, or the published figure assumed (noted); neither, the line
                // waits for it.
                let Some((_, field)) = self.library.award_of(self.programme) else { return Some(()) };
                let given = self.profile.get(field).is_known();
                match self.money_interval(field, outcome) {
                    Some((low, high, _)) => {
                        outcome.steps.push(Step::CityAward { field, low, high, assumed: !given });
                        outcome.amount = Amount::from_band(Band { low, high: Some(high) });
                        // Given where the city publishes a figure: that figure, its source and when
                        // it is paid.
                        if let Some(prefill) = self.prefill(field).filter(|_| given) {
                            outcome.notes.push(Note::Published(prefill));
                        }
                    }
                    None => add_missing(&mut outcome.missing, field),
                }
            }
            Formula::NoFixedAmount { estimate, case_by_case_from } => {
                let field = estimate.field;
                let threshold = *case_by_case_from;
                match self.profile.get(field).interval() {
                    Some((low, _)) if compare(low, threshold).is_ge() => {
                        outcome.steps.push(Step::CaseByCase { field, estimate: low, threshold });
                        outcome.amount = Amount::CaseByCase;
                    }
                    interval => {
                        // Below the threshold, or a range across it: separate rules at least.
                        if let Some((low, high)) = interval.filter(|(l, h)| compare(*l, *h).is_ne()) {
                            outcome.steps.push(Step::Input { field, low, high: Some(high) });
                        }
                        let estimate = interval.filter(|(_, h)| compare(*h, threshold).is_lt()).map(|e| e.1);
                        outcome.steps.push(Step::PerSeparateRules { field, estimate, threshold });
                        outcome.amount = Amount::PerSeparateRules;
                    }
                }
            }
            Formula::PerItem { count, amount, cap } => {
                let interval = self.profile.get(count.field).interval();
                if interval.is_none() {
                    add_missing(&mut outcome.missing, count.field);
                }
                let (low, high) = match interval {
                    Some((low, high)) => (low.to_u64()?, Some(high.to_u64()?)),
                    None => (0, None),
                };
                let exact = high == Some(low);
                if !exact {
                    let part = (count.field, Decimal::from(low), high.map(Decimal::from));
                    self.input_steps(&[part], outcome);
                    outcome.steps.push(Step::End { high: false });
                }
                let low_amount = self.per_item_steps(low, *amount, *cap, outcome)?;
                let band = if exact {
                    Band::exact(low_amount)
                } else {
                    outcome.steps.push(Step::End { high: true });
                    let high_amount = match (high, cap) {
                        (Some(n), _) => Some(self.per_item_steps(n, *amount, *cap, outcome)?),
                        (None, Some(cap)) => {
                            outcome.steps.push(Step::UpToCap { cap: *cap, more: *cap, missing: count.field });
                            Some(*cap)
                        }
                        (None, None) => None,
                    };
                    Band { low: low_amount, high: high_amount }
                };
                outcome.amount = Amount::from_band(band);
            }
            Formula::Tiers { by, tiers } => {
                let answer = by.as_ref().and_then(|by| match self.profile.get(by.field) {
                    Value::Choice(id) => Some((by.field, id)),
                    _ => None,
                });
                let chosen = answer.and_then(|(_, id)| tiers.iter().find(|t| t.id == id));
                if let (Some((field, _)), None) = (answer, chosen) {
                    // A choice the tiers do not list gives nothing, never the top tier's ceiling.
                    outcome.steps.push(Step::NoTier { field });
                    return Some(());
                }
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

    /// `rate_of_base` on a band of bases (a range, or an input not given): the lines of each end,
    /// the band, and the other amounts as bands. Apart from the exact path, which most
    /// evaluations take, so that the band's work does not slow it (BENCHMARKS.md, #12).
    #[cold]
    #[allow(clippy::too_many_arguments)]
    fn rate_band(
        &self,
        lows: SmallVec<[(Field, Decimal); 2]>,
        highs: SmallVec<[Option<Decimal>; 2]>,
        terms: &Terms,
        unsure: &[&'r ConditionalRate],
        cap_unsure: &[&'r ConditionalCap],
        alternatives: &'r [Alternative],
        outcome: &mut Outcome<'r>,
    ) -> Option<()> {
        let &Terms { rate, cap_low, cap_high, choice, period } = terms;
        let low_total = lows.iter().try_fold(Decimal::ZERO, |sum, p| money::add(sum, p.1))?;
        let high_total = highs.iter().try_fold(Some(Decimal::ZERO), |sum, h| match (sum, h) {
            (Some(s), Some(h)) => money::add(s, *h).map(Some),
            _ => Some(None),
        })?;
        let parts: SmallVec<[Part; 2]> = lows.iter().zip(&highs).map(|(l, h)| (l.0, l.1, *h)).collect();
        self.input_steps(&parts, outcome);
        outcome.steps.push(Step::End { high: false });
        let (low, ..) = self.rate_steps(lows, rate, cap_low, choice, period, outcome)?;
        outcome.steps.push(Step::End { high: true });
        let high = match high_total {
            Some(_) => {
                let at = parts.iter().map(|p| (p.0, p.2.unwrap_or(p.1))).collect();
                self.rate_steps(at, rate, cap_high, choice, period, outcome)?.0
            }
            None => {
                let missing = parts.iter().find(|p| p.2.is_none()).map_or(Field::UNLINKED, |p| p.0);
                let more = money::max(money::sub(cap_high, low)?, Decimal::ZERO);
                outcome.steps.push(Step::UpToCap { cap: cap_high, more, missing });
                money::max(cap_high, low)
            }
        };
        let amount = Band { low, high: Some(high) };
        outcome.amount = Amount::from_band(amount);
        // What a rate and a cap give on the band of bases, each end rounded.
        let band_of = |rate: Decimal, cap_low: Decimal, cap_high: Decimal| -> Option<Band> {
            let low = floor_to_fen(money::min(money::mul(rate, low_total)?, cap_low));
            let high = match high_total {
                Some(t) => floor_to_fen(money::min(money::mul(rate, t)?, cap_high)),
                None => cap_high,
            };
            Some(Band { low, high: Some(high) })
        };
        other_amounts(terms, unsure, cap_unsure, alternatives, amount, band_of, outcome)
    }

    /// The lines of `rate × base, at most the cap` for one set of base figures; the amount,
    /// rounded, the base and the product. `None` on overflow.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn rate_steps(
        &self,
        parts: SmallVec<[(Field, Decimal); 2]>,
        rate: Decimal,
        cap: Decimal,
        choice: Option<Field>,
        period: Option<(Option<crate::date::Date>, Option<crate::date::Date>)>,
        outcome: &mut Outcome<'r>,
    ) -> Option<(Decimal, Decimal, Decimal)> {
        // From the first figure, not from zero: one addition fewer, the same sum.
        let (first, rest) = parts.split_first().map_or((Decimal::ZERO, &[][..]), |(f, r)| (f.1, r));
        let total = rest.iter().try_fold(first, |sum, (_, m)| money::add(sum, *m))?;
        let exact = money::mul(rate, total)?;
        let result = money::min(exact, cap);
        if parts.len() > 1 {
            outcome.steps.push(Step::Base { parts, total });
        }
        outcome.steps.push(Step::Rate { rate, base: total, result: exact });
        outcome.steps.push(Step::Cap { cap, reached: compare(exact, cap).is_gt(), result, choice, period });
        Some((self.rounded(result, outcome), total, exact))
    }

    /// The lines of `count × amount, at most the cap`; the amount, rounded.
    fn per_item_steps(
        &self,
        count: u64,
        amount: Decimal,
        cap: Option<Decimal>,
        outcome: &mut Outcome<'r>,
    ) -> Option<Decimal> {
        let product = money::mul(amount, Decimal::from(count))?;
        outcome.steps.push(Step::PerItem { count, amount, product });
        let result = match cap {
            Some(cap) => {
                let result = money::min(product, cap);
                outcome.steps.push(Step::Cap {
                    cap,
                    reached: compare(product, cap).is_gt(),
                    result,
                    choice: None,
                    period: None,
                });
                result
            }
            None => product,
        };
        Some(self.rounded(result, outcome))
    }

    /// A line for each input of a band that is not one figure: a range, or not given.
    fn input_steps(&self, parts: &[Part], outcome: &mut Outcome<'r>) {
        for &(field, low, high) in parts {
            if high.is_none_or(|h| compare(h, low).is_ne()) {
                outcome.steps.push(Step::Input { field, low, high });
            }
        }
    }

    /// A money answer or a range of them as its two ends, and whether they are one figure; or a
    /// published figure assumed for it (noted as an assumption).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn money_interval(&self, field: Field, outcome: &mut Outcome<'r>) -> Option<(Decimal, Decimal, bool)> {
        match self.profile.get(field) {
            Value::Money(m) => return Some((m, m, true)),
            Value::Range { low, high } => return Some((low, high, compare(low, high).is_eq())),
            _ => {}
        }
        let prefill = self.prefill(field)?;
        outcome.notes.push(Note::Prefilled(prefill));
        Some((prefill.amount, prefill.amount, true))
    }

    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn rounded(&self, exact: Decimal, outcome: &mut Outcome<'r>) -> Decimal {
        let result = floor_to_fen(exact);
        // Numeric comparison: the scale of `exact` does not matter.
        if compare(result, exact).is_ne() {
            outcome.steps.push(Step::Rounded { exact, result });
        }
        result
    }
}

/// The rate and cap a `rate_of_base` takes: the cap's two ends differ where its level is not given.
struct Terms {
    rate: Decimal,
    cap_low: Decimal,
    cap_high: Decimal,
    choice: Option<Field>,
    period: Option<(Option<crate::date::Date>, Option<crate::date::Date>)>,
}

/// The notes of the amounts a `rate_of_base` would give under a rate or a cap whose condition is
/// not known, and under its alternatives, each that differs from `amount`; `band_of(rate, cap's
/// low end, cap's high end)` works one out. While such a condition is not known the amount is the
/// band from the least to the most those terms give: a conditional figure below the formula's own
/// makes the formula's figure the high end, not a floor. `None` on overflow.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn other_amounts<'r>(
    terms: &Terms,
    unsure: &[&'r ConditionalRate],
    cap_unsure: &[&'r ConditionalCap],
    alternatives: &'r [Alternative],
    amount: Band,
    band_of: impl Fn(Decimal, Decimal, Decimal) -> Option<Band>,
    outcome: &mut Outcome<'r>,
) -> Option<()> {
    // Nearly every evaluation has no such condition: nothing is compared then.
    let mut whole = None;
    for &r in unsure {
        let other = band_of(r.rate, terms.cap_low, terms.cap_high)?;
        if other != amount {
            let below = compare(other.low, amount.low).is_lt();
            whole = Some(spanning(whole.unwrap_or(amount), other));
            outcome.notes.push(Note::RateIfCondition { rate: r, amount: other, below });
        }
    }
    for &c in cap_unsure {
        let other = band_of(terms.rate, c.cap, c.cap)?;
        if other != amount {
            let below = compare(other.low, amount.low).is_lt();
            whole = Some(spanning(whole.unwrap_or(amount), other));
            outcome.notes.push(Note::CapIfCondition { cap: c, amount: other, below });
        }
    }
    if let Some(whole) = whole {
        outcome.amount = Amount::from_band(whole);
    }
    for alternative in alternatives {
        let (low_cap, high_cap) = alternative.cap.map_or((terms.cap_low, terms.cap_high), |c| (c, c));
        let other = if alternative.cap_only {
            Band::exact(high_cap)
        } else {
            band_of(alternative.rate.unwrap_or(terms.rate), low_cap, high_cap)?
        };
        if other != amount {
            outcome.notes.push(Note::Alternative { alternative, amount: other });
        }
    }
    Some(())
}

/// The band from the lower of two bands' low ends to the higher of their high ends.
#[cold]
fn spanning(a: Band, b: Band) -> Band {
    Band {
        low: money::min(a.low, b.low),
        high: match (a.high, b.high) {
            (Some(x), Some(y)) => Some(money::max(x, y)),
            _ => None,
        },
    }
}

/// A city-award match: the province's ratio and total cap, the reading taken and the others.
struct Match<'r> {
    ratio: Decimal,
    total_cap: Decimal,
    taken: &'r CapReading,
    others: &'r [CapReading],
}

impl<'r> Match<'r> {
    /// The lines of the match on one award under the reading taken; the product, the product cut
    /// to the fen (every reading gives `floor_to_fen(min(product, limit))`) and the amount.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn steps(&self, award: Decimal, outcome: &mut Outcome<'r>) -> Option<(Decimal, Decimal, Decimal)> {
        let product = money::mul(self.ratio, award)?;
        let product_to_fen = floor_to_fen(product);
        let rule = self.taken.rule;
        let limit = match_limit(rule, self.total_cap, award);
        let result = cut_at(product, product_to_fen, limit);
        outcome.steps.push(Step::Match { award, ratio: self.ratio, product });
        outcome.steps.push(Step::MatchLimit { rule, total_cap: self.total_cap, limit, result });
        let total = money::add(award, result)?;
        outcome.steps.push(Step::CityPlusProvince { city: award, province: result, total });
        Some((product, product_to_fen, result))
    }

    /// A range of awards: the lines at each end, and each reading's band.
    #[cold]
    fn range(&self, field: Field, low: Decimal, high: Decimal, outcome: &mut Outcome<'r>) -> Option<()> {
        outcome.steps.push(Step::Input { field, low, high: Some(high) });
        outcome.steps.push(Step::End { high: false });
        self.steps(low, outcome)?;
        outcome.steps.push(Step::End { high: true });
        self.steps(high, outcome)?;
        let band = |rule| matched_band(rule, self.ratio, self.total_cap, low, high);
        let amount = band(self.taken.rule)?;
        other_readings(self.taken, self.others, amount, band, outcome)?;
        outcome.amount = Amount::from_band(amount);
        Some(())
    }

    /// The award not given: from nothing up to the most the reading allows any award.
    #[cold]
    fn not_given(&self, field: Field, outcome: &mut Outcome<'r>) -> Option<()> {
        add_missing(&mut outcome.missing, field);
        let band = |rule| {
            Some(Band { low: Decimal::ZERO, high: Some(most_matched(rule, self.ratio, self.total_cap)?) })
        };
        outcome.steps.push(Step::Input { field, low: Decimal::ZERO, high: None });
        let amount = band(self.taken.rule)?;
        let cap = amount.high?;
        outcome.steps.push(Step::UpToCap { cap, more: cap, missing: field });
        outcome.amount = Amount::Band(amount);
        other_readings(self.taken, self.others, amount, band, outcome)
    }
}

/// The note of a city-award match's other readings that give another amount than the one taken,
/// each with its band (`band` of a reading's rule). `None` on overflow.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn other_readings<'r>(
    taken: &'r CapReading,
    others: &'r [CapReading],
    amount: Band,
    band: impl Fn(CapRule) -> Option<Band>,
    outcome: &mut Outcome<'r>,
) -> Option<()> {
    let mut alternatives = SmallVec::new();
    for reading in others {
        let other = band(reading.rule)?;
        if other != amount {
            alternatives.push((reading, other));
        }
    }
    if !alternatives.is_empty() {
        outcome.notes.push(Note::CapReadings { taken, others: alternatives });
    }
    Some(())
}

/// `min(product, limit)` cut to the fen, with the product's own cut given.
#[inline]
fn cut_at(product: Decimal, product_to_fen: Decimal, limit: Decimal) -> Decimal {
    if compare(product, limit).is_gt() {
        floor_to_fen(limit)
    } else {
        product_to_fen
    }
}

/// What the province matches on a city award, under one reading: `min(ratio × award, limit)`,
/// cut to the fen.
fn matched(rule: CapRule, ratio: Decimal, total_cap: Decimal, award: Decimal) -> Option<Decimal> {
    Some(floor_to_fen(money::min(money::mul(ratio, award)?, match_limit(rule, total_cap, award))))
}

/// The band matched on any award from `low` to `high`. Under the strict reading the match first
/// grows with the award and then shrinks (city and province share one cap), so its highest point
/// may lie inside the range: where `ratio × award = cap − award`.
fn matched_band(
    rule: CapRule,
    ratio: Decimal,
    total_cap: Decimal,
    low: Decimal,
    high: Decimal,
) -> Option<Band> {
    let (at_low, at_high) = (matched(rule, ratio, total_cap, low)?, matched(rule, ratio, total_cap, high)?);
    let mut top = money::max(at_low, at_high);
    if rule == CapRule::StrictTotal {
        let rising =
            |award| compare(money::mul(ratio, award).unwrap_or(Decimal::MAX), total_cap - award).is_lt();
        // Rising at the low end and not at the high end: the peak is inside.
        if rising(low) && !rising(high) {
            top = money::max(top, peak(ratio, total_cap, low, high)?);
        }
    }
    Some(Band { low: money::min(at_low, at_high), high: Some(top) })
}

/// The most the province matches on any city award, under one reading.
fn most_matched(rule: CapRule, ratio: Decimal, total_cap: Decimal) -> Option<Decimal> {
    Some(match rule {
        CapRule::HalfOfTotalCap => floor_to_fen(money::half(total_cap)),
        CapRule::ProvincialPartOnly => floor_to_fen(total_cap),
        CapRule::StrictTotal => peak(ratio, total_cap, Decimal::ZERO, total_cap)?,
    })
}

/// The highest strict-reading match for an award between `low` and `high`: at the award where
/// `ratio × award = cap − award`, that is `ratio × cap / (1 + ratio)`. For the 1:1 match of the
/// rule data that is half the cap, exactly; for another ratio, the bound `min(ratio × high,
/// cap − low)`, which the peak never exceeds. Without the division the page's wasm is 622 bytes
/// (gzip) smaller, measured side by side.
fn peak(ratio: Decimal, total_cap: Decimal, low: Decimal, high: Decimal) -> Option<Decimal> {
    if compare(ratio, Decimal::ONE).is_eq() {
        return Some(floor_to_fen(money::half(total_cap)));
    }
    Some(floor_to_fen(money::min(money::mul(ratio, high)?, money::max(total_cap - low, Decimal::ZERO))))
}
