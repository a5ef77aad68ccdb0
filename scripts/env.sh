# Sourced by the scripts in this folder (not run on its own): puts the pinned tools on PATH.
#
# - cargo-installed trunk, wasm-bindgen and wasm-bindgen-test-runner live in cargo's bin dir,
#   which a non-login shell (CI) may not have on PATH.
# - node_modules/.bin holds npm's binaryen 132 `wasm-opt`. It goes FIRST so that Trunk never
#   picks up Debian's binaryen 108, whose output fails at runtime with current rustc.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT
export PATH="$REPO_ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Versions pinned in one place; TOOLCHAIN.md says why these and not newer.
export TRUNK_VERSION=0.21.14
export WASM_BINDGEN_VERSION=0.2.130 # must equal the `=` pin in Cargo.toml
export WASM_OPT_VERSION=version_132

# Playwright must never try to download its own browser: the machines reach no CDN.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
