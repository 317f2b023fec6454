import Foundation

/// Axis drawing: ticks, tick labels, grid lines and the axis line, as `g.axis` groups.
enum ChartAxis {
    /// Width the labels of `ticks` need (for the left margin).
    static func labelWidth(_ labels: [String], style: ChartStyle) -> Double {
        labels.map { TextMetrics.width($0, size: style.labelSize) }.max() ?? 0
    }

    static func tickLabels(_ ticks: NiceTicks, suffix: String = "", signed: Bool = false) -> [String] {
        ticks.values.map { ChartNumberFormat.format($0, decimals: ticks.decimals, suffix: suffix, signed: signed) }
    }

    /// A numeric y axis on the left: horizontal grid lines at each tick, labels right-aligned.
    static func yLinear(_ scale: LinearScale, ticks: NiceTicks, labels: [String], plot: Rect, style: ChartStyle) -> SVGElement {
        var children: [SVGElement] = []
        for (v, label) in zip(ticks.values, labels) {
            let y = scale(v)
            children.append(SVG.line(plot.x, y, plot.right, y, stroke: v == 0 ? style.axisColor : style.gridColor,
                                     cls: v == 0 ? "zero-line" : "grid"))
            children.append(SVG.text(label, x: plot.x - 8, y: y + style.labelSize * 0.35, size: style.labelSize,
                                     anchor: "end", fill: style.textColor, cls: "tick-label"))
        }
        children.append(SVG.line(plot.x, plot.y, plot.x, plot.bottom, stroke: style.axisColor, cls: "axis-line"))
        return SVG.group("axis axis-y", children)
    }

    /// A numeric x axis at the bottom: vertical grid lines, labels centred under ticks.
    static func xLinear(_ scale: LinearScale, ticks: NiceTicks, labels: [String], plot: Rect, style: ChartStyle) -> SVGElement {
        var children: [SVGElement] = []
        for (v, label) in zip(ticks.values, labels) {
            let x = scale(v)
            children.append(SVG.line(x, plot.y, x, plot.bottom, stroke: v == 0 ? style.axisColor : style.gridColor,
                                     cls: v == 0 ? "zero-line" : "grid"))
            children.append(SVG.text(label, x: x, y: plot.bottom + 6 + style.labelSize, size: style.labelSize,
                                     anchor: "middle", fill: style.textColor, cls: "tick-label"))
        }
        children.append(SVG.line(plot.x, plot.bottom, plot.right, plot.bottom, stroke: style.axisColor, cls: "axis-line"))
        return SVG.group("axis axis-x", children)
    }

    /// Category labels under the plot at `centers`. When labels would collide, only
    /// every k-th is written (always the first and the last one that fits the stride).
    static func xCategories(_ labels: [String], centers: [Double], plot: Rect, style: ChartStyle,
                            ticks: Bool = true) -> SVGElement {
        precondition(labels.count == centers.count)
        var children: [SVGElement] = []
        let stride = labelStride(labels, centers: centers, style: style)
        for (i, (label, x)) in zip(labels, centers).enumerated() {
            if ticks { children.append(SVG.line(x, plot.bottom, x, plot.bottom + 4, stroke: style.axisColor, cls: "tick")) }
            guard i % stride == 0 else { continue }
            children.append(SVG.text(label, x: x, y: plot.bottom + 6 + style.labelSize, size: style.labelSize,
                                     anchor: "middle", fill: style.textColor, cls: "tick-label"))
        }
        children.append(SVG.line(plot.x, plot.bottom, plot.right, plot.bottom, stroke: style.axisColor, cls: "axis-line"))
        return SVG.group("axis axis-x", children)
    }

    /// Smallest k such that every k-th label fits between its neighbours with 8 px to spare.
    static func labelStride(_ labels: [String], centers: [Double], style: ChartStyle) -> Int {
        guard centers.count > 1 else { return 1 }
        let gap = abs(centers[1] - centers[0])
        let widest = labelWidth(labels, style: style) + 8
        return max(1, Int((widest / gap).rounded(.up)))
    }

    /// Category labels left of the plot (horizontal bar charts), right-aligned at `centers`.
    static func yCategories(_ labels: [String], centers: [Double], plot: Rect, style: ChartStyle) -> SVGElement {
        var children: [SVGElement] = []
        for (label, y) in zip(labels, centers) {
            children.append(SVG.text(label, x: plot.x - 8, y: y + style.labelSize * 0.35, size: style.labelSize,
                                     anchor: "end", fill: style.textColor, cls: "tick-label"))
        }
        children.append(SVG.line(plot.x, plot.y, plot.x, plot.bottom, stroke: style.axisColor, cls: "axis-line"))
        return SVG.group("axis axis-y", children)
    }
}
