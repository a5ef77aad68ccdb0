//! The web shell of the subsidy estimator.
//!
//! For now it holds only a counter that proves the Leptos → Trunk → Wasm chain works end to
//! end (build, wasm-bindgen-test in Chromium, Playwright). The real UI replaces `App`'s body;
//! keep `App` as the single root that `main.rs` and `tests/web.rs` mount.

use leptos::prelude::*;

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    // Signals are `Copy`, so both halves move freely into closures.
    let (clicks, set_clicks) = signal(0u32);

    view! {
        <main>
            <h1>"Subsidy estimator"</h1>
            <button type="button" on:click=move |_| *set_clicks.write() += 1>
                "Clicked " {clicks} " times"
            </button>
        </main>
    }
}
