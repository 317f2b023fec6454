/// A column of a `DataFrame`: numbers (missing = NaN) or dictionary-encoded text.
///
/// Text is stored as integer codes into `levels` so a 1,000,000-row categorical
/// column costs 4 MB of codes, not a million `String`s.
public enum Column: Sendable {
    /// Numeric values; a missing value is `.nan`.
    case numeric([Double])
    /// Text values as codes into levels (`-1` = missing).
    case categorical(CategoricalColumn)

    /// Number of rows.
    public var count: Int {
        switch self {
        case .numeric(let v): return v.count
        case .categorical(let c): return c.codes.count
        }
    }

    /// True when the column is numeric.
    public var isNumeric: Bool { if case .numeric = self { return true } else { return false } }

    /// The numeric values, or nil for a categorical column.
    public var numericValues: [Double]? { if case .numeric(let v) = self { return v } else { return nil } }

    /// The categorical column, or nil for a numeric one.
    public var categoricalValues: CategoricalColumn? { if case .categorical(let c) = self { return c } else { return nil } }

    /// Whether row `i` is missing.
    public func isMissing(_ i: Int) -> Bool {
        switch self {
        case .numeric(let v): return v[i].isNaN
        case .categorical(let c): return c.codes[i] < 0
        }
    }
}

/// Dictionary-encoded text column.
public struct CategoricalColumn: Sendable, Equatable {
    /// Per-row code into `levels`; `-1` marks a missing value.
    public var codes: [Int32]
    /// Distinct values in order of first appearance.
    public var levels: [String]

    public init(codes: [Int32], levels: [String]) {
        self.codes = codes
        self.levels = levels
    }

    /// Encodes strings; `nil` or any of `missing` becomes a missing value.
    public init(_ values: [String?], missing: Set<String> = ["", "NA"]) {
        var index: [String: Int32] = [:]
        var levels: [String] = []
        var codes: [Int32] = []
        codes.reserveCapacity(values.count)
        for v in values {
            guard let v, !missing.contains(v) else { codes.append(-1); continue }
            if let c = index[v] { codes.append(c) } else {
                let c = Int32(levels.count)
                index[v] = c
                levels.append(v)
                codes.append(c)
            }
        }
        self.codes = codes
        self.levels = levels
    }

    /// The value of row `i`, or nil when missing.
    public subscript(i: Int) -> String? { codes[i] < 0 ? nil : levels[Int(codes[i])] }

    /// Levels sorted the way treatment coding orders them (first sorted level is the reference).
    public var sortedLevels: [String] { levels.sorted() }
}

/// Errors building or reading a `DataFrame`.
public enum DataFrameError: Error, Equatable, CustomStringConvertible {
    case lengthMismatch(column: String, rows: Int, expected: Int)
    case duplicateColumn(String)
    case unknownColumn(String, available: [String])

    public var description: String {
        switch self {
        case let .lengthMismatch(c, r, e): return "column '\(c)' has \(r) rows, expected \(e)"
        case let .duplicateColumn(c): return "column '\(c)' appears twice"
        case let .unknownColumn(c, a): return "unknown column '\(c)'; available: \(a.joined(separator: ", "))"
        }
    }
}

/// A named, columnar table: what the CSV loader produces and formulas read.
///
/// ```swift
/// var df = DataFrame()
/// try df.append("x", .numeric([1, 2, 3]))
/// try df.append("segment", .categorical(CategoricalColumn(["entry", "mid", "entry"])))
/// ```
public struct DataFrame: Sendable {
    /// Column names in file order.
    public private(set) var names: [String] = []
    /// Columns, parallel to `names`.
    public private(set) var columns: [Column] = []
    /// Where the data came from (a file path), for error messages.
    public var source: String?
    /// 1-based file line of each row when loaded from a file (for error messages); nil otherwise.
    public var rowLines: [Int]?

    public init(source: String? = nil) { self.source = source }

    /// Number of rows (0 for a frame with no columns).
    public var rowCount: Int { columns.first?.count ?? 0 }

    /// Adds a column; its length must equal `rowCount` unless the frame is empty.
    public mutating func append(_ name: String, _ column: Column) throws {
        if names.contains(name) { throw DataFrameError.duplicateColumn(name) }
        if !columns.isEmpty && column.count != rowCount {
            throw DataFrameError.lengthMismatch(column: name, rows: column.count, expected: rowCount)
        }
        names.append(name)
        columns.append(column)
    }

    /// Replaces or adds a column.
    public mutating func set(_ name: String, _ column: Column) throws {
        if let i = names.firstIndex(of: name) {
            if column.count != rowCount {
                throw DataFrameError.lengthMismatch(column: name, rows: column.count, expected: rowCount)
            }
            columns[i] = column
        } else {
            try append(name, column)
        }
    }

    /// The column called `name`, or nil.
    public subscript(name: String) -> Column? {
        names.firstIndex(of: name).map { columns[$0] }
    }

    /// The column called `name`, or an error listing the available columns.
    public func column(_ name: String) throws -> Column {
        guard let c = self[name] else { throw DataFrameError.unknownColumn(name, available: names) }
        return c
    }

    /// A human-readable origin of row `i` ("file.csv:214" or "row 213").
    public func origin(ofRow i: Int) -> String {
        let line = rowLines.map { String($0[i]) } ?? "row \(i + 1)"
        if let s = source { return rowLines == nil ? "\(s): \(line)" : "\(s):\(line)" }
        return line
    }
}
