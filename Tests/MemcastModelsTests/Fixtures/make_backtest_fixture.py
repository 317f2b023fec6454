#!/usr/bin/env python3
"""Peer reference for the panel backtest, generated ONCE and committed.

    python3 make_backtest_fixture.py PATH/TO/shared/bench > backtest_reference.json

Generates a small panel with the bench's own generator (gen_panel.py --skus 40,
its default seed), runs the peer's `backtest` workload function on it (numpy
batched normal equations, first origin 28), and writes:
- `y`, `x`: log(asp_usd) and log(bom_usd) in the peer's order (sku, quarter),
  flattened series after series (40 quarters each), as repr strings so the
  Swift test reads exactly the doubles the peer used;
- the peer's result: series, origins, mae, mae_naive, mean_mase;
- a second run with first origin 10 (more fits per series), same data.
"""
import importlib.util
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

bench = sys.argv[1]
spec = importlib.util.spec_from_file_location("peer", os.path.join(bench, "peer.py"))
peer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(peer)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "panel.csv")
    subprocess.run([sys.executable, os.path.join(bench, "gen_panel.py"), path, "--skus", "40"], check=True)
    df = peer.load(path).sort_values(["sku", "quarter"])
    y = np.log(df.asp_usd.to_numpy())
    x = np.log(df.bom_usd.to_numpy())
    ref28 = peer.backtest(path, first_origin=28)
    ref10 = peer.backtest(path, first_origin=10)

print(json.dumps({
    "generator": "numpy " + np.__version__ + ", shared/bench/gen_panel.py --skus 40 + peer.py backtest",
    "series_length": 40,
    "y": [repr(float(v)) for v in y],
    "x": [repr(float(v)) for v in x],
    "first_origin_28": ref28,
    "first_origin_10": ref10,
}, indent=1))
