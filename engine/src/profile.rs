//! A company's profile: its answers to the library's questions. Every answer may be unknown;
//! every optional topic may be switched off ("does not apply to us"), and then its questions read
//! as unknown whatever they hold.

use crate::credit_code::CreditCode;
use crate::date::Date;
use crate::fields::{Field, FieldKind, TopicId};
use crate::rules::Library;
use rust_decimal::Decimal;

/// The profile file format this build writes (it also reads version 1).
pub const FORMAT_VERSION: u32 = 2;

/// One answer slot: the answer, and what the library says of its question, so that reading and
/// writing need no library.
#[derive(Debug, Clone, PartialEq)]
struct Slot {
    topic: u16,
    kind: FieldKind,
    answer: NewValue,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    slots: Vec<Slot>,
    /// By topic: switched on. Topics always asked are always on.
    topics: Vec<bool>,
    /// By topic: always asked (not optional), so never switched off.
    always: Vec<bool>,
}

/// One field's value as the engine reads it. `Unknown` covers both an unknown answer and a topic
/// switched off: the engine never treats either as zero.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'p> {
    Unknown,
    Bool(bool),
    Count(u64),
    Money(Decimal),
    Year(i32),
    Date(Date),
    Choice(&'p str),
    Text(&'p str),
    CreditCode(&'p CreditCode),
    /// A money or count answer known to lie between `low` and `high` (both included): "200万–300万".
    Range {
        low: Decimal,
        high: Decimal,
    },
}

impl Value<'_> {
    pub fn is_known(&self) -> bool {
        !matches!(self, Value::Unknown)
    }

    /// The value as one to write back (a copy of an answer into another profile).
    pub fn to_new(&self) -> NewValue {
        match *self {
            Value::Unknown => NewValue::Unknown,
            Value::Bool(b) => NewValue::Bool(b),
            Value::Count(n) => NewValue::Count(n),
            Value::Money(m) => NewValue::Money(m),
            Value::Year(y) => NewValue::Year(y),
            Value::Date(d) => NewValue::Date(d),
            Value::Choice(c) => NewValue::Choice(c.to_string()),
            Value::Text(t) => NewValue::Text(t.to_string()),
            Value::CreditCode(c) => NewValue::CreditCode(c.clone()),
            Value::Range { low, high } => NewValue::Range { low, high },
        }
    }

    /// A number (money, count) or a range of them as its two ends: an exact value is a range of
    /// zero width. `None` for anything else, unknown included.
    #[inline]
    pub fn interval(&self) -> Option<(Decimal, Decimal)> {
        match *self {
            Value::Money(m) => Some((m, m)),
            Value::Count(n) => Some((Decimal::from(n), Decimal::from(n))),
            Value::Range { low, high } => Some((low, high)),
            _ => None,
        }
    }

    /// Numbers (counts, money, years) as a `Decimal`, for threshold tests.
    pub fn as_number(&self) -> Option<Decimal> {
        match *self {
            Value::Count(n) => Some(Decimal::from(n)),
            Value::Money(m) => Some(m),
            Value::Year(y) => Some(Decimal::from(y)),
            _ => None,
        }
    }
}

/// A value to write into a field, as the form, a file or a test provides it.
#[derive(Debug, Clone, PartialEq)]
pub enum NewValue {
    Unknown,
    Bool(bool),
    Count(u64),
    Money(Decimal),
    Year(i32),
    Date(Date),
    Choice(String),
    Text(String),
    CreditCode(CreditCode),
    /// A money or count answer between two figures, both included (counts: whole numbers).
    Range {
        low: Decimal,
        high: Decimal,
    },
}

impl NewValue {
    fn as_value(&self) -> Value<'_> {
        match self {
            NewValue::Unknown => Value::Unknown,
            NewValue::Bool(b) => Value::Bool(*b),
            NewValue::Count(n) => Value::Count(*n),
            NewValue::Money(m) => Value::Money(*m),
            NewValue::Year(y) => Value::Year(*y),
            NewValue::Date(d) => Value::Date(*d),
            NewValue::Choice(c) => Value::Choice(c),
            NewValue::Text(t) => Value::Text(t),
            NewValue::CreditCode(c) => Value::CreditCode(c),
            NewValue::Range { low, high } => Value::Range { low: *low, high: *high },
        }
    }
}

/// Writing a value of the wrong kind into a field; a programming error in the caller, reported
/// rather than panicking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrongKind(pub Field);

impl Profile {
    /// A profile with every answer unknown and only the topics always asked switched on.
    pub fn new(library: &Library) -> Profile {
        let slots = library
            .fields()
            .map(|f| Slot { topic: library.topic_of(f).0, kind: library.kind(f), answer: NewValue::Unknown })
            .collect();
        let always: Vec<bool> = library.topic_ids().map(|t| !library.topic(t).is_optional()).collect();
        Profile { slots, topics: always.clone(), always }
    }

    pub fn has_topic(&self, topic: TopicId) -> bool {
        self.topics.get(topic.index()).copied().unwrap_or(false)
    }

    /// Switches a topic on (keeping what it holds) or off. Topics always asked stay on.
    pub fn set_topic(&mut self, topic: TopicId, on: bool) {
        if let Some(slot) = self.topics.get_mut(topic.index()) {
            *slot = on || self.always[topic.index()];
        }
    }

    /// The topics switched on, in library order.
    pub fn topics_on(&self) -> impl Iterator<Item = TopicId> + '_ {
        (0..self.topics.len()).filter(|t| self.topics[*t]).map(|t| TopicId(t as u16))
    }

    /// The value of one field, `Unknown` when it is unknown or its topic is switched off.
    #[inline]
    pub fn get(&self, field: Field) -> Value<'_> {
        match self.slots.get(field.index()) {
            Some(slot) if self.topics[usize::from(slot.topic)] => slot.answer.as_value(),
            _ => Value::Unknown,
        }
    }

    /// What the field holds, even when its topic is switched off (the form keeps it).
    pub fn stored(&self, field: Field) -> Value<'_> {
        self.slots.get(field.index()).map_or(Value::Unknown, |s| s.answer.as_value())
    }

    /// Writes one field, switching its topic on. The value is stored as given; range checks
    /// belong to `validate`, so that the form can show a message while keeping what was typed.
    pub fn set(&mut self, field: Field, value: NewValue) -> Result<(), WrongKind> {
        let slot = self.slots.get_mut(field.index()).ok_or(WrongKind(field))?;
        if !slot.kind.accepts(&value) {
            return Err(WrongKind(field));
        }
        slot.answer = value;
        self.topics[usize::from(slot.topic)] = true;
        Ok(())
    }

    /// Writes one field without touching its topic.
    pub fn store(&mut self, field: Field, value: NewValue) -> Result<(), WrongKind> {
        let slot = self.slots.get_mut(field.index()).ok_or(WrongKind(field))?;
        if !slot.kind.accepts(&value) {
            return Err(WrongKind(field));
        }
        slot.answer = value;
        Ok(())
    }

    /// Forgets one field (makes it unknown) without touching its topic.
    pub fn clear(&mut self, field: Field) {
        if let Some(slot) = self.slots.get_mut(field.index()) {
            slot.answer = NewValue::Unknown;
        }
    }

    /// The answers that count, as stored, without their fields: what range checks read (every
    /// evaluation, so without building a `Value` of each).
    pub fn counted_answers(&self) -> impl Iterator<Item = &NewValue> + '_ {
        self.slots
            .iter()
            .filter(|slot| !matches!(slot.answer, NewValue::Unknown) && self.topics[usize::from(slot.topic)])
            .map(|slot| &slot.answer)
    }

    /// Fields that count and are filled in, in library order.
    pub fn known_fields(&self) -> impl Iterator<Item = Field> + '_ {
        // What `get(f).is_known()` says, read off the slots without building each value.
        self.slots
            .iter()
            .enumerate()
            .filter(|(_, slot)| {
                !matches!(slot.answer, NewValue::Unknown) && self.topics[usize::from(slot.topic)]
            })
            .map(|(i, _)| Field(i as u16))
    }

    /// This profile in a larger library whose first questions and topics are this one's (more
    /// packs loaded after the page started): every answer is kept, the new questions are unknown.
    pub fn adopted(&self, library: &Library) -> Profile {
        let mut out = Profile::new(library);
        for (slot, old) in out.slots.iter_mut().zip(&self.slots) {
            if slot.kind == old.kind && slot.topic == old.topic {
                slot.answer = old.answer.clone();
            }
        }
        for (on, old) in out.topics.iter_mut().zip(&self.topics) {
            *on = *old;
        }
        out
    }

    /// The same profile with only the topics that `keep` accepts switched on.
    pub fn with_topics(&self, keep: impl Fn(TopicId) -> bool) -> Profile {
        let mut out = self.clone();
        for (t, on) in out.topics.iter_mut().enumerate() {
            *on = *on && keep(TopicId(t as u16));
        }
        out
    }
}

impl FieldKind {
    /// Whether a value may be written into a field of this kind (used by tests and the form).
    pub fn accepts(self, value: &NewValue) -> bool {
        if let (FieldKind::Count, NewValue::Range { low, high }) = (self, value) {
            return crate::money::is_whole(*low) && crate::money::is_whole(*high);
        }
        matches!(
            (self, value),
            (_, NewValue::Unknown)
                | (FieldKind::Text, NewValue::Text(_))
                | (FieldKind::CreditCode, NewValue::CreditCode(_))
                | (FieldKind::Bool, NewValue::Bool(_))
                | (FieldKind::Year, NewValue::Year(_))
                | (FieldKind::Date, NewValue::Date(_))
                | (FieldKind::Money, NewValue::Money(_) | NewValue::Range { .. })
                | (FieldKind::Count, NewValue::Count(_))
                | (FieldKind::Choice, NewValue::Choice(_))
        )
    }
}
