import Foundation

/// Inverts a monotone tail probability on the log scale for a positive variable.
///
/// Solves log F(x) = log p for x > 0 by Newton's method in (log x, log F):
/// Δlog x = −(log F(x) − log p) / (d log F / d log x). On these axes power-law
/// tails (t, F, chi-squared near 0) are straight lines and Gaussian tails are
/// gently curved, so a few steps reach full precision even for p = 1e-300.
/// A bracket [lo, hi] kept from the signs seen so far catches overshoots
/// (bisection in log x). The iterate is updated multiplicatively (x·e^Δ), so
/// it never loses the precision that x = exp(log x) would for |log x| ≫ 1.
enum QuantileSolver {
    /// One evaluation: log F(x) and its slope d log F / d log x (its sign
    /// gives the direction of monotonicity).
    typealias Evaluation = (logF: Double, slope: Double)

    /// - Parameters:
    ///   - logTarget: log p, finite.
    ///   - guesses: starting points (> 0); the one with the smallest residual is used.
    ///   - evaluate: log F and its log-log slope at x > 0.
    static func solvePositive(
        logTarget: Double, guesses: [Double], evaluate: (Double) -> Evaluation
    ) -> Double {
        var lo = 0.0
        var hi = Double.infinity
        // Pick the best guess by residual; every evaluation also tightens the bracket.
        var x = Double.nan
        var current: Evaluation = (.nan, .nan)
        var bestResidual = Double.infinity
        var direction = 0.0
        for g in guesses where g > 0 && g.isFinite {
            let e = evaluate(g)
            let r = e.logF - logTarget
            if r == 0 { return g }
            if direction == 0, e.slope != 0, e.slope.isFinite { direction = e.slope > 0 ? 1 : -1 }
            if direction != 0 { tighten(&lo, &hi, at: g, residual: r * direction) }
            if abs(r) < bestResidual || x.isNaN {
                bestResidual = abs(r)
                x = g
                current = e
            }
        }
        if x.isNaN {
            // No usable guess (all under- or overflowed): start from 1.
            x = 1
            current = evaluate(x)
        }
        for _ in 0..<400 {
            let r = current.logF - logTarget
            if r == 0 { return x }
            if direction == 0, current.slope != 0, current.slope.isFinite { direction = current.slope > 0 ? 1 : -1 }
            if direction != 0 { tighten(&lo, &hi, at: x, residual: r * direction) }
            var step = -r / current.slope
            if !step.isFinite { step = direction * (r > 0 ? -1 : 1) * 2 }
            step = min(max(step, -20), 20)
            var next = x * exp(step)
            if !(next > lo && next < hi) {
                // Newton left the bracket: bisect in log x (or expand outward).
                if lo > 0 && hi.isFinite {
                    next = (lo * hi).isFinite && lo * hi > 0 ? (lo * hi).squareRoot() : lo / 2 + hi / 2
                } else if lo > 0 {
                    next = lo * 16
                } else {
                    next = hi / 16
                }
            }
            // The root lies beyond the doubles: report the end of the range.
            if next == 0 || next == .infinity { return next }
            if abs(next - x) <= 0x1p-52 * x { return next }
            if hi.isFinite, lo > 0, hi - lo <= 0x1p-51 * lo { return next }
            x = next
            current = evaluate(x)
            if current.logF.isNaN { return .nan }
        }
        return x
    }

    /// Narrows [lo, hi] given a residual oriented so that it increases with x.
    private static func tighten(_ lo: inout Double, _ hi: inout Double, at x: Double, residual: Double) {
        if residual < 0 { lo = max(lo, x) } else if residual > 0 { hi = min(hi, x) }
    }
}
