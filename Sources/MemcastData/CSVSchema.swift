/// What a CSV column must hold.
public enum CSVColumnType: Sendable, Equatable, CustomStringConvertible {
    /// A decimal number (stored as `Double`; missing = NaN).
    case number
    /// Free text (dictionary-encoded).
    case text
    /// Text from a fixed vocabulary (e.g. declared units); anything else is an error.
    case category(Set<String>)
    /// A period: `YYYY`, `YYYYHn`, `YYYYQn`, `YYYY-MM` or `YYYY-MM-DD` (stored as text).
    case period
    /// A publication date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (stored as text).
    case publicationDate

    public var description: String {
        switch self {
        case .number: return "number"
        case .text: return "text"
        case .category: return "category"
        case .period: return "period"
        case .publicationDate: return "date"
        }
    }

    var isNumeric: Bool { self == .number }
}

/// One declared column.
public struct CSVColumnSpec: Sendable, Equatable {
    public var name: String
    public var type: CSVColumnType
    /// When false, a missing value (empty or `NA`) is an error.
    public var allowsMissing: Bool

    public init(_ name: String, _ type: CSVColumnType, allowsMissing: Bool = true) {
        self.name = name; self.type = type; self.allowsMissing = allowsMissing
    }
}

/// The typed layout of a CSV file: its columns and which of them must be unique together.
///
/// ```swift
/// let s = CSVSchema(name: "prices", columns: [.init("period", .period, allowsMissing: false),
///                                             .init("usd", .number)], uniqueKey: ["period"])
/// ```
public struct CSVSchema: Sendable, Equatable {
    public var name: String
    public var columns: [CSVColumnSpec]
    /// Columns whose values together may appear in one row only (empty: no rule).
    public var uniqueKey: [String]
    /// When false, a column in the file that the schema does not declare is an error;
    /// when true it is read as text.
    public var allowsExtraColumns: Bool

    public init(name: String, columns: [CSVColumnSpec], uniqueKey: [String] = [], allowsExtraColumns: Bool = false) {
        self.name = name; self.columns = columns; self.uniqueKey = uniqueKey
        self.allowsExtraColumns = allowsExtraColumns
    }

    public func spec(named name: String) -> CSVColumnSpec? { columns.first { $0.name == name } }
}

/// How to read a CSV file.
public struct CSVOptions: Sendable {
    /// Field separator byte (default comma).
    public var delimiter: UInt8 = UInt8(ascii: ",")
    /// Field texts that mean "missing" (compared after unquoting; tokens up to 8 bytes).
    public var missingValues: [String] = ["", "NA"]
    /// Stop collecting problems after this many (the error says more were cut).
    public var maxIssues: Int = 20
    /// Rows sampled to choose column types when no schema is given.
    public var inferenceRows: Int = 1000
    /// Whether to keep the values (false: only check them, so memory stays small).
    public var keepValues: Bool = true
    /// Parse with this many threads (1 or more); results never depend on it.
    public var threads: Int = 1
    /// Column projection: read only the columns with these names into the frame (in file
    /// order; names not in the header are ignored, so a caller can pass every name it
    /// might use). nil reads every column. A schema's unique-key columns are always read.
    ///
    /// Skipped columns are not validated: their fields are stepped over, not parsed, so a
    /// bad number, a disallowed missing value or invalid UTF-8 in a skipped column is not
    /// reported. The file's structure still is, in every column (unbalanced quotes, the
    /// number of fields per record, binary data), and so is the header against a schema.
    public var columns: Set<String>? = nil

    public init() {}
}
