#!/usr/bin/env bash
# Load on the node's built-in x402 facilitator, on loopback, against a fresh dev node; prints
# single signed stablecoin transfers per second (the baseline, same node, same run), `/verify`
# latency at 200 concurrent clients, and settled payments per second through batching.
#
#   scripts/bench-facilitator.sh [transfers] [payments] [verify seconds]   # default 5000 5000 10
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$REPO_ROOT/scripts/build.sh"
"$CARGO_TARGET_DIR/release/examples/facilitator_load" "$NODE_BIN" "$@"
