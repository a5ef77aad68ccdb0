//! The form: the company section, the "which of these apply" questions, and one section per
//! programme family. Built from the engine's field catalogue; each control turns what is typed
//! into a profile edit and shows, next to itself, why a text does not read.

use crate::i18n::Ui;
use crate::state::{rules, use_state, AppState};
use leptos::prelude::*;
use subsidy_engine::fields::{Field, FieldKind, Section};
use subsidy_engine::input::{Location, Problem};
use subsidy_engine::money::{format_yuan, Unit};
use subsidy_engine::profile::Value;
use subsidy_engine::typed::{parse_typed, typed_text};
use subsidy_engine::Lang;

/// Picks a question's words from the catalogue.
type Question = fn(&Ui) -> &'static str;

/// The optional sections, in the order the questions are asked, with their question.
const QUESTIONS: [(Section, Question); 6] = [
    (Section::LittleGiant, |u| u.q_little_giant),
    (Section::SingleChampion, |u| u.q_single_champion),
    (Section::InnovationCentre, |u| u.q_innovation_centre),
    (Section::BenchmarkProject, |u| u.q_benchmark_project),
    (Section::OpenSource, |u| u.q_open_source),
    (Section::NationalProject, |u| u.q_national_project),
];

#[component]
pub fn ProfileForm() -> impl IntoView {
    let state = use_state();
    view! {
        <form class="profile-form" on:submit=|ev| ev.prevent_default() autocomplete="off">
            <fieldset class="section">
                <legend>{move || state.ui().company_heading}</legend>
                {Section::Company.fields().map(|field| view! { <FieldControl field /> }).collect_view()}
            </fieldset>
            <fieldset class="section applies">
                <legend>{move || state.ui().applies_heading}</legend>
                <p class="hint">{move || state.ui().applies_hint}</p>
                {QUESTIONS.into_iter().map(|(section, question)| view! { <SectionToggle section question /> }).collect_view()}
            </fieldset>
            {QUESTIONS.into_iter().map(|(section, _)| view! { <SectionFields section /> }).collect_view()}
        </form>
    }
}

#[component]
fn SectionToggle(section: Section, question: Question) -> impl IntoView {
    let state = use_state();
    let id = format!("toggle-{}", section.key());
    view! {
        <div class="toggle">
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=move || state.is_enabled(section)
                on:change=move |ev| state.set_enabled(section, event_target_checked(&ev))
            />
            <label for=id>{move || question(state.ui())}</label>
        </div>
    }
}

#[component]
fn SectionFields(section: Section) -> impl IntoView {
    let state = use_state();
    // Hidden rather than removed: what was typed survives switching the section off and on.
    view! {
        <fieldset class="section" hidden=move || !state.is_enabled(section) id=format!("section-{}", section.key())>
            <legend>{move || section.title(state.lang.get())}</legend>
            {section.fields().map(|field| view! { <FieldControl field /> }).collect_view()}
        </fieldset>
    }
}

/// The DOM id of a field's control: `f-benchmark_project-investment`.
pub fn control_id(field: Field) -> String {
    format!("f-{}-{}", field.section().key(), field.key())
}

/// The text a field starts from: an unreadable draft if there is one, else its stored value.
fn current_text(state: AppState, field: Field) -> String {
    state.session.with_untracked(|s| {
        s.drafts.get(&field).cloned().unwrap_or_else(|| typed_text(s.form.get(field), state.unit(field)))
    })
}

#[component]
fn FieldControl(field: Field) -> impl IntoView {
    let state = use_state();
    let id = control_id(field);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    // What the user last typed, and what the page last put into the control. They differ on
    // purpose: the control is written only when the form is replaced from outside, never while
    // the user types (rewriting a date input's value mid-typing would reset its segments).
    let text = StoredValue::new(current_text(state, field));
    let shown = RwSignal::new(text.get_value());
    let typing_problem = RwSignal::new(None::<Problem>);

    let read = move |raw: String| {
        match parse_typed(field, &raw, state.unit(field)) {
            Ok(value) => {
                typing_problem.set(None);
                state.set_value(field, value);
            }
            Err(problem) => {
                typing_problem.set(Some(problem));
                state.set_draft(field, raw.clone());
            }
        }
        text.set_value(raw);
    };
    // When the whole form is replaced (import, link, start over), start again from its values.
    Effect::new(move |previous: Option<u32>| {
        let revision = state.revision.get();
        if previous.is_some_and(|p| p != revision) {
            let raw = current_text(state, field);
            typing_problem.set(parse_typed(field, &raw, state.unit(field)).err());
            text.set_value(raw.clone());
            shown.set(raw);
        }
        revision
    });
    // A draft restored from storage shows its message at once.
    if let Err(problem) = parse_typed(field, &text.get_value(), state.unit(field)) {
        typing_problem.set(Some(problem));
    }

    let problem = Memo::new(move |_| {
        typing_problem.get().or_else(|| {
            state
                .profile_problems
                .get()
                .into_iter()
                .find(|e| e.at == Location::Field(field))
                .map(|e| e.problem)
        })
    });
    let message = move || problem.get().map(|p| p.message(state.lang.get(), &Location::Field(field)));
    let hint = move || prefill_hint(state, field);
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if problem.get().is_some() {
                ids.push(error_id.clone());
            }
            if hint().is_some() {
                ids.push(hint_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || problem.get().is_some().then_some("true");
    let on_input = move |ev: leptos::ev::Event| read(event_target_value(&ev));
    let label = move || field.label(state.lang.get());

    let control = match field.kind() {
        FieldKind::Bool => view! {
            <select id=id.clone() aria-describedby=described_by aria-invalid=invalid prop:value=move || shown.get() on:change=on_input>
                <option value="">{move || state.ui().not_sure}</option>
                <option value="true">{move || state.ui().yes}</option>
                <option value="false">{move || state.ui().no}</option>
            </select>
        }
        .into_any(),
        FieldKind::Choice(choices) => view! {
            <select id=id.clone() aria-describedby=described_by aria-invalid=invalid prop:value=move || shown.get() on:change=on_input>
                <option value="">{move || state.ui().choose}</option>
                {choices.iter().map(|c| view! { <option value=c.id>{move || c.label(state.lang.get())}</option> }).collect_view()}
            </select>
        }
        .into_any(),
        FieldKind::City => view! {
            <select id=id.clone() aria-describedby=described_by aria-invalid=invalid prop:value=move || shown.get() on:change=on_input>
                <option value="">{move || state.ui().choose}</option>
                {subsidy_engine::city::City::ALL
                    .iter()
                    .map(|c| view! { <option value=c.id()>{move || c.name(state.lang.get())}</option> })
                    .collect_view()}
            </select>
        }
        .into_any(),
        FieldKind::Date => view! {
            <input type="date" id=id.clone() min="1949-01-01" max="2100-12-31" aria-describedby=described_by aria-invalid=invalid prop:value=move || shown.get() on:input=on_input />
        }
        .into_any(),
        FieldKind::Money => {
            let unit_id = format!("{id}-unit");
            let change_unit = move |ev: leptos::ev::Event| {
                let unit = if event_target_value(&ev) == "wan" { Unit::Wan } else { Unit::Yuan };
                state.set_unit(field, unit);
                // The same digits in the new unit: "120" typed in 万元 means 1,200,000 yuan.
                read(text.get_value());
            };
            view! {
                <span class="money">
                    <input type="text" inputmode="decimal" id=id.clone() aria-describedby=described_by aria-invalid=invalid prop:value=move || shown.get() on:input=on_input placeholder=move || placeholder(state, field) />
                    <label class="visually-hidden" for=unit_id.clone()>{move || format!("{}（{}）", state.ui().unit, label())}</label>
                    <select id=unit_id on:change=change_unit prop:value=move || if state.session.with(|s| s.units.get(&field) == Some(&Unit::Wan)) { "wan" } else { "yuan" }>
                        <option value="yuan">{move || Unit::Yuan.label(state.lang.get())}</option>
                        <option value="wan">{move || Unit::Wan.label(state.lang.get())}</option>
                    </select>
                </span>
            }
            .into_any()
        }
        FieldKind::Year | FieldKind::Count => view! {
            <input type="text" inputmode="numeric" id=id.clone() aria-describedby=described_by aria-invalid=invalid prop:value=move || shown.get() on:input=on_input />
        }
        .into_any(),
        FieldKind::Text | FieldKind::CreditCode => view! {
            <input type="text" id=id.clone() aria-describedby=described_by aria-invalid=invalid prop:value=move || shown.get() on:input=on_input />
        }
        .into_any(),
    };

    view! {
        <div class="field" class:has-error=move || problem.get().is_some()>
            <label for=id>{label}</label>
            {control}
            <p class="field-hint" id=hint_id hidden=move || hint().is_none()>{hint}</p>
            <p class="field-error" id=error_id role="alert" hidden=move || problem.get().is_none()>{message}</p>
        </div>
    }
}

/// The city's published award, shown where the city award is still empty.
fn prefill_hint(state: AppState, field: Field) -> Option<String> {
    if !matches!(field, Field::LittleGiantCityAward | Field::ChampionCityAward) {
        return None;
    }
    let lang = state.lang.get();
    state.session.with(|s| {
        let Value::City(city) = s.form.get(Field::City) else { return None };
        if s.form.get(field).is_known() || s.drafts.contains_key(&field) {
            return None;
        }
        let award = rules().prefill_award(city, field.section())?;
        Some(
            state
                .ui()
                .prefill_hint
                .replace("{city}", city.name(lang))
                .replace("{amount}", &format_yuan(award.amount, lang)),
        )
    })
}

fn placeholder(state: AppState, field: Field) -> &'static str {
    let wan = state.session.with(|s| s.units.get(&field) == Some(&Unit::Wan));
    match (state.lang.get(), wan) {
        (Lang::Zh, true) => "例如 1,200",
        (Lang::Zh, false) => "例如 12,000,000",
        (Lang::En, true) => "e.g. 1,200",
        (Lang::En, false) => "e.g. 12,000,000",
    }
}
