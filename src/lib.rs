//! The web shell of the subsidy estimator: a Leptos page around the pure engine. The shell reads
//! the form, the clock and the browser's storage, and shows the engine's report; it does no
//! arithmetic of its own.

pub mod browser;
pub mod form;
pub mod i18n;
pub mod recovery;
pub mod results;
pub mod rules_view;
pub mod session;
pub mod state;
pub mod toolbar;

use leptos::prelude::*;
use session::{profile_from_fragment, Session, STORAGE_KEY};
use state::{use_state, AppState, Banner, Page};
use subsidy_engine::Lang;

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
    let lang = browser::query_lang().or(session.lang).or_else(browser::browser_lang).unwrap_or(Lang::Zh);
    let state = AppState::new(session, lang, browser::today());
    if let Some(key) = unreadable {
        state.banner.set(Some(Banner::StorageUnreadable(key)));
    }
    browser::register_service_worker();
    let fragment = browser::fragment();
    if let Some(result) = profile_from_fragment(&fragment) {
        state.open_link(result);
        browser::clear_fragment();
    } else if fragment == "#rules" {
        state.page.set(Page::Rules);
    } else if fragment == "#panic-test" {
        // A deliberate self-test of the safety net (the end-to-end tests use it): a panic after
        // mounting must show the recovery message, never a frozen page.
        request_animation_frame(|| panic!("panic test requested by #panic-test"));
    }
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
    // The sheet says when it was printed, whichever way printing was started.
    let _ = window_event_listener(leptos::ev::beforeprint, |_| {
        if let Some(element) = document().get_element_by_id("generated-at") {
            element.set_text_content(Some(&browser::now_text()));
        }
    });

    view! {
        <header class="app-header no-print">
            <h1>{move || state.ui().app_title}</h1>
            <p class="privacy">{move || state.ui().privacy}</p>
            <LanguageSwitch />
            <nav class="tabs" aria-label=move || state.ui().app_title>
                <TabButton page=Page::Estimate label=|u| u.tab_estimate />
                <TabButton page=Page::Rules label=|u| u.tab_rules />
            </nav>
        </header>
        <BannerView />
        <main id="main">
            {move || match state.page.get() {
                Page::Estimate => view! {
                    <div class="layout">
                        <div class="form-column no-print">
                            <toolbar::Toolbar />
                            <form::ProfileForm />
                        </div>
                        <results::Results />
                    </div>
                }.into_any(),
                Page::Rules => view! { <rules_view::RulesView /> }.into_any(),
            }}
        </main>
        <AppFooter />
    }
}

#[component]
fn AppFooter() -> impl IntoView {
    let state = use_state();
    let rules = state::rules();
    view! {
        <footer class="app-footer no-print">
            <p>{move || state.ui().privacy}" "{move || format!("{} {} · {}", state.ui().sheet_rule_set, rules.version, rules.title.get(state.lang.get()))}</p>
            {browser::served_over_http().then(|| view! {
                <p><a href="estimator.html" download="estimator.html">{move || state.ui().single_file}</a>" "{move || state.ui().single_file_hint}</p>
            })}
        </footer>
    }
}

#[component]
fn TabButton(page: Page, label: fn(&i18n::Ui) -> &'static str) -> impl IntoView {
    let state = use_state();
    view! {
        <button type="button" class="tab" aria-pressed=move || (state.page.get() == page).to_string()
            on:click=move |_| state.page.set(page)>{move || label(state.ui())}</button>
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let state = use_state();
    let button = move |lang: Lang, text: &'static str| {
        view! {
            <button type="button" lang=lang.tag() aria-pressed=move || (state.lang.get() == lang).to_string()
                on:click=move |_| state.lang.set(lang)>{text}</button>
        }
    };
    view! {
        <div class="language" role="group" aria-label=move || state.ui().language>
            {button(Lang::Zh, "中文")}
            {button(Lang::En, "English")}
        </div>
    }
}

#[component]
fn BannerView() -> impl IntoView {
    let state = use_state();
    move || {
        let ui = state.ui();
        state.banner.get().map(|banner| {
            let (class, text, details, restore) = match banner {
                Banner::Imported => ("banner ok", ui.imported.to_string(), Vec::new(), false),
                Banner::ImportFailed(errors) => ("banner error", ui.import_failed.to_string(), errors, false),
                Banner::StorageUnreadable(key) => ("banner error", ui.storage_unreadable.replace("{key}", &key), Vec::new(), false),
                Banner::LinkLoaded { previous_kept } => ("banner ok", ui.link_loaded.to_string(), Vec::new(), previous_kept),
                Banner::LinkBroken(errors) => ("banner error", ui.link_broken.to_string(), errors, false),
            };
            view! {
                <div class=format!("{class} no-print") role="alert">
                    <p>{text}</p>
                    {(!details.is_empty()).then(|| view! { <ul>{details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul> })}
                    {restore.then(|| view! { <button type="button" on:click=move |_| state.restore_before_link()>{ui.restore_previous}</button> })}
                    <button type="button" on:click=move |_| state.banner.set(None)>{ui.dismiss}</button>
                </div>
            }
        })
    }
}
