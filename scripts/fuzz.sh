#!/usr/bin/env bash
# Fuzzes the rule engine (engine/fuzz, cargo-fuzz + libFuzzer).
#
#   scripts/fuzz.sh [SECONDS] [TYPED_SECONDS]
#
# - `profile` (SECONDS, default 600): arbitrary bytes as a profile file -> from_json against the
#   built-in packs (common, province, Shenzhen) -> evaluate (as-of date from the input's bytes,
#   2020-2030) -> ReportView in both languages.
# - `typed` (TYPED_SECONDS, default a quarter of SECONDS, at least 60): arbitrary text typed into
#   every question of the built-in packs, in yuan and in 万元.
#
# cargo-fuzz needs nightly-only rustc flags; the pinned stable toolchain accepts them with
# RUSTC_BOOTSTRAP=1. The growing corpus lives in engine/fuzz/corpus/ (not committed); it is seeded
# from engine/profiles/, the benchmarks' full profiles (engine/bench/profiles/), the kept
# regressions in engine/tests/fuzz-regressions/ and engine/fuzz/seeds/. A crash stops the script;
# its input is in engine/fuzz/artifacts/<target>/.
# Reproduce one with: cd engine/fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run <target> <artifact file>
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export RUSTC_BOOTSTRAP=1
CARGO_FUZZ_VERSION="${CARGO_FUZZ_VERSION:-0.13.2}"

profile_seconds="${1:-600}"
typed_seconds="${2:-$(( profile_seconds / 4 > 60 ? profile_seconds / 4 : 60 ))}"

if ! cargo fuzz --version >/dev/null 2>&1; then
    printf -- '--- installing cargo-fuzz %s\n' "$CARGO_FUZZ_VERSION"
    cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

cd "$REPO_ROOT/engine/fuzz"
mkdir -p corpus/profile corpus/typed

# New inputs go into the first corpus directory only; the others are read as seeds.
printf -- '\n--- fuzzing profile for %ss\n' "$profile_seconds"
cargo fuzz run profile corpus/profile ../profiles ../bench/profiles ../tests/fuzz-regressions -- \
    -max_total_time="$profile_seconds" -dict=profile.dict -max_len=4096

printf -- '\n--- fuzzing typed for %ss\n' "$typed_seconds"
cargo fuzz run typed corpus/typed seeds/typed -- -max_total_time="$typed_seconds" -max_len=256

printf -- '\nNo crash. To refresh the kept regressions, minimise with\n'
printf -- '  (cd engine/fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz cmin profile corpus/profile)\n'
printf -- 'and copy a varied selection of small files into engine/tests/fuzz-regressions/.\n'
