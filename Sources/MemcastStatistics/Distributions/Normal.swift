import Foundation

/// The standard normal distribution N(0, 1).
///
/// `cdf(x) = Φ(x) = ½·erfc(−x/√2)`, `sf(x) = 1 − Φ(x)` computed directly
/// (so `sf(30)` ≈ 4.9e-198 keeps full relative accuracy), and their logs,
/// which stay finite where the probabilities underflow. Quantiles are
/// refined by Newton steps on the log scale and are accurate for p down to
/// the smallest normal double.
///
/// Example: `Normal.quantile(0.975)` ≈ 1.959963984540054; `Normal.sf(8)` ≈ 6.22e-16.
///
/// NaN in → NaN out; `quantile(p)` is NaN for p outside [0, 1].
public enum Normal {
    /// 1/√2 split into a double and the rest, so that x/√2 is known to ~2⁻¹⁰⁶.
    private static let invSqrt2Hi = 0.7071067811865476
    private static let invSqrt2Lo = -4.8336466567264565186e-17
    private static let twoOverSqrtPi = 1.128379167095512573896159
    private static let invSqrt2Pi = 0.3989422804014326779399461

    /// Density φ(x) = exp(−x²/2)/√(2π).
    public static func pdf(_ x: Double) -> Double {
        let (hi, lo) = halfSquare(x)
        return exp(-hi) * exp(-lo) * invSqrt2Pi
    }

    /// log φ(x).
    public static func logpdf(_ x: Double) -> Double {
        let (hi, lo) = halfSquare(x)
        return -hi - lo - SpecialFunctions.logSqrt2Pi
    }

    /// Φ(x) = P(Z ≤ x).
    public static func cdf(_ x: Double) -> Double { tails(x).lower }

    /// 1 − Φ(x) = P(Z > x), computed directly.
    public static func sf(_ x: Double) -> Double { tails(x).upper }

    /// log Φ(x); finite for every finite x (about −x²/2 in the far left tail).
    public static func logcdf(_ x: Double) -> Double { tails(x).logLower }

    /// log(1 − Φ(x)); finite for every finite x.
    public static func logsf(_ x: Double) -> Double { tails(x).logUpper }

    /// Φ⁻¹(p): the x with Φ(x) = p, for p ∈ [0, 1] (±∞ at the ends, NaN outside).
    public static func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0.5 { return 0 }
        // 1 − p is exact for p ≥ ½, so both halves are solved as upper tails.
        return p < 0.5 ? -upperQuantile(p) : upperQuantile(1 - p)
    }

    /// Inverse survival function: the x with 1 − Φ(x) = q; equals −quantile(q).
    public static func isf(_ q: Double) -> Double { -quantile(q) }

    // MARK: - Implementation

    /// Both tails at x.
    static func tails(_ x: Double) -> TailProbabilities {
        if x.isNaN { return .undefined }
        if x < 0 { return upperTail(-x).swapped }
        return upperTail(x)
    }

    /// Q(x) = 1 − Φ(x) for x ≥ 0 and Φ(x) as its complement.
    private static func upperTail(_ x: Double) -> TailProbabilities {
        if x == .infinity { return .atPlusInfinity }
        if x > 37 {
            // Q < 6e-300: log Q from the asymptotic Mills ratio, Q = exp of it
            // (which underflows gracefully past 2e-308).
            return TailProbabilities(logUpper: logUpperTailAsymptotic(x))
        }
        // Q(x) = ½·erfc(z), z = x/√2 = zHi + zLo. The C library's erfc is
        // accurate for its argument, but rounding x/√2 alone would cost a relative
        // error of ≈ 2z²·2⁻⁵³ (1e-13 at z = 26); erfc(zHi + zLo) ≈
        // erfc(zHi) − (2/√π)·exp(−zHi²)·zLo restores it.
        let (zHi, zLo) = scaledByInvSqrt2(x)
        let q = 0.5 * (erfc(zHi) - twoOverSqrtPi * exp(-zHi * zHi) * zLo)
        if x < 1 {
            let lower = 0.5 + central(x)
            return TailProbabilities(lower: lower, upper: q, logLower: log(lower), logUpper: log(q))
        }
        return TailProbabilities(lower: 1 - q, upper: q, logLower: log1p(-q), logUpper: log(q))
    }

    /// x/√2 as zHi + zLo (zLo is the rounding error of the product, via fma).
    private static func scaledByInvSqrt2(_ x: Double) -> (Double, Double) {
        let zHi = x * invSqrt2Hi
        return (zHi, (-zHi).addingProduct(x, invSqrt2Hi) + x * invSqrt2Lo)
    }

    /// Φ(x) − ½ = ½·erf(x/√2) for x ≥ 0, with full relative accuracy as x → 0
    /// (1 − Q would cancel there).
    private static func central(_ x: Double) -> Double {
        if x >= 1 { return 0.5 - upperTail(x).upper }
        let (zHi, zLo) = scaledByInvSqrt2(x)
        return 0.5 * erf(zHi) + 0.5 * twoOverSqrtPi * exp(-zHi * zHi) * zLo
    }

    /// log Q(x) for large x: log φ(x) − log x + log(1 − 1/x² + 3/x⁴ − 15/x⁶ + …).
    private static func logUpperTailAsymptotic(_ x: Double) -> Double {
        let r = 1 / (x * x)
        var term = 1.0
        var sum = 1.0
        var k = 1.0
        while k < 60 {
            term *= -(2 * k - 1) * r
            let next = sum + term
            if next == sum { break }
            sum = next
            k += 1
        }
        return logpdf(x) - log(x) + log(sum)
    }

    /// x²/2 as hi + lo, with hi exact: x = h + l where h keeps 16 fractional
    /// bits, so x²/2 = h²/2 + l·(x+h)/2 and h² is exact for |x| < 2¹⁰.
    private static func halfSquare(_ x: Double) -> (Double, Double) {
        let h = (x * 65536).rounded(.towardZero) / 65536
        let l = x - h
        return (0.5 * h * h, 0.5 * l * (x + h))
    }

    /// The w > 0 with Q(w) = q, for q ∈ (0, ½).
    static func upperQuantile(_ q: Double) -> Double {
        if q == 0 { return .infinity }
        if q >= 0.5 { return q == 0.5 ? 0 : .nan }
        // Abramowitz & Stegun 26.2.23 (|error| < 4.5e-4) as a starting point.
        let t = (-2 * log(q)).squareRoot()
        let guess = t - (2.515517 + t * (0.802853 + t * 0.010328))
            / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308)))
        if q >= 0.25 {
            // Near the median solve Φ(w) − ½ = ½ − q (exact), whose log is
            // well conditioned even for w ≈ 1e-300.
            let r = 0.5 - q
            return QuantileSolver.solvePositive(
                logTarget: log(r), guesses: [guess, r / invSqrt2Pi]
            ) { w in
                let centralLog = log(central(w))
                return (centralLog, w * exp(logpdf(w) - centralLog))
            }
        }
        return QuantileSolver.solvePositive(logTarget: log(q), guesses: [guess]) { w in
            let tl = upperTail(w)
            return (tl.logUpper, -w * exp(logpdf(w) - tl.logUpper))
        }
    }
}
