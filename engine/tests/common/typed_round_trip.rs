//! What the form's reader holds of any text typed into one question: what it accepts is a valid
//! profile value that shows back as text reading the same value, and what it refuses has words in
//! both languages. Shared by the typed-input tests and the `typed` fuzz target (which includes
//! this file by path: it is a crate of its own).

use subsidy_engine::fields::Field;
use subsidy_engine::money::Unit;
use subsidy_engine::profile::{NewValue, Profile};
use subsidy_engine::typed::{parse_typed, typed_text};
use subsidy_engine::{Lang, Library};

/// Checks one text in one question and unit (panics on a breach); the value read, if any.
pub fn check_typed(lib: &Library, field: Field, text: &str, unit: Unit) -> Option<NewValue> {
    let question = lib.question(field);
    match parse_typed(question, text, unit) {
        Ok(value) => {
            let mut profile = Profile::new(lib);
            profile.set(field, value.clone()).expect("a value of the question's own kind");
            let problems = profile.validate(lib);
            assert!(problems.is_empty(), "{} {text:?}: {problems:?}", question.id);
            let shown = typed_text(profile.get(field), unit);
            assert_eq!(
                parse_typed(question, &shown, unit),
                Ok(value.clone()),
                "{} {text:?} shown as {shown:?}",
                question.id
            );
            Some(value)
        }
        Err(problem) => {
            for lang in Lang::ALL {
                let words = problem.message(lang, Some(question.kind));
                assert!(!words.trim().is_empty(), "{} {problem:?}", question.id);
            }
            None
        }
    }
}
