//! The load-time check of a rule file. Its messages are for whoever edits the data, so they name
//! the programme, the condition and the problem.

use super::model::*;
use crate::fields::{Field, FieldKind, Section};
use crate::lang::Text;
use rust_decimal::Decimal;
use std::collections::HashSet;
use std::fmt;

pub const SCHEMA: u32 = 1;

#[derive(Debug, Clone, PartialEq)]
pub enum RuleError {
    Parse(String),
    Invalid(Vec<String>),
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RuleError::Parse(e) => write!(f, "rule file is not readable: {e}"),
            RuleError::Invalid(problems) => {
                write!(f, "rule file has problems:\n- {}", problems.join("\n- "))
            }
        }
    }
}

impl std::error::Error for RuleError {}

struct Checker<'r> {
    rules: &'r RuleSet,
    problems: Vec<String>,
}

pub(super) fn check(rules: &RuleSet) -> Result<(), RuleError> {
    let mut c = Checker { rules, problems: Vec::new() };
    c.rule_set();
    if c.problems.is_empty() {
        Ok(())
    } else {
        Err(RuleError::Invalid(c.problems))
    }
}

impl Checker<'_> {
    fn problem(&mut self, at: &str, what: impl fmt::Display) {
        self.problems.push(format!("{at}: {what}"));
    }

    fn text(&mut self, at: &str, text: &Text) {
        if !text.is_complete() {
            self.problem(at, "needs both zh and en text");
        }
    }

    fn cite(&mut self, at: &str, id: &str) {
        if self.rules.citation(id).is_none() {
            self.problem(at, format!("cites {id:?}, which is not in citations"));
        }
    }

    fn rule_set(&mut self) {
        let r = self.rules;
        if r.schema != SCHEMA {
            self.problem("schema", format!("is {}, this engine reads {SCHEMA}", r.schema));
        }
        self.text("title", &r.title);
        unique(self, "documents", r.documents.iter().map(|d| d.id.as_str()));
        unique(self, "citations", r.citations.iter().map(|c| c.id.as_str()));
        unique(self, "programmes", r.programmes.iter().map(|p| p.id.as_str()));
        for d in &r.documents {
            let at = format!("document {}", d.id);
            self.text(&at, &d.title);
            self.text(&at, &d.issuer);
            if d.in_force.is_some_and(|p| p.to.is_some_and(|to| to < p.from)) {
                self.problem(&at, "in_force ends before it starts");
            }
            if (d.dated.is_none() || d.in_force.is_none()) && d.note.is_none() {
                self.problem(&at, "a document without a date or period of force needs a note saying why");
            }
            if let Some(note) = &d.note {
                self.text(&at, note);
            }
            if d.number.trim().is_empty() || d.source_url.trim().is_empty() {
                self.problem(&at, "needs its number and a source_url");
            }
        }
        for c in &r.citations {
            let at = format!("citation {}", c.id);
            self.text(&at, &c.article);
            self.text(&at, &c.topic);
            if r.document(&c.document).is_none() {
                self.problem(&at, format!("names document {:?}, which is not listed", c.document));
            }
        }
        for p in &r.programmes {
            self.programme(p);
        }
        for a in &r.city_awards {
            let at = format!("city award {} {}", a.city.id(), a.recognition.key());
            self.cite(&at, &a.cite);
            if !matches!(a.recognition, Section::LittleGiant | Section::SingleChampion) {
                self.problem(&at, "recognition must be little_giant or single_champion");
            }
            if a.amount <= Decimal::ZERO {
                self.problem(&at, "amount must be positive");
            }
        }
    }

    fn programme(&mut self, p: &Programme) {
        let at = format!("programme {}", p.id);
        self.text(&at, &p.title);
        self.text(&at, &p.summary);
        self.text(&format!("{at} apply"), &p.apply.channel);
        self.text(&format!("{at} apply"), &p.apply.office);
        if p.cites.is_empty() {
            self.problem(&at, "needs at least one citation");
        }
        for id in &p.cites {
            self.cite(&at, id);
        }
        for note in &p.notes {
            self.text(&format!("{at} note"), note);
        }
        if let Some(c) = &p.competitive {
            self.text(&format!("{at} quota"), &c.quota);
            if c.quota_per_year == 0 {
                self.problem(&at, "a competitive quota must be at least 1");
            }
        }
        if let Some(round) = &p.round {
            self.text(&format!("{at} round"), &round.label);
            self.cite(&format!("{at} round"), &round.cite);
        }
        let Some(section) = p.section else {
            if !p.conditions.is_empty() || p.formula.is_some() {
                self.problem(&at, "an informational item (no section) cannot have conditions or a formula");
            }
            return;
        };
        unique(self, &format!("{at} conditions"), p.conditions.iter().map(|c| c.id.as_str()));
        for condition in &p.conditions {
            let at = format!("{at} condition {}", condition.id);
            self.text(&at, &condition.text);
            self.cite(&at, &condition.cite);
            self.test(&at, section, &condition.test);
        }
        for reading in &p.readings {
            let at = format!("{at} reading {}", reading.id);
            self.text(&at, &reading.taken);
            self.text(&at, &reading.alternative);
            if let Some(test) = &reading.when {
                self.test(&at, section, test);
            }
        }
        match &p.formula {
            None => self.problem(&at, "a programme with a section needs a formula"),
            Some(formula) => self.formula(&at, section, formula),
        }
    }

    fn field(&mut self, at: &str, section: Section, field: Field, fits: bool, wanted: &str) {
        if field.section() != section && field.section() != Section::Company {
            self.problem(at, format!("reads {}, outside its section {}", field.path(), section.key()));
        }
        if !fits {
            self.problem(at, format!("{} is not {wanted}", field.path()));
        }
    }

    fn test(&mut self, at: &str, section: Section, test: &Test) {
        let number = |f: Field| matches!(f.kind(), FieldKind::Money | FieldKind::Count | FieldKind::Year);
        match test {
            Test::Is { field, .. } => {
                self.field(at, section, *field, field.kind() == FieldKind::Bool, "yes/no")
            }
            Test::OneOf { field, values } => {
                self.field(at, section, *field, matches!(field.kind(), FieldKind::Choice(_)), "a choice");
                for v in values {
                    if !field.choices().iter().any(|c| c.id == v) {
                        self.problem(at, format!("{v:?} is not a choice of {}", field.path()));
                    }
                }
            }
            Test::MoreThan { field, .. } | Test::AtLeast { field, .. } => {
                self.field(at, section, *field, number(*field), "a number")
            }
            Test::YearBetween { field, from, to, .. } => {
                self.field(at, section, *field, field.kind() == FieldKind::Year, "a year");
                if from > to {
                    self.problem(at, "year window ends before it starts");
                }
            }
            Test::OnOrAfter { field, .. } | Test::OnOrBefore { field, .. } => {
                self.field(at, section, *field, field.kind() == FieldKind::Date, "a date")
            }
            Test::AnyOf(tests) => {
                if tests.len() < 2 {
                    self.problem(at, "any_of needs at least two tests");
                }
                for t in tests {
                    self.test(at, section, t);
                }
            }
        }
    }

    fn formula(&mut self, at: &str, section: Section, formula: &Formula) {
        let money = |f: &Field| f.kind() == FieldKind::Money;
        match formula {
            Formula::RateOfBase { rate, base, cap } => {
                if *rate <= Decimal::ZERO || *rate > Decimal::ONE {
                    self.problem(at, format!("rate {rate} is not in (0, 1]"));
                }
                if base.is_empty() {
                    self.problem(at, "the base needs at least one field");
                }
                for f in base {
                    self.field(at, section, *f, money(f), "an amount");
                }
                match cap {
                    Cap::Fixed(amount) => self.positive(at, *amount),
                    Cap::ByChoice { by, amounts } => {
                        self.field(at, section, *by, matches!(by.kind(), FieldKind::Choice(_)), "a choice");
                        for (choice, amount) in amounts {
                            if !by.choices().iter().any(|c| c.id == choice) {
                                self.problem(
                                    at,
                                    format!("cap for {choice:?}, not a choice of {}", by.path()),
                                );
                            }
                            self.positive(at, *amount);
                        }
                    }
                }
            }
            Formula::CityAwardMatch { award, ratio, total_cap, readings } => {
                self.field(at, section, *award, money(award), "an amount");
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
            Formula::NoFixedAmount { estimate, case_by_case_from } => {
                self.field(at, section, *estimate, money(estimate), "an amount");
                self.positive(at, *case_by_case_from);
            }
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
