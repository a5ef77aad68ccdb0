//! Reading a profile from JSON and checking it: every problem is tied to the field it concerns and
//! worded in the reader's language. Nothing here panics on any input.

use crate::city::City;
use crate::credit_code::{CreditCode, CreditCodeProblem};
use crate::date::{Date, DateProblem};
use crate::fields::{Field, FieldKind, Section};
use crate::json::{self, Json};
use crate::lang::Lang;
use crate::money::{check_amount, AmountProblem};
use crate::profile::NewValue;
use crate::profile::{Profile, Recognition, Value, FORMAT_VERSION};
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt::Write;
use std::str::FromStr;

/// Years outside this range cannot be a recognition, an approval or a project of this policy era.
pub const YEARS: std::ops::RangeInclusive<i32> = 1949..=2100;
/// More users or enterprises than this is not a real platform.
pub const MAX_COUNT: u64 = 100_000_000_000;
/// A company name longer than this is a paste gone wrong.
pub const MAX_NAME_CHARS: usize = 200;

/// Where a problem is: a known field, or a place in the file that is not one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Location {
    Field(Field),
    Path(String),
    Document,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProfileError {
    pub at: Location,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    /// Not JSON at all.
    Syntax {
        line: usize,
        column: usize,
    },
    NotAnObject,
    FormatVersionMissing,
    FormatVersionUnsupported {
        found: String,
    },
    UnknownKey,
    WrongType,
    Amount {
        reason: AmountProblem,
    },
    Date {
        reason: DateProblemCode,
    },
    CreditCode {
        reason: CreditCodeProblem,
    },
    UnknownCity {
        found: String,
    },
    UnknownChoice {
        found: String,
    },
    YearOutOfRange {
        found: i64,
    },
    CountTooLarge,
    NameTooLong {
        chars: usize,
    },
    CompletionBeforeStart,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateProblemCode {
    Format,
    NoSuchDay,
}

impl From<DateProblem> for DateProblemCode {
    fn from(p: DateProblem) -> Self {
        match p {
            DateProblem::Format => DateProblemCode::Format,
            DateProblem::NoSuchDay => DateProblemCode::NoSuchDay,
        }
    }
}

impl ProfileError {
    fn at(field: Field, problem: Problem) -> ProfileError {
        ProfileError { at: Location::Field(field), problem }
    }

    /// The field's label, or the place in the file, in the reader's language.
    pub fn place(&self, lang: Lang) -> String {
        match &self.at {
            Location::Field(field) => field.label(lang).to_string(),
            Location::Path(path) => path.clone(),
            Location::Document => lang.pick("文件", "file").to_string(),
        }
    }

    /// Where the problem is, as a path in the profile file (`open_source.active_users`).
    pub fn path(&self) -> String {
        match &self.at {
            Location::Field(field) => field.path(),
            Location::Path(path) => path.clone(),
            Location::Document => String::new(),
        }
    }

    /// "项目总投资（不含税）：金额不能为负数"
    pub fn message(&self, lang: Lang) -> String {
        let separator = lang.pick("：", ": ");
        format!("{}{separator}{}", self.place(lang), self.problem.message(lang, &self.at))
    }
}

impl Problem {
    pub fn message(&self, lang: Lang, at: &Location) -> String {
        let expected = match at {
            Location::Field(field) => expected_kind(field.kind(), lang),
            _ => lang.pick("对象 {…}", "an object {…}"),
        };
        match self {
            Problem::Syntax { line, column } => match lang {
                Lang::Zh => format!("不是有效的 JSON（第 {line} 行第 {column} 列附近）"),
                Lang::En => format!("not valid JSON (near line {line}, column {column})"),
            },
            Problem::NotAnObject => {
                lang.pick("档案应为 JSON 对象 {…}", "a profile is a JSON object {…}").into()
            }
            Problem::FormatVersionMissing => match lang {
                Lang::Zh => format!("缺少 format_version（本版本读取 {FORMAT_VERSION}）"),
                Lang::En => {
                    format!("format_version is missing (this version reads {FORMAT_VERSION})")
                }
            },
            Problem::FormatVersionUnsupported { found } => match lang {
                Lang::Zh => format!("格式版本 {found} 无法读取，本版本只读取 {FORMAT_VERSION}"),
                Lang::En => {
                    format!("format version {found} cannot be read; this version reads {FORMAT_VERSION}")
                }
            },
            Problem::UnknownKey => lang
                .pick("不是档案中的字段（请检查拼写）", "is not a profile field (check the spelling)")
                .into(),
            Problem::WrongType => match lang {
                Lang::Zh => format!("应填写{expected}"),
                Lang::En => format!("expected {expected}"),
            },
            Problem::Amount { reason } => reason.message(lang).into(),
            Problem::Date { reason: DateProblemCode::Format } => lang
                .pick(
                    "日期格式应为 YYYY-MM-DD，例如 2025-07-31",
                    "dates are written YYYY-MM-DD, e.g. 2025-07-31",
                )
                .into(),
            Problem::Date { reason: DateProblemCode::NoSuchDay } => {
                lang.pick("日历上没有这一天", "no such day in the calendar").into()
            }
            Problem::CreditCode { reason } => reason.message(lang),
            Problem::UnknownCity { found } => match lang {
                Lang::Zh => format!("“{found}”不是广东省 21 个地级以上市或横琴粤澳深度合作区之一"),
                Lang::En => format!("{found:?} is not one of Guangdong's 21 cities or Hengqin"),
            },
            Problem::UnknownChoice { found } => match lang {
                Lang::Zh => format!("“{found}”不是可选项"),
                Lang::En => format!("{found:?} is not one of the choices"),
            },
            Problem::YearOutOfRange { found } => match lang {
                Lang::Zh => format!("年份 {found} 不在 {}–{} 之间", YEARS.start(), YEARS.end()),
                Lang::En => format!("year {found} is not between {} and {}", YEARS.start(), YEARS.end()),
            },
            Problem::CountTooLarge => match lang {
                Lang::Zh => format!("数量过大（超过 {MAX_COUNT}）"),
                Lang::En => format!("too large a number (over {MAX_COUNT})"),
            },
            Problem::NameTooLong { chars } => match lang {
                Lang::Zh => format!("过长（{chars} 字，最多 {MAX_NAME_CHARS} 字）"),
                Lang::En => format!("too long ({chars} characters; at most {MAX_NAME_CHARS})"),
            },
            Problem::CompletionBeforeStart => {
                lang.pick("完成日期早于启动日期", "the completion date is before the start date").into()
            }
        }
    }
}

fn expected_kind(kind: FieldKind, lang: Lang) -> &'static str {
    match kind {
        FieldKind::Text | FieldKind::CreditCode => lang.pick("文字", "text"),
        FieldKind::City => lang.pick("城市代码（如 \"guangzhou\"）", "a city id such as \"guangzhou\""),
        FieldKind::Bool => lang.pick("是/否（true/false）", "yes/no (true/false)"),
        FieldKind::Year => lang.pick("年份（整数）", "a year (whole number)"),
        FieldKind::Date => lang.pick("日期字符串 \"YYYY-MM-DD\"", "a date string \"YYYY-MM-DD\""),
        FieldKind::Money => lang.pick("金额（元）", "an amount in yuan"),
        FieldKind::Count => lang.pick("非负整数", "a whole number, 0 or more"),
        FieldKind::Choice(_) => lang.pick("可选项之一", "one of the choices"),
    }
}

impl Profile {
    /// Reads a profile file field by field through the catalogue. On failure, every problem found
    /// is returned at once, each tied to its field (or to its place in the file), in form order.
    pub fn from_json(text: &str) -> Result<Profile, Vec<ProfileError>> {
        let json = json::parse(text).map_err(|e| {
            vec![ProfileError {
                at: Location::Document,
                problem: Problem::Syntax { line: e.line, column: e.column },
            }]
        })?;
        let (profile, mut errors) = Profile::read_json(&json);
        // The quick check first (it agrees with `validate`); the full one only to say what is wrong.
        if !profile.is_valid() {
            errors.extend(profile.validate());
        }
        if errors.is_empty() {
            return Ok(profile);
        }
        // Problems of the file itself first, then fields in the order of the form.
        errors.sort_by_key(|e| match e.at {
            Location::Field(field) => Some(field),
            _ => None,
        });
        Err(errors)
    }

    /// Reads what can be read of a profile from JSON: each value of the right kind is kept, each
    /// other one is a problem. Ranges and the dates' order are left to `validate`, so that a form
    /// saved with such a problem comes back with it, and shows it.
    pub fn read_json(json: &Json) -> (Profile, Vec<ProfileError>) {
        let mut profile = Profile::default();
        let mut errors = Vec::new();
        let Json::Object(top) = json else {
            return (profile, vec![ProfileError { at: Location::Document, problem: Problem::NotAnObject }]);
        };
        match json.get("format_version") {
            None | Some(Json::Null) => {
                errors.push(path_error("format_version", Problem::FormatVersionMissing))
            }
            Some(Json::Number(n)) if n.parse() == Ok(FORMAT_VERSION) => {}
            Some(other) => errors.push(path_error(
                "format_version",
                Problem::FormatVersionUnsupported { found: compact(other) },
            )),
        }
        for (key, value) in top {
            if key == "format_version" {
                continue;
            }
            let Some(section) = Section::from_key(key) else {
                errors.push(path_error(key, Problem::UnknownKey));
                continue;
            };
            let entries = match value {
                Json::Null if section != Section::Company => continue,
                Json::Object(entries) => entries,
                _ => {
                    errors.push(path_error(key, Problem::WrongType));
                    continue;
                }
            };
            profile.set_section(section, true);
            for (name, value) in entries {
                match section.fields().find(|f| f.key() == name) {
                    None => errors.push(path_error(&format!("{key}.{name}"), Problem::UnknownKey)),
                    Some(field) => match read_value(field, value) {
                        // The value was read for this field's kind, so writing it cannot fail.
                        Ok(value) => drop(profile.set(field, value)),
                        Err(problem) => errors.push(ProfileError::at(field, problem)),
                    },
                }
            }
        }
        (profile, errors)
    }

    /// The profile file: every field of every present section, `null` where unknown, money as
    /// exact strings of yuan.
    pub fn to_json_pretty(&self) -> String {
        self.write_json(true)
    }

    /// The same on one line, leaving out what is unknown or absent (which reads back the same):
    /// what a share link carries.
    pub fn to_json_compact(&self) -> String {
        self.write_json(false)
    }

    fn write_json(&self, pretty: bool) -> String {
        let (line, indent) = if pretty { ("\n", "  ") } else { ("", "") };
        let mut out =
            format!("{{{line}{indent}\"format_version\":{}{FORMAT_VERSION}", if pretty { " " } else { "" });
        for section in Section::ALL.into_iter().filter(|s| pretty || self.has_section(*s)) {
            let _ = write!(out, ",{line}{indent}\"{}\":{}", section.key(), if pretty { " " } else { "" });
            if !self.has_section(section) {
                out.push_str("null");
                continue;
            }
            out.push('{');
            let fields = section.fields().filter(|f| pretty || self.get(*f).is_known());
            for (i, field) in fields.enumerate() {
                let comma = if i == 0 { "" } else { "," };
                let _ = write!(
                    out,
                    "{comma}{line}{indent}{indent}\"{}\":{}",
                    field.key(),
                    if pretty { " " } else { "" }
                );
                write_value(&mut out, self.get(field));
            }
            let _ = write!(out, "{line}{indent}}}");
        }
        let _ = write!(out, "{line}}}{line}");
        out
    }

    /// Checks what the types alone cannot: ranges, lengths, the format version and the dates'
    /// order. An empty list means the profile is sound.
    pub fn validate(&self) -> Vec<ProfileError> {
        let mut errors = Vec::new();
        if self.format_version != FORMAT_VERSION {
            errors.push(ProfileError {
                at: Location::Path("format_version".into()),
                problem: Problem::FormatVersionUnsupported { found: self.format_version.to_string() },
            });
        }
        // An unknown value has no range problem: every field is read once.
        for &field in Field::ALL {
            if let Some(problem) = range_problem(self.get(field)) {
                errors.push(ProfileError::at(field, problem));
            }
        }
        if let (Value::Date(start), Value::Date(end)) =
            (self.get(Field::ProjectStart), self.get(Field::ProjectCompletion))
        {
            if end < start {
                errors.push(ProfileError::at(Field::ProjectCompletion, Problem::CompletionBeforeStart));
            }
        }
        errors
    }

    /// Whether `validate` would find nothing, checked on the fields themselves (no list, no
    /// `Profile::get`): what `evaluate` asks of every profile before it starts, several times
    /// cheaper than `validate`. The same rules: a test checks the two agree field by field.
    pub fn is_valid(&self) -> bool {
        fn amount(value: Option<Decimal>) -> bool {
            value.is_none_or(|m| check_amount(m).is_ok())
        }
        fn year(value: Option<i32>) -> bool {
            value.is_none_or(|y| YEARS.contains(&y))
        }
        fn count(value: Option<u64>) -> bool {
            value.is_none_or(|n| n <= MAX_COUNT)
        }
        // A name of at most MAX_NAME_CHARS bytes has at most as many characters.
        let name = self
            .company
            .name
            .as_deref()
            .is_none_or(|name| name.len() <= MAX_NAME_CHARS || name.chars().count() <= MAX_NAME_CHARS);
        let recognition = |r: &Option<Recognition>| {
            r.as_ref().is_none_or(|r| year(r.first_recognised_year) && amount(r.city_award))
        };
        self.format_version == FORMAT_VERSION
            && name
            && recognition(&self.little_giant)
            && recognition(&self.single_champion)
            && self
                .innovation_centre
                .as_ref()
                .is_none_or(|c| year(c.approval_year) && amount(c.equipment_cost) && amount(c.software_cost))
            && self.benchmark_project.as_ref().is_none_or(|p| {
                amount(p.investment)
                    && match (p.start_date, p.completion_date) {
                        (Some(start), Some(end)) => end >= start,
                        _ => true,
                    }
            })
            && self.open_source.as_ref().is_none_or(|o| {
                count(o.active_users)
                    && count(o.enterprises_served)
                    && amount(o.previous_year_operating_expenses)
            })
            && self.national_project.as_ref().is_none_or(|n| amount(n.estimated_provincial_matching))
    }

    /// The same profile with every field named in `errors` made unknown: what the form evaluates
    /// while it shows those errors, so the valid fields still give results.
    pub fn without(&self, errors: &[ProfileError]) -> Profile {
        let mut clean = self.clone();
        for error in errors {
            if let Location::Field(field) = error.at {
                clean.clear(field);
            }
        }
        clean.format_version = FORMAT_VERSION;
        clean
    }
}

fn range_problem(value: Value<'_>) -> Option<Problem> {
    match value {
        Value::Money(amount) => check_amount(amount).err().map(|reason| Problem::Amount { reason }),
        Value::Year(year) if !YEARS.contains(&year) => Some(Problem::YearOutOfRange { found: year.into() }),
        Value::Count(n) if n > MAX_COUNT => Some(Problem::CountTooLarge),
        Value::Text(name) if name.chars().count() > MAX_NAME_CHARS => {
            Some(Problem::NameTooLong { chars: name.chars().count() })
        }
        _ => None,
    }
}

fn path_error(path: &str, problem: Problem) -> ProfileError {
    ProfileError { at: Location::Path(path.to_string()), problem }
}

/// A value as the message shows it: `2`, `"2"`, `true`.
fn compact(value: &Json) -> String {
    match value {
        Json::Number(n) => n.clone(),
        Json::String(s) => format!("{s:?}"),
        Json::Bool(b) => b.to_string(),
        other => other.kind().to_string(),
    }
}

/// Reads one JSON value for one field: its kind only; ranges are `validate`'s.
fn read_value(field: Field, value: &Json) -> Result<NewValue, Problem> {
    let whole = |n: &str| n.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    match (field.kind(), value) {
        (_, Json::Null) => Ok(NewValue::Unknown),
        (FieldKind::Text, Json::String(s)) => Ok(NewValue::Text(s.clone())),
        (FieldKind::CreditCode, Json::String(s)) => {
            CreditCode::parse(s).map(NewValue::CreditCode).map_err(|reason| Problem::CreditCode { reason })
        }
        (FieldKind::City, Json::String(s)) => {
            City::from_id(s).map(NewValue::City).ok_or_else(|| Problem::UnknownCity { found: s.clone() })
        }
        (FieldKind::Bool, Json::Bool(b)) => Ok(NewValue::Bool(*b)),
        (FieldKind::Year, Json::Number(n)) if whole(n) => match n.parse::<i64>() {
            Ok(year) => {
                i32::try_from(year).map(NewValue::Year).map_err(|_| Problem::YearOutOfRange { found: year })
            }
            Err(_) => {
                Err(Problem::YearOutOfRange { found: if n.starts_with('-') { i64::MIN } else { i64::MAX } })
            }
        },
        (FieldKind::Date, Json::String(s)) => {
            Date::parse(s).map(NewValue::Date).map_err(|p| Problem::Date { reason: p.into() })
        }
        (FieldKind::Money, Json::Number(text) | Json::String(text)) => {
            match Decimal::from_str(text).or_else(|_| Decimal::from_scientific(text)) {
                Ok(amount) => Ok(NewValue::Money(amount)),
                Err(_) if text.trim_start().starts_with('-') => {
                    Err(Problem::Amount { reason: AmountProblem::Negative })
                }
                Err(_) => Err(Problem::Amount { reason: AmountProblem::NotANumber }),
            }
        }
        (FieldKind::Count, Json::Number(n)) if !n.starts_with('-') && whole(n) => {
            Ok(NewValue::Count(n.parse::<u64>().unwrap_or(u64::MAX)))
        }
        (FieldKind::Choice(choices), Json::String(s)) => choices
            .iter()
            .find(|c| c.id == s)
            .map(|c| NewValue::Choice(c.id.to_string()))
            .ok_or_else(|| Problem::UnknownChoice { found: s.clone() }),
        _ => Err(Problem::WrongType),
    }
}

fn write_value(out: &mut String, value: Value<'_>) {
    let text = |out: &mut String, s: &str| json::write_string(out, s);
    match value {
        Value::Unknown => out.push_str("null"),
        Value::Bool(b) => out.push_str(if b { "true" } else { "false" }),
        Value::Count(n) => drop(write!(out, "{n}")),
        Value::Year(y) => drop(write!(out, "{y}")),
        Value::Money(m) => text(out, &m.normalize().to_string()),
        Value::Date(d) => text(out, &d.to_string()),
        Value::Choice(id) => text(out, id),
        Value::City(c) => text(out, c.id()),
        Value::Text(t) => text(out, t),
        Value::CreditCode(c) => text(out, c.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::fields::Section;

    /// Every section present and every field filled with a valid value.
    fn full() -> Profile {
        let mut profile = Profile::default();
        for section in Section::ALL {
            profile.set_section(section, true);
        }
        for &field in Field::ALL {
            let value = match field.kind() {
                FieldKind::Text => NewValue::Text("某公司".into()),
                FieldKind::Year => NewValue::Year(2025),
                FieldKind::Money => NewValue::Money(Decimal::from(7)),
                FieldKind::Count => NewValue::Count(9),
                FieldKind::Date => NewValue::Date(Date::new(2024, 5, 6).unwrap()),
                _ => continue,
            };
            profile.set(field, value).unwrap();
        }
        profile
    }

    fn agree(profile: &Profile) -> bool {
        let valid = profile.is_valid();
        assert_eq!(valid, profile.validate().is_empty(), "{profile:?}");
        valid
    }

    #[test]
    fn the_quick_check_agrees_with_validate_on_every_field() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert!(agree(&Profile::default()));
        assert!(agree(&full()));
        let long = |n: usize| NewValue::Text("名".repeat(n));
        for &field in Field::ALL {
            let cases: Vec<NewValue> = match field.kind() {
                FieldKind::Text => vec![long(200), long(201), NewValue::Text("a".repeat(201)), long(67)],
                FieldKind::Year => [1948, 1949, 2100, 2101, i32::MIN, i32::MAX].map(NewValue::Year).to_vec(),
                FieldKind::Money => {
                    ["0", "-0", "-0.01", "0.001", "0.010", "1000000000000000", "1000000000000000.01"]
                        .map(|m| NewValue::Money(d(m)))
                        .to_vec()
                }
                FieldKind::Count => [0, MAX_COUNT, MAX_COUNT + 1, u64::MAX].map(NewValue::Count).to_vec(),
                _ => continue,
            };
            let mut invalid = 0;
            for value in cases {
                for mut profile in [full(), Profile::default()] {
                    profile.set(field, value.clone()).unwrap();
                    invalid += usize::from(!agree(&profile));
                }
            }
            assert!(invalid > 0, "{field:?}: no case was invalid");
        }
        let mut profile = full();
        for (start, end, valid) in [("2024-05-06", "2024-05-05", false), ("2024-05-06", "2024-05-06", true)] {
            profile.set(Field::ProjectStart, NewValue::Date(Date::parse(start).unwrap())).unwrap();
            profile.set(Field::ProjectCompletion, NewValue::Date(Date::parse(end).unwrap())).unwrap();
            assert_eq!(agree(&profile), valid);
        }
        profile.format_version = 2;
        assert!(!agree(&profile));
    }
}
