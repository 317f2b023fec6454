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
        let numericIndices = frame.columns.indices.filter { frame.columns[$0].isNumeric }
        var results = [NumericColumn?](repeating: nil, count: numericIndices.count)
        let names = frame.names
        let columns = frame.columns
        if threads <= 1 || numericIndices.count < 2 {
            for (k, c) in numericIndices.enumerated() {
                results[k] = DataSummary.describe(names[c], columns[c].numericValues!)
            }
        } else {
            let box = SummaryBox(count: numericIndices.count)
            DispatchQueue.concurrentPerform(iterations: min(threads, numericIndices.count)) { worker in
                var k = worker
                while k < numericIndices.count {
                    let c = numericIndices[k]
                    box.set(k, DataSummary.describe(names[c], columns[c].numericValues!))
                    k += threads
                }
            }
            results = box.values
        }
        numeric = results.map { $0! }
        text = frame.columns.indices.compactMap { c -> TextColumn? in
            guard let cat = frame.columns[c].categoricalValues else { return nil }
            var missing = 0
            var used = [Bool](repeating: false, count: cat.levels.count)
            for code in cat.codes { if code < 0 { missing += 1 } else { used[Int(code)] = true } }
            return TextColumn(name: frame.names[c], count: cat.codes.count - missing, missing: missing,
                              unique: used.lazy.filter { $0 }.count)
        }
    }

    static func describe(_ name: String, _ values: [Double]) -> NumericColumn {
        var xs: [Double] = []
        xs.reserveCapacity(values.count)
        var sum = 0.0, comp = 0.0
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where !v.isNaN {
            xs.append(v)
            // Neumaier's compensated summation.
            let t = sum + v
            comp += abs(sum) >= abs(v) ? (sum - t) + v : (v - t) + sum
            sum = t
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        let n = xs.count
        let missing = values.count - n
        guard n > 0 else {
            return NumericColumn(name: name, count: 0, missing: missing, mean: .nan, std: .nan, min: .nan,
                                 q25: .nan, q50: .nan, q75: .nan, max: .nan)
        }
        let mean = (sum + comp) / Double(n)
        var ss = 0.0, ssc = 0.0
        for v in xs {
            let d = (v - mean) * (v - mean)
            let t = ss + d
            ssc += ss >= d ? (ss - t) + d : (d - t) + ss
            ss = t
        }
        let std = n > 1 ? ((ss + ssc) / Double(n - 1)).squareRoot() : .nan
        let (q25, q50, q75) = xs.withUnsafeMutableBufferPointer { Quantiles.quartiles($0) }
        return NumericColumn(name: name, count: n, missing: missing, mean: mean, std: std, min: lo,
                             q25: q25, q50: q50, q75: q75, max: hi)
    }
}

/// Order statistics by selection (Hoare partitioning), and numpy's linear quantile.
enum Quantiles {
    /// 25%, 50%, 75% of `x` (reordered in place), numpy `method="linear"`.
    static func quartiles(_ x: UnsafeMutableBufferPointer<Double>) -> (Double, Double, Double) {
        let n = x.count
        func h(_ p: Double) -> (Int, Double) {
            let pos = Double(n - 1) * p
            let k = Int(pos.rounded(.down))
            return (k, pos - Double(k))
        }
        let (k50, t50) = h(0.5), (k25, t25) = h(0.25), (k75, t75) = h(0.75)
        // Select the median on the whole range, then the quartiles inside each half.
        select(x, k50, 0, n - 1)
        if k25 < k50 { select(x, k25, 0, k50 - 1) }
        if k75 > k50 { select(x, k75, k50 + 1, n - 1) }
        let selected = [k25, k50, k75]
        func value(_ k: Int, _ t: Double) -> Double {
            if t == 0 || k + 1 >= n { return x[k] }
            // The next order statistic is the smallest value right of k, up to the next
            // selected position (everything beyond it is at least as large).
            let bound = selected.filter { $0 > k }.min().map { $0 + 1 } ?? n
            var next = Double.infinity
            var i = k + 1
            while i < bound { if x[i] < next { next = x[i] }; i += 1 }
            return lerp(x[k], next, t)
        }
        let q25 = value(k25, t25), q50 = value(k50, t50), q75 = value(k75, t75)
        return (q25, q50, q75)
    }

    /// numpy's `_lerp`: a + t(b − a), computed from b when t ≥ 0.5 (monotone, exact at the ends).
    static func lerp(_ a: Double, _ b: Double, _ t: Double) -> Double {
        let d = b - a
        return t >= 0.5 ? b - d * (1 - t) : a + d * t
    }

    /// Rearranges `x[lo...hi]` so that `x[k]` is the value it would have sorted,
    /// smaller-or-equal values before it and larger-or-equal after.
    static func select(_ x: UnsafeMutableBufferPointer<Double>, _ k: Int, _ lo0: Int, _ hi0: Int) {
        var lo = lo0, hi = hi0
        while hi > lo {
            // Median of three as the pivot.
            let mid = lo + (hi - lo) / 2
            if x[mid] < x[lo] { x.swapAt(mid, lo) }
            if x[hi] < x[lo] { x.swapAt(hi, lo) }
            if x[hi] < x[mid] { x.swapAt(hi, mid) }
            let pivot = x[mid]
            var i = lo, j = hi
            while i <= j {
                while x[i] < pivot { i += 1 }
                while pivot < x[j] { j -= 1 }
                if i <= j { x.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { return }
        }
    }
}

final class SummaryBox: @unchecked Sendable {
    var values: [DataSummary.NumericColumn?]
    private let lock = NSLockish()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ v: DataSummary.NumericColumn) { lock.sync { values[k] = v } }
}
