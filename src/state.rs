//! The page's state: one `Session` (what the user entered), the as-of date, the language, and the
//! report derived from them. Components read and change the state only through this type.

use crate::browser;
use crate::i18n::ui;
use crate::session::{self, Session};
use crate::share_link::LinkError;
use leptos::prelude::*;
use std::sync::OnceLock;
use subsidy_engine::fields::{Field, TopicId};
use subsidy_engine::input::ProfileError;
use subsidy_engine::money::Unit;
use subsidy_engine::profile::NewValue;
use subsidy_engine::view::ReportView;
use subsidy_engine::{evaluate, Date, EvalError, Lang, Library, Profile};

/// A message shown above the form until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub enum Banner {
    Imported,
    ImportFailed(Vec<String>),
    StorageUnreadable(String),
    LinkLoaded { previous_kept: bool },
    LinkBroken(Vec<String>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Estimate,
    Rules,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub session: RwSignal<Session>,
    pub as_of: RwSignal<Date>,
    /// Bumped whenever the form is replaced from outside (import, link, restore, start over), so
    /// that the form is drawn again from the new values; typing never bumps it.
    pub revision: RwSignal<u32>,
    pub banner: RwSignal<Option<Banner>>,
    pub page: RwSignal<Page>,
    pub report: Memo<Result<ReportView, String>>,
    /// Cross-field problems (e.g. completion before start), by field.
    pub profile_problems: Memo<Vec<ProfileError>>,
}

/// The common and provincial packs, converted and checked by `build.rs`, in Chinese only.
const FIRST_PACKS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/packs-base.postcard"));
/// Every pack in both languages (the city and district packs, and English), beside the page
/// (written by the engine's `web-packs`, named with its content hash in `<meta name="place-packs">`),
/// loaded after the first results; the single-file build carries it inline under this id.
pub const PLACE_PACKS: &str = "place-packs";

static FIRST: OnceLock<Library> = OnceLock::new();
static FULL: OnceLock<Library> = OnceLock::new();

/// The packs the page has: the province's in Chinese from the start, every pack in both languages
/// once they have arrived. Decoded once each; not checked again: the build checked them.
pub fn library() -> &'static Library {
    FULL.get().unwrap_or_else(|| {
        FIRST.get_or_init(|| {
            Library::from_postcard(&[FIRST_PACKS])
                .unwrap_or_else(|e| panic!("the embedded packs do not decode: {e}"))
        })
    })
}

pub fn has_place_packs() -> bool {
    FULL.get().is_some()
}

/// Gets every pack (inline in the single file, else from beside the page) and makes them
/// `library()`. `false` when they cannot be had: the province still works, in Chinese.
pub async fn load_place_packs() -> bool {
    if has_place_packs() {
        return true;
    }
    let bytes = match (browser::inline_bytes(PLACE_PACKS), browser::meta(PLACE_PACKS)) {
        (Some(bytes), _) => Some(bytes),
        (None, Some(file)) => browser::fetch_bytes(&file).await,
        (None, None) => None,
    };
    bytes.is_some_and(|bytes| use_place_packs(&bytes))
}

/// Makes `bytes` (what `web-packs` wrote) the library. The browser tests give them directly.
pub fn use_place_packs(bytes: &[u8]) -> bool {
    match Library::from_postcard(&[bytes]) {
        Ok(full) => FULL.set(full).is_ok() || has_place_packs(),
        Err(e) => {
            leptos::logging::warn!("the packs do not decode: {e}");
            false
        }
    }
}

impl AppState {
    pub fn new(session: Session, lang: Lang, as_of: Date) -> AppState {
        let session = RwSignal::new(session);
        let lang = RwSignal::new(lang);
        let as_of = RwSignal::new(as_of);
        let profile_problems =
            Memo::new(move |_| session.with(|s| s.profile(as_of.get()).validate(library())));
        let report = Memo::new(move |_| {
            let profile = session.with(|s| s.profile(as_of.get()));
            let problems = profile_problems.get();
            // Fields with problems count as unknown, so the valid ones still give results.
            let clean = profile.without(&problems);
            let lang = lang.get();
            evaluate(&clean, library(), as_of.get())
                .map(|report| ReportView::new(&report, &clean, lang))
                .map_err(|e| match e {
                    // Cannot happen after `without`: listed for completeness.
                    EvalError::Invalid(errors) => {
                        errors.iter().map(|e| e.message(library(), lang)).collect::<Vec<_>>().join("; ")
                    }
                    EvalError::Overflow { programme } => format!("overflow: {programme}"),
                })
        });
        AppState {
            lang,
            session,
            as_of,
            revision: RwSignal::new(0),
            banner: RwSignal::new(None),
            page: RwSignal::new(Page::Estimate),
            report,
            profile_problems,
        }
    }

    pub fn ui(&self) -> &'static crate::i18n::Ui {
        ui(self.lang.get())
    }

    /// A field's text read successfully (or emptied).
    pub fn set_value(&self, field: Field, text: String, value: NewValue) {
        self.session.update(|s| {
            // A value of the wrong kind cannot come from the form's own parser.
            let _ = s.form.set(field, value);
            s.texts.insert(field, text);
        });
    }

    /// A field's text does not read: the field counts as unknown, and the text is kept.
    pub fn set_draft(&self, field: Field, text: String) {
        self.session.update(|s| {
            s.form.clear(field);
            s.texts.insert(field, text);
        });
    }

    /// The unit a money field is typed in. Untracked: it is read when text is parsed, and a unit
    /// change re-parses explicitly.
    pub fn unit(&self, field: Field) -> Unit {
        self.session.with_untracked(|s| s.units.get(&field).copied().unwrap_or_default())
    }

    pub fn set_unit(&self, field: Field, unit: Unit) {
        self.session.update(|s| {
            s.units.insert(field, unit);
        });
    }

    pub fn is_enabled(&self, topic: TopicId) -> bool {
        self.session.with(|s| s.is_enabled(topic))
    }

    pub fn is_enabled_untracked(&self, topic: TopicId) -> bool {
        self.session.with_untracked(|s| s.is_enabled(topic))
    }

    pub fn set_enabled(&self, topic: TopicId, on: bool) {
        let id = &library().topic(topic).id;
        self.session.update(|s| {
            s.enabled.retain(|k| k != id);
            if on {
                s.enabled.push(id.clone());
            }
        });
    }

    /// The city and district packs have arrived: the form keeps every answer, and is drawn again
    /// with their questions.
    pub fn place_packs_arrived(&self) {
        self.session.update(|s| s.form = s.form.adopted(library()));
        self.revision.update(|r| *r += 1);
    }

    /// Replaces the whole form (import, link, restore, start over).
    pub fn replace(&self, session: Session) {
        let lang = self.lang.get_untracked();
        self.session.set(Session { lang: Some(lang), ..session });
        self.revision.update(|r| *r += 1);
    }

    /// The profile the engine sees (what export and share links carry).
    pub fn profile(&self) -> Profile {
        let as_of = self.as_of.get_untracked();
        self.session.with(|s| s.profile(as_of))
    }

    pub fn import(&self, text: &str) {
        match Profile::from_json(library(), text) {
            Ok(profile) => {
                self.replace(Session::from_profile(profile, None));
                crate::seal::opened(*self, subsidy_engine::fingerprint::Saved::from_text(text));
                self.banner.set(Some(Banner::Imported));
            }
            Err(errors) => self.banner.set(Some(Banner::ImportFailed(self.messages(&errors)))),
        }
    }

    /// Opens a share link, keeping the profile it replaces under a key of its own.
    pub fn open_link(&self, result: Result<Profile, LinkError>) {
        match result {
            Ok(profile) => {
                let previous = self.session.get_untracked();
                let previous_kept = previous.form != Profile::new(library())
                    && browser::store(session::BEFORE_LINK_KEY, &previous.to_json());
                self.replace(Session::from_profile(profile, None));
                self.banner.set(Some(Banner::LinkLoaded { previous_kept }));
            }
            Err(LinkError::Damaged) => {
                self.banner.set(Some(Banner::LinkBroken(vec![self.ui().link_damaged.to_string()])))
            }
            Err(LinkError::Profile(errors)) => {
                self.banner.set(Some(Banner::LinkBroken(self.messages(&errors))))
            }
        }
    }

    pub fn restore_before_link(&self) {
        if let Some(previous) =
            browser::load(session::BEFORE_LINK_KEY).and_then(|t| Session::from_json(&t).ok())
        {
            self.replace(previous);
            browser::forget(session::BEFORE_LINK_KEY);
        }
        self.banner.set(None);
    }

    fn messages(&self, errors: &[ProfileError]) -> Vec<String> {
        let lang = self.lang.get_untracked();
        errors.iter().map(|e| e.message(library(), lang)).collect()
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
