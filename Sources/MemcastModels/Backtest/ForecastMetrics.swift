/// Accuracy of forecasts against realized values: point errors and interval scores.
///
/// With realized yᵢ, point forecast ŷᵢ and error eᵢ = yᵢ − ŷᵢ over n pairs:
///
///     MAE   = Σ|eᵢ| / n
///     RMSE  = √(Σeᵢ² / n)
///     MAPE  = 100 · Σ|eᵢ/yᵢ| / n            undefined (nil) when any yᵢ = 0
///     MASE  = Σ|eᵢ|/sᵢ / m                  over the m pairs with a defined scale sᵢ
///     bias  = Σ(ŷᵢ − yᵢ) / n                 positive = forecasts too high
///
/// MASE (Hyndman & Koehler 2006) divides each error by the in-sample naive error of
/// the history its forecast was made from (`naiveScale`): MASE < 1 beats the in-sample
/// random walk. A scale is undefined when the history has too few values or never
/// changes (sᵢ = 0); such pairs are left out of MASE and counted in
/// `maseUndefinedScales`, and MASE is nil when no pair has a scale.
///
/// Interval scores use the forecast's quantiles q₀.₀₅ ≤ q₀.₅ ≤ q₀.₉₅ (the central 90%
/// interval [l, u] = [q₀.₀₅, q₀.₉₅], α = 0.10) over the `intervalCount` pairs that have them:
///
///     coverage = share of pairs with l ≤ yᵢ ≤ u                    (ideal 0.90)
///     Winkler  = (u − l) + (2/α)(l − y)·[y < l] + (2/α)(y − u)·[y > u]   mean over pairs
///     pinball  = mean over pairs and τ ∈ {0.05, 0.5, 0.95} of
///                ρτ(y − q_τ),  ρτ(d) = τ·d if d ≥ 0, (τ − 1)·d otherwise
///
/// Example (see ForecastMetricsTests): y = (10, −5, 0), ŷ = (8, −5, 3) gives MAE 5/3,
/// RMSE √(13/3), bias 1/3, and no MAPE (y₃ = 0).
public struct ForecastMetrics: Sendable, Equatable {
    /// n: pairs with a point forecast and a realized value.
    public var count: Int
    public var mae: Double
    public var rmse: Double
    /// Percent; nil when n = 0 or some realized value is 0.
    public var mapePct: Double?
    /// Pairs whose realized value is exactly 0 (what makes MAPE undefined).
    public var mapeZeroActuals: Int
    /// nil when no pair has a defined scale.
    public var mase: Double?
    /// Pairs left out of MASE because their scale was undefined (too little history, or zero).
    public var maseUndefinedScales: Int
    /// Mean of forecast − realized.
    public var bias: Double
    /// Pairs that carried p05/p50/p95.
    public var intervalCount: Int
    /// Share 0…1 of realized values inside [p05, p95]; nil without intervals.
    public var coverage90: Double?
    /// Mean Winkler score of the 90% interval, in the series' unit; nil without intervals.
    public var winkler90: Double?
    /// Mean pinball loss over p05, p50, p95, in the series' unit; nil without intervals.
    public var pinball: Double?

    /// α of the central interval scored (p05–p95).
    public static let intervalAlpha = 0.10
    /// Quantile levels of the pinball loss.
    public static let quantileLevels: [Double] = [0.05, 0.5, 0.95]

    /// Metrics of paired arrays (the array form of `ForecastMetricsAccumulator`).
    /// - Parameters:
    ///   - actual: realized values.
    ///   - forecast: point forecasts, same count.
    ///   - scales: per-pair MASE scale (nil entries = undefined); nil = no MASE at all.
    ///   - quantiles: per-pair p05/p50/p95 (nil entries = none).
    public static func of(actual: [Double], forecast: [Double], scales: [Double?]? = nil,
                          quantiles: [QuantileSummary?]? = nil) -> ForecastMetrics {
        precondition(actual.count == forecast.count)
        precondition(scales.map { $0.count == actual.count } ?? true)
        precondition(quantiles.map { $0.count == actual.count } ?? true)
        var acc = ForecastMetricsAccumulator()
        for i in actual.indices {
            acc.add(actual: actual[i], forecast: forecast[i], scale: scales?[i] ?? nil,
                    quantiles: quantiles?[i] ?? nil)
        }
        return acc.metrics
    }

    /// Winkler score of one central (1 − α) interval [l, u] for realized y.
    ///
    /// Example: [0, 10], α = 0.1: y = 5 → 10; y = 12 → 10 + 20·2 = 50; y = −1 → 10 + 20 = 30.
    @inlinable
    public static func winklerScore(lower l: Double, upper u: Double, actual y: Double, alpha: Double = intervalAlpha) -> Double {
        precondition(l <= u && alpha > 0 && alpha < 1)
        var s = u - l
        if y < l { s += 2 / alpha * (l - y) } else if y > u { s += 2 / alpha * (y - u) }
        return s
    }

    /// Pinball (quantile) loss of quantile forecast q at level τ for realized y.
    ///
    /// Example: τ = 0.95, q = 10: y = 12 → 0.95·2 = 1.9; y = 8 → 0.05·2 = 0.1.
    @inlinable
    public static func pinballLoss(quantile q: Double, level tau: Double, actual y: Double) -> Double {
        let d = y - q
        return d >= 0 ? tau * d : (tau - 1) * d
    }

    /// In-sample naive error of a history: mean |yₜ − yₜ₋ₘ| over t = m…n−1
    /// (m = 1: random walk; m = 4: seasonal naive for quarters).
    /// - Returns: nil when the history has m or fewer values or the mean is 0 or not finite.
    public static func naiveScale(_ history: [Double], seasonalPeriod m: Int = 1) -> Double? {
        precondition(m >= 1)
        guard history.count > m else { return nil }
        var s = 0.0
        for t in m..<history.count { s += abs(history[t] - history[t - m]) }
        let v = s / Double(history.count - m)
        return v > 0 && v.isFinite ? v : nil
    }
}

/// Streaming sums behind `ForecastMetrics`: `add` one pair at a time, read `metrics`.
///
/// A plain value of a dozen numbers, so a backtest's inner loop can score millions
/// of pairs without allocating; `merge` combines accumulators of disjoint pairs
/// (merge in a fixed order when results must not depend on the thread count).
public struct ForecastMetricsAccumulator: Sendable, Equatable {
    // Internal sums, readable by the inlinable `add` in client modules.
    @usableFromInline var count = 0
    @usableFromInline var sumAbs = 0.0, sumSq = 0.0, sumSigned = 0.0
    @usableFromInline var sumAbsPct = 0.0, zeroActuals = 0
    @usableFromInline var sumScaled = 0.0, scaledCount = 0, undefinedScales = 0
    @usableFromInline var intervalCount = 0, covered = 0, sumWinkler = 0.0, sumPinball = 0.0

    public init() {}

    /// Pairs added.
    public var pairs: Int { count }

    /// Adds one pair.
    /// - Parameters:
    ///   - actual: realized value.
    ///   - forecast: point forecast (the median when quantiles are given).
    ///   - scale: the MASE scale of the forecast's history; nil, 0 or non-finite = undefined.
    ///   - quantiles: p05/p50/p95 of the forecast, when it has an interval.
    @inlinable
    public mutating func add(actual y: Double, forecast f: Double, scale: Double? = nil,
                             quantiles q: QuantileSummary? = nil) {
        addPoint(actual: y, forecast: f, scale: scale ?? .nan)
        if let q { addInterval(actual: y, p05: q.p05, p50: q.p50, p95: q.p95) }
    }

    /// Point part of `add` (scale NaN = undefined): no optionals, for hot loops.
    @inlinable
    public mutating func addPoint(actual y: Double, forecast f: Double, scale: Double) {
        let e = y - f
        count += 1
        sumAbs += abs(e)
        sumSq += e * e
        sumSigned += f - y
        if y == 0 { zeroActuals += 1 } else { sumAbsPct += abs(e / y) }
        if scale > 0 && scale.isFinite {
            sumScaled += abs(e) / scale
            scaledCount += 1
        } else {
            undefinedScales += 1
        }
    }

    /// Interval part of `add`.
    @inlinable
    public mutating func addInterval(actual y: Double, p05: Double, p50: Double, p95: Double) {
        intervalCount += 1
        if p05 <= y && y <= p95 { covered += 1 }
        sumWinkler += ForecastMetrics.winklerScore(lower: p05, upper: p95, actual: y)
        sumPinball += (ForecastMetrics.pinballLoss(quantile: p05, level: 0.05, actual: y)
            + ForecastMetrics.pinballLoss(quantile: p50, level: 0.5, actual: y)
            + ForecastMetrics.pinballLoss(quantile: p95, level: 0.95, actual: y)) / 3
    }

    /// Adds the pairs of another accumulator.
    public mutating func merge(_ o: ForecastMetricsAccumulator) {
        count += o.count; sumAbs += o.sumAbs; sumSq += o.sumSq; sumSigned += o.sumSigned
        sumAbsPct += o.sumAbsPct; zeroActuals += o.zeroActuals
        sumScaled += o.sumScaled; scaledCount += o.scaledCount; undefinedScales += o.undefinedScales
        intervalCount += o.intervalCount; covered += o.covered
        sumWinkler += o.sumWinkler; sumPinball += o.sumPinball
    }

    /// The metrics of the pairs added (NaN point metrics when none).
    public var metrics: ForecastMetrics {
        let n = Double(count), m = Double(intervalCount)
        return ForecastMetrics(
            count: count,
            mae: count > 0 ? sumAbs / n : .nan,
            rmse: count > 0 ? (sumSq / n).squareRoot() : .nan,
            mapePct: count > 0 && zeroActuals == 0 ? 100 * sumAbsPct / n : nil,
            mapeZeroActuals: zeroActuals,
            mase: scaledCount > 0 ? sumScaled / Double(scaledCount) : nil,
            maseUndefinedScales: undefinedScales,
            bias: count > 0 ? sumSigned / n : .nan,
            intervalCount: intervalCount,
            coverage90: intervalCount > 0 ? Double(covered) / m : nil,
            winkler90: intervalCount > 0 ? sumWinkler / m : nil,
            pinball: intervalCount > 0 ? sumPinball / m : nil)
    }
}
