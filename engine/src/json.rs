//! A small JSON reader and writer, so that the page needs no serialisation framework for JSON:
//! profiles, stored sessions and share links are read and written field by field (`input.rs`,
//! `fingerprint.rs`); the packs come to the page as postcard, converted at build time.
//! Numbers are kept as their text, so money is read exactly (never through floating point).

use std::fmt::Write;

/// A JSON value. Objects keep their keys in file order.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// The number exactly as written.
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Where a text stops being JSON, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub reason: &'static str,
}

/// Deeper nesting than this is refused rather than risking the stack.
const MAX_DEPTH: usize = 64;

pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    let mut reader = Reader { text, bytes: text.as_bytes(), at: 0, depth: 0 };
    reader.space();
    let value = reader.value()?;
    reader.space();
    if reader.at < reader.bytes.len() {
        return Err(reader.error("unexpected text after the value"));
    }
    Ok(value)
}

struct Reader<'t> {
    text: &'t str,
    /// `text` as bytes: the reader steps through ASCII punctuation.
    bytes: &'t [u8],
    at: usize,
    depth: usize,
}

impl Reader<'_> {
    fn error(&self, reason: &'static str) -> SyntaxError {
        let before = &self.bytes[..self.at.min(self.bytes.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
        SyntaxError { line, column, reason }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8, reason: &'static str) -> Result<(), SyntaxError> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(reason))
        }
    }

    fn value(&mut self) -> Result<Json, SyntaxError> {
        match self.peek() {
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
            None => Err(self.error("the text ends where a value should be")),
        }
    }

    fn nested(&mut self, read: fn(&mut Self) -> Result<Json, SyntaxError>) -> Result<Json, SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn word(&mut self, word: &str, value: Json) -> Result<Json, SyntaxError> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn number(&mut self) -> Result<Json, SyntaxError> {
        let start = self.at;
        let digits = |r: &mut Self| {
            let from = r.at;
            while matches!(r.peek(), Some(b'0'..=b'9')) {
                r.at += 1;
            }
            r.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let leading_zero = self.peek() == Some(b'0');
        if !digits(self) {
            return Err(self.error("a number needs digits"));
        }
        if leading_zero && self.at - start > 1 + usize::from(self.bytes[start] == b'-') {
            self.at = start + 1 + usize::from(self.bytes[start] == b'-');
            return Err(self.error("a number cannot start with 0"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(self.error("a number needs digits after the point"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.error("an exponent needs digits"));
            }
        }
        // Only ASCII was consumed: the slice lies on character boundaries.
        Ok(Json::Number(self.text[start..self.at].to_string()))
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.expect(b'"', "expected a string")?;
        // Most strings (every key, id and date) have no escape: one copy of the text as it is,
        // already known to be UTF-8, with no growing buffer. The quotes are ASCII, so the slice
        // lies on character boundaries.
        let start = self.at;
        let plain = self.bytes[start..].iter().position(|&b| matches!(b, b'"' | b'\\' | 0..=0x1f));
        if let Some(length) = plain.filter(|&length| self.bytes[start + length] == b'"') {
            self.at = start + length + 1;
            return Ok(self.text[start..start + length].to_string());
        }
        let mut out = Vec::new();
        loop {
            let Some(byte) = self.peek() else { return Err(self.error("a string is not closed")) };
            self.at += 1;
            match byte {
                b'"' => break,
                b'\\' => {
                    let Some(escape) = self.peek() else { return Err(self.error("a string is not closed")) };
                    self.at += 1;
                    let c = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err(self.error("unknown escape in a string")),
                    };
                    let mut buffer = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
                }
                0..=0x1f => return Err(self.error("control character in a string")),
                _ => out.push(byte),
            }
        }
        String::from_utf8(out).map_err(|_| self.error("a string is not valid UTF-8"))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self.bytes.get(self.at..self.at + 4).ok_or_else(|| self.error("short \\u escape"))?;
        let text = std::str::from_utf8(digits).map_err(|_| self.error("bad \\u escape"))?;
        let value = u32::from_str_radix(text, 16).map_err(|_| self.error("bad \\u escape"))?;
        self.at += 4;
        Ok(value)
    }

    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            // A surrogate pair: \uD83D\uDE00.
            if !self.bytes[self.at..].starts_with(b"\\u") {
                return Err(self.error("unpaired surrogate in a string"));
            }
            self.at += 2;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.error("unpaired surrogate in a string"));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.error("unpaired surrogate in a string"))
    }

    fn array(&mut self) -> Result<Json, SyntaxError> {
        self.expect(b'[', "expected an array")?;
        let mut items = Vec::new();
        self.space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.space();
            items.push(self.value()?);
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.error("expected , or ] in an array")),
            }
        }
    }

    fn object(&mut self) -> Result<Json, SyntaxError> {
        self.expect(b'{', "expected an object")?;
        // Room for a profile section's fields at once: no growing, entry by entry.
        let mut entries: Vec<(String, Json)> = Vec::with_capacity(8);
        self.space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(entries));
        }
        loop {
            self.space();
            let key_at = self.at;
            let key = self.string()?;
            if entries.iter().any(|(k, _)| *k == key) {
                self.at = key_at;
                return Err(self.error("a key appears twice in one object"));
            }
            self.space();
            self.expect(b':', "expected : after a key")?;
            self.space();
            let value = self.value()?;
            entries.push((key, value));
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Object(entries));
                }
                _ => return Err(self.error("expected , or } in an object")),
            }
        }
    }
}

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true/false",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }
}

/// Appends `text` as a JSON string, quoted and escaped.
pub fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Json {
        Json::String(text.into())
    }

    #[test]
    fn reads_every_kind_of_value() {
        let json =
            parse(r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00", "c": {}} "#)
                .unwrap();
        assert_eq!(
            json.get("a"),
            Some(&Json::Array(vec![
                Json::Number("1".into()),
                Json::Number("-2.5e3".into()),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null
            ]))
        );
        assert_eq!(json.get("b"), Some(&s("x\"\\/\né😀")));
        assert_eq!(json.get("c"), Some(&Json::Object(vec![])));
        assert_eq!(parse("\"中文\"").unwrap(), s("中文"));
    }

    #[test]
    fn says_where_the_text_stops_being_json() {
        let cases = [
            ("{\"a\": 1,\n \"b\": }", 2, 7),
            ("", 1, 1),
            ("[1, 2", 1, 6),
            ("{\"a\" 1}", 1, 6),
            ("01x", 1, 2),
            ("\"abc", 1, 5),
            ("{\"a\": 1, \"a\": 2}", 1, 10),
            ("1e309x", 1, 6),
            ("\"\\ud83d\"", 1, 8),
            ("nul", 1, 1),
        ];
        for (text, line, column) in cases {
            let e = parse(text).unwrap_err();
            assert_eq!((e.line, e.column), (line, column), "{text:?}: {}", e.reason);
        }
        assert!(parse(&"[".repeat(100_000)).is_err());
    }

    #[test]
    fn a_string_without_escapes_reads_the_same_as_written_with_them() {
        // The first of each pair takes the quick path (no escape), the second the general one.
        let pairs = [
            (r#""company_name""#, r#""company_\u006eame""#),
            (r#""中文 😀 é""#, r#""\u4e2d\u6587 \ud83d\ude00 \u00e9""#),
            (r#"{"中":"a","b":""}"#, r#"{"\u4e2d":"\u0061","b":""}"#),
        ];
        for (plain, escaped) in pairs {
            assert_eq!(parse(plain).unwrap(), parse(escaped).unwrap(), "{plain}");
        }
        // A control character, a backslash at the end or no closing quote: the quick path stops
        // where the general one reports.
        assert_eq!(parse("\"ab\tc\"").unwrap_err().column, 5);
        assert_eq!(parse("\"abc").unwrap_err().column, 5);
        assert_eq!(parse("\"a\\").unwrap_err().column, 4);
    }

    #[test]
    fn keeps_numbers_as_written() {
        assert_eq!(parse("12345678901234567890.12").unwrap(), Json::Number("12345678901234567890.12".into()));
        assert_eq!(parse("1e309").unwrap(), Json::Number("1e309".into()));
    }

    #[test]
    fn writes_strings_that_read_back() {
        for text in ["plain", "quote \" backslash \\ newline \n tab \t", "\u{1}\u{1f}", "中文😀"] {
            let mut out = String::new();
            write_string(&mut out, text);
            assert_eq!(parse(&out).unwrap(), s(text));
        }
    }
}
