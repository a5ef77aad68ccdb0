#!/usr/bin/env bash
# Engine benchmarks: builds in release and prints one table (figure, value, goal, met?) with the
# machine it ran on. A separate command, never part of `cargo test`.
#
#   scripts/bench-engine.sh            # full run (first build of zen-engine takes ~10 min, and as
#                                      # long again for the previous build's bench, once)
#   BATCH_PROFILES=20000 scripts/bench-engine.sh   # a quicker batch figure
#   SKIP_BATCH=1 scripts/bench-engine.sh           # without `estimate --batch` (not built)
#   PREVIOUS=<commit> scripts/bench-engine.sh      # compare with another build than `main`'s
#
# Figures:
# - evaluations/s of one full profile, one core: criterion's median time of `evaluate`
#   (engine/bench/benches/engine.rs), inverted, for the provincial full profile
#   (engine/bench/profiles/full.json: every provincial topic on, every question answered) and the
#   full Shenzhen-district profile (full-shenzhen.json: every provincial and Shenzhen topic and Longgang's on, so the
#   province's, the city's and the district's programmes); evaluate + ReportView for information. Criterion
#   measures the benchmark thread's CPU time, so that other processes on a busy machine do not
#   count (BENCH_CLOCK=wall for wall time).
# - `estimate --batch` profiles/s end to end (read, parse, evaluate, write one JSON record per line)
#   over 100,000 generated profiles (fixed seed, about a third of them Shenzhen companies), best
#   of 3, output to /dev/null.
# - our engine against GoRules ZEN 2.1.6 on the same profiles in one process, every amount of
#   P1-P4 checked identical (engine/bench/src/bin/zen-compare.rs; timed on companies outside
#   Shenzhen, since ZEN's graph has the provincial programmes only).
# - the provincial full profile, this build against the previous one (the commit `main` points
#   to, unless PREVIOUS says otherwise), side by side: that commit is checked out into a temporary
#   worktree, its engine/bench built in a target dir of its own (engine/bench/target/previous, kept
#   between runs so that only the engine is rebuilt), and both builds' eval-loop run in turn,
#   SIDE_BY_SIDE_ROUNDS times each, timed in CPU time. Absolute times on a shared machine wander by
#   a third from one minute to the next; the ratio of the two medians, measured in the same
#   minutes, is the figure that counts.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH=$ROOT/engine/bench
BATCH_PROFILES=${BATCH_PROFILES:-100000}
SEED=${SEED:-2025}
SKIP_BATCH=${SKIP_BATCH:-}
PREVIOUS=${PREVIOUS:-main}
SIDE_BY_SIDE_ROUNDS=${SIDE_BY_SIDE_ROUNDS:-5}
SIDE_BY_SIDE_EVALS=${SIDE_BY_SIDE_EVALS:-2000000}
AS_OF=2026-03-01

TMP=$(mktemp -d)
WORKTREE=$TMP/previous
cleanup() {
  if [ -d "$WORKTREE" ]; then git -C "$ROOT" worktree remove --force "$WORKTREE" >&2 || true; fi
  git -C "$ROOT" worktree prune >&2 || true
  rm -rf "$TMP"
}
trap cleanup EXIT

echo "== building (release)" >&2
if [ -z "$SKIP_BATCH" ]; then
  cargo build --release -p subsidy-engine --bin estimate >&2
fi
cargo build --release --manifest-path "$BENCH/Cargo.toml" --all-targets >&2

PREVIOUS_COMMIT=$(git -C "$ROOT" rev-parse --verify "$PREVIOUS^{commit}")
echo "== building the previous build's bench ($PREVIOUS = ${PREVIOUS_COMMIT:0:12})" >&2
git -C "$ROOT" worktree add --detach "$WORKTREE" "$PREVIOUS_COMMIT" >&2
CARGO_TARGET_DIR="$BENCH/target/previous" \
  cargo build --release --manifest-path "$WORKTREE/engine/bench/Cargo.toml" --bin eval-loop >&2
cp "$BENCH/target/previous/release/eval-loop" "$TMP/eval-loop-previous"
cp "$BENCH/target/release/eval-loop" "$TMP/eval-loop-this"

echo "== criterion: full profiles" >&2
cargo bench --manifest-path "$BENCH/Cargo.toml" --bench engine >&2
ns() { "$BENCH/target/release/criterion-ns" "$BENCH/target/criterion/$1/$2/new/estimates.json"; }
EVAL_NS=$(ns full_profile evaluate)
VIEW_NS=$(ns full_profile evaluate_and_view)
SZ_EVAL_NS=$(ns full_shenzhen_profile evaluate)
SZ_VIEW_NS=$(ns full_shenzhen_profile evaluate_and_view)

BEST=0
if [ -z "$SKIP_BATCH" ]; then
  echo "== batch: $BATCH_PROFILES generated profiles" >&2
  "$BENCH/target/release/gen-profiles" "$BATCH_PROFILES" "$SEED" > "$TMP/profiles.jsonl"
  # Sanity: one record per line, in order, no error records.
  head -n 1000 "$TMP/profiles.jsonl" | target/release/estimate --batch --as-of "$AS_OF" > "$TMP/head.jsonl"
  [ "$(wc -l < "$TMP/head.jsonl")" = 1000 ] || { echo "batch: wrong number of lines" >&2; exit 1; }
  if grep -q '"errors"' "$TMP/head.jsonl"; then echo "batch: a generated profile was refused" >&2; exit 1; fi
  [ "$(tail -n 1 "$TMP/head.jsonl" | grep -o '^{"line":[0-9]*')" = '{"line":1000' ] || { echo "batch: output out of order" >&2; exit 1; }
  # best_of_3 BINARY: the fastest of three whole runs, in nanoseconds.
  best_of_3() {
    local best= run start end elapsed
    for run in 1 2 3; do
      start=$(date +%s%N)
      "$1" --batch --as-of "$AS_OF" < "$TMP/profiles.jsonl" > /dev/null
      end=$(date +%s%N)
      elapsed=$((end - start))
      echo "   $1 run $run: $((elapsed / 1000000)) ms" >&2
      if [ -z "$best" ] || [ "$elapsed" -lt "$best" ]; then best=$elapsed; fi
    done
    echo "$best"
  }
  BEST=$(best_of_3 target/release/estimate)
fi

echo "== peer: GoRules ZEN" >&2
ZEN_OUT=$("$BENCH/target/release/zen-compare" 20000 7)
echo "$ZEN_OUT" >&2
ZEN_LINE=$(echo "$ZEN_OUT" | grep '^RESULT')
field() { echo "$ZEN_LINE" | tr ' ' '\n' | grep "^$1=" | cut -d= -f2; }

echo "== side by side: provincial full profile, previous build vs this build," \
  "$SIDE_BY_SIDE_ROUNDS rounds of $SIDE_BY_SIDE_EVALS evaluations each" >&2
# time_ns BINARY: ns per evaluation of one whole run of eval-loop, in CPU time (user + system):
# with more runnable processes than cores, wall time mostly measures the wait for a core.
time_ns() {
  local cpu
  cpu=$( { TIMEFORMAT='%3U %3S'; time "$1" "$SIDE_BY_SIDE_EVALS" ${2:-} > /dev/null 2>&1; } 2>&1 )
  echo "$cpu" | awk -v n="$SIDE_BY_SIDE_EVALS" '{ printf "%.1f\n", ($1 + $2) * 1e9 / n }'
}
# side_by_side [shenzhen]: the medians of both builds' times, "previous this".
side_by_side() {
  local prev_times=() this_times=() p t round
  for round in $(seq 1 "$SIDE_BY_SIDE_ROUNDS"); do
    # Interleaved, and which goes first alternates, so that neither build gets the quieter minutes.
    if [ $((round % 2)) = 1 ]; then
      p=$(time_ns "$TMP/eval-loop-previous" "${1:-}"); t=$(time_ns "$TMP/eval-loop-this" "${1:-}")
    else
      t=$(time_ns "$TMP/eval-loop-this" "${1:-}"); p=$(time_ns "$TMP/eval-loop-previous" "${1:-}")
    fi
    echo "   ${1:-provincial} round $round: previous $p ns, this $t ns" >&2
    prev_times+=("$p")
    this_times+=("$t")
  done
  echo "$(median "${prev_times[@]}") $(median "${this_times[@]}")"
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
read -r PREV_NS THIS_NS < <(side_by_side)
echo "== side by side: full Shenzhen-district profile" >&2
read -r SZ_PREV_NS SZ_THIS_NS < <(side_by_side shenzhen)

awk -v eval_ns="$EVAL_NS" -v view_ns="$VIEW_NS" -v sz_eval_ns="$SZ_EVAL_NS" -v sz_view_ns="$SZ_VIEW_NS" \
    -v best="$BEST" -v n="$BATCH_PROFILES" -v skip_batch="$SKIP_BATCH" \
    -v ours="$(field ours_ns)" -v zen="$(field zen_ns)" -v ratio="$(field ratio)" \
    -v prev_ns="$PREV_NS" -v this_ns="$THIS_NS" -v rounds="$SIDE_BY_SIDE_ROUNDS" \
    -v sz_prev_ns="$SZ_PREV_NS" -v sz_this_ns="$SZ_THIS_NS" \
    -v prev_name="$PREVIOUS ${PREVIOUS_COMMIT:0:7}" -v this_name="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- engine || echo ' + working tree')" \
    -v cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" \
    -v cores="$(nproc)" -v rustc="$(rustc --version)" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" '
function met(ok) { return ok ? "yes" : "NO" }
BEGIN {
  evals = 1e9 / eval_ns; views = 1e9 / view_ns; sz_evals = 1e9 / sz_eval_ns; sz_views = 1e9 / sz_view_ns
  side = prev_ns / this_ns; sz_side = sz_prev_ns / sz_this_ns
  printf "\nMachine: %s, %d cores; %s; load average at the end %s\n\n", cpu, cores, rustc, load
  printf "| figure | value | goal | met? |\n|---|---|---|---|\n"
  printf "| evaluations/s, full profile, one core (criterion median %.0f ns CPU) | %.0f | > 1,000,000 | %s |\n", eval_ns, evals, met(evals > 1000000)
  printf "| evaluate + ReportView/s, full profile, one core (%.0f ns CPU), for information | %.0f | - | - |\n", view_ns, views
  printf "| evaluations/s, full Shenzhen-district profile (province + city + Longgang), one core (criterion median %.0f ns CPU) | %.0f | >= 400,000 | %s |\n", sz_eval_ns, sz_evals, met(sz_evals >= 400000)
  printf "| evaluate + ReportView/s, full Shenzhen profile, one core (%.0f ns CPU), for information | %.0f | - | - |\n", sz_view_ns, sz_views
  if (skip_batch == "") {
    batch = n / (best / 1e9)
    printf "| estimate --batch profiles/s, %d profiles end to end (best of 3: %.2f s) | %.0f | > 200,000 | %s |\n", n, best / 1e9, batch, met(batch > 200000)
  } else {
    printf "| estimate --batch profiles/s | not measured (SKIP_BATCH) | > 200,000 | - |\n"
  }
  printf "| ours vs GoRules ZEN 2.1.6, same profiles, amounts identical (%.0f ns vs %.0f ns) | %.1fx | >= 10x | %s |\n", ours, zen, ratio, met(ratio >= 10)
  printf "| provincial full profile, this build (%s) vs the previous build (%s), side by side (medians of %d interleaved runs, CPU time: %.0f ns vs %.0f ns) | %.2fx as fast | >= 0.90x | %s |\n", this_name, prev_name, rounds, this_ns, prev_ns, side, met(side >= 0.9)
  printf "| full Shenzhen-district profile, the same two builds side by side (%.0f ns vs %.0f ns) | %.2fx as fast | >= 0.90x | %s |\n", sz_this_ns, sz_prev_ns, sz_side, met(sz_side >= 0.9)
}'
