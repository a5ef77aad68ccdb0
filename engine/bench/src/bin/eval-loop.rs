//! eval-loop [N] [view] [shenzhen]: evaluates a full profile N times (and builds its view with
//! `view`), for profiling under perf or valgrind, where criterion's own work would get in the way,
//! and for the side-by-side comparison with the previous build in scripts/bench-engine.sh (which
//! runs both builds' eval-loop with N only: the provincial full profile, no view).
//!
//! The profile is the provincial full profile (profiles/full.json), or with `shenzhen` the full
//! Shenzhen-district profile (profiles/full-shenzhen.json: province, Shenzhen and Longgang).

use std::hint::black_box;
use subsidy_engine::view::ReportView;
use subsidy_engine::{evaluate, Lang};
use subsidy_engine_bench::{as_of, full_profile, full_shenzhen_profile, library};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: u64 = args.iter().find_map(|a| a.parse().ok()).unwrap_or(1_000_000);
    let view = args.iter().any(|a| a == "view");
    let shenzhen = args.iter().any(|a| a == "shenzhen");
    let lib = library();
    let profile = if shenzhen { full_shenzhen_profile() } else { full_profile() };
    let as_of = as_of();
    for _ in 0..n {
        let report = evaluate(black_box(&profile), lib, as_of).expect("evaluates");
        if view {
            black_box(ReportView::new(&report, &profile, Lang::Zh));
        }
        black_box(report);
    }
}
