import MemcastData

/// A forecast of one quarter: a point and, when the method gives one, p05/p50/p95.
public struct PointForecast: Sendable, Equatable {
    public var point: Double
    public var quantiles: QuantileSummary?

    public init(point: Double, quantiles: QuantileSummary? = nil) {
        self.point = point
        self.quantiles = quantiles
    }

    /// A point with a normal interval: p05/p95 = point ∓ 1.645·sd (sd ≤ 0 or NaN: no interval).
    public init(point: Double, normalSD sd: Double) {
        self.init(point: point, sd: sd, quantile95: PointForecast.z95)
    }

    /// A point with a symmetric interval p05/p95 = point ∓ q·sd, where q is the 95% quantile
    /// of the standardized error (1.645 normal; Student t's for an estimated σ).
    public init(point: Double, sd: Double, quantile95 q: Double) {
        self.point = point
        if sd > 0 && sd.isFinite && q > 0 && q.isFinite {
            quantiles = QuantileSummary(p05: point - q * sd, p50: point, p95: point + q * sd)
        } else {
            quantiles = nil
        }
    }

    /// Φ⁻¹(0.95), so that point ± z·sd spans the central 90% of a normal.
    public static let z95 = 1.6448536269514722
}

/// The benchmarks every model must beat, computed from the history known at the origin.
///
/// h is the number of quarters from the last quarter with a value to the target (so a
/// stale last value counts as a longer horizon). Intervals are the usual normal ones
/// (Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed., §5.5),
/// with σ̂ from the history's own quarter-to-quarter changes:
///
/// - `naive` (random walk): ŷ = y_L;  σ̂² = mean of (yₜ − yₜ₋₁)²;  σₕ = σ̂·√h.
/// - `seasonalNaive`: ŷ = the value of the same quarter k years back, the most recent
///   one known;  σ̂² = mean of (yₜ − yₜ₋₄)²;  σₕ = σ̂·√k.
/// - `drift`: ŷ = y_L + h·(y_L − y_F)/(L − F) (the line through the first and last
///   values);  σ̂² = Σ(dₜ − slope)²/(n_d − 1) over one-quarter changes dₜ;
///   σₕ = σ̂·√(h·(1 + h/T)), T = L − F quarters.
///
/// - `noChange` (for series that are themselves changes, such as a contract price's % QoQ):
///   ŷ = 0, the random walk in the price *level* — the textbook benchmark for prices;
///   σ̂ = root mean square of the history's values (the typical size of one quarter's
///   change), the same for every h (each target is one quarter's change, not a sum).
///
/// Intervals need at least one change (two for drift); without them the baseline gives
/// a point only. Example: history 10, 12, 11 (three consecutive quarters), one quarter
/// ahead: naive 11 (σ̂ = √((4 + 1)/2)), drift 11 + 1·(11 − 10)/2 = 11.5.
public enum Baseline: String, CaseIterable, Sendable, Codable {
    case naive
    case seasonalNaive = "seasonal_naive"
    case drift
    case noChange = "no_change"

    /// The forecast of `target` from `history`, or nil when the history cannot give one
    /// (empty; for drift fewer than two values; for seasonal naive no value of the target's quarter).
    /// - Parameter seasonalPeriod: quarters per season (4).
    public func forecast(history: QuarterlySeries, target: Period, seasonalPeriod m: Int = 4) -> PointForecast? {
        guard let last = history.last, target > last.quarter else { return nil }
        let h = Double(last.quarter.distance(to: target))
        switch self {
        case .naive:
            let d = history.differences(lag: 1)
            let sd = d.isEmpty ? Double.nan : (d.reduce(0) { $0 + $1 * $1 } / Double(d.count)).squareRoot()
            return PointForecast(point: last.value, normalSD: sd * h.squareRoot())
        case .seasonalNaive:
            var k = 1
            var q = target.advanced(by: -m)
            while q > last.quarter { k += 1; q = q.advanced(by: -m) }
            while history.value(at: q) == nil {
                guard let first = history.first, q > first.quarter else { return nil }
                k += 1
                q = q.advanced(by: -m)
            }
            let d = history.differences(lag: m)
            let sd = d.isEmpty ? Double.nan : (d.reduce(0) { $0 + $1 * $1 } / Double(d.count)).squareRoot()
            return PointForecast(point: history.value(at: q)!, normalSD: sd * Double(k).squareRoot())
        case .noChange:
            let v = history.values
            return PointForecast(point: 0, normalSD: (v.reduce(0) { $0 + $1 * $1 } / Double(v.count)).squareRoot())
        case .drift:
            guard let first = history.first, first.quarter < last.quarter else { return nil }
            let span = Double(first.quarter.distance(to: last.quarter))
            let slope = (last.value - first.value) / span
            let d = history.differences(lag: 1)
            var sd = Double.nan
            if d.count >= 2 {
                sd = (d.reduce(0) { $0 + ($1 - slope) * ($1 - slope) } / Double(d.count - 1)).squareRoot()
            }
            return PointForecast(point: last.value + h * slope, normalSD: sd * (h * (1 + h / span)).squareRoot())
        }
    }
}
