import MemcastStatistics

/// Sample quantiles with numpy's default rule ("linear", Hyndman & Fan type 7).
///
/// For sorted values x₀ ≤ … ≤ xₙ₋₁ and probability p ∈ [0, 1]:
/// `h = (n − 1)·p`, `q = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋)`, evaluated as numpy's
/// `_lerp` does (from the upper point when the fraction is ≥ ½), so results agree
/// with numpy to the last bit whenever the order statistics do.
/// Example: quantile of [1, 2, 3, 4] at 0.5 is 2.5; at 0.05 it is 1.15.
public enum Quantiles {
    /// Quantile `p` of already sorted values (ascending, no NaN). Returns NaN when empty.
    public static func sorted(_ x: [Double], _ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "probability \(p) outside [0, 1]")
        guard !x.isEmpty else { return .nan }
        let (k, t) = OrderStatistics.position(count: x.count, p)
        return t == 0 ? x[k] : OrderStatistics.lerp(x[k], x[min(k + 1, x.count - 1)], t)
    }

    /// Quantiles `ps` of unsorted values; NaN values are dropped first. By selection,
    /// not sorting (`OrderStatistics`): a million draws cost a few passes.
    public static func of(_ x: [Double], _ ps: [Double]) -> [Double] {
        OrderStatistics.quantiles(of: x, ps)
    }

    /// Quantiles `ps` of the non-NaN `values`, reordering them in place (no copy).
    public static func inPlace(_ values: UnsafeMutableBufferPointer<Double>, _ ps: [Double]) -> [Double] {
        OrderStatistics.quantiles(values, ps)
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
