//! Reading a profile from JSON and checking it: every problem is tied to the field it concerns and
//! worded in the reader's language. Nothing here panics on any input.

use crate::credit_code::{CreditCode, CreditCodeProblem};
use crate::date::{Date, DateProblem};
use crate::fields::{Field, FieldKind};
use crate::json::{self, Json};
use crate::lang::Lang;
use crate::money::{check_amount, AmountProblem};
use crate::profile::NewValue;
use crate::profile::{Profile, Value, FORMAT_VERSION};
use crate::rules::Library;
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
#[derive(Debug, Clone, PartialEq)]
pub enum Location {
    Field(Field),
    Path(String),
    Document,
}

#[derive(Debug, Clone, PartialEq)]
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
    /// A date (or year) earlier than the one it may not precede (completion before start).
    Before {
        other: crate::lang::Text,
    },
    /// A choice that does not belong to the answer it depends on (a district of another city).
    NotWithin {
        parent: crate::lang::Text,
    },
    /// Version 1 files: a section that is not an object.
    NotASection,
    /// A range whose low end is above its high end.
    RangeReversed,
    /// A range in a profile file that is not `{"low": …, "high": …}`.
    RangeShape,
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
    pub fn place(&self, library: &Library, lang: Lang) -> String {
        match &self.at {
            Location::Field(field) => library.question(*field).label.get(lang).to_string(),
            Location::Path(path) => path.clone(),
            Location::Document => lang.pick("文件", "file").to_string(),
        }
    }

    /// Where the problem is, as a question id or a path in the profile file.
    pub fn path(&self, library: &Library) -> String {
        match &self.at {
            Location::Field(field) => library.question(*field).id.clone(),
            Location::Path(path) => path.clone(),
            Location::Document => String::new(),
        }
    }

    /// "项目总投资（不含税）：金额不能为负数"
    pub fn message(&self, library: &Library, lang: Lang) -> String {
        let separator = lang.pick("：", ": ");
        let kind = match self.at {
            Location::Field(field) => Some(library.kind(field)),
            _ => None,
        };
        format!("{}{separator}{}", self.place(library, lang), self.problem.message(lang, kind))
    }
}

impl Problem {
    /// The problem in words; `kind` is the kind of the field it concerns, if it is a field.
    pub fn message(&self, lang: Lang, kind: Option<FieldKind>) -> String {
        let expected = kind.map_or_else(|| lang.pick("对象 {…}", "an object {…}"), |k| k.expected(lang));
        match self {
            Problem::Syntax { line, column } => match lang {
                Lang::Zh => format!("不是有效的 JSON（第 {line} 行第 {column} 列附近）"),
                Lang::En => format!("not valid JSON (near line {line}, column {column})"),
            },
            Problem::NotAnObject => {
                lang.pick("档案应为 JSON 对象 {…}", "a profile is a JSON object {…}").into()
            }
            Problem::FormatVersionMissing => match lang {
                Lang::Zh => format!("缺少 format_version（本版本读取 1 和 {FORMAT_VERSION}）"),
                Lang::En => {
                    format!("format_version is missing (this version reads 1 and {FORMAT_VERSION})")
                }
            },
            Problem::FormatVersionUnsupported { found } => {
                match lang {
                    Lang::Zh => format!("格式版本 {found} 无法读取，本版本读取 1 和 {FORMAT_VERSION}"),
                    Lang::En => {
                        format!("format version {found} cannot be read; this version reads 1 and {FORMAT_VERSION}")
                    }
                }
            }
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
            Problem::Before { other } => match lang {
                Lang::Zh => format!("早于“{}”", other.zh),
                Lang::En => format!("is before the {}", other.en.to_ascii_lowercase()),
            },
            Problem::NotWithin { parent } => match lang {
                Lang::Zh => format!("不属于所填的“{}”", parent.zh),
                Lang::En => format!("does not belong to the {} given", parent.en.to_ascii_lowercase()),
            },
            Problem::NotASection => match lang {
                Lang::Zh => "应为一组字段 {…} 或 null".into(),
                Lang::En => "expected a section {…} or null".into(),
            },
            Problem::RangeReversed => lang
                .pick(
                    "范围的下限高于上限（请写成“低–高”）",
                    "the range's low end is above its high end (write low–high)",
                )
                .into(),
            Problem::RangeShape => lang
                .pick("范围应写成 {\"low\": …, \"high\": …}", "a range is written {\"low\": …, \"high\": …}")
                .into(),
        }
    }
}

impl Profile {
    /// Reads a profile file (format 2, or format 1, migrated). On failure, every problem found is
    /// returned at once, each tied to its field (or to its place in the file), in form order.
    pub fn from_json(library: &Library, text: &str) -> Result<Profile, Vec<ProfileError>> {
        let json = json::parse(text).map_err(|e| {
            vec![ProfileError {
                at: Location::Document,
                problem: Problem::Syntax { line: e.line, column: e.column },
            }]
        })?;
        let (profile, mut errors) = Profile::read_json(library, &json);
        // The quick check first (it agrees with `validate`); the full one only to say what is wrong.
        if !profile.is_valid(library) {
            errors.extend(profile.validate(library));
        }
        if errors.is_empty() {
            return Ok(profile);
        }
        // Problems of the file itself first, then fields in the order of the form.
        let place = |e: &ProfileError| match e.at {
            Location::Field(field) => Some(field),
            _ => None,
        };
        crate::order::sort_stable_by(&mut errors, |a, b| place(a) < place(b));
        Err(errors)
    }

    /// Reads what can be read of a profile from JSON: each value of the right kind is kept, each
    /// other one is a problem. Ranges and cross-field rules are left to `validate`, so that a form
    /// saved with such a problem comes back with it, and shows it.
    pub fn read_json(library: &Library, json: &Json) -> (Profile, Vec<ProfileError>) {
        let mut profile = Profile::new(library);
        let mut errors = Vec::new();
        let Json::Object(top) = json else {
            return (profile, vec![ProfileError { at: Location::Document, problem: Problem::NotAnObject }]);
        };
        let version = match json.get("format_version") {
            None | Some(Json::Null) => {
                errors.push(path_error("format_version", Problem::FormatVersionMissing));
                // The rest is read in the format its keys suggest, so that a version-1 file without
                // its version gets that one message, not one more for each of its sections.
                let sections = top.iter().any(|(key, _)| library.topic_id(key).is_some());
                let v2_keys = top.iter().any(|(key, _)| key == "topics" || key == "answers");
                if sections && !v2_keys {
                    1
                } else {
                    FORMAT_VERSION
                }
            }
            Some(Json::Number(n)) if n == "1" => 1,
            Some(Json::Number(n)) if n.parse() == Ok(FORMAT_VERSION) => FORMAT_VERSION,
            Some(other) => {
                errors.push(path_error(
                    "format_version",
                    Problem::FormatVersionUnsupported { found: compact(other) },
                ));
                return (profile, errors);
            }
        };
        let answer = |profile: &mut Profile, errors: &mut Vec<ProfileError>, id: &str, value: &Json| {
            match library.field(id) {
                None => errors.push(path_error(id, Problem::UnknownKey)),
                Some(field) => match read_value(library, field, value) {
                    // The value was read for this field's kind, so writing it cannot fail.
                    Ok(value) => drop(profile.set(field, value)),
                    Err(problem) => errors.push(ProfileError::at(field, problem)),
                },
            }
        };
        for (key, value) in top {
            match (version, key.as_str(), value) {
                (_, "format_version", _) => {}
                (2, "topics", Json::Array(topics)) => {
                    for (i, topic) in topics.iter().enumerate() {
                        match topic {
                            Json::String(id) if library.topic_id(id).is_some() => profile
                                .set_topic(library.topic_id(id).unwrap_or(crate::fields::TopicId(0)), true),
                            _ => errors.push(path_error(&format!("topics[{i}]"), Problem::UnknownKey)),
                        }
                    }
                }
                (2, "answers", Json::Object(answers)) => {
                    for (id, value) in answers {
                        answer(&mut profile, &mut errors, id, value);
                    }
                }
                (2, "topics" | "answers", _) => errors.push(path_error(key, Problem::WrongType)),
                // What the file was made with (the sheet's fingerprint): fingerprint.rs reads it.
                (2, "as_of" | "rules", value) => errors
                    .extend(crate::fingerprint::saved_key_problem(key, value).map(|p| path_error(key, p))),
                // Version 1: one object per section, keyed like the questions of version 2.
                (1, section, Json::Null) if library.topic_id(section).is_some() => {}
                (1, section, Json::Object(entries)) if library.topic_id(section).is_some() => {
                    if let Some(topic) = library.topic_id(section) {
                        profile.set_topic(topic, true);
                    }
                    for (name, value) in entries {
                        answer(&mut profile, &mut errors, &format!("{section}.{name}"), value);
                    }
                }
                (1, section, _) if library.topic_id(section).is_some() => {
                    errors.push(path_error(key, Problem::NotASection))
                }
                _ => errors.push(path_error(key, Problem::UnknownKey)),
            }
        }
        (profile, errors)
    }

    /// The profile file: the topics switched on, and every question of them, `null` where unknown,
    /// money as exact strings of yuan.
    pub fn to_json_pretty(&self, library: &Library) -> String {
        self.write_json(library, true)
    }

    /// The same on one line, leaving out what is unknown (which reads back the same): what a
    /// share link carries.
    pub fn to_json_compact(&self, library: &Library) -> String {
        self.write_json(library, false)
    }

    fn write_json(&self, library: &Library, pretty: bool) -> String {
        let (line, indent, space) = if pretty { ("\n", "  ", " ") } else { ("", "", "") };
        let mut out = format!(
            "{{{line}{indent}\"format_version\":{space}{FORMAT_VERSION},{line}{indent}\"topics\":{space}["
        );
        let optional = self.topics_on().filter(|t| library.topic(*t).is_optional());
        for (i, topic) in optional.enumerate() {
            out.push_str(if i == 0 { "" } else { "," });
            out.push_str(if pretty && i > 0 { " " } else { "" });
            json::write_string(&mut out, &library.topic(topic).id);
        }
        let _ = write!(out, "],{line}{indent}\"answers\":{space}{{");
        let fields = library
            .fields()
            .filter(|f| self.has_topic(library.topic_of(*f)))
            .filter(|f| pretty || self.get(*f).is_known());
        for (i, field) in fields.enumerate() {
            let comma = if i == 0 { "" } else { "," };
            let _ = write!(out, "{comma}{line}{indent}{indent}");
            json::write_string(&mut out, &library.question(field).id);
            let _ = write!(out, ":{space}");
            write_value(&mut out, self.get(field), library.kind(field));
        }
        let _ = write!(out, "{line}{indent}}}{line}}}{line}");
        out
    }

    /// Checks what the types alone cannot: ranges, lengths, choices, and the rules between
    /// answers (a completion not before the start, a district within its city). An empty list
    /// means the profile is sound.
    pub fn validate(&self, library: &Library) -> Vec<ProfileError> {
        let mut errors = Vec::new();
        for field in self.known_fields() {
            if let Some(problem) = self.field_problem(library, field) {
                errors.push(ProfileError::at(field, problem));
            }
        }
        errors
    }

    /// Whether `validate` would find nothing, without building the list: what `evaluate` asks of
    /// every profile before it starts.
    pub fn is_valid(&self, library: &Library) -> bool {
        // The ranges in one pass over the answers; the rest only for the few questions that have
        // rules of their own (the same checks as `fault`, which a test holds them to).
        self.counted_answers().all(in_range)
            && library.related_fields().iter().all(|&field| self.related_fault(library, field).is_none())
    }

    fn field_problem(&self, library: &Library, field: Field) -> Option<Problem> {
        let label = |f: Field| library.question(f).label.clone();
        Some(match self.fault(library, field)? {
            Fault::Range(problem) => problem,
            Fault::UnknownChoice(found) => Problem::UnknownChoice { found: found.to_string() },
            Fault::NotWithin(parent) => Problem::NotWithin { parent: label(parent) },
            Fault::Before(other) => Problem::Before { other: label(other) },
        })
    }

    /// What is wrong with one answer, cheaply (no words): every evaluation asks this of every
    /// answer, and nearly always nothing is.
    fn fault(&self, library: &Library, field: Field) -> Option<Fault<'_>> {
        if let Some(problem) = range_problem(self.get(field)) {
            return Some(Fault::Range(problem));
        }
        self.related_fault(library, field)
    }

    /// What is wrong with an answer beside its range: a choice not in the list or not within the
    /// answer it depends on, a date before the one it may not precede.
    fn related_fault(&self, library: &Library, field: Field) -> Option<Fault<'_>> {
        let value = self.get(field);
        if !value.is_known() {
            return None;
        }
        let question = library.question(field);
        if let Value::Choice(id) = value {
            // A choice written in code (or kept from a form) that is not one of the question's.
            let Some(choice) = question.choice(id) else { return Some(Fault::UnknownChoice(id)) };
            if let (Some(parent), Some(within)) = (&question.choices_within, &choice.within) {
                if matches!(self.get(parent.field), Value::Choice(p) if p != within) {
                    return Some(Fault::NotWithin(parent.field));
                }
            }
            return None;
        }
        let other = question.not_before.as_ref()?;
        let earlier = match (value, self.get(other.field)) {
            (Value::Date(a), Value::Date(b)) => a < b,
            (Value::Year(a), Value::Year(b)) => a < b,
            _ => false,
        };
        earlier.then_some(Fault::Before(other.field))
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
        clean
    }
}

/// A problem with one answer before it is put into words.
enum Fault<'p> {
    Range(Problem),
    UnknownChoice(&'p str),
    NotWithin(Field),
    Before(Field),
}

/// `range_problem(value).is_none()`, without building the problem: every evaluation asks it of
/// every answer.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn in_range(answer: &NewValue) -> bool {
    match answer {
        NewValue::Money(amount) => check_amount(*amount).is_ok(),
        &NewValue::Range { low, high } => range_problem(Value::Range { low, high }).is_none(),
        NewValue::Year(year) => YEARS.contains(year),
        NewValue::Count(n) => *n <= MAX_COUNT,
        NewValue::Text(name) => name.len() <= MAX_NAME_CHARS || name.chars().count() <= MAX_NAME_CHARS,
        _ => true,
    }
}

fn range_problem(value: Value<'_>) -> Option<Problem> {
    match value {
        Value::Money(amount) => check_amount(amount).err().map(|reason| Problem::Amount { reason }),
        // Both ends are amounts (a count's are whole numbers, which `accepts` holds to); counts
        // are far below the largest amount, so one check serves both kinds.
        Value::Range { low, high } => match check_amount(low).and(check_amount(high)) {
            Err(reason) => Some(Problem::Amount { reason }),
            Ok(()) if low > high => Some(Problem::RangeReversed),
            Ok(()) => None,
        },
        Value::Year(year) if !YEARS.contains(&year) => Some(Problem::YearOutOfRange { found: year.into() }),
        Value::Count(n) if n > MAX_COUNT => Some(Problem::CountTooLarge),
        Value::Text(name) if name.len() > MAX_NAME_CHARS && name.chars().count() > MAX_NAME_CHARS => {
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
fn read_value(library: &Library, field: Field, value: &Json) -> Result<NewValue, Problem> {
    let whole = |n: &str| n.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    match (library.kind(field), value) {
        (_, Json::Null) => Ok(NewValue::Unknown),
        (FieldKind::Text, Json::String(s)) => Ok(NewValue::Text(s.clone())),
        (FieldKind::CreditCode, Json::String(s)) => {
            CreditCode::parse(s).map(NewValue::CreditCode).map_err(|reason| Problem::CreditCode { reason })
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
        // `{"low": …, "high": …}` (in either order): each end read as the field's own kind is.
        (FieldKind::Money | FieldKind::Count, Json::Object(entries)) => {
            let (low, high) = match entries.as_slice() {
                [(a, x), (b, y)] if a == "low" && b == "high" => (x, y),
                [(a, y), (b, x)] if a == "high" && b == "low" => (x, y),
                _ => return Err(Problem::RangeShape),
            };
            let end = |value: &Json| match read_value(library, field, value)? {
                NewValue::Money(m) => Ok(m),
                NewValue::Count(n) => Ok(Decimal::from(n)),
                _ => Err(Problem::RangeShape),
            };
            Ok(NewValue::Range { low: end(low)?, high: end(high)? })
        }
        (FieldKind::Choice, Json::String(s)) => match library.question(field).choice(s) {
            Some(c) => Ok(NewValue::Choice(c.id.clone())),
            None => Err(Problem::UnknownChoice { found: s.clone() }),
        },
        _ => Err(Problem::WrongType),
    }
}

fn write_value(out: &mut String, value: Value<'_>, kind: FieldKind) {
    let text = |out: &mut String, s: &str| json::write_string(out, s);
    match value {
        Value::Unknown => out.push_str("null"),
        Value::Bool(b) => out.push_str(if b { "true" } else { "false" }),
        Value::Count(n) => drop(write!(out, "{n}")),
        Value::Year(y) => drop(write!(out, "{y}")),
        Value::Money(m) => text(out, &m.normalize().to_string()),
        Value::Date(d) => text(out, &d.to_string()),
        Value::Choice(id) => text(out, id),
        Value::Text(t) => text(out, t),
        Value::CreditCode(c) => text(out, c.as_str()),
        // Money as exact strings, counts as numbers: each end as the field's own values are.
        Value::Range { low, high } => {
            let end = |out: &mut String, n: Decimal| match kind {
                FieldKind::Count => drop(write!(out, "{}", n.normalize())),
                _ => text(out, &n.normalize().to_string()),
            };
            out.push_str("{\"low\":");
            end(out, low);
            out.push_str(",\"high\":");
            end(out, high);
            out.push('}');
        }
    }
}
