/// One legend entry: a swatch (line, box, band or marker) and its label.
struct LegendItem: Sendable {
    enum Swatch: Sendable {
        case line(color: String, dash: String?)
        case box(color: String)
        case band(color: String, opacity: Double)
        case marker(MarkerShape, color: String)
        case interval(color: String)
    }
    var label: String
    var swatch: Swatch
}

/// Lays legend entries left to right, wrapping to new rows within `maxWidth`.
struct ChartLegend {
    static let rowHeight = 20.0
    static let swatchWidth = 22.0

    let items: [LegendItem]
    let size: Double
    /// Row index and x offset of each item.
    let placement: [(row: Int, x: Double)]
    let rows: Int

    init(items: [LegendItem], maxWidth: Double, size: Double) {
        self.items = items
        self.size = size
        var placement: [(Int, Double)] = []
        var row = 0, x = 0.0
        for item in items {
            let w = ChartLegend.swatchWidth + 6 + TextMetrics.width(item.label, size: size) + 18
            if x > 0 && x + w > maxWidth { row += 1; x = 0 }
            placement.append((row, x))
            x += w
        }
        self.placement = placement
        self.rows = items.isEmpty ? 0 : row + 1
    }

    var height: Double { Double(rows) * ChartLegend.rowHeight }

    /// The legend as a `g.legend`, its first row's text baseline at `top + 14`.
    func element(left: Double, top: Double, style: ChartStyle) -> SVGElement {
        var children: [SVGElement] = []
        for (item, p) in zip(items, placement) {
            let x = left + p.x
            let mid = top + Double(p.row) * ChartLegend.rowHeight + 9.5
            let sw = ChartLegend.swatchWidth
            var entry: [SVGElement] = []
            switch item.swatch {
            case let .line(color, dash):
                entry.append(SVG.line(x, mid, x + sw, mid, stroke: color, width: 2.5, dash: dash))
            case let .box(color):
                entry.append(SVG.rect(x: x + 3, y: mid - 6, width: sw - 6, height: 12, fill: color))
            case let .band(color, opacity):
                entry.append(SVG.rect(x: x, y: mid - 7, width: sw, height: 14, fill: color, opacity: opacity))
            case let .marker(shape, color):
                entry.append(SVG.marker(shape, x: x + sw / 2, y: mid, r: 5, fill: color))
            case let .interval(color):
                entry.append(SVG.line(x + 2, mid, x + sw - 2, mid, stroke: color, width: 1.5))
                entry.append(SVG.line(x + 2, mid - 5, x + 2, mid + 5, stroke: color, width: 1.5))
                entry.append(SVG.line(x + sw - 2, mid - 5, x + sw - 2, mid + 5, stroke: color, width: 1.5))
            }
            entry.append(SVG.text(item.label, x: x + sw + 6, y: mid + size * 0.35, size: size, fill: style.textColor))
            children.append(SVG.group("legend-item", entry))
        }
        return SVG.group("legend", children)
    }
}
