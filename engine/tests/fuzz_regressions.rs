//! The fuzzer's kept inputs (engine/tests/fuzz-regressions/, a minimised selection of the corpus of
//! engine/fuzz's `profile` target) replayed as an ordinary test: each file is read as a profile and,
//! where it reads, evaluated and shown in both languages, with the fuzz target's checks. Each file
//! runs on the as-of date the fuzz target derives from its bytes and on a few fixed dates.

use rust_decimal::Decimal;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use subsidy_engine::input::Problem;
use subsidy_engine::report::{Amount, Report, Verdict};
use subsidy_engine::rules::{Formula, Level, Library};
use subsidy_engine::view::ReportView;
use subsidy_engine::{evaluate, Date, EvalError, Lang, Profile};

const MAX_FILE_BYTES: usize = 4096;

/// The fuzz target's as-of date (engine/fuzz/fuzz_targets/profile.rs): 2020-01-01 ..= 2030-12-31,
/// from the first and last four bytes and the length.
fn fuzz_as_of(data: &[u8]) -> Date {
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

fn fixed_dates() -> [Date; 4] {
    ["2020-01-01", "2025-07-31", "2026-03-01", "2030-12-31"].map(|d| Date::parse(d).unwrap())
}

fn inputs() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file() && !path.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect()
}

/// How one input went, for the variety check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seen {
    Refused,
    Evaluated { eligible: bool },
}

fn replay(data: &[u8]) -> Seen {
    let library = Library::builtin();
    let text = String::from_utf8_lossy(data);
    let profile = match Profile::from_json(library, &text) {
        Ok(profile) => profile,
        Err(errors) => {
            assert!(!errors.is_empty(), "refused without a reason");
            for error in &errors {
                for lang in Lang::ALL {
                    assert!(
                        !error.message(library, lang).trim().is_empty(),
                        "no words in {lang:?} for {error:?}"
                    );
                }
            }
            let problems: Vec<&Problem> = errors.iter().map(|e| &e.problem).collect();
            serde_json::to_string(&problems).unwrap();
            // "Not valid JSON" is for text that is not JSON. JSON the profile reader refuses has its
            // problems named by field, unless a key repeats (the re-written text drops repeats).
            if let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) {
                let syntax_only = errors.iter().all(|e| matches!(e.problem, Problem::Syntax { .. }));
                let again = Profile::from_json(library, &json.to_string());
                let still_syntax =
                    again.is_err_and(|e| e.iter().all(|e| matches!(e.problem, Problem::Syntax { .. })));
                assert!(!(syntax_only && still_syntax), "valid JSON called invalid: {errors:?}");
            }
            return Seen::Refused;
        }
    };
    let saved = profile.to_json_pretty(library);
    assert_eq!(Profile::from_json(library, &saved).as_ref(), Ok(&profile), "does not read back:\n{saved}");
    let compact = profile.to_json_compact(library);
    assert_eq!(
        Profile::from_json(library, &compact).as_ref(),
        Ok(&profile),
        "does not read back:\n{compact}"
    );

    let mut eligible = false;
    for date in std::iter::once(fuzz_as_of(data)).chain(fixed_dates()) {
        match evaluate(&profile, library, date) {
            Ok(report) => {
                check_report(&report, &profile);
                eligible |= report.totals.iter().any(|t| t.eligible > 0);
            }
            Err(EvalError::Invalid(errors)) => {
                assert!(!errors.is_empty());
                for error in &errors {
                    for lang in Lang::ALL {
                        assert!(!error.message(library, lang).trim().is_empty(), "{error:?}");
                    }
                }
            }
            Err(overflow @ EvalError::Overflow { .. }) => panic!("{overflow:?} on {date}"),
        }
    }
    Seen::Evaluated { eligible }
}

fn check_report(report: &Report<'_>, profile: &Profile) {
    let mut sums: Vec<(Level, Decimal, Decimal, usize, usize)> = Vec::new();
    for outcome in &report.outcomes {
        let id = &outcome.programme.id;
        let cap = match &outcome.programme.formula {
            // A cap that depends on a condition (`cap_when`) may be the higher one.
            Some(Formula::RateOfBase { cap, cap_when, .. }) => {
                Some(cap_when.iter().map(|c| c.cap).fold(cap.highest(), Decimal::max))
            }
            Some(Formula::CityAwardMatch { total_cap, .. }) => Some(*total_cap),
            Some(Formula::PerItem { cap, .. }) => *cap,
            Some(Formula::Tiers { tiers, .. }) => tiers.iter().map(|t| t.amount).max(),
            // A city award line is the award as given: no cap of its own.
            Some(Formula::CityAward { .. } | Formula::NoFixedAmount { .. }) | None => None,
        };
        for amount in [outcome.amount, outcome.would_have_been] {
            if let Some(yuan) = amount.yuan() {
                assert!(yuan >= Decimal::ZERO, "{id}: {yuan} is negative");
                if let Some(cap) = cap {
                    assert!(yuan <= cap, "{id}: {yuan} is outside 0..={cap}");
                } else {
                    assert!(
                        matches!(
                            outcome.programme.formula,
                            Some(Formula::PerItem { .. } | Formula::CityAward { .. })
                        ),
                        "{id}: an amount without a cap"
                    );
                }
                assert_eq!(yuan, yuan.round_dp(2), "{id}: {yuan} is finer than the fen");
            }
        }
        let level = outcome.level;
        // A line declared for another level (a city award) brings that level in only where it
        // concerns the company.
        if level != outcome.pack.level && outcome.verdict == Verdict::NotApplicable {
            continue;
        }
        let i = sums.iter().position(|s| s.0 == level).unwrap_or_else(|| {
            sums.push((level, Decimal::ZERO, Decimal::ZERO, 0, 0));
            sums.len() - 1
        });
        match (outcome.verdict, outcome.amount) {
            (Verdict::Eligible, Amount::RuleBased(y)) => sums[i].1 += y,
            (Verdict::Eligible, Amount::Ceiling(y)) => sums[i].2 += y,
            (Verdict::NotEligible | Verdict::NotApplicable, amount) => {
                assert_eq!(amount, Amount::None, "{id}: {:?} with an amount", outcome.verdict)
            }
            _ => {}
        }
        match outcome.verdict {
            Verdict::Eligible => sums[i].3 += 1,
            Verdict::Undetermined | Verdict::Depends => sums[i].4 += 1,
            _ => {}
        }
        if outcome.not_in_force.is_some() {
            assert_eq!(outcome.verdict, Verdict::NotEligible, "{id}: not in force but {:?}", outcome.verdict);
            assert!(outcome.missing.is_empty(), "{id}: not in force, yet asks for more");
        } else {
            assert_eq!(outcome.would_have_been, Amount::None, "{id}: a would-have-been while in force");
        }
    }
    sums.sort_by_key(|s| s.0);
    let totals: Vec<_> = report
        .totals
        .iter()
        .map(|t| {
            (
                t.level,
                t.rule_based.single().unwrap(),
                t.competitive_ceilings.single().unwrap(),
                t.eligible,
                t.undetermined,
            )
        })
        .collect();
    assert_eq!(totals, sums, "totals by level");
    for lang in Lang::ALL {
        let view = ReportView::new(report, profile, lang);
        assert_eq!(view.programmes.len(), report.outcomes.len());
        for p in &view.programmes {
            assert!(!p.verdict_label.is_empty() && !p.amount_label.is_empty(), "{}: no label", p.id);
            let lines = p.calculation.iter().chain(&p.notes).chain(&p.hints);
            assert!(lines.into_iter().all(|s| !s.trim().is_empty()), "{}: an empty line", p.id);
        }
        assert!(view.warnings.iter().all(|w| !w.trim().is_empty()), "an empty warning");
        serde_json::to_string(&view).unwrap();
    }
}

#[test]
fn every_kept_fuzz_input_reads_evaluates_and_shows_in_both_languages() {
    let inputs = inputs();
    assert!(inputs.len() >= 50, "only {} kept fuzz inputs: is the directory there?", inputs.len());
    let mut failures = Vec::new();
    let mut seen = Vec::new();
    for (name, data) in &inputs {
        assert!(data.len() <= MAX_FILE_BYTES, "{name}: {} bytes; keep the kept inputs small", data.len());
        match catch_unwind(AssertUnwindSafe(|| replay(data))) {
            Ok(outcome) => seen.push(outcome),
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(format!("{name}: {message}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} inputs failed:\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n")
    );
    // The selection must keep exercising every path, not just the parser's refusals.
    assert!(seen.contains(&Seen::Refused), "no refused input kept");
    assert!(seen.contains(&Seen::Evaluated { eligible: true }), "no input with an eligible programme kept");
    assert!(seen.contains(&Seen::Evaluated { eligible: false }), "no evaluated input without one kept");
}
