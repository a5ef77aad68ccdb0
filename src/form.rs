//! The form: the questions always asked (the company), the "which of these apply" switches, and
//! one section per topic. Built from the packs' questions: a pack's questions are shown only when
//! the pack applies to the company (its city, its district), a question with `ask_when` only when
//! that holds. Each control turns what is typed into a profile edit and shows, next to itself, why
//! a text does not read.
//!
//! The form is written as one escaped HTML string in one language (like the results), drawn again
//! when the language changes or the profile is replaced from outside; every text the user typed is
//! in the session, so nothing is lost. One delegated listener reads every edit, and one effect
//! shows each field's message and hint. As typed Leptos views, one reactive view per control, the
//! form was 33 KB of the page's 240 KB first load (gzip); written this way it is about 15 KB.
//! Controls are never rewritten while the user types: rewriting a date input's value mid-typing
//! resets its segments.

use crate::html::Html;
use crate::state::{library, use_state, AppState};
use leptos::prelude::*;
use subsidy_engine::evaluate::{is_asked, pack_applies, prefill_for};
use subsidy_engine::explain::range_text;
use subsidy_engine::fields::{Field, FieldKind, TopicId};
use subsidy_engine::input::{Location, ProfileError};
use subsidy_engine::money::{format_yuan, Unit};
use subsidy_engine::profile::{NewValue, Profile, Value};
use subsidy_engine::rules::{Level, Library, Pack};
use subsidy_engine::typed::{parse_typed, typed_text};
use subsidy_engine::{Date, Lang};
use wasm_bindgen::JsCast;
use web_sys::Element;

#[component]
pub fn ProfileForm(lang: Lang) -> impl IntoView {
    let state = use_state();
    let markup = form_html(state, lang);
    // Messages, hints and what shows follow the session (typing, cross-field checks, the city).
    Effect::new(move |_| {
        let problems = state.profile_problems.get();
        let as_of = state.as_of.get();
        let profile = state.session.with(|s| s.profile(as_of));
        let library = library();
        // Only what can be seen: a question of a pack that does not concern the company, or of a
        // topic switched off, is hidden, and is brought up to date when it shows (which changes
        // the session, so this runs again). With every city's pack loaded this is most of them.
        for field in library.fields().filter(|f| shown(state, library, &profile, as_of, *f)) {
            show_status(field, status(state, field, lang, &problems, &profile, as_of));
        }
        show_what_applies(state, library, &profile, as_of);
    });
    let edit = move |ev: leptos::ev::Event| on_edit(state, &ev);
    view! {
        <form class="profile-form" autocomplete="off" inner_html=markup on:submit=|ev| ev.prevent_default()
            on:input=edit on:change=edit></form>
    }
}

/// Whether a question's section is shown: its pack concerns the company and its topic is on.
fn shown(state: AppState, library: &Library, profile: &Profile, as_of: Date, field: Field) -> bool {
    let topic = library.topic_of(field);
    (!library.topic(topic).is_optional() || state.is_enabled(topic))
        && pack_applies(library.pack_of(field), profile, as_of)
}

/// Shows the packs, topics, questions and choices that concern this company, hides the rest.
fn show_what_applies(state: AppState, library: &Library, profile: &Profile, as_of: Date) {
    let by_id = |id: &str| document().get_element_by_id(id);
    for pack in library.packs.iter().filter(|p| has_switches(library, p)) {
        if let Some(group) = by_id(&format!("pack-switches-{}", pack.id)) {
            set_attr(&group, "hidden", (!pack_applies(pack, profile, as_of)).then_some(""));
        }
    }
    for topic in library.topic_ids().filter(|t| library.topic(*t).is_optional()) {
        let shown = state.is_enabled(topic) && pack_applies(library.pack_of_topic(topic), profile, as_of);
        if let Some(fieldset) = by_id(&format!("section-{}", library.topic(topic).id)) {
            set_attr(&fieldset, "hidden", (!shown).then_some(""));
        }
    }
    for field in library.fields() {
        let question = library.question(field);
        if question.ask_when.is_some() {
            if let Some(wrapper) = by_id(&format!("{}-field", control_id(library, field))) {
                set_attr(&wrapper, "hidden", (!is_asked(profile, library, field, as_of)).then_some(""));
            }
        }
        if let Some(parent) = &question.choices_within {
            let Some(select) = by_id(&control_id(library, field)) else { continue };
            let chosen = match profile.get(parent.field) {
                Value::Choice(id) => id.to_string(),
                _ => String::new(),
            };
            let options = select.query_selector_all("option[data-within]");
            for i in 0..options.as_ref().map_or(0, |o| o.length()) {
                let Some(option) =
                    options.as_ref().ok().and_then(|o| o.item(i)).and_then(|n| n.dyn_into::<Element>().ok())
                else {
                    continue;
                };
                let within = option.get_attribute("data-within").unwrap_or_default();
                set_attr(&option, "hidden", (within != chosen).then_some(""));
            }
        }
    }
}

/// The DOM id of a field's control: `f-benchmark_project-investment` for `benchmark_project.investment`.
pub fn control_id(library: &Library, field: Field) -> String {
    format!("f-{}", library.question(field).id.replace('.', "-"))
}

/// The field a control id names.
fn field_of(library: &Library, id: &str) -> Option<Field> {
    let rest = id.strip_prefix("f-")?;
    library.fields().find(|f| library.question(*f).id.replace('.', "-") == rest)
}

/// One edit, whichever control it came from. `input` and `change` both land here; reading the
/// same text twice gives the same session, so a control firing both does no harm.
fn on_edit(state: AppState, ev: &leptos::ev::Event) {
    if let Some(control) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) {
        apply_control(state, &control);
    }
}

/// Reads one control of the form (a topic's switch, a field, a field's unit) into the session:
/// what an edit does, and what the app does with the first screen's controls when it starts.
pub fn apply_control(state: AppState, control: &Element) {
    let prop = |name: &str| js_sys::Reflect::get(control, &wasm_bindgen::JsValue::from_str(name)).ok();
    let value = || prop("value").and_then(|v| v.as_string()).unwrap_or_default();
    let id = control.id();
    let library = library();
    if let Some(topic) = id.strip_prefix("toggle-").and_then(|t| library.topic_id(t)) {
        state.set_enabled(topic, prop("checked").and_then(|v| v.as_bool()).unwrap_or(false));
    } else if let Some(field) = id.strip_suffix("-unit").and_then(|c| field_of(library, c)) {
        let unit = if value() == "wan" { Unit::Wan } else { Unit::Yuan };
        state.set_unit(field, unit);
        // The same digits in the new unit: "120" typed in 万元 means 1,200,000 yuan.
        let text = document()
            .get_element_by_id(&control_id(library, field))
            .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|input| input.value())
            .unwrap_or_default();
        read(state, field, text);
    } else if let Some(field) = field_of(library, &id) {
        read(state, field, value());
    }
}

/// A text that reads becomes the field's value; one that does not is kept as a draft, and the
/// field counts as unknown until it reads.
fn read(state: AppState, field: Field, raw: String) {
    match parse_typed(library().question(field), &raw, state.unit(field)) {
        Ok(value) => state.set_value(field, raw, value),
        Err(_) => state.set_draft(field, raw),
    }
}

/// The text a field shows: what was typed into it, else its stored value. Tracked: the effect
/// that shows messages runs again when it changes.
fn current_text(state: AppState, field: Field) -> String {
    state.session.with(|s| {
        s.texts.get(&field).cloned().unwrap_or_else(|| typed_text(s.form.stored(field), state.unit(field)))
    })
}

/// What a field says under itself: why its text does not read (or the profile's cross-field
/// problem with it), the published figure that would fill it, and for money how the text was read.
struct Status {
    message: Option<String>,
    hint: Option<String>,
    read_back: Option<String>,
}

fn status(
    state: AppState,
    field: Field,
    lang: Lang,
    problems: &[ProfileError],
    profile: &Profile,
    as_of: Date,
) -> Status {
    let library = library();
    let at = Location::Field(field);
    let question = library.question(field);
    let parsed = parse_typed(question, &current_text(state, field), state.unit(field));
    // "300" beside 万元 is 3,000,000 yuan: said as the user types, before any result uses it.
    let read_back = match (question.kind, &parsed) {
        (FieldKind::Money, Ok(NewValue::Money(amount))) => Some(format_yuan(*amount, lang)),
        (FieldKind::Money, Ok(NewValue::Range { low, high })) => {
            Some(range_text(format_yuan(*low, lang), format_yuan(*high, lang)))
        }
        _ => None,
    };
    let problem = parsed.err().or_else(|| problems.iter().find(|e| e.at == at).map(|e| e.problem.clone()));
    Status {
        read_back: read_back.filter(|_| problem.is_none()).map(|text| format!("= {text}")),
        message: problem.map(|p| p.message(lang, Some(question.kind))),
        hint: prefill_hint(state, field, lang, profile, as_of),
    }
}

/// Brings one field's message, hint and ARIA attributes up to date, touching only what changed:
/// setting an alert's text again would announce it again.
fn show_status(field: Field, status: Status) {
    let id = control_id(library(), field);
    let by_id = |suffix: &str| document().get_element_by_id(&format!("{id}{suffix}"));
    let (Some(control), Some(error), Some(hint)) = (by_id(""), by_id("-error"), by_id("-hint")) else {
        return;
    };
    set_text(&error, status.message.as_deref());
    set_text(&hint, status.hint.as_deref());
    // Only money fields have one.
    if let Some(read) = by_id("-read") {
        set_text(&read, status.read_back.as_deref());
    }
    let described_by =
        described_by(&id, status.message.is_some(), status.hint.is_some(), status.read_back.is_some());
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

fn described_by(id: &str, error: bool, hint: bool, read: bool) -> Option<String> {
    let ids: Vec<String> = [(read, "read"), (error, "error"), (hint, "hint")]
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

/// Whether a pack has topics the company switches on.
fn has_switches(library: &Library, pack: &Pack) -> bool {
    library
        .topic_ids()
        .any(|t| library.topic(t).is_optional() && std::ptr::eq(library.pack_of_topic(t), pack))
}

/// The whole form in one language, with the session's texts, units and topics. Every pack's
/// questions are written; those that do not concern the company are hidden (and so out of the tab
/// order) by the form's effect.
fn form_html(state: AppState, lang: Lang) -> String {
    let ui = crate::i18n::ui(lang);
    let library = library();
    let topics: Vec<TopicId> = library.topic_ids().collect();
    let mut html = Html::default();
    // Leptos redraws in place and leaves `inner_html` alone when the markup is the same string:
    // after "start over" the empty form's markup equals the first one's, while the controls hold
    // what was typed since. The revision makes each drawing's markup its own.
    html.raw(&format!("<!--form revision {}-->", state.revision.get_untracked()));
    for &topic in topics.iter().filter(|t| !library.topic(**t).is_optional()) {
        html.open("fieldset", &[("class", "section")]).el(
            "legend",
            &[],
            library.topic(topic).title.get(lang),
        );
        for field in library.fields_of(topic) {
            field_html(&mut html, state, field, lang);
        }
        html.close("fieldset");
    }
    html.open("fieldset", &[("class", "section applies")]).el("legend", &[], ui.applies_heading).el(
        "p",
        &[("class", "hint")],
        ui.applies_hint,
    );
    for pack in library.packs.iter().filter(|p| has_switches(library, p)) {
        let group = format!("pack-switches-{}", pack.id);
        html.open("div", &[("class", "pack-switches"), ("id", group.as_str())]);
        if pack.level != Level::Common {
            let heading = format!("{} · {}", pack.place.get(lang), pack.title.get(lang));
            html.el("p", &[("class", "pack-heading")], &heading);
        }
        for &topic in topics.iter().filter(|t| std::ptr::eq(library.pack_of_topic(**t), pack)) {
            let t = library.topic(topic);
            let Some(ask) = &t.ask else { continue };
            let id = format!("toggle-{}", t.id);
            let mut attrs = vec![("type", "checkbox"), ("id", id.as_str())];
            if state.is_enabled_untracked(topic) {
                attrs.push(("checked", ""));
            }
            html.open("div", &[("class", "toggle")]).open("input", &attrs).el(
                "label",
                &[("for", id.as_str())],
                ask.get(lang),
            );
            html.close("div");
        }
        html.close("div");
    }
    html.close("fieldset");
    for &topic in topics.iter().filter(|t| library.topic(**t).is_optional()) {
        let t = library.topic(topic);
        let id = format!("section-{}", t.id);
        html.open("fieldset", &[("class", "section"), ("id", id.as_str()), ("hidden", "")]);
        html.el("legend", &[], t.title.get(lang));
        if let Some(help) = &t.help {
            html.el("p", &[("class", "hint")], help.get(lang));
        }
        for field in library.fields_of(topic) {
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
    let library = library();
    let question = library.question(field);
    let id = control_id(library, field);
    let text = untrack(|| current_text(state, field));
    let wrapper_id = format!("{id}-field");
    let label = question.label.get(lang);

    let mut wrapper = vec![("class", "field"), ("id", wrapper_id.as_str())];
    if question.ask_when.is_some() {
        // Shown by the form's effect when the question is asked of this company.
        wrapper.push(("hidden", ""));
    }
    html.open("div", &wrapper).el("label", &[("for", id.as_str())], label);
    match question.kind {
        FieldKind::Bool | FieldKind::Choice => {
            let first = if question.kind == FieldKind::Bool { ui.not_sure } else { ui.choose };
            html.open("select", &[("id", id.as_str())]);
            option(html, "", first, text.is_empty(), None);
            if question.kind == FieldKind::Bool {
                option(html, "true", ui.yes, text == "true", None);
                option(html, "false", ui.no, text == "false", None);
            }
            for choice in &question.choices {
                option(html, &choice.id, choice.label.get(lang), text == choice.id, choice.within.as_deref());
            }
            html.close("select");
        }
        FieldKind::Money => {
            let unit_id = format!("{id}-unit");
            let wan = state.unit(field) == Unit::Wan;
            // A range is fine too. No numeric `inputmode`: a phone's number pad has no dash or
            // tilde to type one with.
            let example = match (lang, wan) {
                (Lang::Zh, true) => "例如 1,200，或范围 200–300",
                (Lang::Zh, false) => "例如 12,000,000，或范围 200万–300万",
                (Lang::En, true) => "e.g. 1,200, or a range such as 200–300",
                (Lang::En, false) => "e.g. 12,000,000, or a range such as 2,000,000–3,000,000",
            };
            let input = [("type", "text"), ("id", id.as_str()), ("value", text.as_str())];
            html.open("span", &[("class", "money")])
                .open("input", &[&input[..], &[("placeholder", example)]].concat())
                .el(
                    "label",
                    &[("class", "visually-hidden"), ("for", unit_id.as_str())],
                    &format!("{}（{}）", ui.unit, label),
                )
                .open("select", &[("id", unit_id.as_str())]);
            option(html, "yuan", Unit::Yuan.label(lang), !wan, None);
            option(html, "wan", Unit::Wan.label(lang), wan, None);
            html.close("select").close("span");
            let read_id = format!("{id}-read");
            html.el("p", &[("class", "read-back"), ("id", read_id.as_str()), ("hidden", "")], "");
        }
        kind => {
            let mut attrs = vec![("type", if kind == FieldKind::Date { "date" } else { "text" })];
            // A count may be a range (`150–250`), which a number pad cannot type.
            if kind == FieldKind::Year {
                attrs.push(("inputmode", "numeric"));
            }
            if kind == FieldKind::Count {
                attrs.push((
                    "placeholder",
                    lang.pick("例如 180，或范围 150–250", "e.g. 180, or a range such as 150–250"),
                ));
            }
            if kind == FieldKind::Date {
                attrs.extend([("min", "1949-01-01"), ("max", "2100-12-31")]);
            }
            attrs.extend([("id", id.as_str()), ("value", text.as_str())]);
            match &question.unit {
                Some(unit) => {
                    html.open("span", &[("class", "with-unit")]).open("input", &attrs);
                    html.el("span", &[("class", "unit")], unit.get(lang)).close("span");
                }
                None => {
                    html.open("input", &attrs);
                }
            }
        }
    }
    if let Some(help) = &question.help {
        html.el("p", &[("class", "hint")], help.get(lang));
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

fn option(html: &mut Html, value: &str, label: &str, selected: bool, within: Option<&str>) {
    let mut attrs = vec![("value", value)];
    if selected {
        attrs.push(("selected", ""));
    }
    if let Some(within) = within {
        attrs.push(("data-within", within));
    }
    html.el("option", &attrs, label);
}

/// The published figure assumed where a money question is still empty (a city's award). `profile`
/// is what the engine sees, computed once by the form's effect for every field.
fn prefill_hint(state: AppState, field: Field, lang: Lang, profile: &Profile, as_of: Date) -> Option<String> {
    let library = library();
    if library.kind(field) != FieldKind::Money {
        return None;
    }
    let typed = state.session.with(|s| {
        s.form.stored(field).is_known() || !s.texts.get(&field).is_none_or(|t| t.trim().is_empty())
    });
    if typed {
        return None;
    }
    let prefill = prefill_for(profile, library, as_of, field)?;
    let source = library.prefill_document(prefill).map_or(String::new(), |d| d.name(lang).to_string());
    Some(
        crate::i18n::ui(lang)
            .prefill_hint
            .replace("{source}", &source)
            .replace("{amount}", &format_yuan(prefill.amount, lang)),
    )
}
