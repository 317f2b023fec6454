import MemcastData
import MemcastStatistics

/// A balanced panel view of a frame: every entity (e.g. a SKU) observed once in every
/// period (e.g. a quarter), so series can be read as an entities × periods grid.
///
/// Built from the columns' dictionary codes (no string per row): entities in order of
/// first appearance, periods in calendar order (`Period`).
public struct SeriesPanel: Sendable {
    /// Number of entities (series).
    public let entities: Int
    /// Number of periods per series.
    public let periods: Int
    /// Period labels in calendar order.
    public let periodLabels: [String]
    /// Frame row of (entity e, period t) at `e·periods + t`.
    private let rows: [Int32]

    /// - Throws: `BenchmarkError.badLayout` when a column is missing or not text, a period
    ///   label is not a period, a cell is missing, or the panel is not balanced (a
    ///   duplicate or absent entity–period pair), naming the first offending row.
    public init(_ frame: DataFrame, entity: String, period: String) throws {
        guard let e = frame[entity]?.categoricalValues else {
            throw BenchmarkError.badLayout("the panel needs a text column '\(entity)'")
        }
        guard let p = frame[period]?.categoricalValues else {
            throw BenchmarkError.badLayout("the panel needs a text column '\(period)'")
        }
        let parsed = try p.levels.map { label -> Period in
            guard let q = Period(label) else { throw BenchmarkError.badLayout("'\(label)' in column '\(period)' is not a period") }
            return q
        }
        let order = parsed.indices.sorted { parsed[$0] < parsed[$1] }
        var position = [Int](repeating: 0, count: order.count)
        for (k, level) in order.enumerated() { position[level] = k }
        periods = order.count
        periodLabels = order.map { p.levels[$0] }
        entities = e.levels.count
        var grid = [Int32](repeating: -1, count: entities * periods)
        for i in 0..<frame.rowCount {
            let ec = Int(e.codes[i]), pc = Int(p.codes[i])
            guard ec >= 0, pc >= 0 else {
                throw BenchmarkError.badLayout("\(frame.origin(ofRow: i)): missing '\(entity)' or '\(period)'")
            }
            let k = ec * periods + position[pc]
            guard grid[k] < 0 else {
                throw BenchmarkError.badLayout("\(frame.origin(ofRow: i)): \(entity) \(e.levels[ec]) appears twice in \(period) \(p.levels[pc])")
            }
            grid[k] = Int32(i)
        }
        if let k = grid.firstIndex(of: -1) {
            throw BenchmarkError.badLayout("unbalanced panel: \(entity) \(e.levels[k / periods]) has no row for \(period) \(periodLabels[k % periods])")
        }
        rows = grid
    }

    /// The frame row of entity `e` at period index `t`.
    @inline(__always)
    public func row(entity e: Int, period t: Int) -> Int { Int(rows[e * periods + t]) }
}
