//! The Rules tab: every pack as a reviewer reads it. Its HTML is written at build time, in both
//! languages, by `src/bin/rules-pages.rs` (`rules_page.rs`), beside the page (named in
//! `<meta name="rules-pages">`) or inline in the single file; the tab fetches it when it opens, so
//! that the code that writes it is not in the page's first load.

use crate::browser;
use crate::html::Html;
use crate::i18n::Ui;
use leptos::prelude::*;
use std::cell::RefCell;
use subsidy_engine::Lang;

/// The id of the file's `<meta>` (served page) and of its inline copy (single file).
pub const RULES_PAGES: &str = "rules-pages";

thread_local! {
    /// The file once fetched: switching tabs or languages does not fetch it again.
    static PAGES: RefCell<Option<Vec<u8>>> = const { RefCell::new(None) };
}

#[component]
pub fn RulesView(lang: Lang) -> impl IntoView {
    let ui = crate::i18n::ui(lang);
    let html = RwSignal::new(None::<String>);
    wasm_bindgen_futures::spawn_local(async move {
        let page = rules_html(lang).await.unwrap_or_else(|| notice(ui, ui.rules_unavailable));
        html.try_set(Some(page));
    });
    view! {
        <section class="rules-view" aria-labelledby="rules-heading" aria-busy=move || html.with(Option::is_none)
            inner_html=move || html.get().unwrap_or_else(|| notice(ui, ui.loading))></section>
    }
}

/// The tab's HTML in one language: the file holds Chinese, a NUL byte, then English.
async fn rules_html(lang: Lang) -> Option<String> {
    if PAGES.with_borrow(Option::is_none) {
        let bytes = match (browser::inline_bytes(RULES_PAGES), browser::meta(RULES_PAGES)) {
            (Some(bytes), _) => bytes,
            (None, Some(file)) => browser::fetch_bytes(&file).await?,
            (None, None) => return None,
        };
        PAGES.set(Some(bytes));
    }
    PAGES.with_borrow(|pages| {
        let pages = pages.as_deref()?;
        let split = pages.iter().position(|b| *b == 0)?;
        let page = match lang {
            Lang::Zh => &pages[..split],
            Lang::En => &pages[split + 1..],
        };
        String::from_utf8(page.to_vec()).ok()
    })
}

/// The tab's heading and one line: while it loads, or if it cannot be had.
fn notice(ui: &Ui, line: &str) -> String {
    let mut h = Html::default();
    h.el("h2", &[("id", "rules-heading")], ui.rules_heading).el("p", &[("class", "hint")], line);
    h.finish()
}
