/// Input of the vendor bar chart: a forecast change per SoC vendor with its
/// interval, and the figures trackers published for the same quantity.
public struct VendorBarsData: Sendable, Equatable {
    public struct Published: Sendable, Equatable {
        /// Who published it and when, e.g. `Counterpoint 2026-01`.
        public var source: String
        public var value: Double
        public init(source: String, value: Double) { self.source = source; self.value = value }
    }

    public struct Vendor: Sendable, Equatable {
        public var name: String
        public var model: QuantileBand
        public var published: [Published]
        public init(name: String, model: QuantileBand, published: [Published] = []) {
            self.name = name; self.model = model; self.published = published
        }
    }

    public var title: String
    /// Unit and measure, e.g. `2026 shipments, % YoY`.
    public var unit: String
    public var vendors: [Vendor]
    public var source: ChartSource

    public init(title: String, unit: String, vendors: [Vendor], source: ChartSource) {
        self.title = title; self.unit = unit; self.vendors = vendors; self.source = source
    }
}

/// Horizontal bars per vendor at the model's p50 with a p05–p95 whisker; each
/// publisher's figure is a marker on a line just below the bar, so model and
/// published numbers sit side by side without hiding each other.
public enum VendorBarsChart {
    public static let modelColor = OkabeIto.blue
    static let publishedColors = [OkabeIto.vermillion, OkabeIto.bluishGreen, OkabeIto.reddishPurple, OkabeIto.orange]

    /// - Throws: `ChartError.noData` without vendors; `nonFinite`/`quantilesOutOfOrder` for bad values.
    public static func make(_ data: VendorBarsData, style: ChartStyle = .standard, id: String = "vendors") throws -> Chart {
        guard !data.vendors.isEmpty else { throw ChartError.noData(chart: .vendors, what: "'\(data.title)': no vendors") }
        var lo = 0.0, hi = 0.0
        var publishers: [String] = []
        for v in data.vendors {
            try ChartError.checkQuantiles(.vendors, v.name, "model", v.model)
            lo = min(lo, v.model.p05); hi = max(hi, v.model.p95)
            for p in v.published {
                try ChartError.check(.vendors, v.name, p.source, p.value)
                lo = min(lo, p.value); hi = max(hi, p.value)
                if !publishers.contains(p.source) { publishers.append(p.source) }
            }
        }
        let ticks = NiceTicks(lower: lo, upper: hi, target: 6, includeZero: true)
        let tickLabels = ChartAxis.tickLabels(ticks)
        var legend = [
            LegendItem(label: "memcast p50", swatch: .box(color: modelColor)),
            LegendItem(label: "p05–p95", swatch: .interval(color: style.textColor)),
        ]
        let shapes: [MarkerShape] = [.diamond, .triangle, .square, .circle]
        for (k, p) in publishers.enumerated() {
            legend.append(LegendItem(label: p, swatch: .marker(shapes[k % shapes.count], color: publishedColors[k % publishedColors.count])))
        }
        let style = RowLayout.style(style, rows: data.vendors.count, minRow: publishers.isEmpty ? 26 : 36)
        let names = data.vendors.map(\.name)
        let frame = ChartFrame(kind: .vendors, id: id, title: data.title, subtitle: "memcast forecast with 90% interval; published figures marked below each bar",
                               source: data.source, style: style, legend: legend, yTitle: nil, xTitle: data.unit)
        let plot = frame.plotArea(leftLabels: ChartAxis.labelWidth(names, style: style), right: 56)
        let x = LinearScale(domain: ticks.lower...ticks.upper, range: (plot.x, plot.right))
        let row = plot.height / Double(data.vendors.count)
        var body = [ChartAxis.xLinear(x, ticks: ticks, labels: tickLabels, plot: plot, style: style)]
        body.append(ChartAxis.yCategories(names, centers: data.vendors.indices.map { plot.y + (Double($0) + 0.5) * row }, plot: plot, style: style))

        var modelBars: [SVGElement] = []
        var publishedMarks: [SVGElement] = []
        for (i, v) in data.vendors.enumerated() {
            let top = plot.y + Double(i) * row
            let barH = min(publishers.isEmpty ? row * 0.6 : row * 0.42, 20)
            let barY = publishers.isEmpty ? top + (row - barH) / 2 : top + row * 0.12
            let cy = barY + barH / 2
            let q = v.model
            let labelX = max(x(q.p95), x(0)) + 6
            modelBars.append(SVG.group("bar", ["data-vendor": v.name], [
                SVG.rect(x: x(0), y: barY, width: x(q.p50) - x(0), height: barH, fill: modelColor, cls: "p50"),
                SVG.line(x(q.p05), cy, x(q.p95), cy, stroke: style.textColor, width: 1.5, cls: "interval"),
                SVG.line(x(q.p05), cy - 5, x(q.p05), cy + 5, stroke: style.textColor, width: 1.5, cls: "interval"),
                SVG.line(x(q.p95), cy - 5, x(q.p95), cy + 5, stroke: style.textColor, width: 1.5, cls: "interval"),
                SVG.text(ChartNumberFormat.format(q.p50, decimals: 1, signed: true), x: labelX, y: cy + (style.labelSize - 1) * 0.35,
                         size: style.labelSize - 1, fill: style.textColor, cls: "value-label"),
            ]))
            let my = barY + barH + min(row * 0.25, 10)
            for p in v.published {
                let k = publishers.firstIndex(of: p.source)!
                var m = SVG.marker(shapes[k % shapes.count], x: x(p.value), y: my, r: 5, fill: publishedColors[k % publishedColors.count])
                m.set("class", "published")
                m.set("data-source", p.source)
                m.append(SVGElement("title", text: "\(v.name): \(p.source) \(ChartNumberFormat.format(p.value, decimals: 1, signed: true))"))
                publishedMarks.append(m)
            }
        }
        body.append(SVG.group("series", ["data-series": "memcast"], modelBars))
        if !publishedMarks.isEmpty { body.append(SVG.group("series", ["data-series": "published"], publishedMarks)) }
        let description = "Bars of \(data.unit) by vendor (\(names.joined(separator: ", "))) with 90% intervals" +
            (publishers.isEmpty ? "." : "; published figures from \(publishers.joined(separator: ", ")).")
        return Chart(kind: .vendors, title: data.title, svg: frame.svg(plot: plot, body: body, description: description))
    }
}
