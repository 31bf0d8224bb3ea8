#!/usr/bin/env bash
# Measures our pallets' weights with frame-benchmarking v2 on this machine and writes them into
# the weight files the runtime uses, then prints what a payment costs in block weight.
#
#   scripts/bench-weights.sh                  # pallet_x402, pallet_agents, pallet_mandates, pallet_assets
#   scripts/bench-weights.sh pallet_x402      # one pallet
#   STEPS=20 REPEAT=5 scripts/bench-weights.sh   # quicker (default 50 and 20; 20x5 took 23 min
#                                                 # for pallet_x402 on an idle machine)
#   EXTRINSICS=deposit,claim scripts/bench-weights.sh pallet_x402
#                                                 # only these; merged into the weight file
#                                                 # (scripts/weights/merge.py), the rest kept
#   REUSE_BENCH_NODE=1 scripts/bench-weights.sh   # skip building the benchmarking node: only when
#                                                 # the pallets' code has not changed since it was built
#   WEIGHT_REPORT=0 scripts/bench-weights.sh      # stop after writing the weight files (the report
#                                                 # rebuilds the normal node and all tests)
#
# Writes pallets/<name>/src/weights.rs for our pallets (their WeightInfo traits and implementations) and
# runtime/src/weights/<pallet>.rs for polkadot-sdk pallets. The first run is long (about an hour
# on 2 cores): the benchmarking node links frame-benchmarking-cli, whose dependencies change the
# features of much of the tree, so it is built apart from the normal node (same target
# directory, its own artifacts).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_toolchain

STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
EXTRINSICS="${EXTRINSICS:-*}"
pallets=("$@")
[ ${#pallets[@]} -gt 0 ] || pallets=(pallet_x402 pallet_agents pallet_mandates pallet_assets)

bench_dir="$CARGO_TARGET_DIR/bench-weights"
if [ "${REUSE_BENCH_NODE:-0}" = 1 ] && [ -x "$bench_dir/agentchain-node" ] && [ -f "$bench_dir/runtime.wasm" ]; then
	log "reusing the benchmarking node in $bench_dir"
else
	log "building the benchmarking node (benchmark CLI, runtime with runtime-benchmarks)"
	# The CLI's test runtime for `benchmark storage` (unused here) cannot find itself in our
	# workspace's metadata; skip its wasm.
	SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1 cargo_run build $CARGO_PROFILE_FLAG --locked -p agentchain-node \
		--features benchmark-cli,agentchain-runtime/runtime-benchmarks --bin agentchain-node
	mkdir -p "$bench_dir"
	cp "$NODE_BIN" "$bench_dir/agentchain-node"
	cp "$CARGO_TARGET_DIR/release/wbuild/agentchain-runtime/agentchain_runtime.compact.compressed.wasm" \
		"$bench_dir/runtime.wasm"
	# That build left its runtime where the normal build reads its own: make the normal build
	# write its runtime again (and relink the normal node) before anything uses them.
	touch "$REPO_ROOT/runtime/src/lib.rs"
fi

for pallet in "${pallets[@]}"; do
	case "$pallet" in
		pallet_x402) output="pallets/x402/src/weights.rs" template="scripts/weights/pallet.hbs" ;;
		pallet_agents) output="pallets/agents/src/weights.rs" template="scripts/weights/pallet.hbs" ;;
		pallet_mandates) output="pallets/mandates/src/weights.rs" template="scripts/weights/pallet.hbs" ;;
		*) output="runtime/src/weights/$pallet.rs" template="scripts/weights/runtime.hbs" ;;
	esac
	written="$output"
	[ "$EXTRINSICS" = '*' ] || written="$(mktemp --suffix=.rs)"
	log "benchmarking $pallet ($EXTRINSICS) -> $output (steps $STEPS, repeat $REPEAT)"
	(cd "$REPO_ROOT" && "$bench_dir/agentchain-node" benchmark pallet \
		--runtime "$bench_dir/runtime.wasm" \
		--genesis-builder runtime --genesis-builder-preset development \
		--pallet "$pallet" --extrinsic "$EXTRINSICS" \
		--steps "$STEPS" --repeat "$REPEAT" \
		--wasm-execution compiled --heap-pages 4096 \
		--template "$template" --output "$written")
	if [ "$written" != "$output" ]; then
		python3 "$REPO_ROOT/scripts/weights/merge.py" "$REPO_ROOT/$output" "$written"
		rm -f "$written"
	fi
done

[ "${WEIGHT_REPORT:-1}" = 1 ] || { log "weight files written; report skipped (WEIGHT_REPORT=0)"; exit 0; }
log "rebuilding the normal node and printing the per-payment weight report"
cargo_run test $CARGO_PROFILE_FLAG --locked --workspace --all-targets -- weight_report --nocapture
