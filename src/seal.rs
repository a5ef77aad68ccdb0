//! The sheet's seal: its fingerprint (on screen and on paper) and, when the page is served over
//! http(s), a QR code of its share link (on paper). This module only writes what is to be sealed
//! into the sheet, as attributes of `#seal` (the canonical text, the link, and for a file or link
//! made with other rules the note saying which, and the canonical text its sheet had), and adds the seal module's script once every pack is in. The
//! seal module (crate seal/, src/web.rs; `seal-<hash>.js` named in `<meta name="seal">`, kept by
//! the service worker, inline in the single file) computes and fills in the rest: the hash, the
//! QR code and the words about other rule versions cost the first load next to nothing.

use crate::browser;
use crate::html::Html;
use crate::i18n::Ui;
use crate::share_link::share_fragment;
use crate::state::{has_place_packs, library, AppState};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use subsidy_engine::fingerprint::{canonical, canonical_with, Saved};
use subsidy_engine::Lang;

/// The `<meta name>` naming the seal module's script.
pub const SEAL: &str = "seal";

thread_local! {
    /// What the last profile file or link opened was made with, and its canonical text: it is
    /// said only while that is the form's.
    static SAVED: RefCell<Option<(Saved, String)>> = const { RefCell::new(None) };
    static SCRIPT_ADDED: Cell<bool> = const { Cell::new(false) };
}

/// A profile file or link was opened: the page takes its as-of date, and keeps what it was made
/// with to say why the fingerprint differs, if it does.
pub fn opened(state: AppState, saved: Saved) {
    if let Some(as_of) = saved.as_of {
        state.as_of.set(as_of);
    }
    let as_of = state.as_of.get_untracked();
    let opened = canonical(&state.profile(), library(), as_of);
    SAVED.with_borrow_mut(|s| *s = Some((saved, opened)));
}

/// `#seal`, for the top of the sheet: empty until every pack is in (the fingerprint names them
/// all). Reads the profile and the as-of date, so that the sheet is drawn again when they change.
/// A profile saved with other rules also gets the note saying which (`Saved::differences`) and the
/// canonical text its sheet had, whose fingerprint the seal module adds to the note.
pub fn html(state: AppState, ui: &Ui) -> String {
    let as_of = state.as_of.get();
    let profile = state.session.with(|s| s.profile(as_of));
    if !has_place_packs() {
        return String::new();
    }
    add_script();
    let canonical = canonical(&profile, library(), as_of);
    let link = browser::served_over_http().then(|| share_link(&profile, as_of));
    // Said while the form is still what was opened, and only if its rule versions differ.
    let (note, sheet) = SAVED
        .with_borrow(|s| match s {
            Some((saved, opened)) if *opened == canonical => {
                let differences = saved.differences(library(), &profile, as_of);
                (!differences.is_empty()).then(|| {
                    (
                        rules_differ(&differences, ui, state.lang.get_untracked()),
                        canonical_with(&profile, library(), as_of, &saved.rules),
                    )
                })
            }
            _ => None,
        })
        .unzip();
    // The seal module writes what is inside, from these.
    let mut h = Html::default();
    h.el(
        "div",
        &[
            ("id", "seal"),
            ("class", "seal"),
            ("data-canonical", &canonical),
            ("data-link", link.as_deref().unwrap_or_default()),
            ("data-sheet", sheet.as_deref().unwrap_or_default()),
            ("data-note", note.as_deref().unwrap_or_default()),
            ("data-label", ui.fingerprint),
            ("data-caption", ui.qr_caption),
        ],
        "",
    );
    h.finish()
}

/// "Saved with rule packs …; this page has …, so its fingerprint differs from the sheet's
/// ({sheet})": the seal module fills in the sheet's fingerprint.
fn rules_differ(differences: &[(String, Option<String>, Option<String>)], ui: &Ui, lang: Lang) -> String {
    let version = |v: &Option<String>| v.clone().unwrap_or_else(|| ui.seal_no_pack.to_string());
    // A pack by its title, as the sheet names it; by its id only if this page no longer has it.
    let name = |id: &str| library().pack(id).map_or(id.to_string(), |p| p.title.get(lang).to_string());
    let then: Vec<String> =
        differences.iter().map(|(id, v, _)| format!("{} {}", name(id), version(v))).collect();
    let now: Vec<String> = differences.iter().map(|(_, _, v)| version(v)).collect();
    ui.seal_rules_differ
        .replace("{saved}", &then.join(ui.list_separator))
        .replace("{current}", &now.join(ui.list_separator))
}

/// The address that opens `profile` on this page.
pub fn share_link(profile: &subsidy_engine::Profile, as_of: subsidy_engine::Date) -> String {
    format!("{}{}", browser::page_address(), share_fragment(profile, as_of))
}

/// The seal module's script, once, from beside the page (the single file carries it inline).
fn add_script() {
    if SCRIPT_ADDED.replace(true) {
        return;
    }
    let Some(file) = browser::meta(SEAL) else { return };
    if let (Ok(script), Some(body)) = (document().create_element("script"), document().body()) {
        let _ = script.set_attribute("type", "module");
        let _ = script.set_attribute("src", &file);
        let _ = body.append_child(&script);
    }
}
