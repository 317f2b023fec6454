import Foundation

extension PriceModelFit {
    /// The residual scale a forecast draws its shocks with, measured out of sample: the root mean square of the
    /// equation's recursive residuals (`PriceEquationEstimator.recursiveResiduals`) and their count.
    ///
    ///     σ_oos = √(Σ eₜ² / m),   m = number of recursive residuals
    ///
    /// Why: the in-sample s is the scatter around a line fitted to those same quarters; a forecast meets quarters
    /// the line has not seen, after regime changes the sample did not hold. The one-step-ahead errors measure that.
    /// Example: errors 3, −4, 12 log points → σ_oos = √((9 + 16 + 144)/3) = 7.51, m = 3.
    public struct PredictiveScale: Sendable, Equatable {
        /// σ_oos, log points per quarter (> 0).
        public var sdPct: Double
        /// m, recursive residuals it rests on: the χ² degrees of freedom of a draw's σ².
        public var count: Int

        /// Fewest recursive residuals for σ_oos to replace s: 8, two years of one series.
        public static let minimumCount = 8

        public init(sdPct: Double, count: Int) {
            precondition(sdPct > 0 && count >= 1, "σ_oos \(sdPct) on \(count) residuals")
            self.sdPct = sdPct; self.count = count
        }

        /// σ_oos of `residuals`; nil when there are fewer than `minimumCount` or all are 0.
        public init?(recursiveResiduals residuals: [PriceEquationEstimator.RecursiveResidual]) {
            guard residuals.count >= Self.minimumCount else { return nil }
            let ms = residuals.reduce(0) { $0 + $1.residualLP * $1.residualLP } / Double(residuals.count)
            guard ms > 0 else { return nil }
            self.init(sdPct: ms.squareRoot(), count: residuals.count)
        }
    }
}
