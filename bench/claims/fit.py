#!/usr/bin/env python3
"""Fits the weights of the verifier's support score on the development claims.

Usage:
  bench/claims/run.sh BUILD/citecheck --keep /tmp/claims     # predictions with signals
  bench/claims/fit.py --cases ../shared/data/claims/dev.jsonl --pred /tmp/claims/pred.jsonl

The support score (src/verify/internal/model.cc) is a logistic model over the signals
`citecheck verify-claims --signals` prints for the fact that decided each case. This
script fits it on the English (WiCE) cases, supported against the rest, by Newton's
method with an L2 penalty on standardized signals, then moves the bias so that 0.5
falls on the threshold with the best F1 among those where "supported" is right at
least half the time (precision >= 0.5; the best F1 overall when none is). It prints the Weights initializer to paste into
model.cc, and the fit's figures on the same cases. Deterministic: no sampling.

Only the development file may be used here; the held-out file is for measuring.
"""
import argparse
import json
import math

SIGNALS = ["window", "greedy", "source", "names", "missing", "terms",
           "conflict"]


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def solve(a, b):
    """Solves a x = b by Gauss-Jordan elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [v] for row, v in zip(a, b)]
    for i in range(n):
        p = max(range(i, n), key=lambda r: abs(m[r][i]))
        m[i], m[p] = m[p], m[i]
        if abs(m[i][i]) < 1e-12:
            continue
        for r in range(n):
            if r != i:
                f = m[r][i] / m[i][i]
                for c in range(i, n + 1):
                    m[r][c] -= f * m[i][c]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def fit(xs, ys, l2):
    d = len(xs[0])
    mu = [sum(x[j] for x in xs) / len(xs) for j in range(d)]
    sd = [math.sqrt(sum((x[j] - mu[j]) ** 2 for x in xs) / len(xs)) or 1.0 for j in range(d)]
    zs = [[(x[j] - mu[j]) / sd[j] for j in range(d)] + [1.0] for x in xs]
    w = [0.0] * (d + 1)
    for _ in range(100):
        g = [0.0] * (d + 1)
        h = [[0.0] * (d + 1) for _ in range(d + 1)]
        for z, y in zip(zs, ys):
            p = 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, z))))
            for j in range(d + 1):
                g[j] += (p - y) * z[j]
                for k in range(d + 1):
                    h[j][k] += p * (1 - p) * z[j] * z[k]
        for j in range(d):
            g[j] += l2 * w[j]
            h[j][j] += l2
        step = solve(h, g)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-9:
            break
    # Back to raw signals: z_j = (x_j - mu_j) / sd_j.
    raw = [w[j] / sd[j] for j in range(d)]
    bias = w[d] - sum(w[j] * mu[j] / sd[j] for j in range(d))
    return raw, bias


def score(x, raw, bias):
    z = bias + sum(a * b for a, b in zip(raw, x))
    return 1 / (1 + math.exp(-z))


def threshold(scores, ys):
    best = None
    for t in sorted(set(scores)):
        tp = sum(1 for s, y in zip(scores, ys) if s >= t and y)
        fp = sum(1 for s, y in zip(scores, ys) if s >= t and not y)
        fn = sum(1 for s, y in zip(scores, ys) if s < t and y)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        key = (p >= 0.5, f, p)
        if best is None or key > best[0]:
            best = (key, t, p, r, f)
    return best


def auc(scores, ys):
    pos = [s for s, y in zip(scores, ys) if y]
    neg = [s for s, y in zip(scores, ys) if not y]
    wins = sum(1.0 if a > b else 0.5 if a == b else 0.0 for a in pos for b in neg)
    return wins / (len(pos) * len(neg))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--l2", type=float, default=1.0)
    args = ap.parse_args()
    preds = {p["id"]: p for p in load(args.pred)}
    xs, ys = [], []
    for c in load(args.cases):
        p = preds.get(c["id"])
        if c["origin"] != "WiCE" or p is None or "signals" not in p:
            continue
        xs.append([float(p["signals"][k]) for k in SIGNALS])
        ys.append(1 if c["label"] == "supported" else 0)
    raw, bias = fit(xs, ys, args.l2)
    scores = [score(x, raw, bias) for x in xs]
    (_, t, p, r, f) = threshold(scores, ys)
    bias -= math.log(t / (1 - t))
    print(f"// {len(xs)} cases: fitted F1 {f:.3f} (P {p:.3f}, R {r:.3f}), "
          f"ROC-AUC {auc(scores, ys):.3f}")
    print("struct Weights {")
    print(f"  double bias = {bias:.4f};")
    for k, v in zip(SIGNALS, raw):
        print(f"  double {k} = {v:.4f};")
    print("};")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
