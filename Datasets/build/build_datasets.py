#!/usr/bin/env python3
"""Builds memcast's tidy datasets (Datasets/*.csv) from the research notes in
shared/data, keeping the provenance of every number.

Usage: python3 Datasets/build/build_datasets.py [--source DIR] [--out DIR] [--check]

  --source  folder with the research notes (default: <repo>/../shared/data)
  --out     where to write the datasets (default: <repo>/Datasets)
  --check   rebuild in memory and fail (exit 1) if a committed file differs

What it does, and nothing more (see Datasets/README.md, "Derivation rules"):
  * memory_prices.csv  <- shared/data/memory_prices.csv + price_levels.csv,
    series renamed through Datasets/build/series_map.csv (hand-checked);
    quantity rows (revenue, bit shipments, inventory) found among the price
    notes are routed to supply_demand.csv instead.
  * handset_market.csv <- shared/data/handset_figures.csv
  * supply_demand.csv  <- shared/data/supply_demand.csv (+ the routed rows)
  * seed_figures.csv   <- shared/data/seed_figures.csv (+ the seed's
    publication and the file it is kept in)
Numbers (low, high, point) are copied as text, never recomputed. Units are
renamed to one vocabulary. Exact duplicates (same normalized key, values,
publication date and URL) are kept once, the other source line listed in
`also_in`. Every output row names its source file and line.
Standard library only, deterministic output.
"""
import argparse
import csv
import io
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

# Seed report: where it is kept and what it is (the file has no URL).
SEED_FILE = "shared/seeds/000_f1d23cbbb7962deb.txt"
SEED_PUBLISHED = "2026-02"
SEED_REPORTER = "China Business Journal"

HANDSET_UNITS = {
    "CNY": "cny", "CNY bn": "cny_bn", "GB": "gb", "INR": "inr", "KRW": "krw",
    "USD": "usd", "USD bn": "usd_bn", "million units": "units_m", "months": "months",
    "pct": "pct", "pp": "pp", "weeks": "weeks",
}
# unit as written -> (unit, words moved to the note because the unit carried them)
SUPPLY_UNITS = {
    "%": ("pct", ""), "% (+ = oversupply)": ("pct", "sign: + = oversupply"),
    "% (shortfall)": ("pct", "shortfall"), "%/yr": ("pct_per_year", ""), "GB": ("gb", ""),
    "KRW trillion": ("krw_tn", ""), "USD": ("usd", ""), "USD bn": ("usd_bn", ""),
    "USD/Gb": ("usd_per_gbit", ""), "USD/wafer": ("usd_per_wafer", ""),
    "billion Gb": ("gbit_bn", ""), "exabytes": ("eb", ""), "fiscal year": ("fiscal_year", ""),
    "k wafers/month": ("kwpm", ""), "million GB": ("gb_m", ""), "million units": ("units_m", ""),
    "pct points": ("pp", ""), "qualitative": ("qualitative", ""), "quarters": ("quarters", ""),
    "weeks": ("weeks", ""), "x": ("x", ""), "x wafers per bit": ("x_wafers_per_bit", ""),
    "year": ("year", ""), "pct": ("pct", ""), "usd_bn": ("usd_bn", ""),
}
PRICE_UNITS = {"pct", "usd_per_gb", "x", "usd_per_chip", "usd_per_module", "usd_per_package",
               "usd_per_unit", "usd_per_gbit_as_stated"}

MEMORY_COLUMNS = ["id", "series", "market", "product", "entity", "period", "metric", "low", "high",
                  "point", "unit", "kind", "published", "publisher", "source_url", "provenance",
                  "method", "note", "reliability", "source_series", "source_file", "source_line", "also_in"]
HANDSET_COLUMNS = ["id", "topic", "entity", "region", "period", "metric", "low", "high", "point",
                   "unit", "kind", "published", "publisher", "source_url", "provenance", "method",
                   "note", "reliability", "source_file", "source_line", "also_in"]
SUPPLY_COLUMNS = ["id", "topic", "entity", "period", "metric", "low", "high", "point", "unit",
                  "kind", "published", "publisher", "source_url", "provenance", "method", "note",
                  "reliability", "source_series", "source_file", "source_line", "also_in"]
SEED_COLUMNS = ["id", "topic", "entity", "region", "period", "metric", "low", "high", "point",
                "unit", "kind", "published", "publisher", "reported_by", "source_url",
                "provenance", "method", "note", "source_file", "source_line"]

PERIOD_RE = re.compile(r"^(\d{4})(?:Q([1-4])|H([12])|-(\d{2})(?:-(\d{2}))?)?$")
PUBLISHED_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
NUMBER_RE = re.compile(r"^-?\d+(\.\d+)?$")
# A note or publisher that says the figure is doubtful marks the row `low` reliability;
# vintage selection then uses it only when nothing else is known for its key.
LOW_RELIABILITY_RE = re.compile(r"low reliability|likely misreport|appears to misread|unconfirmed|rumou?r",
                                re.IGNORECASE)
KINDS = {"forecast", "revised_forecast", "actual", "estimate"}


def fail(msg):
    sys.exit(f"build_datasets: {msg}")


def period_key(p):
    """Sort key: (start year, start month, span order) so 2019 < 2019H1 < 2019Q1 < 2019-01."""
    m = PERIOD_RE.match(p)
    if not m:
        return (9999, 99, 9, p)
    y, q, h, mo, d = m.groups()
    if q:
        return (int(y), 3 * int(q) - 2, 2, p)
    if h:
        return (int(y), 6 * int(h) - 5, 1, p)
    if mo:
        return (int(y), int(mo), 3 if d is None else 4, p)
    return (int(y), 1, 0, p)


def quarter_of(p):
    m = PERIOD_RE.match(p)
    if not m:
        return None
    y, q, h, mo, d = m.groups()
    if q:
        return f"{y}Q{q}"
    if mo:
        return f"{y}Q{(int(mo) - 1) // 3 + 1}"
    return None


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        rows = []
        reader.fieldnames  # reads the header
        end = reader.line_num  # the header's last line
        for row in reader:
            # line_num is where a record ENDS; it starts on the line after the previous one.
            row["_line"] = end + 1
            end = reader.line_num
            rows.append(row)
        return reader.fieldnames, rows


def check_common(name, row):
    where = f"{name}:{row['_line']}"
    for k in ("low", "high", "point"):
        v = row.get(k, "")
        if v and not NUMBER_RE.match(v):
            fail(f"{where}: column '{k}': '{v}' is not a plain decimal")
    if row["kind"] not in KINDS:
        fail(f"{where}: unknown kind '{row['kind']}'")
    if row.get("published") and not PUBLISHED_RE.match(row["published"]):
        fail(f"{where}: bad published '{row['published']}'")
    if row.get("low") and row.get("high") and float(row["low"]) > float(row["high"]):
        fail(f"{where}: low > high")


def load_series_map():
    _, rows = read_rows(os.path.join(HERE, "series_map.csv"))
    out = {}
    for r in rows:
        key = (r["source_file"], r["source_series"])
        if key in out:
            fail(f"series_map.csv:{r['_line']}: duplicate mapping for {key}")
        out[key] = r
    return out


def build(source):
    smap = load_series_map()
    used = set()
    memory, supply, handset, seed = [], [], [], []

    # --- memory prices (two note files) --------------------------------------------
    for fname in ("memory_prices.csv", "price_levels.csv"):
        _, rows = read_rows(os.path.join(source, fname))
        for r in rows:
            check_common(fname, r)
            if not PERIOD_RE.match(r["period"]):
                fail(f"{fname}:{r['_line']}: period '{r['period']}' not YYYY, YYYYQn, YYYYHn, YYYY-MM or YYYY-MM-DD")
            key = (fname, r["series"])
            if key not in smap:
                fail(f"{fname}:{r['_line']}: series '{r['series']}' missing from series_map.csv")
            used.add(key)
            m = smap[key]
            route = m["route"]
            if route == "memory_prices":
                unit = r["unit"]
                if unit == "usd":
                    unit = m["usd_unit"] or fail(f"{fname}:{r['_line']}: usd row needs usd_unit in series_map.csv")
                if unit not in PRICE_UNITS:
                    fail(f"{fname}:{r['_line']}: unexpected unit '{unit}'")
                memory.append({
                    "series": m["series"], "market": m["market"], "product": m["product"],
                    "entity": m["entity"], "period": r["period"], "metric": r["metric"],
                    "low": r["low"], "high": r["high"], "point": r["point"], "unit": unit,
                    "kind": r["kind"], "published": r["published"], "publisher": r["publisher"],
                    "source_url": r["source_url"], "provenance": "published", "method": "",
                    "note": r["note"], "source_series": r["series"], "source_file": fname,
                    "source_line": str(r["_line"]), "also_in": "",
                })
            elif route.startswith("supply_demand:"):
                unit, extra = SUPPLY_UNITS.get(r["unit"], (None, ""))
                if unit is None:
                    fail(f"{fname}:{r['_line']}: unit '{r['unit']}' has no mapping")
                supply.append({
                    "topic": route.split(":", 1)[1], "entity": m["entity"], "period": r["period"],
                    "metric": r["metric"], "low": r["low"], "high": r["high"], "point": r["point"],
                    "unit": unit, "kind": r["kind"], "published": r["published"],
                    "publisher": r["publisher"], "source_url": r["source_url"],
                    "provenance": "published", "method": "", "note": join_note(extra, r["note"]),
                    "source_series": r["series"], "source_file": fname,
                    "source_line": str(r["_line"]), "also_in": "",
                })
            else:
                fail(f"series_map.csv: unknown route '{route}'")
    unused = set(smap) - used
    if unused:
        fail(f"series_map.csv: mappings never used: {sorted(unused)}")

    # --- handset figures ------------------------------------------------------------
    _, rows = read_rows(os.path.join(source, "handset_figures.csv"))
    for r in rows:
        check_common("handset_figures.csv", r)
        if not PERIOD_RE.match(r["period"]):
            fail(f"handset_figures.csv:{r['_line']}: bad period '{r['period']}'")
        if r["unit"] not in HANDSET_UNITS:
            fail(f"handset_figures.csv:{r['_line']}: unit '{r['unit']}' has no mapping")
        handset.append({
            "topic": r["topic"], "entity": r["entity"], "region": r["region"], "period": r["period"],
            "metric": r["metric"], "low": r["low"], "high": r["high"], "point": r["point"],
            "unit": HANDSET_UNITS[r["unit"]], "kind": r["kind"], "published": r["published"],
            "publisher": r["publisher"], "source_url": r["source_url"], "provenance": "published",
            "method": "", "note": r["note"], "source_file": "handset_figures.csv",
            "source_line": str(r["_line"]), "also_in": "",
        })

    # --- supply and demand ----------------------------------------------------------
    _, rows = read_rows(os.path.join(source, "supply_demand.csv"))
    for r in rows:
        check_common("supply_demand.csv", r)
        if not PERIOD_RE.match(r["period"]):
            fail(f"supply_demand.csv:{r['_line']}: bad period '{r['period']}'")
        unit, extra = SUPPLY_UNITS.get(r["unit"], (None, ""))
        if unit is None:
            fail(f"supply_demand.csv:{r['_line']}: unit '{r['unit']}' has no mapping")
        supply.append({
            "topic": r["topic"], "entity": r["entity"], "period": r["period"], "metric": r["metric"],
            "low": r["low"], "high": r["high"], "point": r["point"], "unit": unit,
            "kind": r["kind"], "published": r["published"], "publisher": r["publisher"],
            "source_url": r["source_url"], "provenance": "published", "method": "",
            "note": join_note(extra, r["note"]), "source_series": "",
            "source_file": "supply_demand.csv", "source_line": str(r["_line"]), "also_in": "",
        })

    # --- seed figures ---------------------------------------------------------------
    _, rows = read_rows(os.path.join(source, "seed_figures.csv"))
    for r in rows:
        check_common("seed_figures.csv", r)
        seed.append({
            "id": r["id"], "topic": r["topic"], "entity": r["entity"], "region": r["region"],
            "period": r["period"], "metric": r["metric"], "low": r["low"], "high": r["high"],
            "point": r["point"], "unit": r["unit"], "kind": r["kind"],
            "published": SEED_PUBLISHED, "publisher": r["publisher"],
            "reported_by": r["reported_by"], "source_url": "file:" + SEED_FILE,
            "provenance": "published", "method": "", "note": r["note"],
            "source_file": "seed_figures.csv", "source_line": str(r["_line"]),
        })

    for r in memory + supply + handset:
        doubtful = LOW_RELIABILITY_RE.search(r["note"]) or LOW_RELIABILITY_RE.search(r["publisher"])
        r["reliability"] = "low" if doubtful else "normal"
    memory = dedupe(memory, ["series", "market", "product", "entity", "period", "metric", "low",
                             "high", "point", "unit", "kind", "published", "source_url"])
    supply = dedupe(supply, ["topic", "entity", "period", "metric", "low", "high", "point",
                             "unit", "kind", "published", "source_url"])
    handset = dedupe(handset, ["topic", "entity", "region", "period", "metric", "low", "high",
                               "point", "unit", "kind", "published", "source_url"])

    memory.sort(key=lambda r: (r["series"], r["market"], r["product"], r["entity"],
                               period_key(r["period"]), r["metric"], r["published"] or "9999",
                               r["source_file"], int(r["source_line"])))
    supply.sort(key=lambda r: (r["topic"], r["entity"].lower(), period_key(r["period"]),
                               r["metric"], r["published"] or "9999", r["source_file"],
                               int(r["source_line"])))
    handset.sort(key=lambda r: (r["topic"], r["region"], r["entity"].lower(),
                                period_key(r["period"]), r["metric"], r["published"] or "9999",
                                int(r["source_line"])))
    for prefix, rows in (("mp", memory), ("sd", supply), ("hm", handset)):
        for i, r in enumerate(rows, 1):
            r["id"] = f"{prefix}{i:04d}"
    return {"memory_prices.csv": (MEMORY_COLUMNS, memory),
            "handset_market.csv": (HANDSET_COLUMNS, handset),
            "supply_demand.csv": (SUPPLY_COLUMNS, supply),
            "seed_figures.csv": (SEED_COLUMNS, seed)}


def join_note(extra, note):
    if extra and note:
        return f"{extra}; {note}"
    return extra or note


def dedupe(rows, key_fields):
    seen = {}
    out = []
    for r in rows:
        k = tuple(r[f] for f in key_fields)
        if k in seen:
            first = seen[k]
            ref = f"{r['source_file']}:{r['source_line']}"
            first["also_in"] = ref if not first["also_in"] else first["also_in"] + " " + ref
            continue
        seen[k] = r
        out.append(r)
    return out


def render(columns, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([r[c] for c in columns])
    return buf.getvalue()


def coverage_markdown(datasets):
    """Rows per year (all periods) and per quarter (quarterly and monthly periods)."""
    lines = []
    lines.append("| dataset | rows | periods | published | publishers |")
    lines.append("|---|---|---|---|---|")
    for name, (_, rows) in datasets.items():
        periods = sorted((r["period"] for r in rows if PERIOD_RE.match(r["period"])), key=period_key)
        pubs = sorted(r["published"] for r in rows if r["published"])
        publishers = len({r["publisher"] for r in rows})
        span = f"{periods[0]} … {periods[-1]}" if periods else "—"
        lines.append(f"| {name} | {len(rows)} | {span} | {pubs[0]} … {pubs[-1]} | {publishers} |")
    lines.append("")
    # Quarterly QoQ coverage of the price series the models chain.
    mp = datasets["memory_prices.csv"][1]
    qoq = defaultdict(lambda: defaultdict(Counter))
    for r in mp:
        if r["metric"] == "qoq_pct" and r["market"] == "contract" and r["product"] == "" \
                and r["entity"] == "industry" and quarter_of(r["period"]):
            qoq[r["series"]][r["period"][:4]][r["period"]] += 1
    series = sorted(qoq)
    years = sorted({y for s in qoq.values() for y in s})
    lines.append("Quarters with at least one contract `qoq_pct` row (industry, no product "
                 "detail), per series and year — `1234` lists the quarters present, `·` none:")
    lines.append("")
    lines.append("| series | " + " | ".join(years) + " |")
    lines.append("|---|" + "---|" * len(years))
    for s in series:
        cells = []
        for y in years:
            qs = "".join(str(q) for q in range(1, 5) if qoq[s][y][f"{y}Q{q}"])
            cells.append(qs or "·")
        lines.append(f"| {s} | " + " | ".join(cells) + " |")
    lines.append("")
    # Row counts per series/market for memory_prices.
    lines.append("memory_prices rows by series and market:")
    lines.append("")
    lines.append("| series | contract | spot | asp | wholesale | price_avg | relative |")
    lines.append("|---|---|---|---|---|---|---|")
    c = Counter((r["series"], r["market"]) for r in mp)
    for s in sorted({r["series"] for r in mp}):
        lines.append(f"| {s} | " + " | ".join(str(c[(s, m)] or "·") for m in
                                               ("contract", "spot", "asp", "wholesale", "price_avg", "relative")) + " |")
    lines.append("")
    for name, field in (("handset_market.csv", "topic"), ("supply_demand.csv", "topic")):
        rows = datasets[name][1]
        c = Counter(r[field] for r in rows)
        lines.append(f"{name} rows by topic: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())) + ".")
        lines.append("")
    return "\n".join(lines)


def update_readme(out_dir, generated, check):
    path = os.path.join(out_dir, "README.md")
    begin, end = "<!-- BEGIN GENERATED: build_datasets.py -->", "<!-- END GENERATED -->"
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if begin not in text or end not in text:
        fail(f"{path}: generated-section markers missing")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    new = head + begin + "\n" + generated + "\n" + end + tail
    if check:
        return new == text
    if new != text:
        with open(path, "w", encoding="utf-8") as f:
            f.write(new)
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", default=os.path.join(os.path.dirname(REPO), "shared", "data"))
    ap.add_argument("--out", default=os.path.join(REPO, "Datasets"))
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    if not os.path.isdir(a.source):
        fail(f"source folder not found: {a.source}")
    datasets = build(a.source)
    stale = []
    for name, (cols, rows) in datasets.items():
        text = render(cols, rows)
        path = os.path.join(a.out, name)
        if a.check:
            try:
                with open(path, encoding="utf-8") as f:
                    if f.read() != text:
                        stale.append(name)
            except FileNotFoundError:
                stale.append(name)
        else:
            tmp = path + ".tmp"
            with open(tmp, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            os.replace(tmp, path)
        print(f"{name}: {len(rows)} rows", file=sys.stderr)
    if not update_readme(a.out, coverage_markdown(datasets), a.check):
        stale.append("README.md (generated section)")
    if stale:
        fail("out of date: " + ", ".join(stale) + " (run build_datasets.py)")


if __name__ == "__main__":
    main()
