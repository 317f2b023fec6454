/// Input of the vintage chart: successive values of forecasts, each as known on
/// an as-of date (a tracker's revisions, or memcast re-run `--as-of` each
/// month). Figures in different units go in separate panels stacked on one
/// as-of axis, each with its own labelled y axis.
public struct VintageChartData: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        /// As-of or publication date, `YYYY-MM-DD` or `YYYY-MM`.
        public var asOf: String
        public var value: Double
        /// p05–p95 when the value is a memcast forecast (drawn as an error bar).
        public var interval: QuantileBand?
        /// Low–high when the value is the midpoint of a published range (drawn as a bar).
        public var range: ClosedRange<Double>?
        public init(asOf: String, value: Double, interval: QuantileBand? = nil, range: ClosedRange<Double>? = nil) {
            self.asOf = asOf; self.value = value; self.interval = interval; self.range = range
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

    /// One y axis: the unit of its values (its axis title) and the series drawn against it.
    public struct Panel: Sendable, Equatable {
        /// Unit of the values, e.g. `2026 global shipments, % change YoY`.
        public var unit: String
        public var series: [Series]
        public init(unit: String, series: [Series]) { self.unit = unit; self.series = series }
    }

    public var title: String
    /// Top to bottom; the first is the main panel.
    public var panels: [Panel]
    public var source: ChartSource

    public init(title: String, panels: [Panel], source: ChartSource) {
        self.title = title; self.panels = panels; self.source = source
    }

    /// One panel.
    public init(title: String, unit: String, series: [Series], source: ChartSource) {
        self.init(title: title, panels: [Panel(unit: unit, series: series)], source: source)
    }

    /// The main panel's unit.
    public var unit: String {
        get { panels.first?.unit ?? "" }
        set { panels[0].unit = newValue }
    }

    /// The main panel's series.
    public var series: [Series] {
        get { panels.first?.series ?? [] }
        set { panels[0].series = newValue }
    }
}

/// Vintage chart: x is the as-of date (month ticks), y the forecast value; each
/// series a line (model, with p05–p95 error bars) or a step line (published,
/// with its low–high range as a bar). A second panel below the first shares
/// the x axis and has its own y axis (`g.axis-y2`) and axis title.
public enum VintageChart {
    /// Height added to the figure for each panel after the first, px.
    static let extraPanelHeight = 190.0

    /// - Throws: `ChartError.noData` when no panel has a point, `badDate` for an unreadable
    ///   date, `nonFinite` for NaN/∞, `quantilesOutOfOrder` for a bad interval.
    public static func make(_ data: VintageChartData, style: ChartStyle = .standard, id: String = "vintage") throws -> Chart {
        // Panels without points are dropped; series keep their palette position across panels.
        var panels: [(panel: VintageChartData.Panel, firstColor: Int)] = []
        var colorIndex = 0
        for p in data.panels {
            if p.series.contains(where: { !$0.points.isEmpty }) { panels.append((p, colorIndex)) }
            colorIndex += p.series.count
        }
        guard !panels.isEmpty else {
            throw ChartError.noData(chart: .vintage, what: "'\(data.title)': no vintages")
        }
        var parsed: [[[(CivilDate, VintageChartData.Point)]]] = []
        var ranges: [(lo: Double, hi: Double)] = []
        for (p, _) in panels {
            var lo = Double.infinity, hi = -Double.infinity
            var panelPoints: [[(CivilDate, VintageChartData.Point)]] = []
            for s in p.series {
                var pts: [(CivilDate, VintageChartData.Point)] = []
                for pt in s.points {
                    guard let d = CivilDate(pt.asOf) else { throw ChartError.badDate(chart: .vintage, series: s.name, label: pt.asOf) }
                    try ChartError.check(.vintage, s.name, pt.asOf, pt.value)
                    if let q = pt.interval { try ChartError.checkQuantiles(.vintage, s.name, pt.asOf, q); lo = min(lo, q.p05); hi = max(hi, q.p95) }
                    if let r = pt.range {
                        try ChartError.check(.vintage, s.name, pt.asOf, r.lowerBound)
                        try ChartError.check(.vintage, s.name, pt.asOf, r.upperBound)
                        lo = min(lo, r.lowerBound); hi = max(hi, r.upperBound)
                    }
                    lo = min(lo, pt.value); hi = max(hi, pt.value)
                    pts.append((d, pt))
                }
                panelPoints.append(pts.sorted { $0.0 < $1.0 })
            }
            parsed.append(panelPoints)
            ranges.append((lo, hi))
        }
        let dates = parsed.flatMap { $0.flatMap { $0.map(\.0) } }
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
        let ticks = ranges.enumerated().map { NiceTicks(lower: $0.element.lo, upper: $0.element.hi, target: $0.offset == 0 ? 5 : 4) }
        let labels = ticks.map { ChartAxis.tickLabels($0) }

        var legend: [LegendItem] = []
        for (p, c0) in panels {
            for (i, s) in p.series.enumerated() where !s.points.isEmpty {
                let color = ChartStyle.color(c0 + i)
                legend.append(LegendItem(label: s.isPublished ? "\(s.name) (published)" : s.name,
                                         swatch: s.isPublished ? .marker(.diamond, color: color) : .line(color: color, dash: nil)))
            }
        }
        let all = panels.flatMap { $0.panel.series.flatMap(\.points) }
        if all.contains(where: { $0.interval != nil }) {
            legend.append(LegendItem(label: "memcast p05–p95", swatch: .interval(color: style.textColor)))
        }
        if all.contains(where: { $0.range != nil }) {
            legend.append(LegendItem(label: "published low–high", swatch: .band(color: style.mutedColor, opacity: rangeOpacity)))
        }
        var figure = style
        figure.height += Double(panels.count - 1) * extraPanelHeight
        let frame = ChartFrame(kind: .vintage, id: id, title: data.title, subtitle: "Each point is the forecast as known on that date",
                               source: data.source, style: figure, legend: legend, yTitle: panels[0].panel.unit, xTitle: "as-of date")
        let plot = frame.plotArea(leftLabels: labels.map { ChartAxis.labelWidth($0, style: style) }.max()!, right: 56)
        // Panels split the plot height (the first gets a larger share), separated by room for the next axis title.
        let gap = panels.count > 1 ? 16 + style.labelSize + 12 : 0
        let weights = panels.indices.map { $0 == 0 ? 1.35 : 1.0 }
        let usable = plot.height - gap * Double(panels.count - 1)
        var rects: [Rect] = []
        var top = plot.y
        for w in weights {
            let h = usable * w / weights.reduce(0, +)
            rects.append(Rect(x: plot.x, y: top, width: plot.width, height: h))
            top += h + gap
        }
        let x = LinearScale(domain: Double(tickDates.first!.dayNumber)...Double(tickDates.last!.dayNumber), range: (plot.x + 8, plot.right - 8))
        let tickXs = tickDates.map { x(Double($0.dayNumber)) }
        var body: [SVGElement] = []
        var descriptions: [String] = []
        for (j, (p, c0)) in panels.enumerated() {
            let rect = rects[j]
            let y = LinearScale(domain: ticks[j].lower...ticks[j].upper, range: (rect.bottom, rect.y))
            var axis = ChartAxis.yLinear(y, ticks: ticks[j], labels: labels[j], plot: rect, style: style)
            if j > 0 {
                axis.set("class", "axis axis-y2")
                body.append(SVG.text(p.unit, x: ChartFrame.sidePad, y: rect.y - 12, size: style.labelSize,
                                     fill: style.mutedColor, cls: "axis-title axis-title-y2"))
            }
            body.append(axis)
            if j < panels.count - 1 {
                // Month ticks on the panel's floor; the labels are under the last panel only.
                var floor = tickXs.map { SVG.line($0, rect.bottom, $0, rect.bottom + 4, stroke: style.axisColor, cls: "tick") }
                floor.append(SVG.line(rect.x, rect.bottom, rect.right, rect.bottom, stroke: style.axisColor, cls: "panel-floor"))
                body.append(SVG.group("panel-floor", floor))
            }
            let endYs = EndLabels.spread(parsed[j].map { $0.last.map { y($0.1.value) } ?? rect.y }, gap: style.labelSize + 2, maxY: rect.bottom)
            for (i, s) in p.series.enumerated() where !parsed[j][i].isEmpty {
                body.append(seriesElement(s, points: parsed[j][i], color: ChartStyle.color(c0 + i), x: x, y: y,
                                          endY: endYs[i], decimals: max(1, ticks[j].decimals), style: style))
            }
            descriptions.append("\(p.series.filter { !$0.points.isEmpty }.map(\.name).joined(separator: ", ")) in \(p.unit)")
        }
        body.append(ChartAxis.xCategories(tickDates.map(\.monthLabel), centers: tickXs, plot: rects.last!, style: style))
        let description = "Vintage chart of " + descriptions.joined(separator: "; below, ")
            + ", as-of dates \(first.monthLabel) to \(last.monthLabel)."
        return Chart(kind: .vintage, title: data.title, svg: frame.svg(plot: plot, body: body, description: description))
    }

    static let rangeOpacity = 0.3

    /// One series as a `g.series`: intervals and ranges, then the line or steps, markers and an end label.
    private static func seriesElement(_ s: VintageChartData.Series, points: [(CivilDate, VintageChartData.Point)], color: String,
                                      x: LinearScale, y: LinearScale, endY: Double, decimals: Int, style: ChartStyle) -> SVGElement {
        let pts = points.map { (x(Double($0.0.dayNumber)), y($0.1.value)) }
        var parts: [SVGElement] = []
        for (d, p) in points {
            let px = x(Double(d.dayNumber))
            if let q = p.interval { parts.append(SVG.line(px, y(q.p05), px, y(q.p95), stroke: color, width: 1.5, cls: "interval")) }
            if let r = p.range {
                parts.append(SVG.rect(x: px - 5, y: y(r.upperBound), width: 10, height: max(1, y(r.lowerBound) - y(r.upperBound)),
                                      fill: color, cls: "range", opacity: rangeOpacity))
            }
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
        parts.append(SVG.text(ChartNumberFormat.format(points.last!.1.value, decimals: decimals),
                              x: pts.last!.0 + 8, y: endY + style.labelSize * 0.35, size: style.labelSize,
                              fill: color == OkabeIto.yellow ? style.textColor : color, cls: "end-label"))
        return SVG.group("series", ["data-series": s.name], parts)
    }
}
