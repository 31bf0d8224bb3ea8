#!/usr/bin/env bash
# Sets up the machine, builds, and runs every test:
#   1. the native scheme package's tests (node/x402-native, `npm test`), then the workspace's
#      Rust tests (`cargo test --release --workspace`): runtime unit tests and the integration
#      tests that start the real node binary, among them the stock x402 npm packages (pinned in
#      node/tests/x402-interop, with our scheme package) paying through the node's facilitator;
#   2. the zombienet tests on three validators of the `local` chain: the smoke test, and the
#      fault test (a validator and the facilitator's node killed with -9 under payment load).
# Ends with one summary line, `tests: N passed, N failed`, and a non-zero exit if anything failed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$REPO_ROOT/scripts/setup.sh"
"$REPO_ROOT/scripts/build.sh"
use_toolchain

out="$(mktemp -d -t agentchain-tests-XXXXXX)"
trap 'rm -rf "$out"' EXIT
failed_suites=()

interop="$REPO_ROOT/node/tests/x402-interop"
if [ ! -d "$interop/node_modules" ] || [ "$interop/package-lock.json" -nt "$interop/node_modules" ]; then
	log "installing the stock x402 packages from npm (pinned in $interop/package-lock.json)"
	(cd "$interop" && npm ci --no-audit --no-fund --loglevel=error && touch node_modules)
fi

# Our native scheme package: its own tests (the shared encoding vectors), which also build the
# `dist/` that the interop scripts import through their `file:` link.
log "node/x402-native: npm test"
if ! (cd "$REPO_ROOT/node/x402-native" && npm ci --no-audit --no-fund --loglevel=error && npm test) 2>&1 | tee "$out/npm.txt"; then
	failed_suites+=("node/x402-native")
fi

log "cargo test (release, whole workspace)"
# The integration tests mostly wait on 2 s blocks: three at a time keep two cores busy.
export RUST_TEST_THREADS="${RUST_TEST_THREADS:-3}"
# Same profile, flags and target set as build.sh, so nothing is compiled again.
if ! cargo_run test $CARGO_PROFILE_FLAG --locked --workspace --all-targets --no-fail-fast 2>&1 | tee "$out/cargo.txt"; then
	failed_suites+=("cargo test")
fi

log "zombienet tests"
if ! "$REPO_ROOT/scripts/zombienet.sh" test 2>&1 | tee "$out/zombienet.txt"; then
	failed_suites+=("zombienet")
fi

# cargo prints `test result: ok. 3 passed; 0 failed; ...` per test binary.
sum_field() { grep -Eo "[0-9]+ $1" "$out/cargo.txt" | awk '{s += $1} END {print s + 0}'; }
passed=$(sum_field passed)
failed=$(sum_field failed)
# node --test prints `# pass 3` and `# fail 0`.
passed=$((passed + $(awk '/^# pass /{s += $3} END {print s + 0}' "$out/npm.txt")))
failed=$((failed + $(awk '/^# fail /{s += $3} END {print s + 0}' "$out/npm.txt")))
# zombienet marks each assertion of the .zndsl with a check mark or a cross.
passed=$((passed + $(grep -c '✅' "$out/zombienet.txt" || true)))
failed=$((failed + $(grep -c '❌' "$out/zombienet.txt" || true)))
if [ ${#failed_suites[@]} -gt 0 ] && [ "$failed" -eq 0 ]; then
	failed=${#failed_suites[@]} # a suite that failed before running its tests
fi

echo
[ ${#failed_suites[@]} -eq 0 ] || log "failed: ${failed_suites[*]}"
echo "tests: $passed passed, $failed failed"
[ ${#failed_suites[@]} -eq 0 ]
