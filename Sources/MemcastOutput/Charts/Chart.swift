/// A finished chart: its kind, title and SVG tree.
///
/// `svgDocument()` is a standalone `.svg` file; `inlineSVG()` is the same
/// element for embedding in HTML. Both are well-formed XML with no scripts
/// and no external references.
public struct Chart: Sendable, Equatable {
    public let kind: ChartKind
    public let title: String
    /// The root `<svg>` element.
    public let svg: SVGElement

    public init(kind: ChartKind, title: String, svg: SVGElement) {
        self.kind = kind; self.title = title; self.svg = svg
    }

    /// A standalone SVG file (XML declaration first).
    public func svgDocument() -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.xml()
    }

    /// The `<svg>` element alone, for inline use in HTML.
    public func inlineSVG() -> String { svg.xml() }
}
