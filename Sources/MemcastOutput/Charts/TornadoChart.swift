/// Input of a tornado chart: how one output moves when each input, alone, goes
/// from its p05 to its p95 while every other input stays at its median.
public struct TornadoData: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        /// Input or parameter name, as the scenario file spells it.
        public var name: String
        /// Output value with this input at its p05, and at its p95.
        public var outputAtLow: Double
        public var outputAtHigh: Double
        public init(name: String, outputAtLow: Double, outputAtHigh: Double) {
            self.name = name; self.outputAtLow = outputAtLow; self.outputAtHigh = outputAtHigh
        }
        /// Total swing `|high − low|`, the sort key.
        public var swing: Double { abs(outputAtHigh - outputAtLow) }
    }

    public var title: String
    /// What is measured, e.g. `2026 global shipments`.
    public var output: String
    /// Unit of the output, e.g. `% YoY`.
    public var unit: String
    /// Output with every input at its median.
    public var baseline: Double
    public var bars: [Bar]
    public var source: ChartSource

    public init(title: String, output: String, unit: String, baseline: Double, bars: [Bar], source: ChartSource) {
        self.title = title; self.output = output; self.unit = unit; self.baseline = baseline
        self.bars = bars; self.source = source
    }
}

/// Tornado chart: one horizontal bar per input, widest swing on top, drawn from
/// the baseline to the output at the input's p05 (blue) and at its p95 (orange).
public enum TornadoChart {
    public static let lowColor = OkabeIto.blue
    public static let highColor = OkabeIto.orange

    /// - Throws: `ChartError.noData` without bars, `nonFinite` for NaN/∞.
    public static func make(_ data: TornadoData, style: ChartStyle = .standard, id: String = "tornado") throws -> Chart {
        guard !data.bars.isEmpty else { throw ChartError.noData(chart: .tornado, what: "'\(data.title)': no inputs") }
        try ChartError.check(.tornado, data.output, "baseline", data.baseline)
        for b in data.bars { try ChartError.check(.tornado, b.name, "p05/p95", b.outputAtLow, b.outputAtHigh) }
        // Stable sort: equal swings keep the caller's order.
        let bars = data.bars.enumerated().sorted { a, b in
            a.element.swing != b.element.swing ? a.element.swing > b.element.swing : a.offset < b.offset
        }.map(\.element)
        let lo = bars.map { min($0.outputAtLow, $0.outputAtHigh) }.min()!
        let hi = bars.map { max($0.outputAtLow, $0.outputAtHigh) }.max()!
        let ticks = NiceTicks(lower: min(lo, data.baseline), upper: max(hi, data.baseline), target: 6)
        let tickLabels = ChartAxis.tickLabels(ticks)
        let valueDecimals = max(1, ticks.decimals)
        let legend = [
            LegendItem(label: "input at its p05", swatch: .box(color: lowColor)),
            LegendItem(label: "input at its p95", swatch: .box(color: highColor)),
            LegendItem(label: "baseline (all inputs at p50): \(ChartNumberFormat.format(data.baseline, decimals: valueDecimals))",
                       swatch: .line(color: style.axisColor, dash: nil)),
        ]
        let names = bars.map(\.name)
        let style = RowLayout.style(style, rows: bars.count, minRow: 24)
        let frame = ChartFrame(kind: .tornado, id: id, title: data.title, subtitle: "Sensitivity of \(data.output): each input alone from its p05 to its p95",
                               source: data.source, style: style, legend: legend, yTitle: nil, xTitle: "\(data.output), \(data.unit)")
        let valueLabelWidth = TextMetrics.width("−" + ChartNumberFormat.format(max(abs(lo), abs(hi)), decimals: valueDecimals), size: style.labelSize - 1) + 8
        var plot = frame.plotArea(leftLabels: ChartAxis.labelWidth(names, style: style), right: 16 + valueLabelWidth)
        plot.x += valueLabelWidth; plot.width -= valueLabelWidth
        let x = LinearScale(domain: ticks.lower...ticks.upper, range: (plot.x, plot.right))
        let row = plot.height / Double(bars.count)
        var body = [ChartAxis.xLinear(x, ticks: ticks, labels: tickLabels, plot: plot, style: style)]
        var yAxis = ChartAxis.yCategories(names, centers: bars.indices.map { plot.y + (Double($0) + 0.5) * row }, plot: plot, style: style)
        // Names stand left of the value labels.
        shiftTexts(&yAxis, by: -valueLabelWidth)
        body.append(yAxis)

        var series: [SVGElement] = []
        for (i, b) in bars.enumerated() {
            let cy = plot.y + (Double(i) + 0.5) * row
            let h = min(row * 0.62, 22)
            var parts: [SVGElement] = []
            for (value, color, cls) in [(b.outputAtLow, lowColor, "low"), (b.outputAtHigh, highColor, "high")] {
                parts.append(SVG.rect(x: x(data.baseline), y: cy - h / 2, width: x(value) - x(data.baseline), height: h, fill: color, cls: cls))
            }
            // Value labels outside each bar end, on the side the bar points to.
            for value in [b.outputAtLow, b.outputAtHigh] where value != data.baseline {
                let right = value > data.baseline
                parts.append(SVG.text(ChartNumberFormat.format(value, decimals: valueDecimals), x: x(value) + (right ? 4 : -4),
                                      y: cy + (style.labelSize - 1) * 0.35, size: style.labelSize - 1,
                                      anchor: right ? "start" : "end", fill: style.textColor, cls: "value-label"))
            }
            if b.outputAtLow == data.baseline && b.outputAtHigh == data.baseline {
                // Drawn as nothing otherwise: say so, so a missing bar is not mistaken for a rendering fault.
                parts.append(SVG.text("no effect", x: x(data.baseline) + 6, y: cy + (style.labelSize - 1) * 0.35,
                                      size: style.labelSize - 1, fill: style.mutedColor, cls: "value-label"))
            }
            series.append(SVG.group("bar", ["data-input": b.name], parts))
        }
        body.append(SVG.group("series", ["data-series": data.output], series))
        body.append(SVG.line(x(data.baseline), plot.y - 4, x(data.baseline), plot.bottom, stroke: style.axisColor, width: 1.5, cls: "baseline"))
        let description = "Tornado chart of \(data.output) in \(data.unit) for \(bars.count) inputs, baseline \(data.baseline)."
        return Chart(kind: .tornado, title: data.title, svg: frame.svg(plot: plot, body: body, description: description))
    }

    static func shiftTexts(_ g: inout SVGElement, by dx: Double) {
        for i in g.children.indices {
            if case .element(var e) = g.children[i], e.name == "text", let v = e.attribute("x").flatMap(Double.init) {
                e.set("x", SVG.n(v + dx)); g.children[i] = .element(e)
            }
        }
    }
}

/// Height of row-based charts (tornado, vendors): grows the figure so each row gets at least `minRow` px.
enum RowLayout {
    /// Fixed height of everything but the plot (header, legend, axis labels, note) at the standard sizes, px.
    static let overhead = 190.0

    static func style(_ style: ChartStyle, rows: Int, minRow: Double) -> ChartStyle {
        var s = style
        s.height = max(style.height, overhead + Double(rows) * minRow)
        return s
    }
}
