//! The form: the company section, the "which of these apply" questions, and one section per
//! programme family. Built from the engine's field catalogue; each control turns what is typed
//! into a profile edit and shows, next to itself, why a text does not read.
//!
//! The form is drawn in one language and drawn again when the language changes (every text the
//! user typed is in the session, so nothing is lost); only what changes as the user types is
//! reactive. That keeps the number of reactive closures, and so the size of the wasm, small.

use crate::i18n::Ui;
use crate::state::{rules, use_state, AppState};
use leptos::prelude::*;
use subsidy_engine::city::City;
use subsidy_engine::fields::{Field, FieldKind, Section};
use subsidy_engine::input::Location;
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
pub fn ProfileForm(lang: Lang) -> impl IntoView {
    let ui = crate::i18n::ui(lang);
    view! {
        <form class="profile-form" on:submit=|ev| ev.prevent_default() autocomplete="off">
            <fieldset class="section">
                <legend>{ui.company_heading}</legend>
                {Section::Company.fields().map(|field| view! { <FieldControl field lang /> }).collect_view()}
            </fieldset>
            <fieldset class="section applies">
                <legend>{ui.applies_heading}</legend>
                <p class="hint">{ui.applies_hint}</p>
                {QUESTIONS.into_iter().map(|(section, question)| view! { <SectionToggle section label=question(ui) /> }).collect_view()}
            </fieldset>
            {QUESTIONS.into_iter().map(|(section, _)| view! { <SectionFields section lang /> }).collect_view()}
        </form>
    }
}

#[component]
fn SectionToggle(section: Section, label: &'static str) -> impl IntoView {
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
            <label for=id>{label}</label>
        </div>
    }
}

#[component]
fn SectionFields(section: Section, lang: Lang) -> impl IntoView {
    let state = use_state();
    // Drawn only while switched on, which keeps the first screen quick; what was typed is in the
    // session, so switching a section off and on again loses nothing.
    view! {
        <Show when=move || state.is_enabled(section)>
            <fieldset class="section" id=format!("section-{}", section.key())>
                <legend>{section.title(lang)}</legend>
                {section.fields().map(|field| view! { <FieldControl field lang /> }).collect_view()}
            </fieldset>
        </Show>
    }
}

/// The DOM id of a field's control: `f-benchmark_project-investment`.
pub fn control_id(field: Field) -> String {
    format!("f-{}-{}", field.section().key(), field.key())
}

/// The text a field starts from: what was typed into it, else its stored value.
fn current_text(state: AppState, field: Field) -> String {
    state.session.with_untracked(|s| {
        s.texts.get(&field).cloned().unwrap_or_else(|| typed_text(s.form.get(field), state.unit(field)))
    })
}

/// `<option>`s: "not given" first, then the choices as (value, label).
fn options(first: &'static str, choices: Vec<(&'static str, &'static str)>) -> impl IntoView {
    let choices = choices.into_iter().map(|(value, label)| view! { <option value=value>{label}</option> });
    view! { <option value="">{first}</option> {choices.collect_view()} }
}

#[component]
fn FieldControl(field: Field, lang: Lang) -> impl IntoView {
    let state = use_state();
    let ui = crate::i18n::ui(lang);
    let id = control_id(field);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    // What the user last typed. The control's value is set once, when it is drawn, and never
    // while the user types: rewriting a date input's value mid-typing resets its segments.
    let text = StoredValue::new(current_text(state, field));
    let typing_problem = RwSignal::new(parse_typed(field, &text.get_value(), state.unit(field)).err());

    let read = move |raw: String| {
        match parse_typed(field, &raw, state.unit(field)) {
            Ok(value) => {
                typing_problem.set(None);
                state.set_value(field, raw.clone(), value);
            }
            Err(problem) => {
                typing_problem.set(Some(problem));
                state.set_draft(field, raw.clone());
            }
        }
        text.set_value(raw);
    };

    let problem = Memo::new(move |_| {
        typing_problem.get().or_else(|| {
            state
                .profile_problems
                .with(|all| all.iter().find(|e| e.at == Location::Field(field)).map(|e| e.problem.clone()))
        })
    });
    let message = move || problem.get().map(|p| p.message(lang, &Location::Field(field)));
    let hint = Memo::new(move |_| prefill_hint(state, field, lang));
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let ids: Vec<&str> =
                [(problem.get().is_some(), error_id.as_str()), (hint.get().is_some(), hint_id.as_str())]
                    .into_iter()
                    .filter_map(|(on, id)| on.then_some(id))
                    .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || problem.get().is_some().then_some("true");
    let on_input = move |ev: leptos::ev::Event| read(event_target_value(&ev));
    let initial = text.get_value();

    let control = match field.kind() {
        FieldKind::Bool | FieldKind::Choice(_) | FieldKind::City => {
            let choices: Vec<(&'static str, &'static str)> = match field.kind() {
                FieldKind::Bool => vec![("true", ui.yes), ("false", ui.no)],
                FieldKind::City => City::ALL.iter().map(|c| (c.id(), c.name(lang))).collect(),
                _ => field.choices().iter().map(|c| (c.id, c.label(lang))).collect(),
            };
            let first = if field.kind() == FieldKind::Bool { ui.not_sure } else { ui.choose };
            view! {
                <select id=id.clone() aria-describedby=described_by aria-invalid=invalid prop:value=initial on:change=on_input>
                    {options(first, choices)}
                </select>
            }
            .into_any()
        }
        FieldKind::Money => {
            let unit_id = format!("{id}-unit");
            let change_unit = move |ev: leptos::ev::Event| {
                let unit = if event_target_value(&ev) == "wan" { Unit::Wan } else { Unit::Yuan };
                state.set_unit(field, unit);
                // The same digits in the new unit: "120" typed in 万元 means 1,200,000 yuan.
                read(text.get_value());
            };
            let unit = if state.unit(field) == Unit::Wan { "wan" } else { "yuan" };
            let example = match (lang, unit) {
                (Lang::Zh, "wan") => "例如 1,200",
                (Lang::Zh, _) => "例如 12,000,000",
                (Lang::En, "wan") => "e.g. 1,200",
                (Lang::En, _) => "e.g. 12,000,000",
            };
            view! {
                <span class="money">
                    <input type="text" inputmode="decimal" id=id.clone() aria-describedby=described_by aria-invalid=invalid prop:value=initial on:input=on_input placeholder=example />
                    <label class="visually-hidden" for=unit_id.clone()>{format!("{}（{}）", ui.unit, field.label(lang))}</label>
                    <select id=unit_id on:change=change_unit prop:value=unit>
                        <option value="yuan">{Unit::Yuan.label(lang)}</option>
                        <option value="wan">{Unit::Wan.label(lang)}</option>
                    </select>
                </span>
            }
            .into_any()
        }
        kind => {
            let date = kind == FieldKind::Date;
            let numeric = matches!(kind, FieldKind::Year | FieldKind::Count);
            view! {
                <input
                    type=if date { "date" } else { "text" }
                    inputmode=numeric.then_some("numeric")
                    min=date.then_some("1949-01-01")
                    max=date.then_some("2100-12-31")
                    id=id.clone()
                    aria-describedby=described_by
                    aria-invalid=invalid
                    prop:value=initial
                    on:input=on_input
                />
            }
            .into_any()
        }
    };

    view! {
        <div class="field" class:has-error=move || problem.get().is_some()>
            <label for=id>{field.label(lang)}</label>
            {control}
            <p class="field-hint" id=hint_id hidden=move || hint.get().is_none()>{move || hint.get()}</p>
            <p class="field-error" id=error_id role="alert" hidden=move || problem.get().is_none()>{message}</p>
        </div>
    }
}

/// The city's published award, shown where the city award is still empty.
fn prefill_hint(state: AppState, field: Field, lang: Lang) -> Option<String> {
    if !matches!(field, Field::LittleGiantCityAward | Field::ChampionCityAward) {
        return None;
    }
    state.session.with(|s| {
        let Value::City(city) = s.form.get(Field::City) else { return None };
        if s.form.get(field).is_known() || !s.texts.get(&field).is_none_or(|t| t.trim().is_empty()) {
            return None;
        }
        let award = rules().prefill_award(city, field.section())?;
        Some(
            crate::i18n::ui(lang)
                .prefill_hint
                .replace("{city}", city.name(lang))
                .replace("{amount}", &format_yuan(award.amount, lang)),
        )
    })
}
