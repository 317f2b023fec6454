import Foundation
import Testing
@testable import MemcastStatistics

@Suite struct ChiSquaredTests {
    // Fixture values (scipy.stats.chi2, or mpmath where scipy's error exceeds
    // 1e-14) to 1e-12 relative: ordinary k, both tails down to 1e-300,
    // k = 1e3 … 1e8.
    @Test func matchesReferenceFixtures() throws {
        try DistributionFixture.expectMatches("chi2") { row in
            let d = ChiSquared(df: row.df1)
            return .init(cdf: d.cdf, sf: d.sf, quantile: d.quantile, isf: d.isf)
        }
    }

    // k = 2 is the exponential with mean 2: sf(x) = e^(−x/2), isf(q) = −2·log q.
    // Values formed as exp(log …) carry a relative error of about
    // |log value|·2⁻⁵²; the tolerance says so.
    @Test func twoDegreesOfFreedomIsExponential() {
        let d = ChiSquared(df: 2)
        for x in [0.01, 1.0, 7.5, 100.0, 1000.0] {
            let tolerance = 4 * Double.ulpOfOne * max(1, x / 2)
            #expect(abs(d.sf(x) / exp(-x / 2) - 1) <= tolerance)
            #expect(abs(d.pdf(x) / (0.5 * exp(-x / 2)) - 1) <= tolerance)
        }
        for q in [1e-300, 1e-20, 0.05, 0.7] {
            #expect(abs(d.isf(q) / (-2 * log(q)) - 1) <= 4e-16)
        }
    }

    @Test func invalidParametersGiveNaN() {
        for df in [0.0, -2.0, .nan, .infinity] {
            let d = ChiSquared(df: df)
            #expect(d.cdf(1).isNaN && d.sf(1).isNaN && d.quantile(0.3).isNaN && d.isf(0.3).isNaN)
        }
        let d = ChiSquared(df: 3)
        #expect(d.quantile(2).isNaN && d.cdf(.nan).isNaN)
        #expect(d.cdf(-1) == 0 && d.sf(-1) == 1 && d.quantile(0) == 0 && d.isf(0) == .infinity)
    }
}
