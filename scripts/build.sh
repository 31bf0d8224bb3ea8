#!/usr/bin/env bash
# Builds the node (and with it the wasm runtime) in the release profile.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_toolchain
log "building agentchain-node (release) into $CARGO_TARGET_DIR"
start=$(date +%s)
cargo_run build $CARGO_PROFILE_FLAG --locked --workspace --all-targets
log "build finished in $(( $(date +%s) - start )) s: $NODE_BIN"
