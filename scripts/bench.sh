#!/usr/bin/env bash
# Every benchmark, one command: the web app's first-load size and its speed in headless Chromium,
# then the engine (scripts/bench-engine.sh: evaluations/s, batch, GoRules ZEN). Prints Markdown
# tables (figure, value, goal) and the machine they ran on, ready for BENCHMARKS.md.
# Benchmarks are never tests: a slow machine makes a figure worse, never a test fail.
#   scripts/bench.sh                 # everything (the first build of zen-engine takes ~10 min)
#   SKIP_ENGINE=1 scripts/bench.sh   # the web app only
#   PREVIOUS=5c62e9f scripts/bench.sh   # compare with that build instead of HEAD~1
# The web figures are measured side by side with the previous build (PREVIOUS, default HEAD~1),
# built in a temporary worktree and run alternately with this one in the same run: this machine is
# shared, and absolute times wander by a third, so the two columns are what to compare.
# Both builds are served by scripts/serve.py, the serve command's server, with whatever compressed
# copies each build has. The second table is cold first visits on a throttled, phone-like CPU and
# line (scripts/bench-cold.mjs; COLD_LOADS=9 loads of each build, alternating).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

scripts/setup.sh >&2
echo "== trunk build --release" >&2
trunk build --release >&2

printf '\n## Web app (%s)\n\n' "$(date +%Y-%m-%d)"
printf 'Machine: %s, %d cores; Chromium %s; load average %s\n\n' \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" "$(nproc)" \
  "$(chromium --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -1)" "$(cut -d' ' -f1-3 /proc/loadavg)"
echo '```'
python3 scripts/check_size.py dist || true
echo '```'
PREVIOUS=${PREVIOUS:-HEAD~1}
PREV_DIR=$(mktemp -d)
trap 'git worktree remove --force "$PREV_DIR/src" >/dev/null 2>&1 || true; rm -rf "$PREV_DIR"' EXIT
echo "== previous build: $PREVIOUS ($(git rev-parse --short "$PREVIOUS"))" >&2
git worktree add --detach "$PREV_DIR/src" "$PREVIOUS" >&2
# The same npm tools (wasm-opt from binaryen 132, Playwright) serve both builds.
ln -s "$REPO_ROOT/node_modules" "$PREV_DIR/src/node_modules"
(cd "$PREV_DIR/src" && CARGO_TARGET_DIR="$PREV_DIR/target" trunk build --release --dist "$PREV_DIR/dist" >&2)
echo '```'
echo "previous build ($PREVIOUS):"
python3 scripts/check_size.py "$PREV_DIR/dist" || true
echo '```'

# Two rounds each, alternating, so that both builds see the same machine.
for round in 1 2; do
  node scripts/bench-browser.mjs dist > "$PREV_DIR/this-$round.jsonl"
  node scripts/bench-browser.mjs "$PREV_DIR/dist" > "$PREV_DIR/prev-$round.jsonl"
done
printf '\n| figure | this build (2 rounds) | previous build %s (2 rounds) | goal |\n|---|---|---|---|\n' "$PREVIOUS"
node -e '
  const fs = require("fs");
  const read = (f) => fs.readFileSync(f, "utf8").trim().split("\n").map(JSON.parse);
  const [a1, a2, b1, b2] = process.argv.slice(1).map(read);
  const value = (rows, figure) => (rows.find((r) => r.figure === figure) || {}).value;
  for (const l of a1) {
    const pair = (x, y) => `${value(x, l.figure)} / ${value(y, l.figure)} ${l.unit}`;
    const prev = value(b1, l.figure) === undefined ? "-" : pair(b1, b2);
    console.log(`| ${l.figure} | ${pair(a1, a2)} | ${prev} | ${l.goal || "-"} |`);
  }
' "$PREV_DIR/this-1.jsonl" "$PREV_DIR/this-2.jsonl" "$PREV_DIR/prev-1.jsonl" "$PREV_DIR/prev-2.jsonl"

node scripts/bench-cold.mjs dist "$PREV_DIR/dist" > "$PREV_DIR/cold.jsonl"
printf '\n| cold first visit (zh-CN, no cache, no service worker) | this build | previous build %s | goal |\n|---|---|---|---|\n' "$PREVIOUS"
node -e '
  const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
  const ms = (v) => (v === null ? "-" : `${v.toLocaleString("en")} ms`);
  for (const r of rows) console.log(`| ${r.figure} | ${ms(r.this)} | ${ms(r.previous)} | ${r.goal || "-"} |`);
' "$PREV_DIR/cold.jsonl"

if [ "${SKIP_ENGINE:-0}" != 1 ]; then
  printf '\n## Engine (%s)\n' "$(date +%Y-%m-%d)"
  scripts/bench-engine.sh
fi
