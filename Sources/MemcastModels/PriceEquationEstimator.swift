import Foundation
import MemcastData
import MemcastNumerics

/// Estimates Stage 1's price equation by least squares on the datasets, in log points
/// (`ℓ = 100·ln(1 + Δp/100)`, see `SupplyDemandPriceModel`):
///
///     ℓₜ = α + β·ℓₜ₋₁ + δ·Rₜ₋₁ + γ·gap_y(t) + εₜ,    ε ~ N(0, σ²),   R = Σ of the last four ℓ
///
/// Rows: quarters whose change and the four before it are known, from two kinds of source
/// (latest vintage by `--as-of`; a quarter without a figure breaks the run):
/// - the trackers' quarterly contract changes (`rows(index:gaps:)`: the series' own figure or
///   its proxy, `ContractPriceIndex`);
/// - realized contract price levels (`levelRows`): DRAMeXchange's monthly benchmark chip price
///   averaged over each quarter, so the change is a measured one, not a forecast. This series is
///   continuous from 2019, where the trackers' quarterly calls leave gaps.
/// Only quarters that have ended by the as-of date (by the latest publication in the data when
/// there is none) are observations: a change published for a quarter still under way is a
/// tracker's call, an input the projection starts from, not a measured move of prices (and a
/// level average over part of a quarter is not that quarter's level).
/// γ enters only when at least `minimumGapRows` rows carry a gap for their year; the fit then uses
/// those rows. When γ ends at its bound 0 the gap explains nothing, and α, β, δ are refitted on all
/// rows (a gap-free equation has no reason to drop the years without a published gap).
///
/// Sign restrictions (economics, not fit): momentum β ∈ [0, 0.95] (contracts adjust
/// gradually, and a shock must fade), reversion δ ≤ 0, gap response γ ≥ 0. They are
/// imposed as inequality-constrained least squares by an active set: fit; if a
/// coefficient breaks its bound, hold the worst one at the bound (moving its term to the
/// left-hand side) and refit the rest; repeat. Coefficient covariance is σ̂²(XᵀX)⁻¹ of the
/// final free coefficients with σ̂² = SSR/(n − free coefficients); held ones have none. The fit records
/// n − free coefficients (`PriceModelFit.degreesOfFreedom`) and, from the equation's recursive residuals
/// (`recursiveResiduals`: one-step-ahead errors of expanding-window refits), their RMS σ_oos and count m
/// (`PriceModelFit.predictive`), so that draws take σ² = σ_oos²·m/χ²_m (s²·ν/χ²_ν while there are fewer than
/// 8 recursive residuals) rather than an in-sample σ̂ as known (`PriceModelFit`).
public enum PriceEquationEstimator {
    /// One regression row.
    public struct Row: Sendable, Equatable {
        public var quarter: Period
        public var changePct: Double
        /// The four previous quarters' changes, most recent last.
        public var lastFourPct: [Double]
        /// Bit demand − supply growth gap of the quarter's year, pp; nil when unknown.
        public var gapPP: Double?

        public init(quarter: Period, changePct: Double, lastFourPct: [Double], gapPP: Double?) {
            precondition(lastFourPct.count == 4)
            self.quarter = quarter; self.changePct = changePct; self.lastFourPct = lastFourPct; self.gapPP = gapPP
        }
    }

    /// Fewest rows for the equation to be fitted at all.
    public static let minimumRows = 7
    /// Fewest rows with a gap for γ to be estimated.
    public static let minimumGapRows = 8
    /// Upper bound of β.
    public static let maximumMomentum = 0.95

    /// Regression rows from a chained index's quarterly changes (nil = no figure).
    public static func rows(quarters: [Period], changesPct: [Double?], gaps: [Int: ValueRange]) -> [Row] {
        var out: [Row] = []
        for t in 4..<Swift.max(quarters.count, 4) {
            let window = changesPct[(t - 4)...t]
            guard window.allSatisfy({ $0 != nil }) else { continue }
            let w = window.map { $0! }
            out.append(Row(quarter: quarters[t], changePct: w[4], lastFourPct: Array(w[0..<4]),
                           gapPP: gaps[quarters[t].year]?.mid))
        }
        return out
    }

    /// The contract series whose quarterly changes feed the pooled equation, by family.
    public static let changeSeries: [(MemoryKind, String)] = [(.dram, "conventional_dram"), (.nand, "nand")]
    /// Realized monthly contract price levels pooled with them: DRAMeXchange's DDR4 8Gb contract
    /// fixed price (the PC DRAM benchmark, nearly every month 2019–2026), with the DRAM gaps.
    public static let levelSeries: [(kind: MemoryKind, series: String, product: String)] = [(.dram, "pc_dram", "ddr4_8gb_chip")]

    /// Every row of the pooled equation as of `asOf`: the quarterly changes of `changeSeries` (a series
    /// without any figure is skipped) and the realized levels of `levelSeries`, each with its family's
    /// yearly gaps. One rule for the forecast (`ForecastInputs.build`), the backtest and `PriceEquationTable`.
    public static func pooledRows(prices: [Observation], asOf: CalendarDate?, gaps: [MemoryKind: [Int: ValueRange]]) -> [Row] {
        pooledSources(prices: prices, asOf: asOf, gaps: gaps).flatMap(\.rows)
    }

    /// `pooledRows` grouped by source: the family, and the series (`conventional_dram`, `nand`) or
    /// `series/product levels` it came from. Rows of quarters not ended by `asOf` (or, without one, by
    /// the latest publication date in `prices`) are left out (see the type's doc), and a level row is
    /// left out when its family's contract series already has a row for that quarter.
    public static func pooledSources(prices: [Observation], asOf: CalendarDate?,
                                     gaps: [MemoryKind: [Int: ValueRange]]) -> [(kind: MemoryKind, source: String, rows: [Row])] {
        let cut = VintageSelection.dataDate(prices, asOf: asOf)
        func ended(_ rows: [Row]) -> [Row] { rows.filter { r in cut.map { r.quarter.end <= $0 } ?? true } }
        var out: [(kind: MemoryKind, source: String, rows: [Row])] = []
        for (kind, series) in changeSeries {
            guard let idx = try? ContractPriceIndex(series: series, observations: prices, asOf: asOf) else { continue }
            out.append((kind, series, ended(rows(index: idx, gaps: gaps[kind] ?? [:]))))
        }
        // A quarter the family's own contract series covers is observed once: the levels only fill quarters
        // it does not. DDR4 is a proxy for conventional DRAM, and a poor one once suppliers ended DDR4 output
        // (announced April 2025, mp0160/mp0161): DDR4 8Gb rose +57%, +150%, +53% in 2025Q2–Q4 while
        // conventional DRAM contracts moved −2.5%, +12.5%, +47.5% — counting both would weigh an
        // end-of-life squeeze as if it were the market.
        for l in levelSeries {
            let covered = Set(out.filter { $0.kind == l.kind }.flatMap { $0.rows.map(\.quarter) })
            let rows = levelRows(observations: prices, series: l.series, product: l.product, asOf: asOf, gaps: gaps[l.kind] ?? [:])
            out.append((l.kind, "\(l.series)/\(l.product) levels", ended(rows.filter { !covered.contains($0.quarter) })))
        }
        return out
    }

    /// Regression rows from realized monthly contract price levels (`metric = usd`, market `contract`) of
    /// one product: each quarter's level is the mean of its months' levels (latest vintage of each month
    /// as of `asOf`, low-reliability rows dropped), its change `100·(Lₜ/Lₜ₋₁ − 1)` percent; a quarter
    /// with no month breaks the run.
    ///
    /// Example: months 2.0, 2.2 (Q1) and 2.4 (Q2) → Q1 level 2.1, Q2 change +14.29%.
    public static func levelRows(observations: [Observation], series: String, product: String, asOf: CalendarDate?,
                                 gaps: [Int: ValueRange]) -> [Row] {
        let monthly = observations.filter {
            $0.series == series && $0.product == product && $0.market == "contract" && $0.metric == "usd"
                && $0.period?.granularity == .month && !$0.isLowReliability
        }
        var byQuarter: [Period: [Double]] = [:]
        for o in VintageSelection.latest(monthly, asOf: asOf) {
            guard let v = o.value, v > 0, let q = o.period?.quarter else { continue }
            byQuarter[q, default: []].append(v)
        }
        guard let first = byQuarter.keys.min(), let last = byQuarter.keys.max(), first < last else { return [] }
        let quarters = first.quarters(through: last)
        let level = quarters.map { q in byQuarter[q].map { $0.reduce(0, +) / Double($0.count) } }
        var changes: [Double?] = [nil]
        for t in 1..<quarters.count {
            guard let a = level[t - 1], let b = level[t] else { changes.append(nil); continue }
            // Means of equal prints can differ in the last bit: a change under 1e-9% is no change.
            let c = 100 * (b / a - 1)
            changes.append(abs(c) < 1e-9 ? 0 : c)
        }
        return rows(quarters: quarters, changesPct: changes, gaps: gaps)
    }

    /// Regression rows from a contract price index (quarters without any figure, `.gap`, break the runs).
    public static func rows(index: ContractPriceIndex, gaps: [Int: ValueRange]) -> [Row] {
        let points = index.points.dropFirst()
        return rows(quarters: points.map(\.quarter), changesPct: points.map { $0.source == .gap ? nil : $0.changePct },
                    gaps: gaps)
    }

    /// Fits the equation and measures its out-of-sample residual scale (`recursiveResiduals`, `PriceModelFit.predictive`)
    /// and how it grows with quarters ahead (`multiStepMisses`, `PriceModelFit.horizon`).
    /// - Throws: `ForecastError.noData` when too few rows are usable.
    /// - Complexity: one least-squares fit per distinct quarter of `rows` (the recursive residuals).
    public static func fit(kind: MemoryKind, rows: [Row]) throws -> PriceModelFit {
        var f = try fitInSample(kind: kind, rows: rows)
        let windows = expandingWindows(rows: rows, minimumWindow: minimumRecursiveWindow)
        f.predictive = PriceModelFit.PredictiveScale(recursiveResiduals: recursiveResiduals(rows: rows, windows: windows))
        if let p = f.predictive {
            f.horizon = PriceModelFit.HorizonScale(misses: multiStepMisses(rows: rows, windows: windows),
                                                   oneStepSDPct: p.sdPct, model: f.model)
        }
        return f
    }

    /// The least-squares fit alone, with the in-sample residual SD s (no recursive residuals).
    /// - Throws: `ForecastError.noData` when too few rows are usable.
    static func fitInSample(kind: MemoryKind, rows: [Row]) throws -> PriceModelFit {
        let withGap = rows.filter { $0.gapPP != nil }
        let useGap = withGap.count >= minimumGapRows
        let used = useGap ? withGap : rows
        guard used.count >= minimumRows else {
            throw ForecastError.noData("\(kind.rawValue) price equation: only \(used.count) quarter\(used.count == 1 ? " has" : "s have") this and the "
                                       + "four previous quarters' contract changes; need at least \(minimumRows)")
        }
        // Log points: ℓ = 100·ln(1 + Δ/100).
        let y = used.map { SupplyDemandPriceModel.logPoints($0.changePct) }
        // Columns in coefficient order: α, β, δ, γ.
        var columns: [[Double]?] = [used.map { _ in 1 }, used.map { SupplyDemandPriceModel.logPoints($0.lastFourPct[3]) },
                                    used.map { SupplyDemandPriceModel.pastYearLogPoints($0.lastFourPct) },
                                    useGap ? used.map { $0.gapPP! } : nil]
        // (lower, upper) bounds; nil = unbounded.
        let bounds: [(Double?, Double?)] = [(nil, nil), (0, maximumMomentum), (nil, 0), (0, nil)]
        var held: [Int: Double] = [:]
        if !useGap { held[3] = 0; columns[3] = nil }
        var solution: (b: [Double], cov: Matrix, free: [Int], ssr: Double)!
        while true {
            let free = (0..<4).filter { held[$0] == nil }
            var target = y
            for (j, v) in held where v != 0 { for i in target.indices { target[i] -= v * columns[j]![i] } }
            let X = Matrix(columns: free.map { columns[$0]! })
            let sol = try LeastSquares.solve(X, target, columnNames: free.map { PriceModelFit.coefficientNames[$0] })
            var b = [Double](repeating: 0, count: 4)
            for (v, j) in held { b[v] = j }
            for (k, j) in free.enumerated() { b[j] = sol.coefficients[k] }
            // The worst bound violation, if any.
            var worst: (j: Int, bound: Double, by: Double)?
            for j in free {
                if let lo = bounds[j].0, b[j] < lo, (worst?.by ?? 0) < lo - b[j] { worst = (j, lo, lo - b[j]) }
                if let hi = bounds[j].1, b[j] > hi, (worst?.by ?? 0) < b[j] - hi { worst = (j, hi, b[j] - hi) }
            }
            if let w = worst { held[w.j] = w.bound; continue }
            let n = Double(used.count)
            let ssr = sol.residualSumOfSquares
            let s2 = ssr / (n - Double(free.count))
            var cov = Matrix(rows: free.count, cols: free.count)
            for i in 0..<free.count { for j in 0..<free.count { cov[i, j] = s2 * sol.unscaledCovariance[i, j] } }
            solution = (b, cov, free, ssr)
            break
        }
        let f = try Cholesky.samplingFactor(covariance: solution.cov, allowSemidefinite: true)
        var factor = Array(repeating: [0.0, 0.0, 0.0, 0.0], count: 4)
        for (a, i) in solution.free.enumerated() { for (c, j) in solution.free.enumerated() { factor[i][j] = f[a, c] } }
        let n = Double(used.count)
        let mean = y.reduce(0, +) / n
        let tss = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let s2 = solution.ssr / (n - Double(solution.free.count))
        let b = solution.b
        // γ at its bound 0 means the gap adds nothing: the rows without a gap are then as good as the
        // rest, so α, β, δ are estimated on all of them rather than on the gap years alone.
        if useGap, held[3] == 0, rows.count > used.count {
            var refit = try fitInSample(kind: kind, rows: rows.map { var r = $0; r.gapPP = nil; return r })
            refit.note = "γ held at its bound 0.0 on the \(used.count) rows with a supply–demand gap: "
                + "refitted on all \(rows.count) rows without γ; " + refit.note
            return refit
        }
        let model = SupplyDemandPriceModel(interceptPct: b[0], momentum: b[1], gapCoefficient: b[3], reversion: b[2],
                                           residualSDPct: s2.squareRoot())
        // Rows come grouped by source, so the span is the earliest and latest quarter, not the first and last row.
        var notes = ["quarters \(used.map(\.quarter).min()!)…\(used.map(\.quarter).max()!)"]
        if !useGap && !withGap.isEmpty { notes.append("only \(withGap.count) rows carry a supply–demand gap (< \(minimumGapRows)): γ = 0") }
        for (j, v) in held.sorted(by: { $0.key < $1.key }) where !(j == 3 && !useGap) {
            notes.append("\(["α", "β", "δ", "γ"][j]) held at its bound \(v)")
        }
        let prev = columns[1]!, past = columns[2]!
        let span = PriceModelFit.RegressorSpan(previousLP: prev.min()!...prev.max()!, pastYearLP: past.min()!...past.max()!)
        return PriceModelFit(kind: kind, model: model, samplingFactor: factor, observations: used.count,
                             degreesOfFreedom: used.count - solution.free.count, rSquared: tss > 0 ? 1 - solution.ssr / tss : 0, note: notes.joined(separator: "; "), span: span)
    }
}
