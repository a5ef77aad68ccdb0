//! The rule engine of the Guangdong AI & robotics subsidy estimator.
//!
//! A company's [`Profile`] and a [`Library`] of policy packs go in with an as-of [`Date`]; a
//! [`Report`] comes out:
//! for every programme a verdict, an amount, the conditions with their citations, the calculation
//! with the company's own numbers, notes on ambiguous clauses and near-miss hints. The engine is
//! pure (no clock, no I/O, no web dependency) so that the browser, the command line and the tests
//! all get the same answer.

pub mod audit;
pub mod credit_code;
pub mod date;
pub mod evaluate;
pub mod explain;
pub mod fields;
pub mod fingerprint;
pub mod force;
mod formulas;
pub mod input;
pub mod json;
pub mod lang;
mod limits;
pub mod money;
pub mod order;
pub mod profile;
pub mod report;
pub mod rules;
pub mod schema;
pub mod text;
pub mod typed;
pub mod view;

pub use audit::{audit, Audit};
pub use date::Date;
pub use evaluate::{evaluate, EvalError};
pub use lang::Lang;
pub use profile::Profile;
pub use report::Report;
pub use rules::Library;
