#!/usr/bin/env python3
"""Fits the weights of the verifier's support score on the development claims.

Usage:
  bench/claims/run.sh BUILD/citecheck --keep /tmp/claims     # predictions with signals
  bench/claims/fit.py --cases ../shared/data/claims/dev.jsonl --pred /tmp/claims/pred.jsonl \
      [--write src/verify/internal/model.cc]

The support score of a statement (src/verify/internal/model.cc) is a logistic model
over the signals `citecheck verify-claims --signals` prints for the claim's wording.
This script fits it on the English (WiCE) cases, supported against the rest, by
Newton's method with an L2 penalty on standardized signals.

The verdict of a claim is "supported" when the score reaches 0.5 and every figure of
the claim is backed by rule (a figure stated next to its words: that rule is not
fitted). The threshold, folded into the bias, is the one with the best F1 of that
whole decision among those with precision >= --min-precision (the best F1 overall
when none reaches it).

Figures are reported two ways: in-sample (fit and threshold on all cases) and by
k-fold cross-validation (folds by Wikipedia article, so that no article is in both
halves; weights and threshold fitted on k-1 folds, the decision and the scores
measured on the fold left out). The CV figures are the honest estimate.

With --write, the Weights block of model.cc is replaced by the fitted one.
Deterministic: no sampling. Only the development file may be used here.
"""
import argparse
import hashlib
import json
import math
import re

SIGNALS = ["window", "greedy", "source", "names", "missing", "terms", "conflict",
           "passage", "names_window", "max_missing", "figures", "figures_absent",
           "figures_far"]


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
            t = sum(a * b for a, b in zip(w, z))
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, t))))
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
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def prf(pred, ys):
    tp = sum(1 for p, y in zip(pred, ys) if p and y)
    fp = sum(1 for p, y in zip(pred, ys) if p and not y)
    fn = sum(1 for p, y in zip(pred, ys) if not p and y)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def threshold(scores, gates, ys, min_precision):
    """The threshold on the score with the best F1 of (score >= t and gate)."""
    best = None
    for t in sorted(set(scores)):
        p, r, f = prf([s >= t and g for s, g in zip(scores, gates)], ys)
        key = (p >= min_precision, f, p)
        if best is None or key > best[0]:
            best = (key, t)
    return best[1]


def auc(scores, ys):
    pos = [s for s, y in zip(scores, ys) if y]
    neg = [s for s, y in zip(scores, ys) if not y]
    wins = sum(1.0 if a > b else 0.5 if a == b else 0.0 for a in pos for b in neg)
    return wins / (len(pos) * len(neg))


def claim_support(s, gate):
    """What verify-claims reports: the score when supported, else 0.49 times it."""
    return s if gate and s >= 0.5 else 0.49 * s


def fold_of(group, k):
    return int(hashlib.sha256(group.encode("utf-8")).hexdigest(), 16) % k


def evaluate(rows, idx_train, idx_test, l2, min_precision):
    xs = [rows[i][0] for i in idx_train]
    ys = [rows[i][1] for i in idx_train]
    gates = [rows[i][2] for i in idx_train]
    raw, bias = fit(xs, ys, l2)
    t = threshold([score(x, raw, bias) for x in xs], gates, ys, min_precision)
    bias -= math.log(t / (1 - t))
    out = []
    for i in idx_test:
        x, _, g, _ = rows[i]
        s = score(x, raw, bias)
        out.append((i, s >= 0.5 and g, claim_support(s, g)))
    return raw, bias, out


def report(tag, rows, decided):
    ys = [rows[i][1] for i, _, _ in decided]
    p, r, f = prf([d for _, d, _ in decided], ys)
    a = auc([s for _, _, s in decided], ys)
    print(f"// {tag}: F1 {f:.3f} (P {p:.3f}, R {r:.3f}), ROC-AUC {a:.3f}")
    return f"{tag}: F1 {f:.3f} (P {p:.3f}, R {r:.3f}), ROC-AUC {a:.3f}"


def write_weights(path, raw, bias, comment):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    body = [f"// Fitted by bench/claims/fit.py on the English development claims;",
            f"// {comment[0]};", f"// {comment[1]}.",
            "// The bias includes the decision threshold, so that 0.5 separates supported",
            "// from not.", "struct Weights {", f"  double bias = {bias:.4f};"]
    body += [f"  double {k} = {v:.4f};" for k, v in zip(SIGNALS, raw)]
    body.append("};")
    new, n = re.subn(r"// Fitted by bench/claims/fit\.py.*?\n};", "\n".join(body), text,
                     count=1, flags=re.S)
    if n != 1:
        raise SystemExit(f"no Weights block in {path}")
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--min-precision", type=float, default=0.6)
    ap.add_argument("--write", help="model.cc whose Weights block to replace")
    args = ap.parse_args()
    preds = {p["id"]: p for p in load(args.pred)}
    rows = []  # (signals, label, every figure backed, group)
    for c in load(args.cases):
        p = preds.get(c["id"])
        if c["origin"] != "WiCE" or p is None or "signals" not in p:
            continue
        gate = all(q["verdict"] == "supported" for q in p.get("quantities", []))
        rows.append(([float(p["signals"][k]) for k in SIGNALS],
                     1 if c["label"] == "supported" else 0, gate,
                     c.get("wiki_title") or c["id"]))
    every = list(range(len(rows)))
    decided = []
    for k in range(args.folds):
        test = [i for i in every if fold_of(rows[i][3], args.folds) == k]
        train = [i for i in every if fold_of(rows[i][3], args.folds) != k]
        decided += evaluate(rows, train, test, args.l2, args.min_precision)[2]
    cv = report(f"{args.folds}-fold CV by article, {len(rows)} cases", rows, sorted(decided))
    raw, bias, decided = evaluate(rows, every, every, args.l2, args.min_precision)
    ins = report(f"in-sample, {len(rows)} cases", rows, decided)
    print("struct Weights {")
    print(f"  double bias = {bias:.4f};")
    for k, v in zip(SIGNALS, raw):
        print(f"  double {k} = {v:.4f};")
    print("};")
    if args.write:
        write_weights(args.write, raw, bias, (ins, cv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
