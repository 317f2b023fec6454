import MemcastData
import MemcastNumerics
import MemcastStatistics

/// The `bootstrap` workload: on the rows whose SKU number is < 500 and whose
/// `units_k` is present, `log(units_k) ~ log(asp_usd) + C(segment) + C(region)`
/// (formula → design), then 1,000 pairs-bootstrap replications (`PairsBootstrap`).
/// Replication b draws row `SplitMix64(seed 42) output (b·n + i + 1) mod n` for
/// i = 0…n−1, so it is reproducible and independent of threads. Reports the
/// full-sample elasticity (the `log(asp_usd)` coefficient), the 2.5% and 97.5%
/// percentiles of the replications (numpy linear) and their standard deviation (n−1).
public struct BootstrapBenchmark: Sendable, Equatable {
    public static let formula = "log(units_k) ~ log(asp_usd) + C(segment) + C(region)"
    public static let replications = 1000
    public static let seed: UInt64 = 42
    /// SKUs numbered below this are used.
    public static let skuLimit = 500

    public var n: Int
    public var reps: Int
    public var elasticity: Double
    public var ci95: [Double]
    public var bootSD: Double

    public static func run(frame: DataFrame, threads: Int) throws -> BootstrapBenchmark {
        let subset = try rowsOfSmallSKUs(frame)
        let design = try DesignMatrix(formula: Formula(parsing: formula), data: subset)
        guard let j = design.spec.columnNames.firstIndex(of: "log(asp_usd)") else {
            throw BenchmarkError.badLayout("bootstrap: no log(asp_usd) column in the design")
        }
        let full = try OLS.fit(formula, data: subset)
        let n = design.y.count
        let seed = Self.seed
        let coefficients = try PairsBootstrap.coefficients(design: design.structure, y: design.y, replications: replications,
                                                           threads: threads) { b, idx in
            var g = SplitMix64(seed: seed, skipping: UInt64(b) * UInt64(n))
            let modulo = Modulus(UInt64(n))
            for i in 0..<n { idx[i] = Int(modulo.reduce(g.next())) }
        }
        var est = coefficients.column(j)
        let mean = est.reduce(0, +) / Double(est.count)
        let sd = (est.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(est.count - 1)).squareRoot()
        let ci = est.withUnsafeMutableBufferPointer { OrderStatistics.quantiles($0, [0.025, 0.975]) }
        return BootstrapBenchmark(n: n, reps: replications, elasticity: full.params[j], ci95: ci, bootSD: sd)
    }

    /// The rows with SKU number (the digits after `SKU`) below `skuLimit` and `units_k`
    /// present, with the columns the model uses.
    static func rowsOfSmallSKUs(_ frame: DataFrame) throws -> DataFrame {
        guard let sku = frame["sku"]?.categoricalValues else { throw BenchmarkError.badLayout("bootstrap: no text column 'sku'") }
        let units = try BenchmarkPanel.numbers(frame, "units_k")
        let small = try sku.levels.map { label -> Bool in
            guard label.hasPrefix("SKU"), let number = Int(label.dropFirst(3)) else {
                throw BenchmarkError.badLayout("bootstrap: sku '\(label)' is not SKU followed by a number")
            }
            return number < skuLimit
        }
        let rows = (0..<frame.rowCount).filter { sku.codes[$0] >= 0 && small[Int(sku.codes[$0])] && !units[$0].isNaN }
        var out = DataFrame(source: frame.source)
        for name in ["units_k", "asp_usd", "segment", "region"] {
            switch try frame.column(name) {
            case .numeric(let v): try out.append(name, .numeric(rows.map { v[$0] }))
            case .categorical(let c): try out.append(name, .categorical(CategoricalColumn(codes: rows.map { c.codes[$0] }, levels: c.levels)))
            }
        }
        if let lines = frame.rowLines { out.rowLines = rows.map { lines[$0] } }
        return out
    }
}

/// z mod n for a fixed n by Barrett reduction: q = ⌊z·m / 2⁶⁴⌋ with m = ⌊(2⁶⁴ − 1)/n⌋
/// underestimates ⌊z/n⌋ by at most 2, so r = z − q·n needs at most two subtractions of n.
/// Exactly `z % n`, with a multiply instead of a 64-bit division (the draws of 1,000
/// replications × 20,000 rows spent most of their time dividing).
struct Modulus {
    let n: UInt64
    let m: UInt64

    /// - Precondition: n ≥ 1.
    init(_ n: UInt64) {
        precondition(n >= 1)
        self.n = n
        m = UInt64.max / n
    }

    @inline(__always)
    func reduce(_ z: UInt64) -> UInt64 {
        let q = z.multipliedFullWidth(by: m).high
        var r = z &- q &* n  // in [0, 3n)
        guard n < 1 << 62 else {
            while r >= n { r -= n }
            return r
        }
        // At most two subtractions of n, without branches (how many is random, and a
        // branch mispredicts): t = r − n is negative as a signed number exactly when
        // r < n (r < 3n < 2⁶³), and then n is added back.
        for _ in 0..<2 {
            let t = r &- n
            r = t &+ (n & UInt64(bitPattern: Int64(bitPattern: t) >> 63))
        }
        return r
    }
}
