import Foundation
import Testing
@testable import MemcastStatistics

/// Quantiles invert the tails on a dense grid beyond the fixtures: for each
/// distribution, degrees of freedom from 0.5 to 1e9 and probabilities from
/// 1e-300 to ½, log tail(quantile(p)) = log p up to (i) the evaluation error
/// of the tail, whose relative size grows like |log p|·2⁻⁵² because densities
/// are exp(−(a large exponent)), and (ii) the rounding of the returned x,
/// which moves log tail by |d log tail / d log x|·2⁻⁵³.
@Suite struct QuantileRoundTripTests {
    static let dfs: [Double] = [0.5, 1, 1.5, 2, 3, 7, 10, 25, 60, 150, 1e3, 1e4, 1e5, 1e6, 1e7, 1e9]
    static let probabilities: [Double] = [1e-300, 1e-200, 1e-100, 1e-60, 1e-30, 1e-12, 1e-6, 1e-3, 0.02, 0.1, 0.3, 0.45, 0.4999]

    /// Checks |log tail(x) − log p| ≤ 1e-14 + 4·2⁻⁵²·|log p| + 8·2⁻⁵³·|slope|
    /// (slope = d log tail / d log x).
    static func check(
        _ label: String, p: Double, x: Double, logTail: Double, slope: Double, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let tolerance = 1e-14 + 4 * 0x1p-52 * abs(log(p)) + 8 * 0x1p-53 * abs(slope)
        #expect(x.isFinite && abs(logTail - log(p)) <= tolerance,
                "\(label): p=\(p) x=\(x) log tail=\(logTail) vs \(log(p))", sourceLocation: sourceLocation)
    }

    @Test func studentT() {
        for df in Self.dfs {
            let d = StudentT(df: df)
            for p in Self.probabilities {
                let x = d.isf(p)
                if -log(p) / df > 700 { continue }  // sf ~ t^(−ν): t beyond the largest double
                let logSf = d.logsf(x)
                Self.check("t(\(df)).isf", p: p, x: x, logTail: logSf, slope: x * d.pdf(x) / exp(logSf))
                let y = d.quantile(p)
                #expect(y == -x)
            }
        }
    }

    @Test func chiSquared() {
        for df in Self.dfs {
            let d = ChiSquared(df: df)
            for p in Self.probabilities {
                let x = d.isf(p)
                Self.check("chi2(\(df)).isf", p: p, x: x, logTail: d.logsf(x), slope: x * d.pdf(x) / d.sf(x).nonZero)
                let y = d.quantile(p)
                if log(p) / (df / 2) < -700 {
                    // cdf ~ y^(df/2): the quantile is below the smallest normal double.
                    #expect(y >= 0 && y < 0x1p-1000, "chi2(\(df)).quantile(\(p)) = \(y)")
                    continue
                }
                Self.check("chi2(\(df)).quantile", p: p, x: y, logTail: d.logcdf(y), slope: y * d.pdf(y) / d.cdf(y).nonZero)
            }
        }
    }

    @Test func fisherF() {
        for dfn in [0.5, 1, 4, 30, 1e3, 1e6] {
            for dfd in [1.0, 5, 50, 1e4, 1e7] {
                let d = FisherF(dfn: dfn, dfd: dfd)
                for p in Self.probabilities {
                    let x = d.isf(p)
                    if -log(p) / (dfd / 2) > 700 { continue }  // sf ~ f^(−dfd/2): beyond the largest double
                    Self.check("F(\(dfn), \(dfd)).isf", p: p, x: x, logTail: d.logsf(x), slope: x * d.pdf(x) / d.sf(x).nonZero)
                    let y = d.quantile(p)
                    if log(p) / (dfn / 2) < -700 {
                        #expect(y >= 0 && y < 0x1p-1000, "F(\(dfn), \(dfd)).quantile(\(p)) = \(y)")
                        continue
                    }
                    Self.check("F(\(dfn), \(dfd)).quantile", p: p, x: y, logTail: d.logcdf(y), slope: y * d.pdf(y) / d.cdf(y).nonZero)
                }
            }
        }
    }

    @Test func normal() {
        for p in Self.probabilities {
            let x = Normal.isf(p)
            Self.check("normal.isf", p: p, x: x, logTail: Normal.logsf(x), slope: x * exp(Normal.logpdf(x) - Normal.logsf(x)))
        }
    }
}

private extension Double {
    /// The value, or the smallest subnormal in place of 0 (slope estimates only).
    var nonZero: Double { self == 0 ? .leastNonzeroMagnitude : self }
}
