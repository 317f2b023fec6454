import Foundation
import MemcastData

extension PriceEquationEstimator {
    /// Quarters ahead the multi-step misses measure: a year, the horizon the backtest scores.
    public static let multiStepHorizon = 4

    /// Multi-step (iterated, expanding-window) misses of the price equation: from each origin, the window's fitted
    /// equation is run k quarters ahead on its own expected changes (no shocks), with the realized gaps:
    ///
    ///     x̂₁ = α̂ + β̂·ℓ₀ + δ̂·R₀ + γ̂·gap₁,   x̂ₖ = α̂ + β̂·x̂ₖ₋₁ + δ̂·(x̂ₖ₋₁ + … ) + γ̂·gapₖ,   eₖ = ℓₖ − x̂ₖ
    ///
    /// where the window is every row of a quarter up to the origin (as `recursiveResiduals`, whose errors are the
    /// k = 1 misses), and the path follows one series: a row's successor is the row of the next quarter whose four
    /// previous changes are this row's last three and its own change (rows of several sources may share quarters).
    /// A path stops at a quarter without such a row, or at a row without a gap when the window's γ is not 0.
    ///
    /// Why: one-step errors measure one quarter's surprise; a forecast carries its own guesses forward through
    /// momentum, so a wrong turn compounds. The spread of these misses is what a k-step fan must cover.
    /// Example: rows at 2019Q1…2022Q4 of one series, m = 12 → origins 2021Q4…2022Q3; from 2021Q4 steps k = 1…4
    /// reach 2022Q1…2022Q4, from 2022Q3 only k = 1.
    /// - Parameters:
    ///   - rows: the regression rows, any order.
    ///   - steps: K, the most quarters ahead (default `multiStepHorizon`).
    ///   - minimumWindow: fewest rows a window holds (default `minimumRecursiveWindow`).
    /// - Returns: K arrays, the misses at k = 1…K in log points, each in origin order.
    public static func multiStepMisses(rows: [Row], steps: Int = multiStepHorizon,
                                       minimumWindow m: Int = minimumRecursiveWindow) -> [[Double]] {
        multiStepMisses(rows: rows, windows: expandingWindows(rows: rows, minimumWindow: m), steps: steps)
    }

    /// `multiStepMisses` from windows already fitted (`expandingWindows` of the same rows).
    static func multiStepMisses(rows: [Row], windows: [ExpandingWindow], steps: Int = multiStepHorizon) -> [[Double]] {
        precondition(steps >= 1)
        var out = [[Double]](repeating: [], count: steps)
        let byQuarter = Dictionary(grouping: rows, by: \.quarter)
        func successor(of r: Row) -> Row? {
            byQuarter[r.quarter.advanced(by: 1)]?.first { $0.lastFourPct == Array(r.lastFourPct.dropFirst()) + [r.changePct] }
        }
        for w in windows {
            let model = w.model
            for first in rows where first.quarter == w.quarter {
                var row: Row? = first
                var four = first.lastFourPct
                for k in 0..<steps {
                    guard let r = row, let gap = r.gapPP ?? (model.gapCoefficient == 0 ? 0 : nil) else { break }
                    let expected = model.expectedLogPoints(lastFourPct: four, gapPP: gap)
                    out[k].append(SupplyDemandPriceModel.logPoints(r.changePct) - expected)
                    four = Array(four.dropFirst()) + [SupplyDemandPriceModel.percent(logPoints: expected)]
                    row = successor(of: r)
                }
            }
        }
        return out
    }
}
