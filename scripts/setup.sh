#!/usr/bin/env bash
# Installs the pinned build and test tools on a fresh Debian 12 machine. Safe to run again:
# each step checks first and skips what is already there at the right version, because
# `cargo install trunk` alone takes about 7 minutes on 2 cores.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

skipped=()
installed=()
step() { printf '\n--- setup: %s\n' "$*"; }

# Run as root on these machines; fall back to sudo elsewhere.
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- Rust toolchain and wasm target, as pinned in rust-toolchain.toml -------------------
step "Rust toolchain (rust-toolchain.toml)"
if ! command -v rustup >/dev/null; then
  echo "rustup not found: this project expects the machine's rustup-managed toolchain." >&2
  exit 1
fi
toolchain="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)"
if rustup toolchain list | grep -q "^$toolchain"; then
  skipped+=("rust $toolchain")
else
  # With no argument rustup installs what rust-toolchain.toml names, components and targets too.
  rustup toolchain install
  installed+=("rust $toolchain")
fi
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  skipped+=("wasm32-unknown-unknown target")
else
  rustup target add wasm32-unknown-unknown
  installed+=("wasm32-unknown-unknown target")
fi

# --- Trunk --------------------------------------------------------------------------------
step "trunk $TRUNK_VERSION"
if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
  skipped+=("trunk $TRUNK_VERSION")
else
  # --locked: trunk's own lock file is known to build with our rustc (0.22 does not).
  cargo install trunk --version "$TRUNK_VERSION" --locked
  installed+=("trunk $TRUNK_VERSION")
fi

# --- wasm-bindgen CLI (also provides wasm-bindgen-test-runner) ----------------------------
step "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] &&
  command -v wasm-bindgen-test-runner >/dev/null; then
  skipped+=("wasm-bindgen-cli $WASM_BINDGEN_VERSION")
else
  # No --locked: one version in its lock file is gone from crates.io and the install fails.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  installed+=("wasm-bindgen-cli $WASM_BINDGEN_VERSION")
fi

# --- Debian packages: Chromium and ChromeDriver (wasm-bindgen-test, Playwright), a CJK font so
#     that Chinese renders in headless Chromium and its PDFs, and pdftotext to read printed sheets.
DEBIAN_PACKAGES=(chromium chromium-driver fonts-wqy-microhei poppler-utils)
step "${DEBIAN_PACKAGES[*]}"
debian_installed() {
  [ "$(dpkg-query -W -f='${Status}\n' "${DEBIAN_PACKAGES[@]}" 2>/dev/null | grep -c 'install ok installed')" = "${#DEBIAN_PACKAGES[@]}" ] &&
    command -v chromium >/dev/null && command -v chromedriver >/dev/null && command -v pdftotext >/dev/null
}
if debian_installed; then
  skipped+=("${DEBIAN_PACKAGES[*]}")
else
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${DEBIAN_PACKAGES[@]}"
  installed+=("${DEBIAN_PACKAGES[*]}")
fi

# --- npm tools: binaryen 132 (wasm-opt), Playwright, axe ------------------------------------
step "npm ci (binaryen, @playwright/test, @axe-core/playwright)"
if ! command -v npm >/dev/null; then
  echo "npm not found: the machine's Node.js (>= 20) and npm are required." >&2
  exit 1
fi
# `npm ci` wipes node_modules every time; remember which lock file it last installed.
stamp=node_modules/.installed-from-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] &&
  [ "$(wasm-opt --version 2>/dev/null || true)" = "wasm-opt version 132 ($WASM_OPT_VERSION)" ]; then
  skipped+=("npm ci")
else
  npm ci --no-audit --no-fund
  echo "$want" >"$stamp"
  installed+=("npm ci")
fi
# Guard against Debian's binaryen shadowing npm's (see env.sh).
if [ "$(command -v wasm-opt)" != "$REPO_ROOT/node_modules/.bin/wasm-opt" ]; then
  echo "wasm-opt on PATH is $(command -v wasm-opt), not npm's binaryen 132" >&2
  exit 1
fi

# --- Crates ---------------------------------------------------------------------------------
# Trunk runs cargo with --offline (Trunk.toml), so every crate must be downloaded beforehand.
step "cargo fetch --locked"
cargo fetch --locked

# --- Summary --------------------------------------------------------------------------------
printf '\n--- setup done\n'
join() { local IFS=,; echo "${*:-nothing}" | sed 's/,/, /g'; }
printf '  installed: %s\n' "$(join "${installed[@]}")"
printf '  skipped (already at the pinned version): %s\n' "$(join "${skipped[@]}")"
