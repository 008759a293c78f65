#!/bin/sh
# Runs the link-audit benchmark of ../shared/bench/audit on `citecheck fetch`: a
# loopback site with 5,068 cited URLs (N=500 pages) of known classes, scored for broken
# precision and recall, class accuracy, wall and CPU time and peak memory.
#
#   bench/audit/run.sh [CITECHECK_BINARY] [--pages N] [--latency-ms L] [--seed S]
#                      [--index] [--no-archive] [--name NAME]
#
# CITECHECK_BINARY defaults to build/citecheck. By default the run archives every
# exchange (WARC) and records every fetch in a fresh data directory, but does not
# extract or index pages (--no-index: a link audit); --index adds extraction and
# indexing, --no-archive turns the archive off. The harness is copied to a temporary
# directory and run from there, so ../shared stays untouched; its results table is
# printed, and the result files are kept in the directory it names. After the timed
# run, the WARC files it wrote are read back with an independent reader
# (tools/warcio-check, when node is installed). Without ../shared (or
# $CITECHECK_SHARED_DIR) it prints "skipped: ..." and exits 0.
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
if [ ! -x "$BIN" ]; then
  echo "error: no citecheck binary at $BIN; build it first" >&2
  exit 2
fi
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac

PAGES=500 LATENCY=20 SEED=1 INDEX=--no-index ARCHIVE=true NAME=citecheck
while [ $# -gt 0 ]; do
  case $1 in
    --pages) PAGES=$2; shift 2 ;;
    --latency-ms) LATENCY=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --index) INDEX=; shift ;;
    --no-archive) ARCHIVE=false; shift ;;
    --name) NAME=$2; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

WORK=$(mktemp -d)
cp -R "$HARNESS" "$WORK/audit"
chmod -R u+w "$WORK/audit"
# The site is ours and on loopback: private addresses allowed, no per-host delay, as
# many connections as the peers get (they are capped at 64 or not at all); robots.txt
# stays on.
CMD="$BIN fetch --from-list {URLS_TXT} --format json $INDEX --quiet"
CMD="$CMD --data-dir $WORK/data --crawler.archive=$ARCHIVE"
CMD="$CMD --crawler.allow_private_addresses=true --crawler.per_host_delay_ms=0"
CMD="$CMD --crawler.max_connections=256 --crawler.max_per_host=256"
"$WORK/audit/run_candidate.sh" --pages "$PAGES" --latency-ms "$LATENCY" --seed "$SEED" \
  --name "$NAME" "$CMD"
if [ "$ARCHIVE" = true ] && command -v node >/dev/null 2>&1; then
  echo "warcio check of the run's archive ($WORK/data/warc):"
  "$ROOT/tools/warcio-check/run.sh" "$WORK/data/warc"
fi
echo "results and outputs kept in $WORK/audit/results and $WORK/audit/work"
