import Foundation

/// The chi-squared distribution with `df` degrees of freedom.
///
/// `cdf(x) = P(df/2, x/2)` and `sf(x) = Q(df/2, x/2)` (regularized incomplete
/// gamma functions), each computed directly so both tails keep full relative
/// accuracy; quantiles invert them on the log scale (`isf` for upper-tail
/// probabilities such as p-values down to 1e-300).
///
/// Example: `ChiSquared(df: 3).sf(7.814727903251178)` ≈ 0.05.
///
/// Invalid parameters (df ≤ 0, NaN, or infinite) make every function return NaN, as
/// do NaN arguments and probabilities outside [0, 1]; callers validate user input.
public struct ChiSquared: Sendable {
    /// Degrees of freedom, > 0 (non-integer allowed).
    public let df: Double

    public init(df: Double) { self.df = df }

    private var shape: Double { df / 2 }
    private var isValid: Bool { df > 0 && df.isFinite }

    /// Density at x (0 for x < 0).
    public func pdf(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        if x < 0 || x == .infinity { return 0 }
        if x == 0 { return df < 2 ? .infinity : (df == 2 ? 0.5 : 0) }
        // x^(a−1)e^(−x/2)/(2^a Γ(a)) = a·D(a, x/2)/x.
        return exp(log(shape) + SpecialFunctions.gammaPrefactorLog(shape, x / 2) - log(x))
    }

    /// P(X ≤ x).
    public func cdf(_ x: Double) -> Double { tails(x).lower }

    /// P(X > x), computed directly (not 1 − cdf).
    public func sf(_ x: Double) -> Double { tails(x).upper }

    /// log P(X ≤ x).
    public func logcdf(_ x: Double) -> Double { tails(x).logLower }

    /// log P(X > x).
    public func logsf(_ x: Double) -> Double { tails(x).logUpper }

    /// The x with P(X ≤ x) = p, p ∈ [0, 1].
    public func quantile(_ p: Double) -> Double {
        guard isValid, p >= 0, p <= 1 else { return .nan }
        return 2 * SpecialFunctions.inverseRegularizedGamma(shape, lower: p, upper: 1 - p, useUpper: p > 0.5)
    }

    /// The x with P(X > x) = q, q ∈ [0, 1]; accurate for tiny q.
    public func isf(_ q: Double) -> Double {
        guard isValid, q >= 0, q <= 1 else { return .nan }
        return 2 * SpecialFunctions.inverseRegularizedGamma(shape, lower: 1 - q, upper: q, useUpper: q <= 0.5)
    }

    func tails(_ x: Double) -> TailProbabilities {
        guard isValid else { return .undefined }
        return SpecialFunctions.regularizedGamma(shape, x / 2)
    }
}
