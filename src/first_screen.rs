//! The first screen written into the page at build time (scripts/prerender.mjs draws it with this
//! app, in Chinese, before the city packs arrive). It paints before the wasm arrives; when the app
//! starts, what the user typed or chose in it goes into the session, and the app takes its place in
//! the same task, so the browser never paints the page without one or the other.

use crate::form;
use crate::state::AppState;
use leptos::prelude::*;
use subsidy_engine::Date;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// The id post_build.py gives the first screen's root.
const ROOT: &str = "first-screen";

/// Reads every control of the first screen that the user changed into the session, then removes
/// the first screen. Nothing to do when the page has none (a debug build, a test).
pub fn take_over(state: AppState) {
    let Some(root) = document().get_element_by_id(ROOT) else { return };
    if let Ok(controls) = root.query_selector_all("input, select") {
        for i in 0..controls.length() {
            let Some(control) = controls.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            if !changed(&control) {
                continue;
            }
            if control.id() == "as-of" {
                // The first screen was drawn on the build's day; a date the user chose counts.
                let text = js_sys::Reflect::get(&control, &JsValue::from_str("value"))
                    .ok()
                    .and_then(|v| v.as_string());
                if let Some(date) = text.and_then(|t| Date::parse(&t).ok()) {
                    state.as_of.set(date);
                }
            } else {
                // While the first screen is still in the page, so that a unit's field is found by id.
                form::apply_control(state, &control);
            }
        }
    }
    root.remove();
}

/// Whether the user changed a control from what the page was written with.
fn changed(control: &Element) -> bool {
    let prop =
        |name: &str| js_sys::Reflect::get(control, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    if control.tag_name().eq_ignore_ascii_case("select") {
        let written = control
            .query_selector("option[selected]")
            .ok()
            .flatten()
            .or_else(|| control.query_selector("option").ok().flatten())
            .and_then(|o| o.get_attribute("value"))
            .unwrap_or_default();
        return prop("value").as_string().unwrap_or_default() != written;
    }
    match control.get_attribute("type").as_deref() {
        Some("checkbox" | "radio") => prop("checked") != prop("defaultChecked"),
        _ => prop("value") != prop("defaultValue"),
    }
}
