//! The library: every loaded pack, with each question and topic given an index. Loading reads the
//! pack files with serde, then links every question a rule names to its index (an undeclared
//! question is a load error naming the place), then checks the whole (`check.rs`).

use super::check::{self, RuleError};
use super::model::*;
use crate::fields::{Field, FieldKind, TopicId};
use crate::lang::Lang;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub struct Library {
    /// The common pack first, then the others in load order.
    pub packs: Vec<Pack>,
    /// Where each question lives: (pack, index in its `questions`).
    questions: Vec<(u16, u16)>,
    /// Where each topic lives: (pack, index in its `topics`).
    topics: Vec<(u16, u16)>,
    by_id: BTreeMap<String, Field>,
    topic_by_id: BTreeMap<String, TopicId>,
    /// The questions an answer of which can draw a warning (years, dates, credit codes checked
    /// against a division), in library order.
    warned: Vec<Field>,
    /// Questions whose answers are checked against the question or another answer: choices (one
    /// of the list, a district within its city) and dates or years not before another.
    related: Vec<Field>,
}

/// A pack file's name and text, as the command line or a test provides it.
pub struct PackSource<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

impl Library {
    /// Reads pack files (JSON), links and checks them. Errors name the file and the path in it.
    pub fn from_json(sources: &[PackSource<'_>]) -> Result<Library, RuleError> {
        let mut packs = Vec::with_capacity(sources.len());
        for source in sources {
            packs.push(read_pack(source)?);
        }
        Library::from_packs(packs)
    }

    /// Links and checks packs already read.
    pub fn from_packs(packs: Vec<Pack>) -> Result<Library, RuleError> {
        let library = Library::link(packs)?;
        check::check(&library)?;
        Ok(library)
    }

    /// The packs with `extra` added; an extra pack with the id of a loaded one replaces it.
    pub fn with_packs(&self, extra: Vec<Pack>) -> Result<Library, RuleError> {
        let mut packs = self.packs.clone();
        for pack in extra {
            match packs.iter_mut().find(|p| p.id == pack.id) {
                Some(slot) => *slot = pack,
                None => packs.push(pack),
            }
        }
        Library::from_packs(packs)
    }

    /// The packs of the levels `keep` accepts, in the compact binary form the web build carries
    /// (converted and checked at build time, so the page does no JSON parsing and no checking).
    /// What only a reviewer reads (a document's issuer, source address and note: the Rules tab
    /// is written at build time, the audit runs natively) is left empty: 0.8 KB of the first
    /// load's gzip. The tests of `web_packs.rs` check that the page reads the same results.
    pub fn to_postcard(&self, keep: impl Fn(Level) -> bool) -> Vec<u8> {
        let packs: Vec<Pack> = self
            .packs
            .iter()
            .filter(|p| keep(p.level))
            .map(|p| {
                let mut p = p.clone();
                for d in &mut p.documents {
                    (d.issuer, d.source_url, d.note) = (crate::lang::Text::default(), String::new(), None);
                }
                p
            })
            .collect();
        postcard::to_allocvec(&packs).unwrap_or_default()
    }

    /// The same packs with the texts of one language only, the other's left empty (`Text::get`
    /// then gives the one kept). The page's first part carries Chinese alone; English comes with
    /// the packs it loads after its first results, which keeps about 7 KB gzip out of its first load.
    pub fn in_language(&self, lang: Lang) -> Result<Library, RuleError> {
        let packs = self
            .packs
            .iter()
            .map(|pack| {
                let mut json = serde_json::to_value(pack)?;
                keep_language(&mut json, lang);
                serde_json::from_value(json)
            })
            .collect::<Result<Vec<Pack>, _>>()
            .map_err(|e| RuleError::Parse(format!("packs in one language: {e}")))?;
        Library::link(packs)
    }

    /// Reads what `to_postcard` wrote, one or more parts (the page's own packs, then those it
    /// loads after its first results). Linked, not checked again: the build checked them.
    pub fn from_postcard(parts: &[&[u8]]) -> Result<Library, RuleError> {
        let mut packs: Vec<Pack> = Vec::new();
        for part in parts {
            // Without postcard's own words for why (its messages are 0.3 KB of the page's gzip):
            // the build wrote these bytes and checked them, and the page checks their hash.
            let more: Vec<Pack> = postcard::from_bytes(part)
                .map_err(|_| RuleError::Parse("packs not of this build's format".into()))?;
            packs.extend(more);
        }
        Library::link(packs)
    }

    fn link(mut packs: Vec<Pack>) -> Result<Library, RuleError> {
        // The common pack first, so that its questions keep the same indices whatever else loads;
        // the others in load order, so that a pack added later (`with_packs`, a second web part)
        // leaves every question loaded before it where it was. Sorting every level would put an
        // added city pack before the built-in district packs and move their questions. Reports
        // order the packs that apply by level themselves (`applicable_packs`).
        crate::order::sort_stable_by(&mut packs, |a, b| a.level == Level::Common && b.level != Level::Common);
        let mut questions = Vec::new();
        let mut topics = Vec::new();
        let mut by_id = BTreeMap::new();
        let mut topic_by_id = BTreeMap::new();
        let mut problems = Vec::new();
        for (p, pack) in packs.iter().enumerate() {
            for (t, topic) in pack.topics.iter().enumerate() {
                let id = TopicId(index(topics.len())?);
                if topic_by_id.insert(topic.id.clone(), id).is_some() {
                    problems.push(format!("pack {}: topic {:?} is declared twice", pack.id, topic.id));
                }
                topics.push((index(p)?, index(t)?));
            }
            for (q, question) in pack.questions.iter().enumerate() {
                let field = Field(index(questions.len())?);
                if by_id.insert(question.id.clone(), field).is_some() {
                    problems.push(format!("pack {}: question {:?} is declared twice", pack.id, question.id));
                }
                questions.push((index(p)?, index(q)?));
            }
        }
        let mut linker = Linker { by_id: &by_id, problems };
        for pack in &mut packs {
            let at = format!("pack {}", pack.id);
            for question in &mut pack.questions {
                let at = format!("{at} question {}", question.id);
                match topic_by_id.get(&question.topic) {
                    Some(t) => question.topic_index = t.0,
                    None => linker.problems.push(format!("{at}: topic {:?} is not declared", question.topic)),
                }
                if question.choices.len() > 8 {
                    let mut sorted: Vec<u16> = (0..question.choices.len() as u16).collect();
                    crate::order::sort_stable_by(&mut sorted, |a, b| {
                        question.choices[usize::from(*a)].id < question.choices[usize::from(*b)].id
                    });
                    question.sorted = sorted;
                }
                linker.opt(&at, &mut question.choices_within);
                linker.opt_test(&at, &mut question.ask_when);
                linker.opt(&at, &mut question.not_before);
                if let Some(d) = &mut question.division {
                    linker.field(&at, &mut d.agrees_with);
                }
            }
            linker.opt_test(&at, &mut pack.applies);
            for coverage in &mut pack.coverage {
                let at = format!("{at} coverage");
                linker.field(&at, &mut coverage.field);
                coverage.notes.iter_mut().for_each(|n| linker.opt_test(&at, &mut n.when));
            }
            for programme in &mut pack.programmes {
                programme.document_indices =
                    Some(document_indices(&pack.citations, &pack.documents, programme));
                let at = format!("{at} programme {}", programme.id);
                if let Some(topic) = &programme.topic {
                    match topic_by_id.get(topic) {
                        Some(t) => programme.topic_index = Some(t.0),
                        None => linker.problems.push(format!("{at}: topic {topic:?} is not declared")),
                    }
                }
                for c in &mut programme.conditions {
                    linker.test(&format!("{at} condition {}", c.id), &mut c.test);
                }
                for r in &mut programme.readings {
                    linker.opt_test(&format!("{at} reading {}", r.id), &mut r.when);
                }
                for f in &mut programme.notes {
                    linker.opt_test(&format!("{at} note"), &mut f.when);
                }
                if let Some(formula) = &mut programme.formula {
                    linker.formula(&format!("{at} formula"), formula);
                }
            }
            for prefill in &mut pack.prefills {
                let at = format!("{at} prefill {}", prefill.field.id);
                linker.field(&at, &mut prefill.field);
                linker.test(&at, &mut prefill.when);
            }
            for ceiling in &mut pack.combined_ceilings {
                let at = format!("{at} combined ceiling {}", ceiling.id);
                linker.field(&at, &mut ceiling.base);
                linker.opt_test(&at, &mut ceiling.when);
            }
        }
        // Programmes named across packs: `pack-id/PROGRAMME`, or `PROGRAMME` in the naming pack.
        let names: Vec<(String, Vec<String>)> = packs
            .iter()
            .map(|p| (p.id.clone(), p.programmes.iter().map(|q| q.id.clone()).collect()))
            .collect();
        let resolve = |own: usize, r: &mut ProgrammeRef, at: &str, problems: &mut Vec<String>| {
            let (pack, id) = match r.name.split_once('/') {
                Some((pack, id)) => (names.iter().position(|(p, _)| p == pack), id),
                None => (Some(own), r.name.as_str()),
            };
            match pack.and_then(|p| names[p].1.iter().position(|q| q == id).map(|q| (p, q))) {
                Some((p, q)) => r.at = (p as u16, q as u16),
                None => problems.push(format!("{at}: names programme {:?}, which no pack has", r.name)),
            }
        };
        for (own, pack) in packs.iter_mut().enumerate() {
            let at = format!("pack {}", pack.id);
            let refs = pack
                .combined_ceilings
                .iter_mut()
                .flat_map(|c| c.programmes.iter_mut())
                .chain(pack.company_caps.iter_mut().flat_map(|c| c.programmes.iter_mut()))
                .chain(pack.overlaps.iter_mut().flat_map(|o| o.programmes.iter_mut()))
                .chain(pack.programmes.iter_mut().filter_map(|p| match &mut p.formula {
                    Some(Formula::CityAward { matched_by }) => Some(matched_by),
                    _ => None,
                }));
            for r in refs {
                resolve(own, r, &at, &mut linker.problems);
            }
        }
        if !linker.problems.is_empty() {
            return Err(RuleError::Invalid(linker.problems));
        }
        let mut library =
            Library { packs, questions, topics, by_id, topic_by_id, warned: Vec::new(), related: Vec::new() };
        library.related = library
            .fields()
            .filter(|f| {
                let q = library.question(*f);
                q.kind == FieldKind::Choice || q.not_before.is_some()
            })
            .collect();
        library.warned = library
            .fields()
            .filter(|f| {
                let q = library.question(*f);
                match q.kind {
                    FieldKind::Year | FieldKind::Date => true,
                    FieldKind::CreditCode => q.division.is_some(),
                    _ => false,
                }
            })
            .collect();
        Ok(library)
    }

    /// The questions whose answers can draw a warning: years and dates (after the as-of date), and
    /// credit codes with a division check, in library order.
    pub fn warned_fields(&self) -> &[Field] {
        &self.warned
    }

    /// The questions whose answers `validate` checks beyond their own range, in library order.
    pub fn related_fields(&self) -> &[Field] {
        &self.related
    }

    pub fn question(&self, field: Field) -> &Question {
        let (p, q) = self.questions[field.index()];
        &self.packs[usize::from(p)].questions[usize::from(q)]
    }

    /// The pack that declares a question.
    pub fn pack_of(&self, field: Field) -> &Pack {
        &self.packs[usize::from(self.questions[field.index()].0)]
    }

    pub fn topic(&self, topic: TopicId) -> &Topic {
        let (p, t) = self.topics[topic.index()];
        &self.packs[usize::from(p)].topics[usize::from(t)]
    }

    /// The pack that declares a topic.
    pub fn pack_of_topic(&self, topic: TopicId) -> &Pack {
        &self.packs[usize::from(self.topics[topic.index()].0)]
    }

    pub fn field(&self, id: &str) -> Option<Field> {
        self.by_id.get(id).copied()
    }

    pub fn topic_id(&self, id: &str) -> Option<TopicId> {
        self.topic_by_id.get(id).copied()
    }

    pub fn topic_of(&self, field: Field) -> TopicId {
        TopicId(self.question(field).topic_index)
    }

    pub fn kind(&self, field: Field) -> FieldKind {
        self.question(field).kind
    }

    pub fn question_count(&self) -> usize {
        self.questions.len()
    }

    pub fn topic_count(&self) -> usize {
        self.topics.len()
    }

    /// Every question, in library order (common pack first, each pack's own order).
    pub fn fields(&self) -> impl Iterator<Item = Field> + '_ {
        (0..self.questions.len()).map(|i| Field(i as u16))
    }

    pub fn topic_ids(&self) -> impl Iterator<Item = TopicId> + '_ {
        (0..self.topics.len()).map(|i| TopicId(i as u16))
    }

    /// The questions of one topic, in order.
    pub fn fields_of(&self, topic: TopicId) -> impl Iterator<Item = Field> + '_ {
        self.fields().filter(move |f| self.topic_of(*f) == topic)
    }

    /// The document a pre-filled figure is cited from, looked up in the pack that declares it.
    pub fn prefill_document(&self, prefill: &Prefill) -> Option<&Document> {
        let (pack, citation) = self.prefill_citation(prefill)?;
        pack.document(&citation.document)
    }

    /// The citation of a published figure, with the pack that holds it.
    pub fn prefill_citation(&self, prefill: &Prefill) -> Option<(&Pack, &Citation)> {
        let pack = self.packs.iter().find(|p| p.prefills.iter().any(|q| std::ptr::eq(q, prefill)))?;
        Some((pack, pack.citation(&prefill.cite)?))
    }

    pub fn pack(&self, id: &str) -> Option<&Pack> {
        self.packs.iter().find(|p| p.id == id)
    }

    /// The pack and programme a reference names (linked).
    pub fn programme_at(&self, r: &ProgrammeRef) -> Option<(&Pack, &Programme)> {
        let pack = self.packs.get(usize::from(r.at.0))?;
        Some((pack, pack.programmes.get(usize::from(r.at.1))?))
    }

    /// The match a city award line names, and the question of the award.
    pub fn award_of(&self, programme: &Programme) -> Option<(&Programme, Field)> {
        let Some(Formula::CityAward { matched_by }) = &programme.formula else { return None };
        let (_, matched) = self.programme_at(matched_by)?;
        match &matched.formula {
            Some(Formula::CityAwardMatch { award, .. }) => Some((matched, award.field)),
            _ => None,
        }
    }

    /// A programme's conditions: a city award line's are those of the match that rests on it.
    pub fn conditions_of<'a>(&'a self, programme: &'a Programme) -> &'a [Condition] {
        match self.award_of(programme) {
            Some((matched, _)) => &matched.conditions,
            None => &programme.conditions,
        }
    }
}

impl Pack {
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub fn citation(&self, id: &str) -> Option<&Citation> {
        self.citations.iter().find(|c| c.id == id)
    }

    pub fn programme(&self, id: &str) -> Option<&Programme> {
        self.programmes.iter().find(|p| p.id == id)
    }

    /// The documents a programme rests on (its bases), each once, in order. Linked
    /// programmes (every one a `Library` holds) have them as indices; others are looked up by name.
    pub fn documents_of<'r>(&'r self, programme: &'r Programme) -> impl Iterator<Item = &'r Document> + 'r {
        let indices = match &programme.document_indices {
            Some(indices) => Indices::Linked(indices.iter()),
            None => {
                Indices::ByName(document_indices(&self.citations, &self.documents, programme).into_iter())
            }
        };
        indices.filter_map(|i| self.documents.get(usize::from(i)))
    }
}

/// A programme's document indices: linked, or found by name.
enum Indices<'r> {
    Linked(std::slice::Iter<'r, u16>),
    ByName(std::vec::IntoIter<u16>),
}

impl Iterator for Indices<'_> {
    type Item = u16;

    #[inline]
    fn next(&mut self) -> Option<u16> {
        match self {
            Indices::Linked(indices) => indices.next().copied(),
            Indices::ByName(indices) => indices.next(),
        }
    }
}

/// The documents a programme rests on, as indices in its pack's documents, each once: its
/// `bases`, or without them the documents it cites.
fn document_indices(citations: &[Citation], documents: &[Document], programme: &Programme) -> Vec<u16> {
    let cited = programme
        .cites
        .iter()
        .filter_map(|id| citations.iter().find(|c| c.id == *id).map(|c| c.document.as_str()));
    let named: Vec<&str> = if programme.bases.is_empty() {
        cited.collect()
    } else {
        programme.bases.iter().map(|b| b.document.as_str()).collect()
    };
    let mut indices: Vec<u16> = Vec::new();
    for id in named {
        let Some(d) = documents.iter().position(|d| d.id == id) else { continue };
        let Ok(d) = u16::try_from(d) else { continue };
        if !indices.contains(&d) {
            indices.push(d);
        }
    }
    indices
}

fn index(i: usize) -> Result<u16, RuleError> {
    u16::try_from(i)
        .ok()
        .filter(|i| *i != u16::MAX)
        .ok_or_else(|| RuleError::Parse("too many questions".into()))
}

/// Reads one pack file with serde; an error names the file and the path inside it.
pub fn read_pack(source: &PackSource<'_>) -> Result<Pack, RuleError> {
    let mut de = serde_json::Deserializer::from_str(source.text);
    let pack: Pack = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        RuleError::Parse(format!("{}: at {path}: {inner}", source.name))
    })?;
    de.end().map_err(|e| RuleError::Parse(format!("{}: {e}", source.name)))?;
    Ok(pack)
}

struct Linker<'a> {
    by_id: &'a BTreeMap<String, Field>,
    problems: Vec<String>,
}

impl Linker<'_> {
    fn field(&mut self, at: &str, r: &mut FieldRef) {
        // Read from the binary form: already an index, checked when it was written.
        if r.id.is_empty() && r.field != Field::UNLINKED {
            if r.field.index() >= self.by_id.len() {
                self.problems.push(format!("{at}: question index {} out of range", r.field.0));
            }
            return;
        }
        match self.by_id.get(&r.id) {
            Some(f) => r.field = *f,
            None => self.problems.push(format!("{at}: reads question {:?}, which no pack declares", r.id)),
        }
    }

    fn opt(&mut self, at: &str, r: &mut Option<FieldRef>) {
        if let Some(r) = r {
            self.field(at, r);
        }
    }

    fn opt_test(&mut self, at: &str, t: &mut Option<Test>) {
        if let Some(t) = t {
            self.test(at, t);
        }
    }

    fn test(&mut self, at: &str, test: &mut Test) {
        if let Test::AnyOf(tests) | Test::AllOf(tests) = test {
            tests.iter_mut().for_each(|t| self.test(at, t));
        } else if let Some(field) = test.field_ref_mut() {
            self.field(at, field);
        }
    }

    fn formula(&mut self, at: &str, formula: &mut Formula) {
        match formula {
            Formula::RateOfBase { base, cap, rate_when, cap_when, .. } => {
                base.iter_mut().for_each(|f| self.field(at, f));
                if let Cap::ByChoice { by, .. } = cap {
                    self.field(at, by);
                }
                rate_when.iter_mut().for_each(|r| self.test(at, &mut r.when));
                cap_when.iter_mut().for_each(|c| self.test(at, &mut c.when));
            }
            Formula::CityAwardMatch { award, .. } => self.field(at, award),
            // Named across programmes: resolved with the limits' names.
            Formula::CityAward { .. } => {}
            Formula::NoFixedAmount { estimate, .. } => self.field(at, estimate),
            Formula::PerItem { count, .. } => self.field(at, count),
            Formula::Tiers { by, .. } => self.opt(at, by),
        }
    }
}

/// Empties the other language of every bilingual text (an object with exactly `zh` and `en`).
fn keep_language(json: &mut serde_json::Value, lang: Lang) {
    use serde_json::Value;
    match json {
        Value::Object(map) if map.len() == 2 && map.contains_key("zh") && map.contains_key("en") => {
            let other = match lang {
                Lang::Zh => "en",
                Lang::En => "zh",
            };
            map.insert(other.into(), Value::String(String::new()));
        }
        Value::Object(map) => map.values_mut().for_each(|v| keep_language(v, lang)),
        Value::Array(items) => items.iter_mut().for_each(|v| keep_language(v, lang)),
        _ => {}
    }
}
