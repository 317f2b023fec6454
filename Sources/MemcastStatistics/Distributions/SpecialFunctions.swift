import Foundation

/// Building blocks shared by the distributions: log-gamma, Stirling's error
/// term and the saddle-point deviance.
///
/// The distributions never form `lgamma(a) + lgamma(b) - lgamma(a + b)` or
/// `a·log(x) − x` directly: for a degree of freedom of 10⁶ those sums are
/// ~10⁷ and lose 9 digits to cancellation. Following Loader (2000, "Fast and
/// accurate computation of binomial probabilities"), densities are written as
/// `exp(−stirlingError − deviance) / √(2π·…)`, where both terms are small and
/// computed without cancellation.
enum SpecialFunctions {
    /// ½·log(2π).
    static let logSqrt2Pi = 0.918_938_533_204_672_741_780_329_7
    /// log(2π).
    static let log2Pi = 1.837_877_066_409_345_483_560_659

    /// log Γ(x) for x > 0 (the C library's `lgamma_r`, which is thread-safe,
    /// unlike `lgamma`, whose sign goes to a global).
    static func logGamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }

    /// Stirling's error δ(z) = log Γ(z+1) − (z+½)·log z + z − ½·log(2π), for z > 0.
    ///
    /// δ(z) ≈ 1/(12z) is small, so it carries the whole correction to Stirling's
    /// formula without cancellation. Half-integers up to 10 come from a table
    /// (computed with mpmath at 50 digits), z ≥ 10 from the asymptotic series
    /// (its first omitted term is below 2e-18 there), other z < 10 from `lgamma`
    /// (absolute error ≲ 5e-15).
    static func stirlingError(_ z: Double) -> Double {
        if z >= 10 {
            let r = 1 / z
            let r2 = r * r
            // Σ B₂ₖ / (2k(2k−1) z^(2k−1)), k = 1…8.
            var s = -3617.0 / 122_400
            s = s * r2 + 1.0 / 156
            s = s * r2 - 691.0 / 360_360
            s = s * r2 + 1.0 / 1188
            s = s * r2 - 1.0 / 1680
            s = s * r2 + 1.0 / 1260
            s = s * r2 - 1.0 / 360
            s = s * r2 + 1.0 / 12
            return s * r
        }
        let twice = 2 * z
        if twice == twice.rounded(), twice >= 1 {
            return stirlingErrorHalves[Int(twice) - 1]
        }
        return logGamma(z + 1) - (z + 0.5) * log(z) + z - logSqrt2Pi
    }

    /// δ(k/2) for k = 1…20 (mpmath, 50 digits).
    private static let stirlingErrorHalves: [Double] = [
        0.15342640972002734529, // z = 0.5
        0.08106146679532725822, // z = 1.0
        0.054814121051917653896, // z = 1.5
        0.041340695955409294094, // z = 2.0
        0.033162873519936287485, // z = 2.5
        0.027677925684998339149, // z = 3.0
        0.023746163656297495971, // z = 3.5
        0.020790672103765093112, // z = 4.0
        0.018488450532673185231, // z = 4.5
        0.016644691189821192163, // z = 5.0
        0.015134973221917378874, // z = 5.5
        0.013876128823070747999, // z = 6.0
        0.012810465242920226924, // z = 6.5
        0.011896709945891770095, // z = 7.0
        0.011104559758206917327, // z = 7.5
        0.010411265261972096497, // z = 8.0
        0.0097994161261588032984, // z = 8.5
        0.0092554621827127329177, // z = 9.0
        0.008768700134139385463, // z = 9.5
        0.0083305634333628712565, // z = 10.0
    ]

    /// The deviance term D(x, m) = x·log(x/m) + m − x ≥ 0 for x, m > 0,
    /// written D(x, m) = x·(u − log r) with r = m/x and u = r − 1, both given by the
    /// caller, each formed from its own variables without cancellation: u
    /// matters when m ≈ x (e.g. from t² − 1 rather than from a rounded
    /// x near 1), log r when m ≪ x (where 1 + u would have lost r's digits,
    /// or r itself would underflow).
    ///
    /// For small |u| the direct formula cancels; there, with v = u/(2+u),
    /// u − log(1+u) = u·v − 2·Σⱼ≥₁ v^(2j+1)/(2j+1) (log(1+u) = 2·atanh v),
    /// which keeps full relative accuracy (Loader's bd0 series).
    static func deviance(_ x: Double, gap u: Double, logRatio: @autoclosure () -> Double) -> Double {
        if u == .infinity { return .infinity }
        let v = u / (2 + u)
        if abs(v) < 0.5 {
            let v2 = v * v
            var power = v
            var sum = 0.0
            var j = 3.0
            while j < 200 {
                power *= v2
                let next = sum + power / j
                if next == sum { break }
                sum = next
                j += 2
            }
            return x * (u * v - 2 * sum)
        }
        return x * (u - logRatio())
    }

    /// b₀ + a₁/(b₁ + a₂/(b₂ + …)) by the modified Lentz method (Thompson &
    /// Barnett 1986): stops when a step changes the value by less than 2⁻⁵³,
    /// or after `maxTerms` terms.
    ///
    /// - Parameter term: (aₘ, bₘ) for m = 1, 2, ….
    static func continuedFraction(b0: Double, maxTerms: Double, term: (Double) -> (a: Double, b: Double)) -> Double {
        let tiny = 0x1p-1000  // stands in for an exact zero denominator
        var value = abs(b0) < tiny ? tiny : b0
        var c = value
        var d = 0.0
        var m = 1.0
        while m <= maxTerms {
            let (a, b) = term(m)
            d = b + a * d
            if abs(d) < tiny { d = tiny }
            c = b + a / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = c * d
            value *= delta
            if abs(delta - 1) < 0x1p-53 { break }
            m += 1
        }
        return value
    }

    /// log(1 − eˣ) for x ≤ 0, accurate at both ends (Mächler 2012).
    static func log1mexp(_ x: Double) -> Double {
        x > -M_LN2 ? log(-expm1(x)) : log1p(-exp(x))
    }
}
