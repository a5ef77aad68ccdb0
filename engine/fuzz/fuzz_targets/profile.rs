//! Arbitrary bytes as a profile file: read it against the built-in packs (common, province,
//! Shenzhen), and where it reads, evaluate it on an as-of date taken from a few of the input's bytes
//! and build the report in both languages.
//!
//! Beyond "no panic", it checks what the rest of the app relies on: every error has words in both
//! languages, a profile that reads saves and reads back unchanged, evaluation never overflows,
//! amounts stay within their programme's highest amount, and each level's totals add up.
//!
//! engine/tests/fuzz_regressions.rs replays the kept inputs with the same checks and the same date.

#![no_main]

use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use subsidy_engine::input::Problem;
use subsidy_engine::report::{Amount, Report, Verdict};
use subsidy_engine::rules::{Formula, Library, Programme};
use subsidy_engine::view::ReportView;
use subsidy_engine::{evaluate, Date, EvalError, Lang, Profile};

fuzz_target!(|data: &[u8]| check(data));

/// The as-of date: 2020-01-01 ..= 2030-12-31, from the first and last four bytes and the length.
/// The file itself stays an ordinary profile file, so the seeds need no prefix.
fn as_of(data: &[u8]) -> Date {
    let first = Date::new(2020, 1, 1).unwrap().days_since_epoch();
    let last = Date::new(2030, 12, 31).unwrap().days_since_epoch();
    let head = &data[..data.len().min(4)];
    let tail = &data[data.len().saturating_sub(4)..];
    let length = (data.len() as u32).to_le_bytes();
    let mut hash: u32 = 0x811c_9dc5;
    for &b in head.iter().chain(tail).chain(&length) {
        hash = (hash ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    Date::from_days_since_epoch(first + i64::from(hash) % (last - first + 1)).unwrap()
}

fn check(data: &[u8]) {
    let lib = Library::builtin();
    let text = String::from_utf8_lossy(data);
    let profile = match Profile::from_json(lib, &text) {
        Ok(profile) => profile,
        Err(errors) => {
            assert!(!errors.is_empty(), "refused without a reason");
            for error in &errors {
                for lang in Lang::ALL {
                    assert!(!error.message(lib, lang).trim().is_empty(), "{error:?}");
                }
            }
            let problems: Vec<&Problem> = errors.iter().map(|e| &e.problem).collect();
            serde_json::to_string(&problems).unwrap();
            // "Not valid JSON" is for text that is not JSON. JSON the profile reader refuses has its
            // problems named by field, unless a key repeats (the re-written text drops repeats).
            if let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) {
                let syntax_only = errors.iter().all(|e| matches!(e.problem, Problem::Syntax { .. }));
                let again = Profile::from_json(lib, &json.to_string());
                let still_syntax =
                    again.is_err_and(|e| e.iter().all(|e| matches!(e.problem, Problem::Syntax { .. })));
                assert!(!(syntax_only && still_syntax), "valid JSON called invalid: {errors:?}");
            }
            return;
        }
    };
    // What the app saves (and what a share link carries) must read back as the same profile.
    let saved = profile.to_json_pretty(lib);
    assert_eq!(Profile::from_json(lib, &saved).as_ref(), Ok(&profile), "{saved}");
    let compact = profile.to_json_compact(lib);
    let again = Profile::from_json(lib, &compact).unwrap_or_else(|e| panic!("{compact}: {e:?}"));
    assert!(lib.fields().all(|f| again.get(f) == profile.get(f)), "{compact}");

    let date = as_of(data);
    match evaluate(&profile, lib, date) {
        Ok(report) => check_report(&report, &profile),
        Err(EvalError::Invalid(errors)) => {
            assert!(!errors.is_empty());
            for error in &errors {
                for lang in Lang::ALL {
                    assert!(!error.message(lib, lang).trim().is_empty(), "{error:?}");
                }
            }
        }
        Err(overflow @ EvalError::Overflow { .. }) => panic!("{overflow:?} on {date}"),
    }
}

/// The most a programme's formula can give anyone, where it has such a bound.
fn highest_amount(programme: &Programme) -> Option<Decimal> {
    match programme.formula.as_ref()? {
        // A cap that depends on a condition (`cap_when`) may be the higher one.
        Formula::RateOfBase { cap, cap_when, .. } => {
            Some(cap_when.iter().map(|c| c.cap).fold(cap.highest(), Decimal::max))
        }
        Formula::CityAwardMatch { total_cap, .. } => Some(*total_cap),
        // A city award line is the award as entered: no bound of its own.
        Formula::CityAward { .. } | Formula::NoFixedAmount { .. } => None,
        Formula::PerItem { cap, .. } => *cap,
        Formula::Tiers { tiers, .. } => tiers.iter().map(|t| t.amount).max(),
    }
}

fn check_report(report: &Report<'_>, profile: &Profile) {
    for outcome in &report.outcomes {
        let id = &outcome.programme.id;
        assert!(report.packs.iter().any(|p| std::ptr::eq(*p, outcome.pack)), "{id}: pack not in the report");
        for amount in [outcome.amount, outcome.would_have_been] {
            if let Some(yuan) = amount.yuan() {
                assert!(yuan >= Decimal::ZERO, "{id}: {yuan}");
                if let Some(cap) = highest_amount(outcome.programme) {
                    assert!(yuan <= cap, "{id}: {yuan} vs highest amount {cap}");
                }
                assert_eq!(yuan, yuan.round_dp(2), "{id}: finer than the fen");
            }
        }
        if outcome.verdict == Verdict::NotEligible {
            assert_eq!(outcome.amount, Amount::None, "{id}");
        }
    }
    for totals in &report.totals {
        let mut rule_based = Decimal::ZERO;
        let mut ceilings = Decimal::ZERO;
        let level = report.outcomes.iter().filter(|o| o.level == totals.level);
        for outcome in level.filter(|o| o.verdict == Verdict::Eligible) {
            match outcome.amount {
                Amount::RuleBased(y) => rule_based += y,
                Amount::Ceiling(y) => ceilings += y,
                _ => {}
            }
        }
        assert_eq!(totals.rule_based, rule_based, "{:?}", totals.level);
        assert_eq!(totals.competitive_ceilings, ceilings, "{:?}", totals.level);
    }
    for lang in Lang::ALL {
        let view = ReportView::new(report, profile, lang);
        assert_eq!(view.programmes.len(), report.outcomes.len());
        for p in &view.programmes {
            assert!(!p.verdict_label.is_empty() && !p.amount_label.is_empty(), "{}", p.id);
            assert!(p.calculation.iter().chain(&p.notes).chain(&p.hints).all(|s| !s.trim().is_empty()));
        }
        assert!(view.warnings.iter().all(|w| !w.trim().is_empty()));
        serde_json::to_string(&view).unwrap();
    }
}
