//! The few browser services the page uses: storage, the address bar, the clock, files, the
//! clipboard and printing. Thin wrappers, so that the components read as the domain.

use leptos::prelude::*;
use subsidy_engine::{Date, Lang};
use wasm_bindgen::{JsCast, JsValue};

pub fn window() -> web_sys::Window {
    leptos::prelude::window()
}

/// localStorage through gloo, as raw strings (the session writes its own JSON, see `session.rs`).
/// gloo throws where storage is blocked, so availability is asked first: the page then still
/// works, without saving.
fn storage() -> Option<web_sys::Storage> {
    use gloo_storage::Storage;
    window().local_storage().ok().flatten()?;
    Some(gloo_storage::LocalStorage::raw())
}

pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores a value; `false` when the browser refuses (private mode, quota).
pub fn store(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn forget(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Today on the user's own calendar: the as-of date by default.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8)
        .unwrap_or_else(|| Date::new(2026, 1, 1).unwrap_or_else(|| unreachable!()))
}

/// Local date and time for the "generated" line of the sheet.
pub fn now_text() -> String {
    let now = js_sys::Date::new_0();
    format!("{} {:02}:{:02}", today(), now.get_hours(), now.get_minutes())
}

pub fn fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// Removes the fragment from the address bar without reloading, so that a company's figures do
/// not linger in it after a share link was opened.
pub fn clear_fragment() {
    let location = window().location();
    let path =
        format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
    }
}

/// The address of this page without query or fragment: the base of a share link.
pub fn page_address() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split(['#', '?']).next().unwrap_or_default().to_string()
}

/// `?lang=en` in the address, if any.
pub fn query_lang() -> Option<Lang> {
    let search = window().location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang=").and_then(Lang::from_tag))
}

pub fn browser_lang() -> Option<Lang> {
    window().navigator().language().and_then(|tag| Lang::from_tag(&tag))
}

/// Keeps `<html lang>` in step with the page, for screen readers and fonts.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.pick("zh-CN", "en"));
    }
}

pub fn set_title(title: &str) {
    document().set_title(title);
}

/// Offers `contents` as a file download named `name`.
pub fn download(name: &str, contents: &str, mime: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(anchor) = document().create_element("a") {
        let anchor: web_sys::HtmlAnchorElement = anchor.unchecked_into();
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Copies text; resolves to `false` where the clipboard is not available (e.g. `file://`).
pub async fn copy(text: String) -> bool {
    let clipboard = window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await.is_ok()
}

pub async fn read_file(file: web_sys::File) -> Result<String, String> {
    let text =
        wasm_bindgen_futures::JsFuture::from(file.text()).await.map_err(|_| "the file cannot be read")?;
    text.as_string().ok_or_else(|| "the file is not text".to_string())
}

/// Served over http(s), the page installs its service worker so that it works offline after the
/// first visit. Opened from disk (the single-file build) there is nothing to install.
pub fn register_service_worker() {
    let protocol = window().location().protocol().unwrap_or_default();
    if protocol == "http:" || protocol == "https:" {
        let _ = window().navigator().service_worker().register("sw.js");
    }
}

pub fn served_over_http() -> bool {
    window().location().protocol().is_ok_and(|p| p.starts_with("http"))
}

pub fn print() {
    let _ = window().print();
}

pub fn confirm(message: &str) -> bool {
    window().confirm_with_message(message).unwrap_or(false)
}

/// The bytes of a file beside the page, from its own origin (or the service worker's cache).
/// `None` when it cannot be had (offline before the first visit, a host that lacks it).
pub async fn fetch_bytes(path: &str) -> Option<Vec<u8>> {
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(window().fetch_with_str(path)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Scrolls what just got focus out from under the bar at the foot of a phone's screen (the
/// results bar, `position: sticky`), which the browser's own scrolling leaves it behind: focus is
/// never hidden (WCAG 2.4.11).
pub fn keep_clear_of_bar(ev: &web_sys::Event) {
    let (Some(el), Some(bar)) = (
        ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()),
        document().query_selector(".results-bar").ok().flatten(),
    ) else {
        return;
    };
    let (bottom, bar_top) = (el.get_bounding_client_rect().bottom(), bar.get_bounding_client_rect().top());
    // The bar is not shown on wide screens (no height), and the bar itself is never in the way.
    if bar.client_height() > 0 && !bar.contains(Some(&el)) && bottom > bar_top {
        window().scroll_by_with_x_and_y(0.0, bottom - bar_top + 8.0);
    }
}

/// The id of the element an event came from ("" for none): how a listener on a piece of markup
/// tells its buttons apart.
pub fn target_id(ev: &web_sys::Event) -> String {
    ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).map(|e| e.id()).unwrap_or_default()
}

/// Bytes written into the page itself as base64 text of an inert `<script>` element: how the
/// single-file estimator.html carries what the served page fetches.
pub fn inline_bytes(id: &str) -> Option<Vec<u8>> {
    let text = document().get_element_by_id(id)?.text_content()?;
    crate::b64::decode(text.trim())
}

/// The content of `<meta name="…">` in the page.
pub fn meta(name: &str) -> Option<String> {
    let element = document().query_selector(&format!("meta[name=\"{name}\"]")).ok()??;
    element.get_attribute("content").filter(|c| !c.is_empty())
}
