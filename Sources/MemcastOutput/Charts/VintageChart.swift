/// Input of the vintage chart: successive values of one forecast, each as
/// known on an as-of date (a tracker's revisions, or memcast re-run `--as-of`
/// each month).
public struct VintageChartData: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        /// As-of or publication date, `YYYY-MM-DD` or `YYYY-MM`.
        public var asOf: String
        public var value: Double
        /// p05–p95 when the value is a memcast forecast (drawn as an error bar).
        public var interval: QuantileBand?
        public init(asOf: String, value: Double, interval: QuantileBand? = nil) {
            self.asOf = asOf; self.value = value; self.interval = interval
        }
    }

    public struct Series: Sendable, Equatable {
        public var name: String
        public var points: [Point]
        /// Published figures hold until revised, so they are drawn as steps; model runs as lines.
        public var isPublished: Bool
        public init(name: String, points: [Point], isPublished: Bool) {
            self.name = name; self.points = points; self.isPublished = isPublished
        }
    }

    public var title: String
    /// Unit of the values, e.g. `% YoY`.
    public var unit: String
    public var series: [Series]
    public var source: ChartSource

    public init(title: String, unit: String, series: [Series], source: ChartSource) {
        self.title = title; self.unit = unit; self.series = series; self.source = source
    }
}

/// Vintage chart: x is the as-of date (month ticks), y the forecast value; each
/// series a line (model, with p05–p95 error bars) or a step line (published).
public enum VintageChart {
    /// - Throws: `ChartError.noData` without points, `badDate` for an unreadable date, `nonFinite` for NaN/∞.
    public static func make(_ data: VintageChartData, style: ChartStyle = .standard, id: String = "vintage") throws -> Chart {
        guard data.series.contains(where: { !$0.points.isEmpty }) else {
            throw ChartError.noData(chart: .vintage, what: "'\(data.title)': no vintages")
        }
        var parsed: [[(CivilDate, VintageChartData.Point)]] = []
        var lo = Double.infinity, hi = -Double.infinity
        for s in data.series {
            var pts: [(CivilDate, VintageChartData.Point)] = []
            for p in s.points {
                guard let d = CivilDate(p.asOf) else { throw ChartError.badDate(chart: .vintage, series: s.name, label: p.asOf) }
                try ChartError.check(.vintage, s.name, p.asOf, p.value)
                if let q = p.interval { try ChartError.checkQuantiles(.vintage, s.name, p.asOf, q); lo = min(lo, q.p05); hi = max(hi, q.p95) }
                lo = min(lo, p.value); hi = max(hi, p.value)
                pts.append((d, p))
            }
            parsed.append(pts.sorted { $0.0 < $1.0 })
        }
        let dates = parsed.flatMap { $0.map(\.0) }
        let first = dates.min()!, last = dates.max()!
        // Month ticks from the month of the first date to the month after the last, every k months.
        let months = (last.year * 12 + last.month) - (first.year * 12 + first.month) + 1
        let stride = [1, 2, 3, 6, 12, 24].first { (months + $0 - 1) / $0 <= 8 } ?? 24
        var tickDates: [CivilDate] = []
        var k = 0
        while true {
            let d = CivilDate(year: first.year, month: first.month, day: 1).monthStart(adding: k)
            tickDates.append(d)
            if d > last { break }
            k += stride
        }
        let ticks = NiceTicks(lower: lo, upper: hi, target: 5)
        let labels = ChartAxis.tickLabels(ticks)
        var legend: [LegendItem] = []
        for (i, s) in data.series.enumerated() {
            legend.append(LegendItem(label: s.isPublished ? "\(s.name) (published)" : s.name,
                                     swatch: s.isPublished ? .marker(.diamond, color: ChartStyle.color(i)) : .line(color: ChartStyle.color(i), dash: nil)))
        }
        if data.series.contains(where: { $0.points.contains { $0.interval != nil } }) {
            legend.append(LegendItem(label: "memcast p05–p95", swatch: .interval(color: style.textColor)))
        }
        let frame = ChartFrame(kind: .vintage, id: id, title: data.title, subtitle: "Each point is the forecast as known on that date",
                               source: data.source, style: style, legend: legend, yTitle: data.unit, xTitle: "as-of date")
        let plot = frame.plotArea(leftLabels: ChartAxis.labelWidth(labels, style: style), right: 56)
        let x = LinearScale(domain: Double(tickDates.first!.dayNumber)...Double(tickDates.last!.dayNumber), range: (plot.x + 8, plot.right - 8))
        let y = LinearScale(domain: ticks.lower...ticks.upper, range: (plot.bottom, plot.y))
        var body = [ChartAxis.yLinear(y, ticks: ticks, labels: labels, plot: plot, style: style)]
        body.append(ChartAxis.xCategories(tickDates.map(\.monthLabel), centers: tickDates.map { x(Double($0.dayNumber)) }, plot: plot, style: style))

        let endYs = EndLabels.spread(parsed.map { $0.last.map { y($0.1.value) } ?? plot.y }, gap: style.labelSize + 2, maxY: plot.bottom)
        for (i, s) in data.series.enumerated() {
            let color = ChartStyle.color(i)
            let pts = parsed[i].map { (x(Double($0.0.dayNumber)), y($0.1.value)) }
            var parts: [SVGElement] = []
            for (d, p) in parsed[i] {
                guard let q = p.interval else { continue }
                let px = x(Double(d.dayNumber))
                parts.append(SVG.line(px, y(q.p05), px, y(q.p95), stroke: color, width: 1.5, cls: "interval"))
            }
            if s.isPublished {
                // A published figure stands until the next revision: horizontal, then vertical.
                var steps: [(Double, Double)] = []
                for (j, p) in pts.enumerated() {
                    if j > 0 { steps.append((p.0, pts[j - 1].1)) }
                    steps.append(p)
                }
                if pts.count > 1 { parts.append(SVG.polyline(steps, stroke: color, width: 2, dash: "5 3", cls: "line")) }
                parts += pts.map { SVG.marker(.diamond, x: $0.0, y: $0.1, r: 4.5, fill: color) }
            } else {
                if pts.count > 1 { parts.append(SVG.polyline(pts, stroke: color, width: 2.25, cls: "line")) }
                parts += pts.map { SVG.marker(.circle, x: $0.0, y: $0.1, r: 3.5, fill: color) }
            }
            if let lastPoint = parsed[i].last {
                parts.append(SVG.text(ChartNumberFormat.format(lastPoint.1.value, decimals: max(1, ticks.decimals)),
                                      x: pts.last!.0 + 8, y: endYs[i] + style.labelSize * 0.35, size: style.labelSize,
                                      fill: color == OkabeIto.yellow ? style.textColor : color, cls: "end-label"))
            }
            body.append(SVG.group("series", ["data-series": s.name], parts))
        }
        let description = "Vintage chart of \(data.series.map(\.name).joined(separator: ", ")) in \(data.unit), as-of dates \(first.monthLabel) to \(last.monthLabel)."
        return Chart(kind: .vintage, title: data.title, svg: frame.svg(plot: plot, body: body, description: description))
    }
}
