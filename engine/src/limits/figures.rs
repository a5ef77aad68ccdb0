//! A combined ceiling on a base given as a range (a contract of ¥2,000,000 – ¥3,000,000), worked
//! out figure by figure: every programme of the ceiling, and the ceiling itself, at the same
//! figure of the base. End against end, the programme counted first would be taken at one end of
//! the range and the ceiling at the other, and a programme that gets nothing at every figure
//! could show "up to ¥300,000".
//!
//! Which figures. Between two thresholds that a programme's tests set on the base (a contract of
//! at least ¥500,000), each amount is nondecreasing in the base: a rate of it, at most a cap, or
//! not reading it at all. The ceiling `r × base` less what the programmes before one took,
//! `Σ min(rᵢ × base, capᵢ)`, is then convex and zero at zero, so where it is above nothing it
//! grows; what is left (never below nothing) is nondecreasing, and so is what a programme keeps,
//! the lesser of its own amount and what is left. The least of that over a stretch is at the
//! stretch's first figure and the most at its last: the ends of the range and the figures on both
//! sides of each threshold inside it (a fen apart, since money is in fen) bound the band, and each
//! end of the band is what one of those figures gives, so the band is as tight as it can be.
//! Rounding: with each programme counted before another paying at least the ceiling's rate on the
//! base (every pack's case: the city voucher's 50% or 60% beside a 50% ceiling), what is left is
//! nothing until their caps and then grows fen by fen, so the cut to the fen keeps it
//! nondecreasing. Where those conditions do not hold (a lower rate counted first, a city award
//! match under the strict reading, which peaks inside a range, a count as the base, a programme
//! another limit has already cut), `Figures::of` gives `None` and the ceiling is worked out end
//! against end, which is sound but may be wider.

use super::{in_play, limit_steps, position, within, End};
use crate::date::Date;
use crate::evaluate::own_outcome;
use crate::fields::Field;
use crate::money::{self, compare, floor_to_fen};
use crate::profile::{NewValue, Profile};
use crate::report::*;
use crate::rules::{CapRule, CombinedCeiling, Formula, Library, Test};
use rust_decimal::Decimal;
use smallvec::{smallvec, SmallVec};

type PerFigure<T> = SmallVec<[T; 4]>;

pub(super) struct Figures {
    /// The base's figures: its two ends first, then both sides of each threshold inside it.
    at: PerFigure<Decimal>,
    /// The ceiling at each figure.
    limits: PerFigure<Decimal>,
    /// By programme of the ceiling, in its order: its own amount at each figure (nothing where it
    /// is not eligible); empty for a programme without an outcome here.
    amounts: SmallVec<[PerFigure<Band>; 2]>,
    /// What the programmes counted so far took, at each figure.
    counted: PerFigure<Band>,
}

impl Figures {
    /// The figures of a ceiling on a base from `low` to `high`, with what each programme gives at
    /// each; `None` where working it out figure by figure would not bound the band (see above).
    #[cold]
    pub(super) fn of<'r>(
        outcomes: &[Outcome<'r>],
        ceiling: &CombinedCeiling,
        (low, high): (Decimal, Decimal),
        profile: &Profile,
        library: &'r Library,
        as_of: Date,
    ) -> Option<Figures> {
        let field = ceiling.base.field;
        let mut at: PerFigure<Decimal> = smallvec![low, high];
        let last = ceiling.programmes.len().saturating_sub(1);
        for (i, r) in ceiling.programmes.iter().enumerate() {
            let (_, programme) = library.programme_at(r)?;
            for condition in library.conditions_of(programme).iter().filter(|c| c.applies_on(as_of)) {
                edges(&condition.test, field, (low, high), &mut at);
            }
            // The least rate at which the amount grows with the base, if it reads it.
            let rate = match &programme.formula {
                Some(Formula::RateOfBase { rate, base, rate_when, cap_when, .. }) => {
                    let tests = rate_when.iter().map(|r| &r.when).chain(cap_when.iter().map(|c| &c.when));
                    tests.for_each(|t| edges(t, field, (low, high), &mut at));
                    let least = rate_when.iter().fold(*rate, |least, r| money::min(least, r.rate));
                    base.iter().any(|b| b.field == field).then_some(least)
                }
                Some(Formula::CityAwardMatch { award, ratio, readings, .. }) if award.field == field => {
                    if readings.first().is_some_and(|r| r.rule == CapRule::StrictTotal) {
                        return None;
                    }
                    Some(*ratio)
                }
                Some(Formula::CityAward { .. }) => {
                    library.award_of(programme).filter(|(_, award)| *award == field).map(|_| Decimal::ONE)
                }
                Some(Formula::PerItem { count: f, .. } | Formula::NoFixedAmount { estimate: f, .. })
                    if f.field == field =>
                {
                    return None
                }
                _ => None,
            };
            if i < last && rate.is_some_and(|r| compare(r, ceiling.rate).is_lt()) {
                return None;
            }
        }
        let limits = at
            .iter()
            .map(|x| Some(floor_to_fen(money::mul(ceiling.rate, *x)?)))
            .collect::<Option<PerFigure<Decimal>>>()?;
        let mut one = profile.clone();
        let mut amounts = SmallVec::new();
        for r in &ceiling.programmes {
            let Some(k) = position(outcomes, library, r) else {
                amounts.push(SmallVec::new());
                continue;
            };
            let (pack, programme) = (outcomes[k].pack, outcomes[k].programme);
            if outcomes[k]
                .notes
                .iter()
                .any(|n| matches!(n, Note::CombinedCeiling { .. } | Note::CompanyCap { .. }))
            {
                return None;
            }
            let mut own = PerFigure::new();
            for x in &at {
                one.store(field, NewValue::Money(*x)).ok()?;
                let o = own_outcome(&one, library, as_of, pack, programme)?;
                own.push(match o.amount.band() {
                    Some(band) => band,
                    // Not eligible at this figure (below a threshold): it pays nothing there.
                    None if !in_play(&o) => Band::ZERO,
                    None => return None,
                });
            }
            amounts.push(own);
        }
        let counted = at.iter().map(|_| Band::ZERO).collect();
        Some(Figures { at, limits, amounts, counted })
    }

    /// Counts programme `i` (of the ceiling's list) with its own amount at every figure.
    pub(super) fn count(&mut self, i: usize) -> Option<()> {
        for (counted, own) in self.counted.iter_mut().zip(self.amounts.get(i)?) {
            *counted = counted.plus(*own)?;
        }
        Some(())
    }

    /// What programme `i` would keep over the figures if the ceiling bound it alone.
    pub(super) fn alone(&self, i: usize) -> Option<Band> {
        let own = self.amounts.get(i)?;
        let kept = own
            .iter()
            .zip(&self.limits)
            .map(|(own, limit)| within(*own, Band::ZERO, (*limit, *limit)))
            .collect::<Option<PerFigure<Band>>>()?;
        hull(&kept)
    }

    /// What programme `i` keeps at each figure of what those before it left, counted for the
    /// ones after it; its band over the figures, with the lines of the figures where its ends lie.
    pub(super) fn keep(
        &mut self,
        i: usize,
        outcome: &mut Outcome<'_>,
        ceiling: &CombinedCeiling,
        before: Band,
    ) -> Option<Band> {
        let own = self.amounts.get(i)?;
        let mut kept = PerFigure::new();
        for k in 0..self.at.len() {
            kept.push(within(own[k], self.counted[k], (self.limits[k], self.limits[k]))?);
        }
        let band = hull(&kept)?;
        // The figure of each end: the range's own end where it gives that end.
        let low_at = (0..kept.len()).find(|k| kept[*k].low == band.low)?;
        let high_at = [1].into_iter().chain(0..kept.len()).find(|k| kept[*k].high == band.high)?;
        if band != before || self.counted.iter().any(|c| *c != Band::ZERO) {
            let step = |end: End| {
                let k = match end {
                    End::Low => low_at,
                    End::High => high_at,
                };
                let limit = self.limits[k];
                Step::CombinedCeiling {
                    on: ceiling.base.field,
                    base: self.at[k],
                    rate: ceiling.rate,
                    limit,
                    counted: end.others(self.counted[k], (limit, limit)),
                    before: end.of(own[k], kept[k]),
                    after: end.of(kept[k], kept[k]),
                }
            };
            limit_steps(outcome, false, step);
        }
        for (counted, kept) in self.counted.iter_mut().zip(&kept) {
            *counted = counted.plus(*kept)?;
        }
        Some(band)
    }
}

/// The band from the least low end to the greatest high end (unbounded if any is).
fn hull(bands: &[Band]) -> Option<Band> {
    let (first, rest) = bands.split_first()?;
    Some(rest.iter().fold(*first, |a, b| Band {
        low: money::min(a.low, b.low),
        high: a.high.zip(b.high).map(|(x, y)| money::max(x, y)),
    }))
}

/// Both sides of each threshold a test sets on `field` inside the range, a fen apart: the last
/// figure on one side and the first on the other, where a verdict, a rate or a cap changes.
fn edges(test: &Test, field: Field, (low, high): (Decimal, Decimal), at: &mut PerFigure<Decimal>) {
    let (value, strict) = match test {
        Test::AnyOf(tests) | Test::AllOf(tests) => {
            return tests.iter().for_each(|t| edges(t, field, (low, high), at));
        }
        Test::AtLeast { field: f, value, .. } if f.field == field => (*value, false),
        Test::MoreThan { field: f, value, .. } if f.field == field => (*value, true),
        _ => return,
    };
    let fen = Decimal::new(1, 2);
    let sides =
        if strict { [Some(value), money::add(value, fen)] } else { [money::sub(value, fen), Some(value)] };
    for x in sides.into_iter().flatten() {
        if compare(low, x).is_le() && compare(x, high).is_le() && !at.iter().any(|a| compare(*a, x).is_eq()) {
            at.push(x);
        }
    }
}
