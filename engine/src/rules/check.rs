//! The load-time check of the packs. Its messages are for whoever edits the data, so they name the
//! pack, the programme, the condition and the problem. A library that passes is complete: both
//! languages everywhere, citations and documents that resolve, rules that read questions of the
//! right kind and of their own topic, dates in order.

use super::library::Library;
use super::model::*;
use crate::fields::{FieldKind, TopicId};
use crate::lang::Text;
use rust_decimal::Decimal;
use std::collections::HashSet;
use std::fmt;

/// The pack file shape this engine reads.
pub const SCHEMA: u32 = 1;

#[derive(Debug, Clone, PartialEq)]
pub enum RuleError {
    Parse(String),
    Invalid(Vec<String>),
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RuleError::Parse(e) => write!(f, "pack file is not readable: {e}"),
            RuleError::Invalid(problems) => write!(f, "packs have problems:\n- {}", problems.join("\n- ")),
        }
    }
}

impl std::error::Error for RuleError {}

pub(super) fn check(library: &Library) -> Result<(), RuleError> {
    let mut c = Checker { library, pack: &library.packs[0], problems: Vec::new() };
    unique(&mut c, "packs", library.packs.iter().map(|p| p.id.as_str()));
    if library.packs.iter().filter(|p| p.level == Level::Common).count() > 1 {
        c.problem("packs", "more than one common pack");
    }
    for pack in &library.packs {
        c.pack = pack;
        c.pack();
    }
    if c.problems.is_empty() {
        Ok(())
    } else {
        Err(RuleError::Invalid(c.problems))
    }
}

struct Checker<'l> {
    library: &'l Library,
    pack: &'l Pack,
    problems: Vec<String>,
}

impl<'l> Checker<'l> {
    fn problem(&mut self, at: &str, what: impl fmt::Display) {
        self.problems.push(format!("{}: {at}: {what}", self.pack.id));
    }

    fn text(&mut self, at: &str, text: &Text) {
        if !text.is_complete() {
            self.problem(at, "needs both zh and en text");
        }
    }

    fn cite(&mut self, at: &str, id: &str) {
        if self.pack.citation(id).is_none() {
            self.problem(at, format!("cites {id:?}, which is not in this pack's citations"));
        }
    }

    fn pack(&mut self) {
        let p = self.pack;
        if p.schema != SCHEMA {
            self.problem("schema", format!("is {}, this engine reads {SCHEMA}", p.schema));
        }
        self.text("title", &p.title);
        self.text("place", &p.place);
        if p.version.trim().is_empty() {
            self.problem("version", "is empty");
        }
        match (p.level, &p.applies) {
            (Level::Common | Level::Province, Some(_)) => {
                self.problem("applies", "common and provincial packs apply everywhere")
            }
            (Level::City | Level::District, None) => {
                self.problem("applies", "a city or district pack must say where it applies")
            }
            (_, Some(test)) => self.test("applies", None, test),
            _ => {}
        }
        if p.level == Level::Common && !p.programmes.is_empty() {
            self.problem("programmes", "the common pack declares questions only");
        }
        unique(self, "documents", p.documents.iter().map(|d| d.id.as_str()));
        unique(self, "citations", p.citations.iter().map(|c| c.id.as_str()));
        unique(self, "programmes", p.programmes.iter().map(|p| p.id.as_str()));
        for d in &p.documents {
            self.document(d);
        }
        for c in &p.citations {
            let at = format!("citation {}", c.id);
            self.text(&at, &c.article);
            self.text(&at, &c.topic);
            if p.document(&c.document).is_none() {
                self.problem(&at, format!("names document {:?}, which is not listed", c.document));
            }
        }
        for t in &p.topics {
            let at = format!("topic {}", t.id);
            self.text(&at, &t.title);
            for text in t.ask.iter().chain(&t.help) {
                self.text(&at, text);
            }
        }
        for q in &p.questions {
            self.question(q);
        }
        for programme in &p.programmes {
            self.programme(programme);
        }
        self.coverage();
        for c in &p.combined_ceilings {
            let at = format!("combined ceiling {}", c.id);
            self.rate(&at, c.rate);
            self.kind(&at, &c.base, FieldKind::Money);
            self.text(&at, &c.text);
            self.text(&at, &c.alternative);
            self.cite(&at, &c.cite);
            if let Some(when) = &c.when {
                self.test(&at, None, when);
            }
            self.programme_refs(&at, &c.programmes);
        }
        for c in &p.company_caps {
            let at = format!("company cap {}", c.id);
            self.positive(&at, c.cap);
            self.text(&at, &c.text);
            self.cite(&at, &c.cite);
            self.programme_refs(&at, &c.programmes);
        }
        for o in &p.overlaps {
            self.text("overlap", &o.text);
            self.programme_refs("overlap", &o.programmes);
        }
        for prefill in &p.prefills {
            let at = format!("prefill {}", prefill.field.id);
            self.cite(&at, &prefill.cite);
            self.kind(&at, &prefill.field, FieldKind::Money);
            self.positive(&at, prefill.amount);
            self.test(&at, None, &prefill.when);
            for n in &prefill.notes {
                self.text(&at, n);
            }
        }
    }

    /// Programmes a rule across programmes names: at least two, each once, none informational.
    fn programme_refs(&mut self, at: &str, refs: &[ProgrammeRef]) {
        if refs.len() < 2 {
            self.problem(at, "needs at least two programmes");
        }
        unique(self, at, refs.iter().map(|r| r.name.as_str()));
        for r in refs {
            if self.library.programme_at(r).is_some_and(|(_, p)| p.is_informational()) {
                self.problem(at, format!("{} is informational: it has no amount", r.name));
            }
        }
    }

    fn document(&mut self, d: &Document) {
        let at = format!("document {}", d.id);
        self.text(&at, &d.title);
        self.text(&at, &d.issuer);
        if let Some(short) = &d.short {
            self.text(&at, short);
        }
        if let Some(period) = d.in_force {
            if period.to.is_some_and(|to| to < period.from) {
                self.problem(&at, "in_force ends before it starts");
            }
            if d.dated.is_some_and(|dated| period.to.is_some_and(|to| to < dated)) {
                self.problem(&at, "in_force ends before the document is dated");
            }
        }
        let open_end = d.in_force.is_some_and(|p| p.to.is_none());
        if (d.dated.is_none() || d.in_force.is_none() || open_end || d.number.is_none()) && d.note.is_none() {
            self.problem(
                &at,
                "a document without a number, a date or an end of force needs a note saying why",
            );
        }
        if let Some(note) = &d.note {
            self.text(&at, note);
        }
        if d.number.as_ref().is_some_and(|n| n.trim().is_empty()) || d.source_url.trim().is_empty() {
            self.problem(&at, "needs a source_url, and a number that is not empty (null where none is seen)");
        }
    }

    fn question(&mut self, q: &Question) {
        let at = format!("question {}", q.id);
        self.text(&at, &q.label);
        for text in q.help.iter().chain(&q.unit) {
            self.text(&at, text);
        }
        if q.id.trim().is_empty() || q.id.contains(char::is_whitespace) {
            self.problem(&at, "an id needs letters, digits, '_' or '.' only");
        }
        match q.kind {
            FieldKind::Choice => {
                if q.choices.len() < 2 {
                    self.problem(&at, "a choice needs at least two choices");
                }
                unique(self, &at, q.choices.iter().map(|c| c.id.as_str()));
                for c in &q.choices {
                    self.text(&format!("{at} choice {}", c.id), &c.label);
                }
            }
            _ if !q.choices.is_empty() => self.problem(&at, "only a choice question has choices"),
            _ => {}
        }
        if let Some(within) = &q.choices_within {
            self.kind(&at, within, FieldKind::Choice);
            let parent = self.library.question(within.field);
            for c in &q.choices {
                match &c.within {
                    Some(w) if parent.choice(w).is_some() => {}
                    _ => {
                        self.problem(&at, format!("choice {} must be within a choice of {}", c.id, within.id))
                    }
                }
            }
        }
        if let Some(test) = &q.ask_when {
            self.test(&at, None, test);
        }
        if let Some(before) = &q.not_before {
            self.kind(&at, before, q.kind);
            if !matches!(q.kind, FieldKind::Date | FieldKind::Year) {
                self.problem(&at, "not_before is for dates and years");
            }
        }
        if let Some(d) = &q.division {
            if q.kind != FieldKind::CreditCode {
                self.problem(&at, "a division check is for credit codes");
            }
            self.kind(&at, &d.agrees_with, FieldKind::Bool);
            self.text(&at, &d.warning);
        }
    }

    fn programme(&mut self, p: &Programme) {
        let at = format!("programme {}", p.id);
        self.text(&at, &p.title);
        self.text(&at, &p.summary);
        self.text(&format!("{at} apply"), &p.apply.channel);
        self.text(&format!("{at} apply"), &p.apply.office);
        for t in p.apply.window.iter().chain(&p.apply.documents).chain(&p.confidence_note) {
            self.text(&format!("{at} apply"), t);
        }
        if p.cites.is_empty() {
            self.problem(&at, "needs at least one citation");
        }
        for id in &p.cites {
            self.cite(&at, id);
        }
        let topic = p.topic_index.map(TopicId);
        for note in &p.notes {
            self.text(&format!("{at} note"), &note.text);
            if let Some(when) = &note.when {
                self.test(&format!("{at} note"), topic, when);
            }
        }
        if let Some(c) = &p.competitive {
            self.text(&format!("{at} quota"), &c.quota);
            if c.quota_per_year == Some(0) {
                self.problem(&at, "a competitive quota must be at least 1");
            }
        }
        if let Some(round) = &p.round {
            self.text(&format!("{at} round"), &round.label);
            self.cite(&format!("{at} round"), &round.cite);
        }
        self.bases(&at, p);
        self.windows(&format!("{at} windows"), &p.windows);
        if p.level.is_some_and(|level| level <= self.pack.level) {
            self.problem(&at, "its own `level` must be below its pack's (a city award in a provincial pack)");
        }
        if matches!(p.formula, Some(Formula::CityAward { .. })) && !p.conditions.is_empty() {
            self.problem(&at, "a city award line takes its match's conditions and has none of its own");
        }
        let Some(topic) = topic else {
            if !p.conditions.is_empty() || p.formula.is_some() {
                self.problem(&at, "an informational item (no topic) cannot have conditions or a formula");
            }
            return;
        };
        if !self.library.topic(topic).is_optional() {
            self.problem(&at, "a programme's topic must be one the company can switch on");
        }
        unique(self, &format!("{at} conditions"), p.conditions.iter().map(|c| c.id.as_str()));
        for condition in &p.conditions {
            let at = format!("{at} condition {}", condition.id);
            self.text(&at, &condition.text);
            self.cite(&at, &condition.cite);
            self.test(&at, Some(topic), &condition.test);
            if let (Some(from), Some(to)) = (condition.from, condition.to) {
                if to < from {
                    self.problem(&at, "its `to` is before its `from`");
                }
            }
        }
        for reading in &p.readings {
            let at = format!("{at} reading {}", reading.id);
            self.text(&at, &reading.taken);
            self.text(&at, &reading.alternative);
            if let Some(test) = &reading.when {
                self.test(&at, Some(topic), test);
            }
        }
        match &p.formula {
            None => self.problem(&at, "a programme with a topic needs a formula"),
            Some(formula) => self.formula(&format!("{at} formula"), topic, formula),
        }
    }

    /// The documents a programme rests on: listed in the pack, each once; a recurring programme
    /// needs one with a period of force, or it could never be said to have ended.
    fn bases(&mut self, at: &str, p: &Programme) {
        unique(self, &format!("{at} bases"), p.bases.iter().map(|b| b.document.as_str()));
        for basis in &p.bases {
            if self.pack.document(&basis.document).is_none() {
                self.problem(at, format!("rests on document {:?}, which is not listed", basis.document));
            }
        }
        if p.recurring && self.pack.documents_of(p).all(|d| d.in_force.is_none()) {
            self.problem(at, "a recurring programme needs a basis with a period of force");
        }
    }

    /// Application windows: each opens or closes on a known day, opens before it closes, and the
    /// windows come in the order of their rounds and days.
    fn windows(&mut self, at: &str, windows: &[Window]) {
        for w in windows {
            if w.from.is_none() && w.to.is_none() {
                self.problem(at, format!("a window of the {} round needs `from` or `to`", w.round));
            }
            if let (Some(from), Some(to)) = (w.from, w.to) {
                if to < from {
                    self.problem(at, format!("a window of the {} round closes before it opens", w.round));
                }
            }
            if let Some(label) = &w.label {
                self.text(at, label);
            }
        }
        let key = |w: &Window| (w.round, w.from.or(w.to));
        if windows.windows(2).any(|pair| key(&pair[1]) < key(&pair[0])) {
            self.problem(at, "windows must be listed in the order of their rounds and days");
        }
    }

    /// Where the common pack says which places the packs may cover.
    fn coverage(&mut self) {
        let p = self.pack;
        if !p.coverage.is_empty() && p.level != Level::Common {
            self.problem("coverage", "only the common pack says which places the packs cover");
        }
        for c in &p.coverage {
            let at = format!("coverage of {}", c.field.id);
            if !matches!(c.level, Level::City | Level::District) {
                self.problem(&at, "covers the city or the district level");
            }
            self.kind(&at, &c.field, FieldKind::Choice);
            self.text(&at, &c.ask);
            for n in &c.notes {
                self.text(&at, &n.text);
                if let Some(when) = &n.when {
                    self.test(&at, None, when);
                }
            }
        }
    }

    /// A rule reads its own topic's questions and those always asked (the company's).
    fn reads(&mut self, at: &str, topic: Option<TopicId>, r: &FieldRef) {
        let own = self.library.topic_of(r.field);
        let always = !self.library.topic(own).is_optional();
        if let Some(topic) = topic {
            if own != topic && !always {
                self.problem(
                    at,
                    format!("reads {}, outside its topic {}", r.id, self.library.topic(topic).id),
                );
            }
        }
    }

    fn kind(&mut self, at: &str, r: &FieldRef, wanted: FieldKind) {
        let kind = self.library.kind(r.field);
        if kind != wanted {
            self.problem(at, format!("{} is a {kind:?} question, not {wanted:?}", r.id));
        }
    }

    fn test(&mut self, at: &str, topic: Option<TopicId>, test: &Test) {
        if let Some(r) = test.field_ref() {
            self.reads(at, topic, r);
        }
        match test {
            Test::Is { field, .. } => self.kind(at, field, FieldKind::Bool),
            Test::OneOf { field, values } => {
                self.kind(at, field, FieldKind::Choice);
                let question = self.library.question(field.field);
                let unknown: Vec<&String> = values.iter().filter(|v| question.choice(v).is_none()).collect();
                for v in unknown {
                    self.problem(at, format!("{v:?} is not a choice of {}", field.id));
                }
            }
            Test::MoreThan { field, .. } | Test::AtLeast { field, .. } => {
                if !self.library.kind(field.field).is_number() {
                    self.problem(at, format!("{} is not a number", field.id));
                }
            }
            Test::YearBetween { field, from, to, .. } => {
                self.kind(at, field, FieldKind::Year);
                if from > to {
                    self.problem(at, "year window ends before it starts");
                }
            }
            Test::OnOrAfter { field, .. } | Test::OnOrBefore { field, .. } => {
                self.kind(at, field, FieldKind::Date)
            }
            Test::WithinYearsOfAsOf { field, years } => {
                self.kind(at, field, FieldKind::Date);
                if *years == 0 {
                    self.problem(at, "within_years_of_as_of needs at least one year");
                }
            }
            Test::RecentYear { field, .. } => self.kind(at, field, FieldKind::Year),
            Test::AnyOf(tests) | Test::AllOf(tests) => {
                if tests.len() < 2 {
                    self.problem(at, "any_of and all_of need at least two tests");
                }
                for t in tests {
                    self.test(at, topic, t);
                }
            }
        }
    }

    fn money(&mut self, at: &str, topic: TopicId, r: &FieldRef) {
        self.reads(at, Some(topic), r);
        self.kind(at, r, FieldKind::Money);
    }

    fn formula(&mut self, at: &str, topic: TopicId, formula: &Formula) {
        match formula {
            Formula::RateOfBase { rate, base, cap, rate_when, cap_when, alternatives } => {
                self.rate(at, *rate);
                if base.is_empty() {
                    self.problem(at, "the base needs at least one field");
                }
                for f in base {
                    self.money(at, topic, f);
                }
                match cap {
                    Cap::Fixed(amount) => self.positive(at, *amount),
                    Cap::Dated(periods) => self.periods(at, periods),
                    Cap::ByChoice { by, amounts } => {
                        self.reads(at, Some(topic), by);
                        self.kind(at, by, FieldKind::Choice);
                        let question = self.library.question(by.field);
                        for (choice, amount) in amounts {
                            if question.choice(choice).is_none() {
                                self.problem(at, format!("cap for {choice:?}, not a choice of {}", by.id));
                            }
                            self.positive(at, *amount);
                        }
                    }
                }
                for r in rate_when {
                    self.rate(at, r.rate);
                    self.text(at, &r.text);
                    self.test(at, Some(topic), &r.when);
                }
                for c in cap_when {
                    self.positive(at, c.cap);
                    self.text(at, &c.text);
                    self.test(at, Some(topic), &c.when);
                }
                for a in alternatives {
                    self.text(at, &a.text);
                    if let Some(rate) = a.rate {
                        self.rate(at, rate);
                    }
                    if let Some(cap) = a.cap {
                        self.positive(at, cap);
                    }
                    if a.rate.is_none() && a.cap.is_none() && !a.cap_only {
                        self.problem(at, "an alternative needs a rate, a cap or cap_only");
                    }
                }
            }
            Formula::CityAwardMatch { award, ratio, total_cap, readings } => {
                self.money(at, topic, award);
                self.positive(at, *ratio);
                self.positive(at, *total_cap);
                if readings.is_empty() {
                    self.problem(at, "needs at least the default reading");
                }
                let mut rules = HashSet::new();
                for r in readings {
                    self.text(at, &r.text);
                    if !rules.insert(r.rule) {
                        self.problem(at, format!("reading {:?} listed twice", r.rule));
                    }
                }
            }
            Formula::CityAward { matched_by } => match self.library.programme_at(matched_by) {
                Some((pack, matched)) if std::ptr::eq(pack, self.pack) => {
                    if !matches!(matched.formula, Some(Formula::CityAwardMatch { .. })) {
                        self.problem(at, format!("names {}, which is not a city_award_match", matched.id));
                    }
                    if matched.topic_index != Some(topic.0) {
                        self.problem(
                            at,
                            format!("needs the topic of {}, whose conditions it takes", matched.id),
                        );
                    }
                }
                _ => self
                    .problem(at, "names a match of another pack (its conditions cite this pack's documents)"),
            },
            Formula::NoFixedAmount { estimate, case_by_case_from } => {
                self.money(at, topic, estimate);
                self.positive(at, *case_by_case_from);
            }
            Formula::PerItem { count, amount, cap } => {
                self.reads(at, Some(topic), count);
                self.kind(at, count, FieldKind::Count);
                self.positive(at, *amount);
                if let Some(cap) = cap {
                    self.positive(at, *cap);
                }
            }
            Formula::Tiers { by, tiers } => {
                if tiers.is_empty() {
                    self.problem(at, "needs at least one tier");
                }
                unique(self, at, tiers.iter().map(|t| t.id.as_str()));
                for t in tiers {
                    self.text(at, &t.label);
                    self.positive(at, t.amount);
                }
                if let Some(by) = by {
                    self.reads(at, Some(topic), by);
                    self.kind(at, by, FieldKind::Choice);
                    let question = self.library.question(by.field);
                    for t in tiers {
                        if question.choice(&t.id).is_none() {
                            self.problem(at, format!("tier {:?} is not a choice of {}", t.id, by.id));
                        }
                    }
                }
            }
        }
    }

    /// A dated cap covers every day once: open at both ends, each period starting the day after
    /// the one before ends.
    fn periods(&mut self, at: &str, periods: &[DatedAmount]) {
        match (periods.first(), periods.last()) {
            (Some(first), Some(last)) if first.from.is_none() && last.to.is_none() => {}
            _ => self.problem(at, "a dated cap's first period needs no `from`, its last no `to`"),
        }
        for pair in periods.windows(2) {
            let follows = match (pair[0].to, pair[1].from) {
                (Some(end), Some(start)) => end.days_until(start) == 1,
                _ => false,
            };
            if !follows {
                self.problem(at, "each period of a dated cap starts the day after the one before ends");
            }
        }
        for p in periods {
            self.positive(at, p.amount);
            if let Some(cite) = &p.cite {
                self.cite(at, cite);
            }
            if let Some(note) = &p.note {
                self.text(at, note);
            }
        }
    }

    fn rate(&mut self, at: &str, rate: Decimal) {
        if rate <= Decimal::ZERO || rate > Decimal::ONE {
            self.problem(at, format!("rate {rate} is not in (0, 1]"));
        }
    }

    fn positive(&mut self, at: &str, amount: Decimal) {
        if amount <= Decimal::ZERO {
            self.problem(at, format!("{amount} must be positive"));
        }
    }
}

fn unique<'a>(c: &mut Checker, at: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen = HashSet::new();
    for id in ids {
        if id.trim().is_empty() || !seen.insert(id) {
            c.problem(at, format!("id {id:?} is empty or repeated"));
        }
    }
}
