#!/usr/bin/env python3
"""The `ingest` workload in polars (the fast dataframe reference of issue 7).

Usage: polars_ingest.py PANEL.csv
Same work and the same JSON fields as `peer.py ingest`: read the CSV with text
columns as strings, add memory_cost_usd, bom_usd and memory_share, then count,
mean, std (n-1), min, 25%, 50%, 75% (linear interpolation, as pandas) and max of
every numeric column, nulls excluded. Written for memcast (not part of the
original peer); `scripts/bench.sh` times it when polars is installed.
"""
import json, sys, time
import polars as pl

def main():
    path = sys.argv[1]
    t0 = time.perf_counter()
    df = pl.read_csv(path, schema_overrides={"quarter": pl.String, "sku": pl.String, "model": pl.String,
                                              "region": pl.Categorical, "segment": pl.Categorical})
    df = df.with_columns((pl.col("dram_gb") * pl.col("dram_usd_gb") + pl.col("nand_gb") * pl.col("nand_usd_gb"))
                         .alias("memory_cost_usd"))
    df = df.with_columns((pl.col("memory_cost_usd") + pl.col("other_bom_usd")).alias("bom_usd"))
    df = df.with_columns((pl.col("memory_cost_usd") / pl.col("bom_usd")).alias("memory_share"))
    numeric = [c for c, t in df.schema.items() if t.is_numeric()]
    stats = df.select([e for c in numeric for e in (
        pl.col(c).count().alias(f"{c}|count"), pl.col(c).mean().alias(f"{c}|mean"), pl.col(c).std().alias(f"{c}|std"),
        pl.col(c).min().alias(f"{c}|min"), pl.col(c).quantile(0.25, "linear").alias(f"{c}|25%"),
        pl.col(c).quantile(0.5, "linear").alias(f"{c}|50%"), pl.col(c).quantile(0.75, "linear").alias(f"{c}|75%"),
        pl.col(c).max().alias(f"{c}|max"))]).row(0, named=True)
    describe = {c: {} for c in numeric}
    for key, v in stats.items():
        c, s = key.split("|")
        describe[c][s] = float(v)
    res = {"rows": df.height, "missing_units_k": int(df["units_k"].null_count()), "describe": describe,
           "seconds_in_process": time.perf_counter() - t0}
    print(json.dumps(res, indent=1))

if __name__ == "__main__":
    main()
