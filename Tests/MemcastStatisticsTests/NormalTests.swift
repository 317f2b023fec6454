import Foundation
import Testing
@testable import MemcastStatistics

@Suite struct NormalTests {
    // Every fixture value (scipy.stats.norm, or mpmath where scipy's error
    // exceeds 1e-14) is matched to 1e-12 relative: cdf/sf down to 1e-300 and
    // quantiles for p down to 1e-300.
    @Test func matchesReferenceFixtures() throws {
        try DistributionFixture.expectMatches("normal") { _ in
            .init(cdf: Normal.cdf, sf: Normal.sf, quantile: Normal.quantile, isf: Normal.isf)
        }
    }

    // Φ(x) + Φ(−x) = 1 and sf(x) = cdf(−x) exactly by construction; the log
    // versions stay finite past underflow: log Φ(−40) = −804.6084420137538.
    @Test func symmetryAndLogTails() {
        for x in [0.0, 0.3, 1.7, 5.0, 20.0] {
            #expect(Normal.sf(x) == Normal.cdf(-x))
            #expect(abs(Normal.cdf(x) + Normal.cdf(-x) - 1) <= 2e-16)
        }
        #expect(Normal.cdf(-40) == 0)  // 3.6e-350 is below the subnormals
        // mpmath: log ncdf(−40) = −804.608442013753788…, log ncdf(−1e5) = −5000000012.4318640.
        #expect(abs(Normal.logcdf(-40) / -804.6084420137538 - 1) < 1e-14)
        #expect(abs(Normal.logsf(1e5) / -5000000012.431864 - 1) < 1e-15)
        #expect(Normal.logcdf(40) == -Normal.sf(40))
    }

    // pdf(x) = exp(−x²/2)/√(2π); mpmath: φ(30) = 1.4736461348785475e-196.
    @Test func density() {
        #expect(abs(Normal.pdf(0) - 0.3989422804014327) <= 1e-16)
        #expect(abs(Normal.pdf(30) / 1.4736461348785475e-196 - 1) < 1e-14)
    }

    // Probabilities outside [0, 1] and NaN give NaN; the ends give ±∞.
    @Test func invalidAndBoundaryArguments() {
        #expect(Normal.quantile(-0.1).isNaN)
        #expect(Normal.quantile(1.5).isNaN)
        #expect(Normal.quantile(.nan).isNaN)
        #expect(Normal.cdf(.nan).isNaN)
        #expect(Normal.quantile(0) == -.infinity)
        #expect(Normal.quantile(1) == .infinity)
        #expect(Normal.quantile(0.5) == 0)
        #expect(Normal.isf(0) == .infinity)
        #expect(Normal.cdf(-.infinity) == 0 && Normal.sf(.infinity) == 0)
    }
}
