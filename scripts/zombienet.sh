#!/usr/bin/env bash
# Runs zombienet (pinned @zombienet/cli, installed from npm into zombienet/node_modules) with
# the release node on PATH.
#   scripts/zombienet.sh test    the smoke test (3 validators, best >= 10, finalized >= 8), then
#                                the fault test (kill -9 and restart under payment load)
#   scripts/zombienet.sh spawn   a local three-validator testnet that runs until Ctrl-C
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

mode="${1:-test}"
dir="$REPO_ROOT/zombienet"
[ -x "$NODE_BIN" ] || die "no node binary at $NODE_BIN: run scripts/build.sh first"

if [ ! -x "$dir/node_modules/.bin/zombienet" ] \
	|| [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
	log "installing @zombienet/cli from npm (pinned in zombienet/package-lock.json)"
	(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
fi

# The node, and the fault test's payment load (an example of the node crate).
export PATH="$(dirname "$NODE_BIN"):$(dirname "$NODE_BIN")/examples:$PATH"
# Each run gets its own work directory; zombienet refuses to reuse one.
work="$(mktemp -d -t agentchain-zombienet-XXXXXX)"
trap 'rm -rf "$work"' EXIT
cd "$dir"
case "$mode" in
	test)
		log "zombienet smoke test (logs in $work)"
		npx zombienet --provider native --dir "$work/net" test smoke.zndsl
		log "zombienet fault test (logs in $work)"
		npx zombienet --provider native --dir "$work/faults" test faults.zndsl
		;;
	spawn)
		log "spawning a three-validator testnet (logs in $work); Ctrl-C stops it"
		npx zombienet --provider native --dir "$work/net" spawn local.toml
		;;
	*) die "usage: scripts/zombienet.sh [test|spawn]" ;;
esac
