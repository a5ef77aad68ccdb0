//! The rules as the data says them, for a reviewer holding the official text: each programme's
//! conditions, formula, caps, quota, documents and how to apply, each with its source.

use crate::i18n::Ui;
use crate::state::{rules, use_state};
use leptos::prelude::*;
use subsidy_engine::explain::{citation_text, formula_text, unverified_legend};
use subsidy_engine::money::format_yuan;
use subsidy_engine::rules::{Confidence, Programme, RuleSet};
use subsidy_engine::Lang;

#[component]
pub fn RulesView() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        let ui = state.ui();
        let rules = rules();
        view! {
            <section class="rules-view" aria-labelledby="rules-heading">
                <h2 id="rules-heading">{ui.rules_heading}</h2>
                <p>{ui.rules_intro}" "{format!("{} · {}", rules.title.get(lang), rules.version)}</p>
                <h3>{ui.documents}</h3>
                <ul class="documents">{documents(rules, ui, lang)}</ul>
                {rules.programmes.iter().map(|p| programme(p, rules, ui, lang)).collect_view()}
                <h3>{ui.city_awards}</h3>
                <ul>
                    {rules.city_awards.iter().map(|a| view! {
                        <li>{format!("{} · {} · {} · {}", a.city.name(lang), a.recognition.title(lang), format_yuan(a.amount, lang),
                            rules.citation(&a.cite).map(|c| citation_text(c, rules, lang)).unwrap_or_default())}</li>
                    }).collect_view()}
                </ul>
                <p class="hint">{unverified_legend(lang)}</p>
            </section>
        }
    }
}

fn confidence(c: Confidence, ui: &Ui) -> &'static str {
    match c {
        Confidence::Text => ui.confidence_text,
        Confidence::News => ui.confidence_news,
        Confidence::Inferred => ui.confidence_inferred,
    }
}

fn documents(rules: &RuleSet, ui: &'static Ui, lang: Lang) -> impl IntoView {
    rules
        .documents
        .iter()
        .map(|d| {
            let period = d.in_force.map(|p| {
                let to = p.to.map_or_else(|| "…".to_string(), |t| t.to_string());
                format!("{}: {} – {to}", ui.in_force, p.from)
            });
            view! {
                <li>
                    <strong>{d.number.clone()}</strong>" "{d.title.get(lang).to_string()}
                    " · "{d.issuer.get(lang).to_string()}
                    {d.dated.map(|x| format!(" · {x}"))}
                    {period.map(|p| format!(" · {p}"))}
                    " · "{confidence(d.confidence, ui)}
                    {d.note.as_ref().map(|n| view! { <br /><span class="hint">{n.get(lang).to_string()}</span> })}
                    <br /><span class="hint source-url">{ui.source}": "{d.source_url.clone()}</span>
                </li>
            }
        })
        .collect_view()
}

fn programme(p: &Programme, rules: &RuleSet, ui: &'static Ui, lang: Lang) -> impl IntoView {
    let cite = |id: &str| rules.citation(id).map(|c| citation_text(c, rules, lang)).unwrap_or_default();
    view! {
        <article class="programme rule" id=format!("rule-{}", p.id)>
            <h3>{format!("{} {}", p.id, p.title.get(lang))}</h3>
            <p>{p.summary.get(lang).to_string()}</p>
            <p class="hint">{ui.source}": "{p.cites.iter().map(|c| cite(c)).collect::<Vec<_>>().join("；")}</p>
            {(!p.conditions.is_empty()).then(|| view! {
                <h4>{ui.conditions}</h4>
                <ul>{p.conditions.iter().map(|c| view! {
                    <li>{c.text.get(lang).to_string()}" — "<span class="cite">{cite(&c.cite)}</span></li>
                }).collect_view()}</ul>
            })}
            {p.formula.as_ref().map(|f| view! { <h4>{ui.formula}</h4><p>{formula_text(f, lang)}</p> })}
            {p.competitive.as_ref().map(|c| view! { <h4>{ui.quota}</h4><p>{c.quota.get(lang).to_string()}</p> })}
            {(!p.readings.is_empty()).then(|| view! {
                <h4>{ui.readings}</h4>
                <ul>{p.readings.iter().map(|r| view! {
                    <li>{r.taken.get(lang).to_string()}" / "{r.alternative.get(lang).to_string()}</li>
                }).collect_view()}</ul>
            })}
            {(!p.notes.is_empty()).then(|| view! {
                <ul class="notes">{p.notes.iter().map(|n| view! { <li>{n.get(lang).to_string()}</li> }).collect_view()}</ul>
            })}
            <h4>{ui.how_to_apply}</h4>
            <p>{p.apply.channel.get(lang).to_string()}</p>
            <p class="hint">{ui.office}": "{p.apply.office.get(lang).to_string()}</p>
        </article>
    }
}
