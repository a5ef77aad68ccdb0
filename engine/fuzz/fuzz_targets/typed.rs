//! Arbitrary text typed into every field of the form, in both units: the form's reader never
//! panics, what it accepts is a valid profile value that shows back as text reading the same value,
//! and what it refuses has words in both languages. The lower readers (amounts, credit codes, dates)
//! get the same text directly.

#![no_main]

use libfuzzer_sys::fuzz_target;
use subsidy_engine::credit_code::CreditCode;
use subsidy_engine::fields::Field;
use subsidy_engine::input::Location;
use subsidy_engine::money::{check_amount, parse_amount, Unit};
use subsidy_engine::profile::Profile;
use subsidy_engine::typed::{parse_typed, typed_text};
use subsidy_engine::{Date, Lang};

fuzz_target!(|data: &[u8]| check(&String::from_utf8_lossy(data)));

fn check(text: &str) {
    for unit in [Unit::Yuan, Unit::Wan] {
        if let Ok(Some(amount)) = parse_amount(text, unit) {
            assert_eq!(check_amount(amount), Ok(()), "{text:?} in {unit:?} read as {amount}");
        }
        for &field in Field::ALL {
            match parse_typed(field, text, unit) {
                Ok(value) => {
                    let mut profile = Profile::default();
                    profile.set(field, value.clone()).expect("a value of the field's own kind");
                    assert!(profile.validate().is_empty(), "{field:?} {text:?}: {:?}", profile.validate());
                    let shown = typed_text(profile.get(field), unit);
                    assert_eq!(
                        parse_typed(field, &shown, unit),
                        Ok(value),
                        "{field:?} {text:?} shown as {shown:?}"
                    );
                }
                Err(problem) => {
                    for lang in Lang::ALL {
                        let words = problem.message(lang, &Location::Field(field));
                        assert!(!words.trim().is_empty(), "{field:?} {problem:?}");
                    }
                }
            }
        }
    }
    if let Ok(code) = CreditCode::parse(text) {
        assert_eq!(CreditCode::parse(code.as_str()).as_ref(), Ok(&code));
        let _ = code.registered_in_guangdong();
    }
    if let Ok(date) = Date::parse(text) {
        assert_eq!(Date::parse(&date.to_string()), Ok(date));
        assert_eq!(Date::from_days_since_epoch(date.days_since_epoch()), Some(date));
    }
}
