#!/bin/bash
# Runs the link-audit benchmark of ../shared/bench/audit on `citecheck audit`: a
# baseline run at epoch 0, then an audit at epoch 1 (about 5% of the pages changed
# their numbers) against the same data directory, scored for class accuracy and for
# change detection (changed tp/fp/fn: every changed page found, no unchanged page
# reported changed), with wall time, CPU and peak memory of each run.
#
#   bench/audit/epoch.sh [CITECHECK_BINARY] [--pages N] [--latency-ms L] [--seed S]
#                        [--port P] [--name NAME]
#
# The two runs must see the same URLs, so the site listens on a fixed port (--port,
# default 18931) in both. CITECHECK_BINARY defaults to build/citecheck. The harness is
# copied to a temporary directory and run from there, so ../shared stays untouched.
# Without ../shared (or $CITECHECK_SHARED_DIR) it prints "skipped: ..." and exits 0.
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$ROOT/build/citecheck
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
  BIN=$1
  shift
fi
SHARED=${CITECHECK_SHARED_DIR:-$ROOT/../shared}
HARNESS=$SHARED/bench/audit
if [ ! -x "$HARNESS/run_candidate.sh" ]; then
  echo "skipped: the link-audit benchmark is not in $SHARED"
  exit 0
fi
[ -x "$BIN" ] || { echo "error: no citecheck binary at $BIN; build it first" >&2; exit 2; }
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac

PAGES=500 LATENCY=20 SEED=1 PORT=18931 NAME=citecheck-audit
while [ $# -gt 0 ]; do
  case $1 in
    --pages) PAGES=$2; shift 2 ;;
    --latency-ms) LATENCY=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --name) NAME=$2; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

WORK=$(mktemp -d)
cp -R "$HARNESS" "$WORK/audit"
chmod -R u+w "$WORK/audit"
# The site is ours and on loopback: private addresses allowed, no per-host delay, as
# many connections as the peers get; robots.txt stays on. No archived-copy look-ups
# (there is no Internet here). A confirmed death needs spaced failures, which two runs
# minutes apart cannot give: the benchmark scores the link class, not the state.
CMD="$BIN audit --urls {URLS_TXT} --format json={OUT} --quiet --data-dir $WORK/data"
CMD="$CMD --crawler.allow_private_addresses=true --crawler.per_host_delay_ms=0"
CMD="$CMD --crawler.max_connections=256 --crawler.max_per_host=256"
CMD="$CMD --audit.memento_timemap="
export PORT
for EPOCH in 0 1; do
  "$WORK/audit/run_candidate.sh" --pages "$PAGES" --latency-ms "$LATENCY" --seed "$SEED" \
    --epoch "$EPOCH" --name "$NAME-epoch$EPOCH" "$CMD"
done
echo "results and outputs kept in $WORK/audit/results and $WORK/audit/work"
