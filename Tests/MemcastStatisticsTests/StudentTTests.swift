import Foundation
import Testing
@testable import MemcastStatistics

@Suite struct StudentTTests {
    // Fixture values (scipy.stats.t, or mpmath where scipy's error exceeds
    // 1e-14) to 1e-12 relative: ordinary ν, tails down to 1e-300, and
    // ν = 1e3 … 1e10, where t approaches the normal.
    @Test func matchesReferenceFixtures() throws {
        try DistributionFixture.expectMatches("t") { row in
            let d = StudentT(df: row.df1)
            return .init(cdf: d.cdf, sf: d.sf, quantile: d.quantile, isf: d.isf)
        }
    }

    // ν = 1 is the Cauchy distribution: cdf(t) = ½ + atan(t)/π, quantile(p) = tan(π(p − ½)).
    @Test func cauchyClosedForm() {
        let d = StudentT(df: 1)
        for t in [-3.0, -0.5, 0.25, 2.0, 10.0] {
            #expect(abs(d.cdf(t) - (0.5 + atan(t) / .pi)) <= 4e-16)
        }
        #expect(abs(d.quantile(0.9) / tan(.pi * 0.4) - 1) <= 1e-14)
    }

    // ν = +∞ is the standard normal; the density integrates the cdf:
    // pdf(0) = Γ((ν+1)/2)/(√(νπ)Γ(ν/2)), = 1/π for ν = 1 and 1/(2√2) for ν = 2.
    @Test func limitsAndDensity() {
        #expect(StudentT(df: .infinity).cdf(1.5) == Normal.cdf(1.5))
        #expect(abs(StudentT(df: 1).pdf(0) * .pi - 1) <= 1e-15)
        #expect(abs(StudentT(df: 2).pdf(0) * 2 * 2.0.squareRoot() - 1) <= 1e-15)
        #expect(abs(StudentT(df: 1).pdf(2) - 1 / (.pi * 5)) <= 1e-16)
    }

    // df ≤ 0 or NaN → NaN everywhere; probabilities outside [0, 1] → NaN.
    @Test func invalidParametersGiveNaN() {
        for df in [0.0, -1.0, .nan] {
            let d = StudentT(df: df)
            #expect(d.cdf(1).isNaN && d.sf(1).isNaN && d.quantile(0.3).isNaN && d.isf(0.3).isNaN)
        }
        let d = StudentT(df: 5)
        #expect(d.quantile(-1e-9).isNaN && d.isf(1.0000001).isNaN && d.cdf(.nan).isNaN)
        #expect(d.quantile(0) == -.infinity && d.isf(0) == .infinity && d.quantile(0.5) == 0)
    }
}
