//! The seal on the page. The app writes the sheet with an element `#seal` whose attributes hold
//! what to seal (`data-canonical`, `data-link`, and for a profile saved with other rules the note
//! saying which, `data-note`, and its sheet's canonical text, `data-sheet`); this module, loaded
//! after the first results (src/seal.rs adds its script), watches the page and fills in the
//! fingerprint, the note and the QR code. All of it here keeps it out of the app's first load.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, MutationObserver, MutationObserverInit};

/// The QR code is drawn again when the link has rested this long: typing goes on undisturbed.
const QR_AFTER_MS: i32 = 250;

thread_local! {
    /// The last QR code drawn: (link, SVG), written again at once when the sheet is redrawn.
    static QR: RefCell<(String, String)> = const { RefCell::new((String::new(), String::new())) };
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

fn by_id(id: &str) -> Option<Element> {
    document()?.get_element_by_id(id)
}

#[wasm_bindgen(start)]
pub fn start() {
    let changed = Closure::<dyn FnMut()>::new(refresh);
    if let (Ok(observer), Some(body)) = (
        MutationObserver::new(changed.as_ref().unchecked_ref()),
        document().and_then(|d| d.document_element()),
    ) {
        let options = MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        let _ = observer.observe_with_options(&body, &options);
    }
    // Lives as long as the page.
    changed.forget();
    let print = Closure::<dyn FnMut()>::new(|| draw_qr(true));
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback("beforeprint", print.as_ref().unchecked_ref());
    }
    print.forget();
    refresh();
}

/// Seals a newly drawn `#seal` (one not yet marked `data-done`).
fn refresh() {
    let Some(seal) = by_id("seal").filter(|s| !s.has_attribute("data-done")) else { return };
    let Some(canonical) = seal.get_attribute("data-canonical") else { return };
    // Marked first: what is written below changes the page, which calls this again.
    let _ = seal.set_attribute("data-done", "");
    let attr = |name: &str| seal.get_attribute(name).unwrap_or_default();
    let mut html = format!(
        "<p>{}: <code id=\"fingerprint\">{}</code></p>",
        escape(&attr("data-label")),
        crate::fingerprint(&canonical)
    );
    if let Some(note) = note(&seal) {
        html += &format!("<p class=\"warning seal-note no-print\" role=\"status\">{}</p>", escape(&note));
    }
    if !attr("data-link").is_empty() {
        html += &format!(
            "<figure id=\"seal-qr\" class=\"seal-qr print-only\"><div id=\"seal-qr-code\"></div><figcaption>{}</figcaption></figure>",
            escape(&attr("data-caption"))
        );
    }
    seal.set_inner_html(&html);
    draw_qr(false);
}

/// Text as HTML: nothing in it can become markup.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The note that the opened profile was saved with other rule versions (`data-note`, written by
/// the app), with the fingerprint of the sheet it was saved from (`data-sheet`, that sheet's
/// canonical text) in place of `{sheet}`.
fn note(seal: &Element) -> Option<String> {
    let attr = |name: &str| seal.get_attribute(name).filter(|value| !value.is_empty());
    let (note, sheet) = (attr("data-note")?, attr("data-sheet")?);
    Some(note.replace("{sheet}", &crate::fingerprint(&sheet)))
}

/// Draws the link's QR code into `#seal-qr` (its `data-link` says which link it holds): at once
/// when it is the last one drawn or `now` (before printing), else once the link has rested.
fn draw_qr(now: bool) {
    let Some(seal) = by_id("seal") else { return };
    let (Some(figure), Some(link)) =
        (by_id("seal-qr"), seal.get_attribute("data-link").filter(|l| !l.is_empty()))
    else {
        return;
    };
    if figure.get_attribute("data-link").as_deref() == Some(link.as_str()) {
        return;
    }
    let drawn = QR.with_borrow(|(l, svg)| (*l == link).then(|| svg.clone()));
    let svg = match drawn {
        Some(svg) => svg,
        None if now => match crate::qr_svg(&link) {
            Some(svg) => {
                QR.with_borrow_mut(|qr| *qr = (link.clone(), svg.clone()));
                svg
            }
            None => return,
        },
        None => return later(link),
    };
    // The SVG is this crate's own drawing of the code's modules: no text of the user's is in it.
    if let Some(code) = by_id("seal-qr-code") {
        code.set_inner_html(&svg);
        let _ = figure.set_attribute("data-link", &link);
    }
}

/// Draws the QR code of `link` if the sheet still holds it after a rest.
fn later(link: String) {
    let rested = Closure::once_into_js(move || {
        let current = by_id("seal").and_then(|s| s.get_attribute("data-link"));
        if current.as_deref() == Some(link.as_str()) {
            draw_qr(true);
        }
    });
    if let Some(window) = web_sys::window() {
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(rested.unchecked_ref(), QR_AFTER_MS);
    }
}
