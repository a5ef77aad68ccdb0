//! Single-core evaluation speed on the two full profiles (every programme filled in):
//!
//! - `full_profile`: the provincial full profile (profiles/full.json: the province's programmes);
//! - `full_shenzhen_profile`: the full Shenzhen profile (profiles/full-shenzhen.json: the
//!   province's programmes, the city's and Longgang district's, under the combined ceiling).
//!
//! `evaluate`: the engine alone (profile + packs + as-of date → report).
//! `evaluate_and_view`: the same plus building the bilingual `ReportView` (what the CLI and the web
//! page show), for information.
//!
//! Times are the benchmark thread's CPU time, not wall time: on a shared machine with more runnable
//! processes than cores, wall time mostly measures the wait for a core, and "one core" is what the
//! figures are about. `BENCH_CLOCK=wall` measures wall time instead.

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{criterion_main, Criterion, Throughput};
use std::hint::black_box;
use subsidy_engine::report::Verdict;
use subsidy_engine::rules::Level;
use subsidy_engine::view::ReportView;
use subsidy_engine::{evaluate, Lang, Profile};
use subsidy_engine_bench::{as_of, full_profile, full_shenzhen_profile, library};

fn group<M: Measurement>(c: &mut Criterion<M>, name: &str, profile: &Profile, levels: &[Level]) {
    let lib = library();
    let as_of = as_of();
    let report = evaluate(profile, lib, as_of).expect("the full profile evaluates");
    let packs: Vec<Level> = report.packs.iter().map(|p| p.level).collect();
    assert_eq!(packs, levels, "{name}: the packs that apply");
    // Every programme of a topic the profile has is eligible (the profiles are those of issue #12,
    // so that builds before and after the 2026 rules evaluate the same answers: the topics of
    // programmes added since are off).
    for o in report.outcomes.iter().filter(|o| o.verdict != Verdict::NotApplicable) {
        assert_eq!(o.verdict, Verdict::Eligible, "{name}: {} is not eligible", o.programme.id);
    }

    let mut group = c.benchmark_group(name);
    group.bench_function("evaluate", |b| {
        b.iter(|| evaluate(black_box(profile), black_box(lib), black_box(as_of)))
    });
    group.bench_function("evaluate_and_view", |b| {
        b.iter(|| {
            let report = evaluate(black_box(profile), black_box(lib), black_box(as_of)).expect("evaluates");
            ReportView::new(&report, profile, Lang::Zh)
        })
    });
    group.finish();
}

fn engine<M: Measurement>(c: &mut Criterion<M>) {
    // A Guangzhou company: the city's pack applies too, with support that has nothing to estimate.
    group(c, "full_profile", &full_profile(), &[Level::Province, Level::City]);
    group(c, "full_shenzhen_profile", &full_shenzhen_profile(), &[Level::Province, Level::City, Level::District]);
}

/// The calling thread's CPU time (user + system), in nanoseconds.
pub struct ThreadCpuTime;

fn thread_cpu_ns() -> u64 {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid, writable timespec; CLOCK_THREAD_CPUTIME_ID exists on Linux.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    t.tv_sec as u64 * 1_000_000_000 + t.tv_nsec as u64
}

impl Measurement for ThreadCpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_ns()
    }

    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().saturating_sub(start)
    }

    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }

    fn zero(&self) -> u64 {
        0
    }

    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        &NanosFormatter
    }
}

/// Nanoseconds shown as ns, µs, ms or s ("cpu" appended, so that a reader knows the clock).
struct NanosFormatter;

impl ValueFormatter for NanosFormatter {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = if typical < 1e3 {
            (1.0, "ns cpu")
        } else if typical < 1e6 {
            (1e-3, "µs cpu")
        } else if typical < 1e9 {
            (1e-6, "ms cpu")
        } else {
            (1e-9, "s cpu")
        };
        values.iter_mut().for_each(|v| *v *= factor);
        unit
    }

    fn scale_throughputs(&self, _typical: f64, throughput: &Throughput, values: &mut [f64]) -> &'static str {
        let per_iteration = match *throughput {
            Throughput::Bytes(n) | Throughput::BytesDecimal(n) | Throughput::Elements(n) | Throughput::Bits(n) => {
                n as f64
            }
        };
        values.iter_mut().for_each(|v| *v = per_iteration * 1e9 / *v);
        "/s cpu"
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

fn benches() {
    if std::env::var("BENCH_CLOCK").is_ok_and(|c| c == "wall") {
        let mut c = Criterion::<WallTime>::default().configure_from_args();
        engine(&mut c);
    } else {
        let mut c = Criterion::default().with_measurement(ThreadCpuTime).configure_from_args();
        engine(&mut c);
    }
}

criterion_main!(benches);
