/// Sample quantiles with numpy's default rule ("linear", Hyndman & Fan type 7).
///
/// For sorted values x₀ ≤ … ≤ xₙ₋₁ and probability p ∈ [0, 1]:
/// `h = (n − 1)·p`, `q = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋)`.
/// Example: quantile of [1, 2, 3, 4] at 0.5 is 2.5; at 0.05 it is 1.15.
public enum Quantiles {
    /// Quantile `p` of already sorted values (ascending, no NaN). Returns NaN when empty.
    public static func sorted(_ x: [Double], _ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "probability \(p) outside [0, 1]")
        guard !x.isEmpty else { return .nan }
        let h = Double(x.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, x.count - 1)
        return x[lo] + (h - Double(lo)) * (x[hi] - x[lo])
    }

    /// Quantiles `ps` of unsorted values; NaN values are dropped first.
    public static func of(_ x: [Double], _ ps: [Double]) -> [Double] {
        let s = x.filter { !$0.isNaN }.sorted()
        return ps.map { sorted(s, $0) }
    }
}

/// The three quantiles memcast reports for every output: p05, p50, p95.
public struct QuantileSummary: Sendable, Equatable, Codable {
    public var p05: Double
    public var p50: Double
    public var p95: Double

    public init(p05: Double, p50: Double, p95: Double) {
        self.p05 = p05; self.p50 = p50; self.p95 = p95
    }

    /// Summarises draws (NaN dropped) with numpy-linear quantiles.
    public init(draws: [Double]) {
        let q = Quantiles.of(draws, [0.05, 0.5, 0.95])
        self.init(p05: q[0], p50: q[1], p95: q[2])
    }
}
