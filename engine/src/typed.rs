//! What a person typed into one field of the form, read into a value: the web form's only parser,
//! kept here so that it is tested natively and shared with any other front end.

use crate::credit_code::CreditCode;
use crate::date::Date;
use crate::fields::FieldKind;
use crate::input::{Problem, MAX_COUNT, MAX_NAME_CHARS, YEARS};
use crate::money::{
    compare, group_digits, is_whole, parse_amount, parse_range, split_range, AmountProblem, Unit,
};
use crate::profile::{NewValue, Value};
use crate::rules::Question;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Reads the text of one field. Empty text is `Unknown`; anything unreadable is a `Problem` worded
/// for that field. `unit` matters for money only. Money and count fields also read a range
/// (`200~300万`, `150–250家`; see `money::split_range`), of zero width an exact value.
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
        FieldKind::Money => match split_range(trimmed) {
            None => match parse_amount(trimmed, unit) {
                Ok(Some(amount)) => Ok(NewValue::Money(amount)),
                Ok(None) => Ok(NewValue::Unknown),
                Err(reason) => Err(Problem::Amount { reason }),
            },
            Some((low, high)) => {
                let (low, high) =
                    parse_range(low, high, unit).map_err(|reason| Problem::Amount { reason })?;
                range(low, high, NewValue::Money(low))
            }
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
        FieldKind::Count => match split_range(trimmed) {
            None => match parse_amount(count_digits(trimmed), Unit::Yuan) {
                Ok(Some(n)) => count(n).map(NewValue::Count),
                Ok(None) => Err(Problem::WrongType),
                Err(reason) => Err(count_problem(reason)),
            },
            Some((low, high)) => {
                let (low, high) =
                    parse_range(count_digits(low), count_digits(high), Unit::Yuan).map_err(count_problem)?;
                let (low, high) = (count(low)?, count(high)?);
                range(Decimal::from(low), Decimal::from(high), NewValue::Count(low))
            }
        },
    }
}

/// A range read from its two ends: the exact value when they are the same figure, an error when
/// the low end is above the high one.
fn range(low: Decimal, high: Decimal, exact: NewValue) -> Result<NewValue, Problem> {
    match compare(low, high) {
        std::cmp::Ordering::Less => Ok(NewValue::Range { low, high }),
        std::cmp::Ordering::Equal => Ok(exact),
        std::cmp::Ordering::Greater => Err(Problem::RangeReversed),
    }
}

/// A count's digits without the word counted (`180家`, `3个`, `50人`).
fn count_digits(text: &str) -> &str {
    text.trim().trim_end_matches(['家', '个', '人'])
}

/// A count read as an amount: a whole number, at most `MAX_COUNT`.
fn count(n: Decimal) -> Result<u64, Problem> {
    if !is_whole(n) {
        return Err(Problem::WrongType);
    }
    match n.to_u64() {
        Some(count) if count <= MAX_COUNT => Ok(count),
        _ => Err(Problem::CountTooLarge),
    }
}

/// Why a count (or an end of a count range) does not read, in a count's words.
fn count_problem(reason: AmountProblem) -> Problem {
    match reason {
        AmountProblem::TooLarge => Problem::CountTooLarge,
        AmountProblem::Approximate | AmountProblem::ApproximateCount => {
            Problem::Amount { reason: AmountProblem::ApproximateCount }
        }
        AmountProblem::RangeEnd => Problem::Amount { reason: AmountProblem::RangeEnd },
        AmountProblem::NotANumber | AmountProblem::Negative | AmountProblem::FinerThanFen => {
            Problem::WrongType
        }
    }
}

/// A whole number as people type it (full-width digits, separators, 万), via the amount reader.
fn whole_number(text: &str) -> Option<u64> {
    match parse_amount(text, Unit::Yuan) {
        Ok(Some(n)) if is_whole(n) => n.to_u64(),
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
        // `2,000,000-3,000,000`; in 万元 `200-300万`, the unit written so that the text reads the
        // same whatever the field's unit (a count, which has none, included).
        Value::Range { low, high } => match unit {
            Unit::Yuan => format!("{}-{}", group_digits(low), group_digits(high)),
            Unit::Wan => {
                let wan = |m: Decimal| (m / Decimal::from(10_000)).normalize();
                format!("{}-{}万", wan(low), wan(high))
            }
        },
    }
}
