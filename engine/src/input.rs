//! Reading a profile from JSON and checking it: every problem is tied to the field it concerns and
//! worded in the reader's language. Nothing here panics on any input.

use crate::city::City;
use crate::credit_code::{CreditCode, CreditCodeProblem};
use crate::date::{Date, DateProblem};
use crate::fields::{Field, FieldKind, Section};
use crate::lang::Lang;
use crate::money::{check_amount, AmountProblem};
use crate::profile::{Profile, Value, FORMAT_VERSION};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value as Json;
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
    /// Reads a profile file. On failure, every problem found is returned, each tied to its field.
    pub fn from_json(text: &str) -> Result<Profile, Vec<ProfileError>> {
        match serde_json::from_str::<Profile>(text) {
            Ok(profile) => {
                let errors = profile.validate();
                if errors.is_empty() {
                    Ok(profile)
                } else {
                    Err(errors)
                }
            }
            Err(serde_error) => Err(diagnose(text, &serde_error)),
        }
    }

    pub fn to_json_pretty(&self) -> String {
        // A Profile holds only strings, numbers and enums: serialising it cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
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

/// Serde said no; find out which fields are wrong and why, in our own words.
fn diagnose(text: &str, serde_error: &serde_json::Error) -> Vec<ProfileError> {
    let document = |problem| vec![ProfileError { at: Location::Document, problem }];
    let json: Json = match serde_json::from_str(text) {
        Ok(json) => json,
        Err(e) => return document(Problem::Syntax { line: e.line(), column: e.column() }),
    };
    let Json::Object(top) = &json else {
        return document(Problem::NotAnObject);
    };
    let mut errors = Vec::new();
    match top.get("format_version") {
        None | Some(Json::Null) => errors.push(path_error("format_version", Problem::FormatVersionMissing)),
        Some(Json::Number(n)) if n.as_u64() == Some(FORMAT_VERSION.into()) => {}
        Some(other) => errors.push(path_error(
            "format_version",
            Problem::FormatVersionUnsupported { found: other.to_string() },
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
        for (name, value) in entries {
            match section.fields().find(|f| f.key() == name) {
                None => errors.push(path_error(&format!("{key}.{name}"), Problem::UnknownKey)),
                Some(field) => {
                    if let Some(problem) = value_problem(field, value) {
                        errors.push(ProfileError::at(field, problem));
                    }
                }
            }
        }
    }
    // JSON objects come back with sorted keys; report in the order of the form instead.
    errors.sort_by_key(|e| match e.at {
        Location::Field(field) => Some(field),
        _ => None,
    });
    if errors.is_empty() {
        // A shape serde refused that the walk above accepts: report serde's own position.
        return document(Problem::Syntax { line: serde_error.line(), column: serde_error.column() });
    }
    errors
}

fn path_error(path: &str, problem: Problem) -> ProfileError {
    ProfileError { at: Location::Path(path.to_string()), problem }
}

/// What is wrong with one JSON value for one field, if anything (ranges included).
fn value_problem(field: Field, value: &Json) -> Option<Problem> {
    if value.is_null() {
        return None;
    }
    let wrong = Some(Problem::WrongType);
    match (field.kind(), value) {
        (FieldKind::Text, Json::String(s)) => range_problem(Value::Text(s)),
        (FieldKind::CreditCode, Json::String(s)) => {
            CreditCode::parse(s).err().map(|reason| Problem::CreditCode { reason })
        }
        (FieldKind::City, Json::String(s)) => {
            City::from_id(s).is_none().then(|| Problem::UnknownCity { found: s.clone() })
        }
        (FieldKind::Bool, Json::Bool(_)) => None,
        (FieldKind::Year, Json::Number(n)) => match n.as_i64() {
            Some(y) if (i64::from(*YEARS.start())..=i64::from(*YEARS.end())).contains(&y) => None,
            Some(y) => Some(Problem::YearOutOfRange { found: y }),
            None => wrong,
        },
        (FieldKind::Date, Json::String(s)) => {
            Date::parse(s).err().map(|p| Problem::Date { reason: p.into() })
        }
        (FieldKind::Money, Json::Number(_) | Json::String(_)) => {
            let text = match value {
                Json::String(s) => s.clone(),
                other => other.to_string(),
            };
            match Decimal::from_str(&text).or_else(|_| Decimal::from_scientific(&text)) {
                Ok(amount) => check_amount(amount).err().map(|reason| Problem::Amount { reason }),
                Err(_) if text.trim_start().starts_with('-') => {
                    Some(Problem::Amount { reason: AmountProblem::Negative })
                }
                Err(_) => Some(Problem::Amount { reason: AmountProblem::NotANumber }),
            }
        }
        (FieldKind::Count, Json::Number(n)) => match n.as_u64() {
            Some(c) if c > MAX_COUNT => Some(Problem::CountTooLarge),
            Some(_) => None,
            None => wrong,
        },
        (FieldKind::Choice(choices), Json::String(s)) => {
            (!choices.iter().any(|c| c.id == s)).then(|| Problem::UnknownChoice { found: s.clone() })
        }
        _ => wrong,
    }
}
