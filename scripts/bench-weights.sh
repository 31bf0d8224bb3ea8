#!/usr/bin/env bash
# Measures our pallets' weights with frame-benchmarking v2 on this machine and writes them into
# the weight files the runtime uses, then prints what a payment costs in block weight.
#
#   scripts/bench-weights.sh                      # pallet_x402, 50 steps, 20 repeats (~45 min)
#   STEPS=10 REPEAT=3 scripts/bench-weights.sh    # a quicker, rougher run (~5 min)
#
# Writes pallets/x402/src/weights.rs (the pallet's WeightInfo trait and its implementations).
# The first run is long (about an hour
# on 2 cores): the benchmarking node links frame-benchmarking-cli, whose dependencies change the
# features of much of the tree, so it is built apart from the normal node (same target
# directory, its own artifacts).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_toolchain

STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"

log "building the benchmarking node (benchmark CLI, runtime with runtime-benchmarks)"
# The CLI's test runtime for `benchmark storage` (unused here) cannot find itself in our
# workspace's metadata; skip its wasm.
SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1 cargo_run build $CARGO_PROFILE_FLAG --locked -p agentchain-node \
	--features benchmark-cli,agentchain-runtime/runtime-benchmarks --bin agentchain-node
bench_dir="$CARGO_TARGET_DIR/bench-weights"
mkdir -p "$bench_dir"
cp "$NODE_BIN" "$bench_dir/agentchain-node"
cp "$CARGO_TARGET_DIR/release/wbuild/agentchain-runtime/agentchain_runtime.compact.compressed.wasm" \
	"$bench_dir/runtime.wasm"
# That build left its runtime where the normal build reads its own: make the normal build
# write its runtime again (and relink the normal node) before anything uses them.
touch "$REPO_ROOT/runtime/src/lib.rs"

log "benchmarking pallet_x402 -> pallets/x402/src/weights.rs (steps $STEPS, repeat $REPEAT)"
(cd "$REPO_ROOT" && "$bench_dir/agentchain-node" benchmark pallet \
	--runtime "$bench_dir/runtime.wasm" \
	--genesis-builder runtime --genesis-builder-preset development \
	--pallet pallet_x402 --extrinsic '*' \
	--steps "$STEPS" --repeat "$REPEAT" \
	--wasm-execution compiled --heap-pages 4096 \
	--template scripts/weights/pallet.hbs --output pallets/x402/src/weights.rs)

log "rebuilding the normal node and printing the per-payment weight report"
cargo_run test $CARGO_PROFILE_FLAG --locked --workspace --all-targets -- weight_report --nocapture
