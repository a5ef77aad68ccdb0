//! The web shell of the subsidy estimator: a Leptos page around the pure engine. The shell reads
//! the form, the clock and the browser's storage, and shows the engine's report; it does no
//! arithmetic of its own.

pub mod b64;
pub mod browser;
pub mod first_screen;
pub mod form;
pub mod html;
pub mod i18n;
pub mod recovery;
pub mod results;
pub mod rules_page;
pub mod rules_view;
pub mod seal;
pub mod session;
pub mod share_link;
pub mod state;
pub mod toolbar;

use leptos::prelude::*;
use session::{Session, STORAGE_KEY};
use share_link::profile_from_fragment;
use state::{use_state, AppState, Banner, Page};
use subsidy_engine::Lang;

/// Whether the page must have every pack before it reads what the browser holds: a stored session
/// with answers, or a share link (they may answer a city's questions), or a reader of English (the
/// page carries Chinese texts only). A first visit in Chinese starts without them.
pub fn needs_place_packs_first() -> bool {
    let stored = browser::load(STORAGE_KEY).map(|text| Session::from_json(&text));
    let answers = stored.as_ref().is_some_and(|s| s.as_ref().map_or(true, |s| !s.is_empty()));
    let lang = start_lang(stored.and_then(|s| s.ok()).and_then(|s| s.lang));
    answers || lang == Lang::En || browser::fragment().starts_with("#profile=")
}

/// The language to start in: the address's `?lang=`, else the one last used, else the browser's.
fn start_lang(stored: Option<Lang>) -> Lang {
    browser::query_lang().or(stored).or_else(browser::browser_lang).unwrap_or(Lang::Zh)
}

/// Reads what the browser holds (stored session, link, language) into the initial state.
pub fn start() -> AppState {
    let (session, unreadable) = match browser::load(STORAGE_KEY) {
        None => (Session::new(None), None),
        Some(text) => match Session::from_json(&text) {
            Ok(session) => (session, None),
            Err(_) => {
                // Never overwrite what cannot be read: move it aside and say where.
                let key = format!("{STORAGE_KEY}-unreadable-{}", js_sys::Date::now() as u64);
                browser::store(&key, &text);
                (Session::new(None), Some(key))
            }
        },
    };
    let lang = start_lang(session.lang);
    let state = AppState::new(session, lang, browser::today());
    if let Some(key) = unreadable {
        state.banner.set(Some(Banner::StorageUnreadable(key)));
    }
    browser::register_service_worker();
    let fragment = browser::fragment();
    if let Some(result) = profile_from_fragment(&fragment) {
        let opened = result.is_ok();
        state.open_link(result);
        if opened {
            seal::opened(state, share_link::saved_in_fragment(&fragment));
        }
        browser::clear_fragment();
    } else if fragment == "#rules" {
        state.page.set(Page::Rules);
    } else if fragment == "#panic-test" {
        // A deliberate self-test of the safety net (the end-to-end tests use it): a panic after
        // mounting must show the recovery message, never a frozen page.
        request_animation_frame(|| panic!("panic test requested by #panic-test"));
    }
    // What was typed into the first screen before the wasm started, on top of what was stored.
    first_screen::take_over(state);
    state
}

#[component]
pub fn App() -> impl IntoView {
    let state = start();
    provide_context(state);
    // Autosave: every change of the form is written at once, so a reload or a closed tab loses
    // nothing. The language is saved with it.
    Effect::new(move |_| {
        let lang = state.lang.get();
        let session = state.session.with(|s| Session { lang: Some(lang), ..s.clone() });
        browser::store(STORAGE_KEY, &session.to_json());
    });
    Effect::new(move |_| {
        let lang = state.lang.get();
        browser::set_document_lang(lang);
        browser::set_title(i18n::ui(lang).app_title);
    });
    // The sheet says when it was printed, whichever way printing was started (the browser's own
    // menu included), not when the results were last drawn.
    let _ = window_event_listener(leptos::ev::beforeprint, |_| {
        if let Some(element) = document().get_element_by_id("generated-at") {
            element.set_text_content(Some(&browser::now_text()));
        }
    });

    // The city and district packs, after the first results; the form is drawn again with them.
    if !state::has_place_packs() {
        leptos::task::spawn_local(async move {
            if state::load_place_packs().await {
                state.place_packs_arrived();
            }
        });
    }

    view! {
        <a class="skip-link no-print" href="#results-heading">{move || state.ui().skip_to_results}</a>
        <header class="app-header no-print">
            // Drawn again in the other language when it changes; see form.rs for why.
            {move || {
                let ui = state.ui();
                view! {
                    <h1>{ui.app_title}</h1>
                    <p class="privacy">{ui.privacy}</p>
                    <LanguageSwitch label=ui.language />
                    <nav class="tabs" aria-label=ui.app_title>
                        <TabButton page=Page::Estimate label=ui.tab_estimate />
                        <TabButton page=Page::Rules label=ui.tab_rules />
                    </nav>
                }
            }}
        </header>
        <BannerView />
        <main id="main">
            {move || {
                // Drawn anew in another language, and when the form is replaced from outside
                // (import, link, start over) so that every control shows the new values.
                let lang = state.lang.get();
                state.revision.track();
                match state.page.get() {
                    Page::Estimate => view! {
                        <div class="layout">
                            <div class="form-column no-print" on:focusin=|ev| browser::keep_clear_of_bar(&ev)>
                                <toolbar::Toolbar lang />
                                <form::ProfileForm lang />
                                <results::ResultsBar lang />
                            </div>
                            <results::Results lang />
                        </div>
                    }.into_any(),
                    Page::Rules => view! { <rules_view::RulesView lang /> }.into_any(),
                }
            }}
        </main>
        // Drawn again when the city and district packs arrive (they bump the revision).
        <footer class="app-footer no-print" inner_html=move || {
            state.revision.track();
            footer_html(state.lang.get())
        }></footer>
    }
}

/// The page's foot: that it runs on the device, the packs' versions, and (when served) the
/// single file to download.
fn footer_html(lang: Lang) -> String {
    let ui = i18n::ui(lang);
    let packs: Vec<String> = state::library()
        .packs
        .iter()
        .filter(|p| !p.programmes.is_empty())
        .map(|p| format!("{} {}", p.place.get(lang), p.version))
        .collect();
    let mut h = html::Html::default();
    h.el("p", &[], &format!("{} {}: {}", ui.privacy, ui.sheet_rule_set, packs.join(" · ")));
    if browser::served_over_http() {
        h.open("p", &[])
            .el("a", &[("href", "estimator.html"), ("download", "estimator.html")], ui.single_file)
            .text(" ")
            .text(ui.single_file_hint)
            .close("p");
    }
    h.finish()
}

#[component]
fn TabButton(page: Page, label: &'static str) -> impl IntoView {
    let state = use_state();
    view! {
        <button type="button" class="tab" aria-pressed=move || (state.page.get() == page).to_string()
            on:click=move |_| state.page.set(page)>{label}</button>
    }
}

#[component]
fn LanguageSwitch(label: &'static str) -> impl IntoView {
    let state = use_state();
    let button = move |lang: Lang, text: &'static str| {
        view! {
            <button type="button" lang=lang.tag() aria-pressed=(state.lang.get_untracked() == lang).to_string()
                on:click=move |_| switch_language(state, lang)>{text}</button>
        }
    };
    view! {
        <div class="language" role="group" aria-label=label>
            {button(Lang::Zh, "中文")}
            {button(Lang::En, "English")}
        </div>
    }
}

/// English needs the packs loaded after the first results (the page carries Chinese only): when
/// they have not arrived yet, the switch waits for them. Without them (offline, never cached) the
/// page's own words switch and the rule texts stay Chinese.
fn switch_language(state: AppState, lang: Lang) {
    if lang == Lang::Zh || state::has_place_packs() {
        state.lang.set(lang);
        return;
    }
    leptos::task::spawn_local(async move {
        if state::load_place_packs().await {
            state.place_packs_arrived();
        }
        state.lang.set(lang);
    });
}

#[component]
fn BannerView() -> impl IntoView {
    let state = use_state();
    // One piece of markup, its buttons acting through one listener: a typed view per banner kind
    // cost the first load 1 KB more.
    let markup = move || {
        let ui = state.ui();
        let Some(banner) = state.banner.get() else { return String::new() };
        let (class, text, details, restore) = match banner {
            Banner::Imported => ("banner ok no-print", ui.imported.to_string(), Vec::new(), false),
            Banner::ImportFailed(errors) => {
                ("banner error no-print", ui.import_failed.to_string(), errors, false)
            }
            Banner::StorageUnreadable(key) => {
                ("banner error no-print", ui.storage_unreadable.replace("{key}", &key), Vec::new(), false)
            }
            Banner::LinkLoaded { previous_kept } => {
                ("banner ok no-print", ui.link_loaded.to_string(), Vec::new(), previous_kept)
            }
            Banner::LinkBroken(errors) => {
                ("banner error no-print", ui.link_broken.to_string(), errors, false)
            }
        };
        let mut h = html::Html::default();
        h.open("div", &[("class", class), ("role", "alert")]).el("p", &[], &text);
        if !details.is_empty() {
            h.open("ul", &[]);
            for d in &details {
                h.el("li", &[], d);
            }
            h.close("ul");
        }
        if restore {
            h.el("button", &[("type", "button"), ("id", "banner-restore")], ui.restore_previous);
        }
        h.el("button", &[("type", "button"), ("id", "banner-dismiss")], ui.dismiss).close("div");
        h.finish()
    };
    view! {
        <div class="banners" inner_html=markup on:click=move |ev| match browser::target_id(&ev).as_str() {
            "banner-restore" => state.restore_before_link(),
            "banner-dismiss" => state.banner.set(None),
            _ => {}
        }></div>
    }
}
