//! The sheet's seal: its fingerprint (on screen and on paper) and, when the page is served over
//! http(s), a QR code of its share link (on paper). Both come from the `seal` crate's wasm, which
//! is not part of the first load: it is fetched from beside the page (named in
//! `<meta name="seal">`, kept by the service worker) or read from the single file, once every
//! pack is in. It has no glue code: a few exported functions and its memory (see seal/src/lib.rs).
//!
//! Written as HTML into one element, by one effect (like the results): typed Leptos views and
//! memos for these few lines cost the first load some 10 KB of wasm.

use crate::browser;
use crate::html::Html;
use crate::i18n::Ui;
use crate::session::share_fragment;
use crate::state::{has_place_packs, library, AppState};
use js_sys::{Function, Object, Reflect, Uint8Array, WebAssembly};
use leptos::prelude::*;
use std::cell::{Cell, OnceCell, RefCell};
use std::time::Duration;
use subsidy_engine::fingerprint::{canonical, canonical_with, Saved};
use wasm_bindgen::{JsCast, JsValue};

/// The `<meta name>` of the module's file, and the id of its bytes in the single file.
pub const SEAL: &str = "seal";
/// The element the seal is written into (results.rs places it above the sheet).
pub const ELEMENT: &str = "seal";
const QR_ELEMENT: &str = "seal-qr";
/// The QR code is drawn again when the profile has rested this long: typing goes on undisturbed
/// (a QR code of a long link is some thousand path segments).
const QR_AFTER: Duration = Duration::from_millis(250);

struct Module {
    memory: WebAssembly::Memory,
    input: Function,
    fingerprint: Function,
    qr: Function,
    output: Function,
}

thread_local! {
    static MODULE: OnceCell<Module> = const { OnceCell::new() };
    /// What the last profile file or link opened was made with, and the form's revision then:
    /// it is said only while that profile is the form's.
    static SAVED: RefCell<Option<(Saved, u32)>> = const { RefCell::new(None) };
    /// Counts the QR code's requests: only the last one draws.
    static QR_REQUEST: Cell<u32> = const { Cell::new(0) };
}

async fn load() -> bool {
    if MODULE.with(|m| m.get().is_some()) {
        return true;
    }
    let bytes = match (browser::inline_bytes(SEAL), browser::meta(SEAL)) {
        (Some(bytes), _) => Some(bytes),
        (None, Some(file)) => browser::fetch_bytes(&file).await,
        (None, None) => None,
    };
    let Some(bytes) = bytes else { return false };
    match instantiate(&bytes).await {
        Ok(module) => MODULE.with(|m| m.set(module).is_ok() || m.get().is_some()),
        Err(e) => {
            leptos::logging::warn!("the seal module does not start: {e:?}");
            false
        }
    }
}

async fn instantiate(bytes: &[u8]) -> Result<Module, JsValue> {
    let promise = WebAssembly::instantiate_buffer(bytes, &Object::new());
    let result = wasm_bindgen_futures::JsFuture::from(promise).await?;
    let instance: WebAssembly::Instance = Reflect::get(&result, &"instance".into())?.dyn_into()?;
    let exports = instance.exports();
    let get = |name: &str| Reflect::get(&exports, &name.into());
    Ok(Module {
        memory: get("memory")?.dyn_into()?,
        input: get("seal_input")?.dyn_into()?,
        fingerprint: get("seal_fingerprint")?.dyn_into()?,
        qr: get("seal_qr")?.dyn_into()?,
        output: get("seal_output")?.dyn_into()?,
    })
}

impl Module {
    /// Runs one of the module's functions on `text`; `None` when it gives nothing.
    fn call(&self, function: &Function, text: &str) -> Option<String> {
        // Addresses are i32 in wasm, and JavaScript sees them as numbers.
        let address = |value: JsValue| value.as_f64().map(|n| n as i32 as u32);
        let bytes = text.as_bytes();
        let at = address(self.input.call1(&JsValue::NULL, &(bytes.len() as u32).into()).ok()?)?;
        // The module's memory may have grown during a call: look at it afresh after each.
        Uint8Array::new(&self.memory.buffer()).set(&Uint8Array::from(bytes), at);
        let len = address(function.call0(&JsValue::NULL).ok()?)?;
        let at = address(self.output.call0(&JsValue::NULL).ok()?)?;
        let out = Uint8Array::new_with_byte_offset_and_length(&self.memory.buffer(), at, len).to_vec();
        String::from_utf8(out).ok().filter(|s| !s.is_empty())
    }
}

fn run(pick: fn(&Module) -> &Function, text: &str) -> Option<String> {
    MODULE.with(|m| m.get().and_then(|m| m.call(pick(m), text)))
}

/// A profile file or link was opened: the page takes its as-of date, and keeps what it was made
/// with to say why the fingerprint differs, if it does.
pub fn opened(state: AppState, saved: Saved) {
    if let Some(as_of) = saved.as_of {
        state.as_of.set(as_of);
    }
    let revision = state.revision.get_untracked();
    SAVED.with_borrow_mut(|s| *s = Some((saved, revision)));
}

/// Keeps the seal element of the results (drawn anew with them) up to date. The fingerprint names
/// every pack: it waits for them, then for the module.
pub fn attach(state: AppState, ui: &'static Ui) {
    let ready = RwSignal::new(MODULE.with(|m| m.get().is_some()));
    if !ready.get_untracked() && has_place_packs() {
        leptos::task::spawn_local(async move {
            if load().await {
                ready.try_set(true);
            }
        });
    }
    let saved = SAVED.with_borrow(|s| s.clone()).filter(|(_, r)| *r == state.revision.get_untracked());
    Effect::new(move |_| {
        let as_of = state.as_of.get();
        let profile = state.session.with(|s| s.profile(as_of));
        let Some(element) = document().get_element_by_id(ELEMENT).filter(|_| ready.get()) else { return };
        let Some(fingerprint) = run(|m| &m.fingerprint, &canonical(&profile, library(), as_of)) else {
            return;
        };
        let mut h = Html::default();
        h.open("p", &[("class", "fingerprint")]).text(ui.fingerprint).text(": ");
        h.el("code", &[("id", "fingerprint")], &fingerprint);
        h.el("span", &[("class", "hint no-print")], &format!(" {}", ui.fingerprint_hint)).close("p");
        if let Some((saved, _)) = &saved {
            let sheets = canonical_with(&profile, library(), as_of, &saved.rules);
            if let Some(note) = run(|m| &m.fingerprint, &sheets).and_then(|f| note(saved, ui, &f)) {
                h.el("p", &[("class", "warning seal-note no-print"), ("role", "status")], &note);
            }
        }
        if browser::served_over_http() {
            h.el("figure", &[("class", "seal-qr print-only"), ("id", QR_ELEMENT)], "");
        }
        element.set_inner_html(&h.finish());
        if browser::served_over_http() {
            let request = QR_REQUEST.with(|r| r.get().wrapping_add(1));
            QR_REQUEST.with(|r| r.set(request));
            set_timeout(move || draw_qr(state, ui, Some(request)), QR_AFTER);
        }
    });
}

/// Draws the share link's QR code into the seal, unless a later request is pending (`request`);
/// `None` draws at once (before printing). `data-link` says which link it holds.
pub fn draw_qr(state: AppState, ui: &Ui, request: Option<u32>) {
    if request.is_some_and(|r| r != QR_REQUEST.with(Cell::get)) {
        return;
    }
    let Some(figure) = document().get_element_by_id(QR_ELEMENT) else { return };
    let as_of = state.as_of.get_untracked();
    let profile = state.session.with_untracked(|s| s.profile(as_of));
    let link = format!("{}{}", browser::page_address(), share_fragment(&profile, as_of));
    if figure.get_attribute("data-link").as_deref() == Some(link.as_str()) {
        return;
    }
    let Some(svg) = run(|m| &m.qr, &link) else { return };
    let mut caption = Html::default();
    caption.el("figcaption", &[], ui.qr_caption);
    // The SVG is the module's own drawing of modules as paths: no text of the user's is in it.
    figure.set_inner_html(&format!("{svg}{}", caption.finish()));
    let _ = figure.set_attribute("data-link", &link);
}

/// "This profile was saved with rule packs …; this page has …", or `None` when the versions agree.
fn note(saved: &Saved, ui: &Ui, sheet: &str) -> Option<String> {
    let differences = saved.differences(library());
    if differences.is_empty() {
        return None;
    }
    let saved: Vec<String> = differences
        .iter()
        .map(|(id, v, _)| format!("{id} {}", v.as_deref().unwrap_or(ui.seal_no_pack)))
        .collect();
    let current: Vec<&str> =
        differences.iter().map(|(_, _, v)| v.as_deref().unwrap_or(ui.seal_no_pack)).collect();
    Some(
        ui.seal_rules_differ
            .replace("{saved}", &saved.join(ui.list_separator))
            .replace("{current}", &current.join(ui.list_separator))
            .replace("{sheet}", sheet),
    )
}
