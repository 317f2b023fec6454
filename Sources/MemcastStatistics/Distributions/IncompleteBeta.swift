import Foundation

extension SpecialFunctions {
    /// Regularized incomplete beta function I_x(a, b) (lower) and its
    /// complement 1 − I_x(a, b) = I_y(b, a) (upper), for a, b > 0 and
    /// x ∈ [0, 1] with y = 1 − x supplied by the caller.
    ///
    /// Callers pass y computed from their own variables (e.g. t²/(ν+t²)), so
    /// a tail near x = 1 keeps the relative accuracy that `1 − x` would lose.
    /// They may also pass the relative gaps uA = ((a+b)x − a)/a and
    /// uB = ((a+b)y − b)/b formed from their own variables; the density factor
    /// depends on them through exp(−a·(uA − log(1+uA))), so their accuracy is
    /// what limits far tails with large parameters.
    /// Below the mean, x < (a+1)/(a+b+2), the continued fraction gives
    /// I_x(a, b) directly; above it the same fraction gives I_y(b, a).
    /// `logX`/`logY` default to log x, log y; callers pass them where x or y
    /// underflows (t = 1e200 has x = ν/(ν+t²) ≈ 1e-400 and sf ≈ 1e-200).
    /// Returns NaN tails for a ≤ 0, b ≤ 0 or NaN x.
    static func regularizedBeta(
        _ a: Double, _ b: Double, x: Double, y: Double, gapA: Double? = nil, gapB: Double? = nil,
        logX: Double? = nil, logY: Double? = nil
    ) -> TailProbabilities {
        guard a > 0, b > 0, a.isFinite, b.isFinite, !x.isNaN, !y.isNaN else { return .undefined }
        let logX = logX ?? log(x)
        let logY = logY ?? log(y)
        if logX == -.infinity { return .atMinusInfinity }
        if logY == -.infinity { return .atPlusInfinity }
        let logK = betaPrefactorLog(
            a, b, x: x, y: y, logX: logX, logY: logY, gapA: gapA ?? (b * x - a * y) / a, gapB: gapB ?? (a * y - b * x) / b)
        if x < (a + 1) / (a + b + 2) {
            let f = betaContinuedFraction(a, b, x: x, y: y)
            return TailProbabilities(logLower: logK - log(a) + log(f))
        }
        let f = betaContinuedFraction(b, a, x: y, y: x)
        return TailProbabilities(logUpper: logK - log(b) + log(f))
    }

    /// log(xᵃ·yᵇ / B(a, b)) in Loader's form:
    /// ½·log(ab/(2π(a+b))) + δ(a+b) − δ(a) − δ(b) − D(a, (a+b)x) − D(b, (a+b)y),
    /// with the deviances given through their relative gaps uA, uB (see
    /// `regularizedBeta`) and log x, log y (which stay finite where x or y underflow).
    static func betaPrefactorLog(
        _ a: Double, _ b: Double, x: Double, y: Double, logX: Double, logY: Double, gapA: Double, gapB: Double
    ) -> Double {
        let n = a + b
        // log((a+b)x/a): one rounding in the ratio, unless it is subnormal or zero.
        func logRatio(_ v: Double, _ logV: Double, _ c: Double) -> Double {
            let r = n * v / c
            return r.isNormal && r.isFinite ? log(r) : log(n) + logV - log(c)
        }
        return 0.5 * (log(a) + log(b) - log(n) - log2Pi)
            + stirlingError(n) - stirlingError(a) - stirlingError(b)
            - deviance(a, gap: gapA, logRatio: logRatio(x, logX, a))
            - deviance(b, gap: gapB, logRatio: logRatio(y, logY, b))
    }

    /// f with I_x(a, b) = xᵃyᵇ/(a·B(a, b)) · f.
    ///
    /// The classical fraction f = 1/(1 + d₁/(1 + d₂/(1 + …))) (Abramowitz &
    /// Stegun 26.5.8) evaluated in its even contraction
    /// f = 1/(β₀ − α₁/(β₁ − α₂/(β₂ − …))), αₘ = d₂ₘ₋₁·d₂ₘ, βₘ = 1 + d₂ₘ + d₂ₘ₊₁,
    /// by the modified Lentz method. With L = λ + 1 = (a+b)y − b + 1 = a + 1 − (a+b)x:
    /// β₀ = L/(a+1), βₘ = ((a−1)·L + 2m(a+m)(1+y)) / ((a+2m−1)(a+2m+1)).
    /// L is formed from whichever of x, y is smaller, so it has no
    /// cancellation when the other is close to 1.
    private static func betaContinuedFraction(_ a: Double, _ b: Double, x: Double, y: Double) -> Double {
        // One rounding each (fused multiply-add).
        let l = x <= y ? (a + 1).addingProduct(-(a + b), x) : (1 - b).addingProduct(a + b, y)
        let g = continuedFraction(b0: l / (a + 1), maxTerms: 200 + 50 * max(a, b).squareRoot()) { m in
            let dOdd = -(a + m - 1) * (a + b + m - 1) * x / ((a + 2 * m - 2) * (a + 2 * m - 1))
            let dEven = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            let beta = ((a - 1) * l + 2 * m * (a + m) * (1 + y)) / ((a + 2 * m - 1) * (a + 2 * m + 1))
            return (-(dOdd * dEven), beta)
        }
        return 1 / g
    }
}
