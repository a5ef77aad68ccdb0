//! Money: exact yuan amounts as `Decimal`, reading them the way people type them, and the single
//! rounding rule of the estimator.

use crate::lang::Lang;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use std::cmp::Ordering;
use std::fmt::Write;

/// Amounts above this (one quadrillion yuan) cannot be true of any company, so they are input errors.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0xA4C6_8000, 0x0003_8D7E, 0, false, 0); // 10^15

const WAN: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);
const YI: Decimal = Decimal::from_parts(100_000_000, 0, 0, false, 0);

/// The unit a money field is typed in. Chinese forms are often in 万元 (ten thousand yuan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    #[default]
    Yuan,
    Wan,
}

impl Unit {
    fn factor(self) -> Decimal {
        match self {
            Unit::Yuan => Decimal::ONE,
            Unit::Wan => WAN,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Unit::Yuan => lang.pick("元", "yuan"),
            Unit::Wan => lang.pick("万元", "10k yuan (万元)"),
        }
    }
}

/// Why a typed amount could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountProblem {
    NotANumber,
    Negative,
    TooLarge,
    FinerThanFen,
    /// "about 250万", "250万左右", "~250", "250+": a figure given as approximate, which is not read
    /// silently as an exact one; a range says what is meant.
    Approximate,
    /// The same for a count ("约150家").
    ApproximateCount,
    /// A range with one end missing: "200-".
    RangeEnd,
}

impl AmountProblem {
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            AmountProblem::NotANumber => lang.pick(
                "不是有效金额：请只填写数字，例如 1,200,000 或 120 万",
                "not an amount: type digits only, e.g. 1,200,000 or 120万",
            ),
            AmountProblem::Negative => lang.pick("金额不能为负数", "an amount cannot be negative"),
            AmountProblem::TooLarge => lang.pick(
                "金额过大（超过 10^15 元），请检查单位",
                "amount too large (over 10^15 yuan): check the unit",
            ),
            AmountProblem::FinerThanFen => {
                lang.pick("金额最小单位为分（0.01 元）", "amounts go down to the fen (0.01 yuan), no further")
            }
            AmountProblem::Approximate => lang.pick(
                "“约”“左右”这类约数不是范围：请写成“200万–300万”这样的范围，或一个确切金额",
                "“about”, “around” and the like are not a range: type a range such as 200万–300万, or an exact amount",
            ),
            AmountProblem::ApproximateCount => lang.pick(
                "“约”“左右”这类约数不是范围：请写成“150–250”这样的范围，或一个确切数字",
                "“about”, “around” and the like are not a range: type a range such as 150–250, or an exact number",
            ),
            AmountProblem::RangeEnd => lang.pick(
                "范围缺少一端：请写成“200–300”这样的范围",
                "a range needs both ends, e.g. 200–300",
            ),
        }
    }
}

/// Reads an amount as people type it: thousands separators, full-width digits from a Chinese input
/// method (１２３), spaces from pasting, a leading ¥, and a trailing 元 / 万 / 万元 / 亿 that overrides
/// the chosen unit. Empty input means "unknown", not zero.
pub fn parse_amount(input: &str, unit: Unit) -> Result<Option<Decimal>, AmountProblem> {
    parse_scaled(input, unit.factor())
}

/// `parse_amount` with the factor that applies when the text names no unit.
fn parse_scaled(input: &str, default_factor: Decimal) -> Result<Option<Decimal>, AmountProblem> {
    let mut text: String =
        input.chars().filter_map(normalise_char).filter(|c| !matches!(c, ',' | '\'' | '_')).collect();
    if text.is_empty() {
        return Ok(None);
    }
    let mut factor = default_factor;
    for (suffix, f) in [("万元", WAN), ("万", WAN), ("亿元", YI), ("亿", YI), ("元", Decimal::ONE)] {
        if let Some(rest) = text.strip_suffix(suffix) {
            text = rest.to_string();
            factor = f;
            break;
        }
    }
    let text = text.strip_prefix(['¥', '+']).unwrap_or(&text);
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let well_formed = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|&c| c == '.').count() <= 1
        && digits.chars().any(|c| c.is_ascii_digit());
    if !well_formed {
        return Err(if approximate(input) { AmountProblem::Approximate } else { AmountProblem::NotANumber });
    }
    // More than 28 significant digits does not fit a Decimal: far beyond any real amount.
    let value: Decimal = digits.parse().map_err(|_| AmountProblem::TooLarge)?;
    if negative && !value.is_zero() {
        return Err(AmountProblem::Negative);
    }
    let yuan = value.checked_mul(factor).ok_or(AmountProblem::TooLarge)?;
    check_amount(yuan)?;
    Ok(Some(yuan.normalize()))
}

/// Where a typed range splits into its two ends: at the first `-`, `–`, `—`, `~`, `～`, `－`, `至`,
/// `到` or ` to ` that follows a digit (so that a leading `-` is still a minus sign, and a leading
/// `~` an approximation). `None` when the text is not written as a range. One pass, no allocation:
/// the form asks it on every keystroke.
pub fn split_range(text: &str) -> Option<(&str, &str)> {
    let mut seen_digit = false;
    let mut after_space = false;
    for (i, c) in text.char_indices() {
        if seen_digit {
            let len = match c {
                '-' | '–' | '—' | '~' | '～' | '〜' | '－' | '−' | '‐' | '‒' | '―' | '至' | '到' => {
                    c.len_utf8()
                }
                't' | 'T' if after_space && is_to(&text[i..]) => 2,
                _ => 0,
            };
            if len > 0 {
                return Some((&text[..i], &text[i + len..]));
            }
        }
        seen_digit |= is_digit(c);
        after_space = c.is_whitespace();
    }
    None
}

/// `to` as a word, at the start of `rest`: followed by a space, a figure or nothing.
fn is_to(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    bytes.len() >= 2
        && bytes[..2].eq_ignore_ascii_case(b"to")
        && rest[2..]
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || is_digit(c) || matches!(c, '¥' | '￥'))
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Both ends of a typed range (the two sides `split_range` gives), in yuan, each read as
/// `parse_amount` reads an amount. A unit written on the high end only applies to both
/// (`200~300万`); a unit written on an end applies to that end; `unit` to an end without one.
/// Whether the low end is above the high one is the caller's to say.
pub fn parse_range(low: &str, high: &str, unit: Unit) -> Result<(Decimal, Decimal), AmountProblem> {
    let low_factor = match (written_factor(low), written_factor(high)) {
        (None, Some(factor)) => factor,
        _ => unit.factor(),
    };
    let low = parse_scaled(low, low_factor)?;
    let high = parse_scaled(high, unit.factor())?;
    match (low, high) {
        (Some(low), Some(high)) => Ok((low, high)),
        _ => Err(AmountProblem::RangeEnd),
    }
}

/// The factor of the unit written at the end of an amount (`万`, `万元`, `亿`, `亿元`, `元`), spaces
/// aside, as `parse_amount` reads it.
fn written_factor(text: &str) -> Option<Decimal> {
    let mut tail = text.chars().rev().filter(|c| !c.is_whitespace());
    match (tail.next()?, tail.next()) {
        ('万', _) | ('元', Some('万')) => Some(WAN),
        ('亿', _) | ('元', Some('亿')) => Some(YI),
        ('元', _) => Some(Decimal::ONE),
        _ => None,
    }
}

/// Whether a text that does not read as an amount gives one as approximate ("about 250万",
/// "250万左右", "~250", "250+") or as a bound ("250以上", "up to 300"): then the message asks for a
/// range rather than digits. Only asked of text that failed to read.
fn approximate(text: &str) -> bool {
    const MARKS: [&str; 26] = [
        "约",
        "左右",
        "上下",
        "以上",
        "以下",
        "以内",
        "多",
        "余",
        "近",
        "超过",
        "不到",
        "不足",
        "至少",
        "最多",
        "大概",
        "差不多",
        "≈",
        "≥",
        "≤",
        ">",
        "<",
        "＞",
        "＜",
        "不少于",
        "不超过",
        "至多",
    ];
    const WORDS: [&str; 15] = [
        "about",
        "around",
        "approx",
        "roughly",
        "circa",
        "nearly",
        "almost",
        "over",
        "under",
        "more than",
        "less than",
        "at least",
        "at most",
        "up to",
        "upto",
    ];
    let text = text.trim();
    if text.starts_with(['~', '～', '〜'])
        || text.ends_with(['+', '＋'])
        || MARKS.iter().any(|m| text.contains(m))
    {
        return true;
    }
    let lower = text.to_ascii_lowercase();
    WORDS.iter().any(|w| lower.contains(w))
}

/// The rule every amount in a profile obeys, however it arrived (typed, imported, generated).
#[cfg_attr(not(target_arch = "wasm32"), inline)]
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub fn check_amount(yuan: Decimal) -> Result<(), AmountProblem> {
    if yuan.is_sign_negative() && !yuan.is_zero() {
        Err(AmountProblem::Negative)
    } else if compare(yuan, MAX_AMOUNT).is_gt() {
        Err(AmountProblem::TooLarge)
    } else if yuan.scale() > 2 && yuan.normalize().scale() > 2 {
        Err(AmountProblem::FinerThanFen)
    } else {
        Ok(())
    }
}

fn normalise_char(c: char) -> Option<char> {
    match c {
        // Full-width digits and signs from Chinese input methods.
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        '，' | '、' => Some(','),
        '．' => Some('.'),
        '－' | '−' | '–' => Some('-'),
        '＋' => Some('+'),
        '￥' => Some('¥'),
        c if c.is_whitespace() => None,
        c => Some(c),
    }
}

/// Whether an amount is a whole number (a count). Through `trunc`, which the page has already:
/// `fract` would add 1.9 KB of wasm.
pub fn is_whole(amount: Decimal) -> bool {
    compare(amount.trunc(), amount).is_eq()
}

/// 10^0 ..= 10^9: the scale differences `compare` works with.
const POWERS_OF_TEN: [u128; 10] =
    [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

/// `a.cmp(&b)`, the same ordering as `Decimal`'s own, several times cheaper for the numbers the
/// engine meets: two non-negative decimals whose scales differ by at most 9 (every amount, rate
/// and threshold) are compared on their mantissas. Anything else goes to `Decimal::cmp`. An
/// evaluation compares some thirty numbers; `Decimal::cmp` took a sixth of its time.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub fn compare(a: Decimal, b: Decimal) -> Ordering {
    let (scale_a, scale_b) = (a.scale(), b.scale());
    if a.is_sign_negative() || b.is_sign_negative() || scale_a.abs_diff(scale_b) > 9 {
        return a.cmp(&b);
    }
    // A mantissa is below 2^96; times at most 10^9 (below 2^30) it stays below 2^126.
    let (m_a, m_b) = (a.mantissa().unsigned_abs(), b.mantissa().unsigned_abs());
    if scale_a >= scale_b {
        m_a.cmp(&(m_b * POWERS_OF_TEN[(scale_a - scale_b) as usize]))
    } else {
        (m_a * POWERS_OF_TEN[(scale_b - scale_a) as usize]).cmp(&m_b)
    }
}

/// `a + b`, `a - b`, `a × b`, `None` on overflow. Out of line in the wasm: inlined, each
/// `Decimal` operation is about a kilobyte of code, and the engine has a few dozen of them.
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

#[cfg_attr(target_arch = "wasm32", inline(never))]
pub fn sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_sub(b)
}

#[cfg_attr(target_arch = "wasm32", inline(never))]
pub fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

/// `a.min(b)` through `compare`: `a` unless `b` is smaller, as `Decimal::min` (the scale kept is
/// the same).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub fn min(a: Decimal, b: Decimal) -> Decimal {
    if compare(a, b).is_gt() {
        b
    } else {
        a
    }
}

/// `a.max(b)` through `compare`: `a` unless `b` is larger, as `Decimal::max`.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub fn max(a: Decimal, b: Decimal) -> Decimal {
    if compare(a, b).is_lt() {
        b
    } else {
        a
    }
}

/// The estimator's one rounding rule: awards are "not more than" a share of a base, so a computed
/// award is cut down to the fen (toward zero), never rounded up past what the rule allows.
#[cfg_attr(not(target_arch = "wasm32"), inline)]
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub fn floor_to_fen(amount: Decimal) -> Decimal {
    // Whole yuan (most caps and limits): nothing to cut or strip, as `normalize` would find unless
    // the amount is a negative zero.
    if amount.scale() == 0 && !amount.is_sign_negative() {
        return amount;
    }
    // At most two decimals: nothing to cut, and rounding is the costlier half.
    if amount.scale() <= 2 {
        return amount.normalize();
    }
    amount.round_dp_with_strategy(2, RoundingStrategy::ToZero).normalize()
}

/// `amount / 2`, the same value and scale as `Decimal`'s division, without dividing when the
/// mantissa is even and not zero (every cap of the rule data): a division costs more than the
/// rest of a match. (Decimal writes a halved zero without decimals.)
#[cfg_attr(not(target_arch = "wasm32"), inline)]
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub fn half(amount: Decimal) -> Decimal {
    let (mantissa, scale, negative) =
        (amount.mantissa().unsigned_abs(), amount.scale(), amount.is_sign_negative());
    if mantissa != 0 && mantissa.is_multiple_of(2) {
        return from_mantissa(mantissa >> 1, negative, scale);
    }
    // Odd: m / 2 = 5m / 10, one decimal place more, exact when it fits (always, for amounts of this
    // domain); past 28 places or 96 bits the last half-unit is cut. No decimal division: the page
    // then carries none.
    let five = mantissa * 5;
    if scale < 28 && five < 1u128 << 96 {
        from_mantissa(five, negative, scale + 1)
    } else {
        from_mantissa(mantissa >> 1, negative, scale)
    }
}

/// A decimal from its mantissa (below 2^96), sign and scale (at most 28), rebuilt from its three
/// 32-bit words: `from_i128_with_scale` is a call that checks a range these are always in, and
/// cost more than the rest of a match.
#[inline]
fn from_mantissa(mantissa: u128, negative: bool, scale: u32) -> Decimal {
    let word = |shift: u32| (mantissa >> shift) as u32;
    Decimal::from_parts(word(0), word(32), word(64), negative, scale)
}

/// `amount` in 万 (÷ 10,000), exactly, by moving the decimal point: no decimal division in the
/// page (rust_decimal's is about 4.5 KB of wasm before compression, by twiggy). Beyond
/// rust_decimal's 28 decimals the last places are cut, as a display of 万 never shows them.
pub fn in_wan(amount: Decimal) -> Decimal {
    let scale = amount.scale() + 4;
    if scale <= 28 {
        return from_mantissa(amount.mantissa().unsigned_abs(), amount.is_sign_negative(), scale);
    }
    in_wan(amount.round_dp_with_strategy(24, RoundingStrategy::ToZero))
}

/// `12,345,678.9` → `12,345,678.90`; whole yuan show no decimals.
pub fn group_digits(amount: Decimal) -> String {
    let mut grouped = String::with_capacity(24);
    push_grouped(&mut grouped, amount);
    grouped
}

/// Appends `group_digits(amount)` to `out` (the report builds many amounts: one string each).
fn push_grouped(out: &mut String, amount: Decimal) {
    let amount = amount.normalize();
    if amount.is_sign_negative() && !amount.is_zero() {
        out.push('-');
    }
    let abs = amount.abs();
    let whole = abs.trunc();
    let fraction = abs - whole;
    // The digits of the whole part, written backwards into a buffer (a Decimal has at most 29):
    // cheaper than `Decimal`'s own formatting, which this is called for some sixty times a report.
    let mut buffer = [0u8; 32];
    let mut start = buffer.len();
    let mut rest = whole.to_u128().unwrap_or_default();
    loop {
        start -= 1;
        buffer[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let digits = &buffer[start..];
    for (i, &digit) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(char::from(digit));
    }
    if !fraction.is_zero() {
        let cents = (fraction * Decimal::ONE_HUNDRED).trunc().to_u32().unwrap_or(0);
        // Writing into a String cannot fail.
        let _ = write!(out, ".{cents:02}");
    }
}

/// An amount in the reader's language: `7,200,000 元` or `¥7,200,000`.
pub fn format_yuan(amount: Decimal, lang: Lang) -> String {
    let mut text = String::with_capacity(32);
    match lang {
        Lang::Zh => {
            push_grouped(&mut text, amount);
            text.push_str(" 元");
        }
        Lang::En => {
            text.push('¥');
            push_grouped(&mut text, amount);
        }
    }
    text
}

/// Like `format_yuan`, with the 万元 figure beside large amounts, as Chinese readers expect.
pub fn format_yuan_wan(amount: Decimal, lang: Lang) -> String {
    let plain = format_yuan(amount, lang);
    if amount < WAN {
        return plain;
    }
    let wan = group_digits(in_wan(amount).round_dp_with_strategy(2, RoundingStrategy::ToZero));
    match lang {
        Lang::Zh => format!("{plain}（{wan} 万元）"),
        Lang::En => format!("{plain} ({wan} 万)"),
    }
}

/// A rate as a percentage: 0.4 → `40%`, 0.125 → `12.5%`.
pub fn format_rate(rate: Decimal) -> String {
    format!("{}%", (rate * Decimal::ONE_HUNDRED).normalize())
}

#[cfg(test)]
mod tests_wan {
    use super::*;

    #[test]
    fn in_wan_moves_the_point_exactly() {
        for (yuan, wan) in [
            ("0", "0"),
            ("10000", "1"),
            ("12345678.9", "1234.56789"),
            ("0.01", "0.000001"),
            ("1000000000000000", "100000000000"),
        ] {
            assert_eq!(in_wan(yuan.parse().unwrap()), wan.parse::<Decimal>().unwrap(), "{yuan}");
            assert_eq!(in_wan(yuan.parse().unwrap()), yuan.parse::<Decimal>().unwrap() / WAN, "{yuan}");
        }
        let tiny = Decimal::new(1, 28);
        assert_eq!(in_wan(tiny), Decimal::ZERO);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn max_amount_is_ten_to_the_fifteenth() {
        assert_eq!(MAX_AMOUNT, d("1000000000000000"));
    }

    #[test]
    fn reads_amounts_as_people_type_them() {
        let cases = [
            ("1,200,000", Unit::Yuan, "1200000"),
            ("１２３", Unit::Yuan, "123"),
            (" 1 200 000 ", Unit::Yuan, "1200000"),
            ("120", Unit::Wan, "1200000"),
            ("１,０００万", Unit::Yuan, "10000000"),
            ("1000万元", Unit::Yuan, "10000000"),
            ("1.2亿", Unit::Yuan, "120000000"),
            ("500元", Unit::Wan, "500"),
            ("¥3,600,000", Unit::Yuan, "3600000"),
            ("￥１２．５", Unit::Yuan, "12.5"),
            ("0.000001", Unit::Wan, "0.01"),
            ("1\u{3000}000", Unit::Yuan, "1000"),
        ];
        for (input, unit, expected) in cases {
            assert_eq!(parse_amount(input, unit), Ok(Some(d(expected))), "{input:?}");
        }
    }

    #[test]
    fn empty_input_is_unknown_not_zero() {
        assert_eq!(parse_amount("", Unit::Yuan), Ok(None));
        assert_eq!(parse_amount("  ,", Unit::Yuan), Ok(None));
        assert_eq!(parse_amount("0", Unit::Yuan), Ok(Some(Decimal::ZERO)));
    }

    #[test]
    fn rejects_what_cannot_be_an_amount() {
        let cases = [
            ("abc", AmountProblem::NotANumber),
            ("1e309", AmountProblem::NotANumber),
            ("1.2.3", AmountProblem::NotANumber),
            ("😀", AmountProblem::NotANumber),
            ("-5", AmountProblem::Negative),
            ("－５", AmountProblem::Negative),
            ("0.000001", AmountProblem::FinerThanFen),
            ("1000000000000001", AmountProblem::TooLarge),
            ("100000000001万", AmountProblem::TooLarge),
            ("99999999999999999999999999999999", AmountProblem::TooLarge),
        ];
        for (input, problem) in cases {
            assert_eq!(parse_amount(input, Unit::Yuan), Err(problem), "{input:?}");
        }
        assert_eq!(parse_amount("1000000000000000", Unit::Yuan), Ok(Some(MAX_AMOUNT)));
        assert_eq!(check_amount(d("1000000000000000.00")), Ok(()));
        assert_eq!(check_amount(d("1000000000000000.01")), Err(AmountProblem::TooLarge));
    }

    #[test]
    fn splits_a_range_after_a_digit_only() {
        let cases = [
            ("200-300", Some(("200", "300"))),
            ("200 – 300", Some(("200 ", " 300"))),
            ("200万—300万", Some(("200万", "300万"))),
            ("２００～３００", Some(("２００", "３００"))),
            ("200至300", Some(("200", "300"))),
            ("200 to 300", Some(("200 ", " 300"))),
            ("200 TO", Some(("200 ", ""))),
            ("-200-300", Some(("-200", "300"))),
            ("-200", None),
            ("－２００", None),
            ("~200", None),
            ("200", None),
            ("200 tons", None),
            ("200to300", None),
            ("up to 300", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(split_range(text), expected, "{text:?}");
        }
    }

    #[test]
    fn a_unit_on_the_high_end_only_is_both_ends() {
        let range = |low: &str, high: &str, unit| parse_range(low, high, unit);
        assert_eq!(range("200", "300万", Unit::Yuan), Ok((d("2000000"), d("3000000"))));
        assert_eq!(range("200", "300 万 元", Unit::Yuan), Ok((d("2000000"), d("3000000"))));
        assert_eq!(range("0.02", "0.03亿元", Unit::Yuan), Ok((d("2000000"), d("3000000"))));
        assert_eq!(range("200", "300元", Unit::Wan), Ok((d("200"), d("300"))));
        assert_eq!(range("200万", "3000000", Unit::Yuan), Ok((d("2000000"), d("3000000"))));
        assert_eq!(range("200万", "300", Unit::Yuan), Ok((d("2000000"), d("300"))));
        assert_eq!(range("200", "300", Unit::Wan), Ok((d("2000000"), d("3000000"))));
        assert_eq!(range("200", "", Unit::Yuan), Err(AmountProblem::RangeEnd));
        assert_eq!(range(" ", "300", Unit::Yuan), Err(AmountProblem::RangeEnd));
        assert_eq!(range("约200", "300", Unit::Yuan), Err(AmountProblem::Approximate));
        assert_eq!(range("x", "300", Unit::Yuan), Err(AmountProblem::NotANumber));
    }

    #[test]
    fn approximate_figures_are_not_numbers_nor_ranges() {
        for text in ["about 250万", "AROUND 250", "约250万", "250万左右", "~250", "250+", "250以上", "≈250"]
        {
            assert_eq!(parse_amount(text, Unit::Yuan), Err(AmountProblem::Approximate), "{text:?}");
        }
        assert_eq!(parse_amount("+250", Unit::Yuan), Ok(Some(d("250"))));
    }

    #[test]
    fn compare_min_and_max_agree_with_decimal_scale_included() {
        let values = [
            "0",
            "-0",
            "0.00",
            "1",
            "1.0",
            "0.4",
            "0.40",
            "0.3",
            "2",
            "800000",
            "800000.00",
            "1000000",
            "7200000.148",
            "7200000.15",
            "7200000.1480",
            "10000000",
            "18000000.37",
            "1000000000000000",
            "1000000000000000.01",
            "1500000",
            "-5",
            "-0.01",
            "-1000000",
            "0.0000000001",
            "12.5",
            "12.50",
            "0.000000000000000000000000001",
            "79228162514264337593543950335",
            "7.9228162514264337593543950335",
            "1234567890123456789.012345678",
        ]
        .map(d);
        for a in values {
            for b in values {
                assert_eq!(compare(a, b), a.cmp(&b), "{a} vs {b}");
                assert_eq!(min(a, b).to_string(), a.min(b).to_string(), "min({a}, {b})");
                assert_eq!(max(a, b).to_string(), a.max(b).to_string(), "max({a}, {b})");
            }
        }
    }

    #[test]
    fn half_and_floor_to_fen_agree_with_decimal_scale_included() {
        let values = [
            "0",
            "-0",
            "0.00",
            "1",
            "2",
            "3",
            "-4",
            "2000000",
            "3000000",
            "2000000.00",
            "3000000.50",
            "0.02",
            "0.001",
            "-0.016",
            "7200000.148",
            "12.5",
            "12.50",
            "79228162514264337593543950334",
            "-79228162514264337593543950334",
            "7.9228162514264337593543950334",
            "0.0000000000000000000000000002",
        ]
        .map(d);
        for a in values {
            // The same number (its scale may differ, which no display shows: they normalise).
            assert_eq!(compare(half(a), a / Decimal::TWO), Ordering::Equal, "half({a})");
            let floored = a.round_dp_with_strategy(2, RoundingStrategy::ToZero).normalize();
            assert_eq!(floor_to_fen(a).to_string(), floored.to_string(), "floor_to_fen({a})");
        }
    }

    #[test]
    fn rounding_cuts_to_the_fen_toward_zero_even_at_half() {
        assert_eq!(floor_to_fen(d("0.005")), d("0"));
        assert_eq!(floor_to_fen(d("0.015")), d("0.01"));
        assert_eq!(floor_to_fen(d("0.025")), d("0.02"));
        assert_eq!(floor_to_fen(d("493827.156")), d("493827.15"));
        assert_eq!(floor_to_fen(d("7200000")), d("7200000"));
    }

    #[test]
    fn formats_with_grouping_in_each_language() {
        assert_eq!(format_yuan(d("7200000"), Lang::Zh), "7,200,000 元");
        assert_eq!(format_yuan(d("7200000"), Lang::En), "¥7,200,000");
        assert_eq!(group_digits(d("1234.5")), "1,234.50");
        assert_eq!(group_digits(d("999")), "999");
        assert_eq!(group_digits(d("0")), "0");
        assert_eq!(group_digits(d("-1234567.891")), "-1,234,567.89");
        assert_eq!(group_digits(d("0.005")), "0.00");
        assert_eq!(group_digits(d("100000.00")), "100,000");
        assert_eq!(group_digits(Decimal::MAX), "79,228,162,514,264,337,593,543,950,335");
        assert_eq!(format_yuan(d("1234.5"), Lang::Zh), "1,234.50 元");
        assert_eq!(format_yuan(d("1234.5"), Lang::En), "¥1,234.50");
        assert_eq!(format_yuan_wan(d("7200000"), Lang::Zh), "7,200,000 元（720 万元）");
        assert_eq!(format_rate(d("0.40")), "40%");
        assert_eq!(format_rate(d("0.125")), "12.5%");
    }
}
