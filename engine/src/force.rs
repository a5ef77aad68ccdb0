//! Dates a programme lives by: whether it is in force on the as-of date and which documents it
//! rests on, and where that date falls among its application windows. A programme may rest on
//! several documents (the measures, their operating rules, a later plan); it is in force on a day
//! when at least one of them is, so a programme whose first document lapses lives on under a later
//! one.

use crate::date::Date;
use crate::rules::{Confidence, Document, Pack, Programme, Window};
use smallvec::SmallVec;

/// How many days before a document's end the result warns that it lapses; the audit lists the
/// documents ending within as many days.
pub const LAPSE_WARNING_DAYS: i64 = 90;

/// A pack not reviewed against its sources for this many days is listed by the audit, and the
/// results say how old its review is on the as-of date.
pub const STALE_AFTER_DAYS: i64 = 180;

/// Where the as-of date falls among a programme's bases.
#[derive(Debug, Clone)]
pub enum Force<'r> {
    /// Its documents have no period of force (notices): nothing to say.
    Unbounded,
    /// In force, resting on `on` (at least one document). `ended` is a basis that ended before the
    /// as-of date (the latest to end), which the programme outlives under `on`.
    InForce { on: SmallVec<[&'r Document; 2]>, ended: Option<&'r Document> },
    /// No basis is in force yet: `first` is the first to start.
    NotYet { first: &'r Document },
    /// No basis is in force and one has ended: `last` is the last to end, `next` a basis that
    /// starts later (the programme resumes under it after a gap).
    Ended { last: &'r Document, next: Option<&'r Document> },
}

/// The bases of `programme` on `day`.
pub fn force_on<'r>(pack: &'r Pack, programme: &'r Programme, day: Date) -> Force<'r> {
    let mut on: SmallVec<[&'r Document; 2]> = SmallVec::new();
    let (mut ended, mut first): (Option<&'r Document>, Option<&'r Document>) = (None, None);
    for document in pack.documents_of(programme) {
        // A notice without a period of force neither carries a programme nor ends it.
        let Some(period) = document.in_force else { continue };
        if period.contains(day) {
            on.push(document);
        } else if period.from > day {
            if first.is_none_or(|f| f.in_force.is_some_and(|p| period.from < p.from)) {
                first = Some(document);
            }
        } else if ended.is_none_or(|e| end_of(e) < period.to) {
            ended = Some(document);
        }
    }
    match (on.is_empty(), ended, first) {
        (false, ended, _) => Force::InForce { on, ended },
        (true, Some(last), next) => Force::Ended { last, next },
        (true, None, Some(first)) => Force::NotYet { first },
        (true, None, None) => Force::Unbounded,
    }
}

fn end_of(document: &Document) -> Option<Date> {
    document.in_force.and_then(|p| p.to)
}

/// How sure we are that `document` carries `programme`: the basis's own mark where it has one,
/// else the document's.
pub fn basis_confidence(programme: &Programme, document: &Document) -> Confidence {
    programme
        .bases
        .iter()
        .find(|b| b.document == document.id)
        .and_then(|b| b.confidence)
        .unwrap_or(document.confidence)
}

/// Whether every document a programme rests on is known from weak sources only (one secondary
/// digest, or our reading): a continuation resting on them is a reading, not a fact.
pub fn rests_on_weak_sources(programme: &Programme, on: &[&Document]) -> bool {
    on.iter().all(|d| basis_confidence(programme, d) >= Confidence::NewsWeak)
}

/// The basis that carries the programme furthest: the one with no published end, else the latest
/// end. The continuation and lapse notes name it.
pub fn longest<'r>(on: &[&'r Document]) -> Option<&'r Document> {
    on.iter().copied().max_by_key(|d| end_of(d).map_or((1, None), |to| (0, Some(to))))
}

/// Where the as-of date falls among a programme's windows.
#[derive(Debug, Clone, Copy)]
pub enum WindowStatus<'r> {
    /// Open on the as-of date (until `to`, where known).
    Open(&'r Window),
    /// Opens later (this round's next window, or a later round's).
    Opens(&'r Window),
    /// The as-of year's round has closed.
    Closed(&'r Window),
    /// No window is known for the as-of year's round: the last one known.
    NotYetPublished { year: i32, last: &'r Window },
}

/// The window that concerns the as-of date, if the programme has any.
pub fn window_status(windows: &[Window], day: Date) -> Option<WindowStatus<'_>> {
    let opens = |w: &Window| w.from.is_none_or(|f| f <= day);
    // A window whose closing day is not known is taken as open until its round's year is out.
    let open = |w: &Window| opens(w) && w.to.map_or(day.year() <= w.round, |t| day <= t);
    if let Some(w) = windows.iter().find(|w| open(w)) {
        return Some(WindowStatus::Open(w));
    }
    // The next to open, the earliest first.
    let next = windows.iter().filter(|w| !opens(w)).min_by_key(|w| w.from);
    if let Some(w) = next {
        return Some(WindowStatus::Opens(w));
    }
    // The windows are listed in order (the check says so): the last of the latest round.
    let last = windows.iter().max_by_key(|w| w.round)?;
    if last.round >= day.year() {
        Some(WindowStatus::Closed(last))
    } else {
        Some(WindowStatus::NotYetPublished { year: day.year(), last })
    }
}
