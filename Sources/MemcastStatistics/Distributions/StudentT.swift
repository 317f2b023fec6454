import Foundation

/// Student's t distribution with `df` (ν) degrees of freedom.
///
/// With x = ν/(ν+t²) and y = t²/(ν+t²), P(|T| > |t|) = I_x(ν/2, ½) and
/// P(|T| < |t|) = I_y(½, ν/2). Both are evaluated from t itself (y and the
/// density's gaps are never formed as 1 − x), so tails keep full relative
/// accuracy for any ν, including ν ≫ t² where t approaches the normal.
/// ν = +∞ is the standard normal.
///
/// Example: `StudentT(df: 10).isf(0.025)` ≈ 2.228138851986274.
///
/// Invalid parameters (df ≤ 0 or NaN) make every function return NaN, as do
/// NaN arguments and probabilities outside [0, 1]; callers validate user input.
public struct StudentT: Sendable {
    /// Degrees of freedom ν > 0 (non-integer allowed; +∞ gives the normal).
    public let df: Double

    public init(df: Double) { self.df = df }

    private var isValid: Bool { df > 0 }

    /// Density at t.
    public func pdf(_ t: Double) -> Double {
        guard isValid, !t.isNaN else { return .nan }
        if df == .infinity { return Normal.pdf(t) }
        if t.isInfinite { return 0 }
        if t == 0 {
            // log Γ(a+½) − log Γ(a) − ½·log(2aπ) via Stirling's error terms, a = ν/2.
            let a = df / 2
            return exp(a * log1p(0.5 / a) - 0.5 + SpecialFunctions.stirlingError(a + 0.5)
                - SpecialFunctions.stirlingError(a) - SpecialFunctions.logSqrt2Pi)
        }
        return exp(Self.betaArguments(df, abs(t)).logK - log(abs(t)))
    }

    /// P(T ≤ t).
    public func cdf(_ t: Double) -> Double { tails(t).lower }

    /// P(T > t), computed directly (not 1 − cdf).
    public func sf(_ t: Double) -> Double { tails(t).upper }

    /// log P(T ≤ t).
    public func logcdf(_ t: Double) -> Double { tails(t).logLower }

    /// log P(T > t).
    public func logsf(_ t: Double) -> Double { tails(t).logUpper }

    /// The t with P(T ≤ t) = p, p ∈ [0, 1] (±∞ at the ends).
    public func quantile(_ p: Double) -> Double {
        guard isValid, p >= 0, p <= 1 else { return .nan }
        if p == 0.5 { return 0 }
        return p < 0.5 ? -upperQuantile(p) : upperQuantile(1 - p)
    }

    /// The t with P(T > t) = q, q ∈ [0, 1]; accurate for tiny q. Equals −quantile(q).
    public func isf(_ q: Double) -> Double { -quantile(q) }

    // MARK: - Implementation

    func tails(_ t: Double) -> TailProbabilities {
        guard isValid, !t.isNaN else { return .undefined }
        if df == .infinity { return Normal.tails(t) }
        if t == 0 { return TailProbabilities(lower: 0.5, upper: 0.5, logLower: -M_LN2, logUpper: -M_LN2) }
        let upper = upperTail(abs(t))
        return t > 0 ? upper : upper.swapped
    }

    /// Tails at t > 0: sf = ½·I_x(ν/2, ½), cdf = ½ + ½·I_y(½, ν/2).
    private func upperTail(_ t: Double) -> TailProbabilities {
        if t == .infinity { return .atPlusInfinity }
        let parts = Self.betaArguments(df, t)
        let ib = SpecialFunctions.regularizedBeta(
            df / 2, 0.5, x: parts.x, y: parts.y, gapA: parts.gapA, gapB: parts.gapB,
            logX: parts.logX, logY: parts.logY)
        let sf = 0.5 * ib.lower
        return TailProbabilities(
            lower: 0.5 + 0.5 * ib.upper, upper: sf,
            logLower: log1p(-sf), logUpper: ib.logLower - M_LN2)
    }

    /// x = ν/(ν+t²), y = t²/(ν+t²), the relative gaps of the incomplete beta's
    /// density factor, uA = (1−t²)/(ν+t²) and uB = ν(t²−1)/(ν+t²), and
    /// log K = log(xᵃyᵇ/B(a, b)), for t > 0. Note pdf(t) = K/t.
    static func betaArguments(_ df: Double, _ t: Double)
        -> (x: Double, y: Double, gapA: Double, gapB: Double, logX: Double, logY: Double, logK: Double)
    {
        let x, y, gapA, gapB, logX, logY: Double
        let t2 = t * t
        let t2m1 = (t - 1) * (t + 1)  // t² − 1 without cancellation near t = 1
        if t2.isFinite && (df + t2).isFinite {
            let s = df + t2
            x = df / s
            y = t2 / s
            gapA = -t2m1 / s
            gapB = df * (t2m1 / s)
            logX = log(df) - log(s)
            logY = log(y)
        } else {
            // t² overflows: scale by r = 1/t².
            let r = (1 / t) / t
            let s = df * r + 1
            x = df * r / s
            y = 1 / s
            gapA = (r - 1) / s
            gapB = df * ((1 - r) / s)
            // x ≈ ν/t² may underflow while sf ≈ x^(ν/2) does not: keep its log.
            logX = log(df) - 2 * log(t) - log(s)
            logY = -log(s)
        }
        let logK = SpecialFunctions.betaPrefactorLog(
            df / 2, 0.5, x: x, y: y, logX: logX, logY: logY, gapA: gapA, gapB: gapB)
        return (x, y, gapA, gapB, logX, logY, logK)
    }

    /// The t > 0 with P(T > t) = q, q ∈ (0, ½).
    private func upperQuantile(_ q: Double) -> Double {
        if q == 0 { return .infinity }
        if df == .infinity { return Normal.upperQuantile(q) }
        let nu = df
        let z = Normal.upperQuantile(q)
        // Cornish–Fisher expansion of t in powers of 1/ν (Hill 1970).
        let z2 = z * z
        let cornishFisher = z + z * (z2 + 1) / (4 * nu)
            + z * ((5 * z2 + 16) * z2 + 3) / (96 * nu * nu)
            + z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / (384 * nu * nu * nu)
        // Far tail: sf ≈ pdf(0)·ν^((ν−1)/2)·t^(−ν).
        let logPdf0 = log(pdf(0))
        let powerLaw = exp((logPdf0 + 0.5 * (nu - 1) * log(nu) - log(q)) / nu)
        let guesses = [cornishFisher, powerLaw, z]
        if q >= 0.25 {
            // Near the median solve P(0 < T < t) = ½ − q (exact), well conditioned as t → 0.
            let r = 0.5 - q
            return QuantileSolver.solvePositive(logTarget: log(r), guesses: guesses + [r / exp(logPdf0)]) { t in
                let parts = Self.betaArguments(nu, t)
                let ib = SpecialFunctions.regularizedBeta(
                    nu / 2, 0.5, x: parts.x, y: parts.y, gapA: parts.gapA, gapB: parts.gapB,
            logX: parts.logX, logY: parts.logY)
                let logCentral = ib.logUpper - M_LN2
                return (logCentral, exp(parts.logK - logCentral))
            }
        }
        return QuantileSolver.solvePositive(logTarget: log(q), guesses: guesses) { t in
            let parts = Self.betaArguments(nu, t)
            let ib = SpecialFunctions.regularizedBeta(
                nu / 2, 0.5, x: parts.x, y: parts.y, gapA: parts.gapA, gapB: parts.gapB,
            logX: parts.logX, logY: parts.logY)
            let logSf = ib.logLower - M_LN2
            // d log sf / d log t = −t·pdf/sf = −K/sf.
            return (logSf, -exp(parts.logK - logSf))
        }
    }
}
