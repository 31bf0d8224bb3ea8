#!/usr/bin/env python3
"""Measures a running chain's block time and finality lag over JSON-RPC (HTTP).

    scripts/chain-timing.py [--rpc http://127.0.0.1:9944] [--seconds 60]

Polls the best and finalized heads every 50 ms, notes when each block number is first seen as
best and as finalized, and prints the mean and p95 block interval and time from best to final.
"""

import argparse
import json
import statistics
import sys
import time
import urllib.request


def call(url, method, params=None):
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params or []})
    request = urllib.request.Request(url, body.encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        reply = json.load(response)
    if "error" in reply:
        raise RuntimeError(f"{method}: {reply['error']}")
    return reply["result"]


def number(header):
    return int(header["number"], 16)


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rpc", default="http://127.0.0.1:9944")
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()

    best_seen, final_seen = {}, {}
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        now = time.monotonic()
        best = number(call(args.rpc, "chain_getHeader"))
        final = number(call(args.rpc, "chain_getHeader", [call(args.rpc, "chain_getFinalizedHead")]))
        best_seen.setdefault(best, now)
        final_seen.setdefault(final, now)
        time.sleep(0.05)

    # The first block seen of each kind may have been reached before polling began.
    bests = sorted(best_seen)[1:]
    intervals = [best_seen[n] - best_seen[n - 1] for n in bests if n - 1 in best_seen]
    # GRANDPA may finalize several blocks at once: a block is final when a head >= it is.
    def finalized_at(n):
        times = [t for f, t in final_seen.items() if f >= n]
        return min(times) if times else None

    lags = [finalized_at(n) - best_seen[n] for n in bests if finalized_at(n) is not None]
    if not intervals or not lags:
        sys.exit(f"too few blocks in {args.seconds} s: best {sorted(best_seen)}, "
                 f"final {sorted(final_seen)}")
    print(f"blocks observed: {len(best_seen)}, finalized observed: {len(final_seen)}")
    print(f"block interval: mean {statistics.mean(intervals):.2f} s, p95 {p95(intervals):.2f} s")
    print(f"best -> finalized: mean {statistics.mean(lags):.2f} s, p95 {p95(lags):.2f} s")


if __name__ == "__main__":
    main()
