//! Single-core evaluation speed on a full profile (every programme filled in).
//!
//! `evaluate`: the engine alone (profile + rules + as-of date → report).
//! `evaluate_and_view`: the same plus building the bilingual `ReportView` (what the CLI and the web
//! page show), for information.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use subsidy_engine::view::ReportView;
use subsidy_engine::{evaluate, Lang, RuleSet};
use subsidy_engine_bench::{as_of, full_profile};

fn engine(c: &mut Criterion) {
    let rules = RuleSet::guangdong_2025();
    let profile = full_profile();
    let as_of = as_of();
    let report = evaluate(&profile, rules, as_of).expect("the full profile evaluates");
    assert!(report.outcomes.iter().all(|o| o.amount.yuan().is_some() || o.programme.id == "P5"));

    let mut group = c.benchmark_group("full_profile");
    group.bench_function("evaluate", |b| {
        b.iter(|| evaluate(black_box(&profile), black_box(rules), black_box(as_of)))
    });
    group.bench_function("evaluate_and_view", |b| {
        b.iter(|| {
            let report =
                evaluate(black_box(&profile), black_box(rules), black_box(as_of)).expect("evaluates");
            ReportView::new(&report, &profile, Lang::Zh)
        })
    });
    group.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
