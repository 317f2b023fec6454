/// Input of a fan chart: one or more series, each with history and a forecast band.
public struct FanChartData: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        /// Name as shown in the legend, e.g. `DRAM contract` or `entry`.
        public var name: String
        /// Observed values, oldest first (may be empty).
        public var history: [LabeledValue]
        /// Forecast quantiles, in period order after the history (at least one).
        public var forecast: [LabeledBand]
        public init(name: String, history: [LabeledValue], forecast: [LabeledBand]) {
            self.name = name; self.history = history; self.forecast = forecast
        }
    }

    public var title: String
    /// Unit of the values as the y axis shows it, e.g. `USD per GB`, `% QoQ`, `million units`.
    public var unit: String
    public var series: [Series]
    public var source: ChartSource
    /// Start the y axis at zero (levels such as shipments); off for changes and prices.
    public var includeZero: Bool
    /// Label of the x axis, e.g. `quarter`.
    public var periodName: String

    public init(title: String, unit: String, series: [Series], source: ChartSource,
                includeZero: Bool = false, periodName: String = "quarter") {
        self.title = title; self.unit = unit; self.series = series; self.source = source
        self.includeZero = includeZero; self.periodName = periodName
    }
}

/// Fan chart: history as a solid line, the forecast median dashed, and the
/// p05–p95 range as a translucent band that opens from the last observation.
public enum FanChart {
    /// Draws `data`. Periods are placed in order of first appearance across series.
    /// - Throws: `ChartError.noData` when there is no series or a series has no
    ///   forecast; `nonFinite` / `quantilesOutOfOrder` for bad values.
    public static func make(_ data: FanChartData, style: ChartStyle = .standard, id: String = "fan") throws -> Chart {
        guard !data.series.isEmpty else { throw ChartError.noData(chart: .fan, what: "'\(data.title)': no series") }
        var periods: [String] = []
        var seen = Set<String>()
        var lo = Double.infinity, hi = -Double.infinity
        for s in data.series {
            guard !s.forecast.isEmpty else { throw ChartError.noData(chart: .fan, what: "'\(s.name)': no forecast periods") }
            for h in s.history {
                try ChartError.check(.fan, s.name, h.label, h.value)
                if seen.insert(h.label).inserted { periods.append(h.label) }
                lo = min(lo, h.value); hi = max(hi, h.value)
            }
            for f in s.forecast {
                try ChartError.checkQuantiles(.fan, s.name, f.label, f.band)
                if seen.insert(f.label).inserted { periods.append(f.label) }
                lo = min(lo, f.band.p05); hi = max(hi, f.band.p95)
            }
        }

        let single = data.series.count == 1
        var legend: [LegendItem] = []
        for (i, s) in data.series.enumerated() where !single {
            legend.append(LegendItem(label: s.name, swatch: .box(color: ChartStyle.color(i))))
        }
        let hasHistory = data.series.contains { !$0.history.isEmpty }
        let lineColor = single ? ChartStyle.color(0) : style.mutedColor
        if hasHistory { legend.append(LegendItem(label: "history", swatch: .line(color: single ? OkabeIto.black : lineColor, dash: nil))) }
        legend.append(LegendItem(label: "forecast p50", swatch: .line(color: lineColor, dash: "6 4")))
        legend.append(LegendItem(label: "p05–p95", swatch: .band(color: lineColor, opacity: 0.25)))

        let ticks = NiceTicks(lower: lo, upper: hi, target: 5, includeZero: data.includeZero)
        let labels = ChartAxis.tickLabels(ticks)
        let frame = ChartFrame(kind: .fan, id: id, title: data.title, subtitle: single ? data.series[0].name : nil,
                               source: data.source, style: style, legend: legend,
                               yTitle: data.unit, xTitle: data.periodName)
        let endLabelWidth = data.series.map { s in
            TextMetrics.width(ChartNumberFormat.format(s.forecast.last!.band.p50, decimals: max(1, ticks.decimals)), size: style.labelSize)
        }.max() ?? 0
        let plot = frame.plotArea(leftLabels: ChartAxis.labelWidth(labels, style: style), right: endLabelWidth + 16)
        let y = LinearScale(domain: ticks.lower...ticks.upper, range: (plot.bottom, plot.y))
        let stepX = plot.width / Double(periods.count)
        let index = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1, $0) })
        func x(_ label: String) -> Double { plot.x + (Double(index[label]!) + 0.5) * stepX }

        var body: [SVGElement] = [ChartAxis.yLinear(y, ticks: ticks, labels: labels, plot: plot, style: style)]
        body.append(ChartAxis.xCategories(periods, centers: periods.map(x), plot: plot, style: style))

        // Where the forecast begins: after the last observed period of any series.
        if let lastObserved = data.series.compactMap({ $0.history.last.map { index[$0.label]! } }).max() {
            let bx = plot.x + (Double(lastObserved) + 0.5) * stepX
            body.append(SVG.group("forecast-start", [
                SVG.line(bx, plot.y, bx, plot.bottom, stroke: style.mutedColor, dash: "2 3"),
                SVG.text("forecast →", x: bx + 4, y: plot.y + style.labelSize, size: style.labelSize - 1, fill: style.mutedColor),
            ]))
        }

        let endDecimals = max(1, ticks.decimals)
        let endYs = EndLabels.spread(data.series.map { y($0.forecast.last!.band.p50) }, gap: style.labelSize + 2, maxY: plot.bottom)
        for (i, s) in data.series.enumerated() {
            let color = ChartStyle.color(i)
            var parts: [SVGElement] = []
            // The band and the median start at the last observation so the fan opens from it.
            let anchor = s.history.last.map { (x($0.label), y($0.value)) }
            var upper = s.forecast.map { (x($0.label), y($0.band.p95)) }
            var lower = s.forecast.map { (x($0.label), y($0.band.p05)) }
            if let anchor { upper.insert(anchor, at: 0); lower.insert(anchor, at: 0) }
            var band = SVGElement("path", ["d": SVG.pathData(upper + lower.reversed(), closed: true),
                                           "fill": color, "fill-opacity": single ? "0.25" : "0.18", "stroke": "none"])
            band.set("class", "band")
            parts.append(band)
            if !s.history.isEmpty {
                let pts = s.history.map { (x($0.label), y($0.value)) }
                parts.append(SVG.polyline(pts, stroke: single ? OkabeIto.black : color, width: 2.25, cls: "history"))
                if pts.count == 1 { parts.append(SVG.marker(.circle, x: pts[0].0, y: pts[0].1, r: 3, fill: single ? OkabeIto.black : color)) }
            }
            var median = s.forecast.map { (x($0.label), y($0.band.p50)) }
            if let anchor { median.insert(anchor, at: 0) }
            parts.append(SVG.polyline(median, stroke: color, width: 2.25, dash: "6 4", cls: "p50"))
            if median.count == 1 { parts.append(SVG.marker(.circle, x: median[0].0, y: median[0].1, r: 3.5, fill: color)) }
            let last = s.forecast.last!
            parts.append(SVG.text(ChartNumberFormat.format(last.band.p50, decimals: endDecimals),
                                  x: x(last.label) + 8, y: endYs[i] + style.labelSize * 0.35,
                                  size: style.labelSize, fill: color == OkabeIto.yellow ? style.textColor : color, cls: "end-label"))
            body.append(SVG.group("series", ["data-series": s.name], parts))
        }

        let description = "Fan chart of \(data.series.map(\.name).joined(separator: ", ")) in \(data.unit): history, forecast median and 90% interval, \(periods.first!) to \(periods.last!)."
        return Chart(kind: .fan, title: data.title, svg: frame.svg(plot: plot, body: body, description: description))
    }
}
