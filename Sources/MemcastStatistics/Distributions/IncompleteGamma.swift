import Foundation

extension SpecialFunctions {
    /// Regularized incomplete gamma functions P(a, x) = γ(a, x)/Γ(a) (lower)
    /// and Q(a, x) = Γ(a, x)/Γ(a) (upper), for shape a > 0 and x ≥ 0.
    ///
    /// For x < a + 1 the power series
    /// P = D·Σₙ xⁿ / ((a+1)…(a+n)) gives P directly; otherwise the Legendre
    /// continued fraction Q = a·D / (x+1−a − 1·(1−a)/(x+3−a − …)) gives Q
    /// directly (modified Lentz). D = xᵃe⁻ˣ/Γ(a+1) comes from
    /// `gammaPrefactorLog` without cancellation. Returns NaN tails for a ≤ 0
    /// or NaN x.
    ///
    /// - Complexity: O(1 + √a) terms near x ≈ a, fewer elsewhere.
    static func regularizedGamma(_ a: Double, _ x: Double) -> TailProbabilities {
        guard a > 0, !x.isNaN, a.isFinite else { return .undefined }
        if x <= 0 { return .atMinusInfinity }
        if x == .infinity { return .atPlusInfinity }
        let logD = gammaPrefactorLog(a, x)
        if x < a + 1 {
            // Terms shrink by x/(a+n) < 1; stop once they no longer move the sum.
            var sum = 1.0
            var term = 1.0
            var n = 1.0
            let limit = 100 + 50 * a.squareRoot()
            while n < limit {
                term *= x / (a + n)
                sum += term
                if term < sum * 0x1p-54 { break }
                n += 1
            }
            return TailProbabilities(logLower: logD + log(sum))
        }
        let cf = gammaContinuedFraction(a, x)
        return TailProbabilities(logUpper: log(a) + logD + log(cf))
    }

    /// log(xᵃe⁻ˣ/Γ(a+1)) = −δ(a) − D(a, x) − ½·log(2πa) (Loader's form; exact
    /// algebra, no large cancelling terms).
    static func gammaPrefactorLog(_ a: Double, _ x: Double) -> Double {
        -stirlingError(a) - deviance(a, gap: (x - a) / a, logRatio: (x / a).isNormal ? log(x / a) : log(x) - log(a)) - 0.5 * (log2Pi + log(a))
    }

    /// Value of 1/(x+1−a − 1·(1−a)/(x+3−a − 2·(2−a)/(x+5−a − …))).
    private static func gammaContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let b0 = (x - a) + 1
        return 1 / continuedFraction(b0: b0, maxTerms: 100 + 50 * a.squareRoot()) { i in
            (-i * (i - a), b0 + 2 * i)
        }
    }
}

extension SpecialFunctions {
    /// The x ≥ 0 with P(a, x) = lower (equivalently Q(a, x) = upper).
    ///
    /// Exactly one of the two targets is used: `upper` when `useUpper`, so the
    /// caller passes the probability it holds exactly (an isf's q, or 1 − p
    /// where that is exact) and the small one keeps full relative accuracy.
    /// Newton on the log scale (`QuantileSolver`) from the better of a
    /// Wilson–Hilferty guess and the small-x power law P ≈ xᵃ/Γ(a+1).
    static func inverseRegularizedGamma(_ a: Double, lower: Double, upper: Double, useUpper: Bool) -> Double {
        guard a > 0, a.isFinite else { return .nan }
        if useUpper ? upper == 1 : lower == 0 { return 0 }
        if useUpper ? upper == 0 : lower == 1 { return .infinity }
        // Wilson–Hilferty: (x/a)^(1/3) ≈ N(1 − 1/(9a), 1/(9a)).
        let z = useUpper ? Normal.isf(upper) : Normal.quantile(lower)
        let c = 1 / (9 * a)
        let wh = a * pow(max(1 - c + z * c.squareRoot(), 0), 3)
        var guesses = [wh]
        let logTarget = useUpper ? log(upper) : log(lower)
        if !useUpper || upper > 0.5 {
            // Lower tail: P(a, x) ≈ xᵃ/Γ(a+1) for small x.
            let logP = useUpper ? log1p(-upper) : logTarget
            let logGuess = (logP + logGamma(a + 1)) / a
            // The quantile is below the smallest double (e.g. df = 1, p = 1e-300: x ≈ 1.6e-600).
            if logGuess < -746 { return 0 }
            guesses.append(exp(logGuess))
        } else {
            // Upper tail: Q(a, x) ≈ x^(a−1)e⁻ˣ/Γ(a); two fixed-point passes.
            var x = max(-logTarget, 1)
            for _ in 0..<3 { x = max(-logTarget + (a - 1) * log(x) - logGamma(a), 1e-300) }
            guesses.append(x)
        }
        return QuantileSolver.solvePositive(logTarget: logTarget, guesses: guesses) { x in
            let t = regularizedGamma(a, x)
            // d log P / d log x = x·x^(a−1)e⁻ˣ/(Γ(a)·P) = a·D(a, x)/P.
            let logDensityTimesX = log(a) + gammaPrefactorLog(a, x)
            return useUpper
                ? (t.logUpper, -exp(logDensityTimesX - t.logUpper))
                : (t.logLower, exp(logDensityTimesX - t.logLower))
        }
    }
}
