//! What a user does with the whole profile: print, export, import, share, start over.

use crate::browser;
use crate::html::Html;
use crate::i18n::Ui;
use crate::session::Session;
use crate::state::{use_state, Banner};
use leptos::prelude::*;
use leptos::task::spawn_local;
use subsidy_engine::fingerprint::file_json;
use wasm_bindgen::JsCast;

/// Larger files are refused before reading: a profile is a few kilobytes.
const MAX_IMPORT_BYTES: f64 = 1_000_000.0;

/// The share panel: the warning and the link; or why a page opened from a
/// file cannot make a link, and the export instead. Nothing before the button is pressed.
fn share_html(shared: Option<Shared>, ui: &Ui) -> String {
    let mut h = Html::default();
    match shared {
        None => {}
        Some(Shared::NeedsServedPage) => {
            h.open("div", &[("class", "share"), ("role", "status")])
                .el("p", &[("class", "warning")], ui.share_needs_served_page)
                .el("button", &[("type", "button"), ("id", "share-export")], ui.export)
                .close("div");
        }
        Some(Shared::Link(link)) => {
            h.open("div", &[("class", "share")])
                .el("p", &[("class", "warning")], ui.share_warning)
                .el("label", &[("for", "share-link")], ui.share_link_label)
                .open("input", &[("id", "share-link"), ("type", "text"), ("readonly", ""), ("value", &link)])
                .close("div");
        }
    }
    h.finish()
}

/// What the share button gave.
#[derive(Clone, PartialEq)]
enum Shared {
    Link(String),
    /// The page is a file (file://): a link to it opens nowhere else.
    NeedsServedPage,
}

#[component]
pub fn Toolbar(lang: subsidy_engine::Lang) -> impl IntoView {
    let state = use_state();
    let ui = crate::i18n::ui(lang);
    let shared = RwSignal::new(None::<Shared>);
    let copied = RwSignal::new(None::<bool>);

    let export = move |_| {
        let profile = state.profile();
        // The company's name: the first text answer of the questions always asked.
        let library = crate::state::library();
        let name = library
            .fields()
            .filter(|f| !library.topic(library.topic_of(*f)).is_optional())
            .find_map(|f| match profile.get(f) {
                subsidy_engine::profile::Value::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .unwrap_or_else(|| "profile".into());
        let file =
            format!("{}-{}.json", name.replace(['/', '\\', ':', ' '], "_"), state.as_of.get_untracked());
        // With the as-of date and rule versions, so that the sheet's fingerprint can be checked.
        let json = file_json(&profile, library, state.as_of.get_untracked());
        browser::download(&file, &json, "application/json");
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        // Choosing the same file again must fire `change` again.
        input.set_value("");
        if file.size() > MAX_IMPORT_BYTES {
            // Tenths of a megabyte, in integers: no float formatting in the wasm.
            let tenths = (file.size() / 100_000.0) as u64;
            let size = format!("{}.{} MB", tenths / 10, tenths % 10);
            let message = ui.import_too_large.replace("{size}", &size);
            state.banner.set(Some(Banner::ImportFailed(vec![message])));
            return;
        }
        spawn_local(async move {
            match browser::read_file(file).await {
                Ok(text) => state.import(&text),
                Err(e) => state.banner.set(Some(Banner::ImportFailed(vec![e]))),
            }
        });
    };
    let share = move |_| {
        // A file:// address opens nowhere else: say so, and offer the export instead.
        if !browser::served_over_http() {
            shared.set(Some(Shared::NeedsServedPage));
            return;
        }
        let link = crate::seal::share_link(&state.profile(), state.as_of.get_untracked());
        shared.set(Some(Shared::Link(link.clone())));
        copied.set(None);
        spawn_local(async move { copied.set(Some(browser::copy(link).await)) });
    };
    let start_over = move |_| {
        if browser::confirm(ui.start_over_confirm) {
            state.replace(Session::new(None));
            shared.set(None);
            copied.set(None);
        }
    };

    view! {
        <div class="toolbar no-print" role="group" aria-label=ui.export>
            <button type="button" on:click=export>{ui.export}</button>
            // Not a tab stop: the label below is the control (it opens the chooser on Enter and Space).
            <input type="file" id="import-file" class="visually-hidden" tabindex="-1" accept=".json,application/json" on:change=import />
            <label for="import-file" class="button" tabindex="0"
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" || ev.key() == " " {
                        ev.prevent_default();
                        if let Some(input) = document().get_element_by_id("import-file") {
                            if let Ok(input) = input.dyn_into::<web_sys::HtmlElement>() { input.click(); }
                        }
                    }
                }>{ui.import}</label>
            <button type="button" on:click=share>{ui.share}</button>
            <button type="button" on:click=start_over>{ui.start_over}</button>
        </div>
        // What sharing gave, as one piece of markup (one reactive view fewer per state: 1 KB of
        // the first load): the link to copy, or on a page opened from a file why a link would
        // not open, with the export in its place. Its button and field act through this listener.
        <div class="no-print" inner_html=move || share_html(shared.get(), ui)
            on:click=move |ev| if browser::target_id(&ev) == "share-export" { export(ev) }
            on:focusin=|ev: leptos::ev::FocusEvent| {
                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) { input.select(); }
            }></div>
        // Outside the markup above, so that it is there before its words change and is announced.
        <p class="share-status no-print" role="status">{move || match copied.get() {
            Some(true) => ui.share_copied,
            Some(false) => ui.share_copy_manually,
            None => "",
        }}</p>
    }
}
