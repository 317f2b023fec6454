#!/usr/bin/env python3
"""Generates the describe() reference for DataSummaryPandasTests, once.

  python3 ../../../../shared/bench/gen_panel.py panel_tiny.csv --skus 50
  python3 make_describe_fixture.py panel_tiny.csv > panel_tiny.describe.json

Reads the CSV with pandas' defaults (so the same numeric columns as memcast's
inference), and writes count, mean, std (n-1), min, 25%, 50%, 75%, max of each
numeric column and the missing count of every column, with full precision.
"""
import json, sys
import pandas as pd

df = pd.read_csv(sys.argv[1])
d = df.describe()
out = {"pandas": pd.__version__, "rows": int(len(df)),
       "describe": {c: {k: float(d[c][k]) for k in d.index} for c in d.columns},
       "missing": {c: int(df[c].isna().sum()) for c in df.columns}}
json.dump(out, sys.stdout, indent=1, sort_keys=True)
print()
