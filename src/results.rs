//! The live results, which are also the printed eligibility sheet: the answer first (a table of
//! verdicts and amounts, the totals kept apart), the reasons under it. Everything shown comes from
//! the engine's `ReportView`; this module only lays it out, as escaped HTML (see `html.rs`).

use crate::browser;
use crate::html::Html;
use crate::i18n::Ui;
use crate::state::use_state;
use leptos::prelude::*;
use subsidy_engine::report::{Status, Verdict};
use subsidy_engine::rules::{Confidence, Level};
use subsidy_engine::view::{DocumentView, ProgrammeView, ReportView};
use subsidy_engine::Date;

#[component]
pub fn Results(lang: subsidy_engine::Lang) -> impl IntoView {
    let state = use_state();
    let ui = crate::i18n::ui(lang);
    let sheet = move || match state.report.get() {
        Ok(view) => crate::seal::html(state, ui) + &sheet(&view, ui),
        Err(message) => {
            let mut html = Html::default();
            html.el("p", &[("class", "field-error"), ("role", "alert")], &message);
            html.finish()
        }
    };
    // Screen readers hear the totals change, not the whole sheet on every keystroke.
    let announcement = move || totals_line(ui);
    view! {
        <section class="results" aria-labelledby="results-heading">
            <div class="results-toolbar no-print">
                <h2 id="results-heading">{ui.results_heading}</h2>
                <AsOf ui />
                <button type="button" class="primary" on:click=move |_| browser::print()>{ui.print}</button>
            </div>
            <p class="visually-hidden" aria-live="polite">{announcement}</p>
            <div class="sheet" inner_html=sheet></div>
        </section>
    }
}

/// The totals by level in one line: "Province Rule-based ¥1,000,000 · Competitive ceilings ¥0; …".
fn totals_line(ui: &'static Ui) -> Option<String> {
    use_state().report.get().ok().map(|v| {
        let totals: Vec<String> = v
            .totals
            .iter()
            .map(|t| {
                format!(
                    "{} {} {} · {} {}",
                    t.level_label,
                    ui.total_rule_based,
                    t.rule_based_label,
                    ui.total_ceilings,
                    t.competitive_ceilings_label
                )
            })
            .collect();
        totals.join("; ")
    })
}

/// On a phone, the current figures by level at the foot of the screen while the form is filled
/// in, a tap from the results (hidden on wider screens, where the results are beside the form).
#[component]
pub fn ResultsBar(lang: subsidy_engine::Lang) -> impl IntoView {
    let ui = crate::i18n::ui(lang);
    view! { <a class="results-bar no-print" href="#results-heading">{move || totals_line(ui)}</a> }
}

#[component]
fn AsOf(ui: &'static Ui) -> impl IntoView {
    let state = use_state();
    let invalid = RwSignal::new(false);
    view! {
        <div class="as-of">
            <label for="as-of">{ui.as_of}</label>
            <input
                type="date"
                id="as-of"
                aria-describedby=move || invalid.get().then_some("as-of-error")
                // Written once: rewriting a date input while the user types resets its segments.
                value=state.as_of.get_untracked().to_string()
                on:input=move |ev| match Date::parse(&event_target_value(&ev)) {
                    Ok(date) => {
                        invalid.set(false);
                        state.as_of.set(date);
                    }
                    Err(_) => {
                        invalid.set(true);
                        state.as_of.set(browser::today());
                    }
                }
            />
            <p id="as-of-error" class="field-error" role="alert" hidden=move || !invalid.get()>{ui.as_of_invalid}</p>
        </div>
    }
}

fn verdict_class(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Eligible => "eligible",
        Verdict::NotEligible => "not-eligible",
        Verdict::Undetermined => "undetermined",
        Verdict::NotApplicable => "not-applicable",
        // Styled as undetermined: the figures given do not settle it either way.
        Verdict::Depends => "undetermined depends",
    }
}

/// A verdict is a word and a symbol, never a colour alone. An eligible programme a limit left at
/// ¥0 is not shown with a plain ✓.
fn badge(html: &mut Html, p: &ProgrammeView) {
    let (verdict, label) = (p.verdict, p.verdict_label.as_str());
    let symbol = match verdict {
        Verdict::Eligible if p.cut_to_zero => "0 ",
        Verdict::Eligible => "✓ ",
        Verdict::NotEligible => "✗ ",
        Verdict::Undetermined => "? ",
        Verdict::NotApplicable => "– ",
        Verdict::Depends => "± ",
    };
    let class = if p.cut_to_zero {
        "badge badge-cut".to_string()
    } else {
        format!("badge badge-{}", verdict_class(verdict))
    };
    html.open("span", &[("class", &class)])
        .el("span", &[("aria-hidden", "true")], symbol)
        .text(label)
        .close("span");
}

fn sheet(v: &ReportView, ui: &Ui) -> String {
    let mut h = Html::default();
    h.open("header", &[("class", "sheet-header")]);
    h.el("h2", &[("class", "sheet-title print-only")], ui.sheet_title);
    h.open("dl", &[("class", "sheet-facts")]);
    // Which packs, at which version: enough to reproduce the sheet (their documents are listed at
    // the foot); and how current each is: an estimate is trusted only if its rules are.
    let comma = v.lang.pick("，", ", ");
    let packs: Vec<String> =
        v.packs.iter().map(|p| format!("{} {}{comma}{}", p.title, p.version, p.reviewed_label)).collect();
    let packs = packs.join(v.lang.pick("；", "; "));
    let facts = v.company.iter().map(|e| (e.label.as_str(), e.value.as_str()));
    for (label, value) in facts.chain([(ui.as_of, v.as_of.as_str())]) {
        h.open("div", &[]).el("dt", &[], label).el("dd", &[], value).close("div");
    }
    // The longest fact, across the whole width.
    h.open("div", &[("class", "rule-set")])
        .el("dt", &[], ui.sheet_rule_set)
        .el("dd", &[], &packs)
        .close("div");
    h.close("dl").close("header");
    // The answer first: one plain sentence per level.
    h.open("section", &[("class", "answer")]);
    for t in &v.totals {
        h.el("p", &[], &t.answer);
    }
    h.close("section");
    if !v.ranges.is_empty() {
        h.open("section", &[("class", "rough-figures")]).el("h3", &[], ui.rough_figures).open("ul", &[]);
        for e in &v.ranges {
            h.el("li", &[], &format!("{}{}{}", e.label, v.lang.pick("：", ": "), e.value));
        }
        h.close("ul").el("p", &[("class", "hint")], ui.rough_figures_note).close("section");
    }

    let stale: Vec<String> = v
        .documents
        .iter()
        .filter(|d| d.in_force_on_as_of == Some(false))
        .map(|d| format!("{} ({}: {})", d.name, ui.in_force, d.in_force.clone().unwrap_or_default()))
        .collect();
    if !stale.is_empty() {
        h.el("p", &[("class", "warning")], &format!("{}: {}", ui.not_in_force, stale.join("; ")));
    }

    h.open("table", &[("class", "summary")]).open("thead", &[]).open("tr", &[]);
    for heading in [ui.col_programme, ui.col_verdict, ui.col_amount, ui.col_source] {
        let class = if heading == ui.col_amount { "num" } else { "" };
        h.el("th", &[("scope", "col"), ("class", class)], heading);
    }
    h.close("tr").close("thead");
    // The programmes that concern the company, by what they give: eligible, waiting (information
    // missing, or a figure given as a range crossing a threshold), not eligible; each with its level.
    let groups: [(&str, &[Verdict]); 3] = [
        (ui.group_eligible, &[Verdict::Eligible]),
        (ui.group_waiting, &[Verdict::Undetermined, Verdict::Depends]),
        (ui.group_not_eligible, &[Verdict::NotEligible]),
    ];
    for (heading, verdicts) in groups {
        let rows: Vec<&ProgrammeView> =
            v.programmes.iter().filter(|p| verdicts.contains(&p.verdict)).collect();
        if rows.is_empty() {
            continue;
        }
        h.open("tbody", &[("class", "group")]).open("tr", &[("class", "group-heading")]);
        h.el("th", &[("scope", "rowgroup"), ("colspan", "4")], &format!("{heading} ({})", rows.len()));
        h.close("tr");
        for p in rows {
            h.open("tr", &[("class", &format!("verdict-{}", verdict_class(p.verdict)))]);
            h.open("th", &[("scope", "row")])
                .el("span", &[("class", "programme-level")], &format!("{} · {}", p.level_label, p.place))
                .el("span", &[("class", "row-title")], &p.title)
                .close("th")
                .open("td", &[]);
            badge(&mut h, p);
            h.close("td").el("td", &[("class", "num")], &p.amount_label).el(
                "td",
                &[("class", "source")],
                &p.source,
            );
            h.close("tr");
        }
        h.close("tbody");
    }
    h.close("table");
    // What does not concern the company, in one line that opens on the page.
    let others: Vec<&str> = v
        .programmes
        .iter()
        .filter(|p| p.verdict == Verdict::NotApplicable)
        .map(|p| p.title.as_str())
        .collect();
    if !others.is_empty() {
        let line = ui.not_concerned.replace("{n}", &others.len().to_string());
        let names = others.join(ui.list_separator);
        h.open("details", &[("class", "not-concerned no-print")]).el("summary", &[], &line).open("ul", &[]);
        for name in &others {
            h.el("li", &[], name);
        }
        h.close("ul").close("details");
        h.el(
            "p",
            &[("class", "not-concerned print-only")],
            &format!("{line}{}{names}", v.lang.pick("：", ": ")),
        );
    }

    h.open("div", &[("class", "totals")]);
    for t in &v.totals {
        h.open("div", &[("class", &format!("totals-level totals-{}", level_class(t.level)))]);
        h.el("p", &[("class", "totals-heading")], &t.level_label);
        for (label, class, amount) in [
            (ui.total_rule_based, "total-rule-based", &t.rule_based_label),
            (ui.total_ceilings, "total-ceilings", &t.competitive_ceilings_label),
        ] {
            h.open("p", &[])
                .el("span", &[], label)
                .text(" ")
                .el("strong", &[("class", class)], amount)
                .close("p");
        }
        h.close("div");
    }
    if let Some(t) = v.totals.first() {
        h.el("p", &[("class", "hint")], &t.note);
    }
    h.close("div");

    // A place without a pack of its level is said plainly, with whom to ask.
    if !v.gaps.is_empty() {
        h.open("section", &[("class", "coverage-gaps")]).el("h3", &[], ui.coverage_heading).open("ul", &[]);
        for gap in &v.gaps {
            h.el("li", &[], gap);
        }
        h.close("ul").close("section");
    }

    if !v.missing.is_empty() {
        h.open("section", &[("class", "still-needed")]).el("h3", &[], ui.still_needed).open("ol", &[]);
        for m in &v.missing {
            h.el("li", &[], &format!("{} — {}", m.label, m.programmes.join(", ")));
        }
        h.close("ol").close("section");
    }
    if !v.warnings.is_empty() {
        h.open("section", &[("class", "warnings")]).el("h3", &[], ui.please_check).open("ul", &[]);
        for w in &v.warnings {
            h.el("li", &[], w);
        }
        h.close("ul").close("section");
    }

    let applicable: Vec<&ProgrammeView> =
        v.programmes.iter().filter(|p| p.verdict != Verdict::NotApplicable).collect();
    if applicable.is_empty() {
        h.el("p", &[("class", "hint no-print")], ui.nothing_yet);
    }
    for p in applicable {
        programme(&mut h, p, ui);
    }

    // Programmes with nothing to estimate (a district's measures still to be announced): what they
    // offer and where to ask, so that the company knows of them. On paper, one line each: the
    // title and the office.
    if !v.informational.is_empty() {
        h.open("section", &[("class", "informational")]).el("h3", &[], ui.other_support).open("ul", &[]);
        let mut previous = String::new();
        for i in &v.informational {
            // On paper a place is named once for the items that follow it.
            let place = format!("{} · {} — ", i.level_label, i.place);
            let class = if place == previous { "info-place repeated" } else { "info-place" };
            h.open("li", &[("id", &format!("info-{}", i.id))])
                .open("strong", &[])
                .el("span", &[("class", class)], &place)
                .text(&i.title)
                .close("strong")
                .el("span", &[("class", "no-print")], &format!(" {} {}", i.summary, i.apply_channel))
                .text(&format!(" {}: {}", ui.office, i.apply_office))
                .close("li");
            previous = place;
        }
        h.close("ul").close("section");
    }

    // The documents with a period of force (the measures and rules themselves, not the calls and
    // notices): what a reader checks the sheet against.
    let documents: Vec<&DocumentView> = v.documents.iter().filter(|d| d.in_force.is_some()).collect();
    h.open("footer", &[("class", "sheet-footer")]);
    h.el("p", &[], &v.disclaimer);
    // On paper, when and where the sheet was made shares the legend's line.
    h.open("p", &[("class", "hint")]).text(&v.legend).text(" ");
    h.open("span", &[("class", "print-only-inline")])
        .text(ui.sheet_generated)
        .text(" ")
        .el("span", &[("id", "generated-at")], &browser::now_text())
        .text(" · ")
        .text(ui.sheet_local)
        .close("span")
        .close("p");
    // On paper a numbered document by its number alone: it finds the document, and the sheet keeps
    // to two pages.
    h.open("p", &[("class", "hint documents")]).text(ui.documents).text(": ");
    for (i, d) in documents.iter().enumerate() {
        h.text(if i == 0 { "" } else { ui.semicolon });
        match &d.number {
            Some(number) => h.text(number).text(" ").el("span", &[("class", "no-print")], &d.title),
            None => h.text(&d.title),
        };
    }
    h.close("p");
    h.el("p", &[("class", "hint no-print")], ui.other_places);
    h.close("footer");
    h.finish()
}

fn level_class(level: Level) -> &'static str {
    match level {
        Level::Common => "common",
        Level::Province => "province",
        Level::City => "city",
        Level::District => "district",
    }
}

fn confidence_class(c: Confidence) -> &'static str {
    match c {
        Confidence::Text => "confidence confidence-text",
        Confidence::News => "confidence confidence-news",
        Confidence::NewsWeak => "confidence confidence-news-weak",
        Confidence::Inferred => "confidence confidence-inferred",
    }
}

fn programme(h: &mut Html, p: &ProgrammeView, ui: &Ui) {
    let class = format!("programme verdict-{}", verdict_class(p.verdict));
    h.open("article", &[("class", &class), ("id", &format!("programme-{}", p.id))]);
    h.open("h3", &[]).el(
        "span",
        &[("class", "programme-level")],
        &format!("{} · {}", p.level_label, p.place),
    );
    h.text(" ").text(&p.title).text(" ");
    badge(h, p);
    h.close("h3");
    h.open("p", &[("class", "amount")])
        .text(ui.col_amount)
        .text(": ")
        .el("strong", &[], &p.amount_label)
        .close("p");
    if !p.basis.is_empty() {
        h.el("p", &[("class", "basis")], &format!("{}: {}", ui.rests_on, p.basis.join(ui.list_separator)));
    }
    h.list("calculation", ui.calculation, &p.calculation);

    // Like the other lists, left out when empty: several district programmes have no conditions.
    if !p.conditions.is_empty() {
        conditions(h, p, ui);
    }

    let missing: Vec<String> = p.missing.iter().map(|m| m.label.clone()).collect();
    h.list("missing", ui.missing, &missing);
    h.list("hints", ui.near_misses, &p.hints);
    h.list("notes", ui.notes, &p.notes);

    let sourced = match &p.confidence_note {
        Some(note) => format!("{}: {} — {note}", ui.sourced, p.confidence_label),
        None => format!("{}: {}", ui.sourced, p.confidence_label),
    };
    h.el("p", &[("class", confidence_class(p.confidence))], &sourced);

    h.open("div", &[("class", "apply")]).el("h4", &[], ui.how_to_apply).el("p", &[], &p.apply_channel);
    h.el("p", &[("class", "hint")], &format!("{}: {}", ui.office, p.apply_office));
    // Where the as-of date falls among the known windows, else what the rules say of them.
    if let Some(window) = p.window.as_ref().or(p.apply_window.as_ref()) {
        h.el("p", &[("class", "hint window")], &format!("{}: {window}", ui.apply_window));
    }
    h.list("apply-documents", ui.apply_documents, &p.apply_documents);
    // On screen only: on paper each condition already names its article, and the table the source.
    h.el("p", &[("class", "hint no-print")], &p.citations.join(ui.semicolon)).close("div");
    h.close("article");
}

/// A programme's conditions, each with its status, what was entered and its article.
fn conditions(h: &mut Html, p: &ProgrammeView, ui: &Ui) {
    // A city award's line shares the conditions of the provincial match resting on it, which the
    // sheet gives with the match: on paper they are not given twice.
    let class = if p.award_figure.is_some() { "conditions no-print" } else { "conditions" };
    h.open("div", &[("class", class)]).el("h4", &[], ui.conditions).open("ul", &[]);
    let mut previous = "";
    for c in &p.conditions {
        let status = match c.status {
            Status::Met => "met",
            Status::NotMet => "not-met",
            _ => "unknown",
        };
        let entered: Vec<&str> = c.entered.iter().map(|e| e.value.as_str()).collect();
        let entered = if entered.is_empty() {
            String::new()
        } else {
            format!("{}{}{}", ui.paren_open, entered.join(ui.list_separator), ui.paren_close)
        };
        h.open("li", &[("class", &format!("condition condition-{status}"))]);
        h.el("span", &[("class", "mark"), ("aria-hidden", "true")], &c.mark);
        h.text(&format!(" {}{entered} — ", c.text)).el("em", &[], &c.status_label);
        // On paper an article is named once for the conditions that follow from it.
        let class = if c.citation == previous { "cite repeated" } else { "cite" };
        previous = &c.citation;
        h.el("span", &[("class", class)], &c.citation).close("li");
    }
    h.close("ul").close("div");
}
