//! The rules as the data says them, for a reviewer holding the official text: each programme's
//! conditions, formula, caps, quota, documents and how to apply, each with its source. Written as
//! escaped HTML (see `html.rs`): it changes only with the language.

use crate::html::Html;
use crate::i18n::Ui;
use crate::state::rules;
use leptos::prelude::*;
use subsidy_engine::explain::{citation_text, formula_text, unverified_legend};
use subsidy_engine::money::format_yuan;
use subsidy_engine::rules::{Confidence, Programme, RuleSet};
use subsidy_engine::Lang;

#[component]
pub fn RulesView(lang: Lang) -> impl IntoView {
    let html = rules_html(rules(), crate::i18n::ui(lang), lang);
    view! { <section class="rules-view" aria-labelledby="rules-heading" inner_html=html></section> }
}

fn rules_html(rules: &RuleSet, ui: &Ui, lang: Lang) -> String {
    let mut h = Html::default();
    h.el("h2", &[("id", "rules-heading")], ui.rules_heading);
    h.el("p", &[], &format!("{} {} · {}", ui.rules_intro, rules.title.get(lang), rules.version));
    h.el("h3", &[], ui.documents).open("ul", &[("class", "documents")]);
    for d in &rules.documents {
        let mut line = format!("{} · {}", d.title.get(lang), d.issuer.get(lang));
        if let Some(dated) = d.dated {
            line.push_str(&format!(" · {dated}"));
        }
        if let Some(p) = d.in_force {
            let to = p.to.map_or_else(|| "…".to_string(), |t| t.to_string());
            line.push_str(&format!(" · {}: {} – {to}", ui.in_force, p.from));
        }
        line.push_str(&format!(" · {}", confidence(d.confidence, ui)));
        h.open("li", &[]).el("strong", &[], &d.number).text(" ").text(&line);
        if let Some(note) = &d.note {
            h.open("br", &[]).el("span", &[("class", "hint")], note.get(lang));
        }
        h.open("br", &[]).el(
            "span",
            &[("class", "hint source-url")],
            &format!("{}: {}", ui.source, d.source_url),
        );
        h.close("li");
    }
    h.close("ul");
    for p in &rules.programmes {
        programme(&mut h, p, rules, ui, lang);
    }
    h.el("h3", &[], ui.city_awards).open("ul", &[]);
    for a in &rules.city_awards {
        let cite = rules.citation(&a.cite).map(|c| citation_text(c, rules, lang)).unwrap_or_default();
        let line = format!(
            "{} · {} · {} · {cite}",
            a.city.name(lang),
            a.recognition.title(lang),
            format_yuan(a.amount, lang)
        );
        h.el("li", &[], &line);
    }
    h.close("ul").el("p", &[("class", "hint")], unverified_legend(lang));
    h.finish()
}

fn confidence(c: Confidence, ui: &Ui) -> &'static str {
    match c {
        Confidence::Text => ui.confidence_text,
        Confidence::News => ui.confidence_news,
        Confidence::Inferred => ui.confidence_inferred,
    }
}

fn programme(h: &mut Html, p: &Programme, rules: &RuleSet, ui: &Ui, lang: Lang) {
    let cite = |id: &str| rules.citation(id).map(|c| citation_text(c, rules, lang)).unwrap_or_default();
    h.open("article", &[("class", "programme rule"), ("id", &format!("rule-{}", p.id))]);
    h.el("h3", &[], &format!("{} {}", p.id, p.title.get(lang))).el("p", &[], p.summary.get(lang));
    let sources: Vec<String> = p.cites.iter().map(|c| cite(c)).collect();
    h.el("p", &[("class", "hint")], &format!("{}: {}", ui.source, sources.join("；")));
    let conditions: Vec<String> =
        p.conditions.iter().map(|c| format!("{} — {}", c.text.get(lang), cite(&c.cite))).collect();
    h.list("conditions", ui.conditions, &conditions);
    if let Some(f) = &p.formula {
        h.el("h4", &[], ui.formula).el("p", &[], &formula_text(f, lang));
    }
    if let Some(c) = &p.competitive {
        h.el("h4", &[], ui.quota).el("p", &[], c.quota.get(lang));
    }
    let readings: Vec<String> =
        p.readings.iter().map(|r| format!("{} / {}", r.taken.get(lang), r.alternative.get(lang))).collect();
    h.list("readings", ui.readings, &readings);
    let notes: Vec<String> = p.notes.iter().map(|n| n.get(lang).to_string()).collect();
    h.list("notes", ui.notes, &notes);
    h.el("h4", &[], ui.how_to_apply).el("p", &[], p.apply.channel.get(lang));
    h.el("p", &[("class", "hint")], &format!("{}: {}", ui.office, p.apply.office.get(lang)));
    h.close("article");
}
