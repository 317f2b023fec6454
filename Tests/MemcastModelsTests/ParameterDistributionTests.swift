import Testing
import Foundation
@testable import MemcastModels

@Suite struct ParameterDistributionTests {
    /// U(4, 10) at 0.05 → 4.3; N(−1.1, 0.3) at 0.95 → −1.1 + 1.6449·0.3; clamping puts the tail on the bound.
    @Test func quantilesOfUniformNormalAndFixed() {
        #expect(abs(ParameterDistribution.uniform(4, 10).quantile(0.05) - 4.3) < 1e-12)
        let n = ParameterDistribution.normal(mean: -1.1, sd: 0.3, lower: -3, upper: -0.1)
        #expect(abs(n.quantile(0.95) - (-1.1 + 1.6448536269514722 * 0.3)) < 1e-12)
        #expect(ParameterDistribution.normal(mean: -1.1, sd: 3, lower: -3, upper: -0.1).quantile(0.95) == -0.1)
        #expect(ParameterDistribution.fixed(2).quantile(0.05) == 2)
    }

    /// t with 2 df: its 0.975 quantile is 4.302652729911275 (scipy.stats.t.ppf(0.975, 2)), so
    /// center 0.75 and scale 0.4 give 0.75 + 0.4·4.3027 = 2.4711 there; a draw at u = 0.975 is the same
    /// value whatever z is; the lower tail is clamped to 0.
    @Test func studentTDrawsFromItsQuantiles() {
        let d = ParameterDistribution.studentT(center: 0.75, scale: 0.4, df: 2, lower: 0, upper: 10)
        #expect(abs(d.quantile(0.975) - (0.75 + 0.4 * 4.302652729911275)) < 1e-9)
        #expect(d.value(u: 0.975, z: -3) == d.quantile(0.975))
        #expect(d.value(u: 0.5, z: 2) == 0.75)
        #expect(d.quantile(0.01) == 0)
        #expect(d.center == 0.75)
        #expect(d.text == "t2(0.75, 0.4)")
    }
}
