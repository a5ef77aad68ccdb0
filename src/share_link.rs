//! What a share link carries, in the fragment (which never reaches a server): the profile, the
//! as-of date and the versions of the packs its sheet rests on (`fingerprint::link_json`).
//!
//! Two formats open:
//! - `#p2=…` (written now): the same JSON as a compact text, so that its QR code is small enough
//!   for a phone to read off paper. Sections joined by `~`: the profile's format version, the
//!   as-of date as `YYYYMMDD`, the rules (`id:version,…`), the optional topics (`id,…`) and the
//!   answers (`key:value,…`, a key sharing the previous key's topic written from its `.`). A value
//!   is `t`/`f`, `z` (null), `n` and a number, `s` and a text of `[A-Za-z0-9._-]` as it is, `b` and
//!   any other text in base64url (a Chinese name), or `r` and a range's two ends joined by `!`.
//!   A closing `~` tells a whole link from one cut off. Every character is one a URL fragment
//!   keeps as it is. About half the old format's length
//!   for the same JSON (see the test below), and the JSON names only the packs the sheet rests
//!   on (it named every pack before); a general compressor (deflate) would shorten it little
//!   more and would add its decoder to the first load, which is at its ceiling.
//! - `#profile=…` (written until 2026-12): base64url of that JSON. Old links still open.

use crate::b64;
use crate::state::library;
use subsidy_engine::fingerprint::{link_json, Saved};
use subsidy_engine::input::ProfileError;
use subsidy_engine::json::{self, write_string, Json};
use subsidy_engine::{Date, Profile};

const COMPACT: &str = "p2=";
const OLD: &str = "profile=";

/// Why a share link's profile cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkError {
    /// Not of either format: cut off or changed by hand.
    Damaged,
    Profile(Vec<ProfileError>),
}

/// The fragment that opens `profile` as of `as_of`: compact, or the old format for a JSON the
/// compact one cannot carry (none the page writes; kept so that a link is never wrong).
pub fn share_fragment(profile: &Profile, as_of: Date) -> String {
    let json = link_json(profile, library(), as_of);
    match compact(&json) {
        Some(text) => format!("#{COMPACT}{text}"),
        None => format!("#{OLD}{}", b64::encode(json.as_bytes())),
    }
}

/// The profile in a fragment, if the fragment is a share link at all (`None` otherwise).
pub fn profile_from_fragment(fragment: &str) -> Option<Result<Profile, LinkError>> {
    let text = match fragment_json(fragment)? {
        Ok(text) => text,
        Err(e) => return Some(Err(e)),
    };
    Some(Profile::from_json(library(), &text).map_err(LinkError::Profile))
}

/// What a share link says it was made with (nothing, if it is not a link or does not say).
pub fn saved_in_fragment(fragment: &str) -> Saved {
    fragment_json(fragment).and_then(Result::ok).map(|text| Saved::from_text(&text)).unwrap_or_default()
}

fn fragment_json(fragment: &str) -> Option<Result<String, LinkError>> {
    let fragment = fragment.trim_start_matches('#');
    if let Some(text) = fragment.strip_prefix(COMPACT) {
        return Some(expand(text).ok_or(LinkError::Damaged));
    }
    // Padded or not, in either alphabet: another encoder may have written it.
    let bytes = b64::decode(fragment.strip_prefix(OLD)?);
    Some(bytes.and_then(|b| String::from_utf8(b).ok()).ok_or(LinkError::Damaged))
}

/// Characters kept as they are in a text value, an id or a version.
fn plain(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
}

/// The compact text of a link's JSON, or `None` if it is not of the shape `link_json` writes.
fn compact(json: &str) -> Option<String> {
    let Ok(Json::Object(entries)) = json::parse(json) else { return None };
    let get = |key: &str| entries.iter().find(|(k, _)| k == key).map(|(_, v)| v);
    if entries
        .iter()
        .any(|(k, _)| !["format_version", "topics", "answers", "as_of", "rules"].contains(&k.as_str()))
    {
        return None;
    }
    let Some(Json::Number(format)) = get("format_version") else { return None };
    let Some(Json::String(as_of)) = get("as_of") else { return None };
    let (Some(Json::Array(topics)), Some(Json::Object(answers)), Some(Json::Object(rules))) =
        (get("topics"), get("answers"), get("rules"))
    else {
        return None;
    };
    let mut out = format!("{format}~");
    out.extend(as_of.chars().filter(|c| *c != '-'));
    out.push('~');
    for (i, (id, version)) in rules.iter().enumerate() {
        let version = version.as_str().filter(|v| plain(v) && plain(id))?;
        out.push_str(if i == 0 { "" } else { "," });
        out.push_str(&format!("{id}:{version}"));
    }
    out.push('~');
    for (i, topic) in topics.iter().enumerate() {
        out.push_str(if i == 0 { "" } else { "," });
        out.push_str(topic.as_str().filter(|t| plain(t))?);
    }
    out.push('~');
    let mut topic = "";
    for (i, (key, value)) in answers.iter().enumerate() {
        let (prefix, rest) = key.split_once('.').filter(|_| plain(key))?;
        out.push_str(if i == 0 { "" } else { "," });
        if prefix == topic {
            out.push('.');
            out.push_str(rest);
        } else {
            out.push_str(key);
        }
        topic = prefix;
        out.push(':');
        value_text(&mut out, value)?;
    }
    out.push('~');
    Some(out)
}

fn value_text(out: &mut String, value: &Json) -> Option<()> {
    match value {
        Json::Bool(b) => out.push(if *b { 't' } else { 'f' }),
        Json::Null => out.push('z'),
        Json::Number(n) if plain(n) => out.push_str(&format!("n{n}")),
        Json::String(s) if plain(s) => out.push_str(&format!("s{s}")),
        Json::String(s) => out.push_str(&format!("b{}", b64::encode(s.as_bytes()))),
        Json::Object(ends) if ends.len() == 2 && ends[0].0 == "low" && ends[1].0 == "high" => {
            out.push('r');
            value_text(out, &ends[0].1)?;
            out.push('!');
            value_text(out, &ends[1].1)?;
        }
        _ => return None,
    }
    Some(())
}

/// The link's JSON back from its compact text, or `None` if the text is not of that shape.
fn expand(text: &str) -> Option<String> {
    let mut sections = text.split('~');
    let (format, as_of, rules, topics, answers) =
        (sections.next()?, sections.next()?, sections.next()?, sections.next()?, sections.next()?);
    // The closing `~`: a link cut off anywhere is damaged, never a profile with less in it.
    if sections.next() != Some("")
        || sections.next().is_some()
        || !format.bytes().all(|b| b.is_ascii_digit())
        || format.is_empty()
    {
        return None;
    }
    if as_of.len() != 8 || !as_of.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let as_of = format!("{}-{}-{}", &as_of[..4], &as_of[4..6], &as_of[6..]);
    let mut out = format!("{{\"format_version\":{format},\"topics\":[");
    for (i, topic) in items(topics).enumerate() {
        out.push_str(if i == 0 { "" } else { "," });
        write_string(&mut out, topic);
    }
    out.push_str("],\"answers\":{");
    let mut topic = String::new();
    for (i, pair) in items(answers).enumerate() {
        let (key, value) = pair.split_once(':')?;
        let key = match key.strip_prefix('.') {
            Some(rest) if !topic.is_empty() => format!("{topic}.{rest}"),
            _ => key.to_string(),
        };
        topic = key.split_once('.')?.0.to_string();
        out.push_str(if i == 0 { "" } else { "," });
        write_string(&mut out, &key);
        out.push(':');
        value_json(&mut out, value)?;
    }
    out.push_str(&format!("}},\"as_of\":\"{as_of}\",\"rules\":{{"));
    for (i, pair) in items(rules).enumerate() {
        let (id, version) = pair.split_once(':')?;
        out.push_str(if i == 0 { "" } else { "," });
        write_string(&mut out, id);
        out.push(':');
        write_string(&mut out, version);
    }
    out.push_str("}}");
    Some(out)
}

/// The items of a comma-separated section (none in an empty one).
fn items(section: &str) -> impl Iterator<Item = &str> {
    section.split(',').filter(|s| !s.is_empty())
}

fn value_json(out: &mut String, text: &str) -> Option<()> {
    let (kind, rest) = (text.get(..1)?, text.get(1..)?);
    match kind {
        "t" | "f" | "z" if rest.is_empty() => out.push_str(match kind {
            "t" => "true",
            "f" => "false",
            _ => "null",
        }),
        "n" if plain(rest) => out.push_str(rest),
        "s" if plain(rest) => write_string(out, rest),
        "b" => write_string(out, &String::from_utf8(b64::decode(rest)?).ok()?),
        "r" => {
            let (low, high) = rest.split_once('!')?;
            out.push_str("{\"low\":");
            value_json(out, low)?;
            out.push_str(",\"high\":");
            value_json(out, high)?;
            out.push('}');
        }
        _ => return None,
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
    use base64::Engine;
    /// A company of every kind of answer the common and provincial packs ask: a Chinese name, a
    /// choice, yes/no, a date, a year, money and a range of money.
    fn sample() -> Profile {
        let text = r#"{"format_version":2,"topics":[],"answers":{
            "company.name":"广州某智能装备有限公司 (R&D)","company.city":"guangzhou",
            "company.registered_in_guangdong":true,"company.ai_robotics_field":false,
            "company.founded":"2021-03-15","company.rd_spend_previous_year":{"low":"2000000","high":"3000000.5"},
            "little_giant.first_recognised_year":2025}}"#;
        Profile::from_json(library(), text).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn as_of() -> Date {
        Date::parse("2026-03-01").unwrap()
    }

    #[test]
    fn a_link_opens_the_profile_it_was_made_of_with_its_date_and_rules() {
        let fragment = share_fragment(&sample(), as_of());
        assert!(fragment.starts_with("#p2=2~20260301~"), "{fragment}");
        // Nothing a URL would escape, and the name in base64url.
        assert!(
            fragment[1..].bytes().all(|b| b.is_ascii_alphanumeric() || b"._-~:,!=".contains(&b)),
            "{fragment}"
        );
        assert!(fragment.contains(",.city:sguangzhou,"), "{fragment}");
        assert!(fragment.contains(":rs2000000!s3000000.5"), "{fragment}");
        assert_eq!(profile_from_fragment(&fragment), Some(Ok(sample())));
        let saved = saved_in_fragment(&fragment);
        assert_eq!(saved.as_of, Some(as_of()));
        assert!(!saved.rules.is_empty(), "{saved:?}");
        assert!(saved.differences(library(), &sample(), as_of()).is_empty(), "{saved:?}");
        // The same JSON as the old format carries, read back.
        assert_eq!(
            expand(&fragment[4..]).as_deref(),
            Some(link_json(&sample(), library(), as_of()).as_str())
        );
    }

    #[test]
    fn a_link_is_about_half_as_long_as_the_old_format_of_the_same_json() {
        let json = link_json(&sample(), library(), as_of());
        let old = format!("#{OLD}{}", URL_SAFE_NO_PAD.encode(&json)).len();
        let new = share_fragment(&sample(), as_of()).len();
        assert!(new * 100 < old * 55, "{new} against {old}");
    }

    #[test]
    fn old_links_still_open() {
        let json = link_json(&sample(), library(), as_of());
        let fragment = format!("#profile={}", URL_SAFE_NO_PAD.encode(&json));
        assert_eq!(profile_from_fragment(&fragment), Some(Ok(sample())));
        assert_eq!(saved_in_fragment(&fragment).as_of, Some(as_of()));
        // Padded, or in the standard alphabet, as another encoder may write it.
        let padded = format!("#profile={}", STANDARD.encode(&json));
        assert_eq!(profile_from_fragment(&padded), Some(Ok(sample())));
    }

    #[test]
    fn broken_links_say_why() {
        assert_eq!(profile_from_fragment("#rules"), None);
        assert_eq!(saved_in_fragment("#rules"), Saved::default());
        assert_eq!(profile_from_fragment("#profile=%%%"), Some(Err(LinkError::Damaged)));
        let fragment = share_fragment(&sample(), as_of());
        // Cut off anywhere, a link is damaged (or not a link at all): never a profile with less.
        for end in 0..fragment.len() {
            let cut = profile_from_fragment(&fragment[..end]);
            assert!(matches!(cut, None | Some(Err(LinkError::Damaged))), "{}: {cut:?}", &fragment[..end]);
        }
        for bad in [
            "#p2=",
            "#p2=2~2026~~~~",
            "#p2=2~20260301~~~company.name:x~",
            "#p2=2~20260301~~~company.name:b%%~",
            "#p2=2~20260301~~~company.name:sA~~",
        ] {
            assert_eq!(profile_from_fragment(bad), Some(Err(LinkError::Damaged)), "{bad}");
        }
        let not_a_profile = format!("#profile={}", URL_SAFE_NO_PAD.encode("[1,2]"));
        assert!(matches!(profile_from_fragment(&not_a_profile), Some(Err(LinkError::Profile(_)))));
    }
}
