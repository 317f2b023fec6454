import Foundation

/// Moment-based tests of normality for residuals: Jarque–Bera and
/// D'Agostino–Pearson's omnibus K² (the statistics statsmodels' summary prints).
///
/// Moments are the biased (population) ones about the sample mean:
/// mₖ = Σ(xᵢ − x̄)ᵏ/n, skewness √b₁ = m₃/m₂^{3/2}, kurtosis b₂ = m₄/m₂² (3 for a normal).
public enum NormalityTests {
    /// Skewness m₃/m₂^{3/2}.
    public static func skewness(_ x: [Double]) -> Double {
        let (m2, m3, _) = centralMoments(x)
        return m3 / pow(m2, 1.5)
    }

    /// Kurtosis m₄/m₂² (Pearson's, not excess).
    public static func kurtosis(_ x: [Double]) -> Double {
        let (m2, _, m4) = centralMoments(x)
        return m4 / (m2 * m2)
    }

    /// Jarque–Bera JB = n/6·(S² + (K − 3)²/4), p = P(χ²₂ > JB).
    public static func jarqueBera(_ x: [Double]) -> (statistic: Double, pvalue: Double) {
        let s = skewness(x), k = kurtosis(x)
        let jb = Double(x.count) / 6 * (s * s + (k - 3) * (k - 3) / 4)
        return (jb, ChiSquared(df: 2).sf(jb))
    }

    /// D'Agostino's skewness test: Z for √b₁ after the transformation of
    /// D'Agostino (1970) as given by D'Agostino, Belanger & D'Agostino (1990), eqs. in §2.
    /// Needs n ≥ 8 (NaN otherwise).
    public static func skewnessZ(_ x: [Double]) -> Double {
        let n = Double(x.count)
        guard x.count >= 8 else { return .nan }
        let b1 = skewness(x)
        let y = b1 * ((n + 1) * (n + 3) / (6 * (n - 2))).squareRoot()
        let beta2 = 3 * (n * n + 27 * n - 70) * (n + 1) * (n + 3) / ((n - 2) * (n + 5) * (n + 7) * (n + 9))
        let w2 = -1 + (2 * (beta2 - 1)).squareRoot()
        let delta = 1 / (0.5 * log(w2)).squareRoot()
        let a = (2 / (w2 - 1)).squareRoot()
        let r = (y == 0 ? 1 : y) / a
        return delta * log(r + (r * r + 1).squareRoot())
    }

    /// Anscombe & Glynn's (1983) kurtosis test: Z for b₂. Needs n ≥ 5 (NaN otherwise).
    public static func kurtosisZ(_ x: [Double]) -> Double {
        let n = Double(x.count)
        guard x.count >= 5 else { return .nan }
        let b2 = kurtosis(x)
        let mean = 3 * (n - 1) / (n + 1)
        let variance = 24 * n * (n - 2) * (n - 3) / ((n + 1) * (n + 1) * (n + 3) * (n + 5))
        let z = (b2 - mean) / variance.squareRoot()
        // Standardised third moment of b₂.
        let rootBeta1 = 6 * (n * n - 5 * n + 2) / ((n + 7) * (n + 9)) * (6 * (n + 3) * (n + 5) / (n * (n - 2) * (n - 3))).squareRoot()
        let a = 6 + 8 / rootBeta1 * (2 / rootBeta1 + (1 + 4 / (rootBeta1 * rootBeta1)).squareRoot())
        let term1 = 1 - 2 / (9 * a)
        let denom = 1 + z * (2 / (a - 4)).squareRoot()
        guard denom != 0 else { return .nan }
        let term2 = (denom < 0 ? -1.0 : 1.0) * pow((1 - 2 / a) / abs(denom), 1.0 / 3)
        return (term1 - term2) / (2 / (9 * a)).squareRoot()
    }

    /// Omnibus K² = Z(√b₁)² + Z(b₂)², p = P(χ²₂ > K²); NaN below 8 observations.
    public static func omnibus(_ x: [Double]) -> (statistic: Double, pvalue: Double) {
        guard x.count >= 8 else { return (.nan, .nan) }
        let zs = skewnessZ(x), zk = kurtosisZ(x)
        let k2 = zs * zs + zk * zk
        return (k2, ChiSquared(df: 2).sf(k2))
    }

    private static func centralMoments(_ x: [Double]) -> (Double, Double, Double) {
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        var m2 = 0.0, m3 = 0.0, m4 = 0.0
        for v in x {
            let d = v - mean, d2 = d * d
            m2 += d2
            m3 += d2 * d
            m4 += d2 * d2
        }
        return (m2 / n, m3 / n, m4 / n)
    }
}
