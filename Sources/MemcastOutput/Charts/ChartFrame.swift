/// The parts every chart shares, laid out top to bottom: title, subtitle, legend,
/// y-axis title, plot area, x tick labels, x-axis title, source note.
///
/// Charts ask the frame for their plot rectangle (after saying how much room
/// their tick labels need) and hand back the plot's elements; the frame wraps
/// them in an `<svg>` with `<title>`/`<desc>` for screen readers and the
/// `memcast-chart` class and `data-kind` the report and browser test look for.
struct ChartFrame {
    let kind: ChartKind
    let id: String
    let title: String
    let subtitle: String?
    let source: ChartSource
    let style: ChartStyle
    let legend: ChartLegend
    let yTitle: String?
    let xTitle: String?

    static let sidePad = 16.0

    init(kind: ChartKind, id: String, title: String, subtitle: String?, source: ChartSource,
         style: ChartStyle, legend: [LegendItem], yTitle: String?, xTitle: String?) {
        self.kind = kind; self.id = id; self.title = title; self.subtitle = subtitle
        self.source = source; self.style = style; self.yTitle = yTitle; self.xTitle = xTitle
        self.legend = ChartLegend(items: legend, maxWidth: style.width - 2 * ChartFrame.sidePad, size: style.labelSize)
    }

    private var titleBaseline: Double { 8 + style.titleSize }
    private var subtitleBaseline: Double { titleBaseline + 6 + style.labelSize + 2 }
    private var legendTop: Double { (subtitle == nil ? titleBaseline : subtitleBaseline) + 10 }
    private var yTitleBaseline: Double { legendTop + legend.height + (legend.rows > 0 ? 6 : 0) + style.labelSize }
    private var noteBaseline: Double { style.height - 10 }

    /// The plot rectangle, given the width of the left tick labels, a right gutter
    /// (for end labels) and the height below the plot taken by x tick labels.
    func plotArea(leftLabels: Double, right: Double = 24, xTickHeight: Double = 22) -> Rect {
        let top = yTitleBaseline + (yTitle == nil ? -style.labelSize + 4 : 12)
        let x = ChartFrame.sidePad + leftLabels + 8
        var bottom = noteBaseline - style.noteSize - 12 - xTickHeight
        if xTitle != nil { bottom -= style.labelSize + 8 }
        return Rect(x: x, y: top, width: style.width - x - right, height: bottom - top)
    }

    /// The source line, kept to one line: first a smaller font (down to 9 px), then
    /// fewer dataset names (`+ N more`); the as-of date is always kept. The full line
    /// is in the chart's `<desc>`.
    func fittedNote() -> (text: String, size: Double) {
        let room = style.width - 2 * ChartFrame.sidePad
        var s = source
        var size = style.noteSize
        while true {
            let line = s.line
            if TextMetrics.width(line, size: size) <= room { return (line, size) }
            if size > 9 { size -= 0.5; continue }
            guard !s.datasets.isEmpty else { return (line, size) }
            let kept = s.datasets.filter { !$0.hasPrefix("+") }.dropLast()
            let more = source.datasets.count - kept.count
            s.datasets = Array(kept) + ["+ \(more) more"]
            if kept.isEmpty { s.datasets = [] }
        }
    }

    /// The finished chart: background, header, legend, axis titles, `body`, note.
    func svg(plot: Rect, body: [SVGElement], description: String) -> SVGElement {
        var root = SVGElement("svg", [
            "xmlns": "http://www.w3.org/2000/svg",
            "width": SVG.n(style.width), "height": SVG.n(style.height),
            "viewBox": "0 0 \(SVG.n(style.width)) \(SVG.n(style.height))",
            "role": "img", "aria-labelledby": "\(id)-title \(id)-desc",
            "class": "memcast-chart", "data-kind": kind.rawValue, "id": id,
            "font-family": style.fontFamily, "font-size": SVG.n(style.labelSize), "fill": style.textColor,
        ])
        root.append(SVGElement("title", ["id": "\(id)-title"], text: title))
        root.append(SVGElement("desc", ["id": "\(id)-desc"], text: description + " " + source.line))
        root.append(SVG.rect(x: 0, y: 0, width: style.width, height: style.height, fill: style.background, cls: "background"))
        root.append(SVG.text(title, x: ChartFrame.sidePad, y: titleBaseline, size: style.titleSize,
                             weight: "600", cls: "chart-title"))
        if let subtitle {
            root.append(SVG.text(subtitle, x: ChartFrame.sidePad, y: subtitleBaseline, size: style.labelSize,
                                 fill: style.mutedColor, cls: "chart-subtitle"))
        }
        if legend.rows > 0 {
            root.append(legend.element(left: ChartFrame.sidePad, top: legendTop, style: style))
        }
        if let yTitle {
            root.append(SVG.text(yTitle, x: ChartFrame.sidePad, y: yTitleBaseline, size: style.labelSize,
                                 fill: style.mutedColor, cls: "axis-title axis-title-y"))
        }
        root.append(SVG.group("plot", ["data-x": SVG.n(plot.x), "data-y": SVG.n(plot.y),
                                        "data-width": SVG.n(plot.width), "data-height": SVG.n(plot.height)], body))
        if let xTitle {
            root.append(SVG.text(xTitle, x: plot.midX, y: noteBaseline - style.noteSize - 10, size: style.labelSize,
                                 anchor: "middle", fill: style.mutedColor, cls: "axis-title axis-title-x"))
        }
        let note = fittedNote()
        root.append(SVG.text(note.text, x: ChartFrame.sidePad, y: noteBaseline, size: note.size,
                             fill: style.mutedColor, cls: "source-note"))
        return root
    }
}
