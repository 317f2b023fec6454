import Foundation
import MemcastData
import MemcastNumerics
import MemcastStatistics

/// Stage 1's price equation (`SupplyDemandPriceModel`) re-estimated at a backtest origin
/// on what was published by then, and iterated to the targets.
///
///     Δpₜ = α + β·Δpₜ₋₁ + γ·gap_y(t) + εₜ,   ε ~ N(0, σ²)
///
/// Fit: OLS on the quarters of the origin's history whose change and the previous
/// quarter's are both known. γ enters only when at least `minimumGapRows` of them carry
/// a bit demand − supply gap for their year (the gaps published by the origin date);
/// otherwise γ = 0 and the note says so. β is kept in [0, 0.95] (a contract price change
/// carries over, and a shock must fade): an estimate outside is held at the bound and the
/// rest refitted. σ̂² = SSR/(n − free coefficients).
///
/// Forecast: from the last known change, Δp is iterated quarter by quarter with the gap
/// of each quarter's year (the latest published by the origin date; a year without one
/// takes the nearest earlier year's, else 0), floored at −60% as in the model. After k
/// steps the interval is ∓ t₀.₉₅(n − free)·σ̂·√(Σⱼ₌₀..ₖ₋₁ β²ʲ): residual noise with the
/// Student t factor of an estimated σ, but without the coefficients' own uncertainty, so
/// coverage errs low when the fit is short.
enum OriginPriceEquation {
    /// Fewest usable rows for a fit.
    static let minimumRows = 6
    /// Fewest rows with a gap for γ to be estimated.
    static let minimumGapRows = 8
    static let maximumMomentum = 0.95

    struct Fit {
        var model: SupplyDemandPriceModel
        var rows: Int
        var usesGap: Bool
        /// n − free coefficients: the degrees of freedom of σ̂.
        var residualDF: Int
    }

    /// Fits on `history` with yearly `gaps` (pp); a reason string when it cannot.
    static func fit(history: QuarterlySeries, gaps: [Int: Double]) -> Result<Fit, Failure> {
        var rows: [(q: Period, y: Double, lag: Double)] = []
        for (i, q) in history.quarters.enumerated() {
            if let lag = history.value(at: q.advanced(by: -1)) { rows.append((q, history.values[i], lag)) }
        }
        let withGap = rows.filter { gaps[$0.q.year] != nil }
        let usesGap = withGap.count >= minimumGapRows
        let used = usesGap ? withGap : rows
        guard used.count >= minimumRows else {
            return .failure(Failure("fewer than \(minimumRows) consecutive quarter pairs known"))
        }
        let y = used.map(\.y)
        var columns: [[Double]] = [used.map { _ in 1 }, used.map(\.lag)]
        if usesGap { columns.append(used.map { gaps[$0.q.year]! }) }
        do {
            var b = try solve(columns, y)
            var heldBeta: Double?
            if b[1] < 0 || b[1] > maximumMomentum {
                let beta = min(max(b[1], 0), maximumMomentum)
                heldBeta = beta
                let rest = try solve([columns[0]] + columns.dropFirst(2), zip(y, used).map { $0 - beta * $1.lag })
                b = [rest[0], beta] + rest.dropFirst()
            }
            var ssr = 0.0
            for (i, r) in used.enumerated() {
                let e = r.y - b[0] - b[1] * r.lag - (usesGap ? b[2] * columns[2][i] : 0)
                ssr += e * e
            }
            let free = columns.count - (heldBeta == nil ? 0 : 1)
            let sigma = (ssr / Double(used.count - free)).squareRoot()
            let model = SupplyDemandPriceModel(interceptPct: b[0], momentum: b[1], gapCoefficient: usesGap ? b[2] : 0,
                                               residualSDPct: sigma)
            return .success(Fit(model: model, rows: used.count, usesGap: usesGap, residualDF: used.count - free))
        } catch {
            return .failure(Failure("least squares failed: \(error)"))
        }
    }

    static func solve(_ columns: [[Double]], _ y: [Double]) throws -> [Double] {
        let s = try LeastSquares.solve(Matrix(columns: columns), y)
        guard s.aliased.isEmpty else { throw LapackError.invalidArgument(operation: "price equation", message: "aliased columns \(s.aliasedNames)") }
        return s.coefficients
    }

    /// Forecasts of `targets` from the last value of `history`.
    static func forecast(_ fit: Fit, history: QuarterlySeries, gaps: [Int: Double], targets: [Period]) -> [PointForecast?] {
        guard let last = history.last, let end = targets.max() else { return targets.map { _ in nil } }
        let m = fit.model
        var path: [Period: PointForecast] = [:]
        var previous = last.value
        var variance = 0.0, betaPower = 1.0
        let t95 = StudentT(df: Double(fit.residualDF)).isf(0.05)
        for q in last.quarter.advanced(by: 1).quarters(through: end) {
            previous = m.projectedChangePct(previousPct: previous, gapPP: gap(gaps, year: q.year))
            variance += m.residualSDPct * m.residualSDPct * betaPower
            betaPower *= m.momentum * m.momentum
            // The floor bounds the lower quantile too.
            var f = PointForecast(point: previous, sd: variance.squareRoot(), quantile95: t95)
            if var qs = f.quantiles { qs.p05 = max(qs.p05, SupplyDemandPriceModel.floorPct); f.quantiles = qs }
            path[q] = f
        }
        return targets.map { path[$0] }
    }

    /// The gap of `year`, else the nearest earlier year's, else 0.
    static func gap(_ gaps: [Int: Double], year: Int) -> Double {
        if let g = gaps[year] { return g }
        return gaps.keys.filter { $0 < year }.max().flatMap { gaps[$0] } ?? 0
    }

    /// Bit demand − supply growth gaps (pp) by year for `entity` (`dram`, `nand`) as published by
    /// `asOf`: demand growth minus supply growth (range midpoints) where both are published, else a
    /// published gap or shortage ratio (+ = shortage), else a sufficiency ratio (+ = oversupply,
    /// sign flipped). The same rule as the forecast chain's gap input.
    static func yearlyGaps(_ rows: [Observation], entity: String, asOf: CalendarDate?) -> [Int: Double] {
        ForecastInputs.publishedGaps(rows, entity: entity, asOf: asOf).mapValues(\.mid)
    }

    struct Failure: Error { var reason: String; init(_ r: String) { reason = r } }
}
