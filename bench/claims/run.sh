#!/bin/sh
# Runs `citecheck verify-claims` on the labelled development claims, scores the output
# with the shared scorer, and prints the scorer's lines, the verdicts per label, and
# the milliseconds per claim. Builds nothing.
#
#   bench/claims/run.sh [CITECHECK_BINARY] [--keep DIR] [--cases FILE]
#
# CITECHECK_BINARY defaults to build/citecheck under the repository root. --keep DIR
# keeps the predictions (with their signals, for fit.py) in DIR. The cases and the
# scorer come from ../shared (or $CITECHECK_SHARED_DIR); without them the script says
# so and exits 0.
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$ROOT/build/citecheck
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
  BIN=$1
  shift
fi
SHARED=${CITECHECK_SHARED_DIR:-$ROOT/../shared}
CASES=$SHARED/data/claims/dev.jsonl
SCORER=$SHARED/bench/claims/score.py
KEEP=
while [ $# -gt 0 ]; do
  case $1 in
    --keep) KEEP=$2; shift 2 ;;
    --cases) CASES=$2; shift 2 ;;
    *) echo "usage: $0 [CITECHECK_BINARY] [--keep DIR] [--cases FILE]" >&2; exit 2 ;;
  esac
done

if [ ! -f "$SCORER" ] || [ ! -f "$CASES" ]; then
  echo "skipped: the labelled claims are not in $SHARED"
  exit 0
fi
if [ ! -x "$BIN" ]; then
  echo "error: no citecheck binary at $BIN; build it first" >&2
  exit 2
fi

if [ -n "$KEEP" ]; then
  mkdir -p "$KEEP"
  WORK=$KEEP
else
  WORK=$(mktemp -d)
  trap 'rm -rf "$WORK"' EXIT
fi
START=$(date +%s%N)
"$BIN" verify-claims --input "$CASES" --output "$WORK/pred.jsonl" --timing --signals
END=$(date +%s%N)
python3 "$SCORER" --cases "$CASES" --pred "$WORK/pred.jsonl" --json "$WORK/score.json"
python3 "$ROOT/bench/claims/summary.py" --cases "$CASES" --pred "$WORK/pred.jsonl" \
  --wall-ns "$((END - START))"
