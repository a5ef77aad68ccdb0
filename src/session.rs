//! What the page keeps between visits. Pure data and conversions;
//! `browser.rs` does the storing.

use crate::state::library;
use std::collections::BTreeMap;
use std::fmt::Write;
use subsidy_engine::evaluate::is_asked;
use subsidy_engine::fields::{Field, TopicId};
use subsidy_engine::json::{self, write_string, Json};
use subsidy_engine::money::Unit;
use subsidy_engine::{Date, Lang, Profile};

/// The version of the stored envelope (not of the profile inside it).
pub const ENVELOPE_VERSION: u32 = 1;
pub const STORAGE_KEY: &str = "gd-ai-subsidy/session";
/// Where the profile that a share link replaced is kept, so that opening a link never loses work.
pub const BEFORE_LINK_KEY: &str = "gd-ai-subsidy/session-before-link";

/// Everything the form holds. `form` keeps the values of topics that are switched off, so that
/// switching one off and on again loses nothing; `enabled` says which count.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub envelope: u32,
    pub lang: Option<Lang>,
    pub form: Profile,
    pub enabled: Vec<String>,
    /// What was typed into each field, exactly: restored as typed (an unreadable text with its
    /// message). Fields never typed into show their stored value.
    pub texts: BTreeMap<Field, String>,
    pub units: BTreeMap<Field, Unit>,
}

impl Session {
    pub fn new(lang: Option<Lang>) -> Session {
        Session {
            envelope: ENVELOPE_VERSION,
            lang,
            form: Profile::new(library()),
            enabled: Vec::new(),
            texts: BTreeMap::new(),
            units: BTreeMap::new(),
        }
    }

    /// A session holding an imported or linked profile: its topics are the ones switched on.
    pub fn from_profile(profile: Profile, lang: Option<Lang>) -> Session {
        let library = library();
        let enabled = profile
            .topics_on()
            .map(|t| library.topic(t))
            .filter(|t| t.is_optional())
            .map(|t| t.id.clone())
            .collect();
        Session { form: profile, enabled, ..Session::new(lang) }
    }

    /// Nothing answered yet: a first visit, or after "start over".
    pub fn is_empty(&self) -> bool {
        !library().fields().any(|f| self.form.stored(f).is_known())
            && self.texts.values().all(|t| t.trim().is_empty())
    }

    pub fn is_enabled(&self, topic: TopicId) -> bool {
        let topic = library().topic(topic);
        !topic.is_optional() || self.enabled.contains(&topic.id)
    }

    /// The profile the engine sees: the form with switched-off topics off, and the answers to
    /// questions not asked of this company (a district of a city without districts, a city
    /// pack's questions elsewhere) left out.
    pub fn profile(&self, as_of: Date) -> Profile {
        let library = library();
        let mut profile = self.form.with_topics(|t| self.is_enabled(t));
        let unasked: Vec<Field> = library
            .fields()
            .filter(|f| profile.get(*f).is_known() && !is_asked(&profile, library, *f, as_of))
            .collect();
        for field in unasked {
            profile.clear(field);
        }
        profile
    }

    /// `{"envelope": 1, "lang": "zh", "form": {profile}, "enabled": [...], "texts": {...}, "units": {...}}`
    pub fn to_json(&self) -> String {
        let mut out = format!("{{\"envelope\":{},\"lang\":", self.envelope);
        match self.lang {
            Some(lang) => write_string(&mut out, lang.tag()),
            None => out.push_str("null"),
        }
        let _ = write!(out, ",\"form\":{},\"enabled\":[", self.form_json().trim_end());
        for (i, key) in self.enabled.iter().enumerate() {
            out.push_str(if i == 0 { "" } else { "," });
            write_string(&mut out, key);
        }
        out.push_str("],\"texts\":{");
        for (i, (field, text)) in self.texts.iter().enumerate() {
            out.push_str(if i == 0 { "" } else { "," });
            write_string(&mut out, &library().question(*field).id);
            out.push(':');
            write_string(&mut out, text);
        }
        out.push_str("},\"units\":{");
        for (i, (field, unit)) in self.units.iter().enumerate() {
            out.push_str(if i == 0 { "" } else { "," });
            write_string(&mut out, &library().question(*field).id);
            out.push_str(if *unit == Unit::Wan { ":\"wan\"" } else { ":\"yuan\"" });
        }
        out.push_str("}}");
        out
    }

    /// Reads a stored session. Its profile may hold a range or date-order problem, which the form
    /// shows; anything else that does not read makes the whole session unreadable.
    pub fn from_json(text: &str) -> Result<Session, String> {
        let json = json::parse(text).map_err(|e| e.reason.to_string())?;
        match json.get("envelope") {
            Some(Json::Number(n)) if *n == ENVELOPE_VERSION.to_string() => {}
            _ => return Err("not a session of this version".into()),
        }
        let (form, errors) = Profile::read_json(library(), json.get("form").ok_or("no form")?);
        if !errors.is_empty() {
            return Err("the form does not read".into());
        }
        let lang = json.get("lang").and_then(Json::as_str).and_then(Lang::from_tag);
        let strings = |key: &str| -> Result<Vec<String>, String> {
            match json.get(key) {
                Some(Json::Array(items)) => {
                    items.iter().map(|i| i.as_str().map(str::to_string).ok_or(key.to_string())).collect()
                }
                _ => Err(format!("no {key}")),
            }
        };
        let by_field = |key: &str| -> Result<Vec<(Field, String)>, String> {
            match json.get(key) {
                Some(Json::Object(entries)) => entries
                    .iter()
                    .map(|(path, value)| match (library().field(path), value.as_str()) {
                        (Some(field), Some(text)) => Ok((field, text.to_string())),
                        _ => Err(format!("{key}.{path}")),
                    })
                    .collect(),
                _ => Err(format!("no {key}")),
            }
        };
        // Inserted one by one: collecting into a map sorts the entries first, with two instances of
        // the standard stable sort, 7 KB of wasm before compression.
        let mut units = BTreeMap::new();
        for (field, unit) in by_field("units")? {
            units.insert(field, if unit == "wan" { Unit::Wan } else { Unit::Yuan });
        }
        let enabled = strings("enabled")?;
        let mut texts = BTreeMap::new();
        for (field, text) in by_field("texts")? {
            texts.insert(field, text);
        }
        Ok(Session { envelope: ENVELOPE_VERSION, lang, form, enabled, texts, units })
    }
}

impl Session {
    /// The form's answers with every topic that holds any switched on, so that what a switched-off
    /// topic holds is stored too; `enabled` says which count.
    fn form_json(&self) -> String {
        let library = library();
        let holding = |t: TopicId| library.fields_of(t).any(|f| self.form.stored(f).is_known());
        let mut all = self.form.clone();
        for topic in library.topic_ids() {
            if holding(topic) {
                all.set_topic(topic, true);
            }
        }
        all.to_json_pretty(library)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use subsidy_engine::profile::NewValue;

    fn field(id: &str) -> Field {
        library().field(id).unwrap()
    }

    fn sample() -> Profile {
        let mut p = Profile::new(library());
        p.set(field("company.name"), NewValue::Text("广州某智能装备有限公司".into())).unwrap();
        p.set(field("little_giant.first_recognised_year"), NewValue::Year(2025)).unwrap();
        p
    }

    #[test]
    fn switched_off_topics_keep_their_values_but_do_not_count() {
        let as_of = Date::parse("2026-03-01").unwrap();
        let little_giant = library().topic_id("little_giant").unwrap();
        let mut session = Session::from_profile(sample(), Some(Lang::En));
        assert!(session.is_enabled(little_giant));
        session.enabled.clear();
        assert!(!session.profile(as_of).has_topic(little_giant));
        assert!(session.form.stored(field("little_giant.first_recognised_year")).is_known());
        let restored = Session::from_json(&session.to_json()).unwrap();
        assert_eq!(restored.enabled, session.enabled);
        assert_eq!(restored.profile(as_of), session.profile(as_of));
        assert_eq!(
            restored.form.stored(field("little_giant.first_recognised_year")),
            session.form.stored(field("little_giant.first_recognised_year"))
        );
    }

    #[test]
    fn a_district_counts_only_where_the_city_has_districts() {
        let as_of = Date::parse("2026-03-01").unwrap();
        let mut form = Profile::new(library());
        form.set(field("company.city"), NewValue::Choice("shenzhen".into())).unwrap();
        form.set(field("company.district"), NewValue::Choice("nanshan".into())).unwrap();
        let mut session = Session::from_profile(form, None);
        assert!(session.profile(as_of).get(field("company.district")).is_known());
        session.form.set(field("company.city"), NewValue::Choice("zhuhai".into())).unwrap();
        assert!(!session.profile(as_of).get(field("company.district")).is_known());
        // Kept in the form: choosing Shenzhen again brings it back.
        assert!(session.form.stored(field("company.district")).is_known());
    }
}
