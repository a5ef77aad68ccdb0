//! zen-compare [COUNT] [SEED]: our engine against GoRules ZEN (zen-engine 2.1.6) in one process, on
//! the same generated profiles. Both get their input ready-made (our `Profile`, ZEN's `Variable`)
//! and run on one thread. Every amount of P1, P2-LG, P2-SC, P3 and P4 must be identical on every
//! profile, or the program stops with the profile that differs; then both are timed.
//!
//! The timed profiles are companies outside Shenzhen, so that both engines evaluate the provincial
//! programmes only (ZEN's graph has P1–P4; ours also P5, the notes and the warnings). The amounts
//! are also checked on COUNT / 4 more profiles of which a third are Shenzhen companies (whose
//! city programmes ours evaluates too): the provincial amounts must not depend on the city pack.

use std::hint::black_box;
use std::time::Instant;
use subsidy_engine::evaluate;
use subsidy_engine::profile::Value;
use subsidy_engine_bench::{as_of, library, zen_amount, zen_graph, zen_input, Generator, Shape, COMPARED};
use zen_engine::model::DecisionContent;
use zen_engine::DecisionEngine;

const ROUNDS: usize = 7;
const SLICE: usize = 500;

fn main() {
    let mut args = std::env::args().skip(1);
    let count: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(7);

    let lib = library();
    let as_of = as_of();
    let mut generator = Generator::new(seed, Shape::Decided).shenzhen_percent(0);
    let profiles: Vec<_> = (0..count).map(|i| generator.profile(i)).collect();
    let inputs: Vec<_> = profiles.iter().map(zen_input).collect();
    let mut with_city = Generator::new(seed.wrapping_add(1), Shape::Decided);
    let checked_too: Vec<_> = (0..count / 4).map(|i| with_city.profile(i)).collect();
    let checked_too_inputs: Vec<_> = checked_too.iter().map(zen_input).collect();

    let content: DecisionContent = serde_json::from_value(zen_graph()).expect("the ZEN graph parses");
    let mut decision = DecisionEngine::default().create_decision(content.into()).expect("a graph decision");
    decision.compile();

    let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a tokio runtime");

    // Correctness first: every amount identical on every profile.
    let mut with_amount = [0usize; COMPARED.len()];
    runtime.block_on(async {
        let all = profiles.iter().chain(&checked_too).zip(inputs.iter().chain(&checked_too_inputs));
        for (index, (profile, input)) in all.enumerate() {
            let report = evaluate(profile, lib, as_of).expect("a generated profile evaluates");
            let response = decision.evaluate(input.clone()).await.expect("ZEN evaluates");
            for (slot, (id, key)) in COMPARED.iter().enumerate() {
                let ours = report
                    .outcomes
                    .iter()
                    .find(|o| o.programme.id == *id)
                    .unwrap_or_else(|| panic!("no outcome {id}"))
                    .amount
                    .yuan();
                let theirs =
                    zen_amount(&response.result, key).unwrap_or_else(|e| panic!("profile {index}: {e}"));
                assert_eq!(
                    ours,
                    theirs,
                    "profile {index}, {id}: ours {ours:?}, ZEN {theirs:?}\nprofile: {}\nZEN result: {}",
                    profile.to_json_compact(lib),
                    response.result,
                );
                with_amount[slot] += usize::from(ours.is_some());
            }
        }
    });
    let counts: Vec<String> =
        COMPARED.iter().zip(with_amount).map(|((id, _), n)| format!("{id} {n}")).collect();
    let city = lib.field("company.city").expect("a city question");
    let shenzhen = checked_too.iter().filter(|p| p.get(city) == Value::Choice("shenzhen")).count();
    println!(
        "identical amounts on all {} profiles, {shenzhen} of them Shenzhen companies (with an amount: {})",
        count + count / 4,
        counts.join(", ")
    );

    // Timing: the profiles in slices of SLICE; each round times both engines on every slice, and
    // each slice keeps its fastest time per engine. Summing those minimums leaves out what other
    // processes on the machine took, which a whole-run time would include.
    let slices: Vec<_> = profiles.chunks(SLICE).zip(inputs.chunks(SLICE)).collect();
    let mut ours_min = vec![f64::INFINITY; slices.len()];
    let mut zen_min = vec![f64::INFINITY; slices.len()];
    for _ in 0..ROUNDS {
        for (slot, (profiles, inputs)) in slices.iter().enumerate() {
            let start = Instant::now();
            for profile in profiles.iter() {
                black_box(evaluate(black_box(profile), lib, as_of).ok());
            }
            ours_min[slot] = ours_min[slot].min(start.elapsed().as_secs_f64());

            let start = Instant::now();
            runtime.block_on(async {
                for input in inputs.iter() {
                    black_box(decision.evaluate(black_box(input.clone())).await.ok());
                }
            });
            zen_min[slot] = zen_min[slot].min(start.elapsed().as_secs_f64());
        }
    }
    let ours_best: f64 = ours_min.iter().sum();
    let zen_best: f64 = zen_min.iter().sum();
    let ours_ns = ours_best * 1e9 / count as f64;
    let zen_ns = zen_best * 1e9 / count as f64;
    println!("ours: {ours_ns:.0} ns per profile ({:.0} a second)", 1e9 / ours_ns);
    println!("ZEN:  {zen_ns:.0} ns per profile ({:.0} a second)", 1e9 / zen_ns);
    println!("ours is {:.1}x faster", zen_ns / ours_ns);
    println!("RESULT profiles={count} ours_ns={ours_ns:.1} zen_ns={zen_ns:.1} ratio={:.2}", zen_ns / ours_ns);
}
