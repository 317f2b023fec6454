#!/usr/bin/env python3
"""Reference values for MemcastModelsTests, generated ONCE with numpy and committed.

    python3 make_fixtures.py PATH/TO/shared/bench/peer.py > montecarlo_reference.json

Contents:
- the first SplitMix64 outputs for seeds 0 and 7 (peer.py's generator);
- the benchmark `montecarlo` workload (README of shared/bench) with 20,000 draws,
  seed 7: quantiles of dASP/dShip per segment and of the global change, numpy's
  default (linear) quantile rule;
- numpy linear quantiles of a fixed small sample, as a spec check.
"""
import importlib.util
import json
import sys

import numpy as np

spec = importlib.util.spec_from_file_location("peer", sys.argv[1])
peer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(peer)

sample = [3.5, -1.0, 2.0, 10.0, 7.25, 0.0, 4.0]
out = {
    "generator": "numpy " + np.__version__ + ", shared/bench/peer.py",
    "splitmix64_seed0_first5": [str(int(v)) for v in peer.splitmix64(0, 5)],
    "splitmix64_seed7_first5": [str(int(v)) for v in peer.splitmix64(7, 5)],
    "uniforms_seed7_first5": [repr(float(v)) for v in peer.uniforms(7, 5)],  # strings: exact round trip
    "quantile_sample": sample,
    "quantile_probs": [0.0, 0.05, 0.25, 0.5, 0.9, 0.95, 1.0],
    "quantile_values": [float(np.quantile(sample, p)) for p in [0.0, 0.05, 0.25, 0.5, 0.9, 0.95, 1.0]],
    "montecarlo_20000": peer.montecarlo(None, draws=20_000, seed=7),
}
json.dump(out, sys.stdout, indent=1)
print()
