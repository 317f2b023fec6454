#!/usr/bin/env python3
"""Checks that memcast's `bench --format json` output has the peer's numbers.

Usage: compare.py WORKLOAD PEER.json MEMCAST.json
Walks the peer's document; every number must appear at the same place in
memcast's, within a relative tolerance |a - b| <= tol * max(|a|, |b|):

  ingest                      1e-12  (every describe statistic)
  ols                         1e-9   (coefficients, HC1 SE, R², adj. R², AIC, BIC)
    condition_number          1e-6   statsmodels takes it from the eigenvalues of
                                     X'X, whose smallest carries a relative error of
                                     about cond²·eps (~1e-8 on these designs);
                                     memcast from the singular values of X
  bootstrap, montecarlo, backtest  1e-9

`seconds_in_process` is not compared. Prints each mismatch and exits 1 if any.
"""
import json, math, sys

def tolerance(workload, path):
    if path.endswith("seconds_in_process"):
        return None
    if workload == "ingest":
        return 1e-12
    if workload == "ols" and path.endswith("condition_number"):
        return 1e-6
    return 1e-9

def walk(workload, peer, ours, path, bad, counted):
    if isinstance(peer, dict):
        if not isinstance(ours, dict):
            bad.append(f"{path}: missing object"); return
        for k, v in peer.items():
            walk(workload, v, ours.get(k), f"{path}/{k}", bad, counted)
    elif isinstance(peer, list):
        if not isinstance(ours, list) or len(ours) != len(peer):
            bad.append(f"{path}: array length differs"); return
        for i, v in enumerate(peer):
            walk(workload, v, ours[i], f"{path}[{i}]", bad, counted)
    elif isinstance(peer, (int, float)) and not isinstance(peer, bool):
        tol = tolerance(workload, path)
        if tol is None:
            return
        if not isinstance(ours, (int, float)) or isinstance(ours, bool):
            bad.append(f"{path}: missing number"); return
        counted[0] += 1
        a, b = float(peer), float(ours)
        if math.isnan(a) and math.isnan(b):
            return
        if not abs(a - b) <= tol * max(abs(a), abs(b)):
            rel = abs(a - b) / max(abs(a), abs(b))
            bad.append(f"{path}: peer {a!r}, memcast {b!r}, relative {rel:.3g} > {tol:g}")

def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    workload, peer_path, ours_path = sys.argv[1:]
    peer = json.load(open(peer_path))
    ours = json.load(open(ours_path))
    bad, counted = [], [0]
    walk(workload, peer, ours, workload, bad, counted)
    if counted[0] == 0:
        bad.append("no numbers compared")
    for line in bad:
        print(line)
    print(f"{workload}: {counted[0] - len(bad)} of {counted[0]} numbers agree")
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main()
