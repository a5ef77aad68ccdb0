//! The unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters whose last is a
//! check character over the first 17.

use crate::lang::Lang;
use serde::Serialize;
use std::fmt;

const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// A code whose check character is right. Stored upper-case, without spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct CreditCode(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CreditCodeProblem {
    Length { found: usize },
    BadCharacter { found: char },
    CheckCharacter { expected: char, found: char },
}

impl CreditCodeProblem {
    pub fn message(self, lang: Lang) -> String {
        match self {
            CreditCodeProblem::Length { found: n } => lang
                .pick("应为 18 位，现为 {n} 位", "must be 18 characters, found {n}")
                .replace("{n}", &n.to_string()),
            CreditCodeProblem::BadCharacter { found: c } => lang
                .pick(
                    "含有不允许的字符“{c}”（不使用 I、O、Z、S、V）",
                    "contains '{c}', which codes never use (no I, O, Z, S, V)",
                )
                .replace("{c}", &c.to_string()),
            CreditCodeProblem::CheckCharacter { expected, found } => lang
                .pick(
                    "校验位不符：末位应为 {e}，现为 {f}，请核对是否抄错",
                    "check character is wrong: the last character should be {e}, not {f}; check for a typo",
                )
                .replace("{e}", &expected.to_string())
                .replace("{f}", &found.to_string()),
        }
    }
}

impl CreditCode {
    /// Accepts lower case and spaces (as pasted from a licence scan); rejects anything else.
    pub fn parse(text: &str) -> Result<CreditCode, CreditCodeProblem> {
        let code: String =
            text.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect();
        let count = code.chars().count();
        if count != 18 {
            return Err(CreditCodeProblem::Length { found: count });
        }
        let values = code
            .chars()
            .map(|c| value_of(c).ok_or(CreditCodeProblem::BadCharacter { found: c }))
            .collect::<Result<Vec<u32>, _>>()?;
        let sum: u32 = values.iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
        let check = (31 - sum % 31) % 31;
        let expected = ALPHABET[check as usize] as char;
        let found = code.as_bytes()[17] as char;
        if expected != found {
            return Err(CreditCodeProblem::CheckCharacter { expected, found });
        }
        Ok(CreditCode(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Characters 3–8 hold the registering authority's division code (a province's start with its
    /// two digits: Guangdong's with 44).
    pub fn division_starts_with(&self, prefix: &str) -> bool {
        self.0[2..8].starts_with(prefix)
    }
}

fn value_of(c: char) -> Option<u32> {
    ALPHABET.iter().position(|&a| a as char == c).map(|i| i as u32)
}

impl fmt::Display for CreditCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_codes() {
        for code in ["914403001922038216", "91440300708461136T", " 91440300708461136t "] {
            let parsed = CreditCode::parse(code).unwrap();
            assert!(parsed.division_starts_with("44"));
        }
    }

    #[test]
    fn names_the_problem() {
        assert_eq!(CreditCode::parse("91440300192203821"), Err(CreditCodeProblem::Length { found: 17 }));
        assert_eq!(
            CreditCode::parse("91440300192203821I"),
            Err(CreditCodeProblem::BadCharacter { found: 'I' })
        );
        assert_eq!(
            CreditCode::parse("914403001922038217"),
            Err(CreditCodeProblem::CheckCharacter { expected: '6', found: '7' })
        );
    }

    #[test]
    fn check_value_31_means_zero() {
        // Search a code whose weighted sum is a multiple of 31: its check character must be '0'.
        let stem = "91440300708461136";
        let sum: u32 = stem.chars().zip(WEIGHTS).map(|(c, w)| value_of(c).unwrap() * w).sum();
        let expected = ALPHABET[((31 - sum % 31) % 31) as usize] as char;
        assert_eq!(expected, 'T');
        let zero_stem = (0..31u32)
            .map(|v| format!("9144030070846113{}", ALPHABET[v as usize] as char))
            .find(|s| s.chars().zip(WEIGHTS).map(|(c, w)| value_of(c).unwrap() * w).sum::<u32>() % 31 == 0)
            .unwrap();
        assert!(CreditCode::parse(&format!("{zero_stem}0")).is_ok());
    }
}
