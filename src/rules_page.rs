//! The rules as the data says them, for a reviewer holding the official text: every pack, by
//! level and place (so a company in one city sees what the others offer), with each programme's
//! conditions, formula, caps, quota, readings, documents, confidence and how to apply, each with
//! its source. Written as escaped HTML (see `html.rs`) at build time, by `src/bin/rules-pages.rs`,
//! for both languages: the page fetches it when the Rules tab opens (`rules_view.rs`), so none of
//! this code is in the page's wasm (6 KB gzip of its first load, measured: BENCHMARKS.md, #20).

use crate::html::Html;
use crate::i18n::Ui;
use subsidy_engine::explain::{
    citation_text, confidence_label, formula_text, level_label, period_text, unverified_legend,
    window_period_text,
};
use subsidy_engine::money::{format_rate, format_yuan};
use subsidy_engine::rules::{Level, Library, OverlapKind, Pack, Programme, ProgrammeRef};
use subsidy_engine::Lang;

/// The whole Rules tab, in one language.
pub fn rules_html(library: &Library, ui: &Ui, lang: Lang) -> String {
    let mut h = Html::default();
    h.el("h2", &[("id", "rules-heading")], ui.rules_heading);
    h.el("p", &[], ui.rules_intro);
    let packs: Vec<&Pack> = library.packs.iter().filter(|p| p.level != Level::Common).collect();
    h.el("h3", &[], ui.packs_heading).open("ul", &[("class", "pack-index")]);
    for p in &packs {
        let line = format!(
            "{} · {} · {} · {}",
            level_label(p.level, lang),
            p.place.get(lang),
            p.title.get(lang),
            p.version
        );
        h.open("li", &[]).el("a", &[("href", &format!("#pack-{}", p.id))], &line).close("li");
    }
    h.close("ul");
    for pack in packs {
        pack_html(&mut h, library, pack, ui, lang);
    }
    h.el("p", &[("class", "hint")], unverified_legend(lang));
    h.finish()
}

fn pack_html(h: &mut Html, library: &Library, pack: &Pack, ui: &Ui, lang: Lang) {
    h.open("section", &[("class", "pack"), ("id", &format!("pack-{}", pack.id))]);
    let heading =
        format!("{} · {} — {}", level_label(pack.level, lang), pack.place.get(lang), pack.title.get(lang));
    let version = format!("{} {} · {}: {}", pack.id, pack.version, ui.rules_reviewed, pack.reviewed);
    h.el("h3", &[], &heading).el("p", &[("class", "hint")], &version);
    h.el("h4", &[], ui.documents).open("ul", &[("class", "documents")]);
    for d in &pack.documents {
        let mut line = format!("{} · {}", d.title.get(lang), d.issuer.get(lang));
        if let Some(dated) = d.dated {
            line.push_str(&format!(" · {dated}"));
        }
        if d.in_force.is_some() {
            line.push_str(&format!(" · {}: {}", ui.in_force, period_text(d, lang)));
        }
        line.push_str(&format!(" · {}: {}", ui.sourced, confidence_label(d.confidence, lang)));
        line.push_str(&format!(" · {} {}", ui.checked, d.checked));
        h.open("li", &[]).el("strong", &[], d.name(lang)).text(" ").text(&line);
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
    for p in &pack.programmes {
        programme(h, library, pack, p, ui, lang);
    }
    limits(h, library, pack, ui, lang);
    if !pack.prefills.is_empty() {
        h.el("h4", &[], ui.prefills).open("ul", &[]);
        for prefill in &pack.prefills {
            let cite = pack.citation(&prefill.cite).map(|c| citation_text(c, pack, lang)).unwrap_or_default();
            let line = format!(
                "{} · {} · {cite} · {}: {}",
                library.question(prefill.field.field).label.get(lang),
                format_yuan(prefill.amount, lang),
                ui.sourced,
                confidence_label(prefill.confidence, lang)
            );
            h.el("li", &[], &line);
        }
        h.close("ul");
    }
    h.close("section");
}

fn programme(h: &mut Html, library: &Library, pack: &Pack, p: &Programme, ui: &Ui, lang: Lang) {
    let cite = |id: &str| pack.citation(id).map(|c| citation_text(c, pack, lang)).unwrap_or_default();
    h.open("article", &[("class", "programme rule"), ("id", &format!("rule-{}", p.id))]);
    h.el("h4", &[], &format!("{} {}", p.id, p.title.get(lang))).el("p", &[], p.summary.get(lang));
    let sources: Vec<String> = p.cites.iter().map(|c| cite(c)).collect();
    h.el("p", &[("class", "hint")], &format!("{}: {}", ui.source, sources.join(lang.pick("；", "; "))));
    let sourced = match &p.confidence_note {
        Some(note) => {
            format!("{}: {} — {}", ui.sourced, confidence_label(p.confidence, lang), note.get(lang))
        }
        None => format!("{}: {}", ui.sourced, confidence_label(p.confidence, lang)),
    };
    h.el("p", &[("class", "confidence")], &sourced);
    // The documents that can each carry it, where the pack names them.
    let bases: Vec<String> = p
        .bases
        .iter()
        .filter_map(|b| pack.document(&b.document))
        .map(|d| format!("{} ({})", d.name(lang), period_text(d, lang)))
        .collect();
    if !bases.is_empty() {
        h.el("p", &[("class", "hint")], &format!("{}: {}", ui.rests_on, bases.join(ui.list_separator)));
    }
    let conditions: Vec<String> = p
        .conditions
        .iter()
        .map(|c| {
            // A condition a later document adds from a date says so.
            let from = c
                .from
                .map(|f| match lang {
                    Lang::Zh => format!("（{f}起）"),
                    Lang::En => format!(" (from {f})"),
                })
                .unwrap_or_default();
            format!("{}{from} — {}", c.text.get(lang), cite(&c.cite))
        })
        .collect();
    h.list("conditions", ui.conditions, &conditions);
    if let Some(f) = &p.formula {
        h.el("h5", &[], ui.formula).el("p", &[], &formula_text(f, library, lang));
    }
    if let Some(c) = &p.competitive {
        h.el("h5", &[], ui.quota).el("p", &[], c.quota.get(lang));
    }
    let readings: Vec<String> =
        p.readings.iter().map(|r| format!("{} / {}", r.taken.get(lang), r.alternative.get(lang))).collect();
    h.list("readings", ui.readings, &readings);
    let notes: Vec<String> = p
        .notes
        .iter()
        .map(|n| match n.confidence {
            Some(c) => format!("{} ({})", n.text.get(lang), confidence_label(c, lang)),
            None => n.text.get(lang).to_string(),
        })
        .collect();
    h.list("notes", ui.notes, &notes);
    h.el("h5", &[], ui.how_to_apply).el("p", &[], p.apply.channel.get(lang));
    h.el("p", &[("class", "hint")], &format!("{}: {}", ui.office, p.apply.office.get(lang)));
    if let Some(window) = &p.apply.window {
        h.el("p", &[("class", "hint")], &format!("{}: {}", ui.apply_window, window.get(lang)));
    }
    let windows: Vec<String> = p.windows.iter().map(|w| window_period_text(w, lang)).collect();
    h.list("windows", ui.windows, &windows);
    let documents: Vec<String> = p.apply.documents.iter().map(|d| d.get(lang).to_string()).collect();
    h.list("apply-documents", ui.apply_documents, &documents);
    h.close("article");
}

/// The pack's limits across programmes, each with its source: combined ceilings on one base,
/// yearly caps per company, and programmes paying on the same money. Each names its programmes in
/// the order they are counted (a programme of another pack with its level and place).
fn limits(h: &mut Html, library: &Library, pack: &Pack, ui: &Ui, lang: Lang) {
    if pack.combined_ceilings.is_empty() && pack.company_caps.is_empty() && pack.overlaps.is_empty() {
        return;
    }
    let cite = |id: &str| pack.citation(id).map(|c| citation_text(c, pack, lang)).unwrap_or_default();
    let names = |refs: &[ProgrammeRef]| -> String {
        let names: Vec<String> = refs
            .iter()
            .filter_map(|r| library.programme_at(r))
            .map(|(of, p)| {
                let name = format!("{} {}", p.id, p.title.get(lang));
                if std::ptr::eq(of, pack) {
                    name
                } else {
                    format!(
                        "{name}{}{} · {}{}",
                        ui.paren_open,
                        level_label(of.level, lang),
                        of.place.get(lang),
                        ui.paren_close
                    )
                }
            })
            .collect();
        names.join(ui.list_separator)
    };
    h.el("h4", &[], ui.limits).open("ul", &[("class", "limits")]);
    for c in &pack.combined_ceilings {
        let rule = ui
            .limit_combined
            .replace("{rate}", &format_rate(c.rate))
            .replace("{base}", library.question(c.base.field).label.get(lang))
            .replace("{programmes}", &names(&c.programmes));
        let line = format!(
            "{} — {rule} · {}: {} · {} · {}: {}",
            c.text.get(lang),
            ui.other_reading,
            c.alternative.get(lang),
            cite(&c.cite),
            ui.sourced,
            confidence_label(c.confidence, lang)
        );
        h.el("li", &[("id", &format!("limit-{}-{}", pack.id, c.id))], &line);
    }
    for c in &pack.company_caps {
        let rule = ui
            .limit_company
            .replace("{cap}", &format_yuan(c.cap, lang))
            .replace("{programmes}", &names(&c.programmes));
        let line = format!("{} — {rule} · {}", c.text.get(lang), cite(&c.cite));
        h.el("li", &[("id", &format!("limit-{}-{}", pack.id, c.id))], &line);
    }
    for o in &pack.overlaps {
        let kind = match o.kind {
            OverlapKind::Unknown => ui.overlap_unknown,
            OverlapKind::Exclusive => ui.overlap_exclusive,
        };
        let line = format!("{kind}: {} — {}", names(&o.programmes), o.text.get(lang));
        h.el("li", &[("class", "overlap")], &line);
    }
    h.close("ul");
}
