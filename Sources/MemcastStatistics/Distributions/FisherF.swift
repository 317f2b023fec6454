import Foundation

/// Snedecor's F distribution with `dfn` (numerator) and `dfd` (denominator)
/// degrees of freedom.
///
/// With a = dfn/2, b = dfd/2, w = a·f/(a·f + b): cdf(f) = I_w(a, b) and
/// sf(f) = I_(1−w)(b, a), each computed directly with 1 − w formed as
/// b/(a·f + b), so upper-tail p-values keep full relative accuracy.
///
/// Example: `FisherF(dfn: 3, dfd: 20).sf(3.098391212407955)` ≈ 0.05.
///
/// Invalid parameters (a df ≤ 0, NaN or infinite) make every function return
/// NaN, as do NaN arguments and probabilities outside [0, 1]; callers
/// validate user input.
public struct FisherF: Sendable {
    /// Numerator degrees of freedom, > 0.
    public let dfn: Double
    /// Denominator degrees of freedom, > 0.
    public let dfd: Double

    public init(dfn: Double, dfd: Double) {
        self.dfn = dfn
        self.dfd = dfd
    }

    private var isValid: Bool { dfn > 0 && dfd > 0 && dfn.isFinite && dfd.isFinite }

    /// Density at f (0 for f < 0).
    public func pdf(_ f: Double) -> Double {
        guard isValid, !f.isNaN else { return .nan }
        if f < 0 || f == .infinity { return 0 }
        if f == 0 { return dfn < 2 ? .infinity : (dfn == 2 ? 1 : 0) }
        return exp(arguments(f).logK - log(f))
    }

    /// P(F ≤ f).
    public func cdf(_ f: Double) -> Double { tails(f).lower }

    /// P(F > f), computed directly (not 1 − cdf).
    public func sf(_ f: Double) -> Double { tails(f).upper }

    /// log P(F ≤ f).
    public func logcdf(_ f: Double) -> Double { tails(f).logLower }

    /// log P(F > f).
    public func logsf(_ f: Double) -> Double { tails(f).logUpper }

    /// The f with P(F ≤ f) = p, p ∈ [0, 1].
    public func quantile(_ p: Double) -> Double {
        guard isValid, p >= 0, p <= 1 else { return .nan }
        return solve(lower: p, upper: 1 - p, useUpper: p > 0.5)
    }

    /// The f with P(F > f) = q, q ∈ [0, 1]; accurate for tiny q.
    public func isf(_ q: Double) -> Double {
        guard isValid, q >= 0, q <= 1 else { return .nan }
        return solve(lower: 1 - q, upper: q, useUpper: q <= 0.5)
    }

    // MARK: - Implementation

    func tails(_ f: Double) -> TailProbabilities {
        guard isValid, !f.isNaN else { return .undefined }
        if f <= 0 { return .atMinusInfinity }
        if f == .infinity { return .atPlusInfinity }
        let p = arguments(f)
        return SpecialFunctions.regularizedBeta(
            dfn / 2, dfd / 2, x: p.w, y: p.y, gapA: p.gapA, gapB: p.gapB, logX: p.logW, logY: p.logY)
    }

    /// w, y = 1 − w, the incomplete beta's relative gaps
    /// uA = b(f−1)/(af+b), uB = −a(f−1)/(af+b), and log K = log(wᵃyᵇ/B(a, b));
    /// pdf(f) = K/f.
    private func arguments(_ f: Double)
        -> (w: Double, y: Double, gapA: Double, gapB: Double, logW: Double, logY: Double, logK: Double)
    {
        let a = dfn / 2
        let b = dfd / 2
        let w, y, gapA, gapB, logW, logY: Double
        if f <= 2 {
            let s = a * f + b
            let c = f - 1  // exact for f ∈ [½, 2]
            w = a * f / s
            y = b / s
            gapA = b * (c / s)
            gapB = -a * (c / s)
            // w underflows for f below ~1e-300·b/a; its log does not.
            logW = log(a) + log(f) - log(s)
            logY = log(y)
        } else {
            // Divide through by f so that a·f cannot overflow.
            let g = 1 / f
            let s = a + b * g
            let c = 1 - g
            w = a / s
            y = b * g / s
            gapA = b * (c / s)
            gapB = -a * (c / s)
            logW = log(w)
            logY = log(b) - log(f) - log(s)
        }
        let logK = SpecialFunctions.betaPrefactorLog(
            a, b, x: w, y: y, logX: logW, logY: logY, gapA: gapA, gapB: gapB)
        return (w, y, gapA, gapB, logW, logY, logK)
    }

    private func solve(lower: Double, upper: Double, useUpper: Bool) -> Double {
        if useUpper ? upper == 1 : lower == 0 { return 0 }
        if useUpper ? upper == 0 : lower == 1 { return .infinity }
        let a = dfn / 2
        let b = dfd / 2
        let logBeta = SpecialFunctions.logGamma(a) + SpecialFunctions.logGamma(b) - SpecialFunctions.logGamma(a + b)
        let logTarget = useUpper ? log(upper) : log(lower)
        let logP = useUpper ? log1p(-upper) : log(lower)
        let logQ = useUpper ? log(upper) : log1p(-lower)
        // Power-law ends: I_w(a, b) ≈ wᵃ/(a·B) near 0, I_y(b, a) ≈ yᵇ/(b·B) near 1.
        let wSmall = exp((logP + log(a) + logBeta) / a)
        let ySmall = exp((logQ + log(b) + logBeta) / b)
        var guesses = [1.0]
        if wSmall < 1 { guesses.append(b * wSmall / (a * (1 - wSmall))) }
        if ySmall < 1 { guesses.append(b * (1 - ySmall) / (a * ySmall)) }
        // Normal approximation through the chi-squared Wilson–Hilferty cube roots (Paulson).
        let z = useUpper ? Normal.isf(upper) : Normal.quantile(lower)
        let c1 = 2 / (9 * dfn)
        let c2 = 2 / (9 * dfd)
        let denom = (1 - c2) * (1 - c2) - z * z * c2
        if denom > 0 {
            let num = (1 - c1) * (1 - c2) + z * ((1 - c1) * (1 - c1) * c2 + (1 - c2) * (1 - c2) * c1 - z * z * c1 * c2).squareRoot()
            let r = num / denom
            if r > 0 { guesses.append(r * r * r) }
        }
        return QuantileSolver.solvePositive(logTarget: logTarget, guesses: guesses) { f in
            let p = arguments(f)
            let t = SpecialFunctions.regularizedBeta(a, b, x: p.w, y: p.y, gapA: p.gapA, gapB: p.gapB, logX: p.logW, logY: p.logY)
            // d log cdf / d log f = f·pdf/cdf = K/cdf.
            return useUpper ? (t.logUpper, -exp(p.logK - t.logUpper)) : (t.logLower, exp(p.logK - t.logLower))
        }
    }
}
