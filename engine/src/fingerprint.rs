//! What a sheet's fingerprint is the hash of, and what a profile file or share link carries so that
//! a sheet can be reproduced: the as-of date and the rule-pack versions it was made with.
//!
//! The canonical text depends on the answers, the as-of date and the id and version of every pack
//! the sheet rests on (the common pack and those that apply to the company: its province, city and
//! district; a change to another place's pack does not change its sheet), and on nothing else: not the language, not the order of the answers in a file, not the form's
//! typed texts. The hashing is the `seal` crate's (kept out of the page's first load); the recipe
//! is in ARCHITECTURE.md.

use crate::date::Date;
use crate::evaluate::applicable_packs;
use crate::input::Problem;
use crate::json::{self, write_string, Json};
use crate::profile::Profile;
use crate::rules::{Level, Library};
use std::fmt::Write;

/// The version of the canonical text: a change of its shape changes every fingerprint, so it says so.
/// 2: the packs named are those the sheet rests on, no longer every pack of the page.
pub const CANONICAL_VERSION: u32 = 2;

/// Pack id and version, sorted by id.
pub type Versions = Vec<(String, String)>;

/// The id and version of the packs a company's sheet rests on, sorted by id: those asked of
/// everyone (the common pack) and those that apply to it (`applicable_packs`).
pub fn versions(library: &Library, profile: &Profile, as_of: Date) -> Versions {
    let common = library.packs.iter().filter(|p| p.level == Level::Common);
    let applicable = applicable_packs(profile, library, as_of);
    sorted(common.chain(applicable).map(|p| (p.id.clone(), p.version.clone())).collect())
}

/// `items` in order, through the engine's one short-list sort (`order.rs`): the standard library's
/// would add some 7 KB to the page's wasm for these types.
fn sorted<T: PartialOrd>(mut items: Vec<T>) -> Vec<T> {
    crate::order::sort_stable_by(&mut items, |a, b| a < b);
    items
}

/// `{"fingerprint":1,"as_of":"2026-03-01","packs":{"common":"2026.1",…},"profile":{…}}` on one
/// line, the packs sorted by id and the profile as a share link carries it (`to_json_compact`).
pub fn canonical(profile: &Profile, library: &Library, as_of: Date) -> String {
    canonical_with(profile, library, as_of, &versions(library, profile, as_of))
}

/// The canonical text as a page with the packs `versions` would have written it: what the sheet
/// of a profile saved with other rules showed.
pub fn canonical_with(
    profile: &Profile,
    library: &Library,
    as_of: Date,
    versions: &[(String, String)],
) -> String {
    let mut out = format!("{{\"fingerprint\":{CANONICAL_VERSION},\"as_of\":\"{as_of}\",\"packs\":");
    write_versions(&mut out, versions);
    out.push_str(",\"profile\":");
    out.push_str(profile.to_json_compact(library).trim_end());
    out.push('}');
    out
}

fn write_versions(out: &mut String, versions: &[(String, String)]) {
    out.push('{');
    for (i, (id, version)) in versions.iter().enumerate() {
        out.push_str(if i == 0 { "" } else { "," });
        write_string(out, id);
        out.push(':');
        write_string(out, version);
    }
    out.push('}');
}

/// A profile file: `to_json_pretty` with the as-of date and the versions of the packs its sheet
/// rests on added as its last keys, `"as_of"` and `"rules"`.
pub fn file_json(profile: &Profile, library: &Library, as_of: Date) -> String {
    with_saved(&profile.to_json_pretty(library), &versions(library, profile, as_of), as_of)
}

/// What a share link carries: the same on one line (`to_json_compact`).
pub fn link_json(profile: &Profile, library: &Library, as_of: Date) -> String {
    with_saved(&profile.to_json_compact(library), &versions(library, profile, as_of), as_of)
}

fn with_saved(profile_json: &str, versions: &Versions, as_of: Date) -> String {
    let pretty = profile_json.contains('\n');
    let (line, space) = if pretty { ("\n  ", " ") } else { ("", "") };
    let mut out = profile_json.trim_end().strip_suffix('}').unwrap_or(profile_json).trim_end().to_string();
    let _ = write!(out, ",{line}\"as_of\":{space}\"{as_of}\",{line}\"rules\":{space}");
    write_versions(&mut out, versions);
    out.push_str(if pretty { "\n}\n" } else { "}" });
    out
}

/// What a profile file or link says it was made with. Files without it (older ones, or written by
/// hand) say nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Saved {
    pub as_of: Option<Date>,
    /// Sorted by id; empty when the file does not say.
    pub rules: Versions,
}

impl Saved {
    /// Reads what a profile file says it was made with; nothing when it is not a profile file.
    pub fn from_text(text: &str) -> Saved {
        json::parse(text).map(|json| Saved::from_json(&json)).unwrap_or_default()
    }

    pub fn from_json(json: &Json) -> Saved {
        let as_of = json.get("as_of").and_then(Json::as_str).and_then(|d| Date::parse(d).ok());
        let rules: Versions = match json.get("rules") {
            Some(Json::Object(entries)) => {
                entries.iter().filter_map(|(id, v)| v.as_str().map(|v| (id.clone(), v.to_string()))).collect()
            }
            _ => Vec::new(),
        };
        Saved { as_of, rules: sorted(rules) }
    }

    /// The packs whose versions differ between the file and what `library` has for `profile`'s
    /// sheet: (id, the file's version, the library's), a pack on one side only with `None` on the
    /// other. A pack the file names that this sheet does not rest on counts only when the library
    /// no longer has it (older files named every pack). Empty when the file names no versions.
    pub fn differences(
        &self,
        library: &Library,
        profile: &Profile,
        as_of: Date,
    ) -> Vec<(String, Option<String>, Option<String>)> {
        if self.rules.is_empty() {
            return Vec::new();
        }
        let current = versions(library, profile, as_of);
        let find = |list: &Versions, id: &str| list.iter().find(|(i, _)| i == id).map(|(_, v)| v.clone());
        let counts = |id: &String| find(&current, id).is_some() || library.pack(id).is_none();
        let mut ids: Vec<&String> = Vec::new();
        for (id, _) in self.rules.iter().chain(&current) {
            if counts(id) && !ids.contains(&id) {
                ids.push(id);
            }
        }
        sorted(ids)
            .into_iter()
            .map(|id| (id.clone(), find(&self.rules, id), find(&current, id)))
            .filter(|(_, saved, now)| saved != now)
            .collect()
    }
}

/// The problem with a profile file's `"as_of"` or `"rules"` key, if its value is not of their
/// shape (a date; an object of version strings).
pub fn saved_key_problem(key: &str, value: &Json) -> Option<Problem> {
    match (key, value) {
        ("as_of", Json::String(date)) => {
            Date::parse(date).err().map(|reason| Problem::Date { reason: reason.into() })
        }
        ("rules", Json::Object(entries)) if entries.iter().all(|(_, v)| v.as_str().is_some()) => None,
        _ => Some(Problem::WrongType),
    }
}
