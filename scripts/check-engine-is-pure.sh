#!/usr/bin/env bash
# The engine stays pure: no web dependency in its crate graph, and no clock, file or network
# access in its library code (the `estimate` binary, which is a shell, may read files and the
# clock). The crate boundary already keeps Leptos out; this check keeps it that way.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

deps="$(cargo tree -p subsidy-engine -e normal,build --prefix none --locked | awk '{print $1}' | sort -u)"
forbidden="$(grep -E '^(leptos.*|web-sys|js-sys|wasm-bindgen.*|gloo.*|reactive_graph|tachys)$' <<<"$deps" || true)"
if [ -n "$forbidden" ]; then
  echo "the engine depends on web crates:" >&2
  echo "$forbidden" >&2
  exit 1
fi

impure="$(grep -rnE 'SystemTime|Instant::now|std::fs|std::net|std::env|web_sys|js_sys' engine/src --include=*.rs |
  grep -v '^engine/src/bin/' || true)"
if [ -n "$impure" ]; then
  echo "the engine library reaches outside itself:" >&2
  echo "$impure" >&2
  exit 1
fi
echo "engine is pure: $(wc -l <<<"$deps") crates in its graph, none of them web crates"
