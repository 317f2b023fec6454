/// A table for the HTML report: already formatted cells, with per-column alignment.
///
/// Cells are strings so that formatting (decimals, units, "p05–p95" ranges)
/// stays with the code that knows the quantity; the report only lays them out.
public struct ReportTable: Sendable, Equatable {
    public enum Alignment: String, Sendable { case left, right, center }

    public struct Column: Sendable, Equatable {
        public var title: String
        public var alignment: Alignment
        /// False for short codes a line break would garble (dates such as 2026-02-28).
        /// Right- and centre-aligned cells (figures, ranges) never wrap.
        public var wraps: Bool
        public init(_ title: String, _ alignment: Alignment = .left, wraps: Bool = true) {
            self.title = title; self.alignment = alignment; self.wraps = wraps
        }
    }

    public var caption: String
    public var columns: [Column]
    public var rows: [[String]]
    /// Numbered notes printed under the table (statsmodels-style).
    public var notes: [String]

    /// - Precondition: every row has one cell per column.
    public init(caption: String, columns: [Column], rows: [[String]], notes: [String] = []) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "table '\(caption)': row width differs from \(columns.count) columns")
        self.caption = caption; self.columns = columns; self.rows = rows; self.notes = notes
    }
}
