//! What a person typed into one field of the form, read into a value: the web form's only parser,
//! kept here so that it is tested natively and shared with any other front end.

use crate::city::City;
use crate::credit_code::CreditCode;
use crate::date::Date;
use crate::fields::{Field, FieldKind};
use crate::input::{Problem, MAX_COUNT, MAX_NAME_CHARS, YEARS};
use crate::money::{group_digits, parse_amount, AmountProblem, Unit};
use crate::profile::{NewValue, Value};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Reads the text of one field. Empty text is `Unknown`; anything unreadable is a `Problem` worded
/// for that field. `unit` matters for money only.
pub fn parse_typed(field: Field, text: &str, unit: Unit) -> Result<NewValue, Problem> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(NewValue::Unknown);
    }
    match field.kind() {
        FieldKind::Text => {
            let chars = trimmed.chars().count();
            if chars > MAX_NAME_CHARS {
                Err(Problem::NameTooLong { chars })
            } else {
                Ok(NewValue::Text(trimmed.to_string()))
            }
        }
        FieldKind::CreditCode => CreditCode::parse(trimmed)
            .map(NewValue::CreditCode)
            .map_err(|reason| Problem::CreditCode { reason }),
        FieldKind::City => City::from_id(trimmed)
            .map(NewValue::City)
            .ok_or_else(|| Problem::UnknownCity { found: trimmed.to_string() }),
        FieldKind::Bool => match trimmed {
            "true" => Ok(NewValue::Bool(true)),
            "false" => Ok(NewValue::Bool(false)),
            _ => Err(Problem::WrongType),
        },
        FieldKind::Choice(choices) => choices
            .iter()
            .find(|c| c.id == trimmed)
            .map(|c| NewValue::Choice(c.id.to_string()))
            .ok_or_else(|| Problem::UnknownChoice { found: trimmed.to_string() }),
        FieldKind::Date => {
            Date::parse(trimmed).map(NewValue::Date).map_err(|p| Problem::Date { reason: p.into() })
        }
        FieldKind::Money => match parse_amount(trimmed, unit) {
            Ok(Some(amount)) => Ok(NewValue::Money(amount)),
            Ok(None) => Ok(NewValue::Unknown),
            Err(reason) => Err(Problem::Amount { reason }),
        },
        FieldKind::Year => {
            let digits = trimmed.strip_suffix('年').unwrap_or(trimmed);
            let number = whole_number(digits).ok_or(Problem::WrongType)?;
            let year = i32::try_from(number).map_err(|_| Problem::YearOutOfRange { found: i64::MAX })?;
            if YEARS.contains(&year) {
                Ok(NewValue::Year(year))
            } else {
                Err(Problem::YearOutOfRange { found: year.into() })
            }
        }
        FieldKind::Count => {
            let digits = trimmed.trim_end_matches(['家', '个', '人']);
            let count = whole_number(digits).ok_or(Problem::WrongType)?;
            if count > MAX_COUNT {
                Err(Problem::CountTooLarge)
            } else {
                Ok(NewValue::Count(count))
            }
        }
    }
}

/// A whole number as people type it (full-width digits, separators, 万), via the amount reader.
fn whole_number(text: &str) -> Option<u64> {
    match parse_amount(text, Unit::Yuan) {
        Ok(Some(n)) if n.fract().is_zero() => n.to_u64(),
        Err(AmountProblem::TooLarge) => Some(u64::MAX),
        _ => None,
    }
}

/// The text a field shows for a stored value, in the unit chosen for it: what an imported profile or
/// a restored session puts back into the form.
pub fn typed_text(value: Value<'_>, unit: Unit) -> String {
    match value {
        Value::Unknown => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Count(n) => group_digits(Decimal::from(n)),
        Value::Money(m) => match unit {
            Unit::Yuan => group_digits(m),
            Unit::Wan => (m / Decimal::from(10_000)).normalize().to_string(),
        },
        Value::Year(y) => y.to_string(),
        Value::Date(d) => d.to_string(),
        Value::Choice(id) => id.to_string(),
        Value::City(c) => c.id().to_string(),
        Value::Text(t) => t.to_string(),
        Value::CreditCode(c) => c.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Profile;
    use std::str::FromStr;

    fn read(field: Field, text: &str) -> Result<NewValue, Problem> {
        parse_typed(field, text, Unit::Yuan)
    }

    #[test]
    fn reads_each_kind() {
        assert_eq!(read(Field::CompanyName, "  某公司 "), Ok(NewValue::Text("某公司".into())));
        assert_eq!(read(Field::City, "foshan"), Ok(NewValue::City(City::Foshan)));
        assert_eq!(read(Field::CentreOperating, "false"), Ok(NewValue::Bool(false)));
        assert_eq!(read(Field::CentreLevel, "national"), Ok(NewValue::Choice("national".into())));
        assert_eq!(read(Field::LittleGiantYear, "２０２５"), Ok(NewValue::Year(2025)));
        assert_eq!(read(Field::LittleGiantYear, "2025年"), Ok(NewValue::Year(2025)));
        assert_eq!(read(Field::ActiveUsers, "150万"), Ok(NewValue::Count(1_500_000)));
        assert_eq!(read(Field::EnterprisesServed, "１８０家"), Ok(NewValue::Count(180)));
        assert_eq!(
            read(Field::ProjectStart, "2023-03-01"),
            Ok(NewValue::Date(Date::parse("2023-03-01").unwrap()))
        );
        assert_eq!(
            parse_typed(Field::ProjectInvestment, "1,200", Unit::Wan),
            Ok(NewValue::Money(Decimal::from(12_000_000)))
        );
        for field in Field::ALL {
            assert_eq!(read(*field, "   "), Ok(NewValue::Unknown), "{field:?}");
        }
    }

    #[test]
    fn names_what_is_wrong() {
        assert_eq!(
            read(Field::ProjectInvestment, "-5"),
            Err(Problem::Amount { reason: AmountProblem::Negative })
        );
        assert_eq!(
            read(Field::ProjectInvestment, "1e309"),
            Err(Problem::Amount { reason: AmountProblem::NotANumber })
        );
        assert_eq!(read(Field::LittleGiantYear, "1800"), Err(Problem::YearOutOfRange { found: 1800 }));
        assert_eq!(
            read(Field::LittleGiantYear, "99999999999"),
            Err(Problem::YearOutOfRange { found: i64::MAX })
        );
        assert_eq!(read(Field::LittleGiantYear, "二〇二五"), Err(Problem::WrongType));
        assert_eq!(read(Field::ActiveUsers, "1.5"), Err(Problem::WrongType));
        assert_eq!(read(Field::ActiveUsers, "-5"), Err(Problem::WrongType));
        assert_eq!(read(Field::ActiveUsers, "9".repeat(40).as_str()), Err(Problem::CountTooLarge));
        assert_eq!(read(Field::CompanyName, &"x".repeat(500)), Err(Problem::NameTooLong { chars: 500 }));
        assert!(matches!(read(Field::CreditCode, "123"), Err(Problem::CreditCode { .. })));
        assert!(matches!(read(Field::ProjectStart, "2025-02-30"), Err(Problem::Date { .. })));
        assert!(matches!(read(Field::City, "macau"), Err(Problem::UnknownCity { .. })));
    }

    #[test]
    fn stored_values_come_back_as_the_text_that_reads_them() {
        let mut profile = Profile::default();
        profile
            .set(Field::ProjectInvestment, NewValue::Money(Decimal::from_str("12345678.5").unwrap()))
            .unwrap();
        profile.set(Field::ActiveUsers, NewValue::Count(1_500_000)).unwrap();
        for (field, unit) in [
            (Field::ProjectInvestment, Unit::Yuan),
            (Field::ProjectInvestment, Unit::Wan),
            (Field::ActiveUsers, Unit::Yuan),
        ] {
            let text = typed_text(profile.get(field), unit);
            let mut again = Profile::default();
            again.set(field, parse_typed(field, &text, unit).unwrap()).unwrap();
            assert_eq!(again.get(field), profile.get(field), "{text}");
        }
        assert_eq!(typed_text(profile.get(Field::ProjectInvestment), Unit::Wan), "1234.56785");
    }
}
