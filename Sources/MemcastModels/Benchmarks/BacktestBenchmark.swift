import Foundation
import MemcastData
import MemcastStatistics

/// The `backtest` workload (bench/README.md): for every SKU series of the panel,
/// y = log(asp_usd), x = log(bom_usd), a rolling-origin one-step evaluation of
/// yₜ = a + b·yₜ₋₁ + c·xₜ at origins 28…T−1 by the backtest machinery
/// (`PanelARXBacktest`: Givens-updated least squares per series), scored by
///
///     mae        = mean over series and origins of |yₒ − ŷₒ|
///     mae_naive  = mean of |yₒ − yₒ₋₁|
///     mean_mase  = mean over series of (mean over origins of |yₒ − ŷₒ|) / scale,
///                  scale = mean |Δy| over t < 28.
///
/// Series are fitted in parallel blocks merged in block order, so the result does
/// not depend on the thread count.
public struct BacktestBenchmark: Sendable, Equatable {
    public var series: Int
    public var origins: Int
    public var mae: Double
    public var maeNaive: Double
    public var meanMASE: Double

    /// First forecast origin (0-based quarter index), as in the workload definition.
    public static let firstOrigin = 28

    public static func run(frame: DataFrame, threads: Int) throws -> BacktestBenchmark {
        let panel = try SeriesPanel(frame, entity: "sku", period: "quarter")
        let T = panel.periods
        guard T > firstOrigin else {
            throw BenchmarkError.badLayout("backtest needs more than \(firstOrigin) quarters per SKU, found \(T)")
        }
        let asp = try BenchmarkPanel.numbers(frame, "asp_usd"), bom = try BenchmarkPanel.numbers(frame, "bom_usd")
        let S = panel.entities
        // y and x as S×T blocks in series order; logs of the ordinary columns.
        var y = [Double](repeating: 0, count: S * T), x = y
        for s in 0..<S {
            for t in 0..<T {
                let r = panel.row(entity: s, period: t)
                y[s * T + t] = Foundation.log(asp[r])
                x[s * T + t] = Foundation.log(bom[r])
            }
        }
        let r = try PanelARXBacktest.run(y: y, x: x, seriesLength: T, firstOrigin: firstOrigin, threads: threads)
        guard r.failedFits == 0, let mase = r.model.mase else {
            throw BenchmarkError.badLayout("backtest: \(r.failedFits) windows could not be fitted or a MASE scale is zero")
        }
        return BacktestBenchmark(series: r.seriesCount, origins: r.originCount, mae: r.model.mae,
                                 maeNaive: r.naive.mae, meanMASE: mase)
    }
}
