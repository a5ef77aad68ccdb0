//! Arbitrary text typed into every question of the built-in packs, in both units: the form's reader
//! never panics, what it accepts is a valid profile value that shows back as text reading the same
//! value, and what it refuses has words in both languages. The lower readers (amounts, credit codes,
//! dates) get the same text directly.

#![no_main]

use libfuzzer_sys::fuzz_target;
use subsidy_engine::credit_code::CreditCode;
use subsidy_engine::money::{check_amount, parse_amount, Unit};
use subsidy_engine::{Date, Library};

#[path = "../../tests/common/typed_round_trip.rs"]
mod typed_round_trip;
use typed_round_trip::check_typed;

fuzz_target!(|data: &[u8]| check(&String::from_utf8_lossy(data)));

fn check(text: &str) {
    let lib = Library::builtin();
    for unit in [Unit::Yuan, Unit::Wan] {
        if let Ok(Some(amount)) = parse_amount(text, unit) {
            assert_eq!(check_amount(amount), Ok(()), "{text:?} in {unit:?} read as {amount}");
        }
        for field in lib.fields() {
            check_typed(lib, field, text, unit);
        }
    }
    if let Ok(code) = CreditCode::parse(text) {
        assert_eq!(CreditCode::parse(code.as_str()).as_ref(), Ok(&code));
        let _ = code.division_starts_with("44");
    }
    if let Ok(date) = Date::parse(text) {
        assert_eq!(Date::parse(&date.to_string()), Ok(date));
        assert_eq!(Date::from_days_since_epoch(date.days_since_epoch()), Some(date));
    }
}
