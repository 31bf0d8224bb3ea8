#!/usr/bin/env bash
# A flood against the node's built-in x402 facilitator on a fresh dev node, while an honest
# client pays: what the flood got accepted, the facilitator's fee spend, queue and memory peaks,
# the honest payments' latency and block intervals, each beside the same figure unloaded.
#
#   scripts/bench-flood.sh [flood intents] [honest payments]   # default 100000 30
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$REPO_ROOT/scripts/build.sh"
"$CARGO_TARGET_DIR/release/examples/facilitator_flood" "$NODE_BIN" "$@"
