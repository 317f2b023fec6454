/// A period's position on a regular calendar: consecutive periods of the
/// same `unit` differ by 1 in `ordinal` (2026Q1 → 2026·4+0, 2026Q2 → 2026·4+1).
public struct PeriodKey: Hashable, Sendable {
    /// The calendar unit, e.g. "quarter"; a column must not mix units.
    public var unit: String
    /// Position in that unit.
    public var ordinal: Int

    public init(unit: String, ordinal: Int) {
        self.unit = unit
        self.ordinal = ordinal
    }
}

/// How rows relate in time, for `lag`, `diff` and `pct` in formulas.
///
/// - Neither column: rows are consecutive observations in file order.
/// - `entity` only: consecutive in file order within each entity.
/// - `period` (with or without `entity`): the row `k` periods earlier in the
///   same entity; when that period is absent (a gap) the shifted value is
///   missing rather than the previous row's.
public struct PanelOptions: Sendable {
    /// Column naming the entity (firm, region, segment), or nil for one series.
    public var entity: String?
    /// Column naming the period, or nil for file order.
    public var period: String?
    /// Reads a text period label (`2026Q1`, `2026-03`); nil when it is not one.
    /// A numeric period column is read as whole numbers (years or a time index) without it.
    public var periodKey: (@Sendable (String) -> PeriodKey?)?

    public init(entity: String? = nil, period: String? = nil, periodKey: (@Sendable (String) -> PeriodKey?)? = nil) {
        self.entity = entity
        self.period = period
        self.periodKey = periodKey
    }

    /// No panel structure: file order.
    public static let none = PanelOptions()
}

/// Finds each row's predecessor `k` steps back under `PanelOptions`, and the
/// order rows should be read in (period order within entity).
struct PanelIndex {
    private let rowCount: Int
    /// Entity code of each row (0 when there is no entity column; -1 missing).
    private let entityOf: [Int]
    /// Period ordinal of each row (nil without a period column or when missing).
    private let ordinalOf: [Int?]
    /// (entity, ordinal) → row, when there is a period column.
    private let rowAt: [PanelKey: Int]
    /// Position of each row within its entity's file-order list (no period column).
    private let positionOf: [Int]
    private let members: [[Int]]
    private let hasPeriod: Bool
    /// No entity and no period column: one series in file order, and none of the
    /// per-row tables above is built (the predecessor of row i is row i − k).
    private let fileOrder: Bool

    private struct PanelKey: Hashable { var entity: Int; var ordinal: Int }

    init(_ data: DataFrame, _ options: PanelOptions) throws {
        rowCount = data.rowCount
        fileOrder = options.entity == nil && options.period == nil
        if fileOrder {
            (entityOf, ordinalOf, rowAt, positionOf, members, hasPeriod) = ([], [], [:], [], [], false)
            return
        }
        var entityOf = [Int](repeating: 0, count: rowCount)
        var entityCount = 1
        if let name = options.entity {
            let column = try data.column(name)
            var codes: [String: Int] = [:]
            for i in 0..<rowCount {
                guard let key = PanelIndex.label(column, i) else { entityOf[i] = -1; continue }
                if let c = codes[key] { entityOf[i] = c } else {
                    entityOf[i] = codes.count
                    codes[key] = codes.count
                }
            }
            entityCount = codes.count
        }
        self.entityOf = entityOf

        var ordinalOf = [Int?](repeating: nil, count: rowCount)
        var rowAt: [PanelKey: Int] = [:]
        hasPeriod = options.period != nil
        if let name = options.period {
            let column = try data.column(name)
            var unit: (String, Int)? = nil   // unit and the first row using it
            for i in 0..<rowCount {
                guard let key = try PanelIndex.periodKey(column, row: i, name: name, data: data, options: options) else { continue }
                if let (u, first) = unit, u != key.unit {
                    throw DesignError.mixedPeriods(column: name, first: u, firstOrigin: data.origin(ofRow: first),
                                                   other: key.unit, otherOrigin: data.origin(ofRow: i))
                }
                if unit == nil { unit = (key.unit, i) }
                ordinalOf[i] = key.ordinal
                guard entityOf[i] >= 0 else { continue }
                let k = PanelKey(entity: entityOf[i], ordinal: key.ordinal)
                if let j = rowAt[k] {
                    throw DesignError.duplicatePeriod(column: name, period: PanelIndex.label(column, i) ?? "",
                                                      entity: options.entity.flatMap { try? PanelIndex.label(data.column($0), i) },
                                                      origin: data.origin(ofRow: i), firstOrigin: data.origin(ofRow: j))
                }
                rowAt[k] = i
            }
        }
        self.ordinalOf = ordinalOf
        self.rowAt = rowAt

        var members = [[Int]](repeating: [], count: entityCount)
        var positionOf = [Int](repeating: -1, count: rowCount)
        for i in 0..<rowCount where entityOf[i] >= 0 {
            positionOf[i] = members[entityOf[i]].count
            members[entityOf[i]].append(i)
        }
        self.members = members
        self.positionOf = positionOf
    }

    /// The row `k` steps before `row` in the same entity, or nil (start of the series, a gap, or a missing key).
    func predecessor(of row: Int, by k: Int) -> Int? {
        if k == 0 { return row }
        if fileOrder { return row - k >= 0 && row - k < rowCount ? row - k : nil }
        let e = entityOf[row]
        guard e >= 0 else { return nil }
        if hasPeriod {
            guard let t = ordinalOf[row] else { return nil }
            return rowAt[PanelKey(entity: e, ordinal: t - k)]
        }
        let p = positionOf[row] - k
        return p >= 0 ? members[e][p] : nil
    }

    /// Rows in reading order: by entity (first appearance), then period; file order without a period column.
    /// Rows missing their entity or period come last, in file order (they are dropped from fits anyway
    /// only if a formula needs them; otherwise they keep their place at the end).
    func readingOrder() -> [Int] {
        guard hasPeriod else { return Array(0..<rowCount) }
        var keyed: [(Int, Int, Int)] = []   // (entity, ordinal, row)
        var rest: [Int] = []
        for i in 0..<rowCount {
            if entityOf[i] >= 0, let t = ordinalOf[i] { keyed.append((entityOf[i], t, i)) } else { rest.append(i) }
        }
        keyed.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        return keyed.map(\.2) + rest
    }

    /// Text of a cell used as an entity or period label (numbers print without a trailing `.0`).
    static func label(_ column: Column, _ i: Int) -> String? {
        switch column {
        case .numeric(let v): return v[i].isNaN ? nil : FormulaExpression.format(v[i])
        case .categorical(let c): return c[i]
        }
    }

    private static func periodKey(_ column: Column, row i: Int, name: String, data: DataFrame,
                                  options: PanelOptions) throws -> PeriodKey? {
        switch column {
        case .numeric(let v):
            let x = v[i]
            if x.isNaN { return nil }
            guard x == x.rounded(), abs(x) < 1e15 else {
                throw DesignError.badPeriod(column: name, value: FormulaExpression.format(x), origin: data.origin(ofRow: i))
            }
            return PeriodKey(unit: "step", ordinal: Int(x))
        case .categorical(let c):
            guard let s = c[i] else { return nil }
            if let read = options.periodKey, let key = read(s) { return key }
            if let n = Int(s) { return PeriodKey(unit: "step", ordinal: n) }
            throw DesignError.badPeriod(column: name, value: s, origin: data.origin(ofRow: i))
        }
    }
}
