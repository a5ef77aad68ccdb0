//! In-browser tests of the web shell: mount a component, act on the real DOM, await a tick,
//! assert what a user would see. Run by `scripts/test.sh` in headless Chromium.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use subsidy_estimator::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `App` into a fresh element of its own, so tests do not see each other's DOM.
fn mount_app() -> (HtmlElement, impl Drop) {
    let wrapper: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&wrapper).unwrap();
    let handle = mount_to(wrapper.clone(), App);
    (wrapper, handle)
}

fn button(wrapper: &HtmlElement) -> HtmlElement {
    wrapper.query_selector("button").unwrap().expect("App renders a button").unchecked_into()
}

#[wasm_bindgen_test]
fn shows_the_heading() {
    let (wrapper, _handle) = mount_app();
    let h1 = wrapper.query_selector("h1").unwrap().expect("App renders an <h1>");
    assert_eq!(h1.text_content().as_deref(), Some("Subsidy estimator"));
}

#[wasm_bindgen_test]
async fn clicking_the_button_counts() {
    let (wrapper, _handle) = mount_app();
    let button = button(&wrapper);
    assert_eq!(button.text_content().as_deref(), Some("Clicked 0 times"));

    button.click();
    button.click();
    // Leptos applies signal changes to the DOM asynchronously: let the effects run first.
    tick().await;

    assert_eq!(button.text_content().as_deref(), Some("Clicked 2 times"));
}
