//! The rule set: the policy documents, their articles, and the programmes they fund, as data.
//! The engine knows a handful of test and formula kinds; everything Guangdong-specific (rates, caps,
//! windows, quotas, wording, citations) lives in `rules/*.json` and is checked when it loads.

mod check;
mod model;

pub use check::RuleError;
pub use model::*;

use std::sync::OnceLock;

/// The 2025 Guangdong AI & robotics Measures and their fund rules, embedded at build time.
pub const GUANGDONG_2025_JSON: &str = include_str!("../../rules/guangdong-ai-robotics-2025.json");

impl RuleSet {
    /// Parses and checks a rule file: unknown fields, dangling citations, missing languages and
    /// impossible parameters are all load errors, never surprises at evaluation time.
    pub fn from_json(text: &str) -> Result<RuleSet, RuleError> {
        let rules: RuleSet = serde_json::from_str(text).map_err(|e| RuleError::Parse(e.to_string()))?;
        check::check(&rules)?;
        Ok(rules)
    }

    /// The embedded rule set, parsed once. A test guarantees that it loads.
    pub fn guangdong_2025() -> &'static RuleSet {
        static RULES: OnceLock<RuleSet> = OnceLock::new();
        RULES.get_or_init(|| {
            RuleSet::from_json(GUANGDONG_2025_JSON)
                .unwrap_or_else(|e| panic!("the embedded rule set is invalid: {e}"))
        })
    }
}
