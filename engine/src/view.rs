//! The report in one language, flattened into strings and numbers: what the command line prints,
//! what its JSON carries, and what the web page and the printed sheet show. Building it is the only
//! place where a `Report` becomes words.

use crate::explain::*;
use crate::fields::{Field, Section};
use crate::lang::Lang;
use crate::money::format_yuan;
use crate::profile::Profile;
use crate::report::{Amount, Report, Status, Verdict};
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportView {
    pub lang: Lang,
    pub rule_set: RuleSetView,
    pub as_of: String,
    /// The company section as entered, label and value.
    pub company: Vec<Entry>,
    pub programmes: Vec<ProgrammeView>,
    pub totals: TotalsView,
    /// Inputs still missing, the most valuable first.
    pub missing: Vec<MissingView>,
    pub warnings: Vec<String>,
    pub documents: Vec<DocumentView>,
    pub informational: Vec<InfoView>,
    pub disclaimer: String,
    pub legend: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleSetView {
    pub id: String,
    pub version: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub field: Field,
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgrammeView {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub verdict: Verdict,
    pub verdict_label: String,
    pub competitive: bool,
    pub quota_per_year: Option<u32>,
    pub amount: Amount,
    pub amount_label: String,
    pub citations: Vec<String>,
    /// The first citation without its topic, for the summary table.
    pub source: String,
    pub conditions: Vec<ConditionView>,
    pub missing: Vec<Entry>,
    pub calculation: Vec<String>,
    pub notes: Vec<String>,
    pub hints: Vec<String>,
    pub apply_channel: String,
    pub apply_office: String,
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
    pub rule_based: Decimal,
    pub rule_based_label: String,
    pub competitive_ceilings: Decimal,
    pub competitive_ceilings_label: String,
    pub eligible: usize,
    pub undetermined: usize,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MissingView {
    pub field: Field,
    pub label: String,
    pub programmes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentView {
    pub number: String,
    pub title: String,
    pub dated: Option<String>,
    pub in_force: Option<String>,
    /// Whether the as-of date falls in the period of force (none when there is no period).
    pub in_force_on_as_of: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InfoView {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub apply_channel: String,
    pub apply_office: String,
}

impl ReportView {
    pub fn new(report: &Report<'_>, profile: &Profile, lang: Lang) -> ReportView {
        let rules = report.rules;
        let entry = |field: Field| Entry {
            field,
            label: field.label(lang).to_string(),
            value: value_text(field, profile.get(field), lang),
        };
        let programmes = report
            .outcomes
            .iter()
            .map(|o| {
                let p = o.programme;
                let competitive = p.competitive.is_some();
                let mut amount_label = amount_label(&o.amount, lang);
                if o.verdict == Verdict::Undetermined && o.amount.yuan().is_some() {
                    amount_label = format!("{}{amount_label}", lang.pick("若符合：", "if eligible: "));
                }
                ProgrammeView {
                    id: p.id.clone(),
                    title: p.title.get(lang).to_string(),
                    summary: p.summary.get(lang).to_string(),
                    verdict: o.verdict,
                    verdict_label: verdict_label(o.verdict, competitive, lang).to_string(),
                    competitive,
                    quota_per_year: p.competitive.as_ref().map(|c| c.quota_per_year),
                    amount: o.amount,
                    amount_label,
                    citations: p
                        .cites
                        .iter()
                        .filter_map(|id| rules.citation(id))
                        .map(|c| citation_text(c, rules, lang))
                        .collect(),
                    source: p
                        .cites
                        .first()
                        .and_then(|id| rules.citation(id))
                        .map(|c| citation_short(c, rules, lang))
                        .unwrap_or_default(),
                    conditions: o
                        .conditions
                        .iter()
                        .map(|c| ConditionView {
                            id: c.condition.id.clone(),
                            status: c.status,
                            mark: status_mark(c.status).to_string(),
                            status_label: status_label(c.status, lang).to_string(),
                            text: c.condition.text.get(lang).to_string(),
                            citation: rules
                                .citation(&c.condition.cite)
                                .map(|cite| citation_text(cite, rules, lang))
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
                    calculation: o.steps.iter().map(|s| step_text(s, lang)).collect(),
                    notes: o.notes.iter().map(|n| note_text(n, report, lang)).collect(),
                    hints: o.hints.iter().map(|h| hint_text(h, lang)).collect(),
                    apply_channel: p.apply.channel.get(lang).to_string(),
                    apply_office: p.apply.office.get(lang).to_string(),
                }
            })
            .collect();
        let t = &report.totals;
        ReportView {
            lang,
            rule_set: RuleSetView {
                id: rules.id.clone(),
                version: rules.version.clone(),
                title: rules.title.get(lang).to_string(),
            },
            as_of: report.as_of.to_string(),
            company: Section::Company.fields().filter(|f| profile.get(*f).is_known()).map(entry).collect(),
            programmes,
            totals: TotalsView {
                rule_based: t.rule_based,
                rule_based_label: format_yuan(t.rule_based, lang),
                competitive_ceilings: t.competitive_ceilings,
                competitive_ceilings_label: format_yuan(t.competitive_ceilings, lang),
                eligible: t.eligible,
                undetermined: t.undetermined,
                note: lang
                    .pick(
                        "两者不相加：竞争性项目须择优评审，金额为上限。",
                        "Not added together: competitive programmes are ranked and show a ceiling.",
                    )
                    .to_string(),
            },
            missing: report
                .missing
                .iter()
                .map(|m| MissingView {
                    field: m.field,
                    label: m.field.label(lang).to_string(),
                    programmes: m
                        .programmes
                        .iter()
                        .filter_map(|id| rules.programme(id))
                        .map(|p| p.title.get(lang).to_string())
                        .collect(),
                })
                .collect(),
            warnings: report.warnings.iter().map(|w| warning_text(w, lang)).collect(),
            documents: rules
                .documents
                .iter()
                .map(|d| DocumentView {
                    number: d.number.clone(),
                    title: d.title.get(lang).to_string(),
                    dated: d.dated.map(|x| x.to_string()),
                    in_force: d.in_force.map(|p| {
                        let to =
                            p.to.map_or_else(|| lang.pick("未定", "open").to_string(), |t| t.to_string());
                        format!("{} – {to}", p.from)
                    }),
                    in_force_on_as_of: d.in_force.map(|p| p.contains(report.as_of)),
                })
                .collect(),
            informational: rules
                .programmes
                .iter()
                .filter(|p| p.is_informational())
                .map(|p| InfoView {
                    id: p.id.clone(),
                    title: p.title.get(lang).to_string(),
                    summary: p.summary.get(lang).to_string(),
                    apply_channel: p.apply.channel.get(lang).to_string(),
                    apply_office: p.apply.office.get(lang).to_string(),
                })
                .collect(),
            disclaimer: disclaimer(lang).to_string(),
            legend: unverified_legend(lang).to_string(),
        }
    }
}
