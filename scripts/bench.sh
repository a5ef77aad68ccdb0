#!/usr/bin/env bash
# Every benchmark, one command: the web app's first-load size and its speed in headless Chromium,
# then the engine (scripts/bench-engine.sh: evaluations/s, batch, GoRules ZEN). Prints Markdown
# tables (figure, value, goal) and the machine they ran on, ready for BENCHMARKS.md.
# Benchmarks are never tests: a slow machine makes a figure worse, never a test fail.
#   scripts/bench.sh                 # everything (the first build of zen-engine takes ~10 min)
#   SKIP_ENGINE=1 scripts/bench.sh   # the web app only
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
printf '\n| figure | value | goal |\n|---|---|---|\n'
node scripts/bench-browser.mjs dist | node -e '
  const lines = require("fs").readFileSync(0, "utf8").trim().split("\n").map(JSON.parse);
  for (const l of lines) console.log(`| ${l.figure} | ${l.value} ${l.unit} | ${l.goal || "-"} |`);
'

if [ "${SKIP_ENGINE:-0}" != 1 ]; then
  printf '\n## Engine (%s)\n' "$(date +%Y-%m-%d)"
  scripts/bench-engine.sh
fi
