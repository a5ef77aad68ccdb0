//! The rule set: the policy documents, their articles, and the programmes they fund, as data.
//! The engine knows a handful of test and formula kinds; everything Guangdong-specific (rates, caps,
//! windows, quotas, wording, citations) lives in `rules/*.json` and is checked when it loads.

mod check;
mod model;
mod read;

pub use check::RuleError;
pub use model::*;

use std::sync::OnceLock;

/// The 2025 Guangdong AI & robotics Measures and their fund rules, embedded at build time.
pub const GUANGDONG_2025_JSON: &str = include_str!("../../rules/guangdong-ai-robotics-2025.json");

impl RuleSet {
    /// Parses and checks a rule file: unknown fields, dangling citations, missing languages and
    /// impossible parameters are all load errors, never surprises at evaluation time.
    pub fn from_json(text: &str) -> Result<RuleSet, RuleError> {
        let rules = Self::parse_unchecked(text)?;
        check::check(&rules)?;
        Ok(rules)
    }

    fn parse_unchecked(text: &str) -> Result<RuleSet, RuleError> {
        let json = crate::json::parse(text)
            .map_err(|e| RuleError::Parse(format!("line {}, column {}: {}", e.line, e.column, e.reason)))?;
        read::read_rule_set(&json).map_err(RuleError::Parse)
    }

    /// The embedded rule set, parsed once. It is not checked again at run time: the test
    /// `the_embedded_rule_set_loads` checks this very text with `from_json`, and the check would
    /// only add to the page's size and start-up time.
    pub fn guangdong_2025() -> &'static RuleSet {
        static RULES: OnceLock<RuleSet> = OnceLock::new();
        RULES.get_or_init(|| {
            RuleSet::parse_unchecked(GUANGDONG_2025_JSON)
                .unwrap_or_else(|e| panic!("the embedded rule set is invalid: {e}"))
        })
    }
}
