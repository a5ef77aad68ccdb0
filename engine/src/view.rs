//! The report in one language, flattened into strings and numbers: what the command line prints,
//! what its JSON carries, and what the web page and the printed sheet show. Building it is the only
//! place where a `Report` becomes words.

use crate::explain::*;
use crate::fields::Field;
use crate::force::{force_on, window_status, Force};
use crate::lang::Lang;
use crate::money::format_yuan;
use crate::profile::Profile;
use crate::report::{Amount, AwardFigure, Band, Report, Status, Verdict};
use crate::rules::{Confidence, Level};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportView {
    pub lang: Lang,
    /// The packs that apply to the company, province first.
    pub packs: Vec<PackView>,
    pub as_of: String,
    /// The company section as entered, label and value.
    pub company: Vec<Entry>,
    /// The answers given as ranges: every figure that uses them is a band.
    pub ranges: Vec<Entry>,
    pub programmes: Vec<ProgrammeView>,
    /// One per level that has programmes, province first.
    pub totals: Vec<TotalsView>,
    /// Inputs still missing, the most valuable first.
    pub missing: Vec<MissingView>,
    pub warnings: Vec<String>,
    pub documents: Vec<DocumentView>,
    pub informational: Vec<InfoView>,
    /// Levels at which the estimator has no pack for the company's place, and whom to ask.
    pub gaps: Vec<String>,
    pub disclaimer: String,
    pub legend: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackView {
    pub id: String,
    pub version: String,
    pub level: Level,
    pub level_label: String,
    pub place: String,
    pub title: String,
    /// The day the pack was last reviewed against its sources.
    pub reviewed: String,
    /// "rules reviewed on 2026-12-07", with a warning when that is long before the as-of date.
    pub reviewed_label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// The question id.
    pub field: String,
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgrammeView {
    pub id: String,
    pub pack: String,
    pub level: Level,
    pub level_label: String,
    pub place: String,
    /// How well the programme's figures are sourced.
    pub confidence: Confidence,
    pub confidence_label: String,
    pub confidence_note: Option<String>,
    /// The programme's document is not in force on the as-of date.
    pub not_in_force: bool,
    pub title: String,
    pub summary: String,
    pub verdict: Verdict,
    pub verdict_label: String,
    /// A city award line (the award a provincial match rests on): whether its figure was given,
    /// assumed from the city's published figure, or is unknown. `None` for other programmes.
    pub award_figure: Option<AwardFigure>,
    /// Eligible, but a limit across programmes (a combined ceiling, a yearly cap) leaves ¥0: the
    /// verdict says so rather than a plain "eligible".
    pub cut_to_zero: bool,
    pub competitive: bool,
    pub quota_per_year: Option<u32>,
    pub amount: Amount,
    pub amount_label: String,
    pub citations: Vec<String>,
    /// The first citation without its topic, for the summary table: of a document the programme
    /// rests on for the as-of date, where it cites one.
    pub source: String,
    /// The documents the programme rests on for the as-of date, with how long each runs.
    pub basis: Vec<String>,
    /// Where the as-of date falls among the known application windows.
    pub window: Option<String>,
    pub conditions: Vec<ConditionView>,
    pub missing: Vec<Entry>,
    pub calculation: Vec<String>,
    pub notes: Vec<String>,
    pub hints: Vec<String>,
    pub apply_channel: String,
    pub apply_office: String,
    pub apply_window: Option<String>,
    pub apply_documents: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConditionView {
    pub id: String,
    pub status: Status,
    pub mark: String,
    pub status_label: String,
    pub text: String,
    pub citation: String,
    /// What the user entered for the fields this condition reads.
    pub entered: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TotalsView {
    pub level: Level,
    pub level_label: String,
    pub rule_based: Band,
    pub rule_based_label: String,
    pub competitive_ceilings: Band,
    pub competitive_ceilings_label: String,
    pub eligible: usize,
    pub undetermined: usize,
    pub note: String,
    /// The level's answer in one plain sentence: "From Shenzhen: ¥2,040,000 by the rules, and up
    /// to ¥2,000,000 more if selected."
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MissingView {
    pub field: String,
    pub label: String,
    pub programmes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentView {
    pub pack: String,
    /// The official number; `None` where no copy shows one.
    pub number: Option<String>,
    /// How a sentence names it: the number, or its short name or title.
    pub name: String,
    pub title: String,
    pub dated: Option<String>,
    pub in_force: Option<String>,
    /// Whether the as-of date falls in the period of force (none when there is no period).
    pub in_force_on_as_of: Option<bool>,
    /// The day its facts were last checked against its source.
    pub checked: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InfoView {
    pub id: String,
    pub level_label: String,
    pub place: String,
    pub title: String,
    pub summary: String,
    pub apply_channel: String,
    pub apply_office: String,
}

/// Whether a programme of `pack` that concerns the company (or that the sheet names as other
/// support) cites `document` or rests on it: the sheet lists only those documents.
fn cited(report: &Report<'_>, pack: &crate::rules::Pack, document: &crate::rules::Document) -> bool {
    let concerned = report
        .outcomes
        .iter()
        .filter(|o| o.verdict != Verdict::NotApplicable && std::ptr::eq(o.pack, pack))
        .map(|o| o.programme);
    let informational = pack.programmes.iter().filter(|p| p.is_informational());
    concerned.chain(informational).any(|p| {
        let citations = p.cites.iter().chain(p.conditions.iter().map(|c| &c.cite));
        p.bases.iter().any(|b| b.document == document.id)
            || citations.filter_map(|id| pack.citation(id)).any(|c| c.document == document.id)
    })
}

impl ReportView {
    pub fn new(report: &Report<'_>, profile: &Profile, lang: Lang) -> ReportView {
        let library = report.library;
        let entry = |field: Field| Entry {
            field: library.question(field).id.clone(),
            label: library.question(field).label.get(lang).to_string(),
            value: value_text(library, field, profile.get(field), lang),
        };
        let programmes = report
            .outcomes
            .iter()
            .map(|o| {
                let (pack, p) = (o.pack, o.programme);
                let competitive = p.competitive.is_some();
                let mut amount_label = amount_label(&o.amount, lang);
                if o.verdict == Verdict::Undetermined {
                    if let Some(band) = o.amount.band() {
                        // Partly known: what is known gives at least the low end.
                        if let (false, Some(high), None) = (band.low.is_zero(), band.high, band.single()) {
                            amount_label = match lang {
                                Lang::Zh => format!(
                                    "至少 {}，最高 {}",
                                    format_yuan(band.low, lang),
                                    format_yuan(high, lang)
                                ),
                                Lang::En => format!(
                                    "at least {}, up to {}",
                                    format_yuan(band.low, lang),
                                    format_yuan(high, lang)
                                ),
                            };
                        }
                        amount_label = format!("{}{amount_label}", lang.pick("若符合：", "if eligible: "));
                    }
                }
                let on = match force_on(pack, p, report.as_of) {
                    Force::InForce { on, .. } => on,
                    _ => Default::default(),
                };
                // Eligible, but a limit across programmes left nothing: said in the verdict.
                let cut_to_zero = (o.verdict == Verdict::Eligible && o.amount.band() == Some(Band::ZERO))
                    .then(|| o.notes.iter().find_map(limit_words))
                    .flatten();
                // A city award line: how its figure is known, and the city's published figure
                // (its source and conditions of payment) where there is one.
                let award = library.award_of(p).map(|(_, field)| {
                    let published = crate::evaluate::prefill_for(profile, library, report.as_of, field);
                    let figure = match (profile.get(field).is_known(), published) {
                        (true, _) => AwardFigure::Given,
                        (false, Some(_)) => AwardFigure::Assumed,
                        (false, None) => AwardFigure::Unknown,
                    };
                    (figure, published.and_then(|p| library.prefill_citation(p)))
                });
                let published = award.and_then(|a| a.1);
                let verdict_label = if o.not_in_force.is_some() {
                    lang.pick("不符合（文件不在有效期内）", "Not eligible (document not in force)")
                        .to_string()
                } else if let Some(limit) = cut_to_zero {
                    cut_to_zero_label(limit, lang)
                } else {
                    verdict_label(o.verdict, competitive, lang).to_string()
                };
                ProgrammeView {
                    id: p.id.clone(),
                    pack: pack.id.clone(),
                    level: o.level,
                    level_label: level_label(o.level, lang).to_string(),
                    place: if o.level == pack.level {
                        pack.place.get(lang).to_string()
                    } else {
                        place_of(report, profile, o.level, lang)
                    },
                    confidence: p.confidence,
                    confidence_label: confidence_label(p.confidence, lang).to_string(),
                    confidence_note: p.confidence_note.as_ref().map(|t| t.get(lang).to_string()),
                    not_in_force: o.not_in_force.is_some(),
                    title: p.title.get(lang).to_string(),
                    summary: p.summary.get(lang).to_string(),
                    verdict: o.verdict,
                    award_figure: award.map(|a| a.0),
                    cut_to_zero: cut_to_zero.is_some(),
                    verdict_label,
                    competitive,
                    quota_per_year: p.competitive.as_ref().and_then(|c| c.quota_per_year),
                    amount: o.amount,
                    amount_label,
                    citations: p
                        .cites
                        .iter()
                        .filter_map(|id| pack.citation(id))
                        .map(|c| citation_text(c, pack, lang))
                        .chain(published.map(|(pack, c)| citation_text(c, pack, lang)))
                        .collect(),
                    // A city award's source is the city's own document, where it publishes one.
                    source: match published {
                        Some((pack, c)) => citation_short(c, pack, lang),
                        None => p
                            .cites
                            .iter()
                            .filter_map(|id| pack.citation(id))
                            .find(|c| on.iter().any(|d| d.id == c.document))
                            .or_else(|| p.cites.first().and_then(|id| pack.citation(id)))
                            .map(|c| citation_short(c, pack, lang))
                            .unwrap_or_default(),
                    },
                    // Named short (the number, or the title where there is none): the sheet lists
                    // every document's title at its foot.
                    basis: on
                        .iter()
                        .map(|d| match lang {
                            Lang::Zh => {
                                format!("{}（{}）", basis_name(d, lang), until_text(d, lang))
                            }
                            Lang::En => format!("{} ({})", basis_name(d, lang), until_text(d, lang)),
                        })
                        .collect(),
                    // Said of a programme in force: a window under lapsed rules would mislead.
                    window: window_status(&p.windows, report.as_of)
                        .filter(|_| o.not_in_force.is_none())
                        .map(|w| window_text(&w, lang)),
                    conditions: o
                        .conditions
                        .iter()
                        .map(|c| ConditionView {
                            id: c.condition.id.clone(),
                            status: c.status,
                            mark: status_mark(c.status).to_string(),
                            // The crossing is looked for only where the condition depends on it.
                            status_label: match c.status {
                                Status::Depends => crate::evaluate::crossing(profile, &c.condition.test)
                                    .map(|crossing| crossing_text(&crossing, library, lang)),
                                _ => None,
                            }
                            .unwrap_or_else(|| status_label(c.status, lang).to_string()),
                            text: c.condition.text.get(lang).to_string(),
                            // Number and article: the topic is the condition's own text.
                            citation: pack
                                .citation(&c.condition.cite)
                                .map(|cite| citation_short(cite, pack, lang))
                                .unwrap_or_default(),
                            entered: if c.status == Status::Unknown || c.status == Status::Assumed {
                                Vec::new()
                            } else {
                                c.condition
                                    .test
                                    .fields()
                                    .into_iter()
                                    .filter(|f| profile.get(*f).is_known())
                                    .map(entry)
                                    .collect()
                            },
                        })
                        .collect(),
                    missing: o.missing.iter().map(|f| entry(*f)).collect(),
                    calculation: o.steps.iter().map(|s| step_text(s, library, profile, lang)).collect(),
                    notes: o.notes.iter().map(|n| note_text(n, o, report, lang)).collect(),
                    hints: o.hints.iter().map(|h| hint_text(h, library, lang)).collect(),
                    apply_channel: p.apply.channel.get(lang).to_string(),
                    apply_office: p.apply.office.get(lang).to_string(),
                    apply_window: p.apply.window.as_ref().map(|t| t.get(lang).to_string()),
                    apply_documents: p.apply.documents.iter().map(|t| t.get(lang).to_string()).collect(),
                }
            })
            .collect();
        let company = library
            .topic_ids()
            .filter(|t| !library.topic(*t).is_optional())
            .flat_map(|t| library.fields_of(t))
            .filter(|f| profile.get(*f).is_known())
            .map(entry)
            .collect();
        let ranges = profile
            .known_fields()
            .filter(|f| matches!(profile.get(*f), crate::profile::Value::Range { .. }))
            .map(entry)
            .collect();
        ReportView {
            lang,
            ranges,
            packs: report
                .packs
                .iter()
                .map(|p| PackView {
                    id: p.id.clone(),
                    version: p.version.clone(),
                    level: p.level,
                    level_label: level_label(p.level, lang).to_string(),
                    place: p.place.get(lang).to_string(),
                    title: p.title.get(lang).to_string(),
                    reviewed: p.reviewed.to_string(),
                    reviewed_label: reviewed_text(p, report.as_of, lang),
                })
                .collect(),
            as_of: report.as_of.to_string(),
            company,
            programmes,
            totals: report
                .totals
                .iter()
                .map(|t| TotalsView {
                    level: t.level,
                    level_label: level_label(t.level, lang).to_string(),
                    rule_based: t.rule_based,
                    rule_based_label: band_text(t.rule_based, lang),
                    competitive_ceilings: t.competitive_ceilings,
                    competitive_ceilings_label: band_text(t.competitive_ceilings, lang),
                    eligible: t.eligible,
                    undetermined: t.undetermined,
                    note: lang
                        .pick(
                            "两者不相加：竞争性项目须择优评审，金额为上限。",
                            "Not added together: competitive programmes are ranked and show a ceiling.",
                        )
                        .to_string(),
                    // Named by the place of the level (its province, city, district).
                    answer: answer_text(t, &place_of(report, profile, t.level, lang), lang),
                })
                .collect(),
            missing: report
                .missing
                .iter()
                .map(|m| MissingView {
                    field: library.question(m.field).id.clone(),
                    label: library.question(m.field).label.get(lang).to_string(),
                    programmes: m.programmes.iter().map(|p| p.title.get(lang).to_string()).collect(),
                })
                .collect(),
            warnings: report.warnings.iter().map(|w| warning_text(w, library, lang)).collect(),
            documents: report
                .packs
                .iter()
                .flat_map(|p| p.documents.iter().map(move |d| (p, d)))
                .filter(|(p, d)| cited(report, p, d))
                .map(|(p, d)| DocumentView {
                    pack: p.id.clone(),
                    number: d.number.clone(),
                    name: d.name(lang).to_string(),
                    title: d.title.get(lang).to_string(),
                    dated: d.dated.map(|x| x.to_string()),
                    in_force: d.in_force.map(|_| period_text(d, lang)),
                    in_force_on_as_of: d.in_force.map(|p| p.contains(report.as_of)),
                    checked: d.checked.to_string(),
                })
                .collect(),
            informational: report
                .packs
                .iter()
                .flat_map(|pack| {
                    pack.programmes.iter().filter(|p| p.is_informational()).map(move |p| (pack, p))
                })
                .map(|(pack, p)| InfoView {
                    id: p.id.clone(),
                    level_label: level_label(pack.level, lang).to_string(),
                    place: pack.place.get(lang).to_string(),
                    title: p.title.get(lang).to_string(),
                    summary: p.summary.get(lang).to_string(),
                    apply_channel: p.apply.channel.get(lang).to_string(),
                    apply_office: p.apply.office.get(lang).to_string(),
                })
                .collect(),
            gaps: report.gaps.iter().map(|g| gap_text(g, lang)).collect(),
            disclaimer: disclaimer(lang).to_string(),
            legend: unverified_legend(lang).to_string(),
        }
    }
}

/// The place of a level for this company: the pack of that level that applies, else its answer
/// naming the place (the common pack's `coverage`: a city without a pack), else "your city".
fn place_of(report: &Report<'_>, profile: &Profile, level: Level, lang: Lang) -> String {
    if let Some(pack) = report.packs.iter().find(|p| p.level == level) {
        return pack.place.get(lang).to_string();
    }
    let library = report.library;
    let common = library.packs.first().filter(|p| p.level == Level::Common);
    let named = common.into_iter().flat_map(|p| &p.coverage).find(|c| c.level == level).and_then(|c| {
        let crate::profile::Value::Choice(id) = profile.get(c.field.field) else { return None };
        library.question(c.field.field).choice(id)
    });
    named.map_or_else(|| your_place(level, lang).to_string(), |choice| choice.label.get(lang).to_string())
}

/// A document as the basis line names it: its number, or its short name or title where it has none.
fn basis_name(d: &crate::rules::Document, lang: Lang) -> String {
    match (&d.number, lang) {
        (None, Lang::Zh) => format!("《{}》", d.name(lang)),
        _ => d.name(lang).to_string(),
    }
}

/// The limit across programmes a note says cut this amount, if it is one.
fn limit_words<'r>(note: &crate::report::Note<'r>) -> Option<crate::explain::Limit<'r>> {
    use crate::explain::Limit;
    match note {
        crate::report::Note::CombinedCeiling { ceiling, .. } => Some(Limit::Ceiling(ceiling)),
        crate::report::Note::CompanyCap { cap, .. } => Some(Limit::CompanyCap(cap)),
        _ => None,
    }
}
