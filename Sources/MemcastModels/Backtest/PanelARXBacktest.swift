import Dispatch
import Foundation
import MemcastNumerics

/// Rolling-origin backtest of a first-order ARX regression on many series of equal length,
/// one step ahead — the stress case of the backtest machinery (the bench `backtest`
/// workload: 25,000 SKU price series × 12 origins = 300,000 fits).
///
/// For each series s with yₜ, xₜ (t = 0…L−1) and each origin o = first…last:
///
///     fit   yₜ = a + b·yₜ₋₁ + c·xₜ   by least squares on t = 1…o−1
///     ŷₒ   = â + b̂·yₒ₋₁ + ĉ·xₒ       (model)      ỹₒ = yₒ₋₁   (naive)
///
/// Here "origin o" is the first period forecast (the fit sees t < o). Errors go into
/// `ForecastMetricsAccumulator`s; each series' MASE scale is its in-sample naive error
/// mean|yₜ − yₜ₋₁| over t = 1…first−1, so `model.mase` is the mean over series of each
/// series' MAE/scale (every series has the same origins).
///
/// Fits use `IncrementalLeastSquares`: one Givens update per added row and one 3×3
/// back-substitution per origin, no allocation per fit. A window that is numerically
/// rank-deficient falls back to `LeastSquaresSolver` (pivoted QR; aliased columns count
/// as 0), counted in `fallbackFits`.
///
/// Work is split into fixed blocks of series whose sums are merged in block order, so
/// the result does not depend on `threads`.
public enum PanelARXBacktest {
    public struct Result: Sendable, Equatable {
        public var seriesCount: Int
        public var originCount: Int
        /// One-step errors of the ARX fit, all series × origins.
        public var model: ForecastMetrics
        /// Errors of yₒ₋₁.
        public var naive: ForecastMetrics
        /// Windows the incremental solver refused (rank-deficient) and the pivoted solver fitted.
        public var fallbackFits: Int
        /// Windows no solver could fit; their pairs are left out of both `model` and `naive`.
        public var failedFits: Int
    }

    /// Series per block of work (also the unit of deterministic summation).
    static let blockSize = 256

    /// Runs the backtest.
    /// - Parameters:
    ///   - y: S·L responses, series after series (series s is y[s·L ..< (s+1)·L]).
    ///   - x: the regressor, same layout.
    ///   - seriesLength: L.
    ///   - firstOrigin: first period forecast, ≥ 4 (three rows to fit three coefficients).
    ///   - lastOrigin: last period forecast, < L (default L − 1).
    ///   - threads: worker threads (≥ 1); results are identical for any value.
    /// - Throws: `BacktestError.usage` for inconsistent sizes or origins,
    ///   `BacktestError.data` for a non-finite value (naming series and period).
    public static func run(y: [Double], x: [Double], seriesLength L: Int, firstOrigin: Int,
                           lastOrigin: Int? = nil, threads: Int = 1) throws -> Result {
        let last = lastOrigin ?? L - 1
        guard L >= 2, y.count % L == 0, x.count == y.count else {
            throw BacktestError.usage("panel backtest: \(y.count) responses and \(x.count) regressors do not make series of length \(L)")
        }
        guard firstOrigin >= 4, firstOrigin <= last, last < L else {
            throw BacktestError.usage("panel backtest: origins \(firstOrigin)…\(last) must satisfy 4 ≤ first ≤ last < \(L)")
        }
        if let i = y.firstIndex(where: { !$0.isFinite }) {
            throw BacktestError.data("panel backtest: y of series \(i / L) at period \(i % L) is \(y[i])")
        }
        if let i = x.firstIndex(where: { !$0.isFinite }) {
            throw BacktestError.data("panel backtest: x of series \(i / L) at period \(i % L) is \(x[i])")
        }
        let S = y.count / L
        let blocks = (S + blockSize - 1) / blockSize
        var partial = [Block](repeating: Block(), count: blocks)
        y.withUnsafeBufferPointer { yp in
            x.withUnsafeBufferPointer { xp in
                partial.withUnsafeMutableBufferPointer { out in
                    let outBase = out.baseAddress!
                    let work = { (b: Int) in
                        outBase[b] = runBlock(y: yp, x: xp, L: L, series: b * blockSize..<min(S, (b + 1) * blockSize),
                                              first: firstOrigin, last: last)
                    }
                    // Blocks are claimed in order by `threads` workers; each writes only its own slot.
                    ParallelLoop.run(iterations: blocks, threads: threads, work)
                }
            }
        }
        var model = ForecastMetricsAccumulator(), naive = ForecastMetricsAccumulator()
        var fallbacks = 0, failures = 0
        for p in partial {
            model.merge(p.model); naive.merge(p.naive)
            fallbacks += p.fallbacks; failures += p.failures
        }
        return Result(seriesCount: S, originCount: last - firstOrigin + 1, model: model.metrics,
                      naive: naive.metrics, fallbackFits: fallbacks, failedFits: failures)
    }

    struct Block {
        var model = ForecastMetricsAccumulator()
        var naive = ForecastMetricsAccumulator()
        var fallbacks = 0
        var failures = 0
    }

    /// The inner loop: one incremental solver reused for every series of the block.
    static func runBlock(y: UnsafeBufferPointer<Double>, x: UnsafeBufferPointer<Double>, L: Int,
                         series: Range<Int>, first: Int, last: Int) -> Block {
        var out = Block()
        let ls = IncrementalLeastSquares(columns: 3)
        var b = (0.0, 0.0, 0.0)
        for s in series {
            let base = s * L
            // MASE scale: in-sample naive error over t = 1…first−1.
            var sum = 0.0
            for t in 1..<first { sum += abs(y[base + t] - y[base + t - 1]) }
            let scale = sum / Double(first - 1)
            ls.reset()
            for t in 1..<first { ls.add(1, y[base + t - 1], x[base + t], y: y[base + t]) }
            for o in first...last {
                let ok = withUnsafeMutableBytes(of: &b) { raw in
                    ls.solve(into: raw.baseAddress!.assumingMemoryBound(to: Double.self))
                }
                let actual = y[base + o], previous = y[base + o - 1]
                if !ok {
                    b = fallbackFit(y: y, x: x, base: base, rows: 1..<o)
                    out.fallbacks += 1
                }
                if b.0.isNaN {
                    out.failures += 1   // no fit at all: the pair is left out of both rows
                } else {
                    out.model.addPoint(actual: actual, forecast: b.0 + b.1 * previous + b.2 * x[base + o], scale: scale)
                    out.naive.addPoint(actual: actual, forecast: previous, scale: scale)
                }
                if o < last { ls.add(1, previous, x[base + o], y: actual) }
            }
        }
        return out
    }

    /// The pivoted solver on rows `rows` of one series; aliased coefficients count as 0.
    static func fallbackFit(y: UnsafeBufferPointer<Double>, x: UnsafeBufferPointer<Double>, base: Int,
                            rows: Range<Int>) -> (Double, Double, Double) {
        var design = Matrix(rows: rows.count, cols: 3)
        var response = [Double](repeating: 0, count: rows.count)
        for (i, t) in rows.enumerated() {
            design[i, 0] = 1; design[i, 1] = y[base + t - 1]; design[i, 2] = x[base + t]
            response[i] = y[base + t]
        }
        guard let s = try? LeastSquaresSolver().solve(design, response, columnNames: ["const", "y_lag", "x"]) else {
            return (.nan, .nan, .nan)
        }
        func c(_ j: Int) -> Double { s.coefficients[j].isNaN ? 0 : s.coefficients[j] }
        return (c(0), c(1), c(2))
    }
}
