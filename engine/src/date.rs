//! Calendar dates (`YYYY-MM-DD`) with no clock: the shell supplies "today", the engine never asks.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A day in the proleptic Gregorian calendar. Field order makes the derived ordering chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a text is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Not of the form `YYYY-MM-DD`.
    Format,
    /// Of the form, but no such day (2025-02-30, month 13…).
    NoSuchDay,
}

impl Date {
    /// A checked constructor: `None` for a day the calendar does not have.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    pub fn parse(text: &str) -> Result<Date, DateProblem> {
        let text = text.trim();
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(DateProblem::Format);
        }
        let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().unwrap_or(0);
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        Date::new(year as i32, month as u8, day as u8).ok_or(DateProblem::NoSuchDay)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of `days_since_epoch`; used by the command line to turn the clock into a date.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).map_err(|_| serde::de::Error::custom(format!("{text:?} is not a YYYY-MM-DD date")))
    }
}

impl Date {
    /// The same day `years` later (28 February for 29 February in a common year).
    pub fn plus_years(self, years: u32) -> Option<Date> {
        let year = self.year.checked_add(i32::try_from(years).ok()?)?;
        let day = self.day.min(days_in_month(year, self.month));
        Date::new(year, self.month, day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_days_only() {
        assert_eq!(Date::parse("2025-07-31"), Ok(Date::new(2025, 7, 31).unwrap()));
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day()), Ok(29));
        assert_eq!(Date::parse("2025-02-29"), Err(DateProblem::NoSuchDay));
        assert_eq!(Date::parse("2025-13-01"), Err(DateProblem::NoSuchDay));
        assert_eq!(Date::parse("2025-04-31"), Err(DateProblem::NoSuchDay));
        assert_eq!(Date::parse("2025-00-10"), Err(DateProblem::NoSuchDay));
        assert_eq!(Date::parse("2025-7-31"), Err(DateProblem::Format));
        assert_eq!(Date::parse("31/07/2025"), Err(DateProblem::Format));
        assert_eq!(Date::parse("２０２５-07-31"), Err(DateProblem::Format));
        assert_eq!(Date::parse("1900-02-29"), Err(DateProblem::NoSuchDay));
        assert!(Date::parse("2000-02-29").is_ok());
    }

    #[test]
    fn orders_chronologically_and_counts_days() {
        let a = Date::parse("2025-07-31").unwrap();
        let b = Date::parse("2025-09-15").unwrap();
        assert!(a < b);
        assert_eq!(a.days_until(b), 46);
        assert_eq!(b.days_until(a), -46);
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
    }

    #[test]
    fn days_round_trip_through_the_epoch_count() {
        for days in (-719_000..2_900_000).step_by(997) {
            let date = Date::from_days_since_epoch(days).unwrap();
            assert_eq!(date.days_since_epoch(), days);
        }
    }
}
