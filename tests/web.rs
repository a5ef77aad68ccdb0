//! In-browser tests of the web shell: mount the app in headless Chromium, act on the real DOM the
//! way a user does (type, choose, switch language), await a tick, and assert what the user sees.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use subsidy_engine::profile::Value;
use subsidy_estimator::session::{Session, STORAGE_KEY};
use subsidy_estimator::state::library;
use subsidy_estimator::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh app in an element of its own, over empty storage unless `stored` is given.
fn mount_app(stored: Option<&str>) -> (HtmlElement, impl Drop) {
    let storage = window().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    if let Some(text) = stored {
        storage.set_item(STORAGE_KEY, text).unwrap();
    }
    // What the page loads after its first results (every pack, English included): here there is
    // no page beside the tests to load it from.
    subsidy_estimator::state::use_place_packs(include_bytes!(concat!(
        env!("OUT_DIR"),
        "/packs-all.postcard"
    )));
    let wrapper: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&wrapper).unwrap();
    let handle = mount_to(wrapper.clone(), App);
    (wrapper, handle)
}

fn element<T: JsCast>(wrapper: &HtmlElement, selector: &str) -> T {
    wrapper.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}

fn text(wrapper: &HtmlElement, selector: &str) -> String {
    element::<HtmlElement>(wrapper, selector).text_content().unwrap_or_default()
}

async fn type_into(wrapper: &HtmlElement, selector: &str, value: &str) {
    let input: HtmlInputElement = element(wrapper, selector);
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    tick().await;
}

async fn choose(wrapper: &HtmlElement, selector: &str, value: &str) {
    let select: HtmlSelectElement = element(wrapper, selector);
    select.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    select.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    tick().await;
}

async fn tick_box(wrapper: &HtmlElement, selector: &str) {
    element::<HtmlElement>(wrapper, selector).click();
    tick().await;
}

/// W1 typed into the form: a provincial centre with ¥15,000,000 + ¥3,000,000 of equipment.
async fn fill_w1(wrapper: &HtmlElement) {
    choose(wrapper, "#f-company-registered_in_guangdong", "true").await;
    choose(wrapper, "#f-company-ai_robotics_field", "true").await;
    tick_box(wrapper, "#toggle-innovation_centre").await;
    choose(wrapper, "#f-innovation_centre-level", "provincial").await;
    type_into(wrapper, "#f-innovation_centre-approval_year", "２０２５").await;
    choose(wrapper, "#f-innovation_centre-operating", "true").await;
    type_into(wrapper, "#f-innovation_centre-equipment_cost", "15,000,000").await;
    type_into(wrapper, "#f-innovation_centre-software_cost", "300").await;
    choose(wrapper, "#f-innovation_centre-software_cost-unit", "wan").await;
    type_into(wrapper, "#as-of", "2026-03-01").await;
}

#[wasm_bindgen_test]
async fn typed_figures_give_the_worked_example() {
    let (wrapper, _handle) =
        mount_app(Some(r#"{"envelope":1,"lang":"en","form":{"format_version":1},"enabled":[]}"#));
    fill_w1(&wrapper).await;
    let programme = text(&wrapper, "#programme-P1");
    assert!(programme.contains("40% × ¥18,000,000 = ¥7,200,000"), "{programme}");
    assert_eq!(text(&wrapper, ".total-rule-based"), "¥7,200,000");
}

#[wasm_bindgen_test]
async fn unreadable_money_shows_a_message_and_keeps_the_other_fields() {
    let (wrapper, _handle) =
        mount_app(Some(r#"{"envelope":1,"lang":"en","form":{"format_version":1},"enabled":[]}"#));
    fill_w1(&wrapper).await;
    type_into(&wrapper, "#f-innovation_centre-equipment_cost", "15,000,000 dollars").await;
    let error = text(&wrapper, "#f-innovation_centre-equipment_cost-error");
    assert!(error.contains("not an amount"), "{error}");
    let input: HtmlInputElement = element(&wrapper, "#f-innovation_centre-equipment_cost");
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("f-innovation_centre-equipment_cost-error")
    );
    assert_eq!(input.value(), "15,000,000 dollars", "what was typed stays");
    // The unreadable field is missing now; the others still count.
    let programme = text(&wrapper, "#programme-P1");
    assert!(programme.contains("Undetermined"), "{programme}");
    assert!(programme.contains("New R&D instruments and equipment"), "{programme}");
    let software: HtmlInputElement = element(&wrapper, "#f-innovation_centre-software_cost");
    assert_eq!(software.value(), "300");
}

#[wasm_bindgen_test]
async fn switching_language_keeps_what_was_typed() {
    let (wrapper, _handle) =
        mount_app(Some(r#"{"envelope":1,"lang":"en","form":{"format_version":1},"enabled":[]}"#));
    fill_w1(&wrapper).await;
    type_into(&wrapper, "#f-company-name", "广州某智能装备有限公司").await;
    assert_eq!(text(&wrapper, "label[for=f-company-name]"), "Company name");
    let chinese: HtmlElement = element(&wrapper, ".language button[lang=zh]");
    chinese.click();
    tick().await;
    assert_eq!(text(&wrapper, "label[for=f-company-name]"), "企业名称");
    assert_eq!(document().document_element().unwrap().get_attribute("lang").as_deref(), Some("zh-CN"));
    let name: HtmlInputElement = element(&wrapper, "#f-company-name");
    assert_eq!(name.value(), "广州某智能装备有限公司");
    assert!(text(&wrapper, "#programme-P1").contains("40% × 18,000,000 元 = 7,200,000 元"));
}

#[wasm_bindgen_test]
async fn the_session_is_saved_and_restored_exactly() {
    let (wrapper, handle) =
        mount_app(Some(r#"{"envelope":1,"lang":"en","form":{"format_version":1},"enabled":[]}"#));
    fill_w1(&wrapper).await;
    type_into(&wrapper, "#f-company-credit_code", "91440300708461136X").await;
    drop(handle);
    let stored = window().local_storage().unwrap().unwrap().get_item(STORAGE_KEY).unwrap().unwrap();
    let session = Session::from_json(&stored).unwrap();
    let field = |id: &str| library().field(id).unwrap();
    let as_of = subsidy_engine::Date::parse("2026-03-01").unwrap();
    assert_eq!(
        session.profile(as_of).get(field("innovation_centre.software_cost")),
        Value::Money(3_000_000.into())
    );
    assert_eq!(
        session.texts.get(&field("company.credit_code")).map(String::as_str),
        Some("91440300708461136X")
    );

    // A new page over the same storage shows the same form, the unreadable draft with its message.
    let wrapper = {
        let wrapper: HtmlElement = document().create_element("div").unwrap().unchecked_into();
        document().body().unwrap().append_child(&wrapper).unwrap();
        std::mem::forget(mount_to(wrapper.clone(), App));
        wrapper
    };
    tick().await;
    let software: HtmlInputElement = element(&wrapper, "#f-innovation_centre-software_cost");
    assert_eq!(software.value(), "300");
    let unit: HtmlSelectElement = element(&wrapper, "#f-innovation_centre-software_cost-unit");
    assert_eq!(unit.value(), "wan");
    let code: HtmlInputElement = element(&wrapper, "#f-company-credit_code");
    assert_eq!(code.value(), "91440300708461136X");
    assert!(text(&wrapper, "#f-company-credit_code-error").contains("check character"));
}

#[wasm_bindgen_test]
async fn unreadable_storage_is_kept_aside_and_the_page_starts_fresh() {
    let (wrapper, _handle) = mount_app(Some("{not json"));
    tick().await;
    let banner = text(&wrapper, ".banner");
    assert!(banner.contains("gd-ai-subsidy/session-unreadable-") || banner.contains("无法读取"), "{banner}");
    let storage = window().local_storage().unwrap().unwrap();
    let kept: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with("gd-ai-subsidy/session-unreadable-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(storage.get_item(&kept[0]).unwrap().as_deref(), Some("{not json"));
}
