import Foundation

/// One node of an SVG document: an element or a run of character data.
public enum SVGNode: Sendable, Equatable {
    case element(SVGElement)
    case text(String)
}

/// A minimal SVG element tree that renders as well-formed XML.
///
/// Attribute values and text are escaped on output, so any string (a series
/// name with `&` or `<`, a dataset name with quotes) is safe to pass in. The
/// writer emits no scripts, no external references and no web fonts: charts
/// open offline and in an `<img>` tag alike.
///
/// ```swift
/// var g = SVGElement("g", ["class": "series"])
/// g.append(SVGElement("text", ["x": "10", "y": "20"], text: "DRAM & NAND"))
/// g.xml()   // <g class="series"><text x="10" y="20">DRAM &amp; NAND</text></g>
/// ```
public struct SVGElement: Sendable, Equatable {
    /// Tag name, e.g. `rect`, `path`, `g`.
    public var name: String
    /// Attributes in output order (order is kept so output is stable).
    public var attributes: [Attribute]
    public var children: [SVGNode]

    public struct Attribute: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) { self.name = name; self.value = value }
    }

    /// Creates an element; `attributes` pairs keep their order, `text` (if any) becomes the only child.
    public init(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil) {
        self.name = name
        self.attributes = attributes.map { Attribute($0.key, $0.value) }
        self.children = text.map { [.text($0)] } ?? []
    }

    /// Sets (or replaces) one attribute.
    public mutating func set(_ name: String, _ value: String) {
        if let i = attributes.firstIndex(where: { $0.name == name }) {
            attributes[i].value = value
        } else {
            attributes.append(Attribute(name, value))
        }
    }

    /// The value of attribute `name`, if present.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    public mutating func append(_ child: SVGElement) { children.append(.element(child)) }
    public mutating func append(contentsOf list: [SVGElement]) { children += list.map { .element($0) } }

    /// Serialises the element and its subtree; one element per line below the root
    /// keeps diffs readable without adding whitespace inside `<text>`.
    public func xml() -> String {
        var out = ""
        write(into: &out, depth: 0)
        return out
    }

    private func write(into out: inout String, depth: Int) {
        precondition(XMLEscape.isName(name), "invalid XML element name '\(name)'")
        out += String(repeating: " ", count: depth) + "<" + name
        for a in attributes {
            precondition(XMLEscape.isName(a.name), "invalid XML attribute name '\(a.name)'")
            out += " \(a.name)=\"\(XMLEscape.attribute(a.value))\""
        }
        if children.isEmpty { out += "/>\n"; return }
        // Elements holding text are written on one line so no whitespace leaks into labels.
        let hasText = children.contains { if case .text = $0 { return true } else { return false } }
        if hasText {
            out += ">"
            for c in children {
                switch c {
                case .text(let s): out += XMLEscape.text(s)
                case .element(let e):
                    var inner = ""
                    e.write(into: &inner, depth: 0)
                    out += inner.trimmingCharacters(in: .newlines)
                }
            }
            out += "</\(name)>\n"
            return
        }
        out += ">\n"
        for case .element(let e) in children { e.write(into: &out, depth: depth + 1) }
        out += String(repeating: " ", count: depth) + "</\(name)>\n"
    }
}

/// Escaping for XML 1.0 text and attribute values (shared by SVG and HTML output).
public enum XMLEscape {
    /// Escapes `&`, `<`, `>` and drops characters XML 1.0 forbids (C0 controls other than tab/newline/CR).
    public static func text(_ s: String) -> String { escape(s, attribute: false) }

    /// Like `text`, and also escapes both quote characters and whitespace that attribute normalisation would change.
    public static func attribute(_ s: String) -> String { escape(s, attribute: true) }

    private static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&#39;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            case "\r" where attribute: out += "&#13;"
            default:
                if isAllowed(u) { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    /// XML 1.0 Char production: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
    static func isAllowed(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// ASCII subset of an XML Name (what the writer itself uses: letters, digits, `-`, `_`, `:`, `.`).
    static func isName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_:.".unicodeScalars.contains($0)) }
    }
}
