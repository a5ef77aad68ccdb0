//! eval-loop [N] [view]: evaluates the full profile N times (and builds its view with `view`), for
//! profiling under perf or valgrind, where criterion's own work would get in the way.

use std::hint::black_box;
use subsidy_engine::view::ReportView;
use subsidy_engine::{evaluate, Lang, RuleSet};
use subsidy_engine_bench::{as_of, full_profile};

fn main() {
    let n: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1_000_000);
    let view = std::env::args().nth(2).is_some_and(|a| a == "view");
    let rules = RuleSet::guangdong_2025();
    let profile = full_profile();
    let as_of = as_of();
    for _ in 0..n {
        let report = evaluate(black_box(&profile), rules, as_of).expect("evaluates");
        if view {
            black_box(ReportView::new(&report, &profile, Lang::Zh));
        }
        black_box(report);
    }
}
