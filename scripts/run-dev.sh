#!/usr/bin/env bash
# Sets up the machine, builds the node and runs a one-validator development chain.
# Each run starts a fresh chain (`--dev` keeps its database in a temporary directory).
# Extra arguments go to the node, e.g. `scripts/run-dev.sh --rpc-port 9955`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$REPO_ROOT/scripts/setup.sh"
"$REPO_ROOT/scripts/build.sh"

rpc_port=9944
facilitator_port=8402
args=("$@")
port_given=0
for ((i = 0; i < ${#args[@]}; i++)); do
	if [ "${args[$i]}" = "--rpc-port" ]; then rpc_port="${args[$((i + 1))]:-}"; port_given=1; fi
	if [ "${args[$i]}" = "--facilitator-port" ]; then facilitator_port="${args[$((i + 1))]:-}"; fi
done
[ "$port_given" -eq 1 ] || args=(--rpc-port "$rpc_port" "${args[@]}")

cat >&2 <<MSG

  agentchain dev chain
  JSON-RPC (HTTP and WebSocket): http://127.0.0.1:$rpc_port  ws://127.0.0.1:$rpc_port
  polkadot.js apps:   https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A$rpc_port#/explorer
  x402 facilitator:   http://127.0.0.1:$facilitator_port  (GET /supported, POST /verify, POST /settle)
  Prometheus metrics: http://127.0.0.1:9615/metrics
  Stop with Ctrl-C.

MSG
exec "$NODE_BIN" --dev "${args[@]}"
