import Foundation
import MemcastData

extension PriceEquationEstimator {
    /// Fewest rows an expanding window must hold before its one-step-ahead error counts: 12, three years of
    /// quarters. Below it the window's own estimation noise (4 coefficients on 7–11 rows) would dominate the
    /// errors and describe a sample size the forecast never uses, not the equation.
    public static let minimumRecursiveWindow = 12

    /// One out-of-sample error of the price equation.
    public struct RecursiveResidual: Sendable, Equatable {
        /// The quarter predicted.
        public var quarter: Period
        /// Rows of the window the equation was fitted on (every row of an earlier quarter).
        public var windowRows: Int
        /// Realized change minus the window's expected change, log points (`ℓₜ − (α̂ + β̂·ℓₜ₋₁ + δ̂·Rₜ₋₁ + γ̂·gap)`).
        public var residualLP: Double
    }

    /// Recursive (expanding-window, one-step-ahead) residuals of the price equation:
    ///
    ///     eₜ = ℓₜ − x̂ₜ(b̂ from the rows of quarters before t),   for every row at quarter t whose window has ≥ m rows
    ///
    /// Each window is fitted by the same estimator as the forecast (`fitInSample`: sign bounds, the γ rule), so
    /// eₜ is what the equation would have missed by had it been used one quarter ahead — estimation noise,
    /// regime changes and fat tails included, where the in-sample s sees only the fitted sample. Rows of the
    /// same quarter (DRAM and NAND changes, DDR4 levels) share a window and give one error each. A row without a
    /// gap is skipped when the window's γ is not 0 (it cannot be predicted); a window that cannot be fitted
    /// gives none.
    ///
    /// Example: rows at 2019Q1…2022Q4, one a quarter, m = 12 → errors for 2022Q1…2022Q4 (windows of 12…15 rows).
    /// - Parameters:
    ///   - rows: the regression rows, any order.
    ///   - minimumWindow: m, fewest rows a window holds (default `minimumRecursiveWindow`, ≥ `minimumRows`).
    /// - Returns: errors in quarter order (ties in `rows` order).
    /// - Complexity: one fit per distinct quarter with a large enough window, O(q·n) for q quarters and n rows.
    public static func recursiveResiduals(rows: [Row], minimumWindow m: Int = minimumRecursiveWindow) -> [RecursiveResidual] {
        recursiveResiduals(rows: rows, windows: expandingWindows(rows: rows, minimumWindow: m))
    }

    /// `recursiveResiduals` from windows already fitted (`expandingWindows` of the same rows).
    static func recursiveResiduals(rows: [Row], windows: [ExpandingWindow]) -> [RecursiveResidual] {
        var out: [RecursiveResidual] = []
        for w in windows {
            for r in rows where r.quarter == w.quarter {
                guard let gap = r.gapPP ?? (w.model.gapCoefficient == 0 ? 0 : nil) else { continue }
                let expected = w.model.expectedLogPoints(lastFourPct: r.lastFourPct, gapPP: gap)
                out.append(RecursiveResidual(quarter: w.quarter, windowRows: w.rows,
                                             residualLP: SupplyDemandPriceModel.logPoints(r.changePct) - expected))
            }
        }
        return out
    }

    /// The equation fitted on every row of a quarter before `quarter`, as of that quarter.
    struct ExpandingWindow {
        var quarter: Period
        /// Rows of the window.
        var rows: Int
        var model: SupplyDemandPriceModel
    }

    /// One fit per distinct quarter of `rows` whose earlier rows number at least `m` (a window that cannot be
    /// fitted is left out), in quarter order; shared by the one-step and the multi-step misses.
    static func expandingWindows(rows: [Row], minimumWindow m: Int) -> [ExpandingWindow] {
        precondition(m >= minimumRows, "a window needs at least \(minimumRows) rows")
        return Set(rows.map(\.quarter)).sorted().compactMap { q in
            let window = rows.filter { $0.quarter < q }
            guard window.count >= m, let fit = try? fitInSample(kind: .dram, rows: window) else { return nil }
            return ExpandingWindow(quarter: q, rows: window.count, model: fit.model)
        }
    }
}
