#!/usr/bin/env bash
# The fault test's payment load, run by zombienet on alice (in alice's directory):
#   payer.sh start   funds four payers and pays Bob through alice's facilitator, in the background
#   payer.sh check   stops paying; every payment answered success must be finalized, none twice
set -euo pipefail
facilitator="http://127.0.0.1:28402"
rpc="ws://127.0.0.1:29944"
case "${1:-}" in
	start)
		nohup zombienet_payer run "$facilitator" "$rpc" payments > payer.log 2>&1 &
		echo $! > payer.pid
		# Paying has begun once the first payment was sent.
		for _ in $(seq 120); do
			[ -s payments/sent ] && exit 0
			kill -0 "$(cat payer.pid)" 2>/dev/null || { cat payer.log >&2; exit 1; }
			sleep 1
		done
		cat payer.log >&2
		exit 1
		;;
	check)
		kill "$(cat payer.pid)" 2>/dev/null || true
		zombienet_payer check "$rpc" payments
		;;
	*) echo "usage: payer.sh start|check" >&2; exit 2 ;;
esac
