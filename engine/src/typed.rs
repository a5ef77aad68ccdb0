//! What a person typed into one field of the form, read into a value: the web form's only parser,
//! kept here so that it is tested natively and shared with any other front end.

use crate::credit_code::CreditCode;
use crate::date::Date;
use crate::fields::FieldKind;
use crate::input::{Problem, MAX_COUNT, MAX_NAME_CHARS, YEARS};
use crate::money::{group_digits, parse_amount, AmountProblem, Unit};
use crate::profile::{NewValue, Value};
use crate::rules::Question;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Reads the text of one field. Empty text is `Unknown`; anything unreadable is a `Problem` worded
/// for that field. `unit` matters for money only.
pub fn parse_typed(question: &Question, text: &str, unit: Unit) -> Result<NewValue, Problem> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(NewValue::Unknown);
    }
    match question.kind {
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
        FieldKind::Bool => match trimmed {
            "true" => Ok(NewValue::Bool(true)),
            "false" => Ok(NewValue::Bool(false)),
            _ => Err(Problem::WrongType),
        },
        FieldKind::Choice => question
            .choice(trimmed)
            .map(|c| NewValue::Choice(c.id.clone()))
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
        Value::Text(t) => t.to_string(),
        Value::CreditCode(c) => c.to_string(),
        Value::Range { low, high } => {
            let end = |m: Decimal| match unit {
                Unit::Yuan => group_digits(m),
                Unit::Wan => (m / Decimal::from(10_000)).normalize().to_string(),
            };
            format!("{}-{}", end(low), end(high))
        }
    }
}
