//! The audit in plain English for a terminal or a CI log: one heading per kind of finding with its
//! count, one line per finding naming the pack and the id to look for in its file, "none" for an
//! empty section, and a summary line. English only: it is read by whoever edits the packs, and
//! the ids it names are the same in both languages.

use super::{Audit, Carried, Looked, WeakFact};
use crate::force::{LAPSE_WARNING_DAYS, STALE_AFTER_DAYS};
use crate::rules::Confidence;
use std::fmt::Write;

/// How much of a note's text names it: enough to find it, short enough for one line.
const NOTE_CHARS: usize = 60;

pub fn render_text(audit: &Audit) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail; the results are ignored for that reason.
    let _ = writeln!(out, "Rules audit as of {}", audit.as_of);
    ending(&mut out, audit);
    ended(&mut out, audit);
    stale(&mut out, audit);
    weak(&mut out, audit);
    let unverified = audit.unverified.iter().map(|u| u.count).sum::<usize>();
    let readings = audit.readings.iter().map(|r| r.readings.len()).sum::<usize>();
    let _ = writeln!(
        out,
        "\nSummary: {} ending, {} ended, {} overdue, {}, {}, {}.",
        plural(audit.ending.len(), "document"),
        plural(audit.ended.len(), "programme"),
        plural(audit.stale.len(), "review"),
        plural(audit.weak.len(), "weak fact"),
        plural(unverified, "unverified citation"),
        plural(readings, "reading"),
    );
    out
}

fn ending(out: &mut String, audit: &Audit) {
    let title = format!("Documents ending within {LAPSE_WARNING_DAYS} days of {}", audit.as_of);
    heading(out, &title, audit.ending.len());
    for e in &audit.ending {
        let when = match e.days {
            0 => "today".to_string(),
            days => format!("in {}", plural(days, "day")),
        };
        let _ = writeln!(out, "  {} document {} ({}) ends {}, {when}", e.pack, e.document, e.number, e.to);
        if e.programmes.is_empty() {
            let _ = writeln!(out, "    no programme rests on it");
        }
        for p in &e.programmes {
            let _ = writeln!(out, "    programme {}: {}", p.programme, afterwards(&p.carried));
        }
    }
}

fn ended(out: &mut String, audit: &Audit) {
    heading(out, &format!("Programmes whose bases have ended by {}", audit.as_of), audit.ended.len());
    for e in &audit.ended {
        let after = match &e.next {
            Some(next) => {
                format!("nothing carries it until document {} starts on {}", next.document, next.from)
            }
            None => recurring(e.recurring).to_string(),
        };
        let (pack, programme, last, number, to) = (e.pack, e.programme, e.last, e.number, e.to);
        let _ = writeln!(
            out,
            "  {pack} programme {programme}: the last basis, document {last} ({number}), ended {to}; {after}"
        );
    }
}

fn stale(out: &mut String, audit: &Audit) {
    let title = format!("Reviews older than {STALE_AFTER_DAYS} days on {}", audit.as_of);
    heading(out, &title, audit.stale.len());
    for s in &audit.stale {
        let (what, verb) = match &s.what {
            Looked::Pack => (String::new(), "reviewed"),
            Looked::Document { document } => (format!(" document {document}"), "checked"),
            Looked::Coverage { field } => (format!(" coverage of {field}"), "reviewed"),
        };
        let days = plural(s.days, "day");
        let _ = writeln!(out, "  {}{what}: {verb} {}, {days} before the as-of date", s.pack, s.last);
    }
}

/// Weak facts, unverified citations and readings: what rests on less than the official text.
fn weak(out: &mut String, audit: &Audit) {
    heading(out, "Facts still marked weak or our reading", audit.weak.len());
    for w in &audit.weak {
        let _ = writeln!(out, "  {} {}: {}", w.pack, place(&w.fact), confidence(w.confidence));
    }
    let unverified = audit.unverified.iter().map(|u| u.count).sum();
    heading(out, "Citations not verified against the official text", unverified);
    for u in &audit.unverified {
        let _ = writeln!(out, "  {}: {} ({})", u.pack, plural(u.count, "citation"), u.citations.join(", "));
    }
    let readings = audit.readings.iter().map(|r| r.readings.len()).sum();
    heading(out, "Readings the page shows", readings);
    for r in &audit.readings {
        let (count, ids) = (plural(r.readings.len(), "reading"), r.readings.join(", "));
        let _ = writeln!(out, "  {} programme {}: {count} ({ids})", r.pack, r.programme);
    }
}

/// A section's heading with its count; "none" under it when the count is 0.
fn heading(out: &mut String, title: &str, count: usize) {
    let _ = writeln!(out, "\n{title} ({count})");
    if count == 0 {
        let _ = writeln!(out, "  none");
    }
}

fn afterwards(carried: &Carried) -> String {
    match carried {
        Carried::Basis { document, to, reading } => {
            let until = to.map_or_else(|| "no end published".to_string(), |to| format!("until {to}"));
            let reading = if *reading { "; a reading: every basis then is weakly sourced" } else { "" };
            format!("carried on by document {document} ({until}){reading}")
        }
        Carried::Later { document, from } => {
            format!("nothing carries it until document {document} starts on {from}")
        }
        Carried::Nothing { recurring: is } => format!("nothing carries it afterwards; {}", recurring(*is)),
    }
}

fn recurring(recurring: bool) -> &'static str {
    if recurring {
        "recurring: look for the next round's document"
    } else {
        "not recurring"
    }
}

/// Where a weak fact is in its pack file.
fn place(fact: &WeakFact) -> String {
    let dates = |from: &Option<crate::Date>, to: &Option<crate::Date>| {
        let day = |d: &Option<crate::Date>| d.map_or_else(|| "open".to_string(), |d| d.to_string());
        format!("{} – {}", day(from), day(to))
    };
    match fact {
        WeakFact::Document { document } => format!("document {document}"),
        WeakFact::Programme { programme } => format!("programme {programme}"),
        WeakFact::Basis { programme, document } => format!("programme {programme} basis {document}"),
        WeakFact::Note { programme, note, text } => {
            format!("programme {programme} notes[{note}] {}", quote(text))
        }
        WeakFact::DatedCap { programme, from, to } => {
            format!("programme {programme} cap {}", dates(from, to))
        }
        WeakFact::Window { programme, round, from, to } => {
            format!("programme {programme} window of the {round} round ({})", dates(from, to))
        }
        WeakFact::CombinedCeiling { ceiling } => format!("combined ceiling {ceiling}"),
        WeakFact::Prefill { field } => format!("prefill {field}"),
        WeakFact::CoverageNote { field, note, text } => {
            format!("coverage of {field} notes[{note}] {}", quote(text))
        }
    }
}

/// The start of a note, quoted.
fn quote(text: &str) -> String {
    let mut chars = text.chars();
    let start: String = chars.by_ref().take(NOTE_CHARS).collect();
    let more = if chars.next().is_some() { "…" } else { "" };
    format!("\"{start}{more}\"")
}

fn confidence(confidence: Confidence) -> &'static str {
    match confidence {
        Confidence::Text => "text",
        Confidence::News => "news",
        Confidence::NewsWeak => "news_weak (one secondary digest only)",
        Confidence::Inferred => "inferred (our reading)",
    }
}

/// "1 day", "2 days".
fn plural(count: impl std::fmt::Display, noun: &str) -> String {
    match count.to_string() {
        one if one == "1" => format!("1 {noun}"),
        count => format!("{count} {noun}s"),
    }
}
