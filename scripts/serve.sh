#!/usr/bin/env bash
# Builds the release app and serves it on this machine only (127.0.0.1).
#   PORT=8080 by default; the page requests nothing from any other origin.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

PORT="${PORT:-8080}"

scripts/setup.sh
printf '\n--- trunk build --release\n'
trunk build --release

# The app is static files; scripts/serve.py sends them as a good static host would: the build's
# brotli/gzip copies and long cache lifetimes for content-hashed names (SERVE_LOG=1 logs requests).
url="http://127.0.0.1:$PORT/"
printf '\n================================================================\n'
printf '  Subsidy estimator is being served at:  %s\n' "$url"
printf '  (Ctrl+C to stop)\n'
printf '================================================================\n\n'
exec python3 scripts/serve.py "$PORT" --directory dist
