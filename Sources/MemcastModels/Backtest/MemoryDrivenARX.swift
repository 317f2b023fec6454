import Foundation
import MemcastData
import MemcastNumerics
import MemcastStatistics

/// The model side of the handset stages in a backtest: a reduced form of the chain's
/// stages 2–4 (memory prices → BOM → ASP → shipments), re-estimated at each origin.
///
/// The full chain cannot be run as of 2018–2024: its handset configurations and
/// calibration describe 2025 (Datasets/handset_configs.csv). What can be estimated from
/// each origin's data is how a handset figure follows its own past and the memory price
/// cycle. For a target k quarters after the last known quarter L (direct k-step
/// regression, one fit per k):
///
///     y_s = a + b·y_{s−k} + c·D_{s−k} + ε
///
/// where D_q is the conventional DRAM contract price change over the four quarters to q
/// in log points, 100·Σⱼ₌₀..₃ ln(1 + g_{q−j}/100), from the contract index as of the
/// origin date (the chain's own price input). Rows are the pairs of history quarters k
/// apart (with D known for the driver). With at least `minimumRowsWithDriver` such rows
/// (and D known at L) the driver enters; otherwise, with at least `minimumRows`, the
/// regression is AR only (y_s on y_{s−k}); otherwise no forecast for that target.
///
/// Interval: the OLS prediction interval, ŷ ∓ t₀.₉₅(n − p)·s·√(1 + x₀ᵀ(XᵀX)⁻¹x₀) with
/// s² = SSR/(n − p) and x₀ the regressors at L (Student t, since σ is estimated from few rows).
enum MemoryDrivenARX {
    static let minimumRowsWithDriver = 6
    static let minimumRows = 4

    /// D_q by quarter, from the conventional DRAM contract index as of a date.
    struct Driver: Sendable {
        let prices: [Observation]

        func values(asOf: CalendarDate) -> [Period: Double] {
            guard let idx = try? ContractPriceIndex(series: "conventional_dram", observations: prices, asOf: asOf) else { return [:] }
            var g: [Period: Double] = [:]
            for p in idx.points where p.source != .gap { if let c = p.changePct { g[p.quarter] = c } }
            var out: [Period: Double] = [:]
            for q in g.keys {
                var sum = 0.0, complete = true
                for j in 0..<4 {
                    guard let c = g[q.advanced(by: -j)] else { complete = false; break }
                    sum += log(1 + c / 100)
                }
                if complete { out[q] = 100 * sum }
            }
            return out
        }
    }

    static func forecast(history: QuarterlySeries, driver: [Period: Double], targets: [Period]) -> ModelOutcome {
        guard let last = history.last else { return .unavailable("no history") }
        var out: [PointForecast?] = []
        for t in targets {
            out.append(forecast(history: history, last: last, driver: driver, k: last.quarter.distance(to: t)))
        }
        if out.allSatisfy({ $0 == nil }) {
            return .unavailable("fewer than \(minimumRows) pairs of known quarters as far apart as the targets")
        }
        return .forecasts(out)
    }

    static func forecast(history: QuarterlySeries, last: (quarter: Period, value: Double),
                         driver: [Period: Double], k: Int) -> PointForecast? {
        var rows: [(y: Double, lag: Double, d: Double?)] = []
        for (i, q) in history.quarters.enumerated() {
            if let lag = history.value(at: q.advanced(by: -k)) { rows.append((history.values[i], lag, driver[q.advanced(by: -k)])) }
        }
        let withDriver = rows.filter { $0.d != nil }
        if withDriver.count >= minimumRowsWithDriver, let d0 = driver[last.quarter] {
            return predict(columns: [withDriver.map { _ in 1 }, withDriver.map(\.lag), withDriver.map { $0.d! }],
                           y: withDriver.map(\.y), x0: [1, last.value, d0])
        }
        if rows.count >= minimumRows {
            return predict(columns: [rows.map { _ in 1 }, rows.map(\.lag)], y: rows.map(\.y), x0: [1, last.value])
        }
        return nil
    }

    /// OLS prediction at x₀ with its normal interval; nil when the fit fails or aliases a column.
    static func predict(columns: [[Double]], y: [Double], x0: [Double]) -> PointForecast? {
        guard let s = try? LeastSquares.solve(Matrix(columns: columns), y), s.aliased.isEmpty else { return nil }
        let p = columns.count, n = y.count
        let point = zip(s.coefficients, x0).reduce(0) { $0 + $1.0 * $1.1 }
        var quad = 0.0
        for i in 0..<p { for j in 0..<p { quad += x0[i] * s.unscaledCovariance[i, j] * x0[j] } }
        let s2 = s.residualSumOfSquares / Double(n - p)
        return PointForecast(point: point, sd: (s2 * (1 + quad)).squareRoot(),
                             quantile95: StudentT(df: Double(n - p)).isf(0.05))
    }
}
