import Dispatch
import MemcastStatistics

/// `describe()` of a frame: per numeric column count, mean, std, min, quartiles, max,
/// and missing counts for every column — the statistics of the ingest workload,
/// computed as pandas does.
///
/// - mean = Σx / n over non-missing values (compensated sum);
/// - std = √(Σ(x − mean)² / (n − 1)) (two passes, like pandas' `nanvar`; NaN when n < 2);
/// - p-quantile with linear interpolation (numpy's default): h = (n − 1)·p,
///   q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), evaluated with numpy's lerp;
///   order statistics by selection, not a full sort.
///
/// - Complexity: O(rows) per column on average; columns run in parallel on `threads`.
public struct DataSummary: Sendable {
    public struct NumericColumn: Sendable, Equatable {
        public var name: String
        public var count: Int
        public var missing: Int
        public var mean: Double
        public var std: Double
        public var min: Double
        public var q25: Double
        public var q50: Double
        public var q75: Double
        public var max: Double
    }

    public struct TextColumn: Sendable, Equatable {
        public var name: String
        public var count: Int
        public var missing: Int
        /// Distinct non-missing values.
        public var unique: Int
    }

    public var rows: Int
    public var numeric: [NumericColumn]
    public var text: [TextColumn]

    public init(_ frame: DataFrame, threads: Int = 1) {
        rows = frame.rowCount
        let names = frame.names
        let columns = frame.columns
        // One task per column, numeric and text alike, taken in turn by `threads` workers
        // (columns differ in cost, so a fixed split would leave one worker idle); the
        // costlier numeric columns first, so the cheap text ones fill the end.
        let order = columns.indices.filter { columns[$0].isNumeric } + columns.indices.filter { !columns[$0].isNumeric }
        let box = SummaryBox(count: columns.count)
        ParallelTasks.run(order.count, workers: threads) { k in
            box.set(order[k], DataSummary.summarize(names[order[k]], columns[order[k]]))
        }
        numeric = box.values.compactMap { if case .numeric(let n)? = $0 { return n } else { return nil } }
        text = box.values.compactMap { if case .text(let t)? = $0 { return t } else { return nil } }
    }

    enum Summary {
        case numeric(NumericColumn)
        case text(TextColumn)
    }

    static func summarize(_ name: String, _ column: Column) -> Summary {
        switch column {
        case .numeric(let values):
            return .numeric(describe(name, values))
        case .categorical(let cat):
            var missing = 0
            var used = [Bool](repeating: false, count: cat.levels.count)
            cat.codes.withUnsafeBufferPointer { codes in
                used.withUnsafeMutableBufferPointer { used in
                    for code in codes { if code < 0 { missing += 1 } else { used[Int(code)] = true } }
                }
            }
            return .text(TextColumn(name: name, count: cat.codes.count - missing, missing: missing,
                                    unique: used.lazy.filter { $0 }.count))
        }
    }

    static func describe(_ name: String, _ values: [Double]) -> NumericColumn {
        var sum = 0.0, comp = 0.0
        var lo = Double.infinity, hi = -Double.infinity
        var n = 0
        for v in values where !v.isNaN {
            n += 1
            // Neumaier's compensated summation.
            let t = sum + v
            comp += abs(sum) >= abs(v) ? (sum - t) + v : (v - t) + sum
            sum = t
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        let missing = values.count - n
        guard n > 0 else {
            return NumericColumn(name: name, count: 0, missing: missing, mean: .nan, std: .nan, min: .nan,
                                 q25: .nan, q50: .nan, q75: .nan, max: .nan)
        }
        let mean = (sum + comp) / Double(n)
        var ss = 0.0, ssc = 0.0
        for v in values where !v.isNaN {
            let d = (v - mean) * (v - mean)
            let t = ss + d
            ssc += ss >= d ? (ss - t) + d : (d - t) + ss
            ss = t
        }
        let std = n > 1 ? ((ss + ssc) / Double(n - 1)).squareRoot() : .nan
        // The column itself, missing values and all (read, not reordered: no 8-byte-per-row copy).
        let ps = [0.25, 0.5, 0.75]
        let q = values.withUnsafeBufferPointer { OrderStatistics.quantiles(readOnly: $0, nonNaN: n, ps) }
        return NumericColumn(name: name, count: n, missing: missing, mean: mean, std: std, min: lo,
                             q25: q[0], q50: q[1], q75: q[2], max: hi)
    }
}

/// Per-column results, written by the workers.
final class SummaryBox: @unchecked Sendable {
    private(set) var values: [DataSummary.Summary?]
    private let lock = NSLockish()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ v: DataSummary.Summary) { lock.sync { values[k] = v } }
}
