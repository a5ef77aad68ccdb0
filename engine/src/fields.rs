//! Handles on the questions of the loaded packs. A `Field` is a question's index in its
//! [`Library`](crate::rules::Library): profiles are indexed by it, so evaluation never looks a name
//! up. Labels, kinds and choices live in the pack data and are reached through the library.

use serde::{Deserialize, Serialize};

/// A question of the library, by index. Only meaningful with the library it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Field(pub u16);

impl Field {
    /// A field reference that has not been linked to its question yet.
    pub const UNLINKED: Field = Field(u16::MAX);

    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// A topic of the library (a group of questions that may be switched on), by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TopicId(pub u16);

impl TopicId {
    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// What kind of value a question takes; drives parsing, validation and the form control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Text,
    /// A unified social credit code (GB 32100-2015), checked by its check character.
    CreditCode,
    Bool,
    Year,
    Date,
    /// Yuan, exact; typed in 元 or 万元.
    Money,
    /// A whole number of users, enterprises, models…
    Count,
    /// One of the question's `choices`.
    Choice,
}

impl FieldKind {
    pub fn is_number(self) -> bool {
        matches!(self, FieldKind::Money | FieldKind::Count | FieldKind::Year)
    }

    /// The word a message uses for what a field of this kind expects.
    pub fn expected(self, lang: crate::Lang) -> &'static str {
        match self {
            FieldKind::Text => lang.pick("文字", "text"),
            FieldKind::CreditCode => lang.pick("18位统一社会信用代码", "an 18-character credit code"),
            FieldKind::Bool => lang.pick("是或否（true/false）", "yes or no (true/false)"),
            FieldKind::Year => lang.pick("年份（整数）", "a year (whole number)"),
            FieldKind::Date => lang.pick("日期（YYYY-MM-DD 字符串）", "a date (a YYYY-MM-DD string)"),
            FieldKind::Money => lang.pick("金额（元）", "an amount in yuan"),
            FieldKind::Count => lang.pick("非负整数", "a whole number, 0 or more"),
            FieldKind::Choice => lang.pick("列表中的选项", "one of the listed choices"),
        }
    }
}
