//! The maintainers' audit of the rule data on a day: documents about to end and what carries their
//! programmes afterwards, programmes whose every basis has ended, reviews grown old, and facts still
//! marked weak or our own reading. It is a report on the data, not on a company: the shell supplies
//! the day and prints the result (`estimate audit`), `render_text` words it for a terminal.
//!
//! Findings come in library order (packs as loaded, then each pack's documents, programmes and
//! lists in file order), so that two runs on one day print the same thing. It reads a library
//! loaded from pack files: the compact form the page carries keeps no question ids, which the
//! findings on prefills and coverage name.

mod text;

pub use text::render_text;

use crate::date::Date;
use crate::force::{force_on, longest, rests_on_weak_sources, Force, LAPSE_WARNING_DAYS, STALE_AFTER_DAYS};
use crate::lang::Lang;
use crate::rules::{Cap, Confidence, Formula, Library, Pack, Programme};
use serde::Serialize;

/// Everything a maintainer should look at on `as_of`, by kind.
#[derive(Debug, Clone, Serialize)]
pub struct Audit<'r> {
    pub as_of: Date,
    /// Documents in force on the as-of date that end within `LAPSE_WARNING_DAYS` of it.
    pub ending: Vec<Ending<'r>>,
    /// Programmes whose every basis has ended by the as-of date.
    pub ended: Vec<Ended<'r>>,
    /// Reviews and checks older than `STALE_AFTER_DAYS` on the as-of date.
    pub stale: Vec<Stale<'r>>,
    /// Facts marked `news_weak` or `inferred`.
    pub weak: Vec<Weak<'r>>,
    /// Per pack, the citations whose article numbers come from summaries (`verified: false`).
    pub unverified: Vec<Unverified<'r>>,
    /// Per programme, the readings the page shows (clauses the text leaves open).
    pub readings: Vec<Readings<'r>>,
}

/// A document that ends soon, and the programmes resting on it.
#[derive(Debug, Clone, Serialize)]
pub struct Ending<'r> {
    pub pack: &'r str,
    pub document: &'r str,
    /// The official number, as the sources name it.
    pub number: &'r str,
    /// Its last day in force.
    pub to: Date,
    /// Days from the as-of date to `to` (0: it ends that day).
    pub days: i64,
    pub programmes: Vec<Afterwards<'r>>,
}

/// What carries one programme the day after a document ends.
#[derive(Debug, Clone, Serialize)]
pub struct Afterwards<'r> {
    pub programme: &'r str,
    #[serde(flatten)]
    pub carried: Carried<'r>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "after", rename_all = "snake_case")]
pub enum Carried<'r> {
    /// Another basis is in force the next day: the one that runs longest (`to` absent: no end
    /// published). `reading`: every basis then in force is weakly sourced, so the continuation
    /// is our reading, not a fact.
    Basis { document: &'r str, to: Option<Date>, reading: bool },
    /// No basis the next day, but a later one starts on `from`: a gap.
    Later { document: &'r str, from: Date },
    /// The programme ends with the document. A recurring one needs a new document for its next
    /// round.
    Nothing { recurring: bool },
}

/// A programme none of whose bases is in force on the as-of date, one at least having ended.
#[derive(Debug, Clone, Serialize)]
pub struct Ended<'r> {
    pub pack: &'r str,
    pub programme: &'r str,
    /// The basis that ended last, and its last day in force.
    pub last: &'r str,
    pub number: &'r str,
    pub to: Date,
    pub recurring: bool,
    /// A basis that starts later, where the pack has one: the programme is between two bases.
    pub next: Option<Next<'r>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Next<'r> {
    pub document: &'r str,
    pub from: Date,
}

/// Something nobody has looked at against its sources for too long.
#[derive(Debug, Clone, Serialize)]
pub struct Stale<'r> {
    pub pack: &'r str,
    #[serde(flatten)]
    pub what: Looked<'r>,
    /// The day it was last reviewed or checked, and how many days before the as-of date that is.
    pub last: Date,
    pub days: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Looked<'r> {
    /// The pack's `reviewed`.
    Pack,
    /// A document's `checked`.
    Document { document: &'r str },
    /// The common pack's look for places without a pack (`coverage`'s `reviewed`).
    Coverage { field: &'r str },
}

/// A fact marked weak (one secondary digest) or our own reading.
#[derive(Debug, Clone, Serialize)]
pub struct Weak<'r> {
    pub pack: &'r str,
    #[serde(flatten)]
    pub fact: WeakFact<'r>,
    pub confidence: Confidence,
}

/// Where the fact is in its pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WeakFact<'r> {
    Document {
        document: &'r str,
    },
    Programme {
        programme: &'r str,
    },
    /// That `document` carries `programme` (the basis's own mark).
    Basis {
        programme: &'r str,
        document: &'r str,
    },
    /// A programme's note: its index in `notes` (from 0) and its English text.
    Note {
        programme: &'r str,
        note: usize,
        text: &'r str,
    },
    /// One period of a cap that changes on a date.
    DatedCap {
        programme: &'r str,
        from: Option<Date>,
        to: Option<Date>,
    },
    Window {
        programme: &'r str,
        round: i32,
        from: Option<Date>,
        to: Option<Date>,
    },
    CombinedCeiling {
        ceiling: &'r str,
    },
    /// A published figure assumed for an unanswered question.
    Prefill {
        field: &'r str,
    },
    /// A note of the common pack's coverage of a place (index in `notes`, from 0).
    CoverageNote {
        field: &'r str,
        note: usize,
        text: &'r str,
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct Unverified<'r> {
    pub pack: &'r str,
    pub count: usize,
    pub citations: Vec<&'r str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Readings<'r> {
    pub pack: &'r str,
    pub programme: &'r str,
    /// The readings' ids.
    pub readings: Vec<&'r str>,
}

impl Audit<'_> {
    /// Nothing to look at: no section has an entry.
    pub fn is_clean(&self) -> bool {
        self.ending.is_empty()
            && self.ended.is_empty()
            && self.stale.is_empty()
            && self.weak.is_empty()
            && self.unverified.is_empty()
            && self.readings.is_empty()
    }
}

/// The audit of every pack of `library` on `as_of`.
pub fn audit(library: &Library, as_of: Date) -> Audit<'_> {
    let mut audit = Audit {
        as_of,
        ending: Vec::new(),
        ended: Vec::new(),
        stale: Vec::new(),
        weak: Vec::new(),
        unverified: Vec::new(),
        readings: Vec::new(),
    };
    for pack in &library.packs {
        ending(pack, as_of, &mut audit.ending);
        ended(pack, as_of, &mut audit.ended);
        stale(pack, as_of, &mut audit.stale);
        weak(pack, &mut audit.weak);
        let citations: Vec<&str> =
            pack.citations.iter().filter(|c| !c.verified).map(|c| c.id.as_str()).collect();
        if !citations.is_empty() {
            audit.unverified.push(Unverified { pack: &pack.id, count: citations.len(), citations });
        }
        for programme in pack.programmes.iter().filter(|p| !p.readings.is_empty()) {
            let readings = programme.readings.iter().map(|r| r.id.as_str()).collect();
            audit.readings.push(Readings { pack: &pack.id, programme: &programme.id, readings });
        }
    }
    audit
}

fn ending<'r>(pack: &'r Pack, as_of: Date, out: &mut Vec<Ending<'r>>) {
    for document in &pack.documents {
        let Some(period) = document.in_force.filter(|p| p.contains(as_of)) else { continue };
        let Some(to) = period.to else { continue };
        let days = as_of.days_until(to);
        if days > LAPSE_WARNING_DAYS {
            continue;
        }
        let programmes = pack
            .programmes
            .iter()
            .filter(|p| pack.documents_of(p).any(|d| d.id == document.id))
            .map(|p| Afterwards { programme: &p.id, carried: afterwards(pack, p, to) })
            .collect();
        out.push(Ending {
            pack: &pack.id,
            document: &document.id,
            number: document.name(crate::lang::Lang::Zh),
            to,
            days,
            programmes,
        });
    }
}

/// What carries `programme` on the day after `end`.
fn afterwards<'r>(pack: &'r Pack, programme: &'r Programme, end: Date) -> Carried<'r> {
    let nothing = Carried::Nothing { recurring: programme.recurring };
    let Some(next_day) = Date::from_days_since_epoch(end.days_since_epoch() + 1) else { return nothing };
    match force_on(pack, programme, next_day) {
        Force::InForce { on, .. } => match longest(&on) {
            Some(document) => Carried::Basis {
                document: &document.id,
                to: document.in_force.and_then(|p| p.to),
                reading: rests_on_weak_sources(programme, &on),
            },
            None => nothing,
        },
        // `force_on` calls a gap between two bases "ended": the later one is worth naming.
        _ => match first_after(pack, programme, end) {
            Some(Next { document, from }) => Carried::Later { document, from },
            None => nothing,
        },
    }
}

/// The basis of `programme` that starts first after `day`.
fn first_after<'r>(pack: &'r Pack, programme: &'r Programme, day: Date) -> Option<Next<'r>> {
    pack.documents_of(programme)
        .filter_map(|d| d.in_force.map(|p| Next { document: &d.id, from: p.from }))
        .filter(|next| next.from > day)
        .min_by_key(|next| next.from)
}

fn ended<'r>(pack: &'r Pack, as_of: Date, out: &mut Vec<Ended<'r>>) {
    for programme in &pack.programmes {
        let Force::Ended { last, .. } = force_on(pack, programme, as_of) else { continue };
        // An ended basis has an end: `force_on` counts a document without one as in force.
        let Some(to) = last.in_force.and_then(|p| p.to) else { continue };
        out.push(Ended {
            pack: &pack.id,
            programme: &programme.id,
            last: &last.id,
            number: last.name(crate::lang::Lang::Zh),
            to,
            recurring: programme.recurring,
            next: first_after(pack, programme, as_of),
        });
    }
}

fn stale<'r>(pack: &'r Pack, as_of: Date, out: &mut Vec<Stale<'r>>) {
    let mut look = |what: Looked<'r>, last: Date| {
        let days = last.days_until(as_of);
        if days > STALE_AFTER_DAYS {
            out.push(Stale { pack: &pack.id, what, last, days });
        }
    };
    look(Looked::Pack, pack.reviewed);
    for document in &pack.documents {
        look(Looked::Document { document: &document.id }, document.checked);
    }
    for coverage in &pack.coverage {
        look(Looked::Coverage { field: &coverage.field.id }, coverage.reviewed);
    }
}

fn weak<'r>(pack: &'r Pack, out: &mut Vec<Weak<'r>>) {
    let mut mark = |fact: WeakFact<'r>, confidence: Option<Confidence>| {
        if let Some(confidence) = confidence.filter(|c| *c >= Confidence::NewsWeak) {
            out.push(Weak { pack: &pack.id, fact, confidence });
        }
    };
    for d in &pack.documents {
        mark(WeakFact::Document { document: &d.id }, Some(d.confidence));
    }
    for p in &pack.programmes {
        let programme = p.id.as_str();
        mark(WeakFact::Programme { programme }, Some(p.confidence));
        for b in &p.bases {
            mark(WeakFact::Basis { programme, document: &b.document }, b.confidence);
        }
        for (note, fact) in p.notes.iter().enumerate() {
            mark(WeakFact::Note { programme, note, text: fact.text.get(Lang::En) }, fact.confidence);
        }
        if let Some(Formula::RateOfBase { cap: Cap::Dated(periods), .. }) = &p.formula {
            for period in periods {
                mark(WeakFact::DatedCap { programme, from: period.from, to: period.to }, period.confidence);
            }
        }
        for w in &p.windows {
            mark(WeakFact::Window { programme, round: w.round, from: w.from, to: w.to }, Some(w.confidence));
        }
    }
    for c in &pack.combined_ceilings {
        mark(WeakFact::CombinedCeiling { ceiling: &c.id }, Some(c.confidence));
    }
    for prefill in &pack.prefills {
        mark(WeakFact::Prefill { field: &prefill.field.id }, Some(prefill.confidence));
    }
    for coverage in &pack.coverage {
        for (note, fact) in coverage.notes.iter().enumerate() {
            let text = fact.text.get(Lang::En);
            mark(WeakFact::CoverageNote { field: &coverage.field.id, note, text }, fact.confidence);
        }
    }
}
