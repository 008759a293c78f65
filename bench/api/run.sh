#!/usr/bin/env bash
# HTTP API benchmark: POST /v1/claims:verify against a source the server has already
# fetched and indexed, driven by wrk on the same machine (server and wrk share the
# cores). Optionally a soak: a long run that must give no error while the server's
# resident memory (VmRSS) stays flat.
#
#   bench/api/run.sh [--build DIR] [--duration S] [--connections N] [--threads N]
#                    [--soak S] [--set KEY=VALUE]...
#
# Prints wrk's report, then one summary line per figure. Bars (bench/README.md):
# >= 1,500 requests/s with p99 < 50 ms; soak: 0 errors, VmRSS growth < 10 %.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build="$root/build"
duration=30
connections=16
threads=2
soak=0
overrides=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --soak) soak=$2; shift 2 ;;
    --set) overrides+=("--set" "$2"); shift 2 ;;
    *) echo "usage: $0 [--build DIR] [--duration S] [--connections N] [--threads N] [--soak S] [--set KEY=VALUE]" >&2; exit 2 ;;
  esac
done

citecheck="$build/citecheck"
[[ -x "$citecheck" ]] || { echo "bench/api: $citecheck not found (build it first)" >&2; exit 2; }
# wrk comes with the development packages (scripts/install-deps.sh).
command -v wrk > /dev/null || { echo "bench/api: wrk not found (run scripts/install-deps.sh)" >&2; exit 2; }

tmp=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

# Waits for a line matching $2 in file $1 and prints the number after "port ".
await_port() {
  for _ in $(seq 1 100); do
    if line=$(grep -m1 "$2" "$1" 2> /dev/null); then
      grep -o 'port [0-9]*' <<< "$line" | head -1 | cut -d' ' -f2
      return 0
    fi
    sleep 0.1
  done
  echo "bench/api: timed out waiting for \"$2\" in $1" >&2
  cat "$1" >&2
  return 1
}

# The source, served from loopback; it is fetched once, at warm-up.
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$here" > "$tmp/site.log" 2>&1 &
pids+=($!)
site_port=$(await_port "$tmp/site.log" "Serving HTTP")
export SOURCE_URL="http://127.0.0.1:$site_port/source.html"

"$citecheck" serve --listen 127.0.0.1:0 --data-dir "$tmp/data" --quiet \
  --set crawler.allow_private_addresses=true --set server.rate_limit_per_second=0 \
  "${overrides[@]}" > "$tmp/server.log" 2>&1 &
server_pid=$!
pids+=("$server_pid")
port=$(await_port "$tmp/server.log" "listening on port")
url="http://127.0.0.1:$port"

warm=$(curl -sf -X POST -H 'Content-Type: application/json' \
  -d "{\"claim\": \"Le réseau régional compte 320 gares.\", \"lang\": \"fr\", \"url\": \"$SOURCE_URL\"}" \
  "$url/v1/claims:verify")
echo "warm-up: $warm"
grep -q '"verdict":"supported"' <<< "$warm" || { echo "bench/api: warm-up did not verify" >&2; exit 1; }

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status"; }

# Reads a wrk report (file $1); sets rps, p99_ms and errors (non-2xx answers and
# socket errors: connect, read, write, timeout).
parse_wrk() {
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$1")
  p99_ms=$(awk '$1 == "99%" {v = $2; if (v ~ /us$/) {sub(/us$/, "", v); v /= 1000}
                            else if (v ~ /ms$/) {sub(/ms$/, "", v)}
                            else if (v ~ /s$/) {sub(/s$/, "", v); v *= 1000}
                            print v}' "$1")
  local non2xx socket
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$1")
  socket=$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$1")
  errors=$(( ${non2xx:-0} + ${socket:-0} ))
}

# Runs wrk for $1 seconds and prints its report (also kept in $tmp/wrk.txt).
run_wrk() {
  wrk -t"$threads" -c"$connections" -d"$1"s --latency -s "$here/verify.lua" "$url" | tee "$tmp/wrk.txt"
}

if [[ "$soak" -gt 0 ]]; then
  # Memory is measured from the end of a loaded warm-up: thread arenas, verifier
  # replicas and connection buffers are allocated in the first seconds of load.
  run_wrk 10 > /dev/null
  rss_start=$(rss_kb)
  rss_max=$rss_start
  echo "rss_kb $(date +%s) $rss_start" > "$tmp/rss.txt"
  run_wrk "$soak" > "$tmp/soak.txt" &
  wrk_pid=$!
  while kill -0 "$wrk_pid" 2> /dev/null; do
    sleep 5
    r=$(rss_kb)
    if (( r > rss_max )); then rss_max=$r; fi
    echo "rss_kb $(date +%s) $r" >> "$tmp/rss.txt"
  done
  wait "$wrk_pid"
  cat "$tmp/soak.txt"
  parse_wrk "$tmp/soak.txt"
  rss_end=$(rss_kb)
  echo "VmRSS samples (kB, every 5 s): $(awk '{printf "%s ", $3}' "$tmp/rss.txt")"
  echo "soak: ${soak}s, requests/s $rps, p99 ${p99_ms} ms, errors $errors," \
       "connections $connections, wrk threads $threads, cores $(nproc)"
  echo "soak: VmRSS start ${rss_start} kB, end ${rss_end} kB, max ${rss_max} kB," \
       "growth $(awk -v a="$rss_start" -v b="$rss_max" 'BEGIN {printf "%.1f", (b - a) * 100 / a}') %"
else
  run_wrk "$duration"
  parse_wrk "$tmp/wrk.txt"
  echo "summary: requests/s $rps, p99 ${p99_ms} ms, errors $errors," \
       "connections $connections, wrk threads $threads, cores $(nproc)"
fi
