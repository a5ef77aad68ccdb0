//! The limits that concern several programmes at once, once each has its own amount: combined
//! ceilings on one base (counted in their order: the first keeps its amount, each later one gets
//! at most what is left), yearly caps per company (the same order: the last listed are cut first),
//! and programmes paying on the same money (noted, never added). Each limit that concerns an
//! amount is a step of its calculation, reached or not.

use crate::date::Date;
use crate::evaluate::{add_missing, test, Truth};
use crate::money::{self, compare, floor_to_fen};
use crate::profile::Profile;
use crate::report::*;
use crate::rules::{CombinedCeiling, Library, Pack, ProgrammeRef};
use rust_decimal::Decimal;
use smallvec::SmallVec;

mod figures;
use figures::Figures;

/// The limits of every pack that applies, in pack order. `None` on overflow.
pub(crate) fn across_programmes<'r>(
    outcomes: &mut [Outcome<'r>],
    packs: &[&'r Pack],
    profile: &Profile,
    library: &'r Library,
    as_of: Date,
) -> Option<()> {
    for pack in packs {
        for ceiling in &pack.combined_ceilings {
            combined_ceiling(outcomes, ceiling, profile, library, as_of)?;
        }
        for cap in &pack.company_caps {
            // In order: a programme keeps what fits beside those listed before it, so the last
            // listed are the first cut.
            let mut counted = Band::ZERO;
            for r in &cap.programmes {
                let Some(at) = position(outcomes, library, r) else { continue };
                let outcome = &mut outcomes[at];
                let Some(before) = outcome.amount.band() else { continue };
                let after = within(before, counted, (cap.cap, cap.cap))?;
                let cut = after != before;
                if cut || counted != Band::ZERO {
                    let step = |end: End| Step::CompanyCap {
                        cap: cap.cap,
                        others: end.others(counted, (cap.cap, cap.cap)),
                        before: end.of(before, after),
                        after: end.of(after, after),
                    };
                    limit_steps(outcome, counted.single().is_some() && before.single().is_some(), step);
                }
                if cut {
                    outcome.notes.push(Note::CompanyCap { cap, without: before });
                    outcome.amount = outcome.amount.with_band(after);
                }
                counted = counted.plus(after)?;
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

/// One combined ceiling: the first programme keeps its amount, each later one what the ones
/// before it leave under `rate × base`. A base given as a range is worked out figure by figure
/// where that is sound (`Figures`), so that a programme and the ceiling are never taken at two
/// different figures of the one base; otherwise end against end. `None` on overflow.
fn combined_ceiling<'r>(
    outcomes: &mut [Outcome<'r>],
    ceiling: &'r CombinedCeiling,
    profile: &Profile,
    library: &'r Library,
    as_of: Date,
) -> Option<()> {
    let applies = ceiling.when.as_ref().map_or(Truth::Yes, |t| test(profile, as_of, t, &mut Hints::new()));
    if applies == Truth::No {
        return Some(());
    }
    let assumed = applies != Truth::Yes;
    // The base and its limit as bands (one figure when the base is exact).
    let base = profile.get(ceiling.base.field).interval();
    let limit_of = |base| Some(floor_to_fen(money::mul(ceiling.rate, base)?));
    let limit = match base {
        Some((low, high)) if compare(low, high).is_eq() => limit_of(low).map(|l| (l, l)),
        Some((low, high)) => Some((limit_of(low)?, limit_of(high)?)),
        None => None,
    };
    let mut figures = match base {
        Some(range) if compare(range.0, range.1).is_ne() => {
            Figures::of(outcomes, ceiling, range, profile, library, as_of)
        }
        _ => None,
    };
    // The base's topic switched off ("we do not rent compute for the city voucher"), as
    // opposed to on with the amount not given yet.
    let undeclared = !profile.has_topic(library.topic_of(ceiling.base.field));
    let mut counted = Band::ZERO;
    // What an earlier programme that may pay, but has no figure yet, waits for: while it
    // is not known, neither is what it leaves to the later ones.
    let mut pending = Fields::new();
    for (i, r) in ceiling.programmes.iter().enumerate() {
        let Some(at) = position(outcomes, library, r) else { continue };
        let outcome = &mut outcomes[at];
        let Some(before) = outcome.amount.band() else {
            if in_play(outcome) {
                outcome.missing.iter().for_each(|f| add_missing(&mut pending, *f));
            }
            continue;
        };
        if i == 0 {
            counted = counted.plus(before)?;
            if let (Some(base), Some(limit)) = (base, limit) {
                counted_first(outcome, ceiling, assumed, base, limit, before, figures.as_ref())?;
            }
            if let Some(f) = &mut figures {
                f.count(i)?;
            }
            continue;
        }
        let (Some(base), Some(limit), true) = (base, limit, pending.is_empty()) else {
            if undeclared && pending.is_empty() && counted == Band::ZERO {
                // No base declared (its topic is off) and nothing counted before this
                // one: there is no shared contract to limit.
                counted = counted.plus(before)?;
                continue;
            }
            // What is left under the ceiling cannot be worked out yet: anything from
            // nothing up to the programme's own amount.
            if base.is_none() {
                add_missing(&mut pending, ceiling.base.field);
            }
            pending.iter().for_each(|f| add_missing(&mut outcome.missing, *f));
            outcome.amount = outcome.amount.with_band(Band { low: Decimal::ZERO, ..before });
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
        let after = match &mut figures {
            Some(f) => f.keep(i, outcome, ceiling, before)?,
            None => {
                let after = within(before, counted, limit)?;
                let step = |end: End| Step::CombinedCeiling {
                    on: ceiling.base.field,
                    base: end.pick(base),
                    rate: ceiling.rate,
                    limit: end.pick(limit),
                    counted: end.others(counted, limit),
                    before: end.of(before, after),
                    after: end.of(after, after),
                };
                if after != before || counted != Band::ZERO {
                    let exact = compare(base.0, base.1).is_eq()
                        && counted.single().is_some()
                        && before.single().is_some();
                    limit_steps(outcome, exact, step);
                }
                after
            }
        };
        if after != before {
            outcome.notes.push(Note::CombinedCeiling {
                ceiling,
                assumed,
                without: before,
                base_unknown: false,
            });
            outcome.amount = outcome.amount.with_band(after);
        }
        counted = counted.plus(after)?;
    }
    Some(())
}

/// The programme counted first keeps its own amount, even where that alone is more than the
/// ceiling (a start-up's 60% city voucher beside "all support at most 50%"): the reading taken is
/// that its own document's rate stands and the ceiling binds what is added after it. Where that
/// happens the calculation says so, and a note gives the other reading, the programme cut to the
/// ceiling, with its amount. `None` on overflow.
fn counted_first<'r>(
    outcome: &mut Outcome<'r>,
    ceiling: &'r CombinedCeiling,
    assumed: bool,
    base: (Decimal, Decimal),
    limit: (Decimal, Decimal),
    own: Band,
    figures: Option<&Figures>,
) -> Option<()> {
    let cut = match figures {
        Some(f) => f.alone(0)?,
        None => within(own, Band::ZERO, limit)?,
    };
    if cut == own {
        return Some(());
    }
    let step = |end: End| Step::CountedFirst {
        on: ceiling.base.field,
        base: end.pick(base),
        rate: ceiling.rate,
        limit: end.pick(limit),
        own: end.of(own, own),
    };
    limit_steps(outcome, compare(base.0, base.1).is_eq() && own.single().is_some(), step);
    outcome.notes.push(Note::AboveCeiling {
        ceiling,
        assumed,
        limit: Band { low: limit.0, high: Some(limit.1) },
        cut,
    });
    Some(())
}

/// What a programme keeps of `before` when `counted` went to those before it under a `limit`
/// (its two ends): at the low end the least left, at the high end the most. `None` on overflow.
pub(crate) fn within(before: Band, counted: Band, limit: (Decimal, Decimal)) -> Option<Band> {
    let room_low = match counted.high {
        Some(c) => money::max(money::sub(limit.0, c)?, Decimal::ZERO),
        None => Decimal::ZERO,
    };
    let room_high = money::max(money::sub(limit.1, counted.low)?, Decimal::ZERO);
    Some(Band {
        low: money::min(before.low, room_low),
        high: Some(before.high.map_or(room_high, |h| money::min(h, room_high))),
    })
}

/// Which end of a band a line of a limit shows.
#[derive(Clone, Copy)]
enum End {
    Low,
    High,
}

impl End {
    fn pick(self, (low, high): (Decimal, Decimal)) -> Decimal {
        match self {
            End::Low => low,
            End::High => high,
        }
    }

    /// A band's end; an unbounded high end is shown as what the limit left (`or`'s high end).
    fn of(self, band: Band, or: Band) -> Decimal {
        match self {
            End::Low => band.low,
            End::High => band.high.or(or.high).unwrap_or(band.low),
        }
    }

    /// What the others took: at the low end of what is left, the most they may take.
    fn others(self, counted: Band, limit: (Decimal, Decimal)) -> Decimal {
        match self {
            End::Low => counted.high.unwrap_or(limit.0),
            End::High => counted.low,
        }
    }
}

/// The line of a limit, or for a band one line for each end.
fn limit_steps(outcome: &mut Outcome<'_>, exact: bool, step: impl Fn(End) -> Step) {
    if exact {
        outcome.steps.push(step(End::Low));
    } else {
        outcome.steps.push(Step::End { high: false });
        outcome.steps.push(step(End::Low));
        outcome.steps.push(Step::End { high: true });
        outcome.steps.push(step(End::High));
    }
}

/// Where a programme named across packs is among the outcomes (none when its pack does not apply).
pub(crate) fn position(outcomes: &[Outcome<'_>], library: &Library, r: &ProgrammeRef) -> Option<usize> {
    let (_, programme) = library.programme_at(r)?;
    outcomes.iter().position(|o| std::ptr::eq(o.programme, programme))
}

/// A programme that may pay this company: eligible, or waiting for an answer.
pub(crate) fn in_play(outcome: &Outcome<'_>) -> bool {
    matches!(outcome.verdict, Verdict::Eligible | Verdict::Undetermined)
}
