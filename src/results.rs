//! The live results, which are also the printed eligibility sheet: the answer first (a table of
//! verdicts and amounts, the totals kept apart), the reasons under it. Everything shown comes from
//! the engine's `ReportView`; this component only lays it out.

use crate::browser;
use crate::i18n::Ui;
use crate::state::use_state;
use leptos::prelude::*;
use subsidy_engine::report::Verdict;
use subsidy_engine::view::{ProgrammeView, ReportView};
use subsidy_engine::Date;

#[component]
pub fn Results() -> impl IntoView {
    let state = use_state();
    let ui = move || state.ui();
    view! {
        <section class="results" aria-labelledby="results-heading">
            <div class="results-toolbar no-print">
                <h2 id="results-heading">{move || ui().results_heading}</h2>
                <AsOf />
                <button type="button" class="primary" on:click=move |_| browser::print()>{move || ui().print}</button>
            </div>
            <div aria-live="polite">
                {move || match state.report.get() {
                    Ok(view) => sheet(&view, ui()).into_any(),
                    Err(message) => view! { <p class="field-error" role="alert">{message}</p> }.into_any(),
                }}
            </div>
        </section>
    }
}

#[component]
fn AsOf() -> impl IntoView {
    let state = use_state();
    let invalid = RwSignal::new(false);
    view! {
        <div class="as-of">
            <label for="as-of">{move || state.ui().as_of}</label>
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
            <p id="as-of-error" class="field-error" role="alert" hidden=move || !invalid.get()>{move || state.ui().as_of_invalid}</p>
        </div>
    }
}

fn sheet(v: &ReportView, ui: &'static Ui) -> impl IntoView {
    let applicable: Vec<&ProgrammeView> =
        v.programmes.iter().filter(|p| p.verdict != Verdict::NotApplicable).collect();
    let stale: Vec<String> = v
        .documents
        .iter()
        .filter(|d| d.in_force_on_as_of == Some(false))
        .map(|d| format!("{} ({}: {})", d.number, ui.in_force, d.in_force.clone().unwrap_or_default()))
        .collect();
    view! {
        <header class="sheet-header">
            <h2 class="sheet-title print-only">{ui.sheet_title}</h2>
            <dl class="sheet-facts">
                {v.company.iter().map(|e| view! { <div><dt>{e.label.clone()}</dt><dd>{e.value.clone()}</dd></div> }).collect_view()}
                <div><dt>{ui.as_of}</dt><dd class="as-of-value">{v.as_of.clone()}</dd></div>
                <div><dt>{ui.sheet_rule_set}</dt><dd>{format!("{} · {}", v.rule_set.title, v.rule_set.version)}</dd></div>
            </dl>
        </header>
        {(!stale.is_empty()).then(|| view! {
            <p class="warning" role="status">{format!("{}: {}", ui.not_in_force, stale.join("; "))}</p>
        })}
        <table class="summary">
            <thead>
                <tr><th scope="col">{ui.col_programme}</th><th scope="col">{ui.col_verdict}</th><th scope="col" class="num">{ui.col_amount}</th><th scope="col">{ui.col_source}</th></tr>
            </thead>
            <tbody>
                {v.programmes.iter().map(|p| view! {
                    <tr class=format!("verdict-{}", verdict_class(p.verdict))>
                        <th scope="row">{p.title.clone()}</th>
                        <td><Badge verdict=p.verdict label=p.verdict_label.clone() /></td>
                        <td class="num">{p.amount_label.clone()}</td>
                        <td class="source">{p.source.clone()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <div class="totals">
            <p><span>{ui.total_rule_based}</span> <strong class="total-rule-based">{v.totals.rule_based_label.clone()}</strong></p>
            <p><span>{ui.total_ceilings}</span> <strong class="total-ceilings">{v.totals.competitive_ceilings_label.clone()}</strong></p>
            <p class="hint">{v.totals.note.clone()}</p>
        </div>
        {(!v.missing.is_empty()).then(|| view! {
            <section class="still-needed">
                <h3>{ui.still_needed}</h3>
                <ol>{v.missing.iter().map(|m| view! { <li>{format!("{} — {}", m.label, m.programmes.join(", "))}</li> }).collect_view()}</ol>
            </section>
        })}
        {(!v.warnings.is_empty()).then(|| view! {
            <section class="warnings">
                <h3>{ui.please_check}</h3>
                <ul>{v.warnings.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}</ul>
            </section>
        })}
        {if applicable.is_empty() {
            view! { <p class="hint no-print">{ui.nothing_yet}</p> }.into_any()
        } else {
            applicable.into_iter().map(|p| programme(p, ui)).collect_view().into_any()
        }}
        <footer class="sheet-footer">
            <p>{v.disclaimer.clone()}</p>
            <p class="hint">{v.legend.clone()}</p>
            <p class="hint">{ui.documents}": "{v.documents.iter().take(2).map(|d| format!("{} {}", d.number, d.title)).collect::<Vec<_>>().join("; ")}</p>
            <p class="hint print-only">{ui.sheet_generated}" "<span id="generated-at"></span>" · "{ui.sheet_local}</p>
        </footer>
    }
}

fn verdict_class(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Eligible => "eligible",
        Verdict::NotEligible => "not-eligible",
        Verdict::Undetermined => "undetermined",
        Verdict::NotApplicable => "not-applicable",
    }
}

/// A verdict is a word and a symbol, never a colour alone.
#[component]
fn Badge(verdict: Verdict, label: String) -> impl IntoView {
    let symbol = match verdict {
        Verdict::Eligible => "✓",
        Verdict::NotEligible => "✗",
        Verdict::Undetermined => "?",
        Verdict::NotApplicable => "–",
    };
    view! { <span class=format!("badge badge-{}", verdict_class(verdict))><span aria-hidden="true">{symbol}" "</span>{label}</span> }
}

fn list(title: &'static str, class: &'static str, items: Vec<String>) -> Option<impl IntoView> {
    (!items.is_empty()).then(|| {
        view! {
            <div class=class>
                <h4>{title}</h4>
                <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            </div>
        }
    })
}

fn programme(p: &ProgrammeView, ui: &'static Ui) -> impl IntoView {
    let conditions = p
        .conditions
        .iter()
        .map(|c| {
            let entered: Vec<String> = c.entered.iter().map(|e| e.value.clone()).collect();
            let entered =
                if entered.is_empty() { String::new() } else { format!("（{}）", entered.join("，")) };
            view! {
                <li class=format!("condition condition-{}", match c.status {
                    subsidy_engine::report::Status::Met => "met",
                    subsidy_engine::report::Status::NotMet => "not-met",
                    _ => "unknown",
                })>
                    <span class="mark" aria-hidden="true">{c.mark.clone()}</span>
                    " "{c.text.clone()}{entered}" — "<em>{c.status_label.clone()}</em>
                    <span class="cite">{c.citation.clone()}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <article class=format!("programme verdict-{}", verdict_class(p.verdict)) id=format!("programme-{}", p.id)>
            <h3>{p.title.clone()}" "<Badge verdict=p.verdict label=p.verdict_label.clone() /></h3>
            <p class="amount">{ui.col_amount}": "<strong>{p.amount_label.clone()}</strong></p>
            {list(ui.calculation, "calculation", p.calculation.clone())}
            <div class="conditions">
                <h4>{ui.conditions}</h4>
                <ul>{conditions}</ul>
            </div>
            {list(ui.missing, "missing", p.missing.iter().map(|m| m.label.clone()).collect())}
            {list(ui.near_misses, "hints", p.hints.clone())}
            {list(ui.notes, "notes", p.notes.clone())}
            <div class="apply">
                <h4>{ui.how_to_apply}</h4>
                <p>{p.apply_channel.clone()}</p>
                <p class="hint">{ui.office}": "{p.apply_office.clone()}</p>
                <p class="hint">{p.citations.join("；")}</p>
            </div>
        </article>
    }
}
