import Foundation

/// A small, strict reader of the TOML subset memcast's scenario files use.
///
/// Supported: `# comments`, blank lines, `[table]` and `[dotted.table]` headers,
/// `key = value` with bare (`A-Za-z0-9_-`) or "quoted" keys, and values that are
/// numbers (`90`, `-13.5`, `1_000`, `1e-3`), basic strings (`"…"` with `\" \\ \n \t`),
/// booleans, or one-line arrays of those (`[90, 95]`). Anything else — inline tables,
/// multi-line strings, dates, arrays of tables — is an error naming file:line:column,
/// because a scenario is better refused than half-understood.
public struct TOMLDocument: Sendable {
    /// A value with the position where it was written.
    public struct Entry: Sendable {
        public var table: [String]
        public var key: String
        public var value: TOMLValue
        public var line: Int
        /// Column of the value.
        public var column: Int
        /// Column of the key (its first part when dotted).
        public var keyColumn: Int
    }

    /// Every `key = value` in file order.
    public private(set) var entries: [Entry] = []
    /// Every `[table]` header with its line.
    public private(set) var tables: [(path: [String], line: Int)] = []
    /// The file name used in error messages.
    public let file: String

    /// Parses `text`; errors carry `file`.
    public init(parsing text: String, file: String) throws {
        self.file = file
        var current: [String] = []
        var seen: Set<String> = []
        var seenTables: Set<String> = []
        var lineNo = 0
        // "\r\n" is one Character in Swift, so splitting on "\n" alone never splits CRLF files.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNo += 1
            var line = Substring(raw)
            if lineNo == 1, line.unicodeScalars.first == "\u{FEFF}" { line = line.dropFirst() }
            var s = TOMLScanner(chars: Array(line), file: file, line: lineNo)
            s.skipSpaces()
            if s.atEndOrComment { continue }
            if s.peek == "[" {
                s.advance()
                if s.peek == "[" { throw s.error("arrays of tables ([[…]]) are not supported in scenario files") }
                let path = try s.readKeyPath(terminator: "]")
                try s.expect("]")
                s.skipSpaces()
                guard s.atEndOrComment else { throw s.error("expected end of line after table header") }
                let name = path.joined(separator: ".")
                guard seenTables.insert(name).inserted else {
                    throw s.error("table [\(name)] is defined twice", column: 1)
                }
                current = path
                tables.append((path, lineNo))
                continue
            }
            let keyColumn = s.column
            let keyPath = try s.readKeyPath(terminator: "=")
            s.skipSpaces()
            try s.expect("=")
            s.skipSpaces()
            let valueColumn = s.column
            let value = try s.readValue()
            s.skipSpaces()
            guard s.atEndOrComment else { throw s.error("expected end of line after the value") }
            let table = current + keyPath.dropLast()
            let key = keyPath.last!
            let full = (table + [key]).joined(separator: ".")
            guard seen.insert(full).inserted else {
                throw TOMLError(file: file, line: lineNo, column: keyColumn, message: "key '\(full)' is defined twice")
            }
            entries.append(Entry(table: table, key: key, value: value, line: lineNo, column: valueColumn, keyColumn: keyColumn))
        }
    }
}

/// A TOML value of the supported subset.
public enum TOMLValue: Sendable, Equatable {
    case number(Double, text: String)
    case string(String)
    case bool(Bool)
    case array([TOMLValue])

    /// What the value is, for messages ("a number", "a string"…).
    public var kindDescription: String {
        switch self {
        case .number: return "a number"
        case .string: return "a string"
        case .bool: return "a boolean"
        case .array: return "an array"
        }
    }
}

/// A scenario-file error with its position (`file:line:column: message`).
public struct TOMLError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// Character scanner over one line.
struct TOMLScanner {
    let chars: [Character]
    let file: String
    let line: Int
    var i = 0

    var column: Int { i + 1 }
    var peek: Character? { i < chars.count ? chars[i] : nil }
    var atEndOrComment: Bool { peek == nil || peek == "#" }

    mutating func advance() { i += 1 }
    mutating func skipSpaces() { while let c = peek, c == " " || c == "\t" { i += 1 } }

    func error(_ message: String, column: Int? = nil) -> TOMLError {
        TOMLError(file: file, line: line, column: column ?? self.column, message: message)
    }

    mutating func expect(_ c: Character) throws {
        guard peek == c else {
            let got = peek.map { "'\($0)'" } ?? "end of line"
            throw error("expected '\(c)', found \(got)")
        }
        i += 1
    }

    /// Offset of the first `_` in `word` that is not between two digits, or nil. TOML allows
    /// `5_000` only: `5_`, `_5`, `5__0`, `1_.5` and `1._5` are errors, not 5, 5, 50, 1.5, 1.5.
    static func misplacedUnderscore(_ word: String) -> Int? {
        let c = Array(word)
        func digit(_ k: Int) -> Bool { c.indices.contains(k) && ("0"..."9").contains(c[k]) }
        return c.indices.first { c[$0] == "_" && !(digit($0 - 1) && digit($0 + 1)) }
    }

    static func isBare(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-")
    }

    /// `a.b."c d"` up to (not including) `terminator`.
    mutating func readKeyPath(terminator: Character) throws -> [String] {
        var parts: [String] = []
        while true {
            skipSpaces()
            if peek == "\"" {
                parts.append(try readBasicString())
            } else {
                let start = i
                while let c = peek, TOMLScanner.isBare(c) { i += 1 }
                guard i > start else {
                    let got = peek.map { "'\($0)'" } ?? "end of line"
                    throw error("expected a key, found \(got)")
                }
                parts.append(String(chars[start..<i]))
            }
            skipSpaces()
            if peek == "." { i += 1; continue }
            guard peek == terminator else {
                let got = peek.map { "'\($0)'" } ?? "end of line"
                throw error("expected '.' or '\(terminator)' after key, found \(got)")
            }
            return parts
        }
    }

    mutating func readBasicString() throws -> String {
        let startColumn = column
        try expect("\"")
        var out = ""
        while let c = peek {
            i += 1
            switch c {
            case "\"": return out
            case "\\":
                guard let e = peek else { break }
                i += 1
                switch e {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: throw error("unsupported escape '\\\(e)' in string", column: column - 1)
                }
            default: out.append(c)
            }
        }
        throw error("unterminated string", column: startColumn)
    }

    mutating func readValue() throws -> TOMLValue {
        guard let c = peek else { throw error("expected a value, found end of line") }
        switch c {
        case "\"": return .string(try readBasicString())
        case "'": throw error("literal strings ('…') are not supported; use \"…\"")
        case "{": throw error("inline tables are not supported; use a [table] header")
        case "[":
            i += 1
            var items: [TOMLValue] = []
            skipSpaces()
            if peek == "]" { i += 1; return .array(items) }
            while true {
                skipSpaces()
                if peek == "[" { throw error("nested arrays are not supported") }
                items.append(try readValue())
                skipSpaces()
                if peek == "," { i += 1; skipSpaces(); if peek == "]" { i += 1; return .array(items) }; continue }
                if peek == "]" { i += 1; return .array(items) }
                let got = peek.map { "'\($0)'" } ?? "end of line (arrays must be on one line)"
                throw error("expected ',' or ']' in array, found \(got)")
            }
        default:
            let start = i
            while let d = peek, !(d == " " || d == "\t" || d == "," || d == "]" || d == "#") { i += 1 }
            let word = String(chars[start..<i])
            if word == "true" { return .bool(true) }
            if word == "false" { return .bool(false) }
            let cleaned = word.replacingOccurrences(of: "_", with: "")
            let numeric = !cleaned.isEmpty && cleaned.allSatisfy { $0.isNumber || "+-.eE".contains($0) }
            if numeric, let bad = TOMLScanner.misplacedUnderscore(word) {
                throw error("cannot read '\(word)' as a number: '_' must be between two digits (as in 5_000)",
                            column: start + bad + 1)
            }
            if numeric, let v = Double(cleaned), v.isFinite { return .number(v, text: word) }
            throw error("cannot read '\(word)' as a value; expected a number, \"string\", true/false or [array]",
                        column: start + 1)
        }
    }
}
