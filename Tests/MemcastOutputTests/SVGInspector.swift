import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import MemcastOutput

/// Parses an SVG string with Foundation's XML parser (libxml2 on Linux) and
/// answers structural questions by XPath. Parsing at all proves well-formedness.
struct SVGInspector {
    let document: XMLDocument
    let source: String

    init(_ svg: String) throws {
        source = svg
        document = try XMLDocument(xmlString: svg, options: [])
    }

    var root: XMLElement { document.rootElement()! }

    /// Elements named `name` (any namespace), optionally whose class list contains `cls`.
    func elements(_ name: String = "*", cls: String? = nil, under base: String = "") -> [XMLElement] {
        var pred = name == "*" ? "" : "local-name()='\(name)'"
        if let cls {
            let c = "contains(concat(' ', normalize-space(@class), ' '), ' \(cls) ')"
            pred = pred.isEmpty ? c : "\(pred) and \(c)"
        }
        let xp = base + "//*" + (pred.isEmpty ? "" : "[\(pred)]")
        return ((try? document.nodes(forXPath: xp)) ?? []).compactMap { $0 as? XMLElement }
    }

    func texts(cls: String? = nil) -> [String] {
        elements("text", cls: cls).map { $0.stringValue ?? "" }
    }

    /// The chart's `<title>` (direct child of the root).
    var title: String? {
        root.elements(forName: "title").first?.stringValue
    }
}

extension XMLElement {
    /// Attribute by name. (`attribute(forName:)` returns nil on elements in the SVG
    /// default namespace in swift-corelibs-foundation, so search the list instead.)
    func attr(_ name: String) -> String? { attributes?.first { $0.name == name }?.stringValue }
    func double(_ name: String) -> Double? { attr(name).flatMap(Double.init) }
}
