/// A rectangle in SVG user units (y grows downwards).
struct Rect: Sendable, Equatable {
    var x: Double, y: Double, width: Double, height: Double
    var right: Double { x + width }
    var bottom: Double { y + height }
    var midX: Double { x + width / 2 }
}

/// Small constructors for the SVG elements charts use; coordinates go through `SVGNumber`.
enum SVG {
    static func n(_ x: Double) -> String { SVGNumber.format(x) }

    static func text(_ s: String, x: Double, y: Double, size: Double, anchor: String = "start",
                     fill: String? = nil, weight: String? = nil, cls: String? = nil) -> SVGElement {
        var t = SVGElement("text", ["x": n(x), "y": n(y)], text: s)
        if anchor != "start" { t.set("text-anchor", anchor) }
        t.set("font-size", n(size))
        if let fill { t.set("fill", fill) }
        if let weight { t.set("font-weight", weight) }
        if let cls { t.set("class", cls) }
        return t
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String,
                     width: Double = 1, dash: String? = nil, cls: String? = nil) -> SVGElement {
        var l = SVGElement("line", ["x1": n(x1), "y1": n(y1), "x2": n(x2), "y2": n(y2), "stroke": stroke])
        if width != 1 { l.set("stroke-width", n(width)) }
        if let dash { l.set("stroke-dasharray", dash) }
        if let cls { l.set("class", cls) }
        return l
    }

    /// A rectangle; a negative height or width is normalised so bars below zero draw correctly.
    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                     stroke: String? = nil, cls: String? = nil, opacity: Double? = nil) -> SVGElement {
        let x0 = min(x, x + width), y0 = min(y, y + height)
        var r = SVGElement("rect", ["x": n(x0), "y": n(y0), "width": n(abs(width)), "height": n(abs(height)), "fill": fill])
        if let stroke { r.set("stroke", stroke) }
        if let opacity { r.set("fill-opacity", n(opacity)) }
        if let cls { r.set("class", cls) }
        return r
    }

    /// Path data through `points` (`M x y L x y …`), closed with `Z` when `closed`.
    static func pathData(_ points: [(Double, Double)], closed: Bool = false) -> String {
        var d = ""
        for (i, p) in points.enumerated() {
            d += (i == 0 ? "M" : " L") + n(p.0) + " " + n(p.1)
        }
        return closed ? d + " Z" : d
    }

    static func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2,
                         dash: String? = nil, cls: String? = nil) -> SVGElement {
        var p = SVGElement("path", ["d": pathData(points), "fill": "none", "stroke": stroke,
                                    "stroke-width": n(width), "stroke-linejoin": "round", "stroke-linecap": "round"])
        if let dash { p.set("stroke-dasharray", dash) }
        if let cls { p.set("class", cls) }
        return p
    }

    static func group(_ cls: String, _ children: [SVGElement]) -> SVGElement {
        group(cls, [:], children)
    }

    static func group(_ cls: String, _ attributes: KeyValuePairs<String, String>, _ children: [SVGElement]) -> SVGElement {
        var g = SVGElement("g", ["class": cls])
        for (k, v) in attributes { g.set(k, v) }
        g.append(contentsOf: children)
        return g
    }

    /// A point marker: `circle`, `diamond`, `triangle` or `square`, centred on (x, y), `r` px "radius".
    static func marker(_ shape: MarkerShape, x: Double, y: Double, r: Double, fill: String,
                       stroke: String = "#ffffff") -> SVGElement {
        switch shape {
        case .circle:
            return SVGElement("circle", ["cx": n(x), "cy": n(y), "r": n(r), "fill": fill, "stroke": stroke])
        case .diamond:
            return SVGElement("path", ["d": pathData([(x, y - r * 1.3), (x + r * 1.3, y), (x, y + r * 1.3), (x - r * 1.3, y)], closed: true),
                                       "fill": fill, "stroke": stroke])
        case .triangle:
            return SVGElement("path", ["d": pathData([(x, y - r * 1.3), (x + r * 1.2, y + r), (x - r * 1.2, y + r)], closed: true),
                                       "fill": fill, "stroke": stroke])
        case .square:
            return SVGElement("rect", ["x": n(x - r), "y": n(y - r), "width": n(2 * r), "height": n(2 * r), "fill": fill, "stroke": stroke])
        }
    }
}

/// Marker shapes, so series differ by shape as well as colour (greyscale print).
enum MarkerShape: CaseIterable, Sendable {
    case circle, diamond, triangle, square
}
