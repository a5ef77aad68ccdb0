//! The seal on the page. The app writes the sheet with an element `#seal` whose attributes hold
//! what to seal (`data-canonical`, `data-link`, and for a profile saved with other rules
//! `data-sheet`, its sheet's canonical text, and the note's words); this module, loaded
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
    if let Some(note) = note(&seal, &canonical) {
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

/// "Saved with rule packs …; this page has …, so its fingerprint differs from the sheet's (…)":
/// when `data-sheet`, the canonical text of the sheet the profile was saved from, names other packs
/// than this page's `data-canonical`.
fn note(seal: &Element, canonical: &str) -> Option<String> {
    let attr = |name: &str| seal.get_attribute(name).unwrap_or_default();
    let sheet = attr("data-sheet");
    let (saved, current) = (packs(&sheet)?, packs(canonical)?);
    let none = attr("data-none");
    let find =
        |list: &[(String, String)], id: &str| list.iter().find(|(i, _)| i == id).map(|(_, v)| v.clone());
    let mut ids: Vec<&String> = saved.iter().chain(&current).map(|(id, _)| id).collect();
    ids.sort();
    ids.dedup();
    let differences: Vec<(&String, Option<String>, Option<String>)> = ids
        .into_iter()
        .map(|id| (id, find(&saved, id), find(&current, id)))
        .filter(|(_, a, b)| a != b)
        .collect();
    if differences.is_empty() {
        return None;
    }
    let separator = attr("data-separator");
    let then: Vec<String> =
        differences.iter().map(|(id, v, _)| format!("{id} {}", v.as_deref().unwrap_or(&none))).collect();
    let now: Vec<&str> = differences.iter().map(|(_, _, v)| v.as_deref().unwrap_or(&none)).collect();
    Some(
        attr("data-note")
            .replace("{saved}", &then.join(&separator))
            .replace("{current}", &now.join(&separator))
            .replace("{sheet}", &crate::fingerprint(&sheet)),
    )
}

/// The `"packs"` of a canonical text (engine/src/fingerprint.rs writes them first, as an object of
/// JSON strings): (id, version) pairs.
fn packs(canonical: &str) -> Option<Vec<(String, String)>> {
    let mut rest = canonical.split_once(",\"packs\":{")?.1;
    let mut strings = Vec::new();
    while let Some(after) = rest.strip_prefix('"') {
        let (text, tail) = json_string(after)?;
        strings.push(text);
        rest = tail.strip_prefix([':', ',']).unwrap_or(tail);
    }
    Some(strings.chunks_exact(2).map(|p| (p[0].clone(), p[1].clone())).collect())
}

/// A JSON string's text up to its closing quote, and what follows it.
fn json_string(text: &str) -> Option<(String, &str)> {
    let mut out = String::new();
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &text[i + 1..])),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'u' => {
                    let hex: String = (0..4).filter_map(|_| chars.next().map(|(_, c)| c)).collect();
                    out.push(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)?);
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
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
