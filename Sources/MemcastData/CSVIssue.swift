/// One problem found in a CSV file, with where it is.
///
/// Prints as `memory_prices.csv:214: column 'low': cannot parse '9O' as a number`.
public struct CSVIssue: Error, Equatable, Sendable, CustomStringConvertible {
    /// File name as the user gave it (or a label such as `<stdin>`).
    public var file: String
    /// 1-based physical line where the record starts; nil for whole-file problems.
    public var line: Int?
    /// Column name, when the problem is in one column.
    public var column: String?
    public var message: String

    public init(file: String, line: Int?, column: String? = nil, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": "
        if let column { s += "column '\(column)': " }
        return s + message
    }
}

/// Why a CSV file could not be loaded: every problem found, up to a limit.
public struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    public var issues: [CSVIssue]
    /// True when more problems existed than were collected (`CSVOptions.maxIssues`).
    public var truncated: Bool

    public init(issues: [CSVIssue], truncated: Bool = false) {
        self.issues = issues; self.truncated = truncated
    }

    public init(_ issue: CSVIssue) { self.init(issues: [issue]) }

    public var description: String {
        var lines = issues.map(\.description)
        if truncated { lines.append("(more problems not shown: stopped after \(issues.count))") }
        return lines.joined(separator: "\n")
    }
}
