#!/usr/bin/env python3
"""Prints what bench/claims/run.sh adds to the shared scorer's lines: the verdicts per
label and kind of claim (the confusions to study), and the time per claim.

Usage: summary.py --cases CASES.jsonl --pred PRED.jsonl [--wall-ns N]

`verify_ms` (written by `citecheck verify-claims --timing`) is the time spent in the
verification step of one case, its source already extracted and indexed: reading the
source's passages from the index, matching, deciding. The wall time covers the whole
run (process start, JSON, extraction, indexing, verification) divided by the cases.
"""
import argparse
import collections
import json
import statistics


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--wall-ns", type=int, default=0)
    args = ap.parse_args()
    cases = load(args.cases)
    preds = {p["id"]: p for p in load(args.pred)}
    table = collections.Counter()
    for c in cases:
        p = preds.get(c["id"], {})
        kind = "numeric" if c.get("has_number") else "words"
        table[(c["origin"], c["label"], kind, p.get("verdict", "missing"))] += 1
    verdicts = ["supported", "contradicted", "not_found", "unverifiable"]
    print(f"{'verdicts per label':<40}" + "".join(f"{v:>14}" for v in verdicts))
    for origin, label, kind in sorted({k[:3] for k in table}):
        row = [table[(origin, label, kind, v)] for v in verdicts]
        print(f"{origin + ' ' + label + ' (' + kind + ')':<40}" + "".join(f"{n:>14}" for n in row))
    times = [p["verify_ms"] for p in preds.values() if "verify_ms" in p]
    if times:
        times.sort()
        p90 = times[min(len(times) - 1, int(0.9 * len(times)))]
        print(f"verify ms per claim (source indexed): median {statistics.median(times):.3f} "
              f"mean {statistics.mean(times):.3f} p90 {p90:.3f} max {times[-1]:.3f} "
              f"over {len(times)} claims")
    if args.wall_ns and cases:
        print(f"wall ms per claim (whole run: extract, index, verify): "
              f"{args.wall_ns / 1e6 / len(cases):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
