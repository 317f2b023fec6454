/// Input of the BOM bar chart: per segment, the handset bill of materials split
/// into memory and everything else, before and after a scenario.
public struct BOMBarsData: Sendable, Equatable {
    /// One bar: memory and non-memory cost in USD per phone (both ≥ 0).
    public struct Stack: Sendable, Equatable {
        public var memoryUSD: Double
        public var nonMemoryUSD: Double
        public init(memoryUSD: Double, nonMemoryUSD: Double) {
            self.memoryUSD = memoryUSD; self.nonMemoryUSD = nonMemoryUSD
        }
        public var totalUSD: Double { memoryUSD + nonMemoryUSD }
        /// Memory share of BOM in percent: `100 · memory / (memory + non-memory)`.
        public var memorySharePct: Double { totalUSD > 0 ? 100 * memoryUSD / totalUSD : 0 }
    }

    public struct Segment: Sendable, Equatable {
        public var name: String
        public var before: Stack
        public var after: Stack
        public init(name: String, before: Stack, after: Stack) {
            self.name = name; self.before = before; self.after = after
        }
    }

    public var title: String
    /// Short labels under the two bars, e.g. `2025` and `2026Q2`.
    public var beforeLabel: String
    public var afterLabel: String
    public var segments: [Segment]
    public var source: ChartSource

    public init(title: String, beforeLabel: String, afterLabel: String, segments: [Segment], source: ChartSource) {
        self.title = title; self.beforeLabel = beforeLabel; self.afterLabel = afterLabel
        self.segments = segments; self.source = source
    }
}

/// Grouped, stacked bars: for each segment a "before" and an "after" bar, memory
/// stacked under non-memory cost, with the memory share of BOM written above.
/// The "before" bar is lighter, and each bar carries its label underneath, so
/// the pair reads without colour.
public enum BOMBarsChart {
    public static let memoryColor = OkabeIto.vermillion
    public static let nonMemoryColor = OkabeIto.skyBlue

    /// - Throws: `ChartError.noData` without segments; `nonFinite` for NaN/∞; `negativeValue` for costs below zero.
    public static func make(_ data: BOMBarsData, style: ChartStyle = .standard, id: String = "bom") throws -> Chart {
        guard !data.segments.isEmpty else { throw ChartError.noData(chart: .bom, what: "'\(data.title)': no segments") }
        var hi = 0.0
        for s in data.segments {
            for (label, st) in [(data.beforeLabel, s.before), (data.afterLabel, s.after)] {
                try ChartError.check(.bom, s.name, label, st.memoryUSD, st.nonMemoryUSD)
                guard st.memoryUSD >= 0, st.nonMemoryUSD >= 0 else {
                    throw ChartError.negativeValue(chart: .bom, series: s.name, label: label)
                }
                hi = max(hi, st.totalUSD)
            }
        }
        let legend = [
            LegendItem(label: "memory (DRAM + NAND)", swatch: .box(color: memoryColor)),
            LegendItem(label: "non-memory", swatch: .box(color: nonMemoryColor)),
            LegendItem(label: "lighter: \(data.beforeLabel), solid: \(data.afterLabel); % = memory share of BOM", swatch: .box(color: "#bbbbbb")),
        ]
        // Headroom for the share labels above the tallest bar.
        let ticks = NiceTicks(lower: 0, upper: hi * 1.08, target: 5, includeZero: true)
        let labels = ChartAxis.tickLabels(ticks)
        let frame = ChartFrame(kind: .bom, id: id, title: data.title, subtitle: "Bill of materials per phone by segment, \(data.beforeLabel) vs \(data.afterLabel)",
                               source: data.source, style: style, legend: legend, yTitle: "USD per phone", xTitle: "segment")
        let plot = frame.plotArea(leftLabels: ChartAxis.labelWidth(labels, style: style), xTickHeight: 22 + style.labelSize + 4)
        let y = LinearScale(domain: ticks.lower...ticks.upper, range: (plot.bottom, plot.y))
        let groupWidth = plot.width / Double(data.segments.count)
        let barWidth = min(56, groupWidth * 0.34)
        let gap = min(8, groupWidth * 0.06)

        var body: [SVGElement] = [ChartAxis.yLinear(y, ticks: ticks, labels: labels, plot: plot, style: style)]
        let centers = data.segments.indices.map { plot.x + (Double($0) + 0.5) * groupWidth }
        var xAxis = ChartAxis.xCategories(data.segments.map(\.name), centers: centers, plot: plot, style: style, ticks: false)
        // Segment names sit one row lower, under the per-bar labels.
        for i in xAxis.children.indices {
            if case .element(var e) = xAxis.children[i], e.name == "text", let yy = e.attribute("y"), let v = Double(yy) {
                e.set("y", SVG.n(v + style.labelSize + 4)); e.set("font-weight", "600")
                xAxis.children[i] = .element(e)
            }
        }
        body.append(xAxis)

        for (stackIndex, (label, opacity)) in [(data.beforeLabel, 0.5), (data.afterLabel, 1.0)].enumerated() {
            var bars: [SVGElement] = []
            for (i, s) in data.segments.enumerated() {
                let st = stackIndex == 0 ? s.before : s.after
                let x0 = centers[i] + (stackIndex == 0 ? -gap / 2 - barWidth : gap / 2)
                let yMem = y(st.memoryUSD), yTop = y(st.totalUSD)
                var bar = SVG.group("bar", ["data-segment": s.name], [
                    SVG.rect(x: x0, y: y(0), width: barWidth, height: yMem - y(0), fill: memoryColor, cls: "memory", opacity: opacity),
                    SVG.rect(x: x0, y: yMem, width: barWidth, height: yTop - yMem, fill: nonMemoryColor, cls: "non-memory", opacity: opacity),
                    SVG.text(ChartNumberFormat.format(st.memorySharePct, decimals: 1, suffix: "%"), x: x0 + barWidth / 2, y: yTop - 5,
                             size: style.labelSize - 1, anchor: "middle", fill: style.textColor, cls: "share-label"),
                    SVG.text(label, x: x0 + barWidth / 2, y: plot.bottom + 6 + style.labelSize, size: style.labelSize - 2,
                             anchor: "middle", fill: style.mutedColor, cls: "bar-label"),
                ])
                bar.set("data-memory-share-pct", SVG.n(st.memorySharePct))
                bars.append(bar)
            }
            body.append(SVG.group("series", ["data-series": label], bars))
        }
        let description = "Stacked bars of memory and non-memory BOM in USD per phone for \(data.segments.map(\.name).joined(separator: ", ")), \(data.beforeLabel) and \(data.afterLabel), memory share labelled."
        return Chart(kind: .bom, title: data.title, svg: frame.svg(plot: plot, body: body, description: description))
    }
}
