#!/bin/sh
# Scores `citecheck extract --batch` on the extraction benchmark's dev pages and prints
# F1, precision, recall, empty pages and MB/s. Builds nothing.
#
#   bench/extraction/run.sh [CITECHECK_BINARY] [--repeat N]
#
# CITECHECK_BINARY defaults to build/citecheck under the repository root. The runner and
# the pages come from ../shared (or $CITECHECK_SHARED_DIR); without them the script says
# so and exits 0.
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$ROOT/build/citecheck
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
  BIN=$1
  shift
fi
SHARED=${CITECHECK_SHARED_DIR:-$ROOT/../shared}
RUNNER=$SHARED/bench/extraction/bench.py

if [ ! -f "$RUNNER" ] || [ ! -f "$SHARED/data/extraction/dev/ground-truth.json" ]; then
  echo "skipped: the extraction benchmark is not in $SHARED"
  exit 0
fi
if [ ! -x "$BIN" ]; then
  echo "error: no citecheck binary at $BIN; build it first" >&2
  exit 2
fi
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 "$RUNNER" --batch "$BIN extract --batch" --name citecheck \
  --out-dir "$WORK/texts" --json "$WORK/result.json" "$@" >"$WORK/log" 2>&1 || {
  cat "$WORK/log" >&2
  exit 1
}
python3 - "$WORK/result.json" <<'PY'
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    r = json.load(f)
s = r["scores"]["dev"]
print(f"pages {s['pages']}  F1 {s['f1']:.3f}  P {s['precision']:.3f}  "
      f"R {s['recall']:.3f}  empty {s['empty_predictions']}  "
      f"MB/s {r['mb_per_s']:.1f}  ({r['seconds']:.2f} s in the extraction loop, "
      f"{r['bytes'] / 1e6:.1f} MB, errors {r['errors']})")
PY
