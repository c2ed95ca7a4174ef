# Shared by scripts/serve, scripts/test and scripts/build: installs what is missing, once.
# Everything here is idempotent; a second run only checks versions.
# shellcheck shell=bash

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1
  fi
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    # 0.22 needs a newer rustc; compiling Trunk takes ~20 minutes on 2 cores, so only once.
    say "Installing Trunk $TRUNK_VERSION (slow, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen() {
  # Trunk only uses a system wasm-bindgen whose version matches Cargo.lock exactly.
  local wanted
  wanted="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wanted" ]; then
    say "Installing wasm-bindgen-cli $wanted"
    # --locked fails against this registry for wasm-bindgen-cli; the version pin is enough.
    cargo install wasm-bindgen-cli --version "$wanted"
  fi
}

ensure_node_modules() {
  # wasm-opt comes from npm's binaryen (Debian's is too old); playwright-core and axe-core
  # drive the browser tests.
  if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Installing npm packages"
    npm ci --no-audit --no-fund
  fi
}

ensure_test_browsers() {
  # Chromium drives the end-to-end tests; Hugo builds the real blog the embed tests use.
  if [ ! -x /usr/bin/chromium ] || ! command -v hugo >/dev/null; then
    say "Installing Chromium and Hugo from Debian"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium hugo
  fi
}

# Every committed npm lock file must still install as it is. A dependency that asks for
# "latest" (Lighthouse's trace engine does, for third-party-web) breaks a committed lock with
# each new release of it; bench/package.json pins those with "overrides". A dry run resolves
# without downloading or changing anything, so this fails in seconds, before a user finds it.
check_lock_files() {
  local dir
  for dir in . bench; do
    if ! npm ci --dry-run --ignore-scripts --no-audit --no-fund --prefix "$dir" >/dev/null; then
      echo "$dir/package-lock.json no longer installs with npm ci: see the error above" >&2
      return 1
    fi
  done
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_node_modules
  ensure_wasm_bindgen
  ensure_trunk
}

# Release build into dist/, then the gzip size of every file and the total.
build_release() {
  say "Building the release into dist/"
  trunk build --release
  report_size
}

# A ratchet on the quiz's first load (gzip bytes): lower it with every cut, never raise it
# without a reason in docs/size-log.md. The budget (README, Performance): never past 116 KB,
# aim 100 KB.
FIRST_LOAD_CEILING=115415

report_size() {
  node scripts/size.mjs dist --ceiling "$FIRST_LOAD_CEILING"
}
