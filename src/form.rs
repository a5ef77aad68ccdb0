//! The form: the company section, the "which of these apply" questions, and one section per
//! programme family. Built from the engine's field catalogue; each control turns what is typed
//! into a profile edit and shows, next to itself, why a text does not read.
//!
//! The form is written as one escaped HTML string in one language (like the results), drawn again
//! when the language changes or the profile is replaced from outside; every text the user typed is
//! in the session, so nothing is lost. One delegated listener reads every edit, and one effect
//! shows each field's message and hint. As typed Leptos views, one reactive view per control, the
//! form was 33 KB of the page's 240 KB first load (gzip); written this way it is about 15 KB.
//! Controls are never rewritten while the user types: rewriting a date input's value mid-typing
//! resets its segments.

use crate::html::Html;
use crate::i18n::Ui;
use crate::state::{rules, use_state, AppState};
use leptos::prelude::*;
use subsidy_engine::city::City;
use subsidy_engine::fields::{Field, FieldKind, Section};
use subsidy_engine::input::{Location, ProfileError};
use subsidy_engine::money::{format_yuan, Unit};
use subsidy_engine::profile::Value;
use subsidy_engine::typed::{parse_typed, typed_text};
use subsidy_engine::Lang;
use wasm_bindgen::JsCast;
use web_sys::Element;

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
    let state = use_state();
    let markup = form_html(state, lang);
    // Messages, hints and which sections show follow the session (typing, and cross-field checks).
    Effect::new(move |_| {
        let problems = state.profile_problems.get();
        for &field in Field::ALL {
            show_status(field, status(state, field, lang, &problems));
        }
        for (section, _) in QUESTIONS {
            if let Some(fieldset) = document().get_element_by_id(&format!("section-{}", section.key())) {
                set_attr(&fieldset, "hidden", (!state.is_enabled(section)).then_some(""));
            }
        }
    });
    let edit = move |ev: leptos::ev::Event| on_edit(state, &ev);
    view! {
        <form class="profile-form" autocomplete="off" inner_html=markup on:submit=|ev| ev.prevent_default()
            on:input=edit on:change=edit></form>
    }
}

/// The DOM id of a field's control: `f-benchmark_project-investment`.
pub fn control_id(field: Field) -> String {
    format!("f-{}-{}", field.section().key(), field.key())
}

/// The field a control id names (`f-section-key`, section and key written with underscores).
fn field_of(id: &str) -> Option<Field> {
    let (section, key) = id.strip_prefix("f-")?.split_once('-')?;
    Field::from_path(&format!("{section}.{key}"))
}

/// One edit, whichever control it came from. `input` and `change` both land here; reading the
/// same text twice gives the same session, so a control firing both does no harm.
fn on_edit(state: AppState, ev: &leptos::ev::Event) {
    let Some(id) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()).map(|el| el.id()) else { return };
    if let Some(section) = id.strip_prefix("toggle-").and_then(Section::from_key) {
        state.set_enabled(section, event_target_checked(ev));
    } else if let Some(field) = id.strip_suffix("-unit").and_then(field_of) {
        let unit = if event_target_value(ev) == "wan" { Unit::Wan } else { Unit::Yuan };
        state.set_unit(field, unit);
        // The same digits in the new unit: "120" typed in 万元 means 1,200,000 yuan.
        let text = document()
            .get_element_by_id(&control_id(field))
            .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|input| input.value())
            .unwrap_or_default();
        read(state, field, text);
    } else if let Some(field) = field_of(&id) {
        read(state, field, event_target_value(ev));
    }
}

/// A text that reads becomes the field's value; one that does not is kept as a draft, and the
/// field counts as unknown until it reads.
fn read(state: AppState, field: Field, raw: String) {
    match parse_typed(field, &raw, state.unit(field)) {
        Ok(value) => state.set_value(field, raw, value),
        Err(_) => state.set_draft(field, raw),
    }
}

/// The text a field shows: what was typed into it, else its stored value. Tracked: the effect
/// that shows messages runs again when it changes.
fn current_text(state: AppState, field: Field) -> String {
    state.session.with(|s| {
        s.texts.get(&field).cloned().unwrap_or_else(|| typed_text(s.form.get(field), state.unit(field)))
    })
}

/// What a field says under itself: why its text does not read (or the profile's cross-field
/// problem with it), and the city's published award where that would fill it.
struct Status {
    message: Option<String>,
    hint: Option<String>,
}

fn status(state: AppState, field: Field, lang: Lang, problems: &[ProfileError]) -> Status {
    let at = Location::Field(field);
    let problem = parse_typed(field, &current_text(state, field), state.unit(field))
        .err()
        .or_else(|| problems.iter().find(|e| e.at == at).map(|e| e.problem.clone()));
    Status { message: problem.map(|p| p.message(lang, &at)), hint: prefill_hint(state, field, lang) }
}

/// Brings one field's message, hint and ARIA attributes up to date, touching only what changed:
/// setting an alert's text again would announce it again.
fn show_status(field: Field, status: Status) {
    let id = control_id(field);
    let by_id = |suffix: &str| document().get_element_by_id(&format!("{id}{suffix}"));
    let (Some(control), Some(error), Some(hint)) = (by_id(""), by_id("-error"), by_id("-hint")) else {
        return;
    };
    set_text(&error, status.message.as_deref());
    set_text(&hint, status.hint.as_deref());
    let described_by = described_by(&id, status.message.is_some(), status.hint.is_some());
    set_attr(&control, "aria-describedby", described_by.as_deref());
    set_attr(&control, "aria-invalid", status.message.is_some().then_some("true"));
    if let Ok(Some(wrapper)) = control.closest(".field") {
        set_attr(&wrapper, "class", Some(field_class(status.message.is_some())));
    }
}

fn set_text(element: &Element, text: Option<&str>) {
    if element.text_content().as_deref() != Some(text.unwrap_or("")) {
        element.set_text_content(text);
    }
    set_attr(element, "hidden", text.is_none().then_some(""));
}

fn set_attr(element: &Element, name: &str, value: Option<&str>) {
    if element.get_attribute(name).as_deref() != value {
        let _ = match value {
            Some(value) => element.set_attribute(name, value),
            None => element.remove_attribute(name),
        };
    }
}

fn described_by(id: &str, error: bool, hint: bool) -> Option<String> {
    let ids: Vec<String> = [(error, "error"), (hint, "hint")]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, suffix)| format!("{id}-{suffix}"))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

fn field_class(has_error: bool) -> &'static str {
    if has_error {
        "field has-error"
    } else {
        "field"
    }
}

/// The whole form in one language, with the session's texts, units and sections.
fn form_html(state: AppState, lang: Lang) -> String {
    let ui = crate::i18n::ui(lang);
    let mut html = Html::default();
    html.open("fieldset", &[("class", "section")]).el("legend", &[], ui.company_heading);
    for field in Section::Company.fields() {
        field_html(&mut html, state, field, lang);
    }
    html.close("fieldset");
    html.open("fieldset", &[("class", "section applies")]).el("legend", &[], ui.applies_heading).el(
        "p",
        &[("class", "hint")],
        ui.applies_hint,
    );
    for (section, question) in QUESTIONS {
        let id = format!("toggle-{}", section.key());
        let mut attrs = vec![("type", "checkbox"), ("id", id.as_str())];
        if state.is_enabled_untracked(section) {
            attrs.push(("checked", ""));
        }
        html.open("div", &[("class", "toggle")]).open("input", &attrs).el(
            "label",
            &[("for", id.as_str())],
            question(ui),
        );
        html.close("div");
    }
    html.close("fieldset");
    // Every section is written; those not switched on are hidden, and so out of the tab order.
    for (section, _) in QUESTIONS {
        let id = format!("section-{}", section.key());
        let mut attrs = vec![("class", "section"), ("id", id.as_str())];
        if !state.is_enabled_untracked(section) {
            attrs.push(("hidden", ""));
        }
        html.open("fieldset", &attrs).el("legend", &[], section.title(lang));
        for field in section.fields() {
            field_html(&mut html, state, field, lang);
        }
        html.close("fieldset");
    }
    html.finish()
}

/// One field: label, control, and room for its hint and message, which the form's effect fills
/// in (with the ARIA links to them) as soon as the form is mounted, and whenever they change.
fn field_html(html: &mut Html, state: AppState, field: Field, lang: Lang) {
    let ui = crate::i18n::ui(lang);
    let id = control_id(field);
    let text = untrack(|| current_text(state, field));

    html.open("div", &[("class", "field")]).el("label", &[("for", id.as_str())], field.label(lang));
    match field.kind() {
        FieldKind::Bool | FieldKind::Choice(_) | FieldKind::City => {
            let choices: Vec<(&str, &str)> = match field.kind() {
                FieldKind::Bool => vec![("true", ui.yes), ("false", ui.no)],
                FieldKind::City => City::ALL.iter().map(|c| (c.id(), c.name(lang))).collect(),
                _ => field.choices().iter().map(|c| (c.id, c.label(lang))).collect(),
            };
            let first = if field.kind() == FieldKind::Bool { ui.not_sure } else { ui.choose };
            html.open("select", &[("id", id.as_str())]);
            option(html, "", first, text.is_empty());
            for (value, label) in choices {
                option(html, value, label, text == value);
            }
            html.close("select");
        }
        FieldKind::Money => {
            let unit_id = format!("{id}-unit");
            let wan = state.unit(field) == Unit::Wan;
            let example = match (lang, wan) {
                (Lang::Zh, true) => "例如 1,200",
                (Lang::Zh, false) => "例如 12,000,000",
                (Lang::En, true) => "e.g. 1,200",
                (Lang::En, false) => "e.g. 12,000,000",
            };
            let input =
                [("type", "text"), ("inputmode", "decimal"), ("id", id.as_str()), ("value", text.as_str())];
            html.open("span", &[("class", "money")])
                .open("input", &[&input[..], &[("placeholder", example)]].concat())
                .el(
                    "label",
                    &[("class", "visually-hidden"), ("for", unit_id.as_str())],
                    &format!("{}（{}）", ui.unit, field.label(lang)),
                )
                .open("select", &[("id", unit_id.as_str())]);
            option(html, "yuan", Unit::Yuan.label(lang), !wan);
            option(html, "wan", Unit::Wan.label(lang), wan);
            html.close("select").close("span");
        }
        kind => {
            let mut attrs = vec![("type", if kind == FieldKind::Date { "date" } else { "text" })];
            if matches!(kind, FieldKind::Year | FieldKind::Count) {
                attrs.push(("inputmode", "numeric"));
            }
            if kind == FieldKind::Date {
                attrs.extend([("min", "1949-01-01"), ("max", "2100-12-31")]);
            }
            attrs.extend([("id", id.as_str()), ("value", text.as_str())]);
            html.open("input", &attrs);
        }
    }
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    html.el("p", &[("class", "field-hint"), ("id", hint_id.as_str()), ("hidden", "")], "");
    html.el(
        "p",
        &[("class", "field-error"), ("id", error_id.as_str()), ("role", "alert"), ("hidden", "")],
        "",
    );
    html.close("div");
}

fn option(html: &mut Html, value: &str, label: &str, selected: bool) {
    let mut attrs = vec![("value", value)];
    if selected {
        attrs.push(("selected", ""));
    }
    html.el("option", &attrs, label);
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
