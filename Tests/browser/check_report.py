#!/usr/bin/env python3
"""Browser test for memcast's HTML report and SVG charts (run by scripts/browser-test.sh).

Headless Chromium renders the report to a DOM dump, a full-page PNG and a PDF,
and renders each chart alone to a PNG. Checks:
  * the report file is well-formed XML (polyglot HTML) and has its four sections;
  * the browser's DOM holds every expected chart kind as an inline <svg>, each
    with a title, both axes, at least one series, tick labels and a source note;
    the vintage chart also has its DRAM-call panel with its own titled y axis;
  * each chart's PNG is not blank: not one colour, enough ink, dark text pixels,
    and every opaque palette colour of its series painted inside its plot area;
  * the full-page PNG is not blank and the PDF (print) has at least one page.
Standard library only (PNG decoded with zlib). Prints one line per check and
a closing 'browser: N passed, M failed'; exits 1 on any failure.
"""
import argparse
import os
import re
import struct
import subprocess
import sys
import zlib
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser

SVG_NS = "{http://www.w3.org/2000/svg}"
EXPECTED_SECTIONS = ["headline", "charts", "assumptions", "comparison"]


# ---------------------------------------------------------------- PNG decoding
def read_png(path):
    """Returns (width, height, rgb bytes) of an 8-bit RGB/RGBA/grey, non-interlaced PNG.
    Alpha is composited on white (what a page shows)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, width = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or interlace != 0 or ctype not in (0, 2, 4, 6):
                raise ValueError(f"{path}: unsupported PNG (depth {depth}, type {ctype}, interlace {interlace})")
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[ctype]
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    out = bytearray(height * stride)
    prev = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 255
        elif f == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 255
        elif f == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif f == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = prev[i]
                c = prev[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        out[y * stride:(y + 1) * stride] = line
        prev = line
    if channels == 3:
        return width, height, bytes(out)
    rgb = bytearray(width * height * 3)
    for i in range(width * height):
        px = out[i * channels:(i + 1) * channels]
        if channels in (1, 2):
            v, a = px[0], (px[1] if channels == 2 else 255)
            px = (v, v, v, a)
        a = px[3]
        for k in range(3):
            rgb[i * 3 + k] = (px[k] * a + 255 * (255 - a)) // 255
    return width, height, bytes(rgb)


def colour_counts(rgb):
    return Counter(zip(rgb[0::3], rgb[1::3], rgb[2::3]))


def hex_rgb(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def near(c, target, tol=10):
    return all(abs(a - b) <= tol for a, b in zip(c, target))


# ---------------------------------------------------------------- DOM walking
class DomCharts(HTMLParser):
    """Collects, from Chromium's serialised DOM, each svg.memcast-chart's parts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.charts, self.sections, self.stack = [], [], []
        self.chart, self.text_target = None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "section" and a.get("id"):
            self.sections.append(a["id"])
        if tag == "svg" and "memcast-chart" in classes:
            self.chart = {"kind": a.get("data-kind"), "id": a.get("id"), "title": "", "texts": [],
                          "axes": set(), "series": 0, "note": "", "axis_titles": {}, "depth": len(self.stack)}
        if self.chart is not None:
            if tag == "g" and "axis" in classes:
                self.chart["axes"].update(c for c in classes if c.startswith("axis-"))
            if tag == "g" and "series" in classes:
                self.chart["series"] += 1
            if tag == "title" and len(self.stack) == self.chart["depth"] + 1:
                self.text_target = ("title", None)
            if tag == "text":
                self.text_target = ("text", classes)
                self.chart["texts"].append("")
        if tag not in ("meta", "br", "img", "input", "link", "hr") and not tag.endswith("/"):
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        while self.stack:
            t = self.stack.pop()
            if t == tag:
                break
        if tag in ("text", "title"):
            if self.text_target and self.text_target[0] == "text" and "source-note" in (self.text_target[1] or []):
                self.chart["note"] = self.chart["texts"][-1]
            if self.text_target and self.text_target[0] == "text":
                for c in self.text_target[1] or []:
                    if c.startswith("axis-title-"):
                        self.chart["axis_titles"][c[len("axis-title-"):]] = self.chart["texts"][-1]
            self.text_target = None
        if tag == "svg" and self.chart is not None and len(self.stack) == self.chart["depth"]:
            self.charts.append(self.chart)
            self.chart = None

    def handle_data(self, data):
        if self.chart is None or not self.text_target:
            return
        if self.text_target[0] == "title":
            self.chart["title"] += data
        else:
            self.chart["texts"][-1] += data


# ---------------------------------------------------------------- Chromium
def chromium(binary, workdir, *args):
    cmd = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--hide-scrollbars", "--no-first-run", "--no-default-browser-check", "--disable-crash-reporter",
           f"--user-data-dir={os.path.join(workdir, 'chromium-profile')}", *args]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    if r.returncode != 0:
        raise RuntimeError(f"chromium exited {r.returncode}: {r.stderr[-2000:]}")
    return r.stdout


class Checks:
    def __init__(self):
        self.passed, self.failed = 0, 0

    def check(self, ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        return ok


PALETTE = {"#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442"}


def series_colours_and_plot(svg):
    """Okabe–Ito colours used inside the chart's series groups, and its plot rectangle."""
    colours, plot = set(), None
    for g in svg.iter(SVG_NS + "g"):
        cls = (g.get("class") or "").split()
        if "plot" in cls:
            plot = tuple(float(g.get(k)) for k in ("data-x", "data-y", "data-width", "data-height"))
        if "series" in cls:
            colours |= {e.get(a).upper() for e in g.iter() for a in ("fill", "stroke") if (e.get(a) or "").upper() in PALETTE
                        and float(e.get("fill-opacity") or 1) == 1}
    return colours, plot


def chart_png_checks(checks, png, label, svg):
    colours, plot = series_colours_and_plot(svg)
    w, h, rgb = read_png(png)
    counts = colour_counts(rgb)
    total = w * h
    background = counts.most_common(1)[0]
    ink = total - background[1]
    dark = sum(n for c, n in counts.items() if max(c) < 90)
    # Series colours must be painted inside the plot rectangle (legend swatches do not count).
    x0, y0, pw, ph = (int(v) for v in plot) if plot else (0, 0, w, h)
    inside = Counter()
    for y in range(max(0, y0), min(h, y0 + ph)):
        row = rgb[(y * w + x0) * 3:(y * w + min(w, x0 + pw)) * 3]
        inside.update(zip(row[0::3], row[1::3], row[2::3]))
    painted = [c for c in sorted(colours) if sum(n for px, n in inside.items() if near(px, hex_rgb(c))) >= 30]
    checks.check(len(counts) > 1, f"{label}: PNG {w}×{h} is not a single colour ({len(counts)} colours)")
    checks.check(ink / total >= 0.02, f"{label}: ink covers {100 * ink / total:.1f}% of the image (≥ 2%)")
    checks.check(dark >= 400, f"{label}: {dark} dark (text/axis) pixels painted (≥ 400)")
    checks.check(bool(colours) and len(painted) == len(colours),
                 f"{label}: series colours painted in the plot: {', '.join(painted) or 'none'} of {', '.join(sorted(colours)) or 'none'}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chromium", required=True)
    ap.add_argument("--report", required=True)
    ap.add_argument("--out", required=True, help="folder for PNGs, DOM dump and PDF")
    ap.add_argument("--expect-kinds", default="fan,bom,tornado,vendors,vintage")
    ap.add_argument("--charts", nargs="*", default=[], help="standalone .svg files from `memcast chart`")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    checks = Checks()
    report_url = "file://" + os.path.abspath(args.report)
    expected = args.expect_kinds.split(",")

    # 1. The file itself: well-formed XML, sections, inline charts.
    tree = ET.parse(args.report)
    svgs = [e for e in tree.iter(SVG_NS + "svg") if "memcast-chart" in (e.get("class") or "").split()]
    sections = [e.get("id") for e in tree.iter("section")]
    checks.check(sections == EXPECTED_SECTIONS, f"report sections {sections}")
    checks.check(not any(e.tag == "script" or e.tag.endswith("}script") for e in tree.iter()), "report has no <script>")

    # 2. The browser's DOM.
    dom = chromium(args.chromium, args.out, "--dump-dom", report_url)
    open(os.path.join(args.out, "report.dom.html"), "w").write(dom)
    parser = DomCharts()
    parser.feed(dom)
    checks.check(parser.sections == EXPECTED_SECTIONS, f"DOM sections {parser.sections}")
    kinds = [c["kind"] for c in parser.charts]
    checks.check(len(parser.charts) == len(svgs), f"DOM holds all {len(svgs)} inline charts ({len(parser.charts)} found)")
    for k in expected:
        checks.check(k in kinds, f"chart kind '{k}' present in the DOM")
    for c in parser.charts:
        label = f"chart {c['id']} ({c['kind']})"
        tick_texts = [t for t in c["texts"] if t.strip()]
        checks.check(bool(c["title"].strip()), f"{label}: titled '{c['title'].strip()}'")
        checks.check({"axis-x", "axis-y"} <= c["axes"], f"{label}: both axes ({', '.join(sorted(c['axes']))})")
        checks.check(c["series"] >= 1, f"{label}: {c['series']} series")
        checks.check(len(tick_texts) >= 6, f"{label}: {len(tick_texts)} text labels")
        checks.check("as of" in c["note"], f"{label}: source note '{c['note']}'")
        if c["kind"] == "vintage":
            # The vintage chart's lower panel: TrendForce's first-quarter DRAM call on its own labelled y axis.
            y2 = c["axis_titles"].get("y2", "")
            checks.check("axis-y2" in c["axes"] and "DRAM contract price call" in y2 and "%" in y2,
                         f"{label}: second panel with its own y axis titled '{y2}'")
            checks.check(any("DRAM call" in t for t in c["texts"]), f"{label}: the DRAM call is in the legend")

    # 3. Each chart alone, rendered to PNG.
    for i, svg in enumerate(svgs):
        w, h = int(float(svg.get("width"))), int(float(svg.get("height")))
        path = os.path.join(args.out, f"report-chart-{i + 1}-{svg.get('data-kind')}.svg")
        ET.register_namespace("", SVG_NS[1:-1])
        ET.ElementTree(svg).write(path, encoding="utf-8", xml_declaration=True)
        png = path[:-4] + ".png"
        chromium(args.chromium, args.out, f"--screenshot={png}", f"--window-size={w},{h}", "file://" + os.path.abspath(path))
        chart_png_checks(checks, png, f"report chart {i + 1} ({svg.get('data-kind')})", svg)
    for path in args.charts:
        root = ET.parse(path).getroot()
        checks.check(root.tag == SVG_NS + "svg" and "memcast-chart" in (root.get("class") or ""), f"{os.path.basename(path)}: well-formed memcast SVG")
        w, h = int(float(root.get("width"))), int(float(root.get("height")))
        png = os.path.join(args.out, os.path.basename(path)[:-4] + ".png")
        chromium(args.chromium, args.out, f"--screenshot={png}", f"--window-size={w},{h}", "file://" + os.path.abspath(path))
        chart_png_checks(checks, png, os.path.basename(path), root)

    # 4. The whole page on screen and in print.
    page_h = 400 + sum(int(float(s.get("height"))) + 80 for s in svgs) + 40 * sum(1 for _ in tree.iter("tr"))
    png = os.path.join(args.out, "report.png")
    chromium(args.chromium, args.out, f"--screenshot={png}", f"--window-size=1000,{page_h}", report_url)
    w, h, rgb = read_png(png)
    counts = colour_counts(rgb)
    checks.check(len(counts) > 50, f"report page PNG {w}×{h}: {len(counts)} colours")
    palette_seen = [c for c in ("#0072B2", "#D55E00", "#009E73", "#E69F00", "#56B4E9") if any(near(px, hex_rgb(c)) and n >= 50 for px, n in counts.items())]
    checks.check(len(palette_seen) >= 3, f"report page shows palette colours {palette_seen}")
    pdf = os.path.join(args.out, "report.pdf")
    chromium(args.chromium, args.out, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", report_url)
    body = open(pdf, "rb").read()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", body))
    checks.check(body[:5] == b"%PDF-" and pages >= 1, f"printed to PDF: {pages} pages, {len(body)} bytes")

    print(f"browser: {checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
