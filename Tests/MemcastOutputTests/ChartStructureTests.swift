import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import MemcastOutput

/// Golden STRUCTURE tests: every chart parses as XML and has the parts a reader
/// needs (title, axes, series, labels, source note). No byte snapshots, so
/// layout tweaks do not break them; breaking a part does.
@Suite struct ChartStructureTests {
    static let allCharts: [(String, () throws -> Chart)] = [
        ("fan", { try FanChart.make(ChartSamples.fan) }),
        ("fan2", { try FanChart.make(ChartSamples.fanTwoSeries) }),
        ("bom", { try BOMBarsChart.make(ChartSamples.bom) }),
        ("tornado", { try TornadoChart.make(ChartSamples.tornado) }),
        ("vendors", { try VendorBarsChart.make(ChartSamples.vendors) }),
        ("vintage", { try VintageChart.make(ChartSamples.vintage) }),
        ("vintage2", { try VintageChart.make(ChartSamples.vintageTwoPanels) }),
    ]

    // Properties every chart shares: well-formed, titled, both axes with ≥ 3
    // tick labels, a source note naming datasets and as-of, no script and no
    // external reference, system fonts only, Okabe–Ito colours only.
    @Test(arguments: allCharts.map(\.0))
    func commonStructure(name: String) throws {
        let chart = try Self.allCharts.first { $0.0 == name }!.1()
        let svg = try SVGInspector(chart.svgDocument())
        #expect(svg.root.name == "svg")
        #expect(svg.root.attr("xmlns") == "http://www.w3.org/2000/svg" || svg.root.uri == "http://www.w3.org/2000/svg")
        #expect(svg.root.attr("data-kind") == chart.kind.rawValue)
        #expect(svg.root.attr("viewBox")?.hasPrefix("0 0 800 ") == true)
        #expect(svg.title == chart.title && !chart.title.isEmpty)
        #expect(svg.texts(cls: "chart-title") == [chart.title])
        let note = svg.texts(cls: "source-note")
        #expect(note.count == 1)
        #expect(note.first?.contains("as of 2026-02-28") == true)
        #expect(note.first?.contains("memory_prices, handset_market") == true)
        for axis in ["axis-x", "axis-y"] {
            let g = svg.elements("g", cls: axis)
            #expect(g.count == 1, "\(axis) missing")
            #expect(g.first.map { $0.elements(forName: "line").count } ?? 0 >= 1)
        }
        let numericAxis = chart.kind == .tornado || chart.kind == .vendors ? "axis-x" : "axis-y"
        let tickLabels = svg.elements("g", cls: numericAxis).first?.elements(forName: "text") ?? []
        #expect(tickLabels.count >= 3)
        #expect(!svg.texts(cls: "axis-title").isEmpty || chart.kind == .tornado || chart.kind == .vendors)
        #expect(svg.elements("script").isEmpty)
        #expect(svg.elements("foreignObject").isEmpty)
        #expect(!chart.svgDocument().contains("href"))
        #expect(!chart.svgDocument().contains("@import") && !chart.svgDocument().contains("url("))
        #expect(svg.root.attr("font-family")?.contains("sans-serif") == true)
        let allowed = Set(ChartStyle.palette + [OkabeIto.black, "#ffffff", "#1a1a1a", "#555555", "#dddddd", "#333333", "#bbbbbb", "none"])
        for e in svg.elements() {
            for a in ["fill", "stroke"] { if let c = e.attr(a) { #expect(allowed.contains(c), "colour \(c) on <\(e.name ?? "")>") } }
        }
    }

    // Every label lies inside the figure, judged with the same width estimate
    // the layout uses: a clipped label (a long input name, an end label) fails.
    @Test(arguments: allCharts.map(\.0))
    func labelsInsideFigure(name: String) throws {
        let chart = try Self.allCharts.first { $0.0 == name }!.1()
        let svg = try SVGInspector(chart.svgDocument())
        let width = svg.root.double("width")!, height = svg.root.double("height")!
        for t in svg.elements("text") {
            let x = t.double("x")!, y = t.double("y")!
            let size = t.double("font-size") ?? 13
            let w = TextMetrics.width(t.stringValue ?? "", size: size)
            let left: Double
            switch t.attr("text-anchor") {
            case "end": left = x - w
            case "middle": left = x - w / 2
            default: left = x
            }
            #expect(left >= 0 && left + w <= width + 0.5, "'\(t.stringValue ?? "")' spans \(left)…\(left + w) of \(width)")
            #expect(y - size >= 0 && y <= height, "'\(t.stringValue ?? "")' at y \(y)")
        }
    }

    // Fan: one series group per input series, each with a band, a dashed
    // median and a history line; the y axis covers every p05 and p95.
    @Test func fanSeriesBandsAndAxisRange() throws {
        for data in [ChartSamples.fan, ChartSamples.fanTwoSeries] {
            let svg = try SVGInspector(try FanChart.make(data).svgDocument())
            let series = svg.elements("g", cls: "series")
            #expect(series.map { $0.attr("data-series") } == data.series.map(\.name))
            #expect(svg.elements("path", cls: "band").count == data.series.count)
            #expect(svg.elements("path", cls: "p50").allSatisfy { $0.attr("stroke-dasharray") != nil })
            #expect(svg.elements("path", cls: "history").count == data.series.count)
            let ticks = svg.elements("g", cls: "axis-y").first!.elements(forName: "text").compactMap { Double(($0.stringValue ?? "").replacingOccurrences(of: "\u{2212}", with: "-")) }
            let p95 = data.series.flatMap { $0.forecast.map(\.band.p95) }.max()!
            let low = data.series.flatMap { $0.history.map(\.value) + $0.forecast.map(\.band.p05) }.min()!
            #expect(ticks.max()! >= p95 && ticks.min()! <= low)
            // Every period label appears on the x axis (8 periods fit at 800 px).
            #expect(svg.elements("g", cls: "axis-x").first!.elements(forName: "text").map { $0.stringValue } ==
                    ["2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3", "2026Q4"])
        }
    }

    // Fan band geometry: the band path has (history anchor + n forecast) points
    // on each edge, so 2·(n+1) vertices for one series with history.
    @Test func fanBandOpensFromLastObservation() throws {
        let svg = try SVGInspector(try FanChart.make(ChartSamples.fan).svgDocument())
        let d = svg.elements("path", cls: "band").first!.attr("d")!
        #expect(d.filter { $0 == "M" || $0 == "L" }.count == 2 * (ChartSamples.fan.series[0].forecast.count + 1))
        #expect(d.hasSuffix("Z"))
    }

    // BOM: two series (before, after) × one bar per segment, two stacked
    // rects each; share labels equal 100·memory/(memory+non-memory), e.g.
    // entry after: 100·31/117 = 26.5%.
    @Test func bomBarsAndShareLabels() throws {
        let data = ChartSamples.bom
        let svg = try SVGInspector(try BOMBarsChart.make(data).svgDocument())
        #expect(svg.elements("g", cls: "series").map { $0.attr("data-series") } == ["2025", "2026Q2"])
        #expect(svg.elements("g", cls: "bar").count == 2 * data.segments.count)
        #expect(svg.elements("rect", cls: "memory").count == 2 * data.segments.count)
        #expect(svg.elements("rect", cls: "non-memory").count == 2 * data.segments.count)
        let shares = svg.texts(cls: "share-label")
        #expect(shares.contains("26.5%") && shares.contains("14.0%"))
        for name in data.segments.map(\.name) { #expect(svg.texts(cls: "tick-label").contains(name)) }
        // The memory rect of a bar is proportionally as tall as its cost.
        let after = svg.elements("g", cls: "series")[1].elements(forName: "g")[0]
        let rects = after.elements(forName: "rect")
        let hMem = rects[0].double("height")!, hOther = rects[1].double("height")!
        #expect(abs(hMem / hOther - 31.0 / 86.0) < 0.02)
    }

    // Tornado: bars sorted by swing, widest first; each has a low and a high
    // rect; the baseline is drawn.
    @Test func tornadoSortedBySwing() throws {
        let svg = try SVGInspector(try TornadoChart.make(ChartSamples.tornado).svgDocument())
        let order = svg.elements("g", cls: "bar").compactMap { $0.attr("data-input") }
        #expect(order == ["elasticity_entry", "replacement_cycle_months", "dram_1q26_qoq_pct", "pass_through_mid"])
        #expect(svg.elements("rect", cls: "low").count == 4 && svg.elements("rect", cls: "high").count == 4)
        #expect(svg.elements("line", cls: "baseline").count == 1)
        #expect(svg.texts(cls: "tick-label").contains("replacement_cycle_months"))
    }

    // Vendors: one model bar with interval per vendor, one marker per
    // published figure (5: Apple has none), both in the legend.
    @Test func vendorBarsIntervalsAndPublishedMarkers() throws {
        let data = ChartSamples.vendors
        let svg = try SVGInspector(try VendorBarsChart.make(data).svgDocument())
        #expect(svg.elements("g", cls: "bar").compactMap { $0.attr("data-vendor") } == data.vendors.map(\.name))
        #expect(svg.elements("line", cls: "interval").count == 3 * data.vendors.count)
        #expect(svg.elements(cls: "published").count == 5)
        #expect(svg.texts().contains("Counterpoint 2026-01"))
        #expect(svg.texts(cls: "value-label").contains("\u{2212}14.0"))
    }

    // Vintage: one series per input; model points have error bars; the x axis
    // labels months spanning every as-of date.
    @Test func vintageSeriesAndMonthAxis() throws {
        let svg = try SVGInspector(try VintageChart.make(ChartSamples.vintage).svgDocument())
        #expect(svg.elements("g", cls: "series").count == 2)
        #expect(svg.elements("line", cls: "interval").count == 5)
        let months = svg.elements("g", cls: "axis-x").first!.elements(forName: "text").compactMap(\.stringValue)
        #expect(months.first == "2025-09" && months.last == "2026-02")
    }

    // Two panels on one as-of axis: the lower panel has its own y axis (axis-y2) and
    // axis title in its unit; month labels appear once, under the lower panel; each
    // series is drawn inside its own panel; published ranges are bars spanning low–high.
    @Test func vintageSecondPanelHasItsOwnAxis() throws {
        let data = ChartSamples.vintageTwoPanels
        let svg = try SVGInspector(try VintageChart.make(data).svgDocument())
        #expect(svg.elements("g", cls: "series").compactMap { $0.attr("data-series") }
                == ["memcast 2026 shipments", "tracker call", "TrendForce 1Q26 DRAM call"])
        let y1 = try #require(svg.elements("g", cls: "axis-y").first), y2 = try #require(svg.elements("g", cls: "axis-y2").first)
        #expect(svg.elements("g", cls: "axis-y").count == 1 && svg.elements("g", cls: "axis-y2").count == 1)
        #expect(svg.texts(cls: "axis-title-y") == [data.panels[0].unit])
        #expect(svg.texts(cls: "axis-title-y2") == [data.panels[1].unit])
        // Each y axis line spans its panel; the lower panel lies below the upper one.
        func span(_ g: XMLElement) throws -> (top: Double, bottom: Double) {
            let line = try #require(g.elements(forName: "line").first { $0.attr("class") == "axis-line" })
            return (line.double("y1")!, line.double("y2")!)
        }
        let upper = try span(y1), lower = try span(y2)
        #expect(upper.bottom < lower.top)
        // Lower tick labels cover the calls' ranges (55…95).
        let lowerTicks = y2.elements(forName: "text").compactMap { $0.stringValue.flatMap { Double($0.replacingOccurrences(of: "\u{2212}", with: "-")) } }
        #expect((lowerTicks.min() ?? .infinity) <= 55 && (lowerTicks.max() ?? -.infinity) >= 95)
        // One x axis, under the lower panel, its months spanning every date in either panel
        // (the lower panel's last call, 2026-02-02, is past the upper panel's last date).
        let x = svg.elements("g", cls: "axis-x")
        #expect(x.count == 1)
        let months = x.first!.elements(forName: "text")
        #expect(months.first?.stringValue == "2025-09" && months.last?.stringValue == "2026-03")
        #expect(months.allSatisfy { $0.double("y")! > lower.bottom })
        // Markers (circles, and diamonds: class-less paths) of each series inside its panel.
        for g in svg.elements("g", cls: "series") {
            let (top, bottom) = g.attr("data-series") == "TrendForce 1Q26 DRAM call" ? lower : upper
            let diamonds = g.elements(forName: "path").filter { $0.attr("class") == nil }.map { p -> Double in
                let ys = (p.attr("d") ?? "").split(whereSeparator: { "MLZ ".contains($0) }).compactMap { Double($0) }.enumerated()
                    .filter { $0.offset % 2 == 1 }.map(\.element)
                return ys.reduce(0, +) / Double(max(1, ys.count))
            }
            let ys = g.elements(forName: "circle").compactMap { $0.double("cy") } + diamonds
            #expect(!ys.isEmpty)
            for y in ys { #expect(y >= top - 0.01 && y <= bottom + 0.01, "\(g.attr("data-series") ?? ""): y \(y)") }
        }
        let ranges = svg.elements("rect", cls: "range")
        #expect(ranges.count == 2)
        for r in ranges {
            #expect(r.double("y")! >= lower.top - 0.01 && r.double("y")! + r.double("height")! <= lower.bottom + 0.01)
        }
        // Ranges are as tall as low–high on the lower axis: 5 points each, the same height.
        #expect(abs(ranges[0].double("height")! - ranges[1].double("height")!) < 0.01)
        #expect(svg.texts().contains("published low–high") && svg.texts().contains("TrendForce 1Q26 DRAM call (published)"))
        #expect(svg.root.double("height")! > ChartStyle.standard.height)
    }

    // A panel without points is left out: the chart is drawn as one panel.
    @Test func vintageEmptySecondPanelIsDropped() throws {
        var data = ChartSamples.vintageTwoPanels
        data.panels[1].series[0].points = []
        let svg = try SVGInspector(try VintageChart.make(data).svgDocument())
        #expect(svg.elements("g", cls: "axis-y2").isEmpty && svg.texts(cls: "axis-title-y2").isEmpty)
        #expect(svg.elements("g", cls: "series").count == 2)
        #expect(svg.root.double("height") == ChartStyle.standard.height)
    }

    // Text that looks like markup stays text.
    @Test func titlesWithMarkupAreEscaped() throws {
        var data = ChartSamples.fan
        data.title = "DRAM <b>&</b> \"NAND\" 'spot'"
        data.series[0].name = "a<b"
        let chart = try FanChart.make(data)
        let svg = try SVGInspector(chart.svgDocument())
        #expect(svg.title == data.title)
        #expect(svg.elements("b").isEmpty)
        #expect(svg.elements("g", cls: "series").first?.attr("data-series") == "a<b")
    }

    @Test func badInputsThrowNamedErrors() {
        var fan = ChartSamples.fan
        fan.series[0].forecast = []
        #expect(throws: ChartError.noData(chart: .fan, what: "'DRAM contract': no forecast periods")) { try FanChart.make(fan) }
        fan = ChartSamples.fan
        fan.series[0].forecast[1].band = QuantileBand(p05: 8, p50: 7, p95: 9)
        #expect(throws: ChartError.quantilesOutOfOrder(chart: .fan, series: "DRAM contract", label: "2026Q2", p05: 8, p50: 7, p95: 9)) {
            try FanChart.make(fan)
        }
        fan = ChartSamples.fan
        fan.series[0].history[0].value = .nan
        #expect(throws: ChartError.nonFinite(chart: .fan, series: "DRAM contract", label: "2025Q1")) { try FanChart.make(fan) }
        var bom = ChartSamples.bom
        bom.segments[0].after.memoryUSD = -1
        #expect(throws: ChartError.negativeValue(chart: .bom, series: "entry", label: "2026Q2")) { try BOMBarsChart.make(bom) }
        bom.segments = []
        #expect(throws: ChartError.self) { try BOMBarsChart.make(bom) }
        var tornado = ChartSamples.tornado
        tornado.bars = []
        #expect(throws: ChartError.self) { try TornadoChart.make(tornado) }
        var vendors = ChartSamples.vendors
        vendors.vendors = []
        #expect(throws: ChartError.self) { try VendorBarsChart.make(vendors) }
        var vintage = ChartSamples.vintage
        vintage.series[1].points[0].asOf = "2025-02-30"
        #expect(throws: ChartError.badDate(chart: .vintage, series: "tracker call", label: "2025-02-30")) { try VintageChart.make(vintage) }
        vintage = ChartSamples.vintageTwoPanels
        vintage.panels[1].series[0].points[1].range = 90...Double.infinity
        #expect(throws: ChartError.nonFinite(chart: .vintage, series: "TrendForce 1Q26 DRAM call", label: "2026-02-02")) { try VintageChart.make(vintage) }
        vintage.panels = vintage.panels.map { var p = $0; p.series = p.series.map { var s = $0; s.points = []; return s }; return p }
        #expect(throws: ChartError.self) { try VintageChart.make(vintage) }
    }

    // Many rows make the figure taller rather than squeezing rows below legibility.
    @Test func manyTornadoRowsGrowTheFigure() throws {
        var data = ChartSamples.tornado
        data.bars = (0..<20).map { .init(name: "input_\($0)", outputAtLow: -6 - Double($0) / 10, outputAtHigh: -6 + Double($0) / 10) }
        let svg = try SVGInspector(try TornadoChart.make(data).svgDocument())
        #expect(svg.root.double("height")! >= 190 + 20 * 24)
    }
}
